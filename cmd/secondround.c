/*
 * secondround.c - the command-line program: parses arguments, hands files to
 * the library, prints what the library reports, and chooses the exit code
 * (0 all good, 1 some note failed, 2 usage error).  No note logic lives here.
 */
#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdarg.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "secondround.h"
#include "commands.h"

static const char *progname = "secondround";


/* The help of each command, as `secondround help CMD` and
 * `secondround CMD --help` print it; the options mirror secondround(1). */
static const char filter_options[] =
    "filter options:\n"
    "  -f, --filter FILE       run this Lua filter too (repeatable);\n"
    "      --lua-filter FILE   the same (pandoc's name)\n"
    "      --no-default-filters  leave out the default scorer\n"
    "      --filters-dir DIR   where the shipped filters are\n"
    "      --max-instructions N  per note (default 100000000)\n"
    "      --max-seconds S     per note, whatever the filter does (default 10)\n"
    "      --max-memory MIB    Lua memory of all the filters (default 64)\n"
    "      --allow-outside     read notes, filters and modules that are\n"
    "                          links leading out of their folder\n";

static const struct {
	const char *name, *synopsis, *text;
	bool filters; /* takes the filter options */
} helps[] = {
	{"build", "[build] [-qv] [-j N] [-o DIR | --stdout] [--formats LIST] "
	    "[--force]\n                     [--fsync] [FILTER OPTIONS] "
	    "NOTES...",
	    "Writes the drafts of every note into DIR: NAME.md, NAME.txt and\n"
	    "NAME.html, named from the note's path under its notes root (the\n"
	    "nearest folder named notes, or holding a .secondround file).\n"
	    "build is the default command.\n\n"
	    "options:\n"
	    "  -o, --output DIR        where to write (default: drafts);\n"
	    "                          -o - prints the drafts instead\n"
	    "      --stdout            print the drafts in one format, write\n"
	    "                          nothing (a preview)\n"
	    "      --formats LIST      which of md,txt,html,eml to write\n"
	    "                          (default md,txt,html)\n"
	    "      --force             replace drafts edited by hand\n"
	    "      --fsync             flush each file to disk before it lands\n"
	    "  -j, --jobs N            work in N processes (default: one a\n"
	    "                          core); the output is the same as with one\n"
	    "  -q, --quiet             no line per note, only the summary\n"
	    "  -v, --verbose           a line for every note, and a Lua\n"
	    "                          traceback with filter errors\n"
	    "      --now TIME          the clock for deadlines (2026-03-04 12:00)\n",
	    true},
	{"watch", "watch [-q] [-j N] [-o DIR] [--formats LIST] [--force] "
	    "[--poll]\n                     [FILTER OPTIONS] NOTES...",
	    "Builds the drafts of every note as build does, then keeps them in\n"
	    "step with the notes while you write: each time notes change (one\n"
	    "save, or an editor's burst of writes and renames), it builds the\n"
	    "notes that changed, printing each note's line and its warnings, and\n"
	    "rewrites index.html.  The drafts of a note that is gone are\n"
	    "removed, unless edited.  It waits on inotify; elsewhere (or with\n"
	    "--poll) it looks every second.  Ctrl-C stops it; the manifest is\n"
	    "saved after every build.\n\n"
	    "options: those of build, and\n"
	    "      --poll              look every second instead of inotify\n",
	    true},
	{"check", "check [-qv] [-j N] [--now TIME] [FILTER OPTIONS] NOTES...",
	    "Reads every note, runs the filters, and reports what a user must\n"
	    "act on: errors, and warnings (unanswered questions, a heading or\n"
	    "field that nearly matches, missing fields, an over-long draft, a\n"
	    "passed deadline).  Nothing is written.\n\n"
	    "options:\n"
	    "  -j, --jobs N            work in N processes (default: one a\n"
	    "                          core); the output is the same as with one\n"
	    "  -q, --quiet             errors and the summary only\n"
	    "  -v, --verbose           a Lua traceback with filter errors\n"
	    "      --now TIME          the clock for deadlines (2026-03-04 12:00)\n",
	    true},
	{"explain", "explain [-v] [-j N] [FILTER OPTIONS] NOTES...",
	    "Shows each point's score, the reasons and the filters behind it,\n"
	    "what was chosen for each paragraph or why not, and the draft each\n"
	    "draft hook changed.\n\n"
	    "options:\n"
	    "  -j, --jobs N            work in N processes (default: one a\n"
	    "                          core); the output is the same as with one\n"
	    "  -v, --verbose           a Lua traceback with filter errors\n",
	    true},
	{"init", "init [DIR]",
	    "Makes a notes repository in DIR (default: the current folder):\n"
	    "notes/ with the note template, a Makefile (drafts, check, due),\n"
	    "filters/ with a starter filter, a .gitignore for drafts/, and\n"
	    "the defaults file secondround.yaml.  It refuses when any of them\n"
	    "exists, and says what it made.\n", false},
	{"new", "new [--company C] [--role R] [--interviewer NAME[,NAME...]]\n"
	    "                     [--date WHEN] [-o DIR] [--template FILE] "
	    "[--no-edit]",
	    "Writes a note from the six-question template into DIR (default:\n"
	    "notes, else the current folder), named YYYY-MM-DD-company-role.md\n"
	    "(-2, -3 when taken), opens it in $VISUAL or $EDITOR when a\n"
	    "terminal is attached, and prints its path.\n\n"
	    "options:\n"
	    "  -c, --company C         the organisation\n"
	    "  -r, --role R            the position\n"
	    "  -i, --interviewer LIST  who interviewed you, comma-separated\n"
	    "  -d, --date WHEN         when (default: now, to the minute)\n"
	    "  -o, --output DIR        the notes folder\n"
	    "      --template FILE     the template (default: template.md of\n"
	    "                          the notes folder, else the built-in one)\n"
	    "      --no-edit           do not open an editor\n"
	    "      --now TIME          the clock (2026-03-04 12:00)\n", false},
	{"due", "due [--format text|tsv|json] [-o DIR] [--now TIME] [NOTES...]",
	    "Lists the notes not marked sent, soonest deadline first: the\n"
	    "deadline, the time left, company, role, interviewers and the\n"
	    "draft's state in DIR.  NOTES default to notes (else the current\n"
	    "folder).  Exit code 3 when a follow-up is overdue.\n\n"
	    "options:\n"
	    "      --format FORMAT     text (default), tsv or json\n"
	    "  -o, --output DIR        where the drafts are (default: the\n"
	    "                          defaults file's output, else drafts)\n"
	    "      --now TIME          the clock for deadlines (2026-03-04 12:00)\n",
	    false},
	{"sent", "sent [--date WHEN] NOTE...",
	    "Marks each note sent: its front matter's sent: field is set to\n"
	    "WHEN (default: now, to the minute), or added; every other byte of\n"
	    "the note stays, and the file is replaced at once.\n\n"
	    "options:\n"
	    "  -d, --date WHEN         when it was sent\n"
	    "      --now TIME          the clock (2026-03-04 12:00)\n", false},
	{"parse", "parse NOTES...",
	    "Prints each note's fields, sections and points as secondround\n"
	    "reads them: which heading went to which question.\n", false},
	{"help", "help [COMMAND]", "Shows the help of a command.\n", false},
	{"version", "version", "Shows the version.\n", false},
};

#define NHELPS (sizeof(helps) / sizeof(helps[0]))

/* The overview: `secondround`, `secondround help`, `--help`. */
static void
usage(FILE *f)
{
	size_t i;

	fprintf(f, "usage: %s [--help | --version] COMMAND [OPTIONS] NOTES...\n"
	    "\nTurns Markdown interview notes into follow-up emails.\n"
	    "\ncommands:\n"
	    "  build     write the drafts of every note (the default command)\n"
	    "  watch     build, then rebuild the notes that change\n"
	    "  check     report what the notes lack; nothing is written\n"
	    "  explain   show how the filters scored and chose each point\n"
	    "  init      make a notes repository\n"
	    "  new       start a note from the six-question template\n"
	    "  due       list the follow-ups not yet sent, soonest first\n"
	    "  sent      mark a note sent\n"
	    "  parse     print each note as secondround reads it\n"
	    "  help      show the help of a command\n"
	    "  version   show the version\n"
	    "\nusage of each:\n", progname);
	for (i = 0; i < NHELPS; i++)
		fprintf(f, "  %s %s\n", progname, helps[i].synopsis);
	fprintf(f, "\nNOTES are files or folders (searched for *.md, "
	    "*.markdown, *.mdown, *.mkd).\n"
	    "See '%s help COMMAND', secondround(1) and "
	    "secondround-filters(7).\n", progname);
}

/* One command's help, or -1 when there is no such command. */
int
command_help(FILE *f, const char *name)
{
	size_t i;

	for (i = 0; i < NHELPS; i++) {
		if (strcmp(helps[i].name, name) != 0)
			continue;
		fprintf(f, "usage: %s %s\n\n%s", progname, helps[i].synopsis,
		    helps[i].text);
		if (helps[i].filters)
			fprintf(f, "\n%s", filter_options);
		fprintf(f, "\nSee secondround(1)%s.\n", helps[i].filters ?
		    " and secondround-filters(7)" : "");
		return 0;
	}
	return -1;
}

/* A usage error: one line saying what is wrong, and where help is. */
/* Prints "secondround: message" on standard error, what it quotes (a
 * file name, an argument) with its control and invisible characters
 * escaped, as every message is. */
static void
vsay(const char *fmt, va_list ap)
{
	char msg[4096];

	fprintf(stderr, "%s: ", progname);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	print_visible(stderr, msg);
	fputc('\n', stderr);
}

static void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

static void
say(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
}

int
usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsay(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help'.\n", progname);
	return EXIT_USAGE;
}

/* Whether a message is about a defaults file and was printed before:
 * every note that inherits the file reads it, and its messages are said
 * once a run.  The lines printed are kept until the program ends. */
static bool
said_before(const sr_diag *diag, const char *line)
{
	static char **said;
	static size_t nsaid;
	const char *base;
	void *grown;
	size_t i;

	if (diag->path == NULL)
		return false;
	base = strrchr(diag->path, '/');
	if (strcmp(base != NULL ? base + 1 : diag->path, SR_DEFAULTS_FILE) != 0)
		return false;
	for (i = 0; i < nsaid; i++)
		if (strcmp(said[i], line) == 0)
			return true;
	if ((grown = realloc(said, (nsaid + 1) * sizeof(*said))) != NULL &&
	    (said = grown, said[nsaid] = strdup(line)) != NULL)
		nsaid++;
	return false;
}

/* Prints and forgets the diagnostics gathered so far. */
void
flush_diags(sr_diags *d, bool quiet)
{
	size_t i;
	char *line;

	for (i = 0; i < d->count; i++) {
		if (quiet && d->items[i].severity != SR_ERROR)
			continue;
		if ((line = sr_diag_format(&d->items[i])) != NULL &&
		    said_before(&d->items[i], line)) {
			free(line);
			continue;
		}
		if (line != NULL) {
			/* a message about no file is the program's */
			fprintf(stderr, "%s%s\n", d->items[i].path == NULL ?
			    "secondround: " : "", line);
			free(line);
		}
	}
	sr_diags_free(d);
}

static void
print_person(const char *label, const sr_person *p)
{
	printf("%s: %s", label, p->name ? p->name : "-");
	if (p->email)
		printf(" <%s>", p->email);
	if (p->title)
		printf(", %s", p->title);
	printf("\n");
}

/* Prints a point and its details for `secondround parse`. */
static void
print_point(const sr_point *p, const char *indent)
{
	size_t i;

	printf("%s- %d: %s\n", indent, p->line, p->text);
	printf("%s  words=%d%s", indent, p->words, p->strong ? " strong" : "");
	for (i = 0; i < p->ntags; i++)
		printf(" #%s", p->tags[i]);
	for (i = 0; i < p->nmentions; i++)
		printf(" @%s", p->mentions[i]);
	printf("\n");
	for (i = 0; i < p->ndetails; i++)
		print_point(&p->details[i], "    ");
}

/* What `secondround parse` shows: the note as every later stage sees it. */
static void
print_note(const sr_note *n)
{
	const sr_section *s;
	char buf[64];
	size_t i, j;

	fputs("note: ", stdout);
	print_visible(stdout, n->path);
	putchar('\n');
	printf("company: %s\n", n->company ? n->company : "-");
	printf("role: %s\n", n->role ? n->role : "-");
	for (i = 0; i < n->ninterviewers; i++)
		print_person("interviewer", &n->interviewers[i]);
	if (n->candidate.name || n->candidate.email)
		print_person("candidate", &n->candidate);
	if (n->has_date) {
		sr_date_format(&n->date, buf, sizeof(buf));
		printf("date: %s\n", buf);
		sr_date_format(&n->send_by, buf, sizeof(buf));
		printf("send_by: %s\n", buf);
	}
	printf("sent: %s\n", n->sent ? (n->sent_on ? n->sent_on : "yes") :
	    "no");
	if (n->tone)
		printf("tone: %s\n", n->tone);
	if (n->max_words)
		printf("max_words: %d\n", n->max_words);
	for (i = 0; i < n->nfilters; i++)
		printf("filter: %s\n", n->filters[i]);
	for (i = 0; i < n->nsections; i++) {
		s = &n->sections[i];
		printf("\n[%s] %d: %s\n", sr_key_name(s->key), s->line,
		    s->heading);
		for (j = 0; j < s->count; j++)
			print_point(&n->points[s->first + j], "");
	}
}

static bool
parse_now(const char *s, time_t *now)
{
	sr_date d;

	if (!sr_date_parse(s, &d))
		return false;
	*now = sr_date_epoch(&d);
	return true;
}

int
common_option(int c, const char *name, char **argv, time_t *now)
{
	switch (c) {
	case 'n':
		if (!parse_now(optarg, now))
			return usage_error("--now: '%s' is not a date such as "
			    "2026-03-04 12:00", optarg);
		return -1;
	case 'h':
		command_help(stdout, name);
		return 0;
	case ':':
		return usage_error("%s: it takes a value", argv[optind - 1]);
	default:
		return usage_error("unknown option '%s'", argv[optind - 1]);
	}
}

typedef enum { CMD_CHECK, CMD_PARSE, CMD_EXPLAIN, CMD_BUILD, CMD_PREVIEW,
    CMD_WATCH } command;

static const char *const command_names[] = {"check", "parse", "explain",
    "build", "build", "watch"};

/* Prints text from a note or a file name with its control characters
 * made visible: a note must not drive the terminal. */
void
print_visible(FILE *f, const char *s)
{
	char *v = sr_visible_dup(s, false);

	fputs(v != NULL ? v : "?", f);
	free(v);
}

/* What filters log (print, sr.log) is kept with the note's other
 * messages, so that with -j it comes out in the order of the notes: each
 * line with whether a filter file's top level wrote it (a file that a
 * note names runs once in each worker process: its lines are printed the
 * first time only, as with one process). */
static sr_pack log_lines;
static size_t nlog_lines, dropped_lines;

/* What one note's filters may log: past it, lines are counted, not kept
 * (the memory cap of a filter does not cover what the program keeps). */
#define MAX_LOG_LINES 1000
#define MAX_LOG_BYTES (1u << 20)

static void
log_line(void *arg, const char *line)
{
	sr_engine *const *engine = arg;

	if (nlog_lines >= MAX_LOG_LINES || log_lines.len > MAX_LOG_BYTES) {
		dropped_lines++;
		return;
	}
	sr_pack_u64(&log_lines, *engine == NULL ||
	    sr_engine_loading(*engine));
	sr_pack_str(&log_lines, line);
	nlog_lines++;
}

/* Moves the lines logged while working on an item into its message. */
static void
pack_logs(sr_pack *msg)
{
	if (dropped_lines > 0) {
		char more[96];

		snprintf(more, sizeof(more), "(%zu more lines the filters "
		    "logged were dropped)", dropped_lines);
		sr_pack_u64(&log_lines, 0);
		sr_pack_str(&log_lines, more);
		nlog_lines++;
		dropped_lines = 0;
	}
	sr_pack_u64(msg, nlog_lines);
	sr_pack_raw(msg, log_lines.data, log_lines.len);
	if (log_lines.failed)
		msg->failed = true;
	log_lines.len = 0;
	log_lines.failed = false;
	nlog_lines = 0;
}

/* The lines of files' top levels printed so far: each with how many
 * times it came in one message at most (printed), and in this one. */
static struct {
	char *line;
	size_t printed, here;
} *loaded;
static size_t nloaded;

/* Whether a file's top-level line is new: a worker that runs a file
 * sends what the file printed, and so does the next worker that runs it;
 * the lines are printed as the first message has them, once. */
static bool
first_time(const char *line)
{
	void *grown;
	size_t i;

	for (i = 0; i < nloaded; i++) {
		if (strcmp(loaded[i].line, line) != 0)
			continue;
		if (++loaded[i].here <= loaded[i].printed)
			return false;
		loaded[i].printed = loaded[i].here;
		return true;
	}
	if ((grown = realloc(loaded, (nloaded + 1) * sizeof(*loaded))) ==
	    NULL)
		return true;
	loaded = grown;
	if ((loaded[nloaded].line = strdup(line)) == NULL)
		return true;
	loaded[nloaded].printed = loaded[nloaded].here = 1;
	nloaded++;
	return true;
}

static void
print_logs(sr_unpack *u)
{
	uint64_t n = sr_unpack_u64(u), i;
	const char *line;
	bool top;

	for (i = 0; i < nloaded; i++)
		loaded[i].here = 0;
	for (i = 0; i < n && !u->bad; i++) {
		top = sr_unpack_u64(u) != 0;
		if ((line = sr_unpack_str(u)) == NULL)
			break;
		if (top && !first_time(line))
			continue;
		print_visible(stderr, line);
		fputc('\n', stderr);
	}
}

/* Prints what was logged outside any note (a filter's file running when
 * the filters are loaded), before workers copy it. */
static void
flush_logs(void)
{
	sr_pack msg = {0};
	sr_unpack u;

	pack_logs(&msg);
	u.p = msg.data;
	u.end = msg.data + msg.len;
	u.bad = msg.failed;
	print_logs(&u);
	sr_pack_free(&msg);
}

/* Tidies a path named on the command line in place: "notes//2026/"
 * reads "notes/2026", so that no message or output name holds "//". */
static char *
tidy_path(char *s)
{
	char *r = s, *w = s;

	for (; *r != '\0'; r++)
		if (!(*r == '/' && w > s && w[-1] == '/'))
			*w++ = *r;
	while (w > s + 1 && w[-1] == '/')
		w--;
	*w = '\0';
	return s;
}

/* A whole number from 1 up to max, or -1. */
static long
parse_count(const char *s, long max)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > max)
		return -1;
	return v;
}

/* "md,txt" -> a set of SR_FORMAT_*, 0 when a name is unknown. */
static unsigned
parse_formats(const char *list)
{
	static const struct {
		const char *name;
		unsigned flag;
	} names[] = {{"md", SR_FORMAT_MD}, {"txt", SR_FORMAT_TXT},
	    {"html", SR_FORMAT_HTML}, {"eml", SR_FORMAT_EML}};
	unsigned set = 0;
	size_t i, n;

	while (*list != '\0') {
		n = strcspn(list, ",");
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++)
			if (strlen(names[i].name) == n &&
			    strncmp(list, names[i].name, n) == 0)
				break;
		if (i == sizeof(names) / sizeof(names[0]))
			return 0;
		set |= names[i].flag;
		list += n;
		if (*list == ',')
			list++;
	}
	return set;
}

/* What the defaults file of the first note says of the build: its
 * output folder into *outpath (kept in *keep, which the caller frees)
 * and its formats into *fmts, each when not NULL.  0, or -1 with the
 * error printed. */
static int
build_defaults(const char *first, const char **outpath, unsigned *fmts,
    char **keep)
{
	sr_build_defaults bd;
	sr_diags d = {0};
	int rc = 0;

	if (sr_defaults_build(first, &bd, &d) != 0) {
		flush_diags(&d, false);
		return -1;
	}
	if (fmts != NULL && bd.formats != NULL &&
	    (*fmts = parse_formats(bd.formats)) == 0) {
		fprintf(stderr, "%s:%d:%d: error: 'formats': '%s' is not a list "
		    "of md, txt, html and eml\n", bd.path, bd.formats_line,
		    bd.formats_col, bd.formats);
		rc = -1;
	}
	if (outpath != NULL && bd.output != NULL) {
		*outpath = *keep = tidy_path(bd.output);
		bd.output = NULL;
	}
	sr_build_defaults_free(&bd);
	return rc;
}

/* The line a built note gets: what was written, the words, the deadline. */
static void
print_result(const char *path, const sr_build_result *res, const char *out,
    time_t now)
{
	double left;
	char span[32];

	print_visible(stderr, path);
	fputs(": ", stderr);
	if (res->kept > 0) /* one kept keeps the note's others (build.c) */
		fprintf(stderr, "kept %zu file%s as %s", res->kept,
		    res->kept == 1 ? "" : "s", res->kept == 1 ? "it is" :
		    "they are");
	else if (res->written == 0)
		fprintf(stderr, "nothing to write");
	else if (res->ndrafts > 1)
		fprintf(stderr, "wrote %zu files for %zu interviewers", res->written,
		    res->ndrafts);
	else {
		fputs("wrote ", stderr);
		print_visible(stderr, out);
		fputc('/', stderr);
		print_visible(stderr, res->first_output);
		fputs(res->written > 1 ? " and the other formats" : "", stderr);
	}
	fprintf(stderr, " (%d words", res->words);
	if (res->sent)
		fprintf(stderr, ", sent");
	else if (res->has_date) {
		left = difftime(res->send_by, now);
		sr_due_format(left, span, sizeof(span));
		if (left >= 0)
			fprintf(stderr, ", send by %s, %s left",
			    res->send_by_text, span);
		else
			fprintf(stderr, ", OVERDUE by %s: it was due %s", span,
			    res->send_by_text);
	}
	fprintf(stderr, ")\n");
	if (res->over_budget) {
		print_visible(stderr, path);
		fprintf(stderr, ": warning: the draft is %d words, over its "
		    "budget of %d\n", res->words, res->max_words);
	}
}

/* Whether a built note's line is worth a look in a big batch: it was
 * kept, warned about, over budget, or due within a day (or overdue). */
static bool
needs_attention(const sr_build_result *res, size_t warnings, time_t now)
{
	return res->status == SR_BUILD_KEPT || warnings > 0 ||
	    res->over_budget || (res->has_date && !res->sent &&
	    difftime(res->send_by, now) < 24 * 3600);
}

/* Ends a summary line: what the batch skipped, and why (files of them
 * empty). */
static void
print_skipped(size_t files, size_t empty, size_t folders)
{
	if (files > 0 && empty > 0 && empty < files)
		fprintf(stderr, "; %zu files skipped: %zu %s, %zu empty",
		    files, files - empty, files - empty == 1 ? "not a note" :
		    "not notes", empty);
	else if (files > 0)
		fprintf(stderr, "; %zu file%s skipped (%s)", files,
		    files == 1 ? "" : "s", empty > 0 ? "empty" : files == 1 ?
		    "not a note" : "not notes");
	if (folders > 0)
		fprintf(stderr, "; %zu output folder%s not read", folders,
		    folders == 1 ? "" : "s");
	fputc('\n', stderr);
}

/* Refuses an output folder inside (or equal to) a folder of notes: the
 * drafts would be read as notes next time, or overwrite them. */
/* The real path of p, or (when p does not exist yet) of its nearest
 * existing ancestor with the rest of p after it.  Caller frees. */
static char *
resolve(const char *p)
{
	char *copy, *slash, *real = realpath(p, NULL), *out;
	size_t n;

	if (real != NULL)
		return real;
	if ((copy = strdup(p)) == NULL)
		return NULL;
	while ((slash = strrchr(copy, '/')) != NULL) {
		*slash = '\0';
		if ((real = realpath(*copy ? copy : "/", NULL)) != NULL)
			break;
	}
	if (real == NULL)
		real = realpath(".", NULL);
	n = slash ? strlen(copy) : 0;
	if (real != NULL && (out = malloc(strlen(real) + strlen(p) + 2)) !=
	    NULL) {
		const char *rest = p + n;

		while (*rest == '/')
			rest++;
		sprintf(out, "%s/%s", real, rest);
		free(real);
		free(copy);
		return out;
	}
	free(real);
	free(copy);
	return NULL;
}

static bool
output_outside_notes(const char *outpath, char **roots, int nroots)
{
	char *out = resolve(outpath), *root;
	struct stat st;
	size_t n;
	int i;
	bool ok = true;

	if (out == NULL)
		return true;
	for (i = 0; i < nroots && ok; i++) {
		if (stat(roots[i], &st) == -1)
			continue;
		if (!S_ISDIR(st.st_mode)) {
			char *slash = strrchr(roots[i], '/');
			char *dir = slash ? strndup(roots[i],
			    (size_t)(slash - roots[i])) : strdup(".");

			root = dir ? realpath(dir, NULL) : NULL;
			free(dir);
			if (root != NULL && strcmp(root, out) == 0) {
				say("the output folder %s holds the note %s "
				    "itself: choose another with -o", outpath,
				    roots[i]);
				ok = false;
			}
			free(root);
			continue;
		}
		if ((root = realpath(roots[i], NULL)) == NULL)
			continue;
		n = strlen(root);
		if (strncmp(out, root, n) == 0 && (out[n] == '\0' ||
		    out[n] == '/')) {
			say("the output folder %s is inside the notes folder "
			    "%s: its drafts would be read as notes; choose "
			    "another with -o", outpath, roots[i]);
			ok = false;
		}
		free(root);
	}
	free(out);
	return ok;
}

/* build: every note's drafts, written where they changed. */
/* A batch of build, check or explain, for the work and take functions
 * of sr_jobs_run. */
typedef struct {
	command cmd;
	sr_engine *engine;
	sr_builder *builder;
	sr_paths *paths;
	const char *outpath;
	bool quiet, progress;
	time_t now;
	size_t counts[SR_BUILD_FAILED + 1], failed, warnings; /* by status */
	size_t skipped; /* files that are not notes (check and explain) */
	size_t empty;   /* of which empty (build too) */
	double saved_at; /* when build last saved the manifest */
	long max_seconds; /* a note's time budget, for the watchdog's message */
	unsigned fmts;   /* preview: the one format it prints */
	bool verbose; /* build: a line for every note */
} batch;

/* How often a long build saves its manifest on the way: what a build
 * killed outright (SIGKILL, a second Ctrl-C) wrote since is
 * all the next build can take for drafts edited by hand. */
#define CHECKPOINT_SECONDS 5.0

static double
seconds_now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* The drafts of a note in one format, for -o - (--stdout): each under a
 * line naming it when the note has several (a panel).  Caller frees. */
static char *
preview(const sr_note *note, const sr_outcome *out, unsigned fmt)
{
	sr_renderer *render = fmt == SR_FORMAT_MD ? sr_render_markdown :
	    fmt == SR_FORMAT_HTML ? sr_render_html : sr_render_text;
	size_t i, n, len = 1, used = 0;
	char *all = NULL, *one, *grown;

	for (i = 0; i < out->ndrafts; i++) {
		if (out->drafts[i].none != NULL)
			continue; /* no draft: its warning says why */
		if ((one = render(note, &out->drafts[i])) == NULL)
			goto oom;
		n = strlen(one) + 128 + (out->drafts[i].slug ?
		    strlen(out->drafts[i].slug) : 0);
		if ((grown = realloc(all, len + n)) == NULL) {
			free(one);
			goto oom;
		}
		all = grown;
		len += n;
		if (out->ndrafts > 1)
			used += (size_t)snprintf(all + used, len - used, "%s==> "
			    "the draft to %s <==\n", i > 0 ? "\n" : "",
			    out->drafts[i].to && out->drafts[i].to->name ?
			    out->drafts[i].to->name : out->drafts[i].slug ?
			    out->drafts[i].slug : "the interviewer");
		used += (size_t)snprintf(all + used, len - used, "%s", one);
		free(one);
	}
	if (all == NULL)
		all = calloc(1, 1);
	return all;
oom:
	free(all);
	return NULL;
}

/* One note's work, in a worker (or in this process, with -j 1): the
 * filters' log lines, then the rest of the note's answer. */
static void
work_note(void *arg, size_t i, sr_pack *msg)
{
	batch *b = arg;
	sr_pack part = {0};
	sr_diags diags = {0};
	sr_outcome outcome;
	sr_note *note;
	char *report = NULL;
	bool failed = true;
	int skipped = 0; /* 1 not a note, 2 an empty file */
	const sr_path *np = &b->paths->items[i];

	if (b->cmd == CMD_BUILD) {
		sr_builder_compute(b->builder, np->path, np->rel, &part);
	} else {
		if ((note = sr_note_read(np->path, &diags)) != NULL &&
		    note->not_a_note != NULL) {
			sr_note_tell_skip(note, &diags);
			failed = false;
			skipped = note->empty ? 2 : 1;
		} else if (note != NULL &&
		    sr_engine_run(b->engine, note, &outcome, &diags) == 0) {
			failed = false;
			if (b->cmd == CMD_PREVIEW) {
				if ((report = preview(note, &outcome,
				    b->fmts)) == NULL) {
					sr_diags_add(&diags, SR_ERROR, NULL, 0,
					    0, "out of memory");
					failed = true;
				}
			} else if (b->cmd == CMD_EXPLAIN) {
				if ((report = sr_explain_render(note,
				    &outcome)) == NULL) {
					sr_diags_add(&diags, SR_ERROR, NULL, 0,
					    0, "out of memory");
					failed = true;
				}
			} else {
				size_t t;

				sr_check_note(note, b->now, &diags);
				for (t = 0; t < outcome.ndrafts; t++)
					sr_check_draft(note,
					    &outcome.drafts[t], &diags);
			}
		}
		sr_note_free(note);
		sr_pack_u64(&part, failed ? 1 : skipped > 0 ?
		    1 + (uint64_t)skipped : 0);
		sr_pack_diags(&part, &diags);
		sr_pack_str(&part, report);
		free(report);
		sr_diags_free(&diags);
	}
	pack_logs(msg);
	sr_pack_raw(msg, part.data, part.len);
	if (part.failed)
		msg->failed = true;
	sr_pack_free(&part);
}

/* A note's answer when build finds it up to date at once, no filter
 * run (in a worker, with no watchdog: see sr_jobs_run_quick). */
static bool
quick_note(void *arg, size_t i, sr_pack *msg)
{
	batch *b = arg;
	const sr_path *np = &b->paths->items[i];
	sr_pack part = {0};
	bool quick;

	if (b->cmd != CMD_BUILD)
		return false;
	if ((quick = sr_builder_quick(b->builder, np->path, np->rel, &part))) {
		pack_logs(msg); /* as work_note: no line, no filter ran */
		sr_pack_raw(msg, part.data, part.len);
		if (part.failed)
			msg->failed = true;
	}
	sr_pack_free(&part);
	return quick;
}

/* One note's answer, in the order of the notes: what only happens once
 * (writing, the manifest, printing) happens here. */
static void
take_one(batch *b, size_t i, const char *msg, size_t len, sr_jobs_loss why)
{
	const char *path, *report;
	sr_unpack u = {msg, msg + len, false};
	sr_diags diags = {0};
	sr_build_result res;
	size_t warnings;

	path = b->paths->items[i].path;
	if (msg == NULL && why == SR_JOBS_TIMEOUT) {
		print_visible(stderr, path);
		fprintf(stderr, ": error: the filters ran past the time budget "
		    "of %ld s (--max-seconds) inside a function that cannot be "
		    "interrupted (a pattern match?): the worker process working "
		    "on it was stopped\n", b->max_seconds);
		b->failed++;
		return;
	}
	if (msg == NULL) {
		print_visible(stderr, path);
		fputs(": error: the worker process working on it ended "
		    "without an answer (out of memory, or killed)\n", stderr);
		b->failed++;
		return;
	}
	print_logs(&u);
	if (b->cmd != CMD_BUILD) {
		uint64_t status = sr_unpack_u64(&u);

		sr_unpack_diags(&u, &diags);
		report = sr_unpack_str(&u);
		if (status == 1 || u.bad)
			b->failed++;
		else if (status == 2 || status == 3)
			b->skipped++;
		if (status == 3)
			b->empty++;
		if (report != NULL) {
			printf("%s%s", i > 0 ? "\n" : "", report);
			fflush(stdout);
		}
		b->warnings += diags.warnings;
		flush_diags(&diags, b->quiet);
		return;
	}
	if (sr_builder_commit(b->builder, path, b->paths->items[i].rel, &u, &res,
	    &diags) != 0)
		b->failed++;
	else {
		b->counts[res.status]++;
		if (res.status == SR_BUILD_SKIPPED && res.empty)
			b->empty++;
	}
	warnings = diags.warnings;
	flush_diags(&diags, b->quiet);
	/* a line for a note only when it needs a look, unless -v */
	if (!b->quiet && res.status != SR_BUILD_UP_TO_DATE &&
	    res.status != SR_BUILD_FAILED && res.status != SR_BUILD_NO_DRAFT &&
	    res.status != SR_BUILD_SKIPPED && res.status != SR_BUILD_SENT &&
	    (b->verbose || needs_attention(&res, warnings, b->now)))
		print_result(path, &res, b->outpath, b->now);
}

/* A build stopped by a signal (Ctrl-C, a timeout's SIGTERM) stops between
 * two notes and still saves the manifest: the drafts it wrote are known
 * as its own next time, not taken for drafts edited by hand. */
static volatile sig_atomic_t interrupted;
static struct timespec interrupted_at;

/* A second signal ends the program at once, unless it comes within a
 * second of the first: `timeout` and a terminal's process group deliver
 * one request twice (to the program, then to its group), and that must
 * not kill the build before it saves the manifest. */
static void
on_signal(int sig)
{
	struct timespec now;

	clock_gettime(CLOCK_MONOTONIC, &now); /* async-signal-safe */
	if (!interrupted) {
		interrupted_at = now;
		interrupted = sig;
		sr_interrupt(); /* a long filter run stops too */
		sr_jobs_interrupt(); /* and so do the workers' */
		return;
	}
	/* the reader of our messages has gone: every further message raises
	 * it again, and none of them must end the program before the
	 * manifest is saved */
	if (sig == SIGPIPE)
		return;
	if ((now.tv_sec - interrupted_at.tv_sec) * 1000000000L +
	    (now.tv_nsec - interrupted_at.tv_nsec) >= 1000000000L) {
		signal(sig, SIG_DFL);
		raise(sig);
	}
}

static int
take_note(void *arg, size_t i, const char *msg, size_t len, sr_jobs_loss why)
{
	batch *b = arg;

	if (interrupted)
		return 1;

	/* the progress line shows the note last done; what is printed
	 * about a note goes above it */
	if (b->progress)
		fputs("\r\033[K", stderr);
	take_one(b, i, msg, len, why);
	if (b->builder != NULL &&
	    seconds_now() - b->saved_at >= CHECKPOINT_SECONDS) {
		sr_diags d = {0};

		if (sr_builder_save(b->builder, &d) != 0)
			flush_diags(&d, false);
		sr_diags_free(&d);
		b->saved_at = seconds_now();
	}
	if (b->progress) {
		fprintf(stderr, "[%zu/%zu] ", i + 1, b->paths->count);
		print_visible(stderr, b->paths->items[i].path);
		fputs("\033[K", stderr);
	}
	return 0;
}

/* The default of -j: one process a core, as many as 64. */
static unsigned
default_jobs(void)
{
	long n = sysconf(_SC_NPROCESSORS_ONLN);

	return n < 1 ? 1 : n > 64 ? 64 : (unsigned)n;
}

/* Runs the batch in `jobs` worker processes (one at least: the watchdog
 * that ends a filter stuck in C code is there only), or in this one when
 * they cannot be started.  The watchdog gives a note a second more than
 * its filters' budget, which ends what runs in Lua with a located error. */
static void
run_batch(batch *b, unsigned jobs)
{
	if (sr_jobs_run_quick(b->paths->count, jobs, (unsigned)b->max_seconds +
	    1, quick_note, work_note, take_note, b) != 0) {
		fprintf(stderr, "%s: cannot start %u worker processes (%s); "
		    "working in this one, with no watchdog\n", progname, jobs,
		    strerror(errno));
		sr_jobs_run(b->paths->count, 0, 0, work_note, take_note, b);
	}
	if (b->progress)
		fprintf(stderr, "\r\033[K");
}

static int
build(sr_engine *engine, sr_paths *paths, const char *outpath, unsigned fmts,
    bool force, bool fsync_files, bool quiet, bool verbose, time_t now,
    char **roots, int nroots, size_t failed, unsigned jobs, long max_seconds)
{
	sr_diags diags = {0};
	sr_outdir *out = NULL;
	batch b = {.cmd = CMD_BUILD, .engine = engine, .paths = paths,
	    .outpath = outpath, .quiet = quiet, .progress = !quiet &&
	    isatty(2) && paths->count > 100, .now = now, .failed = failed,
	    .fmts = fmts, .max_seconds = max_seconds};
	int rc = EXIT_USAGE;
	bool saved;

	b.saved_at = seconds_now();
	b.verbose = verbose;
	if (!output_outside_notes(outpath, roots, nroots))
		return EXIT_USAGE;
	if ((out = sr_outdir_open(outpath, fsync_files, &diags)) == NULL ||
	    !output_outside_notes(outpath, roots, nroots) ||
	    (b.builder = sr_builder_new(engine, out, fmts, force, &diags)) ==
	    NULL) {
		flush_diags(&diags, false);
		goto out;
	}
	/* what loading said (a manifest that goes to memory), before the
	 * first note's lines */
	b.warnings += diags.warnings;
	flush_diags(&diags, quiet);
	{
		struct sigaction sa;
		/* SIGPIPE: `build | head`, or a `tee` ended by the same
		 * Ctrl-C, must not kill the build before it saves */
		int sig[] = {SIGINT, SIGTERM, SIGHUP, SIGPIPE};
		size_t k;

		memset(&sa, 0, sizeof(sa));
		sa.sa_handler = on_signal;
		sa.sa_flags = SA_RESTART; /* reads and writes go on */
		sigemptyset(&sa.sa_mask); /* one handler runs at a time */
		for (k = 0; k < sizeof(sig) / sizeof(sig[0]); k++)
			sigaddset(&sa.sa_mask, sig[k]);
		/* a signal ignored when the program started (nohup, a
		 * background job's SIGINT) stays ignored */
		for (k = 0; k < sizeof(sig) / sizeof(sig[0]); k++) {
			struct sigaction old;

			if (sigaction(sig[k], NULL, &old) == 0 &&
			    old.sa_handler != SIG_IGN)
				sigaction(sig[k], &sa, NULL);
		}
	}
	run_batch(&b, jobs);
	/* the overview page, from the manifest */
	if (!interrupted && sr_builder_index(b.builder, now, &diags) != 0)
		b.failed++;
	saved = sr_builder_save(b.builder, &diags) == 0;
	if (!saved)
		b.failed++;
	if (interrupted) {
		flush_diags(&diags, quiet);
		fprintf(stderr, "%s: interrupted: %zu written; %s\n", progname,
		    b.counts[SR_BUILD_WRITTEN], saved ? "the manifest knows "
		    "them, run again to finish" : "the manifest could not be "
		    "saved (see above), its journal knows them: run again "
		    "to finish");
		rc = 128 + interrupted;
		goto out;
	}
	flush_diags(&diags, quiet);
	/* the summary, -q or not */
	fprintf(stderr, "%zu written, %zu up to date, %zu kept (edited), "
	    "%zu without a draft, %zu failed", b.counts[SR_BUILD_WRITTEN],
	    b.counts[SR_BUILD_UP_TO_DATE], b.counts[SR_BUILD_KEPT],
	    b.counts[SR_BUILD_NO_DRAFT], b.failed);
	if (b.counts[SR_BUILD_SENT] > 0)
		fprintf(stderr, "; %zu sent (no new draft)",
		    b.counts[SR_BUILD_SENT]);
	print_skipped(b.counts[SR_BUILD_SKIPPED], b.empty, paths->skipped);
	rc = b.failed > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
out:
	sr_builder_free(b.builder);
	sr_outdir_close(out);
	return rc;
}

/* The watchdog of the filters' top levels, which run in this process
 * before any worker starts: Lua code is stopped by the budget, a C
 * function that does not return ends the program. */
static char startup_late[256];
static size_t startup_late_len;

static void
on_startup_alarm(int sig)
{
	ssize_t n = write(2, startup_late, startup_late_len);

	(void)sig;
	(void)n;
	_exit(EXIT_USAGE);
}

/* The drafts of notes that are gone: removed (unless edited) and
 * forgotten, and the overview page rewritten without them. */
static int
forget(sr_engine *engine, sr_paths *gone, const char *outpath,
    unsigned fmts, bool force, bool fsync_files, bool quiet, time_t now)
{
	sr_diags diags = {0};
	sr_outdir *out;
	sr_builder *b = NULL;
	int rc = EXIT_FAILURE;
	size_t i;

	if ((out = sr_outdir_open(outpath, fsync_files, &diags)) == NULL ||
	    (b = sr_builder_new(engine, out, fmts, force, &diags)) == NULL)
		goto out;
	for (i = 0; i < gone->count; i++)
		if (sr_builder_forget(b, gone->items[i].rel, &diags) != 0)
			goto out;
	if (sr_builder_index(b, now, &diags) == 0 &&
	    sr_builder_save(b, &diags) == 0)
		rc = EXIT_SUCCESS;
out:
	flush_diags(&diags, quiet);
	sr_builder_free(b);
	sr_outdir_close(out);
	return rc;
}

/*
 * watch: a build, then a build of the notes that changed each time some
 * do, until a signal (which the build's handler turns into interrupted).
 * The clock is read again for each build, unless --now set it.
 */
static int
watch(sr_engine *engine, sr_paths *paths, const char *outpath, unsigned fmts,
    bool force, bool fsync_files, bool quiet, const time_t *fixed_now,
    char **roots, int nroots, size_t failed, unsigned jobs, bool polling,
    long max_seconds)
{
	sr_diags diags = {0};
	sr_paths changed, gone;
	sr_watch *w;
	int rc, got;

	if ((w = sr_watch_new(roots, (size_t)nroots, polling, &diags)) == NULL) {
		flush_diags(&diags, false);
		return EXIT_FAILURE;
	}
	flush_diags(&diags, quiet);
	rc = build(engine, paths, outpath, fmts, force, fsync_files, quiet,
	    true, fixed_now ? *fixed_now : time(NULL), roots, nroots, failed,
	    jobs, max_seconds);
	while (rc != EXIT_USAGE && !interrupted) {
		fprintf(stderr, "%s: watching %zu note%s (%s); Ctrl-C to stop\n",
		    progname, sr_watch_notes(w)->count,
		    sr_watch_notes(w)->count == 1 ? "" : "s",
		    sr_watch_polling(w) ? "looking every second" : "inotify");
		if ((got = sr_watch_wait(w, &changed, &gone, &interrupted,
		    &diags)) != 1) {
			flush_diags(&diags, false);
			if (got == -1)
				rc = EXIT_FAILURE;
			break;
		}
		if (gone.count > 0)
			rc = forget(engine, &gone, outpath, fmts, force,
			    fsync_files, quiet, fixed_now ? *fixed_now :
			    time(NULL));
		if (changed.count > 0)
			rc = build(engine, &changed, outpath, fmts, force,
			    fsync_files, quiet, true, fixed_now ? *fixed_now :
			    time(NULL), roots, nroots, 0, jobs, max_seconds);
		sr_paths_free(&changed);
		sr_paths_free(&gone);
	}
	sr_watch_free(w);
	if (interrupted && rc != 128 + interrupted) {
		fprintf(stderr, "%s: stopped; the drafts and the manifest are "
		    "saved\n", progname);
		rc = EXIT_SUCCESS;
	}
	return rc;
}

/*
 * check, parse and explain: read every note; check lints it and runs the
 * filters over it, parse prints it as read, explain prints what the
 * filters made of it.
 */
static int
cmd_read(int argc, char **argv, command cmd)
{
	static const struct option opts[] = {
		{"allow-outside", no_argument, NULL, 'O'},
		{"filter", required_argument, NULL, 'f'},
		{"lua-filter", required_argument, NULL, 'f'},
		{"force", no_argument, NULL, 'X'},
		{"formats", required_argument, NULL, 'T'},
		{"fsync", no_argument, NULL, 'S'},
		{"output", required_argument, NULL, 'o'},
		{"stdout", no_argument, NULL, 'P'},
		{"filters-dir", required_argument, NULL, 'F'},
		{"help", no_argument, NULL, 'h'},
		{"jobs", required_argument, NULL, 'j'},
		{"max-instructions", required_argument, NULL, 'I'},
		{"max-memory", required_argument, NULL, 'M'},
		{"max-seconds", required_argument, NULL, 'W'},
		{"no-default-filters", no_argument, NULL, 'N'},
		{"now", required_argument, NULL, 'n'},
		{"poll", no_argument, NULL, 'Q'},
		{"quiet", no_argument, NULL, 'q'},
		{"verbose", no_argument, NULL, 'v'},
		{NULL, 0, NULL, 0},
	};
	sr_engine_options eo = {0};
	sr_engine *engine = NULL;
	sr_diags diags = {0};
	sr_paths paths = {0};
	size_t i, failed = 0, warnings = 0, skipped = 0, empty = 0;
	bool quiet = false;
	time_t now = time(NULL);
	const char **filters = NULL;
	sr_note *note;
	long v;
	int c, rc = EXIT_USAGE;
	const char *outpath = "drafts";
	unsigned fmts = SR_FORMAT_MD | SR_FORMAT_TXT | SR_FORMAT_HTML;
	bool force = false, fsync_files = false, formats_given = false;
	bool output_given = false;
	char *defaults_out = NULL;
	bool now_given = false, polling = false;
	unsigned jobs = default_jobs();
	int first_note;

	if ((filters = calloc((size_t)argc, sizeof(*filters))) == NULL) {
		fprintf(stderr, "%s: out of memory\n", progname);
		return EXIT_FAILURE;
	}
	eo.filters = filters;
	eo.max_seconds = SR_DEFAULT_SECONDS;
	eo.log = log_line;
	eo.log_arg = &engine;
	optind = 1;
	opterr = 0; /* usage_error says it, in one line */
	while ((c = getopt_long(argc, argv, ":f:hj:o:qv", opts, NULL)) != -1) {
		switch (c) {
		case 'o':
			outpath = tidy_path(optarg);
			output_given = true;
			break;
		case 'P':
			outpath = "-";
			output_given = true;
			break;
		case 'S':
			fsync_files = true;
			break;
		case 'T':
			formats_given = true;
			if ((fmts = parse_formats(optarg)) == 0) {
				usage_error("--formats: '%s' is not a list "
				    "of md, txt, html and eml", optarg);
				goto out;
			}
			break;
		case 'X':
			force = true;
			break;
		case 'O':
			eo.allow_outside = paths.allow_outside = true;
			break;
		case 'f':
			filters[eo.nfilters++] = optarg;
			break;
		case 'F':
			eo.filters_dir = optarg;
			break;
		case 'h':
			command_help(stdout, command_names[cmd]);
			rc = 0;
			goto out;
		case 'I':
			if ((eo.max_instructions = parse_count(optarg,
			    LONG_MAX)) == -1) {
				usage_error("--max-instructions: '%s' is "
				    "not a positive whole number", optarg);
				goto out;
			}
			break;
		case 'W':
			if ((eo.max_seconds = parse_count(optarg, 86400)) ==
			    -1) {
				usage_error("--max-seconds: '%s' is not a "
				    "number of seconds from 1 to 86400", optarg);
				goto out;
			}
			break;
		case 'M':
			if ((v = parse_count(optarg, 1L << 20)) == -1) {
				usage_error("--max-memory: '%s' is not a "
				    "number of MiB from 1 to 1048576", optarg);
				goto out;
			}
			eo.max_memory = v * 1024 * 1024;
			break;
		case 'Q':
			polling = true;
			break;
		case 'n':
			now_given = true;
			if (!parse_now(optarg, &now)) {
				usage_error("--now: '%s' is not a date "
				    "such as 2026-03-04 12:00", optarg);
				goto out;
			}
			break;
		case 'N':
			eo.no_default_filters = true;
			break;
		case 'j':
			if ((v = parse_count(optarg, 1024)) == -1) {
				usage_error("-j: '%s' is not a number of "
				    "processes from 1 to 1024", optarg);
				goto out;
			}
			jobs = (unsigned)v;
			break;
		case 'q':
			quiet = true;
			break;
		case 'v':
			eo.traceback = true;
			break;
		case ':':
			usage_error("%s: it takes a value", argv[optind - 1]);
			goto out;
		default:
			if (optopt != 0 && optopt != '?')
				usage_error("unknown option '-%c'", optopt);
			else
				usage_error("unknown option '%s'",
				    argv[optind - 1]);
			goto out;
		}
	}
	if (optind == argc) {
		usage_error("%s: name the notes to read (files or folders)",
		    command_names[cmd]);
		goto out;
	}
	first_note = optind;
	/* the defaults file's formats and output folder, where the command
	 * line names none */
	if ((cmd == CMD_BUILD || cmd == CMD_WATCH) &&
	    (!output_given || !formats_given) &&
	    build_defaults(argv[first_note], output_given ? NULL : &outpath,
	    formats_given ? NULL : &fmts, &defaults_out) != 0) {
		rc = EXIT_FAILURE;
		goto out;
	}
	/* -o - (--stdout): the drafts on standard output, nothing written */
	if (cmd == CMD_WATCH && strcmp(outpath, "-") == 0) {
		usage_error("watch writes drafts: name a folder with -o");
		goto out;
	}
	if (cmd == CMD_BUILD && strcmp(outpath, "-") == 0) {
		if (formats_given && ((fmts & (fmts - 1)) != 0 ||
		    fmts == SR_FORMAT_EML)) {
			usage_error("--stdout prints one format: choose it with "
			    "--formats (md, txt or html)");
			goto out;
		}
		cmd = CMD_PREVIEW;
		if (!formats_given)
			fmts = SR_FORMAT_TXT;
	}
	/* A filter that cannot run is refused before any note; the files'
	 * top levels run here, under a watchdog of their own. */
	if (cmd != CMD_PARSE) {
		startup_late_len = (size_t)snprintf(startup_late,
		    sizeof(startup_late), "%s: the filters' top level ran past "
		    "the time budget of %ld s (--max-seconds) inside a function "
		    "that cannot be interrupted (a pattern match?)\n", progname,
		    eo.max_seconds);
		signal(SIGALRM, on_startup_alarm);
		alarm((unsigned)eo.max_seconds + 1);
		engine = sr_engine_new(&eo, &diags);
		alarm(0);
		signal(SIGALRM, SIG_DFL);
		if (engine == NULL) {
			flush_logs();
			flush_diags(&diags, false);
			goto out;
		}
	}
	flush_logs();
	for (; optind < argc; optind++) {
		char *under;

		tidy_path(argv[optind]);
		if (sr_notes_root(argv[optind], &under) != 0 ||
		    sr_paths_collect_under(argv[optind], under, &paths,
		    &diags) == -1)
			failed++;
		free(under);
	}
	warnings += diags.warnings;
	flush_diags(&diags, quiet);
	if (cmd == CMD_WATCH) {
		rc = watch(engine, &paths, outpath, fmts, force, fsync_files,
		    quiet, now_given ? &now : NULL, argv + first_note,
		    argc - first_note, failed, jobs, polling, eo.max_seconds);
		goto out;
	}
	if (cmd == CMD_BUILD) {
		rc = build(engine, &paths, outpath, fmts, force, fsync_files,
		    quiet, eo.traceback, now, argv + first_note,
		    argc - first_note, failed, jobs, eo.max_seconds);
		goto out;
	}
	if (cmd == CMD_PARSE) {
		for (i = 0; i < paths.count; i++) {
			if ((note = sr_note_read(paths.items[i].path,
			    &diags)) == NULL) {
				failed++;
			} else if (note->not_a_note != NULL) {
				sr_note_tell_skip(note, &diags);
				sr_note_free(note);
			} else {
				if (i > 0)
					printf("\n");
				print_note(note);
				fflush(stdout);
				sr_note_free(note);
			}
			warnings += diags.warnings;
			flush_diags(&diags, quiet);
		}
	} else {
		batch b = {.cmd = cmd, .engine = engine, .paths = &paths,
		    .outpath = outpath, .quiet = quiet, .progress = !quiet &&
		    isatty(2) && paths.count > 100, .now = now,
		    .failed = failed, .warnings = warnings, .fmts = fmts,
		    .max_seconds = eo.max_seconds};

		run_batch(&b, jobs);
		failed = b.failed;
		warnings = b.warnings;
		skipped = b.skipped;
		empty = b.empty;
	}
	if (cmd == CMD_CHECK) { /* the summary, -q or not */
		fprintf(stderr, "%zu note%s checked: %zu with errors, %zu "
		    "warning%s", paths.count - skipped, paths.count - skipped ==
		    1 ? "" : "s", failed, warnings, warnings == 1 ? "" : "s");
		print_skipped(skipped, empty, paths.skipped);
	}
	rc = failed > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
out:
	sr_paths_free(&paths);
	sr_engine_free(engine);
	sr_pack_free(&log_lines);
	while (nloaded > 0)
		free(loaded[--nloaded].line);
	free(loaded);
	free(filters);
	free(defaults_out);
	return rc;
}

static int run(int argc, char **argv);

/* What main returns, after making sure stdout reached its file: a full
 * disk must not pass for success. */
static int
finish(int rc)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "%s: cannot write the output: %s\n", progname,
		    strerror(errno));
		return rc == 0 ? EXIT_FAILURE : rc;
	}
	return rc;
}

int
main(int argc, char **argv)
{
	/* A file-size limit makes a write fail (and the draft stay whole)
	 * instead of killing the program half way through a batch. */
	signal(SIGXFSZ, SIG_IGN);
	return finish(run(argc, argv));
}

/* The command line, dispatched to a command. */
static int
run(int argc, char **argv)
{
	static const struct {
		const char *name;
		command cmd;
	} commands[] = {{"build", CMD_BUILD}, {"check", CMD_CHECK},
	    {"explain", CMD_EXPLAIN}, {"parse", CMD_PARSE},
	    {"watch", CMD_WATCH}};
	static const struct {
		const char *name;
		int (*fn)(int, char **);
	} others[] = {{"init", sr_cmd_init}, {"new", sr_cmd_new},
	    {"due", sr_cmd_due}, {"sent", sr_cmd_sent}};
	size_t i;

	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0 ||
	    (strcmp(argv[1], "help") == 0 && argc == 2)) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "help") == 0) {
		if (argc > 3)
			return usage_error("help takes one command");
		if (command_help(stdout, argv[2]) != 0)
			return usage_error("help: '%s' is not a command",
			    argv[2]);
		return 0;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0 ||
	    strcmp(argv[1], "version") == 0) {
		printf("secondround %s\n", SR_VERSION);
		return 0;
	}
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return cmd_read(argc - 1, argv + 1, commands[i].cmd);
	for (i = 0; i < sizeof(others) / sizeof(others[0]); i++)
		if (strcmp(argv[1], others[i].name) == 0)
			return others[i].fn(argc - 1, argv + 1);
	/* secondround [OPTIONS] NOTES...: build is the default command */
	if (argv[1][0] == '-' || access(argv[1], F_OK) == 0)
		return cmd_read(argc, argv, CMD_BUILD);
	/* a path that is not there: say so, as ls and cat do */
	if (strchr(argv[1], '/') != NULL || strchr(argv[1], '.') != NULL) {
		say("%s: %s", argv[1], strerror(errno));
		return EXIT_FAILURE;
	}
	return usage_error("'%s' is not a command, nor a file or folder",
	    argv[1]);
}
