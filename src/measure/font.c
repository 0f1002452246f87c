/*
 * font.c - a small TrueType reader for metrics, and shaping with
 * HarfBuzz (measure stage). Every read is bounds-checked, and the file is
 * validated before HarfBuzz sees it: a damaged font file is an error, not
 * a crash.
 */
#include "font.h"
#include "../base/map.h"
#include "plain.h"
#include "../base/engine.h"
#include "../base/utf8.h"
#include "../base/i18n.h"

#include <hb.h>
#include <hb-ot.h>

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <sched.h>
#include <stdatomic.h>
#include <stddef.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint16_t u16(const uint8_t *p) { return (uint16_t)(p[0] << 8 | p[1]); }
static uint32_t u32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Find table `tag`; returns its offset and length, or 0 if absent/bad. */
static int table(const Font *f, const char *tag, size_t *off, size_t *len)
{
    if (f->len < 12)
        return 0;
    int n = u16(f->data + 4);
    for (int i = 0; i < n; i++) {
        size_t rec = 12 + (size_t)i * 16;
        if (rec + 16 > f->len)
            return 0;
        if (memcmp(f->data + rec, tag, 4) == 0) {
            *off = u32(f->data + rec + 8);
            *len = u32(f->data + rec + 12);
            return *off <= f->len && *len <= f->len - *off;
        }
    }
    return 0;
}

static int seg_lookup(const Font *f, uint32_t cp)
{
    if (cp > 0xFFFF || !f->nseg)
        return 0;
    int lo = 0, hi = f->nseg - 1;
    while (lo < hi) {                   /* first segment with end >= cp */
        int mid = (lo + hi) / 2;
        if (f->seg_end[mid] < cp)
            lo = mid + 1;
        else
            hi = mid;
    }
    if (f->seg_end[lo] < cp || f->seg_start[lo] > cp)
        return 0;
    if (f->seg_range[lo] == 0)
        return (uint16_t)(cp + (uint32_t)f->seg_delta[lo]);
    /* idRangeOffset is relative to its own slot in the array. */
    size_t slot = (size_t)lo * 2 + f->seg_range[lo] + (cp - f->seg_start[lo]) * 2;
    if (slot + 2 > f->glyph_ids_len)
        return 0;
    uint16_t g = u16(f->glyph_ids + slot);
    return g ? (uint16_t)(g + f->seg_delta[lo]) : 0;
}

int font_glyph(const Font *f, uint32_t cp)
{
    if (cp < 0x250)
        return f->latin[cp];
    int g = seg_lookup(f, cp);
    return g < f->nglyphs ? g : 0;
}

uint32_t font_printable(const Font *f, uint32_t cp)
{
    if (font_glyph(f, cp) || cp < 0x20)
        return cp;
    static const uint32_t stand_in[][2] = {
        { 0x00A0, 0x0020 }, { 0x202F, 0x0020 }, { 0x2007, 0x0020 }, { 0x2009, 0x0020 },
        { 0x2011, 0x002D }, { 0x2010, 0x002D }, { 0x2212, 0x2013 }, { 0x00AD, 0x002D },
        { 0x2013, 0x002D }, { 0x2019, 0x0027 }, { 0x201D, 0x0022 }, { 0x2022, 0x00B7 },
    };
    for (size_t i = 0; i < sizeof stand_in / sizeof stand_in[0]; i++)
        if (stand_in[i][0] == cp && font_glyph(f, stand_in[i][1]))
            return stand_in[i][1];
    return cp;
}

bool font_rtl(uint32_t cp)
{
    hb_script_t sc = hb_unicode_script(hb_unicode_funcs_get_default(), cp);
    return hb_script_get_horizontal_direction(sc) == HB_DIRECTION_RTL;
}

int font_advance(const Font *f, uint32_t cp)
{
    int g = font_glyph(f, font_printable(f, cp));
    return f->adv[g < f->nglyphs ? g : 0];
}

/* ---- shaping --------------------------------------------------------------- */

/* Words shaped ahead by a worker thread (font_ahead_*, ahead.h). What the
 * two threads share, and why it is safe:
 *  1. The list and its table (FontAhead's w and tab, each word's f, s,
 *     n, hash) are made before the worker starts and only read after.
 *  2. A word's glyphs (g, ng) are written by the worker before it sets
 *     the word DONE (release) and read by the measuring thread after it
 *     finds DONE (acquire): each word is claimed by one thread (an atomic
 *     state), and the measuring thread copies the glyphs into its own
 *     cache, which may outlive the run (an engine's font).
 *  3. The Font's fields the worker reads (its HarfBuzz font, latin[],
 *     the cmap, work->lang) are set by font_load before the worker
 *     starts and not changed after; the HarfBuzz font is immutable (its
 *     face, tables and shape plans are then safe to share).
 *  4. Nothing releases a font's pages or frees it while the worker runs:
 *     font_ahead_stop() is called when measuring ends, before
 *     font_release(); the list goes with the run's arena, after the
 *     fonts' own cleanups are registered (so it is freed first).
 *  5. The worker never ends the program: out of memory, it gives its
 *     word back and stops. */
typedef struct AheadWord AheadWord;

/* A word's state: waiting, being shaped by the worker or by the
 * measuring thread (which then keeps it in its own cache), or shaped by
 * the worker, its glyphs in g. */
enum { AH_WAITING, AH_WORKER, AH_MAIN, AH_DONE };

struct AheadWord {
    const Font *f;
    const char *s;
    uint32_t    n, hash;
    atomic_int  state;
    FontGlyph  *g;
    int         ng;
};

struct FontAhead {
    AheadWord  *w;              /* in the order they were added */
    size_t      n, cap;
    uint32_t   *tab;            /* 1 + index into w, 0: empty (open addressing) */
    size_t      tabcap;
    pthread_t   th;
    bool        running;
    atomic_bool stop;
    void      (*then)(void *);  /* more work for the worker once the words are shaped */
    void       *then_ctx;
};

/* The words already shaped, in the order they came: a table of their
 * indexes (open addressing on their bytes) finds them. */
typedef struct WordSlot {
    const char      *s;
    uint32_t         n, hash;
    uint64_t         head[2];   /* s's first 16 bytes (key_of) */
    int64_t          units;
    const FontGlyph *g;
    int              ng;
} WordSlot;

struct FontWork {
    Arena       *arena;
    hb_buffer_t *buf;
    FontGlyph   *glyphs;        /* what font_shape() returns */
    int          cap;
    FontGlyph    one[128];      /* a lone ASCII character: nothing to kern or join */
    WordSlot    *words;         /* in the arena */
    size_t       nwords, capwords;
    uint32_t    *tab;           /* malloc'd: 1 + an index into words, 0: empty */
    size_t       tabcap;
    hb_language_t lang;
    FontAhead   *ahead;         /* words being shaped ahead, or NULL */
    struct Kern *kern;          /* malloc'd: pairs of plain glyphs as shaped (open addressing) */
    uint8_t     *single;        /* malloc'd, per glyph: HarfBuzz sets it alone as it stands (1), or not (2) */
    size_t       nkern, kerncap;
};

/* A word as the caches find it: its first 16 bytes as two numbers
 * (zero after its end), which most words fit in, so that finding one
 * costs two comparisons and no trip to its bytes; and its hash, from
 * them (and the bytes after, one by one). */
typedef struct Key {
    uint64_t head[2];
    uint32_t hash;
} Key;

static inline Key key_of(const char *s, size_t n)
{
    Key k = { { 0, 0 }, 0 };
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
    if (n >= 8) {           /* bytes 8 to n - 1: the last 8 read, shifted down */
        memcpy(&k.head[0], s, 8);
        if (n >= 16) {
            memcpy(&k.head[1], s + 8, 8);
        } else if (n > 8) {
            uint64_t t;
            memcpy(&t, s + n - 8, 8);
            k.head[1] = t >> (8 * (16 - n));
        }
    } else if (n >= 4) {    /* two reads of 4 that overlap */
        uint32_t lo, hi;
        memcpy(&lo, s, 4);
        memcpy(&hi, s + n - 4, 4);
        k.head[0] = lo | (uint64_t)hi << (8 * (n - 4));
    } else
#endif
    {
        for (size_t i = 0; i < n && i < 16; i++)
            k.head[i / 8] |= (uint64_t)(unsigned char)s[i] << (8 * (i % 8));
    }
    uint64_t x = k.head[0] * 0x9E3779B97F4A7C15u ^ (k.head[1] + n) * 0xC2B2AE3D27D4EB4Fu;
    for (size_t i = 16; i < n; i++)
        x = (x ^ (unsigned char)s[i]) * 0x100000001B3u;
    x ^= x >> 29;
    x *= 0xBF58476D1CE4E5B9u;
    x ^= x >> 32;
    k.hash = (uint32_t)x;
    return k;
}

static uint32_t hash_bytes(const char *s, size_t n)
{
    return key_of(s, n).hash;
}

/* Tables of indexes, 1 + an item's index in each slot (0: empty), found
 * by the items' 32-bit hashes with open addressing: the word cache's and
 * the words shaped ahead. Put v in t (cap slots, a power of two). */
static void index_put(uint32_t *t, size_t cap, uint32_t h, uint32_t v)
{
    size_t k = h & (cap - 1);
    while (t[k])
        k = (k + 1) & (cap - 1);
    t[k] = v;
}

/* *t made twice as big (`first` slots the first time), holding the n
 * items of `stride` bytes at items, whose hash is at hash_off in each. */
static void index_grow(uint32_t **t, size_t *cap, size_t first, const void *items, size_t n, size_t stride,
                       size_t hash_off)
{
    size_t c = *cap ? *cap * 2 : first;
    uint32_t *nt = calloc(c, sizeof *nt);
    if (!nt)
        rp_oom(c * sizeof *nt);
    for (size_t i = 0; i < n; i++) {
        uint32_t h;
        memcpy(&h, (const char *)items + i * stride + hash_off, sizeof h);
        index_put(nt, c, h, (uint32_t)i + 1);
    }
    free(*t);
    *t = nt;
    *cap = c;
}

/* HarfBuzz on s[0..n), with stand-ins for what the font lacks and the
 * clusters on the bytes of s. The glyphs stay in HarfBuzz's buffer. */
static unsigned shape_raw(const Font *f, hb_buffer_t *b, const char *s, size_t n, hb_glyph_info_t **gi,
                          hb_glyph_position_t **gp, bool *ok)
{
    hb_buffer_clear_contents(b);
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        uint32_t cp = utf8_next(s, n, &i);
        /* an author's soft hyphen is no glyph: where the line breaks at
         * it, the hyphen is the one hyphenation adds (text.c); its bytes
         * read with the glyph before it */
        if (cp != 0x00AD)
            hb_buffer_add(b, font_printable(f, cp), (unsigned)at);
    }
    hb_buffer_set_content_type(b, HB_BUFFER_CONTENT_TYPE_UNICODE);
    hb_buffer_set_language(b, f->work->lang);
    if (f->guess_script)
        hb_buffer_guess_segment_properties(b);
    else
        hb_buffer_set_script(b, HB_SCRIPT_LATIN);
    /* lines are set left to right: right-to-left text is refused before
     * it gets here (text.c) */
    hb_buffer_set_direction(b, HB_DIRECTION_LTR);
    hb_buffer_set_cluster_level(b, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_shape(f->hb, b, NULL, 0);
    unsigned len;
    *gi = hb_buffer_get_glyph_infos(b, &len);
    *gp = hb_buffer_get_glyph_positions(b, NULL);
    *ok = hb_buffer_allocation_successful(b);
    return len;
}

/* A word (text without U+0020) as HarfBuzz shapes it, shaped once per
 * run: clusters from 0, advances in font units. */
typedef struct Word { const FontGlyph *g; int n; int64_t units; } Word;

/* Keep the glyphs g[0..ng) of s[0..n) in the cache, found from slot k
 * of its table. */
static Word cache_put(FontWork *w, size_t k, const Key *key, const char *s, size_t n, FontGlyph *g, int ng)
{
    int64_t units = 0;
    for (int q = 0; q < ng; q++)
        units += g[q].adv;
    if (w->nwords == w->capwords) {
        size_t cap = w->capwords ? w->capwords * 2 : 256;
        w->words = arena_grow(w->arena, w->words, w->capwords * sizeof *w->words, cap * sizeof *w->words);
        w->capwords = cap;
    }
    WordSlot *sl = &w->words[w->nwords];
    sl->s = arena_strndup(w->arena, s, n);
    sl->n = (uint32_t)n;
    sl->hash = key->hash;
    sl->head[0] = key->head[0];
    sl->head[1] = key->head[1];
    sl->units = units;
    sl->g = g;
    sl->ng = ng;
    w->tab[k] = (uint32_t)++w->nwords;
    return (Word){ g, ng, units };
}

/* The table's slot for s[0..n): the word's, or the empty slot it goes in
 * (*found says which). */
static size_t cache_slot(FontWork *w, const char *s, size_t n, const Key *key, bool *found)
{
    if ((w->nwords + 1) * 2 >= w->tabcap)
        index_grow(&w->tab, &w->tabcap, 1024, w->words, w->nwords, sizeof *w->words, offsetof(WordSlot, hash));
    size_t k = key->hash & (w->tabcap - 1);
    for (; w->tab[k]; k = (k + 1) & (w->tabcap - 1)) {
        const WordSlot *e = &w->words[w->tab[k] - 1];
        if (e->hash == key->hash && e->n == n && e->head[0] == key->head[0] && e->head[1] == key->head[1] &&
            (n <= 16 || memcmp(e->s + 16, s + 16, n - 16) == 0)) {
            *found = true;
            return k;
        }
    }
    *found = false;
    return k;
}

/* s[0..n) shaped in the font's buffer: the number of glyphs, which
 * take_glyphs() copies out. */
static unsigned shape_here(const Font *f, const char *s, size_t n)
{
    hb_glyph_info_t *gi;
    hb_glyph_position_t *gp;
    bool ok;
    unsigned len = shape_raw(f, f->work->buf, s, n, &gi, &gp, &ok);
    if (!ok)
        rp_oom(n * 40);
    return len;
}

/* Shaping's result for s[0..n) in b as glyphs g[0..len). */
static void take_glyphs(hb_buffer_t *b, FontGlyph *g)
{
    unsigned len;
    hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(b, &len);
    hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(b, NULL);
    for (unsigned q = 0; q < len; q++) {
        g[q].gid = (uint16_t)gi[q].codepoint;
        g[q].unsafe = (hb_glyph_info_get_glyph_flags(&gi[q]) & HB_GLYPH_FLAG_UNSAFE_TO_BREAK) != 0;
        g[q].cluster = gi[q].cluster;
        g[q].adv = gp[q].x_advance;
        g[q].dx = gp[q].x_offset;
        g[q].dy = gp[q].y_offset;
    }
}

/* What HarfBuzz does to the first of two plain glyphs (plain.h) shaped
 * together: adds to its advance and offsets; and whether the text may
 * not be cut between them. `odd`: it did something else (the second
 * glyph moved, other glyphs): words with the pair are HarfBuzz's. */
typedef struct Kern {
    uint32_t key;               /* the glyphs, first << 16 | second */
    int32_t  adv, dx, dy;
    bool     used, unsafe, odd;
} Kern;

/* The longest word (in bytes) put together from pairs; a longer one is
 * HarfBuzz's. */
enum { PLAIN_MAX = 64 };

static size_t kern_home(uint32_t key, size_t cap)
{
    uint32_t h = key * 2654435761u;         /* its high bits mix both glyphs */
    return (h ^ h >> 16) & (cap - 1);
}

static void kern_grow(FontWork *w)
{
    size_t cap = w->kerncap ? w->kerncap * 2 : 1024;
    Kern *t = xcalloc(cap, sizeof *t);
    for (size_t i = 0; i < w->kerncap; i++) {
        if (!w->kern[i].used)
            continue;
        size_t k = kern_home(w->kern[i].key, cap);
        while (t[k].used)
            k = (k + 1) & (cap - 1);
        t[k] = w->kern[i];
    }
    free(w->kern);
    w->kern = t;
    w->kerncap = cap;
}

/* The pair a, b as shaped, g[0..ng), b from byte alen: e says what it
 * does to a. */
static void kern_set(Kern *e, const Font *f, const FontGlyph *g, int ng, size_t alen)
{
    uint16_t a = (uint16_t)(e->key >> 16), b = (uint16_t)e->key;
    e->odd = ng != 2 || g[0].gid != a || g[1].gid != b || g[0].cluster != 0 || g[0].unsafe ||
             g[1].cluster != alen || g[1].adv != f->adv[b] || g[1].dx || g[1].dy;
    if (!e->odd) {
        e->adv = g[0].adv - f->adv[a];
        e->dx = g[0].dx;
        e->dy = g[0].dy;
        e->unsafe = g[1].unsafe;
    }
}

static const AheadWord *ahead_find(const FontAhead *a, const Font *f, const char *s, size_t n, uint32_t h);
static bool ahead_claim(const AheadWord *aw);

/* The pair of glyphs a, b that are the characters s[0..n) (b's blen
 * bytes last): shaped the first time it is asked for, or taken from the
 * worker that shaped it ahead. */
static const Kern *kern_of(const Font *f, uint16_t a, uint16_t b, const char *s, size_t n, size_t blen)
{
    FontWork *w = f->work;
    if ((w->nkern + 1) * 2 > w->kerncap)
        kern_grow(w);
    uint32_t key = (uint32_t)a << 16 | b;
    size_t k = kern_home(key, w->kerncap);
    for (; w->kern[k].used; k = (k + 1) & (w->kerncap - 1))
        if (w->kern[k].key == key)
            return &w->kern[k];
    Kern *e = &w->kern[k];
    *e = (Kern){ .key = key, .used = true };
    w->nkern++;
    if (plain_odd(&f->odd, key)) {
        e->odd = true;                      /* the start of a longer ligature */
        return e;
    }
    const AheadWord *aw = w->ahead ? ahead_find(w->ahead, f, s, n, hash_bytes(s, n)) : NULL;
    if (aw && !ahead_claim(aw)) {
        kern_set(e, f, aw->g, aw->ng, n - blen);
        return e;
    }
    unsigned len = shape_here(f, s, n);
    FontGlyph g[2];
    if (len == 2)
        take_glyphs(w->buf, g);
    kern_set(e, f, g, len == 2 ? 2 : 0, n - blen);
    return e;
}

/* Whether HarfBuzz sets glyph g, the characters s[0..n), alone as the
 * font has it: its advance, no offset (a word of one glyph has no pair
 * that would say so; a damaged table gave a dash no width). */
static bool single_ok(const Font *f, uint16_t g, const char *s, size_t n)
{
    FontWork *w = f->work;
    if (!w->single)
        w->single = xcalloc((size_t)f->nglyphs + 1, 1);
    if (!w->single[g]) {
        FontGlyph r;
        bool ok = shape_here(f, s, n) == 1;
        if (ok)
            take_glyphs(w->buf, &r);
        w->single[g] = ok && r.gid == g && r.adv == f->adv[g] && !r.dx && !r.dy && !r.cluster && !r.unsafe ? 1 : 2;
    }
    return w->single[g] == 1;
}

/* The glyph of a plain character (plain.h) that is a plain glyph, or 0. */
static int plain_gid(const Font *f, uint32_t cp)
{
    int g = plain_char(cp) ? font_glyph(f, cp) : 0;
    return g > 0 && plain_glyph(f->plain, g) ? g : 0;
}

/* Whether every character of s[0..n) has a plain glyph: the word is
 * put together from pairs, unless a pair of it is odd. */
static bool plain_text(const Font *f, const char *s, size_t n)
{
    if (!f->plain || f->guess_script || n > PLAIN_MAX)
        return false;
    for (size_t i = 0; i < n;)
        if (!plain_gid(f, utf8_next(s, n, &i)))
            return false;
    return true;
}

/* The word s[0..n) as HarfBuzz shapes it, put together from its pairs
 * (plain.h) in g[0..*ng) (PLAIN_MAX glyphs at most); false for a word
 * HarfBuzz shapes itself. */
static bool plain_word(const Font *f, const char *s, size_t n, FontGlyph *g, int *ng)
{
    if (!plain_text(f, s, n))
        return false;
    int k = 0;
    for (size_t i = 0; i < n; k++) {
        size_t at = i;
        int gid = plain_gid(f, utf8_next(s, n, &i));
        g[k] = (FontGlyph){ .gid = (uint16_t)gid, .adv = f->adv[gid], .cluster = (uint32_t)at };
        if (k > 0) {
            const Kern *e = kern_of(f, g[k - 1].gid, g[k].gid, s + g[k - 1].cluster, i - g[k - 1].cluster, i - at);
            if (e->odd)
                return false;
            g[k - 1].adv += e->adv;
            g[k - 1].dx += e->dx;
            g[k - 1].dy += e->dy;
            g[k].unsafe = e->unsafe;
        }
    }
    *ng = k;
    return k != 1 || single_ok(f, g[0].gid, s, n);
}

static Word word_of(const Font *f, const char *s, size_t n)
{
    FontWork *w = f->work;
    if (n == 1 && (unsigned char)s[0] < 0x80 && single_ok(f, w->one[(unsigned char)s[0]].gid, s, 1)) {
        const FontGlyph *g = &w->one[(unsigned char)s[0]];
        return (Word){ g, 1, g->adv };
    }
    Key key = key_of(s, n);
    bool found;
    size_t k = cache_slot(w, s, n, &key, &found);
    if (found) {
        const WordSlot *e = &w->words[w->tab[k] - 1];
        return (Word){ e->g, e->ng, e->units };
    }
    FontGlyph pg[PLAIN_MAX];
    int png;
    if (plain_word(f, s, n, pg, &png)) {
        FontGlyph *g = ARENA_ARRAY(w->arena, FontGlyph, png ? png : 1);
        memcpy(g, pg, sizeof *g * (size_t)png);
        return cache_put(w, k, &key, s, n, g, png);
    }
    const AheadWord *aw = w->ahead ? ahead_find(w->ahead, f, s, n, key.hash) : NULL;
    if (aw && !ahead_claim(aw)) {    /* shaped ahead (or being shaped): the same glyphs */
        /* copied: the cache may outlive the run (an engine's font), the
         * worker's glyphs do not */
        FontGlyph *g = ARENA_ARRAY(w->arena, FontGlyph, aw->ng ? aw->ng : 1);
        memcpy(g, aw->g, sizeof *g * (size_t)aw->ng);
        return cache_put(w, k, &key, s, n, g, aw->ng);
    }
    unsigned len = shape_here(f, s, n);
    FontGlyph *g = ARENA_ARRAY(w->arena, FontGlyph, len ? len : 1);
    take_glyphs(w->buf, g);
    return cache_put(w, k, &key, s, n, g, (int)len);
}

int font_check_plain(const Font *f, const char *s, size_t n)
{
    FontGlyph pg[PLAIN_MAX];
    int png;
    if (!plain_word(f, s, n, pg, &png))
        return -1;
    unsigned len = shape_here(f, s, n);
    if (len != (unsigned)png)
        return 0;
    FontGlyph *g = xmalloc(sizeof *g * (len ? len : 1));
    take_glyphs(f->work->buf, g);
    int same = 1;
    for (unsigned q = 0; q < len && same; q++)
        same = g[q].gid == pg[q].gid && g[q].unsafe == pg[q].unsafe && g[q].adv == pg[q].adv &&
               g[q].dx == pg[q].dx && g[q].dy == pg[q].dy && g[q].cluster == pg[q].cluster;
    free(g);
    return same;
}

uint64_t font_cut_word(const Font *f, const char *s, size_t n, const int *cuts, int ncuts)
{
    FontWork *w = f->work;
    uint64_t unsafe = 0;
    if (ncuts <= 0 || n < 2)
        return 0;
    Word wd = word_of(f, s, n);
    int from = 0, gfrom = 0;          /* the piece's start (-1: not a safe one) and its first glyph */
    for (int c = 0; c <= ncuts; c++) {
        int to = c < ncuts ? cuts[c] : (int)n, gto = gfrom;
        while (gto < wd.n && (int)wd.g[gto].cluster < to)
            gto++;
        /* a cut is safe where a glyph's cluster begins there and HarfBuzz
         * does not mark it unsafe to break (kerning, a ligature across) */
        bool safe = c == ncuts || (gto < wd.n && (int)wd.g[gto].cluster == to && !wd.g[gto].unsafe);
        if (!safe && c < 64)
            unsafe |= (uint64_t)1 << c;
        size_t len = (size_t)(to - from);
        if (from >= 0 && safe && to > from && !(len == 1 && (unsigned char)s[from] < 0x80)) {
            Key key = key_of(s + from, len);
            bool found;
            size_t k = cache_slot(w, s + from, len, &key, &found);
            if (!found) {
                int ng = gto - gfrom;
                FontGlyph *g = ARENA_ARRAY(w->arena, FontGlyph, ng > 0 ? ng : 1);
                for (int q = 0; q < ng; q++) {
                    g[q] = wd.g[gfrom + q];
                    g[q].cluster -= (uint32_t)from;
                }
                if (ng > 0)
                    g[0].unsafe = false;
                cache_put(w, k, &key, s + from, len, g, ng);
            }
        }
        from = safe ? to : -1;
        gfrom = gto;
    }
    return unsafe;
}

/* ---- shaping ahead ---------------------------------------------------------- */

static const AheadWord *ahead_find(const FontAhead *a, const Font *f, const char *s, size_t n, uint32_t h)
{
    if (!a->tabcap)
        return NULL;
    for (size_t k = h & (a->tabcap - 1); a->tab[k]; k = (k + 1) & (a->tabcap - 1)) {
        const AheadWord *aw = &a->w[a->tab[k] - 1];
        if (aw->hash == h && aw->f == f && aw->n == n && memcmp(aw->s, s, n) == 0)
            return aw;
    }
    return NULL;
}

/* Whether the measuring thread is to shape the word itself: true if no
 * one had begun it (it is the measuring thread's now), or the worker gave
 * it back; false once the worker's glyphs are there, waited for if the
 * worker is at it (a word takes microseconds: the wait yields the core,
 * which is the worker's if they share one). */
static bool ahead_claim(const AheadWord *cw)
{
    AheadWord *aw = (AheadWord *)cw;
    int st = AH_WAITING;
    if (atomic_compare_exchange_strong(&aw->state, &st, AH_MAIN))
        return true;
    while (st == AH_WORKER) {
        sched_yield();
        st = atomic_load_explicit(&aw->state, memory_order_acquire);
    }
    return st != AH_DONE;
}

static void *ahead_work(void *p)
{
    FontAhead *a = p;
    hb_buffer_t *b = hb_buffer_create();
    for (size_t i = 0; i < a->n && !atomic_load_explicit(&a->stop, memory_order_relaxed); i++) {
        AheadWord *aw = &a->w[i];
        int st = AH_WAITING;
        if (!atomic_compare_exchange_strong(&aw->state, &st, AH_WORKER))
            continue;                   /* the measuring thread got there first */
        hb_glyph_info_t *gi;
        hb_glyph_position_t *gp;
        bool ok;
        unsigned len = shape_raw(aw->f, b, aw->s, aw->n, &gi, &gp, &ok);
        FontGlyph *g = ok ? malloc(sizeof *g * (len ? len : 1)) : NULL;
        if (!g) {
            /* out of memory: the word goes back to the measuring thread,
             * which shapes it (and says so, if it cannot either); a
             * worker never ends the program */
            atomic_store_explicit(&aw->state, AH_WAITING, memory_order_release);
            break;
        }
        take_glyphs(b, g);
        aw->g = g;
        aw->ng = (int)len;
        atomic_store_explicit(&aw->state, AH_DONE, memory_order_release);
    }
    hb_buffer_destroy(b);
    if (a->then && !atomic_load_explicit(&a->stop, memory_order_relaxed))
        a->then(a->then_ctx);
    return NULL;
}

/* The worker stopped, and the words it shaped let go: what measuring
 * used is in the fonts' caches, and drawing shapes what it draws anew
 * (the same glyphs), so the memory is drawing's to use. */
void font_ahead_stop(FontAhead *a)
{
    if (!a)
        return;
    if (a->running) {
        atomic_store(&a->stop, true);
        pthread_join(a->th, NULL);
        a->running = false;
    }
    for (size_t i = 0; i < a->n; i++) {
        free(a->w[i].g);
        ((Font *)a->w[i].f)->work->ahead = NULL;
    }
    free(a->w);
    free(a->tab);
    a->w = NULL;
    a->tab = NULL;
    a->n = a->cap = a->tabcap = 0;
}

static void ahead_free(void *p) { font_ahead_stop(p); }

FontAhead *font_ahead_new(Arena *arena)
{
    FontAhead *a = ARENA_NEW(arena, FontAhead);
    atomic_init(&a->stop, false);
    arena_on_free(arena, ahead_free, a);
    return a;
}

static bool ahead_put(FontAhead *a, const Font *f, const char *s, size_t n, int state);

bool font_ahead_add(FontAhead *a, const Font *f, const char *s, size_t n)
{
    if (a->running || !f || f->guess_script || n == 0 || n > 255 || (n == 1 && (unsigned char)s[0] < 0x80))
        return true;
    size_t j = 0;
    utf8_next(s, n, &j);                /* j: after the first character */
    size_t second = j;
    if (j < n)
        utf8_next(s, n, &second);       /* second: after the second */
    size_t whole = 0;
    if (second < n) {
        /* a word of three characters or more: on the list once, and
         * shaped ahead itself only if it is not put together from its
         * pairs (AH_MAIN: not to be shaped), which are then listed too;
         * most words come again and again, and cost only this */
        if (!ahead_put(a, f, s, n, AH_MAIN))
            return false;
        whole = a->n;
    }
    bool odd = false;
    if (plain_text(f, s, n)) {
        /* put together from its pairs when measured: the pairs are
         * shaped ahead; but a word with an odd pair (the start of a
         * ligature: "att") is shaped whole, and so is shaped ahead */
        size_t i = 0, at = 0;
        int ga = plain_gid(f, utf8_next(s, n, &at));
        while (j < n) {
            size_t k = j;
            int gb = plain_gid(f, utf8_next(s, n, &k));
            odd |= plain_odd(&f->odd, (uint32_t)ga << 16 | (uint32_t)gb);
            ahead_put(a, f, s + i, k - i, AH_WAITING);
            ga = gb;
            i = j;
            j = k;
        }
        if (!odd)
            return true;
    }
    if (whole) {                        /* listed above: to be shaped after all */
        atomic_init(&a->w[whole - 1].state, AH_WAITING);
        return true;
    }
    return odd || ahead_put(a, f, s, n, AH_WAITING);
}

/* Put s[0..n) on the list in `state` (AH_WAITING: to be shaped ahead),
 * unless it is there: whether it was not. */
static bool ahead_put(FontAhead *a, const Font *f, const char *s, size_t n, int state)
{
    if ((a->n + 1) * 2 > a->tabcap)
        index_grow(&a->tab, &a->tabcap, 4096, a->w, a->n, sizeof *a->w, offsetof(AheadWord, hash));
    uint32_t h = hash_bytes(s, n);
    if (ahead_find(a, f, s, n, h))
        return false;
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 1024;
        a->w = xrealloc(a->w, sizeof *a->w * a->cap);
    }
    AheadWord *aw = &a->w[a->n];
    aw->f = f;
    aw->s = s;
    aw->n = (uint32_t)n;
    aw->hash = h;
    atomic_init(&aw->state, state);
    aw->g = NULL;
    aw->ng = 0;
    index_put(a->tab, a->tabcap, h, (uint32_t)++a->n);
    return true;
}

void font_ahead_then(FontAhead *a, void (*then)(void *ctx), void *ctx)
{
    a->then = then;
    a->then_ctx = ctx;
}

void font_ahead_start(FontAhead *a)
{
    if (a->n < 64 && !a->then)
        return;                         /* not worth a thread */
    for (size_t i = 0; i < a->n; i++)
        ((Font *)a->w[i].f)->work->ahead = a;
    a->running = pthread_create(&a->th, NULL, ahead_work, a) == 0;
    if (!a->running)
        for (size_t i = 0; i < a->n; i++)
            ((Font *)a->w[i].f)->work->ahead = NULL;
}

/* Text is shaped word by word: a word space (U+0020 or a no-break
 * space) is the font's space, and nothing kerns across it (as in TeX;
 * fonts hardly kern with the space). So a line costs HarfBuzz nothing
 * once its words were measured, and measures exactly the sum of its words
 * and spaces, however it was put together. The length of the token at
 * s[i..n): a space, or a word up to the next. */
static size_t token(const char *s, size_t i, size_t n)
{
    if (s[i] == ' ')
        return 1;
    if ((unsigned char)s[i] == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    size_t j = i;
    while (j < n && s[j] != ' ' && !((unsigned char)s[j] == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0))
        j++;
    return j - i;
}

int64_t font_text_units(const Font *f, const char *s, size_t n)
{
    int64_t units = 0;
    for (size_t i = 0, k; i < n; i += k) {
        k = token(s, i, n);
        units += word_of(f, s + i, k).units;
    }
    return units;
}

int font_shape(const Font *f, const char *s, size_t n, const FontGlyph **out)
{
    FontWork *w = f->work;
    int k = 0;
    for (size_t i = 0, len; i < n; i += len) {
        len = token(s, i, n);
        Word wd = word_of(f, s + i, len);
        if (k + wd.n > w->cap) {
            w->cap = (k + wd.n) * 2;
            w->glyphs = xrealloc(w->glyphs, sizeof *w->glyphs * (size_t)w->cap);
        }
        for (int q = 0; q < wd.n; q++) {
            w->glyphs[k] = wd.g[q];
            w->glyphs[k++].cluster += (uint32_t)i;
        }
    }
    *out = w->glyphs;
    return k;
}

int32_t font_text_width(const Font *f, const char *s, size_t n, int32_t size)
{
    int64_t units = font_text_units(f, s, n);
    /* saturated: a 500 000-letter word is wider than any page, and its
     * width must still add up in int64 without wrapping */
    int64_t w = (units * size + f->upem / 2) / f->upem;
    return (int32_t)(w < INT32_MAX / 8 ? w : INT32_MAX / 8);
}

static void work_free(void *p)
{
    Font *f = p;
    hb_font_destroy(f->hb);
    hb_buffer_destroy(f->work->buf);
    free(f->work->glyphs);
    free(f->work->tab);
    free(f->work->kern);
    free(f->work->single);
}

/* The glyphs of the font that only kerning moves (plain.h). HarfBuzz
 * reads the character map itself: a font whose maps disagree (one
 * subtable for HarfBuzz, another here) is HarfBuzz's alone. */
static void find_plain(Arena *a, Font *f)
{
    uint8_t *set = arena_alloc(a, ((size_t)f->nglyphs + 7) / 8);
    memset(set, 0, ((size_t)f->nglyphs + 7) / 8);
    for (uint32_t cp = 0x21; cp < 0x2213; cp = cp == 0x24F ? 0x2010 : cp + 1) {
        if (!plain_char(cp))
            continue;
        hb_codepoint_t hg = 0;
        int g = font_glyph(f, cp);
        if ((uint32_t)g != (hb_font_get_nominal_glyph(f->hb, cp, &hg) ? hg : 0))
            return;
        if (g > 0)
            set[g >> 3] |= (uint8_t)(1u << (g & 7));
    }
    if (plain_glyphs(a, hb_font_get_face(f->hb), set, f->nglyphs, &f->odd))
        f->plain = set;
}

/* HarfBuzz's view of the file (the bytes stay in the arena), and the
 * font descriptor's figures. */
static const char *shaping(Arena *a, Font *f)
{
    hb_blob_t *blob = hb_blob_create((const char *)f->data, (unsigned)f->len, HB_MEMORY_MODE_READONLY, NULL, NULL);
    hb_face_t *face = hb_face_create(blob, 0);
    hb_blob_destroy(blob);
    f->hb = hb_font_create(face);
    hb_face_destroy(face);
    hb_font_set_scale(f->hb, f->upem, f->upem);
    hb_ot_font_set_funcs(f->hb);
    hb_font_make_immutable(f->hb);      /* shaped from two threads (font_ahead_start) */
    f->work = ARENA_NEW(a, FontWork);
    f->work->arena = a;
    f->work->buf = hb_buffer_create();
    f->work->lang = hb_language_from_string("sv", 2);
    for (int c = 0; c < 128; c++) {
        FontGlyph *g = &f->work->one[c];
        g->gid = f->latin[c];
        g->adv = f->adv[g->gid];
    }
    arena_on_free(a, work_free, f);
    if (!hb_buffer_allocation_successful(f->work->buf))
        rp_oom(4096);
    find_plain(a, f);
    char name[128];
    unsigned len = sizeof name;
    face = hb_font_get_face(f->hb);
    if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &len, name) > 0) {
        /* a PDF name: printable ASCII, no delimiters */
        char *o = name;
        for (char *c = name; *c; c++)
            if (*c > 32 && *c < 127 && !strchr("()<>[]{}/%#", *c))
                *o++ = *c;
        *o = 0;
    } else {
        name[0] = 0;
    }
    if (!name[0]) {
        const char *base = strrchr(f->path, '/');
        snprintf(name, sizeof name, "%s", base ? base + 1 : f->path);
        for (char *c = name; *c; c++)
            if (*c <= 32 || *c >= 127 || strchr("()<>[]{}/%#.", *c))
                *c = '-';
    }
    f->psname = arena_strdup(a, name);
    return NULL;
}

/* The whole file, checked before anything is read from it: the table
 * directory lies inside the file, every table too and its checksum is
 * right (a font cut short or damaged in copying fails here, not as blank
 * pages or a PDF/A that has lost its font), the tables a PDF embeds are
 * there, and `loca` indexes `glyf` within bounds. Returns NULL or why not. */
static const char *validate(const Font *f)
{
    const uint8_t *d = f->data;
    size_t n = u16(d + 4);
    if (n == 0 || n > 64 || 12 + n * 16 > f->len)
        return _("is cut short or damaged (its table directory)");
    for (size_t i = 0; i < n; i++) {
        const uint8_t *rec = d + 12 + i * 16;
        uint32_t sum = u32(rec + 4), off = u32(rec + 8), len = u32(rec + 12);
        if (off > f->len || len > f->len - off)
            return _("is cut short (a table runs past the end of the file)");
        uint32_t s = 0;
        const uint8_t *t = d + off;
        size_t whole = len & ~(size_t)3;
        for (size_t k = 0; k < whole; k += 4) {  /* (a loop the compiler vectorises) */
            uint32_t v;
            memcpy(&v, t + k, 4);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
            s += v;
#else
            s += __builtin_bswap32(v);
#endif
        }
        if (whole < len) {                       /* the last word, padded with zeros */
            uint8_t w[4] = { 0, 0, 0, 0 };
            memcpy(w, t + whole, len - whole);
            s += u32(w);
        }
        if (memcmp(rec, "head", 4) == 0 && len >= 12)
            s -= u32(t + 8);                     /* checkSumAdjustment is left out of head's sum */
        if (s != sum)
            return _("is damaged (a table's checksum is wrong)");
    }
    static const char *const need[] = { "head", "hhea", "maxp", "hmtx", "cmap", "loca", "glyf" };
    size_t off, len;
    for (size_t i = 0; i < sizeof need / sizeof *need; i++)
        if (!table(f, need[i], &off, &len))
            return _("lacks a table a PDF needs (TrueType outlines: glyf and loca)");
    size_t goff, glen, hoff, hlen;
    table(f, "glyf", &goff, &glen);
    table(f, "head", &hoff, &hlen);
    table(f, "loca", &off, &len);
    bool longs = hlen >= 54 && u16(d + hoff + 50) == 1;
    size_t entries = (size_t)f->nglyphs + 1;
    if (len < entries * (longs ? 4 : 2))
        return _("is damaged (loca is shorter than the glyph count)");
    uint32_t prev = 0;
    for (size_t g = 0; g < entries; g++) {
        uint32_t at = longs ? u32(d + off + g * 4) : (uint32_t)u16(d + off + g * 2) * 2;
        if (at < prev || at > glen)
            return _("is damaged (loca points outside glyf)");
        prev = at;
    }
    return NULL;
}

typedef struct Where { const char *who; int line, col; } Where;

void font_release(const Font *f)
{
    madvise((void *)f->data, f->len, MADV_DONTNEED);
}

static void unmap(void *p)
{
    Font *f = p;
    munmap((void *)f->data, f->len);
}

static Font *fail(Rp *rp, Where w, const char *path, const char *why)
{
    diag_add(&rp->diags, DIAG_ERROR, w.who, w.line, w.col,
             _("name a TrueType font (.ttf) that opens in a font viewer; rapport's own are in its fonts/ folder"),
             _("font %s: %s"), path, why);
    return NULL;
}

/* The character map: its Unicode BMP subtable (format 4, platform 3/1
 * or 0/3) read into f, and the glyphs of the code points below 0x250
 * looked up once. NULL, or what is wrong. */
static const char *read_cmap(Font *f, Arena *a)
{
    size_t off, len;
    if (!table(f, "cmap", &off, &len) || len < 4)
        return (_("has no cmap table"));
    const uint8_t *cm = f->data + off;
    int nsub = u16(cm + 2);
    size_t sub = 0;
    for (int i = 0; i < nsub; i++) {
        size_t r = 4 + (size_t)i * 8;
        if (r + 8 > len)
            break;
        int pid = u16(cm + r), eid = u16(cm + r + 2);
        size_t so = u32(cm + r + 4);
        if (so + 4 > len || u16(cm + so) != 4)
            continue;
        if ((pid == 3 && eid == 1) || (pid == 0 && !sub))
            sub = so;
    }
    if (!sub)
        return (_("has no Unicode character map"));
    const uint8_t *c4 = cm + sub;
    size_t c4len = u16(c4 + 2);
    if (sub + c4len > len || c4len < 14)
        return (_("has a damaged character map"));
    f->nseg = u16(c4 + 6) / 2;
    size_t need = 14 + (size_t)f->nseg * 8 + 2;
    if (need > c4len)
        return (_("has a damaged character map"));
    f->seg_end = ARENA_ARRAY(a, uint16_t, f->nseg);
    f->seg_start = ARENA_ARRAY(a, uint16_t, f->nseg);
    f->seg_range = ARENA_ARRAY(a, uint16_t, f->nseg);
    f->seg_delta = ARENA_ARRAY(a, int16_t, f->nseg);
    const uint8_t *ends = c4 + 14;
    const uint8_t *starts = ends + f->nseg * 2 + 2;
    const uint8_t *deltas = starts + f->nseg * 2;
    const uint8_t *ranges = deltas + f->nseg * 2;
    for (int i = 0; i < f->nseg; i++) {
        f->seg_end[i] = u16(ends + i * 2);
        f->seg_start[i] = u16(starts + i * 2);
        f->seg_delta[i] = (int16_t)u16(deltas + i * 2);
        f->seg_range[i] = u16(ranges + i * 2);
    }
    f->glyph_ids = ranges;
    f->glyph_ids_len = c4len - (size_t)(ranges - c4);
    f->ascii = true;
    for (uint32_t cp = 0; cp < 0x250; cp++) {
        int g = seg_lookup(f, cp);
        f->latin[cp] = (uint16_t)(g < f->nglyphs ? g : 0);
        if (cp >= 0x20 && cp < 0x7F && !f->latin[cp])
            f->ascii = false;
    }
    return NULL;
}

static Font *load(Rp *rp, Arena *a, const char *path, Where w);

Font *font_load(Rp *rp, const char *path, const char *who, int line, int col)
{
    Where w = { who, line, col };
    char key[4200];
    if (!rp->engine || !engine_file_key(path, key, sizeof key))
        return load(rp, &rp->arena, path, w);
    Font *f = engine_lookup(rp->engine, "font", key);
    if (!f && (f = load(rp, engine_arena(rp->engine), path, w)) != NULL)
        engine_store(rp->engine, "font", key, f);
    return f;
}

/* Load the font into arena a (the run's, or the engine's: then it serves
 * every run of the process). */
static Font *load(Rp *rp, Arena *a, const char *path, Where w)
{
    /* opened without blocking: a FIFO or a device is refused, never waited on */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    if (fd < 0)
        return fail(rp, w, path, strerror(errno));
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return fail(rp, w, path, _("is not a regular file (a folder, a pipe or a device)"));
    }
    if (st.st_size < 12 || st.st_size > 64L * 1024 * 1024) {
        close(fd);
        return fail(rp, w, path, _("is not a TrueType font"));
    }
    /* mapped, not read: a run touches a few hundred KB of a face (its
     * shaping tables, the outlines of the glyphs it uses), not all of it */
    void *map = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
    close(fd);
    if (map == MAP_FAILED)
        return fail(rp, w, path, strerror(errno));
    Font *f = ARENA_NEW(a, Font);
    f->path = arena_strdup(a, path);
    f->data = map;
    f->len = (size_t)st.st_size;
    arena_on_free(a, unmap, f);
    if (u32(f->data) != 0x00010000 && memcmp(f->data, "true", 4) != 0)
        return fail(rp, w, path, _("is not a TrueType font (.ttf with glyf outlines)"));

    size_t off, len;
    if (!table(f, "head", &off, &len) || len < 54)
        return fail(rp, w, path, _("has no usable head table"));
    f->upem = u16(f->data + off + 18);
    if (f->upem < 16 || f->upem > 16384)
        return fail(rp, w, path, _("has an impossible units-per-em"));
    if (!table(f, "hhea", &off, &len) || len < 36)
        return fail(rp, w, path, _("has no usable hhea table"));
    f->ascent = (int16_t)u16(f->data + off + 4);
    f->descent = -(int16_t)u16(f->data + off + 6);
    int nmetrics = u16(f->data + off + 34);
    size_t moff, mlen;
    if (!table(f, "maxp", &off, &len) || len < 6)
        return fail(rp, w, path, _("has no usable maxp table"));
    f->nglyphs = u16(f->data + off + 4);
    if (!table(f, "hmtx", &moff, &mlen) || nmetrics < 1 || nmetrics > f->nglyphs ||
        (size_t)nmetrics * 4 > mlen)
        return fail(rp, w, path, _("has no usable hmtx table"));
    const char *bad = validate(f);
    if (bad)
        return fail(rp, w, path, bad);
    /* validation read every page; let them go until they are needed */
    madvise((void *)f->data, f->len, MADV_DONTNEED);
    f->adv = ARENA_ARRAY(a, uint16_t, f->nglyphs + 1);
    for (int g = 0; g < f->nglyphs; g++)
        f->adv[g] = u16(f->data + moff + (size_t)(g < nmetrics ? g : nmetrics - 1) * 4);
    f->cap_height = f->ascent * 7 / 10;
    f->weight = 400;
    if (table(f, "OS/2", &off, &len) && len >= 6)
        f->weight = u16(f->data + off + 4);
    if (table(f, "OS/2", &off, &len) && len >= 90 && u16(f->data + off) >= 2)
        f->cap_height = (int16_t)u16(f->data + off + 88);
    table(f, "head", &off, &len);
    for (int k = 0; k < 4; k++)
        f->bbox[k] = (int16_t)u16(f->data + off + 36 + 2 * k);
    if (table(f, "post", &off, &len) && len >= 16) {
        f->italic_angle = (int32_t)u32(f->data + off + 4);
        f->fixed_pitch = u32(f->data + off + 12) != 0;
    }

    const char *bad_cmap = read_cmap(f, a);
    if (bad_cmap)
        return fail(rp, w, path, bad_cmap);
    const char *why = shaping(a, f);
    return why ? fail(rp, w, path, why) : f;
}
