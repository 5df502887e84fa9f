/*
 * manifest.c - what produced each output file, kept in the output folder as
 * `.secondround-manifest`: one line per file with the note it came from, a
 * hash of what went into it (the note, the filters, the options, the
 * program's version) and a hash of what was written.  A rebuild skips a
 * note whose inputs hash the same and whose outputs are still there, and
 * never overwrites a draft whose hash says it was edited by hand.
 *
 * The file is sorted and holds no times, so it is the same on every
 * machine and `git diff drafts/` shows only real changes.
 *
 * A build holds the manifest without holding it in memory, so that what it
 * needs does not grow with the batch.  At load the file is copied into a
 * temporary file as one run of records sorted by output, and only one key
 * every few KiB of it stays in memory.  This build's changes go to a
 * buffer of fixed size; when it is full it is sorted and appended to the
 * temporary file as a new run, and runs of like size are merged, so there
 * are only a few.  A Bloom filter says which outputs may be in those runs.
 * A lookup reads one block of each run it needs, through a small cache;
 * saving merges the runs and the buffer into the new manifest, a piece at
 * a time.  When the temporary file cannot be made or written (no such
 * folder, a full disk), the buffer just grows: the manifest is then held in
 * memory, as it would be without all this, and the caller is warned once.
 */
#define _GNU_SOURCE /* fallocate, to give back what merged runs took */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

#define MANIFEST_NAME ".secondround-manifest"
#define MANIFEST_HEAD "# secondround manifest 1: output, note, input hash, " \
    "output hash\n"

#define BLOCK 4096              /* bytes of a run between two indexed keys */
#define MEM_LIMIT (256 * 1024)  /* the buffer of changes, in bytes */
#define MEM_SLOTS 8192          /* its indexes' size (records: half that) */
#define CACHE_SLOTS 16          /* blocks kept in memory */
#define READ_SIZE (4 * 1024)    /* a sequential reader's buffer */
#define WRITE_SIZE (64 * 1024)  /* a run writer's */
#define SAVE_SIZE (8 * 1024)    /* the manifest's text, written a piece at
                                   a time */
#define BLOOM_BITS (1u << 20)   /* 128 KiB */
#define BLOOM_K 6

uint64_t
sr_hash(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

static uint64_t
hash_str(const char *s)
{
	return sr_hash(SR_HASH_INIT, s, strlen(s));
}

/*
 * A record, in the buffer and in the temporary file: this header, then the
 * output, the note and made_by, each ending with a NUL, padded to 8 bytes.
 * A record says what an output is after a change: present, or removed.
 */
typedef struct {
	uint32_t size; /* of the whole record */
	uint32_t olen, nlen, mlen;
	uint64_t in, out;
	uint32_t present;
	uint32_t pad;
} rec_head;

typedef struct {
	const char *output, *note, *made_by; /* made_by NULL when none */
	uint64_t in, out;
	bool present;
	size_t size;
} rec;

/* A sorted run of records in the temporary file, with the output of the
 * first record of each block. */
typedef struct {
	uint64_t off;
	size_t key; /* in keys */
} mark;

typedef struct {
	uint64_t start, end;
	mark *marks;
	size_t nmarks, cap;
	sr_buf keys;
} run;

typedef struct {
	uint64_t off; /* 0 with len 0: empty */
	size_t len;
	char *data;
	size_t cap;
} slot;

/* An entry returned to the caller, with its own copy of the names. */
typedef struct {
	sr_manifest_entry e;
	sr_buf names;
} held;

struct sr_manifest_store {
	int fd;        /* the temporary file */
	char *tmpdir;  /* its folder */
	uint64_t fend; /* its end */
	bool failed;   /* out of memory, or a read failed: nothing is trusted */
	bool in_memory; /* the file cannot be written: the buffer grows */
	bool warn;     /* ... and the caller has not been told */
	run base;      /* the manifest as loaded */
	run *runs;     /* this build's changes, oldest first */
	size_t nruns;
	unsigned char *bloom; /* the outputs in runs */
	/* the newest changes: records, their offsets, and two indexes
	 * (by output: the latest record; by note: a chain of records) */
	sr_buf mem;
	uint32_t *recs, *next_of_note;
	size_t nrecs, caprecs;
	uint32_t *by_output, *by_note; /* index + 1 */
	uint32_t slots;                /* of each index: more than 2 nrecs */
	slot cache[CACHE_SLOTS];
	unsigned clock;
	held found, scratch;     /* sr_manifest_find's; set's and remove's */
	char why[400];           /* why it went to memory; "" when it did not */
	char err[400];           /* what failed first; "" when nothing */
	held *res;               /* sr_manifest_outputs' */
	size_t nres, capres;
	/* its last answer, for which note and prefix, and whether anything
	 * changed since (a note is asked for twice in a row: is it up to
	 * date, then claim its outputs) */
	sr_buf memo_key;
	bool memo_valid;
	sr_buf cand;             /* its candidate names */
};

/* Says what failed (with errno) in the temporary folder into text, unless
 * something was said there already. */
static void
tell(sr_manifest_store *st, char *text, size_t size, const char *what,
    int err)
{
	if (text[0] != '\0')
		return;
	snprintf(text, size, "%s %.200s: %s", what, st->tmpdir != NULL ?
	    st->tmpdir : "/tmp", strerror(err));
}

/* Notes a failure after which nothing read from the store is trusted:
 * out of memory when what is NULL, else a read of the temporary file. */
static void
fail(sr_manifest_store *st, const char *what)
{
	int err = errno;

	st->failed = true;
	if (what == NULL) {
		if (st->err[0] == '\0')
			snprintf(st->err, sizeof(st->err), "out of memory");
		return;
	}
	tell(st, st->err, sizeof(st->err), what, err);
}

/* The temporary file cannot be made or written: from now on the changes
 * stay in the buffer, which grows.  Nothing is lost. */
static void
to_memory(sr_manifest_store *st, const char *what, int err)
{
	tell(st, st->why, sizeof(st->why), what, err);
	if (!st->in_memory)
		st->warn = true;
	st->in_memory = true;
}

static bool
parse_rec(const char *p, size_t avail, rec *r)
{
	rec_head h;

	if (avail < sizeof(h))
		return false;
	memcpy(&h, p, sizeof(h));
	if (h.size > avail || h.size < sizeof(h) || (uint64_t)sizeof(h) +
	    h.olen + h.nlen + h.mlen + 3 > h.size)
		return false;
	r->output = p + sizeof(h);
	r->note = r->output + h.olen + 1;
	r->made_by = h.mlen ? r->note + h.nlen + 1 : NULL;
	if (r->output[h.olen] != '\0' || r->note[h.nlen] != '\0' ||
	    r->note[h.nlen + 1 + h.mlen] != '\0')
		return false;
	r->in = h.in;
	r->out = h.out;
	r->present = h.present != 0;
	r->size = h.size;
	return true;
}

/* Reads the size of the record at p, which must hold its header. */
static size_t
rec_size(const char *p)
{
	rec_head h;

	memcpy(&h, p, sizeof(h));
	return h.size;
}

/* The bytes a record takes. */
static size_t
rec_bytes(const rec *r)
{
	size_t len = sizeof(rec_head) + strlen(r->output) + strlen(r->note) +
	    (r->made_by ? strlen(r->made_by) : 0) + 3;

	return (len + 7) & ~(size_t)7;
}

static void
put_rec(sr_buf *b, const rec *r)
{
	static const char zeros[8];
	rec_head h = {0};
	size_t len;

	h.olen = (uint32_t)strlen(r->output);
	h.nlen = (uint32_t)strlen(r->note);
	h.mlen = r->made_by ? (uint32_t)strlen(r->made_by) : 0;
	len = sizeof(h) + h.olen + h.nlen + h.mlen + 3;
	h.size = (uint32_t)((len + 7) & ~(size_t)7);
	h.in = r->in;
	h.out = r->out;
	h.present = r->present;
	sr_buf_put(b, (const char *)&h, sizeof(h));
	sr_buf_put(b, r->output, h.olen + 1);
	sr_buf_put(b, r->note, h.nlen + 1);
	sr_buf_put(b, r->made_by ? r->made_by : "", h.mlen + 1);
	sr_buf_put(b, zeros, h.size - len);
}

/* Copies r into h; the entry's names point into h. */
static bool
hold(held *h, const rec *r)
{
	size_t o, n;

	h->names.len = 0;
	sr_buf_put(&h->names, r->output, strlen(r->output) + 1);
	n = h->names.len;
	sr_buf_put(&h->names, r->note, strlen(r->note) + 1);
	o = h->names.len;
	if (r->made_by != NULL)
		sr_buf_put(&h->names, r->made_by, strlen(r->made_by) + 1);
	if (h->names.failed)
		return false;
	h->e.output = h->names.data;
	h->e.note = h->names.data + n;
	h->e.made_by = r->made_by != NULL ? h->names.data + o : NULL;
	h->e.input_hash = r->in;
	h->e.output_hash = r->out;
	return true;
}

/* ---- the temporary file -------------------------------------------- */

static bool
open_tmp(sr_manifest_store *st)
{
	const char *dir = getenv("TMPDIR");
	char path[4200];

	if (st->fd != -1)
		return true;
	if (st->in_memory)
		return false;
	if (dir == NULL || *dir == '\0' || strlen(dir) > 4000)
		dir = "/tmp";
	if (st->tmpdir == NULL && (st->tmpdir = strdup(dir)) == NULL) {
		fail(st, NULL);
		return false;
	}
	snprintf(path, sizeof(path), "%s/secondround-XXXXXX", dir);
	if ((st->fd = mkstemp(path)) == -1) {
		to_memory(st, "cannot make a temporary file in", errno);
		return false;
	}
	fcntl(st->fd, F_SETFD, FD_CLOEXEC);
	unlink(path); /* gone when the program ends, however it ends */
	return true;
}

/* pwrite or pread all of len bytes at off; false on an error (or, for a
 * read, the end of the file). */
static bool
pio_all(int fd, char *p, size_t len, uint64_t off, bool writing)
{
	ssize_t n;

	while (len > 0) {
		n = writing ? pwrite(fd, p, len, (off_t)off) :
		    pread(fd, p, len, (off_t)off);
		if (n <= 0) {
			if (n == -1 && errno == EINTR)
				continue;
			return false;
		}
		p += n;
		len -= (size_t)n;
		off += (uint64_t)n;
	}
	return true;
}

static bool
reserve(char **data, size_t *cap, size_t need)
{
	char *p;

	if (need <= *cap)
		return true;
	if ((p = realloc(*data, need)) == NULL)
		return false;
	*data = p;
	*cap = need;
	return true;
}

/* ---- writing a run -------------------------------------------------- */

typedef struct {
	sr_manifest_store *st;
	run *r;
	sr_buf b;
	uint64_t pos, marked;
} run_writer;

static void
writer_begin(run_writer *w, sr_manifest_store *st, run *r)
{
	memset(r, 0, sizeof(*r));
	memset(w, 0, sizeof(*w));
	w->st = st;
	w->r = r;
	r->start = r->end = w->pos = st->fend;
}

static bool
writer_flush(run_writer *w)
{
	if (w->b.failed) {
		fail(w->st, NULL);
		return false;
	}
	if (!open_tmp(w->st))
		return false;
	if (!pio_all(w->st->fd, w->b.data, w->b.len, w->pos - w->b.len,
	    true)) {
		to_memory(w->st, "cannot write the temporary file in", errno);
		return false;
	}
	w->b.len = 0;
	return true;
}

static bool
writer_put(run_writer *w, const rec *x)
{
	run *r = w->r;
	size_t before;

	if (r->nmarks == 0 || w->pos - w->marked >= BLOCK) {
		if (r->nmarks == r->cap) {
			size_t cap = r->cap ? r->cap * 2 : 16;
			mark *p = realloc(r->marks, cap * sizeof(*p));

			if (p == NULL) {
				fail(w->st, NULL);
				return false;
			}
			r->marks = p;
			r->cap = cap;
		}
		r->marks[r->nmarks].off = w->pos;
		r->marks[r->nmarks++].key = r->keys.len;
		sr_buf_put(&r->keys, x->output, strlen(x->output) + 1);
		w->marked = w->pos;
	}
	/* the buffer keeps one size: written out before it would grow */
	if (w->b.len > 0 && w->b.len + rec_bytes(x) >= WRITE_SIZE &&
	    !writer_flush(w))
		return false;
	if (w->b.cap == 0 && !sr_buf_reserve(&w->b, WRITE_SIZE - 1)) {
		fail(w->st, NULL);
		return false;
	}
	before = w->b.len;
	put_rec(&w->b, x);
	if (w->b.failed) {
		fail(w->st, NULL);
		return false;
	}
	w->pos += w->b.len - before;
	return true;
}

static bool
writer_end(run_writer *w)
{
	bool ok = w->b.len == 0 || writer_flush(w);

	sr_buf_free(&w->b);
	w->r->end = w->pos;
	w->st->fend = w->pos;
	if (w->r->keys.failed) {
		fail(w->st, NULL);
		ok = false;
	}
	return ok;
}

static void
run_free(run *r)
{
	free(r->marks);
	sr_buf_free(&r->keys);
	memset(r, 0, sizeof(*r));
}

/* ---- reading a run: one record after another ------------------------ */

typedef struct sort_item {
	const char *key;
	uint32_t i;
} sort_item;

static sort_item *mem_sorted(sr_manifest_store *st, size_t *n);

typedef struct {
	sr_manifest_store *st;
	uint64_t pos, end; /* what is left to read from the file */
	char *buf;
	size_t cap, at, have;
	rec cur;
	bool ok; /* cur is a record */
	/* or the buffer's records, sorted (see mem_sorted) */
	bool from_mem;
	struct sort_item *items;
	size_t nitems, next;
} run_reader;

static void
reader_open(run_reader *rd, sr_manifest_store *st, uint64_t start,
    uint64_t end)
{
	memset(rd, 0, sizeof(*rd));
	rd->st = st;
	rd->pos = start;
	rd->end = end;
}

/* Makes need bytes from rd->at available; false at the end. */
static bool
reader_fill(run_reader *rd, size_t need)
{
	size_t n;

	if (rd->have - rd->at >= need)
		return true;
	if (rd->at > 0)
		memmove(rd->buf, rd->buf + rd->at, rd->have - rd->at);
	rd->have -= rd->at;
	rd->at = 0;
	if (!reserve(&rd->buf, &rd->cap, need > READ_SIZE ? need : READ_SIZE))
		goto fail;
	n = rd->cap - rd->have;
	if (n > rd->end - rd->pos)
		n = (size_t)(rd->end - rd->pos);
	if (n > 0 && !pio_all(rd->st->fd, rd->buf + rd->have, n, rd->pos,
	    false))
		goto fail;
	rd->have += n;
	rd->pos += n;
	if (rd->have >= need)
		return true;
	if (rd->have != 0)
		goto fail; /* a record cut short */
	return false;
fail:
	fail(rd->st, "cannot read the temporary file in");
	return false;
}

static rec mem_rec(const sr_manifest_store *st, uint32_t i);

static bool
reader_next(run_reader *rd)
{
	if (rd->from_mem) {
		rd->ok = rd->next < rd->nitems;
		if (rd->ok)
			rd->cur = mem_rec(rd->st, rd->items[rd->next++].i);
		return rd->ok;
	}
	rd->at += rd->ok ? rd->cur.size : 0;
	rd->ok = false;
	if (!reader_fill(rd, sizeof(rec_head)) ||
	    !reader_fill(rd, rec_size(rd->buf + rd->at)))
		return false;
	if (!parse_rec(rd->buf + rd->at, rd->have - rd->at, &rd->cur)) {
		fail(rd->st, "cannot read the temporary file in");
		return false;
	}
	rd->ok = true;
	return true;
}

static void
reader_close(run_reader *rd)
{
	free(rd->buf);
	free(rd->items);
	rd->buf = NULL;
	rd->items = NULL;
}

/*
 * Merging runs, oldest first: records come out sorted by output, one per
 * output, the newest run's.  The record returned stays valid until the
 * next call.
 */
typedef struct {
	run_reader *rd;
	size_t n;
	size_t pending; /* the reader to move on at the next call, + 1 */
} merger;

static bool
merger_open(merger *mg, sr_manifest_store *st, run **runs, size_t n,
    bool with_mem)
{
	size_t i;

	mg->n = 0;
	mg->pending = 0;
	if ((mg->rd = calloc(n + 1, sizeof(*mg->rd))) == NULL) {
		fail(st, NULL);
		return false;
	}
	mg->n = n + with_mem;
	for (i = 0; i < n; i++) {
		reader_open(&mg->rd[i], st, runs[i]->start, runs[i]->end);
		reader_next(&mg->rd[i]);
	}
	if (with_mem) {
		reader_open(&mg->rd[n], st, 0, 0);
		mg->rd[n].from_mem = true;
		mg->rd[n].items = mem_sorted(st, &mg->rd[n].nitems);
		reader_next(&mg->rd[n]);
	}
	return !st->failed;
}

static const rec *
merger_next(merger *mg)
{
	size_t i, win = 0;

	if (mg->pending != 0)
		reader_next(&mg->rd[mg->pending - 1]);
	mg->pending = 0;
	for (i = 0; i < mg->n; i++) {
		if (!mg->rd[i].ok)
			continue;
		/* ties go to the newer run */
		if (win == 0 || strcmp(mg->rd[i].cur.output,
		    mg->rd[win - 1].cur.output) <= 0)
			win = i + 1;
	}
	if (win == 0)
		return NULL;
	/* the older records of the same output are passed over */
	for (i = 0; i + 1 < win; i++)
		if (mg->rd[i].ok && strcmp(mg->rd[i].cur.output,
		    mg->rd[win - 1].cur.output) == 0)
			reader_next(&mg->rd[i]);
	mg->pending = win;
	return &mg->rd[win - 1].cur;
}

static void
merger_close(merger *mg)
{
	size_t i;

	for (i = 0; i < mg->n; i++)
		reader_close(&mg->rd[i]);
	free(mg->rd);
	mg->rd = NULL;
}

/* ---- finding an output in a run ------------------------------------- */

/* Block i of r, through the cache; NULL on a read error. */
static slot *
load_block(sr_manifest_store *st, const run *r, size_t i)
{
	uint64_t off = r->marks[i].off;
	uint64_t end = i + 1 < r->nmarks ? r->marks[i + 1].off : r->end;
	size_t len = (size_t)(end - off), k;
	slot *s;

	for (k = 0; k < CACHE_SLOTS; k++)
		if (st->cache[k].len == len && st->cache[k].off == off &&
		    len != 0)
			return &st->cache[k];
	s = &st->cache[st->clock++ % CACHE_SLOTS];
	s->len = 0;
	if (!reserve(&s->data, &s->cap, len) ||
	    !pio_all(st->fd, s->data, len, off, false)) {
		fail(st, "cannot read the temporary file in");
		return NULL;
	}
	s->off = off;
	s->len = len;
	return s;
}

/* The last block whose first output is <= key (< key when strict), or
 * (size_t)-1 when there is none. */
static size_t
find_block(const run *r, const char *key, bool strict)
{
	size_t lo = 0, hi = r->nmarks;

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(r->keys.data + r->marks[mid].key, key);

		if (c < 0 || (c == 0 && !strict))
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - 1;
}

/* The record of key in r: 1 (in *x, valid until the next block is read),
 * 0 when r has none, -1 on a read error. */
static int
run_find(sr_manifest_store *st, const run *r, const char *key, rec *x)
{
	size_t i = find_block(r, key, false), at;
	slot *s;
	int c;

	if (r->nmarks == 0 || i == (size_t)-1)
		return 0;
	if ((s = load_block(st, r, i)) == NULL)
		return -1;
	for (at = 0; at < s->len; at += x->size) {
		if (!parse_rec(s->data + at, s->len - at, x)) {
			fail(st, "cannot read the temporary file in");
			return -1;
		}
		if ((c = strcmp(x->output, key)) >= 0)
			return c == 0;
	}
	return 0;
}

typedef bool scan_fn(void *arg, const rec *x);

/* Calls fn on each record of r whose output starts with prefix, in order. */
static bool
run_scan(sr_manifest_store *st, const run *r, const char *prefix,
    scan_fn *fn, void *arg)
{
	size_t i = find_block(r, prefix, true), at, n = strlen(prefix);
	slot *s;
	rec x;
	int c;

	if (i == (size_t)-1)
		i = 0;
	for (; i < r->nmarks; i++) {
		if ((s = load_block(st, r, i)) == NULL)
			return false;
		for (at = 0; at < s->len; at += x.size) {
			if (!parse_rec(s->data + at, s->len - at, &x)) {
				fail(st, "cannot read the temporary file in");
				return false;
			}
			if ((c = strncmp(x.output, prefix, n)) > 0)
				return true;
			if (c == 0 && !fn(arg, &x))
				return false;
		}
	}
	return true;
}

/* ---- the buffer of changes ------------------------------------------ */

static rec
mem_rec(const sr_manifest_store *st, uint32_t i)
{
	rec x;

	/* the buffer holds only records put_rec made */
	if (!parse_rec(st->mem.data + st->recs[i], st->mem.len - st->recs[i],
	    &x)) {
		memset(&x, 0, sizeof(x));
		x.output = x.note = "";
	}
	return x;
}

/* The slot of key in index `by` (by output, or the note's chain head). */
static uint32_t *
mem_slot(sr_manifest_store *st, uint32_t *by, const char *key, bool note)
{
	uint32_t j = (uint32_t)hash_str(key) & (st->slots - 1);

	for (; by[j] != 0; j = (j + 1) & (st->slots - 1)) {
		rec x = mem_rec(st, by[j] - 1);

		if (strcmp(note ? x.note : x.output, key) == 0)
			break;
	}
	return &by[j];
}

static void
bloom_hashes(const char *key, uint32_t *h1, uint32_t *h2)
{
	uint64_t h = hash_str(key);

	*h1 = (uint32_t)h;
	*h2 = (uint32_t)(h >> 32) | 1;
}

static void
bloom_add(sr_manifest_store *st, const char *key)
{
	uint32_t h1, h2, k, b;

	bloom_hashes(key, &h1, &h2);
	for (k = 0; k < BLOOM_K; k++) {
		b = (h1 + k * h2) & (BLOOM_BITS - 1);
		st->bloom[b / 8] |= (unsigned char)(1u << (b % 8));
	}
}

static bool
bloom_has(const sr_manifest_store *st, const char *key)
{
	uint32_t h1, h2, k, b;

	bloom_hashes(key, &h1, &h2);
	for (k = 0; k < BLOOM_K; k++) {
		b = (h1 + k * h2) & (BLOOM_BITS - 1);
		if (!(st->bloom[b / 8] & (1u << (b % 8))))
			return false;
	}
	return true;
}


static int
compare_items(const void *a, const void *b)
{
	return strcmp(((const sort_item *)a)->key, ((const sort_item *)b)->key);
}

/* The space of a run no longer read goes back to the file system (the
 * temporary folder is often in memory).  Only this process reads the runs
 * made after the build started: worker processes, forked at its start,
 * read the base alone. */
static void
give_back(sr_manifest_store *st, const run *r)
{
#ifdef FALLOC_FL_PUNCH_HOLE
	if (r->end > r->start)
		(void)fallocate(st->fd, FALLOC_FL_PUNCH_HOLE |
		    FALLOC_FL_KEEP_SIZE, (off_t)r->start,
		    (off_t)(r->end - r->start));
#else
	(void)st;
	(void)r;
#endif
}

/* Writes runs[first..] as one run, which replaces them. */
static bool
merge_runs(sr_manifest_store *st, size_t first)
{
	run *in[64], out;
	run_writer w;
	merger mg;
	const rec *x;
	size_t i, n = st->nruns - first;
	bool ok;

	if (n > 64) {
		fail(st, NULL);
		return false;
	}
	for (i = 0; i < n; i++)
		in[i] = &st->runs[first + i];
	if (!merger_open(&mg, st, in, n, false)) {
		merger_close(&mg);
		return false;
	}
	writer_begin(&w, st, &out);
	while ((x = merger_next(&mg)) != NULL)
		if (!writer_put(&w, x))
			break;
	ok = writer_end(&w) && !st->failed;
	merger_close(&mg);
	if (!ok) {
		give_back(st, &out);
		run_free(&out);
		return false;
	}
	for (i = 0; i < n; i++) {
		give_back(st, &st->runs[first + i]);
		run_free(&st->runs[first + i]);
	}
	st->runs[first] = out;
	st->nruns = first + 1;
	return true;
}

/* Puts record i of the buffer in both indexes. */
static void
mem_index(sr_manifest_store *st, uint32_t i)
{
	rec x = mem_rec(st, i);
	uint32_t *nt;

	*mem_slot(st, st->by_output, x.output, false) = i + 1;
	nt = mem_slot(st, st->by_note, x.note, true);
	st->next_of_note[i] = *nt;
	*nt = i + 1;
}

/* Makes (or, in memory, doubles) the buffer's indexes. */
static bool
mem_grow(sr_manifest_store *st)
{
	size_t cap = st->caprecs ? st->caprecs * 2 : MEM_SLOTS / 2;
	uint32_t *recs, *next, *by_output, *by_note, i;

	if (cap > UINT32_MAX / 4)
		goto oom;
	if ((recs = realloc(st->recs, cap * sizeof(*recs))) != NULL)
		st->recs = recs;
	if ((next = realloc(st->next_of_note, cap * sizeof(*next))) != NULL)
		st->next_of_note = next;
	by_output = calloc(cap * 2, sizeof(*by_output));
	by_note = calloc(cap * 2, sizeof(*by_note));
	if (recs == NULL || next == NULL || by_output == NULL ||
	    by_note == NULL) {
		free(by_output);
		free(by_note);
		goto oom;
	}
	free(st->by_output);
	free(st->by_note);
	st->by_output = by_output;
	st->by_note = by_note;
	st->caprecs = cap;
	st->slots = (uint32_t)(cap * 2);
	for (i = 0; i < st->nrecs; i++)
		mem_index(st, i);
	return true;
oom:
	fail(st, NULL);
	return false;
}

/* The buffer's live records (the latest of each output), sorted by
 * output, in an array the caller frees; NULL when there are none (*n 0)
 * or out of memory. */
static sort_item *
mem_sorted(sr_manifest_store *st, size_t *n)
{
	sort_item *items;
	uint32_t j;

	*n = 0;
	if (st->nrecs == 0)
		return NULL;
	if ((items = malloc(st->nrecs * sizeof(*items))) == NULL) {
		fail(st, NULL);
		return NULL;
	}
	for (j = 0; j < st->slots; j++) {
		if (st->by_output[j] != 0) {
			uint32_t k = st->by_output[j] - 1;

			items[*n].key = st->mem.data + st->recs[k] +
			    sizeof(rec_head);
			items[(*n)++].i = k;
		}
	}
	qsort(items, *n, sizeof(*items), compare_items);
	return items;
}

/*
 * Writes the buffer out as a run, sorted, and merges the last runs while
 * the newer is at least half the size of the one before it: the runs'
 * sizes then halve, and there are few of them.  When the temporary file
 * fails, the buffer keeps its records (and grows from then on): false
 * only when nothing can be trusted any more.
 */
static bool
spill(sr_manifest_store *st)
{
	sort_item *items;
	run_writer w;
	run *runs;
	size_t i, n;
	bool ok = true;

	if (st->nrecs == 0 || st->in_memory)
		return !st->failed;
	if ((st->bloom == NULL && (st->bloom = calloc(BLOOM_BITS / 8, 1)) ==
	    NULL) || (runs = realloc(st->runs, (st->nruns + 1) *
	    sizeof(*runs))) == NULL) {
		fail(st, NULL);
		return false;
	}
	st->runs = runs;
	if ((items = mem_sorted(st, &n)) == NULL)
		return false;
	writer_begin(&w, st, &st->runs[st->nruns]);
	for (i = 0; i < n && ok; i++) {
		rec x = mem_rec(st, items[i].i);

		ok = writer_put(&w, &x);
		bloom_add(st, x.output);
	}
	ok = writer_end(&w) && ok;
	free(items);
	if (!ok) {
		give_back(st, &st->runs[st->nruns]);
		run_free(&st->runs[st->nruns]);
		return !st->failed;
	}
	st->nruns++;
	st->mem.len = 0;
	st->nrecs = 0;
	memset(st->by_output, 0, st->slots * sizeof(*st->by_output));
	memset(st->by_note, 0, st->slots * sizeof(*st->by_note));
	while (st->nruns >= 2 && (st->runs[st->nruns - 1].end -
	    st->runs[st->nruns - 1].start) * 2 >= st->runs[st->nruns - 2].end -
	    st->runs[st->nruns - 2].start)
		if (!merge_runs(st, st->nruns - 2))
			return !st->failed;
	return true;
}

/* Appends a change to the buffer, which is written out when full: the
 * buffer has one size (MEM_LIMIT), whatever the batch, unless the
 * temporary file failed. */
static bool
mem_add(sr_manifest_store *st, const rec *x)
{
	uint32_t i;

	if (st->failed)
		return false;
	st->memo_valid = false;
	if (st->nrecs > 0 && !st->in_memory && (st->nrecs == st->caprecs ||
	    st->mem.len + rec_bytes(x) >= MEM_LIMIT) && !spill(st))
		return false;
	if (st->nrecs == st->caprecs && !mem_grow(st))
		return false;
	/* offsets are 32-bit: 4 GiB of changes held in memory is the end */
	if (st->mem.len + rec_bytes(x) > UINT32_MAX) {
		fail(st, NULL);
		return false;
	}
	if (st->mem.cap == 0 && !sr_buf_reserve(&st->mem, MEM_LIMIT - 1)) {
		fail(st, NULL);
		return false;
	}
	i = (uint32_t)st->nrecs;
	st->recs[i] = (uint32_t)st->mem.len;
	put_rec(&st->mem, x);
	if (st->mem.failed) {
		fail(st, NULL);
		return false;
	}
	st->nrecs++;
	mem_index(st, i);
	return true;
}

/* ---- the manifest --------------------------------------------------- */

static sr_manifest_store *
store(sr_manifest *m)
{
	sr_manifest_store *st;

	if (m->store != NULL)
		return m->store;
	if ((st = calloc(1, sizeof(*st))) == NULL)
		return NULL;
	st->fd = -1;
	if (!mem_grow(st)) {
		free(st);
		return NULL;
	}
	return m->store = st;
}

/* The latest record of output: 1 (copied into h), 0 when there is none
 * or it was removed, -1 when the temporary file cannot be read. */
static int
lookup(sr_manifest_store *st, const char *output, held *h)
{
	uint32_t *o;
	size_t i;
	rec x;
	int rc;

	if (st == NULL)
		return 0;
	if (st->failed)
		return -1;
	o = mem_slot(st, st->by_output, output, false);
	if (*o != 0) {
		x = mem_rec(st, *o - 1);
		goto found;
	}
	if (st->nruns > 0 && bloom_has(st, output)) {
		for (i = st->nruns; i-- > 0;) {
			if ((rc = run_find(st, &st->runs[i], output, &x)) < 0)
				return -1;
			if (rc > 0)
				goto found;
		}
	}
	if ((rc = run_find(st, &st->base, output, &x)) <= 0)
		return rc;
found:
	if (!x.present)
		return 0;
	if (!hold(h, &x)) {
		fail(st, NULL);
		return -1;
	}
	return 1;
}

/* Reads one line of the manifest file into *line (NUL-terminated, without
 * its newline); false at the end or on a read error (*err set). */
typedef struct {
	int fd;
	char *buf;
	size_t cap, at, have;
	bool eof, err;
} line_reader;

static bool
next_line(line_reader *lr, char **line)
{
	char *nl;
	ssize_t n;

	for (;;) {
		nl = lr->have > lr->at ? memchr(lr->buf + lr->at, '\n',
		    lr->have - lr->at) : NULL;
		if (nl != NULL || (lr->eof && lr->at < lr->have)) {
			if (nl == NULL) {
				nl = lr->buf + lr->have; /* no final newline */
				if (!reserve(&lr->buf, &lr->cap, lr->have + 1)) {
					lr->err = true;
					return false;
				}
				nl = lr->buf + lr->have;
				lr->have++;
			}
			*nl = '\0';
			*line = lr->buf + lr->at;
			lr->at = (size_t)(nl - lr->buf) + 1;
			return true;
		}
		if (lr->eof)
			return false;
		if (lr->at > 0)
			memmove(lr->buf, lr->buf + lr->at, lr->have - lr->at);
		lr->have -= lr->at;
		lr->at = 0;
		if (lr->cap - lr->have < READ_SIZE &&
		    !reserve(&lr->buf, &lr->cap, lr->have + 4 * READ_SIZE)) {
			lr->err = true;
			return false;
		}
		n = read(lr->fd, lr->buf + lr->have, lr->cap - lr->have);
		if (n == -1 && errno == EINTR)
			continue;
		if (n < 0) {
			lr->err = true;
			return false;
		}
		if (n == 0)
			lr->eof = true;
		lr->have += (size_t)n;
	}
}

/* Sixteen hex digits. */
static bool
parse_hex(const char *s, uint64_t *v)
{
	int i, d;

	*v = 0;
	for (i = 0; i < 16; i++) {
		if (s[i] >= '0' && s[i] <= '9')
			d = s[i] - '0';
		else if (s[i] >= 'a' && s[i] <= 'f')
			d = s[i] - 'a' + 10;
		else if (s[i] >= 'A' && s[i] <= 'F')
			d = s[i] - 'A' + 10;
		else
			return false;
		*v = *v << 4 | (uint64_t)d;
	}
	return s[16] == '\0';
}

/* An entry line: output, note, two hashes in hex, separated by tabs. */
static bool
parse_line(char *line, rec *x)
{
	char *f[4];
	int i;

	f[0] = line;
	for (i = 1; i < 4; i++) {
		if ((f[i] = strchr(f[i - 1], '\t')) == NULL)
			return false;
		*f[i]++ = '\0';
	}
	if (*f[0] == '\0' || !parse_hex(f[2], &x->in) ||
	    !parse_hex(f[3], &x->out))
		return false;
	x->output = f[0];
	x->note = f[1];
	x->made_by = NULL;
	x->present = true;
	return true;
}

static void
warn_line(sr_diags *diags, const char *where, size_t lineno)
{
	sr_diags_add(diags, SR_WARNING, where, (int)lineno, 0, "%s: a line "
	    "that is not an entry; ignored", MANIFEST_NAME);
}

/*
 * Copies the manifest file at fd into the base run, warning about lines
 * that are not entries.  A file out of order (edited by hand, since the
 * program writes it sorted) is read again, through the buffer, which sorts
 * it; an output written twice is then the later line's.  So is a file
 * whose copy the temporary file cannot take: it is then held in memory.
 */
static int
load_base(sr_manifest_store *st, int fd, const char *where, sr_diags *diags)
{
	line_reader lr = {fd, NULL, 0, 0, 0, false, false};
	sr_buf prev = {0};
	run_writer w;
	size_t lineno = 0, told = 0;
	bool ok = true, again = !open_tmp(st);
	char *line;
	rec x;

	if (!again) {
		writer_begin(&w, st, &st->base);
		while (ok && next_line(&lr, &line)) {
			told = ++lineno;
			if (*line == '#' || *line == '\0')
				continue;
			if (!parse_line(line, &x)) {
				warn_line(diags, where, lineno);
				continue;
			}
			if (prev.len > 0 && strcmp(prev.data, x.output) >= 0) {
				again = true; /* out of order */
				break;
			}
			prev.len = 0;
			sr_buf_puts(&prev, x.output);
			ok = !prev.failed && writer_put(&w, &x);
		}
		ok = writer_end(&w) && ok;
		sr_buf_free(&prev);
		if (!ok && !st->failed) /* the temporary file failed */
			ok = again = true;
		if (again) {
			give_back(st, &st->base);
			run_free(&st->base);
		}
	}
	if (ok && again && !st->failed) {
		if (lseek(fd, 0, SEEK_SET) == -1)
			lr.err = true;
		lr.at = lr.have = 0;
		lr.eof = false;
		lineno = 0;
		while (ok && !lr.err && next_line(&lr, &line)) {
			lineno++;
			if (*line == '#' || *line == '\0')
				continue;
			if (!parse_line(line, &x)) {
				if (lineno > told)
					warn_line(diags, where, lineno);
				continue;
			}
			ok = mem_add(st, &x);
		}
		/* one run left is the base; the build's changes start with
		 * none (held in memory, they stay in the buffer and runs) */
		if (ok && !lr.err && spill(st) && !st->in_memory &&
		    st->nruns > 0 && (st->nruns == 1 || merge_runs(st, 0)) &&
		    !st->in_memory) {
			st->base = st->runs[0];
			st->nruns = 0;
			memset(st->bloom, 0, BLOOM_BITS / 8);
		}
	}
	free(lr.buf);
	if (lr.err) {
		sr_diags_add(diags, SR_ERROR, where, 0, 0, "cannot read %s: %s",
		    MANIFEST_NAME, strerror(errno));
		return -1;
	}
	if (!ok || st->failed) {
		sr_diags_add(diags, SR_ERROR, where, 0, 0, "cannot load %s: %s",
		    MANIFEST_NAME, st->err[0] ? st->err : "out of memory");
		return -1;
	}
	return 0;
}

const char *
sr_manifest_warning(sr_manifest *m)
{
	if (m->store == NULL || !m->store->warn)
		return NULL;
	m->store->warn = false;
	return m->store->why;
}

const char *
sr_manifest_error(const sr_manifest *m)
{
	if (m->store == NULL || m->store->err[0] == '\0')
		return "out of memory";
	return m->store->err;
}

int
sr_manifest_load(sr_manifest *m, sr_outdir *o, sr_diags *diags)
{
	struct stat sb;
	bool absent;
	int fd, rc;

	memset(m, 0, sizeof(*m));
	if (store(m) == NULL) {
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "out of memory reading %s", MANIFEST_NAME);
		return -1;
	}
	if ((fd = sr_outdir_open_file(o, MANIFEST_NAME, &absent)) == -1) {
		if (absent) {
			/* a first build: the temporary file is made now, so
			 * that a folder that cannot take it is told before
			 * anything is written */
			open_tmp(m->store);
			if (!m->store->failed)
				return 0;
			sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
			    "%s", sr_manifest_error(m));
			sr_manifest_free(m);
			return -1;
		}
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "cannot read %s: %s", MANIFEST_NAME, strerror(errno));
		sr_manifest_free(m);
		return -1;
	}
	if (fstat(fd, &sb) == -1 || !S_ISREG(sb.st_mode)) {
		close(fd);
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "cannot read %s: not a regular file", MANIFEST_NAME);
		sr_manifest_free(m);
		return -1;
	}
	rc = load_base(m->store, fd, sr_outdir_path(o), diags);
	close(fd);
	if (rc != 0)
		sr_manifest_free(m);
	return rc;
}

const sr_manifest_entry *
sr_manifest_find(sr_manifest *m, const char *output)
{
	if (m->store == NULL)
		return NULL;
	return lookup(m->store, output, &m->store->found) == 1 ?
	    &m->store->found.e : NULL;
}

/* sr_manifest_outputs' candidates: records that say an output is the
 * note's, in the base (kept whole: unless something newer may exist, they
 * are the answer) or in something newer (only the name is kept). */
typedef struct {
	sr_manifest_store *st;
	const char *note;
	bool base;
} cand_arg;

typedef struct {
	const char *name;
	size_t at; /* the base record's offset in cand, + 1; 0: none */
} cand;

static bool
add_cand(void *arg, const rec *x)
{
	cand_arg *a = arg;
	rec name = {x->output, "", NULL, 0, 0, false, 0};

	if (strcmp(x->note, a->note) != 0)
		return true;
	/* the base's records are all present: a removed one is a name */
	put_rec(&a->st->cand, a->base ? x : &name);
	return !a->st->cand.failed;
}

static int
compare_cands(const void *a, const void *b)
{
	const cand *x = a, *y = b;
	int c = strcmp(x->name, y->name);

	/* the base's record first */
	return c != 0 ? c : (x->at == 0) - (y->at == 0);
}

/* Whether something newer than the base may say what output is. */
static bool
may_have_changed(sr_manifest_store *st, const char *output)
{
	return *mem_slot(st, st->by_output, output, false) != 0 ||
	    (st->nruns > 0 && bloom_has(st, output));
}

size_t
sr_manifest_outputs(sr_manifest *m, const char *note, const char *prefix,
    const sr_manifest_entry **out, size_t max)
{
	sr_manifest_store *st = m->store;
	cand_arg a = {st, note, true};
	cand *c = NULL;
	size_t i, n = 0, at, count = 0;
	uint32_t k;
	rec x;
	int rc;

	if (st == NULL || st->failed)
		return 0;
	if (st->memo_valid && strcmp(st->memo_key.data, note) == 0 &&
	    strcmp(st->memo_key.data + strlen(note) + 1, prefix) == 0) {
		count = st->nres;
		goto answer;
	}
	st->memo_valid = false;
	st->cand.len = 0;
	if (!run_scan(st, &st->base, prefix, add_cand, &a))
		return 0;
	a.base = false;
	for (i = 0; i < st->nruns; i++)
		if (!run_scan(st, &st->runs[i], prefix, add_cand, &a))
			return 0;
	for (k = *mem_slot(st, st->by_note, note, true); k != 0;
	    k = st->next_of_note[k - 1]) {
		x = mem_rec(st, k - 1);
		add_cand(&a, &x);
	}
	if (st->cand.failed) {
		fail(st, NULL);
		return 0;
	}
	for (at = 0; at < st->cand.len; at += rec_size(st->cand.data + at))
		n++;
	if (n == 0)
		return 0;
	if ((c = malloc(n * sizeof(*c))) == NULL) {
		fail(st, NULL);
		return 0;
	}
	for (i = 0, at = 0; i < n; i++, at += x.size) {
		parse_rec(st->cand.data + at, st->cand.len - at, &x);
		c[i].name = x.output;
		c[i].at = x.present ? at + 1 : 0;
	}
	qsort(c, n, sizeof(*c), compare_cands);
	/* each name once, as it is now, if it is still the note's */
	for (i = 0; i < n; i++) {
		if (i > 0 && strcmp(c[i].name, c[i - 1].name) == 0)
			continue;
		if (count == st->capres) {
			size_t cap = st->capres ? st->capres * 2 : 8;
			held *r = realloc(st->res, cap * sizeof(*r));

			if (r == NULL) {
				fail(st, NULL);
				count = 0;
				goto out;
			}
			memset(r + st->capres, 0, (cap - st->capres) *
			    sizeof(*r));
			st->res = r;
			st->capres = cap;
		}
		if (c[i].at != 0 && !may_have_changed(st, c[i].name)) {
			parse_rec(st->cand.data + c[i].at - 1, st->cand.len -
			    (c[i].at - 1), &x);
			if (!hold(&st->res[count], &x)) {
				fail(st, NULL);
				count = 0;
				goto out;
			}
			count++;
			continue;
		}
		if ((rc = lookup(st, c[i].name, &st->res[count])) < 0) {
			count = 0;
			goto out;
		}
		if (rc == 1 && strcmp(st->res[count].e.note, note) == 0)
			count++;
	}
	st->nres = count;
	st->memo_key.len = 0;
	sr_buf_put(&st->memo_key, note, strlen(note) + 1);
	sr_buf_put(&st->memo_key, prefix, strlen(prefix) + 1);
	st->memo_valid = !st->memo_key.failed;
answer:
	for (i = 0; i < count && i < max; i++)
		out[i] = &st->res[i].e;
out:
	free(c);
	return count;
}

/* Records what output is now (with made_by NULL, its mark is kept); a
 * change unless it is what it was. */
static int
change(sr_manifest *m, const rec *to)
{
	sr_manifest_store *st = store(m);
	held *now;
	rec x = *to;
	int rc;

	if (st == NULL || (rc = lookup(st, x.output, &st->scratch)) < 0)
		return -1;
	now = &st->scratch;
	if (rc == 0 && !x.present)
		return 0; /* removing what is not there */
	if (rc == 1 && x.present && x.made_by == NULL)
		x.made_by = now->e.made_by;
	if (rc == 0 || !x.present || strcmp(now->e.note, x.note) != 0 ||
	    now->e.input_hash != x.in || now->e.output_hash != x.out)
		m->changed = true;
	else if (x.made_by == NULL || (now->e.made_by != NULL &&
	    strcmp(now->e.made_by, x.made_by) == 0))
		return 0; /* nothing new to record */
	return mem_add(st, &x) ? 0 : -1;
}

int
sr_manifest_set(sr_manifest *m, const char *output, const char *note,
    uint64_t in, uint64_t out, const char *made_by)
{
	rec x = {output, note, made_by, in, out, true, 0};

	return change(m, &x);
}

int
sr_manifest_claim(sr_manifest *m, const sr_manifest_entry *e,
    const char *made_by)
{
	rec x = {e->output, e->note, made_by, e->input_hash, e->output_hash,
	    true, 0};
	sr_manifest_store *st = store(m);

	/* e is the entry as it is: only the mark is new, if it is */
	if (e->made_by != NULL && strcmp(e->made_by, made_by) == 0)
		return 0;
	return st != NULL && mem_add(st, &x) ? 0 : -1;
}

int
sr_manifest_remove(sr_manifest *m, const char *output)
{
	rec x = {output, "", NULL, 0, 0, false, 0};

	return m->store == NULL ? 0 : change(m, &x);
}

/* The manifest's text, a few hundred lines at a time. */
typedef struct {
	merger mg;
	bool head;
	sr_buf b;
} save_state;

static int
fill_lines(void *arg, const char **data, size_t *len)
{
	save_state *s = arg;
	const rec *x = NULL;

	s->b.len = 0;
	if (!s->head) {
		sr_buf_puts(&s->b, MANIFEST_HEAD);
		s->head = true;
	}
	if (s->b.cap == 0)
		sr_buf_reserve(&s->b, SAVE_SIZE + 8192);
	while (s->b.len < SAVE_SIZE && (x = merger_next(&s->mg)) != NULL)
		if (x->present)
			sr_buf_printf(&s->b, "%s\t%s\t%016llx\t%016llx\n",
			    x->output, x->note, (unsigned long long)x->in,
			    (unsigned long long)x->out);
	if (s->b.failed || s->mg.rd[0].st->failed)
		return -1;
	*data = s->b.data != NULL ? s->b.data : "";
	*len = s->b.len;
	return x != NULL ? 1 : 0;
}

int
sr_manifest_save(sr_manifest *m, sr_outdir *o, sr_diags *diags)
{
	sr_manifest_store *st = m->store;
	save_state s = {{0}, false, {0}};
	run **runs = NULL;
	size_t i;
	int rc = -1;

	if (!m->changed)
		return 0;
	/* the buffer is merged as it is: saving never needs the temporary
	 * file to take more */
	if (st == NULL || st->failed || (runs = malloc((st->nruns + 1) *
	    sizeof(*runs))) == NULL) {
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "cannot write %s: %s", MANIFEST_NAME, sr_manifest_error(m));
		free(runs);
		return -1;
	}
	runs[0] = &st->base;
	for (i = 0; i < st->nruns; i++)
		runs[i + 1] = &st->runs[i];
	if (merger_open(&s.mg, st, runs, st->nruns + 1, true))
		rc = sr_outdir_write_fn(o, MANIFEST_NAME, fill_lines, &s, diags);
	else
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "cannot write %s: %s", MANIFEST_NAME, sr_manifest_error(m));
	merger_close(&s.mg);
	sr_buf_free(&s.b);
	free(runs);
	if (rc == 0)
		m->changed = false;
	return rc;
}

void
sr_manifest_free(sr_manifest *m)
{
	sr_manifest_store *st = m->store;
	size_t i;

	if (st != NULL) {
		if (st->fd != -1)
			close(st->fd);
		run_free(&st->base);
		for (i = 0; i < st->nruns; i++)
			run_free(&st->runs[i]);
		free(st->runs);
		free(st->bloom);
		sr_buf_free(&st->mem);
		for (i = 0; i < CACHE_SLOTS; i++)
			free(st->cache[i].data);
		sr_buf_free(&st->found.names);
		sr_buf_free(&st->scratch.names);
		for (i = 0; i < st->capres; i++)
			sr_buf_free(&st->res[i].names);
		free(st->res);
		sr_buf_free(&st->cand);
		sr_buf_free(&st->memo_key);
		free(st->recs);
		free(st->next_of_note);
		free(st->by_output);
		free(st->by_note);
		free(st->tmpdir);
		free(st);
	}
	memset(m, 0, sizeof(*m));
}
