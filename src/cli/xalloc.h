/*
 * xalloc.h - the command line's memory: running out of it ends the
 * command with a message (exit 1), so callers never check.
 */
#ifndef RP_XALLOC_H
#define RP_XALLOC_H

#include <stddef.h>

/* `v`, an array of *cap elements of `size` bytes, with room for twice
 * as many (16 at first); *cap updated. */
void *xgrow(void *v, int *cap, size_t size);

/* A copy of `s` (NULL for NULL). */
char *xstrdup(const char *s);

/* Say so and end the command (exit 1). */
void xoom(void) __attribute__((noreturn));

#endif
