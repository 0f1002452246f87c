/*
 * squeeze.c - deflating streams on every core. See squeeze.h.
 *
 * Design notes
 *  - Jobs are taken in order, by the workers and by squeeze_get(): a job
 *    is WAITING, TAKEN (someone is deflating it) or DONE. The writer
 *    asks for jobs in the order it added them, so it mostly finds them
 *    done, or takes the next one itself instead of waiting.
 *  - A batch is opened and given its jobs as they come (squeeze_open ...
 *    squeeze_close: the pages' streams as each page is drawn, deflated
 *    meanwhile on the core the drawing leaves idle, then the object
 *    streams as each fills). Jobs lie in blocks that never move; the
 *    blocks' array, which may, is read under the mutex only.
 *  - Each thread has its own compressor (libdeflate's are not shared),
 *    taken from a pool and given back: a compressor is 650 KB that
 *    libdeflate clears as it starts, and a fresh one is fresh pages, each
 *    a page fault (a PDF's ~20 deflations made and dropped one apiece:
 *    ~10 % of the verksamhetsberättelse's page faults). squeeze_drain
 *    empties the pool.
 *  - Nothing here touches libharu: a job's bytes come from the caller's
 *    fill function, on whichever thread runs the job, and are freed as
 *    soon as they are deflated, so at most one copy per thread is alive,
 *    whatever the streams add up to.
 */
#include "squeeze.h"
#include "../base/arena.h"

#include <assert.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>

enum { WAITING, TAKEN, DONE };
enum { MAX_WORKERS = 3, POOL_MAX = MAX_WORKERS + 1 };

static pthread_mutex_t pool_mu = PTHREAD_MUTEX_INITIALIZER;
static struct { int level; struct libdeflate_compressor *c; } pool[POOL_MAX];
static int npool;

/* A compressor of `level`: the pool's, or a new one (NULL: no memory). */
static struct libdeflate_compressor *compressor_get(int level)
{
    struct libdeflate_compressor *c = NULL;
    pthread_mutex_lock(&pool_mu);
    for (int i = 0; i < npool && !c; i++)
        if (pool[i].level == level) {
            c = pool[i].c;
            pool[i] = pool[--npool];
        }
    pthread_mutex_unlock(&pool_mu);
    return c ? c : libdeflate_alloc_compressor(level);
}

static void compressor_put(int level, struct libdeflate_compressor *c)
{
    if (!c)
        return;
    pthread_mutex_lock(&pool_mu);
    if (npool < POOL_MAX) {
        pool[npool].level = level;
        pool[npool++].c = c;
        c = NULL;
    }
    pthread_mutex_unlock(&pool_mu);
    if (c)
        libdeflate_free_compressor(c);
}

void squeeze_drain(void)
{
    pthread_mutex_lock(&pool_mu);
    int n = npool;
    struct libdeflate_compressor *c[POOL_MAX];
    for (int i = 0; i < n; i++)
        c[i] = pool[i].c;
    npool = 0;
    pthread_mutex_unlock(&pool_mu);
    for (int i = 0; i < n; i++)
        libdeflate_free_compressor(c[i]);
}

typedef struct Job {
    SqueezeFill          fill;
    void                *ctx;
    unsigned char       *out;        /* NULL after DONE: it failed */
    size_t               nout;
    int                  state;
} Job;

enum { CHUNK = 256 };                /* jobs per block: a job never moves */

struct Squeeze {
    pthread_mutex_t mu;
    pthread_cond_t  done;             /* a job was done */
    pthread_cond_t  more;             /* a job was added, or no more will be */
    Job           **block;            /* the jobs, CHUNK a block; read under mu */
    size_t          nblock;
    size_t          n, next;          /* next: the first job no one has taken */
    bool            closed;           /* no job is added any more */
    int             level, threads;
    pthread_t       th[MAX_WORKERS];
    int             nth;
    struct libdeflate_compressor *mine;   /* the writer's own, made at its first job */
};

/* Job k; called with mu held (the blocks' array may move as jobs come). */
static Job *job_at(const Squeeze *q, size_t k) { return &q->block[k / CHUNK][k % CHUNK]; }

static void deflate_job(Job *j, struct libdeflate_compressor *c)
{
    size_t nin = 0;
    unsigned char *in = j->fill(j->ctx, &nin);     /* freed as soon as it is deflated */
    size_t bound = c && in ? libdeflate_zlib_compress_bound(c, nin) : 0;
    unsigned char *out = bound ? malloc(bound) : NULL;
    size_t n = out ? libdeflate_zlib_compress(c, in, nin, out, bound) : 0;
    if (n == 0) {
        free(out);
        out = NULL;
    } else if (n < bound) {
        /* kept until written: at its size, not the bound's (a page's
         * operators deflate to a third; a report's pages would hold
         * three times the heap they need) */
        unsigned char *fit = realloc(out, n);
        if (fit)
            out = fit;
    }
    free(in);
    j->out = out;
    j->nout = n;
}

/* Take the next waiting job: its index, or n. Called with mu held. */
static size_t take(Squeeze *q)
{
    while (q->next < q->n && job_at(q, q->next)->state != WAITING)
        q->next++;
    if (q->next == q->n)
        return q->n;
    job_at(q, q->next)->state = TAKEN;
    return q->next++;
}

/* Deflate job j (taken by the caller) and say so. */
static void run(Squeeze *q, Job *j, struct libdeflate_compressor *c)
{
    deflate_job(j, c);
    pthread_mutex_lock(&q->mu);
    j->state = DONE;
    pthread_cond_broadcast(&q->done);
    pthread_mutex_unlock(&q->mu);
}

static void *worker(void *arg)
{
    Squeeze *q = arg;
    struct libdeflate_compressor *c = compressor_get(q->level);
    if (!c)
        return NULL;            /* no memory for it: the others (the writer) do the jobs */
    pthread_mutex_lock(&q->mu);
    for (;;) {
        size_t k = take(q);
        if (k < q->n) {
            Job *j = job_at(q, k);
            pthread_mutex_unlock(&q->mu);
            run(q, j, c);
            pthread_mutex_lock(&q->mu);
        } else if (q->closed) {
            break;
        } else {
            pthread_cond_wait(&q->more, &q->mu);    /* the batch is still open */
        }
    }
    pthread_mutex_unlock(&q->mu);
    compressor_put(q->level, c);
    return NULL;
}

Squeeze *squeeze_new(int level, int threads)
{
    Squeeze *q = xmalloc(sizeof *q);
    *q = (Squeeze){ .level = level, .threads = threads };
    pthread_mutex_init(&q->mu, NULL);
    pthread_cond_init(&q->done, NULL);
    pthread_cond_init(&q->more, NULL);
    return q;
}

static size_t add_job(Squeeze *q, Job j)
{
    pthread_mutex_lock(&q->mu);
    assert(!q->closed);
    if (q->n == q->nblock * CHUNK) {
        q->block = xrealloc(q->block, sizeof *q->block * (q->nblock + 1));
        q->block[q->nblock++] = xmalloc(sizeof(Job) * CHUNK);
    }
    *job_at(q, q->n) = j;
    size_t k = q->n++;
    pthread_cond_signal(&q->more);
    pthread_mutex_unlock(&q->mu);
    return k;
}

size_t squeeze_add_fill(Squeeze *q, SqueezeFill fill, void *ctx)
{
    return add_job(q, (Job){ .fill = fill, .ctx = ctx, .state = WAITING });
}

/* Workers for `expected` jobs: one per further thread, at most
 * MAX_WORKERS, at most one per two jobs (a thread for one stream costs
 * more than it saves). */
static void start(Squeeze *q, size_t expected)
{
    int want = q->threads - 1;                      /* the writer is one */
    if (want > MAX_WORKERS)
        want = MAX_WORKERS;
    if ((size_t)want > expected / 2)
        want = (int)(expected / 2);
    for (int i = q->nth; i < want; i++)             /* those it has count */
        if (pthread_create(&q->th[q->nth], NULL, worker, q) == 0)
            q->nth++;
}

void squeeze_close(Squeeze *q)
{
    pthread_mutex_lock(&q->mu);
    q->closed = true;
    pthread_cond_broadcast(&q->more);
    pthread_mutex_unlock(&q->mu);
}

void squeeze_open(Squeeze *q, size_t expected)
{
    start(q, expected);
}

const unsigned char *squeeze_get(Squeeze *q, size_t k, size_t *n)
{
    pthread_mutex_lock(&q->mu);
    assert(k < q->n);
    Job *j = job_at(q, k);
    if (j->state == WAITING) {
        j->state = TAKEN;
        pthread_mutex_unlock(&q->mu);
        if (!q->mine)
            q->mine = compressor_get(q->level);
        run(q, j, q->mine);
        pthread_mutex_lock(&q->mu);
    }
    while (j->state != DONE)
        pthread_cond_wait(&q->done, &q->mu);
    pthread_mutex_unlock(&q->mu);
    *n = j->nout;
    return j->out;
}

void squeeze_forget(Squeeze *q, size_t k)
{
    pthread_mutex_lock(&q->mu);
    assert(k < q->n && job_at(q, k)->state == DONE);
    Job *j = job_at(q, k);
    free(j->out);
    j->out = NULL;
    j->nout = 0;
    pthread_mutex_unlock(&q->mu);
}

bool squeeze_done(Squeeze *q, size_t k)
{
    pthread_mutex_lock(&q->mu);
    bool done = k < q->n && job_at(q, k)->state == DONE;
    pthread_mutex_unlock(&q->mu);
    return done;
}

void squeeze_free(Squeeze *q)
{
    if (!q)
        return;
    pthread_mutex_lock(&q->mu);
    q->closed = true;
    q->next = q->n;                 /* nothing more to take */
    for (size_t k = 0; k < q->n; k++)
        if (job_at(q, k)->state == WAITING)
            job_at(q, k)->state = DONE;
    pthread_cond_broadcast(&q->more);
    pthread_mutex_unlock(&q->mu);
    for (int i = 0; i < q->nth; i++)
        pthread_join(q->th[i], NULL);
    for (size_t k = 0; k < q->n; k++)
        free(job_at(q, k)->out);
    for (size_t b = 0; b < q->nblock; b++)
        free(q->block[b]);
    free(q->block);
    compressor_put(q->level, q->mine);
    pthread_mutex_destroy(&q->mu);
    pthread_cond_destroy(&q->done);
    pthread_cond_destroy(&q->more);
    free(q);
}

bool squeeze_into(Buf *dst, const void *in, size_t n, int level)
{
    struct libdeflate_compressor *c = compressor_get(level);
    if (!c)
        return false;
    size_t bound = libdeflate_zlib_compress_bound(c, n);
    buf_reserve(dst, bound);
    size_t z = libdeflate_zlib_compress(c, in, n, dst->p + dst->n, bound);
    compressor_put(level, c);
    dst->n += z;
    return z > 0;
}
