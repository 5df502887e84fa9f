/*
 * frontmatter.c - finds the YAML block at the top of a note and parses it with
 * libyaml's event API into a tree of sr_value in the note's arena.
 *
 * Events (not libyaml's document loader) are used so that every limit is
 * ours to enforce while reading: nesting depth, the number of values with
 * aliases expanded (an alias bomb stops at SR_MAX_YAML_NODES), and duplicate
 * keys, which YAML forbids but note apps write; they get a warning naming
 * both lines and the later value stands.
 */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <yaml.h>

#include "internal.h"

#define STR(x) #x
#define XSTR(x) STR(x)
#define SR_MAX_YAML_DEPTH_TEXT XSTR(SR_MAX_YAML_DEPTH)

/* ---- splitting ---------------------------------------------------------- */

/* True when the line [s, end) is `mark` followed only by blanks (and a CR). */
static bool
line_is(const char *s, const char *end, const char *mark)
{
	size_t n = strlen(mark);

	if ((size_t)(end - s) < n || memcmp(s, mark, n) != 0)
		return false;
	for (s += n; s < end; s++)
		if (*s != ' ' && *s != '\t' && *s != '\r')
			return false;
	return true;
}

bool
sr_frontmatter_split(const char *path, const char *data, size_t len,
    sr_split *out, sr_diags *diags)
{
	const char *s = data, *end = data + len, *eol, *line;
	int lineno;

	memset(out, 0, sizeof(*out));
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		s += 3;
	out->body_start = (size_t)(s - data);
	out->body_line = 1;
	if ((eol = memchr(s, '\n', (size_t)(end - s))) == NULL)
		eol = end;
	if (line_is(s, eol, "+++")) {
		sr_diags_add(diags, SR_ERROR, path, 1, 1, "the front matter "
		    "is TOML ('+++', as Hugo writes it); secondround reads "
		    "YAML between '---' lines: write 'company = \"Acme\"' as "
		    "'company: Acme'");
		return false;
	}
	if (!line_is(s, eol, "---"))
		return true;

	out->present = true;
	out->yaml_start = eol == end ? len : (size_t)(eol - data) + 1;
	out->yaml_line = 2;
	lineno = 2;
	for (line = data + out->yaml_start; line < end; line = eol + 1, lineno++) {
		if ((eol = memchr(line, '\n', (size_t)(end - line))) == NULL)
			eol = end;
		if (line_is(line, eol, "---") || line_is(line, eol, "...")) {
			out->yaml_len = (size_t)(line - data) - out->yaml_start;
			out->body_start = eol == end ? len : (size_t)(eol - data) + 1;
			out->body_line = lineno + 1;
			if (out->yaml_len > SR_MAX_FRONTMATTER_BYTES) {
				sr_diags_add(diags, SR_ERROR, path, 1, 1,
				    "the front matter is %zu bytes, over the "
				    "limit of %u (SR_MAX_FRONTMATTER_BYTES)",
				    out->yaml_len, SR_MAX_FRONTMATTER_BYTES);
				return false;
			}
			return true;
		}
		if (eol == end)
			break;
	}
	sr_diags_add(diags, SR_ERROR, path, 1, 1, "the front matter that "
	    "starts here is never closed: end it with a line '---'");
	return false;
}

/* ---- parsing ------------------------------------------------------------ */

typedef struct {
	sr_value *v;
	size_t cap;
	const char *key;  /* MAP: the key waiting for its value, or NULL */
	int key_line;
	const char *anchor; /* the anchor the container was given, or NULL */
} frame;

typedef struct {
	const char *name;
	const sr_value *v;
} anchor;

typedef struct {
	sr_arena *a;
	const char *path;
	const char *yaml;
	size_t len;
	int line_offset;
	/* where the last mark was: libyaml counts characters, and counts
	 * U+2028, U+2029 and U+0085 as line breaks; messages count bytes'
	 * lines as every editor does */
	size_t cur_index, cur_byte;
	int cur_line, cur_col;
	size_t aliases; /* alias events seen */
	sr_diags *diags;
	frame stack[SR_MAX_YAML_DEPTH];
	int depth;
	size_t nodes;
	anchor *anchors;
	size_t nanchors, capanchors;
	sr_value *root;
	bool failed;
} builder;

/* The file line and column (in characters) of a libyaml mark. */
static void
position(builder *b, const yaml_mark_t *m, int *line, int *col)
{
	const unsigned char *s = (const unsigned char *)b->yaml;
	uint32_t cp;
	size_t n;

	if (m->index < b->cur_index) {
		b->cur_index = b->cur_byte = 0;
		b->cur_line = 1;
		b->cur_col = 1;
	}
	while (b->cur_index < m->index && b->cur_byte < b->len) {
		n = sr_utf8_decode(s + b->cur_byte, b->len - b->cur_byte, &cp);
		if (n == 0)
			n = 1;
		if (s[b->cur_byte] == '\n') {
			b->cur_line++;
			b->cur_col = 1;
		} else if (s[b->cur_byte] != '\r' || (b->cur_byte + 1 < b->len &&
		    s[b->cur_byte + 1] != '\n'))
			b->cur_col++;
		b->cur_byte += n;
		b->cur_index++;
	}
	*line = b->cur_line - 1 + b->line_offset;
	*col = b->cur_col;
}

static void
fail(builder *b, const yaml_mark_t *m, const char *fmt, const char *arg)
{
	int line, col;

	position(b, m, &line, &col);
	sr_diags_add(b->diags, SR_ERROR, b->path, line, col, fmt, arg);
	b->failed = true;
}

static bool
count_node(builder *b, const yaml_mark_t *m)
{
	int line, col;

	if (++b->nodes <= SR_MAX_YAML_NODES)
		return true;
	position(b, m, &line, &col);
	sr_diags_add(b->diags, SR_ERROR, b->path, line, col, "the front matter "
	    "holds more than %d values%s (SR_MAX_YAML_NODES)%s",
	    SR_MAX_YAML_NODES, b->aliases ? " with its aliases expanded" : "",
	    b->aliases ? ": an alias bomb?" : "");
	b->failed = true;
	return false;
}

static sr_value *
new_value(builder *b, sr_value_kind kind, const yaml_mark_t *m)
{
	sr_value *v;

	if (!count_node(b, m))
		return NULL;
	if ((v = sr_arena_alloc(b->a, sizeof(*v))) == NULL) {
		fail(b, m, "out of memory%s", "");
		return NULL;
	}
	v->kind = kind;
	position(b, m, &v->line, &v->col);
	return v;
}

/* A deep copy of v for an alias, counted against SR_MAX_YAML_NODES. */
static sr_value *
copy_value(builder *b, const sr_value *v, int depth, const yaml_mark_t *m)
{
	sr_value *c;
	size_t i;

	if (depth > SR_MAX_YAML_DEPTH) {
		fail(b, m, "the front matter nests deeper than %s levels with "
		    "its aliases expanded (SR_MAX_YAML_DEPTH)",
		    SR_MAX_YAML_DEPTH_TEXT);
		return NULL;
	}
	if ((c = new_value(b, v->kind, m)) == NULL)
		return NULL;
	*c = *v;
	/* an error about the copy points at the alias, not the anchor */
	position(b, m, &c->line, &c->col);
	if (v->count == 0)
		return c;
	c->items = sr_arena_alloc(b->a, v->count * sizeof(*c->items));
	if (c->items == NULL)
		goto oom;
	for (i = 0; i < v->count; i++)
		if ((c->items[i] = copy_value(b, v->items[i], depth + 1, m)) ==
		    NULL)
			return NULL;
	return c;
oom:
	fail(b, m, "out of memory%s", "");
	return NULL;
}

static void
remember_anchor(builder *b, const char *name, const sr_value *v,
    const yaml_mark_t *m)
{
	if (name == NULL)
		return;
	if (b->nanchors == b->capanchors) {
		size_t cap = b->capanchors ? b->capanchors * 2 : 8;
		anchor *p = realloc(b->anchors, cap * sizeof(*p));

		if (p == NULL) {
			fail(b, m, "out of memory%s", "");
			return;
		}
		b->anchors = p;
		b->capanchors = cap;
	}
	/* A later anchor of the same name hides the earlier one. */
	b->anchors[b->nanchors].name = name;
	b->anchors[b->nanchors++].v = v;
}

static const sr_value *
find_anchor(builder *b, const char *name)
{
	size_t i;

	for (i = b->nanchors; i-- > 0;)
		if (strcmp(b->anchors[i].name, name) == 0)
			return b->anchors[i].v;
	return NULL;
}

/* Puts a finished value into the container on top of the stack (or makes
 * it the root). */
static void
attach(builder *b, sr_value *v, const yaml_mark_t *m)
{
	frame *f;
	sr_value *p;
	size_t i;

	if (b->depth == 0) {
		b->root = v;
		return;
	}
	f = &b->stack[b->depth - 1];
	p = f->v;
	if (p->kind == SR_VALUE_MAP && f->key == NULL) {
		if (v->kind == SR_VALUE_SEQ || v->kind == SR_VALUE_MAP) {
			fail(b, m, "a key must be plain text, not a %s",
			    v->kind == SR_VALUE_SEQ ? "list" : "map");
			return;
		}
		f->key = v->kind == SR_VALUE_NULL ? "" : v->text;
		f->key_line = v->line;
		return;
	}
	if (p->kind == SR_VALUE_MAP) {
		for (i = 0; i < p->count; i++) {
			if (strcmp(p->keys[i], f->key) != 0)
				continue;
			sr_diags_add(b->diags, SR_WARNING, b->path, f->key_line,
			    0, "duplicate key '%s' (first at line %d): the "
			    "later value stands", f->key, p->key_lines[i]);
			p->items[i] = v;
			p->key_lines[i] = f->key_line;
			f->key = NULL;
			return;
		}
	}
	if (p->count == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 4;

		p->items = sr_arena_grow(b->a, p->items, p->count, cap,
		    sizeof(*p->items));
		if (p->kind == SR_VALUE_MAP) {
			p->keys = sr_arena_grow(b->a, p->keys, p->count, cap,
			    sizeof(*p->keys));
			p->key_lines = sr_arena_grow(b->a, p->key_lines,
			    p->count, cap, sizeof(*p->key_lines));
		}
		if (p->items == NULL || (p->kind == SR_VALUE_MAP &&
		    (p->keys == NULL || p->key_lines == NULL))) {
			fail(b, m, "out of memory%s", "");
			return;
		}
		f->cap = cap;
	}
	if (p->kind == SR_VALUE_MAP) {
		p->keys[p->count] = f->key;
		p->key_lines[p->count] = f->key_line;
		f->key = NULL;
	}
	p->items[p->count++] = v;
}

static bool
is_null(const yaml_event_t *ev)
{
	const char *s = (const char *)ev->data.scalar.value;

	if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	return ev->data.scalar.length == 0 || strcmp(s, "~") == 0 ||
	    strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	    strcmp(s, "NULL") == 0;
}

static const char *
anchor_name(builder *b, const yaml_char_t *name)
{
	if (name == NULL)
		return NULL;
	return sr_arena_strdup(b->a, (const char *)name);
}

static void
on_event(builder *b, yaml_event_t *ev)
{
	const yaml_mark_t *m = &ev->start_mark;
	const sr_value *target;
	sr_value *v;
	frame *f;

	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (b->root != NULL)
			fail(b, m, "the front matter holds more than one YAML "
			    "document%s", "");
		break;
	case YAML_SCALAR_EVENT:
		if (memchr(ev->data.scalar.value, '\0',
		    ev->data.scalar.length) != NULL) {
			fail(b, m, "a value holds a NUL character%s", "");
			break;
		}
		if (is_null(ev)) {
			v = new_value(b, SR_VALUE_NULL, m);
		} else if ((v = new_value(b, SR_VALUE_SCALAR, m)) != NULL) {
			v->len = ev->data.scalar.length;
			v->text = sr_arena_strndup(b->a,
			    (const char *)ev->data.scalar.value, v->len);
			v->plain = ev->data.scalar.style ==
			    YAML_PLAIN_SCALAR_STYLE;
			if (v->text == NULL)
				fail(b, m, "out of memory%s", "");
		}
		if (v == NULL || b->failed)
			break;
		remember_anchor(b, anchor_name(b, ev->data.scalar.anchor), v, m);
		attach(b, v, m);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		if (b->depth == SR_MAX_YAML_DEPTH) {
			fail(b, m, "the front matter nests deeper than %s "
			    "levels (SR_MAX_YAML_DEPTH)", SR_MAX_YAML_DEPTH_TEXT);
			break;
		}
		v = new_value(b, ev->type == YAML_SEQUENCE_START_EVENT ?
		    SR_VALUE_SEQ : SR_VALUE_MAP, m);
		if (v == NULL)
			break;
		f = &b->stack[b->depth++];
		memset(f, 0, sizeof(*f));
		f->v = v;
		f->anchor = anchor_name(b, ev->type == YAML_SEQUENCE_START_EVENT
		    ? ev->data.sequence_start.anchor
		    : ev->data.mapping_start.anchor);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		f = &b->stack[--b->depth];
		remember_anchor(b, f->anchor, f->v, m);
		attach(b, f->v, m);
		break;
	case YAML_ALIAS_EVENT:
		b->aliases++;
		target = find_anchor(b, (const char *)ev->data.alias.anchor);
		if (target == NULL) {
			fail(b, m, "'*%s' is read as an alias of an anchor that "
			    "is not defined; quote the value if the '*' is text",
			    (const char *)ev->data.alias.anchor);
			break;
		}
		if ((v = copy_value(b, target, b->depth, m)) != NULL)
			attach(b, v, m);
		break;
	default:
		break;
	}
}

/* The byte offset in line (n bytes) of its character column col
 * (1-based). */
static size_t
byte_of_column(const char *line, size_t n, size_t col)
{
	size_t i = 0;
	uint32_t cp;

	while (col > 1 && i < n) {
		size_t k = sr_utf8_decode((const unsigned char *)line + i,
		    n - i, &cp);

		i += k ? k : 1;
		col--;
	}
	return i;
}

/* The text of line `line` (0-based) of the YAML block. */
static void
yaml_line(const builder *b, size_t line, const char **s, size_t *n)
{
	const char *p = b->yaml, *end = b->yaml + b->len, *nl;

	for (; line > 0 && (nl = memchr(p, '\n', (size_t)(end - p))); line--)
		p = nl + 1;
	nl = memchr(p, '\n', (size_t)(end - p));
	*s = p;
	*n = (size_t)((nl ? nl : end) - p);
	if (*n > 0 && p[*n - 1] == '\r')
		(*n)--;
}

/* The text of a line without its indentation; *indent says how much. */
static const char *
unindent(const char *line, size_t *n, size_t *indent)
{
	size_t i = 0;

	while (i < *n && line[i] == ' ')
		i++;
	*indent = i;
	*n -= i;
	return line + i;
}

/* The nearest line above file line l with something on it (not blank,
 * not a comment): its file line, or 0. */
static int
line_above(const builder *b, int l, const char **s, size_t *n)
{
	size_t ind;

	while (--l > b->line_offset - 1) {
		yaml_line(b, (size_t)(l - b->line_offset), s, n);
		*s = unindent(*s, n, &ind);
		if (*n > 0 && **s != '#')
			return l;
	}
	return 0;
}

/* Whether the line holds a character that libyaml takes for a line
 * break and editors do not: U+2028, U+2029, U+0085. */
static bool
has_line_separator(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i + 1 < n; i++)
		if ((s[i] == '\xC2' && s[i + 1] == '\x85') || (i + 2 < n &&
		    s[i] == '\xE2' && s[i + 1] == '\x80' &&
		    (s[i + 2] == '\xA8' || s[i + 2] == '\xA9')))
			return true;
	return false;
}

/* Adds an error at (l, c) and marks the front matter failed. */
static void
yaml_error(builder *b, int l, int c, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

static void
yaml_error(builder *b, int l, int c, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	sr_diags_vadd(b->diags, SR_ERROR, b->path, l, c, fmt, ap);
	va_end(ap);
	b->failed = true;
}

/*
 * Turns libyaml's error into a message that says what to change, at the
 * line that holds the mistake (libyaml often notices it a line later):
 * its own wording ("did not find expected <document start>", "block
 * sequence entries are not allowed in this context") names the parser's
 * state, not the user's mistake.
 */
static void
report_yaml_error(builder *b, const yaml_parser_t *p)
{
	const yaml_mark_t *m = &p->problem_mark;
	const char *problem = p->problem ? p->problem : "invalid YAML";
	const char *context = p->context ? p->context : "";
	const char *line, *colon, *text, *above;
	size_t n, col, ind, tn, an;
	int l, c, cl, cc, al = 0;

	b->failed = true;
	if (p->error == YAML_READER_ERROR) {
		int rl, rc;

		sr_text_position(b->yaml, p->problem_offset < b->len ?
		    p->problem_offset : b->len, &rl, &rc);
		yaml_error(b, rl - 1 + b->line_offset, rc, "%s", problem);
		return;
	}
	position(b, m, &l, &c);
	position(b, &p->context_mark, &cl, &cc);
	/* the line as bytes, and the problem's byte offset in it */
	yaml_line(b, (size_t)(l - b->line_offset), &line, &n);
	col = byte_of_column(line, n, (size_t)c);
	tn = n;
	text = unindent(line, &tn, &ind);
	if (strstr(problem, "mapping values are not allowed") != NULL) {
		colon = memchr(line, ':', n);
		if (colon != NULL && (size_t)(colon - line) < col) {
			const char *v = colon + 1;

			while (v < line + n && *v == ' ')
				v++;
			yaml_error(b, l, c, "a value holds ': ', which YAML "
			    "reads as another key; quote the value: %.*s "
			    "\"%.*s\"", (int)(colon - line + 1), line,
			    (int)(line + n - v), v);
		} else if ((al = line_above(b, l, &above, &an)) > 0 &&
		    memchr(above, ':', an) == NULL && *above != '-') {
			yaml_error(b, al, 1, "'%.*s' is neither a field nor a "
			    "list item: write it 'key: value', or make it a "
			    "comment with '#'", (int)an, above);
		} else {
			yaml_error(b, l, c, "this field is indented under the "
			    "one above, which has a value already: start it "
			    "at the same column as the fields above");
		}
		return;
	}
	if (col < n && line[col] == '\t') {
		yaml_error(b, l, c, "a tab character: YAML indents with "
		    "spaces, never tabs");
		return;
	}
	if (strstr(context, "quoted scalar") &&
	    strstr(problem, "end of stream") != NULL) {
		yaml_error(b, cl, cc, "the quoted value that starts here is "
		    "never closed");
		return;
	}
	if (strstr(problem, "could not find expected ':'") != NULL) {
		/* libyaml notices it on the next line */
		yaml_line(b, (size_t)(cl - b->line_offset), &line, &n);
		if (has_line_separator(line, n)) {
			yaml_error(b, cl, 1, "a Unicode line separator (U+2028, "
			    "U+2029 or U+0085) in this line: YAML breaks the "
			    "line there; remove it");
			return;
		}
		col = byte_of_column(line, n, (size_t)cc);
		line += col;
		n -= col;
		text = unindent(line, &n, &ind);
		/* the line is a slice of the note: bounded by n, not by a
		 * NUL (strcspn read past it) */
		for (col = 0; col < n && text[col] != ' '; col++)
			;
		if (col < n)
			yaml_error(b, cl, cc, "'%.*s' has no ':' after its key: "
			    "write '%.*s: %.*s'", (int)n, text, (int)col, text,
			    (int)(n - col - 1), text + col + 1);
		else
			yaml_error(b, cl, cc, "'%.*s' has no ':' after its key: "
			    "write '%.*s: ' and its value", (int)n, text,
			    (int)n, text);
		return;
	}
	if (strstr(problem, "block sequence entries are not allowed")) {
		colon = memchr(text, ':', tn);
		if (colon != NULL && col + 2 <= n)
			yaml_error(b, l, c, "a list cannot start on the line of "
			    "its key: write '%.*s: [%.*s]', or put '- %.*s' on "
			    "the next line, indented", (int)(colon - text), text,
			    (int)(n - col - 2), line + col + 2,
			    (int)(n - col - 2), line + col + 2);
		else
			yaml_error(b, l, c, "a list cannot start on the line of "
			    "its key: put each '- item' on a line of its own "
			    "below the key, indented");
		return;
	}
	if (strstr(problem, "did not find expected key") &&
	    strstr(context, "block mapping")) {
		size_t k = col;

		while (k > 0 && line[k - 1] == ' ')
			k--;
		if (tn >= 1 && *text == '-')
			yaml_error(b, l, c, "a list item where a field was "
			    "expected: put the list under a field, indented "
			    "('tags:', then '  - ...' below it)");
		else if (k > 0 && k < col && (line[k - 1] == '"' ||
		    line[k - 1] == '\''))
			yaml_error(b, l, c, "text after the closing quote: "
			    "quote the whole value, or none of it");
		else
			yaml_error(b, l, c, "this line's indentation matches "
			    "no field above it: line it up with the fields of "
			    "its map (spaces, the same column)");
		return;
	}
	if (strstr(problem, "did not find expected '-' indicator")) {
		yaml_error(b, l, c, "the front matter starts as a list ('- "
		    "...') and goes on with fields: it must be fields only "
		    "(company: Acme); put a list under a field, indented");
		return;
	}
	if (strstr(problem, "did not find expected <document start>")) {
		if ((tn > 0 && *text == '%') || ((al = line_above(b, l, &above,
		    &an)) > 0 && *above == '%'))
			yaml_error(b, tn > 0 && *text == '%' ? l : al, 1, "a "
			    "line starting with '%%' is a YAML directive here: "
			    "quote the value, or remove the line");
		else
			yaml_error(b, cl > 0 ? cl : l, 1, "the front matter "
			    "starts with a value that is not a field, and YAML "
			    "reads nothing after it: make that line 'key: "
			    "value', or a comment ('# ...')");
		return;
	}
	if (strstr(problem, "cannot start any token") && col < n) {
		colon = memchr(line, ':', col);
		if (colon != NULL)
			yaml_error(b, l, c, "'%c' cannot start a YAML value: "
			    "quote it: %.*s \"%.*s\"", line[col],
			    (int)(colon - line + 1), line, (int)(n - col),
			    line + col);
		else
			yaml_error(b, l, c, "'%c' cannot start a YAML value: "
			    "quote it", line[col]);
		return;
	}
	if (strstr(problem, "did not find expected ','")) {
		char close = strchr(problem, '}') ? '}' : ']';

		yaml_error(b, cl, cc, "the '%c' here is never closed with '%c' "
		    "(or a ',' is missing between two of its items)",
		    close == '}' ? '{' : '[', close);
		return;
	}
	if (*context != '\0') {
		yaml_error(b, l, c, "YAML cannot read this line (%s %s at "
		    "line %d)", problem, context, cl);
		return;
	}
	yaml_error(b, l, c, "YAML cannot read this line (%s)", problem);
}

sr_value *
sr_frontmatter_parse(sr_arena *a, const char *path, const char *yaml,
    size_t len, int line_offset, sr_diags *diags)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	builder b;
	bool done = false;
	yaml_mark_t start = {0, 0, 0};

	memset(&b, 0, sizeof(b));
	b.cur_line = b.cur_col = 1;
	b.a = a;
	b.path = path;
	b.yaml = yaml;
	b.len = len;
	b.line_offset = line_offset;
	b.diags = diags;
	if (!yaml_parser_initialize(&parser)) {
		fail(&b, &start, "out of memory%s", "");
		return NULL;
	}
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	while (!done && !b.failed) {
		if (!yaml_parser_parse(&parser, &ev)) {
			report_yaml_error(&b, &parser);
			break;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		on_event(&b, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	free(b.anchors);
	if (b.failed)
		return NULL;
	if (b.root == NULL || b.root->kind == SR_VALUE_NULL) {
		if ((b.root = sr_arena_alloc(a, sizeof(sr_value))) == NULL)
			return NULL;
		b.root->kind = SR_VALUE_MAP;
		b.root->line = line_offset;
		return b.root;
	}
	if (b.root->kind != SR_VALUE_MAP) {
		sr_diags_add(diags, SR_ERROR, path, b.root->line, b.root->col,
		    "the front matter must be a map of fields such as "
		    "'company: Acme', not %s", b.root->kind == SR_VALUE_SEQ ?
		    "a list" : "a single value");
		return NULL;
	}
	return b.root;
}
