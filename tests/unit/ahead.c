/*
 * Unit tests: hyphenation points found ahead on a second core
 * (measure/ahead.h). The worker's points for every word of the
 * verksamhetsberättelse it listed must be those compound_points() finds on
 * the spot; a word it did not list, or one the caller claimed first, is
 * the caller's (-1); a worker stopped at once stops cleanly.
 * Run from the source tree (the sample, the layout, the fonts).
 */
#include "test.h"
#include "measure/ahead.h"
#include "measure/compound.h"
#include "measure/measure_int.h"
#include "parse/parse.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

static Rp rp;

typedef struct Count { long listed, same, differ, missing, capital, capital_found; } Count;

/* The words of s[0..n) text.c hyphenates by the patterns (those with a
 * capital at the start too, which it hyphenates where they start a
 * sentence), each asked of the worker (done by now): its points against
 * compound_points'. */
static void ask_text(Ahead *a, Hyphenator *h, const Layout *lay, const char *s, size_t n, Count *c)
{
    size_t start = 0;
    int letters = 0, uppers = 0;
    bool first_upper = false;
    for (size_t i = 0; i <= n;) {
        size_t at = i;
        uint32_t ch = 0;
        if (i < n)
            ch = utf8_next(s, n, &i);
        else
            i++;
        if (at < n && text_letter(ch)) {
            start = letters ? start : at;
            first_upper = letters ? first_upper : text_upper(ch);
            letters++;
            uppers += text_upper(ch);
            continue;
        }
        if (letters >= 6 && (!uppers || (uppers == 1 && first_upper)) && at - start < 127) {
            const unsigned char *got = NULL;
            unsigned char want[128];
            int r = ahead_points(a, s + start, at - start, &got);
            int w = compound_points(h, lay->hyphen_left, lay->hyphen_right, s + start, at - start, want);
            c->listed++;
            c->capital += uppers;
            c->capital_found += uppers && r >= 0;
            if (r < 0)
                c->missing++;
            else if ((r == 0 && w == 0) || (r == 1 && w && memcmp(got, want, at - start + 1) == 0))
                c->same++;
            else
                c->differ++;
        }
        letters = uppers = 0;
    }
}

static void ask(Ahead *a, Hyphenator *h, const Layout *lay, const Node *n, Count *c)
{
    for (const Node *k = n->first; k; k = k->next) {
        if (k->kind == N_TEXT)
            ask_text(a, h, lay, k->text, k->len, c);
        else if (k->kind != N_NOHYPHEN && k->kind != N_CHART && k->kind != N_FIGURE)
            ask(a, h, lay, k, c);
    }
}

int main(void)
{
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    rp.data_dir = ".";
    rp.threads = 2;
    size_t n = 0;
    char *xml = test_slurp("samples/verksamhetsberattelse-2024.xml", &n);
    Layout *lay = NULL;
    Report *rep = xml ? parse_report(&rp, "vb.xml", xml, n, NULL, &lay) : NULL;
    CHECK("the sample parses", rep && lay);
    if (!rep || !lay)
        TEST_DONE();
    Font *faces[FACE_COUNT] = { 0 };
    Hyphenator *h = NULL;
    CHECK("its fonts load", measure_load_fonts(&rp, lay, faces) == 0);
    CHECK("its patterns load", (h = measure_hyphenator(&rp, lay)) != NULL);
    if (!h)
        TEST_DONE();

    /* stopped at once: nothing left running, nothing leaked (the
     * sanitizer build runs this too) */
    Ahead *a = ahead_start(&rp, rep, lay, faces, h);
    CHECK("two threads get a worker", a != NULL);
    ahead_stop(a);

    a = ahead_start(&rp, rep, lay, faces, h);
    const unsigned char *got = NULL;
    CHECK("a word not on the list is the caller's", ahead_points(a, "xyzzyplugh", 10, &got) == -1);
    /* a fifth of a second: the worker is done by now, but for a machine
     * far too busy (a word it has not begun is the caller's: missing) */
    struct timespec pause = { 0, 200 * 1000 * 1000 };
    nanosleep(&pause, NULL);
    Count c = { 0 };
    ask(a, h, lay, rep->root, &c);
    CHECK("the report has words to hyphenate", c.listed > 500);
    CHECK("the worker found most of them", c.same > c.listed / 2);
    CHECK("its points are those found on the spot", c.differ == 0 && c.same + c.missing == c.listed);
    CHECK("... a capitalised word's too (one that starts a sentence)",
          c.capital > 100 && c.capital_found > c.capital / 2);
    if (c.differ || c.missing)
        fprintf(stderr, "  %ld listed, %ld same, %ld differ, %ld not done\n", c.listed, c.same, c.differ,
                c.missing);
    Count again = { 0 };
    ask(a, h, lay, rep->root, &again);
    CHECK("asked again, the same points", again.same == c.same && again.differ == 0);
    ahead_stop(a);
    CHECK("after the stop, every word is the caller's", ahead_points(a, "verksamhet", 10, &got) == -1);

    rp.threads = 1;
    CHECK("one thread: no worker", ahead_start(&rp, rep, lay, faces, h) == NULL);
    CHECK("... and every word the caller's", ahead_points(NULL, "verksamhet", 10, &got) == -1);
    free(xml);
    diags_free(&rp.diags);
    arena_free(&rp.arena);
    TEST_DONE();
}
