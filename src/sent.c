/*
 * sent.c - marking a note sent: its front matter's `sent:` field is set by
 * editing the text, not by writing the YAML out again, so that every other
 * byte of the note (comments, quoting, the order of the fields, the line
 * endings) stays as the user wrote it.  The YAML is parsed only to find
 * where the field is.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* The offset of the start of 1-based line `line` of data, or len. */
static size_t
line_start(const char *data, size_t len, int line)
{
	const char *p = data, *end = data + len, *nl;

	while (--line > 0 && p < end) {
		if ((nl = memchr(p, '\n', (size_t)(end - p))) == NULL)
			return len;
		p = nl + 1;
	}
	return (size_t)(p - data);
}

/* Whether the line at s (to end) is the key `sent` written at its start,
 * plain or quoted, then ':'. */
static bool
is_sent_key(const char *s, const char *end)
{
	static const char *const spellings[] = {"sent", "\"sent\"", "'sent'"};
	size_t i, n;
	const char *p;

	for (i = 0; i < sizeof(spellings) / sizeof(spellings[0]); i++) {
		n = strlen(spellings[i]);
		if ((size_t)(end - s) < n || memcmp(s, spellings[i], n) != 0)
			continue;
		for (p = s + n; p < end && (*p == ' ' || *p == '\t'); p++)
			;
		if (p < end && *p == ':')
			return true;
	}
	return false;
}

char *
sr_note_mark_sent(const char *path, const char *data, size_t len,
    const char *value, size_t *outlen, sr_diags *diags)
{
	const char *eol = "\n", *nl;
	sr_arena *a = NULL;
	sr_value *meta;
	sr_split split;
	sr_buf b = {0};
	size_t from, to, i, bom;
	char *out = NULL;

	if (strpbrk(value, "\r\n") != NULL) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "the sent date holds a "
		    "line break");
		return NULL;
	}
	/* the file's own line ending */
	if ((nl = memchr(data, '\n', len)) != NULL && nl > data && nl[-1] ==
	    '\r')
		eol = "\r\n";
	if (!sr_frontmatter_split(path, data, len, &split, diags))
		return NULL;
	if (!split.present) {
		/* a front matter of its own, after a byte-order mark */
		bom = len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
		sr_buf_put(&b, data, bom);
		sr_buf_printf(&b, "---%ssent: %s%s---%s", eol, value, eol, eol);
		sr_buf_put(&b, data + bom, len - bom);
		goto done;
	}
	if ((a = sr_arena_new()) == NULL)
		goto oom;
	if ((meta = sr_frontmatter_parse(a, path, data + split.yaml_start,
	    split.yaml_len, split.yaml_line, diags)) == NULL)
		goto out;
	for (i = 0; i < meta->count; i++)
		if (strcmp(meta->keys[i], "sent") == 0)
			break;
	if (i == meta->count) {
		/* a new last line of the front matter */
		from = to = split.yaml_start + split.yaml_len;
	} else {
		const char *yaml_end = data + split.yaml_start + split.yaml_len;

		from = line_start(data, len, meta->key_lines[i]);
		nl = memchr(data + from, '\n', len - from);
		if (!is_sent_key(data + from, nl != NULL ? nl : data + len)) {
			sr_diags_add(diags, SR_ERROR, path, meta->key_lines[i],
			    0, "'sent' is not a line of its own here (a "
			    "flow-style map?); set it by hand");
			goto out;
		}
		/* its value's lines: the indented ones after it (a blank
		 * line or the next field ends them) */
		to = nl != NULL ? (size_t)(nl - data) + 1 : len;
		while (data + to < yaml_end && (data[to] == ' ' ||
		    data[to] == '\t')) {
			const char *next = memchr(data + to, '\n', len - to);

			if (next == NULL || next >= yaml_end) {
				to = (size_t)(yaml_end - data);
				break;
			}
			to = (size_t)(next - data) + 1;
		}
	}
	sr_buf_put(&b, data, from);
	sr_buf_printf(&b, "sent: %s%s", value, eol);
	sr_buf_put(&b, data + to, len - to);
done:
	*outlen = b.len;
	if ((out = sr_buf_take(&b)) == NULL)
		goto oom;
	goto out;
oom:
	sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory");
out:
	sr_buf_free(&b);
	sr_arena_free(a);
	return out;
}
