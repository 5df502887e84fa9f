/*
 * value.c - reading the front-matter value tree: lookups by key and the few
 * YAML 1.1 spellings of true that note apps write.
 */
#include <string.h>

#include "internal.h"

const sr_value *
sr_value_get(const sr_value *map, const char *key)
{
	size_t i;

	if (map == NULL || map->kind != SR_VALUE_MAP)
		return NULL;
	for (i = 0; i < map->count; i++)
		if (strcmp(map->keys[i], key) == 0)
			return map->items[i];
	return NULL;
}

bool
sr_value_is_true(const sr_value *v)
{
	static const char *const yes[] = {"true", "True", "TRUE", "yes", "Yes",
	    "YES", "on", "On", "ON"};
	size_t i;

	if (v == NULL || v->kind != SR_VALUE_SCALAR || !v->plain)
		return false;
	for (i = 0; i < sizeof(yes) / sizeof(yes[0]); i++)
		if (strcmp(v->text, yes[i]) == 0)
			return true;
	return false;
}
