// The only C the project has: Graphviz's headers plus small inline helpers for what Swift
// cannot call directly. Graphviz 2.42 declares most string parameters `char *` although it
// only reads them (cgraph copies every name and value into its own string pool), so these
// wrappers take `const char *`, which Swift passes a String to without copying by hand.
#ifndef CJM_GRAPHVIZ_SHIM_H
#define CJM_GRAPHVIZ_SHIM_H
#include <graphviz/gvc.h>
#include <graphviz/cgraph.h>
#include <graphviz/gvplugin.h>
#include <graphviz/gvplugin_textlayout.h>
#include <dlfcn.h>
#include <malloc.h>
#include <stdlib.h>
#include <string.h>

// Subgraph IDs in creation order.
//
// cgraph keeps subgraphs (so clusters) in a dictionary ordered by ID, and its default ID for
// a named object is the address of the interned name. Cluster order, and with it the layout
// and the order of the SVG, then followed heap addresses, which shift with the environment
// and with pango's threads: the same map could come out different on another run. Named
// subgraphs here get IDs 2, 4, 6, ... in the order they are created. Named nodes are left to
// cgraph's internal name map, which takes anonymous IDs from a counter that only grows, as
// edges do: `dot` orders some of its work by node ID, so with address IDs a graph laid out
// after another in the same process came out differently from the same graph laid out first.
typedef struct {
    Agraph_t *root;
    void *inner;       // AgIdDisc's state, for everything but named subgraphs
    char **names;      // subgraph i has ID 2 * (i + 1); interned, as agnameof's callers expect
    size_t count;
    size_t capacity;
} cjm_id_state;

static inline void *cjm_id_open(Agraph_t *g, Agdisc_t *disc) {
    cjm_id_state *state = calloc(1, sizeof *state);
    if (state) {
        state->root = g;
        state->inner = AgIdDisc.open(g, disc);
    }
    return state;
}

static inline long cjm_id_map(void *opaque, int objtype, char *name, IDTYPE *id, int create) {
    cjm_id_state *state = opaque;
    // 0 for a named node: cgraph then keeps the name itself and asks for an anonymous ID.
    if (objtype == AGNODE && name != NULL) return 0;
    if (objtype != AGRAPH || name == NULL) return AgIdDisc.map(state->inner, objtype, name, id, create);
    for (size_t i = 0; i < state->count; i++) {
        if (strcmp(state->names[i], name) == 0) { *id = (IDTYPE)(2 * (i + 1)); return 1; }
    }
    if (!create) return 0;
    if (state->count == state->capacity) {
        size_t capacity = state->capacity ? 2 * state->capacity : 64;
        char **names = realloc(state->names, capacity * sizeof *names);
        if (!names) return 0;
        state->names = names;
        state->capacity = capacity;
    }
    // Interned, not strdup'ed: the DOT writer asks aghtmlstr(), which reads the header
    // cgraph keeps in front of its own strings.
    char *copy = agstrdup(state->root, name);
    if (!copy) return 0;
    state->names[state->count++] = copy;
    *id = (IDTYPE)(2 * state->count);
    return 1;
}

static inline long cjm_id_alloc(void *opaque, int objtype, IDTYPE id) {
    cjm_id_state *state = opaque;
    return objtype == AGRAPH ? 0 : AgIdDisc.alloc(state->inner, objtype, id);
}

static inline void cjm_id_free(void *opaque, int objtype, IDTYPE id) {
    cjm_id_state *state = opaque;
    // Named subgraph IDs are not string addresses: cgraph's own free would release them.
    if (objtype == AGRAPH && id % 2 == 0) return;
    AgIdDisc.free(state->inner, objtype, id);
}

static inline char *cjm_id_print(void *opaque, int objtype, IDTYPE id) {
    cjm_id_state *state = opaque;
    if (objtype == AGRAPH && id % 2 == 0 && id >= 2 && id / 2 <= state->count) return state->names[id / 2 - 1];
    return AgIdDisc.print(state->inner, objtype, id);
}

static inline void cjm_id_close(void *opaque) {
    cjm_id_state *state = opaque;
    // The interned names go with the graph's string pool, which agclose frees after this.
    free(state->names);
    AgIdDisc.close(state->inner);
    free(state);
}

static inline void cjm_id_register(void *opaque, int objtype, void *object) {
    cjm_id_state *state = opaque;
    AgIdDisc.idregister(state->inner, objtype, object);
}

/// Opens an empty non-strict directed root graph whose subgraphs are ordered as created.
static inline Agraph_t *cjm_open_directed(const char *name) {
    static Agiddisc_t ids = { cjm_id_open, cjm_id_map, cjm_id_alloc, cjm_id_free, cjm_id_print, cjm_id_close, cjm_id_register };
    static Agdisc_t discipline = { &AgMemDisc, &ids, &AgIoDisc };
    return agopen((char *)name, Agdirected, &discipline);
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
///
/// A node or edge whose value is still the declared default (the same interned string, as
/// cgraph gives every new object) and is given that default again is left as it is: that is
/// what setting it would give, without hashing the value into the string pool. Graphs are
/// always set, because cgraph also makes a graph's value the default of its later subgraphs.
static inline int cjm_set(void *object, Agsym_t *symbol, const char *value) {
    if (AGTYPE(object) != AGRAPH && agxget(object, symbol) == symbol->defval && strcmp(value, symbol->defval) == 0) return 0;
    return agxset(object, symbol, (char *)value);
}

/// An attribute's value on `object`, or NULL when it is not declared.
static inline const char *cjm_get(void *object, const char *name) {
    return agget(object, (char *)name);
}

// Reading a layout back. The `ND_`/`ED_`/`GD_` accessors are macros over Graphviz's private
// records, which Swift cannot expand; after gvLayout they hold final coordinates in points
// (rankdir already applied), node sizes in inches.

/// A node's centre and size in points.
static inline void cjm_node_box(Agnode_t *n, double *x, double *y, double *width, double *height) {
    *x = ND_coord(n).x;
    *y = ND_coord(n).y;
    *width = ND_width(n) * 72.0;
    *height = ND_height(n) * 72.0;
}

/// The bounding box of a laid-out graph or cluster, in points.
static inline void cjm_graph_box(Agraph_t *g, double *x0, double *y0, double *x1, double *y1) {
    *x0 = GD_bb(g).LL.x;
    *y0 = GD_bb(g).LL.y;
    *x1 = GD_bb(g).UR.x;
    *y1 = GD_bb(g).UR.y;
}

/// How many control points the edge's first curve has (0 when it was not drawn).
static inline int cjm_edge_point_count(Agedge_t *e) {
    splines *spl = ED_spl(e);
    return (spl && spl->size > 0) ? spl->list[0].size : 0;
}

/// Control point `i` of the edge's first curve.
static inline void cjm_edge_point(Agedge_t *e, int i, double *x, double *y) {
    pointf p = ED_spl(e)->list[0].list[i];
    *x = p.x;
    *y = p.y;
}

/// The arrow tips of the edge's first curve: returns bit 1 when the tail end has one (in
/// `sx`, `sy`), bit 2 when the head end has one (in `ex`, `ey`).
static inline int cjm_edge_tips(Agedge_t *e, double *sx, double *sy, double *ex, double *ey) {
    bezier *b = &ED_spl(e)->list[0];
    *sx = b->sp.x; *sy = b->sp.y; *ex = b->ep.x; *ey = b->ep.y;
    return (b->sflag ? 1 : 0) | (b->eflag ? 2 : 0);
}

/// The edge label's centre and size in points; 0 when the edge has no placed label.
static inline int cjm_edge_label(Agedge_t *e, double *x, double *y, double *width, double *height) {
    textlabel_t *label = ED_label(e);
    if (!label || !label->set) return 0;
    *x = label->pos.x; *y = label->pos.y;
    *width = label->dimen.x; *height = label->dimen.y;
    return 1;
}

/// Replaces the points of the edge's first curve with `count` points (`xy`: x, y, x, y...),
/// after `nop2` read a short stand-in from `pos`; 0 on success. Arrow tips stay as read.
static inline int cjm_set_edge_points(Agedge_t *e, const double *xy, int count) {
    splines *spl = ED_spl(e);
    if (!spl || spl->size < 1 || count < 1) return -1;
    pointf *points = malloc((size_t)count * sizeof *points);
    if (!points) return -1;
    for (int i = 0; i < count; i++) { points[i].x = xy[2 * i]; points[i].y = xy[2 * i + 1]; }
    bezier *b = &spl->list[0];
    free(b->list);
    b->list = points;
    b->size = count;
    return 0;
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

// Text measuring that remembers. Graphviz asks its textlayout plugin (pango's) for the size
// of every label line, and pango shapes the line each time; a flow map repeats most of its
// lines ("эмоция: −2", edge labels), so more than half of that work is done again for the
// same line. `cjm_remember_text_sizes` puts a plugin of higher quality in front of pango's
// that asks pango once per distinct (font, size, flags, text) and hands back the same
// numbers after that, through `measure`, a Swift function. A remembered line has no pango
// layout, which only cairo's renderers draw from, so only processes that never draw with
// cairo use it (block layouts; SVG and DOT output).

// Graphviz's own choice of textlayout plugin: exported by libgvc but not declared in its
// installed headers.
extern int gvtextlayout_select(GVC_t *gvc);

// Writes `len` bytes to the render job's output: exported by libgvc, not in its installed
// headers (what `GraphvizNumber`'s `gvprintdouble` writes through, as libgvc's own does).
extern size_t gvwrite(GVJ_t *job, const char *s, size_t len);

static gvtextlayout_engine_t cjm_remembering_engine = { NULL };
static gvplugin_installed_t cjm_remembering_types[] = {
    { 0, "textlayout", 100, &cjm_remembering_engine, NULL },
    { 0, NULL, 0, NULL, NULL }
};
static gvplugin_api_t cjm_remembering_apis[] = { { API_textlayout, cjm_remembering_types }, { (api_t)0, NULL } };
static gvplugin_library_t cjm_remembering_library = { "cjm", cjm_remembering_apis };

/// Pango's textlayout engine, once gvContext has loaded its plugin; NULL otherwise.
static inline gvtextlayout_engine_t *cjm_pango_text_engine(void) {
    void *handle = dlopen("libgvplugin_pango.so.6", RTLD_LAZY | RTLD_NOLOAD);
    if (!handle) return NULL;
    gvplugin_library_t *library = dlsym(handle, "gvplugin_pango_LTX_library");
    gvtextlayout_engine_t *engine = NULL;
    for (gvplugin_api_t *api = library ? library->apis : NULL; api && api->types; api++) {
        if (api->api != API_textlayout) continue;
        for (gvplugin_installed_t *type = api->types; type->type; type++) {
            if (strcmp(type->type, "textlayout") == 0) { engine = type->engine; break; }
        }
    }
    dlclose(handle);  // NOLOAD took a reference of its own; Graphviz keeps the plugin loaded.
    return engine;
}

/// Makes `measure` the context's text measurer; 0 when it is in place, else the context
/// keeps measuring with pango as before.
static inline int cjm_remember_text_sizes(GVC_t *gvc, boolean (*measure)(textspan_t *, char **)) {
    cjm_remembering_engine.textlayout = measure;
    gvAddLibrary(gvc, &cjm_remembering_library);
    return gvtextlayout_select(gvc) == 999 /* NO_SUPPORT */ ? -1 : 0;
}

/// The span's font flags (a bit-field Swift cannot read).
static inline unsigned int cjm_span_font_flags(const textspan_t *span) { return span->font ? span->font->flags : 0; }

#endif
