/*
 * embed.c - fonts into the PDF: codes, hb-subset, CIDFontType2 (draw
 * stage). See embed.h.
 *
 * Design notes
 *  - Codes are given out in the order glyphs are first drawn, from 1, so
 *    the same report always gives the same codes, subset and bytes.
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
    double      *width;       /* W entry: thousandths of an em, three decimals */
    int          n, cap;
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
    e->type0 = HPDF_Dict_New(pdf->mmgr);
    if (e->type0 && HPDF_Xref_Add(pdf->xref, e->type0) != HPDF_OK)
        e->type0 = NULL;
    return e->type0 ? e : NULL;
}

HPDF_Dict embed_dict(const Embed *e) { return e->type0; }

double embed_width(const Embed *e, unsigned c) { return c && (int)c <= e->n ? e->width[c] : 0; }

/* a[0..n) == b[0..n): a glyph's text is a character or two, compared
 * here without a call */
static inline bool same_text(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (a[i] != b[i])
            return false;
    return true;
}

unsigned embed_code(Embed *e, uint16_t gid, const char *t, size_t n)
{
    if (gid >= e->f->nglyphs)
        gid = 0;
    for (unsigned c = e->by_gid[gid]; c; c = e->next[c])
        if (e->tlen[c] == n && same_text(e->text[c], t, n))
            return c;
    if (e->n >= EMBED_MAX_CODE || n > 0xFFFF)
        return 0;
    if (e->n + 1 >= e->cap) {
        int cap = e->cap ? e->cap * 2 : 256;
        Arena *a = &e->rp->arena;
        uint16_t *g = ARENA_ARRAY(a, uint16_t, cap), *nx = ARENA_ARRAY(a, uint16_t, cap),
                 *tl = ARENA_ARRAY(a, uint16_t, cap);
        const char **tx = ARENA_ARRAY(a, const char *, cap);
        double *w = ARENA_ARRAY(a, double, cap);
        if (e->n) {
            memcpy(g, e->gid, sizeof *g * (size_t)(e->n + 1));
            memcpy(nx, e->next, sizeof *nx * (size_t)(e->n + 1));
            memcpy(tl, e->tlen, sizeof *tl * (size_t)(e->n + 1));
            memcpy(tx, e->text, sizeof *tx * (size_t)(e->n + 1));
            memcpy(w, e->width, sizeof *w * (size_t)(e->n + 1));
        }
        e->gid = g, e->next = nx, e->tlen = tl, e->text = tx, e->width = w;
        e->cap = cap;
    }
    unsigned c = (unsigned)++e->n;
    e->gid[c] = gid;
    e->text[c] = arena_strndup(&e->rp->arena, t, n);
    e->tlen[c] = (uint16_t)n;
    e->width[c] = round(e->f->adv[gid] * 1000000.0 / e->f->upem) / 1000;
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

/* The ToUnicode CMap: each code's text, in blocks of at most 100. */
static void tounicode(const Embed *e, Buf *b)
{
    buf_puts(b, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
                "2 begincodespacerange\n<00> <BF>\n<C000> <FFFF>\nendcodespacerange\n");
    int c = 1;
    char line[32];
    while (c <= e->n) {
        int block = 0;
        for (int k = c; k <= e->n && block < 100; k++)
            block += e->tlen[k] > 0;
        if (block == 0)
            break;
        snprintf(line, sizeof line, "%d beginbfchar\n", block);
        buf_puts(b, line);
        for (int done = 0; done < block; c++) {
            if (!e->tlen[c])
                continue;
            unsigned char code[2];
            if (embed_code_bytes((unsigned)c, code) == 1)
                snprintf(line, sizeof line, "<%02X> ", code[0]);
            else
                snprintf(line, sizeof line, "<%02X%02X> ", code[0], code[1]);
            buf_puts(b, line);
            cmap_text(b, e->text[c], e->tlen[c]);
            buf_puts(b, "\n");
            done++;
        }
        buf_puts(b, "endbfchar\n");
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

/* The CMap of the codes (embed.h): one byte below 0xC0, two from 0xC000,
 * code c is CID c. Embedded, as PDF/A asks of a CMap not predefined. */
static HPDF_Dict encoding(Embed *e)
{
    static const char cmap[] =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo 3 dict dup begin /Registry (Adobe) def /Ordering (Identity) def "
        "/Supplement 0 def end def\n"
        "/CMapName /Rapport-Short-H def\n/CMapType 1 def\n/WMode 0 def\n"
        "2 begincodespacerange\n<00> <BF>\n<C000> <FFFF>\nendcodespacerange\n"
        "2 begincidrange\n<00> <BF> 0\n<C000> <FFFF> 49152\nendcidrange\n"
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

    /* glyph of each CID (embed_cid), from 0 (.notdef) to the last */
    Buf map = { 0 };
    size_t ncid = embed_cid((unsigned)e->n) + 1;
    buf_reserve(&map, ncid * 2);
    memset(map.p, 0, ncid * 2);
    map.n = ncid * 2;
    for (int c = 1; c <= e->n; c++) {
        size_t at = embed_cid((unsigned)c) * 2;
        map.p[at] = (char)(new_gid[c] >> 8);
        map.p[at + 1] = (char)new_gid[c];
    }
    free(e->new_gid);
    e->new_gid = new_gid = NULL;
    HPDF_Dict cidmap = stream_of(e, map.p, map.n, false);
    free(map.p);

    /* widths: CIDs 1 ... (the one-byte codes), then 0xC000 ... */
    HPDF_Array w = HPDF_Array_New(mm), ws = NULL;
    for (int c = 1; c <= e->n; c++) {
        if (c == 1 || c == EMBED_SHORT_CODES) {
            HPDF_Array_AddNumber(w, (HPDF_INT32)embed_cid((unsigned)c));
            ws = HPDF_Array_New(mm);
            HPDF_Array_Add(w, ws);
        }
        HPDF_Array_AddReal(ws, (HPDF_REAL)e->width[c]);
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
