/*
 * Unit tests: a table's rows read from a CSV (parse/csv), from small
 * files written here.
 */
#include "test.h"
#include "parse/csv.h"
#include "base/limits.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static Rp rp;
static char path[64];

/* Read `text` (n bytes) as a CSV into a new table of `ncols` declared
 * columns (0: none), one header row; the rows made, or -1. */
static int read_csv(const char *text, size_t n, int ncols, CsvRule *rules, int nrules, Node **table)
{
    arena_free(&rp.arena);
    diags_free(&rp.diags);
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    FILE *f = fopen(path, "wb");
    fwrite(text, 1, n, f);
    fclose(f);
    Node *t = model_new(&rp.arena, N_TABLE, NULL, NULL);
    t->line = 3;
    t->col = 5;
    CsvSpec s = { .path = path, .name = "e.csv", .header_rows = 1, .ncols = ncols, .rules = rules,
                  .nrules = nrules, .work_left = RP_MAX_WORK_BYTES, .at = t, .report = "r.xml" };
    *table = t;
    return csv_table(&rp, t, &s);
}

/* The text of cell `col` (0-based) of row `row` (0-based), "" if empty. */
static const char *cell(const Node *t, int row, int col)
{
    const Node *r = t->first;
    for (int k = 0; r && k < row; k++)
        r = r->next;
    const Node *c = r ? r->first : NULL;
    for (int k = 0; c && k < col; k++)
        c = c->next;
    return !c ? "(none)" : c->first ? c->first->text : "";
}

static int error_at(int line, int field, const char *text)
{
    for (int i = 0; i < rp.diags.n; i++) {
        const Diag *d = &rp.diags.v[i];
        if (d->level == DIAG_ERROR && d->line == line && d->col == field && strstr(d->msg, text))
            return 1;
    }
    for (int i = 0; i < rp.diags.n; i++)
        fprintf(stderr, "  have %s:%d:%d %s\n", rp.diags.v[i].file, rp.diags.v[i].line, rp.diags.v[i].col,
                rp.diags.v[i].msg);
    return 0;
}

#define READ(s, ncols) read_csv((s), sizeof(s) - 1, (ncols), NULL, 0, &t)

int main(void)
{
    snprintf(path, sizeof path, "/tmp/rapport-csv-unit-%ld.csv", (long)getpid());
    Node *t;

    CHECK("a ;-separated file: three rows", READ("A;B\r\nx;1 234,5\r\ny;\"2\"\r\n", 0) == 3);
    CHECK("... header first", t->first->u.row.role == ROW_HEADER && t->first->next->u.row.role == ROW_NORMAL);
    CHECK("... numbers as written", !strcmp(cell(t, 1, 1), "1 234,5") && !strcmp(cell(t, 2, 1), "2"));
    CHECK("... rows know their file", !strcmp(t->first->u.row.src, "e.csv"));
    CHECK("... and cells their line and field", t->first->next->next->last->line == 3 &&
                                                t->first->next->next->last->col == 2);

    CHECK("a ,-separated file with decimal commas in quotes", READ("A,B,C\nx,\"1,5\",\"2,25\"\nz,\"3,5\",4\n", 0) == 3);
    CHECK("... the commas in quotes stay", !strcmp(cell(t, 1, 1), "1,5") && !strcmp(cell(t, 2, 2), "4"));
    CHECK("a ;-file with unquoted decimal commas", READ("A;B;C\nx;1,5;2\ny;3;4,25\n", 0) == 3);
    CHECK("... is read by ;", !strcmp(cell(t, 1, 1), "1,5") && !strcmp(cell(t, 2, 2), "4,25"));
    CHECK("Excel's sep= line", READ("sep=,\nA,B\nx;y,2\n", 0) == 2 && !strcmp(cell(t, 1, 0), "x;y"));
    CHECK("... counts as a line, not a row", READ("sep=;\r\n\r\nA;B\nx;\"1\n", 0) == -1 && error_at(4, 2, "never closed"));
    CHECK("a quote inside quotes and a line break in a field",
          READ("A;B\n\"Hon sa \"\"ja\"\"\";\"två\nrader\"\nz;1\n", 0) == 3 &&
          !strcmp(cell(t, 1, 0), "Hon sa \"ja\"") && !strcmp(cell(t, 1, 1), "två rader") &&
          t->last->line == 4);
    CHECK("a UTF-8 BOM is dropped", READ("\xEF\xBB\xBF" "År;B\nx;1\n", 0) == 2 && !strcmp(cell(t, 0, 0), "År"));
    CHECK("Windows-1252 is read as such", READ("\xC5r;B\n\x96;\x80 5\n", 0) == 2 &&
          !strcmp(cell(t, 0, 0), "År") && !strcmp(cell(t, 1, 0), "\xE2\x80\x93") &&
          !strcmp(cell(t, 1, 1), "\xE2\x82\xAC 5"));
    CHECK("a no-break space in Windows-1252", READ("A;B\nx;1\xA0" "234\n", 0) == 2 &&
          !strcmp(cell(t, 1, 1), "1\xC2\xA0" "234"));
    CHECK("blank rows are left out, short rows padded", READ("A;B;C\n;;\nx\n\n", 0) == 2 &&
          !strcmp(cell(t, 1, 2), ""));
    CHECK("without <columns>: as wide as the widest row", READ("A\nx;1;;\n", 0) == 2 && t->first->last->u.cell.col == 1);

    CHECK("an unterminated quote: an error at its line and field", READ("A;B\nx;1\ny;\"2\n", 0) == -1 &&
          error_at(3, 2, "never closed"));
    CHECK("a field too many: an error at it", READ("A;B\nx;1;9\ny;2;;\n", 2) == -1 && error_at(2, 3, "a field too many"));
    CHECK("text after a closing quote", READ("A;B\nx;\"1\"2\n", 0) == -1 && error_at(2, 2, "after the closing quote"));
    CHECK("a control character", READ("A;B\nx;\x01\n", 0) == -1 && error_at(2, 2, "control character"));
    CHECK("an unassigned Windows-1252 byte", READ("\xC5;B\nx;\x81\n", 0) == -1 && error_at(2, 2, "U+0081"));
    CHECK("a BOM and then no UTF-8", READ("\xEF\xBB\xBF" "A;B\nx;\xC5\n", 0) == -1 && error_at(2, 0, "not UTF-8"));
    CHECK("an empty file", READ("", 0) == -1 && error_at(0, 0, "empty"));
    CHECK("a workbook", READ("PK\x03\x04xx", 0) == -1 && error_at(0, 0, "workbook"));
    CHECK("UTF-16", READ("\xFF\xFEx\0", 0) == -1 && error_at(0, 0, "UTF-16"));
    CHECK("only blank rows: no rows, at the table", READ(";;\n\n", 0) == -1 && error_at(3, 5, "has no rows"));
    {
        char big[RP_MAX_CSV_FIELD_BYTES + 20];
        memset(big, 'x', sizeof big);
        memcpy(big, "A\n", 2);
        CHECK("a field too long", read_csv(big, sizeof big, 0, NULL, 0, &t) == -1 && error_at(2, 1, "at most"));
    }

    CsvRule rules[] = { { .match = "summa*", .role = ROW_SUM, .sum_above = true },
                        { .row = 3, .role = ROW_GROUP },
                        { .row = -1, .role = ROW_PART },
                        { .match = "Totalt", .role = ROW_SUM } };
    const char *rows = "A;B\nx;1\nKommunen;;\ny;2\nSUMMA netto;\nvarav;1\n";
    CHECK("rules", read_csv(rows, strlen(rows), 2, rules, 4, &t) == 6);
    const Node *r = t->first;
    CHECK("... the header", r->u.row.role == ROW_HEADER);
    CHECK("... a row by number: a group across the table", (r = r->next->next)->u.row.role == ROW_GROUP &&
          r->first->u.cell.colspan == 2 && r->first == r->last);
    CHECK("... by the first cell, in either case", (r = r->next->next)->u.row.role == ROW_SUM && r->u.row.sum_above);
    CHECK("... the last row", r->next->u.row.role == ROW_PART);
    CHECK("... and what each gave", rules[0].used == 1 && rules[1].used == 1 && rules[2].used == 1 && rules[3].used == 0);

    CHECK("match: *", csv_match("Summa*", "Summa nettokostnader", 20));
    CHECK("match: whole", !csv_match("Summa", "Summa netto", 11));
    CHECK("match: ? is one letter, å too", csv_match("?r", "År", 3));
    CHECK("match: Å and å alike", csv_match("ÅR*", "år 2024", 8));
    CHECK("match: * in the middle", csv_match("*kostnad*", "Summa kostnader", 15));
    CHECK("match: no partial", !csv_match("*x", "abc", 3));

    unlink(path);
    arena_free(&rp.arena);
    diags_free(&rp.diags);
    TEST_DONE();
}
