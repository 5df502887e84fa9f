/*
 * render_md.c - a draft as Markdown: the email's body (greeting, paragraphs,
 * closing, signature) as CommonMark, which the HTML and plain-text
 * renderers parse with cmark, and the .md file: that body under a short
 * front matter (to, subject, send_by) with every value quoted for YAML.
 */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* A YAML double-quoted scalar: backslash, quote and control characters
 * escaped, so no front-matter text can end the string or the block. */
static void
put_yaml_string(sr_buf *b, const char *s)
{
	sr_buf_putc(b, '"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			sr_buf_printf(b, "\\%c", c);
		else if (c == '\n')
			sr_buf_puts(b, "\\n");
		else if (c < 0x20 || c == 0x7F)
			sr_buf_printf(b, "\\x%02X", c);
		else
			sr_buf_putc(b, (char)c);
	}
	sr_buf_putc(b, '"');
}

/* "Name <address>", or either alone; a name with a character that means
 * something in an address header is quoted, as RFC 5322 says. */
void
sr_person_format(sr_buf *b, const sr_person *p)
{
	if (p->name != NULL && strpbrk(p->name, "()<>[]:;@\\,.\"") != NULL)
		sr_buf_put_quoted(b, p->name);
	else if (p->name != NULL)
		sr_buf_puts(b, p->name);
	if (p->name != NULL && p->email != NULL)
		sr_buf_putc(b, ' ');
	if (p->email != NULL)
		sr_buf_printf(b, "<%s>", p->email);
}

char *
sr_render_body(const sr_draft *d)
{
	sr_buf b = {0};
	size_t i;

	if (d->greeting != NULL)
		sr_buf_printf(&b, "%s\n\n", d->greeting);
	for (i = 0; i < d->nparagraphs; i++)
		sr_buf_printf(&b, "%s\n\n", d->paragraphs[i]);
	if (d->closing != NULL && d->signature != NULL)
		sr_buf_printf(&b, "%s\\\n%s\n", d->closing, d->signature);
	else if (d->closing != NULL || d->signature != NULL)
		sr_buf_printf(&b, "%s\n", d->closing ? d->closing :
		    d->signature);
	return sr_buf_take(&b);
}

char *
sr_render_markdown(const sr_note *note, const sr_draft *d)
{
	sr_buf b = {0};
	char *body;

	(void)note;
	if ((body = sr_render_body(d)) == NULL)
		return NULL;
	sr_buf_puts(&b, "---\n");
	if (d->to != NULL) {
		sr_buf t = {0};

		sr_person_format(&t, d->to);
		sr_buf_puts(&b, "to: ");
		put_yaml_string(&b, t.data ? t.data : "");
		sr_buf_putc(&b, '\n');
		sr_buf_free(&t);
	}
	sr_buf_puts(&b, "subject: ");
	put_yaml_string(&b, d->subject);
	sr_buf_putc(&b, '\n');
	if (d->send_by != NULL) {
		sr_buf_puts(&b, "send_by: ");
		put_yaml_string(&b, d->send_by);
		sr_buf_putc(&b, '\n');
	}
	sr_buf_puts(&b, "---\n\n");
	sr_buf_puts(&b, body);
	free(body);
	return sr_buf_take(&b);
}
