/*
 * pixel.c - colours of a rendered page at given points, for tests.
 *
 *   pixel PAGE.ppm DPI X Y [X Y ...]     (X, Y in PDF points from the top left)
 *
 * Reads a binary PPM (pdftoppm -ppm) or PGM (-gray) and prints one line
 * per point: "RRGGBB". Points outside the image print "outside".
 */
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 5 || argc % 2 == 0) {
        fprintf(stderr, "usage: pixel PAGE.ppm DPI X Y [X Y ...]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    char magic[3] = { 0 };
    int w, h, max;
    if (fscanf(f, "%2s %d %d %d", magic, &w, &h, &max) != 4 || (magic[1] != '6' && magic[1] != '5')) {
        fprintf(stderr, "%s: not a binary PPM/PGM\n", argv[1]);
        return 2;
    }
    fgetc(f);
    int ch = magic[1] == '6' ? 3 : 1;
    unsigned char *img = malloc((size_t)w * (size_t)h * (size_t)ch);
    if (!img || fread(img, (size_t)ch, (size_t)w * (size_t)h, f) != (size_t)w * (size_t)h) {
        fprintf(stderr, "%s: short image\n", argv[1]);
        return 2;
    }
    fclose(f);
    double dpi = atof(argv[2]);
    for (int i = 3; i + 1 < argc; i += 2) {
        int x = (int)(atof(argv[i]) * dpi / 72.0 + 0.5), y = (int)(atof(argv[i + 1]) * dpi / 72.0 + 0.5);
        if (x < 0 || y < 0 || x >= w || y >= h) {
            printf("outside\n");
            continue;
        }
        const unsigned char *p = img + ((size_t)y * (size_t)w + (size_t)x) * (size_t)ch;
        if (ch == 3)
            printf("%02X%02X%02X\n", p[0], p[1], p[2]);
        else
            printf("%02X%02X%02X\n", p[0], p[0], p[0]);
    }
    free(img);
    return 0;
}
