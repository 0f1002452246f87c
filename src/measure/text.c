/*
 * text.c - inline content -> typeset lines (measure stage).
 *
 * Three steps, each simple:
 *  1. pieces: the inline tree flattened into runs of one look (text,
 *     bold, superscript mark, status marker, page number of a reference),
 *     with typographic quotes, dashes and minus signs (typo.h) put in
 *     for the straight ones the author typed;
 *  2. items: pieces cut into boxes at spaces (glue), after hyphens and
 *     slashes (penalties) and at Swedish hyphenation points (flagged
 *     penalties), for linebreak();
 *  3. lines: the chosen breaks turned into Ops, adjacent text of one look
 *     merged into one text op so the PDF stays small and copy-paste gives
 *     whole words and spaces.
 */
#include "measure_int.h"
#include "ahead.h"
#include "bind.h"
#include "compound.h"
#include "typo.h"
#include "../base/utf8.h"
#include "../model/numfmt.h"
#include "../base/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* ---- anchors ------------------------------------------------------------ */

int anchor_for(M *m, const Node *n)
{
    intptr_t known = (intptr_t)map_get(&m->node_anchor, n);
    if (known)
        return (int)(known - 1);
    Anchor a = { 0 };
    a.id = n->id;
    a.box = -1;
    /* a link to a table, chart or figure is said as its caption (a
     * heading's title is set where the heading is) */
    const Node *cap = n->kind == N_TABLE || n->kind == N_CHART || n->kind == N_FIGURE ? model_title_node(n) : NULL;
    if (cap)
        a.title = text_printed(m, cap);
    VEC_PUSH(&m->rp->arena, m->anchors, a);
    map_put(&m->node_anchor, n, (void *)(intptr_t)m->anchors.n);
    return m->anchors.n - 1;
}

/* ---- pieces ------------------------------------------------------------- */

typedef struct IState {
    bool        nohyphen;     /* inside <nohyphen>, or another language */
    const char *lang;         /* another language's xml:lang, or NULL */
    int         variant;
    int         script;       /* 0, 1 sup, -1 sub */
    int         anchor;
    const char *uri;
    bool        plain;        /* for text_printed(): no marks, markers or page numbers */
} IState;

/* A heading's title as the contents and references print it (its
 * label in its language, a space, its words as printed, each part of
 * another language a Span of it), under `is`; out of a section, goal or
 * appendix sec. */
static void heading_pieces(M *m, const Node *sec, const Style *st, IState is, Pieces *out);

static Piece base_piece(const Style *st, IState s)
{
    Piece p = { 0 };
    p.face = FACE(st->family, st->variant | s.variant);
    p.size = st->size;
    p.color = st->color;
    p.anchor = s.anchor;
    p.uri = s.uri;
    p.pagenum = -1;
    p.nohyphen = s.nohyphen;
    p.lang = s.lang;
    if (s.script) {
        p.size = st->size * 62 / 100;
        p.rise = s.script > 0 ? st->size * 36 / 100 : -st->size * 12 / 100;
    }
    return p;
}

/* ---- characters the style's font lacks ----------------------------------- */

/* Whether f draws nothing for cp (nor a stand-in). */
static bool no_glyph(const Font *f, uint32_t cp)
{
    if (cp < 0x250 && f->latin[cp])    /* (font_glyph's own table: most characters, without a call) */
        return false;
    return cp >= 0x20 && !font_glyph(f, font_printable(f, cp));
}

/* The layout's fallback font in `variant`, loaded the first time a
 * character needs it: a report that never does pays nothing for it.
 * NULL if the layout names none, or if it cannot be loaded (font_load
 * said why, once). */
static const Font *fallback_font(M *m, int variant)
{
    const FontFamily *fb = &m->lay->fallback;
    Font **slot = &m->flow->faces[FACE_FALLBACK(variant)];
    if (*slot || !fb->path[VAR_REGULAR] || (m->fallback_failed & 1 << variant))
        return *slot;
    for (int v = 0; v < 4 && !*slot; v++)       /* variants sharing a file share the Font */
        if (m->flow->faces[FACE_FALLBACK(v)] && strcmp(fb->path[v], fb->path[variant]) == 0)
            *slot = m->flow->faces[FACE_FALLBACK(v)];
    if (!*slot) {
        *slot = font_load(m->rp, fb->path[variant], m->lay->path, fb->line, fb->col);
        if (!*slot) {
            m->fallback_failed |= (uint8_t)(1 << variant);
            return NULL;
        }
        (*slot)->guess_script = true;
    }
    return *slot;
}

/* What becomes of a character in a piece of font f. */
typedef enum Lack {
    LACK_NONE,          /* f has it (or a stand-in) */
    LACK_FALLBACK,      /* f lacks it, the fallback font has it: printed in that */
    LACK_GLYPH,         /* no font has it: an error */
    LACK_RTL,           /* only the fallback has it, and it is written right to left: an error */
} Lack;

static Lack lack_of(M *m, const Font *f, int variant, uint32_t cp)
{
    if (!no_glyph(f, cp))
        return LACK_NONE;
    const Font *fb = fallback_font(m, variant);
    if (!fb || no_glyph(fb, cp))
        return LACK_GLYPH;
    return font_rtl(cp) ? LACK_RTL : LACK_FALLBACK;
}

/* The error for the characters s[at..) of text node n that cannot be
 * printed (`why`, LACK_GLYPH or LACK_RTL), at line:col: the run of such
 * characters from there ("漢字"), once per character and face. A PDF
 * with .notdef boxes in place of words is no archive copy, and Hebrew
 * set left to right is not Hebrew. */
static void report_lack(M *m, const Node *n, const Piece *p, int variant, size_t at, Lack why,
                        int line, int col)
{
    const Font *f = m->flow->faces[p->face];
    size_t end = at, q = at;
    char codes[96];
    int len = 0;
    while (q < n->len) {
        size_t c0 = q;
        uint32_t c = utf8_next(n->text, n->len, &q);
        if (c0 > at && lack_of(m, f, variant, c) != why)
            break;
        const void *key = (const void *)(((uintptr_t)p->face << 21 | c) + 1);
        map_put(&m->missing, key, (void *)((uintptr_t)map_get(&m->missing, key) + 1));
        map_put(&m->missing, n->text + c0, (void *)(n->text + c0));     /* (its place: said, lack_unsaid) */
        if (len < (int)sizeof codes - 12)
            len += snprintf(codes + len, sizeof codes - (size_t)len, "%sU+%04X", len ? ", " : "", (unsigned)c);
        end = q;
    }
    const char *name = strrchr(f->path, '/');
    const FontFamily *fb = &m->lay->fallback;
    size_t q0 = at;
    uint32_t first = utf8_next(n->text, n->len, &q0);
    if (first >= 0xE000 && first <= 0xF8FF) {
        /* Word's Symbol and Wingdings put their bullets and ticks here
         * (U+F0B7 "•"): no other font has them, and they print as nothing */
        diag_error(&m->rp->diags, model_source(n, m->rep), line, col,
                   _("a character of Word's own symbol fonts (%s), which no other font has: it cannot be printed"), codes);
        diag_hint(&m->rp->diags, _("delete it: it is mostly a list's bullet or a tick pasted from Word; a list is "
                                 "written <list><item>...</item></list>, which prints the bullets itself"));
    } else if (why == LACK_RTL) {
        diag_error(&m->rp->diags, model_source(n, m->rep), line, col,
                   _("right-to-left text is not supported yet: \"%.*s\" (%s)"), (int)(end - at), n->text + at, codes);
        diag_hint(&m->rp->diags, _("rapport sets every line left to right, which would print the "
                                 "letters in the wrong order; write the words in Latin letters, or leave them out"));
    } else if (m->flow->faces[FACE_FALLBACK(variant)]) {
        const char *fbname = strrchr(fb->path[variant], '/');
        diag_error(&m->rp->diags, model_source(n, m->rep), line, col,
                   _("the font %s has no glyph for \"%.*s\" (%s)"), name ? name + 1 : f->path,
                   (int)(end - at), n->text + at, codes);
        diag_hint(&m->rp->diags, _("nor has the fallback font %s: write the characters another way, or give "
                                 "the layout a font that has them (<font> or <fallback-font> in the layout)"),
                  fbname ? fbname + 1 : fb->path[variant]);
    } else {
        diag_error(&m->rp->diags, model_source(n, m->rep), line, col,
                   _("the font %s has no glyph for \"%.*s\" (%s)"), name ? name + 1 : f->path,
                   (int)(end - at), n->text + at, codes);
        diag_hint(&m->rp->diags, _("write the characters another way, or give the layout a font that has "
                                 "them (<font> in the layout, or <fallback-font> for what its fonts lack)"));
    }
}

/* The report's fields the running header and footer print ({title},
 * {organisation} ...): paginate sets them in the header's or footer's
 * face alone, so a character that face lacks is an error here, at the
 * field's element, and not an empty box on every page. */
void text_check_furniture(M *m)
{
    static const struct { const char *name; int field; } names[] = {
        { "title", META_TITLE }, { "subtitle", META_SUBTITLE }, { "organisation", META_ORGANISATION },
        { "department", META_DEPARTMENT }, { "running-title", META_RUNNING_TITLE },
        { "reference", META_REFERENCE },
    };
    const Meta *meta = &m->rep->meta;
    const char *value[META_FIELDS] = { 0 };
    value[META_TITLE] = meta->title;
    value[META_SUBTITLE] = meta->subtitle;
    value[META_ORGANISATION] = meta->organisation;
    value[META_DEPARTMENT] = meta->department;
    value[META_RUNNING_TITLE] = meta->running_title;
    value[META_REFERENCE] = meta->reference;
    bool told[META_FIELDS] = { false };
    for (int hf = 0; hf < 2; hf++) {
        const Style *st = &m->lay->styles[hf ? ST_FOOTER : ST_HEADER];
        const Font *f = m->flow->faces[FACE(st->family, st->variant)];
        const char *const *slots = hf ? m->lay->footer : m->lay->header;
        for (int sl = 0; sl < 3 && f; sl++)
            for (const char *p = slots[sl]; p && (p = strchr(p, '{')) != NULL; p++) {
                const char *e = strchr(p, '}');
                if (!e)
                    break;
                size_t n = (size_t)(e - p - 1);
                for (size_t k = 0; k < sizeof names / sizeof *names; k++) {
                    int fld = names[k].field;
                    const char *v = value[fld];
                    if (strlen(names[k].name) != n || strncmp(p + 1, names[k].name, n) != 0 || !v || told[fld])
                        continue;
                    size_t i = 0, len = strlen(v);
                    while (i < len) {
                        size_t at = i;
                        uint32_t cp = utf8_next(v, len, &i);
                        if (!no_glyph(f, cp))
                            continue;
                        const char *fname = strrchr(f->path, '/');
                        diag_error(&m->rp->diags, m->rep->file, meta->line[fld], meta->col[fld],
                                   _("the font %s of the running %s has no glyph for \"%.*s\" (U+%04X) in <%s>"),
                                   fname ? fname + 1 : f->path, hf ? _("footer") : _("header"), (int)(i - at), v + at,
                                   (unsigned)cp, names[k].name);
                        diag_hint(&m->rp->diags, _("write it another way, or give the layout's header and footer "
                                                 "styles a font that has it"));
                        told[fld] = true;
                        break;
                    }
                }
            }
    }
    /* the cover and the contents print them in the body's font, with the
     * fallback font for what it lacks */
    const Font *body = m->flow->faces[FACE(0, VAR_REGULAR)];
    for (size_t k = 0; k < sizeof names / sizeof *names && body; k++) {
        int fld = names[k].field;
        const char *v = value[fld];
        size_t i = 0, len = v ? strlen(v) : 0;
        while (i < len && !told[fld]) {
            size_t at = i;
            uint32_t cp = utf8_next(v, len, &i);
            Lack why = lack_of(m, body, VAR_REGULAR, cp);
            if (why != LACK_GLYPH && why != LACK_RTL)
                continue;
            const char *fname = strrchr(body->path, '/');
            diag_error(&m->rp->diags, m->rep->file, meta->line[fld], meta->col[fld],
                       why == LACK_RTL ? _("right-to-left text is not supported yet: \"%.*s\" (U+%04X) in <%s>")
                                       : _("no font of the layout has a glyph for \"%.*s\" (U+%04X) in <%s>"),
                       (int)(i - at), v + at, (unsigned)cp, names[k].name);
            diag_hint(&m->rp->diags, _("write it another way, or give the layout a font that has it (%s has not)"),
                      fname ? fname + 1 : body->path);
            told[fld] = true;
        }
    }
}

/* Plain ASCII text in a font that has all of ASCII: the common case,
 * nothing to look up character by character. */
static bool plain_ascii(const Font *f, const char *s, size_t len)
{
    if (!f->ascii)
        return false;
    size_t i = 0;
    while (i < len && (unsigned char)s[i] < 0x80)
        i++;
    return i == len;
}

/* The size at which fallback font fb's capitals stand as tall as those
 * of f at `size` (DejaVu Sans at Carlito's size looks a size larger),
 * kept within a fifth of it: a font with odd figures is not set tiny. */
static int32_t matched_size(const Font *f, const Font *fb, int32_t size)
{
    int64_t num = (int64_t)f->cap_height * fb->upem, den = (int64_t)fb->cap_height * f->upem;
    if (num <= 0 || den <= 0)
        return size;
    int64_t s = ((int64_t)size * num + den / 2) / den;
    int64_t lo = (int64_t)size * 4 / 5, hi = (int64_t)size * 6 / 5;
    return (int32_t)(s < lo ? lo : s > hi ? hi : s);
}

/* Whether a character no font has, at `where` in a node's text, is yet
 * to be said: each place once (a cell is measured more than once), up
 * to LACKS_SAID places a character (and face); the first place alone
 * was said, the next on the next run (a new user). A run of such
 * characters is said at its first. */
static bool lack_unsaid(M *m, int face, uint32_t cp, const char *where)
{
    enum { LACKS_SAID = 10 };
    if (map_get(&m->missing, where))
        return false;
    map_put(&m->missing, where, (void *)where);
    return (uintptr_t)map_get(&m->missing, (const void *)(((uintptr_t)face << 21 | cp) + 1)) < LACKS_SAID;
}

/* U+FFFD in node n's text at `where` (line, col): the mark a conversion
 * or a copy left for a character it lost, printed as a black diamond
 * without a word (a new user). Said once for each (a cell is measured
 * more than once). */
static void replacement_char(M *m, const Node *n, const char *where, int line, int col)
{
    map_put(&m->missing, where, (void *)where);
    diag_warn(&m->rp->diags, model_source(n, m->rep), line, col,
              _("\"\xEF\xBF\xBD\" (U+FFFD) stands where a character was lost when the text was converted or "
                "copied; it is printed as it is"));
    diag_hint(&m->rp->diags, _("copy the text again from its original, or write the lost character in its place"));
}

/* Text s[0..len) in style st as pieces: runs of characters the style's
 * face lacks and the fallback font has become pieces of the fallback face
 * (size, colour, rise, link all the same), so breaking, measuring and
 * drawing use it for just those characters. Characters no font has stay
 * in the style's face; if the text is node n's (NULL: a string made by
 * rapport or the layout), they are errors at their line and column. */
static void push_split(M *m, const char *s, size_t len, const Style *st, IState is, Pieces *out,
                       const Node *n)
{
    assert(!n || (s == n->text && len == n->len));
    if (!len)
        return;
    Piece p = base_piece(st, is);
    const Font *f = m->flow->faces[p.face];
    if (plain_ascii(f, s, len)) {
        p.s = s;
        p.len = (int)len;
        VEC_PUSH(&m->rp->arena, *out, p);
        return;
    }
    int variant = st->variant | is.variant;
    int line = n ? n->line : 0, col = n ? n->col : 0, k = 0;     /* col 0: unknown */
    size_t i = 0, run = 0;
    bool in_fallback = false;            /* the run from `run` goes in the fallback face */
    for (;;) {
        size_t at = i;
        Lack why = LACK_NONE;
        if (i < len) {
            uint32_t cp = utf8_next(s, len, &i);
            why = lack_of(m, f, variant, cp);
            while (n && k < n->u.text.nnl && n->u.text.nl_pos[k] <= (int32_t)at) {
                line = n->line + n->u.text.nl_line[k];
                col = n->u.text.nl_col[k];
                k++;
            }
            if (n && !is.plain && (why == LACK_GLYPH || why == LACK_RTL) && lack_unsaid(m, p.face, cp, s + at))
                report_lack(m, n, &p, variant, at, why, line, col);
            if (cp == 0xFFFD && n && !is.plain && !map_get(&m->missing, s + at))
                replacement_char(m, n, s + at, line, col);
            if (col > 0)
                col++;
        }
        if (at == len || (why == LACK_FALLBACK) != in_fallback) {
            if (at > run) {
                Piece q = p;
                q.s = s + run;
                q.len = (int)(at - run);
                if (in_fallback) {
                    q.face = FACE_FALLBACK(variant);
                    q.size = matched_size(f, m->flow->faces[q.face], p.size);
                }
                VEC_PUSH(&m->rp->arena, *out, q);
            }
            if (at == len)
                return;
            run = at;
            in_fallback = why == LACK_FALLBACK;
        }
    }
}

static void push_text(M *m, const char *s, size_t len, const Style *st, IState is, Pieces *out)
{
    push_split(m, s, len, st, is, out, NULL);
}

/* Whether p is spaces only (no mark, marker, page number or break). */
static bool blank_piece(const Piece *p)
{
    if (p->note || p->marker || p->pagenum >= 0 || p->br || p->len <= 0)
        return false;
    for (int i = 0; i < p->len; i++)
        if (p->s[i] != ' ')
            return false;
    return true;
}

/* A footnote's mark: its number, raised, and a link to the note's text
 * at the foot of the page (`fn` is the footnote). */
static void push_mark(M *m, const Node *fn, const Style *st, IState is, Pieces *out)
{
    int number = fn->u.fn.number;
    IState sup = is;
    sup.script = 1;
    Piece p = base_piece(st, sup);
    int label = m->note_label ? m->note_label[number - 1] : number;
    /* two marks side by side are told apart by a raised comma, the
     * second's: "¹,²", not "¹²", which reads as twelve; spaces between
     * them (an indented file's) go */
    int k = out->n;
    while (k > 0 && blank_piece(&out->v[k - 1]))
        k--;
    bool after = k > 0 && out->v[k - 1].note;
    if (after) {
        out->n = k;
        /* the comma between, not part of either's link: a reader says
         * "link 2", not "link comma 2" */
        Piece comma = p;
        comma.s = ",";
        comma.len = 1;
        VEC_PUSH(&m->rp->arena, *out, comma);
    }
    p.s = arena_printf(&m->rp->arena, "%d", label);
    p.len = (int)strlen(p.s);
    p.note = number;
    /* its link is told as the layout's word ("Fotnot 1"): in the
     * word's language, whatever the words around it are in */
    const char *word = text_word(m, "footnote", "Fotnot", &p.lang);
    /* a link to its note, also inside a link to the web, whose words
     * it parts (it went to the web page, and no link led to the note:
     * an auditor) */
    p.uri = NULL;
    p.anchor = anchor_for(m, fn);
    Anchor *a = &m->anchors.v[p.anchor];
    a->note = number;
    if (!a->title)
        a->title = arena_printf(&m->rp->arena, "%s %d", word, label);
    VEC_PUSH(&m->rp->arena, *out, p);
}

const char *text_status_word(M *m, int status, const char **lang)
{
    const StatusDef *sd = &m->lay->statuses[status];
    char key[80];
    snprintf(key, sizeof key, "status.%s", sd->name);
    return text_word(m, key, sd->word, lang);
}

void text_lower_into(const char *s, size_t n, char *out, size_t cap)
{
    size_t k = 0;
    for (size_t i = 0; i < n && k + 1 < cap; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (i > 0 && (unsigned char)s[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97)
            c = (unsigned char)(c + 32);
        out[k++] = (char)c;
    }
    out[k] = 0;
}

/* Whether byte c is part of a letter or a digit (ASCII, or any byte of
 * a UTF-8 character beyond it: å, ä, ö). */
static bool word_byte(unsigned char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c >= 0x80;
}


bool text_mentions(const char *s, const char *word)
{
    char a[512], b[128];
    text_lower_into(s, strlen(s), a, sizeof a);
    text_lower_into(word, strlen(word), b, sizeof b);
    size_t n = strlen(b);
    /* as words: "Met" is not in "Sometimes", "Done" not in "Abandoned" */
    for (const char *at = b[0] ? strstr(a, b) : NULL; at; at = strstr(at + 1, b))
        if ((at == a || !word_byte((unsigned char)at[-1])) && !word_byte((unsigned char)at[n]))
            return true;
    return false;
}

const char *text_marker_speech(M *m, int status, const char *beside)
{
    /* the report type's word or the status's own: "Uppfyllt" says
     * "Uppfylls per helår" of a delårsrapport */
    const char *word = text_status_word(m, status, NULL);
    if (text_mentions(beside, word) || text_mentions(beside, m->lay->statuses[status].word))
        return NULL;
    return arena_printf(&m->rp->arena, "%s: ", word);
}

/* The title a <ref show="title"> prints of its target t: a heading's or
 * a caption's as printed, or (plain, for a title itself: a heading may
 * refer to itself) as written. A target without one is an error of the
 * parser's (resolve_refs): nothing then. */
static const char *ref_title(M *m, const Node *t, bool plain)
{
    const Node *h = model_title_node(t);
    if (!h)
        return "";
    if (!plain)
        return h->kind == N_HEADING ? heading_title(m, t) : text_printed(m, h);
    char buf[512];
    model_plain_text(h, buf, sizeof buf);
    const char *label = h->kind == N_HEADING ? heading_label(m, t) : NULL;   /* "Bilaga 1" */
    return label ? arena_printf(&m->rp->arena, "%s %s", label, buf) : arena_strdup(&m->rp->arena, buf);
}

static void walk(M *m, const Node *parent, const Style *st, IState is, Pieces *out)
{
    for (const Node *c = parent->first; c; c = c->next) {
        IState s2 = is;
        switch (c->kind) {
        case N_TEXT:
            push_split(m, c->text, c->len, st, is, out, c);
            break;
        case N_B:
        case N_NOHYPHEN:
        case N_I:
            s2.variant |= c->kind == N_B ? VAR_BOLD : c->kind == N_I ? VAR_ITALIC : 0;
            s2.nohyphen |= c->kind == N_NOHYPHEN;
            /* words of another language: said as it (a Span with its
             * /Lang), never hyphenated by Swedish patterns */
            if (c->u.span.lang) {
                s2.lang = c->u.span.lang;
                s2.nohyphen = strncasecmp(c->u.span.lang, "sv", 2) ||
                              (c->u.span.lang[2] && c->u.span.lang[2] != '-');
            }
            walk(m, c, st, s2, out);
            break;
        case N_SUP:
            s2.script = 1;
            walk(m, c, st, s2, out);
            break;
        case N_SUB:
            s2.script = -1;
            walk(m, c, st, s2, out);
            break;
        case N_LINK:
            s2.uri = c->u.link.href;
            walk(m, c, st, s2, out);
            break;
        case N_BR: {
            Piece p = base_piece(st, is);
            p.br = true;
            VEC_PUSH(&m->rp->arena, *out, p);
            break;
        }
        case N_NUM: {
            char buf[160];
            int n = numfmt_format(c->text, c->len, &c->u.num.fmt, buf, sizeof buf);
            if (n < 0)
                push_text(m, c->text, c->len, st, is, out);
            else
                push_text(m, arena_strndup(&m->rp->arena, buf, (size_t)n), (size_t)n, st, is, out);
            break;
        }
        case N_STATUS: {
            int sidx = c->u.status.status;
            if (sidx < 0)
                break;
            Piece p = base_piece(st, is);
            p.marker = (int16_t)(m->lay->statuses[sidx].shape + 1);
            p.marker_color = m->lay->statuses[sidx].color;
            p.s = "";
            /* words of the author's own beside it ("se kommentaren
             * nedan"): the marker reads as its status's word */
            if (c->text && c->text[0])
                p.speak = text_marker_speech(m, sidx, c->text);
            VEC_PUSH(&m->rp->arena, *out, p);
            const char *wl = NULL;
            const char *w = c->text ? c->text : text_status_word(m, sidx, &wl);
            IState ws = is;
            if (!c->text && !ws.lang)
                ws.lang = wl;                       /* the layout's word, in its language */
            push_text(m, w, strlen(w), st, ws, out);
            break;
        }
        case N_FOOTNOTE:
            if (!is.plain)
                push_mark(m, c, st, is, out);
            break;
        case N_FNREF:
            if (c->u.fn.target && !is.plain)
                push_mark(m, c->u.fn.target, st, is, out);
            break;
        case N_REF: {
            const Node *t = c->u.ref.target;
            if (t && is.plain && c->u.ref.show != REF_PAGE) {
                const char *title = ref_title(m, t, true);
                push_text(m, title, strlen(title), st, s2, out);
            }
            if (!t || is.plain)
                break;
            s2.anchor = anchor_for(m, t);
            if (c->u.ref.show != REF_PAGE) {
                const Node *th = model_title_node(t);
                if (th && th->kind == N_HEADING) {
                    heading_pieces(m, t, st, s2, out);      /* its languages kept */
                } else {
                    const char *title = ref_title(m, t, false);
                    push_text(m, title, strlen(title), st, s2, out);
                }
                if (c->u.ref.show == REF_BOTH) {
                    IState ws = s2;
                    const char *page = text_word(m, "page-short", "s.", &ws.lang);
                    push_text(m, " (", 2, st, s2, out);
                    const char *w = arena_printf(&m->rp->arena, "%s\xC2\xA0", page);
                    push_text(m, w, strlen(w), st, ws, out);
                }
            }
            if (c->u.ref.show != REF_TITLE) {
                Piece p = base_piece(st, s2);
                p.pagenum = s2.anchor;
                p.s = "";
                VEC_PUSH(&m->rp->arena, *out, p);
                if (c->u.ref.show == REF_BOTH)
                    push_text(m, ")", 1, st, s2, out);
            }
            break;
        }
        default:
            break;
        }
    }
}

/* Whether piece p prints text of its own (not a marker, page number,
 * footnote mark or line break). */
static bool text_of_its_own(const Piece *p)
{
    return !p->br && !p->marker && p->pagenum < 0 && !p->note;
}

/* The pieces out->v[from..) of one block, with the layout's typographic
 * punctuation (typo.h): their text joined in reading order, so quotes
 * and dashes are seen across <b>, <i> and links, scanned once, and each
 * piece that changes given a copy with the changes. A mark the piece's
 * font has no glyph for is left as written. The model keeps what the
 * author wrote: only what is measured and printed changes. */
static void typeset_punct(M *m, Pieces *out, int from)
{
    TypoRules r = { m->lay->typo_quotes, m->lay->typo_dashes };
    if (!r.quotes && !r.dashes)
        return;
    size_t total = 0;
    bool any = false;
    for (int i = from; i < out->n; i++) {
        const Piece *p = &out->v[i];
        if (!text_of_its_own(p)) {
            total++;
            continue;
        }
        total += (size_t)p->len;
        any = any || memchr(p->s, '"', (size_t)p->len) || memchr(p->s, '\'', (size_t)p->len) ||
              memchr(p->s, '-', (size_t)p->len);
    }
    if (!any)
        return;
    char *text = xmalloc(total + 1);
    TypoEdit *edits = xmalloc(sizeof *edits * total);
    size_t at = 0;
    for (int i = from; i < out->n; i++) {
        const Piece *p = &out->v[i];
        if (text_of_its_own(p)) {
            memcpy(text + at, p->s, (size_t)p->len);
            at += (size_t)p->len;
        } else {
            text[at++] = p->br ? '\n' : TYPO_SEP;
        }
    }
    text[at] = 0;
    int ne = typo_scan(r, text, total, edits), e = 0;
    at = 0;
    for (int i = from; i < out->n && e < ne; i++) {
        Piece *p = &out->v[i];
        size_t plen = text_of_its_own(p) ? (size_t)p->len : 1, end = at + plen;
        if (text_of_its_own(p) && (size_t)edits[e].at < end) {
            const Font *f = m->flow->faces[p->face];
            char *s = arena_alloc(&m->rp->arena, plen * 3 + 1);
            size_t k = 0;
            for (size_t j = 0; j < plen; j++) {
                if (e < ne && (size_t)edits[e].at == at + j && !no_glyph(f, edits[e].cp))
                    k += (size_t)utf8_encode(edits[e].cp, s + k);
                else
                    s[k++] = p->s[j];
                if (e < ne && (size_t)edits[e].at == at + j)
                    e++;
            }
            s[k] = 0;
            p->s = s;
            p->len = (int)k;
        }
        while (e < ne && (size_t)edits[e].at < end)
            e++;
        at = end;
    }
    free(edits);
    free(text);
}

void text_pieces(M *m, const Node *parent, const Style *st, Pieces *out)
{
    IState is = { .anchor = -1 };
    /* a footnote's text is in the language of the words it is marked in
     * ("value-based care¹" in <i xml:lang="en">: its note was voiced
     * as Swedish, an auditor) */
    for (const Node *a = parent->kind == N_FOOTNOTE ? parent->parent : NULL; a && !is.lang; a = a->parent)
        if ((a->kind == N_B || a->kind == N_I || a->kind == N_NOHYPHEN) && a->u.span.lang) {
            is.lang = a->u.span.lang;
            is.nohyphen = strncasecmp(is.lang, "sv", 2) || (is.lang[2] && is.lang[2] != '-');
        }
    int from = out->n;
    walk(m, parent, st, is, out);
    typeset_punct(m, out, from);
}

/* Whether s[k..n) begins with the author's soft hyphen (U+00AD). */
static bool soft_hyphen_at(const char *s, size_t k, size_t n)
{
    return k + 1 < n && (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xAD;
}

/* The text of pieces v[from..n) as one string in the arena: what prints,
 * no marker, mark or page number, a line break a space. */
static const char *pieces_text(M *m, const Pieces *ps, int from)
{
    size_t len = 0;
    for (int i = from; i < ps->n; i++)
        len += ps->v[i].br ? 1 : ps->v[i].marker || ps->v[i].note || ps->v[i].pagenum >= 0 ? 0 : (size_t)ps->v[i].len;
    char *out = arena_alloc(&m->rp->arena, len + 1), *at = out;
    for (int i = from; i < ps->n; i++) {
        const Piece *p = &ps->v[i];
        const char *t = p->br ? " " : p->s;
        int n = p->br ? 1 : !p->marker && !p->note && p->pagenum < 0 ? p->len : 0;
        for (int k = 0; k < n; k++) {   /* one space for a run of them, none at the ends */
            if (soft_hyphen_at(t, (size_t)k, (size_t)n)) {
                k++;                    /* the author's soft hyphen: a break, not a letter */
                continue;
            }
            if (t[k] != ' ' || (at > out && at[-1] != ' '))
                *at++ = t[k];
        }
    }
    while (at > out && at[-1] == ' ')
        at--;
    *at = 0;
    return out;
}

const char *text_printed(M *m, const Node *n)
{
    Pieces ps = { 0 };
    IState is = { .anchor = -1, .plain = true };
    walk(m, n, &m->lay->styles[ST_BODY], is, &ps);
    typeset_punct(m, &ps, 0);
    return pieces_text(m, &ps, 0);
}

const char *heading_title(M *m, const Node *sec)
{
    const Node *h = model_heading(sec);
    const char *t;
    if (h) {
        t = text_printed(m, h);
    } else {
        char buf[1024];
        model_plain_text(sec, buf, sizeof buf);
        t = arena_strdup(&m->rp->arena, buf);
    }
    const char *label = heading_label(m, sec);
    return label ? arena_printf(&m->rp->arena, "%s %s", label, t) : t;
}

static bool suspended_before(const char *s, int len, int i);
static bool completes_suspended(const char *s, int len, int at);

static void heading_pieces(M *m, const Node *sec, const Style *st, IState is, Pieces *out)
{
    const Node *h = model_heading(sec);
    const char *label = heading_label(m, sec);
    int from = out->n;
    if (label) {
        IState ls = is;
        if (sec->u.sec.label_lang)
            ls.lang = sec->u.sec.label_lang;
        push_text(m, label, strlen(label), st, ls, out);
        if (h)
            push_text(m, " ", 1, st, is, out);
    }
    is.plain = true;                /* its words, no marks */
    if (h) {
        int at = out->n;
        walk(m, h, st, is, out);
        /* the heading's own line breaks are its page's: in the contents
         * and a reference its words run on ("Ekonomisk sammanfattning /
         * och analys" kept its break in the contents entry) */
        int n = at;
        for (int k = at; k < out->n; k++) {
            Piece p = out->v[k];
            if (p.br) {
                const Piece *b = n > at ? &out->v[n - 1] : NULL, *a = k + 1 < out->n ? &out->v[k + 1] : NULL;
                bool spaced = (b && b->len > 0 && b->s[b->len - 1] == ' ') || (a && a->len > 0 && a->s[0] == ' ');
                /* "Verksamhets-<br/>berättelse" runs on as the word it is
                 * ("social-<br/>och omsorg" keeps its space) */
                bool joined = false;
                if (b && a && b->len > 1 && b->s[b->len - 1] == '-') {
                    char t[32];         /* the hyphen's letter, the hyphen, a space, the next words */
                    int an = a->len < 24 ? a->len : 24;
                    t[0] = b->s[b->len - 2];
                    t[1] = '-';
                    t[2] = ' ';
                    memcpy(t + 3, a->s, (size_t)an);
                    joined = t[0] != ' ' && !(t[0] >= '0' && t[0] <= '9') && !suspended_before(t, an + 3, 2);
                    /* the hyphen the author broke the word with goes too, after
                     * a word's small letter ("Verksamhets-" "berättelse"); an
                     * abbreviation's or a letter's stays ("IT-strategi", "e-tjänst") */
                    unsigned char l = (unsigned char)t[0], l0 = b->len > 2 ? (unsigned char)b->s[b->len - 3] : ' ';
                    bool small = (l >= 'a' && l <= 'z') || (l0 == 0xC3 && l >= 0xA0);
                    bool word = b->len > 3 && l0 != ' ' && l0 != '-' && (l0 != 0xC3 || (b->s[b->len - 4] != ' '));
                    if (joined && small && word)
                        out->v[n - 1].len--;
                }
                if (spaced || joined)
                    continue;
                p.br = false;
                p.s = " ";
                p.len = 1;
            }
            out->v[n++] = p;
        }
        out->n = n;
    } else if (!label) {
        const char *t = heading_title(m, sec);
        push_text(m, t, strlen(t), st, is, out);
    }
    typeset_punct(m, out, from);
}

void text_heading_pieces(M *m, const Node *sec, const Style *st, Pieces *out)
{
    IState is = { .anchor = -1 };
    heading_pieces(m, sec, st, is, out);
}

const char *text_printed_str(M *m, const char *s)
{
    if (!s)
        return NULL;
    Pieces ps = { 0 };
    text_piece_str(m, s, &m->lay->styles[ST_BODY], 0, &ps);
    return pieces_text(m, &ps, 0);
}

void text_piece_str(M *m, const char *s, const Style *st, int variant, Pieces *out)
{
    IState is = { .variant = variant, .anchor = -1 };
    int from = out->n;
    push_text(m, s, strlen(s), st, is, out);
    typeset_punct(m, out, from);
}

const char *text_layout_lang(const M *m)
{
    /* the layout's words are Swedish ("Innehåll", "Uppfyllt"): in a
     * report of another language, a Span of their own, so a screen
     * reader says them as Swedish */
    const char *doc = m->rep->lang;
    return doc && (strncasecmp(doc, "sv", 2) != 0 || (doc[2] && doc[2] != '-')) ? "sv" : NULL;
}

const char *text_word(M *m, const char *key, const char *fallback, const char **lang)
{
    return layout_word(m->lay, m->rep->type, m->rep->lang, key, fallback, lang);
}

Node *text_lang_node(M *m, Node *parent, const char *s, const char *lang, const Node *at)
{
    if (lang) {       /* a span of its language, not hyphenated as the report's is */
        parent = model_new(&m->rp->arena, N_NOHYPHEN, parent, at);
        parent->u.span.lang = lang;
    }
    return model_new_text(&m->rp->arena, parent, s, at);
}

Node *text_layout_node(M *m, Node *parent, const char *s, const Node *at)
{
    return text_lang_node(m, parent, s, text_layout_lang(m), at);
}

Node *text_word_node(M *m, Node *parent, const char *key, const char *fallback, const Node *at)
{
    const char *lang;
    const char *s = text_word(m, key, fallback, &lang);
    return text_lang_node(m, parent, s, lang, at);
}

void text_lang_str(M *m, const char *s, const char *lang, const Style *st, int variant, Pieces *out)
{
    IState is = { .variant = variant, .anchor = -1, .lang = lang };
    int from = out->n;
    push_text(m, s, strlen(s), st, is, out);
    typeset_punct(m, out, from);
}

void text_layout_str(M *m, const char *s, const Style *st, int variant, Pieces *out)
{
    text_lang_str(m, s, text_layout_lang(m), st, variant, out);
}

/* ---- items -------------------------------------------------------------- */

Op op_text(M *m, const char *s, int len, int16_t face, int32_t size, uint32_t color)
{
    Op o = { .kind = OP_TEXT, .s = s, .len = len, .face = face, .size = size, .color = color, .anchor = -1 };
    if (len > 0)
        o.w = font_text_width(m->flow->faces[face], s, (size_t)len, size);
    return o;
}

static const Font *face_font(const M *m, int face)
{
    return m->flow->faces[face];
}

static int32_t marker_size(int32_t size) { return size * 70 / 100; }
int32_t marker_advance(int32_t size) { return marker_size(size) + size * 35 / 100; }
static int32_t pagenum_width(const M *m, const Piece *p)
{
    return font_text_width(face_font(m, p->face), "000", 3, p->size);
}

static void grow_items(M *m, int need)
{
    if (need <= m->items_cap)
        return;
    int cap = m->items_cap ? m->items_cap : 256;
    while (cap < need)
        cap *= 2;
    m->items = xrealloc(m->items, sizeof(LbItem) * (size_t)cap);
    m->iref = xrealloc(m->iref, sizeof(int) * (size_t)cap);
    m->ioff = xrealloc(m->ioff, sizeof(int) * (size_t)cap);
    m->ilen = xrealloc(m->ilen, sizeof(int) * (size_t)cap);
    m->breaks = xrealloc(m->breaks, sizeof(int) * (size_t)(cap + 2));
    m->scratch = xrealloc(m->scratch, sizeof(int64_t) * 6 * (size_t)(cap + 2));
    m->items_cap = cap;
}

typedef struct IB {
    M       *m;
    int      n;
    int32_t  width;
    Hyph     hyph;
    bool     address;      /* the word being added is a web or e-mail address (url_like) */
} IB;

static void add_item(IB *b, LbItem it, int piece, int off, int len)
{
    grow_items(b->m, b->n + 1);
    b->m->items[b->n] = it;
    b->m->iref[b->n] = piece;
    b->m->ioff[b->n] = off;
    b->m->ilen[b->n] = len;
    b->n++;
}

static bool add_at_points(IB *b, const Piece *p, int pi, int off, int len);

static void add_box(IB *b, const Piece *p, int pi, int off, int len)
{
    if (len <= 0)
        return;
    const Font *f = face_font(b->m, p->face);
    int32_t w = font_text_width(f, p->s + off, (size_t)len, p->size);
    if (w <= b->width) {
        LbItem it = { LB_BOX, false, w, 0, 0, 0, false, false };
        add_item(b, it, pi, off, len);
        return;
    }
    if (add_at_points(b, p, pi, off, len))
        return;
    /* Wider than the line: one box per character, breakable anywhere
     * at a high cost, so the word is split rather than cut off (and
     * said where it is: measure.c) */
    size_t i = (size_t)off, end = (size_t)(off + len);
    while (i < end) {
        size_t at = i;
        utf8_next(p->s, end, &i);
        int32_t cw = font_text_width(f, p->s + at, i - at, p->size);
        LbItem it = { LB_BOX, false, cw, 0, 0, 0, false, false };
        add_item(b, it, pi, (int)at, (int)(i - at));
        if (i < end) {
            LbItem pen = { LB_PENALTY, false, 0, 0, 0, 900, false, false };
            add_item(b, pen, pi, (int)i, 0);
        }
    }
}

static int is_letter(uint32_t c) { return text_letter(c); }
static int is_upper(uint32_t c) { return text_upper(c); }

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* Do three letters stand before s[j] (back to `off`) and three from s[k]
 * (up to `end`)? The words a hard hyphen joins ("Budget-avvikelse"),
 * not "€-kurs" or "m²-pris". */
/* The character that ends at s[*at] (not before s[lo]); *at moves to
 * its first byte. *at > lo. */
static uint32_t char_back(const char *s, size_t lo, size_t *at)
{
    size_t b = *at - 1;
    while (b > lo && ((unsigned char)s[b] & 0xC0) == 0x80)
        b--;
    size_t i = b;
    uint32_t c = utf8_next(s, *at, &i);
    *at = b;
    return c;
}

static bool letters_around(const char *s, int off, size_t j, size_t k, int end)
{
    size_t q = j;
    for (int n = 0; n < 3; n++)
        if (q <= (size_t)off || !is_letter(char_back(s, (size_t)off, &q)))
            return false;
    for (int n = 0; n < 3; n++) {
        if (k >= (size_t)end || !is_letter(utf8_next(s, (size_t)end, &k)))
            return false;
    }
    return true;
}

static uint32_t first_letter(const char *s)
{
    size_t i = 0;
    return utf8_next(s, 4, &i);
}

/* Whether the word at s[at] stands inside a sentence: after a word, a
 * comma or a bracket rather than after a full stop (or where the text
 * begins, which may be a sentence's start: a cell's, a run's after a
 * footnote mark). Swedish capitalises a word there only as a name
 * ("via Skatteverket"), which is not hyphenated (TEMPLATE.md). */
/* Text of the line's words: no break, status marker or page number; a
 * footnote mark or a raised piece ("m²") is text but no word's. */
static bool is_text_piece(const Piece *p) { return !p->br && !p->marker && p->pagenum < 0; }
static bool is_word_piece(const Piece *p) { return is_text_piece(p) && !p->note && p->rise == 0; }

/* The character before s[at] of piece p (the pi-th of its text), spaces
 * and quote marks passed over, back through the pieces before it; in
 * *pre the one before that. 0: none (where the text begins, or after a
 * line break). */
static uint32_t char_before(const Piece *p, int pi, size_t at, uint32_t *pre)
{
    uint32_t got = 0;
    *pre = 0;
    for (int q = 0; q <= pi; q++) {
        const Piece *x = p - q;
        if (!is_text_piece(x))
            return got;
        if (q > 0 && !is_word_piece(x))
            continue;                   /* a footnote mark: read past */
        size_t k = q == 0 ? at : (size_t)x->len;
        while (k > 0) {
            uint32_t c = char_back(x->s, 0, &k);
            if (!got && (c == ' ' || c == 0xA0 || c == '"' || c == '\'' || c == 0x201D || c == 0x201C ||
                         c == 0xBB || c == 0xAB || c == 0x2019 || c == 0x2018))
                continue;
            if (got) {
                *pre = c;
                return got;
            }
            got = c;
        }
    }
    return got;
}

/* Whether the word at s[at] of piece p stands inside a sentence: after a
 * word, a comma or a bracket rather than after a full stop, a colon, a
 * dash or bullet that begins an item ("– Skatteverket"), "1)" or ".)",
 * or where the text begins. Swedish capitalises a word there only as a
 * name ("via Skatteverket", "via <link>Skatteverket</link>"), which is
 * not hyphenated (TEMPLATE.md). */
static bool inside_sentence(const Piece *p, int pi, size_t at)
{
    uint32_t pre, c = char_before(p, pi, at, &pre);
    if (c == 0 || strchr(".!?:;", (int)(c < 0x80 ? c : 'x')) || c == 0x2026 || c == 0x2013 || c == 0x2022 ||
        c == '-')
        return false;
    if (c == ')' && (pre == '.' || pre == '!' || pre == '?' || (pre >= '0' && pre <= '9')))
        return false;
    return true;
}

/* Whether a line may break after s[i]: a hyphen, a slash, an en dash. */
static bool breaks_after(const char *s, int i, int end)
{
    return s[i] == '-' || s[i] == '/' ||
           (i + 3 <= end && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x93);
}

/* Where the text against s[at] begins: after the last place before it a
 * line may break (off, the word's start, if none); and where it ends:
 * after the next such place (end if none). */
static int break_before(const char *s, int off, int at)
{
    while (at > off && s[at - 1] != '-' && s[at - 1] != '/' &&
           !(at >= off + 3 && (unsigned char)s[at - 1] == 0x93 && (unsigned char)s[at - 2] == 0x80 &&
             (unsigned char)s[at - 3] == 0xE2))
        at--;
    return at;
}

static int break_after(const char *s, int at, int end)
{
    while (at < end && !breaks_after(s, at, end))
        at++;
    return at < end ? at + (s[at] == '-' || s[at] == '/' ? 1 : 3) : end;
}

/* Whether the letters s[ls..le) of the word s[off..end) of p may be
 * hyphenated: as the mode says; HYPH_IF_NEEDED, if they are wider than
 * the line with what stands against them up to the places a line may
 * break around them ("tjänster," with its comma). */
static bool hyphenate(IB *b, const Piece *p, int off, int end, int ls, int le)
{
    if (b->hyph == HYPH_NEVER || b->hyph == HYPH_HARD)
        return false;
    if (b->hyph == HYPH_JOINTS)
        return true;                    /* at joints only (word_cuts) */
    if (b->hyph == HYPH_IF_NEEDED) {
        int a = break_before(p->s, off, ls), z = break_after(p->s, le, end);
        return font_text_width(face_font(b->m, p->face), p->s + a, (size_t)(z - a), p->size) > b->width;
    }
    return true;
}

/* Where a word may break: after a hard hyphen or slash, or at a
 * hyphenation point (`hyphen`: a hyphen is added there). */
typedef struct Cut { int at; bool hyphen; int penalty; bool inword; } Cut;

typedef struct Cuts { Cut *v; int n, cap; Cut stack[64]; } Cuts;

static void add_cut(Cuts *c, int at, bool hyphen, int penalty)
{
    if (c->n == c->cap) {
        int cap = c->cap * 2;
        Cut *v = xmalloc(sizeof *v * (size_t)cap);
        memcpy(v, c->v, sizeof *v * (size_t)c->n);
        if (c->v != c->stack)
            free(c->v);
        c->v = v;
        c->cap = cap;
    }
    c->v[c->n++] = (Cut){ at, hyphen, penalty, false };
}

/* A word's hyphenation points, once per run: the patterns' points
 * corrected at a compound's joints (compound.c). Kept by the word's
 * bytes, as most words come back. NULL: none. */
typedef struct HyphSlot {
    const char          *s;          /* NULL: empty */
    uint32_t             n, hash;
    const unsigned char *ok;         /* n + 1 bytes; NULL: no points */
} HyphSlot;

/* s[0..n) in lower case (A-Z and the Latin-1 capitals, which stay as
 * long in UTF-8), hyphens dropped, into out (NUL-terminated); the byte
 * offset in out of each hyphen into cut[] (1 there). Returns out's
 * length, or -1 if it does not fit. */
static int fold_word(const char *s, size_t n, char *out, size_t cap, unsigned char *cut)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '-') {
            if (cut)
                cut[k] = 2;               /* the author's: preferred */
            continue;
        }
        if (k + 2 >= cap)
            return -1;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c == 0xC3 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9E &&
                 (unsigned char)s[i + 1] != 0x97) {
            out[k++] = (char)c;
            c = (unsigned char)((unsigned char)s[++i] + 0x20);
        }
        out[k++] = (char)c;
    }
    out[k] = 0;
    return (int)k;
}

/* The layout's own word for how s[0..n) breaks (<hyphenation><word>),
 * or NULL: ok by byte offset of s, which has no hyphens. */
static const unsigned char *word_exception(M *m, const char *s, size_t n)
{
    if (!m->lay->nhyphen_words)
        return NULL;
    if (!m->hyph_except_made) {
        map_init(&m->hyph_except, &m->rp->arena, 1);
        for (int i = 0; i < m->lay->nhyphen_words; i++) {
            const char *w = m->lay->hyphen_words[i];
            size_t wn = strlen(w);
            unsigned char *cut = arena_alloc(&m->rp->arena, wn + 1);
            char *key = arena_alloc(&m->rp->arena, wn + 1);
            if (fold_word(w, wn, key, wn + 1, cut) > 0)
                map_put(&m->hyph_except, key, cut);
        }
        m->hyph_except_made = true;
    }
    char key[256];
    if (fold_word(s, n, key, sizeof key, NULL) != (int)n)
        return NULL;
    return map_get(&m->hyph_except, key);
}

/* The points of s[0..n) by the patterns and the compound's joints (an
 * arena copy), or NULL for none: the worker's (ahead.h), or found here. */
static const unsigned char *pattern_points(M *m, const char *s, size_t n)
{
    unsigned char ok[128];
    const unsigned char *got = NULL;
    int r = ahead_points(m->ahead, s, n, &got);
    if (r < 0 && compound_points(m->hyph, m->lay->hyphen_left, m->lay->hyphen_right, s, n, ok))
        got = ok;
    if (!got)
        return NULL;
    unsigned char *copy = arena_alloc(&m->rp->arena, n + 1);
    memcpy(copy, got, n + 1);
    return copy;
}

static const unsigned char *word_points(M *m, const char *s, size_t n)
{
    uint32_t h = map_hash_bytes(s, n);
    if (m->hcache_n * 2 >= m->hcache_cap) {
        /* malloc'd and freed as it grows, and once measuring ends
         * (measure_document): a table left behind in the arena at each
         * doubling was as big again */
        size_t cap = m->hcache_cap ? m->hcache_cap * 2 : 1024;
        HyphSlot *v = calloc(cap, sizeof *v);
        if (!v)
            rp_oom(cap * sizeof *v);
        for (size_t i = 0; i < m->hcache_cap; i++)
            if (m->hcache[i].s) {
                size_t k = m->hcache[i].hash & (cap - 1);
                while (v[k].s)
                    k = (k + 1) & (cap - 1);
                v[k] = m->hcache[i];
            }
        free(m->hcache);
        m->hcache = v;
        m->hcache_cap = cap;
    }
    size_t k = h & (m->hcache_cap - 1);
    for (; m->hcache[k].s; k = (k + 1) & (m->hcache_cap - 1))
        if (m->hcache[k].hash == h && m->hcache[k].n == n && memcmp(m->hcache[k].s, s, n) == 0)
            return m->hcache[k].ok;
    const unsigned char *kept = word_exception(m, s, n);
    if (!kept && compound_undivided(s, n)) {
        /* "eftersom", "därför": never "efter-/som" */
    } else if (kept) {
        bool any = false;                 /* the layout's word: as it says */
        for (size_t i = 1; i < n; i++)
            any |= kept[i] != 0;
        if (!any)
            kept = NULL;
    } else {
        kept = pattern_points(m, s, n);
    }
    HyphSlot *sl = &m->hcache[k];
    sl->s = arena_strndup(&m->rp->arena, s, n);
    sl->n = (uint32_t)n;
    sl->hash = h;
    sl->ok = kept;
    m->hcache_n++;
    return kept;
}

/* What a break at a compound's joint costs (or at the author's soft
 * hyphen): far less than one inside a part. Inside a part of a compound
 * that has joints it costs more again: a line is left half empty
 * ("Bygglovs-" in a narrow cell) sooner than the word is cut where it
 * makes a false word ("fastighetsbildningsför-/rättningar"); in a word
 * of one part any point is all there is. A joint inside a part (of one
 * the dictionary has whole: "trafik|säkerhets|åtgärder") lies between:
 * "trafiksäkerhets-/åtgärder" rather than "-åt-/gärder", but the whole's
 * joint first ("handläggnings-/tider", not "hand-/läggningstider"); one
 * inside a part's part after those ("detaljplane-/läggningsprocess",
 * not "detalj-/planeläggnings-/process"). */
enum { JOINT_COST = 30, POINT_COST = 80, INNER_COST = 400, DEEP_COST = 700, PART_COST = 1500 };

/* The same in a table's cell, whose lines are as many either way and
 * ragged by nature: the word's first joint goes before a fuller line
 * there ("Bygglovs-/handläggning", not "Bygglovshand-/läggning", which a
 * line 45 % empty outweighed at INNER_COST). */
enum { CELL_INNER_COST = 2100, CELL_DEEP_COST = 2300, CELL_PART_COST = 3000 };

/* Whether the author's soft hyphen at s[at] (the word from off) may be a
 * break: not after a single letter, which would stand alone as "a-". */
static bool shy_ok(const char *s, int off, int at)
{
    size_t q = (size_t)at;
    int before = 0;
    while (q > (size_t)off && before < 2 && is_letter(char_back(s, (size_t)off, &q)))
        before++;
    return before >= 2;
}

/* Whether s[off..end) is a web or e-mail address: "https://…",
 * "www.…", "namn@kommun.se". */
static bool url_like(const char *s, int off, int end)
{
    if (end - off >= 4 && !strncmp(s + off, "www.", 4))
        return true;
    for (int k = off; k + 2 < end; k++)
        if ((s[k] == ':' && s[k + 1] == '/' && s[k + 2] == '/') || (s[k] == '@' && k > off))
            return true;
    return false;
}

/* Whether the slash at s[j..k), inside the word s[off..end), stands
 * between a unit and what it is per: "kWh/kvm", "kr/inv", "kr/elev",
 * "ton/år" (the part after it a unit, or a short word in lower case). */
static bool unit_per(const char *s, int off, int j, int k, int end)
{
    int q = j;
    while (q > off && s[q - 1] != ' ' && s[q - 1] != '(')
        q--;
    if (q == j || bind_unit_at(s, q, j) != j - q)
        return false;
    if (bind_unit_at(s, k, end) > 0)
        return true;
    int e = k;
    while (e < end && s[e] >= 'a' && s[e] <= 'z')
        e++;
    return e > k && e - k <= 4 && (e == end || s[e] == ' ' || s[e] == ')' || s[e] == ',' || s[e] == '.');
}

/* Whether the word s[off..end) of p may break after its hyphen, dash or
 * slash c at s[j..k); *range says it is the dash of a range of words. */
static bool dash_breaks(IB *b, const Piece *p, int off, int end, size_t j, size_t k, uint32_t c, bool *range)
{
    const char *s = p->s;
    *range = c == 0x2013 && letters_around(s, off, j, k, end);
    bool breakable = (c == '/' || ((c == '-' || c == 0x2013) && b->hyph != HYPH_NEVER)) &&
                     k < (size_t)end && (int)j > off;
    /* in a header, only a hyphen between two words of letters:
     * "Budget-/avvikelse", not "jan–/augusti" */
    if (breakable && (b->hyph == HYPH_HARD || b->hyph == HYPH_JOINTS) && c != '/')
        breakable = c == '-' && letters_around(s, off, j, k, end);
    /* not after a word of one letter or two small ones: "e-post",
     * "C-anläggningar" leave no stub "e-", "C-" (an abbreviation in
     * capitals, "FH-SOL", may break: binding it widens its column a
     * great deal) */
    if (breakable && c == '-') {
        size_t q = j;
        int nl = 0;
        bool small = false;
        for (uint32_t l; q > (size_t)off && nl < 3 && is_letter(l = char_back(s, (size_t)off, &q)); nl++)
            small = !is_upper(l);
        if (nl == 1 || (nl == 2 && small))
            breakable = false;
    }
    /* not inside a range, a date or a number of figures: "0–20",
     * "2024-04-06", "2024-421", a regulation's "2016/679" ("2016/" at a
     * line's end: a typographer), a school year's "2024/25" */
    if (breakable && is_digit(s[j - 1]) && is_digit(s[k]))
        breakable = false;
    /* not between the slashes of "https://" (read "https:/" and
     * "/www..." apart, an auditor) */
    if (breakable && c == '/' && s[k] == '/')
        breakable = false;
    /* not inside a unit after a number: "761 kr/inv", "1 250 µg/m³" */
    if (breakable && c == '/') {
        int q = (int)j;
        while (q > off && s[q - 1] != ' ')
            q--;
        if (q - 2 >= off && is_digit(s[q - 2]) && bind_unit_at(s, q, end) > (int)j - q)
            breakable = false;
    }
    /* nor between a unit and what it is per, after a number or not: a
     * label's "kWh/kvm", "kr/inv och år" were set "kWh/ | kvm" in a cell
     * (a typographer), where running text kept them whole */
    if (breakable && c == '/' && unit_per(s, off, (int)j, (int)k, end))
        breakable = false;
    /* a range of words ("mars–september") is a word to a column's widths
     * (LbItem.inword), broken in a cell only where it is wider than the
     * cell, as a word is hyphenated: a column was made narrow for it,
     * "mars– / september / 2026" */
    if (breakable && *range && b->hyph == HYPH_IF_NEEDED && !hyphenate(b, p, off, end, off, end))
        breakable = false;
    return breakable;
}

/* A word wider than the line that may not be hyphenated (a name,
 * "Socialstyrelsens" in a narrow cell): at its syllables with a hyphen,
 * as a last resort, rather than anywhere without one ("Socials /
 * tyrelsens"). Whether it was. */
static bool add_at_points(IB *b, const Piece *p, int pi, int off, int len)
{
    if (!b->m->hyph || b->hyph == HYPH_NEVER || p->nohyphen || p->rise != 0 || len >= 127 || b->address)
        return false;
    const char *s = p->s + off;
    size_t ls = 0, le = (size_t)len;         /* its letters, without the marks around them */
    while (ls < le && !is_letter((unsigned char)s[ls]) && (unsigned char)s[ls] < 0x80)
        ls++;
    while (le > ls && !is_letter((unsigned char)s[le - 1]) && (unsigned char)s[le - 1] < 0x80)
        le--;
    const unsigned char *ok = le - ls >= 6 ? word_points(b->m, s + ls, le - ls) : NULL;
    if (!ok && le - ls >= 6 && compound_undivided(s + ls, le - ls))
        ok = pattern_points(b->m, s + ls, le - ls);     /* wider than the cell: "efter-/som", not "efters/om" */
    if (!ok)
        return false;
    int32_t hw = font_text_width(face_font(b->m, p->face), "-", 1, p->size);
    int from = off;
    for (size_t k = 1; k < le - ls; k++)
        if (ok[k]) {
            int at = off + (int)(ls + k);
            add_box(b, p, pi, from, at - from);
            LbItem pen = { LB_PENALTY, true, hw, 0, 0, 700, false, false };
            add_item(b, pen, pi, at, 0);
            from = at;
        }
    add_box(b, p, pi, from, off + len - from);
    return true;
}

static void names_in(M *m, const Node *n)
{
    for (const Node *c = n->first; c; c = c->next) {
        if (c->kind == N_TEXT && c->text) {
            const char *s = c->text;
            size_t len = c->len;
            for (size_t i = 2; i < len; i++) {
                /* a capital after a space after a small letter or a
                 * comma: inside a sentence ("enskild undervisning på
                 * Kulturskolan") */
                size_t b = i - 1, j = i;
                if (s[i - 1] != ' ')
                    continue;
                uint32_t before = char_back(s, 0, &b), first = utf8_next(s, len, &j);
                if (!is_upper(first) || !((is_letter(before) && !is_upper(before)) || before == ','))
                    continue;
                int letters = 1;
                bool lower = true;
                for (size_t k = j; k < len;) {
                    uint32_t d = utf8_next(s, len, &k);
                    if (!is_letter(d))
                        break;
                    lower &= !is_upper(d);
                    letters++;
                    j = k;
                }
                if (lower && letters >= 6 && j - i < 64)
                    map_put(&m->names, arena_strndup(&m->rp->arena, s + i, j - i), (void *)1);
                i = j;
            }
        }
        names_in(m, c);
    }
}

void text_find_names(M *m, const Node *root)
{
    map_init(&m->names, &m->rp->arena, 1);
    names_in(m, root);
}

/* Whether the word s[0..n), written with a capital, is one of the names
 * the report has inside a sentence, or its genitive ("Kulturskolans" of
 * "Kulturskolan", and the other way). (Running text only: a narrow cell
 * divides "Social-/förvaltningen" at its joint rather than grow.) */
static bool known_name(M *m, const char *s, size_t n)
{
    char w[72];
    if (n == 0 || n + 2 > sizeof w || m->names.n == 0)
        return false;
    memcpy(w, s, n);
    w[n] = 0;
    if (map_get(&m->names, w))
        return true;
    if (w[n - 1] == 's') {
        w[n - 1] = 0;
        if (map_get(&m->names, w))
            return true;
        w[n - 1] = 's';
    }
    w[n] = 's';
    w[n + 1] = 0;
    return map_get(&m->names, w) != NULL;
}

/* The places the word s[off..end) of p may break, in order. */
static void word_cuts(IB *b, const Piece *p, int pi, int off, int end, Cuts *out)
{
    const char *s = p->s;
    size_t i = (size_t)off;
    /* a word with the author's soft hyphens (U+00AD, from Word) breaks
     * there and nowhere else, as TeX's \- and Word do (where one may be
     * taken: not after a single letter, "a&#173;vgifterna") */
    bool shy = false;
    for (int k = off + 2; k + 1 < end && !shy; k++)
        shy = (unsigned char)s[k] == 0xC2 && (unsigned char)s[k + 1] == 0xAD && shy_ok(s, off, k);
    /* a web or e-mail address (b->address) breaks after its slashes
     * only: a hyphen at a line's end would be read as part of it or not,
     * wrongly either way ("…/namnder-/och-styrelser/…") */
    bool address = b->address;
    Hyphenator *hy = shy || address ? NULL : b->m->hyph;
    /* the word that completes a part written out before it ("energi- och
     * driftkostnader"): divided in running text, its "drift-" at a
     * line's end reads as a third such part (a typographer); in a
     * cell, where it may have to be, it is */
    if (hy && b->hyph == HYPH_ALWAYS && !p->cell && completes_suspended(s, p->len, off))
        hy = NULL;
    while (i < (size_t)end) {
        /* find a letter run [ls, le) */
        size_t ls = i;
        int letters = 0, uppers = 0;
        size_t j = i;
        while (j < (size_t)end) {
            size_t k = j;
            uint32_t c = utf8_next(s, (size_t)end, &k);
            if (!is_letter(c))
                break;
            letters++;
            uppers += is_upper(c);
            j = k;
        }
        /* a capital after the first letter ("SoL", "LVM-placering") or a
         * name ("Linköpings", "Leanlink": a capital, and no Swedish word;
         * "via Skatteverket": a capital inside a sentence) is not
         * hyphenated */
        bool listed = j > ls && word_exception(b->m, s + ls, j - ls) != NULL;
        /* a part whose compound is written out later ("konsulentstödda-
         * och arvoderade"): a hyphen inside it would put two on the
         * line's end and the next ("konsulent-" / "stödda- och") */
        bool suspended = j < (size_t)end && s[j] == '-' &&
                         (j + 1 == (size_t)end || s[j + 1] == ' ' || s[j + 1] == ',');
        /* (whether the word needs hyphens is asked of it with what stands
         * against it, hyphenate(): "tjänster," wider than the cell,
         * "tjänster" not, was split "tjänste / r," with no hyphen) */
        /* a capitalised word that starts a sentence or a cell and is no
         * Swedish word may still end in one: divided at that joint or
         * after it, its first part whole (a name: "Skäggetorps-/
         * projektet", never "Skäggetor-/psprojektet") */
        bool capital = !listed && uppers == 1 && is_upper(first_letter(s + ls)) && !inside_sentence(p, pi, ls) &&
                       (p->cell || !known_name(b->m, s + ls, j - ls));
        int tail = -1;
        if (letters >= 6 && hy && !suspended && p->rise == 0 && !p->nohyphen && hyphenate(b, p, off, end, (int)ls, (int)j) &&
            (listed || uppers == 0 ||
             (capital && (compound_known(s + ls, j - ls) || (tail = compound_tail(s + ls, j - ls)) > 0)))) {
            size_t wl = j - ls;
            const unsigned char *ok = wl < 127 ? word_points(b->m, s + ls, wl) : NULL;
            if (tail > 0) {
                add_cut(out, (int)ls + tail, true, JOINT_COST);
                size_t k = (size_t)tail;        /* three letters into the last part */
                for (int l = 0; l < 3 && k < wl; l++)
                    utf8_next(s + ls, wl, &k);
                for (; ok && k < wl; k++)
                    if (ok[k] && b->hyph != HYPH_JOINTS)
                        add_cut(out, (int)(ls + k), true, POINT_COST);
                ok = NULL;              /* the rest: none */
            }
            /* a compound's joint (2) costs far less than a point inside a
             * part, so a joint is taken unless the line gets much worse
             * for it ("kostnads-effektiviseringar", not "kostnadseffektivise-
             * ringar"); ragged text triples both (linebreak.c) */
            bool joints = false;
            for (size_t k = 1; ok && k < wl && !joints; k++)
                joints = ok[k] >= 2;
            static const int cost[2][5] = { { 0, POINT_COST, JOINT_COST, INNER_COST, DEEP_COST },
                                            { 0, POINT_COST, JOINT_COST, CELL_INNER_COST, CELL_DEEP_COST } };
            bool cell = b->hyph == HYPH_IF_NEEDED;
            for (size_t k = 1; ok && k < wl; k++)
                if (ok[k] >= 2 || (ok[k] && b->hyph != HYPH_JOINTS))
                    add_cut(out, (int)(ls + k), true,
                            ok[k] == 1 && joints ? (cell ? CELL_PART_COST : PART_COST) : cost[cell][ok[k]]);
        }
        if (j == ls) {
            /* a non-letter: a break may follow a hyphen, dash or slash
             * that stands between two word characters */
            size_t k = j;
            uint32_t c = utf8_next(s, (size_t)end, &k);
            if (c == 0x00AD) {
                /* the author's soft hyphen: a hyphenation point as a
                 * compound's joint costs, before it (the line that goes
                 * on starts with it, where it is nothing) */
                if (shy_ok(s, off, (int)j) && k < (size_t)end && b->hyph != HYPH_NEVER)
                    add_cut(out, (int)j, true, JOINT_COST);
                i = k;
                continue;
            }
            bool range;
            if ((!address || c == '/') && dash_breaks(b, p, off, end, j, k, c, &range)) {
                add_cut(out, (int)k, false, c == '/' ? 200 : 100);
                out->v[out->n - 1].inword = range;
            }
            j = k;
        }
        i = j;
    }
}

/* Where a kerning pair or a ligature spans a cut of the word s[0..len)
 * ("Upp|fyllt", "mot|tag"), its pieces shaped alone are not as wide as
 * the word: items[first..) (box, cut, box, ..., box) are mended as
 * Knuth's discretionaries are, the box before such a cut taking the
 * difference and the cut's penalty giving it back, so that the word
 * measures what it draws where a line does not break there, and each
 * piece as shaped alone where one does. `unsafe` has bit c for cut c.
 * With several such cuts, each but the last takes what joining its two
 * pieces changes, the last the rest. */
static void mend_cuts(IB *b, const Font *f, const Piece *p, int off, int len, int first, int ncuts, uint64_t unsafe)
{
    LbItem *it = b->m->items + first;
    int ni = b->n - first, last = 63;
    if (!unsafe || ni != 2 * ncuts + 1)
        return;         /* a piece too wide, in boxes of its own */
    for (int i = 0; i < ni; i++)
        if (it[i].type != (i % 2 ? LB_PENALTY : LB_BOX))
            return;
    int64_t rest = font_text_width(f, p->s + off, (size_t)len, p->size);
    for (int i = 0; i < ni; i += 2)
        rest -= it[i].w;
    while (last > 0 && !(unsafe >> last & 1))
        last--;
    for (int c = 0; c <= last && 2 * c + 1 < ni; c++) {
        if (!(unsafe >> c & 1))
            continue;
        int32_t d = (int32_t)rest;
        if (c < last) {
            int a = b->m->ioff[first + 2 * c] - off;
            int z = b->m->ioff[first + 2 * c + 2] + b->m->ilen[first + 2 * c + 2] - off;
            d = font_text_width(f, p->s + off + a, (size_t)(z - a), p->size) - it[2 * c].w - it[2 * c + 2].w;
        }
        it[2 * c].w += d;
        it[2 * c + 1].w -= d;
        rest -= d;
    }
}

/* A run of text without spaces: cut at hyphens and hyphenation points.
 * The word is shaped whole first (font_cut_word), so its pieces need no
 * shaping of their own where nothing kerns across the cut; where
 * something does, mend_cuts() puts the widths right. */
static void add_word(IB *b, const Piece *p, int pi, int off, int len)
{
    int end = off + len;
    Cuts cuts;                  /* (its 1 KB of stack not cleared: a word's cost, for every word) */
    cuts.v = cuts.stack;
    cuts.n = 0;
    cuts.cap = (int)(sizeof cuts.stack / sizeof *cuts.stack);
    b->address = url_like(p->s, off, end);       /* no hyphens, nor syllables in a piece too wide */
    word_cuts(b, p, pi, off, end, &cuts);
    const Font *f = face_font(b->m, p->face);
    uint64_t unsafe = 0;
    if (cuts.n > 0) {
        int rel[64];
        int nrel = 0;
        for (int c = 0; c < cuts.n && c < 64; c++)
            rel[nrel++] = cuts.v[c].at - off;
        if (nrel == cuts.n)
            unsafe = font_cut_word(f, p->s + off, (size_t)len, rel, nrel);
    }
    int first = b->n;
    int32_t hw = 0;
    int seg = off;
    for (int c = 0; c < cuts.n; c++) {
        add_box(b, p, pi, seg, cuts.v[c].at - seg);
        if (cuts.v[c].hyphen && !hw)
            hw = font_text_width(f, "-", 1, p->size);
        LbItem pen = { LB_PENALTY, cuts.v[c].hyphen, cuts.v[c].hyphen ? hw : 0, 0, 0, cuts.v[c].penalty,
                       cuts.v[c].inword, false };
        add_item(b, pen, pi, cuts.v[c].at, 0);
        seg = cuts.v[c].at;
    }
    add_box(b, p, pi, seg, end - seg);
    mend_cuts(b, f, p, off, len, first, cuts.n, unsafe);
    b->address = false;
    if (cuts.v != cuts.stack)
        free(cuts.v);
}

/* Whether a space at the edge of piece pi, at its byte i (its first or
 * last), is one no line may break at: bound_space() on the text around
 * it, read across the pieces beside it ("<b>IFO</b> 2069",
 * "LSS: <i>489</i>"). */
static bool edge_bound(const Piece *ps, int np, int pi, int i)
{
    enum { CTX = 24 };                  /* as far as text_bound_space looks */
    char buf[2 * CTX + 1];
    const Piece *p = &ps[pi];
    /* before the space, back to CTX bytes, through whole pieces */
    int start = CTX, take = i < CTX ? i : CTX;
    memcpy(buf + start - take, p->s + i - take, (size_t)take);
    start -= take;
    for (int q = pi - 1, whole = take == i; whole && q >= 0 && start > 0 && is_word_piece(&ps[q]); q--) {
        take = ps[q].len < start ? ps[q].len : start;
        memcpy(buf + start - take, ps[q].s + ps[q].len - take, (size_t)take);
        start -= take;
        whole = take == ps[q].len;
    }
    /* the space, and after it up to CTX bytes */
    buf[CTX] = ' ';
    int end = CTX + 1, room = 2 * CTX + 1;
    take = p->len - i - 1 < room - end ? p->len - i - 1 : room - end;
    memcpy(buf + end, p->s + i + 1, (size_t)take);
    end += take;
    for (int q = pi + 1, whole = take == p->len - i - 1; whole && q < np && end < room && is_word_piece(&ps[q]); q++) {
        take = ps[q].len < room - end ? ps[q].len : room - end;
        memcpy(buf + end, ps[q].s, (size_t)take);
        end += take;
        whole = take == ps[q].len;
    }
    return text_bound_space_in(buf + start, CTX - start, end - start, p->cell);
}

/* What a heading's line costs that ends in a small word ("Tillsyns-
 * frekvens per / riskklass", "... och är / behöriga"): as much as a
 * ragged line left some 45 % empty, so the break moves unless the
 * lines' balance suffers much for it (a heading's lines are short: a
 * little less breaks nothing there); and a line and a half more
 * (extra_line), so a heading takes a line more (not two) rather than
 * end one in "och": "Anpassad
 * gymnasieskola / och gymnasiesärskoleutbildning / under övergångs-
 * perioden" (a typographer; it was "... gymnasieskola och / ..."). */
enum { WEAK_BREAK = 2000 };

/* What a line of text or a cell costs that ends in a compound's part
 * written out for the next ("rikt kultur- / och fritidsutbud", read
 * "kulturoch"): as much as a line some 30 % empty. (A heading's costs
 * as a small word's, WEAK_BREAK.) */
enum { SUSPENDED_BREAK = 1000 };

/* The same on a cover, whose title is set large, a few words a line,
 * and read in phrases: as much as a line some 65 % empty, so that
 * "Delårsrapport / per den 31 augusti 2025 / med prognos för helår" is
 * set, not "Delårsrapport per / den 31 augusti 2025 / ...". */
enum { WEAK_BREAK_DISPLAY = 4500 };

/* A cover's line ending in a compound's part written out for the next
 * ("för arbetsmarknads- / och välfärdsnämnden"): its hyphen, large at a
 * line's end, reads as a hyphenation's, "arbetsmarknadsoch" (a
 * typographer), so the title takes a line more rather than end so. */
enum { SUSPENDED_BREAK_DISPLAY = 12000 };

/* What a line ending at a preferred break gains (a negative penalty): a
 * goal's name on its line(s) and its status on the next ("... hållbart
 * arbetsliv – / En bedömning har inte kunnat göras") rather than a word
 * of the name beside the status ("... hållbart / arbetsliv – En
 * bedömning ..."), where the lines are as many: as much as a ragged
 * line 60 % empty costs, so that a name that fills its line keeps it
 * too (PREFER_BREAK_LESS: before the dash, where the dash will not
 * fit after the name). */
enum { PREFER_BREAK = -3500, PREFER_BREAK_LESS = -2500 };

/* What a line costs that ends in a word of one letter ("belysning i /
 * ishallarna"): Swedish typesetting avoids it where the lines allow,
 * in text and cells (a heading's cost is WEAK_BREAK). In a cell, where
 * the lines are as many either way, it goes down even where that leaves
 * the line above short ("Mäts / i augusti"): a narrow column's lines
 * are short by nature. */
enum { ONE_LETTER_BREAK = 400, CELL_ONE_LETTER_BREAK = 4000 };

/* What a line of running text costs that ends in a count ("i 15 /
 * föreningar"): as a line some 14 % emptier, less than a hyphen costs
 * there (80, tripled), so that a count goes down with its word, but no
 * word is hyphenated for it ("588,4 årsar-/betare"). In a cell it costs
 * as a letter alone does (CELL_ONE_LETTER_BREAK). */
enum { COUNT_BREAK = 200 };

/* Whether the word that ends at piece pi's s[i] (a space follows) is one
 * small letter: "i", "å", "ö" (at a piece's start, only where the piece
 * before ends a word: not the "s" of "<b>Fastighet</b>s ansvar"). */
static bool one_letter_before(const Piece *ps, int pi, int i)
{
    const char *s = ps[pi].s;
    int k = i - 1;
    if (k >= 1 && (unsigned char)s[k - 1] == 0xC3 && ((unsigned char)s[k] == 0xA5 || (unsigned char)s[k] == 0xB6))
        k--;                                        /* å, ö */
    else if (k < 0 || s[k] < 'a' || s[k] > 'z')
        return false;
    if (k > 0)
        return s[k - 1] == ' ';
    const Piece *q = pi > 0 ? &ps[pi - 1] : NULL;
    return !q || q->br || q->len == 0 || q->s[q->len - 1] == ' ';
}

/* Whether the space at s[i] stands between a count and the word it
 * counts: "i 15 / föreningar", "2 500 / barn", "588,4 / årsarbetare"
 * read as a number left alone; the line takes them together where it
 * can, as a small word (a year is not a count: "under 2024 /
 * genomfördes" breaks freely). */
static bool count_before(const char *s, int len, int i)
{
    int k = i, nd = 0;
    bool plain = true;                          /* figures alone, no comma or group */
    while (k > 0 && i - k < 16) {
        unsigned char c = (unsigned char)s[k - 1];
        if (c >= '0' && c <= '9') {
            k--, nd++;
        } else if (c == ',' && k < i && k >= 2 && s[k - 2] >= '0' && s[k - 2] <= '9') {
            k--, plain = false;                 /* the decimal comma */
        } else if (c == 0xA0 && k >= 3 && (unsigned char)s[k - 2] == 0xC2 && s[k - 3] >= '0' && s[k - 3] <= '9') {
            k -= 2, plain = false;              /* a group's no-break space */
        } else {
            break;
        }
    }
    if (nd < 1 || i + 1 >= len || s[i - 1] < '0' || s[i - 1] > '9')
        return false;
    if (k > 0 && s[k - 1] != ' ' && s[k - 1] != '(' &&
        !(k >= 2 && (unsigned char)s[k - 2] == 0xC2 && (unsigned char)s[k - 1] == 0xA0))
        return false;                           /* "§3", "v.3", "B12", "−3" */
    if (plain && (nd > 4 || (nd == 4 && (s[k] == '1' || s[k] == '2'))))
        return false;                           /* a year, or a code */
    unsigned char c = (unsigned char)s[i + 1], d = i + 2 < len ? (unsigned char)s[i + 2] : 0;
    return (c >= 'a' && c <= 'z') || (c == 0xC3 && (d == 0xA5 || d == 0xA4 || d == 0xB6 || d == 0xA9));
}

/* Whether the word that ends at s[i] (a space follows) is a small word
 * a heading's line does not end in: a preposition, a conjunction, an
 * article, "är". */
static bool weak_word_before(const char *s, int i)
{
    static const char *const weak[] = {
        "och", "eller", "samt", "men", "i", "på", "av", "för", "till", "med", "om", "per", "som", "att",
        "är", "en", "ett", "den", "det", "de", "vid", "från", "mot", "hos", "inom", "genom", "mellan",
        "under", "över", "efter", "utan", "kring", "där", "när", "hur", "vad", "sin", "sitt", "sina",
    };
    int k = i;
    while (k > 0 && s[k - 1] != ' ' && i - k < 8)
        k--;
    if (k > 0 && s[k - 1] != ' ')
        return false;
    for (size_t w = 0; w < sizeof weak / sizeof *weak; w++)
        if (strlen(weak[w]) == (size_t)(i - k) && !strncasecmp(s + k, weak[w], (size_t)(i - k)))
            return true;
    return false;
}

/* Whether the space at s[i] stands after a compound's part written out
 * for the one after it ("kultur- och fritidsnämnden", "social- eller
 * omsorgsnämnden"): a line ending in "kultur-" reads as a word broken,
 * "kulturoch". */
static bool suspended_before(const char *s, int len, int i)
{
    static const char *const joins[] = { "och", "eller", "samt", "respektive", "resp.", "till" };
    if (i < 2 || s[i - 1] != '-' || s[i - 2] == ' ' || s[i - 2] == '-' || (s[i - 2] >= '0' && s[i - 2] <= '9'))
        return false;
    for (size_t w = 0; w < sizeof joins / sizeof *joins; w++) {
        size_t n = strlen(joins[w]);
        if ((size_t)(len - i - 1) >= n && !strncmp(s + i + 1, joins[w], n) &&
            ((size_t)(len - i - 1) == n || s[i + 1 + n] == ' '))
            return true;
    }
    return false;
}

/* Whether the word at s[at] completes a part written out before it:
 * "drift" of "energi- och driftkostnader" (suspended_before). */
static bool completes_suspended(const char *s, int len, int at)
{
    if (at < 2 || s[at - 1] != ' ')
        return false;
    int k = at - 1;
    while (k > 0 && s[k - 1] != ' ')
        k--;
    return k >= 3 && k < at - 1 && suspended_before(s, len, k - 1);
}

static int build_items(M *m, const Piece *ps, int np, int32_t width, Hyph hyph, int mode)
{
    bool heading = mode & LB_HEADING;
    IB b = { m, 0, width, hyph, false };
    for (int pi = 0; pi < np; pi++) {
        const Piece *p = &ps[pi];
        if (p->br) {
            LbItem pen = { LB_PENALTY, false, 0, 0, 0, LB_FORCE, false, false };
            add_item(&b, pen, pi, 0, 0);
            continue;
        }
        if (p->marker) {
            LbItem it = { LB_BOX, false, marker_advance(p->size), 0, 0, 0, false, false };
            add_item(&b, it, pi, 0, 0);
            continue;
        }
        if (p->pagenum >= 0) {
            LbItem it = { LB_BOX, false, pagenum_width(m, p), 0, 0, 0, false, false };
            add_item(&b, it, pi, 0, 0);
            continue;
        }
        int i = 0;
        int preferred = p->prefer;      /* its first space still to come */
        while (i < p->len) {
            if (p->s[i] == ' ') {
                const Font *f = face_font(m, p->face);
                int32_t sw = font_text_width(f, " ", 1, p->size);
                if (preferred && b.n > 0 && m->items[b.n - 1].type != LB_GLUE) {
                    LbItem pen = { LB_PENALTY, false, 0, 0, 0,
                                   preferred == 3 ? LB_FORCE : preferred == 1 ? PREFER_BREAK : PREFER_BREAK_LESS,
                                   false, false };
                    add_item(&b, pen, pi, i, 0);
                }
                preferred = 0;
                if (b.n == 0 || m->items[b.n - 1].type != LB_GLUE) {
                    bool bound = (i == 0 || i == p->len - 1) && edge_bound(ps, np, pi, i);
                    bool suspended = !bound && suspended_before(p->s, p->len, i);
                    if (suspended && !heading) {
                        /* "kultur- / och": at a cost, kept together unless it leaves a hole;
                         * in a cell, where a line more is all it costs, at a line and a half
                         * ("studie- / och yrkesvägledning" read "studieoch": a typographer) */
                        LbItem pen = { LB_PENALTY, false, 0, 0, 0, SUSPENDED_BREAK, false, (mode & LB_FEWEST) != 0 };
                        add_item(&b, pen, pi, i, 0);
                        bound = true;
                    }
                    bool count = !bound && i > 0 && count_before(p->s, p->len, i);
                    if (!bound && i > 0 &&
                        (count || (heading ? weak_word_before(p->s, i) || suspended : one_letter_before(ps, pi, i)))) {
                        /* the break before the space, at a cost; the
                         * space itself binds */
                        LbItem pen = { LB_PENALTY, false, 0, 0, 0,
                                       mode & LB_DISPLAY ? (suspended ? SUSPENDED_BREAK_DISPLAY : WEAK_BREAK_DISPLAY)
                                       : heading ? WEAK_BREAK : mode & LB_FEWEST ? CELL_ONE_LETTER_BREAK
                                       : count && !one_letter_before(ps, pi, i) ? COUNT_BREAK
                                                                              : ONE_LETTER_BREAK, false, heading };
                        add_item(&b, pen, pi, i, 0);
                        bound = true;
                    }
                    LbItem g = { LB_GLUE, bound, sw, sw / 2, sw / 3, 0, false, false };
                    add_item(&b, g, pi, i, 1);
                }
                i++;
                continue;
            }
            int j = i;
            while (j < p->len && (p->s[j] != ' ' || text_bound_space_in(p->s, j, p->len, p->cell)))
                j++;
            add_word(&b, p, pi, i, j - i);
            i = j;
        }
    }
    while (b.n && m->items[b.n - 1].type == LB_GLUE)   /* trailing space */
        b.n--;
    return b.n;
}

/* ---- lines -------------------------------------------------------------- */

int32_t text_baseline(const M *m, const Style *st)
{
    const Font *f = face_font(m, FACE(st->family, 0));
    int32_t asc = (int32_t)((int64_t)f->ascent * st->size / f->upem);
    int32_t desc = (int32_t)((int64_t)f->descent * st->size / f->upem);
    int32_t extra = st->leading - asc - desc;
    return extra / 2 + asc;
}

static void sbuf_put(M *m, size_t *len, const char *s, size_t n)
{
    if (*len + n + 1 > m->sbuf_cap) {
        m->sbuf_cap = (*len + n + 1) * 2;
        m->sbuf = xrealloc(m->sbuf, m->sbuf_cap);
    }
    memcpy(m->sbuf + *len, s, n);
    *len += n;
}

/* A word into the line's text: a space inside it is one no line may
 * break at (text_bound_space), and reads as what it is, a no-break space. */
static void sbuf_put_word(M *m, size_t *len, const char *s, size_t n)
{
    for (size_t i = 0, j; i < n; i = j + 1) {
        j = i;
        while (j < n && s[j] != ' ' && !soft_hyphen_at(s, j, n))
            j++;
        sbuf_put(m, len, s + i, j - i);
        if (j < n && s[j] == ' ')
            sbuf_put(m, len, "\xC2\xA0", 2);
        else if (j < n)
            j++;                        /* the author's soft hyphen (U+00AD) unbroken: not drawn, nor read */
    }
}

static bool same_look(const Piece *a, const Piece *b)
{
    return a->face == b->face && a->size == b->size && a->rise == b->rise &&
           a->color == b->color && a->anchor == b->anchor && a->uri == b->uri && a->lang == b->lang &&
           !a->marker && !b->marker && a->pagenum < 0 && b->pagenum < 0 && a->note == b->note;
}

static int pi_of(const Piece *base, const Piece *p) { return (int)(p - base); }

/* Whether pieces a and b link to the same place. */
static bool same_link(const Piece *a, const Piece *b)
{
    if (a->anchor >= 0 || b->anchor >= 0)
        return a->anchor == b->anchor;
    return a->uri && b->uri && strcmp(a->uri, b->uri) == 0;
}

/* The link group of piece i: the first of the pieces up to it that link
 * to the same place, so a <ref show="both">'s title, page number and
 * bracket are one Link (they were three: "Mål (s. ", "2", ")"). */
static int link_group(const Piece *ps, int i)
{
    while (i > 0 && same_link(&ps[i - 1], &ps[i]))
        i--;
    return i;
}

typedef struct LB {
    M       *m;
    VEC(Op)  ops;
    VEC(int) notes;
    int      cur_piece;     /* piece of the open text op, -1 */
    int32_t  cur_x;
    size_t   cur_len;
    int32_t  baseline;
    int32_t  h;
} LB;

/* A link's area on the line: one with the area before it where both are
 * of one link and meet, so a reader tabs to "Mål (s. 2)" once, not to
 * its title, page number and bracket. */
static void push_link(LB *lb, Op link)
{
    for (int i = lb->ops.n - 1; i >= 0; i--) {
        Op *o = &lb->ops.v[i];
        if (o->kind != OP_LINK)
            continue;
        if (o->link_group == link.link_group && o->y == link.y && o->x + o->w >= link.x - 500 && o->x <= link.x) {
            o->w = link.x + link.w - o->x;
            o->h = o->h > link.h ? o->h : link.h;
            return;
        }
        break;
    }
    VEC_PUSH(&lb->m->rp->arena, lb->ops, link);
}

static void close_text(LB *lb, const Piece *ps)
{
    if (lb->cur_piece < 0)
        return;
    M *m = lb->m;
    const Piece *p = &ps[lb->cur_piece];
    Op op = op_text(m, arena_strndup(&m->rp->arena, m->sbuf, lb->cur_len), (int)lb->cur_len, p->face, p->size,
                    p->color);
    op.x = lb->cur_x;
    op.y = lb->baseline - p->rise;
    op.note = p->note;
    op.sup = p->rise > 0 && !p->note;
    op.sub = p->rise < 0;
    if (p->anchor >= 0 || p->uri) {
        op.se = SE_LINK_PENDING;        /* a Link, with the /Lang of its words if another's */
        op.link_group = link_group(ps, lb->cur_piece);
        op.lang = p->lang;
    } else if (p->lang) {
        op.se = SE_SPAN_PENDING;       /* a Span with its /Lang (se_links) */
        op.link_group = lb->cur_piece;
        op.lang = p->lang;
    }
    VEC_PUSH(&m->rp->arena, lb->ops, op);
    if (p->anchor >= 0 || p->uri) {
        Op link = { 0 };
        link.se = SE_LINK_PENDING;
        link.link_group = link_group(ps, lb->cur_piece);
        link.kind = OP_LINK;
        link.x = op.x;
        link.y = 0;
        link.w = op.w;
        link.h = lb->h;
        link.anchor = p->anchor;
        link.uri = p->uri;
        push_link(lb, link);
    }
    lb->cur_piece = -1;
    lb->cur_len = 0;
}

/* Close the open text where the look changes or a word stands on its
 * own (justified text), keeping the word space before what follows in
 * it: a reader of the PDF's text must not get "mål:En" for "mål: <i>En". */
static void close_spaced(LB *lb, const Piece *ps, bool space)
{
    if (space && lb->cur_piece >= 0)
        sbuf_put(lb->m, &lb->cur_len, " ", 1);
    close_text(lb, ps);
}

/* One line of a broken paragraph: items s..e (e the break), its natural
 * width and glue, whether it is justified, where its first item starts. */
typedef struct LineSpan {
    int     s, e;
    bool    hyphen, forced, just;
    int64_t nat, stretch, shrink, slack;
    int32_t x;
} LineSpan;

static LineSpan line_span(const M *m, int prev, int e, int n, int k, int nl, int32_t width, Align align,
                          bool justify)
{
    LineSpan ls = { 0 };
    ls.e = e;
    ls.s = prev + 1;
    while (ls.s < e && m->items[ls.s].type != LB_BOX)
        ls.s++;
    ls.hyphen = e < n && m->items[e].type == LB_PENALTY && m->items[e].flagged;
    ls.forced = e < n && m->items[e].type == LB_PENALTY && m->items[e].penalty <= LB_FORCE;
    for (int i = ls.s; i < e; i++) {
        const LbItem *it = &m->items[i];
        if (it->type == LB_PENALTY)
            continue;
        ls.nat += it->w;
        if (it->type == LB_GLUE) {
            ls.stretch += it->stretch;
            ls.shrink += it->shrink;
        }
    }
    if (e < n && m->items[e].type == LB_PENALTY)
        ls.nat += m->items[e].w;        /* the hyphen, or what mend_cuts() gives back */
    ls.slack = width - ls.nat;
    ls.just = justify && k < nl - 1 && !ls.forced &&
              ((ls.slack > 0 && ls.stretch > 0) || (ls.slack < 0 && ls.shrink > 0));
    if (!ls.just && ls.slack > 0) {
        if (align == ALIGN_RIGHT) ls.x = (int32_t)ls.slack;
        else if (align == ALIGN_CENTER) ls.x = (int32_t)(ls.slack / 2);
    }
    return ls;
}

/* A status marker or a page number standing in the line at x (item it
 * of piece p): its op, and a page number's link. */
static void inline_object(LB *lb, const Piece *ps, const Piece *p, const LbItem *it, int32_t x, const Style *st)
{
    M *m = lb->m;
    Op op = { 0 };
    op.anchor = -1;
    if (p->marker) {
        op.kind = OP_MARKER;
        op.w = op.h = marker_size(p->size);
        op.x = x;
        op.y = lb->baseline - p->size * 62 / 100 + (p->size * 62 / 100 - op.h) / 2;
        op.shape = (int16_t)(p->marker - 1);
        op.color = p->marker_color;
        /* read aloud as its word where no word stands beside it (drawn
         * unseen in the piece's face and size: flow.h) */
        op.s = p->speak;
        op.se = p->speak ? 0 : SE_ARTIFACT;
        op.face = p->face;
        op.size = p->size;
    } else {
        op.kind = OP_PAGENUM;
        op.x = x;
        op.w = it->w;
        op.y = lb->baseline;
        op.face = p->face;
        op.size = p->size;
        op.color = p->color;
        op.anchor = p->pagenum;
        op.se = SE_LINK_PENDING;
        op.link_group = link_group(ps, pi_of(ps, p));
        Op link = { 0 };
        link.se = SE_LINK_PENDING;
        link.link_group = op.link_group;
        link.kind = OP_LINK;
        link.x = x;
        link.w = it->w;
        link.h = st->leading;
        link.anchor = p->pagenum;
        push_link(lb, link);
    }
    VEC_PUSH(&m->rp->arena, lb->ops, op);
}

/* The ops of the line's items: words gathered into text ops as long as
 * the look stays, spaces stretched or shrunk if it is justified. */
static void set_line(LB *lb, const Piece *ps, const LineSpan *ls, const Style *st)
{
    M *m = lb->m;
    int32_t x = ls->x;
    bool glue_pending = false;
    for (int i = ls->s; i < ls->e; i++) {
        const LbItem *it = &m->items[i];
        if (it->type == LB_PENALTY)
            continue;
        if (it->type == LB_GLUE) {
            int32_t gw = it->w;
            if (ls->just)
                gw += (int32_t)(ls->slack > 0 ? ls->slack * it->stretch / ls->stretch
                                              : ls->slack * it->shrink / ls->shrink);
            x += gw;
            glue_pending = true;
            /* a page number read with the word after it apart ("sidan 2
             * för", not "2för"): its space is drawn after it */
            if (lb->cur_piece < 0 && lb->ops.n > 0 && lb->ops.v[lb->ops.n - 1].kind == OP_PAGENUM)
                lb->ops.v[lb->ops.n - 1].tail = TAIL_SPACE;
            /* a space between two runs of the fallback font is the
             * style's (that is its width here): not one of the
             * fallback's, drawn in the open text */
            if (ls->just || (lb->cur_piece >= 0 && ps[lb->cur_piece].face != ps[m->iref[i]].face))
                close_spaced(lb, ps, true);
            continue;
        }
        const Piece *p = &ps[m->iref[i]];
        if (p->note) {
            bool seen = false;
            for (int q = 0; q < lb->notes.n; q++)
                seen |= lb->notes.v[q] == p->note;
            if (!seen)
                VEC_PUSH(&m->rp->arena, lb->notes, p->note);
        }
        if (p->marker || p->pagenum >= 0) {
            close_spaced(lb, ps, glue_pending);
            inline_object(lb, ps, p, it, x, st);
            x += it->w;
            glue_pending = false;
            continue;
        }
        int pi = m->iref[i];
        if (lb->cur_piece >= 0 && !same_look(&ps[lb->cur_piece], p))
            close_spaced(lb, ps, glue_pending);
        if (lb->cur_piece < 0) {
            lb->cur_piece = pi;
            lb->cur_x = x;
            /* a marker read as its word: the gap to the words after it,
             * where its space is drawn (pdf.c spoken_marker) */
            Op *mk = lb->ops.n > 0 ? &lb->ops.v[lb->ops.n - 1] : NULL;
            if (mk && mk->kind == OP_MARKER && mk->s)
                mk->len = x - (mk->x + mk->w);
        } else if (glue_pending) {
            sbuf_put(m, &lb->cur_len, " ", 1);
        }
        sbuf_put_word(m, &lb->cur_len, p->s + m->ioff[i], (size_t)m->ilen[i]);
        x += it->w;
        glue_pending = false;
    }
    if (ls->hyphen) {
        if (lb->cur_piece < 0) {
            lb->cur_piece = m->iref[ls->e];
            lb->cur_x = x;
        }
        sbuf_put(m, &lb->cur_len, "-", 1);
    }
    close_text(lb, ps);
}

/* What the reader of the text gets at the end of line k of nl (the last
 * text's tail), and where a page number's line may close up. */
static void line_ends(LB *lb, const LineSpan *ls, int n, int k, int nl, Align align)
{
    const M *m = lb->m;
    int e = ls->e;
    bool space = e < n && (m->items[e].type == LB_GLUE || ls->forced ||
                           (m->items[e].type == LB_PENALTY && !m->items[e].flagged && e + 1 < n &&
                            m->items[e + 1].type == LB_GLUE));      /* a heading's small word */
    for (int q = lb->ops.n - 1; q >= 0 && k < nl - 1; q--)
        if ((lb->ops.v[q].kind == OP_TEXT && lb->ops.v[q].len > 0) || lb->ops.v[q].kind == OP_PAGENUM) {
            lb->ops.v[q].tail = ls->hyphen ? TAIL_HYPHEN : space ? TAIL_SPACE : TAIL_NONE;
            lb->ops.v[q].eol = true;
            break;
        }
    /* a page number's line, for pagination to close it up (flow.h) */
    for (int q = 0; q < lb->ops.n; q++)
        if (lb->ops.v[q].kind == OP_PAGENUM) {
            lb->ops.v[q].line_before = (int16_t)(q < INT16_MAX ? q : 0);
            lb->ops.v[q].line_after = (int16_t)(lb->ops.n - q - 1 < INT16_MAX ? lb->ops.n - q - 1 : 0);
            lb->ops.v[q].line_align = (int8_t)(ls->just ? ALIGN_LEFT : align);
        }
}

/* Whether ps[0..np) is a status marker before words: the words hang
 * right of it (its advance, marker_advance), every line of them. */
static bool marker_hangs(const Piece *ps, int np)
{
    return np > 1 && ps[0].marker && !ps[1].marker && !ps[1].br;
}

int text_marks_at(const Piece *ps, int n)
{
    /* the marks, and the commas between them */
    for (int end = n; n > 0 && (ps[n - 1].note || text_mark_comma(&ps[n - 1], n < end ? &ps[n] : NULL));)
        n--;
    return n;
}

int32_t text_hang(const Piece *ps, int np) { return marker_hangs(ps, np) ? marker_advance(ps[0].size) : 0; }

static Lines break_lines(M *m, const Piece *ps, int np, const Style *st, int32_t width,
                         Align align, bool justify, Hyph hyph, int mode)
{
    Lines out = { NULL, 0 };
    if (width < 1000)
        width = 1000;
    /* a status marker before words: the words broken beside it, and every
     * line of them under the first ("▲ Uppfylls delvis per / helår", the
     * second line under "Uppfylls", not under the marker), unless that
     * takes a line more than the words under the marker (a narrow
     * column of a fixed width: its row would grow). Only in a cell or a
     * heading set from the left: a paragraph that begins with a marker,
     * or centred words, do not hang */
    bool hang = !(mode & LB_NO_HANG) && (mode & LB_FEWEST) && (align == ALIGN_LEFT || align == ALIGN_DEFAULT);
    int32_t adv = hang ? text_hang(ps, np) : 0;
    mode &= ~LB_NO_HANG;
    if (adv > 0 && width - adv >= 1000) {
        Lines mk = break_lines(m, ps, 1, st, width, ALIGN_LEFT, false, hyph, 0);
        out = break_lines(m, ps + 1, np - 1, st, width - adv, align, justify, hyph, mode);
        if (out.n == 0 || mk.n != 1)
            return out;
        if (out.n > 1) {
            Lines flat = break_lines(m, ps, np, st, width, align, justify, hyph, mode | LB_NO_HANG);
            if (flat.n < out.n)
                return flat;
        }
        for (int k = 0; k < out.n; k++) {
            for (int q = 0; q < out.v[k].nops; q++)
                out.v[k].ops[q].x += adv;
            out.v[k].width += adv;
        }
        Line *L = &out.v[0];
        Op *ops = ARENA_ARRAY(&m->rp->arena, Op, mk.v[0].nops + L->nops);
        memcpy(ops, mk.v[0].ops, sizeof *ops * (size_t)mk.v[0].nops);
        memcpy(ops + mk.v[0].nops, L->ops, sizeof *ops * (size_t)L->nops);
        /* (a marker read as its word: the gap to the words, as set_line) */
        for (int q = 0; q < mk.v[0].nops && L->nops > 0; q++)
            if (ops[q].kind == OP_MARKER && ops[q].s && L->ops[0].kind == OP_TEXT)
                ops[q].len = L->ops[0].x - (ops[q].x + ops[q].w);
        L->ops = ops;
        L->nops += mk.v[0].nops;
        return out;
    }
    int n = build_items(m, ps, np, width, hyph, mode & (LB_HEADING | LB_DISPLAY | LB_FEWEST));
    mode &= ~(LB_HEADING | LB_DISPLAY);
    if (n == 0)
        return out;
    grow_items(m, n + 2);
    int nl = linebreak(m->items, n, width, (justify ? LB_JUSTIFY : 0) | mode, m->breaks, m->scratch);
    out.v = ARENA_ARRAY(&m->rp->arena, Line, nl);
    out.n = nl;
    int32_t base = text_baseline(m, st);
    for (int k = 0, prev = -1; k < nl; prev = m->breaks[k], k++) {
        LineSpan ls = line_span(m, prev, m->breaks[k], n, k, nl, width, align, justify);
        LB lb = { m, { 0 }, { 0 }, -1, 0, 0, base, st->leading };
        set_line(&lb, ps, &ls, st);
        line_ends(&lb, &ls, n, k, nl, align);
        Line *L = &out.v[k];
        L->ops = lb.ops.v;
        L->nops = lb.ops.n;
        L->h = st->leading;
        L->width = (int32_t)ls.nat;
        L->notes = lb.notes.v;
        L->nnotes = lb.notes.n;
    }
    return out;
}

Lines text_break(M *m, const Piece *ps, int np, const Style *st, int32_t width,
                 Align align, bool justify)
{
    return break_lines(m, ps, np, st, width, align, justify, HYPH_ALWAYS, 0);
}

Lines text_break_heading(M *m, const Piece *ps, int np, const Style *st, int32_t width, Align align)
{
    return break_lines(m, ps, np, st, width, align, false, HYPH_NEVER, LB_FEWEST | LB_BALANCE | LB_HEADING);
}

Lines text_break_display(M *m, const Piece *ps, int np, const Style *st, int32_t width, Align align)
{
    return break_lines(m, ps, np, st, width, align, false, HYPH_NEVER,
                       LB_FEWEST | LB_BALANCE | LB_HEADING | LB_DISPLAY);
}

Lines text_break_cell(M *m, const Piece *ps, int np, const Style *st, int32_t width,
                      Align align, Hyph hyph)
{
    /* a header's lines balanced, as a heading's: "Budget och / plan per
     * år", not "Budget och plan per / år" (fewest lines first all the
     * same: the row is as high) */
    bool head = hyph == HYPH_NEVER || hyph == HYPH_HARD || hyph == HYPH_JOINTS;
    return break_lines(m, ps, np, st, width, align, false, hyph, LB_FEWEST | (head ? LB_BALANCE : 0));
}

Lines text_break_cell_best(M *m, const Piece *ps, int np, const Style *st, int32_t width, Align align, Hyph hyph)
{
    return break_lines(m, ps, np, st, width, align, false, hyph, 0);
}

int text_segments(M *m, const Piece *ps, int np, Hyph hyph, CwSeg **out)
{
    /* words hanging right of a marker: theirs (text_hang) */
    if (marker_hangs(ps, np))
        return text_segments(m, ps + 1, np - 1, hyph, out);
    /* at an unbounded width no word needs hyphens (but a header's may
     * break at its joints: HYPH_JOINTS, each piece with its hyphen) */
    int n = build_items(m, ps, np, INT32_MAX / 4,
                        hyph == HYPH_NEVER || hyph == HYPH_HARD || hyph == HYPH_JOINTS ? hyph : HYPH_IF_NEEDED, 0);
    CwSeg *v = xmalloc(sizeof *v * (size_t)(n > 0 ? n : 1));
    int ns = 0;
    bool open = false;
    for (int i = 0; i < n; i++) {
        const LbItem *it = &m->items[i];
        if (it->type == LB_BOX) {
            if (!open) {
                v[ns].w = 0;
                v[ns].gap = 0;
                v[ns].brk = false;
                ns++;
                open = true;
            }
            v[ns - 1].w += it->w;
        } else if (it->type == LB_GLUE && it->flagged && ns > 0 && open) {
            v[ns - 1].w += it->w;           /* a bound space: the segment goes on */
        } else if (it->type == LB_GLUE && it->flagged && ns > 0 && i > 0 && m->items[i - 1].type == LB_PENALTY &&
                   m->items[i - 1].penalty > LB_FORCE) {
            v[ns - 1].gap += it->w;         /* the space after a costly break before it: "i / arbete" */
        } else if (ns > 0 && open) {
            /* a space, a break after a hyphen or slash, a forced break,
             * a joint (whose hyphen the piece before it carries) */
            if (it->type == LB_PENALTY)
                v[ns - 1].w += it->w;   /* the hyphen, or what mend_cuts() gives back */
            v[ns - 1].gap = it->type == LB_GLUE ? it->w : 0;
            v[ns - 1].brk = it->type == LB_PENALTY && it->penalty <= LB_FORCE;
            open = false;
        } else if (it->type == LB_PENALTY && it->penalty <= LB_FORCE) {
            if (ns == 0 || v[ns - 1].brk) {      /* a line with nothing on it */
                v[ns].w = v[ns].gap = 0;
                v[ns++].brk = true;
            } else {
                v[ns - 1].brk = true;
            }
        }
    }
    *out = v;
    return ns;
}

/* The narrowest a word of width `word` gets broken at most once: at the
 * hyphenation point (prefix cum[i], hyphen hy[i]) that leaves the wider
 * part narrowest, or whole. */
static int64_t once_broken(int64_t word, const int64_t *cum, const int32_t *hy, const int32_t *pen, int n,
                           bool joints)
{
    int64_t best = word;
    for (int i = 0; i < n; i++) {
        if (joints && (pen[i] == PART_COST || pen[i] == CELL_PART_COST))
            continue;           /* a compound at its joints: "Samhällsbyggnads-/förvaltningen", not "-bygg-" */
        int64_t a = cum[i] + hy[i], b = word - cum[i];
        int64_t v = a > b ? a : b;
        if (v < best)
            best = v;
    }
    return best;
}

static void widths(M *m, const Piece *ps, int np, bool joints, int32_t *natural, int32_t *min_word,
                   int32_t *min_once, int32_t *min_hyph)
{
    if (marker_hangs(ps, np)) {         /* every line of the words beside it */
        widths(m, ps + 1, np - 1, joints, natural, min_word, min_once, min_hyph);
        int32_t adv = marker_advance(ps[0].size);
        *natural += adv;
        *min_word += adv;
        *min_once += adv;
        *min_hyph += adv;
        return;
    }
    int n = build_items(m, ps, np, INT32_MAX / 4, HYPH_ALWAYS, 0);
    int64_t nat = 0, line = 0, word = 0, frag = 0, minw = 0, minh = 0, mino = 0;
    int64_t cum[64];                    /* the word's hyphenation points: what */
    int32_t hy[64], pen[64];            /* comes before each, its hyphen and cost */
    int npt = 0;
    for (int i = 0; i < n; i++) {
        const LbItem *it = &m->items[i];
        if (it->type == LB_BOX) {
            word += it->w;
            frag += it->w;
            line += it->w;
        } else if (it->type == LB_GLUE && it->flagged && !(i > 0 && m->items[i - 1].type == LB_PENALTY &&
                                                             !m->items[i - 1].flagged && m->items[i - 1].penalty > LB_FORCE)) {
            word += it->w;              /* a bound space: one word with its neighbours (not one
                                         * after a costly break before it: "i / arbete") */
            frag += it->w;
            line += it->w;
        } else if (it->type == LB_PENALTY && (it->flagged || it->inword)) {
            if (frag + it->w > minh)
                minh = frag + it->w;
            frag = 0;
            if (npt < 64) {             /* a longer word: broken once at one of its first 64 */
                cum[npt] = word;
                pen[npt] = it->penalty;
                hy[npt++] = it->w;
            }
        } else {
            if (it->type == LB_GLUE)
                line += it->w;
            if (it->type == LB_PENALTY) {
                word += it->w;          /* what mend_cuts() gives back at a break after a hyphen */
                frag += it->w;
            }
            if (word > minw) minw = word;
            if (frag > minh) minh = frag;
            int64_t o = once_broken(word, cum, hy, pen, npt, joints);
            if (o > mino) mino = o;
            word = frag = 0;
            npt = 0;
            if (it->type == LB_PENALTY && it->penalty <= LB_FORCE) {
                if (line > nat)
                    nat = line;
                line = 0;
            }
        }
    }
    if (word > minw) minw = word;
    if (frag > minh) minh = frag;
    int64_t o = once_broken(word, cum, hy, pen, npt, joints);
    if (o > mino) mino = o;
    if (line > nat) nat = line;
    *natural = (int32_t)nat;
    *min_word = (int32_t)minw;
    *min_once = (int32_t)mino;
    *min_hyph = (int32_t)minh;
}

void text_widths(M *m, const Piece *ps, int np, int32_t *natural, int32_t *min_word,
                 int32_t *min_once, int32_t *min_hyph)
{
    widths(m, ps, np, false, natural, min_word, min_once, min_hyph);
}

int32_t text_min_once_joint(M *m, const Piece *ps, int np)
{
    int32_t nat, minw, mino, minh;
    widths(m, ps, np, true, &nat, &minw, &mino, &minh);
    return mino;
}

/* A word of block n's wider than its line, split where the line ended
 * without a hyphen (a pasted web address, a code): said at n, once. Read
 * off the lines set, not the breaks tried: a line that ends inside a
 * word (no space, no hyphen added, no hard hyphen or slash at its end)
 * with the word going on on the next. */
void say_chopped(M *m, const Node *n, const Lines *ls)
{
    for (int k = 0; k + 1 < ls->n; k++) {
        const Line *l = &ls->v[k], *next = &ls->v[k + 1];
        const Op *o = NULL, *f = NULL;
        for (int q = l->nops - 1; q >= 0 && !o; q--)
            if (l->ops[q].kind == OP_TEXT && l->ops[q].len > 0)
                o = &l->ops[q];
        for (int q = 0; q < next->nops && !f; q++)
            if (next->ops[q].kind == OP_TEXT && next->ops[q].len > 0)
                f = &next->ops[q];
        if (!o || !f || o->tail != TAIL_NONE || o->note || f->note || !word_byte((unsigned char)o->s[o->len - 1]) ||
            !word_byte((unsigned char)f->s[0]))
            continue;
        int from = o->len;                  /* the word's start on its line */
        while (from > 0 && o->s[from - 1] != ' ')
            from--;
        int show = 0, chars = 0;
        while (from + show < o->len && chars < 24) {
            show++;
            while (from + show < o->len && ((unsigned char)o->s[from + show] & 0xC0) == 0x80)
                show++;
            chars++;
        }
        diag_add(&m->rp->diags, DIAG_WARNING, model_source(n, m->rep), n->line, n->col,
                 _("a web address: write it as a <link> with words to read; a code or a number: put spaces in it"),
                 _("a word (\"%.*s%s\") is wider than the line: it is split where the line ends, without a hyphen"),
                 show, o->s + from, from + show < o->len ? "\xE2\x80\xA6" : "");
        return;
    }
}
