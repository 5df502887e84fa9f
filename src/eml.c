/*
 * eml.c - a draft as an RFC 5322 message a mail client opens as a draft to
 * send: From (the candidate) and To (the interviewer) when their addresses
 * are known, the Subject, and a multipart/alternative body, the plain text
 * first and the HTML second, both UTF-8 in quoted-printable, with CRLF line
 * endings and every line within 78 characters.  Non-ASCII header text goes
 * in RFC 2047 encoded words.  No Date or Message-ID: they belong to the
 * moment of sending, and without them a rerun writes the same bytes.
 *
 * A header value must never carry a line break or a second address:
 * sr_eml_check refuses a note whose front matter (before the reader
 * cleans it) or draft would put one there, naming the field.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define LINE_MAX_EML 78 /* a header line, CRLF aside (RFC 5322 2.1.1) */
#define QP_MAX 76       /* a quoted-printable line (RFC 2045 6.7) */
#define WORD_BYTES 36   /* text bytes per encoded word: 48 base64 chars */

/* Whether s holds a control character (a line break among them). */
static bool
has_control(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if ((unsigned char)s[i] < 0x20 || s[i] == 0x7F)
			return true;
	return false;
}

static bool
is_ascii(const char *s)
{
	for (; *s != '\0'; s++)
		if ((unsigned char)*s >= 0x80)
			return false;
	return true;
}

/* Refuses a raw front-matter value that would break a header: a control
 * character in any scalar under it (a map's fields, a list's items). */
static int
check_raw(const sr_note *note, const sr_value *v, const char *field,
    sr_diags *diags)
{
	size_t i;
	int rc = 0;

	if (v == NULL)
		return 0;
	if (v->kind == SR_VALUE_SCALAR && has_control(v->text, v->len)) {
		sr_diags_add(diags, SR_ERROR, note->path, v->line, v->col,
		    "'%s' holds a line break or a control character, which "
		    "would start another header of the .eml draft; refused",
		    field);
		return -1;
	}
	for (i = 0; i < v->count && (v->kind == SR_VALUE_SEQ ||
	    v->kind == SR_VALUE_MAP); i++)
		if (check_raw(note, v->items[i], field, diags) != 0)
			rc = -1;
	return rc;
}

/* A person as front matter writes one: "Name <address>" must end at its
 * '>', and an email must be one address; a name must not read as one. */
static int
check_person(const sr_note *note, const sr_value *v, const char *field,
    sr_diags *diags)
{
	const sr_value *name = v, *email = v;
	const char *gt, *at, *lt;
	size_t i;
	int rc = 0;

	if (v == NULL)
		return 0;
	if (v->kind == SR_VALUE_SEQ) {
		for (i = 0; i < v->count; i++)
			if (check_person(note, v->items[i], field, diags) != 0)
				rc = -1;
		return rc;
	}
	if (v->kind == SR_VALUE_MAP) {
		name = sr_value_get(v, "name");
		email = sr_value_get(v, "email");
	} else if (v->kind != SR_VALUE_SCALAR)
		return 0;
	if (v->kind == SR_VALUE_SCALAR) {
		gt = strchr(v->text, '>');
		at = strchr(v->text, '@');
		/* "Name <a@b>, c@d", "a@b c@d", "a@b, Name" */
		if ((gt != NULL && gt[1 + strspn(gt + 1, " ")] != '\0') ||
		    (at != NULL && strchr(at + 1, '@') != NULL) ||
		    (at != NULL && strchr(v->text, '<') == NULL &&
		    strpbrk(v->text, " ,;") != NULL)) {
			sr_diags_add(diags, SR_ERROR, note->path, v->line,
			    v->col, "'%s' holds more than one address, or an "
			    "address in a name; an .eml draft goes to one "
			    "address: refused", field);
			return -1;
		}
		/* the address itself, in <> or the whole: ASCII */
		lt = strchr(v->text, '<');
		if (at != NULL && !is_ascii(lt != NULL ? lt : v->text)) {
			sr_diags_add(diags, SR_ERROR, note->path, v->line,
			    v->col, "'%s' address holds characters outside "
			    "ASCII, which a mail header cannot carry: refused",
			    field);
			return -1;
		}
		return 0;
	}
	if (email != NULL && email->kind == SR_VALUE_SCALAR &&
	    !is_ascii(email->text)) {
		sr_diags_add(diags, SR_ERROR, note->path, email->line,
		    email->col, "'%s' email holds characters outside ASCII, "
		    "which a mail header cannot carry: refused", field);
		rc = -1;
	} else if (email != NULL && email->kind == SR_VALUE_SCALAR &&
	    ((at = strchr(email->text, '@')) == NULL ||
	    strchr(at + 1, '@') != NULL ||
	    strpbrk(email->text, " ,;<>") != NULL)) {
		sr_diags_add(diags, SR_ERROR, note->path, email->line,
		    email->col, "'%s' email is not one address; an .eml draft "
		    "goes to one: refused", field);
		rc = -1;
	}
	if (name != NULL && name->kind == SR_VALUE_SCALAR &&
	    strpbrk(name->text, "<>@") != NULL) {
		sr_diags_add(diags, SR_ERROR, note->path, name->line,
		    name->col, "'%s' name holds an address ('<', '>' or '@'); "
		    "write it in 'email': refused", field);
		rc = -1;
	}
	return rc;
}

int
sr_eml_check(const sr_note *note, const sr_draft *d, sr_diags *diags)
{
	static const char *const fields[] = {"interviewer", "interviewers",
	    "candidate", "company", "role"};
	const sr_value *v;
	size_t i;
	int rc = 0;

	for (i = 0; i < sizeof(fields) / sizeof(fields[0]); i++) {
		v = sr_value_get(note->meta, fields[i]);
		if (check_raw(note, v, fields[i], diags) != 0)
			rc = -1;
		else if (i < 3 && check_person(note, v, fields[i], diags) != 0)
			rc = -1;
	}
	/* what a filter made of the subject */
	if (rc == 0 && d->subject != NULL &&
	    has_control(d->subject, strlen(d->subject))) {
		sr_diags_add(diags, SR_ERROR, note->path, 0, 0, "the subject a "
		    "filter wrote holds a line break or a control character, "
		    "which would start another header of the .eml draft; "
		    "refused");
		rc = -1;
	}
	/* RFC 5321's longest address: a longer one would not fit a line */
	for (i = 0; i < 2 && rc == 0; i++) {
		const sr_person *p = i == 0 ? d->to : &note->candidate;

		if (p != NULL && p->email != NULL && strlen(p->email) > 254) {
			sr_diags_add(diags, SR_ERROR, note->path, p->line, 0,
			    "'%s' email is longer than an address may be (254 "
			    "bytes): refused", i == 0 ? "interviewer" :
			    "candidate");
			rc = -1;
		}
	}
	if (rc == 0 && (d->to == NULL || d->to->email == NULL))
		sr_diags_add(diags, SR_WARNING, note->path, d->to ? d->to->line :
		    0, 0, "no mail address for %s: its .eml draft has no To: "
		    "(add 'email' to the interviewer)", d->to && d->to->name ?
		    d->to->name : "the interviewer");
	return rc;
}

/* Appends s as RFC 2047 encoded words (UTF-8, base64), a character never
 * split between two words, the words on lines of their own after the
 * first (which fits after any header name here: 60 characters). */
static void
put_encoded(sr_buf *b, const char *s)
{
	static const char b64[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"
	    "abcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s), i = 0, end, k;
	uint32_t v;

	while (i < n) {
		end = i + WORD_BYTES < n ? i + WORD_BYTES : n;
		while (end < n && end > i + 1 && (p[end] & 0xC0) == 0x80)
			end--; /* not inside a character */
		if (i > 0)
			sr_buf_puts(b, "\r\n ");
		sr_buf_puts(b, "=?UTF-8?B?");
		for (k = i; k < end; k += 3) {
			v = (uint32_t)p[k] << 16;
			if (k + 1 < end)
				v |= (uint32_t)p[k + 1] << 8;
			if (k + 2 < end)
				v |= p[k + 2];
			sr_buf_putc(b, b64[v >> 18 & 63]);
			sr_buf_putc(b, b64[v >> 12 & 63]);
			sr_buf_putc(b, k + 1 < end ? b64[v >> 6 & 63] : '=');
			sr_buf_putc(b, k + 2 < end ? b64[v & 63] : '=');
		}
		sr_buf_puts(b, "?=");
		i = end;
	}
}

/* Whether s can stand in a header as it is, folded at its spaces: ASCII,
 * no word too long for a line, nothing a decoder would take for an
 * encoded word. */
static bool
plain_header_text(const char *s, size_t col)
{
	size_t word;

	/* folding keeps one space where it breaks: runs of them, and one
	 * at either end, are kept by encoding */
	if (!is_ascii(s) || strstr(s, "=?") != NULL || *s == ' ' ||
	    strstr(s, "  ") != NULL || (*s != '\0' && s[strlen(s) - 1] == ' '))
		return false;
	for (; *s != '\0'; s += word + (s[word] == ' ')) {
		word = strcspn(s, " ");
		if (col + word > LINE_MAX_EML - 4)
			return false;
		col = 1;
	}
	return true;
}

/* "Name: value\r\n", the value folded at spaces, or encoded. */
static void
put_header(sr_buf *b, const char *name, const char *value)
{
	size_t col = strlen(name) + 2, word;
	const char *s = value;

	sr_buf_printf(b, "%s: ", name);
	if (!plain_header_text(value, col)) {
		put_encoded(b, value);
		sr_buf_puts(b, "\r\n");
		return;
	}
	while (*s != '\0') {
		word = strcspn(s, " ");
		if (s != value) {
			if (col + 1 + word > LINE_MAX_EML) {
				sr_buf_puts(b, "\r\n");
				col = 0;
			}
			sr_buf_putc(b, ' ');
			col++;
		}
		sr_buf_put(b, s, word);
		col += word;
		s += word;
		while (*s == ' ')
			s++;
	}
	sr_buf_puts(b, "\r\n");
}

/* "To: Name <address>\r\n": the name as it is when it is atoms, quoted
 * when it holds other ASCII, encoded words when it is not ASCII or long;
 * the address on a line of its own when the line would be too long. */
static void
put_address(sr_buf *b, const char *header, const sr_person *p)
{
	static const char atext[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~ ";
	size_t start = b->len, col;
	const char *c, *line;

	sr_buf_printf(b, "%s: ", header);
	if (p->name != NULL && p->name[0] != '\0') {
		/* its length quoted: each '"' and '\' takes two */
		size_t quoted = strlen(p->name) + 2;

		for (c = p->name; *c != '\0'; c++)
			quoted += *c == '"' || *c == '\\';
		if (!is_ascii(p->name) || quoted > 62 ||
		    strstr(p->name, "=?") != NULL) {
			put_encoded(b, p->name);
		} else if (strspn(p->name, atext) == strlen(p->name) &&
		    p->name[0] != ' ') {
			sr_buf_puts(b, p->name);
		} else {
			sr_buf_put_quoted(b, p->name);
		}
		/* the column where the name's last line ends */
		line = b->data != NULL ? strrchr(b->data + start, '\n') : NULL;
		col = b->len - (line != NULL ? (size_t)(line + 1 - b->data) :
		    start);
		sr_buf_puts(b, col + 3 + strlen(p->email) > LINE_MAX_EML ?
		    "\r\n " : " ");
	}
	sr_buf_printf(b, "<%s>\r\n", p->email);
}

/* text in quoted-printable, its lines ending in CRLF (the CRLF before the
 * next boundary belongs to the boundary: a text without a last newline
 * comes back without it). */
static void
put_qp(sr_buf *b, const char *text)
{
	const unsigned char *s = (const unsigned char *)text;
	char tok[4];
	size_t col = 0, t;
	bool last;

	for (; *s != '\0'; s++) {
		if (*s == '\n') {
			sr_buf_puts(b, "\r\n");
			col = 0;
			continue;
		}
		if (*s == '\r' && s[1] == '\n')
			continue;
		last = s[1] == '\n' || s[1] == '\0' ||
		    (s[1] == '\r' && s[2] == '\n');
		if ((*s >= 33 && *s <= 126 && *s != '=') ||
		    ((*s == ' ' || *s == '\t') && !last)) {
			tok[0] = (char)*s;
			t = 1;
		} else {
			snprintf(tok, sizeof(tok), "=%02X", *s);
			t = 3;
		}
		/* room for the soft break's '=' unless the line ends here */
		if (col + t > (last ? QP_MAX : QP_MAX - 1)) {
			sr_buf_puts(b, "=\r\n");
			col = 0;
		}
		sr_buf_put(b, tok, t);
		col += t;
	}
}

char *
sr_render_eml(const sr_note *note, const sr_draft *d)
{
	sr_buf b = {0};
	char *body, *text, *html;
	char boundary[48];

	if ((body = sr_render_body(d)) == NULL)
		return NULL;
	text = sr_text_from_markdown(body, strlen(body), 72);
	free(body);
	html = sr_render_html(note, d);
	if (text == NULL || html == NULL)
		goto out;
	/* "=_" never occurs in quoted-printable: the boundary is not in
	 * the parts, and it is the same for the same draft */
	snprintf(boundary, sizeof(boundary), "=_secondround_%016llx",
	    (unsigned long long)sr_hash(sr_hash(SR_HASH_INIT, text,
	    strlen(text)), html, strlen(html)));
	if (note->candidate.email != NULL)
		put_address(&b, "From", &note->candidate);
	if (d->to != NULL && d->to->email != NULL)
		put_address(&b, "To", d->to);
	put_header(&b, "Subject", d->subject != NULL ? d->subject : "");
	sr_buf_puts(&b, "MIME-Version: 1.0\r\nX-Unsent: 1\r\n");
	sr_buf_printf(&b, "Content-Type: multipart/alternative;\r\n"
	    " boundary=\"%s\"\r\n\r\n", boundary);
	sr_buf_puts(&b, "This is a draft in plain text and HTML.\r\n");
	sr_buf_printf(&b, "\r\n--%s\r\nContent-Type: text/plain; "
	    "charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"
	    "\r\n\r\n", boundary);
	put_qp(&b, text);
	sr_buf_printf(&b, "\r\n--%s\r\nContent-Type: text/html; "
	    "charset=utf-8\r\nContent-Transfer-Encoding: quoted-printable"
	    "\r\n\r\n", boundary);
	put_qp(&b, html);
	sr_buf_printf(&b, "\r\n--%s--\r\n", boundary);
out:
	free(text);
	free(html);
	if (text == NULL || html == NULL) {
		sr_buf_free(&b);
		return NULL;
	}
	return sr_buf_take(&b);
}
