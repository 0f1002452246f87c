/*
 * signals.h - what the command leaves behind when a signal stops it.
 *
 * SIGINT, SIGTERM and SIGHUP remove the temporary file of the PDF being
 * written, pass the signal on to the batch's child processes, and then
 * end the process by the same signal, so that its parent sees what
 * happened (a batch after hearing its children out: signals_collect). SIGXFSZ (a file larger than ulimit -f) is ignored: the write
 * then fails with EFBIG and is reported like any other failed write, the
 * temporary file removed. The handler only reads what was prepared
 * before (paths, process ids) and calls unlink, stat, kill, write and
 * raise, which are async-signal-safe.
 */
#ifndef RP_SIGNALS_H
#define RP_SIGNALS_H

#include <signal.h>
#include <stdbool.h>
#include <sys/stat.h>
#include <sys/types.h>

/* Install the handlers (a signal ignored when rapport started, as in a
 * background job, stays ignored). */
void signals_install(void);

/* For RpOptions.temp_file: remember the temporary file being written
 * (NULL: there is none). */
void signals_temp_file(const char *path);

/* A batch's progress, for a signal that stops it to say how far it got:
 * `said` (translated; its first %d is `done`, its second `total`) once
 * at the start, NULL after, with each report done. */
void signals_batch(const char *said, int done, int total);

/* Remember a child process of the batch while it runs (at most 64, as
 * -j allows), for the handler to pass a signal on to, and the PDF it
 * writes (NULL: none), with what was at that path before it started
 * (NULL: nothing), for the handler to count it as done once its PDF is
 * in place. */
void signals_child_start(pid_t pid, const char *output, const struct stat *before);

/* Hold off SIGINT, SIGTERM and SIGHUP (on: the mask before into *old),
 * or let them in again (off: *old back). Across a fork, so that a
 * signal finds the child in the table (signals_child_start). */
void signals_hold(bool on, sigset_t *old);

/* The child has ended: with it, the batch has `done` files done. */
void signals_child_end(pid_t pid, int done);
/* Whether child pid (still in the table) has put its PDF in place: a
 * file at its path that is not the one there when it started. */
bool signals_child_placed(pid_t pid);
/* On: a signal that stops the batch passes on to its children and
 * returns, for the batch to hear them out and end by it itself (its
 * signal from signals_stopping); a second signal ends it at once. */
void signals_collect(bool on);
/* The signal that stopped the batch, or 0. */
int signals_stopping(void);

#endif
