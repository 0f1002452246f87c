/*
 * bind.h - the spaces no line may break at (measure stage): as Svenska
 * skrivregler and statistics tables keep together a number's digit
 * groups, a figure and its unit, a date, "§ 3", a label in
 * capitals and its count ("IFO 2069 (45%)"), and, as Unicode's line
 * breaking does, a bracket and what it encloses. text.c asks it for each
 * space, within a run of text and across runs (edge_bound).
 */
#ifndef RP_BIND_H
#define RP_BIND_H

#include <stdbool.h>

/* Whether the space s[i] of s[0..end) is one no line may break at. */
bool text_bound_space(const char *s, int i, int end);
/* The same in a table's cell, `cell`: there a month and its year may
 * part ("december / 2026"), as a narrow column may need; a table row a
 * line taller for a date kept whole costs more. */
bool text_bound_space_in(const char *s, int i, int end, bool cell);

/* The length of the unit of measure ("kr/inv", "µg/m³", "%") that
 * s[i..end) begins with as a word of its own, 0 if none. */
int bind_unit_at(const char *s, int i, int end);

#endif
