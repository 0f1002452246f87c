/*
 * gen.c - synthetic reports for tests and the benchmark.
 *
 *   gen [--pages N] [--kind mix|toc|table|notes|charts] [--seed S] > report.xml
 *
 * mix     about N pages of a realistic report: sections and subsections,
 *         paragraphs with footnotes, lists, economic tables, goals with
 *         statuses, a chart now and then (the default)
 * toc     many short sections, so the contents run over several pages
 * table   one table of N*40 rows
 * notes   N pages of text with a footnote on every sentence
 * charts  N charts
 *
 * Deterministic: the same arguments give the same file.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t rng = 88172645463325252ull;

static unsigned rnd(unsigned n)
{
    rng ^= rng << 13;
    rng ^= rng >> 7;
    rng ^= rng << 17;
    return (unsigned)(rng % n);
}

static const char *words[] = {
    "nämnden", "verksamheten", "förvaltningen", "kostnaderna", "budgeten", "året",
    "insatser", "barn", "unga", "vuxna", "placeringar", "öppenvård", "åtgärdsplanen",
    "uppföljning", "målet", "kvaliteten", "medarbetare", "sjukfrånvaro", "socialtjänsten",
    "omställning", "hemmaplanslösningar", "familjehem", "boenden", "ekonomi", "balans",
    "ökade", "minskade", "genomfördes", "bedöms", "fortsätter", "utvecklas", "under",
    "inom", "för", "och", "med", "att", "som", "har", "till", "av", "på", "ett", "en",
    "arbetet", "samverkan", "regionen", "kommunen", "Linköping", "avvikelsen",
    "handläggningstider", "kompetensförsörjning", "digitalisering", "trygghetsskapande",
};
#define NWORDS (sizeof words / sizeof words[0])

static int notes;

static void sentence(int with_note)
{
    int n = 8 + (int)rnd(14);
    for (int i = 0; i < n; i++) {
        const char *w = words[rnd(NWORDS)];
        if (i == 0)
            printf("%c%s", w[0] >= 'a' && w[0] <= 'z' ? w[0] - 32 : w[0], w + 1);
        else
            printf(" %s", w);
        if (i == n / 2 && with_note)
            printf("<footnote>Källa Treserva, uttag %d.</footnote>", ++notes);
    }
    printf(". ");
}

static void para(int note_every)
{
    printf("      <p>");
    int n = 3 + (int)rnd(4);
    for (int i = 0; i < n; i++)
        sentence(note_every > 0 && rnd((unsigned)note_every) == 0);
    printf("</p>\n");
}

static void table(int rows)
{
    printf("      <table>\n        <caption>Resultat, belopp i mnkr</caption>\n"
           "        <columns><column width=\"40%%\"/><column type=\"number\" decimals=\"1\"/>"
           "<column type=\"number\" decimals=\"1\"/><column type=\"number\" decimals=\"1\" sign=\"always\"/></columns>\n"
           "        <row role=\"header\"><cell>Verksamhet</cell><cell>Bokslut</cell><cell>Budget</cell><cell>Avvikelse</cell></row>\n");
    long sum1 = 0, sum2 = 0;
    for (int r = 0; r < rows; r++) {
        long a = (long)rnd(900000), b = (long)rnd(900000);
        sum1 += a;
        sum2 += b;
        printf("        <row><cell>%d - %s %s</cell><cell>%ld.%ld</cell><cell>%ld.%ld</cell><cell>%ld.%ld</cell></row>\n",
               100 + r, words[rnd(NWORDS)], words[rnd(NWORDS)], a / 10, a % 10, b / 10, b % 10,
               (b - a) / 10, labs(b - a) % 10);
    }
    printf("        <row role=\"sum\"><cell>Summa</cell><cell>%ld.%ld</cell><cell>%ld.%ld</cell><cell>%ld.%ld</cell></row>\n"
           "        <note>* Kostnader och intäkter inkluderar interna transaktioner.</note>\n      </table>\n",
           sum1 / 10, sum1 % 10, sum2 / 10, sum2 % 10, (sum2 - sum1) / 10, labs(sum2 - sum1) % 10);
}

static void chart(int k)
{
    printf("      <chart type=\"%s\" alt=\"Syntetiskt diagram %d.\">\n"
           "        <caption>Antal per månad, diagram %d</caption>\n"
           "        <categories>jan | feb | mar | apr | maj | jun | jul | aug | sep | okt | nov | dec</categories>\n",
           k % 2 ? "bar" : "line", k, k);
    for (int s = 0; s < 3; s++) {
        printf("        <series name=\"%d\"%s>", 2022 + s, s == 0 ? " line=\"dashed\"" : "");
        for (int i = 0; i < 12; i++)
            printf("%s%u", i ? " " : "", 200 + rnd(300));
        printf("</series>\n");
    }
    printf("      </chart>\n");
}

static void list(void)
{
    printf("      <list>\n");
    int n = 3 + (int)rnd(4);
    for (int i = 0; i < n; i++) {
        printf("        <item>");
        sentence(0);
        printf("</item>\n");
    }
    printf("      </list>\n");
}

static const char *statuses[] = { "met", "partly-met", "not-met", "not-assessed" };

int main(int argc, char **argv)
{
    int pages = 20;
    const char *kind = "mix";
    for (int i = 1; i + 1 < argc; i += 2) {
        if (!strcmp(argv[i], "--pages")) pages = atoi(argv[i + 1]);
        else if (!strcmp(argv[i], "--kind")) kind = argv[i + 1];
        else if (!strcmp(argv[i], "--seed")) rng = strtoull(argv[i + 1], NULL, 10) * 2654435761ull + 1;
        else {
            fprintf(stderr, "usage: gen [--pages N] [--kind mix|toc|table|notes|charts] [--seed S]\n");
            return 2;
        }
    }
    if (pages < 1)
        pages = 1;
    printf("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
           "<!-- generated by tests/tools/gen: pages %d, kind %s -->\n"
           "<report type=\"verksamhetsberattelse\" lang=\"sv\">\n"
           "  <meta><title>Syntetisk rapport, %d sidor</title>"
           "<organisation>Testnämnden</organisation><date>2025-02-20</date></meta>\n"
           "  <contents/>\n", pages, kind, pages);
    if (!strcmp(kind, "toc")) {
        for (int s = 1; s <= pages * 12; s++) {
            printf("  <section id=\"s%d\"><heading>Avsnitt %d om %s och %s</heading>\n", s, s,
                   words[rnd(NWORDS)], words[rnd(NWORDS)]);
            para(0);
            for (int k = 1; k <= 2; k++) {
                printf("    <section><heading>Del %d.%d: %s</heading>\n", s, k, words[rnd(NWORDS)]);
                para(0);
                printf("    </section>\n");
            }
            printf("  </section>\n");
        }
    } else if (!strcmp(kind, "table")) {
        printf("  <section><heading>En lång tabell</heading>\n");
        table(pages * 40);
        printf("  </section>\n");
    } else if (!strcmp(kind, "notes")) {
        printf("  <section><heading>Text med fotnoter</heading>\n");
        for (int p = 0; p < pages * 5; p++)
            para(1);
        printf("  </section>\n");
    } else if (!strcmp(kind, "charts")) {
        printf("  <section><heading>Diagram</heading>\n");
        for (int k = 1; k <= pages; k++)
            chart(k);
        printf("  </section>\n");
    } else {
        int goal = 0;
        for (int s = 1; s <= pages / 2 + 1; s++) {
            printf("  <section id=\"s%d\"><heading>Avsnitt %d</heading>\n", s, s);
            para(3);
            for (int k = 1; k <= 2; k++) {
                printf("    <section><heading>Del %d.%d</heading>\n", s, k);
                para(3);
                if ((s + k) % 2)
                    list();
                para(4);
                if (k == 1 && s % 2)
                    table(8 + (int)rnd(10));
                if (k == 2) {
                    goal++;
                    printf("      <goal status=\"%s\"><heading>Nämndmål: %s %s</heading>\n",
                           statuses[goal % 4], words[rnd(NWORDS)], words[rnd(NWORDS)]);
                    list();
                    printf("        <p>Nämndmålet bedöms: <status value=\"%s\"/>. Se <ref to=\"s%d\"/>.</p>\n"
                           "      </goal>\n", statuses[goal % 4], s);
                }
                if (k == 2 && s % 5 == 0)
                    chart(s);
                printf("    </section>\n");
            }
            printf("  </section>\n");
        }
    }
    printf("  <appendices><appendix><heading>Bilaga 1 Internkontrollrapport</heading></appendix></appendices>\n"
           "</report>\n");
    return 0;
}
