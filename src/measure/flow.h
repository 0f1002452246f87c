/*
 * flow.h - stage 2's output: the report as a flow of measured boxes.
 *
 * measure_document() turns the model into a flat list of Boxes, each a
 * horizontal slice of the text column (a line of text, a table row, a
 * chart, a rule) with its height, the space above it, whether a page may
 * break after it, and a display list of Ops positioned inside it.
 * Pagination (paginate/) only stacks boxes; drawing (draw/) only replays
 * ops. Footnote bodies are boxes of their own, kept apart and attached to
 * the boxes that carry their marks. Anchors are the places a link, the
 * table of contents, the outline or a cross-reference can point to.
 *
 * Invariants:
 *  1. Every box fits the text width; its ops stay within 0..width and
 *     0..h (a text baseline at most h).
 *  2. Op coordinates are millipoints from the box's top-left corner, y
 *     growing downwards.
 *  3. A box with BOX_KEEP flags never forms a chain longer than a page
 *     except through content that cannot be split (pagination then
 *     breaks the chain and says so).
 */
#ifndef RP_FLOW_H
#define RP_FLOW_H

#include <stdbool.h>
#include <stdint.h>
#include "../model/layout.h"
#include "../model/model.h"
#include "font.h"

typedef enum OpKind {
    OP_TEXT,      /* s[0..len) in face/size/color, baseline at y */
    OP_RULE,      /* horizontal line: x..x+w at y, thickness h */
    OP_RECT,      /* filled rectangle x,y,w,h (stroke only if `stroke`) */
    OP_MARKER,    /* status marker `shape`, size w, centred on x+w/2, y+h/2 */
    OP_PATH,      /* polyline pts (x,y pairs), line width w, dash, or filled polygon */
    OP_PAGENUM,   /* the page number of `anchor`, w wide as measured; right-aligned at x if `right` */
    OP_LINK,      /* clickable area x,y,w,h to `anchor` (or `uri`) */
    OP_IMAGE,     /* `image` scaled into x,y,w,h */
} OpKind;

/* A PATH's dash (Op.dash): on and off lengths in pt, in turn, a 0
 * ending them; pattern 0 is solid. A line chart gives each series one
 * of its own, so lines that print as the same grey still differ. */
enum { OP_DASHES = 8 };
static const unsigned char op_dash_pattern[OP_DASHES][7] = {
    { 0 },                          /* solid */
    { 5, 3, 0 },                    /* dashed */
    { 1, 2, 0 },                    /* dotted */
    { 6, 2, 1, 2, 0 },              /* dash-dot */
    { 10, 3, 0 },                   /* long-dash */
    { 6, 2, 1, 2, 1, 2, 0 },        /* dash-dot-dot */
    { 3, 2, 0 },                    /* short-dash */
    { 10, 2, 2, 2, 0 },             /* long-dash-dot */
};
static const char *const op_dash_name[OP_DASHES] = {
    "solid", "dashed", "dotted", "dash-dot", "long-dash", "dash-dot-dot", "short-dash", "long-dash-dot",
};

/* How a text that ends a line reads on (copy-paste, screen readers):
 * the line break is only the layout's, the text goes on. */
typedef enum OpTail {
    TAIL_NONE,      /* the paragraph ends here, or the line ends in a hard hyphen */
    TAIL_SPACE,     /* a word space: the line broke at a space */
    TAIL_HYPHEN,    /* its last character is a hyphen hyphenation added: read as nothing */
} OpTail;

/* An op is what the draw stage draws: 80 bytes, as a 200-page report
 * holds some 50 000 of them (the fields are ordered by size, the three
 * pointers that belong to one kind each share a place). */
typedef struct Op {
    int32_t     x, y, w, h;
    uint32_t    color;
    int32_t     size;       /* TEXT, PAGENUM; MARKER that reads as words: their size */
    const char *s;          /* TEXT; MARKER: what it reads as (drawn unseen in `face` and
                             * `size`, squeezed to the marker's width: pdf.c) */
    union {
        const char    *uri;     /* LINK to the web */
        const char    *lang;    /* TEXT in another language: its tag (measure only, for its Span) */
        const int32_t *pts;     /* PATH */
        const Image   *image;   /* IMAGE */
    };
    int         len;        /* TEXT: bytes of s; MARKER that reads as words: the gap after it
                             * to the words on its line, 0 none */
    int         anchor;     /* PAGENUM, LINK; -1 none */
    int         npts;
    int         note;       /* TEXT: the footnote number this mark refers to, 0 */
    int         se;         /* structure element: 0 the box's, SE_ARTIFACT none, >0 this one */
    int         link_group; /* text and annotation of one link share it (measure only) */
    int16_t     face;       /* TEXT, PAGENUM; MARKER that reads as words */
    int16_t     shape;      /* MARKER */
    /* PAGENUM in a line of text: measured as three digits, it is set as
     * wide as its page's number once pages are known, and the ops of its
     * line before it (line_before of them) and after it (line_after)
     * move to close the gap as the line's alignment (Align) asks */
    int16_t     line_before, line_after;
    uint8_t     kind;       /* OpKind */
    int8_t      line_align;
    int8_t      dash;       /* PATH: op_dash_pattern's index, 0 solid */
    int8_t      tail;       /* TEXT: what a reader gets after it at a line end (OpTail) */
    bool        fill : 1;     /* PATH: filled polygon */
    bool        stroke : 1;   /* RECT: outline only */
    bool        right : 1;    /* PAGENUM: right-aligned */
    bool        eol : 1;      /* TEXT: it ends a line that is not its paragraph's last */
    bool        in_chart : 1; /* MARKER: a data point of a chart, not a status */
    bool        sup : 1;      /* TEXT: raised (<sup>), read as superscript where Unicode has it */
    bool        sub : 1;      /* TEXT: lowered (<sub>), read as subscript where Unicode has it */
} Op;

_Static_assert(sizeof(Op) <= 80, "an op stays small: the pages hold tens of thousands");

/* Structure elements (the tagged PDF's logical tree), made by measure in
 * reading order; draw turns them into the StructTreeRoot. */
typedef enum SeType {
    SE_DOCUMENT, SE_H1, SE_H2, SE_H3, SE_H4, SE_H5, SE_H6, SE_P, SE_L, SE_LI, SE_LBL,
    SE_LBODY, SE_TABLE, SE_THEAD, SE_TBODY, SE_TR, SE_TH, SE_TD, SE_NOTE, SE_LINK,
    SE_TOC, SE_TOCI, SE_FIGURE, SE_CAPTION, SE_SPAN, SE_SECT, SE_REFERENCE,
    SE_TYPE_COUNT
} SeType;

#define SE_ARTIFACT (-1)
#define SE_LINK_PENDING (-2)   /* measure's own: a link whose element is made with its block */
#define SE_SPAN_PENDING (-3)   /* measure's own: text in another language, as SE_LINK_PENDING */

typedef struct StructElem {
    const char *alt;        /* Figure: its text alternative */
    const int  *headers;    /* TH/TD of a table with headers on several levels: */
    int         nheaders;   /*   the header cells (elements) that head it */
    int         parent;     /* index; -1 for the document */
    int         rowspan;
    int         after;      /* >0: read right after this sibling (a Note of a header
                             * cell's mark, after its Table), not where first drawn;
                             * a Table: its notes' last P, which such a Note follows */
    int16_t     type;       /* SeType */
    int16_t     scope;      /* TH: 1 Column, 2 Row, 3 Both */
    int16_t     colspan;    /* at most RP_MAX_TABLE_COLUMNS */
    bool        has_id;     /* named by another element's headers: gets an /ID */
    int8_t      numbering;  /* L: its labels, a ListType + 1 (0: none given) */
    const char *lang;       /* Span: the language of its text (/Lang), NULL: the document's */
} StructElem;

enum {
    BOX_KEEP_NEXT  = 1 << 0,  /* no page break between this box and the next */
    BOX_NEW_PAGE   = 1 << 1,  /* start a new page before this box */
    BOX_HEAD_ROW   = 1 << 2,  /* a table header row: repeated on continued pages */
    BOX_TABLE_ROW  = 1 << 3,  /* a body row of table `table` */
    BOX_FULL_PAGE  = 1 << 4,  /* the cover: ops in page coordinates, no header/footer */
    BOX_NO_NUMBER  = 1 << 5,  /* the page carrying it shows no header/footer */
    BOX_LANDSCAPE  = 1 << 6,  /* belongs on a landscape page */
    BOX_SUBHEAD    = 1 << 7,  /* a header row inside a table: repeated under its header rows */
    BOX_KEEP_SOFT  = 1 << 8,  /* its BOX_KEEP_NEXT is a short table's, kept whole: a page may end
                               * here rather than be left much emptier (paginate.c) */
    BOX_AGAIN      = 1 << 9,  /* a spanning cell's text drawn again over a row (`again`) */
};

typedef struct Box {
    int32_t  h;            /* height */
    int32_t  before;       /* space above; dropped at the top of a page */
    uint16_t flags;
    int      table;        /* table number for header repetition, -1 */
    Op      *ops;
    int      nops;
    int      note_first;   /* footnotes marked in this box: flow->box_notes[note_first..+nnotes) */
    int      nnotes;
    int      se;           /* the structure element its ops belong to (0: Document) */
    int      note;         /* a line of footnote number `note` (in Flow.note_boxes), 0 */
    bool     note_start;   /* ... its first line */
    int      sub;          /* a table row under a subheader row: that row's box is `sub` boxes back; 0 */
    int      group;        /* ... in a group (under a group row, up to its sum): that row's box, as `sub` */
    const Op *again;       /* a table row in the rows a cell spans from above: that cell's text, */
    int      nagain;       /*   drawn again where a page begins with the row (paginate.c), */
    int32_t  again_h;      /*   this high (in the rows below too, which leave the column empty) */
} Box;

typedef struct Anchor {
    const char *id;        /* the element's id, or NULL */
    const char *title;     /* plain text (headings) */
    const Node *sec;       /* the heading's section, goal or appendix, or NULL */
    int         level;     /* heading level 1..5; 0: not a heading */
    bool        in_toc;
    bool        outline;   /* a bookmark: headings of the contents' levels, appendices */
    bool        appendix;
    int         box;       /* index into Flow.boxes */
    int32_t     y;         /* top within that box */
    int         note;      /* a footnote's number: the anchor is where its text starts */
} Anchor;

typedef struct Note {
    int      number;
    int      first;        /* Flow.note_boxes[first..first+n) */
    int      n;
} Note;

/* Face index of family f, variant v. The fallback font's variants come
 * after the layout's families. */
#define FACE(f, v) ((int16_t)((f) * 4 + (v)))
#define FACE_FALLBACK(v) FACE(RP_MAX_FONT_FAMILIES, v)
#define FACE_COUNT ((RP_MAX_FONT_FAMILIES + 1) * 4)

typedef struct Flow {
    const Layout *layout;
    const Report *report;
    Meta        meta;      /* the report's, its words as printed (Swedish quotes and dashes):
                            * for the running header and footer and the document's properties */
    Font       *faces[FACE_COUNT];  /* NULL: a fallback face not needed (or not loadable) */
    int32_t     width;     /* text column width */
    Box        *boxes;
    int         nboxes;
    Anchor     *anchors;
    int         nanchors;
    int        *headings;  /* the anchors of headings and appendices in document
                            * order, for the contents and the outline (anchors
                            * are numbered as they are first named: a <ref>
                            * before its target names it early) */
    int         nheadings;
    Note       *notes;     /* index = footnote number - 1 */
    int         nnotes;
    Box        *note_boxes;
    int         nnote_boxes;
    int        *box_notes; /* footnote numbers (1-based), see Box.note_first */
    int         nbox_notes;
    int         ntables;
    StructElem *se;           /* se[0] is the Document */
    int         nse;
    int        *table_head;   /* per table: index of its first header-row box, -1 */
    int        *table_nhead;  /* per table: how many header-row boxes */
    Box        *table_cont;   /* per table: its caption with "(forts.)" for the pages it goes on to; h 0: none */
    int        *table_cap;    /* per table: the index of its caption's (first) box, -1 */
} Flow;


/*
 * Stage 2: measure the report with the layout. Loads the fonts, breaks
 * every paragraph into lines, lays out tables, lists, charts, the cover
 * and the table of contents. Never fails on a valid report (over-long
 * words are split, over-wide tables shrunk, each with a warning); returns
 * NULL only if a font cannot be loaded (an error in rp->diags).
 */
Flow *measure_document(Rp *rp, const Report *rep, const Layout *lay);

/* Assert the flow's invariants (flow.c): every index inside its array,
 * the structure tree made parents first, every link with its element.
 * Reads the flow only; measure_document calls it on what it returns. */
void flow_check(const Flow *f);

/* The faces of the layout's families (faces[FACE(family, variant)]),
 * from the engine if it has them: 0, or -1 with an error in rp->diags. */
int measure_load_fonts(Rp *rp, const Layout *lay, Font **faces);

struct Hyphenator;
/* The layout's hyphenation patterns, from the engine if it has them;
 * NULL if it names none or they cannot be read. */
struct Hyphenator *measure_hyphenator(Rp *rp, const Layout *lay);

#endif
