/*
 * points.c - the note's body: cmark parses it, and this file walks the
 * top-level blocks into sections (a heading and what follows it) and points
 * (each top-level list item; or each paragraph of a section with no list,
 * and every paragraph before the first heading).
 *
 * The walk never recurses on the document: it visits the top-level blocks
 * and uses cmark's iterator inside them, so a hostile note nested thousands
 * of levels deep costs time in proportion to its size and no stack.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>

#include "internal.h"

typedef struct {
	sr_note *note;
	sr_diags *diags;
	const char *body;
	size_t len;
	size_t *lines; /* offset of each body line's start; nlines of them */
	size_t nlines;
	size_t cap_points, cap_sections;
	cmark_node **paras; /* paragraphs of the current section */
	size_t nparas, cap_paras;
	bool soft; /* the current section's heading is a line taken as one */
	bool failed;
	int shift; /* lines before the document being read: a paragraph's
		    * lines read on their own (add_para) */
} walker;

static void
oom(walker *w)
{
	if (!w->failed)
		sr_diags_add(w->diags, SR_ERROR, w->note->path, 0, 0,
		    "out of memory reading the note's body");
	w->failed = true;
}

static bool
index_lines(walker *w)
{
	size_t i, cap = 64;

	if ((w->lines = malloc(cap * sizeof(*w->lines))) == NULL)
		return false;
	w->lines[w->nlines++] = 0;
	for (i = 0; i < w->len; i++) {
		if (w->body[i] != '\n')
			continue;
		if (w->nlines == cap) {
			size_t *p = realloc(w->lines, cap * 2 * sizeof(*p));

			if (p == NULL)
				return false;
			w->lines = p;
			cap *= 2;
		}
		w->lines[w->nlines++] = i + 1;
	}
	return true;
}

/* The byte offset in the body of a cmark (line, column), clamped. */
static size_t
offset_of(const walker *w, int line, int col)
{
	size_t off;

	if (line < 1)
		return 0;
	if ((size_t)line > w->nlines)
		return w->len;
	off = w->lines[line - 1] + (size_t)(col > 0 ? col - 1 : 0);
	return off > w->len ? w->len : off;
}

/* Appends the source of a block to b, its continuation lines without their
 * leading indentation (which belongs to the list item). */
static void
put_source(walker *w, sr_buf *b, cmark_node *node)
{
	size_t start = offset_of(w, cmark_node_get_start_line(node) + w->shift,
	    cmark_node_get_start_column(node));
	size_t end = offset_of(w, cmark_node_get_end_line(node) + w->shift,
	    cmark_node_get_end_column(node) + 1);
	const char *s = w->body + start, *e = w->body + end, *nl;

	while (s < e) {
		if ((nl = memchr(s, '\n', (size_t)(e - s))) == NULL)
			nl = e;
		sr_buf_put(b, s, (size_t)(nl - s));
		if (b->len > 0 && b->data[b->len - 1] == '\r')
			b->data[--b->len] = '\0';
		if (nl == e)
			break;
		sr_buf_putc(b, '\n');
		for (s = nl + 1; s < e && (*s == ' ' || *s == '\t'); s++)
			;
	}
}

/* Whether a bold run is one capitalised word that names no question
 * and no next step: a person's name ("**Fiona**"). */
static bool
one_name(cmark_node *node)
{
	cmark_node *text = cmark_node_first_child(node);
	const char *lit;
	size_t i;

	if (text == NULL || cmark_node_next(text) != NULL ||
	    cmark_node_get_type(text) != CMARK_NODE_TEXT)
		return false;
	lit = cmark_node_get_literal(text);
	if (lit == NULL || !(lit[0] >= 'A' && lit[0] <= 'Z') || lit[1] == '\0')
		return false;
	for (i = 1; lit[i] != '\0'; i++)
		if (!(lit[i] >= 'a' && lit[i] <= 'z') && lit[i] != '-')
			return false;
	return strcmp(lit, "Next") != 0 &&
	    sr_section_match(lit, NULL) == SR_KEY_OTHER;
}

/* A paragraph's opening bold (or emphasis) alone on its line, with the
 * text under it: "**what got him going**" then "showed him ...".  Its
 * words are the paragraph's label, as if a colon followed them. */
static bool
bold_label(cmark_node *node)
{
	cmark_node_type t = cmark_node_get_type(node);
	cmark_node *parent = cmark_node_parent(node), *next;

	if ((t != CMARK_NODE_STRONG && t != CMARK_NODE_EMPH) ||
	    cmark_node_previous(node) != NULL || parent == NULL ||
	    cmark_node_get_type(parent) != CMARK_NODE_PARAGRAPH)
		return false;
	next = cmark_node_next(node);
	/* "**Fiona**" over "asked me to send ...": a name, not a label */
	if (one_name(node))
		return false;
	/* "**Her advice**:" then a line: the colon is there */
	if (next != NULL && cmark_node_get_type(next) == CMARK_NODE_TEXT &&
	    strcmp(cmark_node_get_literal(next), ":") == 0)
		return false;
	return next != NULL && (cmark_node_get_type(next) ==
	    CMARK_NODE_SOFTBREAK || cmark_node_get_type(next) ==
	    CMARK_NODE_LINEBREAK);
}

/*
 * Appends the plain text of node's subtree to b: text and code kept, line
 * breaks as spaces, raw HTML dropped, nested lists skipped (they are the
 * point's details).  Sets *strong when it meets strong emphasis.
 */
static void
put_text(sr_buf *b, cmark_node *node, bool *strong)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	cmark_node *cur;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cur = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_EXIT && bold_label(cur) && b->len > 0 &&
		    strchr(":.!?", b->data[b->len - 1]) == NULL)
			sr_buf_putc(b, ':');
		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(cur)) {
		case CMARK_NODE_LIST:
			if (cur != node)
				cmark_iter_reset(it, cur, CMARK_EVENT_EXIT);
			break;
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
		case CMARK_NODE_CODE_BLOCK:
			if (b->len > 0 && b->data[b->len - 1] != ' ')
				sr_buf_putc(b, ' ');
			if (cmark_node_get_type(cur) == CMARK_NODE_CODE_BLOCK)
				sr_buf_puts(b, cmark_node_get_literal(cur));
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
			sr_buf_puts(b, cmark_node_get_literal(cur));
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			sr_buf_putc(b, ' ');
			break;
		case CMARK_NODE_STRONG:
			if (strong != NULL)
				*strong = true;
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Trims blanks at both ends and folds runs of blanks (and control
 * characters) into one space. */
static void
squeeze(sr_buf *b)
{
	size_t i, o = 0;
	bool space = true;

	for (i = 0; i < b->len; i++) {
		char c = b->data[i];

		/* every control character is a blank: none reaches a draft
		 * or a terminal */
		if ((unsigned char)c < 0x20 || c == ' ' || c == 0x7F) {
			if (!space)
				b->data[o++] = ' ';
			space = true;
		} else {
			b->data[o++] = c;
			space = false;
		}
	}
	if (o > 0 && b->data[o - 1] == ' ')
		o--;
	b->len = o;
	if (b->data != NULL)
		b->data[o] = '\0';
}

/* The length of the span at s that ends with close (its length
 * included), on the same text; 0 when it never closes. */
static size_t
span(const char *s, const char *open, const char *close)
{
	size_t n;
	const char *end;

	/* called at each byte of every point: most bytes open nothing */
	if (*s != *open)
		return 0;
	n = strlen(open);
	if (strncmp(s, open, n) != 0 ||
	    (end = strstr(s + n, close)) == NULL)
		return 0;
	return (size_t)(end - s) + strlen(close);
}

/*
 * Takes out of a point's text what note apps write for themselves, not
 * for a reader: an Obsidian embed ![[...]] goes, a [[link]] or
 * [[link|shown]] becomes what it shows (the last part of a path, without
 * a #heading), a kramdown attribute list {: ...}, a footnote reference
 * [^1] and an Obsidian comment %%...%% go.
 */
static void
app_syntax(sr_buf *b)
{
	size_t i, o = 0, n;
	char *s = b->data;

	if (s == NULL)
		return;
	for (i = 0; i < b->len;) {
		if ((n = span(s + i, "![[", "]]")) > 0 ||
		    (n = span(s + i, "{:", "}")) > 0 ||
		    (n = span(s + i, "[^", "]")) > 0 ||
		    (n = span(s + i, "%%", "%%")) > 0) {
			i += n;
			continue;
		}
		if ((n = span(s + i, "[[", "]]")) > 0) {
			const char *t = s + i + 2, *end = s + i + n - 2, *p;

			if ((p = memchr(t, '|', (size_t)(end - t))) != NULL)
				t = p + 1;
			else {
				for (p = t; p < end; p++)
					if (*p == '/')
						t = p + 1;
				if ((p = memchr(t, '#', (size_t)(end - t))) !=
				    NULL && p > t)
					end = p;
			}
			/* moves left: o <= i, and what it copies is ahead */
			memmove(s + o, t, (size_t)(end - t));
			o += (size_t)(end - t);
			i += n;
			continue;
		}
		s[o++] = s[i++];
	}
	b->len = o;
	s[o] = '\0';
}

/* Whether the character at s is part of a word (a letter or digit in any
 * script, not punctuation, a symbol or an emoji). */
static bool
word_byte(const char *s)
{
	uint32_t cp;

	if ((unsigned char)*s < 0x80)
		return sr_text_is_word_cp((unsigned char)*s);
	return sr_utf8_decode((const unsigned char *)s, 4, &cp) > 0 &&
	    sr_text_is_word_cp(cp);
}

/* A #tag or @mention starts here: the mark, then a letter. */
static bool
marker_at(const char *s, size_t i, char mark)
{
	unsigned char next = (unsigned char)s[i + 1];

	if (s[i] != mark || !word_byte(s + i + 1) ||
	    (next >= '0' && next <= '9'))
		return false;
	return i == 0 || s[i - 1] == ' ' || s[i - 1] == '(' || s[i - 1] == '"' ||
	    s[i - 1] == '[';
}

/* The length of the name after a '#' or '@' mark at s ("@tom." is
 * "tom"; a tag may hold a slash: "#q3/okr"). */
static size_t
marker_len(const char *s, char mark)
{
	size_t n = 0;

	while (word_byte(s + n) || ((unsigned char)s[n] & 0xC0) == 0x80 ||
	    s[n] == '_' || s[n] == '-' || (mark == '#' && s[n] == '/') ||
	    (mark == '@' && s[n] == '.' && s[n + 1] != '\0' &&
	    word_byte(s + n + 1)))
		n++;
	while (n > 0 && s[n - 1] == '-')
		n--;
	return n;
}

/*
 * Collects "#tag" and "@mention" words of a point's text and counts its
 * words (tags and mentions are notes to the tool, not words of the email).
 */
static bool
scan_words(walker *w, sr_point *p)
{
	const char *s = p->text;
	size_t i = 0, start, cap_t = 0, cap_m = 0;
	sr_arena *a = w->note->arena;

	while (s[i] != '\0') {
		while (s[i] == ' ')
			i++;
		if (s[i] == '\0')
			break;
		/* "(@dana would care)": a marker after opening punctuation */
		for (start = i; s[start] == '(' || s[start] == '"' ||
		    s[start] == '['; start++)
			;
		if (start > i && (marker_at(s, start, '#') ||
		    marker_at(s, start, '@')))
			i = start;
		if (marker_at(s, i, '#') || marker_at(s, i, '@')) {
			char mark = s[i];
			const char ***list = mark == '#' ? &p->tags : &p->mentions;
			size_t *n = mark == '#' ? &p->ntags : &p->nmentions;
			size_t *cap = mark == '#' ? &cap_t : &cap_m;

			start = ++i;
			i += marker_len(s + i, mark);
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 4;
				*list = sr_arena_grow(a, *list, *n, *cap,
				    sizeof(**list));
				if (*list == NULL)
					return false;
			}
			if (((*list)[(*n)++] = sr_arena_strndup(a, s + start,
			    i - start)) == NULL)
				return false;
			while (s[i] != ' ' && s[i] != '\0')
				i++;
			continue;
		}
		start = i;
		while (s[i] != ' ' && s[i] != '\0')
			i++;
		/* one word, or one a character of Chinese or Japanese */
		p->words += sr_text_words(s + start, i - start);
	}
	return true;
}

/* A point with no word, in itself or its details ("- ", "- [ ]"). */
static bool
is_empty(const sr_point *p)
{
	size_t i;

	if (p->words > 0)
		return false;
	for (i = 0; i < p->ndetails; i++)
		if (p->details[i].words > 0)
			return false;
	return true;
}

/* Fills a point from a list item (or a paragraph) node. */
static bool
make_point(walker *w, sr_point *p, cmark_node *node, sr_key key,
    const char *heading, int depth)
{
	sr_buf text = {0}, md = {0};
	cmark_node *child;
	size_t ndetails = 0;
	bool ok = false;
	int line = cmark_node_get_start_line(node) + w->shift;

	/* the slot may be one a point with no word left (is_empty): nothing
	 * of it may stay, its count of details least of all */
	memset(p, 0, sizeof(*p));
	p->key = key;
	p->heading = heading;
	p->line = w->note->body_line - 1 + line;
	p->col = cmark_node_get_start_column(node);
	if (cmark_node_get_type(node) != CMARK_NODE_ITEM) {
		put_text(&text, node, &p->strong);
		put_source(w, &md, node);
	}
	for (child = cmark_node_first_child(node); child != NULL;
	    child = cmark_node_next(child)) {
		if (cmark_node_get_type(child) == CMARK_NODE_LIST) {
			cmark_node *item;

			for (item = cmark_node_first_child(child); item != NULL;
			    item = cmark_node_next(item))
				ndetails++;
			continue;
		}
		if (cmark_node_get_type(node) != CMARK_NODE_ITEM)
			break;
		put_text(&text, child, &p->strong);
		if (md.len > 0)
			sr_buf_puts(&md, "\n\n");
		put_source(w, &md, child);
	}
	app_syntax(&text);
	squeeze(&text);
	if (text.failed || md.failed)
		goto out;
	p->text = sr_arena_strndup(w->note->arena, text.data ? text.data : "",
	    text.len);
	p->markdown = sr_arena_strndup(w->note->arena, md.data ? md.data : "",
	    md.len);
	if (p->text == NULL || p->markdown == NULL || !scan_words(w, p))
		goto out;
	/* Details: the nested items, one level deep. */
	if (depth == 0 && ndetails > 0) {
		cmark_node *item;

		p->details = sr_arena_alloc(w->note->arena,
		    ndetails * sizeof(*p->details));
		if (p->details == NULL)
			goto out;
		for (child = cmark_node_first_child(node); child != NULL;
		    child = cmark_node_next(child)) {
			if (cmark_node_get_type(child) != CMARK_NODE_LIST)
				continue;
			for (item = cmark_node_first_child(child); item != NULL;
			    item = cmark_node_next(item))
				if (!make_point(w, &p->details[p->ndetails++],
				    item, key, heading, depth + 1))
					goto out;
		}
	}
	ok = true;
out:
	sr_buf_free(&text);
	sr_buf_free(&md);
	return ok;
}

static sr_point *
new_point(walker *w)
{
	sr_note *n = w->note;

	if (n->npoints == w->cap_points) {
		w->cap_points = w->cap_points ? w->cap_points * 2 : 16;
		n->points = sr_arena_grow(n->arena, n->points, n->npoints,
		    w->cap_points, sizeof(*n->points));
		if (n->points == NULL)
			return NULL;
	}
	return &n->points[n->npoints++];
}

static sr_section *
new_section(walker *w, sr_key key, const char *heading, int line)
{
	sr_note *n = w->note;
	sr_section *s;

	if (n->nsections == w->cap_sections) {
		w->cap_sections = w->cap_sections ? w->cap_sections * 2 : 8;
		n->sections = sr_arena_grow(n->arena, n->sections, n->nsections,
		    w->cap_sections, sizeof(*n->sections));
		if (n->sections == NULL)
			return NULL;
	}
	s = &n->sections[n->nsections++];
	s->key = key;
	s->heading = heading;
	s->line = line;
	s->col = 0;
	s->level = 0;
	s->first = n->npoints;
	s->count = 0;
	return s;
}

/* Whether a sentence ends just before s[i]: ". @tom", "?\" @elin". */
static bool
sentence_before(const char *s, size_t i)
{
	size_t j = i;

	if (j == 0 || s[j - 1] != ' ')
		return false;
	while (j > 0 && s[j - 1] == ' ')
		j--;
	if (j > 0 && (s[j - 1] == '"' || s[j - 1] == ')'))
		j--;
	/* ("e.g. @tom": an abbreviation's stop; "Dr. @omar": a title's) */
	if (j >= 3 && s[j - 1] == '.' && s[j - 3] == '.')
		return false;
	if (j >= 3 && s[j - 1] == '.') {
		static const char *const titles[] = {"Dr", "Mr", "Mrs", "Ms",
		    "Mx", "St", "Prof", "Capt", "Rev", "Cllr", "Sgt", NULL};
		size_t k, b = j - 1;

		while (b > 0 && s[b - 1] != ' ')
			b--;
		for (k = 0; titles[k] != NULL; k++)
			if (j - 1 - b == strlen(titles[k]) &&
			    strncmp(s + b, titles[k], j - 1 - b) == 0)
				return false;
	}
	return j > 0 && strchr(".!?;", s[j - 1]) != NULL;
}

/* Whether two mentions name the same one: "@Tom" and "@tom". */
static bool
same_name(const char *a, size_t na, const char *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++) {
		unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];

		if (x < 0x80 && y < 0x80 ? tolower(x) != tolower(y) :
		    x != y)
			return false;
	}
	return true;
}

/* The length of the label a line opens with before its first mention at
 * m ("Next: ", "Their side of it \u2014 ", "Advice -> "), or 0. */
static size_t
panel_label(const char *s, size_t m)
{
	static const char *const seps[] = {":", "\u2014", "\u2013", "-", "->",
	    "\u2192"};
	size_t i, n = m, words = 0;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if (n == 0 || n > 60)
		return 0;
	for (i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		size_t k = strlen(seps[i]);

		if (n > k && memcmp(s + n - k, seps[i], k) == 0)
			break;
	}
	if (i == sizeof(seps) / sizeof(seps[0]))
		return 0;
	for (i = 0; i < n; i++) {
		if (strchr(".!?@", s[i]) != NULL)
			return 0;
		if (s[i] != ' ' && (i == 0 || s[i - 1] == ' '))
			words++;
	}
	return words <= 6 ? m : 0;
}

/* Sets a point's text (arena-owned) and its words, tags and mentions. */
static bool
set_text(walker *w, sr_point *p, const char *label, size_t nlabel,
    const char *s, size_t n)
{
	char *t;

	while (n > 0 && s[n - 1] == ' ')
		n--;
	if ((t = sr_arena_alloc(w->note->arena, nlabel + n + 1)) == NULL)
		return false;
	memcpy(t, label, nlabel);
	memcpy(t + nlabel, s, n);
	t[nlabel + n] = '\0';
	p->text = t;
	p->words = 0;
	p->tags = p->mentions = NULL;
	p->ntags = p->nmentions = 0;
	return scan_words(w, p);
}

/*
 * A line that tells of two of a panel, each in a sentence of their own
 * ("Next: @gareth training night Thu 7pm. @tom wants my certs by
 * Monday."), is a point for each: a point goes to those it mentions, and
 * one member's words are not another's to be thanked for. The label the
 * line opens with goes with each part; the nested items stay with the
 * first. Returns the number of points added after the one at `at`.
 */
static size_t
split_panel(walker *w, size_t at)
{
	const sr_point *whole = &w->note->points[at];
	const char *s = whole->text, *lead, **tags = whole->tags;
	size_t cuts[64], ncuts = 0, i, m, label, k, lead_n, ntags = whole->ntags;
	size_t added = 0;
	sr_point *p;

	if (whole->nmentions < 2)
		return 0;
	for (m = 0; s[m] != '\0' && !marker_at(s, m, '@'); m++)
		;
	if (s[m] == '\0')
		return 0;
	/* (the line opens with its first one, after its label: "Demoed the
	 * tracker. @tom loved it. @elin was sceptical" tells of the demo to
	 * both, and is not cut) */
	label = panel_label(s, m);
	if (label == 0 && m > 0)
		return 0;
	lead = s + m + 1;
	lead_n = marker_len(lead, '@');
	for (i = m + 1; s[i] != '\0' && ncuts < 64; i++) {
		const char *name = s + i + 1;
		size_t n;

		if (!marker_at(s, i, '@') || !sentence_before(s, i))
			continue;
		n = marker_len(name, '@');
		if (same_name(name, n, lead, lead_n))
			continue; /* the same one's words go on */
		cuts[ncuts++] = i;
		lead = name;
		lead_n = n;
	}
	if (ncuts == 0)
		return 0;
	/* each part has the tags of the whole line (a #private at its end
	 * is the line's) and its Markdown as written */
	for (k = 0; k < ncuts; k++) {
		size_t end = k + 1 < ncuts ? cuts[k + 1] : strlen(s);

		if ((p = new_point(w)) == NULL)
			return oom(w), added;
		*p = w->note->points[at];
		p->details = NULL;
		p->ndetails = 0;
		if (!set_text(w, p, s, label, s + cuts[k], end - cuts[k]))
			return oom(w), added;
		if (p->words == 0) {
			w->note->npoints--;
			continue;
		}
		p->tags = tags;
		p->ntags = ntags;
		added++;
	}
	p = &w->note->points[at];
	if (!set_text(w, p, "", 0, s, cuts[0]))
		return oom(w), added;
	p->tags = tags;
	p->ntags = ntags;
	return added;
}

/* Adds the point of a list item (or a paragraph) to section si; an empty
 * bullet of a template answers nothing: it is no point. */
static void
add_point(walker *w, cmark_node *node, size_t si)
{
	sr_point *p = new_point(w);
	sr_section *s = &w->note->sections[si]; /* (after new_point: it may
						 * move the sections) */

	if (p == NULL || !make_point(w, p, node, s->key, s->heading, 0)) {
		oom(w);
		return;
	}
	if (is_empty(p))
		w->note->npoints--;
	else
		s->count += 1 + split_panel(w, w->note->npoints - 1);
}

/* Whether s (n bytes) opens with a label: at most six words, then a
 * colon, an arrow or a dash ("Said it wrong: ...", "evidence -> ...",
 * "WHAT CLICKED \u2014 ..."), before any byte of `stops`. */
static bool
opens_label(const char *s, size_t n, const char *stops)
{
	static const char *const seps[] = {" -> ", " - ", " \xe2\x80\x94 ",
	    " \xe2\x80\x93 ", " \xe2\x86\x92 "};
	size_t i, k, words = 1;

	for (i = 0; i < n && i < 60 && words <= 6; i++) {
		if (s[i] != '\0' && strchr(stops, s[i]) != NULL)
			return false;
		if (s[i] == ':' && i > 0)
			return true;
		if (i > 0 && s[i] == ' ')
			for (k = 0; k < sizeof(seps) / sizeof(seps[0]); k++)
				if (i + strlen(seps[k]) <= n &&
				    strncmp(s + i, seps[k], strlen(seps[k])) == 0)
					return true;
		if (s[i] == ' ')
			words++;
	}
	return false;
}

/* Whether body line `line` opens with a label of a few words ("lit up:
 * ...", "evidence -> ...", "NEXT \u2014 ...", "**Advice:** ...",
 * "evidence @sian: ...") or with a panel member's tag ("@sian lit up
 * ..."). */
static bool
line_label(const walker *w, int line)
{
	size_t a = offset_of(w, line, 1);
	const char *s = w->body + a;
	size_t n = offset_of(w, line + 1, 1) - a;

	while (n > 0 && (*s == ' ' || *s == '*')) {
		s++;
		n--;
	}
	/* ("@sian lit up at ...": a line that opens with a panel's tag) */
	if (n > 1 && marker_at(s, 0, '@'))
		return true;
	return opens_label(s, n, ".!?(\"#0123456789\n");
}

/*
 * A paragraph of lines that each open with a label ("lit up: ...",
 * "problems: ...", "evidence -> ...", "next: ...") is a list written
 * without its markers: each labelled line, with the lines after it that
 * open with none, is a point of its own, read from its own lines so that
 * its line number and Markdown are its own.  Any other paragraph is one
 * point.
 */
static void
add_para(walker *w, cmark_node *para, size_t si)
{
	int first = cmark_node_get_start_line(para);
	int last = cmark_node_get_end_line(para), l, start, labels = 0;

	if (last - first >= 1 && last - first < 200 && line_label(w, first)) {
		for (l = first; l <= last; l++)
			labels += line_label(w, l);
	}
	if (labels < 2 || labels * 2 < last - first + 1) {
		add_point(w, para, si);
		return;
	}
	for (start = first; start <= last && !w->failed; start = l) {
		size_t a = offset_of(w, start, 1), b;
		cmark_node *doc, *p;

		for (l = start + 1; l <= last && !line_label(w, l); l++)
			;
		b = offset_of(w, l, 1);
		if ((doc = cmark_parse_document(w->body + a, b - a,
		    CMARK_OPT_SOURCEPOS)) == NULL) {
			oom(w);
			return;
		}
		p = cmark_node_first_child(doc);
		if (p != NULL && cmark_node_get_type(p) == CMARK_NODE_PARAGRAPH) {
			w->shift = start - 1;
			add_point(w, p, si);
			w->shift = 0;
		}
		cmark_node_free(doc);
	}
}

/* Ends the current section: with no list in it, its paragraphs are its
 * points. */
static void
end_section(walker *w, sr_section *s)
{
	size_t i;

	if (s == NULL)
		return;
	if (s->count == 0)
		for (i = 0; i < w->nparas && !w->failed; i++)
			add_para(w, w->paras[i],
			    (size_t)(s - w->note->sections));
	w->nparas = 0;
}

/* The level of a heading, and the column where its text starts (after
 * the '#' marks of an ATX heading, or the marks of a line in bold). */
static void
heading_place(walker *w, cmark_node *node, sr_section *s)
{
	int line = cmark_node_get_start_line(node);
	size_t at = offset_of(w, line, cmark_node_get_start_column(node));
	size_t i = at;

	s->level = cmark_node_get_heading_level(node);
	while (i < w->len && w->body[i] == ' ')
		i++;
	if (i < w->len && w->body[i] == '#') {
		while (i < w->len && w->body[i] == '#')
			i++;
		while (i < w->len && (w->body[i] == ' ' || w->body[i] == '\t'))
			i++;
	}
	/* a line in bold taken as a heading */
	while (i < w->len && (w->body[i] == '*' || w->body[i] == '_'))
		i++;
	s->col = cmark_node_get_start_column(node) + (int)(i - at);
}

/*
 * A paragraph people write as a heading: a line in bold alone
 * ("**What he liked**", "**Her advice:**"), or a short plain line that
 * ends with a colon ("What went wrong:") or stands over a list ("what
 * she liked").  Taken as a heading when its words match one of the six
 * questions, or (in bold) when a list follows it, as it follows a
 * heading.  Its words go to text, and the key they match to *key.
 */
static bool
heading_like(cmark_node *para, sr_buf *text, const sr_section_map *user,
    sr_key *key)
{
	cmark_node *first = cmark_node_first_child(para);
	cmark_node *next = first ? cmark_node_next(first) : NULL;
	cmark_node_type t = first ? cmark_node_get_type(first) :
	    CMARK_NODE_NONE;
	const char *lit;
	bool bold;

	if (first == NULL)
		return false;
	/* "**Her advice**:" ends with a colon outside the bold */
	if (next != NULL && (cmark_node_next(next) != NULL ||
	    cmark_node_get_type(next) != CMARK_NODE_TEXT ||
	    strspn(cmark_node_get_literal(next), ": \t") !=
	    strlen(cmark_node_get_literal(next))))
		return false;
	bold = t == CMARK_NODE_STRONG || t == CMARK_NODE_EMPH;
	if (!bold && !(t == CMARK_NODE_TEXT && next == NULL))
		return false;
	text->len = 0;
	put_text(text, first, NULL);
	squeeze(text);
	if (text->failed || text->len == 0 || text->len > 80)
		return false;
	/* a plain line: "what she liked" over a list, or "Next steps:" */
	if (!bold) {
		lit = text->data;
		if (memchr(lit, '.', text->len) || memchr(lit, '!', text->len) ||
		    memchr(lit, '?', text->len - 1) || text->len > 60 ||
		    (lit[text->len - 1] != ':' && !(cmark_node_next(para) &&
		    cmark_node_get_type(cmark_node_next(para)) ==
		    CMARK_NODE_LIST)))
			return false;
	}
	sr_buf_putc(text, '\0');
	text->len--;
	if (text->failed)
		return false;
	if ((*key = sr_section_match(text->data, user)) != SR_KEY_OTHER)
		return true;
	return bold && cmark_node_next(para) != NULL &&
	    cmark_node_get_type(cmark_node_next(para)) == CMARK_NODE_LIST;
}

/* Whether a paragraph opens with a label of the writer's: a few words
 * and a colon, an arrow or a dash ("Said it wrong: ...", "NEXT -> ...",
 * "WHAT CLICKED — ..."), or bold.  Not an aside ("(Dana said this is the
 * big one)"), which belongs where it stands. */
static bool
labelled(cmark_node *para, sr_buf *text)
{
	cmark_node *first = cmark_node_first_child(para);

	if (first == NULL)
		return false;
	if (cmark_node_get_type(first) == CMARK_NODE_STRONG ||
	    cmark_node_get_type(first) == CMARK_NODE_EMPH)
		return true;
	text->len = 0;
	put_text(text, para, NULL);
	if (text->failed || text->len == 0)
		return false;
	return opens_label(text->data, text->len, ".!?(\"");
}

/* Whether a paragraph stands between two lists, or is an aside in
 * brackets: part of the section it is in, not the end of it. */
static bool
interlude(cmark_node *para)
{
	cmark_node *next = cmark_node_next(para), *first;
	const char *lit;

	if (next != NULL && cmark_node_get_type(next) == CMARK_NODE_LIST)
		return true;
	first = cmark_node_first_child(para);
	lit = first != NULL && cmark_node_get_type(first) == CMARK_NODE_TEXT ?
	    cmark_node_get_literal(first) : NULL;
	return lit != NULL && lit[0] == '(';
}

/* Whether a list follows a paragraph under the same heading (the
 * paragraph is then part of its section, not the end of it). */
static bool
list_after(cmark_node *para)
{
	cmark_node *n;

	for (n = cmark_node_next(para); n != NULL; n = cmark_node_next(n)) {
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING)
			return false;
		if (cmark_node_get_type(n) == CMARK_NODE_LIST)
			return true;
	}
	return false;
}

/* The questions of unmatched headings, inferred from their place
 * (sr_section_infer), given to their points and their points' details. */
static void
infer_keys(sr_note *note)
{
	size_t i, j, k;
	sr_point *p;

	sr_section_infer(note->sections, note->nsections);
	for (i = 0; i < note->nsections; i++) {
		const sr_section *s = &note->sections[i];

		for (j = s->first; j < s->first + s->count; j++) {
			p = &note->points[j];
			if (p->key == s->key)
				continue;
			p->key = s->key;
			for (k = 0; k < p->ndetails; k++)
				p->details[k].key = s->key;
		}
	}
}

static void
walk(walker *w, cmark_node *doc)
{
	sr_section_map user;
	sr_section *cur = NULL;
	size_t cur_index = 0;
	cmark_node *node, *item;
	cmark_node_type type;
	sr_key key = SR_KEY_OTHER; /* a line taken as a heading: its key */
	bool line_heading;
	sr_buf text = {0};

	if (!sr_section_map_build(w->note->arena, sr_value_get(w->note->meta,
	    "sections"), &user)) {
		oom(w);
		return;
	}
	for (node = cmark_node_first_child(doc); node && !w->failed;
	    node = cmark_node_next(node)) {
		/* The sections array moves as it grows: hold an index. */
		cur = w->note->nsections ? &w->note->sections[cur_index] : NULL;
		type = cmark_node_get_type(node);
		line_heading = type == CMARK_NODE_PARAGRAPH &&
		    heading_like(node, &text, &user, &key);
		if (line_heading)
			type = CMARK_NODE_HEADING;
		else if (type == CMARK_NODE_HEADING) {
			text.len = 0;
			put_text(&text, node, NULL);
			squeeze(&text);
		}
		switch (type) {
		case CMARK_NODE_HEADING: {
			const char *heading;

			end_section(w, cur);
			heading = sr_arena_strndup(w->note->arena,
			    text.data ? text.data : "", text.len);
			if (text.failed || heading == NULL ||
			    new_section(w, line_heading ? key :
			    sr_section_match(heading, &user),
			    heading, w->note->body_line - 1 +
			    cmark_node_get_start_line(node)) == NULL) {
				oom(w);
				break;
			}
			cur_index = w->note->nsections - 1;
			heading_place(w, node, &w->note->sections[cur_index]);
			w->soft = line_heading;
			break;
		}
		case CMARK_NODE_LIST:
			if (cur == NULL) {
				if ((cur = new_section(w, SR_KEY_OTHER, "", 0))
				    == NULL) {
					oom(w);
					break;
				}
				cur_index = w->note->nsections - 1;
			}
			for (item = cmark_node_first_child(node); item != NULL &&
			    !w->failed; item = cmark_node_next(item))
				add_point(w, item, cur_index);
			break;
		case CMARK_NODE_PARAGRAPH:
			/* a line taken as a heading heads its list and no
			 * more: the paragraphs after it ("Said it wrong: ...",
			 * "NEXT: trial day Sat") are points of their own, as
			 * in a note with no headings, not lost in a section
			 * whose points are its list; so are those after the
			 * list of a heading that names no question ("## quick
			 * hits", then "Ugh. @gareth asked ..."); and a line
			 * after the list of any heading ("## their issue", a
			 * list, then "he'll ring by fri") is not lost with
			 * the section's paragraphs, as a section with a list
			 * keeps only its list */
			if (cur != NULL && cur->line != 0 && cur->count > 0 &&
			    (w->soft || cur->key == SR_KEY_OTHER ||
			    (cur->key != SR_KEY_PRIVATE && !list_after(node))) &&
			    (labelled(node, &text) || !interlude(node))) {
				end_section(w, cur);
				w->soft = false;
				if (new_section(w, SR_KEY_OTHER, "", 0) == NULL) {
					oom(w);
					break;
				}
				cur_index = w->note->nsections - 1;
				cur = &w->note->sections[cur_index];
			}
			if (cur == NULL || cur->line == 0) {
				/* before any heading (all of a note with no
				 * headings): a point in its place among the
				 * list items, for the filters' cues ("their
				 * problem: midweek is dead") */
				if (cur == NULL) {
					if (new_section(w, SR_KEY_OTHER, "", 0) ==
					    NULL) {
						oom(w);
						break;
					}
					cur_index = w->note->nsections - 1;
				}
				add_para(w, node, cur_index);
				break;
			}
			if (w->nparas == w->cap_paras) {
				size_t cap = w->cap_paras ? w->cap_paras * 2 : 8;
				cmark_node **q = realloc(w->paras,
				    cap * sizeof(*q));

				if (q == NULL) {
					oom(w);
					break;
				}
				w->paras = q;
				w->cap_paras = cap;
			}
			w->paras[w->nparas++] = node;
			break;
		default:
			break;
		}
	}
	if (!w->failed && w->note->nsections > 0)
		end_section(w, &w->note->sections[cur_index]);
	sr_buf_free(&text);
}

/* What kind of note-app line starts at s (n bytes to its end): a
 * container fence (`::: tip`, `:::`), a kramdown attribute list alone on
 * its line (`{: .note}`), a footnote definition (`[^1]: ...`); 0: none. */
static int
app_line(const char *s, size_t n)
{
	size_t i = 0;

	while (i < n && i < 3 && s[i] == ' ')
		i++;
	s += i, n -= i;
	if (n >= 3 && memcmp(s, ":::", 3) == 0)
		return 1;
	if (n >= 3 && memcmp(s, "{:", 2) == 0) {
		while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' ||
		    s[n - 1] == '\t'))
			n--;
		return n > 0 && s[n - 1] == '}' ? 2 : 0;
	}
	if (n >= 4 && memcmp(s, "[^", 2) == 0) {
		const char *c = memchr(s, ']', n);

		return c != NULL && (size_t)(c - s) + 1 < n && c[1] == ':' ?
		    3 : 0;
	}
	return 0;
}

/*
 * A copy of the body with the lines of note apps' own syntax blanked
 * (spaces, so that every line and column stays where it was): container
 * fences, attribute lists, and footnote definitions with their indented
 * lines.  NULL when there is none (or on out-of-memory, *oom set).
 */
static char *
blank_app_lines(const char *body, size_t len, bool *oom)
{
	const char *p = body, *end = body + len, *eol;
	char *copy = NULL;
	bool footnote = false;
	int kind;

	for (; p < end; p = eol + 1) {
		if ((eol = memchr(p, '\n', (size_t)(end - p))) == NULL)
			eol = end;
		kind = app_line(p, (size_t)(eol - p));
		/* a footnote's text goes on in its indented lines */
		if (kind == 0 && footnote && eol > p && (*p == '\t' ||
		    (eol - p >= 4 && memcmp(p, "    ", 4) == 0)))
			kind = 3;
		footnote = kind == 3 || (footnote && eol == p);
		if (kind != 0 && copy == NULL) {
			if ((copy = malloc(len + 1)) == NULL) {
				*oom = true;
				return NULL;
			}
			memcpy(copy, body, len);
			copy[len] = '\0';
		}
		if (kind != 0)
			memset(copy + (p - body), ' ', (size_t)(eol - p));
		if (eol == end)
			break;
	}
	return copy;
}

bool
sr_points_read(sr_note *note, const char *body, size_t len, sr_diags *diags)
{
	walker w;
	cmark_node *doc;
	char *copy = NULL;
	bool no_memory = false;

	memset(&w, 0, sizeof(w));
	w.note = note;
	w.diags = diags;
	w.body = body;
	w.len = len;
	if (!index_lines(&w)) {
		oom(&w);
		goto out;
	}
	if ((copy = blank_app_lines(body, len, &no_memory)) != NULL)
		w.body = body = copy;
	if (no_memory) {
		oom(&w);
		goto out;
	}
	if ((doc = cmark_parse_document(body, len, CMARK_OPT_SOURCEPOS)) ==
	    NULL) {
		oom(&w);
		goto out;
	}
	walk(&w, doc);
	if (!w.failed)
		infer_keys(w.note);
	cmark_node_free(doc);
out:
	free(w.lines);
	free(w.paras);
	free(copy);
	return !w.failed;
}
