/*
 * paginate.c - boxes -> pages (paginate stage).
 *
 * Design notes
 *  The page builder is greedy with backtracking over keep chains:
 *  boxes are stacked until the next one (with the footnotes its lines
 *  mark) does not fit; then the break goes before the longest run of
 *  boxes joined by BOX_KEEP_NEXT that ends at that box, and those boxes
 *  move to the next page. Each box is moved at most once per page it
 *  could start, so the work is linear in the boxes for chains shorter
 *  than a page.
 *
 *  Footnotes are handled line by line, as TeX does. A box that marks
 *  notes brings all their lines into the page's footnote area if they
 *  fit. A long note (more than three lines) whose first two lines still
 *  fit is split, two lines at least on each page: what does not fit is
 *  carried over, and the next page's footnote area starts with it. A
 *  short note never splits; its mark's line moves to the next page
 *  instead.
 *
 *  Invariants:
 *   1. A page never ends between two boxes joined by BOX_KEEP_NEXT,
 *      unless the whole chain is longer than the page (then it breaks at
 *      the last box that fits: content is never lost or overprinted).
 *   2. Every footnote starts on the page of its first mark, below the
 *      text, above the bottom margin; the text shrinks to make room. Its
 *      lines stay in order; a continued note goes on at the top of the
 *      next page's notes.
 *   3. A table continued on a new page starts with its header rows.
 *   4. Space before a box (Box.before) is dropped at the top of a page.
 *
 *  The table of contents needs no second pass: its page numbers are set
 *  in a column of fixed width, so its length does not depend on them
 *  (measure/front.c). The anchors' pages are read off once at the end.
 */
#include "paginate.h"
#include "../base/limits.h"
#include "../base/utf8.h"
#include "../model/numfmt.h"
#include "../base/i18n.h"

#include <assert.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef const Box *BoxRef;
typedef VEC(BoxRef) BoxRefs;

typedef struct PB {
    Rp          *rp;
    const Flow  *flow;
    const Layout *lay;
    VEC(Page)    pages;
    VEC(Placed)  items;       /* the page being built */
    VEC(int)     item_notes;  /* per item: footnotes it started on the page */
    VEC(int)     item_lines;  /* per item: note lines it put on the page */
    VEC(int)     item_carry;  /* per item: note lines it carried to the next page */
    VEC(int)     notes;       /* footnote numbers started on the page, in order */
    BoxRefs      lines;       /* note lines on the page, in order */
    BoxRefs      carry;       /* note lines continued on the next page */
    int32_t      y;           /* bottom of the last placed box */
    int32_t      notes_h;     /* height of the footnote area (0: none) */
    int          *note_page;  /* per footnote: page index it starts on, -1 */
    int          *box_page;
    int32_t      *box_y;
    int          content;     /* items on the page that are not repeats */
    bool         landscape;   /* the page being built is turned */
} PB;

static int32_t note_sep(const PB *b)
{
    return b->lay->styles[ST_FOOTNOTE].leading;
}

static int32_t top_of(const PB *b) { return b->lay->margin_top; }
/* The paper's height and width as the page being built stands. */
static int32_t paper_h(const PB *b) { return b->landscape ? b->lay->page_w : b->lay->page_h; }
static int32_t bottom_of(const PB *b) { return paper_h(b) - b->lay->margin_bottom; }

/* The note lines box would bring: those of its notes not started yet. */
static void new_lines(const PB *b, const Box *box, BoxRefs *out, int *nnotes, int32_t *first_h,
                      int *first_n)
{
    out->n = 0;
    *nnotes = 0;
    *first_h = 0;
    *first_n = 0;
    for (int k = 0; k < box->nnotes; k++) {
        int num = b->flow->box_notes[box->note_first + k];
        if (num < 1 || num > b->flow->nnotes || b->note_page[num - 1] >= 0)
            continue;
        bool dup = false;
        for (int q = 0; q < k; q++)
            dup |= b->flow->box_notes[box->note_first + q] == num;
        if (dup)
            continue;
        const Note *n = &b->flow->notes[num - 1];
        for (int q = 0; q < n->n; q++) {
            VEC_PUSH(&b->rp->arena, *out, &b->flow->note_boxes[n->first + q]);
            if (*nnotes == 0)
                *first_h += b->flow->note_boxes[n->first + q].h;
        }
        if (*nnotes == 0)
            *first_n = n->n;
        (*nnotes)++;
    }
}

static int32_t lines_h(const BoxRefs *l, int from, int to)
{
    int32_t h = 0;
    for (int k = from; k < to; k++)
        h += l->v[k]->h;
    return h;
}

/* Put note lines on the page (as many of `l` as `room` allows when
 * room >= 0, else all); the rest goes to the carry. Returns how many
 * went on the page. */
static int take_lines(PB *b, const BoxRefs *l, int32_t room)
{
    int on = 0;
    for (int k = 0; k < l->n; k++) {
        int32_t need = l->v[k]->h + (b->lines.n ? 0 : note_sep(b));
        if (b->carry.n == 0 && (room < 0 || need <= room)) {
            if (!b->lines.n)
                b->notes_h += note_sep(b);
            VEC_PUSH(&b->rp->arena, b->lines, l->v[k]);
            b->notes_h += l->v[k]->h;
            if (room >= 0)
                room -= need;
            on++;
        } else {
            VEC_PUSH(&b->rp->arena, b->carry, l->v[k]);
        }
    }
    return on;
}

/* Place a box; `room` limits its note lines as in take_lines. */
static void place_notes(PB *b, const Box *box, int index, int32_t gap, bool repeat, int32_t room)
{
    Placed p = { box, b->lay->margin_left, b->y + gap, index, repeat };
    VEC_PUSH(&b->rp->arena, b->items, p);
    b->y += gap + box->h;
    int started = 0, on = 0, carried = 0;
    if (!repeat) {
        b->content++;
        BoxRefs l = { 0 };
        int nn;
        int32_t fh;
        int fn;
        new_lines(b, box, &l, &nn, &fh, &fn);
        for (int k = 0; k < box->nnotes; k++) {
            int num = b->flow->box_notes[box->note_first + k];
            if (num < 1 || num > b->flow->nnotes || b->note_page[num - 1] >= 0)
                continue;
            b->note_page[num - 1] = b->pages.n;
            VEC_PUSH(&b->rp->arena, b->notes, num);
            started++;
        }
        int before_carry = b->carry.n;
        on = take_lines(b, &l, room);
        carried = b->carry.n - before_carry;
    }
    VEC_PUSH(&b->rp->arena, b->item_notes, started);
    VEC_PUSH(&b->rp->arena, b->item_lines, on);
    VEC_PUSH(&b->rp->arena, b->item_carry, carried);
}

static void place(PB *b, const Box *box, int index, int32_t gap, bool repeat)
{
    place_notes(b, box, index, gap, repeat, -1);
}

/* Take the last item off the page. */
static void unplace(PB *b)
{
    Placed p = b->items.v[--b->items.n];
    int started = b->item_notes.v[--b->item_notes.n];
    int on = b->item_lines.v[--b->item_lines.n];
    int carried = b->item_carry.v[--b->item_carry.n];
    for (int k = 0; k < started; k++)
        b->note_page[b->notes.v[--b->notes.n] - 1] = -1;
    for (int k = 0; k < on; k++)
        b->notes_h -= b->lines.v[--b->lines.n]->h;
    b->carry.n -= carried;
    if (!b->lines.n)
        b->notes_h = 0;
    if (!p.repeat)
        b->content--;
    b->y = b->items.n ? b->items.v[b->items.n - 1].y + b->items.v[b->items.n - 1].box->h : top_of(b);
}

/* A new page begins with the note lines carried over, up to four fifths
 * of the page; what is still left waits for the next. */
static void take_carry(PB *b)
{
    if (!b->carry.n)
        return;
    BoxRefs left = b->carry;
    b->carry.v = NULL;
    b->carry.n = b->carry.cap = 0;
    int32_t room = (bottom_of(b) - top_of(b)) * 4 / 5;
    take_lines(b, &left, room);
}

/* A spanning cell's text drawn again at the top of a page (repeat_header)
 * stays where the table's rows under it on the page are as tall as it:
 * on a narrow page it ran past the last row and the margin. */
static void drop_again(Page *pg)
{
    static const Box none = { .table = -1 };
    for (int k = 0; k < pg->n; k++) {
        const Box *o = pg->items[k].box;
        if (!(o->flags & BOX_AGAIN))
            continue;
        int32_t bottom = pg->items[k].y;
        for (int q = k + 1; q < pg->n && (pg->items[q].box->flags & BOX_TABLE_ROW) && pg->items[q].box->table == o->table;
             q++)
            bottom = pg->items[q].y + pg->items[q].box->h;
        if (pg->items[k].y + o->again_h > bottom)
            pg->items[k].box = &none;
    }
}

static void flush(PB *b, bool full)
{
    if (!b->items.n && !b->lines.n)
        return;
    Page pg = { 0 };
    pg.items = ARENA_ARRAY(&b->rp->arena, Placed, b->items.n + b->lines.n + 1);
    memcpy(pg.items, b->items.v, sizeof(Placed) * (size_t)b->items.n);
    pg.n = b->items.n;
    pg.full = full;
    pg.landscape = b->landscape;
    pg.number = b->pages.n + 1;
    drop_again(&pg);
    for (int k = 0; k < b->items.n; k++)
        if (b->items.v[k].index >= 0 && !b->items.v[k].repeat) {
            b->box_page[b->items.v[k].index] = b->pages.n;
            b->box_y[b->items.v[k].index] = b->items.v[k].y;
        }
    /* footnotes at the bottom, under a short rule */
    if (b->lines.n) {
        int32_t y = bottom_of(b) - b->notes_h;
        int32_t sep = note_sep(b);
        Op *rule = ARENA_NEW(&b->rp->arena, Op);
        rule->kind = OP_RULE;
        rule->x = b->lay->margin_left;
        rule->y = y + sep / 2;
        rule->w = b->lay->footnote_rule_width;
        rule->h = 500;
        rule->color = 0x1A1A1A;
        rule->anchor = -1;
        rule->se = SE_ARTIFACT;
        pg.deco = rule;
        pg.ndeco = 1;
        y += sep;
        for (int k = 0; k < b->lines.n; k++) {
            Placed p = { b->lines.v[k], b->lay->margin_left, y, -1, false };
            pg.items[pg.n++] = p;
            y += b->lines.v[k]->h;
        }
    }
    VEC_PUSH(&b->rp->arena, b->pages, pg);
    b->items.n = 0;
    b->item_notes.n = 0;
    b->item_lines.n = 0;
    b->item_carry.n = 0;
    b->notes.n = 0;
    b->lines.n = 0;
    b->notes_h = 0;
    b->content = 0;
    b->y = top_of(b);
}

/* Repeat, on a page that box i starts, what the table it continues
 * shows again: its caption with "(forts.)", its header rows, and the
 * subheader row and the group row the rows below box i belong to. */
static void repeat_header(PB *b, int i)
{
    const Flow *f = b->flow;
    const Box *box = &f->boxes[i];
    if (!(box->flags & BOX_TABLE_ROW) || box->table < 0 || box->table >= f->ntables)
        return;
    int t = box->table;
    int h0 = f->table_head[t], hn = f->table_nhead[t];
    int first = h0 >= 0 ? h0 : i;
    if (i <= first)
        return;
    if (f->table_cont && f->table_cont[t].h > 0 && f->table_cap[t] >= 0)
        place(b, &f->table_cont[t], f->table_cap[t], 0, true);
    for (int k = 0; h0 >= 0 && k < hn; k++)
        place(b, &f->boxes[h0 + k], h0 + k, 0, true);
    /* the one further up first: a group inside a subheader goes under
     * it, a group a subheader is a part of over it (table.c) */
    int near = box->sub, far = box->group;
    if (near > far) {
        near = box->group;
        far = box->sub;
    }
    if (far > 0 && i - far > first)
        place(b, &f->boxes[i - far], i - far, 0, true);
    if (near > 0 && near != far && i - near > first)
        place(b, &f->boxes[i - near], i - near, 0, true);
    /* the text of a cell spanning the row from above, over the row */
    if (box->nagain) {
        Box *again = ARENA_NEW(&b->rp->arena, Box);
        *again = (Box){ .ops = (Op *)box->again, .nops = box->nagain, .se = box->se, .table = box->table,
                        .flags = BOX_AGAIN, .again_h = box->again_h };
        place(b, again, i, 0, true);
    }
}

static const char *field(PB *b, const char *name, size_t n, int page, int pages)
{
    const Meta *m = &b->flow->meta;
    #define IS(s) (n == strlen(s) && strncmp(name, s, n) == 0)
    if (IS("page")) return arena_printf(&b->rp->arena, "%d", page);
    if (IS("pages")) return arena_printf(&b->rp->arena, "%d", pages);
    if (IS("title")) return m->title;
    if (IS("subtitle")) return m->subtitle;
    if (IS("organisation")) return m->organisation;
    if (IS("department")) return m->department;
    if (IS("running-title")) return m->running_title;
    if (IS("date")) {
        char buf[64];
        numfmt_date(m->date, buf, sizeof buf);
        return m->date ? arena_strdup(&b->rp->arena, buf) : NULL;
    }
    if (IS("reference")) return m->reference;
    #undef IS
    return NULL;
}

static const char *expand(PB *b, const char *tpl, int page, int pages)
{
    if (!tpl || !*tpl)
        return NULL;
    size_t cap = 256, len = 0;
    char *out = arena_alloc(&b->rp->arena, cap);
    for (const char *p = tpl; *p;) {
        const char *piece = p;
        size_t plen = 1;
        if (*p == '{') {
            const char *e = strchr(p, '}');
            if (e) {
                piece = field(b, p + 1, (size_t)(e - p - 1), page, pages);
                plen = piece ? strlen(piece) : 0;
                p = e + 1;
            } else {
                p++;
            }
        } else {
            p++;
        }
        if (len + plen + 1 > cap) {
            while (len + plen + 1 > cap)
                cap *= 2;
            char *g = arena_alloc(&b->rp->arena, cap);
            memcpy(g, out, len);
            out = g;
        }
        if (plen)
            memcpy(out + len, piece, plen);
        len += plen;
    }
    out[len] = 0;
    return len ? out : NULL;
}

/* ---- running header and footer ------------------------------------------
 *
 * Each line has three parts: left from the left margin, centre centred on
 * the text column, right ending at the right margin. They never overprint:
 * parts keep at least one em (the style's size) apart, and when they
 * would not, the longest are shortened with an ellipsis, all to one cap,
 * the largest that lets them fit (the shorter parts stay whole). A part
 * is cut after a whole word where that keeps at least half of its room,
 * else inside a word; what is measured is what is drawn (font_text_width
 * on the shortened text, ellipsis included). Each part shortened is
 * warned about once per report.
 */

/* Whether parts of widths w (0: none) keep `gap` apart in `room`, the
 * centre one centred. */
static bool parts_fit(const int32_t w[3], int32_t room, int32_t gap)
{
    if (w[0] > room || w[1] > room || w[2] > room)
        return false;
    if (w[1] > 0) {
        int64_t side = (int64_t)room - w[1];       /* twice the room each side of the centre */
        return (w[0] == 0 || 2 * ((int64_t)w[0] + gap) <= side) &&
               (w[2] == 0 || 2 * ((int64_t)w[2] + gap) <= side);
    }
    return w[0] == 0 || w[2] == 0 || (int64_t)w[0] + gap + w[2] <= room;
}

/* The largest cap on the parts' widths that lets them fit (the widest
 * part's width when they fit as they are). */
static int32_t parts_cap(const int32_t w[3], int32_t room, int32_t gap)
{
    int32_t hi = w[0] > w[1] ? w[0] : w[1];
    if (w[2] > hi)
        hi = w[2];
    if (parts_fit(w, room, gap))
        return hi;
    int32_t lo = 0;        /* lo fits (or nothing does), hi does not */
    while (hi - lo > 100) {
        int32_t mid = lo + (hi - lo) / 2, c[3];
        for (int s = 0; s < 3; s++)
            c[s] = w[s] < mid ? w[s] : mid;
        if (parts_fit(c, room, gap))
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* How many bytes at the end of s[0..n) go before an ellipsis: a space,
 * a comma, a dash ... (0: none). */
static size_t trailing_punct(const char *s, size_t n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n >= 1 && strchr(" ,;:-(", u[n - 1]) && u[n - 1])
        return 1;
    if (n >= 2 && u[n - 2] == 0xC2 && u[n - 1] == 0xA0)          /* no-break space */
        return 2;
    if (n >= 3 && u[n - 3] == 0xE2 && u[n - 2] == 0x80 && (u[n - 1] == 0x93 || u[n - 1] == 0x94))
        return 3;                                               /* en or em dash */
    return 0;
}

/* s[0..n) with `tail` appended, in the arena. */
static char *with_tail(PB *b, const char *s, size_t n, const char *tail)
{
    size_t t = strlen(tail);
    char *o = arena_alloc(&b->rp->arena, n + t + 1);
    memcpy(o, s, n);
    memcpy(o + n, tail, t + 1);
    return o;
}

/* Among the cut points cuts[0..n) (increasing byte offsets into s), the
 * last one at which s cut there plus `tail` is at most max wide; -1. */
static int last_cut(PB *b, const Font *f, int32_t size, const char *s, const size_t *cuts, int n,
                    const char *tail, int32_t max)
{
    int lo = -1, hi = n;             /* lo fits, hi does not */
    while (hi - lo > 1) {
        int mid = (lo + hi) / 2;
        const char *t = with_tail(b, s, cuts[mid], tail);
        if (font_text_width(f, t, strlen(t), size) <= max)
            lo = mid;
        else
            hi = mid;
    }
    return lo;
}

/* txt shortened with an ellipsis to at most `max` wide (txt itself if it
 * is). Swedish style: after whole words the ellipsis stands after a
 * (no-break) space, after part of a word it follows the letters. */
static const char *shorten(PB *b, const Font *f, int32_t size, const char *txt, int32_t max)
{
    size_t n = strlen(txt);
    if (font_text_width(f, txt, n, size) <= max)
        return txt;
    const char *ell = font_glyph(f, 0x2026) ? "\xE2\x80\xA6" : "...";
    const char *word_ell = font_glyph(f, 0x2026) ? "\xC2\xA0\xE2\x80\xA6" : "\xC2\xA0...";
    size_t *words = ARENA_ARRAY(&b->rp->arena, size_t, n + 1);
    size_t *chars = ARENA_ARRAY(&b->rp->arena, size_t, n + 1);
    int nw = 0, nc = 0;
    for (size_t i = 0; i < n;) {
        size_t at = i;
        uint32_t cp = utf8_next(txt, n, &i);
        if (at > 0)
            chars[nc++] = at;
        if (cp == ' ' && at > 0) {
            size_t e = at, t;
            while (e > 0 && (t = trailing_punct(txt, e)) > 0)
                e -= t;
            if (e > 0 && (nw == 0 || words[nw - 1] < e))
                words[nw++] = e;
        }
    }
    int k = last_cut(b, f, size, txt, words, nw, word_ell, max);
    if (k >= 0) {
        const char *t = with_tail(b, txt, words[k], word_ell);
        if (font_text_width(f, t, strlen(t), size) >= max / 2)
            return t;
    }
    k = last_cut(b, f, size, txt, chars, nc, ell, max);
    return with_tail(b, txt, k >= 0 ? chars[k] : 0, ell);
}

/* The field a template is made of, when it is one field of <meta> alone
 * ("{title}"): its META_ index, else -1. */
static int template_meta(const char *tpl, const char **name)
{
    static const char *const fields[] = { "{title}", "{subtitle}", "{organisation}", "{department}",
                                          "{date}", "{reference}", "{running-title}" };
    static const int index[] = { META_TITLE, META_SUBTITLE, META_ORGANISATION, META_DEPARTMENT,
                                 META_DATE, META_REFERENCE, META_RUNNING_TITLE };
    for (size_t k = 0; k < sizeof fields / sizeof *fields; k++)
        if (strcmp(tpl, fields[k]) == 0) {
            *name = fields[k];
            return index[k];
        }
    *name = NULL;
    return -1;
}

/* The <meta> field a template shows, in words ("the title"), by its
 * META_ index. */
static const char *field_words(int mi)
{
    switch (mi) {
    case META_TITLE:         return _("the title");
    case META_SUBTITLE:      return _("the subtitle");
    case META_ORGANISATION:  return _("the organisation's name");
    case META_DEPARTMENT:    return _("the department's name");
    case META_DATE:          return _("the date");
    case META_REFERENCE:     return _("the reference number");
    default:                 return _("the running title");
    }
}

static void warn_shortened(PB *b, int hf, int part, const char *shown)
{
    static const char *const where[] = { "left", "center", "right" };
    const Report *r = b->flow->report;
    const char *tpl = (hf ? b->lay->footer : b->lay->header)[part];
    const char *name;
    int mi = template_meta(tpl, &name);
    const char *line = hf ? "footer" : "header";           /* the layout's element */
    const char *place = hf ? _("the footer") : _("the header");
    if (mi >= 0) {
        char field[32];
        snprintf(field, sizeof field, "%.*s", (int)strlen(name) - 2, name + 1);
        diag_warn(&b->rp->diags, r->file, r->meta.line[mi], r->meta.col[mi],
                  _("%s does not fit in %s; it is shortened there to \"%s\""), field_words(mi), place, shown);
        if (mi == META_TITLE && r->meta.running_title && *r->meta.running_title)
            diag_hint(&b->rp->diags, _("write a shorter <running-title>: %s shows it where the title does not fit, "
                                       "but it does not fit either"), place);
        else if (mi == META_TITLE)  /* (not the layout: it is the municipality's, and need not change) */
            diag_hint(&b->rp->diags, _("write a shorter <title>, or a short one in <meta> as "
                                       "<running-title>...</running-title>: %s shows that where the title does "
                                       "not fit"), place);
        else
            diag_hint(&b->rp->diags, _("write a shorter <%s>, or show another field there: change the layout's "
                                       "<%s %s=\"%s\">"), field, line, where[part], tpl);
    } else {
        diag_warn(&b->rp->diags, r->file, 0, 0, _("the text \"%s\" does not fit in %s; it is shortened there to \"%s\""),
                  tpl, place, shown);
        diag_hint(&b->rp->diags, _("shorten <%s %s=\"%s\"> in the layout"), line, where[part], tpl);
    }
}

static void running(PB *b, Page *pg, int pages, bool warned[2][3])
{
    const Layout *L = b->lay;
    int32_t paper_w = pg->landscape ? L->page_h : L->page_w;
    int32_t paper_hh = pg->landscape ? L->page_w : L->page_h;
    VEC(Op) ops = { 0 };
    for (int k = 0; k < pg->ndeco; k++)
        VEC_PUSH(&b->rp->arena, ops, pg->deco[k]);
    for (int hf = 0; hf < 2; hf++) {
        const Style *st = &L->styles[hf ? ST_FOOTER : ST_HEADER];
        const char *const *slots = hf ? L->footer : L->header;
        int32_t y = hf ? paper_hh - L->footer_y : L->header_y;
        const Font *f = b->flow->faces[FACE(st->family, st->variant)];
        int32_t left = L->margin_left, right = paper_w - L->margin_right;
        const char *txt[3];
        int32_t w[3];
        for (int s = 0; s < 3; s++) {
            txt[s] = expand(b, slots[s], pg->number, pages);
            w[s] = txt[s] ? font_text_width(f, txt[s], strlen(txt[s]), st->size) : 0;
        }
        int32_t cap = parts_cap(w, right - left, st->size);
        for (int s = 0; s < 3; s++) {
            /* the title too long for its place, where the report has a
             * short one: that, whole, not the title cut short ("…
             * internkontrollplan och miljöbokslut …" in every footer: a
             * typographer) */
            const char *name, *shorter = txt[s] && w[s] > cap ? b->flow->meta.running_title : NULL;
            if (shorter && *shorter && template_meta(slots[s], &name) == META_TITLE &&
                font_text_width(f, shorter, strlen(shorter), st->size) <= cap) {
                txt[s] = shorter;
                w[s] = font_text_width(f, shorter, strlen(shorter), st->size);
            }
            if (txt[s] && w[s] > cap) {
                txt[s] = shorten(b, f, st->size, txt[s], cap);
                w[s] = font_text_width(f, txt[s], strlen(txt[s]), st->size);
                if (!warned[hf][s])
                    warn_shortened(b, hf, s, txt[s]);
                warned[hf][s] = true;
            }
        }
        bool any = false;
        for (int s = 0; s < 3; s++) {
            if (!txt[s])
                continue;
            any = true;
            Op o = { 0 };
            o.kind = OP_TEXT;
            o.face = FACE(st->family, st->variant);
            o.size = st->size;
            o.color = st->color;
            o.s = txt[s];
            o.len = (int)strlen(txt[s]);
            o.w = w[s];
            o.x = s == 0 ? left : s == 1 ? (left + right - o.w) / 2 : right - o.w;
            o.y = y;
            o.anchor = -1;
            o.se = SE_ARTIFACT;         /* running header and footer */
            VEC_PUSH(&b->rp->arena, ops, o);
        }
        bool rule = hf ? L->footer_rule : L->header_rule;
        if (any && rule) {
            Op r = { 0 };
            r.kind = OP_RULE;
            r.x = L->margin_left;
            r.w = paper_w - L->margin_left - L->margin_right;
            r.y = hf ? y - st->size - 2000 : y + 4000;
            r.h = 400;
            r.color = L->rule_color;
            r.anchor = -1;
            r.se = SE_ARTIFACT;
            VEC_PUSH(&b->rp->arena, ops, r);
        }
    }
    pg->deco = ops.v;
    pg->ndeco = ops.n;
}

/* ---- cross-references -----------------------------------------------------
 *
 * A <ref>'s page number is measured as three digits: measuring cannot
 * know it. Once the pages are known, each is set as wide as its number
 * and the rest of its line closes up (left-aligned text: what follows
 * moves left, "på sidan 3."; right-aligned: what precedes moves right;
 * centred: both, half each), on a copy of the box for its page: the flow
 * is not touched. Lines only get shorter (numbers up to 999), so no line
 * is broken again and no page changes: no second pass is needed. The
 * contents' numbers stand right-aligned in a column of their own and do
 * not move.
 */
static void fit_pagenums(PB *b, Pages *pg)
{
    for (int pi = 0; pi < pg->n; pi++)
        for (int k = 0; k < pg->v[pi].n; k++) {
            Placed *pl = &pg->v[pi].items[k];
            Op *ops = NULL;
            int n = pl->box->nops;
            for (int q = 0; q < n; q++) {
                const Op *o = &(ops ? ops : pl->box->ops)[q];
                if (o->kind != OP_PAGENUM || o->right || o->w <= 0 || o->anchor < 0 ||
                    o->anchor >= b->flow->nanchors || pg->anchor_page[o->anchor] < 0)
                    continue;
                char num[16];
                snprintf(num, sizeof num, "%d", pg->v[pg->anchor_page[o->anchor]].number);
                int32_t real = font_text_width(b->flow->faces[o->face], num, strlen(num), o->size);
                int32_t d = o->w - real;
                if (d == 0)
                    continue;
                if (!ops) {
                    Box *copy = ARENA_NEW(&b->rp->arena, Box);
                    *copy = *pl->box;
                    ops = ARENA_ARRAY(&b->rp->arena, Op, n);
                    memcpy(ops, pl->box->ops, sizeof(Op) * (size_t)n);
                    copy->ops = ops;
                    pl->box = copy;
                }
                int32_t before = ops[q].line_align == ALIGN_RIGHT ? d
                               : ops[q].line_align == ALIGN_CENTER ? d / 2 : 0;
                int32_t after = before - d;
                for (int z = q - ops[q].line_before; z < q; z++)
                    if (z >= 0)
                        ops[z].x += before;
                for (int z = q + 1; z <= q + ops[q].line_after && z < n; z++)
                    ops[z].x += after;
                ops[q].x += before;
                ops[q].w = real;
                /* its link, made just before it (perhaps over the words
                 * of its reference before and after it too: "Mål (s. 2)") */
                if (q > 0 && ops[q - 1].kind == OP_LINK && ops[q - 1].anchor == ops[q].anchor)
                    ops[q - 1].w -= d;
            }
        }
}

/* A full-page box (the cover): a page of its own. */
static void full_page(PB *b, const Box *box, int i)
{
    flush(b, false);
    Placed p = { box, 0, 0, i, false };
    VEC_PUSH(&b->rp->arena, b->items, p);
    VEC_PUSH(&b->rp->arena, b->item_notes, 0);
    VEC_PUSH(&b->rp->arena, b->item_lines, 0);
    VEC_PUSH(&b->rp->arena, b->item_carry, 0);
    b->content = 1;
    flush(b, true);
}

/* Place box i on the current page with the space `gap` above it, if it
 * fits with its notes, or with the first line of a long first note (the
 * rest goes on), or because the page has nothing else (then whatever
 * does not fit runs past the bottom, with a warning). False if it must
 * go to the next page. */
static bool fit_box(PB *b, const Box *box, int i, int32_t gap)
{
    BoxRefs l = { 0 };
    int nn, fn;
    int32_t fh;
    new_lines(b, box, &l, &nn, &fh, &fn);
    int32_t all = lines_h(&l, 0, l.n) + (l.n && !b->lines.n ? note_sep(b) : 0);
    int32_t free_h = bottom_of(b) - b->notes_h - b->y - gap - box->h;
    /* notes must not start behind others continued to the next page */
    if ((l.n == 0 || b->carry.n == 0) && all <= free_h) {
        place(b, box, i, gap, false);
        return true;
    }
    /* The box fits, but not all its notes: a long first note splits
     * (its first line stays with the mark), and so do all notes on
     * a page that has nothing else. */
    int32_t sep = b->lines.n ? 0 : note_sep(b);
    int32_t first_line = l.n ? l.v[0]->h + sep : 0;
    if (free_h >= 0 && l.n && b->carry.n == 0 && first_line <= free_h && !b->content) {
        place_notes(b, box, i, gap, false, free_h);
        return true;
    }
    /* ... two of its lines at least on each side, as a paragraph's: one
     * line stood alone at a page's foot, or went over alone, with no
     * number to say what it is (a typographer) */
    if (free_h >= 0 && l.n && b->carry.n == 0 && fn > 3 && lines_h(&l, 0, 2) + sep <= free_h) {
        int fit = 2;
        while (fit < fn && lines_h(&l, 0, fit + 1) + sep <= free_h)
            fit++;
        int32_t room = fit == fn - 1 ? lines_h(&l, 0, fn - 2) + sep : free_h;
        place_notes(b, box, i, gap, false, room);
        return true;
    }
    if (!b->content) {
        if (box->h > bottom_of(b) - top_of(b) - b->notes_h)
            diag_warn(&b->rp->diags, b->flow->report->file, 0, 0,
                      _("something on page %d is taller than the page and runs past its bottom"),
                      b->pages.n + 1);
        place_notes(b, box, i, gap, false, free_h > 0 ? free_h : 0);
        return true;
    }
    return false;
}

/* Where a page ends that the keep chain [j, i) would leave: at j, or,
 * where that leaves more than a quarter of the page empty, at the last
 * link of the chain that only a short table's keeping whole made
 * (BOX_KEEP_SOFT), its rows split there with the header repeated: a
 * 12-row table moved whole left a third of a page empty (a
 * typographer). The chain's other keeps hold: two rows at least on
 * each side, a sum with its rows. */
static int soft_break(const PB *b, int i, int j)
{
    const Flow *flow = b->flow;
    int32_t at = -1;                    /* where box j stands on the page */
    for (int k = 0; k < b->items.n; k++)
        if (b->items.v[k].index == j && !b->items.v[k].repeat)
            at = b->items.v[k].y;
    int32_t text_h = bottom_of(b) - top_of(b);
    if (at < 0 || (bottom_of(b) - b->notes_h - at) * 4 <= text_h)
        return j;
    for (int k = i; k > j; k--) {
        uint16_t f = flow->boxes[k - 1].flags;
        if (!(f & BOX_KEEP_NEXT))
            return j;                   /* (no chain here: cannot be) */
        if (f & BOX_KEEP_SOFT)
            return k;
    }
    return j;
}

/* The page ends before box i, or earlier if i is held by a keep chain
 * that starts on this page (not before min_start); what was placed from
 * there is taken back, and the page is made. Returns the box the next
 * page starts with. */
static int break_before(PB *b, int i, int min_start)
{
    const Flow *flow = b->flow;
    int j = i;
    while (j > min_start && (flow->boxes[j - 1].flags & BOX_KEEP_NEXT))
        j--;
    /* the first content item on this page */
    int first = -1;
    for (int k = 0; k < b->items.n; k++)
        if (!b->items.v[k].repeat) {
            first = b->items.v[k].index;
            break;
        }
    if (j <= first) {
        /* the chain fills the page: break inside it, at its last link
         * that only a table's keeping whole made, where it has one (its
         * other keeps hold: "varav" was left alone under the header of
         * a table of a page's height, whose every row was kept) */
        int k = i;
        while (k > first + 1 && (flow->boxes[k - 1].flags & BOX_KEEP_NEXT) &&
               !(flow->boxes[k - 1].flags & BOX_KEEP_SOFT))
            k--;
        j = k > first + 1 && (flow->boxes[k - 1].flags & BOX_KEEP_SOFT) ? k : i;
    } else if (j < i)
        j = soft_break(b, i, j);
    while (b->items.n && b->items.v[b->items.n - 1].index >= j && !b->items.v[b->items.n - 1].repeat)
        unplace(b);
    /* a page left holding only repeated header rows is no page */
    if (!b->content) {
        b->items.n = 0;
        b->item_notes.n = b->item_lines.n = b->item_carry.n = 0;
        b->y = top_of(b);
    }
    flush(b, false);
    return j;
}

/* Stack the boxes on pages, then give the notes continued past the last
 * page of text pages of their own. */
static void stack_boxes(PB *b)
{
    const Flow *flow = b->flow;
    int nb = flow->nboxes;
    int i = 0;
    int min_start = 0;     /* never backtrack past the first box of the current page */
    while (i < nb) {
        if (b->pages.n >= RP_MAX_PAGES) {
            diag_error(&b->rp->diags, flow->report->file, 0, 0,
                       _("the report would have more than %d pages"), RP_MAX_PAGES);
            break;
        }
        const Box *box = &flow->boxes[i];
        if (box->flags & BOX_FULL_PAGE) {
            full_page(b, box, i);
            min_start = ++i;
            continue;
        }
        if (((box->flags & BOX_NEW_PAGE) ||
             (b->content && !(box->flags & BOX_LANDSCAPE) != !b->landscape)) && b->content) {
            flush(b, false);
            min_start = i;
        }
        if (!b->items.n && !b->lines.n) {
            b->landscape = (box->flags & BOX_LANDSCAPE) != 0;
            take_carry(b);
            repeat_header(b, i);
        }
        if (fit_box(b, box, i, b->content ? box->before : 0)) {
            i++;
            continue;
        }
        i = min_start = break_before(b, i, min_start);
    }
    flush(b, false);
    for (int guard = 0; b->carry.n && guard < RP_MAX_PAGES; guard++) {
        take_carry(b);
        flush(b, false);
    }
}

/* Where each anchor stands: its box's page and place; a footnote's, where
 * its text starts, at the foot of a page. */
static void anchor_pages(PB *b, Pages *pg)
{
    const Flow *flow = b->flow;
    int nb = flow->nboxes;
    pg->anchor_page = ARENA_ARRAY(&b->rp->arena, int, flow->nanchors + 1);
    pg->anchor_y = ARENA_ARRAY(&b->rp->arena, int32_t, flow->nanchors + 1);
    for (int a = 0; a < flow->nanchors; a++) {
        int bx = flow->anchors[a].box;
        pg->anchor_page[a] = bx >= 0 && bx < nb ? b->box_page[bx] : -1;
        pg->anchor_y[a] = bx >= 0 && bx < nb ? b->box_y[bx] : 0;
    }
    bool notes = false;
    for (int a = 0; a < flow->nanchors && !notes; a++)
        notes = flow->anchors[a].note > 0;
    if (!notes)
        return;
    int nn = flow->nnotes;
    int *note_page = ARENA_ARRAY(&b->rp->arena, int, nn + 1);
    int32_t *note_y = ARENA_ARRAY(&b->rp->arena, int32_t, nn + 1);
    for (int k = 0; k <= nn; k++)
        note_page[k] = -1;
    for (int pi = 0; pi < pg->n; pi++)
        for (int k = 0; k < pg->v[pi].n; k++) {
            const Placed *pl = &pg->v[pi].items[k];
            int num = pl->box->note;
            if (num >= 1 && num <= nn && pl->box->note_start && note_page[num] < 0) {
                note_page[num] = pi;
                note_y[num] = pl->y;
            }
        }
    for (int a = 0; a < flow->nanchors; a++) {
        int num = flow->anchors[a].note;
        if (num >= 1 && num <= nn) {
            pg->anchor_page[a] = note_page[num];
            pg->anchor_y[a] = note_y[num];
        }
    }
}

void pages_check(const Pages *pg, bool whole)
{
    const Flow *flow = pg->flow;
    int next = 0;                   /* the flow box the next content item must be */
    int *mark_page = xmalloc(sizeof(int) * (size_t)(flow->nnotes + 1));
    for (int k = 0; k <= flow->nnotes; k++)
        mark_page[k] = -1;
    for (int pi = 0; pi < pg->n; pi++) {
        const Page *p = &pg->v[pi];
        assert(p->n == 0 || p->items);
        for (int k = 0; k < p->n; k++) {
            const Placed *pl = &p->items[k];
            assert(pl->box);
            assert(pl->index >= -1 && pl->index < flow->nboxes);
            if (pl->index >= 0 && !pl->repeat) {
                assert(pl->index == next);              /* nothing lost, nothing twice */
                next++;
                for (int q = 0; q < pl->box->nnotes; q++) {
                    int num = flow->box_notes[pl->box->note_first + q];
                    if (mark_page[num] < 0)
                        mark_page[num] = pi;
                }
            }
        }
        for (int k = 0; k < p->n; k++) {
            const Box *bx = p->items[k].box;
            if (p->items[k].index < 0 && bx->note_start)
                /* never before its mark; on its page unless the mark's box
                 * stood alone and left no room (fit_box: it ran past the
                 * bottom): tests/notes-check holds the samples to that */
                assert(mark_page[bx->note] >= 0 && mark_page[bx->note] <= pi);
        }
    }
    assert(!whole || next == flow->nboxes);
    free(mark_page);
    for (int a = 0; a < flow->nanchors; a++)
        assert(pg->anchor_page[a] >= -1 && pg->anchor_page[a] < pg->n);
}

Pages *paginate_flow(Rp *rp, const Flow *flow)
{
    PB pb = { 0 };
    PB *b = &pb;
    b->rp = rp;
    b->flow = flow;
    b->lay = flow->layout;
    b->y = top_of(b);
    int nb = flow->nboxes;
    b->note_page = ARENA_ARRAY(&rp->arena, int, flow->nnotes + 1);
    for (int k = 0; k < flow->nnotes; k++)
        b->note_page[k] = -1;
    b->box_page = ARENA_ARRAY(&rp->arena, int, nb + 1);
    b->box_y = ARENA_ARRAY(&rp->arena, int32_t, nb + 1);
    for (int k = 0; k < nb; k++)
        b->box_page[k] = -1;
    stack_boxes(b);

    Pages *pg = ARENA_NEW(&rp->arena, Pages);
    pg->flow = flow;
    pg->v = b->pages.v;
    pg->n = b->pages.n;
    bool warned[2][3] = { { false } };
    for (int k = 0; k < pg->n; k++)
        if (!pg->v[k].full)
            running(b, &pg->v[k], pg->n, warned);
    anchor_pages(b, pg);
    fit_pagenums(b, pg);
    pages_check(pg, b->pages.n < RP_MAX_PAGES);
    return pg;
}
