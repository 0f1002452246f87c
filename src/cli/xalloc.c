/*
 * xalloc.c - the command line's memory. See xalloc.h.
 */
#include "xalloc.h"
#include "../rapport.h"
#include "../base/i18n.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void xoom(void)
{
    fprintf(stderr, _("rapport: out of memory\n"));
    exit(RP_EINPUT);
}

void *xgrow(void *v, int *cap, size_t size)
{
    *cap = *cap ? *cap * 2 : 16;
    v = realloc(v, size * (size_t)*cap);
    if (!v)
        xoom();
    return v;
}

char *xstrdup(const char *s)
{
    if (!s)
        return NULL;
    char *c = strdup(s);
    if (!c)
        xoom();
    return c;
}
