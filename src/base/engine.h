/*
 * engine.h - what runs of one process share (base layer).
 *
 * A report's run loads fonts, compiles the schema and reads hyphenation
 * patterns; a batch of a hundred reports in one layout needs each of
 * them once. The engine is a store for such things, keyed by a kind and
 * a key the stage makes (a font by its file's path, device, inode, size
 * and time, so a file changed on disk is loaded anew). What is stored
 * lives in the engine's arena and goes with rp_engine_free(); a stage
 * registers a destructor with arena_on_free(engine_arena(e), ...) for
 * what a library allocated.
 *
 * An engine is used by one thread at a time, but for one that fills it
 * beside a run (engine_fill): the run looks things up while it works
 * (lookups and stores are locked against each other), waits for a stage
 * before it looks up what that stage stores, and for the filling to end
 * (engine_settle) before it stores or allocates in the engine itself.
 * The command line keeps one and renders a batch in forked children,
 * which find what the parent loaded before forking (rp_engine_prepare)
 * and add to their own copy; a single report it renders while a thread
 * fills the engine (rp_engine_prepare_beside).
 */
#ifndef RP_ENGINE_H
#define RP_ENGINE_H

#include <stdbool.h>
#include "arena.h"

typedef struct RpEngine RpEngine;

/* The stages of filling an engine, in order. */
enum { ENGINE_REPORT_SCHEMA = 1, ENGINE_SCHEMAS, ENGINE_LAYOUT, ENGINE_ALL };

/* Run fill(ctx) on a thread of its own, which says how far it got with
 * engine_reached (ENGINE_ALL when fill returns); with no thread to be
 * had, fill runs here before this returns. */
void engine_fill(RpEngine *e, void (*fill)(void *ctx), void *ctx);
void engine_reached(RpEngine *e, int stage);

/* Wait until the filling thread reached `stage`, or until it ended: no
 * wait if none runs (e may be NULL), nor on the filling thread itself. */
void engine_wait(RpEngine *e, int stage);
void engine_settle(RpEngine *e);

/* Whether another thread is filling the engine now: the caller may not
 * store in it or use its arena until engine_settle (e may be NULL). */
bool engine_busy(const RpEngine *e);

/* The engine's arena: for what lives as long as the engine. */
Arena *engine_arena(RpEngine *e);

/* The value stored under kind and key, or NULL (borrowed). */
void *engine_lookup(RpEngine *e, const char *kind, const char *key);

/* Store value under kind and key (copied), replacing any. */
void engine_store(RpEngine *e, const char *kind, const char *key, void *value);

/* A key naming the file at `path` as it is now (path, device, inode,
 * size, modification time), written into buf: true, or false if it
 * cannot be stat'ed or does not fit (the caller then loads the file the
 * usual way, and fails there if it must). */
bool engine_file_key(const char *path, char *buf, size_t cap);

#endif
