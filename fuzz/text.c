/*
 * text.c - libFuzzer target: the plain-text renderer (CommonMark in, text
 * wrapped at a width out; the first byte picks the width).  Invariants: the
 * text is valid UTF-8, and no line is wider than the width unless it holds
 * one word after its prefix (quote marks, list markers, indentation) or the
 * prefix alone fills it; a code block's lines are kept as written, so an
 * input with one is held to the first invariant only.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "internal.h"

static bool
has_code_block(const char *md, size_t len)
{
	cmark_node *doc = cmark_parse_document(md, len, CMARK_OPT_DEFAULT);
	cmark_iter *it;
	bool yes = false;

	if (doc == NULL)
		return true;
	it = cmark_iter_new(doc);
	while (cmark_iter_next(it) != CMARK_EVENT_DONE)
		if (cmark_node_get_type(cmark_iter_get_node(it)) ==
		    CMARK_NODE_CODE_BLOCK)
			yes = true;
	cmark_iter_free(it);
	cmark_node_free(doc);
	return yes;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *md = (const char *)data + 1, *line, *end, *p;
	size_t len = size - 1;
	sr_buf valid = {0};
	int width;
	char *out;

	if (size < 1 || size > 8192)
		return 0;
	width = 10 + data[0] % 90;
	if ((out = sr_text_from_markdown(md, len, width)) == NULL)
		return 0;
	if (sr_utf8_check(out, strlen(out)) != strlen(out))
		abort(); /* not valid UTF-8 */
	/* the blocks as the renderer saw them: its input mended to UTF-8 */
	sr_utf8_repair(&valid, md, len);
	if (valid.failed || has_code_block(valid.data ? valid.data : "",
	    valid.len)) {
		sr_buf_free(&valid);
		free(out);
		return 0;
	}
	sr_buf_free(&valid);
	for (line = out; *line != '\0'; line = *end ? end + 1 : end) {
		end = strchr(line, '\n');
		if (end == NULL)
			end = line + strlen(line);
		if (sr_text_width(line, (size_t)(end - line)) <= width)
			continue;
		/* past the prefix, one word */
		for (p = line; p < end && strchr(" >-0123456789.)", *p); p++)
			;
		if (sr_text_width(line, (size_t)(p - line)) >= width)
			continue; /* the prefix alone fills the line */
		if (memchr(p, ' ', (size_t)(end - p)) != NULL)
			abort(); /* two words on a line over the width */
	}
	free(out);
	return 0;
}
