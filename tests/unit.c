/*
 * unit.c - tests of the library API: every front-matter form, every heading
 * alias family, point extraction with line numbers, the check warnings, and
 * each kind of bad input with the error it must give.  Prints
 * "unit: N passed, N failed" and exits non-zero on any failure.
 */
#include <malloc.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "secondround.h"

static int passed, failed;
static const char *current;

#define CHECK(cond) check((cond), #cond, __FILE__, __LINE__)

static bool
check(bool ok, const char *what, const char *file, int line)
{
	if (ok)
		passed++;
	else {
		failed++;
		fprintf(stderr, "%s:%d: %s: FAILED: %s\n", file, line, current,
		    what);
	}
	return ok;
}

#define CHECK_STR(a, b) check_str((a), (b), #a, __FILE__, __LINE__)

static void
check_str(const char *got, const char *want, const char *what,
    const char *file, int line)
{
	if (got != NULL && want != NULL && strcmp(got, want) == 0) {
		passed++;
		return;
	}
	failed++;
	fprintf(stderr, "%s:%d: %s: FAILED: %s is \"%s\", want \"%s\"\n", file,
	    line, current, what, got ? got : "(null)", want ? want : "(null)");
}

/* ---- helpers ------------------------------------------------------------- */

static sr_diags diags;

static sr_note *
parse(const char *text)
{
	sr_diags_free(&diags);
	return sr_note_parse("t.md", text, strlen(text), &diags);
}

static void
dump_diags(void)
{
	size_t i;
	char *s;

	for (i = 0; i < diags.count; i++) {
		s = sr_diag_format(&diags.items[i]);
		fprintf(stderr, "    %s\n", s ? s : "?");
		free(s);
	}
}

/* True when some diagnostic of that severity is at line:col (0: any) and
 * contains `text`. */
static bool
has_diag(sr_severity sev, int line, int col, const char *text)
{
	size_t i;

	for (i = 0; i < diags.count; i++) {
		const sr_diag *d = &diags.items[i];

		if (d->severity == sev && (line == 0 || d->line == line) &&
		    (col == 0 || d->col == col) &&
		    strstr(d->message, text) != NULL)
			return true;
	}
	return false;
}

#define CHECK_DIAG(sev, line, col, text) \
	if (!CHECK(has_diag(sev, line, col, text))) dump_diags()

/* Parses a note that must fail with an error at line:col holding `text`. */
static void
expect_error(const char *name, const char *note, size_t len, int line, int col,
    const char *text)
{
	sr_note *n;

	current = name;
	sr_diags_free(&diags);
	n = sr_note_parse("t.md", note, len, &diags);
	CHECK(n == NULL);
	CHECK_DIAG(SR_ERROR, line, col, text);
	sr_note_free(n);
}

static const sr_point *
point(const sr_note *n, sr_key key, size_t i)
{
	const sr_point *p[64];
	size_t count = sr_note_points(n, key, p, 64);

	return i < count && i < 64 ? p[i] : NULL;
}

/* ---- front matter forms ---------------------------------------------- */

static void
test_basic_fields(void)
{
	sr_note *n;
	char buf[64];

	current = "basic fields";
	n = parse("---\n"
	    "company: Riverside Health\n"
	    "role: Director of Clinical Operations\n"
	    "date: 2026-03-02 11:00\n"
	    "interviewer: {name: Maria Alvarez, email: maria@riverside.example, "
	    "title: COO}\n"
	    "candidate: {name: Chris Boyd, email: chris@example.org}\n"
	    "tone: warm\n"
	    "max_words: 120\n"
	    "filters: [mine.lua, other.lua]\n"
	    "salary_band: {low: 180, high: 210, notes: [a, b]}\n"
	    "---\n"
	    "## Their problems\n"
	    "- Nurse turnover hit 28% last year\n");
	if (!CHECK(n != NULL)) {
		dump_diags();
		return;
	}
	CHECK_STR(n->company, "Riverside Health");
	CHECK_STR(n->role, "Director of Clinical Operations");
	CHECK(n->ninterviewers == 1);
	CHECK_STR(n->interviewers[0].name, "Maria Alvarez");
	CHECK_STR(n->interviewers[0].email, "maria@riverside.example");
	CHECK_STR(n->interviewers[0].title, "COO");
	CHECK(n->interviewers[0].line == 5);
	CHECK_STR(n->candidate.name, "Chris Boyd");
	CHECK_STR(n->candidate.email, "chris@example.org");
	CHECK_STR(n->tone, "warm");
	CHECK(n->max_words == 120);
	CHECK(n->nfilters == 2);
	CHECK_STR(n->filters[1], "other.lua");
	CHECK(n->has_date && n->date_line == 4);
	sr_date_format(&n->send_by, buf, sizeof(buf));
	CHECK_STR(buf, "2026-03-04 11:00");
	CHECK(!n->sent);
	CHECK(n->body_line == 12);
	/* unknown fields are kept, nested, with their text */
	{
		const sr_value *band = sr_value_get(n->meta, "salary_band");

		CHECK(band != NULL && band->kind == SR_VALUE_MAP);
		CHECK_STR(sr_value_get(band, "high")->text, "210");
		CHECK(sr_value_get(band, "notes")->kind == SR_VALUE_SEQ);
		CHECK(sr_value_get(band, "notes")->count == 2);
		CHECK_STR(sr_value_get(n->meta, "max_words")->text, "120");
	}
	CHECK(diags.count == 0);
	sr_note_free(n);
}

static void
test_people(void)
{
	sr_note *n;

	current = "people: Name <address>, plain names, panels";
	n = parse("---\ncompany: A\n"
	    "interviewer: Maria Alvarez <maria@a.example>\n"
	    "interviewers:\n"
	    "  - {name: Priya Natarajan, title: VP}\n"
	    "  - \"Marcus Bell <marcus@a.example>\"\n"
	    "  - Dana\n"
	    "  - \"[[Jo Park]]\"\n"
	    "candidate: Chris Boyd\n"
	    "---\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK(n->ninterviewers == 5);
	CHECK_STR(n->interviewers[0].name, "Maria Alvarez");
	CHECK_STR(n->interviewers[0].email, "maria@a.example");
	CHECK_STR(n->interviewers[1].name, "Priya Natarajan");
	CHECK(n->interviewers[1].email == NULL);
	CHECK_STR(n->interviewers[2].name, "Marcus Bell");
	CHECK_STR(n->interviewers[2].email, "marcus@a.example");
	CHECK_STR(n->interviewers[3].name, "Dana");
	CHECK_STR(n->interviewers[4].name, "Jo Park");
	CHECK_STR(n->candidate.name, "Chris Boyd");
	CHECK(n->candidate.email == NULL);
	sr_note_free(n);

	current = "people: an address alone; a list under interviewer";
	n = parse("---\ninterviewer: [maria@a.example, Bo Li]\n---\n");
	if (CHECK(n != NULL)) {
		CHECK(n->ninterviewers == 2);
		CHECK(n->interviewers[0].name == NULL);
		CHECK_STR(n->interviewers[0].email, "maria@a.example");
	}
	sr_note_free(n);

	n = parse("---\ninterviewer: {title: CEO}\n---\n");
	current = "people: a map with neither name nor email";
	CHECK(n == NULL && has_diag(SR_ERROR, 2, 14, "neither a name"));
}

static void
test_dates(void)
{
	static const struct {
		const char *in, *out, *send_by;
	} cases[] = {
		{"2026-03-02", "2026-03-02", "2026-03-04"},
		{"2026-03-02 11:00", "2026-03-02 11:00", "2026-03-04 11:00"},
		{"2026-03-02T11:00", "2026-03-02 11:00", "2026-03-04 11:00"},
		{"2026-03-02T11:00:00+01:00", "2026-03-02T11:00:00+01:00",
		    "2026-03-04T11:00:00+01:00"},
		{"2026-03-02T11:00:00.123-05:30", "2026-03-02T11:00:00-05:30",
		    "2026-03-04T11:00:00-05:30"},
		{"2026-03-02 23:30Z", "2026-03-02T23:30:00Z",
		    "2026-03-04T23:30:00Z"},
		{"2026-12-31 10:00", "2026-12-31 10:00", "2027-01-02 10:00"},
		{"2028-02-28 09:00", "2028-02-28 09:00", "2028-03-01 09:00"},
		{"2027-02-28 09:00", "2027-02-28 09:00", "2027-03-02 09:00"},
		{"1700000000000", "2023-11-14T22:13:20Z", "2023-11-16T22:13:20Z"},
		{"1700000000", "2023-11-14T22:13:20Z", "2023-11-16T22:13:20Z"},
		/* leap years: every 4th, not every 100th, every 400th */
		{"2000-02-29", "2000-02-29", "2000-03-02"},
		{"2024-02-29", "2024-02-29", "2024-03-02"},
	};
	static const char *const bad[] = {"2026-02-30", "2026-13-01",
	    "2100-02-29", "1900-02-29", "2023-02-29",
	    "yesterday", "2026-03-02 25:00", "2026-3-2", "2026-03-02 11:00 PST",
	    "", "2026-03-02T11:00+99:00"};
	char buf[64];
	sr_date d, e;
	size_t i;

	current = "dates";
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		if (!CHECK(sr_date_parse(cases[i].in, &d))) {
			fprintf(stderr, "    %s\n", cases[i].in);
			continue;
		}
		sr_date_format(&d, buf, sizeof(buf));
		CHECK_STR(buf, cases[i].out);
		e = sr_date_add_hours(d, 48);
		sr_date_format(&e, buf, sizeof(buf));
		CHECK_STR(buf, cases[i].send_by);
	}
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++)
		if (!CHECK(!sr_date_parse(bad[i], &d)))
			fprintf(stderr, "    accepted %s\n", bad[i]);
	/* With an offset the moment is exact, whatever the local zone. */
	sr_date_parse("2026-03-02T11:00:00+01:00", &d);
	CHECK(sr_date_epoch(&d) == 1772445600);

	expect_error("date: not a date", "---\nrole: x\ndate: next tuesday\n"
	    "---\n", 35, 3, 7, "'date' must be a date");
}

/* sr_note_mark_sent on text: the new text, or NULL (diags kept). */
static char *
mark_sent(const char *text)
{
	size_t len;

	sr_diags_free(&diags);
	return sr_note_mark_sent("t.md", text, strlen(text), "2026-03-04",
	    &len, &diags);
}

/* The sent: field set by editing the text: replaced with its indented
 * lines, added before the closing line, a front matter made; every other
 * byte kept; a flow-style map refused. */
static void
test_mark_sent(void)
{
	static const struct {
		const char *in, *want;
	} cases[] = {
		{"---\na: 1\nsent: no # later\nb: 2\n---\nbody\n",
		    "---\na: 1\nsent: 2026-03-04\nb: 2\n---\nbody\n"},
		{"---\nsent:\n  2026-01-01\n\n# c\n---\n",
		    "---\nsent: 2026-03-04\n\n# c\n---\n"},
		{"---\na: 1\n...\n", "---\na: 1\nsent: 2026-03-04\n...\n"},
		{"---\n---\nx\n", "---\nsent: 2026-03-04\n---\nx\n"},
		{"---\r\na: 1\r\n---\r\n", "---\r\na: 1\r\nsent: 2026-03-04\r\n---\r\n"},
		{"\xEF\xBB\xBF# x\n", "\xEF\xBB\xBF---\nsent: 2026-03-04\n---\n# x\n"},
		{"---\n'sent': true\n---\n", "---\nsent: 2026-03-04\n---\n"},
	};
	size_t i;
	char *out;

	current = "mark sent";
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		out = mark_sent(cases[i].in);
		CHECK_STR(out, cases[i].want);
		free(out);
	}
	CHECK(mark_sent("---\n{a: 1, sent: no}\n---\n") == NULL &&
	    has_diag(SR_ERROR, 2, 0, "'sent' is not a line of its own"));
	CHECK(mark_sent("---\na: [1\n---\n") == NULL && diags.errors == 1);
}

static void
test_sent(void)
{
	sr_note *n;

	current = "sent";
	n = parse("---\nsent: true\n---\n");
	CHECK(n != NULL && n->sent && n->sent_on == NULL);
	sr_note_free(n);
	n = parse("---\nsent: 2026-03-03\n---\n");
	CHECK(n != NULL && n->sent && n->sent_on != NULL);
	sr_note_free(n);
	n = parse("---\nsent: no\n---\n");
	CHECK(n != NULL && !n->sent);
	sr_note_free(n);
	n = parse("---\nsent: \"true\"\n---\n");
	CHECK(n != NULL && n->sent);
	sr_note_free(n);
	n = parse("---\nsent: \"yes\"\n---\n"); /* quoted: text, not true */
	CHECK(n == NULL && has_diag(SR_ERROR, 2, 7, "'sent' must be"));
	n = parse("---\nsent: soon\n---\n");
	CHECK(n == NULL && has_diag(SR_ERROR, 2, 7, "'sent' must be"));
	expect_error("max_words", "---\nmax_words: lots\n---\n", 23, 2, 12,
	    "'max_words' must be a whole number");
	/* the bounds, 20 and 2000, are in; one past either is out */
	current = "max_words: 20 and 2000";
	n = parse("---\nmax_words: 20\n---\n");
	CHECK(n != NULL && n->max_words == 20);
	sr_note_free(n);
	n = parse("---\nmax_words: 2000\n---\n");
	CHECK(n != NULL && n->max_words == 2000);
	sr_note_free(n);
	expect_error("max_words: 19", "---\nmax_words: 19\n---\n", 21, 2, 12,
	    "'max_words' must be a whole number from 20 to 2000");
	expect_error("max_words: 2001", "---\nmax_words: 2001\n---\n", 23, 2,
	    12, "'max_words' must be a whole number from 20 to 2000");
	expect_error("company as a list", "---\ncompany: [a, b]\n---\n", 24,
	    2, 10, "'company' must be text");
}

static void
test_bom_crlf(void)
{
	sr_note *n;

	current = "BOM and CRLF";
	n = parse("\xEF\xBB\xBF---\r\ncompany: Acme\r\nrole: CTO\r\n---\r\n"
	    "## Their problems\r\n- Churn is 9%\r\n  and rising\r\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK_STR(n->company, "Acme");
	CHECK_STR(n->role, "CTO");
	CHECK(n->npoints == 1);
	CHECK_STR(n->points[0].text, "Churn is 9% and rising");
	CHECK_STR(n->points[0].markdown, "Churn is 9%\nand rising");
	CHECK(n->points[0].line == 6);
	sr_note_free(n);
}

static void
test_no_front_matter(void)
{
	sr_note *n;

	current = "no front matter; a later --- is a thematic break";
	n = parse("# Notes\n\n## Their problems\n\n- Slow releases\n\n---\n\n"
	    "company: not front matter\n\n---\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK(n->meta != NULL && n->meta->kind == SR_VALUE_MAP &&
	    n->meta->count == 0);
	CHECK(n->company == NULL);
	/* (the line after the list is read, in a part of its own) */
	CHECK(n->npoints == 2 && n->points[0].line == 5 &&
	    n->points[1].key == SR_KEY_OTHER);
	sr_note_free(n);

	current = "front matter closed by ...";
	n = parse("---\ncompany: Acme\n...\n- a point\n");
	CHECK(n != NULL && n->company && strcmp(n->company, "Acme") == 0);
	CHECK(n != NULL && n->npoints == 1 && n->points[0].line == 4);
	sr_note_free(n);

	current = "empty front matter";
	n = parse("---\n---\n- a\n");
	CHECK(n != NULL && n->meta->count == 0 && n->npoints == 1);
	sr_note_free(n);
}

static void
test_note_apps(void)
{
	const sr_value *v;
	sr_note *n;

	current = "Obsidian front matter";
	n = parse("---\n"
	    "company: \"[[Acme Corp]]\"\n"
	    "interviewer: \"[[people/Maria Alvarez|Maria Alvarez]]\"\n"
	    "tags: [interview, fintech]\n"
	    "aliases:\n  - Acme interview\n"
	    "cssclasses: wide\n"
	    "---\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK_STR(n->company, "Acme Corp");
	CHECK_STR(n->interviewers[0].name, "Maria Alvarez");
	v = sr_value_get(n->meta, "tags");
	CHECK(v && v->kind == SR_VALUE_SEQ && v->count == 2);
	CHECK(sr_value_get(n->meta, "aliases")->kind == SR_VALUE_SEQ);
	CHECK_STR(sr_value_get(n->meta, "cssclasses")->text, "wide");
	sr_note_free(n);

	n = parse("---\ntags: interview\n---\n");
	CHECK(n && sr_value_get(n->meta, "tags")->kind == SR_VALUE_SCALAR);
	sr_note_free(n);
	n = parse("---\ntags:\ncompany: A\n---\n");
	CHECK(n && sr_value_get(n->meta, "tags")->kind == SR_VALUE_NULL);
	sr_note_free(n);

	current = "Dendron front matter";
	n = parse("---\nid: 3x9a7\ntitle: Acme\ndesc: ''\n"
	    "updated: 1700000000000\ncreated: 1699990000000\n---\n");
	if (CHECK(n != NULL)) {
		v = sr_value_get(n->meta, "created");
		CHECK(v && v->plain && strcmp(v->text, "1699990000000") == 0);
	}
	sr_note_free(n);

	current = "Foam front matter";
	n = parse("---\ntype: interview\ndate: \"2026-03-02\"\n"
	    "company: Acme\nmeta:\n  source: foam\n  links:\n    - a\n"
	    "    - b\n---\n");
	if (CHECK(n != NULL)) {
		CHECK(n->has_date && n->date.day == 2 && !n->date.has_time);
		v = sr_value_get(sr_value_get(n->meta, "meta"), "links");
		CHECK(v && v->count == 2);
	}
	sr_note_free(n);
}

/* ---- bad front matter ---------------------------------------------------- */

static void
test_bad_yaml(void)
{
	const char *s;

	s = "---\ncompany: Acme\ninterviewer:\n\tname: Maria\n---\n";
	expect_error("tab indentation", s, strlen(s), 4, 1, "tab character");

	s = "---\ncompany: Acme\nrole: \"Director of\n  Operations\n---\n";
	expect_error("unclosed quote", s, strlen(s), 3, 7, "never closed");

	s = "---\ninterviewer:\n  name: Maria\n email: m@a.example\n---\n";
	expect_error("bad indentation", s, strlen(s), 4, 0, "indentation");

	s = "---\ncompany: Acme\nrole: VP: Engineering\n---\n";
	expect_error("unquoted colon", s, strlen(s), 3, 9,
	    "quote the value: role: \"VP: Engineering\"");

	s = "---\n- company: Acme\n- role: CTO\n---\n";
	expect_error("front matter is a list", s, strlen(s), 2, 1,
	    "not a list");

	s = "---\njust some words\n---\n";
	expect_error("front matter is a scalar", s, strlen(s), 2, 1,
	    "not a single value");

	s = "---\ncompany: Acme\nrole: CTO\n\n## Their problems\n- x\n";
	expect_error("unterminated front matter", s, strlen(s), 1, 1,
	    "never closed");

	s = "+++\ncompany = \"Acme\"\n+++\n";
	expect_error("TOML front matter", s, strlen(s), 1, 1,
	    "the front matter is TOML");

	s = "---\ncompany: Acme\ncandidate: *nope\n---\n";
	expect_error("undefined alias", s, strlen(s), 3, 12,
	    "'*nope' is read as an alias of an anchor that is not defined");

	s = "---\n[a, b]: c\n---\n";
	expect_error("a list as a key", s, strlen(s), 2, 0,
	    "a key must be plain text");
}

static void
test_duplicate_keys(void)
{
	sr_note *n;

	current = "duplicate keys";
	n = parse("---\ncompany: Acme\nrole: CTO\ncompany: Beta\n---\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK_STR(n->company, "Beta");
	CHECK_DIAG(SR_WARNING, 4, 0, "duplicate key 'company' (first at "
	    "line 2)");
	CHECK(n->meta->count == 2);
	sr_note_free(n);
}

static void
test_alias_bomb(void)
{
	sr_buf b = {0};
	int i, j;

	/* billion laughs: nine levels of nine aliases */
	sr_buf_puts(&b, "---\na0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, "
	    "lol]\n");
	for (i = 1; i <= 9; i++) {
		sr_buf_printf(&b, "a%d: &a%d [", i, i);
		for (j = 0; j < 9; j++)
			sr_buf_printf(&b, "%s*a%d", j ? ", " : "", i - 1);
		sr_buf_puts(&b, "]\n");
	}
	sr_buf_puts(&b, "---\n");
	expect_error("billion laughs", b.data, b.len, 0, 0,
	    "SR_MAX_YAML_NODES");
	sr_buf_free(&b);

	/* Aliases that are used honestly are expanded. */
	{
		sr_note *n;

		current = "aliases used honestly";
		n = parse("---\nme: &me {name: Chris Boyd, email: c@x.example}\n"
		    "candidate: *me\n---\n");
		CHECK(n != NULL && n->candidate.name &&
		    strcmp(n->candidate.name, "Chris Boyd") == 0);
		sr_note_free(n);
	}
}

/* A front matter of `count` values: the map, its key, a list and the
 * list's items. */
static sr_note *
parse_values(size_t count)
{
	sr_buf b = {0};
	sr_note *n;
	size_t i;

	sr_buf_puts(&b, "---\nx: [");
	for (i = 0; i + 3 < count; i++)
		sr_buf_puts(&b, i ? ", a" : "a");
	sr_buf_puts(&b, "]\n---\n");
	sr_diags_free(&diags);
	n = sr_note_parse("t.md", b.data, b.len, &diags);
	sr_buf_free(&b);
	return n;
}

static void
test_value_limit(void)
{
	sr_note *n;

	current = "SR_MAX_YAML_NODES values parse";
	n = parse_values(SR_MAX_YAML_NODES);
	if (CHECK(n != NULL))
		CHECK(sr_value_get(n->meta, "x")->count ==
		    SR_MAX_YAML_NODES - 3);
	else
		dump_diags();
	sr_note_free(n);
	current = "one value more is refused";
	n = parse_values(SR_MAX_YAML_NODES + 1);
	CHECK(n == NULL);
	CHECK_DIAG(SR_ERROR, 2, 0, "more than 20000 values (SR_MAX_YAML_NODES)");
	sr_note_free(n);
}

static void
test_deep_nesting(void)
{
	sr_buf b = {0};
	sr_note *n;
	int i;

	sr_buf_puts(&b, "---\nx: ");
	for (i = 0; i < 10000; i++)
		sr_buf_putc(&b, '[');
	for (i = 0; i < 10000; i++)
		sr_buf_putc(&b, ']');
	sr_buf_puts(&b, "\n---\n");
	expect_error("YAML nested 10,000 deep", b.data, b.len, 2, 0,
	    "SR_MAX_YAML_DEPTH");
	sr_buf_free(&b);

	/* Markdown nested 10,000 deep is read without recursion. */
	current = "Markdown nested 10,000 deep";
	sr_buf_puts(&b, "## Their problems\n");
	for (i = 0; i < 10000; i++)
		sr_buf_putc(&b, '>');
	sr_buf_puts(&b, " deep\n\n- a point\n");
	for (i = 0; i < 2000; i++) {
		sr_buf_printf(&b, "%*s- level %d\n", i * 2, "", i);
	}
	sr_diags_free(&diags);
	n = sr_note_parse("t.md", b.data, b.len, &diags);
	CHECK(n != NULL);
	if (n != NULL) {
		CHECK(n->npoints == 2);
		CHECK_STR(n->points[1].text, "level 0");
		CHECK(n->points[1].ndetails == 1);
	}
	sr_note_free(n);
	sr_buf_free(&b);
}

static void
test_big_inputs(void)
{
	sr_buf b = {0};
	char path[] = "/tmp/sr-unit-XXXXXX";
	FILE *f;
	int fd;
	size_t i;

	sr_buf_puts(&b, "---\nnotes: \"");
	for (i = 0; i < 10 * 1024 * 1024; i++)
		sr_buf_putc(&b, 'x');
	sr_buf_puts(&b, "\"\n---\n");
	expect_error("a 10 MB scalar", b.data, b.len, 1, 1,
	    "SR_MAX_FRONTMATTER_BYTES");
	/* over the limit, the YAML is not read at all: its own errors are
	 * not reported */
	{
		sr_buf fm = {0};

		sr_buf_puts(&fm, "---\n");
		for (i = 0; i < SR_MAX_FRONTMATTER_BYTES / 64 + 1; i++)
			sr_buf_printf(&fm, "k%05zu: %055d\n", i, 0);
		sr_buf_puts(&fm, "\tbad: a tab\n---\n");
		expect_error("a large front matter, its YAML unread", fm.data,
		    fm.len, 1, 1, "SR_MAX_FRONTMATTER_BYTES");
		CHECK(diags.count == 1);
		sr_buf_free(&fm);
	}
	{
		sr_buf lines = {0};

		for (i = 0; i <= SR_MAX_NOTE_LINES; i++)
			sr_buf_puts(&lines, "#\n");
		expect_error("too many lines", lines.data, lines.len,
		    SR_MAX_NOTE_LINES + 1, 0, "SR_MAX_NOTE_LINES");
		sr_buf_free(&lines);
	}

	/* A file over SR_MAX_NOTE_BYTES is refused before it is read. */
	current = "a file over the size limit";
	if ((fd = mkstemp(path)) == -1 || (f = fdopen(fd, "w")) == NULL) {
		CHECK(!"cannot make a temporary file");
		sr_buf_free(&b);
		return;
	}
	for (i = 0; i < 2; i++)
		fwrite(b.data, 1, b.len, f);
	fclose(f);
	sr_diags_free(&diags);
	CHECK(sr_note_read(path, &diags) == NULL);
	CHECK_DIAG(SR_ERROR, 0, 0, "SR_MAX_NOTE_BYTES");
	unlink(path);
	sr_buf_free(&b);
}

static void
test_bad_bytes(void)
{
	static const char png[] = "\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
	const char *s;
	sr_note *n;

	s = "---\ncompany: Acme\n---\n## Problems\n- caf\xe9 au lait\n";
	expect_error("invalid UTF-8", s, strlen(s), 5, 6, "invalid UTF-8 "
	    "(byte 0xE9)");
	s = "---\ncompany: Acme\n---\n- a\0b\n";
	expect_error("a NUL byte", s, 29, 4, 4, "binary");
	/* a note in memory is read within its length, not to a NUL: the
	 * error about a key with no ':' ran strcspn past the end (found by
	 * fuzz/note.c; ASan sees it in build/asan/unit) */
	{
		static const char t[] = "---\nk: v\nabc\n---";
		char *exact = malloc(sizeof(t) - 1);

		if (exact != NULL) {
			memcpy(exact, t, sizeof(t) - 1);
			expect_error("a key with no ':', the note unterminated",
			    exact, sizeof(t) - 1, 3, 1, "'abc' has no ':' after "
			    "its key");
			free(exact);
		}
	}
	/* an empty file is no note: skipped with a warning, not an error */
	current = "an empty file";
	sr_diags_free(&diags);
	n = sr_note_parse("t.md", "\n \n", 3, &diags);
	CHECK(n != NULL && n->not_a_note != NULL && diags.errors == 0);
	if (n != NULL)
		sr_note_tell_skip(n, &diags);
	CHECK_DIAG(SR_WARNING, 0, 0, "the file is empty: skipped");
	sr_note_free(n);
	expect_error("a binary file", png, sizeof(png) - 1, 0, 0, "");
	s = "\xc0\xaf overlong";
	expect_error("overlong UTF-8", s, strlen(s), 1, 1, "invalid UTF-8");
	s = "---\ncompany: \"a\\0b\"\n---\n";
	expect_error("a NUL escape in YAML", s, strlen(s), 2, 10, "NUL");

	current = "a note of one byte";
	{
		char path[] = "/tmp/sr-unit-XXXXXX";
		int fd = mkstemp(path);

		if (CHECK(fd != -1) && CHECK(write(fd, "x", 1) == 1)) {
			close(fd);
			sr_diags_free(&diags);
			n = sr_note_read(path, &diags);
			CHECK(n != NULL && diags.count == 0); /* not empty */
			sr_note_free(n);
		}
		unlink(path);
	}

	current = "a file that cannot be read";
	sr_diags_free(&diags);
	CHECK(sr_note_read("/nonexistent/note.md", &diags) == NULL);
	CHECK_DIAG(SR_ERROR, 0, 0, "cannot read: No such file");
	sr_diags_free(&diags);
	CHECK(sr_note_read("/tmp", &diags) == NULL);
	CHECK_DIAG(SR_ERROR, 0, 0, "is a folder");
}

/* ---- headings ---------------------------------------------------------- */

static void
test_aliases(void)
{
	static const struct {
		const char *heading;
		sr_key key;
	} cases[] = {
		/* the article's own questions */
		{"What were you saying when your interviewer became "
		    "excited/more attentive?", SR_KEY_EXCITED_THEM},
		{"What did the interviewer share that excited you?",
		    SR_KEY_EXCITED_ME},
		{"What guidance did the interviewer give you?", SR_KEY_GUIDANCE},
		{"What are the problems either the interviewer or the "
		    "organization needs to solve?", SR_KEY_PROBLEMS},
		{"What do you wish you had said differently?",
		    SR_KEY_SAY_DIFFERENTLY},
		{"What do you wish you had said but didn't get a chance?",
		    SR_KEY_NOT_SAID},
		/* as hurried notes say it */
		{"say different", SR_KEY_SAY_DIFFERENTLY},
		{"What I'd do different", SR_KEY_SAY_DIFFERENTLY},
		/* excited_them */
		{"Excited them", SR_KEY_EXCITED_THEM},
		{"What excited her", SR_KEY_EXCITED_THEM},
		{"When did he perk up?", SR_KEY_EXCITED_THEM},
		{"went well", SR_KEY_EXCITED_THEM},
		/* headings of the held-out notes that read as nothing */
		{"lit him up", SR_KEY_EXCITED_THEM},
		{"connected", SR_KEY_EXCITED_THEM},
		{"WHAT CLICKED", SR_KEY_EXCITED_THEM},
		/* and ones that must not move */
		{"Problems they want to fix", SR_KEY_PROBLEMS},
		{"Another way I could help", SR_KEY_OTHER},
		{"never said", SR_KEY_NOT_SAID},
		{"wish I'd said diff", SR_KEY_SAY_DIFFERENTLY},
		{"wish id said it differently", SR_KEY_SAY_DIFFERENTLY},
		{"wish id said it different", SR_KEY_SAY_DIFFERENTLY},
		{"Her advice: say it differently for the board", SR_KEY_GUIDANCE},
		{"put my foot in it", SR_KEY_SAY_DIFFERENTLY},
		{"What I said that I want to fix", SR_KEY_SAY_DIFFERENTLY},
		{"What I should say in other way", SR_KEY_SAY_DIFFERENTLY},
		{"oops", SR_KEY_SAY_DIFFERENTLY},
		{"ugh", SR_KEY_SAY_DIFFERENTLY},
		{"When did she lean in?", SR_KEY_EXCITED_THEM},
		{"What landed", SR_KEY_EXCITED_THEM},
		{"excited_them", SR_KEY_EXCITED_THEM},
		/* Chinese and Japanese: phrases without spaces, the longest
		 * found winning */
		{"让面试官兴奋的内容", SR_KEY_EXCITED_THEM},
		{"面试官分享的让我兴奋的事", SR_KEY_EXCITED_ME},
		{"他们的问题", SR_KEY_PROBLEMS},
		{"想说却没机会说的", SR_KEY_NOT_SAID},
		{"希望换个说法的地方", SR_KEY_SAY_DIFFERENTLY},
		{"面接官が興味を持ったこと", SR_KEY_EXCITED_THEM},
		{"言えなかったこと", SR_KEY_NOT_SAID},
		{"아무 질문", SR_KEY_OTHER},
		/* excited_me */
		{"What excited me", SR_KEY_EXCITED_ME},
		{"Excited me 🎉", SR_KEY_EXCITED_ME},
		{"What I liked", SR_KEY_EXCITED_ME},
		{"What drew me", SR_KEY_EXCITED_ME},
		{"What I found compelling", SR_KEY_EXCITED_ME},
		{"what I like there", SR_KEY_EXCITED_ME},
		{"what Steve was interested", SR_KEY_EXCITED_THEM},
		{"Where the conversation came alive", SR_KEY_EXCITED_THEM},
		{"What did she advise?", SR_KEY_GUIDANCE},
		{"Things I did not mention", SR_KEY_NOT_SAID},
		{"What didn't I say?", SR_KEY_NOT_SAID},
		{"I forget to say", SR_KEY_NOT_SAID},
		{"missed", SR_KEY_NOT_SAID},
		{"cool stuff", SR_KEY_EXCITED_ME},
		{"What caught her interest", SR_KEY_EXCITED_THEM},
		{"when he got intrested", SR_KEY_EXCITED_THEM},
		{"What I was drawn to", SR_KEY_EXCITED_ME},
		{"what got him going", SR_KEY_EXCITED_THEM},
		{"What Nadia said to do", SR_KEY_GUIDANCE},
		{"diff", SR_KEY_SAY_DIFFERENTLY},
		{"What did Deborah light up at?", SR_KEY_EXCITED_THEM},
		{"What she told me that I liked", SR_KEY_EXCITED_ME},
		{"What's going wrong for them", SR_KEY_PROBLEMS},
		{"What they're up against", SR_KEY_PROBLEMS},
		{"The pressures on them", SR_KEY_PROBLEMS},
		/* no phrase: the words weighed */
		{"Stuff that impressed the panel", SR_KEY_EXCITED_THEM},
		{"Bits I was keen on", SR_KEY_EXCITED_ME},
		{"Things they're worried about", SR_KEY_PROBLEMS},
		{"Where I rambled", SR_KEY_SAY_DIFFERENTLY},
		{"Omitted", SR_KEY_NOT_SAID},
		{"Prep for round two", SR_KEY_GUIDANCE},
		{"Keen on them, worried about pay", SR_KEY_OTHER},
		/* guidance */
		{"Her guidance", SR_KEY_GUIDANCE},
		{"Advice they gave", SR_KEY_GUIDANCE},
		{"GUIDANCE:", SR_KEY_GUIDANCE},
		/* problems */
		{"Pain points", SR_KEY_PROBLEMS},
		{"Their problems", SR_KEY_PROBLEMS},
		{"Challenges", SR_KEY_PROBLEMS},
		{"🎯 Their problems!!", SR_KEY_PROBLEMS},
		{"What they need to solve", SR_KEY_PROBLEMS},
		/* say_differently */
		{"What I'd redo", SR_KEY_SAY_DIFFERENTLY},
		{"What I\xe2\x80\x99" "d redo", SR_KEY_SAY_DIFFERENTLY},
		{"Say differently", SR_KEY_SAY_DIFFERENTLY},
		{"Mistakes", SR_KEY_SAY_DIFFERENTLY},
		{"What I would put differently", SR_KEY_SAY_DIFFERENTLY},
		{"Weak answers", SR_KEY_SAY_DIFFERENTLY},
		/* not_said */
		{"Missed chances", SR_KEY_NOT_SAID},
		{"Didn't get to say", SR_KEY_NOT_SAID},
		{"Didn\xe2\x80\x99t get to say…", SR_KEY_NOT_SAID},
		{"What I forgot to mention", SR_KEY_NOT_SAID},
		{"Not mentioned", SR_KEY_NOT_SAID},
		{"Things that never came up", SR_KEY_NOT_SAID},
		{"not_said", SR_KEY_NOT_SAID},
		/* private and the rest */
		{"Private", SR_KEY_PRIVATE},
		{"🔒 Private notes", SR_KEY_PRIVATE},
		{"Private equity background", SR_KEY_OTHER},
		/* a tie (one word each) goes to the question asked first */
		{"Problems and guidance", SR_KEY_GUIDANCE},
		{"Guidance and problems", SR_KEY_GUIDANCE},
		/* more words win over the order of the questions */
		{"Problems they need to solve, and guidance", SR_KEY_PROBLEMS},
		{"Logistics", SR_KEY_OTHER},
		{"Next steps", SR_KEY_OTHER},
		{"", SR_KEY_OTHER},
	};
	char norm[128];
	size_t i;

	current = "heading aliases";
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		sr_key k = sr_section_match(cases[i].heading, NULL);

		if (!CHECK(k == cases[i].key))
			fprintf(stderr, "    \"%s\" -> %s, want %s\n",
			    cases[i].heading, sr_key_name(k),
			    sr_key_name(cases[i].key));
	}
	sr_section_normalize("Didn’t  GET to say?! 🙂 Zoë", norm, sizeof(norm));
	CHECK_STR(norm, " didnt get to say zoë ");
	sr_section_normalize("ÉQUIPE", norm, sizeof(norm));
	CHECK_STR(norm, " équipe ");
}

static void
test_user_sections(void)
{
	sr_note *n;

	current = "sections: from the front matter";
	n = parse("---\nsections:\n"
	    "  Ihre Probleme: problems\n"
	    "  \"Was ich nicht sagen konnte?\": not_said\n"
	    "  excited_me: [Was mich begeistert hat, Highlights]\n"
	    "  Wins: nothing\n"
	    "---\n"
	    "## Ihre Probleme\n- a\n"
	    "## Was ich nicht sagen konnte?\n- b\n"
	    "## Was mich begeistert hat\n- c\n"
	    "## Highlights\n- d\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK(n->nsections == 4);
	CHECK(n->sections[0].key == SR_KEY_PROBLEMS);
	CHECK(n->sections[1].key == SR_KEY_NOT_SAID);
	CHECK(n->sections[2].key == SR_KEY_EXCITED_ME);
	CHECK(n->sections[3].key == SR_KEY_EXCITED_ME);
	CHECK_DIAG(SR_WARNING, 6, 0, "'Wins' maps to no key");
	sr_note_free(n);
}

/* Lines people write as headings: in bold, plain over a list, or ending
 * with a colon; a line of bold or a sentence within a section is none. */
static void
test_heading_lines(void)
{
	sr_note *n;

	current = "sections: lines written as headings";
	n = parse("---\ncompany: Acme\n---\n"
	    "**What got him interested**\n- a\n\n"       /* 4 */
	    "what i liked\n- b\n\n"                      /* 7 */
	    "Their problems:\n\nReleases take weeks.\n\n" /* 10 */
	    "**Random**\n- c\n\n"                        /* 14 */
	    "**Didn't get to say**\n\n"                   /* 17 */
	    "I **nailed it** on the pipeline.\n\n"
	    "**Really proud of this one.**\n\n"
	    "She liked it. Then we went on.\n- d\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	if (!CHECK(n->nsections == 5)) {
		sr_note_free(n);
		return;
	}
	CHECK(n->sections[0].key == SR_KEY_EXCITED_THEM);
	CHECK(n->sections[0].line == 4 && n->sections[0].col == 3);
	CHECK(n->sections[1].key == SR_KEY_EXCITED_ME);
	CHECK(n->sections[1].line == 7);
	CHECK(n->sections[2].key == SR_KEY_PROBLEMS);
	CHECK(n->sections[2].count == 1);
	CHECK(n->sections[3].key == SR_KEY_OTHER);
	CHECK(n->sections[4].key == SR_KEY_NOT_SAID);
	/* the sentences and the list after them are the section's */
	CHECK(n->sections[4].count >= 1);
	sr_note_free(n);

	/* a line taken as a heading heads its list and no more: the
	 * paragraphs after the list are points of their own, not lost */
	n = parse("---\ncompany: Acme\n---\n"
	    "their problems -\n- queues\n- waste\n\n"
	    "Said it wrong: the budget.\n\nNEXT: trial day Sat\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	if (CHECK(n->nsections == 2)) {
		CHECK(n->sections[0].key == SR_KEY_PROBLEMS);
		CHECK(n->sections[0].count == 2);
		CHECK(n->sections[1].key == SR_KEY_OTHER);
		CHECK(n->sections[1].count == 2);
	}
	if (CHECK(n->npoints == 4)) {
		CHECK(strcmp(n->points[2].text, "Said it wrong: the budget.") ==
		    0 && n->points[2].line == 8);
		CHECK(strcmp(n->points[3].text, "NEXT: trial day Sat") == 0);
	}
	sr_note_free(n);

	/* under a heading that names no question, the paragraphs after its
	 * list are points too: "## quick hits" then "Ugh. ..." */
	n = parse("---\ncompany: Acme\n---\n## quick hits\n- a\n\n"
	    "Ugh. I said no to waterjets.\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK(n->npoints == 2);
	sr_note_free(n);

	/* an aside between two lists under a line taken as a heading stays
	 * there, and so does the list after it */
	n = parse("---\ncompany: Acme\n---\n"
	    "their problems:\n- waste\n\n(Dana said this is the big one)\n\n"
	    "- nights miss the slot\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK(n->nsections == 1 && n->npoints == 2);
	sr_note_free(n);

	/* a bold name over a line is a name, not a label */
	n = parse("---\ncompany: Acme\n---\n## Next\n"
	    "- **Fiona**\n  asked me to send my plan\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	if (CHECK(n->npoints == 1))
		CHECK(strcmp(n->points[0].text, "Fiona asked me to send my "
		    "plan") == 0);
	sr_note_free(n);

	/* a bold label on its own line over its text is a label: the
	 * filters read "what got him going: showed him ..." */
	n = parse("---\ncompany: Acme\n---\n"
	    "their problems -\n- queues\n\n"
	    "**what got him going**\nshowed him the galley kitchen\n\n"
	    "**Her advice**:\nbe concrete\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	if (CHECK(n->npoints == 3)) {
		CHECK(strcmp(n->points[1].text, "what got him going: showed "
		    "him the galley kitchen") == 0);
		CHECK(strcmp(n->points[2].text, "Her advice: be concrete") == 0);
	}
	sr_note_free(n);

	/* under a heading of its own, a line after the list is no point
	 * of the section (its points are its list, as the design has it),
	 * and is not lost either: a point of a part of its own, as the
	 * lines before the first heading are ("he'll ring by fri") */
	n = parse("---\ncompany: Acme\n---\n"
	    "## Their problems\n- queues\n\nhe'll ring by fri\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK(n->nsections == 2 && n->npoints == 2 &&
	    n->points[0].key == SR_KEY_PROBLEMS &&
	    n->points[1].key == SR_KEY_OTHER &&
	    strcmp(n->points[1].text, "he'll ring by fri") == 0);
	sr_note_free(n);
}

/* Headings that match nothing take the questions between two that do,
 * in the article's order, when the counts agree. */
static void
test_heading_order(void)
{
	sr_note *n;

	current = "sections: inferred from their order";
	n = parse("---\ncompany: Acme\n---\n# Acme, second round\n"
	    "## Where it clicked\n- a\n  - a detail\n## Why I want it\n- b\n"
	    "## Caroline's advice\n- c\n## What keeps her up at night\n- d\n"
	    "## Wince\n- e\n## Left unsaid\n- f\n## Gut feeling\n- g\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	if (CHECK(n->nsections == 8)) {
		CHECK(n->sections[0].key == SR_KEY_OTHER); /* the title */
		CHECK(n->sections[1].key == SR_KEY_EXCITED_THEM);
		CHECK(n->sections[2].key == SR_KEY_EXCITED_ME);
		CHECK(n->sections[4].key == SR_KEY_PROBLEMS);
		CHECK(n->sections[5].key == SR_KEY_SAY_DIFFERENTLY);
		CHECK(n->sections[7].key == SR_KEY_OTHER); /* after the last */
	}
	/* the points, and their details, follow their section */
	if (CHECK(n->npoints == 7)) {
		CHECK(n->points[0].key == SR_KEY_EXCITED_THEM);
		CHECK(n->points[0].ndetails == 1 &&
		    n->points[0].details[0].key == SR_KEY_EXCITED_THEM);
		CHECK(n->points[4].key == SR_KEY_SAY_DIFFERENTLY);
	}
	sr_note_free(n);

	/* an aside in the gap, or a count that does not agree: nothing */
	n = parse("---\ncompany: Acme\n---\n"
	    "## Excited them\n- a\n## Blah\n- b\n## Their problems\n- c\n"
	    "## Random\n- d\n## Didn't get to say\n- e\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	if (CHECK(n->nsections == 5)) {
		CHECK(n->sections[1].key == SR_KEY_OTHER);
		CHECK(n->sections[3].key == SR_KEY_OTHER);
	}
	sr_note_free(n);
}

/* ---- points -------------------------------------------------------------- */

static void
test_points(void)
{
	const sr_point *p;
	sr_note *n;

	current = "points";
	n = parse("---\ncompany: Acme\n---\n"            /* lines 1-3 */
	    "- before any heading #todo\n"                /* 4 */
	    "\n"
	    "Intro paragraph before a heading is a point too.\n" /* 6 */
	    "\n"
	    "### Didn't get to say\n"                     /* 8 */
	    "\n"
	    "Some words before the list are dropped.\n"   /* 10 */
	    "\n"
	    "1. Cut churn from **9% to 4%** in two quarters #must\n" /* 12 */
	    "   - by calling every account over $50k\n"  /* 13 */
	    "   - with [a playbook](https://x.example) and `sql`\n" /* 14 */
	    "2. Led the *migration*, @priya would care; mail me at a@b.example\n"
	    "   over two lines\n"                         /* 16 */
	    "\n"
	    "## Their problems\n"                         /* 18 */
	    "\n"
	    "Releases take **three weeks**.\n"            /* 20 */
	    "\n"
	    "On-call burns people out.\n"                 /* 22 */
	    "\n"
	    "# Logistics ✈️\n"                            /* 24 */
	    "* Recruiter call Friday <b>raw</b>\n");      /* 25 */
	if (!CHECK(n != NULL))
		return dump_diags();
	CHECK(n->nsections == 4);
	CHECK(n->npoints == 7);

	p = point(n, SR_KEY_OTHER, 0);
	CHECK(p && p->line == 4 && strcmp(p->heading, "") == 0);
	CHECK(p && p->ntags == 1 && strcmp(p->tags[0], "todo") == 0);
	CHECK(p && p->words == 3);
	/* a paragraph before any heading: a point in its place (a note with
	 * no headings is all here, read by the filters' cues) */
	p = point(n, SR_KEY_OTHER, 1);
	CHECK(p && p->line == 6 && strcmp(p->heading, "") == 0);

	p = point(n, SR_KEY_NOT_SAID, 0);
	if (CHECK(p != NULL)) {
		CHECK(p->line == 12);
		CHECK_STR(p->text, "Cut churn from 9% to 4% in two quarters "
		    "#must");
		CHECK_STR(p->markdown, "Cut churn from **9% to 4%** in two "
		    "quarters #must");
		CHECK_STR(p->heading, "Didn't get to say");
		CHECK(p->strong);
		CHECK(p->ntags == 1 && strcmp(p->tags[0], "must") == 0);
		CHECK(p->words == 9);
		CHECK(p->ndetails == 2);
		CHECK(p->ndetails == 2 && p->details[0].line == 13);
		CHECK(p->ndetails == 2 && strcmp(p->details[1].text,
		    "with a playbook and sql") == 0);
	}
	p = point(n, SR_KEY_NOT_SAID, 1);
	if (CHECK(p != NULL)) {
		CHECK(p->line == 15);
		CHECK_STR(p->text, "Led the migration, @priya would care; mail "
		    "me at a@b.example over two lines");
		CHECK_STR(p->markdown, "Led the *migration*, @priya would "
		    "care; mail me at a@b.example\nover two lines");
		CHECK(!p->strong);
		CHECK(p->nmentions == 1 && strcmp(p->mentions[0], "priya") == 0);
		CHECK(p->ntags == 0);
	}
	/* a section without a list: one point per paragraph */
	p = point(n, SR_KEY_PROBLEMS, 0);
	CHECK(p && p->line == 20 && p->strong &&
	    strcmp(p->text, "Releases take three weeks.") == 0);
	p = point(n, SR_KEY_PROBLEMS, 1);
	CHECK(p && p->line == 22 && p->words == 4);
	/* an unmatched heading keeps its text; raw HTML is dropped */
	p = point(n, SR_KEY_OTHER, 2);
	CHECK(p && strcmp(p->heading, "Logistics ✈️") == 0);
	CHECK(p && strcmp(p->text, "Recruiter call Friday raw") == 0);
	CHECK(n->sections[1].line == 8 && n->sections[1].count == 2);
	sr_note_free(n);

	current = "points: a list inside a point's quote is not its text";
	n = parse("- Releases are slow\n\n  > quoted\n  > - listed in it\n");
	CHECK(n != NULL && n->npoints == 1 &&
	    strcmp(n->points[0].text, "Releases are slow quoted") == 0);
	sr_note_free(n);

	current = "points: no blank at the end of a point's text";
	n = parse("- Foo bar <br>\n");
	CHECK(n != NULL && n->npoints == 1 &&
	    strcmp(n->points[0].text, "Foo bar") == 0);
	sr_note_free(n);

	current = "points: a digit after # or @ is not a tag or mention";
	n = parse("- Ranked #1 in the region for 3 years\n"
	    "- Met @10am with @dana #q3 #2026\n");
	if (!CHECK(n != NULL && n->npoints == 2))
		return dump_diags();
	CHECK(n->points[0].ntags == 0 && n->points[0].nmentions == 0);
	CHECK(n->points[0].words == 8);
	CHECK(n->points[1].nmentions == 1 &&
	    strcmp(n->points[1].mentions[0], "dana") == 0);
	CHECK(n->points[1].ntags == 1 &&
	    strcmp(n->points[1].tags[0], "q3") == 0);
	CHECK(n->points[1].words == 4); /* Met @10am with #2026 */
	sr_note_free(n);
	current = "points: a point of tags alone, with details, is a point";
	n = parse("- #must\n  - Cut churn by half\n- #skip\n");
	CHECK(n != NULL && n->npoints == 1 && n->points[0].ndetails == 1);
	sr_note_free(n);

	current = "points: a line of two of a panel is a point for each";
	n = parse("- Next: @gareth training night Thu 7pm. @tom wants my "
	    "certs by Monday. @tom will ring.\n"
	    "- @gareth and @elin both liked the story. @elin asked more\n"
	    "- @elin said so, e.g. @tom too\n");
	if (!CHECK(n != NULL && n->npoints == 5))
		return dump_diags();
	CHECK(strcmp(n->points[0].text, "Next: @gareth training night Thu "
	    "7pm.") == 0 && n->points[0].nmentions == 1 &&
	    n->points[0].line == n->points[1].line);
	/* the label goes with each part; the same one's words go on */
	CHECK(strcmp(n->points[1].text, "Next: @tom wants my certs by Monday. "
	    "@tom will ring.") == 0 && n->points[1].nmentions == 2 &&
	    strcmp(n->points[1].mentions[0], "tom") == 0);
	CHECK(n->sections[0].count == 5);
	CHECK(strcmp(n->points[2].text, "@gareth and @elin both liked the "
	    "story.") == 0 && strcmp(n->points[3].text, "@elin asked more")
	    == 0 && n->points[3].words == 2);
	/* "e.g." ends no sentence */
	CHECK(strcmp(n->points[4].text, "@elin said so, e.g. @tom too") == 0);
	sr_note_free(n);

	current = "points: each part of a panel's line has the line's tags";
	n = parse("- @marcus said layoffs are coming. @priya liked my plan "
	    "#private\n"
	    "- Demoed the tracker. @tom loved it. @elin was sceptical\n"
	    "- @priya met Dr. @omar at the depot. @Priya. @priya said yes\n");
	if (!CHECK(n != NULL && n->npoints == 4))
		return dump_diags();
	CHECK(strcmp(n->points[0].text, "@marcus said layoffs are coming.")
	    == 0 && n->points[0].ntags == 1 &&
	    strcmp(n->points[0].tags[0], "private") == 0);
	CHECK(n->points[1].ntags == 1 && strstr(n->points[0].markdown,
	    "@priya liked") != NULL);
	/* (a line that opens with no one's name is not cut) */
	CHECK(strcmp(n->points[2].text, "Demoed the tracker. @tom loved it. "
	    "@elin was sceptical") == 0);
	/* (a title's stop ends no sentence; "@Priya." is Priya) */
	CHECK(strncmp(n->points[3].text, "@priya met Dr. @omar at the depot. "
	    "@Priya. @priya said yes", 60) == 0);
	sr_note_free(n);

	current = "points: a paragraph of labelled lines is a point a line";
	n = parse("lit up: the tide board\n"
	    "problems: pilot clashes,\n"
	    "more of the problem\n"
	    "evidence -> at Kyle I cut waits 3.5 -> 1.2 hrs\n"
	    "\n"
	    "A paragraph: of one line\n"
	    "and no label on this one\n"
	    "nor this one\n");
	if (!CHECK(n != NULL && n->npoints == 4))
		return dump_diags();
	CHECK(strcmp(n->points[0].text, "lit up: the tide board") == 0 &&
	    n->points[0].line == n->body_line);
	/* a line with no label goes on with the point before it */
	CHECK(strcmp(n->points[1].text, "problems: pilot clashes, more of "
	    "the problem") == 0 && n->points[1].line == n->body_line + 1);
	CHECK(n->points[1].markdown && strcmp(n->points[1].markdown, "problems: pilot clashes,\n"
	    "more of the problem") == 0);
	CHECK(n->points[2].line == n->body_line + 3);
	/* (most lines with no label: one paragraph, one point) */
	CHECK(strncmp(n->points[3].text, "A paragraph: of one line and", 28)
	    == 0);
	sr_note_free(n);

	current = "points: a paragraph of lines that open with tags";
	n = parse("@sian lit up at the incident log\n"
	    "@marcus problem: resets slip\n"
	    "evidence @sian: cut incidents 7 -> 0\n");
	if (!CHECK(n != NULL && n->npoints == 3))
		return dump_diags();
	CHECK(n->points[1].nmentions == 1 &&
	    strcmp(n->points[1].mentions[0], "marcus") == 0 &&
	    n->points[2].nmentions == 1);
	sr_note_free(n);

	current = "points: a tag of one letter";
	n = parse("- Plan #b\n");
	CHECK(n != NULL && n->npoints == 1 && n->points[0].ntags == 1 &&
	    strcmp(n->points[0].tags[0], "b") == 0);
	sr_note_free(n);
}

/* ---- check ------------------------------------------------------------- */

static void
test_check(void)
{
	sr_note *n;
	sr_date now;

	current = "check: an empty note";
	n = parse("# Interview\n");
	if (!CHECK(n != NULL))
		return;
	sr_diags_free(&diags);
	sr_check_note(n, 0, &diags);
	/* the fields, the date, and one for the six questions */
	CHECK(diags.warnings == 3);
	CHECK_DIAG(SR_WARNING, 1, 0, "no 'company' (the draft cannot name");
	CHECK_DIAG(SR_WARNING, 1, 0, "'candidate' (it ends without");
	CHECK_DIAG(SR_WARNING, 1, 0, "no section answers any of the six "
	    "questions: \"What were you saying");
	CHECK_DIAG(SR_WARNING, 1, 0, "(not_said)");
	sr_note_free(n);

	current = "check: an empty section, a passed deadline";
	n = parse("---\ncompany: A\ndate: 2026-03-02T11:00:00Z\nrole: R\n"
	    "interviewer: I\ncandidate: C\n---\n"
	    "## Excited them\n- a\n## Excited me\n- a\n## Guidance\n"
	    "## Problems\n- a\n## Say differently\n- a\n## Not said\n- a\n");
	if (!CHECK(n != NULL))
		return dump_diags();
	sr_date_parse("2026-03-04T12:00:00Z", &now);
	sr_diags_free(&diags);
	sr_check_note(n, sr_date_epoch(&now), &diags);
	CHECK(diags.warnings == 2);
	CHECK_DIAG(SR_WARNING, 8, 4, "1 of the six questions has no answer: "
	    "\"What guidance did the interviewer give you?\" (guidance)");
	CHECK_DIAG(SR_WARNING, 3, 0, "overdue by 1 hour (it was due "
	    "2026-03-04 11:00)");
	sr_date_parse("2026-03-04T10:00:00Z", &now);
	sr_diags_free(&diags);
	sr_check_note(n, sr_date_epoch(&now), &diags);
	CHECK(diags.warnings == 1);
	sr_note_free(n);

	current = "check: a sent note is never overdue";
	n = parse("---\ncompany: A\ndate: 2020-03-02\nsent: 2020-03-03\n---\n");
	sr_diags_free(&diags);
	if (CHECK(n != NULL))
		sr_check_note(n, sr_date_epoch(&now), &diags);
	CHECK(!has_diag(SR_WARNING, 0, 0, "was due"));
	sr_note_free(n);
}

/* ---- the plain-text renderer ------------------------------------------- */

/* Every line of text at most `width` columns, unless it is one word. */
static bool
lines_fit(const char *text, int width)
{
	const char *line = text, *nl;

	for (; *line != '\0'; line = nl + 1) {
		nl = strchr(line, '\n');
		if (nl == NULL)
			nl = line + strlen(line);
		if (sr_text_width(line, (size_t)(nl - line)) > width &&
		    memchr(line, ' ', (size_t)(nl - line)) != NULL) {
			fprintf(stderr, "    too wide: %.*s\n", (int)(nl - line),
			    line);
			return false;
		}
		if (*nl == '\0')
			break;
	}
	return true;
}

static void
check_text(const char *name, const char *md, const char *want)
{
	char *got = sr_text_from_markdown(md, strlen(md), 72);

	current = name;
	CHECK_STR(got, want);
	free(got);
}

/* A code point as UTF-8. */
static size_t
utf8_encode(uint32_t cp, char *out)
{
	if (cp < 0x80) {
		out[0] = (char)cp;
		return 1;
	}
	if (cp < 0x800) {
		out[0] = (char)(0xC0 | cp >> 6);
		out[1] = (char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		out[0] = (char)(0xE0 | cp >> 12);
		out[1] = (char)(0x80 | (cp >> 6 & 0x3F));
		out[2] = (char)(0x80 | (cp & 0x3F));
		return 3;
	}
	out[0] = (char)(0xF0 | cp >> 18);
	out[1] = (char)(0x80 | (cp >> 12 & 0x3F));
	out[2] = (char)(0x80 | (cp >> 6 & 0x3F));
	out[3] = (char)(0x80 | (cp & 0x3F));
	return 4;
}

/* The columns of each range of code points, at both ends, and of the code
 * points just outside it (each 1, a plain character). */
static void
test_widths(void)
{
	static const struct {
		uint32_t first, last;
		int width;
	} ranges[] = {
		{0x300, 0x36F, 0}, {0x1AB0, 0x1AFF, 0}, {0x200B, 0x200D, 0},
		{0x20D0, 0x20FF, 0}, {0xFE00, 0xFE0F, 0},
		{0x1100, 0x115F, 2}, {0x2E80, 0xA4CF, 2}, {0xAC00, 0xD7A3, 2},
		{0xF900, 0xFAFF, 2}, {0xFE30, 0xFE4F, 2}, {0xFF00, 0xFF60, 2},
		{0xFFE0, 0xFFE6, 2}, {0x1F300, 0x1F64F, 2}, {0x1F900, 0x1F9FF, 2},
		{0x20000, 0x3FFFD, 2},
	};
	char s[4];
	size_t i, n;
	int j;

	current = "text: the width of each range of code points";
	for (i = 0; i < sizeof(ranges) / sizeof(ranges[0]); i++) {
		uint32_t at[4] = {ranges[i].first, ranges[i].last,
		    ranges[i].first - 1, ranges[i].last + 1};

		for (j = 0; j < 4; j++) {
			int want = j < 2 ? ranges[i].width : 1;

			n = utf8_encode(at[j], s);
			if (!CHECK(sr_text_width(s, n) == want))
				fprintf(stderr, "    U+%04X is %d columns, want %d\n",
				    (unsigned)at[j], sr_text_width(s, n), want);
		}
	}
}

static void
test_text_render(void)
{
	sr_buf b = {0};
	char *got;
	int i;

	check_text("text: a paragraph", "Hello, world.\n", "Hello, world.\n");
	check_text("text: emphasis markers go", "This is **bold** and *em* and "
	    "`code`.\n", "This is bold and em and code.\n");
	check_text("text: links read text <address>", "See [the doc]"
	    "(https://x.example/d) and <https://x.example/a>.\n",
	    "See the doc <https://x.example/d> and https://x.example/a.\n");
	check_text("text: hard breaks", "Best regards,\\\nChris Boyd\n",
	    "Best regards,\nChris Boyd\n");
	check_text("text: no blank after a hard break", "Best,\\\n`  Chris `\n",
	    "Best,\nChris\n");
	check_text("text: lists keep their markers", "- one\n- two\n\n"
	    "3. three\n4. four\n", "- one\n- two\n\n3. three\n4. four\n");
	check_text("text: nested lists", "- one\n  - inner\n- two\n",
	    "- one\n  - inner\n- two\n");
	check_text("text: quotes", "> quoted\n> text\n", "> quoted text\n");
	check_text("text: raw HTML dropped", "a <b>bold</b> word\n\n"
	    "<div>block</div>\n", "a bold word\n");
	check_text("text: paragraphs", "One.\n\nTwo.\n", "One.\n\nTwo.\n");

	/* wrapping at 72 columns, on word boundaries */
	for (i = 0; i < 40; i++)
		sr_buf_puts(&b, "word ");
	current = "text: wrap at 72";
	got = sr_text_from_markdown(b.data, b.len, 72);
	CHECK(got != NULL && lines_fit(got, 72));
	CHECK(got != NULL && strncmp(got, "word word", 9) == 0);
	CHECK(got != NULL && sr_text_words(got, strlen(got)) == 40);
	free(got);

	/* a list item's continuation lines keep its indentation */
	b.len = 0;
	sr_buf_puts(&b, "- ");
	for (i = 0; i < 30; i++)
		sr_buf_puts(&b, "item ");
	current = "text: wrapped list item";
	got = sr_text_from_markdown(b.data, b.len, 72);
	CHECK(got != NULL && lines_fit(got, 72));
	CHECK(got != NULL && strstr(got, "\n  item") != NULL);
	free(got);

	/* a word longer than the line stands alone, unbroken */
	b.len = 0;
	sr_buf_puts(&b, "Before https://example.org/");
	for (i = 0; i < 100; i++)
		sr_buf_putc(&b, 'a');
	sr_buf_puts(&b, " after.");
	current = "text: a long word";
	got = sr_text_from_markdown(b.data, b.len, 72);
	CHECK(got != NULL && strncmp(got, "Before\nhttps://", 15) == 0);
	CHECK(got != NULL && strstr(got, "a\nafter.") != NULL);
	free(got);

	/* multibyte text: counted by display width, never split */
	b.len = 0;
	for (i = 0; i < 30; i++)
		sr_buf_puts(&b, "Zoë Müller 日本語 ");
	current = "text: UTF-8 and wide characters";
	got = sr_text_from_markdown(b.data, b.len, 72);
	CHECK(got != NULL && lines_fit(got, 72));
	CHECK(got != NULL && sr_utf8_check(got, strlen(got)) == strlen(got));
	CHECK(sr_text_width("日本語", strlen("日本語")) == 6);
	CHECK(sr_text_width("Zoë", strlen("Zoë")) == 3);
	CHECK(sr_text_width("e\xcc\x81", 3) == 1); /* e + combining acute */
	free(got);
	/* bytes that are not UTF-8 (a filter's string cut inside a
	 * character) come out as U+FFFD, never as they are (fuzz/text.c) */
	current = "text: bytes that are not UTF-8";
	got = sr_text_from_markdown("\xfe-x Zo\xc3", 7, 72);
	CHECK(got != NULL && sr_utf8_check(got, strlen(got)) == strlen(got));
	CHECK(got != NULL && strcmp(got, "\xef\xbf\xbd-x Zo\xef\xbf\xbd\n") ==
	    0);
	free(got);
	sr_buf_free(&b);

	current = "text: a note's self-talk is no content word";
	CHECK(sr_text_is_stop_word("lol"));
	CHECK(sr_text_is_stop_word("dont"));
	CHECK(sr_text_is_stop_word("said"));
	CHECK(sr_text_is_stop_word("the"));
	CHECK(sr_text_is_stop_word("wks"));
	CHECK(sr_text_is_stop_word("yrs"));
	CHECK(!sr_text_is_stop_word("minutes"));
	CHECK(!sr_text_is_stop_word("brew"));
	CHECK(!sr_text_is_stop_word("cleaning"));
	test_widths();
}

/* ---- sr_jobs_run: answers in the order of the items, a dead worker's
 * item said to be lost (and why) and its other items done by a new one,
 * and the messages read back as written -------------------------------- */

static int jobs_seen[12];
static size_t jobs_order[12], jobs_taken;
static sr_jobs_loss jobs_why[12];

static void
jobs_work(void *arg, size_t i, sr_pack *msg)
{
	sr_diags d = {0};

	if (arg != NULL && *(int *)arg == 1 && i == 4)
		_exit(9); /* a worker that dies on item 4 */
	if (arg != NULL && *(int *)arg == 2 && i == 5)
		for (;;) /* an item the watchdog must end */
			pause();
	sr_pack_u64(msg, i * 7);
	sr_pack_str(msg, i % 2 ? "odd" : NULL);
	sr_diags_add(&d, SR_WARNING, "n.md", (int)i, 2, "item %zu", i);
	sr_pack_diags(msg, &d);
	sr_diags_free(&d);
}

static int
jobs_take(void *arg, size_t i, const char *msg, size_t len, sr_jobs_loss why)
{
	sr_unpack u = {msg, msg + len, false};
	sr_diags d = {0};
	const char *s;

	(void)arg;
	jobs_order[jobs_taken++] = i;
	if (msg == NULL) {
		jobs_seen[i] = -1;
		jobs_why[i] = why;
		return 0;
	}
	jobs_seen[i] = sr_unpack_u64(&u) == i * 7;
	s = sr_unpack_str(&u);
	if (i % 2 ? s == NULL || strcmp(s, "odd") != 0 : s != NULL)
		jobs_seen[i] = 0;
	sr_unpack_diags(&u, &d);
	if (u.bad || u.p != u.end || d.count != 1 || d.warnings != 1 ||
	    d.items[0].line != (int)i || strcmp(d.items[0].path, "n.md") != 0)
		jobs_seen[i] = 0;
	sr_diags_free(&d);
	/* arg "stop at 6": the batch ends after item 6 */
	return arg != NULL && *(int *)arg == 6 && i == 6;
}

/* Answers every item at once but 4 and 7 (which jobs_work does), the
 * same answer jobs_work gives; 'half' packs half an answer first. */
static bool
jobs_quick(void *arg, size_t i, sr_pack *msg)
{
	if (arg != NULL && ((*(int *)arg == 2 && i == 5) ||
	    (*(int *)arg == 4 && i == 3)))
		for (;;) /* a quick item that hangs: the watchdog ends it */
			pause();
	if (arg != NULL && *(int *)arg == 3) {
		sr_pack_u64(msg, 12345); /* begun, then not an answer */
		return false;
	}
	if (i == 4 || i == 7)
		return false;
	jobs_work(NULL, i, msg);
	return true;
}

/* sr_jobs_run_quick: the quick answers, sent one by one, come in the
 * order of the items between the others; those before an item whose
 * worker dies are not lost with it; what quick began and did not answer
 * is not sent. */
static void
test_jobs_quick(void)
{
	unsigned workers;
	size_t i;
	bool all;
	int dead = 1, stuck = 2, begun = 3, stuck_early = 4;

	current = "jobs: quick answers in order, from 1, 3 and 12 workers";
	for (workers = 1; workers <= 12; workers += workers < 3 ? 2 : 9) {
		memset(jobs_seen, 0, sizeof(jobs_seen));
		jobs_taken = 0;
		CHECK(sr_jobs_run_quick(10, workers, 0, jobs_quick, jobs_work,
		    jobs_take, NULL) == 0);
		all = jobs_taken == 10;
		for (i = 0; i < 10; i++)
			all = all && jobs_order[i] == i && jobs_seen[i] == 1;
		CHECK(all);
	}
	current = "jobs: quick answers waiting in a worker are sent before "
	    "an item that kills it";
	for (workers = 1; workers <= 3; workers += 2) {
		memset(jobs_seen, 0, sizeof(jobs_seen));
		jobs_taken = 0;
		CHECK(sr_jobs_run_quick(10, workers, 0, jobs_quick, jobs_work,
		    jobs_take, &dead) == 0);
		CHECK(jobs_taken == 10 && jobs_seen[4] == -1);
		all = true;
		for (i = 0; i < 10; i++)
			if (i != 4)
				all = all && jobs_seen[i] == 1;
		CHECK(all);
	}
	current = "jobs: the watchdog ends a quick item that hangs";
	memset(jobs_seen, 0, sizeof(jobs_seen));
	jobs_taken = 0;
	alarm(30); /* without the watchdog this would wait for ever */
	CHECK(sr_jobs_run_quick(10, 1, 1, jobs_quick, jobs_work, jobs_take,
	    &stuck) == 0);
	alarm(0);
	CHECK(jobs_taken == 10 && jobs_seen[5] == -1 &&
	    jobs_why[5] == SR_JOBS_TIMEOUT);
	all = true;
	for (i = 0; i < 10; i++)
		if (i != 5)
			all = all && jobs_seen[i] == 1;
	CHECK(all);
	/* with only quick items before it, those answers are not lost
	 * with the worker, nor the item blamed another's */
	current = "jobs: a quick item that hangs after quick ones loses only "
	    "itself";
	memset(jobs_seen, 0, sizeof(jobs_seen));
	jobs_taken = 0;
	alarm(30);
	CHECK(sr_jobs_run_quick(10, 1, 1, jobs_quick, jobs_work, jobs_take,
	    &stuck_early) == 0);
	alarm(0);
	CHECK(jobs_taken == 10 && jobs_seen[3] == -1 &&
	    jobs_why[3] == SR_JOBS_TIMEOUT);
	all = true;
	for (i = 0; i < 10; i++)
		if (i != 3)
			all = all && jobs_seen[i] == 1;
	CHECK(all);
	current = "jobs: what quick packs without answering is dropped";
	memset(jobs_seen, 0, sizeof(jobs_seen));
	jobs_taken = 0;
	CHECK(sr_jobs_run_quick(10, 2, 0, jobs_quick, jobs_work, jobs_take,
	    &begun) == 0);
	all = jobs_taken == 10;
	for (i = 0; i < 10; i++)
		all = all && jobs_seen[i] == 1;
	CHECK(all);
}

static void
test_jobs(void)
{
	unsigned workers;
	size_t i;
	bool all;
	int dead = 1, stuck = 2;

	current = "jobs: answers in order, here and from 1, 3 and 12 workers";
	for (workers = 0; workers <= 12; workers += workers < 3 ? 1 : 9) {
		memset(jobs_seen, 0, sizeof(jobs_seen));
		jobs_taken = 0;
		CHECK(sr_jobs_run(10, workers, 0, jobs_work, jobs_take,
		    NULL) == 0);
		all = jobs_taken == 10;
		for (i = 0; i < 10; i++)
			all = all && jobs_order[i] == i && jobs_seen[i] == 1;
		CHECK(all);
	}
	current = "jobs: a worker that dies loses its item, a new one does "
	    "the rest";
	for (workers = 1; workers <= 3; workers += 2) {
		memset(jobs_seen, 0, sizeof(jobs_seen));
		jobs_taken = 0;
		jobs_why[4] = SR_JOBS_TIMEOUT;
		CHECK(sr_jobs_run(10, workers, 0, jobs_work, jobs_take,
		    &dead) == 0);
		CHECK(jobs_taken == 10);
		/* with 3, worker 1 has items 1, 4, 7: 4 is lost, 7 done by
		 * the worker that took its place */
		CHECK(jobs_seen[4] == -1 && jobs_why[4] == SR_JOBS_DIED);
		all = true;
		for (i = 0; i < 10; i++)
			if (i != 4)
				all = all && jobs_seen[i] == 1;
		CHECK(all);
	}
	current = "jobs: the watchdog ends a stuck item, the rest go on";
	memset(jobs_seen, 0, sizeof(jobs_seen));
	jobs_taken = 0;
	CHECK(sr_jobs_run(10, 1, 1, jobs_work, jobs_take, &stuck) == 0);
	CHECK(jobs_taken == 10 && jobs_seen[5] == -1 &&
	    jobs_why[5] == SR_JOBS_TIMEOUT);
	all = true;
	for (i = 0; i < 10; i++)
		if (i != 5)
			all = all && jobs_seen[i] == 1;
	CHECK(all);
	current = "jobs: a take that says stop ends the batch there";
	for (workers = 1; workers <= 3; workers += 2) {
		int at = 6;

		jobs_taken = 0;
		CHECK(sr_jobs_run(10, workers, 0, jobs_work, jobs_take,
		    &at) == 0 && jobs_taken == 7);
	}
	current = "jobs: a short message reads as bad, not past its end";
	{
		sr_pack p = {0};
		sr_unpack u;

		sr_pack_str(&p, "hello");
		u.p = p.data;
		u.end = p.data + p.len - 3;
		u.bad = false;
		CHECK(sr_unpack_str(&u) == NULL && u.bad);
		sr_pack_free(&p);
	}
	test_jobs_quick();
}


/* ---- sr_outdir_has: from a listing of the draft's folder, which a name
 * the run adds or removes drops; only a regular file is a draft -------- */

static void
test_outdir_has(void)
{
	char dir[] = "/tmp/sr-unit-XXXXXX", path[160];
	sr_diags d = {0};
	sr_outdir *o;
	static const char *const made[] = {"a/y.md", "top.md", "a/w.md"};
	size_t i;

	current = "outdir: a draft written or removed is seen at once";
	if (mkdtemp(dir) == NULL ||
	    (o = sr_outdir_open(dir, false, &d)) == NULL) {
		CHECK(false);
		return;
	}
	CHECK(!sr_outdir_has(o, "a/x.md")); /* no folder yet */
	CHECK(sr_outdir_write(o, "a/y.md", "y", 1, &d) == 0);
	CHECK(sr_outdir_has(o, "a/y.md") && !sr_outdir_has(o, "a/x.md"));
	CHECK(sr_outdir_write(o, "a/x.md", "x", 1, &d) == 0);
	CHECK(sr_outdir_has(o, "a/x.md"));
	sr_outdir_remove(o, "a/x.md");
	CHECK(!sr_outdir_has(o, "a/x.md") && sr_outdir_has(o, "a/y.md"));
	CHECK(sr_outdir_write(o, "top.md", "t", 1, &d) == 0);
	CHECK(sr_outdir_has(o, "top.md") && sr_outdir_has(o, "a/y.md"));
	current = "outdir: a folder or a link named like a draft is none";
	snprintf(path, sizeof(path), "%s/a/z.md", dir);
	CHECK(mkdir(path, 0777) == 0);
	snprintf(path, sizeof(path), "%s/a/w.md", dir);
	CHECK(symlink("y.md", path) == 0);
	CHECK(sr_outdir_has(o, "top.md")); /* then a is listed again */
	CHECK(!sr_outdir_has(o, "a/z.md") && !sr_outdir_has(o, "a/w.md") &&
	    sr_outdir_has(o, "a/y.md"));
	sr_outdir_close(o);
	for (i = 0; i < sizeof(made) / sizeof(made[0]); i++) {
		snprintf(path, sizeof(path), "%s/%s", dir, made[i]);
		unlink(path);
	}
	snprintf(path, sizeof(path), "%s/a/z.md", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/a", dir);
	rmdir(path);
	snprintf(path, sizeof(path), "%s/.secondround-lock", dir);
	unlink(path);
	rmdir(dir);
	sr_diags_free(&d);
}

/* ---- sr_defaults_find: the answer kept for the last note's folder is
 * that folder's, and sr_defaults_forget lets a new file be found ------ */

static void
test_defaults_find(void)
{
	char dir[] = "/tmp/sr-unit-XXXXXX", a[96], b[96], yaml[96], git[96];
	char *found;
	FILE *f;
	int i;

	current = "defaults: each folder's own answer, asked in turn";
	if (mkdtemp(dir) == NULL) {
		CHECK(false);
		return;
	}
	snprintf(git, sizeof(git), "%s/.git", dir);
	snprintf(a, sizeof(a), "%s/a", dir);
	snprintf(b, sizeof(b), "%s/b", dir);
	snprintf(yaml, sizeof(yaml), "%s/a/secondround.yaml", dir);
	CHECK(mkdir(git, 0777) == 0 && mkdir(a, 0777) == 0 &&
	    mkdir(b, 0777) == 0);
	if ((f = fopen(yaml, "w")) != NULL)
		fclose(f);
	snprintf(a, sizeof(a), "%s/a/note.md", dir);
	snprintf(b, sizeof(b), "%s/b/note.md", dir);
	sr_defaults_forget();
	for (i = 0; i < 4; i++) {
		found = sr_defaults_find(i % 2 ? b : a);
		CHECK(i % 2 ? found == NULL : found != NULL &&
		    strstr(found, "/a/secondround.yaml") != NULL);
		free(found);
		found = sr_defaults_find(i % 2 ? b : a); /* asked again */
		CHECK((found == NULL) == (i % 2 == 1));
		free(found);
	}
	current = "defaults: forgotten, a file that came is found";
	snprintf(yaml, sizeof(yaml), "%s/b/secondround.yaml", dir);
	if ((f = fopen(yaml, "w")) != NULL)
		fclose(f);
	sr_defaults_forget();
	found = sr_defaults_find(b);
	CHECK(found != NULL && strstr(found, "/b/secondround.yaml") != NULL);
	free(found);
	sr_defaults_forget();
	unlink(yaml);
	snprintf(yaml, sizeof(yaml), "%s/a/secondround.yaml", dir);
	unlink(yaml);
	snprintf(a, sizeof(a), "%s/a", dir);
	snprintf(b, sizeof(b), "%s/b", dir);
	rmdir(a);
	rmdir(b);
	rmdir(git);
	rmdir(dir);
}

static int
m_compare_strs(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* ---- the manifest: the table against a model, over sets, removes,
 * claims and saves, and the file it writes ------------------------------ */

#define M_NOTES 1500
#define M_OUTS (M_NOTES * 3)

typedef struct {
	bool present;
	char note[64], made_by[64];
	uint64_t in, out;
} m_model;

static const char *const m_exts[] = {"html", "md", "txt"};

static void
m_output(char *buf, size_t n, int i)
{
	snprintf(buf, n, "d%d/note-%05d.%s", (i / 3) % 7, i / 3, m_exts[i % 3]);
}

/* The note's base, and the note itself (alt: another note whose outputs
 * are under the same base, as when an output moves to another note). */
static void
m_note(char *buf, size_t n, int i, bool alt, bool base)
{
	snprintf(buf, n, "d%d/note-%05d%s", (i / 3) % 7, i / 3,
	    base ? "" : alt ? "-b.md" : ".md");
}

static unsigned long m_seed = 12345;

static unsigned
m_rand(unsigned n)
{
	m_seed = m_seed * 6364136223846793005UL + 1442695040888963407UL;
	return (unsigned)((m_seed >> 33) % n);
}

/* Every output found as the model says. */
static bool
m_same(sr_manifest *m, const m_model *model, bool marks)
{
	char name[64];
	int i;

	for (i = 0; i < M_OUTS; i++) {
		const sr_manifest_entry *e;

		m_output(name, sizeof(name), i);
		e = sr_manifest_find(m, name);
		if (!model[i].present) {
			if (e != NULL)
				return false;
			continue;
		}
		if (e == NULL || strcmp(e->output, name) != 0 ||
		    strcmp(e->note, model[i].note) != 0 ||
		    e->input_hash != model[i].in ||
		    e->output_hash != model[i].out)
			return false;
		if (marks && (model[i].made_by[0] == '\0' ?
		    sr_manifest_made_by(m, e) != NULL :
		    sr_manifest_made_by(m, e) == NULL ||
		    strcmp(sr_manifest_made_by(m, e), model[i].made_by) != 0))
			return false;
	}
	return true;
}

/* sr_manifest_outputs of the notes of some outputs, as the model says. */
static bool
m_same_outputs(sr_manifest *m, const m_model *model)
{
	const sr_manifest_entry *e[8];
	char note[64], base[64], name[64];
	int k, i, alt;

	for (k = 0; k < M_NOTES; k += 7) {
		for (alt = 0; alt < 2; alt++) {
			size_t n, want = 0, j = 0;

			m_note(note, sizeof(note), k * 3, alt, false);
			m_note(base, sizeof(base), k * 3, alt, true);
			n = sr_manifest_outputs(m, note, base, e, 8);
			for (i = k * 3; i < k * 3 + 3; i++) {
				if (!model[i].present ||
				    strcmp(model[i].note, note) != 0)
					continue;
				want++;
				m_output(name, sizeof(name), i);
				/* sorted: html, md, txt */
				if (j >= n || strcmp(e[j]->output, name) != 0 ||
				    e[j]->input_hash != model[i].in)
					return false;
				j++;
			}
			if (n != want)
				return false;
		}
	}
	return true;
}

static char *
m_slurp(const char *path)
{
	FILE *f = fopen(path, "rb");
	sr_buf b = {0};
	char chunk[4096];
	size_t n;

	if (f == NULL)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		sr_buf_put(&b, chunk, n);
	fclose(f);
	return sr_buf_take(&b);
}

static void
test_manifest(void)
{
	static m_model model[M_OUTS];
	char dir[] = "/tmp/sr-unit-XXXXXX", path[128], name[64], note[64];
	sr_manifest m = {0}, again;
	sr_outdir *o;
	sr_buf want = {0};
	char *text;
	int op, i;
	bool same = true, same_outputs = true, changed_ok = true;

	current = "manifest: the store against a model";
	if (!CHECK(mkdtemp(dir) != NULL))
		return;
	sr_diags_free(&diags);
	o = sr_outdir_open(dir, false, &diags);
	if (!CHECK(o != NULL) || !CHECK(sr_manifest_load(&m, o, &diags) == 0))
		return;
	for (op = 0; op < 60000; op++) {
		int r = (int)m_rand(10);
		m_model *x;

		i = (int)m_rand(M_OUTS);
		x = &model[i];
		m_output(name, sizeof(name), i);
		if (r < 6) {
			bool alt = m_rand(8) == 0;
			uint64_t in = m_rand(4), out = m_rand(1000);
			bool mark = m_rand(2) == 0;
			bool was_changed = m.changed, differs;

			m_note(note, sizeof(note), i, alt, false);
			differs = !x->present || strcmp(x->note, note) != 0 ||
			    x->in != in || x->out != out;
			if (sr_manifest_set(&m, name, note, in, out, mark ?
			    "made" : NULL) != 0)
				break;
			if (!was_changed && m.changed != differs)
				changed_ok = false;
			if (!x->present)
				x->made_by[0] = '\0';
			x->present = true;
			snprintf(x->note, sizeof(x->note), "%s", note);
			x->in = in;
			x->out = out;
			if (mark)
				snprintf(x->made_by, sizeof(x->made_by), "made");
		} else if (r < 8) {
			if (sr_manifest_remove(&m, name) != 0)
				break;
			x->present = false;
		} else {
			const sr_manifest_entry *e = sr_manifest_find(&m, name);
			bool was_changed = m.changed;

			if ((e != NULL) != x->present) {
				same = false;
				break;
			}
			if (e != NULL) {
				snprintf(x->made_by, sizeof(x->made_by), "by-%d",
				    op);
				if (sr_manifest_claim(&m, e, x->made_by) != 0)
					break;
				if (m.changed != was_changed)
					changed_ok = false;
			}
		}
		if (op % 15000 == 14999) {
			same = same && m_same(&m, model, true);
			same_outputs = same_outputs && m_same_outputs(&m, model);
			/* a save on the way, as a long build does */
			CHECK(sr_manifest_save(&m, o, &diags) == 0);
			CHECK(!m.changed);
		}
	}
	CHECK(op == 60000);
	CHECK(same);
	CHECK(same_outputs);
	CHECK(changed_ok);
	CHECK(sr_manifest_set(&m, "d0/x.md", "d0/x.md", 1, 2, NULL) == 0);
	CHECK(sr_manifest_remove(&m, "d0/x.md") == 0);
	CHECK(sr_manifest_save(&m, o, &diags) == 0);

	/* the file: the model's entries, sorted */
	current = "manifest: the file saved is the model, sorted";
	{
		char **lines = calloc(M_OUTS, sizeof(char *));
		int n = 0, k;

		for (i = 0; i < M_OUTS && lines != NULL; i++) {
			sr_buf l = {0};

			if (!model[i].present)
				continue;
			m_output(name, sizeof(name), i);
			sr_buf_printf(&l, "%s\t%s\t%016llx\t%016llx\n", name,
			    model[i].note, (unsigned long long)model[i].in,
			    (unsigned long long)model[i].out);
			lines[n++] = sr_buf_take(&l);
		}
		qsort(lines, (size_t)n, sizeof(char *), m_compare_strs);
		sr_buf_puts(&want, "# secondround manifest 1: output, note, "
		    "input hash, output hash[, overview]\n");
		for (k = 0; k < n; k++) {
			sr_buf_puts(&want, lines[k]);
			free(lines[k]);
		}
		free(lines);
	}
	snprintf(path, sizeof(path), "%s/.secondround-manifest", dir);
	text = m_slurp(path);
	CHECK(text != NULL && want.data != NULL &&
	    strcmp(text, want.data) == 0);
	free(text);

	current = "manifest: loaded again, the same (without this run's marks)";
	CHECK(sr_manifest_load(&again, o, &diags) == 0);
	CHECK(m_same(&again, model, false));
	CHECK(m_same_outputs(&again, model));
	CHECK(!again.changed);
	/* removing what is not there changes nothing */
	CHECK(sr_manifest_remove(&again, "d0/absent.md") == 0 && !again.changed);
	sr_manifest_free(&again);
	sr_manifest_free(&m);

	/* a line longer than a piece read at a time, and a last line with
	 * no line break */
	current = "manifest: a long line, and a last one with no line break";
	{
		FILE *f = fopen(path, "w");
		int k;

		if (f != NULL) {
			fputs("a.md\ta.md\t0000000000000001\t0000000000000002\t",
			    f);
			for (k = 0; k < 100000; k++)
				fputc('x', f);
			fputs("\nb.md\tb.md\t0000000000000003\t"
			    "0000000000000004", f);
			fclose(f);
		}
	}
	sr_diags_free(&diags);
	CHECK(sr_manifest_load(&again, o, &diags) == 0 && diags.count == 0);
	{
		const sr_manifest_entry *e = sr_manifest_find(&again, "a.md");

		CHECK(e != NULL && e->info != NULL &&
		    strlen(e->info) == 100000 && e->output_hash == 2);
		e = sr_manifest_find(&again, "b.md");
		CHECK(e != NULL && e->input_hash == 3 && e->output_hash == 4);
	}
	sr_manifest_free(&again);

	/* a manifest edited by hand: out of order, an output twice (the
	 * later line wins), lines that are not entries */
	current = "manifest: a file out of order, edited by hand";
	{
		FILE *f = fopen(path, "w");

		if (f != NULL) {
			fputs("# edited\nb.md\tb.md\t0000000000000002\t"
			    "0000000000000003\na.md\ta.md\t0000000000000001\t"
			    "0000000000000001\nnot an entry\nb.md\tb2.md\t"
			    "0000000000000004\t0000000000000005\n"
			    "c.md\tc.md\t000000000000000g\t0000000000000001\n"
			    "c.md\tc.md\t00000000000000001\t0000000000000001\n"
			    "c.md\tc.md\t000000000000001\t0000000000000001\n",
			    f);
			fclose(f);
		}
	}
	sr_diags_free(&diags);
	CHECK(sr_manifest_load(&again, o, &diags) == 0);
	/* and three whose hashes are not sixteen hex digits */
	CHECK(diags.count == 4 && diags.items[0].line == 4 &&
	    diags.items[0].severity == SR_WARNING &&
	    diags.items[1].line == 6 && diags.items[3].line == 8);
	{
		const sr_manifest_entry *e = sr_manifest_find(&again, "b.md");

		CHECK(e != NULL && strcmp(e->note, "b2.md") == 0 &&
		    e->input_hash == 4);
		CHECK(sr_manifest_find(&again, "a.md") != NULL);
		CHECK(sr_manifest_find(&again, "c.md") == NULL);
	}
	CHECK(sr_manifest_set(&again, "c.md", "c.md", 6, 7, NULL) == 0);
	CHECK(sr_manifest_save(&again, o, &diags) == 0);
	text = m_slurp(path);
	CHECK(text != NULL && strstr(text, "\na.md\t") != NULL &&
	    strstr(text, "\na.md\t") < strstr(text, "\nb.md\tb2.md\t") &&
	    strstr(text, "\nb.md\tb2.md\t") < strstr(text, "\nc.md\t") &&
	    strstr(text, "\tb.md\t") == NULL);
	free(text);
	sr_manifest_free(&again);

	/* a run killed after it journaled two drafts, of which only a.md
	 * was put in place: the next load takes a.md's line, not c.md's,
	 * and the save after removes the journal */
	current = "manifest: a killed run's journal";
	{
		char jpath[160], apath[160];
		sr_manifest k;
		FILE *f;
		uint64_t ha = sr_hash(SR_HASH_INIT, "new a\n", 6);
		const sr_manifest_entry *e;

		snprintf(jpath, sizeof(jpath), "%s/.secondround-journal", dir);
		snprintf(apath, sizeof(apath), "%s/a.md", dir);
		if ((f = fopen(apath, "w")) != NULL) {
			fputs("new a\n", f);
			fclose(f);
		}
		CHECK(sr_manifest_load(&k, o, &diags) == 0);
		{
			const char *outs[] = {"a.md", "c.md"};
			uint64_t hashes[] = {ha, 10};

			CHECK(sr_manifest_journal(&k, "a.md", 9, outs, hashes,
			    2) == 0);
		}
		sr_manifest_free(&k); /* killed: nothing saved */
		CHECK(access(jpath, F_OK) == 0);
		CHECK(sr_manifest_load(&k, o, &diags) == 0);
		e = sr_manifest_find(&k, "a.md");
		CHECK(e != NULL && e->input_hash == 9 && e->output_hash == ha);
		e = sr_manifest_find(&k, "c.md");
		CHECK(e != NULL && strcmp(e->note, "c.md") == 0 &&
		    e->input_hash == 6 && e->output_hash == 7);
		CHECK(k.changed);
		CHECK(sr_manifest_save(&k, o, &diags) == 0);
		CHECK(access(jpath, F_OK) != 0);
		sr_manifest_free(&k);
		unlink(apath);
	}

	sr_buf_free(&want);
	sr_outdir_close(o);
	unlink(path);
	rmdir(dir);
	sr_diags_free(&diags);
}

/* ---- what is freed: the heap in use before and after ------------------ */

/* Bytes of glibc's heap in use (0 under ASan or valgrind, whose own malloc
 * glibc does not count: the checks then pass, and their tools look). */
static size_t
heap_used(void)
{
	return mallinfo2().uordblks;
}

static void
leak_sandbox(void)
{
	sr_sandbox_free(sr_sandbox_new(NULL, false, 0, 0, NULL, NULL));
}

static void
leak_arena(void)
{
	sr_arena *a = sr_arena_new();

	/* a small block, then big ones behind the current chunk */
	sr_arena_alloc(a, 100);
	sr_arena_alloc(a, 10000);
	sr_arena_alloc(a, 20000);
	sr_arena_free(a);
}

static void
leak_manifest(void)
{
	char dir[] = "/tmp/sr-unit-XXXXXX", path[128], name[32];
	sr_manifest m;
	sr_outdir *o;
	int i, k;

	if (mkdtemp(dir) == NULL)
		return;
	if ((o = sr_outdir_open(dir, false, &diags)) != NULL) {
		for (i = 0; i < 2 && sr_manifest_load(&m, o, &diags) == 0;
		    i++) {
			for (k = 0; k < 20000; k++) {
				snprintf(name, sizeof(name), "n%05d.md",
				    (k * 7 + i) % 20000);
				sr_manifest_set(&m, name, name, (uint64_t)k, 1,
				    NULL);
			}
			sr_manifest_find(&m, "n00001.md");
			sr_manifest_save(&m, o, &diags);
			sr_manifest_free(&m);
		}
		sr_outdir_close(o);
	}
	snprintf(path, sizeof(path), "%s/.secondround-manifest", dir);
	unlink(path);
	rmdir(dir);
	sr_diags_free(&diags);
}

static void
test_leaks(void)
{
	static const struct {
		const char *name;
		void (*fn)(void);
	} cases[] = {
		{"leaks: a Lua sandbox made and freed", leak_sandbox},
		{"leaks: an arena with big blocks", leak_arena},
		{"leaks: a manifest loaded, changed, saved, freed", leak_manifest},
	};
	size_t i, before, after;
	int k;

	/* each leak these find is over 4 KiB a run: a slab of the Lua
	 * pool is 64 KiB, a big arena block 10 KB, the manifest's records
	 * 100 KB */
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		current = cases[i].name;
		/* what is made once per process, and malloc's caches of
		 * freed blocks (counted as in use), made */
		for (k = 0; k < 3; k++)
			cases[i].fn();
		before = heap_used();
		for (k = 0; k < 3; k++)
			cases[i].fn();
		after = heap_used();
		if (!CHECK(after < before + 4096))
			fprintf(stderr, "    %zu bytes more in use\n",
			    after - before);
	}
}

/* ---- finding notes ----------------------------------------------------- */

/* A note's name under its notes root, however the note is named: from
 * above the root, at it, or from a folder of its own (relative paths);
 * the path stays as given. */
static void
test_notes_root(void)
{
	char dir[] = "/tmp/sr-unit-XXXXXX", path[128], cwd[4096];
	static const struct {
		const char *from, *arg, *rel;
	} cases[] = {
		{"", "notes/2026/acme.md", "2026/acme.md"},
		{"", "notes", "2026/acme.md"},
		{"/notes", "2026/acme.md", "2026/acme.md"},
		{"/notes/2026", "acme.md", "2026/acme.md"},
		{"/notes/2026", ".", "2026/acme.md"},
		{"/notes/2027", "../2026/acme.md", "2026/acme.md"},
		{"/plain", "x.md", "x.md"}, /* no root above: its folder */
	};
	sr_paths paths;
	char *under;
	size_t i;
	FILE *f;

	current = "the notes root";
	if (!CHECK(getcwd(cwd, sizeof(cwd)) != NULL) ||
	    !CHECK(mkdtemp(dir) != NULL))
		return;
	snprintf(path, sizeof(path), "mkdir -p %s/notes/2026 %s/notes/2027 "
	    "%s/plain", dir, dir, dir);
	if (!CHECK(system(path) == 0))
		return;
	snprintf(path, sizeof(path), "%s/notes/2026/acme.md", dir);
	if ((f = fopen(path, "w")) != NULL)
		fclose(f);
	snprintf(path, sizeof(path), "%s/plain/x.md", dir);
	if ((f = fopen(path, "w")) != NULL)
		fclose(f);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		snprintf(path, sizeof(path), "%s%s", dir, cases[i].from);
		if (!CHECK(chdir(path) == 0))
			break;
		memset(&paths, 0, sizeof(paths));
		sr_diags_free(&diags);
		CHECK(sr_notes_root(cases[i].arg, &under) == 0);
		if (CHECK(sr_paths_collect_under(cases[i].arg, under, &paths,
		    &diags) == 0) && CHECK(paths.count == 1)) {
			CHECK(strcmp(paths.items[0].rel, cases[i].rel) == 0);
			/* the path as given, for messages */
			CHECK(strncmp(paths.items[0].path, cases[i].arg,
			    strlen(cases[i].arg)) == 0);
		}
		free(under);
		sr_paths_free(&paths);
	}
	CHECK(chdir(cwd) == 0);
	snprintf(path, sizeof(path), "rm -rf %s", dir);
	CHECK(system(path) == 0);
}

int
main(void)
{
	test_basic_fields();
	test_people();
	test_dates();
	test_sent();
	test_mark_sent();
	test_bom_crlf();
	test_no_front_matter();
	test_note_apps();
	test_bad_yaml();
	test_duplicate_keys();
	test_alias_bomb();
	test_value_limit();
	test_deep_nesting();
	test_big_inputs();
	test_bad_bytes();
	test_aliases();
	test_user_sections();
	test_heading_lines();
	test_heading_order();
	test_points();
	test_check();
	test_text_render();
	test_jobs();
	test_outdir_has();
	test_defaults_find();
	test_manifest();
	test_notes_root();
	test_leaks();
	sr_diags_free(&diags);
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed == 0 && passed > 0 ? 0 : 1;
}
