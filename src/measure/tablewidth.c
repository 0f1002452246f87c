/*
 * tablewidth.c - a table's column widths (measure stage). See the design
 * notes of table.c: the shortest table when the words fit without
 * hyphens (colwidth.h), alike columns evened where it costs nothing,
 * else the automatic table layout of browsers.
 */
#include "tablecell.h"
#include "colwidth.h"
#include "../base/limits.h"
#include "../base/i18n.h"

#include <stdlib.h>
#include <math.h>
#include <string.h>

void table_warn_heads(M *m, const Node *t, bool fits)
{
    /* a table already small is told of the one remedy left it */
    bool small = table_small(m, t);
    const char *msg = !fits ? (small
        ? _("the words of this table do not fit the text width even hyphenated: its columns are "
            "narrowed and long words split; a <landscape> page gives it room")
        : _("the words of this table do not fit the text width even hyphenated: its columns are "
            "narrowed and long words split; font-size=\"small\" or a <landscape> page gives it room"))
        : small
        ? _("the header words of this table fit the text width only hyphenated; shorter headers "
            "or a <landscape> page keep them whole")
        : _("the header words of this table fit the text width only hyphenated; shorter headers, "
            "font-size=\"small\" or a <landscape> page keep them whole");
    diag_warn(&m->rp->diags, model_source(t, m->rep), t->line, t->col, "%s", msg);
}

bool table_in_landscape(const Node *n)
{
    for (; n; n = n->parent)
        if (n->kind == N_LANDSCAPE)
            return true;
    return false;
}

/* Each column's widest figure, 0 for a column of none (xcalloc'd). */
static int32_t *figure_widths(const Cell *cells, int ncell, int ncols)
{
    int32_t *fig = xcalloc((size_t)ncols, sizeof *fig);
    for (int i = 0; i < ncell; i++)
        if (cells[i].frac >= 0 && cells[i].colspan == 1 && cells[i].min > fig[cells[i].col])
            fig[cells[i].col] = cells[i].min;
    return fig;
}

/* What a table's figures need side by side, whatever its words give:
 * each column its widest figure (a number is never divided), a column of
 * none its padding. */
static int64_t figures_need(M *m, const Cell *cells, int ncell, int ncols)
{
    int32_t *fig = figure_widths(cells, ncell, ncols);
    int64_t need = 0;
    for (int k = 0; k < ncols; k++)
        need += fig[k] ? fig[k] : 2 * m->lay->table_pad_x;
    free(fig);
    return need;
}

/* Widths from[k] of the columns `take` marks, which add up to more than
 * `room`, scaled down to it into to[k]: a column of figures keeps its
 * widest figure fig[k] and the rest of each column gives, in proportion,
 * where that leaves room; else all of each column gives (the figures are
 * split, and too_wide() has said so). Nine columns of "112 500 000" and
 * a column of long words were scaled alike, and the figures broke
 * "112 500 00 / 0" where they fitted side by side. */
static void scale_down(int ncols, int64_t room, const bool *take, const int32_t *from, const int32_t *fig, int32_t *to)
{
    int64_t keep = 0, rest = 0, all = 0;
    for (int k = 0; k < ncols; k++)
        if (take[k]) {
            int32_t f = fig[k] < from[k] ? fig[k] : from[k];
            keep += f;
            rest += from[k] - f;
            all += from[k];
        }
    bool figures_kept = keep <= room && rest > 0;
    for (int k = 0; k < ncols; k++) {
        if (!take[k])
            continue;
        int32_t f = fig[k] < from[k] ? fig[k] : from[k];
        to[k] = figures_kept ? (int32_t)(f + (int64_t)(from[k] - f) * (room - keep) / rest)
                             : (int32_t)(all > 0 && room > 0 ? (int64_t)from[k] * room / all : from[k]);
    }
}

/* A table whose figures need more than the text width `width` side by
 * side (`need`): they are split digit by digit, which no reader can
 * use. Said with the millimetres and what gives room; a warning, as the
 * middle of the pipeline never fails (STYLE.md): --strict makes it an
 * error. The need rounded up, the room down: never "85 mm of 85 mm". */
static void too_wide(M *m, const Node *t, int64_t need, int32_t width)
{
    Diags *d = &m->rp->diags;
    diag_warn(d, model_source(t, m->rep), t->line, t->col,
              _("this table's figures need %lld mm side by side, and the page has %d mm: they are divided "
                "across lines (\"1 000\" above \",5\"), where a reader takes one number for two"),
              (long long)((need * 254 + 719999) / 720000), (int)((int64_t)width * 254 / 720000));
    if (table_small(m, t) && table_in_landscape(t))
        diag_hint(d, _("split it into tables of fewer columns"));
    else if (table_small(m, t))
        diag_hint(d, _("put it on a <landscape> page, or split it into tables of fewer columns"));
    else
        diag_hint(d, _("give it font-size=\"small\" and a <landscape> page, or split it into tables of fewer columns"));
}

/* A cell's least width at a tier of column_bounds(): its words each
 * hyphenated once, hyphenated wherever they may be, its header's words
 * broken at their joints, or anywhere. */
static int32_t tier_min(const Cell *c, int tier)
{
    return tier == 0 ? c->min_once : tier == 1 ? c->min_hyph : tier == 2 ? c->min_joint : c->min_last;
}

/* The width a column is given (a length, or a share of the text width
 * `width`), or -1. */
static int32_t given_width(const Column *col, int32_t width)
{
    if (col->kind == WIDTH_ABS && col->width > 0)
        return col->width;
    if (col->kind == WIDTH_PCT && col->width > 0)
        return (int32_t)((int64_t)width * col->width / 1000);
    return -1;
}

/* How wide a column given `fx` may grow to keep its words whole: a fifth
 * more. "Hållbar verksamhets-/utveckling" in a column given 17 % saved
 * no line for its hyphen where 5 % more held the word (a typographer);
 * "Myndighetsutövningsenheten" would make a 24 mm column 43 mm wide. */
static int32_t leeway(int32_t fx) { return fx + fx / 5; }

/* The room columns that grew (leeway) took beyond the table's `width`,
 * taken back from the other given columns with room above their
 * minimums, in proportion to it. False where they have not enough. */
static bool take_for_grown(CwColumn *cc, int ncols, int32_t width, const bool *grew)
{
    int64_t over = -(int64_t)width, slack = 0;
    bool any = false;
    for (int k = 0; k < ncols; k++) {
        over += cc[k].fixed >= 0 ? cc[k].fixed : cc[k].min;
        any |= grew[k];
        if (cc[k].fixed > cc[k].min && !grew[k])
            slack += cc[k].fixed - cc[k].min;
    }
    if (!any || over <= 0)
        return true;
    if (slack < over)
        return false;
    for (int k = 0; k < ncols; k++)
        if (cc[k].fixed > cc[k].min && !grew[k]) {
            int64_t give = ((int64_t)(cc[k].fixed - cc[k].min) * over + slack - 1) / slack;
            cc[k].fixed -= (int32_t)give;
        }
    return true;
}

/* A column of a given width keeps it (as the README says) in the
 * automatic layout, which the shortest table's search (that lets it grow
 * by its leeway) could not set: its words are hyphenated to fit, once
 * each where that does, else wherever they may be; its headers' words
 * too as a last resort. Only where not even that fits does it grow (to
 * the least its words need; warn_widened says so). It grew to hold
 * a long word whole, silently: "Myndighetsutövningsenheten" made a 24 mm
 * column 43 mm wide. Lowers mn[]; returns whether a header's words had
 * to break. */
static bool keep_given(const Node *t, const Cell *cells, int ncell, int ncols, int32_t width, int32_t *mn)
{
    bool heads_cut = false;
    for (int k = 0; k < ncols; k++) {
        int32_t fx = given_width(&t->u.table.cols[k], width);
        for (int tier = 0; tier < 4 && fx >= 0 && mn[k] > fx; tier++) {
            int32_t v = 0;
            for (int i = 0; i < ncell; i++)
                if (cells[i].colspan == 1 && cells[i].col == k && tier_min(&cells[i], tier) > v)
                    v = tier_min(&cells[i], tier);
            if (v < mn[k]) {
                mn[k] = v;
                heads_cut |= tier >= 2;
            }
        }
    }
    return heads_cut;
}

/* Said of every column of a given width that its words (or a cell over
 * it and the next) made wider all the same. */
static void warn_widened(M *m, const Node *t, int ncols, int32_t width, const int32_t *mn)
{
    for (int k = 0; k < ncols; k++) {
        int32_t fx = given_width(&t->u.table.cols[k], width);
        if (fx < 0 || mn[k] <= fx)
            continue;
        diag_warn(&m->rp->diags, model_source(t, m->rep), t->line, t->col,
                  _("column %d of this table is given %.0f mm, but its words need %.0f mm even hyphenated: "
                    "it is made wider"),
                  k + 1, fx / 2834.6, ceil(mn[k] / 2834.6));   /* more than it is given: 26,5 mm is "27 mm" */
        diag_hint(&m->rp->diags, _("give the column more width, or leave out its width"));
    }
}

/* The columns' minimum (mn) and preferred (mx) widths from their cells.
 * Whole words if they fit. If not, the columns that gain most by
 * hyphenating their words do so, one by one, until the table fits; as a
 * last resort, their header words too (each with a warning, where `say`).
 * Spanning cells then widen the columns they span if they must. Returns
 * whether the headers' words had to break; *reached (may be NULL) says
 * how far the words had to give (TableTight). */
static bool column_bounds(M *m, const Node *t, const Cell *cells, int ncell, int ncols, int32_t width,
                          int32_t *mn, int32_t *mx, bool say, int *reached)
{
    int32_t *mh = xmalloc((size_t)ncols * sizeof *mh);
    for (int i = 0; i < ncell; i++) {
        const Cell *c = &cells[i];
        if (c->colspan != 1)
            continue;
        if (c->min > mn[c->col]) mn[c->col] = c->min;
        if (c->pref > mx[c->col]) mx[c->col] = c->pref;
    }
    bool heads_cut = keep_given(t, cells, ncell, ncols, width, mn);
    int64_t msum = 0;
    for (int k = 0; k < ncols; k++)
        msum += mn[k];
    /* too wide for its words whole: columns give up what their words
     * hyphenated once free, then hyphenated wherever they may be, then
     * (the last resort) with their headers' words broken at their
     * compounds' joints, then anywhere; the column that frees most
     * first, so few words are broken */
    int tight = TIGHT_WHOLE;
    for (int tier = 0; tier < 4 && msum > width; tier++) {
        heads_cut |= tier >= 2;
        tight = TIGHT_ONCE + tier;
        for (int k = 0; k < ncols; k++)
            mh[k] = 0;
        for (int i = 0; i < ncell; i++) {
            const Cell *c = &cells[i];
            int32_t v = tier_min(c, tier);
            if (c->colspan == 1 && v > mh[c->col])
                mh[c->col] = v;
        }
        while (msum > width) {
            int best = -1;
            for (int k = 0; k < ncols; k++)
                if (mn[k] > mh[k] && (best < 0 || mn[k] - mh[k] > mn[best] - mh[best]))
                    best = k;
            if (best < 0)
                break;
            /* a column gives all it can ("Medarbetar-/undersökning", the
             * room going to the columns beside it); a header only what the
             * table needs: narrowed to its narrowest, it broke "Verk-/
             * samhets-/bidrag" where "Verksamhets-/bidrag" fitted. Columns
             * that would give the same (six of one text) give together, each
             * its share of what the table lacks: the first of them alone
             * was narrowed to a ladder of syllables beside its twins */
            int64_t most = mn[best] - mh[best], alike = 0, n = 0;
            for (int k = 0; k < ncols; k++)
                if (mn[k] > mh[k] && mn[k] - mh[k] == most) {
                    alike += mn[k] - mh[k];
                    n++;
                }
            int64_t lack = msum - width;
            for (int k = 0; k < ncols && n > 1; k++) {
                if (!(mn[k] > mh[k] && mn[k] - mh[k] == most))
                    continue;
                int64_t give = alike <= lack ? mn[k] - mh[k] : (lack + n - 1) / n;
                if (give > mn[k] - mh[k])
                    give = mn[k] - mh[k];
                msum -= give;
                mn[k] -= (int32_t)give;
            }
            if (n > 1)
                continue;
            /* (hyphenated wherever it may be, a column gives only what
             * the table lacks too: all of it, and its text stood a
             * syllable a line, "Verk-/sam-/hets-/upp-...") */
            int64_t give = most;
            if ((heads_cut || tier == 1) && give > msum - width)
                give = msum - width;
            msum -= give;
            mn[best] -= (int32_t)give;
        }
    }
    free(mh);
    if (msum > width)
        tight = TIGHT_OVER;
    if (reached)
        *reached = tight;
    int64_t need = say && msum > width ? figures_need(m, cells, ncell, ncols) : 0;
    if (need > width)
        too_wide(m, t, need, width);
    else if (say && (msum > width || heads_cut))
        table_warn_heads(m, t, msum <= width);
    for (int i = 0; i < ncell; i++) {
        const Cell *c = &cells[i];
        if (c->colspan == 1)
            continue;
        int64_t smin = 0, smax = 0;
        for (int k = 0; k < c->colspan; k++) {
            smin += mn[c->col + k];
            smax += mx[c->col + k];
        }
        if (c->min > smin)
            for (int k = 0; k < c->colspan; k++)
                mn[c->col + k] += (int32_t)((c->min - smin) / c->colspan);
        if (c->pref > smax)
            for (int k = 0; k < c->colspan; k++)
                mx[c->col + k] += (int32_t)((c->pref - smax) / c->colspan);
    }
    for (int k = 0; k < ncols; k++)
        if (mx[k] < mn[k])
            mx[k] = mn[k];
    if (say)
        warn_widened(m, t, ncols, width, mn);
    return heads_cut;
}

/* Weighted columns (2*) share `rem`, what the others leave, by weight,
 * never below their minimum; the automatic ones take their preferred
 * width if all fits, else their minimum. */
static void share_stars(const Column *cols, int ncols, int64_t rem, int64_t star_weight,
                        int64_t amax, int64_t smin, const int32_t *mn, const int32_t *mx, int32_t *w)
{
    bool autos_max = amax + smin <= rem;
    for (int k = 0; k < ncols; k++)
        if (w[k] < 0 && cols[k].kind != WIDTH_STAR) {
            w[k] = autos_max ? mx[k] : mn[k];
            rem -= w[k];
        }
    int64_t left = rem, wsum = star_weight;
    for (int pass = 0; pass < 3; pass++) {
        bool again = false;
        for (int k = 0; k < ncols; k++) {
            if (cols[k].kind != WIDTH_STAR)
                continue;
            if (w[k] >= 0 && w[k] == mn[k] && pass > 0)
                continue;
            int64_t wt = cols[k].width > 0 ? cols[k].width : 1000;
            int64_t share = wsum > 0 ? left * wt / wsum : 0;
            if (share < mn[k] && w[k] != mn[k]) {
                w[k] = mn[k];
                left -= mn[k];
                wsum -= wt;
                again = true;
            }
        }
        if (!again)
            break;
    }
    for (int k = 0; k < ncols; k++) {
        if (cols[k].kind != WIDTH_STAR || w[k] == mn[k])
            continue;
        int64_t wt = cols[k].width > 0 ? cols[k].width : 1000;
        w[k] = (int32_t)(wsum > 0 ? left * wt / wsum : mn[k]);
        if (w[k] < mn[k]) w[k] = mn[k];
    }
}

/* The widths before rounding: given lengths and percentages (at least
 * the minimum), then the weighted columns, or the automatic ones: their
 * preferred widths and the spare room in proportion when all fits, else
 * min + a share of the room in proportion to (pref - min), else their
 * minimums scaled down. */
static void distribute(const Column *cols, int ncols, int32_t width, const int32_t *mn, const int32_t *mx,
                       const int32_t *fig, int32_t *w)
{
    int64_t rem = width;
    int64_t star_weight = 0;
    for (int k = 0; k < ncols; k++) {
        w[k] = given_width(&cols[k], width);
        if (w[k] >= 0) {
            if (w[k] < mn[k]) w[k] = mn[k];
            rem -= w[k];
        } else if (cols[k].kind == WIDTH_STAR) {
            star_weight += cols[k].width > 0 ? cols[k].width : 1000;
        }
    }
    int64_t amin = 0, amax = 0, smin = 0;
    for (int k = 0; k < ncols; k++) {
        if (w[k] >= 0) continue;
        if (cols[k].kind == WIDTH_STAR) smin += mn[k];
        else { amin += mn[k]; amax += mx[k]; }
    }
    if (star_weight > 0) {
        share_stars(cols, ncols, rem, star_weight, amax, smin, mn, mx, w);
    } else if (amax <= rem) {
        /* everything fits: spread the spare room in proportion */
        int64_t spare = rem - amax;
        for (int k = 0; k < ncols; k++)
            if (w[k] < 0)
                w[k] = (int32_t)(mx[k] + (amax > 0 ? spare * mx[k] / amax : 0));
    } else if (amin <= rem) {
        int64_t room = rem - amin, want = amax - amin;
        for (int k = 0; k < ncols; k++)
            if (w[k] < 0)
                w[k] = (int32_t)(mn[k] + (want > 0 ? room * (mx[k] - mn[k]) / want : 0));
    } else {
        bool *take = xcalloc((size_t)ncols, sizeof *take);
        for (int k = 0; k < ncols; k++)
            take[k] = w[k] < 0;
        scale_down(ncols, rem, take, mn, fig, w);
        free(take);
    }
}

/* The widths made to add up to the text width. Rounding may leave a few
 * millipoints: the last column gets them. Given widths plus minimums
 * that overshoot give back the excess from the columns with room above
 * their minimum; a table wider than the text even so (minimum widths) is
 * scaled down, with a warning. */
static void fit_width(M *m, const Node *t, int ncols, int32_t width, const int32_t *mn, const int32_t *fig,
                      int32_t *w)
{
    int64_t sum = 0, slack = 0;
    for (int k = 0; k < ncols; k++) {
        sum += w[k];
        slack += w[k] > mn[k] ? w[k] - mn[k] : 0;
    }
    if (sum > width && slack >= sum - width) {
        int64_t excess = sum - width, taken = 0;
        for (int k = 0; k < ncols; k++)
            if (w[k] > mn[k]) {
                int32_t cut = (int32_t)((int64_t)(w[k] - mn[k]) * excess / slack);
                w[k] -= cut;
                taken += cut;
            }
        for (int k = ncols - 1; k >= 0 && taken < excess; k--)
            if (w[k] > mn[k]) {
                int32_t more = (int32_t)(excess - taken < w[k] - mn[k] ? excess - taken : w[k] - mn[k]);
                w[k] -= more;
                taken += more;
            }
        sum = width;
    }
    if (sum > width) {
        diag_warn(&m->rp->diags, model_source(t, m->rep), t->line, t->col,
                  _("the table is %.0f mm wider than the text; its columns are narrowed and long words split"),
                  (double)(sum - width) / 2834.6);
        bool *take = xmalloc((size_t)ncols * sizeof *take);
        int32_t *from = xmalloc((size_t)ncols * sizeof *from);
        for (int k = 0; k < ncols; k++)
            take[k] = true, from[k] = w[k];
        scale_down(ncols, width, take, from, fig, w);
        free(take);
        free(from);
    } else if (sum < width && ncols > 0) {
        w[ncols - 1] += (int32_t)(width - sum);
    }
}

bool table_yield_given(M *m, const Node *t, Cell *cells, int ncell, int nrows, int ncols, int32_t width, int32_t *w)
{
    if (!t->parent)
        return false;                   /* a chart's values, the goal overview: widths of rapport's own */
    int32_t *mn = xcalloc((size_t)ncols, sizeof *mn);
    for (int i = 0; i < ncell; i++)
        if (cells[i].colspan == 1 && cells[i].min > mn[cells[i].col])
            mn[cells[i].col] = cells[i].min;
    int64_t need = 0, slack = 0, given = 0;  /* the columns' widths; what the given ones could give */
    for (int k = 0; k < ncols; k++) {
        int32_t fx = given_width(&t->u.table.cols[k], width);
        need += fx > mn[k] ? fx : mn[k];
        slack += fx > mn[k] ? fx - mn[k] : 0;
        given += fx > 0 ? fx : 0;
    }
    int64_t lack = need - width;
    bool done = false;
    /* (given widths over the text width are another mistake, said as such) */
    if (lack > 0 && slack > 0 && need - slack <= width && given <= width) {
        /* "Kommun-/ledning", "Digitalise-/ring och it" beside a label
         * column given 30 % with 20 pt to spare (a typographer): each
         * given column gives its share of what the others lack, rounded
         * up (a millipoint short, the words-whole solve failed); kept
         * only if the table then holds its words whole */
        Column *cols = (Column *)t->u.table.cols;   /* the model's, as the table is set */
        Column *was = xmalloc(sizeof *was * (size_t)ncols);
        memcpy(was, cols, sizeof *was * (size_t)ncols);
        for (int k = 0; k < ncols; k++) {
            int32_t fx = given_width(&cols[k], width);
            if (fx <= mn[k])
                continue;
            cols[k].kind = WIDTH_ABS;
            cols[k].width = fx - (int32_t)(((int64_t)(fx - mn[k]) * lack + slack - 1) / slack);
        }
        done = table_shortest_widths(m, t, cells, ncell, nrows, ncols, width, 0, w);
        for (int k = 0; k < ncols && done; k++)
            if (cols[k].width != was[k].width || cols[k].kind != was[k].kind) {
                diag_warn(&m->rp->diags, model_source(t, m->rep), t->line, t->col,
                          _("column %d of this table is given %.0f mm, but the other columns need the room to "
                            "hold their words whole: it is made %.0f mm"),
                          k + 1, given_width(&was[k], width) / 2834.6, cols[k].width / 2834.6);
                diag_hint(&m->rp->diags, _("give the column less width, or leave out its width"));
            }
        if (!done)
            memcpy(cols, was, sizeof *was * (size_t)ncols);
        free(was);
    }
    free(mn);
    return done;
}

bool table_heads_break(M *m, const Node *t, const Cell *cells, int ncell, int ncols, int32_t width)
{
    int32_t *mn = xcalloc((size_t)ncols, sizeof *mn), *mx = xcalloc((size_t)ncols, sizeof *mx);
    bool cut = column_bounds(m, t, cells, ncell, ncols, width, mn, mx, false, NULL);
    free(mn);
    free(mx);
    return cut;
}

int table_tightness(M *m, const Node *t, const Cell *cells, int ncell, int ncols, int32_t width)
{
    if (figures_need(m, cells, ncell, ncols) > width)
        return TIGHT_FIGURES;
    int32_t *mn = xcalloc((size_t)ncols, sizeof *mn), *mx = xcalloc((size_t)ncols, sizeof *mx);
    int reached = TIGHT_WHOLE;
    column_bounds(m, t, cells, ncell, ncols, width, mn, mx, false, &reached);
    free(mn);
    free(mx);
    return reached;
}

/* Column widths by the automatic table layout of the design notes, for
 * a table that shortest_widths() cannot set (its words do not fit
 * without hyphens). */
void table_widths(M *m, const Node *t, Cell *cells, int ncell, int ncols, int32_t width, int32_t *w)
{
    int32_t *mn = calloc((size_t)ncols, sizeof *mn), *mx = calloc((size_t)ncols, sizeof *mx);
    if (!mn || !mx)
        rp_oom((size_t)ncols * 8);
    column_bounds(m, t, cells, ncell, ncols, width, mn, mx, true, NULL);
    int32_t *fig = figure_widths(cells, ncell, ncols);
    distribute(t->u.table.cols, ncols, width, mn, mx, fig, w);
    fit_width(m, t, ncols, width, mn, fig, w);
    free(fig);
    free(mn);
    free(mx);
}


/* Whether header cell a reads as header cell b but for its figures:
 * "Effekt 2024, mnkr" and "Effekt 2025, mnkr", "2023" and "2024". */
static bool headed_alike(const Cell *a, const Cell *b)
{
    if (!a || !b || a->ps.n != b->ps.n || a->ps.n == 0)
        return false;
    for (int q = 0; q < a->ps.n; q++) {
        const Piece *x = &a->ps.v[q], *y = &b->ps.v[q];
        if (x->len != y->len || x->face != y->face)
            return false;
        for (int i = 0; i < x->len; i++) {
            char c = x->s[i], d = y->s[i];
            if (c != d && !(c >= '0' && c <= '9' && d >= '0' && d <= '9'))
                return false;
        }
    }
    return true;
}

/* The lines of the table's body cells (of those measured) at widths w. */
static int64_t body_lines(const Cell *cells, const CwCell *cw, int ncell, const int32_t *w)
{
    int64_t n = 0;
    for (int i = 0; i < ncell; i++) {
        if (!cw[i].sampled || cells[i].fill_head)
            continue;
        int32_t room = 0;
        for (int k = cw[i].col; k < cw[i].col + cw[i].colspan; k++)
            room += w[k];
        n += colwidth_lines(&cw[i], room - cw[i].extra);
    }
    return n;
}

/* Columns of one kind (free, of numbers, headed alike) get one width,
 * their widths' mean, where the table gets no taller for it and no body
 * cell gets a line more ("20 i / arbete"; a header may): the widest of
 * "Effekt 2024, mnkr" and three narrower twins read as a mistake. */
static void even_alike(const Node *t, const Cell *cells, int ncell, CwCell *cw, int nrows, const CwColumn *cc,
                       int ncols, int32_t *w)
{
    const Column *cols = t->u.table.cols;
    int32_t *cand = xmalloc(sizeof *cand * (size_t)ncols);
    int *group = xmalloc(sizeof *group * (size_t)ncols);      /* the group's first column, -1 */
    const Cell **head = xcalloc((size_t)ncols, sizeof *head);  /* the last header row's cell */
    for (int i = 0; i < ncell; i++)
        if (cells[i].fill_head && cells[i].colspan == 1)
            head[cells[i].col] = &cells[i];
    for (int k = 0; k < ncols; k++)
        group[k] = cc[k].fixed >= 0 || cc[k].weight > 0 || cols[k].type != COL_NUMBER || !head[k] ? -2 : -1;
    for (int k = 0; k < ncols; k++) {
        if (group[k] != -1)
            continue;                   /* a width or weight the author gave stays; or grouped */
        int n = 1;
        int64_t sum = w[k];
        group[k] = k;
        for (int j = k + 1; j < ncols; j++)
            if (group[j] == -1 && headed_alike(head[k], head[j])) {
                group[j] = k;
                n++;
                sum += w[j];
            }
        if (n < 2)
            continue;
        memcpy(cand, w, sizeof *cand * (size_t)ncols);
        bool fits = true;
        for (int j = k, left = n; j < ncols && fits; j++) {
            if (group[j] != k)
                continue;
            cand[j] = (int32_t)(sum / n) + (left-- <= sum % n ? 1 : 0);
            fits = cand[j] >= cc[j].min;
        }
        if (fits && colwidth_height(cw, ncell, nrows, cand, ncols) <= colwidth_height(cw, ncell, nrows, w, ncols) &&
            body_lines(cells, cw, ncell, cand) <= body_lines(cells, cw, ncell, w))
            memcpy(w, cand, sizeof *cand * (size_t)ncols);
    }
    free(cand);
    free(group);
    free(head);
}

/* A body cell's least width with each word broken once, a compound at a
 * joint (padding included). */
static int32_t once_at_joints(M *m, const Cell *c)
{
    int32_t v = text_min_once_joint(m, c->ps.v, c->ps.n) + 2 * m->lay->table_pad_x + c->pad;
    return v < c->min_once ? c->min_once : v;
}

/* The least width a cell needs in the shortest search, as `how` lets
 * its words break (a figure's column keeps its words whole: "3
 * måna-/der"). */
static int32_t cell_need(M *m, const Column *cols, const Cell *c, unsigned how)
{
    if (c->fill_head)
        return how & SHORTEST_HEAD_JOINTS ? c->min_joint : c->min_solve;
    return how & SHORTEST_BODY_ONCE && cols[c->col].type == COL_TEXT ? once_at_joints(m, c) : c->min_solve;
}

/* The cells as the column solver sees them (colwidth.h), a sample of
 * the rows measured: scratch, malloc'd (a report's tables would hold
 * megabytes of it in the arena to the end); cw_free frees it. */
static CwCell *cw_cells(M *m, const Cell *cells, int ncell, int nrows, bool head_joints)
{
    const Layout *L = m->lay;
    CwCell *cw = xcalloc((size_t)(ncell ? ncell : 1), sizeof *cw);
    bool *head = xcalloc((size_t)(nrows ? nrows : 1), sizeof *head);
    for (int i = 0; i < ncell; i++) {
        cw[i].row = cells[i].row;
        cw[i].rowspan = cells[i].rowspan;
        if (cells[i].fill_head && cells[i].row < nrows)
            head[cells[i].row] = true;
    }
    colwidth_sample(cw, ncell, nrows, head);
    for (int i = 0; i < ncell; i++) {
        const Cell *c = &cells[i];
        CwSeg *seg = NULL;
        if (cw[i].sampled)
            cw[i].nseg = text_segments(m, c->ps.v, c->ps.n,
                                       !c->fill_head ? HYPH_IF_NEEDED : head_joints ? HYPH_JOINTS : HYPH_HARD, &seg);
        cw[i].seg = seg;
        cw[i].row = c->row;
        cw[i].col = c->col;
        cw[i].colspan = c->colspan;
        cw[i].rowspan = c->rowspan;
        cw[i].extra = 2 * L->table_pad_x + c->pad + text_hang(c->ps.v, c->ps.n);
        cw[i].line_h = L->styles[c->sid].leading;
        cw[i].vpad = 2 * L->table_pad_y;
    }
    free(head);
    return cw;
}

static void cw_free(CwCell *cw, int ncell)
{
    for (int i = 0; i < ncell; i++)
        free((void *)cw[i].seg);
    free(cw);
}

int64_t table_height_at(M *m, const Cell *cells, int ncell, int nrows, int ncols, const int32_t *w)
{
    CwCell *cw = cw_cells(m, cells, ncell, nrows, false);
    int64_t h = colwidth_height(cw, ncell, nrows, w, ncols);
    cw_free(cw, ncell);
    return h;
}

/* Column widths that make the table least tall (colwidth.h), when the
 * words fit without hyphens (or as `how` lets them break: tablecell.h):
 * lengths and percentages are kept, or grow by their leeway to keep a
 * word whole; weighted columns (2*) share by their weights what room is
 * left once the table is as short as it gets. Returns false when they do
 * not fit so. */
bool table_shortest_widths(M *m, const Node *t, Cell *cells, int ncell, int nrows, int ncols, int32_t width,
                           unsigned how, int32_t *w)
{
    bool head_joints = how & SHORTEST_HEAD_JOINTS, once = how & SHORTEST_BODY_ONCE;
    const Column *cols = t->u.table.cols;
    CwColumn *cc = ARENA_ARRAY(&m->rp->arena, CwColumn, ncols);
    for (int k = 0; k < ncols; k++) {
        if (cols[k].kind == WIDTH_STAR)
            cc[k].weight = cols[k].width > 0 ? cols[k].width : 1000;
        cc[k].fixed = given_width(&cols[k], width);
    }
    for (int i = 0; i < ncell; i++) {
        const Cell *c = &cells[i];
        if (c->colspan != 1)
            continue;
        CwColumn *k = &cc[c->col];
        int32_t need = cell_need(m, cols, c, how);
        if (need > k->min) k->min = need;
        if (c->pref > k->max) k->max = c->pref;
        if (!c->fill_head && c->ps.n > 0)
            k->grow = true;
    }
    /* a cell over several columns widens them if its words need it */
    for (int i = 0; i < ncell; i++) {
        const Cell *c = &cells[i];
        if (c->colspan == 1)
            continue;
        int64_t have = 0;
        int nfree = 0;
        for (int k = c->col; k < c->col + c->colspan; k++) {
            have += cc[k].fixed >= 0 ? cc[k].fixed : cc[k].min;
            nfree += cc[k].fixed < 0;
        }
        int32_t need = cell_need(m, cols, c, how);
        if (need > have && nfree == 0)
            return false;               /* given widths too narrow for a word over them */
        if (need > have)
            for (int k = c->col; k < c->col + c->colspan; k++)
                if (cc[k].fixed < 0)
                    cc[k].min += (int32_t)((need - have) / nfree + 1);
    }
    /* a column of a given width too narrow for a word whole: a little
     * wider (leeway) to keep it whole; else its body cells' words
     * hyphenated (as the solver sets them) may fit */
    bool *grew = ARENA_ARRAY(&m->rp->arena, bool, ncols);
    for (int k = 0; k < ncols; k++)
        if (!once && cc[k].fixed >= 0 && cc[k].fixed < cc[k].min && cc[k].min <= leeway(cc[k].fixed)) {
            cc[k].fixed = cc[k].min;
            grew[k] = true;
        } else if (cc[k].fixed >= 0 && cc[k].fixed < cc[k].min) {
            int32_t need = 0;
            for (int i = 0; i < ncell; i++) {
                const Cell *c = &cells[i];
                int32_t v = c->fill_head ? (head_joints ? c->min_joint : c->min_solve) : c->min_hyph;
                if (c->colspan == 1 && c->col == k && v > need)
                    need = v;
            }
            if (need <= cc[k].fixed)
                cc[k].min = need;
        }
    if (!take_for_grown(cc, ncols, width, grew))
        return false;
    for (int k = 0; k < ncols; k++) {
        if (cc[k].fixed >= 0 && cc[k].fixed < cc[k].min)
            return false;               /* a given width too narrow for a word */
        if (cc[k].max < cc[k].min)
            cc[k].max = cc[k].min;
    }
    CwCell *cw = cw_cells(m, cells, ncell, nrows, head_joints);
    bool solved = colwidth_solve(cw, ncell, nrows, cc, ncols, width,
                                 how & SHORTEST_QUICK ? COLW_EXACT_BUDGET / 100 : COLW_EXACT_BUDGET, w) >= 0;
    if (solved)
        even_alike(t, cells, ncell, cw, nrows, cc, ncols, w);
    cw_free(cw, ncell);
    if (!solved)
        return false;
    int64_t sum = 0;
    for (int k = 0; k < ncols; k++)
        sum += w[k];
    if (sum < width)
        w[ncols - 1] += (int32_t)(width - sum);
    return sum <= width;
}
