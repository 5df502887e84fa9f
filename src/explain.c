/*
 * explain.c - the report of `secondround explain`: for each point, its final
 * score, every reason with its amount and the filter that gave it, and
 * whether it was chosen (for which paragraph and role) or why not.  This is
 * how a user tunes a filter, so it names everything it knows.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Writes a number as 3, -1 or 2.5. */
static void
put_number(sr_buf *b, double v, bool sign)
{
	if (v == floor(v) && fabs(v) < 1e9)
		sr_buf_printf(b, sign ? "%+d" : "%d", (int)v);
	else
		sr_buf_printf(b, sign ? "%+.2f" : "%.2f", v);
}

/* Up to `max` characters of text (whole UTF-8 characters), with an
 * ellipsis when cut. */
static void
put_clipped(sr_buf *b, const char *text, size_t max)
{
	size_t i = 0, chars = 0;

	while (text[i] != '\0' && chars < max) {
		i++;
		while (((unsigned char)text[i] & 0xC0) == 0x80)
			i++;
		chars++;
	}
	sr_buf_put(b, text, i);
	if (text[i] != '\0')
		sr_buf_puts(b, "…");
}

char *
sr_explain_render(const sr_note *note, const sr_outcome *out)
{
	sr_buf b = {0};
	size_t i, j, k;
	int para;

	sr_buf_printf(&b, "%s: %s%s%s; budget %d words\n", note->path,
	    note->company ? note->company : "(no company)",
	    note->role ? ", " : "", note->role ? note->role : "",
	    out->max_words);
	for (para = 1; para <= 3; para++) {
		sr_buf_printf(&b, "  paragraph %d:", para);
		k = 0;
		for (j = 0; j < out->nchosen; j++) {
			const sr_verdict *v = &out->verdicts[out->chosen[j]];

			if (v->paragraph != para)
				continue;
			sr_buf_printf(&b, "%s line %d (%s)", k++ ? "," : "",
			    note->points[out->chosen[j]].line,
			    v->role ? v->role : "chosen");
		}
		sr_buf_puts(&b, k ? "\n" : " nothing\n");
	}
	for (i = 0; i < note->npoints; i++) {
		const sr_point *p = &note->points[i];
		const sr_verdict *v = &out->verdicts[i];

		sr_buf_printf(&b, "\nline %d [%s] score ", p->line,
		    sr_key_name(p->key));
		put_number(&b, v->score, false);
		sr_buf_puts(&b, ": ");
		put_clipped(&b, p->text, 64);
		sr_buf_putc(&b, '\n');
		for (j = 0; j < v->nreasons; j++) {
			const sr_reason *r = &v->reasons[j];

			sr_buf_puts(&b, "    ");
			put_number(&b, r->amount, true);
			sr_buf_printf(&b, "  %s%s(%s)\n", r->reason,
			    r->reason[0] ? " " : "", r->filter);
		}
		if (v->paragraph != 0)
			sr_buf_printf(&b, "  = chosen for paragraph %d (%s)\n",
			    v->paragraph, v->role ? v->role : "chosen");
		else if (v->skip)
			sr_buf_printf(&b, "  = left out: skipped by %s\n",
			    v->skip_why ? v->skip_why : "a filter");
		else
			sr_buf_printf(&b, "  = left out: %s\n", v->why_not ?
			    v->why_not : "a lower score");
	}
	if (b.failed) {
		sr_buf_free(&b);
		return NULL;
	}
	return b.data;
}
