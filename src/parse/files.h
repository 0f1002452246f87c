/*
 * files.h - files a report or layout names: where they may be, what
 * they are (parse stage).
 *
 * A report from an archive or another office must not make rapport read
 * files elsewhere on the machine: a path it names is resolved relative to
 * the report (a layout's, relative to the layout) and must stay inside
 * that folder, or inside rapport's own data folder, unless the user
 * allows any path (--allow-paths). Images are checked here, before any
 * drawing, so a damaged one is a clear error with its line and column.
 */
#ifndef RP_FILES_H
#define RP_FILES_H

#include <stdbool.h>
#include <stdint.h>
#include "../base/rp.h"

/* The folder of `path` ("." for a bare file name), in the arena. */
const char *files_dir(Arena *a, const char *path);

/* `name` resolved against folder `base`. If the result lies outside
 * `base` and outside `also` (either may be NULL) and the options do not
 * allow any path, returns NULL and sets *why. */
const char *files_resolve(Rp *rp, const char *base, const char *also, const char *name,
                          const char **why);

typedef enum ImageType { IMAGE_NONE, IMAGE_PNG, IMAGE_JPEG } ImageType;

/* Read an image's type and size in pixels. Returns IMAGE_NONE and sets
 * *why when the file cannot be read, is neither PNG nor JPEG, or is
 * damaged (a PNG's chunks are walked and their checksums verified). */
ImageType files_image(const char *path, int *w, int *h, const char **why);

#endif
