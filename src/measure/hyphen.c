/*
 * hyphen.c - libhyphen wrapper (measure stage). See hyphen.h.
 */
#include "hyphen.h"
#include "../base/arena.h"
#include "../base/utf8.h"

#include <hyphen.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

struct Hyphenator {
    HyphenDict *dict;
    int         left, right;
};

Hyphenator *hyphen_load(const char *path, int left, int right)
{
    HyphenDict *d = hnj_hyphen_load(path);
    if (!d)
        return NULL;
    Hyphenator *h = xmalloc(sizeof *h);
    h->dict = d;
    h->left = left > 0 ? left : 2;
    h->right = right > 0 ? right : 2;
    return h;
}

void hyphen_free(Hyphenator *h)
{
    if (!h)
        return;
    hnj_hyphen_free(h->dict);
    free(h);
}

enum { MAX_WORD = 63 };

static unsigned char lower_latin1(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return (unsigned char)(c + 32);
    return (unsigned char)c;
}

int hyphen_points(Hyphenator *h, const char *s, size_t n, unsigned char *ok)
{
    memset(ok, 0, n + 1);
    char word[MAX_WORD + 1];
    size_t offs[MAX_WORD + 1];      /* byte offset in s of each Latin-1 char */
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
    if (len < h->left + h->right)
        return 0;
    word[len] = 0;
    char hyph[MAX_WORD + 5];
    char **rep = NULL;
    int *pos = NULL, *cut = NULL;
    int count = 0;
    if (hnj_hyphen_hyphenate3(h->dict, word, len, hyph, NULL, &rep, &pos, &cut,
                              h->left, h->right, 2, 2) == 0) {
        for (int k = 0; k < len - 1; k++) {
            if ((hyph[k] & 1) && k + 1 >= h->left && len - (k + 1) >= h->right &&
                !(rep && rep[k])) {
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
