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
 *
 * Once it has shaped the words, the worker finds the hyphenation points
 * of the words text.c will hyphenate by the patterns (the patterns and
 * the lexicon of compounds: another sixth of the instructions), on the
 * same terms: text.c takes a word's points from the worker when it has
 * them and finds them itself when not, and the points are the same.
 */
#ifndef RP_AHEAD_H
#define RP_AHEAD_H

#include "flow.h"

typedef struct Ahead Ahead;

/* Start shaping the words of `rep` in the faces of `faces` (the flow's,
 * loaded). Returns the handle for ahead_stop(), or NULL when the run has
 * no thread to spare (rp->threads); a report of a few words gets a
 * handle but no thread. */
Ahead *ahead_start(Rp *rp, const Report *rep, const Layout *lay, Font *const *faces, struct Hyphenator *hyph);

/* The hyphenation points of s[0..n) (compound_points) if the worker found
 * them: 1 and *ok (n + 1 bytes, kept until ahead_stop), or 0 for none;
 * -1 if the caller is to find them itself (not on the list, not yet
 * begun: the word is the caller's now). a may be NULL. */
int ahead_points(Ahead *a, const char *s, size_t n, const unsigned char **ok);

/* Stop the worker (measuring is over) and let its lists go; the words
 * it shaped serve on in the fonts' caches. NULL is fine. */
void ahead_stop(Ahead *a);

#endif
