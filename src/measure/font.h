/*
 * font.h - TrueType metrics for measuring text (measure stage).
 *
 * Reads the tables layout needs straight from the .ttf (head, hhea, hmtx,
 * cmap format 4): vertical metrics, advances, what a PDF's font
 * descriptor needs. Text is shaped by HarfBuzz (kerning from GPOS,
 * ligatures from GSUB, the font's own advances): font_text_width measures
 * a string as font_shape() shapes it, and the draw stage draws the glyphs
 * font_shape() gives, so what is measured is what is printed. Widths are
 * in font units; font_text_width converts to millipoints at a size, with
 * integer arithmetic only.
 */
#ifndef RP_FONT_H
#define RP_FONT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "../base/rp.h"
#include "plain.h"

struct hb_font_t;
typedef struct FontWork FontWork;
typedef struct FontAhead FontAhead;

/* One glyph of a shaped string, in font units: its id, how far it moves
 * the pen, how far it is drawn off the pen (a mark on its letter), and
 * the byte offset in the string of the characters it shows (glyphs of one
 * character, or a ligature of several, share it). */
typedef struct FontGlyph {
    uint16_t gid;
    bool     unsafe;       /* the text may not be cut before it (HarfBuzz's unsafe-to-break) */
    int32_t  adv, dx, dy;
    uint32_t cluster;
} FontGlyph;

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
    const uint8_t *data;       /* the file, mapped (unmapped with the run's arena) */
    size_t      len;
    /* for the PDF's font descriptor */
    const char *psname;        /* PostScript name, from `name` (or the file's name) */
    int         bbox[4];       /* head xMin yMin xMax yMax */
    int         italic_angle;  /* post, in 1/65536 degrees */
    int         weight;        /* OS/2 usWeightClass, 400 without */
    bool        fixed_pitch;
    /* shaping: HarfBuzz's font, and the run's scratch (a buffer to shape
     * in, the widths of the strings measured so far: a report measures the
     * same words again and again) */
    struct hb_font_t *hb;
    FontWork         *work;
    const uint8_t    *plain;   /* the glyphs layout only kerns (plain.h), or NULL */
    PlainOdd          odd;     /* ... and the pairs of them that begin a longer ligature */
    /* input, set by the caller before shaping: HarfBuzz guesses each
     * word's script (a fallback font's Greek, Armenian, symbols) instead
     * of being told Latin */
    bool              guess_script;
} Font;

/* Load `path`. Returns NULL with a diagnostic (against `who` at line:col,
 * the <font> that names it) if the file cannot be read or is not a
 * TrueType font rapport can use. */
Font *font_load(Rp *rp, const char *path, const char *who, int line, int col);

/* Let the pages of f's file that were read go (they are read again
 * when needed): after subsetting, which reads a face's outlines whole,
 * so the faces of a PDF do not stay in memory together. */
void font_release(const Font *f);

/* Glyph id of code point cp, 0 if the font has none. */
int font_glyph(const Font *f, uint32_t cp);

/* The character printed for cp: cp itself if the font has it, else a
 * stand-in that looks the same (a space for a no-break space, a hyphen
 * for a non-breaking hyphen ...), else cp (shown as the font's
 * missing-glyph box). Measuring and drawing both go through this. */
uint32_t font_printable(const Font *f, uint32_t cp);

/* Whether cp belongs to a script written right to left (Hebrew,
 * Arabic ...). */
bool font_rtl(uint32_t cp);

/* Advance of cp in font units. */
int font_advance(const Font *f, uint32_t cp);

/* Width of UTF-8 text s[0..n) at `size` millipoints, in millipoints, as
 * font_shape() shapes it. */
int32_t font_text_width(const Font *f, const char *s, size_t n, int32_t size);

/* The same in font units. */
int64_t font_text_units(const Font *f, const char *s, size_t n);

/* The word s[0..n) (no spaces) will be measured in pieces, cut at the
 * byte offsets cuts[0..ncuts) (increasing, inside the word): shape it
 * whole once, and where HarfBuzz says a cut is safe (nothing kerns or
 * joins across it) keep its pieces' glyphs, which are exactly what
 * shaping each piece alone would give, so they need no shaping of their
 * own. Returns the cuts that are not safe, bit c for cuts[c] (c < 64):
 * there the pieces shaped alone are not as wide as the word (a kerning
 * pair, "Upp|fyllt", or a ligature, "mot|tag"). */
uint64_t font_cut_word(const Font *f, const char *s, size_t n, const int *cuts, int ncuts);

/* For tests: whether the word s[0..n), put together from its pairs
 * (plain.h), is exactly what HarfBuzz makes of it (1) or not (0); -1 for
 * a word HarfBuzz shapes itself. */
int font_check_plain(const Font *f, const char *s, size_t n);

/* Shape UTF-8 text s[0..n): the glyphs, left to right, in *out (valid
 * until the next call with this font); returns their number. Characters
 * the font lacks are shaped as their stand-ins (font_printable), so a
 * no-break space is the font's space, with its cluster still on the
 * no-break space. */
int font_shape(const Font *f, const char *s, size_t n, const FontGlyph **out);

/* Shaping ahead: words the caller expects to measure, shaped by a worker
 * thread meanwhile (ahead.h says why). font_ahead_add() the words, in the
 * order they will be needed, then font_ahead_start(); measuring takes a
 * word's glyphs from the worker when it has them, else shapes the word
 * itself: the glyphs are the same either way. font_ahead_stop() ends the
 * worker (before anything releases the fonts) and frees the list and its
 * glyphs (measuring copied what it took; drawing shapes anew); `arena`
 * stops it too, if nothing did. font.c lists the invariants. */
FontAhead *font_ahead_new(Arena *arena);
/* false: s[0..n) was listed before in f (a word of three characters or
 * more, or a pair), and nothing was done */
bool font_ahead_add(FontAhead *a, const Font *f, const char *s, size_t n);
void font_ahead_start(FontAhead *a);
/* Work the worker is to do after the words, before font_ahead_start()
 * (which then starts it however few the words are); `then` returns
 * when it is done or told to stop, by a flag of its own that its owner
 * sets before font_ahead_stop(). */
void font_ahead_then(FontAhead *a, void (*then)(void *ctx), void *ctx);
void font_ahead_stop(FontAhead *a);

#endif
