/*
 * sandbox.c - the Lua state that runs filters, and the walls around it.
 *
 * One state serves the whole batch, and each filter file (and each module
 * it requires) runs once in it, in an environment of its own.  Between
 * notes every such environment is put back as it was when its file had
 * run: globals a hook set are gone, and a metatable set on _G is dropped.
 * The libraries (string, table, math, utf8, coroutine, os, sr) are shared
 * read-only tables, so one filter cannot change them for another or for a
 * later note.  What a file keeps in its own locals does carry from note to
 * note; filters keep per-note state in their note hook (secondround-
 * filters(7)).  What the state itself shares is locked: the string
 * metatable answers getmetatable with false, and setmetatable refuses __gc
 * (a finalizer would run during a later note).
 *
 * Why not run every file again for each note, as until 0.1: `make bench`
 * showed it was a fifth of the whole run of a note (about 0.9 M of 4.7 M
 * instructions, callgrind), for an isolation of locals that the shipped
 * filters do not need.
 *
 * Limits: an allocator that refuses to grow the state past one cap for
 * the whole batch (what filters keep from note to note, and the small-
 * block pool's slabs, count), and a count hook that stops a run after its
 * instruction budget or its wall-clock deadline.  Either error unwinds to
 * the protected call of sr_sandbox_call, after which the state is as
 * usable as before.  The hook is off while Lua runs a message handler
 * for an error the hook raised, and while it runs finalizers: so xpcall
 * calls its handler after the error has unwound, and no filter's table
 * ever gets a __gc (a C function that does not return, a pattern match,
 * is stopped by the worker's watchdog, jobs.c).
 */
#include <errno.h>
#include <signal.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <lauxlib.h>
#include <lualib.h>

#include "internal.h"

#if LUA_VERSION_NUM != 504
#error "secondround needs Lua 5.4"
#endif

#define HOOK_EVERY 1000 /* instructions between two looks at the budget */
#define SR_GC_EVERY (1u << 20) /* bytes of garbage between two collections */
#define SR_MAX_ERROR 2000 /* bytes of a filter's error message kept */
#define SR_MAX_CLOSING 100 /* coroutine.close within coroutine.close */

/* Registry keys (their addresses are unique). */
static const char REG_TEMPLATE = 't'; /* name -> value filters may see */
static const char REG_CHUNKS = 'c';   /* path -> compiled chunk */
static const char REG_LOADED = 'l';   /* path -> module result */
static const char REG_ENVS = 'e';     /* env -> {snapshot, metatable} */
static const char REG_READONLY = 'r'; /* library view -> true */
static const char REG_SANDBOX = 's';  /* light userdata: the sandbox */
static const char REG_WATCHED = 'w';  /* the function sr_sandbox_watch
                                         watches */

/* The base functions a filter may call as they are. */
static const char *const safe_base[] = {"assert", "error", "ipairs", "next",
    "pairs", "pcall", "rawequal", "rawget", "rawlen", "select",
    "tonumber", "tostring", "type", "getmetatable", "_VERSION",
    NULL};
/* The libraries copied into each environment, whole. */
static const char *const safe_libs[] = {"string", "table", "math", "utf8",
    "coroutine", NULL};

/*
 * The state's small blocks (up to SR_POOL_MAX bytes, most of what Lua
 * allocates: strings, tables, closures) come from a pool: a free list per
 * 16-byte size class, refilled from 64 KiB slabs.  Lua gives the size of
 * every block it frees, so blocks carry no header, and taking or giving
 * back one is a few instructions, where malloc was a tenth of the whole
 * run (perf).  Bigger blocks go to malloc.  Slabs go back to the system
 * when the state is closed.  Under AddressSanitizer every block is
 * malloc's, so that it still sees each one.
 */
#if defined(__SANITIZE_ADDRESS__)
#define SR_POOL_MAX 0
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SR_POOL_MAX 0
#endif
#endif
#ifndef SR_POOL_MAX
#define SR_POOL_MAX 512
#endif
#define SR_POOL_SLAB (64u << 10)

struct sr_pool {
	void *free[SR_POOL_MAX / 16 + 1]; /* per class, a list through the
	                                      blocks' first word */
	char *bump, *end;                  /* what is left of the slab */
	void **slabs;
	size_t nslabs, cap;
};

/* Whether the state may hold `more` bytes more; stopped says why not. */
static bool
may_hold(sr_sandbox *sb, size_t more)
{
	if (sb->limit != 0 && (sb->held > sb->limit ||
	    more > sb->limit - sb->held)) {
		sb->stopped = SR_STOP_MEMORY;
		return false;
	}
	return true;
}

/* A small block; a new slab only when the cap allows it (over: any). */
static void *
pool_take(sr_sandbox *sb, size_t size, bool over)
{
	sr_pool *pool = sb->pool;
	size_t c = (size + 15) / 16;
	void *p;

	if ((p = pool->free[c]) != NULL) {
		pool->free[c] = *(void **)p;
		return p;
	}
	if ((size_t)(pool->end - pool->bump) < c * 16) {
		char *slab;

		if (pool->nslabs == pool->cap) {
			size_t cap = pool->cap ? pool->cap * 2 : 16;
			void **slabs = realloc(pool->slabs, cap *
			    sizeof(*slabs));

			if (slabs == NULL)
				return NULL;
			pool->slabs = slabs;
			pool->cap = cap;
		}
		if ((!over && !may_hold(sb, SR_POOL_SLAB)) ||
		    (slab = malloc(SR_POOL_SLAB)) == NULL)
			return NULL;
		sb->held += SR_POOL_SLAB;
		pool->slabs[pool->nslabs++] = slab;
		/* the rest of the old slab is given to the free lists */
		while (pool->end - pool->bump >= 16) {
			size_t k = (size_t)(pool->end - pool->bump) / 16;

			if (k > SR_POOL_MAX / 16)
				k = SR_POOL_MAX / 16;
			*(void **)pool->bump = pool->free[k];
			pool->free[k] = pool->bump;
			pool->bump += k * 16;
		}
		pool->bump = slab;
		pool->end = slab + SR_POOL_SLAB;
	}
	p = pool->bump;
	pool->bump += c * 16;
	return p;
}

static void
pool_give(sr_pool *pool, void *p, size_t size)
{
	size_t c = (size + 15) / 16;

	*(void **)p = pool->free[c];
	pool->free[c] = p;
}

static void
pool_free(sr_pool *pool)
{
	size_t i;

	if (pool == NULL)
		return;
	for (i = 0; i < pool->nslabs; i++)
		free(pool->slabs[i]);
	free(pool->slabs);
	free(pool);
}

/* A big block (over SR_POOL_MAX bytes) from malloc, counted. */
static void *
big_take(sr_sandbox *sb, size_t size, bool over)
{
	void *p;

	if ((!over && !may_hold(sb, size)) || (p = malloc(size)) == NULL)
		return NULL;
	sb->held += size;
	return p;
}

/* Gives back a block of `size` bytes: to its free list, or to malloc. */
static void
block_give(sr_sandbox *sb, void *ptr, size_t size)
{
	if (ptr == NULL)
		return;
	if (size <= SR_POOL_MAX) {
		pool_give(sb->pool, ptr, size);
		return;
	}
	free(ptr);
	sb->held -= size;
}

/*
 * The state's allocator.  What the cap counts (held) is what the state
 * takes from the system: the pool's slabs whole, whatever their free
 * lists hold (a block freed in one size class cannot serve another), and
 * the big blocks.  A block that shrinks is never refused (Lua does not
 * expect it); it may take one slab over the cap.  used is what Lua holds
 * live, for the collector's pace.
 */
static void *
sandbox_alloc(void *ud, void *ptr, size_t osize, size_t nsize)
{
	sr_sandbox *sb = ud;
	size_t old = ptr != NULL ? osize : 0;
	bool shrink = nsize <= old;
	void *p;

	if (nsize == 0) {
		block_give(sb, ptr, old);
		sb->used -= old;
		return NULL;
	}
	if (old > SR_POOL_MAX && nsize > SR_POOL_MAX) {
		if (!shrink && !may_hold(sb, nsize - old))
			return NULL;
		if ((p = realloc(ptr, nsize)) == NULL)
			return NULL;
		sb->held = sb->held - old + nsize;
	} else if (ptr != NULL && old <= SR_POOL_MAX && nsize <= SR_POOL_MAX &&
	    (old + 15) / 16 == (nsize + 15) / 16) {
		p = ptr; /* the same class */
	} else {
		p = nsize <= SR_POOL_MAX ? pool_take(sb, nsize, shrink) :
		    big_take(sb, nsize, shrink);
		if (p == NULL)
			return NULL;
		if (ptr != NULL) {
			memcpy(p, ptr, old < nsize ? old : nsize);
			block_give(sb, ptr, old);
		}
	}
	sb->used = sb->used - old + nsize;
	return p;
}

/* Set by sr_interrupt (from a signal handler): filter runs stop. */
static volatile sig_atomic_t interrupt_requested;

void
sr_interrupt(void)
{
	interrupt_requested = 1;
}

/* Whether the run's wall-clock deadline has passed. */
static bool
past_deadline(const sr_sandbox *sb)
{
	struct timespec now;

	if (sb->deadline == 0)
		return false;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9 > sb->deadline;
}

/* Counts instructions; past the budget or the deadline (or once the
 * program is asked to stop), every further instruction fails, so no pcall
 * loop can swallow the error for long.  While a function is watched, it
 * also keeps the line of that function's last return. */
static void
count_hook(lua_State *L, lua_Debug *ar)
{
	sr_sandbox *sb;

	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_SANDBOX);
	sb = lua_touserdata(L, -1);
	lua_pop(L, 1);
	if (ar->event == LUA_HOOKRET) {
		lua_getinfo(L, "fl", ar);
		lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_WATCHED);
		if (lua_rawequal(L, -1, -2))
			sb->return_line = ar->currentline;
		lua_pop(L, 2);
		return;
	}
	sb->steps += HOOK_EVERY;
	if (interrupt_requested) {
		lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
		lua_pushliteral(L, "interrupted");
		lua_error(L);
	}
	if (sb->stopped != SR_STOP_STEPS && sb->stopped != SR_STOP_TIME) {
		if (sb->max_steps != 0 && sb->steps > sb->max_steps)
			sb->stopped = SR_STOP_STEPS;
		else if (past_deadline(sb))
			sb->stopped = SR_STOP_TIME;
		else
			return;
	}
	lua_sethook(L, count_hook, LUA_MASKCOUNT, 1);
	sb->watching = false;
	lua_getinfo(L, "Sl", ar);
	if (sb->stopped == SR_STOP_TIME)
		lua_pushfstring(L, "%s:%d: the filter ran past its time budget "
		    "of %I s (--max-seconds)", ar->short_src, ar->currentline,
		    (lua_Integer)sb->max_seconds);
	else
		lua_pushfstring(L, "%s:%d: the filter ran past its budget of %I "
		    "instructions (--max-instructions)", ar->short_src,
		    ar->currentline, (lua_Integer)sb->max_steps);
	lua_error(L);
}

/* "file:line: " of the innermost Lua function running, or "". */
static void
push_where(lua_State *L)
{
	lua_Debug ar;
	int level;

	for (level = 0; lua_getstack(L, level, &ar); level++) {
		lua_getinfo(L, "Sl", &ar);
		if (ar.currentline > 0) {
			lua_pushfstring(L, "%s:%d: ", ar.short_src,
			    ar.currentline);
			return;
		}
	}
	lua_pushliteral(L, "");
}

/* The message handler of every call into filter code: makes any error
 * value a string with the place it came from, and adds a traceback when
 * asked (the sandbox has no debug library to fetch one from). */
static int
message_handler(lua_State *L)
{
	sr_sandbox *sb = lua_touserdata(L, lua_upvalueindex(1));
	const char *msg = lua_tostring(L, 1);

	if (msg == NULL) {
		if (luaL_callmeta(L, 1, "__tostring") &&
		    lua_type(L, -1) == LUA_TSTRING) {
			msg = lua_tostring(L, -1);
		} else {
			push_where(L);
			msg = lua_pushfstring(L, "%s(error object is a %s value)",
			    lua_tostring(L, -1), luaL_typename(L, 1));
		}
	}
	if (strlen(msg) > SR_MAX_ERROR) {
		/* an error object can say anything at any length: the message
		 * keeps its start, cut between two UTF-8 characters */
		size_t n = SR_MAX_ERROR, len = strlen(msg);

		while (n > 0 && ((unsigned char)msg[n] & 0xc0) == 0x80)
			n--;
		lua_pushlstring(L, msg, n);
		msg = lua_pushfstring(L, "%s... (%I bytes more cut)",
		    lua_tostring(L, -1), (lua_Integer)(len - n));
	}
	if (sb->traceback)
		luaL_traceback(L, L, msg, 1);
	else
		lua_pushstring(L, msg);
	return 1;
}

int
sr_sandbox_call(sr_sandbox *sb, int nargs, int nresults)
{
	lua_State *L = sb->L;
	int base = lua_gettop(L) - nargs, rc;

	lua_pushlightuserdata(L, sb);
	lua_pushcclosure(L, message_handler, 1);
	lua_insert(L, base);
	rc = lua_pcall(L, nargs, nresults, base);
	lua_remove(L, base);
	if (rc == LUA_ERRMEM) {
		lua_pop(L, 1);
		lua_pushliteral(L, "not enough memory");
	}
	return rc;
}

/* print() in a filter logs, like sr.log: stdout belongs to the program. */
int
sr_sandbox_log(lua_State *L)
{
	sr_sandbox *sb;
	luaL_Buffer b;
	int i, n = lua_gettop(L);

	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_SANDBOX);
	sb = lua_touserdata(L, -1);
	lua_pop(L, 1);
	luaL_buffinit(L, &b);
	luaL_where(L, 1);
	luaL_addvalue(&b);
	for (i = 1; i <= n; i++) {
		if (i > 1)
			luaL_addchar(&b, '\t');
		luaL_tolstring(L, i, NULL);
		luaL_addvalue(&b);
	}
	luaL_pushresult(&b);
	if (sb->log != NULL)
		sb->log(sb->log_arg, lua_tostring(L, -1));
	return 0;
}

void
sr_sandbox_watch(sr_sandbox *sb, int idx)
{
	lua_State *L = sb->L;
	bool stopped = sb->stopped == SR_STOP_STEPS ||
	    sb->stopped == SR_STOP_TIME;

	/* lua_sethook starts the count again: each switch leaves up to
	 * HOOK_EVERY instructions uncounted (a few thousand a note, of a
	 * budget of millions), which costs less than a return hook kept on
	 * for the whole run (3 % of the instructions, callgrind) */
	if (idx != 0) {
		lua_pushvalue(L, idx);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_WATCHED);
		sb->return_line = 0;
	}
	sb->watching = idx != 0 && !stopped;
	lua_sethook(L, count_hook, LUA_MASKCOUNT | (sb->watching ?
	    LUA_MASKRET : 0), stopped ? 1 : HOOK_EVERY);
}

/* The end of xpcall: true and f's results, or false and what the
 * message handler (at 2) made of the error. */
static int
xpcall_done(lua_State *L, int status, lua_KContext extra)
{
	if (status == LUA_OK || status == LUA_YIELD)
		return lua_gettop(L) - (int)extra;
	if (status != LUA_ERRMEM) { /* Lua calls no handler for it either */
		lua_pushvalue(L, 2);
		lua_insert(L, -2);
		lua_pcall(L, 1, 1, 0);
	}
	lua_pushboolean(L, 0);
	lua_insert(L, -2);
	return 2;
}

/* xpcall, with the message handler called once the error has unwound,
 * where the count hook is on: Lua calls it where the error is raised,
 * which for the hook's own error is inside the hook, with hooks off, so
 * a handler that loops would never be stopped.  Filters have no debug
 * library, so a handler sees nothing of the difference but the stack
 * level of a new error(). */
static int
safe_xpcall(lua_State *L)
{
	int n = lua_gettop(L);

	luaL_checktype(L, 2, LUA_TFUNCTION);
	lua_pushboolean(L, 1);
	lua_pushvalue(L, 1);
	lua_rotate(L, 3, 2); /* true and f below f's arguments */
	return xpcall_done(L, lua_pcallk(L, n - 2, LUA_MULTRET, 0, 2,
	    xpcall_done), 2);
}

/* coroutine.close (upvalue 1), nested at most SR_MAX_CLOSING deep: Lua
 * 5.4.4 counts no C stack for a close that runs a __close that closes
 * another coroutine, and overflows it some thousands deep (a bug on the
 * lua.org list, fixed in 5.4.5, not in Debian 12's package). */
static int
safe_coclose(lua_State *L)
{
	sr_sandbox *sb;
	int rc;

	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_SANDBOX);
	sb = lua_touserdata(L, -1);
	lua_pop(L, 1);
	if (sb->closing >= SR_MAX_CLOSING)
		return luaL_error(L, "coroutine.close: nested more than %d deep",
		    SR_MAX_CLOSING);
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_insert(L, 1);
	sb->closing++;
	rc = lua_pcall(L, lua_gettop(L) - 1, LUA_MULTRET, 0);
	sb->closing--;
	if (rc != LUA_OK)
		return lua_error(L);
	return lua_gettop(L);
}

/* Whether the table at idx holds a __gc field (raw: as Lua looks). */
static bool
has_gc(lua_State *L, int idx)
{
	bool yes;

	lua_pushliteral(L, "__gc");
	yes = lua_rawget(L, idx < 0 ? idx - 1 : idx) != LUA_TNIL;
	lua_pop(L, 1);
	return yes;
}

/* setmetatable without finalizers: Lua runs them with hooks off, so no
 * budget could stop one, and a __gc would run in a later note. */
static int
safe_setmetatable(lua_State *L)
{
	if (lua_type(L, 2) == LUA_TTABLE && has_gc(L, 2))
		return luaL_error(L, "setmetatable: filters may not set __gc");
	lua_settop(L, 2);
	luaL_checktype(L, 1, LUA_TTABLE);
	if (!lua_isnoneornil(L, 2))
		luaL_checktype(L, 2, LUA_TTABLE);
	if (luaL_getmetafield(L, 1, "__metatable") != LUA_TNIL)
		return luaL_error(L, "cannot change a protected metatable");
	lua_setmetatable(L, 1);
	return 1;
}

/* rawset, except into the libraries' read-only views. */
static int
safe_rawset(lua_State *L)
{
	luaL_checktype(L, 1, LUA_TTABLE);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_READONLY);
	lua_pushvalue(L, 1);
	if (lua_rawget(L, -2) != LUA_TNIL)
		return luaL_error(L, "rawset: the libraries are read-only: "
		    "filters share them");
	lua_settop(L, 3);
	luaL_checkany(L, 2);
	luaL_checkany(L, 3);
	lua_rawset(L, 1);
	return 1;
}

/* load() of text chunks only; the environment defaults to the caller's. */
static int
safe_load(lua_State *L)
{
	size_t len;
	const char *s = lua_tolstring(L, 1, &len);
	const char *name = luaL_optstring(L, 2, s != NULL ? s : "=(load)");
	int env = !lua_isnone(L, 4) ? 4 : 0, rc;

	if (s == NULL) {
		luaL_checktype(L, 1, LUA_TFUNCTION);
		return luaL_error(L, "load: filters may load only strings");
	}
	rc = luaL_loadbufferx(L, s, len, name, "t");
	if (rc != LUA_OK) {
		luaL_pushfail(L);
		lua_insert(L, -2);
		return 2;
	}
	if (env != 0)
		lua_pushvalue(L, env);
	else
		lua_pushvalue(L, lua_upvalueindex(1));
	if (!lua_setupvalue(L, -2, 1))
		lua_pop(L, 1);
	return 1;
}


/* Whether a module name is plain: letters, digits, _ and - in parts
 * joined by dots. */
static bool
plain_module_name(const char *name)
{
	const char *p;

	if (*name == '\0' || *name == '.')
		return false;
	for (p = name; *p; p++) {
		if (*p == '.' && (p[1] == '.' || p[1] == '\0'))
			return false;
		if (!(*p == '.' || *p == '_' || *p == '-' ||
		    (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9')))
			return false;
	}
	return true;
}

/* require: only .lua files beside the requiring filter (upvalue 1, its
 * folder) or in the shipped filters folder, and none that is a link
 * leading out of it; each runs once per batch. */
static int
safe_require(lua_State *L)
{
	sr_sandbox *sb;
	const char *name = luaL_checkstring(L, 1);
	const char *dirs[2];
	size_t i;

	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_SANDBOX);
	sb = lua_touserdata(L, -1);
	lua_pop(L, 1);
	if (strcmp(name, "secondround") == 0 || strcmp(name, "sr") == 0) {
		lua_pushvalue(L, lua_upvalueindex(2)); /* the filter's own sr */
		return 1;
	}
	if (!plain_module_name(name))
		return luaL_error(L, "module '%s' not found: filters may "
		    "require only .lua files beside them or in the filters "
		    "folder", name);
	dirs[0] = lua_tostring(L, lua_upvalueindex(1));
	dirs[1] = sb->filters_dir;
	/* the candidate paths are built on the Lua stack: no C memory is held
	 * across a call that can raise */
	for (i = 0; i < 2; i++) {
		luaL_Buffer b;
		const char *p;

		if (dirs[i] == NULL)
			continue;
		luaL_buffinit(L, &b);
		luaL_addstring(&b, dirs[i]);
		luaL_addchar(&b, '/');
		for (p = name; *p != '\0'; p++)
			luaL_addchar(&b, *p == '.' ? '/' : *p);
		luaL_addstring(&b, ".lua");
		luaL_pushresult(&b);
		if (sr_regular_file(lua_tostring(L, -1))) {
			/* a link out of the folder is not read, and its
			 * text never quoted in an error */
			if (!sb->allow_outside &&
			    !sr_path_inside(lua_tostring(L, -1), dirs[i]))
				return luaL_error(L, "module '%s': a link that "
				    "leads outside the folder %s: not read "
				    "(--allow-outside reads it)", name, dirs[i]);
			break;
		}
		lua_pop(L, 1);
	}
	if (i == 2)
		return luaL_error(L, "module '%s' not found: filters may "
		    "require only .lua files beside them or in the filters "
		    "folder", name);
	/* loaded already? */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_LOADED);
	lua_pushvalue(L, -2);
	if (lua_rawget(L, -2) != LUA_TNIL)
		return 1;
	lua_pop(L, 1);
	/* stack: name path loaded */
	if (sr_sandbox_load(sb, lua_tostring(L, -2)) != 0)
		return lua_error(L);
	{
		/* the module's own folder, for what it requires */
		const char *p = lua_tostring(L, -3), *slash;

		slash = strrchr(p, '/');
		lua_pushlstring(L, p, slash != NULL ? (size_t)(slash - p) : 0);
		sr_sandbox_push_env(sb, lua_tostring(L, -1));
		lua_remove(L, -2);
	}
	/* stack: name path loaded chunk env */
	lua_pushvalue(L, -1);
	if (!lua_setupvalue(L, -3, 1))
		lua_pop(L, 1);
	lua_insert(L, -2);
	lua_pushvalue(L, 1);
	sb->loading++; /* a module's top level is loading too */
	lua_call(L, 1, 1);
	sb->loading--;
	if (lua_isnil(L, -1)) {
		lua_pop(L, 1);
		lua_pushboolean(L, 1);
	}
	/* stack: name path loaded env result */
	sr_sandbox_seal(sb, -2);
	lua_pushvalue(L, -4);
	lua_pushvalue(L, -2);
	lua_rawset(L, -5);
	return 1;
}

int
sr_sandbox_load(sr_sandbox *sb, const char *path)
{
	lua_State *L = sb->L;
	int rc;

	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_CHUNKS);
	if (lua_getfield(L, -1, path) == LUA_TFUNCTION) {
		lua_remove(L, -2);
		return 0;
	}
	lua_pop(L, 1);
	rc = luaL_loadfilex(L, path, "t");
	if (rc != LUA_OK) {
		lua_remove(L, -2);
		return -1;
	}
	lua_pushvalue(L, -1);
	lua_setfield(L, -3, path);
	lua_remove(L, -2);
	return 0;
}

/* Copies every field of the table at `from` into the table at `to`
 * (absolute indices); returns how many. */
static lua_Integer
copy_fields(lua_State *L, int from, int to)
{
	lua_Integer n = 0;

	lua_pushnil(L);
	while (lua_next(L, from) != 0) {
		lua_pushvalue(L, -2);
		lua_insert(L, -2);
		lua_rawset(L, to);
		n++;
	}
	return n;
}

void
sr_sandbox_push_env(sr_sandbox *sb, const char *dir)
{
	lua_State *L = sb->L;
	int env;

	lua_createtable(L, 0, 32);
	env = lua_gettop(L);
	/* the base functions and the read-only libraries, sr among them */
	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_TEMPLATE);
	copy_fields(L, env + 1, env);
	lua_pop(L, 1);
	lua_pushvalue(L, env);
	lua_setfield(L, env, "_G");
	lua_pushvalue(L, env);
	lua_pushcclosure(L, safe_load, 1);
	lua_setfield(L, env, "load");
	lua_pushstring(L, dir != NULL ? dir : ".");
	lua_getfield(L, env, "sr");
	lua_pushcclosure(L, safe_require, 2);
	lua_setfield(L, env, "require");
}

void
sr_sandbox_seal(sr_sandbox *sb, int idx)
{
	lua_State *L = sb->L;

	idx = lua_absindex(L, idx);
	/* {snapshot, metatable, its number of fields}, whole before it is
	 * recorded: a run that fails half way (out of memory) leaves no half
	 * record */
	lua_createtable(L, 3, 0);
	lua_createtable(L, 0, 32);
	lua_pushinteger(L, copy_fields(L, idx, lua_gettop(L)));
	lua_rawseti(L, -3, 3);
	lua_rawseti(L, -2, 1);
	if (!lua_getmetatable(L, idx))
		lua_pushboolean(L, 0);
	lua_rawseti(L, -2, 2);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_ENVS);
	lua_pushvalue(L, idx);
	lua_pushvalue(L, -3);
	lua_rawset(L, -3);
	lua_pop(L, 2);
}

/* Puts every sealed environment back as it was sealed: keys added since
 * go, changed ones come back, and so does its metatable.  One pass over
 * the environment does it, unless a key of the snapshot went missing:
 * then the snapshot is copied back whole. */
static void
restore_envs(lua_State *L)
{
	int envs, env, rec, snap;
	lua_Integer kept;

	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_ENVS);
	envs = lua_gettop(L);
	lua_pushnil(L);
	while (lua_next(L, envs) != 0) {
		rec = lua_gettop(L);
		env = rec - 1;
		lua_rawgeti(L, rec, 1);
		snap = lua_gettop(L);
		kept = 0;
		/* during a traversal, a field may be cleared or given a new
		 * value; only new fields may not be added */
		lua_pushnil(L);
		while (lua_next(L, env) != 0) {
			/* stack: key value */
			lua_pushvalue(L, -2);
			if (lua_rawget(L, snap) == LUA_TNIL) {
				lua_pushvalue(L, -3);
				lua_pushnil(L);
				lua_rawset(L, env);
			} else {
				kept++;
				if (!lua_rawequal(L, -1, -2)) {
					lua_pushvalue(L, -3);
					lua_insert(L, -2);
					lua_rawset(L, env);
					lua_pushnil(L); /* for the pop below */
				}
			}
			lua_pop(L, 2);
		}
		lua_rawgeti(L, rec, 3);
		if (kept != lua_tointeger(L, -1))
			copy_fields(L, snap, env);
		lua_pop(L, 1);
		/* its metatable, unless it is still the one: setting a
		 * metatable that has gained a __gc since (rawset) would give
		 * the environment a finalizer, so the field goes */
		lua_rawgeti(L, rec, 2);
		if (!lua_getmetatable(L, env))
			lua_pushnil(L);
		if (!lua_rawequal(L, -1, -2)) {
			lua_pop(L, 1);
			if (!lua_istable(L, -1)) {
				lua_pop(L, 1);
				lua_pushnil(L);
			} else if (has_gc(L, -1)) {
				lua_pushliteral(L, "__gc");
				lua_pushnil(L);
				lua_rawset(L, -3);
			}
			lua_setmetatable(L, env);
		}
		lua_settop(L, env); /* the key, for lua_next */
	}
	lua_pop(L, 1);
}

bool
sr_sandbox_is_builtin(sr_sandbox *sb, const char *name, int idx)
{
	lua_State *L = sb->L;
	bool same;

	idx = lua_absindex(L, idx);
	lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_TEMPLATE);
	lua_getfield(L, -1, name);
	same = lua_rawequal(L, -1, idx);
	lua_pop(L, 2);
	return same;
}

void
sr_sandbox_begin(sr_sandbox *sb, long max_steps, double deadline)
{
	lua_State *L = sb->L;

	lua_settop(L, 0);
	/* the same random numbers for the same note, run after run */
	lua_getglobal(L, "math");
	lua_getfield(L, -1, "randomseed");
	lua_pushinteger(L, 42);
	lua_call(L, 1, 0);
	lua_pop(L, 1);
	sb->steps = 0;
	sb->max_steps = max_steps;
	sb->deadline = deadline;
	sb->stopped = SR_STOP_NONE;
	sb->watching = false;
	sb->closing = 0;
	lua_sethook(L, count_hook, LUA_MASKCOUNT, HOOK_EVERY);
}

void
sr_sandbox_end(sr_sandbox *sb)
{
	lua_State *L = sb->L;

	size_t limit = sb->limit;

	sb->max_steps = 0;
	sb->deadline = 0;
	sb->loading = 0;
	lua_sethook(L, NULL, 0, 0);
	lua_settop(L, 0);
	/* outside a protected call, so with no cap: putting back what the
	 * environments held takes no more than they held */
	sb->limit = 0;
	restore_envs(L);
	sb->limit = limit;
	/* Most of what a run allocated is garbage now: collect it once a
	 * few notes' worth has piled up (or at once after a run that hit a
	 * limit), which costs far less than collecting during every run. */
	if (sb->stopped != SR_STOP_NONE ||
	    sb->used > sb->base + SR_GC_EVERY)
		sr_sandbox_collect(sb);
}

void
sr_sandbox_collect(sr_sandbox *sb)
{
	lua_gc(sb->L, LUA_GCCOLLECT);
	lua_gc(sb->L, LUA_GCSTOP);
	/* what the loaded filters keep is not garbage */
	sb->base = sb->used;
}

/* __newindex of a library: filters share the libraries, so none may
 * change them. */
static int
readonly_newindex(lua_State *L)
{
	return luaL_error(L, "%s is read-only: filters share it (keep your own "
	    "functions in locals)", lua_tostring(L, lua_upvalueindex(1)));
}

/* The iterator of a library's view: the real table's fields, the real
 * table itself staying out of reach (an upvalue). */
static int
readonly_next(lua_State *L)
{
	lua_settop(L, 2);
	if (lua_next(L, lua_upvalueindex(1)) != 0)
		return 2;
	lua_pushnil(L);
	return 1;
}

/* __pairs of a library's view (upvalue 1: the library). */
static int
readonly_pairs(lua_State *L)
{
	lua_pushvalue(L, lua_upvalueindex(1));
	lua_pushcclosure(L, readonly_next, 1);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

/* Replaces the table on top of the stack by a read-only view of it. */
static void
push_readonly(lua_State *L, const char *name)
{
	int lib = lua_gettop(L);

	lua_newtable(L);
	lua_createtable(L, 0, 4);
	lua_pushvalue(L, lib);
	lua_setfield(L, -2, "__index");
	lua_pushstring(L, name);
	lua_pushcclosure(L, readonly_newindex, 1);
	lua_setfield(L, -2, "__newindex");
	lua_pushvalue(L, lib);
	lua_pushcclosure(L, readonly_pairs, 1);
	lua_setfield(L, -2, "__pairs");
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_setmetatable(L, -2);
	/* known as a view, for rawset */
	if (lua_rawgetp(L, LUA_REGISTRYINDEX, &REG_READONLY) != LUA_TTABLE) {
		lua_pop(L, 1);
		lua_newtable(L);
		lua_pushvalue(L, -1);
		lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_READONLY);
	}
	lua_pushvalue(L, -2);
	lua_pushboolean(L, 1);
	lua_rawset(L, -3);
	lua_pop(L, 1);
	lua_replace(L, lib);
}

/* Sets up the state: libraries opened, the template of what filters may
 * see, the string metatable locked.  Runs under lua_pcall. */
static int
setup(lua_State *L)
{
	static const luaL_Reg libs[] = {
		{LUA_GNAME, luaopen_base}, {LUA_STRLIBNAME, luaopen_string},
		{LUA_TABLIBNAME, luaopen_table}, {LUA_MATHLIBNAME, luaopen_math},
		{LUA_UTF8LIBNAME, luaopen_utf8}, {LUA_COLIBNAME, luaopen_coroutine},
		{LUA_OSLIBNAME, luaopen_os}, {NULL, NULL},
	};
	static const char *const os_safe[] = {"time", "date", "clock", NULL};
	const luaL_Reg *lib;
	int i;

	for (lib = libs; lib->func != NULL; lib++) {
		luaL_requiref(L, lib->name, lib->func, 1);
		lua_pop(L, 1);
	}
	lua_newtable(L);
	for (i = 0; safe_base[i] != NULL; i++) {
		lua_getglobal(L, safe_base[i]);
		lua_setfield(L, -2, safe_base[i]);
	}
	/* string.dump would let a filter make binary chunks; it goes from
	 * the real table too, which ("").dump reaches through the string
	 * metatable */
	lua_getglobal(L, "string");
	lua_pushnil(L);
	lua_setfield(L, -2, "dump");
	lua_pop(L, 1);
	lua_getglobal(L, "coroutine");
	lua_getfield(L, -1, "close");
	lua_pushcclosure(L, safe_coclose, 1);
	lua_setfield(L, -2, "close");
	lua_pop(L, 1);
	for (i = 0; safe_libs[i] != NULL; i++) {
		lua_getglobal(L, safe_libs[i]);
		push_readonly(L, safe_libs[i]);
		lua_setfield(L, -2, safe_libs[i]);
	}
	lua_newtable(L);
	lua_getglobal(L, "os");
	for (i = 0; os_safe[i] != NULL; i++) {
		lua_getfield(L, -1, os_safe[i]);
		lua_setfield(L, -3, os_safe[i]);
	}
	lua_pop(L, 1);
	push_readonly(L, "os");
	lua_setfield(L, -2, "os");
	sr_srlib_push(L);
	push_readonly(L, "sr");
	lua_setfield(L, -2, "sr");
	lua_pushcfunction(L, safe_setmetatable);
	lua_setfield(L, -2, "setmetatable");
	lua_pushcfunction(L, safe_xpcall);
	lua_setfield(L, -2, "xpcall");
	lua_pushcfunction(L, safe_rawset);
	lua_setfield(L, -2, "rawset");
	lua_pushcfunction(L, sr_sandbox_log);
	lua_setfield(L, -2, "print");
	lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_TEMPLATE);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_CHUNKS);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_LOADED);
	lua_newtable(L);
	lua_rawsetp(L, LUA_REGISTRYINDEX, &REG_ENVS);
	/* getmetatable("") answers false: the one metatable all notes share
	 * cannot be reached, so cannot be changed. */
	lua_pushliteral(L, "");
	lua_getmetatable(L, -1);
	lua_pushboolean(L, 0);
	lua_setfield(L, -2, "__metatable");
	lua_pop(L, 2);
	return 0;
}

double
sr_sandbox_deadline(long seconds)
{
	struct timespec now;

	if (seconds <= 0)
		return 0;
	clock_gettime(CLOCK_MONOTONIC, &now);
	return (double)now.tv_sec + (double)now.tv_nsec / 1e9 +
	    (double)seconds;
}

sr_sandbox *
sr_sandbox_new(const char *filters_dir, bool traceback, size_t max_memory,
    long max_seconds, sr_log_fn *log, void *log_arg)
{
	sr_sandbox *sb;

	if ((sb = calloc(1, sizeof(*sb))) == NULL)
		return NULL;
	if (filters_dir != NULL && (sb->filters_dir = strdup(filters_dir)) ==
	    NULL)
		goto fail;
	sb->traceback = traceback;
	sb->limit = max_memory;
	sb->max_seconds = max_seconds;
	if ((sb->pool = calloc(1, sizeof(*sb->pool))) == NULL)
		goto fail;
	sb->log = log;
	sb->log_arg = log_arg;
	if ((sb->L = lua_newstate(sandbox_alloc, sb)) == NULL)
		goto fail;
	lua_pushlightuserdata(sb->L, sb);
	lua_rawsetp(sb->L, LUA_REGISTRYINDEX, &REG_SANDBOX);
	lua_pushcfunction(sb->L, setup);
	if (lua_pcall(sb->L, 0, 0, 0) != LUA_OK)
		goto fail;
	/* The collector runs between notes (see sr_sandbox_end), not during
	 * them; a run that reaches its memory cap still gets an emergency
	 * collection before it is refused, so the cap is on what it keeps. */
	lua_gc(sb->L, LUA_GCCOLLECT);
	lua_gc(sb->L, LUA_GCSTOP);
	sb->base = sb->used;
	return sb;
fail:
	sr_sandbox_free(sb);
	return NULL;
}

void
sr_sandbox_free(sr_sandbox *sb)
{
	if (sb == NULL)
		return;
	if (sb->L != NULL)
		lua_close(sb->L);
	pool_free(sb->pool);
	free(sb->filters_dir);
	free(sb);
}
