/*
 * Unit tests: optimal line breaking (measure/linebreak) with a fake
 * fixed-width font: every character is 1 000 units wide, a space 1 000
 * (stretching 500, shrinking 333), so expected breaks can be worked out
 * by hand.
 *
 * The total-fit cases are ones a greedy (first-fit) breaker gets wrong:
 * this file carries such a breaker (greedy() below) and checks, beside
 * each case, that greedy() breaks it otherwise. A "total fit" check that
 * greedy also passed would prove nothing.
 *
 * Ragged right, a line with r % of it left empty costs (10 + r*r)^2 and
 * the last line nothing; a hyphen (penalty 50, tripled in ragged text)
 * adds 150^2 = 22 500. The costs of both breakings are given per case.
 *
 *   linebreak --words N        break one paragraph of N words and stop
 *   linebreak --quadratic N    the same with a deliberately quadratic
 *                              total fit (every earlier break tried)
 * are for the scaling check of tests/check/unit.sh, which counts their
 * instructions with callgrind.
 */
#include "test.h"
#include "measure/linebreak.h"

#include <stdlib.h>
#include <string.h>

enum { CH = 1000 };

/* Words separated by spaces; '|' inside a word is a hyphenation point. */
static int build(const char *text, LbItem *items, char words[][64])
{
    int n = 0, w = 0;
    const char *p = text;
    while (*p) {
        if (*p == ' ') {
            LbItem g = { LB_GLUE, false, CH, CH / 2, CH / 3, 0, false, false };
            items[n++] = g;
            p++;
            continue;
        }
        int len = 0;
        while (p[len] && p[len] != ' ' && p[len] != '|')
            len++;
        LbItem b = { LB_BOX, false, len * CH, 0, 0, 0, false, false };
        memcpy(words[n], p, (size_t)len);
        words[n][len] = 0;
        items[n++] = b;
        w++;
        p += len;
        if (*p == '|') {
            LbItem h = { LB_PENALTY, true, CH, 0, 0, 50, false, false };
            items[n++] = h;
            p++;
        }
    }
    return n;
}

/* A greedy breaker over the same items, the yardstick of the total-fit
 * cases: each line takes everything that fits (shrinking glue when
 * justified), then breaks at the last place it could. */
static int greedy(const LbItem *it, int n, int32_t width, int mode, int *breaks)
{
    int nl = 0, s = 0, last = -1;
    for (int j = 0; j <= n; j++) {
        bool cand = j == n || (it[j].type == LB_GLUE && j > 0 && it[j - 1].type == LB_BOX) ||
                    (it[j].type == LB_PENALTY && it[j].penalty < LB_NEVER);
        if (!cand)
            continue;
        while (s < j && it[s].type != LB_BOX)
            s++;
        int64_t w = 0, shrink = 0;
        for (int k = s; k < j; k++)
            if (it[k].type != LB_PENALTY) {
                w += it[k].w;
                if (it[k].type == LB_GLUE)
                    shrink += it[k].shrink;
            }
        if (j < n && it[j].type == LB_PENALTY)
            w += it[j].w;
        bool fits = w <= width || ((mode & LB_JUSTIFY) && w - shrink <= width);
        if (!fits && last >= 0) {       /* break at the last place that fitted, look again */
            breaks[nl++] = last;
            s = last + 1;
            j = last;
            last = -1;
        } else if (!fits || j == n || (it[j].type == LB_PENALTY && it[j].penalty <= LB_FORCE)) {
            breaks[nl++] = j;           /* overfull, the end, or forced */
            s = j + 1;
            last = -1;
        } else {
            last = j;
        }
    }
    return nl;
}

/* The lines as text, "/" between lines, "-" where hyphenated. */
static void show(const LbItem *items, int n, char words[][64], const int *breaks, int nl, char *out)
{
    out[0] = 0;
    int prev = -1;
    for (int k = 0; k < nl; k++) {
        int e = breaks[k];
        if (k)
            strcat(out, "/");
        int s = prev + 1;
        while (s < e && items[s].type != LB_BOX)
            s++;
        for (int i = s; i < e; i++) {
            if (items[i].type == LB_BOX)
                strcat(out, words[i]);
            else if (items[i].type == LB_GLUE)
                strcat(out, " ");
        }
        if (e < n && items[e].type == LB_PENALTY && items[e].flagged)
            strcat(out, "-");
        prev = e;
    }
}

static void lines_of(const char *text, int width_chars, int mode, bool first_fit, char *out)
{
    LbItem items[256];
    char words[256][64];
    int n = build(text, items, words);
    int breaks[260];
    int64_t scratch[6 * 260];
    int nl = first_fit ? greedy(items, n, width_chars * CH, mode, breaks)
                       : linebreak(items, n, width_chars * CH, mode, breaks, scratch);
    show(items, n, words, breaks, nl, out);
}

static int lines_are(const char *text, int width, int mode, const char *want)
{
    char got[2048];
    lines_of(text, width, mode, false, got);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "  got  \"%s\"\n  want \"%s\"\n", got, want);
        return 0;
    }
    return 1;
}

/* A total-fit case: linebreak() gives `want`, and greedy() does not (it
 * gives `greedy_gives`, which the test states to show what is avoided). */
static void total_fit(const char *descr, const char *text, int width, int mode,
                      const char *want, const char *greedy_gives)
{
    char g[2048];
    CHECK(descr, lines_are(text, width, mode, want));
    lines_of(text, width, mode, true, g);
    if (strcmp(g, greedy_gives) != 0)
        fprintf(stderr, "  the greedy breaker gives \"%s\", not \"%s\"\n", g, greedy_gives);
    CHECK("... and a greedy breaker does not (this case can tell them apart)",
          strcmp(g, greedy_gives) == 0 && strcmp(g, want) != 0);
}

/* A paragraph of n items: words of 1 to 7 characters and spaces. */
static LbItem *long_paragraph(int n)
{
    LbItem *it = calloc((size_t)n, sizeof *it);
    for (int i = 0; i < n; i++) {
        LbItem b = { LB_BOX, false, (1 + i % 7) * CH, 0, 0, 0, false, false };
        LbItem g = { LB_GLUE, false, CH, CH / 2, CH / 3, 0, false, false };
        it[i] = (i % 2) ? g : b;
    }
    return it;
}

/* Total fit the slow way, for the scaling check to have something
 * quadratic to see: every earlier break is tried for every break, however
 * long the line between them (ragged cost as linebreak.h describes). */
__attribute__((noinline)) static int quadratic_total_fit(const LbItem *it, int n, int32_t width, int *breaks)
{
    /* best[s]: the least cost of the lines before a line starting at item s */
    int64_t *best = calloc((size_t)n + 2, sizeof *best), *sw = calloc((size_t)n + 2, sizeof *sw);
    int *prev = calloc((size_t)n + 2, sizeof *prev);
    for (int k = 0; k < n; k++)
        sw[k + 1] = sw[k] + it[k].w;
    for (int s = 1; s <= n + 1; s++)
        best[s] = INT64_MAX;
    for (int e = 1; e <= n; e++) {              /* a line ending at the glue e, or at the end */
        if (e < n && it[e].type != LB_GLUE)
            continue;
        for (int s = e - 1; s >= 0; s--) {      /* starting at item s: 0 or after a glue */
            if ((s > 0 && it[s - 1].type != LB_GLUE) || best[s] == INT64_MAX)
                continue;
            int64_t slack = width - (sw[e] - sw[s]);
            int64_t r = slack < 0 ? 1000 : e == n ? 0 : slack * 100 / width;
            int64_t d = best[s] + (10 + r * r) * (10 + r * r);
            if (d < best[e + 1]) {
                best[e + 1] = d;
                prev[e + 1] = s;
            }
        }
    }
    int nl = 0;
    for (int p = n + 1; p > 0; p = prev[p])
        breaks[nl++] = p - 1;
    free(best);
    free(sw);
    free(prev);
    return nl;
}

/* A random paragraph of n items for the check that passing lines over
 * changes nothing: words of 0 to 14 characters (odd widths too, and a
 * few narrower than nothing), spaces,
 * hyphens, and now and then a forced, a preferred, a forbidden or an
 * extra line's break. */
static void random_paragraph(LbItem *it, int n, unsigned *seed)
{
    for (int i = 0; i < n; i++) {
        unsigned r = (*seed = *seed * 1103515245u + 12345u) >> 16;
        if (i % 2 == 0) {
            /* (now and then a box narrower than nothing: a word's box
             * mended so, where a kerning pair spans a cut) */
            it[i] = (LbItem){ LB_BOX, false, (int32_t)(r % 15) * CH + (r % 7 == 0 ? (int32_t)(r % 997) : 0) -
                              (r % 89 == 0 ? 6 * CH : 0), 0, 0, 0, false, false };
        } else if (r % 5 == 0) {
            static const int32_t pens[] = { 50, 50, 50, LB_FORCE, -200, LB_NEVER, 0, 300 };
            int32_t pen = pens[r / 5 % 8];
            it[i] = (LbItem){ LB_PENALTY, pen == 50, pen == 50 ? CH : 0, 0, 0, pen, false, pen == 300 };
        } else {
            it[i] = (LbItem){ LB_GLUE, r % 97 == 0, CH, CH / 2, CH / 3, 0, false, false };
        }
    }
}

static int scaling_run(const char *how, int words)
{
    int n = 2 * words - 1;
    LbItem *it = long_paragraph(n);
    int *br = calloc((size_t)n + 2, sizeof *br);
    int64_t *sc = calloc(6 * ((size_t)n + 2), sizeof *sc);
    int nl = strcmp(how, "--quadratic") == 0 ? quadratic_total_fit(it, n, 60 * CH, br)
                                             : linebreak(it, n, 60 * CH, 0, br, sc);
    printf("%d words, %d lines\n", words, nl);
    free(it);
    free(br);
    free(sc);
    return nl > 0 ? 0 : 1;
}

int main(int argc, char **argv)
{
    if (argc == 3)
        return scaling_run(argv[1], atoi(argv[2]));

    /* what any breaker does */
    CHECK("one short line", lines_are("aa bb", 10, false, "aa bb"));
    CHECK("breaks at spaces when a line is full",
          lines_are("aaaa bbbb cccc", 9, false, "aaaa bbbb/cccc"));
    CHECK("a word that exactly fills the line",
          lines_are("aaaaa bbbbb", 5, false, "aaaaa/bbbbb"));
    CHECK("no hyphenation when not needed",
          lines_are("aa bbb|ccc", 20, false, "aa bbbccc"));
    CHECK("an over-long word gets a line of its own, never a loop",
          lines_are("aa bbbbbbbbbbbbbbb cc", 5, false, "aa/bbbbbbbbbbbbbbb/cc"));
    CHECK("justified text still breaks the same simple case",
          lines_are("aaaa bbbb cccc", 9, true, "aaaa bbbb/cccc"));

    /* total fit: what a greedy breaker gets wrong */
    /* greedy: 9 | 1 | 10 wide: (10+10^2)^2 + (10+90^2)^2 = 65.8 M;
     * total fit: 4 | 6 | 10: (10+60^2)^2 + (10+40^2)^2 = 15.6 M */
    total_fit("total fit avoids a very short middle line",
              "aaaa bbbb c dddddddddd eeee", 10, 0,
              "aaaa/bbbb c/dddddddddd/eeee", "aaaa bbbb/c/dddddddddd/eeee");
    /* greedy: 9 | 5 | 9 wide: 0.01 M + 6.30 M + 0.01 M;
     * total fit: 6 | 8 | 9: 2.59 M + 0.17 M + 0.01 M */
    total_fit("total fit evens out a ragged edge",
              "aaaaaa bb cc dd eeeee fff gg", 10, 0,
              "aaaaaa/bb cc dd/eeeee fff/gg", "aaaaaa bb/cc dd/eeeee fff/gg");
    /* greedy takes bbbb whole and leaves "ccc" alone: 0 + 24.1 M + 0.8 M;
     * total fit hyphenates: 0.01 M + 22 500 + 2.59 M + 0.8 M */
    total_fit("hyphenation where it saves a bad line",
              "aaaaa bb|bb ccc ddddddd eeeee", 10, 0,
              "aaaaa bb-/bb ccc/ddddddd/eeeee", "aaaaa bbbb/ccc/ddddddd/eeeee");
    /* greedy hyphenates and strands "cc": 22 600 + 31.8 M;
     * total fit: 4 | 4 wide: 6.3 M + 6.3 M */
    total_fit("no hyphenation that strands a short line",
              "aa b cc|cc ddddddd", 8, 0,
              "aa b/cccc/ddddddd", "aa b cc-/cc/ddddddd");
    /* greedy fills the line with a hyphen: 196 + 22 500; total fit leaves
     * 10 % empty: 12 100 (ragged text hyphenates only a line about an
     * eighth empty) */
    total_fit("no hyphenation in a line nine tenths full",
              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b|bbbbb cc", 40, 0,
              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa/bbbbbb cc",
              "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa b-/bbbbb cc");
    /* justified: greedy's second line has one space to stretch 5 units
     * (ratio 10, badness 10 000); total fit spreads the stretch: badness
     * 369 and 270 */
    total_fit("justified: total fit spreads the space over the lines",
              "aa bb cc d e fffff gggg hhhhhh", 15, LB_JUSTIFY,
              "aa bb cc d/e fffff gggg/hhhhhh", "aa bb cc d e/fffff gggg/hhhhhh");
    total_fit("a balanced heading never leaves a short last word alone",
              "Forvaltningens verksamhetsplan 2019", 32, LB_FEWEST | LB_BALANCE,
              "Forvaltningens/verksamhetsplan 2019", "Forvaltningens verksamhetsplan/2019");
    total_fit("balanced, in as few lines as it takes, of even length",
              "aaa bbb ccc ddd eee fff", 16, LB_FEWEST | LB_BALANCE,
              "aaa bbb ccc/ddd eee fff", "aaa bbb ccc ddd/eee fff");

    /* the counterparts: without balancing, the last line is free */
    CHECK("ragged text leaves a short last word alone when the lines above are full",
          lines_are("Forvaltningens verksamhetsplan 2019", 32, 0, "Forvaltningens verksamhetsplan/2019"));
    CHECK("a balanced heading that fits stays on one line",
          lines_are("Forvaltningens verksamhetsplan 2019", 40, LB_FEWEST | LB_BALANCE,
                    "Forvaltningens verksamhetsplan 2019"));
    CHECK("unbalanced, the first line is filled",
          lines_are("aaa bbb ccc ddd eee fff", 16, LB_FEWEST, "aaa bbb ccc ddd/eee fff"));
    /* a cell's runt costs CELL_RUNT (6.3 M), however short: "3" alone
     * (under an eighth) cost RUNT only (250 000), and beat a first line
     * 39 % empty (2.3 M) */
    CHECK("a cell leaves no figure alone on its last line: Forvaltningen,/kvartal 3",
          lines_are("Forvaltningen, kvartal 3", 23, LB_FEWEST, "Forvaltningen,/kvartal 3"));
    CHECK("running text does, where the line above would be 39 % empty",
          lines_are("Forvaltningen, kvartal 3", 23, 0, "Forvaltningen, kvartal/3"));
    /* forced break */
    {
        LbItem it[5] = {
            { LB_BOX, false, 2 * CH, 0, 0, 0, false, false },
            { LB_PENALTY, false, 0, 0, 0, LB_FORCE, false, false },
            { LB_BOX, false, 2 * CH, 0, 0, 0, false, false },
            { LB_GLUE, false, CH, 0, 0, 0, false, false },
            { LB_BOX, false, 2 * CH, 0, 0, 0, false, false },
        };
        int br[8];
        int64_t sc[6 * 8];
        int nl = linebreak(it, 5, 50 * CH, false, br, sc);
        CHECK("a forced break is taken", nl == 2 && br[0] == 1 && br[1] == 5);
    }
    {
        int br[4];
        int64_t sc[6 * 4];
        CHECK("an empty paragraph has no lines", linebreak(NULL, 0, 1000, false, br, sc) == 0);
    }
    /* a preferred break (a penalty below 0) wins over balance, though
     * the line ending there costs less than nothing: such a line once
     * read as one that does not fit ("aaaa bbbb / cccc dddd eeee ffff") */
    {
        LbItem it[13];
        int n = 0;
        for (int w = 0; w < 6; w++) {
            if (w) {
                if (w == 4)
                    it[n++] = (LbItem){ LB_PENALTY, false, 0, 0, 0, -3000, false, false };
                it[n++] = (LbItem){ LB_GLUE, false, CH, CH / 2, CH / 3, 0, false, false };
            }
            it[n++] = (LbItem){ LB_BOX, false, 4 * CH, 0, 0, 0, false, false };
        }
        int br[16];
        int64_t sc[6 * 16];
        int nl = linebreak(it, n, 20 * CH, LB_FEWEST | LB_BALANCE, br, sc);
        CHECK("a preferred break is taken where its line costs less than nothing",
              nl == 2 && br[0] == 7 && br[1] == n);
        it[7].penalty = 0;
        nl = linebreak(it, n, 20 * CH, LB_FEWEST | LB_BALANCE, br, sc);
        CHECK("... and without it the lines are balanced", nl == 2 && br[0] != 7);
    }
    /* ragged lines are passed over (best_ragged) only where they cannot
     * do better: the same breaks as weighing every line that fits, in
     * every mode, at every width down to lines that overflow */
    {
        enum { N = 81 };
        LbItem it[N];
        int br1[N + 2], br2[N + 2];
        int64_t sc[6 * (N + 2)];
        static const int modes[] = { 0, LB_FEWEST, LB_BALANCE, LB_FEWEST | LB_BALANCE };
        unsigned seed = 2024;
        int same = 0, runs = 0, broken = 0;
        for (int r = 0; r < 20000; r++) {
            int n = 1 + r % N;
            random_paragraph(it, n, &seed);
            int32_t width = r % 50 == 0 ? 1 + r % 3 : (int32_t)(3 + r % 37) * CH + (r % 3 ? 0 : (int32_t)(r % 911));
            int mode = modes[r / 7 % 4];
            int nl1 = linebreak(it, n, width, mode, br1, sc);
            int nl2 = linebreak(it, n, width, mode | LB_EVERY_START, br2, sc);
            runs++;
            same += nl1 == nl2 && memcmp(br1, br2, sizeof *br1 * (size_t)nl1) == 0;
            broken += nl1 > 1;
        }
        CHECK("20 000 random paragraphs break as when every line that fits is weighed", same == runs);
        /* a box narrower than nothing makes a later start a longer line
         * (a review's case: passed over, it broke after the first word) */
        LbItem neg[] = { { LB_BOX, false, 60, 0, 0, 0, false, false }, { LB_GLUE, false, 10, 5, 3, 0, false, false },
                         { LB_BOX, false, 60, 0, 0, 0, false, false }, { LB_GLUE, false, 10, 5, 3, 0, false, false },
                         { LB_BOX, false, -50, 0, 0, 0, false, false }, { LB_GLUE, false, 10, 5, 3, 0, false, false },
                         { LB_BOX, false, 60, 0, 0, 0, false, false }, { LB_GLUE, false, 10, 5, 3, 0, false, false },
                         { LB_BOX, false, 100, 0, 0, 0, false, false } };
        int nn = (int)(sizeof neg / sizeof *neg);
        int n1 = linebreak(neg, nn, 100, 0, br1, sc), n2 = linebreak(neg, nn, 100, LB_EVERY_START, br2, sc);
        CHECK("... and one with a box of a negative width too", n1 == n2 && memcmp(br1, br2, sizeof *br1 * (size_t)n1) == 0);
        CHECK("... most of them over several lines", broken > runs / 2);
    }
    /* a long paragraph (how the work grows with it: tests/check/unit.sh) */
    {
        int n = 20001;
        LbItem *it = long_paragraph(n);
        int *br = calloc((size_t)n + 2, sizeof *br);
        int64_t *sc = calloc(6 * ((size_t)n + 2), sizeof *sc);
        int nl = linebreak(it, n, 60 * CH, false, br, sc);
        int ok = nl > 100 && br[nl - 1] == n;
        for (int k = 0; k + 1 < nl && ok; k++)
            ok = br[k] < br[k + 1];
        CHECK("10 000 words break into increasing lines", ok);
        /* the slow reference breaks them the same way */
        int *br2 = calloc((size_t)n + 2, sizeof *br2);
        int nl2 = quadratic_total_fit(it, 1001, 60 * CH, br2);
        int nl1 = linebreak(it, 1001, 60 * CH, false, br, sc);
        ok = nl1 == nl2;
        for (int k = 0; k < nl1 && ok; k++)
            ok = br[k] == br2[nl2 - 1 - k];
        CHECK("the quadratic reference of the scaling check breaks 500 words the same way", ok);
        free(it);
        free(br);
        free(br2);
        free(sc);
    }
    TEST_DONE();
}
