/*
 * lexicon.h - the hash of the compound words' table, shared by the tool
 * that builds it (src/gen/lexicon.c, where the table's layout is told)
 * and the code that reads it (compound.c): the two must agree.
 */
#ifndef RP_LEXICON_H
#define RP_LEXICON_H

#include <stdint.h>
#include <stddef.h>

/* FNV-1a over the bytes, then MurmurHash3's finaliser, so every bit
 * depends on every byte. */
static inline uint64_t lexicon_hash(const unsigned char *w, size_t n)
{
    uint64_t h = 14695981039346656037u;
    for (size_t i = 0; i < n; i++)
        h = (h ^ w[i]) * 1099511628211u;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdu;
    h ^= h >> 33;
    h *= 0xc4ceb9fe1a85ec53u;
    h ^= h >> 33;
    return h;
}

/* What a slot holds for a word of hash h: the hash but its two low bits,
 * which hold the word's bits; never 0, the empty slot. */
static inline uint64_t lexicon_key(uint64_t h)
{
    return (h & ~(uint64_t)3) ? h & ~(uint64_t)3 : 4;
}

/* A filter in front of the table (a blocked Bloom filter): a 64-byte
 * block chosen by the hash, three bits set in it per word. A string that
 * is no word, as most looked up are, is told so from the block, 64 KB in
 * all, which the cache keeps, where the table's slots are a memory read
 * each; one in twenty such strings gets past it. */
enum { LEXICON_FILTER = 64 * 1024 };

static inline size_t lexicon_block(uint64_t h) { return (size_t)(h >> 2 & (LEXICON_FILTER / 64 - 1)) * 64; }
static inline unsigned lexicon_bit(uint64_t h, int i)
{
    return (unsigned)(i == 0 ? h >> 12 : i == 1 ? h >> 21 : h >> 40) & 511;
}

/* The slot an entry's probe begins at, of `slots`, and how far slot k
 * lies after it. */
static inline uint64_t lexicon_home(uint64_t e, uint64_t slots) { return (e >> 32) * slots >> 32; }
static inline uint64_t lexicon_dist(uint64_t e, uint64_t k, uint64_t slots)
{
    uint64_t h = lexicon_home(e, slots);
    return k >= h ? k - h : k + slots - h;
}

#endif
