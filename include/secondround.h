/*
 * secondround.h - the public interface of libsecondround, the library behind
 * the secondround command: reading interview notes (YAML front matter and a
 * Markdown body) into a structure that the later stages (Lua filters, the
 * composer, the renderers) use.
 *
 * Conventions, as in cmark and lowdown:
 *  - names are sr_<noun>_<verb>;
 *  - the library never prints and never exits: it returns a status and leaves
 *    messages (with file, line and column) in an sr_diags list that the caller
 *    owns and prints;
 *  - every declaration says who owns what it returns.  A note owns all of its
 *    strings, values and points (they live in the note's arena) and frees them
 *    with sr_note_free(); the caller never frees them one by one.
 */
#ifndef SECONDROUND_H
#define SECONDROUND_H

#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#ifdef SR_VERSION_MAKE
#define SR_VERSION SR_VERSION_MAKE
#else
#define SR_VERSION "0.1.0"
#endif

/*
 * Limits on what a note may hold.  Each is named in the error a note gets
 * when it goes past it, and documented in secondround(1).
 */
/* Interview notes are a few KiB (the largest of the corpus is 2): 64 KiB
 * keeps every Markdown body within about a second and 100 MB from cmark
 * through the filters (tests/bodies.sh runs cmark's pathological cases
 * at this size under a time and memory limit). */
#define SR_MAX_NOTE_BYTES (64u * 1024)   /* size of one note file */
#define SR_MAX_NOTE_LINES 10000  /* lines of one note (bounds cmark's tree) */
#define SR_MAX_BRACKETS 10000    /* '[' in one note (bounds cmark's time) */
#define SR_MAX_INTERVIEWERS 50   /* people on one panel: a draft each */
#define SR_MAX_FRONTMATTER_BYTES (256u * 1024) /* size of the YAML block */
#define SR_MAX_YAML_DEPTH 64                   /* nesting of maps and lists */
#define SR_MAX_YAML_NODES 20000 /* values in the front matter, aliases expanded */

/* ---- Diagnostics -------------------------------------------------------- */

/* SR_INFO is neither: a line about what was done with a file (a file
 * skipped as not a note), printed as "path: message" and counted in no
 * total. */
typedef enum { SR_WARNING = 1, SR_ERROR = 2, SR_INFO = 3 } sr_severity;

/* One message about a place in a file.  line and col are 1-based; 0 means
 * "the whole file" (no line) or "the whole line" (no column). */
typedef struct {
	sr_severity severity;
	char *path; /* owned by the list */
	int line, col;
	char *message; /* owned by the list; one line, no trailing newline */
} sr_diag;

/* A growing list of diagnostics; zero-initialise it, free with sr_diags_free. */
typedef struct {
	sr_diag *items;
	size_t count, cap;
	size_t errors, warnings; /* SR_INFO lines count in neither */
} sr_diags;

/* Adds a message (printf-style).  Never fails visibly: on out-of-memory the
 * message is dropped but the error count still goes up. */
void sr_diags_add(sr_diags *d, sr_severity sev, const char *path, int line,
    int col, const char *fmt, ...)
    __attribute__((format(printf, 6, 7)));
void sr_diags_vadd(sr_diags *d, sr_severity sev, const char *path, int line,
    int col, const char *fmt, va_list ap);
/* Formats diagnostic i in GNU style, "path:line:col: error: message", into a
 * string the caller frees. */
char *sr_diag_format(const sr_diag *diag);
/* A string with its control characters shown as \xNN (newlines kept when
 * asked), for printing text that came from a note or a file name.  Caller
 * frees; NULL on out-of-memory. */
char *sr_visible_dup(const char *s, bool keep_newlines);
/* Frees every message; the list is empty and reusable afterwards. */
void sr_diags_free(sr_diags *d);

/* ---- Front-matter values ----------------------------------------------- */

typedef enum {
	SR_VALUE_NULL,   /* an empty value, or a plain null/~ */
	SR_VALUE_SCALAR, /* text: strings, numbers, dates and booleans alike */
	SR_VALUE_SEQ,    /* a list */
	SR_VALUE_MAP     /* key: value pairs, in file order */
} sr_value_kind;

/* A YAML value.  Scalars keep their text exactly as written, so dates and
 * numbers stay available as text; `plain` says whether it was unquoted (only
 * plain scalars can be true/false/null).  All memory belongs to the note. */
typedef struct sr_value {
	sr_value_kind kind;
	int line, col;        /* where it starts in the note file */
	const char *text;     /* SCALAR: NUL-terminated text; else NULL */
	size_t len;           /* SCALAR: length of text in bytes */
	bool plain;           /* SCALAR: written without quotes */
	size_t count;         /* SEQ and MAP: number of items */
	struct sr_value **items;  /* SEQ and MAP: the values */
	const char **keys;        /* MAP: the keys (NUL-terminated) */
	int *key_lines;           /* MAP: the line of each key */
} sr_value;

/* The value of `key` in a map, or NULL when absent or `map` is not a map. */
const sr_value *sr_value_get(const sr_value *map, const char *key);
/* True for a plain scalar spelled as YAML 1.1 true (true, yes, on). */
bool sr_value_is_true(const sr_value *v);

/* ---- Dates ------------------------------------------------------------- */

/* A calendar date and time as written, with or without a time and offset. */
typedef struct {
	int year, month, day, hour, minute, second;
	bool has_time;   /* false for a plain date */
	bool has_offset; /* true when the text named an offset (or Z) */
	int offset_min;  /* minutes east of UTC, when has_offset */
} sr_date;

/* Parses "2026-03-02", "2026-03-02 11:00", "2026-03-02T11:00:00+01:00",
 * "...Z" and epoch seconds or milliseconds (10 or 13 digits, as UTC).
 * Returns false on anything else. */
bool sr_date_parse(const char *text, sr_date *out);
/* Adds hours, carrying into days, months and years; the offset is kept. */
sr_date sr_date_add_hours(sr_date d, int hours);
/* Formats as "2026-03-04", "2026-03-04 11:00" or "2026-03-04T11:00:00+01:00"
 * (following what was written) into buf. */
void sr_date_format(const sr_date *d, char *buf, size_t size);
/* The moment as seconds since the epoch: an offset-less date-time is read in
 * the local time zone, a plain date as its start (00:00 local). */
time_t sr_date_epoch(const sr_date *d);
/* The moment t as local time to the minute with its offset,
 * "2026-03-04T11:00+01:00": what `new` and `sent` write. */
void sr_date_local(time_t t, char *buf, size_t size);

/* ---- Notes ------------------------------------------------------------- */

/* The six questions of the article, then the leftovers. */
typedef enum {
	SR_KEY_EXCITED_THEM,
	SR_KEY_EXCITED_ME,
	SR_KEY_GUIDANCE,
	SR_KEY_PROBLEMS,
	SR_KEY_SAY_DIFFERENTLY,
	SR_KEY_NOT_SAID,
	SR_KEY_PRIVATE, /* a section headed "Private": never leaves the notes */
	SR_KEY_OTHER,   /* unmatched headings, and text before the first one */
	SR_KEY_COUNT
} sr_key;

/* "excited_them", ... "other". */
const char *sr_key_name(sr_key key);
/* The article's question for one of the six keys, or NULL for the others. */
const char *sr_key_question(sr_key key);
/* The key a name like "not_said" stands for; false when it is none. */
bool sr_key_from_name(const char *name, sr_key *out);
/* The front matter's `sections:` map, made ready for matching. */
typedef struct {
	const char *norm; /* the heading's normal form */
	sr_key key;
	size_t order;     /* its place in the map */
} sr_section_entry;

typedef struct {
	sr_section_entry *entries; /* sorted by norm */
	size_t count;
} sr_section_map;

typedef struct sr_arena sr_arena;

/* Builds the map from a `sections:` value (NULL or not a map: empty), in
 * the arena.  False on out-of-memory. */
bool sr_section_map_build(sr_arena *a, const sr_value *sections,
    sr_section_map *out);
/* Matches a heading's text to a key by its words (case, apostrophes,
 * punctuation and emoji aside).  user_sections, when not NULL, is the
 * front matter's map and is tried first. */
sr_key sr_section_match(const char *heading,
    const sr_section_map *user_sections);

/* A person named in the front matter.  Any field may be NULL. */
typedef struct {
	const char *name, *email, *title;
	const char *pronouns; /* "she/her", "he/him", "they/them", as written */
	const char *signature; /* the candidate's sign-off, lines kept; or NULL */
	int line;
} sr_person;

/* One point: a top-level list item, or a paragraph of a section that has
 * no list.  Its nested list items are its details (points themselves, with
 * no details of their own beyond one level). */
typedef struct sr_point {
	const char *text;     /* plain text: inline markup removed, links' text kept */
	const char *markdown; /* the item's Markdown as written (without its marker
	                         and its nested lists) */
	sr_key key;           /* the section key */
	const char *heading;  /* the heading's plain text; "" before any heading */
	int line, col;        /* where the point starts in the note file */
	int words;            /* words in text */
	bool strong;          /* holds **strong** emphasis */
	const char **tags;    /* "#must" -> "must"; ntags of them */
	size_t ntags;
	const char **mentions; /* "@priya" -> "priya"; nmentions of them */
	size_t nmentions;
	struct sr_point *details; /* nested items; ndetails of them */
	size_t ndetails;
} sr_point;

/* A heading and the points under it, as an index range into note->points. */
typedef struct {
	sr_key key;
	const char *heading;
	int line;     /* 0 for the points before the first heading */
	int col;      /* where the heading's text starts on its line */
	int level;    /* 1 for '#', 2 for '##', ...; 0 before any heading */
	size_t first; /* index of its first point */
	size_t count; /* number of points */
} sr_section;

/* A parsed note.  Everything reachable from it is owned by it. */
typedef struct {
	sr_arena *arena;
	const char *path;
	sr_value *meta; /* the whole front matter: always a map, maybe empty */
	int body_line;  /* the file line on which the Markdown body starts */

	const char *company, *role, *tone; /* NULL when absent */
	sr_person *interviewers;           /* from interviewer: or interviewers: */
	size_t ninterviewers;
	sr_person candidate;               /* all NULL when absent */
	bool has_date;
	sr_date date;                      /* when has_date */
	sr_date send_by;                   /* date + 48 hours, when has_date */
	int date_line;
	bool sent;                         /* sent: true, or sent: <date> */
	const char *sent_on;               /* the date text when sent: <date> */
	int max_words;                     /* 0 when not set */
	const char **filters;              /* extra filter files; nfilters of them */
	size_t nfilters;
	const char *defaults;              /* the defaults file it inherits
	                                      from (SR_DEFAULTS_FILE), or NULL */
	/* Why the file is not a note, or NULL: "empty file", "no front
	 * matter" or "no note fields in the front matter" (and no heading
	 * answers one of the six questions).  Such a file gets no draft and
	 * no lint: it is skipped. */
	const char *not_a_note;
	bool empty; /* the reason is that the file is empty */

	sr_point *points;     /* every point, in file order; npoints of them */
	size_t npoints;
	sr_section *sections; /* in file order; nsections of them */
	size_t nsections;
} sr_note;

/*
 * Reads the note at `path` (the text is read from the file) and parses it.
 * Returns the note, which the caller frees with sr_note_free, or NULL when
 * the note has an error.  Errors and warnings go to `diags` either way.
 */
sr_note *sr_note_read(const char *path, sr_diags *diags);
/* Reads a note file's bytes (up to SR_MAX_NOTE_BYTES; a FIFO or a folder
 * is refused) into a NUL-terminated buffer the caller frees; NULL with an
 * error in diags. */
char *sr_note_read_bytes(const char *path, size_t *len, sr_diags *diags);
/* The same for a note already in memory; `path` names it in messages. */
sr_note *sr_note_parse(const char *path, const char *data, size_t len,
    sr_diags *diags);
/* When the follow-up of a note with a date is due: 48 hours after the
 * interview, a date without a time counting as the end of that day
 * (23:59).  Only for note->has_date. */
time_t sr_note_deadline(const sr_note *note);
/* A moment as every message of a run shows one: "2026-03-04 11:00",
 * local time. */
void sr_when_format(time_t t, char *buf, size_t size);
/* A span as messages say it: "14 hours" under two days, "12 days"
 * after. */
void sr_due_format(double seconds, char *buf, size_t size);
/* Adds the line a file that is not a note gets when it is skipped
 * (nothing when note->not_a_note is NULL): a warning for an empty file,
 * else an SR_INFO line "not a note (no front matter): skipped". */
void sr_note_tell_skip(const sr_note *note, sr_diags *diags);
/* Frees the note and all it owns.  NULL is a no-op. */
void sr_note_free(sr_note *note);

/* ---- The defaults file (defaults.c) ------------------------------------ */

/* Front-matter fields every note below it inherits (a note's own win,
 * field by field), and the build's formats and output folder.  Read by
 * sr_note_parse for every note. */
#define SR_DEFAULTS_FILE "secondround.yaml"

/* The defaults file of a note or a folder: SR_DEFAULTS_FILE in its folder
 * or the nearest one above, up to the repository's root (a folder holding
 * .git) or /.  NULL when there is none; caller frees. */
char *sr_defaults_find(const char *path);
/* sr_defaults_find keeps its answer for the folder of the note it was
 * last asked about; this drops it (a build starts with it). */
void sr_defaults_forget(void);
/* h extended with the name and bytes of a note's defaults file. */
uint64_t sr_defaults_hash(uint64_t h, const char *note_path);

/* What the defaults file says about a build; all NULL when it says
 * nothing.  Free with sr_build_defaults_free. */
typedef struct {
	char *path;    /* the defaults file, or NULL when there is none */
	char *output;  /* `output:`, relative to the file's folder */
	char *formats; /* `formats:` as "md,txt" */
	int formats_line, formats_col;
} sr_build_defaults;

/* Reads the defaults file of a note or folder.  0 (out filled, maybe
 * empty), or -1 with the errors, located in the file, in diags. */
int sr_defaults_build(const char *path, sr_build_defaults *out,
    sr_diags *diags);
void sr_build_defaults_free(sr_build_defaults *d);

/* ---- Marking a note sent (sent.c) -------------------------------------- */

/* The note's bytes with its front matter's `sent:` field set to value (a
 * YAML scalar, written as given): the field's lines replaced, or a line
 * added before the closing '---' (a front matter made when there is
 * none); every other byte kept, the file's line ending used.  Returns
 * the new text (NUL-terminated, *outlen bytes) the caller frees, or NULL
 * with an error at path in diags. */
char *sr_note_mark_sent(const char *path, const char *data, size_t len,
    const char *value, size_t *outlen, sr_diags *diags);

/* The points of the section with `key`, over every heading with that key:
 * fills out (caller-owned, at most max entries) and returns how many there
 * are in all. */
size_t sr_note_points(const sr_note *note, sr_key key, const sr_point **out,
    size_t max);

/* ---- Filters ------------------------------------------------------------ */

/* Defaults for the limits of the filters: instructions and seconds per
 * note, memory for the whole batch (what filters keep between notes too). */
#define SR_DEFAULT_INSTRUCTIONS 100000000L     /* Lua VM instructions */
#define SR_DEFAULT_SECONDS 10L                 /* wall-clock, per note */
#define SR_DEFAULT_MEMORY (64L * 1024 * 1024) /* bytes of Lua heap */
#define SR_DEFAULT_MAX_WORDS 150                /* words in a draft's body */

/* Called with each line a filter logs through sr.log, already prefixed with
 * the filter's file and line. */
typedef void sr_log_fn(void *arg, const char *line);

typedef struct {
	const char *filters_dir;   /* the shipped filters; NULL: found beside
	                              the program, see sr_filters_dir() */
	bool no_default_filters;   /* leave out filters/impact.lua */
	const char **filters;      /* --filter files, in order; nfilters */
	size_t nfilters;
	long max_instructions;     /* per note; 0: SR_DEFAULT_INSTRUCTIONS */
	long max_seconds;          /* per note; 0: SR_DEFAULT_SECONDS */
	long max_memory;           /* bytes in all; 0: SR_DEFAULT_MEMORY */
	bool traceback;            /* add a Lua traceback to filter errors */
	bool allow_outside;        /* filters and modules may be links that
	                              leave their folder (--allow-outside) */
	sr_log_fn *log;            /* where sr.log goes; NULL: nowhere */
	void *log_arg;
} sr_engine_options;

/* One reason a filter gave for a point's score. */
typedef struct {
	const char *filter; /* the filter file's name, as shown in messages */
	double amount;
	const char *reason; /* may be "" */
} sr_reason;

/* What the scoring made of one point.  Strings belong to the note. */
typedef struct {
	double score;
	bool skip;            /* set by a filter (#skip), or private */
	const char *skip_why; /* who skipped it, when skip */
	sr_reason *reasons;
	size_t nreasons;
} sr_verdict;

/* A point chosen for a draft: note->points[point], in paragraph 1-3. */
typedef struct {
	size_t point;
	int paragraph;
	const char *role; /* "connect", "evidence", ...; may be NULL */
} sr_choice;

/*
 * One follow-up email: one per interviewer (a panel gives several), as the
 * compose and draft hooks left it.  The paragraphs are Markdown.  All
 * strings belong to the note.
 */
typedef struct {
	const sr_person *to;   /* the interviewer, or NULL when none is named */
	const char *slug;      /* a panel member's file-name part, else NULL */
	const char *subject;
	const char *greeting;  /* "Dear Maria," */
	const char **paragraphs;
	size_t nparagraphs;
	const char *closing;   /* "Best regards," */
	const char *signature; /* the candidate's name; may be NULL */
	const char *send_by;   /* may be NULL */
	int words;             /* words in the paragraphs */
	int max_words;         /* the budget it was composed for */
	sr_choice *chosen;     /* in the order select gave */
	size_t nchosen;
	const char **why_not;  /* per point: why it was left out, or NULL */
	const char *none;      /* why compose wrote no draft (nothing usable in
	                          the note), else NULL: then the fields above
	                          but `to` and `slug` are empty */
	const char **changes;  /* what each draft hook changed, in order:
	                          "warm.lua: greeting, closing"; nchanges */
	size_t nchanges;
} sr_draft;

/* The result of running the filters over a note: verdicts[i] belongs to
 * note->points[i]; one draft per recipient.  All memory belongs to the
 * note (its arena). */
typedef struct {
	sr_verdict *verdicts;
	sr_draft *drafts;
	size_t ndrafts;
} sr_outcome;

typedef struct sr_engine sr_engine;

/*
 * Creates the filter engine: one Lua state for the whole batch, with the
 * default filters and opts->filters loaded and checked.  Returns NULL, with
 * an error naming the file and line in diags, when a filter does not parse,
 * returns something other than a table of hooks, or names an unknown hook.
 * Free with sr_engine_free.
 */
sr_engine *sr_engine_new(const sr_engine_options *opts, sr_diags *diags);
void sr_engine_free(sr_engine *e);
/*
 * Runs the hooks over a note: note and score once, then select, compose and
 * draft for each recipient (each interviewer of a panel sees the points
 * that mention them or no one).  Nothing one note's run does is seen by the
 * next.
 * Returns 0 with the outcome filled, or -1 with an error naming the filter,
 * its line and the note in diags (the engine stays usable).
 */
int sr_engine_run(sr_engine *e, sr_note *note, sr_outcome *out,
    sr_diags *diags);
/* A hash of every filter the engine may run (the chain's files and the
 * shipped filters folder's *.lua) and the program's version: what a
 * rebuild compares to know that the filters changed. */
uint64_t sr_engine_fingerprint(const sr_engine *e);
/* Asks every filter run of this process to stop (its note fails,
 * "interrupted"); safe to call from a signal handler. */
void sr_interrupt(void);
/* Whether the code running now (writing a log line, say) is a filter
 * file's top level: what a file prints there is printed once per process
 * that runs it, so with -j the command prints it once. */
bool sr_engine_loading(const sr_engine *e);
/* The notes repository's own `filters` folder: the nearest one in the
 * note's folder or above it, or NULL.  Caller frees. */
char *sr_repo_filters_dir(const char *note_dir);
/* h extended with the names and bytes of the *.lua files in dir, sorted. */
uint64_t sr_lua_files_hash(uint64_t h, const char *dir);
/* The folder of the shipped filters: $SECONDROUND_FILTERS, else beside the
 * program (../filters in a build tree, ../share/secondround/filters when
 * installed), else the folder named at build time.  Caller frees. */
char *sr_filters_dir(void);

/* A report of what the filters did, for `secondround explain`: every point
 * with its score, its reasons and which filter gave each, and why it was or
 * was not chosen.  Returns a string the caller frees, NULL on out-of-memory. */
char *sr_explain_render(const sr_note *note, const sr_outcome *out);

/* ---- Rendering ---------------------------------------------------------- */

/*
 * A draft in each output format; every renderer has this shape.  Each
 * returns a NUL-terminated string the caller frees, or NULL on
 * out-of-memory.
 *   markdown: the email as CommonMark under a front matter (to, subject,
 *             send_by);
 *   text:     "Subject:", a blank line, the body wrapped at 72 columns;
 *   html:     a standalone page, the body rendered by cmark in safe mode.
 */
typedef char *sr_renderer(const sr_note *note, const sr_draft *draft);
sr_renderer sr_render_markdown, sr_render_text, sr_render_html;
/*   eml:      an RFC 5322 message (eml.c): From, To, Subject, X-Unsent: 1,
 *             multipart/alternative of the text and the HTML, CRLF lines;
 *             for a draft sr_eml_check passed. */
sr_renderer sr_render_eml;
/* Whether a draft can be an .eml: -1, with an error naming the field,
 * when a header would carry a line break or a second address (the raw
 * front matter is read, before the reader made it one line); a warning
 * when the draft has no To (no address for the interviewer). */
int sr_eml_check(const sr_note *note, const sr_draft *d, sr_diags *diags);

/* The plain-text renderer on its own: CommonMark in, text wrapped at
 * `width` columns out.  Caller frees. */
char *sr_text_from_markdown(const char *md, size_t len, int width);

/* ---- The output folder ------------------------------------------------- */

typedef struct sr_outdir sr_outdir;

/* Opens the output folder, making it (and the folders above) when missing.
 * Refuses a path any component of which is a symbolic link.  With
 * fsync_files, each file is flushed to disk before it replaces the old one.
 * Close with sr_outdir_close. */
sr_outdir *sr_outdir_open(const char *path, bool fsync_files,
    sr_diags *diags);
void sr_outdir_close(sr_outdir *o);
const char *sr_outdir_path(const sr_outdir *o);
/* Writes rel (a relative path made from an input path) atomically: a
 * temporary file in the same folder, then rename.  Makes the folders on the
 * way, refusing symbolic links.  0, or -1 with an error in diags (and no
 * file left behind). */
int sr_outdir_write(sr_outdir *o, const char *rel, const char *data,
    size_t len, sr_diags *diags);
/* Files of one folder written together: each to a temporary file first
 * (sr_outdir_stage), then all renamed into place (sr_outdir_publish) or
 * all removed (sr_outdir_discard), either of which empties the staging.
 * Zero-initialise. */
typedef struct {
	struct sr_staged_file *files;
	size_t count, cap;
	int dir; /* the folder, when count > 0 */
} sr_staging;
/* 0, or -1 with an error in diags, placed at who (the note being written)
 * when not NULL; what was staged stays for discard either way. */
int sr_outdir_stage(sr_outdir *o, sr_staging *s, const char *rel,
    const char *data, size_t len, const char *who, sr_diags *diags);
int sr_outdir_publish(sr_outdir *o, sr_staging *s, const char *who,
    sr_diags *diags);
void sr_outdir_discard(sr_staging *s);
/* A file of the output folder opened for appending (made when missing),
 * or -1 (errno set).  Caller closes. */
int sr_outdir_append(sr_outdir *o, const char *rel);
void sr_outdir_remove(sr_outdir *o, const char *rel);
/* Takes the output folder for this run (one run at a time writes into
 * it), waiting up to wait_seconds for a run that holds it; then removes
 * the temporary files that runs which were killed left.  0, or -1 with
 * an error in diags that names the process holding it.  Released by
 * sr_outdir_close. */
int sr_outdir_lock(sr_outdir *o, int wait_seconds, sr_diags *diags);
/* Sets the modification time of rel to now (nothing when it fails). */
void sr_outdir_touch(sr_outdir *o, const char *rel);
/* Whether rel is a regular file of the output folder (one fstatat). */
bool sr_outdir_has(sr_outdir *o, const char *rel);
/* The file rel of the output folder opened for reading, a regular file;
 * -1 when it cannot be (*absent: it does not exist; errno 0: it is not a
 * regular file).  The caller closes it. */
int sr_outdir_open_read(sr_outdir *o, const char *rel, bool *absent);
/* Compares the file rel of the output folder with data (len bytes),
 * reading it a piece at a time: 1 the same bytes, 0 not, and then *hash
 * is the file's hash (sr_hash from SR_HASH_INIT); -1 it cannot be read
 * (*absent: it does not exist). */
int sr_outdir_compare(sr_outdir *o, const char *rel, const char *data,
    size_t len, uint64_t *hash, bool *absent);
/* A file of the output folder, or NULL when it cannot be read (*absent
 * says whether that is because it does not exist).  Caller frees. */
char *sr_outdir_read(sr_outdir *o, const char *rel, size_t *len,
    bool *absent);

/* 64-bit FNV-1a, chained: sr_hash(sr_hash(SR_HASH_INIT, a, n), b, m). */
#define SR_HASH_INIT 0xcbf29ce484222325ULL
uint64_t sr_hash(uint64_t h, const void *data, size_t len);

typedef struct {
	const char *output; /* relative to the output folder */
	const char *note;   /* the note it came from, relative to its root */
	uint64_t input_hash, output_hash;
	/* what the overview page shows of its draft (index.c), or NULL */
	const char *info;
} sr_manifest_entry;

/* What produced each output file (see manifest.c), held in memory.
 * Zero-initialise (an empty one, with no journal), or sr_manifest_load;
 * free with sr_manifest_free. */
typedef struct sr_manifest_table sr_manifest_table;
typedef struct {
	sr_manifest_table *t;
	bool changed; /* since loaded or saved */
} sr_manifest;

/* Reads the manifest of the output folder, and folds in the journal a
 * run that was killed left (see sr_manifest_journal). */
int sr_manifest_load(sr_manifest *m, sr_outdir *o, sr_diags *diags);
/* The entry of an output, or NULL.  Entries are the manifest's: valid
 * until it is freed (a removed one keeps its values). */
const sr_manifest_entry *sr_manifest_find(sr_manifest *m, const char *output);
/* The entries of a note's outputs whose names start with prefix: returns
 * how many there are, and fills out with at most max of them, sorted. */
size_t sr_manifest_outputs(sr_manifest *m, const char *note,
    const char *prefix, const sr_manifest_entry **out, size_t max);
/* Records an output; made_by (copied) marks it as made in this run by that
 * note, unless NULL, which keeps the mark it has.  -1: out of memory. */
int sr_manifest_set(sr_manifest *m, const char *output, const char *note,
    uint64_t input_hash, uint64_t output_hash, const char *made_by);
/* Marks entry e (as found, unchanged) as this run's note made_by's. */
int sr_manifest_claim(sr_manifest *m, const sr_manifest_entry *e,
    const char *made_by);
/* The path of the note of this run that made (or kept) entry e's output,
 * or NULL: none yet. */
const char *sr_manifest_made_by(const sr_manifest *m,
    const sr_manifest_entry *e);
/* Sets what the overview shows of an output's draft (copied; one line
 * without a tab; NULL: nothing) on its entry, when it has one.  -1: out
 * of memory, or a tab or a line break in info. */
int sr_manifest_set_info(sr_manifest *m, const char *output,
    const char *info);
/* Every entry, sorted by output, in an array the caller frees (the
 * entries stay the manifest's); *n of them.  NULL: out of memory. */
const sr_manifest_entry **sr_manifest_list(sr_manifest *m, size_t *n);
/* Forgets an output (its file is left alone). */
int sr_manifest_remove(sr_manifest *m, const char *output);
/* Says, before files of the output folder are replaced, what they will
 * be (n outputs of a note, with the hashes of their new bytes): lines
 * appended to the journal beside the manifest, so that a run killed
 * before it saves still knows them as its own next time.  0, or -1
 * (errno set) when the journal cannot be written. */
int sr_manifest_journal(sr_manifest *m, const char *note,
    uint64_t input_hash, const char *const *outputs, const uint64_t *hashes,
    size_t n);
/* Writes the manifest (atomically) when it changed, and removes the
 * journal. */
int sr_manifest_save(sr_manifest *m, sr_outdir *o, sr_diags *diags);
void sr_manifest_free(sr_manifest *m);

/* ---- Worker processes (-j N) ------------------------------------------- */

/* A message a worker sends back: a growing byte string (zero-initialise;
 * free with sr_pack_free).  failed: out of memory, the message is lost. */
typedef struct {
	char *data;
	size_t len, cap;
	bool failed;
} sr_pack;

void sr_pack_u64(sr_pack *p, uint64_t v);
void sr_pack_str(sr_pack *p, const char *s); /* NULL is kept as NULL */
void sr_pack_raw(sr_pack *p, const void *data, size_t len);
void sr_pack_diags(sr_pack *p, const sr_diags *d);
void sr_pack_free(sr_pack *p);

/* Reads a message back; bad is set when it ends early or is malformed. */
typedef struct {
	const char *p, *end;
	bool bad;
} sr_unpack;

uint64_t sr_unpack_u64(sr_unpack *u);
/* A string of the message (pointing into it), or NULL. */
const char *sr_unpack_str(sr_unpack *u);
/* Adds the diagnostics of the message to d. */
void sr_unpack_diags(sr_unpack *u, sr_diags *d);

/* Item i's work, in a worker: its answer goes into msg. */
typedef void sr_jobs_work_fn(void *arg, size_t i, sr_pack *msg);
/* Why an item has no answer. */
typedef enum {
	SR_JOBS_DIED,    /* its worker ended (out of memory, killed) */
	SR_JOBS_TIMEOUT  /* it ran past its time: the watchdog ended it */
} sr_jobs_loss;
/* Item i's answer, in the parent, in the order of the items; msg is NULL
 * when the worker that had it died, and why says how.  Returns 0 to go on,
 * anything else to stop the batch there (the workers are then stopped
 * too). */
typedef int sr_jobs_take_fn(void *arg, size_t i, const char *msg,
    size_t len, sr_jobs_loss why);

/* Runs items 0..n-1 in that many forked worker processes (each with its
 * own copy of everything, the Lua state among it), or with workers 0 in
 * this process.  A worker that spends more than `seconds` on one item (0:
 * no limit) is ended, as is one that fails otherwise: the item is lost,
 * and the worker's other items go to a new one.  Returns 0, or -1 when
 * the workers could not be started (no item was taken then). */
int sr_jobs_run(size_t n, unsigned workers, unsigned seconds,
    sr_jobs_work_fn *work, sr_jobs_take_fn *take, void *arg);
/* Item i's answer when it can be given at once, running nothing that may
 * hang (no filter): packed into msg, and true; else false (what it packed
 * then is dropped). */
typedef bool sr_jobs_quick_fn(void *arg, size_t i, sr_pack *msg);
/* sr_jobs_run, where a worker first asks quick for an item's answer:
 * such an item has no watchdog, and its answer goes to the parent with
 * the next ones in one write (before the worker starts on any item quick
 * cannot answer).  The answers are taken in the order of the items all
 * the same. */
int sr_jobs_run_quick(size_t n, unsigned workers, unsigned seconds,
    sr_jobs_quick_fn *quick, sr_jobs_work_fn *work, sr_jobs_take_fn *take,
    void *arg);
/* Ends the worker processes of the sr_jobs_run under way (what they were
 * working on is lost; their take then gets NULL); safe to call from a
 * signal handler.  The program's own interrupt handler calls it: a signal
 * sent to the parent alone must stop a filter run in a worker too. */
void sr_jobs_interrupt(void);

/* ---- Building drafts ---------------------------------------------------- */

enum { SR_FORMAT_MD = 1, SR_FORMAT_TXT = 2, SR_FORMAT_HTML = 4,
    SR_FORMAT_EML = 8 };

typedef enum {
	SR_BUILD_WRITTEN,    /* something was written */
	SR_BUILD_UP_TO_DATE, /* nothing to do */
	SR_BUILD_KEPT,       /* an output edited by hand was kept */
	SR_BUILD_NO_DRAFT,   /* nothing in the note to write a draft from */
	SR_BUILD_SKIPPED,    /* not a note (note->not_a_note): no draft */
	SR_BUILD_SENT,       /* marked sent: no new draft, the old ones kept */
	SR_BUILD_FAILED
} sr_build_status;

/* What building one note did, for the line the command prints. */
typedef struct {
	sr_build_status status;
	size_t written, unchanged, kept; /* output files */
	char first_output[4352];         /* the first file written */
	size_t ndrafts;
	size_t nodraft;                  /* drafts compose did not write */
	int words;                       /* of the longest draft */
	bool over_budget;
	int max_words;                   /* the budget of the longest draft */
	bool empty;                      /* skipped: the file is empty */
	bool has_date, sent;
	time_t send_by;
	char send_by_text[40];
} sr_build_result;

typedef struct sr_builder sr_builder;

/* A batch writing into out with the engine's filters; fmts is a set of
 * SR_FORMAT_*; force replaces drafts edited by hand.  Loads the manifest.
 * Free with sr_builder_free, after a last sr_builder_save. */
sr_builder *sr_builder_new(sr_engine *engine, sr_outdir *out, unsigned fmts,
    bool force, sr_diags *diags);
/* Builds one note (rel: its path under its root, which names the
 * outputs; path is kept as a pointer, so it must stay valid until the
 * builder is freed).  0, or -1 with the error in diags; res says what happened. */
int sr_builder_note(sr_builder *b, const char *path, const char *rel,
    sr_build_result *res, sr_diags *diags);
/* The same in two halves, for -j: the work of a worker (read the note,
 * decide whether it is up to date, run the filters, render) packed into
 * msg; and the parent's part, in the order of the notes (write what
 * changed, keep what was edited, update the manifest), which reads the
 * worker's message with u.  The worker half changes nothing the parent
 * sees. */
void sr_builder_compute(sr_builder *b, const char *path, const char *rel,
    sr_pack *msg);
/* sr_builder_compute's answer for a note that is up to date, and true;
 * false (nothing packed) for any other.  It reads the note, not its
 * drafts, and runs no filter (the quick function of sr_jobs_run_quick). */
bool sr_builder_quick(sr_builder *b, const char *path, const char *rel,
    sr_pack *msg);
int sr_builder_commit(sr_builder *b, const char *path, const char *rel,
    sr_unpack *u, sr_build_result *res, sr_diags *diags);
/* Writes the overview page, index.html, from the manifest (no note is
 * read), statuses measured at now: before the last save.  0, or -1 with
 * an error in diags. */
int sr_builder_index(sr_builder *b, time_t now, sr_diags *diags);
/* For a note that is gone (rel: its name under its root, as it was
 * built): its drafts that are as generated are removed and forgotten,
 * each named in an SR_INFO line; one edited by hand is kept, and stays
 * listed.  0, or -1 with an error in diags. */
int sr_builder_forget(sr_builder *b, const char *rel, sr_diags *diags);
/* Saves the manifest when it changed: at the end, and between two notes
 * as often as wanted (a long build saves on the way, so a kill loses
 * only what it wrote since). */
int sr_builder_save(sr_builder *b, sr_diags *diags);
void sr_builder_free(sr_builder *b);

/* ---- Checking ---------------------------------------------------------- */

/* Adds the warnings of `secondround check` for a parsed note: empty
 * questions, a missing company or date, a passed deadline for a note not
 * sent (measured against `now`). */
void sr_check_note(const sr_note *note, time_t now, sr_diags *diags);
/* Adds the warnings for a composed draft: over its word budget, or using a
 * stock phrase (a custom filter's output is checked the same way). */
void sr_check_draft(const sr_note *note, const sr_draft *d, sr_diags *diags);

/* The draft lint (lint.c): warnings for what a reader would catch in the
 * draft (a seam, note-speak, the reader in the third person, a stock
 * phrase), each at the note line of the point its sentence came from. */
void sr_lint_draft(const sr_note *note, const sr_draft *d, sr_diags *diags);

/* ---- Finding notes ----------------------------------------------------- */

/* A path to a note as the command line named it (or a folder's walk
 * found it), with its name relative to its notes root; rel points into
 * path's block (into path, or past its NUL): freeing path frees both. */
typedef struct {
	char *path;
	const char *rel;
} sr_path;

/* The notes of a batch.  Zero-initialise; free with sr_paths_free. */
typedef struct {
	sr_path *items;
	size_t count, cap;
	size_t skipped; /* output folders left out (each said in diags) */
	bool allow_outside; /* set by the caller: read notes whose real path
	                       leaves the folder named (--allow-outside) */
} sr_paths;

/*
 * Adds `path` to `out`: a file as it is, a folder as every `*.md`,
 * `*.markdown`, `*.mdown` and `*.mkd` below it (recursively, sorted; hidden
 * entries, symbolic links to folders and folders holding a
 * .secondround-manifest skipped, the last with an SR_INFO line).  A note
 * that is a link whose real path leaves the folder named (a file named:
 * its notes root, or its folder) gets an error and is left out, unless
 * out->allow_outside.  Returns 0, or -1 with an error in diags when the
 * path cannot be read or a note was refused.
 */
int sr_paths_collect(const char *path, sr_paths *out, sr_diags *diags);
/* The same, the names made relative to the notes root: `under` is the
 * folder named (a file's: its folder) below its root, from sr_notes_root
 * ("2026/11", "" at the root; NULL: the folder named is the root).  A
 * folder of the walk that is a notes root itself is the root of what is
 * below it.  Each path stays as given, for messages. */
int sr_paths_collect_under(const char *path, const char *under,
    sr_paths *out, sr_diags *diags);
/*
 * The notes root of a file or folder: the nearest folder at or above it
 * that is named `notes` or holds a .secondround marker file.  Output
 * names are made relative to it, so a note gets the same drafts however
 * it is named on the command line (also from inside the notes folder).
 * Sets *under to the path of the folder named (a file's: its folder)
 * below the root, NULL when there is no root above; the caller frees it.
 * 0, or -1 when out of memory.
 */
int sr_notes_root(const char *path, char **under);
void sr_paths_free(sr_paths *p);

/* ---- Watching notes (watch.c) ----------------------------------------- */

/* The notes named by args (files and folders, as a build takes them;
 * args must outlive the watch), watched with inotify, or looked at every
 * second with polling (or when inotify is not there: a warning says so).
 * Free with sr_watch_free; NULL with an error in diags. */
typedef struct sr_watch sr_watch;
sr_watch *sr_watch_new(char **args, size_t nargs, bool polling,
    sr_diags *diags);
/* The notes as last seen (the watch's). */
const sr_paths *sr_watch_notes(const sr_watch *w);
bool sr_watch_polling(const sr_watch *w);
/* Waits until notes change and have settled (a burst of saves is one
 * change): 1 with the notes new or changed in changed and those gone in
 * removed (both the caller's, to free with sr_paths_free); 0 when *stop
 * was set (a signal's handler sets it; the wait ends at the signal); -1
 * with an error in diags. */
int sr_watch_wait(sr_watch *w, sr_paths *changed, sr_paths *removed,
    volatile sig_atomic_t *stop, sr_diags *diags);
void sr_watch_free(sr_watch *w);


#endif /* SECONDROUND_H */
