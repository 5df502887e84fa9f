/*
 * voice.c - libFuzzer target: filters/voice.lua's normalize, the stage every
 * point's text goes through on its way into a draft, run in the real
 * sandboxed Lua state (one for the whole run, as a batch has) under the
 * default limits.  The first byte picks keep_verdicts; the rest is the
 * text, valid UTF-8 as a note's always is.  Invariants: no error but a
 * limit, the result a string of valid UTF-8, and never longer than
 * VOICE_GROWTH times the text (plus a little).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <lauxlib.h>
#include <lua.h>

#include "internal.h"

#define VOICE_GROWTH 4

static sr_sandbox *sb;
static int normalize_ref = LUA_NOREF;

static void
setup(void)
{
	static const char probe[] =
	    "local voice = require 'voice'\nreturn voice.normalize\n";
	char *dir = sr_filters_dir();
	lua_State *L;

	if (dir == NULL || (sb = sr_sandbox_new(dir, false,
	    (size_t)SR_DEFAULT_MEMORY, SR_DEFAULT_SECONDS, NULL, NULL)) == NULL)
		abort();
	L = sb->L;
	if (luaL_loadbufferx(L, probe, sizeof(probe) - 1, "=probe", "t") !=
	    LUA_OK)
		abort();
	sr_sandbox_push_env(sb, dir);
	lua_setupvalue(L, -2, 1);
	if (sr_sandbox_call(sb, 0, 1) != LUA_OK || !lua_isfunction(L, -1)) {
		fprintf(stderr, "voice: %s\n", lua_tostring(L, -1));
		abort();
	}
	normalize_ref = luaL_ref(L, LUA_REGISTRYINDEX);
	sr_sandbox_collect(sb);
	free(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *text = (const char *)data + 1, *r;
	size_t len = size - 1, rlen;
	lua_State *L;
	int rc;

	if (size < 1 || size > 4096 || sr_utf8_check(text, len) != len)
		return 0;
	if (sb == NULL)
		setup();
	L = sb->L;
	sr_sandbox_begin(sb, SR_DEFAULT_INSTRUCTIONS,
	    sr_sandbox_deadline(SR_DEFAULT_SECONDS));
	lua_rawgeti(L, LUA_REGISTRYINDEX, normalize_ref);
	lua_pushlstring(L, text, len);
	lua_pushboolean(L, data[0] & 1);
	rc = sr_sandbox_call(sb, 2, 1);
	if (rc != LUA_OK && sb->stopped == SR_STOP_NONE) {
		fprintf(stderr, "voice: %s\n", lua_tostring(L, -1));
		abort(); /* an error a note would fail with */
	}
	if (rc == LUA_OK) {
		if ((r = lua_tolstring(L, -1, &rlen)) == NULL ||
		    lua_type(L, -1) != LUA_TSTRING)
			abort(); /* not a string */
		if (sr_utf8_check(r, rlen) != rlen)
			abort(); /* not valid UTF-8 */
		if (rlen > VOICE_GROWTH * len + 64)
			abort(); /* past the bound */
	}
	sr_sandbox_end(sb);
	return 0;
}
