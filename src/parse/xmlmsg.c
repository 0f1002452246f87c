/*
 * xmlmsg.c - libxml2's errors said in rapport's words (parse stage).
 * See xmlmsg.h.
 *
 * Two kinds come here. Errors of the XML itself (domain parser or
 * namespace) are read by their code, with the detail libxml2 passes
 * beside the text (a name in str1, a number in int1); after the first,
 * the parser's further messages mostly follow from it and are dropped.
 * Errors of validation against report.rng or layout.rng (domain
 * RELAX NG) name elements and attributes in str1 and str2; libxml2 adds
 * to each real mistake the failures it causes up the tree ("failed to
 * validate content", an "extra content" of the parent), which are
 * dropped. A layout's messages say what a layout holds, not a report.
 */
#include "xmlmsg.h"
#include "value.h"
#include "xmlread.h"
#include "../base/limits.h"
#include "../base/utf8.h"
#include "../base/i18n.h"

#include <libxml/relaxng.h>
#include <ctype.h>
#include <limits.h>
#include <stddef.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void xmlmsg_begin(XmlMsgs *m, Rp *rp, const char *path, const char *kind, const char *rng, size_t rnglen)
{
    memset(m, 0, sizeof *m);
    m->rp = rp;
    m->path = path;
    m->rng = rng;
    m->rnglen = rnglen;
    m->layout = kind && !strcmp(kind, "layout");
}

static void free_doc(void *p) { xmlFreeDoc(p); }

/* The schema as a tree, read when a message first needs it (a valid
 * file never does), or NULL. */
static xmlDocPtr schema_tree(XmlMsgs *m)
{
    if (!m->schema && m->rng) {
        m->schema = xmlReadMemory(m->rng, (int)m->rnglen, m->layout ? "layout.rng" : "report.rng", NULL,
                                  XML_PARSE_NONET | XML_PARSE_NOBLANKS);
        if (m->schema)
            arena_on_free(&m->rp->arena, free_doc, m->schema);
        m->rng = NULL;                  /* once, even if it failed */
    }
    return m->schema;
}

/* ---- errors of the XML itself ----------------------------------------- */

static const char *const FIRST_LINE =
    N_("begin the file with exactly <?xml version=\"1.0\" encoding=\"UTF-8\"?>, with nothing before it, not even a space");

/* The end tag that closes the wrong element: libxml2 names it only in
 * its text, "... mismatch: NAME line N and OTHER". */
static void mismatched_end(const char *text, char *b, size_t cap)
{
    const char *other = NULL;
    for (const char *p = text; (p = strstr(p, " and ")); p++)
        other = p + 5;
    snprintf(b, cap, "%.127s", other ? other : "");
    b[strcspn(b, "\n")] = 0;
}

/* Characters, references and encodings: a message and hint for error
 * e, or false if it is not one of them. */
static bool character_words(const xmlError *e, char *msg, size_t cap, const char **hint)
{
    const char *text = e->message ? e->message : "";
    const char *s1 = e->str1 ? e->str1 : "";
    int v = e->int1;
    switch (e->code) {
    case XML_ERR_INVALID_CHAR:
        if (strstr(text, "not proper UTF-8")) {
            snprintf(msg, cap, _("the file is not valid UTF-8 here"));
            *hint = _("save the file as UTF-8 (in most editors: Save as, Encoding: UTF-8)");
        } else if (strstr(text, "CharRef")) {
            if (v > 0x10FFFF || v < 0 || strstr(text, "out of bounds"))
                snprintf(msg, cap, _("a character reference (&#...;) past the last Unicode character"));
            else if (v >= 0xD800 && v <= 0xDFFF)
                snprintf(msg, cap, _("the character reference to U+%04X names half of a UTF-16 pair, not a character"), v);
            else
                snprintf(msg, cap, _("the character reference to U+%04X names a control character, which XML does not allow"), v);
            *hint = _("write the character itself, or a reference to a real one such as &#160; (a no-break space)");
        } else if (v == 0) {
            snprintf(msg, cap, _("the file contains a NUL byte (a zero character)"));
            *hint = _("the file is damaged or not a text file; open it in an editor and save it again as UTF-8");
        } else {
            snprintf(msg, cap, _("the file contains the control character U+%04X, which XML does not allow"), v);
            *hint = _("remove it: most editors do not show it; it often comes with text pasted from another program");
        }
        return true;
    case XML_ERR_INVALID_HEX_CHARREF:
    case XML_ERR_INVALID_DEC_CHARREF:
    case XML_ERR_INVALID_CHARREF:
        snprintf(msg, cap, _("a character reference (&#...;) that is not a number"));
        *hint = _("write &#160; or &#xA0; (digits only), or the character itself");
        return true;
    case XML_ERR_ENTITYREF_SEMICOL_MISSING:
        snprintf(msg, cap, _("a & that begins no reference"));
        *hint = _("write & as &amp; in text");
        return true;
    case XML_ERR_NAME_REQUIRED:
        if (strstr(text, "EntityRef")) {
            snprintf(msg, cap, _("a lone & in the text"));
            *hint = _("write & as &amp; in text");
        } else if (strstr(text, "StartTag")) {
            snprintf(msg, cap, _("a < that begins no element"));
            *hint = _("write < as &lt; in text; an element's name begins with a letter");
        } else {
            snprintf(msg, cap, _("a name is missing here"));
        }
        return true;
    case XML_ERR_UNDECLARED_ENTITY:
    case XML_WAR_UNDECLARED_ENTITY:
        snprintf(msg, cap, _("&%.100s; is not a reference XML knows"), s1);
        *hint = _("only &amp; &lt; &gt; &quot; &apos; and numeric references like &#160; are allowed");
        return true;
    case XML_ERR_UNKNOWN_ENCODING:
    case XML_ERR_UNSUPPORTED_ENCODING:
    case XML_ERR_ENCODING_NAME:
    case XML_ERR_INVALID_ENCODING:
        snprintf(msg, cap, _("the file names an encoding rapport does not read%s%.60s%s"),
                 *s1 ? " (" : "", s1, *s1 ? ")" : "");
        *hint = _("save the file as UTF-8 and write encoding=\"UTF-8\" in its first line");
        return true;
    case XML_ERR_ENTITY_LOOP:
    case XML_ERR_ENTITY_PROCESSING:
        snprintf(msg, cap, _("an entity that rapport does not expand"));
        *hint = _("report files use no DTD and no entities; write the text itself");
        return true;
    default:
        return false;
    }
}

/* Tags, attributes, comments and the like: a message and hint for
 * error e, or false if it is not one of them. */
static bool markup_words(const xmlError *e, char *msg, size_t cap, const char **hint)
{
    const char *text = e->message ? e->message : "";
    const char *s1 = e->str1 ? e->str1 : "";
    int v = e->int1;
    switch (e->code) {
    case XML_ERR_LT_IN_ATTRIBUTE:
        snprintf(msg, cap, _("a < inside an attribute's value"));
        *hint = _("write < as &lt;; or is the closing quote of the value missing?");
        return true;
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
        snprintf(msg, cap, _("an attribute's value without quotes"));
        *hint = _("attribute values are written in quotes: name=\"value\"");
        return true;
    case XML_ERR_ATTRIBUTE_NOT_FINISHED:
    case XML_ERR_STRING_NOT_CLOSED:
    case XML_ERR_LITERAL_NOT_FINISHED:
        snprintf(msg, cap, _("a value is not closed with its quote"));
        *hint = _("attribute values are written in quotes: name=\"value\"");
        return true;
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
        snprintf(msg, cap, _("the attribute \"%.100s\" has no value"), s1);
        *hint = _("write name=\"value\"");
        return true;
    case XML_ERR_ATTRIBUTE_REDEFINED:
        snprintf(msg, cap, _("the attribute \"%.100s\" is given twice"), s1);
        *hint = _("keep one of them");
        return true;
    case XML_ERR_SPACE_REQUIRED:
        snprintf(msg, cap, _("a space is missing here"));
        *hint = _("separate attributes with a space: a=\"1\" b=\"2\"");
        return true;
    case XML_ERR_COMMENT_NOT_FINISHED:
        snprintf(msg, cap, _("a comment <!-- is not closed with -->"));
        *hint = _("close the comment, or remove it");
        return true;
    case XML_ERR_HYPHEN_IN_COMMENT:
        snprintf(msg, cap, _("two hyphens (--) inside a comment"));
        *hint = _("an XML comment <!-- ... --> may not contain -- inside it; write a single hyphen or a dash");
        return true;
    case XML_ERR_PI_NOT_STARTED:
    case XML_ERR_PI_NOT_FINISHED:
        snprintf(msg, cap, _("a <? ... ?> instruction that is not closed"));
        *hint = _("close it with ?>, or remove it: a report needs only its first line <?xml ...?>");
        return true;
    case XML_ERR_MISPLACED_CDATA_END:
        snprintf(msg, cap, _("]]> in the text"));
        *hint = _("write ]]&gt;");
        return true;
    case XML_ERR_CDATA_NOT_FINISHED:
        snprintf(msg, cap, _("a <![CDATA[ section that is not closed with ]]>"));
        *hint = _("close it with ]]>, or write the text without CDATA (& as &amp;, < as &lt;)");
        return true;
    case XML_ERR_GT_REQUIRED:
        if (*s1)
            snprintf(msg, cap, _("the tag <%.100s ...> is not closed with >"), s1);
        else
            snprintf(msg, cap, _("a tag is not closed with >"));
        *hint = _("look for a missing > or quote in the tag");
        return true;
    case XML_ERR_TAG_NAME_MISMATCH: {
        char b[128];
        mismatched_end(text, b, sizeof b);
        snprintf(msg, cap, _("<%.100s> from line %d is not closed before </%s>"), s1, v, b);
        *hint = !strcmp(s1, "br") ? _("a line break is written <br/>, with its slash: it is never closed")
                                  : _("every <name> must be closed by </name> in the same order; look at the element the message names");
        return true;
    }
    case XML_ERR_TAG_NOT_FINISHED:
        snprintf(msg, cap, _("the file ends before <%.100s> (line %d) is closed"), s1, v);
        *hint = _("the file ends before all elements are closed: is it cut short, or is a closing tag missing?");
        return true;
    case XML_ERR_LTSLASH_REQUIRED:
        snprintf(msg, cap, _("the file ends before all elements are closed"));
        *hint = _("is it cut short, or is a closing tag missing?");
        return true;
    case XML_ERR_NAME_TOO_LONG:
        snprintf(msg, cap, _("a name longer than XML allows"));
        *hint = _("element and attribute names are short words, such as <p> or width");
        return true;
    default:
        return false;
    }
}

/* The file as a whole (its first line, its start and end, its depth,
 * namespaces): a message and hint for error e, or false if it is not
 * one of them. */
static bool document_words(const xmlError *e, char *msg, size_t cap, const char **hint)
{
    const char *text = e->message ? e->message : "";
    const char *s1 = e->str1 ? e->str1 : "";
    switch (e->code) {
    case XML_ERR_RESERVED_XML_NAME:
        snprintf(msg, cap, _("<?xml ...?> may only stand at the very start of the file"));
        *hint = _(FIRST_LINE);
        return true;
    case XML_ERR_XMLDECL_NOT_STARTED:
    case XML_ERR_XMLDECL_NOT_FINISHED:
    case XML_ERR_VERSION_MISSING:
    case XML_ERR_UNKNOWN_VERSION:
    case XML_WAR_UNKNOWN_VERSION:
    case XML_ERR_VERSION_MISMATCH:
    case XML_ERR_STANDALONE_VALUE:
        snprintf(msg, cap, _("the first line <?xml ...?> is not written as XML wants it"));
        *hint = _(FIRST_LINE);
        return true;
    case XML_ERR_DOCUMENT_EMPTY:
    case XML_ERR_DOCUMENT_START:
        if (strstr(text, "empty")) {
            snprintf(msg, cap, _("the file has no report in it"));
            *hint = _("a report file starts with <?xml version=\"1.0\" encoding=\"UTF-8\"?> and then <report>");
        } else {
            snprintf(msg, cap, _("the file does not begin with an element"));
            *hint = _("a report file starts with <?xml version=\"1.0\" encoding=\"UTF-8\"?> and then <report>");
        }
        return true;
    case XML_ERR_DOCUMENT_END:
        snprintf(msg, cap, _("something follows the end of the file's last element"));
        *hint = _("everything must be inside the one <report> element");
        return true;
    case XML_ERR_INTERNAL_ERROR:
        if (strstr(text, "depth")) {
            snprintf(msg, cap, _("elements are nested deeper than %d here, the most rapport accepts"), RP_MAX_XML_DEPTH);
            *hint = _("a list inside a list inside a list ... cannot be read on paper; flatten the structure");
            return true;
        }
        return false;
    case XML_WAR_LANG_VALUE:
        snprintf(msg, cap, _("xml:lang=\"%.60s\" is not a language code"), s1);
        *hint = _("the report's language is given once, on <report lang=\"sv\">");
        return true;
    case XML_WAR_NS_URI:
    case XML_WAR_NS_URI_RELATIVE:
        snprintf(msg, cap, _("a namespace is declared here; report files use none"));
        *hint = _("leave out xmlns=\"...\"");
        return true;
    default:
        return false;
    }
}

/* A message and hint for an error of the XML itself, from its code. */
static void parser_words(const xmlError *e, char *msg, size_t cap, const char **hint)
{
    const char *s1 = e->str1 ? e->str1 : "";
    *hint = _("look here for an element that is not closed, an attribute value without quotes, "
            "or a & or < in the text (write them &amp; and &lt;)");
    if (e->domain == XML_FROM_NAMESPACE) {
        if (e->level == XML_ERR_WARNING)
            snprintf(msg, cap, _("a namespace is declared here; report files use none"));
        else if (*s1)
            snprintf(msg, cap, _("the prefix \"%s:\" names no namespace; report files use none"), s1);
        else
            snprintf(msg, cap, _("a namespace declaration that XML does not allow; report files use none"));
        *hint = _("write names without a prefix (<p>, not <x:p>) and leave out xmlns=\"...\"");
        return;
    }
    if (character_words(e, msg, cap, hint) || markup_words(e, msg, cap, hint) ||
        document_words(e, msg, cap, hint))
        return;
    if (e->level == XML_ERR_WARNING) {
        snprintf(msg, cap, _("something unusual in the XML here"));
        *hint = _("it is read anyway; compare it with the example report in README.md");
    } else {
        snprintf(msg, cap, _("the file is not well-formed XML here"));
    }
}

/* ---- errors of validation ----------------------------------------------- */

/* The values an attribute may take, for the message when one is wrong. */
static const struct { const char *el, *attr, *values; } allowed[] = {
    { "report", "type", "verksamhetsberattelse, delarsrapport, verksamhetsplan, internbudget, rapport" },
    { "section", "toc", "yes, no" }, { "section", "new-page", "yes, no" }, { "goal", "toc", "yes, no" },
    { "contents", "levels", N_("1 to 5") },
    { "list", "type", "bullet, number, none" }, { "list", "numbering", N_("1. or 1)") },
    { "list", "start", N_("a whole number from 1 to 10000") },
    { "table", "font-size", "normal, small" }, { "table", "header-rows", N_("a whole number from 0") },
    { "row-role", "role", "header, group, sum, part, sub, subheader, normal" }, { "row-role", "sum-of", "above" },
    { "row-role", "row", N_("a row number of the CSV from 1, or last") },
    { "column", "type", "text, number, status" }, { "column", "align", "left, right, center" },
    { "column", "decimals", "0, 1, 2, 3, 4, 5, 6, as-written" }, { "column", "sign", "auto, always" },
    { "column", "width", N_("auto, or a length like 30mm, 40%, 2*") },
    { "row", "role", "header, group, sum, part, sub, normal" }, { "row", "sum-of", "above" },
    { "cell", "colspan", N_("a whole number from 1") }, { "cell", "rowspan", N_("a whole number from 1") },
    { "cell", "align", "left, right, center" },
    { "num", "decimals", "0, 1, 2, 3, 4, 5, 6, as-written" }, { "num", "sign", "auto, always" },
    { "chart", "type", "line, bar, stacked-bar, horizontal-bar, pie, donut" }, { "chart", "legend", "yes, no" }, { "chart", "value-labels", "yes, no" },
    { "chart", "height", N_("a length like 60mm") }, { "series", "line", "solid, dashed, dotted" },
    { "axis", "decimals", N_("0 to 6") }, { "axis", "min", N_("a number with a point for decimals, e.g. 0 or 12.5") },
    { "axis", "max", N_("a number with a point for decimals, e.g. 100 or 12.5") },
    { "axis", "step", N_("a number with a point for decimals, e.g. 10 or 2.5") },
    { "ref", "show", "page, title, both" }, { "legend", "statuses", "goal, activity" },
    { "figure", "width", N_("a length like 60mm or 50%") },
};

/* v in lower case, with å, ä and ö as a, a and o (values are written
 * without them: "delarsrapport"), into out. */
static void fold_value(const char *v, char *out, size_t cap)
{
    size_t k = 0;
    for (const unsigned char *q = (const unsigned char *)v; *q && k + 1 < cap; q++) {
        if (q[0] == 0xC3 && (q[1] == 0xA5 || q[1] == 0xA4 || q[1] == 0x85 || q[1] == 0x84)) {
            out[k++] = 'a';
            q++;
        } else if (q[0] == 0xC3 && (q[1] == 0xB6 || q[1] == 0x96)) {
            out[k++] = 'o';
            q++;
        } else {
            out[k++] = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
        }
    }
    out[k] = 0;
}

/* The hint for a wrong value v: the value it most likely means ("did you
 * mean type=\"delarsrapport\"?"), or what the attribute takes. */
/* Values written in other words that mean one the format takes: a
 * row "total" is a sum row. */
static const struct { const char *el, *attr, *said, *means; } synonyms[] = {
    { "column", "type", "percent", "number\" unit=\"%" }, { "column", "type", "procent", "number\" unit=\"%" },
    { "column", "type", "numeric", "number" }, { "column", "type", "tal", "number" },
    { "row", "role", "total", "sum" },     { "row", "role", "totalt", "sum" },    { "row", "role", "summa", "sum" },
    { "row", "role", "subtotal", "sum" },  { "row", "role", "delsumma", "sum" },  { "row", "role", "rubrik", "header" },
    { "row", "role", "head", "header" },   { "row", "role", "grupp", "group" },   { "row", "role", "varav", "part" },
};

static const char *values_hint(const char *el, const char *attr, const char *v, char *buf, size_t cap)
{
    char said[64];
    fold_value(v ? v : "", said, sizeof said);
    for (size_t i = 0; v && i < sizeof synonyms / sizeof *synonyms; i++) {
        if (!strcmp(synonyms[i].el, el) && !strcmp(synonyms[i].attr, attr) && !strcmp(said, synonyms[i].said)) {
            snprintf(buf, cap, _("did you mean %s=\"%s\"?"), attr, synonyms[i].means);
            return buf;
        }
    }
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (!strcmp(allowed[i].el, el) && !strcmp(allowed[i].attr, attr)) {
            char fv[64], one[64];
            fold_value(v ? v : "", fv, sizeof fv);
            const char *near = NULL;
            int best = 3;               /* two edits at most, and fewer than the word has */
            for (const char *p = strchr(allowed[i].values, ',') ? allowed[i].values : ""; *p;) {
                const char *e = strchr(p, ',');
                size_t l = e ? (size_t)(e - p) : strlen(p);
                snprintf(one, sizeof one, "%.*s", (int)l, p);
                int d = value_distance(fv, one);
                if (d < best && d < (int)l) {
                    best = d;
                    near = p;
                }
                p = e ? e + 2 : p + l;
            }
            if (near) {
                const char *e = strchr(near, ',');
                int l = e ? (int)(e - near) : (int)strlen(near);
                snprintf(buf, cap, _("did you mean %s=\"%.*s\"? (allowed: %s)"), attr, l, near, allowed[i].values);
            } else {
                snprintf(buf, cap, strchr(allowed[i].values, ',') ? _("allowed: %s") : _("write %s"),
                         _(allowed[i].values));
            }
            return buf;
        }
    if (!strcmp(attr, "id"))
        return _("an id is a name of letters, digits, - and _ (no spaces, not starting with a digit)");
    return _("check the spelling; README.md, section \"Elements\", lists the values");
}

/* The attributes an element has in the schema, after `def` (an <element>
 * or <define> of the schema), as "a, b, c" appended to buf. Follows
 * <ref> to its <define>, not into nested elements; depth-bounded. */
static void schema_attrs_in(xmlDocPtr schema, xmlNodePtr def, char *buf, size_t cap, int depth)
{
    if (depth > 12)
        return;
    for (xmlNodePtr c = def->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || !strcmp((const char *)c->name, "element"))
            continue;
        xmlChar *name = xmlGetProp(c, (const xmlChar *)"name");
        if (name && !strcmp((const char *)c->name, "attribute")) {
            if (!strstr(buf, (const char *)name)) {
                size_t k = strlen(buf);
                snprintf(buf + k, cap - k, "%s%s", k ? ", " : "", (const char *)name);
            }
        } else if (name && !strcmp((const char *)c->name, "ref")) {
            for (xmlNodePtr d = xmlDocGetRootElement(schema)->children; d; d = d->next)
                if (d->type == XML_ELEMENT_NODE && !strcmp((const char *)d->name, "define")) {
                    xmlChar *dn = xmlGetProp(d, (const xmlChar *)"name");
                    if (dn && !strcmp((const char *)dn, (const char *)name))
                        schema_attrs_in(schema, d, buf, cap, depth + 1);
                    xmlFree(dn);
                }
        } else {
            schema_attrs_in(schema, c, buf, cap, depth + 1);
        }
        xmlFree(name);
    }
}

static void schema_find_elements(xmlDocPtr schema, xmlNodePtr n, const char *el, char *buf, size_t cap)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)n->name, "element")) {
            xmlChar *name = xmlGetProp(n, (const xmlChar *)"name");
            if (name && !strcmp((const char *)name, el))
                schema_attrs_in(schema, n, buf, cap, 0);
            xmlFree(name);
        }
        schema_find_elements(schema, n->children, el, buf, cap);
    }
}

/* Does element `el` have attribute `attr` in the schema? Lists its
 * attributes in buf. True when the schema is not at hand. */
static bool schema_has_attr(XmlMsgs *m, const char *el, const char *attr, char *buf, size_t cap)
{
    buf[0] = 0;
    xmlDocPtr schema = schema_tree(m);
    if (!schema)
        return true;
    schema_find_elements(schema, xmlDocGetRootElement(schema), el, buf, cap);
    for (const char *p = buf; (p = strstr(p, attr)); p++) {
        size_t l = strlen(attr);
        if ((p == buf || p[-1] == ' ') && (p[l] == ',' || p[l] == 0))
            return true;
    }
    return false;
}

/* The attributes an element must have (from report.rng and layout.rng),
 * and what to say when one is missing. */
typedef struct Required { const char *el, *attr, *hint; } Required;

static const Required required[] = {
    { "chart", "type", N_("allowed: line, bar, stacked-bar, horizontal-bar, pie, donut") },
    { "chart", "alt", N_("describe the chart in a sentence for readers who cannot see it (a screen reader reads it aloud)") },
    { "figure", "src", N_("name a PNG or JPEG file in the report's folder") },
    { "figure", "alt", N_("describe the image in a sentence for readers who cannot see it (a screen reader reads it aloud)") },
    { "fnref", "to", N_("name the id of the <footnote> it repeats") },
    { "ref", "to", N_("name the id of the element it points to") },
    { "link", "href", N_("the web address, e.g. https://www.linkoping.se") },
    { "status", "value", N_("one of the layout's status names") },
    { "series", "name", N_("the series' name, shown in the legend") },
    { "include", "src", N_("the file of the part, relative to this file's folder, e.g. <include src=\"ekonomi.xml\"/>") },
};

static const Required layout_required[] = {
    { "font", "family", N_("the family's name, which styles use: e.g. <font family=\"sans\" regular=\"../fonts/Carlito-Regular.ttf\"/>") },
    { "font", "regular", N_("the file of the regular face: e.g. <font family=\"sans\" regular=\"../fonts/Carlito-Regular.ttf\"/>") },
    { "fallback-font", "regular", N_("e.g. <fallback-font regular=\"../fonts/DejaVuSans.ttf\" bold=\"../fonts/DejaVuSans-Bold.ttf\"/>") },
    { "style", "name", N_("the style it sets: body, h1, h2, h3, h4, h5, list, caption, table, table-small, table-head, "
                       "table-note, footnote, header, footer, toc-title, toc1, toc2, toc3, toc-appendix, cover-title, "
                       "cover-subtitle, cover-org, cover-meta, chart, legend or goal") },
    { "status", "name", N_("the name reports use in <status value=\"...\">: e.g. <status name=\"met\" kind=\"goal\" color=\"#2E8540\" shape=\"circle\" word=\"Uppfyllt\"/>") },
    { "status", "word", N_("the word printed beside the marker: e.g. <status name=\"met\" kind=\"goal\" color=\"#2E8540\" shape=\"circle\" word=\"Uppfyllt\"/>") },
    { "word", "key", N_("the key names the wording it sets, e.g. <word key=\"contents\">Innehåll</word>") },
};

/* "<el> has no attribute "a"", with the attributes it has (`list`, from
 * schema_has_attr) as the hint. */
static void no_such_attribute(const char *el, const char *a, const char *list, char *msg, size_t cap,
                              const char **hint, char *hbuf, size_t hcap)
{
    snprintf(msg, cap, _("<%.100s> has no attribute \"%.100s\""), el, a);
    if (*list)
        snprintf(hbuf, hcap, _("its attributes: %.360s"), list);
    else
        snprintf(hbuf, hcap, _("<%.100s> takes no attributes"), el);
    *hint = hbuf;
}

/* An attribute of `node` that element `el` does not have in the schema:
 * says which, with the ones it has (msg, hint); false if none. libxml2
 * names it itself ("Invalid attribute") unless the element's attributes
 * are an <interleave> with a required one missing: then it says only
 * that they "failed to validate". */
static bool unknown_attribute(XmlMsgs *m, xmlNodePtr node, const char *el, char *msg, size_t cap,
                              const char **hint, char *hbuf, size_t hcap)
{
    for (xmlAttrPtr at = node ? node->properties : NULL; at; at = at->next) {
        char list[400];
        const char *a = (const char *)at->name;
        if (at->ns || schema_has_attr(m, el, a, list, sizeof list))
            continue;
        no_such_attribute(el, a, list, msg, cap, hint, hbuf, hcap);
        return true;
    }
    return false;
}

/* "Element X failed to validate attributes": a required attribute is
 * missing, or one from a fixed list has a wrong value. Says which (msg,
 * hint); false if neither (another message covers it). */
static bool attribute_problem(XmlMsgs *m, xmlNodePtr node, const char *el, char *msg, size_t cap,
                              const char **hint, char *hbuf, size_t hcap)
{
    if (m->layout) {
        /* a layout's values are checked by layout_load.c, not here */
        for (size_t i = 0; node && i < sizeof layout_required / sizeof layout_required[0]; i++)
            if (!strcmp(layout_required[i].el, el) && !xmlHasProp(node, (const xmlChar *)layout_required[i].attr)) {
                snprintf(msg, cap, _("<%s> needs %s=\"...\""), el, layout_required[i].attr);
                *hint = _(layout_required[i].hint);
                return true;
            }
        return false;
    }
    for (size_t i = 0; node && i < sizeof required / sizeof required[0]; i++) {
        if (strcmp(required[i].el, el) != 0)
            continue;
        xmlChar *v = xmlGetProp(node, (const xmlChar *)required[i].attr);
        if (!v) {
            snprintf(msg, cap, _("<%s> needs %s=\"...\""), el, required[i].attr);
            *hint = _(required[i].hint);
            return true;
        }
        for (size_t k = 0; k < sizeof allowed / sizeof allowed[0]; k++) {
            if (strcmp(allowed[k].el, el) != 0 || strcmp(allowed[k].attr, required[i].attr) != 0)
                continue;
            const char *list = allowed[k].values, *p = list;
            size_t vl = strlen((const char *)v);
            bool ok = false;
            while (*p && !ok) {
                const char *e = strchr(p, ',');
                size_t l = e ? (size_t)(e - p) : strlen(p);
                ok = l == vl && !memcmp(p, v, vl);
                p = e ? e + 2 : p + l;
            }
            if (!ok) {
                snprintf(msg, cap, _("%s=\"%.100s\" is not a value <%s> takes"), required[i].attr, (const char *)v, el);
                *hint = values_hint(el, required[i].attr, (const char *)v, hbuf, hcap);
                xmlFree(v);
                return true;
            }
        }
        xmlFree(v);
    }
    return false;
}

/* Children an element must have, in order, and how to write them. */
static const struct { const char *el, *child, *hint; } needed[] = {
    { "chart", "categories", N_("write the labels first, separated by |: <categories>jan | feb | mar</categories>") },
    { "chart", "series", N_("give the values: <series name=\"2024\">12 14 9</series>, one per category") },
    { "list", "item", N_("a list holds items: <item>...</item>") },
    { "appendices", "appendix", N_("the appendices are listed one by one: <appendix><heading>Internkontrollplan</heading></appendix>") },
    { "appendix", "heading", N_("an appendix begins with its heading: <appendix><heading>...</heading>") },
    { "section", "heading", N_("a section begins with its heading: <section><heading>...</heading><p>...</p>") },
    { "goal", "heading", N_("a goal begins with its heading: <goal status=\"...\"><heading>...</heading>") },
};

/* Is there an element `name` among the siblings before n? */
static bool has_child_before(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->prev : NULL; c; c = c->prev)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
            return true;
    return false;
}

static bool has_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
            return true;
    return false;
}

/* The element `node` lacks a child it needs: says which (msg, hint);
 * false if it lacks none of these. */
static bool missing_child(xmlNodePtr node, char *msg, size_t cap, const char **hint)
{
    for (size_t i = 0; node && i < sizeof needed / sizeof needed[0]; i++)
        if (!strcmp((const char *)node->name, needed[i].el) && !has_child(node, needed[i].child)) {
            snprintf(msg, cap, _("<%s> needs <%s>"), needed[i].el, needed[i].child);
            *hint = _(needed[i].hint);
            return true;
        }
    return false;
}

static bool is_inline(const char *name)
{
    static const char *inl[] = { "b", "i", "sup", "sub", "nohyphen", "br", "num", "status", "footnote",
                                 "fnref", "ref", "link", NULL };
    for (int i = 0; inl[i]; i++)
        if (!strcmp(name, inl[i]))
            return true;
    return false;
}

/* Does n (an <item> or <cell>) hold text, or inline elements, beside
 * paragraphs or lists? It may hold either, not both (as HTML allows). */
static bool mixes_blocks(xmlNodePtr n)
{
    bool text = false, blocks = false;
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next) {
        if (c->type == XML_TEXT_NODE && c->content)
            text |= ((const char *)c->content)[strspn((const char *)c->content, " \t\r\n")] != 0;
        else if (c->type == XML_ELEMENT_NODE && is_inline((const char *)c->name))
            text = true;
        else if (c->type == XML_ELEMENT_NODE && (!strcmp((const char *)c->name, "p") ||
                                                 !strcmp((const char *)c->name, "list")))
            blocks = true;
    }
    return text && blocks;
}

void xmlmsg_empty_attribute(const char *attr, const char *elem, char *msg, size_t cap, char *hint, size_t hcap)
{
    snprintf(msg, cap, _("%s=\"\" on <%s> is empty"), attr, elem);
    if (!strcmp(attr, "alt"))
        snprintf(hint, hcap, "%s", _("write a sentence that says what it shows: screen readers "
                                     "read it to those who cannot see it"));
    else if (!strcmp(attr, "src"))
        snprintf(hint, hcap, "%s", _("write the file's name, as in src=\"bild.png\""));
    else
        snprintf(hint, hcap, _("write its value, or leave %s out where <%s> may go without it"), attr, elem);
}

/* A child <name> of parent with an attribute left empty (value=""), said
 * as such at the child: its mixed content fails for it, and libxml2 tells
 * that as the parent holding what it may not. True if one was found. */
static bool empty_attribute_of(xmlNodePtr parent, const char *name, XmlMsgs *m, char *msg, size_t cap,
                               const char **hint, xmlNodePtr *at)
{
    for (xmlNodePtr c = parent ? parent->children : NULL; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE || strcmp((const char *)c->name, name) != 0)
            continue;
        for (xmlAttrPtr a = c->properties; a; a = a->next) {
            xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
            bool empty = !v || !v[strspn((const char *)v, " \t\r\n")];   /* value=" " too: it failed */
            xmlFree(v);
            if (!empty)
                continue;
            *at = c;
            xmlmsg_empty_attribute((const char *)a->name, name, msg, cap, m->hint, sizeof m->hint);
            *hint = m->hint;
            return true;
        }
    }
    return false;
}

/* The first <item> or <cell> at or below n (depth levels at most) that
 * holds text beside paragraphs or lists, or NULL. */
static xmlNodePtr first_mixed(xmlNodePtr n, int depth)
{
    if (!n || depth < 0)
        return NULL;
    if ((!strcmp((const char *)n->name, "item") || !strcmp((const char *)n->name, "cell")) && mixes_blocks(n))
        return n;
    for (xmlNodePtr c = n->children; c; c = c->next) {
        xmlNodePtr f = c->type == XML_ELEMENT_NODE ? first_mixed(c, depth - 1) : NULL;
        if (f)
            return f;
    }
    return NULL;
}

/* <item> or <cell> n (named a) holding text beside paragraphs or lists,
 * said as such: true. Also one inside it ("<item><p>Tre:</p><list>
 * <item>Torn<list>..."): the outer item failed for it, and libxml2 says
 * the outer may not hold its <p>. */
static bool mixed_words(xmlNodePtr n, const char *a, xmlNodePtr *at, char *msg, size_t cap, const char **hint,
                        char *hbuf, size_t hcap)
{
    if (strcmp(a, "item") != 0 && strcmp(a, "cell") != 0)
        return false;
    xmlNodePtr mixed = first_mixed(n, 16);
    if (!mixed)
        return false;
    n = mixed;
    a = (const char *)n->name;
    *at = n;
    snprintf(msg, cap, _("<%.100s> holds text and paragraphs or lists side by side"), a);
    snprintf(hbuf, hcap, _("put its text in a <p> of its own: <%s><p>Text</p><list>...</list></%s>; "
                           "<%s> holds either text, or paragraphs and lists, not both"), a, a, a);
    *hint = hbuf;
    return true;
}

/* n, or the element above it named `name` (libxml2 points at the child
 * where it noticed a mistake of its parent). */
static xmlNodePtr element_named(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr x = n; x && x->type == XML_ELEMENT_NODE; x = x->parent)
        if (!strcmp((const char *)x->name, name))
            return x;
    return n;
}

/* Is `inner` at or below `outer`? */
static bool within(xmlNodePtr inner, xmlNodePtr outer)
{
    for (; inner; inner = inner->parent)
        if (inner == outer)
            return true;
    return false;
}

/* The first text of `el` that is more than white space, or NULL: text
 * typed straight into an element that holds only elements. */
static xmlNodePtr stray_text(xmlNodePtr el)
{
    if (!el || el->type != XML_ELEMENT_NODE || is_inline((const char *)el->name))
        return NULL;                        /* <br>text</br>: said as "may not hold text" */
    for (xmlNodePtr c = el->children; c; c = c->next)
        if (c->type == XML_TEXT_NODE && c->content &&
            ((const char *)c->content)[strspn((const char *)c->content, " \t\r\n")])
            return c;
    return NULL;
}

/* "text straight inside <el>: "the text..."", placed at the text. */
static void stray_text_words(XmlMsgs *m, xmlNodePtr *at, xmlNodePtr text, char *msg, size_t cap,
                             const char **hint)
{
    const char *s = (const char *)text->content;
    s += strspn(s, " \t\r\n");
    size_t n = strcspn(s, "\r\n"), cut = n > 60 ? 60 : n;
    while (cut < n && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--;                              /* not inside a character */
    snprintf(msg, cap, _("text straight inside <%.100s>: \"%.*s%s\""), (const char *)(*at)->name,
             (int)cut, s, cut < n ? "..." : "");
    const char *el = (const char *)(*at)->name;
    *hint = m->layout ? _("in a layout, text goes only in <word>; settings are attributes")
          : !strcmp(el, "list") ? _("a list's text goes in its items: write <item> before it and </item> after it")
          : !strcmp(el, "row") || !strcmp(el, "table") ? _("a table's text goes in its cells: <row><cell>...</cell></row>")
          : !strcmp(el, "meta") ? _("<meta> holds elements such as <title>...</title>; text stands inside them")
          : _("text goes in a paragraph: write <p> before it and </p> after it");
    *at = text;
}

static const char *const FORMAT_HINT =
    N_("README.md, section \"Elements\", shows what each element holds and where it may stand");
static const char *const LAYOUT_HINT =
    N_("layouts/linkoping.xml shows every element of a layout and where it stands");
static const char *const LAYOUT_HOLDS =
    N_("a layout holds page, font, fallback-font, hyphenation, colors, spacing, style, header, footer, cover, "
    "contents, footnotes, charts, typography, output-intent, status and words");

/* Is there an element `el` anywhere in the schema? True when the schema
 * is not at hand. */
static bool schema_has_element(xmlNodePtr n, const char *el)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)n->name, "element")) {
            xmlChar *name = xmlGetProp(n, (const xmlChar *)"name");
            bool hit = name && !strcmp((const char *)name, el);
            xmlFree(name);
            if (hit)
                return true;
        }
        if (schema_has_element(n->children, el))
            return true;
    }
    return false;
}

/* Whether <open>, ended by </end>, is the misspelt one: no element of
 * the format is called `open`, one is called `end`, and the names are
 * near ("heding", "heading"; "sektion", "section"). */
static bool misspelt_start(XmlMsgs *m, const char *open, const char *end)
{
    if (!*open || !*end)
        return false;
    int d = value_distance(open, end);
    if (d > 2 || 2 * d > (int)strlen(end))
        return false;
    xmlDocPtr schema = schema_tree(m);
    xmlNodePtr root = schema ? xmlDocGetRootElement(schema) : NULL;
    return root && !schema_has_element(root, open) && schema_has_element(root, end);
}

/* An element a layout has no place for: unknown, or known elsewhere. */
static void layout_misplaced(XmlMsgs *m, xmlNodePtr node, const char *el, char *msg, size_t cap,
                             const char **hint, char *hbuf, size_t hcap)
{
    const char *parent = node && node->parent && node->parent->type == XML_ELEMENT_NODE
                       ? (const char *)node->parent->name : "layout";
    xmlDocPtr schema = schema_tree(m);
    if (schema && !schema_has_element(xmlDocGetRootElement(schema), el)) {
        snprintf(msg, cap, _("unknown element <%.100s> in a layout"), el);
        *hint = _(LAYOUT_HOLDS);
    } else if (!strcmp(parent, "words")) {
        snprintf(msg, cap, _("<words> holds only <word key=\"...\">text</word>, not <%.100s>"), el);
        *hint = _("move it out of <words>, or write it as a <word>");
    } else if (!strcmp(el, "word")) {
        snprintf(msg, cap, _("<word> stands inside <words>, not in <%.100s>"), parent);
        *hint = _("e.g. <words><word key=\"contents\">Innehåll</word></words>");
    } else {
        snprintf(msg, cap, _("<%.100s> may not stand inside <%.100s>"), el, parent);
        snprintf(hbuf, hcap, _("%s, each directly inside <layout>"), _(LAYOUT_HOLDS));
        *hint = hbuf;
    }
}

/* What the schema's datatype names mean to a report writer. */
static const char *type_words(const char *type)
{
    static const struct { const char *type, *words; } t[] = {
        { "positiveInteger", N_("a whole number, 1 or more") }, { "nonNegativeInteger", N_("a whole number, 0 or more") },
        { "NCName", N_("a name of letters, digits, - and _ (no spaces, not starting with a digit)") },
        { "date", N_("a date written 2025-02-20") }, { "decimal", N_("a number with a point for decimals") },
        { "integer", N_("a whole number") }, { "string", N_("text of the right form (see README.md)") },
        { "language", N_("a language code such as sv") }, { "anyURI", N_("a web address") },
    };
    for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
        if (!strcmp(type, t[i].type))
            return _(t[i].words);
    return _("of the right form (see README.md)");
}

/* A second <date> or another element given twice (libxml2 names the
 * element in `a`); without a node, said at the next message's element
 * (false). */
/* A date written the Swedish way ("20 feb 2025", "20 februari 2025",
 * "20/2 2025", "20.2.2025", "2025-2-20") as 2025-02-20 in `out`; false
 * when it is not read as a date. */
static bool iso_date(const char *s, char *out, size_t cap)
{
    static const char *const months[] = { "jan", "feb", "mar", "apr", "maj", "jun",
                                          "jul", "aug", "sep", "okt", "nov", "dec" };
    int n[3], k = 0, month = 0;
    /* two figures each, with hyphens: the Swedish short form, year first
     * (ÅÅ-MM-DD: "25-02-20" is 2025-02-20, not 2020-02-25) */
    size_t sl = strlen(s);
    bool year_first = sl == 8 && s[2] == '-' && s[5] == '-' && strspn(s, "0123456789-") == 8;
    for (const char *p = s; *p && k < 3;) {
        if (*p >= '0' && *p <= '9') {
            long v = strtol(p, (char **)&p, 10);
            if (v > 9999)
                return false;
            year_first |= k == 0 && v > 31;
            n[k++] = (int)v;
        } else if ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z') {
            const char *w = p;
            while ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z')
                p++;
            for (int i = 0; i < 12 && !month && p - w >= 3; i++)
                if (!strncasecmp(w, months[i], 3))
                    month = i + 1;
            if (!month || k != 1)
                return false;
            n[k++] = month;
        } else {
            p++;
        }
    }
    if (k != 3)
        return false;
    int y = year_first ? n[0] : n[2], mo = n[1], d = year_first ? n[2] : n[0];
    if (y < 100)
        y += 2000;
    static const int days[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (y < 1900 || y > 9999 || mo < 1 || mo > 12 || d < 1 || d > days[mo - 1] || (mo == 2 && d == 29 && !leap))
        return false;
    snprintf(out, cap, "%04d-%02d-%02d", y, mo, d);
    return true;
}

/* The <date> of <meta> (`node`, or one below it) that is not a date:
 * quoted, with the date written right when it can be read. */
static void date_words(XmlMsgs *m, xmlNodePtr node, char *msg, size_t cap, const char **hint)
{
    xmlNodePtr date = NULL;
    int dates = 0;
    if (node && !strcmp((const char *)node->name, "date"))
        node = node->parent;
    for (xmlNodePtr c = node ? node->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "date")) {
            dates++;
            date = dates == 1 || !date ? c : date;
        }
    if (dates > 1) {
        snprintf(msg, cap, _("<date> is given twice"));
        *hint = _("<meta> holds one <date>, the report's own: keep one");
        return;
    }
    xmlChar *v = date ? xmlNodeGetContent(date) : NULL;
    const char *s = v ? (const char *)v : "";
    s += strspn(s, " \t\r\n");
    char iso[32];
    int y, mo, d, end = 0;
    static const int mdays[12] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
    size_t sl = strlen(s);
    if (sl >= 10 && sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &end) == 3 && end == 10 && s[4] == '-' &&
        s[7] == '-' && strspn(s + 10, " \t\r\n") == sl - 10) {
        /* written right, but no such day: 2026-09-31, 2025-02-29, 2025-13-01 */
        bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
        int last = mo >= 1 && mo <= 12 ? (mo == 2 && !leap ? 28 : mdays[mo - 1]) : 0;
        if (y == 0) {
            snprintf(msg, cap, _("<date>%.10s</date> has no year: the calendar has no year 0000"), s);
        } else if (!last) {
            snprintf(msg, cap, _("<date>%.10s</date> has no month %d: the months are 01 to 12"), s, mo);
        } else {
            snprintf(msg, cap, _("<date>%.10s</date> is not a day: month %02d of %d has %d days"), s, mo, y, last);
        }
        *hint = _("write the date of a day the calendar has, year-month-day");
        xmlFree(v);
        return;
    }
    snprintf(msg, cap, _("<date>%.60s</date> is not a date written as 2025-02-20"), s);
    if (iso_date(s, iso, sizeof iso) && strncmp(s, iso, strlen(iso)) != 0) {
        snprintf(m->hint, sizeof m->hint, _("write it year-month-day, with digits: <date>%s</date>"), iso);
        *hint = m->hint;
    } else {
        *hint = _("write the date year-month-day, with digits, e.g. <date>2025-02-20</date>");
    }
    xmlFree(v);
}

static bool twice_or_misplaced(XmlMsgs *m, xmlNodePtr node, const char *a, char *msg, size_t cap,
                               const char **hint)
{
    if (!node) {                        /* said at the next message's element */
        snprintf(m->pending, sizeof m->pending, "%s", a);
        return false;
    }
    int same = 0;                       /* <a> in its <meta>: once, and empty, is what failed */
    for (xmlNodePtr k = node->parent ? node->parent->children : NULL; k; k = k->next)
        same += k->type == XML_ELEMENT_NODE && !strcmp((const char *)k->name, a);
    xmlChar *v = same == 1 ? xmlNodeGetContent(node) : NULL;
    bool empty = v && !v[strspn((const char *)v, " \t\r\n")];
    xmlFree(v);
    if (empty) {
        snprintf(msg, cap, _("<%.100s> is empty"), a);
        snprintf(m->hint, sizeof m->hint, _("write its text inside <%.100s>...</%.100s>, or remove the element"), a, a);
        *hint = m->hint;
    } else if (!strcmp(a, "date")) {
        date_words(m, node, msg, cap, hint);
    } else {
        snprintf(msg, cap, _("<%.100s> is given twice, or does not belong here"), a);
        *hint = _("<meta> holds each of its elements once: title, subtitle, organisation, department, "
                "date, reference, running-title, author, keywords");
    }
    return true;
}

/* The misplacings a writer makes most, in words of their own: a second
 * heading, a heading after the text, a cell outside a row. */
static bool misplaced_words(xmlNodePtr node, const char *a, char *msg, size_t cap, const char **hint)
{
    const char *parent = (const char *)node->parent->name;
    bool sectionlike = !strcmp(parent, "section") || !strcmp(parent, "goal");
    xmlNodePtr first = node->parent->children;
    while (first && first->type != XML_ELEMENT_NODE)
        first = first->next;
    if (sectionlike && !strcmp(a, "heading") && first != node) {
        if (first && !strcmp((const char *)first->name, "heading")) {
            snprintf(msg, cap, _("a second <heading> in one <%s>"), parent);
            *hint = _("a section has one heading; a heading below it begins a <section> of its own inside this one");
        } else {
            snprintf(msg, cap, _("<heading> must come first in <%s>"), parent);
            *hint = _("move <heading>...</heading> to the start of the section, before its text");
        }
        return true;
    }
    if (sectionlike && first == node && strcmp(a, "heading") != 0 && has_child(node->parent, "heading")) {
        snprintf(msg, cap, _("<%s> begins with its <heading>, not with <%s>"), parent, a);
        *hint = _("move <heading>...</heading> to the start of the section, before its text");
        return true;
    }
    if (!strcmp(a, "heading") && !strcmp(parent, "part")) {
        snprintf(msg, cap, _("a <heading> stands in a <section>, not straight in <part>"));
        *hint = _("a part holds sections and blocks: write <section><heading>...</heading>...</section>");
        return true;
    }
    if (!strcmp(parent, "report") && !has_child_before(node, "meta") && has_child(node->parent, "meta")) {
        snprintf(msg, cap, _("<%s> comes after <meta> in a <report>"), a);
        *hint = _("a report begins with <meta> (its title, date ...); then the contents and the sections");
        return true;
    }
    /* what a report holds before its appendices, after them; other
     * elements there have hints of their own (place_hint) */
    static const char *const body[] = { "appendices", "section", "p", "list", "table", "chart", "figure", "legend",
                                        "goal-overview", "page-break", "include", "landscape", NULL };
    bool in_body = false;
    for (int i = 0; body[i] && !in_body; i++)
        in_body = !strcmp(body[i], a);
    if (!strcmp(parent, "report") && in_body && has_child_before(node, "appendices")) {
        bool again = !strcmp(a, "appendices");
        snprintf(msg, cap, again ? _("a <report> has one <appendices>, which ends it")
                                 : _("<%s> comes before <appendices> in a <report>: the appendices end it"), a);
        *hint = again ? _("put these <appendix>es into the first <appendices>")
                      : _("move it above <appendices>, or into the <appendix> it belongs to");
        return true;
    }
    /* a part of a chart or table out of its order: which it comes after */
    static const struct { const char *el, *order[6]; } ordered[] = {
        { "chart", { "caption", "categories", "axis", "series", "source", NULL } },
        { "table", { "caption", "columns", "row-role", "row", "note", NULL } },
    };
    for (size_t i = 0; i < sizeof ordered / sizeof ordered[0]; i++) {
        if (strcmp(parent, ordered[i].el) != 0)
            continue;
        int mine = -1;
        for (int k = 0; ordered[i].order[k]; k++)
            if (!strcmp(ordered[i].order[k], a))
                mine = k;
        if (mine < 0)
            break;
        const char *order_hint = !strcmp(parent, "chart")
                                     ? _("the parts of a chart come in this order: <caption>, <categories>, <axis>, "
                                         "<series> (one or more), <source>")
                                     : _("the parts of a table come in this order: <caption>, <columns>, "
                                         "<row-role>s, <row>s, <note>s");
        for (int dir = 0; dir < 2; dir++)           /* one due before it after it; one due after it before */
            for (xmlNodePtr c = dir ? node->prev : node->next; c; c = dir ? c->prev : c->next) {
                if (c->type != XML_ELEMENT_NODE)
                    continue;
                for (int k = dir ? mine + 1 : 0; dir ? ordered[i].order[k] != NULL : k < mine; k++)
                    if (!strcmp(ordered[i].order[k], (const char *)c->name)) {
                        const char *fmt = dir ? _("<%s> comes before <%s> in a <%s>")
                                              : _("<%s> comes after <%s> in a <%s>");
                        snprintf(msg, cap, fmt, a, (const char *)c->name, parent);
                        *hint = order_hint;
                        return true;
                    }
            }
        break;
    }
    if (!strcmp(a, "cell") && !strcmp(parent, "table")) {
        snprintf(msg, cap, _("<cell> stands in a <row>, not straight in <table>"));
        *hint = _("write each row of cells as <row><cell>...</cell><cell>...</cell></row>");
        return true;
    }
    return false;
}

/* Where element a stands, for one found where it may not (in `parent`):
 * the common misplacements said in words (el NULL: any element in that
 * parent), else NULL. */
static const char *place_hint(const char *a, const char *parent)
{
    static const struct { const char *el, *parent, *hint; } places[] = {
        { "p", "p", N_("a paragraph cannot stand inside a paragraph: end the first with </p> before the next <p>") },
        { "list", "p", N_("a list stands between paragraphs: end the paragraph with </p> before <list>") },
        { "table", "p", N_("a table stands between paragraphs: end the paragraph with </p> before <table>") },
        { "item", NULL, N_("an <item> stands in a list: <list><item>...</item><item>...</item></list>") },
        { NULL, "list", N_("a list holds <item>s only: put it in one, <item>...</item> (an item may hold "
                           "paragraphs: <item><p>...</p><p>...</p></item>)") },
        { "row", NULL, N_("a <row> stands in a <table>: <table><row><cell>...</cell></row></table>") },
        { "contents", NULL, N_("<contents/> stands in <report> itself, after <meta> and before the first <section>") },
        { "meta", NULL, N_("<meta> is the first thing in <report>") },
        { "heading", NULL, N_("a <heading> is the first thing in its <section>, <goal> or <appendix>") },
        { "caption", NULL, N_("a <caption> is the first thing in its <table>, <figure> or <chart>") },
        { "appendix", NULL, N_("an <appendix> stands in <appendices>, at the end of the report") },
        { "section", NULL, N_("a <section> stands in <report>, in another <section> or in an <appendix>, "
                              "not inside text, a list or a table") },
        { "goal", NULL, N_("a <goal> stands in a <section>") },
    };
    for (size_t k = 0; k < sizeof places / sizeof *places; k++)
        if ((!places[k].el || !strcmp(places[k].el, a)) && (!places[k].parent || !strcmp(places[k].parent, parent)))
            return places[k].hint;
    return NULL;
}

static const char *nearest_element(xmlNodePtr n, const char *name, int *best, char *buf, size_t cap);

/* An element <a> where it may not stand: in a layout, what it belongs in;
 * in a report, the child its parent is missing, else "not allowed". */
static bool wrong_element(XmlMsgs *m, xmlNodePtr node, const char *a, char *msg, size_t cap,
                          const char **hint, char *hbuf, size_t hcap)
{
    if (m->layout) {
        layout_misplaced(m, node, a, msg, cap, hint, hbuf, hcap);
        return true;
    }
    if (node && node->parent && node->parent->type == XML_DOCUMENT_NODE && node->ns && node->ns->href) {
        snprintf(msg, cap, _("a namespace on <%.100s>; %s files use none"), a, m->layout ? _("layout") : _("report"));
        *hint = _("write names without a prefix (<p>, not <x:p>) and leave out xmlns=\"...\"");
        return true;
    }
    if (node && node->parent && node->parent->type == XML_DOCUMENT_NODE) {
        snprintf(msg, cap, _("the file starts with <%.100s>, not with <report>"), a);
        *hint = _("a report file holds one <report> element (a part of a report, one <part>); "
                "compare it with the example in README.md");
        return true;
    }
    xmlDocPtr schema = schema_tree(m);
    xmlNodePtr root = schema ? xmlDocGetRootElement(schema) : NULL;
    if (root && !schema_has_element(root, a)) {
        /* <iten>, <serie>, <captoin>: the name meant, not where an
         * element of that name may stand, nor what its parent lacks */
        int best = strlen(a) <= 4 ? 2 : 3;      /* one edit in a short name: not <goal> for <col> */
        hbuf[0] = 0;
        const char *near = nearest_element(root, a, &best, hbuf, hcap);
        if (near) {
            snprintf(msg, cap, _("unknown element <%.100s>"), a);
            snprintf(m->hint, sizeof m->hint, _("did you mean <%s>? README.md, section \"Elements\", lists every element"),
                     near);
            *hint = m->hint;
            return true;
        }
        /* none near: what its parent lacks, or where such an element
         * stands, says more (<category>: "<chart> needs <categories>") */
    }
    if (node && node->parent && missing_child(node->parent, msg, cap, hint)) {
        xmlChar *title = xmlGetProp(node->parent, (const xmlChar *)"title");
        if (title && !has_child(node->parent, "heading")) {     /* <section title="...">, as in HTML */
            snprintf(hbuf, hcap, _("write the title as the section's heading, not as title=\"...\": "
                                   "<%s><heading>%.100s</heading>"), (const char *)node->parent->name,
                     (const char *)title);
            *hint = hbuf;
        }
        xmlFree(title);
        return true;
    }
    if (node && misplaced_words(node, a, msg, cap, hint))
        return true;
    snprintf(msg, cap, _("<%.100s> is not allowed here"), a);
    *hint = _("this element is not allowed at this place; README.md, section \"Elements\", shows where each element may stand");
    const char *parent = node && node->parent && node->parent->type == XML_ELEMENT_NODE ? (const char *)node->parent->name : "";
    const char *where = place_hint(a, parent);
    if (where)
        *hint = _(where);
    return true;
}

/* Whether a is b with two letters side by side swapped ("tilte"). */
static bool swapped(const char *a, const char *b)
{
    size_t n = strlen(a), i = 0;
    if (n != strlen(b))
        return false;
    while (i < n && a[i] == b[i])
        i++;
    return i + 1 < n && a[i] == b[i + 1] && a[i + 1] == b[i] && !strcmp(a + i + 2, b + i + 2);
}

/* The field of <meta> that `name` most likely means: its Swedish name
 * ("datum": date) or a near spelling ("titel", "referens"); NULL if none. */
static const char *meta_field_near(const char *name)
{
    static const char *fields[] = { "title", "subtitle", "organisation", "department", "date", "reference",
                                    "running-title", "author", "keywords" };
    static const struct { const char *said, *field; } swedish[] = {
        { "titel", "title" }, { "rubrik", "title" }, { "undertitel", "subtitle" }, { "underrubrik", "subtitle" },
        { "datum", "date" }, { "n\xC3\xA4mnd", "organisation" }, { "organization", "organisation" },
        { "f\xC3\xB6rvaltning", "department" }, { "avdelning", "department" }, { "diarienummer", "reference" },
        { "dnr", "reference" }, { "referens", "reference" }, { "f\xC3\xB6rfattare", "author" },
        { "nyckelord", "keywords" }, { "sidhuvud", "running-title" },
    };
    for (size_t i = 0; i < sizeof swedish / sizeof *swedish; i++)
        if (!strcmp(swedish[i].said, name))
            return swedish[i].field;
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        size_t l = strlen(fields[i]);
        int d = value_distance(name, fields[i]);    /* "<name>" is no <date>: one letter off a short word */
        if (d > 0 && (d <= (l <= 5 ? 1 : 2) || (d == 2 && swapped(name, fields[i]))))
            return fields[i];
    }
    return NULL;
}

/* An element in <meta> (node's children) that is no field of it but
 * near one: what `want` may be missing for ("<titel>" for <title>). */
static xmlNodePtr meta_misspelt(xmlNodePtr meta, const char *want)
{
    for (xmlNodePtr c = meta ? meta->children : NULL; c; c = c->next) {
        const char *near = c->type == XML_ELEMENT_NODE ? meta_field_near((const char *)c->name) : NULL;
        if (near && !strcmp(near, want))
            return c;
    }
    return NULL;
}

/* The element of the schema whose name is nearest `name`, one the
 * format does not have ("iten": "item", "serie": "series"): within two
 * edits, fewer than its length; NULL if none is near. */
static const char *nearest_element(xmlNodePtr n, const char *name, int *best, char *buf, size_t cap)
{
    const char *found = NULL;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)n->name, "element")) {
            xmlChar *el = xmlGetProp(n, (const xmlChar *)"name");
            int d = el ? value_distance((const char *)el, name) : 99;
            if (el && strlen(name) >= 3 && !strncmp((const char *)el, name, strlen(name)))
                d = 1;                  /* a name cut short: <col> for <column> */
            /* of two as near, the shorter: <column> for <col>, not <columns> */
            if (el && d <= 2 && d < (int)strlen((const char *)el) &&
                (d < *best || (d == *best && *buf && strlen((const char *)el) < strlen(buf)))) {
                *best = d;
                snprintf(buf, cap, "%s", (const char *)el);
                found = buf;
            }
            xmlFree(el);
        }
        if (nearest_element(n->children, name, best, buf, cap))
            found = buf;
    }
    return found;
}

/* Something required missing inside `node`, or false where a wrong
 * attribute of inline content caused it (said by itself). */
static bool missing_element(XmlMsgs *m, xmlNodePtr node, const char *a, char *msg, size_t cap,
                            const char **hint)
{
    if (!m->layout && node && missing_child(node, msg, cap, hint))
        return true;
    if (!m->layout && is_inline(a))                   /* inline content misses nothing: a wrong attribute did it */
        return false;
    xmlNodePtr typo = !m->layout && node && !strcmp((const char *)node->name, "meta") ? meta_misspelt(node, a) : NULL;
    if (typo) {
        snprintf(msg, cap, _("<meta> has <%.100s> where it needs <%.100s>"), (const char *)typo->name, a);
        snprintf(m->hint, sizeof m->hint, _("write <%.100s>...</%.100s>: the elements' names are English"), a, a);
        *hint = m->hint;
        return true;
    }
    if (*a)
        snprintf(msg, cap, _("<%.100s> is missing here"), a);
    else
        snprintf(msg, cap, _("something required is missing inside this element"));
    if (!m->layout)
        *hint = _("an element the report format requires is missing here (README.md, section \"Elements\")");
    return true;
}

/* The attribute `a` of <b> (`node`): a value it does not take, or an
 * attribute it does not have, with the ones it has. */
static void invalid_attribute(XmlMsgs *m, xmlNodePtr node, const char *a, const char *b, char *msg,
                              size_t cap, const char **hint, char *hbuf, size_t hcap)
{
    char list[400];
    /* libxml2 names xml:lang "lang": a value not a language tag ("en_US") */
    xmlChar *xl = node && !strcmp(a, "lang") ? xmlGetNsProp(node, (const xmlChar *)"lang", XML_XML_NAMESPACE) : NULL;
    if (xl && schema_has_attr(m, b, "xml:lang", list, sizeof list)) {
        snprintf(msg, cap, _("xml:lang=\"%.100s\" is not a language tag"), (const char *)xl);
        *hint = _("write the language's code, as en (English), en-GB, de or fi; Swedish needs none");
        xmlFree(xl);
        return;
    }
    xmlFree(xl);
    if (schema_has_attr(m, b, a, list, sizeof list)) {
        xmlChar *v = node ? xmlGetProp(node, (const xmlChar *)a) : NULL;
        snprintf(msg, cap, _("%.100s=\"%.100s\" is not a value <%.100s> takes"), a, v ? (const char *)v : "", b);
        *hint = values_hint(b, a, (const char *)v, hbuf, hcap);
        xmlFree(v);
    } else {
        no_such_attribute(b, a, list, msg, cap, hint, hbuf, hcap);
    }
}

/* <a> holding <b> (or text) where it may not: said, or false where it
 * follows from a mistake said already. */
static bool extra_content(XmlMsgs *m, xmlNodePtr node, const char *a, const char *b, xmlNodePtr *at, char *msg,
                          size_t cap, const char **hint, char *hbuf, size_t hcap)
{
    if (m->last_node && node && within(m->last_node, node))
        return false;                   /* a child's mistake, said */
    if (!m->layout && !strcmp(a, "report") && !has_child(element_named(node, a), "meta"))
        return false;                   /* follows from the missing <meta>, said */
    if (!m->layout && m->last_node && node && is_inline(b) && within(m->last_node, element_named(node, a)))
        return false;                   /* a sibling's mistake (<fnref to="">) upsets the mixed content */
    if (!m->layout && is_inline(b) && empty_attribute_of(element_named(node, a), b, m, msg, cap, hint, at))
        return true;                    /* <status value=""/> upsets the mixed content around it */
    if (!m->layout && mixed_words(element_named(node, a), a, at, msg, cap, hint, hbuf, hcap))
        return true;
    if (!strcmp(b, "text") && stray_text(node))
        stray_text_words(m, at, stray_text(node), msg, cap, hint);
    else if (!strcmp(b, "text"))
        snprintf(msg, cap, _("<%.100s> may not hold text"), a);
    else
        snprintf(msg, cap, _("<%.100s> may not hold <%.100s>"), a, b);
    *hint = m->layout ? _(LAYOUT_HINT)
                      : _("this element holds something it may not; README.md, section \"Elements\", lists what goes where");
    if (!m->layout && !strcmp(a, "meta") && strcmp(b, "text") != 0) {
        const char *near = meta_field_near(b);
        if (near)
            snprintf(hbuf, hcap, _("did you mean <%.100s>? The elements' names are English"), near);
        else
            snprintf(hbuf, hcap, _("<meta> holds only the report's facts (title, subtitle, organisation, department, "
                                   "date, reference, running-title, author, keywords): move <%.100s> below </meta>"), b);
        *hint = hbuf;
    }
    return true;
}

/* A message and hint for a validation error, and the element it is
 * about (*at). False when the error only follows from another. */
static bool validity_words(XmlMsgs *m, const xmlError *e, xmlNodePtr *at, char *msg, size_t cap,
                           const char **hint, char *hbuf, size_t hcap)
{
    const char *a = e->str1 ? e->str1 : "", *b = e->str2 ? e->str2 : "";
    xmlNodePtr node = *at;
    const char *kind = m->layout ? _("layout") : _("report");
    *hint = m->layout ? _(LAYOUT_HINT) : _(FORMAT_HINT);
    switch (e->code) {
    case XML_RELAXNG_ERR_CONTENTVALID:      /* the parent of a mistake said already */
    case XML_RELAXNG_ERR_INTERSEQ:
    case XML_RELAXNG_ERR_DATATYPE:
    case XML_RELAXNG_ERR_VALUE:
    case XML_RELAXNG_ERR_LIST:
    case XML_RELAXNG_ERR_TYPE:
    case XML_RELAXNG_ERR_TYPECMP:
        return false;
    case XML_RELAXNG_ERR_TYPEVAL:
        snprintf(msg, cap, _("\"%.100s\" is not %s"), b, type_words(a));
        return true;
    case XML_RELAXNG_ERR_INTEREXTRA:
        return twice_or_misplaced(m, node, a, msg, cap, hint);
    case XML_RELAXNG_ERR_ELEMNAME:
        snprintf(msg, cap, _("<%.100s> is needed here, before <%.100s>"), a, b);
        if (!m->layout)
            *hint = _("an element the report format requires is missing here (README.md, section \"Elements\")");
        return true;
    case XML_RELAXNG_ERR_ELEMWRONG:
        if (!m->layout && node && node->parent && node->parent->type == XML_ELEMENT_NODE &&
            !strcmp((const char *)node->parent->name, "report") && !has_child(node->parent, "meta")) {
            /* what follows is in place: the <meta> before it is missing
             * (the builder says it precisely, in this message's place) */
            *at = node->parent;
            snprintf(msg, cap, _("<meta> is missing at the start of <report>"));
            return true;
        }
        return wrong_element(m, node, a, msg, cap, hint, hbuf, hcap);
    case XML_RELAXNG_ERR_NOELEM:
        return missing_element(m, node, a, msg, cap, hint);
    case XML_RELAXNG_ERR_NOTELEM:
        if (stray_text(node)) {
            stray_text_words(m, at, stray_text(node), msg, cap, hint);
            return true;
        }
        snprintf(msg, cap, _("text where only elements may stand"));
        *hint = m->layout ? _("in a layout, text goes only in <word>; settings are attributes")
                          : _("text goes in <p>, <item>, <cell>, <heading> and the like");
        return true;
    case XML_RELAXNG_ERR_ATTRVALID:
        if (!node) {        /* (after a choice it backtracked over) said at the end */
            snprintf(m->pending_attr, sizeof m->pending_attr, "%s", a);
            return false;
        }
        node = element_named(node, a);
        *at = node;
        return unknown_attribute(m, node, a, msg, cap, hint, hbuf, hcap) ||
               attribute_problem(m, node, a, msg, cap, hint, hbuf, hcap);
    case XML_RELAXNG_ERR_INVALIDATTR:
        *at = element_named(node, b);
        invalid_attribute(m, *at, a, b, msg, cap, hint, hbuf, hcap);
        return true;
    case XML_RELAXNG_ERR_EXTRACONTENT:
        return extra_content(m, node, a, b, at, msg, cap, hint, hbuf, hcap);
    case XML_RELAXNG_ERR_TEXTWRONG:
        if (stray_text(node)) {
            stray_text_words(m, at, stray_text(node), msg, cap, hint);
            return true;
        }
        snprintf(msg, cap, _("<%.100s> may not hold text here"), a);
        *hint = m->layout ? _("in a layout, text goes only in <word>; settings are attributes")
                          : _("text goes in <p>, <item>, <cell>, <heading> and the like; between the elements of this one, only elements stand");
        return true;
    case XML_RELAXNG_ERR_DATAELEM:
    case XML_RELAXNG_ERR_VALELEM:
    case XML_RELAXNG_ERR_LISTELEM:
        snprintf(msg, cap, _("<%.100s> holds plain text only, no elements"), a);
        *hint = _("remove the markup (<b>, <i> ...) inside it");
        return true;
    case XML_RELAXNG_ERR_ELEMNOTEMPTY:
        snprintf(msg, cap, _("<%.100s> must be empty"), a);
        snprintf(hbuf, hcap, _("write <%.100s/> and nothing inside it"), a);
        *hint = hbuf;
        return true;
    case XML_RELAXNG_ERR_LACKDATA:
        snprintf(msg, cap, _("<%.100s> is empty"), a);
        snprintf(hbuf, hcap, _("write its text inside <%.100s>...</%.100s>"), a, a);
        *hint = hbuf;
        return true;
    case XML_RELAXNG_ERR_ELEMNONS:
    case XML_RELAXNG_ERR_ELEMWRONGNS:
    case XML_RELAXNG_ERR_ELEMEXTRANS:
    case XML_RELAXNG_ERR_ATTRNONS:
    case XML_RELAXNG_ERR_ATTRWRONGNS:
    case XML_RELAXNG_ERR_ATTREXTRANS:
        snprintf(msg, cap, _("a namespace on <%.100s>; %s files use none"), node ? (const char *)node->name : a, kind);
        *hint = _("write names without a prefix (<p>, not <x:p>) and leave out xmlns=\"...\"");
        return true;
    default:
        snprintf(msg, cap, _("this does not follow the %s format"), kind);
        return true;
    }
}

/* ---- recording ---------------------------------------------------------- */

static void record(XmlMsgs *m, DiagLevel lvl, int line, int col, xmlNodePtr node, const char *hint,
                   const char *msg)
{
    /* libxml2 repeats some messages for one place; keep one */
    if (line == m->last_line && strcmp(msg, m->last_msg) == 0)
        return;
    m->last_line = line;
    snprintf(m->last_msg, sizeof m->last_msg, "%s", msg);
    if (node)
        m->last_node = node;
    m->count++;
    if (lvl == DIAG_ERROR)
        m->errors++;
    diag_add(&m->rp->diags, lvl, m->path, line, col > 0 ? col : 0, hint, "%s", msg);
}

/* The interleave's extra element, at the place of `near` (the element
 * libxml2 names next) or of its child of that name. */
static void say_pending(XmlMsgs *m, xmlNodePtr near)
{
    xmlNodePtr at = near;
    if (near && strcmp((const char *)near->name, m->pending) != 0) {
        /* the last of that name below it (in <meta>): the one too many */
        for (xmlNodePtr c = near->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE)
                continue;
            if (!strcmp((const char *)c->name, m->pending))
                at = c;
            for (xmlNodePtr g = c->children; g; g = g->next)
                if (g->type == XML_ELEMENT_NODE && !strcmp((const char *)g->name, m->pending))
                    at = g;
        }
    }
    xmlError e = { 0 };
    e.domain = XML_FROM_RELAXNGV;
    e.code = XML_RELAXNG_ERR_INTEREXTRA;
    e.str1 = m->pending;
    char msg[512], hbuf[400];
    const char *hint;
    xmlNodePtr node = at;
    validity_words(m, &e, &node, msg, sizeof msg, &hint, hbuf, sizeof hbuf);
    m->pending[0] = 0;
    record(m, DIAG_ERROR, at ? xmlread_line(at) : 0, at ? xmlread_col(at) : 0, at, hint, msg);
}

/* Where the text of a text node begins, past its leading white space. */
static void text_start(xmlNodePtr text, int *line, int *col)
{
    for (const char *s = (const char *)text->content; *s == ' ' || *s == '\t' || *s == '\r' || *s == '\n'; s++) {
        if (*s == '\n') {
            ++*line;
            *col = 1;
        } else if (*s != '\r') {
            ++*col;
        }
    }
}

/* The byte of the file's text at line:col (col counts characters), and
 * the start of its line in *start; false where there is no text. */
static bool source_at(const XmlMsgs *m, int line, int col, size_t *start, size_t *at)
{
    if (!m->src || line < 1 || col < 1)
        return false;
    size_t p = 0;
    for (int l = 1; l < line && p < m->srclen; p++)
        if (m->src[p] == '\n')
            l++;
    *start = *at = p;
    for (int c = 1; c < col && *at < m->srclen && m->src[*at] != '\n'; (*at)++)
        c += *at + 1 < m->srclen && ((unsigned char)m->src[*at + 1] & 0xC0) != 0x80;
    return *at < m->srclen;
}

/* The hint for &name;, a reference XML does not know: what to write
 * for the HTML ones that come with text pasted from a web page or an
 * editor (&auml;, &nbsp;, &ndash;), into buf. */
static const char *entity_hint(const char *name, char *buf, size_t cap)
{
    static const struct { const char *name, *is; } html[] = {
        { "auml", "\xC3\xA4" }, { "aring", "\xC3\xA5" }, { "ouml", "\xC3\xB6" }, { "Auml", "\xC3\x84" },
        { "Aring", "\xC3\x85" }, { "Ouml", "\xC3\x96" }, { "eacute", "\xC3\xA9" }, { "Eacute", "\xC3\x89" },
        { "uuml", "\xC3\xBC" }, { "ndash", "\xE2\x80\x93" }, { "mdash", "\xE2\x80\x94" },
        { "hellip", "\xE2\x80\xA6" }, { "rdquo", "\xE2\x80\x9D" }, { "ldquo", "\xE2\x80\x9D" },
        { "raquo", "\xC2\xBB" }, { "laquo", "\xC2\xAB" }, { "rsquo", "\xE2\x80\x99" },
        { "lsquo", "\xE2\x80\x99" }, { "euro", "\xE2\x82\xAC" }, { "sect", "\xC2\xA7" },
        { "deg", "\xC2\xB0" }, { "times", "\xC3\x97" }, { "minus", "\xE2\x88\x92" },
        { "bull", "\xE2\x80\xA2" }, { "middot", "\xC2\xB7" }, { "copy", "\xC2\xA9" },
        { "sup2", "\xC2\xB2" }, { "sup3", "\xC2\xB3" }, { "frac12", "\xC2\xBD" }, { "micro", "\xC2\xB5" },
    };
    if (!strcmp(name, "nbsp"))
        snprintf(buf, cap, "%s", _("write &#160; for a space that does not break, or a plain space"));
    else if (!strcmp(name, "shy"))
        snprintf(buf, cap, "%s", _("write &#173; for a place where the word may be divided, or leave it out"));
    else {
        const char *is = NULL;
        for (size_t k = 0; k < sizeof html / sizeof *html && !is; k++)
            if (!strcmp(html[k].name, name))
                is = html[k].is;
        if (is)
            snprintf(buf, cap, _("write %s itself (the file is UTF-8): &%.40s; is HTML's, which XML does not know"), is,
                     name);
        else
            snprintf(buf, cap, "%s", _("only &amp; &lt; &gt; &quot; &apos; and numeric references like &#160; are "
                                       "allowed; write the character itself"));
    }
    return buf;
}

/* After the first reference XML does not know, at byte `from`: the rest
 * of the file's, each said at its place with its hint (the parser stops
 * at the first: a text pasted from the web took a run for each). Outside
 * comments and CDATA; at most MORE_REFS. */
enum { MORE_REFS = 20 };

static void more_entities(XmlMsgs *m, size_t from, int line)
{
    const char *s = m->src;
    size_t n = m->srclen, bol = from;
    while (bol > 0 && s[bol - 1] != '\n')
        bol--;
    int said = 0;
    for (size_t i = from + 1; i < n && said < MORE_REFS; i++) {
        if (s[i] == '\n') {
            line++;
            bol = i + 1;
        } else if (s[i] == '<' && ((n - i >= 4 && !memcmp(s + i, "<!--", 4)) ||
                                   (n - i >= 9 && !memcmp(s + i, "<![CDATA[", 9)))) {
            const char *close = s[i + 2] == '-' ? "-->" : "]]>";
            size_t k = i + 4;
            for (; k + 3 <= n && memcmp(s + k, close, 3) != 0; k++)
                if (s[k] == '\n') {
                    line++;
                    bol = k + 1;
                }
            i = k + 2;
        } else if (s[i] == '&') {
            size_t e = i + 1;
            while (e < n && e - i < 40 && (isalnum((unsigned char)s[e])))
                e++;
            if (e == i + 1 || e >= n || s[e] != ';' || !isalpha((unsigned char)s[i + 1]))
                continue;
            char name[48];
            snprintf(name, sizeof name, "%.*s", (int)(e - i - 1), s + i + 1);
            if (!strcmp(name, "amp") || !strcmp(name, "lt") || !strcmp(name, "gt") || !strcmp(name, "quot") ||
                !strcmp(name, "apos"))
                continue;
            int col = 1;
            for (size_t k = bol; k < i; k++)
                col += ((unsigned char)s[k] & 0xC0) != 0x80;
            m->count++;
            m->errors++;
            diag_add(&m->rp->diags, DIAG_ERROR, m->path, line, col, entity_hint(name, m->hint, sizeof m->hint),
                     _("&%.100s; is not a reference XML knows"), name);
            said++;
        }
    }
}

/* A reference the parser refused ("&nbsp;", "&#0;") is said past its
 * ";": the place becomes its "&" (*col, in characters; a new user was
 * sent six columns past "A&nbsp;B"). */
static void reference_start(const XmlMsgs *m, int line, int *col)
{
    size_t start, at;
    if (!source_at(m, line, *col, &start, &at) || at == start || m->src[at - 1] != ';')
        return;
    size_t amp = at - 1;
    while (amp > start && at - amp < 40 && m->src[amp - 1] != '&' &&
           (isalnum((unsigned char)m->src[amp - 1]) || m->src[amp - 1] == '#'))
        amp--;
    if (amp > start && m->src[amp - 1] == '&')
        *col -= (int)(at - amp + 1);            /* (a reference is ASCII: a byte a column) */
}

/* Whether e is an error the parser makes inside a tag (where a quote
 * or a space it does not know stops it), or at the file's start. */
static bool in_tag_error(const xmlError *e)
{
    switch (e->code) {
    case XML_ERR_ATTRIBUTE_NOT_STARTED:
    case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
    case XML_ERR_SPACE_REQUIRED:
    case XML_ERR_GT_REQUIRED:
    case XML_ERR_DOCUMENT_EMPTY:
    case XML_ERR_DOCUMENT_START:
        return true;
    case XML_ERR_NAME_REQUIRED:
        return !e->message || (!strstr(e->message, "EntityRef") && !strstr(e->message, "StartTag"));
    default:
        return false;
    }
}

/* A character at line:col that looks like what XML wants and is not:
 * a typographic quote around an attribute's value (Word's ”rapport”), an
 * invisible space in a tag (a no-break space pasted in), a second
 * byte-order mark. Rewrites msg and *hint; false if it is none. */
/* A quote inside an attribute's value, which ends the value there:
 * alt="Huset "Gamla posten" från söder." was said as a space missing
 * before Gamla, then, with one put in, as an attribute "Gamla" without
 * a value (a new user). The tag begins at back; the parser stopped at
 * `at`, right after the quote or after a word and a space after it. */
static bool quote_in_value(const XmlMsgs *m, size_t back, size_t at, char *msg, size_t cap, const char **hint)
{
    const char *s = m->src;
    size_t j = at;
    bool word = at < m->srclen && (isalnum((unsigned char)s[at]) || (unsigned char)s[at] >= 0x80);
    if (j > 0 && s[j - 1] == ' ') {                 /* "Huset " Gamla posten": back over " Gamla " */
        while (j > back && s[j - 1] == ' ')
            j--;
        size_t e = j;
        while (j > back && (isalnum((unsigned char)s[j - 1]) || (unsigned char)s[j - 1] >= 0x80))
            j--;
        if (j == e)
            return false;
        while (j > back && s[j - 1] == ' ')
            j--;
        word = true;
    }
    if (!word || j <= back + 1 || (s[j - 1] != '"' && s[j - 1] != '\''))
        return false;
    /* the word after the quote begins an attribute (name=): a space is
     * what is missing, src="a.png"alt="x" */
    size_t w = j;
    while (w < m->srclen && s[w] == ' ')
        w++;
    while (w < m->srclen && (isalnum((unsigned char)s[w]) || s[w] == '-' || s[w] == ':' || (unsigned char)s[w] >= 0x80))
        w++;
    while (w < m->srclen && s[w] == ' ')
        w++;
    if (w < m->srclen && s[w] == '=')
        return false;
    /* ... and the value's rest, with its own closing quote, before the
     * tag ends: not width /> (an attribute without a value) */
    size_t e = j;
    while (e < m->srclen && s[e] != '>' && s[e] != s[j - 1])
        e++;
    if (e >= m->srclen || s[e] != s[j - 1])
        return false;
    /* the quote at j - 1 closes a value: name="... */
    char quote = 0;
    size_t open = 0;
    for (size_t q = back; q < j - 1; q++)
        if (quote)
            quote = s[q] == quote ? 0 : quote;
        else if (s[q] == '"' || s[q] == '\'')
            quote = s[q], open = q;
    if (quote != s[j - 1] || !open)
        return false;               /* (the quote at j - 1 would open one, or none is open) */
    size_t ne = open;
    while (ne > back && (s[ne - 1] == '=' || s[ne - 1] == ' '))
        ne--;
    size_t nb = ne;
    while (nb > back && (isalnum((unsigned char)s[nb - 1]) || s[nb - 1] == '-' || s[nb - 1] == ':'))
        nb--;
    if (nb == ne)
        return false;
    /* the value read so far ends in " name=": its own closing quote is
     * what is missing (id="verksamhet new-page="yes"), not a quote too
     * many inside it */
    size_t ve = j - 1, vn = ve;
    if (ve > open + 1 && s[ve - 1] == '=') {
        vn = ve - 1;
        while (vn > open + 1 && (isalnum((unsigned char)s[vn - 1]) || s[vn - 1] == '-' || s[vn - 1] == ':'))
            vn--;
    }
    if (vn < ve - 1 && vn > open + 1 && isspace((unsigned char)s[vn - 1])) {
        size_t vb = vn - 1;
        while (vb > open + 1 && isspace((unsigned char)s[vb - 1]))
            vb--;
        snprintf(msg, cap, _("a %c is missing after %.*s=%c%.*s: the value runs on into %.*s"), s[open], (int)(ne - nb),
                 s + nb, s[open], (int)(vb - open - 1 > 40 ? 40 : vb - open - 1), s + open + 1,
                 (int)(ve - vn > 40 ? 40 : ve - vn), s + vn);
        *hint = _("end each value with its quote: name=\"value\" name=\"value\"");
        return true;
    }
    snprintf(msg, cap, _("the %c after \"%.*s\" ends the value of %.*s here: a quote inside a value closes it"),
             s[j - 1], (int)(j - 1 - open - 1 > 40 ? 40 : j - 1 - open - 1), s + open + 1, (int)(ne - nb), s + nb);
    *hint = _("write the quotation marks inside a value as \u201D (Swedish quotes) or &quot;");
    return true;
}

static bool odd_character(const XmlMsgs *m, int line, int col, char *msg, size_t cap, const char **hint)
{
    size_t start, at;
    if (line == 1 && col == 1 && m->src && m->srclen >= 6 && !memcmp(m->src, "\xEF\xBB\xBF\xEF\xBB\xBF", 6)) {
        snprintf(msg, cap, _("the file begins with two byte-order marks (BOM), where one at most may stand"));
        *hint = _("save the file again as UTF-8 in a text editor: it writes one mark, or none");
        return true;
    }
    if (!source_at(m, line, col, &start, &at))
        return false;
    /* inside a tag: a < before it with no > between but inside a value
     * in quotes ("a > b") (text may hold any quote or space; the
     * parser's error there is another) */
    size_t back = at;
    while (back > 0 && m->src[back - 1] != '<')
        back--;
    if (back == 0)
        return false;
    char quote = 0;
    for (size_t q = back; q < at; q++) {
        char ch = m->src[q];
        if (quote)
            quote = ch == quote ? 0 : quote;
        else if (ch == '"' || ch == '\'')
            quote = ch;
        else if (ch == '>')
            return false;
    }
    if (quote_in_value(m, back, at, msg, cap, hint))
        return true;
    size_t i = at;
    uint32_t c = utf8_next(m->src, m->srclen, &i);
    static const uint32_t quotes[] = { 0x201C, 0x201D, 0x201E, 0x2018, 0x2019, 0x00AB, 0x00BB, 0x2033, 0 };
    for (int k = 0; quotes[k]; k++)
        if (c == quotes[k]) {
            snprintf(msg, cap, _("a typographic quote (%.*s) where XML needs a straight one (\")"), (int)(i - at),
                     m->src + at);
            *hint = _("write name=\"value\" with straight quotes; a word processor turns them typographic, "
                      "so edit the file in a text editor");
            return true;
        }
    if (c == 0x00A0 || c == 0x202F || c == 0x2007 || (c >= 0x2000 && c <= 0x200B) || c == 0x3000 || c == 0xFEFF) {
        snprintf(msg, cap, _("an invisible character (U+%04X, a kind of space) inside a tag"), (unsigned)c);
        *hint = _("replace it with an ordinary space, or remove it; it often comes with text copied from a web page "
                  "or a word processor");
        return true;
    }
    return false;
}

/* A "&name" without its ";": libxml2 says so after the name; the place
 * becomes the & itself (line `line`, column *col in characters), and
 * the words quote what follows it. */
static void lone_ampersand(const XmlMsgs *m, int line, int *col, char *msg, size_t cap, const char **hint)
{
    size_t start, at;
    if (!source_at(m, line, *col, &start, &at))
        return;
    while (at > start && m->src[at] != '&')
        at--;
    if (m->src[at] != '&')
        return;
    int c = 1;
    for (size_t i = start; i < at; i++)
        c += ((unsigned char)m->src[i] & 0xC0) != 0x80;
    *col = c;
    size_t n = strcspn(m->src + at, " \t\r\n<;\"'");
    /* "&amp" without its ";": the reference is there, its end is not
     * (told to write & as &amp;, which it was: a new user) */
    static const char *const refs[] = { "&amp", "&lt", "&gt", "&quot", "&apos" };
    for (size_t k = 0; k < sizeof refs / sizeof *refs; k++)
        if (n == strlen(refs[k]) && !memcmp(m->src + at, refs[k], n)) {
            snprintf(msg, cap, _("\"%s\" lacks the ; that ends a reference"), refs[k]);
            *hint = _("write the ; right after it: &amp; &lt; &gt; &quot; &apos;");
            return;
        }
    snprintf(msg, cap, _("a & that begins no reference: \"%.*s\""), (int)(n > 40 ? 40 : n), m->src + at);
}


/* Is an element named `name` open where the parser (ctxt, or NULL) is? */
static bool is_open(void *ctxt, const char *name)
{
    xmlParserCtxtPtr c = ctxt;
    if (!c || !c->nameTab)
        return true;                        /* not known: as before */
    for (int i = 0; i < c->nameNr; i++)
        if (c->nameTab[i] && !strcmp((const char *)c->nameTab[i], name))
            return true;
    return false;
}

/* Where, by the file's indentation, an element between line `open` and
 * line `at` was left open: the first line that begins with a tag of the
 * same name, indented no deeper, while it is open (the next <section>,
 * where a </section> was deleted; the next <p>), with its name and line
 * in *name and *from; 0 where the indentation says nothing so plain. A
 * missing end tag was said only where an element around it ended,
 * hundreds of lines on (a tester). Every tag of a line is read,
 * comments, CDATA and processing instructions skipped, a tag that runs
 * over lines followed to its ">"; a tag's indentation counts where it
 * begins its line. */
static int indent_end(const XmlMsgs *m, int open, int at, char *name, size_t cap, int *from)
{
    enum { DEPTH = 64 };
    struct { int line, ind, len; const char *name; } st[DEPTH];
    int n = 0;
    if (!m->src || open < 1 || at <= open + 1)
        return 0;
    const char *p = m->src, *end = m->src + m->srclen;
    int l = 1;
    for (; l < open && p < end; p++)
        l += *p == '\n';
    const char *bol = p;                /* the start of line l */
    while (p < end && l < at) {
        if (*p == '\n') {
            l++, p++, bol = p;
            continue;
        }
        if (*p != '<') {
            p++;
            continue;
        }
        const char *t = p;
        const char *stop = NULL;        /* a construct skipped whole */
        if (end - p >= 4 && !memcmp(p, "<!--", 4))
            stop = "-->";
        else if (end - p >= 9 && !memcmp(p, "<![CDATA[", 9))
            stop = "]]>";
        else if (end - p >= 2 && (p[1] == '?' || p[1] == '!'))
            stop = ">";
        if (stop) {
            size_t sl = strlen(stop);
            for (p += 2; p < end && !(end - p >= (ptrdiff_t)sl && !memcmp(p, stop, sl)); p++)
                if (*p == '\n')
                    l++, bol = p + 1;
            p += p < end ? sl : 0;
            continue;
        }
        bool closing = p + 1 < end && p[1] == '/';
        const char *nm = p + 1 + closing;
        int len = 0;
        while (nm + len < end && (isalnum((unsigned char)nm[len]) || nm[len] == '-' || nm[len] == '_' || nm[len] == ':'))
            len++;
        /* to the tag's ">", outside its quoted values */
        char quote = 0;
        int tl = l;
        const char *tbol = bol;
        for (p = nm + len; p < end && (quote || *p != '>'); p++) {
            if (*p == '\n')
                l++, bol = p + 1;
            else if (quote && *p == quote)
                quote = 0;
            else if (!quote && (*p == '"' || *p == '\''))
                quote = *p;
        }
        bool empty = p < end && p[-1] == '/';
        p += p < end;
        if (!len || l >= at)
            continue;
        if (closing) {
            for (int k = n - 1; k >= 0; k--)
                if (st[k].len == len && !memcmp(st[k].name, nm, (size_t)len)) {
                    n = k;
                    break;
                }
            continue;
        }
        if (empty)
            continue;
        int ind = -1;                   /* where it begins its line: its indentation */
        if (strspn(tbol, " \t") == (size_t)(t - tbol))
            ind = (int)(t - tbol);
        if (ind >= 0 && n > 0 && st[n - 1].ind >= ind && st[n - 1].len == len &&
            !memcmp(st[n - 1].name, nm, (size_t)len) && tl > st[n - 1].line) {
            snprintf(name, cap, "%.*s", len, nm);
            *from = st[n - 1].line;
            return tl;
        }
        if (n < DEPTH)
            st[n].line = tl, st[n].ind = ind < 0 ? INT_MAX : ind, st[n].len = len, st[n].name = nm, n++;
    }
    return 0;
}

void xmlmsg_on_error(void *user, xmlErrorPtr e)
{
    XmlMsgs *m = user;
    if (!e || e->level == XML_ERR_NONE)
        return;
    bool validity = e->domain == XML_FROM_RELAXNGV;
    /* after the first error in the XML itself, the parser's further
     * messages mostly follow from it: one is clearer than five */
    if (!validity && m->count > 0 && e->level >= XML_ERR_ERROR)
        return;
    xmlNodePtr node = e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE ? e->node : NULL;
    if (validity && node && m->pending[0])
        say_pending(m, node);
    char msg[512], hbuf[400];
    const char *hint = NULL;
    if (validity) {
        if (!validity_words(m, e, &node, msg, sizeof msg, &hint, hbuf, sizeof hbuf))
            return;
    } else {
        parser_words(e, msg, sizeof msg, &hint);
    }
    int line = e->line, col = e->int2;     /* libxml2 counts characters */
    /* a lone & or < is said past it, where the name it lacks would begin:
     * at the & or < itself (an archivist's "A & B" was said at 3:7) */
    if (e->code == XML_ERR_NAME_REQUIRED && col > 1 && e->message &&
        (strstr(e->message, "EntityRef") || strstr(e->message, "StartTag")))
        col--;
    if (e->code == XML_ERR_TAG_NAME_MISMATCH) {
        char b[128];                        /* at the start of </b>, not after it */
        mismatched_end(e->message ? e->message : "", b, sizeof b);
        int bl = strcmp(b, "unparsable") ? (int)strlen(b) : 0;    /* "</>": no name */
        if (col > bl + 3)
            col -= bl + 3;
        const char *open = e->str1 ? e->str1 : "";
        if (!strcmp(b, "unparsable")) {
            /* libxml2's word for an end tag without a name ("</>", "</ p>") */
            snprintf(msg, sizeof msg, _("\"</\" without the name of an element after it"));
            if (*open)
                snprintf(m->hint, sizeof m->hint, _("an end tag names what it ends: </%.40s> ends the <%.40s> of "
                                                    "line %d; a \"<\" in the text is written &lt;"), open, open, e->int1);
            else
                snprintf(m->hint, sizeof m->hint, "%s", _("an end tag names what it ends, e.g. </p>; a \"<\" in the "
                                                          "text is written &lt;"));
            hint = m->hint;
        } else if (*b && !is_open(e->ctxt, b) && misspelt_start(m, open, b)) {
            /* <heding>...</heading>: the start tag misspelt, not the end
             * tag (a hint to write </heding> was followed, and the next
             * run said "unknown element <heding>") */
            snprintf(msg, sizeof msg, _("the <%.40s> of line %d is ended by </%.40s>: the names differ"), open, e->int1, b);
            snprintf(m->hint, sizeof m->hint, _("did you mean <%.40s>? Write it so at line %d: there is no element "
                                                "<%.40s>"), b, e->int1, open);
            hint = m->hint;
        } else if (*b && !is_open(e->ctxt, b)) {
            /* </b> with no <b> open anywhere above: it is the stray one,
             * or the end tag of the open element misspelt (</sectio>) */
            snprintf(msg, sizeof msg, _("</%.100s> closes nothing: no <%.100s> is open here"), b, b);
            int d = *open ? value_distance(open, b) : 99;
            if (*open && !strcasecmp(open, b))          /* </P> for <p>: a new user was told to write <P> */
                snprintf(m->hint, sizeof m->hint, _("write </%.40s>: names are written as the element's, in lower "
                                                    "case (the <%.40s> of line %d is open here)"), open, open, e->int1);
            else if (d <= 2 && 2 * d <= (int)strlen(open))     /* </titel>, </sectio>; not </b> for <p> */
                snprintf(m->hint, sizeof m->hint, _("did you mean </%.40s>? The <%.40s> of line %d is open here"),
                         open, open, e->int1);
            else
                snprintf(m->hint, sizeof m->hint, _("remove </%.40s>, or write <%.40s> where that text begins"), b, b);
            hint = m->hint;
        } else if (*open && strcmp(open, "br") != 0) {
            char el[48];
            int from = 0, guess = indent_end(m, e->int1, line, el, sizeof el, &from);
            if (guess)
                snprintf(m->hint, sizeof m->hint, _("by the indentation, the <%.40s> of line %d ends before line %d: "
                                                    "write </%.40s> there"), el, from, guess, el);
            else
                snprintf(m->hint, sizeof m->hint, _("write </%.40s> where the <%.40s> of line %d ends, before </%.40s>"),
                         open, open, e->int1, b);
            hint = m->hint;
        }
    }
    if (node) {
        line = xmlread_line(node);
        col = xmlread_col(node);
    }
    if (e->code == XML_ERR_ENTITYREF_SEMICOL_MISSING && !node)
        lone_ampersand(m, line, &col, msg, sizeof msg, &hint);
    if (!validity && !node &&
        (e->code == XML_ERR_UNDECLARED_ENTITY || e->code == XML_WAR_UNDECLARED_ENTITY ||
         e->code == XML_ERR_INVALID_CHAR || e->code == XML_ERR_INVALID_CHARREF ||
         e->code == XML_ERR_INVALID_DEC_CHARREF || e->code == XML_ERR_INVALID_HEX_CHARREF))
        reference_start(m, line, &col);
    if (!validity && !node && in_tag_error(e))
        odd_character(m, line, col, msg, sizeof msg, &hint);
    bool entity = !validity && (e->code == XML_ERR_UNDECLARED_ENTITY || e->code == XML_WAR_UNDECLARED_ENTITY) &&
                  e->str1;
    if (entity)
        hint = entity_hint(e->str1, m->hint, sizeof m->hint);
    if (node && node->type == XML_TEXT_NODE) {
        text_start(node, &line, &col);
        node = node->parent;                /* what the message is about */
    }
    record(m, e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR, line, col, validity ? node : NULL,
           hint, msg);
    size_t start, at;
    if (entity && !node && e->level >= XML_ERR_ERROR && source_at(m, line, col, &start, &at))
        more_entities(m, at, line);
    /* libxml2 says one thing wrong with an element's attributes: an
     * unknown one hides a missing one, which a layout's user would
     * otherwise learn of only on the next run */
    char said[sizeof msg];
    snprintf(said, sizeof said, "%s", msg);
    if (validity && m->layout && node &&
        (e->code == XML_RELAXNG_ERR_INVALIDATTR || e->code == XML_RELAXNG_ERR_ATTRVALID) &&
        attribute_problem(m, node, (const char *)node->name, msg, sizeof msg, &hint, hbuf, sizeof hbuf) &&
        strcmp(msg, said) != 0)
        record(m, DIAG_ERROR, line, col, node, hint, msg);
}

/* The first element named `name` at or below n whose attributes are
 * wrong: an unknown one, a required one missing, a value not in its list
 * (msg, hint). Depth bounded by the parser's (RP_MAX_XML_DEPTH). */
static xmlNodePtr attribute_culprit(XmlMsgs *m, xmlNodePtr n, const char *name, char *msg, size_t cap,
                                    const char **hint, char *hbuf, size_t hcap)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (!strcmp((const char *)n->name, name) &&
            (unknown_attribute(m, n, name, msg, cap, hint, hbuf, hcap) ||
             attribute_problem(m, n, name, msg, cap, hint, hbuf, hcap)))
            return n;
        xmlNodePtr c = attribute_culprit(m, n->children, name, msg, cap, hint, hbuf, hcap);
        if (c)
            return c;
    }
    return NULL;
}

void xmlmsg_end(XmlMsgs *m, xmlNodePtr root)
{
    if (m->pending[0])
        say_pending(m, root);
    if (m->pending_attr[0]) {
        char msg[512], hbuf[400];
        const char *hint = NULL;
        xmlNodePtr at = attribute_culprit(m, root, m->pending_attr, msg, sizeof msg, &hint, hbuf, sizeof hbuf);
        if (at)
            record(m, DIAG_ERROR, xmlread_line(at), xmlread_col(at), at, hint, msg);
        m->pending_attr[0] = 0;
    }
}
