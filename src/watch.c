/*
 * watch.c - what `secondround watch` waits on: the notes named on the
 * command line (files, and folders searched as a build searches them),
 * and which of them changed, appeared or went away since last asked.
 *
 * On Linux it sleeps on inotify (every folder of the notes is watched;
 * an event only wakes it up); elsewhere, or when inotify cannot be had, it
 * looks every second (polling).  Either way what changed is found the same
 * way: the notes are listed again and each one's identity, size and times
 * compared with the last list.  A burst of events (an editor writing a
 * temporary file and renaming it over the note) is waited out until the
 * folders have been quiet for a moment, so a save gives one answer.
 */
#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/inotify.h>
#endif

#include "internal.h"

#define QUIET_MS 250      /* a burst is over when this long passes quiet */
#define BURST_MAX_MS 3000 /* ...or when it has lasted this long */
#define POLL_MS 1000      /* how often polling looks */

/* A note as last seen. */
typedef struct {
	dev_t dev;
	ino_t ino;
	off_t size;
	struct timespec mtime, ctime;
} stamp;

/* The notes, sorted by path, with a stamp each. */
typedef struct {
	sr_paths paths;
	stamp *stamps;
} snapshot;

struct sr_watch {
	char **args;
	size_t nargs;
	int fd; /* inotify's, or -1: polling */
	snapshot now;
};

static int
by_path(const void *a, const void *b)
{
	return strcmp(((const sr_path *)a)->path, ((const sr_path *)b)->path);
}

static void
snapshot_free(snapshot *s)
{
	sr_paths_free(&s->paths);
	free(s->stamps);
	s->stamps = NULL;
}

/* Every folder at or below dir (not hidden, not a link) watched. */
static void
watch_tree(int fd, const char *dir, int depth)
{
#ifdef __linux__
	struct dirent *e;
	sr_buf sub = {0};
	DIR *d;

	if (depth > 64 || inotify_add_watch(fd, dir, IN_CLOSE_WRITE |
	    IN_MOVED_TO | IN_MOVED_FROM | IN_CREATE | IN_DELETE |
	    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR) == -1 ||
	    (d = opendir(dir)) == NULL)
		return;
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.' || (e->d_type != DT_DIR &&
		    e->d_type != DT_UNKNOWN))
			continue;
		sub.len = 0;
		sr_buf_printf(&sub, "%s/%s", dir, e->d_name);
		if (!sub.failed)
			watch_tree(fd, sub.data, depth + 1);
	}
	closedir(d);
	sr_buf_free(&sub);
#else
	(void)fd, (void)dir, (void)depth;
#endif
}

/* The notes as they are now (and, with inotify, every folder they are
 * in watched, new ones too).  A named note or folder that is gone has no
 * notes: no error.  -1: out of memory. */
static int
scan(sr_watch *w, snapshot *s)
{
	sr_diags quiet = {0};
	struct stat st;
	char *under, *dir, *slash;
	size_t i;

	memset(s, 0, sizeof(*s));
	for (i = 0; i < w->nargs; i++) {
		if (w->fd != -1 && stat(w->args[i], &st) == 0) {
			if (S_ISDIR(st.st_mode))
				watch_tree(w->fd, w->args[i], 0);
			else if ((dir = strdup(w->args[i])) != NULL) {
				slash = strrchr(dir, '/');
				if (slash != NULL)
					*slash = '\0';
				watch_tree(w->fd, slash != NULL ? (*dir ? dir :
				    "/") : ".", 64);
				free(dir);
			}
		}
		if (sr_notes_root(w->args[i], &under) != 0)
			return -1;
		sr_paths_collect_under(w->args[i], under, &s->paths, &quiet);
		free(under);
		sr_diags_free(&quiet);
	}
	qsort(s->paths.items, s->paths.count, sizeof(*s->paths.items),
	    by_path);
	if ((s->stamps = calloc(s->paths.count + 1, sizeof(*s->stamps))) ==
	    NULL) {
		snapshot_free(s);
		return -1;
	}
	for (i = 0; i < s->paths.count; i++) {
		if (stat(s->paths.items[i].path, &st) == -1)
			continue; /* gone already: seen as changed next time */
		s->stamps[i].dev = st.st_dev;
		s->stamps[i].ino = st.st_ino;
		s->stamps[i].size = st.st_size;
		s->stamps[i].mtime = st.st_mtim;
		s->stamps[i].ctime = st.st_ctim;
	}
	return 0;
}

static bool
same_stamp(const stamp *a, const stamp *b)
{
	return a->dev == b->dev && a->ino == b->ino && a->size == b->size &&
	    a->mtime.tv_sec == b->mtime.tv_sec &&
	    a->mtime.tv_nsec == b->mtime.tv_nsec &&
	    a->ctime.tv_sec == b->ctime.tv_sec &&
	    a->ctime.tv_nsec == b->ctime.tv_nsec;
}

/* Appends a copy of p (its path and its rel in one block). */
static int
add_copy(sr_paths *to, const sr_path *p)
{
	size_t n = strlen(p->path), r = strlen(p->rel);
	sr_path *grown;
	char *block;

	if (to->count == to->cap) {
		size_t cap = to->cap ? 2 * to->cap : 8;

		if ((grown = realloc(to->items, cap * sizeof(*grown))) == NULL)
			return -1;
		to->items = grown;
		to->cap = cap;
	}
	if ((block = malloc(n + 1 + r + 1)) == NULL)
		return -1;
	memcpy(block, p->path, n + 1);
	memcpy(block + n + 1, p->rel, r + 1);
	to->items[to->count].path = block;
	to->items[to->count++].rel = block + n + 1;
	return 0;
}

/* What differs from old to new: notes new or changed into changed,
 * notes gone into removed.  -1: out of memory. */
static int
diff(const snapshot *old, const snapshot *new, sr_paths *changed,
    sr_paths *removed)
{
	size_t i = 0, j = 0;
	int c, rc = 0;

	while (rc == 0 && (i < old->paths.count || j < new->paths.count)) {
		c = i == old->paths.count ? 1 : j == new->paths.count ? -1 :
		    strcmp(old->paths.items[i].path, new->paths.items[j].path);
		if (c < 0)
			rc = add_copy(removed, &old->paths.items[i++]);
		else if (c > 0)
			rc = add_copy(changed, &new->paths.items[j++]);
		else {
			if (!same_stamp(&old->stamps[i], &new->stamps[j]))
				rc = add_copy(changed, &new->paths.items[j]);
			i++, j++;
		}
	}
	return rc;
}

sr_watch *
sr_watch_new(char **args, size_t nargs, bool polling, sr_diags *diags)
{
	sr_watch *w;

	if ((w = calloc(1, sizeof(*w))) == NULL)
		goto oom;
	w->args = args;
	w->nargs = nargs;
	w->fd = -1;
#ifdef __linux__
	if (!polling && (w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC)) ==
	    -1)
		sr_diags_add(diags, SR_WARNING, NULL, 0, 0, "inotify is not "
		    "available (%s): looking for changes every second instead",
		    strerror(errno));
#else
	(void)polling;
#endif
	if (scan(w, &w->now) != 0)
		goto oom;
	return w;
oom:
	sr_diags_add(diags, SR_ERROR, NULL, 0, 0, "out of memory");
	sr_watch_free(w);
	return NULL;
}

const sr_paths *
sr_watch_notes(const sr_watch *w)
{
	return &w->now.paths;
}

bool
sr_watch_polling(const sr_watch *w)
{
	return w->fd == -1;
}

static long
ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (long)(t.tv_sec - t0->tv_sec) * 1000 +
	    (t.tv_nsec - t0->tv_nsec) / 1000000;
}

/* Reads every pending inotify event (what they say is found by the
 * scan); true when there was one. */
static bool
drain(int fd)
{
	char buf[4096];
	bool any = false;

	while (read(fd, buf, sizeof(buf)) > 0)
		any = true;
	return any;
}

/* Whether two snapshots list the same notes with the same stamps. */
static bool
same_snapshot(const snapshot *a, const snapshot *b)
{
	size_t i;

	if (a->stamps == NULL || a->paths.count != b->paths.count)
		return false;
	for (i = 0; i < a->paths.count; i++)
		if (strcmp(a->paths.items[i].path, b->paths.items[i].path) != 0 ||
		    !same_stamp(&a->stamps[i], &b->stamps[i]))
			return false;
	return true;
}

/* The notes once they have settled: with inotify, after an event and a
 * quiet moment (or a burst's longest wait); polling, when two looks a
 * second apart agree.  1 with next filled, 0 when stopped, -1 on error
 * (errno set). */
static int
settle(sr_watch *w, snapshot *next, snapshot *prev,
    volatile sig_atomic_t *stop)
{
	struct pollfd p = {.fd = w->fd, .events = POLLIN};
	struct timespec first = {0, 0};
	bool pending = false;
	int n;

	for (;;) {
		if (*stop)
			return 0;
		if (w->fd == -1) {
			if (poll(NULL, 0, POLL_MS) == -1 && errno != EINTR)
				return -1;
			if (*stop)
				return 0;
			if (scan(w, next) != 0)
				return -1;
			if (same_snapshot(prev, next))
				return 1;
			snapshot_free(prev);
			*prev = *next;
			memset(next, 0, sizeof(*next));
			continue;
		}
		n = poll(&p, 1, pending ? QUIET_MS : -1);
		if (n == -1 && errno != EINTR)
			return -1;
		if (n == -1)
			continue; /* a signal: *stop says whether to end */
		if (n > 0 && drain(w->fd)) {
			if (!pending)
				clock_gettime(CLOCK_MONOTONIC, &first);
			pending = true;
			if (ms_since(&first) < BURST_MAX_MS)
				continue;
		}
		if (pending)
			return scan(w, next) == 0 ? 1 : -1;
	}
}

int
sr_watch_wait(sr_watch *w, sr_paths *changed, sr_paths *removed,
    volatile sig_atomic_t *stop, sr_diags *diags)
{
	snapshot next = {0}, prev = {0};
	int rc;

	memset(changed, 0, sizeof(*changed));
	memset(removed, 0, sizeof(*removed));
	for (;;) {
		if ((rc = settle(w, &next, &prev, stop)) != 1)
			break;
		if (diff(&w->now, &next, changed, removed) != 0) {
			errno = ENOMEM;
			rc = -1;
			break;
		}
		if (changed->count > 0 || removed->count > 0) {
			snapshot_free(&w->now);
			w->now = next;
			snapshot_free(&prev);
			return 1;
		}
		/* nothing that matters (a file that is not a note): on */
		snapshot_free(&prev);
		prev = next;
		memset(&next, 0, sizeof(next));
	}
	if (rc == -1)
		sr_diags_add(diags, SR_ERROR, NULL, 0, 0, "cannot watch the "
		    "notes: %s", strerror(errno));
	snapshot_free(&next);
	snapshot_free(&prev);
	sr_paths_free(changed);
	sr_paths_free(removed);
	return rc;
}

void
sr_watch_free(sr_watch *w)
{
	if (w == NULL)
		return;
	if (w->fd != -1)
		close(w->fd);
	snapshot_free(&w->now);
	free(w);
}
