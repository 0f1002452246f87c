/*
 * Unit tests: the driver (rapport.c) when drawing fails. The PDF writer
 * is replaced by the stubs below (this file defines pdf_draw and
 * pdf_trace, so draw/pdf.o is not linked): a draw that fails, with or
 * without a message, or gives no bytes, is an error, and nothing is
 * written; one that succeeds is written whole.
 */
#include "test.h"
#include "base/rp.h"
#include "draw/pdf.h"

#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { FAIL_SILENT, NO_BYTES, FAIL_TOLD, DRAWN };
static int mode;
static const char fake[] = "%PDF-1.7 fake\n";

int pdf_draw(Rp *rp, const Pages *pg, long when, int pdfa, bool tagged, unsigned char **out, size_t *len)
{
    *out = NULL;
    *len = 0;
    switch (mode) {
    case FAIL_SILENT:
        return -1;
    case NO_BYTES:
        return 0;
    case FAIL_TOLD:
        diag_error(&rp->diags, pg->flow->report->file, 0, 0, "the PDF library failed (a test)");
        return -1;
    default:
        *out = malloc(sizeof fake);
        memcpy(*out, fake, sizeof fake);
        *len = sizeof fake - 1;
        return 0;
    }
}

int pdf_trace(const Pages *pg, FILE *out)
{
    (void)pg;
    (void)out;
    return 0;
}

static char messages[4096];

/* Render the small report to `pdf` in mode `m`; the messages land in
 * `messages`. */
static int render(int m, const char *xml, const char *pdf)
{
    mode = m;
    RpOptions o;
    rp_options_init(&o);
    o.data_dir = ".";
    FILE *err = fmemopen(messages, sizeof messages - 1, "w");
    int r = rp_render_file(&o, xml, pdf, err);
    fclose(err);
    return r;
}

/* What a listener (RpOptions.listener) was told. */
typedef struct Told {
    int  errors, warnings, pages, sources;
    bool layout;            /* the layout was among the sources */
    char first[256];        /* the first error: file|line|text|hint */
} Told;

static void told_message(void *ctx, const RpMessage *m)
{
    Told *t = ctx;
    if (m->error && !t->errors)
        snprintf(t->first, sizeof t->first, "%s|%d|%s|%s", m->file, m->line, m->text, m->hint ? m->hint : "-");
    if (m->error)
        t->errors++;
    else
        t->warnings++;
}

static void told_source(void *ctx, const char *path)
{
    Told *t = ctx;
    t->sources++;
    size_t n = strlen(path);
    t->layout |= n >= 13 && !strcmp(path + n - 13, "linkoping.xml");
}

static void told_pages(void *ctx, int pages)
{
    ((Told *)ctx)->pages = pages;
}

/* render() with a listener. */
static int render_told(int m, const char *xml, const char *pdf, Told *t)
{
    mode = m;
    memset(t, 0, sizeof *t);
    RpListener l = { t, told_message, told_source, told_pages };
    RpOptions o;
    rp_options_init(&o);
    o.data_dir = ".";
    o.listener = &l;
    FILE *err = fmemopen(messages, sizeof messages - 1, "w");
    int r = rp_render_file(&o, xml, pdf, err);
    fclose(err);
    return r;
}

static bool exists(const char *p)
{
    struct stat st;
    return stat(p, &st) == 0;
}

int main(void)
{
    char dir[] = "/tmp/rapport-driver.XXXXXX";
    if (!mkdtemp(dir))
        return 1;
    char xml[64], pdf[64];
    snprintf(xml, sizeof xml, "%s/r.xml", dir);
    snprintf(pdf, sizeof pdf, "%s/r.pdf", dir);
    FILE *f = fopen(xml, "w");
    fputs("<report><meta><title>Prov</title></meta><p>Text.</p></report>\n", f);
    fclose(f);

    CHECK("a draw that fails without a message is an error", render(FAIL_SILENT, xml, pdf) == RP_EINPUT);
    CHECK("... and nothing is written", !exists(pdf));
    CHECK("... and it says which stage failed", strstr(messages, "error: drawing the PDF failed") != NULL);
    CHECK("a draw that gives no bytes is an error", render(NO_BYTES, xml, pdf) == RP_EINPUT);
    CHECK("... and nothing is written", !exists(pdf));
    CHECK("a draw that fails with a message is an error", render(FAIL_TOLD, xml, pdf) == RP_EINPUT);
    CHECK("... with that message only", strstr(messages, "a test") && !strstr(messages, "without saying"));
    CHECK("a draw that works is written", render(DRAWN, xml, pdf) == RP_OK && exists(pdf));
    f = fopen(pdf, "rb");
    char back[64] = { 0 };
    size_t n = f ? fread(back, 1, sizeof back - 1, f) : 0;
    if (f)
        fclose(f);
    CHECK("... whole", n == sizeof fake - 1 && !strcmp(back, fake));
    CHECK("a failed draw leaves the PDF before it untouched",
          render(FAIL_SILENT, xml, pdf) == RP_EINPUT && exists(pdf));

    /* the listener: told the pages, the files the report is made from,
     * and each message (as it is printed) */
    Told t;
    CHECK("with a listener, a render is told its pages (the cover and one)", render_told(DRAWN, xml, pdf, &t) == RP_OK && t.pages == 2);
    CHECK("... and its sources, the layout among them", t.sources >= 2 && t.layout);
    CHECK("... and no message when there is none", t.errors == 0 && t.warnings == 0);
    char want[256];
    snprintf(want, sizeof want, "%s|0|the PDF library failed (a test)|-", xml);
    CHECK("a failed draw's error is told with its file and text",
          render_told(FAIL_TOLD, xml, pdf, &t) == RP_EINPUT && t.errors == 1 && !strcmp(t.first, want));
    CHECK("... and printed as well", strstr(messages, "a test") != NULL);
    char nowhere[96];
    snprintf(nowhere, sizeof nowhere, "%s/no-such-folder/r.pdf", dir);
    CHECK("a PDF that cannot be written is an error told like the others",
          render_told(DRAWN, xml, nowhere, &t) == RP_EINPUT && t.errors == 1 &&
          strstr(t.first, "cannot write the PDF: No such file or directory") && !exists(nowhere));
    CHECK("a target refused before the run is told too",
          render_told(DRAWN, xml, dir, &t) == RP_EINPUT && t.errors == 1 &&
          strstr(t.first, "cannot write the PDF there: it is a folder") && t.pages == 0);

    unlink(pdf);
    unlink(xml);
    rmdir(dir);
    TEST_DONE();
}
