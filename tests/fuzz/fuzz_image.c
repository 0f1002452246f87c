/*
 * fuzz_image.c - libFuzzer target: any bytes as a figure's image file.
 *
 * The input goes through parse/image.c as an image file's contents: the
 * PNG decoder or the JPEG checker must answer with an image or an error,
 * never a crash, a hang, a leak or undefined behaviour.
 *
 *   make fuzz-image FUZZ_SECONDS=600    (corpus in build/fuzz/image-corpus)
 */
#include "base/limits.h"
#include "parse/image.h"

#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Rp rp = { 0 };
    arena_init(&rp.arena);
    diags_init(&rp.diags);
    ImageError err;
    image_decode(&rp, data, size, (size_t)RP_MAX_REPORT_IMAGE_BYTES, &err);
    diags_free(&rp.diags);
    arena_free(&rp.arena);
    return 0;
}
