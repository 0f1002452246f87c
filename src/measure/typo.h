/*
 * typo.h - typographic punctuation: what the author's straight ASCII
 * prints as (measure stage).
 *
 * The report keeps what was written; only the printed text (and so the
 * PDF's text layer) gets Swedish quotation marks ”…” ’…’, en dashes in
 * spaced dashes and ranges of numbers, months and weekdays, and real
 * minus signs. Pure functions
 * on UTF-8 bytes: no fonts, no allocation, so the rules can be tested
 * on their own (tests/unit/typo.c).
 *
 * Usage: text.c joins the text of one block (a paragraph, list item,
 * cell, heading) in reading order, across its inline elements, with
 * TYPO_SEP where something that is no text stands (a footnote mark, a
 * status marker), calls typo_scan once, and replaces each edited byte
 * in the piece that holds it.
 */
#ifndef RP_TYPO_H
#define RP_TYPO_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Stands in a block's text for what is not text; ends a word, is no space. */
#define TYPO_SEP '\x1F'

typedef struct TypoRules {
    bool quotes;        /* " -> ” (U+201D), ' -> ’ (U+2019) */
    bool dashes;        /* spaced " - " -> " – " (U+00A0 before), 2018-2022 -> 2018–2022,
                         * -5 % -> −5 % (U+2212) */
} TypoRules;

/* One change: the ASCII byte at `at` prints as code point `cp`. */
typedef struct TypoEdit {
    int32_t  at;
    uint32_t cp;
} TypoEdit;

/* The changes that set the block text s[0..len) by rules r, in order of
 * `at`, each at a different byte. `edits` holds room for len entries (a
 * change is never more than one per byte). Returns how many. */
int typo_scan(TypoRules r, const char *s, size_t len, TypoEdit *edits);

/* s[0..len) with typo_scan's changes made, into out (cap bytes, NUL
 * terminated; 3 * len + 1 is always enough). Returns the length written,
 * cut short (not inside a printed mark) if cap is too small. */
size_t typo_apply(TypoRules r, const char *s, size_t len, char *out, size_t cap);

#endif
