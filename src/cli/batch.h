/*
 * batch.h - rendering many reports in parallel processes (command line).
 */
#ifndef RP_BATCH_H
#define RP_BATCH_H

#include "../rapport.h"

typedef struct BatchItem {
    const char *input;
    const char *output;   /* NULL with --check */
    /* What to do with it, if not rendering it (the import): returns
     * RP_OK, RP_EINPUT or RP_SKIPPED, its messages written to `err`. */
    int (*work)(const struct BatchItem *it, FILE *err);
    const void *ctx;      /* for work */
} BatchItem;

/* Render items[0..n) with up to `jobs` at a time. Prints each failed
 * report's messages as a whole, a progress line on a terminal, and a
 * summary line; with `json`, each report's JSON line on stdout (json.h).
 * Returns RP_OK, or RP_EINPUT if any report failed. */
int batch_run(const RpOptions *o, const BatchItem *items, int n, int jobs, bool json);

/* The same for items that have their work: the progress and summary
 * lines count them as `done` ("imported") and `skipped` ("kept"). */
int batch_run_as(const RpOptions *o, const BatchItem *items, int n, int jobs,
                 const char *done, const char *skipped);

#endif
