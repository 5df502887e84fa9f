/*
 * defaults.c - the defaults file, secondround.yaml: front-matter fields that
 * every note below it inherits (the candidate, the tone, lang, filters...),
 * and the build's formats and output folder.  It is found by walking up from
 * a note's folder to the repository's root (a folder holding .git) or to /.
 * A note's own front matter wins, field by field; the file is read with the
 * note's YAML reader, so that its errors are located (file:line:col) as a
 * note's are.
 */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* Whether dir/name exists (any kind of file). */
static bool
exists_in(const char *dir, const char *name)
{
	char probe[PATH_MAX];
	struct stat st;

	return (size_t)snprintf(probe, sizeof(probe), "%s/%s", dir, name) <
	    sizeof(probe) && lstat(probe, &st) == 0;
}

/* The part of the absolute path dir below the current folder ("" for
 * the folder itself), or dir when it is not below it. */
static const char *
below_cwd(const char *dir)
{
	char cwd[PATH_MAX];
	size_t n;

	if (getcwd(cwd, sizeof(cwd)) == NULL)
		return dir;
	n = strlen(cwd);
	if (strcmp(cwd, "/") == 0 || strncmp(dir, cwd, n) != 0)
		return dir;
	if (dir[n] == '\0')
		return "";
	return dir[n] == '/' ? dir + n + 1 : dir;
}

/* The defaults file of the real folder dir, or NULL; caller frees. */
static char *
find_from(char *dir)
{
	char *slash, *found = NULL;

	while (dir != NULL) {
		if (exists_in(dir, SR_DEFAULTS_FILE)) {
			size_t n = strlen(dir) + sizeof(SR_DEFAULTS_FILE) + 1;
			const char *shown = below_cwd(dir);

			/* named from the current folder when it is below
			 * it, as messages name notes */
			if ((found = malloc(n)) != NULL)
				snprintf(found, n, "%s%s%s", shown, *shown ? "/" :
				    "", SR_DEFAULTS_FILE);
			break;
		}
		/* the repository's root is as far as it goes */
		if (exists_in(dir, ".git") || strcmp(dir, "/") == 0)
			break;
		slash = strrchr(dir, '/');
		if (slash == dir)
			slash[1] = '\0';
		else
			*slash = '\0';
	}
	return found;
}

/* The answer for the folder of the note asked last: the notes of a folder
 * come one after another, and each asks (16 system calls a note, else).
 * sr_defaults_forget drops it, as each build does: watch builds again in
 * the same process, and a defaults file may have come or gone. */
static char *last_folder, *last_found;

void
sr_defaults_forget(void)
{
	free(last_folder);
	free(last_found);
	last_folder = last_found = NULL;
}

char *
sr_defaults_find(const char *path)
{
	char *dir, *slash, *found, *copy;
	const char *folder;
	struct stat st;

	/* the folder named */
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		dir = realpath(path, NULL);
		found = find_from(dir);
		free(dir);
		return found;
	}
	/* or the folder of a note */
	if ((copy = strdup(path)) == NULL)
		return NULL;
	slash = strrchr(copy, '/');
	if (slash == copy)
		slash[1] = '\0';
	else if (slash != NULL)
		*slash = '\0';
	folder = slash != NULL ? copy : ".";
	if (last_folder != NULL && strcmp(last_folder, folder) == 0) {
		free(copy);
		return last_found != NULL ? strdup(last_found) : NULL;
	}
	dir = realpath(folder, NULL);
	found = find_from(dir);
	free(dir);
	sr_defaults_forget();
	if ((last_folder = strdup(folder)) != NULL && found != NULL &&
	    (last_found = strdup(found)) == NULL)
		sr_defaults_forget(); /* out of memory: not kept */
	free(copy);
	return found;
}

/* Fields that belong to one interview and make no default. */
static const char *const own_fields[] = {"date", "sent"};

/* Reads the file at path into a map in the arena, its fields checked as a
 * note's (into *d, whose path names the file); NULL with the errors in
 * diags. */
static sr_value *
read_file(sr_arena *a, const char *path, sr_note *d, sr_diags *diags)
{
	char *data;
	size_t len, i, errors = diags->errors;
	const sr_value *v;

	memset(d, 0, sizeof(*d));
	d->arena = a;
	if ((d->path = sr_arena_strdup(a, path)) == NULL) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory");
		return NULL;
	}
	if ((data = sr_note_read_bytes(path, &len, diags)) == NULL)
		return NULL;
	if (len > SR_MAX_FRONTMATTER_BYTES)
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "the defaults file is "
		    "%zu bytes, over the limit of %u (SR_MAX_FRONTMATTER_BYTES)",
		    len, SR_MAX_FRONTMATTER_BYTES);
	else if (sr_utf8_check(data, len) != len)
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "not UTF-8 text");
	else
		d->meta = sr_frontmatter_parse(a, d->path, data, len, 1, diags);
	free(data);
	if (d->meta == NULL)
		return NULL;
	for (i = 0; i < sizeof(own_fields) / sizeof(own_fields[0]); i++)
		if ((v = sr_value_get(d->meta, own_fields[i])) != NULL)
			sr_diags_add(diags, SR_ERROR, d->path, v->line, v->col,
			    "'%s' belongs in a note, not in the defaults file",
			    own_fields[i]);
	if ((v = sr_value_get(d->meta, "output")) != NULL &&
	    v->kind != SR_VALUE_SCALAR)
		sr_diags_add(diags, SR_ERROR, d->path, v->line, v->col,
		    "'output' must be the name of a folder");
	if ((v = sr_value_get(d->meta, "formats")) != NULL &&
	    v->kind != SR_VALUE_SCALAR && v->kind != SR_VALUE_SEQ)
		sr_diags_add(diags, SR_ERROR, d->path, v->line, v->col,
		    "'formats' must be a list such as [md, txt, html]");
	if (!sr_fields_read(d, diags) || diags->errors != errors)
		return NULL;
	return d->meta;
}

/* A filter a defaults file names is found beside it: its name made
 * relative to the note's working folder, when the file is there. */
static const char *
filter_beside(sr_arena *a, const char *file, const char *name)
{
	const char *slash = strrchr(file, '/');
	char *joined;
	size_t n;

	if (name[0] == '/' || slash == NULL)
		return name;
	n = (size_t)(slash - file) + strlen(name) + 2;
	if ((joined = sr_arena_alloc(a, n)) == NULL)
		return name;
	snprintf(joined, n, "%.*s/%s", (int)(slash - file), file, name);
	return sr_regular_file(joined) ? joined : name;
}

bool
sr_defaults_apply(sr_note *note, sr_diags *diags)
{
	char *path = sr_defaults_find(note->path);
	sr_value *m = note->meta, *dm;
	sr_note d;
	size_t i, j, add = 0;
	bool ok = false;

	if (path == NULL)
		return true;
	if ((dm = read_file(note->arena, path, &d, diags)) == NULL) {
		/* the note's own line, below the file's errors */
		sr_diags_add(diags, SR_ERROR, note->path, 0, 0, "not read: its "
		    "defaults file %s has errors", path);
		goto out;
	}
	note->defaults = d.path;
	/* the fields as read, where the note has none of its own */
	if (note->company == NULL)
		note->company = d.company;
	if (note->role == NULL)
		note->role = d.role;
	if (note->tone == NULL)
		note->tone = d.tone;
	if (note->ninterviewers == 0 && sr_value_get(m, "interviewer") ==
	    NULL && sr_value_get(m, "interviewers") == NULL) {
		note->interviewers = d.interviewers;
		note->ninterviewers = d.ninterviewers;
	}
	if (sr_value_get(m, "candidate") == NULL)
		note->candidate = d.candidate;
	if (note->max_words == 0)
		note->max_words = d.max_words;
	if (sr_value_get(m, "filters") == NULL && d.nfilters > 0) {
		note->filters = d.filters;
		note->nfilters = d.nfilters;
		for (i = 0; i < d.nfilters; i++)
			d.filters[i] = filter_beside(note->arena, path,
			    d.filters[i]);
	}
	/* and the map the filters see: the note's keys, then the others */
	for (i = 0; i < dm->count; i++)
		if (sr_value_get(m, dm->keys[i]) == NULL)
			add++;
	if (add > 0) {
		size_t n = m->count;

		m->items = sr_arena_grow(note->arena, m->items, n, n + add,
		    sizeof(*m->items));
		m->keys = sr_arena_grow(note->arena, m->keys, n, n + add,
		    sizeof(*m->keys));
		m->key_lines = sr_arena_grow(note->arena, m->key_lines, n,
		    n + add, sizeof(*m->key_lines));
		if (m->items == NULL || m->keys == NULL || m->key_lines ==
		    NULL) {
			sr_diags_add(diags, SR_ERROR, note->path, 0, 0,
			    "out of memory");
			goto out;
		}
		for (i = 0; i < dm->count; i++) {
			for (j = 0; j < n; j++)
				if (strcmp(m->keys[j], dm->keys[i]) == 0)
					break;
			if (j < n)
				continue;
			m->keys[m->count] = dm->keys[i];
			m->key_lines[m->count] = 0; /* not a line of the note */
			m->items[m->count++] = dm->items[i];
		}
	}
	ok = true;
out:
	free(path);
	return ok;
}

const char *
sr_note_field_file(const sr_note *note, const char *key)
{
	const sr_value *m = note->meta;
	size_t i;

	for (i = 0; i < m->count; i++)
		if (strcmp(m->keys[i], key) == 0)
			/* a merged key has no line of the note */
			return m->key_lines[i] == 0 && note->defaults != NULL ?
			    note->defaults : note->path;
	return note->path;
}

/* Copies a scalar's text, or joins a list's with commas. */
static char *
join_value(const sr_value *v)
{
	sr_buf b = {0};
	size_t i;

	if (v->kind == SR_VALUE_SCALAR)
		return strdup(v->text);
	for (i = 0; i < v->count; i++)
		if (v->items[i]->kind == SR_VALUE_SCALAR)
			sr_buf_printf(&b, "%s%s", i > 0 ? "," : "",
			    v->items[i]->text);
	return sr_buf_take(&b);
}

int
sr_defaults_build(const char *path, sr_build_defaults *out, sr_diags *diags)
{
	sr_arena *a = NULL;
	const sr_value *v;
	sr_note d;
	int rc = -1;

	memset(out, 0, sizeof(*out));
	if ((out->path = sr_defaults_find(path)) == NULL)
		return 0;
	if ((a = sr_arena_new()) == NULL) {
		sr_diags_add(diags, SR_ERROR, out->path, 0, 0, "out of memory");
		goto out;
	}
	if (read_file(a, out->path, &d, diags) == NULL)
		goto out;
	if ((v = sr_value_get(d.meta, "output")) != NULL &&
	    v->kind == SR_VALUE_SCALAR) {
		const char *slash = strrchr(out->path, '/');
		size_t n = strlen(out->path) + v->len + 2;

		/* relative to the folder of the defaults file */
		if ((out->output = malloc(n)) == NULL)
			goto oom;
		if (v->text[0] == '/' || slash == NULL)
			snprintf(out->output, n, "%s", v->text);
		else
			snprintf(out->output, n, "%.*s/%s", (int)(slash -
			    out->path), out->path, v->text);
	}
	if ((v = sr_value_get(d.meta, "formats")) != NULL &&
	    v->kind != SR_VALUE_NULL) {
		if ((out->formats = join_value(v)) == NULL)
			goto oom;
		out->formats_line = v->line;
		out->formats_col = v->col;
	}
	rc = 0;
	goto out;
oom:
	sr_diags_add(diags, SR_ERROR, out->path, 0, 0, "out of memory");
out:
	sr_arena_free(a);
	if (rc != 0)
		sr_build_defaults_free(out);
	return rc;
}

void
sr_build_defaults_free(sr_build_defaults *d)
{
	free(d->path);
	free(d->output);
	free(d->formats);
	memset(d, 0, sizeof(*d));
}

uint64_t
sr_defaults_hash(uint64_t h, const char *note_path)
{
	char *path = sr_defaults_find(note_path), *data;
	sr_diags ignored = {0};
	size_t len;

	if (path == NULL)
		return h;
	h = sr_hash(h, path, strlen(path));
	/* an unreadable file fails every note's build, with its error */
	if ((data = sr_note_read_bytes(path, &len, &ignored)) != NULL)
		h = sr_hash(h, data, len);
	free(data);
	free(path);
	sr_diags_free(&ignored);
	return h;
}
