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
    char        last_msg[256];
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
      "the file contains a NUL byte: it is damaged or not a text file" },
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
      "this element is not allowed at this place; README.md, section \"Report format\", shows where each element may stand" },
    { "Expecting element",
      "an element the report format requires is missing here (README.md, \"Report format\")" },
    { "Invalid attribute",
      "this attribute is not known for this element; check its spelling (README.md lists them)" },
    { "Element report has extra content",
      "the order is <meta>, <contents/>, sections and blocks, then <appendices>" },
    { "has extra content",
      "this element holds something it may not; README.md, \"Report format\", lists what goes where" },
    { "Value",
      NULL },
};

static const char *find_hint(const char *msg)
{
    for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
        if (strstr(msg, hints[i].pattern))
            return hints[i].hint;
    return NULL;
}

int xmlread_line(const xmlNode *n)
{
    long l = xmlGetLineNo((xmlNodePtr)n);
    return l > 0 ? (int)l : 0;
}

int xmlread_col(const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return 0;
    return (int)(intptr_t)n->_private;
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
    if (e->domain == XML_FROM_RELAXNGV && is_cascade(msg))
        return;
    /* libxml2 repeats some messages for one place; keep one. */
    if (line == c->last_line && strcmp(msg, c->last_msg) == 0)
        return;
    c->last_line = line;
    snprintf(c->last_msg, sizeof c->last_msg, "%s", msg);
    c->count++;
    DiagLevel lvl = e->level == XML_ERR_WARNING ? DIAG_WARNING : DIAG_ERROR;
    diag_add(&c->rp->diags, lvl, c->f->path, line, col > 0 ? col : 0,
             find_hint(msg), "%s", msg);
}

/* ---- columns ---------------------------------------------------------- */

typedef struct ColScan {
    const char *src;
    size_t      len;
    size_t     *line_start;   /* offset of each line, 1-based index */
    int         nlines;
    size_t      pos;          /* scan position, only moves forward */
} ColScan;

static void assign_cols(ColScan *s, xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        int line = xmlread_line(n);
        if (line >= 1 && line <= s->nlines && s->line_start[line] > s->pos)
            s->pos = s->line_start[line];
        size_t nl = strlen((const char *)n->name);
        size_t p = s->pos;
        int col = 0;
        while (p + nl + 1 < s->len) {
            if (s->src[p] == '<' && memcmp(s->src + p + 1, n->name, nl) == 0) {
                char after = s->src[p + 1 + nl];
                if (after == ' ' || after == '>' || after == '/' || after == '\t' ||
                    after == '\n' || after == '\r') {
                    size_t ls = (line >= 1 && line <= s->nlines) ? s->line_start[line] : 0;
                    col = p >= ls ? (int)(p - ls) + 1 : 1;
                    s->pos = p + 1;
                    break;
                }
            }
            p++;
        }
        n->_private = (void *)(intptr_t)col;
        if (depth < RP_MAX_XML_DEPTH)
            assign_cols(s, n->children, depth + 1);
    }
}

static int tree_depth(xmlNodePtr n, int depth)
{
    int max = depth;
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE || !n->children)
            continue;
        if (depth + 1 > RP_MAX_XML_DEPTH)
            return depth + 1;
        int d = tree_depth(n->children, depth + 1);
        if (d > max)
            max = d;
        if (max > RP_MAX_XML_DEPTH)
            return max;
    }
    return max;
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
    if (f->len == 0) {
        diag_add(&rp->diags, DIAG_ERROR, path, 0, 0, "the file has no report in it",
                 "the file is empty");
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
    if (f->doc->intSubset || f->doc->extSubset) {
        xmlNodePtr dt = (xmlNodePtr)f->doc->intSubset;
        diag_add(&rp->diags, DIAG_ERROR, path, dt ? xmlread_line(dt) : 0, 0,
                 "delete the <!DOCTYPE ...> line; report files use no DTD",
                 "a <!DOCTYPE> declaration is not allowed in a report");
        xmlFreeDoc(f->doc);
        f->doc = NULL;
        return -1;
    }
    xmlNodePtr root = xmlDocGetRootElement(f->doc);
    if (tree_depth(root, 1) > RP_MAX_XML_DEPTH) {
        diag_error(&rp->diags, path, 0, 0,
                   "elements are nested more than %d deep, the most rapport accepts",
                   RP_MAX_XML_DEPTH);
        xmlFreeDoc(f->doc);
        f->doc = NULL;
        return -1;
    }
    /* Line starts, for the column scan. */
    ColScan cs = { f->src, f->len, NULL, 0, 0 };
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
