/*
 * Unit tests: typographic punctuation (measure/typo). Each case is a
 * block's text as written and as it prints; ” ’ – − and the no-break
 * space are spelt out as macros so the straight characters stand out.
 */
#include "test.h"
#include "measure/typo.h"

#include <string.h>

#define RQ  "\xE2\x80\x9D"      /* ” */
#define RS  "\xE2\x80\x99"      /* ’ */
#define EN  "\xE2\x80\x93"      /* – */
#define MI  "\xE2\x88\x92"      /* − */
#define NB  "\xC2\xA0"          /* no-break space */

static const TypoRules ALL = { true, true };

static bool prints(TypoRules r, const char *in, const char *want)
{
    char out[512];
    typo_apply(r, in, strlen(in), out, sizeof out);
    if (strcmp(out, want) != 0) {
        fprintf(stderr, "  \"%s\" printed \"%s\", not \"%s\"\n", in, out, want);
        return false;
    }
    return true;
}

static bool same(const char *in) { return prints(ALL, in, in); }

static void quotes(void)
{
    CHECK("double quotes are ” at both ends", prints(ALL, "med \"gröna\" resultat", "med " RQ "gröna" RQ " resultat"));
    CHECK("single quotes are ’ at both ends", prints(ALL, "två 'våldsbud' på", "två " RS "våldsbud" RS " på"));
    CHECK("an apostrophe is ’", prints(ALL, "Linköping's", "Linköping" RS "s"));
    CHECK("a quote at the block's start and end", prints(ALL, "\"Viktigt\"", RQ "Viktigt" RQ));
    CHECK("a quote after a mark (TYPO_SEP)", prints(ALL, "ord\x1F\" sa hon", "ord\x1F" RQ " sa hon"));
    TypoRules noq = { false, true };
    CHECK("quotes off: as written", prints(noq, "\"a\" 'b' 1-3", "\"a\" 'b' 1" EN "3"));
}

static void dashes(void)
{
    CHECK("a spaced hyphen is a spaced en dash, bound to the word before",
          prints(ALL, "Privata utförare - Barn och Unga", "Privata utförare" NB EN " Barn och Unga"));
    CHECK("after a no-break space already", prints(ALL, "a" NB "- b", "a" NB EN " b"));
    CHECK("a row label with a code", prints(ALL, "513 - Insatser enligt LSS", "513" NB EN " Insatser enligt LSS"));
    CHECK("a hyphen in a compound stays", same("Nämnd- och styrelse, LSS-boenden"));
    CHECK("a hyphen at the block's start is no dash", same("- punkt"));
    CHECK("nor a hyphen at the end", same("slut -"));
    CHECK("nor one before a word (september -december)", same("september -december"));
}

static void ranges(void)
{
    CHECK("years", prints(ALL, "2018-2022", "2018" EN "2022"));
    CHECK("times", prints(ALL, "kl. 08.00-17.00.", "kl. 08.00" EN "17.00."));
    CHECK("small numbers and a unit", prints(ALL, "barn 0-20 år, 1-3 st", "barn 0" EN "20 år, 1" EN "3 st"));
    CHECK("in parentheses", prints(ALL, "(2022-2024)", "(2022" EN "2024)"));
    CHECK("decimals", prints(ALL, "1,5-2,0 %", "1,5" EN "2,0 %"));
    CHECK("a year and its last two digits", prints(ALL, "2018-22", "2018" EN "22"));
    CHECK("across a mark before the range", prints(ALL, "\x1F" "2018-2022\x1F", "\x1F" "2018" EN "2022\x1F"));
    CHECK("an ISO date stays", same("KS 2024-04-06 §106"));
    CHECK("a year and month stays", same("2024-04"));
    CHECK("a diarienummer stays (dnr)", same("(dnr 2024-421)"));
    CHECK("a diarienummer stays (Dnr:)", same("Dnr: 2019-2020"));
    CHECK("a reference after capitals stays", same("SON 2023-0123"));
    CHECK("a leading zero code stays", same("0123-45"));
    CHECK("a phone number stays", same("013-20 60 00 och 08-123 45 67"));
    CHECK("an account, a case, a room after its word stays",
          same("Bankgiro 123-4567, ärende 12-345678, Ärende 4-5, rum 2-314, plusgiro 12-3456, konto 12-345"));
    CHECK("... but after rum, konto, artikel a range of even ends is one",
          prints(ALL, "artikel 2-4, konto 3000-3999, rum 2-3, objekt 1-4",
                 "artikel 2" EN "4, konto 3000" EN "3999, rum 2" EN "3, objekt 1" EN "4"));
    CHECK("a number far longer than the one before it stays (a code)", same("se 12-345678"));
    CHECK("... but a range from a small number is one", prints(ALL, "5-1000 kr, 10-1000", "5" EN "1000 kr, 10" EN "1000"));
    CHECK("two hyphens stay", same("1-2-3"));
    CHECK("letters before stay", same("A1-3 och v1-3"));
    CHECK("letters after stay", same("1-3a"));
    CHECK("a slash before stays", same("2023/2024-2025"));
    CHECK("descending stays", same("17-08"));
    CHECK("months", prints(ALL, "jan-aug 2022, januari-augusti", "jan" EN "aug 2022, januari" EN "augusti"));
    CHECK("months with capitals and full stops", prints(ALL, "Maj-juni, sept.-okt.", "Maj" EN "juni, sept." EN "okt."));
    CHECK("weekdays", prints(ALL, "öppet mån-fre, lör-sön", "öppet mån" EN "fre, lör" EN "sön"));
    CHECK("a month joined to a word stays", same("jan-augustikampanjen, aug-rapporten, julgran-mars"));
    CHECK("a month within a word stays", same("sommarjul-aug"));
    TypoRules nod = { true, false };
    CHECK("dashes off: as written", prints(nod, "a - b 2018-2022 -5 %", "a - b 2018-2022 -5 %"));
}

static void minus(void)
{
    CHECK("minus before decimals", prints(ALL, "minus -71,1", "minus " MI "71,1"));
    CHECK("minus before a unit", prints(ALL, "-5 % och -4 mnkr", MI "5 % och " MI "4 mnkr"));
    CHECK("minus before a unit without a space", prints(ALL, "-5%", MI "5%"));
    CHECK("minus in parentheses", prints(ALL, "(-12)", "(" MI "12)"));
    CHECK("a block that is a signed number", prints(ALL, "-1540", MI "1540"));
    CHECK("digit groups", prints(ALL, "HSL -1 540 tkr", "HSL " MI "1 540 tkr"));
    CHECK("a year ht -18 stays", same("påbörjas ht -18 och"));
    CHECK("a year Aug -22 stays, a number after it too", same("Aug -22 100% och (aug. -22)"));
    CHECK("-3D stays", same("i -3D"));
    /* a whole number standing alone in running text kept the hyphen
     * ("-12 tkr" had the minus, "blev -12." not: a typographer) */
    CHECK("a whole number before a full stop", prints(ALL, "Avvikelsen blev -12.", "Avvikelsen blev " MI "12."));
    CHECK("whole numbers in a range and a list",
          prints(ALL, "Intervallet -3 till -1. V\u00e4rdena 4, -2 och 7.",
                 "Intervallet " MI "3 till " MI "1. V\u00e4rdena 4, " MI "2 och 7."));
    CHECK("after a colon", prints(ALL, "Avvikelse: -250", "Avvikelse: " MI "250"));
    CHECK("a year after a season stays", same("startade h\u00f6sten -19 och v\u00e5ren -20"));
    CHECK("a hyphen inside a word stays", same("covid-19, A-1, 2024-03-01"));
    CHECK("a range typed with a stray space stays", same("annat s\u00e4tt 0 -20 antal"));
    CHECK("+/- stays", same("+/-5 %"));
}

static void edits(void)
{
    TypoEdit e[32];
    const char *s = "a - \"b\" -1,5";
    int n = typo_scan(ALL, s, strlen(s), e);
    CHECK("five changes", n == 5);
    CHECK("no-break space", n == 5 && e[0].at == 1 && e[0].cp == 0xA0);
    CHECK("dash", n == 5 && e[1].at == 2 && e[1].cp == 0x2013);
    CHECK("quotes", n == 5 && e[2].at == 4 && e[2].cp == 0x201D && e[3].at == 6 && e[3].cp == 0x201D);
    CHECK("minus", n == 5 && e[4].at == 8 && e[4].cp == 0x2212);
    TypoRules off = { false, false };
    CHECK("nothing when both are off", typo_scan(off, s, strlen(s), e) == 0);
    char small[6];
    size_t k = typo_apply(ALL, "\"\"\"", 3, small, sizeof small);
    CHECK("a short buffer takes whole marks", k == 3 && strcmp(small, RQ) == 0);
}

int main(void)
{
    quotes();
    dashes();
    ranges();
    minus();
    edits();
    TEST_DONE();
}
