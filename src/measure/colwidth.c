/*
 * colwidth.c - table column widths that make the table shortest
 * (measure stage). The model and the invariants are in colwidth.h.
 *
 * Owns nothing after it returns: its work arrays are malloc'd and freed
 * here (a table's cells are few; xrealloc aborts on out of memory).
 */
#include "colwidth.h"
#include "../base/arena.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>

int colwidth_lines(const CwCell *c, int32_t w)
{
    int lines = 1;
    int64_t cur = -1;
    for (int i = 0; i < c->nseg; i++) {
        const CwSeg *s = &c->seg[i];
        if (cur < 0)
            cur = s->w;
        else if (cur + c->seg[i - 1].gap + s->w <= w)
            cur += c->seg[i - 1].gap + s->w;
        else {
            lines++;
            cur = s->w;
        }
        /* a word wider than the line is broken over as many lines as it
         * fills (counted as one, a column narrower than its words looked
         * free: SHORTEST_BODY_ONCE) */
        if (w > 0 && cur > w) {
            int64_t more = (cur - 1) / w;
            lines += (int)(more < 1000 ? more : 1000);
            cur -= more * w;
        }
        if (s->brk && i + 1 < c->nseg) {
            lines++;
            cur = -1;
        }
    }
    return lines;
}

/* What one cell knows beyond its input: its line count as a step
 * function of its content width, as pairs rising in width: from w[i] on
 * (up to the next) it needs lines[i] lines. Below w[0] (narrower than
 * its column may be) it is counted afresh. */
typedef struct Steps {
    int32_t *w;
    int32_t *lines;
    int      n;
} Steps;

typedef struct Solver {
    CwCell         *cells;
    int             ncell, nrows, ncols;
    int            *live;       /* the sampled cells, by index */
    int             nlive;
    int            *rows;       /* the rows with a sampled cell */
    int             nrowsl;
    const CwColumn *cols;
    Steps          *steps;
    int64_t        *rowh;       /* scratch: per row, its height */
    int32_t       **cand;       /* per column: the widths worth trying, rising */
    int            *ncand;
} Solver;

typedef struct Cost {
    int64_t height;             /* the table's: what is minimised */
    int64_t cells;              /* all cells' heights: the tie-break */
} Cost;

static bool cost_less(Cost a, Cost b)
{
    return a.height < b.height || (a.height == b.height && a.cells < b.cells);
}

static int32_t cell_width(const Solver *s, const CwCell *c, const int32_t *w)
{
    int64_t cw = -c->extra;
    for (int k = c->col; k < c->col + c->colspan && k < s->ncols; k++)
        cw += w[k];
    return cw < 0 ? 0 : cw > INT32_MAX ? INT32_MAX : (int32_t)cw;
}

static int32_t cell_height(const Solver *s, int i, const int32_t *w)
{
    const CwCell *c = &s->cells[i];
    const Steps *st = &s->steps[i];
    int32_t cw = cell_width(s, c, w);
    int64_t lines;
    if (st->n > 0 && cw >= st->w[0]) {
        int lo = 0, hi = st->n - 1;        /* the last step at or below cw */
        while (lo < hi) {
            int mid = (lo + hi + 1) / 2;
            if (st->w[mid] <= cw) lo = mid;
            else hi = mid - 1;
        }
        lines = st->lines[lo];
    } else {
        lines = colwidth_lines(c, cw);
    }
    int64_t h = lines * c->line_h + c->vpad;
    return h < INT32_MAX / 4 ? (int32_t)h : INT32_MAX / 4;
}

/* The table's cost with widths w. at: NULL, or per live cell (by q) its
 * height at each of its column's candidates, or NULL where it spans
 * columns (exact()), with idx[] the candidates w is made of. */
static Cost evaluate_at(const Solver *s, const int32_t *w, int32_t *const *at, const int *idx)
{
    Cost k = { 0, 0 };
    for (int r = 0; r < s->nrowsl; r++)
        s->rowh[s->rows[r]] = 0;
    for (int q = 0; q < s->nlive; q++) {
        int i = s->live[q];
        const CwCell *c = &s->cells[i];
        int32_t h = at && at[q] ? at[q][idx[c->col]] : cell_height(s, i, w);
        k.cells += h;
        if (c->rowspan <= 1 && h > s->rowh[c->row])
            s->rowh[c->row] = h;
    }
    for (int r = 0; r < s->nrowsl; r++)
        k.height += s->rowh[s->rows[r]];
    /* a cell over several rows needs what its rows do not give (its rows
     * are sampled with it: colwidth_sample) */
    for (int q = 0; q < s->nlive; q++) {
        const CwCell *c = &s->cells[s->live[q]];
        if (c->rowspan <= 1)
            continue;
        int64_t have = 0;
        for (int r = c->row; r < c->row + c->rowspan && r < s->nrows; r++)
            have += s->rowh[r];
        int64_t need = cell_height(s, s->live[q], w);
        if (need > have)
            k.height += need - have;
    }
    return k;
}

static Cost evaluate(const Solver *s, const int32_t *w) { return evaluate_at(s, w, NULL, NULL); }

/* The steps of a cell from content width `from` (its column's minimum)
 * on. Up to COLW_MAX_STEPS line counts, each step exact: the narrowest
 * width for k lines, by bisection (first fit is monotone in the width).
 * A cell of more lines than that (a long text in a narrow column) is
 * tabulated at COLW_MAX_STEPS widths between `from` and its longest line
 * instead, each rounded to the line count at or above it: bisecting for
 * every one of hundreds of lines would cost the square of its length. */
static void cell_steps(const CwCell *c, int32_t from, Steps *st)
{
    int32_t widest = 0;
    int64_t longest = 0, line = 0;
    int forced = 1;                              /* lines however wide */
    for (int i = 0; i < c->nseg; i++) {
        if (c->seg[i].w > widest)
            widest = c->seg[i].w;
        line += c->seg[i].w;
        if (c->seg[i].brk || i + 1 == c->nseg) {
            if (line > longest)
                longest = line;
            line = 0;
            forced += c->seg[i].brk && i + 1 < c->nseg;
        } else {
            line += c->seg[i].gap;
        }
    }
    if (longest > INT32_MAX / 2)
        longest = INT32_MAX / 2;
    if (from < widest)
        from = widest;
    if (from > longest)
        from = (int32_t)longest;
    int k = colwidth_lines(c, from);
    int n = k - forced + 1;
    if (n < 1)
        n = 1;
    bool table = n > COLW_MAX_STEPS;
    if (table)
        n = COLW_MAX_STEPS;
    st->n = n;
    st->w = xrealloc(NULL, sizeof(int32_t) * (size_t)n);
    st->lines = xrealloc(NULL, sizeof(int32_t) * (size_t)n);
    if (table) {
        for (int j = 0; j < n; j++) {
            int32_t x = (int32_t)(from + (longest - from) * j / (n - 1));
            st->w[j] = x;
            st->lines[j] = colwidth_lines(c, x);
        }
        return;
    }
    /* exact: from the fewest lines (the longest line) down to k */
    int32_t hi = (int32_t)longest;
    st->w[n - 1] = hi;
    st->lines[n - 1] = forced;
    for (int j = n - 2; j >= 0; j--) {
        int want = forced + (n - 1 - j);         /* at most this many lines */
        int32_t lo = from, top = st->w[j + 1];
        while (lo < top) {
            int32_t mid = lo + (top - lo) / 2;
            if (colwidth_lines(c, mid) <= want) top = mid;
            else lo = mid + 1;
        }
        st->w[j] = lo;
        st->lines[j] = want;
    }
}

static int cmp_i32(const void *a, const void *b)
{
    int32_t x = *(const int32_t *)a, y = *(const int32_t *)b;
    return (x > y) - (x < y);
}

/* Per free column: its minimum and every width at which one of its
 * single-column cells needs a line fewer, up to its maximum. */
static void candidates(Solver *s)
{
    for (int k = 0; k < s->ncols; k++) {
        const CwColumn *col = &s->cols[k];
        if (col->fixed >= 0)
            continue;
        int n = 1;
        for (int i = 0; i < s->ncell; i++)
            if (s->cells[i].sampled && s->cells[i].col == k && s->cells[i].colspan == 1)
                n += s->steps[i].n;
        int32_t *v = xrealloc(NULL, sizeof(int32_t) * (size_t)n);
        int m = 0;
        v[m++] = col->min;
        for (int i = 0; i < s->ncell; i++) {
            const CwCell *c = &s->cells[i];
            if (!c->sampled || c->col != k || c->colspan != 1)
                continue;
            for (int j = 0; j < s->steps[i].n; j++) {
                /* (col->max, measured elsewhere, may differ by rounding) */
                int64_t x = (int64_t)s->steps[i].w[j] + c->extra;
                if (x > col->min && x <= INT32_MAX)
                    v[m++] = (int32_t)x;
            }
        }
        qsort(v, (size_t)m, sizeof *v, cmp_i32);
        int u = 0;
        for (int j = 0; j < m; j++)
            if (u == 0 || v[j] != v[u - 1])
                v[u++] = v[j];
        s->cand[k] = v;
        s->ncand[k] = u;
    }
}

/* Every combination of candidates that fits `room`, if there are few
 * enough. Returns false when the search would cost too much. */
static bool exact(Solver *s, int32_t *w, int64_t room, int64_t budget)
{
    int64_t combos = 1, per = s->nlive + s->nrowsl + 1;     /* the work of one evaluation */
    for (int k = 0; k < s->ncols; k++)
        if (s->cols[k].fixed < 0) {
            combos *= s->ncand[k];
            if (combos * per > budget)
                return false;
        }
    int *idx = calloc((size_t)s->ncols, sizeof *idx);
    int32_t *t = xrealloc(NULL, sizeof(int32_t) * (size_t)s->ncols);
    if (!idx)
        rp_oom((size_t)s->ncols * sizeof *idx);
    memcpy(t, w, sizeof(int32_t) * (size_t)s->ncols);
    /* a cell of one free column: its height at each of the column's
     * candidates, looked up once rather than at every combination */
    int32_t **at = xcalloc((size_t)s->nlive, sizeof *at);
    for (int q = 0; q < s->nlive; q++) {
        const CwCell *c = &s->cells[s->live[q]];
        if (c->colspan != 1 || c->col >= s->ncols || s->cols[c->col].fixed >= 0)
            continue;
        at[q] = xrealloc(NULL, sizeof **at * (size_t)s->ncand[c->col]);
        for (int j = 0; j < s->ncand[c->col]; j++) {
            t[c->col] = s->cand[c->col][j];
            at[q][j] = cell_height(s, s->live[q], t);
        }
        t[c->col] = w[c->col];
    }
    Cost best = { INT64_MAX, INT64_MAX };
    int64_t best_used = INT64_MAX;
    for (;;) {
        int64_t used = 0;
        for (int k = 0; k < s->ncols; k++)
            if (s->cols[k].fixed < 0) {
                t[k] = s->cand[k][idx[k]];
                used += t[k];
            }
        if (used <= room) {
            Cost c = evaluate_at(s, t, at, idx);
            if (cost_less(c, best) || (!cost_less(best, c) && used < best_used)) {
                best = c;
                best_used = used;
                memcpy(w, t, sizeof(int32_t) * (size_t)s->ncols);
            }
        }
        /* the next combination (odometer over the free columns) */
        int k = 0;
        for (; k < s->ncols; k++) {
            if (s->cols[k].fixed >= 0)
                continue;
            if (++idx[k] < s->ncand[k])
                break;
            idx[k] = 0;
        }
        if (k == s->ncols)
            break;
    }
    for (int q = 0; q < s->nlive; q++)
        free(at[q]);
    free(at);
    free(idx);
    free(t);
    return true;
}

/* For the greedy on a table without spans: each row's tallest cell,
 * the cell that is it, and the tallest of the others, so that a change
 * of one column's width is weighed from that column's cells alone (one
 * cell a row) rather than from the whole sample. */
typedef struct Quick {
    int32_t *h;            /* per cell: its height now */
    int64_t *max1, *max2;  /* per row: the tallest, the tallest of the others */
    int     *own;          /* per row: the cell that is the tallest */
    int     *start, *list; /* per column: its live cells, list[start[k]..start[k+1]) */
} Quick;

static Cost quick_state(const Solver *s, Quick *q, const int32_t *w)
{
    Cost k = { 0, 0 };
    for (int r = 0; r < s->nrowsl; r++) {
        q->max1[s->rows[r]] = q->max2[s->rows[r]] = 0;
        q->own[s->rows[r]] = -1;
    }
    for (int j = 0; j < s->nlive; j++) {
        int i = s->live[j], r = s->cells[i].row;
        int32_t h = cell_height(s, i, w);
        q->h[i] = h;
        k.cells += h;
        if (h > q->max1[r]) {
            q->max2[r] = q->max1[r];
            q->max1[r] = h;
            q->own[r] = i;
        } else if (h > q->max2[r]) {
            q->max2[r] = h;
        }
    }
    for (int r = 0; r < s->nrowsl; r++)
        k.height += q->max1[s->rows[r]];
    return k;
}

/* The cost with column k at t[k], the others as in the state. */
static Cost quick_try(const Solver *s, const Quick *q, Cost cur, const int32_t *t, int k)
{
    for (int j = q->start[k]; j < q->start[k + 1]; j++) {
        int i = q->list[j], r = s->cells[i].row;
        int32_t h = cell_height(s, i, t);
        int64_t other = q->own[r] == i ? q->max2[r] : q->max1[r];
        int64_t row = h > other ? h : other;
        cur.height += row - q->max1[r];
        cur.cells += h - q->h[i];
    }
    return cur;
}

static bool quick_init(const Solver *s, Quick *q)
{
    for (int j = 0; j < s->nlive; j++) {
        const CwCell *c = &s->cells[s->live[j]];
        if (c->colspan != 1 || c->rowspan > 1 || c->col < 0 || c->col >= s->ncols)
            return false;
    }
    q->h = calloc((size_t)(s->ncell > 0 ? s->ncell : 1), sizeof *q->h);
    q->max1 = calloc((size_t)(s->nrows > 0 ? s->nrows : 1), sizeof *q->max1);
    q->max2 = calloc((size_t)(s->nrows > 0 ? s->nrows : 1), sizeof *q->max2);
    q->own = calloc((size_t)(s->nrows > 0 ? s->nrows : 1), sizeof *q->own);
    q->start = calloc((size_t)s->ncols + 1, sizeof *q->start);
    q->list = calloc((size_t)(s->nlive > 0 ? s->nlive : 1), sizeof *q->list);
    if (!q->h || !q->max1 || !q->max2 || !q->own || !q->start || !q->list)
        rp_oom((size_t)s->ncell * sizeof *q->h);
    for (int j = 0; j < s->nlive; j++)
        q->start[s->cells[s->live[j]].col + 1]++;
    for (int k = 0; k < s->ncols; k++)
        q->start[k + 1] += q->start[k];
    int *fill = calloc((size_t)s->ncols + 1, sizeof *fill);
    if (!fill)
        rp_oom((size_t)s->ncols);
    for (int j = 0; j < s->nlive; j++) {
        int col = s->cells[s->live[j]].col;
        q->list[q->start[col] + fill[col]++] = s->live[j];
    }
    free(fill);
    return true;
}

static void quick_free(Quick *q)
{
    free(q->h);
    free(q->max1);
    free(q->max2);
    free(q->own);
    free(q->start);
    free(q->list);
}

/* Hurst et al.'s greedy: widen, step by step, the column whose next
 * candidates save most height (then most cell height) per point. */
static void greedy(Solver *s, int32_t *w, int64_t room)
{
    enum { LOOKAHEAD = 8, STEPS_PER_COLUMN = 24 };
    int64_t used = 0;
    for (int k = 0; k < s->ncols; k++)
        if (s->cols[k].fixed < 0)
            used += w[k];
    Quick q;
    bool quick = quick_init(s, &q);
    Cost cur = quick ? quick_state(s, &q, w) : evaluate(s, w);
    int32_t *t = xrealloc(NULL, sizeof(int32_t) * (size_t)s->ncols);
    memcpy(t, w, sizeof(int32_t) * (size_t)s->ncols);
    /* each step widens one column to one of its next candidates: the
     * nearest LOOKAHEAD, then ever farther ones (1, 2, 4 ... past them),
     * so a large saving far off is seen in few evaluations; the steps
     * are bounded per column */
    int total = 0, nfree = 0;
    for (int k = 0; k < s->ncols; k++)
        if (s->cols[k].fixed < 0) {
            total += s->ncand[k];
            nfree++;
        }
    if (total > STEPS_PER_COLUMN * nfree)
        total = STEPS_PER_COLUMN * nfree;
    for (int step = 0; step < total; step++) {
        int bk = -1;
        int32_t bw = 0;
        double bg_h = 0, bg_c = 0;
        Cost bcost = cur;
        for (int k = 0; k < s->ncols; k++) {
            if (s->cols[k].fixed >= 0)
                continue;
            int seen = 0, first = 0;
            while (first < s->ncand[k] && s->cand[k][first] <= w[k])
                first++;
            for (int j = first, far = 1; j < s->ncand[k]; j += seen < LOOKAHEAD ? 1 : (far *= 2)) {
                int32_t cw = s->cand[k][j];
                seen++;
                if (used + cw - w[k] > room)
                    break;
                t[k] = cw;
                Cost c = quick ? quick_try(s, &q, cur, t, k) : evaluate(s, t);
                t[k] = w[k];
                double dw = (double)(cw - w[k]);
                double gh = (double)(cur.height - c.height) / dw;
                double gc = (double)(cur.cells - c.cells) / dw;
                if (gh > bg_h || (gh == bg_h && gc > bg_c)) {
                    bg_h = gh;
                    bg_c = gc;
                    bk = k;
                    bw = cw;
                    bcost = c;
                }
            }
        }
        if (bk < 0)
            break;
        used += bw - w[bk];
        w[bk] = t[bk] = bw;
        cur = quick ? quick_state(s, &q, w) : bcost;
    }
    if (quick)
        quick_free(&q);
    free(t);
}

/* A free column's share of the spare room (see colwidth_solve); `full`
 * is its width with every cell on one line. */
static int64_t spare_share(const CwColumn *c, int32_t w, int32_t full, int mode)
{
    if (!c->grow)
        return 0;
    return mode == 0 ? c->weight : mode == 1 ? (w < full ? w : 0) : w;
}

/* The solver over the cells the caller sampled: the list of them and of
 * their rows, so that one evaluation costs the sample, not the table. */
static void solver_init(Solver *s, CwCell *cells, int ncell, int nrows, const CwColumn *cols, int ncols)
{
    memset(s, 0, sizeof *s);
    s->cells = cells;
    s->ncell = ncell;
    s->nrows = nrows;
    s->cols = cols;
    s->ncols = ncols;
    s->steps = calloc((size_t)(ncell > 0 ? ncell : 1), sizeof *s->steps);
    s->rowh = calloc((size_t)(nrows > 0 ? nrows : 1), sizeof *s->rowh);
    s->live = calloc((size_t)(ncell > 0 ? ncell : 1), sizeof *s->live);
    s->rows = calloc((size_t)(nrows > 0 ? nrows : 1), sizeof *s->rows);
    char *seen = calloc((size_t)(nrows > 0 ? nrows : 1), 1);
    s->cand = calloc((size_t)(ncols > 0 ? ncols : 1), sizeof *s->cand);
    s->ncand = calloc((size_t)(ncols > 0 ? ncols : 1), sizeof *s->ncand);
    if (!s->steps || !s->rowh || !s->live || !s->rows || !seen || !s->cand || !s->ncand)
        rp_oom((size_t)ncell * sizeof *s->steps);
    for (int i = 0; i < ncell; i++) {
        if (!cells[i].sampled || cells[i].row < 0 || cells[i].row >= nrows)
            continue;
        s->live[s->nlive++] = i;
        for (int r = cells[i].row; r < cells[i].row + (cells[i].rowspan > 1 ? cells[i].rowspan : 1) && r < nrows; r++)
            if (!seen[r]) {
                seen[r] = 1;
                s->rows[s->nrowsl++] = r;
            }
    }
    free(seen);
}

static void solver_free(Solver *s)
{
    for (int i = 0; i < s->ncell; i++) {
        free(s->steps[i].w);
        free(s->steps[i].lines);
    }
    for (int k = 0; k < s->ncols; k++)
        free(s->cand[k]);
    free(s->steps);
    free(s->rowh);
    free(s->live);
    free(s->rows);
    free(s->cand);
    free(s->ncand);
}

void colwidth_sample(CwCell *cells, int ncell, int nrows, const bool *keep)
{
    /* about COLW_MAX_ROWS rows, fewer in a wide table: at most
     * COLW_MAX_CELLS cells measured, the cost of one evaluation */
    int64_t per_row = nrows > 0 ? (ncell + nrows - 1) / nrows : 1;
    int64_t rows = COLW_MAX_CELLS / (per_row > 0 ? per_row : 1);
    if (rows > COLW_MAX_ROWS)
        rows = COLW_MAX_ROWS;
    if (rows < 16)
        rows = 16;
    int step = nrows > rows ? (int)((nrows + rows - 1) / rows) : 1;
    char *row = calloc((size_t)(nrows > 0 ? nrows : 1), 1);
    if (!row)
        rp_oom((size_t)nrows);
    for (int r = 0; r < nrows; r++)
        row[r] = r % step == 0 || (keep && keep[r]);
    /* a cell over several rows brings the rows it covers: its excess is
     * measured against them all (cells are sorted by row) */
    for (int i = 0; i < ncell; i++) {
        const CwCell *c = &cells[i];
        if (c->row >= 0 && c->row < nrows && row[c->row] == 1 && c->rowspan > 1)
            for (int r = c->row + 1; r < c->row + c->rowspan && r < nrows; r++)
                if (!row[r])
                    row[r] = 2;
    }
    for (int i = 0; i < ncell; i++)
        cells[i].sampled = cells[i].row >= 0 && cells[i].row < nrows && row[cells[i].row];
    free(row);
}

int64_t colwidth_height(CwCell *cells, int ncell, int nrows, const int32_t *w, int ncols)
{
    Solver s;
    solver_init(&s, cells, ncell, nrows, NULL, ncols);
    Cost c = evaluate(&s, w);
    solver_free(&s);
    return c.height;
}

int64_t colwidth_solve(CwCell *cells, int ncell, int nrows, const CwColumn *cols, int ncols,
                       int32_t width, int64_t budget, int32_t *w)
{
    int64_t room = width;
    for (int k = 0; k < ncols; k++) {
        w[k] = cols[k].fixed >= 0 ? cols[k].fixed : cols[k].min;
        room -= cols[k].fixed >= 0 ? cols[k].fixed : 0;
    }
    int64_t need = 0;
    for (int k = 0; k < ncols; k++)
        if (cols[k].fixed < 0)
            need += cols[k].min;
    if (need > room || ncols <= 0)
        return -1;

    Solver s;
    solver_init(&s, cells, ncell, nrows, cols, ncols);
    for (int i = 0; i < ncell; i++) {
        const CwCell *c = &cells[i];
        if (!c->sampled || c->colspan != 1 || c->col >= ncols || cols[c->col].fixed >= 0)
            continue;
        cell_steps(c, cols[c->col].min - c->extra, &s.steps[i]);
    }
    candidates(&s);
    if (!exact(&s, w, room, budget))
        greedy(&s, w, room);

    /* Room nothing needs: to the free columns by weight where the author
     * gave weights; else to the columns whose cells still wrap (their
     * lines get less ragged), in proportion to their widths; else to all. */
    int mode = 2;                       /* 0 by weight, 1 wrapping ones, 2 all */
    for (int k = 0; k < ncols; k++)
        if (cols[k].fixed < 0 && cols[k].grow) {
            if (cols[k].weight > 0)
                mode = 0;
            else if (w[k] < s.cand[k][s.ncand[k] - 1] && mode == 2)
                mode = 1;
        }
    int64_t used = 0, sum = 0;
    int last = -1;
    for (int k = 0; k < ncols; k++) {
        if (cols[k].fixed < 0) {
            used += w[k];
            int64_t share = spare_share(&cols[k], w[k], s.cand[k][s.ncand[k] - 1], mode);
            sum += share;
            if (share > 0)
                last = k;
        }
    }
    int64_t spare = room - used, given = 0;
    for (int k = 0; k < ncols && sum > 0 && spare > 0; k++) {
        if (cols[k].fixed >= 0)
            continue;
        int32_t more = (int32_t)(spare * spare_share(&cols[k], w[k], s.cand[k][s.ncand[k] - 1], mode) / sum);
        w[k] += more;
        given += more;
    }
    if (last >= 0 && spare > given)
        w[last] += (int32_t)(spare - given);
    int64_t total = 0;
    for (int k = 0; k < ncols; k++) {
        assert(cols[k].fixed >= 0 ? w[k] == cols[k].fixed : w[k] >= cols[k].min);     /* invariant 1 */
        total += w[k];
    }
    assert(total <= width);             /* invariant 2: the room is never overdrawn */
    int64_t h = evaluate(&s, w).height;
    solver_free(&s);
    return h;
}
