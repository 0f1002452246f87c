/*
 * numfmt.h - numbers in Swedish style (model layer).
 *
 * A report writes amounts as machine numbers ("-1877.05"); they are
 * printed the way Linköping's reports print them: a non-breaking space
 * between thousands, a decimal comma, a real minus sign (U+2212), an
 * optional plus on deviations, an optional unit after a non-breaking
 * space ("+4,4 mnkr", "5,6 %"). Rounding is done on the decimal digits
 * (half away from zero), never through binary floating point, so 0.05
 * rounds to 0,1 on every machine. An amount that rounds to nothing shows
 * as "0", as in the municipality's published tables ("-" means no
 * amount and is written as text); a zero written with decimals ("0.0")
 * keeps them ("0,0"), as does one with a unit ("0,0 %", its unit where
 * the others' stand).
 */
#ifndef RP_NUMFMT_H
#define RP_NUMFMT_H

#include <stddef.h>
#include "model.h"

/* 1 if s[0..n) (surrounding blanks allowed) is a machine number:
 * optional + or -, digits, optionally . and digits. */
int numfmt_is_number(const char *s, size_t n);

/* The two ways "1,234" or "2.350" can be read: a thousand and more
 * ("2 350", with a plain space, as a message shows it; "2350"), or one
 * and a bit ("2,35" as printed; "2.35" as written, which is not
 * ambiguous). */
typedef struct TwoReadings { char thousands[32], plain[32], decimal[32], point[32]; } TwoReadings;

/* If s[0..n) is one to three digits (not starting with 0), a comma or a
 * point and exactly three digits ("1,234", "2.350", "-43,900"): 1, with
 * its two readings in *r. Else 0. */
int numfmt_two_readings(const char *s, size_t n, TwoReadings *r);

/* What numfmt_read() made of a number as people and spreadsheets write it. */
typedef enum NumRead {
    NUM_TEXT,        /* not a number: words, "-", "1,234.5" */
    NUM_MACHINE,     /* already a machine number ("1877.0", "-71.1", "+3.9") */
    NUM_READ,        /* written the Swedish way ("1 877,0", "−71,1", "12 %"):
                      * `out` holds it as a machine number */
    NUM_AMBIGUOUS,   /* "1,234": a thousand and more, or one and a bit? */
} NumRead;

/* The unit numfmt_read() found after a number. */
enum NumUnit {
    NUM_UNIT_NONE,       /* none */
    NUM_UNIT_GIVEN,      /* the `unit` it was given ("mnkr"; "%" when that is it) */
    NUM_UNIT_PERCENT,    /* "%", when the unit given is another or none */
};

/*
 * Read s[0..n) as a Swedish spreadsheet or a person writes a number:
 * blanks around it allowed; a sign "-", "+" or U+2212; digits in groups
 * of three parted by a space, a no-break space (U+00A0) or a narrow one
 * (U+202F), the first group of one to three; a decimal comma (or point)
 * and at least one digit; then, after an optional space, "%" or `unit`
 * (NULL: only "%"). A comma followed by exactly three digits, with no
 * group separator before it and one to three digits before it that do
 * not start with 0, is NUM_AMBIGUOUS ("1,234", "-12,500"; "0,125" and
 * "1 234,567" are not). On NUM_READ (and NUM_MACHINE) `out` holds the
 * machine number, NUL-terminated (nothing if it does not fit `cap`: then
 * NUM_TEXT), and *unit_after says which unit followed (NumUnit). Never
 * fails otherwise.
 */
NumRead numfmt_read(const char *s, size_t n, const char *unit, char *out, size_t cap,
                    int *unit_after);

/* Format the machine number s[0..n) by `f` into out (NUL-terminated,
 * truncated to cap). Returns the length written, or -1 if s is not a
 * machine number (out then holds nothing). */
int numfmt_format(const char *s, size_t n, const NumFormat *f,
                  char *out, size_t cap);

/* A date written 2025-02-20 the Swedish way, "20 februari 2025", into
 * out; anything else is copied unchanged. */
void numfmt_date(const char *iso, char *out, size_t cap);

/* Format a double (for chart axes) with `decimals` decimals. */
int numfmt_double(double v, int decimals, char *out, size_t cap);

#endif
