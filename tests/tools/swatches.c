/*
 * swatches.c - how far apart the legend swatches of a chart print, for
 * tests (tests/swatch-check).
 *
 *   swatches PAGE.pgm DPI X Y W H [X Y W H ...]   (boxes in PDF points
 *                                                   from the top left)
 *
 * Reads a grey-scale page (pdftoppm -gray) and prints, for each pair of
 * boxes i < j, "i j D MEAN_I MEAN_J": D is the share of the pixels, of
 * those inked (darker than the paper) in either box, whose grey differs
 * by more than 20 % between the two, for the best of the nine one-pixel
 * shifts of box j (so the same pattern, rounded to other pixels, counts
 * as the same). Two swatches of different grey give D near 1; the same
 * colour and pattern near 0; another dash or hatching in between.
 */
#include <stdio.h>
#include <stdlib.h>

static int w, h;
static unsigned char *img;

static int at(int x, int y)
{
    return x < 0 || y < 0 || x >= w || y >= h ? 255 : img[(size_t)y * (size_t)w + (size_t)x];
}

int main(int argc, char **argv)
{
    if (argc < 7 || (argc - 3) % 4) {
        fprintf(stderr, "usage: swatches PAGE.pgm DPI X Y W H [X Y W H ...]\n");
        return 2;
    }
    FILE *f = fopen(argv[1], "rb");
    if (!f) { perror(argv[1]); return 2; }
    char magic[3] = { 0 };
    int max;
    if (fscanf(f, "%2s %d %d %d", magic, &w, &h, &max) != 4 || magic[1] != '5') {
        fprintf(stderr, "%s: not a binary PGM\n", argv[1]);
        return 2;
    }
    fgetc(f);
    img = malloc((size_t)w * (size_t)h);
    if (!img || fread(img, 1, (size_t)w * (size_t)h, f) != (size_t)w * (size_t)h) {
        fprintf(stderr, "%s: short image\n", argv[1]);
        return 2;
    }
    fclose(f);
    double dpi = atof(argv[2]);
    int n = (argc - 3) / 4;
    int (*box)[4] = malloc(sizeof *box * (size_t)n);
    for (int i = 0; i < n; i++)
        for (int k = 0; k < 4; k++)
            box[i][k] = (int)(atof(argv[3 + 4 * i + k]) * dpi / 72.0 + 0.5);
    for (int i = 0; i < n; i++)
        for (int j = i + 1; j < n; j++) {
            int bw = box[i][2] < box[j][2] ? box[i][2] : box[j][2];
            int bh = box[i][3] < box[j][3] ? box[i][3] : box[j][3];
            double best = 2, mi = 0, mj = 0;
            for (int dy = -1; dy <= 1; dy++)
                for (int dx = -1; dx <= 1; dx++) {
                    long ink = 0, differ = 0;
                    double si = 0, sj = 0;
                    for (int y = 0; y < bh; y++)
                        for (int x = 0; x < bw; x++) {
                            int a = at(box[i][0] + x, box[i][1] + y);
                            int b = at(box[j][0] + x + dx, box[j][1] + y + dy);
                            si += a;
                            sj += b;
                            if (a > 230 && b > 230)
                                continue;
                            ink++;
                            if (abs(a - b) > 51)
                                differ++;
                        }
                    double d = ink ? (double)differ / ink : 0;
                    if (d < best) {
                        best = d;
                        mi = si / ((double)bw * bh);
                        mj = sj / ((double)bw * bh);
                    }
                }
            printf("%d %d %.2f %.0f %.0f\n", i, j, best, mi, mj);
        }
    return 0;
}
