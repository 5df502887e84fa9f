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

/* The first name of a draft's recipient, for panel lines. */
static void
put_recipient(sr_buf *b, const sr_draft *d)
{
	const char *name = d->to && d->to->name ? d->to->name :
	    d->to && d->to->email ? d->to->email : "(no one named)";

	sr_buf_put(b, name, strcspn(name, " "));
}

/* What draft d did with point i. */
static void
put_fate(sr_buf *b, const sr_draft *d, const sr_verdict *v, size_t i)
{
	size_t j;

	for (j = 0; j < d->nchosen; j++) {
		if (d->chosen[j].point == i) {
			sr_buf_printf(b, "chosen for paragraph %d (%s)",
			    d->chosen[j].paragraph, d->chosen[j].role ?
			    d->chosen[j].role : "chosen");
			return;
		}
	}
	if (d->why_not[i] != NULL && strcmp(d->why_not[i],
	    "mentions someone else") == 0)
		sr_buf_puts(b, "left out: mentions someone else");
	else if (v->skip)
		sr_buf_printf(b, "left out: skipped by %s", v->skip_why ?
		    v->skip_why : "a filter");
	else
		sr_buf_printf(b, "left out: %s", d->why_not[i] ?
		    d->why_not[i] : "a lower score");
}

char *
sr_explain_render(const sr_note *note, const sr_outcome *out)
{
	sr_buf b = {0};
	size_t i, j, k, t;
	int para;

	sr_buf_printf(&b, "%s: %s%s%s\n", note->path,
	    note->company ? note->company : "(no company)",
	    note->role ? ", " : "", note->role ? note->role : "");
	for (t = 0; t < out->ndrafts; t++) {
		const sr_draft *d = &out->drafts[t];

		sr_buf_puts(&b, "draft to ");
		if (d->to != NULL && d->to->name != NULL)
			sr_buf_puts(&b, d->to->name);
		else
			sr_buf_puts(&b, d->to && d->to->email ? d->to->email :
			    "(no one named)");
		if (d->none != NULL) {
			sr_buf_printf(&b, ": no draft (%s)\n", d->none);
			continue;
		}
		sr_buf_printf(&b, ": %d words of %d\n", d->words,
		    d->max_words);
		for (para = 1; para <= 3; para++) {
			sr_buf_printf(&b, "  paragraph %d:", para);
			k = 0;
			for (j = 0; j < d->nchosen; j++) {
				if (d->chosen[j].paragraph != para)
					continue;
				sr_buf_printf(&b, "%s line %d (%s)", k++ ? ","
				    : "", note->points[d->chosen[j].point].line,
				    d->chosen[j].role ? d->chosen[j].role :
				    "chosen");
			}
			sr_buf_puts(&b, k ? "\n" : " nothing\n");
		}
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
		for (t = 0; t < out->ndrafts; t++) {
			sr_buf_puts(&b, "  = ");
			if (out->ndrafts > 1) {
				sr_buf_puts(&b, "to ");
				put_recipient(&b, &out->drafts[t]);
				sr_buf_puts(&b, ": ");
			}
			put_fate(&b, &out->drafts[t], v, i);
			sr_buf_putc(&b, '\n');
		}
	}
	return sr_buf_take(&b);
}
