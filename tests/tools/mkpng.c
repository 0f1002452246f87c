/*
 * mkpng.c - PNG files for the end-to-end image tests (tests/check/hostile.sh),
 * made at test time so none is kept in the repository.
 *
 *   mkpng KIND FILE
 *
 *   alpha        120 x 80 RGBA: left half opaque red, right half blue at
 *                alpha 128 (on white paper: #7F7FFF)
 *   interlaced   120 x 80 RGB, Adam7: quadrants red, green / blue, black
 *   short-idat   the same, its image data cut to half (checksums right)
 *   bad-deflate  the same, its first deflate block of an invalid type
 *   no-plte      a palette image without its palette (PLTE chunk)
 *   big16        10 000 x 10 000 RGBA, 16 bits a sample, all transparent
 *                black: 800 MB decoded, 4 MB on disk, valid throughout
 *   logo         240 x 80 RGB: a made-up logo for the cover tests, white on
 *                the cover band's blue (#005596): a ring with a dot, three
 *                bars like a wordmark (no real municipality's logo)
 */
#include "pngenc.h"

#include <stdio.h>

static uint16_t px[120 * 80 * 4];

static int quadrants(PngSpec *s)
{
    static const uint16_t c[4][3] = { { 255, 0, 0 }, { 0, 255, 0 }, { 0, 0, 255 }, { 0, 0, 0 } };
    for (int y = 0; y < 80; y++)
        for (int x = 0; x < 120; x++)
            for (int k = 0; k < 3; k++)
                px[(y * 120 + x) * 3 + k] = c[(y >= 40) * 2 + (x >= 60)][k];
    s->w = 120;
    s->h = 80;
    s->ctype = 2;
    s->depth = 8;
    s->interlace = 1;
    s->samples = px;
    return 0;
}

/* A valid PNG too large to write sample by sample: every row is the
 * same zeros, so each is deflated once and ended with a full flush,
 * after which the same bytes encode every other row. */
static int big16(FILE *out)
{
    const uint32_t w = 10000, h = 10000;
    const size_t rb = (size_t)w * 8 + 1;
    unsigned char *row = calloc(rb, 1), *z = malloc(rb + 1024);
    z_stream zs = { 0 };
    if (!row || !z || deflateInit2(&zs, 9, Z_DEFLATED, -15, 9, Z_DEFAULT_STRATEGY) != Z_OK)
        return 1;
    zs.next_in = row;
    zs.avail_in = (uInt)rb;
    zs.next_out = z;
    zs.avail_out = (uInt)(rb + 1024);
    deflate(&zs, Z_FULL_FLUSH);
    size_t zrow = rb + 1024 - zs.avail_out;
    unsigned char fin[64];
    zs.next_out = fin;
    zs.avail_out = sizeof fin;
    deflate(&zs, Z_FINISH);
    size_t zfin = sizeof fin - zs.avail_out;
    deflateEnd(&zs);
    uLong a1 = adler32(1L, row, (uInt)rb), ad = adler32(0L, NULL, 0);
    for (uint32_t y = 0; y < h; y++)
        ad = adler32_combine(ad, a1, (z_off_t)rb);

    PngBuf b = { 0 };
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    pngenc_put(&b, sig, 8);
    unsigned char ihdr[13] = { 0, 0, 0x27, 0x10, 0, 0, 0x27, 0x10, 16, 6, 0, 0, 0 };
    pngenc_chunk(&b, "IHDR", ihdr, 13);
    unsigned char head[2] = { 0x78, 0xDA };
    pngenc_chunk(&b, "IDAT", head, 2);
    for (uint32_t y = 0; y < h; y++)
        pngenc_chunk(&b, "IDAT", z, zrow);
    unsigned char tail[64 + 4];
    memcpy(tail, fin, zfin);
    for (int k = 0; k < 4; k++)
        tail[zfin + (size_t)k] = (unsigned char)(ad >> (24 - 8 * k));
    pngenc_chunk(&b, "IDAT", tail, zfin + 4);
    pngenc_chunk(&b, "IEND", NULL, 0);
    fwrite(b.v, 1, b.n, out);
    free(b.v);
    free(row);
    free(z);
    return 0;
}

static uint16_t logo_px[240 * 80 * 3];

/* The share of white in pixel (x, y) of the logo, 0..16 (4 x 4 samples
 * a pixel, so the ring's edge is smooth). */
static int logo_cover(int x, int y)
{
    int n = 0;
    for (int sy = 0; sy < 4; sy++)
        for (int sx = 0; sx < 4; sx++) {
            double fx = x + (sx + 0.5) / 4, fy = y + (sy + 0.5) / 4;
            double dx = fx - 40, dy = fy - 40, r2 = dx * dx + dy * dy;
            bool ring = r2 <= 30.0 * 30 && r2 >= 22.0 * 22;
            bool dot = r2 <= 9.0 * 9;
            bool bar = fx >= 84 && ((fy >= 18 && fy < 30 && fx < 224) ||
                                    (fy >= 36 && fy < 46 && fx < 196) ||
                                    (fy >= 52 && fy < 62 && fx < 210));
            n += ring || dot || bar;
        }
    return n;
}

static void logo(PngSpec *s)
{
    static const unsigned blue[3] = { 0x00, 0x55, 0x96 };
    for (int y = 0; y < 80; y++)
        for (int x = 0; x < 240; x++) {
            int c = logo_cover(x, y);
            for (int k = 0; k < 3; k++)
                logo_px[(y * 240 + x) * 3 + k] = (uint16_t)((blue[k] * (16 - c) + 255 * c + 8) / 16);
        }
    *s = (PngSpec){ .w = 240, .h = 80, .ctype = 2, .depth = 8, .samples = logo_px };
}

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: mkpng alpha|interlaced|short-idat|bad-deflate|no-plte|big16|logo FILE\n");
        return 2;
    }
    const char *kind = argv[1];
    FILE *out = fopen(argv[2], "wb");
    if (!out) {
        perror(argv[2]);
        return 2;
    }
    PngSpec s = { 0 };
    static const unsigned char plte[2 * 3] = { 0, 0, 0, 255, 255, 255 };
    if (!strcmp(kind, "big16"))
        return big16(out) | fclose(out);
    if (!strcmp(kind, "alpha")) {
        for (int y = 0; y < 80; y++)
            for (int x = 0; x < 120; x++) {
                uint16_t *p = px + (y * 120 + x) * 4;
                p[0] = x < 60 ? 255 : 0;
                p[1] = 0;
                p[2] = x < 60 ? 0 : 255;
                p[3] = x < 60 ? 255 : 128;
            }
        s = (PngSpec){ .w = 120, .h = 80, .ctype = 6, .depth = 8, .samples = px };
    } else if (!strcmp(kind, "interlaced")) {
        quadrants(&s);
    } else if (!strcmp(kind, "short-idat")) {
        quadrants(&s);
        s.cut_idat = true;
    } else if (!strcmp(kind, "bad-deflate")) {
        quadrants(&s);
        s.bad_deflate = true;
    } else if (!strcmp(kind, "logo")) {
        logo(&s);
    } else if (!strcmp(kind, "no-plte")) {
        memset(px, 0, sizeof px);
        s = (PngSpec){ .w = 120, .h = 80, .ctype = 3, .depth = 1, .samples = px, .plte = plte, .nplte = 2,
                       .no_plte = true };
    } else {
        fprintf(stderr, "mkpng: unknown kind %s\n", kind);
        return 2;
    }
    size_t len;
    unsigned char *f = png_encode(&s, &len);
    fwrite(f, 1, len, out);
    free(f);
    return fclose(out) != 0;
}
