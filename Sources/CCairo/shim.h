// Cairo, for the pages of a tiled poster: Graphviz draws the map once into a cairo recording
// surface (through its own cairo renderer), and cjm places that drawing on as many PDF pages
// as the poster needs. Debian: libcairo2-dev (libcairo2 itself comes with Graphviz).
#ifndef CJM_CAIRO_SHIM_H
#define CJM_CAIRO_SHIM_H
#include <cairo.h>
#include <cairo-pdf.h>
#endif
