/*
 * bench.c - the benchmark behind `make bench`.  Every figure is printed
 * beside a baseline measured in the same run on the same files, because
 * the machines are shared and noisy: bare times mean little, ratios do.
 *
 *   bench [-r ROUNDS] [-x BIN] WORKDIR CORPUS... BIGNOTE...
 *
 * For each corpus folder (make bench generates 1,000 and 10,000 notes with
 * gen-notes), in a child process of its own so that its peak RSS is its
 * own, it measures (the fastest of ROUNDS; one round over a corpus of more
 * than 5,000 notes):
 *   parse      reading and parsing alone;
 *   null       that and a filter chain that does nothing (a score hook
 *              returning 0, an empty selection, a one-line draft): what
 *              the filter interface itself costs, each point a Lua table
 *              passed to a hook, before any filter does any work;
 *   filters    that and the default filters, one Lua state for the batch;
 *   fresh      the same with a new Lua state per note (on a tenth of the
 *              notes): the isolation design sandbox.c did not choose;
 *   check      parsing, filters and rendering the three formats, no writes;
 *   bare       the bare stack: libyaml and cmark over each note, one Lua
 *              call, cmark's HTML renderer: what the stack itself costs;
 *   floor      the I/O floor: each note's bytes written to three files the
 *              way the tool writes them (temporary file, then rename);
 *   build      a full build into an empty folder;
 *   no-op      a rebuild with nothing changed;
 *   touched    a rebuild after changing 1% of the notes;
 *   cmark      the cmark command over the corpus concatenated;
 * and with `-x BIN`, the program itself as a user runs it: check and build
 * with -j 1 and with the default -j, a no-op rebuild, and build --fsync (on
 * the small corpora only); the peak RSS of build -j 1 (getrusage of the
 * child) is the memory figure.
 * Then, for each big note named after the corpora, the time to parse,
 * filter and render it; pandoc over 30 notes of the first corpus, when it
 * is installed; and the targets, each with met or not met.  The machine is
 * described first.
 */
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <cmark.h>
#include <lauxlib.h>
#include <lualib.h>
#include <yaml.h>

#include "secondround.h"

enum { P_PARSE, P_NULL, P_FILTERS, P_FRESH, P_CHECK, P_BARE, P_FLOOR, P_BUILD,
    P_NOOP, P_TOUCHED, P_CMARK, P_RUN_CHECK1, P_RUN_CHECK2, P_RUN_BUILD1,
    P_RUN_BUILD2, P_RUN_NOOP, P_RUN_FSYNC, P_COUNT };

/* Path i of p (and its relative name in *rel when rel is not NULL). */
static const char *
path_at(const sr_paths *p, size_t i, const char **rel)
{
	if (p == NULL)
		return NULL;
	if (rel != NULL)
		*rel = p->items[i].rel;
	return p->items[i].path;
}

static const char *const pass_names[P_COUNT] = {
	"read + parse", "  + a filter chain that does nothing",
	"  + default filters", "  + filters, a Lua state per note",
	"  + filters + render 3 formats", "bare stack (yaml, cmark, 1 Lua call)",
	"I/O floor: 3 files per note", "full build (3 formats)",
	"no-op rebuild", "rebuild, 1% of notes changed",
	"cmark command, corpus in one file",
	"secondround check -j 1", "secondround check",
	"secondround build -j 1", "secondround build",
	"secondround build, no-op rebuild", "secondround build --fsync",
};

static const char *bin;   /* the program, for the passes that run it */

/* The filter chain of the null pass, written into the work folder. */
static const char null_default[] =
    "-- bench: the least a filter chain can do\n"
    "return {\n"
    "  select = function() return {} end,\n"
    "  compose = function() return {subject = \"s\", paragraphs = {\"p\"}} end,\n"
    "}\n";
static const char null_impact[] =
    "return {score = function() return 0 end}\n";

/* Writes the null chain's default.lua and impact.lua into dir. */
static int
write_null_filters(const char *dir)
{
	char path[4400];
	FILE *f;
	int k, rc = 0;

	mkdir(dir, 0777);
	for (k = 0; k < 2; k++) {
		snprintf(path, sizeof(path), "%s/%s", dir, k == 0 ?
		    "default.lua" : "impact.lua");
		if ((f = fopen(path, "w")) == NULL)
			return -1;
		fputs(k == 0 ? null_default : null_impact, f);
		if (fclose(f) != 0)
			rc = -1;
	}
	return rc;
}
static long program_rss;  /* peak RSS of `secondround build`, in KB */

static double
now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static char *
slurp(const char *path, size_t *len)
{
	sr_diags d = {0};
	char *data = sr_note_read_bytes(path, len, &d);

	sr_diags_free(&d);
	return data;
}

/* Parses, and with an engine filters, and with render renders. */
static int
pass_notes(const sr_paths *p, size_t count, sr_engine *e, bool render,
    const sr_engine_options *fresh)
{
	static sr_renderer *const renderers[] = {sr_render_markdown,
	    sr_render_text, sr_render_html};
	sr_diags d = {0};
	sr_outcome out;
	sr_note *note;
	size_t i, t, k;
	int rc = 0;

	for (i = 0; i < count && rc == 0; i++) {
		if ((note = sr_note_read(path_at(p, i, NULL), &d)) == NULL) {
			rc = -1;
			break;
		}
		if (fresh != NULL) {
			sr_engine *f = sr_engine_new(fresh, &d);

			rc = f ? sr_engine_run(f, note, &out, &d) : -1;
			sr_engine_free(f);
		} else if (e != NULL)
			rc = sr_engine_run(e, note, &out, &d);
		for (t = 0; rc == 0 && render && t < out.ndrafts; t++)
			for (k = 0; k < 3; k++)
				free(renderers[k](note, &out.drafts[t]));
		sr_note_free(note);
		if (d.errors > 0)
			rc = -1;
		sr_diags_free(&d);
	}
	return rc;
}

/* The bare stack over one note: libyaml's events over the front matter,
 * cmark over the body, one Lua call with a table, cmark's HTML. */
static void
bare_note(lua_State *L, const char *data, size_t len)
{
	const char *body = data, *end;
	yaml_parser_t parser;
	yaml_event_t ev;
	cmark_node *doc;
	char *html;
	bool done = false;

	if (len > 4 && strncmp(data, "---\n", 4) == 0 &&
	    (end = strstr(data + 4, "\n---\n")) != NULL) {
		yaml_parser_initialize(&parser);
		yaml_parser_set_input_string(&parser,
		    (const unsigned char *)data + 4, (size_t)(end - data - 4));
		while (!done && yaml_parser_parse(&parser, &ev)) {
			done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&parser);
		body = end + 5;
	}
	doc = cmark_parse_document(body, len - (size_t)(body - data),
	    CMARK_OPT_DEFAULT);
	lua_getglobal(L, "f");
	lua_createtable(L, 0, 1);
	lua_pushlstring(L, body, 64);
	lua_setfield(L, -2, "text");
	lua_call(L, 1, 0);
	html = cmark_render_html(doc, CMARK_OPT_DEFAULT);
	free(html);
	cmark_node_free(doc);
}

static int
pass_bare(const sr_paths *p)
{
	lua_State *L = luaL_newstate();
	size_t i, len;
	char *data;

	luaL_openlibs(L);
	if (luaL_dostring(L, "function f(t) return #t.text end") != LUA_OK)
		return -1;
	for (i = 0; i < p->count; i++) {
		if ((data = slurp(path_at(p, i, NULL), &len)) == NULL)
			return -1;
		bare_note(L, data, len);
		free(data);
	}
	lua_close(L);
	return 0;
}

/* The I/O floor: each note's bytes to three files, written as the tool
 * writes them (a temporary file in the folder, then rename). */
static int
pass_floor(const sr_paths *p, const char *dir)
{
	static const char *const ext[] = {".md", ".txt", ".html"};
	char tmp[8400], name[8400];
	size_t i, k, len;
	char *data;
	int fd;

	for (i = 0; i < p->count; i++) {
		if ((data = slurp(path_at(p, i, NULL), &len)) == NULL)
			return -1;
		for (k = 0; k < 3; k++) {
			snprintf(name, sizeof(name), "%s/%zu%s", dir, i, ext[k]);
			snprintf(tmp, sizeof(tmp), "%s/.%zu%s.tmp", dir, i,
			    ext[k]);
			fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0666);
			if (fd == -1 || write(fd, data, len) != (ssize_t)len ||
			    close(fd) != 0 || rename(tmp, name) != 0) {
				free(data);
				return -1;
			}
		}
		free(data);
	}
	return 0;
}

static int
pass_build(const sr_paths *p, sr_engine *e, const char *dir)
{
	sr_diags d = {0};
	sr_build_result res;
	sr_outdir *out = sr_outdir_open(dir, false, &d);
	sr_builder *b = out ? sr_builder_new(e, out, SR_FORMAT_MD |
	    SR_FORMAT_TXT | SR_FORMAT_HTML, false, &d) : NULL;
	size_t i;
	int rc = b ? 0 : -1;

	for (i = 0; rc == 0 && i < p->count; i++) {
		const char *rel, *path = path_at(p, i, &rel);

		if (sr_builder_note(b, path, rel, &res, &d) != 0)
			rc = -1;
		sr_diags_free(&d);
	}
	if (b != NULL && sr_builder_save(b, &d) != 0)
		rc = -1;
	sr_builder_free(b);
	sr_outdir_close(out);
	sr_diags_free(&d);
	return rc;
}

/* Runs the program (check or build, with -j jobs, or its default -j when
 * jobs is 0) over the corpus, output to out; returns 0 and keeps the peak
 * RSS of a build in one process in program_rss. */
static int
pass_program(const char *corpus, bool build, int jobs, bool fsync_files,
    const char *out)
{
	char j[16];
	struct rusage ru;
	int status, devnull;
	pid_t pid;

	if (bin == NULL)
		return -1;
	snprintf(j, sizeof(j), "-j%d", jobs);
	if ((pid = fork()) == -1)
		return -1;
	if (pid == 0) {
		if ((devnull = open("/dev/null", O_WRONLY)) != -1) {
			dup2(devnull, 1);
			dup2(devnull, 2);
		}
		/* "-q" twice stands for no -j */
		if (!build)
			execl(bin, bin, "check", "-q", jobs ? j : "-q", corpus,
			    (char *)NULL);
		else if (fsync_files)
			execl(bin, bin, "build", "-q", "--fsync", jobs ? j :
			    "-q", "-o", out, corpus, (char *)NULL);
		else
			execl(bin, bin, "build", "-q", jobs ? j : "-q", "-o",
			    out, corpus, (char *)NULL);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) == -1 || !WIFEXITED(status) ||
	    WEXITSTATUS(status) != 0)
		return -1;
	if (build && jobs == 1 && !fsync_files && ru.ru_maxrss > program_rss)
		program_rss = ru.ru_maxrss;
	return 0;
}

/* Changes 1% of the notes (a line added to each hundredth), or, with
 * restore, puts them back as they were. */
static void
touch_notes(const sr_paths *p, int round, bool restore)
{
	size_t i, len;
	char *data;
	FILE *f;

	for (i = 0; i < p->count; i += 100) {
		if ((data = slurp(path_at(p, i, NULL), &len)) == NULL)
			continue;
		if (restore) {
			char *mark = strstr(data, "\n- Added in round ");

			if (mark != NULL)
				len = (size_t)(mark - data);
		}
		if ((f = fopen(path_at(p, i, NULL), "w")) != NULL) {
			fwrite(data, 1, len, f);
			if (!restore)
				fprintf(f, "\n- Added in round %d\n", round);
			fclose(f);
		}
		free(data);
	}
}

static int
pass_cmark(const sr_paths *p, const char *work)
{
	char all[4200], cmd[8600];
	size_t i, len;
	char *data;
	FILE *f;

	snprintf(all, sizeof(all), "%s/corpus.md", work);
	if ((f = fopen(all, "w")) == NULL)
		return -1;
	for (i = 0; i < p->count; i++) {
		if ((data = slurp(path_at(p, i, NULL), &len)) != NULL) {
			fwrite(data, 1, len, f);
			free(data);
		}
	}
	fclose(f);
	snprintf(cmd, sizeof(cmd), "command -v cmark >/dev/null && "
	    "cmark '%s' > /dev/null", all);
	return system(cmd) == 0 ? 0 : -1;
}

/* Runs the passes over one corpus and prints "pass seconds" lines. */
static int
run_corpus(const char *corpus, const char *work, int rounds)
{
	sr_engine_options opts = {0}, null_opts = {0};
	sr_diags d = {0};
	sr_paths p = {0};
	sr_engine *e = NULL, *null_e = NULL;
	char null_dir[4200];
	double best[P_COUNT], t;
	char dir[4200];
	int r, k, rc = 0;

	for (k = 0; k < P_COUNT; k++)
		best[k] = 1e30;
	snprintf(null_dir, sizeof(null_dir), "%s/null-filters", work);
	null_opts.filters_dir = null_dir;
	if (sr_paths_collect(corpus, &p, &d) != 0 || p.count == 0 ||
	    (e = sr_engine_new(&opts, &d)) == NULL ||
	    write_null_filters(null_dir) != 0 ||
	    (null_e = sr_engine_new(&null_opts, &d)) == NULL) {
		fprintf(stderr, "bench: cannot set up the passes over %s\n",
		    corpus);
		for (k = 0; k < (int)d.count; k++) {
			char *m = sr_diag_format(&d.items[k]);

			fprintf(stderr, "%s\n", m ? m : "out of memory");
			free(m);
		}
		sr_engine_free(e);
		sr_paths_free(&p);
		sr_diags_free(&d);
		return 1;
	}
	pass_notes(&p, p.count, NULL, false, NULL); /* warm the cache */
	if (p.count > 5000 && rounds > 1)
		rounds = 1; /* a big corpus is its own average; keeps the run
		               under five minutes */
	for (r = 0; r < rounds && rc == 0; r++) {
		for (k = 0; k < P_COUNT && rc == 0; k++) {
			snprintf(dir, sizeof(dir), "%s/out-%d-%d", work, k, r);
			if (k == P_NOOP || k == P_TOUCHED)
				snprintf(dir, sizeof(dir), "%s/out-%d-%d", work,
				    P_BUILD, r);
			if (k == P_RUN_NOOP)
				snprintf(dir, sizeof(dir), "%s/out-%d-%d", work,
				    P_RUN_BUILD2, r);
			if (k == P_FLOOR)
				mkdir(dir, 0777);
			if (k == P_TOUCHED)
				touch_notes(&p, r, false);
			/* every pass that writes starts with the disk
			 * clean: none pays for another's writeback */
			if (k == P_FLOOR || k == P_BUILD || k == P_NOOP ||
			    k == P_TOUCHED || k >= P_RUN_BUILD1)
				sync();
			t = now();
			switch (k) {
			case P_PARSE:
				rc = pass_notes(&p, p.count, NULL, false, NULL);
				break;
			case P_NULL:
				rc = pass_notes(&p, p.count, null_e, false, NULL);
				break;
			case P_FILTERS:
				rc = pass_notes(&p, p.count, e, false, NULL);
				break;
			case P_FRESH:
				rc = pass_notes(&p, p.count / 10 + 1, NULL,
				    false, &opts);
				break;
			case P_CHECK:
				rc = pass_notes(&p, p.count, e, true, NULL);
				break;
			case P_BARE:
				rc = pass_bare(&p);
				break;
			case P_FLOOR:
				rc = pass_floor(&p, dir);
				break;
			case P_BUILD:
			case P_NOOP:
			case P_TOUCHED:
				rc = pass_build(&p, e, dir);
				break;
			case P_CMARK:
				rc = pass_cmark(&p, work);
				break;
			case P_RUN_CHECK1:
			case P_RUN_CHECK2:
				rc = pass_program(corpus, false, k == P_RUN_CHECK1 ?
				    1 : 0, false, NULL);
				break;
			case P_RUN_BUILD1:
			case P_RUN_BUILD2:
			case P_RUN_NOOP:
				rc = pass_program(corpus, true, k == P_RUN_BUILD1 ?
				    1 : 0, false, dir);
				break;
			case P_RUN_FSYNC:
				/* on the small corpus only: flushing every file
				 * is slow on purpose */
				if (p.count <= 2000)
					rc = pass_program(corpus, true, 1, true,
					    dir);
				else
					t = -1;
				break;
			}
			t = t < 0 ? 1e30 : now() - t;
			if (k == P_TOUCHED)
				touch_notes(&p, r, true);
			if (k == P_CMARK && rc != 0) {
				rc = 0; /* no cmark command: no figure */
				t = 1e30;
			}
			if (k == P_FRESH)
				t *= (double)p.count / (double)(p.count / 10 + 1);
			if (t < best[k])
				best[k] = t;
			if (rc != 0)
				fprintf(stderr, "bench: %s failed\n",
				    pass_names[k]);
		}
	}
	for (k = 0; k < P_COUNT; k++)
		printf("%d %zu %.6f\n", k, p.count, best[k]);
	printf("rss %ld\n", program_rss);
	sr_engine_free(e);
	sr_engine_free(null_e);
	sr_paths_free(&p);
	path_at(NULL, 0, NULL);
	sr_diags_free(&d);
	return rc == 0 ? 0 : 1;
}

/* The machine, for the record: processor, cores, kernel, and the file
 * system the outputs go to. */
static void
print_machine(const char *work)
{
	char line[512], model[256] = "?", cmd[4300];
	FILE *f;

	if ((f = fopen("/proc/cpuinfo", "r")) != NULL) {
		while (fgets(line, sizeof(line), f) != NULL)
			if (strncmp(line, "model name", 10) == 0 &&
			    strchr(line, ':') != NULL) {
				snprintf(model, sizeof(model), "%s",
				    strchr(line, ':') + 2);
				model[strcspn(model, "\n")] = '\0';
				break;
			}
		fclose(f);
	}
	printf("machine: %s, %ld cores online\n", model,
	    sysconf(_SC_NPROCESSORS_ONLN));
	fflush(stdout);
	snprintf(cmd, sizeof(cmd), "uname -sr | sed 's/^/kernel: /'; "
	    "df -T '%s' 2>/dev/null | awk 'NR == 2 { print \"file system of "
	    "the outputs: \" $2 }'", work);
	if (system(cmd) != 0)
		printf("kernel: ?\n");
	fflush(stdout);
}

/* Parse, filter and render one big note, best of rounds, in seconds. */
static double
big_note(const char *path, int rounds)
{
	sr_engine_options opts = {0};
	sr_diags d = {0};
	sr_paths p = {0};
	sr_engine *e = sr_engine_new(&opts, &d);
	double best = 1e30, t;
	int r;

	sr_paths_collect(path, &p, &d);
	for (r = 0; r < rounds && e != NULL; r++) {
		t = now();
		if (pass_notes(&p, 1, e, true, NULL) != 0) {
			best = -1;
			break;
		}
		t = now() - t;
		if (t < best)
			best = t;
	}
	sr_engine_free(e);
	sr_paths_free(&p);
	path_at(NULL, 0, NULL);
	sr_diags_free(&d);
	return best;
}

/* A user's alternative, timed on the first n notes of a corpus: pandoc
 * with a Lua filter (each list cut to its first item), writing the three
 * formats the way a script would, one process a format.  Seconds per
 * note, or -1 when pandoc is not installed or fails. */
#define PANDOC_NOTES 30
static double
pass_pandoc(const char *corpus, const char *work, size_t n)
{
	char dir[4200], cmd[9000], *abs;
	double t;
	FILE *f;

	if (system("command -v pandoc >/dev/null 2>&1") != 0 ||
	    (abs = realpath(corpus, NULL)) == NULL)
		return -1;
	snprintf(dir, sizeof(dir), "%s/pandoc", work);
	mkdir(dir, 0777);
	snprintf(cmd, sizeof(cmd), "%s/first.lua", dir);
	if ((f = fopen(cmd, "w")) == NULL) {
		free(abs);
		return -1;
	}
	fputs("-- bench: a user's alternative, each list cut to its first "
	    "item\nfunction BulletList(el)\n  el.content = {el.content[1]}\n"
	    "  return el\nend\n", f);
	fclose(f);
	snprintf(cmd, sizeof(cmd), "cd '%s' && for f in $(find '%s' -name "
	    "'*.md' | sort | head -n %zu); do b=$(basename \"$f\" .md); "
	    "pandoc -L first.lua -t commonmark -o \"$b.md\" \"$f\" && "
	    "pandoc -L first.lua -t plain -o \"$b.txt\" \"$f\" && "
	    "pandoc -L first.lua -s -t html --metadata title=Draft "
	    "-o \"$b.html\" \"$f\" || exit 1; done", dir, abs, n);
	free(abs);
	t = now();
	if (system(cmd) != 0)
		return -1;
	return (now() - t) / (double)n;
}

/* One line of the targets: what, the figure, the bound, met or not. */
static void
target(const char *what, const char *figure, const char *bound, bool met)
{
	printf("  %-46s %-22s %-14s %s\n", what, figure, bound,
	    met ? "met" : "NOT MET");
}

/* The targets of the issue "Simplicity and consistency", each a ratio or
 * a figure of this run: of the largest corpus, and of the smallest for
 * what a user of a small folder feels. */
static void
print_targets(double sec[][P_COUNT], const size_t *count, const long *rss,
    int n, const double *big_ms, const double *big_mb, int nbig,
    double pandoc)
{
	char fig[64];
	int big = 0, small = 0, i;
	double r, lo = 1e30, hi = 0, worst = 0, mlo = 1e30, mhi = 0, m;

	if (n == 0)
		return;
	for (i = 1; i < n; i++) {
		if (count[i] > count[big])
			big = i;
		if (count[i] < count[small])
			small = i;
	}
	printf("\ntargets (%zu notes unless said; default -j is %ld here):\n",
	    count[big], sysconf(_SC_NPROCESSORS_ONLN));
	r = sec[big][P_RUN_BUILD2] / sec[big][P_FLOOR];
	snprintf(fig, sizeof(fig), "%.2f", r);
	target("full build (default -j) / I/O floor", fig, "<= 1.25",
	    r <= 1.25);
	r = sec[big][P_RUN_BUILD2] / sec[big][P_RUN_NOOP];
	snprintf(fig, sizeof(fig), "%.1f", r);
	target("full build / no-op rebuild", fig, ">= 30", r >= 30);
	r = sec[small][P_RUN_NOOP] * 1e3;
	snprintf(fig, sizeof(fig), "%.1f ms (%zu notes)", r, count[small]);
	target("no-op rebuild, wall time", fig, "< 50 ms", r < 50);
	for (i = 0; i < n; i++) {
		snprintf(fig, sizeof(fig), "%.1f MB (%zu notes)",
		    (double)rss[i] / 1024.0, count[i]);
		target(i == 0 ? "peak RSS of build -j 1" : "", fig, "< 32 MB",
		    rss[i] > 0 && rss[i] < 32 * 1024);
	}
	/* No quadratic path: from each size to the next (the notes are in
	 * growing size), the time grows as the size to some power, 1 for a
	 * linear path (less, as a note's fixed cost weighs less), 2 for a
	 * quadratic one; shown as the time's factor for a doubling, 2 x for
	 * a linear path, 4 x for a quadratic one, bound at 2.2 x (noise).
	 * Then ms per MB, which falls with size by the fixed cost, and the
	 * marginal ms per MB between two sizes, which does not. */
	for (i = 0; i < nbig; i++) {
		lo = big_ms[i] < lo ? big_ms[i] : lo;
		hi = big_ms[i] > hi ? big_ms[i] : hi;
		if (i == 0 || big_mb[i] <= big_mb[i - 1])
			continue;
		r = log((big_ms[i] * big_mb[i]) / (big_ms[i - 1] *
		    big_mb[i - 1])) / log(big_mb[i] / big_mb[i - 1]);
		worst = r > worst ? r : worst;
		m = (big_ms[i] * big_mb[i] - big_ms[i - 1] * big_mb[i - 1]) /
		    (big_mb[i] - big_mb[i - 1]);
		mlo = m < mlo ? m : mlo;
		mhi = m > mhi ? m : mhi;
	}
	if (nbig > 1) {
		snprintf(fig, sizeof(fig), "%.2f x (n: 2, n^2: 4)",
		    pow(2.0, worst));
		target("no quadratic path: time for 2 x the size", fig,
		    "<= 2.2", pow(2.0, worst) <= 2.2);
		printf("  %-46s %.0f to %.0f; between sizes %.0f to %.0f\n",
		    "  ms per MB, 8 to 60 KB (falls: fixed cost)", lo, hi,
		    mlo, mhi);
	}
	r = sec[big][P_CHECK] / sec[big][P_NULL];
	snprintf(fig, sizeof(fig), "%.2f", r);
	target("parse+filters+render / parse+null chain", fig, "<= 4",
	    r <= 4);
	if (pandoc > 0) {
		r = pandoc / (sec[0][P_RUN_BUILD2] / (double)count[0]);
		snprintf(fig, sizeof(fig), "%.0f x (%.0f ms a note)", r,
		    pandoc * 1e3);
		target("pandoc + Lua filter, 3 processes / build", fig,
		    "hundreds", r >= 100);
	} else {
		printf("  pandoc: not installed, no comparison\n");
	}
}

int
main(int argc, char **argv)
{
	double sec[8][P_COUNT], big_ms[8], big_mb[8], pandoc;
	size_t count[8];
	long rss[8];
	int rounds = 3, c, i, n = 0, fds[2], status, k, nbig;
	const char *work;
	double started;
	const char *corpora[8];
	struct rusage ru;

	while ((c = getopt(argc, argv, "r:x:")) != -1) {
		if (c == 'r' && (rounds = atoi(optarg)) > 0)
			continue;
		if (c == 'x') {
			bin = optarg;
			continue;
		}
		fprintf(stderr, "usage: bench [-r ROUNDS] WORKDIR CORPUS...\n");
		return 2;
	}
	if (argc - optind < 2) {
		fprintf(stderr, "usage: bench [-r ROUNDS] WORKDIR CORPUS...\n");
		return 2;
	}
	work = argv[optind];
	started = now();
	printf("secondround bench: fastest of %d rounds (one over a corpus of "
	    "more than 5,000 notes);\nratios are against baselines measured "
	    "in the same run\n", rounds);
	print_machine(work);
	for (i = optind + 1; i < argc && n < 8; i++) {
		struct stat st;
		char buf[256];
		FILE *f;
		pid_t pid;

		if (stat(argv[i], &st) != 0 || !S_ISDIR(st.st_mode))
			continue;
		rss[n] = -1;
		if (pipe(fds) != 0 || (pid = fork()) == -1)
			return 1;
		if (pid == 0) {
			close(fds[0]);
			dup2(fds[1], 1);
			exit(run_corpus(argv[i], work, rounds));
		}
		close(fds[1]);
		f = fdopen(fds[0], "r");
		while (f != NULL && fgets(buf, sizeof(buf), f) != NULL) {
			double s;
			size_t cnt;

			if (sscanf(buf, "rss %ld", &rss[n]) == 1)
				continue;
			if (sscanf(buf, "%d %zu %lf", &k, &cnt, &s) == 3 &&
			    k >= 0 && k < P_COUNT) {
				sec[n][k] = s;
				count[n] = cnt;
			}
		}
		if (f != NULL)
			fclose(f);
		if (wait4(pid, &status, 0, &ru) == -1 || !WIFEXITED(status) ||
		    WEXITSTATUS(status) != 0) {
			fprintf(stderr, "bench: %s failed\n", argv[i]);
			return 1;
		}
		corpora[n++] = argv[i];
	}
	for (i = 0; i < n; i++) {
		double per[P_COUNT];

		for (k = 0; k < P_COUNT; k++)
			per[k] = sec[i][k] / (double)count[i] * 1e6;
		printf("\n%zu notes (%s; peak RSS of `secondround build` over "
		    "them: %ld KB)\n", count[i], corpora[i], rss[i]);
		printf("  %-38s %9s %10s\n", "pass", "us/note", "notes/s");
		for (k = 0; k < P_COUNT; k++) {
			if (k == P_RUN_CHECK1)
				printf("  the program, as a user runs it:\n");
			if (sec[i][k] >= 1e29)
				printf("  %-38s %9s %10s\n", pass_names[k], "-",
				    "-");
			else
				printf("  %-38s %9.1f %10.0f\n", pass_names[k],
				    per[k], 1e6 / per[k]);
		}
		printf("  ratios:\n");
		printf("    read + parse / bare stack         %6.2f\n",
		    per[P_PARSE] / per[P_BARE]);
		printf("    parse + null chain / bare stack   %6.2f   "
		    "(the floor of any filter chain)\n",
		    per[P_NULL] / per[P_BARE]);
		printf("    parse+filters+render / null chain %6.2f\n",
		    per[P_CHECK] / per[P_NULL]);
		printf("    full build / I/O floor            %6.2f   "
		    "(in this process, -j 1)\n", per[P_BUILD] / per[P_FLOOR]);
		printf("    full build / no-op rebuild        %6.1f   "
		    "(in this process)\n", per[P_BUILD] / per[P_NOOP]);
		printf("    rebuild 1%% changed / full build   %6.3f\n",
		    per[P_TOUCHED] / per[P_BUILD]);
		printf("    read + parse / cmark command      %6.2f\n",
		    per[P_PARSE] / per[P_CMARK]);
		printf("    a Lua state per note / shared     %6.2f\n",
		    per[P_FRESH] / per[P_FILTERS]);
		printf("    check: default -j / -j 1 speed-up %6.2f\n",
		    per[P_RUN_CHECK1] / per[P_RUN_CHECK2]);
		printf("    build: default -j / -j 1 speed-up %6.2f\n",
		    per[P_RUN_BUILD1] / per[P_RUN_BUILD2]);
		if (sec[i][P_RUN_FSYNC] < 1e29)
			printf("    build --fsync / build -j 1        %6.2f   "
			    "(the cost of flushing every file)\n",
			    per[P_RUN_FSYNC] / per[P_RUN_BUILD1]);
	}
	for (i = optind + 1, nbig = 0; i < argc && nbig < 8; i++) {
		struct stat st;

		if (stat(argv[i], &st) != 0 || !S_ISREG(st.st_mode))
			continue;
		big_mb[nbig] = (double)st.st_size / 1048576.0;
		big_ms[nbig] = big_note(argv[i], rounds) * 1e3 / big_mb[nbig];
		printf("%s: %.1f KB, %.1f ms per MB\n", argv[i],
		    (double)st.st_size / 1024.0, big_ms[nbig]);
		nbig++;
	}
	pandoc = n > 0 ? pass_pandoc(corpora[0], work, PANDOC_NOTES) : -1;
	print_targets(sec, count, rss, n, big_ms, big_mb, nbig, pandoc);
	printf("\nthe benchmark took %.0f s\n", now() - started);
	return 0;
}
