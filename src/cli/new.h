/*
 * new.h - rapport --new TYPE: a starter report (the command line).
 */
#ifndef RP_NEW_H
#define RP_NEW_H

#include <stdbool.h>

/* A starter report: src/cli/new/TYPE.xml, compiled into the program
 * (build/obj/gen/starters.c, made by the Makefile). */
typedef struct Starter {
    const char *type;     /* the report type, as <report type="..."> spells it */
    const char *text;     /* the file, placeholders and all (new.c) */
} Starter;

extern const Starter rp_starters[];
extern const int rp_nstarters;

/* Does the command line ask for --new? */
bool new_requested(int argc, char **argv);

/* rapport --new TYPE [-o FILE]: print the starter report of TYPE on
 * stdout, or write it to FILE, which must not exist. `data_dir` is
 * where rapport's data is (for the schema's path), or NULL. Returns the
 * exit status: 0, 1 (could not write), 2 (a wrong command line, an
 * unknown type, an existing FILE). */
int new_main(int argc, char **argv, const char *data_dir);

#endif
