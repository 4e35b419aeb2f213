// The only C the project has: Graphviz's headers plus small inline helpers for what Swift
// cannot call directly. Graphviz 2.42 declares most string parameters `char *` although it
// only reads them (cgraph copies every name and value into its own string pool), so these
// wrappers take `const char *`, which Swift passes a String to without copying by hand.
#ifndef CJM_GRAPHVIZ_SHIM_H
#define CJM_GRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <malloc.h>

/// Opens an empty non-strict directed root graph.
static inline Agraph_t *cjm_open_directed(const char *name) {
    return agopen((char *)name, Agdirected, NULL);
}

/// A subgraph of `g`, created when missing.
static inline Agraph_t *cjm_subgraph(Agraph_t *g, const char *name) {
    return agsubg(g, (char *)name, 1);
}

/// A node of `g` (and of the root), created when missing.
static inline Agnode_t *cjm_node(Agraph_t *g, const char *name) {
    return agnode(g, (char *)name, 1);
}

/// A new anonymous edge: a non-strict graph keeps parallel edges apart.
static inline Agedge_t *cjm_edge(Agraph_t *g, Agnode_t *tail, Agnode_t *head) {
    return agedge(g, tail, head, NULL, 1);
}

/// Declares attribute `name` for objects of `kind` (AGRAPH, AGNODE, AGEDGE) with a default.
static inline Agsym_t *cjm_declare(Agraph_t *g, int kind, const char *name, const char *fallback) {
    return agattr(g, kind, (char *)name, (char *)fallback);
}

/// Sets a declared attribute on one graph, node or edge; 0 on success.
static inline int cjm_set(void *object, Agsym_t *symbol, const char *value) {
    return agxset(object, symbol, (char *)value);
}

/// An attribute's value on `object`, or NULL when it is not declared.
static inline const char *cjm_get(void *object, const char *name) {
    return agget(object, (char *)name);
}

/// Routes every cgraph/gvc message (warnings and errors, in pieces) to `sink`.
static inline void cjm_capture_messages(agusererrf sink) {
    agseterr(AGWARN);
    agseterrf(sink);
}

/// The AGRAPH / AGNODE / AGEDGE kinds as plain ints (they are macros Swift sees as Int32).
static inline int cjm_kind_graph(void) { return AGRAPH; }
static inline int cjm_kind_node(void) { return AGNODE; }
static inline int cjm_kind_edge(void) { return AGEDGE; }

/// One malloc arena: glibc otherwise reserves 64 MB of address space per thread, which an
/// RLIMIT_AS cap would spend on reservations instead of on the map.
static inline void cjm_single_malloc_arena(void) { mallopt(M_ARENA_MAX, 1); }

#endif
