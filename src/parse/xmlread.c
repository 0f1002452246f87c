/*
 * xmlread.c - safe XML reading and libxml2 messages turned into
 * diagnostics (parse stage). See xmlread.h.
 */
#include "xmlread.h"
#include "files.h"
#include "xmlmsg.h"
#include "../base/engine.h"
#include "../base/limits.h"
#include "../base/i18n.h"
#include "../base/utf8.h"

#include <errno.h>
#include <iconv.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlerror.h>
#include <stdint.h>
#include <stdio.h>
#include <stdbool.h>
#include <fcntl.h>
#include <string.h>
#include <strings.h>
#include <limits.h>
#include <sys/stat.h>
#include <unistd.h>

/* Where an element's start tag begins, found by the column scan. */
typedef struct Pos {
    int         line, col;
    const char *src, *end;  /* a text node's source from where it begins (its entities as written) */
} Pos;

int xmlread_line(const xmlNode *n)
{
    if ((n->type == XML_ELEMENT_NODE || n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
        n->_private)
        return ((const Pos *)n->_private)->line;
    long l = xmlGetLineNo((xmlNodePtr)n);
    return l > 0 ? (int)l : 0;
}

const char *xmlread_source(const xmlNode *n, const char **end)
{
    if (n->type != XML_TEXT_NODE || !n->_private || !((const Pos *)n->_private)->src)
        return NULL;
    /* a file in another encoding (Latin-1, UTF-16) holds other bytes than
     * the text libxml2 made of them: not walked beside it */
    const xmlChar *enc = n->doc ? n->doc->encoding : NULL;
    if (enc && strcasecmp((const char *)enc, "UTF-8") != 0)
        return NULL;
    *end = ((const Pos *)n->_private)->end;
    return ((const Pos *)n->_private)->src;
}

int xmlread_col(const xmlNode *n)
{
    if ((n->type != XML_ELEMENT_NODE && n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE) ||
        !n->_private)
        return 0;
    return ((const Pos *)n->_private)->col;
}

/* ---- columns ---------------------------------------------------------- */

/* Columns are counted in characters, as editors count them: a byte that
 * continues a UTF-8 character (10xxxxxx) adds nothing. The scan below
 * finds bytes; this turns them into characters (libxml2's own messages
 * count characters already). */
static int chars_between(const char *s, size_t from, size_t to)
{
    size_t i = from, cont = 0;
    /* eight bytes at a time: a continuation byte is 10xxxxxx, its top
     * bit set and the next one clear */
    for (; i + 8 <= to; i += 8) {
        uint64_t w;
        memcpy(&w, s + i, 8);
        cont += (size_t)__builtin_popcountll(w & ~(w << 1) & 0x8080808080808080ull);
    }
    for (; i < to; i++)
        cont += ((unsigned char)s[i] & 0xC0) == 0x80;
    return (int)(to - from - cont);
}

typedef struct ColScan {
    Arena      *arena;
    const char *src;
    size_t      len;
    size_t     *line_start;   /* offset of each line, 1-based index */
    int         nlines;
    size_t      pos;          /* scan position, only moves forward */
    size_t      col_at;       /* the last place a column was counted for, */
    int         col_line;     /* its line and its column in characters: */
    int         col;          /* the next count starts there (linear in all) */
    bool        one_byte;     /* the file is in a one-byte encoding: a byte
                                 is a character (in MacRoman, å is 0x8C) */
} ColScan;

/* The column in characters of byte offset p of line `line`. The places
 * asked for move forward, so each count goes on from the last one: a
 * file of one long line costs no more than one of many. */
static int char_col(ColScan *s, int line, size_t p)
{
    if (line != s->col_line || p < s->col_at) {
        s->col_line = line;
        s->col_at = s->line_start[line];
        s->col = 1;
    }
    s->col += s->one_byte ? (int)(p - s->col_at) : chars_between(s->src, s->col_at, p);
    s->col_at = p;
    return s->col;
}

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

/* The offset just past the '>' that ends the tag starting at p (quoted
 * attribute values may hold '>'); *selfclose says "/>". */
static size_t tag_end(const ColScan *s, size_t p, bool *selfclose)
{
    char quote = 0;
    for (; p < s->len; p++) {
        char c = s->src[p];
        if (quote) {
            if (c == quote)
                quote = 0;
        } else if (c == '"' || c == '\'') {
            quote = c;
        } else if (c == '>') {
            *selfclose = p > 0 && s->src[p - 1] == '/';
            return p + 1;
        }
    }
    *selfclose = true;
    return s->len;
}

static Pos *pos_at(ColScan *s, size_t p)
{
    Pos *pos = ARENA_NEW(s->arena, Pos);
    pos->line = line_of(s, p);
    pos->col = char_col(s, pos->line, p);
    return pos;
}

/* Where each element's start tag and each text begins: one scan of the
 * source in document order, following the tree (linear in the file). */
static void assign_cols(ColScan *s, xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type == XML_TEXT_NODE) {
            Pos *pos = pos_at(s, s->pos);          /* it starts where the last tag ended */
            pos->src = s->src + s->pos;
            pos->end = s->src + s->len;
            n->_private = pos;
            continue;
        }
        if (n->type == XML_COMMENT_NODE || n->type == XML_CDATA_SECTION_NODE || n->type == XML_PI_NODE) {
            const char *close = n->type == XML_COMMENT_NODE ? "-->" : n->type == XML_PI_NODE ? "?>" : "]]>";
            const char *hit = s->pos < s->len ? strstr(s->src + s->pos, close) : NULL;
            if (n->type == XML_CDATA_SECTION_NODE && s->pos + 9 <= s->len)
                n->_private = pos_at(s, s->pos + 9);   /* after "<![CDATA[" */
            if (hit)
                s->pos = (size_t)(hit - s->src) + strlen(close);
            continue;
        }
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
        bool selfclose = true, found = false;
        while (p + nl + 1 < s->len && p < end) {
            const char *lt = memchr(s->src + p, '<', (end < s->len ? end : s->len) - p);
            if (!lt)
                break;
            p = (size_t)(lt - s->src);
            if (p + nl + 1 >= s->len)
                break;
            if (memcmp(s->src + p + 1, n->name, nl) == 0) {
                char after = s->src[p + 1 + nl];
                if (after == ' ' || after == '>' || after == '/' || after == '\t' ||
                    after == '\n' || after == '\r') {
                    pos->line = line_of(s, p);
                    pos->col = char_col(s, pos->line, p);
                    s->pos = tag_end(s, p + 1, &selfclose);
                    found = true;
                    break;
                }
            }
            p++;
        }
        n->_private = pos;
        if (depth <= RP_MAX_XML_DEPTH)      /* one deeper: the first too deep has its place */
            assign_cols(s, n->children, depth + 1);
        if (found && !selfclose) {
            /* past the end tag, where the next sibling's text begins */
            size_t q = s->pos;
            while (q + nl + 2 < s->len && !(s->src[q] == '<' && s->src[q + 1] == '/' &&
                                             memcmp(s->src + q + 2, n->name, nl) == 0)) {
                const char *lt = memchr(s->src + q + 1, '<', s->len - q - 1);
                q = lt ? (size_t)(lt - s->src) : s->len;
            }
            if (q + nl + 2 < s->len)
                s->pos = tag_end(s, q + 2, &selfclose);
        }
    }
}

/* Where each line of the file starts, for the column scan. */
static void line_starts(ColScan *s)
{
    int lines = 1;
    const char *end = s->src + s->len;
    for (const char *q = s->src; (q = memchr(q, '\n', (size_t)(end - q))); q++)
        lines++;
    s->line_start = ARENA_ARRAY(s->arena, size_t, lines + 2);
    s->nlines = lines;
    s->line_start[1] = 0;
    size_t l = 1;
    for (const char *q = s->src; (q = memchr(q, '\n', (size_t)(end - q))); q++)
        s->line_start[++l] = (size_t)(q - s->src) + 1;
}

xmlNodePtr xmlread_too_deep(xmlNodePtr n, int depth)
{
    for (; n; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        if (depth > RP_MAX_XML_DEPTH)
            return n;
        xmlNodePtr d = xmlread_too_deep(n->children, depth + 1);
        if (d)
            return d;
    }
    return NULL;
}

/* ---- reading ---------------------------------------------------------- */

static char *read_file(Rp *rp, const char *path, size_t *len)
{
    /* opened without blocking: a FIFO or a device is refused, never waited on */
    int fd = open(path, O_RDONLY | O_NONBLOCK);
    FILE *fp = fd >= 0 ? fdopen(fd, "rb") : NULL;
    if (!fp) {
        if (fd >= 0)
            close(fd);
        int err = errno;
        diag_error(&rp->diags, path, 0, 0, _("cannot open the file: %s"), strerror(err));
        const char *near = err == ENOENT ? files_near(&rp->arena, path, ".xml") : NULL;
        char to[PATH_MAX];
        ssize_t tn;
        struct stat ls;
        if (err == ENOENT && lstat(path, &ls) == 0 && S_ISLNK(ls.st_mode) && (tn = readlink(path, to, sizeof to - 1)) > 0) {
            to[tn] = 0;         /* a link to a drive not mounted, a file moved: an archivist's batch */
            diag_hint(&rp->diags, _("it is a link to %s, which is not there (a drive not connected, a file moved?)"), to);
        } else if (near)
            diag_hint(&rp->diags, _("did you mean %s?"), near);
        else if (err == ENOENT && !strchr(path, '.') && !strchr(path, '/'))
            /* a word where a file was wanted ("rapport hjälp": a new user) */
            diag_hint(&rp->diags, _("a report's file name ends in .xml; 'rapport --help' lists what rapport takes"));
        return NULL;
    }
    struct stat st;
    if (fstat(fileno(fp), &st) == 0 && S_ISDIR(st.st_mode)) {
        fclose(fp);
        diag_error(&rp->diags, path, 0, 0, _("this is a folder, not a report file"));
        return NULL;
    }
    if (fstat(fileno(fp), &st) != 0 || !S_ISREG(st.st_mode)) {
        fclose(fp);
        diag_add(&rp->diags, DIAG_ERROR, path, 0, 0, _("give rapport the file itself"),
                 _("this is not a regular file (a pipe, a device or a socket)"));
        return NULL;
    }
    if (fstat(fileno(fp), &st) == 0 && st.st_size > RP_MAX_INPUT_BYTES) {
        fclose(fp);
        diag_error(&rp->diags, path, 0, 0,
                   _("the file is %lld bytes; rapport reads files up to %ld bytes"),
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
                           _("the file is larger than %ld bytes, the most rapport reads"),
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
        diag_error(&rp->diags, path, 0, 0, _("cannot read the file"));
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
            *col = chars_between(s, ls, i) + 1;
            return 1;
        }
        return 0;           /* the first element: no DTD before it */
    }
    return 0;
}

/* The encoding the file's declaration names (<?xml ... encoding="..."?>),
 * into name[0..cap) with its column (line 1) in *col; false if it names
 * none. */
static bool declared_encoding(const char *s, size_t n, char *name, size_t cap, int *col)
{
    if (n < 6 || memcmp(s, "<?xml", 5) != 0)
        return false;
    const char *end = memchr(s, '>', n < 200 ? n : 200), *e = s;
    while (end && e + 8 < end && memcmp(e, "encoding", 8) != 0)
        e++;
    if (!end || e + 8 >= end)
        return false;
    e += 8;
    while (e < end && (*e == ' ' || *e == '='))
        e++;
    if (e >= end || (*e != '"' && *e != '\''))
        return false;
    char quote = *e++;
    const char *close = memchr(e, quote, (size_t)(end - e));
    if (!close || close == e || (size_t)(close - e) >= cap)
        return false;
    memcpy(name, e, (size_t)(close - e));
    name[close - e] = 0;
    *col = (int)(e - s) + 1;
    return true;
}

/* An encoding's name as ICU compares names (ucnv_compareNames): letters
 * and digits only, in lower case, without a zero that begins a number
 * ("ISO_8859-01": iso88591), into buf[0..cap). Its length. */
static size_t squeeze_name(const char *name, char *buf, size_t cap)
{
    size_t k = 0;
    bool after_digit = false;
    for (const char *q = name; *q && k + 1 < cap; q++) {
        bool digit = *q >= '0' && *q <= '9', letter = (*q | 0x20) >= 'a' && (*q | 0x20) <= 'z';
        if (!digit && !letter) {
            after_digit = false;
            continue;
        }
        if (*q == '0' && !after_digit && q[1] >= '0' && q[1] <= '9')
            continue;
        if (*q != '0')
            after_digit = digit;
        buf[k++] = digit ? *q : (char)(*q | 0x20);
    }
    buf[k] = 0;
    return k;
}

/* The file says it is in a one-byte character set, Latin-1 or
 * Windows-1252 (its declaration `name`), but its letters are UTF-8: an
 * editor saved it as UTF-8 under a declaration copied from elsewhere.
 * Read as declared, "Läs" would print "LÃ¤s"; a file in Latin-1 whose
 * bytes all happen to be UTF-8, with a letter beyond ASCII, does not
 * occur in Swedish text (Ã followed by a symbol). A file that begins
 * with UTF-8's byte order mark (Notepad's "UTF-8") and is UTF-8
 * throughout is UTF-8 whatever other encoding it declares. `sq` is the
 * declared name squeezed (squeeze_name). */
static bool utf8_declared_otherwise(const char *s, size_t n, const char *sq, bool bom)
{
    static const char *const one_byte[] = { "iso88591", "latin1", "l1", "isolatin1", "iso885915", "latin9",
                                            "windows1252", "cp1252" };
    bool said = bom && strncmp(sq, "utf", 3) != 0 && strncmp(sq, "ucs", 3) != 0;
    for (size_t k = 0; k < sizeof one_byte / sizeof *one_byte && !said; k++)
        said = !strcmp(sq, one_byte[k]);
    if (!said)
        return false;
    bool beyond = false;            /* (the byte order mark apart) */
    for (size_t i = bom ? 3 : 0; i < n;) {
        size_t at = i;
        uint32_t c = utf8_next(s, n, &i);
        if (c == 0xFFFD && !(i - at == 3 && (unsigned char)s[at] == 0xEF))
            return false;                /* not UTF-8: the declaration is right */
        beyond |= c >= 0x80;
    }
    return beyond;
}

static bool iconv_knows(const char *name)
{
    iconv_t cd = iconv_open("UTF-8", name);
    if (cd == (iconv_t)-1)
        return false;
    iconv_close(cd);
    return true;
}

/* iconv's name for the squeezed name f, into buf: f itself, or as iconv
 * spells it otherwise; NULL if iconv has none. */
static const char *iconv_form(const char *f, char *buf, size_t cap)
{
    static const char *const spelt[][2] = {
        { "macroman", "MACINTOSH" },          { "macce", "MAC-CENTRALEUROPE" },
        { "maccentraleurope", "MAC-CENTRALEUROPE" }, { "usascii", "US-ASCII" },
        { "isolatin9", "ISO-8859-15" },       { "cp923", "ISO-8859-15" },
        { "ibm923", "ISO-8859-15" },          { "ibm5348", "CP1252" },
    };
    size_t n = strlen(f);
    if (n == 0 || n + 2 > cap)
        return NULL;
    if (iconv_knows(f))
        return memcpy(buf, f, n + 1);
    for (size_t k = 0; k < sizeof spelt / sizeof *spelt; k++)
        if (!strcmp(f, spelt[k][0]))
            return snprintf(buf, cap, "%s", spelt[k][1]) < (int)cap ? buf : NULL;
    /* "windows1250": WINDOWS-1250; "ibm1252": CP1252 */
    if (!strncmp(f, "windows", 7) && f[7] >= '0' && f[7] <= '9')
        snprintf(buf, cap, "windows-%s", f + 7);
    else if (!strncmp(f, "ibm", 3) && f[3] >= '0' && f[3] <= '9')
        snprintf(buf, cap, "cp%s", f + 3);
    else
        return NULL;
    return iconv_knows(buf) ? buf : NULL;
}

/* The name iconv knows for an encoding declared by a name it does not:
 * rapport's libxml2 reads what it does not read itself through iconv
 * alone (src/cli/noicu.c), and ICU, which libxml2 asked last, took names
 * that iconv does not ("Latin-1", "MacRoman", "x-mac-roman", "IBM-850",
 * "x-sjis"). Compared as ICU compares them (`sq`, the name squeezed),
 * also without the "x-" or "cs" before a name. NULL: iconv has no such
 * encoding. */
static const char *encoding_alias(const char *sq, char *buf, size_t cap)
{
    const char *forms[] = { sq, sq[0] == 'x' ? sq + 1 : "", !strncmp(sq, "cs", 2) ? sq + 2 : "" };
    for (size_t k = 0; k < sizeof forms / sizeof *forms; k++) {
        const char *got = iconv_form(forms[k], buf, cap);
        if (got)
            return got;
    }
    return NULL;
}

/* A file that is no report at all (a PDF, a Word document, nothing),
 * said so: true. */
static bool not_a_report(Rp *rp, const XmlFile *f, const char *path)
{
    if (f->len >= 5 && !memcmp(f->src, "%PDF-", 5)) {
        diag_add(&rp->diags, DIAG_ERROR, path, 0, 0, _("give rapport the .xml file the PDF is made from"),
                 _("this is a PDF, not a report"));
        return true;
    }
    if (f->len >= 4 && !memcmp(f->src, "PK\x03\x04", 4)) {
        diag_add(&rp->diags, DIAG_ERROR, path, 0, 0,
                 _("rapport --import FILE.docx makes a report of a Word document; a report is saved as .xml text"),
                 _("this is a Word document or another zip file, not a report"));
        return true;
    }
    if (f->len == 0) {
        diag_add(&rp->diags, DIAG_ERROR, path, 0, 0, _("the file has no report in it"),
                 _("the file is empty"));
        return true;
    }
    return false;
}

/* The encoding to read f in, over its declaration: UTF-8 where it is
 * UTF-8 declared otherwise (said as a warning), the name iconv knows for
 * one it does not know by the name written (encoding_alias), else NULL
 * (as declared). buf holds the name returned. */
static const char *read_as(Rp *rp, const XmlFile *f, const char *path, char *buf, size_t cap)
{
    char name[64], sq[64];
    int col;
    size_t bom = f->len >= 3 && !memcmp(f->src, "\xEF\xBB\xBF", 3) ? 3 : 0;
    if (!declared_encoding(f->src + bom, f->len - bom, name, sizeof name, &col))
        return NULL;
    squeeze_name(name, sq, sizeof sq);
    if (utf8_declared_otherwise(f->src, f->len, sq, bom > 0)) {
        diag_add(&rp->diags, DIAG_WARNING, path, 1, col, _("write encoding=\"UTF-8\" in the first line, as the file is saved"),
                 _("the file says it is in %s, but its letters are written in UTF-8: it is read as UTF-8"), name);
        return "UTF-8";
    }
    /* the names libxml2 reads itself, and those iconv knows, as they are */
    if (xmlParseCharEncoding(name) != XML_CHAR_ENCODING_ERROR || iconv_knows(name))
        return NULL;
    return encoding_alias(sq, buf, cap);
}

int xmlread_parse(Rp *rp, XmlFile *f, const char *path, const char *data, size_t len, const char *rng,
                  size_t rnglen)
{
    memset(f, 0, sizeof *f);
    f->path = path;
    if (data) {
        if (len > (size_t)RP_MAX_INPUT_BYTES) {
            diag_error(&rp->diags, path, 0, 0, _("the input is larger than %ld bytes"),
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
    /* a line that ends in CR alone (a file from an old Mac) ends there,
     * as XML reads it; libxml2 would count the whole file as line 1. Not
     * in UTF-16 or UTF-32, whose characters hold 0x0D bytes (č is 0D 01)
     * and which, unlike one-byte encodings, have NUL bytes in any text */
    char *end = f->src + f->len;
    if (!memchr(f->src, 0, f->len))
        for (char *r = f->src; (r = memchr(r, '\r', (size_t)(end - r))); r++)
            if (r + 1 == end || r[1] != '\n')
                *r = '\n';
    if (not_a_report(rp, f, path))
        return -1;
    /* Refused now rather than killed for memory half-way through. */
    int64_t cells = 0;
    for (const char *q = f->src; (q = memchr(q, '<', (size_t)(end - q))); q++)
        cells += end - q >= 5 && memcmp(q, "<cell", 5) == 0;
    int64_t need = (int64_t)f->len * RP_WORK_PER_INPUT_BYTE + cells * RP_WORK_PER_CELL;
    f->work = need;
    if (need > RP_MAX_WORK_BYTES) {
        diag_add(&rp->diags, DIAG_ERROR, path, 0, 0,
                 _("split it into several reports, or its long tables into several tables in reports of their own"),
                 _("this report (%lld table cells, %lld bytes) would need about %lld MB of memory to lay out; "
                 "rapport takes at most %ld MB for one report"),
                 (long long)cells, (long long)f->len, (long long)(need >> 20), RP_MAX_WORK_BYTES >> 20);
        return -1;
    }

    /* A DTD is refused before libxml2 sees it: no entity of it is ever
     * expanded or fetched. */
    int dl, dc;
    if (find_doctype(f->src, f->len, &dl, &dc)) {
        diag_add(&rp->diags, DIAG_ERROR, path, dl, dc,
                 _("delete the <!DOCTYPE ...> part; report files use no DTD and no entities"),
                 _("a <!DOCTYPE> declaration is not allowed in a report"));
        return -1;
    }
    XmlMsgs ms;
    xmlmsg_begin(&ms, rp, path, "report", rng, rnglen);
    ms.src = f->src;
    ms.srclen = f->len;
    char encoding[64];
    xmlParserCtxtPtr ctxt = xmlNewParserCtxt();
    if (!ctxt)
        rp_oom(sizeof(xmlParserCtxt));
    xmlSetStructuredErrorFunc(&ms, xmlmsg_on_error);
    /* No network, no DTD loading, no entity substitution: a report can
     * neither reach outside itself nor expand into a billion laughs. */
    int opts = XML_PARSE_NONET | XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
    const char *as = read_as(rp, f, path, encoding, sizeof encoding);
    if (as)
        opts |= XML_PARSE_IGNORE_ENC;   /* read as `as` says, not as declared */
    f->doc = xmlCtxtReadMemory(ctxt, f->src, (int)f->len, path, as, opts);
    xmlFreeParserCtxt(ctxt);
    xmlSetStructuredErrorFunc(NULL, NULL);
    if (!f->doc || ms.errors > 0) {
        if (f->doc)
            xmlFreeDoc(f->doc);
        f->doc = NULL;
        if (ms.errors == 0)
            diag_add(&rp->diags, DIAG_ERROR, path, 0, 0,
                     _("open it in an editor that checks XML, or compare it with the example in README.md"),
                     _("the file is not well-formed XML"));
        return -1;
    }
    if (f->doc->intSubset || f->doc->extSubset) {    /* belt and braces */
        xmlNodePtr dt = (xmlNodePtr)f->doc->intSubset;
        diag_add(&rp->diags, DIAG_ERROR, path, dt ? xmlread_line(dt) : 0, 0,
                 _("delete the <!DOCTYPE ...> line; report files use no DTD"),
                 _("a <!DOCTYPE> declaration is not allowed in a report"));
        xmlFreeDoc(f->doc);
        f->doc = NULL;
        return -1;
    }
    /* The document forgets its file name (messages take it from f->path):
     * for each error at a node libxml2 otherwise looks for an XInclude
     * base back through every node before it, which made 10 000 errors
     * among siblings take seconds (quadratic) */
    xmlFree((xmlChar *)f->doc->URL);
    f->doc->URL = NULL;
    xmlNodePtr root = xmlDocGetRootElement(f->doc);
    ColScan cs = { &rp->arena, f->src, f->len, NULL, 0, 0, 0, 0, 1, false };
    const char *enc = (const char *)f->doc->encoding;
    cs.one_byte = enc && strncasecmp(enc, "UTF", 3) != 0 && strncasecmp(enc, "UCS", 3) != 0;
    line_starts(&cs);
    assign_cols(&cs, root, 1);
    xmlNodePtr deep = xmlread_too_deep(root, 1);
    if (deep) {
        diag_add(&rp->diags, DIAG_ERROR, path, xmlread_line(deep), xmlread_col(deep),
                 _("a list inside a list inside a list ... cannot be read on paper; flatten the structure"),
                 _("<%s> is nested more than %d elements deep, the most rapport accepts"),
                 (const char *)deep->name, RP_MAX_XML_DEPTH);
        xmlFreeDoc(f->doc);
        f->doc = NULL;
        return -1;
    }
    return 0;
}

static void free_schema(void *p) { xmlRelaxNGFree(p); }

/* The schema of the format `kind` compiled: once per engine, or for
 * this run alone. */
static xmlRelaxNGPtr schema_of(Rp *rp, const char *kind, const char *rng, size_t rnglen)
{
    Arena *home = rp->engine ? engine_arena(rp->engine) : &rp->arena;
    xmlRelaxNGPtr schema = rp->engine ? engine_lookup(rp->engine, "schema", kind) : NULL;
    if (schema)
        return schema;
    /* not there while another thread fills the engine (it could not
     * compile it, or the run did not wait for it): the run's own */
    if (engine_busy(rp->engine))
        home = &rp->arena;
    /* not there (the engine's thread could not compile it): the engine
     * is ours to add to once that thread has ended */
    else
        engine_settle(rp->engine);
    xmlRelaxNGParserCtxtPtr pc = xmlRelaxNGNewMemParserCtxt(rng, (int)rnglen);
    schema = pc ? xmlRelaxNGParse(pc) : NULL;
    if (pc)
        xmlRelaxNGFreeParserCtxt(pc);
    if (schema) {
        arena_on_free(home, free_schema, schema);
        if (rp->engine && home != &rp->arena)
            engine_store(rp->engine, "schema", kind, schema);
    }
    return schema;
}

void xmlread_prepare(Rp *rp, const char *kind, const char *rng, size_t rnglen)
{
    schema_of(rp, kind, rng, rnglen);
}

/* What libxml2 rejects without a word of where: an attribute left empty
 * (alt="", name="") and a fact of <meta> with no text (<title></title>),
 * where the format wants a text. Each one found is said at its element;
 * returns how many. */
static int say_empty(Rp *rp, const XmlFile *f, xmlNodePtr n, int depth)
{
    int found = 0;
    for (; n && depth <= RP_MAX_XML_DEPTH; n = n->next) {
        if (n->type != XML_ELEMENT_NODE)
            continue;
        for (xmlAttrPtr a = n->properties; a; a = a->next) {
            xmlChar *v = xmlNodeGetContent((xmlNodePtr)a);
            /* only one left quite empty, which the format refuses where it
             * wants a text ("  " it takes); an empty href is the builder's */
            if ((!v || !*v) && strcmp((const char *)a->name, "href") != 0) {
                char msg[200], hint[200];
                xmlmsg_empty_attribute((const char *)a->name, (const char *)n->name, msg, sizeof msg, hint,
                                       sizeof hint);
                diag_add(&rp->diags, DIAG_ERROR, f->path, xmlread_line(n), xmlread_col(n), hint, "%s", msg);
                found++;
            }
            xmlFree(v);
        }
        if (n->parent && n->parent->type == XML_ELEMENT_NODE && !strcmp((const char *)n->parent->name, "meta")) {
            xmlChar *v = xmlNodeGetContent(n);
            if (!v || !*v) {
                char hint[200];
                const char *nm = (const char *)n->name;
                if (!strcmp(nm, "title"))
                    snprintf(hint, sizeof hint, _("write the report's title inside <%s>...</%s>"), nm, nm);
                else
                    snprintf(hint, sizeof hint, _("write its text inside <%s>...</%s>, or leave it out"), nm, nm);
                diag_add(&rp->diags, DIAG_ERROR, f->path, xmlread_line(n), xmlread_col(n), hint,
                         _("<%s> is empty"), (const char *)n->name);
                found++;
            }
            xmlFree(v);
        }
        found += say_empty(rp, f, n->children, depth + 1);
    }
    return found;
}

int xmlread_validate(Rp *rp, XmlFile *f, const char *kind, const char *rng, size_t rnglen)
{
    xmlRelaxNGPtr schema = schema_of(rp, kind, rng, rnglen);
    XmlMsgs ms;
    xmlmsg_begin(&ms, rp, f->path, kind, rng, rnglen);
    if (!schema) {
        /* The schema is compiled in; failing here is a bug of ours. */
        diag_add(&rp->diags, DIAG_ERROR, f->path, 0, 0, _("please report this to rapport's maintainers"),
                 _("internal error: the built-in %s schema does not compile"), kind);
        return 1;
    }
    xmlNodePtr root = xmlDocGetRootElement(f->doc);
    xmlRelaxNGValidCtxtPtr vc = xmlRelaxNGNewValidCtxt(schema);
    xmlRelaxNGSetValidStructuredErrors(vc, xmlmsg_on_error, &ms);
    int ret = xmlRelaxNGValidateDoc(vc, f->doc);
    xmlRelaxNGFreeValidCtxt(vc);
    xmlmsg_end(&ms, root);
    if (ret != 0 && ms.count == 0)
        ms.count = say_empty(rp, f, root, 1);
    if (ret != 0 && ms.count == 0) {
        diag_add(&rp->diags, DIAG_ERROR, f->path, root ? xmlread_line(root) : 0, root ? xmlread_col(root) : 0,
                 ms.layout ? _("layouts/linkoping.xml shows every element of a layout and where it stands")
                           : _("README.md, section \"Elements\", shows what each element holds and where it may stand"),
                 _("the %s does not follow the %s format"), _(kind), _(kind));
        ms.count = 1;
    }
    return ms.count;
}

void xmlread_close(XmlFile *f)
{
    if (f->doc)
        xmlFreeDoc(f->doc);
    f->doc = NULL;
}
