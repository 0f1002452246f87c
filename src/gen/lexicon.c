/*
 * lexicon.c - a build tool: the Swedish words compounds are made of,
 * from Hunspell's sv_SE dictionary (Debian hunspell-sv), as a table the
 * program carries (src/measure/compound.c reads it where it lies).
 *
 *   lexicon sv_SE.dic > lexicon.bin
 *
 * Each line of the .dic is "word/FLAGS". The affix file gives the flags'
 * meaning: X a word that may begin a compound, U one that may stand in
 * its middle, Y one that may end it, Z one that stands only in
 * compounds. The table keeps every word in ISO 8859-1 (the words with
 * other characters are left out: hyphenation works in Latin-1) with two
 * bits: 1 may begin or stand inside a compound (X, U), 2 may end one (Y).
 * A word's form with a linking s that may begin or stand inside one
 * (flags v and f: the affix file's "s/WXZ", "s/WUZ", a final a dropped)
 * is kept as such a word too, where the word has five letters or more:
 * "läsår/v" has no X, but "läsårs" begins "läsårsplaneringen" (the form,
 * not the word: "datornät/v" is no part of "datornät|verk"; and no
 * shorter word: "sorts" of "sort" read "land|sorts|stad").
 * Words with none of these flags (half the dictionary) are left out: they
 * take no part in compounds, and the table stays small.
 *
 * The file: "RPL3", the slot count (u32), a filter of LEXICON_FILTER
 * bytes (lexicon.h), then the slots (u64 each, little-endian): 0 empty, else the word's 64-bit hash with its two low
 * bits replaced by the word's bits. No word is stored: a look-up
 * compares hashes, and the build fails if two words of the dictionary
 * share one; a string that is no word matches one by chance once in 2^62
 * compares. So the table is a quarter of what strings and offsets took
 * (0.8 MB for 80 000 words), and a look-up touches one place of it
 * (linear probing, three quarters full), where the strings sent it to a
 * second page: the pages it touches are what the program's memory grows
 * by. Entries are placed Robin Hood fashion (one nearer its home slot
 * gives way to one farther from its own), so a look-up of a string that
 * is no word, which most are, stops at the first entry nearer its home
 * than the string's would be: two or three probes, where plain linear
 * probing takes eight at this load.
 * The hash, and where a probe begins, are in src/measure/lexicon.h.
 */
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../measure/lexicon.h"

/* UTF-8 s to Latin-1 lower case in out; the length, or -1 if a character
 * is outside Latin-1 or the word is too long. */
static int latin1(const char *s, size_t n, unsigned char *out)
{
    int k = 0;
    for (size_t i = 0; i < n; i++) {
        unsigned c = (unsigned char)s[i];
        if (c >= 0x80) {
            if ((c & 0xE0) != 0xC0 || i + 1 >= n)
                return -1;
            c = (c & 0x1F) << 6 | ((unsigned char)s[++i] & 0x3F);
            if (c > 0xFF)
                return -1;
        }
        if (k >= 63)
            return -1;
        out[k++] = (unsigned char)c;
    }
    return k;
}

static void put(uint64_t v, int bytes)
{
    for (int i = 0; i < bytes; i++)
        putchar((int)(v >> (8 * i) & 0xFF));
}

#define hash lexicon_hash
#define key lexicon_key
#define home(e, slots) ((size_t)lexicon_home(e, slots))
#define dist(e, k, slots) ((size_t)lexicon_dist(e, k, slots))

/* Place the words (each at pool + offs[i]: bits, length, letters) in
 * tab's slots, Robin Hood fashion: the entry nearer its home slot gives
 * way, so a look-up stops at the first entry nearer its home than it.
 * who[k] is the word in slot k. Returns how many words, or -1 if two
 * words have one hash. */
static size_t place(uint64_t *tab, size_t *who, size_t slots, const unsigned char *pool, const uint32_t *offs,
                    size_t nwords)
{
    size_t words = 0;
    for (size_t i = 0; i < nwords; i++) {
        const unsigned char *e = pool + offs[i];
        uint64_t h = hash(e + 2, e[1]);
        /* the same word twice (both meanings), or two words the table
         * cannot tell apart */
        size_t k = home(key(h), slots), d = 0;
        for (; tab[k] && d <= dist(tab[k], k, slots); k = k + 1 < slots ? k + 1 : 0, d++)
            if ((tab[k] & ~(uint64_t)3) == key(h))
                break;
        if (tab[k] && (tab[k] & ~(uint64_t)3) == key(h)) {
            const unsigned char *o = pool + offs[who[k]];
            if (o[1] != e[1] || memcmp(o + 2, e + 2, e[1]) != 0) {
                fprintf(stderr, "lexicon: \"%.*s\" and \"%.*s\" have one hash; change the hash\n",
                        o[1], (const char *)o + 2, e[1], (const char *)e + 2);
                return (size_t)-1;
            }
            tab[k] |= e[0];
            continue;
        }
        uint64_t v = key(h) | e[0];
        size_t vw = i;
        k = home(v, slots), d = 0;
        for (;; k = k + 1 < slots ? k + 1 : 0, d++) {
            if (!tab[k]) {
                tab[k] = v;
                who[k] = vw;
                break;
            }
            size_t dk = dist(tab[k], k, slots);
            if (dk < d) {
                uint64_t tv = tab[k];
                size_t tw = who[k];
                tab[k] = v, who[k] = vw;
                v = tv, vw = tw, d = dk;
            }
        }
        words++;
    }
    return words;
}

/* The words read, each at pool + offs[i]: its bits, its length, its
 * letters. */
typedef struct Words {
    unsigned char *pool;
    size_t         used, cap;
    uint32_t      *offs;
    size_t         n, offcap;
} Words;

/* Add w[0..n) with `bits`; false if out of memory. */
static bool keep(Words *ws, int bits, const unsigned char *w, int n)
{
    if (ws->used + (size_t)n + 2 > ws->cap) {
        ws->cap = ws->cap ? ws->cap * 2 : 1 << 20;
        unsigned char *p = realloc(ws->pool, ws->cap);
        if (!p)
            return false;
        ws->pool = p;
    }
    if (ws->n == ws->offcap) {
        ws->offcap = ws->offcap ? ws->offcap * 2 : 1 << 16;
        uint32_t *o = realloc(ws->offs, ws->offcap * sizeof *o);
        if (!o)
            return false;
        ws->offs = o;
    }
    ws->offs[ws->n++] = (uint32_t)ws->used;
    ws->pool[ws->used++] = (unsigned char)bits;
    ws->pool[ws->used++] = (unsigned char)n;
    memcpy(ws->pool + ws->used, w, (size_t)n);
    ws->used += (size_t)n;
    return true;
}

int main(int argc, char **argv)
{
    FILE *f = argc == 2 ? fopen(argv[1], "r") : NULL;
    if (!f) {
        fprintf(stderr, "usage: lexicon sv_SE.dic > lexicon.bin\n");
        return 2;
    }
    Words dict = { 0 };
    char line[512];
    if (!fgets(line, sizeof line, f)) {             /* the word count */
        fprintf(stderr, "lexicon: %s is empty\n", argv[1]);
        return 1;
    }
    while (fgets(line, sizeof line, f)) {
        char *slash = strchr(line, '/');
        char *end = line + strcspn(line, "\t\r\n");
        *end = 0;
        const char *flags = slash ? slash + 1 : "";
        size_t wl = slash ? (size_t)(slash - line) : strlen(line);
        unsigned char w[64];
        int n = latin1(line, wl, w);
        if (n < 2)
            continue;
        /* lower case: a name (capital in the dictionary) is kept as it is,
         * so the lower-case look-up of "Linköping" finds nothing */
        int bits = 0;
        if (strpbrk(flags, "XU"))
            bits |= 1;
        if (strchr(flags, 'Y'))
            bits |= 2;
        if (bits && !keep(&dict, bits, w, n))
            break;
        if (strpbrk(flags, "vf") && n >= 5 && n < 63 && w[n - 1] != 's') {
            if (w[n - 1] == 'a')
                n--;
            w[n++] = 's';
            if (!keep(&dict, 1, w, n))
                break;
        }
    }
    bool read_all = feof(f);        /* not stopped for want of memory */
    fclose(f);
    unsigned char *pool = dict.pool;
    uint32_t *offs = dict.offs;
    size_t nwords = dict.n;
    if (!read_all || !pool || !offs) {
        fprintf(stderr, "lexicon: out of memory\n");
        return 1;
    }
    size_t slots = nwords * 4 / 3 + 1;
    uint64_t *tab = calloc(slots, sizeof *tab);
    size_t *who = calloc(slots, sizeof *who);      /* the word in each slot */
    if (!tab || !who)
        return 1;
    size_t words = place(tab, who, slots, pool, offs, nwords);
    if (words == (size_t)-1)
        return 1;
    unsigned char *filter = calloc(LEXICON_FILTER, 1);
    if (!filter)
        return 1;
    for (size_t k = 0; k < slots; k++)
        if (tab[k])
            for (int i = 0; i < 3; i++) {
                unsigned b = lexicon_bit(tab[k], i);
                filter[lexicon_block(tab[k]) + b / 8] |= (unsigned char)(1u << (b % 8));
            }
    fwrite("RPL3", 1, 4, stdout);
    put(slots, 4);
    fwrite(filter, 1, LEXICON_FILTER, stdout);
    for (size_t k = 0; k < slots; k++)
        put(tab[k], 8);
    fprintf(stderr, "lexicon: %zu words, %zu slots, %zu bytes\n", words, slots,
            8 + (size_t)LEXICON_FILTER + slots * 8);
    return ferror(stdout) ? 1 : 0;
}
