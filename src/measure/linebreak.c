/*
 * linebreak.c - total-fit line breaking. Design notes in linebreak.h.
 */
#include "linebreak.h"

#include <stddef.h>

#define INF_COST INT64_MAX

/* What demerits() returns for a line that does not fit (a line's
 * demerits can be below 0, at a break preferred: a penalty below 0). */
#define NO_FIT INT64_MIN

/* The reciprocal of a divisor d, 2 <= d < 2^32, for div_by(): ceil(2^64 / d). */
static inline uint64_t recip(uint32_t d) { return UINT64_MAX / d + 1; }

/* a / d for any 32-bit a, exactly, by a multiplication: inv = recip(d)
 * (Lemire, Kaser and Kurz, "Faster remainder by direct computation",
 * 2019, theorem 1). */
static inline uint32_t div_by(uint32_t a, uint64_t inv)
{
    return (uint32_t)(((unsigned __int128)inv * a) >> 64);
}

/* Demerits of a line with natural width `nat`, the glue's stretch and
 * shrink, ending at a penalty `pen` (0 at glue). NO_FIT: does not fit.
 * inv: recip(width) for ragged lines, or 0 where width is not 2 .. 2^25 - 1. */
static inline int64_t demerits(int32_t width, uint64_t inv, int64_t nat, int64_t stretch, int64_t shrink,
                        int32_t pen, bool last, bool justify)
{
    int64_t slack = width - nat;
    int64_t bad;
    if (slack < 0) {
        if (!justify || shrink <= 0 || -slack > shrink)
            return NO_FIT;
        bad = 100 * (-slack) * (-slack) * (-slack) / (shrink * shrink * shrink);
    } else if (last) {
        bad = 0;
    } else if (justify) {
        if (stretch <= 0)
            bad = slack > 0 ? 10000 : 0;
        else {
            int64_t r = slack < (1 << 25) && stretch < (1 << 30)  /* ratio x100, divided in 32 bits (faster) */
                      ? (int64_t)((uint32_t)(slack * 100) / (uint32_t)stretch) : slack * 100 / stretch;
            bad = r >= 464 ? 10000 : r * r * r / 10000;  /* 100 r^3 */
        }
    } else {
        /* the share of the line left empty, 0..100: the width is the
         * same for every line, so a multiplication by its reciprocal (a
         * line is far narrower than 2^25 millipoints, 33 554 pt, so
         * slack * 100 fits in 32 bits) */
        int64_t r = inv ? (int64_t)div_by((uint32_t)(slack * 100), inv)
                        : slack * 100 / (width > 0 ? width : 1);
        if (r > 100)
            r = 100;            /* emptier than empty: a box narrower than nothing in it */
        bad = r * r;                                         /* 0..10000 */
    }
    int64_t d = (10 + bad) * (10 + bad);
    if (pen > 0)
        d += (int64_t)pen * pen;
    else if (pen > LB_FORCE)
        d -= (int64_t)pen * pen;
    return d;
}

/* Where a line starts after a candidate (the first box after it), and
 * whether the candidate is a hyphen: bit HYPHENATED of start[]. */
enum { HYPHENATED = 40 };

/* What a hyphen ending a paragraph's last line but one costs (TeX's
 * \finalhyphendemerits, scaled to a ragged line about 31 % empty). */
enum { FINAL_HYPHEN = 1000000 };

/* What a paragraph's last line costs that is shorter than an eighth of
 * the width (a runt): as a line above it a fifth emptier. */
enum { RUNT = 250000 };

/* The same in a cell (LB_FEWEST), under a quarter of its width, where
 * the lines are as many either way: as a line above it half empty, so
 * "Inflyttning planeras till / höstterminen 2026." is set, not
 * "... till höstterminen / 2026." */
enum { CELL_RUNT = 6300000 };

/* The candidates: positions j where a line may end (a glue after a box,
 * a penalty below LB_NEVER, or n), after -1 (the paragraph's start),
 * into cand[] (the caller's breaks[]); each with its start[]. Returns
 * how many. */
static int candidates(const LbItem *items, int n, int *cand, int64_t *start)
{
    int nc = 0;
    cand[nc++] = -1;
    for (int j = 0; j < n; j++) {
        const LbItem *it = &items[j];
        if ((it->type == LB_GLUE && !it->flagged && j > 0 && items[j - 1].type == LB_BOX) ||
            (it->type == LB_PENALTY && it->penalty < LB_NEVER))
            cand[nc++] = j;
    }
    cand[nc++] = n;
    for (int c = 0, s = 0; c < nc; c++) {
        if (s < cand[c] + 1)
            s = cand[c] + 1;
        while (s < n && items[s].type != LB_BOX)
            s++;
        int i = cand[c];
        bool hyphen = i >= 0 && i < n && items[i].type == LB_PENALTY && items[i].flagged;
        start[c] = s | (int64_t)hyphen << HYPHENATED;
    }
    return nc;
}

/* A line's end: candidate c at item j, and what it costs whatever the
 * line's start. */
typedef struct End {
    int     j;
    bool    last;              /* the paragraph's end */
    bool    free_end;          /* a last line: its emptiness costs nothing */
    bool    hyphen;            /* a hyphen is added here */
    int32_t pen, penw;         /* its penalty, and the width broken there adds */
    int64_t fixed;             /* LB_FEWEST's cost of a line, and of an extra one */
} End;

/* Line breaking's arrays (linebreak's scratch): prefix sums over the
 * items, and per candidate the best total, the start before it and
 * where the line after it starts. */
typedef struct Dp {
    const int64_t *sw, *sst, *ssh, *start;
    int64_t       *best, *prev;
    int32_t        width;
    int            mode;
} Dp;

/* The line from candidate ci to e: where it starts. */
static inline int line_start(const Dp *p, int ci, const End *e)
{
    int s = (int)(p->start[ci] & (((int64_t)1 << HYPHENATED) - 1));
    return s < e->j ? s : e->j;
}

/* What the line from candidate ci to e, of natural width nat, costs
 * beyond demerits() and e->fixed, by how it starts (a hyphenated word's
 * end) and how short it is. */
static inline int64_t line_extra(const Dp *p, int ci, const End *e, int64_t nat)
{
    bool after_hyphen = p->start[ci] >> HYPHENATED;
    int64_t d = 0;
    if (e->hyphen && after_hyphen && p->prev[ci] >= 0)
        d += 60000;         /* two hyphenated lines in a row cost more (three, more still): rare, not forbidden */
    /* a paragraph's last line that begins with the end of a word
     * ("avvikelsen.") costs as if the line above were a third
     * empty: the word goes down whole unless that leaves a hole */
    if (e->free_end && after_hyphen)
        d += FINAL_HYPHEN;
    /* nor a word of its own far shorter than the lines above it
     * ("... redovisas för / 2022."), where the lines can take it
     * in: a paragraph's last line under an eighth of the width */
    /* in a cell, whose lines are as many either way (LB_FEWEST),
     * nor one under a quarter of it: "höstterminen / 2026.", and
     * at a cell's cost however short ("Förvaltningen, kvartal /
     * 3" was set, a runt under an eighth costing only RUNT) */
    if (e->last && !(p->mode & LB_JUSTIFY) && ci > 0 && !(p->mode & LB_BALANCE) &&
        ((p->mode & LB_FEWEST) ? nat * 4 < p->width : nat * 8 < p->width))
        d += p->mode & LB_FEWEST ? CELL_RUNT : RUNT;
    return d;
}

/* Keep ci as the start of the best line to e if it is better. */
static inline void consider(const Dp *p, int ci, int64_t d, int64_t *bestc, int *besti, bool ties_later)
{
    int64_t total = p->best[ci] + d;
    if (total < *bestc || (ties_later && total == *bestc)) {
        *bestc = total;
        *besti = ci;
    }
}

/* The best line to e: from every candidate back from c - 1 while the
 * line fits (justified lines; ragged ones with LB_EVERY_START). */
static void best_backwards(const Dp *p, const End *e, int c, int floor_c, uint64_t inv, int64_t *bestc,
                           int *besti)
{
    bool justify = p->mode & LB_JUSTIFY;
    for (int ci = c - 1; ci >= floor_c; ci--) {
        if (p->best[ci] == INF_COST)
            continue;
        /* The line starts after cand[ci], skipping glue and penalties. */
        int s = line_start(p, ci, e);
        int64_t nat = p->sw[e->j] - p->sw[s] + e->penw;
        /* glue inside the line */
        int64_t st = p->sst[e->j] - p->sst[s], sh = p->ssh[e->j] - p->ssh[s];
        int64_t d = demerits(p->width, justify ? 0 : inv, nat, st, sh, e->pen, e->free_end, justify);
        if (d == NO_FIT) {
            if (ci == c - 1 && *besti < 0) {
                /* Nothing fits: an overfull line rather than no break. */
                d = (int64_t)1 << 40;
            } else {
                break;          /* further back is only wider */
            }
        }
        bool overfull = d >= ((int64_t)1 << 40);
        consider(p, ci, d + line_extra(p, ci, e, nat) + e->fixed, bestc, besti, false);
        if (overfull)
            break;
    }
}

/* The same for ragged lines, with the same result by less work. The lines
 * that fit run from candidate lo to c - 1, the longest first; they are
 * tried in that order, so a tie goes to the later one, as above. A line
 * costs at least its demerits() and e->fixed, which only grow as it
 * gets shorter (its share of emptiness grows), on top of the least best
 * total before any of them: once that is more than the best found, no
 * shorter line can do better, and the rest (about two thirds over
 * 200 pages: the lines far emptier than the best) are not tried. That
 * needs lines to get shorter as they start later: no box or glue may be
 * of a negative width (linebreak() weighs such a paragraph the plain
 * way; a word's box mended narrower than nothing, text.c's mend_cuts,
 * is all that could make one). */
static void best_ragged(const Dp *p, const End *e, int c, int floor_c, uint64_t inv, int64_t *bestc, int *besti)
{
    int lo = c;
    int64_t least = INF_COST;
    for (int ci = c - 1; ci >= floor_c; ci--) {
        if (p->sw[e->j] - p->sw[line_start(p, ci, e)] + e->penw > p->width)
            break;              /* further back is only wider */
        lo = ci;
        if (p->best[ci] < least)
            least = p->best[ci];
    }
    if (lo == c) {
        /* Nothing fits: an overfull line rather than no break. */
        int ci = c - 1;
        if (ci >= floor_c && p->best[ci] != INF_COST) {
            int64_t nat = p->sw[e->j] - p->sw[line_start(p, ci, e)] + e->penw;
            consider(p, ci, ((int64_t)1 << 40) + line_extra(p, ci, e, nat) + e->fixed, bestc, besti, false);
        }
        return;
    }
    for (int ci = lo; ci < c; ci++) {
        if (p->best[ci] == INF_COST)
            continue;
        int64_t nat = p->sw[e->j] - p->sw[line_start(p, ci, e)] + e->penw;
        int64_t d = demerits(p->width, inv, nat, 0, 0, e->pen, e->free_end, false) + e->fixed;
        if (least + d > *bestc)
            break;
        consider(p, ci, d + line_extra(p, ci, e, nat), bestc, besti, true);
    }
}

int linebreak(const LbItem *items, int n, int32_t width, int mode,
              int *breaks, int64_t *scratch)
{
    bool justify = mode & LB_JUSTIFY;
    /* LB_FEWEST: a line costs more than any raggedness can */
    int64_t per_line = mode & LB_FEWEST ? (int64_t)1 << 42 : 0;   /* above 40 000 lines' raggedness */
    if (n <= 0)
        return 0;
    /* Prefix sums over items: natural width, stretch, shrink (penalty
     * widths are not part of the line unless broken at). */
    const int m = n + 2;
    int64_t *sw = scratch, *best = scratch + m, *prev = scratch + 2 * m;
    int64_t *sst = scratch + 3 * m, *ssh = scratch + 4 * m, *start = scratch + 5 * m;
    int64_t acc = 0, ast = 0, ash = 0;
    bool rising = true;                    /* no box or glue of a negative width (best_ragged) */
    for (int k = 0; k < n; k++) {
        sw[k] = acc;
        sst[k] = ast;
        ssh[k] = ash;
        if (items[k].type != LB_PENALTY)
            acc += items[k].w;
        rising &= items[k].type == LB_PENALTY || items[k].w >= 0;
        if (items[k].type == LB_GLUE) {
            ast += items[k].stretch;
            ash += items[k].shrink;
        }
    }
    sw[n] = acc;
    sst[n] = ast;
    ssh[n] = ash;
    int *cand = breaks;
    int nc = candidates(items, n, cand, start);
    Dp p = { sw, sst, ssh, start, best, prev, width, mode };
    uint64_t inv = width >= 2 && width < (1 << 25) ? recip((uint32_t)width) : 0;
    /* best/prev indexed by candidate number. */
    best[0] = 0;
    prev[0] = -1;
    int floor_c = 0;                       /* no line may start before a forced break */
    for (int c = 1; c < nc; c++) {
        End e = { .j = cand[c] };
        e.last = e.j == n;
        const LbItem *it = e.last ? NULL : &items[e.j];
        e.pen = e.last ? LB_FORCE : it->type == LB_PENALTY ? it->penalty : 0;
        /* ragged text takes a hyphen only where the line would otherwise
         * be short (about an eighth of it empty); justified text, where
         * the spaces would otherwise gape, more readily */
        if (!justify && !e.last && it->type == LB_PENALTY && it->flagged)
            e.pen *= 3;
        e.penw = (!e.last && it->type == LB_PENALTY) ? it->w : 0;
        e.hyphen = !e.last && it->flagged;
        /* the end of a paragraph (which costs LB_FORCE too) is free
         * unless balanced; a forced break inside it always is */
        e.free_end = e.last ? !(mode & LB_BALANCE) : e.pen <= LB_FORCE;
        e.fixed = per_line;
        if (!e.last && it->type == LB_PENALTY && it->extra_line)
            e.fixed += per_line + per_line / 2;
        int64_t bestc = INF_COST;
        int besti = -1;
        if (justify || (mode & LB_EVERY_START) || !rising)
            best_backwards(&p, &e, c, floor_c, inv, &bestc, &besti);
        else
            best_ragged(&p, &e, c, floor_c, inv, &bestc, &besti);
        best[c] = bestc;
        prev[c] = besti;
        if (e.pen <= LB_FORCE && !e.last && bestc != INF_COST)
            floor_c = c;
    }
    /* Walk back from the end. cand[] lives in breaks[], so copy the path
     * out first (at most nc entries). */
    int path_len = 0;
    for (int c = nc - 1; c > 0; c = (int)prev[c]) {
        if (prev[c] < 0)
            break;
        scratch[path_len++] = cand[c];     /* sw[] is no longer needed */
    }
    for (int k = 0; k < path_len; k++)
        breaks[k] = (int)scratch[path_len - 1 - k];
    return path_len;
}
