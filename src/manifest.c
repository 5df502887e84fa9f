/*
 * manifest.c - what produced each output file, kept in the output folder as
 * `.secondround-manifest`: one line per file with the note it came from, a
 * hash of what went into it (the note, the filters, the options, the
 * program's version) and a hash of what was written.  A rebuild skips a
 * note whose inputs hash the same and whose outputs are still there, and
 * never overwrites a draft whose hash says it was edited by hand.
 *
 * The file is sorted and holds no times, so it is the same on every
 * machine and `git diff drafts/` shows only real changes.  In memory the
 * entries are found through two hash indexes (by output, and by note, each
 * note's entries chained), so a batch of any size costs a constant per
 * lookup; they are sorted only when saved, and written out a piece at a
 * time.  The names live in one pool, each note's name once, and the
 * indexes are 32-bit: about 100 bytes an output, which is most of what a
 * build of many notes holds (make bench prints the peak RSS).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define MANIFEST_NAME ".secondround-manifest"
#define MANIFEST_HEAD "# secondround manifest 1: output, note, input hash, " \
    "output hash\n"

uint64_t
sr_hash(uint64_t h, const void *data, size_t len)
{
	const unsigned char *p = data;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ p[i]) * 0x100000001b3ULL;
	return h;
}

static int
compare_entries(const void *a, const void *b)
{
	return strcmp(((const sr_manifest_entry *)a)->output,
	    ((const sr_manifest_entry *)b)->output);
}

static uint64_t
hash_str(const char *s)
{
	return sr_hash(SR_HASH_INIT, s, strlen(s));
}

/* Links entry i into both indexes. */
static void
index_entry(sr_manifest *m, uint32_t i)
{
	const sr_manifest_entry *e = &m->items[i];
	uint32_t mask = m->index_cap - 1, j;

	j = (uint32_t)hash_str(e->output) & mask;
	while (m->by_output[j] != 0)
		j = (j + 1) & mask;
	m->by_output[j] = i + 1;
	/* the note's chain: its first entry in the note index */
	j = (uint32_t)hash_str(e->note) & mask;
	while (m->by_note[j] != 0 &&
	    strcmp(m->items[m->by_note[j] - 1].note, e->note) != 0)
		j = (j + 1) & mask;
	m->next_of_note[i] = m->by_note[j];
	m->by_note[j] = i + 1;
}

/* Rebuilds both indexes for the entries as they are now. */
static bool
reindex(sr_manifest *m)
{
	uint32_t cap = 16, i;

	while (cap < m->count * 2 + 2) {
		if (cap > UINT32_MAX / 2)
			return false;
		cap *= 2;
	}
	free(m->by_output);
	free(m->by_note);
	free(m->next_of_note);
	m->by_output = calloc(cap, sizeof(uint32_t));
	m->by_note = calloc(cap, sizeof(uint32_t));
	m->next_of_note = calloc(m->cap ? m->cap : 1, sizeof(uint32_t));
	if (m->by_output == NULL || m->by_note == NULL ||
	    m->next_of_note == NULL) {
		m->index_cap = 0; /* no index: lookups find nothing */
		return false;
	}
	m->index_cap = cap;
	m->cap_indexed = m->cap;
	for (i = 0; i < m->count; i++)
		index_entry(m, i);
	return true;
}

/* The pooled copy of a note's name: the one its entries share, if it has
 * any, else a new one. */
static const char *
pooled_note(sr_manifest *m, const char *note)
{
	uint32_t j;

	if (m->index_cap != 0) {
		for (j = (uint32_t)hash_str(note) & (m->index_cap - 1);
		    m->by_note[j] != 0; j = (j + 1) & (m->index_cap - 1))
			if (strcmp(m->items[m->by_note[j] - 1].note, note) == 0)
				return m->items[m->by_note[j] - 1].note;
	}
	return sr_arena_strdup(m->strings, note);
}

static bool
add_entry(sr_manifest *m, const char *output, const char *note,
    uint64_t in, uint64_t out, const char *made_by)
{
	sr_manifest_entry *e;

	if (m->strings == NULL && (m->strings = sr_arena_new()) == NULL)
		return false;
	if (m->count == m->cap) {
		uint32_t cap = m->cap ? m->cap * 2 : 64;
		sr_manifest_entry *p;

		if (m->cap > UINT32_MAX / 4)
			return false;
		if ((p = realloc(m->items, cap * sizeof(*p))) == NULL)
			return false;
		m->items = p;
		m->cap = cap;
	}
	e = &m->items[m->count];
	if ((e->output = sr_arena_strdup(m->strings, output)) == NULL ||
	    (e->note = pooled_note(m, note)) == NULL)
		return false;
	e->input_hash = in;
	e->output_hash = out;
	e->made_by = made_by;
	m->count++;
	/* grow the indexes when half full, else add to them */
	if (m->count * 2 + 2 > m->index_cap || m->count > m->cap_indexed)
		return reindex(m);
	index_entry(m, m->count - 1);
	return true;
}

int
sr_manifest_load(sr_manifest *m, sr_outdir *o, sr_diags *diags)
{
	char *data, *line, *next, *f[4];
	size_t len, lineno = 0;
	int i;
	bool absent;

	memset(m, 0, sizeof(*m));
	if ((data = sr_outdir_read(o, MANIFEST_NAME, &len, &absent)) == NULL) {
		if (absent)
			return 0; /* a first build */
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "cannot read %s", MANIFEST_NAME);
		return -1;
	}
	for (line = data; line != NULL && *line != '\0'; line = next) {
		lineno++;
		if ((next = strchr(line, '\n')) != NULL)
			*next++ = '\0';
		if (*line == '#' || *line == '\0')
			continue;
		f[0] = line;
		for (i = 1; i < 4; i++) {
			if ((f[i] = strchr(f[i - 1], '\t')) == NULL)
				break;
			*f[i]++ = '\0';
		}
		if (i < 4 || strlen(f[2]) != 16 || strlen(f[3]) != 16) {
			sr_diags_add(diags, SR_WARNING, sr_outdir_path(o),
			    (int)lineno, 0, "%s: a line that is not an entry; "
			    "ignored", MANIFEST_NAME);
			continue;
		}
		if (!add_entry(m, f[0], f[1], strtoull(f[2], NULL, 16),
		    strtoull(f[3], NULL, 16), NULL)) {
			free(data);
			sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
			    "out of memory reading %s", MANIFEST_NAME);
			return -1;
		}
	}
	free(data);
	m->changed = false;
	return 0;
}

const sr_manifest_entry *
sr_manifest_find(sr_manifest *m, const char *output)
{
	uint32_t j;

	if (m->index_cap == 0)
		return NULL;
	for (j = (uint32_t)hash_str(output) & (m->index_cap - 1);
	    m->by_output[j] != 0; j = (j + 1) & (m->index_cap - 1))
		if (strcmp(m->items[m->by_output[j] - 1].output, output) == 0)
			return &m->items[m->by_output[j] - 1];
	return NULL;
}

size_t
sr_manifest_outputs(sr_manifest *m, const char *note,
    const sr_manifest_entry **out, size_t max)
{
	uint32_t j, i;
	size_t n = 0;

	if (m->index_cap == 0)
		return 0;
	for (j = (uint32_t)hash_str(note) & (m->index_cap - 1);
	    m->by_note[j] != 0; j = (j + 1) & (m->index_cap - 1)) {
		if (strcmp(m->items[m->by_note[j] - 1].note, note) != 0)
			continue;
		/* the chain holds every entry this note ever had in the
		 * batch; one whose note was changed since is skipped */
		for (i = m->by_note[j]; i != 0; i = m->next_of_note[i - 1]) {
			if (strcmp(m->items[i - 1].note, note) != 0)
				continue;
			if (n < max)
				out[n] = &m->items[i - 1];
			n++;
		}
		break;
	}
	return n;
}

int
sr_manifest_set(sr_manifest *m, const char *output, const char *note,
    uint64_t in, uint64_t out, const char *made_by)
{
	sr_manifest_entry *e = (sr_manifest_entry *)sr_manifest_find(m,
	    output);

	if (e != NULL) {
		if (strcmp(e->note, note) != 0) {
			/* an output that moves to another note: rare; the
			 * indexes are rebuilt */
			const char *copy = pooled_note(m, note);

			if (copy == NULL)
				return -1;
			e->note = copy;
			m->changed = true;
			if (!reindex(m))
				return -1;
		}
		if (e->input_hash != in || e->output_hash != out)
			m->changed = true;
		e->input_hash = in;
		e->output_hash = out;
		if (made_by != NULL)
			e->made_by = made_by;
		return 0;
	}
	m->changed = true;
	return add_entry(m, output, note, in, out, made_by) ? 0 : -1;
}

int
sr_manifest_remove(sr_manifest *m, const char *output)
{
	const sr_manifest_entry *e = sr_manifest_find(m, output);
	uint32_t i;

	if (e == NULL)
		return 0;
	/* its names stay in the pool until the manifest is freed */
	i = (uint32_t)(e - m->items);
	m->items[i] = m->items[--m->count];
	m->changed = true;
	return reindex(m) ? 0 : -1;
}

/* The manifest's text, a few hundred lines at a time. */
typedef struct {
	sr_manifest *m;
	uint32_t next;
	bool head;
	sr_buf b;
} save_state;

static int
fill_lines(void *arg, const char **data, size_t *len)
{
	save_state *st = arg;
	const sr_manifest_entry *e;

	st->b.len = 0;
	if (!st->head) {
		sr_buf_puts(&st->b, MANIFEST_HEAD);
		st->head = true;
	}
	while (st->next < st->m->count && st->b.len < 32768) {
		e = &st->m->items[st->next++];
		sr_buf_printf(&st->b, "%s\t%s\t%016llx\t%016llx\n", e->output,
		    e->note, (unsigned long long)e->input_hash,
		    (unsigned long long)e->output_hash);
	}
	if (st->b.failed)
		return -1;
	*data = st->b.data != NULL ? st->b.data : "";
	*len = st->b.len;
	return st->next < st->m->count ? 1 : 0;
}

int
sr_manifest_save(sr_manifest *m, sr_outdir *o, sr_diags *diags)
{
	save_state st = {m, 0, false, {0}};
	int rc;

	if (!m->changed)
		return 0;
	/* sorted for the file (the indexes are rebuilt for any later use) */
	if (m->count > 1)
		qsort(m->items, m->count, sizeof(*m->items), compare_entries);
	if (!reindex(m)) {
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "out of memory writing %s", MANIFEST_NAME);
		return -1;
	}
	rc = sr_outdir_write_fn(o, MANIFEST_NAME, fill_lines, &st, diags);
	sr_buf_free(&st.b);
	if (rc == 0)
		m->changed = false;
	return rc;
}

void
sr_manifest_free(sr_manifest *m)
{
	free(m->items);
	free(m->by_output);
	free(m->by_note);
	free(m->next_of_note);
	sr_arena_free(m->strings);
	memset(m, 0, sizeof(*m));
}
