/*
 * device.h - drawing as calls to a device (draw stage).
 *
 * device_replay() walks the pages in the order a PDF draws them and makes
 * one call per thing on a page: a text run, a rule, a rectangle, a path,
 * a status marker, an image, a link, and before each the structure
 * element it belongs to. Two devices take the calls: the PDF (pdf.c),
 * and the trace (trace.c), which prints every call as a line, so the
 * golden page dumps of the tests see exactly what the PDF gets (in the
 * manner of MuPDF's fz_device and its trace device).
 *
 * The order: on each page, first the drawn decoration that lies under
 * everything (rules and fills that are artifacts), then each placed box
 * with the rest of its ops in order, then the page's furniture (running
 * header and footer). Coordinates are millipoints from the page's top
 * left corner.
 */
#ifndef RP_DEVICE_H
#define RP_DEVICE_H

#include "../paginate/paginate.h"

typedef struct Device Device;

struct Device {
    /* a page begins and ends */
    void (*page)(Device *dev, int index, const Page *page);
    void (*page_end)(Device *dev, int index);
    /* the ops that follow are box pl's (NULL: the page's furniture);
     * `under`: the decoration that goes down first */
    void (*box)(Device *dev, const Placed *pl, bool under);
    /* the ops that follow belong to structure element se (SE_ARTIFACT:
     * to none); `actual`: the text a marker stands for; `text`: a text
     * op follows */
    void (*element)(Device *dev, int se, const char *actual, bool text);
    /* o's text s[0..len) (a page number's label for OP_PAGENUM) with its
     * baseline starting at x, y */
    void (*text)(Device *dev, const Op *o, int32_t x, int32_t y, const char *s, int len);
    /* the other ops at x, y (o->x, o->y moved by the box); a path's
     * points are moved by ox, oy */
    void (*rule)(Device *dev, const Op *o, int32_t x, int32_t y);
    void (*rect)(Device *dev, const Op *o, int32_t x, int32_t y);
    void (*marker)(Device *dev, const Op *o, int32_t x, int32_t y);
    void (*path)(Device *dev, const Op *o, int32_t ox, int32_t oy);
    void (*image)(Device *dev, const Op *o, int32_t x, int32_t y);
    /* a clickable area, in structure element se; `what` says where it
     * goes (a heading's title or the address) */
    void (*link)(Device *dev, const Op *o, int32_t x, int32_t y, int se, const char *what);
    bool stop;       /* set by a device that has failed: the replay ends */
};

/* Make dev's calls for every page of pg. */
void device_replay(const Pages *pg, Device *dev);

/* The printed page number of anchor a ("?" when it is on no page). */
const char *device_page_label(const Pages *pg, int anchor, char *buf, size_t cap);

#endif
