/*
 * rapport.c - the driver: one run is parse -> measure -> paginate -> draw.
 *
 * Owns the run context (arena, diagnostics) and the output file: the PDF
 * is written to a temporary file in the target folder and renamed into
 * place only when complete, so a failed run never leaves a half-written
 * PDF and never destroys a good one.
 */
#include "rapport.h"
#include "base/rp.h"
#include "base/engine.h"
#include "draw/pdf.h"
#include "measure/flow.h"
#include "paginate/paginate.h"
#include "output.h"
#include "parse/files.h"
#include "parse/parse.h"
#include "base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

void rp_options_init(RpOptions *o)
{
    memset(o, 0, sizeof *o);
    o->source_date = -1;
    o->pdfa = RP_PDFA_2A;
}

/* The threads a run may use, its own included: as asked, else one per
 * processor core, at most RP_MAX_THREADS. */
static int run_threads(const RpOptions *o)
{
    long n = o->threads > 0 ? o->threads : sysconf(_SC_NPROCESSORS_ONLN);
    return n < 1 ? 1 : n > RP_MAX_THREADS ? RP_MAX_THREADS : (int)n;
}

/* The folder holding layouts/ and fonts/. */
static const char *data_dir(const RpOptions *o)
{
    return o->data_dir ? o->data_dir : RP_DEFAULT_DATA_DIR;
}

/* The document date: the one given (SOURCE_DATE_EPOCH), else the
 * report's date (noon UTC), else none (-1): never the clock, so the same
 * report always gives the same bytes. */
static long doc_date(const RpOptions *o, const Report *rep)
{
    if (o->source_date >= 0)
        return o->source_date;
    int y, m, d;
    if (rep->meta.date && sscanf(rep->meta.date, "%4d-%2d-%2d", &y, &m, &d) == 3) {
        struct tm tm = { 0 };
        tm.tm_year = y - 1900;
        tm.tm_mon = m - 1;
        tm.tm_mday = d;
        tm.tm_hour = 12;
        return (long)timegm(&tm);
    }
    return -1;
}

/* Milliseconds since an unspecified start, for o->timings. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* The files a report is made from besides itself: its layout, the
 * layout's fonts, colour profile, hyphenation patterns and logo, the
 * parts it includes (<include>), the images of the report and its
 * parts and the CSVs their tables read: what the report uses, nothing
 * else of its folder. --since compares their
 * dates with the PDF's, and none of them may be where the PDF (or the
 * trace) is written. */
typedef VEC(const char *) Paths;

static void figure_paths(Rp *rp, const Node *n, const char *dir, Paths *out)
{
    (void)dir;
    for (; n; n = n->next) {
        if (n->kind == N_FIGURE && n->u.figure.image && n->u.figure.image->path)
            VEC_PUSH(&rp->arena, *out, n->u.figure.image->path);
        if (n->kind == N_TABLE && n->u.table.src)          /* the CSV of <table src> */
            VEC_PUSH(&rp->arena, *out, n->u.table.src);
        figure_paths(rp, n->first, dir, out);     /* depth bounded by RP_MAX_XML_DEPTH */
    }
}

static Paths sources(Rp *rp, const char *input, const Report *rep, const Layout *lay)
{
    Paths p = { 0 };
    const char *fixed[] = { lay->path, lay->icc_profile, lay->hyphen_dict,
                            lay->cover_logo.image ? lay->cover_logo.image->path : NULL };
    for (size_t i = 0; i < sizeof fixed / sizeof *fixed; i++)
        if (fixed[i] && *fixed[i])
            VEC_PUSH(&rp->arena, p, fixed[i]);
    for (int f = 0; f <= lay->nfamilies; f++) {          /* and the fallback font */
        const FontFamily *fam = f < lay->nfamilies ? &lay->families[f] : &lay->fallback;
        for (int v = 0; v < 4; v++)
            if (fam->path[v] && *fam->path[v])
                VEC_PUSH(&rp->arena, p, fam->path[v]);
    }
    for (int i = 1; i < rep->nfiles; i++)               /* its parts; [0] is the report */
        VEC_PUSH(&rp->arena, p, rep->files[i]);
    figure_paths(rp, rep->root, files_dir(&rp->arena, input), &p);
    return p;
}

/* Tell the listener of every message of `d`, in the order they are
 * printed, then print them on `err`. */
static void report(const RpOptions *o, const Diags *d, FILE *err)
{
    const RpListener *l = o->listener;
    if (l && l->message) {
        int *order = diags_order(d);
        for (int i = 0; i < d->n; i++) {
            const Diag *g = &d->v[order[i]];
            RpMessage m = { g->level == DIAG_ERROR, g->file, g->line, g->col, g->msg, g->hint };
            l->message(l->ctx, &m);
        }
        free(order);
    }
    diags_print(d, err, o->quiet);
}

/* The first of the report and its sources that is the file `target`, or
 * NULL. */
static const char *made_from(const char *target, const char *input, const Paths *src)
{
    if (output_same_file(target, input))
        return input;
    for (int i = 0; i < src->n; i++)
        if (output_same_file(target, src->v[i]))
            return src->v[i];
    return NULL;
}

/* Is `out` newer than `in`? (false if out is missing) */
static bool later(struct timespec a, struct timespec b)
{
    return a.tv_sec != b.tv_sec ? a.tv_sec > b.tv_sec : a.tv_nsec > b.tv_nsec;
}

/* A file's last change: of its bytes (mtime) or of its inode (ctime),
 * whichever came later. A file restored from an archive or copied with
 * cp -p keeps an old mtime, but its ctime is the moment it came. */
static struct timespec changed_at(const struct stat *st)
{
    return later(st->st_ctim, st->st_mtim) ? st->st_ctim : st->st_mtim;
}

/* The last change (mtime or ctime) of the report file `input` (NULL:
 * none) and of the files in src: the file system's own dates. */
static struct timespec last_change(const char *input, const Paths *src)
{
    struct timespec last = { 0, 0 };
    struct stat st;
    for (int i = -1; i < src->n; i++) {
        const char *p = i < 0 ? input : src->v[i];
        if (p && *p && stat(p, &st) == 0 && later(changed_at(&st), last))
            last = changed_at(&st);
    }
    return last;
}

/* Is the PDF (out) newer than the file `in`'s last change (changed_at)? */
static bool newer(const struct stat *out, const char *in)
{
    struct stat st;
    if (!in || !*in || stat(in, &st) != 0)
        return true;            /* nothing to compare with: no reason to redo */
    return later(out->st_mtim, changed_at(&st));
}

/* The pages' trace (--trace), written as the PDF is: whole, or not at all. */
static void write_trace(const RpOptions *o, const char *name, const Pages *pg, Diags *d)
{
    char *buf = NULL;
    size_t len = 0;
    bool direct = output_trace_direct(o->trace_path);   /* /dev/stdout, a pipe */
    errno = 0;
    FILE *t = open_memstream(&buf, &len);
    if (t && o->trace_named)
        fprintf(t, "report %s\n", name);
    int bad = !t || pdf_trace(pg, t) != 0;
    if (t && fclose(t) != 0)
        bad = 1;
    if (!bad && direct)
        bad = output_append_trace(o->trace_path, buf, len) != 0;
    if (bad && direct)
        diag_warn(d, o->trace_path, 0, 0, _("cannot write the trace: %s"), errno ? strerror(errno) : _("the dump failed"));
    else if (bad)
        diag_error(d, o->trace_path, 0, 0, _("cannot write the trace: %s"),
                   errno ? strerror(errno) : _("the dump failed"));
    else if (!direct)
        output_write_trace(o->trace_path, buf, len, o->temp_file, d);
    free(buf);
}

/* --since: is the PDF newer than the report and everything it is made
 * from? A PDF dated in the future (a wrong clock, a file copied from
 * elsewhere) would look newer than every edit to come and be skipped for
 * good: it is made again, with a warning. */
static bool up_to_date(const RpOptions *o, const char *output, const char *input,
                       const Paths *src, FILE *err)
{
    struct stat st;
    if (!output || stat(output, &st) != 0)
        return false;
    if (st.st_mtime > time(NULL)) {
        /* not a diagnostic: --strict must not make it fail the report */
        char when[32];
        struct tm tm;
        time_t t = st.st_mtime;
        strftime(when, sizeof when, "%Y-%m-%d %H:%M", localtime_r(&t, &tm));
        if (!o->quiet)
            fprintf(err, _("%s: warning: the PDF is dated %s, in the future; it is made again\n"), output, when);
        if (o->listener && o->listener->message) {
            char text[160];
            snprintf(text, sizeof text, _("the PDF is dated %s, in the future; it is made again"), when);
            o->listener->message(o->listener->ctx, &(RpMessage){ false, output, 0, 0, text, NULL });
        }
        return false;
    }
    if (!newer(&st, input))
        return false;
    for (int i = 0; i < src->n; i++)
        if (!newer(&st, src->v[i]))
            return false;
    return true;
}

/* A run that made no PDF, where one from an earlier run stands at
 * `output`: said, so that no one takes it for this run's and sends it
 * on (--watch says it its own way, through its listener). */
void rp_say_left_as_it_was(const RpOptions *o, const char *output, FILE *err)
{
    struct stat st;
    if (!output || o->check_only || (o->listener && o->listener->message) || stat(output, &st) != 0 ||
        !S_ISREG(st.st_mode))
        return;
    char when[32];
    struct tm tm;
    time_t t = st.st_mtime;
    if (!localtime_r(&t, &tm) || !strftime(when, sizeof when, "%Y-%m-%d %H:%M", &tm))
        snprintf(when, sizeof when, "?");
    fprintf(err, _("%s: note: no new PDF was made; the one there is from an earlier run (%s) and does not "
                   "show what was changed since\n"), output, when);
}

static int run(const RpOptions *o, const char *name, const char *data, size_t len,
               const char *output, unsigned char **pdf, size_t *pdf_len, int *pages, FILE *err)
{
    bool timings = o->timings;     /* the time of each stage (for the benchmark) */
    double t0 = now_ms(), t1 = t0, t2 = t0, t3 = t0, t4 = t0;
    Rp rp;
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    rp.opt = o;
    rp.diags.strict = o->strict;
    rp.data_dir = data_dir(o);
    rp.engine = o->engine;
    rp.threads = run_threads(o);
    *pdf = NULL;
    *pdf_len = 0;

    Layout *lay = NULL;
    const char *stage = _("reading the report");    /* for a stage that fails without a word */
    Report *rep = parse_report(&rp, name, data, len, o->layout, &lay);
    engine_settle(rp.engine);       /* all it was filled with, before measuring adds to it */
    t1 = t2 = t3 = t4 = now_ms();
    Paths src = rep ? sources(&rp, name, rep, lay) : (Paths){ 0 };
    struct timespec seen = last_change(data ? NULL : name, &src);
    if (o->listener && o->listener->source)
        for (int i = 0; i < src.n; i++)
            o->listener->source(o->listener->ctx, src.v[i]);
    /* nothing the report is made from is overwritten, by the PDF or the trace */
    const char *targets[2] = { output, o->trace_path };
    for (int i = 0; i < 2 && rep; i++) {
        const char *clash = targets[i] ? made_from(targets[i], data ? NULL : name, &src) : NULL;
        const char *why = !clash && i && targets[i] ? output_trace_refusal(data ? NULL : name, output, targets[i]) : NULL;
        if (clash && clash == name)
            diag_error(&rp.diags, targets[i], 0, 0, i ? _("cannot write the trace there: it is the report itself")
                                                      : _("cannot write the PDF there: it is the report itself"));
        else if (clash)
            diag_error(&rp.diags, targets[i], 0, 0,
                       i ? _("cannot write the trace there: it is %s, which the report is made from")
                         : _("cannot write the PDF there: it is %s, which the report is made from"), clash);
        else if (why)
            diag_error(&rp.diags, targets[i], 0, 0, _("cannot write the trace there: %s"), why);
    }
    if (rep && !diag_errors(&rp.diags) && o->since && !data && up_to_date(o, output, name, &src, err)) {
        diags_free(&rp.diags);
        arena_free(&rp.arena);
        return RP_SKIPPED;
    }
    /* --check lays the report out too (it is cheap), so that everything
     * layout can find (a table too wide, a value outside a chart's axis)
     * is reported; only drawing is skipped */
    if (rep && !diag_errors(&rp.diags)) {
        stage = "measuring";
        Flow *flow = measure_document(&rp, rep, lay);
        t2 = t3 = t4 = now_ms();
        Pages *pg = NULL;
        if (flow) {
            stage = _("making the pages");
            pg = paginate_flow(&rp, flow);
        }
        if (pg && o->listener && o->listener->pages)
            o->listener->pages(o->listener->ctx, pg->n);
        if (pg)
            *pages = pg->n;
        t3 = t4 = now_ms();
        if (pg && o->trace_path)
            write_trace(o, name, pg, &rp.diags);
        if (pg && !diag_errors(&rp.diags) && !o->check_only) {
            stage = _("drawing the PDF");
            *pages = pg->n;
            if (pdf_draw(&rp, pg, doc_date(o, rep), o->pdfa, !o->untagged, pdf, pdf_len) != 0 ||
                !*pdf) {
                free(*pdf);
                *pdf = NULL;
                *pdf_len = 0;
            }
        }
        t4 = now_ms();
        if (timings && pg)          /* for the benchmark, which reads it: not translated */
            fprintf(err, "%s: %d pages; parse %.1f ms, measure %.1f ms, paginate %.1f ms, draw %.1f ms; arena %.1f MiB\n",
                    name, pg->n, t1 - t0, t2 - t1, t3 - t2, t4 - t3, rp.arena.used / 1048576.0);
    }
    /* every stage that stops records why; one that did not is a bug, but
     * never a success with nothing written */
    bool made = o->check_only ? rep != NULL : *pdf != NULL;
    if (!made && !diag_errors(&rp.diags)) {
        diag_error(&rp.diags, name, 0, 0, _("%s failed without saying why: no PDF was made"), stage);
        diag_hint(&rp.diags, _("this is a fault in rapport; please report it with this file"));
    }
    /* a complete PDF without errors is written (a failed write is an
     * error like any other, told with the report's) */
    if (made && output && !o->check_only && !diag_errors(&rp.diags) &&
        output_write(output, *pdf, *pdf_len, o->temp_file, &rp.diags) == 0) {
        /* a file saved while the report rendered is newer than what was
         * read of it, but older than the PDF: the PDF takes the date of
         * what it was made from, so that --since makes it again (dates
         * of the file system's clock, as the files' own) */
        struct timespec now = last_change(data ? NULL : name, &src);
        if (later(now, seen)) {
            struct timespec times[2] = { { 0, UTIME_OMIT }, seen };
            utimensat(AT_FDCWD, output, times, 0);
        }
    }
    report(o, &rp.diags, err);
    int failed = diag_errors(&rp.diags) > 0;
    if (failed)
        rp_say_left_as_it_was(o, output, err);
    if (failed) {
        free(*pdf);
        *pdf = NULL;
        *pdf_len = 0;
    }
    diags_free(&rp.diags);
    arena_free(&rp.arena);
    return failed ? RP_EINPUT : RP_OK;
}

/* A run context for work outside a report's run (the engine, a layout's
 * words); diags_free and arena_free end it. */
static void side_run(Rp *rp, const RpOptions *o)
{
    memset(rp, 0, sizeof *rp);
    arena_init(&rp->arena);
    diags_init(&rp->diags);
    rp->opt = o;
    rp->engine = o->engine;
    rp->data_dir = data_dir(o);
}

static void drop_arena(void *p)
{
    arena_free(p);
    free(p);
}

/* What a batch's reports share, loaded into the engine: the schemas,
 * the layout, its fonts and patterns. The layout is read in an arena of
 * its own, which the engine keeps where the layout was read without a
 * word (layout_load finds it there); one with warnings or errors each
 * run reads again, and says them. */
static void prepare(const RpOptions *o)
{
    Rp rp, lr;
    side_run(&rp, o);
    parse_prepare(&rp);                 /* says when each schema is ready */
    side_run(&lr, o);
    Layout *lay = layout_load(&lr, o->layout ? o->layout : "linkoping", NULL, 0, 0, false);
    char key[4200];
    const char *files = lay ? layout_files(&lr.arena, lay) : NULL;
    bool kept = files && o->engine && lr.diags.n == 0 && !lr.diags.nerrors && !lr.diags.nwarnings &&
                engine_file_key(lay->path, key, sizeof key);
    if (kept) {
        LayoutKept *k = ARENA_NEW(&lr.arena, LayoutKept);
        k->layout = lay;
        k->files = files;
        Arena *keep = xmalloc(sizeof *keep);
        *keep = lr.arena;
        arena_on_free(engine_arena(o->engine), drop_arena, keep);
        engine_store(o->engine, "layout", key, k);
    }
    engine_reached(o->engine, ENGINE_LAYOUT);
    if (lay) {
        Font *faces[FACE_COUNT] = { 0 };
        measure_load_fonts(&rp, lay, faces);
        measure_hyphenator(&rp, lay);
    }
    diags_free(&lr.diags);
    if (!kept)
        arena_free(&lr.arena);
    diags_free(&rp.diags);
    arena_free(&rp.arena);
}

void rp_engine_prepare(const RpOptions *o)
{
    if (o->engine)
        prepare(o);
}

/* Beside a run, all of it, the report's schema first: it is compiled
 * while the run reads the report, which then waits for it little or not
 * at all; the layout, its fonts and the patterns are still ready long
 * before the run has checked the report and built its model. */
static void prepare_beside(void *ctx) { prepare(ctx); }

void rp_engine_prepare_beside(const RpOptions *o)
{
    if (!o->engine)
        return;
    parse_init();                   /* libxml2 set up before a second thread uses it */
    engine_fill(o->engine, prepare_beside, (void *)o);
}

int rp_layout_words(const RpOptions *o, const char *near,
                    void (*each)(void *ctx, const char *kind, const char *key, const char *text),
                    void *ctx, FILE *err)
{
    Rp rp;
    side_run(&rp, o);
    Layout *lay = layout_load(&rp, o->layout ? o->layout : "linkoping", near, 0, 0, false);
    if (lay) {
        for (int i = 0; i < lay->nstatuses; i++) {
            const StatusDef *s = &lay->statuses[i];
            const char *kind = s->activity ? "activity" : "goal";
            if (s->word)
                each(ctx, kind, s->name, s->word);
            /* the wording of every report type: an old report may use any
             * (its Swedish: the words of other languages' reports are not
             * looked for in a Swedish document, and "Appendices" took the
             * place of "Bilagor") */
            for (int k = 0; k < lay->nwords; k++) {
                const Word *w = &lay->words[k];
                if (!strncmp(w->key, "status.", 7) && !strcmp(w->key + 7, s->name) && layout_same_lang(w->lang, NULL))
                    each(ctx, kind, s->name, w->text);
            }
        }
        for (int k = 0; k < lay->nwords; k++)
            if (!lay->words[k].type && layout_same_lang(lay->words[k].lang, NULL))
                each(ctx, NULL, lay->words[k].key, lay->words[k].text);
    }
    report(o, &rp.diags, err);
    int failed = diag_errors(&rp.diags) > 0 || !lay;
    diags_free(&rp.diags);
    arena_free(&rp.arena);
    return failed ? RP_EINPUT : RP_OK;
}

bool rp_layout_exists(const RpOptions *o, const char *near)
{
    return layout_exists(data_dir(o), o->layout ? o->layout : "linkoping", near);
}

int rp_render_memory(const RpOptions *o, const char *name, const char *data,
                     size_t len, unsigned char **pdf_out, size_t *pdf_len, FILE *err)
{
    unsigned char *pdf;
    size_t n;
    int pages = 0;
    int r = run(o, name, data, len, NULL, &pdf, &n, &pages, err);
    if (pdf_out) {
        *pdf_out = pdf;
        *pdf_len = n;
    } else {
        free(pdf);
    }
    return r;
}

const char *rp_output_refused(const char *input, const char *output)
{
    return output_refusal(input, output);
}

int rp_render_file(const RpOptions *o, const char *input, const char *output, FILE *err)
{
    const char *why = output ? output_refusal(input, output) : NULL;
    if (why) {
        Diags d;
        diags_init(&d);
        diag_error(&d, output, 0, 0, _("cannot write the PDF there: %s"), why);
        report(o, &d, err);
        diags_free(&d);
        return RP_EINPUT;
    }
    unsigned char *pdf;
    size_t n;
    int pages = 0;
    /* run() writes the PDF, and returns RP_OK only when it did (or checked) */
    int r = run(o, input, NULL, 0, output, &pdf, &n, &pages, err);
    if (r == RP_OK && output && !o->check_only && o->written)
        o->written(output, pages);
    else if (r == RP_OK && o->check_only && o->checked)
        o->checked(input, pages);
    free(pdf);
    return r;
}
