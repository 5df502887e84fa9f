/*
 * manifest.c - what produced each output file, kept in the output folder as
 * `.secondround-manifest`: one line per file with the note it came from, a
 * hash of what went into it (the note, the filters, the options, the
 * program's version) and a hash of what was written.  A rebuild skips a
 * note whose inputs hash the same and whose outputs are still there, and
 * never overwrites a draft whose hash says it was edited by hand.
 *
 * An entry may carry a fifth field, what the overview page (index.c)
 * shows of its draft, so that the page is made without reading the notes;
 * the manifest keeps it as it is given (one line, no tab).
 *
 * The file is sorted and holds no times, so it is the same on every
 * machine and `git diff drafts/` shows only real changes.  In memory it is
 * a table of entries found through two hash indexes: by output, and by
 * note (each note's entries chained).  A removed entry stays in the table,
 * marked absent, so an entry handed out stays valid until the manifest is
 * freed.
 *
 * Before a draft replaces a file, what it will be is appended to
 * `.secondround-journal` beside the manifest.  A run killed before it
 * saves leaves that journal behind; the next load folds in each line whose
 * file holds that draft (the rename happened), so the tool always knows a
 * draft it wrote as its own.  A save removes the journal.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

#define MANIFEST_NAME ".secondround-manifest"
#define JOURNAL_NAME ".secondround-journal"
#define MANIFEST_HEAD "# secondround manifest 1: output, note, input hash, " \
    "output hash[, overview]\n"

typedef struct {
	sr_manifest_entry e; /* first: an entry handed out is its item */
	char *note, *info;
	uint32_t next;       /* the next item of the same note, + 1 */
	uint32_t at;         /* its place in items, and in made_by */
	bool present;
	char output[];
} item;

struct sr_manifest_table {
	item **items;
	uint32_t count, cap;
	/* Each item's mark of this run (sr_manifest_claim), by its place,
	 * or NULL; apart from the items, which a build marks after forking
	 * its workers: written there, each page of items would be copied
	 * (a page fault each, 16 us on a virtual machine).  mcap: its
	 * room. */
	char **made_by;
	uint32_t mcap;
	uint32_t *by_output, *by_note; /* item + 1; 0: an empty slot */
	uint32_t slots;                /* of each index, a power of two */
	sr_outdir *out;                /* where the journal goes */
	int journal;                   /* its fd, or -1 */
	/* The items and their strings, freed at once (a string replaced
	 * stays in it until then): a manifest of 10,000 notes was 90,000
	 * blocks of malloc, each written to again by free at the end. */
	sr_arena *arena;
};

uint64_t
sr_hash(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

static sr_manifest_table *
table(sr_manifest *m)
{
	if (m->t == NULL && (m->t = calloc(1, sizeof(*m->t))) != NULL) {
		m->t->journal = -1;
		if ((m->t->arena = sr_arena_new()) == NULL) {
			free(m->t);
			m->t = NULL;
		}
	}
	return m->t;
}

/* The slot of key in an index: the one holding it, or the empty one
 * where it would go. */
static uint32_t *
slot(sr_manifest_table *t, uint32_t *index, const char *key, bool by_note)
{
	uint32_t mask = t->slots - 1;
	uint32_t j = (uint32_t)sr_hash(SR_HASH_INIT, key, strlen(key)) & mask;
	const item *x;

	for (; index[j] != 0; j = (j + 1) & mask) {
		x = t->items[index[j] - 1];
		if (strcmp(by_note ? x->note : x->output, key) == 0)
			break;
	}
	return &index[j];
}

static void
index_item(sr_manifest_table *t, uint32_t i)
{
	item *x = t->items[i];
	uint32_t *s;

	*slot(t, t->by_output, x->output, false) = i + 1;
	s = slot(t, t->by_note, x->note, true);
	x->next = *s;
	*s = i + 1;
}

/* Makes both indexes anew, with room for one more item. */
static bool
reindex(sr_manifest_table *t)
{
	uint32_t slots = 16, i;

	while (slots < 2 * (t->count + 1)) {
		if (slots > UINT32_MAX / 4)
			return false;
		slots *= 2;
	}
	free(t->by_output);
	free(t->by_note);
	t->by_output = calloc(slots, sizeof(uint32_t));
	t->by_note = calloc(slots, sizeof(uint32_t));
	if (t->by_output == NULL || t->by_note == NULL) {
		free(t->by_output);
		free(t->by_note);
		t->by_output = t->by_note = NULL;
		t->slots = 0; /* lookups find nothing */
		return false;
	}
	t->slots = slots;
	for (i = 0; i < t->count; i++)
		index_item(t, i);
	return true;
}

static item *
find_item(sr_manifest_table *t, const char *output)
{
	uint32_t k;

	if (t == NULL || t->slots == 0)
		return NULL;
	k = *slot(t, t->by_output, output, false);
	return k != 0 ? t->items[k - 1] : NULL;
}

/* A new item, absent until set. */
static item *
add_item(sr_manifest_table *t, const char *output, const char *note)
{
	size_t n = strlen(output);
	item *x;

	if (t->count == t->cap) {
		uint32_t cap = t->cap ? t->cap * 2 : 64;
		item **p;

		if (t->cap > UINT32_MAX / 4 ||
		    (p = realloc(t->items, cap * sizeof(*p))) == NULL)
			return NULL;
		t->items = p;
		t->cap = cap;
	}
	if ((2 * (t->count + 1) > t->slots && !reindex(t)) ||
	    (x = sr_arena_alloc(t->arena, sizeof(*x) + n + 1)) == NULL ||
	    (x->note = sr_arena_strdup(t->arena, note)) == NULL)
		return NULL;
	memcpy(x->output, output, n + 1);
	x->e.output = x->output;
	x->e.note = x->note;
	x->at = t->count;
	t->items[t->count] = x;
	index_item(t, t->count++);
	return x;
}

static int
set_made_by(sr_manifest_table *t, item *x, const char *made_by)
{
	char *copy = NULL, **grown;
	uint32_t cap;

	if (x->at >= t->mcap) {
		if (made_by == NULL)
			return 0; /* no mark, none to drop */
		cap = t->cap;
		if ((grown = realloc(t->made_by, cap * sizeof(*grown))) == NULL)
			return -1;
		memset(grown + t->mcap, 0, (cap - t->mcap) * sizeof(*grown));
		t->made_by = grown;
		t->mcap = cap;
	}
	if (made_by != NULL && t->made_by[x->at] != NULL &&
	    strcmp(t->made_by[x->at], made_by) == 0)
		return 0;
	if (made_by != NULL && (copy = strdup(made_by)) == NULL)
		return -1;
	free(t->made_by[x->at]);
	t->made_by[x->at] = copy;
	return 0;
}

const char *
sr_manifest_made_by(const sr_manifest *m, const sr_manifest_entry *e)
{
	const item *x = (const item *)e;

	return m->t != NULL && x->at < m->t->mcap ? m->t->made_by[x->at] :
	    NULL;
}

int
sr_manifest_set(sr_manifest *m, const char *output, const char *note,
    uint64_t in, uint64_t out, const char *made_by)
{
	sr_manifest_table *t = table(m);
	item *x;
	char *copy;

	if (t == NULL || ((x = find_item(t, output)) == NULL &&
	    (x = add_item(t, output, note)) == NULL))
		return -1;
	if (!x->present || strcmp(x->note, note) != 0 ||
	    x->e.input_hash != in || x->e.output_hash != out)
		m->changed = true;
	if (!x->present) { /* a new entry has no mark, and says nothing */
		set_made_by(t, x, NULL);
		x->e.info = x->info = NULL;
	}
	if (strcmp(x->note, note) != 0) {
		/* an output that moves to another note: rare; the note
		 * index is made again */
		if ((copy = sr_arena_strdup(t->arena, note)) == NULL)
			return -1;
		x->e.note = x->note = copy;
		if (!reindex(t))
			return -1;
	}
	x->present = true;
	x->e.input_hash = in;
	x->e.output_hash = out;
	return made_by != NULL ? set_made_by(t, x, made_by) : 0;
}

int
sr_manifest_set_info(sr_manifest *m, const char *output, const char *info)
{
	item *x = find_item(m->t, output);
	char *copy = NULL;

	if (x == NULL || !x->present)
		return 0;
	if ((info == NULL && x->info == NULL) || (info != NULL &&
	    x->info != NULL && strcmp(info, x->info) == 0))
		return 0;
	if (info != NULL && (strpbrk(info, "\t\n") != NULL ||
	    (copy = sr_arena_strdup(m->t->arena, info)) == NULL))
		return -1;
	x->e.info = x->info = copy;
	m->changed = true;
	return 0;
}

int
sr_manifest_claim(sr_manifest *m, const sr_manifest_entry *e,
    const char *made_by)
{
	return m->t != NULL ? set_made_by(m->t, (item *)e, made_by) : -1;
}

int
sr_manifest_remove(sr_manifest *m, const char *output)
{
	item *x = find_item(m->t, output);

	if (x == NULL || !x->present)
		return 0;
	x->present = false;
	set_made_by(m->t, x, NULL);
	m->changed = true;
	return 0;
}

const sr_manifest_entry *
sr_manifest_find(sr_manifest *m, const char *output)
{
	item *x = find_item(m->t, output);

	return x != NULL && x->present ? &x->e : NULL;
}

static int
compare_entries(const void *a, const void *b)
{
	return strcmp((*(const sr_manifest_entry *const *)a)->output,
	    (*(const sr_manifest_entry *const *)b)->output);
}

size_t
sr_manifest_outputs(sr_manifest *m, const char *note, const char *prefix,
    const sr_manifest_entry **out, size_t max)
{
	sr_manifest_table *t = m->t;
	size_t n = 0, plen = strlen(prefix), i, j;
	uint32_t k;
	item *x;

	if (t == NULL || t->slots == 0)
		return 0;
	for (k = *slot(t, t->by_note, note, true); k != 0; k = x->next) {
		x = t->items[k - 1];
		if (!x->present || strncmp(x->output, prefix, plen) != 0)
			continue;
		if (n < max)
			out[n] = &x->e;
		n++;
	}
	/* in the order of the outputs: a note has a few, sorted in place */
	for (i = 1; i < n && i < max; i++)
		for (j = i; j > 0 && compare_entries(&out[j - 1], &out[j]) > 0;
		    j--) {
			const sr_manifest_entry *swap = out[j];

			out[j] = out[j - 1];
			out[j - 1] = swap;
		}
	return n;
}

/* Sixteen hex digits, and the end of the field (read by hand: strspn
 * and strtoull cost 700 instructions a field, twice a line). */
static bool
parse_hex(const char *s, uint64_t *v)
{
	uint64_t x = 0;
	int i, d;

	for (i = 0; i < 16; i++) {
		d = s[i] >= '0' && s[i] <= '9' ? s[i] - '0' :
		    s[i] >= 'a' && s[i] <= 'f' ? s[i] - 'a' + 10 :
		    s[i] >= 'A' && s[i] <= 'F' ? s[i] - 'A' + 10 : -1;
		if (d < 0)
			return false;
		x = x << 4 | (uint64_t)d;
	}
	if (s[16] != '\0')
		return false;
	*v = x;
	return true;
}

/* An entry line (output, note, two hashes in hex, maybe the overview's
 * field, separated by tabs) cut into f (f[4] NULL without the fifth);
 * false when it is not one. */
static bool
parse_line(char *line, char *f[5], uint64_t *in, uint64_t *out)
{
	int i;

	f[0] = line;
	for (i = 1; i < 4; i++) {
		if ((f[i] = strchr(f[i - 1], '\t')) == NULL)
			return false;
		*f[i]++ = '\0';
	}
	if ((f[4] = strchr(f[3], '\t')) != NULL)
		*f[4]++ = '\0';
	return *f[0] != '\0' && parse_hex(f[2], in) && parse_hex(f[3], out);
}

/* Reads the manifest (journal false) or the journal of the output folder
 * into m.  The manifest's lines are set as they come, so of an output
 * written twice (a file edited by hand) the later line wins.  A journal
 * line is set only when its file holds what it says was written. */
/* One line of the manifest or of the journal (numbered lineno, cut at
 * its line break): set in the table unless it is a comment or is not an
 * entry; a journal's line only when its file holds what it says was
 * written.  -1: out of memory. */
static int
take_line(sr_manifest *m, sr_outdir *o, bool journal, char *line,
    size_t lineno, sr_diags *diags)
{
	const char *name = journal ? JOURNAL_NAME : MANIFEST_NAME;
	const sr_manifest_entry *e;
	char *f[5], *draft;
	uint64_t in, out;
	size_t dlen;
	bool absent;

	if (*line == '#' || *line == '\0')
		return 0;
	if (!parse_line(line, f, &in, &out)) {
		sr_diags_add(diags, SR_WARNING, sr_outdir_path(o), (int)lineno,
		    0, "%s: a line that is not an entry; ignored", name);
		return 0;
	}
	if (journal) {
		draft = sr_outdir_read(o, f[0], &dlen, &absent);
		if (draft == NULL || sr_hash(SR_HASH_INIT, draft, dlen) != out) {
			free(draft);
			return 0;
		}
		free(draft);
	}
	/* a journal line has no overview field: the entry keeps the one it
	 * has while its inputs are the same */
	e = sr_manifest_find(m, f[0]);
	if (e != NULL && e->input_hash != in)
		f[4] = NULL;
	else if (e != NULL && f[4] == NULL)
		f[4] = (char *)e->info;
	if (sr_manifest_set(m, f[0], f[1], in, out, NULL) != 0 ||
	    sr_manifest_set_info(m, f[0], f[4]) != 0)
		return -1;
	return 0;
}

/* Reads the manifest, or the journal, line by line, a piece of the file
 * at a time (the manifest of 10,000 notes is 4 MB, which read whole was a
 * thousand page faults). */
static int
read_lines(sr_manifest *m, sr_outdir *o, bool journal, sr_diags *diags)
{
	const char *name = journal ? JOURNAL_NAME : MANIFEST_NAME;
	char *buf = NULL, *line, *next, *grown;
	size_t len = 0, cap = 0, lineno = 0;
	ssize_t n;
	bool absent;
	int fd, rc = -1;

	errno = 0;
	if ((fd = sr_outdir_open_read(o, name, &absent)) == -1) {
		if (absent)
			return 0;
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "cannot read %s: %s", name, errno ? strerror(errno) :
		    "not a regular file");
		return -1;
	}
	for (;;) {
		/* room for what is read, and a line break after it */
		if (cap - len < 2) {
			if ((grown = realloc(buf, cap ? 2 * cap : 65536)) ==
			    NULL)
				goto oom;
			buf = grown;
			cap = cap ? 2 * cap : 65536;
		}
		if ((n = read(fd, buf + len, cap - len - 1)) == -1) {
			if (errno == EINTR)
				continue;
			sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
			    "cannot read %s: %s", name, strerror(errno));
			goto out;
		}
		len += (size_t)n;
		/* the last line, without its line break */
		if (n == 0 && len > 0 && buf[len - 1] != '\n')
			buf[len++] = '\n';
		for (line = buf; (next = memchr(line, '\n', (size_t)(buf + len -
		    line))) != NULL; line = next) {
			*next++ = '\0';
			if (take_line(m, o, journal, line, ++lineno, diags) != 0)
				goto oom;
		}
		len -= (size_t)(line - buf); /* a line cut short: read on */
		memmove(buf, line, len);
		if (n == 0)
			break;
	}
	/* the journal goes at the next save, even if nothing changed */
	if (journal)
		m->changed = true;
	rc = 0;
	goto out;
oom:
	sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0, "out of memory "
	    "reading %s", name);
out:
	free(buf);
	close(fd);
	return rc;
}

int
sr_manifest_load(sr_manifest *m, sr_outdir *o, sr_diags *diags)
{
	memset(m, 0, sizeof(*m));
	if (table(m) == NULL) {
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "out of memory reading %s", MANIFEST_NAME);
		return -1;
	}
	m->t->out = o;
	if (read_lines(m, o, false, diags) != 0)
		goto fail;
	m->changed = false; /* the manifest as read is no change */
	if (read_lines(m, o, true, diags) != 0)
		goto fail;
	return 0;
fail:
	sr_manifest_free(m);
	return -1;
}

int
sr_manifest_journal(sr_manifest *m, const char *note, uint64_t in,
    const char *const *outputs, const uint64_t *hashes, size_t n)
{
	sr_manifest_table *t = m->t;
	sr_buf b = {0};
	size_t i;
	bool ok;

	if (t == NULL || t->out == NULL || n == 0)
		return 0; /* not a manifest of an output folder */
	if (t->journal == -1 && (t->journal = sr_outdir_append(t->out,
	    JOURNAL_NAME)) == -1)
		return -1;
	for (i = 0; i < n; i++)
		sr_buf_printf(&b, "%s\t%s\t%016llx\t%016llx\n", outputs[i],
		    note, (unsigned long long)in,
		    (unsigned long long)hashes[i]);
	ok = !b.failed && sr_write_all(t->journal, b.data, b.len);
	if (b.failed)
		errno = ENOMEM;
	sr_buf_free(&b);
	return ok ? 0 : -1;
}

const sr_manifest_entry **
sr_manifest_list(sr_manifest *m, size_t *n)
{
	sr_manifest_table *t = m->t;
	const sr_manifest_entry **sorted;
	uint32_t i, count = t != NULL ? t->count : 0;

	*n = 0;
	if ((sorted = malloc((count + 1) * sizeof(*sorted))) == NULL)
		return NULL;
	for (i = 0; i < count; i++)
		if (t->items[i]->present)
			sorted[(*n)++] = &t->items[i]->e;
	if (*n > 1)
		qsort(sorted, *n, sizeof(*sorted), compare_entries);
	return sorted;
}

int
sr_manifest_save(sr_manifest *m, sr_outdir *o, sr_diags *diags)
{
	sr_manifest_table *t = m->t;
	const sr_manifest_entry **sorted;
	sr_buf b = {0};
	size_t i, n;
	int rc = -1;

	if (!m->changed)
		return 0;
	if ((sorted = sr_manifest_list(m, &n)) == NULL) {
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "out of memory writing %s", MANIFEST_NAME);
		return -1;
	}
	sr_buf_puts(&b, MANIFEST_HEAD);
	for (i = 0; i < n; i++)
		sr_buf_printf(&b, "%s\t%s\t%016llx\t%016llx%s%s\n",
		    sorted[i]->output, sorted[i]->note,
		    (unsigned long long)sorted[i]->input_hash,
		    (unsigned long long)sorted[i]->output_hash,
		    sorted[i]->info != NULL ? "\t" : "",
		    sorted[i]->info != NULL ? sorted[i]->info : "");
	if (b.failed)
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "out of memory writing %s", MANIFEST_NAME);
	else if ((rc = sr_outdir_write(o, MANIFEST_NAME, b.data, b.len,
	    diags)) == 0) {
		m->changed = false;
		/* all the journal said is in the manifest now */
		if (t->journal != -1)
			close(t->journal);
		t->journal = -1;
		if (t->out != NULL)
			sr_outdir_remove(o, JOURNAL_NAME);
	}
	free(sorted);
	sr_buf_free(&b);
	return rc;
}

void
sr_manifest_free(sr_manifest *m)
{
	sr_manifest_table *t = m->t;
	uint32_t i;

	if (t != NULL) {
		for (i = 0; i < t->mcap; i++)
			free(t->made_by[i]);
		free(t->made_by);
		if (t->journal != -1)
			close(t->journal);
		free(t->items);
		free(t->by_output);
		free(t->by_note);
		sr_arena_free(t->arena);
		free(t);
	}
	memset(m, 0, sizeof(*m));
}
