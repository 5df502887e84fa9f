/*
 * filter.c - the filter engine: loads the filter chain (built-in defaults,
 * --filter files, the note's own `filters:` and `tone:`), hands each note to
 * Lua as a table, runs the note, score and select hooks, and reads back what
 * they decided into an sr_outcome.
 *
 * A note's whole run is one C function under one protected call: every Lua
 * error, a filter's or the limits', unwinds to sr_engine_run, which turns
 * it into a message naming the filter file, its line and the note.
 */
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <lauxlib.h>

#include "internal.h"

#ifndef SR_DATADIR
#define SR_DATADIR "/usr/local/share/secondround"
#endif

static const char *const hook_names[] = {"note", "score", "select",
    "compose", "draft", NULL};

typedef struct {
	char *path; /* as opened */
	char *dir;  /* its folder, for require */
} filter;

/* Where a filter a note names was found, for the notes of one folder. */
typedef struct {
	char *dir, *name;
	filter found; /* found.path NULL: not found */
	bool outside; /* found, but a link that leads out of its folder */
} found_filter;

struct sr_engine {
	sr_sandbox *sb;
	char *filters_dir;
	filter *chain; /* defaults and --filter files */
	size_t nchain;
	long max_steps, max_seconds, max_memory;
	found_filter *found; /* find_filter's answers for one folder */
	size_t nfound;
	bool allow_outside;
};

/* What one note's run works with; reached from Lua as a light userdata. */
typedef struct {
	sr_engine *e;
	sr_note *note;
	sr_outcome *out;
	sr_diags *diags;
	const char *current; /* the filter whose code runs, for messages */
	int current_line;
	size_t kept;         /* bytes of the filters' output copied */
	lua_Integer *slot;   /* each point's place in note.points; 0: private */
} run;

/* ---- paths -------------------------------------------------------------- */

static char *
dup_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return strdup(".");
	if (slash == path)
		return strdup("/");
	return strndup(path, (size_t)(slash - path));
}

/* dir/name in a new string the caller frees; NULL on out-of-memory. */
static char *
path_join(const char *dir, const char *name)
{
	sr_buf b = {0};

	sr_buf_printf(&b, "%s/%s", dir, name);
	return sr_buf_take(&b);
}

/* A path as messages show it: relative to the working folder when under
 * it.  Caller frees. */
static char *
display_path(const char *path)
{
	char *real = realpath(path, NULL), cwd[PATH_MAX];
	size_t n;

	if (real == NULL)
		return strdup(path);
	if (getcwd(cwd, sizeof(cwd)) != NULL && (n = strlen(cwd)) > 1 &&
	    strncmp(real, cwd, n) == 0 && real[n] == '/') {
		char *rel = strdup(real + n + 1);

		free(real);
		return rel;
	}
	return real;
}

char *
sr_filters_dir(void)
{
	static const char *const beside[] = {"/../filters",
	    "/../share/secondround/filters"};
	const char *env = getenv("SECONDROUND_FILTERS");
	char exe[PATH_MAX], probe[PATH_MAX + 64];
	ssize_t n;
	size_t i;
	char *dir;

	if (env != NULL && *env != '\0')
		return strdup(env);
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		if ((dir = dup_dirname(exe)) == NULL)
			return NULL;
		for (i = 0; i < sizeof(beside) / sizeof(beside[0]); i++) {
			snprintf(probe, sizeof(probe), "%s%s/default.lua", dir,
			    beside[i]);
			if (access(probe, R_OK) == 0) {
				probe[strlen(probe) - strlen("/default.lua")] =
				    '\0';
				free(dir);
				return display_path(probe);
			}
		}
		free(dir);
	}
	return strdup(SR_DATADIR "/filters");
}

/* Finds a filter named by a note: beside the note, then in a `filters`
 * folder of the notes repository (the nearest one above the note), then in
 * the shipped filters folder; ".lua" is added when the name has none.
 * One beside the note or in the repository's filters folder that is a
 * link leading out of its folder is not read: NULL, *outside set.
 * Caller frees. */
static char *
find_filter(const sr_engine *e, const char *note_path, const char *name,
    bool *outside)
{
	const char *dirs[3];
	sr_buf b = {0};
	char *note_dir, *repo;
	size_t i, k;
	bool ext = strlen(name) > 4 &&
	    strcmp(name + strlen(name) - 4, ".lua") == 0;

	/* a note names filters by plain names: no absolute path, no "..", so
	 * a shared note cannot run a file from elsewhere on the machine */
	if (name[0] == '/' || strstr(name, "..") != NULL || name[0] == '\0')
		return NULL;
	if ((note_dir = dup_dirname(note_path)) == NULL)
		return NULL;
	repo = sr_repo_filters_dir(note_dir);
	dirs[0] = note_dir;
	dirs[1] = repo;
	dirs[2] = e->filters_dir;
	for (i = 0; i < 3; i++) {
		for (k = 0; dirs[i] != NULL && k < (ext ? 1u : 2u); k++) {
			b.len = 0;
			/* "bad.lua", not "./bad.lua", beside a note named
			 * from its own folder */
			if (strcmp(dirs[i], ".") != 0)
				sr_buf_printf(&b, "%s/", dirs[i]);
			sr_buf_printf(&b, "%s%s", name, k == 1 ? ".lua" : "");
			if (!b.failed && sr_regular_file(b.data)) {
				if (i < 2 && !e->allow_outside &&
				    !sr_path_inside(b.data, dirs[i])) {
					*outside = true;
					goto out;
				}
				free(note_dir);
				free(repo);
				return b.data;
			}
		}
	}
out:
	free(note_dir);
	free(repo);
	sr_buf_free(&b);
	return NULL;
}

static void
forget_found(sr_engine *e)
{
	size_t i;

	for (i = 0; i < e->nfound; i++) {
		free(e->found[i].dir);
		free(e->found[i].name);
		free(e->found[i].found.path);
		free(e->found[i].found.dir);
	}
	e->nfound = 0;
}

/* find_filter, asked once per name for the notes of a folder, which come
 * one after the other: they name the same few filters, and each search
 * costs a dozen system calls.  Only the folder of the last note is kept,
 * so the engine's memory does not grow with the batch.  Returns the
 * filter, or NULL (not found, or out of memory): the struct until the
 * next call, its strings (the engine's) until a note of another folder
 * asks. */
static const filter *
find_filter_cached(sr_engine *e, const char *note_path, const char *name)
{
	const char *slash = strrchr(note_path, '/');
	size_t dlen = slash != NULL ? (size_t)(slash - note_path) : 0;
	found_filter *f, *grown;
	size_t i;

	if (e->nfound > 0 && (strlen(e->found[0].dir) != dlen ||
	    memcmp(e->found[0].dir, note_path, dlen) != 0))
		forget_found(e);
	/* all of the folder's own now */
	for (i = e->nfound; i-- > 0;) {
		f = &e->found[i];
		if (strcmp(f->name, name) == 0)
			return f->found.path != NULL ? &f->found : NULL;
	}
	grown = realloc(e->found, (e->nfound + 1) * sizeof(*grown));
	if (grown == NULL)
		return NULL;
	e->found = grown;
	f = &e->found[e->nfound];
	f->dir = strndup(note_path, dlen);
	f->name = strdup(name);
	f->outside = false;
	f->found.path = find_filter(e, note_path, name, &f->outside);
	f->found.dir = f->found.path != NULL ? dup_dirname(f->found.path) :
	    NULL;
	if (f->dir == NULL || f->name == NULL || (f->found.path != NULL &&
	    f->found.dir == NULL)) {
		free(f->dir);
		free(f->name);
		free(f->found.path);
		free(f->found.dir);
		return NULL;
	}
	e->nfound++;
	return f->found.path != NULL ? &f->found : NULL;
}

/* Whether the last find_filter_cached of name found a link leading out
 * of its folder. */
static bool
found_outside(const sr_engine *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->nfound; i++)
		if (strcmp(e->found[i].name, name) == 0)
			return e->found[i].outside;
	return false;
}

char *
sr_repo_filters_dir(const char *note_dir)
{
	char *dir = strdup(note_dir), *slash, *probe;
	int depth;

	for (depth = 0; dir != NULL && depth < 8; depth++) {
		if ((probe = path_join(dir, "filters")) == NULL)
			break;
		if (access(probe, R_OK | X_OK) == 0) {
			free(dir);
			return probe;
		}
		free(probe);
		if ((slash = strrchr(dir, '/')) == NULL) {
			if (strcmp(dir, ".") == 0)
				break;
			free(dir);
			dir = strdup(".");
			continue;
		}
		if (slash == dir)
			break;
		*slash = '\0';
	}
	free(dir);
	return NULL;
}

/* ---- loading a filter's hooks ----------------------------------------- */

static bool
is_hook(const char *name)
{
	size_t i;

	for (i = 0; hook_names[i] != NULL; i++)
		if (strcmp(name, hook_names[i]) == 0)
			return true;
	return false;
}

static const char REG_HOOKS = 'h'; /* filter path -> a copy of its hooks */
static const char REG_WARN = 'w';  /* warnings of the load under way:
                                    * "line\tmessage" */
static const char REG_WARNED = 'W'; /* filter path -> its REG_WARN list */

/* The hook a name nearly spells ("Draft", "drafts", "compse"), or NULL:
 * the same in other capitals, with an 's', or one letter off (not a
 * longer word that starts with the hook, as a helper "scorer" does). */
static const char *
near_hook(const char *name)
{
	size_t i, n = strlen(name), m;

	for (i = 0; hook_names[i] != NULL; i++) {
		m = strlen(hook_names[i]);
		if (strcmp(name, hook_names[i]) == 0)
			return NULL;
		if (strcasecmp(name, hook_names[i]) == 0 || (n == m + 1 &&
		    name[m] == 's' && strncasecmp(name, hook_names[i], m) == 0))
			return hook_names[i];
		if (n + 1 >= m && n <= m && name[0] == hook_names[i][0] &&
		    sr_text_distance(name, n, hook_names[i], m, 1) <= 1)
			return hook_names[i];
	}
	return NULL;
}

/* The line a function value at idx was defined on, or 0. */
static int
defined_at(lua_State *L, int idx)
{
	lua_Debug ar;

	if (!lua_isfunction(L, idx))
		return 0;
	lua_pushvalue(L, idx);
	if (!lua_getinfo(L, ">S", &ar))
		return 0;
	return ar.linedefined > 0 ? ar.linedefined : 0;
}

/* Keeps a warning of loading a filter, for the caller to report. */
static void
warn_loading(lua_State *L, int line, const char *fmt, const char *a,
    const char *b)
{
	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_WARN) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_WARN);
	}
	lua_pushfstring(L, "%d\t", line);
	lua_pushfstring(L, fmt, a, b);
	lua_concat(L, 2);
	lua_rawseti(L, -2, (lua_Integer)luaL_len(L, -2) + 1);
	lua_pop(L, 1);
}

/* Adds the warnings of loading the filter at path to diags (they are
 * kept with its hooks, for every note that names it). */
static void
tell_warnings(lua_State *L, const char *path, sr_diags *diags)
{
	lua_Integer i, n;
	const char *w;
	char *end;
	long line;
	int top = lua_gettop(L);

	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_WARNED) == LUA_TTABLE &&
	    lua_getfield(L, -1, path) == LUA_TTABLE) {
		/* in the order of their lines (a table's order is not
		 * the file's) */
		n = luaL_len(L, -1);
		for (long want = 0, next; want != LONG_MAX; want = next) {
			next = LONG_MAX;
			for (i = 1; i <= n; i++) {
				lua_rawgeti(L, -1, i);
				if ((w = lua_tostring(L, -1)) != NULL) {
					line = strtol(w, &end, 10);
					if (line == want)
						sr_diags_add(diags, SR_WARNING,
						    path, (int)line, 0, "%s",
						    *end == '\t' ? end + 1 : w);
					else if (line > want && line < next)
						next = line;
				}
				lua_pop(L, 1);
			}
		}
	}
	lua_settop(L, top);
}

/*
 * Leaves a filter's hooks table on the stack: the table its chunk returned,
 * or the hooks it defined as globals.  The chunk runs once per batch, in an
 * environment of its own that is sealed once it has run; its hooks are
 * kept as a copy the filter cannot reach.  Raises an error for anything
 * but a table of hooks.  Called inside a protected call.
 */
static void
push_hooks(sr_sandbox *sb, const filter *f)
{
	lua_State *L = sb->L;
	int chunk, env, i;

	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_HOOKS) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_HOOKS);
	}
	if (lua_getfield(L, -1, f->path) == LUA_TTABLE) {
		lua_remove(L, -2);
		return;
	}
	lua_pop(L, 2);
	/* a load that failed before left its warnings: not this one's */
	lua_pushnil(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_WARN);
	if (sr_sandbox_load(sb, f->path) != 0)
		lua_error(L);
	chunk = lua_gettop(L);
	sr_sandbox_push_env(sb, f->dir);
	env = lua_gettop(L);
	lua_pushvalue(L, env);
	lua_setupvalue(L, chunk, 1); /* the chunk's _ENV */
	lua_pushvalue(L, chunk);
	sb->loading++; /* back to 0 by sr_sandbox_end after an error */
	lua_call(L, 0, 1);
	sb->loading--;
	if (lua_isnil(L, -1)) {
		const char *hook;

		lua_pop(L, 1);
		/* a global function named nearly as a hook is a hook the
		 * user meant: say which */
		lua_pushnil(L);
		while (lua_next(L, env) != 0) {
			if (lua_type(L, -2) == LUA_TSTRING &&
			    lua_isfunction(L, -1) &&
			    (hook = near_hook(lua_tostring(L, -2))) != NULL &&
			    !sr_sandbox_is_builtin(sb, lua_tostring(L, -2), -1))
				warn_loading(L, defined_at(L, -1), "the global "
				    "function '%s' is no hook, and never runs; "
				    "did you mean '%s'?", lua_tostring(L, -2),
				    hook);
			lua_pop(L, 1);
		}
		lua_newtable(L);
		for (i = 0; hook_names[i] != NULL; i++) {
			/* a global hook, not the base library's select */
			if (lua_getfield(L, env, hook_names[i]) ==
			    LUA_TFUNCTION && !sr_sandbox_is_builtin(sb,
			    hook_names[i], -1))
				lua_setfield(L, -2, hook_names[i]);
			else
				lua_pop(L, 1);
		}
		if (lua_getfield(L, env, "phrases") == LUA_TTABLE)
			lua_setfield(L, -2, "phrases");
		else
			lua_pop(L, 1);
	} else if (!lua_istable(L, -1)) {
		luaL_error(L, "the filter returns a %s; a filter returns a "
		    "table of hooks (or nothing, and defines them as "
		    "globals)", luaL_typename(L, -1));
	}
	/* every key must be a hook, and every hook a function; the copy
	 * is what every note's run uses */
	lua_newtable(L);
	lua_pushnil(L);
	while (lua_next(L, -3) != 0) {
		if (lua_type(L, -2) == LUA_TSTRING &&
		    strcmp(lua_tostring(L, -2), "phrases") == 0) {
			/* not a hook: wording merged over the phrasebook */
			if (!lua_istable(L, -1))
				luaL_error(L, "phrases is a %s, not a table of "
				    "phrases", luaL_typename(L, -1));
		} else if (lua_type(L, -2) == LUA_TSTRING &&
		    !is_hook(lua_tostring(L, -2))) {
			const char *hook = near_hook(lua_tostring(L, -2));
			int line = defined_at(L, -1);

			if (line > 0)
				lua_pushfstring(L, "%s:%d: ", f->path, line);
			else
				lua_pushliteral(L, "");
			if (hook != NULL)
				luaL_error(L, "%sunknown hook '%s'; did you mean "
				    "'%s'?", lua_tostring(L, -1),
				    lua_tostring(L, -3), hook);
			luaL_error(L, "%sunknown hook '%s' (the hooks are "
			    "note, score, select, compose, draft; and a "
			    "filter may hold a phrases table)",
			    lua_tostring(L, -1), lua_tostring(L, -3));
		} else if (lua_type(L, -2) != LUA_TSTRING)
			luaL_error(L, "unknown hook '%s' (the hooks are "
			    "note, score, select, compose, draft; and a "
			    "filter may hold a phrases table)",
			    luaL_typename(L, -2));
		else if (!lua_isfunction(L, -1))
			luaL_error(L, "the hook '%s' is a %s, not a "
			    "function", lua_tostring(L, -2),
			    luaL_typename(L, -1));
		lua_pushvalue(L, -2);
		lua_insert(L, -2);
		lua_rawset(L, -4);
	}
	sr_sandbox_seal(sb, env);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_HOOKS);
	lua_pushvalue(L, -2);
	lua_setfield(L, -2, f->path);
	lua_pop(L, 1);
	/* its warnings kept with it */
	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_WARN) == LUA_TTABLE) {
		if (lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_WARNED) !=
		    LUA_TTABLE) {
			lua_pop(L, 1);
			lua_newtable(L);
			lua_pushvalue(L, -1);
			lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_WARNED);
		}
		lua_pushvalue(L, -2);
		lua_setfield(L, -2, f->path);
		lua_pop(L, 1);
		lua_pushnil(L);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_WARN);
	}
	lua_pop(L, 1);
	lua_replace(L, chunk); /* leave only the hooks */
	lua_settop(L, chunk);
}

static int
check_filter(lua_State *L)
{
	const filter *f = lua_touserdata(L, 1);
	sr_sandbox *sb = lua_touserdata(L, 2);

	push_hooks(sb, f);
	return 0;
}

static bool
add_filter(sr_engine *e, const char *path, sr_diags *diags)
{
	filter *chain, *f;

	chain = realloc(e->chain, (e->nchain + 1) * sizeof(*chain));
	if (chain == NULL)
		goto oom;
	e->chain = chain;
	f = &e->chain[e->nchain];
	if ((f->path = display_path(path)) == NULL)
		goto oom;
	if ((f->dir = dup_dirname(f->path)) == NULL) {
		free(f->path);
		goto oom;
	}
	e->nchain++;
	return true;
oom:
	sr_diags_add(diags, SR_ERROR, path, 0, 0, "out of memory");
	return false;
}

/* Adds a diagnostic from a Lua message "file:line: text" (and, with -v, a
 * traceback on the lines after), splitting off the place so it reads in
 * GNU style, and naming the note being filtered. */
static void
add_lua_diag(sr_diags *diags, const char *fallback, int fallback_line,
    const char *msg, const char *note_path)
{
	const char *p, *d, *nl, *text = msg;
	char *file = NULL;
	long line = fallback_line;
	int first;

	/* "a.lua:4: b.lua:3: text" (an error passed on by coroutine.wrap)
	 * is placed at the innermost place, b.lua:3. */
	for (p = strchr(text, ':'); p != NULL; p = strchr(p + 1, ':')) {
		for (d = p + 1; *d >= '0' && *d <= '9'; d++)
			;
		if (d > p + 1 && d[0] == ':' && d[1] == ' ' &&
		    memchr(text, '\n', (size_t)(p - text)) == NULL &&
		    memchr(text, ' ', (size_t)(p - text)) == NULL) {
			free(file);
			file = strndup(text, (size_t)(p - text));
			line = strtol(p + 1, NULL, 10);
			text = d + 2;
			p = text - 1;
		}
	}
	nl = strchr(text, '\n');
	first = nl != NULL ? (int)(nl - text) : (int)strlen(text);
	if (note_path != NULL)
		sr_diags_add(diags, SR_ERROR, file ? file : fallback, (int)line,
		    0, "%.*s (while filtering %s)%s", first, text, note_path,
		    nl != NULL ? nl : "");
	else
		sr_diags_add(diags, SR_ERROR, file ? file : fallback, (int)line,
		    0, "%s", text);
	free(file);
}

/* Loads a filter file and runs it once, to refuse before any note a
 * filter that does not parse, returns the wrong thing or names an unknown
 * hook. */
static bool
check_one(sr_engine *e, const filter *f, sr_diags *diags)
{
	lua_State *L = e->sb->L;
	bool ok;

	sr_sandbox_begin(e->sb, e->max_steps,
	    sr_sandbox_deadline(e->max_seconds));
	lua_pushcfunction(L, check_filter);
	lua_pushlightuserdata(L, (void *)f);
	lua_pushlightuserdata(L, e->sb);
	ok = sr_sandbox_call(e->sb, 2, 0) == LUA_OK;
	if (!ok)
		add_lua_diag(diags, f->path, 0, lua_tostring(L, -1), NULL);
	if (ok)
		tell_warnings(L, f->path, diags);
	sr_sandbox_end(e->sb);
	return ok;
}

sr_engine *
sr_engine_new(const sr_engine_options *opts, sr_diags *diags)
{
	sr_engine *e;
	char *path = NULL;
	size_t i;

	if ((e = calloc(1, sizeof(*e))) == NULL)
		goto oom;
	e->max_steps = opts->max_instructions > 0 ? opts->max_instructions :
	    SR_DEFAULT_INSTRUCTIONS;
	e->max_seconds = opts->max_seconds > 0 ? opts->max_seconds :
	    SR_DEFAULT_SECONDS;
	e->max_memory = opts->max_memory > 0 ? opts->max_memory :
	    SR_DEFAULT_MEMORY;
	e->filters_dir = opts->filters_dir != NULL ?
	    strdup(opts->filters_dir) : sr_filters_dir();
	if (e->filters_dir == NULL)
		goto oom;
	e->sb = sr_sandbox_new(e->filters_dir, opts->traceback,
	    (size_t)e->max_memory, e->max_seconds, opts->log, opts->log_arg);
	if (e->sb == NULL)
		goto oom;
	e->allow_outside = e->sb->allow_outside = opts->allow_outside;
	/* built-in defaults: selection (and composing), then the scorer */
	if ((path = path_join(e->filters_dir, "default.lua")) == NULL)
		goto oom;
	if (access(path, R_OK) != 0) {
		sr_diags_add(diags, SR_ERROR, path, 0, 0, "the shipped filters "
		    "are not here; name their folder with --filters-dir or "
		    "SECONDROUND_FILTERS");
		goto fail;
	}
	if (!add_filter(e, path, diags))
		goto fail;
	free(path);
	path = NULL;
	if (!opts->no_default_filters) {
		if ((path = path_join(e->filters_dir, "impact.lua")) == NULL)
			goto oom;
		if (!add_filter(e, path, diags))
			goto fail;
		free(path);
		path = NULL;
	}
	for (i = 0; i < opts->nfilters; i++) {
		if (!sr_regular_file(opts->filters[i])) {
			sr_diags_add(diags, SR_ERROR, opts->filters[i], 0, 0,
			    "cannot read the filter: %s", errno ? strerror(errno) :
			    "not a regular file");
			goto fail;
		}
		if (!add_filter(e, opts->filters[i], diags))
			goto fail;
	}
	for (i = 0; i < e->nchain; i++)
		if (!check_one(e, &e->chain[i], diags))
			goto fail;
	sr_sandbox_collect(e->sb);
	return e;
oom:
	sr_diags_add(diags, SR_ERROR, NULL, 0, 0, "out of memory starting "
	    "the filters");
fail:
	free(path);
	sr_engine_free(e);
	return NULL;
}

void
sr_engine_free(sr_engine *e)
{
	size_t i;

	if (e == NULL)
		return;
	for (i = 0; i < e->nchain; i++) {
		free(e->chain[i].path);
		free(e->chain[i].dir);
	}
	free(e->chain);
	forget_found(e);
	free(e->found);
	sr_sandbox_free(e->sb);
	free(e->filters_dir);
	free(e);
}

/* The number of items of the list at idx, counted up to the first nil (a
 * table may claim any length); more than max is an error naming what. */
static size_t
list_length(lua_State *L, int idx, size_t max, const char *what)
{
	size_t n = 0;

	idx = lua_absindex(L, idx);
	while (lua_rawgeti(L, idx, (lua_Integer)n + 1) != LUA_TNIL) {
		lua_pop(L, 1);
		if (++n > max)
			luaL_error(L, "%s holds more than %d items", what,
			    (int)max);
	}
	lua_pop(L, 1);
	return n;
}

#define SR_MAX_LIST 10000 /* reasons of a point, paragraphs of a draft */

/* ---- the note as Lua sees it -------------------------------------------- */

static void
set_str(lua_State *L, const char *key, const char *value)
{
	if (value == NULL)
		return;
	lua_pushstring(L, value);
	lua_setfield(L, -2, key);
}

static void
push_value(lua_State *L, const sr_value *v)
{
	size_t i;

	luaL_checkstack(L, 4, "front matter nested too deep");
	switch (v->kind) {
	case SR_VALUE_NULL:
		lua_pushnil(L);
		break;
	case SR_VALUE_SCALAR:
		lua_pushlstring(L, v->text, v->len);
		break;
	case SR_VALUE_SEQ:
		lua_createtable(L, (int)v->count, 0);
		for (i = 0; i < v->count; i++) {
			push_value(L, v->items[i]);
			lua_rawseti(L, -2, (lua_Integer)i + 1);
		}
		break;
	case SR_VALUE_MAP:
		lua_createtable(L, 0, (int)v->count);
		for (i = 0; i < v->count; i++) {
			push_value(L, v->items[i]);
			lua_setfield(L, -2, v->keys[i]);
		}
		break;
	}
}

static void
push_person(lua_State *L, const sr_person *p)
{
	lua_createtable(L, 0, 4);
	set_str(L, "name", p->name);
	set_str(L, "email", p->email);
	set_str(L, "title", p->title);
	set_str(L, "pronouns", p->pronouns);
	set_str(L, "signature", p->signature);
}

/* {"must", must = true}: a list that is also a set. */
static void
push_words(lua_State *L, const char **words, size_t n)
{
	size_t i;

	lua_createtable(L, (int)n, (int)n);
	for (i = 0; i < n; i++) {
		lua_pushstring(L, words[i]);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
		lua_pushboolean(L, 1);
		lua_setfield(L, -2, words[i]);
	}
}

/* Whether a point (or a detail) is private: under the Private heading or
 * tagged #private.  Its text never reaches a filter. */
static bool
is_private(const sr_point *p)
{
	size_t i;

	if (p->key == SR_KEY_PRIVATE)
		return true;
	for (i = 0; i < p->ntags; i++)
		if (strcmp(p->tags[i], "private") == 0)
			return true;
	return false;
}

static void
push_point(lua_State *L, const sr_point *p, size_t index, bool details)
{
	size_t i;
	lua_Integer n = 0;

	lua_createtable(L, 0, 16);
	set_str(L, "text", p->text);
	set_str(L, "markdown", p->markdown);
	set_str(L, "section", sr_key_name(p->key));
	set_str(L, "heading", p->heading);
	lua_pushinteger(L, p->line);
	lua_setfield(L, -2, "line");
	lua_pushinteger(L, p->words);
	lua_setfield(L, -2, "words");
	lua_pushboolean(L, p->strong);
	lua_setfield(L, -2, "strong");
	push_words(L, p->tags, p->ntags);
	lua_setfield(L, -2, "tags");
	push_words(L, p->mentions, p->nmentions);
	lua_setfield(L, -2, "mentions");
	if (!details)
		return;
	lua_pushinteger(L, (lua_Integer)index + 1);
	lua_setfield(L, -2, "index");
	lua_pushinteger(L, 0);
	lua_setfield(L, -2, "score");
	lua_newtable(L);
	lua_setfield(L, -2, "reasons");
	lua_createtable(L, (int)p->ndetails, 0);
	for (i = 0; i < p->ndetails; i++) {
		if (is_private(&p->details[i]))
			continue;
		push_point(L, &p->details[i], i, false);
		lua_rawseti(L, -2, ++n);
	}
	lua_setfield(L, -2, "details");
}

/* Pushes the note table; its points list is also left in *points_index
 * (an absolute stack index), with a lookup table point -> index in the
 * note after it.  Private points and details are left out: note.private
 * says how many there are, and r->slot where the others are. */
static void
push_note(run *r, lua_State *L, const sr_note *n, int *points_index)
{
	char buf[64];
	int note, points, lookup, k;
	size_t i, d;
	lua_Integer shown = 0, hidden = 0;

	lua_createtable(L, 0, 20);
	note = lua_gettop(L);
	set_str(L, "path", n->path);
	set_str(L, "company", n->company);
	set_str(L, "role", n->role);
	set_str(L, "tone", n->tone);
	lua_pushinteger(L, n->max_words ? n->max_words : SR_DEFAULT_MAX_WORDS);
	lua_setfield(L, note, "max_words");
	lua_pushboolean(L, n->sent);
	lua_setfield(L, note, "sent");
	if (n->has_date) {
		sr_date_format(&n->date, buf, sizeof(buf));
		set_str(L, "date", buf);
		sr_date_format(&n->send_by, buf, sizeof(buf));
		set_str(L, "send_by", buf);
	}
	lua_createtable(L, (int)n->ninterviewers, 0);
	for (i = 0; i < n->ninterviewers; i++) {
		push_person(L, &n->interviewers[i]);
		lua_rawseti(L, -2, (lua_Integer)i + 1);
	}
	lua_rawgeti(L, -1, 1);
	lua_setfield(L, note, "interviewer");
	lua_setfield(L, note, "interviewers");
	if (n->candidate.name != NULL || n->candidate.email != NULL) {
		push_person(L, &n->candidate);
		lua_setfield(L, note, "candidate");
	}
	push_value(L, n->meta);
	lua_setfield(L, note, "meta");

	/* points, and sections: key -> list of the same point tables */
	lua_createtable(L, (int)n->npoints, 0);
	points = lua_gettop(L);
	lua_createtable(L, 0, (int)n->npoints);
	lookup = lua_gettop(L);
	lua_createtable(L, 0, SR_KEY_COUNT);
	for (k = 0; k < SR_KEY_COUNT; k++) {
		lua_newtable(L);
		lua_setfield(L, -2, sr_key_name((sr_key)k));
	}
	for (i = 0; i < n->npoints; i++) {
		if (is_private(&n->points[i])) {
			r->slot[i] = 0;
			hidden++;
			continue;
		}
		for (d = 0; d < n->points[i].ndetails; d++)
			hidden += is_private(&n->points[i].details[d]);
		r->slot[i] = ++shown;
		push_point(L, &n->points[i], (size_t)shown - 1, true);
		lua_pushvalue(L, -1);
		lua_rawseti(L, points, shown);
		lua_pushvalue(L, -1);
		lua_pushinteger(L, (lua_Integer)i + 1);
		lua_rawset(L, lookup);
		lua_getfield(L, -2, sr_key_name(n->points[i].key));
		lua_insert(L, -2);
		lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
		lua_pop(L, 1);
	}
	lua_setfield(L, note, "sections");
	lua_pushinteger(L, hidden);
	lua_setfield(L, note, "private");
	/* stack: note points lookup */
	lua_pushvalue(L, points);
	lua_setfield(L, note, "points");
	*points_index = points;
}

/* ---- running the hooks -------------------------------------------------- */

/* Raises an error placed at the hook function on the top of the stack. */
static int
hook_error(lua_State *L, int fn, const char *fmt, const char *a,
    const char *b)
{
	lua_Debug ar;

	lua_pushvalue(L, fn);
	lua_getinfo(L, ">S", &ar);
	lua_pushfstring(L, "%s:%d: ", ar.short_src, ar.linedefined);
	lua_pushfstring(L, fmt, a, b);
	lua_concat(L, 2);
	return lua_error(L);
}

static void
set_current(run *r, lua_State *L, int fn)
{
	lua_Debug ar;

	lua_pushvalue(L, fn);
	lua_getinfo(L, ">S", &ar);
	r->current_line = ar.linedefined;
}

/* Collects hooks named `name` from each filter's hooks table (the list at
 * `chain`) into a new list on the stack, with the filter's name beside
 * each: {fn1, name1, fn2, name2, ...}. */
static void
collect(lua_State *L, int chain, int names, const char *name)
{
	lua_Integer i, n = (lua_Integer)lua_rawlen(L, chain), k = 0;

	lua_newtable(L);
	for (i = 1; i <= n; i++) {
		lua_rawgeti(L, chain, i);
		if (lua_getfield(L, -1, name) == LUA_TFUNCTION) {
			lua_rawseti(L, -3, ++k);
			lua_rawgeti(L, names, i);
			lua_rawseti(L, -3, ++k);
			lua_pop(L, 1);
		} else
			lua_pop(L, 2);
	}
}

/* note.phrases: the phrases tables of the chain's filters merged in
 * order (a later filter's phrase wins; a table of phrases, such as the
 * wordings of one slot, is merged one level down). */
static void
merge_phrases(lua_State *L, int chain, int note)
{
	lua_Integer i, n = (lua_Integer)lua_rawlen(L, chain);
	int merged;

	lua_newtable(L);
	merged = lua_gettop(L);
	for (i = 1; i <= n; i++) {
		lua_rawgeti(L, chain, i);
		if (lua_getfield(L, -1, "phrases") != LUA_TTABLE) {
			lua_pop(L, 2);
			continue;
		}
		lua_pushnil(L);
		while (lua_next(L, -2) != 0) {
			if (lua_istable(L, -1)) {
				/* stack: ... phrases key slot */
				lua_pushvalue(L, -2);
				if (lua_rawget(L, merged) != LUA_TTABLE) {
					lua_pop(L, 1);
					lua_newtable(L);
					lua_pushvalue(L, -3);
					lua_pushvalue(L, -2);
					lua_rawset(L, merged);
				}
				/* stack: ... phrases key slot into */
				lua_pushnil(L);
				while (lua_next(L, -3) != 0) {
					lua_pushvalue(L, -2);
					lua_insert(L, -2);
					lua_rawset(L, -4);
				}
				lua_pop(L, 2);
			} else {
				lua_pushvalue(L, -2);
				lua_insert(L, -2);
				lua_rawset(L, merged);
			}
		}
		lua_pop(L, 2);
	}
	lua_setfield(L, note, "phrases");
}

/* A string the filters left, copied into the note's arena; what a run
 * copies counts against its memory cap too. */
static const char *
keep(run *r, lua_State *L, int idx)
{
	size_t len;
	const char *s = lua_tolstring(L, idx, &len);

	if (s == NULL)
		return NULL;
	r->kept += len + 1;
	if (r->kept > (size_t)r->e->max_memory)
		luaL_error(L, "the filters' output (drafts, reasons) is over the "
		    "memory cap of %d MiB (--max-memory)",
		    (int)(r->e->max_memory / (1024 * 1024)));
	/* a filter's string cut in the middle of a character (s:sub) is
	 * mended, so every output is UTF-8 */
	if (sr_utf8_check(s, len) != len) {
		sr_buf valid = {0};

		sr_utf8_repair(&valid, s, len);
		s = valid.failed ? NULL : sr_arena_strndup(r->note->arena,
		    valid.data, valid.len);
		sr_buf_free(&valid);
	} else
		s = sr_arena_strndup(r->note->arena, s, len);
	if (s == NULL)
		luaL_error(L, "out of memory");
	return s;
}

/* "inf", "-inf" or "nan": a number that is no score. */
static const char *
not_finite(lua_Number x)
{
	return isnan(x) ? "nan" : x > 0 ? "inf" : "-inf";
}

/* Raises the error of a score that is not a finite number, placed at the
 * score hook's return (or where the hook is defined, when it returned by
 * a tail call). */
static int
score_error(run *r, lua_State *L, int fn, const char *what, lua_Number x)
{
	lua_Debug ar;
	int line = r->e->sb->return_line;

	lua_pushvalue(L, fn);
	lua_getinfo(L, ">S", &ar);
	return luaL_error(L, "%s:%d: %s %s, not a finite number", ar.short_src,
	    line > 0 ? line : ar.linedefined, what, not_finite(x));
}

/* Checks one amount and its reason (at stack indices a and why) and adds
 * them to the point at p: its score, and a {filter, amount, reason} entry
 * in its reasons. */
static void
add_score(run *r, lua_State *L, int p, int fn, int a, int why)
{
	lua_Number amount = 0, score;
	int isnum, reasons;
	size_t n;

	if (!lua_isnil(L, a)) {
		if (lua_type(L, a) != LUA_TNUMBER)
			hook_error(L, fn, "the score hook returned a %s where "
			    "a number is due%s", luaL_typename(L, a), "");
		amount = lua_tonumber(L, a);
		if (!isfinite(amount))
			score_error(r, L, fn, "the score hook returned", amount);
	}
	if (!lua_isnil(L, why) && lua_type(L, why) != LUA_TSTRING)
		hook_error(L, fn, "the score hook's reason is a %s, not a "
		    "string%s", luaL_typename(L, why), "");
	if (amount == 0 && lua_isnil(L, why))
		return;
	lua_getfield(L, p, "score");
	score = lua_tonumberx(L, -1, &isnum);
	if (!isnum)
		hook_error(L, fn, "point.score was set to a %s%s",
		    luaL_typename(L, -1), "");
	lua_pop(L, 1);
	score += amount;
	if (!isfinite(score))
		score_error(r, L, fn, "the score hook's amount made point.score",
		    score);
	if (score == floor(score) && fabs(score) < 1e15)
		lua_pushinteger(L, (lua_Integer)score);
	else
		lua_pushnumber(L, score);
	lua_setfield(L, p, "score");
	if (lua_getfield(L, p, "reasons") != LUA_TTABLE)
		hook_error(L, fn, "point.reasons was set to a %s%s",
		    luaL_typename(L, -1), "");
	reasons = lua_gettop(L);
	n = list_length(L, reasons, SR_MAX_LIST, "point.reasons");
	lua_createtable(L, 0, 3);
	lua_pushstring(L, r->current);
	lua_setfield(L, -2, "filter");
	lua_pushnumber(L, amount);
	lua_setfield(L, -2, "amount");
	lua_pushvalue(L, why);
	lua_setfield(L, -2, "reason");
	lua_rawseti(L, reasons, (lua_Integer)n + 1);
	lua_pop(L, 1);
}

/*
 * Calls each score hook on each point.  A hook returns an amount and a
 * reason, or a list of {amount, reason} pairs (so that one filter can give
 * several reasons, each shown by explain with its own amount).
 */
static void
run_scores(run *r, lua_State *L, int note, int points, int hooks)
{
	lua_Integer i, h, j, npoints = (lua_Integer)lua_rawlen(L, points);
	lua_Integer nhooks = (lua_Integer)lua_rawlen(L, hooks);
	int p, fn, top;
	bool was_skipped;

	for (i = 1; i <= npoints; i++) {
		lua_rawgeti(L, points, i);
		p = lua_gettop(L);
		for (h = 1; h < nhooks; h += 2) {
			lua_rawgeti(L, hooks, h);
			fn = lua_gettop(L);
			lua_rawgeti(L, hooks, h + 1);
			r->current = lua_tostring(L, -1);
			lua_pop(L, 1);
			r->current_line = 0;
			lua_getfield(L, p, "skip");
			was_skipped = lua_toboolean(L, -1);
			lua_pop(L, 1);
			lua_pushvalue(L, fn);
			lua_pushvalue(L, p);
			lua_pushvalue(L, note);
			sr_sandbox_watch(r->e->sb, fn);
			lua_call(L, 2, 2);
			sr_sandbox_watch(r->e->sb, 0);
			top = lua_gettop(L);
			if (lua_istable(L, top - 1)) {
				for (j = 1; lua_rawgeti(L, top - 1, j) ==
				    LUA_TTABLE; j++) {
					lua_rawgeti(L, -1, 1);
					lua_rawgeti(L, -2, 2);
					add_score(r, L, p, fn, top + 2, top + 3);
					lua_settop(L, top);
				}
				lua_settop(L, top);
			} else
				add_score(r, L, p, fn, top - 1, top);
			lua_settop(L, fn);
			/* who skipped it, for explain */
			lua_getfield(L, p, "skip");
			if (!was_skipped && lua_toboolean(L, -1)) {
				if (lua_getfield(L, p, "skip_by") == LUA_TNIL) {
					lua_pushstring(L, r->current);
					lua_setfield(L, p, "skip_by");
				}
				lua_pop(L, 1);
			}
			lua_settop(L, p);
		}
		lua_pop(L, 1);
	}
}

/* The paragraph a chosen point goes to when select did not say. */
static int
default_paragraph(sr_key key)
{
	switch (key) {
	case SR_KEY_EXCITED_THEM:
	case SR_KEY_EXCITED_ME:
		return 1;
	case SR_KEY_SAY_DIFFERENTLY:
		return 3;
	default:
		return 2;
	}
}

/* Reads the scores, skips and reasons the hooks left on the points. */
static void
read_verdicts(run *r, lua_State *L, int points)
{
	sr_note *n = r->note;
	sr_verdict *v;
	lua_Integer j;
	size_t k;
	int isnum;

	r->out->verdicts = sr_arena_alloc(n->arena, (n->npoints + 1) *
	    sizeof(*r->out->verdicts));
	if (r->out->verdicts == NULL)
		luaL_error(L, "out of memory");
	for (k = 0; k < n->npoints; k++) {
		v = &r->out->verdicts[k];
		if (r->slot[k] == 0) {
			v->skip = true;
			v->skip_why = "private";
			continue;
		}
		lua_rawgeti(L, points, r->slot[k]);
		lua_getfield(L, -1, "score");
		v->score = lua_tonumberx(L, -1, &isnum);
		if (!isnum)
			luaL_error(L, "point.score of the point at line %d is "
			    "a %s, not a number", n->points[k].line,
			    luaL_typename(L, -1));
		if (!isfinite(v->score))
			luaL_error(L, "point.score of the point at line %d is "
			    "%s, not a finite number", n->points[k].line,
			    not_finite(v->score));
		lua_pop(L, 1);
		lua_getfield(L, -1, "skip");
		v->skip = lua_toboolean(L, -1);
		lua_pop(L, 1);
		if (v->skip) {
			lua_getfield(L, -1, "skip_by");
			v->skip_why = keep(r, L, -1);
			lua_pop(L, 1);
		}
		lua_getfield(L, -1, "reasons");
		if (lua_istable(L, -1) && (v->nreasons = list_length(L, -1,
		    SR_MAX_LIST, "point.reasons")) > 0) {
			v->reasons = sr_arena_alloc(n->arena, v->nreasons *
			    sizeof(*v->reasons));
			if (v->reasons == NULL)
				luaL_error(L, "out of memory");
			for (j = 1; j <= (lua_Integer)v->nreasons; j++) {
				sr_reason *reason = &v->reasons[j - 1];

				lua_rawgeti(L, -1, j);
				if (!lua_istable(L, -1))
					luaL_error(L, "point.reasons holds a "
					    "%s", luaL_typename(L, -1));
				lua_getfield(L, -1, "filter");
				reason->filter = keep(r, L, -1);
				lua_getfield(L, -2, "amount");
				reason->amount = lua_tonumber(L, -1);
				lua_getfield(L, -3, "reason");
				reason->reason = keep(r, L, -1);
				if (reason->reason == NULL)
					reason->reason = "";
				if (reason->filter == NULL)
					reason->filter = "?";
				lua_pop(L, 4);
			}
		}
		lua_pop(L, 2);
	}
}

/* Reads what select chose (the list at `chosen`) for draft d; `view` maps
 * the points this recipient may get to true. */
static void
read_choices(run *r, lua_State *L, sr_draft *d, int points, int lookup,
    int chosen, int view)
{
	sr_note *n = r->note;
	lua_Integer i, nchosen;
	sr_choice *c;
	size_t k;

	nchosen = (lua_Integer)list_length(L, chosen, n->npoints,
	    "the list select returned");
	d->chosen = sr_arena_alloc(n->arena, ((size_t)nchosen + 1) *
	    sizeof(*d->chosen));
	d->why_not = sr_arena_alloc(n->arena, (n->npoints + 1) *
	    sizeof(*d->why_not));
	if (d->chosen == NULL || d->why_not == NULL)
		luaL_error(L, "out of memory");
	for (i = 1; i <= nchosen; i++) {
		lua_rawgeti(L, chosen, i);
		lua_pushvalue(L, -1);
		if (lua_rawget(L, lookup) != LUA_TNUMBER)
			luaL_error(L, "select returned something that is not "
			    "one of the note's points (item %d, a %s)", (int)i,
			    luaL_typename(L, -2));
		k = (size_t)lua_tointeger(L, -1) - 1;
		lua_pop(L, 1);
		lua_pushvalue(L, -1);
		if (lua_rawget(L, view) == LUA_TNIL)
			luaL_error(L, "select returned the point at line %d, "
			    "which is private or mentions someone else",
			    n->points[k].line);
		lua_pop(L, 1);
		for (c = d->chosen; c < d->chosen + d->nchosen; c++)
			if (c->point == k)
				luaL_error(L, "select returned the point at "
				    "line %d twice", n->points[k].line);
		c = &d->chosen[d->nchosen++];
		c->point = k;
		lua_getfield(L, -1, "paragraph");
		c->paragraph = (int)lua_tointeger(L, -1);
		if (c->paragraph < 1 || c->paragraph > 3)
			c->paragraph = default_paragraph(n->points[k].key);
		lua_getfield(L, -2, "role");
		c->role = keep(r, L, -1);
		lua_pop(L, 3);
	}
	for (k = 0; k < n->npoints; k++) {
		if (r->slot[k] == 0) {
			d->why_not[k] = "private";
			continue;
		}
		lua_rawgeti(L, points, r->slot[k]);
		lua_pushvalue(L, -1);
		if (lua_rawget(L, view) == LUA_TNIL)
			d->why_not[k] = "mentions someone else";
		else if (lua_getfield(L, -2, "why_not") == LUA_TSTRING)
			d->why_not[k] = keep(r, L, -1);
		lua_settop(L, view > chosen ? view : chosen);
	}
}

/* A string field of the draft table, kept in the arena (NULL if absent). */
static const char *
draft_str(run *r, lua_State *L, int draft, const char *field, bool required,
    int fn)
{
	const char *s;

	lua_getfield(L, draft, field);
	if (lua_isnil(L, -1) && !required) {
		lua_pop(L, 1);
		return NULL;
	}
	if (lua_type(L, -1) != LUA_TSTRING)
		hook_error(L, fn, "draft.%s is a %s, not a string", field,
		    luaL_typename(L, -1));
	s = keep(r, L, -1);
	lua_pop(L, 1);
	return s;
}

/* Points the composer left out after select chose them (it sets their
 * why_not: a form with no wording in its slot, a sentence over the
 * budget): no longer chosen, with the reason, so explain tells the truth. */
static void
read_left_out(run *r, lua_State *L, sr_draft *d, int points)
{
	size_t i, kept = 0;

	for (i = 0; i < d->nchosen; i++) {
		size_t k = d->chosen[i].point;

		lua_rawgeti(L, points, r->slot[k]);
		if (lua_getfield(L, -1, "why_not") == LUA_TSTRING)
			d->why_not[k] = keep(r, L, -1);
		else
			d->chosen[kept++] = d->chosen[i];
		lua_pop(L, 2);
	}
	d->nchosen = kept;
}

/* Reads the draft table that compose and the draft hooks left. */
static void
read_draft(run *r, lua_State *L, sr_draft *d, int draft, int fn)
{
	sr_note *n = r->note;
	lua_Integer i, np;
	int words = 0;

	if (!lua_istable(L, draft))
		hook_error(L, fn, "compose returned a %s, not a draft table%s",
		    luaL_typename(L, draft), "");
	d->subject = draft_str(r, L, draft, "subject", true, fn);
	/* the subject is a header and the page's <title>: one line, nothing
	 * invisible (a U+202E from a role would reverse what the reader sees;
	 * the copy is the note's) */
	sr_utf8_strip_invisible((char *)d->subject);
	d->greeting = draft_str(r, L, draft, "greeting", false, fn);
	d->closing = draft_str(r, L, draft, "closing", false, fn);
	d->signature = draft_str(r, L, draft, "signature", false, fn);
	d->send_by = draft_str(r, L, draft, "send_by", false, fn);
	if (lua_getfield(L, draft, "paragraphs") != LUA_TTABLE)
		hook_error(L, fn, "draft.paragraphs is a %s, not a list of "
		    "strings%s", luaL_typename(L, -1), "");
	np = (lua_Integer)list_length(L, -1, SR_MAX_LIST, "draft.paragraphs");
	d->paragraphs = sr_arena_alloc(n->arena, ((size_t)np + 1) *
	    sizeof(*d->paragraphs));
	if (d->paragraphs == NULL)
		luaL_error(L, "out of memory");
	for (i = 1; i <= np; i++) {
		lua_rawgeti(L, -1, i);
		if (lua_type(L, -1) != LUA_TSTRING)
			hook_error(L, fn, "draft.paragraphs holds a %s, not a "
			    "string%s", luaL_typename(L, -1), "");
		d->paragraphs[d->nparagraphs] = keep(r, L, -1);
		words += sr_text_words(d->paragraphs[d->nparagraphs],
		    strlen(d->paragraphs[d->nparagraphs]));
		d->nparagraphs++;
		lua_pop(L, 1);
	}
	lua_pop(L, 1);
	d->words = words;
	lua_getfield(L, draft, "max_words");
	d->max_words = (int)lua_tointeger(L, -1);
	lua_pop(L, 1);
	if (d->max_words <= 0)
		d->max_words = n->max_words ? n->max_words :
		    SR_DEFAULT_MAX_WORDS;
}

/* Whether mention m names person p: their first name or their slug,
 * case aside. */
static bool
mention_matches(const char *m, const sr_person *p, const char *slug)
{
	const char *name = p->name ? sr_person_given(p->name) : NULL;
	size_t n;

	if (name != NULL) {
		n = strcspn(name, " ");
		if (strlen(m) == n && strncasecmp(m, name, n) == 0)
			return true;
	}
	return slug != NULL && strcasecmp(m, slug) == 0;
}

/* Pushes this recipient's view: the set of points they may get (those
 * that mention no one, or mention them), and note.points and
 * note.sections made of those. */
static void
push_view(run *r, lua_State *L, int note, int points, const sr_person *to,
    const char *slug, int *view)
{
	sr_note *n = r->note;
	size_t k, m;
	int list, sections, kk;
	bool in;

	lua_newtable(L);
	*view = lua_gettop(L);
	lua_newtable(L);
	list = lua_gettop(L);
	lua_createtable(L, 0, SR_KEY_COUNT);
	sections = lua_gettop(L);
	for (kk = 0; kk < SR_KEY_COUNT; kk++) {
		lua_newtable(L);
		lua_setfield(L, sections, sr_key_name((sr_key)kk));
	}
	for (k = 0; k < n->npoints; k++) {
		const sr_point *p = &n->points[k];

		if (r->slot[k] == 0) /* private: not even in note.points */
			continue;
		in = p->nmentions == 0 || to == NULL;
		for (m = 0; !in && m < p->nmentions; m++)
			in = mention_matches(p->mentions[m], to, slug);
		if (!in)
			continue;
		lua_rawgeti(L, points, r->slot[k]);
		lua_pushvalue(L, -1);
		lua_pushboolean(L, 1);
		lua_rawset(L, *view);
		lua_pushvalue(L, -1);
		lua_rawseti(L, list, (lua_Integer)lua_rawlen(L, list) + 1);
		/* clear what an earlier recipient's select left */
		lua_pushnil(L);
		lua_setfield(L, -2, "paragraph");
		lua_pushnil(L);
		lua_setfield(L, -2, "role");
		lua_pushnil(L);
		lua_setfield(L, -2, "why_not");
		lua_getfield(L, sections, sr_key_name(p->key));
		lua_insert(L, -2);
		lua_rawseti(L, -2, (lua_Integer)lua_rawlen(L, -2) + 1);
		lua_pop(L, 1);
	}
	lua_setfield(L, note, "sections");
	lua_setfield(L, note, "points");
}

/* A panel member's file-name part: ASCII letters and digits of the name
 * (common accents folded), dashes between; from front-matter text, so it
 * is made of nothing else. */
static const char *
make_slug(sr_note *n, const sr_person *p, size_t index)
{
	static const char *const folds[][2] = {
		{"à", "a"}, {"á", "a"}, {"â", "a"}, {"ã", "a"}, {"ä", "a"},
		{"å", "a"}, {"æ", "ae"}, {"ç", "c"}, {"è", "e"}, {"é", "e"},
		{"ê", "e"}, {"ë", "e"}, {"ì", "i"}, {"í", "i"}, {"î", "i"},
		{"ï", "i"}, {"ñ", "n"}, {"ò", "o"}, {"ó", "o"}, {"ô", "o"},
		{"õ", "o"}, {"ö", "o"}, {"ø", "o"}, {"ù", "u"}, {"ú", "u"},
		{"û", "u"}, {"ü", "u"}, {"ý", "y"}, {"ß", "ss"}, {"ł", "l"},
		{"ś", "s"}, {"ź", "z"}, {"ż", "z"}, {"ć", "c"}, {"ń", "n"},
		{"č", "c"}, {"š", "s"}, {"ž", "z"}, {"ř", "r"}, {"ğ", "g"},
		{"ı", "i"}, {"ş", "s"},
	};
	char buf[48];
	size_t o = 0, f;
	const char *s = p->name ? sr_person_given(p->name) :
	    p->email ? p->email : "";
	bool dash = false;

	while (*s != '\0' && o < sizeof(buf) - 3) {
		unsigned char c = (unsigned char)*s;

		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
		    (c >= 'A' && c <= 'Z')) {
			if (dash && o > 0)
				buf[o++] = '-';
			dash = false;
			buf[o++] = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
			s++;
			continue;
		}
		if (c == '@' && p->name == NULL)
			break; /* an address: its local part */
		for (f = 0; f < sizeof(folds) / sizeof(folds[0]); f++) {
			size_t len = strlen(folds[f][0]);

			if (strncmp(s, folds[f][0], len) == 0) {
				if (dash && o > 0)
					buf[o++] = '-';
				dash = false;
				buf[o++] = folds[f][1][0];
				if (folds[f][1][1] != '\0')
					buf[o++] = folds[f][1][1];
				s += len;
				break;
			}
		}
		if (f < sizeof(folds) / sizeof(folds[0]))
			continue;
		dash = true;
		s++;
		while (((unsigned char)*s & 0xC0) == 0x80)
			s++;
	}
	buf[o] = '\0';
	if (o == 0)
		snprintf(buf, sizeof(buf), "interviewer-%zu", index + 1);
	return sr_arena_strdup(n->arena, buf);
}

/* Gives each panel member a slug of their own ("-2" after a repeat). */
static const char **
make_slugs(sr_note *n)
{
	const char **slugs;
	size_t i, j;

	if ((slugs = sr_arena_alloc(n->arena, (n->ninterviewers + 1) *
	    sizeof(*slugs))) == NULL)
		return NULL;
	for (i = 0; i < n->ninterviewers; i++) {
		char buf[64];
		int k = 2;

		if ((slugs[i] = make_slug(n, &n->interviewers[i], i)) == NULL)
			return NULL;
		for (j = 0; j < i; j++) {
			if (strcmp(slugs[i], slugs[j]) != 0)
				continue;
			snprintf(buf, sizeof(buf), "%.48s-%d", slugs[i], k++);
			if ((slugs[i] = sr_arena_strdup(n->arena, buf)) == NULL)
				return NULL;
			j = (size_t)-1; /* check the new name again */
		}
	}
	return slugs;
}

/* Calls the last hook of a collected list {fn, name, ...} with nargs
 * arguments already on the stack; leaves nresults. */
static void
call_last(run *r, lua_State *L, int hooks, int nargs, int nresults,
    const char *what)
{
	lua_Integer nh = (lua_Integer)lua_rawlen(L, hooks);
	int fn;

	if (nh == 0)
		luaL_error(L, "no filter defines %s", what);
	lua_rawgeti(L, hooks, nh);
	r->current = lua_tostring(L, -1);
	lua_pop(L, 1);
	lua_rawgeti(L, hooks, nh - 1);
	fn = lua_gettop(L);
	set_current(r, L, fn);
	lua_insert(L, fn - nargs);
	lua_call(L, nargs, nresults);
}

/* The fields of a draft table a draft hook may change, in the order
 * explain names them. */
static const char *const draft_fields[] = {"subject", "greeting",
    "paragraphs", "closing", "signature", "max_words", NULL};

/* A hash of each draft field's value (a string, a number, or a list of
 * strings), to see what a draft hook changed.  Raises no error. */
static void
draft_digest(lua_State *L, int draft, uint64_t *h)
{
	size_t i, n;
	lua_Integer k, len;
	const char *s;

	for (i = 0; draft_fields[i] != NULL; i++) {
		h[i] = SR_HASH_INIT;
		lua_getfield(L, draft, draft_fields[i]);
		h[i] = sr_hash(h[i], &(int){lua_type(L, -1)}, sizeof(int));
		if (lua_type(L, -1) == LUA_TTABLE) {
			len = (lua_Integer)lua_rawlen(L, -1);
			for (k = 1; k <= len; k++) {
				lua_rawgeti(L, -1, k);
				if (lua_type(L, -1) == LUA_TSTRING ||
				    lua_type(L, -1) == LUA_TNUMBER) {
					s = lua_tolstring(L, -1, &n);
					h[i] = sr_hash(h[i], s, n + 1);
				}
				lua_pop(L, 1);
			}
		} else if (lua_type(L, -1) == LUA_TSTRING ||
		    lua_type(L, -1) == LUA_TNUMBER) {
			lua_pushvalue(L, -1); /* tolstring may convert */
			s = lua_tolstring(L, -1, &n);
			h[i] = sr_hash(h[i], s, n);
			lua_pop(L, 1);
		}
		lua_pop(L, 1);
	}
}

/* Records on d what the draft hook of filter `name` changed, when it
 * changed something: "warm.lua: greeting, closing". */
static void
note_changes(run *r, lua_State *L, sr_draft *d, const char *name,
    const uint64_t *before, const uint64_t *after)
{
	luaL_Buffer b;
	size_t i, n = 0;
	const char *base = strrchr(name, '/');

	luaL_buffinit(L, &b);
	luaL_addstring(&b, base ? base + 1 : name);
	luaL_addstring(&b, ": ");
	for (i = 0; draft_fields[i] != NULL; i++) {
		if (before[i] == after[i])
			continue;
		if (n++ > 0)
			luaL_addstring(&b, ", ");
		luaL_addstring(&b, draft_fields[i]);
	}
	luaL_pushresult(&b);
	if (n > 0) {
		d->changes = sr_arena_grow(r->note->arena, d->changes,
		    d->nchanges, d->nchanges + 1, sizeof(*d->changes));
		if (d->changes == NULL)
			luaL_error(L, "out of memory");
		d->changes[d->nchanges++] = keep(r, L, -1);
	}
	lua_pop(L, 1);
}

/* select, compose and the draft hooks for one recipient. */
static void
run_recipient(run *r, lua_State *L, sr_draft *d, const sr_person *to,
    int to_index, int note, int points, int lookup, int chain, int names)
{
	int top = lua_gettop(L), view, chosen, draft, hooks, fn;
	lua_Integer h, nh;
	uint64_t before[8], after[8];

	d->to = to;
	lua_getfield(L, note, "interviewers");
	lua_rawgeti(L, -1, to_index);
	lua_setfield(L, note, "to");
	lua_pop(L, 1);
	push_view(r, L, note, points, to, d->slug, &view);

	collect(L, chain, names, "select");
	hooks = lua_gettop(L);
	lua_getfield(L, note, "points");
	lua_pushvalue(L, note);
	call_last(r, L, hooks, 2, 1, "select");
	if (!lua_istable(L, -1))
		luaL_error(L, "select returned a %s, not a list of points",
		    luaL_typename(L, -1));
	chosen = lua_gettop(L);
	read_choices(r, L, d, points, lookup, chosen, view);

	collect(L, chain, names, "compose");
	hooks = lua_gettop(L);
	nh = (lua_Integer)lua_rawlen(L, hooks);
	lua_rawgeti(L, hooks, nh - 1); /* kept, to place errors */
	fn = lua_gettop(L);
	lua_pushvalue(L, chosen);
	lua_pushvalue(L, note);
	call_last(r, L, hooks, 2, 2, "compose");
	draft = lua_gettop(L) - 1;
	if (lua_isnil(L, draft) || (lua_isboolean(L, draft) &&
	    !lua_toboolean(L, draft))) {
		/* no draft: compose found nothing to write one from */
		d->none = lua_type(L, draft + 1) == LUA_TSTRING ?
		    keep(r, L, draft + 1) : "compose wrote no draft";
		lua_settop(L, top);
		return;
	}
	if (!lua_istable(L, draft))
		hook_error(L, fn, "compose returned a %s, not a draft table%s",
		    luaL_typename(L, draft), "");

	collect(L, chain, names, "draft");
	hooks = lua_gettop(L);
	nh = (lua_Integer)lua_rawlen(L, hooks);
	for (h = 1; h < nh; h += 2) {
		lua_rawgeti(L, hooks, h + 1);
		r->current = lua_tostring(L, -1);
		lua_pop(L, 1);
		lua_rawgeti(L, hooks, h);
		lua_pushvalue(L, -1);
		fn = lua_gettop(L) - 1; /* the copy stays, to place errors */
		set_current(r, L, fn);
		lua_pushvalue(L, draft);
		lua_pushvalue(L, note);
		draft_digest(L, draft, before);
		lua_call(L, 2, 0);
		draft_digest(L, draft, after);
		note_changes(r, L, d, r->current, before, after);
	}
	read_draft(r, L, d, draft, fn);
	read_left_out(r, L, d, points);
	lua_settop(L, top);
}

/* The whole run of one note; called under sr_sandbox_call. */
static int
run_note(lua_State *L)
{
	run *r = lua_touserdata(L, 1);
	sr_engine *e = r->e;
	sr_note *n = r->note;
	int note, points, lookup, chain, names, hooks;
	lua_Integer h, nh;
	size_t i, count = 0, nto;
	const char **slugs = NULL;
	filter *fs = NULL;

	lua_settop(L, 0);
	if ((r->slot = sr_arena_alloc(n->arena, (n->npoints + 1) *
	    sizeof(*r->slot))) == NULL)
		return luaL_error(L, "out of memory");
	push_note(r, L, n, &points);
	/* stack: 1 note, 2 points, 3 lookup */
	note = 1;
	lookup = 3;
	lua_newtable(L);
	chain = lua_gettop(L);
	lua_newtable(L);
	names = lua_gettop(L);

	/* The chain: defaults and --filter files, then the note's own. */
	fs = lua_newuserdatauv(L, (e->nchain + n->nfilters + 1) * sizeof(*fs),
	    0);
	for (i = 0; i < e->nchain; i++)
		fs[count++] = e->chain[i];
	for (i = 0; i < n->nfilters + (n->tone != NULL); i++) {
		const char *name = i < n->nfilters ? n->filters[i] : n->tone;
		const sr_value *field = sr_value_get(n->meta, i < n->nfilters ?
		    "filters" : "tone");
		const filter *found = find_filter_cached(e, n->path, name);

		if (found == NULL && found_outside(e, name))
			return luaL_error(L, "%s:%d: filter '%s': a link that "
			    "leads outside its folder: not read (filters are read "
			    "only from inside the notes repository; "
			    "--allow-outside reads it)", n->path,
			    field ? field->line : 1, name);
		if (found == NULL && i == n->nfilters) {
			/* a tone with no filter of its name: the default
			 * tone, said once */
			sr_diags_add(r->diags, SR_WARNING,
			    sr_note_field_file(n, "tone"),
			    field ? field->line : 0, 0, "tone '%s': no filter "
			    "%s.lua beside the note, in a filters folder above "
			    "it or among the shipped filters; the draft keeps "
			    "the default tone", name, name);
			continue;
		}
		if (found == NULL)
			return luaL_error(L, "%s:%d: filter '%s': no such "
			    "filter beside the note, in a filters folder above it "
			    "or among the shipped filters (a plain name: no "
			    "'/' at the start, no '..')",
			    sr_note_field_file(n, "filters"),
			    field ? field->line : 1, name);
		fs[count++] = *found; /* the engine's, for the batch */
	}
	for (i = 0; i < count; i++) {
		r->current = fs[i].path;
		r->current_line = 0;
		push_hooks(e->sb, &fs[i]);
		lua_rawseti(L, chain, (lua_Integer)i + 1);
		lua_pushstring(L, fs[i].path);
		lua_rawseti(L, names, (lua_Integer)i + 1);
	}

	merge_phrases(L, chain, note);

	/* note hooks, in order */
	collect(L, chain, names, "note");
	hooks = lua_gettop(L);
	nh = (lua_Integer)lua_rawlen(L, hooks);
	for (h = 1; h < nh; h += 2) {
		lua_rawgeti(L, hooks, h);
		lua_rawgeti(L, hooks, h + 1);
		r->current = lua_tostring(L, -1);
		lua_pop(L, 1);
		set_current(r, L, lua_gettop(L));
		lua_pushvalue(L, note);
		lua_call(L, 1, 0);
	}
	lua_pop(L, 1);

	collect(L, chain, names, "score");
	run_scores(r, L, note, points, lua_gettop(L));
	lua_pop(L, 1);
	read_verdicts(r, L, points);

	/* one draft per interviewer (or one to no one named) */
	nto = n->ninterviewers > 0 ? n->ninterviewers : 1;
	r->out->drafts = sr_arena_alloc(n->arena, nto *
	    sizeof(*r->out->drafts));
	if (r->out->drafts == NULL || (n->ninterviewers > 1 &&
	    (slugs = make_slugs(n)) == NULL))
		return luaL_error(L, "out of memory");
	for (i = 0; i < nto; i++) {
		sr_draft *d = &r->out->drafts[i];

		d->slug = slugs != NULL ? slugs[i] : NULL;
		run_recipient(r, L, d, n->ninterviewers > 0 ?
		    &n->interviewers[i] : NULL, (int)i + 1, note, points,
		    lookup, chain, names);
		r->out->ndrafts++;
	}
	return 0;
}

/* Hashes a file's name (not its folder: the hash must not depend on where
 * the project lives) and bytes into h. */
static uint64_t
hash_file(uint64_t h, const char *path)
{
	const char *base = strrchr(path, '/');
	char buf[8192];
	size_t n;
	FILE *f = fopen(path, "rb");

	base = base ? base + 1 : path;
	h = sr_hash(h, base, strlen(base) + 1);
	if (f == NULL)
		return h;
	while ((n = fread(buf, 1, sizeof(buf), f)) > 0)
		h = sr_hash(h, buf, n);
	fclose(f);
	return h;
}

uint64_t
sr_lua_files_hash(uint64_t h, const char *dir)
{
	sr_names names = {0};
	struct dirent *e;
	size_t i, n;
	char *path;
	DIR *d;

	if ((d = opendir(dir)) == NULL)
		return h;
	while ((e = readdir(d)) != NULL) {
		n = strlen(e->d_name);
		if (n < 5 || strcmp(e->d_name + n - 4, ".lua") != 0)
			continue;
		if ((path = path_join(dir, e->d_name)) != NULL &&
		    sr_names_add(&names, path) != 0) {
			free(path);
			break;
		}
	}
	closedir(d);
	sr_names_sort(&names);
	for (i = 0; i < names.count; i++)
		h = hash_file(h, names.items[i]);
	sr_names_free(&names);
	return h;
}

uint64_t
sr_engine_fingerprint(const sr_engine *e)
{
	uint64_t h = sr_hash(SR_HASH_INIT, SR_VERSION, sizeof(SR_VERSION));
	size_t i;

	/* each filter, and the modules it may require beside it: every
	 * folder's *.lua, by content and name only, so the hash is the same
	 * however the folders were named (a folder named twice is hashed
	 * twice, the same way every time) */
	for (i = 0; i < e->nchain; i++) {
		h = hash_file(h, e->chain[i].path);
		h = sr_lua_files_hash(h, e->chain[i].dir);
	}
	return sr_lua_files_hash(h, e->filters_dir);
}

/* Whether a filter file has run in this process (its hooks are kept). */
static bool
loaded(lua_State *L, const char *path)
{
	bool yes;

	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_HOOKS) != LUA_TTABLE) {
		lua_pop(L, 1);
		return false;
	}
	yes = lua_getfield(L, -1, path) == LUA_TTABLE;
	lua_pop(L, 2);
	return yes;
}

/* Whether the filter at path is in the engine's chain (the defaults and
 * --filter files), or named by the note before its i-th name. */
static bool
told_before(sr_engine *e, const sr_note *n, size_t i, const char *path)
{
	const filter *f;
	size_t k;

	for (k = 0; k < e->nchain; k++)
		if (strcmp(e->chain[k].path, path) == 0)
			return true;
	for (k = 0; k < i; k++)
		if ((f = find_filter_cached(e, n->path,
		    k < n->nfilters ? n->filters[k] : n->tone)) != NULL &&
		    strcmp(f->path, path) == 0)
			return true;
	return false;
}

/*
 * Runs the files of the filters a note names that this process has not
 * run yet, each in a run of its own, before the note's: a file's top level
 * gets its own budget and the same random numbers whichever note first
 * names it, as the files of the default and --filter filters do.  One that
 * fails is left to fail again, in the note's run, where its error is told.
 * The warnings of loading each (a function named nearly as a hook) are
 * told for every note that names it, so that -j changes nothing.
 */
static void
preload(sr_engine *e, const sr_note *n, double deadline, sr_diags *diags)
{
	lua_State *L = e->sb->L;
	const filter *f;
	const char *path;
	size_t i;

	for (i = 0; i < n->nfilters + (n->tone != NULL); i++) {
		f = find_filter_cached(e, n->path, i < n->nfilters ?
		    n->filters[i] : n->tone);
		if (f == NULL)
			continue;
		if (!loaded(L, f->path)) {
			sr_sandbox_begin(e->sb, e->max_steps, deadline);
			lua_pushcfunction(L, check_filter);
			lua_pushlightuserdata(L, (void *)f);
			lua_pushlightuserdata(L, e->sb);
			sr_sandbox_call(e->sb, 2, 0);
			sr_sandbox_end(e->sb);
			sr_sandbox_collect(e->sb);
		}
		/* the struct f may move in the next find, its path stays
		 * while the note's folder is the same */
		path = f->path;
		if (!told_before(e, n, i, path))
			tell_warnings(L, path, diags);
	}
}

bool
sr_engine_loading(const sr_engine *e)
{
	return e->sb->loading > 0;
}

int
sr_engine_run(sr_engine *e, sr_note *note, sr_outcome *out, sr_diags *diags)
{
	lua_State *L = e->sb->L;
	run r = {e, note, out, diags, NULL, 0, 0, NULL};
	size_t i;
	int rc;

	/* one deadline for the note's filters, files it loads first too */
	double deadline = sr_sandbox_deadline(e->max_seconds);

	memset(out, 0, sizeof(*out));
	preload(e, note, deadline, diags);
	sr_sandbox_begin(e->sb, e->max_steps, deadline);
	lua_pushcfunction(L, run_note);
	lua_pushlightuserdata(L, &r);
	rc = sr_sandbox_call(e->sb, 1, 0);
	if (rc != LUA_OK) {
		if (rc == LUA_ERRMEM && e->sb->stopped == SR_STOP_MEMORY) {
			sr_diags_add(diags, SR_ERROR, r.current, r.current_line,
			    0, "the filter ran past the filters' memory cap of %ld MiB "
			    "(--max-memory) (while filtering %s)",
			    e->max_memory / (1024 * 1024), note->path);
		} else
			add_lua_diag(diags, r.current, r.current_line,
			    lua_tostring(L, -1), note->path);
		memset(out, 0, sizeof(*out));
	}
	sr_sandbox_end(e->sb);
	for (i = 0; rc == LUA_OK && i < out->ndrafts; i++)
		if (sr_draft_local_images(note, &out->drafts[i], diags) != 0) {
			sr_diags_add(diags, SR_ERROR, note->path, 0, 0,
			    "out of memory");
			memset(out, 0, sizeof(*out));
			rc = LUA_ERRMEM;
		}
	return rc == LUA_OK ? 0 : -1;
}
