/*
 * slow-fsync.c - an LD_PRELOAD library for tests/check/cli.sh: fsync() waits
 * five seconds, so that a signal can be sent to rapport while the PDF's
 * temporary file exists (between writing it and renaming it into place).
 */
#include <unistd.h>

int fsync(int fd)
{
    (void)fd;
    sleep(5);
    return 0;
}
