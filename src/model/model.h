/*
 * model.h - the document model: what a report says, not how it looks.
 *
 * Stage 1's output (parse/ builds it, measure/ reads it). A report is a
 * tree of Nodes in the run's arena: sections, goals and appendices hold
 * blocks (paragraphs, lists, tables, charts ...), blocks hold inline
 * nodes (text, bold, footnotes ...). Every node keeps the file, line and
 * column it was written at (a report may be written in parts, <include>),
 * so later stages can still point at the source: model_source().
 * Nothing here knows about fonts, pages or libxml2.
 *
 * Invariants once parse_report() has succeeded:
 *  1. Heading levels are 1..RP_MAX_HEADING_LEVEL; a section's level is one
 *     more than its parent's.
 *  2. Every fnref/ref has a resolved target; footnotes are numbered in
 *     document order (1, 2, ...).
 *  3. Every table's rows have been placed on a grid: cell->u.cell.col and
 *     row spans never run past the table, and table.ncols >= 1 (but in
 *     a table with no rows yet, which the parser warns about).
 *  4. Status values are indices into the layout's status vocabulary.
 *  5. A figure's image, if it has one, is decoded or checked whole
 *     (parse/image.c) and within limits.h; images are numbered
 *     0..nimages-1, one per file.
 */
#ifndef RP_MODEL_H
#define RP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

typedef enum NodeKind {
    /* structure */
    N_REPORT, N_CONTENTS, N_SECTION, N_GOAL, N_APPENDICES, N_APPENDIX,
    N_HEADING,
    /* blocks */
    N_P, N_LIST, N_ITEM, N_TABLE, N_CAPTION, N_ROW, N_CELL, N_NOTE,
    N_CHART, N_FIGURE, N_LEGEND, N_GOAL_OVERVIEW, N_PAGE_BREAK, N_LANDSCAPE,
    N_DESCRIPTION,      /* a goal's short description, under its heading */
    /* inline */
    N_TEXT, N_B, N_I, N_SUP, N_SUB, N_BR, N_NUM, N_STATUS, N_FOOTNOTE,
    N_FNREF, N_REF, N_LINK, N_NOHYPHEN,
    N_KIND_COUNT
} NodeKind;

typedef enum Align { ALIGN_DEFAULT, ALIGN_LEFT, ALIGN_RIGHT, ALIGN_CENTER } Align;

typedef enum RowRole {
    ROW_NORMAL, ROW_HEADER, ROW_GROUP, ROW_SUM, ROW_PART, ROW_SUB,
    ROW_SUBHEAD              /* a header inside the table, repeated under the header below it */
} RowRole;

typedef enum ColType { COL_TEXT, COL_NUMBER, COL_STATUS } ColType;

typedef enum ListType { LIST_BULLET, LIST_NUMBER, LIST_NONE } ListType;

typedef enum ChartType {
    CHART_LINE, CHART_BAR, CHART_STACKED_BAR, CHART_HBAR, CHART_PIE, CHART_DONUT
} ChartType;

/* A line series' dash: the report's line="...", or LINE_AUTO (none
 * given: the chart picks one no other series of it has). */
typedef enum LineStyle { LINE_AUTO, LINE_SOLID, LINE_DASHED, LINE_DOTTED } LineStyle;

typedef enum RefShow { REF_PAGE, REF_TITLE, REF_BOTH } RefShow;

/* How a number written as a number is printed (numfmt.h). */
typedef struct NumFormat {
    int         decimals;      /* -1: as many as written */
    bool        sign_always;   /* +4,4 for deviations */
    const char *unit;          /* "mnkr", "%" ... or NULL */
} NumFormat;

typedef enum WidthKind { WIDTH_AUTO, WIDTH_ABS, WIDTH_PCT, WIDTH_STAR } WidthKind;

typedef struct Column {
    WidthKind kind;
    int32_t   width;           /* ABS: millipoints; PCT: per mille; STAR: weight x1000 */
    Align     align;
    ColType   type;
    NumFormat fmt;
} Column;

typedef struct Series {
    const char *name;
    LineStyle   line;
    uint32_t    color;         /* the report's own colour (color="#RRGGBB"), if has_color */
    bool        has_color;
    double     *values;        /* ncat values (nvalues: the categories known when read) */
    bool       *present;       /* false: a gap ("-") */
    int         nvalues;       /* values[] and present[] hold this many (ncat, unless the
                                * series stood before <categories>: an error) */
    int         grouped;       /* 1 + the value of a "2 100" in it (a thousand with a space?), 0 none */
    double      grouped_as;    /* ... read as one: 2100 */
    int         at_line, at_col; /* where it stands */
} Series;

typedef struct Chart {
    ChartType   type;
    const char *alt;
    int32_t     height;        /* millipoints; 0: the layout's */
    int         ncat;
    const char **cats;
    int         nseries;
    Series     *series;
    const char *axis_title, *axis_unit;
    double      axis_min, axis_max, axis_step;
    bool        has_min, has_max, has_step;
    int         axis_decimals; /* -1: automatic */
    int         legend;        /* -1 automatic (more than one series), 0 no, 1 yes */
    bool        value_labels;  /* bars: each bar's value at its end (value-labels="yes") */
} Chart;

/* A figure's image, read and checked when the report is parsed, in the
 * form the PDF takes it: 8-bit grey or RGB samples (a PNG, decoded, its
 * transparency already laid on white paper), or the checked bytes of a
 * JPEG, which the PDF carries as they are. */
typedef enum ImageKind { IMAGE_PIXELS, IMAGE_JPEG } ImageKind;

typedef struct Image {
    ImageKind            kind;
    int                  w, h;       /* pixels */
    int                  channels;   /* 1 grey, 3 RGB */
    const unsigned char *data;       /* PIXELS: w*h*channels bytes, rows top down; JPEG: the file */
    size_t               len;
    size_t               file_len;   /* the file's bytes (PIXELS: about what they deflate to), 0 unknown */
    int                  index;      /* 0 .. Report.nimages-1: one per file, however often shown */
    const char          *path;       /* the file it was read from (--since, the output's checks) */
} Image;

typedef struct Node Node;
struct Node {
    NodeKind    kind;
    int         line, col;
    int         file;          /* the file it was written in: Report.files[file] (0: the report) */
    Node       *parent, *first, *last, *next;
    const char *text;          /* N_TEXT; N_NUM raw digits; N_STATUS override */
    size_t      len;
    const char *id;            /* id attribute, or NULL */
    union {
        struct { int level; int toc; bool new_page; int status; const char *area;
                 const char *label, *label_lang; } sec; /* SECTION GOAL APPENDIX; toc: -1 default, 0 no, 1 yes;
                                            * label: an appendix's "Bilaga 1", or NULL; label_lang:
                                            * its language where it is not the report's ("sv"), or NULL */
        struct { int levels; const char *title; } contents;
        struct { const char *title; } appendices;
        struct { ListType type; bool paren; int start; } list;
        struct { int ncols, nrows; Column *cols; bool small, size_given;
                 const char *src; char sep; } table; /* size_given: font-size was written (else
                                                      * measure may set it small: table.c);
                                                      * src: the CSV its rows were read from (resolved), or
                                                      * NULL; sep: its separator */
        struct { RowRole role; int index; bool sum_above;
                 const char *src; } row;   /* src: the CSV file it was read from (<table src>),
                                            * its line and column there the node's line and
                                            * field; NULL: written in the report */
        struct { int colspan, rowspan, col; Align align; int status; } cell;
        struct { NumFormat fmt; } num;
        struct { int status; } status;
        struct { int number; const Node *target; } fn;      /* FOOTNOTE: number; FNREF: target */
        struct { const Node *target; RefShow show; } ref;
        struct { const char *href; } link;
        struct { const char *lang; } span;  /* B I NOHYPHEN: xml:lang of another language, or NULL */
        struct { Chart *chart; } chart;
        struct { const Image *image; const char *alt; int32_t width; WidthKind wkind; } figure;
        struct { const char *title; bool activity; } legend;
        struct { const char *title; } overview;
        /* TEXT: where folding white space moved the text against the
         * source: from folded byte nl_pos[k] on, the text stands
         * nl_line[k] lines below the node's line, from column nl_col[k]
         * (0: unknown), for messages about its characters */
        struct { const int32_t *nl_pos, *nl_line, *nl_col; int nnl; } text;
    } u;
};

/* The fields of <meta>, for positions (Meta.line, Meta.col). */
enum { META_TITLE, META_SUBTITLE, META_ORGANISATION, META_DEPARTMENT, META_DATE, META_REFERENCE,
       META_RUNNING_TITLE, META_AUTHOR, META_KEYWORDS, META_FIELDS };

typedef struct Meta {
    const char *title, *subtitle, *organisation, *department;
    const char *date, *reference, *running_title, *author, *keywords;
    int         line[META_FIELDS], col[META_FIELDS];   /* where each is written; 0 unknown */
} Meta;

typedef struct Report {
    Node       *root;          /* N_REPORT */
    Meta        meta;
    const char *type;          /* "verksamhetsberattelse" ... */
    const char *layout_name;   /* as written in the report, or NULL */
    const char *lang;
    const char *file;          /* the path errors are reported against */
    const char **files;        /* every file it is written in: files[0] the report, then
                                * its parts (<include>) in the order they were read */
    int         nfiles;
    int         nfootnotes;
    int         ngoals;
    int         nheadings;
    int         nimages;       /* distinct images the figures show */
    unsigned char id[16];      /* a hash of the input: the PDF's document ID */
} Report;

/* Append `child` as the last child of `parent`. */
void model_append(Node *parent, Node *child);

/* The heading child of a section, goal or appendix (NULL if none). */
Node *model_heading(const Node *sec);

/* What titles t for a <ref show="title">: a section's, goal's or
 * appendix's heading, a table's, chart's or figure's caption; NULL if it
 * has none (a list, a paragraph, a footnote, a table without caption). */
Node *model_title_node(const Node *t);

/* The figure a table cell holds: its one text (or <num>), which footnote
 * marks may follow ("9.4<footnote>...</footnote>": the mark is printed
 * after the figure in the column's format); NULL if it holds anything
 * else. Whether the text is a number is the caller's to ask. */
const Node *model_cell_figure(const Node *cell);

/* The plain text of an inline subtree (footnotes left out), appended to
 * buf[0..cap) with NUL; returns the length it would have. */
size_t model_plain_text(const Node *n, char *buf, size_t cap);

/* The file node `n` was read from, for messages about it: the CSV of
 * the table row it stands in (Node.u.row.src), else the report's file
 * or the part it was written in (Node.file). Its line and column are
 * the node's. */
const char *model_source(const Node *n, const Report *rep);

/* Name of a node kind as written in the XML ("section", "p" ...). */
const char *model_kind_name(NodeKind k);

/* Assert the invariants above of a report parse_report() has accepted,
 * its layout having `nstatuses` statuses. Reads the tree only, once. */
void model_check(const Report *rep, int nstatuses);

/*
 * Nodes made in code, not read from a report: the goal overview and a
 * chart's values are tables like the report's own, built here so that
 * they hold what parse_report() promises of a table (invariant 3: every
 * cell on the grid, rows numbered in order). `at` is the report's node
 * they stand for, whose line and column messages about them name (NULL:
 * none). All in the arena `a`; strings are not copied.
 */
struct Arena;

/* A node of `kind`, the last child of `parent` (unless NULL). */
Node *model_new(struct Arena *a, NodeKind kind, Node *parent, const Node *at);

/* A text node holding `s`, the last child of `parent`. */
Node *model_new_text(struct Arena *a, Node *parent, const char *s, const Node *at);

/* A table of `ncols` columns (text, automatic width, numbers printed as
 * written: the caller sets what differs) and no rows yet. */
Node *model_new_table(struct Arena *a, int ncols, const Node *at);

/* A row of `role` at the end of table `t`: the next index, t's nrows one
 * more. */
Node *model_new_row(struct Arena *a, Node *t, RowRole role, const Node *at);

/* A cell in column `col` of row `r`, one column and row wide, no status,
 * holding the text `s` (even ""), or nothing if `s` is NULL. */
Node *model_new_cell(struct Arena *a, Node *r, int col, const char *s, const Node *at);

#endif
