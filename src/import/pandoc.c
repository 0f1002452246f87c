/*
 * pandoc.c - finding pandoc and running it (command line, import only).
 *
 * pandoc is a separate program (Debian package pandoc): started with
 * fork and exec, its output and messages read through two pipes at the
 * same time, so that neither can fill up and stall it.
 *
 * pandoc runs in the locale C.UTF-8 whatever the person's is: it reads
 * its command line in the locale's encoding, and rapport hands it UTF-8
 * (the layout's words, the messages, file names). Under LANG=C, as cron
 * runs a nightly import, "Pågår" reached it as "P??g??r".
 */
#define _GNU_SOURCE             /* execvpe */
#include "pandoc.h"
#include "../base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

bool pandoc_installed(void)
{
    const char *path = getenv("PATH");
    if (!path || !*path)
        path = "/usr/local/bin:/usr/bin:/bin";
    while (*path) {
        const char *end = strchr(path, ':');
        size_t n = end ? (size_t)(end - path) : strlen(path);
        char cand[PATH_MAX];
        /* an empty entry is the current folder */
        if (snprintf(cand, sizeof cand, "%.*s%spandoc", (int)n, n ? path : ".", "/") < (int)sizeof cand) {
            struct stat st;
            if (stat(cand, &st) == 0 && S_ISREG(st.st_mode) && access(cand, X_OK) == 0)
                return true;
        }
        path += n + (end ? 1 : 0);
    }
    return false;
}

typedef struct Sink {
    char  *p;
    size_t n, cap, limit;
    bool   over;
} Sink;

static int sink_add(Sink *s, const char *buf, size_t n)
{
    if (s->n + n > s->limit) {
        s->over = true;
        n = s->limit > s->n ? s->limit - s->n : 0;
    }
    if (s->n + n + 1 > s->cap) {
        size_t cap = (s->n + n + 1) * 2;
        char *p = realloc(s->p, cap);
        if (!p)
            return -1;
        s->p = p;
        s->cap = cap;
    }
    memcpy(s->p + s->n, buf, n);
    s->n += n;
    s->p[s->n] = 0;
    return 0;
}

static char *text_dup(const char *s)
{
    char *d = strdup(s);
    if (!d) {
        fprintf(stderr, _("rapport: out of memory\n"));
        exit(1);
    }
    return d;
}

/* The child: in `dir`, stdin from /dev/null, stdout and stderr into the
 * pipes, then pandoc. Only async-signal-safe calls before exec. */
/* The environment pandoc runs in: this process's, its locale C.UTF-8.
 * Made before fork: the child of a process with threads may only call
 * what is async-signal-safe. */
extern char **environ;
static char **utf8_environment(void)
{
    size_t n = 0;
    while (environ && environ[n])       /* none at all after clearenv() */
        n++;
    char **env = malloc((n + 2) * sizeof *env);
    if (!env)
        return NULL;
    size_t k = 0;
    env[k++] = "LC_ALL=C.UTF-8";
    for (size_t i = 0; i < n; i++)
        if (strncmp(environ[i], "LC_ALL=", 7) != 0)
            env[k++] = environ[i];
    env[k] = NULL;
    return env;
}

static void child(char *const args[], char *const env[], const char *dir, int out, int err)
{
    int null = open("/dev/null", O_RDONLY);
    if (null >= 0)
        dup2(null, 0);
    dup2(out, 1);
    dup2(err, 2);
    if (dir && chdir(dir) != 0) {
        static const char msg[] = "cannot enter the folder of the output\n";
        ssize_t w = write(2, msg, sizeof msg - 1);
        (void)w;
        _exit(126);
    }
    execvpe(args[0], args, env);
    static const char msg[] = "cannot start pandoc\n";
    ssize_t w = write(2, msg, sizeof msg - 1);
    (void)w;
    _exit(127);
}

int pandoc_run(char *const args[], const char *dir, size_t limit, PandocRun *r)
{
    memset(r, 0, sizeof *r);
    r->status = -1;
    int po[2], pe[2];
    if (pipe(po) != 0)
        goto failed;
    if (pipe(pe) != 0) {
        close(po[0]);
        close(po[1]);
        goto failed;
    }
    char **env = utf8_environment();
    fflush(NULL);
    pid_t pid = env ? fork() : -1;
    if (pid < 0) {
        close(po[0]); close(po[1]); close(pe[0]); close(pe[1]);
        free(env);
        goto failed;
    }
    if (pid == 0) {
        close(po[0]);
        close(pe[0]);
        child(args, env, dir, po[1], pe[1]);
    }
    free(env);
    close(po[1]);
    close(pe[1]);
    Sink out = { .limit = limit }, err = { .limit = 64 * 1024 };
    struct pollfd pf[2] = { { po[0], POLLIN, 0 }, { pe[0], POLLIN, 0 } };
    int open_fds = 2;
    bool oom = false;
    while (open_fds > 0) {
        if (poll(pf, 2, -1) < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        for (int i = 0; i < 2; i++) {
            if (pf[i].fd < 0 || !(pf[i].revents & (POLLIN | POLLHUP | POLLERR)))
                continue;
            char buf[65536];
            ssize_t n = read(pf[i].fd, buf, sizeof buf);
            if (n < 0 && errno == EINTR)
                continue;
            if (n <= 0) {
                close(pf[i].fd);
                pf[i].fd = -1;
                open_fds--;
                continue;
            }
            if (sink_add(i ? &err : &out, buf, (size_t)n) != 0)
                oom = true;
        }
    }
    for (int i = 0; i < 2; i++)
        if (pf[i].fd >= 0)
            close(pf[i].fd);
    int st = 0;
    while (waitpid(pid, &st, 0) < 0 && errno == EINTR)
        ;
    r->out = out.p ? out.p : text_dup("");
    r->out_len = out.n;
    r->err = err.p ? err.p : text_dup("");
    r->too_large = out.over;
    r->status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
    if (oom) {
        free(r->err);
        r->err = text_dup("rapport ran out of memory reading what pandoc wrote");
        return -1;
    }
    return r->status == 0 ? 0 : -1;
failed:
    r->out = text_dup("");
    r->err = text_dup(strerror(errno));
    return -1;
}

void pandoc_run_free(PandocRun *r)
{
    free(r->out);
    free(r->err);
    memset(r, 0, sizeof *r);
}
