/*
 * note.c - libFuzzer target: the whole note reader (bytes checked, front
 * matter split and read, known fields, sections and points) on any bytes.
 * A note either parses or is refused with an error; every message is one
 * line once formatted.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	sr_diags diags = {0};
	sr_note *note;
	size_t i;
	char *line;

	if (size > SR_MAX_NOTE_BYTES)
		return 0; /* the reader refuses it before parsing */
	note = sr_note_parse("n.md", (const char *)data, size, &diags);
	if (note == NULL && diags.errors == 0)
		abort(); /* refused without saying why */
	if (note != NULL) {
		for (i = 0; i < note->npoints; i++)
			if (note->points[i].text == NULL)
				abort();
		sr_check_note(note, 0, &diags);
	}
	for (i = 0; i < diags.count; i++) {
		if ((line = sr_diag_format(&diags.items[i])) == NULL)
			continue;
		if (strchr(line, '\n') != NULL && strstr(line,
		    "stack traceback") == NULL)
			abort(); /* a message forging a line of its own */
		free(line);
	}
	sr_note_free(note);
	sr_diags_free(&diags);
	return 0;
}
