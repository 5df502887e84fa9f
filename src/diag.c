/*
 * diag.c - the list of errors and warnings that the library fills and the
 * command prints.  The library never prints: this is how it speaks.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void
sr_diags_vadd(sr_diags *d, sr_severity sev, const char *path, int line,
    int col, const char *fmt, va_list ap)
{
	sr_diag *item;
	char *msg = NULL, *p = NULL;
	va_list aq;
	int n;

	if (sev == SR_ERROR)
		d->errors++;
	else if (sev == SR_WARNING)
		d->warnings++;

	va_copy(aq, ap);
	n = vsnprintf(NULL, 0, fmt, aq);
	va_end(aq);
	if (n < 0 || (msg = malloc((size_t)n + 1)) == NULL)
		return;
	vsnprintf(msg, (size_t)n + 1, fmt, ap);
	if (path != NULL && (p = strdup(path)) == NULL)
		goto fail;
	if (d->count == d->cap) {
		size_t cap = d->cap ? d->cap * 2 : 8;
		sr_diag *items = realloc(d->items, cap * sizeof(*items));
		if (items == NULL)
			goto fail;
		d->items = items;
		d->cap = cap;
	}
	item = &d->items[d->count++];
	item->severity = sev;
	item->path = p;
	item->line = line;
	item->col = col;
	item->message = msg;
	return;
fail:
	free(msg);
	free(p);
}

void
sr_diags_add(sr_diags *d, sr_severity sev, const char *path, int line,
    int col, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sr_diags_vadd(d, sev, path, line, col, fmt, ap);
	va_end(ap);
}

/* Appends s with control characters shown as \xNN and the invisible and
 * line-breaking characters of Unicode (U+0085, U+2028, U+202E, U+200B...)
 * as \uXXXX, bytes that are not UTF-8 as \xNN: text from a note (a YAML
 * escape, a file name) must not forge a line of its own, reorder what the
 * terminal shows or drive it.  keep_newlines keeps the lines of a
 * traceback. */
void
sr_visible(sr_buf *b, const char *s, bool keep_newlines)
{
	size_t len = strlen(s), i = 0, n;
	uint32_t cp;

	while (i < len) {
		unsigned char c = (unsigned char)s[i];

		n = sr_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0) {
			sr_buf_printf(b, "\\x%02X", c);
			n = 1;
		} else if (cp < 0x80 && ((cp == '\n' && keep_newlines) ||
		    cp == '\t' || !sr_utf8_invisible(cp)))
			sr_buf_putc(b, (char)c);
		else if (cp < 0x80)
			sr_buf_printf(b, "\\x%02X", c);
		else if (sr_utf8_invisible(cp))
			sr_buf_printf(b, "\\u%04X", (unsigned)cp);
		else
			sr_buf_put(b, s + i, n);
		i += n;
	}
}

char *
sr_visible_dup(const char *s, bool keep_newlines)
{
	sr_buf b = {0};

	sr_visible(&b, s, keep_newlines);
	return sr_buf_take(&b);
}

char *
sr_diag_format(const sr_diag *diag)
{
	const char *kind = diag->severity == SR_ERROR ? "error" : "warning";
	const char *trace = strstr(diag->message, "\nstack traceback:");
	sr_buf b = {0};

	if (diag->path != NULL)
		sr_visible(&b, diag->path, false);
	if (diag->line > 0)
		sr_buf_printf(&b, ":%d", diag->line);
	if (diag->line > 0 && diag->col > 0)
		sr_buf_printf(&b, ":%d", diag->col);
	if (diag->severity == SR_INFO)
		sr_buf_puts(&b, diag->path != NULL ? ": " : "");
	else
		sr_buf_printf(&b, "%s%s: ", diag->path != NULL ? ": " : "",
		    kind);
	if (trace != NULL) {
		/* the message on one line, the traceback's lines after it */
		char *first = strndup(diag->message,
		    (size_t)(trace - diag->message));

		if (first != NULL)
			sr_visible(&b, first, false);
		free(first);
		sr_visible(&b, trace, true);
	} else
		sr_visible(&b, diag->message, false);
	return sr_buf_take(&b);
}

void
sr_diags_free(sr_diags *d)
{
	size_t i;

	for (i = 0; i < d->count; i++) {
		free(d->items[i].path);
		free(d->items[i].message);
	}
	free(d->items);
	memset(d, 0, sizeof(*d));
}
