/*
 * files.h - files a report or layout names: where they may be, what
 * they are (parse stage).
 *
 * A report from an archive or another office must not make rapport read
 * files elsewhere on the machine: a path it names is resolved relative to
 * the report (a layout's, relative to the layout) and must stay inside
 * that folder, or inside rapport's own data folder, unless the user
 * allows any path (--allow-paths). files_load() reads such a file only
 * if it is a regular file, and never more of it than a bound: a FIFO
 * or a device named as an image never stalls a run.
 */
#ifndef RP_FILES_H
#define RP_FILES_H

#include <stdbool.h>
#include <stdint.h>
#include "../base/rp.h"
#include "../base/i18n.h"

#include <string.h>

/* The folder of `path` ("." for a bare file name), in the arena. */
const char *files_dir(Arena *a, const char *path);

/* The same into dir[0..cap). */
void files_folder(const char *path, char *dir, size_t cap);

/* `name` resolved against folder `base`. If the result lies outside
 * `base` and outside `also` (either may be NULL) and the options do not
 * allow any path, returns NULL and sets *why. */
const char *files_resolve(Rp *rp, const char *base, const char *also, const char *name,
                          const char **why);

/* The same for a file named in a part of a report (<include>): `name`
 * resolved against `base`, the folder of the file naming it, and
 * allowed only inside `root`, the report's own folder (or `also`). */
const char *files_resolve_in(Rp *rp, const char *base, const char *root, const char *also,
                             const char *name, const char **why);

/* Whether `path` is a regular file: for a file a report names that
 * other code reads (a layout, through xmlread), checked before it is
 * opened. If not, false with *why set (a static sentence). */
bool files_regular(const char *path, const char **why);

/*
 * The whole of the file at `path`, malloc'd: the caller frees it. The
 * file must be a regular file (a FIFO, a device or a folder is refused
 * without blocking: it is opened with O_NONBLOCK and checked with fstat
 * before anything is read) of at most `max` bytes (checked before
 * reading, and again while reading, for a file that grows). On failure
 * returns NULL and sets *why to a sentence for the user, in rp's arena.
 */
unsigned char *files_load(Rp *rp, const char *path, size_t max, size_t *len, const char **why);

/* The reason files_resolve gives for a path outside the folder it may
 * read: a caller tells it apart from the others by files_outside(),
 * in whatever language the reason is written. */
#define FILES_OUTSIDE N_("it lies outside the report's folder")
static inline bool files_outside(const char *why)
{
    return why && strcmp(why, _(FILES_OUTSIDE)) == 0;
}

/* A folder named on the command line, its trailing slashes taken off in
 * place ("ut/" as "ut", so that its files are "ut/r.pdf", not
 * "ut//r.pdf"); "/" stays. Returns f. */
char *files_trim_folder(char *f);

/* For a file `path` that is not there: the name of one that is, which
 * was likely meant (the name with `ext` after it, ".xml" or ".csv", if
 * it has none; the name in other capitals, "Bild.PNG" for bild.png; or
 * one a letter or two off among its folder's files), written as `path`
 * was (an arena copy); or NULL. */
const char *files_near(Arena *a, const char *path, const char *ext);

/* A file called `base` (its capitals aside) in a folder right inside
 * `dir`: "delar/miljo.xml" for miljo.xml, or NULL. */
const char *files_below(Arena *a, const char *dir, const char *base);

#endif
