/*
 * engine.c - the store of what runs share (base layer). See engine.h.
 */
#include "engine.h"
#include "map.h"
#include "../rapport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct RpEngine {
    Arena arena;
    Map   items;          /* "kind\x1Fkey" -> value */
};

RpEngine *rp_engine_new(void)
{
    RpEngine *e = xmalloc(sizeof *e);
    arena_init(&e->arena);
    map_init(&e->items, &e->arena, 1);
    return e;
}

void rp_engine_free(RpEngine *e)
{
    if (!e)
        return;
    arena_free(&e->arena);
    free(e);
}

Arena *engine_arena(RpEngine *e) { return &e->arena; }

void *engine_lookup(RpEngine *e, const char *kind, const char *key)
{
    char stack[512];
    size_t nk = strlen(kind), n = nk + strlen(key) + 2;
    char *k = n <= sizeof stack ? stack : xmalloc(n);
    memcpy(k, kind, nk);
    k[nk] = '\x1F';
    memcpy(k + nk + 1, key, n - nk - 1);     /* with the NUL */
    void *v = map_get(&e->items, k);
    if (k != stack)
        free(k);
    return v;
}

void engine_store(RpEngine *e, const char *kind, const char *key, void *value)
{
    map_put(&e->items, arena_printf(&e->arena, "%s\x1F%s", kind, key), value);
}

bool engine_file_key(const char *path, char *buf, size_t cap)
{
    struct stat st;
    if (stat(path, &st) != 0)
        return false;
    int n = snprintf(buf, cap, "%s|%llu|%llu|%lld|%lld.%09ld", path, (unsigned long long)st.st_dev,
                     (unsigned long long)st.st_ino, (long long)st.st_size, (long long)st.st_mtim.tv_sec,
                     st.st_mtim.tv_nsec);
    return n > 0 && (size_t)n < cap;
}
