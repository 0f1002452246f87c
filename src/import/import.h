/*
 * import.h - `rapport --import`: Word and OpenDocument reports made into
 * rapport's XML (command line only; needs pandoc, the renderer does not).
 */
#ifndef RP_IMPORT_H
#define RP_IMPORT_H

#include <stdbool.h>

/* Does the command line ask for an import (has it --import)? */
bool import_requested(int argc, char **argv);

/* The whole command for an import: its own options (README, "Old
 * reports from Word"), then each file made into XML, checked and
 * written. `data_dir` holds layouts/ and import/ (NULL: the library's
 * default, RP_DEFAULT_DATA_DIR). Returns the exit status: 0 all went
 * well, 1 a file could not be imported (or pandoc is missing), 2 the
 * command line was wrong. */
int import_main(int argc, char **argv, const char *data_dir);

#endif
