/*
 * sent.c - `secondround sent NOTE...`: marks each note sent by setting its
 * `sent:` field (sr_note_mark_sent edits the text; every other byte stays),
 * then replaces the file at once: a temporary file beside it, renamed over
 * it, so that a crash leaves the old note or the new one, never half.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "secondround.h"
#include "commands.h"

/* Replaces the file at path by data: a temporary file in its folder with
 * its mode, flushed, then renamed over it.  0, or -1 with errno set. */
static int
replace_file(const char *path, const char *data, size_t len)
{
	char tmp[PATH_MAX];
	const char *slash = strrchr(path, '/');
	struct stat st;
	int fd, saved;

	if (stat(path, &st) == -1)
		return -1;
	if (snprintf(tmp, sizeof(tmp), "%.*s.sent-XXXXXX", slash ? (int)(slash -
	    path + 1) : 0, path) >= (int)sizeof(tmp)) {
		errno = ENAMETOOLONG;
		return -1;
	}
	if ((fd = mkstemp(tmp)) == -1)
		return -1;
	if (fchmod(fd, st.st_mode & 07777) == -1 ||
	    write(fd, data, len) != (ssize_t)len || fsync(fd) == -1 ||
	    close(fd) == -1) {
		saved = errno;
		close(fd);
		unlink(tmp);
		errno = saved;
		return -1;
	}
	if (rename(tmp, path) == -1) {
		saved = errno;
		unlink(tmp);
		errno = saved;
		return -1;
	}
	return 0;
}

/* Marks one note; 0, or -1 with the error printed. */
static int
mark(const char *named, const char *value)
{
	sr_diags d = {0};
	char *path = realpath(named, NULL), *data = NULL, *text = NULL;
	size_t len, outlen;
	int rc = -1;

	/* a link to a note: the note itself is replaced, the link stays */
	if ((data = sr_note_read_bytes(named, &len, &d)) == NULL)
		goto out;
	if (path == NULL) {
		sr_diags_add(&d, SR_ERROR, named, 0, 0, "cannot read: %s",
		    strerror(errno));
		goto out;
	}
	if (strlen(data) != len) {
		sr_diags_add(&d, SR_ERROR, named, 0, 0, "a NUL byte: not a note");
		goto out;
	}
	if ((text = sr_note_mark_sent(named, data, len, value, &outlen,
	    &d)) == NULL)
		goto out;
	if (replace_file(path, text, outlen) == -1) {
		sr_diags_add(&d, SR_ERROR, named, 0, 0, "cannot write: %s",
		    strerror(errno));
		goto out;
	}
	print_visible(stdout, named);
	printf(": sent: %s\n", value);
	rc = 0;
out:
	flush_diags(&d, false);
	free(path);
	free(data);
	free(text);
	return rc;
}

int
sr_cmd_sent(int argc, char **argv)
{
	static const struct option opts[] = {
		{"date", required_argument, NULL, 'd'},
		{"help", no_argument, NULL, 'h'},
		{"now", required_argument, NULL, 'n'},
		{NULL, 0, NULL, 0},
	};
	const char *when = NULL;
	char value[64];
	time_t now = time(NULL);
	sr_date d;
	int c, i, rc, failed = 0;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":d:h", opts, NULL)) != -1) {
		switch (c) {
		case 'd':
			when = optarg;
			break;
		default:
			if ((rc = common_option(c, "sent", argv, &now)) != -1)
				return rc;
		}
	}
	if (optind == argc)
		return usage_error("sent: name the note that was sent");
	if (when != NULL) {
		if (!sr_date_parse(when, &d) || strlen(when) >= sizeof(value))
			return usage_error("--date: '%s' is not a date such as "
			    "2026-03-04 12:00", when);
		snprintf(value, sizeof(value), "%s", when);
	} else
		sr_date_local(now, value, sizeof(value));
	for (i = optind; i < argc; i++)
		if (mark(argv[i], value) != 0)
			failed++;
	return failed > 0 ? EXIT_FAILURE : 0;
}
