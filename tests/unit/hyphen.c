/*
 * Unit tests: hyphenation (measure/hyphen) against libhyphen, which
 * rapport used before. Every word of six letters or more in the samples'
 * XML and every stem of the Swedish hunspell dictionary (hunspell-sv), and
 * the same words with hyphens, apostrophes, digits and capitals in them,
 * must get the same points from both, for several minimums. Random
 * pattern sets that are not prepared the way the LibreOffice ones are
 * check that we agree with libhyphen's automaton, not only with Liang.
 * Damaged dictionaries must give NULL or a dictionary, never a crash.
 */
#include "test.h"
#include "base/utf8.h"
#include "measure/hyphen.h"

#include <hyphen.h>             /* libhyphen, the reference */

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define SV "/usr/share/hyphen/hyph_sv_SE.dic"
#define HUNSPELL "/usr/share/hunspell/sv_SE.dic"

enum { MAX_WORD = 63 };

/* libhyphen 2.8.8 leaks the digits of a pattern given twice (2.8.9 frees
 * them), and the made-up dictionaries below give patterns twice: not our
 * leak, so LeakSanitizer is told to let libhyphen's pass. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void)
{
    return "leak:libhyphen.so\n";
}

/* The old measure/hyphen.c, word for word: libhyphen called as rapport
 * called it. */
static unsigned char lower_latin1(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return (unsigned char)(c + 32);
    return (unsigned char)c;
}

static int reference_points(HyphenDict *dict, int left, int right, const char *s, size_t n,
                            unsigned char *ok)
{
    left = left > 0 ? left : 2;
    right = right > 0 ? right : 2;
    memset(ok, 0, n + 1);
    char word[MAX_WORD + 1];
    size_t offs[MAX_WORD + 1];
    int len = 0;
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        uint32_t c = utf8_next(s, n, &i);
        if (c > 0xFF || len == MAX_WORD)
            return 0;
        offs[len] = at;
        word[len++] = (char)lower_latin1(c);
    }
    if (len < left + right)
        return 0;
    word[len] = 0;
    char hyph[MAX_WORD + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    int count = 0;
    if (hnj_hyphen_hyphenate3(dict, word, len, hyph, NULL, &rep, &pos, &cut, left, right, 2, 2) == 0) {
        for (int k = 0; k < len - 1; k++) {
            if ((hyph[k] & 1) && k + 1 >= left && len - (k + 1) >= right && !(rep && rep[k])) {
                ok[offs[k + 1]] = 1;
                count++;
            }
        }
    }
    if (rep) {
        for (int k = 0; k < len; k++)
            free(rep[k]);
        free(rep);
    }
    free(pos);
    free(cut);
    return count;
}

/* ---- the word list ------------------------------------------------------- */

typedef struct {
    char  **w;
    size_t  n, cap;
} Words;

static void add_word(Words *l, const char *s, size_t n)
{
    if (n == 0 || n > 120)
        return;
    if (l->n == l->cap) {
        l->cap = l->cap ? 2 * l->cap : 4096;
        l->w = realloc(l->w, l->cap * sizeof *l->w);
    }
    l->w[l->n] = malloc(n + 1);
    memcpy(l->w[l->n], s, n);
    l->w[l->n++][n] = 0;
}

static int is_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

/* Runs of six letters or more in the text of an XML file (tags skipped). */
static void sample_words(Words *l, const char *path)
{
    size_t n;
    char *s = test_slurp(path, &n);
    if (!s)
        return;
    size_t i = 0, start = 0;
    int letters = 0, in_tag = 0;
    while (i <= n) {
        size_t at = i;
        uint32_t c = i < n ? utf8_next(s, n, &i) : (i++, 0);
        if (!in_tag && is_letter(c)) {
            if (letters++ == 0)
                start = at;
            continue;
        }
        if (letters >= 6)
            add_word(l, s + start, at - start);
        letters = 0;
        if (c == '<')
            in_tag = 1;
        else if (c == '>')
            in_tag = 0;
    }
    free(s);
}

/* The stems of a hunspell .dic: each line up to '/' or white space. */
static void hunspell_words(Words *l, const char *path)
{
    size_t n;
    char *s = test_slurp(path, &n);
    if (!s)
        return;
    char *line = strchr(s, '\n');       /* the first line is the count */
    while (line && *++line) {
        size_t k = strcspn(line, "/\t \r\n");
        add_word(l, line, k);
        line = strchr(line, '\n');
    }
    free(s);
}

/* ---- comparing ------------------------------------------------------------ */

static size_t compared;

/* Our points for `w` against libhyphen's; prints the first few differences. */
static int same_points(Hyphenator *h, HyphenDict *d, int left, int right, const char *w)
{
    size_t n = strlen(w);
    unsigned char ours[128], theirs[128];
    if (n > 120)
        return 1;
    int a = hyphen_points(h, w, n, ours);
    int b = reference_points(d, left, right, w, n, theirs);
    compared++;
    if (a == b && memcmp(ours, theirs, n + 1) == 0)
        return 1;
    static int shown;
    if (shown++ < 10) {
        fprintf(stderr, "differ (%d, %d) on \"%s\": ours", left, right, w);
        for (size_t i = 0; i <= n; i++)
            if (ours[i])
                fprintf(stderr, " %zu", i);
        fprintf(stderr, ", libhyphen's");
        for (size_t i = 0; i <= n; i++)
            if (theirs[i])
                fprintf(stderr, " %zu", i);
        fprintf(stderr, "\n");
    }
    return 0;
}

/* The word with a character put in at byte offset `at`, into buf. */
static const char *with(char *buf, size_t size, const char *w, size_t at, const char *ins)
{
    size_t n = strlen(w);
    if (at > n)
        at = n;
    snprintf(buf, size, "%.*s%s%s", (int)at, w, ins, w + at);
    return buf;
}

static void against_libhyphen(const char *dic, const Words *l)
{
    HyphenDict *d = hnj_hyphen_load(dic);
    CHECK("libhyphen loads the dictionary", d != NULL);
    if (!d)
        return;
    static const int mins[][2] = { { 2, 3 }, { 2, 2 }, { 1, 1 }, { 3, 3 }, { 0, 0 }, { 4, 2 } };
    for (size_t m = 0; m < sizeof mins / sizeof mins[0]; m++) {
        int left = mins[m][0], right = mins[m][1];
        Hyphenator *h = hyphen_load(dic, left, right);
        CHECK("the dictionary loads", h != NULL);
        if (!h)
            continue;
        size_t bad = 0;
        /* all words at the layouts' minimums, every seventh at the others */
        for (size_t i = 0; i < l->n; i += m == 0 ? 1 : 7)
            bad += !same_points(h, d, left, right, l->w[i]);
        /* hyphens, apostrophes, digits, capitals, dots */
        char buf[256], glued[128];
        static const char *const ins[] = { "-", "'", "--", "3", "-1", ".", "'s", "X" };
        for (size_t i = 0; i < l->n; i += 13) {
            const char *w = l->w[i];
            size_t n = strlen(w);
            for (size_t k = 0; k < sizeof ins / sizeof ins[0]; k++) {
                size_t at = (i / 13 + k) % (n + 1);
                bad += !same_points(h, d, left, right, with(buf, sizeof buf, w, at, ins[k]));
            }
            bad += !same_points(h, d, left, right, with(buf, sizeof buf, w, n / 2, with(glued, sizeof glued, l->w[(i + 1) % l->n], 0, "-")));
        }
        CHECK("the same points as libhyphen for every word", bad == 0);
        if (bad)
            fprintf(stderr, "  %zu words differ at minimums %d, %d\n", bad, left, right);
        hyphen_free(h);
    }
    hnj_hyphen_free(d);
}

/* ---- made-up dictionaries ------------------------------------------------ */

static char tmpdir[] = "/tmp/rapport-hyphen.XXXXXX";

static const char *tmp(const char *name)
{
    static char path[4][256];
    static int k;
    k = (k + 1) % 4;
    snprintf(path[k], sizeof path[k], "%s/%s", tmpdir, name);
    return path[k];
}

static void write_file(const char *path, const void *data, size_t n)
{
    FILE *f = fopen(path, "wb");
    fwrite(data, 1, n, f);
    fclose(f);
}

static uint32_t seed = 2024;
static unsigned rnd(unsigned n)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
}

/* Patterns over a five-letter alphabet that overlap a lot and are not
 * merged into each other, and random words: agreeing here means agreeing
 * with libhyphen's automaton where it differs from Liang. */
static void random_patterns(void)
{
    size_t bad = 0;
    for (int round = 0; round < 40; round++) {
        char text[40000];
        size_t n = (size_t)snprintf(text, sizeof text, "ISO8859-1\nLEFTHYPHENMIN %u\n", rnd(3));
        int npat = 20 + (int)rnd(300);
        for (int p = 0; p < npat; p++) {
            int len = 1 + (int)rnd(5);
            int dot_start = rnd(6) == 0, dot_end = rnd(6) == 0;
            if (dot_start)
                text[n++] = '.';
            for (int k = 0; k < len; k++) {
                if (rnd(2))
                    text[n++] = (char)('0' + rnd(10));
                text[n++] = (char)('a' + rnd(5));
            }
            if (rnd(2))
                text[n++] = (char)('0' + rnd(10));
            if (dot_end)
                text[n++] = '.';
            text[n++] = '\n';
        }
        const char *path = tmp("random.dic");
        write_file(path, text, n);
        int left = 1 + (int)rnd(3), right = 1 + (int)rnd(3);
        HyphenDict *d = hnj_hyphen_load(path);
        Hyphenator *h = hyphen_load(path, left, right);
        CHECK("a random pattern set loads", d && h);
        for (int w = 0; d && h && w < 500; w++) {
            char word[20];
            int len = 2 + (int)rnd(12);
            for (int k = 0; k < len; k++)
                word[k] = (char)('a' + rnd(5));
            word[len] = 0;
            bad += !same_points(h, d, left, right, word);
        }
        hyphen_free(h);
        if (d)
            hnj_hyphen_free(d);
    }
    CHECK("random pattern sets: the same points as libhyphen", bad == 0);
}

/* Dictionaries we refuse, and damaged ones: NULL or a dictionary, never a
 * crash or a wait. */
static void bad_files(void)
{
    size_t n;
    char *sv = test_slurp(SV, &n);
    CHECK("the Swedish dictionary is there", sv != NULL);
    if (!sv)
        return;
    CHECK("a missing file", hyphen_load(tmp("missing.dic"), 2, 3) == NULL);
    CHECK("a folder", hyphen_load(tmpdir, 2, 3) == NULL);
    const char *fifo = tmp("fifo.dic");
    if (mkfifo(fifo, 0600) == 0)
        CHECK("a FIFO, without waiting for a writer", hyphen_load(fifo, 2, 3) == NULL);
    const char *p = tmp("cut.dic");
    write_file(p, "", 0);
    CHECK("an empty file", hyphen_load(p, 2, 3) == NULL);
    write_file(p, sv, 5);
    CHECK("a file cut in its charset line", hyphen_load(p, 2, 3) == NULL);
    /* cut anywhere among the patterns: a smaller dictionary, as libhyphen
     * reads it (the last line, cut, is a shorter pattern) */
    size_t bad = 0;
    static const char *const words[] = { "verksamhetsberättelse", "kommunfullmäktige",
                                         "investeringsbudget", "befolkningsutveckling" };
    for (size_t cut = 20; cut < n; cut += n / 37 + 1) {
        write_file(p, sv, cut);
        Hyphenator *h = hyphen_load(p, 2, 3);
        HyphenDict *d = hnj_hyphen_load(p);
        CHECK("a dictionary cut short loads", h && d);
        for (size_t w = 0; h && d && w < sizeof words / sizeof words[0]; w++)
            bad += !same_points(h, d, 2, 3, words[w]);
        hyphen_free(h);
        if (d)
            hnj_hyphen_free(d);
    }
    CHECK("a dictionary cut short: the same points as libhyphen", bad == 0);

    static const struct { const char *what, *text; } refused[] = {
        { "a UTF-8 dictionary", "UTF-8\na1b\n" },
        { "no charset line", "a1b\nb1c\n" },
        { "a second level", "ISO8859-1\n1-1\nNEXTLEVEL\na1b\n" },
        { "a non-standard pattern", "ISO8859-1\na1b\nc1k/k=k,1,2\n" },
        { "a non-standard pattern after a space", "ISO8859-1\na1b xx/y\n" },
    };
    for (size_t i = 0; i < sizeof refused / sizeof refused[0]; i++) {
        write_file(p, refused[i].text, strlen(refused[i].text));
        Hyphenator *h = hyphen_load(p, 2, 3);
        CHECK(refused[i].what, h == NULL);
        hyphen_free(h);
    }
    write_file(p, "ISO8859-1\na1b\0c\n", 17);
    CHECK("a NUL byte", hyphen_load(p, 2, 3) == NULL);

    /* nonsense bytes, over-long lines, CRLF, a huge LEFTHYPHENMIN: loads,
     * and agrees with libhyphen */
    char text[4096];
    size_t k = (size_t)snprintf(text, sizeof text,
                                "ISO8859-1\r\nLEFTHYPHENMIN 300\r\n%% comment\r\na1b\r\n1c1\r\n");
    memset(text + k, 'x', 150);
    k += 150;
    text[k++] = '\n';
    for (int i = 0; i < 2000; i++) {
        unsigned char c = (unsigned char)(1 + rnd(255));
        text[k++] = c == '/' ? 'z' : (char)c;
    }
    text[k++] = '\n';
    k += (size_t)snprintf(text + k, sizeof text - k, "%.99s\n", "a1b1c1d1e1f1g1h1i1j1k1l1m1n1o1p1q1r1s1t1u1v1w1x1y1z1a1b1c1d1e1f1g1h1i1j1k1l1m1n1o1p1q1r1s1t1u1v1w1x");
    k += (size_t)snprintf(text + k, sizeof text - k, "%.98s\n", "b1c1d1e1f1g1h1i1j1k1l1m1n1o1p1q1r1s1t1u1v1w1x1y1z1a1b1c1d1e1f1g1h1i1j1k1l1m1n1o1p1q1r1s1t1u1v1w1x");
    write_file(p, text, k);
    Hyphenator *h = hyphen_load(p, 1, 1);
    HyphenDict *d = hnj_hyphen_load(p);
    CHECK("nonsense bytes and over-long lines load", h && d);
    static const char *const odd[] = { "abcabc", "kabcdefghij", "bcdefghijklmnopqrstuvwx", "aaaaaaaaaaaaaaaa" };
    bad = 0;
    for (size_t w = 0; h && d && w < sizeof odd / sizeof odd[0]; w++)
        bad += !same_points(h, d, 1, 1, odd[w]);
    CHECK("nonsense bytes and over-long lines: the same points as libhyphen", bad == 0);
    hyphen_free(h);
    if (d)
        hnj_hyphen_free(d);
    free(sv);
}


/* The build carries the default dictionary ready-made: that very file is
 * taken from the image, any other (here the same patterns and one more
 * comment line) is read, and the two hyphenate every word alike. */
static void image_and_file(const char *dic, const Words *l)
{
    Hyphenator *img = hyphen_load(dic, 2, 3);
    CHECK("the default dictionary comes from the program's image", hyphen_from_image(img));
    size_t n;
    char *text = test_slurp(dic, &n);
    CHECK("the dictionary reads", text != NULL);
    if (!img || !text) {
        hyphen_free(img);
        free(text);
        return;
    }
    char *more = malloc(n + 32);
    memcpy(more, text, n);
    memcpy(more + n, "% one line more\n", 16);
    write_file(tmp("copy.dic"), more, n + 16);
    Hyphenator *read = hyphen_load(tmp("copy.dic"), 2, 3);
    CHECK("another file is read, not taken from the image", read && !hyphen_from_image(read));
    size_t bad = 0;
    for (size_t i = 0; read && i < l->n; i++) {
        size_t k = strlen(l->w[i]);
        unsigned char a[128], b[128];
        if (k > 120)
            continue;
        int na = hyphen_points(img, l->w[i], k, a), nb = hyphen_points(read, l->w[i], k, b);
        bad += na != nb || memcmp(a, b, k + 1) != 0;
    }
    CHECK("the image and the file hyphenate every word alike", read && bad == 0);
    hyphen_free(read);
    hyphen_free(img);
    free(more);
    free(text);
    unlink(tmp("copy.dic"));
}

int main(void)
{
    if (!mkdtemp(tmpdir)) {
        perror("mkdtemp");
        return 1;
    }
    Words l = { 0 };
    DIR *dir = opendir("samples");
    struct dirent *e;
    while (dir && (e = readdir(dir))) {
        size_t k = strlen(e->d_name);
        if (k > 4 && strcmp(e->d_name + k - 4, ".xml") == 0) {
            char path[512];
            snprintf(path, sizeof path, "samples/%s", e->d_name);
            sample_words(&l, path);
        }
    }
    if (dir)
        closedir(dir);
    size_t from_samples = l.n;
    hunspell_words(&l, HUNSPELL);
    printf("words: %zu from samples/*.xml, %zu from %s\n", from_samples, l.n - from_samples, HUNSPELL);
    CHECK("the word list has at least 50 000 words (install hunspell-sv)", l.n >= 50000);

    against_libhyphen(SV, &l);
    image_and_file(SV, &l);
    random_patterns();
    bad_files();
    printf("compared: %zu words\n", compared);

    for (size_t i = 0; i < l.n; i++)
        free(l.w[i]);
    free(l.w);
    unlink(tmp("random.dic"));
    unlink(tmp("cut.dic"));
    unlink(tmp("fifo.dic"));
    rmdir(tmpdir);
    TEST_DONE();
}
