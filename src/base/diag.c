/*
 * diag.c - the diagnostics list (base layer). See diag.h.
 */
#include "diag.h"
#include "arena.h"
#include "limits.h"

#include <stdarg.h>
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
    memset(d, 0, sizeof *d);
}

static char *vformat(const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *s = xmalloc((size_t)n + 1);
    vsnprintf(s, (size_t)n + 1, fmt, ap);
    return s;
}

void diag_add(Diags *d, DiagLevel level, const char *file, int line, int col,
              const char *hint, const char *fmt, ...)
{
    if (d->strict && level == DIAG_WARNING)
        level = DIAG_ERROR;
    if (level == DIAG_ERROR)
        d->nerrors++;
    else
        d->nwarnings++;
    if (d->n >= d->max) {
        d->dropped++;
        return;
    }
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
    if (d->n == 0 || d->v[d->n - 1].hint)
        return;
    va_list ap;
    va_start(ap, fmt);
    d->v[d->n - 1].hint = vformat(fmt, ap);
    va_end(ap);
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

void diags_print(const Diags *d, FILE *out, int only_errors)
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
    for (int oi = 0; oi < d->n; oi++) {
        const Diag *g = &d->v[order[oi]];
        if (only_errors && g->level != DIAG_ERROR)
            continue;
        const char *what = g->level == DIAG_ERROR ? "error" : "warning";
        if (g->line > 0 && g->col > 0)
            fprintf(out, "%s:%d:%d: %s: %s\n", g->file, g->line, g->col, what, g->msg);
        else if (g->line > 0)
            fprintf(out, "%s:%d: %s: %s\n", g->file, g->line, what, g->msg);
        else
            fprintf(out, "%s: %s: %s\n", g->file, what, g->msg);
        if (g->hint)
            fprintf(out, "    hint: %s\n", g->hint);
    }
    free(order);
    if (d->dropped)
        fprintf(out, "rapport: %d more message(s) not shown\n", d->dropped);
}
