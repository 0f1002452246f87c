/*
 * pdf.h - stage 4: pages -> PDF bytes. The only user of libharu.
 *
 * The PDF device: the pages replayed into it (device.h) become libharu
 * pages; the layout's TrueType faces are embedded as subsets (embed.c,
 * with a ToUnicode map, so text extraction and screen readers get the
 * real characters); links become annotations; the outline (bookmarks)
 * and the document information are added; with tagging, marked content
 * around every op (tags.c).
 * The file itself is written by write.c.
 */
#ifndef RP_PDF_H
#define RP_PDF_H

#include <stddef.h>
#include "../paginate/paginate.h"

/*
 * Draw `pg` into a new PDF held in memory: *out (malloc'd, the caller
 * frees it) and *len. `when` is the document date (seconds since 1970),
 * or -1 for none. `pdfa` is RP_PDFA_OFF, _2A, _2B or _2U (archive.c);
 * `tagged` adds the structure tree for screen readers (tags.c).
 * Returns 0, or -1 with an error in rp->diags (libharu failed).
 */
int pdf_draw(Rp *rp, const Pages *pg, long when, int pdfa, bool tagged, unsigned char **out, size_t *len);

/* A plain-text dump of every drawing call, for tests and review: the
 * pages replayed into the trace device (trace.c, which lists its lines).
 * Returns 0 or -1 (cannot write). */
int pdf_trace(const Pages *pg, FILE *out);

#endif
