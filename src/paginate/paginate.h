/*
 * paginate.h - stage 3: the flow of boxes -> pages.
 *
 * Stacks the measured boxes onto pages of the layout's text area,
 * honouring the keep rules measure/ put on the boxes, repeating table
 * header rows on continued pages, and placing each footnote at the
 * bottom of the page where its mark stands. Adds the running header and
 * footer. Knows nothing of libharu: draw/ replays the result.
 */
#ifndef RP_PAGINATE_H
#define RP_PAGINATE_H

#include "../measure/flow.h"

typedef struct Placed {
    const Box *box;
    int32_t    x, y;       /* top-left of the box on the page, from the top edge */
    int        index;      /* index in the flow (-1: a footnote box) */
    bool       repeat;     /* a repeated table header row */
} Placed;

typedef struct Page {
    Placed  *items;
    int      n;
    Op      *deco;         /* header, footer, footnote rule: page coordinates */
    int      ndeco;
    int      number;       /* printed page number (1 = the cover) */
    bool     full;         /* the cover */
    bool     landscape;    /* turned: the paper's width and height swap */
} Page;

typedef struct Pages {
    const Flow *flow;
    Page       *v;
    int         n;
    int        *anchor_page;   /* per anchor: page index, or -1 */
    int32_t    *anchor_y;      /* per anchor: y of its top on that page */
} Pages;

/* Paginate `flow`. Never fails; a box taller than the page is placed
 * alone (with a warning). */
Pages *paginate_flow(Rp *rp, const Flow *flow);

/* Assert the invariants of pages made from pg->flow (paginate.c's design
 * notes): every box of the flow placed once, in order (all of them if
 * `whole`: pagination was not cut short at RP_MAX_PAGES), besides
 * repeated header rows; no footnote starting before its first mark;
 * every anchor on a page or none. paginate_flow calls it on what
 * it returns. */
void pages_check(const Pages *pg, bool whole);

#endif
