/*
 * embed.c - fonts into the PDF: codes, hb-subset, CIDFontType2 (draw
 * stage). See embed.h.
 *
 * Design notes
 *  - Codes are given out in the order glyphs are first drawn, from 1, so
 *    the same report always gives the same codes, subset and bytes. A
 *    one-byte code's byte is chosen as it is given out (embed.h): its
 *    character's, or the next free one in an order that leaves the
 *    common letters and the soft hyphen and no-break space for last.
 *  - A code is found from its glyph through a chain per glyph: most
 *    glyphs read as one text, a few (space, hyphen) as two or three.
 *  - The subset keeps what a PDF viewer draws with (glyf, loca, hmtx,
 *    head, hhea, maxp, post, OS/2, name): shaping tables, the character
 *    map and hinting go (the PDF's codes and positions do their work;
 *    print needs no hinting). The W array gives the advances of hmtx to
 *    three decimals of a thousandth of an em, so TJ numbers (pdf.c) are
 *    needed only where shaping moved a glyph (kerning).
 *  - The font program is deflated here, at SQUEEZE_LEVEL (squeeze.h):
 *    a subset is small, and deflating it costs ~0.2 ms a face.
 */
#include "embed.h"
#include "../base/utf8.h"
#include "haru.h"
#include "squeeze.h"
#include "write.h"
#include "../base/i18n.h"

#include <hb.h>
#include <hb-subset.h>
#include <hpdf_objects.h>
#include <hpdf_doc.h>
#include <math.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>


struct Embed {
    Rp          *rp;
    HPDF_Doc     pdf;
    const Font  *f;
    HPDF_Dict    type0;
    uint16_t    *by_gid;      /* first code of each glyph, 0 none */
    /* per code, from 1 */
    uint16_t    *gid, *next;
    const char **text;
    uint16_t    *tlen;
    uint16_t    *room;        /* room added after its glyph (embed_code) */
    bool         widen_ok;    /* embed_can_widen */
    double      *width;       /* W entry: thousandths of an em, three decimals */
    int          n, cap;
    uint8_t      one[EMBED_ONE_BYTE + 1];   /* the one-byte codes' bytes */
    bool         taken[256];  /* ... those given out */
    int          spare;       /* where the search for a free byte goes on */
    /* the subset, once made (embed_subset_all, or embed_finish) */
    bool         subset_done;
    uint16_t    *new_gid;     /* malloc'd: per code, its glyph in the subset */
    unsigned char *z;         /* malloc'd: the font program, deflated; NULL: failed */
    size_t       zlen, rawlen;
};

static int thousandths(const Font *f, int64_t units)
{
    int64_t v = units * 1000;
    return (int)(v >= 0 ? (v + f->upem / 2) / f->upem : -((-v + f->upem / 2) / f->upem));
}

static bool glyf_outlines(hb_face_t *face);

/* What a subset made and nobody wrote (a run that stopped first). */
static void drop_subset(void *p)
{
    Embed *e = p;
    free(e->new_gid);
    free(e->z);
}

Embed *embed_new(Rp *rp, HPDF_Doc pdf, const Font *f)
{
    Embed *e = ARENA_NEW(&rp->arena, Embed);
    arena_on_free(&rp->arena, drop_subset, e);
    e->rp = rp;
    e->pdf = pdf;
    e->f = f;
    e->by_gid = ARENA_ARRAY(&rp->arena, uint16_t, f->nglyphs + 1);
    e->widen_ok = glyf_outlines(hb_font_get_face(f->hb));
    e->type0 = HPDF_Dict_New(pdf->mmgr);
    if (e->type0 && HPDF_Xref_Add(pdf->xref, e->type0) != HPDF_OK)
        e->type0 = NULL;
    return e->type0 ? e : NULL;
}

HPDF_Dict embed_dict(const Embed *e) { return e->type0; }

double embed_width(const Embed *e, unsigned c) { return c && (int)c <= e->n ? e->width[c] : 0; }

const uint8_t *embed_bytes(const Embed *e) { return e->one; }

/* The k-th (0 ... 191) of the one-byte codes' bytes in the order a glyph
 * gets them that is not one Latin-1 character (a ligature, a digit
 * widened by a no-break space) or whose byte is taken: DEL and the signs
 * first, then the letters, then ASCII; the soft hyphen and the no-break
 * space, which text is likeliest to want, last. */
static unsigned spare_byte(int k)
{
    if (k == 0)
        return 0x7F;
    if (k <= 30)                        /* ¿ ... ¡, past the soft hyphen */
        return 0xC0 - (unsigned)k - (0xC0 - (unsigned)k <= 0xAD);
    if (k <= 94)                        /* ÿ ... À */
        return 0xFF - (unsigned)(k - 31);
    if (k <= 189)                       /* ~ ... space */
        return 0x7E - (unsigned)(k - 95);
    return k == 190 ? 0xAD : 0xA0;
}

/* The byte of a new one-byte code reading as t[0..n): the character's
 * own where it is a printable Latin-1 one and free, else a spare. */
static uint8_t pick_byte(Embed *e, const char *t, size_t n)
{
    const unsigned char *u = (const unsigned char *)t;
    unsigned want = 0;
    if (n == 1 && u[0] >= 0x20 && u[0] < 0x7F)
        want = u[0];
    else if (n == 2 && (u[0] == 0xC2 || u[0] == 0xC3) && (u[1] & 0xC0) == 0x80)
        want = (unsigned)(u[0] & 0x1F) << 6 | (u[1] & 0x3F);
    if (want < 0xA0 && (want < 0x20 || want >= 0x7F))
        want = 0;                       /* C1 controls: the two-byte codes' lead bytes */
    if (!want || e->taken[want]) {
        while (e->taken[spare_byte(e->spare)])
            e->spare++;
        want = spare_byte(e->spare);
    }
    e->taken[want] = true;
    return (uint8_t)want;
}

/* a[0..n) == b[0..n): a glyph's text is a character or two, compared
 * here without a call */
static inline bool same_text(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

unsigned embed_code(Embed *e, uint16_t gid, const char *t, size_t n, uint16_t room)
{
    if (gid >= e->f->nglyphs)
        gid = 0;
    for (unsigned c = e->by_gid[gid]; c; c = e->next[c])
        if (e->tlen[c] == n && e->room[c] == room &&
            same_text(e->text[c], t, n))
            return c;
    if (e->n >= EMBED_MAX_CODE || n > 0xFFFF)
        return 0;
    if (e->n + 1 >= e->cap) {
        int cap = e->cap ? e->cap * 2 : 256;
        Arena *a = &e->rp->arena;
        uint16_t *g = ARENA_ARRAY(a, uint16_t, cap), *nx = ARENA_ARRAY(a, uint16_t, cap),
                 *tl = ARENA_ARRAY(a, uint16_t, cap);
        uint16_t *rm = ARENA_ARRAY(a, uint16_t, cap);
        const char **tx = ARENA_ARRAY(a, const char *, cap);
        double *w = ARENA_ARRAY(a, double, cap);
        if (e->n) {
            memcpy(g, e->gid, sizeof *g * (size_t)(e->n + 1));
            memcpy(nx, e->next, sizeof *nx * (size_t)(e->n + 1));
            memcpy(tl, e->tlen, sizeof *tl * (size_t)(e->n + 1));
            memcpy(rm, e->room, sizeof *rm * (size_t)(e->n + 1));
            memcpy(tx, e->text, sizeof *tx * (size_t)(e->n + 1));
            memcpy(w, e->width, sizeof *w * (size_t)(e->n + 1));
        }
        e->gid = g, e->next = nx, e->tlen = tl, e->room = rm, e->text = tx, e->width = w;
        e->cap = cap;
    }
    unsigned c = (unsigned)++e->n;
    if (c <= EMBED_ONE_BYTE)
        e->one[c] = pick_byte(e, t, n);
    e->gid[c] = gid;
    e->text[c] = arena_strndup(&e->rp->arena, t, n);
    e->tlen[c] = (uint16_t)n;
    e->room[c] = room;
    e->width[c] = round((e->f->adv[gid] + room) * 1000000.0 / e->f->upem) / 1000;
    /* appended at the chain's end: the first text seen stays first */
    unsigned last = e->by_gid[gid];
    if (!last) {
        e->by_gid[gid] = (uint16_t)c;
    } else {
        while (e->next[last])
            last = e->next[last];
        e->next[last] = (uint16_t)c;
    }
    e->next[c] = 0;
    return c;
}

/* ---- writing ------------------------------------------------------------- */

static void cmap_text(Buf *b, const char *t, size_t n)
{
    size_t i = 0;
    char hex[16];
    buf_puts(b, "<");
    while (i < n) {
        uint32_t cp = utf8_next(t, n, &i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            snprintf(hex, sizeof hex, "%04X%04X", 0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
        } else {
            snprintf(hex, sizeof hex, "%04X", cp);
        }
        buf_puts(b, hex);
    }
    buf_puts(b, ">");
}

/* The codespace of the codes (embed.h), in both CMaps. */
#define CODESPACE "4 begincodespacerange\n<20> <7F>\n<A0> <FF>\n<0100> <1FFF>\n<8000> <9FFF>\nendcodespacerange\n"

/* e's codes 1 ... e->n by value, the order of their CIDs, into o (room
 * for e->n): the one-byte codes by byte, then the two-byte ones, which
 * are given out in that order. */
static void by_value(const Embed *e, int *o)
{
    int inv[256] = { 0 }, k = 0;
    for (int c = 1; c <= e->n && c <= EMBED_ONE_BYTE; c++)
        inv[e->one[c]] = c;
    for (int v = 0; v < 256; v++)
        if (inv[v])
            o[k++] = inv[v];
    for (int c = EMBED_ONE_BYTE + 1; c <= e->n; c++)
        o[k++] = c;
}

/* Code c's text as one UTF-16 unit, or 0 if it is none or more. */
static uint32_t one_unit(const Embed *e, int c)
{
    size_t i = 0, n = e->tlen[c];
    uint32_t cp = n ? utf8_next(e->text[c], n, &i) : 0;
    return i == n && cp < 0x10000 && (cp < 0xD800 || cp > 0xDFFF) ? cp : 0;
}

static void put_value(Buf *b, unsigned v)
{
    char hex[8];
    snprintf(hex, sizeof hex, v < 0x100 ? "<%02X>" : "<%04X>", v);
    buf_puts(b, hex);
}

/* The ToUnicode CMap: each code's text, in blocks of at most 100. Codes
 * of consecutive values reading as consecutive characters ("a" ... "z",
 * where the codes are the letters' bytes) make one bfrange; a range
 * changes the last byte only, of its codes and of its text. */
static void tounicode(const Embed *e, Buf *b)
{
    buf_puts(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n" CODESPACE);
    int n = e->n, *o = ARENA_ARRAY(&e->rp->arena, int, n + 1);
    int *run = ARENA_ARRAY(&e->rp->arena, int, n + 1);   /* at a run's first: its length; 0: no text */
    int count[2] = { 0, 0 };                              /* bfchar, bfrange entries */
    by_value(e, o);
    for (int i = 0, k; i < n; i = k) {
        const uint8_t *one = e->one;
        unsigned v = embed_value(one, (unsigned)o[i]);
        uint32_t u = one_unit(e, o[i]);
        for (k = i + 1; u && k < n && (v + (unsigned)(k - i)) % 256 != 0 && (u + (uint32_t)(k - i)) % 256 != 0 &&
                        embed_value(one, (unsigned)o[k]) == v + (unsigned)(k - i) &&
                        one_unit(e, o[k]) == u + (uint32_t)(k - i);
             k++)
            ;
        run[i] = e->tlen[o[i]] ? k - i : 0;
        if (run[i])
            count[run[i] > 1]++;
    }
    static const char *const kind[2][2] = { { "beginbfchar\n", "endbfchar\n" }, { "beginbfrange\n", "endbfrange\n" } };
    for (int r = 0; r < 2; r++) {
        int i = 0;
        for (int left = count[r]; left > 0;) {
            int block = left < 100 ? left : 100;
            buf_int(b, block);
            buf_puts(b, " ");
            buf_puts(b, kind[r][0]);
            for (int done = 0; done < block; i += run[i] ? run[i] : 1) {
                if (!run[i] || (run[i] > 1) != r)
                    continue;
                put_value(b, embed_value(e->one, (unsigned)o[i]));
                buf_puts(b, " ");
                if (r) {
                    put_value(b, embed_value(e->one, (unsigned)o[i + run[i] - 1]));
                    buf_puts(b, " ");
                }
                cmap_text(b, e->text[o[i]], e->tlen[o[i]]);
                buf_puts(b, "\n");
                done++;
            }
            buf_puts(b, kind[r][1]);
            left -= block;
        }
    }
    buf_puts(b, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
}

static HPDF_Dict stream_of(Embed *e, const void *data, size_t len, bool deflated);

/* Adobe-Identity-0, the CID font's and its CMap's (a dictionary of its
 * own for each: libharu objects have one parent). */
static HPDF_Dict system_info(HPDF_MMgr mm)
{
    HPDF_Dict d = HPDF_Dict_New(mm);
    HPDF_Dict_Add(d, "Registry", HPDF_String_New(mm, "Adobe", NULL));
    HPDF_Dict_Add(d, "Ordering", HPDF_String_New(mm, "Identity", NULL));
    HPDF_Dict_AddNumber(d, "Supplement", 0);
    return d;
}

/* The CMap of the codes (embed.h): one byte or two, each code the CID of
 * its value. Embedded, as PDF/A asks of a CMap not predefined. */
static HPDF_Dict encoding(Embed *e)
{
    static const char cmap[] =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo 3 dict dup begin /Registry (Adobe) def /Ordering (Identity) def "
        "/Supplement 0 def end def\n"
        "/CMapName /Rapport-Short-H def\n/CMapType 1 def\n/WMode 0 def\n" CODESPACE
        "4 begincidrange\n<20> <7F> 32\n<A0> <FF> 160\n<0100> <1FFF> 256\n<8000> <9FFF> 32768\nendcidrange\n"
        "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    HPDF_Dict s = stream_of(e, cmap, sizeof cmap - 1, false);
    if (s) {
        HPDF_Dict_AddName(s, "Type", "CMap");
        HPDF_Dict_AddName(s, "CMapName", "Rapport-Short-H");
        HPDF_Dict_Add(s, "CIDSystemInfo", system_info(e->pdf->mmgr));
        HPDF_Dict_AddNumber(s, "WMode", 0);
    }
    return s;
}

static HPDF_Dict stream_of(Embed *e, const void *data, size_t len, bool deflated)
{
    HPDF_Dict s = HPDF_DictStream_New(e->pdf->mmgr, e->pdf->xref);
    if (!s)
        return NULL;
    if (deflated) {
        haru_deflated(s);
    } else {
        s->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    }
    HPDF_Stream_Write(s->stream, data, (HPDF_UINT)len);
    return s;
}

/* ---- glyphs widened by a no-break space ----------------------------------
 * A no-break space is drawn as part of the glyph before it (pdf.c): in
 * "1 877,0" the "1" is one code that reads as "1" and U+00A0 and is as
 * wide as both (never with the glyph after it: pdf.js drops a glyph
 * whose text begins with a space). That
 * is how poppler's text tools keep it: they drop a code that reads as a
 * space alone and write a plain space for the gap it leaves. A code's
 * width in the W array must be its glyph's advance in the font program
 * (PDF/A-2, 6.2.11.5), so such a code draws a glyph of its own, appended
 * to the subset: a composite of the glyph, with the room about it. The
 * tables this changes are made again (glyf, loca, hmtx, and the counts
 * and bounds of head, hhea and maxp) and HarfBuzz's face builder writes
 * the font. A face with other tables per glyph (vertical metrics,
 * variations) is not widened (embed_can_widen). In the
 * verksamhetsberättelse: 29 glyphs, 0.7 KB of its PDF. */

static unsigned rd16(const uint8_t *p) { return (unsigned)p[0] << 8 | p[1]; }
static uint32_t rd32(const uint8_t *p) { return (uint32_t)rd16(p) << 16 | rd16(p + 2); }
static void wr16(uint8_t *p, unsigned v) { p[0] = (uint8_t)(v >> 8), p[1] = (uint8_t)v; }
static void wr32(uint8_t *p, uint32_t v) { wr16(p, v >> 16), wr16(p + 2, v & 0xFFFF); }
static int rds16(const uint8_t *p) { return (int16_t)rd16(p); }

/* Where the fields read and written stand in their tables (OpenType). */
enum {
    HEAD_LOCA_FORMAT = 50, HEAD_SIZE = 54,
    HHEA_ADVANCE_MAX = 10, HHEA_HMETRICS = 34, HHEA_SIZE = 36,
    MAXP_GLYPHS = 4, MAXP_COMPOSITE_POINTS = 10, MAXP_COMPOSITE_CONTOURS = 12, MAXP_COMPONENTS = 28,
    MAXP_DEPTH = 30, MAXP_SIZE = 32,
    GLYPH_HEADER = 10,
    /* a composite of one part at offsets 0, 0 (bytes) */
    COMPOSITE = GLYPH_HEADER + 6,
};

typedef struct { hb_blob_t *blob; const uint8_t *p; unsigned n; } Table;

static Table table_of(hb_face_t *face, const char *tag)
{
    Table t;
    t.blob = hb_face_reference_table(face, hb_tag_from_string(tag, 4));
    t.p = (const uint8_t *)hb_blob_get_data(t.blob, &t.n);
    return t;
}

static bool has_table(hb_face_t *face, const char *tag)
{
    Table t = table_of(face, tag);
    hb_blob_destroy(t.blob);
    return t.n > 0;
}

bool embed_can_widen(const Embed *e) { return e->widen_ok; }

static bool glyf_outlines(hb_face_t *face)
{
    Table maxp = table_of(face, "maxp");
    bool ok = maxp.n >= MAXP_SIZE && rd32(maxp.p) == 0x00010000 && has_table(face, "glyf") &&
              !has_table(face, "vmtx") && !has_table(face, "VORG") && !has_table(face, "gvar") &&
              !has_table(face, "fvar");
    hb_blob_destroy(maxp.blob);
    return ok;
}

/* A new blob of n bytes, copied from p (up to have of them; zeros after). */
static hb_blob_t *blob_from(const uint8_t *p, unsigned have, unsigned n, uint8_t **out)
{
    uint8_t *b = calloc(n ? n : 1, 1);
    if (!b)
        return NULL;
    if (have)
        memcpy(b, p, have < n ? have : n);
    *out = b;
    return hb_blob_create((const char *)b, n, HB_MEMORY_MODE_WRITABLE, b, free);
}

/* A glyph to add: glyph base of the subset with room after it. */
typedef struct { uint16_t base, after; } Widened;

typedef struct {
    Table    head, maxp, hhea, hmtx, loca, glyf;
    unsigned ng, nh;          /* glyphs; of them with an advance in hmtx */
    bool     long_loca;
} Tables;

static uint32_t glyph_at(const Tables *t, unsigned g)
{
    return t->long_loca ? rd32(t->loca.p + 4 * g) : 2 * rd16(t->loca.p + 2 * g);
}

static bool glyph_empty(const Tables *t, unsigned g) { return glyph_at(t, g + 1) < glyph_at(t, g) + GLYPH_HEADER; }

/* The made tables: the ones a widened subset has anew. */
typedef struct {
    hb_blob_t *blob[6];       /* glyf, loca, hmtx, head, hhea, maxp */
    uint8_t   *glyf, *loca, *hmtx, *head, *hhea, *maxp;
    bool       long_loca;
} Made;

static const char *const made_tags[6] = { "glyf", "loca", "hmtx", "head", "hhea", "maxp" };

/* The new glyf, loca and hmtx, with glyph t->ng + i: w[i]; the new
 * glyphs follow the old glyphs' data (loca[ng]); loca is long where the
 * short form cannot reach them. False if a blob could not be made. */
static bool widened_tables(const Tables *t, const Widened *w, unsigned n, Made *o)
{
    unsigned ng = t->ng, nh = t->nh;
    uint32_t end = glyph_at(t, ng), size = end;
    for (unsigned i = 0; i < n; i++)
        size += glyph_empty(t, w[i].base) ? 0 : COMPOSITE;
    o->long_loca = t->long_loca || size > 0x1FFFE;
    unsigned unit = o->long_loca ? 4 : 2;
    o->blob[0] = blob_from(t->glyf.p, end, size, &o->glyf);
    o->blob[1] = blob_from(NULL, 0, (ng + n + 1) * unit, &o->loca);
    o->blob[2] = blob_from(t->hmtx.p, nh * 4, (ng + n) * 4, &o->hmtx);
    if (!o->blob[0] || !o->blob[1] || !o->blob[2])
        return false;
    unsigned last_adv = rd16(t->hmtx.p + 4 * (nh - 1));
    for (unsigned g = nh; g < ng; g++) {          /* every glyph its own advance */
        wr16(o->hmtx + 4 * g, last_adv);
        wr16(o->hmtx + 4 * g + 2, rd16(t->hmtx.p + 4 * nh + 2 * (g - nh)));
    }
    uint32_t at = end;
    for (unsigned g = 0; g <= ng + n; g++) {
        uint32_t off = g <= ng ? glyph_at(t, g) : at;
        if (o->long_loca)
            wr32(o->loca + 4 * g, off);
        else
            wr16(o->loca + 2 * g, off / 2);
        if (g < ng)
            continue;
        if (g == ng + n)
            break;
        const Widened *x = &w[g - ng];
        if (!glyph_empty(t, x->base)) {               /* an empty glyph widens to an empty glyph */
            uint8_t *q = o->glyf + at;
            const uint8_t *b = t->glyf.p + glyph_at(t, x->base);
            wr16(q, 0xFFFF);                          /* numberOfContours -1: a composite */
            memcpy(q + 2, b + 2, 8);                  /* the bounding box */
            wr16(q + GLYPH_HEADER, 0x0002);           /* ARGS_ARE_XY_VALUES */
            wr16(q + GLYPH_HEADER + 2, x->base);
            at += COMPOSITE;
        }
        wr16(o->hmtx + 4 * g, rd16(o->hmtx + 4 * x->base) + x->after);
        wr16(o->hmtx + 4 * g + 2, rd16(o->hmtx + 4 * x->base + 2));
    }
    return true;
}

/* head, hhea and maxp for the glyphs added: the loca format, bounds and
 * extents, the glyph count, the composites' counts (one deeper than any
 * where a part is a composite itself). */
static void widened_counts(const Tables *t, const Widened *w, unsigned n, Made *o)
{
    uint8_t *maxp = o->maxp, *hhea = o->hhea, *head = o->head;
    unsigned points = rd16(maxp + MAXP_COMPOSITE_POINTS), contours = rd16(maxp + MAXP_COMPOSITE_CONTOURS);
    unsigned depth = rd16(maxp + MAXP_DEPTH), adv_max = rd16(hhea + HHEA_ADVANCE_MAX);
    bool deeper = false;
    for (unsigned i = 0; i < n; i++) {
        unsigned g = t->ng + i, adv = rd16(o->hmtx + 4 * g);
        adv_max = adv > adv_max ? adv : adv_max;
        if (glyph_empty(t, w[i].base))
            continue;
        const uint8_t *b = t->glyf.p + glyph_at(t, w[i].base);
        int nc = rds16(b);
        if (nc > 0 && glyph_at(t, w[i].base + 1) >= glyph_at(t, w[i].base) + GLYPH_HEADER + 2 * (unsigned)nc) {
            unsigned pts = rd16(b + GLYPH_HEADER + 2 * (unsigned)(nc - 1)) + 1;
            points = pts > points ? pts : points;
            contours = (unsigned)nc > contours ? (unsigned)nc : contours;
        }
        deeper |= nc < 0;                             /* a composite of a composite */
    }
    wr16(maxp + MAXP_GLYPHS, t->ng + n);
    wr16(maxp + MAXP_COMPOSITE_POINTS, points);
    wr16(maxp + MAXP_COMPOSITE_CONTOURS, contours);
    if (rd16(maxp + MAXP_COMPONENTS) < 1)
        wr16(maxp + MAXP_COMPONENTS, 1);
    wr16(maxp + MAXP_DEPTH, deeper ? depth + 1 : depth > 1 ? depth : 1);
    wr16(hhea + HHEA_HMETRICS, t->ng + n);
    wr16(hhea + HHEA_ADVANCE_MAX, adv_max);
    wr16(head + HEAD_LOCA_FORMAT, o->long_loca);
}

/* The font of tables t with the made ones in their place. */
static hb_face_t *rebuilt(hb_face_t *sub, const Made *o)
{
    hb_face_t *out = hb_face_builder_create();
    hb_tag_t all[64];
    unsigned count = 64;
    hb_face_get_table_tags(sub, 0, &count, all);
    for (unsigned k = 0; k < count; k++) {
        hb_blob_t *b = NULL;
        for (int m = 0; m < 6; m++)
            if (all[k] == hb_tag_from_string(made_tags[m], 4))
                b = hb_blob_reference(o->blob[m]);
        if (!b)
            b = hb_face_reference_table(sub, all[k]);
        hb_face_builder_add_table(out, all[k], b);
        hb_blob_destroy(b);
    }
    return out;
}

/* sub with glyphs w[0..n) appended (glyph sub's count + i), or NULL if
 * it cannot be (not TrueType, or broken). */
static hb_face_t *widen(hb_face_t *built, const Widened *w, unsigned n)
{
    /* the subsetter's face is a builder's, which lists no tables: read
     * the font it makes */
    hb_blob_t *whole = hb_face_reference_blob(built);
    hb_face_t *sub = hb_face_create(whole, 0);
    hb_blob_destroy(whole);
    Tables t = { table_of(sub, "head"), table_of(sub, "maxp"), table_of(sub, "hhea"),
                 table_of(sub, "hmtx"), table_of(sub, "loca"), table_of(sub, "glyf"), 0, 0, false };
    bool ok = t.head.n >= HEAD_SIZE && t.maxp.n >= MAXP_SIZE && rd32(t.maxp.p) == 0x00010000 &&
              t.hhea.n >= HHEA_SIZE;
    if (ok) {
        t.ng = rd16(t.maxp.p + MAXP_GLYPHS);
        t.nh = rd16(t.hhea.p + HHEA_HMETRICS);
        t.long_loca = rd16(t.head.p + HEAD_LOCA_FORMAT) == 1;
        ok = t.nh >= 1 && t.nh <= t.ng && t.ng + n <= 0xFFFF && t.hmtx.n >= 4 * t.nh + 2 * (t.ng - t.nh) &&
             t.loca.n >= (t.ng + 1) * (t.long_loca ? 4 : 2) && glyph_at(&t, t.ng) <= t.glyf.n;
    }
    for (unsigned g = 0; ok && g < t.ng; g++)
        ok = glyph_at(&t, g) <= glyph_at(&t, g + 1);
    for (unsigned i = 0; ok && i < n; i++)
        ok = w[i].base < t.ng &&
             rd16(t.hmtx.p + 4 * (w[i].base < t.nh ? w[i].base : t.nh - 1)) + w[i].after <= 0xFFFF;
    Made o = { 0 };
    hb_face_t *out = NULL;
    if (ok && widened_tables(&t, w, n, &o) && (o.blob[3] = blob_from(t.head.p, t.head.n, t.head.n, &o.head)) &&
        (o.blob[4] = blob_from(t.hhea.p, t.hhea.n, t.hhea.n, &o.hhea)) &&
        (o.blob[5] = blob_from(t.maxp.p, t.maxp.n, t.maxp.n, &o.maxp))) {
        widened_counts(&t, w, n, &o);
        out = rebuilt(sub, &o);
    }
    for (int m = 0; m < 6; m++)
        hb_blob_destroy(o.blob[m]);
    Table *all_t[6] = { &t.head, &t.maxp, &t.hhea, &t.hmtx, &t.loca, &t.glyf };
    for (int m = 0; m < 6; m++)
        hb_blob_destroy(all_t[m]->blob);
    hb_face_destroy(sub);
    return out;
}

/* The widened codes' glyphs (embed_code's pad) appended to *sub, one
 * for each glyph and room, and new_gid[] of those codes made theirs.
 * False if the font cannot take them. */
static bool widen_codes(Embed *e, hb_face_t **sub, uint16_t *new_gid)
{
    unsigned n = 0, ng = hb_face_get_glyph_count(*sub);
    Widened *w = malloc(sizeof *w * (size_t)(e->n + 1));
    if (!w)
        return false;
    for (int c = 1; c <= e->n; c++) {
        uint16_t room = e->room[c];
        if (!room)
            continue;
        unsigned i = 0;
        while (i < n && !(w[i].base == new_gid[c] && w[i].after == room))
            i++;
        if (i == n)
            w[n++] = (Widened){ new_gid[c], room };
        new_gid[c] = (uint16_t)(ng + i);
    }
    hb_face_t *out = n ? widen(*sub, w, n) : *sub;
    free(w);
    if (out && out != *sub) {
        hb_face_destroy(*sub);
        *sub = out;
    }
    return out != NULL;
}

/* The subset font program, deflated; NULL if HarfBuzz cannot make it. */
static unsigned char *subset(Embed *e, uint16_t *new_gid, size_t *zlen, size_t *rawlen)
{
    hb_face_t *face = hb_font_get_face(e->f->hb);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    if (!in)
        return NULL;
    hb_set_t *glyphs = hb_subset_input_glyph_set(in);
    hb_set_add(glyphs, 0);
    for (int c = 1; c <= e->n; c++)
        hb_set_add(glyphs, e->gid[c]);
    hb_set_clear(hb_subset_input_unicode_set(in));
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    static const char *const dropped[] = { "GSUB", "GPOS", "GDEF", "kern", "cmap", "DSIG", "hdmx", "VDMX",
                                           "LTSH", "gasp", "cvt ", "fpgm", "prep", "JSTF", "BASE", "MATH" };
    for (size_t k = 0; k < sizeof dropped / sizeof *dropped; k++)
        hb_set_add(drop, hb_tag_from_string(dropped[k], 4));
    /* of the names, the copyright notice only: a PDF finds the font by
     * its BaseFont, and the family and style names (~0.7 KB a face) are
     * read by nothing that draws from an embedded subset */
    hb_set_t *names = hb_subset_input_set(in, HB_SUBSET_SETS_NAME_ID);
    hb_set_clear(names);
    hb_set_add(names, 0);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING);
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
    hb_subset_input_destroy(in);
    if (!plan)
        return NULL;
    const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
    for (int c = 1; c <= e->n; c++) {
        hb_codepoint_t g = hb_map_get(map, e->gid[c]);
        new_gid[c] = g == HB_MAP_VALUE_INVALID ? 0 : (uint16_t)g;
    }
    hb_face_t *sub = hb_subset_plan_execute_or_fail(plan);
    hb_subset_plan_destroy(plan);
    if (sub && !widen_codes(e, &sub, new_gid))
        hb_face_destroy(sub), sub = NULL;
    if (!sub)
        return NULL;
    hb_blob_t *blob = hb_face_reference_blob(sub);
    unsigned len;
    const char *data = hb_blob_get_data(blob, &len);
    Buf z = { 0 };
    if (len > 0 && !squeeze_into(&z, data, len, SQUEEZE_LEVEL)) {
        free(z.p);
        z.p = NULL;
    }
    *zlen = z.n;
    *rawlen = len;
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    font_release(e->f);       /* the subsetter read all its outlines */
    return z.p;
}

/* Six capitals from the glyphs used: the subset's tag (ISO 32000-1, 9.6.4). */
static void subset_tag(const Embed *e, char tag[7])
{
    uint32_t h = 2166136261u;
    for (int c = 1; c <= e->n; c++)
        h = (h ^ e->gid[c]) * 16777619u;
    for (const char *p = e->f->psname; *p; p++)
        h = (h ^ (unsigned char)*p) * 16777619u;
    for (int k = 0; k < 6; k++) {
        tag[k] = (char)('A' + h % 26);
        h /= 26;
    }
    tag[6] = 0;
}

static HPDF_Array bbox_of(Embed *e)
{
    HPDF_Array a = HPDF_Array_New(e->pdf->mmgr);
    for (int k = 0; k < 4; k++)
        HPDF_Array_AddNumber(a, thousandths(e->f, e->f->bbox[k]));
    return a;
}

/* The subset of e's glyphs, made into e (no arena, no libharu: safe on a
 * thread of its own while another face is subset on another). */
static void make_subset(Embed *e)
{
    e->subset_done = true;
    e->new_gid = malloc(sizeof *e->new_gid * (size_t)(e->n + 1));
    e->z = e->new_gid ? subset(e, e->new_gid, &e->zlen, &e->rawlen) : NULL;
}

typedef struct { Embed **emb; int n; atomic_int next; } SubsetWork;

static void subset_some(SubsetWork *w)
{
    for (int k; (k = atomic_fetch_add(&w->next, 1)) < w->n;)
        make_subset(w->emb[k]);
}

static void *subset_thread(void *p)
{
    subset_some(p);
    return NULL;
}

void embed_subset_all(Embed **emb, int n, int threads)
{
    SubsetWork w = { emb, n, 0 };
    pthread_t th[3];
    int nth = 0;
    for (int i = 1; i < threads && i < n && nth < 3; i++)
        if (pthread_create(&th[nth], NULL, subset_thread, &w) == 0)
            nth++;
    subset_some(&w);
    for (int i = 0; i < nth; i++)
        pthread_join(th[i], NULL);
}

int embed_finish(Embed *e, HPDF_Dict *encoding_cmap)
{
    const Font *f = e->f;
    HPDF_MMgr mm = e->pdf->mmgr;
    if (!e->subset_done)
        make_subset(e);
    uint16_t *new_gid = e->new_gid;
    size_t zlen = e->zlen, rawlen = e->rawlen;
    unsigned char *z = e->z;
    e->z = NULL;
    if (!z) {
        free(e->new_gid);
        e->new_gid = NULL;
        diag_error(&e->rp->diags, f->path, 0, 0, _("the font cannot be subset for the PDF"));
        diag_hint(&e->rp->diags, _("name another TrueType font in the layout"));
        return -1;
    }
    HPDF_Dict file = stream_of(e, z, zlen, true);
    free(z);
    if (!file)
        return -1;          /* new_gid goes with the run (drop_subset) */
    HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)rawlen);

    char tag[7], name[160];
    subset_tag(e, tag);
    snprintf(name, sizeof name, "%s+%s", tag, f->psname);

    HPDF_Dict desc = HPDF_Dict_New(mm);
    HPDF_Xref_Add(e->pdf->xref, desc);
    HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    HPDF_Dict_AddName(desc, "FontName", name);
    bool italic = f->italic_angle != 0;
    HPDF_Dict_AddNumber(desc, "Flags", 4 | (f->fixed_pitch ? 1 : 0) | (italic ? 64 : 0));
    HPDF_Dict_Add(desc, "FontBBox", bbox_of(e));
    HPDF_Dict_AddReal(desc, "ItalicAngle", (float)(f->italic_angle / 65536.0));
    HPDF_Dict_AddNumber(desc, "Ascent", thousandths(f, f->ascent));
    HPDF_Dict_AddNumber(desc, "Descent", -thousandths(f, f->descent));
    HPDF_Dict_AddNumber(desc, "CapHeight", thousandths(f, f->cap_height));
    /* no font file says it; the usual estimate from the weight class */
    HPDF_Dict_AddNumber(desc, "StemV", 10 + 220 * (f->weight > 50 ? f->weight - 50 : 0) / 900);
    HPDF_Dict_Add(desc, "FontFile2", file);

    /* glyph of each CID (a code's value), from 0 (.notdef) to the last */
    int *o = ARENA_ARRAY(&e->rp->arena, int, e->n + 1);
    by_value(e, o);
    Buf map = { 0 };
    size_t ncid = e->n ? embed_value(e->one, (unsigned)o[e->n - 1]) + 1 : 1;
    buf_reserve(&map, ncid * 2);
    memset(map.p, 0, ncid * 2);
    map.n = ncid * 2;
    for (int c = 1; c <= e->n; c++) {
        size_t at = embed_value(e->one, (unsigned)c) * 2;
        map.p[at] = (char)(new_gid[c] >> 8);
        map.p[at + 1] = (char)new_gid[c];
    }
    free(e->new_gid);
    e->new_gid = new_gid = NULL;
    HPDF_Dict cidmap = stream_of(e, map.p, map.n, false);
    free(map.p);

    /* widths: each run of consecutive CIDs, its first and its widths */
    HPDF_Array w = HPDF_Array_New(mm), ws = NULL;
    for (int i = 0; i < e->n; i++) {
        unsigned v = embed_value(e->one, (unsigned)o[i]);
        if (i == 0 || v != embed_value(e->one, (unsigned)o[i - 1]) + 1) {
            HPDF_Array_AddNumber(w, (HPDF_INT32)v);
            ws = HPDF_Array_New(mm);
            HPDF_Array_Add(w, ws);
        }
        HPDF_Array_AddReal(ws, (HPDF_REAL)e->width[o[i]]);
    }

    HPDF_Dict sysinfo = system_info(mm);

    HPDF_Dict cid = HPDF_Dict_New(mm);
    HPDF_Xref_Add(e->pdf->xref, cid);
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", name);
    HPDF_Dict_Add(cid, "CIDSystemInfo", sysinfo);
    HPDF_Dict_Add(cid, "FontDescriptor", desc);
    HPDF_Dict_AddNumber(cid, "DW", 0);
    HPDF_Dict_Add(cid, "W", w);
    if (cidmap)
        HPDF_Dict_Add(cid, "CIDToGIDMap", cidmap);

    Buf cm = { 0 };
    tounicode(e, &cm);
    HPDF_Dict touni = stream_of(e, cm.p, cm.n, false);
    free(cm.p);

    HPDF_Dict_AddName(e->type0, "Type", "Font");
    HPDF_Dict_AddName(e->type0, "Subtype", "Type0");
    HPDF_Dict_AddName(e->type0, "BaseFont", name);
    /* one CMap stream for all the faces: its bytes are the same */
    if (!*encoding_cmap)
        *encoding_cmap = encoding(e);
    HPDF_Dict enc = *encoding_cmap;
    if (!enc)
        return -1;
    HPDF_Dict_Add(e->type0, "Encoding", enc);
    HPDF_Array desc_fonts = HPDF_Array_New(mm);
    HPDF_Array_Add(desc_fonts, cid);
    HPDF_Dict_Add(e->type0, "DescendantFonts", desc_fonts);
    if (touni)
        HPDF_Dict_Add(e->type0, "ToUnicode", touni);
    return e->pdf->error.error_no ? -1 : 0;
}
