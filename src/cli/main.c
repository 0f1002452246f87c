/*
 * main.c - the rapport command: argv -> options -> one run per input.
 *
 * Exit status: 0 all went well, 1 an input had errors (its PDF was not
 * written), 2 the command line was wrong.
 */
#include "../rapport.h"
#include "../parse/files.h"
#include "../parse/value.h"
#include "batch.h"
#include "json.h"
#include "new.h"
#include "signals.h"
#include "watch.h"
#include "xalloc.h"
#include "../base/limits.h"
#include "../import/import.h"
#include "../output.h"

#ifndef RP_LOCALE_DIR
#define RP_LOCALE_DIR "/usr/local/share/locale"   /* where make install puts the catalogue */
#endif
#include "../base/i18n.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage[] =
    N_("usage: rapport [options] REPORT.xml|FOLDER...\n"
    "\n"
    "Renders each report to a PDF beside it (REPORT.pdf). A folder stands for\n"
    "every .xml file in it and in the folders inside it.\n"
    "\n"
    "  -o FILE            write the PDF to FILE (one report only)\n"
    "  -d DIR             write the PDFs into the folder DIR\n"
    "  -j N               render N reports at a time (default: one per processor core)\n"
    "  --threads N        threads one report may use (default: one per core for a single\n"
    "                     report, one each when several render at a time); same PDF\n"
    "  --since            skip a report whose PDF is newer than it, its images, CSVs, layout and fonts\n"
    "  --check            check and lay out the reports; write no PDF\n"
    "  --layout NAME|FILE use this layout instead of the one the report names\n"
    "  --trace FILE       also write a text dump of every page (for review; with --check too);\n"
    "                     it replaces only an earlier trace; one report, or /dev/stdout\n"
    "  --strict           treat warnings (e.g. a sum that does not add up) as errors\n"
    "  --allow-paths      let a report name files outside its own folder\n"
    "  --pdfa=LEVEL       archival PDF/A: 2a (the default), 2u, 2b, or off\n"
    "  --no-tags          no structure for screen readers (smaller; not PDF/UA or 2a)\n"
    "  -q, --quiet        print errors only, no warnings\n"
    "  --json             print one JSON object per report on stdout (JSON Lines):\n"
    "                     input, output, status, pages, warnings, errors, seconds\n"
    "  --watch            render the report again each time it, or a file it is made\n"
    "                     from, is saved; one line per render (Ctrl-C stops)\n"
    "  --new TYPE [-o FILE.xml]\n"
    "                     print a new report to start from (TYPE: verksamhetsberattelse,\n"
    "                     delarsrapport, verksamhetsplan, internbudget or rapport)\n"
    "  --import FILE.docx|FILE.odt|FOLDER...\n"
    "                     make Word or OpenDocument reports rapport reports\n"
    "                     (rapport --import --help: its options; needs pandoc)\n"
    "  --help             print this help\n"
    "  --version          print the version\n"
    "\n"
    "Exit status: 0 all went well, 1 a report had errors (no PDF written\n"
    "for it), 2 the command line was wrong.\n");

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, _("rapport: %s%s%s\n"), msg, arg ? " " : "", arg ? arg : "");
    fprintf(stderr, _("Try 'rapport --help' for the options.\n"));
    return RP_EUSAGE;
}

/* An option rapport does not know, with the one it likely is
 * ("--chek": --check). */
static int unknown_option(const char *a)
{
    static const char *const known[] = {
        "--help", "--version", "--layout", "--trace", "--threads", "--pdfa", "--check", "--since", "--strict",
        "--quiet", "--json", "--watch", "--allow-paths", "--no-tags", "--import", "--new", "--type",
        "-o", "-d", "-j", "-q", "-h", NULL,
    };
    size_t n = strcspn(a, "=");
    char name[64];
    snprintf(name, sizeof name, "%.*s", (int)(n < sizeof name ? n : sizeof name - 1), a);
    const char *near = NULL;
    int best = 3;
    for (int i = 0; known[i]; i++) {
        int d = value_distance(name, known[i]);
        if (d < best) {
            best = d;
            near = known[i];
        }
    }
    if (a[1] != '-')            /* "-v": a letter is too short to guess from, but the version's */
        near = a[1] == 'v' || a[1] == 'V' ? "--version" : NULL;
    fprintf(stderr, _("rapport: unknown option %s\n"), a);
    if (near)
        fprintf(stderr, _("Did you mean %s? 'rapport --help' lists the options.\n"), near);
    else
        fprintf(stderr, _("Try 'rapport --help' for the options.\n"));
    return RP_EUSAGE;
}

/* Make the folders of `path` (mkdir -p of its dirname). Returns 0, or
 * the errno of the first that could not be made (a folder there is
 * none: "nob/ut/x" says why "nob/ut" was not made, not "x"). */
static int make_dirs(char *path)
{
    int e = 0;
    for (char *p = path + 1; *p && !e; p++)
        if (*p == '/') {
            *p = 0;
            struct stat st;
            int made = mkdir(path, 0777) == 0 ? 0 : errno;
            if (made && made != EEXIST && !(stat(path, &st) == 0 && S_ISDIR(st.st_mode)))
                e = made;       /* (some mounts say EACCES of a folder that is there) */
            *p = '/';
        }
    return e;
}

/* REPORT.xml -> DIR/REPORT.pdf or REPORT.pdf beside it. A report found
 * in a folder keeps its place below that folder (DIR/sub/REPORT.pdf), so
 * two reports of one name in different folders stay apart. */
static char *output_for(const char *in, const char *dir, const char *rel)
{
    const char *base = dir ? (rel ? rel : strrchr(in, '/')) : NULL;
    base = base ? (base == rel ? base : base + 1) : in;
    size_t n = strlen(base);
    if (n > 4 && strcasecmp(base + n - 4, ".xml") == 0)
        n -= 4;
    size_t cap = (dir ? strlen(dir) + 1 : 0) + n + 5;
    char *out = malloc(cap);
    if (!out) {
        fprintf(stderr, _("rapport: out of memory\n"));
        exit(RP_EINPUT);
    }
    snprintf(out, cap, "%s%s%.*s.pdf", dir ? dir : "", dir ? "/" : "", (int)n, base);
    return out;
}

/* A folder, by device and inode: the same folder whatever the path. */
typedef struct FolderId {
    dev_t dev;
    ino_t ino;
} FolderId;

typedef struct Inputs {
    const char **v;
    const char **rel;     /* the path below the folder it was found in, or NULL */
    int n, cap;
    FolderId *seen;       /* folders searched so far */
    int nseen, capseen;
    char **folders;       /* the folders given, as walked (paths point into them) */
    int nfolders, capfolders;
    bool quiet;           /* -q: no warnings */
    bool told_depth;      /* the depth warning was printed */
} Inputs;

static void add_input(Inputs *in, const char *s, const char *rel)
{
    if (in->n == in->cap) {
        int cap = in->cap;
        in->v = xgrow(in->v, &in->cap, sizeof *in->v);
        in->rel = xgrow(in->rel, &cap, sizeof *in->rel);
    }
    in->v[in->n] = s;
    in->rel[in->n++] = rel;
}

/* Free what the inputs hold: the paths a walk made (those with a
 * relative path), the folders, the arrays. */
static void inputs_free(Inputs *in)
{
    for (int i = 0; i < in->n; i++)
        if (in->rel[i])
            free((char *)in->v[i]);
    for (int i = 0; i < in->nfolders; i++)
        free(in->folders[i]);
    free(in->v);
    free(in->rel);
    free(in->seen);
    free(in->folders);
    memset(in, 0, sizeof *in);
}

/* Was the folder `st` searched before? Remembers it if not. */
static bool seen_before(Inputs *in, const struct stat *st)
{
    for (int i = 0; i < in->nseen; i++)
        if (in->seen[i].dev == st->st_dev && in->seen[i].ino == st->st_ino)
            return true;
    if (in->nseen == in->capseen)
        in->seen = xgrow(in->seen, &in->capseen, sizeof *in->seen);
    in->seen[in->nseen++] = (FolderId){ st->st_dev, st->st_ino };
    return false;
}

static int by_name(const void *a, const void *b)
{
    return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* A layout lying among the reports (as the README suggests) is not a
 * report: its first element is <layout>; nor is a part of a report,
 * <part>, which the report that includes it renders. */
static bool is_layout(const char *path)
{
    /* never wait: a FIFO named x.xml would block the walk */
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    if (fd < 0)
        return false;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        close(fd);
        return false;
    }
    char buf[4096];
    ssize_t got = read(fd, buf, sizeof buf - 1);
    close(fd);
    size_t n = got > 0 ? (size_t)got : 0;
    buf[n] = 0;
    for (char *p = buf; (p = strchr(p, '<')); p++) {
        if (!strncmp(p, "<!--", 4)) {          /* a comment may mention <report> */
            char *e = strstr(p, "-->");
            if (!e)
                return false;
            p = e;
            continue;
        }
        if (p[1] == '?' || p[1] == '!')
            continue;          /* the declaration, a DOCTYPE */
        size_t k = !strncmp(p + 1, "layout", 6) ? 6 : !strncmp(p + 1, "part", 4) ? 4 : 0;
        char after = k ? p[k + 1] : 0;
        return k && (after == ' ' || after == '>' || after == '\n' || after == '\r' || after == '\t');
    }
    return false;
}

/* Every .xml file below `dir`, in name order; `root_len` is the length
 * of the folder given on the command line, for the relative paths.
 *
 * Each folder is searched once, however many links lead to it: a link to
 * a folder above (a loop) or a second link to the same folder would
 * otherwise make the walk exponential and render the same report many
 * times into ever deeper folders. Entries are taken in name order, so
 * which path reaches a linked folder first does not depend on the file
 * system. A name ending in .xml that is no regular file (a FIFO, a link
 * to nothing) is given to its run, which says what it is and reads
 * nothing (a FIFO would block). */
static void walk(Inputs *in, const char *dir, size_t root_len, int depth)
{
    struct stat st;
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode) || seen_before(in, &st))
        return;
    if (depth > RP_MAX_FOLDER_DEPTH) {
        if (!in->quiet && !in->told_depth)
            fprintf(stderr, _("rapport: warning: %s: folders nested more than %d deep are not searched\n"),
                    dir, RP_MAX_FOLDER_DEPTH);
        in->told_depth = true;
        return;
    }
    DIR *d = opendir(dir);
    if (!d) {
        if (!in->quiet)
            fprintf(stderr, _("rapport: warning: cannot read the folder %s: %s\n"), dir, strerror(errno));
        return;
    }
    char **names = NULL;
    int nnames = 0, cap = 0;
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.')
            continue;
        if (nnames == cap)
            names = xgrow(names, &cap, sizeof *names);
        if (!(names[nnames++] = strdup(e->d_name))) {
            fprintf(stderr, _("rapport: out of memory\n"));
            exit(RP_EINPUT);
        }
    }
    closedir(d);
    qsort(names, (size_t)nnames, sizeof *names, by_name);
    int first = in->n;
    for (int i = 0; i < nnames; i++) {
        size_t len = strlen(dir) + strlen(names[i]) + 2;
        char *p = malloc(len);
        if (!p) {
            fprintf(stderr, _("rapport: out of memory\n"));
            exit(RP_EINPUT);
        }
        snprintf(p, len, "%s/%s", dir, names[i]);
        size_t nl = strlen(names[i]);
        bool found = stat(p, &st) == 0;
        if (found && S_ISDIR(st.st_mode)) {
            walk(in, p, root_len, depth + 1);
            free(p);
        } else if (nl > 4 && !strcasecmp(names[i] + nl - 4, ".xml") && (!found || !S_ISREG(st.st_mode) || !is_layout(p))) {
            /* a report; or a name of one that is no file to read (a link
             * to a drive not mounted, a FIFO): its run says so, counted
             * as failed (it was left out without a word, exit 0: an
             * archivist) */
            add_input(in, p, p + root_len + 1);
        } else {
            free(p);
        }
        free(names[i]);
    }
    free(names);
    /* name order of the whole path, the relative paths moving along */
    for (int i = first + 1; i < in->n; i++)
        for (int k = i; k > first && by_name(&in->v[k - 1], &in->v[k]) > 0; k--) {
            const char *t = in->v[k]; in->v[k] = in->v[k - 1]; in->v[k - 1] = t;
            t = in->rel[k]; in->rel[k] = in->rel[k - 1]; in->rel[k - 1] = t;
        }
}

/* The folder holding layouts/ and fonts/: $RAPPORT_DATA, else found from
 * where the program is (build/rapport in a checkout, PREFIX/bin when
 * installed), else NULL (the library's default). Kept for the process. */
static const char *find_data_dir(void)
{
    const char *env = getenv("RAPPORT_DATA");
    if (env && *env)
        return env;
    static char found[PATH_MAX + 32];
    char exe[PATH_MAX], cand[PATH_MAX + 32], probe[PATH_MAX + 64];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return NULL;
    exe[n] = 0;
    char *slash = strrchr(exe, '/');
    if (!slash)
        return NULL;
    *slash = 0;
    static const char *const cands[] = { "%s/..", "%s/../..", "%s/../share/rapport" };
    for (int i = 0; i < 3; i++) {
        snprintf(cand, sizeof cand, cands[i], exe);
        snprintf(probe, sizeof probe, "%s/layouts/linkoping.xml", cand);
        struct stat st;
        if (stat(probe, &st) != 0)
            continue;
        if (realpath(cand, found))
            return found;
        snprintf(found, sizeof found, "%s", cand);
        return found;
    }
    return NULL;
}

/* The language of the messages, as POSIX orders the variables: LC_ALL,
 * then LC_MESSAGES, then LANG; "C" and "POSIX" (and none) are English.
 * Only the messages change: numbers in the PDF and everything else stay
 * as in the C locale. A Swedish office machine may lack the locale
 * sv_SE.UTF-8 (a fresh Debian has only C.UTF-8); then the messages are
 * still Swedish: LC_MESSAGES becomes C.UTF-8, which is not "C", so
 * gettext reads LANGUAGE, set to the language asked for when the user
 * gave none. The catalogue is beside the program (build/locale) or
 * where make install puts it (PREFIX/share/locale), found from the
 * program's own path. */
static void choose_language(void)
{
    const char *v = NULL;
    static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
    for (int i = 0; i < 3 && !(v && *v); i++)
        v = getenv(vars[i]);
    if (!v || !*v || !strcmp(v, "POSIX") || !strcmp(v, "C") || !strncmp(v, "C.", 2))
        return;
    if (!setlocale(LC_MESSAGES, "")) {
        const char *lang = getenv("LANGUAGE");
        if (!setlocale(LC_MESSAGES, "C.UTF-8") && !setlocale(LC_MESSAGES, "C.utf8"))
            return;
        if (!lang || !*lang) {
            char code[32];
            snprintf(code, sizeof code, "%.*s", (int)strcspn(v, ".@"), v);
            setenv("LANGUAGE", code, 1);
        }
    }
    char exe[PATH_MAX], dir[PATH_MAX + 32];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    const char *found = RP_LOCALE_DIR;
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash)
            *slash = 0;
        static const char *const cands[] = { "%s/locale", "%s/../share/locale" };
        for (int i = 0; i < 2; i++) {
            struct stat st;
            snprintf(dir, sizeof dir, cands[i], exe);
            if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode)) {
                found = dir;
                break;
            }
        }
    }
    bindtextdomain(RP_TEXT_DOMAIN, found);
    bind_textdomain_codeset(RP_TEXT_DOMAIN, "UTF-8");
    /* the C library's own messages too (strerror: "Åtkomst nekas"), which
     * would otherwise come in the character set of LC_CTYPE, ASCII when
     * only LC_MESSAGES could be set, as "?tkomst nekas" */
    bind_textdomain_codeset("libc", "UTF-8");
}

/* What the run takes from the environment, which the library never
 * reads: where its data is, the documents' date (SOURCE_DATE_EPOCH, for
 * reproducible builds) and whether to print the stages' times
 * (RAPPORT_TIMINGS=1, for the benchmark). */
static void environment(RpOptions *o)
{
    o->data_dir = find_data_dir();
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long v = strtol(sde, &end, 10);
        if (*end == 0 && v >= 0)
            o->source_date = v;
    }
    const char *tm = getenv("RAPPORT_TIMINGS");
    o->timings = tm && *tm && *tm != '0';
}

/* What the command line asks besides the run's options. */
typedef struct Cli {
    const char  *out, *dir;   /* -o FILE, -d DIR */
    int          jobs;        /* -j N; 0: one per core */
    bool         json;        /* --json */
    bool         watch;       /* --watch */
    const char **args;        /* the reports and folders named */
    int          nargs;
} Cli;

/* The value of an option that takes one (-o, -d, --layout, --trace).
 * "-d report.xml" or "--trace report.xml" would swallow the report, and
 * "-o report.xml" would overwrite it: refused. Returns -1, or the exit
 * status of a usage error. */
static int path_option(const char *a, const char *v, RpOptions *o, Cli *cl)
{
    size_t vl = strlen(v);
    if (vl == 0)
        return usage_error(a[1] == 'd' ? _("-d takes a folder for the PDFs; the name given is empty")
                           : a[1] == 'o' ? _("-o takes the PDF to write; the name given is empty")
                           : a[2] == 'l' ? _("--layout takes a layout's name or file; the name given is empty")
                                         : _("--trace takes a text file to write; the name given is empty"), NULL);
    if ((a[1] == 'o' && cl->out) || (a[1] == 'd' && cl->dir) || (a[2] == 'l' && o->layout) ||
        (a[2] == 't' && o->trace_path))
        return usage_error(_("this option is given twice:"), a);
    if (a[1] == 'o' && !strcmp(v, "-"))
        return usage_error(_("-o takes the PDF's file name; rapport does not write it to standard output:"), v);
    if (a[1] == 'o' && v[vl - 1] == '/')
        return usage_error(_("-o takes the PDF's file name; to write into a folder, give it with -d:"), v);
    if (a[2] != 'l' && vl > 4 && !strcasecmp(v + vl - 4, ".xml"))
        return usage_error(a[1] == 'd' ? _("-d takes a folder for the PDFs, not") :
                           a[1] == 'o' ? _("-o takes the PDF to write, not the report") :
                           _("--trace takes a text file to write, not the report"), v);
    if (a[1] == 'o') cl->out = v;
    else if (a[1] == 'd') cl->dir = v;
    else if (a[2] == 'l') o->layout = v;
    else o->trace_path = v;
    return -1;
}

/* A switch without a value; false if `a` is none. */
static bool flag_option(const char *a, RpOptions *o)
{
    if (strcmp(a, "--since") == 0)
        o->since = true;
    else if (strcmp(a, "--check") == 0)
        o->check_only = true;
    else if (strcmp(a, "--no-tags") == 0)
        o->untagged = true;
    else if (strcmp(a, "--allow-paths") == 0)
        o->allow_any_path = true;
    else if (strcmp(a, "--strict") == 0)
        o->strict = true;
    else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0)
        o->quiet = true;
    else
        return false;
    return true;
}

/* The number v gives, 1 to max; -1 if it is none or out of range. */
static int count_option(const char *v, int max)
{
    char *end;
    long n = v ? strtol(v, &end, 10) : 0;
    return !v || *end || n < 1 || n > max ? -1 : (int)n;
}

static int count_error(const char *what, int max)
{
    char msg[96];
    snprintf(msg, sizeof msg, _("%s, 1 to %d"), what, max);
    return usage_error(msg, NULL);
}

/* argv into `o` and `cl`. Returns -1 to go on, or the exit status:
 * --help and --version are done, a wrong option said. */
static int parse_args(int argc, char **argv, RpOptions *o, Cli *cl)
{
    bool options = true;                /* till "--": a report named "-x.xml" follows it */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!options) {
            cl->args[cl->nargs++] = a;
        } else if (strcmp(a, "--") == 0) {
            options = false;
        } else if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(_(usage), stdout);
            return RP_OK;
        } else if (strcmp(a, "--version") == 0) {
            printf("rapport %s\n", RAPPORT_VERSION);
            return RP_OK;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "-d") == 0 || strcmp(a, "--layout") == 0 ||
                   strcmp(a, "--trace") == 0) {
            if (i + 1 >= argc)
                return usage_error(_("missing value after"), a);
            int r = path_option(a, a[1] == 'd' ? files_trim_folder(argv[i + 1]) : argv[i + 1], o, cl);
            i++;
            if (r >= 0)
                return r;
        } else if (strcmp(a, "-j") == 0 || (strncmp(a, "-j", 2) == 0 && a[2])) {
            const char *v = a[2] ? a + 2 : i + 1 < argc ? argv[++i] : NULL;
            if ((cl->jobs = count_option(v, RP_MAX_JOBS)) < 0)
                return count_error(_("-j takes a number of reports at a time"), RP_MAX_JOBS);
        } else if (strcmp(a, "--threads") == 0 || strncmp(a, "--threads=", 10) == 0) {
            const char *v = a[9] == '=' ? a + 10 : i + 1 < argc ? argv[++i] : NULL;
            if ((o->threads = count_option(v, RP_MAX_THREADS)) < 0)
                return count_error(_("--threads takes a number of threads"), RP_MAX_THREADS);
        } else if (strncmp(a, "--layout=", 9) == 0 || strncmp(a, "--trace=", 8) == 0) {
            bool lay = a[2] == 'l';
            int r = path_option(lay ? "--layout" : "--trace", a + (lay ? 9 : 8), o, cl);
            if (r >= 0)
                return r;
        } else if (strncmp(a, "--pdfa=", 7) == 0 || strcmp(a, "--pdfa") == 0) {
            const char *v = a[6] == '=' ? a + 7 : i + 1 < argc ? argv[++i] : "";
            if (!strcmp(v, "off")) o->pdfa = RP_PDFA_OFF;
            else if (!strcmp(v, "2b")) o->pdfa = RP_PDFA_2B;
            else if (!strcmp(v, "2u")) o->pdfa = RP_PDFA_2U;
            else if (!strcmp(v, "2a")) o->pdfa = RP_PDFA_2A;
            else
                return usage_error(_("--pdfa takes 2a, 2u, 2b or off, not"), v);
        } else if (flag_option(a, o)) {
            continue;
        } else if (strcmp(a, "--json") == 0) {
            cl->json = true;
        } else if (strcmp(a, "--watch") == 0) {
            cl->watch = true;
        } else if (a[0] == '-' && a[1]) {
            return unknown_option(a);
        } else {
            cl->args[cl->nargs++] = a;
        }
    }
    return -1;
}

/* The reports named and those in the folders named. Folders are
 * searched once every option is known (-q). Returns -1, or an exit
 * status. */
static int gather(const Cli *cl, bool quiet, Inputs *in)
{
    in->quiet = quiet;
    for (int i = 0; i < cl->nargs; i++) {
        struct stat st;
        const char *arg = cl->args[i];
        if (stat(arg, &st) == 0 && S_ISDIR(st.st_mode)) {
            size_t al = strlen(arg);
            while (al > 1 && arg[al - 1] == '/')
                al--;
            char *folder = strndup(arg, al);     /* kept for the run: paths point into it */
            if (!folder)
                return RP_EINPUT;
            if (in->nfolders == in->capfolders)
                in->folders = xgrow(in->folders, &in->capfolders, sizeof *in->folders);
            in->folders[in->nfolders++] = folder;
            walk(in, folder, al, 0);
        } else {
            add_input(in, arg, NULL);
        }
    }
    if (in->n == 0)
        return usage_error(_("no report given (or no .xml file in the folders given)"), NULL);
    return -1;
}

/* The -d folder: a file is refused; a missing one is made (with `make`,
 * once nothing refuses the run: a batch refused makes none), as make
 * and cp -r would. Returns -1, or an exit status. */
static int output_folder(const char *dir, bool make)
{
    struct stat st;
    if (stat(dir, &st) == 0 && !S_ISDIR(st.st_mode))
        return usage_error(_("-d needs a folder, and this is a file:"), dir);
    if (stat(dir, &st) == 0 || !make)
        return -1;
    size_t dl = strlen(dir);
    char *mk = malloc(dl + 2);
    if (!mk)
        return RP_EINPUT;
    snprintf(mk, dl + 2, "%s/", dir);
    int e = make_dirs(mk);
    free(mk);
    if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode)) {
        fprintf(stderr, _("rapport: cannot make the folder %s: %s\n"), dir, strerror(e ? e : ENOENT));
        if (e == EACCES || e == EROFS || e == EPERM)
            fprintf(stderr, _("    hint: the folder it goes in may not be written to by you; "
                              "give -d a folder of your own\n"));
        return RP_EINPUT;
    }
    return -1;
}

/* Where the PDFs go: -o with one report only, and not onto anything it
 * may not replace; -d made. Returns -1, or an exit status. */
static int check_targets(RpOptions *o, const Cli *cl, Inputs *in)
{
    if (cl->out && in->n > 1)
        return usage_error(_("-o takes one report; use -d DIR for several"), NULL);
    if (cl->watch && in->n > 1)
        return usage_error(_("--watch takes one report"), NULL);
    /* each report's trace would replace the one before: only the last
     * would be left, and nothing said */
    if (o->trace_path && in->n > 1 && !output_trace_direct(o->trace_path))
        return usage_error(_("--trace FILE takes one report; for several, --trace /dev/stdout "
                             "gives each one's trace in turn"), NULL);
    /* each begins "report NAME": they come in the order they are done */
    o->trace_named = o->trace_path && in->n > 1;
    if (o->trace_path && cl->json && (!strcmp(o->trace_path, "/dev/stdout") || !strcmp(o->trace_path, "/dev/fd/1")))
        return usage_error(_("--json and --trace /dev/stdout would both write to standard output; "
                             "give the trace a file or a pipe of its own"), NULL);
    if (cl->out && cl->dir)
        return usage_error(_("-o and -d do not go together"), NULL);
    if (o->check_only && (cl->out || cl->dir) && !o->quiet)
        fprintf(stderr, _("rapport: warning: %s is not used with --check, which writes no PDF\n"), cl->out ? "-o" : "-d");
    if (cl->out && !o->check_only) {
        const char *why = rp_output_refused(in->v[0], cl->out);
        if (why) {
            fprintf(stderr, _("rapport: -o %s: cannot write the PDF there: %s\n"), cl->out, why);
            struct stat st;
            bool there = stat(cl->out, &st) == 0, dir = there && S_ISDIR(st.st_mode);
            if (dir)
                fprintf(stderr, _("To write the PDF into that folder: -d %s\n"), cl->out);
            inputs_free(in);
            /* a protected PDF is no mistake of the command's: the report
             * fails, and the PDF left is said to be an earlier one (exit
             * 2 said "the command line was wrong": a new user) */
            if (there && S_ISREG(st.st_mode) && (st.st_mode & 0222) == 0) {
                rp_say_left_as_it_was(o, cl->out, stderr);
                return RP_EINPUT;
            }
            return RP_EUSAGE;
        }
    }
    return cl->dir && !o->check_only ? output_folder(cl->dir, false) : -1;     /* --check writes nothing */
}

/* The file `path` names, its folder's links and "." and ".." resolved
 * ("./a.pdf" and "a.pdf" are one), malloc'd; `path` itself if its
 * folder cannot be resolved. */
static char *target_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash ? strndup(path, (size_t)(slash == path ? 1 : slash - path)) : strdup(".");
    char *real = dir ? realpath(dir, NULL) : NULL;
    free(dir);
    if (!real)
        return xstrdup(path);
    const char *base = slash ? slash + 1 : path;
    size_t cap = strlen(real) + strlen(base) + 2;
    char *t = malloc(cap);
    if (!t)
        xoom();
    snprintf(t, cap, "%s/%s", strcmp(real, "/") ? real : "", base);
    free(real);
    return t;
}

/* The -d folder and the one below it that `output` goes in ("-d ut
 * gamla/": ut/2019/r.pdf), made once the run is not refused. Returns
 * -1, or an exit status. */
static int made_folders(const RpOptions *o, const Cli *cl, const char *output)
{
    if (!cl->dir || o->check_only || !output)
        return -1;
    int r = output_folder(cl->dir, true);
    char *path = xstrdup(output);
    (void)make_dirs(path);      /* what fails is said when the PDF is written */
    free(path);
    return r;
}

/* (a layout's words, not wanted: rp_layout_words only says its errors) */
static void no_word(void *ctx, const char *kind, const char *key, const char *text)
{
    (void)ctx, (void)kind, (void)key, (void)text;
}

/* Several reports, `jobs` at a time, each in a process of its own;
 * refused if two would write one PDF. */
static int render_batch(RpOptions *o, const Cli *cl, Inputs *in)
{
    int ninputs = in->n;
    assert(ninputs > 1);
    BatchItem *items = calloc((size_t)ninputs, sizeof *items);
    if (!items)
        return RP_EINPUT;
    for (int i = 0; i < ninputs; i++) {
        items[i].input = in->v[i];
        items[i].output = o->check_only ? NULL : output_for(in->v[i], cl->dir, in->rel[i]);
    }
    /* by the files they name: "a.xml ./a.xml" would write a.pdf twice */
    char **names = o->check_only ? NULL : calloc((size_t)ninputs, sizeof *names);
    if (!o->check_only && !names)
        xoom();
    for (int i = 0; names && i < ninputs; i++)
        names[i] = target_name(items[i].output);
    for (int i = 0; names && i < ninputs; i++)
        for (int k = i + 1; k < ninputs; k++)
            if (!strcmp(names[i], names[k])) {
                struct stat a, b;
                if (stat(items[i].input, &a) != 0 || stat(items[k].input, &b) != 0)
                    continue;       /* a file missing: its run says so, and writes nothing */
                if (a.st_dev == b.st_dev && a.st_ino == b.st_ino) {
                    fprintf(stderr, _("rapport: %s and %s are the same report\n"), items[i].input, items[k].input);
                    fprintf(stderr, _("Give each report once.\n"));
                } else {
                    fprintf(stderr, _("rapport: %s and %s would both write %s\n"), items[i].input,
                            items[k].input, items[i].output);
                    fprintf(stderr, _("Give them different names, or put each folder's reports in a folder of its own and name the folder.\n"));
                }
                for (int j = 0; j < ninputs; j++)
                    free(names[j]);
                free(names);
                return RP_EUSAGE;
            }
    for (int i = 0; names && i < ninputs; i++)
        free(names[i]);
    free(names);
    /* a --layout found for none of the reports is the command line's
     * mistake: said once, as for one report, and nothing made (it was
     * an error of every report's, exit 1, with the folders made) */
    bool found = !o->layout;
    for (int i = 0; i < ninputs && !found; i++)
        found = rp_layout_exists(o, items[i].input);
    if (!found) {
        (void)rp_layout_words(o, items[0].input, no_word, NULL, stderr);
        if (cl->json) {         /* for a program reading the lines: one, of the run's */
            char msg[512];
            snprintf(msg, sizeof msg, _("layout \"%s\" not found"), o->layout);
            char *line = json_run("error", msg, 0);
            fputs(line, stdout);
            fflush(stdout);
            free(line);
        }
        for (int i = 0; i < ninputs; i++)
            free((char *)items[i].output);
        free(items);
        return RP_EUSAGE;
    }
    int made = made_folders(o, cl, items[0].output);
    for (int i = 1; made < 0 && i < ninputs; i++)
        made_folders(o, cl, items[i].output);
    if (made >= 0) {
        for (int i = 0; i < ninputs; i++)
            free((char *)items[i].output);
        free(items);
        return made;
    }
    /* one batch at a time writes in a folder: a second waits for the
     * first (two at once left a silent mix of their layouts: an
     * archivist); held to the end, by the reports' processes too */
    int lock = cl->dir && !o->check_only ? open(cl->dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (lock >= 0 && flock(lock, LOCK_EX | LOCK_NB) != 0 && errno == EWOULDBLOCK) {
        fprintf(stderr, _("rapport: another rapport is writing in %s; waiting for it to finish (Ctrl-C stops)\n"),
                cl->dir);
        (void)flock(lock, LOCK_EX);
    }
    /* the folders' left-overs removed here, once each, not by every
     * report's process before it writes (output_sweep_for) */
    for (int i = 0; i < ninputs && !o->check_only; i++)
        output_sweep_for(items[i].output);
    int jobs = cl->jobs;
    if (!jobs) {
        long cores = sysconf(_SC_NPROCESSORS_ONLN);
        jobs = cores > 0 ? (int)cores : 1;
    }
    /* reports side by side keep the cores busy: each one thread, unless
     * asked otherwise */
    if (jobs > 1 && o->threads == 0)
        o->threads = 1;
    /* fonts, schema and patterns loaded once, here: every report's
     * process is forked from this one and finds them ready */
    o->engine = rp_engine_new();
    rp_engine_prepare(o);
    int status = batch_run(o, items, ninputs, jobs, cl->json);
    if (lock >= 0)
        close(lock);
    rp_engine_free(o->engine);
    for (int i = 0; i < ninputs; i++)
        free((char *)items[i].output);
    free(items);
    return status;
}

/* A report rendered at a terminal says what it wrote: "wrote
 * rapport.pdf, 22 pages" (nothing when the messages go to a file or a
 * pipe, or with -q). */
static void say_written(const char *path, int pages)
{
    fprintf(stderr, P_("wrote %s, %d page\n", "wrote %s, %d pages\n", pages), path, pages);
}

static void say_checked(const char *input, int pages)
{
    fprintf(stderr, P_("%s: no errors (%d page)\n", "%s: no errors (%d pages)\n", pages), input, pages);
}

/* One report: rendered (with --json, its object on stdout), or watched. */
static int render_one(const RpOptions *o, const Cli *cl, const Inputs *in)
{
    char *dst = o->check_only || cl->out ? NULL : output_for(in->v[0], cl->dir, in->rel[0]);
    const char *target = o->check_only ? NULL : cl->out ? cl->out : dst;
    int r = made_folders(o, cl, dst);
    if (r >= 0) {
        free(dst);
        return r;
    }
    if (cl->watch) {
        r = watch_run(o, in->v[0], target, cl->json);
    } else if (cl->json) {
        char *line;
        r = json_render(o, in->v[0], target, stderr, &line);
        fputs(line, stdout);
        free(line);
        if (fflush(stdout) != 0)
            r = RP_EINPUT;
    } else {
        r = rp_render_file(o, in->v[0], target, stderr);
    }
    /* --since at a terminal: said, as a batch says it ("1 up to date") */
    if (r == RP_SKIPPED && o->written && target)
        fprintf(stderr, _("%s is up to date: newer than the report and what it is made from\n"), target);
    free(dst);
    return r == RP_SKIPPED ? RP_OK : r;
}

int main(int argc, char **argv)
{
#if defined(__GLIBC__) && defined(M_ARENA_MAX)
    /* one malloc arena for all the threads: what one frees another
     * reuses (a thread's own arena is fresh pages), 0.3 MB less at the
     * peak of a report, at no cost in time (measured) */
    mallopt(M_ARENA_MAX, 1);
#endif
#if defined(__GLIBC__) && defined(M_MMAP_THRESHOLD)
    /* blocks of 64 KB and more mapped, and given back when freed: glibc
     * otherwise raises this bound to the largest block freed so far (the
     * report's text, read: 1 MB for the verksamhetsberättelse x10), and
     * the blocks then taken from the heap leave holes it cannot give
     * back. 0.6-1.0 MB less at the peak of a 226-page report, 1.5 MB
     * of 200 pages; a few more page faults, no change in time (measured) */
    mallopt(M_MMAP_THRESHOLD, 64 * 1024);
#endif
    choose_language();
    if (import_requested(argc, argv))
        return import_main(argc, argv, find_data_dir());
    if (new_requested(argc, argv))
        return new_main(argc, argv, find_data_dir());
    RpOptions o;
    rp_options_init(&o);
    environment(&o);
    signals_install();
    o.temp_file = signals_temp_file;
    Cli cl = { 0 };
    Inputs in = { 0 };
    cl.args = calloc((size_t)argc, sizeof *cl.args);
    if (!cl.args)
        return RP_EINPUT;
    int r = parse_args(argc, argv, &o, &cl);
    if (r < 0)
        r = gather(&cl, o.quiet, &in);
    free(cl.args);
    if (r >= 0)
        return r;
    if (o.untagged && o.pdfa == RP_PDFA_2A)
        o.pdfa = RP_PDFA_2U;        /* 2a needs the tags: the nearest level without them */
    r = check_targets(&o, &cl, &in);
    if (r >= 0)
        return r;
    if (in.n == 1) {
        if (!o.quiet && !cl.json && !cl.watch && isatty(STDERR_FILENO)) {
            o.written = say_written;
            o.checked = say_checked;
        }
        /* the schema, fonts and patterns made ready on the other core
         * while the report is read and checked */
        if (!cl.watch) {
            o.engine = rp_engine_new();
            rp_engine_prepare_beside(&o);
        }
        r = render_one(&o, &cl, &in);
        rp_engine_free(o.engine);
        o.engine = NULL;
    } else {
        r = render_batch(&o, &cl, &in);
    }
    inputs_free(&in);
    return r;
}
