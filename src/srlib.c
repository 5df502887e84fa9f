/*
 * srlib.c - the `sr` module that filters see (also `require "secondround"`):
 * small, documented helpers on the words of points, written on the public
 * Lua API.  See secondround-filters(7).
 *
 * sr.terms builds its set of stems in C, inside a userdata (so the memory
 * is the collector's and counts against the note's cap), and sr.overlap
 * looks words up there without touching Lua tables: comparing each point
 * with their problems is the scorer's inner loop.
 */
#include <stdint.h>
#include <string.h>

#include <lauxlib.h>

#include "internal.h"

#define TERMS_META "secondround.terms"

/* An open-addressing set of stems; the stems follow the slots in the same
 * block, NUL-terminated. */
typedef struct {
	size_t count, cap; /* cap: a power of two */
	size_t pool_len;
	uint32_t *slots;   /* 0 empty, else offset into pool + 1 */
	char *pool;
} termset;

static uint32_t
hash_stem(const char *s)
{
	uint32_t h = 2166136261u;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot where stem is, or the empty slot where it would go. */
static uint32_t *
find_slot(const termset *t, const char *stem)
{
	size_t i = hash_stem(stem) & (t->cap - 1);

	while (t->slots[i] != 0 && strcmp(t->pool + t->slots[i] - 1, stem) != 0)
		i = (i + 1) & (t->cap - 1);
	return &t->slots[i];
}

static int
add_term(void *arg, const char *word, const char *stem)
{
	termset *t = arg;
	uint32_t *slot = find_slot(t, stem);
	size_t n = strlen(stem) + 1;

	(void)word;
	if (*slot != 0)
		return 0;
	memcpy(t->pool + t->pool_len, stem, n);
	*slot = (uint32_t)t->pool_len + 1;
	t->pool_len += n;
	t->count++;
	return 0;
}

/* Pushes the set of the content words of s.  A content word has three
 * bytes or more and a separator after it, so s's length bounds both the
 * stems' bytes and (over four) their number: one pass suffices. */
static termset *
push_terms(lua_State *L, const char *s, size_t n)
{
	size_t cap = 8, size, words = n / 4 + 1;
	termset *t;

	if (n > UINT32_MAX / 2)
		luaL_error(L, "sr.terms: text too long");
	while (cap < words * 2)
		cap *= 2;
	size = sizeof(*t) + cap * sizeof(uint32_t) + n + 1;
	t = lua_newuserdatauv(L, size, 0);
	memset(t, 0, sizeof(*t) + cap * sizeof(uint32_t));
	t->cap = cap;
	t->slots = (uint32_t *)(t + 1);
	t->pool = (char *)(t->slots + cap);
	luaL_setmetatable(L, TERMS_META);
	sr_text_terms(s, n, add_term, t);
	return t;
}

/* The userdata's pointers are kept relative to its block: Lua does not
 * move userdata, so they stay valid. */
static termset *
check_terms(lua_State *L, int idx)
{
	return luaL_checkudata(L, idx, TERMS_META);
}

/* set[word]: whether the set holds the word (folded like its own). */
static int
terms_index(lua_State *L)
{
	termset *t = check_terms(L, 1);
	size_t n;
	const char *w = luaL_checklstring(L, 2, &n);
	char stem[64];
	bool found = false;

	/* the key as given, or folded the way the set's words were */
	if (n < sizeof(stem)) {
		memcpy(stem, w, n + 1);
		found = *find_slot(t, stem) != 0;
		if (!found) {
			sr_text_fold(stem, n);
			found = *find_slot(t, stem) != 0;
		}
	}
	lua_pushboolean(L, found);
	return 1;
}

static int
terms_len(lua_State *L)
{
	lua_pushinteger(L, (lua_Integer)check_terms(L, 1)->count);
	return 1;
}

/* for stem in pairs(set): the stems, in no order. */
static int
terms_next(lua_State *L)
{
	termset *t = check_terms(L, 1);
	size_t i = 0;

	if (!lua_isnil(L, 2)) {
		i = (size_t)(find_slot(t, luaL_checkstring(L, 2)) - t->slots) +
		    1;
	}
	for (; i < t->cap; i++) {
		if (t->slots[i] != 0) {
			lua_pushstring(L, t->pool + t->slots[i] - 1);
			lua_pushboolean(L, 1);
			return 2;
		}
	}
	return 0;
}

static int
terms_pairs(lua_State *L)
{
	check_terms(L, 1);
	lua_pushcfunction(L, terms_next);
	lua_pushvalue(L, 1);
	lua_pushnil(L);
	return 3;
}

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

/* sr.terms(s): the set of s's content words (set.nurse == true, #set, and
 * pairs(set) over the stems).  Pass it to sr.overlap in place of a long
 * text compared with many points. */
static int
l_terms(lua_State *L)
{
	size_t n;
	const char *s = luaL_checklstring(L, 1, &n);

	push_terms(L, s, n);
	return 1;
}

#define MAX_SHARED 64

typedef struct {
	lua_State *L;
	const termset *set;
	uint32_t seen[MAX_SHARED]; /* the slots of the stems listed so far */
	int count;
} overlap_state;

static int
add_shared(void *arg, const char *word, const char *stem)
{
	overlap_state *o = arg;
	uint32_t slot;
	int i;

	if ((slot = *find_slot(o->set, stem)) == 0)
		return 0;
	for (i = 0; i < o->count; i++)
		if (o->seen[i] == slot)
			return 0;
	if (o->count == MAX_SHARED)
		return 1;
	o->seen[o->count] = slot;
	lua_pushstring(o->L, word);
	lua_rawseti(o->L, -2, ++o->count);
	return 0;
}

/* sr.overlap(a, b): the content words a shares with b (a string, or a set
 * from sr.terms), as a list in a's order; #list is how many. */
static int
l_overlap(lua_State *L)
{
	overlap_state o;
	size_t n, bn;
	const char *a = luaL_checklstring(L, 1, &n), *b;

	lua_settop(L, 2);
	if (lua_type(L, 2) == LUA_TSTRING) {
		b = lua_tolstring(L, 2, &bn);
		push_terms(L, b, bn);
		lua_replace(L, 2);
	}
	/* o holds no heap memory, so an error raised inside (out of memory
	 * in lua_pushstring) may unwind through it */
	o.L = L;
	o.set = check_terms(L, 2);
	o.count = 0;
	lua_newtable(L);
	sr_text_terms(a, n, add_shared, &o);
	return 1;
}

/* sr.escape(s): s with what Markdown would read as markup escaped, and
 * line breaks folded: text from a note, safe to put in a draft. */
static int
l_escape(lua_State *L)
{
	size_t n, i;
	const char *s = luaL_checklstring(L, 1, &n);
	luaL_Buffer b;

	luaL_buffinit(L, &b);
	for (i = 0; i < n; i++) {
		char c = s[i];

		if (c == '\n' || c == '\r' || c == '\t')
			c = ' ';
		switch (c) {
		case '\\': case '`': case '*': case '_': case '[': case ']':
		case '<': case '>':
			luaL_addchar(&b, '\\');
			break;
		}
		luaL_addchar(&b, c);
	}
	luaL_pushresult(&b);
	return 1;
}

/* sr.section(label): the question a label's words name, as a heading's
 * would ("Problems they have" -> "problems", "what I'd redo" ->
 * "say_differently"); nil when they name none of the six. */
static int
l_section(lua_State *L)
{
	size_t n;
	const char *s = luaL_checklstring(L, 1, &n);
	sr_key k;

	if (n == 0 || n > 200 || memchr(s, '\0', n) != NULL) {
		lua_pushnil(L);
		return 1;
	}
	k = sr_section_match(s, NULL);
	if (k >= SR_KEY_PRIVATE)
		lua_pushnil(L);
	else
		lua_pushstring(L, sr_key_name(k));
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
		{"escape", l_escape},
		{"section", l_section},
		{"log", sr_sandbox_log},
		{NULL, NULL},
	};
	static const luaL_Reg meta[] = {
		{"__index", terms_index},
		{"__len", terms_len},
		{"__pairs", terms_pairs},
		{NULL, NULL},
	};

	if (luaL_newmetatable(L, TERMS_META)) {
		luaL_setfuncs(L, meta, 0);
		lua_pushboolean(L, 0);
		lua_setfield(L, -2, "__metatable");
	}
	lua_pop(L, 1);
	luaL_newlib(L, fns);
	lua_pushliteral(L, SR_VERSION);
	lua_setfield(L, -2, "version");
}
