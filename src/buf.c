/*
 * buf.c - a growable, always NUL-terminated byte buffer on malloc, for text
 * built piece by piece (plain text of a point, messages, what a worker
 * sends back).  An allocation failure is remembered in the buffer instead
 * of reported at each call.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

/* Room for extra more bytes (and the NUL); false when out of memory. */
static bool
sr_buf_reserve(sr_buf *b, size_t extra)
{
	size_t want, cap;
	char *p;

	if (b->failed)
		return false;
	if (extra > SIZE_MAX - b->len - 1)
		goto fail;
	want = b->len + extra + 1;
	if (want <= b->cap)
		return true;
	cap = b->cap ? b->cap : 64;
	while (cap < want)
		cap = cap > SIZE_MAX / 2 ? want : cap * 2;
	if ((p = realloc(b->data, cap)) == NULL)
		goto fail;
	b->data = p;
	b->cap = cap;
	return true;
fail:
	b->failed = true;
	return false;
}

void
sr_buf_put(sr_buf *b, const char *s, size_t len)
{
	if (!sr_buf_reserve(b, len))
		return;
	memcpy(b->data + b->len, s, len);
	b->len += len;
	b->data[b->len] = '\0';
}

void
sr_buf_puts(sr_buf *b, const char *s)
{
	sr_buf_put(b, s, strlen(s));
}

void
sr_buf_putc(sr_buf *b, char c)
{
	sr_buf_put(b, &c, 1);
}

void
sr_buf_put_quoted(sr_buf *b, const char *s)
{
	sr_buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		if (*s == '"' || *s == '\\')
			sr_buf_putc(b, '\\');
		sr_buf_putc(b, *s);
	}
	sr_buf_putc(b, '"');
}

void
sr_buf_printf(sr_buf *b, const char *fmt, ...)
{
	size_t room = b->failed || b->data == NULL ? 0 : b->cap - b->len;
	va_list ap;
	int n;

	/* formatted once when it fits in the room left, else measured by
	 * that first try and formatted again */
	va_start(ap, fmt);
	n = vsnprintf(room > 0 ? b->data + b->len : NULL, room, fmt, ap);
	va_end(ap);
	if (n >= 0 && (size_t)n < room) {
		b->len += (size_t)n;
		return;
	}
	if (room > 0)
		b->data[b->len] = '\0'; /* what the first try cut short */
	if (n < 0 || !sr_buf_reserve(b, (size_t)n)) {
		b->failed = true;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

void
sr_buf_free(sr_buf *b)
{
	free(b->data);
	memset(b, 0, sizeof(*b));
}

char *
sr_buf_take(sr_buf *b)
{
	char *s = b->data;

	if (b->failed) {
		sr_buf_free(b);
		return NULL;
	}
	memset(b, 0, sizeof(*b));
	return s != NULL ? s : strdup("");
}

bool
sr_write_all(int fd, const void *data, size_t len)
{
	const char *p = data;
	ssize_t n;

	while (len > 0) {
		if ((n = write(fd, p, len)) < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		p += n;
		len -= (size_t)n;
	}
	return true;
}
