/*
 * overview.c - the goal overview (measure stage).
 *
 * <goal-overview/> becomes a table made from the goals of the report:
 * one group row per målområde (the goal's area attribute, else the
 * heading of the section it stands in), then a row per nämndmål with its
 * marker and status word and the page it is reported on (a link), and
 * under the table the number of goals per status. The table is built as
 * ordinary table nodes in the run's arena and laid out by table.c, so it
 * looks and breaks like every other table. The goals are found by
 * walking the report once; the pages are filled in when pages are known,
 * like the contents'.
 */
#include "measure_int.h"

#include <string.h>

typedef struct OV {
    M      *m;
    Node   *table;
    const char *area;        /* area of the last group row */
    int    *count;           /* per layout status */
    int     goals;
} OV;

static Node *node(M *m, NodeKind k, Node *parent)
{
    Node *n = ARENA_NEW(&m->rp->arena, Node);
    n->kind = k;
    if (parent)
        model_append(parent, n);
    return n;
}

static Node *text(M *m, Node *parent, const char *s)
{
    Node *t = node(m, N_TEXT, parent);
    t->text = s;
    t->len = strlen(s);
    return t;
}

static Node *cell(M *m, Node *row, int col)
{
    Node *c = node(m, N_CELL, row);
    c->u.cell.colspan = c->u.cell.rowspan = 1;
    c->u.cell.col = col;
    c->u.cell.status = -1;
    return c;
}

static const char *plain(M *m, const Node *n)
{
    char buf[512];
    model_plain_text(n, buf, sizeof buf);
    return arena_strdup(&m->rp->arena, buf);
}

/* Drop a "Nämndmål:" or "Målområde:" lead-in: the table says it already. */
static const char *strip_lead(const char *s, const char *lead)
{
    size_t n = strlen(lead);
    if (strncmp(s, lead, n) == 0) {
        s += n;
        while (*s == ':' || *s == ' ')
            s++;
    }
    return s;
}

static void walk(OV *o, const Node *n, const char *area)
{
    M *m = o->m;
    for (const Node *c = n->first; c; c = c->next) {
        if (c->kind == N_SECTION) {
            const Node *h = model_heading(c);
            walk(o, c, h ? strip_lead(plain(m, h), "Målområde") : area);
            continue;
        }
        if (c->kind != N_GOAL) {
            if (c->kind == N_LANDSCAPE || c->kind == N_APPENDICES || c->kind == N_APPENDIX)
                walk(o, c, area);
            continue;
        }
        const char *a = c->u.sec.area ? c->u.sec.area : area ? area : "";
        int row_i = o->table->u.table.nrows;
        if (!o->area || strcmp(o->area, a) != 0) {
            Node *g = node(m, N_ROW, o->table);
            g->u.row.role = ROW_GROUP;
            g->u.row.index = row_i++;
            Node *gc = cell(m, g, 0);
            gc->u.cell.colspan = 3;
            text(m, gc, *a ? a : "Övriga mål");
            o->area = a;
        }
        Node *r = node(m, N_ROW, o->table);
        r->u.row.index = row_i++;
        const Node *h = model_heading(c);
        text(m, cell(m, r, 0), strip_lead(h ? plain(m, h) : "", "Nämndmål"));
        Node *sc = cell(m, r, 1);
        if (c->u.sec.status >= 0) {
            Node *st = node(m, N_STATUS, sc);
            st->u.status.status = c->u.sec.status;
            o->count[c->u.sec.status]++;
        } else {
            text(m, sc, "\xE2\x80\x93");      /* – : not assessed in the report */
        }
        Node *pc = cell(m, r, 2);
        Node *ref = node(m, N_REF, pc);
        ref->u.ref.target = c;
        ref->u.ref.show = REF_PAGE;
        o->table->u.table.nrows = row_i;
        o->goals++;
    }
}

void measure_overview(M *m, const Node *ov, int32_t indent, int32_t width)
{
    const Layout *L = m->lay;
    OV o = { 0 };
    o.m = m;
    o.count = ARENA_ARRAY(&m->rp->arena, int, L->nstatuses + 1);
    Node *t = node(m, N_TABLE, NULL);
    t->line = ov->line;
    t->col = ov->col;
    t->u.table.ncols = 3;
    t->u.table.cols = ARENA_ARRAY(&m->rp->arena, Column, 3);
    Column *cols = t->u.table.cols;
    cols[0].kind = WIDTH_STAR; cols[0].width = 6000; cols[0].fmt.decimals = -1;
    cols[1].kind = WIDTH_STAR; cols[1].width = 3000; cols[1].fmt.decimals = -1;
    cols[2].kind = WIDTH_STAR; cols[2].width = 1000; cols[2].align = ALIGN_RIGHT; cols[2].fmt.decimals = -1;
    const char *title = ov->u.overview.title ? ov->u.overview.title
                      : layout_word(L, m->rep->type, "goal-overview", "Måluppfyllelse i sammanfattning");
    Node *cap = node(m, N_CAPTION, t);
    text(m, cap, title);
    Node *hr = node(m, N_ROW, t);
    hr->u.row.role = ROW_HEADER;
    text(m, cell(m, hr, 0), layout_word(L, m->rep->type, "overview.goal", "Nämndmål"));
    text(m, cell(m, hr, 1), layout_word(L, m->rep->type, "overview.status", "Bedömning"));
    text(m, cell(m, hr, 2), layout_word(L, m->rep->type, "overview.page", "Sida"));
    t->u.table.nrows = 1;
    o.table = t;
    walk(&o, m->rep->root, NULL);
    if (!o.goals) {
        diag_warn(&m->rp->diags, m->rep->file, ov->line, ov->col,
                  "the goal overview is empty: the report has no <goal>");
        return;
    }
    /* the count per status, as a note under the table */
    Node *note = node(m, N_NOTE, t);
    bool first = true;
    for (int s = 0; s < L->nstatuses; s++) {
        if (!o.count[s])
            continue;
        if (!first)
            text(m, note, ", ");
        first = false;
        Node *st = node(m, N_STATUS, note);
        st->u.status.status = s;
        text(m, note, arena_printf(&m->rp->arena, ": %d", o.count[s]));
    }
    text(m, note, arena_printf(&m->rp->arena, first ? "%d mål" : " (%d mål)", o.goals));
    measure_table(m, t, indent, width);
}
