/*
 * render_text.c - plain text for a mail client, written on cmark's node
 * tree (cmark has no plain-text renderer).  The shape is cmark's render.c:
 * a prefix for the lines of each block ("> " for quotes, the marker then
 * spaces for list items), and words wrapped at 72 columns, counted by
 * display width (a combining mark takes no column, a wide character two),
 * never splitting a character, a word longer than the line standing alone.
 * Emphasis markers go, lists keep their markers, links read "text <url>".
 */
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "internal.h"

#define MAX_DEPTH 32 /* deeper nesting is flattened into one paragraph */

typedef struct {
	sr_buf *out;
	int width;
	bool started; /* something was written: blocks need a blank line */
} text_renderer;

/* Columns a code point takes on a terminal or in a fixed-width font. */
static int
cp_width(uint32_t cp)
{
	if (cp == 0 || (cp >= 0x300 && cp <= 0x36F) || cp == 0x200B ||
	    cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F) ||
	    (cp >= 0x1AB0 && cp <= 0x1AFF) || (cp >= 0x20D0 && cp <= 0x20FF))
		return 0;
	if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
	    (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
	    (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
	    (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
	    (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
		return 2;
	return 1;
}

int
sr_text_width(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, len;
	uint32_t cp;
	int w = 0;

	while (i < n) {
		if ((len = sr_utf8_decode(p + i, n - i, &cp)) == 0) {
			len = 1;
			cp = 0xFFFD;
		}
		w += cp_width(cp);
		i += len;
	}
	return w;
}

/* The inline text of a leaf block: hard breaks as '\n', links followed by
 * their address when it says more than their text. */
static void
collect_inline(sr_buf *b, cmark_node *block)
{
	cmark_iter *it = cmark_iter_new(block);
	cmark_event_type ev;
	cmark_node *cur;
	size_t link_start = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cur = cmark_iter_get_node(it);
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
		case CMARK_NODE_CODE_BLOCK:
			/* blocks flattened past MAX_DEPTH: a space between */
			if (ev == CMARK_EVENT_ENTER && cur != block && b->len > 0)
				sr_buf_putc(b, ' ');
			if (ev == CMARK_EVENT_ENTER &&
			    cmark_node_get_type(cur) == CMARK_NODE_CODE_BLOCK)
				sr_buf_puts(b, cmark_node_get_literal(cur));
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			sr_buf_puts(b, cmark_node_get_literal(cur));
			break;
		case CMARK_NODE_SOFTBREAK:
			sr_buf_putc(b, ' ');
			break;
		case CMARK_NODE_LINEBREAK:
			sr_buf_putc(b, '\n');
			break;
		case CMARK_NODE_LINK:
			if (ev == CMARK_EVENT_ENTER) {
				link_start = b->len;
			} else {
				const char *url = cmark_node_get_url(cur);
				size_t tl = b->len - link_start;
				const char *text = b->data ? b->data +
				    link_start : "";

				if (url != NULL && *url != '\0' &&
				    !(strlen(url) == tl &&
				    strncmp(url, text, tl) == 0) &&
				    !(strncmp(url, "mailto:", 7) == 0 &&
				    strlen(url + 7) == tl &&
				    strncmp(url + 7, text, tl) == 0))
					sr_buf_printf(b, " <%s>", url);
			}
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

static void
put_prefix(text_renderer *r, const char *prefix, bool trim)
{
	size_t n = strlen(prefix);

	if (trim)
		while (n > 0 && prefix[n - 1] == ' ')
			n--;
	sr_buf_put(r->out, prefix, n);
}

/* Writes text wrapped at the width: the first line after `first`, the
 * others after `rest`. */
static void
wrap(text_renderer *r, const char *text, const char *first,
    const char *rest)
{
	const char *p = text, *w;
	int col, avail_first, wl;
	bool line_empty = true;

	put_prefix(r, first, false);
	col = sr_text_width(first, strlen(first));
	avail_first = r->width;
	while (*p != '\0') {
		if (*p == '\n') {
			sr_buf_putc(r->out, '\n');
			put_prefix(r, rest, false);
			col = sr_text_width(rest, strlen(rest));
			line_empty = true;
			p++;
			while (*p == ' ')
				p++;
			continue;
		}
		if (*p == ' ') {
			p++;
			continue;
		}
		for (w = p; *w != '\0' && *w != ' ' && *w != '\n'; w++)
			;
		wl = sr_text_width(p, (size_t)(w - p));
		if (!line_empty && col + 1 + wl > avail_first) {
			sr_buf_putc(r->out, '\n');
			put_prefix(r, rest, false);
			col = sr_text_width(rest, strlen(rest));
			line_empty = true;
		}
		if (!line_empty) {
			sr_buf_putc(r->out, ' ');
			col++;
		}
		sr_buf_put(r->out, p, (size_t)(w - p));
		col += wl;
		line_empty = false;
		p = w;
	}
	sr_buf_putc(r->out, '\n');
}

static void render_blocks(text_renderer *r, cmark_node *parent,
    const char *first, const char *rest, int depth, bool tight);

/* Renders one block; `first` is the prefix of its first line, `rest` of
 * the others. */
static void
render_block(text_renderer *r, cmark_node *node, const char *first,
    const char *rest, int depth)
{
	sr_buf text = {0}, f = {0}, g = {0};
	cmark_node *item;
	const char *lit, *nl;
	char marker[32];
	int number;

	if (depth >= MAX_DEPTH) {
		/* nested past reason (a hostile draft): the rest of this
		 * subtree as one wrapped paragraph, with no more recursion */
		collect_inline(&text, node);
		wrap(r, text.data ? text.data : "", first, rest);
		sr_buf_free(&text);
		return;
	}
	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_PARAGRAPH:
	case CMARK_NODE_HEADING:
		collect_inline(&text, node);
		wrap(r, text.data ? text.data : "", first, rest);
		break;
	case CMARK_NODE_CODE_BLOCK:
		lit = cmark_node_get_literal(node);
		put_prefix(r, first, false);
		while (lit != NULL && *lit != '\0') {
			nl = strchr(lit, '\n');
			sr_buf_puts(r->out, "    ");
			sr_buf_put(r->out, lit, nl ? (size_t)(nl - lit) :
			    strlen(lit));
			sr_buf_putc(r->out, '\n');
			if (nl == NULL || nl[1] == '\0')
				break;
			lit = nl + 1;
			put_prefix(r, rest, false);
		}
		break;
	case CMARK_NODE_THEMATIC_BREAK:
		put_prefix(r, first, false);
		sr_buf_puts(r->out, "----------\n");
		break;
	case CMARK_NODE_BLOCK_QUOTE:
		sr_buf_printf(&f, "%s> ", first);
		sr_buf_printf(&g, "%s> ", rest);
		if (f.data != NULL && g.data != NULL)
			render_blocks(r, node, f.data, g.data, depth + 1, false);
		break;
	case CMARK_NODE_LIST:
		number = cmark_node_get_list_start(node);
		for (item = cmark_node_first_child(node); item != NULL;
		    item = cmark_node_next(item)) {
			if (cmark_node_get_list_type(node) == CMARK_ORDERED_LIST)
				snprintf(marker, sizeof(marker), "%d%c ",
				    number++, cmark_node_get_list_delim(node) ==
				    CMARK_PAREN_DELIM ? ')' : '.');
			else
				snprintf(marker, sizeof(marker), "- ");
			f.len = g.len = 0;
			sr_buf_printf(&f, "%s%s", item ==
			    cmark_node_first_child(node) ? first : rest, marker);
			sr_buf_printf(&g, "%s%*s", rest, (int)strlen(marker), "");
			if (item != cmark_node_first_child(node) &&
			    !cmark_node_get_list_tight(node)) {
				put_prefix(r, rest, true);
				sr_buf_putc(r->out, '\n');
			}
			if (f.data != NULL && g.data != NULL)
				render_blocks(r, item, f.data, g.data, depth + 1,
				    cmark_node_get_list_tight(node));
		}
		break;
	default: /* raw HTML and the rest: nothing */
		break;
	}
	sr_buf_free(&text);
	sr_buf_free(&f);
	sr_buf_free(&g);
}

/* The children of a container, a blank line between two (none in a tight
 * list item). */
static void
render_blocks(text_renderer *r, cmark_node *parent, const char *first,
    const char *rest, int depth, bool tight)
{
	cmark_node *child;
	bool any = false;

	for (child = cmark_node_first_child(parent); child != NULL;
	    child = cmark_node_next(child)) {
		if (cmark_node_get_type(child) == CMARK_NODE_HTML_BLOCK)
			continue;
		if (any && !tight) {
			put_prefix(r, rest, true);
			sr_buf_putc(r->out, '\n');
		}
		render_block(r, child, any ? rest : first, rest, depth);
		any = true;
	}
}

char *
sr_text_from_markdown(const char *md, size_t len, int width)
{
	cmark_node *doc;
	sr_buf out = {0}, valid = {0};
	text_renderer r = {&out, width, false};

	/* cmark 0.30 passes bytes that are not UTF-8 through as they are */
	if (sr_utf8_check(md, len) != len) {
		sr_utf8_repair(&valid, md, len);
		if (valid.failed) {
			sr_buf_free(&valid);
			return NULL;
		}
		md = valid.data;
		len = valid.len;
	}
	doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
	sr_buf_free(&valid);
	if (doc == NULL)
		return NULL;
	render_blocks(&r, doc, "", "", 0, false);
	cmark_node_free(doc);
	return sr_buf_take(&out);
}

char *
sr_render_text(const sr_note *note, const sr_draft *d)
{
	sr_buf b = {0};
	const char *c;
	char *body, *text;

	(void)note;
	if ((body = sr_render_body(d)) == NULL)
		return NULL;
	text = sr_text_from_markdown(body, strlen(body), 72);
	free(body);
	if (text == NULL)
		return NULL;
	/* the subject is a header line: one line, whatever it holds */
	sr_buf_puts(&b, "Subject: ");
	for (c = d->subject; *c != '\0'; c++)
		sr_buf_putc(&b, *c == '\n' || *c == '\r' ? ' ' : *c);
	sr_buf_puts(&b, "\n\n");
	sr_buf_puts(&b, text);
	free(text);
	return sr_buf_take(&b);
}
