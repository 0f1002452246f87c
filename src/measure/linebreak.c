/*
 * linebreak.c - total-fit line breaking. Design notes in linebreak.h.
 */
#include "linebreak.h"

#define INF_COST INT64_MAX

/* What demerits() returns for a line that does not fit (a line's
 * demerits can be below 0, at a break preferred: a penalty below 0). */
#define NO_FIT INT64_MIN

/* Demerits of a line with natural width `nat`, the glue's stretch and
 * shrink, ending at a penalty `pen` (0 at glue). NO_FIT: does not fit. */
static int64_t demerits(int32_t width, int64_t nat, int64_t stretch, int64_t shrink,
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
            int64_t r = slack < (1 << 25) && stretch < (1 << 30)  /* ratio x100, in 32 bits as below */
                      ? (int64_t)((uint32_t)(slack * 100) / (uint32_t)stretch) : slack * 100 / stretch;
            bad = r >= 464 ? 10000 : r * r * r / 10000;  /* 100 r^3 */
        }
    } else {
        /* the share of the line left empty, 0..100; in 32 bits (a line is
         * far narrower than 42 949 pt), which divide several times faster:
         * 7 % of the time of 1 000 pages, where this is the inner loop */
        int64_t r = width > 0 && width < (1 << 25) ? (int64_t)((uint32_t)(slack * 100) / (uint32_t)width)
                                                   : slack * 100 / (width > 0 ? width : 1);
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
    for (int k = 0; k < n; k++) {
        sw[k] = acc;
        sst[k] = ast;
        ssh[k] = ash;
        if (items[k].type != LB_PENALTY)
            acc += items[k].w;
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
    /* best/prev indexed by candidate number. */
    best[0] = 0;
    prev[0] = -1;
    int floor_c = 0;                       /* no line may start before a forced break */
    for (int c = 1; c < nc; c++) {
        int j = cand[c];
        bool last = j == n;
        int32_t pen = last ? LB_FORCE : items[j].type == LB_PENALTY ? items[j].penalty : 0;
        /* ragged text takes a hyphen only where the line would otherwise
         * be short (about an eighth of it empty); justified text, where
         * the spaces would otherwise gape, more readily */
        if (!justify && !last && items[j].type == LB_PENALTY && items[j].flagged)
            pen *= 3;
        int32_t penw = (!last && items[j].type == LB_PENALTY) ? items[j].w : 0;
        bool hyphen_here = !last && items[j].flagged;
        int64_t bestc = INF_COST;
        int besti = -1;
        for (int ci = c - 1; ci >= floor_c; ci--) {
            if (best[ci] == INF_COST)
                continue;
            /* The line starts after cand[ci], skipping glue and penalties. */
            int s = (int)(start[ci] & (((int64_t)1 << HYPHENATED) - 1));
            s = s < j ? s : j;
            int64_t nat = sw[j] - sw[s] + penw;
            /* glue inside the line */
            int64_t st = sst[j] - sst[s], sh = ssh[j] - ssh[s];
            /* the end of a paragraph (which costs LB_FORCE too) is free
             * unless balanced; a forced break inside it always is */
            bool free_end = last ? !(mode & LB_BALANCE) : pen <= LB_FORCE;
            int64_t d = demerits(width, nat, st, sh, pen, free_end, justify);
            if (d == NO_FIT) {
                if (ci == c - 1 && besti < 0) {
                    /* Nothing fits: an overfull line rather than no break. */
                    d = (int64_t)1 << 40;
                } else {
                    break;          /* further back is only wider */
                }
            }
            bool overfull = d >= ((int64_t)1 << 40);
            if (hyphen_here && (start[ci] >> HYPHENATED) && prev[ci] >= 0)
                d += 60000;         /* two hyphenated lines in a row cost more (three, more still): rare, not forbidden */
            /* a paragraph's last line that begins with the end of a word
             * ("avvikelsen.") costs as if the line above were a third
             * empty: the word goes down whole unless that leaves a hole */
            if (free_end && (start[ci] >> HYPHENATED))
                d += FINAL_HYPHEN;
            /* nor a word of its own far shorter than the lines above it
             * ("... redovisas för / 2022."), where the lines can take it
             * in: a paragraph's last line under an eighth of the width */
            /* in a cell, whose lines are as many either way (LB_FEWEST),
             * nor one under a quarter of it: "höstterminen / 2026.", and
             * at a cell's cost however short ("Förvaltningen, kvartal /
             * 3" was set, a runt under an eighth costing only RUNT) */
            if (last && !justify && ci > 0 && !(mode & LB_BALANCE) &&
                ((mode & LB_FEWEST) ? nat * 4 < width : nat * 8 < width))
                d += mode & LB_FEWEST ? CELL_RUNT : RUNT;
            d += per_line;
            if (!last && items[j].type == LB_PENALTY && items[j].extra_line)
                d += per_line + per_line / 2;
            int64_t total = best[ci] + d;
            if (total < bestc) {
                bestc = total;
                besti = ci;
            }
            if (overfull)
                break;
        }
        best[c] = bestc;
        prev[c] = besti;
        if (pen <= LB_FORCE && !last && bestc != INF_COST)
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
