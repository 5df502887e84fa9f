/*
 * frontmatter.c - libFuzzer target: the front-matter splitter and the
 * YAML-to-value conversion on any bytes.  Whatever the input, each either
 * succeeds or leaves an error in the list; the split stays inside the
 * input, and every value it builds is well formed.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Walks a value, checking its shape; depth is bounded by the parser. */
static void
check_value(const sr_value *v, int depth)
{
	size_t i;

	if (v == NULL || depth > SR_MAX_YAML_DEPTH + 2)
		abort();
	switch (v->kind) {
	case SR_VALUE_SCALAR:
		if (v->text == NULL || strlen(v->text) > v->len)
			abort();
		break;
	case SR_VALUE_SEQ:
	case SR_VALUE_MAP:
		for (i = 0; i < v->count; i++) {
			if (v->kind == SR_VALUE_MAP && v->keys[i] == NULL)
				abort();
			check_value(v->items[i], depth + 1);
		}
		break;
	case SR_VALUE_NULL:
		break;
	default:
		abort();
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sr_diags diags = {0};
	sr_split split;
	sr_arena *a;
	sr_value *v;
	char *text;

	/* the reader hands on NUL-terminated text */
	if ((text = malloc(size + 1)) == NULL)
		return 0;
	memcpy(text, data, size);
	text[size] = '\0';
	if (sr_frontmatter_split("f.md", text, size, &split, &diags)) {
		if (split.present && (split.yaml_start > size ||
		    split.yaml_len > size - split.yaml_start ||
		    split.body_start > size))
			abort();
		if (split.present && (a = sr_arena_new()) != NULL) {
			v = sr_frontmatter_parse(a, "f.md", text +
			    split.yaml_start, split.yaml_len, split.yaml_line,
			    &diags);
			if (v != NULL)
				check_value(v, 0);
			else if (diags.errors == 0)
				abort(); /* refused without saying why */
			sr_arena_free(a);
		}
	} else if (diags.errors == 0)
		abort();
	sr_diags_free(&diags);
	free(text);
	return 0;
}
