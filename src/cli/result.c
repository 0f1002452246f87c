/*
 * result.c - collecting a run's messages, sources and pages (the command
 * line). See result.h.
 */
#include "result.h"
#include "xalloc.h"

#include <stdlib.h>
#include <string.h>

static void on_message(void *ctx, const RpMessage *m)
{
    Result *r = ctx;
    if (r->nmsg == r->capmsg)
        r->msg = xgrow(r->msg, &r->capmsg, sizeof *r->msg);
    r->msg[r->nmsg++] = (ResultMsg){ m->error, xstrdup(m->file), m->line, m->col, xstrdup(m->text), xstrdup(m->hint) };
    if (m->error)
        r->errors++;
    else
        r->warnings++;
}

static void on_source(void *ctx, const char *path)
{
    Result *r = ctx;
    if (r->nsrc == r->capsrc)
        r->src = xgrow(r->src, &r->capsrc, sizeof *r->src);
    r->src[r->nsrc++] = xstrdup(path);
}

static void on_pages(void *ctx, int pages)
{
    ((Result *)ctx)->pages = pages;
}

void result_init(Result *r)
{
    memset(r, 0, sizeof *r);
    r->pages = -1;
    r->listener = (RpListener){ r, on_message, on_source, on_pages };
}

void result_free(Result *r)
{
    for (int i = 0; i < r->nmsg; i++) {
        free(r->msg[i].file);
        free(r->msg[i].text);
        free(r->msg[i].hint);
    }
    for (int i = 0; i < r->nsrc; i++)
        free(r->src[i]);
    free(r->msg);
    free(r->src);
    result_init(r);
}
