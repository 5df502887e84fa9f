/*
 * note.c - reading one note: the file's bytes are checked (size, NUL bytes,
 * UTF-8), the front matter is split off and parsed, its known fields read,
 * and the body parsed into sections and points.  Every error names the file
 * and, where there is one, the line and column.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

char *
sr_note_read_bytes(const char *path, size_t *len, sr_diags *diags)
{
	struct stat st;
	char *data = NULL;
	size_t got = 0;
	ssize_t n;
	int fd;

	/* O_NONBLOCK: a FIFO named like a note must not hang the batch; it is
	 * refused below as not a regular file */
	if ((fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)) == -1) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		return NULL;
	}
	if (fstat(fd, &st) == -1) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		goto fail;
	}
	if (S_ISDIR(st.st_mode)) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "is a folder, not a "
		    "note");
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "is not a regular "
		    "file");
		goto fail;
	}
	if ((unsigned long long)st.st_size > SR_MAX_NOTE_BYTES) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "the file is %.0f KiB, "
		    "over the limit of %u KiB for a note (SR_MAX_NOTE_BYTES): "
		    "interview notes are a few KiB; split a longer file, or "
		    "leave out what was pasted into it",
		    (double)st.st_size / 1024.0, SR_MAX_NOTE_BYTES / 1024);
		goto fail;
	}
	if ((data = malloc((size_t)st.st_size + 1)) == NULL) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory");
		goto fail;
	}
	while (got < (size_t)st.st_size) {
		n = read(fd, data + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1) {
			sr_diags_add(diags, SR_ERROR, path, 0, 0,
			    "cannot read: %s", strerror(errno));
			goto fail;
		}
		if (n == 0)
			break; /* the file shrank while we read it */
		got += (size_t)n;
	}
	close(fd);
	data[got] = '\0';
	*len = got;
	return data;
fail:
	free(data);
	close(fd);
	return NULL;
}

bool
sr_regular_file(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	    access(path, R_OK) == 0;
}

sr_note *
sr_note_read(const char *path, sr_diags *diags)
{
	sr_note *note;
	char *data;
	size_t len;

	if ((data = sr_note_read_bytes(path, &len, diags)) == NULL)
		return NULL;
	note = sr_note_parse(path, data, len, diags);
	free(data);
	return note;
}

/* Refuses what is not a text note: empty, binary (NUL bytes) or not
 * UTF-8, with the place of the first bad byte. */
static bool
check_bytes(const char *path, const char *data, size_t len, sr_diags *diags)
{
	const char *p;
	size_t bad;
	int line, col, lines;

	if (len >= 2 && ((data[0] == '\xFF' && data[1] == '\xFE') ||
	    (data[0] == '\xFE' && data[1] == '\xFF'))) {
		sr_diags_add(diags, SR_ERROR, path, 1, 1, "the note is UTF-16; "
		    "save it as UTF-8");
		return false;
	}
	for (p = data, lines = 1; (p = memchr(p, '\n', len - (size_t)(p -
	    data))) != NULL && lines <= SR_MAX_NOTE_LINES; p++)
		lines++;
	if (lines > SR_MAX_NOTE_LINES) {
		sr_diags_add(diags, SR_ERROR, path, SR_MAX_NOTE_LINES + 1, 0,
		    "the note has more than %d lines (SR_MAX_NOTE_LINES)",
		    SR_MAX_NOTE_LINES);
		return false;
	}
	/* A NUL anywhere says binary more surely than the first bad byte. */
	if ((bad = sr_utf8_check(data, len)) == len)
		return true;
	if (memchr(data, '\0', len) != NULL)
		bad = (size_t)((const char *)memchr(data, '\0', len) - data);
	sr_text_position(data, bad, &line, &col);
	if (data[bad] == '\0')
		sr_diags_add(diags, SR_ERROR, path, line, col, "a NUL byte: "
		    "this looks like a binary file, not a Markdown note");
	else
		sr_diags_add(diags, SR_ERROR, path, line, col, "invalid UTF-8 "
		    "(byte 0x%02X); save the note as UTF-8",
		    (unsigned char)data[bad]);
	return false;
}

/* Counts the '[' of the body: Debian's cmark 0.30.2 takes quadratic time
 * on long runs of nested link openers (CVE-2023-22486, fixed in 0.30.3),
 * so a note with more than SR_MAX_BRACKETS is refused before cmark sees
 * it.  No real note comes near. */
static bool
check_brackets(const char *path, const char *data, size_t len,
    sr_diags *diags)
{
	const char *p = data, *end = data + len;
	size_t n = 0;

	while ((p = memchr(p, '[', (size_t)(end - p))) != NULL) {
		if (++n > SR_MAX_BRACKETS) {
			int line, col;

			sr_text_position(data, (size_t)(p - data), &line, &col);
			sr_diags_add(diags, SR_ERROR, path, line, col, "more than "
			    "%d '[' in the note (SR_MAX_BRACKETS)",
			    SR_MAX_BRACKETS);
			return false;
		}
		p++;
	}
	return true;
}

/* A copy of data with each lone CR (old Mac line ends) made LF, the same
 * length, so every stage counts lines alike; NULL when there is none (or
 * on out-of-memory, with *oom set). */
static char *
lone_cr_to_lf(const char *data, size_t len, bool *oom)
{
	const char *p = memchr(data, '\r', len);
	char *copy;
	size_t i;

	*oom = false;
	while (p != NULL && (size_t)(p - data) + 1 < len && p[1] == '\n')
		p = memchr(p + 1, '\r', len - (size_t)(p + 1 - data));
	if (p == NULL)
		return NULL;
	if ((copy = malloc(len + 1)) == NULL) {
		*oom = true;
		return NULL;
	}
	memcpy(copy, data, len);
	copy[len] = '\0';
	for (i = 0; i < len; i++)
		if (copy[i] == '\r' && (i + 1 == len || copy[i + 1] != '\n'))
			copy[i] = '\n';
	return copy;
}

/* True when data holds nothing but blanks (and a byte-order mark). */
static bool
is_blank(const char *data, size_t len)
{
	size_t i = 0;

	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	for (; i < len; i++)
		if (data[i] != ' ' && data[i] != '\t' && data[i] != '\n' &&
		    data[i] != '\r')
			return false;
	return true;
}

/*
 * Why a parsed file is not an interview note, or NULL.  A note answers
 * one of the six questions with a heading, or names the interview in its
 * front matter; a README, a blog post or a page of a note app's vault
 * does neither.  `date` alone does not make a note: Jekyll, Hugo and
 * daily notes all have one; secondround's other fields do.
 */
static const char *
not_a_note(const sr_note *note, bool has_front_matter)
{
	static const char *const fields[] = {"company", "role", "interviewer",
	    "interviewers", "candidate", "sections", "sent", "max_words",
	    "tone", "filters"};
	size_t i, k;

	for (i = 0; i < note->nsections; i++)
		if (note->sections[i].key < SR_KEY_PRIVATE)
			return NULL;
	/* "Company:" too: it is a note, and gets told of the capital */
	for (i = 0; i < note->meta->count; i++)
		for (k = 0; k < sizeof(fields) / sizeof(fields[0]); k++)
			if (strcasecmp(note->meta->keys[i], fields[k]) == 0)
				return NULL;
	return has_front_matter ? "no note fields in the front matter" :
	    "no front matter";
}

void
sr_note_tell_skip(const sr_note *note, sr_diags *diags)
{
	if (note->not_a_note == NULL)
		return;
	if (note->empty)
		sr_diags_add(diags, SR_WARNING, note->path, 0, 0, "the file is "
		    "empty: skipped");
	else
		sr_diags_add(diags, SR_INFO, note->path, 0, 0, "not a note "
		    "(%s): skipped", note->not_a_note);
}

sr_note *
sr_note_parse(const char *path, const char *data, size_t len, sr_diags *diags)
{
	sr_note *note = NULL;
	sr_arena *a = NULL;
	sr_split split;
	size_t errors = diags->errors;
	char *lf;
	bool oom;

	if (is_blank(data, len)) {
		/* an empty note is skipped with a warning, not a failure */
		if ((a = sr_arena_new()) == NULL ||
		    (note = sr_arena_alloc(a, sizeof(*note))) == NULL ||
		    (note->meta = sr_arena_alloc(a, sizeof(sr_value))) == NULL ||
		    (note->path = sr_arena_strdup(a, path)) == NULL)
			goto oom;
		note->arena = a;
		note->meta->kind = SR_VALUE_MAP;
		note->body_line = 1;
		note->not_a_note = "empty file";
		note->empty = true;
		return note;
	}
	if (!check_bytes(path, data, len, diags) ||
	    !check_brackets(path, data, len, diags))
		return NULL;
	if ((lf = lone_cr_to_lf(data, len, &oom)) != NULL) {
		note = sr_note_parse(path, lf, len, diags);
		free(lf);
		return note;
	}
	if (oom) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory");
		return NULL;
	}
	if (!sr_frontmatter_split(path, data, len, &split, diags))
		return NULL;
	if ((a = sr_arena_new()) == NULL ||
	    (note = sr_arena_alloc(a, sizeof(*note))) == NULL)
		goto oom;
	note->arena = a;
	note->body_line = split.body_line;
	if ((note->path = sr_arena_strdup(a, path)) == NULL)
		goto oom;
	if (split.present)
		note->meta = sr_frontmatter_parse(a, path,
		    data + split.yaml_start, split.yaml_len,
		    split.yaml_line, diags);
	else if ((note->meta = sr_arena_alloc(a, sizeof(sr_value))) != NULL)
		note->meta->kind = SR_VALUE_MAP;
	if (note->meta == NULL)
		goto fail;
	if (!sr_points_read(note, data + split.body_start,
	    len - split.body_start, diags))
		goto fail;
	/* a blog post or a README is skipped before its fields are judged */
	if ((note->not_a_note = not_a_note(note, split.present)) != NULL)
		return note;
	if (!sr_fields_read(note, diags) || !sr_defaults_apply(note, diags))
		goto fail;
	if (diags->errors != errors)
		goto fail;
	return note;
oom:
	sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory");
fail:
	sr_arena_free(a);
	return NULL;
}

void
sr_note_free(sr_note *note)
{
	if (note != NULL)
		sr_arena_free(note->arena);
}

size_t
sr_note_points(const sr_note *note, sr_key key, const sr_point **out,
    size_t max)
{
	size_t i, n = 0;

	for (i = 0; i < note->npoints; i++) {
		if (note->points[i].key != key)
			continue;
		if (n < max)
			out[n] = &note->points[i];
		n++;
	}
	return n;
}
