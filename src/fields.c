/*
 * fields.c - reading the front-matter fields that secondround knows
 * (company, role, interviewer(s), candidate, date, sent, tone, max_words,
 * filters, sections) in the forms people and note apps write them.  Every
 * field stays in note->meta as well, so filters see the original too.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "internal.h"

#define STR(x) #x
#define XSTR(x) STR(x)
#define SR_MIN_WORDS 20
#define SR_MAX_WORDS 2000

typedef struct {
	sr_note *note;
	sr_diags *diags;
	bool ok;
} reader;

static void
field_error(reader *r, const sr_value *v, const char *fmt, const char *arg)
{
	sr_diags_add(r->diags, SR_ERROR, r->note->path, v->line, v->col, fmt,
	    arg);
	r->ok = false;
}

/* Text with blanks trimmed and an Obsidian [[wikilink]] (or [[target|shown]])
 * reduced to what it shows.  Allocated in the note's arena. */
static const char *
clean_text(sr_arena *a, const char *s, size_t n)
{
	const char *bar;

	char *out;
	size_t i;

	while (n > 0 && isspace((unsigned char)*s))
		s++, n--;
	while (n > 0 && isspace((unsigned char)s[n - 1]))
		n--;
	if (n >= 4 && memcmp(s, "[[", 2) == 0 &&
	    memcmp(s + n - 2, "]]", 2) == 0) {
		s += 2;
		n -= 4;
		if ((bar = memchr(s, '|', n)) != NULL) {
			n -= (size_t)(bar + 1 - s);
			s = bar + 1;
		}
	}
	/* one line: a newline or a control character in a name or a company
	 * would start a header, a Markdown block or a terminal sequence in
	 * some output */
	if ((out = sr_arena_strndup(a, s, n)) != NULL)
		for (i = 0; i < n; i++)
			if ((unsigned char)out[i] < 0x20 || out[i] == 0x7F)
				out[i] = ' ';
	return out;
}

/* A text field: a scalar, or NULL when absent or empty. */
static const char *
text_field(reader *r, const char *key)
{
	const sr_value *v = sr_value_get(r->note->meta, key);
	const char *s;

	if (v == NULL || v->kind == SR_VALUE_NULL)
		return NULL;
	if (v->kind != SR_VALUE_SCALAR) {
		field_error(r, v, v->kind == SR_VALUE_SEQ && v->count == 1 &&
		    v->items[0]->kind == SR_VALUE_SEQ ? "'%s' must be text; "
		    "an Obsidian [[link]] needs quotes: \"[[...]]\"" :
		    "'%s' must be text, not a list or a map", key);
		return NULL;
	}
	s = clean_text(r->note->arena, v->text, v->len);
	return s != NULL && *s == '\0' ? NULL : s; /* empty is absent */
}

/* Whether s looks like one mail address: local@domain, with no blank, no
 * angle bracket, comma or semicolon that would add a recipient. */
static bool
is_address(const char *s)
{
	const char *at = strchr(s, '@');

	if (at == NULL || at == s || at[1] == '\0' || strchr(at + 1, '@'))
		return false;
	return strpbrk(s, " \t<>,;:\"()[]\\") == NULL;
}

/* Leaves out an email that is not an address, with a warning. */
static void
check_email(reader *r, sr_person *p, const sr_value *v, const char *field)
{
	if (p->email == NULL || is_address(p->email))
		return;
	sr_diags_add(r->diags, SR_WARNING, r->note->path, v->line, v->col,
	    "'%s': '%s' is not a mail address; it is left out", field,
	    p->email);
	p->email = NULL;
}

/* Refuses a name or an address holding an invisible or line-breaking
 * character of Unicode (a YAML escape such as "\u202E" or "\L" can write
 * one): it would reverse or split the to: line, the greeting or a file
 * name.  ASCII controls are made blanks by clean_text, as before. */
static bool
visible(reader *r, const sr_value *v, const char *field)
{
	uint32_t cp = 0;
	size_t at = 0, n;

	if (v == NULL || v->kind != SR_VALUE_SCALAR)
		return true;
	for (; at < v->len; at++) {
		n = sr_utf8_find_invisible(v->text + at, v->len - at, &cp);
		at += n;
		if (at == v->len || cp >= 0x80)
			break;
	}
	if (at >= v->len)
		return true;
	sr_diags_add(r->diags, SR_ERROR, r->note->path, v->line, v->col,
	    "'%s': an invisible or line-breaking character (U+%04X, at byte "
	    "%zu of the value) in a name or an address; remove it", field,
	    (unsigned)cp, at + 1);
	r->ok = false;
	return false;
}

/* "Maria Alvarez <maria@example.org>", "Maria Alvarez", "maria@example.org",
 * or a map {name, email, title, pronouns}. */
static bool
read_person(reader *r, const sr_value *v, sr_person *p, const char *field)
{
	static const char *const parts[] = {"name", "email", "title",
	    "pronouns"};
	sr_arena *a = r->note->arena;
	const char *lt, *gt, *at;
	const sr_value *f;
	size_t k;

	memset(p, 0, sizeof(*p));
	p->line = v->line;
	if (v->kind == SR_VALUE_SCALAR) {
		if (!visible(r, v, field))
			return false;
		/* "Bob <a@x>; c@y" is two people: not cut to the first */
		if ((at = strchr(v->text, '@')) != NULL &&
		    strchr(at + 1, '@') != NULL) {
			field_error(r, v, "'%s' holds more than one address; "
			    "one person a value: list several under "
			    "'interviewers:'", field);
			return false;
		}
		lt = strchr(v->text, '<');
		gt = lt ? strchr(lt, '>') : NULL;
		if (lt != NULL && gt != NULL) {
			p->name = clean_text(a, v->text, (size_t)(lt - v->text));
			p->email = clean_text(a, lt + 1, (size_t)(gt - lt - 1));
			if (p->name != NULL && p->name[0] == '\0')
				p->name = NULL;
		} else if (strchr(v->text, '@') != NULL &&
		    strchr(v->text, ' ') == NULL) {
			p->email = clean_text(a, v->text, v->len);
		} else
			p->name = clean_text(a, v->text, v->len);
		check_email(r, p, v, field);
		return true;
	}
	if (v->kind == SR_VALUE_MAP)
		for (k = 0; k < sizeof(parts) / sizeof(parts[0]); k++)
			if (!visible(r, sr_value_get(v, parts[k]), field))
				return false;
	if (v->kind != SR_VALUE_MAP) {
		field_error(r, v, v->kind == SR_VALUE_SEQ ? "'%s' must be a name; "
		    "an Obsidian [[link]] needs quotes: \"[[...]]\"" :
		    "'%s' must be a name, 'Name <address>' or a map with name, "
		    "email and title", field);
		return false;
	}
	if ((f = sr_value_get(v, "name")) && f->kind == SR_VALUE_SCALAR)
		p->name = clean_text(a, f->text, f->len);
	if ((f = sr_value_get(v, "email")) && f->kind == SR_VALUE_SCALAR)
		p->email = clean_text(a, f->text, f->len);
	if ((f = sr_value_get(v, "title")) && f->kind == SR_VALUE_SCALAR)
		p->title = clean_text(a, f->text, f->len);
	if ((f = sr_value_get(v, "pronouns")) && f->kind == SR_VALUE_SCALAR)
		p->pronouns = clean_text(a, f->text, f->len);
	/* lines kept: a sign-off may hold a telephone number or a link */
	if ((f = sr_value_get(v, "signature")) && f->kind == SR_VALUE_SCALAR &&
	    (p->signature = sr_arena_strndup(a, f->text, f->len)) != NULL) {
		char *s = (char *)p->signature;
		size_t i, n = f->len;

		while (n > 0 && (s[n - 1] == '\n' || s[n - 1] == ' '))
			s[--n] = '\0';
		for (i = 0; i < n; i++)
			if (((unsigned char)s[i] < 0x20 && s[i] != '\n') ||
			    s[i] == 0x7F)
				s[i] = ' ';
		if (n == 0)
			p->signature = NULL;
	}
	if (p->name == NULL && p->email == NULL) {
		field_error(r, v, "'%s' has neither a name nor an email", field);
		return false;
	}
	check_email(r, p, v, field);
	return true;
}

/* Appends the people of `interviewer:` or `interviewers:` (one or a list). */
static void
read_people(reader *r, const char *key)
{
	const sr_value *v = sr_value_get(r->note->meta, key), *one;
	sr_note *n = r->note;
	size_t i, count;

	if (v == NULL || v->kind == SR_VALUE_NULL)
		return;
	count = v->kind == SR_VALUE_SEQ ? v->count : 1;
	if (n->ninterviewers + count > SR_MAX_INTERVIEWERS) {
		field_error(r, v, "'%s' names more people than a panel holds ("
		    XSTR(SR_MAX_INTERVIEWERS) ", SR_MAX_INTERVIEWERS)%s", key);
		return;
	}
	n->interviewers = sr_arena_grow(n->arena, n->interviewers,
	    n->ninterviewers, n->ninterviewers + count, sizeof(sr_person));
	if (n->interviewers == NULL) {
		field_error(r, v, "out of memory reading '%s'", key);
		return;
	}
	for (i = 0; i < count; i++) {
		one = v->kind == SR_VALUE_SEQ ? v->items[i] : v;
		if (one->kind == SR_VALUE_NULL ||
		    (one->kind == SR_VALUE_SCALAR && one->len == 0))
			continue;
		if (read_person(r, one, &n->interviewers[n->ninterviewers], key))
			n->ninterviewers++;
	}
}

static void
read_date(reader *r)
{
	const sr_value *v = sr_value_get(r->note->meta, "date");
	sr_note *n = r->note;

	if (v == NULL || v->kind == SR_VALUE_NULL)
		return;
	if (v->kind != SR_VALUE_SCALAR || !sr_date_parse(v->text, &n->date)) {
		field_error(r, v, v->kind == SR_VALUE_SCALAR ? "'date' must be a "
		    "date such as 2026-03-02, 2026-03-02 11:00 or "
		    "2026-03-02T11:00:00+01:00, not '%s'" : "'date' must be a "
		    "date such as 2026-03-02, not a list or a map%s",
		    v->kind == SR_VALUE_SCALAR ? v->text : "");
		return;
	}
	n->has_date = true;
	n->date_line = v->line;
	n->send_by = sr_date_add_hours(n->date, 48);
}

static void
read_sent(reader *r)
{
	const sr_value *v = sr_value_get(r->note->meta, "sent");
	static const char *const no[] = {"false", "False", "FALSE", "no", "No",
	    "NO", "off", "Off", "OFF"};
	sr_date d;
	size_t i;

	if (v == NULL || v->kind == SR_VALUE_NULL)
		return;
	if (sr_value_is_true(v) || (v->kind == SR_VALUE_SCALAR &&
	    strcmp(v->text, "true") == 0)) {
		r->note->sent = true;
		return;
	}
	if (v->kind == SR_VALUE_SCALAR && sr_date_parse(v->text, &d)) {
		r->note->sent = true;
		r->note->sent_on = v->text;
		return;
	}
	for (i = 0; v->kind == SR_VALUE_SCALAR && v->plain &&
	    i < sizeof(no) / sizeof(no[0]); i++)
		if (strcmp(v->text, no[i]) == 0)
			return;
	field_error(r, v, "'sent' must be true, false or the date it was "
	    "sent%s", "");
}

static void
read_max_words(reader *r)
{
	const sr_value *v = sr_value_get(r->note->meta, "max_words");
	char *end;
	long n;

	if (v == NULL || v->kind == SR_VALUE_NULL)
		return;
	if (v->kind == SR_VALUE_SCALAR) {
		n = strtol(v->text, &end, 10);
		if (end != v->text && *end == '\0' && n >= SR_MIN_WORDS &&
		    n <= SR_MAX_WORDS) {
			r->note->max_words = (int)n;
			return;
		}
	}
	sr_diags_add(r->diags, SR_ERROR, r->note->path, v->line, v->col,
	    "'max_words' must be a whole number from %d to %d", SR_MIN_WORDS,
	    SR_MAX_WORDS);
	r->ok = false;
}

static void
read_filters(reader *r)
{
	const sr_value *v = sr_value_get(r->note->meta, "filters"), *one;
	sr_note *n = r->note;
	size_t i, count;

	if (v == NULL || v->kind == SR_VALUE_NULL)
		return;
	count = v->kind == SR_VALUE_SEQ ? v->count : 1;
	if ((n->filters = sr_arena_alloc(n->arena, (count + 1) *
	    sizeof(*n->filters))) == NULL) {
		field_error(r, v, "out of memory reading '%s'", "filters");
		return;
	}
	for (i = 0; i < count; i++) {
		one = v->kind == SR_VALUE_SEQ ? v->items[i] : v;
		if (one->kind != SR_VALUE_SCALAR) {
			field_error(r, one, "'filters' must list file names%s",
			    "");
			return;
		}
		n->filters[n->nfilters++] = one->text;
	}
}

/* Warns about `sections:` entries that map to no key: they would be
 * silently useless otherwise. */
static void
check_sections(reader *r)
{
	const sr_value *v = sr_value_get(r->note->meta, "sections");
	sr_key k;
	size_t i;

	if (v == NULL || v->kind == SR_VALUE_NULL)
		return;
	if (v->kind != SR_VALUE_MAP) {
		field_error(r, v, "'sections' must be a map of headings to keys, "
		    "such as 'Ihre Probleme: problems'%s", "");
		return;
	}
	for (i = 0; i < v->count; i++) {
		const sr_value *item = v->items[i];

		if ((item->kind == SR_VALUE_SCALAR &&
		    sr_key_from_name(item->text, &k)) ||
		    sr_key_from_name(v->keys[i], &k))
			continue;
		sr_diags_add(r->diags, SR_WARNING, r->note->path,
		    v->key_lines[i], 0, "sections: '%s' maps to no key (the "
		    "keys are excited_them, excited_me, guidance, problems, "
		    "say_differently, not_said, private, other)", v->keys[i]);
	}
}

/* A known field spelt with capitals ("Company:") or misspelt
 * ("interviwer:") is read by no one: say so.  Other unknown fields are
 * kept for filters without a word. */
static void
check_names(reader *r)
{
	static const char *const known[] = {"company", "role", "date",
	    "interviewer", "interviewers", "candidate", "tone", "max_words",
	    "filters", "sent", "sections", "lang"};
	const sr_value *meta = r->note->meta;
	size_t i, k, n, m;

	for (i = 0; i < meta->count; i++) {
		const char *key = meta->keys[i];

		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			if (strcmp(key, known[k]) == 0)
				break;
		if (k < sizeof(known) / sizeof(known[0]))
			continue;
		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++)
			if (strcasecmp(key, known[k]) == 0)
				break;
		if (k < sizeof(known) / sizeof(known[0])) {
			sr_diags_add(r->diags, SR_WARNING, r->note->path,
			    meta->key_lines[i], 1, "'%s' is read only as '%s', "
			    "in lower case", key, known[k]);
			continue;
		}
		for (k = 0; k < sizeof(known) / sizeof(known[0]); k++) {
			n = strlen(key);
			m = strlen(known[k]);
			if (sr_text_distance(key, n, known[k], m,
			    sr_text_near_limit(m)) <= sr_text_near_limit(m) &&
			    sr_value_get(meta, known[k]) == NULL) {
				sr_diags_add(r->diags, SR_WARNING, r->note->path,
				    meta->key_lines[i], 1, "unknown field '%s'; "
				    "did you mean '%s'?", key, known[k]);
				break;
			}
		}
	}
}

bool
sr_fields_read(sr_note *note, sr_diags *diags)
{
	reader r = {note, diags, true};
	const sr_value *v;

	check_names(&r);
	if (visible(&r, sr_value_get(note->meta, "company"), "company"))
		note->company = text_field(&r, "company");
	note->role = text_field(&r, "role");
	note->tone = text_field(&r, "tone");
	read_people(&r, "interviewer");
	read_people(&r, "interviewers");
	if ((v = sr_value_get(note->meta, "candidate")) != NULL &&
	    v->kind != SR_VALUE_NULL)
		read_person(&r, v, &note->candidate, "candidate");
	read_date(&r);
	read_sent(&r);
	read_max_words(&r);
	read_filters(&r);
	check_sections(&r);
	return r.ok;
}

const char *
sr_person_given(const char *name)
{
	/* the titles voice.person (filters/voice.lua) knows too */
	static const char *const titles[] = {"mr", "mrs", "ms", "miss", "mx",
	    "dr", "prof", "professor", "sir", "dame", "chef"};
	size_t n = strcspn(name, " "), k, len;

	if (name[n] != ' ' || name[n + 1] == '\0' || name[n + 1] == ' ')
		return name;
	len = n > 0 && name[n - 1] == '.' ? n - 1 : n;
	for (k = 0; k < sizeof(titles) / sizeof(titles[0]); k++)
		if (strlen(titles[k]) == len &&
		    strncasecmp(name, titles[k], len) == 0)
			return name + n + 1;
	return name;
}

time_t
sr_note_deadline(const sr_note *note)
{
	/* 48 real hours, across a change of summer time too; a date
	 * without a time is the end of that day */
	return sr_date_epoch(&note->date) + 48 * 3600 +
	    (note->date.has_time ? 0 : 24 * 3600 - 60);
}

void
sr_when_format(time_t t, char *buf, size_t size)
{
	struct tm tm;

	if (localtime_r(&t, &tm) == NULL ||
	    strftime(buf, size, "%Y-%m-%d %H:%M", &tm) == 0)
		snprintf(buf, size, "?");
}

void
sr_due_format(double seconds, char *buf, size_t size)
{
	double hours = (seconds < 0 ? -seconds : seconds) / 3600.0;

	if (hours >= 48)
		snprintf(buf, size, "%.0f days", hours / 24.0);
	else
		snprintf(buf, size, "%.0f hour%s", hours, hours >= 0.5 &&
		    hours < 1.5 ? "" : "s");
}
