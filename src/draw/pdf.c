/*
 * pdf.c - pages -> PDF with libharu (draw stage). See pdf.h.
 *
 * libharu reports errors through a callback; ours records the first one
 * in a sticky status that the drawing code checks at the end (no
 * setjmp/longjmp). Coordinates: ops are millipoints from the top-left,
 * PDF wants points from the bottom-left; px()/py() convert.
 *
 * Text is written by this file, not by libharu: the glyphs HarfBuzz
 * shaped (font_shape, the same the measure stage measured) as codes of
 * the page's fonts (embed.c), in TJ arrays whose numbers put each glyph
 * where its shaped advance says (kerning), so text stands exactly where
 * it was measured.
 */
#include "pdf.h"
#include "squeeze.h"
#include "../base/utf8.h"
#include "archive.h"
#include "device.h"
#include "embed.h"
#include "haru.h"
#include "tags.h"
#include "../base/i18n.h"

#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

typedef struct D {
    Device       dev;          /* first: the replay's calls come here (device.h) */
    HPDF_Page    page;         /* the page being drawn */
    PdfBatch    *batch;        /* the streams being deflated (write.h) */
    Rp          *rp;
    const Pages *pg;
    const Layout *lay;
    HPDF_Doc     pdf;
    HPDF_Page   *pages;
    Embed       *emb[FACE_COUNT];   /* per font file, in order of first use */
    int          nemb;
    int8_t       slot[FACE_COUNT];  /* face -> emb index + 1; 0 not yet */
    bool         on_page[FACE_COUNT];
    Buf          tb;           /* text operators on their way to the page */
    int32_t      tx, ty;       /* the text line's origin (Td), inside BT ... ET */
    HPDF_STATUS  status;       /* first libharu error, sticky */
    bool         reported;     /* ... and it is in rp->diags already */
    HPDF_STATUS  detail;
    int32_t      paper_h;      /* height of the page being drawn */
    int32_t      org_x, org_y; /* where put_xy's (0, 0) is, from the top left:
                                * the page's bottom left, or a marker's centre */
    /* what the page's content stream has set, so it is said only once */
    bool         in_text;      /* inside BT ... ET */
    bool         mc_in_text;   /* the open marked-content sequence began inside it */
    int          cur_font;     /* emb index + 1; 0 none set */
    int32_t      cur_size;
    uint32_t     cur_fill, cur_stroke;
    bool         fill_set, stroke_set;
    int32_t      cur_width;    /* line width in millipoints; -1 not yet said */
    int          cur_join;     /* line join; -1 not yet said */
    int          cur_dash;     /* op_dash_pattern's index; 0 solid (the default) */
    Buf          gb;           /* graphics operators on their way to the page */
    /* a rule waiting for the next one that continues it (same colour,
     * height and y, starting where it ends): one rectangle, no seams */
    bool         rule_open;
    int32_t      rule_x0, rule_x1, rule_y, rule_h;
    uint32_t     rule_color;
    Tags        *tags;         /* NULL: an untagged PDF */
    int          box_se;       /* the structure element of the box being drawn */
    bool         repeat;       /* drawing a repeated table header: an artifact */
    HPDF_Image  *img;          /* per Image index, made on first use */
    HPDF_Destination *dests;   /* per anchor, made on first use */
    const Op    *box_ops;      /* the ops of the box being drawn (none: the page's furniture) */
    int          box_nops;
    /* the next run, whose first nb_cut bytes, no-break spaces, were drawn
     * with the run before it (d_text); NULL: none */
    const Op    *nb_cut_op;
    int          nb_cut;
} D;

static void on_error(HPDF_STATUS error_no, HPDF_STATUS detail_no, void *user)
{
    D *d = user;
    if (d->status == HPDF_OK) {
        d->status = error_no;
        d->detail = detail_no;
    }
}

static float pt(int32_t mpt) { return (float)mpt / 1000.0f; }
static float px(int32_t x) { return pt(x); }
static float py(const D *d, int32_t y) { return pt(d->paper_h - y); }

/* Text objects are kept open across consecutive texts, and the font and
 * colour set only when they change: a page of a table is thousands of
 * texts, and each BT/ET and Tf costs libharu and the file. */
static void end_text(D *d, HPDF_Page p)
{
    if (d->in_text) {
        if (d->mc_in_text)          /* BT BDC ... EMC ET: they nest */
            tags_close(d->tags);
        d->mc_in_text = false;
        HPDF_Page_EndText(p);
        d->in_text = false;
    }
}

static void begin_text(D *d, HPDF_Page p)
{
    if (!d->in_text) {
        HPDF_Page_BeginText(p);
        d->in_text = true;
        d->tx = d->ty = 0;          /* BT: the text matrix is the identity */
    }
}

/* ---- fonts ---------------------------------------------------------------- */

/* The embedded font of `face` (faces of one file share it), named in the
 * resources of page p: its index, or -1. */
static int font_of(D *d, HPDF_Page p, int face)
{
    if (!d->slot[face]) {
        const Flow *f = d->pg->flow;
        for (int k = 0; k < FACE_COUNT && !d->slot[face]; k++)
            if (d->slot[k] > 0 && strcmp(f->faces[k]->path, f->faces[face]->path) == 0)
                d->slot[face] = d->slot[k];
        if (!d->slot[face]) {
            Embed *e = embed_new(d->rp, d->pdf, f->faces[face]);
            if (!e)
                return -1;
            d->emb[d->nemb++] = e;
            d->slot[face] = (int8_t)d->nemb;
        }
    }
    int k = d->slot[face] - 1;
    if (!d->on_page[k]) {
        char name[8];
        snprintf(name, sizeof name, "F%d", k + 1);
        if (haru_page_font(d->pdf, p, name, embed_dict(d->emb[k])) != 0)
            return -1;
        d->on_page[k] = true;
    }
    return k;
}

/* ---- ops ------------------------------------------------------------------ */

/* What an op drew, from x0 to x1 and from `top` down to `bottom`
 * (millipoints from the page's top): the bounding boxes of the figures
 * and tables it is part of (tags.c). */
static void extent(D *d, int32_t x0, int32_t top, int32_t x1, int32_t bottom)
{
    if (d->tags)
        tags_extent(d->tags, px(x0), py(d, bottom), px(x1), py(d, top));
}


/* The image XObject of `im`, made once however often it is shown. The
 * parse stage has checked and decoded it (parse/image.c), so libharu
 * only copies bytes: pixels as they are, a JPEG after reading its frame
 * header. */
static HPDF_Image image_of(D *d, const Image *im)
{
    if (d->img[im->index])
        return d->img[im->index];
    HPDF_Image img;
    if (im->kind == IMAGE_JPEG)
        img = HPDF_LoadJpegImageFromMem(d->pdf, im->data, (HPDF_UINT)im->len);
    else
        img = HPDF_LoadRawImageFromMem(d->pdf, im->data, (HPDF_UINT)im->w, (HPDF_UINT)im->h,
                                       im->channels == 1 ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
    return d->img[im->index] = img;
}

/* A number for the content stream: at most three decimals, no zeros
 * after them. */
static void put_num(Buf *b, double v)
{
    char tmp[32];
    int k = sizeof tmp;
    long m = (long)(v * 1000 + (v < 0 ? -0.5 : 0.5));
    unsigned long u = m < 0 ? 0UL - (unsigned long)m : (unsigned long)m;
    unsigned long frac = u % 1000;
    if (frac) {                       /* ".5", ".25", ".125": no zeros after */
        int digits = 3;
        while (frac % 10 == 0) {
            frac /= 10;
            digits--;
        }
        while (digits-- > 0) {
            tmp[--k] = (char)('0' + frac % 10);
            frac /= 10;
        }
        tmp[--k] = '.';
    }
    u /= 1000;
    do
        tmp[--k] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (m < 0)
        tmp[--k] = '-';
    buf_put(b, tmp + k, sizeof tmp - (size_t)k);
}

/* ---- graphics -------------------------------------------------------------
 * Colours and paths are written here as text is: from the ops'
 * millipoints, places and lengths to a hundredth of a point, colours
 * to three decimals (libharu's floats would write 245.10699 for
 * 245.107, which neither reads nor deflates well), and each part of
 * the graphics state said only when it changes. A hundredth of a point
 * is a fiftieth of a printer's dot at 600 dpi; the third decimal cost
 * the verksamhetsberättelse 1 KB. */

static void gb_flush(D *d)
{
    if (d->gb.n) {
        haru_page_write(d->page, d->gb.p, d->gb.n);
        d->gb.n = 0;
    }
}

/* Millipoints to the nearest hundredth of a point (halves away from 0). */
static int32_t hundredths(int32_t v)
{
    return v >= 0 ? (v + 5) / 10 * 10 : -((5 - v) / 10 * 10);
}

/* A length in millipoints as points, and a space. */
static void put_len(Buf *b, int32_t v)
{
    put_num(b, hundredths(v) / 1000.0);
    buf_puts(b, " ");
}

/* A point: x from the left, y from the top (millipoints) as PDF's points
 * from the origin: the bottom left, or where a marker moved it. */
static void put_xy(const D *d, Buf *b, int32_t x, int32_t y)
{
    put_len(b, x - d->org_x);
    put_len(b, d->org_y - y);
}

/* An 8-bit colour: three decimals tell all 256 levels apart. */
static void put_rgb(Buf *b, uint32_t c, const char *op)
{
    for (int k = 16; k >= 0; k -= 8) {
        put_num(b, (double)((c >> k) & 255) / 255.0);
        buf_puts(b, " ");
    }
    buf_puts(b, op);
}

static void set_fill(D *d, uint32_t c)
{
    if (d->fill_set && d->cur_fill == c)
        return;
    put_rgb(&d->gb, c, "rg\n");
    d->cur_fill = c;
    d->fill_set = true;
}

static void set_stroke(D *d, uint32_t c, int32_t width)
{
    if (!d->stroke_set || d->cur_stroke != c) {
        put_rgb(&d->gb, c, "RG\n");
        d->cur_stroke = c;
        d->stroke_set = true;
    }
    if (d->cur_width != width) {
        put_len(&d->gb, width);
        buf_puts(&d->gb, "w\n");
        d->cur_width = width;
    }
}

static void set_dash(D *d, int dash)
{
    if (dash < 0 || dash >= OP_DASHES)
        dash = 0;
    if (d->cur_dash == dash)
        return;
    buf_puts(&d->gb, "[");
    for (int n = 0; n < 6 && op_dash_pattern[dash][n]; n++) {
        buf_int(&d->gb, op_dash_pattern[dash][n]);
        buf_puts(&d->gb, " ");
    }
    buf_puts(&d->gb, "] 0 d\n");
    d->cur_dash = dash;
}

static void put_rect(const D *d, Buf *b, int32_t x, int32_t y, int32_t w, int32_t h, const char *paint)
{
    put_xy(d, b, x, y + h);
    put_len(b, w);
    put_len(b, h);
    buf_puts(b, "re\n");
    buf_puts(b, paint);
}

/* The rule waiting to be continued, drawn (before anything else is). */
static void rule_flush(D *d)
{
    if (d->rule_open) {
        d->rule_open = false;
        set_fill(d, d->rule_color);
        put_rect(d, &d->gb, d->rule_x0, d->rule_y, d->rule_x1 - d->rule_x0, d->rule_h, "f\n");
        gb_flush(d);
    }
}

/* A code into a literal string: its one or two bytes (embed.h; one =
 * embed_bytes()), escaped where a literal needs it. The caller has made
 * room for four bytes. */
static unsigned char *put_code(unsigned char *at, const uint8_t *one, unsigned c)
{
    unsigned char code[2];
    int n = embed_code_bytes(one, c, code);
    for (int k = 0; k < n; k++) {
        unsigned char ch = code[k];
        if (ch == '(' || ch == ')' || ch == '\\') {
            *at++ = '\\';
            *at++ = ch;
        } else if (ch == '\r') {
            *at++ = '\\';             /* a raw CR in a literal is read as LF */
            *at++ = 'r';
        } else {
            *at++ = ch;
        }
    }
    return at;
}

/* The superscript (sup) or subscript of ASCII character ch in UTF-8, or
 * NULL where Unicode has none: figures, + - = ( ), and n, i raised. */
static const char *script_char(char ch, bool sup)
{
    static const char *const up[10] = { "\u2070", "\u00B9", "\u00B2", "\u00B3", "\u2074",
                                        "\u2075", "\u2076", "\u2077", "\u2078", "\u2079" };
    static const char *const down[10] = { "\u2080", "\u2081", "\u2082", "\u2083", "\u2084",
                                          "\u2085", "\u2086", "\u2087", "\u2088", "\u2089" };
    if (ch >= '0' && ch <= '9')
        return sup ? up[ch - '0'] : down[ch - '0'];
    switch (ch) {
    case '+': return sup ? "\u207A" : "\u208A";
    case '-': return sup ? "\u207B" : "\u208B";
    case '=': return sup ? "\u207C" : "\u208C";
    case '(': return sup ? "\u207D" : "\u208D";
    case ')': return sup ? "\u207E" : "\u208E";
    case 'n': return sup ? "\u207F" : NULL;
    case 'i': return sup ? "\u2071" : NULL;
    default:  return NULL;
    }
}

/* The text glyph g[q] reads as: its cluster's characters if it is the
 * cluster's first glyph, else nothing. At a line end a hyphen
 * hyphenation added reads as a soft hyphen (the word goes on), and a
 * hard hyphen as U+2010, which text extraction keeps (it joins words
 * across a line end at U+002D). A footnote mark reads in brackets,
 * "LVM[2]-placeringar", not run into the word it follows ("[1],[2]"
 * for two side by side). */
static const char *glyph_text(const FontGlyph *g, int ng, int q, const char *s, int len, const Op *o,
                              char *scratch, size_t *n)
{
    uint32_t c = g[q].cluster;
    if (q > 0 && g[q - 1].cluster == c) {
        *n = 0;
        return "";
    }
    uint32_t end = (uint32_t)len;
    for (int k = q + 1; k < ng; k++)
        if (g[k].cluster != c) {
            end = g[k].cluster;
            break;
        }
    *n = end > c ? end - c : 0;
    bool last = end == (uint32_t)len;
    if (last && o->eol && *n == 1 && s[c] == '-') {
        *n = o->tail == TAIL_HYPHEN ? 2 : 3;
        return o->tail == TAIL_HYPHEN ? "\xC2\xAD" : "\xE2\x80\x90";
    }
    /* raised or lowered figures and signs read as Unicode's superscripts
     * and subscripts: "10³", "CO₂" (they read "103", "CO2") */
    if ((o->sup || o->sub) && *n == 1) {
        const char *to = script_char(s[c], o->sup);
        if (to) {
            *n = strlen(to);
            return to;
        }
    }
    /* (a mark after another begins with its comma, ",2": the comma
     * reads as itself, the number in brackets) */
    uint32_t lead = o->note && len > 1 && s[0] == ',' ? 1 : 0;
    if (o->note && s[c] != ' ' && c >= lead && *n <= 8) {
        bool first = c == lead, final = true;   /* the mark's last visible character */
        for (uint32_t k = end; k < (uint32_t)len; k++)
            final &= s[k] == ' ';
        if (first || final) {
            *n = (size_t)snprintf(scratch, 16, "%s%.*s%s", first ? "[" : "", (int)*n, s + c, final ? "]" : "");
            return scratch;
        }
    }
    return s + c;
}

/* A face drew more different glyphs than its codes can name
 * (EMBED_MAX_CODE, embed.h): an error, never a wrong glyph. */
static void out_of_codes(D *d, const Font *ft)
{
    if (d->status == HPDF_OK) {
        diag_error(&d->rp->diags, ft->path, 0, 0, _("the report draws more different glyphs of this font than one PDF font can hold"));
        diag_hint(&d->rp->diags, _("split the report, or write part of it in another font"));
        d->status = HPDF_INVALID_FONTDEF_DATA;
        d->reported = true;
    }
}

/* No-break spaces drawn with the glyph before them (embed.c, widened
 * glyphs), so that text tools read U+00A0 where the report has it:
 * poppler drops a code that reads as a space alone and writes a plain
 * space for the gap it leaves. At a run's start they go with the last
 * glyph of the run before (d_text). */
typedef struct {
    uint16_t room;          /* their advances in the font (hmtx), after it */
    int32_t  moved;         /* and as shaped */
    int      after;         /* how many glyphs after it they are */
    size_t   n;
    char     text[48];      /* the glyph's, then theirs */
} Joined;

/* The bytes of the space at s[i] that is drawn with the glyph before it,
 * or 0: a no-break space, and the narrow ones between digit groups
 * ("1 877", U+202F, U+2007, U+2009), which poppler read as plain spaces
 * drawn alone. */
static int space_at(const char *s, int len, int i)
{
    const unsigned char *u = (const unsigned char *)s + i;
    if (i + 1 < len && u[0] == 0xC2 && u[1] == 0xA0)
        return 2;
    if (i + 2 < len && u[0] == 0xE2 && u[1] == 0x80 && (u[2] == 0xAF || u[2] == 0x87 || u[2] == 0x89))
        return 3;
    return 0;
}

/* Whether s[0..len) has such a space. */
static bool has_nbsp(const char *s, int len)
{
    for (int i = 0; i < len; i++)
        if (space_at(s, len, i))
            return true;
    return false;
}

/* Whether glyph k reads as such a space, a cluster of its own. */
static bool is_nbsp(const FontGlyph *g, int ng, int k, const char *s, int len)
{
    uint32_t c = g[k].cluster, end = k + 1 < ng ? g[k + 1].cluster : (uint32_t)len;
    int n = space_at(s, len, (int)c);
    return (k == 0 || g[k - 1].cluster != c) && n && end == c + (uint32_t)n;
}

/* Glyph b, which reads as *t[0..*tn), with the no-break spaces after it
 * joined (*j), if the font can take them (those that end the run only
 * where the next run `abuts` it): *t, *tn become what it all reads as.
 * A code never reads as a space and then a glyph: pdf.js takes such a
 * code for a space, and drops the glyph. */
static void nbsp_join(const FontGlyph *g, int ng, int b, const char *s, int len, const Font *ft, bool abuts,
                      const char **t, size_t *tn, Joined *j)
{
    /* at most 8 UTF-16 units a code: MuPDF reads no longer ToUnicode
     * entry, and lost "ord" and its eight no-break spaces */
    int cap = 8;
    for (size_t i = 0; i < *tn;)
        cap -= utf8_next(*t, *tn, &i) >= 0x10000 ? 2 : 1;
    int k = b + 1;
    while (*tn > 0 && k < ng && k - b <= cap && is_nbsp(g, ng, k, s, len))
        k++;
    /* not those that end the run where the next stands apart (a figure's
     * unit set in line with the others', "80 mnkr"): the gap read as a
     * space after them, "80\u00A0 mnkr" */
    if (k == ng && !abuts)
        k = b + 1;
    if (k == b + 1)
        return;                                     /* none */
    unsigned room = 0;
    int32_t moved = 0;
    size_t bytes = *tn;
    for (int i = b + 1; i < k; i++) {
        room += ft->adv[g[i].gid];
        moved += g[i].adv;
        bytes += (size_t)space_at(s, len, (int)g[i].cluster);
    }
    if (bytes > sizeof j->text || ft->adv[g[b].gid] + room > 0xFFFF)
        return;
    memcpy(j->text, *t, *tn);
    j->n = *tn;
    for (int i = b + 1; i < k; i++) {
        int n = space_at(s, len, (int)g[i].cluster);
        memcpy(j->text + j->n, s + g[i].cluster, (size_t)n);
        j->n += (size_t)n;
    }
    j->room = (uint16_t)room;
    j->moved = moved;
    j->after = k - 1 - b;
    *t = j->text;
    *tn = j->n;
}

/* The text of op o, s[0..len), at x, y: the glyphs font_shape() gives,
 * each where its advance puts it. `tail` (OpTail) says how the text reads
 * on at a line end: a word space is drawn after it, so copy-paste and
 * screen readers do not run two words together. */
static void draw_text(D *d, HPDF_Page p, const Op *o, int32_t x, int32_t y, const char *s, int len, bool abuts)
{
    int k = len > 0 ? font_of(d, p, o->face) : -1;
    if (k < 0)
        return;
    Embed *e = d->emb[k];
    const Font *ft = d->pg->flow->faces[o->face];
    Buf *b = &d->tb;
    b->n = 0;
    rule_flush(d);
    begin_text(d, p);
    set_fill(d, o->color);
    gb_flush(d);
    if (d->cur_font != k + 1 || d->cur_size != o->size) {
        buf_puts(b, "/F");
        buf_int(b, k + 1);
        buf_puts(b, " ");
        put_num(b, o->size / 1000.0);
        buf_puts(b, " Tf\n");
        d->cur_font = k + 1;
        d->cur_size = o->size;
    }
    extent(d, x, y - o->size, x + o->w, y + o->size / 4);
    /* millipoints from the bottom left, to a hundredth of a point */
    int32_t X = hundredths(x), Y = hundredths(d->paper_h - y);
    put_num(b, (X - d->tx) / 1000.0);
    buf_puts(b, " ");
    put_num(b, (Y - d->ty) / 1000.0);
    buf_puts(b, " Td[(");
    d->tx = X;
    d->ty = Y;
    const FontGlyph *g;
    int ng = font_shape(ft, s, (size_t)len, &g);
    /* room for every glyph at its longest: a kerning number, ")(" and an
     * escaped two-byte code */
    buf_reserve(b, (size_t)ng * 24 + 32);
    unsigned char *at = b->p + b->n;
    double own = 0;       /* thousandths of an em this glyph's pen is owed */
    double carry = 0;     /* what rounding the numbers before it left */
    double em = 1000.0 / ft->upem;
    /* (the run's no-break spaces, if it has any, joined to their neighbours) */
    bool widen = has_nbsp(s, len) && embed_can_widen(e);
    const uint8_t *one = embed_bytes(e);
    for (int q = 0; q <= ng; q++) {
        unsigned c;
        Joined j;           /* no-break spaces beside glyph q, drawn with it */
        j.room = 0;
        j.moved = j.after = 0;
        if (q < ng) {
            size_t tn;
            char scratch[16];
            const char *t = glyph_text(g, ng, q, s, len, o, scratch, &tn);
            if (widen)
                nbsp_join(g, ng, q, s, len, ft, abuts, &t, &tn, &j);
            c = embed_code(e, g[q].gid, t, tn, j.room);
            if (!c) {
                out_of_codes(d, ft);
                break;
            }
            /* drawn off the pen, then back; after the room before it */
            own -= g[q].dx * em;
        } else if (o->tail == TAIL_SPACE) {
            c = embed_code(e, (uint16_t)font_glyph(ft, ' '), " ", 1, 0);
            if (!c) {
                out_of_codes(d, ft);
                break;
            }
        } else {
            break;
        }
        /* Written in whole thousandths of an em (0.011 pt at 11 pt, less
         * than a printer's dot). Each glyph's own number is rounded
         * alone, so a kerning pair is written the same each time, which
         * deflates well (1.3 KB of the verksamhetsberättelse's 110); what
         * the rounding left is put right at the run's last glyph, so the
         * run ends exactly where it was measured (a number's right edge
         * in a column). A glyph inside it strays by the rounding of the
         * numbers before it: in the samples at most 4 thousandths of an
         * em, 0.05 pt, a third of a printer's dot at 600 dpi. */
        bool last = q + j.after >= ng - 1;
        double v = last ? own + carry : own;
        long whole = v >= 0.5 || v <= -0.5 ? lround(v) : 0;
        if (whole) {
            *at++ = ')';
            at = put_int(at, whole);
            *at++ = '(';
        }
        if (last)
            carry = v - (double)whole;
        else
            carry += own - (double)whole;
        own = 0;
        at = put_code(at, one, c);
        if (q < ng)
            own += embed_width(e, c) - (g[q].adv - g[q].dx + j.moved) * em;
        q += j.after;
    }
    b->n = (size_t)(at - b->p);
    buf_puts(b, ")]TJ\n");
    haru_page_write(p, b->p, b->n);
}

/* A status marker's word ("Uppskjutet: "), where no word of it is
 * printed, drawn unseen (text render mode 3) on the marker, squeezed to
 * its width (Tz): the marked content's ActualText says it to a reader
 * that reads that; poppler, MuPDF and copy-paste read glyphs, and a
 * shape alone gave them nothing. Its baseline is the line's, as
 * inline_object placed the marker (text.c). Its words are squeezed, not
 * the gaps between them: squeezed to a tenth with them, a gap fell below
 * what pdf.js takes for a space ("Uppfyllsejperhelår:"). Its size stays
 * the line's: poppler reads a smaller word as a line of its own. */
static void spoken_marker(D *d, const Op *o, int32_t x, int32_t y)
{
    const Font *ft = d->pg->flow->faces[o->face];
    int len = (int)strlen(o->s);
    while (len > 0 && o->s[len - 1] == ' ')
        len--;                      /* the gap after the marker is the word's space */
    bool trailing = len < (int)strlen(o->s);
    int32_t w = font_text_width(ft, o->s, (size_t)len, o->size);
    if (w <= 0)
        return;
    int gaps = 0;
    for (int i = 0; i < len; i++)
        gaps += o->s[i] == ' ';
    /* a word space's width, at most half the marker's between them all */
    int32_t space = font_text_width(ft, " ", 1, o->size);
    int32_t gap = gaps && space * gaps > o->w / 2 ? o->w / 2 / gaps : space;
    int32_t letters = w - gaps * space;
    if (letters <= 0)
        return;
    double tz = 100.0 * (o->w - gaps * gap) / letters;
    int32_t mid = o->size * 62 / 100;
    int32_t base = y + mid - (mid - o->h) / 2;
    Op t = *o;
    t.kind = OP_TEXT;
    t.tail = TAIL_NONE;
    begin_text(d, d->page);
    haru_page_write(d->page, "3 Tr\n", 5);
    int32_t at = x;
    for (int i = 0; i < len;) {
        int e = i;
        while (e < len && o->s[e] != ' ')
            e++;
        /* the word, then its space (drawn: poppler's structure text reads
         * glyphs, not gaps) */
        for (int k = 0; k < 2 && (k == 0 || e < len); k++) {
            double z = k ? 100.0 * gap / space : tz;
            char buf[32];
            snprintf(buf, sizeof buf, "%.2f Tz\n", z);
            haru_page_write(d->page, buf, strlen(buf));
            int n = k ? 1 : e - i;
            t.w = k ? gap : (int32_t)(font_text_width(ft, o->s + i, (size_t)n, o->size) * tz / 100.0);
            draw_text(d, d->page, &t, at, base, k ? " " : o->s + i, n, false);
            at += t.w;
        }
        i = e + 1;
    }
    /* and the space before the words that follow it ("Uppfyllt: Ja"),
     * drawn too, in the gap after the marker: poppler's structure text
     * ran them together ("Uppfyllt:Ja"), an auditor */
    if (trailing) {
        char buf[32];
        t.w = o->len > 0 ? o->len : space;      /* as wide as the gap, so no reader adds one */
        snprintf(buf, sizeof buf, "%.2f Tz\n", 100.0 * t.w / space);
        haru_page_write(d->page, buf, strlen(buf));
        draw_text(d, d->page, &t, x + o->w, base, " ", 1, false);
    }
    haru_page_write(d->page, "0 Tr 100 Tz\n", 12);
}

/* The marker's outline: its colour darkened, so even a light yellow
 * stands out from white paper by at least 3:1 (WCAG 1.4.11). */
static uint32_t outline_of(uint32_t c)
{
    uint32_t r = ((c >> 16) & 255) * 55 / 100, g = ((c >> 8) & 255) * 55 / 100, b = (c & 255) * 55 / 100;
    return r << 16 | g << 8 | b;
}

/* A circle of radius r around (cx, cy), as four Bézier arcs. */
static void put_circle(const D *d, Buf *b, int32_t cx, int32_t cy, int32_t r)
{
    int32_t k = (int32_t)lround(r * 0.5522847498);       /* the arcs' handles */
    put_xy(d, b, cx - r, cy);
    buf_puts(b, "m\n");
    /* each quarter's handle, handle and end, x and y as an index of
     * `off` (-r, -k, 0, k, r): left to top, right, bottom and back */
    const int32_t off[5] = { -r, -k, 0, k, r };
    static const int8_t arc[4][6] = {
        { 0, 1, 1, 0, 2, 0 }, { 3, 0, 4, 1, 4, 2 }, { 4, 3, 3, 4, 2, 4 }, { 1, 4, 0, 3, 0, 2 },
    };
    for (int q = 0; q < 4; q++) {
        for (int j = 0; j < 3; j++)
            put_xy(d, b, cx + off[arc[q][2 * j]], cy + off[arc[q][2 * j + 1]]);
        buf_puts(b, "c\n");
    }
}

/* A closed polygon of n points, x and y as fractions of r (per thousand)
 * around (cx, cy). */
static void put_polygon(const D *d, Buf *b, int32_t cx, int32_t cy, int32_t r, const int16_t *v, int n)
{
    for (int q = 0; q < n; q++) {
        put_xy(d, b, cx + r * v[2 * q] / 1000, cy - r * v[2 * q + 1] / 1000);
        buf_puts(b, q ? "l\n" : "m\n");
    }
    buf_puts(b, "h\n");
}

/* A marker is drawn around its centre, moved there (cm): markers of one
 * size and shape are then the same bytes, which deflate finds (a goal
 * table is a column of them: 1 KB of the verksamhetsberättelse's
 * content). */
static void draw_marker(D *d, const Op *o, int32_t x, int32_t y)
{
    int32_t s = o->w, r = s / 2, cx = x + r, cy = y + r;
    Buf *b = &d->gb;
    set_fill(d, o->color);
    if (o->shape == SHAPE_RING)      /* a ring is its own colour's pen, no outline */
        set_stroke(d, o->color, s * 22 / 100);
    else
        set_stroke(d, outline_of(o->color), s * 8 / 100);
    set_dash(d, 0);
    buf_puts(b, "q 1 0 0 1 ");
    put_len(b, cx);
    put_len(b, d->paper_h - cy);
    buf_puts(b, "cm\n");
    d->org_x = cx;
    d->org_y = cy;
    static const int16_t triangle[] = { 0, 1050, 1100, -850, -1100, -850 };
    static const int16_t diamond[] = { 0, 1150, 1150, 0, 0, -1150, -1150, 0 };
    switch ((Shape)o->shape) {
    case SHAPE_CIRCLE:
        put_circle(d, b, cx, cy, r);
        buf_puts(b, "B\n");
        break;
    case SHAPE_SQUARE:
        put_rect(d, b, cx - r * 9 / 10, cy - r * 9 / 10, r * 18 / 10, r * 18 / 10, "B\n");
        break;
    case SHAPE_TRIANGLE:
        put_polygon(d, b, cx, cy, r, triangle, 3);
        buf_puts(b, "B\n");
        break;
    case SHAPE_DIAMOND:
        put_polygon(d, b, cx, cy, r, diamond, 4);
        buf_puts(b, "B\n");
        break;
    case SHAPE_RING:
        put_circle(d, b, cx, cy, r * 85 / 100);
        buf_puts(b, "S\n");
        break;
    }
    buf_puts(b, "Q\n");
    d->org_x = 0;
    d->org_y = d->paper_h;
    gb_flush(d);
}

static void draw_path(D *d, const Op *o, int32_t ox, int32_t oy)
{
    if (o->npts < 2)
        return;
    Buf *b = &d->gb;
    set_stroke(d, o->color, o->w);
    if (d->cur_join != 1) {
        buf_puts(b, "1 j\n");
        d->cur_join = 1;
    }
    set_dash(d, o->dash);
    set_fill(d, o->color);
    for (int k = 0; k < o->npts; k++) {
        int32_t X = ox + o->pts[2 * k], Y = oy + o->pts[2 * k + 1];
        put_xy(d, b, X, Y);
        buf_puts(b, k ? "l\n" : "m\n");
        extent(d, X, Y, X, Y);
    }
    buf_puts(b, o->fill ? "h\nf\n" : "S\n");
    gb_flush(d);
}

/* A destination at height y of page pi that keeps the reader's zoom
 * ([page /XYZ left top null]); libharu's SetXYZ insists on a zoom. */
/* The place anchor `a` points at (one destination object per anchor,
 * shared by its links and its bookmark); NULL if it is on no page. */
static HPDF_Destination dest_at(D *d, int a)
{
    int pi = d->pg->anchor_page[a];
    if (pi < 0 || pi >= d->pg->n)
        return NULL;
    if (d->dests[a])
        return d->dests[a];
    int32_t y = d->pg->anchor_y[a];
    HPDF_Destination dst = HPDF_Page_CreateDestination(d->pages[pi]);
    if (!dst)
        return NULL;
    HPDF_Array_Clear(dst);
    HPDF_Array_Add(dst, d->pages[pi]);
    HPDF_Array_AddName(dst, "XYZ");
    HPDF_Array_AddReal(dst, 0);
    int32_t ph = d->pg->v[pi].landscape ? d->lay->page_w : d->lay->page_h;
    float top = pt(ph - y) + 4;
    HPDF_Array_AddReal(dst, top > 0 ? top : 0);
    HPDF_Array_Add(dst, HPDF_Null_New(d->pdf->mmgr));
    d->dests[a] = dst;
    return dst;
}

/* A web address as a PDF's URI action wants it, 7-bit ASCII: its other
 * bytes (å in a UTF-8 address), spaces and controls %-escaped, as a
 * browser sends them ("https://sv.wikipedia.org/wiki/Linköping" ->
 * ".../Link%C3%B6ping"). In the arena. */
static const char *ascii_uri(Rp *rp, const char *uri)
{
    size_t n = 0, esc = 0;
    for (const unsigned char *q = (const unsigned char *)uri; *q; q++, n++)
        esc += *q >= 0x7F || *q <= 0x20;
    if (!esc)
        return uri;
    char *out = arena_alloc(&rp->arena, n + 2 * esc + 1), *w = out;
    static const char hex[] = "0123456789ABCDEF";
    for (const unsigned char *q = (const unsigned char *)uri; *q; q++) {
        if (*q >= 0x7F || *q <= 0x20) {
            *w++ = '%';
            *w++ = hex[*q >> 4];
            *w++ = hex[*q & 15];
        } else {
            *w++ = (char)*q;
        }
    }
    *w = 0;
    return out;
}

static void d_link(Device *dev, const Op *o, int32_t x, int32_t y, int se, const char *what)
{
    D *d = (D *)dev;
    /* a repeated header row or group label is drawn as an artifact: its
     * links are the first one's, in the structure; an annotation outside
     * it is one PDF/UA forbids (Matterhorn 28-011) */
    if (d->tags && se == SE_ARTIFACT)
        return;
    HPDF_Page p = d->page;
    HPDF_Rect r = { px(x), py(d, y + o->h), px(x + o->w), py(d, y) };
    HPDF_Annotation a = NULL;
    if (o->uri) {
        a = HPDF_Page_CreateURILinkAnnot(p, r, ascii_uri(d->rp, o->uri));
    } else if (o->anchor >= 0 && o->anchor < d->pg->flow->nanchors) {
        HPDF_Destination dst = dest_at(d, o->anchor);
        if (!dst)
            return;
        a = HPDF_Page_CreateLinkAnnot(p, r, dst);
    }
    if (a) {
        HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
        HPDF_Dict_AddNumber(a, "F", 4);      /* printable: PDF/A wants it */
        if (d->tags && se != SE_ARTIFACT)
            tags_link(d->tags, a, se, what ? what : "Länk");
    }
}

/* ---- the device's calls ---------------------------------------------------- */

static void d_page(Device *dev, int index, const Page *page)
{
    D *d = (D *)dev;
    d->page = d->pages[index];
    d->paper_h = page->landscape ? d->lay->page_w : d->lay->page_h;
    d->org_x = 0;
    d->org_y = d->paper_h;
    d->in_text = false;          /* a new page starts with a fresh state */
    d->mc_in_text = false;
    d->cur_font = 0;
    d->cur_size = 0;
    memset(d->on_page, 0, sizeof d->on_page);
    d->fill_set = d->stroke_set = false;
    d->cur_width = -1;
    d->cur_join = -1;
    d->cur_dash = 0;
    if (d->tags)
        tags_page(d->tags, d->page, index);
}

static void d_page_end(Device *dev, int index)
{
    D *d = (D *)dev;
    (void)index;
    rule_flush(d);
    end_text(d, d->page);
    if (d->tags)
        tags_close(d->tags);
    dev->stop = d->status != HPDF_OK;
    if (d->status == HPDF_OK)           /* nothing draws on it any more */
        pdfw_ready(d->batch, d->pdf, haru_page_contents(d->page));
}

static void d_box(Device *dev, const Placed *pl, bool under)
{
    D *d = (D *)dev;
    (void)under;
    d->nb_cut_op = NULL;
    d->box_ops = pl ? pl->box->ops : NULL;
    d->box_nops = pl ? pl->box->nops : 0;
}

/* The text op of the box being drawn that follows text op o on its line
 * right after it (a page number after "s. ", the rest of a word in
 * another face), or NULL: none, or one set apart (a unit lined up with
 * the others'). */
static const Op *next_abutting(const D *d, const Op *o)
{
    if (!d->box_ops || o < d->box_ops || o >= d->box_ops + d->box_nops)
        return NULL;            /* (no box: NULL + 0 is undefined, clang's UBSan says) */
    const Op *end = d->box_ops + d->box_nops, *n = o + 1;
    while (n < end && n->kind == OP_LINK)        /* (a link's area draws nothing) */
        n++;
    if (n >= end)
        return NULL;
    int32_t gap = n->x - (o->x + o->w);
    return (n->kind == OP_TEXT || n->kind == OP_PAGENUM) && n->y == o->y && gap > -500 && gap < 500 ? n : NULL;
}

/* Marked content for element se; graphics may not stand inside BT ... ET. */
static void d_element(Device *dev, int se, const char *actual, bool text)
{
    D *d = (D *)dev;
    HPDF_Page p = d->page;
    if (!text)
        end_text(d, p);
    if (d->tags && tags_needs_switch(d->tags, se, actual)) {
        rule_flush(d);              /* inside the sequence it was drawn in */
        /* marked content and text objects nest: a sequence begun
         * outside the text object cannot end inside it. Text opens
         * its sequences inside BT, so one text object carries a
         * whole table row or paragraph of them. */
        if (d->in_text && !d->mc_in_text)
            end_text(d, p);
        if (!d->in_text)
            tags_close(d->tags);   /* ends outside, before a BT */
        if (text)
            begin_text(d, p);
        tags_mark(d->tags, se, actual);
        d->mc_in_text = d->in_text;
    }
}

/* How many bytes of no-break spaces (space_at) s[0..len) begins with. */
static int nbsp_prefix(const char *s, int len)
{
    int i = 0, n;
    while ((n = space_at(s, len, i)) > 0)
        i += n;
    return i;
}

/* No-break spaces that begin a run after another on its line
 * ("<b>totalt</b>&#160;12,3", "<i>kvartal</i>&#160;<b>2</b>") are drawn
 * with the last glyph before them, in that run's face: one code read as
 * the glyph and the spaces (nbsp_join). Drawn alone, a glyph read as
 * U+00A0 and nothing else is dropped by poppler (pdftotext read a plain
 * space for the gap); drawn with the glyph after them, pdf.js takes the
 * code for a space as its text begins with one, and dropped the glyph
 * ("totalt 2,3"). The run they begin starts after them (d->nb_cut). */
static void d_text(Device *dev, const Op *o, int32_t x, int32_t y, const char *s, int len)
{
    D *d = (D *)dev;
    const Op *n = next_abutting(d, o);
    if (d->nb_cut_op == o && s == o->s) {
        int cut = d->nb_cut;
        x += font_text_width(d->pg->flow->faces[o->face], s, (size_t)cut, o->size);
        s += cut;
        len -= cut;
        if (len == 0)
            return;                                 /* drawn with the glyph before */
    }
    d->nb_cut_op = NULL;
    int lead = n && n->kind == OP_TEXT ? nbsp_prefix(n->s, n->len) : 0;
    if (lead && len > 0) {
        char small[256];
        size_t m = (size_t)len + (size_t)lead;
        char *with = m <= sizeof small ? small : xmalloc(m);
        memcpy(with, s, (size_t)len);
        memcpy(with + len, n->s, (size_t)lead);
        d->nb_cut_op = n;
        d->nb_cut = lead;
        draw_text(d, d->page, o, x, y, with, (int)m, true);
        if (with != small)
            free(with);
        return;
    }
    draw_text(d, d->page, o, x, y, s, len, n != NULL);
}

/* A rule that continues the one before it (a table's rule is drawn a
 * cell at a time) lengthens it: one rectangle, which a viewer draws
 * without the seams it may show between abutting ones. */
static void d_rule(Device *dev, const Op *o, int32_t x, int32_t y)
{
    D *d = (D *)dev;
    extent(d, x, y - o->h / 2, x + o->w, y + o->h / 2);
    int32_t top = y - o->h / 2;
    if (d->rule_open && d->rule_color == o->color && d->rule_y == top && d->rule_h == o->h &&
        d->rule_x1 == x) {
        d->rule_x1 = x + o->w;
        return;
    }
    rule_flush(d);
    d->rule_open = true;
    d->rule_color = o->color;
    d->rule_x0 = x;
    d->rule_x1 = x + o->w;
    d->rule_y = top;
    d->rule_h = o->h;
}

static void d_rect(Device *dev, const Op *o, int32_t x, int32_t y)
{
    D *d = (D *)dev;
    rule_flush(d);
    extent(d, x, y, x + o->w, y + o->h);
    if (o->stroke) {
        set_stroke(d, o->color, 500);
        set_dash(d, 0);
        put_rect(d, &d->gb, x, y, o->w, o->h, "S\n");
    } else {
        set_fill(d, o->color);
        put_rect(d, &d->gb, x, y, o->w, o->h, "f\n");
    }
    gb_flush(d);
}

static void d_marker(Device *dev, const Op *o, int32_t x, int32_t y)
{
    D *d = (D *)dev;
    rule_flush(d);
    draw_marker(d, o, x, y);
    if (o->s && *o->s && o->size > 0 && d->tags)
        spoken_marker(d, o, x, y);
}

static void d_path(Device *dev, const Op *o, int32_t ox, int32_t oy)
{
    D *d = (D *)dev;
    rule_flush(d);
    draw_path(d, o, ox, oy);
}

static void d_image(Device *dev, const Op *o, int32_t x, int32_t y)
{
    D *d = (D *)dev;
    rule_flush(d);
    HPDF_Image img = image_of(d, o->image);
    extent(d, x, y, x + o->w, y + o->h);
    if (img)
        HPDF_Page_DrawImage(d->page, img, px(x), py(d, y + o->h), pt(o->w), pt(o->h));
}

/* ---- document ------------------------------------------------------------- */

/* The bookmarks: headings of the contents' levels and the appendices, in
 * document order, nested by level. */
static void outline(D *d)
{
    const Flow *f = d->pg->flow;
    HPDF_Outline parents[6] = { NULL };
    for (int h = 0; h < f->nheadings; h++) {     /* in document order */
        int a = f->headings[h];
        const Anchor *an = &f->anchors[a];
        int pi = d->pg->anchor_page[a];
        if (!an->outline || an->level < 1 || pi < 0 || !an->title)
            continue;
        int lv = an->level > 5 ? 5 : an->level;
        HPDF_Outline parent = NULL;
        for (int k = lv - 1; k >= 1 && !parent; k--)
            parent = parents[k];
        void *title = haru_text(d->pdf, an->title);
        HPDF_Outline o = title ? HPDF_CreateOutline(d->pdf, parent, "", NULL) : NULL;
        if (!o || HPDF_Dict_Add(o, "Title", title) != HPDF_OK)
            continue;       /* out of memory: libharu's handler has said so */
        /* libharu types every item /Outlines, the root's type (ISO
         * 32000-1, Table 153: an item has no /Type) */
        HPDF_Dict_RemoveElement(o, "Type");
        HPDF_Destination dst = dest_at(d, a);
        if (dst)
            HPDF_Outline_SetDestination(o, dst);
        HPDF_Outline_SetOpened(o, HPDF_FALSE);
        parents[lv] = o;
        for (int k = lv + 1; k < 6; k++)
            parents[k] = NULL;
    }
}

/* The document information, and with --pdfa the same again as XMP. */
static int info(D *d, long when, int pdfa, bool tagged)
{
    const Meta *m = &d->pg->flow->meta;
    const Report *rep = d->pg->flow->report;
    /* the document's language, for screen readers and hyphenation in
     * viewers; the viewer shows the title, not the file name */
    const char *lang = !rep->lang || !strcmp(rep->lang, "sv") ? "sv-SE" : rep->lang;
    HPDF_Dict_Add(d->pdf->catalog, "Lang", HPDF_String_New(d->pdf->mmgr, lang, NULL));
    HPDF_Dict prefs = HPDF_Dict_New(d->pdf->mmgr);
    if (prefs) {
        HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
        HPDF_Dict_Add(d->pdf->catalog, "ViewerPreferences", prefs);
    }
    /* the viewer's page numbers are the printed ones */
    HPDF_AddPageLabel(d->pdf, 0, HPDF_PAGE_NUM_STYLE_DECIMAL, 1, NULL);

    ArchiveInfo a = { 0 };
    a.title = m->title;
    a.author = m->author ? m->author : m->organisation;
    a.subject = m->subtitle;
    if (!a.subject && m->organisation)
        a.subject = arena_printf(&d->rp->arena, "%s, %s", m->title ? m->title : "", m->organisation);
    a.keywords = m->keywords;
    a.lang = lang;
    a.creator = "rapport " RAPPORT_VERSION;
    a.producer = "rapport " RAPPORT_VERSION " with libharu " HPDF_VERSION_TEXT;
    a.conformance = pdfa == RP_PDFA_2A ? "A" : pdfa == RP_PDFA_2U ? "U" : "B";
    a.ua = tagged;
    a.when = when;
    memcpy(a.id, rep->id, 16);
    if (a.title)
        haru_info(d->pdf, "Title", a.title);
    if (a.author)
        haru_info(d->pdf, "Author", a.author);
    if (a.subject)
        haru_info(d->pdf, "Subject", a.subject);
    if (a.keywords)
        haru_info(d->pdf, "Keywords", a.keywords);
    haru_info(d->pdf, "Creator", a.creator);
    haru_info(d->pdf, "Producer", a.producer);
    if (when >= 0) {
        time_t t = (time_t)when;
        struct tm tm;
        gmtime_r(&t, &tm);
        HPDF_Date date = { tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
                           tm.tm_sec, 'Z', 0, 0 };
        HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_CREATION_DATE, date);
        HPDF_SetInfoDateAttr(d->pdf, HPDF_INFO_MOD_DATE, date);
    }
    if (pdfa == RP_PDFA_OFF)
        return 0;
    if (!d->lay->icc_data) {
        diag_error(&d->rp->diags, d->lay->path, 0, 0,
                   _("an archival PDF (PDF/A) needs the colour profile the layout names in <output-intent icc=\"...\"/>"));
        diag_hint(&d->rp->diags, _("rapport ships layouts/icc/sRGB.icc; or render with --pdfa=off"));
        return -1;
    }
    return archive_pdfa(d->pdf, &a, d->lay->icc_data, d->lay->icc_len);
}

int pdf_draw(Rp *rp, const Pages *pg, long when, int pdfa, bool tagged, unsigned char **out, size_t *len)
{
    D dd = { 0 };
    D *d = &dd;
    d->rp = rp;
    d->pg = pg;
    d->lay = pg->flow->layout;
    *out = NULL;
    *len = 0;
    d->pdf = HPDF_New(on_error, d);
    if (!d->pdf) {
        diag_error(&rp->diags, pg->flow->report->file, 0, 0, _("cannot start a PDF (out of memory?)"));
        return -1;
    }
    HPDF_SetCompressionMode(d->pdf, HPDF_COMP_ALL);
    /* no encoder: text strings are made by haru_text */
    HPDF_SetPageMode(d->pdf, HPDF_PAGE_MODE_USE_OUTLINE);

    d->pages = ARENA_ARRAY(&rp->arena, HPDF_Page, pg->n > 0 ? pg->n : 1);
    d->dests = ARENA_ARRAY(&rp->arena, HPDF_Destination, pg->flow->nanchors + 1);
    d->img = ARENA_ARRAY(&rp->arena, HPDF_Image, pg->flow->report->nimages + 1);
    if (tagged)
        d->tags = tags_new(rp, d->pdf, pg->flow, pg->n);
    for (int i = 0; i < pg->n && d->status == HPDF_OK; i++) {
        d->pages[i] = HPDF_AddPage(d->pdf);
        bool turned = pg->v[i].landscape;
        HPDF_Page_SetWidth(d->pages[i], pt(turned ? d->lay->page_h : d->lay->page_w));
        HPDF_Page_SetHeight(d->pages[i], pt(turned ? d->lay->page_w : d->lay->page_h));
    }
    d->dev = (Device){ .page = d_page, .page_end = d_page_end, .box = d_box, .element = d_element,
                       .text = d_text, .rule = d_rule, .rect = d_rect, .marker = d_marker, .path = d_path,
                       .image = d_image, .link = d_link, .stop = d->status != HPDF_OK };
    /* each page's content is deflated on the other core as soon as the
     * page is drawn (d_page_end), the rest once all are */
    d->batch = pdfw_open(d->pdf, rp->threads, pg->n);
    device_replay(pg, &d->dev);
    PdfBatch *batch = d->batch;
    d->batch = NULL;
    pdfw_begin(batch, d->pdf);
    if (d->status == HPDF_OK)
        embed_subset_all(d->emb, d->nemb, rp->threads);
    HPDF_Dict cmap = NULL;              /* the faces' encoding, made by the first */
    for (int k = 0; k < d->nemb && d->status == HPDF_OK; k++)
        if (embed_finish(d->emb[k], &cmap) != 0 && d->status == HPDF_OK) {
            d->status = HPDF_INVALID_FONTDEF_DATA;
            d->reported = diag_errors(&rp->diags) > 0;
        }
    free(d->tb.p);
    free(d->gb.p);
    if (d->status == HPDF_OK)
        outline(d);
    if (d->status == HPDF_OK && d->tags)
        tags_finish(d->tags);
    if (d->status == HPDF_OK && info(d, when, pdfa, d->tags != NULL) != 0) {
        pdfw_end(batch);
        squeeze_drain();
        HPDF_Free(d->pdf);
        return -1;
    }
    if (d->status == HPDF_OK) {
        PdfExtra extra = { 0 };
        if (d->tags) {
            extra.reserved = tags_root(d->tags);
            extra.write = tags_write;
            extra.user = d->tags;
        }
        int rc = pdfw_save(d->pdf, &extra, batch, out, len);
        batch = NULL;
        if (rc == -2) {
            diag_error(&rp->diags, pg->flow->report->file, 0, 0,
                       _("the PDF would be too large (over 4 GiB or 8 388 607 objects)"));
            diag_hint(&rp->diags, _("split the report into parts"));
            squeeze_drain();
            HPDF_Free(d->pdf);
            return -1;
        }
        if (rc != 0 && d->status == HPDF_OK) {
            /* libharu's writers set errors without calling the handler */
            d->status = d->pdf->error.error_no ? d->pdf->error.error_no : HPDF_FAILD_TO_ALLOC_MEM;
            d->detail = d->pdf->error.detail_no;
        }
    }
    pdfw_end(batch);
    squeeze_drain();
    HPDF_STATUS failed = d->status;
    HPDF_Free(d->pdf);
    if (failed != HPDF_OK) {
        free(*out);
        *out = NULL;
        *len = 0;
        if (!dd.reported)
            diag_error(&rp->diags, pg->flow->report->file, 0, 0,
                       _("the PDF library failed (error 0x%04X, detail %u)"), (unsigned)failed, (unsigned)dd.detail);
        return -1;
    }
    return 0;
}
