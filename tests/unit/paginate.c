/*
 * Unit tests: pagination (paginate/) on hand-made flows: boxes of known
 * heights on a page with a 300 pt text area, so where each page must
 * break can be worked out by hand.
 */
#include "test.h"
#include "paginate/paginate.h"

#include <string.h>

static Layout lay;
static Report rep;

static void setup(void)
{
    memset(&lay, 0, sizeof lay);
    lay.page_w = MPT(400);
    lay.page_h = MPT(400);
    lay.margin_top = MPT(50);
    lay.margin_bottom = MPT(50);      /* text area: 300 pt */
    lay.margin_left = lay.margin_right = MPT(50);
    lay.styles[ST_FOOTNOTE].leading = MPT(10);
    memset(&rep, 0, sizeof rep);
    rep.file = "test.xml";
}

static Flow *flow_of(Box *boxes, int n)
{
    static Flow f;
    memset(&f, 0, sizeof f);
    f.layout = &lay;
    f.report = &rep;
    f.width = MPT(300);
    f.boxes = boxes;
    f.nboxes = n;
    return &f;
}

static Box box(int h_pt, int flags)
{
    Box b;
    memset(&b, 0, sizeof b);
    b.h = MPT(h_pt);
    b.flags = (uint16_t)flags;
    b.table = -1;
    return b;
}

/* page index of the box with flow index i */
static int page_of(const Pages *pg, int i)
{
    for (int p = 0; p < pg->n; p++)
        for (int k = 0; k < pg->v[p].n; k++)
            if (pg->v[p].items[k].index == i && !pg->v[p].items[k].repeat)
                return p;
    return -1;
}

int main(void)
{
    Rp rp;
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    setup();

    {   /* three 100 pt boxes per page */
        Box b[7];
        for (int i = 0; i < 7; i++) b[i] = box(100, 0);
        Pages *pg = paginate_flow(&rp, flow_of(b, 7));
        CHECK("7 boxes of 100 pt make 3 pages", pg->n == 3);
        CHECK("box 3 starts page 2", page_of(pg, 3) == 1 && page_of(pg, 2) == 0);
        CHECK("boxes stack from the top margin", pg->v[1].items[0].y == MPT(50));
    }
    {   /* keep-with-next: box 2 must not end a page */
        Box b[5];
        for (int i = 0; i < 5; i++) b[i] = box(100, 0);
        b[2].flags = BOX_KEEP_NEXT;
        Pages *pg = paginate_flow(&rp, flow_of(b, 5));
        CHECK("a kept box moves with the next one", page_of(pg, 2) == 1 && page_of(pg, 3) == 1);
    }
    {   /* a chain longer than a page still breaks, nothing lost */
        Box b[5];
        for (int i = 0; i < 5; i++) b[i] = box(100, BOX_KEEP_NEXT);
        Pages *pg = paginate_flow(&rp, flow_of(b, 5));
        int placed = 0;
        for (int i = 0; i < 5; i++) placed += page_of(pg, i) >= 0;
        CHECK("an over-long keep chain breaks, every box placed", placed == 5 && pg->n == 2);
    }
    {   /* space before is dropped at the top of a page */
        Box b[4];
        for (int i = 0; i < 4; i++) { b[i] = box(100, 0); b[i].before = MPT(10); }
        Pages *pg = paginate_flow(&rp, flow_of(b, 4));
        CHECK("space before a box counts inside a page", page_of(pg, 2) == 1);
        CHECK("space before is dropped at the page top", pg->v[1].items[0].y == MPT(50));
    }
    {   /* new page */
        Box b[3] = { box(10, 0), box(10, BOX_NEW_PAGE), box(10, 0) };
        Pages *pg = paginate_flow(&rp, flow_of(b, 3));
        CHECK("BOX_NEW_PAGE starts a page", pg->n == 2 && page_of(pg, 1) == 1);
    }
    {   /* table header repeats */
        Box b[8];
        b[0] = box(20, BOX_HEAD_ROW | BOX_KEEP_NEXT);
        b[0].table = 0;
        for (int i = 1; i < 8; i++) { b[i] = box(60, BOX_TABLE_ROW); b[i].table = 0; }
        Flow *f = flow_of(b, 8);
        int head = 0, nhead = 1;
        f->ntables = 1;
        f->table_head = &head;
        f->table_nhead = &nhead;
        Pages *pg = paginate_flow(&rp, f);
        CHECK("the table runs over two pages", pg->n == 2);
        CHECK("page 2 starts with the repeated header",
              pg->n == 2 && pg->v[1].items[0].repeat && pg->v[1].items[0].index == 0);
        int rows = 0;
        for (int p = 0; p < pg->n; p++)
            for (int k = 0; k < pg->v[p].n; k++)
                rows += !pg->v[p].items[k].repeat && pg->v[p].items[k].index > 0;
        CHECK("no row is lost or doubled", rows == 7);
    }
    {   /* footnotes: a note takes room at the bottom of its mark's page */
        Box b[3] = { box(100, 0), box(100, 0), box(90, 0) };
        int notes[1] = { 1 };
        b[2].note_first = 0;
        b[2].nnotes = 1;
        Box nb[2] = { box(10, 0), box(10, 0) };
        Note note = { 1, 0, 2 };
        Flow *f = flow_of(b, 3);
        f->box_notes = notes;
        f->notes = &note;
        f->nnotes = 1;
        f->note_boxes = nb;
        f->nnote_boxes = 2;
        Pages *pg = paginate_flow(&rp, f);
        /* 100 + 100 + 90 = 290, plus 20 of note and 10 of rule: 320 > 300 */
        CHECK("a line whose note does not fit moves to the next page", page_of(pg, 2) == 1);
        int found = 0;
        for (int k = 0; k < pg->v[1].n; k++)
            found += pg->v[1].items[k].box == &nb[0] || pg->v[1].items[k].box == &nb[1];
        CHECK("the note stands on the page of its mark", found == 2);
        int32_t bottom = 0;
        for (int k = 0; k < pg->v[1].n; k++)
            if (pg->v[1].items[k].y + pg->v[1].items[k].box->h > bottom)
                bottom = pg->v[1].items[k].y + pg->v[1].items[k].box->h;
        CHECK("the note area ends at the bottom margin", bottom == MPT(350));
    }
    {   /* a box taller than the page is placed alone, not looped on */
        Box b[3] = { box(10, 0), box(500, 0), box(10, 0) };
        Pages *pg = paginate_flow(&rp, flow_of(b, 3));
        CHECK("an over-tall box gets its own page", pg->n == 3 && page_of(pg, 1) == 1);
    }
    {   /* linear: 20 000 boxes */
        int n = 20000;
        Box *b = arena_alloc(&rp.arena, sizeof(Box) * (size_t)n);
        for (int i = 0; i < n; i++) b[i] = box(12, i % 5 == 0 ? BOX_KEEP_NEXT : 0);
        Pages *pg = paginate_flow(&rp, flow_of(b, n));
        CHECK("20 000 lines paginate", pg->n > 700 && page_of(pg, n - 1) == pg->n - 1);
    }
    diags_free(&rp.diags);
    arena_free(&rp.arena);
    TEST_DONE();
}
