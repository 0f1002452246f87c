/*
 * layout.h - the look of a report, as loaded from layouts/NAME.xml.
 *
 * Data only: parse/layout_load.c fills it, measure/, paginate/ and draw/
 * read it. All lengths are millipoints (1/1000 pt), colours 0xRRGGBB.
 */
#ifndef RP_LAYOUT_H
#define RP_LAYOUT_H

#include <stdbool.h>
#include <stdint.h>
#include "model.h"
#include "../base/limits.h"

#define MPT(pt) ((int32_t)((pt) * 1000))

enum { VAR_REGULAR = 0, VAR_BOLD = 1, VAR_ITALIC = 2, VAR_BOLD_ITALIC = 3 };

typedef struct FontFamily {
    const char *name;
    const char *path[4];        /* by VAR_*; resolved file paths */
    int         line, col;      /* its <font> in the layout, for messages */
} FontFamily;

/* Named paragraph styles the engine uses. */
typedef enum StyleId {
    ST_BODY, ST_H1, ST_H2, ST_H3, ST_H4, ST_H5,
    ST_LIST, ST_CAPTION, ST_TABLE, ST_TABLE_SMALL, ST_TABLE_HEAD,
    ST_TABLE_NOTE, ST_FOOTNOTE, ST_HEADER, ST_FOOTER,
    ST_TOC_TITLE, ST_TOC1, ST_TOC2, ST_TOC3, ST_TOC_APPENDIX,
    ST_COVER_TITLE, ST_COVER_SUBTITLE, ST_COVER_ORG, ST_COVER_META,
    ST_CHART, ST_LEGEND, ST_GOAL_HEADING, ST_GOAL_DESC,
    ST_COUNT
} StyleId;

typedef struct Style {
    bool     set;               /* defined by the layout */
    int      family;            /* index into Layout.families */
    int      variant;           /* VAR_* */
    int32_t  size, leading;
    int32_t  space_before, space_after;
    int32_t  indent;            /* left indent of every line */
    uint32_t color;
    Align    align;
    bool     justify;
    bool     new_page;          /* start on a new page (h1 in some layouts) */
    bool     uppercase;
} Style;

/* The grey a colour prints as in black and white, 0 (black) to 1
 * (paper): its luma, 0.299 R + 0.587 G + 0.114 B, as a grey-scale
 * print or pdftoppm -gray makes it. Two chart series less than
 * RP_CHART_GREY_APART apart print alike. */
static inline double layout_grey(uint32_t c)
{
    return (0.299 * ((c >> 16) & 255) + 0.587 * ((c >> 8) & 255) + 0.114 * (c & 255)) / 255.0;
}
#define RP_CHART_GREY_APART 0.20

typedef enum Shape { SHAPE_CIRCLE, SHAPE_SQUARE, SHAPE_TRIANGLE, SHAPE_DIAMOND, SHAPE_RING } Shape;

typedef struct StatusDef {
    const char *name;           /* "met" */
    uint32_t    color;
    Shape       shape;
    const char *word;           /* default wording */
    bool        activity;       /* an assignment status, not a goal status */
} StatusDef;

/* Where the cover's logo stands: in the coloured band at the left margin
 * (before the brand) or the right one, or at the foot of the page on the
 * right, opposite the date and diarienummer. */
typedef enum LogoPos { LOGO_BAND, LOGO_BAND_RIGHT, LOGO_FOOT_RIGHT } LogoPos;

typedef struct CoverLogo {
    Image       *image;         /* NULL: no logo; read and checked when the layout is */
    const char  *alt;           /* what a screen reader says for it (required) */
    int32_t      width;         /* 0: its height is half the band's */
    LogoPos      pos;
    int          line, col;     /* its <cover> in the layout, for messages */
} CoverLogo;

typedef struct Word {
    const char *type;           /* report type, or NULL for all */
    const char *lang;           /* reports of this language ("en"), or NULL: the layout's, Swedish */
    const char *key;            /* "contents", "status.met" ... */
    const char *text;
} Word;

typedef struct Layout {
    const char *name;
    const char *path;           /* file it was read from ("<built-in>") */
    int32_t     page_w, page_h;
    int32_t     margin_top, margin_bottom, margin_left, margin_right;
    int32_t     header_y, footer_y;        /* baselines, from the top/bottom edge */
    FontFamily  families[RP_MAX_FONT_FAMILIES];
    int         nfamilies;
    FontFamily  fallback;                  /* <fallback-font>: for characters a family's font
                                            * lacks; path[VAR_REGULAR] NULL: none. Its name
                                            * is NULL; measure/ loads it only if needed */
    Style       styles[ST_COUNT];
    const char *header[3], *footer[3];     /* left, centre, right templates */
    bool        header_rule, footer_rule;
    uint32_t    accent, rule_color;
    uint32_t    table_head_fill, table_head_color, table_rule, table_group_fill;
    int32_t     table_pad_x, table_pad_y;
    int32_t     list_indent, footnote_rule_width, para_indent_first;
    int32_t     chart_height;
    bool        chart_data_table;          /* print each chart's values as a table under it */
    bool        chart_direct_labels;       /* name a line chart's series at their lines' ends */
    uint32_t    chart_colors[8];
    int         nchart_colors;
    uint32_t    cover_band, cover_band_text;
    const char *cover_brand;               /* e.g. "Linköpings kommun" */
    CoverLogo   cover_logo;
    const char *hyphen_dict;               /* path or NULL: no hyphenation */
    const char *icc_profile;               /* sRGB profile for PDF/A's output intent */
    const unsigned char *icc_data;         /* its bytes, checked to be an RGB ICC profile */
    size_t      icc_len;
    int         hyphen_left, hyphen_right;
    const char **hyphen_words;             /* <hyphenation><word>: how these words break */
    int         nhyphen_words;             /*   ("medarbetar-engagemang"; none: never) */
    int         toc_levels;
    bool        notes_per_chapter;         /* footnote numbers restart in each chapter */
    bool        typo_quotes;               /* <typography quotes="swedish">: " ' print as ” ’ */
    bool        typo_dashes;               /* <typography dashes="on">: en dashes, minus signs */
    StatusDef   statuses[RP_MAX_STATUSES];
    int         nstatuses;
    Word       *words;
    int         nwords;
} Layout;

/* The text for `key` in reports of `type` and language `lang` (NULL:
 * Swedish): words of that language first (of that type, then general),
 * then the Swedish (type-specific, then general); `fallback` (Swedish) if
 * the layout has none. *wlang (if not NULL) gets the language to say it
 * in: NULL where it is the report's, else its own ("sv"). */
const char *layout_word(const Layout *l, const char *type, const char *lang, const char *key,
                        const char *fallback, const char **wlang);

/* Whether language tags a and b (NULL: Swedish) name one language:
 * "en" and "en-GB" do. */
bool layout_same_lang(const char *a, const char *b);

/* Index of status `name`, or -1. */
int layout_status(const Layout *l, const char *name);

#endif
