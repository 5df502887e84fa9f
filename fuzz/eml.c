/*
 * eml.c - libFuzzer target: the .eml writer.  The input is split at NUL
 * bytes into the interviewer's name and address, the candidate's name and
 * address (read by the real note reader from a front matter that escapes
 * every control byte, so a "\r\n" reaches it as YAML's escape would), the
 * subject a filter wrote and a paragraph of the draft.  A note the reader
 * or sr_eml_check refuses (a line break, a second address) is not written.
 * Invariants of every message written: CRLF line endings only (no bare CR
 * or LF anywhere), a header of ASCII lines within 78 characters (an
 * address longer than a line alone on its own), and the
 * plain-text part, decoded from quoted-printable, is the text draft.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define FIELDS 6

static int
hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

/* The quoted-printable text from s to end, decoded: soft breaks joined,
 * =XX made bytes, CRLF made LF.  NULL on a malformed escape. */
static char *
qp_decode(const char *s, const char *end)
{
	sr_buf b = {0};
	int h, l;

	while (s < end) {
		if (s[0] == '=' && s + 2 < end + 1 && s[1] == '\r' &&
		    s[2] == '\n') {
			s += 3;
		} else if (s[0] == '=') {
			if (s + 2 >= end + 1 || (h = hex(s[1])) < 0 ||
			    (l = hex(s[2])) < 0) {
				sr_buf_free(&b);
				return NULL;
			}
			sr_buf_putc(&b, (char)(h * 16 + l));
			s += 3;
		} else if (s[0] == '\r' && s + 1 < end && s[1] == '\n') {
			sr_buf_putc(&b, '\n');
			s += 2;
		} else {
			sr_buf_putc(&b, *s++);
		}
	}
	sr_buf_putc(&b, '\0');
	return sr_buf_take(&b);
}

static void
check_message(const char *m, const char *text)
{
	const char *p, *head_end, *part, *part_end, *line, *lt;
	char *got;
	size_t want;

	/* CRLF only */
	for (p = m; *p != '\0'; p++) {
		if (*p == '\n' && (p == m || p[-1] != '\r'))
			abort(); /* a bare LF */
		if (*p == '\r' && p[1] != '\n')
			abort(); /* a bare CR */
	}
	/* the header: ASCII lines within 78 characters */
	if ((head_end = strstr(m, "\r\n\r\n")) == NULL)
		abort();
	for (line = m; line < head_end; line = p + 2) {
		p = strstr(line, "\r\n");
		/* within 78, but for an address that alone is longer (RFC
		 * 5322 2.1.1: 78 should, 998 must) */
		if (p - line > 998 || (p - line > 78 && !(p[-1] == '>' &&
		    (lt = memchr(line, '<', (size_t)(p - line))) != NULL &&
		    memchr(lt, ' ', (size_t)(p - lt)) == NULL)))
			abort(); /* a header line too long */
		for (; line < p; line++)
			if ((unsigned char)*line >= 0x80 || *line == '\0')
				abort(); /* raw 8-bit text in a header */
	}
	/* the text part decodes to the text draft */
	if ((part = strstr(head_end, "Content-Type: text/plain")) == NULL ||
	    (part = strstr(part, "\r\n\r\n")) == NULL)
		abort();
	part += 4;
	if ((part_end = strstr(part, "\r\n--=_secondround_")) == NULL)
		abort();
	if ((got = qp_decode(part, part_end)) == NULL)
		abort();
	/* (the CRLF before the boundary is the boundary's: the text's own
	 * last newline is the line break before it) */
	want = strlen(text);
	if (strlen(got) != want || memcmp(got, text, want) != 0)
		abort(); /* the text part is not the text draft */
	free(got);
}

/* s as a YAML double-quoted scalar: every control byte and DEL escaped,
 * so the reader gives back exactly s (a "\r\n" among them). */
static void
put_quoted(sr_buf *b, const char *s)
{
	sr_buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			sr_buf_printf(b, "\\%c", c);
		else if (c < 0x20 || c == 0x7f)
			sr_buf_printf(b, "\\x%02x", c);
		else
			sr_buf_putc(b, (char)c);
	}
	sr_buf_putc(b, '"');
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *f[FIELDS] = {0};
	char *copy, *msg, *body, *text;
	sr_buf yaml = {0};
	sr_diags diags = {0};
	sr_note *note = NULL;
	sr_draft d = {0};
	const char *paragraphs[1];
	size_t i, n = 0;

	if (size > 4096)
		return 0;
	if ((copy = malloc(size + 1)) == NULL)
		return 0;
	memcpy(copy, data, size);
	copy[size] = '\0';
	/* fields at NUL bytes; a field that is not UTF-8 is not a note's */
	f[n++] = copy;
	for (i = 0; i < size && n < FIELDS; i++)
		if (copy[i] == '\0')
			f[n++] = copy + i + 1;
	for (i = 0; i < FIELDS; i++) {
		if (f[i] == NULL)
			f[i] = "";
		if (sr_utf8_check(f[i], strlen(f[i])) != strlen(f[i]))
			goto out;
	}
	/* the people through the real reader, as a note's front matter */
	sr_buf_puts(&yaml, "---\ncompany: Acme\nrole: Lead\n"
	    "interviewer: {name: ");
	put_quoted(&yaml, *f[0] ? f[0] : "Ann Lee");
	sr_buf_puts(&yaml, ", email: ");
	put_quoted(&yaml, *f[1] ? f[1] : "ann@acme.example");
	sr_buf_puts(&yaml, "}\ncandidate: {name: ");
	put_quoted(&yaml, *f[2] ? f[2] : "Bo Ek");
	sr_buf_puts(&yaml, ", email: ");
	put_quoted(&yaml, *f[3] ? f[3] : "bo@example.org");
	sr_buf_puts(&yaml, "}\n---\n");
	if (yaml.failed)
		goto out;
	note = sr_note_parse("n.md", yaml.data, yaml.len, &diags);
	if (note == NULL || note->ninterviewers == 0)
		goto out; /* refused by the reader: no draft */
	paragraphs[0] = *f[5] ? f[5] : "Thank you.";
	d.to = &note->interviewers[0];
	d.subject = f[4]; /* what a filter wrote */
	d.greeting = "Dear Ann,";
	d.paragraphs = paragraphs;
	d.nparagraphs = 1;
	d.closing = "Best regards,";
	d.signature = note->candidate.name;
	if (sr_eml_check(note, &d, &diags) == 0 &&
	    (msg = sr_render_eml(note, &d)) != NULL) {
		body = sr_render_body(&d);
		text = body ? sr_text_from_markdown(body, strlen(body), 72) :
		    NULL;
		if (text != NULL)
			check_message(msg, text);
		free(text);
		free(body);
		free(msg);
	}
out:
	sr_note_free(note);
	sr_diags_free(&diags);
	sr_buf_free(&yaml);
	free(copy);
	return 0;
}
