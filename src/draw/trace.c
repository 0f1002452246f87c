/*
 * trace.c - the trace device: every drawing call as a line of text (draw
 * stage). See device.h; `rapport --trace FILE` writes it, the tests keep
 * the samples' traces as golden page dumps.
 *
 * The lines, in points from the page's top left (one decimal):
 *   page N [(full)]                 a page and its printed number
 *   box I y=Y h=H [repeat] [head|row]
 *   note N y=Y h=H [start]          a placed box, a footnote's line
 *     text X Y STRING               a text run (its baseline's start)
 *     mark N X Y                    a footnote mark
 *     pagenum X Y -> P              a page number (of the page with index P-1)
 *     marker|point SHAPE #RGB X Y W a status marker, a chart's data point
 *     image X Y W H WxH
 *     rule X Y W H #RGB             a line (y its middle) or a fill
 *     rect X Y W H #RGB fill|stroke
 *     path N #RGB W [DASH] [fill] X0 Y0 .. XN YN  DASH: op_dash_name's
 *     link X Y W H -> page P | URI
 *     tag E TYPE | artifact         the structure element the next ops are in (H1, P, TD ...)
 *   deco X Y STRING w=W             a part of the running header or footer,
 *                                   W its width (the last field, always there)
 * Decoration drawn first on a page (rules and fills that are artifacts)
 * comes right after its page line, indented by two.
 */
#include "device.h"
#include "pdf.h"
#include "tags.h"

#include <stdio.h>

typedef struct Trace {
    Device       dev;
    const Pages *pg;
    FILE        *out;
    const char  *ind;         /* "    " inside a box, "  " else */
    bool         furniture;
    int          se;
    bool         se_known;
} Trace;

/* as float, as the trace always printed them (its readers compare lines) */
static float pt(int32_t mpt) { return (float)mpt / 1000.0f; }

static void t_page(Device *dev, int index, const Page *page)
{
    Trace *t = (Trace *)dev;
    (void)index;
    fprintf(t->out, "page %d%s\n", page->number, page->full ? " (full)" : "");
    t->ind = "  ";
    t->furniture = false;
    t->se_known = false;
}

static void t_page_end(Device *dev, int index) { (void)dev; (void)index; }

static void t_box(Device *dev, const Placed *pl, bool under)
{
    Trace *t = (Trace *)dev;
    t->furniture = pl == NULL;
    t->ind = pl && !under ? "    " : "  ";
    if (!pl || under)
        return;
    if (pl->box->note)
        fprintf(t->out, "  note %d y=%.1f h=%.1f%s\n", pl->box->note, pt(pl->y), pt(pl->box->h),
                pl->box->note_start ? " start" : "");
    else
        fprintf(t->out, "  box %d y=%.1f h=%.1f%s%s\n", pl->index, pt(pl->y), pt(pl->box->h),
                pl->repeat ? " repeat" : "",
                pl->box->flags & BOX_HEAD_ROW ? " head" : pl->box->flags & BOX_TABLE_ROW ? " row" : "");
}

static void t_element(Device *dev, int se, const char *actual, bool text)
{
    Trace *t = (Trace *)dev;
    (void)actual;
    (void)text;
    if (t->se_known && t->se == se)
        return;
    t->se = se;
    t->se_known = true;
    if (se == SE_ARTIFACT)
        fprintf(t->out, "%stag artifact\n", t->ind);
    else if (se >= 0 && se < t->pg->flow->nse)
        fprintf(t->out, "%stag %d %s\n", t->ind, se, tags_type_name(t->pg->flow->se[se].type));
    else
        fprintf(t->out, "%stag %d\n", t->ind, se);
}

static void t_text(Device *dev, const Op *o, int32_t x, int32_t y, const char *s, int len)
{
    Trace *t = (Trace *)dev;
    if (o->kind == OP_PAGENUM)
        fprintf(t->out, "%spagenum %.1f %.1f -> %d\n", t->ind, pt(x), pt(y),
                o->anchor >= 0 ? t->pg->anchor_page[o->anchor] + 1 : 0);
    else if (o->note)
        fprintf(t->out, "%smark %d %.1f %.1f\n", t->ind, o->note, pt(x), pt(y));
    else if (len > 0 && t->furniture)
        fprintf(t->out, "%sdeco %.1f %.1f %.*s w=%.1f\n", t->ind, pt(x), pt(y), len, s, pt(o->w));
    else if (len > 0)
        fprintf(t->out, "%stext %.1f %.1f %.*s\n", t->ind, pt(x), pt(y), len, s);
}

static void t_rule(Device *dev, const Op *o, int32_t x, int32_t y)
{
    Trace *t = (Trace *)dev;
    fprintf(t->out, "%srule %.1f %.1f %.1f %.1f #%06X\n", t->ind, pt(x), pt(y), pt(o->w), pt(o->h), (unsigned)o->color);
}

static void t_rect(Device *dev, const Op *o, int32_t x, int32_t y)
{
    Trace *t = (Trace *)dev;
    fprintf(t->out, "%srect %.1f %.1f %.1f %.1f #%06X %s\n", t->ind, pt(x), pt(y), pt(o->w), pt(o->h),
            (unsigned)o->color, o->stroke ? "stroke" : "fill");
}

static void t_marker(Device *dev, const Op *o, int32_t x, int32_t y)
{
    Trace *t = (Trace *)dev;
    fprintf(t->out, "%s%s %d #%06X %.1f %.1f %.1f\n", t->ind, o->in_chart ? "point" : "marker", o->shape,
            (unsigned)o->color, pt(x), pt(y), pt(o->w));
}

static void t_path(Device *dev, const Op *o, int32_t ox, int32_t oy)
{
    Trace *t = (Trace *)dev;
    fprintf(t->out, "%spath %d #%06X %.1f%s%s%s", t->ind, o->npts, (unsigned)o->color, pt(o->w),
            o->dash > 0 && o->dash < OP_DASHES ? " " : "", o->dash > 0 && o->dash < OP_DASHES ? op_dash_name[o->dash] : "",
            o->fill ? " fill" : "");
    for (int k = 0; k < o->npts; k++)
        fprintf(t->out, " %.1f %.1f", pt(ox + o->pts[2 * k]), pt(oy + o->pts[2 * k + 1]));
    fputc('\n', t->out);
}

static void t_image(Device *dev, const Op *o, int32_t x, int32_t y)
{
    Trace *t = (Trace *)dev;
    fprintf(t->out, "%simage %.1f %.1f %.1f %.1f %dx%d\n", t->ind, pt(x), pt(y), pt(o->w), pt(o->h),
            o->image->w, o->image->h);
}

static void t_link(Device *dev, const Op *o, int32_t x, int32_t y, int se, const char *what)
{
    Trace *t = (Trace *)dev;
    (void)se;
    (void)what;
    if (o->uri)
        fprintf(t->out, "%slink %.1f %.1f %.1f %.1f -> %s\n", t->ind, pt(x), pt(y), pt(o->w), pt(o->h), o->uri);
    else
        fprintf(t->out, "%slink %.1f %.1f %.1f %.1f -> page %d\n", t->ind, pt(x), pt(y), pt(o->w), pt(o->h),
                o->anchor >= 0 && o->anchor < t->pg->flow->nanchors ? t->pg->anchor_page[o->anchor] + 1 : 0);
}

int pdf_trace(const Pages *pg, FILE *out)
{
    Trace t = { .pg = pg, .out = out, .ind = "  " };
    t.dev = (Device){ .page = t_page, .page_end = t_page_end, .box = t_box, .element = t_element,
                      .text = t_text, .rule = t_rule, .rect = t_rect, .marker = t_marker, .path = t_path,
                      .image = t_image, .link = t_link };
    device_replay(pg, &t.dev);
    return ferror(out) ? -1 : 0;
}
