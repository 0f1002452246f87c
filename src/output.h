/*
 * output.h - the PDF file on disk: where it may go, and writing it so
 * that nothing is ever lost (the driver's; rapport.c calls it).
 *
 * The PDF is written to a temporary file beside its target and renamed
 * over it only when complete. The temporary file is named
 *
 *     TARGET.rapport-HOST-PID-XXXXXX     (e.g. report.pdf.rapport-5f3a09c2-4242-a7Qz0b)
 *
 * HOST being eight hex digits of a hash of the machine's name, PID the
 * writing process, XXXXXX six letters and digits; the writer holds it
 * locked (flock) until the rename. A TARGET whose name is too long for
 * the whole is cut in it. A run
 * that is stopped by a signal it can catch removes it (the command line's
 * handler, told the name through RpOptions.temp_file); one killed outright
 * (SIGKILL, a power cut) leaves it, and the next run that writes in that
 * folder removes it, once a run: see output_sweep for which ones count as
 * left over.
 *
 * Invariants:
 *   1. What exists at the target and is not a regular file (a folder,
 *      device, FIFO, socket or symbolic link) is never replaced.
 *   2. The report itself is never the target, whatever path or hard link
 *      names it (compared by device and inode).
 *   3. Until the rename, the target is untouched; after a failure the
 *      temporary file is gone.
 *   4. A regular file is replaced only if it is empty or begins as a PDF
 *      ("%PDF-"), or for a trace as a trace ("page "); the file that
 *      replaces it keeps its permissions. The trace is written the same
 *      way, and is never the PDF.
 */
#ifndef RP_OUTPUT_H
#define RP_OUTPUT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>
#include <sys/types.h>

#include "base/diag.h"

/* Why the PDF of `input` may not be written to `output`, in words that
 * follow "cannot write the PDF there: " ("it is a FIFO (named pipe)"),
 * or NULL when it may: `output` does not exist, or is an empty file or a
 * PDF that is not `input`. `input` may be NULL (rendering from memory). */
const char *output_refusal(const char *input, const char *output);

/* The same for the trace (--trace) of `input` beside the PDF `pdf`
 * (NULL: none): it replaces only a trace or an empty file, and is never
 * the PDF. */
const char *output_trace_refusal(const char *input, const char *pdf, const char *trace);

/* Whether the trace goes straight to `trace`, a device or a pipe
 * (/dev/stdout), not through a temporary file renamed over it. */
bool output_trace_direct(const char *trace);

/* The trace text[0..len) added at the end of `path`, a terminal, pipe or
 * file the shell opened (output_trace_direct), in one piece however many
 * reports write there at once. 0, or -1 with errno. */
int output_append_trace(const char *path, const char *text, size_t len);

/* The permissions of a file made new: 0666 less the umask. */
mode_t output_new_mode(void);

/* Are `a` and `b` names of one existing file (device and inode, links
 * followed)? False when either does not exist. */
bool output_same_file(const char *a, const char *b);

/* Write len bytes of buf to `path` through a temporary file renamed into
 * place (see above), after removing left-over temporary files in its
 * folder. `announce`, if not NULL, is called with the temporary file's
 * path just before it is created and with NULL once it is gone.
 * Returns 0, or -1 after recording why as an error about `path` in `d`;
 * then `path` is as it was. */
int output_write(const char *path, const unsigned char *buf, size_t len,
                 void (*announce)(const char *tmp), Diags *d);

/* The same for the trace (--trace), in its own words. */
int output_write_trace(const char *path, const char *text, size_t len,
                       void (*announce)(const char *tmp), Diags *d);

/* Remove the temporary files in the folder `dir` that runs killed while
 * writing left behind: named as above, regular files of this user, not
 * locked, whose process (of this machine) no longer runs or that have
 * not changed for an hour. Returns how many were removed. */
int output_sweep(const char *dir);

/* output_sweep() of the folder the file `path` is to be written in, the
 * first time this process (or the parent it was forked from) writes
 * there; later, nothing (0). A run killed while a batch goes on leaves
 * its file for the next run to remove. */
int output_sweep_for(const char *path);

#endif
