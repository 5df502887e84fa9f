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

/* One warning for the fields a draft needs and the note lacks, each with
 * what the draft then misses. */
static void
missing_fields(const sr_note *note, sr_diags *diags)
{
	sr_buf b = {0};
	size_t n = 0;

	if (note->company == NULL)
		sr_buf_printf(&b, "%s'company' (the draft cannot name the "
		    "organisation)", n++ ? ", " : "");
	if (note->role == NULL)
		sr_buf_printf(&b, "%s'role' (nor the position it is for)", n++ ? ", " :
		    "");
	if (note->ninterviewers == 0)
		sr_buf_printf(&b, "%s'interviewer' (it starts \"Hello,\")",
		    n++ ? ", " : "");
	if (note->candidate.name == NULL)
		sr_buf_printf(&b, "%s'candidate' (it ends without your name)",
		    n++ ? ", " : "");
	if (n > 0 && b.data != NULL)
		sr_diags_add(diags, SR_WARNING, note->path, 1, 0, "the front "
		    "matter has no %s", b.data);
	sr_buf_free(&b);
}

/*
 * Names each heading that matches no question and nearly spells one
 * ("Problms"), with the phrase it nearly is; when the note leaves a
 * question unanswered, the other unmatched headings too (one of them may
 * be the answer, worded in a way secondround does not know), but not the
 * note's title (a first heading of level 1).  When no question is
 * answered (a note in a language secondround does not know), those are
 * listed in `all` instead, for the one warning that says so.
 */
static void
unmatched_headings(const sr_note *note, bool unanswered, sr_buf *all,
    sr_diags *diags)
{
	const sr_section *s;
	const char *phrase;
	size_t i;
	sr_key key;

	for (i = 0; i < note->nsections; i++) {
		s = &note->sections[i];
		if (s->key != SR_KEY_OTHER || s->line == 0 ||
		    (i == 0 && s->level == 1))
			continue; /* the note's title is no answer */
		if (sr_section_suggest(s->heading, &key, &phrase)) {
			if (strcmp(phrase, sr_key_name(key)) == 0)
				sr_diags_add(diags, SR_WARNING, note->path,
				    s->line, s->col, "heading '%s' matches no "
				    "question; did you mean '%s'?", s->heading,
				    phrase);
			else
				sr_diags_add(diags, SR_WARNING, note->path,
				    s->line, s->col, "heading '%s' matches no "
				    "question; did you mean '%s' (%s)?",
				    s->heading, phrase, sr_key_name(key));
		} else if (all != NULL)
			sr_buf_printf(all, "%s'%s' (line %d)", all->len > 0 ?
			    ", " : "", s->heading, s->line);
		else if (unanswered)
			sr_diags_add(diags, SR_WARNING, note->path, s->line,
			    s->col, "heading '%s' matches no question: its "
			    "points answer none (name the question in it, or "
			    "map it in 'sections:')", s->heading);
	}
}

/* One warning for the questions no section answers (none, or an empty
 * heading), listed, at the note's first heading. */
static void
missing_questions(const sr_note *note, sr_diags *diags)
{
	sr_buf b = {0}, others = {0};
	size_t i, missing = 0;
	int k, line = 0, col = 0;

	for (i = 0; i < note->nsections && line == 0; i++) {
		line = note->sections[i].line;
		col = note->sections[i].col;
	}
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
	unmatched_headings(note, missing > 0, missing == SR_KEY_PRIVATE ?
	    &others : NULL, diags);
	if (missing == SR_KEY_PRIVATE && b.data != NULL)
		sr_diags_add(diags, SR_WARNING, note->path, line ? line :
		    note->body_line, line ? col : 0, "no section answers any "
		    "of the six questions: %s%s%s%s", b.data, others.len > 0 ?
		    "; the headings " : "", others.len > 0 ? others.data : "",
		    others.len > 0 ? " match none (name the question in "
		    "them, or map them in 'sections:')" : "");
	else if (missing > 0 && b.data != NULL)
		sr_diags_add(diags, SR_WARNING, note->path, line ? line :
		    note->body_line, line ? col : 0, "%zu of the six "
		    "questions %s no answer: %s", missing, missing == 1 ?
		    "has" : "have", b.data);
	sr_buf_free(&b);
	sr_buf_free(&others);
}

void
sr_check_note(const sr_note *note, time_t now, sr_diags *diags)
{
	char when[40];

	missing_fields(note, diags);
	if (!note->has_date)
		sr_diags_add(diags, SR_WARNING, note->path, 1, 0, "no 'date' in "
		    "the front matter: the 48-hour send-by deadline is unknown");
	missing_questions(note, diags);
	if (note->has_date && !note->sent) {
		time_t due = sr_note_deadline(note);
		char span[32];

		if (difftime(now, due) > 0) {
			sr_when_format(due, when, sizeof(when));
			sr_due_format(difftime(now, due), span, sizeof(span));
			sr_diags_add(diags, SR_WARNING, note->path,
			    note->date_line, 0, "the follow-up is overdue by "
			    "%s (it was due %s); send it now, then mark the "
			    "note 'sent: true'", span, when);
		}
	}
}
