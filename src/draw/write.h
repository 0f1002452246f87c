/*
 * write.h - the PDF file itself: libharu's objects written as a compact
 * PDF 1.7 file (draw stage).
 *
 * libharu 2.3 writes every object on its own with a classic cross-
 * reference table: a tagged report of 200 pages is 17 000 small
 * dictionaries, most of the file. pdfw_save() writes the same objects,
 * in libharu's order (its write hooks subset the fonts and fill in
 * stream lengths as they go), but puts every object that is not a
 * stream into compressed object streams, and ends with a cross-
 * reference stream (ISO 32000-1, 7.5.7 and 7.5.8; PDF/A-2 admits both).
 *
 * A caller with objects of its own that are not libharu objects (the
 * structure tree, tags.c) passes `extra`: it writes them into the
 * object streams after libharu's, numbered from pdfw_next(). One
 * libharu object may be reserved as a placeholder the caller writes
 * itself (so libharu dictionaries can refer to it).
 */
#ifndef RP_WRITE_H
#define RP_WRITE_H

#include <hpdf.h>
#include <stddef.h>

/* A growable byte buffer (malloc'd). */
typedef struct Buf {
    unsigned char *p;
    size_t         n, cap;
} Buf;

void buf_put(Buf *b, const void *data, size_t n);
/* Room for n more bytes, to write into b->p + b->n directly. */
void buf_reserve(Buf *b, size_t n);
void buf_puts(Buf *b, const char *s);
void buf_int(Buf *b, long v);
/* v in decimal at `at` (room for 24 bytes); past its last digit. */
unsigned char *put_int(unsigned char *at, long v);
/* "N 0 R" */
void buf_ref(Buf *b, long num);
/* A PDF text string: a literal in PDFDocEncoding when the text fits it,
 * else UTF-16BE hex; without the author's soft hyphens (U+00AD, from
 * Word), which an /Alt read aloud or a title shown has no use for. */
void buf_text(Buf *b, const char *utf8);

/* `utf8` in PDFDocEncoding (printable ASCII and Latin-1 letters, which
 * it codes as themselves; soft hyphens left out) into out
 * (NUL-terminated): the length, or -1
 * if a character has no code there or out is too small. */
int pdfdoc_encode(const char *utf8, char *out, size_t cap);

typedef struct PdfW PdfW;

typedef struct PdfExtra {
    int    reserved;                    /* a libharu object number the callback writes, or 0 */
    void (*write)(void *user, PdfW *w);  /* writes the extra objects */
    void  *user;
} PdfExtra;

/* The number the next new object gets (the first call gives the first
 * number after libharu's objects). */
long pdfw_next(PdfW *w);
/* Start object `num` (a number from pdfw_next(), or the reserved one):
 * returns the buffer its value is written to, up to the next call. */
Buf *pdfw_object(PdfW *w, long num);

/* Deflating `pdf`'s streams on up to `threads` threads, the caller's
 * included, while it goes on: a batch opened before the pages are drawn
 * (for about `expected` streams), given each page's content stream as
 * soon as the page is done (pdfw_ready: nothing may draw on it after),
 * and every other stream of ours `pdf` has once all are drawn
 * (pdfw_begin; the fonts' come later and are deflated as they are
 * written). */
typedef struct PdfBatch PdfBatch;
PdfBatch *pdfw_open(HPDF_Doc pdf, int threads, int expected);
void pdfw_ready(PdfBatch *b, HPDF_Doc pdf, HPDF_Dict stream);
void pdfw_begin(PdfBatch *b, HPDF_Doc pdf);
/* Done with a batch pdfw_save() was not given (NULL is fine). */
void pdfw_end(PdfBatch *b);

/* Write `pdf` as a PDF file into *out (malloc'd) and *len, with the
 * streams of `batch` (NULL: all deflated now), which it ends. Returns 0;
 * -1 if libharu reported an error while writing (pdf->error says which)
 * or compression failed; -2 if the file would exceed 4 GiB or PDF/A's
 * 8 388 607 objects. */
int pdfw_save(HPDF_Doc pdf, const PdfExtra *extra, PdfBatch *batch, unsigned char **out, size_t *len);

#endif
