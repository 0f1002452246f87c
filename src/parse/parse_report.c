/*
 * parse_report.c - XML report -> document model (parse stage).
 *
 * Reads through xmlread (safe parsing, schema validation), then walks the
 * libxml2 tree once and builds Nodes in the run's arena, copying every
 * string out of libxml2 so the libxml2 tree can be freed before layout.
 * What the schema cannot say is checked here, each with its own message:
 * unknown statuses (against the layout's vocabulary), duplicate ids,
 * references to nothing, heading depth, numbers that are not numbers,
 * table rows that do not fit their columns, chart series of the wrong
 * length. A table's rows may also come from a CSV file (csv.c), and
 * numbers written the Swedish way in number columns are read here
 * (numfmt_read). A report may be written in parts: an <include> is
 * replaced by the sections and blocks of the <part> file it names, read
 * and checked the same way, each node remembering its file (Node.file)
 * so that every later message names the part (build_part).
 */
#include "parse.h"
#include "../base/engine.h"
#include "csv.h"
#include "files.h"
#include "image.h"
#include "value.h"
#include "xmlread.h"
#include "../base/limits.h"
#include "../base/map.h"
#include "../model/numfmt.h"
#include "../base/i18n.h"
#include "../base/utf8.h"

#include <assert.h>
#include <ctype.h>
#include <errno.h>
#include <libxml/relaxng.h>
#include <libxml/xmlschemastypes.h>
#include <libxml/tree.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* An image file as read for the figures that show it. */
typedef struct ImageFile {
    Image      *image;        /* NULL: it cannot be used, for err's reason */
    ImageError  err;
} ImageFile;

/* A file being read: the report, or a part it includes (and the parts
 * that part includes ...), for the chain a cycle is said with. */
typedef struct Reading {
    const char *real;         /* its real path, to find it again; NULL: not a file */
    const char *shown;        /* as messages name it */
} Reading;

typedef struct P {
    Rp         *rp;
    const char *file;         /* the file being read: the report, or the part being read */
    int         fileno;       /* its index in rep->files (Node.file) */
    Report     *rep;
    Layout     *layout;
    Map          ids;         /* id -> Node */
    int          near_asked;  /* ids looked for near a reference's (near_id) */
    int          unknowns;    /* elements said to be unknown so far (unknown_element) */
    int          below_asked; /* folders searched for a file not found (files_below) */
    const char  *dir;         /* the folder of the file being read: files it names are found from here */
    const char  *root_dir;    /* the report's folder, which every file it or its parts name must be in */
    Reading      reading[RP_MAX_PART_DEPTH + 1];  /* the report, the part it includes, ... */
    int          depth;       /* parts being read inside each other (reading[0..depth]) */
    int          above;       /* elements around the root of the file being read, in the
                               * report and the parts that include it (RP_MAX_XML_DEPTH) */
    long         footnotes;   /* footnotes counted so far, parts included (RP_MAX_FOOTNOTES) */
    VEC(const char *) files;  /* the report, then its parts: rep->files */
    VEC(const char *) reals;  /* the real paths of the parts read so far */
    int          includes;    /* <include>s tried, read or not (RP_MAX_PARTS) */
    bool         over_work;   /* the parts' memory was found too large (said once) */
    VEC(Node *)  unassessed;  /* goals written without status="..." */
    int          assessed;    /* goals written with one */
    VEC(Node *)  refs;        /* fnref and ref nodes to resolve */
    VEC(const char *) ref_ids;
    int          list_depth;
    Map          images;      /* resolved path -> ImageFile: each file read once */
    size_t       image_bytes; /* what the images take so far (RP_MAX_REPORT_IMAGE_BYTES) */
    int64_t      work;        /* working memory the report and its CSVs are estimated to take */
} P;

static Node *build_blocks(P *p, xmlNodePtr x, Node *parent, int level);
static void build_part(P *p, xmlNodePtr x, Node *parent, int level);
static void appendix_label_check(P *p, Node *ap);
static void build_legend_items(P *p, xmlNodePtr x, Node *legend);

static void build_inline(P *p, xmlNodePtr x, Node *parent);
static bool two_readings(P *p, const Node *n, const char *text, size_t len, bool ambiguous, int shown);

/* ---- small helpers ---------------------------------------------------- */

static int is_el(xmlNodePtr x, const char *name)
{
    return x && x->type == XML_ELEMENT_NODE && strcmp((const char *)x->name, name) == 0;
}

static const char *attr(P *p, xmlNodePtr x, const char *name)
{
    xmlChar *v = xmlGetProp(x, (const xmlChar *)name);
    if (!v)
        return NULL;
    const char *s = arena_strdup(&p->rp->arena, (const char *)v);
    xmlFree(v);
    return s;
}

static Node *new_node(P *p, NodeKind k, xmlNodePtr x)
{
    Node *n = ARENA_NEW(&p->rp->arena, Node);
    n->kind = k;
    n->file = p->fileno;
    if (x) {
        n->line = xmlread_line(x);
        n->col = xmlread_col(x);
    }
    return n;
}

/* The place of element x in the file being read, for messages about
 * what is not a node of its own (a column, a chart's axis). */
static Node here(const P *p, xmlNodePtr x)
{
    return (Node){ .line = xmlread_line(x), .col = xmlread_col(x), .file = p->fileno };
}

/* at node n: in the report or the part it was written in, or in the CSV
 * a table row was read from */
#define ERR(n, ...) diag_error(&p->rp->diags, model_source((n), p->rep), (n)->line, (n)->col, __VA_ARGS__)
#define HINT(...)   diag_hint(&p->rp->diags, __VA_ARGS__)

static bool language_tag(const char *s);

/* x's own xml:lang where it names another language than Swedish ("en",
 * "en-GB"), for the structure tree's /Lang; NULL for none or "sv". The
 * schema takes any word of up to eight letters: one that is no language
 * code ("klingon", "engelska") is an error, as <report lang> is. */
static const char *other_lang(P *p, xmlNodePtr x)
{
    xmlChar *v = xmlGetNsProp(x, (const xmlChar *)"lang", XML_XML_NAMESPACE);
    if (!v)
        return NULL;
    const char *s = (const char *)v + strspn((const char *)v, " \t\r\n");
    size_t n = strcspn(s, " \t\r\n");
    char tag[64];
    snprintf(tag, sizeof tag, "%.*s", (int)n, s);
    if (n && !language_tag(tag)) {
        Node at = here(p, x);
        ERR(&at, _("xml:lang=\"%s\" is not a language code"), tag);
        HINT(_("write a short code: xml:lang=\"en\" English, \"fi\" Finnish, \"de\" German, \"sv\" Swedish"));
        xmlFree(v);
        return NULL;
    }
    /* the report's own language ("sv" unless its lang says otherwise),
     * compared by its first part: "sv-FI" words in a Swedish report are
     * Swedish, "sv" words in an English one are not */
    const char *doc = p->rep && p->rep->lang ? p->rep->lang : "sv";
    size_t dn = strcspn(doc, "-");
    bool same = n >= dn && !strncasecmp(s, doc, dn) && (n == dn || s[dn] == '-');
    const char *lang = n && !same ? arena_strndup(&p->rp->arena, s, n) : NULL;
    xmlFree(v);
    return lang;
}

/* The bytes of the white space at q, 0 if none: a space, a tab, a line
 * end, or Unicode's line and paragraph separators (U+2028, U+2029),
 * which text pasted from Word brings for a line break: dropped, they
 * ran two words together, "Rad ettrad två" (a new user). */
static size_t white_at(const char *q)
{
    if (*q == ' ' || *q == '\t' || *q == '\n' || *q == '\r')
        return 1;
    return (unsigned char)q[0] == 0xE2 && (unsigned char)q[1] == 0x80 &&
           ((unsigned char)q[2] == 0xA8 || (unsigned char)q[2] == 0xA9) ? 3 : 0;
}

/* The bytes of a zero-width space or word joiner at q (U+200B, U+2060,
 * U+FEFF), 0 if none. Beside white space, where it joins and parts
 * nothing, it is dropped: "Ett\u200B ord" lost its space in the text a
 * screen reader gets ("Ett\u200Bord", a new user). */
static size_t idle_at(const char *q)
{
    const unsigned char *u = (const unsigned char *)q;
    return (u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x8B) || (u[0] == 0xE2 && u[1] == 0x81 && u[2] == 0xA0) ||
           (u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) ? 3 : 0;
}

/* Text content with every run of white space folded to one space, and
 * idle_at's characters beside it dropped. */
static char *fold_space(P *p, const char *s, size_t *outlen)
{
    size_t n = strlen(s);
    char *d = arena_alloc(&p->rp->arena, n + 1);
    size_t k = 0;
    int space = 0;
    for (size_t i = 0; i < n;) {
        size_t w = white_at(s + i);
        if (w) {
            space = 1;
            i += w;
            continue;
        }
        size_t z = idle_at(s + i);
        if (z && (space || k == 0 || white_at(s + i + z) || !s[i + z])) {
            i += z;
            continue;
        }
        if (space) {
            d[k++] = ' ';
            space = 0;
        }
        /* and the bytes after it up to one that may begin white space
         * or an idle character (a run at a time: most of a text) */
        do
            d[k++] = s[i++];
        while (i < n && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r' &&
               (unsigned char)s[i] != 0xE2 && (unsigned char)s[i] != 0xEF);
    }
    if (space)
        d[k++] = ' ';
    d[k] = 0;
    *outlen = k;
    return d;
}

/* The length of the entity or character reference at r ("&amp;",
 * "&#8211;") that the parser read as one character, or 0. */
static size_t entity_len(const char *r, const char *end)
{
    if (!r || r >= end || *r != '&')
        return 0;
    for (const char *q = r + 1; q < end && q < r + 32; q++)
        if (*q == ';')
            return (size_t)(q - r + 1);
    return 0;
}

/* fold_space() for a text node, also noting where folding moved the
 * text against the source (a line break, indentation, a run of spaces,
 * an entity written "&amp;" for "&"): with the node's own line and
 * column, a message about one of its characters can name the
 * character's place (Node.u.text). `src` is the node's source as
 * written (xmlread_source; NULL: entities are not looked for). */
static void fold_text(P *p, const char *s, Node *t, const char *src, const char *end)
{
    t->text = fold_space(p, s, &t->len);
    typedef struct { int32_t pos, line, col; } Run;
    Run stack[16], *v = stack;          /* most texts note a few places: no malloc for them */
    int n = 0, cap = 16, dl = 0;
    int32_t out = 0, c = t->col;
    const char *q = s, *r = src;
    bool after_white = true;            /* (fold_space's idle_at rule: at the start, or after white space) */
    bool spaced = false;                /* a folded space counted, and no character since but dropped ones */
    while (*q) {
        if (n == cap) {                 /* room for the one place this character may note */
            Run *w = xmalloc((size_t)cap * 2 * sizeof *w);
            memcpy(w, v, (size_t)cap * sizeof *w);
            if (v != stack)
                free(v);
            v = w;
            cap *= 2;
        }
        /* most of a text: printable ASCII as the file has it (no entity,
         * no place to note), taken a run at a time as the byte-by-byte
         * path below would take it */
        size_t k = 0;
        while ((unsigned char)q[k] > ' ' && (unsigned char)q[k] < 0x7F && q[k] != '&' &&
               (!r || (r + k < end && r[k] == q[k])))
            k++;
        if (k > 0) {
            out += (int32_t)k;
            c += c > 0 ? (int32_t)k : 0;
            r = r ? r + k : NULL;
            q += k;
            after_white = spaced = false;
            continue;
        }
        if (white_at(q)) {
            bool plain = *q == ' ' && !white_at(q + 1);
            for (size_t wl; (wl = white_at(q)) != 0;) {
                size_t el = entity_len(r, end);         /* "&#10;": not a line's end in the file */
                if (!el && r && (r + wl > end || (memcmp(r, q, wl) != 0 && !(*r == '\r' && *q == '\n'))))
                    r = NULL;
                if (*q == '\n' && !el) {
                    dl++;
                    c = 1;
                } else {
                    c += c > 0 ? (el ? (int32_t)el : 1) : 0;
                }
                if (!el && r && r < end && *r == '\r' && *q == '\n' && r + 1 < end && r[1] == '\n')
                    r++;                /* "\r\n" read as "\n" */
                r = el ? r + el : r && r < end ? r + wl : r;
                q += wl;
            }
            if (spaced)                 /* " \u200B " folds to one space */
                plain = false;
            else
                out++;                  /* one folded space */
            after_white = spaced = true;
            if (!plain) {
                v[n].pos = out;
                v[n].line = dl;
                v[n++].col = c;
            }
            continue;
        }
        size_t z = idle_at(q);
        if (z && (after_white || white_at(q + z) || !q[z])) {     /* dropped, as fold_space does */
            size_t el = entity_len(r, end);
            if (!el && r && (r + z > end || memcmp(r, q, z) != 0))
                r = NULL;
            c += c > 0 ? (el ? (int32_t)el : 1) : 0;
            r = el ? r + el : r ? r + z : NULL;
            q += z;
            v[n].pos = out;
            v[n].line = dl;
            v[n++].col = c;
            continue;
        }
        after_white = spaced = false;
        size_t clen = 1;
        while (((unsigned char)q[clen] & 0xC0) == 0x80)
            clen++;
        size_t el = entity_len(r, end);
        if (!el && r && (r + clen > end || memcmp(r, q, clen) != 0))
            r = NULL;                   /* the file says otherwise (a CDATA section): counted as before */
        out += (int32_t)clen;
        q += clen;
        if (el) {                       /* "&amp;": five columns for one character */
            c += c > 0 ? (int32_t)el : 0;
            r += el;
            v[n].pos = out;
            v[n].line = dl;
            v[n++].col = c;
        } else {
            c += c > 0;
            r = r ? r + clen : NULL;
        }
    }
    if (n) {
        int32_t *pos = ARENA_ARRAY(&p->rp->arena, int32_t, n), *line = ARENA_ARRAY(&p->rp->arena, int32_t, n),
                *col = ARENA_ARRAY(&p->rp->arena, int32_t, n);
        for (int k = 0; k < n; k++) {
            pos[k] = v[k].pos;
            line[k] = v[k].line;
            col[k] = v[k].col;
        }
        t->u.text.nl_pos = pos;
        t->u.text.nl_line = line;
        t->u.text.nl_col = col;
        t->u.text.nnl = n;
    }
    if (v != stack)
        free(v);
}

static char *element_text(P *p, xmlNodePtr x, size_t *len)
{
    xmlChar *c = xmlNodeGetContent(x);
    char *s = fold_space(p, c ? (const char *)c : "", len);
    xmlFree(c);
    /* trim */
    while (*len && s[*len - 1] == ' ')
        s[--*len] = 0;
    while (*s == ' ') {
        s++;
        (*len)--;
    }
    return s;
}

static void register_id(P *p, Node *n, const char *id)
{
    if (!id)
        return;
    Node *first = map_get(&p->ids, id);
    if (!first) {
        n->id = id;
        map_put(&p->ids, id, n);
        return;
    }
    const char *mine = model_source(n, p->rep), *theirs = model_source(first, p->rep);
    if (first->file == n->file) {
        ERR(n, _("the id \"%s\" is used twice (first on line %d)"), id, first->line);
        HINT(_("every id must be unique in the report"));
    } else if (strcmp(mine, theirs) == 0) {         /* one part included twice */
        ERR(n, _("the id \"%s\" is used twice: %s is included twice, and its ids with it"), id, mine);
        HINT(_("include a part once; every id must be unique in the report and all its parts"));
    } else {                    /* in two files: said in both, each naming the other */
        ERR(n, _("the id \"%s\" is used twice: also in %s, line %d"), id, theirs, first->line);
        HINT(_("every id must be unique in the report and all its parts"));
        ERR(first, _("the id \"%s\" is used twice: also in %s, line %d"), id, mine, n->line);
        HINT(_("every id must be unique in the report and all its parts"));
    }
}

static Node *find_id(P *p, const char *id)
{
    return map_get(&p->ids, id);
}

static bool same_word(const char *a, const char *b);

/* Whether node a stands before node b in the report (its file first). */
static bool stands_before(const Node *a, const Node *b)
{
    return a->file != b->file ? a->file < b->file : a->line != b->line ? a->line < b->line : a->col < b->col;
}

/* The id a writer most likely meant by `to`, which no element has: the
 * same but for case ("Ekonomi"), else one within two edits and no more
 * than a third of its length ("ekonmi"; not "s1" for "s9"); of two as
 * near, the one that stands first. Only a footnote's for an <fnref>
 * (footnote). NULL if none is near. Every id is looked at: done for the
 * first NEAR_ASKED references only, so that a report of thousands of
 * them stays linear. */
enum { NEAR_ASKED = 50 };

static const char *near_id(P *p, const char *to, bool footnote, const Node **target)
{
    const char *best = NULL;
    const Node *bn = NULL;
    int bd = 3;
    size_t nto = strlen(to);
    if (p->near_asked++ >= NEAR_ASKED)
        return NULL;
    for (size_t i = 0; i < p->ids.cap; i++) {
        const char *id = p->ids.slots[i].key;
        const Node *n = p->ids.slots[i].value;
        if (!id || !n || (footnote && n->kind != N_FOOTNOTE))
            continue;
        size_t nid = strlen(id);
        if (nid + 2 < nto || nto + 2 < nid)
            continue;                   /* three edits at least */
        int d = same_word(id, to) ? 0 : value_distance(id, to);
        if (d > 2 || (d > 0 && 3 * (size_t)d > nid))
            continue;
        if (d < bd || (d == bd && best && stands_before(n, bn))) {
            best = id;
            bn = n;
            bd = d;
        }
    }
    *target = bn;
    return best;
}

/* The word the page prints for status i in this report, or NULL. */
static const char *status_word(P *p, int i)
{
    const StatusDef *sd = &p->layout->statuses[i];
    return layout_word(p->layout, p->rep->type, p->rep->lang, arena_printf(&p->rp->arena, "status.%s", sd->name),
                       sd->word, NULL);
}

/* "met (Uppfyllt), partly-met (Delvis uppfyllt), ...": the statuses of
 * one kind, each with the word the page prints for it. */
static void list_statuses(P *p, bool activity, char *buf, size_t cap)
{
    size_t k = 0;
    buf[0] = 0;
    for (int i = 0; i < p->layout->nstatuses; i++) {
        const StatusDef *s = &p->layout->statuses[i];
        if (s->activity != activity)
            continue;
        const char *word = status_word(p, i);
        int w = word ? snprintf(buf + k, cap - k, "%s%s (%s)", k ? ", " : "", s->name, word)
                     : snprintf(buf + k, cap - k, "%s%s", k ? ", " : "", s->name);
        if (w < 0 || (size_t)w >= cap - k)
            break;
        k += (size_t)w;
    }
}

/* Whether UTF-8 words a and b are the same but for case (ASCII and the
 * Latin-1 letters: "uppfyllt" and "Uppfyllt", "ÅTGÄRD" and "åtgärd"). */
static bool same_word(const char *a, const char *b)
{
    unsigned char pa = 0, pb = 0;       /* the byte before: 0xC3 leads a Latin-1 letter */
    for (; *a && *b; a++, b++) {
        unsigned char x = (unsigned char)*a, y = (unsigned char)*b;
        unsigned char lx = (x >= 'A' && x <= 'Z') || (pa == 0xC3 && x >= 0x80 && x <= 0x9E && x != 0x97) ? x + 32 : x;
        unsigned char ly = (y >= 'A' && y <= 'Z') || (pb == 0xC3 && y >= 0x80 && y <= 0x9E && y != 0x97) ? y + 32 : y;
        if (lx != ly)
            return false;
        pa = x;
        pb = y;
    }
    return *a == *b;
}

/* The status whose printed word (the layout's, for this report type) is
 * `value`, as a writer types what the page shows: its index, or -1. */
static const char *lower(const char *s, char *buf, size_t cap);

static int status_by_word(P *p, const char *value)
{
    for (int i = 0; i < p->layout->nstatuses; i++) {
        const StatusDef *sd = &p->layout->statuses[i];
        const char *w = status_word(p, i);
        if ((w && same_word(w, value)) || (sd->word && same_word(sd->word, value)))
            return i;
    }
    /* the first word of one status's word alone ("delvis": Delvis
     * uppfyllt), where no other status's word begins so */
    char v[64], w[64];
    lower(value, v, sizeof v);
    size_t n = strlen(v);
    int found = -1;
    for (int i = 0; i < p->layout->nstatuses && n >= 4; i++) {
        const char *word = status_word(p, i);
        if (!word)
            continue;
        lower(word, w, sizeof w);
        if (strncmp(w, v, n) == 0 && w[n] == ' ') {
            if (found >= 0 && found != i)
                return -1;
            found = i;
        }
    }
    return found;
}


/* The schema's message about name="value" at n, which the message about
 * to be recorded says precisely: forgotten, so the mistake is said once. */
static void said_precisely(P *p, Node *n, const char *name, const char *value)
{
    char needle[200];
    snprintf(needle, sizeof needle, "%s=\"%.150s\"", name, value);
    diag_drop_at(&p->rp->diags, model_source(n, p->rep), n->line, n->col, needle);
}

/* s in lower case (A-Z, and Å Ä Ö É), into buf. */
static const char *lower(const char *s, char *buf, size_t cap)
{
    size_t k = 0;
    for (; *s && k + 1 < cap; s++, k++) {
        unsigned char c = (unsigned char)*s;
        bool latin1 = k > 0 && (unsigned char)buf[k - 1] == 0xC3 && c >= 0x80 && c <= 0x9E && c != 0x97;
        buf[k] = (char)((c >= 'A' && c <= 'Z') || latin1 ? c + 32 : c);
    }
    buf[k] = 0;
    return buf;
}

/* The status whose name, or word on the page, is within two letters of
 * `value` ("met" for "mett", "Uppfyllt" for "uppfylt"), as a
 * misspelling: its index, or -1. */
static int status_near(P *p, const char *value)
{
    int best = -1, dist = 3;
    char v[128], w[128];
    lower(value, v, sizeof v);
    for (int i = 0; i < p->layout->nstatuses; i++) {
        const char *cand[2] = { p->layout->statuses[i].name, status_word(p, i) };
        for (int k = 0; k < 2; k++) {
            if (!cand[k])
                continue;
            int d = value_distance(v, lower(cand[k], w, sizeof w));
            if (d < dist && d < (int)strlen(cand[k]) - 1) {
                dist = d;
                best = i;
            }
        }
    }
    return best;
}

static int lookup_status(P *p, Node *n, const char *value)
{
    int i = layout_status(p->layout, value);
    if (i >= 0)
        return i;
    if (!value[strspn(value, " \t\r\n")])
        return -1;              /* value="": the schema has said so */
    int near = status_by_word(p, value);
    near = near >= 0 ? near : status_near(p, value);
    if (near >= 0) {
        const char *name = p->layout->statuses[near].name, *word = status_word(p, near);
        said_precisely(p, n, "status", value);
        ERR(n, _("unknown status \"%s\""), value);
        if (word)
            HINT(_("did you mean status=\"%s\" (%s)? A status is written with its name; the page prints the word"),
                 name, word);
        else
            HINT(_("did you mean status=\"%s\"?"), name);
        return -1;
    }
    char goal[512], act[512];
    list_statuses(p, false, goal, sizeof goal);
    list_statuses(p, true, act, sizeof act);
    said_precisely(p, n, "status", value);
    ERR(n, _("unknown status \"%s\""), value);
    HINT(_("the layout \"%s\" knows the goal statuses %s and the assignment statuses %s"),
         p->layout->name, goal, act);
    return -1;
}

static void parse_numformat(P *p, xmlNodePtr x, NumFormat *f)
{
    const char *d = attr(p, x, "decimals");
    long dec = d && strcmp(d, "as-written") != 0 ? strtol(d, NULL, 10) : -1;
    f->decimals = dec < 0 ? -1 : dec > 6 ? 6 : (int)dec;    /* the schema says 0 to 6 */
    const char *s = attr(p, x, "sign");
    f->sign_always = s && strcmp(s, "always") == 0;
    f->unit = attr(p, x, "unit");
}

static Align parse_align(const char *a)
{
    if (!a) return ALIGN_DEFAULT;
    if (strcmp(a, "right") == 0) return ALIGN_RIGHT;
    if (strcmp(a, "center") == 0) return ALIGN_CENTER;
    return ALIGN_LEFT;
}

/* Record an error at n that says precisely what the schema's message
 * at the same place holding `vague` said vaguely: the vague one goes. */
static void replace_error(P *p, Node *n, const char *vague, const char *hint, const char *msg)
{
    Diags *d = &p->rp->diags;
    for (int i = 0; i < d->n; i++)
        if (d->v[i].line == n->line && d->v[i].col == n->col && d->v[i].file == p->file &&
            strstr(d->v[i].msg, vague)) {
            free(d->v[i].msg);
            free(d->v[i].hint);
            d->v[i].msg = xmalloc(strlen(msg) + 1);
            strcpy(d->v[i].msg, msg);
            d->v[i].hint = xmalloc(strlen(hint) + 1);
            strcpy(d->v[i].hint, hint);
            return;
        }
    diag_add(d, DIAG_ERROR, p->file, n->line, n->col, hint, "%s", msg);
}

/* The same for the schema's "something is missing here". */
static void precise_error(P *p, Node *n, const char *hint, const char *msg)
{
    replace_error(p, n, _("is missing"), hint, msg);
}

/* An error at n about an attribute's value: said once, replacing what
 * the schema said at the same place about the same attribute. */
static void value_error(P *p, Node *n, const char *name, const char *v, const char *why, const char *hint)
{
    char vague[64], msg[300];
    snprintf(vague, sizeof vague, "%s=\"", name);
    snprintf(msg, sizeof msg, "%s=\"%.80s%s\" %s", name, v, strlen(v) > 80 ? "..." : "", why);
    replace_error(p, n, vague, hint, msg);
}

/* A length a report gives (a chart's height): millipoints, or -1 with an
 * error at n when it is not a length or is larger than the layout's page
 * (either way up: it may stand on a landscape page). */
static int32_t report_length(P *p, Node *n, const char *name, const char *v)
{
    int32_t len;
    const char *why = value_length(v, false, &len);
    int32_t page = p->layout->page_w > p->layout->page_h ? p->layout->page_w : p->layout->page_h;
    if (why) {
        value_error(p, n, name, v, why, _("write a number and mm, cm or pt, e.g. 60mm"));
        return -1;
    }
    if (len > page) {
        char big[80];
        snprintf(big, sizeof big, _("is larger than the page (%d mm)"), (int)lround(page * 25.4 / 72000));
        value_error(p, n, name, v, big, strcmp(name, "width") == 0
                    ? _("for a share of the text width write a percentage, such as 50%")
                    : _("a chart is about 60mm high; it must fit on a page"));
        return -1;
    }
    /* a chart's axis, labels and bars need room: "1mm" set its labels
     * on top of each other, "0mm" was taken for no height given */
    if (!strcmp(name, "height") && len < RP_MIN_CHART_HEIGHT) {
        char low[80];
        snprintf(low, sizeof low, _("is too low for a chart to be read (at least %d mm)"),
                 (int)lround(RP_MIN_CHART_HEIGHT * 25.4 / 72000));
        value_error(p, n, name, v, low, _("a chart is about 60mm high; it must fit on a page"));
        return -1;
    }
    return len;
}

/* A width: "auto" (if allow_auto), a share of the text width "40%", of
 * what the other columns leave "2*" (if allow_star), or a length. Sets
 * *kind and *width (tenths of a percent, thousandths of a share,
 * millipoints); false with an error at n if it is none of these or out of
 * bounds. */
static bool report_width(P *p, Node *n, const char *v, bool allow_auto, bool allow_star,
                         WidthKind *kind, int32_t *width)
{
    const char *hint = allow_star ? _("write auto, a length like 30mm, a share of the text width like 40%, "
                                    "or of what the other columns leave like 2*")
                                  : _("write a length like 60mm, or a share of the text width like 50%");
    if (allow_auto && strcmp(v, "auto") == 0) {
        *kind = WIDTH_AUTO;
        return true;
    }
    size_t k = value_decimal(v);
    if (k && v[k] == ' ' && v[k + 1] == '%')
        k++;                            /* "60 %", as Swedish writes it */
    if (k && (v[k] == '%' || (v[k] == '*' && allow_star)) && v[k + 1] == 0) {
        double d = strtod(v, NULL);
        bool pct = v[k] == '%';
        if (pct ? d > 100 : d > RP_MAX_STAR_WIDTH) {
            value_error(p, n, "width", v, pct ? _("is more than the whole text width") : _("is too large a share"),
                        pct ? _("a share of the text width is from 0 to 100%")
                            : _("2* is twice as wide as 1*: the numbers only compare the columns, keep them small"));
            return false;
        }
        *kind = pct ? WIDTH_PCT : WIDTH_STAR;
        *width = (int32_t)lround(d * (pct ? 10 : 1000));
        if (*width <= 0)
            goto zero;
        return true;
    }
    if (!value_is_length(v, false)) {
        value_error(p, n, "width", v, _("is not a width"), hint);
        return false;
    }
    int32_t len = report_length(p, n, "width", v);
    if (len < 0)
        return false;
    *kind = WIDTH_ABS;
    *width = len;
    if (len > 0)
        return true;
zero:
    value_error(p, n, "width", v, _("leaves no room"),
                allow_auto ? _("write auto, or leave width out, for a width of its contents") : hint);
    return false;
}


/* An element the format does not have at all (most often a typo). The
 * schema reports only the first such place in a section; this names
 * every one, once. */
static void unknown_element(P *p, xmlNodePtr x)
{
    static const char *known[] = {
        "report", "meta", "contents", "section", "heading", "goal", "appendices", "appendix",
        "p", "list", "item", "table", "caption", "columns", "column", "row", "cell", "note", "row-role",
        "chart", "categories", "series", "axis", "source", "figure", "legend", "goal-overview",
        "page-break", "landscape", "include", "part", "b", "i", "sup", "sub", "nohyphen", "br", "num",
        "status", "footnote", "fnref", "ref", "link", "description", NULL };
    const char *name = (const char *)x->name;
    for (int i = 0; known[i]; i++)
        if (strcmp(known[i], name) == 0)
            return;                 /* known but misplaced: the schema said so */
    p->unknowns++;
    int line = xmlread_line(x), col = xmlread_col(x);
    /* the nearest known name, if it is near: a typo or a Swedish name */
    static const struct { const char *sv, *en; } swedish[] = {
        { "stycke", "p" }, { "rubrik", "heading" }, { "avsnitt", "section" }, { "tabell", "table" },
        { "rad", "row" }, { "cell", "cell" }, { "lista", "list" }, { "punkt", "item" },
        { "fotnot", "footnote" }, { "diagram", "chart" }, { "bild", "figure" }, { "mal", "goal" },
        { "mål", "goal" }, { "bilagor", "appendices" }, { "bilaga", "appendix" }, { "innehall", "contents" },
        { "innehåll", "contents" }, { "titel", "title" }, { "paragraph", "p" }, { "para", "p" },
        { "title", "heading" }, { "h1", "heading" }, { "h2", "heading" }, { "h3", "heading" },
        { "ul", "list" }, { "ol", "list" }, { "li", "item" }, { "tr", "row" }, { "td", "cell" },
        { "th", "cell" }, { "img", "figure" }, { "a", "link" }, { "em", "i" }, { "strong", "b" },
        { "bold", "b" }, { "fet", "b" }, { "emph", "i" }, { "italic", "i" }, { "kursiv", "i" },
        { "paragraf", "p" }, { "kolumn", "column" }, { "kolumner", "columns" }, { "bildtext", "caption" },
        { "l\xC3\xA4nk", "link" }, { "h\xC3\xA4nvisning", "ref" }, { "sidbrytning", "page-break" },
        { "beskrivning", "description" }, { "upph\xC3\xB6jd", "sup" }, { "neds\xC3\xA4nkt", "sub" },
    };
    const char *near = NULL;
    for (size_t i = 0; i < sizeof swedish / sizeof swedish[0] && !near; i++)
        if (!strcmp(swedish[i].sv, name))
            near = swedish[i].en;
    int best = 3;                   /* two edits at most */
    bool from_table = near != NULL;
    for (int i = 0; known[i] && !from_table; i++) {
        int d = value_distance(name, known[i]);
        if (d < best && d < (int)strlen(known[i])) {
            best = d;
            near = known[i];
        }
    }
    char hint_buf[200];
    const char *parent = x->parent ? (const char *)x->parent->name : "";
    bool in_text = !strcmp(parent, "p") || !strcmp(parent, "heading") || !strcmp(parent, "cell") ||
                   !strcmp(parent, "item") || !strcmp(parent, "caption") || !strcmp(parent, "note") ||
                   !strcmp(parent, "b") || !strcmp(parent, "i") || !strcmp(parent, "footnote");
    const char *hint = in_text ? _("in text: <b>bold</b>, <i>italic</i>, <sup>, <sub>, <link>, <ref>, <footnote>, "
                                   "<num>, <status>, <br/>; README.md lists every element")
                               : _("paragraphs are <p>, headings <heading> inside a <section>; README.md lists every element");
    if (near) {
        snprintf(hint_buf, sizeof hint_buf, _("did you mean <%s>? README.md, section \"Elements\", lists every element"), near);
        hint = hint_buf;
    }
    if (!strcmp(name, "thead") || !strcmp(name, "tbody") || !strcmp(name, "tfoot"))   /* HTML's table */
        hint = _("a <table> holds its <row>s itself, with no <thead> or <tbody>: write the header row as "
                 "<row role=\"header\">, and each cell as <cell>");
    Diags *d = &p->rp->diags;
    for (int i = 0; i < d->n; i++)
        if (d->v[i].line == line && d->v[i].col == col && d->v[i].file == p->file) {
            /* the schema's "not allowed here" becomes the plainer message */
            free(d->v[i].msg);
            free(d->v[i].hint);
            d->v[i].msg = NULL;
            d->v[i].hint = NULL;
            size_t n = strlen(name) + 32;
            d->v[i].msg = xmalloc(n);
            snprintf(d->v[i].msg, n, _("unknown element <%s>"), name);
            d->v[i].hint = xmalloc(strlen(hint) + 1);
            strcpy(d->v[i].hint, hint);
            return;
        }
    diag_add(d, DIAG_ERROR, p->file, line, col, hint, _("unknown element <%s>"), name);
}

/* ---- inline ----------------------------------------------------------- */

/* A text for a string of the PDF's own (RP_MAX_PDF_TEXT_CHARS), of
 * <what> at n: false, with an error and `hint`, if it is too long. */
static bool pdf_text_fits(P *p, const Node *n, const char *what, const char *s, const char *hint)
{
    size_t len = s ? strlen(s) : 0, chars = 0;
    for (size_t i = 0; i < len; i++)
        chars += ((unsigned char)s[i] & 0xC0) != 0x80;
    if (chars <= RP_MAX_PDF_TEXT_CHARS)
        return true;
    ERR(n, _("%s is %zu characters long; the PDF holds at most %d"), what, chars, RP_MAX_PDF_TEXT_CHARS);
    HINT("%s", hint);
    return false;
}

/* An e-mail address written without mailto: ("kontakt@linkoping.se"):
 * something before the @, a dot in what follows, no space or slash. */
static bool mail_address(const char *h)
{
    const char *at = strchr(h, '@');
    return at && at > h && strchr(at + 1, '.') && !strchr(at + 1, '@') && !strpbrk(h, " /\\");
}

/* A web address written without https://: "www.…", or a host whose last
 * part is a top-level domain ("linkoping.se/kontakt", "skr.se") — not a
 * file's name ("bilaga-2.pdf", "../bilagor/budget.xlsx"). */
static bool web_host(const char *h)
{
    if (!strncasecmp(h, "www.", 4))
        return h[4] && !strchr(h, ' ');
    static const char *const tld[] = { "se", "nu", "com", "org", "net", "eu", "fi", "no", "dk", "de", "uk",
                                       "info", "gov", "edu", "int", "io", NULL };
    size_t host = strcspn(h, "/?#:");
    const char *dot = NULL;
    for (size_t i = 0; i < host; i++)
        if (h[i] == '.')
            dot = h + i;
        else if (!((h[i] >= 'a' && h[i] <= 'z') || (h[i] >= 'A' && h[i] <= 'Z') || (h[i] >= '0' && h[i] <= '9') ||
                   h[i] == '-'))
            return false;
    if (!dot || dot == h)
        return false;
    size_t tl = (size_t)(h + host - dot - 1);
    for (int k = 0; tld[k]; k++)
        if (strlen(tld[k]) == tl && !strncasecmp(dot + 1, tld[k], tl))
            return true;
    return false;
}

/* <link href>: an address there is, of a length a PDF link holds. */
static void check_link(P *p, Node *n)
{
    const char *h = n->u.link.href;
    if (h) {                    /* " https://... ": the spaces are no part of the address */
        h += strspn(h, " \t\r\n");
        size_t len = strlen(h);
        while (len && strchr(" \t\r\n", h[len - 1]))
            len--;
        n->u.link.href = h = arena_strndup(&p->rp->arena, h, len);
    }
    if (!h || !*h) {
        ERR(n, _("the link has no address: href is empty"));
        HINT(_("write the web address in href, e.g. <link href=\"https://www.linkoping.se\">"));
        return;
    }
    pdf_text_fits(p, n, _("the link's address (href)"), h,
                  _("a web address is at most a few hundred characters: is the closing quote of href missing?"));
    /* its scheme: letters (digits, +, -, .) and a colon */
    size_t sl = 0;
    while ((h[sl] >= 'a' && h[sl] <= 'z') || (h[sl] >= 'A' && h[sl] <= 'Z') ||
           (sl > 0 && ((h[sl] >= '0' && h[sl] <= '9') || h[sl] == '+' || h[sl] == '-' || h[sl] == '.')))
        sl++;
    bool scheme = sl > 0 && h[sl] == ':';
    if (scheme && sl == 10 && !strncasecmp(h, "javascript", 10)) {
        ERR(n, _("the link's address \"%s\" is a script, which an archival PDF may not run"), h);
        HINT(_("write the web address in href, e.g. <link href=\"https://www.linkoping.se\">"));
    } else if (scheme && sl == 4 && !strncasecmp(h, "file", 4)) {
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(n, p->rep), n->line, n->col,
                 _("give the file's address on the web, or attach it to the report as an appendix"),
                 _("the link \"%s\" leads to a file on this computer, which the PDF's readers do not have"), h);
    } else if (!scheme) {
        /* "www.linkoping.se" (a viewer reads it as a file beside the
         * PDF), "kontakt@linkoping.se": what was meant is clear. A file's
         * name ("bilaga-2.pdf", "../bilagor/budget.xlsx") is a link to a
         * file beside the PDF, and stays */
        const char *fixed = NULL;
        if (mail_address(h))
            fixed = arena_printf(&p->rp->arena, "mailto:%s", h);
        else if (web_host(h))
            fixed = arena_printf(&p->rp->arena, "https://%s", h);
        if (h[0] == '#') {
            diag_add(&p->rp->diags, DIAG_WARNING, model_source(n, p->rep), n->line, n->col, NULL,
                     _("the link's address \"%s\" points into the report, which a <link> cannot"), h);
            HINT(_("point to the element with <ref to=\"%s\"/>, the element given id=\"%s\""), h + 1, h + 1);
        } else if (fixed) {
            diag_add(&p->rp->diags, DIAG_WARNING, model_source(n, p->rep), n->line, n->col, NULL,
                     _("the link's address \"%s\" has no https:// or mailto: (a PDF reader would look for a file "
                       "of that name): it is made %s"), h, fixed);
            HINT(_("write href=\"%s\""), fixed);
            n->u.link.href = fixed;
        } else if (strchr(h, ' ')) {
            diag_add(&p->rp->diags, DIAG_WARNING, model_source(n, p->rep), n->line, n->col,
                     _("write the web address in href, e.g. <link href=\"https://www.linkoping.se\">"),
                     _("the link's address \"%s\" is no web address: a PDF reader cannot follow it"), h);
        }
    }
}

/* Does n hold no text but white space? */
/* Whether s is spaces alone: ordinary, tabs, line ends or no-break. */
static bool blank_text(const char *s)
{
    for (size_t i = 0; s[i];)
        if (strchr(" \t\r\n", s[i]))
            i++;
        else if ((unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
            i += 2;
        else
            return false;
    return true;
}

static bool blank_node(const Node *n)
{
    char buf[64];
    size_t len = model_plain_text(n, buf, sizeof buf);
    return len < sizeof buf && blank_text(buf);
}

/* A heading or caption with no text prints nothing (and an empty
 * heading leaves a blank line in the contents and the bookmarks): said
 * at it, as a warning, so that an old report still renders as before. */
static void warn_if_blank(P *p, const Node *n, const char *what)
{
    if (!blank_node(n))
        return;
    diag_add(&p->rp->diags, DIAG_WARNING, model_source(n, p->rep), n->line, n->col,
             !strcmp(what, "heading") ? _("write its title: the contents and the bookmarks show it")
                                      : _("write its text, or leave the element out"),
             _("<%s> is empty"), what);
}

static void build_inline(P *p, xmlNodePtr x, Node *parent)
{
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            Node *t = new_node(p, N_TEXT, NULL);
            t->line = xmlread_line(c);
            t->col = xmlread_col(c);
            const char *end = NULL, *src = xmlread_source(c, &end);
            fold_text(p, (const char *)c->content, t, src, end);
            if (t->len)
                model_append(parent, t);
            continue;
        }
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        Node *n;
        if (strcmp(name, "b") == 0) {
            n = new_node(p, N_B, c);
            n->u.span.lang = other_lang(p, c);
            build_inline(p, c, n);
        } else if (strcmp(name, "i") == 0) {
            n = new_node(p, N_I, c);
            n->u.span.lang = other_lang(p, c);
            build_inline(p, c, n);
        } else if (strcmp(name, "sup") == 0) {
            n = new_node(p, N_SUP, c);
            build_inline(p, c, n);
        } else if (strcmp(name, "sub") == 0) {
            n = new_node(p, N_SUB, c);
            build_inline(p, c, n);
        } else if (strcmp(name, "nohyphen") == 0) {
            n = new_node(p, N_NOHYPHEN, c);
            n->u.span.lang = other_lang(p, c);
            build_inline(p, c, n);
        } else if (strcmp(name, "br") == 0) {
            n = new_node(p, N_BR, c);
        } else if (strcmp(name, "link") == 0) {
            n = new_node(p, N_LINK, c);
            n->u.link.href = attr(p, c, "href");
            check_link(p, n);
            build_inline(p, c, n);
        } else if (strcmp(name, "num") == 0) {
            n = new_node(p, N_NUM, c);
            parse_numformat(p, c, &n->u.num.fmt);
            n->text = element_text(p, c, &n->len);
            char m[64];
            int unit;
            NumRead nr = numfmt_read(n->text, n->len, n->u.num.fmt.unit, m, sizeof m, &unit);
            if (nr == NUM_READ && unit != NUM_UNIT_PERCENT) {      /* <num>1 234,5</num> as <num>1234.5</num> */
                n->text = arena_strdup(&p->rp->arena, m);
                n->len = strlen(m);
            } else if (nr == NUM_AMBIGUOUS) {
                two_readings(p, n, n->text, n->len, true, n->u.num.fmt.decimals);
            } else if (nr == NUM_MACHINE && two_readings(p, n, n->text, n->len, false, n->u.num.fmt.decimals)) {
                /* said */
            } else if (nr != NUM_MACHINE) {
                ERR(n, _("<num> holds \"%s\", which is not a number"), n->text);
                if (memchr(n->text, '%', n->len))
                    HINT("%s", _("write the number alone, and the unit in unit=\"%\": <num unit=\"%\">12</num>"));
                else
                    HINT("%s", _("write a number as 1 877,5 or 1877.5, a minus before it if it is negative; "
                                 "a unit goes in unit=\"...\" (e.g. unit=\"mnkr\")"));
            }
        } else if (strcmp(name, "status") == 0) {
            n = new_node(p, N_STATUS, c);
            const char *v = attr(p, c, "value");
            n->u.status.status = lookup_status(p, n, v ? v : "");
            size_t len;
            char *t = element_text(p, c, &len);
            if (len) {
                n->text = t;
                n->len = len;
            }
        } else if (strcmp(name, "footnote") == 0) {
            n = new_node(p, N_FOOTNOTE, c);
            register_id(p, n, attr(p, c, "id"));
            n->u.fn.number = ++p->rep->nfootnotes;
            build_inline(p, c, n);
            xmlChar *all = xmlNodeGetContent(c);
            bool blank = true;
            for (const xmlChar *q = all; q && *q && blank; q++)
                blank = *q == ' ' || *q == '\t' || *q == '\n' || *q == '\r';
            xmlFree(all);
            if (blank) {
                ERR(n, _("the footnote is empty"));
                HINT(_("write the note's text inside <footnote>...</footnote>, or remove it"));
            }
        } else if (strcmp(name, "fnref") == 0 || strcmp(name, "ref") == 0) {
            n = new_node(p, name[0] == 'f' ? N_FNREF : N_REF, c);
            const char *show = attr(p, c, "show");
            n->u.ref.show = !show ? REF_PAGE : strcmp(show, "title") == 0 ? REF_TITLE
                          : strcmp(show, "both") == 0 ? REF_BOTH : REF_PAGE;
            VEC_PUSH(&p->rp->arena, p->refs, n);
            VEC_PUSH(&p->rp->arena, p->ref_ids, attr(p, c, "to"));
        } else {
            unknown_element(p, c);
            continue;
        }
        model_append(parent, n);
    }
}

/* ---- tables ----------------------------------------------------------- */

static void build_columns(P *p, xmlNodePtr cols, Node *t)
{
    int n = 0;
    for (xmlNodePtr c = cols->children; c; c = c->next)
        if (is_el(c, "column"))
            n++;
    if (n > RP_MAX_TABLE_COLUMNS) {
        ERR(t, _("the table declares %d columns; rapport lays out at most %d"), n, RP_MAX_TABLE_COLUMNS);
        HINT(_("30 columns fit a landscape page in small type; split the table in two"));
        n = RP_MAX_TABLE_COLUMNS;
    }
    t->u.table.cols = ARENA_ARRAY(&p->rp->arena, Column, n);
    t->u.table.ncols = n;
    int i = 0;
    for (xmlNodePtr c = cols->children; c && i < n; c = c->next) {
        if (!is_el(c, "column"))
            continue;
        Column *col = &t->u.table.cols[i++];
        const char *w = attr(p, c, "width");
        col->kind = WIDTH_AUTO;
        Node at = here(p, c);
        if (w && !report_width(p, &at, w, true, true, &col->kind, &col->width))
            col->kind = WIDTH_AUTO;
        col->align = parse_align(attr(p, c, "align"));
        const char *type = attr(p, c, "type");
        col->type = !type ? COL_TEXT : strcmp(type, "number") == 0 ? COL_NUMBER
                  : strcmp(type, "status") == 0 ? COL_STATUS : COL_TEXT;
        parse_numformat(p, c, &col->fmt);
    }
}

static int span_of(P *p, Node *cell, const char *name, const char *v)
{
    if (!v)
        return 1;
    char *end;
    long n = strtol(v, &end, 10);
    end += strspn(end, " \t\r\n");     /* the schema's integers allow white space around */
    if (end == v || *end || n < 1)
        return 1;               /* not a whole number from 1: the schema has said so */
    if (n > RP_MAX_SPAN) {
        ERR(cell, _("%s=\"%s\" is out of range (1 to %d)"), name, v, RP_MAX_SPAN);
        HINT("%s", name[0] == 'c' ? _("write the number of columns the cell covers")
                                  : _("write the number of rows the cell covers"));
        return 1;
    }
    return (int)n;
}

static void build_cell_content(P *p, xmlNodePtr x, Node *cell)
{
    int blocks = 0;
    for (xmlNodePtr c = x->children; c; c = c->next)
        if (is_el(c, "p") || is_el(c, "list"))
            blocks = 1;
    if (blocks)
        build_blocks(p, x, cell, 0);
    else
        build_inline(p, x, cell);
}

/* A cell's text when it is plain text only, else NULL. */
static const Node *plain_cell(const Node *c)
{
    const Node *x = c->first;
    return x && !x->next && x->kind == N_TEXT ? x : NULL;
}

/* A column with no <column> is a number column when its body cells
 * hold numbers ("98.4", "1 234,5"), and nothing but those, blanks and
 * dashes: its numbers are then printed the Swedish way and aligned. */
static bool guess_number_column(const Node *t, int col)
{
    int numbers = 0;
    for (const Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW || r->u.row.role == ROW_HEADER || r->u.row.role == ROW_GROUP ||
            r->u.row.role == ROW_SUBHEAD)
            continue;
        for (const Node *c = r->first; c; c = c->next) {
            if (c->u.cell.col != col || c->u.cell.colspan != 1)
                continue;
            if (!c->first)
                continue;
            const Node *x = plain_cell(c);
            if (!x)
                return false;
            char m[64];
            int unit;
            NumRead nr = numfmt_read(x->text, x->len, NULL, m, sizeof m, &unit);
            if (nr == NUM_MACHINE || (nr == NUM_READ && unit == NUM_UNIT_NONE))
                numbers++;
            else if (!(x->len == 1 && x->text[0] == '-') && !(x->len == 3 && !memcmp(x->text, "\xE2\x80\x93", 3)))
                return false;
        }
    }
    return numbers > 0;
}

/* "1,234.5": a number written the English way (a comma between the
 * thousands, a point before the decimals). */
static bool english_number(const char *s, size_t n)
{
    size_t i = 0, group = 0, ncommas = 0;
    bool commas = false;
    if (i < n && (s[i] == '-' || s[i] == '+'))
        i++;
    size_t start = i;
    for (; i < n && s[i] != '.'; i++) {
        if (s[i] >= '0' && s[i] <= '9') {
            group++;
        } else if (s[i] == ',' && group >= 1 && group <= 3 && (commas ? group == 3 : true) && i > start) {
            commas = true;
            ncommas++;
            group = 0;
        } else {
            return false;
        }
    }
    if (!commas || group != 3 || (i == n && ncommas < 2))
        return false;                 /* "12,000" alone may be Swedish decimals */
    if (i < n) {                      /* the decimals */
        if (i + 1 >= n)
            return false;
        for (i++; i < n; i++)
            if (s[i] < '0' || s[i] > '9')
                return false;
    }
    return true;
}

/* Whether a header cell names its column: it has words or a marker. */
static bool cell_names(const Node *c)
{
    if (c->u.cell.status >= 0)
        return true;
    char buf[64];
    model_plain_text(c, buf, sizeof buf);
    return !blank_text(buf);
}

/* A column whose header rows leave it without a name, warned at its
 * empty header cell: a screen reader reads each of its cells with that
 * name, so it reads none. The first column's corner may stay empty when
 * the column holds the rows' labels (they name the rows). */
static void unnamed_columns(P *p, const Node *t)
{
    int ncols = t->u.table.ncols, said = 0;
    const Node *first = NULL;
    for (const Node *r = t->first; r; r = r->next)
        if (r->kind == N_ROW) {
            first = r;
            break;
        }
    if (!first || first->u.row.role != ROW_HEADER)
        return;                     /* no header rows: nothing to name the columns with */
    for (const Node *r = first; r && r->kind == N_ROW && r->u.row.role == ROW_HEADER; r = r->next) {
        bool blank = true;
        for (const Node *c = r->first; c && blank; c = c->next)
            blank = !cell_names(c);
        if (blank)
            return;                 /* a header row empty: said of the row (grid_table's caller) */
    }
    for (int k = 0; k < ncols && said < 3; k++) {
        if (k == 0 && t->u.table.cols[0].type == COL_TEXT)
            continue;
        const Node *empty = NULL;
        bool named = false;
        for (const Node *r = first; r && !named; r = r->next) {
            if (r->kind != N_ROW)
                continue;
            if (r->u.row.role != ROW_HEADER)
                break;
            for (const Node *c = r->first; c; c = c->next)
                if (c->u.cell.col <= k && k < c->u.cell.col + c->u.cell.colspan) {
                    if (cell_names(c))
                        named = true;
                    else if (!empty)
                        empty = c;
                }
        }
        if (named || !empty)
            continue;
        said++;
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(empty, p->rep), empty->line, empty->col,
                 _("write the column's name in this cell, e.g. \"Status\""),
                 _("column %d has no heading, so a screen reader reads its cells without a name"), k + 1);
    }
}

/* The first row of table t, or NULL. */
static const Node *first_row(const Node *t)
{
    for (const Node *r = t->first; r; r = r->next)
        if (r->kind == N_ROW)
            return r;
    return NULL;
}

/* The row's name for a message: its first cell's words, cut at 40
 * bytes (between characters) into buf, quoted; "" if it has none. */
static const char *row_name(const Node *r, char *buf, size_t cap)
{
    char text[128];
    size_t full = r->first ? model_plain_text(r->first, text, sizeof text) : 0;
    size_t n = full < sizeof text ? full : sizeof text - 1;
    bool cut = n > 40;
    if (cut) {
        n = 40;
        while (n > 0 && ((unsigned char)text[n] & 0xC0) == 0x80)
            n--;
    }
    while (n > 0 && (text[n - 1] == ' ' || ((unsigned char)text[n - 1] == 0xA0 && n >= 2 &&
                                            (unsigned char)text[n - 2] == 0xC2)))
        n -= text[n - 1] == ' ' ? 1 : 2;
    if (n == 0 || cap < 8) {
        if (cap)
            buf[0] = 0;
        return buf;
    }
    snprintf(buf, cap, " \"%.*s%s\"", (int)n, text, cut ? "…" : "");
    return buf;
}

/* Row r's `width` against the table's `declared` columns, or, with none
 * declared, its first row's (`edge`): said if wrong (true). The row is
 * named by its first cell: a user counting cells finds it by it. */
static bool row_width_said(P *p, const Node *t, Node *r, int width, int declared, int edge)
{
    char name[64];
    if (declared && width > declared) {
        ERR(r, P_("the row%s has cells for %d column, but the table has %d",
                  "the row%s has cells for %d columns, but the table has %d", width),
            row_name(r, name, sizeof name), width, declared);
        HINT(_("add a <column> to <columns>, or remove a cell (a cell with colspan counts as several)"));
        return true;
    }
    if (declared && width < declared && r->u.row.role != ROW_GROUP) {
        ERR(r, P_("the row%s has cells for %d column, but the table has %d",
                  "the row%s has cells for %d columns, but the table has %d", width),
            row_name(r, name, sizeof name), width, declared);
        HINT(_("add the missing cell where its value belongs (an empty <cell/> where there is none): one added at "
               "the end puts the values before it under the wrong headings"));
        return true;
    }
    if (!declared && width < edge && r->u.row.role != ROW_GROUP && r != first_row(t)) {
        /* without <columns> the first row says how many: a row short
         * of it was filled with empty cells without a word, where a
         * table with <columns> said so (a new user) */
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(r, p->rep), r->line, r->col,
                 _("add the missing cell where its value belongs (an empty <cell/> where there is none): one added at "
                   "the end puts the values before it under the wrong headings"),
                 P_("the row%s has cells for %d column where the table's first row has %d: the rest of it is left empty",
                    "the row%s has cells for %d columns where the table's first row has %d: the rest of it is left empty",
                    width), row_name(r, name, sizeof name), width, edge);
        return true;
    }
    return false;
}

/* Place cells on the grid (rowspan, colspan) and check row widths. */
static void grid_table(P *p, Node *t)
{
    int declared = t->u.table.ncols;
    int ncols = declared;
    int cap = RP_MAX_TABLE_COLUMNS;
    int *busy = arena_alloc(&p->rp->arena, sizeof(int) * (size_t)cap); /* rows still covered */
    int nrows = 0, over = 0;
    /* each row said wrong (every one, at once: the second short row came
     * out on the next run, a new user), up to ROWS_SAID; the others in a
     * line at the end */
    enum { ROWS_SAID = 10 };
    int said = 0, unsaid = 0;
    const Node *unsaid_row = NULL;     /* the first row not said */
    int edge = declared;            /* the right edge: <columns>, else the first row's width */
    for (Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW)
            continue;
        r->u.row.index = nrows++;
        bool quiet = said >= ROWS_SAID, wrong = false;  /* enough said; this row is wrong */
        int col = 0, warned = quiet;                    /* this row said wrong, or not to be */
        for (Node *c = r->first; c; c = c->next) {
            while (col < cap && busy[col] > 0)
                col++;
            if (col >= cap) {
                if (!over++) {          /* said once, at the first row: the others are as wide */
                    ERR(c, _("this row has more than %d columns"), cap);
                    HINT(_("30 columns fit a landscape page in small type; split the table into tables "
                           "of 30 columns at most"));
                }
                break;
            }
            int cs = c->u.cell.colspan, rs = c->u.cell.rowspan;
            wrong |= edge && col + cs > edge;
            if (edge && !warned && col < edge && col + cs > edge) {
                ERR(c, _("colspan=\"%d\" runs past the table's right edge: this cell starts in column %d of %d"),
                    cs, col + 1, edge);
                HINT(_("make it colspan=\"%d\", or add a <column> to <columns>"), edge - col);
                warned = 1;
            } else if (edge && !warned && col >= edge) {
                ERR(c, P_("one cell too many: this row already fills the table's %d column",
                       "one cell too many: this row already fills the table's %d columns", edge), edge);
                HINT(declared ? _("add a <column> to <columns>, or remove a cell (a cell with colspan counts as several)")
                              : _("every row has as many columns as the first; add a cell to the first row, or remove this one"));
                warned = 1;
            }
            if (col + cs > cap)
                cs = c->u.cell.colspan = cap - col;
            c->u.cell.col = col;
            for (int k = 0; k < cs; k++)
                busy[col + k] = rs;
            col += cs;
        }
        int width = 0;
        for (int k = 0; k < cap; k++)
            if (busy[k] > 0)
                width = k + 1;
        if (!edge)
            edge = width;
        wrong |= declared && (width > declared || (width < declared && r->u.row.role != ROW_GROUP));
        if (!warned)
            warned = row_width_said(p, t, r, width, declared, edge);
        if (!quiet && warned)
            said++;
        else if (quiet && wrong && !unsaid++)
            unsaid_row = r;
        if (width > ncols)
            ncols = width;
        for (int k = 0; k < cap; k++)
            if (busy[k] > 0)
                busy[k]--;
    }
    if (unsaid) {
        if (unsaid == 1)
            ERR(unsaid_row, _("this row too has too few or too many cells"));
        else
            ERR(unsaid_row, P_("this row and %d more below it too have too few or too many cells",
                               "this row and %d more below it too have too few or too many cells", unsaid - 1),
                unsaid - 1);
        HINT(_("the rows above say what each lacks; the table's <columns> says how many cells a row has"));
    }
    if (nrows > RP_MAX_TABLE_ROWS) {
        ERR(t, _("the table has %d rows; rapport lays out at most %d"), nrows, RP_MAX_TABLE_ROWS);
        HINT(_("a table this long is a register, not a report; split it, or put it in an appendix of its own"));
    }
    t->u.table.nrows = nrows;
    if (ncols > declared) {     /* no <columns>: all automatic */
        Column *cols = ARENA_ARRAY(&p->rp->arena, Column, ncols);
        for (int k = 0; k < declared; k++)
            cols[k] = t->u.table.cols[k];
        for (int k = declared; k < ncols; k++) {
            cols[k].fmt.decimals = -1;
            cols[k].type = guess_number_column(t, k) ? COL_NUMBER : COL_TEXT;
        }
        t->u.table.cols = cols;
        t->u.table.ncols = ncols;
    }
    /* A row span past the last row is a mistake (a row left out, or
     * the wrong count): said at the cell, then clamped. */
    for (Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW)
            continue;
        for (Node *c = r->first; c; c = c->next)
            if (r->u.row.index + c->u.cell.rowspan > nrows) {
                int left = nrows - r->u.row.index;
                ERR(c, _("rowspan=\"%d\" runs past the table's last row: this cell is in row %d of %d"),
                    c->u.cell.rowspan, r->u.row.index + 1, nrows);
                HINT(_("make it rowspan=\"%d\", or add the rows it should cover"), left);
                c->u.cell.rowspan = left;
            }
    }
    unnamed_columns(p, t);
}

/* The machine number a cell holds (plain text or one <num>), if any:
 * its value scaled by 10^6, how many decimals it shows (*dec) and how
 * many it is written with (*written). Amounts of more than 12 integer
 * digits (10^12: Sweden's budget in kronor) are not summed, so that
 * sums of a table's rows stay far inside int64_t. */
static bool cell_value(const Node *cell, const Column *col, int64_t *v, int *dec, int *written)
{
    const Node *c = model_cell_figure(cell);
    if (!c || !numfmt_is_number(c->text, c->len))
        return false;
    char buf[64];
    size_t n = c->len < sizeof buf - 1 ? c->len : sizeof buf - 1;
    memcpy(buf, c->text, n);
    buf[n] = 0;
    char *s = buf;
    while (*s == ' ') s++;
    int neg = *s == '-';
    if (*s == '-' || *s == '+') s++;
    int64_t ip = 0, fp = 0;
    int fd = 0, id = 0;
    for (; *s >= '0' && *s <= '9'; s++)
        if ((ip = ip * 10 + (*s - '0')) > 0 && ++id > 12)
            return false;
    if (*s == '.')
        for (s++; *s >= '0' && *s <= '9'; s++, fd++)
            if (fd < 6) fp = fp * 10 + (*s - '0');
    for (int k = fd < 6 ? fd : 6; k < 6; k++)
        fp *= 10;
    *v = (ip * 1000000 + fp) * (neg ? -1 : 1);
    int shown = c->kind == N_NUM && c->u.num.fmt.decimals >= 0 ? c->u.num.fmt.decimals
              : col->fmt.decimals >= 0 ? col->fmt.decimals : fd;
    *dec = shown;
    *written = fd < 6 ? fd : 6;
    return true;
}

/* Text in a number column that a writer meant as a number but that
 * cannot be read as one: figures with spaces, commas and points where
 * they do not belong ("12 34,5", "1,2,3"), or followed by a unit of
 * money or count that is not the column's ("1 877 kr"). Words ("1 ny",
 * "62% SoL") and figures ending a sentence ("73.") are left alone. */
static bool almost_number(const char *s)
{
    static const char *const units[] = { "kr", "tkr", "mkr", "mnkr", "mdkr", "st", NULL };
    s += strspn(s, " ");
    if (*s == '-' || *s == '+')
        s += 1 + strspn(s + 1, " ");    /* "- 5" */
    if (*s == ',' && s[1] >= '0' && s[1] <= '9')
        s++;                            /* ",5" */
    if (!(*s >= '0' && *s <= '9'))
        return false;
    size_t n = strspn(s, "0123456789 ,.'");  /* "1'234", the Swiss way */
    if (n && s[n - 1] == '.')
        return false;
    const char *rest = s + n;
    if (!*rest)
        return true;
    if (rest[-1] != ' ')
        return false;
    for (int i = 0; units[i]; i++)
        if (!strcmp(rest, units[i]))
            return true;
    return false;
}

/* Whether s is a figure written the Swedish way with a unit of its own
 * after it ("3 743 kr", "12,5 mnkr"): a key figure's, set on the comma
 * with its unit hanging as "761 kr/inv" is (table.c), not summed (its
 * row is not), and written as it should be: nothing to say of it. */
static bool own_unit(const char *s)
{
    const char *sp = strrchr(s, ' ');
    /* a unit begins with a letter: "1 234 5" is a figure grouped wrong */
    if (!sp || sp == s || !((sp[1] >= 'a' && sp[1] <= 'z') || (sp[1] >= 'A' && sp[1] <= 'Z') ||
                            (unsigned char)sp[1] >= 0xC3))
        return false;
    char m[64];
    int unit;
    NumRead nr = numfmt_read(s, (size_t)(sp - s), NULL, m, sizeof m, &unit);
    /* a whole number of up to four figures is written so the Swedish way
     * too ("12 mnkr", "1234 kr"): a machine's reading of it is the same */
    size_t digits = strspn(m + (*m == '-' || *m == '+'), "0123456789");
    return nr == NUM_READ || (nr == NUM_MACHINE && digits >= 1 && digits <= 4 && !m[digits + (*m == '-' || *m == '+')]);
}

/* A figure in brackets ("(12)", "(1 234,5)"): the accountants' minus,
 * or a count in brackets ("(83)" boenden in the delårsrapport): printed
 * as written, said only where a sum needs it. Its digits into digits
 * (cap bytes). */
static bool paren_number(const char *s, char *digits, size_t cap)
{
    s += strspn(s, " ");
    if (*s != '(')
        return false;
    size_t n = strspn(s + 1, "0123456789 ,.");
    if (n == 0 || s[1 + n] != ')' || s[2 + n + strspn(s + 2 + n, " ")] || !(s[1] >= '0' && s[1] <= '9'))
        return false;
    snprintf(digits, cap, "%.*s", (int)n, s + 1);
    return true;
}

/* "1,234" or "2.350" at node n: which of its two readings is meant?
 * `shown` is the decimals it would be printed with (-1: as written). A
 * comma with three digits after it is always asked about (NUM_AMBIGUOUS);
 * a point, only where the three digits end in zero and fewer decimals are
 * shown: "2.350" in a column of whole numbers would print as 2, where a
 * thousands point meant 2 350. Returns whether it asked. */
static bool two_readings(P *p, const Node *n, const char *text, size_t len, bool ambiguous, int shown)
{
    TwoReadings r;
    if (!numfmt_two_readings(text, len, &r))
        return false;
    if (!ambiguous && (!memchr(text, '.', len) || shown < 0 || shown >= 3 || r.plain[strlen(r.plain) - 1] != '0'))
        return false;
    ERR(n, _("\"%s\" can be read two ways: as %s or as %s"), text, r.thousands, r.decimal);
    if (n->kind == N_CHART)         /* in a series a space parts the values */
        HINT(_("write %s if you mean %s, and %s if you mean %s (rapport reads a point as a decimal point)"),
             r.plain, r.thousands, r.point, r.decimal);
    else if (!numfmt_two_readings(r.decimal, strlen(r.decimal), &(TwoReadings){ 0 }))
        /* "1,500": the Swedish "1,5" is not ambiguous (it was told to
         * write 1.5) */
        HINT(_("write %s if you mean %s (a space between the thousands), and %s if you mean %s"), r.thousands,
             r.thousands, r.decimal, r.decimal);
    else                                /* "1,234": only the point says one and a bit */
        HINT(_("write %s or %s if you mean %s, and %s if you mean %s (rapport reads a point as a decimal point)"),
             r.plain, r.thousands, r.thousands, r.point, r.decimal);
    return true;
}

/* Numbers in number columns written the Swedish way ("1 234,5",
 * "−71,1", "+3,9", "12 %" where the column's unit is %) are read as if
 * written as machine numbers: printed in the column's format, summed
 * and checked. A unit that is not the column's ("9,3%" in a column of
 * none) stays as written: text, aligned on its comma, not summed, as
 * before. "1,234" could be a thousand or one and a bit: an error at
 * the cell. Header, subheader and group rows hold words. */
/* s[0..n) lower-cased in place, ASCII and the Swedish letters (å ä ö,
 * é, ü: two bytes each in UTF-8, their capitals 0x20 below). */
static void lower_sv(char *s)
{
    for (unsigned char *q = (unsigned char *)s; *q; q++) {
        if (*q >= 'A' && *q <= 'Z')
            *q = (unsigned char)(*q + 32);
        else if (*q == 0xC3 && q[1] >= 0x80 && q[1] <= 0x9E && q[1] != 0x97)
            *++q += 32;
        else if (*q == 0xC3 && q[1])
            q++;
    }
}

/* s without what stands around a name in a sum's label: a leading
 * "summa", "totalt", "delsumma" or "s:a" (and a colon), a trailing part
 * in brackets ("(tkr)"), spaces; in place, lower-cased. */
static char *bare_label(char *s)
{
    lower_sv(s);
    static const char *const lead[] = { "summa", "delsumma", "totalt", "total", "s:a", NULL };
    s += strspn(s, " ");
    for (int k = 0; lead[k]; k++) {
        size_t n = strlen(lead[k]);
        if (!strncmp(s, lead[k], n) && (s[n] == ' ' || s[n] == ':')) {
            s += n;
            s += strspn(s, " :");
            break;
        }
    }
    size_t n = strlen(s);
    if (n && s[n - 1] == ')') {
        char *open = strrchr(s, '(');
        if (open)
            n = (size_t)(open - s);
    }
    while (n && s[n - 1] == ' ')
        n--;
    s[n] = 0;
    return s;
}

/* Whether the label of sum row r names the group row g's label and
 * nothing more ("Summa gator och trafik" under "Gator och trafik"): a
 * table's total ("Summa nettokostnader") under a last group "Kostnader"
 * names no group, though it holds its word. */
static bool names_group(const Node *r, const Node *g)
{
    char label[256], group[256];
    if (!r->first || !g->first)
        return false;
    size_t ln = model_plain_text(r->first, label, sizeof label);
    size_t gn = model_plain_text(g->first, group, sizeof group);
    if (gn >= sizeof group || ln >= sizeof label)
        return false;
    const char *l = bare_label(label), *gr = bare_label(group);
    return *gr && l != label && !strcmp(l, gr);      /* l past a "summa" */
}

/* Where each sum-of="above" row of t begins to add up: the row after
 * the last header, subheader or sum row above it; or, where it names the
 * group it stands in ("Summa gator och trafik" under the group row
 * "Gator och trafik"), after that group row: the group's sum, not the
 * table's so far. Per row of t, in order: the first row summed and its
 * index (NULL, -1: no such row). One pass; the ranges never overlap (a
 * sum row ends one), so walking them all is linear too. In the arena. */
typedef struct SumStart { const Node *first; int at; } SumStart;

static SumStart *sum_starts(P *p, const Node *t, int *nrows)
{
    int n = 0;
    for (const Node *r = t->first; r; r = r->next)
        n++;
    SumStart *s = ARENA_ARRAY(&p->rp->arena, SumStart, n + 1);
    const Node *from = NULL, *group = NULL;     /* the row before the range, the group row in it */
    int from_at = -1, group_at = -1, k = 0;
    /* sums of sums: a sum row right under a sum of level L is of level
     * L + 1 ("Summa norra" under "Summa Berga", "Summa totalt" under
     * "Summa södra") and adds up the rows back to the last sum of its
     * level or higher, or the header (not a subheader: "Summa totalt"
     * after "Summa intäkter" and "Summa kostnader" is both); an empty
     * range left it blank, without a word */
    enum { LEVELS = 8 };
    const Node *above[LEVELS + 1] = { 0 };      /* the last sum of each level or higher */
    int above_at[LEVELS + 1], level = 0;        /* level of the row before: 0 no sum */
    for (int l = 0; l <= LEVELS; l++)
        above_at[l] = -1;
    for (const Node *q = t->first; q; q = q->next, k++) {
        s[k] = (SumStart){ NULL, -1 };
        if (q->kind != N_ROW)
            continue;
        RowRole role = q->u.row.role;
        int mine = role == ROW_SUM ? (level < LEVELS ? level + 1 : LEVELS) : 0;
        if (q->u.row.sum_above) {
            bool own = group && names_group(q, group);
            s[k].first = own ? group->next : from ? from->next : t->first;
            s[k].at = own ? group_at + 1 : from_at + 1;
            if (!own && mine > 1) {
                s[k].first = above[mine] ? above[mine]->next : t->first;
                s[k].at = above_at[mine] + 1;
            }
        }
        if (role == ROW_HEADER || role == ROW_SUM || role == ROW_SUBHEAD)
            from = q, from_at = k, group = NULL;
        else if (role == ROW_GROUP)
            group = q, group_at = k;
        if (role == ROW_HEADER)
            for (int l = 0; l <= LEVELS; l++)
                above[l] = q, above_at[l] = k;
        else if (role == ROW_SUM)
            for (int l = 1; l <= mine; l++)
                above[l] = q, above_at[l] = k;
        if (role != ROW_PART && role != ROW_SUB)    /* (a varav under a sum: the sum's) */
            level = mine;
    }
    *nrows = n;
    return s;
}

/* Per row of t (in order): is it summed by a sum-of="above" row below it,
 * as check_sums sums (sum_starts)? Then that check says what in it is
 * not a number. In the arena. */
static bool *rows_summed(P *p, const Node *t)
{
    int n;
    SumStart *s = sum_starts(p, t, &n);
    bool *summed = ARENA_ARRAY(&p->rp->arena, bool, n + 1);
    int k = 0;
    for (const Node *r = t->first; r; r = r->next, k++) {
        int i = s[k].at;
        for (const Node *q = s[k].first; q && q != r; q = q->next, i++)
            summed[i] = q->kind == N_ROW && q->u.row.role == ROW_NORMAL;
    }
    return summed;
}

/* The characters that print as nothing, which text copied from Word or
 * a web page brings along: their name, or NULL. */
static const char *invisible_name(uint32_t c)
{
    switch (c) {
    case 0x00AD: return _("a soft hyphen");
    case 0x200B: return _("a zero-width space");
    case 0x200C: case 0x200D: return _("a zero-width joiner");
    case 0x2060: case 0xFEFF: return _("a word joiner");
    default: return NULL;
    }
}

/* A number column's figure in brackets ("(-3.1)", "(83)", the way
 * accounts write a negative or a count aside): the figure inside set as
 * the column sets its figures, the brackets kept ("(−3,1)"); false where
 * the inside is no figure. It is printed, not summed. */
static bool in_brackets(P *p, Node *x, const Column *col)
{
    const char *s = x->text;
    size_t n = x->len;
    while (n && *s == ' ')
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    if (n < 3 || s[0] != '(' || s[n - 1] != ')' || s[1] == '+')
        return false;               /* "(+3)": a plus a figure in brackets would lose */
    char m[64], out[96];
    int unit;
    NumRead nr = numfmt_read(s + 1, n - 2, col->fmt.unit, m, sizeof m, &unit);
    if ((nr != NUM_READ && nr != NUM_MACHINE) || unit != NUM_UNIT_NONE)
        return false;
    out[0] = '(';
    int k = numfmt_format(m, strlen(m), &col->fmt, out + 1, sizeof out - 2);
    if (k < 0 || (size_t)k + 2 >= sizeof out)
        return false;
    out[k + 1] = ')';
    out[k + 2] = 0;
    x->text = arena_strdup(&p->rp->arena, out);
    x->len = (size_t)k + 2;
    x->u.text.nnl = 0;
    return true;
}

/* A number in a number column with such a character in it ("5\u00AD32,0"
 * reads as text, printed unaligned and not summed): read without it,
 * and said where, so the file can be put right. */
static void invisible_in_number(P *p, const Node *c, Node *x, const Column *col)
{
    /* (each of them begins with one of these bytes: most cells have none,
     * and are not copied) */
    bool any = false;
    for (size_t i = 0; i < x->len && !any; i++)
        any = (unsigned char)x->text[i] == 0xC2 || (unsigned char)x->text[i] == 0xE2 ||
              (unsigned char)x->text[i] == 0xEF;
    if (!any)
        return;
    char *clean = arena_alloc(&p->rp->arena, x->len + 1);
    size_t n = 0, first = 0;
    uint32_t seen = 0;
    for (size_t i = 0; i < x->len;) {
        size_t at = i;
        uint32_t ch = utf8_next(x->text, x->len, &i);
        if (invisible_name(ch)) {
            if (!seen)
                seen = ch, first = n;
            continue;
        }
        memcpy(clean + n, x->text + at, i - at);
        n += i - at;
    }
    clean[n] = 0;
    char m[64];
    int unit;
    if (!seen || numfmt_read(clean, n, col->fmt.unit, m, sizeof m, &unit) == NUM_TEXT)
        return;
    diag_add(&p->rp->diags, DIAG_WARNING, model_source(c, p->rep), c->line, c->col,
             _("delete it in the file: it comes with text copied from Word or a web page, and cannot be seen"),
             _("the number \"%s\" has an invisible character after \"%.*s\", %s (U+%04X): it is read without it"),
             clean, (int)first, clean, invisible_name(seen), (unsigned)seen);
    x->text = clean;
    x->len = n;
    x->u.text.nnl = 0;
}

/* A number in a number column written with a letter that looks like a
 * figure ("532.O", "1O 000") or with a power of ten, as a spreadsheet
 * shows a long one ("5.32E+02"): said, with the number to write, where
 * it would otherwise be printed as text without a word. */
static void lookalike_number(P *p, const Node *c, const Node *x)
{
    const char *s = x->text;
    size_t n = x->len;
    char fixed[64];
    if (n == 0 || n >= sizeof fixed)
        return;
    /* a power of ten: digits, a point or comma, digits, E, a sign, figures */
    size_t i = s[0] == '-' || s[0] == '+' ? 1 : 0, d0 = i;
    int seps = 0;
    while (i < n && (isdigit((unsigned char)s[i]) || s[i] == '.' || s[i] == ','))
        seps += !isdigit((unsigned char)s[i++]);
    /* figures, points and commas, then E, a sign and figures: a power
     * of ten; the number to write only where it reads plainly (a figure,
     * at most one point or comma, an exponent of one or two figures:
     * "5.32E+02"), else none ("1.234,5E+3", "5E-300") */
    if (i > d0 && isdigit((unsigned char)s[d0]) && i + 1 < n && (s[i] == 'E' || s[i] == 'e')) {
        size_t e = i + 1 + (s[i + 1] == '+' || s[i + 1] == '-');
        size_t k = e;
        while (k < n && isdigit((unsigned char)s[k]))
            k++;
        if (k == n && k > e) {
            diag_add(&p->rp->diags, DIAG_WARNING, model_source(c, p->rep), c->line, c->col, NULL,
                     _("\"%.*s\" in a number column is written with a power of ten, as a spreadsheet shows a "
                       "long number: it is printed as written, not set on the decimal comma nor summed"),
                     (int)n, s);
            char buf[64];
            snprintf(buf, sizeof buf, "%.*s", (int)n, s);
            for (char *q = buf; *q; q++)
                if (*q == ',')
                    *q = '.';
            const char *dot = strchr(buf, '.');
            int mant = dot ? (int)(strcspn(dot + 1, "eE")) : 0, exp = atoi(buf + i + 1);
            int dec = mant - exp < 0 ? 0 : mant - exp > 6 ? 6 : mant - exp;
            if (seps <= 1 && isdigit((unsigned char)s[i - 1]) && k - e <= 2 &&
                numfmt_double(strtod(buf, NULL), dec, fixed, sizeof fixed) > 0)
                HINT(_("write the number itself: %s"), fixed);
            else
                HINT(_("write the number itself, as the spreadsheet shows it in a wider column"));
            return;
        }
    }
    /* the letter O for a nought, l or I for a one, among figures */
    bool figures = false, letters = false;
    for (i = 0; i < n; i++) {
        char ch = s[i];
        if (isdigit((unsigned char)ch))
            figures = true;
        else if (ch == 'O' || ch == 'o' || ch == 'l' || ch == 'I')
            letters = true;
        else if (ch != ' ' && ch != ',' && ch != '.' && ch != '-' && ch != '+')
            return;
        fixed[i] = ch == 'O' || ch == 'o' ? '0' : ch == 'l' || ch == 'I' ? '1' : ch;
    }
    fixed[n] = 0;
    if (!figures || !letters)
        return;
    diag_add(&p->rp->diags, DIAG_WARNING, model_source(c, p->rep), c->line, c->col, NULL,
             _("\"%.*s\" in a number column has a letter where a figure is meant: it is printed as written, "
               "not set on the decimal comma nor summed"), (int)n, s);
    HINT(_("write \"%s\" with figures only"), fixed);
}

/* A figure with a unit of its own written with a decimal point ("5.6
 * %", "2.1%", "5.6 mnkr", "1.234 kr/inv"): its figure rewritten the
 * Swedish way ("5,6 %", "2,1%", "5,6 mnkr", "1,234 kr/inv"; the unit as
 * written), as a figure without a unit is, so that the column sets it on
 * its comma with the others (it printed the point, out of line); the
 * handbook says a point is a decimal point. One that could be a
 * thousand is asked about as a bare figure is. nr, unit, m: what
 * numfmt_read made of the cell. Returns whether it did either. */
static bool own_figure_swedish(P *p, Node *c, Node *x, const Column *col, NumRead nr, int unit, const char *m)
{
    const char *s = x->text;
    size_t n = x->len, fig = n;
    char mine[64];
    if (nr == NUM_READ && unit == NUM_UNIT_PERCENT && !col->fmt.unit) {
        fig = (size_t)((const char *)memchr(s, '%', n) - s);
        if (!memchr(s, '.', fig))
            return false;                   /* "12,5 %", "86%": as written */
        snprintf(mine, sizeof mine, "%s", m);
    } else if (nr == NUM_TEXT && own_unit(s)) {
        fig = (size_t)(strrchr(s, ' ') - s);
        int u;
        if (!memchr(s, '.', fig) || numfmt_read(s, fig, NULL, mine, sizeof mine, &u) == NUM_TEXT)
            return false;
    } else if (nr == NUM_TEXT && (s = strrchr(x->text, ' ')) && (s[1] >= 'a' && s[1] <= 'z') && memchr(x->text, '.', (size_t)(s - x->text))) {
        fig = (size_t)(s - x->text);
        s = x->text;
        int u;
        if (numfmt_read(s, fig, NULL, mine, sizeof mine, &u) != NUM_MACHINE)
            return false;
    } else {
        return false;
    }
    while (fig > 0 && s[fig - 1] == ' ')
        fig--;
    if (two_readings(p, c, s, fig, false, col->fmt.decimals))
        return true;
    NumFormat f = { -1, false, NULL };
    char out[96];
    if (numfmt_format(mine, strlen(mine), &f, out, sizeof out) < 0)
        return false;
    x->text = arena_printf(&p->rp->arena, "%s%.*s", out, (int)(n - fig), s + fig);
    x->len = strlen(x->text);
    x->u.text.nnl = 0;
    return true;
}

static void read_numbers(P *p, Node *t)
{
    bool *summed = rows_summed(p, t);    /* (a sum not checked says nothing) */
    int ri = -1;
    for (Node *r = t->first; r; r = r->next) {
        ri++;
        if (r->kind != N_ROW || r->u.row.role == ROW_HEADER || r->u.row.role == ROW_GROUP ||
            r->u.row.role == ROW_SUBHEAD)
            continue;
        for (Node *c = r->first; c; c = c->next) {
            Node *x = (Node *)model_cell_figure(c);      /* the parser's own node */
            int ci = c->u.cell.col;
            if (ci >= t->u.table.ncols || t->u.table.cols[ci].type != COL_NUMBER || !x || x->kind != N_TEXT)
                continue;
            const Column *col = &t->u.table.cols[ci];
            invisible_in_number(p, c, x, col);
            char m[64];
            int unit;
            NumRead nr = numfmt_read(x->text, x->len, col->fmt.unit, m, sizeof m, &unit);
            /* a CSV separated by semicolons comes from a spreadsheet set
             * up the Swedish way ("CSV (semikolonavgränsad)"): its comma
             * is the decimal comma, "1,234" one and a bit */
            bool decimal_comma = nr == NUM_AMBIGUOUS && r->u.row.src && t->u.table.sep == ';';
            if (decimal_comma) {
                char *pt = arena_strndup(&p->rp->arena, x->text, x->len);
                size_t n = x->len;
                char *comma = strchr(pt, ',');
                if (comma)
                    *comma = '.';
                nr = numfmt_read(pt, n, col->fmt.unit, m, sizeof m, &unit);
                if (nr == NUM_MACHINE) {        /* read as such from here on (sums) */
                    x->text = pt;
                    x->len = n;
                    x->u.text.nnl = 0;
                }
            }
            if (nr == NUM_AMBIGUOUS || (nr == NUM_MACHINE && !decimal_comma && col->fmt.decimals >= 0 &&
                                        two_readings(p, c, x->text, x->len, false, col->fmt.decimals))) {
                if (nr == NUM_AMBIGUOUS)
                    two_readings(p, c, x->text, x->len, true, col->fmt.decimals);
            } else if (own_figure_swedish(p, c, x, col, nr, unit, m)) {
                /* "5.6 %" -> "5,6 %", "86%" -> "86 %" */
            } else if (nr == NUM_READ && unit != NUM_UNIT_PERCENT) {
                x->text = arena_strdup(&p->rp->arena, m);
                x->len = strlen(m);
                x->u.text.nnl = 0;
            } else if (nr == NUM_TEXT && !summed[ri] && in_brackets(p, x, col)) {
                /* "(-3.1)": the figure inside set as the column's, "(−3,1)" (in a summed row the sum
                 * check asks what it means: a minus, as an accountant writes it?) */
            } else if (nr == NUM_TEXT && !summed[ri] && almost_number(x->text) &&
                       !english_number(x->text, x->len) && !own_unit(x->text)) {   /* check_sums says that one */
                diag_add(&p->rp->diags, DIAG_WARNING, model_source(c, p->rep), c->line, c->col,
                         col->fmt.unit ? NULL : _("write it as a number: 1 234,5 (a space between the thousands, "
                                                  "a comma before the decimals); a unit goes in the column's unit=\"...\""),
                         _("\"%s\" in a number column is not a number: it is printed as written, "
                           "not set on the decimal comma nor summed"), x->text);
                if (col->fmt.unit)
                    HINT(_("write it as a number: 1 234,5 (a space between the thousands, a comma before the "
                           "decimals), without a unit other than the column's \"%s\""), col->fmt.unit);
            } else if (nr == NUM_TEXT && !summed[ri]) {
                lookalike_number(p, c, x);
            }
        }
    }
}

/* A header row with no word in any of its cells prints a table whose
 * columns have no headings (an import from a file that lost them):
 * said at the row, as a warning. */
static void empty_headers(P *p, const Node *t)
{
    for (const Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW || r->u.row.role != ROW_HEADER || !r->first)
            continue;
        bool words = false;
        for (const Node *c = r->first; c && !words; c = c->next)
            words = !blank_node(c);
        if (!words)
            diag_add(&p->rp->diags, DIAG_WARNING, model_source(r, p->rep), r->line, r->col,
                     _("write the columns' headings in its cells, or remove the row"),
                     _("the header row of this table is empty: its columns have no headings"));
    }
}

/* Fill the empty cell `sc` of a sum row with `sum` (scaled by 10^6),
 * written as a machine number with `dec` decimals (the most the rows
 * above are written with): the column prints it like the others. */
static void fill_sum(P *p, Node *sc, int64_t sum, int dec)
{
    assert(dec >= 0 && dec <= 6);
    dec = dec < 0 ? 0 : dec > 6 ? 6 : dec;
    int64_t a = sum < 0 ? -sum : sum, scale = 1;
    for (int k = dec; k < 6; k++)
        scale *= 10;
    a /= scale;                              /* exact: no term has more decimals */
    int64_t div = 1;
    for (int k = 0; k < dec; k++)
        div *= 10;
    char raw[64];
    if (dec > 0)
        snprintf(raw, sizeof raw, "%s%lld.%0*lld", sum < 0 ? "-" : "", (long long)(a / div), dec,
                 (long long)(a % div));
    else
        snprintf(raw, sizeof raw, "%s%lld", sum < 0 ? "-" : "", (long long)a);
    Node *x = model_new_text(&p->rp->arena, sc, arena_strdup(&p->rp->arena, raw), sc);
    x->line = sc->line;
    x->col = sc->col;
}

/* What a cell that holds no figure says in a sum: VALUE_NONE, nothing to
 * add (empty, a dash, "."), VALUE_UNKNOWN, a figure that is missing (the
 * signs of Swedish statistics ".." and "…", "x" not shown for secrecy,
 * "i u" ingen uppgift, also "i.u.", "I U"), or 0: a figure, or text. */
enum { VALUE_NONE = 1, VALUE_UNKNOWN = 2 };

static int value_sign(const Node *cell)
{
    if (!cell->first)
        return VALUE_NONE;
    const Node *x = model_cell_figure(cell);        /* a dash may have its footnote */
    if (!x || x->kind != N_TEXT)
        return 0;
    static const struct { const char *s; int sign; } signs[] = {
        { "-", VALUE_NONE }, { "\xE2\x80\x93", VALUE_NONE }, { "\xE2\x80\x94", VALUE_NONE },
        { "\xE2\x88\x92", VALUE_NONE }, { ".", VALUE_NONE }, { "..", VALUE_UNKNOWN },
        { "\xE2\x80\xA6", VALUE_UNKNOWN }, { "x", VALUE_UNKNOWN }, { "X", VALUE_UNKNOWN },
    };
    for (size_t k = 0; k < sizeof signs / sizeof *signs; k++)
        if (x->len == strlen(signs[k].s) && memcmp(x->text, signs[k].s, x->len) == 0)
            return signs[k].sign;
    char letters[3];
    size_t n = 0;
    for (size_t i = 0; i < x->len; i++) {
        unsigned char ch = (unsigned char)x->text[i];
        if (ch == ' ' || ch == '.')
            continue;
        if (ch == 0xC2 && i + 1 < x->len && (unsigned char)x->text[i + 1] == 0xA0) {
            i++;                                    /* a no-break space */
            continue;
        }
        if (n == 2)
            return 0;
        letters[n++] = (char)(ch | 0x20);
    }
    return n == 2 && letters[0] == 'i' && letters[1] == 'u' ? VALUE_UNKNOWN : 0;
}

static bool no_value(const Node *cell) { return value_sign(cell) != 0; }

/* A sum filled in without a figure the rows say is missing ("..", "x",
 * "i u"): printed as if it were the whole, so said, once a sum. */
static void unknown_in_sum(P *p, const Node *sc, const Node *sum_row, const Node *unknown)
{
    char text[32], label[80];
    model_plain_text(unknown, text, sizeof text);
    model_plain_text(sum_row->first, label, sizeof label);
    diag_add(&p->rp->diags, DIAG_WARNING, model_source(sc, p->rep), sc->line, sc->col,
             _("\"..\", \"x\" and \"i u\" say that a figure is missing: write the sum if it is known, or say "
               "in a note under the table that it leaves them out"),
             _("the sum in \"%s\" is filled in without the figures that are missing (\"%s\", line %d)"), label, text,
             unknown->line);
}

/* A cell of the rows summed that holds something else than a number:
 * the sum cannot be filled in (an error), and a sum written is checked
 * without it (a warning). Said at the cell, not at the sum. */
static void not_summed(P *p, const Node *bad, const Node *sum_row, bool fill)
{
    char text[80], label[80];
    size_t tl = model_plain_text(bad, text, sizeof text);
    model_plain_text(sum_row->first, label, sizeof label);
    const char *file = model_source(bad, p->rep);
    for (int i = 0; i < p->rp->diags.n && !fill; i++) {
        const Diag *d = &p->rp->diags.v[i];
        if (d->level == DIAG_ERROR && d->line == bad->line && d->col == bad->col && d->file && !strcmp(d->file, file))
            return;                     /* "1,500": its two readings are asked already; one thing at a time */
    }
    /* "- 1,6": a space between the minus and its figure */
    size_t lead = strspn(text, " ");
    bool spaced = (text[lead] == '-' || text[lead] == '+') && text[lead + 1] == ' ';
    if (spaced && tl < sizeof text) {
        char m[64];
        int unit;
        size_t at = lead + 1 + strspn(text + lead + 1, " ");
        NumRead nr = numfmt_read(text + at, tl - at, NULL, m, sizeof m, &unit);
        if (nr == NUM_MACHINE || nr == NUM_READ) {      /* not "- 1.500", which reads two ways */
            diag_add(&p->rp->diags, fill ? DIAG_ERROR : DIAG_WARNING, file, bad->line, bad->col, NULL,
                     fill ? _("\"%s\" is not a number, so the sum in \"%s\" cannot be filled in")
                          : _("\"%s\" is not a number: the sum in \"%s\" is checked without it"), text, label);
            HINT(_("write %c%s, with no space after the %c"), text[lead], text + at, text[lead]);
            return;
        }
    }
    /* "1,877.0": the table's warning at this cell that it looks English
     * is said here, in the hint, once */
    bool english = tl < sizeof text && english_number(text, tl);
    if (english) {
        char said[160];
        snprintf(said, sizeof said, _("\"%s\" looks like a number written the English way"), text);
        diag_drop_warning_at(&p->rp->diags, model_source(bad, p->rep), bad->line, bad->col, said);
    }
    char digits[48];
    bool paren = !english && paren_number(text, digits, sizeof digits);
    diag_add(&p->rp->diags, fill ? DIAG_ERROR : DIAG_WARNING, model_source(bad, p->rep), bad->line, bad->col,
             english ? _("it is written the English way: write 1 877,0 (a space between the thousands, a comma "
                         "before the decimals) or 1877.0")
             : paren ? NULL
                     : _("write it as a number (1 234,5, 1234.5 or -3,9), or a dash (-), \"..\" or \"i u\" for no value; "
                         "a unit belongs in the column's unit=\"...\""),
             fill ? _("\"%s\" is not a number, so the sum in \"%s\" cannot be filled in")
                  : _("\"%s\" is not a number: the sum in \"%s\" is checked without it"),
             text, label);
    if (paren)
        HINT(_("if it means minus %s, as an accountant writes it, write -%s: rapport prints −%s"), digits, digits, digits);
}

/* A sum row with no figure in any number column, and no sum-of to fill
 * them: printed as a bare label ("Summa"), which is said. */
static void empty_sum_row(P *p, const Node *t, const Node *r)
{
    bool numbers = false;
    for (const Node *c = r->first; c; c = c->next) {
        int col = c->u.cell.col;
        if (col >= t->u.table.ncols || t->u.table.cols[col].type != COL_NUMBER)
            continue;
        numbers = true;
        if (!blank_node(c))
            return;                     /* a figure (or a dash) of its own */
    }
    if (!numbers)
        return;
    char label[120];
    model_plain_text(r->first, label, sizeof label);
    diag_add(&p->rp->diags, DIAG_WARNING, model_source(r, p->rep), r->line, r->col,
             _("write its figures, or sum-of=\"above\" to have rapport add up the rows above it"),
             _("the sum row \"%s\" has no figures"), label);
}

/* Whether a column's figures add up: not shares or rates ("%", "‰",
 * "kr/inv"), whether its unit or its cells say so ("45 %"). *share gets
 * the first such cell where others in the column are written without
 * (a stray "480,0 %" among amounts), else stays NULL. */
static bool adds_up(const Node *t, int col, const Node **share)
{
    const char *u = t->u.table.cols[col].fmt.unit;
    const char *per = u ? strchr(u, '/') : NULL;    /* "kr/inv": a rate; "ton/år": an amount a year */
    bool yearly = per && (!strcmp(per, "/år") || !strcmp(per, "/mån") || !strcmp(per, "/månad"));
    if (u && (!strcmp(u, "%") || !strcmp(u, "\xE2\x80\xB0") || !strncmp(u, "procent", 7) || (per && !yearly)))
        return false;
    const Node *first = NULL;
    bool plain = false;                 /* a figure written without % */
    for (const Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW || r->u.row.role == ROW_HEADER || r->u.row.role == ROW_SUBHEAD)
            continue;
        for (const Node *c = r->first; c; c = c->next) {
            char text[64];
            if (c->u.cell.col != col || !c->first || model_plain_text(c, text, sizeof text) == 0)
                continue;
            if (strchr(text, '%') || strstr(text, "\xE2\x80\xB0"))
                first = first ? first : c;
            else
                plain |= r->u.row.role == ROW_NORMAL;
        }
    }
    if (share && first && plain)
        *share = first;
    return !first;
}

/* Whether word w (lower case, n bytes) is one a rate is taken per: "per
 * invånare", "per elev", "per hemtjänsttimme", "hours per client": the
 * noun, with an ending ("elever", "brukaren", "clients"), at the end of
 * a compound too; not "per nämnd" (a breakdown), "per personalkategori"
 * or "per ärendetyp" (one of the nouns begins them, and they are
 * breakdowns), "per 31 augusti" (a date), "per år" (an amount a year). */
static bool per_what(const char *w, size_t n)
{
    static const char *const nouns[] = {
        "inv", "invånare", "elev", "lärare", "brukare", "vårdtagare", "barn", "kund", "klient", "person", "individ",
        "capita", "timme", "timmar", "tim", "dygn", "vårddyg", "vårddygn", "plats", "placering", "anställd",
        "medarbetare", "årsarbetare", "åa", "hushåll", "patient", "ärende", "boende", "deltagare", "besök",
        "besökare", "resa", "resor", "kvm", "m2", "m²", "client", "resident", "inhabitant", "pupil", "student",
        "teacher", "hour", "user", "employee", "household", "bed", "visit", "case", "child", "participant", "trip",
    };
    static const char *const endings[] = {
        "", "s", "es", "n", "en", "et", "er", "ar", "or", "na", "erna", "arna", "orna", "ens", "ets", "ren", "a", "e",
    };
    for (size_t i = 0; i < sizeof nouns / sizeof *nouns; i++) {
        size_t k = strlen(nouns[i]);
        for (size_t e = 0; e < sizeof endings / sizeof *endings; e++) {
            size_t x = strlen(endings[e]);
            if (n >= k + x && memcmp(w + n - x, endings[e], x) == 0 && memcmp(w + n - x - k, nouns[i], k) == 0)
                return true;
        }
    }
    return false;
}

/* Whether word w names a rate or an average on its own: "Genomsnittlig
 * tid", "Medelvärde", "Meritvärde", "Andel", "Täckningsgrad",
 * "Jämställdhetsindex", "Average"; not "Tilldelade medel" (funds) nor
 * "Flyktingkvot" (a number of people). */
static bool rate_word(const char *w, size_t len)
{
    #define WORD(s) (len == sizeof s - 1 && memcmp(w, s, len) == 0)
    #define STARTS(s) (len >= sizeof s - 1 && memcmp(w, s, sizeof s - 1) == 0)
    #define ENDS(s) (len >= sizeof s - 1 && memcmp(w + len - (sizeof s - 1), s, sizeof s - 1) == 0)
    bool yes = STARTS("genomsnitt") || STARTS("snitt") || STARTS("medelvärde") || STARTS("medeltal") ||
               STARTS("medelålder") || STARTS("medellön") || STARTS("medelkostnad") || STARTS("medelantal") ||
               STARTS("medelbetyg") || STARTS("medeltid") || STARTS("medelpris") || STARTS("meritvärde") ||
               WORD("median") || WORD("average") || WORD("avg") || WORD("mean") || WORD("ratio") || WORD("rate") ||
               WORD("kvot") || ENDS("index") || STARTS("andel") || WORD("share") || ENDS("grad") ||
               ENDS("graden") || STARTS("procent") || STARTS("percent");
    #undef WORD
    #undef STARTS
    #undef ENDS
    return yes;
}

/* Whether word w[0..n) is one of list[0..count). */
static bool word_in(const char *w, size_t n, const char *const *list, size_t count)
{
    for (size_t i = 0; i < count; i++)
        if (strlen(list[i]) == n && memcmp(w, list[i], n) == 0)
            return true;
    return false;
}

/* Whether word w is a unit a rate after a slash is of: "kr/inv",
 * "tkr/elev", "timmar/brukare" (not "barn/elever": one or the other). */
static bool rate_unit(const char *w, size_t n)
{
    static const char *const units[] = { "kr", "tkr", "mkr", "mnkr", "sek", "kronor", "timmar", "tim", "h",
                                         "kwh", "mwh", "ton", "kg", "km", "liter", "l", "m3", "st" };
    return word_in(w, n, units, sizeof units / sizeof *units);
}

/* Whether word w says how what a rate is per is counted: "per inskrivet
 * barn", "per folkbokförd invånare", "per beviljad timme". */
static bool counted_as(const char *w, size_t n)
{
    static const char *const words[] = { "inskrivet", "inskriven", "inskrivna", "folkbokförd", "folkbokförda",
                                         "beviljad", "beviljade", "utförd", "utförda", "belagd", "belagda",
                                         "enrolled" };
    return word_in(w, n, words, sizeof words / sizeof *words);
}

/* Whether a column's heading (`text`, as printed) names a rate, a share
 * or an average, whose figures do not add up: "Timmar per brukare",
 * "Hours per client", "Elever per lärare", "Kostnad kr/inv",
 * "Behörighet yrkesprogram, %", and the words of rate_word. */
static bool rate_words(const char *text)
{
    if (strchr(text, '%') || strstr(text, "\xE2\x80\xB0"))
        return true;
    char low[256];
    size_t n = 0;
    for (const char *q = text; *q && n + 2 < sizeof low; q++) {
        unsigned char c = (unsigned char)*q;
        if (c >= 'A' && c <= 'Z')
            c = (unsigned char)(c + 32);
        else if (c == 0xC3 && (q[1] == '\x85' || q[1] == '\x84' || q[1] == '\x96' || q[1] == '\x89')) {
            low[n++] = (char)c;                     /* Å Ä Ö É: å ä ö é */
            c = (unsigned char)(q[1] + 32);
            q++;
        }
        low[n++] = (char)c;
    }
    low[n] = 0;
    bool per = false;                   /* the word before was "per", or a unit and a slash */
    const char *prev = NULL;            /* the word before */
    size_t prevn = 0;
    for (size_t i = 0; i < n;) {
        bool slash = false;
        while (i < n && !(isalnum((unsigned char)low[i]) || (unsigned char)low[i] >= 0x80)) {
            slash |= low[i] == '/';
            i++;
        }
        if (slash && prev && rate_unit(prev, prevn))
            per = true;
        size_t b = i;
        while (i < n && (isalnum((unsigned char)low[i]) || (unsigned char)low[i] >= 0x80))
            i++;
        const char *w = low + b;
        size_t len = i - b;
        if (!len)
            break;
        if (per && (isdigit((unsigned char)w[0]) || counted_as(w, len)))
            continue;                           /* "per 1 000 invånare", "kr/inskrivet barn" */
        if ((per && per_what(w, len)) || rate_word(w, len))
            return true;
        per = len == 3 && memcmp(w, "per", 3) == 0;
        prev = w;
        prevn = len;
    }
    return false;
}

/* The heading of column col over the sum row `sum` that names a rate or
 * an average (rate_words), into head; false if none does. The header
 * rows' cells over it, and the last subheader's above the sum (a
 * subheader below it, or one label across the table, heads no figures
 * of it). */
static bool rate_column(const Node *t, const Node *sum, int col, char *head, size_t cap)
{
    const Node *sub = NULL;
    for (const Node *r = t->first; r && r != sum; r = r->next)
        if (r->kind == N_ROW && r->u.row.role == ROW_SUBHEAD)
            sub = r;
    for (const Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW || (r->u.row.role != ROW_HEADER && r != sub))
            continue;
        for (const Node *c = r->first; c; c = c->next)
            if (c->u.cell.col <= col && col < c->u.cell.col + c->u.cell.colspan &&
                (r->u.row.role == ROW_HEADER || c->u.cell.colspan == 1) && model_plain_text(c, head, cap) &&
                rate_words(head))
                return true;
    }
    return false;
}

/* The empty cell sc of sum row r, in a column of rates or averages
 * (`head` its heading): left empty, which is said ("Hours per client"
 * was summed to 8 601,0 a client, printed as the total). */
static void sum_of_rates(P *p, const Node *r, const Node *sc, const char *head)
{
    char label[120];
    model_plain_text(r->first, label, sizeof label);
    diag_add(&p->rp->diags, DIAG_WARNING, model_source(sc, p->rep), sc->line, sc->col,
             _("rates and averages do not add up, so rapport leaves the sum empty; if a figure for the whole "
               "means something (the average over all), write it in the cell"),
             _("the sum in \"%s\" is left empty: the column \"%s\" holds rates or averages"), label, head);
}

/* Sum sc of sum row r, in a column without a unit that a cell's "%"
 * (`share`) makes a column of shares: left empty, or, written in, not
 * checked; either is said (the total went missing without a word, and
 * "1 200", "12 %" and "800" were printed as 5 000 without one: the one
 * % was a slip, a new user). */
static void share_sum(P *p, const Node *r, const Node *sc, const Node *share)
{
    char label[120], text[64];
    model_plain_text(r->first, label, sizeof label);
    model_plain_text(share, text, sizeof text);
    if (!sc->first)
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(sc, p->rep), sc->line, sc->col,
                 _("shares do not add up, so rapport leaves the sum empty; if the column's figures are amounts, "
                   "write them without %; if the sum means something, write it in the cell"),
                 _("the sum in \"%s\" is left empty: \"%s\" (line %d) makes the column one of shares"), label,
                 text, share->line);
    else
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(share, p->rep), share->line, share->col,
                 _("if the column's figures are amounts, write them without %; if they are shares, the sum is "
                   "yours to check"),
                 _("the sum in \"%s\" is not checked: \"%s\" makes its column one of shares among amounts, "
                   "and shares do not add up"), label, text);
}

/* Sum rows marked sum-of="above": every number column must add up, to
 * within what rounding the shown decimals allows. A difference is a
 * warning (an error with --strict): the published figures may be off.
 * A column of shares or rates is neither checked nor filled: its
 * figures do not add up ("45 %" and "55 %" are not "100 %" of a sum). */
/* Numbers written the English way: text, probably by mistake, said
 * once per table outside the rows summed; in one (not_summed may say it
 * again, and take this back) each. */
static void english_numbers(P *p, const Node *t, const bool *summed)
{
    int ncols = t->u.table.ncols;
    bool told = false;
    int ri = -1;
    for (Node *r = t->first; r && !told; r = r->next) {
        ri++;
        if (r->kind != N_ROW || r->u.row.role == ROW_HEADER || r->u.row.role == ROW_GROUP ||
            r->u.row.role == ROW_SUBHEAD)
            continue;
        for (Node *c = r->first; c && !told; c = c->next) {
            const Node *x = c->first;
            int col = c->u.cell.col;
            if (col < ncols && x && !x->next && x->kind == N_TEXT && english_number(x->text, x->len)) {
                diag_add(&p->rp->diags, DIAG_WARNING, model_source(c, p->rep), c->line, c->col,
                         _("write 1 234,5 or 1234.5: a comma or a point before the decimals, a space (or "
                         "nothing) between the thousands; rapport prints them the Swedish way (1 234,5)"),
                         _("\"%s\" looks like a number written the English way"), x->text);
                told = !summed[ri];         /* once per table is enough */
            }
        }
    }
}

static void check_sums(P *p, Node *t)
{
    int ncols = t->u.table.ncols;
    bool *summed = rows_summed(p, t);
    english_numbers(p, t, summed);
    int nrows;
    SumStart *starts = sum_starts(p, t, &nrows);
    /* a column of rates or shares is said once, at its first sum: seven
     * sums of one column were seven warnings (a typographer) */
    bool *said = ARENA_ARRAY(&p->rp->arena, bool, ncols > 0 ? ncols : 1);
    int ri = -1;
    for (Node *r = t->first; r; r = r->next) {
        ri++;
        if (r->kind == N_ROW && r->u.row.role == ROW_SUM && !r->u.row.sum_above)
            empty_sum_row(p, t, r);
        if (r->kind != N_ROW || !r->u.row.sum_above)
            continue;
        for (Node *sc = r->first; sc; sc = sc->next) {
            int col = sc->u.cell.col;
            const Node *share = NULL;
            if (col >= ncols || sc->u.cell.colspan != 1 || t->u.table.cols[col].type != COL_NUMBER ||
                !adds_up(t, col, &share)) {
                if (share && col < ncols && !said[col])
                    share_sum(p, r, sc, share);
                if (col < ncols)
                    said[col] |= share != NULL;
                continue;
            }
            /* a column of rates or averages: not filled in, nor a figure
             * the author wrote (the average over all) checked against
             * the rows' sum */
            char head[160];
            if (rate_column(t, r, col, head, sizeof head)) {
                if (!sc->first && !said[col])
                    sum_of_rates(p, r, sc, head);
                said[col] |= !sc->first;
                continue;
            }
            int64_t want = 0;
            int dec = 0, wdec;
            bool empty = !sc->first;            /* to be filled with the sum */
            if (!empty && !cell_value(sc, &t->u.table.cols[col], &want, &dec, &wdec))
                continue;
            /* the rows above, back to the last header or sum row (or
             * the group the sum row names) */
            int64_t sum = 0;
            int terms = 0, most = 0;
            bool over = false;
            const Node *bad = NULL;         /* a cell summed that holds no number (each is said) */
            const Node *unknown = NULL;     /* the first that says its figure is missing */
            for (const Node *q = starts[ri].first; q && q != r; q = q->next) {
                if (q->kind != N_ROW || q->u.row.role != ROW_NORMAL)
                    continue;
                for (Node *qc = q->first; qc; qc = qc->next) {
                    int64_t v;
                    int d, w;
                    if (qc->u.cell.col != col || qc->u.cell.colspan != 1)
                        continue;
                    if (cell_value(qc, &t->u.table.cols[col], &v, &d, &w)) {
                        over |= __builtin_add_overflow(sum, v, &sum);
                        terms++;
                        most = w > most ? w : most;
                    } else if (!no_value(qc)) {
                        bad = qc;           /* every one, at once: not one a run */
                        not_summed(p, bad, r, empty);
                    } else if (!unknown && value_sign(qc) == VALUE_UNKNOWN) {
                        unknown = qc;
                    }
                }
            }
            if (bad && empty)
                continue;
            if (!terms || over)
                continue;
            if (empty) {
                fill_sum(p, sc, sum, most);
                if (unknown)
                    unknown_in_sum(p, sc, r, unknown);
                continue;
            }
            int64_t unit = 1000000;
            for (int k = 0; k < dec && k < 6; k++)
                unit /= 10;
            /* n figures rounded to the unit, and their sum rounded, differ
             * from the true sum by less than half a unit each: less than
             * (n + 1) / 2 units in all, never that much (a single figure
             * and its sum 10 and 11 do not add up) */
            int64_t diff = sum - want;
            if (diff < 0) diff = -diff;
            if (2 * diff < unit * (terms + 1))      /* (not halved first: unit may be 1) */
                continue;
            NumFormat f = { dec, false, NULL };
            char a[64], b[64], raw[64], label[120];
            snprintf(raw, sizeof raw, "%s%lld.%06lld", want < 0 ? "-" : "",
                     (long long)(want < 0 ? -want : want) / 1000000, (long long)(want < 0 ? -want : want) % 1000000);
            numfmt_format(raw, strlen(raw), &f, a, sizeof a);
            snprintf(raw, sizeof raw, "%s%lld.%06lld", sum < 0 ? "-" : "",
                     (long long)(sum < 0 ? -sum : sum) / 1000000, (long long)(sum < 0 ? -sum : sum) % 1000000);
            numfmt_format(raw, strlen(raw), &f, b, sizeof b);
            model_plain_text(r->first, label, sizeof label);
            diag_add(&p->rp->diags, DIAG_WARNING, model_source(sc, p->rep), sc->line, sc->col,
                     _("the figures may be off in the source; correct them, or remove sum-of to skip the check"),
                     _("%s %s but the rows above add up to %s"), label, a, b);
        }
    }
}

/* A group row (a label across the table) with figures in its number
 * columns: printed as a label, off the decimal comma, and summed by no
 * one; most likely a <row-role match> that took rows of figures
 * ("Timavg*"). Said once a table, at the first. */
static void group_figures(P *p, const Node *t)
{
    for (const Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW || r->u.row.role != ROW_GROUP)
            continue;
        for (const Node *c = r->first; c; c = c->next) {
            int col = c->u.cell.col, unit;
            const Node *x = model_cell_figure(c);
            char m[64];
            if (col >= t->u.table.ncols || t->u.table.cols[col].type != COL_NUMBER || c->u.cell.colspan != 1 ||
                !x || x->kind != N_TEXT ||
                numfmt_read(x->text, x->len, t->u.table.cols[col].fmt.unit, m, sizeof m, &unit) == NUM_TEXT)
                continue;
            char label[80];
            model_plain_text(r->first, label, sizeof label);
            diag_add(&p->rp->diags, DIAG_WARNING, model_source(c, p->rep), c->line, c->col,
                     _("a group row is a label across the table; a row of figures has no role (if a <row-role "
                       "match> made it a group row, make its pattern narrower)"),
                     _("the row \"%s\" is a group row but holds figures: they are printed as a label, "
                       "not lined up or summed"), label);
            return;
        }
    }
}

/* The rules of a table's <row-role> children, in s (positions in at). */
static void row_roles(P *p, xmlNodePtr x, CsvSpec *s, Node **at)
{
    int n = 0;
    for (xmlNodePtr c = x->children; c; c = c->next)
        n += is_el(c, "row-role");
    s->rules = ARENA_ARRAY(&p->rp->arena, CsvRule, n ? n : 1);
    *at = ARENA_ARRAY(&p->rp->arena, Node, n ? n : 1);
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (!is_el(c, "row-role"))
            continue;
        Node *a = &(*at)[s->nrules];
        *a = here(p, c);
        if (!s->path) {
            ERR(a, _("<row-role> gives roles to rows read from a CSV, and this table has no src"));
            HINT(_("name the CSV with <table src=\"...\">, or give the <row>s their role=\"...\""));
            continue;
        }
        CsvRule *u = &s->rules[s->nrules++];
        static const char *roles[] = { "normal", "header", "group", "sum", "part", "sub", "subheader" };
        const char *role = attr(p, c, "role"), *row = attr(p, c, "row");
        for (int k = 0; role && k < 7; k++)
            if (strcmp(role, roles[k]) == 0)
                u->role = (RowRole)k;
        const char *so = attr(p, c, "sum-of");
        u->sum_above = so && strcmp(so, "above") == 0;
        u->match = attr(p, c, "match");
        if (u->match && strlen(u->match) > RP_MAX_CSV_PATTERN_BYTES) {
            ERR(a, _("the pattern of match=\"...\" is %zu bytes long; rapport takes at most %d"),
                strlen(u->match), RP_MAX_CSV_PATTERN_BYTES);
            HINT(_("match the start of the label and end with *, e.g. match=\"Summa*\""));
            u->match = NULL;
        }
        if (row) {
            char *end;
            long v = strtol(row, &end, 10);
            if (strcmp(row, "last") == 0)
                u->row = -1;
            else if (end != row && !*end && v >= 1 && v <= RP_MAX_TABLE_ROWS)
                u->row = (int)v;
            else {
                ERR(a, _("row=\"%s\" is not a row of a CSV"), row);
                HINT(_("write the row's number as the spreadsheet shows it (from 1), or last"));
            }
        }
        if (!u->match && !u->row)
            u->role = ROW_NORMAL;           /* the schema or the checks above said why */
    }
}

/* The file `src` a report names at `at` (an image, a CSV), resolved
 * against the report's folder and allowed to lie only inside it or
 * rapport's data folder (unless --allow-paths); NULL with an error
 * naming it as `what` if not. */
/* A file the report names (src, from the folder of the file that names
 * it) that is not there: the one likely meant, as the hint to the error
 * just said ("Bild.PNG" for bild.png; `ext` after a name without one).
 * Whether there was one. */
static bool hint_near(P *p, const char *src, const char *ext)
{
    if (strchr(src, '\\')) {                  /* Windows' way: delar\\miljo.xml */
        char *fwd = arena_strdup(&p->rp->arena, src);
        for (char *q = fwd; *q; q++)
            if (*q == '\\')
                *q = '/';
        if (fwd[0] == '/' || (fwd[0] && fwd[1] == ':'))     /* C:\\Users\\...: not a path here at all */
            HINT(_("copy the file into the report's folder (or a folder inside it) and write its name from there, "
                   "with / between folders"));
        else if (!hint_near(p, fwd, ext))                   /* its capitals, or a letter off, too */
            HINT(_("write \"%s\": folders are parted with / in a report, not with \\"), fwd);
        return true;
    }
    bool here = src[0] == '/' || !strcmp(p->dir, ".");
    const char *near = files_near(&p->rp->arena, here ? src : arena_printf(&p->rp->arena, "%s/%s", p->dir, src), ext);
    if (near) {
        const char *shown = here ? near : near + strlen(p->dir) + 1;
        const char *a = strrchr(shown, '/'), *b = strrchr(src, '/');
        if (!strcasecmp(a ? a + 1 : shown, b ? b + 1 : src))
            HINT(_("did you mean \"%s\"? (a file name's capitals count)"), shown);
        else
            HINT(_("did you mean \"%s\"?"), shown);
        return true;
    }
    /* (for the first few files missing: each search reads the folders
     * inside, and a report may name hundreds it lacks) */
    const char *below = !strchr(src, '/') && p->below_asked++ < 10 ? files_below(&p->rp->arena, p->dir, src) : NULL;
    if (below)
        HINT(_("did you mean \"%s\"? A file of that name is in that folder (the path is relative to %s)"), below,
             !strcmp(p->dir, ".") ? _("the report's folder") : p->dir);
    return below != NULL;
}

static const char *report_file(P *p, const Node *at, const char *src, const char *what)
{
    const char *why = NULL;
    const char *path = files_resolve_in(p->rp, p->dir, p->root_dir, p->rp->data_dir, src, &why);
    if (!path) {
        const char *the = !strcmp(what, "CSV") ? _("the CSV") : _("the image");
        ERR(at, _("%s \"%s\" cannot be used: %s"), the, src, why);
        if (files_outside(why))
            HINT(_("put %s in the report's folder (or a folder inside it); --allow-paths lifts this rule"), the);
        else if (hint_near(p, src, !strcmp(what, "CSV") ? ".csv" : NULL))
            ;                   /* "did you mean bild.png?" */
        else if (p->depth > 0)
            HINT(_("the path is relative to the folder of the part that names it, %s"), p->dir);
        else
            HINT(_("the path is relative to the report file's folder"));
    }
    return path;
}

/* A table's rows from the CSV its src names (csv.h): found like an
 * image (inside the report's folder unless --allow-paths), its rows
 * appended to t. */
static void table_csv(P *p, xmlNodePtr x, Node *t, const char *src)
{
    const char *path = report_file(p, t, src, "CSV");
    if (!path)
        return;
    CsvSpec s = { .path = path, .name = strcmp(p->dir, ".") || src[0] == '/' ? path : src,
                  .header_rows = 1, .ncols = t->u.table.ncols, .at = t, .report = p->file,
                  .work_left = RP_MAX_WORK_BYTES - p->work };
    const char *hr = attr(p, x, "header-rows");
    if (hr) {
        char *end;
        long v = strtol(hr, &end, 10);
        end += strspn(end, " \t\r\n");
        if (end == hr || *end || v < 0) {
            /* not a whole number from 0: the schema has said so */
        } else if (v > RP_MAX_CSV_HEADER_ROWS) {
            ERR(t, _("header-rows=\"%s\" is out of range (0 to %d)"), hr, RP_MAX_CSV_HEADER_ROWS);
            HINT(_("write how many rows at the top of the CSV are its header, e.g. header-rows=\"2\""));
        } else {
            s.header_rows = (int)v;
        }
    }
    Node *at;
    row_roles(p, x, &s, &at);
    if (csv_table(p->rp, t, &s) < 0)
        return;
    p->work += s.work;
    t->u.table.src = path;
    t->u.table.sep = s.sep;
    for (int b = 0; b < 8; b++)      /* another CSV, another document: its ID tells */
        p->rep->id[8 + b] ^= (unsigned char)(s.hash >> (8 * b));
    for (int k = 0; k < s.nrules; k++) {
        const CsvRule *ru = &s.rules[k];
        if (ru->used)
            continue;
        char which[128];
        if (ru->match)
            snprintf(which, sizeof which, "match=\"%.100s\"", ru->match);
        else if (ru->row < 0)
            snprintf(which, sizeof which, "row=\"last\"");
        else
            snprintf(which, sizeof which, "row=\"%d\"", ru->row);
        if (ru->fits)
            diag_add(&p->rp->diags, DIAG_WARNING, p->file, at[k].line, at[k].col,
                     _("the first <row-role> that fits a row decides: move this one above the other, or remove it"),
                     _("<row-role %s> gives no row its role: a <row-role> above it fits its rows first"), which);
        else if (ru->row < 0)
            diag_add(&p->rp->diags, DIAG_WARNING, p->file, at[k].line, at[k].col,
                     _("the table's rows are all header rows (header-rows), or the file has none"),
                     _("%s has no rows below its header for <row-role %s>"), s.name, which);
        else if (ru->match)
            diag_add(&p->rp->diags, DIAG_WARNING, p->file, at[k].line, at[k].col,
                     _("compare it with the first column of the CSV; * stands for any text"),
                     _("no row of %s fits <row-role match=\"%.100s\">"), s.name, ru->match);
        else
            diag_add(&p->rp->diags, DIAG_WARNING, p->file, at[k].line, at[k].col,
                     _("the CSV has fewer rows than that"), _("%s has no row %d for this <row-role>"), s.name,
                     ru->row);
    }
}

/* The alt text of x (node n): one of spaces alone is empty to a
 * screen reader too, and said as alt="" is (by the schema). */
static const char *alt_of(P *p, const Node *n, xmlNodePtr x)
{
    const char *alt = attr(p, x, "alt");
    if (alt && *alt && blank_text(alt)) {
        ERR(n, _("alt=\"%s\" on <%s> holds only spaces"), alt, (const char *)x->name);
        HINT(_("write a sentence that says what it shows: screen readers read it to those who cannot see it"));
    }
    return alt;
}

static Node *build_table(P *p, xmlNodePtr x)
{
    Node *t = new_node(p, N_TABLE, x);
    register_id(p, t, attr(p, x, "id"));
    const char *fs = attr(p, x, "font-size");
    t->u.table.small = fs && strcmp(fs, "small") == 0;
    t->u.table.size_given = fs != NULL;
    const char *src = attr(p, x, "src");
    bool csv_done = !src;           /* its rows stand after the report's, before the notes */
    bool strange = false;           /* an element a table does not hold (<thead>): said */
    if (!src) {                     /* a <row-role> here is a mistake: said at each */
        CsvSpec none = { 0 };
        Node *at;
        row_roles(p, x, &none, &at);
    }
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (is_el(c, "note") && !csv_done) {
            table_csv(p, x, t, src);
            csv_done = true;
        }
        if (is_el(c, "caption")) {
            Node *cap = new_node(p, N_CAPTION, c);
            build_inline(p, c, cap);
            warn_if_blank(p, cap, "caption");
            model_append(t, cap);
        } else if (is_el(c, "columns")) {
            build_columns(p, c, t);
        } else if (is_el(c, "row")) {
            Node *r = new_node(p, N_ROW, c);
            const char *role = attr(p, c, "role");
            static const char *roles[] = { "normal", "header", "group", "sum", "part", "sub", "subheader" };
            r->u.row.role = ROW_NORMAL;
            for (int k = 0; role && k < 7; k++)
                if (strcmp(role, roles[k]) == 0)
                    r->u.row.role = (RowRole)k;
            const char *so = attr(p, c, "sum-of");
            r->u.row.sum_above = so && strcmp(so, "above") == 0;
            for (xmlNodePtr cc = c->children; cc; cc = cc->next) {
                if (!is_el(cc, "cell")) {
                    if (cc->type == XML_ELEMENT_NODE)
                        unknown_element(p, cc);
                    continue;
                }
                Node *cell = new_node(p, N_CELL, cc);
                const char *cs = attr(p, cc, "colspan"), *rs = attr(p, cc, "rowspan");
                cell->u.cell.colspan = span_of(p, cell, "colspan", cs);
                cell->u.cell.rowspan = span_of(p, cell, "rowspan", rs);
                cell->u.cell.align = parse_align(attr(p, cc, "align"));
                const char *st = attr(p, cc, "status");
                cell->u.cell.status = st ? lookup_status(p, cell, st) : -1;
                build_cell_content(p, cc, cell);
                model_append(r, cell);
            }
            model_append(t, r);
        } else if (is_el(c, "note")) {
            Node *n = new_node(p, N_NOTE, c);
            build_inline(p, c, n);
            model_append(t, n);
        } else if (c->type == XML_ELEMENT_NODE && !is_el(c, "row-role")) {
            unknown_element(p, c);
            strange = true;
        }
    }
    if (!csv_done)
        table_csv(p, x, t, src);
    int rows = 0;
    for (Node *r = t->first; r; r = r->next) {
        if (r->kind != N_ROW)
            continue;
        rows++;
        if (!r->first)
            precise_error(p, r, _("write the row's cells as <cell>...</cell>; an empty cell is <cell/>"),
                          _("a <row> needs at least one <cell>"));
    }
    if (!rows && (src || strange))
        return t;                   /* the CSV could not be used, or rows stand in a <tbody>: said why */
    for (xmlNodePtr c = x->children; c && !rows; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !strcmp((const char *)c->name, "cell"))
            return t;               /* cells outside rows: said at the first of them */
    if (!rows) {
        /* A table whose figures are not in yet (a report written before
         * the books close) is printed as its caption and the layout's
         * "Uppgifter saknas."; a table with neither rows nor caption
         * prints nothing and is a mistake. */
        bool caption = false;
        for (Node *c = t->first; c; c = c->next)
            caption |= c->kind == N_CAPTION;
        const char *none = layout_word(p->layout, p->rep->type, p->rep->lang, "table-empty", "Uppgifter saknas.", NULL);
        if (caption)
            diag_add(&p->rp->diags, DIAG_WARNING, p->file, t->line, t->col,
                     _("add the <row>s when the figures are known"),
                     _("the table has no rows yet: its caption is printed with \"%s\""), none);
        else
            precise_error(p, t, _("a table holds <row> elements with <cell>s; remove the empty <table/> if it is not needed, "
                          "or give it a <caption> to print only the caption and a note that the figures are missing"),
                          _("the table has no rows"));
        return t;
    }
    grid_table(p, t);
    read_numbers(p, t);
    check_sums(p, t);
    group_figures(p, t);
    empty_headers(p, t);
    return t;
}

/* ---- charts ----------------------------------------------------------- */

/* An axis' min, max or step, if given (v != NULL): true with the value
 * in *out. The schema checks it is a decimal number; here it must also
 * be one a chart can draw (at most RP_MAX_CHART_VALUE), else an error. */
static bool axis_value(P *p, Node *at, const char *name, const char *v, double *out)
{
    if (!v)
        return false;
    char *end;
    double d = strtod(v, &end);
    if (end == v)
        return false;               /* not a number: the schema said so */
    if (!isfinite(d) || fabs(d) > RP_MAX_CHART_VALUE) {
        value_error(p, at, name, v, _("is too large for a chart"),
                    _("an axis goes up to 10^15; write the amounts in a larger unit (mnkr rather than kronor)"));
        return false;
    }
    *out = d;
    return true;
}

/* <categories>: the labels, separated by |, trimmed; at most
 * RP_MAX_CHART_CATEGORIES; none if they are all blank (an error). */
static void chart_categories(P *p, xmlNodePtr c, Chart *ch)
{
    size_t len;
    char *s = element_text(p, c, &len);
    int k = 1;
    for (size_t i = 0; i < len; i++)
        if (s[i] == '|')
            k++;
    if (k > RP_MAX_CHART_CATEGORIES) {
        Node tmp = here(p, c);
        ERR(&tmp, _("the chart has %d categories; rapport draws at most %d"), k, RP_MAX_CHART_CATEGORIES);
        HINT(_("show the values as a table, or sum them up by month or year"));
        k = RP_MAX_CHART_CATEGORIES;
    }
    ch->cats = ARENA_ARRAY(&p->rp->arena, const char *, k);
    char *q = s;
    for (int i = 0; i < k; i++) {
        char *bar = strchr(q, '|');
        if (bar)
            *bar = 0;
        while (*q == ' ')
            q++;
        size_t ql = strlen(q);
        while (ql && q[ql - 1] == ' ')
            q[--ql] = 0;
        ch->cats[i] = q;
        q = bar ? bar + 1 : q + ql;
    }
    ch->ncat = k;
    size_t blank = 0;
    while (blank < len && (s[blank] == ' ' || s[blank] == '|'))
        blank++;
    if (blank == len) {
        Node tmp = here(p, c);
        ERR(&tmp, _("<categories> is empty"));
        HINT(_("write the labels under the chart, separated by |, e.g. <categories>jan | feb | mar</categories>"));
        ch->ncat = 0;
    }
}

/* <axis>: its title, unit, min, max, step and decimals. */
static void chart_axis(P *p, xmlNodePtr c, Chart *ch)
{
    ch->axis_title = attr(p, c, "title");
    ch->axis_unit = attr(p, c, "unit");
    Node loc = here(p, c);
    const char *v;
    ch->has_min = axis_value(p, &loc, "min", attr(p, c, "min"), &ch->axis_min);
    ch->has_max = axis_value(p, &loc, "max", attr(p, c, "max"), &ch->axis_max);
    ch->has_step = axis_value(p, &loc, "step", attr(p, c, "step"), &ch->axis_step);
    if (ch->has_step && ch->axis_step <= 0) {
        value_error(p, &loc, "step", attr(p, c, "step"), _("is not a step"),
                    _("the step between the axis' numbers is more than 0, e.g. step=\"10\""));
        ch->has_step = false;
    }
    if ((v = attr(p, c, "decimals"))) {     /* the schema says 0 to 6 */
        long d = strtol(v, NULL, 10);
        ch->axis_decimals = d < 0 ? -1 : d > 6 ? 6 : (int)d;
    }
}

/* The first "2 100" in a series' text: a figure of one to three digits
 * and one of three, which reads as a thousand written with a space (an
 * office's way), into buf; false if none. */
static bool thousands_group(const char *t, char *buf, size_t cap)
{
    for (const char *q = t; *q; q++) {
        if (q > t && q[-1] != ' ')
            continue;
        int a = 0;
        while (q[a] >= '0' && q[a] <= '9')
            a++;
        if (a < 1 || a > 3 || q[a] != ' ')
            continue;
        const char *r = q + a + 1;
        if (r[0] >= '0' && r[0] <= '9' && r[1] >= '0' && r[1] <= '9' && r[2] >= '0' && r[2] <= '9' &&
            (r[3] == 0 || r[3] == ' ' || r[3] == ',' || r[3] == '.')) {
            snprintf(buf, cap, "%.*s", (int)(r + 3 - q), q);
            return true;
        }
    }
    return false;
}

/* "2 100" as 2100 (a static buffer: for one message). */
static const char *thousands_joined(const char *group)
{
    static char out[32];
    size_t n = 0;
    for (; *group && n + 1 < sizeof out; group++)
        if (*group != ' ')
            out[n++] = *group;
    out[n] = 0;
    return out;
}

/* A series whose "2 100" stands where another series of the chart has
 * some 2 000 ("2 100 300 400 500" beside "2400 300 400 500 600": its
 * first value was drawn as 2, without a word, a new user): said, as a
 * thousand written with a space. */
static void grouped_values(P *p, const Node *chart, const Chart *ch)
{
    for (int i = 0; i < ch->nseries; i++) {
        const Series *s = &ch->series[i];
        int k = s->grouped - 1;
        if (k < 0 || k >= s->nvalues || !s->present[k] || s->values[k] <= 0)
            continue;
        for (int j = 0; j < ch->nseries; j++) {
            const Series *o = &ch->series[j];
            if (j == i || k >= o->nvalues || !o->present[k])
                continue;
            double v = o->values[k];
            if (v >= 100 * s->values[k] && v < 3 * s->grouped_as && s->grouped_as < 3 * v) {
                diag_add(&p->rp->diags, DIAG_WARNING, model_source(chart, p->rep), s->at_line, s->at_col,
                         _("a space parts the values: write a number without spaces (2100, not 2 100)"),
                         _("the series \"%s\" has %g where \"%s\" has %g: is %g %03g one value, %g?"),
                         s->name ? s->name : "", s->values[k], o->name ? o->name : "", v, s->values[k],
                         s->values[k + 1 < s->nvalues ? k + 1 : k], s->grouped_as);
                break;
            }
        }
    }
}

/* A <series>: its name, line and one value per category, separated by
 * spaces; "-" a missing value, and so is one that is no number or too
 * large (an error). */
static void chart_series(P *p, xmlNodePtr c, const Chart *ch, Series *s)
{
    s->name = attr(p, c, "name");
    const char *line = attr(p, c, "line");
    s->line = !line ? LINE_AUTO : strcmp(line, "dashed") == 0 ? LINE_DASHED
            : strcmp(line, "dotted") == 0 ? LINE_DOTTED : LINE_SOLID;
    const char *color = attr(p, c, "color");
    if (color) {
        Node at = here(p, c);
        s->has_color = !value_color(color, strlen(color), &s->color);
        if (!s->has_color) {
            ERR(&at, _("color=\"%s\" is not a colour"), color);
            HINT(_("write colours as # and six hexadecimal digits, #RRGGBB: e.g. #C8102E"));
        }
    }
    size_t len;
    char *txt = element_text(p, c, &len);
    int cnt = 0;
    for (char *q = txt; *q;) {
        while (*q == ' ') q++;
        if (!*q) break;
        cnt++;
        while (*q && *q != ' ') q++;
    }
    Node loc = here(p, c);
    s->at_line = loc.line;
    s->at_col = loc.col;
    char group[32];
    if (cnt == ch->ncat && thousands_group(txt, group, sizeof group)) {
        int at = 0;                 /* the value it begins */
        const char *g = strstr(txt, group);
        for (const char *q = txt; q < g; q++)
            at += (q == txt || q[-1] == ' ') && *q != ' ';
        s->grouped = at + 1;
        s->grouped_as = strtod(thousands_joined(group), NULL);
    }
    if (cnt != ch->ncat && ch->ncat > 0) {
        ERR(&loc, P_("the series \"%s\" has %d values but the chart has %d category",
                     "the series \"%s\" has %d values but the chart has %d categories", ch->ncat),
            s->name ? s->name : "", cnt, ch->ncat);
        if (ch->ncat == 1 && ch->cats && strchr(ch->cats[0], ','))
            HINT(_("the categories are parted by | (not by commas): <categories>2023 | 2024 | 2025</categories>"));
        else if (cnt > ch->ncat && thousands_group(txt, group, sizeof group))
            HINT(_("a space parts the values, so \"%s\" is two of them: write a number without spaces, %s"),
                 group, thousands_joined(group));
        else
            HINT(_("give one value per category, separated by spaces; write - for a missing value"));
    }
    int k = ch->ncat;
    s->values = ARENA_ARRAY(&p->rp->arena, double, k > 0 ? k : 1);
    s->present = ARENA_ARRAY(&p->rp->arena, bool, k > 0 ? k : 1);
    s->nvalues = k > 0 ? k : 0;
    int i = 0, bad = 0;
    const char *first_bad = NULL;
    size_t first_len = 0;
    for (char *q = txt; *q && i < k;) {
        while (*q == ' ') q++;
        if (!*q) break;
        char *w = q;
        while (*q && *q != ' ') q++;
        size_t wl = (size_t)(q - w);
        if (wl == 1 && *w == '-') {
            s->present[i++] = false;
            continue;
        }
        /* 12.5 or the Swedish way, 12,5 and −3,9 (the values are parted
         * by spaces, so a comma can only be a decimal one, but for
         * "1,234": a thousands comma?) */
        char tmp[64];
        int unit;
        NumRead nr = numfmt_read(w, wl, NULL, tmp, sizeof tmp, &unit);
        if (nr == NUM_MACHINE)
            snprintf(tmp, sizeof tmp, "%.*s", (int)(wl < 60 ? wl : 60), w);
        if (nr == NUM_AMBIGUOUS) {
            Node at = loc;
            at.kind = N_CHART;                  /* a series' number: no spaces in its hint */
            two_readings(p, &at, arena_strndup(&p->rp->arena, w, wl), wl, true, -1);
            s->present[i++] = false;
            continue;
        }
        if ((nr != NUM_MACHINE && nr != NUM_READ) || unit != NUM_UNIT_NONE) {
            if (!bad++) {
                first_bad = w;
                first_len = wl;
            }
            s->present[i++] = false;
            continue;
        }
        double val = strtod(tmp, NULL);
        if (fabs(val) > RP_MAX_CHART_VALUE) {
            ERR(&loc, _("\"%.*s\" in the series \"%s\" is too large for a chart"), (int)wl, w,
                s->name ? s->name : "");
            HINT(_("a chart shows values up to 10^15; write the amounts in a larger unit "
                 "(mnkr rather than kronor) and name it in <axis unit=\"...\"/>"));
            s->present[i++] = false;
            continue;
        }
        s->values[i] = val;
        s->present[i++] = true;
    }
    if (bad == 1)
        ERR(&loc, _("\"%.*s\" in the series \"%s\" is not a number"), (int)first_len, first_bad,
            s->name ? s->name : "");
    else if (bad > 1)
        ERR(&loc, P_("\"%.*s\" and %d more value in the series \"%s\" are not numbers",
                     "\"%.*s\" and %d more values in the series \"%s\" are not numbers", bad - 1),
            (int)first_len, first_bad, bad - 1, s->name ? s->name : "");
    if (bad)
        HINT(_("write the values parted by spaces, as 12,5 or 12.5 (no spaces inside a number, no unit: "
               "that goes in <axis unit=\"...\"/>); - marks a missing value"));
}

/* A pie's (or donut's) one series: its values are the slices, so there
 * is one series, no value below zero and some above it. */
static void pie_series(P *p, xmlNodePtr c, const Chart *ch, const Series *s)
{
    Node loc = here(p, c);
    if (ch->nseries > 1) {
        ERR(&loc, _("a %s chart shows one series; \"%s\" is one more"),
            ch->type == CHART_PIE ? "pie" : "donut", s->name ? s->name : "");
        HINT(_("a pie shows the parts of one whole; compare series with type=\"bar\" or \"stacked-bar\""));
        return;
    }
    double sum = 0;
    for (int k = 0; k < ch->ncat; k++) {
        if (!s->present[k])
            continue;
        if (s->values[k] < 0) {
            ERR(&loc, _("the slice \"%s\" of the %s chart is negative"), ch->cats[k],
                ch->type == CHART_PIE ? "pie" : "donut");
            HINT(_("a slice is a share of a whole, 0 or more; show gains and losses with type=\"bar\""));
            return;
        }
        sum += s->values[k];
    }
    if (ch->ncat > 0 && !(sum > 0)) {
        ERR(&loc, _("the %s chart's values add up to nothing"), ch->type == CHART_PIE ? "pie" : "donut");
        HINT(_("give each category its amount, e.g. <series name=\"Nettokostnad\">120 80 45</series>"));
    }
}

static Node *build_chart(P *p, xmlNodePtr x)
{
    int errors = diag_errors(&p->rp->diags);
    Node *n = new_node(p, N_CHART, x);
    register_id(p, n, attr(p, x, "id"));
    Chart *ch = ARENA_NEW(&p->rp->arena, Chart);
    n->u.chart.chart = ch;
    const char *type = attr(p, x, "type");
    ch->type = !type ? CHART_LINE : strcmp(type, "bar") == 0 ? CHART_BAR
             : strcmp(type, "stacked-bar") == 0 ? CHART_STACKED_BAR
             : strcmp(type, "horizontal-bar") == 0 ? CHART_HBAR
             : strcmp(type, "pie") == 0 ? CHART_PIE
             : strcmp(type, "donut") == 0 ? CHART_DONUT : CHART_LINE;
    ch->alt = alt_of(p, n, x);
    const char *legend = attr(p, x, "legend");
    ch->legend = !legend ? -1 : strcmp(legend, "yes") == 0;
    const char *values = attr(p, x, "value-labels");
    ch->value_labels = values && strcmp(values, "yes") == 0;
    const char *h = attr(p, x, "height");
    ch->height = h ? report_length(p, n, "height", h) : 0;
    ch->axis_decimals = -1;
    int nseries = 0;
    for (xmlNodePtr c = x->children; c; c = c->next)
        if (is_el(c, "series"))
            nseries++;
    if (nseries > RP_MAX_CHART_SERIES) {
        ERR(n, _("the chart has %d series; rapport draws at most %d"), nseries, RP_MAX_CHART_SERIES);
        HINT(_("more lines or bars than this cannot be told apart; split the chart, or show the values as a table"));
        nseries = RP_MAX_CHART_SERIES;
    }
    ch->series = ARENA_ARRAY(&p->rp->arena, Series, nseries);
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (is_el(c, "caption")) {
            Node *cap = new_node(p, N_CAPTION, c);
            build_inline(p, c, cap);
            warn_if_blank(p, cap, "caption");
            model_append(n, cap);
        } else if (is_el(c, "categories")) {
            chart_categories(p, c, ch);
        } else if (is_el(c, "axis")) {
            chart_axis(p, c, ch);
        } else if (is_el(c, "series") && ch->nseries < nseries) {
            Series *s = &ch->series[ch->nseries++];
            chart_series(p, c, ch, s);
            if (ch->type == CHART_PIE || ch->type == CHART_DONUT)
                pie_series(p, c, ch, s);
        } else if (is_el(c, "source")) {
            Node *src = new_node(p, N_NOTE, c);
            build_inline(p, c, src);
            model_append(n, src);
        }
    }
    /* a chart of no value at all is an empty frame: its figures not in
     * yet, or "-" written for every one by mistake */
    bool any = false;
    for (int i = 0; i < ch->nseries && !any; i++) {
        any = ch->series[i].nvalues != ch->ncat;        /* read before its categories: said */
        for (int k = 0; k < ch->series[i].nvalues && k < ch->ncat && !any; k++)
            any = ch->series[i].present[k];
    }
    grouped_values(p, n, ch);
    /* (values that are no numbers are said so already: not as "-") */
    if (!any && ch->nseries > 0 && ch->ncat > 0 && diag_errors(&p->rp->diags) == errors)
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(n, p->rep), n->line, n->col,
                 _("write the values when they are known, or leave the chart out until then"),
                 _("the chart has no values (every one is \"-\"): it is drawn empty"));
    return n;
}

/* ---- blocks and sections ---------------------------------------------- */

/* The image a <figure> shows: inside the report's folder, PNG or JPEG,
 * undamaged, of a size limits.h allows; read and decoded here, once per
 * file, so that drawing has nothing left to refuse. */
static void figure_file(P *p, Node *n, const char *src, const char *width)
{
    if (width && !report_width(p, n, width, false, false, &n->u.figure.wkind, &n->u.figure.width)) {
        n->u.figure.wkind = WIDTH_AUTO;
        n->u.figure.width = 0;
    }
    if (!src || !*src)
        return;                 /* (src="" is said by the validation) */
    const char *path = report_file(p, n, src, "image");
    if (!path)
        return;
    /* a file shown twice is read once; so is a broken one */
    ImageFile *f = map_get(&p->images, path);
    if (!f) {
        f = ARENA_NEW(&p->rp->arena, ImageFile);
        f->image = image_load(p->rp, path, (size_t)RP_MAX_REPORT_IMAGE_BYTES - p->image_bytes, &f->err);
        if (f->image) {
            f->image->index = p->rep->nimages++;
            f->image->path = path;
            p->image_bytes += f->image->len;
        }
        map_put(&p->images, path, f);
    }
    if (!f->image) {
        ERR(n, _("the image \"%s\" cannot be used: %s"), src, f->err.why);
        HINT("%s", f->err.hint);
        return;
    }
    n->u.figure.image = f->image;
}

/* The number a numbered list starts from: 1 unless start="..." says
 * otherwise. The schema reports what is not a whole number from 1; a
 * number past RP_MAX_LIST_START (30 digits included) is an error here,
 * before it can overflow the numbering. */
static int list_start(P *p, Node *n, const char *v)
{
    if (!v)
        return 1;
    char *end;
    errno = 0;
    long k = strtol(v, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == '\n' || *end == '\r')
        end++;
    if (end == v || *end || k < 1)
        return 1;                       /* not a whole number from 1: the schema says so */
    if (errno == ERANGE || k > RP_MAX_LIST_START) {
        /* libxml2 refuses some (30 digits) itself: one message is enough */
        char msg[200];
        snprintf(msg, sizeof msg, _("start=\"%.60s\" is past %d, the highest number a list may start from"),
                 v, RP_MAX_LIST_START);
        replace_error(p, n, "start=", _("a list that goes on from another starts at a few dozen; check the number"), msg);
        return 1;
    }
    return (int)k;
}

static Node *build_list(P *p, xmlNodePtr x)
{
    Node *n = new_node(p, N_LIST, x);
    register_id(p, n, attr(p, x, "id"));
    const char *type = attr(p, x, "type");
    n->u.list.type = !type ? LIST_BULLET : strcmp(type, "number") == 0 ? LIST_NUMBER
                   : strcmp(type, "none") == 0 ? LIST_NONE : LIST_BULLET;
    const char *num = attr(p, x, "numbering");
    n->u.list.paren = num && strcmp(num, "1)") == 0;
    n->u.list.start = list_start(p, n, attr(p, x, "start"));
    if (++p->list_depth > RP_MAX_LIST_DEPTH) {
        ERR(n, _("lists are nested more than %d deep"), RP_MAX_LIST_DEPTH);
        HINT(_("a list inside a list inside a list cannot be read on paper; flatten it"));
        p->list_depth--;
        return n;
    }
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (!is_el(c, "item")) {
            if (c->type == XML_ELEMENT_NODE)
                unknown_element(p, c);  /* <iten>: the name meant, not "put it in an <item>" */
            continue;
        }
        Node *item = new_node(p, N_ITEM, c);
        build_cell_content(p, c, item);
        model_append(n, item);
    }
    p->list_depth--;
    return n;
}

static Node *build_section(P *p, xmlNodePtr x, NodeKind kind, int level)
{
    Node *s = new_node(p, kind, x);
    register_id(p, s, attr(p, x, "id"));
    s->u.sec.level = level;
    const char *toc = attr(p, x, "toc");
    s->u.sec.toc = !toc ? -1 : strcmp(toc, "yes") == 0 ? 1 : 0;
    s->u.sec.status = -1;
    const char *np = attr(p, x, "new-page");
    s->u.sec.new_page = np && strcmp(np, "yes") == 0;
    if (kind == N_GOAL) {
        p->rep->ngoals++;
        s->u.sec.area = attr(p, x, "area");
        const char *st = attr(p, x, "status");
        if (st)
            p->assessed++;
        else
            VEC_PUSH(&p->rp->arena, p->unassessed, s);
        if (st) {
            s->u.sec.status = lookup_status(p, s, st);
            if (s->u.sec.status >= 0 && p->layout->statuses[s->u.sec.status].activity) {
                ERR(s, _("\"%s\" is an assignment status; a goal takes a goal status"), st);
                char goal[256];
                list_statuses(p, false, goal, sizeof goal);
                HINT(_("goal statuses in the layout \"%s\": %s"), p->layout->name, goal);
            }
        }
    }
    if (level > RP_MAX_HEADING_LEVEL) {
        ERR(s, _("this %s is nested %d deep; headings go down to level %d"),
            model_kind_name(kind), level, RP_MAX_HEADING_LEVEL);
        HINT(_("move it out one level, or make it a paragraph with <b>bold</b> text"));
    }
    p->rep->nheadings++;
    int errors = diag_errors(&p->rp->diags), unknowns = p->unknowns;
    build_blocks(p, x, s, level);
    /* a section with only its heading prints a bare heading: a draft
     * left unfinished, most often (not said where a part it includes
     * could not be read: that error says it) */
    const Node *h = model_heading(s);
    bool said_otherwise = false;        /* its contents said to be wrong */
    /* nor where it holds elements that made nothing: <stycke> for <p>,
     * said as such (the section is not empty: its text is in an
     * element misspelt) */
    for (xmlNodePtr c = x->children; c && !said_otherwise; c = c->next)
        said_otherwise = (is_el(c, "include") && diag_errors(&p->rp->diags) > errors) || p->unknowns > unknowns;
    char title[160];
    if (kind == N_SECTION && h && h == s->first && !h->next && !said_otherwise &&
        model_plain_text(h, title, sizeof title) > 0) {     /* (an empty heading is said, and enough) */
        diag_add(&p->rp->diags, DIAG_WARNING, p->file, s->line, s->col,
                 _("write its text, or remove the section (a heading alone is printed as it is)"),
                 _("the section \"%s\" is empty"), title);
    }
    return s;
}

/* Build the blocks among x's children into parent; `level` is the level
 * of the enclosing section (0 at the top). Returns parent. */
static Node *build_blocks(P *p, xmlNodePtr x, Node *parent, int level)
{
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        const char *name = (const char *)c->name;
        Node *n = NULL;
        if (strcmp(name, "heading") == 0) {
            n = new_node(p, N_HEADING, c);
            build_inline(p, c, n);
            warn_if_blank(p, n, "heading");
        } else if (strcmp(name, "description") == 0) {
            n = new_node(p, N_DESCRIPTION, c);  /* the schema allows it in a goal, after the heading */
            build_inline(p, c, n);
        } else if (strcmp(name, "p") == 0) {
            n = new_node(p, N_P, c);
            register_id(p, n, attr(p, c, "id"));
            build_inline(p, c, n);
            size_t bytes = model_plain_text(n, NULL, 0);
            if (bytes > RP_MAX_PARAGRAPH_BYTES) {
                ERR(n, _("this paragraph holds %zu bytes of text; rapport sets paragraphs of up to %d"),
                    bytes, RP_MAX_PARAGRAPH_BYTES);
                HINT(_("a paragraph this long is a damaged or generated file; split it into <p> elements"));
                n->first = n->last = NULL;
            }
        } else if (strcmp(name, "section") == 0) {
            n = build_section(p, c, N_SECTION, level + 1);
        } else if (strcmp(name, "goal") == 0) {
            n = build_section(p, c, N_GOAL, level + 1);
        } else if (strcmp(name, "list") == 0) {
            n = build_list(p, c);
        } else if (strcmp(name, "table") == 0) {
            n = build_table(p, c);
        } else if (strcmp(name, "chart") == 0) {
            n = build_chart(p, c);
        } else if (strcmp(name, "figure") == 0) {
            n = new_node(p, N_FIGURE, c);
            register_id(p, n, attr(p, c, "id"));
            n->u.figure.alt = alt_of(p, n, c);
            figure_file(p, n, attr(p, c, "src"), attr(p, c, "width"));
            for (xmlNodePtr cc = c->children; cc; cc = cc->next)
                if (is_el(cc, "caption")) {
                    Node *cap = new_node(p, N_CAPTION, cc);
                    build_inline(p, cc, cap);
                    warn_if_blank(p, cap, "caption");
                    model_append(n, cap);
                }
        } else if (strcmp(name, "legend") == 0) {
            n = new_node(p, N_LEGEND, c);
            n->u.legend.title = attr(p, c, "title");
            const char *st = attr(p, c, "statuses");
            n->u.legend.activity = st && strcmp(st, "activity") == 0;
            build_legend_items(p, c, n);
        } else if (strcmp(name, "goal-overview") == 0) {
            n = new_node(p, N_GOAL_OVERVIEW, c);
            n->u.overview.title = attr(p, c, "title");
        } else if (strcmp(name, "page-break") == 0) {
            n = new_node(p, N_PAGE_BREAK, c);
        } else if (strcmp(name, "landscape") == 0) {
            n = new_node(p, N_LANDSCAPE, c);
            build_blocks(p, c, n, level);
        } else if (strcmp(name, "include") == 0) {
            build_part(p, c, parent, level);
            continue;
        } else if (strcmp(name, "contents") == 0) {
            n = new_node(p, N_CONTENTS, c);
            const char *lv = attr(p, c, "levels");
            long levels = lv ? strtol(lv, NULL, 10) : 0;       /* the schema says 1 to 5 */
            n->u.contents.levels = levels < 0 ? 0 : levels > 5 ? 5 : (int)levels;
            n->u.contents.title = attr(p, c, "title");
        } else if (strcmp(name, "appendices") == 0) {
            n = new_node(p, N_APPENDICES, c);
            n->u.appendices.title = attr(p, c, "title");
            const char *num = attr(p, c, "numbering");
            bool numbered = num && strcmp(num, "yes") == 0;
            int k = 0;
            for (xmlNodePtr a = c->children; a; a = a->next)
                if (is_el(a, "appendix")) {
                    Node *ap = build_section(p, a, N_APPENDIX, 1);
                    k++;
                    ap->u.sec.label = attr(p, a, "label");
                    if (!ap->u.sec.label && numbered)
                        ap->u.sec.label = arena_printf(&p->rp->arena, "%s %d",
                                                       layout_word(p->layout, p->rep->type, p->rep->lang, "appendix",
                                                                   "Bilaga", &ap->u.sec.label_lang),
                                                       k);
                    appendix_label_check(p, ap);
                    model_append(n, ap);
                }
        } else {
            if (strcmp(name, "meta") != 0)
                unknown_element(p, c);
            continue;
        }
        model_append(parent, n);
    }
    return parent;
}

/* A legend's own words per status: each <item status="..."> becomes an
 * N_STATUS child with the item's text (measure/measure.c prints it in
 * place of the layout's word). A status of the other kind than the
 * legend's, or one given twice, is an error. */
static void build_legend_items(P *p, xmlNodePtr x, Node *legend)
{
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (!is_el(c, "item"))
            continue;
        Node *n = new_node(p, N_STATUS, c);
        const char *v = attr(p, c, "status");
        n->u.status.status = v ? lookup_status(p, n, v) : -1;
        int si = n->u.status.status;
        if (si < 0)
            continue;
        if (p->layout->statuses[si].activity != legend->u.legend.activity) {
            ERR(n, _("\"%s\" is %s status, but this legend shows the %s statuses"), v,
                legend->u.legend.activity ? _("a goal") : _("an assignment"),
                legend->u.legend.activity ? _("assignment") : _("goal"));
            HINT(_("write statuses=\"%s\" on the <legend>, or give the words of its own statuses"),
                 legend->u.legend.activity ? "goal" : "activity");
            continue;
        }
        for (Node *k = legend->first; k; k = k->next)
            if (k->u.status.status == si) {
                ERR(n, _("the legend already has words for \"%s\" (line %d)"), v, k->line);
                HINT(_("give each status one <item>"));
                si = -1;
                break;
            }
        if (si < 0)
            continue;
        size_t len;
        char *t = element_text(p, c, &len);
        if (len) {
            n->text = t;
            n->len = len;
        }
        model_append(legend, n);
    }
}

/* An appendix whose heading repeats its label ("Bilaga 1 Bilaga 1 ...")
 * is a report written before labels existed: a warning. */
static void appendix_label_check(P *p, Node *ap)
{
    const char *label = ap->u.sec.label;
    const Node *h = model_heading(ap);
    if (!label || !*label || !h)
        return;
    char buf[256];
    model_plain_text(h, buf, sizeof buf);
    size_t n = strlen(label);
    const char *t = buf;
    while (*t == ' ')
        t++;
    if (strncmp(t, label, n) == 0 && (t[n] == ' ' || t[n] == '\0'))
        diag_add(&p->rp->diags, DIAG_WARNING, p->file, h->line, h->col,
                 _("remove the label from the <heading>: rapport prints it before the heading"),
                 _("the heading starts with its label \"%s\", which is printed again before it"), label);
}

/* A diarienummer without the "Dnr" an author may write before it
 * ("Dnr SOCN 2018-0412", "DNR: 2024-421", "Dnr."): the cover prints its own,
 * and printed "Dnr Dnr" as the starter reports suggested it. */
static const char *bare_reference(const char *v)
{
    const char *t = v;
    while (t && !strncasecmp(t, "dnr", 3) && (t[3] == ' ' || t[3] == ':' || t[3] == '.')) {
        const char *u = t + 3;
        while (*u == ' ' || *u == ':' || *u == '.')
            u++;
        if (!*u)
            break;
        t = u;                          /* "Dnr Dnr …" as well */
    }
    return t;
}

/* The year of a <date> the schema took (it takes any number of digits,
 * and a minus): four digits, or "20255-02-20" was printed on the cover
 * as written, and the PDF had no date; one before 1900 or after 2199, a
 * warning. */
static void date_year(P *p, xmlNodePtr c, const char *v)
{
    Node at = here(p, c);
    bool minus = v[0] == '-';           /* a year before the Common Era: the schema takes it */
    const char *y0 = v + minus;
    size_t n = strspn(y0, "0123456789");
    if (n == 0 || y0[n] != '-' || strspn(y0 + n + 1, "0123456789") != 2 || y0[n + 3] != '-' ||
        strspn(y0 + n + 4, "0123456789") != 2)
        return;                         /* no date: the schema says so */
    int mo = atoi(y0 + n + 1), d = atoi(y0 + n + 4);
    if ((n > 4 && y0[0] == '0') || (n < 4 && !minus) || mo < 1 || mo > 12 || d < 1 || d > 31)
        return;                         /* "02025-...", "25-02-20", month 13: the schema says so */
    if (minus || n != 4) {
        ERR(&at, _("the year of <date>%s</date> is not written with four digits"), v);
        HINT(_("write the date year-month-day, with digits, e.g. <date>2025-02-20</date>"));
        return;
    }
    int y = atoi(v);
    if (y > 0 && (y < 1900 || y > 2199))        /* (year 0: the schema said so) */
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(&at, p->rep), at.line, at.col,
                 _("correct the year if it is mistyped"), _("the report is dated in the year %d"), y);
}

static void build_meta(P *p, xmlNodePtr meta)
{
    Meta *m = &p->rep->meta;
    for (xmlNodePtr c = meta->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        size_t len;
        const char *v = element_text(p, c, &len);
        const char *n = (const char *)c->name;
        int k = -1;
        if (strcmp(n, "title") == 0) m->title = v, k = META_TITLE;
        else if (strcmp(n, "subtitle") == 0) m->subtitle = v, k = META_SUBTITLE;
        else if (strcmp(n, "organisation") == 0) m->organisation = v, k = META_ORGANISATION;
        else if (strcmp(n, "department") == 0) m->department = v, k = META_DEPARTMENT;
        else if (strcmp(n, "date") == 0) m->date = v, k = META_DATE, date_year(p, c, v);
        else if (strcmp(n, "reference") == 0) m->reference = bare_reference(v), k = META_REFERENCE;
        else if (strcmp(n, "running-title") == 0) m->running_title = v, k = META_RUNNING_TITLE;
        else if (strcmp(n, "author") == 0) m->author = v, k = META_AUTHOR;
        else if (strcmp(n, "keywords") == 0) m->keywords = v, k = META_KEYWORDS;
        if (k >= 0) {
            m->line[k] = xmlread_line(c);
            m->col[k] = xmlread_col(c);
        }
        if (k == META_TITLE || k == META_SUBTITLE || k == META_ORGANISATION || k == META_AUTHOR ||
            k == META_KEYWORDS) {
            char what[64];
            snprintf(what, sizeof what, "<%s>", n);
            Node at = here(p, c);
            pdf_text_fits(p, &at, what, v, _("shorten it: it is shown in the PDF reader's title bar and properties"));
        }
    }
}

/* Is s a language tag of the shape BCP 47 gives (sv, sv-SE, en-GB,
 * sr-Latn-RS, es-419)? The schema's type "language" takes any word of
 * up to eight letters ("svenska"), which no PDF reader knows. */
static bool language_tag(const char *s)
{
    size_t n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");
    if (n < 2 || n > 3)
        return false;
    for (s += n; *s == '-'; s += n) {
        s++;
        n = strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789");
        if (n < 2 || n > 8)
            return false;
    }
    return *s == 0;
}

/* <report lang>: a language tag, or an error with the tag meant. */
static const char *checked_lang(P *p, xmlNodePtr root)
{
    const char *v = attr(p, root, "lang");
    if (v && language_tag(v) && !strncasecmp(v, "se", 2) && (!v[2] || v[2] == '-')) {
        /* Sweden's country code, a language's too: the whole report
         * tagged Northern Sami, read so by a screen reader (a new user) */
        Node at = { .line = xmlread_line(root), .col = xmlread_col(root) };
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(&at, p->rep), at.line, at.col,
                 _("write lang=\"sv\" for Swedish; keep \"se\" if the report is written in Northern Sami"),
                 _("lang=\"%s\" is Northern Sami (SE is Sweden's country code, not its language's): a screen "
                   "reader reads the report as Sami"), v);
    }
    if (!v || language_tag(v))
        return v;
    static const struct { const char *word, *tag; } words[] = {
        { "sv", "sv" }, { "sw", "sv" }, { "en", "en" }, { "eng", "en" }, { "fi", "fi" }, { "suomi", "fi" },
        { "de", "de" }, { "ty", "de" }, { "no", "nb" }, { "da", "da" }, { "dansk", "da" }, { "fr", "fr" },
    };
    const char *tag = NULL;
    for (size_t i = 0; i < sizeof words / sizeof words[0] && !tag; i++)
        if (!strncasecmp(v, words[i].word, strlen(words[i].word)))
            tag = words[i].tag;
    Node at = { .line = xmlread_line(root), .col = xmlread_col(root) };
    said_precisely(p, &at, "lang", v);
    ERR(&at, _("lang=\"%s\" is not a language code"), v);
    if (tag)
        HINT(_("write lang=\"%s\": a language is written as a short code (sv Swedish, en English, sv-FI Swedish in Finland)"), tag);
    else
        HINT(_("write lang=\"sv\" for Swedish: a language is written as a short code (en English, sv-FI Swedish in Finland)"));
    return NULL;
}


/* Whether appendix a is printed in the PDF: it has more than its
 * heading (one with only a heading is a document of its own, listed in
 * the contents without a page). */
static bool appendix_printed(const Node *a)
{
    for (const Node *k = a->first; k; k = k->next)
        if (k->kind != N_HEADING)
            return true;
    return false;
}

/* The hint for a <ref> or <fnref> to an id no element has: the id it
 * most likely meant, and where that stands, if one is near. */
static void hint_near_id(P *p, const Node *r, const char *to)
{
    if (p->rp->diags.last_dropped)
        return;                         /* the message was not kept: nor is a hint */
    const Node *t;
    const char *near = near_id(p, to, r->kind == N_FNREF, &t);
    if (!near) {
        HINT(_("give the target an id attribute, or correct the spelling"));
        return;
    }
    const char *file = model_source(t, p->rep);
    char where[300];
    if (strcmp(file, model_source(r, p->rep)) == 0)
        snprintf(where, sizeof where, _("line %d"), t->line);
    else
        snprintf(where, sizeof where, _("%s, line %d"), file, t->line);
    if (same_word(near, to))
        HINT(_("did you mean to=\"%s\"? The <%s> at %s has it, written with other capitals (an id's capitals "
               "count)"), near, model_kind_name(t->kind), where);
    else
        HINT(_("did you mean to=\"%s\", the id of the <%s> at %s?"), near, model_kind_name(t->kind), where);
}

static void resolve_refs(P *p)
{
    for (int i = 0; i < p->refs.n; i++) {
        Node *r = p->refs.v[i];
        const char *to = p->ref_ids.v[i];
        Node *t = to ? find_id(p, to) : NULL;
        if (!t && (!to || !*to)) {
            /* the schema's "" is not a name: said here in the words of <fnref> and <ref> */
            diag_drop_at(&p->rp->diags, model_source(r, p->rep), r->line, r->col, "\"\"");
            ERR(r, _("<%s to=\"\"> names nothing"), model_kind_name(r->kind));
            if (r->kind == N_FNREF)
                HINT(_("write the id of the <footnote> it repeats: <fnref to=\"...\"/>, the footnote <footnote id=\"...\">"));
            else
                HINT(_("write the id of the element it points to: <ref to=\"...\"/>, the element with id=\"...\""));
            continue;
        }
        if (!t) {
            ERR(r, _("<%s to=\"%s\"> points to nothing: no element has id=\"%s\""),
                model_kind_name(r->kind), to, to);
            hint_near_id(p, r, to);
            continue;
        }
        if (r->kind == N_FNREF) {
            if (t->kind != N_FOOTNOTE) {
                ERR(r, _("<fnref to=\"%s\"> must point to a <footnote>, but \"%s\" is a <%s>"),
                    to, to, model_kind_name(t->kind));
                HINT(_("<fnref> repeats a footnote's mark; to point to another element use <ref to=\"%s\"/>"), to);
                continue;
            }
            r->u.fn.target = t;
        } else {
            r->u.ref.target = t;
            if (r->u.ref.show != REF_PAGE && !model_title_node(t)) {
                bool captioned = t->kind == N_TABLE || t->kind == N_CHART || t->kind == N_FIGURE;
                ERR(r, _("<ref to=\"%s\" show=\"%s\"> prints a title, but the <%s> \"%s\" has none"), to,
                    r->u.ref.show == REF_TITLE ? "title" : "both", model_kind_name(t->kind), to);
                if (captioned)
                    HINT(_("give the <%s> a <caption>, or write show=\"page\" for its page number"),
                         model_kind_name(t->kind));
                else
                    HINT(_("a title is a section's heading or a table's, chart's or figure's caption; write show=\"page\" for the page number"));
            } else if (r->u.ref.show != REF_TITLE && t->kind == N_APPENDIX && !appendix_printed(t)) {
                /* only listed in the contents: it had "?" for a page, and
                 * a link to nowhere */
                ERR(r, _("<ref to=\"%s\"> asks for the page of the appendix \"%s\", which has none: "
                         "it is a document of its own, only listed in the contents"), to, to);
                char title[160] = "";
                const Node *th = model_title_node(t);
                if (th)
                    model_plain_text(th, title, sizeof title);
                HINT(_("write show=\"title\" to name it (\"%s%s%s\"), or give the appendix its text"),
                     t->u.sec.label ? t->u.sec.label : "", t->u.sec.label ? " " : "", title);
            } else if (r->u.ref.show != REF_TITLE) {
                const Node *h = r->parent;
                while (h && h->kind != N_HEADING && h->kind != N_P && h->kind != N_CELL)
                    h = h->parent;
                /* the contents and the bookmarks are set before the
                 * pages are: a heading's page number is not known there */
                if (h && h->kind == N_HEADING)
                    diag_add(&p->rp->diags, DIAG_WARNING, model_source(r, p->rep), r->line, r->col,
                             _("write the page reference in the text under the heading, or show=\"title\""),
                             _("a page reference in a heading is printed in the heading only, "
                               "not in the contents or the bookmarks"));
            }
        }
    }
}

/* ---- size checks before the schema ------------------------------------ */

static bool is_inline_name(const xmlChar *name)
{
    static const char *inl[] = { "b", "i", "sup", "sub", "nohyphen", "br", "num", "status", "footnote",
                                 "fnref", "ref", "link", NULL };
    for (int i = 0; inl[i]; i++)
        if (strcmp((const char *)name, inl[i]) == 0)
            return true;
    return false;
}

typedef struct Count {
    Rp         *rp;
    const char *file;
    int         over;       /* blocks over the limit, reported */
    long        footnotes;  /* in the document so far */
} Count;

/* The inline elements in x's content, counted down through inline
 * elements. Every element that is not inline (a block: <p>, <cell>,
 * <heading>, ...) is checked against RP_MAX_INLINE_ELEMENTS for its own,
 * each one over it reported at its place; footnotes are counted through
 * the document. Linear in the tree; recursion as deep as the document,
 * which xmlread_parse has bounded. */
static long count_inline(Count *k, xmlNodePtr x)
{
    long n = 0;
    for (xmlNodePtr c = x->children; c; c = c->next) {
        if (c->type != XML_ELEMENT_NODE)
            continue;
        if (strcmp((const char *)c->name, "footnote") == 0 && ++k->footnotes == RP_MAX_FOOTNOTES + 1) {
            diag_add(&k->rp->diags, DIAG_ERROR, k->file, xmlread_line(c), xmlread_col(c),
                     _("the longest real reports have a few hundred notes; is the file generated by mistake?"),
                     _("this is footnote number %d; rapport sets at most %d in one report"),
                     RP_MAX_FOOTNOTES + 1, RP_MAX_FOOTNOTES);
            k->over++;
        }
        long inner = count_inline(k, c);
        if (is_inline_name(c->name)) {
            n += 1 + inner;
        } else if (inner > RP_MAX_INLINE_ELEMENTS) {
            diag_add(&k->rp->diags, DIAG_ERROR, k->file, xmlread_line(c), xmlread_col(c),
                     _("a paragraph this full of markup is a damaged or generated file; split it into "
                     "several, or remove markup that does nothing (rows of <br/>, empty <b/>)"),
                     _("<%s> holds %ld inline elements (b, i, br, footnote, ...); rapport takes at most %d in one block"),
                     (const char *)c->name, inner, RP_MAX_INLINE_ELEMENTS);
            k->over++;
        }
    }
    return n;
}

/* 16 bytes that identify the input (two FNV-1a hashes with different
 * seeds), for the PDF's document ID: the same report, the same ID. */
static void content_id(const char *s, size_t n, unsigned char out[16])
{
    uint64_t h0 = 1469598103934665603ull, h1 = 0x9E3779B97F4A7C15ull;
    for (size_t i = 0; i < n; i++) {      /* the two in one pass: their multiplies overlap */
        h0 = (h0 ^ (unsigned char)s[i]) * 1099511628211ull;
        h1 = (h1 ^ (unsigned char)s[i]) * 1099511628211ull;
    }
    for (int b = 0; b < 8; b++) {
        out[b] = (unsigned char)(h0 >> (8 * b));
        out[8 + b] = (unsigned char)(h1 >> (8 * b));
    }
}

/* ---- parts: <include src="del.xml"/> ---------------------------------- */

/* A part alone may hold sections, goals and blocks; where it is included
 * (at `inc`, in `parent`) decides which of them may stand: a goal only
 * in a section or an appendix, a section anywhere but in a goal. The
 * schema cannot know the place, so it is checked here, at each element
 * of the part (p->file) that may not stand there. */
static void part_fits(P *p, xmlNodePtr root, const Node *parent, const Node *inc)
{
    bool sections = parent->kind != N_GOAL;
    bool goals = parent->kind == N_SECTION || parent->kind == N_APPENDIX;
    const char *by = model_source(inc, p->rep);
    for (xmlNodePtr c = root->children; c; c = c->next) {
        bool sec = is_el(c, "section"), goal = is_el(c, "goal");
        if ((!sec && !goal) || (sec && sections) || (goal && goals))
            continue;
        Node at = here(p, c);
        if (goal) {
            ERR(&at, _("a <goal> stands in a <section>, but %s includes this part outside one (line %d)"), by, inc->line);
            HINT(_("include the part inside a <section>, or put its goals in a <section> of the part"));
        } else {
            ERR(&at, _("a <goal> holds no <section>, but %s includes this part in a goal (line %d)"), by, inc->line);
            HINT(_("include the part in the <section> around the goal, or move the <section> out of the part"));
        }
    }
}

/* Is the file `real` being read already (the report, or a part that
 * includes this one)? Then it would include itself for ever: an error
 * at the <include> `at` that names the chain of files. */
static bool part_cycle(P *p, const Node *at, const char *real, const char *shown)
{
    int k = 0;
    while (k <= p->depth && !(p->reading[k].real && strcmp(p->reading[k].real, real) == 0))
        k++;
    if (k > p->depth)
        return false;
    if (k == p->depth) {
        ERR(at, _("%s includes itself"), shown);
        HINT(_("remove this <include>: a part is included by the report or by another part, never by itself"));
        return true;
    }
    char chain[1024];
    size_t n = 0;
    n += (size_t)snprintf(chain, sizeof chain, "%s", p->reading[k].shown);
    for (int j = k + 1; j <= p->depth && n < sizeof chain; j++)
        n += (size_t)snprintf(chain + n, sizeof chain - n, "%s%s", j == k + 1 ? _(" includes ") : _(", which includes "),
                              p->reading[j].shown);
    if (n < sizeof chain)
        snprintf(chain + n, sizeof chain - n, _(", which includes %s again"), shown);
    ERR(at, _("the parts include each other: %s"), chain);
    HINT(_("a part may include other parts, but never one that includes it; remove this <include>"));
    return true;
}

/* The part file the <include> `at` names as `src`, found and read like
 * an image (relative to the including file, inside the report's folder
 * unless --allow-paths), not already being read, and parsed; NULL with
 * an error at the <include> if not (a part that is not well-formed is
 * said at its own lines). Sets *shown to the name messages give it. */
static bool part_open(P *p, const Node *at, const char *src, XmlFile *f, const char **shown, const char **real)
{
    if (p->depth >= RP_MAX_PART_DEPTH) {
        ERR(at, _("parts are included %d deep here; rapport reads parts included at most %d deep"),
            p->depth + 1, RP_MAX_PART_DEPTH);
        HINT(_("include the parts from the report itself, rather than each from the one before"));
        return false;
    }
    /* every <include> counts, read or not: a thousand that fail must
     * not read a file a thousand times */
    if (++p->includes > RP_MAX_PARTS) {
        if (p->includes == RP_MAX_PARTS + 1) {
            ERR(at, _("the report includes more than %d parts"), RP_MAX_PARTS);
            HINT(_("a report is written in a few dozen parts at most; is one part included over and over?"));
        }
        return false;
    }
    const char *why = NULL;
    const char *path = files_resolve_in(p->rp, p->dir, p->root_dir, NULL, src, &why);
    char rpath[PATH_MAX];
    if (path && !realpath(path, rpath))
        path = NULL, why = strerror(errno);
    if (!path) {
        ERR(at, _("the part \"%s\" cannot be used: %s"), src, why);
        if (files_outside(why))
            HINT(_("put the part in the report's folder (or a folder inside it); --allow-paths lifts this rule"));
        else if (hint_near(p, src, ".xml"))
            ;                   /* "did you mean del-ok.xml?" */
        else
            HINT(_("the path is relative to the folder of %s, the file that includes it; check the name"),
                 model_source(at, p->rep));
        return false;
    }
    *shown = strcmp(p->dir, ".") == 0 || src[0] == '/' ? src : path;
    *real = arena_strdup(&p->rp->arena, rpath);
    if (part_cycle(p, at, *real, *shown))
        return false;
    if (p->over_work)
        return false;                   /* said at the part that went over */
    size_t len;
    unsigned char *data = files_load(p->rp, path, (size_t)RP_MAX_INPUT_BYTES, &len, &why);
    if (!data) {
        ERR(at, _("the part \"%s\" cannot be read: %s"), src, why);
        HINT(_("the part must be a file rapport may read; check its name and its permissions"));
        return false;
    }
    /* what it needs at least, before it is parsed (xmlread_parse adds its
     * table cells): the parts together stay within one report's memory */
    int64_t least = (int64_t)len * RP_WORK_PER_INPUT_BYTE;
    int r = p->work + least > RP_MAX_WORK_BYTES ? (p->work += least, 1)
                                                : xmlread_parse(p->rp, f, *shown, (const char *)data, len, rp_report_rng,
                                                                rp_report_rng_len);
    free(data);
    if (r < 0)
        return false;
    if (r == 0)
        p->work += f->work;
    if (p->work > RP_MAX_WORK_BYTES) {
        if (r == 0)
            xmlread_close(f);
        p->over_work = true;
        ERR(at, _("the report with its parts would need about %lld MB of memory to lay out; "
            "rapport takes at most %ld MB for one report"), (long long)(p->work >> 20), RP_MAX_WORK_BYTES >> 20);
        HINT(_("split it into several reports, or its long tables into tables of their own"));
        return false;
    }
    return true;
}

/* <include src="del.xml"/>: the sections and blocks of the part it names
 * built into `parent` where the <include> stands, as if written there,
 * each node remembering the part's file (Node.file) for messages. The
 * part is checked against the schema (its <part> start) and then as the
 * report is, at its own file's lines; the files it names are found from
 * its own folder. */
static void build_part(P *p, xmlNodePtr x, Node *parent, int level)
{
    if (parent->kind != N_REPORT && parent->kind != N_SECTION && parent->kind != N_GOAL &&
        parent->kind != N_APPENDIX && parent->kind != N_LANDSCAPE)
        return;                             /* in a cell or an item: the schema said so */
    const char *src = attr(p, x, "src");
    if (!src || !*src)
        return;                             /* the schema said so */
    Node at = here(p, x);
    XmlFile f;
    const char *shown, *real;
    if (!part_open(p, &at, src, &f, &shown, &real))
        return;
    xmlNodePtr root = xmlDocGetRootElement(f.doc);
    if (strcmp((const char *)root->name, "part") != 0) {
        if (strcmp((const char *)root->name, "report") == 0) {
            ERR(&at, _("\"%s\" is a whole report, not a part"), src);
            HINT(_("a part starts with <part> and holds only sections and blocks: move them from its <report> "
                 "into a <part>, or render it as a report of its own"));
        } else {
            ERR(&at, _("\"%s\" is not a part of a report: it starts with <%s>"), src, (const char *)root->name);
            HINT(_("a part starts with <part> and holds sections and blocks, e.g. <part><section>...</section></part>"));
        }
        xmlread_close(&f);
        return;
    }
    /* the part's root stands where the <include> does: elements nested
     * too deep for one file are too deep across files too */
    int above = p->above;
    for (xmlNodePtr a = x->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
        above++;
    xmlNodePtr deep = xmlread_too_deep(root, above + 1);
    if (deep) {
        diag_add(&p->rp->diags, DIAG_ERROR, shown, xmlread_line(deep), xmlread_col(deep),
                 _("a list inside a list inside a list ... cannot be read on paper; flatten the structure"),
                 _("<%s> is nested more than %d elements deep, counting those around the <include> of this part"),
                 (const char *)deep->name, RP_MAX_XML_DEPTH);
        xmlread_close(&f);
        return;
    }
    Count count = { p->rp, shown, 0, p->footnotes };
    count_inline(&count, root);
    p->footnotes = count.footnotes;
    if (count.over) {
        xmlread_close(&f);
        return;
    }
    /* a part included a second time says what it said the first time
     * again: that is forgotten below (its ids clash, said once) */
    bool again = false;
    for (int k = 0; k < p->reals.n && !again; k++)
        again = !strcmp(p->reals.v[k], real);
    VEC_PUSH(&p->rp->arena, p->reals, real);
    int said = p->rp->diags.n;
    xmlread_validate(p->rp, &f, "report", rp_report_rng, rp_report_rng_len);
    unsigned char h[16];
    content_id(f.src, f.len, h);          /* another part, another document */
    for (int b = 0; b < 16; b++)
        p->rep->id[b] ^= h[b];
    const char *file = p->file, *dir = p->dir;
    int fileno = p->fileno;
    VEC_PUSH(&p->rp->arena, p->files, shown);
    p->rep->files = p->files.v;
    p->rep->nfiles = p->files.n;
    p->file = shown;
    p->fileno = p->files.n - 1;
    p->dir = files_dir(&p->rp->arena, shown);
    p->reading[++p->depth] = (Reading){ real, shown };
    int above_include = p->above;
    p->above = above;
    part_fits(p, root, parent, &at);
    build_blocks(p, root, parent, level);
    p->above = above_include;
    p->depth--;
    p->file = file;
    p->dir = dir;
    p->fileno = fileno;
    xmlread_close(&f);
    if (again)
        diags_forget_repeats(&p->rp->diags, said);
}

/* A goal without a status where the report's other goals have one: most
 * often an assessment forgotten, which would print as no marker and no
 * word, silently. (A plan's goals, none of which has a status, are not
 * assessed yet: nothing to say.) */
static void unassessed_goals(P *p)
{
    if (!p->assessed)
        return;
    char goal[256];
    list_statuses(p, false, goal, sizeof goal);
    for (int i = 0; i < p->unassessed.n; i++) {
        Node *g = p->unassessed.v[i];
        char title[160];
        const Node *h = model_heading(g);
        if (h)
            model_plain_text(h, title, sizeof title);
        else
            snprintf(title, sizeof title, "%s", "");
        diag_add(&p->rp->diags, DIAG_WARNING, model_source(g, p->rep), g->line, g->col, NULL,
                 P_("the goal \"%s\" has no status, unlike the report's other goal: it is printed "
                    "without a marker or an assessment",
                    "the goal \"%s\" has no status, unlike the report's %d other goals: it is printed "
                    "without a marker or an assessment", p->assessed), title, p->assessed);
        diag_hint(&p->rp->diags, _("give it one of the layout's goal statuses: %s"), goal);
    }
}


/* Whether an error was said inside the report's <meta> already (its
 * missing or misspelt <title>: "<meta> has <titel> where it needs
 * <title>"), which the report's lack of a title only repeats. */
static bool meta_said(P *p, xmlNodePtr root)
{
    xmlNodePtr meta = NULL, after = NULL;
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (c->type == XML_ELEMENT_NODE && !meta && is_el(c, "meta"))
            meta = c;
        else if (c->type == XML_ELEMENT_NODE && meta && !after)
            after = c;
    if (!meta)
        return false;
    int from = xmlread_line(meta), to = after ? xmlread_line(after) : INT_MAX;
    const Diags *d = &p->rp->diags;
    for (int i = 0; i < d->n; i++)
        if (d->v[i].level == DIAG_ERROR && d->v[i].file == p->file && d->v[i].line >= from && d->v[i].line <= to)
            return true;
    return false;
}

Report *parse_report(Rp *rp, const char *path, const char *data, size_t len,
                     const char *layout_opt, Layout **layout_out)
{
    unsigned char rep_id[16];
    *layout_out = NULL;
    XmlFile f;
    if (xmlread_parse(rp, &f, path, data, len, rp_report_rng, rp_report_rng_len) != 0)
        return NULL;
    xmlNodePtr root = xmlDocGetRootElement(f.doc);
    /* Validation takes time with the square of the inline elements in
     * one block, pagination with the square of the footnotes: their
     * numbers are checked first, and are final. */
    Count count = { rp, path, 0, 0 };
    count_inline(&count, root);
    if (count.over) {
        xmlread_close(&f);
        return NULL;
    }
    /* Schema errors do not stop here: the model is still built (it copes
     * with anything well-formed), so the checks only it can make
     * (statuses, references, numbers) are reported in the same run.
     * The schema may be being compiled beside us (rp_engine_prepare_beside). */
    engine_wait(rp->engine, ENGINE_REPORT_SCHEMA);
    xmlread_validate(rp, &f, "report", rp_report_rng, rp_report_rng_len);
    if (strcmp((const char *)root->name, "part") == 0)
        diag_add(&rp->diags, DIAG_ERROR, path, xmlread_line(root), xmlread_col(root),
                 _("render the report that includes it with <include src=\"...\"/>; a report starts with <report>"),
                 _("this file is a part of a report (<part>), not a report"));
    if (strcmp((const char *)root->name, "report") != 0) {
        xmlread_close(&f);
        return NULL;
    }
    P p = { .rp = rp, .file = path, .work = f.work, .footnotes = count.footnotes };
    map_init(&p.ids, &rp->arena, 1);
    map_init(&p.images, &rp->arena, 1);
    content_id(f.src, f.len, rep_id);
    p.dir = p.root_dir = data ? "." : files_dir(&rp->arena, path);
    char real[PATH_MAX];
    p.reading[0] = (Reading){ !data && realpath(path, real) ? arena_strdup(&rp->arena, real) : NULL, path };
    Report *rep = ARENA_NEW(&rp->arena, Report);
    memcpy(rep->id, rep_id, 16);
    p.rep = rep;
    rep->file = path;
    VEC_PUSH(&rp->arena, p.files, path);
    rep->files = p.files.v;
    rep->nfiles = p.files.n;
    rep->type = attr(&p, root, "type");
    if (!rep->type)
        rep->type = "rapport";
    rep->lang = checked_lang(&p, root);
    rep->layout_name = attr(&p, root, "layout");
    const char *lname = layout_opt ? layout_opt : rep->layout_name ? rep->layout_name : "linkoping";
    engine_wait(rp->engine, ENGINE_SCHEMAS);        /* the layout's schema */
    p.layout = layout_load(rp, lname, data ? NULL : path, xmlread_line(root), xmlread_col(root),
                           !layout_opt && rep->layout_name);
    if (!p.layout) {          /* layout_load said why */
        xmlread_close(&f);
        return NULL;
    }
    if (p.layout->cover_logo.image) {
        /* the layout's logo is the report's first image: numbered and
         * counted like a figure's; its index is 0, as image_load left it
         * (the layout is not written to: runs of an engine share it) */
        rep->nimages++;
        p.image_bytes += p.layout->cover_logo.image->len;
    }
    rep->root = new_node(&p, N_REPORT, root);
    for (xmlNodePtr c = root->children; c; c = c->next)
        if (is_el(c, "meta"))
            build_meta(&p, c);
    build_blocks(&p, root, rep->root, 0);
    resolve_refs(&p);
    unassessed_goals(&p);
    if (p.includes)       /* a part included twice: its references are resolved twice */
        diags_forget_repeats(&rp->diags, 0);
    if (!rep->meta.title && !meta_said(&p, root))
        precise_error(&p, rep->root, _("a report starts with <meta><title>...</title></meta>"),
                      _("the report has no <meta> with a <title>"));
    xmlread_close(&f);
    if (diag_errors(&rp->diags))
        return NULL;
    model_check(rep, p.layout->nstatuses);
    *layout_out = p.layout;
    return rep;
}

void parse_init(void)
{
    xmlInitParser();
    /* RELAX NG's datatype libraries, and XML Schema's types they use,
     * are set up by the first schema compiled, unlocked: two threads
     * compiling at once (a run beside the engine's) set them up twice
     * ("Relax-NG types library failed to register" on stderr, and a
     * leak) */
    xmlRelaxNGInitTypes();
    xmlSchemaInitTypes();
}

void parse_prepare(Rp *rp)
{
    /* the report's first: a run waits for it to validate, and for the
     * layout's only after (engine_reached: for a run beside) */
    xmlread_prepare(rp, "report", rp_report_rng, rp_report_rng_len);
    engine_reached(rp->engine, ENGINE_REPORT_SCHEMA);
    xmlread_prepare(rp, "layout", rp_layout_rng, rp_layout_rng_len);
    engine_reached(rp->engine, ENGINE_SCHEMAS);
}
