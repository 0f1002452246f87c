/*
 * ahead.c - the report's words, guessed with their faces, shaped ahead
 * on a second core. See ahead.h; the thread and the hand-over are in
 * font.c (font_ahead_*).
 *
 * Design notes
 *  - The guess follows what measure.c and table.c do with a block: a
 *    heading's style by its level, a cell's by its row's role, <b> and
 *    <i> inside. It reads the model only, before measuring starts; the
 *    worker reads the list made here, the strings in the model (which
 *    measuring does not change) and the fonts, under the invariants
 *    font.c lists.
 *  - Words are cut as font.c cuts them (at U+0020 and U+00A0), in the
 *    order measuring meets them, so the worker keeps ahead.
 *  - Words to hyphenate are the runs of letters text.c hyphenates by the
 *    patterns (six letters or more, none a capital), in the same order.
 *    The worker takes them once it has shaped the words. What the two
 *    threads share is as for shaping (font.c): the list is made before
 *    the worker starts; each word is claimed by one thread (an atomic
 *    state) and its points written before it is DONE (release), read
 *    after (acquire); the patterns and the lexicon are read-only, and
 *    let go (hyphen_release, compound_release) only after ahead_stop.
 */
#include "ahead.h"
#include "measure_int.h"
#include "compound.h"
#include "../base/utf8.h"

#include <sched.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>

/* A word's state, as font.c's: waiting, being hyphenated by the worker
 * or by the measuring thread, or done by the worker (its points in ok). */
enum { HW_WAITING, HW_WORKER, HW_MAIN, HW_DONE };

typedef struct HyphWord {
    const char    *s;               /* in the model */
    uint32_t       n, hash;
    atomic_int     state;
    unsigned char *ok;              /* malloc'd, n + 1 bytes; NULL: no points */
} HyphWord;

struct Ahead {
    FontAhead  *fonts;
    HyphWord   *w;                  /* in the order measuring will want them */
    size_t      n, cap;
    uint32_t   *tab;                /* 1 + index into w, 0: empty (open addressing) */
    size_t      tabcap;
    Hyphenator *h;
    int         left, right;        /* the layout's hyphenmins */
    atomic_bool stop;
};

typedef struct Walk {
    Ahead         *a;
    const Layout  *lay;
    Font *const   *faces;
} Walk;

static uint32_t word_hash(const char *s, size_t n)
{
    return map_hash_bytes(s, n);
}

static const HyphWord *hyph_find(const Ahead *a, const char *s, size_t n, uint32_t h)
{
    if (!a->tabcap)
        return NULL;
    for (size_t k = h & (a->tabcap - 1); a->tab[k]; k = (k + 1) & (a->tabcap - 1)) {
        const HyphWord *hw = &a->w[a->tab[k] - 1];
        if (hw->hash == h && hw->n == n && memcmp(hw->s, s, n) == 0)
            return hw;
    }
    return NULL;
}

static void hyph_put(Ahead *a, const char *s, size_t n)
{
    uint32_t h = word_hash(s, n);
    if (hyph_find(a, s, n, h))
        return;
    if ((a->n + 1) * 2 > a->tabcap) {
        size_t cap = a->tabcap ? a->tabcap * 2 : 1024;
        uint32_t *t = xcalloc(cap, sizeof *t);
        for (size_t i = 0; i < a->n; i++) {
            size_t k = a->w[i].hash & (cap - 1);
            while (t[k])
                k = (k + 1) & (cap - 1);
            t[k] = (uint32_t)i + 1;
        }
        free(a->tab);
        a->tab = t;
        a->tabcap = cap;
    }
    if (a->n == a->cap) {
        a->cap = a->cap ? a->cap * 2 : 512;
        a->w = xrealloc(a->w, sizeof *a->w * a->cap);
    }
    HyphWord *hw = &a->w[a->n];
    hw->s = s;
    hw->n = (uint32_t)n;
    hw->hash = h;
    atomic_init(&hw->state, HW_WAITING);
    hw->ok = NULL;
    size_t k = h & (a->tabcap - 1);
    while (a->tab[k])
        k = (k + 1) & (a->tabcap - 1);
    a->tab[k] = (uint32_t)++a->n;
}

/* The runs of letters in s[0..n) that text.c would hyphenate by the
 * patterns (text.c's letter run: six letters or more, no capital, or
 * one at the start, which text.c hyphenates where the word starts a
 * sentence and is a known compound, as most such are: "Uppföljning",
 * "Verksamhetsberättelsen"). */
static void add_hyph(Ahead *a, const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t ls = i, j = i;
        int letters = 0, uppers = 0;
        bool first_upper = false;
        while (j < n) {
            size_t k = j;
            uint32_t c = utf8_next(s, n, &k);
            if (!text_letter(c))
                break;
            first_upper |= !letters && text_upper(c);
            letters++;
            uppers += text_upper(c);
            j = k;
        }
        if (letters >= 6 && (!uppers || (uppers == 1 && first_upper)) && j - ls < 127)
            hyph_put(a, s + ls, j - ls);
        if (j == ls)
            utf8_next(s, n, &j);        /* past the character that is no letter */
        i = j;
    }
}

static void add_text(Walk *w, const char *s, size_t n, const Style *st, int variant, bool hyph)
{
    if (st->uppercase)
        return;                         /* set in capitals: other words */
    const Font *f = w->faces[FACE(st->family, (st->variant | variant) & 3)];
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        while (j < n && s[j] != ' ' && !((unsigned char)s[j] == 0xC2 && j + 1 < n && (unsigned char)s[j + 1] == 0xA0))
            j++;
        /* a word listed before (in this face) had its runs of letters
         * listed then, no run crossing a space, unless it was first met
         * where it is not hyphenated (<nohyphen>): then the measuring
         * thread hyphenates it, as any word not listed. One of fewer
         * than six bytes has no run of six letters. */
        if (j > i && font_ahead_add(w->a->fonts, f, s + i, j - i) && hyph && w->a->h && j - i >= 6)
            add_hyph(w->a, s + i, j - i);
        i = j < n && s[j] == ' ' ? j + 1 : j + 2;
    }
}

static StyleId heading_style(const Node *sec)
{
    int level = sec->u.sec.level < 1 ? 1 : sec->u.sec.level > 5 ? 5 : sec->u.sec.level;
    if (sec->kind == N_GOAL)
        return ST_GOAL_HEADING;
    return sec->kind == N_APPENDIX ? ST_H1 : (StyleId)(ST_H1 + level - 1);
}

/* A table cell's style and variant, as table.c sets them. */
static StyleId cell_style(const Node *cell, int *variant)
{
    const Node *row = cell->parent, *t = row ? row->parent : NULL;
    bool small = t && t->kind == N_TABLE && t->u.table.small;
    RowRole role = row && row->kind == N_ROW ? row->u.row.role : ROW_NORMAL;
    *variant = 0;
    if (role == ROW_HEADER || role == ROW_SUBHEAD) {
        *variant = small ? VAR_BOLD : 0;
        return small ? ST_TABLE_SMALL : ST_TABLE_HEAD;
    }
    *variant = role == ROW_SUM ? VAR_BOLD : role == ROW_PART || role == ROW_SUB ? VAR_ITALIC
             : role == ROW_GROUP ? VAR_BOLD | VAR_ITALIC : 0;
    return small ? ST_TABLE_SMALL : ST_TABLE;
}

static void walk(Walk *w, const Node *n, StyleId sid, int variant, bool hyph, int depth)
{
    if (depth > 64)
        return;
    for (const Node *c = n->first; c; c = c->next) {
        StyleId s = sid;
        int v = variant;
        bool hy = hyph;
        switch (c->kind) {
        case N_TEXT:
            add_text(w, c->text, c->len, &w->lay->styles[sid], variant, hyph);
            continue;
        case N_NOHYPHEN:
            hy = false;
            break;
        case N_HEADING:
            s = heading_style(n);
            break;
        case N_P:
            s = sid == ST_TABLE || sid == ST_TABLE_SMALL || sid == ST_TABLE_HEAD || sid == ST_FOOTNOTE ||
                sid == ST_TABLE_NOTE || sid == ST_LIST || sid == ST_GOAL_DESC ? sid : ST_BODY;
            break;
        case N_ITEM:
            s = sid == ST_BODY ? ST_LIST : sid;
            break;
        case N_CELL:
            s = cell_style(c, &v);
            break;
        case N_CAPTION:
            s = ST_CAPTION;
            break;
        case N_NOTE:
            s = ST_TABLE_NOTE;
            break;
        case N_FOOTNOTE:
            s = ST_FOOTNOTE;
            v = 0;
            break;
        case N_DESCRIPTION:
            s = ST_GOAL_DESC;
            break;
        case N_B:
            v |= VAR_BOLD;
            break;
        case N_I:
            v |= VAR_ITALIC;
            break;
        case N_CHART: case N_FIGURE: case N_LEGEND: case N_GOAL_OVERVIEW: case N_NUM: case N_STATUS:
            continue;                   /* words of their own making */
        default:
            break;
        }
        walk(w, c, s, v, hy, depth + 1);
    }
}

/* The worker's second list, once it has shaped the words. */
static void hyph_work(void *p)
{
    Ahead *a = p;
    for (size_t i = 0; i < a->n && !atomic_load_explicit(&a->stop, memory_order_relaxed); i++) {
        HyphWord *hw = &a->w[i];
        int st = HW_WAITING;
        if (!atomic_compare_exchange_strong(&hw->state, &st, HW_WORKER))
            continue;                   /* the measuring thread got there first */
        unsigned char ok[128];
        if (compound_points(a->h, a->left, a->right, hw->s, hw->n, ok)) {
            hw->ok = malloc((size_t)hw->n + 1);
            if (!hw->ok) {
                /* out of memory: the word goes back to the measuring
                 * thread; a worker never ends the program */
                atomic_store_explicit(&hw->state, HW_WAITING, memory_order_release);
                break;
            }
            memcpy(hw->ok, ok, (size_t)hw->n + 1);
        }
        atomic_store_explicit(&hw->state, HW_DONE, memory_order_release);
    }
}

int ahead_points(Ahead *a, const char *s, size_t n, const unsigned char **ok)
{
    const HyphWord *cw = a ? hyph_find(a, s, n, word_hash(s, n)) : NULL;
    if (!cw)
        return -1;
    HyphWord *hw = (HyphWord *)cw;
    int st = HW_WAITING;
    if (atomic_compare_exchange_strong(&hw->state, &st, HW_MAIN))
        return -1;                      /* ours now */
    while (st == HW_WORKER) {           /* microseconds: the core is the worker's if they share one */
        sched_yield();
        st = atomic_load_explicit(&hw->state, memory_order_acquire);
    }
    if (st != HW_DONE)
        return -1;                      /* the worker gave it back, or ours already */
    *ok = hw->ok;
    return hw->ok != NULL;
}

/* The worker stopped, and the points it found let go (measuring copied
 * what it took). */
static void hyph_free(void *p)
{
    Ahead *a = p;
    atomic_store(&a->stop, true);
    font_ahead_stop(a->fonts);
    for (size_t i = 0; i < a->n; i++)
        free(a->w[i].ok);
    free(a->w);
    free(a->tab);
    a->w = NULL;
    a->tab = NULL;
    a->n = a->cap = a->tabcap = 0;
}

Ahead *ahead_start(Rp *rp, const Report *rep, const Layout *lay, Font *const *faces, Hyphenator *hyph)
{
    if (rp->threads < 2)
        return NULL;                    /* no thread to shape on */
    Ahead *a = ARENA_NEW(&rp->arena, Ahead);
    a->fonts = font_ahead_new(&rp->arena);
    a->h = hyph;
    a->left = lay->hyphen_left;
    a->right = lay->hyphen_right;
    atomic_init(&a->stop, false);
    arena_on_free(&rp->arena, hyph_free, a);    /* before the fonts' list is (font_ahead_new's) */
    Walk w = { a, lay, faces };
    walk(&w, rep->root, ST_BODY, 0, true, 0);
    if (a->n >= 32)
        font_ahead_then(a->fonts, hyph_work, a);
    font_ahead_start(a->fonts);
    return a;
}

void ahead_stop(Ahead *a)
{
    if (a)
        hyph_free(a);
}
