/*
 * paths.c - turning the command line's files and folders into the list of
 * notes to read: folders are searched recursively for `*.md`, in sorted order
 * so every run sees the notes in the same order.  Hidden entries (.git) and
 * symbolic links to folders are skipped, so a link loop cannot trap the walk.
 */
#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "internal.h"

#define RESTART 16 /* every this many paths, one is kept whole */

static void
put_varint(size_t v, unsigned char *p, size_t *n)
{
	*n = 0;
	do {
		p[(*n)++] = (unsigned char)((v & 0x7f) | (v > 0x7f ? 0x80 : 0));
		v >>= 7;
	} while (v != 0);
}

static size_t
get_varint(const unsigned char **p)
{
	size_t v = 0;
	unsigned shift = 0;

	do {
		v |= (size_t)(**p & 0x7f) << shift;
		shift += 7;
	} while (*(*p)++ & 0x80);
	return v;
}

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

/* Adds path, whose name relative to the root it was found in starts at
 * rel_at: coded as the length it shares with the path before it, then
 * the rest (sorted paths share most of their folders). */
static int
add_path(sr_paths *out, const char *path, size_t rel_at)
{
	size_t len = strlen(path), shared = 0, n1, n2;
	unsigned char v1[10], v2[10];

	if (out->count % RESTART == 0) {
		if (!grow((void **)&out->restarts, &out->nrestarts_cap,
		    out->count / RESTART + 1, sizeof(size_t)))
			return -1;
		out->restarts[out->count / RESTART] = out->len;
	} else {
		while (shared < len && shared < out->last_len &&
		    path[shared] == out->last[shared])
			shared++;
	}
	put_varint(shared, v1, &n1);
	put_varint(rel_at, v2, &n2);
	if (!grow((void **)&out->data, &out->cap, out->len + n1 + n2 + len -
	    shared + 1, 1) || !grow((void **)&out->last, &out->last_cap,
	    len + 1, 1))
		return -1;
	memcpy(out->data + out->len, v1, n1);
	memcpy(out->data + out->len + n1, v2, n2);
	memcpy(out->data + out->len + n1 + n2, path + shared, len - shared + 1);
	out->len += n1 + n2 + len - shared + 1;
	memcpy(out->last, path, len + 1);
	out->last_len = len;
	out->count++;
	return 0;
}

int
sr_paths_get(const sr_paths *p, size_t i, sr_path *np)
{
	const unsigned char *at;
	size_t k, shared, rel_at = 0, n;

	if (i >= p->count)
		return -1;
	at = p->data + p->restarts[i / RESTART];
	for (k = i - i % RESTART; k <= i; k++) {
		shared = get_varint(&at);
		rel_at = get_varint(&at);
		n = strlen((const char *)at);
		if (!grow((void **)&np->path, &np->cap, shared + n + 1, 1))
			return -1;
		memcpy(np->path + shared, at, n + 1);
		at += n + 1;
	}
	np->rel = np->path + rel_at;
	return 0;
}

void
sr_path_free(sr_path *np)
{
	free(np->path);
	memset(np, 0, sizeof(*np));
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

void
sr_names_free(sr_names *names)
{
	size_t i;

	for (i = 0; i < names->count; i++)
		free(names->items[i]);
	free(names->items);
	memset(names, 0, sizeof(*names));
}

static bool
is_note_name(const char *name)
{
	size_t n = strlen(name);

	return n > 3 && strcmp(name + n - 3, ".md") == 0;
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

/* Adds the notes below folder `dir` (root_len: the length of the root
 * folder's path in it); entries are sorted by name. */
static int
walk_dir(const char *dir, size_t root_len, sr_paths *out, sr_diags *diags)
{
	sr_names names = {0};
	struct dirent *e;
	struct stat st;
	size_t i;
	int rc = 0;
	DIR *d;

	if ((d = opendir(dir)) == NULL) {
		sr_diags_add(diags, SR_ERROR, dir, 0, 0, "cannot read the "
		    "folder: %s", strerror(errno));
		return -1;
	}
	while ((e = readdir(d)) != NULL) {
		char *name;

		if (e->d_name[0] == '.')
			continue;
		if ((name = strdup(e->d_name)) == NULL ||
		    sr_names_add(&names, name) == -1) {
			free(name);
			rc = -1;
			break;
		}
	}
	closedir(d);
	if (rc == -1)
		goto oom;
	sr_names_sort(&names);
	for (i = 0; i < names.count; i++) {
		char *path = join(dir, names.items[i]);

		if (path == NULL)
			goto oom;
		if (lstat(path, &st) == -1) {
			sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot read: "
			    "%s", strerror(errno));
			free(path);
			rc = -1;
			continue;
		}
		if (S_ISLNK(st.st_mode) && stat(path, &st) == -1) {
			free(path); /* a dangling link is no note */
			continue;
		}
		if (S_ISDIR(st.st_mode)) {
			bool link = false;
			struct stat lst;

			if (lstat(path, &lst) == 0)
				link = S_ISLNK(lst.st_mode);
			if (!link && walk_dir(path, root_len, out, diags) == -1)
				rc = -1;
			free(path);
		} else if (S_ISREG(st.st_mode) && is_note_name(names.items[i])) {
			const char *rel = path + root_len;

			while (*rel == '/')
				rel++;
			if (add_path(out, path, (size_t)(rel - path)) == -1) {
				free(path);
				goto oom;
			}
			free(path);
		} else
			free(path);
	}
	sr_names_free(&names);
	return rc;
oom:
	sr_names_free(&names);
	sr_diags_add(diags, SR_ERROR, dir, 0, 0, "out of memory");
	return -1;
}

int
sr_paths_collect(const char *path, sr_paths *out, sr_diags *diags)
{
	struct stat st;
	const char *base;

	if (stat(path, &st) == -1) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode))
		return walk_dir(path, strlen(path), out, diags);
	base = strrchr(path, '/');
	if (add_path(out, path, base ? (size_t)(base + 1 - path) : 0) == -1) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory");
		return -1;
	}
	return 0;
}

void
sr_paths_free(sr_paths *p)
{
	free(p->data);
	free(p->restarts);
	free(p->last);
	memset(p, 0, sizeof(*p));
}
