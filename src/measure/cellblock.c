/*
 * cellblock.c - a table cell that holds a list, as lines whose parts a
 * screen reader gets as a list (measure stage).
 *
 * table.c lays out a cell's paragraphs and lists as one run of text with
 * line breaks, which is right for its widths but reads a list as text
 * with literal bullets. For a cell with a list, table.c asks this file
 * for the lines instead: each paragraph broken at the cell's width, each
 * item's text beside its hanging label, and for every line the part of
 * the list it belongs to. The parts (L, LI, Lbl, LBody) become structure
 * elements when the cell's own element is made (table.c, parents first).
 * Calls text.c and build.c only.
 *
 * Invariants:
 *  1. Parts are made parents first: part_parent[k] < k (-1: the cell).
 *  2. A line with a label has it as ops[0], its part in line_label; a
 *     label is never lost: an item without text gets a line of its own.
 */
#include "measure_int.h"

#include <assert.h>
#include <string.h>

typedef struct Build {
    M            *m;
    VEC(Line)     lines;
    VEC(int)      line_part, line_label;
    VEC(int16_t)  part_type;
    VEC(int)      part_parent;
    VEC(int8_t)   part_numbering;
    Op            label;           /* a label waiting for the next line, if label_part >= 0 */
    int           label_part;
} Build;

static int add_part(Build *b, SeType type, int parent)
{
    assert(parent < b->part_type.n);
    VEC_PUSH(&b->m->rp->arena, b->part_type, (int16_t)type);
    VEC_PUSH(&b->m->rp->arena, b->part_parent, parent);
    VEC_PUSH(&b->m->rp->arena, b->part_numbering, 0);
    return b->part_type.n - 1;
}

static void push_line(Build *b, Line ln, int part)
{
    int lbl = -1;
    if (b->label_part >= 0) {
        Op *ops = ARENA_ARRAY(&b->m->rp->arena, Op, ln.nops + 1);
        ops[0] = b->label;
        if (ln.nops)
            memcpy(ops + 1, ln.ops, sizeof(Op) * (size_t)ln.nops);
        ln.ops = ops;
        ln.nops++;
        lbl = b->label_part;
        b->label_part = -1;
    }
    VEC_PUSH(&b->m->rp->arena, b->lines, ln);
    VEC_PUSH(&b->m->rp->arena, b->line_part, part);
    VEC_PUSH(&b->m->rp->arena, b->line_label, lbl);
}

/* The lines ls moved right by x, as text of `part`. */
static void push_lines(Build *b, const Lines *ls, int32_t x, int part)
{
    for (int k = 0; k < ls->n; k++) {
        Line ln = ls->v[k];
        ln.ops = ops_copy(b->m, ln.ops, ln.nops, x, 0);
        push_line(b, ln, part);
    }
}

static void blocks(Build *b, const Node *parent, const Style *st, int32_t x, int32_t width, Align align,
                   Hyph hyph, int part);

/* A list: each item's label hanging at x, its text (or blocks) after it. */
static void list(Build *b, const Node *l, const Style *st, int32_t x, int32_t width, Align align, Hyph hyph,
                 int part)
{
    M *m = b->m;
    int se_l = add_part(b, SE_L, part);
    b->part_numbering.v[se_l] = (int8_t)(l->u.list.type + 1);
    int num = l->u.list.start;
    int16_t face = FACE(st->family, st->variant);
    int32_t space = font_text_width(m->flow->faces[face], "\xC2\xA0", 2, st->size);
    /* the numbers set right in the widest one's room, so the items'
     * text stands in one line (after "10)" it stood further right than
     * after "9)": a typesetter) */
    int32_t widest = 0;
    for (const Node *it = l->first; it && l->u.list.type == LIST_NUMBER; it = it->next)
        if (it->kind == N_ITEM) {
            const char *t = arena_printf(&m->rp->arena, "%d%s", num++, l->u.list.paren ? ")" : ".");
            int32_t w = font_text_width(m->flow->faces[face], t, (int)strlen(t), st->size);
            widest = w > widest ? w : widest;
        }
    num = l->u.list.start;
    for (const Node *it = l->first; it; it = it->next) {
        if (it->kind != N_ITEM)
            continue;
        int li = add_part(b, SE_LI, se_l);
        const char *lab = l->u.list.type == LIST_BULLET ? "\xE2\x80\xA2"
                        : l->u.list.type == LIST_NUMBER
                        ? arena_printf(&m->rp->arena, "%d%s", num, l->u.list.paren ? ")" : ".") : "";
        num++;
        if (b->label_part >= 0) {       /* an outer item's label before a list: a line of its own */
            Line ln = { NULL, 0, st->leading, b->label.w, NULL, 0 };
            push_line(b, ln, part);
        }
        int32_t lw = 0;
        if (*lab) {
            b->label = op_text(m, lab, (int)strlen(lab), face, st->size, st->color);
            int32_t room = b->label.w > widest ? b->label.w : widest;
            b->label.x = x + room - b->label.w;
            b->label.y = text_baseline(m, st);
            b->label_part = add_part(b, SE_LBL, li);
            lw = room + space;
        }
        if (lw > width / 2)
            lw = 0;                     /* a column too narrow to hang it: the text below */
        int body = add_part(b, SE_LBODY, li);
        if (it->first && (it->first->kind == N_P || it->first->kind == N_LIST)) {
            blocks(b, it, st, x + lw, width - lw, align, hyph, body);
        } else {
            Pieces ps = { 0 };
            text_pieces(m, it, st, &ps);
            Lines ls = text_break_cell(m, ps.v, ps.n, st, width - lw, align, hyph);
            push_lines(b, &ls, x + lw, body);
        }
        if (b->label_part >= 0) {       /* an item without text: its label alone */
            Line ln = { NULL, 0, st->leading, b->label.w, NULL, 0 };
            push_line(b, ln, body);
        }
    }
}

static void blocks(Build *b, const Node *parent, const Style *st, int32_t x, int32_t width, Align align,
                   Hyph hyph, int part)
{
    for (const Node *c = parent->first; c; c = c->next) {
        if (c->kind == N_P) {
            Pieces ps = { 0 };
            text_pieces(b->m, c, st, &ps);
            Lines ls = text_break_cell(b->m, ps.v, ps.n, st, width, align, hyph);
            push_lines(b, &ls, x, part);
        } else if (c->kind == N_LIST) {
            list(b, c, st, x, width, align, hyph, part);
        }
    }
}

bool cell_has_list(const Node *cell)
{
    if (!cell->first || (cell->first->kind != N_P && cell->first->kind != N_LIST))
        return false;
    for (const Node *c = cell->first; c; c = c->next)
        if (c->kind == N_LIST)
            return true;
    return false;
}

CellBlocks cell_blocks(M *m, const Node *cell, const Style *st, int32_t width, Align align, Hyph hyph)
{
    Build b = { 0 };
    b.m = m;
    b.label_part = -1;
    blocks(&b, cell, st, 0, width, align, hyph, -1);
    CellBlocks cb = { 0 };
    cb.lines.v = b.lines.v;
    cb.lines.n = b.lines.n;
    cb.line_part = b.line_part.v;
    cb.line_label = b.line_label.v;
    cb.part_type = b.part_type.v;
    cb.part_parent = b.part_parent.v;
    cb.part_numbering = b.part_numbering.v;
    cb.nparts = b.part_type.n;
    return cb;
}
