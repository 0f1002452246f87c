/*
 * hyphen.c - Liang's hyphenation patterns, read from a libhyphen .dic file
 * (measure stage). See hyphen.h.
 *
 * Owns one malloc'd Hyphenator: the trie of the patterns' keys in a hash
 * table, and a pool of their digits. It borrows nothing and keeps no file
 * open.
 *
 * Design notes
 * ------------
 * The model. A pattern such as ".a2bi5e" is a key (".abie") and one digit
 * before, between and after its letters ("0,2,0,5,0"). The word is framed
 * by dots, ".word.", and every pattern found in it raises the value of
 * each gap to at least its digit; an odd value allows a hyphen (Liang,
 * "Word Hy-phen-a-tion by Com-put-er", 1983).
 *
 * We must give what libhyphen gave, which is not quite that: libhyphen runs
 * an automaton over ".word." whose state after each letter is the longest
 * suffix read so far that begins some pattern (a trie node), and applies
 * only that node's pattern, if it is one. Its dictionaries are prepared so
 * that the two agree (substrings.pl merges the digits of every pattern into
 * the longer ones containing it), but a dictionary that is not, gives
 * libhyphen's answer, and so do we.
 *
 * The patterns are kept as a trie of their keys, stored in one hash
 * table: a node is its parent's number and one byte, so finding the node
 * of a substring one byte longer is one hash and one 32-bit compare, and
 * no key is stored. Loading is one pass over the file, each pattern walked
 * down from the root and the missing nodes added. Matching walks from
 * each start in ".word." while the substring is a node.
 *
 * Invariants:
 *  1. Every prefix of a node is a node, so a walk may stop at the first
 *     substring that is not one; a node with no longer one says so
 *     (SLOT_LEAF), so the walk stops there without a failed probe.
 *  2. Node numbers start at ROOT (which has no slot: its children are in
 *     root[], one per byte, since every walk begins there) and stay below 2^24,
 *     since the file has fewer key bytes than FILE_MAX; a slot's link is
 *     parent << 8 | byte, never 0, so 0 marks an empty slot.
 *  3. The table is never more than 3/4 full, so every probe ends; it grows
 *     only before a pattern's walk, so a slot found stays put during it.
 *
 * What libhyphen does besides the patterns, and we do the same way (read
 * hnj_hyphen_hyphenate3 in libhyphen 2.8.8, which rapport called with the
 * caller's minimums and 2, 2 for compounds):
 *  - digits in the word read as word boundaries ('.');
 *  - a word holding '-' or '\'' is split there into parts, each part
 *    hyphenated alone with the compound minimums; no hyphen is put next to
 *    '-' or '\'' (libhyphen's implicit first level);
 *  - LEFTHYPHENMIN/RIGHTHYPHENMIN raise the caller's minimums, and
 *    COMPOUNDLEFT/RIGHTHYPHENMIN the compound ones.
 * What it supports and we refuse (hyphen_load returns NULL): a second
 * level (NEXTLEVEL), non-standard patterns ("ff1f/f=f,2,2"), and a charset
 * other than ISO 8859-1, since words are converted to Latin-1.
 */
#include "hyphen.h"
#include "../base/arena.h"
#include "../base/utf8.h"

#include <assert.h>
#include <endian.h>
#include <stdbool.h>
#include <stdio.h>
#include <sys/mman.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

enum {
    MAX_WORD = 63,              /* longer words are not hyphenated */
    LINE_MAX_BYTES = 98,        /* libhyphen skips longer lines (fgets into 100 bytes) */
    FILE_MAX = 16 << 20,        /* the biggest .dic files are a few MB; invariant 2 */
    ROOT = 1                    /* the empty key's node number */
};

enum { SLOT_LEAF = 1 };         /* in Slot.node: no node extends this one */

typedef struct {
    uint32_t link;              /* parent node << 8 | byte; 0: an empty slot */
    uint32_t node;              /* this node's number << 1 | SLOT_LEAF */
} Slot;

struct Hyphenator {
    Slot          *slot;
    uint32_t       mask;        /* slots - 1; slots are a power of two */
    int            shift;       /* 32 - log2(slots) */
    uint32_t       root[256];   /* the root's children, as Slot.node, or 0 */
    uint32_t       nodes;       /* node numbers given, ROOT included */
    uint32_t      *pattern;     /* by node: 1 + its pattern's offset in pool, or 0 */
    uint32_t       npattern_cap;
    unsigned char *pool;        /* per pattern: key length, first and count of the
                                 * digits from the first non-zero to the last, digits */
    size_t         npool;
    int left, right;            /* the caller's minimums, as rapport applies them */
    int lhmin, rhmin;           /* as libhyphen applies them (dictionary's raise them) */
    int clhmin, crhmin;         /* the same for the parts of a hyphenated compound */
    int dl, dr, dcl, dcr;       /* the dictionary's own (its *HYPHENMIN lines), 0 none */
    bool borrowed;              /* slot, pattern and pool lie in the program's image */
};

/* The build's image of a dictionary (src/gen/patterns.c, hyphen_image);
 * empty in the tool that makes it. */
extern const unsigned char rp_patterns[], rp_patterns_end[];

/* The slot of the node extending `parent` by byte c, or the empty slot
 * where it would go: Fibonacci hashing of the link. */
static inline Slot *probe(const Hyphenator *h, uint32_t parent, unsigned char c)
{
    uint32_t link = parent << 8 | c;
    for (uint32_t i = (link * 2654435769u) >> h->shift;; i = (i + 1) & h->mask) {
        Slot *s = &h->slot[i];
        if (s->link == link || s->link == 0)
            return s;
    }
}

static void alloc_slots(Hyphenator *h, int bits)
{
    h->slot = xmalloc(sizeof *h->slot << bits);
    memset(h->slot, 0, sizeof *h->slot << bits);
    h->mask = (1u << bits) - 1;
    h->shift = 32 - bits;
}

static void grow(Hyphenator *h)
{
    Slot *old = h->slot;
    uint32_t n = h->mask + 1;
    alloc_slots(h, 33 - h->shift);
    for (uint32_t i = 0; i < n; i++)
        if (old[i].link)
            *probe(h, old[i].link >> 8, (unsigned char)old[i].link) = old[i];
    free(old);
}

/* Add the pattern key[0..len) with digits[0..len], the non-zero ones from
 * first to last (first > last if none), and the nodes of its prefixes
 * (invariant 1). A pattern given twice keeps its last digits, as in
 * libhyphen. */
static void add_pattern(Hyphenator *h, const unsigned char *key, int len, const unsigned char *digits,
                        int first, int last)
{
    if ((h->nodes + (uint32_t)len) * 4 > (h->mask + 1) * 3)
        grow(h);
    if (h->nodes + (uint32_t)len >= h->npattern_cap) {
        h->npattern_cap = 2 * (h->nodes + (uint32_t)len);
        h->pattern = xrealloc(h->pattern, h->npattern_cap * sizeof *h->pattern);
    }
    uint32_t *up = &h->root[key[0]];
    if (!*up) {
        *up = h->nodes << 1 | SLOT_LEAF;
        h->pattern[h->nodes++] = 0;
    }
    uint32_t node = *up >> 1;
    for (int k = 1; k < len; k++) {
        Slot *s = probe(h, node, key[k]);
        if (!s->link) {
            assert(h->nodes < 1u << 24);
            *up &= ~(uint32_t)SLOT_LEAF;
            s->link = node << 8 | key[k];
            s->node = h->nodes << 1 | SLOT_LEAF;
            h->pattern[h->nodes++] = 0;
        }
        node = s->node >> 1;
        up = &s->node;
    }
    unsigned char *p = h->pool + h->npool;
    p[0] = (unsigned char)len;
    p[1] = (unsigned char)(first <= last ? first : 0);
    p[2] = (unsigned char)(first <= last ? last - first + 1 : 0);
    for (int k = 0; k < p[2]; k++)
        p[3 + k] = digits[first + k];
    h->pattern[node] = (uint32_t)h->npool + 1;
    h->npool += 3 + (size_t)p[2];
}

/* Read all of the regular file at `path` into a malloc'd buffer (NUL
 * after the end); NULL for a missing file, a folder, a pipe, a device, or
 * an unlikely size. O_NONBLOCK: opening a FIFO must not wait for a writer. */
static unsigned char *read_file(const char *path, size_t *len)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size > FILE_MAX) {
        close(fd);
        return NULL;
    }
    size_t size = (size_t)st.st_size, n = 0;
    unsigned char *buf = xmalloc(size + 1);
    while (n < size) {
        ssize_t r = read(fd, buf + n, size - n);
        if (r < 0 && errno == EINTR)
            continue;
        if (r <= 0)
            break;              /* the file shrank, or an error: use what we have */
        n += (size_t)r;
    }
    close(fd);
    buf[n] = 0;
    *len = n;
    return buf;
}

/* Add the pattern on the line at `line`, which ends at a '\n' or at the
 * NUL after the file; the pattern ends at its first space or control
 * character. Returns the line's end. A line libhyphen would skip (too
 * long) adds nothing; *bad is set for a non-standard pattern ("/"
 * anywhere on the line, as libhyphen looks for it). */
static const unsigned char *add_line(Hyphenator *h, const unsigned char *line, int *bad)
{
    unsigned char key[LINE_MAX_BYTES + 1], digits[LINE_MAX_BYTES + 2];
    int len = 0, slash = 0, first = -1, last = -2, redo = 0;
    const unsigned char *p = line;
    digits[0] = 0;
    for (; *p > ' ' && p - line <= LINE_MAX_BYTES; p++) {
        unsigned d = (unsigned)*p - '0';
        if (d <= 9) {
            digits[len] = (unsigned char)d;
            if (d) {
                first = first < 0 ? len : first;
                last = len;
            } else {
                redo |= last == len;    /* "a10b": the 0 replaces the 1 */
            }
        } else {
            slash |= *p == '/';
            key[len++] = *p;
            digits[len] = 0;
        }
    }
    const unsigned char *end = p;
    if (*p != '\n' && *p != 0) {
        end = (const unsigned char *)strchr((const char *)p, '\n');
        if (!end)
            end = p + strlen((const char *)p);
        slash |= memchr(p, '/', (size_t)(end - p)) != NULL;
    }
    if (end - line > LINE_MAX_BYTES)
        return end;
    if (slash)
        *bad = 1;
    if (slash || len == 0)      /* digits alone: libhyphen never uses them */
        return end;
    if (redo) {
        for (first = 0; first <= len && digits[first] == 0; first++)
            ;
        for (last = len; last >= first && digits[last] == 0; last--)
            ;
    }
    add_pattern(h, key, len, digits, first, last);
    return end;
}

static int keyword(const unsigned char *line, const char *word)
{
    return strncmp((const char *)line, word, strlen(word)) == 0;
}

/* libhyphen keeps the minimums in a char: LEFTHYPHENMIN 300 is 44. */
static int hyphenmin(const unsigned char *line, const char *word)
{
    return (signed char)atoi((const char *)line + strlen(word));
}

/* The first line names the charset: only ISO 8859-1 is ours. */
static int latin1_charset(const unsigned char *line, size_t len)
{
    while (len > 0 && (line[len - 1] == '\r' || line[len - 1] == ' ' || line[len - 1] == '\t'))
        len--;
    return (len == 9 && strncasecmp((const char *)line, "ISO8859-1", 9) == 0) ||
           (len == 10 && strncasecmp((const char *)line, "ISO-8859-1", 10) == 0);
}

/* The minimums rapport and libhyphen apply, from the caller's and the
 * dictionary's. */
static void minimums(Hyphenator *h, int left, int right)
{
    int dl = h->dl, dr = h->dr, dcl = h->dcl, dcr = h->dcr;
    /* hnj_hyphen_hyphenate3(dict, ..., left, right, 2, 2), where the
     * dictionary libhyphen returns is its implicit first level, which
     * copies the minimums of the patterns' level below it */
    int clh = dcl ? dcl : dl ? dl : 3;
    int crh = dcr ? dcr : dr ? dr : 3;
    h->left = left > 0 ? left : 2;
    h->right = right > 0 ? right : 2;
    h->lhmin = h->left > dl ? h->left : dl;
    h->rhmin = h->right > dr ? h->right : dr;
    if (h->lhmin <= 0)
        h->lhmin = 2;
    if (h->rhmin <= 0)
        h->rhmin = 2;
    h->clhmin = 2 > (signed char)clh ? 2 : (signed char)clh;
    h->crhmin = 2 > (signed char)crh ? 2 : (signed char)crh;
}

/* A 64-bit hash of the dictionary file, which tells which file an image
 * is of: FNV-1a over its 8-byte words (then its last bytes), each step's
 * high half folded into its low (a multiply carries a change only
 * upwards), mixed at the end; a word a step, so the file is hashed in a
 * tenth of a millisecond. */
static uint64_t file_hash(const unsigned char *p, size_t n)
{
    uint64_t h = 14695981039346656037u;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        h = (h ^ le64toh(w)) * 1099511628211u;
        h ^= h >> 32;       /* the high bytes' changes carried down too */
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 1099511628211u;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    return h;
}

/* ---- the image ---------------------------------------------------------------
 * What hyphen_load makes of a file, as bytes a build carries, so that a
 * run finds the default dictionary ready instead of reading its 4 000
 * patterns (1.5 ms) into 0.6 MB of heap. Little-endian words:
 *   "RPHY", the file's size (u64) and file_hash (u64): an image serves
 *   only the very file it was made of;
 *   mask, shift, nodes, npool, dl, dr, dcl, dcr (u32 each);
 *   root[256], then slot[mask + 1] (link, node), pattern[nodes] (u32),
 *   then the pool's npool bytes. */
enum { IMAGE_HEAD = 4 + 16 + 8 * 4 };

static uint32_t rd32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static uint64_t rd64(const unsigned char *p) { return rd32(p) | (uint64_t)rd32(p + 4) << 32; }

/* The image's Hyphenator if it is one of buf[0..size), else NULL. The
 * words are used where they lie (the image is aligned to 16 and its
 * words to 4; x86 and the other targets Debian builds for read
 * little-endian words so). */
static Hyphenator *from_image(const unsigned char *buf, size_t size, int left, int right)
{
    const unsigned char *img = rp_patterns;
    const uint16_t one = 1;
    if (*(const unsigned char *)&one != 1)
        return NULL;            /* its words are little-endian, read in place */
    if ((size_t)(rp_patterns_end - img) < IMAGE_HEAD || memcmp(img, "RPHY", 4) != 0)
        return NULL;
    if (rd64(img + 4) != size || rd64(img + 12) != file_hash(buf, size))
        return NULL;
    size_t have = (size_t)(rp_patterns_end - img);
    const unsigned char *q = img + 20;
    uint32_t mask = rd32(q), shift = rd32(q + 4), nodes = rd32(q + 8), npool = rd32(q + 12);
    /* the table's size and its hash's shift agree (probe() relies on it),
     * and everything lies within the image */
    if (shift < 8 || shift > 31 || mask != (1u << (32 - shift)) - 1 || nodes >= 1u << 24 ||
        (uint64_t)IMAGE_HEAD + 256 * 4 + ((uint64_t)mask + 1) * 8 + (uint64_t)nodes * 4 + npool > have)
        return NULL;
    Hyphenator *h = xmalloc(sizeof *h);
    memset(h, 0, sizeof *h);
    h->mask = mask;
    h->shift = (int)shift;
    h->nodes = nodes;
    h->npool = npool;
    h->dl = (int)rd32(q + 16), h->dr = (int)rd32(q + 20), h->dcl = (int)rd32(q + 24), h->dcr = (int)rd32(q + 28);
    q = img + IMAGE_HEAD;
    for (int c = 0; c < 256; c++)
        h->root[c] = rd32(q + 4 * c);
    q += 256 * 4;
    h->slot = (Slot *)(uintptr_t)q;
    q += ((size_t)mask + 1) * 8;
    h->pattern = (uint32_t *)(uintptr_t)q;
    q += (size_t)nodes * 4;
    h->pool = (unsigned char *)(uintptr_t)q;
    h->borrowed = true;
    /* every node number and pattern offset within bounds: a damaged
     * image is read as the file is, not trusted */
    bool sound = true;
    for (int c = 0; c < 256; c++)
        sound &= h->root[c] >> 1 < nodes;
    for (uint32_t i = 0; i <= mask; i++)
        sound &= h->slot[i].node >> 1 < nodes;
    for (uint32_t i = 0; i < nodes; i++)
        sound &= h->pattern[i] <= npool;
    if (!sound) {
        free(h);
        return NULL;
    }
    minimums(h, left, right);
    return h;
}

static void put32(FILE *out, uint32_t v)
{
    unsigned char b[4] = { (unsigned char)v, (unsigned char)(v >> 8), (unsigned char)(v >> 16), (unsigned char)(v >> 24) };
    fwrite(b, 1, 4, out);
}

int hyphen_image(const char *path, FILE *out)
{
    size_t size;
    unsigned char *buf = read_file(path, &size);
    if (!buf)
        return -1;
    uint64_t fh = file_hash(buf, size);
    free(buf);
    Hyphenator *h = hyphen_load(path, 0, 0);
    if (!h || h->borrowed) {
        hyphen_free(h);
        return -1;
    }
    fwrite("RPHY", 1, 4, out);
    put32(out, (uint32_t)size);
    put32(out, (uint32_t)((uint64_t)size >> 32));
    put32(out, (uint32_t)fh);
    put32(out, (uint32_t)(fh >> 32));
    uint32_t head[8] = { h->mask, (uint32_t)h->shift, h->nodes, (uint32_t)h->npool,
                         (uint32_t)h->dl, (uint32_t)h->dr, (uint32_t)h->dcl, (uint32_t)h->dcr };
    for (int k = 0; k < 8; k++)
        put32(out, head[k]);
    for (int c = 0; c < 256; c++)
        put32(out, h->root[c]);
    for (uint32_t i = 0; i <= h->mask; i++) {
        put32(out, h->slot[i].link);
        put32(out, h->slot[i].node);
    }
    for (uint32_t i = 0; i < h->nodes; i++)
        put32(out, h->pattern[i]);
    fwrite(h->pool, 1, h->npool, out);
    hyphen_free(h);
    return ferror(out) ? -1 : 0;
}

int hyphen_from_image(const Hyphenator *h) { return h && h->borrowed; }

void hyphen_release(void)
{
    long page = sysconf(_SC_PAGESIZE);
    if (page <= 0)
        return;
    uintptr_t a = ((uintptr_t)rp_patterns + (uintptr_t)page - 1) & ~((uintptr_t)page - 1);
    uintptr_t b = (uintptr_t)rp_patterns_end & ~((uintptr_t)page - 1);
    if (b > a)      /* read-only data of the program: read again if touched */
        madvise((void *)a, b - a, MADV_DONTNEED);
}

Hyphenator *hyphen_load(const char *path, int left, int right)
{
    size_t size;
    unsigned char *buf = read_file(path, &size);
    if (!buf)
        return NULL;
    Hyphenator *img = from_image(buf, size, left, right);
    if (img) {
        free(buf);
        return img;
    }
    /* a text file has no NUL byte: this is not a dictionary */
    unsigned char *nl = memchr(buf, '\n', size);
    if (memchr(buf, 0, size) || !nl || !latin1_charset(buf, (size_t)(nl - buf))) {
        free(buf);
        return NULL;
    }

    Hyphenator *h = xmalloc(sizeof *h);
    memset(h, 0, sizeof *h);
    /* hyph_sv_SE: 103 kB, 18 500 nodes; grow() is for odder files */
    int bits = 10;
    while (((size_t)1 << bits) < size / 4)
        bits++;
    alloc_slots(h, bits);
    h->nodes = ROOT + 1;
    h->npattern_cap = (uint32_t)(size / 4) + 64;
    h->pattern = xmalloc(h->npattern_cap * sizeof *h->pattern);
    h->pattern[0] = h->pattern[ROOT] = 0;
    /* a pattern line of n bytes stores at most n + 4 bytes, and n + 1 are read */
    h->pool = xmalloc(2 * size + 4);
    int dl = 0, dr = 0, dcl = 0, dcr = 0;
    int refused = 0;

    for (unsigned char *line = nl + 1; line < buf + size && !refused; line++) {
        if (line[0] != '%' && (line[0] < 'A' || line[0] > 'Z')) {
            /* a pattern: the keywords are in capitals */
            line = (unsigned char *)add_line(h, line, &refused);
            continue;
        }
        unsigned char *end = memchr(line, '\n', (size_t)(buf + size - line));
        if (!end)
            end = buf + size;
        size_t n = (size_t)(end - line);
        unsigned char *at = line;
        line = end;
        if (n > LINE_MAX_BYTES || at[0] == '%')
            continue;
        *end = 0;               /* the line is now a C string for atoi */
        if (keyword(at, "NEXTLEVEL"))
            refused = 1;
        else if (keyword(at, "LEFTHYPHENMIN"))
            dl = hyphenmin(at, "LEFTHYPHENMIN");
        else if (keyword(at, "RIGHTHYPHENMIN"))
            dr = hyphenmin(at, "RIGHTHYPHENMIN");
        else if (keyword(at, "COMPOUNDLEFTHYPHENMIN"))
            dcl = hyphenmin(at, "COMPOUNDLEFTHYPHENMIN");
        else if (keyword(at, "COMPOUNDRIGHTHYPHENMIN"))
            dcr = hyphenmin(at, "COMPOUNDRIGHTHYPHENMIN");
        else if (keyword(at, "NOHYPHEN"))
            ;                   /* libhyphen reads it into a level that never uses it */
        else
            add_line(h, at, &refused);
    }
    free(buf);
    if (refused) {
        hyphen_free(h);
        return NULL;
    }
    h->pool = xrealloc(h->pool, h->npool + 1);
    h->pattern = xrealloc(h->pattern, h->nodes * sizeof *h->pattern);

    h->dl = dl, h->dr = dr, h->dcl = dcl, h->dcr = dcr;
    minimums(h, left, right);
    return h;
}

void hyphen_free(Hyphenator *h)
{
    if (!h)
        return;
    if (!h->borrowed) {
        free(h->slot);
        free(h->pattern);
        free(h->pool);
    }
    free(h);
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

/* The patterns on w[0..n) (digits already read as '.'): hy[k] is the value
 * of the gap after w[k]; hy[n - 1] is 0. */
static void patterns(const Hyphenator *h, const unsigned char *w, int n, unsigned char *hy)
{
    unsigned char prep[MAX_WORD + 2];
    int m = 0;
    prep[m++] = '.';
    for (int i = 0; i < n; i++)
        prep[m++] = w[i];
    prep[m++] = '.';

    /* best[e]: the longest node ending at prep[e] (the automaton's state) */
    uint32_t best[MAX_WORD + 2];
    memset(best, 0, (size_t)m * sizeof *best);
    for (int s = 0; s < m; s++) {
        uint32_t first = h->root[prep[s]];
        if (!first)
            continue;
        uint32_t node = first >> 1;
        if (!best[s])
            best[s] = node;
        if (first & SLOT_LEAF)
            continue;
        for (int e = s + 1; e < m; e++) {
            const Slot *k = probe(h, node, prep[e]);
            if (!k->link)
                break;          /* invariant 1 */
            node = k->node >> 1;
            if (!best[e])
                best[e] = node;
            if (k->node & SLOT_LEAF)
                break;
        }
    }
    /* gap[g] lies before prep[g + 1] */
    unsigned char gap[MAX_WORD + 2] = { 0 };
    for (int e = 0; e < m; e++) {
        if (!best[e] || !h->pattern[best[e]])
            continue;
        const unsigned char *p = h->pool + h->pattern[best[e]] - 1;
        int g0 = e - p[0] + p[1];       /* the gap of the first digit kept */
        for (int k = 0; k < p[2]; k++)
            if (g0 + k >= 0 && gap[g0 + k] < p[3 + k])
                gap[g0 + k] = p[3 + k];
    }
    for (int k = 0; k < n - 1; k++)
        hy[k] = gap[k + 1];
    hy[n - 1] = 0;
}

/* libhyphen's hnj_hyphen_lhmin and hnj_hyphen_rhmin for an 8-bit
 * dictionary: no hyphen in the first min - 1 gaps, leading digits not
 * counted; none in the last min gaps, trailing digits not counted, though
 * never clearing the first gap. */
static void left_min(const unsigned char *w, int n, unsigned char *hy, int min)
{
    int i = 1;
    for (int j = 0; j < n && is_digit(w[j]); j++)
        i--;
    for (int j = 0; i < min && j < n && w[j]; i++)
        hy[j++] = 0;
}

static void right_min(const unsigned char *w, int n, unsigned char *hy, int min)
{
    int i = 0;
    for (int j = n - 1; j > 0 && is_digit(w[j]); j--)
        i--;
    for (int j = n - 1; i < min && j > 0; j--, i++)
        hy[j] = 0;
}

static int separator(unsigned char c) { return c == '-' || c == '\''; }

/* hnj_hyphen_hyphenate3 on the Latin-1 word w[0..n), NUL-terminated. */
static void hyphenate(const Hyphenator *h, const unsigned char *w, int n, unsigned char *hy)
{
    unsigned char pw[MAX_WORD + 1];     /* the word with digits read as '.' */
    int compound = 0;
    for (int i = 0; i < n; i++) {
        pw[i] = is_digit(w[i]) ? '.' : w[i];
        compound |= separator(w[i]);
    }
    if (!compound) {
        patterns(h, pw, n, hy);
    } else {
        /* libhyphen's first level: the gaps either side of '-' and '\'' */
        memset(hy, 0, (size_t)n);
        for (int i = 0; i < n; i++)
            if (separator(w[i])) {
                if (i >= 1 && i - 1 < n - 1)
                    hy[i - 1] = 1;
                if (i < n - 1)
                    hy[i] = 1;
            }
        /* the parts between them, of three letters or more, hyphenated
         * alone; libhyphen 2.8.8 copies all but the last two gaps back */
        int begin = 0;
        for (int i = 0; i < n; i++) {
            if (!(hy[i] & 1) && !(begin > 0 && i + 1 == n))
                continue;
            if (i - begin > 1) {
                unsigned char part[MAX_WORD + 1];
                int len = i - begin + 1;
                patterns(h, pw + begin, len, part);
                if (begin > 0)
                    left_min(pw + begin, len, part, h->clhmin);
                if (hy[i] & 1)
                    right_min(pw + begin, len, part, h->crhmin);
                memcpy(hy + begin, part, (size_t)(len - 2));
            }
            begin = i + 1;
        }
    }
    left_min(w, n, hy, h->lhmin);
    right_min(w, n, hy, h->rhmin);
    /* libhyphen's NOHYPHEN ',-: no hyphen either side of them (the word
     * is a C string to libhyphen, so it ends at a NUL) */
    for (int i = 0; i < n && w[i]; i++)
        if (separator(w[i])) {
            hy[i] = 0;
            if (i >= 1)
                hy[i - 1] = 0;
        }
}

static unsigned char lower_latin1(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return (unsigned char)(c + 32);
    return (unsigned char)c;
}

int hyphen_points(Hyphenator *h, const char *s, size_t n, unsigned char *ok)
{
    memset(ok, 0, n + 1);
    unsigned char word[MAX_WORD + 1];
    size_t offs[MAX_WORD + 1];      /* byte offset in s of each Latin-1 char */
    int len = 0;
    size_t i = 0;
    while (i < n) {
        size_t at = i;
        uint32_t c = utf8_next(s, n, &i);
        if (c > 0xFF || len == MAX_WORD)
            return 0;
        offs[len] = at;
        word[len++] = lower_latin1(c);
    }
    if (len < h->left + h->right)
        return 0;
    word[len] = 0;
    unsigned char hy[MAX_WORD + 1];
    hyphenate(h, word, len, hy);
    int count = 0;
    for (int k = 0; k < len - 1; k++) {
        if ((hy[k] & 1) && k + 1 >= h->left && len - (k + 1) >= h->right) {
            ok[offs[k + 1]] = 1;
            count++;
        }
    }
    return count;
}
