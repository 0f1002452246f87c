/*
 * arena.h - one memory arena per document run (base layer).
 *
 * Everything a run allocates (model, flow, pages, strings) comes from the
 * run's arena and is released at once by arena_free(). There are no
 * per-object frees. Out of memory is not an input error: input is bounded
 * by limits.h first, so allocation failure aborts in rp_oom(), the one
 * choke point, with the size that was asked for.
 */
#ifndef RP_ARENA_H
#define RP_ARENA_H

#include <stdarg.h>
#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct ArenaCleanup ArenaCleanup;

typedef struct ArenaLarge ArenaLarge;

typedef struct ArenaSpare ArenaSpare;

enum { ARENA_SPARE_CLASSES = 12 };   /* 16 bytes to 32 KB, by powers of two */

typedef struct Arena {
    ArenaBlock   *head;     /* newest block; older ones chained behind it */
    ArenaLarge   *large;    /* the big allocations, each its own block */
    ArenaCleanup *cleanups; /* run by arena_free, newest first */
    ArenaSpare   *spare[ARENA_SPARE_CLASSES];  /* storage vectors grew out of */
    size_t        used;     /* bytes handed out, for the benchmark's figures */
} Arena;

/* Abort the process: allocation of `size` bytes failed. Never returns. */
_Noreturn void rp_oom(size_t size);

/* malloc/realloc that never return NULL (they call rp_oom). For the few
 * growable arrays that live outside an arena (diagnostics, vectors). */
void *xmalloc(size_t size);
void *xrealloc(void *p, size_t size);
/* n zeroed items of `size` bytes (at least one), never NULL: scratch a
 * stage frees when done with it, so what comes after reuses the memory
 * (an arena's is held until the run ends). */
void *xcalloc(size_t n, size_t size);

/* A fresh, empty arena. Free it with arena_free(). */
void arena_init(Arena *a);

/* Release every allocation of the arena; the arena is empty afterwards. */
void arena_free(Arena *a);

/* Have arena_free call fn(p) (before the memory goes, newest first):
 * for what a library allocates on the run's behalf (HarfBuzz objects). */
void arena_on_free(Arena *a, void (*fn)(void *), void *p);

/* `size` bytes aligned for any type, zero-filled. Never NULL. */
void *arena_alloc(Arena *a, size_t size);

/* Storage of `size` bytes holding the `old` bytes at p (an allocation
 * of `old` bytes from this arena, or NULL and 0), for a vector that
 * grows: p is not to be used after. The bytes past `old` are not zeroed.
 * A big one is moved (realloc); a small one is copied, into storage
 * another vector grew out of if there is some of the size, and its old
 * storage is kept for the next vector that grows (so a vector whose
 * pushes alternate with other allocations leaves nothing behind). */
void *arena_grow(Arena *a, void *p, size_t old, size_t size);

/* A copy of `n` bytes of `s` with a NUL after them. */
char *arena_strndup(Arena *a, const char *s, size_t n);

/* A copy of the NUL-terminated `s`; NULL stays NULL. */
char *arena_strdup(Arena *a, const char *s);

/* printf into the arena. */
char *arena_printf(Arena *a, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* vprintf into memory that alloc(ctx, size) gives (never NULL): the one
 * place a formatted string is sized and written. arena_printf takes the
 * arena's, diagnostics malloc's. */
char *rp_vformat(void *(*alloc)(void *ctx, size_t size), void *ctx, const char *fmt, va_list ap)
    __attribute__((format(printf, 3, 0)));

/* Typed helpers. */
#define ARENA_NEW(a, T)       ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n)  ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

/*
 * A growable array in the arena: struct { T *v; int n, cap; }.
 * VEC_PUSH doubles the capacity (arena_grow: a small array's old storage
 * goes to the next small array that grows, a big one is moved). Hold
 * indexes, not pointers, into a vector that grows: its old storage is
 * someone else's after a push.
 */
#define VEC(T) struct { T *v; int n, cap; }
#define VEC_PUSH(a, vec, item) do {                                        \
        if ((vec).n == (vec).cap) {                                        \
            int ncap_ = (vec).cap ? (vec).cap * 2 : 1;                     \
            (vec).v = arena_grow((a), (vec).v, sizeof(*(vec).v) * (size_t)(vec).cap, \
                                 sizeof(*(vec).v) * (size_t)ncap_);        \
            (vec).cap = ncap_;                                             \
        }                                                                  \
        (vec).v[(vec).n++] = (item);                                       \
    } while (0)

#endif
