/*
 * plain.c - the glyphs of a font that OpenType layout only kerns
 * (measure stage). See plain.h.
 *
 * HarfBuzz says which lookups the default features use
 * (hb_ot_layout_collect_lookups); the lookups themselves (their types,
 * flags, value formats, coverages, ligatures and context rules) are read
 * here from GSUB and GPOS, every read inside the table: a table that
 * cannot be read makes the font HarfBuzz's alone.
 */
#include "plain.h"

#include <hb.h>
#include <hb-aat.h>
#include <hb-ot.h>

#include <stdlib.h>
#include <string.h>

/* The features HarfBuzz turns on by itself for a horizontal left-to-right
 * run of a script of the default shaper (hb-ot-shape.cc), but for frac,
 * numr and dnom: HarfBuzz applies those only around U+2044, which is not
 * a plain character. A feature more here only makes fewer glyphs plain. */
static const hb_tag_t default_features[] = {
    HB_TAG('r', 'v', 'r', 'n'), HB_TAG('l', 't', 'r', 'a'), HB_TAG('l', 't', 'r', 'm'),
    HB_TAG('r', 'a', 'n', 'd'), HB_TAG('t', 'r', 'a', 'k'), HB_TAG('H', 'A', 'R', 'F'),
    HB_TAG('B', 'U', 'Z', 'Z'), HB_TAG('H', 'a', 'r', 'f'), HB_TAG('B', 'u', 'z', 'z'),
    HB_TAG('a', 'b', 'v', 'm'), HB_TAG('b', 'l', 'w', 'm'), HB_TAG('c', 'c', 'm', 'p'),
    HB_TAG('l', 'o', 'c', 'l'), HB_TAG('m', 'a', 'r', 'k'), HB_TAG('m', 'k', 'm', 'k'),
    HB_TAG('r', 'l', 'i', 'g'), HB_TAG('c', 'a', 'l', 't'), HB_TAG('c', 'l', 'i', 'g'),
    HB_TAG('c', 'u', 'r', 's'), HB_TAG('d', 'i', 's', 't'), HB_TAG('k', 'e', 'r', 'n'),
    HB_TAG('l', 'i', 'g', 'a'), HB_TAG('r', 'c', 'l', 't'), HB_TAG('v', 'e', 'r', 't'),
    HB_TAG_NONE
};

bool plain_char(uint32_t cp)
{
    if (cp >= 0x21 && cp <= 0x7E)
        return true;
    if (cp >= 0xA1 && cp <= 0x24F)
        return cp != 0xAD;                  /* the soft hyphen is invisible */
    /* dashes, quotes, bullet, ellipsis, per mille, euro, minus */
    return (cp >= 0x2010 && cp <= 0x2015) || (cp >= 0x2018 && cp <= 0x201E) || cp == 0x2022 ||
           cp == 0x2026 || cp == 0x2030 || cp == 0x20AC || cp == 0x2212;
}

typedef struct Table { const uint8_t *p; size_t n; } Table;

static bool at(Table t, size_t off, size_t need) { return off <= t.n && need <= t.n - off; }
static unsigned r16(Table t, size_t off) { return (unsigned)(t.p[off] << 8 | t.p[off + 1]); }
static size_t r32(Table t, size_t off) { return (size_t)t.p[off] << 24 | (size_t)t.p[off + 1] << 16 | r16(t, off + 2); }

/* What the walk over a table's lookups works with: the glyphs plain
 * characters have (cand), and those found to be taken by a lookup
 * (taken): at the end, plain = cand less taken. */
typedef struct Walk {
    Table          t;
    const uint8_t *cand;
    uint8_t       *taken;
    int            nglyphs;
    long           budget;      /* glyphs of coverages still to be read (a hostile table's ranges
                                 * over every glyph, read again by each subtable, took seconds) */
    uint32_t      *odd;         /* pairs that begin a ligature of three or more glyphs */
    size_t         nodd, capodd;
} Walk;

static int by_value(const void *a, const void *b)
{
    uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
    return (x > y) - (x < y);
}

static bool has(const uint8_t *set, unsigned g) { return set[g >> 3] & (1u << (g & 7)); }

static void take(Walk *w, long g)
{
    if (g >= 0 && g < w->nglyphs)
        w->taken[g >> 3] |= (uint8_t)(1u << (g & 7));
}

/* The coverage table at off: its candidates taken if `mark`; returns
 * whether a candidate is in it, or -1 if it cannot be read: cut short,
 * out of order (HarfBuzz searches it: glyphs ascending, ranges too, each
 * range's first index the count before it), or past the walk's budget. */
static int coverage(Walk *w, size_t off, bool mark)
{
    Table t = w->t;
    if (!at(t, off, 4))
        return -1;
    unsigned fmt = r16(t, off), n = r16(t, off + 2);
    int any = 0;
    if (fmt == 1 && at(t, off + 4, (size_t)n * 2)) {
        w->budget -= n;
        for (unsigned i = 0; i < n; i++) {
            unsigned g = r16(t, off + 4 + i * 2);
            if (i > 0 && g <= r16(t, off + 2 + i * 2))
                return -1;
            if (g < (unsigned)w->nglyphs && has(w->cand, g)) {
                any = 1;
                if (mark)
                    take(w, g);
            }
        }
        return w->budget < 0 ? -1 : any;
    }
    if (fmt != 2 || !at(t, off + 4, (size_t)n * 6))
        return -1;
    unsigned count = 0;
    for (unsigned i = 0; i < n; i++) {
        unsigned lo = r16(t, off + 4 + i * 6), hi = r16(t, off + 6 + i * 6);
        if (hi < lo || r16(t, off + 8 + i * 6) != count || (i > 0 && lo <= r16(t, off + 6 + (i - 1) * 6)))
            return -1;
        count += hi - lo + 1;
        w->budget -= hi - lo + 1;
        if (w->budget < 0)
            return -1;
        for (unsigned g = lo; g <= hi && g < (unsigned)w->nglyphs; g++)
            if (has(w->cand, g)) {
                any = 1;
                if (mark)
                    take(w, g);
            }
    }
    return any;
}

/* The glyph at index i of the coverage table at off, read and found in
 * order by coverage(); -1 if there is none. */
static long covered(Table t, size_t off, unsigned i)
{
    unsigned fmt = r16(t, off), n = r16(t, off + 2);
    if (fmt == 1)
        return i < n ? (long)r16(t, off + 4 + i * 2) : -1;
    unsigned lo = 0, hi = n;                /* the last range starting at or before i */
    while (hi - lo > 1) {
        unsigned mid = (lo + hi) / 2;
        if (r16(t, off + 8 + mid * 6) <= i)
            lo = mid;
        else
            hi = mid;
    }
    unsigned first = n ? r16(t, off + 8 + lo * 6) : 0, g0 = n ? r16(t, off + 4 + lo * 6) : 0;
    return n && i >= first && i - first <= r16(t, off + 6 + lo * 6) - g0 ? (long)(g0 + (i - first)) : -1;
}

/* A ligature substitution (format 1) of a lookup with flags `flag`,
 * where every glyph of a ligature is a candidate (else it never forms
 * from plain glyphs): one of two glyphs is left to the pair, which
 * shaped alone is then one glyph (odd, font.c); the first two glyphs of
 * a longer one make a pair that is odd (what HarfBuzz makes of the pair
 * alone tells nothing of the three); a ligature of one glyph, or one
 * whose glyphs need not stand side by side (the lookup skips base
 * glyphs or ligatures between them), takes its first glyph. */
static bool ligatures(Walk *w, size_t sub, unsigned flag)
{
    Table t = w->t;
    if (!at(t, sub, 6) || r16(t, sub) != 1)
        return false;
    size_t cov = sub + r16(t, sub + 2);
    unsigned nset = r16(t, sub + 4);
    if (!at(t, sub + 6, (size_t)nset * 2) || coverage(w, cov, false) < 0)
        return false;
    bool apart = flag & 0x6;                /* IgnoreBaseGlyphs, IgnoreLigatures */
    for (unsigned i = 0; i < nset; i++) {
        long first = covered(t, cov, i);
        size_t set = sub + r16(t, sub + 6 + i * 2);
        if (first < 0 || !at(t, set, 2) || !at(t, set + 2, (size_t)r16(t, set) * 2))
            return false;
        if (first >= w->nglyphs || !has(w->cand, (unsigned)first))
            continue;
        for (unsigned k = 0, nlig = r16(t, set); k < nlig; k++) {
            size_t lig = set + r16(t, set + 2 + k * 2);
            if (!at(t, lig, 4))
                return false;
            unsigned ncomp = r16(t, lig + 2);
            if (ncomp == 0 || !at(t, lig + 4, (size_t)(ncomp - 1) * 2))
                return false;
            bool all = true;
            for (unsigned c = 1; c < ncomp && all; c++) {
                unsigned g = r16(t, lig + 4 + (c - 1) * 2);
                all = g < (unsigned)w->nglyphs && has(w->cand, g);
            }
            if (!all || (ncomp == 2 && !apart))
                continue;
            if (ncomp == 1 || apart) {
                take(w, first);
                continue;
            }
            if (w->nodd == w->capodd) {
                w->capodd = w->capodd ? w->capodd * 2 : 64;
                w->odd = xrealloc(w->odd, w->capodd * sizeof *w->odd);
            }
            w->odd[w->nodd++] = (uint32_t)first << 16 | r16(t, lig + 4);
        }
    }
    return true;
}

/* A list of n coverage offsets (from base) at off: whether each has a
 * candidate, so that the rule could match a word of plain glyphs
 * (-1: cannot be read). */
static int all_cover(Walk *w, size_t base, size_t off, unsigned n)
{
    if (!at(w->t, off, (size_t)n * 2))
        return -1;
    for (unsigned i = 0; i < n; i++) {
        int c = coverage(w, base + r16(w->t, off + i * 2), false);
        if (c <= 0)
            return c;
    }
    return 1;
}

/* A context lookup's subtable (GSUB 5 and 6, GPOS 7 and 8) of format 3,
 * where every glyph of the rule has a coverage: it takes the glyphs of
 * its first input coverage if every coverage has a candidate; else it
 * never matches a word of plain glyphs. Formats 1 and 2 are taken as
 * matching whenever their coverage does. */
static bool context(Walk *w, size_t sub, bool chained)
{
    Table t = w->t;
    if (!at(t, sub, 6))
        return false;
    if (r16(t, sub) != 3)
        return coverage(w, sub + r16(t, sub + 2), true) >= 0;
    size_t off = sub + 2, first;
    int ok = 1;
    if (chained) {
        unsigned nb = r16(t, off);
        int b = all_cover(w, sub, off + 2, nb);
        off += 2 + (size_t)nb * 2;
        if (!at(t, off, 2))
            return false;
        unsigned ni = r16(t, off);
        int i = all_cover(w, sub, off + 2, ni);
        first = off + 2;
        off += 2 + (size_t)ni * 2;
        if (!at(t, off, 2) || ni == 0)
            return false;
        int l = all_cover(w, sub, off + 2, r16(t, off));
        if (b < 0 || i < 0 || l < 0)
            return false;
        ok = b && i && l;
    } else {
        unsigned ni = r16(t, off);
        ok = all_cover(w, sub, off + 4, ni);
        first = off + 4;
        if (ok < 0 || ni == 0)
            return false;
    }
    return !ok || coverage(w, sub + r16(t, first), true) >= 0;
}

/* One lookup (at off in the table) of GSUB or GPOS: the glyphs it may
 * change in a word of plain glyphs are taken. Pair positioning that
 * moves the first glyph only leaves its glyphs plain (font.c puts words
 * together from their pairs); a mark attachment takes its marks. False:
 * a lookup that cannot be read. */
static bool lookup(Walk *w, size_t off, bool pos)
{
    Table t = w->t;
    if (!at(t, off, 6))
        return false;
    unsigned type = r16(t, off), flag = r16(t, off + 2), nsub = r16(t, off + 4);
    if (!at(t, off + 6, (size_t)nsub * 2))
        return false;
    for (unsigned k = 0; k < nsub; k++) {
        size_t sub = off + r16(t, off + 6 + k * 2);
        unsigned ty = type;
        if (type == (pos ? 9u : 7u)) {      /* extension: the real type and offset */
            if (!at(t, sub, 8))
                return false;
            ty = r16(t, sub + 2);
            sub += r32(t, sub + 4);
        }
        if (!at(t, sub, 8))
            return false;
        bool ok;
        if (pos && ty == 2 && r16(t, sub + 6) == 0 && (flag & ~0x9u) == 0)
            ok = true;                      /* kerning of the first glyph */
        else if (!pos && ty == 4)
            ok = ligatures(w, sub, flag);
        else if (ty == (pos ? 7u : 5u) || ty == (pos ? 8u : 6u))
            ok = context(w, sub, ty == (pos ? 8u : 6u));
        else
            ok = coverage(w, sub + r16(t, sub + 2), true) >= 0;
        if (!ok)
            return false;
    }
    return true;
}

/* The lookups of the features that a script's language system requires,
 * which HarfBuzz applies whatever their tag, into `lookups`
 * (hb_ot_layout_collect_lookups leaves them out when it is given the
 * features to look for). */
static void required_lookups(hb_face_t *face, hb_tag_t tag, hb_set_t *lookups)
{
    unsigned nscripts = hb_ot_layout_table_get_script_tags(face, tag, 0, NULL, NULL);
    for (unsigned sc = 0; sc < nscripts; sc++) {
        unsigned nlang = hb_ot_layout_script_get_language_tags(face, tag, sc, 0, NULL, NULL);
        for (unsigned l = 0; l <= nlang; l++) {
            unsigned li = l < nlang ? l : HB_OT_LAYOUT_DEFAULT_LANGUAGE_INDEX, fi;
            if (!hb_ot_layout_language_get_required_feature(face, tag, sc, li, &fi, NULL))
                continue;
            unsigned got, at = 0, v[64];
            do {
                got = 64;
                hb_ot_layout_feature_get_lookups(face, tag, fi, at, &got, v);
                for (unsigned k = 0; k < got; k++)
                    hb_set_add(lookups, v[k]);
                at += got;
            } while (got == 64);
        }
    }
}

/* The lookups of the table `tag` that the features HarfBuzz applies
 * use: the default ones and those required. */
static bool walk(hb_face_t *face, hb_tag_t tag, Walk *w)
{
    hb_set_t *lookups = hb_set_create();
    hb_ot_layout_collect_lookups(face, tag, NULL, NULL, default_features, lookups);
    required_lookups(face, tag, lookups);
    hb_blob_t *blob = hb_face_reference_table(face, tag);
    unsigned len;
    const char *data = hb_blob_get_data(blob, &len);
    w->t = (Table){ (const uint8_t *)data, len };
    size_t list = at(w->t, 0, 10) ? r16(w->t, 8) : w->t.n;
    unsigned nlook = at(w->t, list, 2) ? r16(w->t, list) : 0;
    /* feature variations (table version 1.1) may swap a feature's
     * lookups for others, even in a font that is not variable */
    bool ok = hb_set_allocation_successful(lookups) &&
              !(at(w->t, 0, 14) && r16(w->t, 2) >= 1 && r32(w->t, 10) != 0);
    for (hb_codepoint_t i = HB_SET_VALUE_INVALID; ok && hb_set_next(lookups, &i);)
        ok = i < nlook && at(w->t, list + 2 + i * 2, 2) &&
             lookup(w, list + r16(w->t, list + 2 + i * 2), tag == HB_OT_TAG_GPOS);
    hb_blob_destroy(blob);
    hb_set_destroy(lookups);
    return ok;
}

/* Whether HarfBuzz would kern with the legacy kern table: the font has
 * one and no GPOS kern feature. */
static bool legacy_kern(hb_face_t *face)
{
    hb_blob_t *kern = hb_face_reference_table(face, HB_TAG('k', 'e', 'r', 'n'));
    bool has = hb_blob_get_length(kern) > 0;
    hb_blob_destroy(kern);
    if (!has)
        return false;
    hb_tag_t tags[64];
    unsigned n = 64;
    hb_ot_layout_table_get_feature_tags(face, HB_OT_TAG_GPOS, 0, &n, tags);
    for (unsigned i = 0; i < n; i++)
        if (tags[i] == HB_TAG('k', 'e', 'r', 'n'))
            return false;
    return true;
}

bool plain_glyphs(Arena *a, hb_face_t *face, uint8_t *plain, int nglyphs, PlainOdd *odd)
{
    *odd = (PlainOdd){ 0 };
    if (nglyphs <= 0 || hb_aat_layout_has_substitution(face) || hb_aat_layout_has_positioning(face) ||
        hb_aat_layout_has_tracking(face) || hb_ot_var_has_data(face) || legacy_kern(face))
        return false;
    size_t bytes = ((size_t)nglyphs + 7) / 8;
    Walk w = { .cand = plain, .taken = arena_alloc(a, bytes), .nglyphs = nglyphs, .budget = 16L << 20 };
    memset(w.taken, 0, bytes);
    hb_set_t *marks = hb_set_create();
    hb_ot_layout_get_glyphs_in_class(face, HB_OT_LAYOUT_GLYPH_CLASS_MARK, marks);
    for (hb_codepoint_t g = HB_SET_VALUE_INVALID; hb_set_next(marks, &g);)
        if (g < (hb_codepoint_t)nglyphs)
            w.taken[g >> 3] |= (uint8_t)(1u << (g & 7));
    bool ok = hb_set_allocation_successful(marks) && walk(face, HB_OT_TAG_GSUB, &w) && walk(face, HB_OT_TAG_GPOS, &w);
    hb_set_destroy(marks);
    for (size_t i = 0; i < bytes; i++)
        plain[i] &= (uint8_t)~w.taken[i];
    if (ok && w.nodd) {
        qsort(w.odd, w.nodd, sizeof *w.odd, by_value);
        odd->pair = arena_alloc(a, w.nodd * sizeof *w.odd);
        memcpy(odd->pair, w.odd, w.nodd * sizeof *w.odd);
        odd->n = w.nodd;
    }
    free(w.odd);
    return ok;
}

bool plain_odd(const PlainOdd *odd, uint32_t pair)
{
    return odd->n && bsearch(&pair, odd->pair, odd->n, sizeof pair, by_value);
}
