/*
 * chart.c - charts drawn from the report's data, as vector ops
 * (measure stage).
 *
 * A chart is one box (it never splits over pages) with its caption kept
 * before it. Layout of the box, top to bottom: axis title, plot area
 * with value ticks on the left and category labels below (or beside
 * horizontal bars, with the values and the axis title below), legend;
 * a pie or donut takes the plot area's middle.
 * Ticks are "nice" numbers (1, 2, 2.5 or 5 times a power of ten) printed
 * in Swedish style.
 *
 * Design notes.
 * 1. Series differ without colour (chart_looks): any two series (a pie's
 *    slices) of a chart print at least RP_CHART_GREY_APART apart in grey
 *    or differ in hatching; every line has its own dash (op_dash_pattern)
 *    and marker. tests/swatch-check measures it on the printed legend.
 * 2. No category goes unlabelled and none is shortened while wrapping,
 *    staggering or more room can show it whole (labels_under,
 *    labels_beside); wrapping costs time linear in a label's length.
 * 3. One legend rule for every type (legend_shown).
 * 4. Everything drawn stays inside the text column (keep_inside).
 */
#include "measure_int.h"
#include "../base/limits.h"
#include "../base/utf8.h"
#include "../model/numfmt.h"
#include "../base/i18n.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>


/* A text at x (its left edge, centre or right edge by `align`: 0, 1, 2),
 * baseline y. */
static void text_op(M *m, OpVec *ops, const char *s, int16_t face, int32_t size, uint32_t color,
                    int32_t x, int32_t y, int align)
{
    /* without the author's soft hyphens (U+00AD, from Word): a label is
     * not hyphenated, and one drawn with the letter before it read as
     * two characters, which pdf.js took for an unseen one and dropped
     * ("Kosnad" for "Kost\u00ADnad", an auditor) */
    if (strstr(s, "\xC2\xAD")) {
        char *t = arena_strdup(&m->rp->arena, s), *w = t;
        for (const char *r = s; *r; r++)
            if (!((unsigned char)r[0] == 0xC2 && (unsigned char)r[1] == 0xAD))
                *w++ = *r;
            else
                r++;
        *w = 0;
        s = t;
    }
    Op o = op_text(m, s, (int)strlen(s), face, size, color);
    o.x = align == 0 ? x : align == 1 ? x - o.w / 2 : x - o.w;
    o.y = y;
    /* read with a word space after it: the labels of a chart are read one
     * after another ("0 25 50 ... Taxor och avgifter Bidrag"), not run
     * together ("0255075 ... avgifterBidrag") */
    o.tail = TAIL_SPACE;
    VEC_PUSH(&m->rp->arena, *ops, o);
}

/* Whether the chart says over its values what they are: the axis's
 * title ("Tusental besök (st)"), or its unit alone ("mnkr"), which the
 * values' labels do not repeat. */
static bool axis_captioned(const Chart *ch)
{
    return (ch->axis_title && *ch->axis_title) || (ch->axis_unit && *ch->axis_unit);
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

/* Lines a category label may take: under a vertical chart, and beside
 * a horizontal bar unless the bar's slot gives fewer. */
enum { LABEL_LINES = 4 };

/* A label set on lines, from wrap_label. */
typedef struct Wrapped {
    const char *line[LABEL_LINES];
    int         n;          /* lines */
    int32_t     w;          /* the widest line */
    bool        cut;        /* shortened with an ellipsis: it did not fit */
} Wrapped;

/* The label s on at most `maxlines` lines of at most `maxw`: broken at
 * spaces, each line as full as it goes (first fit). Only what cannot
 * fit is shortened with an ellipsis: a word wider than a line, or the
 * rest of the label on the last line. The widths come from one pass
 * over the label (prefix_units), each line is copied once, and at most
 * `maxlines` are made: time linear in the label's length. */
static void wrap_label(M *m, const Font *f, const char *s, int32_t fs, int32_t maxw, int maxlines,
                       Wrapped *out)
{
    size_t n = strlen(s), i = 0;
    int64_t *w = prefix_units(f, s, n);
    out->n = 0;
    out->w = 0;
    out->cut = false;
    while (out->n < maxlines) {
        while (i < n && s[i] == ' ')
            i++;
        if (i >= n)
            break;
        size_t end;
        if (out->n == maxlines - 1) {
            end = n;                        /* the last line takes the rest */
            while (end > i && s[end - 1] == ' ')
                end--;
        } else {
            /* the words that fit after i; at least one */
            size_t we = i;
            while (we < n && s[we] != ' ')
                we++;
            end = we;
            while (end < n) {
                size_t ws = end;
                while (ws < n && s[ws] == ' ')
                    ws++;
                if (ws >= n)
                    break;
                we = ws;
                while (we < n && s[we] != ' ')
                    we++;
                if (units_width(f, w[we] - w[i], fs) > maxw)
                    break;
                end = we;
            }
        }
        const char *line = arena_strndup(&m->rp->arena, s + i, end - i);
        int32_t lw = units_width(f, w[end] - w[i], fs);
        if (lw > maxw) {
            line = fit(m, f, line, fs, maxw);
            lw = font_text_width(f, line, strlen(line), fs);
            out->cut = true;
        }
        out->line[out->n++] = line;
        if (lw > out->w)
            out->w = lw;
        i = end;
    }
    free(w);
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

/* ---- how the series look ---------------------------------------------- */

/* Hatchings laid over a bar's or slice's colour where its grey is too
 * near another's of the chart: up to two angles of lines (degrees,
 * counter-clockwise from the x axis), the lines `gap` apart. */
typedef struct Hatch {
    int16_t angle[2];
    int8_t  nangles;
    int32_t gap;
} Hatch;

static const Hatch hatches[] = {
    { { 0 }, 0, 0 },                            /* the colour alone */
    { { 45 }, 1, 3000 }, { { 135 }, 1, 3000 }, { { 0 }, 1, 3000 }, { { 90 }, 1, 3000 },
    { { 45, 135 }, 2, 3500 }, { { 0, 90 }, 2, 3500 },
    { { 45 }, 1, 1700 }, { { 135 }, 1, 1700 }, { { 0 }, 1, 1700 }, { { 90 }, 1, 1700 },
};
enum { NHATCH = (int)(sizeof hatches / sizeof hatches[0]) };

/* The dashes a line series may take (op_dash_pattern's), by what the
 * report asked (LineStyle), in the order they are handed out; -1 ends.
 * Left to rapport, long dashes come before dots, which print faint and
 * read as a forecast. */
static const int8_t dash_choices[][OP_DASHES + 1] = {
    [LINE_AUTO]   = { 0, 4, 1, 7, 3, 6, 5, 2, -1 },
    [LINE_SOLID]  = { 0, -1 },
    [LINE_DASHED] = { 1, 3, 6, 4, 5, 7, -1 },
    [LINE_DOTTED] = { 2, 5, -1 },
};

/* How a series (or a pie's slice) looks: its colour, and what tells it
 * from the others in black and white: a line's dash and marker, a bar's
 * or slice's hatching. */
typedef struct Look {
    uint32_t color;
    int8_t   dash;
    int16_t  shape;
    int8_t   hatch;
} Look;

/* The first dash of `want`'s choices that no series before has, else
 * the first no series has, else the series' turn in the cycle. */
static int8_t pick_dash(const bool *taken, LineStyle want, int s)
{
    for (int pass = 0; pass < 2; pass++) {
        const int8_t *c = dash_choices[pass ? LINE_AUTO : want];
        for (int i = 0; c[i] >= 0; i++)
            if (!taken[c[i]])
                return c[i];
    }
    return (int8_t)(s % OP_DASHES);
}

/* The year a series' name gives ("2024", "Utfall 2026": its last number
 * of four digits from 1900 to 2199), or 0. */
static int series_year(const Series *se)
{
    int year = 0;
    for (const char *n = se->name ? se->name : ""; *n; n++) {
        bool alone = (n[0] >= '0' && n[0] <= '9') && (n == se->name || n[-1] < '0' || n[-1] > '9');
        if (alone && strspn(n, "0123456789") == 4) {
            int y = atoi(n);
            if (y >= 1900 && y < 2200)
                year = y;
        }
    }
    return year;
}

/* Whether a series' name says it is not an outcome: a budget, a
 * forecast, a plan or a goal ("Budget 2026", "Prognos"). */
static bool series_planned(const Series *se)
{
    static const char *const words[] = { "budget", "prognos", "plan", "m\xC3\xA5l", "forecast", "target" };
    char low[96];
    size_t k = 0;
    for (const char *n = se->name ? se->name : ""; *n && k + 1 < sizeof low; n++)
        low[k++] = (char)(*n >= 'A' && *n <= 'Z' ? *n + 32 : *n);
    low[k] = 0;
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        for (const char *at = strstr(low, words[i]); at; at = strstr(at + 1, words[i]))
            if (at == low || !((at[-1] >= 'a' && at[-1] <= 'z') || (unsigned char)at[-1] >= 0x80))
                return true;            /* at a word's start: not "Upplands Väsby" */
    return false;
}

/* The series a line chart draws solid when the report leaves the dashes
 * to rapport: of those it leaves, an outcome before a plan, and of them
 * the latest year's (this year's, not last year's, is the line to read:
 * "2026", "Utfall 2026", before "Budget 2026"), else the first; -1 if
 * it leaves none. */
static int lead_series(const Chart *ch)
{
    int lead = -1, best = -1;
    for (int s = 0; s < ch->nseries; s++) {
        if (ch->series[s].line != LINE_AUTO)
            continue;
        /* an outcome before a plan, then the latest year */
        int score = !series_planned(&ch->series[s]) * 10000 + series_year(&ch->series[s]);
        if (score > best) {
            best = score;
            lead = s;
        }
    }
    return lead;
}

/* The looks of n series (or slices), in order: the layout's colours in
 * turn (or a series' own); for each, the first hatching (none first) under which no series
 * before it prints within RP_CHART_GREY_APART of its grey, so any two
 * differ in grey or in pattern (a hatching no series has yet before one
 * another series of another grey has); every line its own dash (what the
 * report asked, a variant of it when another series has that already)
 * and marker. Time n^2, n at most RP_MAX_CHART_CATEGORIES. */
static Look *chart_looks(M *m, const Chart *ch, int n)
{
    const Layout *L = m->lay;
    Look *lk = ARENA_ARRAY(&m->rp->arena, Look, n > 0 ? n : 1);
    bool taken[OP_DASHES] = { false }, pie = ch->type == CHART_PIE || ch->type == CHART_DONUT;
    for (int s = 0; s < n; s++) {
        lk[s].color = s < ch->nseries && !pie && ch->series[s].has_color ? ch->series[s].color
                    : L->chart_colors[s % L->nchart_colors];
        lk[s].shape = (int16_t)series_shapes[s % 5];
        double g = layout_grey(lk[s].color);
        int h = 0, fresh = -1;
        for (; h < NHATCH; h++) {
            bool clash = false, used = false;
            for (int t = 0; t < s && !clash; t++) {
                used |= lk[t].hatch == h;
                clash = lk[t].hatch == h && fabs(layout_grey(lk[t].color) - g) < RP_CHART_GREY_APART;
            }
            if (!clash && (h == 0 || !used)) {
                fresh = h;
                break;
            }
            if (!clash && fresh < 0)
                fresh = h;          /* shared with a series of another grey: if none is unused */
        }
        lk[s].hatch = (int8_t)(fresh >= 0 ? fresh : s % NHATCH);
    }
    /* the dashes: first what the report asks for ("Budget" dashed gets
     * the plain dash), then solid for the lead series, dashes for plans,
     * then the rest in turn */
    int lead = pie ? -1 : lead_series(ch);
    for (int s = 0; s < n; s++)
        lk[s].dash = -1;
    for (int s = 0; s < n && !pie; s++)
        if (s < ch->nseries && ch->series[s].line != LINE_AUTO) {
            lk[s].dash = pick_dash(taken, ch->series[s].line, s);
            taken[lk[s].dash] = true;
        }
    if (lead >= 0 && lead < n) {
        lk[lead].dash = pick_dash(taken, LINE_AUTO, lead);
        taken[lk[lead].dash] = true;
    }
    for (int s = 0; s < n && !pie; s++)      /* a budget or forecast left to rapport: dashed */
        if (lk[s].dash < 0 && s < ch->nseries && series_planned(&ch->series[s])) {
            lk[s].dash = pick_dash(taken, LINE_DASHED, s);
            taken[lk[s].dash] = true;
        }
    for (int s = 0; s < n; s++)
        if (lk[s].dash < 0) {
            lk[s].dash = pick_dash(taken, LINE_AUTO, s);
            taken[lk[s].dash] = true;
        }
    return lk;
}

/* The part t0..t1 of the line p + t d inside the convex polygon q (n
 * corners, either way round): false if it misses it (Cyrus-Beck). */
static bool clip_convex(const double *q, int n, double px, double py, double dx, double dy,
                        double *t0, double *t1)
{
    double cx = 0, cy = 0;
    for (int i = 0; i < n; i++) {
        cx += q[2 * i] / n;
        cy += q[2 * i + 1] / n;
    }
    *t0 = -1e12;
    *t1 = 1e12;
    for (int i = 0; i < n; i++) {
        const double *a = &q[2 * i], *b = &q[2 * ((i + 1) % n)];
        double nx = -(b[1] - a[1]), ny = b[0] - a[0];
        if (nx * (cx - a[0]) + ny * (cy - a[1]) < 0) {
            nx = -nx;
            ny = -ny;
        }
        double num = nx * (px - a[0]) + ny * (py - a[1]), den = nx * dx + ny * dy;
        if (fabs(den) < 1e-12) {
            if (num < 0)
                return false;
            continue;
        }
        double t = -num / den;
        if (den > 0)
            *t0 = fmax(*t0, t);
        else
            *t1 = fmin(*t1, t);
    }
    return *t1 > *t0;
}

static void push_segment(M *m, OpVec *ops, double x0, double y0, double x1, double y1, uint32_t color,
                         int32_t lw)
{
    int32_t *pts = ARENA_ARRAY(&m->rp->arena, int32_t, 4);
    pts[0] = (int32_t)lround(x0);
    pts[1] = (int32_t)lround(y0);
    pts[2] = (int32_t)lround(x1);
    pts[3] = (int32_t)lround(y1);
    Op o = { .kind = OP_PATH, .pts = pts, .npts = 2, .w = lw, .color = color, .anchor = -1 };
    VEC_PUSH(&m->rp->arena, *ops, o);
}

/* Hatching `h` over the convex polygon q (n corners, millipoints),
 * leaving out what lies within `hole` of (hx, hy) (a donut's middle).
 * The lines are white on a dark colour, dark on a light one, and stand
 * on a grid fixed to the chart, so the bars of a series line up. Nothing
 * on a part narrower than the lines' gap: no pattern would show. */
static void hatch_convex(M *m, OpVec *ops, const double *q, int n, int hatch, uint32_t color,
                         double hx, double hy, double hole)
{
    const Hatch *h = &hatches[hatch];
    if (!h->nangles)
        return;
    uint32_t ink = layout_grey(color) < 0.5 ? 0xFFFFFF : 0x1A1A1A;
    int32_t lw = h->gap / 3;            /* a third of the colour covered: a grey of its own */
    double xmin = 1e18, xmax = -1e18, ymin = 1e18, ymax = -1e18;
    for (int i = 0; i < n; i++) {
        xmin = fmin(xmin, q[2 * i]); xmax = fmax(xmax, q[2 * i]);
        ymin = fmin(ymin, q[2 * i + 1]); ymax = fmax(ymax, q[2 * i + 1]);
    }
    if (xmax - xmin < h->gap || ymax - ymin < h->gap)
        return;
    for (int a = 0; a < h->nangles; a++) {
        double th = h->angle[a] * M_PI / 180, dx = cos(th), dy = -sin(th), nx = -dy, ny = dx;
        double cmin = 1e18, cmax = -1e18;
        for (int i = 0; i < n; i++) {
            double c = nx * q[2 * i] + ny * q[2 * i + 1];
            cmin = fmin(cmin, c);
            cmax = fmax(cmax, c);
        }
        for (double c = ceil(cmin / h->gap) * h->gap; c <= cmax; c += h->gap) {
            double px = nx * c, py = ny * c, t0, t1;
            if (!clip_convex(q, n, px, py, dx, dy, &t0, &t1))
                continue;
            if (hole > 0) {
                /* the line's part inside the hole: t where |p + t d - c| = hole */
                double ox = px - hx, oy = py - hy, b = ox * dx + oy * dy;
                double disc = b * b - (ox * ox + oy * oy - hole * hole);
                if (disc > 0) {
                    double u0 = -b - sqrt(disc), u1 = -b + sqrt(disc);
                    if (u0 > t0)
                        push_segment(m, ops, px + t0 * dx, py + t0 * dy, px + fmin(u0, t1) * dx,
                                     py + fmin(u0, t1) * dy, ink, lw);
                    if (u1 < t1)
                        push_segment(m, ops, px + fmax(u1, t0) * dx, py + fmax(u1, t0) * dy,
                                     px + t1 * dx, py + t1 * dy, ink, lw);
                    continue;
                }
            }
            push_segment(m, ops, px + t0 * dx, py + t0 * dy, px + t1 * dx, py + t1 * dy, ink, lw);
        }
    }
}

/* A bar (or a legend's swatch) in look lk: its colour, its hatching. */
static void look_rect(M *m, OpVec *ops, const Look *lk, int32_t x, int32_t y, int32_t w, int32_t h)
{
    op_push_rect(m, ops, x, y, w, h, lk->color);
    double q[8] = { x, y, (double)x + w, y, (double)x + w, (double)y + h, x, (double)y + h };
    hatch_convex(m, ops, q, 4, lk->hatch, lk->color, 0, 0, 0);
}

/* The decimals of a pie's shares: one where a share under 10 % needs it
 * ("2,4 %"), then for every share of the pie, so the labels beside each
 * other read alike ("8,3 %" and "31,2 %", not "31 %"); else none. */
static int share_decimals(const Series *se, int ncat, double sum)
{
    for (int k = 0; sum > 0 && k < ncat; k++) {
        double pc = se->values[k] / sum * 100;
        if (se->present[k] && se->values[k] > 0 && pc < 10 && pc != round(pc))
            return 1;
    }
    return 0;
}

/* A share in Swedish style with `dec` decimals: "32 %", "2,4 %". */
static const char *share_text(M *m, double share, int dec)
{
    char buf[64];
    numfmt_double(share * 100, dec, buf, sizeof buf);
    return arena_printf(&m->rp->arena, "%s\xC2\xA0%%", buf);
}

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
    bool pie = ch->type == CHART_PIE || ch->type == CHART_DONUT;
    Node *t = model_new_table(a, 1 + ch->nseries + pie, n);
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
    Node *caption = model_new(a, N_CAPTION, t, n);
    text_word_node(m, caption, "chart-data", "Diagrammets värden", n);
    const char *what = ch->axis_unit && *ch->axis_unit ? ch->axis_unit : ch->axis_title;
    if (what && *what)
        model_new_text(a, caption, arena_printf(a, " (%s)", what), n);

    Node *head = model_new_row(a, t, ROW_HEADER, n);
    model_new_cell(a, head, 0, NULL, n);          /* over the categories: nothing to say */
    for (int s = 0; s < ch->nseries; s++)
        model_new_cell(a, head, 1 + s, words(ch->series[s].name), n);
    /* a pie's slices also as the shares it shows */
    double sum = 0;
    for (int k = 0; pie && k < ch->ncat; k++)
        if (ch->series[0].present[k])
            sum += ch->series[0].values[k];
    if (pie)
        text_word_node(m, model_new_cell(a, head, 1 + ch->nseries, NULL, n), "chart-share", "Andel", n);
    int *dec = ARENA_ARRAY(a, int, ch->nseries + 1);
    for (int s = 0; s < ch->nseries; s++)
        dec[s] = series_decimals(&ch->series[s], ch->ncat);
    int sdec = pie ? share_decimals(&ch->series[0], ch->ncat, sum) : 0;
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
        if (pie)
            model_new_cell(a, row, 1 + ch->nseries,
                           ch->series[0].present[k] && sum > 0 ? share_text(m, ch->series[0].values[k] / sum, sdec)
                                                               : "\xE2\x80\x93", n);
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
    bool         horizontal, stacked, pie;
    const Look  *looks;            /* a series' (a pie: a slice's) */
    const char *const *names;      /* what the legend names: series or slices */
    int          nnames;
    int32_t      indent, width, height;
    int32_t      left;             /* room left of the plot: value or category labels */
    int32_t      label_w, cat_w;   /* the widest value label, category label */
    Wrapped     *labels;           /* each category's label, on its lines */
    int          legend_rows, label_lines;
    int          stagger;          /* >1: labels in turn on this many rows, one line each */
    int          every;            /* only each every-th label shown */
    const Node  *node;             /* the <chart>, for warnings */
    int32_t      vfs;              /* value labels' size; 0: none */
    struct BarValue *values;       /* the labels value_room found */
    int          nvalues;
    int32_t      cat_gap;          /* room between a vertical plot and its labels (values under zero) */
    bool         direct;           /* lines named at their ends (the layout's direct-labels) */
    int32_t      direct_w;         /* the room for those names, right of the plot */
    Wrapped     *direct_names;
    int         *dec;              /* the decimals of each series' values */
    int32_t      legend_h, legend_x;   /* the legend's height, where its rows start */
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

/* How many of the chart's values (a stack's ends, in a stacked bar
 * chart) lie beyond `edge`: above it (side 1) or below it (0). */
static int beyond(const Chart *ch, int side, double edge)
{
    int n = 0;
    for (int k = 0; k < ch->ncat; k++) {
        double pos = 0, neg = 0;
        for (int s = 0; s < ch->nseries; s++) {
            if (!ch->series[s].present[k])
                continue;
            double v = ch->series[s].values[k];
            if (ch->type == CHART_STACKED_BAR)
                *(v >= 0 ? &pos : &neg) += v;
            else
                n += side ? v > edge : v < edge;
        }
        if (ch->type == CHART_STACKED_BAR)      /* a stack's ends, as data_range has them */
            n += side ? (pos > 0 ? pos : neg) > edge : (neg < 0 ? neg : pos) < edge;
    }
    return n;
}

/* How many decimals v needs (at most six): 124,3, not 124,30. */
static int decimals_of(double v)
{
    int d = 0;
    while (d < 6 && fabs(v * pow(10, d) - round(v * pow(10, d))) > 1e-9 * fmax(1, fabs(v)))
        d++;
    return d;
}

static void short_number(double v, char *buf, size_t cap)
{
    numfmt_double(v, decimals_of(v), buf, cap);
}

/* v as <axis> takes it (a point, no spaces), rounded outward (up for a
 * max, down for a min) at its decimals: what the hint says to write. */
static void axis_number(double v, bool up, char *buf, size_t cap)
{
    int d = decimals_of(v);
    double k = pow(10, d), w = up ? ceil(v * k - 1e-9) / k : floor(v * k + 1e-9) / k;
    snprintf(buf, cap, "%.*f", d, w);
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
        diag_warn(&m->rp->diags, model_source(n, m->rep), n->line, n->col,
                  _("the axis' max is not above its min; max is left out"));
        diag_hint(&m->rp->diags, _("give <axis> a max larger than its min, or leave one out"));
        hi = fmax(dhi, lo);
    }
    if (any && ch->type != CHART_LINE && ch->has_min && lo > 0) {
        char b[64];
        numfmt_double(lo, lo == round(lo) ? 0 : 2, b, sizeof b);
        diag_warn(&m->rp->diags, model_source(n, m->rep), n->line, n->col,
                  _("the bars stand on zero, below the axis' minimum %s: they are cut off at it"), b);
        diag_hint(&m->rp->diags, _("leave out min so the bars start at zero, or show the values as a line chart"));
    }
    for (int side = 0; any && side < 2; side++) {
        bool out = side ? ch->has_max && dhi > hi : ch->has_min && dlo < lo;
        if (!out)
            continue;
        double v = side ? dhi : dlo, edge = side ? hi : lo;
        char a[64], b[64];
        short_number(v, a, sizeof a);
        short_number(edge, b, sizeof b);
        int count = beyond(ch, side, edge);
        /* drawn at the edge, the line runs flat where the figures go on
         * rising: a picture that says less than they do (a new user) */
        if (side)
            diag_warn(&m->rp->diags, model_source(n, m->rep), n->line, n->col,
                      P_("%d value lies above the axis' max %s (the highest, %s): it is drawn at the edge, lower than "
                         "it is", "%d values lie above the axis' max %s (the highest, %s): they are drawn at the edge, "
                         "lower than they are", count), count, b, a);
        else
            diag_warn(&m->rp->diags, model_source(n, m->rep), n->line, n->col,
                      P_("%d value lies below the axis' min %s (the lowest, %s): it is drawn at the edge, higher "
                         "than it is", "%d values lie below the axis' min %s (the lowest, %s): they are drawn at the "
                         "edge, higher than they are", count), count, b, a);
        char w[64];
        axis_number(v, side, w, sizeof w);
        diag_hint(&m->rp->diags, side ? _("write max=\"%s\" or more, or leave max out") :
                                        _("write min=\"%s\" or less, or leave min out"), w);
    }
    if (hi <= lo)
        hi = lo + 1;
    /* room above the highest value and below the lowest one, where the
     * report leaves the ends to rapport: a bar of 2 500 on an axis that
     * ends at 2 500 looks cut off at the frame (the ends are then rounded
     * out to whole steps, axis_ticks) */
    double room = (hi - lo) * 0.05;
    if (any && !ch->has_max && hi > 0)
        hi += room;
    if (any && !ch->has_min && lo < 0)
        lo -= room;
    else if (any && !ch->has_min && lo > 0)
        lo = fmax(0, lo - room);
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

/* ---- the frame ------------------------------------------------------------ */

/* The legend: one rule for every kind of chart. It names the series (a
 * pie's slices) when there is more than one, unless the lines are named
 * at their ends, or when the report asks (legend="yes"); never when it
 * says legend="no". */
static bool legend_shown(const Frame *f)
{
    return f->ch->legend == 1 || (f->ch->legend < 0 && f->nnames > 1 && !f->direct);
}

/* A legend entry's swatch: a line with its marker, or a patch of the
 * bar's (slice's) colour and hatching. A line's is four ems long: at
 * three, the marker in its middle hid the one gap a long dash had on
 * either side, and "2024" long-dashed looked solid (a new user). */
static int32_t swatch_w(const Frame *f)
{
    return f->ch->type == CHART_LINE ? f->fs * 4 : f->fs * 5 / 4;
}

/* How wide legend entry i is, up to the next one's swatch. */
static int32_t entry_w(const Frame *f, int i)
{
    const char *name = f->names[i] ? f->names[i] : "";
    return swatch_w(f) + f->fs / 2 + font_text_width(f->font, name, strlen(name), f->fs) + f->fs * 3 / 2;
}

/* How many rows the legend takes: it names every series, in as many
 * rows as it takes, so a colour is never left without its name. */
static int legend_rows(const Frame *f)
{
    if (!legend_shown(f))
        return 0;
    int32_t lx = 0, room = f->indent + f->width - f->legend_x;
    int rows = 1;
    for (int i = 0; i < f->nnames; i++) {
        int32_t ew = entry_w(f, i);
        if (lx > 0 && lx + ew - f->fs * 3 / 2 > room) {
            rows++;
            lx = 0;
        }
        lx += ew;
    }
    return rows;
}

/* The category labels under a vertical chart: on one line each if they
 * all fit their slots; else wrapped, each on as many lines as it needs
 * (up to LABEL_LINES - 1; the chart grows by the lines); else, when a
 * word is wider than its slot (dozens of categories), each on one line,
 * in turn on two or three rows so each has the room of as many slots;
 * only where even that is too little (hundreds of categories), every
 * second (third ...) label alone. */
static void labels_under(M *m, Frame *f, int32_t slot)
{
    const Chart *ch = f->ch;
    f->label_lines = 1;
    f->every = 1;
    bool one = f->cat_w <= slot, wrapped = true;
    for (int k = 0; k < ch->ncat; k++) {
        wrap_label(m, f->font, ch->cats[k], f->fs, one ? INT32_MAX / 2 : slot, one ? 1 : LABEL_LINES - 1,
                   &f->labels[k]);
        if (f->labels[k].cut)
            wrapped = false;
    }
    if (one || wrapped) {
        for (int k = 0; k < ch->ncat; k++)
            if (f->labels[k].n > f->label_lines)
                f->label_lines = f->labels[k].n;
        return;
    }
    for (int k = 0; k < ch->ncat; k++)
        wrap_label(m, f->font, ch->cats[k], f->fs, INT32_MAX / 2, 1, &f->labels[k]);
    int nc = ch->ncat > 0 ? ch->ncat : 1;
    for (int rows = 2; rows < LABEL_LINES; rows++)
        if (f->cat_w + f->fs / 2 <= (slot + f->fs / 2) * rows) {
            f->stagger = rows;          /* each label on one line, in turn on rows rows */
            f->label_lines = rows;
            return;
        }
    while (f->every < nc && f->cat_w + f->fs > (slot + f->fs / 2) * f->every)
        f->every++;
}

/* The category labels beside horizontal bars: the room left of the
 * plot is their widest label's, up to two fifths of the width; a label
 * wider than that is wrapped, and where the bars' slots are too low for
 * its lines the chart grows (up to three quarters of a page). Only a
 * label that still does not fit is shortened. */
static void labels_beside(M *m, Frame *f, int32_t bottom)
{
    const Chart *ch = f->ch;
    int nc = ch->ncat > 0 ? ch->ncat : 1;
    int32_t room = f->left - f->fs / 2;     /* the labels end fs / 2 before the plot */
    int most = 1;
    for (int k = 0; k < ch->ncat; k++) {
        wrap_label(m, f->font, ch->cats[k], f->fs, room, LABEL_LINES, &f->labels[k]);
        if (f->labels[k].n > most)
            most = f->labels[k].n;
    }
    int32_t top = f->py0;
    int32_t need = nc * (most * f->lh + f->fs / 2);
    int32_t ph = f->height - bottom - top;
    if (ph < need) {
        int32_t cap = m->text_h * 3 / 4 > f->height ? m->text_h * 3 / 4 : f->height;
        f->height = top + need + bottom <= cap ? top + need + bottom : cap;
        ph = f->height - bottom - top;
        int fit_lines = (ph / nc - f->fs / 2) / f->lh;
        if (fit_lines < most)
            for (int k = 0; k < ch->ncat; k++)
                if (f->labels[k].n > (fit_lines > 1 ? fit_lines : 1))
                    wrap_label(m, f->font, ch->cats[k], f->fs, room, fit_lines > 1 ? fit_lines : 1,
                               &f->labels[k]);
    }
}

/* A value label: the value of series s's bar of category k (a stack's
 * total, s 0), as printed. */
typedef struct BarValue {
    const char *text;
    double      v;
    int         s, k;
} BarValue;

/* The value a bar (a stack: its total) of category k is labelled with,
 * in *text; false if there is none (a gap). */
static bool bar_value(M *m, const Frame *f, int s, int k, const char **text, double *v)
{
    const Chart *ch = f->ch;
    char buf[64];
    int dec = 0;
    bool any = false;
    *v = 0;
    for (int q = f->stacked ? 0 : s; q < (f->stacked ? ch->nseries : s + 1); q++)
        if (ch->series[q].present[k]) {
            *v += ch->series[q].values[k];
            dec = f->dec[q] > dec ? f->dec[q] : dec;
            any = true;
        }
    if (!any || numfmt_double(*v, dec, buf, sizeof buf) <= 0)
        return false;
    *text = arena_strdup(&m->rp->arena, buf);
    return true;
}

/* Every bar's (stack's) value label, in f->values. */
static void bar_values(M *m, Frame *f)
{
    const Chart *ch = f->ch;
    int ns = f->stacked ? 1 : ch->nseries;
    f->values = ARENA_ARRAY(&m->rp->arena, BarValue, ns * ch->ncat > 0 ? ns * ch->ncat : 1);
    f->nvalues = 0;
    for (int s = 0; s < ns; s++)
        for (int k = 0; k < ch->ncat; k++) {
            BarValue *b = &f->values[f->nvalues];
            b->s = s;
            b->k = k;
            if (bar_value(m, f, s, k, &b->text, &b->v))
                f->nvalues++;
        }
}

/* Room for value labels (value-labels="yes"): a line above a vertical
 * chart's plot (and below it, with values under zero), the widest
 * label's width right of a horizontal one's (and left). They are set at
 * the chart's size, or three quarters of it where the bars are narrow;
 * bars narrower still get none, with a warning. */
static void value_room(M *m, Frame *f)
{
    const Chart *ch = f->ch;
    int32_t widest = 0, fs = f->fs;
    bool neg = false;
    bar_values(m, f);
    for (int i = 0; i < f->nvalues; i++) {
        const BarValue *b = &f->values[i];
        int32_t w = font_text_width(f->font, b->text, strlen(b->text), fs);
        widest = w > widest ? w : widest;
        neg |= b->v < 0;
    }
    int nc = ch->ncat > 0 ? ch->ncat : 1, ns = f->stacked || ch->nseries < 1 ? 1 : ch->nseries;
    if (!f->horizontal) {
        /* a third of the size apart at least, as a word space: the
         * bars of a group touch, and labels as wide as them did too
         * ("1 187,41 221,8") */
        int32_t bar = (f->pw / nc) * 80 / 100 / ns;
        f->vfs = widest + fs / 3 <= bar ? fs : (widest + fs / 3) * 3 / 4 <= bar ? fs * 3 / 4 : 0;
    } else {
        int32_t bar = (f->ph / nc) * 80 / 100 / ns;
        f->vfs = bar >= fs ? fs : bar >= fs * 3 / 4 ? fs * 3 / 4 : 0;
    }
    if (!f->vfs) {
        diag_warn(&m->rp->diags, model_source(f->node, m->rep), f->node->line, f->node->col,
                  _("the bars are too narrow for their values; the values are left out"));
        diag_hint(&m->rp->diags, _("make the chart wider (fewer categories or series), or show the values "
                  "as a table (<charts data-table=\"yes\"/> in the layout)"));
        return;
    }
    widest = (int32_t)((int64_t)widest * f->vfs / fs);
    if (!f->horizontal) {
        f->py0 += f->lh;
        if (neg) {
            f->py1 -= f->lh;
            f->cat_gap = f->lh;
        }
        f->ph = f->py1 - f->py0;
    } else {
        f->px1 -= widest + fs / 2;
        if (neg)
            f->px0 += widest + fs / 2;
        f->pw = f->px1 - f->px0;
    }
}

/* Room right of a line chart's plot for its series' names, each on up
 * to two lines: the widest name's, up to a quarter of the width. */
static void direct_room(M *m, Frame *f)
{
    const Chart *ch = f->ch;
    int32_t widest = 0;
    for (int s = 0; s < ch->nseries; s++) {
        const char *name = ch->series[s].name ? ch->series[s].name : "";
        int32_t w = font_text_width(f->font, name, strlen(name), f->fs);
        widest = w > widest ? w : widest;
    }
    f->direct_w = widest < f->width / 4 ? widest : f->width / 4;
    f->direct_names = ARENA_ARRAY(&m->rp->arena, Wrapped, ch->nseries > 0 ? ch->nseries : 1);
    for (int s = 0; s < ch->nseries; s++)
        wrap_label(m, f->font, ch->series[s].name ? ch->series[s].name : "", f->fs, f->direct_w, 2,
                   &f->direct_names[s]);
    f->px1 -= f->direct_w + f->fs / 2;
}

/* The chart's geometry: room for the axis title above (under a bar
 * chart's scale), value or category labels left, category labels and
 * the legend below. */
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
    f->labels = ARENA_ARRAY(&m->rp->arena, Wrapped, ch->ncat > 0 ? ch->ncat : 1);
    /* the axis title over a column chart's value axis, under a bar
     * chart's (its values run along the bottom) */
    bool under = axis_captioned(ch) && f->horizontal;
    f->py0 = axis_captioned(ch) && !under ? lh + fs / 2 : fs / 2;
    f->left = f->horizontal ? f->cat_w + fs : f->label_w + fs * 8 / 10;
    int32_t most = f->horizontal ? f->width * 2 / 5 : f->width / 3;
    if (f->left > most) f->left = most;
    f->px0 = f->indent + f->left;
    f->px1 = f->indent + f->width - fs;
    if (f->direct)
        direct_room(m, f);
    f->pw = f->px1 - f->px0;
    f->legend_x = f->px0;
    f->legend_rows = legend_rows(f);
    f->legend_h = f->legend_rows ? f->legend_rows * lh + fs : 0;
    f->height += f->legend_rows > 1 ? (f->legend_rows - 1) * lh : 0;
    int nc = ch->ncat > 0 ? ch->ncat : 1;
    f->label_lines = 1;
    f->every = 1;
    if (!f->horizontal) {
        labels_under(m, f, f->pw / nc - fs / 2);
        f->height += (f->label_lines - 1) * lh;
    }
    int32_t bottom = lh * (f->label_lines + under) + fs / 2 + f->legend_h;
    f->height += under ? lh : 0;
    if (f->horizontal)
        labels_beside(m, f, bottom);
    f->py1 = f->height - bottom;
    if (f->py1 - f->py0 < fs * 4)
        f->py1 = f->py0 + fs * 4;
    f->ph = f->py1 - f->py0;
    if (f->ch->value_labels && f->ch->type != CHART_LINE)
        value_room(m, f);
}

/* ---- the drawing ---------------------------------------------------------- */

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
            if (t > 0 || zero || !f->cat_gap)  /* not through values hanging below the plot */
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

/* The category labels, on the lines chart_frame set them on: centred
 * under a vertical chart's slots, right-aligned beside a horizontal
 * one's bars, centred on the bar's slot. */
static void draw_categories(M *m, const Frame *f, OpVec *ops)
{
    const Chart *ch = f->ch;
    int32_t fs = f->fs, lh = f->lh;
    int nc = ch->ncat > 0 ? ch->ncat : 1;
    int32_t slot = (f->horizontal ? f->ph : f->pw) / nc;
    for (int k = 0; k < ch->ncat; k++) {
        if (k % f->every)
            continue;
        const Wrapped *w = &f->labels[k];
        int32_t c = (f->horizontal ? f->py0 : f->px0) + slot * k + slot / 2;
        int row = f->stagger > 1 ? k % f->stagger : 0;
        for (int i = 0; i < w->n; i++) {
            if (!f->horizontal)
                text_op(m, ops, w->line[i], f->face, fs, f->color, c, f->py1 + f->cat_gap + lh * (row + i + 1), 1);
            else
                text_op(m, ops, w->line[i], f->face, fs, f->color, f->px0 - fs / 2,
                        c + fs / 3 - (w->n - 1) * lh / 2 + i * lh, 2);
        }
    }
}

/* A series' line through npts points, in its dash pattern. */
static void series_line(M *m, OpVec *ops, const Look *lk, const int32_t *pts, int npts)
{
    Op o = { .kind = OP_PATH, .pts = pts, .npts = npts, .w = 1600, .color = lk->color, .anchor = -1 };
    o.dash = lk->dash;
    VEC_PUSH(&m->rp->arena, *ops, o);
}

/* A series' marker centred on x, y. */
static void series_marker(M *m, OpVec *ops, const Look *lk, int32_t fs, int32_t x, int32_t y)
{
    Op mk = { .kind = OP_MARKER, .shape = lk->shape, .color = lk->color, .anchor = -1, .in_chart = true };
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
    const Look *lk = &f->looks[s];
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
            series_line(m, ops, lk, pts, cnt);
        if (ch->ncat <= 24 || cnt == 1)
            for (int q = 0; q < cnt; q++)
                series_marker(m, ops, lk, f->fs, pts[2 * q], pts[2 * q + 1]);
    }
}

/* Series s as bars: side by side in each category's slot, or stacked
 * on the series before it (positive on positive, negative on
 * negative), each in the series' colour and hatching. */
static void draw_bar_series(M *m, const Frame *f, const Axis *ax, int s, OpVec *ops)
{
    const Chart *ch = f->ch;
    const Series *se = &ch->series[s];
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
            look_rect(m, ops, &f->looks[s], f->px0 + off, f->py1 - p1, bw - gap, len);
        else
            look_rect(m, ops, &f->looks[s], f->px0 + p0, f->py0 + off, len, bw - gap);
    }
}

/* A label set beside a drawing, pushed up or down to clear the others
 * of its side: a pie's share, a line's name at its end. */
typedef struct SideLabel {
    const char *text;
    const Wrapped *name;    /* a line's name, on its lines; NULL: text, one line */
    double      a;          /* the middle of its slice */
    double      x, y;       /* where its leader ends, or its text begins: the arc's point a little out */
    int32_t     want, base; /* the baseline it wants, the one it gets */
    bool        right, thin;
} SideLabel;

static int lines(const SideLabel *l)
{
    return l->name ? l->name->n : 1;
}

/* The labels of one side, sorted by the baseline they want, given
 * baselines a line's height apart, as near theirs as that allows,
 * within [top, bottom]. */
static void spread(SideLabel **l, int n, int32_t lh, int32_t top, int32_t bottom)
{
    for (int i = 1; i < n; i++)         /* insertion sort: a pie has few slices */
        for (int j = i; j > 0 && l[j]->want < l[j - 1]->want; j--) {
            SideLabel *t = l[j];
            l[j] = l[j - 1];
            l[j - 1] = t;
        }
    for (int i = 0; i < n; i++) {
        l[i]->base = l[i]->want < top ? top : l[i]->want;
        if (i && l[i]->base < l[i - 1]->base + lines(l[i - 1]) * lh)
            l[i]->base = l[i - 1]->base + lines(l[i - 1]) * lh;
    }
    for (int i = n - 1; i >= 0; i--) {
        if (l[i]->base + (lines(l[i]) - 1) * lh > bottom)
            l[i]->base = bottom - (lines(l[i]) - 1) * lh;
        if (i < n - 1 && l[i]->base > l[i + 1]->base - lines(l[i]) * lh)
            l[i]->base = l[i + 1]->base - lines(l[i]) * lh;
    }
}

/* Each line's name right of the plot, level with its last point (names
 * that would touch pushed apart), a thin dotted line in the series'
 * colour leading to it from that point. */
static void draw_direct_labels(M *m, const Frame *f, const Axis *ax, OpVec *ops)
{
    const Chart *ch = f->ch;
    int32_t fs = f->fs, lh = f->lh, slot = f->pw / (ch->ncat > 0 ? ch->ncat : 1);
    SideLabel *lab = ARENA_ARRAY(&m->rp->arena, SideLabel, ch->nseries > 0 ? ch->nseries : 1);
    SideLabel **order = ARENA_ARRAY(&m->rp->arena, SideLabel *, ch->nseries > 0 ? ch->nseries : 1);
    int *series = ARENA_ARRAY(&m->rp->arena, int, ch->nseries > 0 ? ch->nseries : 1);
    int n = 0;
    for (int s = 0; s < ch->nseries; s++) {
        const Series *se = &ch->series[s];
        int k = ch->ncat - 1;
        while (k >= 0 && !se->present[k])
            k--;
        if (k < 0 || !f->direct_names[s].n)
            continue;
        SideLabel *l = &lab[n];
        l->name = &f->direct_names[s];
        l->x = f->px0 + slot * k + slot / 2;
        l->y = f->py1 - value_pos(f, ax, fmax(ax->vmin, fmin(ax->vmax, se->values[k])));
        l->want = (int32_t)lround(l->y) + fs / 3 - (l->name->n - 1) * lh / 2;
        series[n] = s;
        order[n] = l;
        n++;
    }
    spread(order, n, lh, f->py0 + fs / 3, f->height - f->legend_h - fs / 2);
    for (int i = 0; i < n; i++) {
        const SideLabel *l = &lab[i];
        int32_t *pts = ARENA_ARRAY(&m->rp->arena, int32_t, 6);
        int32_t mid = l->base - fs / 3 + (l->name->n - 1) * lh / 2;
        pts[0] = (int32_t)lround(l->x) + fs / 3; pts[1] = (int32_t)lround(l->y);
        pts[2] = f->px1 + fs / 6;                pts[3] = mid;
        pts[4] = f->px1 + fs / 3;                pts[5] = mid;
        Op o = { .kind = OP_PATH, .pts = pts, .npts = 3, .w = 600, .color = f->looks[series[i]].color,
                 .dash = 2, .anchor = -1 };     /* dotted: a pointer, not data */
        if (pts[0] < pts[2])
            VEC_PUSH(&m->rp->arena, *ops, o);
        for (int j = 0; j < l->name->n; j++)
            text_op(m, ops, l->name->line[j], f->face, fs, f->color, f->px1 + fs / 2, l->base + j * lh, 0);
    }
}

/* Each bar's value at its end, outside it (a stack's total at the end
 * of the side it falls on): above or below a vertical bar, right or
 * left of a horizontal one; with `grounds`, the white under each label
 * instead, drawn over the grid and under the bars. */
static void draw_value_labels(M *m, const Frame *f, const Axis *ax, OpVec *ops, bool grounds)
{
    const Chart *ch = f->ch;
    int ns = ch->nseries > 0 ? ch->nseries : 1;
    int32_t slot = (f->horizontal ? f->ph : f->pw) / (ch->ncat > 0 ? ch->ncat : 1);
    int32_t inner = slot * 80 / 100, bw = f->stacked ? inner : inner / ns, vfs = f->vfs;
    for (int i = 0; i < f->nvalues; i++) {
        const BarValue *b = &f->values[i];
        int s = b->s, k = b->k;
        double v = b->v, end = 0;           /* where the bar (stack) ends */
        if (f->stacked) {
            for (int q = 0; q < ch->nseries; q++)
                if (ch->series[q].present[k] && (ch->series[q].values[k] >= 0) == (v >= 0))
                    end += ch->series[q].values[k];
        } else {
            end = v;
        }
        int32_t at = value_pos(f, ax, fmax(ax->vmin, fmin(ax->vmax, end)));
        int32_t mid = slot * k + (slot - inner) / 2 + (f->stacked ? 0 : bw * s) + bw / 2;
        int32_t x = !f->horizontal ? f->px0 + mid : v >= 0 ? f->px0 + at + vfs / 3 : f->px0 + at - vfs / 3;
        int32_t y = !f->horizontal ? (v >= 0 ? f->py1 - at - vfs / 4 : f->py1 - at + vfs) : f->py0 + mid + vfs / 3;
        int align = !f->horizontal ? 1 : v >= 0 ? 0 : 2;
        /* on a ground of the page's white, a little wider than the label,
         * drawn before the bars (grounds): a grid line ran through
         * "1 168,5" (a typographer), and the bar beside a label stays whole */
        if (grounds) {
            int32_t w = font_text_width(m->flow->faces[f->face], b->text, strlen(b->text), vfs), pad = vfs / 6;
            int32_t x0 = align == 0 ? x : align == 1 ? x - w / 2 : x - w;
            op_push_rect(m, ops, x0 - pad, y - vfs * 3 / 4, w + 2 * pad, vfs, 0xFFFFFF);
        } else {
            text_op(m, ops, b->text, f->face, vfs, f->color, x, y, align);
        }
    }
}

/* The legend: for each series (slice) its line and marker or its
 * swatch, then its name, in rows as legend_rows() counted them. */
static void draw_legend(M *m, const Frame *f, OpVec *ops)
{
    int32_t fs = f->fs, lh = f->lh, sw = swatch_w(f);
    int32_t lx = f->legend_x, ly = f->height - fs / 2 - (f->legend_rows - 1) * lh;
    for (int i = 0; i < f->nnames; i++) {
        const Look *lk = &f->looks[i];
        const char *name = f->names[i] ? f->names[i] : "";
        int32_t ew = entry_w(f, i);
        if (lx > f->legend_x && lx + ew - fs * 3 / 2 > f->indent + f->width) {
            lx = f->legend_x;               /* the next row, as counted */
            ly += lh;
        }
        if (f->ch->type == CHART_LINE) {
            int32_t *pts = ARENA_ARRAY(&m->rp->arena, int32_t, 4);
            pts[0] = lx; pts[1] = ly - fs / 3; pts[2] = lx + sw; pts[3] = ly - fs / 3;
            series_line(m, ops, lk, pts, 2);
            series_marker(m, ops, lk, fs, lx + sw / 2, ly - fs / 3);
        } else {
            look_rect(m, ops, lk, lx, ly - fs * 8 / 10, sw, fs * 9 / 10);
        }
        text_op(m, ops, name, f->face, fs, f->color, lx + sw + fs / 2, ly, 0);
        lx += ew;
    }
}

/* ---- pies and donuts -------------------------------------------------------
 *
 * The slices run clockwise from twelve o'clock in the order of the
 * categories, each in its look (colour and, where two print alike in
 * grey, a hatching), parted by thin white lines. Each slice's share in
 * percent stands outside the circle at the middle of its arc. Labels on
 * one side that would touch are pushed apart, up and down; a label
 * pushed from its slice, and any slice thinner than PIE_THIN, gets a
 * leader line from its arc. The legend names the slices. */

enum { PIE_STEP_DEG = 3 };             /* an arc is drawn as chords of at most this */
#define PIE_THIN 0.06                  /* a share below this: a leader line */

/* The point at angle a (radians clockwise from twelve) on the circle of
 * radius r around (cx, cy). */
static void on_circle(double cx, double cy, double r, double a, double *x, double *y)
{
    *x = cx + r * sin(a);
    *y = cy - r * cos(a);
}

/* The wedge from angle a0 to a1 (a1 - a0 at most pi, so it is convex)
 * as a polygon in q: the centre and the arc, in chords of at most
 * PIE_STEP_DEG (q holds 180 / PIE_STEP_DEG + 3 corners). Returns the
 * corners. */
static int wedge(double cx, double cy, double r, double a0, double a1, double *q)
{
    int steps = (int)ceil((a1 - a0) / (PIE_STEP_DEG * M_PI / 180));
    if (steps < 1)
        steps = 1;
    int n = 0;
    q[n++] = cx;
    q[n++] = cy;
    for (int i = 0; i <= steps; i++, n += 2)
        on_circle(cx, cy, r, a0 + (a1 - a0) * i / steps, &q[n], &q[n + 1]);
    return n / 2;
}

/* A filled (or, white, outlined) path of the n corners in q. */
static void push_polygon(M *m, OpVec *ops, const double *q, int n, uint32_t color, bool fill, int32_t lw)
{
    int32_t *pts = ARENA_ARRAY(&m->rp->arena, int32_t, 2 * (n + 1));
    for (int i = 0; i < 2 * n; i++)
        pts[i] = (int32_t)lround(q[i]);
    pts[2 * n] = pts[0];
    pts[2 * n + 1] = pts[1];
    Op o = { .kind = OP_PATH, .pts = pts, .npts = fill ? n : n + 1, .w = lw, .color = color, .fill = fill,
             .anchor = -1 };
    VEC_PUSH(&m->rp->arena, *ops, o);
}

/* One slice, from a0 to a1, in look lk; hole: a donut's inner radius. */
static void draw_slice(M *m, OpVec *ops, const Look *lk, double cx, double cy, double r, double hole,
                       double a0, double a1)
{
    double q[2 * (180 / PIE_STEP_DEG + 3)];     /* a half circle's wedge (wedge) */
    /* the fill: outer arc, then (a donut) the inner arc back */
    int steps = (int)ceil((a1 - a0) / (PIE_STEP_DEG * M_PI / 180));
    if (steps < 1)
        steps = 1;
    double *poly = ARENA_ARRAY(&m->rp->arena, double, 4 * (steps + 1) + 2);
    int n = 0;
    if (hole <= 0) {
        poly[2 * n] = cx;
        poly[2 * n + 1] = cy;
        n++;
    }
    for (int i = 0; i <= steps; i++, n++)
        on_circle(cx, cy, r, a0 + (a1 - a0) * i / steps, &poly[2 * n], &poly[2 * n + 1]);
    for (int i = steps; hole > 0 && i >= 0; i--, n++)
        on_circle(cx, cy, hole, a0 + (a1 - a0) * i / steps, &poly[2 * n], &poly[2 * n + 1]);
    push_polygon(m, ops, poly, n, lk->color, true, 0);
    /* the hatching, over convex halves */
    for (double b0 = a0; b0 < a1 - 1e-9; b0 += M_PI) {
        double b1 = fmin(a1, b0 + M_PI);
        int k = wedge(cx, cy, r, b0, b1, q);
        hatch_convex(m, ops, q, k, lk->hatch, lk->color, cx, cy, hole);
    }
    if (a1 - a0 < 2 * M_PI - 1e-6)
        push_polygon(m, ops, poly, n, 0xFFFFFF, false, 800);   /* parted from its neighbours */
}

/* Label l of a slice of the circle (cx, cy, r): just outside the arc
 * at the slice's middle (a thin slice's further out, for its leader),
 * its baseline set so the text clears the arc above and below. */
static void pie_label(SideLabel *l, double cx, double cy, double r, int32_t fs)
{
    on_circle(cx, cy, r + fs * (l->thin ? 1.6 : 0.7), l->a, &l->x, &l->y);
    l->right = sin(l->a) >= 0;
    double c = cos(l->a);
    l->want = (int32_t)lround(l->y + fs / 3.0 + (c > 0 ? -fs / 4.0 : fs / 3.0));
}

/* Label l's text, and its leader from the arc when the slice is thin or
 * the label was pushed from its place: out from the slice, then level
 * to the text. */
static void draw_pie_label(M *m, const Frame *f, const SideLabel *l, double cx, double cy, double r,
                           OpVec *ops)
{
    int32_t fs = f->fs, tx = (int32_t)lround(l->x) + (l->right ? fs / 4 : -fs / 4);
    bool moved = abs(l->base - l->want) > fs / 4;
    if (l->thin || moved) {
        double lx = cx + (l->right ? 1 : -1) * (r + fs * 2.2), ly = l->base - fs / 3.0, x0, y0;
        if (l->right ? lx < l->x : lx > l->x)
            lx = l->x;
        on_circle(cx, cy, r - fs * 0.3, l->a, &x0, &y0);
        int32_t *pts = ARENA_ARRAY(&m->rp->arena, int32_t, 6);
        pts[0] = (int32_t)lround(x0); pts[1] = (int32_t)lround(y0);
        pts[2] = (int32_t)lround(l->x); pts[3] = (int32_t)lround(moved ? ly : l->y);
        pts[4] = (int32_t)lround(lx); pts[5] = (int32_t)lround(ly);
        Op o = { .kind = OP_PATH, .pts = pts, .npts = 3, .w = 500, .color = 0x555555, .anchor = -1 };
        VEC_PUSH(&m->rp->arena, *ops, o);
        tx = (int32_t)lround(lx) + (l->right ? fs / 3 : -fs / 3);
    }
    text_op(m, ops, l->text, f->face, fs, f->color, tx, l->base, l->right ? 0 : 2);
}

/* A pie or donut: its slices, then their shares, spread on each side. */
static void draw_pie(M *m, const Frame *f, OpVec *ops)
{
    const Chart *ch = f->ch;
    const Series *se = &ch->series[0];
    int32_t fs = f->fs, lh = f->lh;
    double sum = 0;
    for (int k = 0; k < ch->ncat; k++)
        if (se->present[k] && se->values[k] > 0)
            sum += se->values[k];
    if (!(sum > 0))
        return;
    double r = (f->ph - 2 * lh) / 2.0;
    if (r > f->pw / 4.0)
        r = f->pw / 4.0;
    if (r < fs)
        r = fs;
    double cx = f->indent + f->width / 2.0, cy = f->py0 + f->ph / 2.0;
    double hole = ch->type == CHART_DONUT ? r * 0.55 : 0;
    SideLabel *lab = ARENA_ARRAY(&m->rp->arena, SideLabel, ch->ncat);
    SideLabel **side[2];
    side[0] = ARENA_ARRAY(&m->rp->arena, SideLabel *, ch->ncat);
    side[1] = ARENA_ARRAY(&m->rp->arena, SideLabel *, ch->ncat);
    int nside[2] = { 0, 0 }, nl = 0;
    double a = 0;
    int dec = share_decimals(se, ch->ncat, sum);
    for (int k = 0; k < ch->ncat; k++) {
        if (!se->present[k] || !(se->values[k] > 0))
            continue;
        double share = se->values[k] / sum, a1 = a + share * 2 * M_PI;
        draw_slice(m, ops, &f->looks[k], cx, cy, r, hole, a, a1);
        SideLabel *l = &lab[nl++];
        l->text = share_text(m, share, dec);
        l->a = (a + a1) / 2;
        l->thin = share < PIE_THIN;
        pie_label(l, cx, cy, r, fs);
        side[l->right][nside[l->right]++] = l;
        a = a1;
    }
    for (int s = 0; s < 2; s++)
        spread(side[s], nside[s], lh, f->py0 + fs, f->py1);
    for (int i = 0; i < nl; i++)
        draw_pie_label(m, f, &lab[i], cx, cy, r, ops);
}

/* A pie's geometry: the circle with its labels in the middle of the
 * box, the legend under it; a box too low for a circle of eight lines'
 * height grows to it. */
static void pie_frame(Frame *f)
{
    int32_t fs = f->fs, lh = f->lh;
    f->py0 = axis_captioned(f->ch) ? lh + fs / 2 : fs / 2;
    f->left = 0;
    f->px0 = f->indent;
    f->px1 = f->indent + f->width;
    f->pw = f->width;
    f->legend_x = f->px0;
    f->legend_rows = legend_rows(f);
    f->legend_h = f->legend_rows ? f->legend_rows * lh + fs : 0;
    f->height += f->legend_rows > 1 ? (f->legend_rows - 1) * lh : 0;
    if (f->height - f->legend_h - fs / 2 - f->py0 < fs * 8)
        f->height = f->py0 + fs * 8 + f->legend_h + fs / 2;     /* a circle a reader can see */
    f->py1 = f->height - f->legend_h - fs / 2;
    f->ph = f->py1 - f->py0;
}

/* The chart's drawing, inside the text column. */
static OpVec draw_chart(M *m, const Frame *f, const Axis *ax)
{
    const Chart *ch = f->ch;
    OpVec ops = { 0 };
    if (axis_captioned(ch)) {
        bool unit = ch->axis_unit && *ch->axis_unit;
        const char *cap = !ch->axis_title || !*ch->axis_title ? ch->axis_unit
                        : unit ? arena_printf(&m->rp->arena, "%s (%s)", ch->axis_title, ch->axis_unit)
                               : ch->axis_title;
        /* at the value axis: over a column chart's, at its left; under
         * a bar chart's scale, which runs along the bottom, at its right
         * end (at the chart's left stand the categories) */
        text_op(m, &ops, cap, f->face, f->fs, f->color, f->horizontal ? f->px1 : f->indent,
                f->horizontal ? f->py1 + 2 * f->lh : f->lh - f->fs / 3, f->horizontal ? 2 : 0);
    }
    if (f->pie) {
        if (ch->nseries > 0)
            draw_pie(m, f, &ops);
    } else {
        draw_value_axis(m, f, ax, &ops);
        draw_categories(m, f, &ops);
        if (f->vfs)
            draw_value_labels(m, f, ax, &ops, true);
        for (int s = 0; s < ch->nseries; s++) {
            if (ch->type == CHART_LINE)
                draw_line_series(m, f, ax, s, &ops);
            else
                draw_bar_series(m, f, ax, s, &ops);
        }
        if (f->vfs)
            draw_value_labels(m, f, ax, &ops, false);
        if (f->direct)
            draw_direct_labels(m, f, ax, &ops);
        if (!f->horizontal && !f->cat_gap)     /* the axis line; not through values hanging below */
            op_push_rule(m, &ops, f->px0, f->py1, f->pw, 700, 0x555555);
    }
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
    /* the caption beside the Figure, before it, not inside: a reader
     * that reads a figure's /Alt skips what is inside it (ISO 32000-1,
     * 14.9.3), and the caption is text of its own */
    for (const Node *c = n->first; c; c = c->next)
        if (c->kind == N_CAPTION)
            emit_caption(m, c, m->container, indent, width);
    int fig = se_new(m, SE_FIGURE, m->container);
    m->se.v[fig].alt = ch->alt;

    Frame f = { 0 };
    f.ch = ch;
    f.face = FACE(st->family, st->variant);
    f.font = m->flow->faces[f.face];
    f.fs = st->size;
    f.lh = f.fs * 13 / 10;
    f.color = st->color;
    f.horizontal = ch->type == CHART_HBAR;
    f.stacked = ch->type == CHART_STACKED_BAR;
    f.pie = ch->type == CHART_PIE || ch->type == CHART_DONUT;
    f.indent = indent;
    f.width = width;
    f.height = ch->height > 0 ? ch->height : L->chart_height;
    if (f.pie) {
        f.names = ch->cats;
        f.nnames = ch->ncat;
    } else {
        const char **names = ARENA_ARRAY(&m->rp->arena, const char *, ch->nseries > 0 ? ch->nseries : 1);
        for (int s = 0; s < ch->nseries; s++)
            names[s] = ch->series[s].name;
        f.names = names;
        f.nnames = ch->nseries;
    }
    f.looks = chart_looks(m, ch, f.nnames);
    f.node = n;
    f.direct = L->chart_direct_labels && ch->type == CHART_LINE && ch->nseries > 0;
    f.dec = ARENA_ARRAY(&m->rp->arena, int, ch->nseries + 1);
    for (int s = 0; s < ch->nseries; s++)
        f.dec[s] = series_decimals(&ch->series[s], ch->ncat);
    Axis ax = { 0 };
    if (f.pie) {
        pie_frame(&f);
    } else {
        double lo, hi;
        value_range(m, n, &lo, &hi);
        axis_ticks(ch, lo, hi, &ax);
        chart_frame(m, &ax, &f);
    }
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
