/*
 * csv.h - a table's rows read from a CSV file (parse stage).
 *
 * <table src="ekonomi.csv"> takes its rows from a CSV as a Swedish Excel
 * or LibreOffice saves it: ";" or "," (or tab) between the fields,
 * detected; fields in quotes with "" for a quote inside; UTF-8 with or
 * without a byte order mark, or Windows-1252 when the bytes are not
 * UTF-8. The numbers stay as written ("1 234,5"): the table's number
 * columns read them like any cell's (numfmt_read). The report decides
 * how the rows are set: its <columns>, how many of the first rows are
 * the header, and <row-role> rules that give the other rows their roles
 * by the text of their first cell ("Summa*") or their row number, so
 * that next year's export drops in unchanged.
 *
 * Reads the file (files_load, bounded by RP_MAX_CSV_BYTES) and appends
 * N_ROW nodes to the table in the run's arena; owns nothing after.
 * Every mistake in the CSV is reported at FILE:LINE:FIELD (the field's
 * number, 1 for the first), never at the report.
 *
 * Invariants of the rows appended (the table's grid is placed later,
 * by the parser, as for rows written in the report):
 *  1. Every row has Node.u.row.src set to the CSV's name and holds one
 *     cell per column (`ncols`), each one column and one row wide, but a
 *     group row whose other fields are empty: one cell over all columns.
 *  2. A cell holds one text node with the field's text (white space
 *     folded, quotes undone), or nothing for an empty field.
 *  3. Rows whose fields are all empty are left out; header rows come
 *     first, in the file's order.
 */
#ifndef RP_CSV_H
#define RP_CSV_H

#include <stdbool.h>
#include <stdint.h>
#include "../base/rp.h"
#include "../model/model.h"

/* A <row-role> of the table: which rows it gives a role. */
typedef struct CsvRule {
    /* input: */
    const char *match;      /* a pattern for the first cell ('*' any text, '?' one character,
                             * letters in either case), or NULL */
    int         row;        /* a row number of the file (1: its first row), 0: none, -1: its last row */
    RowRole     role;
    bool        sum_above;  /* sum-of="above" */
    /* output: */
    int         used;       /* rows it gave its role */
    int         fits;       /* rows it fits, also those an earlier rule gave their role */
} CsvRule;

typedef struct CsvSpec {
    const char *path;        /* input: the file to read (resolved) */
    const char *name;        /* input: the file as messages name it */
    int         header_rows; /* input: the first rows that are the header (header-rows; default 1) */
    int         ncols;       /* input: the columns <columns> declares; 0: as many as the widest row */
    CsvRule    *rules;       /* input: in the report's order: the first that fits a row decides */
    int         nrules;
    int64_t     work_left;   /* input: working memory the rows may take (limits.h) */
    const Node *at;          /* input: the <table>, for messages about the file as a whole */
    const char *report;      /* input: the report's file, for those messages */
    int64_t     work;        /* output: the working memory its rows are estimated to take */
    uint64_t    hash;        /* output: a hash of the file's bytes (FNV-1a), for the PDF's ID */
    char        sep;         /* output: its separator (';', ',' or '\t') */
} CsvSpec;

/*
 * Read the CSV `s->path` and append its rows to table `t`. Returns the
 * number of rows appended, or -1 if the file cannot be used (then errors
 * are in rp->diags, and no row is appended). Errors inside the file are
 * at s->name:line:field; a file that cannot be read, or is too large, at
 * the <table>. Never reads more than RP_MAX_CSV_BYTES.
 */
int csv_table(Rp *rp, Node *t, CsvSpec *s);

/* Does `text` (n bytes of UTF-8) match `pattern` ('*' any text, '?' one
 * character; A-Z, Å, Ä, Ö, É and the like in either case)? */
bool csv_match(const char *pattern, const char *text, size_t n);

#endif
