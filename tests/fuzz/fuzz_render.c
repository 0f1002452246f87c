/*
 * fuzz_render.c - libFuzzer target: any bytes through the whole pipeline.
 *
 * The input is taken as a report file and rendered in memory (parse,
 * layout, pagination, drawing) as the command does: with the default
 * layout, or for inputs of odd length with a copy that prints charts'
 * data tables (made by make fuzz in build/fuzz/). Whatever it is, rapport must answer with errors or a PDF:
 * never a crash, a hang, a leak or undefined behaviour.
 *
 *   make fuzz FUZZ_SECONDS=3600      (corpus in build/fuzz/corpus)
 */
#include "rapport.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    if (!devnull)
        devnull = fopen("/dev/null", "w");
    RpOptions o;
    rp_options_init(&o);
    o.data_dir = RAPPORT_SOURCE_DIR;
    o.source_date = 0;
    if (size & 1) {
        o.layout = RAPPORT_SOURCE_DIR "/build/fuzz/datatable.xml";
        o.allow_any_path = true;
    }
    unsigned char *pdf = NULL;
    size_t len = 0;
    rp_render_memory(&o, "fuzz.xml", (const char *)data, size, &pdf, &len, devnull);
    free(pdf);
    return 0;
}
