/*
 * embed.h - a TrueType face in the PDF: the glyphs used, subset by
 * HarfBuzz, as a Type0 font with a CIDFontType2 descendant (draw stage).
 *
 * Text is written as 2-byte codes of our own: each code stands for one
 * glyph read as one text, so one glyph may have several codes. The hyphen
 * hyphenation added is the hyphen glyph read as U+00AD (a soft hyphen:
 * copy-paste and screen readers get the whole word), a no-break space is
 * the space glyph read as U+00A0, a ligature is one glyph read as its
 * letters. A CIDToGIDMap stream takes each code to its glyph in the
 * subset, the W array gives each code its glyph's advance, and the
 * ToUnicode map gives each code its text, beyond the BMP too.
 *
 * The font dictionary exists from embed_new() on, so pages can name it;
 * its contents are written by embed_finish() once every page is drawn.
 */
#ifndef RP_EMBED_H
#define RP_EMBED_H

#include <hpdf.h>
#include <stdint.h>
#include "../measure/font.h"

typedef struct Embed Embed;

/* A face of `f` in `pdf`, its dictionary made (empty) and numbered. */
Embed *embed_new(Rp *rp, HPDF_Doc pdf, const Font *f);

/* The font's dictionary, for page resources. */
HPDF_Dict embed_dict(const Embed *e);

/* The code that draws glyph `gid` and reads as the UTF-8 text t[0..n)
 * (n = 0: reads as nothing, the second glyph of one character). Returns
 * the code (1..65535), or 0 if the font has run out of codes. */
unsigned embed_code(Embed *e, uint16_t gid, const char *t, size_t n);

/* Advance of code c, in thousandths of the font size (its W entry). */
double embed_width(const Embed *e, unsigned c);

/* Subset the font to the glyphs used and write its objects. Returns 0,
 * or -1 with an error in rp->diags. */
int embed_finish(Embed *e);

#endif
