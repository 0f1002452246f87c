/*
 * tablecell.h - a table's cells, as table.c sets them and tablewidth.c
 * gives their columns widths (measure stage; internal to the two).
 */
#ifndef RP_TABLECELL_H
#define RP_TABLECELL_H

#include "measure_int.h"

typedef struct Cell {
    const Node *node;
    int         row, col, colspan, rowspan;
    Pieces      ps;
    Lines       lines;
    int        *line_row;      /* per line: the row whose box draws it */
    LinkRun     link_run;      /* its lines' last link (se_links) */
    int32_t    *line_y;        /* per line: its top within that row */
    int32_t     min, pref;     /* widths incl. padding */
    int32_t     min_solve;     /* min for the shortest table: a header's words may break after their
                                  own hyphen ("Budget-/avvikelse"); others: min */
    int32_t     min_once;      /* min if each word may be hyphenated once (a header's: its widest word) */
    int32_t     min_hyph;      /* min if words may be hyphenated (a header's: its widest word) */
    int32_t     min_joint;     /* min once a header's words break at their compounds' joints */
    int32_t     min_last;      /* min as a last resort: a header's words hyphenated too */
    int32_t     frac;          /* number cells: width from the decimal comma on, -1: not a number */
    int32_t     pad;           /* space right of a number so its comma lines up */
    int32_t     indent;        /* space left of a sub-row's label ("Män" under its indicator) */
    bool        unit_edge;     /* its unit goes to the column's edge: the column's units are one */
    int32_t     unit_pad;      /* else how far its unit moves right to stand with the same unit of
                                * a figure with decimals ("41 %" under "73,0 %") */
    int32_t     h;             /* content height */
    Align       align;
    StyleId     sid;
    int         variant;
    bool        fill_head, fill_group;
    int         se;            /* its TH or TD */
    CellBlocks  blocks;        /* a cell holding a list: its lines' list parts (cellblock.c) */
    int        *part_se;       /*   the parts' elements, made with se */
} Cell;

/* Column widths (tablewidth.c), into w[0..ncols): those that make the
 * table least tall when its words fit without hyphens (false when they
 * do not); with SHORTEST_HEAD_JOINTS, its header words may break at
 * their compounds' joints ("Verksamhets-/bidrag"), where that pays; with
 * SHORTEST_BODY_ONCE, its body's words may each break once, at their
 * best point ("Medarbetar-/undersökning"), where that pays; else the
 * automatic table layout (table_widths). SHORTEST_QUICK searches less
 * (the greedy sooner): for a bound, not for the table's widths. */
enum { SHORTEST_HEAD_JOINTS = 1, SHORTEST_BODY_ONCE = 2, SHORTEST_QUICK = 4 };
bool table_shortest_widths(M *m, const Node *t, Cell *cells, int ncell, int nrows, int ncols, int32_t width,
                           unsigned how, int32_t *w);
void table_widths(M *m, const Node *t, Cell *cells, int ncell, int ncols, int32_t width, int32_t *w);

/* The height of a table of cells[0..ncell) in nrows rows at column
 * widths w[0..ncols), as the solver counts it (a sample of long tables'
 * rows, words whole where they fit). */
int64_t table_height_at(M *m, const Cell *cells, int ncell, int nrows, int ncols, const int32_t *w);

/* Whether table t's header words must break for it to fit, even with its
 * body's words hyphenated (the automatic layout's last resort). */
bool table_heads_break(M *m, const Node *t, const Cell *cells, int ncell, int ncols, int32_t width);

/* The warning that table t's header words break (fits) or that even
 * hyphenated its words do not fit (!fits). */
void table_warn_heads(M *m, const Node *t, bool fits);

/* Columns of a given width (a length or a share) that leave the others
 * too little to hold their words whole, where the table could hold them
 * all: narrowed, down to what their own words need, with a warning, if
 * the table then holds its words whole (the widths in w); t's columns
 * are changed then, what the table is set with from here on. Whether
 * it did. */
bool table_yield_given(M *m, const Node *t, Cell *cells, int ncell, int nrows, int ncols, int32_t width, int32_t *w);

/* How far a table's words must give to fit `width` (column_bounds'
 * tiers, tablewidth.c): whole; each hyphenated once; hyphenated where
 * they may be; headers broken at their joints; words broken anywhere;
 * not even so; its figures too wide side by side. */
typedef enum TableTight {
    TIGHT_WHOLE, TIGHT_ONCE, TIGHT_HYPH, TIGHT_JOINTS, TIGHT_ANYWHERE, TIGHT_OVER, TIGHT_FIGURES
} TableTight;
int table_tightness(M *m, const Node *t, const Cell *cells, int ncell, int ncols, int32_t width);

/* Whether table t is set in the small size: it says so (font-size), or
 * rapport set it so (table.c, smaller_if_tight: at the normal size its
 * words would break anywhere, or its figures not stand side by side). */
static inline bool table_small(const M *m, const Node *t)
{
    return t->u.table.small || map_get(&m->tables_small, t);
}

/* Whether n stands on a <landscape> page. */
bool table_in_landscape(const Node *n);

#endif
