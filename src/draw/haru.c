/*
 * haru.c - the private side of libharu (draw stage). See haru.h.
 */
#include "haru.h"

#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

HPDF_Stream haru_page_stream(HPDF_Page page)
{
    /* a page's attr is its HPDF_PageAttr (hpdf_pages.h), which holds the
     * content stream libharu's own operators go to */
    return ((HPDF_PageAttr)page->attr)->stream;
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
