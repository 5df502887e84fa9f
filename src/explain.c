/*
 * explain.c - the report of `secondround explain`: for each point, its final
 * score, every reason with its amount and the filter that gave it, and
 * whether it was chosen (for which paragraph and role) or why not, and each
 * draft as it ends up with what each draft hook changed.  This is how a
 * user tunes a filter, so it names everything it knows.
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

/* Text wrapped at `width` columns, its lines after the first indented by
 * `indent` spaces; `at` is the column the first line starts at. */
static void
put_wrapped(sr_buf *b, const char *text, int at, int indent, int width)
{
	const char *w = text, *end;
	int col = at, n;


	while (*w != '\0') {
		while (*w == ' ')
			w++;
		if (*w == '\0')
			break;
		end = w + strcspn(w, " ");
		n = sr_text_width(w, (size_t)(end - w));
		if (col > indent && col + 1 + n > width) {
			sr_buf_printf(b, "\n%*s", indent, "");
			col = indent;
		} else {
			sr_buf_putc(b, ' ');
			col++;
		}
		sr_buf_put(b, w, (size_t)(end - w));
		col += n;
		w = end;
	}
}

/* A filter as explain names it: its file name, unless another filter of
 * the note has the same one (then its path). */
static const char *
filter_name(const sr_outcome *out, size_t npoints, const char *path)
{
	const char *base = strrchr(path, '/'), *ob;
	size_t i, j;

	if (base == NULL)
		return path;
	for (i = 0; i < npoints; i++)
		for (j = 0; j < out->verdicts[i].nreasons; j++) {
			const char *o = out->verdicts[i].reasons[j].filter;

			ob = strrchr(o, '/');
			if (strcmp(o, path) != 0 &&
			    strcmp(ob ? ob + 1 : o, base + 1) == 0)
				return path;
		}
	return base + 1;
}

/* The draft as it ends up, indented, and what each draft hook changed. */
static void
put_final(sr_buf *b, const sr_note *note, const sr_draft *d)
{
	char *text = sr_render_text(note, d), *line, *nl;
	size_t i;

	for (i = 0; i < d->nchanges; i++)
		sr_buf_printf(b, "  draft hook %s\n", d->changes[i]);
	if (text == NULL)
		return;
	sr_buf_puts(b, "  the draft:\n");
	for (line = text; *line != '\0'; line = nl + 1) {
		if ((nl = strchr(line, '\n')) == NULL)
			nl = line + strlen(line);
		if (nl > line)
			sr_buf_printf(b, "    %.*s\n", (int)(nl - line), line);
		else
			sr_buf_putc(b, '\n');
		if (*nl == '\0')
			break;
	}
	free(text);
}

/* The first name of a draft's recipient, for panel lines. */
static void
put_recipient(sr_buf *b, const sr_draft *d)
{
	const char *name = d->to && d->to->name ? sr_person_given(d->to->name) :
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
		put_final(&b, note, d);
	}
	for (i = 0; i < note->npoints; i++) {
		const sr_point *p = &note->points[i];
		const sr_verdict *v = &out->verdicts[i];

		size_t at = b.len;

		sr_buf_printf(&b, "\nline %d [%s] score ", p->line,
		    sr_key_name(p->key));
		put_number(&b, v->score, false);
		sr_buf_puts(&b, ":");
		put_wrapped(&b, p->text, (int)(b.len - at - 1), 6, 76);
		sr_buf_putc(&b, '\n');
		for (j = 0; j < v->nreasons; j++) {
			const sr_reason *r = &v->reasons[j];

			sr_buf_puts(&b, "    ");
			put_number(&b, r->amount, true);
			sr_buf_printf(&b, "  %s%s(%s)\n", r->reason,
			    r->reason[0] ? " " : "", filter_name(out,
			    note->npoints, r->filter));
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
