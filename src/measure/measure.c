/*
 * measure.c - stage 2 driver: the document model -> a flow of boxes.
 *
 * Walks the blocks in document order and emits one box per line of text
 * (so pagination can break between any two lines), one per table row,
 * one per chart. The keep rules are decided here, where the structure is
 * known, and expressed as BOX_KEEP_NEXT on the box above a forbidden
 * break:
 *  1. a heading keeps with the first two lines of what follows (never the
 *     last thing on a page);
 *  2. a paragraph of two or more lines keeps its first two lines together
 *     (no orphan) and its last two (no widow);
 *  3. a caption keeps with its table's first rows; a table note with the
 *     table's last row;
 *  4. list labels travel with their item's first line;
 *  5. a legend keeps together and, like a heading, with what follows (it
 *     says how to read the markers below it);
 *  6. a line that ends in a word divided by hyphenation keeps with the
 *     next (no page ends "Avgifts-"), one such line in a row at most.
 * Vertical space between blocks is the larger of the space after the one
 * and before the next; it is dropped at the top of a page.
 */
#include "measure_int.h"
#include "../base/engine.h"
#include "ahead.h"
#include "compound.h"
#include "../base/limits.h"
#include "../base/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A paragraph of style `sid` as the structure element `type` under
 * `parent`: a body paragraph (P) in the container, a figure's caption
 * (Caption) in its Figure. */

static void para(M *m, const Node *n, StyleId sid, SeType type, int parent, int32_t indent, int32_t width,
                 bool keep_all)
{
    const Style *st = &m->lay->styles[sid];
    Pieces ps = { 0 };
    text_pieces(m, n, st, &ps);
    if (n->id)
        place_anchor(m, anchor_for(m, n));
    Lines ls = text_break(m, ps.v, ps.n, st, width - st->indent, st->align, st->justify);
    say_chopped(m, n, &ls);
    m->cur_se = se_new(m, type, parent);
    if (ls.n == 0) {                 /* an empty paragraph still takes its space */
        m->pending_after = st->space_after > m->pending_after ? st->space_after : m->pending_after;
        return;
    }
    emit_lines(m, &ls, indent + st->indent, st->space_before, keep_all);
    m->pending_after = st->space_after;
    /* a paragraph that ends in a colon introduces what follows ("...
     * fördelar sig så här:" before a chart): its last line stays with it */
    const Piece *last = NULL;
    for (int k = ps.n - 1; k >= 0 && !last; k--)
        if (!ps.v[k].note && ps.v[k].len > 0)
            last = &ps.v[k];
    int e = last ? last->len : 0;
    while (e > 0 && last->s[e - 1] == ' ')
        e--;
    if (e > 0 && last->s[e - 1] == ':')
        m->boxes.v[m->boxes.n - 1].flags |= BOX_KEEP_NEXT;
}

/* ---- headings ----------------------------------------------------------- */

static void heading(M *m, const Node *sec, int32_t indent, int32_t width)
{
    const Node *h = model_heading(sec);
    int level = sec->u.sec.level;
    if (level < 1) level = 1;
    if (level > RP_MAX_HEADING_LEVEL) level = RP_MAX_HEADING_LEVEL;
    StyleId sid = sec->kind == N_GOAL ? ST_GOAL_HEADING : (StyleId)(ST_H1 + level - 1);
    if (sec->kind == N_APPENDIX)
        sid = ST_H1;
    const Style *st = &m->lay->styles[sid];

    int a = anchor_for(m, sec);
    Anchor *an = &m->anchors.v[a];
    an->title = heading_title(m, sec);
    an->sec = sec;
    an->level = sec->kind == N_GOAL ? level : level;
    an->appendix = sec->kind == N_APPENDIX;
    an->in_toc = sec->u.sec.toc == 1 ||
                 (sec->u.sec.toc == -1 && sec->kind != N_GOAL && level <= m->toc_levels);
    /* the outline mirrors the heading tree down to the contents' levels,
     * also where a heading is kept out of the printed contents */
    an->outline = an->in_toc || (sec->kind != N_GOAL && level <= m->toc_levels) ||
                  sec->kind == N_APPENDIX;
    place_anchor(m, a);
    VEC_PUSH(&m->rp->arena, m->headings, a);

    Pieces ps = { 0 };
    const char *word = NULL, *word_lang = NULL;
    int status_at = 0;              /* the piece of the status's words, 0: none */
    if (sec->kind == N_GOAL && sec->u.sec.status >= 0) {
        const StatusDef *sd = &m->lay->statuses[sec->u.sec.status];
        word = text_status_word(m, sec->u.sec.status, &word_lang);
        Piece mk = { 0 };
        mk.face = FACE(st->family, st->variant);
        mk.size = st->size;
        mk.s = "";
        mk.anchor = -1;
        mk.pagenum = -1;
        mk.marker = (int16_t)(sd->shape + 1);
        mk.marker_color = sd->color;
        VEC_PUSH(&m->rp->arena, ps, mk);
    }
    const char *label = heading_label(m, sec);
    if (label) {
        text_lang_str(m, label, sec->u.sec.label_lang, st, 0, &ps);
        text_piece_str(m, " ", st, 0, &ps);
    }
    if (h)
        text_pieces(m, h, st, &ps);
    if (word) {
        /* the status in words after the name, as beside every other
         * marker: "Goda arbetsplatser – Delvis uppfyllt", not bold; the
         * marker is then decoration */
        Style plain = *st;
        plain.variant &= ~VAR_BOLD;
        /* before the name's footnote marks, which the heading's Note
         * follows: "... fritidsgårdarna – Delvis uppfyllt¹" reads the
         * status as part of the heading, not after its note's link */
        int marks = text_marks_at(ps.v, ps.n);
        int nmarks = ps.n - marks;
        Piece *tail = nmarks ? ARENA_ARRAY(&m->rp->arena, Piece, nmarks) : NULL;
        if (nmarks)
            memcpy(tail, ps.v + marks, sizeof *tail * (size_t)nmarks);
        ps.n = marks;
        /* the status on a line of its own where the lines break: after
         * the dash, or before it where the name fills its line */
        int at = ps.n;
        text_piece_str(m, " \xE2\x80\x93", &plain, 0, &ps);
        if (at < ps.n)
            ps.v[at].prefer = 2;
        at = ps.n;
        text_lang_str(m, arena_printf(&m->rp->arena, " %s", word), word_lang, &plain, 0, &ps);
        if (at < ps.n) {
            ps.v[at].prefer = 1;
            status_at = at;
        }
        for (int k = 0; k < nmarks; k++)
            VEC_PUSH(&m->rp->arena, ps, tail[k]);
    }
    if ((sec->u.sec.new_page || st->new_page) && m->boxes.n > 0)
        new_page_next(m);
    m->cur_se = se_new(m, (SeType)(SE_H1 + level - 1), m->container);
    int32_t hw = width - st->indent;
    Lines ls = text_break_heading(m, ps.v, ps.n, st, hw, st->align);
    /* a goal's name and dash that fit one line keep it, and the status
     * goes to the next whole, however short it leaves that line: the
     * lines' balance took a word of the name down beside "Delvis
     * uppfyllt" */
    if (status_at > 1 && ls.n > 1) {
        int force = text_break_heading(m, ps.v, status_at, st, hw, st->align).n == 1 ? status_at
                  : text_break_heading(m, ps.v, status_at - 1, st, hw, st->align).n == 1 ? status_at - 1 : 0;
        if (force) {        /* after the dash, or (the dash will not fit) before it */
            ps.v[force].prefer = 3;
            ls = text_break_heading(m, ps.v, ps.n, st, hw, st->align);
        }
    }
    if (ls.n == 0) {
        new_box(m, 0, 0)->flags |= BOX_KEEP_NEXT;   /* keep the anchor somewhere */
        return;
    }
    if (h)
        say_chopped(m, h, &ls);
    emit_lines(m, &ls, indent + st->indent, st->space_before, true);
    m->pending_after = st->space_after;
    /* a heading with nothing under it ends its section: it keeps with
     * nothing, so the next section's heading cannot take it to the next
     * page (an empty "Exploatering" stood above "Uppföljning" there) */
    bool body = false;
    for (const Node *k = sec->first; k && !body; k = k->next)
        body = k->kind != N_HEADING;
    if (!body)
        m->boxes.v[m->boxes.n - 1].flags &= ~BOX_KEEP_NEXT;
}

/* ---- lists -------------------------------------------------------------- */

static void list(M *m, const Node *l, int32_t indent, int32_t width)
{
    const Style *st = &m->lay->styles[ST_LIST];
    int32_t li = m->lay->list_indent;
    int num = l->u.list.start;
    int32_t base = text_baseline(m, st);
    if (l->id)
        place_anchor(m, anchor_for(m, l));
    int se_list = se_new(m, SE_L, m->container);
    m->se.v[se_list].numbering = (int8_t)(l->u.list.type + 1);
    int outer = m->container;
    /* a list in an item follows its text as the items do each other
     * (not a paragraph's space apart), and its bullets are dashes */
    bool nested = m->list_depth > 0;
    if (nested)
        m->pending_after = st->space_after;
    m->list_depth++;
    int list_start = m->boxes.n, item_start = list_start;
    for (const Node *it = l->first; it; it = it->next) {
        if (it->kind != N_ITEM)
            continue;
        item_start = m->boxes.n;
        int se_li = se_new(m, SE_LI, se_list);
        int se_lbl = se_new(m, SE_LBL, se_li);
        int se_body = se_new(m, SE_LBODY, se_li);
        /* the label, drawn in the first line's box, hanging left */
        const char *label = l->u.list.type == LIST_BULLET ? (nested ? "\xE2\x80\x93" : "\xE2\x80\xA2")  /* – • */
                          : l->u.list.type == LIST_NUMBER
                          ? arena_printf(&m->rp->arena, "%d%s", num, l->u.list.paren ? ")" : ".") : "";
        num++;
        if (*label) {
            Op lab = op_text(m, label, (int)strlen(label), FACE(st->family, st->variant), st->size, st->color);
            lab.y = base;
            lab.x = indent + (l->u.list.type == LIST_BULLET ? li * 30 / 100 : li - lab.w - st->size / 3);
            if (lab.x < indent) lab.x = indent;
            lab.se = se_lbl;
            hang_label(m, lab);
        }
        bool blocks = it->first && (it->first->kind == N_P || it->first->kind == N_LIST);
        if (blocks) {
            int32_t save = m->pending_after;
            m->pending_after = save > st->space_before ? save : st->space_before;
            m->container = se_body;
            measure_blocks(m, it, indent + li, width - li);
            m->container = outer;
            m->pending_after = st->space_after;     /* to the next item: an item's space, not a paragraph's */
        } else {
            m->cur_se = se_body;
            Pieces ps = { 0 };
            text_pieces(m, it, st, &ps);
            Lines ls = text_break(m, ps.v, ps.n, st, width - li, st->align, st->justify);
            say_chopped(m, it, &ls);
            if (ls.n == 0) {
                Line empty = { NULL, 0, st->leading, 0, NULL, 0 };
                ls.v = &empty;
                ls.n = 1;
                emit_lines(m, &ls, indent + li, st->space_before, false);
            } else {
                emit_lines(m, &ls, indent + li, st->space_before, false);
            }
            m->pending_after = st->space_after;
        }
        drop_label(m);
    }
    /* a last item of one line never stands alone at the top of a page:
     * it goes with the line above it (a page held nothing but "3. Kom-
     * plettering av PUB-avtal ...": a typographer) */
    if (m->boxes.n == item_start + 1 && item_start > list_start)
        m->boxes.v[item_start - 1].flags |= BOX_KEEP_NEXT;
    m->list_depth--;
    const Style *body = &m->lay->styles[ST_BODY];
    m->pending_after = nested ? st->space_after : body->space_after;
}

/* ---- goal descriptions -------------------------------------------------- */

static void goal_description(M *m, const Node *d, const Node *goal, int32_t indent, int32_t width)
{
    const Style *st = &m->lay->styles[ST_GOAL_DESC];
    const Style *gh = &m->lay->styles[ST_GOAL_HEADING];
    int32_t in = gh->indent;
    if (goal->kind == N_GOAL && goal->u.sec.status >= 0)
        in += marker_advance(gh->size);     /* the marker before the name */
    if (in > width / 3)
        in = 0;
    Pieces ps = { 0 };
    text_pieces(m, d, st, &ps);
    Lines ls = text_break(m, ps.v, ps.n, st, width - in, ALIGN_LEFT, false);
    say_chopped(m, d, &ls);
    m->cur_se = se_new(m, SE_P, m->container);
    if (ls.n > 0 && m->boxes.n > 0)
        m->boxes.v[m->boxes.n - 1].flags |= BOX_KEEP_NEXT;
    /* part of the heading: kept whole, and with what follows as the
     * heading is (a page ended with a goal's name and description, its
     * text on the next) */
    emit_lines(m, &ls, indent + in, st->space_before, true);
    if (ls.n > 0 && !d->next)
        m->boxes.v[m->boxes.n - 1].flags &= ~BOX_KEEP_NEXT;
    m->pending_after = st->space_after;
}

/* ---- legend ------------------------------------------------------------- */

/* The legend: its title, then every status of its kind in the layout's
 * order with its marker and word, or the report's own words for it
 * (<item status="met">, N_STATUS children of the legend). */
static void legend(M *m, const Node *n, int32_t indent, int32_t width)
{
    const Style *st = &m->lay->styles[ST_LEGEND];
    const char *lang = NULL;
    const char *title = n->u.legend.title ? n->u.legend.title
                      : text_word(m, "legend", "Färgsättningen indikerar:", &lang);
    Pieces ps = { 0 };
    text_lang_str(m, title, lang, st, VAR_BOLD, &ps);
    Lines ls = text_break(m, ps.v, ps.n, st, width, ALIGN_LEFT, false);
    m->cur_se = se_new(m, SE_P, m->container);
    emit_lines(m, &ls, indent, st->space_before, true);
    int se_list = se_new(m, SE_L, m->container);
    for (int i = 0; i < m->lay->nstatuses; i++) {
        const StatusDef *sd = &m->lay->statuses[i];
        if (sd->activity != n->u.legend.activity)
            continue;
        Node st_node = { 0 };
        st_node.kind = N_STATUS;
        st_node.u.status.status = i;
        for (const Node *own = n->first; own; own = own->next)
            if (own->kind == N_STATUS && own->u.status.status == i && own->text)
                st_node = *own;           /* the report's own words for it */
        st_node.next = NULL;
        Node holder = { 0 };
        holder.first = holder.last = &st_node;
        ps.n = 0;
        text_pieces(m, &holder, st, &ps);
        ls = text_break(m, ps.v, ps.n, st, width, ALIGN_LEFT, false);
        int li = se_new(m, SE_LI, se_list);
        m->cur_se = se_new(m, SE_LBODY, li);
        emit_lines(m, &ls, indent + m->lay->list_indent / 2, 0, true);    /* keep 5 */
    }
    m->pending_after = st->space_after > m->lay->styles[ST_BODY].space_after
                     ? st->space_after : m->lay->styles[ST_BODY].space_after;
}

/* ---- figures ------------------------------------------------------------ */

/* An image of far more pixels than its printed width `w` shows (over
 * 450 dpi) that weighs in the PDF (over 3 MB: a JPEG goes in as its
 * file, pixels deflated): said, with the width in pixels that prints as
 * well at 300 dpi. A 24.5-megapixel picture made a 73 MB PDF without a
 * word (a new user), too heavy to mail or to file. */
static void heavy_image(M *m, const Node *n, const Image *im, int32_t w)
{
    /* (what the file takes: a PNG's pixels deflate about as its file
     * did; a flat picture of many pixels is small) */
    double bytes = im->kind == IMAGE_JPEG ? (double)im->len
                 : im->file_len ? (double)im->file_len : (double)im->w * im->h * im->channels;
    double dpi = w > 0 ? im->w * 72000.0 / w : 0;
    if (dpi <= 450 || bytes <= 3e6)
        return;
    char mb[32];
    diag_warn(&m->rp->diags, model_source(n, m->rep), n->line, n->col,
              _("the image is %d x %d pixels, about %.0f dpi where it is printed (%.0f mm wide): it adds about "
                "%s MB to the PDF, where 300 dpi prints as well"),
              im->w, im->h, dpi, w / 2834.6, rp_decimal(mb, sizeof mb, bytes / 1e6, 0));
    diag_hint(&m->rp->diags, _("scale it down to about %d pixels across in an image editor before adding it"),
              (int)(w / 72000.0 * 300 + 0.5));
}

/* An image with its caption above it, kept together, as wide as asked
 * (default: its size at 150 dpi, at most the text width) and never
 * taller than two thirds of a page (scaled down, with a warning). */
static void figure(M *m, const Node *n, int32_t indent, int32_t width)
{
    if (n->id)
        place_anchor(m, anchor_for(m, n));
    /* the caption before the Figure, beside it (as a chart's, chart.c) */
    for (const Node *k = n->first; k; k = k->next)
        if (k->kind == N_CAPTION)
            para(m, k, ST_CAPTION, SE_CAPTION, m->container, indent, width, true);
    int fig = se_new(m, SE_FIGURE, m->container);
    m->se.v[fig].alt = n->u.figure.alt;
    const Image *im = n->u.figure.image;
    if (!im)
        return;
    const int iw = im->w, ih = im->h;
    int32_t w = n->u.figure.wkind == WIDTH_PCT ? (int32_t)((int64_t)width * n->u.figure.width / 1000)
              : n->u.figure.wkind == WIDTH_ABS && n->u.figure.width > 0 ? n->u.figure.width
              : (int32_t)((int64_t)iw * 72000 / 150);
    if (w > width)
        w = width;
    int32_t h = (int32_t)((int64_t)w * ih / iw);
    int32_t maxh = m->text_h * 2 / 3;
    if (h > maxh) {
        diag_warn(&m->rp->diags, model_source(n, m->rep), n->line, n->col,
                  _("the image is taller than two thirds of a page; it is scaled down"));
        w = (int32_t)((int64_t)w * maxh / h);
        h = maxh;
    }
    heavy_image(m, n, im, w);
    Op *op = ARENA_NEW(&m->rp->arena, Op);
    op->kind = OP_IMAGE;
    op->x = indent;
    op->y = 0;
    op->w = w;
    op->h = h;
    op->image = im;
    op->anchor = -1;
    op->se = fig;
    int32_t gap = m->pending_after > 4000 ? m->pending_after : 4000;
    Box *b = new_box(m, h, gap);
    b->ops = op;
    b->nops = 1;
    m->pending_after = m->lay->styles[ST_BODY].space_after + 4000;
}

/* ---- blocks ------------------------------------------------------------- */

/* Blocks from..stop (stop NULL: to the last), siblings. */
static void measure_siblings(M *m, const Node *from, const Node *stop, int32_t indent, int32_t width);

void measure_blocks(M *m, const Node *parent, int32_t indent, int32_t width)
{
    measure_siblings(m, parent->first, NULL, indent, width);
}

/* The <landscape> block a section begins with, after its heading and at
 * most two short paragraphs leading in to it: they are set on its first
 * page with it (they stood alone on a page of their own before it, 85 %
 * of it empty: a typographer). NULL if it begins otherwise. */
static const Node *turned_start(const M *m, const Node *sec, const Node **lead)
{
    const Node *c = sec->first;
    while (c && c->kind == N_HEADING)
        c = c->next;
    *lead = c;
    size_t chars = 0;
    int paras = 0;
    for (; c && c->kind == N_P && paras <= 2 && chars <= 400; c = c->next, paras++) {
        char text[512];
        chars += model_plain_text(c, text, sizeof text);
    }
    return c && c->kind == N_LANDSCAPE && !m->landscape && !m->turned_heading && paras <= 2 && chars <= 400 ? c
                                                                                                           : NULL;
}

/* A section, goal or appendix: its heading, then its blocks; where it
 * begins with a <landscape> block, its heading and lead-in go to that
 * block's first page (an appendix made of a wide table had its heading
 * alone on a page before it: a typographer). */
static void section(M *m, const Node *sec, int32_t indent, int32_t width)
{
    const Node *lead, *land = turned_start(m, sec, &lead);
    if (land) {
        m->turned_heading = sec;
        m->turned_lead = lead;
        measure_siblings(m, land, NULL, indent, width);
    } else {
        heading(m, sec, indent, width);
        measure_blocks(m, sec, indent, width);
    }
}

static void measure_siblings(M *m, const Node *from, const Node *stop, int32_t indent, int32_t width)
{
    for (const Node *c = from; c && c != stop; c = c->next) {
        switch (c->kind) {
        case N_SECTION:
        case N_GOAL:
        case N_APPENDIX:
            section(m, c, indent, width);
            break;
        case N_APPENDICES:
            for (const Node *a = c->first; a; a = a->next) {
                if (a->kind != N_APPENDIX)
                    continue;
                /* An appendix with a body starts on its own page; one
                 * without is only listed in the contents. */
                bool body = false;
                for (const Node *k = a->first; k; k = k->next)
                    body |= k->kind != N_HEADING;
                if (!body) {
                    int an = anchor_for(m, a);
                    m->anchors.v[an].title = heading_title(m, a);
                    m->anchors.v[an].sec = a;
                    m->anchors.v[an].appendix = true;
                    m->anchors.v[an].level = 1;
                    VEC_PUSH(&m->rp->arena, m->headings, an);
                    continue;
                }
                new_page_next(m);
                section(m, a, indent, width);
            }
            break;
        case N_P: {
            int before = m->boxes.n;
            para(m, c, ST_BODY, SE_P, m->container, indent, width, false);
            /* a goal's last paragraph of one line, its verdict most often
             * ("Nämndmålet bedöms: ● Uppfyllt"), never stands alone at
             * the top of a page: it goes with the line above it */
            if (c->parent->kind == N_GOAL && !c->next && m->boxes.n == before + 1 && before > 0)
                m->boxes.v[before - 1].flags |= BOX_KEEP_NEXT;
            /* a section's lead-in of a line or two to the table, the
             * section or the goal it begins with goes with it ("Tabellen
             * visar investeringarna." and its heading stood at a page's
             * foot, the table overleaf; "Noter" and "Belopp i noterna
             * anges i tkr", "Not 1" overleaf, which the contents named:
             * typographers) */
            const Node *first = c->parent->first;
            while (first && first->kind == N_HEADING)
                first = first->next;
            if (c->next && (c->next->kind == N_TABLE || c->next->kind == N_SECTION || c->next->kind == N_GOAL) &&
                first == c && c->parent->first != c &&
                m->boxes.n > before && m->boxes.n <= before + 2)
                m->boxes.v[m->boxes.n - 1].flags |= BOX_KEEP_NEXT;
            break;
        }
        case N_LIST:
            list(m, c, indent, width);
            break;
        case N_TABLE:
            measure_table(m, c, indent, width);
            break;
        case N_CHART:
            measure_chart(m, c, indent, width);
            break;
        case N_LEGEND:
            legend(m, c, indent, width);
            break;
        case N_DESCRIPTION:
            /* under the goal's name, where the name's text begins (after
             * the marker), kept with the name as the name is with it */
            goal_description(m, c, c->parent, indent, width);
            break;
        case N_PAGE_BREAK:
            new_page_next(m);
            break;
        case N_LANDSCAPE: {
            /* its own pages, turned: the text is as wide as the paper is high */
            const Layout *L = m->lay;
            bool was = m->landscape;
            int32_t was_h = m->text_h;
            if (!was) {
                int32_t turned_w = L->page_h - L->margin_left - L->margin_right;
                new_page_next(m);
                m->landscape = true;
                m->text_h = L->page_w - L->margin_top - L->margin_bottom;
                if (m->turned_heading) {
                    heading(m, m->turned_heading, 0, turned_w);
                    measure_siblings(m, m->turned_lead, c, 0, turned_w);
                    m->turned_heading = NULL;
                }
                measure_blocks(m, c, 0, turned_w);
                new_page_next(m);
            } else {
                measure_blocks(m, c, indent, width);
            }
            m->landscape = was;
            m->text_h = was_h;
            break;
        }
        case N_GOAL_OVERVIEW:
            measure_overview(m, c, indent, width);
            break;
        case N_FIGURE:
            figure(m, c, indent, width);
            break;
        default:
            break;
        }
    }
}

/* ---- footnote numbers ---------------------------------------------------- */

/* The number each footnote shows: its place in the document, or in its
 * chapter (level-1 section or appendix) when the layout says so. */
static void number_notes(M *m, const Node *n, int *counter)
{
    for (const Node *c = n->first; c; c = c->next) {
        if (m->lay->notes_per_chapter &&
            ((c->kind == N_SECTION && c->u.sec.level == 1) || c->kind == N_APPENDIX))
            *counter = 0;
        if (c->kind == N_FOOTNOTE)
            m->note_label[c->u.fn.number - 1] = ++*counter;
        number_notes(m, c, counter);
    }
}

/* ---- footnote bodies ---------------------------------------------------- */

static void collect_notes(M *m, const Node *n, const Node **notes)
{
    for (const Node *c = n->first; c; c = c->next) {
        if (c->kind == N_FOOTNOTE)
            notes[c->u.fn.number - 1] = c;
        collect_notes(m, c, notes);
    }
}

/* A note whose mark stands in a header cell would be read with every
 * cell that names the header in its /Headers: it goes after the table
 * instead (in the table's parent, read right after the table), the
 * mark's link staying in the cell. One marked in a heading would be
 * read as part of the heading (a screen reader's list of headings said
 * "Verksamhet och aktiviteter 1 1 Aktiviteterna följer ..."): it goes
 * right after the heading. `*parent` is the mark's element; `*after`
 * gets the table or heading, or 0. */
static void header_note(const M *m, int *parent, int *after)
{
    *after = 0;
    int e = *parent;
    for (int h = e; h > 0; h = m->se.v[h].parent)
        if (m->se.v[h].type >= SE_H1 && m->se.v[h].type <= SE_H6) {
            *parent = m->se.v[h].parent;
            *after = h;
            return;
        }
    while (e > 0 && m->se.v[e].type != SE_TH && m->se.v[e].type != SE_TABLE)
        e = m->se.v[e].parent;
    if (e <= 0 || m->se.v[e].type != SE_TH)
        return;
    while (e > 0 && m->se.v[e].type != SE_TABLE)
        e = m->se.v[e].parent;
    if (e <= 0)
        return;
    *parent = m->se.v[e].parent;
    *after = m->se.v[e].after > 0 ? m->se.v[e].after : e;   /* after the table's own notes */
}

static void measure_notes(M *m)
{
    int nn = m->rep->nfootnotes;
    m->flow->nnotes = nn;
    if (!nn)
        return;
    const Node **nodes = ARENA_ARRAY(&m->rp->arena, const Node *, nn);
    collect_notes(m, m->rep->root, nodes);
    m->flow->notes = ARENA_ARRAY(&m->rp->arena, Note, nn);
    const Style *st = &m->lay->styles[ST_FOOTNOTE];
    /* the numbers hang before the text, in room for two digits of the
     * text's size and half an em: as much as the widest number takes at
     * its own size (three quarters) where that is more, so that note 100
     * keeps the half em ("100 Källa", not "100Källa"; note 1000 would
     * overprint its text), its text in line with the others' */
    const Font *nf = m->flow->faces[FACE(st->family, st->variant)];
    int widest = 0;
    for (int i = 0; i < nn; i++)
        widest = m->note_label[i] > widest ? m->note_label[i] : widest;
    size_t nd = 1;
    for (int v = widest; v >= 10; v /= 10)
        nd++;
    int32_t numw = font_text_width(nf, "00", 2, st->size);
    int32_t widw = font_text_width(nf, "0000000000", nd, st->size * 75 / 100);
    int32_t hang = (widw > numw ? widw : numw) + st->size / 2;
    int32_t base = text_baseline(m, st);
    /* a note belongs, in reading order, to the element of its first
     * mark: the paragraph, heading or data cell (not the row), beside
     * the mark's link; one marked in a header cell follows its table
     * (header_note) */
    int *note_parent = ARENA_ARRAY(&m->rp->arena, int, nn);
    /* a note whose first mark stands on a landscape page is set as wide
     * as that page's text (it was set at the portrait width, half the
     * line empty: a typographer) */
    bool *turned = ARENA_ARRAY(&m->rp->arena, bool, nn);
    for (int b = m->boxes.n - 1; b >= 0; b--)
        for (int k = 0; k < m->boxes.v[b].nnotes; k++) {
            const Box *bx = &m->boxes.v[b];
            int num = m->box_notes.v[bx->note_first + k];
            if (num < 1 || num > nn)
                continue;
            turned[num - 1] = (bx->flags & BOX_LANDSCAPE) != 0;
            int se = bx->se;
            for (int q = 0; q < bx->nops; q++)
                if (bx->ops[q].note == num && bx->ops[q].se > 0) {
                    se = bx->ops[q].se;
                    if (m->se.v[se].type == SE_LINK && m->se.v[se].parent >= 0)
                        se = m->se.v[se].parent;
                    break;
                }
            note_parent[num - 1] = se;
        }
    int *note_after = ARENA_ARRAY(&m->rp->arena, int, nn);
    for (int i = 0; i < nn; i++)
        header_note(m, &note_parent[i], &note_after[i]);
    for (int i = 0; i < nn; i++) {
        Note *note = &m->flow->notes[i];
        note->number = i + 1;
        note->first = m->note_boxes.n;
        if (!nodes[i])
            continue;
        Pieces ps = { 0 };
        text_pieces(m, nodes[i], st, &ps);
        const Layout *L = m->lay;
        int32_t width = turned[i] ? L->page_h - L->margin_left - L->margin_right : m->flow->width;
        Lines ls = text_break(m, ps.v, ps.n, st, width - hang, ALIGN_LEFT, false);
        say_chopped(m, nodes[i], &ls);
        int se_note = se_new(m, SE_NOTE, note_parent[i]);
        m->se.v[se_note].after = note_after[i];
        LinkRun run = { 0 };
        for (int k = 0; k < ls.n; k++) {
            Box b = { 0 };
            b.h = ls.v[k].h;
            b.table = -1;
            b.note = i + 1;
            b.note_start = k == 0;
            b.se = se_note;
            int extra = k == 0 ? 1 : 0;
            b.nops = ls.v[k].nops + extra;
            b.ops = ARENA_ARRAY(&m->rp->arena, Op, b.nops);
            for (int q = 0; q < ls.v[k].nops; q++) {
                b.ops[q + extra] = ls.v[k].ops[q];
                b.ops[q + extra].x += hang;
            }
            if (extra) {
                const char *label = arena_printf(&m->rp->arena, "%d", m->note_label[i]);
                Op num = op_text(m, label, (int)strlen(label), FACE(st->family, st->variant),
                                 st->size * 75 / 100, st->color);
                num.y = base - st->size * 30 / 100;
                num.tail = TAIL_SPACE; /* "2 LVM Lagen om ...", not "2LVM" */
                b.ops[0] = num;        /* the number first: it reads first */
            }
            se_links(m, b.ops, b.nops, se_note, &run);
            VEC_PUSH(&m->rp->arena, m->note_boxes, b);
        }
        note->n = m->note_boxes.n - note->first;
    }
}

/* ---- driver ------------------------------------------------------------- */

int measure_load_fonts(Rp *rp, const Layout *lay, Font **faces)
{
    for (int fam = 0; fam < lay->nfamilies; fam++)
        for (int v = 0; v < 4; v++) {
            /* variants sharing a file share the Font */
            Font *same = NULL;
            for (int k = 0; k < fam * 4 + v && !same; k++)
                if (faces[k] && strcmp(faces[k]->path, lay->families[fam].path[v]) == 0)
                    same = faces[k];
            faces[FACE(fam, v)] = same ? same : font_load(rp, lay->families[fam].path[v], lay->path,
                                                            lay->families[fam].line, lay->families[fam].col);
            if (!faces[FACE(fam, v)])
                return -1;
        }
    return 0;
}

static void free_hyphenator(void *h) { hyphen_free(h); }

Hyphenator *measure_hyphenator(Rp *rp, const Layout *lay)
{
    if (!lay->hyphen_dict)
        return NULL;
    char key[4300];
    bool shared = rp->engine && engine_file_key(lay->hyphen_dict, key, sizeof key - 40);
    if (shared) {
        snprintf(key + strlen(key), 40, "|%d|%d", lay->hyphen_left, lay->hyphen_right);
        Hyphenator *h = engine_lookup(rp->engine, "hyphenation", key);
        if (h)
            return h;
    }
    Hyphenator *h = hyphen_load(lay->hyphen_dict, lay->hyphen_left, lay->hyphen_right);
    if (!h)
        diag_warn(&rp->diags, lay->path, 0, 0,
                  _("hyphenation dictionary %s cannot be read, or is not an ISO 8859-1 .dic file "
                  "of standard patterns; words will not be hyphenated"), lay->hyphen_dict);
    if (h) {
        arena_on_free(shared ? engine_arena(rp->engine) : &rp->arena, free_hyphenator, h);
        if (shared)
            engine_store(rp->engine, "hyphenation", key, h);
    }
    return h;
}

/* The cover and the contents, measured once the body has named every
 * heading, put before the body: the boxes, and the anchors and tables
 * that point into the body moved by the front's length. The front
 * places no anchor of its own (a contents entry links to its heading's),
 * so every placed anchor is the body's, but for one still waiting when
 * the body ends (an empty last paragraph with an id): the front's first
 * box takes it, and it moves to the body's first box, not its last.
 * Returns the front's length. */
static int front_first(M *m, Flow *f)
{
    Box *front = NULL;
    int nfront = 0;
    int nbody = m->boxes.n;
    Box *body = m->boxes.v;
    m->boxes.v = NULL;
    m->boxes.n = m->boxes.cap = 0;
    measure_front(m, f->width, &front, &nfront);
    if (nbody > 0 && nfront > 0)
        body[0].flags |= BOX_NEW_PAGE;
    f->nboxes = nfront + nbody;
    f->boxes = ARENA_ARRAY(&m->rp->arena, Box, f->nboxes > 0 ? f->nboxes : 1);
    if (nfront)
        memcpy(f->boxes, front, sizeof(Box) * (size_t)nfront);
    if (nbody)
        memcpy(f->boxes + nfront, body, sizeof(Box) * (size_t)nbody);
    for (int i = 0; i < m->anchors.n; i++)
        if (m->anchors.v[i].box >= 0)
            m->anchors.v[i].box += nfront;
    return nfront;
}

/* What the flow keeps of M, and M's scratch freed. */
static void hand_over(M *m, Flow *f, int nfront)
{
    f->anchors = m->anchors.v;
    f->nanchors = m->anchors.n;
    f->headings = m->headings.v;
    f->nheadings = m->headings.n;
    f->box_notes = m->box_notes.v;
    f->nbox_notes = m->box_notes.n;
    f->note_boxes = m->note_boxes.v;
    f->nnote_boxes = m->note_boxes.n;
    f->se = m->se.v;
    f->nse = m->se.n;
    table_flow(m, f, nfront);
    free(m->items);
    free(m->iref);
    free(m->ioff);
    free(m->ilen);
    free(m->breaks);
    free(m->scratch);
    free(m->sbuf);
}

/* The report's facts with their words as printed: the bookmarks, the
 * viewer's title bar and the running header had "jan-aug" and straight
 * quotes where the cover has "jan–aug" and ”…”. */
static void printed_meta(M *m, Meta *out)
{
    *out = m->rep->meta;
    const char **words[] = { &out->title, &out->subtitle, &out->organisation, &out->department,
                             &out->running_title, &out->author };
    for (size_t i = 0; i < sizeof words / sizeof *words; i++)
        *words[i] = text_printed_str(m, *words[i]);
}

Flow *measure_document(Rp *rp, const Report *rep, const Layout *lay)
{
    M mm = { 0 };
    M *m = &mm;
    m->rp = rp;
    m->rep = rep;
    m->lay = lay;
    Flow *f = ARENA_NEW(&rp->arena, Flow);
    m->flow = f;
    map_init(&m->node_anchor, &rp->arena, 0);
    map_init(&m->missing, &rp->arena, 0);
    se_new(m, SE_DOCUMENT, -1);          /* element 0 */
    m->toc_levels = lay->toc_levels;
    m->text_h = lay->page_h - lay->margin_top - lay->margin_bottom;
    for (const Node *c = rep->root->first; c; c = c->next)
        if (c->kind == N_CONTENTS && c->u.contents.levels > 0)
            m->toc_levels = c->u.contents.levels;
    f->layout = lay;
    f->report = rep;
    f->width = lay->page_w - lay->margin_left - lay->margin_right;
    if (measure_load_fonts(rp, lay, f->faces) != 0)
        return NULL;
    m->hyph = measure_hyphenator(rp, lay);
    m->ahead = ahead_start(rp, rep, lay, f->faces, m->hyph);
    text_check_furniture(m);

    m->note_label = ARENA_ARRAY(&rp->arena, int, rep->nfootnotes + 1);
    int counter = 0;
    number_notes(m, rep->root, &counter);
    table_grids(m, rep->root);
    text_find_names(m, rep->root);
    measure_blocks(m, rep->root, 0, f->width);
    printed_meta(m, &f->meta);
    anchors_at_end(m);
    measure_notes(m);
    int nfront = front_first(m, f);
    ahead_stop(m->ahead);
    m->ahead = NULL;
    hand_over(m, f, nfront);
    flow_check(f);
    /* measuring read what it needed of the fonts and the dictionary;
     * what drawing needs (new words, the outlines to subset) is read
     * again */
    for (int k = 0; k < FACE_COUNT; k++)
        if (f->faces[k])
            font_release(f->faces[k]);
    compound_release();
    hyphen_release();
    free(m->hcache);
    m->hcache = NULL;
    return f;
}
