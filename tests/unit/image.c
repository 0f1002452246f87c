/*
 * Unit tests: images decoded and checked before drawing (parse/image).
 * PNGs of every colour type, bit depth and filter, plain and interlaced,
 * are written by tests/tools/pngenc.h from known samples, and the pixels
 * the decoder returns are compared with what those samples mean on
 * white paper; damaged files and JPEG marker sequences must give their
 * error, never a crash.
 */
#include "test.h"
#include "../tools/pngenc.h"
#include "base/limits.h"
#include "parse/image.h"

#include <stdio.h>
#include <string.h>

static Rp rp;

static uint32_t seed = 12345;
static unsigned rnd(unsigned n)
{
    seed = seed * 1103515245u + 12345u;
    return (seed >> 8) % n;
}

/* What a pixel means on white paper, worked out from the samples. */
static unsigned scale8(unsigned v, int depth)
{
    if (depth == 16)
        return (unsigned)((v * 255.0 / 65535.0) + 0.5);
    return v * 255 / ((1u << depth) - 1);
}

static unsigned white(unsigned c, unsigned a)
{
    return (c * a + 255 * (255 - a) + 127) / 255;
}

static void expect_pixel(const PngSpec *s, uint32_t x, uint32_t y, unsigned key[3], bool has_key,
                         unsigned char out[3])
{
    int ch = pngenc_channels(s->ctype);
    const uint16_t *v = s->samples + ((size_t)y * s->w + x) * (size_t)ch;
    unsigned a = 255, c[3];
    switch (s->ctype) {
    case 0:
        a = has_key && v[0] == key[0] ? 0 : 255;
        out[0] = (unsigned char)white(scale8(v[0], s->depth), a);
        return;
    case 4:
        out[0] = (unsigned char)white(scale8(v[0], s->depth), scale8(v[1], s->depth));
        return;
    case 3:
        for (int k = 0; k < 3; k++)
            c[k] = s->plte[3 * v[0] + (unsigned)k];
        a = (int)v[0] < s->ntrns ? s->trns[v[0]] : 255;
        break;
    case 2:
        a = has_key && v[0] == key[0] && v[1] == key[1] && v[2] == key[2] ? 0 : 255;
        for (int k = 0; k < 3; k++)
            c[k] = scale8(v[k], s->depth);
        break;
    default:
        for (int k = 0; k < 3; k++)
            c[k] = scale8(v[k], s->depth);
        a = scale8(v[3], s->depth);
    }
    for (int k = 0; k < 3; k++)
        out[k] = (unsigned char)white(c[k], a);
}

/* Encode an image of random samples, decode it, compare every pixel. */
static bool round_trip(int ctype, int depth, int interlace, uint32_t w, uint32_t h, bool trns)
{
    int ch = pngenc_channels(ctype);
    unsigned max = depth == 16 ? 65535 : (1u << depth) - 1;
    unsigned npal = max + 1 < 200 ? max + 1 : 200;
    uint16_t *smp = malloc((size_t)w * h * (size_t)ch * sizeof *smp);
    for (size_t i = 0; i < (size_t)w * h * (size_t)ch; i++)
        smp[i] = (uint16_t)(ctype == 3 ? rnd(npal) : rnd(max + 1));
    unsigned char plte[256 * 3], alpha[256], trnsb[6];
    for (int i = 0; i < 256 * 3; i++)
        plte[i] = (unsigned char)rnd(256);
    for (int i = 0; i < 256; i++)
        alpha[i] = (unsigned char)rnd(256);
    PngSpec s = { .w = w, .h = h, .ctype = ctype, .depth = depth, .interlace = interlace,
                  .samples = smp, .idat_size = 97 };
    unsigned key[3] = { 0 };
    bool has_key = false;
    if (ctype == 3) {
        s.plte = plte;
        s.nplte = (int)npal;
        if (trns) {
            s.trns = alpha;
            s.ntrns = (int)(npal + 1) / 2;
        }
    } else if (trns && (ctype == 0 || ctype == 2)) {
        /* the colour of the first pixel is transparent: it occurs */
        has_key = true;
        for (int k = 0; k < (ctype == 0 ? 1 : 3); k++) {
            key[k] = smp[k];
            trnsb[2 * k] = (unsigned char)(key[k] >> 8);
            trnsb[2 * k + 1] = (unsigned char)key[k];
        }
        s.trns = trnsb;
        s.ntrns = ctype == 0 ? 2 : 6;
    }
    size_t len;
    unsigned char *file = png_encode(&s, &len);
    ImageError err = { 0 };
    const Image *im = image_decode(&rp, file, len, (size_t)RP_MAX_REPORT_IMAGE_BYTES, &err);
    bool ok = im && im->kind == IMAGE_PIXELS && im->w == (int)w && im->h == (int)h &&
              im->channels == (ctype == 0 || ctype == 4 ? 1 : 3);
    for (uint32_t y = 0; ok && y < h; y++)
        for (uint32_t x = 0; ok && x < w; x++) {
            unsigned char want[3];
            expect_pixel(&s, x, y, key, has_key, want);
            const unsigned char *got = im->data + ((size_t)y * w + x) * (size_t)im->channels;
            for (int k = 0; k < im->channels; k++)
                if (got[k] != want[k] && ok) {
                    fprintf(stderr, "  type %d depth %d%s %ux%u: pixel %u,%u channel %d is %d, want %d\n",
                            ctype, depth, interlace ? " interlaced" : "", w, h, x, y, k, got[k], want[k]);
                    ok = false;
                }
        }
    if (!im)
        fprintf(stderr, "  type %d depth %d%s %ux%u: %s\n", ctype, depth, interlace ? " interlaced" : "", w, h,
                err.why);
    free(file);
    free(smp);
    return ok;
}

static void every_kind(void)
{
    static const struct { int ctype, depths[5], n; } kinds[] = {
        { 0, { 1, 2, 4, 8, 16 }, 5 }, { 2, { 8, 16 }, 2 }, { 3, { 1, 2, 4, 8 }, 4 },
        { 4, { 8, 16 }, 2 },          { 6, { 8, 16 }, 2 },
    };
    static const uint32_t sizes[][2] = { { 1, 1 }, { 3, 5 }, { 13, 7 }, { 33, 17 }, { 9, 1 }, { 1, 9 } };
    int total = 0, good = 0;
    for (size_t k = 0; k < sizeof kinds / sizeof *kinds; k++)
        for (int d = 0; d < kinds[k].n; d++)
            for (int il = 0; il < 2; il++)
                for (size_t z = 0; z < sizeof sizes / sizeof *sizes; z++)
                    for (int t = 0; t < 2; t++) {
                        total++;
                        good += round_trip(kinds[k].ctype, kinds[k].depths[d], il, sizes[z][0], sizes[z][1], t);
                    }
    char what[160];
    snprintf(what, sizeof what, "every colour type, bit depth, filter, size and interlacing decodes to the right pixels (%d of %d)",
             good, total);
    CHECK(what, good == total);
}

/* ---- damaged PNGs ---------------------------------------------------------- */

static const char *png_error(PngSpec *s, void (*patch)(unsigned char *, size_t))
{
    size_t len;
    unsigned char *file = png_encode(s, &len);
    if (patch)
        patch(file, len);
    ImageError err = { 0 };
    const Image *im = image_decode(&rp, file, len, (size_t)RP_MAX_REPORT_IMAGE_BYTES, &err);
    free(file);
    return im ? "(decoded)" : err.why;
}

static void fix_crc(unsigned char *chunk)
{
    uint32_t n = (uint32_t)chunk[0] << 24 | (uint32_t)chunk[1] << 16 | (uint32_t)chunk[2] << 8 | chunk[3];
    uint32_t c = (uint32_t)crc32(0L, chunk + 4, n + 4);
    for (int k = 0; k < 4; k++)
        chunk[8 + n + (unsigned)k] = (unsigned char)(c >> (24 - 8 * k));
}

static void huge16(unsigned char *f, size_t len)
{
    (void)len;
    f[16] = f[20] = 0;              /* 10 000 x 10 000 */
    f[17] = f[21] = 0;
    f[18] = f[22] = 0x27;
    f[19] = f[23] = 0x10;
    fix_crc(f + 8);
}

static void wide(unsigned char *f, size_t len)
{
    (void)len;
    f[16] = 0;
    f[17] = 0x01;                   /* 65 537 wide */
    f[18] = 0;
    f[19] = 1;
    fix_crc(f + 8);
}

static void flip_idat(unsigned char *f, size_t len)
{
    f[len - 12 - 5] ^= 0x55;        /* in the last IDAT, before its checksum */
}

static void damaged(void)
{
    uint16_t smp[16 * 16 * 4];
    for (size_t i = 0; i < sizeof smp / sizeof *smp; i++)
        smp[i] = (uint16_t)rnd(256);
    static const unsigned char plte[16 * 3] = { 0 };
    PngSpec s = { .w = 16, .h = 16, .ctype = 6, .depth = 8, .samples = smp, .idat_size = 50 };
    s.cut_idat = true;
    CHECK("image data cut short is an error", strstr(png_error(&s, NULL), "cut short before its last row"));
    s.cut_idat = false;
    s.bad_deflate = true;
    CHECK("an invalid deflate block is an error", strstr(png_error(&s, NULL), "does not decode: invalid block type"));
    s.bad_deflate = false;
    CHECK("a damaged chunk is an error", strstr(png_error(&s, flip_idat), "the checksum of its IDAT chunk does not match"));
    CHECK("a 10 000 x 10 000 PNG is refused from its header",
          strstr(png_error(&s, huge16), "it is 10000 x 10000 pixels (100.0 megapixels); rapport takes images of up to 25 megapixels"));
    CHECK("a PNG 65 537 pixels wide is refused from its header", strstr(png_error(&s, wide), "at most 30000 pixels wide"));
    CHECK("an undamaged one decodes", !strcmp(png_error(&s, NULL), "(decoded)"));

    for (size_t i = 0; i < 16 * 16; i++)
        smp[i] = (uint16_t)rnd(16);
    PngSpec p = { .w = 16, .h = 16, .ctype = 3, .depth = 4, .samples = smp, .plte = plte, .nplte = 16 };
    CHECK("a palette image decodes", !strcmp(png_error(&p, NULL), "(decoded)"));
    p.no_plte = true;
    CHECK("a palette image without PLTE is an error", strstr(png_error(&p, NULL), "no palette: the PLTE chunk is missing"));
    p.no_plte = false;
    p.nplte = 8;
    CHECK("a pixel beyond its palette is an error", strstr(png_error(&p, NULL), "of a palette of 8"));

    unsigned char sig[] = { 0x89, 'P', 'N', 'G', '\n', 0x1A, '\n', 0 };
    ImageError err;
    CHECK("a PNG mangled by a text-mode copy is named so",
          !image_decode(&rp, sig, sizeof sig, 1000, &err) && strstr(err.why, "text mode"));
    CHECK("a text file is neither PNG nor JPEG",
          !image_decode(&rp, (const unsigned char *)"hello", 5, 1000, &err) && strstr(err.why, "neither a PNG nor a JPEG"));
    CHECK("an empty file is neither", !image_decode(&rp, sig, 0, 1000, &err));
    PngSpec r = { .w = 16, .h = 16, .ctype = 2, .depth = 8, .samples = smp };
    size_t len;
    unsigned char *f = png_encode(&r, &len);
    CHECK("an image larger than the room left for the report's images is refused",
          !image_decode(&rp, f, len, 16 * 16 * 3 - 1, &err) && strstr(err.why, "the report's images would take more"));
    CHECK("one that fits the room is taken", image_decode(&rp, f, len, 16 * 16 * 3, &err) != NULL);
    for (size_t cut = 0; cut < len; cut += 7)   /* every prefix: an error, never a crash */
        CHECK("a PNG cut anywhere is an error", !image_decode(&rp, f, cut, 1 << 20, &err) && err.why && err.hint);
    free(f);
}

/* ---- JPEG ------------------------------------------------------------------ */

/* A JPEG's marker structure (no real entropy data: it is not decoded). */
static size_t jpeg(unsigned char *b, unsigned sof, int prec, int ncomp, bool eoi)
{
    size_t n = 0;
#define B(...) do { const unsigned char x_[] = { __VA_ARGS__ }; memcpy(b + n, x_, sizeof x_); n += sizeof x_; } while (0)
    B(0xFF, 0xD8);
    B(0xFF, 0xE0, 0, 16, 'J', 'F', 'I', 'F', 0, 1, 1, 0, 0, 1, 0, 1, 0, 0);
    B(0xFF, 0xDB, 0, 67, 0);
    memset(b + n, 1, 64);
    n += 64;
    B(0xFF, (unsigned char)sof, 0, (unsigned char)(8 + 3 * ncomp), (unsigned char)prec, 0, 20, 0, 30,
      (unsigned char)ncomp);
    for (int c = 0; c < ncomp; c++)
        B((unsigned char)(c + 1), 0x11, 0);
    B(0xFF, 0xC4, 0, 20, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    B(0xFF, 0xDA, 0, 8, 1, 1, 0, 0, 63, 0);
    B(0x12, 0x34, 0xFF, 0x00, 0x56, 0xFF, 0xD0, 0x78, 0xFF, 0xFF);
    if (eoi)
        B(0xFF, 0xD9);
#undef B
    return n;
}

static void jpegs(void)
{
    unsigned char b[512];
    ImageError err;
    size_t n = jpeg(b, 0xC0, 8, 3, true);
    const Image *im = image_decode(&rp, b, n, 1 << 20, &err);
    CHECK("a baseline colour JPEG is taken as it is",
          im && im->kind == IMAGE_JPEG && im->w == 30 && im->h == 20 && im->channels == 3 && im->len == n &&
          !memcmp(im->data, b, n));
    n = jpeg(b, 0xC2, 8, 1, true);
    b[n++] = 'x';                   /* after the end marker: left out */
    im = image_decode(&rp, b, n, 1 << 20, &err);
    CHECK("a progressive grey JPEG is taken, up to its end marker", im && im->channels == 1 && im->len == n - 1);
    n = jpeg(b, 0xC0, 8, 4, true);
    CHECK("a CMYK JPEG is refused", !image_decode(&rp, b, n, 1 << 20, &err) && strstr(err.why, "CMYK") && strstr(err.hint, "RGB"));
    n = jpeg(b, 0xC0, 8, 3, false);
    CHECK("a JPEG without its end marker is refused", !image_decode(&rp, b, n, 1 << 20, &err) && strstr(err.why, "cut short"));
    n = jpeg(b, 0xC1, 12, 3, true);
    CHECK("a 12-bit JPEG is refused", !image_decode(&rp, b, n, 1 << 20, &err) && strstr(err.why, "12 bits"));
    n = jpeg(b, 0xC3, 8, 3, true);
    CHECK("a lossless JPEG is refused", !image_decode(&rp, b, n, 1 << 20, &err) && strstr(err.why, "lossless"));
    n = jpeg(b, 0xC9, 8, 3, true);
    CHECK("an arithmetic-coded JPEG is refused", !image_decode(&rp, b, n, 1 << 20, &err) && strstr(err.why, "arithmetic"));
    n = jpeg(b, 0xC0, 8, 3, true);
    for (size_t cut = 0; cut < n; cut++)
        CHECK("a JPEG cut anywhere is an error", !image_decode(&rp, b, cut, 1 << 20, &err) && err.why && err.hint);
    n = jpeg(b, 0xC0, 8, 3, true);
    CHECK("a JPEG larger than the room left is refused", !image_decode(&rp, b, n, n - 1, &err));
}

int main(void)
{
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    every_kind();
    damaged();
    jpegs();
    arena_free(&rp.arena);
    diags_free(&rp.diags);
    TEST_DONE();
}
