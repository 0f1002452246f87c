/*
 * embed.h - a TrueType face in the PDF: the glyphs used, subset by
 * HarfBuzz, as a Type0 font with a CIDFontType2 descendant (draw stage).
 *
 * Text is written as codes of our own: each code stands for one glyph
 * read as one text, so one glyph may have several codes. The first 192
 * codes given out (all a report in one script draws, as a rule) take one
 * byte in the content streams, the others two. A one-byte code is the
 * printable Latin-1 byte (0x20-0x7E, 0xA0-0xFF) of the character its
 * glyph reads as, where it is one and its byte is free, so the content
 * streams carry the text's own letters (shared by the faces, they
 * deflate better); a ligature or a glyph whose byte is taken gets a free
 * one (0x7F, DEL, is always a spare). The two-byte codes lead with the
 * other bytes: 0x0100-0x1FFF, then 0x8000-0x9FFF (not 0x00xx: those CIDs
 * are the one-byte codes'), 16 320 codes in all. An embedded CMap says
 * so, and takes each code to the CID of its own value (MuPDF reads a CID
 * as a code of the codespace, and text of CIDs outside it is lost). The
 * hyphen hyphenation added is the hyphen glyph read as U+00AD (a soft
 * hyphen: copy-paste and screen readers get the whole word), a no-break
 * space is the space glyph read as U+00A0, a ligature is one glyph read
 * as its letters. A CIDToGIDMap stream takes each code to its glyph in
 * the subset, the W array gives each code its glyph's advance, and the
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
 * (n = 0: reads as nothing, the second glyph of one character), with
 * `room` font units after it (0: the glyph's own advance; some: a glyph
 * of its own in the subset, see embed_can_widen). Returns the code
 * (1..EMBED_MAX_CODE), or 0 if the font has run out of codes. */
unsigned embed_code(Embed *e, uint16_t gid, const char *t, size_t n, uint16_t room);

/* Whether codes of e may be widened (embed_code's room): its font has
 * TrueType outlines, to which the subset can add a glyph. */
bool embed_can_widen(const Embed *e);

/* Codes 1 ... EMBED_ONE_BYTE take one byte each, the rest two. */
enum { EMBED_ONE_BYTE = 192, EMBED_MAX_CODE = EMBED_ONE_BYTE + 0x3F00 };

/* The one-byte codes' bytes, by code: for embed_value(), fetched once
 * for a run of text. */
const uint8_t *embed_bytes(const Embed *e);

/* The value of code c (one = embed_bytes()): its byte, or its two bytes
 * as a number from 0x0100; the CID it is, too. */
static inline unsigned embed_value(const uint8_t *one, unsigned c)
{
    if (c <= EMBED_ONE_BYTE)
        return one[c];
    unsigned k = c - EMBED_ONE_BYTE - 1;
    return k < 0x1F00 ? 0x0100 + k : 0x8000 + (k - 0x1F00);
}

/* The bytes of code c in a content stream. Returns how many. */
static inline int embed_code_bytes(const uint8_t *one, unsigned c, unsigned char out[2])
{
    unsigned v = embed_value(one, c);
    if (v < 0x100) {
        out[0] = (unsigned char)v;
        return 1;
    }
    out[0] = (unsigned char)(v >> 8);
    out[1] = (unsigned char)v;
    return 2;
}

/* Advance of code c, in thousandths of the font size (its W entry). */
double embed_width(const Embed *e, unsigned c);

/* Subset the font to the glyphs used and write its objects. The CMap of
 * the codes is the same for every face: *encoding_cmap is made by the
 * first call (NULL before it) and shared by the others. Returns 0, or -1
 * with an error in rp->diags. */
int embed_finish(Embed *e, HPDF_Dict *encoding_cmap);

/* Subset the faces of emb[0..n) now, up to `threads` at once (the
 * caller's thread included), once every page is drawn: embed_finish then
 * only writes their objects. hb-subset is a face's own work, so faces
 * are subset side by side; the bytes are the same either way. */
void embed_subset_all(Embed **emb, int n, int threads);

#endif
