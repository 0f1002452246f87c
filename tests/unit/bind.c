/*
 * Unit tests: the spaces no line may break at (measure/bind). Each case
 * is a text with its spaces marked: '_' a space that binds, ' ' one a
 * line may break at; the test reads the text with every mark a space
 * and asks text_bound_space() about each.
 */
#include "test.h"
#include "measure/bind.h"

#include <string.h>

#define NB "\xC2\xA0"           /* a no-break space in the text */

static bool binds(const char *marked)
{
    char s[256];
    size_t n = strlen(marked);
    if (n >= sizeof s)
        return false;
    for (size_t i = 0; i <= n; i++)
        s[i] = marked[i] == '_' ? ' ' : marked[i];
    for (size_t i = 0; i < n; i++) {
        if (s[i] != ' ')
            continue;
        bool want = marked[i] == '_', got = text_bound_space(s, (int)i, (int)n);
        if (want != got) {
            fprintf(stderr, "  \"%s\": the space at %zu %s\n", marked, i, got ? "binds" : "does not bind");
            return false;
        }
    }
    return true;
}

int main(void)
{
    /* a number's digit groups and its unit */
    CHECK("digit groups: 1 063 and 12 761", binds("kostade 1_063_kr eller 12_761_kr/inv"));
    CHECK("a figure and its unit: 29 %, 12 mnkr, 1 800,9 miljoner", binds("blev 29_% och 12_mnkr av 1_800,9_miljoner kronor"));
    CHECK("units of heat, weight, energy and data: 28 °C, 2 ton, 5 GB, 14,2 µg/m³",
          binds("vid 28_°C och 2_ton, 5_GB, 1_200_MWh och 14,2_µg/m³ i luften"));
    CHECK("a unit only as a word of its own: 12 kronor, not 12 krokar", binds("hade 12_kronor och 12 krokar"));
    CHECK("a group after a range's hyphen: 50-100 000 kr", binds("blev 50-100_000_kr"));
    CHECK("not after a sign written as a hyphen: Aug -22 100%", binds("Aug -22 100%"));
    CHECK("four figures are no group: 2024 1500", binds("år 2024 1500 personer"));
    /* dates, sections, labels and shares */
    CHECK("a day and its month: 1 feb 2025, 15 mars", binds("från 1_feb_2025 och 15_mars"));
    CHECK("a month and its year: september 2025, (december 2026)",
          binds("den 30_september_2025 och (december_2026) i oktober_2026."));
    CHECK("... after a range, or at a sentence's start: jan–augusti 2025, Januari 2025",
          binds("under jan–augusti_2025. Januari_2025 var"));
    CHECK("... but not in a table's cell, where a column may need the room",
          !text_bound_space_in("december 2026", 8, 13, true) && text_bound_space_in("1 feb", 1, 5, true));
    CHECK("... only a year of four figures of its own: maj 20, mars 2025-0094, juni 20250",
          binds("i maj 20 av dem, mars 2025-0094 och juni 20250"));
    CHECK("not a year before a month, nor a decimal", binds("2024 maj och 1,5 mars"));
    CHECK("a month's name only as a word: 5 marsch", binds("gick 5 marsch"));
    CHECK("a telephone number after its area code: 013-20 60 00, 08-508 290 00",
          binds("ring 013-20_60_00 eller 08-508_290_00 och 2024-421 20 gånger"));
    CHECK("... not figures after a date or a range: 2024-03-01 12 gånger, 10-12 15 personer",
          binds("den 2024-03-01 12 gånger och 10-12 15 personer"));
    CHECK("a short part written for a compound later: A-, B- och C-anläggningar, IT- och HR-stöd",
          binds("av A-,_B-_och C-anläggningar och IT-_och HR-stöd men social- och omsorg"));
    CHECK("a section sign and its number: § 3", binds("enligt §_3 i lagen"));
    CHECK("a law's chapter and section: 10 kap. 1 § trafikförordningen",
          binds("enligt 10_kap._1_§ trafikförordningen"));
    CHECK("a section sign after its number, two of them: 3 §§", binds("i 3_§§ och 4_§"));
    CHECK("a page, an hour, a number: s. 12, kl. 08.00, nr 2024-1234",
          binds("se s._12 från kl._08.00 under nr_2024-1234"));
    CHECK("a reference's word in capitals at a sentence's start: Kap. 3, Bilaga 2", binds("Kap._3 och Bilaga_2"));
    CHECK("one of a series and its number: kvartal 2, etapp 2, årskurs 9, Kvartal 1",
          binds("under kvartal_2 i etapp_2 för årskurs_9 och Kvartal_1, Årskurs_3 men kvartalet 2 gånger"));
    CHECK("a diary number with its board: Dnr MN 2025-0094", binds("ärende Dnr_MN_2025-0094 och dnr_2025-12"));
    CHECK("... but not a word after the diary word: diarienummer saknas", binds("ett diarienummer saknas"));
    CHECK("a reference's word before a word is free: kap. och, s. a.", binds("ett kap. och s. a."));
    CHECK("a word ending like one is not one: runs. 12", binds("runs. 12 gånger"));
    CHECK("a label in capitals and its count: IFO 2069 (45%)", binds("IFO_2069_(45%) och LSS:_489"));
    CHECK("... before a closing parenthesis, and a statute book's number: (IFO 2069), BFS 2020:5 (a typographer)",
          binds("(föreskrifter IFO_2069) och (BFS_2020:5) och SFS_2001:453. men fastighet 9:8 och kl 12:30"));
    CHECK("a decision's body and its date: KF 2025-06-18 (a typesetter)", binds("beslut (KF_2025-06-18_§_214) och KS_2024-04-06."));
    CHECK("a section sign and a law's short name: 8 § PBL, § SoL", binds("enligt 8_§_PBL och 4_§_SoL men § och"));
    CHECK("a label before an amount in digit groups may end a line: R9: 1 063 kr/inv", binds("R9: 1_063_kr/inv"));
    CHECK("a word in capitals of one letter is no label: A 12", binds("grupp A 12 gånger"));
    CHECK("a word that is not all capitals is no label: Ort 12", binds("Ort 12 gånger"));
    /* brackets (UAX #14) */
    CHECK("inside brackets by mistake: ( socialpsykiatri )", binds("arbete (_socialpsykiatri_) här"));
    CHECK("after a no-break space of the text's own: 12 000 kr per år", binds("12" NB "000_kr per år"));
    TEST_DONE();
}
