/*
 * json.h - --json: one JSON object per report on stdout, one a line
 * (JSON Lines), for scripts, GNU parallel and a cluster's job arrays
 * (the command line).
 *
 * An object:
 *   {"input": "a.xml", "output": "a.pdf", "status": "ok", "pages": 21,
 *    "warnings": [], "errors": [{"file": "a.xml", "line": 6, "column": 5,
 *    "message": "...", "hint": "..."}], "seconds": 0.042}
 * status is "ok", "error" or "skipped" (--since: up to date); output is
 * null with --check; pages null unless ok; line and column null when not
 * known, hint null when there is none. Strings are UTF-8; a byte that is
 * not (in a file name) is written as U+FFFD, so the line is valid JSON
 * whatever the names.
 */
#ifndef RP_JSON_H
#define RP_JSON_H

#include "result.h"

#include <stdio.h>

/* `s` as a JSON string, quotes included. */
void json_string(FILE *f, const char *s);

/* The object of one report as one line (ending in a newline), malloc'd.
 * `code` is rp_render_file's result (RP_OK, RP_EINPUT, RP_SKIPPED). */
char *json_line(const char *input, const char *output, int code, const Result *r, double seconds);

/* Render `input` to `output` as rp_render_file does, its messages on
 * `err` as always, and make its object (*line, malloc'd). Returns
 * rp_render_file's result. */
int json_render(const RpOptions *o, const char *input, const char *output, FILE *err, char **line);

/* The object of a report that could not be rendered at all (its process
 * did not start, or stopped on a signal): an error with `message`. */
char *json_failure(const char *input, const char *output, const char *message, double seconds);

/* A line of the run's, no report's ("input" null): status "stopped"
 * that a batch stopped by a signal ends with, `message` saying how far
 * it got; "error" for a mistake of the command line's that stops it
 * before any report (a --layout found for none). */
char *json_run(const char *status, const char *message, double seconds);

#endif
