/*
 * csv.c - a table's rows read from a CSV file (parse stage). See csv.h.
 *
 * Design notes. The file is read whole (bounded), turned into UTF-8,
 * split into records and fields, and only then made into rows, so that
 * a file with a mistake adds no row at all and every mistake in it is
 * reported in one run.
 *  1. Encoding: a UTF-8 byte order mark is dropped; bytes that are
 *     valid UTF-8 are taken as UTF-8, anything else as Windows-1252
 *     (what Excel writes as "CSV (semikolonavgränsad)" in Sweden). A
 *     Windows-1252 file that happens to be valid UTF-8 would need two
 *     or more letters such as "Ã¥" in a row, which no Swedish text has.
 *  2. Separator: Excel's "sep=;" first line if there is one, else the
 *     first of ";", tab and "," that stands as often on each of the
 *     first lines outside quotes; else the one most frequent on the
 *     first line. A decimal comma inside quotes never counts, and in a
 *     ";" file an unquoted decimal comma varies from line to line.
 *  3. Positions: a record's line is the file's line where it starts; a
 *     field's, where the field starts (a quoted field may hold line
 *     breaks); fields are numbered from 1. Rows (row="N") are numbered
 *     as a spreadsheet numbers them: records, blank ones included.
 *  4. Before any field is kept, the fields are counted from the
 *     separators and line breaks, and with the bytes they must fit the
 *     working memory the report leaves (RP_MAX_WORK_BYTES).
 */
#include "csv.h"
#include "files.h"
#include "../base/limits.h"
#include "../base/utf8.h"
#include "../base/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Windows-1252's 0x80..0x9F (0: unassigned, kept as the C1 control
 * character of the same number, which the field check refuses). */
static const uint16_t cp1252[32] = {
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
    0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
};

typedef struct Field {
    const char *text;       /* folded, in the arena; "" when empty */
    size_t      len;
    int         line, num;  /* where it starts; its number in the record */
} Field;

typedef struct Record {
    Field *f;
    int    n;
    int    line;            /* where it starts */
    int    number;          /* the spreadsheet's row number */
    bool   blank;           /* every field empty */
} Record;

typedef struct Reader {
    Rp         *rp;
    const char *name;       /* for messages */
    const char *s;          /* the text, UTF-8 */
    size_t      n, i;
    int         line;
    char        sep;
    char       *buf;        /* one field's text, up to RP_MAX_CSV_FIELD_BYTES */
    size_t      len;
} Reader;

#define CERR(rd, line, field, hint, ...) \
    diag_add(&(rd)->rp->diags, DIAG_ERROR, (rd)->name, (line), (field), (hint), __VA_ARGS__)

/* The line of byte `at` in s (1 for the first). */
static int line_of(const char *s, size_t at)
{
    int line = 1;
    for (size_t i = 0; i < at; i++)
        line += s[i] == '\n' || (s[i] == '\r' && s[i + 1] != '\n');
    return line;
}

/* The bytes as UTF-8 in the arena (note 1), NUL-terminated; NULL with an
 * error if they cannot be text. */
static char *decode(Reader *rd, const unsigned char *b, size_t n, size_t *out_n)
{
    bool bom = n >= 3 && b[0] == 0xEF && b[1] == 0xBB && b[2] == 0xBF;
    if (bom) {
        b += 3;
        n -= 3;
    }
    size_t bad = n;
    for (size_t i = 0; i < n && bad == n;) {
        size_t at = i;
        if (utf8_next((const char *)b, n, &i) == 0xFFFD && !(i - at == 3 && !memcmp(b + at, "\xEF\xBF\xBD", 3)))
            bad = at;
    }
    if (bad == n) {
        *out_n = n;
        return arena_strndup(&rd->rp->arena, (const char *)b, n);
    }
    if (bom) {
        CERR(rd, line_of((const char *)b, bad), 0,
             _("save it again from the spreadsheet as \"CSV UTF-8\" or \"CSV (semikolonavgränsad)\""),
             _("the file begins as UTF-8 (a byte order mark), but byte 0x%02X here is not UTF-8"), b[bad]);
        return NULL;
    }
    char *out = arena_alloc(&rd->rp->arena, n * 3 + 1);
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        uint32_t cp = b[i] < 0x80 ? b[i] : b[i] < 0xA0 && cp1252[b[i] - 0x80] ? cp1252[b[i] - 0x80] : b[i];
        k += (size_t)utf8_encode(cp, out + k);
    }
    out[k] = 0;
    *out_n = k;
    return out;
}

/* Note 2: the separator; *skip is the length of a "sep=;" line. */
static char detect_sep(const char *s, size_t n, size_t *skip)
{
    *skip = 0;
    if (n >= 5 && !memcmp(s, "sep=", 4) && (n == 5 || s[5] == '\n' || s[5] == '\r') &&
        (s[4] == ';' || s[4] == ',' || s[4] == '\t')) {
        size_t k = 5;
        if (k < n && s[k] == '\r')
            k++;
        if (k < n && s[k] == '\n')
            k++;
        *skip = k;
        return s[4];
    }
    enum { LINES = 20 };
    static const char cand[3] = { ';', '\t', ',' };
    int cnt[3][LINES] = { { 0 } };
    int lines = 0;
    bool quoted = false, content = false;
    for (size_t i = 0; i < n && lines < LINES; i++) {
        char c = s[i];
        if (c == '"') {
            quoted = !quoted;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            lines += content;
            content = false;
            continue;
        } else if (!quoted) {
            for (int k = 0; k < 3; k++)
                cnt[k][lines] += c == cand[k];
        }
        content = true;
    }
    lines += content && lines < LINES;
    for (int k = 0; k < 3; k++) {
        bool same = lines > 0 && cnt[k][0] > 0;
        for (int l = 1; l < lines && same; l++)
            same = cnt[k][l] == cnt[k][0];
        if (same)
            return cand[k];
    }
    int best = 0;
    for (int k = 1; k < 3; k++)
        if (cnt[k][0] > cnt[best][0])
            best = k;
    return cand[best];
}

static void put(Reader *rd, char c)
{
    if (rd->len < RP_MAX_CSV_FIELD_BYTES + 1)
        rd->buf[rd->len] = c;
    rd->len++;
}

/* End of a line at rd->i ("\r\n", "\n" or "\r"): consumed, counted. */
static bool line_end(Reader *rd)
{
    if (rd->i >= rd->n || (rd->s[rd->i] != '\n' && rd->s[rd->i] != '\r'))
        return false;
    if (rd->s[rd->i] == '\r' && rd->i + 1 < rd->n && rd->s[rd->i + 1] == '\n')
        rd->i++;
    rd->i++;
    rd->line++;
    return true;
}

/* The field in rd->buf as kept: white space folded, checked. */
static Field keep_field(Reader *rd, int line, int num)
{
    Field f = { "", 0, line, num };
    if (rd->len > RP_MAX_CSV_FIELD_BYTES) {
        CERR(rd, line, num, _("a table cell holds a label or an amount; put long texts in the report's paragraphs"),
             _("the field is %zu bytes long; rapport takes at most %d in a cell"), rd->len, RP_MAX_CSV_FIELD_BYTES);
        return f;
    }
    char *d = arena_alloc(&rd->rp->arena, rd->len + 1);
    size_t k = 0;
    bool space = false;
    for (size_t i = 0; i < rd->len; i++) {
        char c = rd->buf[i];
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space = k > 0;
            continue;
        }
        if (space)
            d[k++] = ' ';
        space = false;
        d[k++] = c;
    }
    d[k] = 0;
    for (size_t i = 0; i < k;) {
        uint32_t c = utf8_next(d, k, &i);
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            CERR(rd, line, num, _("delete the character in the spreadsheet, or save the file again as CSV"),
                 _("the field holds a control character (U+%04X), which cannot be printed"), (unsigned)c);
            return f;
        }
    }
    f.text = d;
    f.len = k;
    return f;
}

/* One field at rd->i: quoted or not. False if the file ends inside a
 * quoted field (then reading stops). */
static bool read_field(Reader *rd, int num, Field *out)
{
    int line = rd->line;
    rd->len = 0;
    if (rd->i < rd->n && rd->s[rd->i] == '"') {
        rd->i++;
        for (;;) {
            if (rd->i >= rd->n) {
                CERR(rd, line, num, _("end the field with a quote before the next separator; a quote inside a "
                     "quoted field is written twice (\"\"), as the spreadsheet does"),
                     _("the quote that begins this field is never closed"));
                return false;
            }
            char c = rd->s[rd->i];
            if (c == '"' && rd->i + 1 < rd->n && rd->s[rd->i + 1] == '"') {
                put(rd, '"');
                rd->i += 2;
            } else if (c == '"') {
                rd->i++;
                break;
            } else if (c == '\n' || c == '\r') {
                line_end(rd);
                put(rd, ' ');
            } else {
                put(rd, c);
                rd->i++;
            }
        }
        while (rd->i < rd->n && rd->s[rd->i] == ' ')
            rd->i++;
        if (rd->i < rd->n && rd->s[rd->i] != rd->sep && rd->s[rd->i] != '\n' && rd->s[rd->i] != '\r') {
            CERR(rd, rd->line, num, _("a quote inside a quoted field is written twice: \"Hon sa \"\"ja\"\"\""),
                 _("text after the closing quote of the field"));
            while (rd->i < rd->n && rd->s[rd->i] != rd->sep && rd->s[rd->i] != '\n' && rd->s[rd->i] != '\r')
                rd->i++;
        }
    } else {
        while (rd->i < rd->n && rd->s[rd->i] != rd->sep && rd->s[rd->i] != '\n' && rd->s[rd->i] != '\r')
            put(rd, rd->s[rd->i++]);
    }
    *out = keep_field(rd, line, num);
    return true;
}

typedef VEC(Record) Records;

/* Every record of the file; false if it ends inside a quoted field. */
static bool read_records(Reader *rd, Records *out)
{
    int number = 0;
    while (rd->i < rd->n) {
        Record r = { 0 };
        r.line = rd->line;
        r.number = ++number;
        r.blank = true;
        VEC(Field) fields = { 0 };
        for (;;) {
            Field f;
            if (!read_field(rd, fields.n + 1, &f))
                return false;
            VEC_PUSH(&rd->rp->arena, fields, f);
            r.blank &= f.len == 0;
            if (rd->i < rd->n && rd->s[rd->i] == rd->sep) {
                rd->i++;
                continue;
            }
            line_end(rd);
            break;
        }
        r.f = fields.v;
        r.n = fields.n;
        VEC_PUSH(&rd->rp->arena, *out, r);
    }
    return true;
}

/* A letter in one case for matching: A-Z and À-Þ (Å, Ä, Ö, É ...). */
static uint32_t fold(uint32_t c)
{
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7))
        return c + 0x20;
    return c;
}

bool csv_match(const char *pattern, const char *text, size_t n)
{
    size_t pn = strlen(pattern), p = 0, t = 0, star_p = 0, star_t = 0;
    bool star = false;
    while (t < n) {
        if (p < pn && pattern[p] == '*') {
            star = true;
            star_p = ++p;
            star_t = t;
            continue;
        }
        if (p < pn) {
            size_t p2 = p, t2 = t;
            uint32_t pc = utf8_next(pattern, pn, &p2), tc = utf8_next(text, n, &t2);
            if (pc == '?' || fold(pc) == fold(tc)) {
                p = p2;
                t = t2;
                continue;
            }
        }
        if (!star)
            return false;
        p = star_p;             /* the last '*' takes one character more */
        utf8_next(text, n, &star_t);
        t = star_t;
    }
    while (p < pn && pattern[p] == '*')
        p++;
    return p == pn;
}

/* The role of the body row `r` by the first rule that fits it; every
 * rule that fits counts it (a later one is told it came too late). */
static RowRole rule_role(CsvSpec *s, const Record *r, int last, bool *sum_above)
{
    RowRole role = ROW_NORMAL;
    bool decided = false;
    *sum_above = false;
    for (int k = 0; k < s->nrules; k++) {
        CsvRule *u = &s->rules[k];
        bool fits = u->row ? (u->row == r->number || (u->row == -1 && r->number == last))
                           : u->match && csv_match(u->match, r->f[0].text, r->f[0].len);
        if (!fits)
            continue;
        u->fits++;
        if (!decided) {
            decided = true;
            u->used++;
            *sum_above = u->sum_above;
            role = u->role;
        }
    }
    return role;
}

/* Note 4: the fields the text can hold at most, with its bytes, within
 * the working memory left? */
static bool fits_memory(Reader *rd, CsvSpec *s)
{
    int64_t fields = 1;
    for (size_t i = 0; i < rd->n; i++)
        fields += rd->s[i] == rd->sep || rd->s[i] == '\n';
    int64_t need = (int64_t)rd->n * RP_WORK_PER_INPUT_BYTE + fields * RP_WORK_PER_CELL;
    s->work = need;
    if (need <= s->work_left)
        return true;
    diag_add(&rd->rp->diags, DIAG_ERROR, s->report, s->at->line, s->at->col,
             _("split the table in several, or the report in several reports"),
             _("the CSV \"%s\" (%lld fields) would need about %lld MB of memory to lay out with the report; "
             "rapport takes at most %ld MB for one report"),
             s->name, (long long)fields, (long long)(need >> 20), RP_MAX_WORK_BYTES >> 20);
    return false;
}

/* The file as UTF-8 text, its separator found, in rd; false with an
 * error if it is no CSV. */
static bool open_text(Reader *rd, CsvSpec *s)
{
    const char *why = NULL;
    size_t len;
    unsigned char *raw = files_load(rd->rp, s->path, RP_MAX_CSV_BYTES, &len, &why);
    if (!raw) {
        struct stat st;
        bool big = stat(s->path, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > RP_MAX_CSV_BYTES;
        diag_add(&rd->rp->diags, DIAG_ERROR, s->report, s->at->line, s->at->col,
                 big ? _("export only the rows the report shows, or split the table into several")
                     : _("the path is relative to the report file's folder"),
                 _("the CSV \"%s\" cannot be used: %s"), s->name, why);
        return false;
    }
    s->hash = 14695981039346656037ull;
    for (size_t i = 0; i < len; i++)
        s->hash = (s->hash ^ raw[i]) * 1099511628211ull;
    const char *not_csv = NULL;
    if (len == 0)
        not_csv = _("the file is empty");
    else if (len >= 2 && ((raw[0] == 0xFF && raw[1] == 0xFE) || (raw[0] == 0xFE && raw[1] == 0xFF)))
        not_csv = _("the file is UTF-16 (\"Unicode text\"), not a CSV");
    else if (len >= 4 && !memcmp(raw, "PK\x03\x04", 4))
        not_csv = _("the file is a workbook (.xlsx or .ods), not a CSV");
    else if (memchr(raw, 0, len))
        not_csv = _("the file holds NUL bytes: it is not text");
    if (not_csv) {
        CERR(rd, 0, 0, _("save the sheet from the spreadsheet as \"CSV (semikolonavgränsad)\" or \"CSV UTF-8\""),
             "%s", not_csv);
        free(raw);
        return false;
    }
    rd->s = decode(rd, raw, len, &rd->n);
    free(raw);
    if (!rd->s)
        return false;
    size_t skip;
    rd->sep = detect_sep(rd->s, rd->n, &skip);
    rd->i = skip;
    rd->line = 1 + (skip > 0);
    return fits_memory(rd, s);
}

/* Append the row of record `r` to t, with `ncols` cells (invariant 1). */
static void add_row(Rp *rp, Node *t, const CsvSpec *s, const Record *r, int ncols, RowRole role, bool sum_above)
{
    Node *row = model_new(&rp->arena, N_ROW, t, NULL);
    row->line = r->line;
    row->col = 1;
    row->u.row.role = role;
    row->u.row.sum_above = sum_above;
    row->u.row.src = s->name;
    bool alone = role == ROW_GROUP;
    for (int k = 1; k < r->n && alone; k++)
        alone = r->f[k].len == 0;
    for (int k = 0; k < ncols; k++) {
        Node *c = model_new(&rp->arena, N_CELL, row, NULL);
        const Field *f = k < r->n ? &r->f[k] : NULL;
        c->line = f ? f->line : r->line;
        c->col = k + 1;
        c->u.cell.colspan = alone ? ncols : 1;
        c->u.cell.rowspan = 1;
        c->u.cell.col = k;
        c->u.cell.status = -1;
        if (f && f->len) {
            Node *x = model_new_text(&rp->arena, c, f->text, c);
            x->len = f->len;
        }
        if (alone)
            break;
    }
}

int csv_table(Rp *rp, Node *t, CsvSpec *s)
{
    Reader rd = { .rp = rp, .name = s->name };
    int errors = diag_errors(&rp->diags);
    if (!open_text(&rd, s))
        return -1;
    rd.buf = xmalloc(RP_MAX_CSV_FIELD_BYTES + 1);
    Records recs = { 0 };
    bool whole = read_records(&rd, &recs);
    free(rd.buf);
    if (!whole)
        return -1;
    /* the columns: <columns>, else the widest row's last field that holds something */
    int ncols = s->ncols, rows = 0, last = 0, widest = 0;
    for (int j = 0; j < recs.n; j++) {
        const Record *r = &recs.v[j];
        if (r->blank)
            continue;
        rows++;
        last = r->number;
        for (int k = r->n; k-- > 0;)
            if (r->f[k].len) {
                if (k + 1 > widest)
                    widest = k + 1;
                break;
            }
    }
    int cap = s->ncols ? s->ncols : RP_MAX_TABLE_COLUMNS;
    for (int j = 0; j < recs.n; j++) {
        const Record *r = &recs.v[j];
        for (int k = cap; k < r->n; k++)
            if (r->f[k].len) {
                if (s->ncols)
                    CERR(&rd, r->f[k].line, k + 1, _("the report's <columns> declares the table's columns: add a "
                         "<column>, or delete what stands in this field in the spreadsheet"),
                         P_("a field too many: the table has %d column", "a field too many: the table has %d columns", s->ncols), s->ncols);
                else
                    CERR(&rd, r->f[k].line, k + 1, _("30 columns fit a landscape page in small type; split the table in two"),
                         _("this row has more than %d fields with something in them; rapport lays out at most %d columns"),
                         RP_MAX_TABLE_COLUMNS, RP_MAX_TABLE_COLUMNS);
                break;
            }
    }
    if (!ncols)
        ncols = widest < cap ? widest : cap;
    /* a row of fewer fields than the table has columns: its last cells
     * are left empty, and a sum of them goes without it, which a
     * spreadsheet's export never does (it writes every field, empty
     * ones too): a field lost by hand. A row of one field is a title
     * or a group's, set across the table. */
    for (int j = 0; j < recs.n; j++) {
        const Record *r = &recs.v[j];
        if (!r->blank && r->n > 1 && r->n < ncols)
            diag_add(&rp->diags, DIAG_WARNING, rd.name, r->f[r->n - 1].line, r->n,
                     _("a separator missing? the cells of the last columns are left empty, and a sum goes without "
                       "them; write the row with every field, empty ones too"),
                     P_("this row has %d field, and the table %d columns", "this row has %d fields, and the table %d columns",
                        r->n), r->n, ncols);
    }
    s->sep = rd.sep;
    /* no separator in any row: "A|1671|1917" would stand whole in the
     * first column, the others empty, without a word */
    bool one_field = rows > 0;
    int bars = 0;
    for (int j = 0; j < recs.n && one_field; j++) {
        const Record *r = &recs.v[j];
        if (r->blank)
            continue;
        one_field = r->n == 1;
        /* "A|1671|1917", "Post:Belopp": a separator of another kind */
        bars += memchr(r->f[0].text, '|', r->f[0].len) || memchr(r->f[0].text, ':', r->f[0].len);
    }
    if (one_field && (s->ncols > 1 || bars == rows))
        diag_add(&rp->diags, DIAG_ERROR, s->report, s->at->line, s->at->col,
                 _("save it from the spreadsheet as \"CSV (semikolonavgränsad)\" or \"CSV UTF-8\": rapport "
                   "reads fields separated by ;, a comma or a tab"),
                 _("the CSV \"%s\" has no separator rapport knows (; , or tab): each of its rows is one field"),
                 s->name);
    if (!rows)
        diag_add(&rp->diags, DIAG_ERROR, s->report, s->at->line, s->at->col,
                 _("export the rows again, or give the table its rows in the report"),
                 _("the CSV \"%s\" has no rows"), s->name);
    else if (rows > RP_MAX_TABLE_ROWS)
        diag_add(&rp->diags, DIAG_ERROR, s->report, s->at->line, s->at->col,
                 _("a table this long is a register, not a report; split it, or put it in an appendix of its own"),
                 _("the CSV \"%s\" has %d rows; rapport lays out at most %d"), s->name, rows, RP_MAX_TABLE_ROWS);
    else if (s->header_rows > rows)
        diag_add(&rp->diags, DIAG_ERROR, s->report, s->at->line, s->at->col,
                 _("header-rows counts the rows at the top of the CSV that are its header"),
                 P_("header-rows=\"%d\", but the CSV \"%s\" has %d row", "header-rows=\"%d\", but the CSV \"%s\" has %d rows", rows),
                 s->header_rows, s->name, rows);
    if (diag_errors(&rp->diags) > errors)
        return -1;
    int made = 0;
    for (int j = 0; j < recs.n; j++) {
        const Record *r = &recs.v[j];
        if (r->blank)
            continue;
        bool sum_above = false;
        RowRole role = made < s->header_rows ? ROW_HEADER : rule_role(s, r, last, &sum_above);
        add_row(rp, t, s, r, ncols, role, sum_above);
        made++;
    }
    return made;
}
