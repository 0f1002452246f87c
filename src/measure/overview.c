/*
 * overview.c - the goal overview (measure stage).
 *
 * <goal-overview/> becomes a table made from the goals of the report:
 * one group row per målområde (the goal's area attribute, else the
 * heading of the section it stands in), then a row per nämndmål with its
 * marker and status word and the page it is reported on (a link), and
 * under the table the number of goals per status. The table is built by
 * the model's constructors (model_new_table ...) in the run's arena and
 * laid out by table.c, so it
 * looks and breaks like every other table. The goals are found by
 * walking the report once; the pages are filled in when pages are known,
 * like the contents'.
 */
#include "measure_int.h"
#include "../base/i18n.h"

#include <string.h>

typedef struct OV {
    M      *m;
    Node   *table;
    const char *area;        /* area of the last group row */
    int    *count;           /* per layout status */
    int     goals;
} OV;

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
        Arena *ar = &m->rp->arena;
        if (!o->area || strcmp(o->area, a) != 0) {
            Node *g = model_new_row(ar, o->table, ROW_GROUP, NULL);
            Node *gc = model_new_cell(ar, g, 0, *a ? a : NULL, NULL);
            gc->u.cell.colspan = 3;
            if (!*a)
                text_word_node(m, gc, "overview.other", "Övriga mål", NULL);
            o->area = a;
        }
        Node *r = model_new_row(ar, o->table, ROW_NORMAL, NULL);
        const Node *h = model_heading(c);
        /* (the lead-in the goal column's heading says: "Nämndmål", "Goal") */
        model_new_cell(ar, r, 0, strip_lead(h ? plain(m, h) : "", text_word(m, "overview.goal", "Nämndmål", NULL)),
                       NULL);
        Node *sc = model_new_cell(ar, r, 1, NULL, NULL);
        if (c->u.sec.status >= 0) {
            model_new(ar, N_STATUS, sc, NULL)->u.status.status = c->u.sec.status;
            o->count[c->u.sec.status]++;
        } else {
            model_new_text(ar, sc, "\xE2\x80\x93", NULL);      /* – : not assessed in the report */
        }
        Node *ref = model_new(ar, N_REF, model_new_cell(ar, r, 2, NULL, NULL), NULL);
        ref->u.ref.target = c;
        ref->u.ref.show = REF_PAGE;
        o->goals++;
    }
}

void measure_overview(M *m, const Node *ov, int32_t indent, int32_t width)
{
    const Layout *L = m->lay;
    Arena *a = &m->rp->arena;
    OV o = { 0 };
    o.m = m;
    o.count = ARENA_ARRAY(a, int, L->nstatuses + 1);
    Node *t = model_new_table(a, 3, ov);
    Column *cols = t->u.table.cols;
    cols[0].kind = WIDTH_STAR; cols[0].width = 6000;
    cols[1].kind = WIDTH_STAR; cols[1].width = 3000;
    cols[2].kind = WIDTH_STAR; cols[2].width = 1000; cols[2].align = ALIGN_RIGHT;
    Node *caption = model_new(a, N_CAPTION, t, NULL);
    if (ov->u.overview.title)
        model_new_text(a, caption, ov->u.overview.title, NULL);
    else
        text_word_node(m, caption, "goal-overview", "Måluppfyllelse i sammanfattning", NULL);
    Node *hr = model_new_row(a, t, ROW_HEADER, NULL);
    static const char *const head[3][2] = { { "overview.goal", "Nämndmål" }, { "overview.status", "Bedömning" },
                                            { "overview.page", "Sida" } };
    for (int k = 0; k < 3; k++)
        text_word_node(m, model_new_cell(a, hr, k, NULL, NULL), head[k][0], head[k][1], NULL);
    o.table = t;
    walk(&o, m->rep->root, NULL);
    if (!o.goals) {
        diag_warn(&m->rp->diags, model_source(ov, m->rep), ov->line, ov->col,
                  _("the goal overview is empty: the report has no <goal>"));
        return;
    }
    /* the count per status, as a note under the table */
    Node *note = model_new(a, N_NOTE, t, NULL);
    bool first = true;
    for (int s = 0; s < L->nstatuses; s++) {
        if (!o.count[s])
            continue;
        if (!first)
            model_new_text(a, note, ", ", NULL);
        first = false;
        model_new(a, N_STATUS, note, NULL)->u.status.status = s;
        model_new_text(a, note, arena_printf(a, ": %d", o.count[s]), NULL);
    }
    if (!first)
        model_new_text(a, note, " (", NULL);
    const char *lang;
    const char *goals = o.goals == 1 ? text_word(m, "overview.goals-one", NULL, &lang) : NULL;
    if (!goals)
        goals = text_word(m, "overview.goals", "mål", &lang);
    text_lang_node(m, note, arena_printf(a, "%d %s", o.goals, goals), lang, NULL);
    if (!first)
        model_new_text(a, note, ")", NULL);
    measure_table(m, t, indent, width);
}
