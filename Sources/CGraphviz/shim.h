// The only C the project has: Graphviz's headers plus small inline helpers for what Swift
// cannot call directly.
#ifndef CJM_GRAPHVIZ_SHIM_H
#define CJM_GRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#endif
