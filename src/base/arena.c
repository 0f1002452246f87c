/*
 * arena.c - bump allocator in chained blocks (base layer).
 * See arena.h for the contract.
 */
#include "arena.h"
#include "../base/i18n.h"

#include <stdarg.h>
#include <stddef.h>
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

/* An allocation of LARGE bytes or more has a block of its own, in a
 * list of its own: a vector that grows past that size is moved by
 * realloc (which for big blocks remaps pages, copying nothing) and leaves
 * nothing behind, where a copy in the arena would leave the old storage
 * there until the run ends. */
struct ArenaLarge {
    ArenaLarge *prev, *next;
    _Alignas(max_align_t) unsigned char data[];
};

/* Storage a small vector grew out of, in the spare list of the power
 * of two at or below its size (ARENA_SPARE_CLASSES, from 16 bytes). */
struct ArenaSpare {
    ArenaSpare *next;
    size_t      size;
};

/* A sanitizer build is told that spare storage is not to be touched, so
 * a pointer kept into a vector across a push is caught when used. */
#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/asan_interface.h>
#define SPARE_POISON(p, n)   ASAN_POISON_MEMORY_REGION((p), (n))
#define SPARE_UNPOISON(p, n) ASAN_UNPOISON_MEMORY_REGION((p), (n))
#else
#define SPARE_POISON(p, n)   ((void)(p), (void)(n))
#define SPARE_UNPOISON(p, n) ((void)(p), (void)(n))
#endif

struct ArenaCleanup {
    ArenaCleanup *next;
    void        (*fn)(void *);
    void         *p;
};

enum { BLOCK_MIN = 64 * 1024, LARGE = 32 * 1024 };

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

void *xcalloc(size_t n, size_t size)
{
    if (n == 0)
        n = 1;
    if (size && n > SIZE_MAX / size)
        rp_oom(SIZE_MAX);
    void *p = calloc(n, size ? size : 1);
    if (!p)
        rp_oom(n * size);
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
    a->large = NULL;
    a->cleanups = NULL;
    memset(a->spare, 0, sizeof a->spare);
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
    for (ArenaLarge *l = a->large, *next; l; l = next) {
        next = l->next;
        free(l);
    }
    a->large = NULL;
    memset(a->spare, 0, sizeof a->spare);
    a->used = 0;
}

static void *large(Arena *a, size_t size)
{
    if (size > SIZE_MAX - sizeof(ArenaLarge))
        rp_oom(size);
    ArenaLarge *l = calloc(1, sizeof(ArenaLarge) + size);
    if (!l)
        rp_oom(sizeof(ArenaLarge) + size);
    l->prev = NULL;
    l->next = a->large;
    if (a->large)
        a->large->prev = l;
    a->large = l;
    a->used += size;
    return l->data;
}

/* Blocks come from calloc and nothing handed out is ever handed out
 * again, so what arena_alloc returns is zero already: pages nobody
 * writes are not touched (calloc takes fresh ones from the system as
 * they are). */
void *arena_alloc(Arena *a, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    if (size >= LARGE)
        return large(a, size);
    size = (size + align - 1) & ~(align - 1);
    ArenaBlock *b = a->head;
    if (!b || b->size - b->off < size) {
        size_t bs = BLOCK_MIN;
        if (b && b->size * 2 > bs && b->size < 16 * 1024 * 1024)
            bs = b->size * 2;           /* grow blocks with the document */
        b = calloc(1, sizeof(ArenaBlock) + bs);
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
    return p;
}

/* The spare class of n bytes: the power of two at or below n, from 16. */
static int spare_class(size_t n)
{
    int c = 0;
    while (c + 1 < ARENA_SPARE_CLASSES && ((size_t)16 << (c + 1)) <= n)
        c++;
    return c;
}

static void spare_put(Arena *a, void *p, size_t n)
{
    int c = spare_class(n);
    ArenaSpare *s = p;
    s->next = a->spare[c];
    s->size = n;
    a->spare[c] = s;
    SPARE_POISON(p, n);
}

/* Spare storage of at least n bytes (rounded to the alignment), or NULL:
 * from the class above n's, where every piece is big enough. */
static void *spare_take(Arena *a, size_t n)
{
    int c = spare_class(n);
    if (((size_t)16 << c) < n)
        c++;
    if (c >= ARENA_SPARE_CLASSES || !a->spare[c])
        return NULL;
    ArenaSpare *s = a->spare[c];
    SPARE_UNPOISON(s, sizeof *s);
    SPARE_UNPOISON(s, s->size);
    a->spare[c] = s->next;
    return s;
}

void *arena_grow(Arena *a, void *p, size_t old, size_t size)
{
    const size_t align = _Alignof(max_align_t);
    ArenaBlock *b = a->head;
    size_t was = (old + align - 1) & ~(align - 1), now = (size + align - 1) & ~(align - 1);
    if (p && old && size < LARGE && b && (unsigned char *)p + was == b->data + b->off && now >= was &&
        now - was <= b->size - b->off) {
        /* the newest allocation of the newest block: it grows where it is
         * (a vector filled with nothing allocated between its pushes
         * leaves no old copies behind) */
        b->off += now - was;
        a->used += now - was;
        return p;
    }
    if (!p || old < LARGE) {
        void *q = size < LARGE ? spare_take(a, now) : NULL;
        if (!q)
            q = arena_alloc(a, size);
        if (old)
            memcpy(q, p, old < size ? old : size);
        if (p && was >= sizeof(ArenaSpare))
            spare_put(a, p, was);
        return q;
    }
    /* p is a large allocation's (only those are LARGE bytes or more) */
    if (size > SIZE_MAX - sizeof(ArenaLarge))
        rp_oom(size);
    ArenaLarge *l = (ArenaLarge *)((unsigned char *)p - offsetof(ArenaLarge, data));
    ArenaLarge *m = realloc(l, sizeof(ArenaLarge) + size);
    if (!m)
        rp_oom(sizeof(ArenaLarge) + size);
    if (m->prev)
        m->prev->next = m;
    else
        a->large = m;
    if (m->next)
        m->next->prev = m;
    a->used += size - old;
    return m->data;
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
