/*
 * check.c - the lint of `secondround check`: what a note lacks for a good
 * follow-up (an answer to each of the article's six questions, the company,
 * the date) and a deadline that has passed for a note not yet sent.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

void
sr_check_draft(const sr_note *note, const sr_draft *d, sr_diags *diags)
{
	const char *who = d->to && d->to->name ? d->to->name : "the draft";

	if (d->none != NULL) {
		sr_diags_add(diags, SR_WARNING, note->path, 0, 0, "no draft%s%s: "
		    "%s", d->to && d->to->name ? " to " : "", d->to &&
		    d->to->name ? d->to->name : "", d->none);
		return;
	}
	sr_lint_draft(note, d, diags);
	if (d->words > d->max_words)
		sr_diags_add(diags, SR_WARNING, note->path, 0, 0, "the draft to "
		    "%s is %d words, over its budget of %d", who, d->words,
		    d->max_words);
}

void
sr_check_note(const sr_note *note, time_t now, sr_diags *diags)
{
	const sr_value *company = sr_value_get(note->meta, "company");
	int k, heading_line;
	size_t i, count;
	char when[40];
	double hours;

	if (note->company == NULL)
		sr_diags_add(diags, SR_WARNING, note->path, company ?
		    company->line : 1, 0, "no 'company' in the front matter: "
		    "the draft cannot name the organisation");
	if (!note->has_date)
		sr_diags_add(diags, SR_WARNING, note->path, 1, 0, "no 'date' in "
		    "the front matter: the 48-hour send-by deadline is unknown");
	for (k = 0; k < SR_KEY_PRIVATE; k++) {
		heading_line = 0;
		count = 0;
		for (i = 0; i < note->nsections; i++) {
			if (note->sections[i].key != (sr_key)k)
				continue;
			if (heading_line == 0)
				heading_line = note->sections[i].line;
			count += note->sections[i].count;
		}
		if (count > 0)
			continue;
		sr_diags_add(diags, SR_WARNING, note->path,
		    heading_line ? heading_line : note->body_line, 0,
		    "%s: \"%s\" (%s)", heading_line ? "nothing under this "
		    "heading" : "no section answers", sr_key_question((sr_key)k),
		    sr_key_name((sr_key)k));
	}
	if (note->has_date && !note->sent) {
		/* 48 real hours, across a change of summer time too */
		hours = difftime(now, sr_date_epoch(&note->date) + 48 * 3600) /
		    3600.0;
		if (hours > 0) {
			sr_date_format(&note->send_by, when, sizeof(when));
			sr_diags_add(diags, SR_WARNING, note->path,
			    note->date_line, 0, "the follow-up was due by %s, "
			    "%.0f hours ago; send it now, then mark the note "
			    "'sent: true'", when, hours);
		}
	}
}
