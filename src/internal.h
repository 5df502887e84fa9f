/*
 * internal.h - what the library's files share and the public header does not
 * show: the per-note arena, a growable byte buffer, UTF-8 helpers, and the
 * entry points of each parsing stage.
 */
#ifndef SR_INTERNAL_H
#define SR_INTERNAL_H

#include <stdint.h>

#include "secondround.h"

/* ---- arena.c: one allocation pool per note, freed at once -------------- */

/* Creates an empty arena; NULL on out-of-memory.  Free with sr_arena_free. */
sr_arena *sr_arena_new(void);
void sr_arena_free(sr_arena *a);
/* Zeroed memory that lives as long as the arena; NULL on out-of-memory. */
void *sr_arena_alloc(sr_arena *a, size_t size);
/* A NUL-terminated copy of len bytes of s; NULL on out-of-memory. */
char *sr_arena_strndup(sr_arena *a, const char *s, size_t len);
char *sr_arena_strdup(sr_arena *a, const char *s);
/* Grows an array held in the arena: returns a new array of newcap elements
 * holding the first count of old (the old one is simply abandoned). */
void *sr_arena_grow(sr_arena *a, void *old, size_t count, size_t newcap,
    size_t elem);

/* ---- buf.c: a growable byte buffer on malloc ------------------------- */

/* The public sr_pack (a worker's message) is this buffer: data is always
 * NUL-terminated when not NULL; failed: an allocation failed, the
 * contents are incomplete. */
typedef sr_pack sr_buf;

void sr_buf_put(sr_buf *b, const char *s, size_t len);
void sr_buf_puts(sr_buf *b, const char *s);
void sr_buf_putc(sr_buf *b, char c);
/* s as an RFC 5322 quoted string: in '"', each '"' and '\' escaped. */
void sr_buf_put_quoted(sr_buf *b, const char *s);
void sr_buf_printf(sr_buf *b, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
void sr_buf_free(sr_buf *b);
/* The contents as a string the caller frees ("" when empty), or NULL when
 * an allocation failed; either way the buffer is left empty. */
char *sr_buf_take(sr_buf *b);
/* write(2) until every byte is written (EINTR retried); false on error. */
bool sr_write_all(int fd, const void *data, size_t len);

/* ---- paths.c: a list of names, each malloc'ed and owned by the list - */

typedef struct {
	char **items;
	size_t count, cap;
} sr_names;

/* Takes name (unless it returns -1: out of memory). */
int sr_names_add(sr_names *names, char *name);
void sr_names_sort(sr_names *names);
/* Whether the sorted names hold name. */
bool sr_names_has(const sr_names *names, const char *name);
void sr_names_free(sr_names *names);

/* ---- diag.c ------------------------------------------------------------ */

/* Appends s with control characters shown as \xNN. */
void sr_visible(sr_buf *b, const char *s, bool keep_newlines);

/* ---- utf8.c ------------------------------------------------------------- */

/* Decodes one code point at s (n bytes left); returns its length (1-4), or 0
 * when the bytes there are not valid UTF-8.  *cp gets the code point. */
size_t sr_utf8_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Checks a whole file's text: returns the offset of the first invalid byte
 * or NUL byte, or len when it is all valid, NUL-free UTF-8. */
size_t sr_utf8_check(const char *s, size_t len);
/* Whether a code point is invisible or breaks a line: C0 and C1 controls
 * (tab and newline too), DEL, U+2028/U+2029, bidi controls (U+202A-U+202E,
 * U+2066-U+2069, LRM, RLM, ALM) and zero-width characters (U+200B, U+2060,
 * U+FEFF; not the joiners U+200C/U+200D, which scripts need). */
bool sr_utf8_invisible(uint32_t cp);
/* The offset of the first invisible character (tab excepted) in s, or len;
 * *cp (when not NULL) gets it. */
size_t sr_utf8_find_invisible(const char *s, size_t len, uint32_t *cp);
/* Removes the invisible characters of s in place, a line break (and a tab)
 * made a blank; returns the new length. */
size_t sr_utf8_strip_invisible(char *s);
/* Appends s with each byte that is not (part of) valid UTF-8, and each
 * NUL, replaced by U+FFFD: what a filter hands on (a string cut in the
 * middle of a character) reaches no output as broken text. */
void sr_utf8_repair(sr_buf *b, const char *s, size_t len);
/* Line and column (1-based, column counted in characters) of offset in s. */
void sr_text_position(const char *s, size_t offset, int *line, int *col);

/* ---- text.c: words for filters --------------------------------------- */

/* Whether a code point is a letter or digit (of any script), not
 * punctuation, a symbol or an emoji. */
bool sr_text_is_word_cp(uint32_t cp);
/* Words in s: runs of non-blank characters holding a letter or digit. */
int sr_text_words(const char *s, size_t n);
/* Calls fn for each content word of s (three letters or more, not a stop
 * word) with its lower-case form and its stem; stops when fn returns
 * non-zero and returns -1 then, else 0. */
typedef int sr_term_fn(void *arg, const char *word, const char *stem);
int sr_text_terms(const char *s, size_t n, sr_term_fn *fn, void *arg);
bool sr_text_is_stop_word(const char *lower_word);
/* The edit distance between a (n bytes) and b (m bytes), a swap of two
 * neighbours counting one; anything over limit is limit + 1. */
size_t sr_text_distance(const char *a, size_t n, const char *b, size_t m,
    size_t limit);
/* How many letters a misspelling of a word of len letters may change:
 * none under five ("park" is not "perk"), one up to seven, two from
 * eight. */
size_t sr_text_near_limit(size_t len);
/* Folds a word in place (lower case, then a light stemmer so that
 * "nurses"/"nurse" and "scheduling"/"schedule" meet); returns its length. */
size_t sr_text_fold(char *w, size_t n);
/* Whether s holds an amount: a number, a percentage, money, a multiplier
 * (years, quarters and times of day are not amounts). */
bool sr_text_has_quantity(const char *s, size_t n);

/* ---- note.c ------------------------------------------------------------ */

/* Whether path is a regular file this process may read (not a FIFO, a
 * device or a folder: what a filter or a note may name). */
bool sr_regular_file(const char *path);
/* Whether path, symbolic links followed, is dir or below it (confine.c);
 * false when either cannot be resolved. */
bool sr_path_inside(const char *path, const char *dir);
/* The length of a note file name's extension (".md", ".markdown",
 * ".mdown", ".mkd"), or 0 when it has none of them. */
size_t sr_note_ext_len(const char *name);

/* ---- frontmatter.c ------------------------------------------------------ */

/* Where the front matter is in a file's text. */
typedef struct {
	bool present;        /* the file starts with a '---' line */
	size_t yaml_start;   /* offset of the YAML text (after the '---' line) */
	size_t yaml_len;     /* its length, up to the closing line */
	size_t body_start;   /* offset of the body (after the closing line) */
	int yaml_line;       /* file line of the YAML text's first line */
	int body_line;       /* file line of the body's first line */
} sr_split;

/* Finds the front matter block at the start of data (after a BOM).  Returns
 * false, with an error in diags, when the block is unterminated, is TOML,
 * or is larger than SR_MAX_FRONTMATTER_BYTES. */
bool sr_frontmatter_split(const char *path, const char *data, size_t len,
    sr_split *out, sr_diags *diags);
/* Parses the YAML text into a map value in the arena.  Returns NULL, with an
 * error in diags, when it is not valid YAML or not a map, or goes past a
 * limit.  line_offset is added to libyaml's lines. */
sr_value *sr_frontmatter_parse(sr_arena *a, const char *path,
    const char *yaml, size_t len, int line_offset, sr_diags *diags);

/* ---- fields.c ----------------------------------------------------------- */

/* Reads the known fields of note->meta into the note.  Returns false when a
 * field has a form that cannot be read (an error in diags). */
bool sr_fields_read(sr_note *note, sr_diags *diags);
/* The name without a title before it: "Yvonne Castell" of "Dr Yvonne
 * Castell" (a pointer into name), for first names and file names. */
const char *sr_person_given(const char *name);

/* ---- defaults.c --------------------------------------------------------- */

/* Fills what the note's front matter leaves out from its defaults file
 * (note->meta and the fields read from it).  False with the errors,
 * located in the defaults file, in diags. */
bool sr_defaults_apply(sr_note *note, sr_diags *diags);
/* The file a front-matter field of the note was read from: the note, or
 * its defaults file when the note inherits the field. */
const char *sr_note_field_file(const sr_note *note, const char *key);

/* ---- sections.c --------------------------------------------------------- */

/* The normal form of a heading as the matcher sees it, " w1 w2 ", into out
 * (size bytes).  For tests. */
void sr_section_normalize(const char *s, char *out, size_t size);
/* For a heading that matches no question: the key whose phrase it nearly
 * spells ("Problms": problems), and that phrase (normalised); false when
 * none is near. */
bool sr_section_suggest(const char *heading, sr_key *key,
    const char **phrase);

/* ---- points.c ----------------------------------------------------------- */

/* Gives headings that match no question the questions left between two
 * that do, in the article's order, when there are as many of each. */
void sr_section_infer(sr_section *s, size_t n);

/* Parses the body with cmark and fills note->points and note->sections. */
bool sr_points_read(sr_note *note, const char *body, size_t len,
    sr_diags *diags);

/* ---- images.c: a draft fetches nothing from elsewhere ---------------- */

/* Replaces each image of the draft's Markdown whose address leaves the
 * note's folder by its alt text, with a warning in diags; the new strings
 * belong to the note.  Returns 0, or -1 when out of memory. */
int sr_draft_local_images(sr_note *note, sr_draft *d, sr_diags *diags);

/* ---- sandbox.c: the Lua state and its walls ------------------------- */

typedef struct lua_State lua_State;

typedef enum {
	SR_STOP_NONE, SR_STOP_STEPS, SR_STOP_MEMORY, SR_STOP_TIME
} sr_stop;

typedef struct sr_pool sr_pool; /* the state's small blocks (sandbox.c) */

typedef struct {
	lua_State *L;
	sr_pool *pool;
	char *filters_dir; /* the shipped filters, for require */
	bool traceback;    /* errors carry a Lua traceback */
	sr_log_fn *log;
	void *log_arg;
	size_t used;       /* bytes Lua holds live */
	size_t base;       /* of which after the last full collection */
	size_t held;       /* bytes taken from the system: slabs, big blocks */
	size_t limit;      /* held never grows past this; 0: no limit */
	long steps, max_steps;
	long max_seconds;  /* the wall-clock budget, for its message */
	double deadline;   /* CLOCK_MONOTONIC seconds; 0: none */
	bool watching;     /* a function's returns are watched */
	int return_line;   /* the line of its last return; 0: none yet */
	int closing;       /* coroutine.close calls under way */
	sr_stop stopped;   /* which limit ended the last run, if any */
	int loading;       /* filter files whose top level is running */
	bool allow_outside; /* require may follow links out of a folder */
} sr_sandbox;

/* A new state with the libraries opened and locked, which never holds
 * more than max_memory bytes (0: no cap); NULL on failure.  max_seconds
 * is the wall-clock budget runs are given, for its error message. */
sr_sandbox *sr_sandbox_new(const char *filters_dir, bool traceback,
    size_t max_memory, long max_seconds, sr_log_fn *log, void *log_arg);
void sr_sandbox_free(sr_sandbox *sb);
/* Pushes the compiled chunk of a filter file (compiled once, then cached);
 * returns 0, or -1 with the error message pushed instead. */
int sr_sandbox_load(sr_sandbox *sb, const char *path);
/* Pushes a fresh environment: the allowed base functions, the read-only
 * libraries and `sr`, with load and require bound to it; dir is the
 * folder require searches first. */
void sr_sandbox_push_env(sr_sandbox *sb, const char *dir);
/* Records the environment at idx as it is now (its file has run): after
 * every note it is put back so (sr_sandbox_end). */
void sr_sandbox_seal(sr_sandbox *sb, int idx);
/* lua_pcall with the message handler; on error the message (a string,
 * with file and line) is pushed.  Returns lua_pcall's status. */
int sr_sandbox_call(sr_sandbox *sb, int nargs, int nresults);
/* Whether the value at idx is the library's own global `name` (the base
 * `select`, say), not something a filter defined. */
bool sr_sandbox_is_builtin(sr_sandbox *sb, const char *name, int idx);
/* Starts a note's run with the given limits (0: none): an instruction
 * budget, and a deadline from sr_sandbox_deadline.  sr_sandbox_end ends
 * it: the sealed environments put back, garbage collected now and then. */
void sr_sandbox_begin(sr_sandbox *sb, long max_steps, double deadline);
/* Watches the returns of the function at idx (0: stops): return_line is
 * then the line of its last return (0 when it returned none itself, by a
 * tail call, say). */
void sr_sandbox_watch(sr_sandbox *sb, int idx);
/* The deadline `seconds` from now (0: none). */
double sr_sandbox_deadline(long seconds);
void sr_sandbox_end(sr_sandbox *sb);
/* A full collection, now. */
void sr_sandbox_collect(sr_sandbox *sb);
/* print() and sr.log: the arguments, tab-separated, after "file:line: ". */
int sr_sandbox_log(lua_State *L);

/* ---- srlib.c: the sr module ------------------------------------------ */

/* Pushes a new table with the sr helpers. */
void sr_srlib_push(lua_State *L);

/* ---- render_*.c ------------------------------------------------------ */

/* The email's body as Markdown: greeting, paragraphs, closing and
 * signature.  Caller frees; NULL on out-of-memory. */
char *sr_render_body(const sr_draft *d);
void sr_person_format(sr_buf *b, const sr_person *p);
void sr_html_escape(sr_buf *b, const char *s);
/* Columns the UTF-8 text takes (wide characters two, marks none). */
int sr_text_width(const char *s, size_t n);

/* ---- index.c: the overview page ------------------------------------ */

/* What the overview shows of a draft (its note's deadline, sent, company
 * and role, the draft's words and interviewer), as the manifest keeps it
 * with each of the draft's outputs.  Caller frees; NULL: out of memory. */
char *sr_index_info(const sr_note *note, const sr_draft *d);
/* The same field of a draft whose note is now marked sent.  Caller
 * frees; NULL: out of memory. */
char *sr_index_info_sent(const char *info);
/* Writes index.html in the output folder from the manifest's entries
 * (the drafts whose files are there), statuses measured at now, when its
 * bytes change; records it in the manifest.  One edited by hand (or not
 * written by secondround) is kept with a warning unless force.  0, or -1
 * with an error in diags. */
int sr_index_write(sr_manifest *m, sr_outdir *o, time_t now, bool force,
    sr_diags *diags);

#endif /* SR_INTERNAL_H */
