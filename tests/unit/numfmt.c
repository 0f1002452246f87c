/* Unit tests: Swedish number formatting (model/numfmt). */
#include "test.h"
#include "model/numfmt.h"

#include <string.h>

static int fmt_is(const char *in, int dec, int sign, const char *unit, const char *want)
{
    NumFormat f = { dec, sign != 0, unit };
    char out[128];
    int n = numfmt_format(in, strlen(in), &f, out, sizeof out);
    if (n < 0 || strcmp(out, want) != 0) {
        fprintf(stderr, "  %s -> \"%s\", want \"%s\"\n", in, n < 0 ? "(error)" : out, want);
        return 0;
    }
    return 1;
}

#define NB "\xC2\xA0"
#define MI "\xE2\x88\x92"

/* numfmt_read(in) is `want` with the machine form `machine` (NULL: any)
 * and the unit `u` found. */
static int read_is(const char *in, const char *unit, NumRead want, const char *machine, int u)
{
    char out[64];
    int found;
    NumRead r = numfmt_read(in, strlen(in), unit, out, sizeof out, &found);
    if (r != want || (machine && strcmp(out, machine) != 0) || found != u) {
        fprintf(stderr, "  \"%s\" -> %d \"%s\" unit %d, want %d \"%s\" unit %d\n", in, (int)r, out, found,
                (int)want, machine ? machine : "", u);
        return 0;
    }
    return 1;
}

int main(void)
{
    CHECK("thousands get a non-breaking space", fmt_is("1877.0", 1, 0, NULL, "1" NB "877,0"));
    CHECK("millions", fmt_is("1666006", 0, 0, NULL, "1" NB "666" NB "006"));
    CHECK("a real minus sign", fmt_is("-71.1", 1, 0, NULL, MI "71,1"));
    CHECK("minus with thousands", fmt_is("-12000", 0, 0, NULL, MI "12" NB "000"));
    CHECK("explicit plus for deviations", fmt_is("3.9", 1, 1, NULL, "+3,9"));
    CHECK("unit after a non-breaking space", fmt_is("4.4", 1, 1, "mnkr", "+4,4" NB "mnkr"));
    CHECK("percent", fmt_is("5.6", 1, 0, "%", "5,6" NB "%"));
    CHECK("round half away from zero", fmt_is("0.05", 1, 0, NULL, "0,1"));
    CHECK("round half away from zero, negative", fmt_is("-2.45", 1, 0, NULL, MI "2,5"));
    CHECK("no binary floating point: 1.005 -> 1,01", fmt_is("1.005", 2, 0, NULL, "1,01"));
    CHECK("carry into a new digit", fmt_is("999.96", 1, 0, NULL, "1" NB "000,0"));
    CHECK("an amount that rounds to nothing is 0", fmt_is("0.04", 1, 0, NULL, "0"));
    CHECK("no minus on a zero", fmt_is("-0.01", 1, 1, NULL, "0"));
    CHECK("a zero written with decimals keeps them", fmt_is("0.0", 1, 0, NULL, "0,0"));
    CHECK("... to the column's decimals", fmt_is("0.00", 1, 0, NULL, "0,0"));
    CHECK("... and no sign", fmt_is("-0.0", 1, 1, NULL, "0,0"));
    CHECK("a zero written whole stays 0", fmt_is("0", 1, 0, NULL, "0"));
    CHECK("a zero with a unit gets the decimals, its unit where the others' is: 0,0 %",
          fmt_is("0", 1, 0, "%", "0,0" NB "%") && fmt_is("-0.01", 1, 1, "%", "0,0" NB "%"));
    CHECK("... with no decimals it is 0 %", fmt_is("0", 0, 0, "%", "0" NB "%"));
    CHECK("as written: 0.57 keeps two", fmt_is("0.57", -1, 0, NULL, "0,57"));
    CHECK("as written: 9 keeps none", fmt_is("9", -1, 0, NULL, "9"));
    CHECK("padding decimals", fmt_is("19.3", 2, 0, NULL, "19,30"));
    CHECK("as written when no decimals given", fmt_is("1.33", -1, 0, NULL, "1,33"));
    CHECK("leading zeros dropped", fmt_is("007", 0, 0, NULL, "7"));
    CHECK("leading point", fmt_is(".5", 1, 0, NULL, "0,5"));
    CHECK("spaces around are allowed", fmt_is("  12  ", 0, 0, NULL, "12"));
    CHECK("plain 4-digit number", fmt_is("1114", 0, 0, NULL, "1" NB "114"));

    CHECK("Swedish input is not a machine number", !numfmt_is_number("1 877,0", 7));
    CHECK("text is not a number", !numfmt_is_number("stabilt", 7));
    CHECK("a lone minus is not a number", !numfmt_is_number("-", 1));
    CHECK("a trailing point is not a number", !numfmt_is_number("3.", 2));
    CHECK("a number", numfmt_is_number("-3.25", 5));
    CHECK("read: a machine number stays", read_is("-71.1", NULL, NUM_MACHINE, "-71.1", 0));
    CHECK("read: thousands with a space, a decimal comma", read_is("1 234,5", NULL, NUM_READ, "1234.5", 0));
    CHECK("read: a no-break space between thousands", read_is("1" NB "234" NB "567,25", NULL, NUM_READ, "1234567.25", 0));
    CHECK("read: a narrow no-break space", read_is("12\xE2\x80\xAF" "000", NULL, NUM_READ, "12000", 0));
    CHECK("read: a real minus sign", read_is(MI "71,1", NULL, NUM_READ, "-71.1", 0));
    /* as Word and Excel write them (pasted, they were text: printed off
     * the comma, left out of sums) */
    CHECK("read: an en dash for minus (Word's autocorrect)", read_is("\xE2\x80\x93" "71,1", NULL, NUM_READ, "-71.1", 0));
    CHECK("read: ... but a lone en dash is text", read_is("\xE2\x80\x93", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: a thin space between thousands", read_is("1\xE2\x80\x89" "877,0", NULL, NUM_READ, "1877.0", 0));
    CHECK("read: a figure space between thousands", read_is("12\xE2\x80\x87" "500", NULL, NUM_READ, "12500", 0));
    CHECK("read: a thin space after it", read_is("12,5\xE2\x80\x89", NULL, NUM_READ, "12.5", 0));
    CHECK("read: a plus", read_is("+3,9", NULL, NUM_READ, "+3.9", 0));
    CHECK("read: a percent after a space", read_is("12 %", NULL, NUM_READ, "12", 2));
    CHECK("read: a percent with decimals, no space", read_is("19,3%", NULL, NUM_READ, "19.3", 2));
    CHECK("read: a percent after a no-break space", read_is("5,6" NB "%", NULL, NUM_READ, "5.6", 2));
    CHECK("read: the column's unit", read_is("75,6 mnkr", "mnkr", NUM_READ, "75.6", 1));
    CHECK("read: % as the column's unit", read_is("12 %", "%", NUM_READ, "12", 1));
    CHECK("read: another unit is text", read_is("75,6 mnkr", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: blanks and no-break spaces around", read_is(NB " 1 877,0 " NB, NULL, NUM_READ, "1877.0", 0));
    CHECK("read: a comma and three digits is ambiguous", read_is("1,234", NULL, NUM_AMBIGUOUS, NULL, 0));
    CHECK("read: ... with a sign too", read_is("-12,500", NULL, NUM_AMBIGUOUS, NULL, 0));
    CHECK("read: 0,125 is not ambiguous", read_is("0,125", NULL, NUM_READ, "0.125", 0));
    CHECK("read: 1 234,567 is not ambiguous", read_is("1 234,567", NULL, NUM_READ, "1234.567", 0));
    CHECK("read: 1234,567 is not ambiguous", read_is("1234,567", NULL, NUM_READ, "1234.567", 0));
    CHECK("read: 1,5 is one and a half", read_is("1,5", NULL, NUM_READ, "1.5", 0));
    CHECK("read: the English way is text", read_is("1,234.5", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: groups of two are text (a phone number)", read_is("013 20 60 00", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: a first group of four is text", read_is("1234 567", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: a trailing comma is text", read_is("12,", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: a lone dash is text", read_is("-", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: a lone percent is text", read_is("%", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: words are text", read_is("3007 (43%)", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: a range is text", read_is("2018-2022", NULL, NUM_TEXT, NULL, 0));
    CHECK("read: 41 digits are text", read_is("12345678901234567890123456789012345678901", NULL, NUM_TEXT, NULL, 0));
    {
        char small[4];
        int u;
        CHECK("read: a machine form too long for the buffer is text",
              numfmt_read("1 234,5", 7, NULL, small, sizeof small, &u) == NUM_TEXT);
    }
    char out[16];
    NumFormat f = { 0, false, NULL };
    CHECK("format refuses text", numfmt_format("abc", 3, &f, out, sizeof out) == -1);
    CHECK("truncates to the buffer", numfmt_format("123456789", 9, &f, out, 5) == 4 && strlen(out) == 4);
    char d[32];
    numfmt_double(-2500, 0, d, sizeof d);
    CHECK("axis ticks", strcmp(d, MI "2" NB "500") == 0);
    TEST_DONE();
}
