/*
 * plain.h - the glyphs of a font that OpenType layout only kerns
 * (measure stage).
 *
 * HarfBuzz costs some 3 000 instructions a glyph with Carlito, whatever
 * the glyph: every lookup of every feature is tried on it. Most words of
 * a Swedish report are letters no substitution touches ("verksamheten",
 * "2024", "Linköpings") and that only pair kerning moves. For such a
 * word the shaped result is the glyphs of the character map, each with
 * its advance plus the kerning of the pair it begins, and the pairs are
 * few (a report has about a thousand): font.c shapes each pair once with
 * HarfBuzz and puts words together from them.
 *
 * That is HarfBuzz's result exactly when
 *  - no substitution of a feature HarfBuzz applies (by default, for a
 *    horizontal, left-to-right run, or as a language system requires)
 *    can act on the word: none has one of its glyphs where it starts
 *    (its coverage), but for a ligature of two glyphs, which shows in
 *    the pair (shaped alone, the two are one glyph: font.c sends the
 *    word to HarfBuzz), a longer ligature, whose first pair is listed as
 *    odd, and a ligature or context rule that needs a glyph no plain
 *    character has;
 *  - every positioning lookup of those features that could reach the
 *    glyphs is pair positioning of the first glyph only (valueFormat2
 *    0: a second value makes HarfBuzz skip the next pair), with no
 *    lookup flag but right-to-left and ignore-marks, and no glyph is a
 *    mark: each glyph is moved by the pair it begins, and only by it;
 *  - the font has no AAT tables, is not variable, and has no legacy kern
 *    table that HarfBuzz would apply instead of GPOS.
 * plain_glyphs() finds the glyphs for which the first two hold, and
 * refuses a font for which the third does not. A word of one glyph has
 * no pair to show what HarfBuzz does to it: font.c shapes each such
 * glyph alone once. font_check_plain compares the two ways on any word
 * (tests/unit/shaping.c runs it on every word of the samples, in the
 * fonts of fonts/ and tests/fonts/, or of any font it is given).
 */
#ifndef RP_PLAIN_H
#define RP_PLAIN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../base/arena.h"

struct hb_face_t;

/* Pairs of glyphs (first << 16 | second, ascending) that begin a
 * ligature of three glyphs or more: a word with one is HarfBuzz's. */
typedef struct PlainOdd { uint32_t *pair; size_t n; } PlainOdd;

/* plain[] (a bit per glyph of the face's nglyphs) holds the glyphs of
 * plain characters (plain_char); those a lookup of the features
 * HarfBuzz applies may change in a word of them are cleared, and the
 * pairs that begin a longer ligature of them listed in *odd (in arena
 * a). False for a font whose words must all go through HarfBuzz, or
 * whose tables cannot be read. */
bool plain_glyphs(Arena *a, struct hb_face_t *face, uint8_t *plain, int nglyphs, PlainOdd *odd);

/* Whether `pair` (first << 16 | second) is one of *odd. */
bool plain_odd(const PlainOdd *odd, uint32_t pair);

static inline bool plain_glyph(const uint8_t *plain, int g) { return plain[g >> 3] & (1u << (g & 7)); }

/* Whether the code point is one whose glyph HarfBuzz takes from the
 * character map as it stands, with nothing done to it first (no mark,
 * space, control, invisible character, fraction slash, or one of a
 * script that is not Latin). */
bool plain_char(uint32_t cp);

#endif
