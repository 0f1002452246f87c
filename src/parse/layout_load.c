/*
 * layout_load.c - layouts/NAME.xml -> Layout (parse stage).
 *
 * A layout is an XML file a user may copy and edit, so it is checked
 * whole and a mistake is reported as file:line:col with what is allowed.
 * Its structure (which elements and attributes, where, which are
 * required) is checked against layout.rng, compiled in like report.rng;
 * its values (lengths, colours, numbers, names) here, with messages
 * that say more. Both run, so one look shows every mistake. Values not
 * given keep the built-in defaults set by layout_defaults(), so a
 * layout can be short.
 */
#include "parse.h"
#include "files.h"
#include "image.h"
#include "value.h"
#include "../base/engine.h"
#include "../base/limits.h"
#include "xmlread.h"
#include "../base/i18n.h"

#include <libxml/tree.h>
#include <dirent.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct L {
    Rp         *rp;
    const char *file;
    const char *dir;     /* folder of the layout file, for font paths */
    Layout     *lay;
    /* elements, for messages about what they set */
    xmlNodePtr  page, colors, hyphenation;
    xmlNodePtr  style[ST_COUNT];
    xmlNodePtr  status[RP_MAX_STATUSES];
    const char *logo_src;       /* <cover logo="...">, as written */
    /* colours the layout gives; those it does not take the accent */
    bool        rule_given, band_given, chart_given;
    bool        color_given[ST_COUNT];
} L;

#define LERR(x, ...) diag_error(&l->rp->diags, l->file, xmlread_line(x), xmlread_col(x), __VA_ARGS__)

static const char *style_names[ST_COUNT] = {
    "body", "h1", "h2", "h3", "h4", "h5", "list", "caption", "table",
    "table-small", "table-head", "table-note", "footnote", "header", "footer",
    "toc-title", "toc1", "toc2", "toc3", "toc-appendix", "cover-title",
    "cover-subtitle", "cover-org", "cover-meta", "chart", "legend", "goal",
    "goal-description",
};

static void layout_defaults(Layout *y)
{
    y->page_w = 595276;              /* A4 in millipoints */
    y->page_h = 841890;
    y->margin_top = y->margin_bottom = y->margin_left = y->margin_right = 70866;
    y->header_y = 40000;
    y->footer_y = 36000;
    y->accent = 0x005596;
    y->rule_color = y->cover_band = y->accent;  /* and see accent_fallbacks() */
    y->table_head_fill = 0xDCE6F0;
    y->table_head_color = 0x1A1A1A;
    y->table_rule = 0x9DB3C8;
    y->table_group_fill = 0xF0F4F8;
    y->table_pad_x = 4000;
    y->table_pad_y = 2000;
    y->list_indent = 17000;
    y->footnote_rule_width = 113000;
    y->chart_height = 170000;
    y->cover_band_text = 0xFFFFFF;
    y->typo_quotes = y->typo_dashes = true;
    y->hyphen_left = 2;
    y->hyphen_right = 3;
    y->toc_levels = 2;
    /* dark and light in turn, so series side by side print as
     * different greys (layout_grey) */
    static const uint32_t palette[] = { 0x005596, 0xE0A800, 0xC8102E, 0x5B9BD5,
                                        0x1E6B33, 0xEE7F2D, 0x6A3D9A, 0x35BDC2 };
    memcpy(y->chart_colors, palette, sizeof palette);
    y->nchart_colors = 8;
    for (int i = 0; i < ST_COUNT; i++) {
        Style *s = &y->styles[i];
        s->size = 11000;
        s->leading = 14000;
        s->color = 0x1A1A1A;
    }
}

/* ---- value parsers ---------------------------------------------------- */

static int32_t length_of(L *l, xmlNodePtr x, const char *name, const char *v, int unitless_pt)
{
    int32_t len;
    const char *why = value_length(v, unitless_pt, &len);
    if (why) {
        LERR(x, "%s=\"%s\" %s", name, v, why);
        diag_hint(&l->rp->diags, _("write a number with mm, cm or pt, e.g. 25mm%s"),
                  unitless_pt ? _(" (sizes in pt may omit the unit)") : "");
        return -1;
    }
    return len;
}

static int color_of(L *l, xmlNodePtr x, const char *name, const char *v, size_t n, uint32_t *out)
{
    if (!value_color(v, n, out))
        return 0;
    LERR(x, _("%s=\"%.*s\" is not a colour"), name, (int)n, v);
    diag_hint(&l->rp->diags, _("write colours as # and six hexadecimal digits (0-9, A-F), #RRGGBB: e.g. #005596"));
    return -1;
}

static int yes_of(L *l, xmlNodePtr x, const char *name, const char *v)
{
    if (strcmp(v, "yes") == 0) return 1;
    if (strcmp(v, "no") == 0) return 0;
    LERR(x, _("%s=\"%s\" must be yes or no"), name, v);
    diag_hint(&l->rp->diags, _("a layout is written in English: yes (ja) or no (nej)"));
    return 0;
}

/* A file a layout names (a font, a colour profile): relative to the
 * layout, inside its folder or rapport's data folder. A copy of a
 * built-in layout elsewhere, whose paths were written relative to
 * rapport's layouts/ folder (../fonts/X, icc/sRGB.icc), still finds the
 * files there. NULL with an error if it is nowhere allowed. */
static const char *path_named(L *l, xmlNodePtr x, const char *what, const char *v)
{
    const char *why = NULL;
    const char *p = files_resolve(l->rp, l->dir, l->rp->data_dir, v, &why);
    if (p)
        return p;
    if (l->rp->data_dir && v[0] != '/') {
        const char *why2;
        const char *alt = files_resolve(l->rp, arena_printf(&l->rp->arena, "%s/layouts", l->rp->data_dir),
                                        l->rp->data_dir, v, &why2);
        if (alt)
            return alt;
    }
    LERR(x, _("%s \"%s\" cannot be used: %s"), !strcmp(what, "logo") ? _("the logo") : _("the file"), v, why);
    diag_hint(&l->rp->diags, files_outside(why)
              ? _("put it beside the layout (or in rapport's fonts/ folder); --allow-paths lifts this rule")
              : _("paths are relative to the layout file (%s)"), l->file);
    return NULL;
}

static const char *path_of(L *l, xmlNodePtr x, const char *v)
{
    return path_named(l, x, "file", v);
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The output intent's colour profile, read whole and checked to be what
 * PDF/A-2 asks for an sRGB intent (ISO 19005-2, 6.2.3): an ICC profile
 * (the signature "acsp" at byte 36, the length its header states), of
 * version 2 to 4, for a display or printer ("mntr", "prtr"), of RGB
 * colours (the intent says /N 3). */
static void icc_load(L *l, xmlNodePtr x, Layout *y, const char *name)
{
    size_t len;
    const char *why = NULL;
    unsigned char *b = files_load(l->rp, y->icc_profile, RP_MAX_ICC_BYTES, &len, &why);
    if (b && len >= 132 && be32(b) == len && !memcmp(b + 36, "acsp", 4)) {
        if (b[8] < 2 || b[8] > 4)
            why = arena_printf(&l->rp->arena, _("it is an ICC profile of version %d; PDF/A-2 takes versions 2 to 4"), b[8]);
        else if (memcmp(b + 12, "mntr", 4) != 0 && memcmp(b + 12, "prtr", 4) != 0)
            why = _("it is an ICC profile, but not of a display or printer; an output intent needs one of those");
        else if (memcmp(b + 16, "RGB ", 4) != 0)
            why = _("it is an ICC profile, but not of RGB colours (an sRGB output intent needs one)");
    } else if (b && len >= 132 && !memcmp(b + 36, "acsp", 4)) {
        why = arena_printf(&l->rp->arena, _("the ICC profile is damaged: its header says %u bytes, the file has %zu"),
                           be32(b), len);
    } else if (b) {
        why = _("it is not an ICC colour profile");
    }
    if (why) {
        LERR(x, _("the colour profile \"%s\" cannot be used: %s"), name, why);
        diag_hint(&l->rp->diags, _("name an sRGB ICC profile, such as rapport's layouts/icc/sRGB.icc"));
        free(b);
        return;
    }
    unsigned char *copy = arena_alloc(&l->rp->arena, len);
    memcpy(copy, b, len);
    free(b);
    y->icc_data = copy;
    y->icc_len = len;
}

/* Walk the attributes of x; call back for each known one. An unknown
 * one was reported by the schema; it is passed over here. */
typedef void (*AttrFn)(L *l, xmlNodePtr x, void *target, const char *name, const char *v);

static void each_attr(L *l, xmlNodePtr x, const char *const *known, AttrFn fn, void *target)
{
    for (xmlAttrPtr a = x->properties; a; a = a->next) {
        const char *name = (const char *)a->name;
        int ok = 0;
        for (int i = 0; known[i]; i++)
            if (strcmp(known[i], name) == 0)
                ok = 1;
        if (!ok || a->ns)
            continue;
        xmlChar *val = xmlNodeListGetString(x->doc, a->children, 1);
        const char *v = arena_strdup(&l->rp->arena, val ? (const char *)val : "");
        xmlFree(val);
        fn(l, x, target, name, v);
    }
}

/* ---- elements --------------------------------------------------------- */

static void page_attr(L *l, xmlNodePtr x, void *t, const char *n, const char *v)
{
    Layout *y = t;
    int32_t len = length_of(l, x, n, v, 0);
    if (len < 0) return;
    if (!strcmp(n, "width")) y->page_w = len;
    else if (!strcmp(n, "height")) y->page_h = len;
    else if (!strcmp(n, "top")) y->margin_top = len;
    else if (!strcmp(n, "bottom")) y->margin_bottom = len;
    else if (!strcmp(n, "left")) y->margin_left = len;
    else if (!strcmp(n, "right")) y->margin_right = len;
    else if (!strcmp(n, "header")) y->header_y = len;
    else if (!strcmp(n, "footer")) y->footer_y = len;
}

static void font_attr(L *l, xmlNodePtr x, void *t, const char *n, const char *v)
{
    FontFamily *f = t;
    if (!strcmp(n, "family")) { f->name = v; return; }
    int var = !strcmp(n, "regular") ? VAR_REGULAR : !strcmp(n, "bold") ? VAR_BOLD
            : !strcmp(n, "italic") ? VAR_ITALIC : VAR_BOLD_ITALIC;
    f->path[var] = path_of(l, x, v);
    if (!f->path[var])
        f->path[var] = "";          /* reported; keeps the checks below quiet */
}

/* After the attributes of <font> or <fallback-font> x: the variants
 * not named take the regular (bold italic: the bold) file, and every
 * file must be readable. Where the element stands is kept for messages
 * about its fonts. */
static void font_variants(L *l, xmlNodePtr x, FontFamily *f)
{
    f->line = xmlread_line(x);
    f->col = xmlread_col(x);
    for (int v = 1; v < 4; v++)
        if (!f->path[v])
            f->path[v] = f->path[v == VAR_BOLD_ITALIC ? VAR_BOLD : VAR_REGULAR]
                         ? f->path[v == VAR_BOLD_ITALIC ? VAR_BOLD : VAR_REGULAR]
                         : f->path[VAR_REGULAR];
    for (int v = 0; v < 4; v++)
        if (*f->path[v] && access(f->path[v], R_OK) != 0) {
            LERR(x, _("font file \"%s\" cannot be read"), f->path[v]);
            diag_hint(&l->rp->diags, _("font paths are relative to the layout file (%s)"), l->file);
        }
}

static void style_attr(L *l, xmlNodePtr x, void *t, const char *n, const char *v)
{
    Style *s = t;
    if (!strcmp(n, "name")) return;
    if (!strcmp(n, "family")) {
        for (int i = 0; i < l->lay->nfamilies; i++)
            if (!strcmp(l->lay->families[i].name, v)) {
                s->family = i;
                return;
            }
        LERR(x, _("font family \"%s\" is not declared"), v);
        diag_hint(&l->rp->diags, _("declare it first with <font family=\"%s\" regular=... bold=... />"), v);
    } else if (!strcmp(n, "weight")) {
        if (!strcmp(v, "bold")) s->variant |= VAR_BOLD;
        else if (strcmp(v, "normal") != 0) {
            LERR(x, _("weight=\"%s\" must be bold or normal"), v);
            diag_hint(&l->rp->diags, _("a layout is written in English: bold (fet) or normal"));
        }
    } else if (!strcmp(n, "style")) {
        if (!strcmp(v, "italic")) s->variant |= VAR_ITALIC;
        else if (strcmp(v, "normal") != 0) {
            LERR(x, _("style=\"%s\" must be italic or normal"), v);
            diag_hint(&l->rp->diags, _("a layout is written in English: italic (kursiv) or normal"));
        }
    } else if (!strcmp(n, "color")) {
        color_of(l, x, n, v, strlen(v), &s->color);
        l->color_given[s - l->lay->styles] = true;
    } else if (!strcmp(n, "align")) {
        if (!strcmp(v, "left")) s->align = ALIGN_LEFT;
        else if (!strcmp(v, "right")) s->align = ALIGN_RIGHT;
        else if (!strcmp(v, "center")) s->align = ALIGN_CENTER;
        else if (!strcmp(v, "justify")) s->justify = true;
        else {
            LERR(x, _("align=\"%s\" must be left, right, center or justify"), v);
            diag_hint(&l->rp->diags, _("a layout is written in English: left, right, center or justify"));
        }
    } else if (!strcmp(n, "new-page")) {
        s->new_page = yes_of(l, x, n, v);
    } else if (!strcmp(n, "uppercase")) {
        s->uppercase = yes_of(l, x, n, v);
    } else {
        int32_t len = length_of(l, x, n, v, 1);
        if (len < 0) return;
        if (!strcmp(n, "size") && (len < RP_MIN_FONT_SIZE || len > RP_MAX_FONT_SIZE)) {
            LERR(x, _("size=\"%s\" is not a font size rapport can set"), v);
            diag_hint(&l->rp->diags, _("a font size is from %d to %d pt; body text is about 11"),
                      RP_MIN_FONT_SIZE / 1000, RP_MAX_FONT_SIZE / 1000);
            return;
        }
        if (!strcmp(n, "size")) s->size = len;
        else if (!strcmp(n, "leading")) s->leading = len;
        else if (!strcmp(n, "before")) s->space_before = len;
        else if (!strcmp(n, "after")) s->space_after = len;
        else if (!strcmp(n, "indent")) s->indent = len;
    }
}

static void colors_attr(L *l, xmlNodePtr x, void *t, const char *n, const char *v)
{
    Layout *y = t;
    l->rule_given |= !strcmp(n, "rule");
    l->band_given |= !strcmp(n, "cover-band");
    if (!strcmp(n, "chart")) {
        l->chart_given = true;
        /* the chart palette: colours separated by spaces, in series order */
        int k = 0, max = (int)(sizeof y->chart_colors / sizeof y->chart_colors[0]);
        for (const char *p = v; *p;) {
            while (*p == ' ') p++;
            if (!*p) break;
            size_t len = strcspn(p, " ");
            if (k == max) {
                LERR(x, _("chart=\"...\" names more than %d colours"), max);
                diag_hint(&l->rp->diags, _("the palette holds %d colours; series past the %dth take them "
                          "again, told apart by their dash and marker"), max, max);
                break;
            }
            if (color_of(l, x, n, p, len, &y->chart_colors[k]) == 0)
                k++;
            p += len;
        }
        if (k)
            y->nchart_colors = k;
        return;
    }
    uint32_t *dst = !strcmp(n, "accent") ? &y->accent : !strcmp(n, "rule") ? &y->rule_color
                  : !strcmp(n, "table-head-fill") ? &y->table_head_fill
                  : !strcmp(n, "table-head-text") ? &y->table_head_color
                  : !strcmp(n, "table-rule") ? &y->table_rule
                  : !strcmp(n, "table-group-fill") ? &y->table_group_fill
                  : !strcmp(n, "cover-band") ? &y->cover_band : &y->cover_band_text;
    color_of(l, x, n, v, strlen(v), dst);
}

static void spacing_attr(L *l, xmlNodePtr x, void *t, const char *n, const char *v)
{
    Layout *y = t;
    int32_t len = length_of(l, x, n, v, 0);
    if (len < 0) return;
    if (!strcmp(n, "list-indent")) y->list_indent = len;
    else if (!strcmp(n, "table-pad-x")) y->table_pad_x = len;
    else if (!strcmp(n, "table-pad-y")) y->table_pad_y = len;
    else if (!strcmp(n, "footnote-rule")) y->footnote_rule_width = len;
    else if (!strcmp(n, "chart-height") && len < RP_MIN_CHART_HEIGHT) {
        /* as a chart's own height (parse_report.c) */
        LERR(x, _("chart-height=\"%s\" is too low for a chart to be read (at least %d mm)"), v,
             (int)lround(RP_MIN_CHART_HEIGHT * 25.4 / 72000));
        diag_hint(&l->rp->diags, _("a chart is about 60mm high; it must fit on a page"));
    } else if (!strcmp(n, "chart-height"))
        y->chart_height = len;
}

static void hf_attr(L *l, xmlNodePtr x, void *t, const char *n, const char *v)
{
    Layout *y = l->lay;
    const char **slots = t;
    if (!strcmp(n, "left")) slots[0] = v;
    else if (!strcmp(n, "center")) slots[1] = v;
    else if (!strcmp(n, "right")) slots[2] = v;
    else if (!strcmp(n, "rule")) {
        int yes = yes_of(l, x, n, v);
        if (slots == y->header) y->header_rule = yes;
        else y->footer_rule = yes;
    }
}

static void status_attr(L *l, xmlNodePtr x, void *t, const char *n, const char *v)
{
    StatusDef *s = t;
    if (!strcmp(n, "name")) s->name = v;
    else if (!strcmp(n, "word")) s->word = v;
    else if (!strcmp(n, "color")) color_of(l, x, n, v, strlen(v), &s->color);
    else if (!strcmp(n, "kind")) {
        if (!strcmp(v, "activity")) s->activity = true;
        else if (strcmp(v, "goal") != 0) {
            LERR(x, _("kind=\"%s\" must be goal or activity"), v);
            diag_hint(&l->rp->diags, _("goal for a nämndmål's status, activity for an assignment's"));
        }
    } else if (!strcmp(n, "shape")) {
        static const char *shapes[] = { "circle", "square", "triangle", "diamond", "ring" };
        for (int i = 0; i < 5; i++)
            if (!strcmp(v, shapes[i])) {
                s->shape = (Shape)i;
                return;
            }
        LERR(x, _("shape=\"%s\" is not known"), v);
        diag_hint(&l->rp->diags, _("shapes: circle, square, triangle, diamond, ring"));
    }
}

static void misc_attr(L *l, xmlNodePtr x, void *t, const char *n, const char *v)
{
    Layout *y = t;
    const char *el = (const char *)x->name;
    if (!strcmp(el, "hyphenation")) {
        /* a dictionary name (hyph_sv_SE) is looked up among the system's
         * hyphenation dictionaries; a path, like a font's */
        if (!strcmp(n, "dictionary"))
            y->hyphen_dict = strchr(v, '/') ? path_of(l, x, v)
                           : arena_printf(&l->rp->arena, "/usr/share/hyphen/%s%s", v,
                                          strstr(v, ".dic") ? "" : ".dic");
        else {
            long k;
            if (value_whole(v, 1, 9, &k)) {
                *(!strcmp(n, "left") ? &y->hyphen_left : &y->hyphen_right) = (int)k;
            } else {
                LERR(x, _("%s=\"%s\" is not a number of letters from 1 to 9"), n, v);
                diag_hint(&l->rp->diags, _("%s; for Swedish left=\"2\" right=\"3\""), !strcmp(n, "left")
                          ? _("the fewest letters of a word before a hyphen") : _("the fewest letters carried to the next line"));
            }
        }
    } else if (!strcmp(el, "cover")) {
        if (!strcmp(n, "brand")) y->cover_brand = v;
        else if (!strcmp(n, "logo")) l->logo_src = v;
        else if (!strcmp(n, "logo-alt")) y->cover_logo.alt = v;
        else if (!strcmp(n, "logo-width")) {
            int32_t len = length_of(l, x, n, v, 0);
            if (len > 0 && len <= y->page_w / 2)
                y->cover_logo.width = len;
            else if (len >= 0) {
                LERR(x, _("logo-width=\"%s\" is not a width a logo can have on the page"), v);
                diag_hint(&l->rp->diags, _("give a width above 0 and at most half the page's, e.g. 40mm"));
            }
        } else {
            static const char *const pos[] = { "band", "band-right", "foot-right" };
            for (int i = 0; i < 3; i++)
                if (!strcmp(v, pos[i])) {
                    y->cover_logo.pos = (LogoPos)i;
                    return;
                }
            LERR(x, _("logo-position=\"%s\" is not known"), v);
            diag_hint(&l->rp->diags, _("band (in the coloured band, at the left margin), band-right, "
                                     "or foot-right (at the foot of the page, opposite the date)"));
        }
    } else if (!strcmp(el, "output-intent")) {
        if (!strcmp(n, "icc") && (y->icc_profile = path_of(l, x, v)) != NULL)
            icc_load(l, x, y, v);
    } else if (!strcmp(el, "charts")) {
        if (!strcmp(n, "data-table")) y->chart_data_table = yes_of(l, x, n, v) == 1;
        else if (!strcmp(n, "direct-labels")) y->chart_direct_labels = yes_of(l, x, n, v) == 1;
    } else if (!strcmp(el, "footnotes")) {
        if (!strcmp(v, "chapter")) y->notes_per_chapter = true;
        else if (strcmp(v, "document") != 0) {
            LERR(x, _("numbering=\"%s\" must be document or chapter"), v);
            diag_hint(&l->rp->diags, _("document: the notes are numbered through the report; chapter: from 1 in every chapter"));
        }
    } else if (!strcmp(el, "typography")) {
        if (!strcmp(n, "quotes")) {
            if (!strcmp(v, "swedish") || !strcmp(v, "off"))
                y->typo_quotes = !strcmp(v, "swedish");
            else {
                LERR(x, _("quotes=\"%s\" must be swedish or off"), v);
                diag_hint(&l->rp->diags, _("swedish: \"...\" and '...' print as \xE2\x80\x9D...\xE2\x80\x9D and \xE2\x80\x99...\xE2\x80\x99; "
                                         "off: as written"));
            }
        } else {
            if (!strcmp(v, "on") || !strcmp(v, "off"))
                y->typo_dashes = !strcmp(v, "on");
            else {
                LERR(x, _("dashes=\"%s\" must be on or off"), v);
                diag_hint(&l->rp->diags, _("on: a spaced hyphen and a hyphen in a range (2018-2022) print as "
                                         "an en dash, a hyphen before a number as a minus sign; off: as written"));
            }
        }
    } else if (!strcmp(el, "contents")) {
        long lv;
        if (!value_whole(v, 1, 5, &lv)) {
            LERR(x, _("levels=\"%s\" must be 1 to 5"), v);
            diag_hint(&l->rp->diags, _("the heading levels the contents lists: 1 (chapters only) to 5 (all)"));
        } else {
            y->toc_levels = (int)lv;
        }
    }
}

/* After the attributes of <cover> x: the logo's file read and checked
 * now, like a figure's image, so that a bad one is an error at <cover>;
 * a logo needs its alt text; <cover> holds no elements (an <image> in
 * it would otherwise be dropped unseen). */
static void cover_logo(L *l, xmlNodePtr x, Layout *y)
{
    CoverLogo *lg = &y->cover_logo;
    lg->line = xmlread_line(x);
    lg->col = xmlread_col(x);
    for (xmlNodePtr c = x->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE) {
            LERR(c, _("<cover> holds no elements, not <%s>"), (const char *)c->name);
            diag_hint(&l->rp->diags, _("a logo is given by attributes: <cover logo=\"logo.png\" logo-alt=\"...\" logo-width=\"40mm\"/>"));
        }
    if (!l->logo_src) {
        if (lg->alt || lg->width || xmlHasProp(x, (const xmlChar *)"logo-position")) {
            LERR(x, _("<cover> sets logo-alt, logo-width or logo-position but names no logo"));
            diag_hint(&l->rp->diags, _("add logo=\"logo.png\" (a PNG or JPEG beside the layout), or remove them"));
        }
        return;
    }
    if (!lg->alt || !*lg->alt) {
        LERR(x, _("the logo needs logo-alt: the words a screen reader says for it"));
        diag_hint(&l->rp->diags, _("e.g. logo-alt=\"Linköpings kommun\""));
    }
    const char *path = path_named(l, x, "logo", l->logo_src);
    if (!path)
        return;
    ImageError err = { 0 };
    Image *im = image_load(l->rp, path, (size_t)RP_MAX_REPORT_IMAGE_BYTES, &err);
    if (!im) {
        LERR(x, _("the logo \"%s\" cannot be used: %s"), l->logo_src, err.why);
        if (!strcmp(err.hint, _("name a PNG or JPEG file in the report's folder")))
            diag_hint(&l->rp->diags, _("name a PNG or JPEG file; paths are relative to the layout file (%s)"), l->file);
        else
            diag_hint(&l->rp->diags, "%s", err.hint);
        return;
    }
    im->path = path;
    lg->image = im;
}

typedef VEC(Word) Words;

/* <hyphenation>'s <word>s: each word written with a hyphen where it may
 * break, and nowhere else ("medarbetar-engagemang", "Leanlink"). */
static void hyphen_words(L *l, xmlNodePtr x, Layout *y)
{
    VEC(const char *) v = { 0 };
    for (xmlNodePtr w = x->children; w; w = w->next) {
        if (w->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)w->name, "word") != 0)
            continue;                   /* the schema has said so */
        xmlChar *c = xmlNodeGetContent(w);
        const char *t = c ? (const char *)c : "";
        bool ok = *t && *t != '-' && t[strlen(t) - 1] != '-' && !strstr(t, "--");
        for (const unsigned char *p = (const unsigned char *)t; ok && *p; p++)
            ok = *p == '-' || *p >= 0x80 || (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z');
        if (!ok) {
            LERR(w, _("<word>%s</word> is not a word with hyphens where it may break"), t);
            diag_hint(&l->rp->diags, _("letters, and a hyphen between them where a line may break: "
                                     "<word>konsekvens-analys</word>; a word without hyphens is never broken"));
        } else {
            VEC_PUSH(&l->rp->arena, v, arena_strdup(&l->rp->arena, t));
        }
        xmlFree(c);
    }
    y->hyphen_words = v.v;
    y->nhyphen_words = v.n;
}

static void load_words(L *l, xmlNodePtr x, const char *type, const char *lang, Words *words)
{
    for (xmlNodePtr w = x->children; w; w = w->next) {
        if (w->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)w->name, "word") != 0)
            continue;                       /* the schema said so */
        xmlChar *k = xmlGetProp(w, (const xmlChar *)"key");
        xmlChar *c = xmlNodeGetContent(w);
        if (k) {                            /* without: the schema said so */
            Word wd = { type, lang, arena_strdup(&l->rp->arena, (const char *)k),
                        arena_strdup(&l->rp->arena, c ? (const char *)c : "") };
            VEC_PUSH(&l->rp->arena, *words, wd);
        }
        xmlFree(k);
        xmlFree(c);
    }
}

/* A <font> family, at most RP_MAX_FONT_FAMILIES of them. */
static void load_font(L *l, xmlNodePtr x, Layout *y)
{
    static const char *const a_font[] = { "family", "regular", "bold", "italic", "bold-italic", NULL };
    if (y->nfamilies == RP_MAX_FONT_FAMILIES) {
        LERR(x, _("a layout declares at most %d font families"), RP_MAX_FONT_FAMILIES);
        diag_hint(&l->rp->diags, _("a family holds a font's four variants; reports look best with one or two"));
        return;
    }
    FontFamily *f = &y->families[y->nfamilies];
    memset(f, 0, sizeof *f);
    each_attr(l, x, a_font, font_attr, f);
    if (!f->name || !f->path[VAR_REGULAR])
        return;                     /* the schema said what is missing */
    font_variants(l, x, f);
    y->nfamilies++;
}

/* The <fallback-font>: one at most. */
static void load_fallback(L *l, xmlNodePtr x, Layout *y)
{
    static const char *const a_fallback[] = { "regular", "bold", "italic", "bold-italic", NULL };
    FontFamily *f = &y->fallback;
    if (f->path[VAR_REGULAR]) {
        LERR(x, _("a layout names at most one fallback font; the first is on line %d"), f->line);
        diag_hint(&l->rp->diags, _("keep the <fallback-font> whose font has the characters your reports need"));
        return;
    }
    each_attr(l, x, a_fallback, font_attr, f);
    if (!f->path[VAR_REGULAR]) {
        memset(f, 0, sizeof *f);    /* the schema said it is missing */
        return;
    }
    font_variants(l, x, f);
}

/* A <style>, by one of the names style_names knows. */
static void load_style(L *l, xmlNodePtr x, Layout *y)
{
    static const char *const a_style[] = { "name", "family", "weight", "style", "size", "leading", "before",
                                           "after", "indent", "color", "align", "new-page", "uppercase", NULL };
    xmlChar *sn = xmlGetProp(x, (const xmlChar *)"name");
    int id = -1;
    for (int i = 0; sn && i < ST_COUNT; i++)
        if (!strcmp(style_names[i], (const char *)sn))
            id = i;
    if (id < 0 && sn) {                 /* without a name: the schema said so */
        char list[600] = "";
        size_t k = 0;
        for (int i = 0; i < ST_COUNT; i++)
            k += (size_t)snprintf(list + k, sizeof list - k, "%s%s", i ? ", " : "", style_names[i]);
        LERR(x, _("unknown style \"%s\""), (const char *)sn);
        diag_hint(&l->rp->diags, _("styles: %s"), list);
    } else if (id >= 0) {
        Style *s = &y->styles[id];
        l->style[id] = x;
        s->set = true;
        s->variant = 0;
        each_attr(l, x, a_style, style_attr, s);
    }
    xmlFree(sn);
}

/* A <status>, at most RP_MAX_STATUSES of them. */
static void load_status(L *l, xmlNodePtr x, Layout *y)
{
    static const char *const a_status[] = { "name", "kind", "color", "shape", "word", NULL };
    if (y->nstatuses == RP_MAX_STATUSES) {
        LERR(x, _("a layout declares at most %d statuses"), RP_MAX_STATUSES);
        diag_hint(&l->rp->diags, _("remove the statuses no report uses"));
        return;
    }
    StatusDef *s = &y->statuses[y->nstatuses];
    memset(s, 0, sizeof *s);
    l->status[y->nstatuses] = x;
    each_attr(l, x, a_status, status_attr, s);
    if (!s->name || !s->word)
        return;                     /* the schema said what is missing */
    y->nstatuses++;
}

/* The elements that are only settings (attributes), by their name `el`:
 * which attributes each has and who reads them. */
static void load_settings(L *l, xmlNodePtr x, const char *el, Layout *y)
{
    static const char *const a_page[] = { "width", "height", "top", "bottom", "left", "right", "header", "footer", NULL };
    static const char *const a_colors[] = { "accent", "rule", "table-head-fill", "table-head-text", "table-rule", "table-group-fill", "cover-band", "cover-band-text", "chart", NULL };
    static const char *const a_spacing[] = { "list-indent", "table-pad-x", "table-pad-y", "footnote-rule", "chart-height", NULL };
    static const char *const a_hf[] = { "left", "center", "right", "rule", NULL };
    static const char *const a_hyph[] = { "dictionary", "left", "right", NULL };
    static const char *const a_cover[] = { "brand", "logo", "logo-alt", "logo-width", "logo-position", NULL };
    static const char *const a_contents[] = { "levels", NULL };
    static const char *const a_notes[] = { "numbering", NULL };
    static const char *const a_intent[] = { "icc", NULL };
    static const char *const a_charts[] = { "data-table", "direct-labels", NULL };
    static const char *const a_typo[] = { "quotes", "dashes", NULL };
    if (!strcmp(el, "page")) {
        l->page = x;
        each_attr(l, x, a_page, page_attr, y);
    } else if (!strcmp(el, "colors")) {
        l->colors = x;
        each_attr(l, x, a_colors, colors_attr, y);
    } else if (!strcmp(el, "spacing")) {
        each_attr(l, x, a_spacing, spacing_attr, y);
    } else if (!strcmp(el, "header")) {
        each_attr(l, x, a_hf, hf_attr, y->header);
    } else if (!strcmp(el, "footer")) {
        each_attr(l, x, a_hf, hf_attr, y->footer);
    } else if (!strcmp(el, "hyphenation")) {
        l->hyphenation = x;
        each_attr(l, x, a_hyph, misc_attr, y);
        hyphen_words(l, x, y);
    } else if (!strcmp(el, "cover")) {
        each_attr(l, x, a_cover, misc_attr, y);
        cover_logo(l, x, y);
    } else if (!strcmp(el, "contents")) {
        each_attr(l, x, a_contents, misc_attr, y);
    } else if (!strcmp(el, "footnotes")) {
        each_attr(l, x, a_notes, misc_attr, y);
    } else if (!strcmp(el, "output-intent")) {
        each_attr(l, x, a_intent, misc_attr, y);
    } else if (!strcmp(el, "charts")) {
        each_attr(l, x, a_charts, misc_attr, y);
    } else if (!strcmp(el, "typography")) {
        each_attr(l, x, a_typo, misc_attr, y);
    }
    /* any other element: the schema said it has no place here */
}

/* The {fields} of the running header and footer: each one known. */
static void check_fields(L *l, xmlNodePtr root, const Layout *y)
{
    static const char *fields[] = { "title", "subtitle", "organisation", "department", "running-title",
                                    "date", "reference", "page", "pages", NULL };
    for (xmlNodePtr x = root->children; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE || (strcmp((const char *)x->name, "header") != 0 &&
                                            strcmp((const char *)x->name, "footer") != 0))
            continue;
        const char *const *slots = x->name[0] == 'h' ? y->header : y->footer;
        for (int s = 0; s < 3; s++) {
            for (const char *p = slots[s]; p && (p = strchr(p, '{')); p++) {
                const char *e = strchr(p, '}');
                bool ok = false;
                for (int k = 0; e && fields[k]; k++)
                    ok |= strlen(fields[k]) == (size_t)(e - p - 1) && !strncmp(p + 1, fields[k], (size_t)(e - p - 1));
                if (!ok) {
                    LERR(x, _("the field %.*s in <%s> is not known"), e ? (int)(e - p + 1) : (int)strlen(p), p,
                         (const char *)x->name);
                    diag_hint(&l->rp->diags, _("fields: {title} {subtitle} {organisation} {department} {running-title} {date} {reference} {page} {pages}"));
                    break;
                }
            }
        }
    }
}

/* The hyphenation dictionaries in the folder of `path` (hyph_sv_SE,
 * hyph_en_US ...), their names without ".dic" in sorted order and
 * separated by ", ", in buf; false if there are none. */
static bool dictionaries_beside(const char *path, char *buf, size_t cap)
{
    char dir[512];
    const char *slash = strrchr(path, '/');
    snprintf(dir, sizeof dir, "%.*s", slash ? (int)(slash - path > 0 ? slash - path : 1) : 1, slash ? path : ".");
    struct dirent **list = NULL;
    int n = scandir(dir, &list, NULL, alphasort);
    size_t k = 0;
    buf[0] = 0;
    int shown = 0;
    for (int i = 0; i < n; i++) {
        size_t len = strlen(list[i]->d_name);
        if (len > 4 && !strcmp(list[i]->d_name + len - 4, ".dic") && shown < 12 && k < cap) {
            k += (size_t)snprintf(buf + k, cap - k, "%s%.*s", shown ? ", " : "", (int)(len - 4), list[i]->d_name);
            shown++;
        }
        free(list[i]);
    }
    free(list);
    return shown > 0 && k < cap;
}

/* What the layout as a whole must have: a font, room between the page's
 * margins, its hyphenation patterns (else a warning, and none); and the
 * styles it left out, inherited from body. */
static void complete(L *l, xmlNodePtr root, Layout *y)
{
    if (y->nfamilies == 0)
        diag_error(&l->rp->diags, l->file, xmlread_line(root), xmlread_col(root),
                   _("the layout declares no font"));
    if (y->nfamilies == 0)
        diag_hint(&l->rp->diags, _("add <font family=\"sans\" regular=\"...ttf\"/> before the styles that use it"));
    if (y->page_w < 100000 || y->page_h < 100000 ||
        y->margin_left + y->margin_right > y->page_w - 72000 ||
        y->margin_top + y->margin_bottom > y->page_h - 144000)
    {
        xmlNodePtr at = l->page ? l->page : root;
        diag_error(&l->rp->diags, l->file, xmlread_line(at), xmlread_col(at),
                   _("the page leaves too little room between its margins"));
        diag_hint(&l->rp->diags, _("a page is at least 100 pt (35 mm) each way, with 1 inch (25.4 mm) "
                  "between the left and right margins and 2 inches between top and bottom"));
    }
    if (y->hyphen_dict && access(y->hyphen_dict, R_OK) != 0) {
        xmlNodePtr at = l->hyphenation ? l->hyphenation : root;
        diag_warn(&l->rp->diags, l->file, xmlread_line(at), xmlread_col(at),
                  _("hyphenation dictionary %s not found; words will not be hyphenated"), y->hyphen_dict);
        char have[400];
        /* a name mistyped; but a Swedish one missing is the package not
         * installed (others may be, with an office suite) */
        const char *base = strrchr(y->hyphen_dict, '/');
        base = base ? base + 1 : y->hyphen_dict;
        bool swedish = !strncmp(base, "hyph_sv", 7);
        if (dictionaries_beside(y->hyphen_dict, have, sizeof have) && !(swedish && !strstr(have, "hyph_sv")))
            diag_hint(&l->rp->diags, _("the dictionaries there: %s; or leave out <hyphenation> to turn it off"), have);
        else
            diag_hint(&l->rp->diags, _("install the Debian package hyphen-sv, or leave out <hyphenation> to turn it off"));
        y->hyphen_dict = NULL;
    }
    /* lines closer than four fifths of their size print over each other
     * (leading="0" gave one black smear of a paragraph; size="36" alone
     * kept the 14 pt leading of the text): each style the layout sets */
    for (int i = 0; i < ST_COUNT; i++) {
        const Style *s = &y->styles[i];
        if (!l->style[i] || !s->set || (int64_t)s->leading * 5 >= (int64_t)s->size * 4)
            continue;
        char size[32], least[32];
        rp_decimal(size, sizeof size, s->size / 1000.0, s->size % 1000 ? 1 : 0);
        rp_decimal(least, sizeof least, ceil(s->size * 0.8 / 100.0) / 10.0, 1);
        xmlChar *lead = xmlGetProp(l->style[i], (const xmlChar *)"leading");
        if (lead)
            LERR(l->style[i], _("leading=\"%s\" puts the lines of this %s pt text over each other"),
                 (const char *)lead, size);
        else
            LERR(l->style[i], _("the lines of this %s pt text stand closer than its size: it needs a leading of "
                                "%s pt at least"), size, least);
        diag_hint(&l->rp->diags, _("leading is the distance from one line to the next: about 1.3 times the "
                                   "size (size 11, leading 14.5)"));
        xmlFree(lead);
    }
    for (int i = 1; i < ST_COUNT; i++)
        if (!y->styles[i].set) {
            y->styles[i] = y->styles[ST_BODY];
            if (i >= ST_H1 && i <= ST_H5)
                y->styles[i].variant = VAR_BOLD;
        }
}

static void load(L *l, xmlNodePtr root)
{
    Layout *y = l->lay;
    Words words = { 0 };
    xmlChar *nm = xmlGetProp(root, (const xmlChar *)"name");
    y->name = arena_strdup(&l->rp->arena, nm ? (const char *)nm : "layout");
    xmlFree(nm);
    for (xmlNodePtr x = root->children; x; x = x->next) {
        if (x->type != XML_ELEMENT_NODE)
            continue;
        const char *el = (const char *)x->name;
        if (!strcmp(el, "font")) {
            load_font(l, x, y);
        } else if (!strcmp(el, "fallback-font")) {
            load_fallback(l, x, y);
        } else if (!strcmp(el, "style")) {
            load_style(l, x, y);
        } else if (!strcmp(el, "status")) {
            load_status(l, x, y);
        } else if (!strcmp(el, "words")) {
            xmlChar *t = xmlGetProp(x, (const xmlChar *)"type"), *g = xmlGetProp(x, (const xmlChar *)"lang");
            load_words(l, x, t ? arena_strdup(&l->rp->arena, (const char *)t) : NULL,
                       g ? arena_strdup(&l->rp->arena, (const char *)g) : NULL, &words);
            xmlFree(t);
            xmlFree(g);
        } else {
            load_settings(l, x, el, y);
        }
    }
    y->words = words.v;
    y->nwords = words.n;
    check_fields(l, root, y);
    complete(l, root, y);
}

/* The styles whose colour is the accent unless they give their own:
 * the headings a reader's eye goes to first (h3 to h5 are run-in
 * headings within the text, and keep the text's colour). */
static const int accent_styles[] = { ST_H1, ST_H2, ST_TOC_TITLE, ST_COVER_TITLE };

/* A colour given once: <colors accent="..."> is the colour of the rules
 * (rule), the cover band (cover-band), the first chart series (the first
 * of chart) and the headings above, each unless the layout gives that
 * colour itself. Run after the styles left out have taken body's. */
static void accent_fallbacks(L *l)
{
    Layout *y = l->lay;
    if (!l->rule_given)
        y->rule_color = y->accent;
    if (!l->band_given)
        y->cover_band = y->accent;
    if (!l->chart_given)
        y->chart_colors[0] = y->accent;
    for (size_t i = 0; i < sizeof accent_styles / sizeof accent_styles[0]; i++)
        if (!l->color_given[accent_styles[i]])
            y->styles[accent_styles[i]].color = y->accent;
}

/* WCAG contrast ratio of two colours, 1 to 21. */
static double luminance(uint32_t c)
{
    double ch[3] = { ((c >> 16) & 255) / 255.0, ((c >> 8) & 255) / 255.0, (c & 255) / 255.0 };
    for (int i = 0; i < 3; i++)
        ch[i] = ch[i] <= 0.03928 ? ch[i] / 12.92 : pow((ch[i] + 0.055) / 1.055, 2.4);
    return 0.2126 * ch[0] + 0.7152 * ch[1] + 0.0722 * ch[2];
}

static double contrast(uint32_t a, uint32_t b)
{
    double la = luminance(a), lb = luminance(b);
    return la > lb ? (la + 0.05) / (lb + 0.05) : (lb + 0.05) / (la + 0.05);
}

/* The chart palette in black and white: series take its colours in
 * order, so each colour should print as a grey at least
 * RP_CHART_GREY_APART from the one before it. Where it does not, the
 * chart still tells the series apart (bars are hatched, lines dashed),
 * but the layout's author should know. */
static void check_chart_greys(L *l, xmlNodePtr root)
{
    const Layout *y = l->lay;
    for (int i = 1; i < y->nchart_colors; i++) {
        uint32_t a = y->chart_colors[i - 1], b = y->chart_colors[i];
        double ga = layout_grey(a), gb = layout_grey(b);
        if (fabs(ga - gb) >= RP_CHART_GREY_APART)
            continue;
        xmlNodePtr at = l->colors ? l->colors : root;
        diag_warn(&l->rp->diags, l->file, xmlread_line(at), xmlread_col(at),
                  _("chart colours %d and %d (#%06X and #%06X) print as greys %.0f %% and %.0f %%: "
                  "in black and white their series look alike"), i, i + 1, (unsigned)a, (unsigned)b,
                  ga * 100, gb * 100);
        diag_hint(&l->rp->diags, _("order chart=\"...\" dark and light in turn, %.0f %% apart or more "
                  "(e.g. #005596 #E0A800 #C8102E #5B9BD5); bars too alike are hatched"),
                  RP_CHART_GREY_APART * 100);
    }
}

/* What a reader with poor sight or a black-and-white print needs: text
 * with a contrast of 4.5:1 (WCAG 1.4.3), and statuses of one kind told
 * apart by shape, not colour alone. */
static void check_legibility(L *l, xmlNodePtr root)
{
    Layout *y = l->lay;
    Diags *d = &l->rp->diags;
    for (int i = 0; i < ST_COUNT; i++)
        if (y->styles[i].set && contrast(y->styles[i].color, 0xFFFFFF) < 4.5) {
            xmlNodePtr at = l->style[i] ? l->style[i] : root;
            char c[32];
            diag_warn(d, l->file, xmlread_line(at), xmlread_col(at),
                      _("the text colour of style \"%s\" has a contrast of %s:1 on white paper; 4.5:1 is needed to be read easily"),
                      style_names[i], rp_decimal(c, sizeof c, contrast(y->styles[i].color, 0xFFFFFF), 1));
            diag_hint(d, _("choose a darker colour; #1A1A1A or #005596 read well"));
        }
    if (contrast(y->table_head_color, y->table_head_fill) < 4.5) {
        xmlNodePtr at = l->colors ? l->colors : root;
        char c[32];
        diag_warn(d, l->file, xmlread_line(at), xmlread_col(at),
                  _("table header text has a contrast of %s:1 on its fill; 4.5:1 is needed"),
                  rp_decimal(c, sizeof c, contrast(y->table_head_color, y->table_head_fill), 1));
        diag_hint(d, _("make table-head-text darker or table-head-fill lighter"));
    }
    for (int i = 0; i < y->nstatuses; i++)
        for (int k = i + 1; k < y->nstatuses; k++)
            if (y->statuses[i].activity == y->statuses[k].activity &&
                y->statuses[i].shape == y->statuses[k].shape) {
                xmlNodePtr at = l->status[k] ? l->status[k] : root;
                diag_warn(d, l->file, xmlread_line(at), xmlread_col(at),
                          _("statuses \"%s\" and \"%s\" have the same shape: in black and white they differ only by their word"),
                          y->statuses[i].name, y->statuses[k].name);
                diag_hint(d, _("give each status of a kind its own shape: circle, square, triangle, diamond, ring"));
            }
    check_chart_greys(l, root);
}

static int is_path(const char *name)
{
    size_t n = strlen(name);
    return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".xml") == 0);
}

/* The name of a layout of rapport's own that `name` is written for,
 * in another case or with å, ä, ö ("Linköping" for "linkoping"), or
 * NULL. */
static const char *near_layout(Arena *a, const char *data_dir, const char *name)
{
    char fold[64];
    size_t k = 0;
    for (const unsigned char *q = (const unsigned char *)name; *q && k < sizeof fold - 1; q++) {
        if (q[0] == 0xC3 && q[1]) {
            unsigned char c = q[1] | 0x20;          /* å ä ö, Å Ä Ö */
            fold[k++] = c == 0xA5 || c == 0xA4 ? 'a' : c == 0xB6 ? 'o' : c == 0xA9 ? 'e' : '?';
            q++;
        } else {
            fold[k++] = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
        }
    }
    fold[k] = 0;
    if (!data_dir || !strcmp(fold, name))
        return NULL;
    const char *path = arena_printf(a, "%s/layouts/%s.xml", data_dir, fold);
    return access(path, R_OK) == 0 ? arena_strdup(a, fold) : NULL;
}


/* The file of the layout `name` given on the command line, for the
 * report at report_path (NULL: none): a path as it is or from the
 * report's folder; a name beside the report, in layouts/ there, then
 * among rapport's own. NULL if none is there; what was looked for in
 * tried[0..*ntried) (at most 3). */
static const char *find_given(Arena *a, const char *data_dir, const char *name, const char *report_path,
                              const char **tried, int *ntried)
{
    if (is_path(name)) {
        if (access(name, R_OK) == 0)
            return name;
        tried[(*ntried)++] = name;
        if (!report_path || name[0] == '/')
            return NULL;
        const char *alt = arena_printf(a, "%s/%s", files_dir(a, report_path), name);
        if (access(alt, R_OK) == 0)
            return alt;
        tried[(*ntried)++] = alt;
        return NULL;
    }
    const char *cand[3];
    int nc = 0;
    if (report_path) {
        const char *rd = files_dir(a, report_path);
        cand[nc++] = arena_printf(a, "%s/%s.xml", rd, name);
        cand[nc++] = arena_printf(a, "%s/layouts/%s.xml", rd, name);
    }
    if (data_dir)
        cand[nc++] = arena_printf(a, "%s/layouts/%s.xml", data_dir, name);
    for (int i = 0; i < nc; i++) {
        if (access(cand[i], R_OK) == 0)
            return cand[i];
        tried[(*ntried)++] = cand[i];
    }
    return NULL;
}

bool layout_exists(const char *data_dir, const char *name, const char *report_path)
{
    Arena a;
    arena_init(&a);
    const char *tried[4];
    int ntried = 0;
    bool found = find_given(&a, data_dir, name, report_path, tried, &ntried) != NULL;
    arena_free(&a);
    return found;
}

const char *layout_files(Arena *a, const Layout *y)
{
    const char *read[2] = { y->icc_data ? y->icc_profile : NULL,
                            y->cover_logo.image ? y->cover_logo.image->path : NULL };
    const char *all = "";
    char key[4200];
    for (int i = 0; i < 2; i++) {
        if (!read[i])
            continue;
        if (!engine_file_key(read[i], key, sizeof key))
            return NULL;
        all = arena_printf(a, "%s%s\n", all, key);
    }
    return all;
}

Layout *layout_load(Rp *rp, const char *name, const char *report_path, int line, int col, bool from_report)
{
    Arena *a = &rp->arena;
    const char *found = NULL;
    const char *tried[4];
    int ntried = 0;
    if (is_path(name) && from_report) {
        /* a layout a report names by path stays within its reach */
        const char *why = NULL;
        found = files_resolve(rp, report_path ? files_dir(a, report_path) : ".", rp->data_dir, name, &why);
        if (found && !files_regular(found, &why))
            found = NULL;           /* a FIFO would stall the run */
        if (!found) {
            diag_add(&rp->diags, DIAG_ERROR, report_path ? report_path : "rapport", line, col,
                     files_outside(why) ? _("put the layout beside the report; --allow-paths lifts this rule")
                                            : _("a layout's path is relative to the report's folder"),
                     _("the layout \"%s\" cannot be used: %s"), name, why);
            return NULL;
        }
    } else {
        found = find_given(a, rp->data_dir, name, report_path, tried, &ntried);
    }
    if (!found || access(found, R_OK) != 0) {
        /* named by the report: at its place; by --layout: the command's */
        const char *where = from_report && report_path ? report_path : "rapport";
        const char *near = is_path(name) ? NULL : near_layout(a, rp->data_dir, name);
        /* named by the report: at its place; else by the command line */
        diag_error(&rp->diags, where, from_report ? line : 0, from_report ? col : 0,
                   _("layout \"%s\" not found"), name);
        char buf[1024] = "";
        size_t k = 0;
        for (int i = 0; i < ntried && k < sizeof buf - 100; i++)
            k += (size_t)snprintf(buf + k, sizeof buf - k, "%s%s", i ? ", " : "", tried[i]);
        if (!ntried && found)
            snprintf(buf, sizeof buf, "%s", found);
        if (near)
            diag_hint(&rp->diags, _("there is a layout \"%s\": write that name (looked for %s)"), near, buf);
        else
            diag_hint(&rp->diags, _("looked for %s; the default layout is \"linkoping\""), buf);
        return NULL;
    }
    /* read already, beside the run or before a batch forked (rapport.c) */
    char key[4200];
    engine_wait(rp->engine, ENGINE_LAYOUT);
    const LayoutKept *kept = rp->engine && engine_file_key(found, key, sizeof key)
                           ? engine_lookup(rp->engine, "layout", key) : NULL;
    const char *files = kept ? layout_files(a, kept->layout) : NULL;
    if (files && !strcmp(files, kept->files))
        return kept->layout;
    XmlFile f;
    if (xmlread_parse(rp, &f, found, NULL, 0, NULL, 0) != 0)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(f.doc);
    if (strcmp((const char *)root->name, "layout") != 0) {
        diag_error(&rp->diags, found, xmlread_line(root), xmlread_col(root),
                   _("this is not a layout: it starts with <%s>, a layout with <layout>"),
                   (const char *)root->name);
        diag_hint(&rp->diags, _("--layout and layout=\"...\" name a layout file such as layouts/linkoping.xml"));
        xmlread_close(&f);
        return NULL;
    }
    Layout *y = ARENA_NEW(a, Layout);
    layout_defaults(y);
    y->path = found;
    L l = { .rp = rp, .file = found, .dir = files_dir(a, found), .lay = y };
    int before = diag_errors(&rp->diags);
    /* the structure first, then the values: every mistake in one run */
    xmlread_validate(rp, &f, "layout", rp_layout_rng, rp_layout_rng_len);
    load(&l, root);
    accent_fallbacks(&l);
    check_legibility(&l, root);
    xmlread_close(&f);
    return diag_errors(&rp->diags) > before ? NULL : y;
}
