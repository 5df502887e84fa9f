/*
 * lint.c - the draft lint: what a reader would catch in a composed draft,
 * whatever filter wrote it.  A seam between template and notes (a doubled
 * word or mark, a lead-in with nothing after it, a sentence starting in
 * lower case), note-speak left in (shorthand, @name, #tag, [[link]], **),
 * the reader in the third person or "you" with a third-person verb, and
 * stock phrases.  Each finding is placed at the note line of the chosen
 * point the sentence came from (the one sharing most words with it), so
 * `build` and `check` say where to add a `say:` line.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

/* Phrases an interviewer has read a thousand times.  Lower case. */
static const char *const stock_phrases[] = {
	"i am writing to", "thank you for your time", "thank you for taking "
	"the time", "i look forward to hearing from you", "great fit",
	"perfect fit", "ideal candidate", "i am confident that", "touch base",
	"per our conversation", "at your earliest convenience",
	"do not hesitate to", "don't hesitate to", "hit the ground running",
	"think outside the box", "team player", "passionate about",
	"just wanted to", "reach out", "circle back",
	"please find attached", "to whom it may concern",
	"i hope this finds you well", "i hope this email finds you well",
};

/* Note shorthand that has no place in an email (whole words, lower case). */
static const char *const shorthand[] = {
	"abt", "b4", "bc", "esp", "thru", "tonite", "ppl", "yr", "yrs", "wk",
	"wks", "mo", "hr", "hrs", "mgmt", "mgr", "govt", "sched", "stn",
	"exp", "probs", "mtg", "convo", "w/", "w/o", "b/c", "dont", "doesnt",
	"didnt", "shouldve", "wouldve", "couldve", "shoulda", "im", "ive",
	"lol", "idk", "tmrw", "thx", "pls", "qtr",
};

/* Verbs in the third person singular: wrong after "you". */
static const char *const third_person[] = {
	"is", "was", "has", "does", "doesn't", "isn't", "wasn't", "hasn't",
	"says", "wants", "needs", "knows", "thinks", "likes", "cares", "seems",
	"goes", "asks", "runs", "makes", "gets", "expects", "plans", "feels",
};

/* Pronouns that, in a draft to one interviewer, are likely the reader. */
static const char *const pronouns[] = {
	"she", "he", "her", "him", "his", "hers", "herself", "himself",
};

/* Words that end a sentence badly: a lead-in with nothing after it. */
static const char *const dangling[] = {
	"about", "that", "the", "a", "an", "and", "of", "my", "your",
};

static bool
in_list(const char *const *list, size_t n, const char *w, size_t len)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (strlen(list[i]) == len && strncasecmp(list[i], w, len) == 0)
			return true;
	return false;
}

#define IN(list, w, len) in_list(list, sizeof(list) / sizeof(*list), w, len)

static bool
word_char(unsigned char c)
{
	return isalnum(c) || c == '\'' || c >= 0x80;
}

/* Whether hay holds the word w (len bytes), case aside. */
static bool
contains_word(const char *hay, const char *w, size_t len)
{
	for (; *hay != '\0'; hay++)
		if (strncasecmp(hay, w, len) == 0)
			return true;
	return false;
}

/* The chosen point whose text shares most words of four letters or more
 * with the sentence [s, e): its line, or 0. */
static int
source_line(const sr_note *note, const sr_draft *d, const char *s,
    const char *e)
{
	size_t j;
	int best = 0, best_line = 0;

	for (j = 0; j < d->nchosen; j++) {
		const sr_point *p = &note->points[d->chosen[j].point];
		const char *w = s;
		int shared = 0;

		while (w < e) {
			const char *end;
			char word[64];
			size_t len;

			while (w < e && !word_char((unsigned char)*w))
				w++;
			for (end = w; end < e && word_char((unsigned char)*end);
			    end++)
				;
			len = (size_t)(end - w);
			if (len >= 4 && len < sizeof(word)) {
				memcpy(word, w, len);
				word[len] = '\0';
				if (contains_word(p->text, word, len))
					shared++;
			}
			w = end;
		}
		if (shared > best) {
			best = shared;
			best_line = p->line;
		}
	}
	return best_line;
}

/* Reports one finding in the sentence [s, e) of the draft to `who`. */
static void
report(const sr_note *note, const sr_draft *d, sr_diags *diags,
    const char *s, const char *e, const char *what)
{
	int line = source_line(note, d, s, e), n = (int)(e - s);
	const char *who = d->to && d->to->name ? d->to->name : "no one named";

	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	sr_diags_add(diags, SR_WARNING, note->path, line, 0, "the draft to "
	    "%s: %s in \"%.*s%s\"%s", who, what, n > 72 ? 72 : n, s,
	    n > 72 ? "..." : "", line ? "; word the point yourself with a "
	    "'say:' line under it" : "");
}

/* The words of [s, e), each checked against the lists; what the first
 * wrong one is, written into what (size bytes), or false. */
static bool
check_words(const char *s, const char *e, bool one_reader, char *what,
    size_t size)
{
	const char *w = s, *prev = NULL;
	size_t prev_len = 0;

	while (w < e) {
		const char *end;
		size_t len;

		while (w < e && !word_char((unsigned char)*w) && *w != '@' &&
		    *w != '#')
			w++;
		if (w >= e)
			break;
		if (*w == '@' || (*w == '#' && w + 1 < e &&
		    isalpha((unsigned char)w[1]))) {
			snprintf(what, size, "a leftover '%c' tag", *w);
			return true;
		}
		if (*w == '#') {
			w++;
			continue;
		}
		for (end = w; end < e && (word_char((unsigned char)*end) ||
		    (*end == '/' && end + 1 < e && isalpha((unsigned char)
		    end[1]) && end - w <= 2)); end++)
			;
		len = (size_t)(end - w);
		if (IN(shorthand, w, len) && islower((unsigned char)*w)) {
			snprintf(what, size, "the shorthand '%.*s'", (int)len, w);
			return true;
		}
		if (prev != NULL && prev_len == len && (len > 1 || *w == 'I') &&
		    strncasecmp(prev, w, len) == 0 && !isdigit((unsigned char)*w)
		    && (size_t)(w - prev) == len + 1) {
			snprintf(what, size, "the doubled word '%.*s'", (int)len,
			    w);
			return true;
		}
		if (prev != NULL && prev_len == 3 && strncasecmp(prev, "you",
		    3) == 0 && IN(third_person, w, len)) {
			snprintf(what, size, "'you %.*s'", (int)len, w);
			return true;
		}
		if (one_reader && IN(pronouns, w, len)) {
			snprintf(what, size, "'%.*s', which may be the reader",
			    (int)len, w);
			return true;
		}
		prev = w;
		prev_len = len;
		w = end;
	}
	return false;
}

/* Checks one paragraph, a sentence at a time. */
static void
lint_text(const sr_note *note, const sr_draft *d, sr_diags *diags,
    const char *text, bool one_reader)
{
	const char *s = text, *p;
	char what[96];

	while (*s != '\0') {
		const char *e = s, *last;
		size_t len;

		while (*s == ' ')
			s++;
		if (*s == '\0')
			break;
		/* the sentence: up to . ! ? and a blank, or the end */
		for (e = s; *e != '\0'; e++) {
			if ((*e == '.' || *e == '!' || *e == '?') &&
			    (e[1] == ' ' || e[1] == '\0') &&
			    !(e - s >= 2 && e[-2] == ' ' && isupper(
			    (unsigned char)e[-1])) &&
			    !(e - s >= 2 && e[-2] == '.') &&
			    !(e - s >= 3 && strncmp(e - 2, "St", 2) == 0) &&
			    !(e - s >= 3 && strncmp(e - 2, "Dr", 2) == 0) &&
			    !(e - s >= 3 && strncmp(e - 2, "Mr", 2) == 0)) {
				e++;
				break;
			}
		}
		p = s;
		while (*p == '"' || *p == '(' || (unsigned char)*p == 0xE2)
			p += (unsigned char)*p == 0xE2 ? 3 : 1;
		if (p < e && islower((unsigned char)*p) &&
		    !(p + 1 < e && isupper((unsigned char)p[1])))
			report(note, d, diags, s, e, "a sentence that starts "
			    "in lower case");
		if ((strstr(s, "[[") != NULL && strstr(s, "[[") < e) ||
		    (strstr(s, "**") != NULL && strstr(s, "**") < e) ||
		    (strstr(s, "\\*\\*") != NULL && strstr(s, "\\*\\*") < e))
			report(note, d, diags, s, e, "note markup ([[ or **)");
		for (p = s; p + 1 < e; p++) {
			if ((strchr(".!?,;:", *p) != NULL && strchr(".!?,;",
			    p[1]) != NULL && !(*p == '.' && p[1] == '.' &&
			    p + 2 < e && p[2] == '.') && !(p > s && p[-1] == '.'))
			    || (p[0] == ' ' && strchr(".,", p[1]) != NULL)) {
				report(note, d, diags, s, e, "doubled or "
				    "misplaced punctuation");
				break;
			}
			if ((p[0] == '-' && p[1] == '>') || (p[0] == ' ' &&
			    p[1] == '+' && p + 2 < e && p[2] == ' ') ||
			    (p[0] == '~' && isdigit((unsigned char)p[1]))) {
				report(note, d, diags, s, e, "a note symbol (->, +, "
				    "~)");
				break;
			}
		}
		/* a lead-in with nothing after it: "... about." "...: ." */
		last = e;
		while (last > s && strchr(" .!?", last[-1]) != NULL)
			last--;
		if (last > s && last[-1] == ':')
			report(note, d, diags, s, e, "a lead-in with nothing "
			    "after it");
		else {
			const char *w = last;

			while (w > s && isalpha((unsigned char)w[-1]))
				w--;
			len = (size_t)(last - w);
			if (len > 0 && w > s && IN(dangling, w, len))
				report(note, d, diags, s, e, "a lead-in with "
				    "nothing after it");
		}
		if (check_words(s, e, one_reader, what, sizeof(what)))
			report(note, d, diags, s, e, what);
		s = e;
	}
}

void
sr_lint_draft(const sr_note *note, const sr_draft *d, sr_diags *diags)
{
	const char *who = d->to && d->to->name ? d->to->name : "no one named";
	bool one_reader = note->ninterviewers == 1;
	sr_buf b = {0};
	char *text;
	size_t i, k;

	if (d->none != NULL)
		return;
	if (d->subject != NULL)
		lint_text(note, d, diags, d->subject, false);
	for (i = 0; i < d->nparagraphs; i++)
		lint_text(note, d, diags, d->paragraphs[i], one_reader);
	/* stock phrases, anywhere */
	sr_buf_puts(&b, d->subject ? d->subject : "");
	for (i = 0; i < d->nparagraphs; i++) {
		sr_buf_putc(&b, '\n');
		sr_buf_puts(&b, d->paragraphs[i]);
	}
	if ((text = sr_buf_take(&b)) == NULL)
		return;
	for (i = 0; text[i] != '\0'; i++)
		text[i] = (char)tolower((unsigned char)text[i]);
	for (k = 0; k < sizeof(stock_phrases) / sizeof(*stock_phrases); k++)
		if (strstr(text, stock_phrases[k]) != NULL)
			sr_diags_add(diags, SR_WARNING, note->path, 0, 0, "the "
			    "draft to %s says \"%s\", a stock phrase "
			    "interviewers skim past", who, stock_phrases[k]);
	free(text);
}
