/*
 * watch.h - rapport --watch: render a report again each time a file it
 * is made from is saved (the command line; Linux inotify).
 */
#ifndef RP_WATCH_H
#define RP_WATCH_H

#include "../rapport.h"

/* Render `input` to `output` (NULL with --check) now and after every
 * save of the report or a file it is made from, printing one line per
 * render on stdout (with `json`, its JSON object) and the messages on
 * stderr as always. Runs until a signal ends the process; returns only
 * if it cannot watch (RP_EINPUT). */
int watch_run(const RpOptions *o, const char *input, const char *output, bool json);

#endif
