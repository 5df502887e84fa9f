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

/* One warning for the questions no section answers (none, or an empty
 * heading), listed, at the note's first heading. */
static void
missing_questions(const sr_note *note, sr_diags *diags)
{
	sr_buf b = {0};
	size_t i, missing = 0;
	int k, line = 0;

	for (i = 0; i < note->nsections && line == 0; i++)
		line = note->sections[i].line;
	for (k = 0; k < SR_KEY_PRIVATE; k++) {
		for (i = 0; i < note->nsections; i++)
			if (note->sections[i].key == (sr_key)k &&
			    note->sections[i].count > 0)
				break;
		if (i < note->nsections)
			continue;
		sr_buf_printf(&b, "%s\"%s\" (%s)", missing ? ", " : "",
		    sr_key_question((sr_key)k), sr_key_name((sr_key)k));
		missing++;
	}
	if (missing == SR_KEY_PRIVATE && b.data != NULL)
		sr_diags_add(diags, SR_WARNING, note->path, line ? line :
		    note->body_line, 0, "no section answers any of the six "
		    "questions: %s", b.data);
	else if (missing > 0 && b.data != NULL)
		sr_diags_add(diags, SR_WARNING, note->path, line ? line :
		    note->body_line, 0, "%zu of the six questions %s no "
		    "answer: %s", missing, missing == 1 ? "has" : "have",
		    b.data);
	sr_buf_free(&b);
}

void
sr_check_note(const sr_note *note, time_t now, sr_diags *diags)
{
	const sr_value *company = sr_value_get(note->meta, "company");
	char when[40];
	double hours;

	if (note->company == NULL)
		sr_diags_add(diags, SR_WARNING, note->path, company ?
		    company->line : 1, 0, "no 'company' in the front matter: "
		    "the draft cannot name the organisation");
	if (!note->has_date)
		sr_diags_add(diags, SR_WARNING, note->path, 1, 0, "no 'date' in "
		    "the front matter: the 48-hour send-by deadline is unknown");
	missing_questions(note, diags);
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
