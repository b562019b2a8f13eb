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

void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t align = alignof(max_align_t);
	struct chunk *c = a->top;
	size_t size;
	void *p;

	n = n == 0 ? align : n;
	if (n > SIZE_MAX - align)
		util_fatal("arena: %zu bytes asked for", n);
	n = (n + align - 1) / align * align;
	if (c == NULL || c->size - c->used < n) {
		size = c != NULL ? c->size * 2 : ARENA_FIRST;
		while (size < n)
			size *= 2;
		c = xmalloc(sizeof *c + size);
		c->prev = a->top;
		c->size = size;
		c->used = 0;
		a->top = c;
		a->total += size;
	}
	p = (char *)c->data + c->used;
	c->used += n;
	memset(p, 0, n);
	return p;
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
	char *p = arena_alloc(a, len + 1);

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
