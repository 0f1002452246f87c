/*
 * xmlread.c - safe XML reading and libxml2 messages turned into
 * diagnostics (parse stage). See xmlread.h.
 */
#include "xmlread.h"
#include "../base/limits.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

typedef struct ErrCtx {
    Rp         *rp;
    XmlFile    *f;
    int         count;
    int         last_line;
    char        last_msg[512];
} ErrCtx;

/* Hints for the messages a kansli is most likely to meet. */
static const struct { const char *pattern, *hint; } hints[] = {
    { "Opening and ending tag mismatch",
      "every <name> must be closed by </name> in the same order; look at the element the message names" },
    { "Premature end of data",
      "the file ends before all elements are closed: is it cut short, or is a closing tag missing?" },
    { "EndTag: '</' not found",
      "the file ends before all elements are closed: is it cut short?" },
    { "not proper UTF-8",
      "save the file as UTF-8 (in most editors: Save as, Encoding: UTF-8)" },
    { "Char 0x0 out of allowed range",
      "the file is damaged or not a text file; open it in an editor and save it again as UTF-8" },
    { "out of allowed range",
      "the file contains a control character that XML does not allow; remove it" },
    { "xmlParseEntityRef: no name",
      "write & as &amp; in text" },
    { "EntityRef: expecting ';'",
      "write & as &amp; in text" },
    { "StartTag: invalid element name",
      "write < as &lt; in text" },
    { "Entity '",
      "only &amp; &lt; &gt; &quot; &apos; and numeric references like &#160; are allowed" },
    { "Document is empty",
      "the file has no report in it" },
    { "Start tag expected",
      "a report file starts with <?xml version=\"1.0\" encoding=\"UTF-8\"?> and then <report>" },
    { "AttValue: \" or ' expected",
      "attribute values are written in quotes: name=\"value\"" },
    { "attributes construct error",
      "attribute values are written in quotes: name=\"value\"" },
    { "Extra content at the end of the document",
      "everything must be inside the one <report> element" },
    { "Did not expect element",
      "this element is not allowed at this place; README.md, section \"Elements\", shows where each element may stand" },
    { "Expecting element",
      "an element the report format requires is missing here (README.md, section \"Elements\")" },
    { "Invalid attribute",
      "this attribute is not known for this element; check its spelling (README.md lists them)" },
    { "Element report has extra content",
      "the order is <meta>, <contents/>, sections and blocks, then <appendices>" },
    { "has extra content",
      "this element holds something it may not; README.md, section \"Elements\", lists what goes where" },
    { "two hyphens",
      "an XML comment <!-- ... --> may not contain -- inside it; write a single hyphen or a dash" },
};

static const char *find_hint(const char *msg)
{
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (strstr(msg, hints[i].pattern))
            return hints[i].hint;
    return NULL;
}

/* Where an element's start tag begins, found by the column scan. */
typedef struct Pos { int line, col; } Pos;

int xmlread_line(const xmlNode *n)
{
    if (n->type == XML_ELEMENT_NODE && n->_private)
        return ((const Pos *)n->_private)->line;
    long l = xmlGetLineNo((xmlNodePtr)n);
    return l > 0 ? (int)l : 0;
}

int xmlread_col(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE || !n->_private)
        return 0;
    return ((const Pos *)n->_private)->col;
}

/* libxml2's wording, said the way a report writer thinks of it. */
static void rewrite(char *msg, size_t cap)
{
    char a[128], b[128];
    int n;
    const char *typename_hint = NULL;
    if (sscanf(msg, "Opening and ending tag mismatch: %127s line %d and %127s", a, &n, b) == 3)
        snprintf(msg, cap, "<%s> from line %d is not closed before </%s>", a, n, b);
    else if (sscanf(msg, "Premature end of data in tag %127s line %d", a, &n) == 2)
        snprintf(msg, cap, "the file ends before <%s> (line %d) is closed", a, n);
    else if (strstr(msg, "xmlParseEntityRef: no name"))
        snprintf(msg, cap, "a lone & in the text");
    else if (strstr(msg, "Double hyphen within comment"))
        snprintf(msg, cap, "two hyphens (--) inside a comment");
    else if (strstr(msg, "Char 0x0 out of allowed range"))
        snprintf(msg, cap, "the file contains a NUL byte (a zero character)");
    else if (strstr(msg, "Input is not proper UTF-8"))
        snprintf(msg, cap, "the file is not valid UTF-8 here");
    else if (sscanf(msg, "Did not expect element %127s there", a) == 1)
        snprintf(msg, cap, "<%s> is not allowed here", a);
    else if (sscanf(msg, "Expecting element %127[^,], got %127s", a, b) == 2)
        snprintf(msg, cap, "<%s> is needed here, before <%s>", a, b);
    else if (strstr(msg, "Expecting an element , got nothing"))
        snprintf(msg, cap, "something required is missing inside this element");
    else if (sscanf(msg, "Expecting an element %127[^,], got nothing", a) == 1)
        snprintf(msg, cap, "<%s> is missing here", a);
    else if (sscanf(msg, "Invalid attribute %127s for element %127s", a, b) == 2)
        snprintf(msg, cap, "<%s> has no attribute \"%s\"", b, a);
    else if (sscanf(msg, "Element %127s has extra content: %127s", a, b) == 2)
        snprintf(msg, cap, "<%s> may not hold <%s>", a, b);
    else if (sscanf(msg, "Extra element %127s in interleave", a) == 1 && !strcmp(a, "date"))
        snprintf(msg, cap, "<date> is not a date written as 2025-02-20 (or it is given twice)");
    else if (sscanf(msg, "Extra element %127s in interleave", a) == 1)
        snprintf(msg, cap, "<%s> is given twice, or does not belong here", a);
    else if (sscanf(msg, "Type %127s doesn't allow value '%127[^']'", a, b) == 2) {
        if (!strcmp(a, "positiveInteger")) typename_hint = "a whole number, 1 or more";
        else if (!strcmp(a, "nonNegativeInteger")) typename_hint = "a whole number, 0 or more";
        else if (!strcmp(a, "NCName")) typename_hint = "a name of letters, digits, - and _ (no spaces, not starting with a digit)";
        else if (!strcmp(a, "date")) typename_hint = "a date written 2025-02-20";
        else if (!strcmp(a, "decimal")) typename_hint = "a number with a point for decimals";
        else if (!strcmp(a, "integer")) typename_hint = "a whole number";
        else if (!strcmp(a, "string")) typename_hint = "text of the right form (see README.md)";
        else if (!strcmp(a, "language")) typename_hint = "a language code such as sv";
        else typename_hint = a;
        snprintf(msg, cap, "\"%s\" is not %s", b, typename_hint);
    }
    char *nl = strchr(msg, '\n');
    if (nl)
        *nl = 0;
}

/* The values an attribute may take, for the message when one is wrong. */
static const struct { const char *el, *attr, *values; } allowed[] = {
    { "report", "type", "verksamhetsberattelse, delarsrapport, verksamhetsplan, internbudget, rapport" },
    { "section", "toc", "yes, no" }, { "section", "new-page", "yes, no" }, { "goal", "toc", "yes, no" },
    { "contents", "levels", "1 to 5" },
    { "list", "type", "bullet, number, none" }, { "list", "numbering", "1. or 1)" },
    { "list", "start", "a whole number from 1 to 10000" },
    { "table", "font-size", "normal, small" },
    { "column", "type", "text, number, status" }, { "column", "align", "left, right, center" },
    { "column", "decimals", "0 to 6" }, { "column", "sign", "auto, always" },
    { "column", "width", "auto, or a length like 30mm, 40%, 2*" },
    { "row", "role", "header, group, sum, part, sub, normal" }, { "row", "sum-of", "above" },
    { "cell", "colspan", "a whole number from 1" }, { "cell", "rowspan", "a whole number from 1" },
    { "cell", "align", "left, right, center" },
    { "num", "decimals", "0 to 6" }, { "num", "sign", "auto, always" },
    { "chart", "type", "line, bar, stacked-bar, horizontal-bar" },
    { "chart", "height", "a length like 60mm" }, { "series", "line", "solid, dashed, dotted" },
    { "axis", "decimals", "0 to 6" }, { "axis", "min", "a number with a point for decimals, e.g. 0 or 12.5" },
    { "axis", "max", "a number with a point for decimals, e.g. 100 or 12.5" },
    { "axis", "step", "a number with a point for decimals, e.g. 10 or 2.5" },
    { "ref", "show", "page, title, both" }, { "legend", "statuses", "goal, activity" },
    { "figure", "width", "a length like 60mm or 50%" },
};

/* "Invalid attribute" from the schema also means a wrong value of a
 * known attribute: say which, and what would do. */
static bool wrong_value(xmlNodePtr node, const char *attr, const char *el, char *msg, size_t cap,
                        const char **hint)
{
    xmlChar *v = node ? xmlGetProp(node, (const xmlChar *)attr) : NULL;
    if (!v)
        return false;
    snprintf(msg, cap, "%s=\"%s\" is not a value <%s> takes", attr, (const char *)v, el);
    xmlFree(v);
    *hint = "check the spelling; README.md, section \"Elements\", lists the values";
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (!strcmp(allowed[i].el, el) && !strcmp(allowed[i].attr, attr))
            *hint = allowed[i].values;
    return true;
}

/* The attributes an element must have (from report.rng), and what to
 * say when one is missing. */
static const struct { const char *el, *attr, *hint; } required[] = {
    { "chart", "type", "allowed: line, bar, stacked-bar, horizontal-bar" },
    { "chart", "alt", "describe the chart in a sentence for readers who cannot see it (a screen reader reads it aloud)" },
    { "figure", "src", "name a PNG or JPEG file in the report's folder" },
    { "figure", "alt", "describe the image in a sentence for readers who cannot see it (a screen reader reads it aloud)" },
    { "fnref", "to", "name the id of the <footnote> it repeats" },
    { "ref", "to", "name the id of the element it points to" },
    { "link", "href", "the web address, e.g. https://www.linkoping.se" },
    { "status", "value", "one of the layout's status names" },
    { "series", "name", "the series' name, shown in the legend" },
};

/* "Element X failed to validate attributes" with no other message: a
 * required attribute is missing, or a required one has a wrong value.
 * Says which (msg, hint); false if neither (another message covers it). */
static bool attribute_problem(xmlNodePtr node, const char *el, char *msg, size_t cap, const char **hint)
{
    for (size_t i = 0; node && i < sizeof required / sizeof required[0]; i++) {
        if (strcmp(required[i].el, el) != 0)
            continue;
        xmlChar *v = xmlGetProp(node, (const xmlChar *)required[i].attr);
        if (!v) {
            snprintf(msg, cap, "<%s> needs %s=\"...\"", el, required[i].attr);
            *hint = required[i].hint;
            return true;
        }
        /* a value from a fixed list (chart type) */
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
                snprintf(msg, cap, "%s=\"%s\" is not a value <%s> takes", required[i].attr, (const char *)v, el);
                *hint = list;
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
    { "chart", "categories", "write the labels first, separated by |: <categories>jan | feb | mar</categories>" },
    { "chart", "series", "give the values: <series name=\"2024\">12 14 9</series>, one per category" },
    { "list", "item", "a list holds items: <item>...</item>" },
};

static bool has_child(xmlNodePtr n, const char *name)
{
    for (xmlNodePtr c = n ? n->children : NULL; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, name))
            return true;
    return false;
}

/* "Expecting an element, got nothing" inside `node`, or a child met
 * before one that must come first: the element `node` lacks a child it
 * needs. Says which (msg, hint); false if it is none of these. */
static bool missing_child(xmlNodePtr node, char *msg, size_t cap, const char **hint)
{
    for (size_t i = 0; node && i < sizeof needed / sizeof needed[0]; i++)
        if (!strcmp((const char *)node->name, needed[i].el) && !has_child(node, needed[i].child)) {
            snprintf(msg, cap, "<%s> needs <%s>", needed[i].el, needed[i].child);
            *hint = needed[i].hint;
            return true;
        }
    return false;
}

/* Messages that only repeat what an error on a child already says. */
static int is_cascade(const char *msg)
{
    return strstr(msg, "failed to validate content") != NULL ||
           strstr(msg, "Invalid sequence in interleave") != NULL ||
           (strstr(msg, "Element ") == msg && strstr(msg, "failed to validate attributes") != NULL);
}

static void on_error(void *user, xmlErrorPtr e)
{
    ErrCtx *c = user;
    if (!e || e->level == XML_ERR_NONE)
        return;
    char msg[512];
    snprintf(msg, sizeof msg, "%s", e->message ? e->message : "unknown XML error");
    size_t ml = strlen(msg);
    while (ml && (msg[ml - 1] == '\n' || msg[ml - 1] == ' '))
        msg[--ml] = 0;
    int line = e->line, col = e->int2;
    if (e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE) {
        line = xmlread_line(e->node);
        col = xmlread_col(e->node);
    }
    /* after the first error in the XML itself, the parser's further
     * messages mostly follow from it: one is clearer than five */
    if (e->domain != XML_FROM_RELAXNGV && c->count > 0 && e->level >= XML_ERR_ERROR)
        return;
    const char *hint = NULL;
    char at[128], elname[128];
    char values_hint[320];
    bool attr_problem = e->domain == XML_FROM_RELAXNGV &&
                        sscanf(msg, "Element %127s failed to validate attributes", elname) == 1 &&
                        attribute_problem(e->node, elname, msg, sizeof msg, &hint);
    if (!attr_problem && e->domain == XML_FROM_RELAXNGV && (is_cascade(msg) ||
        strstr(msg, "Error validating datatype") || strstr(msg, "Element ") == msg))
        return;
    char child[128];
    xmlNodePtr en = e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE ? e->node : NULL;
    if (!attr_problem && e->domain == XML_FROM_RELAXNGV && en &&
        ((strstr(msg, "Expecting an element , got nothing") && missing_child(en, msg, sizeof msg, &hint)) ||
         (sscanf(msg, "Did not expect element %127s there", child) == 1 &&
          missing_child(en->parent, msg, sizeof msg, &hint)))) {
        /* said in full, hint and all */
    } else if (attr_problem) {
        if (strchr(hint, ',') && strncmp(hint, "allowed", 7) != 0) {
            snprintf(values_hint, sizeof values_hint, "allowed: %s", hint);
            hint = values_hint;
        }
    } else {
        hint = find_hint(msg);
        if (e->domain == XML_FROM_RELAXNGV &&
            sscanf(msg, "Invalid attribute %127s for element %127s", at, elname) == 2 &&
            wrong_value(e->node, at, elname, msg, sizeof msg, &hint)) {
            if (hint && strchr(hint, ',') == NULL && strncmp(hint, "check", 5) != 0) {
                snprintf(values_hint, sizeof values_hint, "write %s", hint);
                hint = values_hint;
            } else if (hint && strncmp(hint, "check", 5) != 0) {
                snprintf(values_hint, sizeof values_hint, "allowed: %s", hint);
                hint = values_hint;
            }
        } else {
            rewrite(msg, sizeof msg);
        }
    }
    /* libxml2 repeats some messages for one place; keep one. */
    if (line == c->last_line && strcmp(msg, c->last_msg) == 0)
        return;
    c->last_line = line;
    snprintf(c->last_msg, sizeof c->last_msg, "%s", msg);
    c->count++;
    DiagLevel lvl = e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    diag_add(&c->rp->diags, lvl, c->f->path, line, col > 0 ? col : 0, hint, "%s", msg);
}

/* ---- columns ---------------------------------------------------------- */

typedef struct ColScan {
    Arena      *arena;
    const char *src;
    size_t      len;
    size_t     *line_start;   /* offset of each line, 1-based index */
    int         nlines;
    size_t      pos;          /* scan position, only moves forward */
} ColScan;

/* The line holding byte offset p (binary search over line starts). */
static int line_of(const ColScan *s, size_t p)
{
    int lo = 1, hi = s->nlines;
    while (lo < hi) {
        int mid = (lo + hi + 1) / 2;
        if (s->line_start[mid] <= p)
            lo = mid;
        else
            hi = mid - 1;
    }
    return lo;
}

static void assign_cols(ColScan *s, xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        long gl = xmlGetLineNo(n);
        int line = gl > 0 ? (int)gl : 0;
        /* libxml2 gives the line where the start tag ends; it began at
         * or before it, after the previous element's start */
        size_t nl = strlen((const char *)n->name);
        size_t p = s->pos, end = (line >= 1 && line < s->nlines) ? s->line_start[line + 1] : s->len;
        Pos *pos = ARENA_NEW(s->arena, Pos);
        pos->line = line;
        while (p + nl + 1 < s->len && p < end) {
            if (s->src[p] == '<' && memcmp(s->src + p + 1, n->name, nl) == 0) {
                char after = s->src[p + 1 + nl];
                if (after == ' ' || after == '>' || after == '/' || after == '\t' ||
                    after == '\n' || after == '\r') {
                    pos->line = line_of(s, p);
                    pos->col = (int)(p - s->line_start[pos->line]) + 1;
                    s->pos = p + 1;
                    break;
                }
            }
            p++;
        }
        n->_private = pos;
        if (depth < RP_MAX_XML_DEPTH)
            assign_cols(s, n->children, depth + 1);
    }
}

/* The first element nested deeper than the limit, or NULL. */
static xmlNodePtr too_deep(xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (depth > RP_MAX_XML_DEPTH)
            return n;
        xmlNodePtr d = too_deep(n->children, depth + 1);
        if (d)
            return d;
    }
    return NULL;
}

/* ---- reading ---------------------------------------------------------- */

static char *read_file(Rp *rp, const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        diag_error(&rp->diags, path, 0, 0, "cannot open the file: %s", strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        diag_error(&rp->diags, path, 0, 0, "this is a folder, not a report file");
        return NULL;
    }
    if (fstat(fileno(fp), &st) == 0 && st.st_size > RP_MAX_INPUT_BYTES) {
        fclose(fp);
        diag_error(&rp->diags, path, 0, 0,
                   "the file is %lld bytes; rapport reads files up to %ld bytes",
                   (long long)st.st_size, (long)RP_MAX_INPUT_BYTES);
        return NULL;
    }
    size_t cap = 64 * 1024, n = 0;
    char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap) {
            if (cap >= (size_t)RP_MAX_INPUT_BYTES + 1) {
                free(buf);
                fclose(fp);
                diag_error(&rp->diags, path, 0, 0,
                           "the file is larger than %ld bytes, the most rapport reads",
                           (long)RP_MAX_INPUT_BYTES);
                return NULL;
            }
            cap *= 2;
            buf = xrealloc(buf, cap);
        }
        size_t got = fread(buf + n, 1, cap - n, fp);
        n += got;
        if (got == 0)
            break;
    }
    int bad = ferror(fp);
    fclose(fp);
    if (bad) {
        free(buf);
        diag_error(&rp->diags, path, 0, 0, "cannot read the file");
        return NULL;
    }
    char *copy = arena_strndup(&rp->arena, buf, n);
    free(buf);
    *len = n;
    return copy;
}

/* Is there a <!DOCTYPE before the first element? Sets its line and column. */
static int find_doctype(const char *s, size_t n, int *line, int *col)
{
    int l = 1;
    size_t ls = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\n') {
            l++;
            ls = i + 1;
            continue;
        }
        if (s[i] != '<' || i + 1 >= n)
            continue;
        if (s[i + 1] == '?' || (i + 3 < n && !memcmp(s + i, "<!--", 4))) {
            const char *end = s[i + 1] == '?' ? "?>" : "-->";
            const char *e = NULL;
            for (size_t k = i + 2; k + strlen(end) <= n; k++)
                if (!memcmp(s + k, end, strlen(end))) { e = s + k; break; }
            if (!e)
                return 0;
            for (size_t k = i; k < (size_t)(e - s); k++)
                if (s[k] == '\n') { l++; ls = k + 1; }
            i = (size_t)(e - s);
            continue;
        }
        if (i + 9 <= n && !memcmp(s + i, "<!DOCTYPE", 9)) {
            *line = l;
            *col = (int)(i - ls) + 1;
            return 1;
        }
        return 0;           /* the first element: no DTD before it */
    }
    return 0;
}

int xmlread_parse(Rp *rp, XmlFile *f, const char *path, const char *data, size_t len)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    if (data) {
        if (len > (size_t)RP_MAX_INPUT_BYTES) {
            diag_error(&rp->diags, path, 0, 0, "the input is larger than %ld bytes",
                       (long)RP_MAX_INPUT_BYTES);
            return -1;
        }
        f->src = arena_strndup(&rp->arena, data, len);
        f->len = len;
    } else {
        f->src = read_file(rp, path, &f->len);
        if (!f->src)
            return -1;
    }
    if (f->len >= 5 && !memcmp(f->src, "%PDF-", 5)) {
        diag_add(&rp->diags, DIAG_ERROR, path, 0, 0, "give rapport the .xml file the PDF is made from",
                 "this is a PDF, not a report");
        return -1;
    }
    if (f->len == 0) {
        diag_add(&rp->diags, DIAG_ERROR, path, 0, 0, "the file has no report in it",
                 "the file is empty");
        return -1;
    }

    /* A DTD is refused before libxml2 sees it: no entity of it is ever
     * expanded or fetched. */
    int dl, dc;
    if (find_doctype(f->src, f->len, &dl, &dc)) {
        diag_add(&rp->diags, DIAG_ERROR, path, dl, dc,
                 "delete the <!DOCTYPE ...> part; report files use no DTD and no entities",
                 "a <!DOCTYPE> declaration is not allowed in a report");
        return -1;
    }
    ErrCtx ec = { rp, f, 0, 0, "" };
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        rp_oom(sizeof(xmlParserCtxt));
    xmlSetStructuredErrorFunc(&ec, on_error);
    /* No network, no DTD loading, no entity substitution: a report can
     * neither reach outside itself nor expand into a billion laughs. */
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
    f->doc = xmlCtxtReadMemory(ctxt, f->src, (int)f->len, path, NULL, opts);
    xmlFreeParserCtxt(ctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!f->doc || ec.count > 0) {
        if (f->doc)
            xmlFreeDoc(f->doc);
        f->doc = NULL;
        if (ec.count == 0)
            diag_error(&rp->diags, path, 0, 0, "the file is not well-formed XML");
        return -1;
    }
    if (f->doc->intSubset || f->doc->extSubset) {    /* belt and braces */
        xmlNodePtr dt = (xmlNodePtr)f->doc->intSubset;
        diag_add(&rp->diags, DIAG_ERROR, path, dt ? xmlread_line(dt) : 0, 0,
                 "delete the <!DOCTYPE ...> line; report files use no DTD",
                 "a <!DOCTYPE> declaration is not allowed in a report");
        xmlFreeDoc(f->doc);
        f->doc = NULL;
        return -1;
    }
    xmlNodePtr root = xmlDocGetRootElement(f->doc);
    xmlNodePtr deep = too_deep(root, 1);
    if (deep) {
        long dline = xmlGetLineNo(deep);
        diag_add(&rp->diags, DIAG_ERROR, path, dline > 0 ? (int)dline : 0, 0,
                 "a list inside a list inside a list ... cannot be read on paper; flatten the structure",
                 "<%s> is nested more than %d elements deep, the most rapport accepts",
                 (const char *)deep->name, RP_MAX_XML_DEPTH);
        xmlFreeDoc(f->doc);
        f->doc = NULL;
        return -1;
    }
    /* Line starts, for the column scan. */
    ColScan cs = { &rp->arena, f->src, f->len, NULL, 0, 0 };
    int lines = 1;
    for (size_t i = 0; i < f->len; i++)
        if (f->src[i] == '\n')
            lines++;
    cs.line_start = ARENA_ARRAY(&rp->arena, size_t, lines + 2);
    cs.nlines = lines;
    cs.line_start[1] = 0;
    for (size_t i = 0, l = 1; i < f->len; i++)
        if (f->src[i] == '\n')
            cs.line_start[++l] = i + 1;
    assign_cols(&cs, root, 1);
    return 0;
}

int xmlread_validate(Rp *rp, XmlFile *f, const char *rng, size_t rnglen)
{
    ErrCtx ec = { rp, f, 0, 0, "" };
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(rng, (int)rnglen);
    xmlRelaxNGPtr schema = pc ? xmlRelaxNGParse(pc) : NULL;
    if (pc)
        xmlRelaxNGFreeParserCtxt(pc);
    if (!schema) {
        /* The schema is compiled in; failing here is a bug of ours. */
        diag_error(&rp->diags, f->path, 0, 0, "internal error: the built-in schema does not compile");
        return 1;
    }
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, on_error, &ec);
    int ret = xmlRelaxNGValidateDoc(vc, f->doc);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlRelaxNGFree(schema);
    if (ret != 0 && ec.count == 0) {
        diag_error(&rp->diags, f->path, 0, 0, "the report does not follow the report format");
        ec.count = 1;
    }
    return ec.count;
}

void xmlread_close(XmlFile *f)
{
    if (f->doc)
        xmlFreeDoc(f->doc);
    f->doc = NULL;
}
