/*
 * bench.c - the benchmark behind `make bench`.  Every figure is printed as
 * a ratio against a baseline measured in the same run, on the same files,
 * because the machines are shared and noisy: bare times mean little.
 *
 *   bench [-r ROUNDS] DIR
 *
 * Over every note below DIR (make bench generates 10,000 with gen-notes) it
 * measures, each pass ROUNDS times and keeping the fastest:
 *   parse     reading and parsing alone (the baseline);
 *   filters   parsing and the default filters, one Lua state for the batch;
 *   fresh     parsing and the default filters with a new Lua state per
 *             note (on a tenth of the notes): the isolation design that
 *             sandbox.c did not choose, measured to show why.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "secondround.h"

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

typedef enum { PASS_PARSE, PASS_FILTERS, PASS_FRESH } pass;

/* One pass over the notes; returns seconds, or -1 when a note failed. */
static double
run_pass(pass kind, const sr_paths *paths, size_t count, sr_engine *engine,
    const sr_engine_options *opts)
{
	sr_diags diags = {0};
	sr_outcome out;
	sr_engine *fresh;
	sr_note *note;
	double t0 = now();
	size_t i;
	int rc = 0;

	for (i = 0; i < count && rc == 0; i++) {
		if ((note = sr_note_read(paths->items[i], &diags)) == NULL) {
			rc = -1;
			break;
		}
		if (kind == PASS_FILTERS)
			rc = sr_engine_run(engine, note, &out, &diags);
		else if (kind == PASS_FRESH) {
			if ((fresh = sr_engine_new(opts, &diags)) == NULL)
				rc = -1;
			else
				rc = sr_engine_run(fresh, note, &out, &diags);
			sr_engine_free(fresh);
		}
		sr_note_free(note);
		/* warnings (an unknown tone) are expected; errors are not */
		if (diags.errors > 0)
			rc = -1;
		sr_diags_free(&diags);
	}
	if (rc != 0) {
		fprintf(stderr, "bench: %s failed\n", paths->items[i]);
		return -1;
	}
	return now() - t0;
}

int
main(int argc, char **argv)
{
	sr_engine_options opts = {0};
	sr_diags diags = {0};
	sr_paths paths = {0};
	sr_engine *engine;
	double best[3] = {1e9, 1e9, 1e9}, t, per[3];
	size_t counts[3];
	int rounds = 3, r, c, k;

	while ((c = getopt(argc, argv, "r:")) != -1) {
		if (c == 'r' && (rounds = atoi(optarg)) > 0)
			continue;
		fprintf(stderr, "usage: bench [-r ROUNDS] DIR\n");
		return 2;
	}
	if (optind + 1 != argc) {
		fprintf(stderr, "usage: bench [-r ROUNDS] DIR\n");
		return 2;
	}
	if (sr_paths_collect(argv[optind], &paths, &diags) != 0 ||
	    paths.count == 0) {
		fprintf(stderr, "bench: no notes in %s\n", argv[optind]);
		return 1;
	}
	if ((engine = sr_engine_new(&opts, &diags)) == NULL) {
		fprintf(stderr, "bench: the filters do not load\n");
		return 1;
	}
	counts[PASS_PARSE] = counts[PASS_FILTERS] = paths.count;
	counts[PASS_FRESH] = paths.count / 10 ? paths.count / 10 : 1;
	/* a first pass warms the page cache */
	if (run_pass(PASS_PARSE, &paths, paths.count, engine, &opts) < 0)
		return 1;
	/* interleaved rounds, so a noisy moment hits every pass alike */
	for (r = 0; r < rounds; r++) {
		for (k = 0; k < 3; k++) {
			t = run_pass((pass)k, &paths, counts[k], engine, &opts);
			if (t < 0)
				return 1;
			if (t < best[k])
				best[k] = t;
		}
	}
	for (k = 0; k < 3; k++)
		per[k] = best[k] / (double)counts[k] * 1e6;
	printf("notes: %zu (fastest of %d rounds each)\n", paths.count, rounds);
	printf("%-34s %10s %12s %8s\n", "pass", "us/note", "notes/s", "ratio");
	printf("%-34s %10.1f %12.0f %8.2f\n", "read + parse (baseline)",
	    per[0], 1e6 / per[0], 1.0);
	printf("%-34s %10.1f %12.0f %8.2f\n", "read + parse + default filters",
	    per[1], 1e6 / per[1], per[1] / per[0]);
	printf("%-34s %10.1f %12.0f %8.2f\n", "  the same, a Lua state per note",
	    per[2], 1e6 / per[2], per[2] / per[0]);
	printf("filter overhead: %.1f us/note, %.2fx the cost of parsing; "
	    "a fresh state per note would add %.1f us more\n",
	    per[1] - per[0], (per[1] - per[0]) / per[0], per[2] - per[1]);
	sr_engine_free(engine);
	sr_paths_free(&paths);
	sr_diags_free(&diags);
	return 0;
}
