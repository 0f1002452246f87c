/*
 * watch.c - rapport --watch REPORT.xml: the report rendered again each
 * time a file it is made from is saved (the command line). See watch.h.
 *
 * What is watched: the report and every file the library says it is made
 * from (RpListener.source: its layout and the layout's fonts, colour
 * profile and logo, its images, CSVs and parts), asked again after each
 * render, so that a new image or part is watched from the render that
 * first reads it. A render with errors may not get that far (a report
 * that does not parse names nothing), so after one the files of the
 * renders before stay watched, and so do the files its errors are in.
 *
 * How: inotify on the folders that hold those files, events filtered by
 * name. Editors save by writing a new file and renaming it over the old
 * one (IN_MOVED_TO) or by writing the file again (IN_CLOSE_WRITE); a
 * watch on the old file would see the first only as its deletion. A
 * file reached through a symbolic link is watched at both ends. A save
 * is a burst of events (a backup, a temporary file, the rename): from
 * the first that names a watched file, events are read until none has
 * come for QUIET_MS (at most BURST_MS in all), then the report is
 * rendered once. A save during a render waits in inotify's queue and
 * starts the next one.
 *
 * A render with errors writes nothing (the PDF is written to a temporary
 * file renamed into place only when complete: output.h), so the PDF is
 * always the last good one. Ctrl-C ends the watch as it ends any run
 * (signals.c), the temporary file of a PDF being written removed.
 */
#include "watch.h"
#include "json.h"
#include "result.h"
#include "xalloc.h"
#include "../base/i18n.h"
#include "../parse/files.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define QUIET_MS 100      /* a save's burst of events is over after this long without one */
#define BURST_MS 1000     /* nor does a burst put a render off longer than this */
#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_CREATE | IN_ATTRIB)

/* A watched file: the watch on its folder, and its name there. */
typedef struct Watched {
    int   wd;
    char *name;
} Watched;

typedef struct Watch {
    int       fd;          /* inotify */
    Watched  *v;
    int       n, cap;
    char    **paths;       /* the files watched, as the library named them */
    int       npaths, cappaths;
} Watch;

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Add `path` to the list, unless it is there. */
static void add_path(char ***v, int *n, int *cap, const char *path)
{
    if (!path || !*path)
        return;
    for (int i = 0; i < *n; i++)
        if (!strcmp((*v)[i], path))
            return;
    if (*n == *cap)
        *v = xgrow(*v, cap, sizeof **v);
    (*v)[(*n)++] = xstrdup(path);
}

static void free_paths(char **v, int n)
{
    for (int i = 0; i < n; i++)
        free(v[i]);
    free(v);
}

/* Watch the folder of `path` for its name. Returns the watch, or -1. */
static int watch_file(Watch *w, Watched **v, int *n, int *cap, const char *path)
{
    const char *slash = strrchr(path, '/');
    char dir[PATH_MAX];
    files_folder(path, dir, sizeof dir);
    int wd = inotify_add_watch(w->fd, dir, WATCH_MASK);
    if (wd < 0)
        return -1;
    if (*n == *cap)
        *v = xgrow(*v, cap, sizeof **v);
    (*v)[(*n)++] = (Watched){ wd, xstrdup(slash ? slash + 1 : path) };
    return wd;
}

/* Watch `paths` (and where their links lead) instead of what was
 * watched; the folders no longer needed are let go. Returns false if
 * the first of them, the report, cannot be watched. */
static bool rewatch(Watch *w, char **paths, int npaths)
{
    Watched *v = NULL;
    int n = 0, cap = 0;
    bool ok = true;
    for (int i = 0; i < npaths; i++) {
        int wd = watch_file(w, &v, &n, &cap, paths[i]);
        if (wd < 0 && i == 0) {
            fprintf(stderr, _("rapport: cannot watch %s: %s\n"), paths[i], strerror(errno));
            ok = false;
        }
        char real[PATH_MAX];
        if (realpath(paths[i], real) && strcmp(real, paths[i]))
            watch_file(w, &v, &n, &cap, real);
    }
    for (int i = 0; i < w->n; i++) {
        bool kept = false;
        for (int k = 0; k < n && !kept; k++)
            kept = v[k].wd == w->v[i].wd;
        for (int k = 0; k < i && !kept; k++)
            kept = w->v[k].wd == w->v[i].wd;      /* let go once */
        if (!kept)
            inotify_rm_watch(w->fd, w->v[i].wd);
        free(w->v[i].name);
    }
    free(w->v);
    w->v = v;
    w->n = n;
    w->cap = cap;
    free_paths(w->paths, w->npaths);
    w->paths = paths;
    w->npaths = npaths;
    return ok;
}

/* Read the events waiting; true if one of them is about a watched file
 * (or the queue overflowed: then any may have been). */
static bool read_events(Watch *w)
{
    char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
    bool hit = false;
    for (;;) {
        ssize_t len = read(w->fd, buf, sizeof buf);
        if (len < 0 && errno == EINTR)
            continue;
        if (len <= 0)
            return hit;
        for (char *p = buf; p < buf + len;) {
            const struct inotify_event *e = (const struct inotify_event *)p;
            if (e->mask & IN_Q_OVERFLOW)
                hit = true;
            for (int i = 0; i < w->n && !hit && e->len; i++)
                hit = w->v[i].wd == e->wd && !strcmp(w->v[i].name, e->name);
            p += sizeof *e + e->len;
        }
    }
}

/* Wait for a save of a watched file, and for its burst of events to end. */
static void wait_for_save(Watch *w)
{
    double first = -1;
    for (;;) {
        int timeout = -1;
        if (first >= 0) {
            double left = first + BURST_MS - now_ms();
            timeout = left <= 0 ? 0 : left < QUIET_MS ? (int)left : QUIET_MS;
        }
        struct pollfd p = { w->fd, POLLIN, 0 };
        int k = poll(&p, 1, timeout);
        if (k < 0 && errno != EINTR)
            return;
        if (k == 0 && first >= 0)
            return;                     /* quiet again: the save is done */
        if (k > 0 && read_events(w) && first < 0)
            first = now_ms();
        if (first >= 0 && now_ms() - first >= BURST_MS)
            return;
    }
}

/* One line for a render: when, and the pages or the errors. */
static void say(const RpOptions *o, const char *input, const char *output, int code,
                const Result *r, double ms)
{
    char when[16];
    time_t t = time(NULL);
    struct tm tm;
    strftime(when, sizeof when, "%H:%M:%S", localtime_r(&t, &tm));
    char warn[64] = "", count[64];
    if (r->warnings)
        snprintf(warn, sizeof warn, P_(", %d warning", ", %d warnings", r->warnings), r->warnings);
    if (code == RP_OK)
        snprintf(count, sizeof count, P_("%d page", "%d pages", r->pages), r->pages);
    else
        snprintf(count, sizeof count, P_("%d error", "%d errors", r->errors), r->errors);
    struct stat st;
    char secs[32];
    rp_decimal(secs, sizeof secs, ms / 1000, 2);
    if (code == RP_OK && o->check_only)
        printf(_("%s %s: checked, %s%s (%s s)\n"), when, input, count, warn, secs);
    else if (code == RP_OK)
        printf(_("%s %s: %s%s (%s s)\n"), when, output, count, warn, secs);
    else if (o->check_only)
        printf("%s %s: %s%s\n", when, input, count, warn);
    else if (stat(output, &st) == 0)
        printf(_("%s %s: %s%s; %s is the last good one, unchanged\n"), when, input, count, warn, output);
    else
        printf(_("%s %s: %s%s; %s not written\n"), when, input, count, warn, output);
    fflush(stdout);
}

/* Render once; the files to watch next (malloc'd, *n of them: the
 * report first). */
static char **render(const RpOptions *o, const char *input, const char *output, bool json,
                     const Watch *w, int *n)
{
    Result r;
    result_init(&r);
    RpOptions with = *o;
    with.listener = &r.listener;
    with.since = false;
    double t0 = now_ms();
    int code = rp_render_file(&with, input, output, stderr);
    double ms = now_ms() - t0;
    if (json) {
        char *line = json_line(input, o->check_only ? NULL : output, code, &r, ms / 1000);
        fputs(line, stdout);
        fflush(stdout);
        free(line);
    } else {
        say(o, input, output, code, &r, ms);
    }
    char **v = NULL;
    int cap = 0;
    *n = 0;
    add_path(&v, n, &cap, input);
    for (int i = 0; i < r.nsrc; i++)
        add_path(&v, n, &cap, r.src[i]);
    for (int i = 0; i < r.nmsg; i++)
        add_path(&v, n, &cap, r.msg[i].file);
    for (int i = 0; code != RP_OK && i < w->npaths; i++)
        add_path(&v, n, &cap, w->paths[i]);
    result_free(&r);
    return v;
}

int watch_run(const RpOptions *o, const char *input, const char *output, bool json)
{
    struct stat st;
    if (stat(input, &st) != 0 || !S_ISREG(st.st_mode)) {
        /* a report that is not there (a typo) is waited for by nobody */
        fprintf(stderr, _("rapport: --watch %s: %s\n"), input,
                stat(input, &st) != 0 ? strerror(errno) : _("not a report file"));
        return RP_EUSAGE;
    }
    Watch w = { 0 };
    w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
    if (w.fd < 0) {
        fprintf(stderr, _("rapport: --watch: cannot watch files: %s\n"), strerror(errno));
        return RP_EINPUT;
    }
    for (bool first = true;; first = false) {
        int n;
        char **paths = render(o, input, output, json, &w, &n);
        if (!rewatch(&w, paths, n))
            return RP_EINPUT;
        if (first)
            fprintf(stderr, P_("rapport: watching %s and the %d file it is made from; Ctrl-C stops\n",
                               "rapport: watching %s and the %d files it is made from; Ctrl-C stops\n", n - 1),
                    input, n - 1);
        wait_for_save(&w);
    }
}
