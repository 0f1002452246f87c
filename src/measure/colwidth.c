/*
 * colwidth.c - table column widths that make the table shortest
 * (measure stage). The model and the invariants are in colwidth.h.
 *
 * Owns nothing after it returns: its work arrays are malloc'd and freed
 * here (a table's cells are few; xrealloc aborts on out of memory).
 */
#include "colwidth.h"
#include "../base/arena.h"

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
        if (s->brk && i + 1 < c->nseg) {
            lines++;
            cur = -1;
        }
    }
    return lines;
}

/* What one cell knows beyond its input: the narrowest content width for
 * k lines, bp[k - 1] for k = 1..nbp (bp[0] its longest line, falling). */
typedef struct Steps {
    int32_t *bp;
    int      nbp;
} Steps;

typedef struct Solver {
    CwCell         *cells;
    int             ncell, nrows, ncols;
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
    int lines;
    if (st->nbp > 0 && cw >= st->bp[st->nbp - 1]) {
        /* the fewest k whose narrowest width fits: bp falls with k */
        int lo = 0, hi = st->nbp - 1;
        while (lo < hi) {
            int mid = (lo + hi) / 2;
            if (st->bp[mid] <= cw) hi = mid;
            else lo = mid + 1;
        }
        lines = lo + 1;
    } else {
        lines = colwidth_lines(c, cw);
    }
    return (int32_t)((int64_t)lines * c->line_h + c->vpad);
}

static Cost evaluate(const Solver *s, const int32_t *w)
{
    Cost k = { 0, 0 };
    for (int r = 0; r < s->nrows; r++)
        s->rowh[r] = 0;
    for (int i = 0; i < s->ncell; i++) {
        const CwCell *c = &s->cells[i];
        if (!c->sampled)
            continue;
        int32_t h = cell_height(s, i, w);
        k.cells += h;
        if (c->rowspan <= 1 && h > s->rowh[c->row])
            s->rowh[c->row] = h;
    }
    for (int r = 0; r < s->nrows; r++)
        k.height += s->rowh[r];
    /* a cell over several rows needs what its rows do not give */
    for (int i = 0; i < s->ncell; i++) {
        const CwCell *c = &s->cells[i];
        if (!c->sampled || c->rowspan <= 1)
            continue;
        int64_t have = 0;
        for (int r = c->row; r < c->row + c->rowspan && r < s->nrows; r++)
            have += s->rowh[r];
        int64_t need = cell_height(s, i, w);
        if (need > have)
            k.height += need - have;
    }
    return k;
}

/* The narrowest widths of a cell for 1..K lines, K its lines at `from`. */
static void cell_steps(const CwCell *c, int32_t from, Steps *st)
{
    int32_t widest = 0;
    int64_t longest = 0, line = 0;
    for (int i = 0; i < c->nseg; i++) {
        if (c->seg[i].w > widest)
            widest = c->seg[i].w;
        line += c->seg[i].w;
        if (c->seg[i].brk || i + 1 == c->nseg) {
            if (line > longest)
                longest = line;
            line = 0;
        } else {
            line += c->seg[i].gap;
        }
    }
    if (longest > INT32_MAX)
        longest = INT32_MAX;
    if (from < widest)
        from = widest;
    int k = colwidth_lines(c, from);
    st->nbp = k;
    st->bp = xrealloc(NULL, sizeof(int32_t) * (size_t)k);
    st->bp[0] = (int32_t)longest;
    for (int j = 2; j <= k; j++) {
        /* the narrowest width giving at most j lines, in [from, bp[j-2]] */
        int32_t lo = from, hi = st->bp[j - 2];
        while (lo < hi) {
            int32_t mid = lo + (hi - lo) / 2;
            if (colwidth_lines(c, mid) <= j) hi = mid;
            else lo = mid + 1;
        }
        st->bp[j - 1] = lo;
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
                n += s->steps[i].nbp;
        int32_t *v = xrealloc(NULL, sizeof(int32_t) * (size_t)n);
        int m = 0;
        v[m++] = col->min;
        for (int i = 0; i < s->ncell; i++) {
            const CwCell *c = &s->cells[i];
            if (!c->sampled || c->col != k || c->colspan != 1)
                continue;
            for (int j = 0; j < s->steps[i].nbp; j++) {
                /* (col->max, measured elsewhere, may differ by rounding) */
                int64_t x = (int64_t)s->steps[i].bp[j] + c->extra;
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
    int64_t combos = 1;
    int nsampled = 0;
    for (int i = 0; i < s->ncell; i++)
        nsampled += s->cells[i].sampled;
    for (int k = 0; k < s->ncols; k++)
        if (s->cols[k].fixed < 0) {
            combos *= s->ncand[k];
            if (combos * (nsampled + 1) > budget)
                return false;
        }
    int *idx = calloc((size_t)s->ncols, sizeof *idx);
    int32_t *t = xrealloc(NULL, sizeof(int32_t) * (size_t)s->ncols);
    if (!idx)
        rp_oom((size_t)s->ncols * sizeof *idx);
    memcpy(t, w, sizeof(int32_t) * (size_t)s->ncols);
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
            Cost c = evaluate(s, t);
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
    free(idx);
    free(t);
    return true;
}

/* Hurst et al.'s greedy: widen, step by step, the column whose next
 * candidates save most height (then most cell height) per point. */
static void greedy(Solver *s, int32_t *w, int64_t room)
{
    enum { LOOKAHEAD = 8 };
    int64_t used = 0;
    for (int k = 0; k < s->ncols; k++)
        if (s->cols[k].fixed < 0)
            used += w[k];
    Cost cur = evaluate(s, w);
    int32_t *t = xrealloc(NULL, sizeof(int32_t) * (size_t)s->ncols);
    memcpy(t, w, sizeof(int32_t) * (size_t)s->ncols);
    int total = 0;
    for (int k = 0; k < s->ncols; k++)
        if (s->cols[k].fixed < 0)
            total += s->ncand[k];
    for (int step = 0; step < total; step++) {
        int bk = -1;
        int32_t bw = 0;
        double bg_h = 0, bg_c = 0;
        Cost bcost = cur;
        for (int k = 0; k < s->ncols; k++) {
            if (s->cols[k].fixed >= 0)
                continue;
            int seen = 0;
            for (int j = 0; j < s->ncand[k] && seen < LOOKAHEAD; j++) {
                int32_t cw = s->cand[k][j];
                if (cw <= w[k])
                    continue;
                seen++;
                if (used + cw - w[k] > room)
                    break;
                t[k] = cw;
                Cost c = evaluate(s, t);
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
        cur = bcost;
    }
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

bool colwidth_measured(int row, int nrows)
{
    int step = nrows > COLW_MAX_ROWS ? (nrows + COLW_MAX_ROWS - 1) / COLW_MAX_ROWS : 1;
    return row % step == 0;
}

int64_t colwidth_height(const CwCell *cells, int ncell, int nrows, const int32_t *w, int ncols)
{
    Solver s = { 0 };
    s.cells = (CwCell *)cells;
    s.ncell = ncell;
    s.nrows = nrows;
    s.ncols = ncols;
    s.steps = calloc((size_t)(ncell > 0 ? ncell : 1), sizeof *s.steps);
    s.rowh = calloc((size_t)(nrows > 0 ? nrows : 1), sizeof *s.rowh);
    if (!s.steps || !s.rowh)
        rp_oom((size_t)ncell * sizeof *s.steps);
    Cost c = evaluate(&s, w);
    free(s.steps);
    free(s.rowh);
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

    /* the rows measured: all of a short table, every step-th of a long one */
    for (int i = 0; i < ncell; i++)
        cells[i].sampled = colwidth_measured(cells[i].row, nrows);

    Solver s = { 0 };
    s.cells = cells;
    s.ncell = ncell;
    s.nrows = nrows;
    s.cols = cols;
    s.ncols = ncols;
    s.steps = calloc((size_t)(ncell > 0 ? ncell : 1), sizeof *s.steps);
    s.rowh = calloc((size_t)(nrows > 0 ? nrows : 1), sizeof *s.rowh);
    s.cand = calloc((size_t)ncols, sizeof *s.cand);
    s.ncand = calloc((size_t)ncols, sizeof *s.ncand);
    if (!s.steps || !s.rowh || !s.cand || !s.ncand)
        rp_oom((size_t)ncell * sizeof *s.steps);
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
    int64_t h = evaluate(&s, w).height;

    for (int i = 0; i < ncell; i++)
        free(s.steps[i].bp);
    for (int k = 0; k < ncols; k++)
        free(s.cand[k]);
    free(s.steps);
    free(s.rowh);
    free(s.cand);
    free(s.ncand);
    return h;
}
