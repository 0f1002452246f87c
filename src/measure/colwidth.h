/*
 * colwidth.h - table column widths that make the table shortest
 * (measure stage; pure: no fonts, no model, no arena).
 *
 * table.c measures every cell once into segments (the text between two
 * places a line may break, with the space after it) and hands them here
 * with each column's narrowest and widest useful width. colwidth_solve()
 * gives the free columns the widths, summing to the room left by the
 * fixed ones, for which the table is least tall when every cell is
 * broken into the fewest lines (first fit, which finds that number).
 *
 * Design notes (after Hurst, Marriott and Moulder, "Toward tighter
 * tables", DocEng 2005, and Gange et al., "Optimal automatic table
 * layout", DocEng 2011):
 *  - A cell's height is a step function of its width: it changes only at
 *    the narrowest width that fits it in k lines, k = 1, 2, ... Those
 *    widths (found by bisection, first fit being monotone in the width)
 *    are the only widths worth trying for a column: its candidates.
 *  - The cost of a choice is the table's height: the sum of the rows'
 *    heights (the tallest single-row cell of each), plus what a cell
 *    spanning rows needs beyond its rows. Ties go to the smaller sum of
 *    all cells' heights, so a cell that is not yet its row's tallest
 *    still gets room when it costs nothing.
 *  - Small problems are solved exactly: every combination of candidates
 *    that fits the room is tried (bounded by COLW_EXACT_BUDGET cell
 *    evaluations). Larger ones take the greedy of Hurst et al.: from the
 *    narrowest widths, repeatedly widen the column whose next candidates
 *    (the nearest few, then ever farther ones) save the most height per
 *    point of width, at most 24 steps a column. In a table without spans
 *    a step is weighed from the column's own cells (each row keeps its
 *    tallest and second-tallest cell), not from the whole sample.
 *  - Long tables are measured on a sample of their rows (every k-th row,
 *    about COLW_MAX_ROWS of them, the header rows, and the rows a sampled
 *    cell spans): one evaluation costs the sample, so time stays linear
 *    in the rows; the widths fit the sample as they fit the whole. A cell
 *    of more than COLW_MAX_STEPS lines is tabulated at that many widths
 *    rather than stepped line by line (linear in its length).
 *  - Room left once nothing gets shorter is spread over the free columns
 *    by their weights where the author gave some (2*), else over those
 *    whose cells still wrap (less ragged), else over all, in proportion
 *    to their widths, so a table still spans the text.
 *
 * Invariants:
 *  1. A free column is never narrower than its `min`, a fixed column
 *     keeps its `fixed` width (both as given by the caller).
 *  2. The widths sum to at most `width`, and to `width` itself when the
 *     minimums and fixed widths fit in it and a free column can take
 *     what is left (all fixed: the caller gives the rest to the last
 *     column); when they do not fit, the caller's fallback (narrowing)
 *     applies.
 *  3. The result depends only on the input: integers throughout.
 */
#ifndef RP_COLWIDTH_H
#define RP_COLWIDTH_H

#include <stdbool.h>
#include <stdint.h>

enum {
    COLW_MAX_ROWS     = 160,        /* rows measured in a long table */
    COLW_MAX_STEPS    = 64,         /* line counts a cell's steps tell apart exactly */
    COLW_MAX_CELLS    = 1600,       /* cells measured in a long table (fewer rows when wide) */
    COLW_EXACT_BUDGET = 2000000,    /* cell evaluations the exact search may spend */
};

/* input: the text of a cell between two break chances */
typedef struct CwSeg {
    int32_t w;        /* its width */
    int32_t gap;      /* the space after it when the line goes on (0 after a hyphen or slash) */
    bool    brk;      /* a forced line break after it */
} CwSeg;

typedef struct CwCell {
    /* input: */
    int          row, col, colspan, rowspan;
    const CwSeg *seg;
    int          nseg;
    int32_t      extra;      /* width besides the text: padding, decimal alignment */
    int32_t      line_h;     /* the height of one line */
    int32_t      vpad;       /* height besides the lines */
    bool         sampled;    /* input: measured (colwidth_sample sets it); others need no segments */
} CwCell;

typedef struct CwColumn {
    /* input: */
    int32_t fixed;           /* >= 0: the column has this width; -1: free */
    int32_t min;             /* free: the narrowest it may be */
    int32_t max;             /* free: the widest that still helps (its longest line) */
    bool    grow;            /* free: may take room nothing needs (false: an empty column) */
    int32_t weight;          /* free: > 0, its share of that room goes by this weight */
} CwColumn;

/*
 * The lines of `c`'s text at content width `w` (first fit: the fewest
 * there can be; a segment wider than w has a line of its own). At least 1.
 */
int colwidth_lines(const CwCell *c, int32_t w);

/*
 * Widths for the columns, into w[0..ncols), that make the table of `nrows`
 * rows least tall within `width`: exactly if that costs at most `budget`
 * cell evaluations (COLW_EXACT_BUDGET; 0 always takes the greedy), else
 * by the greedy. Cells must be sorted by row. Returns
 * the table's height as measured (over the sampled rows), or -1 when the
 * fixed widths and the free minimums do not fit in `width` (w[] is then
 * the fixed widths and minimums, and the caller narrows).
 */
int64_t colwidth_solve(CwCell *cells, int ncell, int nrows, const CwColumn *cols, int ncols,
                       int32_t width, int64_t budget, int32_t *w);

/* Mark the cells the solver measures (CwCell.sampled): every row of a
 * short table; of a long one every k-th row (about COLW_MAX_ROWS), the
 * rows keep[] names (headers; keep may be NULL) and the rows a measured
 * cell spans. Only those cells need segments. Cells sorted by row. */
void colwidth_sample(CwCell *cells, int ncell, int nrows, const bool *keep);

/* The table's height with widths w (over the sampled cells). */
int64_t colwidth_height(CwCell *cells, int ncell, int nrows, const int32_t *w, int ncols);

#endif
