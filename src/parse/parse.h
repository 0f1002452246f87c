/*
 * parse.h - stage 1: XML files -> document model and layout.
 *
 * The only stage that includes libxml2. It reads the report, validates it
 * against the compiled-in schema (report.rng), loads the layout the report
 * or the command line names, and builds the Report tree in the run's
 * arena with every reference resolved. All input errors are collected in
 * rp->diags; on any error the result is NULL.
 */
#ifndef RP_PARSE_H
#define RP_PARSE_H

#include "../base/rp.h"
#include "../model/layout.h"
#include "../model/model.h"

/*
 * Parse the report at `path` (or the `len` bytes at `data`, named `path`,
 * if data != NULL), and the parts it includes (<include src>: files
 * found from the folder of `path`, or the working folder for data;
 * Report.files lists them). The layout is `layout_opt` if not NULL, else the one
 * the report names, else "linkoping". On success returns the report and
 * sets *layout; on failure returns NULL with the errors in rp->diags.
 */
Report *parse_report(Rp *rp, const char *path, const char *data, size_t len,
                     const char *layout_opt, Layout **layout);

/*
 * Find and load a layout: `name` is a path (contains '/' or ends in
 * .xml: relative to the working directory, or, when the report names it
 * (from_report), to the report, and then it must not lead outside the
 * report's folder or rapport's data folder) or a name looked up as
 * NAME.xml beside the report, in its layouts/ folder, then in
 * rp->data_dir/layouts. Fonts named by the layout are resolved relative
 * to the layout file. `line` and `col` are where the report names it, for
 * messages. Returns NULL with diagnostics on failure. A layout rp->engine
 * keeps (LayoutKept: read beside the run, or before a batch forked) is
 * taken from there, if neither it nor a file it read has changed since.
 */
Layout *layout_load(Rp *rp, const char *name, const char *report_path, int line, int col, bool from_report);

/* What an engine keeps of a layout, under its file's key (engine.h): the
 * layout, and layout_files() of it when it was read. */
typedef struct LayoutKept {
    Layout     *layout;
    const char *files;
} LayoutKept;

/* The keys (engine_file_key) of the files layout y read as it was read
 * (its colour profile, its logo), in a; NULL if one is gone. */
const char *layout_files(Arena *a, const Layout *y);

/* Whether layout_load would find the layout `name` given on the command
 * line for the report at report_path (NULL: none), without reading it. */
bool layout_exists(const char *data_dir, const char *name, const char *report_path);

/* Compile the report's schema and the layout's into rp->engine (see
 * rp_engine_prepare), saying when each is ready (engine_reached). */
void parse_prepare(Rp *rp);

/* Set up libxml2 (once per process) before threads use it. */
void parse_init(void);

/* The schema texts compiled into the program (generated from
 * report.rng and layout.rng). */
extern const char rp_report_rng[];
extern const unsigned long rp_report_rng_len;
extern const char rp_layout_rng[];
extern const unsigned long rp_layout_rng_len;

#endif
