/*
 * new.c - `secondround new`: a fresh note from the six-question template,
 * its front matter filled in (the date defaults to now), named
 * YYYY-MM-DD-company-role.md in the notes folder, never over another note;
 * then opened in the user's editor when a terminal is attached.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "secondround.h"
#include "commands.h"

/* The article's six questions, each with a hint in a Markdown comment
 * (an HTML comment: the reader takes no point from it, so it never
 * reaches a draft).  {{company}}, {{role}}, {{date}} and {{interviewer}}
 * are filled in as YAML values. */
const char sr_default_template[] =
    "---\n"
    "company: {{company}}\n"
    "role: {{role}}\n"
    "date: {{date}}\n"
    "interviewer: {{interviewer}}\n"
    "---\n"
    "\n"
    "## When did they become excited or more attentive?\n"
    "<!-- What you were saying when they leaned in: one item each. -->\n"
    "\n"
    "## What did they share that excited you?\n"
    "<!-- Their plans, their team, their work that you want more of. -->\n"
    "\n"
    "## What guidance did they give?\n"
    "<!-- Advice and what they look for, in their words. -->\n"
    "\n"
    "## What problems do they need to solve?\n"
    "<!-- Their problems, with the numbers they gave. -->\n"
    "\n"
    "## What do you wish you had said differently?\n"
    "<!-- What you said, then what you meant. -->\n"
    "\n"
    "## What do you wish you had said but didn't get the chance to?\n"
    "<!-- Your evidence for their problems: what you did, with numbers. "
    "-->\n";

/* s as a YAML double-quoted scalar ("" for NULL: an empty field), onto
 * out. */
static void
put_yaml(FILE *out, const char *s)
{
	if (s == NULL)
		return;
	fputc('"', out);
	for (; *s != '\0'; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			fprintf(out, "\\%c", c);
		else if (c < 0x20 || c == 0x7F)
			fprintf(out, "\\x%02X", c);
		else
			fputc(c, out);
	}
	fputc('"', out);
}

/* The interviewers as a YAML value: "A" or ["A", "B"]. */
static void
put_people(FILE *out, char *list)
{
	char *name, *save = NULL;
	int n = 0;
	bool many = strchr(list, ',') != NULL;

	if (many)
		fputc('[', out);
	for (name = strtok_r(list, ",", &save); name != NULL;
	    name = strtok_r(NULL, ",", &save)) {
		while (*name == ' ')
			name++;
		if (*name == '\0')
			continue;
		fputs(n++ > 0 ? ", " : "", out);
		put_yaml(out, name);
	}
	if (many)
		fputc(']', out);
}

/* The template with its {{fields}} filled in, onto out. */
static void
fill(FILE *out, const char *tpl, const char *company, const char *role,
    const char *date, char *people)
{
	static const char *const names[] = {"company", "role", "date",
	    "interviewer"};
	const char *p = tpl, *end;
	size_t i, n;

	while ((end = strstr(p, "{{")) != NULL) {
		fwrite(p, 1, (size_t)(end - p), out);
		p = end;
		for (i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
			n = strlen(names[i]);
			if (strncmp(p + 2, names[i], n) == 0 &&
			    strncmp(p + 2 + n, "}}", 2) == 0)
				break;
		}
		if (i == sizeof(names) / sizeof(names[0])) {
			fputs("{{", out); /* not ours: kept */
			p += 2;
			continue;
		}
		if (i == 0)
			put_yaml(out, company);
		else if (i == 1)
			put_yaml(out, role);
		else if (i == 2)
			fputs(date, out);
		else if (people != NULL)
			put_people(out, people);
		p += 2 + n + 2;
	}
	fputs(p, out);
}

/* The file name's part from the company and the role: lower-case ASCII
 * letters, digits and dashes (a Latin-1 letter loses its accent), at most
 * 64 bytes; "note" when nothing is left. */
static void
slug(const char *company, const char *role, char *out, size_t size)
{
	/* U+00C0 to U+00FF without their accents ('-': not a letter) */
	static const char latin1[] = "aaaaaaaceeeeiiiidnooooo-ouuuuyts"
	    "aaaaaaaceeeeiiiidnooooo-ouuuuyty";
	const char *parts[2] = {company, role};
	size_t n = 0, max = size - 1 < 64 ? size - 1 : 64, k;
	const unsigned char *s;
	char c;

	for (k = 0; k < 2; k++) {
		for (s = (const unsigned char *)parts[k]; s != NULL && *s != '\0';
		    s++) {
			if (*s < 0x80)
				c = (char)(*s >= 'A' && *s <= 'Z' ? *s + 32 : *s);
			else if ((*s == 0xC3) && s[1] >= 0x80 && s[1] <= 0xBF) {
				c = latin1[*++s - 0x80];
			} else
				c = '-';
			if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
				c = '-';
			if (c == '-' && (n == 0 || out[n - 1] == '-'))
				continue;
			if (n == max)
				break;
			out[n++] = c;
		}
		if (n > 0 && n < max && out[n - 1] != '-')
			out[n++] = '-';
	}
	while (n > 0 && out[n - 1] == '-')
		n--;
	out[n] = '\0';
	if (n == 0)
		snprintf(out, size, "note");
}

/* mkdir -p. */
static int
make_dirs(const char *path)
{
	char buf[PATH_MAX], *p;

	if (snprintf(buf, sizeof(buf), "%s", path) >= (int)sizeof(buf)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	for (p = buf + 1; *p != '\0'; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(buf, 0777) == -1 && errno != EEXIST)
			return -1;
		*p = '/';
	}
	return mkdir(buf, 0777) == -1 && errno != EEXIST ? -1 : 0;
}

/* Whether dir/name exists. */
static bool
has(const char *dir, const char *name)
{
	char probe[PATH_MAX];
	struct stat st;

	return snprintf(probe, sizeof(probe), "%s/%s", dir, name) <
	    (int)sizeof(probe) && stat(probe, &st) == 0;
}

/* The template of a notes folder: template.md in it or in a folder above
 * it, up to its notes root (a folder named notes or holding .secondround)
 * or the repository's root; NULL when there is none.  Caller frees. */
static char *
find_template(const char *dir)
{
	char *d = realpath(dir, NULL), *slash, *path = NULL;
	size_t n;

	while (d != NULL) {
		if (has(d, "template.md")) {
			n = strlen(d) + sizeof("/template.md");
			if ((path = malloc(n)) != NULL)
				snprintf(path, n, "%s/template.md", d);
			break;
		}
		slash = strrchr(d, '/');
		if (slash == NULL || slash == d || strcmp(slash + 1, "notes") ==
		    0 || has(d, ".secondround") || has(d, ".git"))
			break;
		*slash = '\0';
	}
	free(d);
	return path;
}

/* The template's text: the file named, the notes folder's, or the
 * default.  Caller frees; NULL with the error printed. */
static char *
read_template(const char *named, const char *dir)
{
	char *found = named ? NULL : find_template(dir), *text = NULL;
	const char *path = named ? named : found;
	sr_diags d = {0};
	size_t len;

	if (path == NULL)
		return strdup(sr_default_template);
	if ((text = sr_note_read_bytes(path, &len, &d)) != NULL &&
	    strlen(text) != len) {
		sr_diags_add(&d, SR_ERROR, path, 0, 0, "the template holds a "
		    "NUL byte");
		free(text);
		text = NULL;
	}
	flush_diags(&d, false);
	free(found);
	return text;
}

/* The process's umask, for the mode of a new file. */
static mode_t
umask_now(void)
{
	mode_t m = umask(022);

	umask(m);
	return m;
}

/* Writes text as a new note dir/NAME.md, NAME-2.md, ... (never over a
 * file): a temporary file first, then linked under the first free name.
 * The name goes into path; 0, or -1 with the error printed. */
static int
write_new(const char *dir, const char *name, const char *text,
    char *path, size_t size)
{
	char tmp[PATH_MAX];
	size_t len = strlen(text);
	int fd, k, rc = -1;

	if (snprintf(tmp, sizeof(tmp), "%s/.new-XXXXXX", dir) >=
	    (int)sizeof(tmp) || (fd = mkstemp(tmp)) == -1) {
		fprintf(stderr, "secondround: new: cannot write in %s: %s\n",
		    dir, strerror(errno));
		return -1;
	}
	if (fchmod(fd, 0666 & ~umask_now()) == -1 || write(fd, text, len) !=
	    (ssize_t)len || fsync(fd) == -1) {
		fprintf(stderr, "secondround: new: cannot write %s: %s\n", tmp,
		    strerror(errno));
		close(fd);
		goto out;
	}
	close(fd);
	for (k = 1; k < 1000; k++) {
		if (k == 1)
			snprintf(path, size, "%s/%s.md", dir, name);
		else
			snprintf(path, size, "%s/%s-%d.md", dir, name, k);
		if (link(tmp, path) == 0) {
			rc = 0;
			break;
		}
		if (errno != EEXIST) {
			fprintf(stderr, "secondround: new: cannot write %s: "
			    "%s\n", path, strerror(errno));
			break;
		}
	}
	if (k == 1000)
		fprintf(stderr, "secondround: new: %s/%s-2.md to -999.md all "
		    "exist\n", dir, name);
out:
	unlink(tmp);
	return rc;
}

/* Opens path in $VISUAL or $EDITOR (a command line, run by the shell). */
static void
edit(const char *path)
{
	const char *editor = getenv("VISUAL");
	pid_t pid;
	int status;

	if (editor == NULL || *editor == '\0')
		editor = getenv("EDITOR");
	if (editor == NULL || *editor == '\0')
		return;
	if ((pid = fork()) == 0) {
		char cmd[PATH_MAX];

		snprintf(cmd, sizeof(cmd), "%s \"$1\"", editor);
		execl("/bin/sh", "sh", "-c", cmd, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid == -1 || waitpid(pid, &status, 0) == -1 ||
	    !WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fprintf(stderr, "secondround: new: the editor (%s) did not end "
		    "well; the note is there all the same\n", editor);
}

int
sr_cmd_new(int argc, char **argv)
{
	static const struct option opts[] = {
		{"company", required_argument, NULL, 'c'},
		{"date", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{"interviewer", required_argument, NULL, 'i'},
		{"no-edit", no_argument, NULL, 'E'},
		{"now", required_argument, NULL, 'n'},
		{"output", required_argument, NULL, 'o'},
		{"role", required_argument, NULL, 'r'},
		{"template", required_argument, NULL, 't'},
		{NULL, 0, NULL, 0},
	};
	const char *company = NULL, *role = NULL, *when = NULL;
	char *dir = NULL;
	const char *tpl_name = NULL;
	char *people = NULL, *tpl = NULL, *text = NULL, date[64], name[96];
	char path[PATH_MAX], base[80];
	bool no_edit = false;
	time_t now = time(NULL);
	size_t len;
	sr_date d;
	FILE *f;
	int c, rc = EXIT_USAGE;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:d:hi:o:r:", opts, NULL)) !=
	    -1) {
		switch (c) {
		case 'c': company = optarg; break;
		case 'r': role = optarg; break;
		case 'i': people = optarg; break;
		case 'd': when = optarg; break;
		case 'o': dir = optarg; break;
		case 't': tpl_name = optarg; break;
		case 'E': no_edit = true; break;
		default:
			if ((rc = common_option(c, "new", argv, &now)) != -1)
				return rc;
		}
	}
	if (optind < argc)
		return usage_error("new: '%s': new takes no file; name the "
		    "folder with -o", argv[optind]);
	if (when != NULL) {
		if (!sr_date_parse(when, &d) || strpbrk(when, "\r\n"))
			return usage_error("--date: '%s' is not a date such as "
			    "2026-03-02 11:00", when);
		snprintf(date, sizeof(date), "%s", when);
	} else {
		sr_date_local(now, date, sizeof(date));
		sr_date_parse(date, &d);
	}
	if (dir == NULL) {
		struct stat st;

		dir = stat("notes", &st) == 0 && S_ISDIR(st.st_mode) ?
		    (char *)"notes" : (char *)".";
	}
	for (len = strlen(dir); len > 1 && dir[len - 1] == '/'; len--)
		dir[len - 1] = '\0'; /* "notes/" names "notes/x.md" */
	if (make_dirs(dir) == -1) {
		fprintf(stderr, "secondround: new: cannot make %s: %s\n", dir,
		    strerror(errno));
		return EXIT_FAILURE;
	}
	rc = EXIT_FAILURE;
	if ((tpl = read_template(tpl_name, dir)) == NULL)
		goto out;
	if (people != NULL && (people = strdup(people)) == NULL)
		goto out;
	if ((f = open_memstream(&text, &len)) == NULL)
		goto out;
	fill(f, tpl, company, role, date, people);
	if (fclose(f) != 0)
		goto out;
	slug(company, role, base, sizeof(base));
	snprintf(name, sizeof(name), "%04d-%02d-%02d-%s", d.year, d.month,
	    d.day, base);
	if (write_new(dir, name, text, path, sizeof(path)) != 0)
		goto out;
	printf("%s\n", path);
	fflush(stdout);
	if (!no_edit && isatty(0) && isatty(1))
		edit(path);
	rc = 0;
out:
	free(people);
	free(tpl);
	free(text);
	return rc;
}
