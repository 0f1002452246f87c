/*
 * value.h - the values attributes hold, read strictly (parse stage).
 *
 * One reader per kind, shared by reports and layouts, so that "30mm"
 * means the same and is bounded the same in both. A number is written
 * in decimal: digits, optionally a point and more digits; no sign,
 * exponent, hexadecimal, "inf" or spaces (strtod would take them all). A
 * length is such a number and a unit, at most RP_MAX_LENGTH; a colour is
 * # and six hexadecimal digits. On failure each says what is wrong in
 * words that follow the attribute in a message: width="1e20mm" is not a
 * length.
 */
#ifndef RP_VALUE_H
#define RP_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* How many bytes at the start of s make a decimal number ("12", "2.5");
 * 0 if none does. */
size_t value_decimal(const char *s);

/* The whole number that is all of s ("12": digits only), from lo to
 * hi, in *out. false if s is not one or is out of range. */
bool value_whole(const char *s, long lo, long hi, long *out);

/* A length: "25mm", "2.5cm", "11pt", or with unitless_pt also "11" (in
 * pt), in millipoints in *out. Returns NULL, or why it is not a length
 * ("is not a length", "is longer than ..."); *out is then untouched.
 * The one reader of lengths: a report's are then bounded by its
 * layout's page as well (parse_report.c, report_length). */
const char *value_length(const char *s, bool unitless_pt, int32_t *out);

/* Is s written as a length (as value_length reads one), whatever its
 * size? */
bool value_is_length(const char *s, bool unitless_pt);

/* A colour "#RRGGBB" (the n bytes at s) as 0xRRGGBB in *out. Returns
 * NULL, or why it is not one. */
const char *value_color(const char *s, size_t n, uint32_t *out);

/* The Levenshtein distance of two short names (insertions, deletions,
 * substitutions), for "did you mean": 99 for names over 40 bytes. */
int value_distance(const char *a, const char *b);

#endif
