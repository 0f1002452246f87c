/*
 * rapport.h - the public API of rapport (rp_ prefix).
 *
 * rapport turns a report written in XML (see README.md, "Report format")
 * into a print-ready PDF in the house style of a layout. The command line
 * (cli/), the tests and the fuzzer all go through this header.
 *
 * A run is: parse -> measure -> paginate -> draw, each stage reading the
 * previous stage's output (rapport.c). A run owns one arena; nothing is
 * global, so many runs may happen in one process, one after the other or
 * in parallel threads. The library reads no environment variable and
 * never the clock for its output: what a run depends on is in RpOptions
 * (the command line, cli/, fills it from the environment).
 */
#ifndef RAPPORT_H
#define RAPPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#define RAPPORT_VERSION "0.1.0"

/* Where layouts/ and fonts/ are when RpOptions.data_dir does not say:
 * where `make install` puts them. */
#define RP_DEFAULT_DATA_DIR "/usr/local/share/rapport"

/* Exit statuses of the command (and results of rp_render_file). */
enum {
    RP_OK = 0,          /* all went well */
    RP_EINPUT = 1,      /* an input had errors: nothing written for it */
    RP_EUSAGE = 2,      /* the command line was wrong */
    RP_SKIPPED = 3,     /* rp_render_file with `since`: the PDF was up to date */
};

/* Archival PDF levels (--pdfa). */
enum { RP_PDFA_OFF = 0, RP_PDFA_2B = 1, RP_PDFA_2U = 2, RP_PDFA_2A = 3 };

/*
 * What runs in one process share: fonts (loaded and checked once, and the
 * words shaped once), the compiled schema, hyphenation patterns. Optional:
 * a run without one loads what it needs for itself. Used by one thread at
 * a time; forked children inherit what it held when they were forked.
 */
typedef struct RpEngine RpEngine;

RpEngine *rp_engine_new(void);
void rp_engine_free(RpEngine *e);

/* An error or warning of a run, for a caller that wants it structured
 * (RpListener.message) rather than as a line of text. */
typedef struct RpMessage {
    bool        error;      /* an error; else a warning */
    const char *file;       /* the file it is about */
    int         line, col;  /* 1-based; 0 when not known */
    const char *text;       /* the message, without file, place and level */
    const char *hint;       /* what to do about it, or NULL */
} RpMessage;

/*
 * What a run found out, told to a caller that asks (the command's --json
 * and --watch). Every member may be NULL. The strings are borrowed for
 * the call only.
 */
typedef struct RpListener {
    void *ctx;
    /* each error and warning, in the order they are printed (-q or not),
     * as they are also printed on `err` */
    void (*message)(void *ctx, const RpMessage *m);
    /* each file the report is made from besides itself (its layout, the
     * layout's fonts, its images, CSVs, parts), once the report has been
     * read: what --since compares and --watch watches */
    void (*source)(void *ctx, const char *path);
    /* the number of pages, once laid out */
    void (*pages)(void *ctx, int pages);
} RpListener;

typedef struct RpOptions {
    const char *layout;     /* --layout NAME|PATH; NULL: the report's, else the default */
    const char *data_dir;   /* where layouts/ and fonts/ live; NULL: RP_DEFAULT_DATA_DIR
                             * (the command finds it: RAPPORT_DATA, else beside itself) */
    bool        check_only; /* --check: check and lay out, write nothing */
    bool        quiet;      /* no warnings on the error stream */
    bool        strict;     /* --strict: warnings count as errors */
    bool        allow_any_path; /* --allow-paths: files may lie outside the report's folder */
    int         pdfa;       /* RP_PDFA_*: default RP_PDFA_2A (tagged) */
    bool        untagged;   /* --no-tags: no structure tree (and so no PDF/A-2a, PDF/UA) */
    bool        since;      /* --since: skip a report whose PDF is newer than all it is made from */
    const char *trace_path; /* if set: also write a text dump of every page here */
    bool        trace_named;/* begin the dump with a line "report NAME" (several reports'
                             * dumps on one stream, in the order they are done) */
    long        source_date;/* seconds since 1970 for the PDF's dates; -1: the report's <date>
                             * (the command passes SOURCE_DATE_EPOCH) */
    bool        timings;    /* print each stage's time on `err` (the command: RAPPORT_TIMINGS=1) */
    int         threads;    /* threads one run may use, its own included: 1 none beside it;
                             * 0 one per processor core (at most RP_MAX_THREADS). The PDF is
                             * the same whatever the number. */
    /* If set, called with the path of the temporary file the PDF is
     * written to just before it is made, and with NULL once it is gone
     * (renamed into place or removed): a command line keeps it so that
     * its signal handler can remove the file. */
    void      (*temp_file)(const char *path);
    RpEngine   *engine;     /* shared with other runs (rp_engine_new); NULL: the run's own */
    /* If set, called by rp_render_file once the PDF `path` of `pages`
     * pages is in place (the command tells a user at a terminal). */
    void      (*written)(const char *path, int pages);
    /* If set, called by rp_render_file with --check once the report
     * `input` of `pages` pages is found without errors (a user at a
     * terminal saw nothing, and could not tell it was checked). */
    void      (*checked)(const char *input, int pages);
    const RpListener *listener; /* told what the run finds (see there); NULL: nobody */
} RpOptions;

/* Fill `o` with the defaults. */
void rp_options_init(RpOptions *o);

/* Load into o->engine what runs with options `o` will need before they
 * start: the schema, and the fonts and hyphenation patterns of o->layout
 * (or the default layout). A batch calls it before forking its workers.
 * Nothing is reported: a run reports what it cannot load. */
void rp_engine_prepare(const RpOptions *o);

/* The same on a thread of its own, while the caller goes on to render
 * one report with o->engine: the report's file is read and checked while
 * the schema is compiled and the fonts and patterns are loaded (on a
 * machine of one core it costs a thread and saves nothing). Render one
 * report at a time with the engine; rp_engine_free waits for the thread. */
void rp_engine_prepare_beside(const RpOptions *o);

/*
 * Render the report file `input` to the PDF `output` (NULL: no PDF, as
 * for check_only). Messages go to `err` as file:line:col: message. The
 * PDF is written to a temporary file beside `output`, named
 * OUTPUT.rapport-PID-XXXXXX, and renamed into place only when complete,
 * so a failed run leaves the old file (or none); temporary files that
 * killed runs left in that folder are removed first. Nothing is written
 * where rp_output_refused() objects, nor over a file the report is made
 * from (its parts, layout, fonts, images).
 * Returns RP_OK or RP_EINPUT; with o->since, RP_SKIPPED when `output` is
 * newer than the report, its parts, its layout, the layout's files and
 * its images and CSVs
 * (and not dated in the future).
 */
int rp_render_file(const RpOptions *o, const char *input, const char *output, FILE *err);

/* The last line of a run that made no PDF where an earlier one stands:
 * "X.pdf: note: no new PDF was made; the one there is from an earlier
 * run (date) ..." (nothing where none stands, with --check, or with a
 * listener that takes the messages). */
void rp_say_left_as_it_was(const RpOptions *o, const char *output, FILE *err);

/*
 * Why the PDF of the report `input` may not be written to `output`, as
 * words to follow "cannot write the PDF there: ", or NULL if it may.
 * Refused: anything that exists and is not a regular file (a folder,
 * device, FIFO, socket, symbolic link), the report itself by any path or
 * hard link, and a file that is neither empty nor a PDF (a document
 * named by mistake: only a PDF is ever replaced).
 */
const char *rp_output_refused(const char *input, const char *output);

/*
 * The words of the layout o->layout (or the default one), found as for
 * a report at `near` (NULL: among rapport's own): `each` is called with
 * kind "goal" or "activity", the status's name and a word for it (the
 * status's own word, then its wording for each report type), then with
 * kind NULL, the key and the text of every general word ("contents",
 * "appendix", "legend" ...). For importing old reports, whose wording
 * may be any of them. Errors go to `err`. Returns RP_OK or RP_EINPUT.
 */
int rp_layout_words(const RpOptions *o, const char *near,
                    void (*each)(void *ctx, const char *kind, const char *key, const char *text),
                    void *ctx, FILE *err);

/* Whether the layout o->layout (given on the command line) is found for
 * a report at `near`, as rendering it would look for it; not read. */
bool rp_layout_exists(const RpOptions *o, const char *near);

/*
 * The same from memory, for the fuzzer and tests: `name` is used in
 * messages, `data` holds `len` bytes of XML. The PDF is built in memory
 * and, if `pdf_out` is not NULL, returned in a malloc'd buffer (*pdf_out,
 * *pdf_len) that the caller frees. Returns RP_OK or RP_EINPUT.
 */
int rp_render_memory(const RpOptions *o, const char *name, const char *data,
                     size_t len, unsigned char **pdf_out, size_t *pdf_len,
                     FILE *err);

#endif
