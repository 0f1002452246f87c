/*
 * haru.c - the private side of libharu (draw stage). See haru.h.
 */
#include "haru.h"
#include "write.h"
#include "../base/utf8.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

HPDF_Stream haru_page_stream(HPDF_Page page)
{
    /* a page's attr is its HPDF_PageAttr (hpdf_pages.h), which holds the
     * content stream libharu's own operators go to */
    return ((HPDF_PageAttr)page->attr)->stream;
}

HPDF_Dict haru_page_contents(HPDF_Page page)
{
    return ((HPDF_PageAttr)page->attr)->contents;
}

void haru_page_write(HPDF_Page page, const void *data, size_t n)
{
    HPDF_Stream_Write(haru_page_stream(page), (const HPDF_BYTE *)data, (HPDF_UINT)n);
}

int haru_page_font(HPDF_Doc pdf, HPDF_Page page, const char *name, HPDF_Dict font)
{
    HPDF_Dict res = HPDF_Dict_GetItem(page, "Resources", HPDF_OCLASS_DICT);
    if (!res)
        return -1;
    HPDF_Dict fonts = HPDF_Dict_GetItem(res, "Font", HPDF_OCLASS_DICT);
    if (!fonts) {
        fonts = HPDF_Dict_New(pdf->mmgr);
        if (!fonts || HPDF_Dict_Add(res, "Font", fonts) != HPDF_OK)
            return -1;
    }
    return HPDF_Dict_Add(fonts, name, font) == HPDF_OK ? 0 : -1;
}

static HPDF_STATUS say_flate(HPDF_Dict dict, HPDF_Stream out)
{
    (void)dict;
    return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\n");
}

void haru_deflated(HPDF_Dict stream)
{
    stream->filter = HPDF_STREAM_FILTER_NONE;
    stream->write_fn = say_flate;
}

void *haru_text(HPDF_Doc pdf, const char *s)
{
    size_t n = strlen(s);
    char *lat = malloc(n + 1);
    if (!lat)
        return NULL;
    void *o = NULL;
    if (pdfdoc_encode(s, lat, n + 1) >= 0) {
        o = HPDF_String_New(pdf->mmgr, lat, NULL);
    } else {
        /* a character of UTF-8 is at least a byte, of UTF-16 two or four */
        HPDF_BYTE *u = malloc(4 * n + 2);
        if (u) {
            size_t k = 0, i = 0;
            u[k++] = 0xFE;
            u[k++] = 0xFF;
            while (i < n) {
                uint32_t cp = utf8_next(s, n, &i);
                if (cp >= 0x10000) {
                    cp -= 0x10000;
                    uint32_t hi = 0xD800 + (cp >> 10), lo = 0xDC00 + (cp & 0x3FF);
                    u[k++] = (HPDF_BYTE)(hi >> 8), u[k++] = (HPDF_BYTE)hi;
                    cp = lo;
                }
                u[k++] = (HPDF_BYTE)(cp >> 8);
                u[k++] = (HPDF_BYTE)cp;
            }
            o = HPDF_Binary_New(pdf->mmgr, u, (HPDF_UINT)k);
            free(u);
        }
    }
    free(lat);
    return o;
}

int haru_info(HPDF_Doc pdf, const char *key, const char *s)
{
    if (!pdf->info)     /* made the one way libharu makes it, with its trailer entry */
        HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, "rapport");
    void *o = haru_text(pdf, s);
    return o && pdf->info && HPDF_Dict_Add(pdf->info, key, o) == HPDF_OK ? 0 : -1;
}
