/*
 * batch.c - many reports at once (the command line).
 *
 * Each report is rendered in a child process of its own: a report that
 * crashes or runs out of memory takes nobody else with it, and up to -j
 * of them run at the same time. A child's messages are collected through
 * a pipe and printed in one piece when it ends, so the lines of two
 * reports never mix. On a terminal a progress line shows how far the
 * batch has come; at the end one summary line says how it went.
 *
 * With --json a child writes, after its messages, a NUL byte and its JSON
 * line (json.h) into the same pipe (no message holds a NUL: they are C
 * strings); the parent prints the messages on stderr and the line on
 * stdout in one piece, so the objects of reports rendered side by side
 * never mix. For a child that wrote none (it stopped on a signal) the
 * parent writes one.
 */
#include "batch.h"
#include "json.h"
#include "signals.h"
#include "xalloc.h"
#include "../base/limits.h"
#include "../base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct Job {
    const BatchItem *item;
    pid_t   pid;
    int     fd;            /* read end of the child's message pipe; -1 when closed */
    char   *msg;           /* what it printed so far */
    size_t  len, cap;
    double  t0;            /* when it started */
} Job;

/* What the batch has done so far, and how it is to say so. */
typedef struct Tally {
    int  done, rendered, failed, skipped, warnings;
    int  stopped;          /* reports a signal stopped (their PDFs as they were) */
    bool tty;              /* the progress line on stderr */
    bool json;             /* --json: each report's object on stdout */
    bool quiet;            /* -q: the reports' warnings counted, not printed */
    uint64_t *said;        /* the messages printed, by hash: a shared file's (the layout's) once */
    size_t nsaid, capsaid;
    const BatchItem **failures;   /* the reports that failed, named again after the summary */
    int nfail, capfail;
} Tally;

/* Report it failed: kept to be named again at the end. */
static void failed(Tally *t, const BatchItem *it)
{
    t->failed++;
    if (t->nfail == t->capfail)
        t->failures = xgrow(t->failures, &t->capfail, sizeof *t->failures);
    t->failures[t->nfail++] = it;
}

static int by_place(const void *a, const void *b)
{
    const BatchItem *x = *(const BatchItem *const *)a, *y = *(const BatchItem *const *)b;
    return x < y ? -1 : x > y;
}

/* After the summary, the reports that failed, in the order given
 * (their messages scrolled past among the others': in a batch of
 * hundreds, which ones to open is what a user needs); at most SHOWN. */
enum { FAILED_SHOWN = 20 };

static void say_failures(Tally *t)
{
    if (!t->nfail)
        return;
    qsort(t->failures, (size_t)t->nfail, sizeof *t->failures, by_place);
    fprintf(stderr, "%s", _("rapport: failed:"));      /* (rendering, --check and --import alike) */
    for (int i = 0; i < t->nfail && i < FAILED_SHOWN; i++)
        fprintf(stderr, "%s %s", i ? "," : "", t->failures[i]->input);
    if (t->nfail > FAILED_SHOWN)
        fprintf(stderr, P_(" and %d more", " and %d more", t->nfail - FAILED_SHOWN), t->nfail - FAILED_SHOWN);
    fputc('\n', stderr);
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

static void append(Job *j, const char *buf, size_t n)
{
    if (j->len + n + 1 > j->cap) {
        j->cap = (j->len + n + 1) * 2;
        char *m = realloc(j->msg, j->cap);
        if (!m)
            xoom();
        j->msg = m;
    }
    memcpy(j->msg + j->len, buf, n);
    j->len += n;
    j->msg[j->len] = 0;
}

/* Is the message line l[0..n) a warning: does its level, the first
 * ": warning: " or ": error: " in it (as diags_print writes them, before
 * the message's own words), say so? */
static bool warning_line(const char *l, size_t n)
{
    char warning[64], error[64];
    snprintf(warning, sizeof warning, ": %s: ", _("warning"));
    snprintf(error, sizeof error, ": %s: ", _("error"));
    size_t wl = strlen(warning), el = strlen(error);
    for (size_t i = 0; i + 2 < n; i++) {
        if (l[i] != ':')
            continue;
        if (i + wl <= n && !memcmp(l + i, warning, wl))
            return true;
        if (i + el <= n && !memcmp(l + i, error, el))
            return false;
    }
    return false;
}

/* The number of warnings not shown that line l tells of, as diags_print
 * ends with it ("rapport: 50 more warnings not shown"), or 0. */
static int more_warnings(const char *l)
{
    if (strncmp(l, "rapport: ", 9) != 0 || l[9] < '0' || l[9] > '9')
        return 0;
    int k = atoi(l + 9);
    char said[96];
    snprintf(said, sizeof said, P_("%d more warning", "%d more warnings", k), k);
    return strncmp(l + 9, said, strlen(said)) == 0 ? k : 0;
}

/* The warnings the lines of m say: one a warning line, and those a
 * line says were not shown. */
static int count_warnings(const char *m)
{
    int n = 0;
    for (const char *line = m; line && *line;) {
        const char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) : strlen(line);
        if (line[0] != ' ' && line[0] != '\t' && warning_line(line, len))
            n++;
        else
            n += more_warnings(line);
        line = nl ? nl + 1 : NULL;
    }
    return n;
}

/* m without its warnings (-q): each warning line and the indented lines
 * (hints) after it, and the count of those not shown. In place. */
static void drop_warnings(char *m)
{
    char *w = m;
    bool dropping = false;
    for (char *line = m; *line;) {
        char *nl = strchr(line, '\n');
        size_t len = nl ? (size_t)(nl - line) + 1 : strlen(line);
        bool cont = line[0] == ' ' || line[0] == '\t';
        if (!cont)
            dropping = warning_line(line, len) || more_warnings(line) > 0;
        if (!dropping) {
            memmove(w, line, len);
            w += len;
        }
        line += len;
    }
    *w = 0;
}

/* The child's PDF is in place: what is left is to say so, which it
 * does even if Ctrl-C comes now (a batch stopped counts it as done by
 * the PDF there: signals.h). */
static void finished(const char *path, int pages)
{
    (void)path;
    (void)pages;
    signal(SIGINT, SIG_IGN);
    signal(SIGTERM, SIG_IGN);
    signal(SIGHUP, SIG_IGN);
}

/* In a child: render (or do the work of) the item; with --json its
 * messages, a NUL and its JSON line on `err`. Returns the exit status. */
static int child(const RpOptions *opts, const BatchItem *it, FILE *err, bool json)
{
    if (it->work)
        return it->work(it, err);
    RpOptions own = *opts;
    own.written = finished;
    const RpOptions *o = &own;
    if (!json)
        return rp_render_file(o, it->input, it->output, err);
    char *line;
    int r = json_render(o, it->input, it->output, err, &line);
    fputc(0, err);
    fputs(line, err);
    free(line);
    return r;
}

static bool start(Job *j, const RpOptions *o, const BatchItem *it, bool json)
{
    int fds[2];
    /* not inherited past an exec: pandoc, run by an import, held the
     * write end, and a stopped batch waited for it (a review) */
    if (pipe(fds) != 0)
        return false;
    (void)fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    (void)fcntl(fds[1], F_SETFD, FD_CLOEXEC);
    /* what is at the PDF's path now, for a signal to tell a PDF put in
     * place (signals.h) */
    struct stat before;
    bool had = it->output && stat(it->output, &before) == 0;
    fflush(NULL);
    /* a signal between the fork and the child's place in the table
     * would not reach the child, which would go on writing its PDF */
    sigset_t mask;
    signals_hold(true, &mask);
    if (signals_stopping()) {           /* stopped since the loop looked: none started */
        signals_hold(false, &mask);
        close(fds[0]);
        close(fds[1]);
        errno = EINTR;
        return false;
    }
    pid_t pid = fork();
    if (pid < 0) {
        signals_hold(false, &mask);
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        signals_hold(false, &mask);
        close(fds[0]);
        FILE *err = fdopen(fds[1], "w");
        int r = child(o, it, err ? err : stderr, json);
        if (err)
            fclose(err);
        _exit(r);
    }
    close(fds[1]);
    signals_child_start(pid, it->output, had ? &before : NULL);
    signals_hold(false, &mask);
    memset(j, 0, sizeof *j);
    j->item = it;
    j->pid = pid;
    j->fd = fds[0];
    j->t0 = now_s();
    return true;
}

/* With --json, one report's line on stdout, whole. */
static void put_json(char *line)
{
    if (!line)
        xoom();
    fputs(line, stdout);
    fflush(stdout);
    free(line);
}

/* Whether message `h` was printed for another report of the batch (and
 * if not, it is now). */
static bool said_before(Tally *t, uint64_t h)
{
    for (size_t i = 0; i < t->nsaid; i++)
        if (t->said[i] == h)
            return true;
    if (t->nsaid == t->capsaid) {
        t->capsaid = t->capsaid ? 2 * t->capsaid : 64;
        t->said = realloc(t->said, t->capsaid * sizeof *t->said);
        if (!t->said)
            xoom();
    }
    t->said[t->nsaid++] = h;
    return false;
}

/* The messages m of report `input`: each (its line and the hints under
 * it) printed, but for one about another file (its layout, a part it
 * includes) printed for another report already, as a broken layout's
 * would be for every report that uses it. Returns whether its errors
 * are all about other files, the first one's file in `file`. */
static bool print_messages(Tally *t, const char *m, const char *input, char *file, size_t cap)
{
    bool own_error = false;
    file[0] = 0;
    size_t il = strlen(input);
    /* the levels as diags_print writes them, in the user's language */
    char error[64], warning[64];
    snprintf(error, sizeof error, ": %s: ", _("error"));
    snprintf(warning, sizeof warning, ": %s: ", _("warning"));
    for (const char *line = m; *line;) {
        const char *end = line;
        do {                            /* the message and its indented hints */
            const char *nl = strchr(end, '\n');
            end = nl ? nl + 1 : end + strlen(end);
        } while (*end == ' ' || *end == '\t');
        const char *err = strstr(line, error), *warn = strstr(line, warning);
        const char *said = err && err < end ? err : warn && warn < end ? warn : NULL;
        /* the file it is about: before ":line:col" and what it says */
        const char *colon = said;
        for (int k = 0; k < 2 && colon; k++) {
            const char *c = colon;
            while (c > line && c[-1] >= '0' && c[-1] <= '9')
                c--;
            if (c > line && c < colon && c[-1] == ':')
                colon = c - 1;
        }
        bool own = said && !strncmp(line, input, il) && line[il] == ':';
        bool other = said && !own && colon > line;
        uint64_t h = 1469598103934665603u;
        for (const char *q = line; q < end; q++)
            h = (h ^ (unsigned char)*q) * 1099511628211u;
        if (!other || !said_before(t, h))
            fwrite(line, 1, (size_t)(end - line), stderr);
        if (said == err && own)
            own_error = true;
        else if (said == err && other && !file[0])
            snprintf(file, cap, "%.*s", (int)(colon - line), line);
        line = end;
    }
    return !own_error && file[0];
}

/* A child is done: count it, print what it said. */
static void collect(Job *j, Tally *t, int n, const char *done_word)
{
    close(j->fd);
    int st = 0;
    waitpid(j->pid, &st, 0);
    /* stopped with the batch: not done, its PDF as it was, nothing said
     * (one that crashed meanwhile is said, as ever); but a report whose
     * PDF is in place is done, the signal come between putting it there
     * and saying so ("stopped after 0 of 3" with the first PDF there, on
     * a busy machine). Not an import: its file is checked after it is
     * written, and one not checked is not done. */
    bool stopped = signals_stopping() && WIFSIGNALED(st) && WTERMSIG(st) == signals_stopping();
    bool placed = stopped && !j->item->work && signals_child_placed(j->pid);
    if (stopped && !placed) {
        signals_child_end(j->pid, t->done);
        free(j->msg);
        t->stopped++;
        return;
    }
    signals_child_end(j->pid, t->done + 1);
    int code = WIFEXITED(st) ? WEXITSTATUS(st) : placed ? RP_OK : -1;
    char why[256];
    snprintf(why, sizeof why, "%s", _("the report's process wrote no result"));
    if (t->tty)
        fprintf(stderr, "\r\033[K");
    if (code == RP_OK) {
        t->rendered++;
    } else if (code == RP_SKIPPED) {
        t->skipped++;
    } else {
        failed(t, j->item);
        if (code < 0) {
            int sig = WIFSIGNALED(st) ? WTERMSIG(st) : 0;
            fprintf(stderr, _("%s: error: rapport stopped on it (signal %d); please report this file\n"),
                    j->item->input, sig);
            snprintf(why, sizeof why, _("rapport stopped on it (signal %d); please report this file"), sig);
        }
    }
    t->warnings += count_warnings(j->msg);
    if (j->len) {
        char *shown = strdup(j->msg);  /* its messages, up to the NUL --json puts after them */
        if (!shown)
            xoom();
        if (t->quiet)
            drop_warnings(shown);
        char file[512];
        /* failed for another file's errors (its layout's), said for
         * another report: this one is named */
        if (print_messages(t, shown, j->item->input, file, sizeof file) && code != RP_OK && code != RP_SKIPPED) {
            if (!strcmp(file, "rapport"))       /* the command line's: --layout not found beside this one */
                fprintf(stderr, _("%s: error: not rendered, for the error of the command line said above\n"),
                        j->item->input);
            else
                fprintf(stderr, _("%s: error: not rendered, for the errors in %s said above\n"), j->item->input, file);
        }
        free(shown);
    }
    if (t->json) {
        /* the messages, a NUL, the JSON line; or none, and one made here */
        const char *line = code >= 0 && j->msg ? memchr(j->msg, 0, j->len) : NULL;
        if (line && line[1]) {
            put_json(strdup(line + 1));
        } else if (placed) {
            /* its line unsaid: made here, its messages not known but to
             * be on stderr (some, or cut short), which it says */
            ResultMsg cut = { false, (char *)j->item->input, 0, 0,
                              (char *)_("the batch was stopped while this report said its messages: what it said "
                                        "is on stderr, perhaps cut short; its PDF is complete"), NULL };
            Result some = { .msg = &cut, .nmsg = 1, .pages = -1 };
            put_json(json_line(j->item->input, j->item->output, RP_OK, &some, now_s() - j->t0));
        } else
            put_json(json_failure(j->item->input, j->item->output, why, now_s() - j->t0));
    }
    free(j->msg);
    t->done++;
    if (t->tty)
        fprintf(stderr, _("[%d/%d] %d %s, %d failed"), t->done, n, t->rendered, _(done_word), t->failed);
}

/* Run items[0..n) as batch_run and batch_run_as say. */
static int run_all(const RpOptions *o, const BatchItem *items, int n, int jobs,
                   const char *done_word, const char *skipped_word, bool json)
{
    if (jobs < 1)
        jobs = 1;
    if (jobs > RP_MAX_JOBS)
        jobs = RP_MAX_JOBS;
    Tally t = { .tty = isatty(STDERR_FILENO), .json = json, .quiet = o->quiet };
    /* stopped by Ctrl-C, the batch says how far it got (a report not
     * done keeps its old PDF: nothing is half-written) */
    const char *stopped_after = _("\nrapport: stopped after %d of %d files; those not done are as they were\n");
    signals_batch(stopped_after, 0, n);
    signals_collect(true);
    /* the reports say their warnings to us, who count them, and print
     * them unless -q was given */
    RpOptions loud = *o;
    loud.quiet = false;
    o = &loud;
    signal(SIGPIPE, SIG_IGN);
    Job *run = calloc((size_t)jobs, sizeof *run);
    struct pollfd *pfd = calloc((size_t)jobs, sizeof *pfd);
    if (!run || !pfd) {
        fprintf(stderr, _("rapport: out of memory\n"));
        return RP_EINPUT;
    }
    int next = 0, active = 0;
    double t0 = now_s();
    while (next < n || active > 0) {
        if (signals_stopping())
            next = n;               /* no more started: those running are heard out */
        while (active < jobs && next < n) {
            if (!start(&run[active], o, &items[next], json)) {
                if (signals_stopping()) {
                    next = n;
                    break;
                }
                char why[256];
                snprintf(why, sizeof why, _("cannot start a process for it: %s"), strerror(errno));
                fprintf(stderr, _("%s: error: cannot start a process for it: %s\n"), items[next].input,
                        strerror(errno));
                if (json)
                    put_json(json_failure(items[next].input, items[next].output, why, 0));
                failed(&t, &items[next]);
                t.done++;
                signals_batch(NULL, t.done, n);
            } else {
                active++;
            }
            next++;
        }
        for (int k = 0; k < active; k++) {
            pfd[k].fd = run[k].fd;
            pfd[k].events = POLLIN;
            pfd[k].revents = 0;
        }
        if (active && poll(pfd, (nfds_t)active, -1) < 0 && errno != EINTR)
            break;
        for (int k = 0; k < active; k++) {
            if (!(pfd[k].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[4096];
            ssize_t r = read(run[k].fd, buf, sizeof buf);
            if (r > 0) {
                append(&run[k], buf, (size_t)r);
                continue;
            }
            if (r < 0 && errno == EINTR)
                continue;
            collect(&run[k], &t, n, done_word);
            run[k] = run[--active];
            pfd[k] = pfd[active];
            k--;
        }
    }
    if (t.tty)
        fprintf(stderr, "\r\033[K");
    signals_collect(false);
    int sig = signals_stopping();
    if (sig) {
        /* how far it got, for a person and (--json) a program: the
         * reports done have said so each, the rest are as they were */
        fprintf(stderr, stopped_after, t.done, n);
        if (json) {
            char msg[256];
            snprintf(msg, sizeof msg, stopped_after + 1, t.done, n);
            msg[strcspn(msg, "\n")] = 0;
            put_json(json_run("stopped", msg, now_s() - t0));
        }
        fflush(NULL);
        free(t.said);
        free(run);
        free(pfd);
        signal(sig, SIG_DFL);
        raise(sig);
        return 128 + sig;
    }
    /* the seconds as whole and tenths, so that a language can write its
     * own decimal mark ("4,6 s"); the words may move ("klara: 3") */
    long tenths = (long)((now_s() - t0) * 10 + 0.5);
    fprintf(stderr, P_("rapport: %d %s, %d failed, %d %s, %d warning, %ld.%ld s\n",
               "rapport: %d %s, %d failed, %d %s, %d warnings, %ld.%ld s\n", t.warnings),
            t.rendered, _(done_word), t.failed, t.skipped, _(skipped_word), t.warnings, tenths / 10, tenths % 10);
    say_failures(&t);
    signals_batch(NULL, t.done, -1);        /* said its summary: nothing more to say */
    free(t.failures);
    free(t.said);
    free(run);
    free(pfd);
    return t.failed ? RP_EINPUT : RP_OK;
}

int batch_run(const RpOptions *o, const BatchItem *items, int n, int jobs, bool json)
{
    return run_all(o, items, n, jobs, o->check_only ? N_("checked") : N_("rendered"), N_("up to date"), json);
}

int batch_run_as(const RpOptions *o, const BatchItem *items, int n, int jobs,
                 const char *done_word, const char *skipped_word)
{
    return run_all(o, items, n, jobs, done_word, skipped_word, false);
}
