/*
 * due.c - `secondround due [NOTES...]`: the follow-ups not yet sent,
 * soonest deadline first, with the time left and whether the draft is
 * written and up to date; exit code 3 when one is overdue, so that a cron
 * job or a Git hook can nag.  The deadline is the one build and check
 * use (sr_note_deadline), measured against the same clock (--now).
 */
#include <dirent.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "secondround.h"
#include "commands.h"

typedef enum { DRAFT_NONE, DRAFT_STALE, DRAFT_READY } draft_state;

static const char *const draft_words[] = {"no draft", "draft out of date",
    "draft ready"};
static const char *const draft_keys[] = {"none", "stale", "ready"};

/* One note not yet sent. */
typedef struct {
	char *path;
	bool has_date;
	time_t deadline;
	char *company, *role; /* "" when absent */
	char *people; /* the interviewers, "A, B" */
	char *names;  /* the same, each ending in a line break (a name holds
	                 none: fields.c makes them blanks) */
	draft_state draft;
} row;

typedef enum { FMT_TEXT, FMT_TSV, FMT_JSON } format;

static char *
dup_or_empty(const char *s)
{
	return strdup(s != NULL ? s : "");
}

/* The modification time of path, or 0. */
static time_t
mtime(const char *path)
{
	struct stat st;

	return path != NULL && stat(path, &st) == 0 ? st.st_mtime : 0;
}

/* The draft of a note: its files in the output folder (base.EXT, or
 * base--NAME.EXT for a panel), and whether the oldest of them is older
 * than the note or its defaults file. */
static draft_state
find_draft(const char *outdir, const char *rel, time_t changed)
{
	char base[PATH_MAX], dir[PATH_MAX], file[PATH_MAX];
	const char *dot = strrchr(rel, '.'), *slash, *name;
	time_t oldest = 0, t;
	struct dirent *e;
	size_t n;
	DIR *d;

	n = dot != NULL && (strrchr(rel, '/') == NULL || dot > strrchr(rel,
	    '/')) ? (size_t)(dot - rel) : strlen(rel);
	if (snprintf(base, sizeof(base), "%s/%.*s", outdir, (int)n, rel) >=
	    (int)sizeof(base))
		return DRAFT_NONE;
	slash = strrchr(base, '/');
	snprintf(dir, sizeof(dir), "%.*s", (int)(slash - base), base);
	name = slash + 1;
	n = strlen(name);
	if ((d = opendir(dir)) == NULL)
		return DRAFT_NONE;
	while ((e = readdir(d)) != NULL) {
		const char *rest = e->d_name + n;

		if (strncmp(e->d_name, name, n) != 0)
			continue;
		/* NAME.md, NAME.txt, NAME.html, NAME--someone.txt, ... */
		if (strncmp(rest, "--", 2) != 0 && (rest[0] != '.' ||
		    strchr(rest + 1, '.') != NULL))
			continue;
		if (snprintf(file, sizeof(file), "%s/%s", dir, e->d_name) >=
		    (int)sizeof(file))
			continue;
		if ((t = mtime(file)) != 0 && (oldest == 0 || t < oldest))
			oldest = t;
	}
	closedir(d);
	if (oldest == 0)
		return DRAFT_NONE;
	return oldest < changed ? DRAFT_STALE : DRAFT_READY;
}

/* "in 5 h", "in 40 min", "in 3 days", "overdue by 2 days": whole units,
 * rounded down. */
static void
left_text(double secs, char *buf, size_t size)
{
	double a = secs < 0 ? -secs : secs;
	const char *pre = secs < 0 ? "overdue by " : "in ";

	if (a < 60)
		snprintf(buf, size, "%s", secs < 0 ? "overdue just now" :
		    "due now");
	else if (a < 3600)
		snprintf(buf, size, "%s%d min", pre, (int)(a / 60));
	else if (a < 48 * 3600)
		snprintf(buf, size, "%s%d h", pre, (int)(a / 3600));
	else
		snprintf(buf, size, "%s%d days", pre, (int)(a / 86400));
}

static int
by_deadline(const void *pa, const void *pb)
{
	const row *a = pa, *b = pb;

	if (a->has_date != b->has_date)
		return a->has_date ? -1 : 1;
	if (a->has_date && a->deadline != b->deadline)
		return a->deadline < b->deadline ? -1 : 1;
	return strcmp(a->path, b->path);
}

/* The moment with its offset, for scripts: 2026-03-04T11:00:00+01:00. */
static void
iso_time(time_t t, char *buf, size_t size)
{
	struct tm tm;
	char z[8];

	localtime_r(&t, &tm);
	strftime(buf, size, "%Y-%m-%dT%H:%M:%S", &tm);
	strftime(z, sizeof(z), "%z", &tm);
	snprintf(buf + strlen(buf), size - strlen(buf), "%.3s:%.2s", z, z + 3);
}

/* Text for a TSV field: tabs and line breaks as blanks. */
static void
put_tsv(const char *s)
{
	for (; *s != '\0'; s++)
		putchar(*s == '\t' || *s == '\n' || *s == '\r' ? ' ' : *s);
}

static void
put_json(const char *s)
{
	putchar('"');
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\u%04x", c);
		else
			putchar(c);
	}
	putchar('"');
}

/* Columns a UTF-8 string takes (one a character). */
static int
columns(const char *s)
{
	int n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

static void
put_cell(const char *s, int width, bool last)
{
	print_visible(stdout, s);
	if (!last)
		printf("%*s", width - columns(s) + 2, "");
}

static void
print_rows(const row *rows, size_t n, format fmt, time_t now, bool colour)
{
	const char *head[] = {"DEADLINE", "LEFT", "COMPANY", "ROLE",
	    "INTERVIEWER", "DRAFT", "NOTE"};
	int w[7] = {0};
	char when[64], left[64], *p, *nl;
	size_t i, k;

	if (fmt == FMT_TSV)
		printf("deadline\tseconds_left\tcompany\trole\tinterviewers\t"
		    "draft\tnote\n");
	if (fmt == FMT_JSON)
		printf("[");
	for (k = 0; k < 7; k++)
		w[k] = columns(head[k]);
	for (i = 0; i < n && fmt == FMT_TEXT; i++) {
		const char *cells[5] = {rows[i].company, rows[i].role,
		    rows[i].people, draft_words[rows[i].draft], rows[i].path};

		w[0] = w[0] > 16 ? w[0] : 16;
		left_text(difftime(rows[i].deadline, now), left, sizeof(left));
		if (rows[i].has_date && columns(left) > w[1])
			w[1] = columns(left);
		for (k = 0; k < 5; k++)
			if (columns(cells[k]) > w[k + 2])
				w[k + 2] = columns(cells[k]);
	}
	if (fmt == FMT_TEXT && n > 0) {
		for (k = 0; k < 7; k++)
			put_cell(head[k], w[k], k == 6);
		putchar('\n');
	}
	for (i = 0; i < n; i++) {
		const row *r = &rows[i];
		double secs = difftime(r->deadline, now);

		if (r->has_date) {
			sr_when_format(r->deadline, when, sizeof(when));
			left_text(secs, left, sizeof(left));
		} else {
			snprintf(when, sizeof(when), "-");
			snprintf(left, sizeof(left), "no date");
		}
		if (fmt == FMT_TSV) {
			if (r->has_date)
				iso_time(r->deadline, when, sizeof(when));
			printf("%s\t", r->has_date ? when : "");
			if (r->has_date)
				printf("%.0f", secs);
			printf("\t");
			put_tsv(r->company);
			printf("\t");
			put_tsv(r->role);
			printf("\t");
			put_tsv(r->people);
			printf("\t%s\t", draft_keys[r->draft]);
			put_tsv(r->path);
			printf("\n");
		} else if (fmt == FMT_JSON) {
			printf("%s\n  {\"note\": ", i > 0 ? "," : "");
			put_json(r->path);
			if (r->has_date) {
				iso_time(r->deadline, when, sizeof(when));
				printf(", \"deadline\": \"%s\", \"seconds_left\": "
				    "%.0f, \"overdue\": %s", when, secs,
				    secs < 0 ? "true" : "false");
			} else
				printf(", \"deadline\": null, \"seconds_left\": "
				    "null, \"overdue\": false");
			printf(", \"company\": ");
			put_json(r->company);
			printf(", \"role\": ");
			put_json(r->role);
			printf(", \"interviewers\": [");
			for (p = r->names; *p != '\0'; p = nl + 1) {
				nl = strchr(p, '\n');
				*nl = '\0';
				printf("%s", p > r->names ? ", " : "");
				put_json(p);
				*nl = '\n';
			}
			printf("]");
			printf(", \"draft\": \"%s\"}", draft_keys[r->draft]);
		} else {
			/* overdue in red, due within a day in yellow */
			const char *on = !colour || !r->has_date ||
			    secs >= 24 * 3600 ? "" : secs < 0 ? "\033[1;31m" :
			    "\033[33m";

			fputs(on, stdout);
			put_cell(when, w[0], false);
			put_cell(left, w[1], false);
			if (*on != '\0')
				fputs("\033[0m", stdout);
			put_cell(r->company, w[2], false);
			put_cell(r->role, w[3], false);
			put_cell(r->people, w[4], false);
			put_cell(draft_words[r->draft], w[5], false);
			put_cell(r->path, w[6], true);
			putchar('\n');
		}
	}
	if (fmt == FMT_JSON)
		printf("%s]\n", n > 0 ? "\n" : "");
	if (fmt == FMT_TEXT && n == 0)
		printf("nothing due\n");
}

/* The interviewers' names (or addresses), each followed by sep but the
 * last, which is followed by end. */
static char *
people_text(const sr_note *note, const char *sep, const char *end)
{
	size_t i, len = 1;
	char *s;

	for (i = 0; i < note->ninterviewers; i++) {
		const sr_person *p = &note->interviewers[i];

		len += strlen(p->name ? p->name : p->email ? p->email : "") +
		    strlen(sep) + strlen(end);
	}
	if ((s = calloc(1, len)) == NULL)
		return NULL;
	for (i = 0; i < note->ninterviewers; i++) {
		const sr_person *p = &note->interviewers[i];

		strcat(s, p->name ? p->name : p->email ? p->email : "");
		strcat(s, i + 1 < note->ninterviewers ? sep : end);
	}
	return s;
}

int
sr_cmd_due(int argc, char **argv)
{
	static const struct option opts[] = {
		{"format", required_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{"now", required_argument, NULL, 'n'},
		{"output", required_argument, NULL, 'o'},
		{NULL, 0, NULL, 0},
	};
	static char dot[] = ".", notes[] = "notes";
	char *fallback[1];
	sr_build_defaults bd = {0};
	sr_paths paths = {0};
	sr_diags diags = {0};
	row *rows = NULL;
	size_t i, n = 0, failed = 0, overdue = 0;
	const char *outdir = NULL, *no_color;
	time_t now = time(NULL);
	format fmt = FMT_TEXT;
	struct stat st;
	int c, rc = EXIT_FAILURE;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":ho:", opts, NULL)) != -1) {
		switch (c) {
		case 'F':
			if (strcmp(optarg, "text") == 0)
				fmt = FMT_TEXT;
			else if (strcmp(optarg, "tsv") == 0)
				fmt = FMT_TSV;
			else if (strcmp(optarg, "json") == 0)
				fmt = FMT_JSON;
			else
				return usage_error("--format: '%s' is not text, "
				    "tsv or json", optarg);
			break;
		case 'o':
			outdir = optarg;
			break;
		default:
			if ((rc = common_option(c, "due", argv, &now)) != -1)
				return rc;
		}
	}
	if (optind == argc) {
		fallback[0] = stat("notes", &st) == 0 && S_ISDIR(st.st_mode) ?
		    notes : dot;
		argv = fallback;
		argc = 1;
		optind = 0;
	}
	/* the drafts are where build writes them */
	if (outdir == NULL) {
		if (sr_defaults_build(argv[optind], &bd, &diags) != 0) {
			flush_diags(&diags, true); /* the lint is check's */
			return EXIT_FAILURE;
		}
		outdir = bd.output != NULL ? bd.output : "drafts";
	}
	for (i = (size_t)optind; i < (size_t)argc; i++) {
		char *under;

		if (sr_notes_root(argv[i], &under) != 0 ||
		    sr_paths_collect_under(argv[i], under, &paths, &diags) == -1)
			failed++;
		free(under);
	}
	flush_diags(&diags, true); /* the lint is check's */
	if ((rows = calloc(paths.count + 1, sizeof(*rows))) == NULL)
		goto out;
	for (i = 0; i < paths.count; i++) {
		const sr_path *p = &paths.items[i];
		sr_note *note = sr_note_read(p->path, &diags);
		char *dflt;
		time_t changed;

		flush_diags(&diags, true); /* the lint is check's */
		if (note == NULL) {
			failed++;
			continue;
		}
		if (note->not_a_note == NULL && !note->sent) {
			row *r = &rows[n++];

			r->path = strdup(p->path);
			r->company = dup_or_empty(note->company);
			r->role = dup_or_empty(note->role);
			r->people = people_text(note, ", ", "");
			r->names = people_text(note, "\n", "\n");
			if ((r->has_date = note->has_date))
				r->deadline = sr_note_deadline(note);
			dflt = sr_defaults_find(p->path);
			changed = mtime(p->path);
			if (mtime(dflt) > changed)
				changed = mtime(dflt);
			free(dflt);
			r->draft = find_draft(outdir, p->rel, changed);
			if (r->path == NULL || r->company == NULL ||
			    r->role == NULL || r->people == NULL ||
			    r->names == NULL) {
				fprintf(stderr, "secondround: out of memory\n");
				sr_note_free(note);
				goto out;
			}
			if (r->has_date && difftime(r->deadline, now) < 0)
				overdue++;
		}
		sr_note_free(note);
	}
	qsort(rows, n, sizeof(*rows), by_deadline);
	no_color = getenv("NO_COLOR");
	print_rows(rows, n, fmt, now, fmt == FMT_TEXT && isatty(1) &&
	    (no_color == NULL || *no_color == '\0'));
	rc = overdue > 0 ? EXIT_OVERDUE : failed > 0 ? EXIT_FAILURE : 0;
out:
	for (i = 0; i < n; i++) {
		free(rows[i].path);
		free(rows[i].company);
		free(rows[i].role);
		free(rows[i].people);
		free(rows[i].names);
	}
	free(rows);
	sr_paths_free(&paths);
	sr_build_defaults_free(&bd);
	return rc;
}
