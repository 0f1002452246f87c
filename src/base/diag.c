/*
 * diag.c - the diagnostics list (base layer). See diag.h.
 */
#include "diag.h"
#include "arena.h"
#include "limits.h"
#include "../base/i18n.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

void diags_init(Diags *d)
{
    memset(d, 0, sizeof *d);
    d->max = RP_MAX_DIAGNOSTICS;
}

void diags_free(Diags *d)
{
    for (int i = 0; i < d->n; i++) {
        free(d->v[i].msg);
        free(d->v[i].hint);
    }
    free(d->v);
    for (int i = 0; i < d->ngone; i++)
        free(d->gone[i].msg);
    free(d->gone);
    memset(d, 0, sizeof *d);
}

/* An error past the cap, kept in brief: a message said precisely later
 * (diag_drop_at) may be among them, and must not be counted twice. */
static void keep_gone(Diags *d, const char *file, int line, int col, const char *fmt, va_list ap)
{
    enum { WORDS = 160 };
    if (d->ngone == d->capgone) {
        d->capgone = d->capgone ? d->capgone * 2 : 64;
        d->gone = xrealloc(d->gone, sizeof(Diag) * (size_t)d->capgone);
    }
    Diag *g = &d->gone[d->ngone++];
    *g = (Diag){ DIAG_ERROR, file, line, col, xmalloc(WORDS), NULL };
    vsnprintf(g->msg, WORDS, fmt, ap);
}

static void *from_malloc(void *ctx, size_t size)
{
    (void)ctx;
    return xmalloc(size);
}

static char *vformat(const char *fmt, va_list ap)
{
    return rp_vformat(from_malloc, NULL, fmt, ap);
}

void diag_add(Diags *d, DiagLevel level, const char *file, int line, int col,
              const char *hint, const char *fmt, ...)
{
    if (d->strict && level == DIAG_WARNING)
        level = DIAG_ERROR;
    bool error = level == DIAG_ERROR;
    if (error)
        d->nerrors++;
    else
        d->nwarnings++;
    d->last_dropped = (error ? d->kept_errors : d->kept_warnings) >= d->max;
    if (d->last_dropped) {
        if (error) {
            d->dropped_errors++;
            va_list ap;
            va_start(ap, fmt);
            keep_gone(d, file, line, col, fmt, ap);
            va_end(ap);
        } else {
            d->dropped_warnings++;
        }
        return;
    }
    if (error)
        d->kept_errors++;
    else
        d->kept_warnings++;
    if (d->n == d->cap) {
        d->cap = d->cap ? d->cap * 2 : 16;
        d->v = xrealloc(d->v, sizeof(Diag) * (size_t)d->cap);
    }
    Diag *g = &d->v[d->n++];
    g->level = level;
    g->file = file;
    g->line = line;
    g->col = col;
    va_list ap;
    va_start(ap, fmt);
    g->msg = vformat(fmt, ap);
    va_end(ap);
    g->hint = NULL;
    if (hint) {
        g->hint = xmalloc(strlen(hint) + 1);
        strcpy(g->hint, hint);
    }
}

void diag_hint(Diags *d, const char *fmt, ...)
{
    if (d->n == 0 || d->last_dropped || d->v[d->n - 1].hint)
        return;
    va_list ap;
    va_start(ap, fmt);
    d->v[d->n - 1].hint = vformat(fmt, ap);
    va_end(ap);
}

/* A kept message let go: freed and no longer counted. */
static void unkeep(Diags *d, Diag *g)
{
    if (g->level == DIAG_ERROR) {
        d->nerrors--;
        d->kept_errors--;
    } else {
        d->nwarnings--;
        d->kept_warnings--;
    }
    free(g->msg);
    free(g->hint);
}

/* Is g the message at file:line:col that holds `needle` (NULL: any)? */
static bool said_at(const Diag *g, const char *file, int line, int col, const char *needle)
{
    return g->line == line && g->col == col && !strcmp(g->file, file) && (!needle || strstr(g->msg, needle));
}

/* The kept messages of `level` at file:line:col that hold `needle`, let
 * go; how many. */
static int drop_kept(Diags *d, DiagLevel level, const char *file, int line, int col, const char *needle)
{
    int dropped = 0, k = 0;
    for (int i = 0; i < d->n; i++) {
        Diag *g = &d->v[i];
        if (g->level == level && said_at(g, file, line, col, needle)) {
            unkeep(d, g);
            dropped++;
            continue;
        }
        d->v[k++] = *g;
    }
    d->n = k;
    return dropped;
}

int diag_drop_warning_at(Diags *d, const char *file, int line, int col, const char *needle)
{
    return drop_kept(d, d->strict ? DIAG_ERROR : DIAG_WARNING, file, line, col, needle);   /* --strict made it one */
}

int diag_drop_at(Diags *d, const char *file, int line, int col, const char *needle)
{
    int dropped = drop_kept(d, DIAG_ERROR, file, line, col, needle);
    /* and among those past the cap, from the first not yet forgotten:
     * they are asked for in the order they were said, so this is where
     * the one asked for is, as a rule */
    for (int i = d->gone_from; i < d->ngone; i++) {
        Diag *g = &d->gone[i];
        if (g->msg && said_at(g, file, line, col, needle)) {
            free(g->msg);
            g->msg = NULL;
            d->nerrors--;
            d->dropped_errors--;
            dropped++;
            break;                      /* the schema says a thing once */
        }
    }
    while (d->gone_from < d->ngone && !d->gone[d->gone_from].msg)
        d->gone_from++;
    return dropped;
}

static bool same_diag(const Diag *a, const Diag *b)
{
    return a->level == b->level && a->line == b->line && a->col == b->col && !strcmp(a->file, b->file) &&
           !strcmp(a->msg, b->msg);
}

int diags_forget_repeats(Diags *d, int from)
{
    int gone = 0, k = from;
    for (int i = from; i < d->n; i++) {
        Diag *g = &d->v[i];
        bool seen = false;
        for (int j = 0; j < k && !seen; j++)       /* the ones kept before it */
            seen = same_diag(&d->v[j], g);
        if (!seen) {
            d->v[k++] = *g;
            continue;
        }
        unkeep(d, g);
        gone++;
    }
    d->n = k;
    return gone;
}

/* Print in source order, as a compiler does: by file, line, column;
 * messages about the same place keep the order they were recorded in. */
static int before(const Diag *x, const Diag *y)
{
    int c = strcmp(x->file, y->file);
    if (c) return c < 0;
    if (x->line != y->line) return x->line < y->line;
    return x->col < y->col;
}

int *diags_order(const Diags *d)
{
    int *order = xmalloc(sizeof(int) * (size_t)(d->n ? d->n : 1));
    for (int i = 0; i < d->n; i++) {            /* stable insertion sort */
        int j = i;
        while (j > 0 && before(&d->v[i], &d->v[order[j - 1]])) {
            order[j] = order[j - 1];
            j--;
        }
        order[j] = i;
    }
    return order;
}

void diags_print(const Diags *d, FILE *out, int only_errors)
{
    int *order = diags_order(d);
    for (int oi = 0; oi < d->n; oi++) {
        const Diag *g = &d->v[order[oi]];
        if (only_errors && g->level != DIAG_ERROR)
            continue;
        const char *what = g->level == DIAG_ERROR ? _("error") : _("warning");
        if (g->line > 0 && g->col > 0)
            fprintf(out, "%s:%d:%d: %s: %s\n", g->file, g->line, g->col, what, g->msg);
        else if (g->line > 0)
            fprintf(out, "%s:%d: %s: %s\n", g->file, g->line, what, g->msg);
        else
            fprintf(out, "%s: %s: %s\n", g->file, what, g->msg);
        if (g->hint)
            fprintf(out, _("    hint: %s\n"), g->hint);
    }
    free(order);
    /* -q asked for no warnings: then the ones left out are not news */
    int nerr = d->dropped_errors, nwarn = only_errors ? 0 : d->dropped_warnings;
    if (nerr || nwarn) {
        fputs("rapport: ", out);
        if (nerr)
            fprintf(out, P_("%d more error", "%d more errors", nerr), nerr);
        if (nerr && nwarn)
            fputs(_(" and "), out);
        if (nwarn)
            fprintf(out, P_("%d more warning", "%d more warnings", nwarn), nwarn);
        fputs(_(" not shown\n"), out);
    }
}
