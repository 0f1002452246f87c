/*
 * hyphen.h - Swedish (or any libhyphen) hyphenation (measure stage).
 *
 * A thin wrapper over libhyphen with the LibreOffice patterns Debian
 * ships (hyphen-sv): TeX-quality patterns we could not write better
 * ourselves. The dictionaries are ISO 8859-1, so words are converted;
 * words with characters outside Latin-1 are not hyphenated.
 */
#ifndef RP_HYPHEN_H
#define RP_HYPHEN_H

#include <stddef.h>

typedef struct Hyphenator Hyphenator;

/* Load the dictionary at `path`; NULL if it cannot be loaded. */
Hyphenator *hyphen_load(const char *path, int left, int right);
void hyphen_free(Hyphenator *h);

/* Hyphenation points of the UTF-8 word s[0..n): sets ok[i] = 1 when a
 * hyphen may be inserted before byte offset i. `ok` holds n + 1 bytes and
 * is cleared first. Returns the number of points. */
int hyphen_points(Hyphenator *h, const char *s, size_t n, unsigned char *ok);

#endif
