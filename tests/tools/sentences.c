/*
 * sentences.c - does a screen reader get every sentence of the report?
 *
 *   sentences [--fold-hyphens] REPORT.xml STRUCT.txt   (STRUCT.txt from pdfinfo -struct-text)
 *
 * Every sentence of the report's paragraphs, list items and headings must
 * be found in the text of the PDF's structure tree as written: with its
 * word spaces (also where a line broke) and without hyphens hyphenation
 * added. Sentences holding a footnote mark, a reference, a number written
 * as <num> or a status are left out (their printed text is not the XML's).
 * White space is folded on both sides, a no-break space counts as a
 * space, and the typographic quotes, dashes and minus signs rapport
 * prints read as the straight ones the author wrote. Prints
 * every sentence not found and a summary; exits 1 if any is missing.
 *
 * --fold-hyphens drops a hyphen between two small letters on both sides
 * before comparing, so hyphens hyphenation added (still U+002D in the
 * PDF's text, until the font writer maps them to nothing) do not count;
 * the summary says how many sentences only that saved.
 */
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct Buf { char *p; size_t n, cap; } Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        b->p = realloc(b->p, b->cap);
        if (!b->p)
            abort();
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static bool fold_hyphens;

static bool small(const unsigned char *q)
{
    return (*q >= 'a' && *q <= 'z') || (q[0] == 0xC3 && (q[1] == 0xA5 || q[1] == 0xA4 || q[1] == 0xB6 ||
                                                          q[1] == 0xA9 || q[1] == 0xBC));
}

/* The straight ASCII character the typographic one at q stands for,
 * 0 if it is none of them: the hyphen U+2010, the dash U+2013 and the
 * minus U+2212 that rapport prints for a hyphen, the quotes ” “ ’ ‘ it
 * prints for " and '. */
static char straight(const unsigned char *q)
{
    if (q[0] == 0xE2 && q[1] == 0x88 && q[2] == 0x92)
        return '-';
    if (q[0] != 0xE2 || q[1] != 0x80)
        return 0;
    switch (q[2]) {
    case 0x90: case 0x93: return '-';
    case 0x9C: case 0x9D: return '"';
    case 0x98: case 0x99: return '\'';
    default: return 0;
    }
}

/* Fold white space (and U+00A0) to single spaces, drop soft hyphens,
 * read the typographic marks rapport prints as the straight ones the
 * author wrote (straight()); with --fold-hyphens, drop a hyphen between
 * two small letters. */
static char *fold(const char *s)
{
    Buf b = { 0 };
    put(&b, "", 0);
    bool sp = false;
    for (const unsigned char *q = (const unsigned char *)s; *q; q++) {
        bool white = *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r';
        if (q[0] == 0xC2 && q[1] == 0xA0) {
            white = true;
            q++;
        }
        if (white) {
            sp = b.n > 0;
            continue;
        }
        if (q[0] == 0xC2 && q[1] == 0xAD) {         /* a soft hyphen reads as nothing */
            q++;
            continue;
        }
        char ascii = straight(q);
        if (ascii) {
            q += 2;
            if (sp)
                put(&b, " ", 1);
            sp = false;
            put(&b, &ascii, 1);
            continue;
        }
        if (fold_hyphens && *q == '-' && b.n > 0 && !sp && q[1] && small(q + 1)) {
            const unsigned char *prev = (const unsigned char *)b.p + b.n - 1;
            if (small(prev) || (b.n >= 2 && small(prev - 1)))
                continue;
        }
        if (sp)
            put(&b, " ", 1);
        sp = false;
        put(&b, (const char *)q, 1);
    }
    return b.p;
}

/* The text of an inline tree; *skip is set when it holds what prints
 * otherwise than it is written. */
static void text_of(xmlNodePtr n, Buf *b, bool *skip)
{
    for (xmlNodePtr c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            put(b, (const char *)c->content, strlen((const char *)c->content));
        } else if (c->type == XML_ELEMENT_NODE) {
            const char *name = (const char *)c->name;
            if (!strcmp(name, "footnote") || !strcmp(name, "fnref") || !strcmp(name, "ref") ||
                !strcmp(name, "num") || !strcmp(name, "status") || !strcmp(name, "sup") ||
                !strcmp(name, "sub"))
                *skip = true;
            else if (!strcmp(name, "br"))
                put(b, " ", 1);
            else
                text_of(c, b, skip);
        }
    }
}

static int checked, missing, saved;
static const char *tree_plain;     /* without folded hyphens, for the count of saved ones */

/* The sentences of t: up to ". " (one of fewer than 3 words is too
 * little to tell anything: NULL). Returns how many. */
static int sentences(char *t, char **out, int cap)
{
    int n = 0;
    char *s = t;
    while (*s && n < cap) {
        char *e = strstr(s, ". ");
        size_t len = e ? (size_t)(e - s) + 1 : strlen(s);
        int words = 1;
        for (size_t i = 0; i < len; i++)
            words += s[i] == ' ';
        char *next = s + len;
        while (*next == ' ')
            next++;
        if (s[len])
            s[len] = 0;
        out[n++] = words >= 3 ? s : NULL;
        s = next;
    }
    return n;
}

static void check_block(xmlNodePtr n, const char *tree)
{
    Buf b = { 0 };
    bool skip = false;
    put(&b, "", 0);
    text_of(n, &b, &skip);
    if (skip) {
        free(b.p);
        return;
    }
    char *t = fold(b.p);
    bool was = fold_hyphens;
    fold_hyphens = false;
    char *u = fold(b.p);
    fold_hyphens = was;
    free(b.p);
    char *st[4096], *su[4096];
    int ns = sentences(t, st, 4096), nu = sentences(u, su, 4096);
    for (int i = 0; i < ns; i++) {
        if (!st[i])
            continue;
        checked++;
        if (!strstr(tree, st[i])) {
            missing++;
            printf("missing: %s\n", i < nu && su[i] ? su[i] : st[i]);
        } else if (tree_plain && i < nu && su[i] && !strstr(tree_plain, su[i])) {
            saved++;
        }
    }
    free(t);
    free(u);
}

static void walk(xmlNodePtr n, const char *tree)
{
    for (xmlNodePtr c = n; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        bool block = !strcmp(name, "p") || !strcmp(name, "heading") || !strcmp(name, "item");
        bool has_blocks = false;
        for (xmlNodePtr k = c->children; k; k = k->next)
            has_blocks |= k->type == XML_ELEMENT_NODE &&
                          (!strcmp((const char *)k->name, "p") || !strcmp((const char *)k->name, "list"));
        if (block && !has_blocks && strcmp(name, "meta"))
            check_block(c, tree);
        if (strcmp(name, "meta") && strcmp(name, "table") && strcmp(name, "chart"))
            walk(c->children, tree);
    }
}

int main(int argc, char **argv)
{
    if (argc == 4 && !strcmp(argv[1], "--fold-hyphens")) {
        fold_hyphens = true;
        argv++;
        argc--;
    }
    if (argc != 3) {
        fprintf(stderr, "usage: sentences [--fold-hyphens] REPORT.xml STRUCT.txt\n");
        return 2;
    }
    /* the structure tree's texts, joined as a reader hears them */
    FILE *fp = fopen(argv[2], "r");
    if (!fp) {
        perror(argv[2]);
        return 2;
    }
    Buf all = { 0 };
    put(&all, "", 0);
    char line[65536];
    while (fgets(line, sizeof line, fp)) {
        char *a = strchr(line, '"'), *z = strrchr(line, '"');
        if (a && z > a)
            put(&all, a + 1, (size_t)(z - a - 1));
    }
    fclose(fp);
    char *tree = fold(all.p);
    char *plain = NULL;
    if (fold_hyphens) {
        fold_hyphens = false;
        plain = fold(all.p);
        tree_plain = plain;
        fold_hyphens = true;
    }
    free(all.p);
    xmlDocPtr doc = xmlReadFile(argv[1], NULL, XML_PARSE_NONET);
    if (!doc) {
        fprintf(stderr, "%s: not XML\n", argv[1]);
        return 2;
    }
    walk(xmlDocGetRootElement(doc), tree);
    xmlFreeDoc(doc);
    free(tree);
    free(plain);
    printf("%s: %d sentences checked, %d missing", argv[1], checked, missing);
    if (fold_hyphens)
        printf(" (%d more with a hyphenation hyphen)", saved);
    printf("\n");
    return missing ? 1 : 0;
}
