/*
 * patterns.c - a build tool: the default hyphenation dictionary (Debian
 * hyphen-sv's hyph_sv_SE.dic) as the image the program carries, so that
 * a run takes it ready-made (src/measure/hyphen.c, hyphen_image).
 *
 *   patterns hyph_sv_SE.dic > patterns.bin
 *
 * A build without the dictionary writes an empty image: the program then
 * reads whatever dictionary the layout names, as it always can.
 */
#include "measure/hyphen.h"

#include <stdio.h>

/* The tool carries no image of its own (it makes one): an empty one,
 * which hyphen_load passes over to read the file. */
__asm__(".section .rodata\n.global rp_patterns\n.global rp_patterns_end\n"
        "rp_patterns:\nrp_patterns_end:\n.previous");

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: patterns DICTIONARY.dic > patterns.bin\n");
        return 2;
    }
    if (hyphen_image(argv[1], stdout) != 0)
        fprintf(stderr, "patterns: %s cannot be read as a dictionary; the program carries none\n", argv[1]);
    return fflush(stdout) == 0 ? 0 : 1;
}
