/*
 * table.c - tables: column widths, cells, rows (measure stage).
 *
 * Design notes
 *  - Column widths (tablewidth.c) are those that make the table least
 *    tall (colwidth.h, table_shortest_widths) when its words fit without
 *    hyphens; the tables of one kind in the report share one grid of
 *    them (grid_widths). Else they follow the automatic table layout browsers
 *    use (table_widths): each
 *    column has a minimum (its widest word or number, plus padding) and a
 *    preferred width (its longest cell on one line). Columns with a given
 *    width (mm, pt, %) take it; star columns (2*) share what is left by
 *    weight; automatic columns get their preferred width when everything
 *    fits, else min + a share of the room in proportion to (pref - min).
 *    The table always spans the text width, as in the reports.
 *  - A cell is typeset with the ordinary paragraph machinery, so numbers,
 *    footnote marks and status markers behave as in running text. Numbers
 *    written as machine numbers in a number column are printed in Swedish
 *    style by the column's format and right-aligned, so their decimal
 *    commas line up when the column shows a fixed number of decimals.
 *  - Each row becomes one box. Header rows are flagged for repetition on
 *    every page the table continues on; rows joined by a rowspan keep
 *    together; a short table keeps together as a whole.
 *  - Rules: a strong rule under the header, a thin one under each body
 *    cell (not through a cell that spans down), a strong one above sums.
 */
#include "measure_int.h"
#include "tablecell.h"
#include "../base/limits.h"
#include "../model/numfmt.h"
#include "../base/i18n.h"

#include <assert.h>
#include <stdlib.h>
#include <string.h>


/* "-", "i u", "..": a cell in a number column that says there is no
 * figure. It stands where an integer would. */
static bool placeholder(const char *s, int n)
{
    static const char *const marks[] = {
        "-", "\xE2\x80\x93", "\xE2\x80\x94", "i u", "i.u.", "iu", "..", "\xE2\x80\xA6", "x", "X",
    };
    while (n > 0 && *s == ' ') { s++; n--; }
    while (n > 0 && s[n - 1] == ' ') n--;
    for (size_t k = 0; k < sizeof marks / sizeof *marks; k++)
        if ((size_t)n == strlen(marks[k]) && memcmp(s, marks[k], (size_t)n) == 0)
            return true;
    return false;
}

/* Whether the text from piece i, byte k on, is a figure in brackets
 * that ends the cell: "(28)" in "407 (28)", "(45%)" (a share, a count
 * of whom: it hangs right of the figure the column aligns). Words in
 * brackets ("2 (inom BoU)") make the cell text. */
static bool bracket_tail(const Pieces *ps, int i, int k)
{
    int n = 0, open = 0, digits = 0;
    char last = 0;
    for (int q = i; q < ps->n; q++) {
        const char *t = ps->v[q].s;
        int len = ps->v[q].len;
        for (int j = q == i ? k : 0; j < len; j++, n++) {
            char c = t[j];
            if (j + 2 < len && !memcmp(t + j, "\xE2\x88\x92", 3)) {    /* a minus */
                j += 2;
                continue;
            }
            if (j + 1 < len && !memcmp(t + j, "\xC2\xA0", 2)) {         /* a no-break space */
                j++;
                continue;
            }
            if (!strchr("()0123456789,%+- ", c) || c == 0)
                return false;
            open += c == '(';
            digits += c >= '0' && c <= '9';
            if (c != ' ')
                last = c;
        }
    }
    return open == 1 && last == ')' && digits > 0 && n <= 10;
}

/* The width of a number cell's text from its decimal comma to the end
 * ("19,3 %" -> ",3 %"; a footnote mark after it hangs: marks_hang);
 * without a comma, of what follows its last digit (" %" of "29 %", 0
 * for "190"); -1 if it is not a number (words, ranges, "3007 (43%)").
 * Numbers right-aligned by the column's widest such part less their
 * own have their commas, and their integers' last digits, in one
 * line. */
static int32_t decimal_part(M *m, const Pieces *ps)
{
    if (ps->n == 1 && placeholder(ps->v[0].s, ps->v[0].len))
        return 0;
    int end = text_marks_at(ps->v, ps->n);  /* footnote marks after the figure hang right of it */
    if (end < 1 && ps->n > 0)
        end = 1;
    int comma_p = -1, comma_k = 0, digit_p = -1, digit_k = 0, last_p = 0, last_k = 0;
    bool bracket = false;               /* the cell ends in a part in brackets */
    int paren = 0;                      /* the figure in brackets, "(−3,1)": 1 open, 2 closed */
    bool seen = false;                  /* a character before, not a space */
    bool worded = false;                /* a letter after the figure: its unit ("kr/inv", "m2") */
    unsigned char prev = 0;             /* the byte before */
    for (int i = 0; i < end && !bracket; i++) {
        const Piece *p = &ps->v[i];
        if (p->marker || p->pagenum >= 0 || p->br || p->note)
            return -1;
        for (int k = 0; k < p->len && !bracket; k++) {
            unsigned char c = (unsigned char)p->s[k];
            if (c == '(' && digit_p >= 0 && k > 0 && p->s[k - 1] == ' ' && bracket_tail(ps, i, k)) {
                bracket = true;         /* the figure before it is the one aligned */
                break;
            }
            if (paren == 2 && c != ' ')
                return -1;              /* "(3) a" */
            if (paren == 1 && c >= 0x80) {
                /* a minus or a no-break space, and nothing else: "(Δ +3 %)" is text */
                if (k + 2 < p->len && !memcmp(p->s + k, "\xE2\x88\x92", 3) && digit_p < 0 && comma_p < 0)
                    k += 2;             /* a minus before the figure; after it, "(3−1)", a sum */
                else if (k + 1 < p->len && !memcmp(p->s + k, "\xC2\xA0", 2))
                    k += 1;
                else
                    return -1;
                continue;
            }
            if (c >= '0' && c <= '9' && worded && (prev == ' ' || prev == 0xA0))
                return -1;              /* words between figures: "90% inom 120 dgr" */
            if (((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) && digit_p >= 0)
                worded = true;
            prev = c;
            if (c >= '0' && c <= '9') {
                if (comma_p < 0) {
                    digit_p = i;
                    digit_k = k + 1;
                }
            } else if (c == '(' && !paren && !seen) {
                paren = 1;              /* a negative figure as accounts write it */
            } else if (c == ')' && paren == 1 && digit_p >= 0) {
                paren = 2;
            } else if (c == ',' && comma_p < 0) {
                comma_p = i;
                comma_k = k;
            } else if ((c == '-' || (c == 0xE2 && k + 2 < p->len && (unsigned char)p->s[k + 1] == 0x80 &&
                                     (unsigned char)p->s[k + 2] == 0x93)) && (digit_p >= 0 || comma_p >= 0)) {
                return -1;              /* a range, "2019-2022" or "2019–2022" */
            } else if (!(c == ' ' || c == '+' || c == '-' || c == '%' || c >= 0x80 ||
                         (((c >= 'a' && c <= 'z') || c == '/') && digit_p >= 0))) {
                return -1;              /* parentheses, a word before the number */
            }
            if (c >= '0' && c <= '9') {
                last_p = i;
                last_k = k + 1;
            }
            seen |= c != ' ';
        }
    }
    if (digit_p < 0 || paren == 1)
        return -1;
    /* a unit after the number is short ("mnkr", "kr/inv"); words are text */
    int tail = ps->v[last_p].len - last_k;
    for (int q = last_p + 1; q < end; q++)
        tail += ps->v[q].len;
    if (tail > (bracket ? 12 : 8))
        return -1;
    int from_p = comma_p >= 0 ? comma_p : digit_p, from_k = comma_p >= 0 ? comma_k : digit_k;
    int32_t w = 0;
    for (int q = from_p; q < end; q++) {
        const Piece *p = &ps->v[q];
        int k0 = q == from_p ? from_k : 0;
        w += font_text_width(m->flow->faces[p->face], p->s + k0, (size_t)(p->len - k0), p->size);
    }
    return w;
}

/* "-5,2 %" written as text where figures stand: a real minus (U+2212). */
static void real_minus(M *m, Pieces *ps)
{
    Piece *p0 = ps->n ? &ps->v[0] : NULL;
    if (p0 && p0->len >= 2 && p0->s[0] == '-' && p0->s[1] >= '0' && p0->s[1] <= '9') {
        p0->s = arena_printf(&m->rp->arena, "\xE2\x88\x92%.*s", p0->len - 1, p0->s + 1);
        p0->len += 2;
    }
    /* a hyphen alone says "no figure": set as a dash, as the
     * municipality's tables do ("–", not "-") */
    int own = text_marks_at(ps->v, ps->n);  /* (a footnote's mark after it) */
    if (p0 && own == 1 && p0->len >= 1) {
        int a = 0, b = p0->len;
        while (a < b && p0->s[a] == ' ')
            a++;
        while (b > a && p0->s[b - 1] == ' ')
            b--;
        if (b - a == 1 && p0->s[a] == '-') {
            p0->s = "\xE2\x80\x93";
            p0->len = 3;
        }
    }
}

/* A text column (no type) that holds nothing but figures in its body
 * ("75,6 mnkr", "+4,4 mnkr", "-4,6 mnkr", "80 mnkr") is set as a number
 * column: right-aligned unless the author said otherwise, on the decimal
 * comma, with real minus signs. */
static void figures_in_text_columns(M *m, const Node *t, Cell *cells, int ncell)
{
    int ncols = t->u.table.ncols;
    /* per column: -1 not a candidate or a body cell is not a figure,
     * else how many figures (one pass over the cells) */
    int *figures = ARENA_ARRAY(&m->rp->arena, int, ncols);
    for (int k = 0; k < ncols; k++) {
        const Column *col = &t->u.table.cols[k];
        figures[k] = col->type != COL_TEXT || col->align == ALIGN_LEFT || col->align == ALIGN_CENTER ? -1 : 0;
    }
    for (int i = 0; i < ncell; i++) {
        Cell *c = &cells[i];
        int k = c->col;
        if (figures[k] < 0 || c->colspan != 1 || c->fill_head || c->fill_group || c->ps.n == 0)
            continue;
        figures[k] = decimal_part(m, &c->ps) >= 0 ? figures[k] + 1 : -1;
    }
    for (int i = 0; i < ncell; i++) {
        Cell *c = &cells[i];
        if (figures[c->col] <= 0 || c->colspan != 1 || c->fill_group)
            continue;
        if (c->node->u.cell.align == ALIGN_DEFAULT)
            c->align = ALIGN_RIGHT;
        if (c->fill_head || c->ps.n == 0 || c->align != ALIGN_RIGHT)
            continue;
        real_minus(m, &c->ps);
        int32_t nat, minw, mino, minh, px = m->lay->table_pad_x;
        text_widths(m, c->ps.v, c->ps.n, &nat, &minw, &mino, &minh);
        c->min = c->min_solve = minw + 2 * px;
        c->min_once = mino + 2 * px;
        c->min_hyph = c->min_joint = c->min_last = minh + 2 * px;
        c->pref = nat + 2 * px;
        c->frac = decimal_part(m, &c->ps);
    }
}

static bool is_number_cell(const Node *cell, const Node **text)
{
    const Node *c = model_cell_figure(cell);
    if (!c || c->kind != N_TEXT)
        return false;
    *text = c;
    return numfmt_is_number(c->text, c->len);
}

static void push_break(M *m, const Style *st, int variant, Pieces *ps)
{
    Piece br = { 0 };
    br.br = true;
    br.anchor = -1;
    br.pagenum = -1;
    br.face = FACE(st->family, st->variant | variant);
    br.size = st->size;
    VEC_PUSH(&m->rp->arena, *ps, br);
}

/* Blocks inside a cell (paragraphs, a list) flattened to pieces with
 * line breaks between them. */
static void block_pieces(M *m, const Node *parent, const Style *st, int variant, Pieces *ps)
{
    bool first = true;
    for (const Node *b = parent->first; b; b = b->next) {
        if (!first)
            push_break(m, st, variant, ps);
        first = false;
        if (b->kind == N_P) {
            text_pieces(m, b, st, ps);
        } else if (b->kind == N_LIST) {
            bool fi = true;
            int num = b->u.list.start;
            for (const Node *it = b->first; it; it = it->next) {
                if (!fi)
                    push_break(m, st, variant, ps);
                fi = false;
                const char *lab = b->u.list.type == LIST_BULLET ? "\xE2\x80\xA2\xC2\xA0"
                                : b->u.list.type == LIST_NUMBER
                                ? arena_printf(&m->rp->arena, "%d%s\xC2\xA0", num++, b->u.list.paren ? ")" : ".")
                                : "";
                text_piece_str(m, lab, st, variant, ps);
                if (it->first && (it->first->kind == N_P || it->first->kind == N_LIST))
                    block_pieces(m, it, st, variant, ps);
                else
                    text_pieces(m, it, st, ps);
            }
        }
    }
}

static bool has(const int *v, int n, int x)
{
    for (int i = 0; i < n; i++)
        if (v[i] == x)
            return true;
    return false;
}

/* A table's cells, set as text and measured, ready for their widths. */
typedef struct Prep {
    Cell    *cells;
    int      ncell;
    RowRole *roles;            /* per row */
} Prep;

/* The style of a cell of a row of `role`: a header row, or a header
 * inside the table, set alike and filled; sums bold, parts and sub-rows
 * italic, group rows bold italic and filled. */
static void cell_style(bool small, RowRole role, Cell *cl)
{
    cl->sid = small ? ST_TABLE_SMALL : ST_TABLE;
    cl->variant = 0;
    if (role == ROW_HEADER || role == ROW_SUBHEAD) {
        cl->sid = small ? ST_TABLE_SMALL : ST_TABLE_HEAD;
        cl->variant = small ? VAR_BOLD : 0;
        cl->fill_head = true;
    } else if (role == ROW_SUM) {
        cl->variant = VAR_BOLD;
    } else if (role == ROW_PART || role == ROW_SUB) {
        cl->variant = VAR_ITALIC;
    } else if (role == ROW_GROUP) {
        cl->variant = VAR_ITALIC | VAR_BOLD;
        cl->fill_group = true;
    }
}

/* The footnote marks among parent's inline content, and the commas
 * between them, and nothing else of it (the spaces between them in an
 * indented file): after a figure, after a status's word. */
static void push_marks(M *m, const Node *parent, const Style *st, Pieces *ps)
{
    int from = ps->n, to = from;
    text_pieces(m, parent, st, ps);
    for (int k = from; k < ps->n; k++)
        if (ps->v[k].note || text_mark_comma(&ps->v[k], k + 1 < ps->n ? &ps->v[k + 1] : NULL))
            ps->v[to++] = ps->v[k];
    ps->n = to;
}

/* The cell's content as pieces in style `st`: a number of a number
 * column in the column's Swedish format; else its status marker (then
 * its own words, if any), its paragraphs or its inline text. Header and
 * group labels are words, even "2024". */
static void cell_pieces(M *m, const Column *col, RowRole role, const Style *st, Cell *cl)
{
    const Node *c = cl->node;
    bool head = cl->fill_head;
    const Node *num;
    if (col->type == COL_NUMBER && !head && role != ROW_GROUP && is_number_cell(c, &num)) {
        char buf[160];
        int n = numfmt_format(num->text, num->len, &col->fmt, buf, sizeof buf);
        text_piece_str(m, arena_strndup(&m->rp->arena, buf, (size_t)n), st, 0, &cl->ps);
        if (num->next) {            /* its footnote marks, after the unit */
            Node marks = { 0 };
            marks.first = num->next;
            marks.last = c->last;
            push_marks(m, &marks, st, &cl->ps);
        }
        return;
    }
    if (c->u.cell.status >= 0) {
        Node sn = { 0 };
        sn.kind = N_STATUS;
        sn.u.status.status = c->u.cell.status;
        /* marker, then the cell's own words (the empty text adds no
         * word); a cell of spaces has none: its status's word is printed */
        char own[512] = "";
        if (c->first)
            model_plain_text(c, own, sizeof own);
        bool words = own[strspn(own, " \t\r\n")] != 0;
        if (words) {
            sn.text = "";
            sn.len = 0;
        }
        Node holder = { 0 };
        holder.first = holder.last = &sn;
        int marker = cl->ps.n;
        text_pieces(m, &holder, st, &cl->ps);
        if (!words) {
            push_marks(m, c, st, &cl->ps);  /* its footnote marks, after the status's word */
            return;
        }
        /* the marker reads as its word where the cell's do not say it
         * ("Uppskjutet: Till 2026") */
        if (marker < cl->ps.n && cl->ps.v[marker].marker)
            cl->ps.v[marker].speak = text_marker_speech(m, c->u.cell.status, own);
    }
    if (c->first && (c->first->kind == N_P || c->first->kind == N_LIST))
        block_pieces(m, c, st, 0, &cl->ps);
    else
        text_pieces(m, c, st, &cl->ps);
    if (col->type == COL_NUMBER && !head)
        real_minus(m, &cl->ps);
}

/* The cell's alignment, decimal part and widths (min, min_hyph,
 * min_last, pref: padding included). A number column is right-aligned,
 * words in it too; a header over several columns stands over them. */
static void cell_bounds(M *m, const Node *t, const Column *col, RowRole role, Cell *cl)
{
    int32_t px = m->lay->table_pad_x;
    bool head = cl->fill_head;
    Align al = cl->node->u.cell.align != ALIGN_DEFAULT ? cl->node->u.cell.align : col->align;
    if (al == ALIGN_DEFAULT && head && cl->colspan > 1)
        al = ALIGN_CENTER;
    if (al == ALIGN_DEFAULT)
        al = col->type == COL_NUMBER && role != ROW_GROUP ? ALIGN_RIGHT : ALIGN_LEFT;
    cl->align = al;
    cl->frac = col->type == COL_NUMBER && al == ALIGN_RIGHT && !head &&
               role != ROW_GROUP && cl->colspan == 1 ? decimal_part(m, &cl->ps) : -1;
    int32_t nat, minw, mino, minh;
    text_widths(m, cl->ps.v, cl->ps.n, &nat, &minw, &mino, &minh);
    int32_t min_hard = minw;
    if (head) {
        /* a header breaks at spaces and slashes only: its words are
         * whole, "jan–augusti" too; where that makes the table shorter,
         * after a hyphen of its own between two words ("Budget-/
         * avvikelse"), which adds no hyphen */
        CwSeg *seg;
        int32_t hang = text_hang(cl->ps.v, cl->ps.n);
        int ns = text_segments(m, cl->ps.v, cl->ps.n, HYPH_NEVER, &seg);
        for (int q = 0; q < ns; q++)
            if (seg[q].w + hang > minw)
                minw = seg[q].w + hang;
        free(seg);
        min_hard = 0;
        ns = text_segments(m, cl->ps.v, cl->ps.n, HYPH_HARD, &seg);
        for (int q = 0; q < ns; q++)
            if (seg[q].w + hang > min_hard)
                min_hard = seg[q].w + hang;
        free(seg);
    }
    /* a status and its word are read as one ("Ej påbörjad"), where
     * that takes no more than a sixth of the text width */
    if (col->type == COL_STATUS && cl->ps.n >= 1 && cl->ps.n <= 2 && cl->ps.v[0].marker &&
        nat + 2 * px <= m->flow->width / 6)
        minw = mino = minh = nat;
    cl->min = minw + 2 * px;
    cl->min_solve = (head ? min_hard : minw) + 2 * px;
    cl->min_last = minh + 2 * px;
    cl->min_joint = minh + 2 * px;
    if (head) {
        CwSeg *seg;
        int ns = text_segments(m, cl->ps.v, cl->ps.n, HYPH_JOINTS, &seg);
        int32_t most = 0;
        for (int q = 0; q < ns; q++)
            if (seg[q].w > most)
                most = seg[q].w;
        most += text_hang(cl->ps.v, cl->ps.n);
        free(seg);
        if (most + 2 * px > cl->min_joint)
            cl->min_joint = most + 2 * px;
    }
    if (head)
        mino = minh = minw;
    cl->min_once = mino + 2 * px;
    cl->min_hyph = minh + 2 * px;
    cl->pref = nat + 2 * px;
    if (role == ROW_GROUP && cl->colspan == t->u.table.ncols) {
        cl->min = cl->min_solve = cl->min_once = cl->min_hyph = 2 * px;   /* a group label must not widen columns */
        cl->pref = 2 * px;
    }
}

/* Every width of cell c (its least at each tier, its preferred) grown by `by`. */
static void widen(Cell *c, int32_t by)
{
    c->min += by;
    c->min_solve += by;
    c->min_once += by;
    c->min_hyph += by;
    c->min_joint += by;
    c->min_last += by;
    c->pref += by;
}

/* The unit after a figure's last digit ("kr/inv" of "761 kr/inv", ""
 * of "21,4"), before its footnote marks, without the space: into buf. */
static void unit_of(const Pieces *ps, char *buf, size_t cap)
{
    int end = text_marks_at(ps->v, ps->n);
    int lp = -1, lk = 0;
    for (int i = 0; i < end; i++)
        for (int k = 0; k < ps->v[i].len; k++)
            if (ps->v[i].s[k] >= '0' && ps->v[i].s[k] <= '9')
                lp = i, lk = k + 1;
    size_t n = 0;
    for (int i = lp < 0 ? end : lp; i < end; i++)
        for (int k = i == lp ? lk : 0; k < ps->v[i].len && n + 1 < cap; k++) {
            unsigned char c = (unsigned char)ps->v[i].s[k];
            if (c == ' ' || (c == 0xC2 && k + 1 < ps->v[i].len && (unsigned char)ps->v[i].s[k + 1] == 0xA0)) {
                k += c == 0xC2;
                continue;
            }
            buf[n++] = (char)c;
        }
    /* a figure in brackets, "(2,1 mnkr)": its unit is "mnkr", its bracket
     * none (one made the column's units mixed, out of line) */
    if (n > 0 && buf[n - 1] == ')' && end > 0) {
        const char *t = ps->v[0].s;
        int k = 0;
        while (k < ps->v[0].len && t[k] == ' ')
            k++;
        if (k < ps->v[0].len && t[k] == '(')
            n--;
    }
    buf[n] = 0;
}

/* In a column of several units, each unit's widest figure part from
 * the comma on ("73,0 %": ",0 %"): a figure with that unit and fewer
 * decimals moves its unit right by what it has less (unit_pad), so
 * that the units line up. A column of more than eight units is left
 * as it is. */
static void unit_pads(M *m, Cell *cells, int ncell, const bool *one)
{
    enum { KINDS = 8 };
    typedef struct { int col; char u[32]; int32_t max; } Kind;
    VEC(Kind) kinds = { 0 };
    char u[32];
    for (int pass = 0; pass < 2; pass++)
        for (int i = 0; i < ncell; i++) {
            Cell *c = &cells[i];
            if (c->frac < 0 || one[c->col])
                continue;
            unit_of(&c->ps, u, sizeof u);
            if (!u[0])
                continue;
            int k = 0, same = 0;
            while (k < kinds.n && !(kinds.v[k].col == c->col && strcmp(kinds.v[k].u, u) == 0))
                same += kinds.v[k++].col == c->col;
            if (pass == 1) {
                c->unit_pad = k < kinds.n ? kinds.v[k].max - c->frac : 0;
            } else if (k < kinds.n) {
                kinds.v[k].max = c->frac > kinds.v[k].max ? c->frac : kinds.v[k].max;
            } else if (same < KINDS) {
                Kind kd = { c->col, "", c->frac };
                snprintf(kd.u, sizeof kd.u, "%s", u);
                VEC_PUSH(&m->rp->arena, kinds, kd);
            }
        }
}

/* Decimal commas in one line: each number padded by what its column's
 * widest decimal part has more, so its comma, or an integer's last
 * digit, stands where the others' do, and what follows the figure
 * hangs right of it: signs ("5,6 %", "407 (28)") and units, a key
 * figure's own on each row ("761 kr/inv", "54 %", "21,4"; such a
 * column was set flush right, its commas out of line, a typographer).
 * A column of one unit has it at the column's edge (unit_edge), where
 * "85 %" under "6,0 %" lines up its sign too; in a column of several,
 * a unit stands with the same unit of the figures with decimals
 * (unit_pad: "41 %" under "73,0 %", "128 900 kr" as it is), as TEMPLATE
 * has units align (a typographer). */
static void align_commas(M *m, int ncols, Cell *cells, int ncell)
{
    int32_t *maxfrac = ARENA_ARRAY(&m->rp->arena, int32_t, ncols);
    const char **first = ARENA_ARRAY(&m->rp->arena, const char *, ncols);  /* its first unit */
    bool *one = ARENA_ARRAY(&m->rp->arena, bool, ncols);                   /* ... and no other */
    for (int i = 0; i < ncell; i++) {
        if (cells[i].frac < 0)
            continue;
        char u[32];
        unit_of(&cells[i].ps, u, sizeof u);
        int col = cells[i].col;
        if (!u[0])
            continue;
        if (!first[col]) {
            first[col] = arena_strdup(&m->rp->arena, u);
            one[col] = true;
        } else if (strcmp(first[col], u) != 0) {
            one[col] = false;
        }
    }
    for (int i = 0; i < ncell; i++)
        if (cells[i].frac > maxfrac[cells[i].col])
            maxfrac[cells[i].col] = cells[i].frac;
    for (int i = 0; i < ncell; i++) {
        Cell *c = &cells[i];
        if (c->frac < 0)
            continue;
        c->pad = maxfrac[c->col] - c->frac;
        c->unit_edge = one[c->col];
        widen(c, c->pad);
    }
    unit_pads(m, cells, ncell, one);
}

/* Room between two columns of figures side by side: a figure's own
 * widths grow by what the padding lacks of 1 em (set right, the room
 * falls to its left), so that "1 245 000 1 410 000" does not read as
 * one number (the padding alone was 8 pt, against a digit group's
 * 2.2 pt); between words and figures the padding is enough. More than
 * an em costs the text columns' lines in a table that is full. */
static void number_gutters(M *m, int ncols, Cell *cells, int ncell)
{
    bool *figs = ARENA_ARRAY(&m->rp->arena, bool, ncols);
    for (int i = 0; i < ncell; i++)
        if (cells[i].frac >= 0)
            figs[cells[i].col] = true;
    int32_t px = m->lay->table_pad_x;
    for (int i = 0; i < ncell; i++) {
        Cell *c = &cells[i];
        if (c->frac < 0 || c->col == 0 || !figs[c->col - 1])
            continue;
        int32_t extra = m->lay->styles[c->sid].size - 2 * px;
        if (extra > 0)
            widen(c, extra);
    }
}

/* Pieces, widths and decimal alignment of every cell of table t. Makes
 * no boxes: a table can be prepared before its turn, to share its
 * grid with the tables before it (grid_widths). */
static Prep prepare(M *m, const Node *t)
{
    const Layout *L = m->lay;
    int ncols = t->u.table.ncols, nrows = t->u.table.nrows;
    bool small = table_small(m, t);
    RowRole *rr = ARENA_ARRAY(&m->rp->arena, RowRole, nrows);
    int ncell = 0;
    for (const Node *r = t->first; r; r = r->next)
        if (r->kind == N_ROW)
            for (const Node *c = r->first; c; c = c->next)
                ncell++;
    Cell *cells = xcalloc((size_t)ncell, sizeof *cells);     /* measure_table frees them */
    int ci = 0;
    for (const Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW)
            continue;
        int ri = r->u.row.index;
        RowRole role = r->u.row.role;
        rr[ri] = role;
        for (const Node *c = r->first; c; c = c->next) {
            Cell *cl = &cells[ci++];
            cl->node = c;
            cl->row = ri;
            cl->col = c->u.cell.col;
            cl->colspan = c->u.cell.colspan;
            cl->rowspan = c->u.cell.rowspan;
            if (cl->col >= ncols) { cl->col = ncols - 1; cl->colspan = 1; }
            if (cl->col + cl->colspan > ncols) cl->colspan = ncols - cl->col;
            const Column *col = &t->u.table.cols[cl->col];
            cell_style(small, role, cl);
            Style st = L->styles[cl->sid];
            st.variant |= cl->variant;
            if (cl->fill_head)
                st.color = L->table_head_color;
            cell_pieces(m, col, role, &st, cl);
            for (int k = 0; k < cl->ps.n; k++)
                cl->ps.v[k].cell = true;        /* a date may part in a cell (bind.h) */
            cell_bounds(m, t, col, role, cl);
            /* a sub-row's label (its first cell) set in by an em, under its indicator's
             * ("Män", "Kvinnor"; in italics alone they read as
             * indicators of their own under one of two lines, a
             * typographer) */
            if (role == ROW_SUB && c == r->first && col->type == COL_TEXT && cl->align == ALIGN_LEFT && cl->ps.n > 0) {
                cl->indent = st.size;       /* where the column has room for it: set_cells */
                cl->pref += cl->indent;
            }
        }
    }
    ncell = ci;
    figures_in_text_columns(m, t, cells, ncell);
    align_commas(m, ncols, cells, ncell);
    number_gutters(m, ncols, cells, ncell);
    Prep pr = { cells, ncell, rr };
    return pr;
}

/* ---- grids shared by tables of one kind -------------------------------- */

/* Tables with the same columns and headers (the indicator tables of one
 * målområde after another, a "Drift" table in each section, whatever
 * stands between them) are one table to the reader: the first of them
 * to be measured sizes the columns for all (runs of them that fit one
 * grid without hyphens), from all their cells, so their columns stand in
 * one line down the pages. */
typedef struct Grid {
    const Node **tables;
    int          n;
    Prep        *preps;        /* per table, made when the grid is solved */
    int32_t    **w;            /* per table: its widths, NULL: its own */
    int32_t      width;        /* the text width they were solved for */
    bool         solved;
} Grid;

/* What makes two tables of one kind: their columns and header rows,
 * the words over their figures aside ("Redovisat jan–aug 2025" and
 * "Prognos helår" head one column of a driftsammandrag and of its
 * forecast: the two stood on grids of their own, "Avvikelse" out of
 * line, a typographer). */
static const char *grid_key(M *m, const Node *t)
{
    size_t len = 0;
    char buf[2048];
    len += (size_t)snprintf(buf, sizeof buf, "%d %d %d|", t->u.table.ncols, t->u.table.small,
                            table_in_landscape(t));
    for (int k = 0; k < t->u.table.ncols && len < sizeof buf; k++) {
        const Column *c = &t->u.table.cols[k];
        len += (size_t)snprintf(buf + len, sizeof buf - len, "%d:%ld:%d,", (int)c->kind, (long)c->width,
                                (int)c->type);
    }
    for (const Node *r = t->first; r && len < sizeof buf - 1; r = r->next) {
        if (r->kind != N_ROW || r->u.row.role != ROW_HEADER)
            continue;
        for (const Node *c = r->first; c && len < sizeof buf - 1; c = c->next) {
            int k = c->u.cell.col;
            if (k >= 0 && k < t->u.table.ncols && t->u.table.cols[k].type == COL_NUMBER && c->u.cell.colspan <= 1)
                buf[len++] = '#';
            else
                len += model_plain_text(c, buf + len, sizeof buf - len);
            if (len < sizeof buf - 1)
                buf[len++] = '\x1f';
        }
    }
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    return arena_strndup(&m->rp->arena, buf, len);
}

typedef VEC(const Node *) NodeVec;

static void find_tables(M *m, const Node *n, NodeVec *out)
{
    for (const Node *c = n->first; c; c = c->next) {
        if (c->kind == N_TABLE)
            VEC_PUSH(&m->rp->arena, *out, c);
        else if (c->kind != N_CHART && c->kind != N_GOAL_OVERVIEW)
            find_tables(m, c, out);
    }
}

/* table.c's state for the run (M.tables). */
struct Tables {
    Map      grids;            /* table node -> the Grid it shares */
    VEC(int) head;             /* per table: first header box, -1 */
    VEC(int) nhead;            /* per table: number of header boxes */
    VEC(Box) cont;             /* per table: its caption continued ("(forts.)"), h 0: none */
    VEC(int) cap;              /* per table: its caption's first box, -1 */
};

void table_grids(M *m, const Node *root)
{
    assert(!m->tables);
    m->tables = ARENA_NEW(&m->rp->arena, struct Tables);
    map_init(&m->tables->grids, &m->rp->arena, 0);
    map_init(&m->tables_small, &m->rp->arena, 0);
    NodeVec all = { 0 };
    find_tables(m, root, &all);
    Map kinds;                          /* grid_key -> its Grid */
    map_init(&kinds, &m->rp->arena, 1);
    /* each table's grid, its tables counted; then their lists, each as
     * long as it needs (as long as the tables left, a report of 20 000
     * tables took gigabytes) */
    Grid **of = xmalloc(sizeof *of * (size_t)(all.n ? all.n : 1));
    for (int i = 0; i < all.n; i++) {
        const Node *t = all.v[i];
        bool has_head = false;
        for (const Node *r = t->first; r && !has_head; r = r->next)
            has_head = r->kind == N_ROW && r->u.row.role == ROW_HEADER;
        const char *key = has_head ? grid_key(m, t) : NULL;
        Grid *g = key ? map_get(&kinds, key) : NULL;
        if (!g) {
            g = ARENA_NEW(&m->rp->arena, Grid);
            if (key)
                map_put(&kinds, key, g);
        }
        g->n++;
        of[i] = g;
    }
    for (int i = 0; i < all.n; i++) {
        Grid *g = of[i];
        if (!g->tables) {
            g->tables = ARENA_ARRAY(&m->rp->arena, const Node *, g->n);
            g->n = 0;
        }
        g->tables[g->n++] = all.v[i];
        map_put(&m->tables->grids, all.v[i], g);
    }
    free(of);
}

/* The narrowest column k of table t may be without hyphens. */
static int32_t grid_need(M *m, const Node *t, const Prep *pr, int k, int32_t width)
{
    const Column *c = &t->u.table.cols[k];
    if (c->kind == WIDTH_ABS && c->width > 0)
        return c->width;
    if (c->kind == WIDTH_PCT && c->width > 0)
        return (int32_t)((int64_t)width * c->width / 1000);
    int32_t need = 0;
    for (int i = 0; i < pr->ncell; i++)
        if (pr->cells[i].col == k && pr->cells[i].colspan == 1 && pr->cells[i].min > need)
            need = pr->cells[i].min;
    return need;
}

/* The grid's widths from the cells of the tables of g in [s0, e) that
 * `in` holds, as one table, each table's rows below the last's, into gw.
 * False if they have no such widths. */
static bool grid_fit(M *m, Grid *g, int s0, int e, const bool *in, int32_t width, int32_t *gw)
{
    int total = 0, rows = 0, n = 0;
    for (int i = s0; i < e; i++)
        total += in[i - s0] ? g->preps[i].ncell : 0;
    Cell *all = xcalloc((size_t)(total ? total : 1), sizeof *all);
    for (int i = s0; i < e; i++) {
        if (!in[i - s0])
            continue;
        for (int k = 0; k < g->preps[i].ncell; k++) {
            all[n] = g->preps[i].cells[k];
            all[n++].row += rows;
        }
        rows += g->tables[i]->u.table.nrows;
    }
    bool solved = table_shortest_widths(m, g->tables[s0], all, n, rows, g->tables[s0]->u.table.ncols, width, 0, gw);
    free(all);
    return solved;
}

/* How much taller than its own shortest a table may be on its kind's
 * grid: half, and five lines (a line or two more for indicator tables
 * whose columns stand in one line down the page is the grid's point). A
 * long appendix table set the grid of a short one of its kind in the
 * text, whose comments' column went from 300 pt to 110 and its rows from
 * 242 pt to 710 (a review). */
enum { GRID_MAX_TALLER = 60000, GRID_MAX_EXCLUDED = 4 };

static bool much_taller(int64_t h, int64_t than)
{
    return 2 * (h - than) > than && h - than > GRID_MAX_TALLER;
}

/* One grid for tables [s0, e) of g, from all their cells as one table;
 * a table the grid makes much taller than it is alone keeps its own
 * widths, and the others share one without it. A lone table keeps its
 * own. */
static void grid_solve(M *m, Grid *g, int s0, int e, int32_t width)
{
    if (e - s0 < 2)
        return;
    int ncols = g->tables[s0]->u.table.ncols, nin = e - s0;
    bool *in = xmalloc(sizeof *in * (size_t)nin);
    int64_t *own = xmalloc(sizeof *own * (size_t)nin), *least = xmalloc(sizeof *least * (size_t)nin);
    int32_t *tw = xmalloc(sizeof *tw * (size_t)ncols);
    /* each table's height with every column as wide as the text: none
     * is lower, so a table the grid makes no taller than that by the
     * limit needs no search of its own; the others a quick one (its
     * height no lower than the best: fewer are set apart), as the full
     * search for each doubled the time the verksamhetsberättelse's
     * tables took */
    for (int k = 0; k < ncols; k++)
        tw[k] = width;
    for (int i = s0; i < e; i++) {
        const Prep *pr = &g->preps[i];
        in[i - s0] = true;
        own[i - s0] = -2;               /* not known yet */
        least[i - s0] = table_height_at(m, pr->cells, pr->ncell, g->tables[i]->u.table.nrows, ncols, tw);
    }
    int32_t *gw = ARENA_ARRAY(&m->rp->arena, int32_t, ncols);
    for (int round = 0; nin >= 2 && round <= GRID_MAX_EXCLUDED; round++) {
        if (!grid_fit(m, g, s0, e, in, width, gw))
            break;
        int worst = -1;
        int64_t most = 0;
        for (int i = s0; i < e; i++) {
            const Prep *pr = &g->preps[i];
            int nrows = g->tables[i]->u.table.nrows;
            if (!in[i - s0])
                continue;
            int64_t h = table_height_at(m, pr->cells, pr->ncell, nrows, ncols, gw), lo = least[i - s0];
            if (!much_taller(h, lo))
                continue;
            if (own[i - s0] == -2)
                own[i - s0] = table_shortest_widths(m, g->tables[i], pr->cells, pr->ncell, nrows, ncols, width,
                                                    SHORTEST_QUICK, tw)
                                  ? table_height_at(m, pr->cells, pr->ncell, nrows, ncols, tw)
                                  : -1;
            if (own[i - s0] < 0)
                continue;
            if (much_taller(h, own[i - s0]) && h - own[i - s0] > most) {
                most = h - own[i - s0];
                worst = i;
            }
        }
        if (worst < 0) {
            for (int i = s0; i < e; i++)
                if (in[i - s0])
                    g->w[i] = gw;
            break;
        }
        in[worst - s0] = false;
        nin--;
    }
    free(in);
    free(own);
    free(least);
    free(tw);
}

static void free_preps(void *p)
{
    Grid *g = p;
    for (int i = 0; i < g->n; i++)
        free(g->preps[i].cells);
}

/* The shared widths of t's grid into w, solving it on first use, and
 * t's prepared cells into *pr. False when t shares no grid (or the
 * grid cannot be solved), with *pr prepared all the same. */
static bool grid_widths(M *m, const Node *t, int32_t width, Prep *pr, int32_t *w)
{
    Grid *g = m->tables->grids.slots ? map_get(&m->tables->grids, t) : NULL;
    int me = -1;
    for (int i = 0; g && i < g->n; i++)
        if (g->tables[i] == t)
            me = i;
    if (!g || g->n < 2 || me < 0) {
        *pr = prepare(m, t);
        return false;
    }
    if (!g->solved) {
        g->solved = true;
        g->width = width;
        g->preps = ARENA_ARRAY(&m->rp->arena, Prep, g->n);
        arena_on_free(&m->rp->arena, free_preps, g);     /* those never taken */
        g->w = ARENA_ARRAY(&m->rp->arena, int32_t *, g->n);
        for (int i = 0; i < g->n; i++)
            g->preps[i] = prepare(m, g->tables[i]);
        /* runs of the tables whose words fit one grid without hyphens:
         * a grid is not worth a hyphen */
        int ncols = t->u.table.ncols;
        int32_t *need = ARENA_ARRAY(&m->rp->arena, int32_t, ncols);
        for (int s0 = 0, e; s0 < g->n; s0 = e) {
            memset(need, 0, sizeof(int32_t) * (size_t)ncols);
            for (e = s0; e < g->n; e++) {
                int64_t sum = 0;
                for (int k = 0; k < ncols; k++) {
                    int32_t c = grid_need(m, g->tables[e], &g->preps[e], k, width);
                    sum += c > need[k] ? c : need[k];
                }
                if (sum > width && e > s0)
                    break;
                for (int k = 0; k < ncols; k++) {
                    int32_t c = grid_need(m, g->tables[e], &g->preps[e], k, width);
                    if (c > need[k])
                        need[k] = c;
                }
            }
            grid_solve(m, g, s0, e, width);
        }
    }
    /* the prepared cells are the caller's now (measure_table frees
     * them); a table measured again is prepared again */
    *pr = g->preps[me].cells ? g->preps[me] : prepare(m, t);
    g->preps[me].cells = NULL;
    if (!g->w[me] || g->width != width)
        return false;
    memcpy(w, g->w[me], sizeof(int32_t) * (size_t)t->u.table.ncols);
    return true;
}

/* The caption again for the pages a table goes on to: "Resultat 2024
 * (forts.)", the layout's word for continued. One box, an artifact (the
 * caption is read once); footnote marks and links are left out. */
static Box continued_caption(M *m, const Pieces *cap, const Style *cs, int32_t indent, int32_t width)
{
    Pieces ps = { 0 };
    for (int i = 0; i < cap->n; i++) {
        Piece p = cap->v[i];
        if (p.note || p.pagenum >= 0)
            continue;
        p.anchor = -1;
        p.uri = NULL;
        VEC_PUSH(&m->rp->arena, ps, p);
    }
    const char *lang;
    const char *word = text_word(m, "continued", "forts.", &lang);
    text_piece_str(m, " (", cs, 0, &ps);
    text_lang_str(m, word, lang, cs, 0, &ps);
    text_piece_str(m, ")", cs, 0, &ps);
    Lines ls = text_break(m, ps.v, ps.n, cs, width, ALIGN_LEFT, false);
    OpVec ops = { 0 };
    int32_t y = 0;
    for (int k = 0; k < ls.n; k++) {
        for (int q = 0; q < ls.v[k].nops; q++) {
            Op op = ls.v[k].ops[q];
            if (op.kind == OP_LINK)
                continue;
            op.x += indent;
            op.y += y;
            op.se = SE_ARTIFACT;
            VEC_PUSH(&m->rp->arena, ops, op);
        }
        y += ls.v[k].h;
    }
    Box b = { 0 };
    b.h = y + cs->space_after;
    b.ops = ops.v;
    b.nops = ops.n;
    b.table = -1;
    b.se = SE_ARTIFACT;
    b.flags = m->landscape ? BOX_LANDSCAPE : 0;
    return b;
}

/* A table with no rows yet (the parser warned): its caption, then the
 * layout's "table-empty" ("Uppgifter saknas.") in the table's face,
 * italic, kept with the caption, then its notes. Nothing is a table for
 * a screen reader: the caption and the note read as paragraphs. */
static void empty_table(M *m, const Node *t, int32_t indent, int32_t width)
{
    const Layout *L = m->lay;
    bool caption = false;
    if (t->id)
        place_anchor(m, anchor_for(m, t));
    for (const Node *c = t->first; c; c = c->next)
        if (c->kind == N_CAPTION) {
            caption = true;
            emit_caption(m, c, -1, indent, width);
        }
    if (!caption)
        return;                         /* an error in the parser: not reached */
    const Style *st = &L->styles[table_small(m, t) ? ST_TABLE_SMALL : ST_TABLE];
    Pieces ps = { 0 };
    const char *lang;
    const char *none = text_word(m, "table-empty", "Uppgifter saknas.", &lang);
    text_lang_str(m, none, lang, st, VAR_ITALIC, &ps);
    Lines ls = text_break(m, ps.v, ps.n, st, width - 2 * L->table_pad_x, ALIGN_LEFT, false);
    m->cur_se = se_new(m, SE_P, m->container);
    emit_lines(m, &ls, indent + L->table_pad_x, L->table_pad_y, false);
    bool any_note = emit_notes(m, t, indent, width);
    m->pending_after = any_note ? L->styles[ST_TABLE_NOTE].space_after : L->styles[ST_BODY].space_after + 3000;
}

/* ---- one table, set ------------------------------------------------------ */

/* A table being set: its cells on the column grid, its rows sized. Made
 * by measure_table's phases one after the other, each filling what the
 * next reads. */
typedef struct TableSet {
    const Node    *t;
    int            tid;            /* its number in the flow (header repetition) */
    int            ncols, nrows, ncell;
    Cell          *cells;          /* in rows' order */
    const RowRole *roles;          /* per row */
    int32_t       *x;              /* column edges: ncols + 1 */
    int32_t       *rh;             /* per row: its height */
    int           *owner;          /* per grid position: the cell over it, -1 (malloc'd) */
    int32_t        indent, width, px, py;
    int32_t        page_text;      /* height of a page's text area */
    int32_t        head_h;         /* the header rows' height (0 if they are not repeated) */
    bool           heads_repeat;   /* the header rows go again on each page (not over half a page) */
    int32_t        keep_limit;     /* a span group taller than this is not kept on one page */
    int            last_head;      /* the last header row, -1 */
    bool           keep_whole;     /* short enough to keep on one page */
    bool           multi_level;    /* headers on several levels: cells name their headers */
    uint64_t       rh_cols;        /* the columns of row headers, a bit each (row_header_columns) */
    int            se_table, se_head, se_body;
} TableSet;

/* The columns whose cells name their rows (row headers): the first text
 * column, after any status columns ("Ja" | the goal | 17 %), and, where
 * it groups rows (a cell over several) or status columns stand before it
 * and a number column follows, the next text column among the text and
 * status columns after it, which names the row in its group ("Goda
 * arbetsplatser" | "Pågår" | "Total sjukfrånvaro" | 6,5), and so on while
 * each groups the next. A column
 * of descriptions beside a label ("Åtgärd" | "Beskrivning" | 1 200) heads
 * nothing. None in a table of one column or one whose first is of
 * numbers. */
static bool rh_col(const TableSet *ts, int k) { return k >= 0 && k < 64 && (ts->rh_cols >> k & 1); }

/* The column of a subheader's label ("Nämndspecifika"): the first of
 * row headers (after the status columns before it), or the first. */
static int label_col(const TableSet *ts)
{
    return ts->rh_cols ? __builtin_ctzll(ts->rh_cols) : 0;
}

static void row_header_columns(TableSet *ts)
{
    const Node *t = ts->t;
    int n = ts->ncols, k = 0;
    ts->rh_cols = 0;
    while (k < n && t->u.table.cols[k].type == COL_STATUS)
        k++;
    if (n < 2 || k >= n || k >= 64 || t->u.table.cols[k].type != COL_TEXT)
        return;
    int e = k;
    while (e + 1 < n && t->u.table.cols[e + 1].type != COL_NUMBER)
        e++;
    ts->rh_cols = (uint64_t)1 << k;
    /* a table that starts with its status, an indicator table ("Mål
     * uppnått" | "Nämndmål" | "Nämndindikator" | 2022 ...), names its row
     * by the goal and the indicator whether or not the goal spans rows:
     * a figure read with its goal alone did not say what it measures */
    bool measures = k > 0;
    for (int j = k + 1, last = k; e + 1 < n && j <= e && j < 64; j++) {
        if (t->u.table.cols[j].type != COL_TEXT)
            continue;
        bool groups = measures;         /* does the last header column span rows? */
        measures = false;
        for (int i = 0; i < ts->ncell && !groups; i++)
            groups = ts->cells[i].col == last && ts->cells[i].rowspan > 1 && ts->roles[ts->cells[i].row] != ROW_HEADER;
        if (!groups)
            break;
        ts->rh_cols |= (uint64_t)1 << j;
        last = j;
    }
}

/* The header cells of cell c (already made: headers stand above what
 * they head, or in its row, whose cells are all made first): the header
 * rows' cells over its columns (a subheader's where it has them), the
 * row headers beside its rows, and the heading of the group row above
 * (`group`, a cell index, or -1). */
typedef VEC(int) Heads;

/* Cell o (an index, -1: none) among c's headers, once, if it is drawn
 * and (th) a header cell. */
static void head_by(M *m, Heads *h, const Cell *cells, int o, const Cell *c, bool th)
{
    if (o < 0 || cells[o].se <= 0 || cells[o].lines.n == 0 || &cells[o] == c || has(h->v, h->n, cells[o].se) ||
        (th && m->se.v[cells[o].se].type != SE_TH))
        return;
    VEC_PUSH(&m->rp->arena, *h, cells[o].se);
}

static void cell_headers(M *m, const TableSet *ts, const Cell *c, int group)
{
    const Cell *cells = ts->cells;
    const int *owner = ts->owner;
    const RowRole *roles = ts->roles;
    int ncols = ts->ncols;
    bool body = roles[c->row] != ROW_HEADER && roles[c->row] != ROW_SUBHEAD;
    Heads h = { 0 };
    /* the subheader above it, if any since the header rows: its headings
     * stand for theirs ("Utfall 2024" over the rows below it, where the
     * header row says "Budget 2025"), where it has them */
    int sub = -1;
    for (int r = c->row - 1; body && r >= 0 && roles[r] != ROW_HEADER && sub < 0; r--)
        if (roles[r] == ROW_SUBHEAD)
            sub = r;
    /* a row header (even one across the row) is headed by the header
     * over its own column only; a subheader's cells by none */
    bool row_header = body && m->se.v[c->se].type == SE_TH;
    int end = row_header ? c->col + 1 : c->col + c->colspan;
    for (int k = c->col; k < end && k < ncols && roles[c->row] != ROW_SUBHEAD; k++) {
        /* (not its label: a label across the row heads as a group does) */
        int o = sub >= 0 ? owner[sub * ncols + k] : -1;
        if (o >= 0 && cells[o].lines.n > 0 && o != owner[sub * ncols + label_col(ts)]) {
            /* the header's headings over several columns stay ("2023"
             * over "Budget | Utfall"): the subheader's stand for those
             * of its own width only (the year was lost, the cells of
             * 2023 and 2024 read alike: an auditor) */
            for (int r = 0; r < c->row; r++) {
                int u = roles[r] == ROW_HEADER ? owner[r * ncols + k] : -1;
                if (u >= 0 && cells[u].colspan > cells[o].colspan)
                    head_by(m, &h, cells, u, c, false);
            }
            head_by(m, &h, cells, o, c, false);
            continue;
        }
        for (int r = 0; r < c->row; r++)
            if (roles[r] == ROW_HEADER)
                head_by(m, &h, cells, owner[r * ncols + k], c, false);
    }
    /* a sub row ("Män") is headed also by the row headers of the row it
     * divides ("Total sjukfrånvaro") */
    int r0 = c->row;
    while (roles[c->row] == ROW_SUB && r0 > 0 && roles[r0] == ROW_SUB)
        r0--;
    for (int k = 0; r0 < c->row && roles[r0] != ROW_HEADER && roles[r0] != ROW_SUB && k <= c->col; k++)
        if (rh_col(ts, k))
            head_by(m, &h, cells, owner[r0 * ncols + k], c, true);
    /* the row headers left of it, over the rows it spans */
    bool left = false;
    for (int k = 0; body && k < c->col; k++)
        for (int r = c->row; rh_col(ts, k) && r < c->row + c->rowspan; r++) {
            head_by(m, &h, cells, owner[r * ncols + k], c, true);
            left = true;
        }
    /* a cell before its row's headers (a goal's status left of the goal)
     * is headed by those right of it that span all its rows: the goal,
     * not each indicator beside it */
    for (int k = c->col + c->colspan; body && !left && !row_header && k < ncols; k++) {
        int o = owner[c->row * ncols + k];
        if (rh_col(ts, k) && o >= 0 && cells[o].row <= c->row &&
            cells[o].row + cells[o].rowspan >= c->row + c->rowspan)
            head_by(m, &h, cells, o, c, true);
    }
    /* the group row above ("Verksamhet och projekt") heads its rows */
    if (group >= 0 && cells[group].row < c->row && body && roles[c->row] != ROW_GROUP)
        head_by(m, &h, cells, group, c, true);
    for (int k = 0; k < h.n; k++)
        m->se.v[h.v[k]].has_id = true;
    StructElem *e = &m->se.v[c->se];
    e->headers = h.v;
    e->nheaders = h.n;
}

/* The table's number, its anchor, its Table element and its caption(s),
 * with the caption continued ("(forts.)") for the pages it goes on to. */
static void table_start(M *m, TableSet *ts)
{
    const Node *t = ts->t;
    struct Tables *tb = m->tables;
    ts->tid = tb->head.n;
    VEC_PUSH(&m->rp->arena, tb->head, -1);
    VEC_PUSH(&m->rp->arena, tb->nhead, 0);
    Box none = { 0 };
    VEC_PUSH(&m->rp->arena, tb->cont, none);
    VEC_PUSH(&m->rp->arena, tb->cap, -1);
    if (t->id)
        place_anchor(m, anchor_for(m, t));
    ts->se_table = se_new(m, SE_TABLE, m->container);
    for (const Node *c = t->first; c; c = c->next)
        if (c->kind == N_CAPTION) {
            if (tb->cap.v[ts->tid] < 0)
                tb->cap.v[ts->tid] = m->boxes.n;
            Pieces ps = emit_caption(m, c, ts->se_table, ts->indent, ts->width);
            if (tb->cont.v[ts->tid].h == 0)
                tb->cont.v[ts->tid] = continued_caption(m, &ps, &m->lay->styles[ST_CAPTION], ts->indent,
                                                        ts->width);
        }
}

/* A table left its size (no font-size) set small, as a setter would,
 * where at the normal size its words would break at any letter or its
 * figures not stand side by side, and the small size sets it better:
 * twelve months of figures left the label column one letter wide
 * ("S/u/m/m/a", 13 pages for 40 rows), where the small size fits the
 * page (a new user). Said, with how to keep either size. The cells of
 * the size chosen are returned; a table sharing a grid keeps its size
 * (its columns stand in line with the others'). */
static Prep smaller_if_tight(M *m, TableSet *ts, Prep pr)
{
    const Node *t = ts->t;
    Grid *g = map_get(&m->tables->grids, t);
    if (t->u.table.small || t->u.table.size_given || !t->parent || (g && g->n > 1))
        return pr;
    int tight = table_tightness(m, t, pr.cells, pr.ncell, ts->ncols, ts->width);
    if (tight < TIGHT_ANYWHERE)
        return pr;
    map_put(&m->tables_small, t, (void *)t);
    Prep sm = prepare(m, t);
    if (table_tightness(m, t, sm.cells, sm.ncell, ts->ncols, ts->width) >= tight) {
        map_put(&m->tables_small, t, NULL);
        free(sm.cells);
        return pr;
    }
    free(pr.cells);
    diag_warn(&m->rp->diags, model_source(t, m->rep), t->line, t->col,
              tight == TIGHT_FIGURES
                  ? _("this table is set in the small size: at the normal size its figures do not fit side by "
                      "side in the text width")
                  : _("this table is set in the small size: at the normal size its words would be broken "
                      "anywhere to fit the text width"));
    diag_hint(&m->rp->diags, _("write font-size=\"small\" to say so; a <landscape> page, or "
                               "font-size=\"normal\", keeps the normal size"));
    return sm;
}

/* The cells prepared and the columns' edges: the grid's widths if the
 * table shares one, else the shortest table's, else table_widths()'. */
static void table_columns(M *m, TableSet *ts)
{
    int32_t *w = ARENA_ARRAY(&m->rp->arena, int32_t, ts->ncols);
    Prep pr;
    bool shared = grid_widths(m, ts->t, ts->width, &pr, w);
    if (!shared)
        pr = smaller_if_tight(m, ts, pr);
    ts->cells = pr.cells;
    ts->ncell = pr.ncell;
    ts->roles = pr.roles;
    /* words whole if they fit (given widths yielding where that is what
     * keeps them whole); else, where only the headers' words do not, the
     * shortest table with them broken at their compounds' joints
     * ("Verksamhets-/bidrag"); else the automatic layout */
    if (!shared && !table_shortest_widths(m, ts->t, ts->cells, ts->ncell, ts->nrows, ts->ncols, ts->width, 0, w) &&
        !table_yield_given(m, ts->t, ts->cells, ts->ncell, ts->nrows, ts->ncols, ts->width, w)) {
        /* headers broken at their joints only where hyphenating the
         * body's words would not spare them (the automatic layout's last
         * resort), said as that is */
        bool joints = false;
        for (int i = 0; i < ts->ncell && !joints; i++)
            joints = ts->cells[i].fill_head && ts->cells[i].min_joint < ts->cells[i].min_solve;
        bool heads = joints && table_heads_break(m, ts->t, ts->cells, ts->ncell, ts->ncols, ts->width);
        if (heads && table_shortest_widths(m, ts->t, ts->cells, ts->ncell, ts->nrows, ts->ncols, ts->width,
                                           SHORTEST_HEAD_JOINTS, w))
            table_warn_heads(m, ts->t, true);
        else if (heads || !table_shortest_widths(m, ts->t, ts->cells, ts->ncell, ts->nrows, ts->ncols, ts->width,
                                                 SHORTEST_BODY_ONCE, w))
            table_widths(m, ts->t, ts->cells, ts->ncell, ts->ncols, ts->width, w);
    }
    ts->x = ARENA_ARRAY(&m->rp->arena, int32_t, ts->ncols + 1);
    for (int k = 0; k < ts->ncols; k++)
        ts->x[k + 1] = ts->x[k] + w[k];
}

/* Where the footnote marks after a figure begin among line l's ops (with
 * their links); l->nops if none. */
static int figure_end(const Line *l)
{
    int k = l->nops;
    /* the marks, and the commas between them (a comma's op stands
     * between two marks' ops) */
    while (k > 1 && (l->ops[k - 1].kind != OP_TEXT || l->ops[k - 1].note ||
                     (l->ops[k - 1].len == 1 && l->ops[k - 1].s[0] == ',' && k < l->nops && k - 2 >= 0 &&
                      (l->ops[k - 2].note || l->ops[k - 2].kind != OP_TEXT))))
        k--;
    for (int q = k; q < l->nops; q++)
        if (l->ops[q].kind == OP_TEXT)
            return k;
    return l->nops;
}

/* Footnote marks after a figure hang into the cell's right padding: the
 * figure and its unit stand where the column's others do ("9,4 %⁶" over
 * "6,8 %"), as decimal_part leaves the marks out of the part it aligns.
 * At most `most`: the padding at the table's right edge; between
 * columns half the next one's too (set_cells), so half of it stays
 * before that column's text, which may fill its width ("12,4 %¹,²" is
 * then a little left of the others). */
static void marks_hang(Cell *c, int32_t most)
{
    if (c->frac < 0 || c->lines.n != 1)
        return;
    Line *l = &c->lines.v[0];
    int first = figure_end(l);
    int32_t from = INT32_MAX, to = INT32_MIN;
    for (int k = first; k < l->nops; k++) {
        if (l->ops[k].kind != OP_TEXT)
            continue;               /* the marks' links */
        from = l->ops[k].x < from ? l->ops[k].x : from;
        to = l->ops[k].x + l->ops[k].w > to ? l->ops[k].x + l->ops[k].w : to;
    }
    if (from >= to)
        return;
    int32_t hang = to - from < most ? to - from : most;
    for (int k = 0; k < l->nops; k++)
        l->ops[k].x += hang;
}

/* A figure's unit at the column's edge: in a cell padded so that its
 * figure lines up ("80 mnkr" under "75,6 mnkr"), the unit after the
 * figure moves right by the padding, so units line up too ("mnkr" under
 * "mnkr", "%" under "%"). One line, the unit after a space (TEMPLATE.md:
 * percentages and units align), in a column of one unit: beside "407
 * (28)" a "%" stays by its figure. */
static void unit_to_edge(M *m, Cell *c)
{
    int32_t move = c->unit_edge ? c->pad : c->unit_pad;
    if (move <= 0 || c->frac < 0 || c->lines.n != 1 || c->lines.v[0].nops < 1)
        return;
    Line *l = &c->lines.v[0];
    int last = figure_end(l) - 1;       /* the figure's op: footnote marks come after it */
    Op *o = &l->ops[last];
    if (o->kind != OP_TEXT || o->len < 3)
        return;
    int d = o->len - 1;                 /* the figure's last digit */
    while (d >= 0 && !(o->s[d] >= '0' && o->s[d] <= '9'))
        d--;
    int sp = d + 1;                     /* the space after it: ' ' or a no-break one */
    int after = sp < o->len && o->s[sp] == ' ' ? sp + 1
              : sp + 1 < o->len && !memcmp(o->s + sp, "\xC2\xA0", 2) ? sp + 2 : -1;
    if (d < 0 || after < 0 || after >= o->len || strchr("(", o->s[after]))
        return;
    Op *v = ARENA_ARRAY(&m->rp->arena, Op, l->nops + 1);
    memcpy(v, l->ops, sizeof *v * (size_t)(last + 1));
    for (int k = last + 1; k < l->nops; k++) {      /* the marks go with the unit */
        v[k + 1] = l->ops[k];
        v[k + 1].x += move;
    }
    Op *a = &v[last], *u = &v[last + 1];
    *u = *a;
    a->len = after;
    a->w = font_text_width(m->flow->faces[a->face], a->s, (size_t)after, a->size);
    a->tail = 0;
    a->eol = false;
    u->s = a->s + after;
    u->len = o->len - after;
    u->x = a->x + a->w + move;
    u->w = o->w - a->w;
    l->ops = v;
    l->nops++;
}

/* The height of lines ls (one line of `leading` if there are none). */
static int32_t lines_height(const Lines *ls, int32_t leading)
{
    int32_t h = 0;
    for (int k = 0; k < ls->n; k++)
        h += ls->v[k].h;
    return ls->n ? h : leading;
}

/* Every cell broken into lines at its column's width; each row as high
 * as its tallest cell that spans no rows. */
static void set_cells(M *m, TableSet *ts)
{
    const Layout *L = m->lay;
    int32_t px = ts->px, py = ts->py;
    ts->rh = ARENA_ARRAY(&m->rp->arena, int32_t, ts->nrows);
    for (int i = 0; i < ts->ncell; i++) {
        Cell *c = &ts->cells[i];
        Style st = L->styles[c->sid];
        st.variant |= c->variant;
        /* a sub-row's indent takes only the room its words leave: in a
         * table at its narrowest it is less, or none where less than
         * half is left (it made the table split words: a review) */
        if (c->indent > 0) {
            int32_t spare = ts->x[c->col + c->colspan] - ts->x[c->col] - c->min;
            c->indent = spare < c->indent / 2 ? 0 : spare < c->indent ? spare : c->indent;
        }
        int32_t cw = ts->x[c->col + c->colspan] - ts->x[c->col] - 2 * px - c->pad - c->indent;
        /* a header is hyphenated only where the table cannot hold its
         * words, and breaks after its own hyphen only where its whole
         * words do not fit (the column search made it that narrow) */
        int32_t room = cw + 2 * px + c->pad + c->indent;
        Hyph hyph = !c->fill_head ? HYPH_IF_NEEDED : room >= c->min ? HYPH_NEVER
                  : room >= c->min_solve ? HYPH_HARD : room >= c->min_joint ? HYPH_JOINTS : HYPH_IF_NEEDED;
        if (c->node->u.cell.status < 0 && cell_has_list(c->node)) {
            /* read as a list, not as text with bullets */
            c->blocks = cell_blocks(m, c->node, &st, cw, c->align, hyph);
            c->lines = c->blocks.lines;
        } else {
            c->lines = text_break_cell(m, c->ps.v, c->ps.n, &st, cw, c->align, hyph);
            int next = c->col + c->colspan;
            marks_hang(c, next >= ts->ncols ? px : px + px / 2);
            unit_to_edge(m, c);
        }
        c->h = lines_height(&c->lines, st.leading);
        if (c->rowspan == 1 && c->h + 2 * py > ts->rh[c->row])
            ts->rh[c->row] = c->h + 2 * py;
    }
    /* a body cell whose row is taller than its lines may take more of
     * them for better breaks, at no cost to the row: a compound at its
     * joints ("Bostads-/anpassnings-/bidrag", not "Bostadsanpass-/
     * ningsbidrag"), no "i" at a line's end, fewer hyphens; so may a
     * cell over rows, in the rows it spans ("arbetsmark-/nadsinsatser"
     * in a goal's cell over three rows, two lines of them empty: a
     * typographer) */
    for (int i = 0; i < ts->ncell; i++) {
        Cell *c = &ts->cells[i];
        Style st = L->styles[c->sid];
        st.variant |= c->variant;
        int64_t room = 0;
        for (int r = c->row; r < c->row + c->rowspan && r < ts->nrows; r++)
            room += ts->rh[r];
        room -= 2 * py;
        if (c->fill_head || c->blocks.nparts || c->ps.n == 0 || c->lines.n < 2 || c->h + st.leading > room)
            continue;
        int32_t cw = ts->x[c->col + c->colspan] - ts->x[c->col] - 2 * px - c->pad - c->indent;
        Lines best = text_break_cell_best(m, c->ps.v, c->ps.n, &st, cw, c->align, HYPH_IF_NEEDED);
        int32_t h = lines_height(&best, st.leading);
        if (h > room || best.n == c->lines.n)
            continue;
        c->lines = best;
        c->h = h;
        int next = c->col + c->colspan;
        marks_hang(c, next >= ts->ncols ? px : px + px / 2);
        unit_to_edge(m, c);
    }
}

/* Place every line in a row. A cell spanning rows keeps its lines in
 * its first row when the rows it spans fit on one page (they are kept
 * together: row_keeps). A span taller than that hands its lines to the
 * rows it covers, each line to the row it fits in, so that the lines
 * break with the rows; the last row grows if they need more room. A
 * span group is kept on one page only if it fits in half a page with
 * the header rows that stand above it there. */
static void place_lines(M *m, TableSet *ts)
{
    int32_t py = ts->py, *rh = ts->rh;
    ts->head_h = 0;
    for (int r = 0; r < ts->nrows; r++)
        if (ts->roles[r] == ROW_HEADER)
            ts->head_h += rh[r];
    /* header rows taller than half a page are printed once: repeated,
     * they would leave each page room for a row or two (or none) */
    ts->heads_repeat = ts->head_h <= ts->page_text / 2;
    if (!ts->heads_repeat) {
        diag_add(&m->rp->diags, DIAG_WARNING, model_source(ts->t, m->rep), ts->t->line, ts->t->col,
                 _("shorten the header text, or give the table font-size=\"small\""),
                 _("the header rows of this table are taller than half a page: they are printed once, not again "
                   "on each page the table goes on to"));
        ts->head_h = 0;
    }
    ts->keep_limit = ts->page_text / 2 - ts->head_h;
    for (int i = 0; i < ts->ncell; i++) {
        Cell *c = &ts->cells[i];
        int nl = c->lines.n;
        c->line_row = ARENA_ARRAY(&m->rp->arena, int, nl > 0 ? nl : 1);
        c->line_y = ARENA_ARRAY(&m->rp->arena, int32_t, nl > 0 ? nl : 1);
        int r = c->row, last = c->row + c->rowspan - 1;
        int64_t span_h = 0;
        for (int k = c->row; k <= last; k++)
            span_h += rh[k];
        bool spread = c->rowspan > 1 && (span_h > ts->keep_limit || c->h + 2 * py > ts->keep_limit);
        int32_t y = py;
        for (int k = 0; k < nl; k++) {
            int32_t h = c->lines.v[k].h;
            if (spread) {
                while (r < last && y + h > rh[r] - py && y > py) {
                    r++;
                    y = py;
                }
                while (r < last && y + h > rh[r] - py && y == py && rh[r] < h + 2 * py && rh[r + 1] > 0)
                    r++;           /* a row too low for even one line: skip it */
            }
            c->line_row[k] = r;
            c->line_y[k] = y;
            y += h;
        }
        if (!spread && c->rowspan > 1) {
            /* all lines in the first row's box; the rows below make room */
            if (c->h + 2 * py > span_h)
                rh[last] += (int32_t)(c->h + 2 * py - span_h);
        } else if (nl && y + py > rh[r]) {
            rh[r] = y + py;
        }
    }
    /* header cells (a subheader's too) stand on the rule under the
     * headers: their last lines on one line ("2024" beside "Prognos /
     * 2025", "Total projektbudget" over both header rows beside "2026"),
     * as a table's column heads are set, now that the rows' heights
     * are known. Not one whose lines go over rows of their own (a span
     * taller than half a page) nor one that reaches into the body, nor
     * in header rows too tall to repeat (they may be cut over pages):
     * they stay at the top */
    for (int i = 0; i < ts->ncell; i++) {
        Cell *c = &ts->cells[i];
        RowRole role = ts->roles[c->row];
        if ((role != ROW_HEADER && role != ROW_SUBHEAD) || (role == ROW_HEADER && !ts->heads_repeat) ||
            c->lines.n == 0 || c->line_row[0] != c->row || c->line_row[c->lines.n - 1] != c->row)
            continue;
        int64_t span_h = 0;
        bool head = true;
        for (int k = c->row; k < c->row + c->rowspan && k < ts->nrows; k++) {
            head &= ts->roles[k] == role;
            span_h += rh[k];
        }
        if (!head)
            continue;
        int32_t room = (int32_t)(span_h - 2 * py - (c->line_y[c->lines.n - 1] + c->lines.v[c->lines.n - 1].h - py));
        for (int k = 0; room > 0 && k < c->lines.n; k++)
            c->line_y[k] += room;
    }
}

/* Which cell covers each grid position (to know where rules stop), the
 * last header row, whether the table keeps whole, and whether its
 * headers stand on more than one level (several header rows, a header
 * cell over several columns, a row header over several rows, group rows
 * heading the rows below them): then each cell names its header cells
 * (/Headers), as scopes alone cannot say which of two stacked headers
 * belongs to a column, or that a group heads its rows. */
static void table_shape(TableSet *ts)
{
    int nrows = ts->nrows, ncols = ts->ncols;
    size_t npos = (size_t)nrows * (size_t)ncols;
    ts->owner = xmalloc(sizeof(int) * npos);
    for (size_t k = 0; k < npos; k++)
        ts->owner[k] = -1;
    for (int i = 0; i < ts->ncell; i++) {
        const Cell *c = &ts->cells[i];
        for (int r = c->row; r < c->row + c->rowspan && r < nrows; r++)
            for (int k = c->col; k < c->col + c->colspan; k++)
                ts->owner[r * ncols + k] = i;
    }
    int64_t total = 0;
    for (int r = 0; r < nrows; r++)
        total += ts->rh[r];
    ts->keep_whole = total <= (ts->t->parent ? ts->page_text : ts->page_text * 35 / 100);
    ts->last_head = -1;
    int nhead_rows = 0;
    row_header_columns(ts);
    bool multi = (ts->rh_cols & (ts->rh_cols - 1)) != 0;  /* a row header heads the one beside it */
    for (int r = 0; r < nrows; r++) {
        if (ts->roles[r] == ROW_HEADER)
            ts->last_head = r;
        nhead_rows += ts->roles[r] == ROW_HEADER;
        /* a group row, a sub row ("Kvinnor" under "Antal besök") or a
         * subheader ("Utfall 2024" over the rows below it) heads what
         * /Scope alone cannot tie to it */
        multi |= ts->roles[r] == ROW_GROUP || ts->roles[r] == ROW_SUB || ts->roles[r] == ROW_SUBHEAD;
    }
    for (int i = 0; i < ts->ncell && !multi; i++) {
        const Cell *c = &ts->cells[i];
        multi = nhead_rows > 1 || (ts->roles[c->row] == ROW_HEADER && c->colspan > 1) ||
                (rh_col(ts, c->col) && c->rowspan > 1 && ts->roles[c->row] != ROW_HEADER);
    }
    ts->multi_level = multi;
}

/* What the rows' walk carries from one row to the next. */
typedef struct RowWalk {
    int      cell_i;           /* the first cell of the next row */
    int      span_from;        /* first row of an open rowspan group */
    int      span_until;       /* last row of an open rowspan group */
    int      sub_box;          /* the box of the last subheader row, -1 */
    int      sub_row;          /* ... its row */
    int      group_box;        /* the box of the group row the rows are in (to its sum), -1 */
    int      group_row;        /* ... its row */
    bool     group_outer;      /* that group heads the subheaders under it ("Tillgångar" over
                                * "Anläggningstillgångar" and "Omsättningstillgångar") */
    int      group;            /* the cell of the last group row, -1 */
    int      ngroups;          /* group rows since the last header or sum row */
    VEC(int) spanning;         /* cells over several rows, and the group above */
    VEC(int) spanning_group;   /*   each: headed once their last row has its cells */
    VEC(int) active;           /* cells whose lines this row may draw */
    int32_t  gap;              /* the space above the first row */
} RowWalk;

/* What one row draws, before it is cut into boxes. */
typedef struct RowDraw {
    OpVec        ops;
    VEC(int)     notes;        /* footnotes marked in it */
    VEC(int32_t) note_y;       /* the top of the line each note is marked on */
    VEC(int32_t) cuts;         /* line bottoms: where the row may be sliced */
    VEC(int32_t) tops;         /* line tops, one per cut */
} RowDraw;

/* The row's structure (THead or TBody > TR > TH / TD) and its cells'
 * elements; returns the TR. Header rows are column headers; the first
 * cell of a body row, where it names the row ("569 - Barn och
 * ungdomsvård"), is its row header. */
static int row_elements(M *m, TableSet *ts, RowWalk *rw, int r)
{
    RowRole role = ts->roles[r];
    int section;
    if (role == ROW_HEADER) {
        if (!ts->se_head)
            ts->se_head = se_new(m, SE_THEAD, ts->se_table);
        section = ts->se_head;
    } else {
        if (!ts->se_body)
            ts->se_body = se_new(m, SE_TBODY, ts->se_table);
        section = ts->se_body;
    }
    int se_tr = se_new(m, SE_TR, section);
    int first = rw->cell_i;
    for (; rw->cell_i < ts->ncell && ts->cells[rw->cell_i].row == r; rw->cell_i++) {
        Cell *c = &ts->cells[rw->cell_i];
        if (c->rowspan > 1 && rw->span_until < c->row)
            rw->span_from = c->row;
        if (c->row + c->rowspan - 1 > rw->span_until)
            rw->span_until = c->row + c->rowspan - 1;
        VEC_PUSH(&m->rp->arena, rw->active, rw->cell_i);
        /* (a group row's label heads its rows even where it starts in a
         * status column: it was a TD, and the rows below did not name
         * their group) */
        bool row_head = role != ROW_HEADER && c->frac < 0 &&
                        (rh_col(ts, c->col) || (role == ROW_GROUP && rw->cell_i == first && ts->rh_cols));
        /* an empty cell heads nothing (the corner over a table's labels):
         * a TH there is read out as a header with no name */
        bool th = (role == ROW_HEADER || role == ROW_SUBHEAD || row_head) && c->lines.n > 0;
        c->se = se_new(m, th ? SE_TH : SE_TD, se_tr);
        if (c->blocks.nparts) {
            c->part_se = ARENA_ARRAY(&m->rp->arena, int, c->blocks.nparts);
            for (int k = 0; k < c->blocks.nparts; k++) {
                int up = c->blocks.part_parent[k];
                c->part_se[k] = se_new(m, (SeType)c->blocks.part_type[k], up < 0 ? c->se : c->part_se[up]);
                m->se.v[c->part_se[k]].numbering = c->blocks.part_numbering[k];
            }
        }
        StructElem *e = &m->se.v[c->se];
        e->colspan = c->colspan;
        e->rowspan = c->rowspan;
        if (th && (role == ROW_HEADER || role == ROW_SUBHEAD))
            e->scope = 1;                   /* Column */
        else if (th)
            e->scope = 2;                   /* Row */
    }
    /* the headers, once the row's cells all have their elements (a
     * status left of its goal is headed by the goal, made after it) */
    /* a sum row is its group's ("Summa Kultur"), unless it sums
     * several: then no group heads it */
    int group = (role == ROW_SUM && rw->ngroups > 1) || role == ROW_SUBHEAD ? -1 : rw->group;
    for (int i = first; i < rw->cell_i && ts->multi_level; i++) {
        if (ts->cells[i].rowspan > 1) {
            /* the row headers of its later rows are not made yet */
            VEC_PUSH(&m->rp->arena, rw->spanning, i);
            VEC_PUSH(&m->rp->arena, rw->spanning_group, group);
        } else {
            cell_headers(m, ts, &ts->cells[i], group);
        }
    }
    for (int k = 0; k < rw->spanning.n; k++) {
        const Cell *c = &ts->cells[rw->spanning.v[k]];
        if (c->row + c->rowspan - 1 > r && r < ts->nrows - 1)
            continue;
        cell_headers(m, ts, c, rw->spanning_group.v[k]);
        rw->spanning.v[k] = rw->spanning.v[rw->spanning.n - 1];
        rw->spanning_group.v[k--] = rw->spanning_group.v[--rw->spanning.n];
        rw->spanning_group.n = rw->spanning.n;
    }
    if (role == ROW_GROUP && ts->owner[r * ts->ncols] >= 0) {
        rw->group = ts->owner[r * ts->ncols];
        rw->ngroups++;
    } else if (role == ROW_SUBHEAD) {
        /* a subheader begins a part of its own: its label ("Nämnd-
         * specifika") heads the rows below it, the group above no more */
        int o = ts->owner[r * ts->ncols + label_col(ts)];
        rw->group = o >= 0 && ts->cells[o].lines.n > 0 ? o : -1;
        rw->ngroups = rw->group >= 0;
    } else if (role == ROW_HEADER || role == ROW_SUM) {
        rw->ngroups = 0;
        if (role == ROW_SUM)
            rw->group = -1;     /* the rows after a sum are no longer the group's */
    }
    return se_tr;
}

/* The lines of the active cells that row r draws, with their notes and
 * where the row may be cut between them. */
static void row_lines(M *m, const TableSet *ts, const RowWalk *rw, int r, RowDraw *d)
{
    Arena *a = &m->rp->arena;
    for (int q = 0; q < rw->active.n; q++) {
        Cell *c = &ts->cells[rw->active.v[q]];
        int32_t cx = ts->indent + ts->x[c->col] + ts->px + c->indent;
        if (c->lines.n == 0 && c->row == r) {
            /* an empty cell draws nothing but is still a cell: an
             * empty text marks its place in the row for the tags */
            Op op = op_text(m, "", 0, 0, 0, 0);
            op.x = cx;
            op.y = ts->py;
            op.se = c->se;
            VEC_PUSH(a, d->ops, op);
        }
        for (int k = 0; k < c->lines.n; k++) {
            if (c->line_row[k] != r)
                continue;
            Line *ln = &c->lines.v[k];
            int first_op = d->ops.n;
            /* the element of the line's text: the cell's, or a part of its list */
            int part = c->part_se ? c->blocks.line_part[k] : -1;
            int label = c->part_se ? c->blocks.line_label[k] : -1;
            int se = part >= 0 ? c->part_se[part] : c->se;
            for (int qo = 0; qo < ln->nops; qo++) {
                Op op = ln->ops[qo];
                op.x += cx;
                op.y += c->line_y[k];
                if (op.se == 0)
                    op.se = qo == 0 && label >= 0 ? c->part_se[label] : se;
                VEC_PUSH(a, d->ops, op);
            }
            /* a cell of blocks (a list in it) breaks each on its own, its
             * pieces counted from 0 again: a link is carried over lines
             * only in a cell of one text */
            LinkRun own = { 0 };
            se_links(m, d->ops.v + first_op, d->ops.n - first_op, se, c->blocks.nparts ? &own : &c->link_run);
            for (int qn = 0; qn < ln->nnotes; qn++) {
                VEC_PUSH(a, d->notes, ln->notes[qn]);
                VEC_PUSH(a, d->note_y, c->line_y[k]);
            }
            VEC_PUSH(a, d->tops, c->line_y[k]);
            VEC_PUSH(a, d->cuts, c->line_y[k] + ln->h);
        }
    }
}

/* Rules under the cells that end in row r. Header rows get a rule only
 * at their end, and under a cell that heads several columns. */
static void row_rules(M *m, const TableSet *ts, int r, OpVec *ops)
{
    const Layout *L = m->lay;
    RowRole role = ts->roles[r];
    int ncols = ts->ncols;
    const int *owner = ts->owner;
    bool header_end = (role == ROW_HEADER && r == ts->last_head) || role == ROW_SUBHEAD;
    for (int k = 0; k < ncols;) {
        int o = owner[r * ncols + k];
        int k2 = k + 1;
        bool ends = o < 0 || r + 1 >= ts->nrows || owner[(r + 1) * ncols + k] != o;
        while (k2 < ncols && owner[r * ncols + k2] == o && o >= 0)
            k2++;
        bool spans = o >= 0 && ts->cells[o].colspan > 1;
        /* the rule under a heading over several columns stops short of
         * their edges by the cells' padding, so two such side by side
         * are two rules, not one (as booktabs' trimmed \cmidrule) */
        int32_t in = spans && !header_end && role == ROW_HEADER ? ts->px : 0;
        if (ends && !(role == ROW_HEADER && !header_end && !spans))
            op_push_rule(m, ops, ts->indent + ts->x[k] + in, ts->rh[r], ts->x[k2] - ts->x[k] - 2 * in,
                         header_end ? 1200 : 400, header_end ? L->rule_color : L->table_rule);
        k = k2;
    }
}

/* Everything row r draws: its fill, the rule above a sum, its cells'
 * lines, the rules under it. */
static void row_draw(M *m, const TableSet *ts, const RowWalk *rw, int r, RowDraw *d)
{
    const Layout *L = m->lay;
    RowRole role = ts->roles[r];
    if (role == ROW_HEADER || role == ROW_SUBHEAD || role == ROW_GROUP)
        op_push_rect(m, &d->ops, ts->indent, 0, ts->width, ts->rh[r],
                     role == ROW_GROUP ? L->table_group_fill : L->table_head_fill);
    if (role == ROW_SUM)
        op_push_rule(m, &d->ops, ts->indent, 0, ts->width, 900, 0x1A1A1A);
    row_lines(m, ts, rw, r, d);
    row_rules(m, ts, r, &d->ops);
}

/* Where the slice of row r starting at `from` ends: the whole rest, or,
 * in a body row taller than `limit`, the lowest line bottom within reach
 * that no line straddles. */
static int32_t slice_end(const TableSet *ts, const RowDraw *d, int r, int32_t from, int32_t limit)
{
    int32_t rh = ts->rh[r];
    if ((ts->roles[r] == ROW_HEADER && ts->heads_repeat) || rh - from <= limit)
        return rh;
    int32_t best = 0;
    for (int q = 0; q < d->cuts.n; q++) {
        int32_t cy = d->cuts.v[q];
        if (cy <= from || cy > from + limit || cy <= best)
            continue;
        bool clean = true;
        for (int z = 0; z < d->tops.n && clean; z++)
            clean = !(d->tops.v[z] < cy && d->cuts.v[z] > cy);
        if (clean)
            best = cy;
    }
    return best > from ? best : from + limit;
}

/* The ops of row r between `from` and `to`, moved up by `from`: the
 * row's fill cut to the slice, a text by its baseline, a shape by its
 * middle. */
static OpVec slice_ops(M *m, const TableSet *ts, const RowDraw *d, int r, int32_t from, int32_t to)
{
    int32_t rh = ts->rh[r];
    OpVec sl = { 0 };
    if (from == 0 && to == rh) {
        /* one slice: the whole row, including the lines of a cell
         * spanning down into the rows below (kept on this page) */
        sl.v = d->ops.v;
        sl.n = d->ops.n;
        return sl;
    }
    for (int q = 0; q < d->ops.n; q++) {
        Op op = d->ops.v[q];
        int32_t ay = op.kind == OP_TEXT || op.kind == OP_PAGENUM ? op.y : op.y + op.h / 2;
        if (op.kind == OP_RECT && op.y == 0 && op.h == rh) {      /* the row's fill */
            op.y = 0;
            op.h = to - from;
            VEC_PUSH(&m->rp->arena, sl, op);
            continue;
        }
        if ((from == 0 ? ay >= 0 - 1000000 : ay > from) && ay <= to &&
            !(op.kind == OP_RULE && op.y == rh && to != rh) &&
            !(op.kind == OP_RULE && op.y == 0 && from != 0)) {
            op.y -= from;
            VEC_PUSH(&m->rp->arena, sl, op);
        }
    }
    return sl;
}

/* Row r as boxes: one, or, for a row taller than a page, slices cut
 * between lines, each a box of its own (a page may break between them)
 * that fits a page under the repeated header rows. Each box carries the
 * notes marked in it. Returns the last. */
static Box *row_boxes(M *m, const TableSet *ts, const RowWalk *rw, int r, int se_tr, const RowDraw *d)
{
    /* under the header rows, and the caption continued, the subheader
     * and the group label repeated over a slice (repeat_header): a
     * slice filled the page under the header, and ran past the margin
     * under a four-line group label (a review) */
    RowRole role = ts->roles[r];
    int32_t over = m->tables->cont.v[ts->tid].h;
    if (role != ROW_HEADER && role != ROW_SUBHEAD && rw->sub_box >= 0)
        over += m->boxes.v[rw->sub_box].h;
    if (role != ROW_HEADER && role != ROW_SUBHEAD && role != ROW_GROUP && rw->group_box >= 0)
        over += m->boxes.v[rw->group_box].h;
    int32_t limit = (ts->page_text - ts->head_h - over) * 9 / 10;
    if (limit < ts->page_text / 4)
        limit = ts->page_text / 4;
    int32_t rh = ts->rh[r], from = 0;
    Box *b = NULL;
    while (from < rh) {
        int32_t to = slice_end(ts, d, r, from, limit);
        OpVec sl = slice_ops(m, ts, d, r, from, to);
        m->cur_se = se_tr;
        b = new_box(m, to - from, r == 0 && from == 0 ? rw->gap : 0);
        b->ops = sl.v;
        b->nops = sl.n;
        b->table = ts->tid;
        bool whole = from == 0 && to == rh;
        int nn = 0;
        for (int q = 0; q < d->notes.n; q++)
            nn += whole || ((from == 0 || d->note_y.v[q] >= from) && d->note_y.v[q] < to);
        if (nn) {
            b->note_first = m->box_notes.n;
            b->nnotes = nn;
            for (int q = 0; q < d->notes.n; q++)
                if (whole || ((from == 0 || d->note_y.v[q] >= from) && d->note_y.v[q] < to))
                    VEC_PUSH(&m->rp->arena, m->box_notes, d->notes.v[q]);
        }
        if (to < rh)
            b->flags |= BOX_TABLE_ROW;
        from = to;
    }
    assert(b);                      /* every row is at least its padding high */
    return b;
}

/* The plain text of the label cell of row r, in lower case. */
static void label_lower(const TableSet *ts, int r, char *buf, size_t cap)
{
    int o = ts->owner[r * ts->ncols + label_col(ts)];
    char text[256];
    text[0] = 0;
    if (o >= 0)
        model_plain_text(ts->cells[o].node, text, sizeof text);
    text_lower_into(text, strlen(text), buf, cap);
}

/* Whether sum row r names the group of row g: "Summa tillgångar" under
 * "Tillgångar", which sums the group, not the last subheader in it. */
static bool sum_names_group(const TableSet *ts, int r, int g)
{
    char sum[256], group[256];
    label_lower(ts, r, sum, sizeof sum);
    label_lower(ts, g, group, sizeof group);
    return strlen(group) >= 3 && strstr(sum, group);
}

/* Whether sum row r is a subtotal inside the part that row `part` (a
 * subheader, a group) heads: a later sum of that part names it before
 * another part begins. "Eget kapital hänförligt till moderföretagets
 * ägare" before "Summa eget kapital" ended the part, and with it the
 * group around ("Eget kapital och skulder" was not repeated on the page
 * the balance sheet went on to: a typographer). */
static bool subtotal_within(const TableSet *ts, int r, int part)
{
    if (part < 0)
        return false;
    for (int q = r + 1; q < ts->nrows; q++) {
        RowRole role = ts->roles[q];
        if (role == ROW_SUBHEAD || role == ROW_GROUP || role == ROW_HEADER)
            return false;
        if (role == ROW_SUM && sum_names_group(ts, q, part))
            return true;
    }
    return false;
}

/* Whether body row r keeps with the next for the runs of rows it is in.
 * Two rows at least over a sum on its page: the row before the last a
 * sum adds up (or its last varav) keeps with it ("Enhet 30" and "Summa"
 * alone under the repeated header; a group's last row and its sum, the
 * group's label on the page before). A group's first row is not left
 * alone under its label at a page's foot, nor its last carried over
 * alone under the label repeated: the first keeps with the second, the
 * row before the last with the last, so a group of three goes whole
 * ("Spontanidrottsplats" alone on a page under "Färdigställda projekt",
 * a typographer). Not rows of half a page: kept with the first rows'
 * keep, a table of three tall rows moved whole and left its sum alone. */
static bool run_keeps(const TableSet *ts, const RowWalk *rw, int r)
{
    int nrows = ts->nrows;
    RowRole role = ts->roles[r];
    if (r + 1 >= nrows || ts->roles[r + 1] != ROW_NORMAL)
        return false;
    if (role == ROW_NORMAL && r > 0 && ts->roles[r - 1] == ROW_GROUP &&
        ts->rh[r] + ts->rh[r + 1] <= ts->keep_limit)
        return true;
    if (role != ROW_NORMAL && role != ROW_PART && role != ROW_SUB)
        return false;
    int q = r + 2;
    int64_t h = ts->rh[r] + ts->rh[r + 1];
    while (q < nrows && (ts->roles[q] == ROW_PART || ts->roles[q] == ROW_SUB))
        h += ts->rh[q++];
    if (q >= nrows)
        return false;
    if (ts->roles[q] == ROW_SUM)
        return h + ts->rh[q] <= ts->keep_limit;
    return rw->group_box >= 0 && h <= ts->keep_limit &&
           (ts->roles[q] == ROW_GROUP || ts->roles[q] == ROW_SUBHEAD || ts->roles[q] == ROW_HEADER);
}

/* The flags of row r's last box `b`: a header row is repeated, a body
 * row may be split from its table, a subheader's rows know it. Never
 * one row alone under a header, at the table's start or on the page it
 * goes on to; a sum, a varav row or a sub-row never starts a page; a
 * subheader or a group label never ends one; rows a span joins keep
 * together when they fit. */
static void row_keeps(M *m, const TableSet *ts, RowWalk *rw, int r, Box *b)
{
    RowRole role = ts->roles[r];
    int nrows = ts->nrows;
    if (role == ROW_HEADER && !ts->heads_repeat) {
        b->flags |= BOX_TABLE_ROW | BOX_KEEP_NEXT;     /* printed once, split like a row if it must */
    } else if (role == ROW_HEADER) {
        b->flags |= BOX_HEAD_ROW | BOX_KEEP_NEXT;
        struct Tables *tb = m->tables;
        if (tb->head.v[ts->tid] < 0)
            tb->head.v[ts->tid] = m->boxes.n - 1;
        tb->nhead.v[ts->tid]++;
    } else {
        b->flags |= BOX_TABLE_ROW;
        /* a group row beside a group that heads subheaders is its peer:
         * the subheader open there is over ("Eget kapital, avsättningar
         * och skulder" after "Tillgångar"'s subheaders, summed or not) */
        if (role == ROW_GROUP && rw->group_outer)
            rw->sub_box = -1;
        if (role == ROW_SUBHEAD) {
            b->flags |= BOX_SUBHEAD;
            rw->sub_box = m->boxes.n - 1;
            rw->sub_row = r;
        } else if (rw->sub_box >= 0) {
            b->sub = m->boxes.n - 1 - rw->sub_box;
        }
    }
    /* a group's label goes again over its rows on the page they go on
     * to ("Område B" was left on the page before, its rows headed by
     * nothing but the columns'). A subheader right under a group label
     * is a part of that group, and so are the subheaders after it
     * while the group lasts ("Tillgångar", then "Anläggningstillgångar"
     * and "Omsättningstillgångar"): both go again, the group's first;
     * a subheader after rows of the group's own starts anew, as a
     * header row does. A sum ends the innermost part open: the group
     * inside a subheader, else the subheader, else the group around
     * it ("Summa omsättningstillgångar", then "Summa tillgångar"): the
     * rows after it were headed by a subheader they are not under
     * (a typographer: "Eget kapital" under "Omsättningstillgångar");
     * a sum that names the group around ends it whole, subheader and
     * all, where the subheaders have no sums of their own (a review). */
    if (role == ROW_GROUP) {
        rw->group_box = m->boxes.n - 1;
        rw->group_row = r;
        rw->group_outer = false;
    } else if (role == ROW_HEADER) {
        rw->group_box = -1;
    } else if (role == ROW_SUBHEAD) {
        if (rw->group_box >= 0 && (rw->group_outer || (r > 0 && ts->roles[r - 1] == ROW_GROUP)))
            rw->group_outer = true;
        else
            rw->group_box = -1;
        if (rw->group_box >= 0)
            b->group = m->boxes.n - 1 - rw->group_box;
    } else {
        if (rw->group_box >= 0)
            b->group = m->boxes.n - 1 - rw->group_box;
        if (role == ROW_SUM) {
            if ((rw->sub_box >= 0 && subtotal_within(ts, r, rw->sub_row)) ||
                (rw->group_box >= 0 && !rw->group_outer && subtotal_within(ts, r, rw->group_row)))
                ;       /* a subtotal inside the part: it goes on */
            else if (rw->group_box >= 0 && rw->group_outer && sum_names_group(ts, r, rw->group_row))
                rw->group_box = rw->sub_box = -1;       /* "Summa tillgångar": the group, all of it */
            else if (rw->group_box >= 0 && (!rw->group_outer || rw->sub_box < 0))
                rw->group_box = -1;
            else
                rw->sub_box = -1;
        }
    }
    int nbody = nrows - (ts->last_head + 1);
    if (role != ROW_HEADER && nbody >= 2 && (r == ts->last_head + 1 || r == nrows - 2))
        b->flags |= BOX_KEEP_NEXT;
    /* the table's first row of its own past the labels it starts with
     * (a group row, a subheader) keeps with the next: a page ended with
     * the header, "Gator och trafik" and one project (a typesetter) */
    if (role == ROW_NORMAL && r + 1 < nrows && r > ts->last_head + 1) {
        int q = ts->last_head + 1;
        while (q < r && (ts->roles[q] == ROW_GROUP || ts->roles[q] == ROW_SUBHEAD))
            q++;
        if (q == r)
            b->flags |= BOX_KEEP_NEXT;
    }
    /* the first row under a subheader (past group labels) too, where a
     * row of its own follows: a page ended with the header, the
     * subheader "Miljöbalken" and one row */
    if (role != ROW_HEADER && role != ROW_SUBHEAD && role != ROW_GROUP && r + 1 < nrows &&
        ts->roles[r + 1] != ROW_SUBHEAD && ts->roles[r + 1] != ROW_GROUP && ts->roles[r + 1] != ROW_HEADER) {
        int q = r - 1;
        while (q > ts->last_head && ts->roles[q] == ROW_GROUP)
            q--;
        if (q > ts->last_head && ts->roles[q] == ROW_SUBHEAD)
            b->flags |= BOX_KEEP_NEXT;
    }
    if (r + 1 < nrows && (ts->roles[r + 1] == ROW_SUM || ts->roles[r + 1] == ROW_PART ||
                          ts->roles[r + 1] == ROW_SUB))
        b->flags |= BOX_KEEP_NEXT;
    if (run_keeps(ts, rw, r))
        b->flags |= BOX_KEEP_NEXT;
    if (role == ROW_SUBHEAD && r < nrows - 1)
        b->flags |= BOX_KEEP_NEXT;
    /* the rows a cell spans go on one page where they are no taller
     * than half of it; a longer span breaks where it must, but not after
     * its first row or before its last. (Where the span's rows from this
     * one on were short enough, its last half page was kept: a page
     * ended 40 % empty before it: a typographer) */
    if (r < rw->span_until) {
        int64_t span_h = 0;
        for (int q = rw->span_from; q <= rw->span_until; q++)
            span_h += ts->rh[q];
        if (span_h <= ts->keep_limit || r == rw->span_from || r == rw->span_until - 1)
            b->flags |= BOX_KEEP_NEXT;
    }
    if (role == ROW_GROUP && r < nrows - 1)
        b->flags |= BOX_KEEP_NEXT;
    /* a short table is kept on one page, where that leaves the page
     * before it no emptier than a quarter (paginate.c) */
    if (ts->keep_whole && r < nrows - 1 && !(b->flags & BOX_KEEP_NEXT))
        b->flags |= BOX_KEEP_NEXT | (ts->t->parent ? BOX_KEEP_SOFT : 0);   /* a chart's values: under it */
}

/* The rows as boxes, top to bottom. */
/* What row r shows again where a page begins with it: the text of the
 * cells that span it from a row above (a process, a goal over its
 * rows), at the top of the row, where the rows they span from here on
 * have room for it and none of its lines is drawn in this row or below
 * (a typographer: the rows on the page after had no process). Not a
 * cell of the header rows, which go again anyway. */
static void row_again(M *m, const TableSet *ts, const RowWalk *rw, int r, Box *b)
{
    VEC(Op) ops = { 0 };
    int32_t tallest = 0;
    for (int q = 0; q < rw->active.n; q++) {
        const Cell *c = &ts->cells[rw->active.v[q]];
        int last = c->row + c->rowspan - 1;
        if (c->row >= r || c->lines.n == 0 || ts->roles[c->row] == ROW_HEADER || ts->roles[c->row] == ROW_SUBHEAD ||
            c->line_row[c->lines.n - 1] >= r)
            continue;
        int64_t room = 0, need = 2 * (int64_t)ts->py;
        for (int k = r; k <= last && k < ts->nrows; k++)
            room += ts->rh[k];
        for (int k = 0; k < c->lines.n; k++)
            need += c->lines.v[k].h;
        if (need > room)
            continue;
        tallest = need > tallest ? (int32_t)need : tallest;
        int32_t cx = ts->indent + ts->x[c->col] + ts->px + c->indent, y = ts->py;
        for (int k = 0; k < c->lines.n; k++) {
            const Line *ln = &c->lines.v[k];
            for (int qo = 0; qo < ln->nops; qo++) {
                Op op = ln->ops[qo];
                if (op.kind != OP_TEXT && op.kind != OP_MARKER)
                    continue;
                op.x += cx;
                op.y += y;
                op.se = SE_ARTIFACT;        /* read once, where the cell is */
                op.anchor = -1;
                VEC_PUSH(&m->rp->arena, ops, op);
            }
            y += ln->h;
        }
    }
    b->again = ops.v;
    b->nagain = ops.n;
    b->again_h = ops.n ? tallest : 0;
}

static void table_rows(M *m, TableSet *ts)
{
    const Style *body = &m->lay->styles[table_small(m, ts->t) ? ST_TABLE_SMALL : ST_TABLE];
    RowWalk rw = { 0 };
    rw.span_from = rw.span_until = rw.sub_box = rw.sub_row = rw.group_box = rw.group = -1;
    rw.gap = body->space_before > m->pending_after ? body->space_before : m->pending_after;
    for (int r = 0; r < ts->nrows; r++) {
        /* the cells whose lines this row may draw: its own, and those
         * spanning down from above (kept in `active`, so each row looks
         * at a few cells, not at all before it) */
        int keep = 0;
        for (int q = 0; q < rw.active.n; q++)
            if (ts->cells[rw.active.v[q]].row + ts->cells[rw.active.v[q]].rowspan - 1 >= r)
                rw.active.v[keep++] = rw.active.v[q];
        rw.active.n = keep;
        RowDraw d = { 0 };
        int se_tr = row_elements(m, ts, &rw, r);
        row_draw(m, ts, &rw, r, &d);
        int b0 = m->boxes.n;
        Box *b = row_boxes(m, ts, &rw, r, se_tr, &d);
        row_keeps(m, ts, &rw, r, b);
        if (b0 < m->boxes.n && ts->roles[r] != ROW_HEADER)
            row_again(m, ts, &rw, r, &m->boxes.v[b0]);
        /* a row cut over pages: its slices before the last are under
         * the same subheader and in the same group */
        int last = m->boxes.n - 1;
        for (int j = b0; j < last; j++) {
            m->boxes.v[j].sub = b->sub ? j - (last - b->sub) : 0;
            m->boxes.v[j].group = b->group ? j - (last - b->group) : 0;
        }
    }
}

void measure_table(M *m, const Node *t, int32_t indent, int32_t width)
{
    const Layout *L = m->lay;
    if (t->u.table.nrows <= 0) {
        empty_table(m, t, indent, width);
        return;
    }
    if (t->u.table.ncols <= 0)
        return;
    TableSet ts = { 0 };
    ts.t = t;
    ts.ncols = t->u.table.ncols;
    ts.nrows = t->u.table.nrows;
    ts.indent = indent;
    ts.width = width;
    ts.px = L->table_pad_x;
    ts.py = L->table_pad_y;
    ts.page_text = m->text_h;
    table_start(m, &ts);
    table_columns(m, &ts);
    set_cells(m, &ts);
    place_lines(m, &ts);
    table_shape(&ts);
    table_rows(m, &ts);
    free(ts.owner);
    free(ts.cells);

    /* table notes, kept with the last row; the table remembers the last
     * (a footnote of a header cell is read after them, measure.c) */
    m->pending_after = L->styles[ST_TABLE_NOTE].space_before;
    bool any_note = emit_notes(m, t, indent, width);
    if (any_note) {
        int last = m->se.n - 1;         /* the last note's P, not a Link in it */
        while (last > 0 && m->se.v[last].parent != m->se.v[ts.se_table].parent)
            last = m->se.v[last].parent;
        m->se.v[ts.se_table].after = last;
    }
    m->pending_after = any_note ? L->styles[ST_TABLE_NOTE].space_after : L->styles[ST_BODY].space_after + 3000;
}

void table_flow(M *m, Flow *f, int shift)
{
    struct Tables *tb = m->tables;
    f->ntables = tb->head.n;
    f->table_head = tb->head.v;
    f->table_nhead = tb->nhead.v;
    f->table_cont = tb->cont.v;
    f->table_cap = tb->cap.v;
    for (int t = 0; t < f->ntables; t++) {
        if (f->table_head[t] >= 0)
            f->table_head[t] += shift;
        if (f->table_cap[t] >= 0)
            f->table_cap[t] += shift;
    }
}
