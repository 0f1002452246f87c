/*
 * title.c - the labels of appendices (measure stage), for their headings,
 * the contents, the bookmarks and <ref show="title"> (the titles are made
 * in text.c).
 *
 * A leaf: it reads the model and writes into the run's arena, and calls
 * nothing else of measure/, so text.c (references) and measure.c
 * (headings) can both use it.
 */
#include "measure_int.h"

/* An appendix's label ("Bilaga 1") with no-break spaces, so it never
 * breaks inside, or NULL. */
const char *heading_label(M *m, const Node *sec)
{
    const char *l = sec->kind == N_APPENDIX ? sec->u.sec.label : NULL;
    if (!l || !*l)
        return NULL;
    size_t n = 0;
    for (const char *c = l; *c; c++)
        n += *c == ' ' ? 2 : 1;
    char *out = arena_alloc(&m->rp->arena, n + 1), *o = out;
    for (const char *c = l; *c; c++) {
        if (*c == ' ') {
            *o++ = '\xC2';
            *o++ = '\xA0';
        } else {
            *o++ = *c;
        }
    }
    *o = 0;
    return out;
}
