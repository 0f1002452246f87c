/*
 * bind.c - the spaces no line may break at (measure stage). See bind.h.
 */
#include "bind.h"

#include <string.h>

static bool is_digit(char c) { return c >= '0' && c <= '9'; }

/* The length of a unit of measure that starts s[i..end) as a word of its
 * own ("kr/inv", "%", "mnkr"), 0 if none does. */
int bind_unit_at(const char *s, int i, int end)
{
    /* each with its length, and the first byte compared before the rest */
#define U(s) { s, sizeof s - 1 }
    static const struct { const char *s; unsigned char n; } units[] = {
        U("%"), U("\xE2\x80\xB0"), U("kr/inv"), U("kr/tim"), U("kr/dygn"), U("kr"), U("tkr"), U("mnkr"),
        U("mdkr"), U("kronor"), U("st"), U("tim"), U("h"), U("min"), U("km"), U("m"), U("mm"), U("cm"),
        U("m\xC2\xB2"), U("kvm"), U("kg"), U("g"), U("dygn"), U("dgr"), U("dag"), U("dagar"), U("v."),
        U("veckor"), U("mån"), U("månader"), U("år"), U("timmar"), U("minuter"), U("procent"),
        U("procentenheter"), U("p.e."), U("e.Kr."), U("f.Kr."), U("mkr"), U("mdr"), U("miljon"), U("miljoner"),
        U("miljard"), U("miljarder"), U("\xC2\xA7"), U("\xC2\xA7\xC2\xA7"), U("kap."), U("\xC2\xB0" "C"),
        U("\xC2\xB0"), U("ton"), U("kWh"), U("MWh"), U("GWh"), U("kW"), U("MW"), U("GB"), U("MB"), U("TB"),
        U("kB"), U("l"), U("liter"), U("dl"), U("cl"), U("ml"), U("mg"), U("mg/l"), U("\xC2\xB5g"),
        U("\xC2\xB5g/m\xC2\xB3"), U("m\xC2\xB3"), U("km\xC2\xB2"), U("km/h"), U("hektar"), U("SEK"), U("EUR"),
        U("\xE2\x82\xAC"),
    };
#undef U
    int best = 0;
    for (size_t u = 0; i < end && u < sizeof units / sizeof *units; u++) {
        int n = units[u].n;
        if (units[u].s[0] != s[i] || n > end - i || n <= best || memcmp(s + i, units[u].s, (size_t)n) != 0)
            continue;
        unsigned char next = i + n < end ? (unsigned char)s[i + n] : ' ';
        bool word_ends = !((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') ||
                           next >= 0x80 || is_digit((char)next));
        if (word_ends)
            best = n;
    }
    return best;
}

/* Whether the word ending at s[i] (before a space) is a short label in
 * capitals, perhaps with digits and a colon: "IFO", "LSS:", "R9:",
 * "FH-SOL". */
static bool caps_label_before(const char *s, int i)
{
    int k = i - 1, chars = 0;
    if (k >= 0 && s[k] == ':')
        k--;
    bool capital = false;                  /* the one nearest the start, so far */
    while (k >= 0 && s[k] != ' ' && s[k] != '(') {
        unsigned char c = (unsigned char)s[k];
        if (++chars > 8)
            return false;
        if (c >= 'A' && c <= 'Z') {
            capital = true;
            k--;
        } else if ((c == 0x84 || c == 0x85 || c == 0x96) && k >= 1 && (unsigned char)s[k - 1] == 0xC3) {
            capital = true;                /* Ä Å Ö */
            k -= 2;
        } else if (is_digit((char)c) || c == '-' || c == '/') {
            capital = false;
            k--;
        } else {
            return false;
        }
    }
    return capital && chars >= 2;          /* begins with a capital */
}

/* Whether a count begins at s[i]: digits, perhaps with a decimal comma,
 * up to a space, a comma, a parenthesis or the end; not a date
 * ("2024-04-06"), a name ("9:8"), a number in digit groups or one with
 * a unit ("1 063 kr/inv": a label before such an amount may stand on a
 * line of its own, "R9:" over "1 063 kr/inv", rather than make its
 * column wide). */
static bool count_at(const char *s, int i, int end)
{
    if (i >= end || !is_digit(s[i]))
        return false;
    while (i < end && (is_digit(s[i]) || (s[i] == ',' && i + 1 < end && is_digit(s[i + 1]))))
        i++;
    if (i < end && s[i] == ' ')
        return !(i + 1 < end && (is_digit(s[i + 1]) || bind_unit_at(s, i + 1, end) > 0));
    return i == end || s[i] == ',' || s[i] == '(' || s[i] == ')' || s[i] == ']' || s[i] == '.' || s[i] == ';';
}

/* Whether a statute book's number begins at s[i], a year, a colon and a
 * number ("BFS 2020:5", "SFS 2001:453"), as a word of its own. */
static bool statute_at(const char *s, int i, int end)
{
    int k = i;
    while (k < end && is_digit(s[k]))
        k++;
    if (k - i != 4 || k + 1 >= end || s[k] != ':' || !is_digit(s[k + 1]))
        return false;
    for (k++; k < end && is_digit(s[k]);)
        k++;
    return k == end || !(is_digit(s[k]) || (unsigned char)s[k] >= 0x80 || (s[k] >= 'a' && s[k] <= 'z') ||
                         (s[k] >= 'A' && s[k] <= 'Z'));
}

/* Whether a date written 2025-06-18 begins at s[i] as a word of its own
 * (a decision's date after its body: "KF 2025-06-18 § 214"). */
static bool date_at(const char *s, int i, int end)
{
    static const char shape[] = "dddd-dd-dd";
    if (end - i < 10)
        return false;
    for (int k = 0; k < 10; k++)
        if (shape[k] == 'd' ? !is_digit(s[i + k]) : s[i + k] != '-')
            return false;
    return i + 10 == end || !(is_digit(s[i + 10]) || (unsigned char)s[i + 10] >= 0x80 ||
                              (s[i + 10] >= 'a' && s[i + 10] <= 'z') || (s[i + 10] >= 'A' && s[i + 10] <= 'Z'));
}

/* Whether a law's short name in capitals (2 to 5 letters) stands at s[i]
 * as a word of its own: "PBL", "SoL", "LSS" after "§". */
static bool law_at(const char *s, int i, int end)
{
    int k = i;
    while (k < end && k - i < 6 && ((s[k] >= 'A' && s[k] <= 'Z') || (s[k] >= 'a' && s[k] <= 'z')))
        k++;
    if (k - i < 2 || k - i > 5 || !(s[i] >= 'A' && s[i] <= 'Z') || !(s[k - 1] >= 'A' && s[k - 1] <= 'Z'))
        return false;
    return k == end || !((unsigned char)s[k] >= 0x80 || is_digit(s[k]));
}

/* Whether a month's name, whole or shortened ("15 mars", "1 feb"),
 * begins at s[i] as a word of its own. */
static bool month_at(const char *s, int i, int end)
{
    static const char *const months[] = {
        "januari", "februari", "mars", "april", "maj", "juni", "juli", "augusti", "september",
        "oktober", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "okt", "nov", "dec",
    };
    for (size_t k = 0; k < sizeof months / sizeof *months; k++) {
        int n = (int)strlen(months[k]);
        if (n > end - i || memcmp(s + i, months[k], (size_t)n) != 0)
            continue;
        unsigned char next = i + n < end ? (unsigned char)s[i + n] : ' ';
        if (!((next >= 'a' && next <= 'z') || (next >= 'A' && next <= 'Z') || next >= 0x80 || is_digit((char)next)))
            return true;
    }
    return false;
}

/* Whether a year of four digits stands at s[i] as a word of its own
 * ("2025", "2025.", not "20250" nor "2025-0094"). */
static bool year_at(const char *s, int i, int end)
{
    if (i + 4 > end)
        return false;
    for (int k = i; k < i + 4; k++)
        if (!is_digit(s[k]))
            return false;
    return i + 4 == end || !(is_digit(s[i + 4]) || s[i + 4] == '-' || (unsigned char)s[i + 4] >= 0x80 ||
                             (s[i + 4] >= 'a' && s[i + 4] <= 'z'));
}

/* Whether the word that ends at s[i] (before a space) is a month's name:
 * "september", "September" at a sentence's start, the last of a range
 * ("jan–augusti", "januari-mars"). */
static bool month_before(const char *s, int i)
{
    int k = i;
    while (k > 0 && s[k - 1] != ' ' && s[k - 1] != '(' && i - k < 24)
        k--;
    for (int q = i - 1; q > k; q--)                 /* after a range's dash */
        if (s[q] == '-' || (q >= k + 2 && (unsigned char)s[q - 2] == 0xE2 && (unsigned char)s[q - 1] == 0x80 &&
                            (unsigned char)s[q] == 0x93)) {
            k = q + 1;
            break;
        }
    char w[16];
    int n = i - k;
    if (n < 3 || n >= (int)sizeof w)
        return false;
    memcpy(w, s + k, (size_t)n);
    if (w[0] >= 'A' && w[0] <= 'Z')
        w[0] = (char)(w[0] + 32);
    return month_at(w, 0, n);
}

/* Whether the word that ends at s[i] (before a space) is one in
 * `words`, its first letter in either case ("Kap." begins a sentence). */
static bool word_before_is(const char *s, int i, const char *const *words, size_t nwords)
{
    int k = i;
    while (k > 0 && i - k <= 12 && s[k - 1] != ' ' && s[k - 1] != '(')
        k--;
    int n = i - k;
    if (n == 0 || n > 12)
        return false;                   /* none is longer: a look at every space after a figure */
    for (size_t w = 0; w < nwords; w++) {
        const char *x = words[w];
        if (x[0] != (s[k] | 32) && x[0] != s[k])
            continue;
        if ((int)strlen(x) != n)
            continue;
        char a = s[k], b = x[0];
        if ((a == b || (a >= 'A' && a <= 'Z' && a + 32 == b)) && memcmp(s + k + 1, x + 1, (size_t)n - 1) == 0)
            return true;
    }
    return false;
}

/* A word that stands before a number it names, as a reference: "s. 12",
 * "kl. 08.00", "nr 2024-1234", "kap. 3", "bilaga 2"; or as the name of
 * one of a series: "kvartal 2", "etapp 2", "årskurs 9" (a typographer:
 * "Under kvartal / 2 infördes"). */
static bool names_number(const char *s, int i)
{
    static const char *const words[] = {
        "s.", "sid.", "sidan", "kl.", "nr", "nr.", "dnr", "dnr.", "diarienr", "diarienummer", "kap.", "kapitel",
        "p.", "art.", "bil.", "bilaga", "fig.", "figur", "tab.", "tabell", "avsnitt", "punkt", "mom.", "prop.",
        "v.", "vecka", "SFS", "kvartal", "tertial", "etapp", "fas", "steg", "\xC3\xA5rskurs", "\xC3\xA5k", "\xC3\x85rskurs", "\xC3\x85k",
        "klass", "version", "omg\xC3\xA5ng",
    };
    return word_before_is(s, i, words, sizeof words / sizeof *words);
}

/* Whether the word before s[i] is a diary number's word: "Dnr MN
 * 2025-0094" names the board before the number. */
static bool names_diary(const char *s, int i)
{
    static const char *const words[] = { "dnr", "dnr.", "diarienr", "diarienummer" };
    return word_before_is(s, i, words, sizeof words / sizeof *words);
}

/* Whether s[i..) begins with a label in capitals and a number after it
 * ("MN 2025-0094"), as a diary number's board stands. */
static bool label_then_number(const char *s, int i, int end)
{
    int k = i;
    while (k < end && s[k] != ' ')
        k++;
    return k > i && k + 1 < end && is_digit(s[k + 1]) && caps_label_before(s, k);
}

/* A space no line may break at (Svenska skrivregler): inside a number's
 * digit groups ("1 063"), between a number and its unit ("761 kr/inv",
 * "29 %", "1 §", "10 kap."), after a section sign ("§ 3"), between a
 * reference's word and its number ("s. 12", "kl. 08.00", "Dnr MN
 * 2025-0094"), between a day and its month and, but in a table's cell
 * (text_bound_space_in), a month and its year ("1 feb 2025", "15 mars",
 * "september 2025", "jan–augusti 2025"), inside a telephone number
 * ("013-20 60 00"); between a short label in
 * capitals and its count ("IFO 2069", "LSS: 489"), and between a figure
 * and the share after it ("2069 (45%)"), as statistics tables write
 * them; and, as in Unicode's line breaking (UAX #14), after an opening
 * bracket and before a closing one, where a report may have one by
 * mistake ("arbete ( socialpsykiatri)" does not end a line with its
 * "("). */
bool text_bound_space(const char *s, int i, int end) { return text_bound_space_in(s, i, end, false); }

/* Whether the space at s[i] follows a short part of a compound written
 * with its hyphen for a word later ("A-, B- och C-anläggningar", "IT- och
 * HR-stöd"): the list keeps together; "A-," ended a line. */
static bool short_suspended(const char *s, int i)
{
    int k = i - 1;
    if (k >= 1 && s[k] == ',')
        k--;
    if (k < 1 || s[k] != '-')
        return false;
    int n = 0;
    while (k - 1 - n >= 0 && s[k - 1 - n] >= 'A' && s[k - 1 - n] <= 'Z')
        n++;
    return n >= 1 && n <= 3 && (k - 1 - n < 0 || s[k - 1 - n] == ' ' || s[k - 1 - n] == '(');
}

/* Whether the space at s[i] is inside a Swedish telephone number after
 * its area code: "013-20 60 00", "08-508 290 00" (groups of two or three
 * figures). */
static bool phone_at(const char *s, int i, int end)
{
    int n = 0;
    while (i + 1 + n < end && is_digit(s[i + 1 + n]))
        n++;
    if (n < 2 || n > 3)
        return false;
    int k = i - 1;
    while (k >= 0 && (is_digit(s[k]) || s[k] == ' '))
        k--;
    if (k < 1 || s[k] != '-' || !is_digit(s[k - 1]))
        return false;
    int j = k - 1;
    while (j > 0 && is_digit(s[j - 1]))
        j--;
    return s[j] == '0' && k - j >= 2 && k - j <= 4 && (j == 0 || s[j - 1] == ' ' || s[j - 1] == '(');
}

bool text_bound_space_in(const char *s, int i, int end, bool cell)
{
    if (i == 0 || i + 1 >= end)
        return false;
    if (s[i - 1] == '(' || s[i - 1] == '[' || s[i + 1] == ')' || s[i + 1] == ']')
        return true;
    if (short_suspended(s, i))
        return true;                                            /* A-, B- och C-anläggningar */
    if (i >= 2 && (unsigned char)s[i - 2] == 0xC2 && (unsigned char)s[i - 1] == 0xA7)
        return is_digit(s[i + 1]) || law_at(s, i + 1, end);     /* § 3, 8 a § PBL */
    if (is_digit(s[i + 1]) && names_number(s, i))
        return true;                                            /* s. 12, kl. 08.00 */
    if ((is_digit(s[i + 1]) || (s[i + 1] >= 'A' && s[i + 1] <= 'Z')) && names_diary(s, i) &&
        (is_digit(s[i + 1]) || label_then_number(s, i + 1, end)))
        return true;                                            /* Dnr MN 2025-0094 */
    if (is_digit(s[i + 1]) && caps_label_before(s, i)) {
        int k = i - 1;                                          /* Dnr MN 2025-0094 */
        while (k > 0 && s[k - 1] != ' ')
            k--;
        if (k >= 2 && names_diary(s, k - 1))
            return true;
    }
    if ((count_at(s, i + 1, end) || statute_at(s, i + 1, end)) && caps_label_before(s, i))
        return true;                                            /* IFO 2069, BFS 2020:5 */
    if (date_at(s, i + 1, end) && caps_label_before(s, i) && i >= 2 && !is_digit(s[i - 1]))
        return true;                                            /* (KF 2025-06-18 § 214) */
    if (s[i + 1] == '(' && i + 2 < end && is_digit(s[i + 2]) &&
        (is_digit(s[i - 1]) || s[i - 1] == '%' || (s[i - 1] == ',' && i >= 2 && is_digit(s[i - 2]))))
        return true;                                            /* 2069 (45%) */
    if (!cell && is_digit(s[i + 1]) && year_at(s, i + 1, end) && month_before(s, i))
        return true;                                            /* september 2025 */
    /* a heading's sign for per cent last, after a comma: "Behörighet
     * yrkesprogram, %" left "%" alone on a line (a typesetter); a unit
     * of letters may stand alone, as "Effekt / 2024, / mnkr" is set */
    if (s[i - 1] == ',' && ((i + 2 == end && s[i + 1] == '%') ||
                            (i + 4 == end && !memcmp(s + i + 1, "\xE2\x80\xB0", 3))))
        return true;
    if (!is_digit(s[i - 1]))
        return false;
    if (phone_at(s, i, end))
        return true;                                            /* 013-20 60 00 */
    if (month_at(s, i + 1, end)) {                              /* 1 feb */
        int k = i - 1;
        while (k >= 0 && is_digit(s[k]))
            k--;
        if (i - 1 - k <= 2 && (k < 0 || (s[k] != ',' && s[k] != '.')))
            return true;
    }
    if (i + 3 < end && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
        (i + 4 >= end || !is_digit(s[i + 4]))) {
        /* a group of three after a group of at most three, which no
         * hyphen stands before: "Aug -22 100%" is a year and a share
         * (a minus is U+2212 by now) */
        int k = i - 1, nd = 0;
        while (k >= 0 && is_digit(s[k])) {
            k--;
            nd++;
        }
        return nd <= 3 && !(k >= 0 && s[k] == '-' && (k == 0 || s[k - 1] == ' '));
    }
    return bind_unit_at(s, i + 1, end) > 0;
}
