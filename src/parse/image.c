/*
 * image.c - PNG decoded and JPEG checked in rapport's own code, before
 * drawing (parse stage). See image.h.
 *
 * Design notes.
 *
 * libharu's own PNG loader runs libpng at draw time, where a damaged file
 * ends in libpng's abort() and an interlaced one in a bare error code;
 * catching libpng's errors would take its longjmp. So PNG is decoded
 * here, on zlib: the format is small, and this way every error is a
 * sentence at the <figure> that names the file, and the drawing stage
 * gets pixels it can only write.
 *
 * PNG, in two passes over the file (read whole):
 *  1. The chunks are walked: each length inside the file, each checksum
 *     right, IHDR first and valid, PLTE and tRNS before the image data
 *     and of the right size, IDAT chunks consecutive, IEND present, no
 *     critical chunk this decoder does not know. Nothing is allocated
 *     before the size in IHDR has passed limits.h.
 *  2. The IDAT chunks are inflated as one stream, row by row (two rows
 *     of the file in memory, never the whole inflated stream), for each
 *     of the 7 passes of Adam7 or the one pass of a plain image; each
 *     row is unfiltered and its pixels converted straight to the output.
 * The output is 8-bit grey (grey PNGs) or RGB (colour and palette PNGs):
 * 16-bit samples are rounded to 8, fewer bits scaled up, palettes
 * looked up. Transparency (an alpha channel, or tRNS) is laid on white
 * paper, which is where the image stands: PDF/A as rapport writes it
 * has no soft masks (tests/pdfa-check), and the page looks the same.
 * Image data that runs short, a deflate stream that does not decode, a
 * row with an unknown filter or a pixel naming a colour beyond its
 * palette is an error; data after the last row is ignored, as libpng
 * does.
 *
 * JPEG is not decoded: a PDF carries it as it is (DCTDecode), and the
 * viewer decodes it. Its markers are walked to check what the viewer
 * will find: a baseline or progressive frame (SOF0, SOF1, SOF2) of 8-bit
 * grey or YCbCr/RGB, at least one scan, and the end marker; the bytes up
 * to that marker are kept. CMYK and YCCK (4 components) are refused: the
 * output intent is sRGB, and converting them needs their profile.
 * Before the frame header the segments must follow each other without
 * fill bytes, as libharu's header reader, which reads them again when
 * drawing, requires.
 */
#include "image.h"
#include "files.h"
#include "../base/limits.h"
#include "../base/i18n.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define HINT_RESAVE _("open it in an image editor and save it again as PNG or JPEG")

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p)
{
    return (unsigned)p[0] << 8 | p[1];
}

static Image *fail(ImageError *err, const char *why, const char *hint)
{
    err->why = why;
    err->hint = hint;
    return NULL;
}

/* The size checks every image passes before anything is allocated for
 * it: true, with *err filled, if a w x h image taking `bytes` is too
 * large for limits.h or for the `room` left. */
static bool too_large(Rp *rp, long w, long h, size_t bytes, size_t room, ImageError *err)
{
    if (w > RP_MAX_IMAGE_SIDE || h > RP_MAX_IMAGE_SIDE || w * h > RP_MAX_IMAGE_PIXELS) {
        char mp[32];
        fail(err, arena_printf(&rp->arena, _("it is %ld x %ld pixels (%s megapixels); rapport takes images of up to %ld megapixels, at most %d pixels wide or high"),
                               w, h, rp_decimal(mp, sizeof mp, (double)w * (double)h / 1e6, 1),
                               RP_MAX_IMAGE_PIXELS / 1000000, RP_MAX_IMAGE_SIDE),
             _("scale it down: 2 000 pixels across is 300 dpi over the whole text width"));
        return true;
    }
    if (bytes > room) {
        fail(err, arena_printf(&rp->arena, _("with it the report's images would take more than %ld MB"),
                               RP_MAX_REPORT_IMAGE_BYTES / 1000000),
             _("scale the report's images down: 2 000 pixels across is 300 dpi over the whole text width"));
        return true;
    }
    return false;
}

/* ---- PNG ---------------------------------------------------------------- */

typedef struct Png {
    Rp                  *rp;
    const unsigned char *p;
    size_t               n;
    uint32_t             w, h;
    int                  depth, ctype, interlace;
    int                  chans;         /* samples per pixel in the file */
    unsigned char        pal[256 * 3];
    int                  npal;          /* 0: no PLTE */
    unsigned char        pal_alpha[256];
    int                  nalpha;        /* palette entries tRNS gives an alpha */
    bool                 has_key;       /* tRNS for grey or RGB: this colour is transparent */
    unsigned             key[3];
    size_t               idat;          /* offset of the first IDAT chunk */
    /* pass 2 */
    z_stream             z;
    size_t               chunk;         /* offset of the IDAT chunk being inflated */
    bool                 ended;         /* the deflate stream has ended */
    unsigned char       *out;
    int                  oc;            /* output channels: 1 or 3 */
    ImageError          *err;
} Png;

static Image *damaged(Png *g, const char *what)
{
    return fail(g->err, arena_printf(&g->rp->arena, _("the PNG file is damaged (%s)"), what), HINT_RESAVE);
}

/* IHDR: is it a PNG this decoder can read, of a size limits.h allows? */
static bool png_header(Png *g, const unsigned char *d, uint32_t len, size_t room)
{
    if (len != 13) {
        damaged(g, _("its header chunk has the wrong length"));
        return false;
    }
    g->w = be32(d);
    g->h = be32(d + 4);
    g->depth = d[8];
    g->ctype = d[9];
    g->interlace = d[12];
    static const int chans[7] = { 1, 0, 3, 1, 2, 0, 4 };
    bool ok;
    switch (g->ctype) {
    case 0: ok = g->depth == 1 || g->depth == 2 || g->depth == 4 || g->depth == 8 || g->depth == 16; break;
    case 3: ok = g->depth == 1 || g->depth == 2 || g->depth == 4 || g->depth == 8; break;
    case 2: case 4: case 6: ok = g->depth == 8 || g->depth == 16; break;
    default: ok = false;
    }
    if (!ok || g->w == 0 || g->h == 0 || g->w > 0x7FFFFFFF || g->h > 0x7FFFFFFF) {
        damaged(g, _("its header names an impossible size, colour type or bit depth"));
        return false;
    }
    if (d[10] != 0 || d[11] != 0 || g->interlace > 1) {
        damaged(g, _("its header names an unknown compression, filter or interlace method"));
        return false;
    }
    g->chans = chans[g->ctype];
    g->oc = g->ctype == 0 || g->ctype == 4 ? 1 : 3;
    return !too_large(g->rp, (long)g->w, (long)g->h, (size_t)g->w * g->h * (size_t)g->oc, room, g->err);
}

/* Pass 1: walk and check every chunk; note what pass 2 needs. */
static bool png_chunks(Png *g, size_t room)
{
    const unsigned char *p = g->p;
    size_t pos = 8;
    bool ihdr = false, idat_done = false;
    for (;;) {
        if (g->n - pos < 12) {
            damaged(g, _("it is cut short: it has no IEND chunk"));
            return false;
        }
        uint32_t len = be32(p + pos);
        const unsigned char *type = p + pos + 4, *d = p + pos + 8;
        if (len > 0x7FFFFFFF) {
            damaged(g, _("a chunk length is impossible"));
            return false;
        }
        if (len > g->n - pos - 12) {
            damaged(g, _("it is cut short inside a chunk"));
            return false;
        }
        for (int k = 0; k < 4; k++)
            if (!((type[k] >= 'A' && type[k] <= 'Z') || (type[k] >= 'a' && type[k] <= 'z'))) {
                damaged(g, _("a chunk has no valid name"));
                return false;
            }
#ifndef FUZZING_BUILD_MODE_UNSAFE_FOR_PRODUCTION   /* a fuzzer cannot make checksums */
        if ((uint32_t)crc32(0L, type, len + 4) != be32(d + len)) {
            damaged(g, arena_printf(&g->rp->arena, _("the checksum of its %.4s chunk does not match"), (const char *)type));
            return false;
        }
#endif
        bool is_idat = !memcmp(type, "IDAT", 4);
        if (!ihdr && memcmp(type, "IHDR", 4) != 0) {
            damaged(g, _("it does not begin with a header chunk"));
            return false;
        }
        if (g->idat && !is_idat)
            idat_done = true;
        if (!memcmp(type, "IHDR", 4)) {
            if (ihdr) {
                damaged(g, _("it has two header chunks"));
                return false;
            }
            if (!png_header(g, d, len, room))
                return false;
            ihdr = true;
        } else if (!memcmp(type, "PLTE", 4)) {
            if (g->npal || g->idat || len % 3 || len == 0 || len > 256 * 3 ||
                (g->ctype == 3 && len / 3 > (1u << g->depth))) {
                damaged(g, _("its palette (PLTE chunk) is misplaced or of the wrong size"));
                return false;
            }
            memcpy(g->pal, d, len);
            g->npal = (int)(len / 3);
        } else if (!memcmp(type, "tRNS", 4)) {
            /* with an alpha channel tRNS means nothing: ignored, as by libpng */
            if (g->ctype == 4 || g->ctype == 6)
                ;
            else if (g->idat || (g->ctype == 3 && (!g->npal || len > (uint32_t)g->npal)) ||
                     (g->ctype == 0 && len != 2) || (g->ctype == 2 && len != 6)) {
                damaged(g, _("its transparency (tRNS chunk) is misplaced or of the wrong size"));
                return false;
            } else if (g->ctype == 3) {
                memcpy(g->pal_alpha, d, len);
                g->nalpha = (int)len;
            } else {
                g->has_key = true;
                for (uint32_t k = 0; k < len / 2; k++)
                    g->key[k] = be16(d + 2 * k);
            }
        } else if (is_idat) {
            if (idat_done) {
                damaged(g, _("its image data is split by other chunks"));
                return false;
            }
            if (!g->idat)
                g->idat = pos;
        } else if (!memcmp(type, "IEND", 4)) {
            break;
        } else if (!(type[0] & 0x20)) {
            /* a critical chunk (upper case first letter) must be understood */
            fail(g->err, arena_printf(&g->rp->arena, _("the PNG uses a part of the format rapport does not know (the chunk \"%.4s\")"),
                                      (const char *)type), HINT_RESAVE);
            return false;
        }
        pos += 12 + (size_t)len;
    }
    if (!g->idat) {
        damaged(g, _("it has no image data (no IDAT chunk)"));
        return false;
    }
    if (g->ctype == 3 && !g->npal) {
        damaged(g, _("a palette image, but no palette: the PLTE chunk is missing"));
        return false;
    }
    return true;
}

/* Feed the next IDAT chunk's data to the inflater; false if there is none. */
static bool next_idat(Png *g)
{
    size_t pos = g->chunk ? g->chunk + 12 + be32(g->p + g->chunk) : g->idat;
    /* pass 1 saw the chunks: they lie inside the file, IDATs together */
    if (memcmp(g->p + pos + 4, "IDAT", 4) != 0)
        return false;
    g->chunk = pos;
    g->z.next_in = (unsigned char *)(uintptr_t)(g->p + pos + 8);
    g->z.avail_in = be32(g->p + pos);
    return true;
}

/* Inflate exactly n bytes into buf. */
static bool inflate_row(Png *g, unsigned char *buf, size_t n)
{
    g->z.next_out = buf;
    g->z.avail_out = (uInt)n;
    while (g->z.avail_out) {
        if (g->ended) {
            damaged(g, _("its image data ends before its last row"));
            return false;
        }
        if (g->z.avail_in == 0 && !next_idat(g)) {
            damaged(g, _("its image data is cut short before its last row"));
            return false;
        }
        int r = inflate(&g->z, Z_NO_FLUSH);
        if (r == Z_STREAM_END) {
            g->ended = true;
        } else if (r == Z_MEM_ERROR) {
            rp_oom(n);
        } else if (r != Z_OK && !(r == Z_BUF_ERROR && g->z.avail_in == 0)) {
            damaged(g, arena_printf(&g->rp->arena, _("its compressed image data does not decode: %s"),
                                    g->z.msg ? g->z.msg : "error"));
            return false;
        }
    }
    return true;
}

/* After the last row: the rest of the stream must still decode (its
 * checksum among it); what it holds beyond the rows is ignored. A
 * stream that stops short after the rows is accepted: the image is whole. */
static bool inflate_end(Png *g)
{
    unsigned char scratch[4096];
    for (int rounds = 0; !g->ended && rounds < 256; rounds++) {
        if (g->z.avail_in == 0 && !next_idat(g))
            return true;
        g->z.next_out = scratch;
        g->z.avail_out = sizeof scratch;
        int r = inflate(&g->z, Z_NO_FLUSH);
        if (r == Z_STREAM_END)
            g->ended = true;
        else if (r == Z_MEM_ERROR)
            rp_oom(sizeof scratch);
        else if (r != Z_OK && !(r == Z_BUF_ERROR && g->z.avail_in == 0)) {
            damaged(g, arena_printf(&g->rp->arena, _("its compressed image data does not decode: %s"),
                                    g->z.msg ? g->z.msg : "error"));
            return false;
        }
    }
    return true;
}

static int paeth(int a, int b, int c)
{
    int p = a + b - c, pa = abs(p - a), pb = abs(p - b), pc = abs(p - c);
    return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/* Undo the row's filter: row[0..n) given the unfiltered previous row
 * prev (zeros above the first row); bpp bytes per complete pixel. */
static void unfilter(unsigned char *row, const unsigned char *prev, size_t n, size_t bpp, int type)
{
    switch (type) {
    case 1:
        for (size_t i = bpp; i < n; i++)
            row[i] = (unsigned char)(row[i] + row[i - bpp]);
        break;
    case 2:
        for (size_t i = 0; i < n; i++)
            row[i] = (unsigned char)(row[i] + prev[i]);
        break;
    case 3:
        for (size_t i = 0; i < n; i++)
            row[i] = (unsigned char)(row[i] + ((i >= bpp ? row[i - bpp] : 0) + prev[i]) / 2);
        break;
    case 4:
        for (size_t i = 0; i < n; i++)
            row[i] = (unsigned char)(row[i] + paeth(i >= bpp ? row[i - bpp] : 0, prev[i],
                                                      i >= bpp ? prev[i - bpp] : 0));
        break;
    }
}

/* Sample i of a row of samples of `depth` bits. */
static unsigned sample(const unsigned char *row, size_t i, int depth)
{
    if (depth == 8)
        return row[i];
    if (depth == 16)
        return (unsigned)row[2 * i] << 8 | row[2 * i + 1];
    size_t bit = i * (size_t)depth;
    return (row[bit >> 3] >> (8 - depth - (int)(bit & 7))) & ((1u << depth) - 1);
}

/* A sample scaled to 8 bits, rounded. */
static unsigned to8(unsigned v, int depth)
{
    if (depth == 8)
        return v;
    if (depth == 16)
        return (v * 255 + 32767) / 65535;
    return v * 255 / ((1u << depth) - 1);
}

/* A colour c with alpha a (0..255) on white paper. */
static unsigned char on_white(unsigned c, unsigned a)
{
    return (unsigned char)((c * a + 255 * (255 - a) + 127) / 255);
}

/* The pixels of one unfiltered row of a pass into the output: pixel x of
 * the row is pixel (x0 + x*dx, y) of the image. */
static bool emit_row(Png *g, const unsigned char *row, uint32_t pw, uint32_t y, uint32_t x0, uint32_t dx)
{
    const int d = g->depth, c = g->chans;
    unsigned char *o = g->out + ((size_t)y * g->w + x0) * (size_t)g->oc;
    const size_t step = (size_t)dx * (size_t)g->oc;
    for (uint32_t x = 0; x < pw; x++, o += step) {
        size_t i = (size_t)x * (size_t)c;
        unsigned r, gr, b, a = 255;
        switch (g->ctype) {
        case 0:
            r = sample(row, i, d);
            if (g->has_key && r == g->key[0])
                a = 0;
            o[0] = on_white(to8(r, d), a);
            continue;
        case 4:
            r = sample(row, i, d);
            a = to8(sample(row, i + 1, d), d);
            o[0] = on_white(to8(r, d), a);
            continue;
        case 3: {
            unsigned k = sample(row, i, d);
            if (k >= (unsigned)g->npal) {
                damaged(g, arena_printf(&g->rp->arena, _("a pixel uses colour %u of a palette of %d"), k, g->npal));
                return false;
            }
            r = g->pal[3 * k];
            gr = g->pal[3 * k + 1];
            b = g->pal[3 * k + 2];
            if ((int)k < g->nalpha)
                a = g->pal_alpha[k];
            break;
        }
        case 2:
            r = sample(row, i, d);
            gr = sample(row, i + 1, d);
            b = sample(row, i + 2, d);
            if (g->has_key && r == g->key[0] && gr == g->key[1] && b == g->key[2])
                a = 0;
            r = to8(r, d);
            gr = to8(gr, d);
            b = to8(b, d);
            break;
        default: /* 6 */
            r = to8(sample(row, i, d), d);
            gr = to8(sample(row, i + 1, d), d);
            b = to8(sample(row, i + 2, d), d);
            a = to8(sample(row, i + 3, d), d);
            break;
        }
        o[0] = on_white(r, a);
        o[1] = on_white(gr, a);
        o[2] = on_white(b, a);
    }
    return true;
}

/* Pass 2: inflate, unfilter and convert every row of every pass. */
static bool png_pixels(Png *g)
{
    /* Adam7: where each pass starts and how far apart its pixels are */
    static const uint8_t adam7[7][4] = {
        { 0, 0, 8, 8 }, { 4, 0, 8, 8 }, { 0, 4, 4, 8 }, { 2, 0, 4, 4 },
        { 0, 2, 2, 4 }, { 1, 0, 2, 2 }, { 0, 1, 1, 2 },
    };
    static const uint8_t plain[1][4] = { { 0, 0, 1, 1 } };
    const uint8_t (*passes)[4] = g->interlace ? adam7 : plain;
    const int npasses = g->interlace ? 7 : 1;
    const size_t bits = (size_t)g->chans * (size_t)g->depth;
    const size_t bpp = bits < 8 ? 1 : bits / 8;
    const size_t rowmax = ((size_t)g->w * bits + 7) / 8 + 1;
    unsigned char *cur = xmalloc(rowmax), *prev = xmalloc(rowmax);
    bool ok = true;
    for (int ps = 0; ps < npasses && ok; ps++) {
        uint32_t x0 = passes[ps][0], y0 = passes[ps][1], dx = passes[ps][2], dy = passes[ps][3];
        uint32_t pw = g->w > x0 ? (g->w - x0 + dx - 1) / dx : 0;
        uint32_t ph = g->h > y0 ? (g->h - y0 + dy - 1) / dy : 0;
        if (pw == 0 || ph == 0)
            continue;               /* an empty pass has no rows, not even filter bytes */
        size_t rb = ((size_t)pw * bits + 7) / 8;
        memset(prev, 0, rb + 1);
        for (uint32_t y = 0; y < ph && ok; y++) {
            ok = inflate_row(g, cur, rb + 1);
            if (ok && cur[0] > 4) {
                damaged(g, arena_printf(&g->rp->arena, _("a row has the unknown filter type %d"), cur[0]));
                ok = false;
            }
            if (ok) {
                unfilter(cur + 1, prev + 1, rb, bpp, cur[0]);
                ok = emit_row(g, cur + 1, pw, y0 + y * dy, x0, dx);
            }
            unsigned char *t = prev;
            prev = cur;
            cur = t;
        }
    }
    free(cur);
    free(prev);
    return ok && inflate_end(g);
}

static Image *png(Rp *rp, const unsigned char *p, size_t n, size_t room, ImageError *err)
{
    Png *g = xmalloc(sizeof *g);
    memset(g, 0, sizeof *g);
    g->rp = rp;
    g->p = p;
    g->n = n;
    g->err = err;
    Image *im = NULL;
    if (png_chunks(g, room)) {
        if (inflateInit(&g->z) != Z_OK)
            rp_oom(sizeof(z_stream));
        g->out = arena_alloc(&rp->arena, (size_t)g->w * g->h * (size_t)g->oc);
        if (png_pixels(g)) {
            im = ARENA_NEW(&rp->arena, Image);
            im->kind = IMAGE_PIXELS;
            im->w = (int)g->w;
            im->h = (int)g->h;
            im->channels = g->oc;
            im->data = g->out;
            im->len = (size_t)g->w * g->h * (size_t)g->oc;
        }
        inflateEnd(&g->z);
    }
    free(g);
    return im;
}

/* ---- JPEG --------------------------------------------------------------- */

static Image *jpeg_damaged(Rp *rp, ImageError *err, const char *what)
{
    return fail(err, arena_printf(&rp->arena, _("the JPEG file is damaged (%s)"), what), HINT_RESAVE);
}

static Image *jpeg(Rp *rp, const unsigned char *p, size_t n, size_t room, ImageError *err)
{
    size_t pos = 2;
    bool sof = false, sos = false;
    unsigned w = 0, h = 0, nc = 0;
    for (;;) {
        if (n - pos < 2)
            return fail(err, _("the JPEG file is cut short: it has no end marker"), HINT_RESAVE);
        if (p[pos] != 0xFF)
            return jpeg_damaged(rp, err, _("a marker is missing between its parts"));
        unsigned m = p[pos + 1];
        if (m == 0xFF) {            /* a fill byte before a marker */
            if (!sof)
                return jpeg_damaged(rp, err, _("fill bytes before its frame header"));
            pos++;
            continue;
        }
        pos += 2;
        if (m == 0xD9) {            /* EOI */
            if (!sos)
                return jpeg_damaged(rp, err, _("it ends before its image data"));
            break;
        }
        if ((m >= 0xD0 && m <= 0xD7) || m == 0x01) {   /* markers without a length */
            if (!sof)
                return jpeg_damaged(rp, err, _("a marker out of place before its frame header"));
            continue;
        }
        if (m == 0xD8 || m == 0x00)
            return jpeg_damaged(rp, err, _("a marker out of place"));
        if (n - pos < 2)
            return fail(err, _("the JPEG file is cut short: it has no end marker"), HINT_RESAVE);
        size_t len = be16(p + pos);
        if (len < 2)
            return jpeg_damaged(rp, err, _("a segment has an impossible length"));
        if (len > n - pos)
            return fail(err, _("the JPEG file is cut short inside a segment"), HINT_RESAVE);
        const unsigned char *s = p + pos + 2;
        size_t slen = len - 2;
        if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC) {   /* SOFn */
            if (sof)
                return jpeg_damaged(rp, err, _("it has two frame headers"));
            if (m > 0xC2)
                return fail(err, arena_printf(&rp->arena, _("it is a %s JPEG, which PDF viewers cannot show"),
                                              m == 0xC3 ? "lossless" : m >= 0xC9 && m <= 0xCB ? "arithmetic-coded"
                                                                     : "hierarchical"),
                            _("save it again as an ordinary (baseline or progressive) JPEG, or as PNG"));
            if (slen < 6)
                return jpeg_damaged(rp, err, _("its frame header is too short"));
            h = be16(s + 1);
            w = be16(s + 3);
            nc = s[5];
            if (slen != 6 + 3 * (size_t)nc)
                return jpeg_damaged(rp, err, _("its frame header has the wrong length"));
            if (s[0] != 8)
                return fail(err, arena_printf(&rp->arena, _("the JPEG has %d bits a sample; PDF viewers show JPEGs of 8"), s[0]),
                            _("save it again as an ordinary 8-bit JPEG, or as PNG"));
            if (w == 0 || h == 0)
                return jpeg_damaged(rp, err, _("its frame header gives no size"));
            if (nc == 4)
                return fail(err, _("the JPEG is in CMYK (4 colour channels); an archival PDF with an sRGB output intent takes only RGB and grey images"),
                            _("convert it to RGB (in most image editors: Image > Mode > RGB) and save it again, or save it as PNG"));
            if (nc != 1 && nc != 3)
                return fail(err, arena_printf(&rp->arena, _("the JPEG has %u colour channels; rapport takes grey (1) and colour (3) JPEGs"), nc),
                            _("save it again as an RGB or greyscale JPEG, or as PNG"));
            for (unsigned k = 0; k < nc; k++) {
                unsigned hs = s[6 + 3 * k + 1] >> 4, vs = s[6 + 3 * k + 1] & 15;
                if (hs < 1 || hs > 4 || vs < 1 || vs > 4)
                    return jpeg_damaged(rp, err, _("its frame header has impossible sampling factors"));
            }
            if (too_large(rp, (long)w, (long)h, n, room, err))
                return NULL;
            sof = true;
        } else if (m == 0xDA) {     /* SOS, then the entropy-coded data */
            if (!sof)
                return jpeg_damaged(rp, err, _("its image data comes before its frame header"));
            if (slen < 1 || s[0] < 1 || s[0] > nc || slen != 4 + 2 * (size_t)s[0])
                return jpeg_damaged(rp, err, _("a scan header has the wrong length"));
            sos = true;
            pos += len;
            /* to the next marker: 0xFF not followed by a stuffed 0 or a restart marker */
            for (;;) {
                const unsigned char *ff = memchr(p + pos, 0xFF, n - pos);
                if (!ff || (size_t)(ff - p) + 1 >= n)
                    return fail(err, _("the JPEG file is cut short: its image data has no end marker"), HINT_RESAVE);
                pos = (size_t)(ff - p);
                unsigned nx = p[pos + 1];
                if (nx != 0 && !(nx >= 0xD0 && nx <= 0xD7))
                    break;
                pos += 2;
            }
            continue;
        }
        pos += len;
    }
    Image *im = ARENA_NEW(&rp->arena, Image);
    im->kind = IMAGE_JPEG;
    im->w = (int)w;
    im->h = (int)h;
    im->channels = (int)nc;
    im->len = pos;                  /* up to the end marker: what follows it is not the image */
    unsigned char *copy = arena_alloc(&rp->arena, pos);
    memcpy(copy, p, pos);
    im->data = copy;
    return im;
}

/* ---- either ------------------------------------------------------------- */

Image *image_decode(Rp *rp, const unsigned char *data, size_t len, size_t room, ImageError *err)
{
    static const unsigned char png_sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' };
    if (len >= 8 && !memcmp(data, png_sig, 8))
        return png(rp, data, len, room, err);
    if (len >= 4 && !memcmp(data, png_sig, 4))
        return fail(err, _("the PNG file is damaged (its signature is broken, as by a copy in text mode)"),
                    _("copy the file again as binary, or save it again as PNG"));
    if (len >= 3 && data[0] == 0xFF && data[1] == 0xD8 && data[2] == 0xFF)
        return jpeg(rp, data, len, room, err);
    return fail(err, _("it is neither a PNG nor a JPEG image"), _("save it as PNG (drawings, charts) or JPEG (photos)"));
}

Image *image_load(Rp *rp, const char *path, size_t room, ImageError *err)
{
    size_t len;
    const char *why;
    unsigned char *data = files_load(rp, path, RP_MAX_IMAGE_FILE_BYTES, &len, &why);
    if (!data)
        return fail(err, why, _("name a PNG or JPEG file in the report's folder"));
    Image *im = image_decode(rp, data, len, room, err);
    free(data);
    if (im)
        im->file_len = len;
    return im;
}
