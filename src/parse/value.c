/*
 * value.c - lengths, colours and numbers in attributes, read strictly
 * (parse stage). See value.h.
 */
#include "value.h"
#include "../base/limits.h"
#include "../base/i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool digit(char c)
{
    return c >= '0' && c <= '9';
}

size_t value_decimal(const char *s)
{
    size_t i = 0;
    while (digit(s[i]))
        i++;
    if (i == 0)
        return 0;
    if (s[i] == '.' && digit(s[i + 1])) {
        i++;
        while (digit(s[i]))
            i++;
    }
    return i;
}

bool value_whole(const char *s, long lo, long hi, long *out)
{
    size_t n = 0;
    long v = 0;
    while (digit(s[n])) {
        if (v > (hi - (s[n] - '0')) / 10)
            return false;               /* past hi: and never past LONG_MAX */
        v = v * 10 + (s[n] - '0');
        n++;
    }
    if (n == 0 || s[n] != 0 || v < lo)
        return false;
    *out = v;
    return true;
}

/* Millipoints per unit of the length s (its number read), or 0 if s is
 * not a number and a unit. */
static double per_unit(const char *s, bool unitless_pt)
{
    size_t n = value_decimal(s);
    if (n == 0)
        return 0;
    const char *unit = s + n;
    if (unit[0] == ' ' && unit[1] >= 'a' && unit[1] <= 'z')
        unit++;                         /* "8 cm", as Swedish writes it */
    if (strcmp(unit, "pt") == 0) return 1000;
    if (strcmp(unit, "mm") == 0) return 72000.0 / 25.4;
    if (strcmp(unit, "cm") == 0) return 720000.0 / 25.4;
    if (*unit == 0 && unitless_pt) return 1000;
    return 0;
}

bool value_is_length(const char *s, bool unitless_pt)
{
    return per_unit(s, unitless_pt) > 0;
}

const char *value_length(const char *s, bool unitless_pt, int32_t *out)
{
    double mul = per_unit(s, unitless_pt);
    if (mul == 0)
        return _("is not a length");
    double v = strtod(s, NULL) * mul;
    if (v >= RP_MAX_LENGTH + 0.5)           /* what rounds to at most the bound */
        return _("is longer than the largest page PDF allows (5 080 mm, 14 400 pt)");
    *out = (int32_t)lround(v);
    return NULL;
}

const char *value_color(const char *s, size_t n, uint32_t *out)
{
    if (n != 7 || s[0] != '#')
        return _("is not a colour");
    uint32_t c = 0;
    for (size_t i = 1; i < 7; i++) {
        char h = s[i];
        int d = digit(h) ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10
              : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
        if (d < 0)
            return _("is not a colour");
        c = c << 4 | (uint32_t)d;
    }
    *out = c;
    return NULL;
}

int value_distance(const char *a, const char *b)
{
    size_t n = strlen(a), m = strlen(b);
    if (n > 40 || m > 40)
        return 99;
    int row[41];
    for (size_t j = 0; j <= m; j++)
        row[j] = (int)j;
    for (size_t i = 1; i <= n; i++) {
        int prev = row[0];
        row[0] = (int)i;
        for (size_t j = 1; j <= m; j++) {
            int cur = row[j];
            int sub = prev + (a[i - 1] != b[j - 1]);
            int del = row[j] + 1, ins = row[j - 1] + 1;
            row[j] = sub < del ? (sub < ins ? sub : ins) : (del < ins ? del : ins);
            prev = cur;
        }
    }
    return row[m];
}
