/*
 * build.c - building the flow: boxes, lines, structure elements and ops
 * (measure stage).
 *
 * The layer the block measurers build on. measure.c (the block walker),
 * table.c, chart.c, overview.c and front.c call it to turn lines
 * (text.c) and drawings into boxes; it calls text.c and nothing above
 * it, so no file here is called back by a file it calls.
 *
 * Its state is in M (the group "build.c's"): the boxes made so far, the
 * structure tree (se) with the element new boxes belong to (cur_se) and
 * the one new blocks go into (container), what waits for the next box
 * (placing: anchors, place_anchor; pending_flags, new_page_next; label:
 * a list's bullet or number, hang_label), written only here, and the
 * space owed after the last block (pending_after), which the measurers
 * set as they end a block.
 *
 * Invariants:
 *  1. A box belongs to the element that was m->cur_se when it was made.
 *  2. Anchors waiting in m->placing land at the top of the next box made,
 *     and so do m->pending_flags; both are empty after new_box.
 *  3. The space above a block's first box is the larger of its own space
 *     before and m->pending_after; emit_lines uses it up (leaves 0).
 *  4. Structure elements are made parents first: se[i].parent < i, the
 *     Document (element 0) alone without one.
 *  5. A label hung (hang_label) is drawn in the first box emit_lines
 *     makes next, before its ops, or dropped (drop_label).
 *  6. Every link among the ops of a box gets its Link element (se_links)
 *     before the box is done, and every run of another language its Span:
 *     flow_check finds no SE_LINK_PENDING, nor SE_SPAN_PENDING.
 */
#include "measure_int.h"

#include <assert.h>
#include <string.h>

int se_new(M *m, SeType type, int parent)
{
    assert(parent >= -1 && parent < m->se.n);       /* parents first (invariant 4) */
    assert((parent == -1) == (type == SE_DOCUMENT));
    StructElem e = { 0 };
    e.type = (int16_t)type;
    e.parent = parent;
    e.colspan = e.rowspan = 1;
    VEC_PUSH(&m->rp->arena, m->se, e);
    return m->se.n - 1;
}

int se_lang_child(M *m, int parent, const char *lang, int *span)
{
    const char *pl = m->se.v[parent].lang;
    if (pl ? lang && !strcmp(pl, lang) : !lang) {
        *span = 0;
        return parent;
    }
    const char *sl = *span ? m->se.v[*span].lang : NULL;
    if (!*span || m->se.v[*span].parent != parent || (sl ? !lang || strcmp(sl, lang) : lang != NULL)) {
        *span = se_new(m, SE_SPAN, parent);
        m->se.v[*span].lang = lang;
    }
    return *span;
}

void se_links(M *m, Op *ops, int n, int parent, LinkRun *run)
{
    /* (a zeroed run has no group: link groups are piece indices, >= 0,
     * and a kind of 0 is no pending kind) */
    for (int i = 0; i < n; i++) {
        if (ops[i].se != SE_LINK_PENDING && ops[i].se != SE_SPAN_PENDING)
            continue;
        if (ops[i].link_group != run->group || ops[i].se != run->kind || parent != run->parent) {
            run->group = ops[i].link_group;
            run->kind = ops[i].se;
            run->parent = parent;
            run->se = se_new(m, run->kind == SE_LINK_PENDING ? SE_LINK : SE_SPAN, parent);
            run->span = 0;
            m->se.v[run->se].lang = ops[i].lang;
        }
        /* (the link's area stays the link's) */
        ops[i].se = ops[i].kind == OP_TEXT && run->kind == SE_LINK_PENDING
                  ? se_lang_child(m, run->se, ops[i].lang, &run->span) : run->se;
    }
}

void place_anchor(M *m, int anchor)
{
    assert(anchor >= 0 && anchor < m->anchors.n);
    VEC_PUSH(&m->rp->arena, m->placing, anchor);
}

void anchors_at_end(M *m)
{
    if (m->boxes.n == 0)
        return;                         /* nothing to stand on: no destination */
    int last = m->boxes.n - 1;
    for (int i = 0; i < m->placing.n; i++) {
        m->anchors.v[m->placing.v[i]].box = last;
        m->anchors.v[m->placing.v[i]].y = m->boxes.v[last].h;
    }
    m->placing.n = 0;
}

void new_page_next(M *m)
{
    m->pending_flags |= BOX_NEW_PAGE;
}

Box *new_box(M *m, int32_t h, int32_t before)
{
    Box b = { 0 };
    b.se = m->cur_se;
    b.h = h;
    b.before = before;
    b.table = -1;
    b.flags = m->pending_flags | (m->landscape ? BOX_LANDSCAPE : 0);
    m->pending_flags = 0;
    VEC_PUSH(&m->rp->arena, m->boxes, b);
    int idx = m->boxes.n - 1;
    for (int i = 0; i < m->placing.n; i++) {
        m->anchors.v[m->placing.v[i]].box = idx;
        m->anchors.v[m->placing.v[i]].y = 0;
    }
    m->placing.n = 0;
    return &m->boxes.v[idx];
}

static void push_shape(M *m, OpVec *ops, OpKind kind, int32_t x, int32_t y, int32_t w, int32_t h,
                       uint32_t color)
{
    Op o = { .kind = kind, .x = x, .y = y, .w = w, .h = h, .color = color, .anchor = -1 };
    VEC_PUSH(&m->rp->arena, *ops, o);
}

void op_push_rule(M *m, OpVec *ops, int32_t x, int32_t y, int32_t w, int32_t th, uint32_t color)
{
    push_shape(m, ops, OP_RULE, x, y, w, th, color);
}

void op_push_rect(M *m, OpVec *ops, int32_t x, int32_t y, int32_t w, int32_t h, uint32_t color)
{
    push_shape(m, ops, OP_RECT, x, y, w, h, color);
}

Op *ops_copy(M *m, const Op *src, int n, int32_t dx, int32_t dy)
{
    Op *d = ARENA_ARRAY(&m->rp->arena, Op, n > 0 ? n : 1);
    for (int i = 0; i < n; i++) {
        d[i] = src[i];
        d[i].x += dx;
        d[i].y += dy;
    }
    return d;
}

void hang_label(M *m, Op label)
{
    m->label = label;
    m->label_waiting = true;
}

void drop_label(M *m)
{
    m->label_waiting = false;
}

/* The waiting list label, first among box b's ops. */
static void take_label(M *m, Box *b)
{
    if (!m->label_waiting)
        return;
    Op *ops = ARENA_ARRAY(&m->rp->arena, Op, b->nops + 1);
    ops[0] = m->label;
    if (b->nops)
        memcpy(ops + 1, b->ops, sizeof(Op) * (size_t)b->nops);
    b->ops = ops;
    b->nops++;
    m->label_waiting = false;
}

static void box_notes(M *m, Box *b, const Line *L)
{
    if (!L->nnotes)
        return;
    b->note_first = m->box_notes.n;
    b->nnotes = L->nnotes;
    for (int i = 0; i < L->nnotes; i++)
        VEC_PUSH(&m->rp->arena, m->box_notes, L->notes[i]);
}

Pieces emit_caption(M *m, const Node *cap, int parent, int32_t indent, int32_t width)
{
    const Style *cs = &m->lay->styles[ST_CAPTION];
    Pieces ps = { 0 };
    text_pieces(m, cap, cs, &ps);
    Lines ls = text_break(m, ps.v, ps.n, cs, width, ALIGN_LEFT, false);
    say_chopped(m, cap, &ls);
    m->cur_se = parent >= 0 ? se_new(m, SE_CAPTION, parent) : se_new(m, SE_P, m->container);
    emit_lines(m, &ls, indent, cs->space_before, true);
    m->pending_after = cs->space_after;
    return ps;
}

/* Whether line L ends in a hyphen hyphenation added. */
static bool ends_divided(const Line *L)
{
    for (int q = L->nops - 1; q >= 0; q--)
        if (L->ops[q].kind == OP_TEXT)
            return L->ops[q].tail == TAIL_HYPHEN;
    return false;
}

void emit_lines(M *m, const Lines *ls, int32_t x, int32_t before, bool keep_all)
{
    int32_t gap = before > m->pending_after ? before : m->pending_after;
    LinkRun run = { 0 };
    for (int k = 0; k < ls->n; k++) {
        Line *L = &ls->v[k];
        Box *b = new_box(m, L->h, k == 0 ? gap : 0);
        /* the line's ops become the box's, moved to x: a line is
         * emitted once, and a copy would stay in the arena beside it */
        for (int q = 0; q < L->nops; q++)
            L->ops[q].x += x;
        b->ops = L->ops;
        b->nops = L->nops;
        se_links(m, b->ops, b->nops, m->cur_se, &run);
        box_notes(m, b, L);
        if (k == 0)
            take_label(m, b);
        if (keep_all || (ls->n >= 2 && (k == 0 || k == ls->n - 2)))
            b->flags |= BOX_KEEP_NEXT;
        /* a page does not end in a word divided by hyphenation
         * ("Avgifts-" / "intäkterna" over the page): its line keeps
         * with the next, unless the line before was kept so (two in a
         * row: the chain stays short) */
        bool divided = k + 1 < ls->n && ends_divided(L);
        if (divided && !(k > 0 && ends_divided(&ls->v[k - 1])))
            b->flags |= BOX_KEEP_NEXT;
    }
    m->pending_after = 0;
}

bool emit_notes(M *m, const Node *parent, int32_t indent, int32_t width)
{
    const Style *ns = &m->lay->styles[ST_TABLE_NOTE];
    bool any = false;
    for (const Node *c = parent->first; c; c = c->next)
        if (c->kind == N_NOTE) {
            if (!any && m->boxes.n)
                m->boxes.v[m->boxes.n - 1].flags |= BOX_KEEP_NEXT;
            any = true;
            Pieces ps = { 0 };
            text_pieces(m, c, ns, &ps);
            Lines ls = text_break(m, ps.v, ps.n, ns, width, ALIGN_LEFT, false);
            say_chopped(m, c, &ls);
            m->cur_se = se_new(m, SE_P, m->container);
            emit_lines(m, &ls, indent, ns->space_before, false);
        }
    return any;
}
