/*
 * numfmt.c - Swedish number formatting on decimal strings. See numfmt.h.
 */
#include "numfmt.h"

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
     * decimals ("0.0") shows them: the author meant "0,0" */
    int exact = 1;
    for (size_t k = 0; k < ni + nf; k++)
        if (digits[k] != '0')
            exact = 0;
    Out o = { out, cap, 0 };
    if (zero && exact && written > 0 && dec > 0) {
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
