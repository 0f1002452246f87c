/*
 * utf8.h - UTF-8 decoding (base layer).
 */
#ifndef RP_UTF8_H
#define RP_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* Decode the code point at s[*i] (n bytes in s), advance *i past it.
 * Invalid or truncated sequences yield U+FFFD and advance one byte. */
uint32_t utf8_next(const char *s, size_t n, size_t *i);

/* Encode `cp` into out (at least 4 bytes); returns the byte count. */
int utf8_encode(uint32_t cp, char *out);

#endif
