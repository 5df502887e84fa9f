/*
 * pipeline.c - libFuzzer target: the whole build of one note with the
 * default filters (read, parse, filter, compose, render, write the three
 * drafts and the manifest) into a temporary folder, the engine and the
 * output folder kept across inputs as a batch keeps them.  Invariant:
 * nothing is written anywhere but the output folder: the folder the run
 * works from stays empty, and the temporary folder holds only the note and
 * the output folder.  Set SECONDROUND_FILTERS to the shipped filters.
 */
#include <dirent.h>
#include <sys/stat.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"

static char base[] = "/tmp/sr-fuzz-pipeline-XXXXXX";
static char note_path[sizeof(base) + 32];
static sr_engine *engine;
static sr_outdir *out;
static sr_builder *builder;

/* The names in dir other than the allowed ones; aborts on any other. */
static void
only(const char *dir, const char *const *allowed)
{
	struct dirent *e;
	size_t i;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		abort();
	while ((e = readdir(d)) != NULL) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		for (i = 0; allowed[i] != NULL; i++)
			if (strcmp(e->d_name, allowed[i]) == 0)
				break;
		if (allowed[i] == NULL) {
			fprintf(stderr, "pipeline: %s/%s was written outside "
			    "the output folder\n", dir, e->d_name);
			abort();
		}
	}
	closedir(d);
}

static void
setup(void)
{
	sr_engine_options eo = {0};
	sr_diags diags = {0};
	char path[sizeof(base) + 32];

	if (mkdtemp(base) == NULL)
		abort();
	snprintf(path, sizeof(path), "%s/cwd", base);
	if (mkdir(path, 0700) != 0 || chdir(path) != 0)
		abort();
	snprintf(path, sizeof(path), "%s/notes", base);
	if (mkdir(path, 0700) != 0)
		abort();
	snprintf(note_path, sizeof(note_path), "%s/notes/n.md", base);
	snprintf(path, sizeof(path), "%s/out", base);
	if ((engine = sr_engine_new(&eo, &diags)) == NULL ||
	    (out = sr_outdir_open(path, false, &diags)) == NULL ||
	    (builder = sr_builder_new(engine, out, SR_FORMAT_MD |
	    SR_FORMAT_TXT | SR_FORMAT_HTML, true, &diags)) == NULL) {
		fprintf(stderr, "pipeline: cannot start (is SECONDROUND_FILTERS "
		    "set?)\n");
		abort();
	}
	sr_diags_free(&diags);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const char *const none[] = {NULL};
	static const char *const top[] = {"cwd", "notes", "out", NULL};
	static const char *const notes[] = {"n.md", NULL};
	sr_build_result res;
	sr_diags diags = {0};
	char path[sizeof(base) + 32];
	FILE *f;

	if (size > SR_MAX_NOTE_BYTES)
		return 0;
	if (engine == NULL)
		setup();
	if ((f = fopen(note_path, "wb")) == NULL)
		abort();
	fwrite(data, 1, size, f);
	fclose(f);
	memset(&res, 0, sizeof(res));
	sr_builder_note(builder, note_path, "n.md", &res, &diags);
	sr_builder_save(builder, &diags);
	sr_diags_free(&diags);
	only(base, top);
	snprintf(path, sizeof(path), "%s/notes", base);
	only(path, notes);
	snprintf(path, sizeof(path), "%s/cwd", base);
	only(path, none);
	return 0;
}
