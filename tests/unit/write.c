/*
 * Unit tests: the PDF file writer (draw/write). Numbers and text strings
 * as PDF writes them, and a whole small file read back: every entry of
 * the cross-reference stream leads to its object, at its offset or at its
 * place in an object stream, and objects written by a caller are there.
 */
#include "test.h"
#include "draw/write.h"
#include "draw/squeeze.h"
#include "draw/embed.h"

#include <hpdf.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

static bool buf_is(Buf *b, const char *want)
{
    bool ok = b->n == strlen(want) && !memcmp(b->p, want, b->n);
    if (!ok)
        fprintf(stderr, "  got \"%.*s\", want \"%s\"\n", (int)b->n, (const char *)b->p, want);
    b->n = 0;
    return ok;
}

/* Inflate `n` bytes at `p` (a stream's data) into a malloc'd buffer. */
static unsigned char *inflate_all(const unsigned char *p, size_t n, size_t *out_n)
{
    size_t cap = 1 << 20;
    unsigned char *out = malloc(cap);
    uLongf got = (uLongf)cap;
    if (uncompress(out, &got, p, (uLong)n) != Z_OK) {
        free(out);
        return NULL;
    }
    *out_n = got;
    return out;
}

/* The data of the stream object that starts at `obj`, inflated. */
static unsigned char *stream_of(const unsigned char *file, size_t len, size_t obj, size_t *n, char *dict, size_t dcap)
{
    const char *s = (const char *)file + obj;
    const char *st = strstr(s, ">>\nstream\n");
    const char *ln = strstr(s, "/Length ");
    if (!st || !ln || ln > st || (size_t)(st - s) >= dcap)
        return NULL;
    memcpy(dict, s, (size_t)(st - s));
    dict[st - s] = 0;
    size_t l = strtoul(ln + 8, NULL, 10);
    size_t at = (size_t)(st - (const char *)file) + 10;
    if (at + l > len)
        return NULL;
    return inflate_all(file + at, l, n);
}

static const char *find(const unsigned char *p, size_t n, const char *s)
{
    size_t k = strlen(s);
    for (size_t i = 0; i + k <= n; i++)
        if (!memcmp(p + i, s, k))
            return (const char *)p + i;
    return NULL;
}

static long num_after(const char *dict, const char *key)
{
    const char *k = strstr(dict, key);
    return k ? strtol(k + strlen(key), NULL, 10) : -1;
}

static void extra_objects(void *user, PdfW *w)
{
    long *nums = user;
    nums[0] = pdfw_next(w);
    buf_puts(pdfw_object(w, nums[0]), "<</Mine true>>");
    /* objects of random bytes, which deflate cannot shrink: the output
     * buffer must grow while an object stream is compressed */
    unsigned x = 12345;
    for (int i = 0; i < 600; i++) {
        Buf *b = pdfw_object(w, pdfw_next(w));
        buf_puts(b, "<</R(");
        for (int k = 0; k < 400; k++) {
            x = x * 1103515245u + 12345u;
            unsigned char c = (unsigned char)(x >> 16);
            if (c == '(' || c == ')' || c == '\\')
                c = 'x';
            buf_put(b, &c, 1);
        }
        buf_puts(b, ")>>");
    }
    Buf *b = pdfw_object(w, nums[1]);     /* the reserved one */
    buf_puts(b, "<</K ");
    buf_ref(b, nums[0]);
    buf_puts(b, ">>");
}

/* The test document written with a batch deflating on `threads`
 * threads (0: none, pdfw_save deflates). NULL if it failed. */
static unsigned char *write_doc(int threads, size_t *len, long nums[2])
{
    HPDF_Doc pdf = HPDF_New(NULL, NULL);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_Rectangle(page, 10, 10, 100, 100);
    HPDF_Page_Fill(page);
    /* a placeholder the caller fills, referred to by the catalog */
    HPDF_Dict ph = HPDF_Dict_New(pdf->mmgr);
    HPDF_Xref_Add(pdf->xref, ph);
    HPDF_Dict_Add(pdf->catalog, "Mine", ph);
    nums[0] = 0;
    nums[1] = (long)(ph->header.obj_id & 0xFFFFFF);
    PdfExtra extra = { nums[1], extra_objects, nums };
    PdfBatch *batch = NULL;
    if (threads > 0) {
        batch = pdfw_open(pdf, threads, 1);
        pdfw_begin(batch, pdf);
    }
    unsigned char *file = NULL;
    if (pdfw_save(pdf, &extra, batch, &file, len) != 0)
        file = NULL;
    HPDF_Free(pdf);
    return file;
}

/* The same document, deflated by one, two or four threads: the same
 * bytes (object streams are cut as they fill and deflated in the
 * pages' batch, whose workers may be ahead or behind). */
static void check_threads(void)
{
    long nums[2];
    size_t n0 = 0;
    unsigned char *f0 = write_doc(0, &n0, nums);
    bool same = f0 != NULL;
    for (int t = 1; t <= 4 && same; t *= 2) {
        size_t n = 0;
        unsigned char *f = write_doc(t, &n, nums);
        same = f && n == n0 && memcmp(f, f0, n) == 0;
        free(f);
    }
    CHECK("a batch of 1, 2 or 4 threads writes the same bytes as none", same);
    free(f0);
}

static void check_file(void)
{
    long nums[2];
    size_t len = 0;
    unsigned char *file = write_doc(0, &len, nums);
    CHECK("a small document is written", file != NULL);
    if (!file)
        return;
    CHECK("the header names PDF 1.5 or later", len > 16 && !memcmp(file, "%PDF-1.", 7) && file[7] >= '5');
    CHECK("it ends with %%EOF", len > 7 && !memcmp(file + len - 6, "%%EOF\n", 6));

    /* startxref -> the cross-reference stream */
    const char *sx = NULL;
    for (size_t i = len - 7; i > 0 && !sx; i--)
        if (!memcmp(file + i, "startxref", 9))
            sx = (const char *)file + i;
    size_t xoff = sx ? strtoul(sx + 10, NULL, 10) : 0;
    char dict[512];
    size_t rn = 0;
    unsigned char *rows = sx ? stream_of(file, len, xoff, &rn, dict, sizeof dict) : NULL;
    CHECK("startxref leads to a cross-reference stream", rows && strstr(dict, "/Type/XRef"));
    if (!rows) {
        free(file);
        return;
    }
    CHECK("the trailer names the catalog", strstr(dict, "/Root ") != NULL);
    long size = num_after(dict, "/Size ");
    long w2 = num_after(dict, "/W[1 ");
    int row = 1 + (int)w2 + 2;
    CHECK("one predicted row per object", size > 0 && rn == (size_t)size * (size_t)(row + 1));

    /* undo the PNG Up predictor, then follow every entry */
    unsigned char prev[8] = { 0 }, cur[8];
    int bad = 0, in_objstm = 0, direct = 0;
    bool mine = false;
    for (long i = 0; i < size && rn == (size_t)size * (size_t)(row + 1); i++) {
        const unsigned char *r = rows + i * (row + 1);
        if (r[0] != 2)
            bad++;
        for (int k = 0; k < row; k++)
            cur[k] = (unsigned char)(r[1 + k] + prev[k]);
        memcpy(prev, cur, (size_t)row);
        unsigned long f2 = 0;
        for (int k = 0; k < w2; k++)
            f2 = f2 << 8 | cur[1 + k];
        unsigned f3 = (unsigned)cur[1 + w2] << 8 | cur[2 + w2];
        if (cur[0] == 1) {
            char head[32];
            snprintf(head, sizeof head, "%ld 0 obj\n", i);
            if (f2 >= len || memcmp(file + f2, head, strlen(head)))
                bad++;
            direct++;
        } else if (cur[0] == 2) {
            /* f2: the object stream's number; find its entry */
            char head[32];
            snprintf(head, sizeof head, "\n%lu 0 obj\n", f2);
            const char *os = find(file, len, head);
            size_t dn = 0;
            char od[256];
            unsigned char *data = os ? stream_of(file, len, (size_t)(os + 1 - (const char *)file), &dn, od, sizeof od) : NULL;
            long first = data ? num_after(od, "/First ") : -1;
            /* the f3-th pair of the header names object i */
            const char *h = (const char *)data;
            for (unsigned k = 0; data && k < f3; k++) {
                strtol(h, (char **)&h, 10);
                strtol(h, (char **)&h, 10);
            }
            long n = data ? strtol(h, (char **)&h, 10) : -1;
            long off = data ? strtol(h, (char **)&h, 10) : -1;
            if (!data || !strstr(od, "/Type/ObjStm") || n != i || first < 0 || (size_t)(first + off) >= dn)
                bad++;
            else if (i == nums[0])
                mine = !memcmp(data + first + off, "<</Mine true>>", 14);
            in_objstm++;
            free(data);
        }
    }
    CHECK("every entry leads to its object", bad == 0);
    CHECK("dictionaries are in object streams, streams are not", in_objstm > 3 && direct >= 2);
    CHECK("the caller's own object is there", mine);
    free(rows);
    free(file);
}

/* A job's bytes, different for each: some text, some noise. */
static unsigned char *job_bytes(int k, size_t *n)
{
    *n = 3000 + (size_t)(k * 37 % 5000);
    unsigned char *p = malloc(*n);
    uint32_t x = (uint32_t)k * 2654435761u + 1;
    for (size_t i = 0; i < *n; i++) {
        x = x * 1103515245u + 12345u;
        p[i] = i % 7 ? (unsigned char)('a' + (x >> 16) % 26) : (unsigned char)(x >> 24);
    }
    return p;
}

static unsigned char *fill_job(void *ctx, size_t *n) { return job_bytes((int)(intptr_t)ctx, n); }

/* Whether job k of q inflates to its bytes. */
static bool job_ok(Squeeze *q, size_t k, int which)
{
    size_t nz, n, want_n;
    const unsigned char *z = squeeze_get(q, k, &nz);
    unsigned char *got = z ? inflate_all(z, nz, &n) : NULL;
    unsigned char *want = job_bytes(which, &want_n);
    bool ok = got && n == want_n && memcmp(got, want, n) == 0;
    free(got);
    free(want);
    return ok;
}

/* Deflating batches: given whole before the workers start, or given
 * jobs while they run (as the pages are drawn), taken in order and out
 * of it; a batch freed with jobs not taken (the sanitizer build checks). */
static void check_squeeze(void)
{
    for (int threads = 1; threads <= 4; threads++) {
        Squeeze *q = squeeze_new(SQUEEZE_LEVEL, threads);
        squeeze_open(q, 0);                   /* no worker yet: the jobs wait */
        for (int k = 0; k < 40; k++)
            squeeze_add_fill(q, fill_job, (void *)(intptr_t)k);
        squeeze_open(q, 40);                  /* workers now, for all of them */
        squeeze_close(q);
        bool ok = true;
        for (int k = 39; k >= 0; k--)
            ok &= job_ok(q, (size_t)k, k);
        CHECK("a whole batch: every job inflates to its bytes, taken backwards", ok);
        squeeze_free(q);

        q = squeeze_new(SQUEEZE_LEVEL, threads);
        squeeze_open(q, 600);
        ok = true;
        for (int k = 0; k < 600; k++) {        /* more than two blocks of jobs */
            squeeze_add_fill(q, fill_job, (void *)(intptr_t)k);
            if (k % 50 == 49)                 /* some taken while more come */
                ok &= job_ok(q, (size_t)(k - 20), k - 20);
        }
        squeeze_close(q);
        for (int k = 0; k < 600; k++)
            ok &= job_ok(q, (size_t)k, k);
        CHECK("an open batch: jobs added while workers run all inflate to their bytes", ok);
        squeeze_free(q);

        q = squeeze_new(SQUEEZE_LEVEL, threads);
        squeeze_open(q, 10);
        for (int k = 0; k < 10; k++)
            squeeze_add_fill(q, fill_job, (void *)(intptr_t)k);
        squeeze_free(q);    /* never closed nor taken: no leak, no wait (the sanitizer build) */
    }
    squeeze_drain();
}

/* The codes' values (embed.h): each one-byte code its byte; the two-byte
 * ones in order, 0x0100-0x1FFF then 0x8000-0x9FFF, every one led by a
 * byte no one-byte code is (so the codespace parses), up to the last. */
static void check_codes(void)
{
    uint8_t one[EMBED_ONE_BYTE + 1] = { 0 };
    one[1] = 'a', one[EMBED_ONE_BYTE] = 0xE5;
    unsigned char by[2];
    CHECK("a one-byte code is its byte", embed_code_bytes(one, 1, by) == 1 && by[0] == 'a' &&
          embed_code_bytes(one, EMBED_ONE_BYTE, by) == 1 && by[0] == 0xE5);
    CHECK("the first two-byte code is 0100, the last 9FFF",
          embed_value(one, EMBED_ONE_BYTE + 1) == 0x0100 && embed_value(one, EMBED_MAX_CODE) == 0x9FFF &&
          embed_code_bytes(one, EMBED_MAX_CODE, by) == 2 && by[0] == 0x9F && by[1] == 0xFF);
    CHECK("... after 1FFF comes 8000", embed_value(one, EMBED_ONE_BYTE + 0x1F00) == 0x1FFF &&
                                        embed_value(one, EMBED_ONE_BYTE + 0x1F01) == 0x8000);
    bool ok = true;
    unsigned last = 0xFF;
    for (unsigned c = EMBED_ONE_BYTE + 1; c <= EMBED_MAX_CODE; c++) {
        unsigned v = embed_value(one, c), lead = v >> 8;
        ok &= v > last && ((lead >= 0x01 && lead <= 0x1F) || (lead >= 0x80 && lead <= 0x9F));
        last = v;
    }
    CHECK("every two-byte code rises, led by 01-1F or 80-9F", ok);
}

int main(void)
{
    Buf b = { 0 };
    buf_int(&b, 0);
    CHECK("0", buf_is(&b, "0"));
    buf_int(&b, -1234567);
    CHECK("a negative number", buf_is(&b, "-1234567"));
    buf_ref(&b, 42);
    CHECK("a reference", buf_is(&b, "42 0 R"));
    buf_text(&b, "Tabell (forts.) a\\b");
    CHECK("ASCII as a literal string, parentheses and backslash escaped",
          buf_is(&b, "(Tabell \\(forts.\\) a\\\\b)"));
    buf_text(&b, "Mål uppfyllt");
    CHECK("Swedish letters in PDFDocEncoding", buf_is(&b, "(M\xE5l uppfyllt)"));
    buf_text(&b, "Mål \xE2\x80\x93 delvis");
    CHECK("other text as UTF-16BE", buf_is(&b, "<FEFF004D00E5006C00202013002000640065006C007600690073>"));
    buf_text(&b, "\xF0\x9F\x98\x80");
    CHECK("beyond the BMP as a surrogate pair", buf_is(&b, "<FEFFD83DDE00>"));
    buf_text(&b, "");
    CHECK("the empty string", buf_is(&b, "()"));
    free(b.p);

    check_file();
    check_threads();
    check_squeeze();
    check_codes();
    TEST_DONE();
}
