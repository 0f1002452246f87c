/*
 * arena.c - bump allocator in chained blocks (base layer).
 * See arena.h for the contract.
 */
#include "arena.h"
#include "../base/i18n.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct ArenaBlock {
    ArenaBlock *prev;
    size_t      size;   /* usable bytes in data[] */
    size_t      off;    /* next free byte */
    _Alignas(max_align_t) unsigned char data[];
};

struct ArenaCleanup {
    ArenaCleanup *next;
    void        (*fn)(void *);
    void         *p;
};

enum { BLOCK_MIN = 64 * 1024 };

_Noreturn void rp_oom(size_t size)
{
    /* Input cannot get here (limits.h bounds it first): the machine, or a
     * ulimit, gives less memory than a sane report needs. A clear exit,
     * not a signal; nothing half-written is left (output is written
     * last, to a temporary file). */
    fprintf(stderr, _("rapport: error: out of memory (%zu bytes more were needed)\n"
                    "    hint: the machine (or a ulimit) gives rapport less memory than this report needs; "
                    "close other programs, or render fewer reports at a time (-j 1)\n"), size);
    exit(1);
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        rp_oom(size);
    return p;
}

void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        rp_oom(size);
    return q;
}

void arena_init(Arena *a)
{
    a->head = NULL;
    a->cleanups = NULL;
    a->used = 0;
}

void arena_on_free(Arena *a, void (*fn)(void *), void *p)
{
    ArenaCleanup *c = ARENA_NEW(a, ArenaCleanup);
    c->fn = fn;
    c->p = p;
    c->next = a->cleanups;
    a->cleanups = c;
}

void arena_free(Arena *a)
{
    for (ArenaCleanup *c = a->cleanups; c; c = c->next)
        c->fn(c->p);
    a->cleanups = NULL;
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *prev = b->prev;
        free(b);
        b = prev;
    }
    a->head = NULL;
    a->used = 0;
}

void *arena_alloc(Arena *a, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    ArenaBlock *b = a->head;
    if (!b || b->size - b->off < size) {
        size_t bs = size > BLOCK_MIN ? size : BLOCK_MIN;
        if (b && b->size * 2 > bs && b->size < 16 * 1024 * 1024)
            bs = b->size * 2;           /* grow blocks with the document */
        if (bs > SIZE_MAX - sizeof(ArenaBlock))
            rp_oom(size);
        b = malloc(sizeof(ArenaBlock) + bs);
        if (!b)
            rp_oom(sizeof(ArenaBlock) + bs);
        b->prev = a->head;
        b->size = bs;
        b->off = 0;
        a->head = b;
    }
    void *p = b->data + b->off;
    b->off += size;
    a->used += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t n)
{
    char *d = arena_alloc(a, n + 1);
    memcpy(d, s, n);
    d[n] = 0;
    return d;
}

char *arena_strdup(Arena *a, const char *s)
{
    return s ? arena_strndup(a, s, strlen(s)) : NULL;
}

char *rp_vformat(void *(*alloc)(void *ctx, size_t size), void *ctx, const char *fmt, va_list ap)
{
    va_list ap2;
    va_copy(ap2, ap);
    int n = vsnprintf(NULL, 0, fmt, ap2);
    va_end(ap2);
    if (n < 0)
        n = 0;
    char *d = alloc(ctx, (size_t)n + 1);
    vsnprintf(d, (size_t)n + 1, fmt, ap);
    return d;
}

static void *from_arena(void *a, size_t size)
{
    return arena_alloc(a, size);
}

char *arena_printf(Arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *d = rp_vformat(from_arena, a, fmt, ap);
    va_end(ap);
    return d;
}
