/*
 * arena.c - unit tests of the run's arena: everything handed out is zero,
 * aligned and kept until arena_free; a vector grows without losing what
 * it held, small ones in the blocks, big ones moved by realloc.
 */
#include "base/arena.h"
#include "test.h"

#include <stdint.h>
#include <string.h>

static int all_zero(const unsigned char *p, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (p[i])
            return 0;
    return 1;
}

int main(void)
{
    Arena a;
    arena_init(&a);

    /* small and large allocations: zero, aligned, distinct, counted */
    unsigned char *s1 = arena_alloc(&a, 100), *big = arena_alloc(&a, 200000), *s2 = arena_alloc(&a, 7);
    CHECK("a small allocation is zero", all_zero(s1, 100));
    CHECK("a large allocation is zero", all_zero(big, 200000));
    CHECK("aligned for any type", (uintptr_t)s1 % _Alignof(max_align_t) == 0 &&
                                  (uintptr_t)big % _Alignof(max_align_t) == 0 &&
                                  (uintptr_t)s2 % _Alignof(max_align_t) == 0);
    memset(s1, 1, 100);
    memset(big, 2, 200000);
    CHECK("allocations do not overlap", s2[0] == 0 && s1[99] == 1 && big[199999] == 2);
    CHECK("bytes handed out are counted", a.used >= 200000 + 100 + 7);

    /* many small ones across blocks stay zero and apart */
    unsigned char *last = NULL;
    int zero = 1;
    for (int i = 0; i < 5000; i++) {
        unsigned char *p = arena_alloc(&a, 100 + (size_t)i % 300);
        zero &= all_zero(p, 100 + (size_t)i % 300);
        memset(p, 0xAB, 100 + (size_t)i % 300);
        last = p;
    }
    CHECK("thousands of small allocations are each zero", zero && last[0] == 0xAB);

    /* vectors: a small one, one that grows large, and another large one
     * beside it, so that moving one relinks the list of large blocks */
    VEC(int) v = { 0 };
    VEC(int64_t) w = { 0 };
    VEC(char) c = { 0 };
    for (int i = 0; i < 300000; i++) {
        VEC_PUSH(&a, v, i);
        if (i % 3 == 0)
            VEC_PUSH(&a, w, (int64_t)i * 1000000007);
        if (i < 50)
            VEC_PUSH(&a, c, (char)('a' + i % 26));
    }
    int ok = v.n == 300000;
    for (int i = 0; ok && i < v.n; i++)
        ok = v.v[i] == i;
    CHECK("a vector grown past the large size keeps every item", ok);
    ok = w.n == 100000;
    for (int i = 0; ok && i < w.n; i++)
        ok = w.v[i] == (int64_t)i * 3 * 1000000007;
    CHECK("a second large vector grown beside it keeps every item", ok);
    CHECK("a small vector keeps its items", c.n == 50 && c.v[0] == 'a' && c.v[49] == 'a' + 49 % 26);
    CHECK("what was allocated before is untouched", s1[0] == 1 && big[0] == 2 && big[199999] == 2);

    /* arena_grow from nothing, and a shrink that copies what fits */
    int *g = arena_grow(&a, NULL, 0, 16 * sizeof *g);
    for (int i = 0; i < 16; i++)
        g[i] = i * i;
    g = arena_grow(&a, g, 16 * sizeof *g, 100000 * sizeof *g);
    CHECK("grown from small to large, the items are kept", g[15] == 225 && g[3] == 9);
    g = arena_grow(&a, g, 100000 * sizeof *g, 200000 * sizeof *g);
    g[199999] = 7;
    CHECK("a large block grown again keeps its items", g[15] == 225 && g[199999] == 7);

    /* the newest allocation grows where it is; one with another after it
     * is copied, its bytes kept */
    int *newest = arena_alloc(&a, 4 * sizeof *newest);
    for (int i = 0; i < 4; i++)
        newest[i] = i + 1;
    int *same = arena_grow(&a, newest, 4 * sizeof *newest, 64 * sizeof *newest);
    CHECK("the newest allocation grows in place", same == newest && same[3] == 4);
    void *between = arena_alloc(&a, 8);
    int *moved = arena_grow(&a, same, 64 * sizeof *same, 128 * sizeof *same);
    CHECK("one with an allocation after it is copied, its bytes kept",
          moved != same && moved[0] == 1 && moved[3] == 4 && between != NULL);

    /* the storage a vector grew out of serves the next one that grows */
    int *next = arena_grow(&a, NULL, 0, 40 * sizeof *next);
    CHECK("a new vector takes the storage another grew out of", next == same);
    for (int i = 0; i < 40; i++)
        next[i] = -i;
    CHECK("the vector grown out of it keeps its own items", moved[0] == 1 && moved[3] == 4 && moved[63] == 0);
    int *small = arena_grow(&a, NULL, 0, 8 * sizeof *small);
    CHECK("storage is not taken by a vector that would not fit it", small != same && small != next);

    arena_free(&a);
    CHECK("arena_free empties the arena", a.used == 0 && a.head == NULL && a.large == NULL);
    /* usable again after arena_free */
    unsigned char *again = arena_alloc(&a, 50000);
    CHECK("an emptied arena hands out zeroed memory again", all_zero(again, 50000));
    arena_free(&a);
    TEST_DONE();
}
