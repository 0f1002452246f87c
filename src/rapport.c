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
#include "draw/pdf.h"
#include "measure/flow.h"
#include "paginate/paginate.h"
#include "parse/parse.h"

#include <errno.h>
#include <limits.h>
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

static int file_exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

/* The folder holding layouts/ and fonts/: given, or found from where the
 * program is (build/rapport in a checkout, PREFIX/bin when installed). */
static const char *data_dir(Rp *rp, const RpOptions *o)
{
    if (o->data_dir)
        return o->data_dir;
    const char *env = getenv("RAPPORT_DATA");
    if (env && *env)
        return arena_strdup(&rp->arena, env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            const char *cands[] = { "%s/..", "%s/../..", "%s/../share/rapport" };
            for (int i = 0; i < 3; i++) {
                const char *d = arena_printf(&rp->arena, cands[i], exe);
                if (file_exists(arena_printf(&rp->arena, "%s/layouts/linkoping.xml", d))) {
                    char real[PATH_MAX];
                    return realpath(d, real) ? arena_strdup(&rp->arena, real) : d;
                }
            }
        }
    }
    return "/usr/local/share/rapport";
}

/* The document date: SOURCE_DATE_EPOCH, else the report's date (noon
 * UTC), else none (-1): never the clock, so the same report always gives
 * the same bytes. */
static long doc_date(const RpOptions *o, const Report *rep)
{
    if (o->source_date >= 0)
        return o->source_date;
    const char *sde = getenv("SOURCE_DATE_EPOCH");
    if (sde && *sde) {
        char *end;
        long v = strtol(sde, &end, 10);
        if (*end == 0 && v >= 0)
            return v;
    }
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

/* Milliseconds since an unspecified start, for RAPPORT_TIMINGS. */
static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1000.0 + ts.tv_nsec / 1e6;
}

/* Is `out` newer than `in`? (false if out is missing) */
static bool newer(const struct stat *out, const char *in)
{
    struct stat st;
    if (!in || !*in || stat(in, &st) != 0)
        return true;            /* nothing to compare with: no reason to redo */
    if (out->st_mtim.tv_sec != st.st_mtim.tv_sec)
        return out->st_mtim.tv_sec > st.st_mtim.tv_sec;
    return out->st_mtim.tv_nsec > st.st_mtim.tv_nsec;
}

/* --since: is the PDF newer than the report, its layout, the layout's
 * fonts, colour profile and hyphenation patterns? */
static bool up_to_date(const char *output, const char *input, const Layout *lay)
{
    struct stat st;
    if (!output || stat(output, &st) != 0)
        return false;
    if (!newer(&st, input) || !newer(&st, lay->path) || !newer(&st, lay->icc_profile) ||
        !newer(&st, lay->hyphen_dict))
        return false;
    for (int f = 0; f < lay->nfamilies; f++)
        for (int v = 0; v < 4; v++)
            if (!newer(&st, lay->families[f].path[v]))
                return false;
    return true;
}

static int run(const RpOptions *o, const char *name, const char *data, size_t len,
               const char *output, unsigned char **pdf, size_t *pdf_len, FILE *err)
{
    /* RAPPORT_TIMINGS=1 prints the time of each stage (for the benchmark) */
    const char *tm = getenv("RAPPORT_TIMINGS");
    bool timings = tm && *tm && *tm != '0';
    double t0 = now_ms(), t1 = t0, t2 = t0, t3 = t0, t4 = t0;
    Rp rp;
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    rp.opt = o;
    rp.diags.strict = o->strict;
    rp.data_dir = data_dir(&rp, o);
    *pdf = NULL;
    *pdf_len = 0;

    Layout *lay = NULL;
    Report *rep = parse_report(&rp, name, data, len, o->layout, &lay);
    t1 = t2 = t3 = t4 = now_ms();
    if (rep && o->since && !data && up_to_date(output, name, lay)) {
        diags_free(&rp.diags);
        arena_free(&rp.arena);
        return RP_SKIPPED;
    }
    /* --check lays the report out too (it is cheap), so that everything
     * layout can find (a table too wide, a value outside a chart's axis)
     * is reported; only drawing is skipped */
    if (rep && !diag_errors(&rp.diags)) {
        Flow *flow = measure_document(&rp, rep, lay);
        t2 = t3 = t4 = now_ms();
        Pages *pg = flow ? paginate_flow(&rp, flow) : NULL;
        t3 = t4 = now_ms();
        if (pg && o->trace_path) {
            FILE *t = fopen(o->trace_path, "w");
            if (!t || pdf_trace(pg, t) != 0)
                diag_error(&rp.diags, o->trace_path, 0, 0, "cannot write the trace: %s", strerror(errno));
            if (t)
                fclose(t);
        }
        if (pg && !diag_errors(&rp.diags) && !o->check_only)
            pdf_draw(&rp, pg, doc_date(o, rep), o->pdfa, !o->untagged, pdf, pdf_len);
        t4 = now_ms();
        if (timings && pg)
            fprintf(err, "%s: %d pages; parse %.1f ms, measure %.1f ms, paginate %.1f ms, draw %.1f ms; arena %.1f MiB\n",
                    name, pg->n, t1 - t0, t2 - t1, t3 - t2, t4 - t3, rp.arena.used / 1048576.0);
    }
    diags_print(&rp.diags, err, o->quiet);
    int failed = diag_errors(&rp.diags) > 0;
    if (failed) {
        free(*pdf);
        *pdf = NULL;
        *pdf_len = 0;
    }
    diags_free(&rp.diags);
    arena_free(&rp.arena);
    return failed ? RP_EINPUT : RP_OK;
}

int rp_render_memory(const RpOptions *o, const char *name, const char *data,
                     size_t len, unsigned char **pdf_out, size_t *pdf_len, FILE *err)
{
    unsigned char *pdf;
    size_t n;
    int r = run(o, name, data, len, NULL, &pdf, &n, err);
    if (pdf_out) {
        *pdf_out = pdf;
        *pdf_len = n;
    } else {
        free(pdf);
    }
    return r;
}

/* Write buf to `path` through a temporary file renamed into place. */
static int write_atomic(const char *path, const unsigned char *buf, size_t len, FILE *err)
{
    size_t pl = strlen(path);
    char *tmp = xmalloc(pl + 16);
    snprintf(tmp, pl + 16, "%s.XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        fprintf(err, "%s: error: cannot write the PDF: %s\n", path, strerror(errno));
        free(tmp);
        return -1;
    }
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, buf + done, len - done);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        done += (size_t)w;
    }
    int ok = done == len && fchmod(fd, 0644) == 0 && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0)
        ok = 0;
    if (ok && rename(tmp, path) != 0) {
        saved = errno;
        ok = 0;
    }
    if (!ok) {
        unlink(tmp);
        fprintf(err, "%s: error: cannot write the PDF: %s\n", path, strerror(saved));
    }
    free(tmp);
    return ok ? 0 : -1;
}

int rp_render_file(const RpOptions *o, const char *input, const char *output, FILE *err)
{
    unsigned char *pdf;
    size_t n;
    int r = run(o, input, NULL, 0, output, &pdf, &n, err);
    if (r == RP_OK && output && pdf && write_atomic(output, pdf, n, err) != 0)
        r = RP_EINPUT;
    free(pdf);
    return r;
}
