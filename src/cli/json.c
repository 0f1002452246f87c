/*
 * json.c - --json: a report's result as one line of JSON (the command
 * line). See json.h.
 */
#include "json.h"
#include "xalloc.h"
#include "../base/utf8.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

void json_string(FILE *f, const char *s)
{
    fputc('"', f);
    size_t n = strlen(s);
    for (size_t i = 0; i < n;) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\') {
            fprintf(f, "\\%c", c);
            i++;
        } else if (c < 0x20 || c == 0x7F) {
            const char *esc = c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" :
                              c == '\b' ? "\\b" : c == '\f' ? "\\f" : NULL;
            if (esc)
                fputs(esc, f);
            else
                fprintf(f, "\\u%04x", c);
            i++;
        } else if (c < 0x80) {
            fputc(c, f);
            i++;
        } else {
            /* UTF-8 passed through as it is; a byte that is not UTF-8 as U+FFFD */
            size_t at = i;
            uint32_t cp = utf8_next(s, n, &i);
            if (cp == 0xFFFD && !(i - at == 3 && !memcmp(s + at, "\xEF\xBF\xBD", 3)))
                fputs("\\ufffd", f);
            else
                fwrite(s + at, 1, i - at, f);
        }
    }
    fputc('"', f);
}

static void json_place(FILE *f, const char *key, int v)
{
    if (v > 0)
        fprintf(f, ", \"%s\": %d", key, v);
    else
        fprintf(f, ", \"%s\": null", key);
}

/* The messages of one level, as an array. */
static void json_messages(FILE *f, const Result *r, bool errors)
{
    fputc('[', f);
    int k = 0;
    for (int i = 0; r && i < r->nmsg; i++) {
        const ResultMsg *m = &r->msg[i];
        if (m->error != errors)
            continue;
        fputs(k++ ? ", {\"file\": " : "{\"file\": ", f);
        json_string(f, m->file ? m->file : "");
        json_place(f, "line", m->line);
        json_place(f, "column", m->col);
        fputs(", \"message\": ", f);
        json_string(f, m->text ? m->text : "");
        fputs(", \"hint\": ", f);
        if (m->hint)
            json_string(f, m->hint);
        else
            fputs("null", f);
        fputc('}', f);
    }
    fputc(']', f);
}

char *json_line(const char *input, const char *output, int code, const Result *r, double seconds)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f) {
        xoom();
    }
    const char *status = code == RP_OK ? "ok" : code == RP_SKIPPED ? "skipped" : "error";
    fputs("{\"input\": ", f);
    json_string(f, input);
    fputs(", \"output\": ", f);
    if (output)
        json_string(f, output);
    else
        fputs("null", f);
    fprintf(f, ", \"status\": \"%s\"", status);
    if (code == RP_OK && r && r->pages >= 0)
        fprintf(f, ", \"pages\": %d", r->pages);
    else
        fputs(", \"pages\": null", f);
    fputs(", \"warnings\": ", f);
    json_messages(f, r, false);
    fputs(", \"errors\": ", f);
    json_messages(f, r, true);
    fprintf(f, ", \"seconds\": %.3f}\n", seconds < 0 ? 0 : seconds);
    if (fclose(f) != 0 || !buf) {
        xoom();
    }
    return buf;
}

static double now_s(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

int json_render(const RpOptions *o, const char *input, const char *output, FILE *err, char **line)
{
    Result r;
    result_init(&r);
    RpOptions with = *o;
    with.listener = &r.listener;
    double t0 = now_s();
    int code = rp_render_file(&with, input, output, err);
    *line = json_line(input, o->check_only ? NULL : output, code, &r, now_s() - t0);
    result_free(&r);
    return code;
}

char *json_failure(const char *input, const char *output, const char *message, double seconds)
{
    Result r;
    result_init(&r);
    r.listener.message(&r, &(RpMessage){ true, input, 0, 0, message, NULL });
    char *line = json_line(input, output, RP_EINPUT, &r, seconds);
    result_free(&r);
    return line;
}

char *json_run(const char *status, const char *message, double seconds)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&buf, &len);
    if (!f)
        xoom();
    fprintf(f, "{\"input\": null, \"output\": null, \"status\": \"%s\", \"pages\": null, \"warnings\": [], "
               "\"errors\": [{\"file\": null, \"line\": null, \"column\": null, \"message\": ", status);
    json_string(f, message);
    fprintf(f, ", \"hint\": null}], \"seconds\": %.3f}\n", seconds < 0 ? 0 : seconds);
    if (fclose(f) != 0 || !buf)
        xoom();
    return buf;
}
