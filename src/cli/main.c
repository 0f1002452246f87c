/*
 * main.c - the rapport command: argv -> options -> one run per input.
 *
 * Exit status: 0 all went well, 1 an input had errors (its PDF was not
 * written), 2 the command line was wrong.
 */
#include "../rapport.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static const char usage[] =
    "usage: rapport [options] REPORT.xml...\n"
    "\n"
    "Renders each report to a PDF beside it (REPORT.pdf).\n"
    "\n"
    "  -o FILE            write the PDF to FILE (one report only)\n"
    "  -d DIR             write the PDFs into the folder DIR\n"
    "  --check            check and lay out the reports; write nothing\n"
    "  --layout NAME|FILE use this layout instead of the one the report names\n"
    "  --trace FILE       also write a text dump of every page (for review)\n"
    "  --strict           treat warnings (e.g. a sum that does not add up) as errors\n"
    "  --allow-paths      let a report name files outside its own folder\n"
    "  --pdfa=LEVEL       archival PDF/A: 2b (the default), 2u, or off\n"
    "  -q, --quiet        print errors only, no warnings\n"
    "  --help             print this help\n"
    "  --version          print the version\n"
    "\n"
    "Exit status: 0 all went well, 1 a report had errors (no PDF written\n"
    "for it), 2 the command line was wrong.\n";

static int usage_error(const char *msg, const char *arg)
{
    fprintf(stderr, "rapport: %s%s%s\n", msg, arg ? " " : "", arg ? arg : "");
    fprintf(stderr, "Try 'rapport --help' for the options.\n");
    return RP_EUSAGE;
}

/* REPORT.xml -> DIR/REPORT.pdf or REPORT.pdf beside it. */
static char *output_for(const char *in, const char *dir)
{
    const char *base = dir ? strrchr(in, '/') : NULL;
    base = base ? base + 1 : in;
    size_t n = strlen(base);
    if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
        n -= 4;
    size_t cap = (dir ? strlen(dir) + 1 : 0) + n + 5;
    char *out = malloc(cap);
    if (!out) {
        fprintf(stderr, "rapport: out of memory\n");
        exit(RP_EINPUT);
    }
    snprintf(out, cap, "%s%s%.*s.pdf", dir ? dir : "", dir ? "/" : "", (int)n, base);
    return out;
}

int main(int argc, char **argv)
{
    RpOptions o;
    rp_options_init(&o);
    const char *out = NULL, *dir = NULL;
    const char **inputs = calloc((size_t)argc, sizeof *inputs);
    int ninputs = 0;
    if (!inputs)
        return RP_EINPUT;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            fputs(usage, stdout);
            return RP_OK;
        } else if (strcmp(a, "--version") == 0) {
            printf("rapport %s\n", RAPPORT_VERSION);
            return RP_OK;
        } else if (strcmp(a, "-o") == 0 || strcmp(a, "-d") == 0 || strcmp(a, "--layout") == 0 ||
                   strcmp(a, "--trace") == 0) {
            if (i + 1 >= argc)
                return usage_error("missing value after", a);
            const char *v = argv[++i];
            if (a[1] == 'o') out = v;
            else if (a[1] == 'd') dir = v;
            else if (a[2] == 'l') o.layout = v;
            else o.trace_path = v;
        } else if (strncmp(a, "--layout=", 9) == 0) {
            o.layout = a + 9;
        } else if (strcmp(a, "--check") == 0) {
            o.check_only = true;
        } else if (strncmp(a, "--pdfa=", 7) == 0) {
            const char *v = a + 7;
            if (!strcmp(v, "off")) o.pdfa = RP_PDFA_OFF;
            else if (!strcmp(v, "2b")) o.pdfa = RP_PDFA_2B;
            else if (!strcmp(v, "2u")) o.pdfa = RP_PDFA_2U;
            else if (!strcmp(v, "2a"))
                return usage_error("--pdfa=2a needs a tagged PDF, which rapport does not write yet; use 2u or 2b", NULL);
            else
                return usage_error("--pdfa takes off, 2b or 2u, not", v);
        } else if (strcmp(a, "--allow-paths") == 0) {
            o.allow_any_path = true;
        } else if (strcmp(a, "--strict") == 0) {
            o.strict = true;
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            o.quiet = true;
        } else if (a[0] == '-' && a[1]) {
            return usage_error("unknown option", a);
        } else {
            inputs[ninputs++] = a;
        }
    }
    if (ninputs == 0)
        return usage_error("no report given", NULL);
    if (out && ninputs > 1)
        return usage_error("-o takes one report; use -d DIR for several", NULL);
    if (out && dir)
        return usage_error("-o and -d do not go together", NULL);
    if (dir) {
        struct stat st;
        if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
            return usage_error("no such folder:", dir);
    }
    int status = RP_OK;
    for (int i = 0; i < ninputs; i++) {
        char *dst = o.check_only ? NULL : out ? NULL : output_for(inputs[i], dir);
        int r = rp_render_file(&o, inputs[i], o.check_only ? NULL : out ? out : dst, stderr);
        if (r != RP_OK)
            status = RP_EINPUT;
        free(dst);
    }
    free(inputs);
    return status;
}
