/*
 * front.c - the cover and the table of contents (measure stage).
 *
 * The cover is one full-page box drawn in page coordinates; its title
 * is the document's first heading (H1), and "Innehåll" a heading of the
 * same level as the chapters, "Bilagor" one below it. The contents
 * ("Innehåll") list every heading anchor marked in_toc, in document
 * order (m->headings, not the anchors' numbers), indented by
 * level, with a dot leader and the page number right-aligned as an
 * OP_PAGENUM that the draw stage fills in once pages are known; then the
 * appendix titles ("Bilagor") as a bulleted list: an appendix printed in
 * the report with its leader and page number, a separate one without.
 *
 * Why one pass is enough: the page numbers are drawn in a column of fixed
 * width reserved here, so the contents' length never depends on the
 * numbers, and pagination of the body never has to be redone: there is
 * no fixpoint to iterate (paginate.c, design notes).
 */
#include "measure_int.h"
#include "../model/numfmt.h"
#include "../base/limits.h"
#include "../base/i18n.h"

#include <string.h>
#include <time.h>

/* Whether section n stands inside an appendix: its headings are not
 * the chapters' ("Intervjuer" of "Bilaga 1 Metod" was listed under the
 * last chapter, above "Bilagor": a typographer); the bookmarks nest
 * them under their appendix. */
static bool in_appendix(const Node *n)
{
    for (n = n ? n->parent : NULL; n; n = n->parent)
        if (n->kind == N_APPENDIX)
            return true;
    return false;
}

/* "2025-02-20" -> "20 februari 2025"; anything else unchanged. */
static const char *swedish_date(M *m, const char *iso)
{
    char buf[64];
    numfmt_date(iso, buf, sizeof buf);
    return arena_strdup(&m->rp->arena, buf);
}

/* How put_lines sets its text: as a heading, in the layout's words
 * (Swedish: a Span of their own in a report of another language), in a
 * colour of its own. */
enum { PUT_HEADING = 1, PUT_LAYOUT = 2, PUT_COLOR = 4 };

/* Lines of `text` in style sid, copied into ops at (x, y) of a page, as
 * one structure element of `type` (a paragraph, the title's H1); returns height.
 * A heading (the title, the subtitle) is broken as headings are: never
 * hyphenated, in as few lines as it takes, of even length, so that no
 * short last word ("2019") stands alone. */
static int32_t put_lines(M *m, OpVec *ops, const char *text, StyleId sid, int32_t x, int32_t y, int32_t width,
                         unsigned how, uint32_t color, SeType type)
{
    const Style *st = &m->lay->styles[sid];
    Pieces ps = { 0 };
    (how & PUT_LAYOUT ? text_layout_str : text_piece_str)(m, text, st, 0, &ps);
    if (how & PUT_COLOR)
        for (int i = 0; i < ps.n; i++)
            ps.v[i].color = color;
    bool heading = how & PUT_HEADING;
    Lines ls = heading ? text_break_display(m, ps.v, ps.n, st, width, ALIGN_LEFT)
                       : text_break(m, ps.v, ps.n, st, width, ALIGN_LEFT, false);
    int32_t h = 0;
    int se = se_new(m, type, 0), first = ops->n;
    for (int k = 0; k < ls.n; k++) {
        for (int q = 0; q < ls.v[k].nops; q++) {
            Op op = ls.v[k].ops[q];
            op.x += x;
            op.y += y + h;
            if (op.se != SE_SPAN_PENDING)
                op.se = se;
            VEC_PUSH(&m->rp->arena, *ops, op);
        }
        h += ls.v[k].h;
    }
    LinkRun run = { 0 };             /* the layout's words: a Span of their language */
    se_links(m, ops->v + first, ops->n - first, se, &run);
    return h;
}

/* The layout's logo as an image op on the cover, a Figure with its alt
 * text, at its place: in the band (band: band-high, vertically centred)
 * or at the foot of the page on the right. Its size: logo-width, else
 * half the band's height; scaled down, with a warning at <cover>, if it
 * would not fit its place. Returns the room it takes in the band at the
 * left margin (for the brand to stand after it), else 0. */
static int32_t put_logo(M *m, OpVec *ops, int32_t band, int32_t width)
{
    const Layout *L = m->lay;
    const CoverLogo *lg = &L->cover_logo;
    const Image *im = lg->image;
    int32_t w, h;
    if (lg->width > 0) {
        w = lg->width;
        h = (int32_t)((int64_t)w * im->h / im->w);
    } else {
        h = band / 2;
        w = (int32_t)((int64_t)h * im->w / im->h);
    }
    bool in_band = lg->pos != LOGO_FOOT_RIGHT;
    int32_t maxh = in_band ? band * 70 / 100 : L->page_h * 15 / 100;
    int32_t maxw = width / 2;
    if (h > maxh || w > maxw) {
        int32_t w1 = (int32_t)((int64_t)maxh * im->w / im->h);
        int32_t nw = w1 < maxw ? w1 : maxw;
        diag_warn(&m->rp->diags, L->path, lg->line, lg->col,
                  _("the logo is too large for its place on the cover (%.0f x %.0f mm); it is scaled down to %.0f mm wide"),
                  w / 2834.6, h / 2834.6, nw / 2834.6);
        diag_hint(&m->rp->diags, _("give a smaller logo-width%s"), in_band ? _(", or logo-position=\"foot-right\"") : "");
        w = nw;
        h = (int32_t)((int64_t)w * im->h / im->w);
    }
    if (w < 1 || h < 1)
        return 0;
    Op op = { 0 };
    op.kind = OP_IMAGE;
    op.w = w;
    op.h = h;
    op.x = lg->pos == LOGO_BAND ? L->margin_left : L->page_w - L->margin_right - w;
    op.y = in_band ? (band - h) / 2 : L->page_h - L->margin_bottom - h;
    op.image = im;
    op.anchor = -1;
    int fig = se_new(m, SE_FIGURE, 0);
    m->se.v[fig].alt = lg->alt;
    op.se = fig;
    VEC_PUSH(&m->rp->arena, *ops, op);
    return lg->pos == LOGO_BAND ? w + L->styles[ST_COVER_ORG].size : 0;
}

static void cover(M *m, int32_t width)
{
    const Layout *L = m->lay;
    const Meta *meta = &m->rep->meta;
    OpVec ops = { 0 };
    int32_t x = L->margin_left;
    /* the band at the top, with the logo and the brand */
    int32_t band = L->page_h * 13 / 100;
    Op r = { 0 };
    r.kind = OP_RECT;
    r.x = 0;
    r.y = 0;
    r.w = L->page_w;
    r.h = band;
    r.color = L->cover_band;
    r.anchor = -1;
    r.se = SE_ARTIFACT;
    VEC_PUSH(&m->rp->arena, ops, r);
    int32_t before_brand = 0;
    if (L->cover_logo.image && L->cover_logo.pos != LOGO_FOOT_RIGHT)
        before_brand = put_logo(m, &ops, band, width);
    if (L->cover_brand)
        put_lines(m, &ops, L->cover_brand, ST_COVER_ORG, x + before_brand,
                  band / 2 - L->styles[ST_COVER_ORG].leading / 2, width - before_brand, PUT_LAYOUT | PUT_COLOR,
                  L->cover_band_text, SE_P);
    /* the title block a third down the page */
    int32_t y = L->page_h * 36 / 100;
    Op rule = { 0 };
    rule.kind = OP_RULE;
    rule.x = x;
    rule.y = y - 14000;
    rule.w = width / 4;
    rule.h = 3000;
    rule.color = L->accent;
    rule.anchor = -1;
    rule.se = SE_ARTIFACT;
    VEC_PUSH(&m->rp->arena, ops, rule);
    if (meta->title)
        y += put_lines(m, &ops, meta->title, ST_COVER_TITLE, x, y, width, PUT_HEADING, 0, SE_H1) +
             L->styles[ST_COVER_TITLE].space_after;
    if (meta->subtitle)
        y += put_lines(m, &ops, meta->subtitle, ST_COVER_SUBTITLE, x, y, width, PUT_HEADING, 0, SE_P) +
             L->styles[ST_COVER_SUBTITLE].space_after;
    y += 12000;
    if (meta->organisation)
        y += put_lines(m, &ops, meta->organisation, ST_COVER_ORG, x, y, width, 0, 0, SE_P) +
             L->styles[ST_COVER_ORG].space_after;
    if (meta->department)
        y += put_lines(m, &ops, meta->department, ST_COVER_META, x, y, width, 0, 0, SE_P);
    /* date and diarienummer at the foot, on the left (a logo at the
     * foot stands on the right, so they get half the width) */
    bool foot_logo = L->cover_logo.image && L->cover_logo.pos == LOGO_FOOT_RIGHT;
    int32_t fw = foot_logo ? width / 2 : width;
    int32_t fy = L->page_h - L->margin_bottom - 3 * L->styles[ST_COVER_META].leading;
    if (meta->date) {        /* a date written out is in the layout's words ("1 mars 2026") */
        const char *date = swedish_date(m, meta->date);
        fy += put_lines(m, &ops, date, ST_COVER_META, x, fy, fw, strcmp(date, meta->date) ? PUT_LAYOUT : 0, 0, SE_P);
    }
    if (meta->reference)
        put_lines(m, &ops, arena_printf(&m->rp->arena, "Dnr %s", meta->reference), ST_COVER_META,
                  x, fy, fw, PUT_LAYOUT, 0, SE_P);
    if (foot_logo)
        put_logo(m, &ops, band, width);
    Box *b = new_box(m, L->page_h, 0);
    b->flags |= BOX_FULL_PAGE | BOX_NO_NUMBER;
    b->ops = ops.v;
    b->nops = ops.n;
}

static const Node *find_contents(const Report *rep)
{
    for (const Node *c = rep->root->first; c; c = c->next)
        if (c->kind == N_CONTENTS)
            return c;
    return NULL;
}

static const Node *find_appendices(const Report *rep)
{
    for (const Node *c = rep->root->first; c; c = c->next)
        if (c->kind == N_APPENDICES)
            return c;
    return NULL;
}

/* The room a contents entry's last line leaves for its leader, in
 * dots: a gap of one, then three dots at least. */
enum { TOC_LEADER_ROOM = 4 };

/* The face of the dot leader, and the width of one of its dots. */
static int32_t leader_dot(M *m, int16_t *face)
{
    const Style *t1 = &m->lay->styles[ST_TOC1];
    int16_t lface = FACE(t1->family, t1->variant & ~VAR_BOLD);
    if (face)
        *face = lface;
    return font_text_width(m->flow->faces[lface], " .", 2, t1->size);
}

/* The dot leader from `from` (the end of an entry's last line) to the
 * number column, and the page number of anchor ai right-aligned at
 * `right`, appended to ops in the coordinates of that line (style st);
 * returns how many ops were added (at most 2). The leaders of every
 * level are set alike, in the regular face and size of level 1, and end
 * at the number column: their dots stand on one grid, counted from the
 * right, whatever the entry's level. */
static int leader_and_number(M *m, Op *ops, const Style *st, int32_t from, int32_t right,
                             int32_t numcol, int ai, int se)
{
    const Style *t1 = &m->lay->styles[ST_TOC1];
    int16_t lface;
    int32_t dotw = leader_dot(m, &lface);
    int32_t base = text_baseline(m, st);
    int q = 0;
    from += dotw;
    int32_t to = right - numcol;
    int ndots = dotw > 0 && to > from ? (int)((to - from) / dotw) : 0;
    if (ndots > 0) {
        char *dots = arena_alloc(&m->rp->arena, (size_t)ndots * 2 + 1);
        for (int d = 0; d < ndots; d++) {
            dots[2 * d] = ' ';
            dots[2 * d + 1] = '.';
        }
        Op lead = op_text(m, dots, ndots * 2, lface, t1->size, st->color);
        lead.x = to - ndots * dotw;
        lead.y = base;
        lead.w = ndots * dotw;          /* on the grid of dots, as counted */
        lead.se = SE_ARTIFACT;          /* the dot leader is not read */
        ops[q++] = lead;
    }
    Op pn = { 0 };
    pn.kind = OP_PAGENUM;
    pn.face = FACE(st->family, st->variant);
    pn.size = st->size;
    pn.color = st->color;
    pn.x = right;
    pn.y = base;
    pn.right = true;
    pn.anchor = ai;
    pn.se = se;
    ops[q++] = pn;
    return q;
}

/* The title and its page number read as two words, "korthet 3" (the
 * leader between them is decoration): a space after the last text of
 * the title's last line, ops[0..n). */
static void title_apart(Op *ops, int n)
{
    for (int q = n - 1; q >= 0; q--)
        if (ops[q].kind == OP_TEXT) {
            if (ops[q].tail == TAIL_NONE)
                ops[q].tail = TAIL_SPACE;
            return;
        }
}

/* One entry of the contents: a TOCI in `se_toc` holding a Reference,
 * and in it the Link (the title, the page number and the annotation),
 * as ISO 32000-1 Table 333 lists a TOCI's parts. Returns the TOCI. */
static int toc_entry(M *m, const Anchor *a, int ai, int32_t width, int32_t numcol, int se_toc)
{
    int se_item = se_new(m, SE_TOCI, se_toc);
    int se_link = se_new(m, SE_LINK, se_new(m, SE_REFERENCE, se_item)), span = 0;
    int lv = a->level < 1 ? 1 : a->level > 3 ? 3 : a->level;
    StyleId sid = (StyleId)(ST_TOC1 + lv - 1);
    const Style *st = &m->lay->styles[sid];
    /* levels below the third look like it, one step further in each
     * (the step from the second to the third), so the contents still
     * shows what lies under what */
    const Style *s2 = &m->lay->styles[ST_TOC2];
    int32_t step = st->indent > s2->indent ? st->indent - s2->indent : 0;
    int32_t indent = st->indent + (a->level > 3 ? (a->level - 3) * step : 0);
    if (indent > width / 3)
        indent = width / 3;
    Pieces ps = { 0 };
    if (a->sec)
        text_heading_pieces(m, a->sec, st, &ps);
    else
        text_piece_str(m, a->title ? a->title : "", st, 0, &ps);
    int32_t tw = width - indent - numcol;
    /* a heading's words, as its heading sets them: never hyphenated
     * ("innehålls-/förteckningen" was), in lines of even length */
    Lines ls = text_break_heading(m, ps.v, ps.n, st, tw, ALIGN_LEFT);
    /* room on the last line for a leader of three dots at least: one
     * or two alone read as a full stop ("... målområden . 8"); the lines
     * broken again a little shorter where it lacks */
    int32_t room = TOC_LEADER_ROOM * leader_dot(m, NULL);
    if (ls.n > 0 && ls.v[ls.n - 1].width > tw - room)
        ls = text_break_heading(m, ps.v, ps.n, st, tw - room, ALIGN_LEFT);
    if (ls.n == 0)
        return se_item;
    for (int k = 0; k < ls.n; k++) {
        const Line *L = &ls.v[k];
        bool last = k == ls.n - 1;
        int n = L->nops + (last ? 3 : 1);
        Op *ops = ARENA_ARRAY(&m->rp->arena, Op, n);
        int q = 0;
        for (int i = 0; i < L->nops; i++) {
            ops[q] = L->ops[i];
            ops[q].se = ops[q].kind == OP_TEXT ? se_lang_child(m, se_link, ops[q].lang, &span) : se_link;
            ops[q++].x += indent;
        }
        if (last) {
            title_apart(ops, q);
            q += leader_and_number(m, ops + q, st, indent + L->width, width, numcol, ai, se_link);
        }
        Op link = { 0 };
        link.kind = OP_LINK;
        link.x = indent;
        link.y = 0;
        link.w = width - indent;
        link.h = L->h;
        link.anchor = ai;
        link.se = se_link;
        ops[q++] = link;
        m->cur_se = se_item;
        Box *b = new_box(m, L->h, k == 0 ? st->space_before : 0);
        b->ops = ops;
        b->nops = q;
        if (!last)
            b->flags |= BOX_KEEP_NEXT;
    }
    return se_item;
}

/* The report's own title `own` into ps, or else the layout's word for
 * key, in its language. */
static void title_or_word(M *m, const char *own, const char *key, const char *fallback, const Style *st,
                          int variant, Pieces *ps)
{
    const char *lang = NULL;
    const char *s = own ? own : text_word(m, key, fallback, &lang);
    text_lang_str(m, s, lang, st, variant, ps);
}

static void contents(M *m, const Node *c, int32_t width)
{
    const Layout *L = m->lay;
    const Style *ts = &L->styles[ST_TOC_TITLE];
    Pieces ps = { 0 };
    title_or_word(m, c->u.contents.title, "contents", "Innehåll", ts, 0, &ps);
    Lines ls = text_break(m, ps.v, ps.n, ts, width, ALIGN_LEFT, false);
    m->pending_after = 0;
    new_page_next(m);
    m->cur_se = se_new(m, SE_H1, 0);         /* a part of the report, like a chapter */
    emit_lines(m, &ls, 0, 0, true);
    int se_toc = se_new(m, SE_TOC, 0);
    m->pending_after = ts->space_after;
    const Style *t1 = &L->styles[ST_TOC1];
    int32_t numcol = font_text_width(m->flow->faces[FACE(t1->family, t1->variant)], "0000", 4, t1->size);
    bool first = true;
    /* nested like the headings: an entry's TOCI holds a TOC of the
     * entries below it. open[d]: the entry of depth d whose list new
     * deeper entries go into, its level and its TOC (0: none yet) */
    struct { int level, toci, toc; } open[RP_MAX_HEADING_LEVEL + 1];
    int depth = 0;
    for (int h = 0; h < m->headings.n; h++) {
        int i = m->headings.v[h];
        const Anchor *a = &m->anchors.v[i];
        if (!a->in_toc || a->box < 0 || a->appendix || in_appendix(a->sec))
            continue;               /* (an appendix's sections: "Bilagor" lists appendices) */
        while (depth > 0 && open[depth - 1].level >= a->level)
            depth--;
        int into = se_toc;
        if (depth > 0) {
            if (!open[depth - 1].toc)
                open[depth - 1].toc = se_new(m, SE_TOC, open[depth - 1].toci);
            into = open[depth - 1].toc;
        }
        int b0 = m->boxes.n;            /* the entry's first line's box */
        int toci = toc_entry(m, a, i, width, numcol, into);
        if (depth <= RP_MAX_HEADING_LEVEL) {
            open[depth].level = a->level;
            open[depth].toci = toci;
            open[depth].toc = 0;
            depth++;
        }
        if (first && b0 < m->boxes.n) {
            m->boxes.v[b0].before = ts->space_after;   /* (not its last line's: a wrapped entry gaped) */
            first = false;
        }
    }
    const Node *apps = find_appendices(m->rep);
    if (!apps)
        return;
    ps.n = 0;
    title_or_word(m, apps->u.appendices.title, "appendices", "Bilagor", t1, VAR_BOLD, &ps);
    ls = text_break(m, ps.v, ps.n, t1, width, ALIGN_LEFT, false);
    m->pending_after = 0;
    m->cur_se = se_new(m, SE_H2, 0);         /* "Bilagor": a heading under "Innehåll" */
    emit_lines(m, &ls, 0, t1->space_before * 3, true);
    int se_list = se_new(m, SE_L, 0);
    const Style *as = &L->styles[ST_TOC_APPENDIX];
    for (const Node *a = apps->first; a; a = a->next) {
        if (a->kind != N_APPENDIX)
            continue;
        int ai = anchor_for(m, a);
        const Anchor *an = &m->anchors.v[ai];
        ps.n = 0;
        if (an->sec)
            text_heading_pieces(m, an->sec, as, &ps);
        else
            text_piece_str(m, an->title ? an->title : "", as, 0, &ps);
        int32_t li = L->list_indent;
        /* one printed here gets a leader and its page number like the
         * headings above; one that is a document of its own has none */
        bool printed = an->box >= 0;
        int32_t x0 = as->indent + li;
        /* set as the headings' entries are: whole words, even lines */
        ls = text_break_heading(m, ps.v, ps.n, as, width - x0 - (printed ? numcol : 0), ALIGN_LEFT);
        Op bullet = op_text(m, "\xE2\x80\xA2", 3, FACE(as->family, as->variant), as->size, as->color);
        bullet.x = as->indent + li * 30 / 100;
        bullet.y = text_baseline(m, as);
        int se_li = se_new(m, SE_LI, se_list);
        bullet.se = se_new(m, SE_LBL, se_li);
        m->cur_se = se_new(m, SE_LBODY, se_li);
        hang_label(m, bullet);
        int before = as->space_before;
        if (printed) {
            /* an appendix printed in this report: its entry links there */
            for (int k = 0; k < ls.n; k++) {
                Line *ln = &ls.v[k];
                Op *ops = ARENA_ARRAY(&m->rp->arena, Op, ln->nops + 3);
                memcpy(ops, ln->ops, sizeof(Op) * (size_t)ln->nops);
                if (k == ls.n - 1) {
                    title_apart(ops, ln->nops);
                    ln->nops += leader_and_number(m, ops + ln->nops, as, ln->width, width - x0, numcol,
                                                  ai, SE_LINK_PENDING);
                }
                Op link = { 0 };
                link.kind = OP_LINK;
                link.w = width - x0;
                link.h = ln->h;
                link.anchor = ai;
                link.se = SE_LINK_PENDING;
                link.link_group = 0;
                for (int q = 0; q < ln->nops; q++) {
                    if (ops[q].se == SE_ARTIFACT)
                        continue;               /* the leader */
                    ops[q].se = SE_LINK_PENDING;
                    ops[q].link_group = 0;
                }
                ops[ln->nops] = link;
                ln->ops = ops;
                ln->nops++;
            }
        }
        emit_lines(m, &ls, as->indent + li, before, false);
        drop_label(m);
    }
}

void measure_front(M *m, int32_t width, Box **out, int *nout)
{
    cover(m, width);
    const Node *c = find_contents(m->rep);
    if (c)
        contents(m, c, width);
    *out = m->boxes.v;
    *nout = m->boxes.n;
}
