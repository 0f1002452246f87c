/*
 * device.c - the pages replayed into a device (draw stage). See device.h.
 */
#include "device.h"

#include <stdio.h>
#include <string.h>

const char *device_page_label(const Pages *pg, int anchor, char *buf, size_t cap)
{
    int pi = anchor >= 0 && anchor < pg->flow->nanchors ? pg->anchor_page[anchor] : -1;
    if (pi < 0)
        snprintf(buf, cap, "?");
    else
        snprintf(buf, cap, "%d", pg->v[pi].number);
    return buf;
}

/* The structure element an op's content belongs to. Decoration (rules,
 * fills, a marker beside its word, a repeated header) is an artifact. */
static int target_se(const Op *o, int box_se, bool repeat)
{
    if (repeat || o->se == SE_ARTIFACT)
        return SE_ARTIFACT;
    if (o->se > 0)
        return o->se;
    switch ((OpKind)o->kind) {
    case OP_RULE: case OP_RECT: case OP_PATH:
        return SE_ARTIFACT;
    case OP_MARKER:
        return o->s ? box_se : SE_ARTIFACT;
    default:
        return box_se;
    }
}

/* Rules and fills that are decoration: they go down before everything
 * else on the page. (Frames, markers and other drawings keep their
 * place.) */
static bool underlay(const Op *o, int box_se, bool repeat)
{
    return (o->kind == OP_RULE || (o->kind == OP_RECT && !o->stroke)) && target_se(o, box_se, repeat) == SE_ARTIFACT;
}

static void replay_op(const Pages *pg, Device *dev, const Op *o, int32_t ox, int32_t oy, int box_se, bool repeat)
{
    int32_t x = ox + o->x, y = oy + o->y;
    if (o->kind == OP_LINK) {
        const Flow *f = pg->flow;
        const char *what = o->uri;
        if (!what && o->anchor >= 0 && o->anchor < f->nanchors)
            what = f->anchors[o->anchor].title;
        dev->link(dev, o, x, y, repeat ? SE_ARTIFACT : o->se > 0 ? o->se : box_se, what);
        return;
    }
    bool texty = o->kind == OP_TEXT || o->kind == OP_PAGENUM;
    int se = target_se(o, box_se, repeat);
    dev->element(dev, se, o->kind == OP_MARKER && se != SE_ARTIFACT ? o->s : NULL, texty);
    switch ((OpKind)o->kind) {
    case OP_TEXT:
        dev->text(dev, o, x, y, o->s, o->len);
        break;
    case OP_PAGENUM: {
        char buf[32];
        const char *s = device_page_label(pg, o->anchor, buf, sizeof buf);
        int32_t w = font_text_width(pg->flow->faces[o->face], s, strlen(s), o->size);
        dev->text(dev, o, o->right ? x - w : x, y, s, (int)strlen(s));
        break;
    }
    case OP_RULE:   dev->rule(dev, o, x, y); break;
    case OP_RECT:   dev->rect(dev, o, x, y); break;
    case OP_MARKER: dev->marker(dev, o, x, y); break;
    case OP_PATH:   dev->path(dev, o, ox, oy); break;
    case OP_IMAGE:  dev->image(dev, o, x, y); break;
    case OP_LINK:   break;
    }
}

void device_replay(const Pages *pg, Device *dev)
{
    for (int i = 0; i < pg->n && !dev->stop; i++) {
        const Page *page = &pg->v[i];
        dev->page(dev, i, page);
        /* drawn decoration (rules, fills) first, then the rest: it lies
         * under the text anyway, and the page's content then comes in
         * unbroken runs (one marked-content sequence per element, not
         * one per piece between two rules). Text keeps its order, for
         * tools that read the content stream in order. */
        for (int pass = 0; pass < 2; pass++) {
            bool under = pass == 0;
            for (int k = 0; k < page->n; k++) {
                const Placed *pl = &page->items[k];
                bool any = false;
                for (int q = 0; q < pl->box->nops; q++) {
                    const Op *o = &pl->box->ops[q];
                    if (underlay(o, pl->box->se, pl->repeat) != under)
                        continue;
                    if (!any)
                        dev->box(dev, pl, under);
                    any = true;
                    replay_op(pg, dev, o, pl->x, pl->y, pl->box->se, pl->repeat);
                }
                if (!any && !under)
                    dev->box(dev, pl, false);      /* an empty box still stands there */
            }
            bool any = false;
            for (int q = 0; q < page->ndeco; q++) {
                const Op *o = &page->deco[q];
                if (underlay(o, 0, false) != under)
                    continue;
                if (!any)
                    dev->box(dev, NULL, under);
                any = true;
                replay_op(pg, dev, o, 0, 0, 0, false);
            }
        }
        dev->page_end(dev, i);
    }
}
