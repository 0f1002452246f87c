/*
 * Unit tests: XML -> document model (parse/), from reports in memory.
 */
#include "test.h"
#include "parse/parse.h"
#include "parse/value.h"

#include <string.h>

static Rp rp;

static Report *parse(const char *xml, Layout **lay)
{
    arena_free(&rp.arena);
    diags_free(&rp.diags);
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    rp.data_dir = ".";
    return parse_report(&rp, "t.xml", xml, strlen(xml), NULL, lay);
}

static int has_error(int line, int col, const char *text)
{
    for (int i = 0; i < rp.diags.n; i++) {
        const Diag *d = &rp.diags.v[i];
        if (d->level == DIAG_ERROR && d->line == line && (col == 0 || d->col == col) &&
            strstr(d->msg, text))
            return 1;
    }
    for (int i = 0; i < rp.diags.n; i++)
        fprintf(stderr, "  have %d:%d %s\n", rp.diags.v[i].line, rp.diags.v[i].col, rp.diags.v[i].msg);
    return 0;
}

int main(void)
{
    Layout *lay;
    Report *r = parse(
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        "<report type='verksamhetsberattelse'>\n"
        "<meta><title>Å</title><organisation>Nämnd</organisation></meta>\n"
        "<section id='a'><heading>Ett</heading>\n"
        "  <p>Text<footnote>Första</footnote> och<footnote id='n2'>Andra</footnote>.</p>\n"
        "  <section><heading>Två</heading><p>Se <ref to='a'/> och<fnref to='n2'/>.</p>\n"
        "    <goal status='partly-met'><heading>Mål</heading></goal></section>\n"
        "  <table><row role='header'><cell>A</cell><cell>B</cell><cell>C</cell></row>\n"
        "    <row><cell rowspan='2'>x</cell><cell>1</cell><cell>2</cell></row>\n"
        "    <row><cell>3</cell><cell>4</cell></row></table>\n"
        "</section></report>\n", &lay);
    CHECK("a valid report parses", r != NULL && rp.diags.nerrors == 0);
    if (!r)
        TEST_DONE();
    CHECK("meta title keeps å", strcmp(r->meta.title, "Å") == 0);
    CHECK("the layout is found without a flag", lay && strcmp(lay->name, "linkoping") == 0);
    Node *s1 = r->root->first;
    CHECK("top section is level 1", s1 && s1->kind == N_SECTION && s1->u.sec.level == 1);
    Node *s2 = s1->first->next->next;
    CHECK("nested section is level 2", s2 && s2->kind == N_SECTION && s2->u.sec.level == 2);
    Node *goal = s2->last;
    CHECK("goal is level 3 with its status",
          goal->kind == N_GOAL && goal->u.sec.level == 3 &&
          strcmp(lay->statuses[goal->u.sec.status].name, "partly-met") == 0);
    CHECK("footnotes are numbered in order", r->nfootnotes == 2);
    Node *p2 = s2->first->next;
    Node *fnref = p2->last->kind == N_TEXT ? p2->first->next->next->next : NULL;
    (void)fnref;
    int found_ref = 0, found_fnref = 0;
    for (Node *c = p2->first; c; c = c->next) {
        if (c->kind == N_REF) found_ref = c->u.ref.target == s1;
        if (c->kind == N_FNREF) found_fnref = c->u.fn.target && c->u.fn.target->u.fn.number == 2;
    }
    CHECK("ref resolves to the section", found_ref);
    CHECK("fnref resolves to the second footnote", found_fnref);
    Node *t = s1->last;
    CHECK("table has 3 columns and 3 rows", t->kind == N_TABLE && t->u.table.ncols == 3 && t->u.table.nrows == 3);
    Node *row3 = t->last;
    CHECK("a rowspan pushes the next row's cells right", row3->first->u.cell.col == 1);

    r = parse("<report><meta><title>x</title></meta>\n"
              "<p>a <status value='klar'/></p>\n"
              "<p>b <ref to='nowhere'/></p>\n"
              "<p><num>1 000 kr</num></p>\n"
              "<table><columns><column/><column/></columns><row><cell>1</cell></row></table>\n"
              "</report>", &lay);
    CHECK("errors give no report", r == NULL);
    CHECK("unknown status with line and column", has_error(2, 6, "unknown status \"klar\""));
    CHECK("the hint names the known statuses",
          rp.diags.n > 0 && rp.diags.v[0].hint && strstr(rp.diags.v[0].hint, "partly-met"));
    CHECK("dangling reference", has_error(3, 6, "points to nothing"));
    CHECK("a num that is not a number", has_error(4, 4, "not a number"));
    CHECK("a row short of columns", has_error(5, 45, "has cells for 1 column, but the table has 2"));
    CHECK("all four mistakes reported at once", rp.diags.nerrors == 4);

    r = parse("<report><meta><title>x</title></meta><section><heading>1</heading>"
              "<section><heading>2</heading><section><heading>3</heading><section><heading>4</heading>"
              "<section><heading>5</heading><section><heading>6</heading></section></section></section>"
              "</section></section></section></report>", &lay);
    CHECK("a sixth heading level is an error", r == NULL && has_error(1, 0, "nested 6 deep"));

    r = parse("<report><meta><title>x</title></meta><p>a & b</p></report>", &lay);
    CHECK("malformed XML", r == NULL && has_error(1, 0, "lone &"));

    r = parse("<!DOCTYPE r [<!ENTITY a 'aaaa'>]><report><meta><title>&a;</title></meta></report>", &lay);
    CHECK("a DTD is refused", r == NULL && rp.diags.nerrors >= 1);

    r = parse("<report layout='nosuch'><meta><title>x</title></meta></report>", &lay);
    CHECK("an unknown layout is an error, where the report names it", r == NULL && has_error(1, 1, "layout \"nosuch\" not found"));

    r = parse("<report><meta><title>x</title></meta><section><heading>a</heading><paragraf>x</paragraf></section></report>", &lay);
    CHECK("an unknown element is named", r == NULL && has_error(1, 0, "unknown element <paragraf>"));

    /* one strict reader for lengths, colours and whole numbers */
    int32_t len = 0;
    uint32_t col = 0;
    long k = 0;
    CHECK("25mm is 70866 millipoints", value_length("25mm", false, &len) == NULL && len == 70866);
    CHECK("2.5cm and 11pt are lengths", value_length("2.5cm", false, &len) == NULL &&
          value_length("11pt", false, &len) == NULL && len == 11000);
    CHECK("a size in pt may omit its unit", value_length("14.5", true, &len) == NULL && len == 14500);
    CHECK("0x100mm, 1e20mm, -3mm, .5mm, 3  mm, 3 and inf are not lengths",
          value_length("0x100mm", false, &len) && value_length("1e20mm", false, &len) &&
          value_length("-3mm", false, &len) && value_length(".5mm", false, &len) &&
          value_length("3  mm", false, &len) && value_length("3 ", true, &len) && value_length("inf", true, &len));
    /* a space before the unit, as Swedish writes it (a new user) */
    CHECK("3 mm is 3mm", value_length("3 mm", false, &len) == NULL && len == 8504);
    CHECK("a length past the largest PDF page is refused",
          value_length("5081mm", false, &len) != NULL && value_length("5080mm", false, &len) == NULL);
    CHECK("#005596 is a colour", value_color("#005596", 7, &col) == NULL && col == 0x005596);
    CHECK("#-FFFFF, #0x1234, # 12345, #12345 and #1234567 are not",
          value_color("#-FFFFF", 7, &col) && value_color("#0x1234", 7, &col) && value_color("# 12345", 7, &col) &&
          value_color("#12345", 6, &col) && value_color("#1234567", 8, &col));
    CHECK("whole numbers within their bounds", value_whole("3", 1, 9, &k) && k == 3 &&
          !value_whole("0", 1, 9, &k) && !value_whole("10", 1, 9, &k) && !value_whole("2x", 1, 9, &k) &&
          !value_whole("99999999999999999999999", 1, 9, &k) && !value_whole("", 1, 9, &k));

    diags_free(&rp.diags);
    arena_free(&rp.arena);
    TEST_DONE();
}
