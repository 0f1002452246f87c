/*
 * compound.h - where a Swedish compound's words meet (measure stage).
 *
 * Hyphenation patterns alone break "konsekvensanalys" as
 * "konsekven-sanalys" and "nyttjandegrad" as "nyttjan-degrad": false
 * words a reader stumbles over. This finds the joints of a compound from
 * the words of Hunspell's Swedish dictionary (hunspell-sv), carried in
 * the program as a table (src/gen/lexicon.c): a word is a compound when
 * it can be read as words that may begin or stand inside a compound,
 * each perhaps with a linking -s, and a last word that may end one, with
 * an inflection ending ("analys|en", "grad|en"). hyphen.c then breaks at
 * the joints and not next to them.
 */
#ifndef RP_COMPOUND_H
#define RP_COMPOUND_H

#include <stdbool.h>
#include <stddef.h>

/* The joints of the lower-case ISO 8859-1 word w[0..n): joint[i] = 1 when
 * one word of the compound ends before w[i], 2 where a part that the
 * dictionary has whole does ("trafik|säkerhets|åtgärder": 1, then 2), 3
 * inside a part of such a part ("detalj|plane|läggnings|process": 3, 2,
 * 1), 0 elsewhere (joint has n + 1 bytes and is cleared first). Returns the
 * number of joints; 0 for a word that is not a compound, or that the
 * dictionary has whole (as "konsekvensanalys" is: its joints are still
 * found, from its parts). */
int compound_joints(const unsigned char *w, int n, unsigned char *joint);

/* Hyphenation points ok[] (by byte offset, as hyphen_points() gives
 * them) of the UTF-8 word s[0..n), corrected where the word is a
 * compound: its joints become points (ok = 2, to be preferred; 3 inside
 * a part, preferred to a point but not to a joint of the whole; 4 inside
 * a part's part, after those) where
 * `left` and `right` letters stand on either side, and pattern points
 * within two letters of a joint go. Returns the points left, or -1 for a
 * word outside ISO 8859-1 (ok[] unchanged). */
int compound_adjust(const char *s, size_t n, unsigned char *ok, int left, int right);

struct Hyphenator;

/* The hyphenation points of the letters s[0..n) (n < 128): the
 * patterns' (hyphen_points), corrected at the compound's joints
 * (compound_adjust), into ok[0..n]; nonzero if there are any. Reads only
 * h and the lexicon: any thread may ask. */
int compound_points(struct Hyphenator *h, int left, int right, const char *s, size_t n, unsigned char *ok);

/* Whether the UTF-8 word s[0..n), in lower case, is a Swedish word or
 * compound of them: "Verksamheten" at the start of a sentence is,
 * "Linköpings" and "Leanlink" are not (names are not hyphenated). */
bool compound_known(const char *s, size_t n);

/* Where the word s[0..n) (a compound_known() has not) joins a last part
 * of eight letters or more that is a Swedish word, perhaps inflected, to
 * a first part the dictionary lacks: the byte offset of that joint
 * ("Lov|aktiviteterna", "Skäggetorps|projektet"), or -1. Such a word
 * starting a cell is divided there or in its last part, never inside
 * its first, which may be a name. */
int compound_tail(const char *s, size_t n);

/* Whether the UTF-8 word s[0..n) (any case) is one a setter never
 * divides though the patterns and the dictionary would: a conjunction or
 * adverb made of two words ("eftersom", "därför", "emellertid"), which
 * divided reads as its parts ("efter-/som"). */
bool compound_undivided(const char *s, size_t n);

/* Whether the lower-case ISO 8859-1 word w[0..n) is a Swedish word, as
 * it stands or with an inflection ending. */
bool compound_is_word(const unsigned char *w, int n);

/* The table's pages may go from memory until the next look-up (after
 * measuring: drawing looks nothing up). */
void compound_release(void);

#endif
