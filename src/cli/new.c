/*
 * new.c - rapport --new TYPE: a starter report of each report type (the
 * command line). See new.h.
 *
 * The starters are src/cli/new/TYPE.xml, compiled into the program, so
 * --new works wherever rapport is, installed or not. In them @SCHEMA@
 * becomes the path of report.rng (for XML editors, through the
 * <?xml-model?> line), @YEAR@ this year, @PREV@ the year before and
 * @NEXT@ the year after (SOURCE_DATE_EPOCH, when set, says which year it
 * is, as it says the date of a PDF), @FILE@ the file it is written to. Each starter renders as it is,
 * without a warning (make check renders each with --strict).
 */
#include "new.h"
#include "../rapport.h"
#include "../base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

bool new_requested(int argc, char **argv)
{
    for (int i = 1; i < argc; i++)
        if (!strcmp(argv[i], "--new") || !strncmp(argv[i], "--new=", 6))
            return true;
    return false;
}

/* `s` as the type names are spelt: ASCII lower case, å and ä as a, ö as
 * o, é as e ("Delårsrapport" -> "delarsrapport"). At most `cap` - 1
 * bytes. */
static void fold(const char *s, char *out, size_t cap)
{
    size_t n = 0;
    for (const unsigned char *p = (const unsigned char *)s; *p && n + 1 < cap; p++) {
        if (p[0] == 0xC3 && p[1]) {
            unsigned c = p[1] | 0x20;          /* Å Ä Ö É as å ä ö é */
            char f = c == 0xA5 || c == 0xA4 ? 'a' : c == 0xB6 ? 'o' : c == 0xA9 ? 'e' : 0;
            if (f) {
                out[n++] = f;
                p++;
                continue;
            }
        }
        out[n++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    }
    out[n] = 0;
}

/* The edit distance of a and b (insertions, deletions, substitutions,
 * and two neighbours swapped), for "did you mean". */
static int distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    int d[41][41];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = (int)i;
    for (size_t k = 0; k <= lb; k++)
        d[0][k] = (int)k;
    for (size_t i = 1; i <= la; i++)
        for (size_t k = 1; k <= lb; k++) {
            int best = d[i - 1][k - 1] + (a[i - 1] != b[k - 1]);
            if (d[i - 1][k] + 1 < best) best = d[i - 1][k] + 1;
            if (d[i][k - 1] + 1 < best) best = d[i][k - 1] + 1;
            if (i > 1 && k > 1 && a[i - 1] == b[k - 2] && a[i - 2] == b[k - 1] && d[i - 2][k - 2] + 1 < best)
                best = d[i - 2][k - 2] + 1;
            d[i][k] = best;
        }
    return d[la][lb];
}

/* The starter of `type`, or NULL after saying which types there are. */
static const Starter *starter_for(const char *type)
{
    char want[64];
    fold(type, want, sizeof want);
    const Starter *near = NULL;
    int best = 3;                 /* "did you mean" up to two mistakes away */
    for (int i = 0; i < rp_nstarters; i++) {
        if (!strcmp(want, rp_starters[i].type))
            return &rp_starters[i];
        int d = distance(want, rp_starters[i].type);
        if (d < best) {
            best = d;
            near = &rp_starters[i];
        }
    }
    fprintf(stderr, _("rapport: --new: there is no report type \"%s\""), type);
    if (near)
        fprintf(stderr, _("; did you mean %s?"), near->type);
    fprintf(stderr, "\n%s", _("The report types:"));
    for (int i = 0; i < rp_nstarters; i++)
        fprintf(stderr, "%s %s", i ? "," : "", rp_starters[i].type);
    fprintf(stderr, " %s\n", _("(also written with å, ä, ö)"));
    return NULL;
}

/* Where an XML editor finds report.rng: installed with the data, in a
 * checkout's source, else where `make install` puts it. */
static void schema_path(const char *data_dir, char *out, size_t cap)
{
    static const char *const in[] = { "schema/report.rng", "src/parse/report.rng" };
    char cand[PATH_MAX + 32], full[PATH_MAX];
    for (int i = 0; data_dir && i < 2; i++) {
        snprintf(cand, sizeof cand, "%s/%s", data_dir, in[i]);
        if (realpath(cand, full)) {
            snprintf(out, cap, "%s", full);
            return;
        }
    }
    snprintf(out, cap, "%s/schema/report.rng", RP_DEFAULT_DATA_DIR);
}

/* The path as an href: spaces and what XML would take for markup escaped. */
static void put_href(FILE *f, const char *path)
{
    for (const char *p = path; *p; p++) {
        if (*p == ' ') fputs("%20", f);
        else if (*p == '&') fputs("&amp;", f);
        else if (*p == '<') fputs("&lt;", f);
        else if (*p == '"') fputs("&quot;", f);
        else if (*p == '%') fputs("%25", f);
        else fputc(*p, f);
    }
}

/* This year: SOURCE_DATE_EPOCH's, when set (reproducible output), else
 * the clock's. */
static int this_year(void)
{
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    time_t t = time(NULL);
    if (sde && *sde) {
        char *end;
        long v = strtol(sde, &end, 10);
        if (!*end && v >= 0)
            t = (time_t)v;
    }
    struct tm tm;
    return localtime_r(&t, &tm) ? tm.tm_year + 1900 : 2000;
}

/* The starter with its placeholders filled in, on `f`; @FILE@ is the
 * file it goes to (in a comment: the command that renders it), `file`
 * or, where that is none or cannot stand in an XML comment, TYPE.xml. */
static void put_starter(FILE *f, const Starter *s, const char *data_dir, const char *file)
{
    char name[PATH_MAX + 16];
    if (!file || !*file || strstr(file, "--") || file[strlen(file) - 1] == '-' || strlen(file) >= PATH_MAX)
        snprintf(name, sizeof name, "%s.xml", s->type);
    else
        snprintf(name, sizeof name, "%s", file);
    char schema[PATH_MAX + 64];
    schema_path(data_dir, schema, sizeof schema);
    int year = this_year();
    for (const char *p = s->text; *p; p++) {
        if (*p != '@') {
            fputc(*p, f);
        } else if (!strncmp(p, "@FILE@", 6)) {
            fputs(name, f);
            p += 5;
        } else if (!strncmp(p, "@SCHEMA@", 8)) {
            put_href(f, schema);
            p += 7;
        } else if (!strncmp(p, "@YEAR@", 6) || !strncmp(p, "@PREV@", 6) || !strncmp(p, "@NEXT@", 6)) {
            fprintf(f, "%d", year + (p[1] == 'P' ? -1 : p[1] == 'N' ? 1 : 0));
            p += 5;
        } else {
            fputc(*p, f);
        }
    }
}

/* Write the starter to `path`, which must not exist. Returns the exit
 * status. */
static int write_new(const Starter *s, const char *path, const char *data_dir)
{
    int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd < 0 && errno == EEXIST) {
        fprintf(stderr, _("rapport: %s already exists: --new never writes over a file\n"), path);
        fprintf(stderr, _("    hint: give -o a name that is not taken, or move %s away first\n"), path);
        return RP_EUSAGE;
    }
    FILE *f = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!f) {
        fprintf(stderr, _("rapport: cannot write %s: %s\n"), path, strerror(errno));
        if (fd >= 0)
            close(fd);
        return RP_EINPUT;
    }
    put_starter(f, s, data_dir, path);
    bool ok = !ferror(f);
    if (fclose(f) != 0 || !ok) {
        fprintf(stderr, _("rapport: cannot write %s: %s\n"), path, strerror(errno));
        unlink(path);             /* never half a report */
        return RP_EINPUT;
    }
    return RP_OK;
}

static int new_usage(const char *msg, const char *arg)
{
    fprintf(stderr, "rapport: --new: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
    fprintf(stderr, "%s", _("usage: rapport --new TYPE [-o FILE.xml]   (TYPE: "));
    for (int i = 0; i < rp_nstarters; i++)
        fprintf(stderr, "%s%s", i ? ", " : "", rp_starters[i].type);
    fprintf(stderr, ")\n");
    return RP_EUSAGE;
}

int new_main(int argc, char **argv, const char *data_dir)
{
    const char *type = NULL, *out = NULL;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strncmp(a, "--new=", 6))
            type = a + 6;
        else if (!strcmp(a, "--new") && i + 1 < argc && argv[i + 1][0] != '-')
            type = argv[++i];
        else if (!strcmp(a, "--new"))
            return new_usage(_("which report type?"), NULL);
        else if (!strcmp(a, "-o") && i + 1 < argc && out)
            return new_usage(_("takes one -o FILE, not two:"), argv[i + 1]);
        else if (!strcmp(a, "-o") && i + 1 < argc)
            out = argv[++i];
        else
            return new_usage(_("takes only -o FILE besides the type, not"), a);
    }
    if (!type || !*type)
        return new_usage(_("which report type?"), NULL);
    const Starter *s = starter_for(type);
    if (!s)
        return RP_EUSAGE;
    size_t ol = out ? strlen(out) : 0;
    if (out && (ol < 5 || strcasecmp(out + ol - 4, ".xml") != 0))
        return new_usage(_("writes a report, a .xml file; -o names one, not"), out);
    if (out)
        return write_new(s, out, data_dir);
    put_starter(stdout, s, data_dir, NULL);
    return fflush(stdout) == 0 && !ferror(stdout) ? RP_OK : RP_EINPUT;
}
