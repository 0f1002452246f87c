/*
 * output.c - the PDF file on disk: target checks, the temporary file and
 * its rename, left-over temporary files. See output.h for the naming and
 * the invariants.
 */
#include "output.h"
#include "base/arena.h"
#include "base/diag.h"
#include "base/i18n.h"
#include "base/map.h"
#include "parse/files.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <limits.h>
#include <pthread.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/* The part of a temporary file's name after the target's. */
#define TEMP_TAG ".rapport-"

/* A temporary file not changed for this long is left over even if a
 * process of its number runs (the number was reused): writing one takes
 * seconds at most, as the PDF is complete in memory before it starts. */
#define TEMP_ABANDONED_SECONDS (60 * 60)

/* Why `output` may not be replaced by a file that begins with `magic`
 * (what a file of its kind begins with, the trace's or the PDF's);
 * `other` words the refusal of another file: see output_refusal. */
static const char *refusal(const char *input, const char *output, const char *magic, const char *other, bool trace)
{
    struct stat out, in;
    if (lstat(output, &out) != 0)
        return NULL;            /* nothing there (or unreadable: writing says why) */
    if (S_ISLNK(out.st_mode))
        return trace ? _("it is a symbolic link, which the trace would replace; give the path of the file it points to")
                     : _("it is a symbolic link, which the PDF would replace; give the path of the file it points to");
    if (S_ISDIR(out.st_mode))
        return _("it is a folder");
    if (S_ISCHR(out.st_mode) || S_ISBLK(out.st_mode))
        return _("it is a device, not a file");
    if (S_ISFIFO(out.st_mode))
        return _("it is a FIFO (named pipe), not a file");
    if (!S_ISREG(out.st_mode))
        return _("it is not a regular file");
    if (input && stat(input, &in) == 0 && in.st_dev == out.st_dev && in.st_ino == out.st_ino)
        return _("it is the report itself");
    /* a PDF made read-only is one somebody protects (an archived
     * report): never replaced, even where the folder would let it be */
    if ((out.st_mode & 0222) == 0)
        return trace ? _("it is write-protected (read-only), and rapport does not replace a protected file; "
                         "remove the protection, or give the trace another name")
                     : _("it is write-protected (read-only), and rapport does not replace a protected PDF; "
                         "remove the protection if it is to be replaced, or give the PDF another name");
    /* only a PDF (or an empty file) is replaced: "-o protokoll.docx"
     * typed by mistake must not cost the document that had the name */
    if (out.st_size > 0) {
        char head[8] = { 0 };
        size_t want = strlen(magic);
        int fd = open(output, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
        ssize_t n = fd >= 0 ? read(fd, head, want) : -1;
        if (fd >= 0)
            close(fd);
        if (n < 0)
            return _("it cannot be read, so it cannot be told to be a file rapport made, which is all it replaces; "
                     "give another name");
        if (n < (ssize_t)want || memcmp(head, magic, want) != 0)
            return other;
    }
    return NULL;
}

const char *output_refusal(const char *input, const char *output)
{
    return refusal(input, output, "%PDF-",
                   _("it is a file but not a PDF, and rapport replaces only PDFs; give the PDF another name"), false);
}

bool output_trace_direct(const char *trace)
{
    struct stat st;
    if (!strcmp(trace, "/dev/stdout") || !strcmp(trace, "/dev/stderr") || !strncmp(trace, "/dev/fd/", 8))
        return true;        /* the terminal, a pipe or a file the shell redirected to */
    return stat(trace, &st) == 0 && (S_ISCHR(st.st_mode) || S_ISFIFO(st.st_mode) || S_ISSOCK(st.st_mode));
}

int output_append_trace(const char *path, const char *text, size_t len)
{
    int fd = open(path, O_WRONLY | O_APPEND | O_CLOEXEC);
    if (fd < 0)
        return -1;
    /* reports rendered side by side (-j) each write theirs whole: the
     * lock is on the pipe or terminal, which each opened anew */
    bool locked = flock(fd, LOCK_EX) == 0;
    /* a reader that stops early ("| head") costs the trace, not the run */
    void (*was)(int) = signal(SIGPIPE, SIG_IGN);
    int r = 0;
    for (size_t at = 0; at < len && r == 0;) {
        ssize_t k = write(fd, text + at, len - at);
        if (k > 0)
            at += (size_t)k;
        else if (k == 0)
            r = -1, errno = EIO;
        else if (errno != EINTR)
            r = -1;
    }
    signal(SIGPIPE, was);
    if (locked)
        flock(fd, LOCK_UN);
    int e = errno;
    if (close(fd) != 0 && r == 0 && errno != EINTR)
        r = -1;
    else
        errno = e;
    return r;
}

mode_t output_new_mode(void)
{
    /* the umask read where reading it changes nothing (umask() sets
     * it, for every thread at once); 022 where /proc is not there */
    bool found = false;
    mode_t mask = 022;
    FILE *f = fopen("/proc/self/status", "r");
    char line[128];
    while (f && !found && fgets(line, sizeof line, f))
        if (!strncmp(line, "Umask:", 6)) {
            mask = (mode_t)strtoul(line + 6, NULL, 8) & 0777;
            found = true;
        }
    if (f)
        fclose(f);
    if (!found) {           /* an old kernel: set and put back (a moment for every thread) */
        mask = umask(022);
        umask(mask);
    }
    return 0666 & ~mask;
}

const char *output_trace_refusal(const char *input, const char *pdf, const char *trace)
{
    if (pdf && (!strcmp(pdf, trace) || output_same_file(pdf, trace)))
        return _("it is the PDF being made; give the trace a name of its own, such as rapport.trace");
    if (output_trace_direct(trace))
        return NULL;                    /* /dev/stdout, a pipe: written straight to it */
    return refusal(input, trace, "page ",
                   _("it is a file but not a trace that rapport wrote, and --trace replaces only those; "
                     "give the trace another name"), true);
}

bool output_same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    return a && b && stat(a, &sa) == 0 && stat(b, &sb) == 0 && sa.st_dev == sb.st_dev &&
           sa.st_ino == sb.st_ino;
}

/* This machine as a temporary file's name carries it: eight hex digits
 * of a hash of its whole name, the same length for every name (a shared
 * folder on a file server is written from several machines, whose
 * process numbers are not ours; names cut to their first letters made
 * "kansli-01" and "kansli-02" one, and a long one left too little room
 * for the PDF's own name, a review). */
static void host_tag(char *out, size_t cap)
{
    char h[256];
    if (gethostname(h, sizeof h) != 0)
        h[0] = 0;
    h[sizeof h - 1] = 0;
    uint32_t v = 2166136261u;
    for (const char *p = h; *p; p++)
        v = (v ^ (unsigned char)*p) * 16777619u;
    snprintf(out, cap, "%08x", (unsigned)v);
}

/* Is `name` a temporary file's name, TARGET.rapport-HOST-PID-XXXXXX?
 * Sets its process number, and whether HOST is `host` (one named by an
 * earlier version, without a host, is of no machine known). */
static bool temp_name(const char *name, const char *host, long *pid, bool *here)
{
    const char *tag = NULL;
    for (const char *p = name; (p = strstr(p, TEMP_TAG)); p++)
        tag = p;                /* the last one: the target may hold the tag too */
    if (!tag || tag == name)
        return false;
    const char *p = tag + strlen(TEMP_TAG);
    size_t n = strlen(p);
    if (n < 9 || p[n - 7] != '-')
        return false;
    for (size_t i = n - 6; i < n; i++)
        if (!((p[i] >= '0' && p[i] <= '9') || (p[i] >= 'a' && p[i] <= 'z') || (p[i] >= 'A' && p[i] <= 'Z')))
            return false;
    /* the process number: the digits before the letters */
    size_t e = n - 7, b = e;
    while (b > 0 && p[b - 1] >= '0' && p[b - 1] <= '9')
        b--;
    if (b == e || (b > 0 && p[b - 1] != '-'))
        return false;
    errno = 0;
    *pid = strtol(p + b, NULL, 10);
    if (errno || *pid <= 0)
        return false;
    *here = b > 1 && b - 1 == strlen(host) && memcmp(p, host, b - 1) == 0;
    return true;
}

/* Whether a process holds the temporary file at `path` (write_file
 * locks its own while it writes): one on this machine in another PID
 * namespace, or one on another machine where the file server passes
 * locks on. */
static bool held(const char *path)
{
    int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0)
        return false;
    bool busy = flock(fd, LOCK_SH | LOCK_NB) != 0 && errno == EWOULDBLOCK;
    close(fd);
    return busy;
}

int output_sweep(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return 0;
    char host[32];
    host_tag(host, sizeof host);
    int removed = 0;
    time_t now = time(NULL);
    struct dirent *e;
    while ((e = readdir(d))) {
        long pid;
        bool here;
        if (!temp_name(e->d_name, host, &pid, &here))
            continue;
        size_t len = strlen(dir) + strlen(e->d_name) + 2;
        char *p = xmalloc(len);
        snprintf(p, len, "%s/%s", dir, e->d_name);
        struct stat st;
        if (lstat(p, &st) == 0 && S_ISREG(st.st_mode) && st.st_uid == geteuid()) {
            /* a process number says whether it runs only on its own
             * machine: another's file is left over once it is old */
            bool gone = here && (pid_t)pid == pid && kill((pid_t)pid, 0) != 0 && errno == ESRCH;
            bool abandoned = now - st.st_mtime > TEMP_ABANDONED_SECONDS;
            if ((gone || abandoned) && !held(p) && unlink(p) == 0)
                removed++;
        }
        free(p);
    }
    closedir(d);
    return removed;
}

/* What to do where the PDF's folder is missing or closed to us
 * (errno e): said of the folder, which the message's path hides. */
static void folder_hint(Diags *d, const char *path, int e)
{
    char dir[512], full[PATH_MAX];
    files_folder(path, dir, sizeof dir);
    /* the folder by its whole name ("mappen ." told a new user nothing);
     * one that is there but takes no files (/proc) is not missing */
    struct stat st;
    bool there = stat(dir, &st) == 0 && S_ISDIR(st.st_mode);
    const char *name = there && realpath(dir, full) ? full : dir;
    if ((e == ENOENT || e == ENOTDIR) && !there)
        diag_hint(d, _("the folder %s does not exist: create it, or give the folder with -d, which creates it"), dir);
    else if (e == EROFS)
        diag_hint(d, _("the folder %s is on a disk that is read-only (mounted so): write the PDF elsewhere (-o, -d)"),
                  name);
    else if (e == EACCES || e == EPERM || e == ENOENT)
        diag_hint(d, _("you may not write in the folder %s: write the PDF elsewhere (-o, -d)"), name);
}

/* Six letters and digits for a temporary file's name: different per
 * attempt, per process and per moment; O_EXCL makes them safe. */
static void temp_letters(char *x, unsigned attempt)
{
    static const char set[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    uint64_t v = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15u ^ (uint64_t)ts.tv_sec << 30 ^
                 (uint64_t)getpid() << 40 ^ (uint64_t)attempt * 0xBF58476D1CE4E5B9u ^ (uintptr_t)x;
    for (int i = 0; i < 6; i++) {
        x[i] = set[v % 62];
        v /= 62;
    }
    x[6] = 0;
}

/* The folders this process has swept (output_sweep_for), and through
 * fork() a batch's reports those their parent swept before they began:
 * each folder once, not at every PDF written in it (a batch of 3 000
 * reports into one folder spent a sixth of its time listing it). */
static struct {
    pthread_mutex_t mu;
    Arena           arena;
    Map             dirs;
    bool            ready;
} swept = { .mu = PTHREAD_MUTEX_INITIALIZER };

int output_sweep_for(const char *path)
{
    const char *slash = strrchr(path, '/');
    char *dir = slash == path ? strdup("/") : slash ? strndup(path, (size_t)(slash - path)) : strdup(".");
    if (!dir)
        rp_oom(strlen(path));
    pthread_mutex_lock(&swept.mu);
    if (!swept.ready) {
        arena_init(&swept.arena);
        map_init(&swept.dirs, &swept.arena, 1);
        swept.ready = true;
    }
    bool before = map_get(&swept.dirs, dir) != NULL;
    if (!before)
        map_put(&swept.dirs, arena_strdup(&swept.arena, dir), (void *)1);
    pthread_mutex_unlock(&swept.mu);
    int removed = before ? 0 : output_sweep(dir);
    free(dir);
    return removed;
}

/* output_write, of the PDF or (trace) of the trace. */
static int write_file(const char *path, const unsigned char *buf, size_t len,
                      void (*announce)(const char *tmp), Diags *d, bool trace)
{
    const char *cannot = trace ? _("cannot write the trace: %s") : _("cannot write the PDF: %s");
    output_sweep_for(path);          /* the folder's left-overs first */

    /* a PDF replaced keeps who may read it (one kept from others stays so);
     * a new one is made as the umask says, as any program's file is */
    struct stat old;
    mode_t mode = stat(path, &old) == 0 && S_ISREG(old.st_mode) ? old.st_mode & 0777 : output_new_mode();

    char host[32];
    host_tag(host, sizeof host);
    size_t cap = strlen(path) + sizeof TEMP_TAG + sizeof host + 32;
    char *tmp = xmalloc(cap);
    int fd = -1;
    for (unsigned attempt = 0; attempt < 100 && fd < 0; attempt++) {
        /* the PDF's name, cut where a long one would leave the whole
         * past what a file's name may be (255 bytes): names of 220 that
         * were written before failed (a review) */
        const char *base = strrchr(path, '/');
        base = base ? base + 1 : path;
        size_t keep = strlen(path), room = 255 - (sizeof TEMP_TAG + strlen(host) + 24);
        if (strlen(base) > room) {
            keep = (size_t)(base - path) + room;
            while (keep > (size_t)(base - path) && ((unsigned char)path[keep] & 0xC0) == 0x80)
                keep--;             /* not inside a character */
        }
        int n = snprintf(tmp, cap, "%.*s" TEMP_TAG "%s-%ld-", (int)keep, path, host, (long)getpid());
        temp_letters(tmp + n, attempt);
        /* told before it exists, so that no moment has a file the
         * signal handler does not know of */
        if (announce)
            announce(tmp);
        fd = open(tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST)
            break;
    }
    if (fd < 0) {
        int saved = errno;
        if (announce)
            announce(NULL);
        diag_error(d, path, 0, 0, cannot, strerror(saved));
        folder_hint(d, path, saved);
        free(tmp);
        return -1;
    }
    /* locked while it is ours, to the rename: a run elsewhere (another
     * machine, or this one's in another PID namespace) that sees a
     * process number not its own leaves it be (output_sweep) */
    (void)flock(fd, LOCK_EX | LOCK_NB);
    int hold = fcntl(fd, F_DUPFD_CLOEXEC, 0);
    size_t done = 0;
    while (done < len) {
        ssize_t w = write(fd, buf + done, len - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w <= 0) {
            if (w == 0)
                errno = EIO;
            break;
        }
        done += (size_t)w;
    }
    int ok = done == len && fchmod(fd, mode) == 0 && fsync(fd) == 0;
    int saved = errno;
    if (close(fd) != 0 && ok) {
        saved = errno;
        ok = 0;
    }
    /* made since the run began checked it (output_refusal): what is
     * there now is replaced only if it still may be */
    const char *why = !ok ? NULL : trace ? output_trace_refusal(NULL, NULL, path) : output_refusal(NULL, path);
    if (why) {
        unlink(tmp);
        if (hold >= 0)
            close(hold);
        if (announce)
            announce(NULL);
        diag_error(d, path, 0, 0, trace ? _("cannot write the trace there: %s") : _("cannot write the PDF there: %s"), why);
        free(tmp);
        return -1;
    }
    bool renaming = ok;
    if (ok && rename(tmp, path) != 0) {
        saved = errno;
        ok = 0;
    }
    if (!ok)
        unlink(tmp);
    if (hold >= 0)
        close(hold);
    if (announce)
        announce(NULL);
    if (!ok) {
        struct stat there;
        diag_error(d, path, 0, 0, cannot, strerror(saved));
        if (saved == EFBIG)
            diag_hint(d, _("the file would be larger than this process may write (ulimit -f)"));
        else if (saved == ENOSPC || saved == EDQUOT)
            diag_hint(d, trace ? _("free some space on the disk, or write the trace elsewhere")
                               : _("free some space on the disk, or write the PDF elsewhere (-o, -d)"));
        else if (renaming && saved == ENOENT)
            diag_hint(d, _("the temporary file %s was removed while it was being written, by another program "
                           "in the folder: run rapport again"), tmp);
        else if (renaming && saved == EPERM && lstat(path, &there) == 0)
            diag_hint(d, _("the file there may not be replaced: it is locked against changes (chattr +i), or "
                           "another user's in a shared folder; give the PDF another name (-o)"));
        else
            folder_hint(d, path, saved);
    }
    free(tmp);
    return ok ? 0 : -1;
}

int output_write(const char *path, const unsigned char *buf, size_t len,
                 void (*announce)(const char *tmp), Diags *d)
{
    return write_file(path, buf, len, announce, d, false);
}

int output_write_trace(const char *path, const char *text, size_t len,
                       void (*announce)(const char *tmp), Diags *d)
{
    return write_file(path, (const unsigned char *)text, len, announce, d, true);
}
