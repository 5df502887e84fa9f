/*
 * images.c - a draft fetches nothing from elsewhere.  Filters write the
 * draft's Markdown, and an image in it (`![px](https://t.example/p.gif)`)
 * would be fetched by whoever opens the HTML: a tracking pixel.  So an
 * image whose address leaves the note's own folder (a scheme such as
 * https: or data:, an absolute path, a '..') becomes its alt text, with a
 * warning, before any renderer sees the draft.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <cmark.h>

#include "internal.h"

#define SR_MAX_IMAGES 64 /* images changed in one piece of a draft */

/* Whether an image address stays in the note's folder: relative, no
 * scheme, no '..' segment, no escaped dot, slash or backslash. */
static bool
local_address(const char *url)
{
	const char *p, *seg;
	size_t n;

	if (url == NULL || *url == '\0')
		return false;
	if (url[0] == '/' || url[0] == '\\')
		return false;
	n = strcspn(url, ":/?#");
	if (url[n] == ':')
		return false;
	for (p = url; *p != '\0'; p++)
		if (*p == '\\' || (p[0] == '%' && p[1] != '\0' &&
		    (strncasecmp(p + 1, "2e", 2) == 0 ||
		    strncasecmp(p + 1, "2f", 2) == 0 ||
		    strncasecmp(p + 1, "5c", 2) == 0)))
			return false;
	for (seg = url; *seg != '\0' && *seg != '?' && *seg != '#';
	    seg += n + (seg[n] == '/')) {
		n = strcspn(seg, "/?#");
		if (n == 2 && seg[0] == '.' && seg[1] == '.')
			return false;
		if (seg[n] != '/')
			break;
	}
	return true;
}

/* The alt text of an image: the text of its children. */
static void
alt_text(cmark_node *img, sr_buf *b)
{
	cmark_iter *it = cmark_iter_new(img);
	cmark_event_type ev;
	cmark_node *node;
	const char *lit;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    (lit = cmark_node_get_literal(node)) != NULL)
			sr_buf_puts(b, lit);
	}
	cmark_iter_free(it);
}

/*
 * One piece of the draft (a paragraph, the greeting ...): its images from
 * elsewhere replaced by their alt text (the children, emphasis kept), one
 * warning each.  Returns the new Markdown in the note's arena, the same
 * pointer when nothing changed, or NULL when out of memory.
 */
static const char *
localise(sr_note *note, const char *who, const char *md, sr_diags *diags)
{
	cmark_node *doc, *node, *child, *found[SR_MAX_IMAGES];
	cmark_iter *it;
	cmark_event_type ev;
	size_t n = 0, i, len;
	char *out;
	const char *url, *kept = md;

	if (md == NULL || strstr(md, "![") == NULL)
		return md;
	if ((doc = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_DEFAULT)) == NULL)
		return NULL;
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(node) == CMARK_NODE_IMAGE &&
		    !local_address(cmark_node_get_url(node)) &&
		    n < SR_MAX_IMAGES)
			found[n++] = node;
	}
	cmark_iter_free(it);
	for (i = 0; i < n; i++) {
		sr_buf alt = {0};

		url = cmark_node_get_url(found[i]);
		alt_text(found[i], &alt);
		sr_diags_add(diags, SR_WARNING, note->path, 0, 0, "the draft to "
		    "%s: an image from outside the note's folder (%.80s%s) is "
		    "left out, %s%s%s: a draft fetches nothing from elsewhere",
		    who, url ? url : "", url && strlen(url) > 80 ? "..." : "",
		    alt.len > 0 ? "its alt text kept ('" : "it has no alt text",
		    alt.len > 0 ? alt.data : "", alt.len > 0 ? "')" : "");
		sr_buf_free(&alt);
		while ((child = cmark_node_first_child(found[i])) != NULL)
			cmark_node_insert_before(found[i], child);
		cmark_node_free(found[i]);
	}
	if (n > 0) {
		if ((out = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT,
		    0)) == NULL) {
			kept = NULL;
		} else {
			len = strlen(out);
			while (len > 0 && out[len - 1] == '\n')
				len--;
			kept = sr_arena_strndup(note->arena, out, len);
			free(out);
		}
	}
	cmark_node_free(doc);
	return kept;
}

int
sr_draft_local_images(sr_note *note, sr_draft *d, sr_diags *diags)
{
	const char *who = d->to && d->to->name ? d->to->name : "no one named";
	const char **pieces[3] = {&d->greeting, &d->closing, &d->signature};
	const char *md;
	size_t i;
	int words = 0;

	if (d->none != NULL)
		return 0;
	for (i = 0; i < 3; i++)
		if ((md = localise(note, who, *pieces[i], diags)) == NULL &&
		    *pieces[i] != NULL)
			return -1;
		else
			*pieces[i] = md;
	for (i = 0; i < d->nparagraphs; i++) {
		if ((md = localise(note, who, d->paragraphs[i], diags)) == NULL)
			return -1;
		d->paragraphs[i] = md;
		words += sr_text_words(md, strlen(md));
	}
	d->words = words;
	return 0;
}
