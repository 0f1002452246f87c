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
 * Words with neither flag (half the dictionary) are left out: they take
 * no part in compounds, and the table stays small.
 *
 * The file: "RPLX", the slot count (a power of two), a filter of
 * FILTER_BITS bits (bit (hash >> 11) & (FILTER_BITS - 1) set for each
 * word: most look-ups are of strings that are no word, and the filter
 * answers them from 256 KB, where the table would touch pages all over
 * its 4 MB), then the slots (u32: 0 empty, else the word's offset in the
 * pool + 1), then the pool of entries: a byte of bits, a byte of length,
 * the word. Hash: FNV-1a of the word's bytes; linear probing; half full
 * at most.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint32_t hash(const unsigned char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ s[i]) * 16777619u;
    return h;
}

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

enum { FILTER_BITS = 1 << 21 };

static void put32(uint32_t v)
{
    unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
    fwrite(b, 1, 4, stdout);
}

int main(int argc, char **argv)
{
    FILE *f = argc == 2 ? fopen(argv[1], "r") : NULL;
    if (!f) {
        fprintf(stderr, "usage: lexicon sv_SE.dic > lexicon.bin\n");
        return 2;
    }
    size_t cap = 1 << 20, used = 0, nwords = 0;
    unsigned char *pool = malloc(cap);
    uint32_t *offs = NULL;
    size_t offcap = 0;
    char line[512];
    if (!fgets(line, sizeof line, f)) {             /* the word count */
        fprintf(stderr, "lexicon: %s is empty\n", argv[1]);
        return 1;
    }
    while (pool && fgets(line, sizeof line, f)) {
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
        if (!bits)
            continue;
        if (used + (size_t)n + 2 > cap) {
            cap *= 2;
            pool = realloc(pool, cap);
            if (!pool)
                break;
        }
        if (nwords == offcap) {
            offcap = offcap ? offcap * 2 : 1 << 16;
            offs = realloc(offs, offcap * sizeof *offs);
            if (!offs)
                break;
        }
        offs[nwords++] = (uint32_t)used;
        pool[used++] = (unsigned char)bits;
        pool[used++] = (unsigned char)n;
        memcpy(pool + used, w, (size_t)n);
        used += (size_t)n;
    }
    fclose(f);
    if (!pool || !offs) {
        fprintf(stderr, "lexicon: out of memory\n");
        return 1;
    }
    size_t slots = 1;
    while (slots < nwords * 2)
        slots *= 2;
    uint32_t *tab = calloc(slots, sizeof *tab);
    if (!tab)
        return 1;
    for (size_t i = 0; i < nwords; i++) {
        const unsigned char *e = pool + offs[i];
        size_t k = hash(e + 2, e[1]) & (slots - 1);
        for (;; k = (k + 1) & (slots - 1)) {
            if (!tab[k]) {
                tab[k] = offs[i] + 1;
                break;
            }
            const unsigned char *o = pool + tab[k] - 1;
            if (o[1] == e[1] && memcmp(o + 2, e + 2, e[1]) == 0) {
                pool[tab[k] - 1] |= e[0];       /* the same word twice: both meanings */
                break;
            }
        }
    }
    unsigned char *filter = calloc(FILTER_BITS / 8, 1);
    if (!filter)
        return 1;
    for (size_t i = 0; i < nwords; i++) {
        const unsigned char *e = pool + offs[i];
        uint32_t b = (hash(e + 2, e[1]) >> 11) & (FILTER_BITS - 1);
        filter[b >> 3] |= (unsigned char)(1 << (b & 7));
    }
    fwrite("RPLX", 1, 4, stdout);
    put32((uint32_t)slots);
    fwrite(filter, 1, FILTER_BITS / 8, stdout);
    for (size_t k = 0; k < slots; k++)
        put32(tab[k]);
    fwrite(pool, 1, used, stdout);
    fprintf(stderr, "lexicon: %zu words, %zu slots, %zu bytes\n", nwords, slots,
            8 + FILTER_BITS / 8 + slots * 4 + used);
    return ferror(stdout) ? 1 : 0;
}
