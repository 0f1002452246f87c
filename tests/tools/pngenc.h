/*
 * pngenc.h - a small PNG writer for the tests (tests/unit/image.c,
 * tests/tools/mkpng.c), on zlib.
 *
 * Any colour type and bit depth, a palette and tRNS, Adam7 or not; the
 * rows use the five filter types in turn and the data is split over
 * several IDAT chunks, so a decoder meets every path. It can also damage
 * what it writes in the ways a decoder must catch: image data cut short,
 * an invalid deflate block, a palette image without its palette.
 */
#ifndef PNGENC_H
#define PNGENC_H

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

typedef struct PngSpec {
    uint32_t             w, h;
    int                  ctype, depth, interlace;
    const uint16_t      *samples;     /* w*h*channels, rows top down, each < 2^depth */
    const unsigned char *plte;        /* nplte RGB entries */
    int                  nplte;
    const unsigned char *trns;        /* ntrns bytes, as the tRNS chunk holds them */
    int                  ntrns;
    int                  idat_size;   /* bytes of image data per IDAT chunk; 0: 1000 */
    bool                 cut_idat;    /* damage: keep only half of the image data */
    bool                 bad_deflate; /* damage: the first deflate block of an invalid type */
    bool                 no_plte;     /* damage: leave the palette out */
} PngSpec;

static int pngenc_channels(int ctype)
{
    return ctype == 0 || ctype == 3 ? 1 : ctype == 2 ? 3 : ctype == 4 ? 2 : 4;
}

typedef struct PngBuf {
    unsigned char *v;
    size_t         n, cap;
} PngBuf;

static void pngenc_put(PngBuf *b, const void *p, size_t n)
{
    if (b->n + n > b->cap) {
        b->cap = (b->n + n) * 2;
        b->v = realloc(b->v, b->cap);
        if (!b->v)
            abort();
    }
    memcpy(b->v + b->n, p, n);
    b->n += n;
}

static void pngenc_be32(PngBuf *b, uint32_t v)
{
    unsigned char x[4] = { (unsigned char)(v >> 24), (unsigned char)(v >> 16), (unsigned char)(v >> 8),
                           (unsigned char)v };
    pngenc_put(b, x, 4);
}

static void pngenc_chunk(PngBuf *b, const char *type, const unsigned char *d, size_t n)
{
    pngenc_be32(b, (uint32_t)n);
    size_t at = b->n;
    pngenc_put(b, type, 4);
    if (n)
        pngenc_put(b, d, n);
    pngenc_be32(b, (uint32_t)crc32(0L, b->v + at, (uInt)(n + 4)));
}

static int pngenc_paeth(int a, int b, int c)
{
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* The PNG file for s, malloc'd, its length in *len. */
static unsigned char *png_encode(const PngSpec *s, size_t *len)
{
    static const int adam7[7][4] = {
        { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 },
        { 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 },
    };
    static const int plain[1][4] = { { 0, 0, 1, 1 } };
    const int (*passes)[4] = s->interlace ? adam7 : plain;
    int npasses = s->interlace ? 7 : 1;
    int ch = pngenc_channels(s->ctype);
    size_t bits = (size_t)ch * (size_t)s->depth, bpp = bits < 8 ? 1 : bits / 8;
    size_t rowmax = ((size_t)s->w * bits + 7) / 8;
    unsigned char *row = calloc(rowmax + 1, 1), *prev = calloc(rowmax + 1, 1);
    PngBuf raw = { 0 };
    int nrow = 0;
    for (int ps = 0; ps < npasses; ps++) {
        uint32_t x0 = (uint32_t)passes[ps][0], y0 = (uint32_t)passes[ps][1];
        uint32_t dx = (uint32_t)passes[ps][2], dy = (uint32_t)passes[ps][3];
        uint32_t pw = s->w > x0 ? (s->w - x0 + dx - 1) / dx : 0, ph = s->h > y0 ? (s->h - y0 + dy - 1) / dy : 0;
        if (!pw || !ph)
            continue;
        size_t rb = ((size_t)pw * bits + 7) / 8;
        memset(prev, 0, rb);
        for (uint32_t y = 0; y < ph; y++, nrow++) {
            memset(row, 0, rb);
            for (uint32_t x = 0; x < pw; x++)
                for (int c = 0; c < ch; c++) {
                    unsigned v = s->samples[((size_t)(y0 + y * dy) * s->w + x0 + x * dx) * (size_t)ch + (size_t)c];
                    size_t i = (size_t)x * (size_t)ch + (size_t)c;
                    if (s->depth == 16) {
                        row[2 * i] = (unsigned char)(v >> 8);
                        row[2 * i + 1] = (unsigned char)v;
                    } else if (s->depth == 8) {
                        row[i] = (unsigned char)v;
                    } else {
                        size_t bit = i * (size_t)s->depth;
                        row[bit / 8] |= (unsigned char)(v << (8 - s->depth - (int)(bit % 8)));
                    }
                }
            unsigned char f = (unsigned char)(nrow % 5), out[1] = { f };
            pngenc_put(&raw, out, 1);
            for (size_t i = 0; i < rb; i++) {
                int a = i >= bpp ? row[i - bpp] : 0, b = prev[i], c = i >= bpp ? prev[i - bpp] : 0;
                int pred = f == 0 ? 0 : f == 1 ? a : f == 2 ? b : f == 3 ? (a + b) / 2 : pngenc_paeth(a, b, c);
                unsigned char o = (unsigned char)(row[i] - pred);
                pngenc_put(&raw, &o, 1);
            }
            memcpy(prev, row, rb);
        }
    }
    free(row);
    free(prev);
    uLongf zn = compressBound((uLong)raw.n);
    unsigned char *z = malloc(zn);
    if (!z || compress2(z, &zn, raw.v ? raw.v : (const Bytef *)"", (uLong)raw.n, 9) != Z_OK)
        abort();
    free(raw.v);
    if (s->bad_deflate)
        z[2] |= 0x06;               /* BTYPE 11: reserved, an error */
    if (s->cut_idat)
        zn /= 2;

    PngBuf b = { 0 };
    static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    pngenc_put(&b, sig, 8);
    unsigned char ihdr[13] = { 0 };
    for (int k = 0; k < 4; k++) {
        ihdr[k] = (unsigned char)(s->w >> (24 - 8 * k));
        ihdr[4 + k] = (unsigned char)(s->h >> (24 - 8 * k));
    }
    ihdr[8] = (unsigned char)s->depth;
    ihdr[9] = (unsigned char)s->ctype;
    ihdr[12] = (unsigned char)s->interlace;
    pngenc_chunk(&b, "IHDR", ihdr, 13);
    if (s->plte && !s->no_plte)
        pngenc_chunk(&b, "PLTE", s->plte, (size_t)s->nplte * 3);
    if (s->trns)
        pngenc_chunk(&b, "tRNS", s->trns, (size_t)s->ntrns);
    size_t step = s->idat_size > 0 ? (size_t)s->idat_size : 1000;
    for (size_t at = 0; at < zn; at += step)
        pngenc_chunk(&b, "IDAT", z + at, zn - at < step ? zn - at : step);
    free(z);
    pngenc_chunk(&b, "IEND", NULL, 0);
    *len = b.n;
    return b.v;
}

#endif
