/*
 * index.c - the overview page, index.html in the output folder: one row
 * per draft, soonest deadline first, with its company, role, interviewer,
 * words, send-by time, status (sent, due in N h, overdue) and links to its
 * files.  A standalone page: no script, nothing fetched, readable on a
 * phone (the table becomes one card per draft on a narrow screen).
 *
 * The page is made from the manifest alone, never from the notes: the
 * build stores with each output what its row shows (sr_index_info), so a
 * run that finds every note up to date writes the page without reading
 * one.  It is written only when its bytes change, and like a draft it is
 * never written over when edited by hand, unless forced.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define INDEX_NAME "index.html"
#define INFO_FIELDS 6 /* deadline, sent, words, company, role, interviewer */

/* Appends s with '%', '|' and control characters as %XX: one field of
 * the manifest's overview field. */
static void
put_field(sr_buf *b, const char *s)
{
	if (s == NULL)
		return;
	for (; *s != '\0'; s++) {
		if (*s == '%' || *s == '|' || (unsigned char)*s < 0x20 ||
		    *s == 0x7F)
			sr_buf_printf(b, "%%%02X", (unsigned char)*s);
		else
			sr_buf_putc(b, *s);
	}
}

char *
sr_index_info(const sr_note *note, const sr_draft *d)
{
	sr_buf b = {0};

	if (note->has_date)
		sr_buf_printf(&b, "%lld", (long long)sr_note_deadline(note));
	else
		sr_buf_putc(&b, '-');
	sr_buf_printf(&b, "|%d|%d|", note->sent ? 1 : 0, d->words);
	put_field(&b, note->company);
	sr_buf_putc(&b, '|');
	put_field(&b, note->role);
	sr_buf_putc(&b, '|');
	put_field(&b, d->to != NULL ? (d->to->name != NULL ? d->to->name :
	    d->to->email) : NULL);
	return sr_buf_take(&b);
}

char *
sr_index_info_sent(const char *info)
{
	const char *bar = strchr(info, '|');
	sr_buf b = {0};

	if (bar == NULL || (bar[1] != '0' && bar[1] != '1') || bar[2] != '|')
		return strdup(info); /* not one: no row anyway */
	sr_buf_put(&b, info, (size_t)(bar - info));
	sr_buf_puts(&b, "|1");
	sr_buf_puts(&b, bar + 2);
	return sr_buf_take(&b);
}

/* One row of the page: a draft, its files and what its notes said. */
typedef struct {
	char *base;                 /* the output name without extension */
	char *field[INFO_FIELDS];   /* decoded */
	bool has_deadline, sent;
	long long deadline;
	bool has[3];                /* .html, .txt, .eml */
} row;

static const char *const link_ext[] = {".html", ".txt", ".eml"};
static const char *const link_label[] = {"HTML", "text", ".eml"};

static int
hex(char c)
{
	return c >= '0' && c <= '9' ? c - '0' : c >= 'A' && c <= 'F' ?
	    c - 'A' + 10 : c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Cuts an overview field into the row's fields, decoded; false when it
 * is not one (an older or hand-made line: the draft gets no row). */
static bool
parse_info(const char *info, row *r)
{
	const char *p = info, *end;
	char *out;
	size_t i, n;

	for (i = 0; i < INFO_FIELDS; i++) {
		end = i + 1 < INFO_FIELDS ? strchr(p, '|') : p + strlen(p);
		if (end == NULL)
			return false;
		if ((out = r->field[i] = malloc((size_t)(end - p) + 1)) == NULL)
			return false;
		for (n = 0; p < end; p++) {
			if (*p == '%' && end - p >= 3 && hex(p[1]) >= 0 &&
			    hex(p[2]) >= 0) {
				out[n++] = (char)(hex(p[1]) * 16 + hex(p[2]));
				p += 2;
			} else
				out[n++] = *p;
		}
		out[n] = '\0';
		p = end + 1;
	}
	r->has_deadline = strcmp(r->field[0], "-") != 0;
	r->deadline = strtoll(r->field[0], NULL, 10);
	r->sent = strcmp(r->field[1], "1") == 0;
	return true;
}

static void
row_free(row *r)
{
	size_t i;

	free(r->base);
	for (i = 0; i < INFO_FIELDS; i++)
		free(r->field[i]);
	memset(r, 0, sizeof(*r));
}

/* Soonest deadline first, drafts without a date last, then by name. */
static int
compare_rows(const void *a, const void *b)
{
	const row *x = a, *y = b;

	if (x->has_deadline != y->has_deadline)
		return x->has_deadline ? -1 : 1;
	if (x->has_deadline && x->deadline != y->deadline)
		return x->deadline < y->deadline ? -1 : 1;
	return strcmp(x->base, y->base);
}

/* An output name as a relative link: bytes outside the unreserved set
 * (and '/') percent-encoded, so that '#', '?', '%', blanks and non-ASCII
 * names link to their file; then escaped for the attribute. */
static void
put_href(sr_buf *b, const char *base, const char *ext)
{
	static const char ok[] = "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~/";
	const char *s;

	for (s = base; *s != '\0'; s++) {
		if (strchr(ok, *s) != NULL)
			sr_buf_putc(b, *s);
		else
			sr_buf_printf(b, "%%%02X", (unsigned char)*s);
	}
	sr_buf_puts(b, ext);
}

/* The status of a row: its class and its words ("overdue by" as the
 * build's line says it). */
static void
put_status(sr_buf *b, const row *r, time_t now)
{
	long long left = r->deadline - (long long)now;
	char span[32];

	if (r->sent)
		sr_buf_puts(b, "<td class=\"sent\" data-label=\"Status\">sent");
	else if (!r->has_deadline)
		sr_buf_puts(b, "<td data-label=\"Status\">no date");
	else if (left >= 3600)
		sr_buf_printf(b, "<td class=\"due\" data-label=\"Status\">due in "
		    "%lld h", left / 3600);
	else if (left >= 0)
		sr_buf_puts(b, "<td class=\"due\" data-label=\"Status\">due in "
		    "under an hour");
	else {
		sr_due_format((double)left, span, sizeof(span));
		sr_buf_printf(b, "<td class=\"overdue\" data-label=\"Status\">"
		    "overdue by %s", span);
	}
	sr_buf_puts(b, "</td>\n");
}

static void
put_cell(sr_buf *b, const char *label, const char *text, const char *cls)
{
	sr_buf_puts(b, "<td");
	if (cls != NULL) {
		sr_buf_puts(b, " class=\"");
		sr_buf_puts(b, cls);
		sr_buf_putc(b, '"');
	}
	sr_buf_puts(b, " data-label=\"");
	sr_buf_puts(b, label);
	sr_buf_puts(b, "\">");
	sr_html_escape(b, text[0] != '\0' ? text : "\xe2\x80\x94");
	sr_buf_puts(b, "</td>\n");
}

static const char page_head[] =
    "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
    "<meta name=\"viewport\" content=\"width=device-width, "
    "initial-scale=1\">\n"
    "<title>Follow-up drafts</title>\n"
    "<link rel=\"icon\" href=\"data:,\">\n"
    "<style>\n"
    "body{margin:0;padding:16px;background:#f4f4f0;color:#1d1d1b;"
    "font:16px/1.45 system-ui,-apple-system,\"Segoe UI\",Roboto,sans-serif}\n"
    "main{max-width:1000px;margin:0 auto}\n"
    "h1{font-size:1.4em;margin:0 0 .2em}\n"
    "p{margin:0 0 1em;color:#4a4a45}\n"
    "table{width:100%;border-collapse:collapse;background:#fff;"
    "border:1px solid #e0e0d8}\n"
    "th,td{padding:.55em .7em;text-align:left;vertical-align:top;"
    "border-bottom:1px solid #e8e8e0}\n"
    "th{font-size:.85em;color:#4a4a45;background:#fafaf7}\n"
    "td.n{text-align:right;font-variant-numeric:tabular-nums}\n"
    "td.overdue{color:#a51d2d;font-weight:600}\n"
    "td.due{color:#8a5a00;font-weight:600}\n"
    "td.sent{color:#26734d}\n"
    "a{color:#1a5fb4}\n"
    "td:nth-child(n+5){white-space:nowrap}\n"
    "@media (max-width:640px){\n"
    "thead{display:none}\n"
    "table,tbody,tr,td{display:block;width:auto}\n"
    "tr{border-bottom:1px solid #d0d0c8;padding:.5em 0}\n"
    "td,td.n{border:0;padding:.1em .8em;text-align:left;"
    "white-space:normal}\n"
    "td::before{content:attr(data-label) \": \";color:#6a6a65;"
    "font-weight:normal;font-size:.85em}\n"
    "}\n"
    "</style>\n</head>\n<body>\n<main>\n<h1>Follow-up drafts</h1>\n";

/* The page, from the rows, sorted. */
static char *
render(row *rows, size_t n, time_t now)
{
	sr_buf b = {0};
	size_t i, k, overdue = 0, sent = 0;
	bool first;

	for (i = 0; i < n; i++) {
		if (rows[i].sent)
			sent++;
		else if (rows[i].has_deadline && rows[i].deadline < now)
			overdue++;
	}
	sr_buf_puts(&b, page_head);
	sr_buf_printf(&b, "<p>%zu draft%s: %zu overdue, %zu sent. Soonest "
	    "deadline first; a follow-up is due 48 hours after the "
	    "interview.</p>\n", n, n == 1 ? "" : "s", overdue, sent);
	if (n == 0) {
		sr_buf_puts(&b, "<p>No drafts yet.</p>\n</main>\n</body>\n"
		    "</html>\n");
		return sr_buf_take(&b);
	}
	sr_buf_puts(&b, "<table>\n<thead>\n<tr><th>Company</th><th>Role</th>"
	    "<th>Interviewer</th><th>Words</th><th>Send by</th>"
	    "<th>Status</th><th>Drafts</th></tr>\n</thead>\n<tbody>\n");
	for (i = 0; i < n; i++) {
		row *r = &rows[i];
		char when[40] = "";

		if (r->has_deadline)
			sr_when_format((time_t)r->deadline, when, sizeof(when));
		sr_buf_puts(&b, "<tr>\n");
		put_cell(&b, "Company", r->field[3], NULL);
		put_cell(&b, "Role", r->field[4], NULL);
		put_cell(&b, "Interviewer", r->field[5], NULL);
		put_cell(&b, "Words", r->field[2], "n");
		put_cell(&b, "Send by", when, NULL);
		put_status(&b, r, now);
		sr_buf_puts(&b, "<td data-label=\"Drafts\">");
		for (k = 0, first = true; k < 3; k++) {
			if (!r->has[k])
				continue;
			sr_buf_puts(&b, first ? "<a href=\"" : " \xc2\xb7 <a href=\"");
			put_href(&b, r->base, link_ext[k]);
			sr_buf_printf(&b, "\">%s</a>", link_label[k]);
			first = false;
		}
		sr_buf_puts(&b, "</td>\n</tr>\n");
	}
	sr_buf_puts(&b, "</tbody>\n</table>\n</main>\n</body>\n</html>\n");
	return sr_buf_take(&b);
}

/* The rows of the manifest's drafts whose files are there, sorted; *n of
 * them, in an array the caller frees with each row.  NULL: out of
 * memory. */
static row *
collect(sr_manifest *m, sr_outdir *o, size_t *n)
{
	const sr_manifest_entry **e;
	size_t count, i, k, blen;
	row *rows, *r = NULL;
	const char *dot;

	*n = 0;
	if ((e = sr_manifest_list(m, &count)) == NULL)
		return NULL;
	if ((rows = calloc(count + 1, sizeof(*rows))) == NULL)
		goto out;
	for (i = 0; i < count; i++) {
		if (e[i]->info == NULL || e[i]->note[0] == '\0' ||
		    (dot = strrchr(e[i]->output, '.')) == NULL ||
		    strchr(dot, '/') != NULL)
			continue;
		blen = (size_t)(dot - e[i]->output);
		/* outputs of one draft are neighbours in the sorted list */
		if (r == NULL || strlen(r->base) != blen ||
		    strncmp(r->base, e[i]->output, blen) != 0) {
			if (r != NULL && !r->has[0] && !r->has[1] && !r->has[2])
				row_free(&rows[--*n]); /* no file to link */
			r = &rows[(*n)++];
			if ((r->base = strndup(e[i]->output, blen)) == NULL ||
			    !parse_info(e[i]->info, r)) {
				row_free(&rows[--*n]);
				r = NULL;
				continue;
			}
		}
		for (k = 0; k < 3; k++)
			if (strcmp(dot, link_ext[k]) == 0 &&
			    sr_outdir_has(o, e[i]->output))
				r->has[k] = true;
	}
	if (r != NULL && !r->has[0] && !r->has[1] && !r->has[2])
		row_free(&rows[--*n]);
	qsort(rows, *n, sizeof(*rows), compare_rows);
out:
	free(e);
	return rows;
}

int
sr_index_write(sr_manifest *m, sr_outdir *o, time_t now, bool force,
    sr_diags *diags)
{
	const sr_manifest_entry *e = sr_manifest_find(m, INDEX_NAME);
	char *page = NULL;
	size_t n = 0, i;
	uint64_t hash, have = 0;
	bool absent;
	int same;
	row *rows;
	int rc = -1;

	if (e != NULL && e->note[0] != '\0') {
		sr_diags_add(diags, SR_WARNING, sr_outdir_path(o), 0, 0, "%s is "
		    "the draft of %s: no overview page is written", INDEX_NAME,
		    e->note);
		return 0;
	}
	if ((rows = collect(m, o, &n)) == NULL ||
	    (page = render(rows, n, now)) == NULL) {
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0, "out of "
		    "memory writing %s", INDEX_NAME);
		goto out;
	}
	hash = sr_hash(SR_HASH_INIT, page, strlen(page));
	/* the same bytes are not written again (compared a piece at a
	 * time: the page of thousands of drafts is megabytes) */
	same = sr_outdir_compare(o, INDEX_NAME, page, strlen(page), &have,
	    &absent);
	if (same == 1) {
		rc = 0;
	} else if (!force && (same == 0 || !absent) && (e == NULL ||
	    same != 0 || e->output_hash != have)) {
		sr_diags_add(diags, SR_WARNING, sr_outdir_path(o), 0, 0, "%s %s; "
		    "kept (use --force to replace it)", INDEX_NAME,
		    same != 0 ? "cannot be read" : e == NULL ? "was not "
		    "written by secondround" : "was edited since it was "
		    "generated");
		rc = 0;
		goto out;
	} else if ((rc = sr_outdir_write(o, INDEX_NAME, page, strlen(page),
	    diags)) != 0)
		goto out;
	if (sr_manifest_set(m, INDEX_NAME, "", 0, hash, NULL) != 0) {
		sr_diags_add(diags, SR_ERROR, sr_outdir_path(o), 0, 0, "out of "
		    "memory recording %s", INDEX_NAME);
		rc = -1;
	}
out:
	for (i = 0; rows != NULL && i < n; i++)
		row_free(&rows[i]);
	free(rows);
	free(page);
	return rc;
}
