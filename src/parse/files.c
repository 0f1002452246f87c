/*
 * files.c - resolving named files safely; image headers (parse stage).
 * See files.h.
 */
#include "files.h"

#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

const char *files_dir(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* Is the existing path p inside the existing folder dir? */
static bool inside(const char *p, const char *dir)
{
    char rp[PATH_MAX], rd[PATH_MAX];
    if (!dir || !realpath(p, rp) || !realpath(dir, rd))
        return false;
    size_t n = strlen(rd);
    if (n == 1)                     /* "/" contains everything */
        return true;
    return strncmp(rp, rd, n) == 0 && (rp[n] == '/' || rp[n] == 0);
}

const char *files_resolve(Rp *rp, const char *base, const char *also, const char *name,
                          const char **why)
{
    const char *path = name[0] == '/' ? name : arena_printf(&rp->arena, "%s/%s", base, name);
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        *why = strerror(errno);
        return NULL;
    }
    if (rp->opt && rp->opt->allow_any_path)
        return path;
    if (inside(path, base) || inside(path, also))
        return path;
    *why = "it lies outside the report's folder";
    return NULL;
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static ImageType png(FILE *f, int *w, int *h, const char **why)
{
    unsigned char hdr[8];
    bool ihdr = false, idat = false;
    if (fread(hdr, 1, 8, f) != 8) {
        *why = "the PNG file is cut short";
        return IMAGE_NONE;
    }
    unsigned char *buf = NULL;
    size_t cap = 0;
    for (int chunks = 0; chunks < 1000000; chunks++) {
        unsigned char head[8];
        if (fread(head, 1, 8, f) != 8) {
            *why = "the PNG file is cut short (no IEND chunk)";
            break;
        }
        uint32_t len = be32(head);
        if (len > 0x7FFFFFFF) {
            *why = "the PNG file is damaged (a chunk length is impossible)";
            break;
        }
        if (len + 4 > cap) {
            cap = len + 4;
            unsigned char *nb = realloc(buf, cap);
            if (!nb)
                rp_oom(cap);
            buf = nb;
        }
        memcpy(buf, head + 4, 4);
        unsigned char crc[4];
        if (fread(buf + 4, 1, len, f) != len || fread(crc, 1, 4, f) != 4) {
            *why = "the PNG file is cut short";
            break;
        }
        if ((uint32_t)crc32(0L, buf, len + 4) != be32(crc)) {
            *why = "the PNG file is damaged (a checksum does not match)";
            break;
        }
        if (!memcmp(buf, "IHDR", 4) && len >= 8) {
            *w = (int)be32(buf + 4);
            *h = (int)be32(buf + 8);
            ihdr = true;
        } else if (!memcmp(buf, "IDAT", 4)) {
            idat = true;
        } else if (!memcmp(buf, "IEND", 4)) {
            free(buf);
            if (!ihdr || !idat || *w <= 0 || *h <= 0) {
                *why = "the PNG file has no image in it";
                return IMAGE_NONE;
            }
            return IMAGE_PNG;
        }
    }
    free(buf);
    return IMAGE_NONE;
}

static ImageType jpeg(FILE *f, int *w, int *h, const char **why)
{
    int c;
    fseek(f, 2, SEEK_SET);
    for (;;) {
        while ((c = fgetc(f)) != EOF && c != 0xFF)
            ;
        while ((c = fgetc(f)) == 0xFF)
            ;
        if (c == EOF)
            break;
        unsigned char l[2];
        if (fread(l, 1, 2, f) != 2)
            break;
        int len = l[0] << 8 | l[1];
        if ((c >= 0xC0 && c <= 0xC3) || (c >= 0xC5 && c <= 0xC7) || (c >= 0xC9 && c <= 0xCB) ||
            (c >= 0xCD && c <= 0xCF)) {
            unsigned char s[5];
            if (fread(s, 1, 5, f) != 5)
                break;
            *h = s[1] << 8 | s[2];
            *w = s[3] << 8 | s[4];
            if (*w > 0 && *h > 0)
                return IMAGE_JPEG;
            break;
        }
        if (len < 2 || fseek(f, len - 2, SEEK_CUR) != 0)
            break;
    }
    *why = "the JPEG file is damaged or cut short";
    return IMAGE_NONE;
}

ImageType files_image(const char *path, int *w, int *h, const char **why)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        *why = strerror(errno);
        return IMAGE_NONE;
    }
    unsigned char sig[4] = { 0 };
    size_t n = fread(sig, 1, 4, f);
    rewind(f);
    ImageType t = IMAGE_NONE;
    *w = *h = 0;
    if (n == 4 && sig[0] == 0x89 && sig[1] == 'P' && sig[2] == 'N' && sig[3] == 'G')
        t = png(f, w, h, why);
    else if (n >= 2 && sig[0] == 0xFF && sig[1] == 0xD8)
        t = jpeg(f, w, h, why);
    else
        *why = "it is neither a PNG nor a JPEG image";
    fclose(f);
    if (t != IMAGE_NONE && ((int64_t)*w * *h > 100000000 || *w > 30000 || *h > 30000)) {
        *why = "the image is larger than 100 megapixels";
        return IMAGE_NONE;
    }
    return t;
}
