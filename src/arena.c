/*
 * arena: chunks in a list, each at least twice the size of the one
 * before (from 4 KiB), so a page of a million runs costs a few dozen
 * mallocs, not a million.
 */
#include "arena.h"

#include <stdalign.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

#define ARENA_FIRST	4096

struct chunk {
	struct chunk	*prev;
	size_t		 size;		/* bytes of data[] */
	size_t		 used;
	max_align_t	 data[];
};

struct arena {
	struct chunk	*top;
	size_t		 total;
};

struct arena *
arena_new(void)
{
	return xcalloc(1, sizeof(struct arena));
}

void
arena_free(struct arena *a)
{
	struct chunk *c, *prev;

	if (a == NULL)
		return;
	for (c = a->top; c != NULL; c = prev) {
		prev = c->prev;
		free(c);
	}
	free(a);
}

/* n bytes at a multiple of align (a power of two), not zeroed. */
static void *
arena_take(struct arena *a, size_t n, size_t align)
{
	struct chunk *c = a->top;
	size_t size, at = 0;
	void *p;

	if (n > SIZE_MAX / 2)
		util_fatal("arena: %zu bytes asked for", n);
	if (c != NULL)
		at = (c->used + align - 1) & ~(align - 1);
	if (c == NULL || at > c->size || c->size - at < n) {
		size = c != NULL ? c->size * 2 : ARENA_FIRST;
		while (size < n)
			size *= 2;
		c = xmalloc(sizeof *c + size);
		c->prev = a->top;
		c->size = size;
		c->used = 0;
		a->top = c;
		a->total += size;
		at = 0;
	}
	p = (char *)c->data + at;
	c->used = at + n;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	void *p;

	n = n == 0 ? 1 : n;
	p = arena_take(a, n, alignof(max_align_t));
	memset(p, 0, n);
	return p;
}

char *
arena_text(struct arena *a, size_t n)
{
	return arena_take(a, n, 1);
}

void *
arena_array(struct arena *a, size_t n, size_t size)
{
	if (size != 0 && n > SIZE_MAX / size)
		util_fatal("arena: %zu objects of %zu bytes asked for", n, size);
	return arena_alloc(a, n * size);
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_text(a, len + 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void
arena_reserve(struct arena *a, void **v, size_t *cap, size_t n, size_t size)
{
	size_t ncap;
	void *nv;

	if (n <= *cap)
		return;
	ncap = *cap > 0 ? *cap : 8;
	while (ncap < n)
		ncap *= 2;
	nv = arena_array(a, ncap, size);
	if (*cap > 0)
		memcpy(nv, *v, *cap * size);
	*v = nv;
	*cap = ncap;
}

size_t
arena_size(const struct arena *a)
{
	return a->total;
}
