/*
 * linebreak.h - optimal line breaking (measure stage).
 *
 * The paragraph is a list of items in the manner of Knuth and Plass:
 * boxes (unbreakable text), glue (a space: a break may come instead of
 * it) and penalties (a possible break that costs something, e.g. a
 * hyphenation point; LB_FORCE forces one). linebreak() chooses the breaks
 * that minimise the total demerits over the paragraph, so one long word
 * does not leave a ragged hole two lines earlier.
 *
 * Design notes:
 *  - Dynamic programming over break candidates: best[j] = min over earlier
 *    candidates i of best[i] + demerits(line i..j). The inner loop walks
 *    back only while the line still fits, so the cost is linear in the
 *    paragraph for a fixed line width (a line holds a bounded number of
 *    items). Ragged, the lines that fit are weighed longest first, and
 *    the walk stops once even the least total before them plus a line's
 *    own cost (which only grows as lines get shorter) is above the best
 *    found: the same breaks, with about a third of the lines weighed.
 *  - Ragged right (the default): demerits grow with the square of the
 *    empty space at the line end, relative to the width; the last line is
 *    free. Justified: TeX's badness from the stretch or shrink ratio.
 *  - A box wider than the line is the caller's to split beforehand; if
 *    one remains, it gets a line of its own (overfull), never a loop.
 *  - Everything is integer: the same breaks on every machine.
 */
#ifndef RP_LINEBREAK_H
#define RP_LINEBREAK_H

#include <stdbool.h>
#include <stdint.h>

enum { LB_BOX, LB_GLUE, LB_PENALTY };

/* linebreak() modes, or'ed */
#define LB_JUSTIFY 1         /* justified: glue stretches and shrinks */
#define LB_FEWEST  2         /* fewest lines first, then the least ragged (table cells) */
#define LB_BALANCE 4         /* the last line counts as ragged too: lines of even length (headings) */
#define LB_NO_HANG 8         /* text.c's own: words after a status marker do not hang (not linebreak()'s) */
#define LB_HEADING 16        /* text.c's own: a heading's line does not end in a small word ("och") */
#define LB_DISPLAY 32        /* text.c's own: a cover's title, where that costs more still */
#define LB_EVERY_START 64    /* ragged lines are weighed from every start that fits, none
                              * passed over: the same breaks, slower (for the tests) */

#define LB_FORCE  (-10000)   /* penalty that forces a break */
#define LB_NEVER  10000      /* penalty that forbids one */

typedef struct LbItem {
    uint8_t type;
    bool    flagged;        /* penalty: a hyphen is added when broken here;
                             * glue: no line may break here (a bound space) */
    int32_t w;              /* box/glue width; penalty: width added if broken (the hyphen) */
    int32_t stretch, shrink;/* glue */
    int32_t penalty;        /* penalty */
    bool    inword;         /* penalty: inside a word all the same, as a range's dash
                             * ("mars–september"): a column's least width for words
                             * whole keeps it whole (text_widths); breaking ignores it */
    bool    extra_line;     /* penalty: a break here costs a line and a half more
                             * (LB_FEWEST): a heading takes a line more, not two,
                             * rather than end a line in "och" */
} LbItem;

/*
 * Break items[0..n) into lines of `width`. Writes the index of the item
 * each line ends at into breaks[] (a glue or penalty index, or n for the
 * end) and returns the number of lines (at least 1 when n > 0).
 * `mode` is 0 (ragged right) or LB_JUSTIFY, optionally | LB_FEWEST.
 * `breaks` must hold n + 2 entries; `scratch` must hold 6 * (n + 2) int64 values.
 */
int linebreak(const LbItem *items, int n, int32_t width, int mode,
              int *breaks, int64_t *scratch);

#endif
