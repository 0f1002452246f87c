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
#include "../base/limits.h"
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

static const Shape series_shapes[] = { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_TRIANGLE, SHAPE_DIAMOND, SHAPE_RING };

/* ---- the data as a table ------------------------------------------------ */

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

/* A label for a cell: none if it is empty. */
static const char *words(const char *s)
{
    return s && *s ? s : NULL;
}

/* With <charts data-table="yes"/> in the layout, a chart's values are
 * also printed as a table under it: a category per row, a series per
 * column, as the report's own tables look. Everyone can read the exact
 * values, and a screen reader gets them as a table with its headers. */
static void data_table(M *m, const Node *n, const Chart *ch, int32_t indent, int32_t width)
{
    Arena *a = &m->rp->arena;
    Node *t = model_new_table(a, 1 + ch->nseries, n);
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
    Column *cols = t->u.table.cols;
    for (int k = 0; k < t->u.table.ncols; k++) {
        cols[k].type = k ? COL_NUMBER : COL_TEXT;
        cols[k].kind = k ? WIDTH_STAR : WIDTH_ABS;
        cols[k].width = k ? 1000 : catw;
    }
    /* its title, with what the values count ("mnkr", "Antal placeringar") */
    const char *title = layout_word(m->lay, m->rep->type, "chart-data", "Diagrammets värden");
    const char *what = ch->axis_unit && *ch->axis_unit ? ch->axis_unit : ch->axis_title;
    if (what && *what)
        title = arena_printf(a, "%s (%s)", title, what);
    model_new_text(a, model_new(a, N_CAPTION, t, n), title, n);

    Node *head = model_new_row(a, t, ROW_HEADER, n);
    model_new_cell(a, head, 0, NULL, n);          /* over the categories: nothing to say */
    for (int s = 0; s < ch->nseries; s++)
        model_new_cell(a, head, 1 + s, words(ch->series[s].name), n);
    int *dec = ARENA_ARRAY(a, int, ch->nseries + 1);
    for (int s = 0; s < ch->nseries; s++)
        dec[s] = series_decimals(&ch->series[s], ch->ncat);
    for (int k = 0; k < ch->ncat; k++) {
        Node *row = model_new_row(a, t, ROW_NORMAL, n);
        model_new_cell(a, row, 0, words(ch->cats[k]), n);
        for (int s = 0; s < ch->nseries; s++) {
            char buf[64];
            const char *v = "\xE2\x80\x93";          /* no value: a dash */
            if (ch->series[s].present[k] && numfmt_double(ch->series[s].values[k], dec[s], buf, sizeof buf) > 0)
                v = arena_strdup(a, buf);
            model_new_cell(a, row, 1 + s, v, n);
        }
    }
    measure_table(m, t, indent, width);
}

/* ---- the drawing ---------------------------------------------------------- */

/* A chart's value axis: from vmin to vmax in steps of `step`, its ticks
 * labelled with `dec` decimals. */
typedef struct Axis {
    double vmin, vmax, step;
    int    dec;
    double ticks[RP_MAX_CHART_INTERVALS + 2];  /* one more for rounding at the top */
    int    nticks;
} Axis;

/* Where a chart's parts go in its box, from chart_frame. */
typedef struct Frame {
    const Chart *ch;
    int16_t      face;
    const Font  *font;
    int32_t      fs, lh;           /* font size, line height */
    uint32_t     color;            /* of its text */
    bool         horizontal, stacked;
    int32_t      indent, width, height;
    int32_t      left;             /* room left of the plot: value or category labels */
    int32_t      label_w, cat_w;   /* the widest value label, category label */
    int          legend_rows, label_lines;
    int32_t      legend_h;
    int32_t      px0, px1, py0, py1, pw, ph;   /* the plot area */
} Frame;

/* The range of the values (dlo, dhi; stacked: of the stacks) and what
 * the axis must show (lo, hi: bars stand on zero, a line need not). */
static bool data_range(const Chart *ch, double *lo, double *hi, double *dlo, double *dhi)
{
    bool stacked = ch->type == CHART_STACKED_BAR, any = false;
    *lo = *hi = 0;
    *dlo = INFINITY;
    *dhi = -INFINITY;
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
                if (v > *hi) *hi = v;
                if (v < *lo) *lo = v;
                *dlo = fmin(*dlo, v);
                *dhi = fmax(*dhi, v);
            }
        }
        if (stacked && here) {
            if (pos > *hi) *hi = pos;
            if (neg < *lo) *lo = neg;
            *dlo = fmin(*dlo, neg < 0 ? neg : pos);
            *dhi = fmax(*dhi, pos > 0 ? pos : neg);
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
        *lo = mn > 0 && mx > mn && mn > (mx - mn) * 2 ? mn : fmin(0, mn);
        *hi = fmax(mx, 0);
    }
    return any;
}

/* The value range the axis shows: the data's, or the report's own min
 * and max, with a warning where they cut bars or values off. */
static void value_range(M *m, const Node *n, double *lo_out, double *hi_out)
{
    const Chart *ch = n->u.chart.chart;
    double lo, hi, dlo, dhi;
    bool any = data_range(ch, &lo, &hi, &dlo, &dhi);
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
    *lo_out = lo;
    *hi_out = hi;
}

/* The axis over [lo, hi]: the report's step or a nice one, the ends on
 * whole steps, the ticks. */
static void axis_ticks(const Chart *ch, double lo, double hi, Axis *ax)
{
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
    if ((vmax - vmin) / step > RP_MAX_CHART_INTERVALS)
        step = nice_step(vmax - vmin, 5);
    ax->vmin = vmin;
    ax->vmax = vmax;
    ax->step = step;
    ax->dec = ch->axis_decimals >= 0 ? ch->axis_decimals : step_decimals(step);
    ax->nticks = 0;
    for (double v = vmin; v <= vmax + step / 2 && ax->nticks < RP_MAX_CHART_INTERVALS + 2; v += step)
        ax->ticks[ax->nticks++] = v;
}

/* How many rows the legend takes: it names every series, in as many
 * rows as it takes, so a colour is never left without its name; none
 * for a bar chart of one series. */
static int legend_rows(const Frame *f)
{
    const Chart *ch = f->ch;
    if (ch->nseries <= 1 && ch->type == CHART_BAR)
        return 0;
    int32_t lx = 0, fs = f->fs;
    int rows = 1;
    for (int s = 0; s < ch->nseries; s++) {
        const char *name = ch->series[s].name ? ch->series[s].name : "";
        int32_t ew = fs * 3 + font_text_width(f->font, name, strlen(name), fs);
        if (lx > 0 && lx + ew > f->width - f->left) {
            rows++;
            lx = 0;
        }
        lx += ew + fs;
    }
    return rows;
}

/* The chart's geometry: room for the axis title above, value or
 * category labels left, category labels and the legend below. Category
 * labels under a vertical chart stand on one line; else wrapped on two,
 * if that lets every label stand (the chart grows by a line); else every
 * second or third is shown (draw_categories). */
static void chart_frame(M *m, const Axis *ax, Frame *f)
{
    const Chart *ch = f->ch;
    int32_t fs = f->fs, lh = f->lh;
    char buf[64];
    for (int t = 0; t < ax->nticks; t++) {
        numfmt_double(ax->ticks[t], ax->dec, buf, sizeof buf);
        int32_t w = font_text_width(f->font, buf, strlen(buf), fs);
        if (w > f->label_w) f->label_w = w;
    }
    for (int k = 0; k < ch->ncat; k++) {
        int32_t w = font_text_width(f->font, ch->cats[k], strlen(ch->cats[k]), fs);
        if (w > f->cat_w) f->cat_w = w;
    }
    int32_t top = ch->axis_title ? lh + fs / 2 : fs / 2;
    f->left = f->horizontal ? f->cat_w + fs : f->label_w + fs * 8 / 10;
    if (f->left > f->width / 3) f->left = f->width / 3;
    f->legend_rows = legend_rows(f);
    f->legend_h = f->legend_rows ? f->legend_rows * lh + fs : 0;
    f->height += f->legend_rows > 1 ? (f->legend_rows - 1) * lh : 0;
    int nc = ch->ncat > 0 ? ch->ncat : 1;
    f->label_lines = 1;
    if (!f->horizontal) {
        int32_t slot0 = (f->width - f->left - fs) / nc - fs / 2;
        bool one = f->cat_w <= slot0, two = true;
        for (int k = 0; k < ch->ncat && !one && two; k++) {
            const char *a, *b;
            two = two_lines(m, f->font, ch->cats[k], fs, slot0, &a, &b) > 0;
        }
        if (!one && two) {
            f->label_lines = 2;
            f->height += lh;
        }
    }
    int32_t bottom = lh * f->label_lines + fs / 2 + f->legend_h;
    f->px0 = f->indent + f->left;
    f->px1 = f->indent + f->width - fs;
    f->py0 = top;
    f->py1 = f->height - bottom;
    if (f->py1 - f->py0 < fs * 4)
        f->py1 = f->py0 + fs * 4;
    f->pw = f->px1 - f->px0;
    f->ph = f->py1 - f->py0;
}

/* The value axis: grid and labels. Labels too wide for their room (long
 * numbers on a narrow page) are set smaller: left of a vertical chart,
 * to fit; under a horizontal one, to fit between the ticks, down to half
 * size, and then only every second (third ...) tick is labelled. */
static void draw_value_axis(M *m, const Frame *f, const Axis *ax, OpVec *ops)
{
    int32_t fs = f->fs, nticks = ax->nticks;
    int32_t tfs = fs, troom = f->horizontal ? (nticks > 1 ? f->pw / (nticks - 1) - fs / 2 : f->pw)
                                            : f->left - fs / 2;
    int tevery = 1;
    if (f->label_w > troom && troom > 0) {
        tfs = (int32_t)((int64_t)fs * troom / f->label_w);
        if (tfs < 1000)
            tfs = 1000;                     /* 1 pt; keep_inside moves it in */
        if (f->horizontal && tfs < fs / 2) {
            tfs = fs / 2;
            while (tevery < nticks && (int64_t)f->label_w * tfs / fs > (int64_t)troom * tevery)
                tevery++;
        }
    }
    char buf[64];
    for (int t = 0; t < nticks; t++) {
        double v = ax->ticks[t];
        numfmt_double(v, ax->dec, buf, sizeof buf);
        const char *lab = arena_strdup(&m->rp->arena, buf);
        double at = (v - ax->vmin) / (ax->vmax - ax->vmin);
        bool zero = fabs(v) < ax->step / 1000;
        if (!f->horizontal) {
            int32_t y = f->py1 - (int32_t)lround(at * f->ph);
            op_push_rule(m, ops, f->px0, y, f->pw, zero ? 800 : 300, zero ? 0x555555 : 0xD0D0D0);
            text_op(m, ops, lab, f->face, tfs, f->color, f->px0 - fs / 2, y + fs / 3, 2);
        } else {
            int32_t x = f->px0 + (int32_t)lround(at * f->pw);
            op_push_rect(m, ops, x - 150, f->py0, 300, f->ph, zero ? 0x555555 : 0xD0D0D0);
            if (t % tevery == 0)
                text_op(m, ops, lab, f->face, tfs, f->color, x, f->py1 + f->lh, 1);
        }
    }
}

/* The category labels: under a vertical chart, on one or two lines or
 * every second (third ...); beside the bars of a horizontal one, within
 * the room left of the plot, on two lines where the bar's slot is high
 * enough, else shortened. */
static void draw_categories(M *m, const Frame *f, OpVec *ops)
{
    const Chart *ch = f->ch;
    int32_t fs = f->fs, lh = f->lh;
    int nc = ch->ncat > 0 ? ch->ncat : 1;
    int32_t slot = (f->horizontal ? f->ph : f->pw) / nc;
    int every = 1;
    if (!f->horizontal && f->label_lines == 1)
        while (every < nc && (f->cat_w + fs) > slot * every)
            every++;
    for (int k = 0; k < ch->ncat; k++) {
        if (k % every)
            continue;
        int32_t c = (f->horizontal ? f->py0 : f->px0) + slot * k + slot / 2;
        const char *a = ch->cats[k], *b = NULL;
        if (!f->horizontal) {
            if (f->label_lines == 2)
                two_lines(m, f->font, ch->cats[k], fs, slot - fs / 2, &a, &b);
            text_op(m, ops, a, f->face, fs, f->color, c, f->py1 + lh, 1);
            if (b)
                text_op(m, ops, b, f->face, fs, f->color, c, f->py1 + 2 * lh, 1);
            continue;
        }
        int32_t room = f->left - fs;
        if (slot >= 2 * lh && two_lines(m, f->font, ch->cats[k], fs, room, &a, &b) == 2) {
            text_op(m, ops, a, f->face, fs, f->color, f->px0 - fs / 2, c + fs / 3 - lh / 2, 2);
            text_op(m, ops, b, f->face, fs, f->color, f->px0 - fs / 2, c + fs / 3 + lh / 2, 2);
        } else {
            text_op(m, ops, fit(m, f->font, ch->cats[k], fs, room), f->face, fs, f->color,
                    f->px0 - fs / 2, c + fs / 3, 2);
        }
    }
}

/* A series' line through npts points, in its dash pattern. */
static void series_line(M *m, OpVec *ops, const Series *se, const int32_t *pts, int npts, uint32_t color)
{
    Op o = { .kind = OP_PATH, .pts = pts, .npts = npts, .w = 1600, .color = color, .anchor = -1 };
    o.dash = se->line == LINE_DASHED ? 1 : se->line == LINE_DOTTED ? 2 : 0;
    VEC_PUSH(&m->rp->arena, *ops, o);
}

/* Series s's marker shape centred on x, y. */
static void series_marker(M *m, OpVec *ops, int s, int32_t fs, int32_t x, int32_t y, uint32_t color)
{
    Op mk = { .kind = OP_MARKER, .shape = (int16_t)series_shapes[s % 5], .color = color, .anchor = -1,
              .in_chart = true };
    mk.w = mk.h = fs * 55 / 100;
    mk.x = x - mk.w / 2;
    mk.y = y - mk.h / 2;
    VEC_PUSH(&m->rp->arena, *ops, mk);
}

/* Where value v stands along the value axis, from the plot's start. */
static int32_t value_pos(const Frame *f, const Axis *ax, double v)
{
    return (int32_t)lround((v - ax->vmin) / (ax->vmax - ax->vmin) * (f->horizontal ? f->pw : f->ph));
}

/* Series s as a line: a path through each run of present values, with
 * markers on the points when there are few of them (or the run is one
 * point). Values beyond the axis stand at its edge. */
static void draw_line_series(M *m, const Frame *f, const Axis *ax, int s, OpVec *ops)
{
    const Chart *ch = f->ch;
    const Series *se = &ch->series[s];
    uint32_t color = m->lay->chart_colors[s % m->lay->nchart_colors];
    int32_t slot = f->pw / (ch->ncat > 0 ? ch->ncat : 1);
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
            double v = fmax(ax->vmin, fmin(ax->vmax, se->values[start + q]));
            pts[2 * q] = f->px0 + slot * (start + q) + slot / 2;
            pts[2 * q + 1] = f->py1 - value_pos(f, ax, v);
        }
        if (cnt >= 2)
            series_line(m, ops, se, pts, cnt, color);
        if (ch->ncat <= 24 || cnt == 1)
            for (int q = 0; q < cnt; q++)
                series_marker(m, ops, s, f->fs, pts[2 * q], pts[2 * q + 1], color);
    }
}

/* Series s as bars: side by side in each category's slot, or stacked
 * on the series before it (positive on positive, negative on
 * negative). */
static void draw_bar_series(M *m, const Frame *f, const Axis *ax, int s, OpVec *ops)
{
    const Chart *ch = f->ch;
    const Series *se = &ch->series[s];
    uint32_t color = m->lay->chart_colors[s % m->lay->nchart_colors];
    int ns = ch->nseries;
    int32_t slot = (f->horizontal ? f->ph : f->pw) / (ch->ncat > 0 ? ch->ncat : 1);
    int32_t inner = slot * 80 / 100;
    int32_t bw = f->stacked ? inner : inner / (ns > 0 ? ns : 1);
    int32_t gap = ns > 1 && !f->stacked ? 400 : 0;
    for (int k = 0; k < ch->ncat; k++) {
        if (!se->present[k])
            continue;
        double base = 0;
        if (f->stacked)
            for (int q = 0; q < s; q++)
                if (ch->series[q].present[k] && (ch->series[q].values[k] >= 0) == (se->values[k] >= 0))
                    base += ch->series[q].values[k];
        double a = fmax(ax->vmin, fmin(ax->vmax, base));
        double b = fmax(ax->vmin, fmin(ax->vmax, base + se->values[k]));
        int32_t p0 = value_pos(f, ax, fmin(a, b)), p1 = value_pos(f, ax, fmax(a, b));
        int32_t off = slot * k + (slot - inner) / 2 + (f->stacked ? 0 : bw * s);
        int32_t len = p1 - p0 > 0 ? p1 - p0 : 300;
        if (!f->horizontal)
            op_push_rect(m, ops, f->px0 + off, f->py1 - p1, bw - gap, len, color);
        else
            op_push_rect(m, ops, f->px0 + p0, f->py0 + off, len, bw - gap, color);
    }
}

/* The legend: for each series its line and marker or its swatch, then
 * its name, in rows as legend_rows() counted them. */
static void draw_legend(M *m, const Frame *f, OpVec *ops)
{
    const Chart *ch = f->ch;
    int32_t fs = f->fs, lh = f->lh;
    int32_t lx = f->px0, ly = f->height - fs / 2 - (f->legend_rows - 1) * lh;
    for (int s = 0; s < ch->nseries; s++) {
        const Series *se = &ch->series[s];
        uint32_t color = m->lay->chart_colors[s % m->lay->nchart_colors];
        const char *name = se->name ? se->name : "";
        int32_t tw = font_text_width(f->font, name, strlen(name), fs);
        if (lx > f->px0 && lx + fs * 3 + tw > f->indent + f->width) {
            lx = f->px0;                    /* the next row, as counted */
            ly += lh;
        }
        if (ch->type == CHART_LINE) {
            int32_t *pts = ARENA_ARRAY(&m->rp->arena, int32_t, 4);
            pts[0] = lx; pts[1] = ly - fs / 3; pts[2] = lx + fs * 2; pts[3] = ly - fs / 3;
            series_line(m, ops, se, pts, 2, color);
            series_marker(m, ops, s, fs, lx + fs, ly - fs / 3, color);
        } else {
            op_push_rect(m, ops, lx + fs / 2, ly - fs * 8 / 10, fs, fs * 7 / 10, color);
        }
        text_op(m, ops, name, f->face, fs, f->color, lx + fs * 2 + fs / 2, ly, 0);
        lx += fs * 4 + tw;
    }
}

/* The chart's drawing, inside the text column. */
static OpVec draw_chart(M *m, const Frame *f, const Axis *ax)
{
    const Chart *ch = f->ch;
    OpVec ops = { 0 };
    if (ch->axis_title)
        text_op(m, &ops, arena_printf(&m->rp->arena, "%s%s%s%s", ch->axis_title,
                                      ch->axis_unit ? " (" : "", ch->axis_unit ? ch->axis_unit : "",
                                      ch->axis_unit ? ")" : ""),
                f->face, f->fs, f->color, f->indent, f->lh - f->fs / 3, 0);
    draw_value_axis(m, f, ax, &ops);
    draw_categories(m, f, &ops);
    for (int s = 0; s < ch->nseries; s++) {
        if (ch->type == CHART_LINE)
            draw_line_series(m, f, ax, s, &ops);
        else
            draw_bar_series(m, f, ax, s, &ops);
    }
    if (!f->horizontal)
        op_push_rule(m, &ops, f->px0, f->py1, f->pw, 700, 0x555555);      /* the axis line */
    if (f->legend_h)
        draw_legend(m, f, &ops);
    keep_inside(m, &ops, f->indent, f->width);
    return ops;
}

void measure_chart(M *m, const Node *n, int32_t indent, int32_t width)
{
    const Layout *L = m->lay;
    const Chart *ch = n->u.chart.chart;
    const Style *st = &L->styles[ST_CHART];
    if (n->id)
        place_anchor(m, anchor_for(m, n));
    int fig = se_new(m, SE_FIGURE, m->container);
    m->se.v[fig].alt = ch->alt;
    for (const Node *c = n->first; c; c = c->next)
        if (c->kind == N_CAPTION)
            emit_caption(m, c, fig, indent, width);

    Frame f = { 0 };
    f.ch = ch;
    f.face = FACE(st->family, st->variant);
    f.font = m->flow->faces[f.face];
    f.fs = st->size;
    f.lh = f.fs * 13 / 10;
    f.color = st->color;
    f.horizontal = ch->type == CHART_HBAR;
    f.stacked = ch->type == CHART_STACKED_BAR;
    f.indent = indent;
    f.width = width;
    f.height = ch->height > 0 ? ch->height : L->chart_height;
    double lo, hi;
    value_range(m, n, &lo, &hi);
    Axis ax;
    axis_ticks(ch, lo, hi, &ax);
    chart_frame(m, &ax, &f);
    OpVec ops = draw_chart(m, &f, &ax);

    for (int i = 0; i < ops.n; i++)
        ops.v[i].se = fig;          /* the whole drawing is the figure */
    m->cur_se = fig;
    Box *b = new_box(m, f.height, m->pending_after);
    b->ops = ops.v;
    b->nops = ops.n;
    m->pending_after = 0;
    bool any_note = emit_notes(m, n, indent, width);
    m->pending_after = any_note ? L->styles[ST_TABLE_NOTE].space_after : L->styles[ST_BODY].space_after + 4000;
    if (L->chart_data_table && ch->ncat > 0 && ch->nseries > 0) {
        /* the table starts on the chart's page: the chart (or its last
         * note) keeps with the table's caption */
        if (m->boxes.n > 0)
            m->boxes.v[m->boxes.n - 1].flags |= BOX_KEEP_NEXT;
        data_table(m, n, ch, indent, width);
    }
}
