/*
 * ahead.h - the report's words shaped on a second core while the first
 * measures (measure stage).
 *
 * Most of measuring a report is HarfBuzz shaping its words: each word
 * once per face (font.c keeps them), yet 2 958 words are a quarter of
 * the verksamhetsberättelse's instructions. Before measuring begins,
 * ahead_start() lists the words of the report's text, each with the face
 * its block's style and its <b> and <i> will most likely give it, and a
 * worker thread shapes them in document order while measuring goes on.
 * Measuring takes a word from the worker when it is there and shapes it
 * itself when it is not.
 *
 * The list is a guess, and may be wrong: typography that changes a word
 * (quotes, dashes), a number printed otherwise than written, a style the
 * guess did not foresee. A wrong guess costs the worker a word shaped in
 * vain, never the result: both threads shape a word the same way, so
 * the PDF is the same whichever thread shaped what, and the same as
 * without the worker.
 */
#ifndef RP_AHEAD_H
#define RP_AHEAD_H

#include "flow.h"

/* Start shaping the words of `rep` in the faces of `faces` (the flow's,
 * loaded). Returns the handle for ahead_stop(), or NULL when the run has
 * no thread to spare (rp->threads); a report of a few words gets a
 * handle but no thread. */
FontAhead *ahead_start(Rp *rp, const Report *rep, const Layout *lay, Font *const *faces);

/* Stop the worker (measuring is over); its words serve on. NULL is fine. */
void ahead_stop(FontAhead *a);

#endif
