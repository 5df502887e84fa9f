/*
 * paths.c - turning the command line's files and folders into the list of
 * notes to read: folders are searched recursively for `*.md` (and
 * `.markdown`, `.mdown`, `.mkd`), in sorted order so every run sees the notes
 * in the same order.  Hidden entries (.git) and symbolic links to folders are
 * skipped, so a link loop cannot trap the walk; a folder holding a
 * .secondround-manifest (drafts) is skipped, said once.  A note that is a
 * link leading out of the folder named (a file named: out of its notes
 * root, or its folder) is refused, unless the caller allows it.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

static bool
grow(void **data, size_t *cap, size_t need, size_t elem)
{
	size_t n = *cap ? *cap : 64;
	void *p;

	if (need <= *cap)
		return true;
	while (n < need)
		n *= 2;
	if ((p = realloc(*data, n * elem)) == NULL)
		return false;
	*data = p;
	*cap = n;
	return true;
}

/* Adds path (taken), whose name relative to the root it was found in is
 * under (the folder named, below its root: "2026/11", or "") and the
 * part of path from rel_at.  With an under, the name is kept after the
 * path's NUL, in the same block. */
static int
add_path(sr_paths *out, char *path, const char *under, size_t rel_at)
{
	size_t n = strlen(path), u = strlen(under), r = n - rel_at;
	char *p;

	if (!grow((void **)&out->items, &out->cap, out->count + 1,
	    sizeof(*out->items)))
		return -1;
	if (u > 0) {
		if ((p = realloc(path, n + 1 + u + 1 + r + 1)) == NULL)
			return -1;
		path = p;
		memcpy(p + n + 1, under, u);
		p[n + 1 + u] = '/';
		memmove(p + n + 1 + u + 1, p + rel_at, r + 1);
		rel_at = n + 1;
	}
	out->items[out->count].path = path;
	out->items[out->count++].rel = path + rel_at;
	return 0;
}

int
sr_names_add(sr_names *names, char *name)
{
	if (!grow((void **)&names->items, &names->cap, names->count + 1,
	    sizeof(char *)))
		return -1;
	names->items[names->count++] = name;
	return 0;
}

static int
compare_names(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
sr_names_sort(sr_names *names)
{
	if (names->count > 1)
		qsort(names->items, names->count, sizeof(char *),
		    compare_names);
}

bool
sr_names_has(const sr_names *names, const char *name)
{
	return names->count > 0 && bsearch(&name, names->items, names->count,
	    sizeof(char *), compare_names) != NULL;
}

void
sr_names_free(sr_names *names)
{
	size_t i;

	for (i = 0; i < names->count; i++)
		free(names->items[i]);
	free(names->items);
	memset(names, 0, sizeof(*names));
}

size_t
sr_note_ext_len(const char *name)
{
	static const char *const exts[] = {".md", ".markdown", ".mdown",
	    ".mkd"};
	size_t n = strlen(name), i, k;

	for (i = 0; i < sizeof(exts) / sizeof(exts[0]); i++) {
		k = strlen(exts[i]);
		if (n > k && strcmp(name + n - k, exts[i]) == 0 &&
		    name[n - k - 1] != '/')
			return k;
	}
	return 0;
}

/* A folder secondround wrote drafts into: never read for notes (its
 * drafts would be taken for notes, and drafts made of them). */
static bool
is_output_dir(const char *dir)
{
	struct stat st;
	char *m = malloc(strlen(dir) + sizeof("/.secondround-manifest"));
	bool yes;

	if (m == NULL)
		return false;
	sprintf(m, "%s/.secondround-manifest", dir);
	yes = lstat(m, &st) == 0;
	free(m);
	return yes;
}

static char *
join(const char *dir, const char *name)
{
	size_t n = strlen(dir), m = strlen(name);
	char *p = malloc(n + m + 2);

	if (p == NULL)
		return NULL;
	memcpy(p, dir, n);
	if (n > 0 && dir[n - 1] != '/')
		p[n++] = '/';
	memcpy(p + n, name, m + 1);
	return p;
}

/* Whether folder dir is a notes root: named `notes`, or holding a
 * .secondround marker file. */
static bool
is_root(const char *dir)
{
	const char *base = strrchr(dir, '/');
	char probe[PATH_MAX];
	struct stat st;

	if (strcmp(base != NULL ? base + 1 : dir, "notes") == 0)
		return true;
	return (size_t)snprintf(probe, sizeof(probe), "%s/.secondround",
	    dir) < sizeof(probe) && lstat(probe, &st) == 0;
}

/* Adds the notes below folder `dir` (root_len: the length of the folder
 * named in it, under: that folder below its root); entries are sorted by
 * name. */
/* Refuses the note at path when it leads out of folder bound; true when
 * it may be read. */
static bool
confined(const char *path, const char *bound, const sr_paths *out,
    sr_diags *diags)
{
	char *shown;

	if (out->allow_outside || sr_path_inside(path, bound))
		return true;
	shown = sr_visible_dup(bound, false);
	sr_diags_add(diags, SR_ERROR, path, 0, 0, "a link that leads outside "
	    "%s: not read (notes are read only from inside the folder named "
	    "or their notes repository; --allow-outside reads it)",
	    shown != NULL ? shown : bound);
	free(shown);
	return false;
}

/* An entry of a folder: its name and its type as the folder says it
 * (DT_UNKNOWN when the file system does not). */
typedef struct {
	char *name;
	unsigned char type;
} entry;

static int
compare_entries(const void *a, const void *b)
{
	return strcmp(((const entry *)a)->name, ((const entry *)b)->name);
}

static void
free_entries(entry *names, size_t count)
{
	size_t i;

	for (i = 0; i < count; i++)
		free(names[i].name);
	free(names);
}

static int
walk_dir(const char *dir, const char *bound, size_t root_len,
    const char *under, sr_paths *out, sr_diags *diags)
{
	entry *names = NULL;
	size_t count = 0, cap = 0;
	struct dirent *e;
	struct stat st;
	mode_t mode;
	size_t i;
	int rc = 0;
	bool link;
	DIR *d;

	if (is_output_dir(dir)) {
		sr_diags_add(diags, SR_INFO, dir, 0, 0, "an output folder (it "
		    "holds .secondround-manifest): not read for notes");
		out->skipped++;
		return 0;
	}
	if ((d = opendir(dir)) == NULL) {
		sr_diags_add(diags, SR_ERROR, dir, 0, 0, "cannot read the "
		    "folder: %s", strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		if (e->d_name[0] == '.')
			continue;
		if (!grow((void **)&names, &cap, count + 1, sizeof(*names)) ||
		    (names[count].name = strdup(e->d_name)) == NULL) {
			rc = -1;
			break;
		}
		names[count++].type = e->d_type;
	}
	closedir(d);
	if (rc == -1)
		goto oom;
	if (count > 1)
		qsort(names, count, sizeof(*names), compare_entries);
	for (i = 0; i < count; i++) {
		char *path = join(dir, names[i].name);

		if (path == NULL)
			goto oom;
		/* a file or a folder as the folder says: no lstat (a
		 * folder of 10,000 notes is 10,000 calls fewer) */
		link = false;
		if (names[i].type == DT_REG)
			mode = S_IFREG;
		else if (names[i].type == DT_DIR)
			mode = S_IFDIR;
		else if (lstat(path, &st) == -1) {
			sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot read: "
			    "%s", strerror(errno));
			free(path);
			rc = -1;
			continue;
		} else if ((link = S_ISLNK(st.st_mode)) && stat(path, &st) ==
		    -1) {
			free(path); /* a dangling link is no note */
			continue;
		} else
			mode = st.st_mode;
		if (S_ISDIR(mode)) {
			/* a notes folder below is the root of its notes */
			if (!link && (is_root(path) ? walk_dir(path, bound,
			    strlen(path), "", out, diags) : walk_dir(path,
			    bound, root_len, under, out, diags)) == -1)
				rc = -1;
			free(path);
		} else if (S_ISREG(mode) &&
		    sr_note_ext_len(names[i].name) > 0 &&
		    /* the template of `secondround new` is no note */
		    !(strcmp(names[i].name, "template.md") == 0 &&
		    is_root(dir))) {
			const char *rel = path + root_len;

			if (link && !confined(path, bound, out, diags)) {
				free(path);
				rc = -1;
				continue;
			}

			while (*rel == '/')
				rel++;
			if (add_path(out, path, under, (size_t)(rel - path)) ==
			    -1) {
				free(path);
				goto oom;
			}
		} else
			free(path);
	}
	free_entries(names, count);
	return rc;
oom:
	free_entries(names, count);
	sr_diags_add(diags, SR_ERROR, dir, 0, 0, "out of memory");
	return -1;
}

/* The length of the nearest notes root at or above the real folder abs
 * (a prefix of it), or 0 when there is none. */
static size_t
root_prefix(char *abs)
{
	size_t n;

	for (n = strlen(abs); n > 1; ) {
		char c = abs[n];
		bool root;

		abs[n] = '\0';
		root = is_root(abs);
		abs[n] = c;
		if (root)
			return n;
		while (n > 0 && abs[n - 1] != '/')
			n--;
		if (n > 1)
			n--; /* the slash */
	}
	return 0;
}

/* The folder of a file (".", "/" or its path's folder); caller frees. */
static char *
folder_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

int
sr_notes_root(const char *path, char **under)
{
	char *dir = NULL, *abs = NULL;
	struct stat st;
	size_t n;
	int rc = 0;

	*under = NULL;
	if (stat(path, &st) == -1)
		return 0; /* collecting it says why */
	dir = S_ISDIR(st.st_mode) ? strdup(path) : folder_of(path);
	if (dir == NULL)
		return -1;
	if ((abs = realpath(dir, NULL)) == NULL)
		goto out;
	if ((n = root_prefix(abs)) > 0) {
		while (abs[n] == '/')
			n++;
		if ((*under = strdup(abs + n)) == NULL)
			rc = -1;
	}
out:
	free(dir);
	free(abs);
	return rc;
}

int
sr_paths_collect(const char *path, sr_paths *out, sr_diags *diags)
{
	return sr_paths_collect_under(path, NULL, out, diags);
}

int
sr_paths_collect_under(const char *path, const char *under, sr_paths *out,
    sr_diags *diags)
{
	struct stat st;
	const char *base;
	char *copy = NULL, *bound = NULL;
	size_t n;
	int rc = -1;

	if (stat(path, &st) == -1) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(path, path, strlen(path), under ? under : "",
		    out, diags);
	/* a file named: inside its notes root, or else its folder */
	if ((copy = folder_of(path)) == NULL ||
	    (bound = realpath(copy, NULL)) == NULL)
		goto oom;
	if ((n = root_prefix(bound)) > 0)
		bound[n] = '\0';
	if (!confined(path, bound, out, diags))
		goto out;
	free(copy);
	base = strrchr(path, '/');
	if ((copy = strdup(path)) == NULL || add_path(out, copy, under ?
	    under : "", base ? (size_t)(base + 1 - path) : 0) == -1)
		goto oom;
	copy = NULL;
	rc = 0;
	goto out;
oom:
	sr_diags_add(diags, SR_ERROR, path, 0, 0, "%s", bound == NULL &&
	    copy != NULL ? strerror(errno) : "out of memory");
out:
	free(copy);
	free(bound);
	return rc;
}

void
sr_paths_free(sr_paths *p)
{
	size_t i;

	for (i = 0; i < p->count; i++)
		free(p->items[i].path);
	free(p->items);
	memset(p, 0, sizeof(*p));
}
