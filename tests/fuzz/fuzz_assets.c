/*
 * fuzz_assets.c - libFuzzer target: the files a report leans on.
 *
 * fuzz_render feeds bytes as a report; this one feeds them as what a
 * report or a layout names, through the whole pipeline: the first byte
 * chooses the kind, the rest is the file's content, written into a
 * folder of this process's own and rendered with a small fixed report:
 *
 *   0  a layout (XML) the report is rendered with
 *   1  the regular font of the default layout (TrueType)
 *   2  a PNG image in a <figure>
 *   3  a JPEG image in a <figure>
 *   4  the layout's colour profile (ICC) for the PDF/A output intent
 *
 * Whatever it is, rapport must answer with errors or a PDF: never a
 * crash, a hang, a leak or undefined behaviour.
 *
 *   make fuzz FUZZ_SECONDS=1800   (both targets; corpora in build/fuzz/)
 */
#include "rapport.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[64];

static void put(const char *name, const void *data, size_t size)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp)
        abort();
    if (size)
        fwrite(data, 1, size, fp);
    fclose(fp);
}

/* The default layout with its fonts and profile in the fuzz folder, so
 * one of them can be replaced by the input. */
static void setup(void)
{
    snprintf(dir, sizeof dir, "/tmp/rapport-fuzz.XXXXXX");
    if (!mkdtemp(dir))
        abort();
    static const char *const fonts[] = {
        "Carlito-Regular.ttf", "Carlito-Bold.ttf", "Carlito-Italic.ttf", "Carlito-BoldItalic.ttf",
    };
    char cmd[512];
    for (size_t i = 0; i < sizeof fonts / sizeof *fonts; i++) {
        snprintf(cmd, sizeof cmd, "cp '%s/fonts/%s' '%s/'", RAPPORT_SOURCE_DIR, fonts[i], dir);
        if (system(cmd) != 0)
            abort();
    }
    snprintf(cmd, sizeof cmd,
             "cp '%s/layouts/icc/'* '%s/' && sed -e 's|\"\\.\\./fonts/|\"%s/|g' -e 's|\"icc/|\"%s/|g' "
             "'%s/layouts/linkoping.xml' > '%s/base.xml'",
             RAPPORT_SOURCE_DIR, dir, dir, dir, RAPPORT_SOURCE_DIR, dir);
    if (system(cmd) != 0)
        abort();
}

static const char report[] =
    "<report><meta><title>Tillg\xC3\xA5ngar</title><organisation>N\xC3\xA4mnden</organisation></meta>"
    "<section><heading>Rubrik</heading><p>Text med <b>fet</b> och <i>kursiv</i> stil, 1 877,0 tkr.</p>%s"
    "<table><row role=\"header\"><cell>Verksamhet</cell><cell>Belopp</cell></row>"
    "<row><cell>Barn och unga</cell><cell>532.0</cell></row></table></section></report>";

/* A file of the fuzz folder as it was at setup, to put back. */
typedef struct Saved { const char *name; char *data; size_t size; } Saved;
static Saved font = { "Carlito-Regular.ttf", NULL, 0 }, icc = { "sRGB.icc", NULL, 0 };

static void save(Saved *f)
{
    char path[128];
    snprintf(path, sizeof path, "%s/%s", dir, f->name);
    FILE *fp = fopen(path, "rb");
    if (!fp || fseek(fp, 0, SEEK_END) != 0)
        abort();
    f->size = (size_t)ftell(fp);
    rewind(fp);
    f->data = malloc(f->size);
    if (!f->data || fread(f->data, 1, f->size, fp) != f->size)
        abort();
    fclose(fp);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static FILE *devnull;
    static int last = -1;
    if (!devnull) {
        devnull = fopen("/dev/null", "w");
        setup();
        save(&font);
        save(&icc);
    }
    if (size < 1)
        return 0;
    int kind = data[0] % 5;
    data++;
    size--;
    if (last == 1 && kind != 1)                 /* put back what the last input replaced */
        put(font.name, font.data, font.size);
    if (last == 4 && kind != 4)
        put(icc.name, icc.data, icc.size);
    last = kind;

    RpOptions o;
    rp_options_init(&o);
    o.data_dir = RAPPORT_SOURCE_DIR;
    o.source_date = 0;
    o.allow_any_path = true;
    char layout[96], name[96], xml[2048];
    snprintf(layout, sizeof layout, "%s/%s", dir, kind == 0 ? "layout.xml" : "base.xml");
    o.layout = layout;
    const char *figure = "";
    switch (kind) {
    case 0: put("layout.xml", data, size); break;
    case 1: put(font.name, data, size); break;
    case 2:
        put("bild.png", data, size);
        figure = "<figure src=\"bild.png\" alt=\"En bild\"><caption>Bild</caption></figure>";
        break;
    case 3:
        put("bild.jpg", data, size);
        figure = "<figure src=\"bild.jpg\" alt=\"En bild\"><caption>Bild</caption></figure>";
        break;
    case 4: put(icc.name, data, size); break;
    }
    int n = snprintf(xml, sizeof xml, report, figure);
    snprintf(name, sizeof name, "%s/rapport.xml", dir);
    unsigned char *pdf = NULL;
    size_t len = 0;
    rp_render_memory(&o, name, xml, (size_t)n, &pdf, &len, devnull);
    free(pdf);
    return 0;
}
