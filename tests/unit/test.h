/*
 * test.h - the unit-test harness: CHECK(descr, cond), then TEST_DONE().
 * Each test program ends with the line "N passed, N failed" and exits
 * non-zero if anything failed.
 */
#ifndef RP_TEST_H
#define RP_TEST_H

#include <stdio.h>

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

#endif
