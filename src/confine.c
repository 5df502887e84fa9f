/*
 * confine.c - nothing is read from outside the folders secondround is
 * given: a note, a filter a note names or a module a filter requires whose
 * real path (symbolic links followed) leaves its folder is refused, so a
 * cloned notes repository cannot carry a link to ~/.ssh or /etc/passwd
 * into a draft.  --allow-outside lifts the rule.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

bool
sr_path_inside(const char *path, const char *dir)
{
	char *rp = realpath(path, NULL), *rd = realpath(dir, NULL);
	size_t n;
	bool yes = false;

	if (rp == NULL || rd == NULL)
		goto out;
	n = strlen(rd);
	if (n == 1 && rd[0] == '/')
		yes = true;
	else
		yes = strncmp(rp, rd, n) == 0 && (rp[n] == '/' ||
		    rp[n] == '\0');
out:
	free(rp);
	free(rd);
	return yes;
}
