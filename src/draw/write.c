/*
 * write.c - libharu's objects as a compact PDF 1.7 file. See write.h.
 *
 * Design notes
 *  - libharu's objects are written in its own order, through its own
 *    writers (HPDF_Obj_WriteValue), so its write hooks run as they
 *    would in HPDF_SaveToStream: fonts are subset and a stream's /Length
 *    object is filled in when the stream is written, before the Length
 *    object itself comes up.
 *  - Streams libharu would deflate (page contents, mostly) are handed
 *    to a batch (squeeze.h): each page's as soon as it is drawn
 *    (pdfw_ready), the rest once all are (pdfw_begin); each is copied
 *    out of libharu and deflated on whichever thread gets to it, and
 *    written from the batch when its turn comes; one that changed size
 *    since (nothing should draw on a page after it is handed over) or
 *    came later is deflated then. Streams with write hooks (fonts) go
 *    through libharu.
 *  - Streams are written at once as ordinary objects. Everything else
 *    goes into object streams of at most OBJSTM_MAX objects or about
 *    OBJSTM_BYTES bytes, each deflated: small enough that a viewer
 *    opening one page inflates little, large enough for deflate to find
 *    the repetitions of structure elements. An object stream is cut as
 *    soon as it is full and handed to the pages' batch (kept open for
 *    them), so the raw text of all objects (4 MB in a 200-page report)
 *    is never held at once; the streams get their numbers at the end,
 *    after libharu's objects, as the cross-reference stream is the only
 *    one to name them.
 *  - The cross-reference stream uses the PNG "Up" predictor, which turns
 *    its rows of nearly equal numbers into zeros.
 */
#include "write.h"
#include "squeeze.h"
#include "../base/arena.h"
#include "../base/utf8.h"

#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes rather than a count cut most: at 200 objects the streams' own
 * tables of numbers and offsets deflated apart, and the
 * verksamhetsberättelse was 1.7 KB larger. */
enum { OBJSTM_MAX = 1000, OBJSTM_BYTES = 64 * 1024 };

/* ---- buffers ---------------------------------------------------------------- */

void buf_reserve(Buf *b, size_t n)
{
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap < b->n + n)
            cap *= 2;
        b->p = xrealloc(b->p, cap);
        b->cap = cap;
    }
}

void buf_put(Buf *b, const void *data, size_t n)
{
    buf_reserve(b, n);
    memcpy(b->p + b->n, data, n);
    b->n += n;
}

void buf_puts(Buf *b, const char *s) { buf_put(b, s, strlen(s)); }

unsigned char *put_int(unsigned char *at, long v)
{
    char tmp[24];
    int k = sizeof tmp;
    unsigned long u = v < 0 ? 0UL - (unsigned long)v : (unsigned long)v;
    do
        tmp[--k] = (char)('0' + u % 10);
    while ((u /= 10) != 0);
    if (v < 0)
        tmp[--k] = '-';
    memcpy(at, tmp + k, sizeof tmp - (size_t)k);
    return at + (sizeof tmp - (size_t)k);
}

void buf_int(Buf *b, long v)
{
    buf_reserve(b, 24);
    b->n = (size_t)(put_int(b->p + b->n, v) - b->p);
}

void buf_ref(Buf *b, long num)
{
    buf_int(b, num);
    buf_put(b, " 0 R", 4);
}

int pdfdoc_encode(const char *s, char *out, size_t cap)
{
    size_t n = strlen(s), i = 0, k = 0;
    while (i < n) {
        uint32_t cp = utf8_next(s, n, &i);
        if (cp == 0xAD)
            continue;               /* a soft hyphen is no character of the text's */
        if (!((cp >= 0x20 && cp <= 0x7E) || (cp >= 0xA1 && cp <= 0xFF)) || k + 1 >= cap)
            return -1;
        out[k++] = (char)cp;
    }
    out[k] = 0;
    return (int)k;
}

void buf_text(Buf *b, const char *s)
{
    char small[256];
    size_t n = strlen(s), i;
    char *lat = n < sizeof small ? small : xmalloc(n + 1);
    int k = pdfdoc_encode(s, lat, n + 1);
    if (k >= 0) {
        buf_put(b, "(", 1);
        for (i = 0; i < (size_t)k; i++) {
            if (lat[i] == '(' || lat[i] == ')' || lat[i] == '\\')
                buf_put(b, "\\", 1);
            buf_put(b, lat + i, 1);
        }
        buf_put(b, ")", 1);
    }
    if (lat != small)
        free(lat);
    if (k >= 0)
        return;
    static const char hex[] = "0123456789ABCDEF";
    buf_puts(b, "<FEFF");
    i = 0;
    while (i < n) {
        uint32_t cp = utf8_next(s, n, &i);
        uint32_t units[2];
        int nu = 0;
        if (cp == 0xAD)
            continue;
        if (cp > 0xFFFF && cp <= 0x10FFFF) {
            cp -= 0x10000;
            units[nu++] = 0xD800 + (cp >> 10);
            units[nu++] = 0xDC00 + (cp & 0x3FF);
        } else {
            units[nu++] = cp > 0xFFFF ? 0xFFFD : cp;
        }
        for (int u = 0; u < nu; u++) {
            char h[4] = { hex[units[u] >> 12 & 15], hex[units[u] >> 8 & 15], hex[units[u] >> 4 & 15],
                          hex[units[u] & 15] };
            buf_put(b, h, 4);
        }
    }
    buf_put(b, ">", 1);
}

/* ---- the writer --------------------------------------------------------------- */

/* An object stream cut: its objects [first, first + n) and its
 * dictionary's /N and /First. */
typedef struct ObjStm { size_t first, n, head, job; } ObjStm;

typedef struct XEnt {
    uint8_t  type;        /* 0 free, 1 at an offset, 2 in an object stream */
    uint32_t f2;          /* offset, or the object stream's number */
    uint16_t f3;          /* index in the object stream */
} XEnt;

struct PdfW {
    HPDF_Doc    pdf;
    HPDF_Stream cb;       /* libharu writes into *target through it */
    Buf        *target;
    Buf         out;      /* the file */
    Buf         body;     /* values of the objects of the object stream being filled */
    long       *onum;     /* all objects bound for object streams: number, */
    size_t     *ooff;     /* and offset in its stream's body */
    size_t      nobj, ocap;
    size_t      first;    /* the first object of the stream being filled */
    ObjStm     *stm;      /* the object streams cut so far, each a job of `oq` */
    size_t      nstm, stmcap;
    Squeeze    *oq;       /* the batch's: its workers and compressors serve both */
    size_t      got;      /* the object streams before it are deflated */
    XEnt       *x;
    long        nx;
    long        next;
    bool        failed;
    int         threads;  /* for deflating the object streams */
};

static HPDF_STATUS cb_write(HPDF_Stream s, const HPDF_BYTE *ptr, HPDF_UINT siz)
{
    PdfW *w = s->attr;
    buf_put(w->target, ptr, siz);
    return HPDF_OK;
}

static XEnt *xent(PdfW *w, long num)
{
    if (num >= w->nx) {
        long n = w->nx ? w->nx : 1024;
        while (n <= num)
            n *= 2;
        w->x = xrealloc(w->x, sizeof *w->x * (size_t)n);
        memset(w->x + w->nx, 0, sizeof *w->x * (size_t)(n - w->nx));
        w->nx = n;
    }
    return &w->x[num];
}

long pdfw_next(PdfW *w) { return w->next++; }

/* The bytes of an object stream cut (fill of its deflate job). */
typedef struct Raw { unsigned char *p; size_t n; } Raw;

static unsigned char *raw_take(void *ctx, size_t *n)
{
    Raw *r = ctx;
    unsigned char *p = r->p;
    *n = r->n;
    free(r);
    return p;
}

/* The objects since w->first as an object stream: its header of numbers
 * and offsets, then the objects, handed to the batch to be deflated. */
static void cut_objstm(PdfW *w)
{
    size_t first = w->first, n = w->nobj - first;
    if (n == 0)
        return;
    Buf head = { 0 };
    buf_reserve(&head, n * 24 + 2 + w->body.n);
    for (size_t k = first; k < w->nobj; k++) {
        buf_int(&head, w->onum[k]);
        buf_put(&head, " ", 1);
        buf_int(&head, (long)w->ooff[k]);
        buf_put(&head, k + 1 < w->nobj ? " " : "\n", 1);
    }
    size_t hn = head.n;
    buf_put(&head, w->body.p, w->body.n);
    w->body.n = 0;
    w->first = w->nobj;
    if (w->nstm == w->stmcap) {
        w->stmcap = w->stmcap ? w->stmcap * 2 : 16;
        w->stm = xrealloc(w->stm, sizeof *w->stm * w->stmcap);
    }
    Raw *r = xmalloc(sizeof *r);
    *r = (Raw){ head.p, head.n };
    w->stm[w->nstm++] = (ObjStm){ first, n, hn, squeeze_add_fill(w->oq, raw_take, r) };
    squeeze_open(w->oq, w->nstm);       /* a worker, if the pages had too few for one */
    /* at most two streams' raw bytes wait (none without a worker): the
     * writer takes the oldest itself, or waits for it, before it goes on */
    size_t keep = w->threads > 1 ? 2 : 0;
    while (w->got + keep < w->nstm) {
        size_t nz;
        squeeze_get(w->oq, w->stm[w->got++].job, &nz);
    }
}

Buf *pdfw_object(PdfW *w, long num)
{
    if (w->nobj == w->ocap) {
        w->ocap = w->ocap ? w->ocap * 2 : 1024;
        w->onum = xrealloc(w->onum, sizeof *w->onum * w->ocap);
        w->ooff = xrealloc(w->ooff, sizeof *w->ooff * w->ocap);
    }
    if (w->nobj - w->first >= OBJSTM_MAX || w->body.n >= OBJSTM_BYTES)
        cut_objstm(w);
    if (w->nobj > w->first)
        buf_put(&w->body, "\n", 1);
    w->onum[w->nobj] = num;
    w->ooff[w->nobj] = w->body.n;
    w->nobj++;
    xent(w, num)->type = 2;     /* where exactly: when the object streams are made */
    return &w->body;
}

/* A stream object of our own: `dict` (without Length), then `z`,
 * deflated already. */
static void put_deflated(PdfW *w, long num, const char *dict, const unsigned char *z, size_t nz)
{
    XEnt *e = xent(w, num);
    e->type = 1;
    e->f2 = (uint32_t)w->out.n;
    buf_int(&w->out, num);
    buf_puts(&w->out, " 0 obj\n<<");
    buf_puts(&w->out, dict);
    buf_puts(&w->out, "/Filter/FlateDecode/Length ");
    buf_int(&w->out, (long)nz);
    buf_puts(&w->out, ">>\nstream\n");
    buf_put(&w->out, z, nz);
    buf_puts(&w->out, "\nendstream\nendobj\n");
}

/* The object streams, numbered after all other objects, written as
 * their jobs are done (each is taken, written or not, so every job's
 * raw bytes are freed). */
static void object_streams(PdfW *w, bool write)
{
    if (write)
        cut_objstm(w);
    squeeze_close(w->oq);
    for (size_t k = 0; k < w->nstm; k++) {
        size_t nz;
        const unsigned char *z = squeeze_get(w->oq, w->stm[k].job, &nz);
        if (!write)
            continue;
        if (!z) {
            w->failed = true;
            write = false;
            continue;
        }
        const ObjStm *t = &w->stm[k];
        long num = pdfw_next(w);
        for (size_t o = t->first; o < t->first + t->n; o++) {
            XEnt *e = xent(w, w->onum[o]);
            e->f2 = (uint32_t)num;
            e->f3 = (uint16_t)(o - t->first);
        }
        char dict[80];
        snprintf(dict, sizeof dict, "/Type/ObjStm/N %zu/First %zu", t->n, t->head);
        put_deflated(w, num, dict, z, nz);
        squeeze_forget(w->oq, w->stm[k].job);
    }
    free(w->stm);
    w->stm = NULL;
}

/* 16 bytes of the file's bytes so far, for the second half of its ID:
 * two FNV-1a lanes, eight bytes a step (a 100 MB PDF in tens of ms). */
static void body_hash(const unsigned char *p, size_t n, unsigned char out[16])
{
    uint64_t h0 = 1469598103934665603ull, h1 = 0x9E3779B97F4A7C15ull;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t v;
        memcpy(&v, p + i, 8);
        h0 = (h0 ^ v) * 1099511628211ull;
        h1 = (h1 ^ (v >> 32 | v << 32)) * 0x100000001B3ull;
        h0 ^= h0 >> 29;
    }
    for (; i < n; i++) {
        h0 = (h0 ^ p[i]) * 1099511628211ull;
        h1 = (h1 ^ p[i]) * 0x100000001B3ull;
    }
    h0 ^= (uint64_t)n;
    for (int k = 0; k < 2; k++) {       /* every bit to every bit (MurmurHash3's finish) */
        uint64_t *h = k ? &h1 : &h0;
        *h ^= *h >> 33;
        *h *= 0xFF51AFD7ED558CCDull;
        *h ^= *h >> 33;
        *h *= 0xC4CEB9FE1A85EC53ull;
        *h ^= *h >> 33;
    }
    for (int b = 0; b < 8; b++) {
        out[b] = (unsigned char)(h0 >> (8 * b));
        out[8 + b] = (unsigned char)(h1 >> (8 * b));
    }
}

/* The trailer's ID: its first half as archive.c made it, from the report
 * (the same document, whatever made it again), its second from the file
 * itself, so that a PDF made anew with another layout, PDF/A level or
 * version of rapport is told apart from the one before by an archive
 * (an archivist: three different files had one ID); the same bytes, the
 * same ID, as the same report gives the same bytes. */
static void put_id(PdfW *w, Buf *dict)
{
    HPDF_Array id = HPDF_Dict_GetItem(w->pdf->trailer, "ID", HPDF_OCLASS_ARRAY);
    HPDF_Binary first = id ? HPDF_Array_GetItem(id, 0, HPDF_OCLASS_BINARY) : NULL;
    if (!first || first->len != 16)
        return;
    unsigned char second[16];
    body_hash(w->out.p, w->out.n, second);
    static const char hex[] = "0123456789ABCDEF";
    buf_puts(dict, "/ID [ <");
    for (int half = 0; half < 2; half++) {
        const unsigned char *v = half ? second : first->value;
        for (int k = 0; k < 16; k++) {
            char h[2] = { hex[v[k] >> 4], hex[v[k] & 15] };
            buf_put(dict, h, 2);
        }
        buf_puts(dict, half ? "> ]" : "> <");
    }
}

/* The cross-reference stream, which is also the trailer, and the end. */
static void xref_stream(PdfW *w)
{
    long num = pdfw_next(w), size = w->next;
    XEnt *self = xent(w, num);
    self->type = 1;
    self->f2 = (uint32_t)w->out.n;
    w->x[0].type = 0;
    w->x[0].f3 = 0xFFFF;
    uint32_t max = 0;
    for (long i = 0; i < size; i++)
        if (w->x[i].f2 > max)
            max = w->x[i].f2;
    int w2 = max < 0x10000 ? 2 : max < 0x1000000 ? 3 : 4;
    int row = 1 + w2 + 2;
    Buf rows = { 0 };
    unsigned char prev[8] = { 0 }, cur[8];
    for (long i = 0; i < size; i++) {
        const XEnt *e = &w->x[i];
        cur[0] = e->type;
        for (int k = 0; k < w2; k++)
            cur[1 + k] = (unsigned char)(e->f2 >> (8 * (w2 - 1 - k)));
        cur[1 + w2] = (unsigned char)(e->f3 >> 8);
        cur[2 + w2] = (unsigned char)e->f3;
        unsigned char line[9];
        line[0] = 2;   /* PNG Up */
        for (int k = 0; k < row; k++)
            line[1 + k] = (unsigned char)(cur[k] - prev[k]);
        buf_put(&rows, line, (size_t)row + 1);
        memcpy(prev, cur, (size_t)row);
    }
    Buf dict = { 0 };
    buf_puts(&dict, "/Type/XRef/Size ");
    buf_int(&dict, size);
    buf_puts(&dict, "/W[1 ");
    buf_int(&dict, w2);
    buf_puts(&dict, " 2]/DecodeParms<</Predictor 12/Columns ");
    buf_int(&dict, row);
    buf_puts(&dict, ">>");
    /* the trailer's entries: Root, Info, ID */
    HPDF_Dict tr = w->pdf->trailer;
    w->target = &dict;
    for (HPDF_UINT i = 0; i < tr->list->count; i++) {
        HPDF_DictElement el = HPDF_List_ItemAt(tr->list, i);
        if (!strcmp(el->key, "Size") || !strcmp(el->key, "Prev") || !strcmp(el->key, "XRefStm") ||
            !strcmp(el->key, "ID"))
            continue;
        HPDF_Stream_WriteEscapeName(w->cb, el->key);
        HPDF_Stream_WriteChar(w->cb, ' ');
        if (HPDF_Obj_Write(el->value, w->cb, NULL) != HPDF_OK)
            w->failed = true;
    }
    put_id(w, &dict);
    buf_put(&dict, "", 1);
    size_t at = w->out.n;
    Buf z = { 0 };
    if (squeeze_into(&z, rows.p, rows.n, SQUEEZE_LEVEL))
        put_deflated(w, num, (const char *)dict.p, z.p, z.n);
    else
        w->failed = true;
    free(z.p);
    buf_puts(&w->out, "startxref\n");
    buf_int(&w->out, (long)at);
    buf_puts(&w->out, "\n%%EOF\n");
    free(rows.p);
    free(dict.p);
}

/* A libharu stream rapport deflates itself, with the others, on every
 * core: one libharu would deflate (FlateDecode, no parameters), that no
 * hook writes, with its bytes in memory. Page contents, mostly. */
static bool ours(HPDF_Dict d)
{
    return d->filter == HPDF_STREAM_FILTER_FLATE_DECODE && !d->filterParams && !d->before_write_fn &&
           !d->write_fn && !d->after_write_fn && d->stream->type == HPDF_STREAM_MEMORY;
}

/* The bytes of memory stream s in one piece (malloc'd), their count in
 * *n; NULL if memory runs out or libharu's buffers do not add up to its
 * size. It only reads: safe on a worker thread once nothing writes to s
 * (squeeze.h). */
static unsigned char *gather(HPDF_Stream s, size_t *n)
{
    size_t total = HPDF_Stream_Size(s), at = 0;
    unsigned char *p = malloc(total ? total : 1);
    if (!p)
        return NULL;
    HPDF_UINT count = HPDF_MemStream_GetBufCount(s);
    for (HPDF_UINT i = 0; i < count; i++) {
        HPDF_UINT len = 0;
        HPDF_BYTE *b = HPDF_MemStream_GetBufPtr(s, i, &len);
        if (!b || len > total - at)
            break;
        memcpy(p + at, b, len);
        at += len;
    }
    if (at != total) {
        free(p);
        return NULL;
    }
    *n = at;
    return p;
}

static unsigned char *gather_job(void *stream, size_t *n) { return gather(stream, n); }

/* Stream d, object num, with its bytes z[0..nz): deflated, with
 * libharu's entries but its filter, or, `raw`, as they are. The length
 * is written in the dictionary itself, as it is known: libharu's Length
 * object is told it too, and is not written (pdfw_save), which spares
 * the object streams an object per stream (archive tools also read the
 * XMP metadata's length without following a reference). */
static void put_ours(PdfW *w, long num, HPDF_Dict d, const unsigned char *z, size_t nz, bool raw)
{
    XEnt *x = xent(w, num);
    x->type = 1;
    x->f2 = (uint32_t)w->out.n;
    w->target = &w->out;
    buf_int(&w->out, num);
    buf_puts(&w->out, " 0 obj\n<<");
    for (HPDF_UINT i = 0; i < d->list->count; i++) {
        HPDF_DictElement el = HPDF_List_ItemAt(d->list, i);
        const HPDF_Obj_Header *h = el->value;
        if ((h->obj_id & HPDF_OTYPE_HIDDEN) || !strcmp(el->key, "Filter") || !strcmp(el->key, "DecodeParms") ||
            !strcmp(el->key, "Length"))
            continue;
        HPDF_Stream_WriteEscapeName(w->cb, el->key);
        HPDF_Stream_WriteChar(w->cb, ' ');
        if (HPDF_Obj_Write(el->value, w->cb, NULL) != HPDF_OK)
            w->failed = true;
    }
    HPDF_Number length = HPDF_Dict_GetItem(d, "Length", HPDF_OCLASS_NUMBER);
    if (length)
        HPDF_Number_SetValue(length, (HPDF_INT32)nz);
    else
        w->failed = true;
    buf_puts(&w->out, "/Length ");
    buf_int(&w->out, (long)nz);
    if (!raw)
        buf_puts(&w->out, "/Filter/FlateDecode");
    buf_puts(&w->out, ">>\nstream\n");
    buf_put(&w->out, z, nz);
    buf_puts(&w->out, "\nendstream\nendobj\n");
}

/* A stream kept as it is (no filter, no hook, in memory): the XMP
 * metadata, which PDF/A wants readable without a filter. */
static bool plain(HPDF_Dict d)
{
    return d->filter == HPDF_STREAM_FILTER_NONE && !d->before_write_fn && !d->write_fn && !d->after_write_fn &&
           d->stream->type == HPDF_STREAM_MEMORY;
}

struct PdfBatch {
    Squeeze   *q;
    int        threads;
    HPDF_UINT  n;           /* libharu's objects the arrays cover */
    long      *job;         /* per object: its job in q, or -1 */
    size_t    *size;        /* per object: its stream's size when the job was made, or FREED */
    HPDF_UINT *held;        /* pages handed over whose raw bytes libharu still holds */
    size_t     nheld, capheld;
};

/* A page stream's raw bytes, let go once deflated (pdfw_ready): the
 * batch holds them deflated, and nothing writes to the page any more. */
#define FREED ((size_t)-1)

/* The arrays made to cover libharu's objects now. */
static void cover(PdfBatch *b, HPDF_Doc pdf)
{
    HPDF_UINT count = pdf->xref->entries->count;
    if (count <= b->n)
        return;
    b->job = xrealloc(b->job, sizeof *b->job * count);
    b->size = xrealloc(b->size, sizeof *b->size * count);
    for (HPDF_UINT i = b->n; i < count; i++)
        b->job[i] = -1;
    b->n = count;
}

/* Object i (an index into the xref's entries) to deflate, if it is a
 * stream of ours not yet queued. */
static void queue(PdfBatch *b, HPDF_Doc pdf, HPDF_UINT i)
{
    HPDF_XrefEntry e = HPDF_List_ItemAt(pdf->xref->entries, i);
    HPDF_Obj_Header *h = e->obj;
    if (i == 0 || b->job[i] >= 0 || (h->obj_class & HPDF_OCLASS_ANY) != HPDF_OCLASS_DICT ||
        !((HPDF_Dict)e->obj)->stream || !ours(e->obj))
        return;
    HPDF_Stream st = ((HPDF_Dict)e->obj)->stream;
    b->size[i] = HPDF_Stream_Size(st);
    b->job[i] = (long)squeeze_add_fill(b->q, gather_job, st);
}

PdfBatch *pdfw_open(HPDF_Doc pdf, int threads, int expected)
{
    PdfBatch *b = xmalloc(sizeof *b);
    *b = (PdfBatch){ .threads = threads };
    b->q = squeeze_new(SQUEEZE_LEVEL, threads);
    cover(b, pdf);
    squeeze_open(b->q, expected > 0 ? (size_t)expected : 0);
    return b;
}

/* The raw bytes of the pages handed over and deflated since, let go:
 * a long report does not hold all its pages' operators twice. */
static void let_go(PdfBatch *b, HPDF_Doc pdf)
{
    for (size_t k = 0; k < b->nheld;) {
        HPDF_UINT i = b->held[k];
        if (!squeeze_done(b->q, (size_t)b->job[i])) {
            k++;
            continue;
        }
        HPDF_XrefEntry e = HPDF_List_ItemAt(pdf->xref->entries, i);
        HPDF_MemStream_FreeData(((HPDF_Dict)e->obj)->stream);
        b->size[i] = FREED;
        b->held[k] = b->held[--b->nheld];
    }
}

void pdfw_ready(PdfBatch *b, HPDF_Doc pdf, HPDF_Dict stream)
{
    if (!b || !stream)
        return;
    HPDF_UINT num = ((HPDF_Obj_Header *)stream)->obj_id & 0x00FFFFFF;
    if (!(((HPDF_Obj_Header *)stream)->obj_id & HPDF_OTYPE_INDIRECT) || num < pdf->xref->start_offset)
        return;
    cover(b, pdf);
    HPDF_UINT i = num - pdf->xref->start_offset;
    if (i >= b->n)
        return;
    if (b->threads > 1)             /* with no worker, no job is done before writing */
        let_go(b, pdf);
    queue(b, pdf, i);
    if (b->job[i] >= 0 && b->threads > 1) {
        if (b->nheld == b->capheld) {
            b->capheld = b->capheld ? b->capheld * 2 : 16;
            b->held = xrealloc(b->held, sizeof *b->held * b->capheld);
        }
        b->held[b->nheld++] = i;
    }
}

void pdfw_begin(PdfBatch *b, HPDF_Doc pdf)
{
    if (!b)
        return;
    cover(b, pdf);
    for (HPDF_UINT i = 0; i < b->n; i++)
        queue(b, pdf, i);
    /* still open: pdfw_save() adds the object streams */
}

void pdfw_end(PdfBatch *b)
{
    if (!b)
        return;
    squeeze_free(b->q);
    free(b->held);
    free(b->size);
    free(b->job);
    free(b);
}

/* Stream object i (number num) of ours: from the batch, deflated
 * already, or deflated now if it came (or changed) after it was handed
 * over. */
static void put_stream(PdfW *w, PdfBatch *batch, HPDF_UINT i, long num, HPDF_Dict d)
{
    size_t nz;
    const unsigned char *z = NULL;
    Buf now = { 0 };
    HPDF_Stream st = d->stream;
    bool queued = i < batch->n && batch->job[i] >= 0;
    if (queued && batch->size[i] == FREED && HPDF_Stream_Size(st) != 0) {
        /* written to after its raw bytes were let go: those bytes are
         * lost, so the PDF fails the same way however many threads
         * deflated (nothing draws so today) */
        w->failed = true;
    } else if (queued && (batch->size[i] == FREED || batch->size[i] == HPDF_Stream_Size(st))) {
        z = squeeze_get(batch->q, (size_t)batch->job[i], &nz);
    } else {                    /* made (or written to) after pdfw_begin(): deflated here */
        if (queued)             /* its job may be reading it: let it end */
            squeeze_get(batch->q, (size_t)batch->job[i], &nz);
        size_t n;
        unsigned char *raw = gather(st, &n);
        if (raw && squeeze_into(&now, raw, n, SQUEEZE_LEVEL))
            z = now.p, nz = now.n;
        free(raw);
    }
    if (!z)
        w->failed = true;
    else
        put_ours(w, num, d, z, nz, false);
    if (queued && z && !now.p)
        squeeze_forget(batch->q, (size_t)batch->job[i]);
    free(now.p);
    /* written: its raw bytes (a page's operators, a font) are not needed
     * again, and what comes after (the object streams) can have their
     * memory; so can its deflated bytes */
    HPDF_MemStream_FreeData(st);
}

int pdfw_save(HPDF_Doc pdf, const PdfExtra *extra, PdfBatch *batch, unsigned char **out, size_t *len)
{
    PdfW ww = { 0 }, *w = &ww;
    w->pdf = pdf;
    *out = NULL;
    *len = 0;
    w->cb = HPDF_CallbackWriter_New(pdf->mmgr, cb_write, w);
    if (!w->cb) {
        pdfw_end(batch);
        return -1;
    }
    static const char *version[] = { "1.2", "1.3", "1.4", "1.5", "1.6", "1.7" };
    /* object and cross-reference streams need 1.5 */
    int v = pdf->pdf_version >= HPDF_VER_15 && pdf->pdf_version <= HPDF_VER_17 ? (int)pdf->pdf_version : HPDF_VER_15;
    buf_puts(&w->out, "%PDF-");
    buf_puts(&w->out, version[v]);
    buf_puts(&w->out, "\n%\xE2\xE3\xCF\xD3\n");   /* binary bytes: "this is not text" */

    if (HPDF_Dict_Add(pdf->trailer, "Root", pdf->catalog) != HPDF_OK ||
        (pdf->info && HPDF_Dict_Add(pdf->trailer, "Info", pdf->info) != HPDF_OK))
        w->failed = true;

    HPDF_List entries = pdf->xref->entries;
    if (!batch) {
        batch = pdfw_open(pdf, 1, 0);
        pdfw_begin(batch, pdf);
    }
    w->threads = batch->threads;
    w->oq = batch->q;
    /* the count is read again each time: writing may add objects */
    for (HPDF_UINT i = 1; i < entries->count && !w->failed; i++) {
        HPDF_XrefEntry e = HPDF_List_ItemAt(entries, i);
        long num = (long)(pdf->xref->start_offset + i);
        if (extra && num == extra->reserved)
            continue;
        HPDF_Obj_Header *h = e->obj;
        bool stream = (h->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && ((HPDF_Dict)e->obj)->stream;
        if (stream && (ours(e->obj) || plain(e->obj))) {
            if (ours(e->obj)) {
                put_stream(w, batch, i, num, e->obj);
            } else {
                size_t n;
                unsigned char *raw = gather(((HPDF_Dict)e->obj)->stream, &n);
                if (raw)
                    put_ours(w, num, e->obj, raw, n, true);
                else
                    w->failed = true;
                free(raw);
            }
            /* its Length object, made with it, is named by nothing now:
             * left out, a free entry in the cross-reference stream */
            HPDF_XrefEntry next = i + 1 < entries->count ? HPDF_List_ItemAt(entries, i + 1) : NULL;
            if (next && next->obj == HPDF_Dict_GetItem(e->obj, "Length", HPDF_OCLASS_NUMBER))
                i++;
            continue;
        }
        if (stream) {
            XEnt *x = xent(w, num);
            x->type = 1;
            x->f2 = (uint32_t)w->out.n;
            w->target = &w->out;
            buf_int(&w->out, num);
            buf_puts(&w->out, " 0 obj\n");
        } else {
            w->target = pdfw_object(w, num);
        }
        if (HPDF_Obj_WriteValue(e->obj, w->cb, NULL) != HPDF_OK)
            w->failed = true;
        if (stream)
            buf_puts(&w->out, "\nendobj\n");
    }
    w->next = (long)(pdf->xref->start_offset + entries->count);
    if (extra && extra->write && !w->failed)
        extra->write(extra->user, w);
    object_streams(w, !w->failed);
    pdfw_end(batch);
    if (!w->failed)
        xref_stream(w);
    /* offsets are 32-bit here; PDF/A-2 allows 8 388 607 objects */
    int rc = w->failed ? -1 : w->out.n > UINT32_MAX || w->next > 8388607 ? -2 : 0;
    HPDF_Stream_Free(w->cb);
    free(w->body.p);
    free(w->onum);
    free(w->ooff);
    free(w->x);
    if (rc == 0 && pdf->error.error_no != HPDF_OK)
        rc = -1;
    if (rc != 0) {
        free(w->out.p);
        return rc;
    }
    *out = w->out.p;
    *len = w->out.n;
    return 0;
}
