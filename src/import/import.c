/*
 * import.c - `rapport --import`: old reports from Word and OpenDocument.
 *
 * Each .docx or .odt goes through pandoc, which reads it and hands its
 * document tree to the writer import/rapport.lua (kept with the layouts
 * and fonts, found the same way: the data folder). The writer makes the
 * XML and marks in it, as comments, what it could not place. rapport
 * prints those comments as warnings at their lines, writes the file,
 * and checks it as it checks any report (schema, layout, sums).
 *
 * Invariants:
 *   1. An existing file is never replaced: the XML is written to a
 *      temporary file and linked to its name only if that name is free.
 *   2. The XML is written when pandoc could read the file, even if the
 *      check finds errors: it is the person's to correct (exit status 1
 *      says so). Nothing is written when pandoc failed.
 *   3. The renderer does not depend on pandoc: only this command runs it,
 *      and without it says which package to install.
 */
#define _GNU_SOURCE             /* memmem */
#include "import.h"
#include "../output.h"
#include "pandoc.h"
#include "../cli/batch.h"
#include "../cli/signals.h"
#include "../base/limits.h"
#include "../parse/files.h"
#include "../rapport.h"
#include "../base/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    N_("usage: rapport --import [options] REPORT.docx|REPORT.odt|FOLDER...\n"
    "\n"
    "Makes each Word (.docx) or OpenDocument (.odt) report a rapport report:\n"
    "REPORT.xml beside it, its pictures in the folder REPORT-media. The report\n"
    "is checked, and what is left to finish by hand is said as warnings (and\n"
    "as comments in the XML). A folder stands for every .docx and .odt file\n"
    "in it and in the folders inside it. An existing .xml is never replaced.\n"
    "Needs pandoc (Debian package pandoc).\n"
    "\n"
    "  -o FILE.xml        write the report to FILE.xml (one file only)\n"
    "  -d DIR             write the reports into the folder DIR\n"
    "  -j N               import N files at a time (default: one per processor core)\n"
    "  --type TYPE        verksamhetsberattelse, delarsrapport, verksamhetsplan,\n"
    "                     internbudget or rapport (default: from the title)\n"
    "  --layout NAME|FILE the layout the report is for (its status words are read)\n"
    "  --allow-paths      check pictures and layouts outside the report's folder too\n"
    "  -q, --quiet        print errors only, no warnings\n"
    "\n"
    "Exit status: 0 all went well, 1 a file could not be imported (or has\n"
    "errors to correct, or pandoc is missing), 2 the command line was wrong.\n");

static const char *const report_types[] = {
    "verksamhetsberattelse", "delarsrapport", "verksamhetsplan", "internbudget", "rapport",
};

/* What every file's import shares. */
typedef struct Import {
    RpOptions   check;          /* for checking the XML: check_only, the layout */
    const char *type;           /* --type, or NULL: from the title */
    const char *layout;         /* --layout as given, or NULL */
    bool        quiet;
    bool        single;         /* one file: say where it went */
    char        writer[PATH_MAX + 64];  /* DATA/import/rapport.lua */
    char      **meta;           /* "-M", "key=value" ... for pandoc */
    int         nmeta, capmeta;
} Import;

static char *xstrdup(const char *s)
{
    return strcpy(xrealloc(NULL, strlen(s) + 1), s);
}

static char *xprintf(const char *fmt, const char *a, const char *b)
{
    size_t n = strlen(fmt) + strlen(a) + (b ? strlen(b) : 0) + 1;
    char *s = xrealloc(NULL, n);
    snprintf(s, n, fmt, a, b ? b : "");
    return s;
}

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, _("rapport: %s%s%s\n"), msg, arg ? " " : "", arg ? arg : "");
    fprintf(stderr, _("Try 'rapport --import --help' for the options.\n"));
    return RP_EUSAGE;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcasecmp(s + n - k, suffix) == 0;
}

static bool importable(const char *name)
{
    const char *base = strrchr(name, '/');
    base = base ? base + 1 : name;
    /* "~$rapport.docx": the lock file Word keeps while a file is open */
    return (ends_with(name, ".docx") || ends_with(name, ".odt")) && strncmp(base, "~$", 2) != 0;
}

/* ---- the files to import ------------------------------------------------- */

typedef struct Files {
    char **path;
    char **rel;                 /* below the folder given, or NULL */
    int    n, cap;
    dev_t  dev[256];            /* folders searched: each once (links, loops) */
    ino_t  ino[256];
    int    nseen;
} Files;

static void add_file(Files *f, const char *path, const char *rel)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 16;
        f->path = xrealloc(f->path, sizeof *f->path * (size_t)f->cap);
        f->rel = xrealloc(f->rel, sizeof *f->rel * (size_t)f->cap);
    }
    f->path[f->n] = xstrdup(path);
    f->rel[f->n] = rel ? xstrdup(rel) : NULL;
    f->n++;
}

static bool seen_folder(Files *f, const struct stat *st)
{
    for (int i = 0; i < f->nseen; i++)
        if (f->dev[i] == st->st_dev && f->ino[i] == st->st_ino)
            return true;
    if (f->nseen < (int)(sizeof f->dev / sizeof *f->dev)) {
        f->dev[f->nseen] = st->st_dev;
        f->ino[f->nseen++] = st->st_ino;
    }
    return false;
}

static int visible(const struct dirent *e)
{
    return e->d_name[0] != '.';
}

/* Has the old Word file p (x.doc) been saved again as x.docx or x.odt
 * beside it, as the hint asks? Then that one is imported, and p left. */
static bool saved_again(const char *p)
{
    size_t n = strlen(p);
    char *q = xprintf("%s%s", p, "x");     /* x.doc -> x.docx */
    struct stat st;
    bool again = stat(q, &st) == 0;
    memcpy(q + n - 4, ".odt", 5);
    again |= stat(q, &st) == 0;
    free(q);
    return again;
}

/* The .docx and .odt files below `dir`, in name order; `root` is the
 * length of the folder given, for the paths below it. */
static void walk(Files *f, const char *dir, size_t root, int depth, bool quiet)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || seen_folder(f, &st))
        return;
    if (depth > RP_MAX_FOLDER_DEPTH) {
        if (!quiet)
            fprintf(stderr, _("rapport: warning: %s: folders nested more than %d deep are not searched\n"),
                    dir, RP_MAX_FOLDER_DEPTH);
        return;
    }
    struct dirent **names;
    int n = scandir(dir, &names, visible, alphasort);
    if (n < 0) {
        if (!quiet)
            fprintf(stderr, _("rapport: warning: cannot read the folder %s: %s\n"), dir, strerror(errno));
        return;
    }
    for (int i = 0; i < n; i++) {
        char *p = xprintf("%s/%s", dir, names[i]->d_name);
        if (stat(p, &st) == 0 && S_ISDIR(st.st_mode))
            walk(f, p, root, depth + 1, quiet);
        else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && importable(p))
            add_file(f, p, p + root + 1);
        else if (stat(p, &st) == 0 && S_ISREG(st.st_mode) && ends_with(p, ".doc") &&
                 strncmp(names[i]->d_name, "~$", 2) != 0 && !saved_again(p))
            add_file(f, p, p + root + 1);           /* fails, and is counted and said so */
        free(p);
        free(names[i]);
    }
    free(names);
}

/* REPORT.docx -> DIR/REL.xml, or REPORT.xml beside it. */
static char *output_for(const char *in, const char *rel, const char *dir)
{
    const char *base = dir ? (rel ? rel : (strrchr(in, '/') ? strrchr(in, '/') + 1 : in)) : in;
    char *stem = xstrdup(base);
    *strrchr(stem, '.') = 0;
    char *out = dir ? xprintf("%s/%s.xml", dir, stem) : xprintf("%s.xml%s", stem, NULL);
    free(stem);
    return out;
}

/* mkdir -p of the folder of `path`. */
static void make_dirs(const char *path)
{
    char *p = xstrdup(path);
    for (char *s = p + 1; *s; s++)
        if (*s == '/') {
            *s = 0;
            mkdir(p, 0777);
            *s = '/';
        }
    free(p);
}

/* ---- what the writer is told ---------------------------------------------- */

static void add_meta(Import *im, const char *key, const char *value)
{
    if (im->nmeta + 2 > im->capmeta) {
        im->capmeta = im->capmeta ? im->capmeta * 2 : 64;
        im->meta = xrealloc(im->meta, sizeof *im->meta * (size_t)im->capmeta);
    }
    im->meta[im->nmeta++] = xstrdup("-M");
    im->meta[im->nmeta++] = xprintf("%s=%s", key, value);
}

/* rp_layout_words' callback: the statuses' words and the general words,
 * as "kind|name|word" and "key|text". */
static void take_word(void *ctx, const char *kind, const char *key, const char *text)
{
    Import *im = ctx;
    char *v = kind ? xprintf("%s|%s", kind, key) : xstrdup(key);
    char *kv = xprintf("%s|%s", v, text);
    add_meta(im, kind ? "rapport-import-status" : "rapport-import-word", kv);
    free(v);
    free(kv);
}

/* What the writer (import/rapport.lua, its msg()) says in the XML's
 * comments, which --import prints as warnings: kept here, marked for
 * translation with rapport's other messages, and handed to the writer in
 * the person's language as "key|text"; %1, %2 stand for its values. */
/* xgettext:no-c-format */
static const char *const writer_messages[][2] = {
    { "header", N_("Imported from %1 by rapport. Read the comments \"import warning\" below: each says what to finish by hand.") },
    { "picture-format", N_("a picture (%1) is in the format %2, which rapport cannot print; it was left out here") },
    { "picture-format-hint", N_("save it as PNG and put <figure src=\"…png\" alt=\"…\"/> here") },
    { "picture-no-alt", N_("picture %1 (%2) has no alt text in the Word file") },
    { "picture-no-alt-hint", N_("write in alt what the picture shows, in a sentence, for readers who cannot see it") },
    { "block-left-out", N_("%1 of the Word file has no place in a report; it was left out") },
    { "block-Table", N_("a table") },
    { "block-CodeBlock", N_("a block of code") },
    { "block-DefinitionList", N_("a list of terms") },
    { "block-LineBlock", N_("a block of lines") },
    { "block-Figure", N_("a picture") },
    { "block-Div", N_("a box") },
    { "block-other", N_("a block of the kind %1") },
    { "list-picture-moved", N_("this picture stood in the list above; a list item holds only text and lists") },
    { "list-block-moved", N_("%1 stood in the list above; a list item holds only text and lists, so it follows the list here") },
    { "goal-subheading", N_("the heading \"%1\" stands in a goal, which holds no sections: it is a bold line here") },
    { "heading-level", N_("a heading on level %1: rapport has five levels, so it is a bold line here") },
    { "goal-status-text", N_("status inferred from \"%1\" (Nämndmålet bedöms)") },
    { "goal-status-heading", N_("status inferred from \"%1\" at the end of the heading") },
    { "goal-no-status", N_("no status word for the goal \"%1\"") },
    { "goal-at-top", N_("the heading \"%1\" reads as a goal, but a goal stands in a section: it is a section here") },
    { "goal-at-top-hint", N_("to make it a goal, put it under a heading of its own (\"Uppföljning av mål\") and write <goal status=\"...\"> in place of its <section>") },
    { "goal-activity-word", N_("the goal \"%1\" ends in \"%2\", a word for how an activity goes, not for whether a goal is met") },
    { "goal-no-status-hint", N_("write status=%1 on this <goal> (a colour in the Word file cannot be read)") },
    { "goal-status-differs", N_("the heading says \"%1\" but the text \"%2\"; the text was taken") },
    { "type-from-title", N_("type=\"%1\" from the title; the import's type option sets it") },
    { "type-none", N_("type=\"%1\" (no report type in the title); the import's type option sets it") },
    { "no-title", N_("the Word file has no title page or Title: its name is the title") },
    { "no-title-hint", N_("write the report's title in <title>") },
    { "title-line-left-out", N_("the title page's line \"%1\" has no place in <meta>; it was left out") },
    { "title-line-hint", N_("if it belongs, write it in <subtitle>, <organisation>, <department>, <date> (2025-02-20) or <reference>") },
    { "section-after-appendices", N_("the section \"%1\" came after the appendices in the Word file; rapport prints appendices last") },
    { "odt-tables", N_("pandoc %1 reads no merged cells or header rows from an OpenDocument file: check this table against the original, and the tables after it") },
    { "odt-tables-hint", N_("or open the file in LibreOffice, save it as Word (.docx) and import that") },
    { "cell-statuses", N_("statuses inferred from their words in the cells") },
    { "cell-list-lost", N_("a picture or table inside a list in this cell was left out") },
    { "cell-block", N_("%1 inside a table cell cannot be kept; its text stands here") },
    { "block-quote", N_("a quotation (\"%1\") is ordinary text here: rapport has no block quotes") },
    { "block-quote-hint", N_("say in the text whose words they are (\"The council decided: ...\"), or leave it as it is") },
    { "struck-out", N_("struck-out text \"%1\" is ordinary text here: rapport has no strikethrough") },
    { "struck-out-hint", N_("delete it if it no longer holds, or say in words that it is struck out") },
    { "word-comment", N_("a comment in the Word file by %1 was left out: \"%2\"") },
    { "word-comment-anon", N_("a comment in the Word file was left out: \"%1\"") },
    { "word-comment-hint", N_("read it, and change the report as it asks, if it still holds") },
    { "tracked-changes", N_("the Word file has tracked changes (%1, by %2): they were taken as accepted, as Word shows the text with all changes accepted") },
    { "tracked-changes-anon", N_("the Word file has tracked changes (%1): they were taken as accepted, as Word shows the text with all changes accepted") },
    { "tracked-changes-hint", N_("if the changes are not agreed yet, compare the text with the Word file") },
};

static void add_writer_messages(Import *im)
{
    for (size_t k = 0; k < sizeof writer_messages / sizeof *writer_messages; k++) {
        char *kv = xprintf("%s|%s", writer_messages[k][0], _(writer_messages[k][1]));
        add_meta(im, "rapport-import-msg", kv);
        free(kv);
    }
}

/* ---- one file ----------------------------------------------------------- */

/* Charts of Word's own (word/charts/chartN.xml in the .docx): pandoc
 * does not read them, so they would go missing without a word. The
 * names stand uncompressed in the zip's directory. */
static int count_charts(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return 0;
    static const char key[] = "word/charts/chart";
    char buf[65536 + sizeof key];
    size_t keep = 0, got;
    bool seen[1000] = { false };
    int n = 0;
    while ((got = fread(buf + keep, 1, sizeof buf - keep - 1, f)) > 0) {
        size_t len = keep + got;
        buf[len] = 0;
        for (char *p = buf; (p = memmem(p, (size_t)(buf + len - p), key, sizeof key - 1)); p++) {
            char *e;
            long k = strtol(p + sizeof key - 1, &e, 10);
            if (e > p + sizeof key - 1 && k >= 0 && k < 1000 && !strncmp(e, ".xml", 4) && !seen[k]) {
                seen[k] = true;
                n++;
            }
        }
        keep = len < sizeof key + 8 ? len : sizeof key + 8;
        memmove(buf, buf + len - keep, keep);
    }
    fclose(f);
    return n;
}

/* The "import warning" comments of the XML as warnings at their lines:
 * the comment's first line is the message, the rest the hint. */
static int print_comment_warnings(const char *file, const char *xml, FILE *err, bool quiet)
{
    static const char mark[] = "<!-- import warning: ";
    int n = 0, line = 1;
    const char *bol = xml;
    for (const char *p = xml; *p; p++) {
        if (*p == '\n') {
            line++;
            bol = p + 1;
            continue;
        }
        if (*p != '<' || strncmp(p, mark, sizeof mark - 1) != 0)
            continue;
        const char *msg = p + sizeof mark - 1;
        const char *end = strstr(msg, "-->");
        if (!end)
            break;
        const char *nl = memchr(msg, '\n', (size_t)(end - msg));
        const char *mend = nl ? nl : end;
        while (mend > msg && mend[-1] == ' ')
            mend--;
        n++;
        if (!quiet) {
            fprintf(err, _("%s:%d:%d: warning: %.*s\n"), file, line, (int)(p - bol) + 1, (int)(mend - msg), msg);
            if (nl) {
                /* the hint's lines as one, in the words diag.c prints
                 * every hint with */
                char *hint = malloc((size_t)(end - nl) + 1), *at = hint;
                if (!hint)
                    break;
                for (const char *h = nl; h < end;) {
                    while (h < end && (*h == ' ' || *h == '\n'))
                        h++;
                    const char *he = h;
                    while (he < end && *he != '\n')
                        he++;
                    const char *t = he;
                    while (t > h && t[-1] == ' ')
                        t--;
                    if (t > h) {
                        if (at > hint)
                            *at++ = ' ';
                        memcpy(at, h, (size_t)(t - h));
                        at += t - h;
                    }
                    h = he;
                }
                *at = '\0';
                fprintf(err, _("    hint: %s\n"), hint);
                free(hint);
            }
        }
        /* on past the comment, counting the lines of its hint */
        for (; p < end; p++)
            if (*p == '\n') {
                line++;
                bol = p + 1;
            }
    }
    return n;
}

/* Write data to `path`, which must not exist: through a temporary file
 * (named as the PDFs' are, so that a later run sweeps one a kill left
 * behind) linked to its name only when complete. */
static int write_new(const char *path, const char *data, size_t len, FILE *err)
{
    char tmp[PATH_MAX + 64];
    snprintf(tmp, sizeof tmp, "%s.rapport-%ld-XXXXXX", path, (long)getpid());
    signals_temp_file(tmp);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        signals_temp_file(NULL);
        fprintf(err, _("%s: error: cannot write it: %s\n"), path, strerror(errno));
        return -1;
    }
    signals_temp_file(tmp);
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, data + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0)
            break;
        done += (size_t)w;
    }
    int werr = done < len ? errno : 0;
    /* mkstemp made it for its owner alone: readable as a file the user
     * saves is (the umask's say), so the office can open the report */
    if (!werr && fchmod(fd, output_new_mode()) != 0)
        werr = errno;
    if (!werr && fsync(fd) != 0)
        werr = errno;
    if (close(fd) != 0 && !werr)
        werr = errno;
    if (!werr && link(tmp, path) != 0) {
        werr = errno;
        /* a file system without hard links: rename, the name still free */
        if ((werr == EPERM || werr == ENOTSUP || werr == EXDEV) && access(path, F_OK) != 0)
            werr = rename(tmp, path) == 0 ? 0 : errno;
    }
    unlink(tmp);
    signals_temp_file(NULL);
    if (werr) {
        fprintf(err, _("%s: error: cannot write it: %s\n"), path,
                werr == EEXIST ? _("a file of that name appeared meanwhile") : strerror(werr));
        return -1;
    }
    return 0;
}

static char *dir_of(const char *path)
{
    char *d = xstrdup(path);
    char *slash = strrchr(d, '/');
    if (!slash)
        return strcpy(d, ".");
    if (slash == d)
        slash[1] = 0;
    else
        *slash = 0;
    return d;
}

/* What <report layout="..."> says for --layout: a name as it is, a file
 * by its path from the report's folder (when it lies inside it), else
 * nothing (*outside set). */
static char *layout_attr(const Import *im, const char *outdir, bool *outside)
{
    *outside = false;
    if (!im->layout)
        return NULL;
    if (!strchr(im->layout, '/') && !ends_with(im->layout, ".xml"))
        return xstrdup(im->layout);
    char lay[PATH_MAX], dir[PATH_MAX];
    if (realpath(im->layout, lay) && realpath(outdir, dir)) {
        size_t n = strlen(dir);
        if (!strncmp(lay, dir, n) && lay[n] == '/')
            return xstrdup(lay + n + 1);
    }
    *outside = true;
    return NULL;
}

/* pandoc failed: its own words, its first line, or two when the first
 * only says that the writer failed, with what to do. */
static void pandoc_failed(const Import *im, const char *input, PandocRun *r, FILE *err)
{
    bool writer = !strncmp(r->err, "Error running Lua", 17);
    char *say = r->err + strspn(r->err, "\n ");
    char *nl = strchr(say, '\n');
    if (nl && writer) {
        *nl = ' ';
        nl = strchr(nl + 1, '\n');
    }
    if (nl)
        *nl = 0;
    fprintf(err, writer ? _("%s: error: pandoc could not import it%s%s\n") : _("%s: error: pandoc could not read it%s%s\n"),
            input, *say ? ": " : "", say);
    if (writer)
        fprintf(err, _("    hint: this is a fault in rapport's import (%s); please report it with this file\n"),
                im->writer);
    else
        fprintf(err, _("    hint: is it a Word (.docx) or OpenDocument (.odt) file? Open it in Word or LibreOffice, save it again and import that\n"));
}

/* The report pandoc made, written first, then checked as any report is
 * (its pictures found beside it), the check's messages after the
 * import's own. */
static int write_and_check(const Import *im, const char *input, const char *output, const PandocRun *r,
                           bool outside, FILE *err)
{
    int warnings = print_comment_warnings(output, r->out, err, im->quiet);
    int charts = count_charts(input);
    if (charts && !im->quiet) {
        fprintf(err, P_("%s: warning: it has %d chart of Word's own, which the import cannot read: left out\n",
                   "%s: warning: it has %d charts of Word's own, which the import cannot read: left out\n", charts),
                input, charts);
        fprintf(err, _("    hint: write each as a <chart> with its values (README: Charts), or paste it in Word as a picture and import again\n"));
        warnings++;
    }
    if (outside && !im->quiet) {
        fprintf(err, _("%s: warning: the report does not name the layout %s, which is outside its folder\n"),
                output, im->layout);
        fprintf(err, _("    hint: render it with --layout %s\n"), im->layout);
    }
    if (write_new(output, r->out, r->out_len, err) != 0)
        return RP_EINPUT;
    if (rp_render_file(&im->check, output, NULL, err) != RP_OK) {
        fprintf(err, _("rapport: %s is written, but rapport cannot render it before the errors above are corrected in it\n"),
                output);
        return RP_EINPUT;
    }
    if (im->single && !im->quiet)
        fprintf(err, _("rapport: %s written from %s%s\n"), output, input,
                warnings ? _("; the warnings above say what to finish by hand") : "");
    return RP_OK;
}

/* A .docx and an .odt are zip archives: one that is none (an old .doc
 * renamed, another file) or that ends before the archive's directory
 * (copied in part) is said here, in the person's words, rather than in
 * pandoc's ("couldn't unpack docx container: not enough bytes"). */
static bool damaged_package(const char *input, FILE *err)
{
    FILE *f = fopen(input, "rb");
    if (!f)
        return false;                   /* said by pandoc's run, with the reason */
    unsigned char head[4] = { 0 }, tail[1024];
    size_t nh = fread(head, 1, sizeof head, f);
    size_t nt = 0;
    if (fseek(f, -(long)sizeof tail, SEEK_END) != 0)
        rewind(f);
    nt = fread(tail, 1, sizeof tail, f);
    fclose(f);
    if (nh == 4 && !memcmp(head, "\xD0\xCF\x11\xE0", 4)) {
        fprintf(err, _("%s: error: it is an old Word file (.doc) with a new name; it cannot be imported\n"
                       "    hint: open it in Word or LibreOffice and save it as .docx, then import that\n"), input);
        return true;
    }
    if (nh == 0) {
        fprintf(err, _("%s: error: the file is empty\n"
                       "    hint: save the document again in Word or LibreOffice as .docx, then import that\n"), input);
        return true;
    }
    if (nh < 4 || memcmp(head, "PK\x03\x04", 4) != 0) {
        fprintf(err, _("%s: error: it is no Word or OpenDocument file (those are zip archives, and it is none)\n"
                       "    hint: open it in Word or LibreOffice and save it as .docx, then import that\n"), input);
        return true;
    }
    /* the end of central directory: its 22 bytes and a comment, near the end */
    bool end = false;
    for (size_t k = 0; !end && nt >= 22 && k <= nt - 22; k++)
        end = !memcmp(tail + k, "PK\x05\x06", 4);
    if (!end) {
        fprintf(err, _("%s: error: the file is damaged: it ends before its archive does (copied or saved only in part?)\n"
                       "    hint: copy it again from where it came, or open it in Word, which may mend it, and save it again\n"),
                input);
        return true;
    }
    return false;
}

static int import_one(const Import *im, const char *input, const char *output, FILE *err)
{
    struct stat st;
    if (ends_with(input, ".doc")) {     /* found in a folder: one that failed */
        fprintf(err, _("%s: error: an old Word file (.doc) cannot be imported\n"
                       "    hint: open it in Word or LibreOffice and save it as .docx, then import that\n"), input);
        return RP_EINPUT;
    }
    if (lstat(output, &st) == 0) {
        /* said so when the Word file changed after the report was made:
         * someone went on writing in Word */
        struct stat in;
        bool newer = stat(input, &in) == 0 && (in.st_mtim.tv_sec > st.st_mtim.tv_sec ||
                     (in.st_mtim.tv_sec == st.st_mtim.tv_sec && in.st_mtim.tv_nsec > st.st_mtim.tv_nsec));
        if (!im->quiet && newer)
            fprintf(err, _("%s: warning: it exists already, and %s has changed since it was made; it was not imported again\n"), output, input);
        else if (!im->quiet)
            fprintf(err, _("%s: warning: it exists already, so %s was not imported\n"), output, input);
        if (!im->quiet)
            fprintf(err, im->single ? _("    hint: an imported report is never replaced: delete it to import again, or write another with -o\n")
                                    : _("    hint: an imported report is never replaced: delete or rename it to import again\n"));
        return RP_SKIPPED;
    }
    if (stat(input, &st) != 0 || !S_ISREG(st.st_mode)) {
        fprintf(err, _("%s: error: cannot read it: %s\n"), input,
                access(input, F_OK) != 0 ? strerror(errno) : _("it is not a file"));
        return RP_EINPUT;
    }
    if (damaged_package(input, err))
        return RP_EINPUT;
    char in_abs[PATH_MAX];
    if (!realpath(input, in_abs)) {
        fprintf(err, _("%s: error: cannot read it: %s\n"), input, strerror(errno));
        return RP_EINPUT;
    }
    char *outdir = dir_of(output);
    if (stat(outdir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(err, _("%s: error: cannot write it: the folder %s does not exist\n"), output, outdir);
        fprintf(err, _("    hint: make the folder first, or give -d, which makes it\n"));
        free(outdir);
        return RP_EINPUT;
    }
    const char *base = strrchr(output, '/') ? strrchr(output, '/') + 1 : output;
    char *stem = xstrdup(base);
    stem[strlen(stem) - 4] = 0;             /* ".xml" */
    char *media = xprintf("--extract-media=%s-media", stem, NULL);
    const char *src = strrchr(input, '/') ? strrchr(input, '/') + 1 : input;
    bool outside;
    char *lay = layout_attr(im, outdir, &outside);

    /* pandoc -f docx+styles -t rapport.lua --extract-media=X-media -M ... FILE */
    int nargs = 0;
    char **args = xrealloc(NULL, sizeof *args * (size_t)(im->nmeta + 16));
    args[nargs++] = "pandoc";
    args[nargs++] = "-f";
    args[nargs++] = ends_with(input, ".odt") ? "odt" : "docx+styles";
    args[nargs++] = "-t";
    args[nargs++] = (char *)im->writer;
    args[nargs++] = media;
    if (!ends_with(input, ".odt"))
        args[nargs++] = "--track-changes=all";  /* marked: the writer says so (rapport.lua) */
    for (int i = 0; i < im->nmeta; i++)
        args[nargs++] = im->meta[i];
    char *m_src = xprintf("rapport-import-source=%s%s", src, NULL);
    char *m_type = xprintf("rapport-import-type=%s%s", im->type ? im->type : "", NULL);
    char *m_lay = xprintf("rapport-import-layout=%s%s", lay ? lay : "", NULL);
    args[nargs++] = "-M";
    args[nargs++] = m_src;
    args[nargs++] = "-M";
    args[nargs++] = m_type;
    args[nargs++] = "-M";
    args[nargs++] = m_lay;
    args[nargs++] = in_abs;
    args[nargs] = NULL;

    PandocRun r;
    int result = RP_OK;
    if (pandoc_run(args, outdir, (size_t)RP_MAX_INPUT_BYTES, &r) != 0) {
        pandoc_failed(im, input, &r, err);
        result = RP_EINPUT;
    } else if (r.too_large) {
        fprintf(err, _("%s: error: the report made of it is larger than %ld MB\n"), input,
                RP_MAX_INPUT_BYTES / (1024 * 1024));
        fprintf(err, _("    hint: split the document in Word and import the parts\n"));
        result = RP_EINPUT;
    } else {
        result = write_and_check(im, input, output, &r, outside, err);
    }
    pandoc_run_free(&r);
    free(args);
    free(m_src);
    free(m_type);
    free(m_lay);
    free(lay);
    free(media);
    free(stem);
    free(outdir);
    return result;
}

static int import_item(const BatchItem *it, FILE *err)
{
    return import_one(it->ctx, it->input, it->output, err);
}

/* ---- the command ----------------------------------------------------------- */

bool import_requested(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--import"))
            return true;
    return false;
}

/* Options of rendering that mean nothing for an import. */
static bool render_only(const char *a)
{
    static const char *const opts[] = { "--since", "--check", "--trace", "--strict", "--pdfa",
                                        "--no-tags" };
    for (size_t i = 0; i < sizeof opts / sizeof *opts; i++)
        if (!strncmp(a, opts[i], strlen(opts[i])))
            return true;
    return false;
}

/* What the command line asks besides the imports' shared options. */
typedef struct ImportCli {
    const char  *out, *dir;     /* -o FILE.xml, -d DIR */
    int          jobs;          /* -j N; 0: one per core */
    const char **args;          /* the files and folders named */
    int          nargs;
} ImportCli;

/* Returns -1 when the command line is right, else the exit status. */
static int parse_args(int argc, char **argv, Import *im, ImportCli *cl)
{
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--import")) {
            continue;
        } else if (!strcmp(a, "--help") || !strcmp(a, "-h")) {
            fputs(_(usage), stdout);
            return RP_OK;
        } else if (!strcmp(a, "-o") || !strcmp(a, "-d") || !strcmp(a, "--type") || !strcmp(a, "--layout")) {
            if (i + 1 >= argc)
                return usage_error(_("missing value after"), a);
            const char *v = argv[++i];
            if (a[1] == 'o') cl->out = v;
            else if (a[1] == 'd') cl->dir = files_trim_folder(argv[i]);
            else if (a[2] == 't') im->type = v;
            else im->layout = v;
        } else if (!strncmp(a, "--layout=", 9)) {
            im->layout = a + 9;
        } else if (!strncmp(a, "--type=", 7)) {
            im->type = a + 7;
        } else if (!strcmp(a, "-j") || (!strncmp(a, "-j", 2) && a[2])) {
            const char *v = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
            char *end;
            long n = v ? strtol(v, &end, 10) : 0;
            if (!v || *end || n < 1 || n > RP_MAX_JOBS) {
                char msg[80];
                snprintf(msg, sizeof msg, _("-j takes a number of files at a time, 1 to %d"), RP_MAX_JOBS);
                return usage_error(msg, NULL);
            }
            cl->jobs = (int)n;
        } else if (!strcmp(a, "-q") || !strcmp(a, "--quiet")) {
            im->quiet = im->check.quiet = true;
        } else if (!strcmp(a, "--allow-paths")) {
            im->check.allow_any_path = true;
        } else if (render_only(a)) {
            return usage_error(_("this option is for rendering and does not go with --import:"), a);
        } else if (a[0] == '-' && a[1]) {
            return usage_error(_("unknown option"), a);
        } else {
            cl->args[cl->nargs++] = a;
        }
    }
    if (im->type) {
        bool known = false;
        for (size_t k = 0; k < sizeof report_types / sizeof *report_types; k++)
            known |= !strcmp(im->type, report_types[k]);
        if (!known)
            return usage_error(_("--type takes verksamhetsberattelse, delarsrapport, verksamhetsplan, internbudget or rapport, not"),
                               im->type);
    }
    if (cl->out && !ends_with(cl->out, ".xml"))
        return usage_error(_("-o takes the report to write, a file ending in .xml, not"), cl->out);
    if (cl->out && cl->dir)
        return usage_error(_("-o and -d do not go together"), NULL);
    return -1;
}

/* The files named and those in the folders named. Returns -1, or the
 * exit status when there is none to import or one that cannot be. */
static int gather(const ImportCli *cl, bool quiet, Files *files)
{
    for (int i = 0; i < cl->nargs; i++) {
        struct stat st;
        const char *a = cl->args[i];
        if (stat(a, &st) == 0 && S_ISDIR(st.st_mode)) {
            char *folder = xstrdup(a);
            size_t n = strlen(folder);
            while (n > 1 && folder[n - 1] == '/')
                folder[--n] = 0;
            walk(files, folder, n, 0, quiet);
            free(folder);
        } else if (importable(a)) {
            add_file(files, a, NULL);
        } else if (ends_with(a, ".doc")) {
            fprintf(stderr, _("rapport: %s is an old Word file (.doc), which cannot be imported\n"), a);
            fprintf(stderr, _("    hint: open it in Word or LibreOffice and save it as .docx, then import that\n"));
            return RP_EINPUT;           /* a file that cannot be imported, as in a folder */
        } else {
            return usage_error(_("--import reads Word (.docx) and OpenDocument (.odt) files, not"), a);
        }
    }
    if (files->n == 0 && cl->nargs == 0)
        return usage_error(_("no .docx or .odt file given (or none in the folders given)"), NULL);
    if (files->n == 0) {
        /* folders with nothing in them: nothing to do, as for a nightly
         * run on a folder that got no new file */
        if (!quiet)
            fprintf(stderr, _("rapport: nothing to import: no .docx or .odt file in the folders given\n"));
        return RP_OK;
    }
    if (cl->out && files->n > 1)
        return usage_error(_("-o takes one file; use -d DIR for several"), NULL);
    return -1;
}

/* pandoc and the writer, there to be run. Returns -1, or exit status 1. */
static int find_tools(Import *im, const char *data_dir)
{
    if (!pandoc_installed()) {
        fprintf(stderr, _("rapport: --import needs pandoc, which reads Word and OpenDocument files; it is not installed\n"));
        fprintf(stderr, _("    hint: install the Debian package pandoc: sudo apt-get install pandoc\n"));
        return RP_EINPUT;
    }
    snprintf(im->writer, sizeof im->writer, "%s/import/rapport.lua", data_dir ? data_dir : RP_DEFAULT_DATA_DIR);
    if (access(im->writer, R_OK) != 0) {
        fprintf(stderr, _("rapport: cannot read the import's writer %s: %s\n"), im->writer, strerror(errno));
        fprintf(stderr, _("    hint: rapport is not installed whole: run make install again\n"));
        return RP_EINPUT;
    }
    return -1;
}

/* Each file with the report it makes (folders made for -d). Two files
 * must not write one report (a.docx and a.odt side by side): returns
 * -1, or exit status 2 when they would. */
static int make_items(const Import *im, const ImportCli *cl, const Files *files, BatchItem *items)
{
    for (int i = 0; i < files->n; i++) {
        items[i] = (BatchItem){ files->path[i],
                                cl->out ? xstrdup(cl->out) : output_for(files->path[i], files->rel[i], cl->dir),
                                import_item, im };
        if (cl->dir)
            make_dirs(items[i].output);
    }
    for (int i = 0; i < files->n; i++)
        for (int k = i + 1; k < files->n; k++)
            if (!strcmp(items[i].output, items[k].output)) {
                fprintf(stderr, _("rapport: %s and %s would both write %s\n"), items[i].input, items[k].input,
                        items[i].output);
                fprintf(stderr, _("    hint: import one of them by itself, with -o and another name\n"));
                return RP_EUSAGE;
            }
    return -1;
}

static int import_all(Import *im, const ImportCli *cl, BatchItem *items, int n)
{
    /* the layout's words for statuses, legend, contents and appendices */
    im->check.layout = im->layout;
    if (rp_layout_words(&im->check, items[0].output, take_word, im, stderr) != RP_OK)
        return RP_EINPUT;
    add_writer_messages(im);
    if (n == 1) {
        im->single = true;
        int r = import_one(im, items[0].input, items[0].output, stderr);
        return r == RP_SKIPPED ? RP_OK : r;
    }
    int jobs = cl->jobs;
    if (!jobs) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cores > 0 ? (int)cores : 1;
    }
    /* each file's warnings go to the batch, which counts them and, with
     * -q (im->check.quiet), leaves them out of what it prints */
    im->quiet = false;
    return batch_run_as(&im->check, items, n, jobs, N_("imported"), N_("kept"));
}

int import_main(int argc, char **argv, const char *data_dir)
{
    signals_install();
    Import im = { 0 };
    rp_options_init(&im.check);
    im.check.check_only = true;
    im.check.data_dir = data_dir;
    ImportCli cl = { 0 };
    Files files = { 0 };
    BatchItem *items = NULL;
    cl.args = xrealloc(NULL, sizeof *cl.args * (size_t)argc);
    int r = parse_args(argc, argv, &im, &cl);
    if (r < 0)
        r = gather(&cl, im.quiet, &files);
    if (r < 0)
        r = find_tools(&im, data_dir);
    if (r < 0) {
        items = xrealloc(NULL, sizeof *items * (size_t)files.n);
        r = make_items(&im, &cl, &files, items);
    }
    if (r < 0)
        r = import_all(&im, &cl, items, files.n);
    for (int i = 0; items && i < files.n; i++)
        free((char *)items[i].output);
    for (int i = 0; i < files.n; i++) {
        free(files.path[i]);
        free(files.rel[i]);
    }
    for (int i = 0; i < im.nmeta; i++)
        free(im.meta[i]);
    free(items);
    free(files.path);
    free(files.rel);
    free(im.meta);
    free(cl.args);
    return r;
}
