/*
 * signals.c - removing the temporary file when a signal stops rapport
 * (the command line). See signals.h.
 *
 * The only global state of the program lives here, because a signal
 * handler can reach nothing else: the temporary file's path, copied in
 * before the file exists, and the batch's child processes.
 */
#include "signals.h"
#include "../base/limits.h"

#include <limits.h>
#include <signal.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char temp_path[PATH_MAX + 64];
static volatile sig_atomic_t temp_set;     /* temp_path holds a whole path */
static volatile sig_atomic_t children[RP_MAX_JOBS];
/* the PDF each writes, and what was at its path before (had: a file) */
static char child_out[RP_MAX_JOBS][PATH_MAX];
static bool child_had[RP_MAX_JOBS];
static dev_t child_dev[RP_MAX_JOBS];
static ino_t child_ino[RP_MAX_JOBS];
static volatile sig_atomic_t owner;        /* the process that started them */
static char batch_said[256];               /* signals_batch's words, "%d" twice */
static volatile sig_atomic_t batch_done, batch_total = -1;
static volatile sig_atomic_t batch_collects;  /* a stopped batch ends itself (signals_collect) */

/* The decimal digits of v >= 0 at *at (async-signal-safe). */
static char *put_count(char *at, long v)
{
    char d[24];
    int n = 0;
    do
        d[n++] = (char)('0' + v % 10);
    while ((v /= 10) > 0 && n < (int)sizeof d);
    while (n > 0)
        *at++ = d[--n];
    return at;
}

/* How many running children have their PDF in place: a PDF is renamed
 * into place (output.h), so a file there that is not the one there
 * before (which was still there when the new one was made, so the two
 * cannot share an inode) is the new PDF. A child whose PDF is in place
 * finishes what it has to say and ends (batch.c), and the parent may not
 * have heard of it yet ("stopped after 0 of 6" with the first PDF there). */
static bool placed_by(int i)
{
    struct stat st;
    return children[i] > 0 && child_out[i][0] && stat(child_out[i], &st) == 0 &&
           (!child_had[i] || st.st_dev != child_dev[i] || st.st_ino != child_ino[i]);
}

static long placed(void)
{
    long n = 0;
    for (int i = 0; i < RP_MAX_JOBS; i++)
        n += placed_by(i);
    return n;
}

bool signals_child_placed(pid_t pid)
{
    for (int i = 0; i < RP_MAX_JOBS; i++)
        if (children[i] == (sig_atomic_t)pid)
            return placed_by(i);
    return false;
}

/* What a batch stopped by a signal says: how far it got. */
static void say_batch(void)
{
    char line[sizeof batch_said + 48], *at = line;
    long v[2] = { batch_done + placed(), batch_total };
    int k = 0;
    for (const char *p = batch_said; *p && at < line + sizeof line - 24; p++) {
        if (p[0] == '%' && p[1] == 'd' && k < 2) {
            at = put_count(at, v[k++]);
            p++;
        } else {
            *at++ = *p;
        }
    }
    ssize_t w = write(STDERR_FILENO, line, (size_t)(at - line));
    (void)w;
}

static volatile sig_atomic_t stopping;      /* the signal that stopped a batch, 0 */

static void on_signal(int sig)
{
    if (temp_set)
        unlink(temp_path);
    if (owner == (sig_atomic_t)getpid()) {    /* a child inherits the table, not the children */
        for (int i = 0; i < RP_MAX_JOBS; i++)
            if (children[i] > 0)
                kill((pid_t)children[i], sig);
        if (batch_collects && !stopping) {
            /* the batch hears its children out (a report whose PDF is in
             * place says so, with --json its line), says how far it got
             * and ends by the signal (batch.c); a second, of any kind,
             * ends it now */
            stopping = sig;
            return;
        }
        if (batch_total >= 0)
            say_batch();
    }
    /* the action is the default again (SA_RESETHAND): end as the signal asked */
    raise(sig);
}

int signals_stopping(void) { return stopping; }

void signals_collect(bool on) { batch_collects = on; }

void signals_install(void)
{
    static const int sigs[] = { SIGINT, SIGTERM, SIGHUP };
    for (size_t i = 0; i < sizeof sigs / sizeof *sigs; i++) {
        struct sigaction old, sa;
        if (sigaction(sigs[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        memset(&sa, 0, sizeof sa);
        sa.sa_handler = on_signal;
        sigemptyset(&sa.sa_mask);
        for (size_t k = 0; k < sizeof sigs / sizeof *sigs; k++)
            sigaddset(&sa.sa_mask, sigs[k]);       /* one handler at a time */
        sa.sa_flags = SA_RESETHAND;
        sigaction(sigs[i], &sa, NULL);
    }
    signal(SIGXFSZ, SIG_IGN);
}

void signals_temp_file(const char *path)
{
    temp_set = 0;
    atomic_signal_fence(memory_order_seq_cst);   /* the handler never sees half a path */
    if (!path)
        return;
    size_t n = strlen(path);
    if (n >= sizeof temp_path)
        return;                 /* too long to keep: output_sweep removes it after a kill */
    memcpy(temp_path, path, n + 1);
    atomic_signal_fence(memory_order_seq_cst);
    temp_set = 1;
}

void signals_batch(const char *said, int done, int total)
{
    if (said) {
        batch_total = -1;
        atomic_signal_fence(memory_order_seq_cst);
        size_t n = strlen(said);
        if (n >= sizeof batch_said)
            return;
        memcpy(batch_said, said, n + 1);
        owner = (sig_atomic_t)getpid();
    }
    batch_done = done;
    atomic_signal_fence(memory_order_seq_cst);
    batch_total = total;
}

/* Signals held off while the children's table changes, so that the
 * handler sees each child either running or counted as done. */
void signals_hold(bool on, sigset_t *old)
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    sigaddset(&set, SIGTERM);
    sigaddset(&set, SIGHUP);
    sigprocmask(on ? SIG_BLOCK : SIG_SETMASK, on ? &set : old, on ? old : NULL);
}

void signals_child_start(pid_t pid, const char *output, const struct stat *before)
{
    sigset_t old;
    signals_hold(true, &old);
    owner = (sig_atomic_t)getpid();
    for (int i = 0; i < RP_MAX_JOBS; i++)
        if (children[i] == 0) {
            size_t n = output ? strlen(output) : 0;
            child_out[i][0] = 0;
            if (n < sizeof child_out[i] && output)
                memcpy(child_out[i], output, n + 1);
            child_had[i] = before != NULL;
            child_dev[i] = before ? before->st_dev : 0;
            child_ino[i] = before ? before->st_ino : 0;
            children[i] = (sig_atomic_t)pid;
            break;
        }
    signals_hold(false, &old);
}

void signals_child_end(pid_t pid, int done)
{
    sigset_t old;
    signals_hold(true, &old);
    for (int i = 0; i < RP_MAX_JOBS; i++)
        if (children[i] == (sig_atomic_t)pid)
            children[i] = 0;
    batch_done = done;
    signals_hold(false, &old);
}
