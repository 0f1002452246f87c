/*
 * Unit tests: words put together from their pairs of plain glyphs
 * (measure/plain.h, font.c) against HarfBuzz shaping them whole. Every
 * word of the samples and the test reports, a share of the Swedish
 * hunspell dictionary, words made up to meet the fonts' ligatures and
 * kerning pairs ("tti", "ffl", "AVAT"), and random strings of the
 * characters that are plain, in each face in fonts/: glyphs, advances,
 * offsets, clusters and the unsafe-to-break flags must be the same. The
 * samples' words must mostly be put together (else the fast path is
 * gone and nothing here tests it).
 * Run from the source tree (the samples and the fonts).
 */
#include "test.h"
#include "base/diag.h"
#include "measure/font.h"
#include "measure/plain.h"

#include <dirent.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define HUNSPELL "/usr/share/hunspell/sv_SE.dic"

typedef struct Tally { long plain, hb, wrong; char first[128]; } Tally;

static void word(const Font *f, const char *s, size_t n, Tally *t)
{
    if (n == 0)
        return;
    int r = font_check_plain(f, s, n);
    if (r < 0) {
        t->hb++;
        return;
    }
    t->plain++;
    if (r == 0 && t->wrong++ == 0)
        snprintf(t->first, sizeof t->first, "%.*s", (int)(n < 100 ? n : 100), s);
}

/* The words of a file: its text between tags (and tags' attribute
 * values too, which do no harm), split at white space. */
static void words_of(const Font *f, const char *path, int every, Tally *t)
{
    FILE *fp = fopen(path, "rb");
    if (!fp)
        return;
    char buf[256];
    size_t n = 0;
    long seen = 0;
    int c;
    bool tag = false;
    while ((c = getc(fp)) != EOF) {
        bool end = c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '<' || c == '>' || c == '"' || c == '/';
        if (c == '<')
            tag = true;
        if (!end && !tag && n < sizeof buf)
            buf[n++] = (char)c;
        if (end) {
            if (n && seen++ % every == 0)
                word(f, buf, n, t);
            n = 0;
        }
        if (c == '>')
            tag = false;
    }
    fclose(fp);
}

static void report_files(const Font *f, const char *dir, Tally *t)
{
    DIR *d = opendir(dir);
    if (!d)
        return;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        if (len > 4 && strcmp(e->d_name + len - 4, ".xml") == 0) {
            char path[512];
            snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
            words_of(f, path, 1, t);
        }
    }
    closedir(d);
}

static const char *const made_up[] = {
    "AV", "AVAT", "To", "Vå", "Tå", "Yo", "Wa", "LT", "L'", "P.", "T,", "r.", "f.", "ff", "fi", "fl", "ffi",
    "ffl", "fj", "ft", "tt", "ti", "tf", "tti", "ttf", "ttt", "tft", "att", "mottagning", "aktivitet",
    "officiell", "affär", "tillfälle", "ärftlig", "Kaffe", "ATTI", "1877,0", "−1,4", "12,3%", "2024–2025",
    "”Ja”", "«Nej»", "‘a’", "…", "€", "Åtta", "Öster", "Ärende", "W.A.", "VATTEN", "Yta", "Tvätt", "fyrtiotvå",
    "Uppfyllt:", "Linköpings", "kr/inv", "(2023)", "[a]", "{b}", "a@b", "#1", "&", "x*y", "~", "^", "_",
    "kkx", "ekkxe", "fxi", "Verkkxa", "vkq", "–", "—", "a", "b", "I",
};

/* Random strings of plain characters, many of them the fonts' ligature
 * and kerning letters, from a fixed seed (the same every run). */
static void random_words(const Font *f, Tally *t)
{
    static const char *const pieces[] = {
        "f", "t", "i", "l", "j", "T", "V", "A", "W", "Y", "o", "a", "e", "å", "ä", "ö", "Å", "Ä", "Ö", "r", "y", "v",
        "P", "L", ".", ",", "-", "–", "’", "”", "1", "7", "0", "%", "(", ")", "/", ":", "k", "s",
    };
    unsigned x = 12345;
    for (int w = 0; w < 6000; w++) {
        char buf[64];
        size_t n = 0;
        x = x * 1103515245u + 12345u;
        int len = 2 + (int)((x >> 16) % 9);
        for (int k = 0; k < len; k++) {
            x = x * 1103515245u + 12345u;
            const char *p = pieces[(x >> 16) % (sizeof pieces / sizeof *pieces)];
            size_t pl = strlen(p);
            if (n + pl < sizeof buf) {
                memcpy(buf + n, p, pl);
                n += pl;
            }
        }
        word(f, buf, n, t);
    }
}

static const char *const faces[] = {
    "fonts/Carlito-Regular.ttf", "fonts/Carlito-Bold.ttf", "fonts/Carlito-Italic.ttf",
    "fonts/Carlito-BoldItalic.ttf", "fonts/DejaVuSans.ttf", "fonts/DejaVuSans-Bold.ttf",
    /* rules that words put together from pairs got wrong (tests/fonts/README.md) */
    "tests/fonts/required-context.ttf", "tests/fonts/ligature-of-three.ttf",
    "tests/fonts/ligature-over-skipped.ttf", "tests/fonts/ligature-skipping-bases.ttf",
};

static unsigned g16(const unsigned char *p) { return (unsigned)(p[0] << 8 | p[1]); }
static void p16(unsigned char *p, unsigned v) { p[0] = (unsigned char)(v >> 8); p[1] = (unsigned char)v; }
static unsigned long g32(const unsigned char *p) { return (unsigned long)g16(p) << 16 | g16(p + 2); }

/* Carlito with its capital spacing (cpsp, off by default) made the
 * feature every language system of GPOS requires, which HarfBuzz applies
 * whatever its tag: "I" gets room beside it. Written to path; false if
 * the font is not as expected. */
static bool required_cpsp(const char *path)
{
    FILE *fp = fopen("fonts/Carlito-Regular.ttf", "rb");
    static unsigned char d[1 << 20];
    size_t n = fp ? fread(d, 1, sizeof d, fp) : 0;
    if (fp)
        fclose(fp);
    size_t gpos = 0, glen = 0, rec = 0;
    for (unsigned i = 0; n > 12 && i < g16(d + 4); i++)
        if (memcmp(d + 12 + i * 16, "GPOS", 4) == 0) {
            rec = 12 + i * 16;
            gpos = g32(d + rec + 8);
            glen = g32(d + rec + 12);
        }
    if (!gpos || gpos + glen > n)
        return false;
    unsigned char *t = d + gpos, *fl = t + g16(t + 6), *sl = t + g16(t + 4);
    unsigned cpsp = 0xFFFF;
    for (unsigned i = 0; i < g16(fl) && cpsp == 0xFFFF; i++)
        if (memcmp(fl + 2 + i * 6, "cpsp", 4) == 0)
            cpsp = i;
    if (cpsp == 0xFFFF)
        return false;
    for (unsigned i = 0; i < g16(sl); i++) {
        unsigned char *sc = sl + g16(sl + 2 + i * 6 + 4);
        if (g16(sc))
            p16(sc + g16(sc) + 2, cpsp);        /* the default language system */
        for (unsigned k = 0; k < g16(sc + 2); k++)
            p16(sc + g16(sc + 4 + k * 6 + 4) + 2, cpsp);
    }
    unsigned long sum = 0;
    for (size_t k = 0; k < glen; k += 4) {
        unsigned char w[4] = { 0, 0, 0, 0 };
        memcpy(w, t + k, glen - k < 4 ? glen - k : 4);
        sum += g32(w);
    }
    d[rec + 4] = (unsigned char)(sum >> 24);
    d[rec + 5] = (unsigned char)(sum >> 16);
    d[rec + 6] = (unsigned char)(sum >> 8);
    d[rec + 7] = (unsigned char)sum;
    fp = fopen(path, "wb");
    bool ok = fp && fwrite(d, 1, n, fp) == n;
    if (fp)
        fclose(fp);
    return ok;
}

/* A feature a language system requires is applied: a word with its
 * glyphs is HarfBuzz's (it was put together without it). */
static void required_feature(void)
{
    char path[] = "/tmp/rapport-shaping-XXXXXX";
    int fd = mkstemp(path);
    if (fd >= 0)
        close(fd);
    CHECK("a font with a required feature is made", fd >= 0 && required_cpsp(path));
    Rp rp;
    memset(&rp, 0, sizeof rp);
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    rp.threads = 1;
    Font *f = font_load(&rp, path, path, 0, 0);
    CHECK("the font with a required feature loads", f != NULL);
    if (f) {
        const char *w[] = { "I", "Ia", "AI", "Vår", "Linköping", "II" };
        bool same = true;
        for (size_t i = 0; i < sizeof w / sizeof *w; i++)
            same = same && font_check_plain(f, w[i], strlen(w[i])) != 0;
        CHECK("a required feature's glyphs are shaped by HarfBuzz", same);
    }
    diags_free(&rp.diags);
    arena_free(&rp.arena);
    unlink(path);
}

/* The word cache tells apart words that differ in one byte, at every
 * place and length: the first 16 bytes are compared as two numbers,
 * read in overlapping pieces (font.c's key_of), the rest byte by byte.
 * Every word is measured once into the cache and then shaped from it;
 * a word found as another would bring that word's glyphs. */
static bool cache_tells_apart(const Font *f)
{
    static const char *const letter[] = { "a", "W", "\xC3\xA5", "i" };   /* å: two bytes */
    char words[1300][48];
    int nw = 0;
    for (int len = 1; len <= 40; len++)
        for (int at = -1; at < len && nw < 1300; at++) {   /* -1: "aaa...", which the others differ from */
            char *w = words[nw++];
            size_t k = 0;
            for (int q = 0; q < len; q++) {
                const char *l = letter[q == at ? 1 + (len + at + 3) % 3 : 0];
                for (size_t b = 0; l[b] && k + 1 < sizeof words[0]; b++)
                    w[k++] = l[b];
            }
            w[k] = 0;
        }
    for (int i = 0; i < nw; i++)
        font_text_width(f, words[i], strlen(words[i]), 11000);
    bool ok = true;
    for (int i = 0; i < nw && ok; i++) {
        const FontGlyph *g;
        size_t n = strlen(words[i]);
        int ng = font_shape(f, words[i], n, &g);
        size_t at = 0;
        for (int q = 0; q < ng && ok; q++) {
            uint32_t cp = (unsigned char)words[i][at];
            if (cp == 0xC3)
                cp = 0xE5;
            ok = g[q].cluster == at && g[q].gid == font_glyph(f, cp);
            at += cp == 0xE5 ? 2 : 1;
        }
        ok = ok && at == n;
        if (!ok)
            fprintf(stderr, "  \"%s\" came back as another word's glyphs\n", words[i]);
    }
    return ok;
}

/* Faces named on the command line are checked instead of fonts/ (other
 * fonts a layout may name: the system's). */
int main(int argc, char **argv)
{
    const char *const *face = argc > 1 ? (const char *const *)argv + 1 : faces;
    size_t nfaces = argc > 1 ? (size_t)argc - 1 : sizeof faces / sizeof *faces;
    for (size_t i = 0; i < nfaces; i++) {
        Rp rp;
        memset(&rp, 0, sizeof rp);
        arena_init(&rp.arena);
        diags_init(&rp.diags);
        rp.threads = 1;
        Font *f = font_load(&rp, face[i], face[i], 0, 0);
        if (!f && argc > 1) {           /* not a TrueType font rapport takes (CFF, damaged) */
            diags_free(&rp.diags);
            arena_free(&rp.arena);
            continue;
        }
        CHECK("the face loads", f != NULL);
        if (!f) {
            diags_free(&rp.diags);
            arena_free(&rp.arena);
            continue;
        }
        Tally samples = { 0 }, all = { 0 };
        report_files(f, "samples", &samples);
        all = samples;
        report_files(f, "tests", &all);
        words_of(f, HUNSPELL, 25, &all);
        for (size_t k = 0; k < sizeof made_up / sizeof *made_up; k++)
            word(f, made_up[k], strlen(made_up[k]), &all);
        random_words(f, &all);
        printf("%s: %ld words put together from pairs, %ld shaped whole\n", face[i], all.plain, all.hb);
        if (all.wrong)
            fprintf(stderr, "%s: %ld words differ from HarfBuzz's, the first \"%s\"\n", face[i], all.wrong,
                    all.first);
        CHECK("every word put together from pairs is HarfBuzz's word", all.wrong == 0);
        if (argc == 1 && strstr(face[i], "Carlito")) {
            CHECK("most of the samples' words are put together from pairs",
                  samples.plain > 2 * samples.hb && samples.plain > 5000);
            CHECK("the ligatures' letters are shaped whole where they meet",
                  font_check_plain(f, "att", 3) < 0 && font_check_plain(f, "office", 6) < 0 &&
                  font_check_plain(f, "Vår", 4) == 1);
            CHECK("the word cache tells apart words one byte apart, at every place and length",
                  cache_tells_apart(f));
        }
        diags_free(&rp.diags);
        arena_free(&rp.arena);
    }
    if (argc == 1)
        required_feature();
    TEST_DONE();
}
