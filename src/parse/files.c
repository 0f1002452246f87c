/*
 * files.c - resolving the files a report names, and reading them with a
 * bound (parse stage). See files.h.
 */
#include "files.h"
#include "value.h"
#include "../base/i18n.h"

#include <dirent.h>
#include <errno.h>
#include <strings.h>
#include <fcntl.h>
#include <inttypes.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

void files_folder(const char *path, char *dir, size_t cap)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        snprintf(dir, cap, ".");
    else if (slash == path)
        snprintf(dir, cap, "/");
    else
        snprintf(dir, cap, "%.*s", (int)(slash - path), path);
}

const char *files_dir(Arena *a, const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return ".";
    if (slash == path)
        return "/";
    return arena_strndup(a, path, (size_t)(slash - path));
}

/* Is the path real (realpath's) inside the existing folder dir? */
static bool inside(const char *real, const char *dir)
{
    char rd[PATH_MAX];
    if (!dir || !realpath(dir, rd))
        return false;
    size_t n = strlen(rd);
    if (n == 1)                     /* "/" contains everything */
        return true;
    return strncmp(real, rd, n) == 0 && (real[n] == '/' || real[n] == 0);
}

const char *files_resolve(Rp *rp, const char *base, const char *also, const char *name,
                          const char **why)
{
    return files_resolve_in(rp, base, base, also, name, why);
}

const char *files_resolve_in(Rp *rp, const char *base, const char *root, const char *also,
                             const char *name, const char **why)
{
    const char *path = name[0] == '/' ? name : arena_printf(&rp->arena, "%s/%s", base, name);
    char real[PATH_MAX];
    if (!realpath(path, real)) {
        *why = strerror(errno);
        return NULL;
    }
    if (rp->opt && rp->opt->allow_any_path)
        return path;
    if (inside(real, root) || inside(real, also))
        return path;
    *why = _(FILES_OUTSIDE);
    return NULL;
}

/* What a file that is not a regular file is, for a message. */
static const char *not_regular(mode_t m)
{
    return S_ISDIR(m)  ? _("it is a folder, not a file")
         : S_ISFIFO(m) ? _("it is a pipe (FIFO), not a file")
         : S_ISSOCK(m) ? _("it is a socket, not a file")
                       : _("it is a device, not a file");
}

bool files_regular(const char *path, const char **why)
{
    struct stat st;
    if (stat(path, &st) != 0) {
        *why = strerror(errno);
        return false;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = not_regular(st.st_mode);
        return false;
    }
    return true;
}

unsigned char *files_load(Rp *rp, const char *path, size_t max, size_t *len, const char **why)
{
    *len = 0;
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
    if (fd < 0) {
        *why = arena_strdup(&rp->arena, strerror(errno));
        return NULL;
    }
    struct stat st;
    if (fstat(fd, &st) != 0) {
        *why = arena_strdup(&rp->arena, strerror(errno));
        close(fd);
        return NULL;
    }
    if (!S_ISREG(st.st_mode)) {
        *why = not_regular(st.st_mode);
        close(fd);
        return NULL;
    }
    if ((uintmax_t)st.st_size > max) {
        /* in megabytes, whole and tenths (a language writes its own
         * decimal sign): "10.2 MB ... up to 8 MB", not 10666676 bytes */
        intmax_t tenths = ((intmax_t)st.st_size * 10 + 1048575) / 1048576;     /* up: never "8.0 MB ... up to 8 MB" */
        *why = arena_printf(&rp->arena, _("the file is %jd.%jd MB; rapport reads such files up to %zu MB"),
                            tenths / 10, tenths % 10, max / 1048576);
        close(fd);
        return NULL;
    }
    /* a regular file does not block; reads go on to one byte past the
     * bound, so a file that grows meanwhile is caught */
    size_t cap = (size_t)st.st_size + 1, n = 0;
    unsigned char *buf = xmalloc(cap);
    for (;;) {
        if (n == cap) {
            if (cap > max) {
                *why = arena_printf(&rp->arena, _("the file is larger than %zu MB, the most rapport reads of it"),
                                    max / 1048576);
                free(buf);
                close(fd);
                return NULL;
            }
            cap = cap * 2 < max + 1 ? cap * 2 : max + 1;
            buf = xrealloc(buf, cap);
        }
        ssize_t got = read(fd, buf + n, cap - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            *why = arena_printf(&rp->arena, _("cannot read it: %s"), strerror(errno));
            free(buf);
            close(fd);
            return NULL;
        }
        if (got == 0)
            break;
        n += (size_t)got;
    }
    close(fd);
    *len = n;
    return buf;
}

char *files_trim_folder(char *f)
{
    size_t n = strlen(f);
    while (n > 1 && f[n - 1] == '/')
        f[--n] = 0;
    return f;
}

/* The edit distance of a and b, ASCII letters alike in either case. */
static int distance(const char *a, const char *b)
{
    char la[48], lb[48];
    if (strlen(a) >= sizeof la || strlen(b) >= sizeof lb)
        return 99;
    size_t k = 0;
    for (; a[k]; k++)
        la[k] = (char)(a[k] >= 'A' && a[k] <= 'Z' ? a[k] | 0x20 : a[k]);
    la[k] = 0;
    for (k = 0; b[k]; k++)
        lb[k] = (char)(b[k] >= 'A' && b[k] <= 'Z' ? b[k] | 0x20 : b[k]);
    lb[k] = 0;
    return value_distance(la, lb);
}

const char *files_near(Arena *a, const char *path, const char *ext)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    int dl = slash ? (int)(slash - path) : 0;
    struct stat st;
    if (ext && *base && !strchr(base, '.')) {  /* "rapport" for rapport.xml */
        const char *x = arena_printf(a, "%s%s", path, ext);
        if (stat(x, &st) == 0 && S_ISREG(st.st_mode))
            return x;
    }
    DIR *d = opendir(slash ? (dl ? arena_printf(a, "%.*s", dl, path) : "/") : ".");
    if (!d || strlen(base) < 4) {
        if (d)
            closedir(d);
        return NULL;
    }
    char best[256] = "";
    int bestd = 3;
    struct dirent *e;
    for (int seen = 0; (e = readdir(d)) && seen < 5000; seen++) {
        if (e->d_name[0] == '.' || strlen(e->d_name) >= sizeof best || !strcmp(e->d_name, base))
            continue;                   /* (itself: a link to nothing) */
        int dd = strcasecmp(e->d_name, base) == 0 ? 0 : distance(e->d_name, base);
        /* the nearest; of two as near, the first by name (the folder's
         * order is the file system's) */
        if (dd < bestd || (dd == bestd && dd < 3 && strcmp(e->d_name, best) < 0)) {
            bestd = dd;
            snprintf(best, sizeof best, "%s", e->d_name);
        }
    }
    closedir(d);
    if (bestd > (strlen(base) >= 8 ? 2 : 1))
        return NULL;
    return slash ? arena_printf(a, "%.*s/%s", dl, path, best) : arena_strdup(a, best);
}

const char *files_below(Arena *a, const char *dir, const char *base)
{
    DIR *d = opendir(*dir ? dir : ".");
    if (!d || !*base || strchr(base, '/')) {
        if (d)
            closedir(d);
        return NULL;
    }
    const char *found = NULL;
    struct dirent *e;
    for (int seen = 0; !found && (e = readdir(d)) && seen < 500; seen++) {
        if (e->d_name[0] == '.')
            continue;
        const char *sub = arena_printf(a, "%s/%s", dir, e->d_name);
        struct stat st;
        if (stat(sub, &st) != 0 || !S_ISDIR(st.st_mode))
            continue;
        DIR *in = opendir(sub);
        struct dirent *f;
        for (int k = 0; in && !found && (f = readdir(in)) && k < 5000; k++)
            if (!strcasecmp(f->d_name, base))
                found = arena_printf(a, "%s/%s", e->d_name, f->d_name);
        if (in)
            closedir(in);
    }
    closedir(d);
    return found;
}
