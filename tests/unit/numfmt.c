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
    char out[16];
    NumFormat f = { 0, false, NULL };
    CHECK("format refuses text", numfmt_format("abc", 3, &f, out, sizeof out) == -1);
    CHECK("truncates to the buffer", numfmt_format("123456789", 9, &f, out, 5) == 4 && strlen(out) == 4);
    char d[32];
    numfmt_double(-2500, 0, d, sizeof d);
    CHECK("axis ticks", strcmp(d, MI "2" NB "500") == 0);
    TEST_DONE();
}
