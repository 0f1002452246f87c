/*
 * Unit tests: optimal line breaking (measure/linebreak) with a fake
 * fixed-width font: every character is 1 000 units wide, a space 1 000,
 * so expected breaks can be worked out by hand.
 */
#include "test.h"
#include "measure/linebreak.h"

#include <stdlib.h>
#include <string.h>

enum { CH = 1000 };

/* Words separated by spaces; '|' inside a word is a hyphenation point. */
static int build(const char *text, LbItem *items, char words[][32])
{
    int n = 0, w = 0;
    const char *p = text;
    while (*p) {
        if (*p == ' ') {
            LbItem g = { LB_GLUE, false, CH, CH / 2, CH / 3, 0 };
            items[n++] = g;
            p++;
            continue;
        }
        int len = 0;
        while (p[len] && p[len] != ' ' && p[len] != '|')
            len++;
        LbItem b = { LB_BOX, false, len * CH, 0, 0, 0 };
        memcpy(words[n], p, (size_t)len);
        words[n][len] = 0;
        items[n++] = b;
        w++;
        p += len;
        if (*p == '|') {
            LbItem h = { LB_PENALTY, true, CH, 0, 0, 50 };
            items[n++] = h;
            p++;
        }
    }
    return n;
}

/* The lines as text, "/" between lines, "-" where hyphenated. */
static void lines_of(const char *text, int width_chars, int mode, char *out)
{
    LbItem items[256];
    char words[256][32];
    int n = build(text, items, words);
    int breaks[260];
    int64_t scratch[6 * 260];
    int nl = linebreak(items, n, width_chars * CH, mode, breaks, scratch);
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

static int lines_are(const char *text, int width, int mode, const char *want)
{
    char got[2048];
    lines_of(text, width, mode, got);
    if (strcmp(got, want) != 0) {
        fprintf(stderr, "  got  \"%s\"\n  want \"%s\"\n", got, want);
        return 0;
    }
    return 1;
}

int main(void)
{
    CHECK("one short line", lines_are("aa bb", 10, false, "aa bb"));
    CHECK("breaks at spaces when a line is full",
          lines_are("aaaa bbbb cccc", 9, false, "aaaa bbbb/cccc"));
    CHECK("a word that exactly fills the line",
          lines_are("aaaaa bbbbb", 5, false, "aaaaa/bbbbb"));
    /* Greedy would give "aaa bb cc/dddddd/e"? No: total fit balances the
     * ragged edge: "aaa bb/cc dddddd" is worse than first-fit only if... */
    CHECK("total fit avoids a very short middle line",
          lines_are("aaa bb cc ddddddd", 9, false, "aaa bb cc/ddddddd"));
    CHECK("total fit evens out a ragged edge",
          lines_are("a b c d e f g h i j k l m n o p", 11, false, "a b c d e f/g h i j k l/m n o p"));
    CHECK("hyphenation when it saves a bad line",
          lines_are("aaaa bbb|cccc dd", 9, false, "aaaa bbb-/cccc dd"));
    CHECK("no hyphenation when not needed",
          lines_are("aa bbb|ccc", 20, false, "aa bbbccc"));
    CHECK("an over-long word gets a line of its own, never a loop",
          lines_are("aa bbbbbbbbbbbbbbb cc", 5, false, "aa/bbbbbbbbbbbbbbb/cc"));
    /* forced break */
    {
        LbItem it[5] = {
            { LB_BOX, false, 2 * CH, 0, 0, 0 },
            { LB_PENALTY, false, 0, 0, 0, LB_FORCE },
            { LB_BOX, false, 2 * CH, 0, 0, 0 },
            { LB_GLUE, false, CH, 0, 0, 0 },
            { LB_BOX, false, 2 * CH, 0, 0, 0 },
        };
        int br[8];
        int64_t sc[6 * 8];
        int nl = linebreak(it, 5, 50 * CH, false, br, sc);
        CHECK("a forced break is taken", nl == 2 && br[0] == 1 && br[1] == 5);
    }
    CHECK("ragged text leaves a short last word alone when the lines above are full",
          lines_are("Forvaltningens verksamhetsplan 2019", 32, 0, "Forvaltningens verksamhetsplan/2019"));
    CHECK("a balanced heading never leaves a short last word alone",
          lines_are("Forvaltningens verksamhetsplan 2019", 32, LB_FEWEST | LB_BALANCE,
                    "Forvaltningens/verksamhetsplan 2019"));
    CHECK("a balanced heading that fits stays on one line",
          lines_are("Forvaltningens verksamhetsplan 2019", 40, LB_FEWEST | LB_BALANCE,
                    "Forvaltningens verksamhetsplan 2019"));
    CHECK("balanced, in as few lines as it takes, of even length",
          lines_are("aaa bbb ccc ddd eee fff", 16, LB_FEWEST | LB_BALANCE, "aaa bbb ccc/ddd eee fff"));
    CHECK("unbalanced, the first line is filled",
          lines_are("aaa bbb ccc ddd eee fff", 16, LB_FEWEST, "aaa bbb ccc ddd/eee fff"));
    CHECK("justified text still breaks the same simple case",
          lines_are("aaaa bbbb cccc", 9, true, "aaaa bbbb/cccc"));
    {
        int br[4];
        int64_t sc[6 * 4];
        CHECK("an empty paragraph has no lines", linebreak(NULL, 0, 1000, false, br, sc) == 0);
    }
    /* linear time: a long paragraph */
    {
        int n = 20001;
        LbItem *it = calloc((size_t)n, sizeof *it);
        for (int i = 0; i < n; i++) {
            LbItem b = { LB_BOX, false, (1 + i % 7) * CH, 0, 0, 0 };
            LbItem g = { LB_GLUE, false, CH, CH / 2, CH / 3, 0 };
            it[i] = (i % 2) ? g : b;
        }
        int *br = calloc((size_t)n + 2, sizeof *br);
        int64_t *sc = calloc(6 * ((size_t)n + 2), sizeof *sc);
        int nl = linebreak(it, n, 60 * CH, false, br, sc);
        int ok = nl > 100 && br[nl - 1] == n;
        for (int k = 0; k + 1 < nl && ok; k++)
            ok = br[k] < br[k + 1];
        CHECK("10 000 words break into increasing lines", ok);
        free(it);
        free(br);
        free(sc);
    }
    TEST_DONE();
}
