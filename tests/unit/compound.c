/*
 * Unit tests: Swedish hyphenation as rapport does it, patterns
 * (measure/hyphen) corrected by compounds' joints (measure/compound),
 * with the layout's minimums of three letters, on the words of
 * tests/hyphenation-sv.txt: each joint is offered, no listed bad break
 * is, a name gets none.
 */
#include "test.h"
#include "measure/compound.h"
#include "measure/hyphen.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#define SV "/usr/share/hyphen/hyph_sv_SE.dic"
#define LIST "tests/hyphenation-sv.txt"

/* The points rapport offers in the UTF-8 word w (as text.c: a capital
 * first letter only for a Swedish word), ok by byte offset. */
static void points(Hyphenator *h, const char *w, unsigned char *ok)
{
    size_t n = strlen(w);
    memset(ok, 0, n + 1);
    unsigned char c = (unsigned char)w[0];
    bool capital = (c >= 'A' && c <= 'Z') || (c == 0xC3 && (unsigned char)w[1] >= 0x80 && (unsigned char)w[1] <= 0x9E);
    if (capital && !compound_known(w, n))
        return;
    if (hyphen_points(h, w, n, ok) > 0)
        compound_adjust(w, n, ok, 3, 3);
}

int main(void)
{
    Hyphenator *h = hyphen_load(SV, 3, 3);
    CHECK("the Swedish patterns load", h != NULL);
    FILE *f = fopen(LIST, "r");
    CHECK("the word list is there", f != NULL);
    if (!h || !f)
        TEST_DONE();
    char line[512];
    int words = 0;
    while (fgets(line, sizeof line, f)) {
        if (line[0] == '#' || line[0] == '\n')
            continue;
        char spec[128], bad[128] = "";
        if (sscanf(line, "%127s %127s", spec, bad) < 1)
            continue;
        /* the word, and its joints by byte offset */
        char word[128];
        unsigned char joint[128] = { 0 };
        size_t n = 0;
        for (const char *p = spec; *p && n < sizeof word - 1; p++) {
            if (*p == '|')
                joint[n] = 1;
            else
                word[n++] = *p;
        }
        word[n] = 0;
        unsigned char ok[128];
        points(h, word, ok);
        words++;
        for (size_t i = 1; i < n; i++)
            if (joint[i] && ok[i] < 2) {
                fprintf(stderr, "    %s: its joint (%zu) is no preferred break\n", word, i);
                CHECK("every joint is offered as a preferred break", 0);
            }
        if (!strcmp(bad, "names")) {
            bool any = false;
            for (size_t i = 0; i <= n; i++)
                any |= ok[i] != 0;
            if (any)
                fprintf(stderr, "    %s: a name is broken\n", word);
            CHECK("a name is not hyphenated", !any);
        } else if (strchr(bad, '|')) {        /* a syllable's break, but no joint */
            size_t at = (size_t)(strchr(bad, '|') - bad);
            if (ok[at] >= 2)
                fprintf(stderr, "    %s: read as the compound %s\n", word, bad);
            CHECK("no false joint is found", ok[at] < 2);
        } else if (bad[0]) {
            const char *dash = strchr(bad, '-');
            size_t at = dash ? (size_t)(dash - bad) : 0;
            if (dash && ok[at])
                fprintf(stderr, "    %s: broken as %s\n", word, bad);
            CHECK("no listed bad break is offered", dash && !ok[at]);
        }
    }
    fclose(f);
    CHECK("the list has words", words >= 15);
    /* every offered break leaves three letters on each side */
    unsigned char ok[128];
    points(h, "erbjudanden", ok);
    CHECK("no two-letter stub: er-bjudanden", !ok[1] && !ok[2]);
    /* the word's first joint (rank 1, the cheapest break) is the one
     * before its last word, as a compound of three mostly is built
     * (A B | C), where the linking s or the dictionary says so; the
     * reading's lengths alone preferred A | B C, the dictionary having
     * "säkerhetsåtgärd" whole ("trafik-/säkerhetsåtgärder") */
    static const struct { const char *word; int first; } firsts[] = {
        { "trafiksäkerhetsåtgärder", 15 },               /* trafiksäkerhets|åtgärder */
        { "kollektivtrafikförsörjning", 15 },            /* kollektivtrafik|försörjning */
        { "förskoleverksamhetsutvecklingsplan", 30 },    /* ...utvecklings|plan */
        { "yrkeslärarutbildningen", 10 },                /* yrkeslärar|utbildningen, of yrkeslärare */
        { "sjuksköterskeutbildningen", 13 },             /* sjuksköterske|utbildningen */
        { "bygglovshandläggning", 8 },                   /* bygglovs|handläggning: as it was */
        { "socialtjänstlagen", 12 },                     /* socialtjänst|lagen: as it was */
        { "gatubelysningsunderhållsavtal", 24 },         /* ...underhålls|avtal, of three side by side */
        { "delårsrapporten", 6 },                        /* delårs|rapporten: "år" is too short a part */
    };
    for (size_t i = 0; i < sizeof firsts / sizeof *firsts; i++) {
        const char *w = firsts[i].word;
        unsigned char lat[64], joint[64];
        int n = 0;
        for (const unsigned char *q = (const unsigned char *)w; *q; q++)   /* UTF-8 to ISO 8859-1 */
            lat[n++] = *q == 0xC3 ? (unsigned char)(*++q + 0x40) : *q;
        compound_joints(lat, n, joint);
        int first = -1;
        for (int k = 1; k < n; k++)
            if (joint[k] == 1)
                first = first < 0 ? k : -2;         /* -2: more than one */
        if (first != firsts[i].first)
            fprintf(stderr, "    %s: its first joint is at %d, not %d\n", w, first, firsts[i].first);
        CHECK("a compound's first joint is before its last word (A B | C)", first == firsts[i].first);
    }
    /* adverbs of two words run together are read whole ("fort-/farande"
     * was set: a typographer); a compound of their look is not */
    static const char *const whole[] = { "fortfarande", "tillsammans", "åtminstone", "naturligtvis", "framförallt" };
    for (size_t i = 0; i < sizeof whole / sizeof *whole; i++)
        CHECK("an adverb of two words is not divided", compound_undivided(whole[i], strlen(whole[i])));
    CHECK("... but a compound is: fortbildning", !compound_undivided("fortbildning", strlen("fortbildning")));
    hyphen_free(h);
    TEST_DONE();
}
