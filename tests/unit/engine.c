/*
 * Unit tests: runs that share an engine (rapport.h), one after another,
 * as a program using the library would. The engine keeps the fonts and
 * the words they shaped; what a run's own threads made must not stay in
 * it past the run (a run freed the glyphs its shaping thread made while
 * the engine's fonts still pointed at them: the next run read freed
 * memory). Each sample is rendered twice with one engine and with
 * several threads, and once alone on one thread: the bytes must agree.
 * Run from the source tree (the samples, layouts and fonts).
 */
#include "test.h"
#include "rapport.h"
#include "base/engine.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *const samples[] = {
    "samples/verksamhetsberattelse-2024.xml",
    "samples/delarsrapport-2022-aug.xml",
    "samples/verksamhetsplan-2019.xml",
};
enum { NSAMPLES = sizeof samples / sizeof *samples };

static unsigned char *slurp(const char *path, size_t *n)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    unsigned char *p = NULL;
    size_t cap = 0;
    *n = 0;
    for (;;) {
        if (*n == cap) {
            cap = cap ? cap * 2 : 65536;
            p = realloc(p, cap);
        }
        size_t got = fread(p + *n, 1, cap - *n, f);
        *n += got;
        if (got == 0)
            break;
    }
    fclose(f);
    return p;
}

static bool put_file(const char *path, const unsigned char *p, size_t n)
{
    FILE *f = fopen(path, "wb");
    bool ok = f && fwrite(p, 1, n, f) == n;
    return f ? (fclose(f) == 0) && ok : false;
}

/* A layout that an engine keeps is read again once a file it read has
 * changed: a copy of the built-in layout with a colour profile of its
 * own, whose profile is cut short after the engine read the layout. */
static void check_kept_layout(const char *dir)
{
    char lay[128], icc[128], icc_dir[128], out[128], key[4200];
    snprintf(lay, sizeof lay, "%s/lay.xml", dir);
    snprintf(icc_dir, sizeof icc_dir, "%s/icc", dir);
    snprintf(icc, sizeof icc, "%s/icc/sRGB.icc", dir);
    snprintf(out, sizeof out, "%s/kept.pdf", dir);
    size_t nl, ni;
    unsigned char *pl = slurp("layouts/linkoping.xml", &nl), *pi = slurp("layouts/icc/sRGB.icc", &ni);
    bool made = pl && pi && put_file(lay, pl, nl) && mkdir(icc_dir, 0700) == 0 && put_file(icc, pi, ni);
    CHECK("a copy of the layout with a colour profile of its own", made);
    RpOptions o;
    rp_options_init(&o);
    o.data_dir = ".";
    o.quiet = true;
    o.threads = 1;
    o.layout = lay;
    o.engine = rp_engine_new();
    rp_engine_prepare(&o);
    CHECK("the engine keeps it", engine_file_key(lay, key, sizeof key) && engine_lookup(o.engine, "layout", key));
    CHECK("a report renders in it", made && rp_render_file(&o, samples[2], out, stderr) == RP_OK);
    FILE *devnull = fopen("/dev/null", "w");
    bool cut = pi && put_file(icc, pi, ni / 2);
    CHECK("its profile cut short: the run reads the layout again, and fails",
          cut && rp_render_file(&o, samples[2], out, devnull) == RP_EINPUT);
    if (devnull)
        fclose(devnull);
    rp_engine_free(o.engine);
    free(pl);
    free(pi);
    unlink(out);
    unlink(icc);
    rmdir(icc_dir);
    unlink(lay);
}

static bool same_file(const char *a, const char *b)
{
    size_t na, nb;
    unsigned char *pa = slurp(a, &na), *pb = slurp(b, &nb);
    bool same = pa && pb && na == nb && memcmp(pa, pb, na) == 0;
    free(pa);
    free(pb);
    return same;
}

int main(void)
{
    char dir[] = "/tmp/rapport-engine-XXXXXX";
    if (!mkdtemp(dir)) {
        perror("mkdtemp");
        return 1;
    }
    char alone[NSAMPLES][96], shared[2][NSAMPLES][96];
    RpOptions o;
    rp_options_init(&o);
    o.data_dir = ".";
    o.quiet = true;
    o.threads = 1;
    for (int i = 0; i < NSAMPLES; i++) {
        snprintf(alone[i], sizeof alone[i], "%s/alone-%d.pdf", dir, i);
        CHECK("a sample renders on its own", rp_render_file(&o, samples[i], alone[i], stderr) == RP_OK);
    }
    o.threads = 4;
    o.engine = rp_engine_new();
    rp_engine_prepare(&o);
    /* the layout, read once for every run (rapport.c, layout_load) */
    char key[4200];
    CHECK("the engine holds the layout it read, for the runs to take",
          engine_file_key("./layouts/linkoping.xml", key, sizeof key) && engine_lookup(o.engine, "layout", key));
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < NSAMPLES; i++) {
            snprintf(shared[round][i], sizeof shared[round][i], "%s/shared-%d-%d.pdf", dir, round, i);
            CHECK("a sample renders with a shared engine", rp_render_file(&o, samples[i], shared[round][i], stderr) == RP_OK);
            CHECK("... to the same bytes as alone on one thread", same_file(alone[i], shared[round][i]));
        }
    rp_engine_free(o.engine);

    /* an engine filled beside the run, as the command does for one
     * report: the same bytes, with the run on one thread or four; a
     * report that is no XML, and an engine freed unused, wait for the
     * filling thread and leave nothing behind (ASan's build checks) */
    char beside[NSAMPLES][96];
    for (int i = 0; i < NSAMPLES; i++) {
        o.threads = i % 2 ? 4 : 1;
        o.engine = rp_engine_new();
        rp_engine_prepare_beside(&o);
        snprintf(beside[i], sizeof beside[i], "%s/beside-%d.pdf", dir, i);
        CHECK("a sample renders while its engine is filled beside it",
              rp_render_file(&o, samples[i], beside[i], stderr) == RP_OK);
        CHECK("... to the same bytes as alone", same_file(alone[i], beside[i]));
        rp_engine_free(o.engine);
    }
    o.engine = rp_engine_new();
    rp_engine_prepare_beside(&o);
    FILE *devnull = fopen("/dev/null", "w");
    CHECK("a report that is no XML fails while the engine is filled",
          rp_render_file(&o, "README.md", NULL, devnull) == RP_EINPUT);
    rp_engine_free(o.engine);
    o.engine = rp_engine_new();
    rp_engine_prepare_beside(&o);
    rp_engine_free(o.engine);
    if (devnull)
        fclose(devnull);
    for (int i = 0; i < NSAMPLES; i++) {
        unlink(alone[i]);
        unlink(shared[0][i]);
        unlink(shared[1][i]);
        unlink(beside[i]);
    }
    check_kept_layout(dir);
    rmdir(dir);
    TEST_DONE();
}
