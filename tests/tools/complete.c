/*
 * complete.c - is every line of a seed report in the rendered PDF?
 *
 *   complete [--unordered] SEED.txt PDF.txt      (PDF.txt from pdftotext -raw)
 *
 * Every line of prose and every table row of the seed (the text
 * extracted from the published report), with the extraction's artefacts
 * stripped (<i>, **, list dashes, lone page numbers, the old table of
 * contents), must be found in the PDF's text. Both sides are compared
 * after the same normalisation, which removes what layout legitimately
 * changes: white space and line breaks, hyphens (hyphenation, minus
 * signs), footnote digits (superscripts in the seed, small digits read
 * "[7]" in the PDF), emphasis asterisks; typographic quotes read as
 * straight ones. Table rows are matched cell by cell, in
 * order (--unordered: each cell anywhere, for layouts where a tall row
 * is sliced over pages and its cells' lines interleave). Prints every
 * missing line and a summary; exits 1 if any is missing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MARK '\x01'      /* "footnote digits may stand here" */

/* Does needle match hay at its start? MARK matches any run of digits,
 * bracketed or not (the PDF's text reads a mark "[7]"). */
static size_t match_at(const char *hay, const char *needle)
{
    const char *h = hay;
    for (const char *q = needle; *q; q++) {
        if (*q == MARK) {
            if (q[1]) {               /* a trailing mark need not consume */
                const char *m = h + (*h == '[');
                while (*m >= '0' && *m <= '9')
                    m++;
                if (*h != '[' || (m > h + 1 && *m == ']'))
                    h = *h == '[' ? m + 1 : m;
            }
            continue;
        }
        if (*h != *q)
            return 0;
        h++;
    }
    return (size_t)(h - hay) + (h == hay);
}

/* First place in hay where needle matches; *len gets the matched length. */
static const char *find(const char *hay, const char *needle, size_t *len)
{
    char first = needle[0];
    for (const char *p = hay; *p; p++) {
        if (first != MARK && *p != first)
            continue;
        size_t m = match_at(p, needle);
        if (m) {
            if (len) *len = m;
            return p;
        }
    }
    return NULL;
}

static char *slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f) { perror(path); exit(2); }
    fseek(f, 0, SEEK_END);
    long n = ftell(f);
    rewind(f);
    char *b = malloc((size_t)n + 1);
    if (!b || fread(b, 1, (size_t)n, f) != (size_t)n) { perror(path); exit(2); }
    b[n] = 0;
    fclose(f);
    *len = (size_t)n;
    return b;
}

/* Normalise s[0..n) into out; returns the length. */
static size_t norm(const char *s, size_t n, char *out)
{
    static const char *drop[] = {
        " ", "\t", "\n", "\r", "\f", "\xC2\xA0", "\xE2\x80\xAF", "\xE2\x80\x89",
        "-", "\xE2\x80\x90", "\xE2\x80\x91", "\xE2\x80\x93", "\xE2\x88\x92", "\xC2\xAD",
        "*", "\xC2\xB7", "\xE2\x80\xA2", NULL };
    static const char *sup[] = {
        "\xC2\xB9", "\xC2\xB2", "\xC2\xB3", "\xE2\x81\xB0", "\xE2\x81\xB4", "\xE2\x81\xB5",
        "\xE2\x81\xB6", "\xE2\x81\xB7", "\xE2\x81\xB8", "\xE2\x81\xB9", NULL };
    size_t k = 0;
    for (size_t i = 0; i < n;) {
        int hit = 0;
        for (int d = 0; drop[d] && !hit; d++) {
            size_t dl = strlen(drop[d]);
            if (i + dl <= n && memcmp(s + i, drop[d], dl) == 0) {
                i += dl;
                hit = 1;
            }
        }
        /* a footnote mark in the seed: any digits may stand there in the PDF */
        for (int d = 0; sup[d] && !hit; d++) {
            size_t dl = strlen(sup[d]);
            if (i + dl <= n && memcmp(s + i, sup[d], dl) == 0) {
                i += dl;
                hit = 1;
                if (!k || out[k - 1] != MARK)
                    out[k++] = MARK;
            }
        }
        if (hit)
            continue;
        if (s[i] == '<') {                  /* extraction artefacts: <i>, <li>, <ul ...> */
            const char *e = memchr(s + i, '>', n - i);
            if (e && e - (s + i) < 80 && (s[i + 1] == '/' || (s[i + 1] >= 'a' && s[i + 1] <= 'z'))) {
                i = (size_t)(e - s) + 1;
                continue;
            }
        }
        /* typographic quotes (rapport prints ” ’ for " ') read as straight ones */
        if (i + 3 <= n && (unsigned char)s[i] == 0xE2 && (unsigned char)s[i + 1] == 0x80 &&
            (unsigned char)s[i + 2] >= 0x98 && (unsigned char)s[i + 2] <= 0x9D &&
            (unsigned char)s[i + 2] != 0x9A && (unsigned char)s[i + 2] != 0x9B) {
            out[k++] = (unsigned char)s[i + 2] >= 0x9C ? '"' : '\'';
            i += 3;
            continue;
        }
        out[k++] = s[i++];
    }
    out[k] = 0;
    return k;
}

/* Is needle in hay, whole or in up to `splits` + 1 consecutive parts?
 * A paragraph that runs over a page has the page's footnotes and footer
 * between its halves in the extracted text. Each place where the
 * needle's start stands is tried: the longest part that matches there,
 * then the rest within a page's worth of text after it. */
static long budget;     /* bounds the search: a hopeless line gives up */

static int found_split(const char *hay, const char *needle, size_t n, int splits)
{
    if (find(hay, needle, NULL))
        return 1;
    if (splits <= 0 || n < 2 || --budget < 0)
        return 0;
    size_t head = n < 4 ? 1 : 4;
    if (head < 1)
        return 0;
    char *pre = malloc(n + 1);
    memcpy(pre, needle, head);
    pre[head] = 0;
    int ok = 0;
    size_t ml = 0;
    for (const char *p = find(hay, pre, &ml); p && !ok; p = find(p + 1, pre, &ml)) {
        /* the longest prefix of needle that matches at p */
        size_t lo = head, hi = n - 1, best = head, bestlen = ml;
        while (lo <= hi) {
            size_t mid = (lo + hi) / 2;
            memcpy(pre, needle, mid);
            pre[mid] = 0;
            size_t l = match_at(p, pre);
            if (l) { best = mid; bestlen = l; lo = mid + 1; } else { hi = mid - 1; }
        }
        if (best < 4 && n > 8) {           /* too short a piece to trust */
            memcpy(pre, needle, head);
            pre[head] = 0;
            continue;
        }
        char *window = strndup(p + bestlen, 4000);
        ok = found_split(window, needle + best, n - best, splits - 1);
        free(window);
        memcpy(pre, needle, head);
        pre[head] = 0;
    }
    free(pre);
    return ok;
}

int main(int argc, char **argv)
{
    int unordered = argc == 4 && !strcmp(argv[1], "--unordered");
    if (unordered) {
        argv++;
        argc--;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: complete [--unordered] SEED.txt PDF.txt\n");
        return 2;
    }
    size_t sl, pl;
    char *seed = slurp(argv[1], &sl), *pdf = slurp(argv[2], &pl);
    char *npdf = malloc(pl + 1);
    norm(pdf, pl, npdf);
    int checked = 0, missing = 0;
    int toc = 0;           /* 0 before, 1 in the heading's blank lines, 2 in entries, 3 after */
    char *line = seed;
    char *buf = malloc(sl + 1), *cell = malloc(sl + 1);
    while (line && *line) {
        char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        memcpy(buf, line, len);
        buf[len] = 0;
        line = nl ? nl + 1 : NULL;
        /* strip markdown heading marks and list dashes */
        char *t = buf;
        while (*t == '#') t++;
        while (*t == ' ' || *t == '\t') t++;
        if (!strncmp(t, "- ", 2)) t += 2;
        char probe[4096];
        size_t pn = norm(t, strlen(t), probe);
        /* the seed's own table of contents */
        if (toc == 0 && (!strcmp(probe, "Innehåll") || !strcmp(probe, "**Innehåll**"))) { toc = 1; continue; }
        if (toc == 1) { if (pn) toc = 2; else continue; }
        if (toc == 2) { if (pn) continue; toc = 3; continue; }
        if (pn == 0)
            continue;
        int digits_only = 1;
        for (char *q = t; *q; q++)
            if (!(*q >= '0' && *q <= '9') && *q != ' ' && *q != '\t' && *q != '\r')
                digits_only = 0;
        if (digits_only)
            continue;                        /* a lone page number */
        checked++;
        int ok = 1;
        budget = 100000;
        if (!strchr(t, '\t')) {
            ok = found_split(npdf, probe, pn, 2);
        } else if (unordered) {
            for (char *c = t; c && ok;) {
                char *tab = strchr(c, '\t');
                size_t cl = tab ? (size_t)(tab - c) : strlen(c);
                size_t nc = norm(c, cl, cell);
                if (nc)
                    ok = found_split(npdf, cell, nc, 40);
                c = tab ? tab + 1 : NULL;
            }
        } else {
            /* a table row: its cells in order, each within reach of the last */
            const char *from = NULL;
            char *c = t;
            int first = 1;
            const char *anchor = npdf;
            while (ok) {
                char *tab = strchr(c, '\t');
                size_t cl = tab ? (size_t)(tab - c) : strlen(c);
                size_t nc = norm(c, cl, cell);
                if (nc) {
                    if (first) {
                        /* try each place the first cell stands */
                        size_t ml = 0;
                        const char *p = find(anchor, cell, &ml);
                        int row_ok = 0;
                        while (p && !row_ok) {
                            const char *q = p + ml;
                            char *c2 = tab ? tab + 1 : NULL;
                            char prevc[4096];
                            snprintf(prevc, sizeof prevc, "%s", cell);
                            row_ok = 1;
                            while (c2) {
                                char *tab2 = strchr(c2, '\t');
                                size_t cl2 = tab2 ? (size_t)(tab2 - c2) : strlen(c2);
                                char tmp[4096];
                                size_t n2 = norm(c2, cl2 < 4000 ? cl2 : 4000, tmp);
                                /* a spanning header cell is extracted once per column */
                                if (n2 && strcmp(tmp, prevc) != 0) {
                                    size_t m2 = 0;
                                    const char *h = find(q, tmp, &m2);
                                    if (!h || h - q > 3000) { row_ok = 0; break; }
                                    q = h + m2;
                                    snprintf(prevc, sizeof prevc, "%s", tmp);
                                }
                                c2 = tab2 ? tab2 + 1 : NULL;
                            }
                            if (!row_ok)
                                p = find(p + 1, cell, &ml);
                        }
                        ok = row_ok;
                        break;
                    }
                }
                if (!tab) break;
                c = tab + 1;
            }
            (void)from;
        }
        if (!ok) {
            missing++;
            printf("missing: %s\n", t);
        }
    }
    printf("%s: %d lines checked, %d missing\n", argv[1], checked, missing);
    free(seed); free(pdf); free(npdf); free(buf); free(cell);
    return missing ? 1 : 0;
}
