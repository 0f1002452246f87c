/*
 * rp.h - the run context every stage takes first (base layer).
 *
 * One Rp per document run: its arena holds everything the run makes, its
 * diagnostics collect every input error and warning. There are no
 * globals; two runs never share an Rp.
 */
#ifndef RP_RP_H
#define RP_RP_H

#include "../rapport.h"
#include "arena.h"
#include "diag.h"

typedef struct Rp {
    Arena            arena;
    Diags            diags;
    const RpOptions *opt;
    const char      *data_dir;   /* resolved folder holding layouts/ and fonts/ */
    struct RpEngine *engine;     /* what runs share (engine.h); NULL: nothing is shared */
    int              threads;    /* threads the run may use, its own included (>= 1) */
} Rp;

#endif
