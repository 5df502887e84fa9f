/*
 * init.c - `secondround init [DIR]`: a notes repository ready to use: the
 * notes folder with the note template, a Makefile, a starter filter, a
 * .gitignore for the drafts and the defaults file.  Nothing that exists is
 * overwritten: when any of the files is there, nothing is made.
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "secondround.h"
#include "commands.h"

static const char makefile[] =
    "# Makefile - the follow-up loop of this notes repository (made by\n"
    "# `secondround init`).  Right after an interview:\n"
    "#   secondround new --company C --role R --interviewer NAME\n"
    "# then, from this folder:\n"
    "#   make drafts   write the drafts of every note into drafts/\n"
    "#   make check    report what the notes lack; nothing is written\n"
    "#   make due      list the follow-ups not yet sent (fails when one is\n"
    "#                 overdue); after sending: secondround sent NOTE\n"
    "\n"
    "SECONDROUND ?= secondround\n"
    "\n"
    ".PHONY: drafts check due\n"
    "\n"
    "drafts:\n"
    "\t$(SECONDROUND) build notes\n"
    "\n"
    "check:\n"
    "\t$(SECONDROUND) check notes\n"
    "\n"
    "due:\n"
    "\t$(SECONDROUND) due notes\n";

static const char starter_filter[] =
    "-- starter.lua - a filter of your own: it scores points, and can\n"
    "-- change the draft.  Name it in a note's front matter to use it\n"
    "-- (filters: [starter.lua]) or in secondround.yaml for every note, or\n"
    "-- pass it with --filter.  See secondround-filters(7).\n"
    "\n"
    "return {\n"
    "  -- Adds to a point's score; the reason shows in `secondround explain`.\n"
    "  -- score = function(point, note)\n"
    "  --   if point.text:find(\"%d+%%\") then return 1, \"a percentage\" end\n"
    "  -- end,\n"
    "\n"
    "  -- Changes the composed draft: its greeting, paragraphs, closing.\n"
    "  -- draft = function(draft, note)\n"
    "  --   draft.closing = \"Kind regards,\"\n"
    "  -- end,\n"
    "}\n";

static const char gitignore[] =
    "# The drafts are made from the notes by `make drafts`.  To keep them\n"
    "# in Git as well (to see how a draft changed), delete this line:\n"
    "/drafts/\n";

static const char defaults[] =
    "# secondround.yaml - the defaults every note below this folder\n"
    "# inherits; a note's own front matter wins, field by field.  Errors\n"
    "# here are reported as secondround.yaml:LINE:COL.  See secondround(1).\n"
    "\n"
    "# Who you are: the drafts are signed and sent from this.\n"
    "# candidate:\n"
    "#   name: Your Name\n"
    "#   email: you@example.org\n"
    "#   signature: |\n"
    "#     Your Name\n"
    "#     +1 555 0100\n"
    "\n"
    "# tone: warm           # or formal, concise; none: the default voice\n"
    "lang: en\n"
    "# max_words: 150\n"
    "# filters: [starter.lua]  # found in filters/\n"
    "\n"
    "# What `secondround build` writes, and where (relative to this file).\n"
    "formats: [md, txt, html]\n"
    "output: drafts\n";

/* What init makes, in order: a folder when text is NULL. */
static const struct {
	const char *name, *text;
} items[] = {
	{"notes", NULL},
	{"notes/template.md", sr_default_template},
	{"filters", NULL},
	{"filters/starter.lua", starter_filter},
	{"Makefile", makefile},
	{".gitignore", gitignore},
	{SR_DEFAULTS_FILE, defaults},
};

#define NITEMS (sizeof(items) / sizeof(items[0]))

/* Writes a new file (never over one); 0, or -1 with errno set. */
static int
write_file(const char *path, const char *text)
{
	size_t len = strlen(text);
	int fd, saved;

	if ((fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666)) ==
	    -1)
		return -1;
	if (write(fd, text, len) != (ssize_t)len || close(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(path);
		errno = saved;
		return -1;
	}
	return 0;
}

int
sr_cmd_init(int argc, char **argv)
{
	const char *dir = ".";
	char path[NITEMS][PATH_MAX];
	struct stat st;
	size_t i, taken = 0;

	if (argc > 1 && (strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "--help") == 0)) {
		command_help(stdout, "init");
		return 0;
	}
	if (argc > 2)
		return usage_error("init takes one folder");
	if (argc == 2) {
		if (argv[1][0] == '-')
			return usage_error("unknown option '%s'", argv[1]);
		dir = argv[1];
	}
	if (mkdir(dir, 0777) == -1 && errno != EEXIST) {
		fprintf(stderr, "secondround: init: cannot make %s: %s\n", dir,
		    strerror(errno));
		return EXIT_FAILURE;
	}
	/* all or nothing: say every file in the way first */
	for (i = 0; i < NITEMS; i++) {
		if (snprintf(path[i], PATH_MAX, "%s/%s", dir, items[i].name) >=
		    PATH_MAX) {
			fprintf(stderr, "secondround: init: %s: the name is too "
			    "long\n", dir);
			return EXIT_FAILURE;
		}
		if (lstat(path[i], &st) == 0 && (items[i].text != NULL ||
		    !S_ISDIR(st.st_mode))) {
			fprintf(stderr, "secondround: init: %s exists; it is "
			    "left as it is\n", path[i]);
			taken++;
		}
	}
	if (taken > 0) {
		fprintf(stderr, "secondround: init: nothing made: %zu of its "
		    "files exist%s\n", taken, taken == 1 ? "s" : "");
		return EXIT_FAILURE;
	}
	for (i = 0; i < NITEMS; i++) {
		if (items[i].text == NULL) {
			if (mkdir(path[i], 0777) == -1) {
				if (errno == EEXIST)
					continue; /* a folder of notes is kept */
				goto fail;
			}
		} else if (write_file(path[i], items[i].text) == -1)
			goto fail;
		printf("made %s%s\n", path[i], items[i].text ? "" : "/");
	}
	printf("next: fill in the candidate in %s/%s, then run "
	    "'secondround new' in %s\n", dir, SR_DEFAULTS_FILE, dir);
	return 0;
fail:
	fprintf(stderr, "secondround: init: cannot make %s: %s\n", path[i],
	    strerror(errno));
	return EXIT_FAILURE;
}
