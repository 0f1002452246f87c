/*
 * tags.h - the tagged PDF: structure tree and marked content (draw stage).
 *
 * measure/ decides the logical structure (Flow.se: Document, H1.., P,
 * L/LI/Lbl/LBody, Table/THead/TBody/TR/TH/TD, Note, Link, TOC/TOCI,
 * Figure, Caption) and which element each op belongs to. pdf.c calls in
 * here around every op it draws: tags_mark() opens a marked-content
 * sequence (with its MCID) for the op's element, or an /Artifact one for
 * running headers, rules and other decoration; tags_link() ties a link
 * annotation to its Link element; tags_finish() adds /MarkInfo and the
 * StructTreeRoot to the catalog. The content is written with libharu's
 * stream layer, which its installed headers expose; the tree itself (its
 * elements, the parent tree, the ID tree) is written by tags_write()
 * into the file's object streams (write.h).
 */
#ifndef RP_TAGS_H
#define RP_TAGS_H

#include <hpdf.h>
#include "../paginate/paginate.h"
#include "write.h"

typedef struct Tags Tags;

/* Start tagging a document of `npages` pages (NULL: out of memory). */
Tags *tags_new(Rp *rp, HPDF_Doc pdf, const Flow *flow, int npages);

/* A new page is being drawn (its content stream is `page`'s). */
void tags_page(Tags *t, HPDF_Page page, int index);

/* Make the content drawn next belong to structure element `se`
 * (SE_ARTIFACT: decoration). `actual` (or NULL) is the text the content
 * stands for (a status marker). tags_needs_switch() says whether a new
 * marked-content sequence is needed; tags_mark() closes the open one
 * and opens it. Sequences and text objects must nest (ISO 32000-1,
 * 14.6): pdf.c closes a sequence begun outside a text object before
 * BT, and one begun inside it before ET. */
bool tags_needs_switch(const Tags *t, int se, const char *actual);
void tags_mark(Tags *t, int se, const char *actual);

/* Close the open marked-content sequence (at the end of a page). */
void tags_close(Tags *t);

/* A link annotation drawn for element `se`, with a description. */
void tags_link(Tags *t, HPDF_Annotation annot, int se, const char *contents);

/* The rectangle (PDF points, x0 y0 lower left) of what was just drawn
 * for the open sequence's element: the figures and tables it belongs to
 * get the union of theirs on their first page as /BBox. */
void tags_extent(Tags *t, float x0, float y0, float x1, float y1);

/* Refer to the structure tree from the catalog; returns 0 or -1. */
int tags_finish(Tags *t);

/* The object number reserved for the StructTreeRoot. */
long tags_root(const Tags *t);

/* Write the structure tree (a PdfExtra callback; user is the Tags). */
void tags_write(void *user, PdfW *w);

/* The standard structure type of an SeType ("H1", "P", "TD"). */
const char *tags_type_name(int type);

#endif
