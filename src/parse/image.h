/*
 * image.h - a figure's image file, read, checked and decoded before
 * anything is drawn (parse stage).
 *
 * A broken, hostile or unsuitable image is an error at its <figure>,
 * never a crash, a hang or a damaged PDF: the draw stage only hands the
 * result (model.h's Image) to the PDF library, which then has nothing
 * left to refuse. See image.c for what is checked.
 */
#ifndef RP_IMAGE_H
#define RP_IMAGE_H

#include "../base/rp.h"
#include "../model/model.h"

/* Why an image cannot be used: a sentence and a hint for the user. */
typedef struct ImageError {
    const char *why;
    const char *hint;
} ImageError;

/*
 * Read the image file at `path` (a regular file of at most
 * RP_MAX_IMAGE_FILE_BYTES) and make it an Image in rp's arena: a PNG is
 * decoded, a JPEG checked. `room` is how many bytes the image may take
 * (what is left of RP_MAX_REPORT_IMAGE_BYTES). Returns NULL and fills
 * *err when the file cannot be read, is neither PNG nor JPEG, is
 * damaged, is larger than limits.h allows or than `room`, or is of a
 * kind the PDF cannot show as rapport writes it (CMYK, 12-bit JPEG).
 * The image's index is left 0 for the caller to number.
 */
Image *image_load(Rp *rp, const char *path, size_t room, ImageError *err);

/* The same for the `len` bytes at `data` (borrowed: a JPEG's bytes are
 * copied into the arena). */
Image *image_decode(Rp *rp, const unsigned char *data, size_t len, size_t room,
                    ImageError *err);

#endif
