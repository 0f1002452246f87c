/*
 * map.h - hash maps for the run's look-ups (base layer).
 *
 * Ids (strings) to nodes in the parser, nodes (pointers) to anchors in
 * measure: open addressing, linear probing, grown at half full, memory
 * from the run's arena. Keys are borrowed: they must outlive the map.
 * Every look-up is O(1) on average, so a report with thousands of
 * headings and references stays linear.
 */
#ifndef RP_MAP_H
#define RP_MAP_H

#include <stddef.h>
#include <stdint.h>
#include "arena.h"

typedef struct MapSlot {
    const void *key;     /* NULL: empty */
    void       *value;
} MapSlot;

typedef struct Map {
    Arena   *arena;
    MapSlot *slots;
    size_t   cap, n;
    int      strings;    /* keys are NUL-terminated strings, not pointers */
} Map;

/* FNV-1a over n bytes: the hash of the run's own tables of words
 * hyphenated (text.c's cache, the words hyphenated ahead); the fonts'
 * caches hash 16 bytes at a time (font.c's key_of). */
static inline uint32_t map_hash_bytes(const char *s, size_t n)
{
    uint32_t h = 2166136261u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 16777619u;
    return h;
}

/* An empty map of string keys (strings = 1) or pointer keys (0). */
void map_init(Map *m, Arena *a, int strings);

/* The value stored under key, or NULL. */
void *map_get(const Map *m, const void *key);

/* Store value under key (replacing any). key must not be NULL. */
void map_put(Map *m, const void *key, void *value);

#endif
