/*
 * model.c - small helpers over the document tree (model layer).
 */
#include "model.h"

#include "../base/limits.h"

#include <assert.h>
#include <string.h>

void model_append(Node *parent, Node *child)
{
    child->parent = parent;
    child->next = NULL;
    if (parent->last)
        parent->last->next = child;
    else
        parent->first = child;
    parent->last = child;
}

Node *model_heading(const Node *sec)
{
    for (Node *c = sec->first; c; c = c->next)
        if (c->kind == N_HEADING)
            return c;
    return NULL;
}

Node *model_title_node(const Node *t)
{
    NodeKind want = t->kind == N_SECTION || t->kind == N_GOAL || t->kind == N_APPENDIX ? N_HEADING
                  : t->kind == N_TABLE || t->kind == N_CHART || t->kind == N_FIGURE ? N_CAPTION : N_TEXT;
    for (Node *c = want != N_TEXT ? t->first : NULL; c; c = c->next)
        if (c->kind == want)
            return c;
    return NULL;
}

static size_t plain(const Node *n, char *buf, size_t cap, size_t at)
{
    for (const Node *c = n->first; c; c = c->next) {
        if (c->kind == N_FOOTNOTE || c->kind == N_FNREF)
            continue;
        if (c->kind == N_TEXT || c->kind == N_NUM || (c->kind == N_STATUS && c->text)) {
            for (size_t i = 0; i < c->len; i++, at++) {
                if (at + 1 < cap) {
                    char ch = c->text[i];
                    buf[at] = (ch == '\n' || ch == '\t') ? ' ' : ch;
                }
            }
        } else if (c->kind == N_BR) {
            if (at + 1 < cap)
                buf[at] = ' ';
            at++;
        } else {
            at = plain(c, buf, cap, at);
        }
    }
    return at;
}

const Node *model_cell_figure(const Node *cell)
{
    const Node *c = cell->first;
    if (!c || (c->kind != N_TEXT && c->kind != N_NUM))
        return NULL;
    for (const Node *x = c->next; x; x = x->next) {
        if (x->kind == N_FOOTNOTE || x->kind == N_FNREF)
            continue;
        if (x->kind != N_TEXT)
            return NULL;
        for (size_t i = 0; i < x->len; i++)         /* the spaces of an indented file */
            if (!strchr(" \t\r\n", x->text[i]) || !x->text[i])
                return NULL;
    }
    return c;
}

size_t model_plain_text(const Node *n, char *buf, size_t cap)
{
    size_t len = plain(n, buf, cap, 0);
    if (!cap)
        return len;
    size_t end = len < cap ? len : cap - 1;
    if (len >= cap && end > 0) {
        /* cut before a character the buffer holds only part of (a
         * message would print half an "å") */
        size_t j = end - 1;
        while (j > 0 && ((unsigned char)buf[j] & 0xC0) == 0x80)
            j--;
        unsigned char lead = (unsigned char)buf[j];
        size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (j + need > end)
            end = j;
    }
    buf[end] = 0;
    return len;
}

const char *model_source(const Node *n, const Report *rep)
{
    assert(n && n->file >= 0 && (n->file == 0 || n->file < rep->nfiles));
    const char *file = n->file > 0 ? rep->files[n->file] : rep->file;
    for (; n; n = n->parent)
        if (n->kind == N_ROW)
            return n->u.row.src ? n->u.row.src : file;
    return file;
}

const char *model_kind_name(NodeKind k)
{
    static const char *names[N_KIND_COUNT] = {
        "report", "contents", "section", "goal", "appendices", "appendix",
        "heading", "p", "list", "item", "table", "caption", "row", "cell",
        "note", "chart", "figure", "legend", "goal-overview", "page-break",
        "landscape", "description", "text", "b", "i", "sup", "sub", "br", "num", "status",
        "footnote", "fnref", "ref", "link", "nohyphen",
    };
    return (unsigned)k < N_KIND_COUNT ? names[k] : "?";
}

/* ---- the invariants, checked ---- */

typedef struct Check {
    const Report *rep;
    int           nstatuses;
    int           footnotes;   /* footnotes met so far, in document order */
} Check;

static void check_table(const Node *t)
{
    assert(t->u.table.nrows == 0 || (t->u.table.ncols >= 1 && t->u.table.cols));   /* 3 */
    for (const Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW)
            continue;
        assert(r->u.row.index >= 0 && r->u.row.index < t->u.table.nrows);
        for (const Node *c = r->first; c; c = c->next) {
            assert(c->kind == N_CELL);
            assert(c->u.cell.col >= 0 && c->u.cell.colspan >= 1 &&
                   c->u.cell.col + c->u.cell.colspan <= t->u.table.ncols);
            assert(c->u.cell.rowspan >= 1 && r->u.row.index + c->u.cell.rowspan <= t->u.table.nrows);
        }
    }
}

static void check_node(Check *k, const Node *n)
{
    for (const Node *c = n->first; c; c = c->next) {
        assert(c->parent == n);
        switch (c->kind) {
        case N_SECTION:                                                  /* 1 */
            assert(c->u.sec.level >= 1 && c->u.sec.level <= RP_MAX_HEADING_LEVEL);
            assert(n->kind != N_SECTION || c->u.sec.level == n->u.sec.level + 1);
            break;
        case N_GOAL:                                                     /* 4 */
            assert(c->u.sec.status >= -1 && c->u.sec.status < k->nstatuses);
            break;
        case N_FNREF:                                                    /* 2 */
        case N_REF:
            assert(c->kind == N_FNREF ? c->u.fn.target != NULL : c->u.ref.target != NULL);
            break;
        case N_FOOTNOTE:
            assert(c->u.fn.number == ++k->footnotes);
            break;
        case N_TABLE:
            check_table(c);
            break;
        case N_CELL:
            assert(c->u.cell.status >= -1 && c->u.cell.status < k->nstatuses);
            break;
        case N_STATUS:
            assert(c->u.status.status >= 0 && c->u.status.status < k->nstatuses);
            break;
        case N_FIGURE:                                                   /* 5 */
            assert(!c->u.figure.image ||
                   (c->u.figure.image->index >= 0 && c->u.figure.image->index < k->rep->nimages));
            break;
        default:
            break;
        }
        check_node(k, c);        /* depth bounded by RP_MAX_XML_DEPTH */
    }
}

void model_check(const Report *rep, int nstatuses)
{
    assert(rep->root && rep->root->kind == N_REPORT);
    Check k = { rep, nstatuses, 0 };
    check_node(&k, rep->root);
    assert(k.footnotes == rep->nfootnotes);
}

/* ---- nodes made in code ---- */
#include "../base/arena.h"

Node *model_new(Arena *a, NodeKind kind, Node *parent, const Node *at)
{
    Node *n = ARENA_NEW(a, Node);
    n->kind = kind;
    if (at) {
        n->line = at->line;
        n->col = at->col;
        n->file = at->file;
    }
    if (parent)
        model_append(parent, n);
    return n;
}

Node *model_new_text(Arena *a, Node *parent, const char *s, const Node *at)
{
    Node *t = model_new(a, N_TEXT, parent, at);
    t->text = s;
    t->len = strlen(s);
    return t;
}

Node *model_new_table(Arena *a, int ncols, const Node *at)
{
    assert(ncols >= 1);
    Node *t = model_new(a, N_TABLE, NULL, at);
    t->u.table.ncols = ncols;
    t->u.table.cols = ARENA_ARRAY(a, Column, ncols);
    for (int k = 0; k < ncols; k++)
        t->u.table.cols[k].fmt.decimals = -1;
    return t;
}

Node *model_new_row(Arena *a, Node *t, RowRole role, const Node *at)
{
    assert(t->kind == N_TABLE);
    Node *r = model_new(a, N_ROW, t, at);
    r->u.row.role = role;
    r->u.row.index = t->u.table.nrows++;
    return r;
}

Node *model_new_cell(Arena *a, Node *r, int col, const char *s, const Node *at)
{
    assert(r->kind == N_ROW && r->parent && col >= 0 && col < r->parent->u.table.ncols);
    Node *c = model_new(a, N_CELL, r, at);
    c->u.cell.colspan = c->u.cell.rowspan = 1;
    c->u.cell.col = col;
    c->u.cell.status = -1;
    if (s)
        model_new_text(a, c, s, at);
    return c;
}

/* ---- layout look-ups (data defined in layout.h) ---- */
#include "layout.h"

#include <strings.h>

bool layout_same_lang(const char *a, const char *b)
{
    a = a ? a : "sv";
    b = b ? b : "sv";
    size_t na = strcspn(a, "-_"), nb = strcspn(b, "-_");
    return na == nb && strncasecmp(a, b, na) == 0;
}

const char *layout_word(const Layout *l, const char *type, const char *lang, const char *key,
                        const char *fallback, const char **wlang)
{
    const Word *best = NULL;
    int best_score = -1;
    for (int i = 0; i < l->nwords; i++) {
        const Word *w = &l->words[i];
        if (strcmp(w->key, key) != 0 || (w->type && (!type || strcmp(w->type, type) != 0)))
            continue;                           /* another word, or another type's */
        bool foreign = w->lang && !layout_same_lang(w->lang, "sv");
        if (foreign && !layout_same_lang(w->lang, lang))
            continue;                           /* another language's */
        /* the report's language before the type: an English report
         * says "Met", not the Swedish of its type */
        int score = (foreign ? 2 : 0) + (w->type ? 1 : 0);
        if (score > best_score)
            best = w, best_score = score;
    }
    const char *in = best && best->lang ? best->lang : "sv";
    if (wlang)
        *wlang = layout_same_lang(in, lang) ? NULL : in;
    return best ? best->text : fallback;
}

int layout_status(const Layout *l, const char *name)
{
    for (int i = 0; i < l->nstatuses; i++)
        if (strcmp(l->statuses[i].name, name) == 0)
            return i;
    return -1;
}
