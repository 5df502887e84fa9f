/*
 * render_html.c - a draft as a standalone HTML page that a browser shows
 * well and a mail client takes when pasted: doctype, charset, the subject
 * as the title, inline styles, no scripts, nothing fetched from elsewhere.
 * The body is rendered by cmark in its safe mode, so raw HTML and
 * javascript: links in notes never reach the page; the subject is escaped.
 * Images from outside the note's folder are gone before (images.c).
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "internal.h"

void
sr_html_escape(sr_buf *b, const char *s)
{
	size_t n;

	for (;;) {
		/* the text up to the next character to escape, in one put */
		n = strcspn(s, "&<>\"'");
		sr_buf_put(b, s, n);
		s += n;
		switch (*s) {
		case '\0': return;
		case '&': sr_buf_puts(b, "&amp;"); break;
		case '<': sr_buf_puts(b, "&lt;"); break;
		case '>': sr_buf_puts(b, "&gt;"); break;
		case '"': sr_buf_puts(b, "&quot;"); break;
		default: sr_buf_puts(b, "&#39;"); break;
		}
		s++;
	}
}

/* cmark's HTML with a style on each paragraph (mail clients drop <style>
 * blocks; inline styles survive). */
static void
put_styled(sr_buf *b, const char *html)
{
	static const struct {
		const char *tag, *styled;
	} tags[] = {
		{"<p>", "<p style=\"margin:0 0 1em 0;\">"},
		{"<ul>", "<ul style=\"margin:0 0 1em 0;padding-left:1.4em;\">"},
		{"<ol>", "<ol style=\"margin:0 0 1em 0;padding-left:1.4em;\">"},
		{"<a href=", "<a style=\"color:#1a5fb4;\" href="},
		{"<blockquote>", "<blockquote style=\"margin:0 0 1em 0;"
		    "padding-left:1em;border-left:3px solid #d0d0c8;"
		    "color:#4a4a45;\">"},
	};
	size_t i, n;

	while (*html != '\0') {
		for (i = 0; i < sizeof(tags) / sizeof(tags[0]); i++) {
			n = strlen(tags[i].tag);
			if (strncmp(html, tags[i].tag, n) == 0) {
				sr_buf_puts(b, tags[i].styled);
				html += n;
				break;
			}
		}
		if (i == sizeof(tags) / sizeof(tags[0]))
			sr_buf_putc(b, *html++);
	}
}

char *
sr_render_html(const sr_note *note, const sr_draft *d)
{
	sr_buf b = {0};
	char *body, *html;

	(void)note;
	if ((body = sr_render_body(d)) == NULL)
		return NULL;
	html = cmark_markdown_to_html(body, strlen(body), CMARK_OPT_SAFE);
	free(body);
	if (html == NULL)
		return NULL;
	sr_buf_puts(&b, "<!DOCTYPE html>\n<html>\n<head>\n"
	    "<meta charset=\"utf-8\">\n"
	    "<meta name=\"viewport\" content=\"width=device-width, "
	    "initial-scale=1\">\n<title>");
	sr_html_escape(&b, d->subject);
	sr_buf_puts(&b, "</title>\n</head>\n"
	    "<body style=\"margin:0;padding:24px 12px;background:#f4f4f0;\">\n"
	    "<div style=\"max-width:620px;margin:0 auto;background:#ffffff;"
	    "padding:28px 32px;border:1px solid #e0e0d8;border-radius:6px;"
	    "font-family:Georgia,'Times New Roman',serif;font-size:16px;"
	    "line-height:1.55;color:#1d1d1b;\">\n");
	put_styled(&b, html);
	free(html);
	sr_buf_puts(&b, "</div>\n</body>\n</html>\n");
	return sr_buf_take(&b);
}
