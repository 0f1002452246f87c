/*
 * chart.c - charts drawn from the report's data, as vector ops
 * (measure stage).
 *
 * A chart is one box (it never splits over pages) with its caption kept
 * before it. Layout of the box, top to bottom: axis title, plot area
 * with value ticks on the left and category labels below, legend.
 * Ticks are "nice" numbers (1, 2, 2.5 or 5 times a power of ten) printed
 * in Swedish style. Series take the layout's palette and, so they stay
 * apart in grey-scale print and for colour-blind readers, a dash pattern
 * and a marker shape of their own.
 */
#include "measure_int.h"
#include "../base/utf8.h"
#include "../model/numfmt.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


/* A text at x (its left edge, centre or right edge by `align`: 0, 1, 2),
 * baseline y. */
static void text_op(M *m, OpVec *ops, const char *s, int16_t face, int32_t size, uint32_t color,
                    int32_t x, int32_t y, int align)
{
    Op o = op_text(m, s, (int)strlen(s), face, size, color);
    o.x = align == 0 ? x : align == 1 ? x - o.w / 2 : x - o.w;
    o.y = y;
    VEC_PUSH(&m->rp->arena, *ops, o);
}

/* The widths of s's first i bytes, in font units, for every i at a
 * character boundary (the caller frees). One pass over the label, so
 * trying every place to cut it costs time linear in its length, not
 * quadratic: a 40 KB label is not measured 40 000 times. */
static int64_t *prefix_units(const Font *f, const char *s, size_t n)
{
    int64_t *w = xmalloc((n + 1) * sizeof *w);
    size_t i = 0;
    w[0] = 0;
    while (i < n) {
        size_t at = i;
        int adv = font_advance(f, utf8_next(s, n, &i));
        for (size_t k = at + 1; k <= i; k++)
            w[k] = w[at] + adv;         /* inside a character: never a cut */
    }
    return w;
}

/* Font units to millipoints at `size`, rounded as font_text_width does. */
static int32_t units_width(const Font *f, int64_t units, int32_t size)
{
    return (int32_t)((units * size + f->upem / 2) / f->upem);
}

/* A category label in at most two lines of at most `maxw`: split at the
 * space that leaves the longer line shortest. Returns the number of
 * lines (line 2 in *second), or 0 if it does not fit in two. */
static int two_lines(M *m, const Font *f, const char *s, int32_t fs, int32_t maxw,
                     const char **first, const char **second)
{
    size_t n = strlen(s);
    *first = s;
    *second = NULL;
    int64_t *w = prefix_units(f, s, n);
    if (units_width(f, w[n], fs) <= maxw) {
        free(w);
        return 1;
    }
    int32_t best = INT32_MAX;
    size_t cut = 0;
    for (size_t i = 1; i + 1 < n; i++) {
        if (s[i] != ' ')
            continue;
        int32_t a = units_width(f, w[i], fs), b = units_width(f, w[n] - w[i + 1], fs);
        int32_t longer = a > b ? a : b;
        if (longer <= maxw && longer < best) {
            best = longer;
            cut = i;
        }
    }
    free(w);
    if (!cut)
        return 0;
    *first = arena_strndup(&m->rp->arena, s, cut);
    *second = s + cut + 1;
    return 2;
}

/* `s` cut to fit `maxw`, with an ellipsis (the full label is in the data
 * and the alt text). */
static const char *fit(M *m, const Font *f, const char *s, int32_t fs, int32_t maxw)
{
    size_t n = strlen(s);
    int64_t *w = prefix_units(f, s, n);
    if (units_width(f, w[n], fs) <= maxw) {
        free(w);
        return s;
    }
    int32_t ell = font_text_width(f, "\xE2\x80\xA6", 3, fs);
    while (n > 0 && ((s[n] & 0xC0) == 0x80 || units_width(f, w[n], fs) + ell > maxw))
        n--;
    free(w);
    return arena_printf(&m->rp->arena, "%.*s\xE2\x80\xA6", (int)n, s);
}

/* Nothing of a chart is drawn outside the text column [indent, indent +
 * width]. A text that sticks out but is no wider than the column is
 * moved in; a wider one (a name of hundreds of characters) keeps its
 * start and is set smaller to fit the room after it, down to half its
 * size, or else cut with an ellipsis. Only names and numbers far beyond
 * the ordinary come here. */
static void keep_inside(M *m, OpVec *ops, int32_t indent, int32_t width)
{
    for (int i = 0; i < ops->n; i++) {
        Op *o = &ops->v[i];
        if (o->kind != OP_TEXT)
            continue;
        if (o->x < indent)
            o->x = indent;
        int32_t room = indent + width - o->x;
        if (o->w <= width) {
            if (o->w > room)
                o->x = indent + width - o->w;
            continue;
        }
        if (room < width / 2) {             /* begun far right: from the left edge */
            o->x = indent;
            room = width;
        }
        const Font *f = m->flow->faces[o->face];
        int32_t size = (int32_t)((int64_t)o->size * room / o->w);
        if (size >= o->size / 2) {
            o->size = size;
        } else {
            o->s = fit(m, f, o->s, o->size, room);
            o->len = (int)strlen(o->s);
        }
        o->w = font_text_width(f, o->s, (size_t)o->len, o->size);
    }
}

/* A step of 1, 2, 2.5 or 5 x 10^k giving about `want` intervals. */
static double nice_step(double range, int want)
{
    if (range <= 0)
        return 1;
    double raw = range / want;
    double p = pow(10, floor(log10(raw)));
    double f = raw / p;
    double s = f <= 1 ? 1 : f <= 2 ? 2 : f <= 2.5 ? 2.5 : f <= 5 ? 5 : 10;
    return s * p;
}

static int step_decimals(double step)
{
    int d = 0;
    while (d < 6 && fabs(step * pow(10, d) - round(step * pow(10, d))) > 1e-9)
        d++;
    return d;
}

/* Intervals on the value axis: a nice step gives 5 to 10; an axis step
 * of the report's own that gives more than this is replaced by a nice
 * one. The ticks' count, not the arithmetic, bounds the loops over them. */
#define CHART_MAX_INTERVALS 50

static const Shape series_shapes[] = { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_TRIANGLE, SHAPE_DIAMOND, SHAPE_RING };

/* ---- the data as a table ------------------------------------------------ */

static Node *new_node(M *m, NodeKind kind, const Node *at, Node *parent)
{
    Node *x = ARENA_NEW(&m->rp->arena, Node);
    x->kind = kind;
    x->line = at->line;
    x->col = at->col;
    if (parent)
        model_append(parent, x);
    return x;
}

static void cell(M *m, const Node *at, Node *row, int col, const char *text)
{
    Node *c = new_node(m, N_CELL, at, row);
    c->u.cell.colspan = c->u.cell.rowspan = 1;
    c->u.cell.col = col;
    c->u.cell.status = -1;
    if (text && *text) {
        Node *t = new_node(m, N_TEXT, at, c);
        t->text = text;
        t->len = strlen(text);
    }
}

/* The decimals a series' values are written with (at most 3). */
static int series_decimals(const Series *s, int ncat)
{
    int dec = 0;
    for (int k = 0; k < ncat; k++) {
        if (!s->present[k])
            continue;
        double v = fabs(s->values[k]);
        int d = 0;
        while (d < 3 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-6 * fmax(1, v * pow(10, d)))
            d++;
        if (d > dec)
            dec = d;
    }
    return dec;
}

/* With <charts data-table="yes"/> in the layout, a chart's values are
 * also printed as a table under it: a category per row, a series per
 * column, as the report's own tables look. Everyone can read the exact
 * values, and a screen reader gets them as a table with its headers. */
static void data_table(M *m, const Node *n, const Chart *ch, int32_t indent, int32_t width)
{
    Node *t = new_node(m, N_TABLE, n, NULL);
    t->u.table.ncols = 1 + ch->nseries;
    t->u.table.nrows = 1 + ch->ncat;
    t->u.table.small = ch->nseries > 5;
    /* the categories' column as wide as its longest label (a label is
     * short: "mar 2021" should not break), the series share the rest */
    const Style *cs = &m->lay->styles[t->u.table.small ? ST_TABLE_SMALL : ST_TABLE];
    const Font *cf = m->flow->faces[FACE(cs->family, cs->variant)];
    int32_t catw = 0;
    for (int k = 0; k < ch->ncat; k++) {
        int32_t w = font_text_width(cf, ch->cats[k], strlen(ch->cats[k]), cs->size);
        if (w > catw)
            catw = w;
    }
    catw += 2 * m->lay->table_pad_x + cs->size / 2;
    if (catw > width * 2 / 5)
        catw = width * 2 / 5;
    Column *cols = ARENA_ARRAY(&m->rp->arena, Column, t->u.table.ncols);
    for (int k = 0; k < t->u.table.ncols; k++) {
        cols[k].type = k ? COL_NUMBER : COL_TEXT;
        cols[k].fmt.decimals = -1;
        cols[k].kind = k ? WIDTH_STAR : WIDTH_ABS;
        cols[k].width = k ? 1000 : catw;
    }
    t->u.table.cols = cols;
    /* its title, with what the values count ("mnkr", "Antal placeringar") */
    Node *cap = new_node(m, N_CAPTION, n, t);
    const char *title = layout_word(m->lay, m->rep->type, "chart-data", "Diagrammets värden");
    const char *what = ch->axis_unit && *ch->axis_unit ? ch->axis_unit : ch->axis_title;
    if (what && *what)
        title = arena_printf(&m->rp->arena, "%s (%s)", title, what);
    Node *ct = new_node(m, N_TEXT, n, cap);
    ct->text = title;
    ct->len = strlen(title);

    Node *head = new_node(m, N_ROW, n, t);
    head->u.row.role = ROW_HEADER;
    cell(m, n, head, 0, NULL);           /* over the categories: nothing to say */
    for (int s = 0; s < ch->nseries; s++)
        cell(m, n, head, 1 + s, ch->series[s].name);
    int *dec = ARENA_ARRAY(&m->rp->arena, int, ch->nseries + 1);
    for (int s = 0; s < ch->nseries; s++)
        dec[s] = series_decimals(&ch->series[s], ch->ncat);
    for (int k = 0; k < ch->ncat; k++) {
        Node *row = new_node(m, N_ROW, n, t);
        row->u.row.index = 1 + k;
        cell(m, n, row, 0, ch->cats[k]);
        for (int s = 0; s < ch->nseries; s++) {
            char buf[64];
            const char *v = "\xE2\x80\x93";          /* no value: a dash */
            if (ch->series[s].present[k] && numfmt_double(ch->series[s].values[k], dec[s], buf, sizeof buf) > 0)
                v = arena_strdup(&m->rp->arena, buf);
            cell(m, n, row, 1 + s, v);
        }
    }
    measure_table(m, t, indent, width);
}

void measure_chart(M *m, const Node *n, int32_t indent, int32_t width)
{
    const Layout *L = m->lay;
    const Chart *ch = n->u.chart.chart;
    const Style *st = &L->styles[ST_CHART];
    int16_t face = FACE(st->family, st->variant);
    const Font *font = m->flow->faces[face];
    int32_t fs = st->size;
    if (n->id)
        VEC_PUSH(&m->rp->arena, m->placing, anchor_for(m, n));

    int fig = se_new(m, SE_FIGURE, m->container);
    m->se.v[fig].alt = ch->alt;
    for (const Node *c = n->first; c; c = c->next)
        if (c->kind == N_CAPTION)
            emit_caption(m, c, fig, indent, width);

    int32_t height = ch->height > 0 ? ch->height : L->chart_height;
    OpVec ops = { 0 };
    bool horizontal = ch->type == CHART_HBAR;
    bool stacked = ch->type == CHART_STACKED_BAR;

    /* value range: of the values (dlo, dhi; stacked: of the stacks), and
     * what the axis must show (lo, hi: bars stand on zero) */
    double lo = 0, hi = 0, dlo = INFINITY, dhi = -INFINITY;
    bool any = false;
    for (int k = 0; k < ch->ncat; k++) {
        double pos = 0, neg = 0;
        bool here = false;
        for (int s = 0; s < ch->nseries; s++) {
            if (!ch->series[s].present[k])
                continue;
            double v = ch->series[s].values[k];
            any = here = true;
            if (stacked) {
                if (v >= 0) pos += v; else neg += v;
            } else {
                if (v > hi) hi = v;
                if (v < lo) lo = v;
                dlo = fmin(dlo, v);
                dhi = fmax(dhi, v);
            }
        }
        if (stacked && here) {
            if (pos > hi) hi = pos;
            if (neg < lo) lo = neg;
            dlo = fmin(dlo, neg < 0 ? neg : pos);
            dhi = fmax(dhi, pos > 0 ? pos : neg);
        }
    }
    if (ch->type == CHART_LINE && any) {
        /* line charts need not start at zero when all values are far from it */
        double mn = INFINITY, mx = -INFINITY;
        for (int s = 0; s < ch->nseries; s++)
            for (int k = 0; k < ch->ncat; k++)
                if (ch->series[s].present[k]) {
                    mn = fmin(mn, ch->series[s].values[k]);
                    mx = fmax(mx, ch->series[s].values[k]);
                }
        /* a flat line (or a single point) is shown against zero */
        lo = mn > 0 && mx > mn && mn > (mx - mn) * 2 ? mn : fmin(0, mn);
        hi = fmax(mx, 0);
    }
    if (ch->has_min) lo = ch->axis_min;
    if (ch->has_max) hi = ch->axis_max;
    if (ch->has_min && ch->has_max && ch->axis_max <= ch->axis_min) {
        diag_warn(&m->rp->diags, m->rep->file, n->line, n->col,
                  "the axis' max is not above its min; max is left out");
        diag_hint(&m->rp->diags, "give <axis> a max larger than its min, or leave one out");
        hi = fmax(dhi, lo);
    }
    if (any && ch->type != CHART_LINE && ch->has_min && lo > 0) {
        char b[64];
        numfmt_double(lo, lo == round(lo) ? 0 : 2, b, sizeof b);
        diag_warn(&m->rp->diags, m->rep->file, n->line, n->col,
                  "the bars stand on zero, below the axis' minimum %s: they are cut off at it", b);
        diag_hint(&m->rp->diags, "leave out min so the bars start at zero, or show the values as a line chart");
    }
    for (int side = 0; any && side < 2; side++) {
        bool out = side ? ch->has_max && dhi > hi : ch->has_min && dlo < lo;
        if (!out)
            continue;
        double v = side ? dhi : dlo, edge = side ? hi : lo;
        char a[64], b[64];
        numfmt_double(v, v == round(v) ? 0 : 2, a, sizeof a);
        numfmt_double(edge, edge == round(edge) ? 0 : 2, b, sizeof b);
        diag_warn(&m->rp->diags, m->rep->file, n->line, n->col,
                  "the value %s lies outside the axis (%s %s); it is drawn at the edge",
                  a, side ? "maximum" : "minimum", b);
    }
    if (hi <= lo)
        hi = lo + 1;
    double step = ch->has_step ? ch->axis_step : nice_step(hi - lo, 5);
    /* a step below what doubles resolve at these values (1e15 and
     * 1e15 + 0.125 are neighbours) would never move the ticks on: the
     * step is at least a billionth of the values' size */
    double grain = fmax(fabs(lo), fabs(hi)) * 1e-9;
    if (step < grain)
        step = nice_step(grain * 5, 5);
    double vmin = floor(lo / step + 1e-9) * step, vmax = ceil(hi / step - 1e-9) * step;
    if (vmax <= vmin)
        vmax = vmin + step;
    if ((vmax - vmin) / step > CHART_MAX_INTERVALS)
        step = nice_step(vmax - vmin, 5);
    int dec = ch->axis_decimals >= 0 ? ch->axis_decimals : step_decimals(step);
    /* the ticks, counted (one more for rounding at the top) */
    double ticks[CHART_MAX_INTERVALS + 2];
    int nticks = 0;
    for (double v = vmin; v <= vmax + step / 2 && nticks < CHART_MAX_INTERVALS + 2; v += step)
        ticks[nticks++] = v;

    /* geometry */
    int32_t lh = fs * 13 / 10;
    int32_t top = ch->axis_title ? lh + fs / 2 : fs / 2;
    int32_t label_w = 0;
    char buf[64];
    for (int t = 0; t < nticks; t++) {
        numfmt_double(ticks[t], dec, buf, sizeof buf);
        int32_t w = font_text_width(font, buf, strlen(buf), fs);
        if (w > label_w) label_w = w;
    }
    int32_t cat_w = 0;
    for (int k = 0; k < ch->ncat; k++) {
        int32_t w = font_text_width(font, ch->cats[k], strlen(ch->cats[k]), fs);
        if (w > cat_w) cat_w = w;
    }
    int32_t left = horizontal ? cat_w + fs : label_w + fs * 8 / 10;
    if (left > width / 3) left = width / 3;
    /* the legend names every series, in as many rows as it takes: a
     * colour is never left without its name */
    int legend_rows = 0;
    if (ch->nseries > 1 || ch->type != CHART_BAR) {
        int32_t lx = 0;
        legend_rows = 1;
        for (int s = 0; s < ch->nseries; s++) {
            const char *name = ch->series[s].name ? ch->series[s].name : "";
            int32_t ew = fs * 3 + font_text_width(font, name, strlen(name), fs);
            if (lx > 0 && lx + ew > width - left) {
                legend_rows++;
                lx = 0;
            }
            lx += ew + fs;
        }
    }
    int32_t legend_h = legend_rows ? legend_rows * lh + fs : 0;
    height += legend_rows > 1 ? (legend_rows - 1) * lh : 0;
    /* category labels under a vertical chart: on one line; else wrapped
     * on two, if that lets every label stand; else every second or third */
    int nc = ch->ncat > 0 ? ch->ncat : 1;
    int label_lines = 1;
    if (!horizontal) {
        int32_t slot0 = (width - left - fs) / nc - fs / 2;
        bool one = cat_w <= slot0, two = true;
        for (int k = 0; k < ch->ncat && !one && two; k++) {
            const char *a, *b;
            two = two_lines(m, font, ch->cats[k], fs, slot0, &a, &b) > 0;
        }
        if (!one && two) {
            label_lines = 2;
            height += lh;
        }
    }
    int32_t bottom = lh * label_lines + fs / 2 + legend_h;
    int32_t px0 = indent + left, px1 = indent + width - fs;
    int32_t py0 = top, py1 = height - bottom;
    if (py1 - py0 < fs * 4)
        py1 = py0 + fs * 4;
    int32_t pw = px1 - px0, ph = py1 - py0;

    if (ch->axis_title)
        text_op(m, &ops, arena_printf(&m->rp->arena, "%s%s%s%s", ch->axis_title,
                                      ch->axis_unit ? " (" : "", ch->axis_unit ? ch->axis_unit : "",
                                      ch->axis_unit ? ")" : ""),
                face, fs, st->color, indent, lh - fs / 3, 0);

    /* value axis: grid and labels. Labels too wide for their room (long
     * numbers on a narrow page) are set smaller: left of a vertical
     * chart, to fit; under a horizontal one, to fit between the ticks,
     * down to half size, and then only every second (third ...) tick is
     * labelled */
    int32_t tfs = fs, troom = horizontal ? (nticks > 1 ? pw / (nticks - 1) - fs / 2 : pw) : left - fs / 2;
    int tevery = 1;
    if (label_w > troom && troom > 0) {
        tfs = (int32_t)((int64_t)fs * troom / label_w);
        if (tfs < 1000)
            tfs = 1000;                     /* 1 pt; keep_inside moves it in */
        if (horizontal && tfs < fs / 2) {
            tfs = fs / 2;
            while (tevery < nticks && (int64_t)label_w * tfs / fs > (int64_t)troom * tevery)
                tevery++;
        }
    }
    for (int t = 0; t < nticks; t++) {
        double v = ticks[t];
        numfmt_double(v, dec, buf, sizeof buf);
        const char *lab = arena_strdup(&m->rp->arena, buf);
        double f = (v - vmin) / (vmax - vmin);
        if (!horizontal) {
            int32_t y = py1 - (int32_t)lround(f * ph);
            op_push_rule(m, &ops, px0, y, pw, fabs(v) < step / 1000 ? 800 : 300,
                    fabs(v) < step / 1000 ? 0x555555 : 0xD0D0D0);
            text_op(m, &ops, lab, face, tfs, st->color, px0 - fs / 2, y + fs / 3, 2);
        } else {
            int32_t x = px0 + (int32_t)lround(f * pw);
            Op g = { 0 };
            g.kind = OP_RECT;
            g.x = x - 150;
            g.y = py0;
            g.w = 300;
            g.h = ph;
            g.color = fabs(v) < step / 1000 ? 0x555555 : 0xD0D0D0;
            g.anchor = -1;
            VEC_PUSH(&m->rp->arena, ops, g);
            if (t % tevery == 0)
                text_op(m, &ops, lab, face, tfs, st->color, x, py1 + lh, 1);
        }
    }

    /* categories */
    int32_t slot = (horizontal ? ph : pw) / nc;
    int every = 1;
    if (!horizontal && label_lines == 1)
        while (every < nc && (cat_w + fs) > slot * every)
            every++;
    for (int k = 0; k < ch->ncat; k++) {
        if (k % every)
            continue;
        int32_t c = (horizontal ? py0 : px0) + slot * k + slot / 2;
        const char *a = ch->cats[k], *b = NULL;
        if (!horizontal) {
            if (label_lines == 2)
                two_lines(m, font, ch->cats[k], fs, slot - fs / 2, &a, &b);
            text_op(m, &ops, a, face, fs, st->color, c, py1 + lh, 1);
            if (b)
                text_op(m, &ops, b, face, fs, st->color, c, py1 + 2 * lh, 1);
        } else {
            /* beside its bar, within the room left of the plot: on two
             * lines where the bar's slot is high enough, else shortened */
            int32_t room = left - fs;
            if (slot >= 2 * lh && two_lines(m, font, ch->cats[k], fs, room, &a, &b) == 2) {
                text_op(m, &ops, a, face, fs, st->color, px0 - fs / 2, c + fs / 3 - lh / 2, 2);
                text_op(m, &ops, b, face, fs, st->color, px0 - fs / 2, c + fs / 3 + lh / 2, 2);
            } else {
                text_op(m, &ops, fit(m, font, ch->cats[k], fs, room), face, fs, st->color,
                        px0 - fs / 2, c + fs / 3, 2);
            }
        }
    }

    /* series */
    double span = vmax - vmin;
    #define VPOS(v) ((int32_t)lround(((v) - vmin) / span * (horizontal ? pw : ph)))
    int ns = ch->nseries;
    for (int s = 0; s < ns; s++) {
        const Series *se = &ch->series[s];
        uint32_t color = L->chart_colors[s % L->nchart_colors];
        if (ch->type == CHART_LINE) {
            int8_t dash = se->line == LINE_DASHED ? 1 : se->line == LINE_DOTTED ? 2 : 0;
            int k = 0;
            while (k < ch->ncat) {
                while (k < ch->ncat && !se->present[k]) k++;
                int start = k;
                while (k < ch->ncat && se->present[k]) k++;
                int cnt = k - start;
                if (cnt <= 0)
                    continue;
                int32_t *pts = ARENA_ARRAY(&m->rp->arena, int32_t, cnt * 2);
                for (int q = 0; q < cnt; q++) {
                    double v = fmax(vmin, fmin(vmax, se->values[start + q]));
                    pts[2 * q] = px0 + slot * (start + q) + slot / 2;
                    pts[2 * q + 1] = py1 - VPOS(v);
                }
                if (cnt >= 2) {
                    Op o = { 0 };
                    o.kind = OP_PATH;
                    o.pts = pts;
                    o.npts = cnt;
                    o.w = 1600;
                    o.dash = dash;
                    o.color = color;
                    o.anchor = -1;
                    VEC_PUSH(&m->rp->arena, ops, o);
                }
                if (ch->ncat <= 24 || cnt == 1)
                    for (int q = 0; q < cnt; q++) {
                        Op mk = { 0 };
                        mk.kind = OP_MARKER;
                        mk.w = mk.h = fs * 55 / 100;
                        mk.x = pts[2 * q] - mk.w / 2;
                        mk.y = pts[2 * q + 1] - mk.h / 2;
                        mk.shape = (int16_t)series_shapes[s % 5];
                        mk.color = color;
                        mk.anchor = -1;
                        mk.in_chart = true;
                        VEC_PUSH(&m->rp->arena, ops, mk);
                    }
            }
        } else {
            int32_t inner = slot * 80 / 100;
            int32_t bw = stacked ? inner : inner / (ns > 0 ? ns : 1);
            for (int k = 0; k < ch->ncat; k++) {
                if (!se->present[k])
                    continue;
                double base = 0;
                if (stacked)
                    for (int q = 0; q < s; q++)
                        if (ch->series[q].present[k] &&
                            (ch->series[q].values[k] >= 0) == (se->values[k] >= 0))
                            base += ch->series[q].values[k];
                double a = fmax(vmin, fmin(vmax, base)), b = fmax(vmin, fmin(vmax, base + se->values[k]));
                int32_t p0 = VPOS(fmin(a, b)), p1 = VPOS(fmax(a, b));
                int32_t off = slot * k + (slot - inner) / 2 + (stacked ? 0 : bw * s);
                if (!horizontal)
                    op_push_rect(m, &ops, px0 + off, py1 - p1, bw - (ns > 1 && !stacked ? 400 : 0),
                            p1 - p0 > 0 ? p1 - p0 : 300, color);
                else
                    op_push_rect(m, &ops, px0 + p0, py0 + off, p1 - p0 > 0 ? p1 - p0 : 300,
                            bw - (ns > 1 && !stacked ? 400 : 0), color);
            }
        }
    }
    #undef VPOS
    /* axis line */
    if (!horizontal)
        op_push_rule(m, &ops, px0, py1, pw, 700, 0x555555);

    /* legend: marker or swatch, then the name, in a row */
    if (legend_h) {
        int32_t lx = px0, ly = height - fs / 2 - (legend_rows - 1) * lh;
        for (int s = 0; s < ns; s++) {
            const Series *se = &ch->series[s];
            uint32_t color = L->chart_colors[s % L->nchart_colors];
            const char *name = se->name ? se->name : "";
            int32_t tw = font_text_width(font, name, strlen(name), fs);
            if (lx > px0 && lx + fs * 3 + tw > indent + width) {
                lx = px0;                   /* the next row, as counted above */
                ly += lh;
            }
            if (ch->type == CHART_LINE) {
                int32_t *pts = ARENA_ARRAY(&m->rp->arena, int32_t, 4);
                pts[0] = lx; pts[1] = ly - fs / 3; pts[2] = lx + fs * 2; pts[3] = ly - fs / 3;
                Op o = { 0 };
                o.kind = OP_PATH;
                o.pts = pts;
                o.npts = 2;
                o.w = 1600;
                o.dash = se->line == LINE_DASHED ? 1 : se->line == LINE_DOTTED ? 2 : 0;
                o.color = color;
                o.anchor = -1;
                VEC_PUSH(&m->rp->arena, ops, o);
                Op mk = { 0 };
                mk.kind = OP_MARKER;
                mk.w = mk.h = fs * 55 / 100;
                mk.x = lx + fs - mk.w / 2;
                mk.y = ly - fs / 3 - mk.h / 2;
                mk.shape = (int16_t)series_shapes[s % 5];
                mk.color = color;
                mk.anchor = -1;
                mk.in_chart = true;
                VEC_PUSH(&m->rp->arena, ops, mk);
            } else {
                op_push_rect(m, &ops, lx + fs / 2, ly - fs * 8 / 10, fs, fs * 7 / 10, color);
            }
            text_op(m, &ops, name, face, fs, st->color, lx + fs * 2 + fs / 2, ly, 0);
            lx += fs * 4 + tw;
        }
    }

    keep_inside(m, &ops, indent, width);
    int32_t gap = m->pending_after;
    for (int i = 0; i < ops.n; i++)
        ops.v[i].se = fig;          /* the whole drawing is the figure */
    m->cur_se = fig;
    Box *b = new_box(m, height, gap);
    b->ops = ops.v;
    b->nops = ops.n;
    m->pending_after = L->styles[ST_BODY].space_after + 4000;
    for (const Node *c = n->first; c; c = c->next)
        if (c->kind == N_NOTE) {
            b->flags |= BOX_KEEP_NEXT;
            const Style *ns2 = &L->styles[ST_TABLE_NOTE];
            Pieces ps = { 0 };
            text_pieces(m, c, ns2, &ps);
            Lines ls = text_break(m, ps.v, ps.n, ns2, width, ALIGN_LEFT, false);
            m->cur_se = se_new(m, SE_P, m->container);
            m->pending_after = 0;
            emit_lines(m, &ls, indent, ns2->space_before, false);
            m->pending_after = ns2->space_after;
        }
    if (L->chart_data_table && ch->ncat > 0 && ch->nseries > 0) {
        /* the table starts on the chart's page: the chart (or its last
         * note) keeps with the table's caption */
        if (m->boxes.n > 0)
            m->boxes.v[m->boxes.n - 1].flags |= BOX_KEEP_NEXT;
        data_table(m, n, ch, indent, width);
    }
}
