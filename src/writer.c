/*
 * writer.c - the output folder: files are written atomically (a temporary
 * file in the same folder, then rename), so a crash or a full disk never
 * leaves half a draft in place of a good one.  Every folder is opened with
 * O_NOFOLLOW from the output folder down, and the output folder's own path
 * is checked component by component: nothing is written through a
 * symbolic link, so nothing lands outside the output folder.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "internal.h"

struct sr_outdir {
	char *path;
	int fd;
	bool fsync;
	unsigned long seq; /* for temporary names */
	long pid;          /* for temporary names too */
	/* The folder last opened under the output folder (drafts of a note
	 * go to one folder, and the notes of a folder come one after the
	 * other): its path, its fd, and whether this run made it, in which
	 * case nothing is in it but what this run wrote. */
	char *dir;
	int dir_fd;
	bool dir_fresh;
	bool top_fresh; /* the output folder itself is new */
	int lock_fd;    /* the lock of the folder, held; -1: none */
	/* The regular files of one folder, listed once for sr_outdir_has (a
	 * rebuild asks for every draft of every note, folder by folder): the
	 * folder ("" the output folder; NULL: none listed) and its names,
	 * sorted, temporary files left out.  Whatever adds or removes a name
	 * here drops the listing (unlist). */
	char *listed;
	sr_names listing;
};

#define LOCK_NAME ".secondround-lock"

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
	struct stat st;
	bool fresh;

	if (*path == '\0') {
		sr_diags_add(diags, SR_ERROR, NULL, 0, 0, "the output folder "
		    "has an empty name");
		return NULL;
	}
	fresh = lstat(path, &st) == -1 && errno == ENOENT;
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
	o->pid = (long)getpid();
	o->top_fresh = fresh;
	o->dir_fd = o->lock_fd = -1;
	o->fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
	if (o->fd == -1) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot open the "
		    "output folder: %s", strerror(errno));
		sr_outdir_close(o);
		return NULL;
	}
	return o;
}

/* Drops the listing of sr_outdir_has: a name may have come or gone. */
static void
unlist(sr_outdir *o)
{
	sr_names_free(&o->listing);
	free(o->listed);
	o->listed = NULL;
}

void
sr_outdir_close(sr_outdir *o)
{
	if (o == NULL)
		return;
	if (o->dir_fd >= 0)
		close(o->dir_fd);
	/* removed while still held: a run waiting on it then tries again */
	if (o->lock_fd >= 0) {
		unlinkat(o->fd, LOCK_NAME, 0);
		close(o->lock_fd);
	}
	if (o->fd >= 0)
		close(o->fd);
	unlist(o);
	free(o->dir);
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
 * *name pointing at rel's last component; the fd belongs to o (do not
 * close it).  -1 with an error in diags.
 */
static int
open_parent(sr_outdir *o, const char *rel, const char **name,
    bool create, sr_diags *diags)
{
	char part[256];
	const char *p = rel, *slash, *last = strrchr(rel, '/');
	size_t n, dlen = last != NULL ? (size_t)(last - rel) : 0;
	int fd, next;
	bool fresh = false;

	if (last == NULL) {
		*name = rel;
		return o->fd;
	}
	if (o->dir != NULL && strlen(o->dir) == dlen &&
	    memcmp(o->dir, rel, dlen) == 0) {
		*name = last + 1;
		return o->dir_fd;
	}
	if ((fd = dup(o->fd)) == -1)
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
		fresh = false;
		if (create) {
			if (mkdirat(fd, part, 0777) == 0)
				fresh = true;
			else if (errno != EEXIST)
				goto fail;
		}
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
	/* kept for the next file of this folder */
	if (o->dir_fd >= 0)
		close(o->dir_fd);
	free(o->dir);
	o->dir = strndup(rel, dlen);
	o->dir_fd = fd;
	o->dir_fresh = fresh;
	if (o->dir == NULL) {
		close(fd);
		o->dir_fd = -1;
		errno = ENOMEM;
		fd = -1;
		goto fail;
	}
	return fd;
fail:
	if (diags != NULL)
		sr_diags_add(diags, SR_ERROR, o->path, 0, 0, "cannot open the "
		    "folder of %s: %s", rel, strerror(errno));
	if (fd != -1)
		close(fd);
	return -1;
}

/* One file of a staging: written to tmp in the staging's folder, to be
 * renamed to name. */
struct sr_staged_file {
	char tmp[300];
	char *rel;
	const char *name; /* in rel */
};

/* The place of a write error: the note being written (who), else the
 * output folder. */
static void
write_error(sr_outdir *o, const char *who, const char *rel, int err,
    sr_diags *diags)
{
	sr_diags_add(diags, SR_ERROR, who != NULL ? who : o->path, 0, 0,
	    "cannot write %s/%s: %s", o->path, rel, strerror(err));
}

/* The length of rel's folder part. */
static size_t
folder_len(const char *rel)
{
	const char *slash = strrchr(rel, '/');

	return slash != NULL ? (size_t)(slash - rel) : 0;
}

int
sr_outdir_stage(sr_outdir *o, sr_staging *s, const char *rel,
    const char *data, size_t len, const char *who, sr_diags *diags)
{
	struct sr_staged_file *f;
	const char *name;
	int dir, fd = -1, tries, err;

	if (s->count == s->cap) {
		size_t cap = s->cap ? 2 * s->cap : 8;

		if ((f = realloc(s->files, cap * sizeof(*f))) == NULL) {
			write_error(o, who, rel, ENOMEM, diags);
			return -1;
		}
		s->files = f;
		s->cap = cap;
	}
	f = &s->files[s->count];
	/* the files of a staging share a folder (a note's drafts) */
	if (s->count > 0 && (folder_len(rel) != folder_len(s->files[0].rel) ||
	    strncmp(rel, s->files[0].rel, folder_len(rel)) != 0)) {
		write_error(o, who, rel, EXDEV, diags);
		return -1;
	}
	if (s->count == 0) {
		if ((dir = open_parent(o, rel, &name, true, diags)) == -1)
			return -1;
		if ((s->dir = dup(dir)) == -1) {
			write_error(o, who, rel, errno, diags);
			return -1;
		}
	}
	if ((f->rel = strdup(rel)) == NULL) {
		write_error(o, who, rel, ENOMEM, diags);
		goto fail;
	}
	f->name = f->rel + (folder_len(rel) > 0 ? folder_len(rel) + 1 : 0);
	for (tries = 0; tries < 100; tries++) {
		snprintf(f->tmp, sizeof(f->tmp), ".%.200s.%ld.%lu.tmp", f->name,
		    o->pid, o->seq++);
		fd = openat(s->dir, f->tmp, O_WRONLY | O_CREAT | O_EXCL |
		    O_NOFOLLOW | O_CLOEXEC, 0666);
		if (fd != -1 || errno != EEXIST)
			break;
	}
	if (fd == -1) {
		write_error(o, who, rel, errno, diags);
		free(f->rel);
		goto fail;
	}
	s->count++; /* from here on, discard removes it */
	if (!sr_write_all(fd, data, len) || (o->fsync && fsync(fd) == -1)) {
		err = errno;
		close(fd);
		write_error(o, who, rel, err, diags);
		return -1;
	}
	if (close(fd) == -1) {
		write_error(o, who, rel, errno, diags);
		return -1;
	}
	return 0;
fail:
	if (s->count == 0)
		close(s->dir);
	return -1;
}

/* Forgets the staging's files (after their renames or removals). */
static void
staging_clear(sr_staging *s)
{
	size_t i;

	for (i = 0; i < s->count; i++)
		free(s->files[i].rel);
	if (s->count > 0)
		close(s->dir);
	free(s->files);
	memset(s, 0, sizeof(*s));
}

int
sr_outdir_publish(sr_outdir *o, sr_staging *s, const char *who,
    sr_diags *diags)
{
	struct sr_staged_file *f;
	int rc = 0;
	size_t i;

	unlist(o);
	for (i = 0; i < s->count; i++) {
		f = &s->files[i];
		if (renameat(s->dir, f->tmp, s->dir, f->name) == -1) {
			write_error(o, who, f->rel, errno, diags);
			unlinkat(s->dir, f->tmp, 0);
			rc = -1;
		}
	}
	/* with --fsync the renames are made durable too */
	if (o->fsync && s->count > 0)
		fsync(s->dir);
	staging_clear(s);
	return rc;
}

void
sr_outdir_discard(sr_staging *s)
{
	size_t i;

	for (i = 0; i < s->count; i++)
		unlinkat(s->dir, s->files[i].tmp, 0);
	staging_clear(s);
}

int
sr_outdir_write(sr_outdir *o, const char *rel, const char *data, size_t len,
    sr_diags *diags)
{
	sr_staging s = {0};

	if (sr_outdir_stage(o, &s, rel, data, len, NULL, diags) != 0) {
		sr_outdir_discard(&s);
		return -1;
	}
	return sr_outdir_publish(o, &s, NULL, diags);
}

int
sr_outdir_append(sr_outdir *o, const char *rel)
{
	const char *name;
	int dir;

	unlist(o);
	if ((dir = open_parent(o, rel, &name, true, NULL)) == -1)
		return -1;
	return openat(dir, name, O_WRONLY | O_APPEND | O_CREAT | O_NOFOLLOW |
	    O_CLOEXEC, 0666);
}

void
sr_outdir_remove(sr_outdir *o, const char *rel)
{
	const char *name;
	int dir;

	unlist(o);
	if ((dir = open_parent(o, rel, &name, false, NULL)) != -1)
		unlinkat(dir, name, 0);
}

/* Whether name is a temporary file of a run, ".NAME.PID.SEQ.tmp". */
static bool
is_temporary(const char *name)
{
	size_t n = strlen(name), i = n - 4, digits;
	int dots;

	if (name[0] != '.' || n < 10 || strcmp(name + i, ".tmp") != 0)
		return false;
	for (dots = 0; dots < 2; dots++) {
		for (digits = 0; i > 1 && name[i - 1] >= '0' &&
		    name[i - 1] <= '9'; i--)
			digits++;
		if (digits == 0 || name[--i] != '.')
			return false;
	}
	return i > 1;
}

/* Removes the temporary files below the folder at fd (which it closes):
 * under the lock, they are what runs that ended left. */
static void
sweep(int fd, int depth)
{
	struct dirent *e;
	struct stat st;
	DIR *d;
	int sub;

	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return;
	}
	while ((e = readdir(d)) != NULL) {
		if (is_temporary(e->d_name)) {
			unlinkat(fd, e->d_name, 0);
			continue;
		}
		if (e->d_name[0] == '.' || depth > 64 ||
		    (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN))
			continue;
		if (e->d_type == DT_UNKNOWN && (fstatat(fd, e->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) == -1 || !S_ISDIR(st.st_mode)))
			continue;
		if ((sub = openat(fd, e->d_name, O_RDONLY | O_DIRECTORY |
		    O_NOFOLLOW | O_CLOEXEC)) != -1)
			sweep(sub, depth + 1);
	}
	closedir(d);
}

int
sr_outdir_lock(sr_outdir *o, int wait_seconds, sr_diags *diags)
{
	struct stat held, named;
	char pid[32];
	long holder;
	ssize_t n;
	int tries = 0, fd;

	for (;;) {
		fd = openat(o->fd, LOCK_NAME, O_RDWR | O_CREAT | O_NOFOLLOW |
		    O_CLOEXEC, 0666);
		if (fd == -1) {
			sr_diags_add(diags, SR_ERROR, o->path, 0, 0, "cannot "
			    "make %s: %s", LOCK_NAME, strerror(errno));
			return -1;
		}
		if (flock(fd, LOCK_EX | LOCK_NB) == 0) {
			/* the file may have been removed by the run that
			 * held it, after we opened it: then again */
			if (fstat(fd, &held) == 0 && fstatat(o->fd, LOCK_NAME,
			    &named, AT_SYMLINK_NOFOLLOW) == 0 &&
			    held.st_ino == named.st_ino &&
			    held.st_dev == named.st_dev)
				break;
		} else if (errno != EWOULDBLOCK && errno != EINTR) {
			sr_diags_add(diags, SR_ERROR, o->path, 0, 0, "cannot "
			    "lock %s: %s", LOCK_NAME, strerror(errno));
			close(fd);
			return -1;
		} else if (++tries > wait_seconds * 10) {
			n = pread(fd, pid, sizeof(pid) - 1, 0);
			pid[n > 0 ? n : 0] = '\0';
			holder = strtol(pid, NULL, 10);
			sr_diags_add(diags, SR_ERROR, o->path, 0, 0, "another "
			    "secondround run (process %ld) is writing into "
			    "this folder; try again when it has ended", holder);
			close(fd);
			return -1;
		} else {
			usleep(100000);
		}
		close(fd);
	}
	n = snprintf(pid, sizeof(pid), "%ld\n", o->pid);
	if (ftruncate(fd, 0) == -1 || pwrite(fd, pid, (size_t)n, 0) != n) {
		sr_diags_add(diags, SR_ERROR, o->path, 0, 0, "cannot write %s: "
		    "%s", LOCK_NAME, strerror(errno));
		close(fd);
		return -1;
	}
	o->lock_fd = fd;
	sweep(dup(o->fd), 0);
	return 0;
}

/* Lists the regular files of the folder at dir, rel's folder (of dlen
 * bytes), for sr_outdir_has; false when it cannot. */
static bool
list(sr_outdir *o, int dir, const char *rel, size_t dlen)
{
	struct dirent *e;
	struct stat st;
	char *name;
	bool ok;
	DIR *d;
	int fd;

	unlist(o);
	/* a descriptor of its own: reading the folder moves its offset */
	if ((fd = openat(dir, ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1)
		return false;
	if ((d = fdopendir(fd)) == NULL) {
		close(fd);
		return false;
	}
	ok = (o->listed = strndup(rel, dlen)) != NULL;
	while (ok && (e = readdir(d)) != NULL) {
		if (is_temporary(e->d_name) || (e->d_type != DT_REG &&
		    (e->d_type != DT_UNKNOWN || fstatat(fd, e->d_name, &st,
		    AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode))))
			continue;
		if ((name = strdup(e->d_name)) == NULL ||
		    sr_names_add(&o->listing, name) != 0) {
			free(name);
			ok = false;
		}
	}
	closedir(d);
	if (!ok)
		unlist(o);
	sr_names_sort(&o->listing);
	return ok;
}

bool
sr_outdir_has(sr_outdir *o, const char *rel)
{
	const char *name;
	struct stat st;
	size_t dlen = folder_len(rel);
	int dir;

	if ((dir = open_parent(o, rel, &name, false, NULL)) == -1)
		return false;
	if ((o->listed != NULL && strlen(o->listed) == dlen &&
	    memcmp(o->listed, rel, dlen) == 0) || list(o, dir, rel, dlen))
		return sr_names_has(&o->listing, name);
	return fstatat(dir, name, &st, AT_SYMLINK_NOFOLLOW) == 0 &&
	    S_ISREG(st.st_mode);
}

void
sr_outdir_touch(sr_outdir *o, const char *rel)
{
	const char *name;
	int dir;

	if ((dir = open_parent(o, rel, &name, false, NULL)) != -1)
		utimensat(dir, name, NULL, AT_SYMLINK_NOFOLLOW);
}

/* A file of the output folder opened for reading, or -1 (*absent says
 * whether that is because it does not exist). */
static int
open_file(sr_outdir *o, const char *rel, bool *absent)
{
	const char *name;
	int dir, fd;

	*absent = false;
	if ((dir = open_parent(o, rel, &name, false, NULL)) == -1) {
		/* no folder, or a link where one should be (which the write
		 * then refuses, saying so): nothing there to keep */
		*absent = errno == ENOENT || errno == ELOOP || errno == ENOTDIR;
		return -1;
	}
	/* a folder this run made holds only what it wrote, and a run writes
	 * each name once: nothing to read */
	if ((dir == o->dir_fd && o->dir_fresh) || (dir == o->fd &&
	    o->top_fresh)) {
		*absent = true;
		errno = ENOENT;
		return -1;
	}
	/* O_NONBLOCK: a FIFO named like a draft must not hang the build */
	fd = openat(dir, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NONBLOCK);
	if (fd == -1)
		*absent = errno == ENOENT;
	return fd;
}

char *
sr_outdir_read(sr_outdir *o, const char *rel, size_t *len, bool *absent)
{
	struct stat st;
	char *data = NULL;
	size_t got = 0;
	ssize_t n;
	int fd;

	if ((fd = open_file(o, rel, absent)) == -1)
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

int
sr_outdir_open_read(sr_outdir *o, const char *rel, bool *absent)
{
	struct stat st;
	int fd, err;

	if ((fd = open_file(o, rel, absent)) == -1)
		return -1;
	if (fstat(fd, &st) == -1) {
		err = errno;
		close(fd);
		errno = err;
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		errno = 0; /* not a regular file */
		return -1;
	}
	return fd;
}

int
sr_outdir_compare(sr_outdir *o, const char *rel, const char *data,
    size_t len, uint64_t *hash, bool *absent)
{
	char buf[65536];
	struct stat st;
	size_t at = 0;
	ssize_t n;
	int fd, same = -1;

	if ((fd = open_file(o, rel, absent)) == -1)
		return -1;
	if (fstat(fd, &st) == -1 || !S_ISREG(st.st_mode) ||
	    (unsigned long long)st.st_size > 64ULL * 1024 * 1024)
		goto out;
	/* first compared, then, only when it differs, hashed */
	same = (size_t)st.st_size == len;
	while (same == 1 && (n = read(fd, buf, sizeof(buf))) != 0) {
		if (n == -1 && errno == EINTR)
			continue;
		if (n == -1 || (size_t)n > len - at ||
		    memcmp(buf, data + at, (size_t)n) != 0)
			same = n == -1 ? -1 : 0;
		else
			at += (size_t)n;
	}
	if (same == 1 && at != len)
		same = 0; /* the file shrank while we read it */
	if (same == 1)
		goto out;
	if (same == 0 && lseek(fd, 0, SEEK_SET) == 0) {
		*hash = SR_HASH_INIT;
		while ((n = read(fd, buf, sizeof(buf))) != 0) {
			if (n == -1 && errno == EINTR)
				continue;
			if (n == -1) {
				same = -1;
				break;
			}
			*hash = sr_hash(*hash, buf, (size_t)n);
		}
	} else
		same = -1;
out:
	close(fd);
	return same;
}
