/*
 * squeeze.c - deflating streams on every core. See squeeze.h.
 *
 * Design notes
 *  - Jobs are taken in order, by the workers and by squeeze_get(): a job
 *    is WAITING, TAKEN (someone is deflating it) or DONE. The writer
 *    asks for jobs in the order it added them, so it mostly finds them
 *    done, or takes the next one itself instead of waiting.
 *  - Each thread has its own compressor (libdeflate's are not shared).
 *  - Nothing here touches libharu: the writer gathers a stream's bytes
 *    before it adds the job.
 */
#include "squeeze.h"
#include "../base/arena.h"

#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <unistd.h>

enum { WAITING, TAKEN, DONE };
enum { MAX_WORKERS = 3 };

typedef struct Job {
    const unsigned char *in;
    size_t               nin;
    unsigned char       *out;        /* NULL after DONE: it failed */
    size_t               nout;
    int                  state;
} Job;

struct Squeeze {
    pthread_mutex_t mu;
    pthread_cond_t  done;
    Job            *jobs;
    size_t          n, cap, next;     /* next: the first job no one has taken */
    int             level;
    pthread_t       th[MAX_WORKERS];
    int             nth;
    struct libdeflate_compressor *mine;   /* the writer's own, made at its first job */
};

static void deflate_job(Job *j, struct libdeflate_compressor *c)
{
    size_t bound = c ? libdeflate_zlib_compress_bound(c, j->nin) : 0;
    unsigned char *out = c ? malloc(bound) : NULL;
    size_t n = out ? libdeflate_zlib_compress(c, j->in, j->nin, out, bound) : 0;
    if (n == 0) {
        free(out);
        out = NULL;
    }
    j->out = out;
    j->nout = n;
}

/* Take the next waiting job: its index, or n. Called with mu held. */
static size_t take(Squeeze *q)
{
    while (q->next < q->n && q->jobs[q->next].state != WAITING)
        q->next++;
    if (q->next == q->n)
        return q->n;
    q->jobs[q->next].state = TAKEN;
    return q->next++;
}

/* Deflate job k (taken by the caller) and say so. */
static void run(Squeeze *q, size_t k, struct libdeflate_compressor *c)
{
    deflate_job(&q->jobs[k], c);
    pthread_mutex_lock(&q->mu);
    q->jobs[k].state = DONE;
    pthread_cond_broadcast(&q->done);
    pthread_mutex_unlock(&q->mu);
}

static void *worker(void *arg)
{
    Squeeze *q = arg;
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(q->level);
    for (;;) {
        pthread_mutex_lock(&q->mu);
        size_t k = take(q);
        pthread_mutex_unlock(&q->mu);
        if (k == q->n)
            break;
        run(q, k, c);
    }
    libdeflate_free_compressor(c);
    return NULL;
}

Squeeze *squeeze_new(int level)
{
    Squeeze *q = xmalloc(sizeof *q);
    *q = (Squeeze){ .level = level };
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->done, NULL);
    return q;
}

size_t squeeze_add(Squeeze *q, const void *in, size_t n)
{
    if (q->n == q->cap) {
        q->cap = q->cap ? q->cap * 2 : 64;
        q->jobs = xrealloc(q->jobs, sizeof *q->jobs * q->cap);
    }
    q->jobs[q->n] = (Job){ .in = in, .nin = n, .state = WAITING };
    return q->n++;
}

void squeeze_start(Squeeze *q)
{
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    int want = cores > 1 ? (int)(cores - 1) : 0;   /* the writer is a core too */
    if (want > MAX_WORKERS)
        want = MAX_WORKERS;
    if ((size_t)want > q->n / 2)                   /* a thread for one stream costs more than it saves */
        want = (int)(q->n / 2);
    for (int i = 0; i < want; i++)
        if (pthread_create(&q->th[q->nth], NULL, worker, q) == 0)
            q->nth++;
}

const unsigned char *squeeze_get(Squeeze *q, size_t k, size_t *n)
{
    pthread_mutex_lock(&q->mu);
    Job *j = &q->jobs[k];
    if (j->state == WAITING) {
        j->state = TAKEN;
        pthread_mutex_unlock(&q->mu);
        if (!q->mine)
            q->mine = libdeflate_alloc_compressor(q->level);
        run(q, k, q->mine);
        pthread_mutex_lock(&q->mu);
    }
    while (j->state != DONE)
        pthread_cond_wait(&q->done, &q->mu);
    pthread_mutex_unlock(&q->mu);
    *n = j->nout;
    return j->out;
}

void squeeze_free(Squeeze *q)
{
    if (!q)
        return;
    pthread_mutex_lock(&q->mu);
    q->next = q->n;                 /* nothing more to take */
    for (size_t k = 0; k < q->n; k++)
        if (q->jobs[k].state == WAITING)
            q->jobs[k].state = DONE;
    pthread_mutex_unlock(&q->mu);
    for (int i = 0; i < q->nth; i++)
        pthread_join(q->th[i], NULL);
    for (size_t k = 0; k < q->n; k++)
        free(q->jobs[k].out);
    if (q->mine)
        libdeflate_free_compressor(q->mine);
    free(q->jobs);
    pthread_mutex_destroy(&q->mu);
    pthread_cond_destroy(&q->done);
    free(q);
}

bool squeeze_into(Buf *dst, const void *in, size_t n, int level)
{
    struct libdeflate_compressor *c = libdeflate_alloc_compressor(level);
    if (!c)
        return false;
    size_t bound = libdeflate_zlib_compress_bound(c, n);
    buf_reserve(dst, bound);
    size_t z = libdeflate_zlib_compress(c, in, n, dst->p + dst->n, bound);
    libdeflate_free_compressor(c);
    dst->n += z;
    return z > 0;
}
