/*
 * numfmt.c - Swedish number formatting on decimal strings. See numfmt.h.
 */
#include "numfmt.h"

#include <stdbool.h>
#include <stdio.h>
#include <string.h>

#define NBSP  "\xC2\xA0"
#define MINUS "\xE2\x88\x92"

static void trim(const char **s, size_t *n)
{
    while (*n && (**s == ' ' || **s == '\t' || **s == '\n' || **s == '\r')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t' ||
                  (*s)[*n - 1] == '\n' || (*s)[*n - 1] == '\r'))
        (*n)--;
}

int numfmt_is_number(const char *s, size_t n)
{
    trim(&s, &n);
    size_t i = 0, digits = 0;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    while (i < n && s[i] >= '0' && s[i] <= '9') { i++; digits++; }
    if (i < n && s[i] == '.') {
        i++;
        size_t f = 0;
        while (i < n && s[i] >= '0' && s[i] <= '9') { i++; f++; }
        if (!f)
            return 0;
        digits += f;
    }
    return digits > 0 && i == n && digits <= 40;
}

int numfmt_two_readings(const char *s, size_t n, TwoReadings *r)
{
    trim(&s, &n);
    size_t i = 0;
    bool neg = false;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        neg = s[i++] == '-';
    else if (i + 2 < n && !memcmp(s + i, MINUS, 3)) {
        neg = true;
        i += 3;
    }
    size_t lead = i;
    while (i < n && s[i] >= '0' && s[i] <= '9')
        i++;
    size_t ndig = i - lead;
    if (ndig < 1 || ndig > 3 || s[lead] == '0' || i + 4 != n || (s[i] != ',' && s[i] != '.'))
        return 0;
    for (size_t k = i + 1; k < n; k++)
        if (s[k] < '0' || s[k] > '9')
            return 0;
    const char *frac = s + i + 1;
    int flen = 3;
    while (flen > 1 && frac[flen - 1] == '0')       /* 43,900 as decimals: 43,9 */
        flen--;
    const char *sign = neg ? MINUS : "", *msign = neg ? "-" : "";
    int d = (int)ndig;
    const char *w = s + lead;
    snprintf(r->thousands, sizeof r->thousands, "%s%.*s %.3s", sign, d, w, frac);
    snprintf(r->plain, sizeof r->plain, "%s%.*s%.3s", msign, d, w, frac);
    snprintf(r->decimal, sizeof r->decimal, "%s%.*s,%.*s", sign, d, w, flen, frac);
    snprintf(r->point, sizeof r->point, "%s%.*s.%.*s", msign, d, w, flen, frac);
    return 1;
}

/* The length of a group separator at s[i]: a space, U+00A0, U+202F, or
 * the thin or figure space (U+2009, U+2007) that Word and Excel put
 * between the thousands. */
static size_t group_sep(const char *s, size_t n, size_t i)
{
    if (s[i] == ' ')
        return 1;
    if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
        return 2;
    if (i + 2 < n && (!memcmp(s + i, "\xE2\x80\xAF", 3) || !memcmp(s + i, "\xE2\x80\x89", 3) ||
                      !memcmp(s + i, "\xE2\x80\x87", 3)))
        return 3;
    return 0;
}

/* Blanks around a number as written: those trim() knows and the
 * no-break spaces a spreadsheet puts there. */
static void trim_wide(const char **s, size_t *n)
{
    for (;;) {
        trim(s, n);
        size_t k;
        if (*n && (k = group_sep(*s, *n, 0)) > 0) {
            *s += k;
            *n -= k;
        } else if (*n >= 2 && !memcmp(*s + *n - 2, NBSP, 2)) {
            *n -= 2;
        } else if (*n >= 3 && group_sep(*s, *n, *n - 3) == 3) {
            *n -= 3;
        } else {
            return;
        }
    }
}

NumRead numfmt_read(const char *s, size_t n, const char *unit, char *out, size_t cap,
                    int *unit_after)
{
    *unit_after = NUM_UNIT_NONE;
    if (cap)
        out[0] = 0;
    trim_wide(&s, &n);
    if (numfmt_is_number(s, n)) {
        if (n + 1 > cap)
            return NUM_TEXT;
        memcpy(out, s, n);
        out[n] = 0;
        return NUM_MACHINE;
    }
    /* a unit after it: "%" or the column's, after an optional space */
    size_t ul = unit && *unit ? strlen(unit) : 0;
    if (ul && n > ul && !memcmp(s + n - ul, unit, ul)) {
        *unit_after = NUM_UNIT_GIVEN;
        n -= ul;
    } else if (n > 1 && s[n - 1] == '%') {
        *unit_after = NUM_UNIT_PERCENT;
        n--;
    }
    if (*unit_after)
        trim_wide(&s, &n);
    size_t i = 0, k = 0;
    char m[96];                         /* the machine form being built */
    if (i < n && (s[i] == '-' || s[i] == '+'))
        m[k++] = s[i++];
    else if (i + 3 < n && (!memcmp(s + i, MINUS, 3) || !memcmp(s + i, "\xE2\x80\x93", 3)) &&
             s[i + 3] >= '0' && s[i + 3] <= '9') {
        m[k++] = '-';           /* the minus sign, or the en dash Word's autocorrect makes of "-" */
        i += 3;
    }
    /* digits in groups: the first of 1 to 3 when others follow */
    size_t group = 0, groups = 1, first = 0, digits = 0;
    bool lead_zero = i < n && s[i] == '0';
    while (i < n && k < 60) {
        size_t g;
        if (s[i] >= '0' && s[i] <= '9') {
            m[k++] = s[i++];
            group++;
            digits++;
        } else if (group > 0 && (g = group_sep(s, n, i)) > 0 && i + g < n &&
                   s[i + g] >= '0' && s[i + g] <= '9') {
            if (groups == 1)
                first = group;
            else if (group != 3)
                return NUM_TEXT;
            groups++;
            group = 0;
            i += g;
        } else {
            break;
        }
    }
    if (!digits || (groups > 1 && (first > 3 || group != 3)))
        return NUM_TEXT;
    bool comma = false;
    size_t frac = 0;
    if (i < n && (s[i] == ',' || s[i] == '.')) {
        comma = s[i] == ',';
        m[k++] = '.';
        for (i++; i < n && s[i] >= '0' && s[i] <= '9' && k < 90; i++, frac++)
            m[k++] = s[i];
        if (!frac)
            return NUM_TEXT;
    }
    if (i != n || digits + frac > 40 || k + 1 > cap)
        return NUM_TEXT;
    if (comma && groups == 1 && frac == 3 && digits <= 3 && !lead_zero)
        return NUM_AMBIGUOUS;
    m[k] = 0;
    memcpy(out, m, k + 1);
    return NUM_READ;
}

/* Append helper with truncation. */
typedef struct Out { char *p; size_t cap, len; } Out;

static void put(Out *o, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++, o->len++)
        if (o->len + 1 < o->cap)
            o->p[o->len] = s[i];
}

int numfmt_format(const char *s, size_t n, const NumFormat *f,
                  char *out, size_t cap)
{
    if (cap)
        out[0] = 0;
    if (!numfmt_is_number(s, n))
        return -1;
    trim(&s, &n);
    int neg = 0;
    if (*s == '-' || *s == '+') {
        neg = *s == '-';
        s++;
        n--;
    }
    /* Split into integer and fraction digits. */
    char digits[96];
    size_t ni = 0, nf = 0, i = 0;
    while (i < n && s[i] != '.')
        digits[ni++] = s[i++];
    if (i < n)
        i++;
    size_t fstart = ni;
    while (i < n)
        digits[ni + nf++] = s[i++];
    if (ni == 0) {                       /* ".5" -> "0.5" */
        memmove(digits + 1, digits, nf);
        digits[0] = '0';
        ni = 1;
        fstart = 1;
    }
    size_t written = nf;                  /* decimals as written */
    int dec = f && f->decimals >= 0 ? f->decimals : (int)nf;
    size_t total = ni + (size_t)dec;     /* digits kept */
    /* Pad missing fraction digits with zeros. */
    while (ni + nf < total)
        digits[ni + nf++] = '0';
    /* Round half away from zero at position `total`. */
    int carry = (ni + nf > total) && digits[total] >= '5';
    size_t len = total;
    for (size_t k = len; carry && k-- > 0;) {
        if (digits[k] == '9') {
            digits[k] = '0';
        } else {
            digits[k]++;
            carry = 0;
        }
    }
    if (carry) {                          /* 99.96 -> 100.0 */
        memmove(digits + 1, digits, len);
        digits[0] = '1';
        ni++;
        len++;
        fstart++;
    }
    (void)fstart;
    /* Strip leading zeros of the integer part (keep one). */
    size_t lead = 0;
    while (lead + 1 < ni && digits[lead] == '0')
        lead++;
    int zero = 1;
    for (size_t k = 0; k < len; k++)
        if (digits[k] != '0')
            zero = 0;
    /* an amount that rounds to nothing shows "0"; a zero written with
     * decimals ("0.0") shows them: the author meant "0,0"; so does a
     * zero with a unit, whose unit stands where the others' do: "0 %"
     * under "8,0 %" left a hole between them */
    int exact = 1;
    for (size_t k = 0; k < ni + nf; k++)
        if (digits[k] != '0')
            exact = 0;
    bool unit = f && f->unit && *f->unit;
    Out o = { out, cap, 0 };
    if (zero && ((exact && written > 0) || unit) && dec > 0) {
        put(&o, "0,", 2);
        for (int k = 0; k < dec; k++)
            put(&o, "0", 1);
    } else if (zero) {
        put(&o, "0", 1);
    } else {
        if (neg)
            put(&o, MINUS, strlen(MINUS));
        else if (f && f->sign_always)
            put(&o, "+", 1);
        size_t nint = ni - lead;
        for (size_t k = 0; k < nint; k++) {
            put(&o, &digits[lead + k], 1);
            size_t left = nint - k - 1;
            if (left && left % 3 == 0)
                put(&o, NBSP, strlen(NBSP));
        }
        if (dec > 0) {
            put(&o, ",", 1);
            put(&o, digits + ni, (size_t)dec);
        }
    }
    if (f && f->unit && *f->unit) {
        put(&o, NBSP, strlen(NBSP));
        put(&o, f->unit, strlen(f->unit));
    }
    if (cap)
        out[o.len < cap ? o.len : cap - 1] = 0;
    return (int)(o.len < cap ? o.len : cap - 1);
}

void numfmt_date(const char *iso, char *out, size_t cap)
{
    static const char *const months[] = { "januari", "februari", "mars", "april", "maj", "juni", "juli",
                                          "augusti", "september", "oktober", "november", "december" };
    int y, m, d;
    if (iso && sscanf(iso, "%4d-%2d-%2d", &y, &m, &d) == 3 && m >= 1 && m <= 12 && d >= 1 && d <= 31)
        snprintf(out, cap, "%d %s %d", d, months[m - 1], y);
    else
        snprintf(out, cap, "%s", iso ? iso : "");
}

int numfmt_double(double v, int decimals, char *out, size_t cap)
{
    char raw[64];
    if (decimals < 0)
        decimals = 0;
    if (decimals > 6)
        decimals = 6;
    snprintf(raw, sizeof raw, "%.*f", decimals, v);
    NumFormat f = { decimals, false, NULL };
    return numfmt_format(raw, strlen(raw), &f, out, cap);
}
