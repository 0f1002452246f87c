/*
 * result.h - what one run of a report found out, collected through the
 * library's listener (RpOptions.listener): its messages, the files it is
 * made from, its pages. For --json and --watch (the command line).
 */
#ifndef RP_RESULT_H
#define RP_RESULT_H

#include "../rapport.h"

typedef struct ResultMsg {
    bool  error;            /* else a warning */
    char *file;             /* owned, as the strings below */
    int   line, col;        /* 0: not known */
    char *text;
    char *hint;             /* or NULL */
} ResultMsg;

typedef struct Result {
    ResultMsg  *msg;        /* the errors and warnings, in the order printed */
    int         nmsg, capmsg;
    char      **src;        /* the files the report is made from besides itself */
    int         nsrc, capsrc;
    int         pages;      /* -1 until laid out */
    int         errors, warnings;
    RpListener  listener;   /* fills this Result: give it to RpOptions.listener */
} Result;

/* An empty result whose listener fills it (`r` must stay where it is
 * while the listener is used). */
void result_init(Result *r);

/* Free what `r` holds; it is empty again, ready for another run. */
void result_free(Result *r);

#endif
