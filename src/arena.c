/*
 * arena.c - the per-note allocation pool.  A note's strings, values and
 * points all come from its arena, so a note is freed in one call and no
 * stage has to track the ownership of each piece.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "internal.h"

#define SR_ARENA_CHUNK 16384

typedef struct sr_chunk {
	struct sr_chunk *next;
	size_t used, size;
	max_align_t data[]; /* aligned for anything */
} sr_chunk;

struct sr_arena {
	sr_chunk *head;
};

sr_arena *
sr_arena_new(void)
{
	return calloc(1, sizeof(sr_arena));
}

void
sr_arena_free(sr_arena *a)
{
	sr_chunk *c, *next;

	if (a == NULL)
		return;
	for (c = a->head; c != NULL; c = next) {
		next = c->next;
		free(c);
	}
	free(a);
}

void *
sr_arena_alloc(sr_arena *a, size_t size)
{
	const size_t align = sizeof(max_align_t);
	sr_chunk *c = a->head;
	size_t want, csize;
	void *p;

	if (size > SIZE_MAX - align - sizeof(sr_chunk))
		return NULL;
	size = (size + align - 1) / align * align;
	if (size == 0)
		size = align;
	if (c == NULL || c->size - c->used < size) {
		want = size > SR_ARENA_CHUNK / 4 ? size : SR_ARENA_CHUNK;
		if (want > SIZE_MAX - sizeof(sr_chunk))
			return NULL;
		csize = want;
		if ((c = malloc(sizeof(sr_chunk) + csize)) == NULL)
			return NULL;
		c->used = 0;
		c->size = csize;
		if (size > SR_ARENA_CHUNK / 4 && a->head != NULL) {
			/* A big block goes behind the current chunk, so the
			 * current one's free space is still used. */
			c->next = a->head->next;
			a->head->next = c;
		} else {
			c->next = a->head;
			a->head = c;
		}
	}
	p = (char *)c->data + c->used;
	c->used += size;
	memset(p, 0, size);
	return p;
}

char *
sr_arena_strndup(sr_arena *a, const char *s, size_t len)
{
	char *p;

	if ((p = sr_arena_alloc(a, len + 1)) == NULL)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
sr_arena_strdup(sr_arena *a, const char *s)
{
	return sr_arena_strndup(a, s, strlen(s));
}

void *
sr_arena_grow(sr_arena *a, void *old, size_t count, size_t newcap,
    size_t elem)
{
	void *p;

	if (newcap != 0 && elem > SIZE_MAX / newcap)
		return NULL;
	if ((p = sr_arena_alloc(a, newcap * elem)) == NULL)
		return NULL;
	if (count > 0)
		memcpy(p, old, count * elem);
	return p;
}
