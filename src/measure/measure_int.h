/*
 * measure_int.h - what the measure stage's files share among themselves
 * (not for other stages: they see flow.h).
 *
 * The files, each calling only those below it:
 *   measure.c   the block walker and the driver (measure_document)
 *   table.c, chart.c, overview.c, front.c   tables, charts, the goal
 *               overview, the cover and contents (chart.c and overview.c
 *               lay their tables out with table.c)
 *   cellblock.c a table cell's paragraphs and lists, as lines and list parts
 *   build.c     boxes, lines, structure elements, ops
 *   text.c      inline content into lines (pieces -> items -> breaks -> ops)
 *   title.c     the plain titles of headings
 * and below them the leaves: font.c, hyphen.c, compound.c, typo.c,
 * linebreak.c, colwidth.c.
 */
#ifndef RP_MEASURE_INT_H
#define RP_MEASURE_INT_H

#include "flow.h"
#include "hyphen.h"
#include "linebreak.h"
#include "colwidth.h"
#include "../base/map.h"

/* A run of inline content with one look. */
typedef struct Piece {
    const char *s;
    int         len;
    int16_t     face;
    int32_t     size;
    int32_t     rise;          /* baseline shift upwards (superscript > 0) */
    uint32_t    color;
    int         anchor;        /* link target anchor, -1 */
    const char *uri;           /* web link */
    int         note;          /* footnote number this mark refers to, 0 */
    int16_t     marker;        /* status shape + 1, 0: none */
    const char *speak;         /* marker: the status word a screen reader says (no word beside it) */
    uint32_t    marker_color;
    int         pagenum;       /* anchor whose page number this piece shows, -1 */
    bool        br;            /* forced line break */
    bool        nohyphen;      /* <nohyphen>: its words are not hyphenated */
    bool        cell;          /* in a table's cell (text_bound_space_in) */
    int8_t      prefer;        /* a line ending at its first space is preferred: 1 much
                                * (a goal's status after its name and dash: PREFER_BREAK),
                                * 2 less (before the dash, where that will not fit), 3
                                * it is forced (the name and dash fill a line of their own) */
    const char *lang;          /* xml:lang of another language than the report's, or NULL */
} Piece;

typedef VEC(Piece) Pieces;
typedef VEC(Op) OpVec;

/* A typeset line: ops relative to the line's top-left. */
typedef struct Line {
    Op      *ops;
    int      nops;
    int32_t  h;                /* line height (leading) */
    int32_t  width;            /* natural width of the content */
    int     *notes;            /* footnote numbers marked on this line */
    int      nnotes;
} Line;

typedef struct Lines {
    Line *v;
    int   n;
} Lines;

struct Tables;

/*
 * The measure stage's run context, one per document. Grouped by who
 * writes each field; what a group's owner writes, the others only read.
 */
typedef struct M {
    /* the run and its pages: set by measure.c (measure_document; text_h
     * and landscape around a <landscape> block), read by all */
    Rp           *rp;
    const Report *rep;
    const Layout *lay;
    Flow         *flow;
    int32_t       text_h;          /* height of the text area of the current pages */
    bool          landscape;       /* measuring a <landscape> block */
    const Node   *turned_heading;  /* a section whose heading the next <landscape> block sets first */
    const Node   *turned_lead;     /* ... and the blocks from this one to it (turned_start) */
    int           toc_levels;      /* heading levels the contents list */
    int          *note_label;      /* per footnote: the number printed (per chapter or not) */

    /* text.c's: hyphenation, the glyphs found missing */
    Hyphenator   *hyph;
    struct Ahead *ahead;           /* words shaped and hyphenated on a second core (ahead.h), or NULL */
    struct HyphSlot *hcache;       /* words hyphenated so far, by their bytes */
    Map           hyph_except;     /* the layout's <hyphenation><word>s, lower case */
    bool          hyph_except_made;
    size_t        hcache_cap, hcache_n;
    Map           missing;         /* characters reported without a glyph */
    Map           names;           /* words in capitals inside a sentence: names (text_find_names) */
    uint8_t       fallback_failed; /* variants of the fallback font that did not load (bits) */

    /* the anchors: made by text.c (anchor_for), titled by measure.c
     * (headings), put on their boxes by build.c (place_anchor, new_box) */
    VEC(Anchor)   anchors;
    Map           node_anchor;     /* node -> anchor number + 1, for refs and links */

    /* build.c's: the flow being built (build.c's design notes). Only
     * build.c writes placing, pending_flags and the label; the
     * measurers also set cur_se, container and pending_after */
    VEC(Box)      boxes;
    VEC(int)      box_notes;       /* footnotes marked, per box (Box.note_first) */
    VEC(StructElem) se;            /* the structure tree, in reading order */
    int           cur_se;          /* element new boxes belong to */
    int           container;       /* element new blocks go into (Document, LBody) */
    VEC(int)      placing;         /* anchors to place on the next box (place_anchor) */
    int32_t       pending_after;   /* space owed after the last block */
    int           list_depth;      /* lists open around what is measured (list()) */
    uint16_t      pending_flags;   /* flags for the next box (new_page_next) */
    Op            label;           /* a list label waiting for its first line (hang_label) */
    bool          label_waiting;

    /* measure.c's: what the block walker collects for the flow */
    VEC(int)      headings;        /* heading anchors in document order (a forward <ref>
                                    * creates its target's anchor early) */
    VEC(Box)      note_boxes;      /* the footnotes' lines (measure_notes) */

    /* table.c's own: the grids, what the flow keeps per table */
    struct Tables *tables;
    Map           tables_small;    /* tables rapport set small: node -> itself (table_small) */

    /* text.c's scratch for line breaking, grown as needed */
    LbItem       *items;
    int          *iref;            /* per item: piece index */
    int          *ioff, *ilen;     /* per item: byte range in the piece */
    int           items_cap;
    int          *breaks;
    int64_t      *scratch;
    char         *sbuf;            /* string building */
    size_t        sbuf_cap;
} M;

/* ---- text.c ---- */

/* A letter as hyphenation sees them: a-z, A-Z and the Latin-1 letters;
 * and a capital among them. */
static inline bool text_letter(uint32_t c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xFF && c != 0xD7 && c != 0xF7);
}

static inline bool text_upper(uint32_t c) { return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7); }

/* Where words may be hyphenated. */
typedef enum Hyph {
    HYPH_ALWAYS,        /* at every hyphenation point (running text) */
    HYPH_IF_NEEDED,     /* only in a word wider than the line (table cells) */
    HYPH_HARD,          /* never, but after a hard hyphen between letters, "Budget-/avvikelse" (header cells) */
    HYPH_JOINTS,        /* as HYPH_HARD, and at compounds' joints: "Verksamhets-/bidrag" (header cells of a
                         * table that cannot hold their words whole) */
    HYPH_NEVER,         /* never, nor after a hard hyphen: breaks at spaces and slashes (headings) */
} Hyph;

/* Append the pieces of the inline children of `parent` in style `st`
 * (variant added to the style's own). They are one block (a paragraph,
 * list item, cell, heading) for the layout's typographic punctuation
 * (typo.h): "Viktigt" prints as ”Viktigt” also across <b> and <i>. */
void text_pieces(M *m, const Node *parent, const Style *st, Pieces *out);

/* The layout's word for status `status` ("Pågår"). */
/* The word the page prints for status `status` in this report, and (lang
 * not NULL) the language to say it in: NULL the report's (text_word). */
const char *text_status_word(M *m, int status, const char **lang);

/* Whether text s says `word`, in either case. */
bool text_mentions(const char *s, const char *word);

/* What a status marker reads as beside the words `beside`: its status's
 * word and a colon ("Ej uppfyllt: "), or NULL where they say it. */
const char *text_marker_speech(M *m, int status, const char *beside);

/* Characters of the report's fields that the running header or footer
 * print and its face lacks: errors at the fields' elements. */
void text_check_furniture(M *m);
/* The words the report writes with a capital inside a sentence ("på
 * Kulturskolan"): names, not hyphenated where a sentence begins with
 * them either ("Kulturskolans kö", not "Kultur-/skolans"). */
void text_find_names(M *m, const Node *root);

/* A text op: s[0..len) in `face` at `size` and `color`, its width
 * measured, at 0,0 in the box's element, linking nowhere. */
Op op_text(M *m, const char *s, int len, int16_t face, int32_t size, uint32_t color);

/* Append a plain string as one piece in style `st` with `variant`, with
 * the layout's typographic punctuation (a block of its own). */
/* Whether piece p, before `next` (NULL: none), is the comma push_mark()
 * sets between two footnote marks ("¹,²"): one of the marks' run. */
static inline bool text_mark_comma(const Piece *p, const Piece *next)
{
    return next && next->note && p->len == 1 && p->s[0] == ',';
}
void text_piece_str(M *m, const char *s, const Style *st, int variant, Pieces *out);
/* The same for a word of the layout's ("Innehåll", a status's word),
 * marked as Swedish where the report is in another language. */
void text_layout_str(M *m, const char *s, const Style *st, int variant, Pieces *out);
/* "sv" where the report's language is another, else NULL. */
const char *text_layout_lang(const M *m);
/* A text node of the layout's words s under parent, built as the model's
 * are (a goal overview's, a chart's table of values): in a report of
 * another language inside a span of theirs (text_layout_lang). */
Node *text_layout_node(M *m, Node *parent, const char *s, const Node *at);
/* The layout's word for `key` in this report's type and language
 * (layout_word), `fallback` (Swedish) if it has none; *lang (if not NULL)
 * the language to say it in: NULL where it is the report's. */
const char *text_word(M *m, const char *key, const char *fallback, const char **lang);
/* text_layout_node and text_layout_str of text in language `lang` (NULL:
 * the report's), and of the layout's word for `key`, in its language. */
Node *text_lang_node(M *m, Node *parent, const char *s, const char *lang, const Node *at);
Node *text_word_node(M *m, Node *parent, const char *key, const char *fallback, const Node *at);
void text_lang_str(M *m, const char *s, const char *lang, const Style *st, int variant, Pieces *out);
/* The text of node n, or the string s, as it is printed, for the
 * contents, bookmarks, references and the document's properties: its
 * figures formatted ("1 877,0 mnkr"), Swedish quotes and dashes, no
 * footnote mark, status marker or reference (a heading may refer to
 * itself). In the arena. */
const char *text_printed(M *m, const Node *n);
const char *text_printed_str(M *m, const char *s);

/* Break pieces into lines of `width`. */
Lines text_break(M *m, const Piece *p, int np, const Style *st, int32_t width,
                 Align align, bool justify);

/* A heading's lines: never hyphenated, as few as it takes, of even
 * length ("Kommunövergripande mål med | nämndmål och nämndindikatorer"). */
Lines text_break_heading(M *m, const Piece *p, int np, const Style *st, int32_t width, Align align);
/* A word of block n's that lines ls split where a line ended, without
 * a hyphen (wider than the line: a pasted address), said at n. */
void say_chopped(M *m, const Node *n, const Lines *ls);
/* A cover's title or subtitle: as a heading, and a line ending in a
 * small word ("Delårsrapport per") costs more. */
Lines text_break_display(M *m, const Piece *p, int np, const Style *st, int32_t width, Align align);

/* Break a table cell: the fewest lines, then the least ragged, and
 * hyphenated as `hyph` allows. */
Lines text_break_cell(M *m, const Piece *p, int np, const Style *st, int32_t width,
                      Align align, Hyph hyph);
/* The same at the least cost, not in the fewest lines: for a cell whose
 * row is taller than its lines (a compound broken at its joint in three
 * lines rather than inside a part in two). */
Lines text_break_cell_best(M *m, const Piece *p, int np, const Style *st, int32_t width, Align align, Hyph hyph);

/* The pieces as segments between the break chances `hyph` allows,
 * without hyphenation points (colwidth.h), into *out (malloc'd: the
 * caller frees it); returns how many. Words that hang right of a status
 * marker are segmented without it: each of their lines is text_hang()
 * narrower. */
int text_segments(M *m, const Piece *p, int np, Hyph hyph, CwSeg **out);

/* s[0..n) in lower case (A-Z and the Latin-1 capitals: Å Ä Ö É), into
 * out (cap bytes, ended). */
void text_lower_into(const char *s, size_t n, char *out, size_t cap);

/* Where the footnote marks that end ps[0..n) begin (n if none). */
int text_marks_at(const Piece *ps, int n);

/* How far right of a status marker the words after it hang, on every
 * line of them ("▲ Uppfylls delvis per / helår"); 0 if they do not. */
int32_t text_hang(const Piece *p, int np);

/* Natural width of the pieces on one line; the widest word (the
 * narrowest a column can get without splitting a word); the narrowest it
 * can get with each word hyphenated at most once; and the widest piece
 * of a word between hyphenation points, hyphen included (the narrowest
 * it can get with hyphenation). */
void text_widths(M *m, const Piece *p, int np, int32_t *natural, int32_t *min_word,
                 int32_t *min_once, int32_t *min_hyph);
/* The narrowest it can get with each word hyphenated at most once, and
 * a compound only at one of its joints ("Samhällsbyggnads-/
 * förvaltningen"): the shortest table's words broken once
 * (SHORTEST_BODY_ONCE). */
int32_t text_min_once_joint(M *m, const Piece *p, int np);

/* How far a status marker at font size `size` moves the text after it. */
int32_t marker_advance(int32_t size);

/* The anchor of a node (creating it if needed). */
int anchor_for(M *m, const Node *n);

/* Baseline of a line of style st from the line's top. */
int32_t text_baseline(const M *m, const Style *st);

/* ---- title.c (calls nothing else of measure/) ---- */

/* The plain title of a section, goal or appendix, for the contents, the
 * bookmarks and <ref show="title">: an appendix's label ("Bilaga 1", its
 * spaces no-break), a space, its heading. In the run's arena. */
const char *heading_title(M *m, const Node *sec);

/* An appendix's label ("Bilaga 1") with no-break spaces, so it never
 * breaks inside, or NULL. */
const char *heading_label(M *m, const Node *sec);

/* The title of section, goal or appendix sec as pieces, for the contents:
 * its label in its language, its words as printed, each part of another
 * language (xml:lang) a Span of it (text.c). */
void text_heading_pieces(M *m, const Node *sec, const Style *st, Pieces *out);

/* ---- build.c (calls text.c only; see its design notes) ---- */

/* A new structure element of `type` under `parent`; returns its index. */
int se_new(M *m, SeType type, int parent);

/* Give the links among ops (se == SE_LINK_PENDING, grouped by
 * link_group) Link elements under `parent`. `run` carries the last one
 * from a line to the next of the same block (zeroed at its start): a
 * link that wraps is one Link, its word hyphenated at the wrap one
 * word, as a contents entry is. */
/* The element for text of language `lang` (NULL: the report's) in
 * element parent: parent where it is of parent's language, else a Span
 * of lang in it, *span, kept for the words after it of that language
 * (0: none yet). Words of another language than their link's ("Mål: Mer
 * open data", a contents entry of a heading with xml:lang). */
int se_lang_child(M *m, int parent, const char *lang, int *span);

typedef struct LinkRun {
    int group, kind, se, parent;
    int span;                   /* in a Link, the Span of the words of another language than its, 0: none */
} LinkRun;
void se_links(M *m, Op *ops, int n, int parent, LinkRun *run);

/* Emit lines as boxes: indent x, space before the first, keep rules.
 * keep_all: no break inside or after (headings). The lines' ops become
 * the boxes' (moved by x): the lines are spent. */
void emit_lines(M *m, const Lines *ls, int32_t x, int32_t before, bool keep_all);

/* Emit the caption `cap` of a table or chart as a Caption element under
 * `parent` (-1: as a paragraph of the container, for what is no table to
 * a screen reader), kept with what follows; returns its pieces. */
Pieces emit_caption(M *m, const Node *cap, int parent, int32_t indent, int32_t width);

/* Emit the <note>s among the children of `parent` (a table or chart)
 * as paragraphs in the table-note style, the first kept with the box
 * before it. Returns whether there were any. */
bool emit_notes(M *m, const Node *parent, int32_t indent, int32_t width);

/* Hang `label` (a list item's bullet or number, in the coordinates of
 * the item's first line) before the first line emit_lines makes next;
 * drop_label forgets one that no line took. */
void hang_label(M *m, Op label);
void drop_label(M *m);

/* Anchor number `anchor` (anchor_for) stands at the top of the next box
 * made. */
void place_anchor(M *m, int anchor);
/* Anchors still waiting when the body ends (an empty last paragraph
 * with an id) stand at the end of its last box, not on the next box
 * made, which would be the front matter's. */
void anchors_at_end(M *m);

/* The next box made starts a new page. */
void new_page_next(M *m);

/* Start a new box at the end of the flow and return it. */
Box *new_box(M *m, int32_t h, int32_t before);

/* Append a horizontal rule (thickness th) or a filled rectangle. */
void op_push_rule(M *m, OpVec *ops, int32_t x, int32_t y, int32_t w, int32_t th, uint32_t color);
void op_push_rect(M *m, OpVec *ops, int32_t x, int32_t y, int32_t w, int32_t h, uint32_t color);

/* Copy ops into the arena, shifted by dx, dy. */
Op *ops_copy(M *m, const Op *src, int n, int32_t dx, int32_t dy);

/* ---- cellblock.c (calls build.c and text.c; called by table.c) ---- */

/* A table cell's blocks as lines, with the parts of its lists (see
 * cellblock.c): per line the part its text belongs to (-1: the cell)
 * and the part of the label that is its ops[0] (-1: none); per part its
 * type (SE_L, SE_LI, SE_LBL, SE_LBODY) and its parent (-1: the cell). */
typedef struct CellBlocks {
    Lines    lines;
    int     *line_part;
    int     *line_label;
    int16_t *part_type;
    int     *part_parent;
    int8_t  *part_numbering;   /* an L's numbering (StructElem's), 0 */
    int      nparts;
} CellBlocks;

/* Whether the cell's content is blocks among which is a list. */
bool cell_has_list(const Node *cell);

/* The cell's blocks broken at `width` in style st, as `hyph` allows. */
CellBlocks cell_blocks(M *m, const Node *cell, const Style *st, int32_t width, Align align, Hyph hyph);

/* ---- table.c, chart.c, overview.c, front.c (call build.c and text.c;
 * chart.c and overview.c call table.c) ---- */
void measure_table(M *m, const Node *t, int32_t indent, int32_t width);

/* Find the runs of consecutive tables in the report with the same
 * columns and header rows: each run shares one grid of column widths.
 * Called once, before any table is measured. */
void table_grids(M *m, const Node *root);

/* What the flow keeps per table measured (Flow.ntables, table_head,
 * table_nhead, table_cont, table_cap), its box indices moved by `shift`
 * (the front matter put before the body). */
void table_flow(M *m, Flow *f, int shift);

void measure_chart(M *m, const Node *n, int32_t indent, int32_t width);

void measure_overview(M *m, const Node *ov, int32_t indent, int32_t width);

/* The cover and the contents: boxes placed before the body. */
void measure_front(M *m, int32_t width, Box **out, int *nout);

/* ---- measure.c (the block walker and the driver: calls all the above,
 * is called by none of them) ---- */

/* Measure the blocks among the children of `parent`. */
void measure_blocks(M *m, const Node *parent, int32_t indent, int32_t width);

#endif
