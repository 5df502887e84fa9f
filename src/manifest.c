/*
 * manifest.c - what produced each output file, kept in the output folder as
 * `.secondround-manifest`: one line per file with the note it came from, a
 * hash of what went into it (the note, the filters, the options, the
 * program's version) and a hash of what was written.  A rebuild skips a
 * note whose inputs hash the same and whose outputs are as written, and
 * never overwrites a draft whose hash says it was edited by hand.
 *
 * The file is sorted and holds no times, so it is the same on every
 * machine and `git diff drafts/` shows only real changes.
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

static bool
add_entry(sr_manifest *m, const char *output, const char *note,
    uint64_t in, uint64_t out)
{
	sr_manifest_entry *e;

	if (m->count == m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 64;
		sr_manifest_entry *p = realloc(m->items, cap * sizeof(*p));

		if (p == NULL)
			return false;
		m->items = p;
		m->cap = cap;
	}
	e = &m->items[m->count];
	if ((e->output = strdup(output)) == NULL)
		return false;
	if ((e->note = strdup(note)) == NULL) {
		free(e->output);
		return false;
	}
	e->input_hash = in;
	e->output_hash = out;
	m->count++;
	m->sorted = false;
	return true;
}

int
sr_manifest_load(sr_manifest *m, sr_outdir *o, sr_diags *diags)
{
	char *data, *line, *next, *f[4];
	size_t len, lineno = 0;
	int i;

	memset(m, 0, sizeof(*m));
	if ((data = sr_outdir_read(o, MANIFEST_NAME, &len)) == NULL)
		return 0; /* a first build */
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
		    strtoull(f[3], NULL, 16))) {
			free(data);
			return -1;
		}
	}
	free(data);
	m->changed = false;
	return 0;
}

static void
sort_entries(sr_manifest *m)
{
	if (!m->sorted && m->count > 1)
		qsort(m->items, m->count, sizeof(*m->items), compare_entries);
	m->sorted = true;
}

const sr_manifest_entry *
sr_manifest_find(sr_manifest *m, const char *output)
{
	sr_manifest_entry key;

	sort_entries(m);
	if (m->count == 0)
		return NULL;
	key.output = (char *)output;
	return bsearch(&key, m->items, m->count, sizeof(*m->items),
	    compare_entries);
}

size_t
sr_manifest_outputs(sr_manifest *m, const char *note,
    const sr_manifest_entry **out, size_t max)
{
	size_t i, n = 0;

	sort_entries(m);
	for (i = 0; i < m->count; i++) {
		if (strcmp(m->items[i].note, note) != 0)
			continue;
		if (n < max)
			out[n] = &m->items[i];
		n++;
	}
	return n;
}

int
sr_manifest_set(sr_manifest *m, const char *output, const char *note,
    uint64_t in, uint64_t out)
{
	sr_manifest_entry *e = (sr_manifest_entry *)sr_manifest_find(m,
	    output);

	if (e != NULL) {
		if (strcmp(e->note, note) != 0) {
			char *copy = strdup(note);

			if (copy == NULL)
				return -1;
			free(e->note);
			e->note = copy;
			m->changed = true;
		}
		if (e->input_hash != in || e->output_hash != out)
			m->changed = true;
		e->input_hash = in;
		e->output_hash = out;
		return 0;
	}
	m->changed = true;
	return add_entry(m, output, note, in, out) ? 0 : -1;
}

int
sr_manifest_save(sr_manifest *m, sr_outdir *o, sr_diags *diags)
{
	sr_buf b = {0};
	size_t i;
	int rc;

	if (!m->changed)
		return 0;
	sort_entries(m);
	sr_buf_puts(&b, MANIFEST_HEAD);
	for (i = 0; i < m->count; i++)
		sr_buf_printf(&b, "%s\t%s\t%016llx\t%016llx\n",
		    m->items[i].output, m->items[i].note,
		    (unsigned long long)m->items[i].input_hash,
		    (unsigned long long)m->items[i].output_hash);
	if (b.failed) {
		sr_buf_free(&b);
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0,
		    "out of memory writing %s", MANIFEST_NAME);
		return -1;
	}
	rc = sr_outdir_write(o, MANIFEST_NAME, b.data, b.len, diags);
	sr_buf_free(&b);
	if (rc == 0)
		m->changed = false;
	return rc;
}

void
sr_manifest_free(sr_manifest *m)
{
	size_t i;

	for (i = 0; i < m->count; i++) {
		free(m->items[i].output);
		free(m->items[i].note);
	}
	free(m->items);
	memset(m, 0, sizeof(*m));
}
