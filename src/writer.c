/*
 * writer.c - the output folder: files are written atomically (a temporary
 * file in the same folder, then rename), so a crash or a full disk never
 * leaves half a draft in place of a good one.  Every folder is opened with
 * O_NOFOLLOW from the output folder down, and the output folder's own path
 * is checked component by component: nothing is written through a
 * symbolic link, so nothing lands outside the output folder.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

struct sr_outdir {
	char *path;
	int fd;
	bool fsync;
	unsigned long seq; /* for temporary names */
};

/* Refuses a path any existing component of which is a symbolic link. */
static bool
check_components(const char *path, sr_diags *diags)
{
	char *copy = strdup(path), *p;
	struct stat st;
	bool ok = true;

	if (copy == NULL)
		return false;
	for (p = copy + 1; ok; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (lstat(copy, &st) == 0 && S_ISLNK(st.st_mode)) {
			sr_diags_add(diags, SR_ERROR, copy, 0, 0, "is a symbolic "
			    "link: the output folder and the folders above it "
			    "must be real folders, so that nothing is written "
			    "elsewhere");
			ok = false;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(copy);
	return ok;
}

/* mkdir -p, refusing links; every component is created as a folder. */
static int
make_dirs(const char *path, sr_diags *diags)
{
	char *copy = strdup(path), *p;
	int rc = 0;

	if (copy == NULL)
		return -1;
	for (p = copy + 1; ; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(copy, 0777) == -1 && errno != EEXIST) {
			sr_diags_add(diags, SR_ERROR, copy, 0, 0, "cannot make "
			    "the output folder: %s", strerror(errno));
			rc = -1;
			break;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(copy);
	return rc;
}

sr_outdir *
sr_outdir_open(const char *path, bool fsync_files, sr_diags *diags)
{
	sr_outdir *o;

	if (*path == '\0') {
		sr_diags_add(diags, SR_ERROR, NULL, 0, 0, "the output folder "
		    "has an empty name");
		return NULL;
	}
	if (!check_components(path, diags) || make_dirs(path, diags) == -1 ||
	    !check_components(path, diags))
		return NULL;
	if ((o = calloc(1, sizeof(*o))) == NULL || (o->path = strdup(path)) ==
	    NULL) {
		free(o);
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory");
		return NULL;
	}
	o->fsync = fsync_files;
	o->fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (o->fd == -1) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot open the "
		    "output folder: %s", strerror(errno));
		sr_outdir_close(o);
		return NULL;
	}
	return o;
}

void
sr_outdir_close(sr_outdir *o)
{
	if (o == NULL)
		return;
	if (o->fd >= 0)
		close(o->fd);
	free(o->path);
	free(o);
}

const char *
sr_outdir_path(const sr_outdir *o)
{
	return o->path;
}

/*
 * Opens the folder that holds rel (creating it) and returns its fd, with
 * *name pointing at rel's last component.  -1 with an error in diags.
 */
static int
open_parent(sr_outdir *o, const char *rel, const char **name,
    bool create, sr_diags *diags)
{
	char part[256];
	const char *p = rel, *slash;
	int fd = dup(o->fd), next;
	size_t n;

	if (fd == -1)
		goto fail;
	while ((slash = strchr(p, '/')) != NULL) {
		n = (size_t)(slash - p);
		if (n == 0 || n >= sizeof(part) ||
		    (n <= 2 && strncmp(p, "..", n) == 0)) {
			errno = EINVAL;
			goto fail;
		}
		memcpy(part, p, n);
		part[n] = '\0';
		if (create && mkdirat(fd, part, 0777) == -1 && errno != EEXIST)
			goto fail;
		next = openat(fd, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW |
		    O_CLOEXEC);
		if (next == -1) {
			if ((errno == ELOOP || errno == ENOTDIR) &&
			    diags != NULL) {
				sr_diags_add(diags, SR_ERROR, o->path, 0, 0,
				    "%.*s is not a folder (a symbolic link?): "
				    "refused", (int)(slash - rel), rel);
				close(fd);
				return -1;
			}
			goto fail;
		}
		close(fd);
		fd = next;
		p = slash + 1;
	}
	*name = p;
	return fd;
fail:
	if (diags != NULL)
		sr_diags_add(diags, SR_ERROR, o->path, 0, 0, "cannot open the "
		    "folder of %s: %s", rel, strerror(errno));
	if (fd != -1)
		close(fd);
	return -1;
}

int
sr_outdir_write(sr_outdir *o, const char *rel, const char *data, size_t len,
    sr_diags *diags)
{
	char tmp[300];
	const char *name;
	size_t done = 0;
	ssize_t n;
	int dir, fd = -1, tries, err;

	if ((dir = open_parent(o, rel, &name, true, diags)) == -1)
		return -1;
	for (tries = 0; tries < 100; tries++) {
		snprintf(tmp, sizeof(tmp), ".%.200s.%ld.%lu.tmp", name,
		    (long)getpid(), o->seq++);
		fd = openat(dir, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW |
		    O_CLOEXEC, 0666);
		if (fd != -1 || errno != EEXIST)
			break;
	}
	if (fd == -1) {
		err = errno;
		close(dir);
		sr_diags_add(diags, SR_ERROR, o->path, 0, 0, "cannot write %s: "
		    "%s", rel, strerror(err));
		return -1;
	}
	while (done < len) {
		n = write(fd, data + done, len - done);
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1)
			goto fail;
		done += (size_t)n;
	}
	if (o->fsync && fsync(fd) == -1)
		goto fail;
	if (close(fd) == -1) {
		fd = -1;
		goto fail;
	}
	fd = -1;
	if (renameat(dir, tmp, dir, name) == -1)
		goto fail;
	/* with --fsync the rename itself is made durable too */
	if (o->fsync)
		fsync(dir);
	close(dir);
	return 0;
fail:
	err = errno;
	if (fd != -1)
		close(fd);
	unlinkat(dir, tmp, 0); /* never leave half a file behind */
	close(dir);
	sr_diags_add(diags, SR_ERROR, o->path, 0, 0, "cannot write %s: %s",
	    rel, strerror(err));
	return -1;
}

char *
sr_outdir_read(sr_outdir *o, const char *rel, size_t *len, bool *absent)
{
	const char *name;
	struct stat st;
	char *data = NULL;
	size_t got = 0;
	ssize_t n;
	int dir, fd;

	*absent = false;
	if ((dir = open_parent(o, rel, &name, false, NULL)) == -1) {
		/* no folder, or a link where one should be (which the write
		 * then refuses, saying so): nothing there to keep */
		*absent = errno == ENOENT || errno == ELOOP || errno == ENOTDIR;
		return NULL;
	}
	/* O_NONBLOCK: a FIFO named like a draft must not hang the build */
	fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd == -1)
		*absent = errno == ENOENT;
	close(dir);
	if (fd == -1)
		return NULL;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size > 64ULL * 1024 * 1024 ||
	    (data = malloc((size_t)st.st_size + 1)) == NULL)
		goto out;
	while (got < (size_t)st.st_size) {
		n = read(fd, data + got, (size_t)st.st_size - got);
		if (n == -1 && errno == EINTR)
			continue;
		if (n <= 0)
			break;
		got += (size_t)n;
	}
	data[got] = '\0';
	*len = got;
out:
	close(fd);
	return data;
}
