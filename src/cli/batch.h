/*
 * batch.h - rendering many reports in parallel processes (command line).
 */
#ifndef RP_BATCH_H
#define RP_BATCH_H

#include "../rapport.h"

typedef struct BatchItem {
    const char *input;
    const char *output;   /* NULL with --check */
} BatchItem;

/* Render items[0..n) with up to `jobs` at a time. Prints each failed
 * report's messages as a whole, a progress line on a terminal, and a
 * summary line. Returns RP_OK, or RP_EINPUT if any report failed. */
int batch_run(const RpOptions *o, const BatchItem *items, int n, int jobs);

#endif
