/*
 * secondround.c - the command-line program: parses arguments, hands files to
 * the library, prints what the library reports, and chooses the exit code
 * (0 all good, 1 some note failed, 2 usage error).  No note logic lives here.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "secondround.h"

#define EXIT_USAGE 2

static const char *progname = "secondround";

static void
usage(FILE *f)
{
	fprintf(f,
	    "usage: %s [--help | --version]\n"
	    "       %s check [-q] [--now TIME] NOTES...\n"
	    "       %s parse NOTES...\n"
	    "\n"
	    "Turns Markdown interview notes into follow-up emails.\n"
	    "\n"
	    "commands:\n"
	    "  check     read every note and report errors and warnings;\n"
	    "            nothing is written\n"
	    "  parse     print each note's fields, sections and points as\n"
	    "            secondround reads them\n"
	    "\n"
	    "options:\n"
	    "  -q, --quiet    print errors only, and no summary\n"
	    "      --now TIME the clock for deadlines (2026-03-04 12:00)\n"
	    "  -h, --help     show this help\n"
	    "  -V, --version  show the version\n"
	    "\n"
	    "NOTES are files or folders (searched recursively for *.md).\n"
	    "See secondround(1).\n", progname, progname, progname);
}

/* Prints and forgets the diagnostics gathered so far. */
static void
flush_diags(sr_diags *d, bool quiet)
{
	size_t i;
	char *line;

	for (i = 0; i < d->count; i++) {
		if (quiet && d->items[i].severity != SR_ERROR)
			continue;
		if ((line = sr_diag_format(&d->items[i])) != NULL) {
			fprintf(stderr, "%s\n", line);
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

	printf("note: %s\n", n->path);
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

/* check and parse: read every note; check lints it, parse prints it. */
static int
cmd_read(int argc, char **argv, bool print)
{
	static const struct option opts[] = {
		{"help", no_argument, NULL, 'h'},
		{"now", required_argument, NULL, 'n'},
		{"quiet", no_argument, NULL, 'q'},
		{NULL, 0, NULL, 0},
	};
	sr_diags diags = {0};
	sr_paths paths = {0};
	size_t i, failed = 0, warnings = 0;
	bool quiet = false;
	time_t now = time(NULL);
	sr_note *note;
	int c;

	optind = 1;
	while ((c = getopt_long(argc, argv, "hq", opts, NULL)) != -1) {
		switch (c) {
		case 'h':
			usage(stdout);
			return 0;
		case 'n':
			if (!parse_now(optarg, &now)) {
				fprintf(stderr, "%s: --now: '%s' is not a date "
				    "such as 2026-03-04 12:00\n", progname,
				    optarg);
				return EXIT_USAGE;
			}
			break;
		case 'q':
			quiet = true;
			break;
		default:
			usage(stderr);
			return EXIT_USAGE;
		}
	}
	if (optind == argc) {
		fprintf(stderr, "%s %s: name the notes to read (files or "
		    "folders)\n", progname, argv[0]);
		usage(stderr);
		return EXIT_USAGE;
	}
	for (; optind < argc; optind++)
		if (sr_paths_collect(argv[optind], &paths, &diags) == -1)
			failed++;
	warnings += diags.warnings;
	flush_diags(&diags, quiet);
	for (i = 0; i < paths.count; i++) {
		if ((note = sr_note_read(paths.items[i], &diags)) == NULL)
			failed++;
		else if (print) {
			if (i > 0)
				printf("\n");
			print_note(note);
			fflush(stdout);
		} else
			sr_check_note(note, now, &diags);
		warnings += diags.warnings;
		flush_diags(&diags, quiet);
		sr_note_free(note);
	}
	if (!quiet && !print)
		fprintf(stderr, "%zu note%s checked: %zu with errors, %zu "
		    "warning%s\n", paths.count, paths.count == 1 ? "" : "s",
		    failed, warnings, warnings == 1 ? "" : "s");
	sr_paths_free(&paths);
	return failed > 0 ? EXIT_FAILURE : EXIT_SUCCESS;
}

int
main(int argc, char **argv)
{
	if (argc < 2) {
		usage(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
		usage(stdout);
		return 0;
	}
	if (strcmp(argv[1], "-V") == 0 || strcmp(argv[1], "--version") == 0) {
		printf("secondround %s\n", SR_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "check") == 0)
		return cmd_read(argc - 1, argv + 1, false);
	if (strcmp(argv[1], "parse") == 0)
		return cmd_read(argc - 1, argv + 1, true);
	fprintf(stderr, "%s: unknown command '%s'\n", progname, argv[1]);
	usage(stderr);
	return EXIT_USAGE;
}
