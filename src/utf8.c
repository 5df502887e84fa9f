/*
 * utf8.c - UTF-8 decoding and validation, and turning a byte offset into the
 * line and column that a message shows.  Notes must be valid UTF-8: cmark
 * would quietly replace bad bytes and libyaml would stop with a vague error,
 * so the whole file is checked once, up front.
 */
#include <string.h>

#include "internal.h"

size_t
sr_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp)
{
	uint32_t c;
	size_t len, i;

	if (n == 0)
		return 0;
	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		len = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		len = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		len = 4;
		c = s[0] & 0x07;
	} else
		return 0;
	if (n < len)
		return 0;
	for (i = 1; i < len; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = (c << 6) | (s[i] & 0x3F);
	}
	/* Overlong forms, surrogates and code points past U+10FFFF. */
	if ((len == 3 && c < 0x800) || (len == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	*cp = c;
	return len;
}

size_t
sr_utf8_check(const char *text, size_t len)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		if (s[i] >= 0x80) {
			if ((n = sr_utf8_decode(s + i, len - i, &cp)) == 0)
				return i;
			i += n;
		} else if (s[i] == 0) {
			return i;
		} else
			i++;
	}
	return len;
}

void
sr_text_position(const char *text, size_t offset, int *line, int *col)
{
	const char *s = text, *end = text + offset, *nl;
	int l = 1, c = 1;

	while ((nl = memchr(s, '\n', (size_t)(end - s))) != NULL) {
		l++;
		s = nl + 1;
	}
	for (; s < end; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			c++;
	*line = l;
	*col = c;
}

bool
sr_utf8_invisible(uint32_t cp)
{
	return cp < 0x20 || (cp >= 0x7F && cp <= 0x9F) || /* C0, DEL, C1 */
	    cp == 0x061C || cp == 0x180E ||     /* Arabic letter mark, MVS */
	    cp == 0x200B ||                     /* zero-width space */
	    cp == 0x200E || cp == 0x200F ||     /* LRM, RLM */
	    (cp >= 0x2028 && cp <= 0x202E) ||   /* LS, PS, embeddings */
	    (cp >= 0x2060 && cp <= 0x2064) ||   /* word joiner, invisibles */
	    (cp >= 0x2066 && cp <= 0x2069) ||   /* isolates */
	    cp == 0xFEFF;                       /* zero-width no-break */
}

size_t
sr_utf8_find_invisible(const char *s, size_t len, uint32_t *cp)
{
	size_t i = 0, n;
	uint32_t c;

	while (i < len) {
		n = sr_utf8_decode((const unsigned char *)s + i, len - i, &c);
		if (n == 0) {
			i++; /* not UTF-8: not this function's to judge */
			continue;
		}
		if (sr_utf8_invisible(c) && c != '\t') {
			if (cp != NULL)
				*cp = c;
			return i;
		}
		i += n;
	}
	return len;
}

size_t
sr_utf8_strip_invisible(char *s)
{
	size_t len = strlen(s), i = 0, o = 0, n;
	uint32_t c;

	while (i < len) {
		n = sr_utf8_decode((const unsigned char *)s + i, len - i, &c);
		if (n == 0)
			n = 1;
		else if (sr_utf8_invisible(c)) {
			/* a line break becomes a blank, the rest goes */
			if (c == '\n' || c == '\r' || c == '\t' || c == 0x85 ||
			    c == 0x2028 || c == 0x2029)
				s[o++] = ' ';
			i += n;
			continue;
		}
		memmove(s + o, s + i, n);
		o += n;
		i += n;
	}
	s[o] = '\0';
	return o;
}

void
sr_utf8_repair(sr_buf *b, const char *s, size_t len)
{
	size_t i = 0, n;
	uint32_t cp;

	while (i < len) {
		n = sr_utf8_decode((const unsigned char *)s + i, len - i, &cp);
		if (n == 0 || cp == 0) {
			sr_buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD */
			i++;
			continue;
		}
		sr_buf_put(b, s + i, n);
		i += n;
	}
}
