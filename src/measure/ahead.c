/*
 * ahead.c - the report's words, guessed with their faces, shaped ahead
 * on a second core. See ahead.h; the thread and the hand-over are in
 * font.c (font_ahead_*).
 *
 * Design notes
 *  - The guess follows what measure.c and table.c do with a block: a
 *    heading's style by its level, a cell's by its row's role, <b> and
 *    <i> inside. It reads the model only, before measuring starts; the
 *    worker reads the list made here, the strings in the model (which
 *    measuring does not change) and the fonts, under the invariants
 *    font.c lists.
 *  - Words are cut as font.c cuts them (at U+0020 and U+00A0), in the
 *    order measuring meets them, so the worker keeps ahead.
 */
#include "ahead.h"

#include <string.h>

typedef struct Walk {
    FontAhead     *a;
    const Layout  *lay;
    Font *const   *faces;
} Walk;

static void add_text(Walk *w, const char *s, size_t n, const Style *st, int variant)
{
    if (st->uppercase)
        return;                         /* set in capitals: other words */
    const Font *f = w->faces[FACE(st->family, (st->variant | variant) & 3)];
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && !((unsigned char)s[j] == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0))
            j++;
        if (j > i)
            font_ahead_add(w->a, f, s + i, j - i);
        i = j < n && s[j] == ' ' ? j + 1 : j + 2;
    }
}

static StyleId heading_style(const Node *sec)
{
    int level = sec->u.sec.level < 1 ? 1 : sec->u.sec.level > 5 ? 5 : sec->u.sec.level;
    if (sec->kind == N_GOAL)
        return ST_GOAL_HEADING;
    return sec->kind == N_APPENDIX ? ST_H1 : (StyleId)(ST_H1 + level - 1);
}

/* A table cell's style and variant, as table.c sets them. */
static StyleId cell_style(const Node *cell, int *variant)
{
    const Node *row = cell->parent, *t = row ? row->parent : NULL;
    bool small = t && t->kind == N_TABLE && t->u.table.small;
    RowRole role = row && row->kind == N_ROW ? row->u.row.role : ROW_NORMAL;
    *variant = 0;
    if (role == ROW_HEADER || role == ROW_SUBHEAD) {
        *variant = small ? VAR_BOLD : 0;
        return small ? ST_TABLE_SMALL : ST_TABLE_HEAD;
    }
    *variant = role == ROW_SUM ? VAR_BOLD : role == ROW_PART || role == ROW_SUB ? VAR_ITALIC
             : role == ROW_GROUP ? VAR_BOLD | VAR_ITALIC : 0;
    return small ? ST_TABLE_SMALL : ST_TABLE;
}

static void walk(Walk *w, const Node *n, StyleId sid, int variant, int depth)
{
    if (depth > 64)
        return;
    for (const Node *c = n->first; c; c = c->next) {
        StyleId s = sid;
        int v = variant;
        switch (c->kind) {
        case N_TEXT:
            add_text(w, c->text, c->len, &w->lay->styles[sid], variant);
            continue;
        case N_HEADING:
            s = heading_style(n);
            break;
        case N_P:
            s = sid == ST_TABLE || sid == ST_TABLE_SMALL || sid == ST_TABLE_HEAD || sid == ST_FOOTNOTE ||
                sid == ST_TABLE_NOTE || sid == ST_LIST || sid == ST_GOAL_DESC ? sid : ST_BODY;
            break;
        case N_ITEM:
            s = sid == ST_BODY ? ST_LIST : sid;
            break;
        case N_CELL:
            s = cell_style(c, &v);
            break;
        case N_CAPTION:
            s = ST_CAPTION;
            break;
        case N_NOTE:
            s = ST_TABLE_NOTE;
            break;
        case N_FOOTNOTE:
            s = ST_FOOTNOTE;
            v = 0;
            break;
        case N_DESCRIPTION:
            s = ST_GOAL_DESC;
            break;
        case N_B:
            v |= VAR_BOLD;
            break;
        case N_I:
            v |= VAR_ITALIC;
            break;
        case N_CHART: case N_FIGURE: case N_LEGEND: case N_GOAL_OVERVIEW: case N_NUM: case N_STATUS:
            continue;                   /* words of their own making */
        default:
            break;
        }
        walk(w, c, s, v, depth + 1);
    }
}

FontAhead *ahead_start(Rp *rp, const Report *rep, const Layout *lay, Font *const *faces)
{
    if (rp->threads < 2)
        return NULL;                    /* no thread to shape on */
    Walk w = { font_ahead_new(&rp->arena), lay, faces };
    walk(&w, rep->root, ST_BODY, 0, 0);
    font_ahead_start(w.a);
    return w.a;
}

void ahead_stop(FontAhead *a) { font_ahead_stop(a); }
