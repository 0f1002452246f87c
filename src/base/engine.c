/*
 * engine.c - the store of what runs share (base layer). See engine.h.
 */
#include "engine.h"
#include "map.h"
#include "../rapport.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct RpEngine {
    Arena           arena;
    Map             items;      /* "kind\x1Fkey" -> value */
    /* a thread filling the engine (engine_fill), and how far it got */
    pthread_mutex_t mu;         /* over items, while it runs */
    pthread_cond_t  moved;
    pthread_t       th;
    bool            filling;
    int             reached;
    void          (*fill)(void *);
    void           *ctx;
};

RpEngine *rp_engine_new(void)
{
    RpEngine *e = xmalloc(sizeof *e);
    memset(e, 0, sizeof *e);
    arena_init(&e->arena);
    map_init(&e->items, &e->arena, 1);
    pthread_mutex_init(&e->mu, NULL);
    pthread_cond_init(&e->moved, NULL);
    return e;
}

void rp_engine_free(RpEngine *e)
{
    if (!e)
        return;
    engine_settle(e);
    arena_free(&e->arena);
    pthread_mutex_destroy(&e->mu);
    pthread_cond_destroy(&e->moved);
    free(e);
}

/* The engine the running thread fills, if it is a filling thread. */
static _Thread_local const RpEngine *filling_here;

static void *filler(void *p)
{
    RpEngine *e = p;
    filling_here = e;
    e->fill(e->ctx);
    engine_reached(e, ENGINE_ALL);
    return NULL;
}

void engine_fill(RpEngine *e, void (*fill)(void *ctx), void *ctx)
{
    engine_settle(e);
    e->fill = fill;
    e->ctx = ctx;
    e->reached = 0;
    e->filling = pthread_create(&e->th, NULL, filler, e) == 0;
    if (!e->filling)            /* no thread to be had: filled here, now */
        fill(ctx);
}

void engine_reached(RpEngine *e, int stage)
{
    if (!e)
        return;
    pthread_mutex_lock(&e->mu);
    if (stage > e->reached)
        e->reached = stage;
    pthread_cond_broadcast(&e->moved);
    pthread_mutex_unlock(&e->mu);
}

void engine_wait(RpEngine *e, int stage)
{
    if (!e || filling_here == e || !e->filling)
        return;
    pthread_mutex_lock(&e->mu);
    while (e->reached < stage)
        pthread_cond_wait(&e->moved, &e->mu);
    pthread_mutex_unlock(&e->mu);
}

void engine_settle(RpEngine *e)
{
    /* the filling thread itself has nothing to wait for */
    if (e && filling_here != e && e->filling) {
        pthread_join(e->th, NULL);
        e->filling = false;
    }
}

/* `filling` is the thread's that started the filling (written after
 * the filler began): the filler itself must not read it, nor need to */
bool engine_busy(const RpEngine *e) { return e && filling_here != e && e->filling; }

Arena *engine_arena(RpEngine *e) { return &e->arena; }

void *engine_lookup(RpEngine *e, const char *kind, const char *key)
{
    char stack[512];
    size_t nk = strlen(kind), n = nk + strlen(key) + 2;
    char *k = n <= sizeof stack ? stack : xmalloc(n);
    memcpy(k, kind, nk);
    k[nk] = '\x1F';
    memcpy(k + nk + 1, key, n - nk - 1);     /* with the NUL */
    pthread_mutex_lock(&e->mu);
    void *v = map_get(&e->items, k);
    pthread_mutex_unlock(&e->mu);
    if (k != stack)
        free(k);
    return v;
}

void engine_store(RpEngine *e, const char *kind, const char *key, void *value)
{
    char *k = arena_printf(&e->arena, "%s\x1F%s", kind, key);
    pthread_mutex_lock(&e->mu);
    map_put(&e->items, k, value);
    pthread_mutex_unlock(&e->mu);
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
