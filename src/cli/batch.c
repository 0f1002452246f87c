/*
 * batch.c - many reports at once (the command line).
 *
 * Each report is rendered in a child process of its own: a report that
 * crashes or runs out of memory takes nobody else with it, and up to -j
 * of them run at the same time. A child's messages are collected through
 * a pipe and printed in one piece when it ends, so the lines of two
 * reports never mix. On a terminal a progress line shows how far the
 * batch has come; at the end one summary line says how it went.
 */
#include "batch.h"
#include "signals.h"
#include "../base/limits.h"
#include "../base/i18n.h"

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

typedef struct Job {
    const BatchItem *item;
    pid_t   pid;
    int     fd;            /* read end of the child's message pipe; -1 when closed */
    char   *msg;           /* what it printed so far */
    size_t  len, cap;
} Job;

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
        if (!m) {
            fprintf(stderr, _("rapport: out of memory\n"));
            exit(RP_EINPUT);
        }
        j->msg = m;
    }
    memcpy(j->msg + j->len, buf, n);
    j->len += n;
    j->msg[j->len] = 0;
}

static int count_warnings(const char *m)
{
    char warning[64];              /* as diags_print writes it */
    snprintf(warning, sizeof warning, ": %s: ", _("warning"));
    int n = 0;
    for (const char *p = m; p && (p = strstr(p, warning)); p++)
        n++;
    return n;
}

static bool start(Job *j, const RpOptions *o, const BatchItem *it)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        FILE *err = fdopen(fds[1], "w");
        int r = it->work ? it->work(it, err ? err : stderr)
                         : rp_render_file(o, it->input, it->output, err ? err : stderr);
        if (err)
            fclose(err);
        _exit(r);
    }
    close(fds[1]);
    signals_child(pid, true);
    memset(j, 0, sizeof *j);
    j->item = it;
    j->pid = pid;
    j->fd = fds[0];
    return true;
}

int batch_run(const RpOptions *o, const BatchItem *items, int n, int jobs)
{
    return batch_run_as(o, items, n, jobs, N_("rendered"), N_("up to date"));
}

int batch_run_as(const RpOptions *o, const BatchItem *items, int n, int jobs,
                 const char *done_word, const char *skipped_word)
{
    if (jobs < 1)
        jobs = 1;
    if (jobs > RP_MAX_JOBS)
        jobs = RP_MAX_JOBS;
    bool tty = isatty(STDERR_FILENO);
    signal(SIGPIPE, SIG_IGN);
    Job *run = calloc((size_t)jobs, sizeof *run);
    struct pollfd *pfd = calloc((size_t)jobs, sizeof *pfd);
    if (!run || !pfd) {
        fprintf(stderr, _("rapport: out of memory\n"));
        return RP_EINPUT;
    }
    int next = 0, active = 0, done = 0;
    int rendered = 0, failed = 0, skipped = 0, warnings = 0;
    double t0 = now_s();
    while (next < n || active > 0) {
        while (active < jobs && next < n) {
            if (!start(&run[active], o, &items[next])) {
                fprintf(stderr, _("%s: error: cannot start a process for it: %s\n"), items[next].input,
                        strerror(errno));
                failed++;
                done++;
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
            /* the child is done: collect it */
            close(run[k].fd);
            int st = 0;
            waitpid(run[k].pid, &st, 0);
            signals_child(run[k].pid, false);
            int code = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
            if (tty)
                fprintf(stderr, "\r\033[K");
            if (code == RP_OK) {
                rendered++;
            } else if (code == RP_SKIPPED) {
                skipped++;
            } else {
                failed++;
                if (code < 0)
                    fprintf(stderr, _("%s: error: rapport stopped on it (signal %d); please report this file\n"),
                            run[k].item->input, WIFSIGNALED(st) ? WTERMSIG(st) : 0);
            }
            warnings += count_warnings(run[k].msg);
            if (run[k].len)
                fputs(run[k].msg, stderr);
            free(run[k].msg);
            done++;
            run[k] = run[--active];
            pfd[k] = pfd[active];
            k--;
            if (tty)
                fprintf(stderr, _("[%d/%d] %d %s, %d failed"), done, n, rendered, _(done_word), failed);
        }
    }
    if (tty)
        fprintf(stderr, "\r\033[K");
    fprintf(stderr, P_("rapport: %d %s, %d failed, %d %s, %d warning, %.1f s\n",
               "rapport: %d %s, %d failed, %d %s, %d warnings, %.1f s\n", warnings),
            rendered, _(done_word), failed, skipped, _(skipped_word), warnings,
            now_s() - t0);
    free(run);
    free(pfd);
    return failed ? RP_EINPUT : RP_OK;
}
