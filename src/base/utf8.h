/*
 * utf8.h - UTF-8 decoding (base layer).
 */
#ifndef RP_UTF8_H
#define RP_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* utf8_next() for a character of more than one byte (or a bad one). */
uint32_t utf8_next_long(const char *s, size_t n, size_t *i);

/* Decode the code point at s[*i] (n bytes in s), advance *i past it.
 * Invalid or truncated sequences yield U+FFFD and advance one byte.
 * (ASCII, most of any text, without a call.) */
static inline uint32_t utf8_next(const char *s, size_t n, size_t *i)
{
    unsigned char c = (unsigned char)s[*i];
    if (c < 0x80) {
        ++*i;
        return c;
    }
    return utf8_next_long(s, n, i);
}

/* Encode `cp` into out (at least 4 bytes); returns the byte count. */
int utf8_encode(uint32_t cp, char *out);

#endif
