/*
 * jobs.c - a batch in worker processes (`-j N`), and the messages they send
 * back.  Worker k of N, forked once the batch is set up (so it holds its
 * own copy of the Lua state), does items k, k + N, k + 2N ... in order and
 * writes each answer to its own pipe; the parent takes answer i from
 * worker i mod N, so it sees the answers in the order of the items and
 * does what must happen once (writing files, the manifest, printing) just
 * as a single process would.  Only the parent reads, so no pipe can
 * deadlock: a worker ahead of the parent waits on a full pipe.
 *
 * The watchdog: a worker sets an alarm before each item, and dies of it
 * if the item is not done in time (a filter stuck in a C function, a
 * pattern match, which no Lua hook can stop).  When a worker dies, its
 * item fails, and the rest of its items go to a new worker forked in its
 * place.  With -j 1 there is one worker, so that the watchdog is there too.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#ifdef __linux__
#include <sys/prctl.h>
#endif

#include "internal.h"

#define SR_NULL_STR UINT64_MAX

/* ---- messages ------------------------------------------------------------ */

void
sr_pack_u64(sr_pack *p, uint64_t v)
{
	sr_buf_put(p, (const char *)&v, sizeof(v));
}

void
sr_pack_raw(sr_pack *p, const void *data, size_t len)
{
	if (len > 0)
		sr_buf_put(p, data, len);
}

void
sr_pack_str(sr_pack *p, const char *s)
{
	size_t n;

	if (s == NULL) {
		sr_pack_u64(p, SR_NULL_STR);
		return;
	}
	n = strlen(s);
	sr_pack_u64(p, n);
	sr_buf_put(p, s, n + 1); /* with its NUL: read back in place */
}

void
sr_pack_diags(sr_pack *p, const sr_diags *d)
{
	size_t i;

	sr_pack_u64(p, d->count);
	sr_pack_u64(p, d->errors);
	sr_pack_u64(p, d->warnings);
	for (i = 0; i < d->count; i++) {
		sr_pack_u64(p, (uint64_t)d->items[i].severity);
		sr_pack_str(p, d->items[i].path);
		sr_pack_u64(p, (uint64_t)(int64_t)d->items[i].line);
		sr_pack_u64(p, (uint64_t)(int64_t)d->items[i].col);
		sr_pack_str(p, d->items[i].message);
	}
}

void
sr_pack_free(sr_pack *p)
{
	sr_buf_free(p);
}

uint64_t
sr_unpack_u64(sr_unpack *u)
{
	uint64_t v;

	if (u->bad || (size_t)(u->end - u->p) < sizeof(v)) {
		u->bad = true;
		return 0;
	}
	memcpy(&v, u->p, sizeof(v));
	u->p += sizeof(v);
	return v;
}

const char *
sr_unpack_str(sr_unpack *u)
{
	uint64_t n = sr_unpack_u64(u);
	const char *s;

	if (u->bad || n == SR_NULL_STR)
		return NULL;
	if ((uint64_t)(u->end - u->p) < n + 1 || u->p[n] != '\0') {
		u->bad = true;
		return NULL;
	}
	s = u->p;
	u->p += n + 1;
	return s;
}

void
sr_unpack_diags(sr_unpack *u, sr_diags *d)
{
	uint64_t n = sr_unpack_u64(u), errors, warnings, i;
	size_t had_errors = d->errors, had_warnings = d->warnings;

	errors = sr_unpack_u64(u);
	warnings = sr_unpack_u64(u);
	for (i = 0; i < n && !u->bad; i++) {
		sr_severity sev = (sr_severity)sr_unpack_u64(u);
		const char *path = sr_unpack_str(u);
		int line = (int)(int64_t)sr_unpack_u64(u);
		int col = (int)(int64_t)sr_unpack_u64(u);
		const char *msg = sr_unpack_str(u);

		if (!u->bad)
			sr_diags_add(d, sev, path, line, col, "%s",
			    msg != NULL ? msg : "");
	}
	/* the counts as sent: they include messages the worker dropped for
	 * want of memory */
	if (!u->bad) {
		d->errors = had_errors + (size_t)errors;
		d->warnings = had_warnings + (size_t)warnings;
	}
}

/* ---- workers --------------------------------------------------------- */

/* 1: read all; 0: end of file before any byte; -1: error or short. */
static int
read_all(int fd, void *data, size_t len)
{
	char *p = data;
	size_t got = 0;
	ssize_t n;

	while (got < len) {
		if ((n = read(fd, p + got, len - got)) < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		if (n == 0)
			return got == 0 ? 0 : -1;
		got += (size_t)n;
	}
	return 1;
}

/* The workers of the sr_jobs_run under way, for sr_jobs_interrupt: the
 * array is set before the count is raised, and the count dropped before
 * any of them is waited for (a pid waited for may be reused); a slot
 * whose worker is being replaced holds 0. */
static pid_t *volatile running_pids;
static volatile sig_atomic_t running_count;

void
sr_jobs_interrupt(void)
{
	sig_atomic_t i, n = running_count;
	pid_t *pids = running_pids;

	for (i = 0; i < n && pids != NULL; i++)
		if (pids[i] > 0)
			kill(pids[i], SIGTERM);
}

/* A batch's workers, as the parent sees them. */
typedef struct {
	size_t n;            /* items */
	unsigned workers;
	unsigned seconds;    /* an item's time, for the watchdog; 0: none */
	sr_jobs_work_fn *work;
	void *arg;
	pid_t parent;
	pid_t *pids;         /* by slot; 0: none running */
	int *fds;            /* the read end of each slot's pipe; -1: none */
} crew;

/* A worker's loop over items first, first + workers ...; returns its exit
 * status. */
static int
worker(const crew *c, size_t first, int fd)
{
	sr_pack msg = {0};
	uint64_t len;
	size_t i;
	int rc = 0;

	for (i = first; i < c->n && rc == 0; i += c->workers) {
		msg.len = 0;
		msg.failed = false;
		alarm(c->seconds);
		c->work(c->arg, i, &msg);
		alarm(0);
		len = msg.len;
		if (msg.failed)
			rc = 3;
		else if (!sr_write_all(fd, &len, sizeof(len)) ||
		    !sr_write_all(fd, msg.data, msg.len))
			rc = 4;
	}
	sr_pack_free(&msg);
	close(fd);
	return rc;
}

/* Forks the worker of slot w, to do items first, first + workers ...;
 * returns 0, or -1 (errno set) when it cannot. */
static int
spawn(crew *c, unsigned w, size_t first)
{
	int fd[2];
	pid_t pid;

	if (pipe(fd) != 0)
		return -1;
	/* what the parent has buffered must not be printed by each child */
	fflush(NULL);
	if ((pid = fork()) < 0) {
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		/* the parent says when to stop (and a terminal's Ctrl-C stops
		 * a worker at once); what the parent ignores (nohup) the
		 * worker ignores too, but never the watchdog's alarm */
		int sig[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
		struct sigaction old;
		unsigned o;
		size_t k;

		close(fd[0]);
		for (o = 0; o < c->workers; o++)
			if (c->fds[o] >= 0)
				close(c->fds[o]);
		for (k = 0; k < sizeof(sig) / sizeof(sig[0]); k++)
			if (sigaction(sig[k], NULL, &old) != 0 ||
			    old.sa_handler != SIG_IGN)
				signal(sig[k], SIG_DFL);
		signal(SIGALRM, SIG_DFL);
#ifdef __linux__
		/* a parent killed outright takes its workers along, not
		 * left running a filter until its budget ends */
		prctl(PR_SET_PDEATHSIG, SIGKILL);
		if (getppid() != c->parent)
			_exit(5);
#endif
		/* _exit: the parent's atexit handlers and stdio buffers are
		 * the parent's */
		_exit(worker(c, first, fd[1]));
	}
	close(fd[1]);
	c->fds[w] = fd[0];
	c->pids[w] = pid;
	return 0;
}

/* Waits for the worker of slot w, which has ended or been told to, and
 * says why it ended without an answer. */
static sr_jobs_loss
reap(crew *c, unsigned w)
{
	int status = 0;
	pid_t pid = c->pids[w];

	if (c->fds[w] >= 0)
		close(c->fds[w]);
	c->fds[w] = -1;
	c->pids[w] = 0;
	if (pid <= 0)
		return SR_JOBS_DIED;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return WIFSIGNALED(status) && WTERMSIG(status) == SIGALRM ?
	    SR_JOBS_TIMEOUT : SR_JOBS_DIED;
}

/* The items in this process, one after another: no watchdog. */
static void
run_here(size_t n, sr_jobs_work_fn *work, sr_jobs_take_fn *take, void *arg)
{
	sr_pack msg = {0};
	size_t i;

	for (i = 0; i < n; i++) {
		msg.len = 0;
		msg.failed = false;
		work(arg, i, &msg);
		if (take(arg, i, msg.failed ? NULL : msg.data, msg.len,
		    SR_JOBS_DIED) != 0)
			break;
	}
	sr_pack_free(&msg);
}

int
sr_jobs_run(size_t n, unsigned workers, unsigned seconds,
    sr_jobs_work_fn *work, sr_jobs_take_fn *take, void *arg)
{
	crew c = {n, workers, seconds, work, arg, getpid(), NULL, NULL};
	bool stop = false, answered;
	sr_jobs_loss why;
	char *blob = NULL;
	size_t cap = 0, i;
	unsigned w, started = 0;
	uint64_t len;
	int rc = 0;

	if (workers == 0) {
		run_here(n, work, take, arg);
		return 0;
	}
	if (n == 0)
		return 0;
	if (workers > n)
		c.workers = workers = (unsigned)n;
	c.pids = calloc(workers, sizeof(*c.pids));
	c.fds = malloc(workers * sizeof(*c.fds));
	if (c.pids == NULL || c.fds == NULL) {
		rc = -1;
		goto out;
	}
	for (w = 0; w < workers; w++)
		c.fds[w] = -1;
	running_pids = c.pids;
	for (w = 0; w < workers; w++) {
		if (spawn(&c, w, w) != 0) {
			rc = -1;
			break;
		}
		running_count = (sig_atomic_t)++started;
	}
	if (rc != 0)
		goto out;
	for (i = 0; i < n && !stop; i++) {
		w = (unsigned)(i % workers);
		answered = false;
		if (c.fds[w] >= 0 && read_all(c.fds[w], &len, sizeof(len)) == 1 &&
		    len < SIZE_MAX / 2) {
			if (len + 1 > cap) {
				char *grown = realloc(blob, (size_t)len + 1);

				if (grown != NULL) {
					blob = grown;
					cap = (size_t)len + 1;
				}
			}
			answered = len + 1 <= cap && (len == 0 ||
			    read_all(c.fds[w], blob, (size_t)len) == 1);
		}
		if (answered) {
			stop = take(arg, i, blob, (size_t)len, SR_JOBS_DIED) != 0;
			continue;
		}
		/* the worker died (or sent nonsense, or its answer did not
		 * fit in memory): this item is lost, and said so; the rest of
		 * its items go to a new worker */
		if (c.fds[w] >= 0) {
			kill(c.pids[w], SIGKILL);
			why = reap(&c, w);
		} else
			why = SR_JOBS_DIED;
		stop = take(arg, i, NULL, 0, why) != 0;
		if (!stop && i + workers < n)
			spawn(&c, w, i + workers);
	}
out:
	running_count = 0;
	for (w = 0; w < started; w++) {
		if ((stop || rc != 0) && c.pids[w] > 0)
			kill(c.pids[w], SIGTERM);
		reap(&c, w);
	}
	free(blob);
	free(c.pids);
	free(c.fds);
	return rc;
}
