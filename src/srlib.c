/*
 * srlib.c - the `sr` module that filters see (also `require "secondround"`):
 * small, documented helpers on the words of points, written on the public
 * Lua API.  See secondround-filters(7).
 */
#include <string.h>

#include <lauxlib.h>

#include "internal.h"

/* sr.words(s): the number of words in s. */
static int
l_words(lua_State *L)
{
	size_t n;
	const char *s = luaL_checklstring(L, 1, &n);

	lua_pushinteger(L, sr_text_words(s, n));
	return 1;
}

/* sr.has_quantity(s): whether s states an amount (3x, 28%, $2.4M, 4.1). */
static int
l_has_quantity(lua_State *L)
{
	size_t n;
	const char *s = luaL_checklstring(L, 1, &n);

	lua_pushboolean(L, sr_text_has_quantity(s, n));
	return 1;
}

static int
add_term(void *arg, const char *word, const char *stem)
{
	lua_State *L = arg;

	(void)word;
	lua_pushboolean(L, 1);
	lua_setfield(L, -2, stem);
	return 0;
}

/* sr.terms(s): the set of s's content words, by stem: {nurse = true, ...}.
 * Pass it to sr.overlap in place of a long text compared many times. */
static int
l_terms(lua_State *L)
{
	size_t n;
	const char *s = luaL_checklstring(L, 1, &n);

	lua_newtable(L);
	sr_text_terms(s, n, add_term, L);
	return 1;
}

typedef struct {
	lua_State *L;
	int set;  /* index of b's term set */
	int seen; /* index of the stems already listed */
	int out;  /* index of the result list */
	lua_Integer count;
} overlap_state;

static int
add_shared(void *arg, const char *word, const char *stem)
{
	overlap_state *o = arg;
	lua_State *L = o->L;
	bool shared, seen;

	shared = lua_getfield(L, o->set, stem) != LUA_TNIL;
	seen = lua_getfield(L, o->seen, stem) != LUA_TNIL;
	lua_pop(L, 2);
	if (!shared || seen)
		return 0;
	lua_pushboolean(L, 1);
	lua_setfield(L, o->seen, stem);
	lua_pushstring(L, word);
	lua_rawseti(L, o->out, ++o->count);
	return 0;
}

/* sr.overlap(a, b): the content words a shares with b (a string, or a set
 * from sr.terms), as a list in a's order; #list is how many. */
static int
l_overlap(lua_State *L)
{
	overlap_state o;
	size_t n;
	const char *a = luaL_checklstring(L, 1, &n), *b;
	size_t bn;

	lua_settop(L, 2);
	if (lua_type(L, 2) == LUA_TSTRING) {
		b = lua_tolstring(L, 2, &bn);
		lua_newtable(L);
		sr_text_terms(b, bn, add_term, L);
		lua_replace(L, 2);
	} else
		luaL_checktype(L, 2, LUA_TTABLE);
	o.L = L;
	o.set = 2;
	lua_newtable(L);
	o.seen = lua_gettop(L);
	lua_newtable(L);
	o.out = lua_gettop(L);
	o.count = 0;
	sr_text_terms(a, n, add_shared, &o);
	return 1;
}

void
sr_srlib_push(lua_State *L)
{
	static const luaL_Reg fns[] = {
		{"words", l_words},
		{"has_quantity", l_has_quantity},
		{"terms", l_terms},
		{"overlap", l_overlap},
		{"log", sr_sandbox_log},
		{NULL, NULL},
	};

	luaL_newlib(L, fns);
	lua_pushliteral(L, SR_VERSION);
	lua_setfield(L, -2, "version");
}
