/*
 * squeeze.h - deflating the PDF's streams, on every core (draw stage).
 *
 * Deflate is the largest single cost of writing a PDF: a page of a
 * report is some 12 KB of operators, and a report's structure tree is
 * a hundred more. Streams are independent of each other, so the writer
 * hands them over (a batch: all at once, or each page's as soon as the
 * page is drawn), goes on with what only it can do (drawing the next
 * page, libharu's objects, subsetting fonts) and takes each stream's
 * bytes when it gets to it: worker threads (one per further thread the
 * run may use, at most three, at most one per two streams) deflate
 * meanwhile, and whatever no worker has begun the writer does itself.
 *
 * libdeflate rather than zlib: it deflates whole buffers, which is all
 * a PDF writer has, in about 60 % of zlib's time at the same level and
 * a little smaller (the verksamhetsberättelse's 21 content streams,
 * 350 KB: 25 M against 44 M instructions, 68.4 against 69.0 KB). The
 * output is a zlib stream, as /FlateDecode wants, and the same for the
 * same input whichever thread made it.
 */
#ifndef RP_SQUEEZE_H
#define RP_SQUEEZE_H

#include "write.h"

#include <stdbool.h>
#include <stddef.h>

/* The level of every stream: 9 costs 60 % more for 1 % less, and for
 * the font programs 12 bytes less in the verksamhetsberättelse (one level
 * for all lets one pooled compressor serve them all). */
enum { SQUEEZE_LEVEL = 6 };

typedef struct Squeeze Squeeze;

/* A batch of streams to deflate at `level`, on up to `threads` threads
 * (the writer's own included: 1, it alone). */
Squeeze *squeeze_new(int level, int threads);
/* Add a job whose bytes fill(ctx, &n) makes (malloc'd, freed once they
 * are deflated; NULL: the job fails) on the thread that runs it: the
 * job's index, from 0. fill must be safe to call from another thread
 * while the caller goes on. No adding after squeeze_close(). */
typedef unsigned char *(*SqueezeFill)(void *ctx, size_t *n);
size_t squeeze_add_fill(Squeeze *q, SqueezeFill fill, void *ctx);
/* Workers begin (as many as about `expected` jobs are worth), and wait
 * for jobs while the batch is open: jobs are added as they come, until
 * squeeze_close(). Called again on an open batch, it starts the workers
 * a larger `expected` is worth beyond those it has. */
void squeeze_open(Squeeze *q, size_t expected);
void squeeze_close(Squeeze *q);
/* Job k deflated (waits for it, or does it here): NULL if it failed.
 * Valid until squeeze_forget(q, k) or squeeze_free(). */
const unsigned char *squeeze_get(Squeeze *q, size_t k, size_t *n);
/* Job k's deflated bytes are needed no more (after squeeze_get): freed
 * now rather than with the batch. */
void squeeze_forget(Squeeze *q, size_t k);
/* Whether job k is deflated (its input is read no more); no wait. */
bool squeeze_done(Squeeze *q, size_t k);
/* Waits for the workers and frees the batch (NULL is fine). */
void squeeze_free(Squeeze *q);

/* in[0..n) deflated onto the end of dst, here and now. */
bool squeeze_into(Buf *dst, const void *in, size_t n, int level);

/* Free the compressors kept for the next batch (at the end of a PDF). */
void squeeze_drain(void);

#endif
