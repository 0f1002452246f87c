/*
 * haru.h - what rapport needs of libharu that its public API does not
 * give (draw stage). Every access to libharu's private structures that
 * is not a whole writer of its own (write.c) is here, each with why.
 */
#ifndef RP_HARU_H
#define RP_HARU_H

#include <hpdf.h>
#include <stddef.h>

/* The page's content stream. libharu writes operators only through its
 * own calls (HPDF_Page_TextOut and the like, with its own font objects);
 * rapport writes text with fonts of its own (embed.c) and marked content
 * (tags.c), which libharu has no calls for. */
HPDF_Stream haru_page_stream(HPDF_Page page);

/* The page's content stream's own dictionary (its object, for the
 * writer to deflate it once the page is drawn). */
HPDF_Dict haru_page_contents(HPDF_Page page);

/* Append n bytes of operators to the page's content. */
void haru_page_write(HPDF_Page page, const void *data, size_t n);

/* Name `font` (a dictionary rapport made) `name` in the page's font
 * resources: libharu adds only fonts it made itself. Returns 0 or -1. */
int haru_page_font(HPDF_Doc pdf, HPDF_Page page, const char *name, HPDF_Dict font);



/* The text string of UTF-8 s: in PDFDocEncoding where it will do (a
 * literal, a byte a character), else UTF-16BE after its byte order
 * mark (a hex string). libharu makes UTF-16 only through its UTF-8
 * encoder, which costs 260 KB of tables and 0.3 ms to set up, and only
 * from strings without a NUL byte, which UTF-16 has: so a binary object
 * here, which libharu writes as a hex string. NULL: out of memory. */
void *haru_text(HPDF_Doc pdf, const char *s);

/* Set the document information's entry `key` ("Title") to the text
 * string of s: HPDF_SetInfoAttr takes only strings of the current
 * encoder's, and the dictionary is private. Returns 0 or -1. */
int haru_info(HPDF_Doc pdf, const char *key, const char *s);

/* A stream whose bytes the caller has deflated itself: libharu writes a
 * /Filter only for the compression it does (at its own level), and drops
 * any the caller adds; this one says /FlateDecode from a write hook. */
void haru_deflated(HPDF_Dict stream);
#endif
