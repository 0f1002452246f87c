/*
 * test.h - the unit-test harness: CHECK(descr, cond), then TEST_DONE().
 * Each test program ends with the line "N passed, N failed" and exits
 * non-zero if anything failed.
 */
#ifndef RP_TEST_H
#define RP_TEST_H

#include <stdio.h>
#include <stdlib.h>

static int test_passed, test_failed;

#define CHECK(descr, cond) do {                                         \
        if (cond) {                                                     \
            test_passed++;                                              \
        } else {                                                        \
            test_failed++;                                              \
            fprintf(stderr, "FAIL %s:%d: %s\n", __FILE__, __LINE__, descr); \
        }                                                               \
    } while (0)

#define TEST_DONE() do {                                                \
        printf("%d passed, %d failed\n", test_passed, test_failed);     \
        return test_failed ? 1 : 0;                                     \
    } while (0)

/* The file at path read whole, NUL-terminated (*len: its length), or
 * NULL (malloc'd: the caller frees it). */
static inline char *test_slurp(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long size = ftell(f);
    rewind(f);
    char *buf = size >= 0 ? malloc((size_t)size + 1) : NULL;
    *len = buf ? fread(buf, 1, (size_t)size, f) : 0;
    if (buf)
        buf[*len] = 0;
    fclose(f);
    return buf;
}

#endif
