/*
 * font.h - TrueType metrics for measuring text (measure stage).
 *
 * Reads the tables layout needs straight from the .ttf (head, hhea, hmtx,
 * cmap formats 4 and 12): advance widths and vertical metrics. The draw
 * stage embeds the same files through libharu, so what is measured here
 * is what is printed. Widths are in font units; font_text_width converts
 * to millipoints at a size, with integer arithmetic only.
 */
#ifndef RP_FONT_H
#define RP_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../base/rp.h"

typedef struct Font {
    const char *path;
    int         upem;          /* units per em */
    int         ascent;        /* hhea ascender, font units (positive) */
    int         descent;       /* hhea descender, font units (positive) */
    int         cap_height;
    int         nglyphs;
    uint16_t   *adv;           /* advance width per glyph */
    uint16_t    latin[0x250];  /* glyph id per code point below 0x250 */
    bool        ascii;         /* it has a glyph for every printable ASCII character */
    /* cmap format 4 segments, kept for code points above the table */
    int         nseg;
    uint16_t   *seg_end, *seg_start, *seg_range;
    int16_t    *seg_delta;
    const uint8_t *glyph_ids;  /* idRangeOffset area */
    size_t      glyph_ids_len;
    uint8_t    *data;          /* the file (owned by the run's arena) */
    size_t      len;
} Font;

/* Load `path`. Returns NULL with a diagnostic (against `who` at line:col,
 * the <font> that names it) if the file cannot be read or is not a
 * TrueType font rapport can use. */
Font *font_load(Rp *rp, const char *path, const char *who, int line, int col);

/* Glyph id of code point cp, 0 if the font has none. */
int font_glyph(const Font *f, uint32_t cp);

/* The character printed for cp: cp itself if the font has it, else a
 * stand-in that looks the same (a space for a no-break space, a hyphen
 * for a non-breaking hyphen ...), else cp (shown as the font's
 * missing-glyph box). Measuring and drawing both go through this. */
uint32_t font_printable(const Font *f, uint32_t cp);

/* Advance of cp in font units. */
int font_advance(const Font *f, uint32_t cp);

/* Width of UTF-8 text s[0..n) at `size` millipoints, in millipoints. */
int32_t font_text_width(const Font *f, const char *s, size_t n, int32_t size);

#endif
