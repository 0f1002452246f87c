/*
 * typo.c - typographic punctuation (measure stage): the rules of typo.h.
 *
 * Design notes:
 *  1. Every decision is about one ASCII byte of a block's text and looks
 *     only at the bytes around it, never at other decisions: scanning
 *     needs no memory, and the order of the rules does not matter.
 *  2. Swedish sets the same mark at both ends of a quotation (”…”, ’…’),
 *     and an apostrophe is that ’ too, so quotes need no pairing state;
 *     the context the dash rules need (what stands before and after,
 *     also across <b>, <i> and links) comes from scanning the whole
 *     block at once.
 *  3. Conservative where a hyphen may belong to a code: a range is one
 *     hyphen between two number groups that stand as a word of their
 *     own. Dates (2024-03-01), diarienummer (dnr 2024-421, SON
 *     2023-0123), phone numbers (013-20 60 00, 08-123 45 67) and a year
 *     written "ht -18" stay as written: a hyphen left alone is never
 *     wrong, a dash in a reference number is.
 */
#include "typo.h"

#include <string.h>

static bool digit(unsigned char c) { return c >= '0' && c <= '9'; }
static bool ascii_letter(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static const unsigned char *u(const char *s) { return (const unsigned char *)s; }

/* The length of the space at s[i] (' ', tab, newline: 1; U+00A0: 2), 0
 * if none stands there. */
static size_t space_at(const char *s, size_t len, size_t i)
{
    if (i >= len)
        return 0;
    unsigned char c = u(s)[i];
    if (c == ' ' || c == '\t' || c == '\n')
        return 1;
    return c == 0xC2 && i + 1 < len && u(s)[i + 1] == 0xA0 ? 2 : 0;
}

/* The length of the space that ends just before s[i], 0 if none. */
static size_t space_before(const char *s, size_t i)
{
    if (i >= 1 && (s[i - 1] == ' ' || s[i - 1] == '\t' || s[i - 1] == '\n'))
        return 1;
    return i >= 2 && u(s)[i - 2] == 0xC2 && u(s)[i - 1] == 0xA0 ? 2 : 0;
}

/* Whether the three bytes before s[i] are the typographic quote ” or ’. */
static bool quote_before(const char *s, size_t i)
{
    return i >= 3 && u(s)[i - 3] == 0xE2 && u(s)[i - 2] == 0x80 && (u(s)[i - 1] == 0x9D || u(s)[i - 1] == 0x99);
}

/* Whether a word may begin at s[i]: the block, a space, a mark or an
 * opening bracket or quote stands before it. */
static bool word_starts(const char *s, size_t i)
{
    if (i == 0 || space_before(s, i) || quote_before(s, i))
        return true;
    char c = s[i - 1];
    return c == TYPO_SEP || c == '(' || c == '[' || c == '"' || c == '\'';
}

/* Whether a word may end at s[i]: the block, a space, a mark or closing
 * punctuation follows. */
static bool word_ends(const char *s, size_t len, size_t i)
{
    if (i == len || space_at(s, len, i))
        return true;
    unsigned char c = u(s)[i];
    if (c == TYPO_SEP || (c && strchr(".,;:!?)]%\"'", c)))
        return true;
    /* ” ’ ‰ */
    return c == 0xE2 && i + 2 < len && u(s)[i + 1] == 0x80 &&
           (u(s)[i + 2] == 0x9D || u(s)[i + 2] == 0x99 || u(s)[i + 2] == 0xB0);
}

/* A number group: digits, with single . , or : between digits
 * ("2018", "08.00", "1,5"). The end of the one starting at s[i] (a digit). */
static size_t group_end(const char *s, size_t len, size_t i)
{
    while (i < len && (digit(u(s)[i]) ||
                       ((s[i] == '.' || s[i] == ',' || s[i] == ':') && i + 1 < len && digit(u(s)[i + 1]) &&
                        i > 0 && digit(u(s)[i - 1]))))
        i++;
    return i;
}

/* The start of the number group that ends just before s[i] (s[i - 1] a digit). */
static size_t group_start(const char *s, size_t i)
{
    while (i > 0 && (digit(u(s)[i - 1]) ||
                     ((s[i - 1] == '.' || s[i - 1] == ',' || s[i - 1] == ':') && i >= 2 && digit(u(s)[i - 2]) &&
                      digit(u(s)[i]))))
        i--;
    return i;
}

/* The leading digits of s[0..len) (their value from at most 9, enough
 * to compare). */
static int run_digits(const char *s, size_t len, long *value)
{
    int n = 0;
    long v = 0;
    while ((size_t)n < len && digit(u(s)[n])) {
        if (n < 9)
            v = v * 10 + (s[n] - '0');
        n++;
    }
    *value = v;
    return n;
}

/* The word before s[i] (past spaces and an opening parenthesis, without
 * a final . or :) into w (cap bytes, NUL terminated); its length, 0 if
 * there is none or it is longer than w holds. */
static size_t word_before(const char *s, size_t i, char *w, size_t cap)
{
    size_t sp;
    while (i > 0 && ((sp = space_before(s, i)) != 0 || s[i - 1] == '('))
        i -= sp ? sp : 1;
    if (i > 0 && (s[i - 1] == '.' || s[i - 1] == ':'))
        i--;
    size_t e = i;
    while (i > 0 && (ascii_letter(u(s)[i - 1]) || u(s)[i - 1] >= 0x80) && !space_before(s, i))
        i--;
    size_t n = e - i;
    if (n == 0 || n >= cap)
        return 0;
    memcpy(w, s + i, n);
    w[n] = 0;
    return n;
}

/* Whether w is one of `words` but for the case of ASCII letters. */
static bool one_of(const char *w, const char *const *words, size_t nwords)
{
    for (size_t k = 0; k < nwords; k++) {
        size_t j = 0;
        while (w[j] && ((unsigned char)w[j] < 0x80 ? w[j] | 0x20 : w[j]) == words[k][j])
            j++;
        if (!w[j] && !words[k][j])
            return true;
    }
    return false;
}

/* What the word before the number at s[i] makes of it: CODE, a
 * reference whatever its digits (an abbreviation in capitals: SON, KS,
 * SFS; a word for a case, an account, a phone: "bankgiro 123-4567",
 * "ärende 12-345678"); MAYBE, a code or a range by its digits (after
 * "rum", "konto", "artikel": "rum 2-314" is a room, "konto 3000-3999",
 * "artikel 2-4" ranges); 0, neither. */
enum { CODE = 1, MAYBE = 2 };
static int code_word_before(const char *s, size_t i)
{
    static const char *const words[] = {
        "dnr", "nr", "diarienr", "diarienummer", "bankgiro", "bg", "plusgiro", "pg", "postgiro",
        "kontonr", "kontonummer", "\xc3\xa4rende", "\xc3\x84rende", "\xc3\xa4rendenr", "\xc3\x84rendenr",
        "\xc3\xa4rendenummer", "\xc3\x84rendenummer", "artikelnr", "artikelnummer", "artnr",
        "fakturanr", "fakturanummer", "ordernr", "ordernummer", "orgnr", "organisationsnummer",
        "personnummer", "pnr", "objektnr", "objektnummer", "referensnummer", "tel", "telefon", "mobil", "fax",
    };
    static const char *const maybe[] = {
        "rum", "konto", "artikel", "faktura", "order", "objekt", "ref", "referens", "id", "kod",
    };
    char w[24];
    size_t n = word_before(s, i, w, sizeof w);
    bool caps = n >= 2;
    for (size_t k = 0; k < n; k++)
        caps &= w[k] >= 'A' && w[k] <= 'Z';
    if (caps || (n && one_of(w, words, sizeof words / sizeof *words)))
        return CODE;
    return n && one_of(w, maybe, sizeof maybe / sizeof *maybe) ? MAYBE : 0;
}

/* Whether the word before s[i] names a month, a term or a season:
 * "Aug -22", "ht -18", "hösten -19" write a year with a hyphen for its
 * century, not a minus. */
static bool year_word_before(const char *s, size_t i)
{
    static const char *const words[] = {
        "jan", "januari", "feb", "febr", "februari", "mar", "mars", "apr", "april", "maj", "jun", "juni",
        "jul", "juli", "aug", "augusti", "sep", "sept", "september", "okt", "oktober", "nov", "november",
        "dec", "december", "ht", "vt", "h\xC3\xB6st", "h\xC3\xB6sten", "v\xC3\xA5r", "v\xC3\xA5ren",
        "sommar", "sommaren", "vinter", "vintern", "\xC3\xA5r", "\xC3\xA5ret", "l\xC3\xA4s\xC3\xA5ret",
        "budget\xC3\xA5ret", "verksamhets\xC3\xA5ret",
    };
    char w[16];
    return word_before(s, i, w, sizeof w) && one_of(w, words, sizeof words / sizeof *words);
}

/* A hyphen between two number groups standing as one word: a range
 * (2018-2022, 08.00-17.00, 1-3, 2018-22), unless it looks like a code
 * (design note 3). */
static bool range_at(const char *s, size_t len, size_t i)
{
    if (i == 0 || i + 1 >= len || !digit(u(s)[i - 1]) || !digit(u(s)[i + 1]))
        return false;
    size_t ls = group_start(s, i), re = group_end(s, len, i + 1);
    if (!word_starts(s, ls) || !word_ends(s, len, re))
        return false;                   /* 2024-03-01, A-1-2, 2023/2024-2025 */
    long a, b;
    int ad = run_digits(s + ls, len - ls, &a), bd = run_digits(s + i + 1, len - i - 1, &b);
    if ((ad >= 3 && s[ls] == '0') || (bd >= 3 && s[i + 1] == '0'))
        return false;                   /* an area code, a case number: 013-, -0123 */
    if (b < a && !(ad == 4 && bd == 2 && s[i + 1] != '0' && b > a % 100))
        return false;                   /* 2024-421, 2024-04; 2018-22 is a range */
    if (ad >= 2 && bd - ad >= 3)
        return false;                   /* 12-345678: a code, not "12 to 345 678" */
    size_t sp = space_at(s, len, re);
    if (sp && digit(u(s)[re + sp]))
        return false;                   /* the number goes on: 08-123 45 67 */
    int code = code_word_before(s, ls);
    /* after "rum", "konto": a range where both ends are as long, rising */
    return !code || (code == MAYBE && ad == bd && b > a);
}

/* A hyphen with a space on either side, after a word: a dash. */
static bool spaced_dash(const char *s, size_t len, size_t i)
{
    size_t sp = space_before(s, i);
    return sp && space_at(s, len, i + 1) && i > sp && !space_before(s, i - sp) && s[i - sp - 1] != TYPO_SEP;
}

/* A hyphen that begins a number standing as a word of its own, as a
 * sign: -71,1, -5 %, (-12), "Avvikelse: -250", "blev -12.", "-3 till
 * -1" (a whole number without a unit kept the hyphen, a typographer).
 * Not "ht -18", "Aug -22 100%" or "hösten -19", where it stands for the
 * century, nor "-3D". */
static bool minus_at(const char *s, size_t len, size_t i)
{
    if (i + 1 >= len || !digit(u(s)[i + 1]) || !word_starts(s, i))
        return false;
    size_t e = group_end(s, len, i + 1), sp;
    /* digit groups of three: -1 540 tkr */
    while ((sp = space_at(s, len, e)) != 0 && e + sp + 3 <= len && digit(u(s)[e + sp]) &&
           digit(u(s)[e + sp + 1]) && digit(u(s)[e + sp + 2]) &&
           (e + sp + 3 == len || !digit(u(s)[e + sp + 3])))
        e += sp + 3;
    /* after a number and a space, a range typed with a stray space ("0
     * -20 år", the verksamhetsberättelse's): not "0 −20" */
    size_t sb = space_before(s, i);
    if (sb && i > sb && digit(u(s)[i - sb - 1]))
        return false;
    return word_ends(s, len, e) && !year_word_before(s, i);     /* not -3D, Aug -22 */
}

/* What the byte s[i] prints as, 0: as it is. */
/* Months and weekdays, whole or cut short, in lower case: a range of
 * them takes an en dash like a range of numbers ("jan–aug", "mån–fre"). */
static const char *const calendar_words[] = {
    "jan", "januari", "feb", "febr", "februari", "mar", "mars", "apr", "april", "maj", "jun", "juni",
    "jul", "juli", "aug", "augusti", "sep", "sept", "september", "okt", "oktober", "nov", "november",
    "dec", "december", "m\xC3\xA5n", "m\xC3\xA5ndag", "tis", "tisdag", "ons", "onsdag", "tor", "tors",
    "torsdag", "fre", "fredag", "l\xC3\xB6r", "l\xC3\xB6rdag", "s\xC3\xB6n", "s\xC3\xB6ndag",
};

/* Whether s[a..b) is one of calendar_words (its first letter may be a
 * capital), perhaps with the full stop of an abbreviation after it. */
static bool calendar_word(const char *s, size_t a, size_t b)
{
    if (b > a && s[b - 1] == '.')
        b--;
    size_t n = b - a;
    if (n < 3 || n > 10)
        return false;
    char w[12];
    memcpy(w, s + a, n);
    if (w[0] >= 'A' && w[0] <= 'Z')
        w[0] = (char)(w[0] - 'A' + 'a');
    for (size_t k = 0; k < sizeof calendar_words / sizeof *calendar_words; k++)
        if (strlen(calendar_words[k]) == n && memcmp(calendar_words[k], w, n) == 0)
            return true;
    return false;
}

/* A hyphen between two months or two weekdays that stand as a word of
 * their own: "jan-aug 2022", "mån-fre", "Maj-juni". */
static bool calendar_range_at(const char *s, size_t len, size_t i)
{
    size_t a = i, b = i + 1;
    while (a > 0 && (ascii_letter(u(s)[a - 1]) || u(s)[a - 1] >= 0x80 || (s[a - 1] == '.' && a == i)))
        a--;
    while (b < len && (ascii_letter(u(s)[b]) || u(s)[b] >= 0x80))
        b++;
    if (b < len && s[b] == '.')
        b++;
    return a < i && b > i + 1 && word_starts(s, a) && word_ends(s, len, b) && calendar_word(s, a, i) &&
           calendar_word(s, i + 1, b);
}

static uint32_t decide(TypoRules r, const char *s, size_t len, size_t i)
{
    char c = s[i];
    if (c == '"')
        return r.quotes ? 0x201D : 0;
    if (c == '\'')
        return r.quotes ? 0x2019 : 0;
    if (!r.dashes)
        return 0;
    if (c == ' ')        /* the space before a dash: the dash never starts a line */
        return i + 1 < len && s[i + 1] == '-' && spaced_dash(s, len, i + 1) ? 0xA0 : 0;
    if (c != '-')
        return 0;
    if (spaced_dash(s, len, i) || range_at(s, len, i) || calendar_range_at(s, len, i))
        return 0x2013;
    return minus_at(s, len, i) ? 0x2212 : 0;
}

int typo_scan(TypoRules r, const char *s, size_t len, TypoEdit *edits)
{
    int n = 0;
    if (!r.quotes && !r.dashes)
        return 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t cp = decide(r, s, len, i);
        if (cp) {
            edits[n].at = (int32_t)i;
            edits[n].cp = cp;
            n++;
        }
    }
    return n;
}

/* cp as UTF-8 into out (at least 3 bytes; every cp here is below U+10000). */
static size_t encode(uint32_t cp, char *out)
{
    if (cp < 0x80) {
        out[0] = (char)cp;
        return 1;
    }
    if (cp < 0x800) {
        out[0] = (char)(0xC0 | cp >> 6);
        out[1] = (char)(0x80 | (cp & 0x3F));
        return 2;
    }
    out[0] = (char)(0xE0 | cp >> 12);
    out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
}

size_t typo_apply(TypoRules r, const char *s, size_t len, char *out, size_t cap)
{
    size_t k = 0;
    if (cap == 0)
        return 0;
    for (size_t i = 0; i < len; i++) {
        uint32_t cp = decide(r, s, len, i);
        char tmp[3];
        size_t n = cp ? encode(cp, tmp) : 1;
        if (!cp)
            tmp[0] = s[i];
        if (k + n + 1 > cap)
            break;
        memcpy(out + k, tmp, n);
        k += n;
    }
    out[k] = 0;
    return k;
}
