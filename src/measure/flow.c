/*
 * flow.c - the flow's invariants, checked (measure stage; see flow.h).
 *
 * flow_check walks a whole flow once and asserts what flow.h and the
 * measure files promise of it: indices that stand for boxes, anchors,
 * tables, notes and structure elements point inside their arrays, the
 * structure tree is made parents first, every link found its element.
 * It reads the flow only; it costs one pass over the boxes and ops.
 */
#include "flow.h"

#include <assert.h>

/* An op's or box's structure element: the box's (0), none, or one. */
static bool se_ok(const Flow *f, int se)
{
    return se == SE_ARTIFACT || (se >= 0 && se < f->nse);
}

static void check_ops(const Flow *f, const Op *ops, int n)
{
    assert(n == 0 || ops);
    for (int i = 0; i < n; i++) {
        const Op *o = &ops[i];
        assert(o->kind >= OP_TEXT && o->kind <= OP_IMAGE);
        assert(se_ok(f, o->se));            /* no SE_LINK_PENDING (SE_SPAN_PENDING) left */
        if (o->kind == OP_TEXT || o->kind == OP_PAGENUM) {
            assert(o->face >= 0 && o->face < FACE_COUNT);
            assert(o->len == 0 || (o->s && f->faces[o->face]));
        }
        if (o->kind == OP_PAGENUM)
            assert(o->anchor >= 0 && o->anchor < f->nanchors);
        if (o->kind == OP_PATH)
            assert(o->npts >= 1 && o->pts);
        if (o->kind == OP_IMAGE)
            assert(o->image);
    }
}

static void check_box(const Flow *f, const Box *b)
{
    assert(b->h >= 0 && b->before >= 0);
    assert(b->table >= -1 && b->table < f->ntables);
    assert(b->nnotes == 0 || (b->note_first >= 0 && b->note_first + b->nnotes <= f->nbox_notes));
    assert(se_ok(f, b->se));
    assert(b->note >= 0 && b->note <= f->nnotes);
    check_ops(f, b->ops, b->nops);
}

void flow_check(const Flow *f)
{
    assert(f->nse >= 1 && f->se[0].type == SE_DOCUMENT && f->se[0].parent == -1);
    for (int i = 1; i < f->nse; i++) {
        assert(f->se[i].type >= 0 && f->se[i].type < SE_TYPE_COUNT);
        assert(f->se[i].parent >= 0 && f->se[i].parent < i);     /* parents first */
    }
    for (int i = 0; i < f->nboxes; i++)
        check_box(f, &f->boxes[i]);
    for (int i = 0; i < f->nnote_boxes; i++) {
        check_box(f, &f->note_boxes[i]);
        assert(f->note_boxes[i].note >= 1);
    }
    for (int i = 0; i < f->nbox_notes; i++)
        assert(f->box_notes[i] >= 1 && f->box_notes[i] <= f->nnotes);
    for (int k = 0; k < f->nnotes; k++) {
        const Note *n = &f->notes[k];
        assert(n->number == k + 1 && n->first >= 0 && n->first + n->n <= f->nnote_boxes);
    }
    for (int a = 0; a < f->nanchors; a++)
        assert(f->anchors[a].box >= -1 && f->anchors[a].box < f->nboxes);
    for (int h = 0; h < f->nheadings; h++)
        assert(f->headings[h] >= 0 && f->headings[h] < f->nanchors);
    for (int t = 0; t < f->ntables; t++) {
        int hd = f->table_head[t];
        assert(hd == -1 || (hd < f->nboxes && (f->boxes[hd].flags & BOX_HEAD_ROW) && f->boxes[hd].table == t));
        assert(f->table_cap[t] >= -1 && f->table_cap[t] < f->nboxes);
    }
}
