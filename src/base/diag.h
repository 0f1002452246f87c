/*
 * diag.h - diagnostics collected during a run (base layer).
 *
 * Input errors are not thrown: every stage that reads input records them
 * here as file:line:col: message (with an optional hint) and goes on, so a
 * user sees all mistakes of a file at once. The driver checks
 * diag_errors() between stages and prints the whole list.
 */
#ifndef RP_DIAG_H
#define RP_DIAG_H

#include <stdio.h>

typedef enum { DIAG_ERROR, DIAG_WARNING } DiagLevel;

typedef struct Diag {
    DiagLevel   level;
    const char *file;     /* borrowed: lives as long as the Diags */
    int         line;     /* 1-based; 0 when the message is about the file */
    int         col;      /* 1-based; 0 when unknown */
    char       *msg;      /* owned */
    char       *hint;     /* owned, may be NULL */
} Diag;

/* Errors and warnings are capped separately, so that a file full of
 * warnings never hides its one error: each level records at most `max`
 * messages and counts the rest. */
typedef struct Diags {
    Diag *v;
    int   n, cap;
    int   nerrors, nwarnings;
    int   max;            /* record at most this many of each level (limits.h) */
    int   strict;         /* record warnings as errors */
    int   kept_errors, kept_warnings;     /* recorded in v, by level */
    int   dropped_errors, dropped_warnings; /* counted but not recorded */
    int   last_dropped;   /* the latest message was not recorded: no hint for it */
    Diag *gone;           /* the errors counted but not recorded, their words cut
                           * short and no hint: for diag_drop_at to find them too */
    int   ngone, capgone, gone_from;  /* gone[0..gone_from) forgotten already */
} Diags;

void diags_init(Diags *d);
void diags_free(Diags *d);

/* Record an error or warning. `file` is borrowed and must outlive `d`.
 * `hint` may be NULL. Past `max` messages of its level it is only
 * counted. Never fails (out of memory ends the run: rp_oom). */
void diag_add(Diags *d, DiagLevel level, const char *file, int line, int col,
              const char *hint, const char *fmt, ...)
    __attribute__((format(printf, 7, 8)));

#define diag_error(d, file, line, col, ...) \
    diag_add((d), DIAG_ERROR, (file), (line), (col), NULL, __VA_ARGS__)
#define diag_warn(d, file, line, col, ...) \
    diag_add((d), DIAG_WARNING, (file), (line), (col), NULL, __VA_ARGS__)

/* Attach a hint to the most recent diagnostic (no-op if none, or if
 * that one was past the cap and not recorded). */
void diag_hint(Diags *d, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

/* Forget the errors recorded at file:line:col whose message holds
 * `needle` (NULL: any): a vaguer message about a mistake that a later
 * stage says precisely, so that each mistake is said once. Returns how
 * many were forgotten. */
int diag_drop_at(Diags *d, const char *file, int line, int col, const char *needle);

/* The same of the warnings kept (a warning an error at its place says
 * again: "1,877.0" looks English, and is no number to sum). */
int diag_drop_warning_at(Diags *d, const char *file, int line, int col, const char *needle);

/* Forget the messages recorded since d->n was `from` that say again what
 * one recorded before them said, at the same place (a part included a
 * second time; from 0: every repeat). Returns how many went. Quadratic
 * in the messages kept, which are at most 2 x d->max. */
int diags_forget_repeats(Diags *d, int from);

static inline int diag_errors(const Diags *d) { return d->nerrors; }

/* The indexes of d->v in source order (by file, line, column; messages
 * about one place in the order they were recorded), as diags_print
 * prints them: a malloc'd array of d->n ints that the caller frees. */
int *diags_order(const Diags *d);

/* Print all diagnostics in source order, compiler style:
 *   file:line:col: error: message
 *       hint: ...
 * When `only_errors` is set, warnings are skipped. Ends with how many
 * were past the cap and not shown, if any. */
void diags_print(const Diags *d, FILE *out, int only_errors);

#endif
