/*
 * hyphen.h - hyphenation by Liang's patterns (measure stage).
 *
 * Reads the libhyphen .dic files Debian ships (hyphen-sv: the LibreOffice
 * patterns, TeX quality) and hyphenates as libhyphen did, without it: the
 * patterns load in one pass into a hash table. The dictionaries are
 * ISO 8859-1, so words are converted; words with characters outside
 * Latin-1 are not hyphenated.
 */
#ifndef RP_HYPHEN_H
#define RP_HYPHEN_H

#include <stddef.h>
#include <stdio.h>

typedef struct Hyphenator Hyphenator;

/* Load the dictionary at `path`, for words that keep at least `left`
 * letters before a hyphen and `right` after it (2 if 0 or less; the
 * dictionary's LEFTHYPHENMIN and RIGHTHYPHENMIN may raise them). The
 * caller owns the result and frees it with hyphen_free. NULL if the file
 * cannot be read (missing, a folder, a pipe) or is not a dictionary we can
 * use as libhyphen would: no ISO 8859-1 charset line, a NUL byte, a second
 * level (NEXTLEVEL) or non-standard patterns ("/"). */
Hyphenator *hyphen_load(const char *path, int left, int right);
/* Free what hyphen_load returned; NULL is fine. */
void hyphen_free(Hyphenator *h);

/* The dictionary at `path` as the image a build carries (rp_patterns,
 * made by src/gen/patterns.c): hyphen_load of that very file (the same
 * size and bytes) then takes it as it lies, without reading patterns.
 * Returns 0, or -1 if the file cannot be loaded or written. */
int hyphen_image(const char *path, FILE *out);

/* Drop the image's pages once hyphenating is done (read again if used). */
void hyphen_release(void);

/* Whether h is the build's image (for the tests). */
int hyphen_from_image(const Hyphenator *h);

/* Hyphenation points of the UTF-8 word s[0..n): sets ok[i] = 1 when a
 * hyphen may be inserted before byte offset i. `ok` holds n + 1 bytes and
 * is cleared first. Returns the number of points. */
int hyphen_points(Hyphenator *h, const char *s, size_t n, unsigned char *ok);

#endif
