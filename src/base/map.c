/*
 * map.c - open-addressing hash maps (base layer). See map.h.
 */
#include "map.h"

#include <string.h>

void map_init(Map *m, Arena *a, int strings)
{
    m->arena = a;
    m->slots = NULL;
    m->cap = m->n = 0;
    m->strings = strings;
}

static uint64_t hash(const Map *m, const void *key)
{
    uint64_t h = 1469598103934665603ull;       /* FNV-1a */
    if (m->strings) {
        for (const unsigned char *p = key; *p; p++)
            h = (h ^ *p) * 1099511628211ull;
    } else {
        uintptr_t v = (uintptr_t)key;
        for (size_t i = 0; i < sizeof v; i++, v >>= 8)
            h = (h ^ (v & 0xFF)) * 1099511628211ull;
    }
    return h;
}

static int same(const Map *m, const void *a, const void *b)
{
    return m->strings ? strcmp(a, b) == 0 : a == b;
}

void *map_get(const Map *m, const void *key)
{
    if (!m->cap)
        return NULL;
    for (size_t i = hash(m, key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].key)
            return NULL;
        if (same(m, m->slots[i].key, key))
            return m->slots[i].value;
    }
}

static void insert(Map *m, const void *key, void *value)
{
    for (size_t i = hash(m, key) & (m->cap - 1);; i = (i + 1) & (m->cap - 1)) {
        if (!m->slots[i].key) {
            m->slots[i].key = key;
            m->slots[i].value = value;
            m->n++;
            return;
        }
        if (same(m, m->slots[i].key, key)) {
            m->slots[i].value = value;
            return;
        }
    }
}

void map_put(Map *m, const void *key, void *value)
{
    if ((m->n + 1) * 2 > m->cap) {
        MapSlot *old = m->slots;
        size_t oldcap = m->cap;
        m->cap = m->cap ? m->cap * 2 : 64;
        m->slots = ARENA_ARRAY(m->arena, MapSlot, m->cap);
        m->n = 0;
        for (size_t i = 0; i < oldcap; i++)
            if (old[i].key)
                insert(m, old[i].key, old[i].value);
    }
    insert(m, key, value);
}
