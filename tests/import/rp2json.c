/*
 * rp2json.c - a rapport report as a Word document would hold it, for the
 * import round trip (tests/import/run).
 *
 *   rp2json [--rubrik] [--image FILE] LAYOUT.xml REPORT.xml   pandoc JSON on stdout
 *   rp2json --units LAYOUT.xml REPORT.xml      what the PDF must show, one a line
 *   rp2json --check-text TEXT.txt LAYOUT.xml REPORT.xml  are they all in the PDF?
 *   rp2json --check STRUCT.txt LAYOUT.xml REPORT.xml     the same in its structure
 *   rp2json --outline LAYOUT.xml REPORT.xml    the heading tree, one heading a line
 *
 * The JSON is pandoc's document tree (pandoc-types 1.22, Debian 12's
 * pandoc), so that `pandoc -f json -o x.docx` makes a docx with real Word
 * styles: a title page (Title, Subtitle, the nämnd), a contents list
 * (paragraphs in the styles "TOC Heading" and "toc N", as Word's own),
 * Heading 1-5 (or, with --rubrik, paragraphs in the Swedish styles
 * "Rubrik 1-5"), lists, tables with header rows and merged cells, real
 * footnotes, a chart as a picture (--image) with its alt text and a
 * caption paragraph above it. Numbers are written as the PDF prints them
 * ("1 877,0", "−71,1"), as an old report's Word file has them; a status
 * as its word. What the program generates (the goal overview, a goal's
 * colour) is not in the document, as it would not be in Word's.
 *
 * --units prints the report's sentences (of paragraphs, list items,
 * headings, captions, table notes), the text of every table cell and of
 * every footnote, as the PDF prints them; a footnote mark splits a
 * sentence in two pieces. --check-text looks for each of them, in order,
 * in the text of the PDF as `pdftotext -raw` gives it (the order it is
 * drawn in, which is the reading order), --check in its structure tree
 * (pdfinfo -struct-text: what a screen reader gets; much slower), white
 * space and typographic marks folded, and exits 1 if any is missing.
 * --outline prints each heading with its depth
 * and kind (section, goal, appendix), for comparing two reports' trees.
 */
#include "../../src/model/numfmt.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the layout's words --------------------------------------------- */

typedef struct Word { char *type, *key, *text; } Word;
static Word words[256];
static int nwords;
static const char *report_type = "rapport";

static char *prop(xmlNodePtr x, const char *name)
{
    return (char *)xmlGetProp(x, (const xmlChar *)name);
}

static bool is(xmlNodePtr x, const char *name)
{
    return x && x->type == XML_ELEMENT_NODE && !strcmp((const char *)x->name, name);
}

/* Does x hold paragraphs or lists (not inline text)? */
static bool has_blocks(xmlNodePtr x)
{
    for (xmlNodePtr k = x->children; k; k = k->next)
        if (is(k, "p") || is(k, "list"))
            return true;
    return false;
}

static void add_word(char *type, char *key, char *text)
{
    if (nwords < (int)(sizeof words / sizeof *words))
        words[nwords++] = (Word){ type, key, text };
}

static void load_layout(const char *path)
{
    xmlDocPtr d = xmlReadFile(path, NULL, XML_PARSE_NONET);
    if (!d) {
        fprintf(stderr, "rp2json: cannot read the layout %s\n", path);
        exit(2);
    }
    for (xmlNodePtr x = xmlDocGetRootElement(d)->children; x; x = x->next) {
        if (is(x, "status")) {
            char key[64];
            char *name = prop(x, "name");
            snprintf(key, sizeof key, "status.%s", name ? name : "");
            add_word(NULL, strdup(key), prop(x, "word"));
        } else if (is(x, "words")) {
            for (xmlNodePtr w = x->children; w; w = w->next)
                if (is(w, "word"))
                    add_word(prop(x, "type"), prop(w, "key"), (char *)xmlNodeGetContent(w));
        }
    }
}

/* The layout's word for `key` in this report's type, else the general one. */
static const char *word(const char *key)
{
    const char *general = NULL;
    for (int i = 0; i < nwords; i++)
        if (words[i].key && !strcmp(words[i].key, key)) {
            if (words[i].type && !strcmp(words[i].type, report_type))
                return words[i].text;
            if (!words[i].type && !general)
                general = words[i].text;
        }
    return general ? general : "";
}

/* ---- text ------------------------------------------------------------- */

typedef struct Buf { char *p; size_t n, cap; } Buf;

static void put(Buf *b, const char *s, size_t n)
{
    if (b->n + n + 1 > b->cap) {
        b->cap = (b->n + n + 1) * 2;
        if (!(b->p = realloc(b->p, b->cap)))
            abort();
    }
    memcpy(b->p + b->n, s, n);
    b->n += n;
    b->p[b->n] = 0;
}

static void puts_(Buf *b, const char *s) { put(b, s, strlen(s)); }

/* A column's number format, as the report's <column> or <num> gives it. */
static NumFormat numformat(xmlNodePtr x)
{
    NumFormat f = { -1, false, NULL };
    char *d = x ? prop(x, "decimals") : NULL;
    if (d && strcmp(d, "as-written"))
        f.decimals = atoi(d);
    char *s = x ? prop(x, "sign") : NULL;
    f.sign_always = s && !strcmp(s, "always");
    f.unit = x ? prop(x, "unit") : NULL;
    return f;
}

/* The machine number `s` as the PDF prints it, into b. */
static void put_number(Buf *b, const char *s, const NumFormat *f)
{
    char out[160];
    int n = numfmt_format(s, strlen(s), f, out, sizeof out);
    if (n < 0)
        puts_(b, s);
    else
        put(b, out, (size_t)n);
}

/* Text with every run of white space as one space, ends trimmed. */
static char *squeeze(const char *s)
{
    Buf b = { 0 };
    put(&b, "", 0);
    bool sp = false;
    for (; *s; s++) {
        if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
            sp = b.n > 0;
            continue;
        }
        if (sp)
            put(&b, " ", 1);
        sp = false;
        put(&b, s, 1);
    }
    return b.p;
}

/* ---- pandoc JSON ------------------------------------------------------ */

static bool first[256];
static int depth;

static void sep(void)
{
    if (!first[depth])
        putchar(',');
    first[depth] = false;
}

static void open_(char c) { sep(); putchar(c); first[++depth] = true; }
static void close_(char c) { putchar(c); depth--; }

static void jstr(const char *s)
{
    sep();
    putchar('"');
    for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
        if (*p == '"' || *p == '\\')
            printf("\\%c", *p);
        else if (*p < 0x20)
            printf("\\u%04x", *p);
        else
            putchar(*p);
    }
    putchar('"');
}

static void jraw(const char *s) { sep(); fputs(s, stdout); }

/* {"t":T,"c": ... : the caller writes the content, then end(). */
static void tag(const char *t)
{
    open_('{');
    printf("\"t\":\"%s\",\"c\":", t);
    first[depth] = true;
}
static void end(void) { close_('}'); }
static void bare(const char *t) { sep(); printf("{\"t\":\"%s\"}", t); }

static void attr_style(const char *style)
{
    open_('[');
    jstr("");
    open_('['); close_(']');
    open_('[');
    if (style) {
        open_('['); jstr("custom-style"); jstr(style); close_(']');
    }
    close_(']');
    close_(']');
}

/* Words of `s` as Str and Space elements. */
static void words_out(const char *s, bool *space)
{
    const char *p = s;
    while (*p) {
        if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
            *space = true;
            p++;
            continue;
        }
        const char *e = p;
        while (*e && *e != ' ' && *e != '\n' && *e != '\t' && *e != '\r')
            e++;
        if (*space)
            bare("Space");
        *space = false;
        char *w = strndup(p, (size_t)(e - p));
        tag("Str");
        jstr(w);
        end();
        free(w);
        p = e;
    }
}

static void blocks_out(xmlNodePtr first_child, int level);
static void inlines_out(xmlNodePtr x, bool *space);

/* {"t":outer,"c":[{"t":inner,"c":[the inline content of x]}]} */
static void nested(const char *outer, const char *inner, xmlNodePtr x)
{
    tag(outer);
    open_('[');
    tag(inner);
    open_('[');
    bool sp = false;
    inlines_out(x, &sp);
    close_(']');
    end();
    close_(']');
    end();
}

/* The inline content of x. `numcol`: the format of the number column
 * the cell stands in (NULL: none). */
static void inlines_out(xmlNodePtr x, bool *space)
{
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE) {
            words_out((const char *)c->content, space);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *n = (const char *)c->name;
        const char *t = !strcmp(n, "b") ? "Strong" : !strcmp(n, "i") ? "Emph" :
                        !strcmp(n, "sup") ? "Superscript" : !strcmp(n, "sub") ? "Subscript" : NULL;
        if (t || !strcmp(n, "link")) {
            if (*space)
                bare("Space");
            *space = false;
            tag(t ? t : "Link");
            if (!t) {
                open_('[');
                attr_style(NULL);
            }
            open_('[');
            inlines_out(c, space);
            close_(']');
            if (!t) {
                open_('['); jstr(prop(c, "href")); jstr(""); close_(']');
                close_(']');
            }
            end();
        } else if (!strcmp(n, "nohyphen")) {
            inlines_out(c, space);
        } else if (!strcmp(n, "br")) {
            bare("LineBreak");
            *space = false;
        } else if (!strcmp(n, "num")) {
            Buf b = { 0 };
            NumFormat f = numformat(c);
            put_number(&b, squeeze((const char *)xmlNodeGetContent(c)), &f);
            words_out(b.p, space);
        } else if (!strcmp(n, "status")) {
            char *own = squeeze((const char *)xmlNodeGetContent(c));
            char key[64];
            snprintf(key, sizeof key, "status.%s", prop(c, "value"));
            words_out(*own ? own : word(key), space);
        } else if (!strcmp(n, "footnote")) {
            nested("Note", "Para", c);
        }
        /* fnref, ref: a mark or page number Word would compute; left out */
    }
}

/* A Para or Plain of the inline content of x, or else of `text`. */
static void para_of(const char *kind, xmlNodePtr x, const char *text)
{
    tag(kind);
    open_('[');
    bool sp = false;
    if (x)
        inlines_out(x, &sp);
    else
        words_out(text, &sp);
    close_(']');
    end();
}

static void para(const char *kind, xmlNodePtr x) { para_of(kind, x, NULL); }
static void para_text(const char *kind, const char *text) { para_of(kind, NULL, text); }

/* A paragraph in the Word style `style`. */
static void styled_text(const char *style, const char *text)
{
    tag("Div");
    open_('[');
    attr_style(style);
    open_('[');
    para_text("Para", text);
    close_(']');
    close_(']');
    end();
}

static bool rubrik;         /* --rubrik: headings in the styles "Rubrik N" */
static const char *image;   /* --image: the picture that stands for a chart */

static void heading_out(int level, xmlNodePtr h, const char *label)
{
    if (rubrik) {
        char style[32];
        snprintf(style, sizeof style, "Rubrik %d", level);
        tag("Div");
        open_('[');
        attr_style(style);
        open_('[');
    } else {
        tag("Header");
        open_('[');
        char lv[16];
        snprintf(lv, sizeof lv, "%d", level);
        jraw(lv);
        attr_style(NULL);
    }
    if (rubrik)
        tag("Para");
    open_('[');
    bool sp = false;
    if (label)
        words_out(label, &sp), sp = true;
    if (h)
        inlines_out(h, &sp);
    close_(']');
    if (rubrik) {
        end();
        close_(']');
    }
    close_(']');
    end();
}

/* ---- tables ------------------------------------------------------------ */

#define MAXCOLS 64

typedef struct Grid {
    int ncols;
    bool declared[MAXCOLS];
    bool number[MAXCOLS];
    NumFormat fmt[MAXCOLS];
} Grid;

static bool head_row(xmlNodePtr r)
{
    char *role = prop(r, "role");
    return role && (!strcmp(role, "header") || !strcmp(role, "subheader"));
}

static bool label_row(xmlNodePtr r)
{
    char *role = prop(r, "role");
    return role && (!strcmp(role, "header") || !strcmp(role, "subheader") || !strcmp(role, "group"));
}

/* Each cell's column (rowspans counted), through f(cell, col, ctx). */
static void walk_cells(xmlNodePtr t, void (*f)(xmlNodePtr row, xmlNodePtr cell, int col, void *ctx), void *ctx)
{
    int busy[MAXCOLS] = { 0 };
    for (xmlNodePtr r = t->children; r; r = r->next) {
        if (!is(r, "row"))
            continue;
        int col = 0;
        for (xmlNodePtr c = r->children; c; c = c->next) {
            if (!is(c, "cell"))
                continue;
            while (col < MAXCOLS && busy[col] > 0)
                col++;
            char *cs = prop(c, "colspan"), *rs = prop(c, "rowspan");
            int span = cs ? atoi(cs) : 1, rows = rs ? atoi(rs) : 1;
            if (col < MAXCOLS)
                f(r, c, col, ctx);
            for (int k = 0; k < span && col < MAXCOLS; k++, col++)
                busy[col] = rows;
        }
        for (int k = 0; k < MAXCOLS; k++)
            if (busy[k] > 0)
                busy[k]--;
    }
}

static const char *plain_text(xmlNodePtr c)
{
    xmlNodePtr k = c->children;
    if (!k || k->next || k->type != XML_TEXT_NODE)
        return NULL;
    return (const char *)k->content;
}

typedef struct Guess { int numbers; bool text[MAXCOLS]; int count[MAXCOLS]; Grid *g; } Guess;

static void width_of(xmlNodePtr r, xmlNodePtr c, int col, void *ctx)
{
    Grid *g = ctx;
    char *cs = prop(c, "colspan");
    int end_ = col + (cs ? atoi(cs) : 1);
    if (end_ > g->ncols)
        g->ncols = end_ > MAXCOLS ? MAXCOLS : end_;
    (void)r;
}

/* guess_number_column of parse_report.c: machine numbers, blanks and dashes. */
static void guess(xmlNodePtr r, xmlNodePtr c, int col, void *ctx)
{
    Guess *gs = ctx;
    char *cs = prop(c, "colspan");
    if (label_row(r) || (cs && atoi(cs) != 1) || !c->children)
        return;
    const char *s = plain_text(c);
    if (!s) {
        gs->text[col] = true;
        return;
    }
    char *q = squeeze(s);
    if (numfmt_is_number(q, strlen(q)))
        gs->count[col]++;
    else if (strcmp(q, "-") && strcmp(q, "\xE2\x80\x93"))
        gs->text[col] = true;
    free(q);
}

static void grid_of(xmlNodePtr t, Grid *g)
{
    memset(g, 0, sizeof *g);
    walk_cells(t, width_of, g);
    int k = 0;
    for (xmlNodePtr x = t->children; x; x = x->next)
        if (is(x, "columns"))
            for (xmlNodePtr c = x->children; c; c = c->next)
                if (is(c, "column") && k < MAXCOLS) {
                    char *type = prop(c, "type");
                    g->declared[k] = true;
                    g->number[k] = type && !strcmp(type, "number");
                    g->fmt[k] = numformat(c);
                    k++;
                }
    if (k > g->ncols)
        g->ncols = k;
    Guess gs = { 0 };
    walk_cells(t, guess, &gs);
    for (int i = 0; i < g->ncols; i++)
        if (!g->declared[i]) {
            g->number[i] = gs.count[i] > 0 && !gs.text[i];
            g->fmt[i] = numformat(NULL);
        }
}

typedef struct CellCtx { Grid *g; xmlNodePtr row; } CellCtx;

/* The cell's content as blocks. */
static void cell_out(xmlNodePtr r, xmlNodePtr c, int col, void *ctx)
{
    CellCtx *cc = ctx;
    if (r != cc->row)
        return;
    char *cs = prop(c, "colspan"), *rs = prop(c, "rowspan");
    open_('[');
    attr_style(NULL);
    bare("AlignDefault");
    jraw(rs ? rs : "1");
    jraw(cs ? cs : "1");
    open_('[');
    const char *s = plain_text(c);
    char *q = s ? squeeze(s) : NULL;
    if (has_blocks(c)) {
        blocks_out(c->children, 0);
    } else if (q && cc->g->number[col] && !label_row(r) && numfmt_is_number(q, strlen(q))) {
        Buf b = { 0 };
        put_number(&b, q, &cc->g->fmt[col]);
        para_text("Plain", b.p);
    } else if (c->children) {
        para("Plain", c);
    }
    close_(']');
    close_(']');
}

static void row_out(xmlNodePtr t, xmlNodePtr r, Grid *g)
{
    open_('[');
    attr_style(NULL);
    open_('[');
    CellCtx cc = { g, r };
    walk_cells(t, cell_out, &cc);
    close_(']');
    close_(']');
}

static void table_out(xmlNodePtr t)
{
    Grid g;
    grid_of(t, &g);
    tag("Table");
    open_('[');
    attr_style(NULL);
    open_('[');                         /* caption */
    jraw("null");
    open_('[');
    for (xmlNodePtr x = t->children; x; x = x->next)
        if (is(x, "caption"))
            para("Plain", x);
    close_(']');
    close_(']');
    open_('[');                         /* column specs */
    for (int i = 0; i < g.ncols; i++) {
        open_('[');
        bare(g.number[i] ? "AlignRight" : "AlignDefault");
        bare("ColWidthDefault");
        close_(']');
    }
    close_(']');
    open_('[');                         /* head: the header rows the table starts with */
    attr_style(NULL);
    open_('[');
    xmlNodePtr r = t->children;
    for (; r; r = r->next) {
        if (!is(r, "row"))
            continue;
        if (!head_row(r))
            break;
        row_out(t, r, &g);
    }
    close_(']');
    close_(']');
    open_('[');                         /* one body */
    open_('[');
    attr_style(NULL);
    jraw("0");
    open_('['); close_(']');
    open_('[');
    for (; r; r = r->next)
        if (is(r, "row"))
            row_out(t, r, &g);
    close_(']');
    close_(']');
    close_(']');
    open_('[');                         /* foot */
    attr_style(NULL);
    open_('['); close_(']');
    close_(']');
    close_(']');
    end();
    for (xmlNodePtr x = t->children; x; x = x->next)
        if (is(x, "note"))
            para("Para", x);
}

/* ---- blocks ------------------------------------------------------------ */

static void list_out(xmlNodePtr l)
{
    char *type = prop(l, "type");
    bool number = type && !strcmp(type, "number");
    if (number) {
        char *start = prop(l, "start"), *num = prop(l, "numbering");
        tag("OrderedList");
        open_('[');
        open_('[');
        jraw(start ? start : "1");
        bare("Decimal");
        bare(num && !strcmp(num, "1)") ? "OneParen" : "Period");
        close_(']');
    } else {
        tag("BulletList");
    }
    open_('[');
    for (xmlNodePtr i = l->children; i; i = i->next) {
        if (!is(i, "item"))
            continue;
        open_('[');
        if (has_blocks(i))
            blocks_out(i->children, 0);
        else
            para("Plain", i);
        close_(']');
    }
    close_(']');
    if (number)
        close_(']');
    end();
}

/* A chart or figure: its caption in the style "Caption" above the
 * picture, which carries the alt text as Word's description. */
static void picture_out(xmlNodePtr x)
{
    for (xmlNodePtr c = x->children; c; c = c->next)
        if (is(c, "caption")) {
            tag("Div");
            open_('[');
            attr_style("Caption");
            open_('[');
            para("Para", c);
            close_(']');
            close_(']');
            end();
        }
    char *alt = prop(x, "alt");
    tag("Para");
    open_('[');
    tag("Image");
    open_('[');
    attr_style(NULL);
    open_('[');
    bool sp = false;
    words_out(alt ? alt : "", &sp);
    close_(']');
    open_('['); jstr(image ? image : "missing.png"); jstr(""); close_(']');
    close_(']');
    end();
    close_(']');
    end();
}

static void legend_out(xmlNodePtr x)
{
    char *title = prop(x, "title");
    para_text("Para", title ? title : word("legend"));
    static const char *goal[] = { "met", "partly-met", "not-met", "not-assessed" };
    static const char *act[] = { "done", "ongoing", "not-started", "paused", "postponed" };
    char *kind = prop(x, "statuses");
    bool activity = kind && !strcmp(kind, "activity");
    tag("BulletList");
    open_('[');
    for (int i = 0; i < (activity ? 5 : 4); i++) {
        const char *st = activity ? act[i] : goal[i];
        char key[64];
        snprintf(key, sizeof key, "status.%s", st);
        const char *w = word(key);
        for (xmlNodePtr it = x->children; it; it = it->next) {
            char *s = is(it, "item") ? prop(it, "status") : NULL;
            if (s && !strcmp(s, st))
                w = squeeze((const char *)xmlNodeGetContent(it));
        }
        open_('[');
        para_text("Plain", w);
        close_(']');
    }
    close_(']');
    end();
}

static void blocks_out(xmlNodePtr x, int level)
{
    for (; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE)
            continue;
        const char *n = (const char *)x->name;
        if (!strcmp(n, "p")) {
            para("Para", x);
        } else if (!strcmp(n, "list")) {
            list_out(x);
        } else if (!strcmp(n, "table")) {
            table_out(x);
        } else if (!strcmp(n, "chart") || !strcmp(n, "figure")) {
            picture_out(x);
        } else if (!strcmp(n, "legend")) {
            legend_out(x);
        } else if (!strcmp(n, "landscape")) {
            blocks_out(x->children, level);
        } else if (!strcmp(n, "section") || !strcmp(n, "goal")) {
            xmlNodePtr h = x->children;
            while (h && !is(h, "heading"))
                h = h->next;
            heading_out(level + 1, h, NULL);
            blocks_out(h->next, level + 1);
        } else if (!strcmp(n, "description")) {
            nested("Para", "Emph", x);
        }
        /* goal-overview: made by rapport from the goals; page-break: none in Word's text */
    }
}

/* The sections the contents list: rapport's rule (levels, toc="no|yes"). */
static int toc_page = 3;

static void toc_entries(xmlNodePtr x, int level, int levels)
{
    for (; x; x = x->next) {
        if (!is(x, "section") && !is(x, "goal") && !is(x, "landscape"))
            continue;
        if (is(x, "landscape")) {
            toc_entries(x->children, level, levels);
            continue;
        }
        char *toc = prop(x, "toc");
        bool in = toc ? !strcmp(toc, "yes") : level <= levels && is(x, "section");
        xmlNodePtr h = x->children;
        while (h && !is(h, "heading"))
            h = h->next;
        if (in && h) {
            char style[16], line[4096];
            snprintf(style, sizeof style, "toc %d", level);
            snprintf(line, sizeof line, "%s %d", squeeze((const char *)xmlNodeGetContent(h)), toc_page++);
            styled_text(style, line);
        }
        toc_entries(x->children, level + 1, levels);
    }
}

static void appendices_out(xmlNodePtr a)
{
    char *title = prop(a, "title");
    char *numbering = prop(a, "numbering");
    heading_out(1, NULL, title ? title : word("appendices"));
    bool list = false;
    int k = 0;
    for (xmlNodePtr x = a->children; x; x = x->next) {
        if (!is(x, "appendix"))
            continue;
        k++;
        char *label = prop(x, "label");
        char lab[64];
        if (!label && numbering && !strcmp(numbering, "yes"))
            snprintf(lab, sizeof lab, "%s %d", word("appendix"), k), label = lab;
        xmlNodePtr h = x->children;
        while (h && !is(h, "heading"))
            h = h->next;
        bool content = false;
        for (xmlNodePtr c = h->next; c; c = c->next)
            content |= c->type == XML_ELEMENT_NODE;
        if (!content) {
            /* a separate document: an item of the list under the title */
            if (!list) {
                tag("BulletList");
                open_('[');
                list = true;
            }
            open_('[');
            tag("Plain");
            open_('[');
            bool sp = false;
            if (label)
                words_out(label, &sp), sp = true;
            inlines_out(h, &sp);
            close_(']');
            end();
            close_(']');
            continue;
        }
        if (list) {
            close_(']');
            end();
            list = false;
        }
        heading_out(2, h, label);
        blocks_out(h->next, 2);
    }
    if (list) {
        close_(']');
        end();
    }
}

static void document_out(xmlNodePtr root)
{
    xmlNodePtr meta = NULL, contents = NULL;
    for (xmlNodePtr x = root->children; x; x = x->next) {
        if (is(x, "meta"))
            meta = x;
        if (is(x, "contents"))
            contents = x;
    }
    first[0] = true;
    open_('{');
    printf("\"pandoc-api-version\":[1,22,2,1],\"meta\":");
    first[depth] = true;
    open_('{');
    static const char *mkeys[] = { "title", "subtitle", "date" };
    for (xmlNodePtr m = meta->children; m; m = m->next)
        for (int i = 0; i < 3; i++)
            if (is(m, mkeys[i])) {
                sep();
                printf("\"%s\":", mkeys[i]);
                first[depth] = true;
                tag("MetaInlines");
                open_('[');
                bool sp = false;
                inlines_out(m, &sp);
                close_(']');
                end();
            }
    close_('}');
    sep();
    printf("\"blocks\":");
    first[depth] = true;
    open_('[');
    /* the title page's other lines, as Word has them under the title */
    static const char *lines[] = { "organisation", "department", "reference" };
    for (int i = 0; i < 3; i++)
        for (xmlNodePtr m = meta->children; m; m = m->next)
            if (is(m, lines[i])) {
                char *t = squeeze((const char *)xmlNodeGetContent(m));
                if (i == 2) {
                    char *d = malloc(strlen(t) + 8);
                    sprintf(d, "Dnr %s", t);
                    t = d;
                }
                para_text("Para", t);
            }
    if (contents) {
        char *title = prop(contents, "title"), *levels = prop(contents, "levels");
        styled_text("TOC Heading", title ? title : word("contents"));
        toc_entries(root->children, 1, levels ? atoi(levels) : 2);
    }
    for (xmlNodePtr x = root->children; x; x = x->next) {
        if (is(x, "appendices"))
            appendices_out(x);
        else if (!is(x, "meta") && !is(x, "contents") && x->type == XML_ELEMENT_NODE) {
            xmlNodePtr save = x->next;
            x->next = NULL;     /* one block at a time, in order */
            blocks_out(x, 0);
            x->next = save;
        }
    }
    close_(']');
    close_('}');
    putchar('\n');
}

/* ---- --units and --outline -------------------------------------------- */

/* Text of x as printed, footnotes cut out: each piece between them is
 * passed to `piece`, each footnote's text to `note`. */
typedef struct Cut { Buf cur; void (*piece)(const char *); } Cut;

static void flush(Cut *c)
{
    if (c->cur.n) {
        char *s = squeeze(c->cur.p);
        if (*s)
            c->piece(s);
        free(s);
    }
    c->cur.n = 0;
    if (c->cur.p)
        c->cur.p[0] = 0;
}

/* Each unit (a sentence, a piece of one, a cell, a footnote) goes here:
 * printed, or with --check looked for in the PDF's text. */
static void unit(const char *s);

static bool in_note;            /* the unit is a footnote's text (or an appendix's title) */

static void note_unit(const char *s)
{
    in_note = true;
    unit(s);
    in_note = false;
}

static void cut_text(xmlNodePtr x, Cut *c)
{
    for (xmlNodePtr k = x->children; k; k = k->next) {
        if (k->type == XML_TEXT_NODE) {
            puts_(&c->cur, (const char *)k->content);
        } else if (is(k, "footnote")) {
            flush(c);
            char *s = squeeze((const char *)xmlNodeGetContent(k));
            note_unit(s);
            free(s);
        } else if (is(k, "num")) {
            NumFormat f = numformat(k);
            put_number(&c->cur, squeeze((const char *)xmlNodeGetContent(k)), &f);
        } else if (is(k, "status")) {
            char *own = squeeze((const char *)xmlNodeGetContent(k));
            char key[64];
            snprintf(key, sizeof key, "status.%s", prop(k, "value"));
            puts_(&c->cur, *own ? own : word(key));
        } else if (is(k, "br")) {
            puts_(&c->cur, " ");
        } else if (is(k, "fnref") || is(k, "ref")) {
            flush(c);
        } else if (k->type == XML_ELEMENT_NODE) {
            cut_text(k, c);
        }
    }
}

/* Sentences: split after ". " where a capital letter or digit follows. */
static void sentences(const char *s)
{
    const char *start = s;
    for (const char *p = s; *p; p++)
        if ((p[0] == '.' || p[0] == '!' || p[0] == '?') && p[1] == ' ' &&
            ((p[2] >= 'A' && p[2] <= 'Z') || (unsigned char)p[2] == 0xC3)) {
            char *one = strndup(start, (size_t)(p + 1 - start));
            unit(one);
            free(one);
            start = p + 2;
        }
    if (*start)
        unit(start);
}

static void whole(const char *s) { unit(s); }

static void units(xmlNodePtr x);
static void unit_one(xmlNodePtr x);

static bool has_content(xmlNodePtr appendix)
{
    int n = 0;
    for (xmlNodePtr c = appendix->children; c; c = c->next)
        n += c->type == XML_ELEMENT_NODE;
    return n > 1;
}

/* The units of x: of its paragraphs and lists, or of its text, each
 * piece between footnotes passed to `piece` (sentences or whole). */
static void text_units(xmlNodePtr x, void (*piece)(const char *))
{
    if (has_blocks(x)) {
        units(x->children);
        return;
    }
    Cut cut = { { 0 }, piece };
    cut_text(x, &cut);
    flush(&cut);
}

typedef struct UnitCtx { Grid *g; } UnitCtx;

static void cell_unit(xmlNodePtr r, xmlNodePtr c, int col, void *ctx)
{
    UnitCtx *u = ctx;
    const char *s = plain_text(c);
    char *q = s ? squeeze(s) : NULL;
    if (q && u->g->number[col] && !label_row(r) && numfmt_is_number(q, strlen(q))) {
        Buf b = { 0 };
        put_number(&b, q, &u->g->fmt[col]);
        whole(b.p);
        return;
    }
    text_units(c, whole);
}

static void unit_one(xmlNodePtr x)
{
    {
        if (x->type != XML_ELEMENT_NODE)
            return;
        const char *n = (const char *)x->name;
        if (!strcmp(n, "p") || !strcmp(n, "heading") || !strcmp(n, "caption") ||
            !strcmp(n, "note") || !strcmp(n, "description") ||
            (!strcmp(n, "item") && x->parent && is(x->parent, "list"))) {
            text_units(x, sentences);
        } else if (!strcmp(n, "table")) {
            Grid g;
            grid_of(x, &g);
            UnitCtx u = { &g };
            for (xmlNodePtr k = x->children; k; k = k->next)
                if (is(k, "caption"))
                    unit_one(k);
            walk_cells(x, cell_unit, &u);
            for (xmlNodePtr k = x->children; k; k = k->next)
                if (is(k, "note"))
                    unit_one(k);
        } else if (!strcmp(n, "chart") || !strcmp(n, "figure")) {
            for (xmlNodePtr k = x->children; k; k = k->next)
                if (is(k, "caption")) {
                    Cut cut = { { 0 }, sentences };
                    cut_text(k, &cut);
                    flush(&cut);
                }
        } else if (!strcmp(n, "appendix") && !has_content(x)) {
            /* a separate document: only in the contents, before the body */
            in_note = true;
            units(x->children);
            in_note = false;
        } else if (!strcmp(n, "meta") || !strcmp(n, "legend") || !strcmp(n, "goal-overview")) {
            /* the cover and generated text: not sentences of the body */
        } else {
            units(x->children);
        }
    }
}

static void units(xmlNodePtr x)
{
    for (; x; x = x->next)
        unit_one(x);
}

static void outline(xmlNodePtr x, int level)
{
    for (; x; x = x->next) {
        const char *kind = is(x, "section") ? "section" : is(x, "goal") ? "goal" :
                           is(x, "appendix") ? "appendix" : NULL;
        if (!kind) {
            if (is(x, "landscape") || is(x, "appendices"))
                outline(x->children, level);
            continue;
        }
        xmlNodePtr h = x->children;
        while (h && !is(h, "heading"))
            h = h->next;
        Cut cut = { { 0 }, NULL };
        Buf b = { 0 };
        char *label = prop(x, "label");
        if (label)
            puts_(&b, label), puts_(&b, " ");
        /* the heading's text without its footnotes */
        for (xmlNodePtr k = h ? h->children : NULL; k; k = k->next)
            if (!is(k, "footnote"))
                puts_(&b, (const char *)(k->type == XML_TEXT_NODE ? k->content : xmlNodeGetContent(k)));
        (void)cut;
        printf("%d %s %s\n", level, kind, squeeze(b.p ? b.p : ""));
        outline(h ? h->next : NULL, level + 1);
    }
}

/* ---- --check ----------------------------------------------------------- */

/* Text for comparing: white space, no-break and soft hyphens left out,
 * the typographic marks rapport prints read as the straight ones the
 * author wrote (as tests/tools/sentences does). */
static char *fold(const char *s)
{
    Buf b = { 0 };
    put(&b, "", 0);
    for (const unsigned char *q = (const unsigned char *)s; *q; q++) {
        if (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r' || *q == '"' || *q == '\'')
            continue;           /* a form feed (pdftotext's page break) is kept */
        if (q[0] == 0xC2 && (q[1] == 0xA0 || q[1] == 0xAD)) {
            q++;
            continue;
        }
        if (q[0] == 0xE2 && q[1] == 0x80 && (q[2] == 0xAF || q[2] == 0x89 || q[2] == 0x9C || q[2] == 0x9D ||
                                             q[2] == 0x98 || q[2] == 0x99)) {
            q += 2;         /* narrow and thin spaces, quotes */
            continue;
        }
        if ((q[0] == 0xE2 && q[1] == 0x88 && q[2] == 0x92) ||
            (q[0] == 0xE2 && q[1] == 0x80 && (q[2] == 0x90 || q[2] == 0x93))) {
            put(&b, "-", 1);
            q += 2;
            continue;
        }
        put(&b, (const char *)q, 1);
    }
    return b.p;
}

static char *pdf_text;          /* --check: the PDF's text, folded */
static const char *cursor;      /* where the previous unit was found */
static int found, missing;

/* A unit a page break cuts in two: its first words at the end of a page
 * (before the page's footnotes and footer, at most 3000 bytes before the
 * break), the rest at the start of the next (after its running header,
 * at most 600 bytes after). Returns where the rest ends, or NULL. */
static const char *split_by_page(const char *from, const char *s)
{
    char *copy = strdup(s);
    const char *found = NULL;
    for (char *sp = strchr(copy, ' '); sp && !found; sp = strchr(sp + 1, ' ')) {
        *sp = 0;
        char *first = fold(copy), *second = fold(sp + 1);
        *sp = ' ';
        size_t n1 = strlen(first);
        for (const char *a = *first ? strstr(from, first) : NULL; a && !found; a = strstr(a + 1, first)) {
            const char *ff = strchr(a + n1, '\f');
            if (!ff || ff - (a + n1) > 3000)
                continue;
            const char *b = strstr(ff + 1, second);
            const char *next_ff = strchr(ff + 1, '\f');
            if (b && b - ff < 600 && (!next_ff || b < next_ff))
                found = b + strlen(second);
        }
        free(first);
        free(second);
    }
    free(copy);
    return found;
}

/* Units must come in the report's order (a short number in a cell is
 * looked for after the cell before it, not anywhere); a footnote's text,
 * which the PDF puts at the foot of the page, anywhere. */
static void unit(const char *s)
{
    if (!pdf_text) {
        printf("%s\n", s);
        return;
    }
    char *f = fold(s);
    const char *from = in_note ? pdf_text : cursor;
    const char *at = *f ? strstr(from, f) : from;
    const char *end = at ? at + strlen(f) : split_by_page(from, s);
    if (end) {
        found++;
        if (!in_note)
            cursor = end;
    } else {
        missing++;
        printf("%s: %s\n", strstr(pdf_text, f) ? "not in its place in the PDF" : "not in the PDF", s);
    }
    free(f);
}

/* The PDF's text, folded: from pdftotext, or the strings of `pdfinfo
 * -struct-text` (the lines in quotes). */
static void load_text(const char *path, bool struct_text)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        fprintf(stderr, "rp2json: cannot read %s\n", path);
        exit(2);
    }
    Buf all = { 0 };
    put(&all, "", 0);
    char *line = NULL;
    size_t cap = 0;
    ssize_t n;
    while ((n = getline(&line, &cap, f)) > 0) {
        char *p = line;
        while (*p == ' ')
            p++;
        char *e = line + n;
        while (e > p && (e[-1] == '\n' || e[-1] == '\r'))
            e--;
        if (!struct_text)
            put(&all, line, (size_t)n);
        else if (e - p >= 2 && *p == '"' && e[-1] == '"')
            put(&all, p + 1, (size_t)(e - p - 2));
    }
    free(line);
    fclose(f);
    pdf_text = fold(all.p);
    cursor = pdf_text;
}

int main(int argc, char **argv)
{
    int mode = 0, i = 1;
    for (; i < argc && argv[i][0] == '-'; i++) {
        if (!strcmp(argv[i], "--units"))
            mode = 1;
        else if (!strcmp(argv[i], "--outline"))
            mode = 2;
        else if (!strcmp(argv[i], "--check") && i + 1 < argc)
            mode = 1, load_text(argv[++i], true);
        else if (!strcmp(argv[i], "--check-text") && i + 1 < argc)
            mode = 1, load_text(argv[++i], false);
        else if (!strcmp(argv[i], "--rubrik"))
            rubrik = true;
        else if (!strcmp(argv[i], "--image") && i + 1 < argc)
            image = argv[++i];
    }
    if (argc - i != 2) {
        fprintf(stderr, "usage: rp2json [--units|--check-text TEXT.txt|--check STRUCT.txt|--outline] [--rubrik] [--image FILE] LAYOUT.xml REPORT.xml\n");
        return 2;
    }
    load_layout(argv[i]);
    xmlDocPtr d = xmlReadFile(argv[i + 1], NULL, XML_PARSE_NONET);
    if (!d) {
        fprintf(stderr, "rp2json: cannot read %s\n", argv[i + 1]);
        return 2;
    }
    xmlNodePtr root = xmlDocGetRootElement(d);
    char *type = prop(root, "type");
    if (type)
        report_type = type;
    if (mode == 1) {
        units(root->children);
        if (pdf_text) {
            printf("%d of %d sentences, cells and footnotes found in the PDF\n", found, found + missing);
            return missing ? 1 : 0;
        }
    }
    else if (mode == 2)
        outline(root->children, 1);
    else
        document_out(root);
    return 0;
}
