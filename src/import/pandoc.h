/*
 * pandoc.h - running pandoc for the import (command line only).
 *
 * pandoc reads Word and OpenDocument files for `rapport --import`; the
 * renderer never needs it. These two functions find it and run it with
 * its output and messages collected in memory.
 */
#ifndef RP_PANDOC_H
#define RP_PANDOC_H

#include <stdbool.h>
#include <stddef.h>

/* Is there an executable `pandoc` in a folder of $PATH? */
bool pandoc_installed(void);

/* What a pandoc run gave: its standard output and error, malloc'd and
 * NUL-terminated (the caller frees them), and how it ended. */
typedef struct PandocRun {
    char   *out;          /* the document it wrote */
    size_t  out_len;
    char   *err;          /* its messages */
    int     status;       /* exit status; -1: it could not be started, or ended by a signal */
    bool    too_large;    /* it wrote more than the limit given; out holds the start */
} PandocRun;

/*
 * Run `pandoc args...` (args[0] is "pandoc", NULL-terminated) in the
 * folder `dir` (NULL: here), its standard input /dev/null. Output beyond
 * `limit` bytes is not kept (too_large). Returns 0 if it ran and
 * exited 0; else -1, with why in r->err (for a start that failed: in
 * words of our own).
 */
int pandoc_run(char *const args[], const char *dir, size_t limit, PandocRun *r);

void pandoc_run_free(PandocRun *r);

#endif
