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
 *
 * An item a worker can answer at once, running nothing that may hang (a
 * note whose drafts are up to date: sr_jobs_run_quick), gets no watchdog,
 * and its answer waits in the worker with the next ones, to go through the
 * pipe in one write (before the worker starts on any other item: the
 * parent must not wait behind a long one for them); the parent reads what
 * a pipe holds at once, not an answer at a time.  A rebuild with nothing
 * to do then costs the pipe a few system calls, not four a note.
 */
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
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

/* What the parent has read from a worker's pipe and not yet taken:
 * data[at..end). */
typedef struct {
	char *data;
	size_t at, end, cap;
} inbox;

/* Reads from fd until box holds n bytes from its start on, taking what
 * the pipe has (many answers at once); true when it does, false when the
 * pipe ends first, fails, or n bytes do not fit in memory. */
static bool
fill(inbox *box, int fd, size_t n)
{
	ssize_t got;
	size_t cap;
	char *grown;

	while (box->end - box->at < n) {
		if (box->at > 0) { /* what was taken makes room */
			memmove(box->data, box->data + box->at,
			    box->end - box->at);
			box->end -= box->at;
			box->at = 0;
		}
		if (box->cap < n || box->cap - box->end < 4096) {
			cap = box->cap < 65536 ? 65536 : box->cap;
			while (cap < n || cap - box->end < 4096)
				if ((cap *= 2) > SIZE_MAX / 4)
					return false;
			if ((grown = realloc(box->data, cap)) == NULL)
				return false;
			box->data = grown;
			box->cap = cap;
		}
		got = read(fd, box->data + box->end, box->cap - box->end);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			return false;
		box->end += (size_t)got;
	}
	return true;
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
	sr_jobs_quick_fn *quick; /* NULL: none */
	sr_jobs_work_fn *work;
	void *arg;
	pid_t parent;
	pid_t *pids;         /* by slot; 0: none running */
	int *fds;            /* the read end of each slot's pipe; -1: none */
} crew;

/* Writes what waits in out to the pipe; false on error. */
static bool
send_all(int fd, sr_pack *out)
{
	bool ok = out->len == 0 || sr_write_all(fd, out->data, out->len);

	out->len = 0;
	return ok;
}

/* A worker's loop over items first, first + workers ...; returns its exit
 * status.  Each item has the watchdog's budget (the quick look and, when
 * it is not enough, the work), and its answer goes out as its length,
 * then its bytes, as soon as it is made: a worker that dies has sent
 * every answer before the item it died on, so the parent blames that item
 * and no other, and the alarm is never set while the worker waits on its
 * pipe. */
static int
worker(const crew *c, size_t first, int fd)
{
	sr_pack msg = {0}, out = {0};
	uint64_t len;
	size_t i;
	int rc = 0;

	for (i = first; i < c->n && rc == 0; i += c->workers) {
		msg.len = 0;
		msg.failed = false;
		alarm(c->seconds);
		if (c->quick == NULL || !c->quick(c->arg, i, &msg)) {
			msg.len = 0;
			msg.failed = false;
			c->work(c->arg, i, &msg);
		}
		alarm(0);
		if (msg.failed) {
			rc = 3;
			break;
		}
		len = msg.len;
		sr_pack_raw(&out, &len, sizeof(len));
		sr_pack_raw(&out, msg.data, msg.len);
		if (out.failed)
			rc = 3;
		else if (!send_all(fd, &out))
			rc = 4;
		out.len = 0;
	}
	sr_pack_free(&msg);
	sr_pack_free(&out);
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
	return sr_jobs_run_quick(n, workers, seconds, NULL, work, take, arg);
}

int
sr_jobs_run_quick(size_t n, unsigned workers, unsigned seconds,
    sr_jobs_quick_fn *quick, sr_jobs_work_fn *work, sr_jobs_take_fn *take,
    void *arg)
{
	crew c = {n, workers, seconds, quick, work, arg, getpid(), NULL, NULL};
	bool stop = false, answered;
	sr_jobs_loss why;
	inbox *boxes = NULL, *box;
	size_t i;
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
	boxes = calloc(workers, sizeof(*boxes));
	if (c.pids == NULL || c.fds == NULL || boxes == NULL) {
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
		box = &boxes[w];
		answered = c.fds[w] >= 0 && fill(box, c.fds[w], sizeof(len));
		if (answered) {
			memcpy(&len, box->data + box->at, sizeof(len));
			answered = len < SIZE_MAX / 2 && fill(box, c.fds[w],
			    sizeof(len) + (size_t)len);
		}
		if (answered) {
			stop = take(arg, i, box->data + box->at + sizeof(len),
			    (size_t)len, SR_JOBS_DIED) != 0;
			box->at += sizeof(len) + (size_t)len;
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
		box->at = box->end = 0; /* what is left of its pipe is lost */
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
	for (w = 0; boxes != NULL && w < workers; w++)
		free(boxes[w].data);
	free(boxes);
	free(c.pids);
	free(c.fds);
	return rc;
}
