/*
 * build.c - one note of `secondround build`: decide from the manifest
 * whether the note's drafts are up to date (without parsing it or running
 * Lua), else read it, run the filters, render each draft in each format and
 * write what changed; a draft edited by hand since it was generated is kept
 * unless forced.  Output names come from the note's path alone (and, for a
 * panel, a slug made of letters and digits of the interviewer's name).
 */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "internal.h"

/* outputs of one note the manifest is asked for: a draft in each format
 * for each member of the largest panel, twice (the panel as it was, and
 * as it is after every member changed: all the stale ones are found) */
#define MAX_OUTPUTS (SR_MAX_INTERVIEWERS * 4 * 2)

static const struct {
	unsigned flag;
	const char *ext;
	sr_renderer *render;
} formats[] = {
	{SR_FORMAT_MD, ".md", sr_render_markdown},
	{SR_FORMAT_TXT, ".txt", sr_render_text},
	{SR_FORMAT_HTML, ".html", sr_render_html},
	{SR_FORMAT_EML, ".eml", sr_render_eml},
};

struct sr_builder {
	sr_engine *engine;
	sr_outdir *out;
	sr_manifest manifest;
	unsigned formats;
	bool force;
	uint64_t fingerprint; /* the filters, the version, the options */
	char *dir;            /* the folder whose *.lua hash is cached */
	uint64_t dir_hash;
	/* outputs of this run that have no entry in the manifest (files
	 * kept because they were not written by secondround), by the path of
	 * the note; the others are marked in the manifest (made_by) */
	sr_manifest claimed;
};

/* How long a build waits for another run writing into the same folder. */
#define LOCK_WAIT_SECONDS 3

sr_builder *
sr_builder_new(sr_engine *engine, sr_outdir *out, unsigned fmts, bool force,
    sr_diags *diags)
{
	sr_builder *b;

	if ((b = calloc(1, sizeof(*b))) == NULL) {
		sr_diags_add(diags, SR_ERROR, NULL, 0, 0, "out of memory");
		return NULL;
	}
	b->engine = engine;
	b->out = out;
	b->formats = fmts;
	b->force = force;
	b->fingerprint = sr_hash(sr_engine_fingerprint(engine), &fmts,
	    sizeof(fmts));
	sr_defaults_forget(); /* a defaults file may have come or gone */
	if (sr_outdir_lock(out, LOCK_WAIT_SECONDS, diags) != 0 ||
	    sr_manifest_load(&b->manifest, out, diags) != 0) {
		sr_builder_free(b);
		return NULL;
	}
	return b;
}

int
sr_builder_index(sr_builder *b, time_t now, sr_diags *diags)
{
	return sr_index_write(&b->manifest, b->out, now, b->force, diags);
}

int
sr_builder_save(sr_builder *b, sr_diags *diags)
{
	return sr_manifest_save(&b->manifest, b->out, diags);
}

void
sr_builder_free(sr_builder *b)
{
	if (b == NULL)
		return;
	sr_manifest_free(&b->manifest);
	sr_manifest_free(&b->claimed);
	free(b->dir);
	free(b);
}

/* What goes into a note's drafts: its bytes, the filters beside it, and
 * the batch's fingerprint. */
static uint64_t
input_hash(sr_builder *b, const char *path, const char *rel,
    const char *data, size_t len)
{
	const char *slash = strrchr(path, '/');
	size_t n = slash ? (size_t)(slash - path) : 1;
	const char *dir = slash ? path : ".";

	if (b->dir == NULL || strlen(b->dir) != n ||
	    strncmp(b->dir, dir, n) != 0) {
		char *repo;

		free(b->dir);
		b->dir = strndup(dir, n);
		b->dir_hash = b->dir ? sr_lua_files_hash(SR_HASH_INIT, b->dir) :
		    0;
		/* and the notes repository's own filters folder */
		if (b->dir != NULL && (repo = sr_repo_filters_dir(b->dir)) !=
		    NULL) {
			b->dir_hash = sr_lua_files_hash(b->dir_hash, repo);
			free(repo);
		}
		/* and the defaults file every note there inherits */
		b->dir_hash = sr_defaults_hash(b->dir_hash, path);
	}
	return sr_hash(sr_hash(b->fingerprint ^ b->dir_hash, rel,
	    strlen(rel)), data, len);
}

static uint64_t
hash_bytes(const char *data, size_t len)
{
	return sr_hash(SR_HASH_INIT, data, len);
}

/* "2026/acme.md" (or .markdown) -> "2026/acme", in buf. */
static void
output_base(const char *rel, char *buf, size_t size)
{
	size_t n = strlen(rel) - sr_note_ext_len(rel);

	snprintf(buf, size, "%.*s", (int)n, rel);
}

static const char *
last_part(const char *name)
{
	const char *slash = strrchr(name, '/');

	return slash != NULL ? slash + 1 : name;
}

/* The manifest's entries of a note's outputs (whose names all start with
 * the note's output base). */
static size_t
note_outputs(sr_builder *b, const char *rel, const sr_manifest_entry **e)
{
	char base[4096];

	output_base(rel, base, sizeof(base));
	return sr_manifest_outputs(&b->manifest, rel, base, e, MAX_OUTPUTS);
}

/* Up to date: the manifest knows the note's outputs, made from the same
 * inputs, with what the overview shows of them, and each is still there.  Their bytes are not read: one that
 * was edited by hand would be kept anyway, the note being the same (when
 * the note changes, put_output reads it and keeps it, saying so); one
 * that was deleted is written again. */
static bool
up_to_date(sr_builder *b, const char *rel, uint64_t in)
{
	const sr_manifest_entry *e[MAX_OUTPUTS];
	size_t n, i;

	n = note_outputs(b, rel, e);
	if (n == 0 || n > MAX_OUTPUTS)
		return false;
	for (i = 0; i < n; i++)
		if (e[i]->input_hash != in || e[i]->info == NULL ||
		    !sr_outdir_has(b->out, e[i]->output))
			return false;
	return true;
}

/* The manifest could not record output name for the note at path. */
static int
not_recorded(const char *path, const char *name, sr_diags *diags)
{
	sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot record %s in the "
	    "manifest: out of memory", name);
	return -1;
}

/* Marks an output kept as this run's (path's), for the check of twins:
 * in the manifest when it has an entry there, else in b->claimed.  The
 * entry e is the manifest's, or NULL. */
static int
claim(sr_builder *b, const sr_manifest_entry *e, const char *name,
    const char *path, sr_diags *diags)
{
	sr_manifest *m = e != NULL ? &b->manifest : &b->claimed;

	if ((e != NULL ? sr_manifest_claim(m, e, path) :
	    sr_manifest_set(m, name, path, 0, 0, path)) == 0)
		return 0;
	return not_recorded(path, name, diags);
}

/* What is to become of one output of a note. */
typedef enum {
	OUT_WRITE,      /* new or changed: written */
	OUT_SAME,       /* already what would be written */
	OUT_EDITED,     /* edited by hand since it was generated: kept */
	OUT_FOREIGN,    /* not written by secondround: kept */
	OUT_UNREADABLE, /* there but unreadable: kept */
	OUT_TWIN        /* another note of the run made it: an error */
} out_fate;

/* Decides what becomes of output name (data its new text); *twin is the
 * note of this run that made it, for OUT_TWIN. */
static out_fate
decide(sr_builder *b, const char *path, const char *name, const char *data,
    const char **twin)
{
	const sr_manifest_entry *e = sr_manifest_find(&b->manifest, name);
	const sr_manifest_entry *other = sr_manifest_find(&b->claimed, name);
	size_t len;
	bool absent;
	char *old;
	uint64_t have, recorded = e ? e->output_hash : 0;
	bool known = e != NULL;

	/* two notes of this run with the same name (in two folders named on
	 * the command line): the second would overwrite the first */
	*twin = e != NULL ? sr_manifest_made_by(&b->manifest, e) : NULL;
	if (*twin == NULL && other != NULL)
		*twin = other->note;
	if (*twin != NULL && strcmp(*twin, path) != 0)
		return OUT_TWIN;
	old = sr_outdir_read(b->out, name, &len, &absent);
	if (old == NULL)
		/* unreadable (not a regular file, no permission): never
		 * replaced without --force */
		return absent || b->force ? OUT_WRITE : OUT_UNREADABLE;
	have = hash_bytes(old, len);
	free(old);
	if (have == hash_bytes(data, strlen(data)))
		return OUT_SAME;
	if (!b->force && (!known || have != recorded))
		return known ? OUT_EDITED : OUT_FOREIGN;
	return OUT_WRITE;
}

/* A note's outputs to be written, staged until all are. */
typedef struct {
	sr_staging staging;
	const char *name[MAX_OUTPUTS / 2];
	uint64_t out[MAX_OUTPUTS / 2];
	size_t count;
} pending;

/* Does what was decided for one output: records it, keeps it, or stages
 * it in p; counts it in res.  A note one of whose drafts was edited keeps
 * all of them (keep_all): its formats stay one email.  Returns -1 on a
 * write error. */
static int
put_output(sr_builder *b, const char *path, const char *rel_note,
    const char *name, const char *data, uint64_t in, out_fate fate,
    bool keep_all, pending *p, sr_build_result *res, sr_diags *diags)
{
	uint64_t out = hash_bytes(data, strlen(data));

	if (fate == OUT_SAME) {
		if (sr_manifest_set(&b->manifest, name, rel_note, in, out,
		    path) != 0)
			return not_recorded(path, name, diags);
		/* its note changed, not it: newer than the note all the
		 * same, for make and for `due` */
		sr_outdir_touch(b->out, name);
		res->unchanged++;
		return 0;
	}
	if (fate != OUT_WRITE || keep_all) {
		res->kept++;
		return claim(b, sr_manifest_find(&b->manifest, name), name,
		    path, diags);
	}
	if (sr_outdir_stage(b->out, &p->staging, name, data, strlen(data),
	    path, diags) != 0)
		return -1;
	p->name[p->count] = name;
	p->out[p->count++] = out;
	return 0;
}

/* Puts the staged outputs of a note in place: each first said in the
 * journal, so that a kill at any moment leaves them known as the tool's
 * own; then recorded in the manifest. */
static int
publish(sr_builder *b, const char *path, const char *rel, uint64_t in,
    pending *p, sr_build_result *res, sr_diags *diags)
{
	size_t i;

	if (sr_manifest_journal(&b->manifest, rel, in, p->name, p->out,
	    p->count) != 0) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "cannot write the "
		    "journal of %s: %s", sr_outdir_path(b->out),
		    strerror(errno));
		sr_outdir_discard(&p->staging);
		return -1;
	}
	if (sr_outdir_publish(b->out, &p->staging, path, diags) != 0)
		return -1;
	for (i = 0; i < p->count; i++) {
		if (sr_manifest_set(&b->manifest, p->name[i], rel, in,
		    p->out[i], path) != 0)
			return not_recorded(path, p->name[i], diags);
		if (res->written++ == 0)
			snprintf(res->first_output, sizeof(res->first_output),
			    "%s", p->name[i]);
	}
	return 0;
}

/* The warning for a note whose drafts are kept: each file in the way by
 * its path and why, then the files kept with it. */
static void
tell_kept(sr_builder *b, const char *const *names, const out_fate *fates,
    size_t n, sr_diags *diags)
{
	const char *dir = sr_outdir_path(b->out);
	const char *sep = dir[0] != '\0' && dir[strlen(dir) - 1] != '/' ?
	    "/" : "";
	sr_buf with = {0}, file = {0};
	size_t i, nwith = 0;

	for (i = 0; i < n; i++)
		if (fates[i] == OUT_WRITE) {
			const char *base = strrchr(names[i], '/');

			sr_buf_printf(&with, "%s%s", nwith++ ? ", " : "",
			    base ? base + 1 : names[i]);
		}
	for (i = 0; i < n; i++) {
		if (fates[i] != OUT_EDITED && fates[i] != OUT_FOREIGN &&
		    fates[i] != OUT_UNREADABLE)
			continue;
		file.len = 0;
		sr_buf_printf(&file, "%s%s%s", dir, sep, names[i]);
		sr_diags_add(diags, SR_WARNING, file.data ? file.data : dir, 0,
		    0, "%s; kept%s%s (use --force to replace %s)",
		    fates[i] == OUT_EDITED ? "edited since it was generated" :
		    fates[i] == OUT_FOREIGN ? "not written by secondround" :
		    "cannot be read", nwith ? ", and so are " : "",
		    nwith ? with.data : "", nwith ? "them" : "it");
		nwith = 0; /* the others are named once */
	}
	sr_buf_free(&with);
	sr_buf_free(&file);
}

/* Forgets the manifest's entries of this note, in the formats of this
 * run, that the run did not produce. */
static int
forget_stale(sr_builder *b, const char *path, const char *rel,
    sr_diags *diags)
{
	const sr_manifest_entry *e[MAX_OUTPUTS], *mine;
	const char *made_by;
	size_t n, i, f, len;

	n = note_outputs(b, rel, e);
	for (i = 0; i < n && i < MAX_OUTPUTS; i++) {
		len = strlen(e[i]->output);
		made_by = sr_manifest_made_by(&b->manifest, e[i]);
		if (made_by != NULL && strcmp(made_by, path) == 0)
			continue;
		mine = sr_manifest_find(&b->claimed, e[i]->output);
		if (mine != NULL && strcmp(mine->note, path) == 0)
			continue;
		for (f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
			size_t el = strlen(formats[f].ext);

			if ((b->formats & formats[f].flag) && len > el &&
			    strcmp(e[i]->output + len - el, formats[f].ext) == 0)
				break;
		}
		/* the entries found stay as they are while others change */
		if (f < sizeof(formats) / sizeof(formats[0]) &&
		    sr_manifest_remove(&b->manifest, e[i]->output) != 0)
			return not_recorded(path, e[i]->output, diags);
	}
	return 0;
}

/* What a worker sends back for a note. */
enum { BUILT_FAILED, BUILT_UP_TO_DATE, BUILT_DRAFTS, BUILT_SKIPPED,
    BUILT_SENT };

/* The one place a note is found up to date: read and hashed, not parsed.
 * A note the manifest has no drafts of (a first build) is not read. */
bool
sr_builder_quick(sr_builder *b, const char *path, const char *rel,
    sr_pack *msg)
{
	const sr_manifest_entry *e[MAX_OUTPUTS];
	sr_diags diags = {0};
	uint64_t in = 0;
	bool quick = false;
	size_t len;
	char *data;

	if (b->force || strpbrk(rel, "\t\n\r") != NULL ||
	    note_outputs(b, rel, e) == 0)
		return false;
	if ((data = sr_note_read_bytes(path, &len, &diags)) != NULL) {
		in = input_hash(b, path, rel, data, len);
		quick = up_to_date(b, rel, in);
		free(data);
	}
	if (quick) {
		sr_pack_diags(msg, &diags);
		sr_pack_u64(msg, BUILT_UP_TO_DATE);
		sr_pack_u64(msg, in);
	}
	sr_diags_free(&diags);
	return quick;
}

void
sr_builder_compute(sr_builder *b, const char *path, const char *rel,
    sr_pack *msg)
{
	char base[4096], name[4300];
	sr_diags diags = {0};
	sr_outcome outcome;
	sr_note *note = NULL;
	char *data = NULL, *text, *info = NULL;
	size_t len, i, f, count = 0, nodraft = 0;
	uint64_t in = 0, kind = BUILT_FAILED;
	bool unsigned_told = false;
	sr_pack outputs = {0};

	if (sr_builder_quick(b, path, rel, msg))
		return;
	if (strpbrk(rel, "\t\n\r") != NULL) {
		sr_diags_add(&diags, SR_ERROR, path, 0, 0, "a file name with a "
		    "tab or a line break cannot name a draft; rename the note");
		goto out;
	}
	if ((data = sr_note_read_bytes(path, &len, &diags)) == NULL)
		goto out;
	in = input_hash(b, path, rel, data, len);
	if ((note = sr_note_parse(path, data, len, &diags)) == NULL)
		goto out;
	if (note->not_a_note != NULL) {
		sr_note_tell_skip(note, &diags);
		kind = BUILT_SKIPPED;
		goto out;
	}
	/* a note marked sent is done: no new draft, the old one stays */
	if (note->sent) {
		kind = BUILT_SENT;
		goto out;
	}
	if (sr_engine_run(b->engine, note, &outcome, &diags) != 0)
		goto out;
	output_base(rel, base, sizeof(base));
	for (i = 0; i < outcome.ndrafts; i++) {
		const sr_draft *d = &outcome.drafts[i];

		if (d->none != NULL) {
			sr_diags_add(&diags, SR_WARNING, path, 0, 0, "no draft%s%s: "
			    "%s", d->to && d->to->name ? " to " : "",
			    d->to && d->to->name ? d->to->name : "", d->none);
			nodraft++;
			continue;
		}
		sr_lint_draft(note, d, &diags);
		/* once a note: a letter that ends on "Best regards," alone is
		 * not one to send */
		if (d->signature == NULL && !unsigned_told) {
			sr_diags_add(&diags, SR_WARNING, path, 1, 0, "%s without "
			    "your name: add 'candidate: {name: ...}' to the front "
			    "matter", outcome.ndrafts > 1 ? "the drafts end" :
			    "the draft ends");
			unsigned_told = true;
		}
		if ((b->formats & SR_FORMAT_EML) &&
		    sr_eml_check(note, d, &diags) != 0)
			goto out;
		free(info);
		if ((info = sr_index_info(note, d)) == NULL) {
			sr_diags_add(&diags, SR_ERROR, path, 0, 0, "out of "
			    "memory");
			goto out;
		}
		for (f = 0; f < sizeof(formats) / sizeof(formats[0]); f++) {
			if (!(b->formats & formats[f].flag))
				continue;
			if ((size_t)snprintf(name, sizeof(name), "%s%s%s%s",
			    base, d->slug ? "--" : "", d->slug ? d->slug : "",
			    formats[f].ext) >= sizeof(name) ||
			    strlen(rel) >= sizeof(base)) {
				sr_diags_add(&diags, SR_ERROR, path, 0, 0,
				    "the path is too long for an output name");
				goto out;
			}
			if (strlen(last_part(name)) > NAME_MAX) {
				sr_diags_add(&diags, SR_ERROR, path, 0, 0,
				    "the file name of its draft %s is %zu bytes "
				    "long, more than the %d a file name may "
				    "have; give the note a shorter name", name,
				    strlen(last_part(name)), NAME_MAX);
				goto out;
			}
			if ((text = formats[f].render(note, d)) == NULL) {
				sr_diags_add(&diags, SR_ERROR, path, 0, 0,
				    "out of memory rendering %s", name);
				goto out;
			}
			sr_pack_str(&outputs, name);
			sr_pack_str(&outputs, text);
			sr_pack_str(&outputs, info);
			free(text);
			count++;
		}
	}
	kind = BUILT_DRAFTS;
out:
	sr_pack_diags(msg, &diags);
	sr_pack_u64(msg, kind);
	sr_pack_u64(msg, in);
	if (kind == BUILT_SKIPPED)
		sr_pack_u64(msg, note->empty);
	if (kind == BUILT_DRAFTS) {
		int words = 0, budget = 0;
		bool over = false;

		for (i = 0; i < outcome.ndrafts; i++) {
			if (i == 0 || outcome.drafts[i].words > words) {
				words = outcome.drafts[i].words;
				budget = outcome.drafts[i].max_words;
			}
			if (outcome.drafts[i].words >
			    outcome.drafts[i].max_words)
				over = true;
		}
		sr_pack_u64(msg, outcome.ndrafts);
		sr_pack_u64(msg, (uint64_t)(int64_t)words);
		sr_pack_u64(msg, over);
		sr_pack_u64(msg, nodraft);
		sr_pack_u64(msg, (uint64_t)(int64_t)budget);
		sr_pack_u64(msg, note->has_date);
		sr_pack_u64(msg, note->sent);
		if (note->has_date) {
			char when[40];

			time_t due = sr_note_deadline(note);

			sr_pack_u64(msg, (uint64_t)(int64_t)due);
			sr_when_format(due, when, sizeof(when));
			sr_pack_str(msg, when);
		}
		sr_pack_u64(msg, count);
		sr_pack_raw(msg, outputs.data, outputs.len);
		if (outputs.failed)
			msg->failed = true;
	}
	sr_pack_free(&outputs);
	sr_diags_free(&diags);
	sr_note_free(note);
	free(data);
	free(info);
}

/* A note up to date still makes its outputs this run's: a twin of it
 * (another note of the run with the same output names) must find them
 * taken, whether it comes before or after, and whichever the process. */
static int
claim_up_to_date(sr_builder *b, const char *path, const char *rel,
    sr_build_result *res, sr_diags *diags)
{
	const sr_manifest_entry *e[MAX_OUTPUTS];
	const char *made_by;
	size_t n, i;

	n = note_outputs(b, rel, e);
	for (i = 0; i < n && i < MAX_OUTPUTS; i++) {
		made_by = sr_manifest_made_by(&b->manifest, e[i]);
		if (made_by != NULL && strcmp(made_by, path) != 0) {
			sr_diags_add(diags, SR_ERROR, path, 0, 0, "its draft %s "
			    "would replace the one of %s; give one of them "
			    "another name", e[i]->output, made_by);
			return -1;
		}
	}
	for (i = 0; i < n && i < MAX_OUTPUTS; i++)
		if (claim(b, e[i], e[i]->output, path, diags) != 0)
			return -1;
	res->status = SR_BUILD_UP_TO_DATE;
	return 0;
}

/* The old drafts of a note marked sent stay: the overview shows them
 * sent. */
static int
mark_sent(sr_builder *b, const char *path, const char *rel, sr_diags *diags)
{
	const sr_manifest_entry *e[MAX_OUTPUTS];
	size_t n, i;
	char *info;
	int rc;

	n = note_outputs(b, rel, e);
	for (i = 0; i < n && i < MAX_OUTPUTS; i++) {
		if (e[i]->info == NULL)
			continue;
		if ((info = sr_index_info_sent(e[i]->info)) == NULL)
			return not_recorded(path, e[i]->output, diags);
		rc = sr_manifest_set_info(&b->manifest, e[i]->output, info);
		free(info);
		if (rc != 0)
			return not_recorded(path, e[i]->output, diags);
	}
	return 0;
}

static int
commit_note(sr_builder *b, const char *path, const char *rel,
    sr_unpack *u, sr_build_result *res, sr_diags *diags)
{
	uint64_t kind, in, count, i;
	const char *names[MAX_OUTPUTS / 2], *texts[MAX_OUTPUTS / 2];
	const char *infos[MAX_OUTPUTS / 2];
	out_fate fates[MAX_OUTPUTS / 2];
	bool keep_all = false;
	pending p;

	p.count = 0;
	memset(&p.staging, 0, sizeof(p.staging));
	memset(res, 0, sizeof(*res));
	res->status = SR_BUILD_FAILED;
	sr_unpack_diags(u, diags);
	kind = sr_unpack_u64(u);
	in = sr_unpack_u64(u);
	if (u->bad)
		goto bad;
	if (kind == BUILT_UP_TO_DATE)
		return claim_up_to_date(b, path, rel, res, diags);
	if (kind == BUILT_SENT) {
		if (claim_up_to_date(b, path, rel, res, diags) != 0 ||
		    mark_sent(b, path, rel, diags) != 0)
			return -1;
		res->status = SR_BUILD_SENT;
		return 0;
	}
	if (kind == BUILT_SKIPPED) {
		res->empty = sr_unpack_u64(u) != 0;
		if (u->bad)
			goto bad;
		res->status = SR_BUILD_SKIPPED;
		return 0;
	}
	if (kind != BUILT_DRAFTS)
		return -1;
	res->ndrafts = (size_t)sr_unpack_u64(u);
	res->words = (int)(int64_t)sr_unpack_u64(u);
	res->over_budget = sr_unpack_u64(u) != 0;
	res->nodraft = (size_t)sr_unpack_u64(u);
	res->max_words = (int)(int64_t)sr_unpack_u64(u);
	res->has_date = sr_unpack_u64(u) != 0;
	res->sent = sr_unpack_u64(u) != 0;
	if (res->has_date) {
		const char *when;

		res->send_by = (time_t)(int64_t)sr_unpack_u64(u);
		if ((when = sr_unpack_str(u)) != NULL)
			snprintf(res->send_by_text, sizeof(res->send_by_text),
			    "%s", when);
	}
	count = sr_unpack_u64(u);
	if (count > MAX_OUTPUTS / 2)
		goto bad;
	/* first what becomes of each, then do it: one edited draft keeps
	 * the note's other formats too; those written are written all, or
	 * none */
	for (i = 0; i < count && !u->bad; i++) {
		const char *twin;

		names[i] = sr_unpack_str(u);
		texts[i] = sr_unpack_str(u);
		infos[i] = sr_unpack_str(u);
		if (u->bad || names[i] == NULL || texts[i] == NULL ||
		    infos[i] == NULL)
			goto bad;
		fates[i] = decide(b, path, names[i], texts[i], &twin);
		if (fates[i] == OUT_TWIN) {
			sr_diags_add(diags, SR_ERROR, path, 0, 0, "its draft %s "
			    "would replace the one of %s; give one of them "
			    "another name", names[i], twin);
			return -1;
		}
		if (fates[i] == OUT_EDITED || fates[i] == OUT_FOREIGN ||
		    fates[i] == OUT_UNREADABLE)
			keep_all = true;
	}
	if (u->bad)
		goto bad;
	if (keep_all)
		tell_kept(b, names, fates, (size_t)count, diags);
	for (i = 0; i < count; i++)
		if (put_output(b, path, rel, names[i], texts[i], in, fates[i],
		    keep_all, &p, res, diags) != 0) {
			sr_outdir_discard(&p.staging);
			return -1;
		}
	if (publish(b, path, rel, in, &p, res, diags) != 0)
		return -1;
	/* what the overview shows, on every output the manifest has (a
	 * draft kept as edited shows what its note says now) */
	for (i = 0; i < count; i++)
		if (sr_manifest_set_info(&b->manifest, names[i], infos[i]) != 0)
			return not_recorded(path, names[i], diags);
	/* drafts this note made before and makes no more (a member who left
	 * the panel): forgotten, so the note can be up to date again; their
	 * files are left as they are */
	if (forget_stale(b, path, rel, diags) != 0)
		return -1;
	res->status = res->kept > 0 ? SR_BUILD_KEPT : res->written > 0 ?
	    SR_BUILD_WRITTEN : SR_BUILD_UP_TO_DATE;
	if (count == 0 && res->nodraft > 0 && res->nodraft == res->ndrafts)
		res->status = SR_BUILD_NO_DRAFT;
	return 0;
bad:
	sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory building "
	    "the drafts");
	return -1;
}

/*
 * A note that failed keeps its outputs: marked as its own (a twin of it
 * later in the run is refused, and does not replace its drafts), and with
 * no input hash, so that the next run builds it again (and finds the twin
 * again) rather than take it for up to date.
 */
static void
fail_note(sr_builder *b, const char *path, const char *rel)
{
	const sr_manifest_entry *e[MAX_OUTPUTS];
	const char *made_by;
	size_t n, i;

	/* the entries found stay as they are while others change */
	n = note_outputs(b, rel, e);
	for (i = 0; i < n && i < MAX_OUTPUTS; i++)
		if ((made_by = sr_manifest_made_by(&b->manifest, e[i])) ==
		    NULL || strcmp(made_by, path) == 0)
			sr_manifest_set(&b->manifest, e[i]->output, rel, 0,
			    e[i]->output_hash, path);
}

int
sr_builder_commit(sr_builder *b, const char *path, const char *rel,
    sr_unpack *u, sr_build_result *res, sr_diags *diags)
{
	int rc = commit_note(b, path, rel, u, res, diags);

	if (rc != 0)
		fail_note(b, path, rel);
	return rc;
}

int
sr_builder_note(sr_builder *b, const char *path, const char *rel,
    sr_build_result *res, sr_diags *diags)
{
	sr_pack msg = {0};
	sr_unpack u;
	int rc;

	sr_builder_compute(b, path, rel, &msg);
	if (msg.failed) {
		memset(res, 0, sizeof(*res));
		res->status = SR_BUILD_FAILED;
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory "
		    "building the drafts");
		sr_pack_free(&msg);
		return -1;
	}
	u.p = msg.data;
	u.end = msg.data + msg.len;
	u.bad = false;
	rc = sr_builder_commit(b, path, rel, &u, res, diags);
	sr_pack_free(&msg);
	return rc;
}

int
sr_builder_forget(sr_builder *b, const char *rel, sr_diags *diags)
{
	const sr_manifest_entry *e[MAX_OUTPUTS];
	const char *dir = sr_outdir_path(b->out);
	size_t n, i, len;
	bool absent, there, edited;
	char *old;

	n = note_outputs(b, rel, e);
	for (i = 0; i < n && i < MAX_OUTPUTS; i++) {
		old = sr_outdir_read(b->out, e[i]->output, &len, &absent);
		there = old != NULL;
		edited = there && hash_bytes(old, len) != e[i]->output_hash;
		free(old);
		if (edited) {
			sr_diags_add(diags, SR_WARNING, dir, 0, 0, "%s: its note "
			    "%s is gone, but it was edited since it was "
			    "generated: kept", e[i]->output, rel);
			continue;
		}
		if (!there && !absent)
			continue; /* unreadable: left as it is */
		if (there) {
			sr_outdir_remove(b->out, e[i]->output);
			sr_diags_add(diags, SR_INFO, dir, 0, 0, "removed %s: its "
			    "note %s is gone", e[i]->output, rel);
		}
		/* the entries found stay as they are while others change */
		if (sr_manifest_remove(&b->manifest, e[i]->output) != 0)
			return not_recorded(rel, e[i]->output, diags);
	}
	return 0;
}
