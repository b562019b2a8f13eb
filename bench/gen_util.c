/* Random numbers, byte buffers and string sets for bench/gen. */
#include "gen.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void
die(const char *fmt, ...)
{
	va_list ap;

	fputs("gen: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		die("out of memory");
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		die("out of memory");
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL)
		die("out of memory");
	return p;
}

char *
xstrdup(const char *s)
{
	size_t n = strlen(s) + 1;

	return memcpy(xmalloc(n), s, n);
}

/* splitmix64: small, fast, and the same sequence everywhere. */
void
rng_seed(struct rng *r, uint64_t seed)
{
	r->s = seed ^ 0x5eed5eed5eed5eedULL;
}

uint64_t
rng_next(struct rng *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

uint32_t
rng_below(struct rng *r, uint32_t n)
{
	/* The bias of a 64-bit modulus is far below what a benchmark sees. */
	return (uint32_t)(rng_next(r) % n);
}

uint32_t
rng_range(struct rng *r, uint32_t lo, uint32_t hi)
{
	return lo + rng_below(r, hi - lo + 1);
}

int
rng_chance(struct rng *r, unsigned per_mille)
{
	return rng_below(r, 1000) < per_mille;
}

uint32_t
rng_skewed(struct rng *r, uint32_t n)
{
	uint32_t a = rng_below(r, n), b = rng_below(r, n), c = rng_below(r, n);

	if (b < a)
		a = b;
	return c < a ? c : a;
}

void
sb_add(struct sbuf *b, const char *s, size_t n)
{
	if (b->n + n + 1 > b->cap) {
		b->cap = (b->n + n + 1) * 2 + 256;
		b->p = xrealloc(b->p, b->cap);
	}
	memcpy(b->p + b->n, s, n);
	b->n += n;
	b->p[b->n] = '\0';
}

void
sb_puts(struct sbuf *b, const char *s)
{
	sb_add(b, s, strlen(s));
}

void
sb_putc(struct sbuf *b, char c)
{
	sb_add(b, &c, 1);
}

void
sb_printf(struct sbuf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		die("vsnprintf failed");
	sb_add(b, "", 0);
	if (b->n + (size_t)n + 1 > b->cap) {
		b->cap = (b->n + (size_t)n + 1) * 2;
		b->p = xrealloc(b->p, b->cap);
	}
	va_start(ap, fmt);
	vsnprintf(b->p + b->n, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->n += (size_t)n;
}

void
sb_free(struct sbuf *b)
{
	free(b->p);
	b->p = NULL;
	b->n = b->cap = 0;
}

void
sb_flush(struct sbuf *b, FILE *f, const char *path)
{
	if (b->n > 0 && fwrite(b->p, 1, b->n, f) != b->n)
		die("%s: %s", path, strerror(errno));
	b->n = 0;
	if (b->p != NULL)
		b->p[0] = '\0';
}

/* FNV-1a. */
static uint64_t
hash(const char *s)
{
	uint64_t h = 0xcbf29ce484222325ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 0x100000001b3ULL;
	return h;
}

/* The slot that holds s, or the empty one where it would go. */
static size_t
slot(const struct strset *set, const char *s)
{
	size_t i = (size_t)hash(s) & (set->cap - 1);

	while (set->v[i] != NULL && strcmp(set->v[i], s) != 0)
		i = (i + 1) & (set->cap - 1);
	return i;
}

int
strset_has(const struct strset *set, const char *s)
{
	return set->cap > 0 && set->v[slot(set, s)] != NULL;
}

int
strset_add(struct strset *set, const char *s)
{
	struct strset grown;
	size_t i;

	if ((set->n + 1) * 2 > set->cap) {
		grown.cap = set->cap ? set->cap * 2 : 1024;
		grown.n = set->n;
		grown.v = xcalloc(grown.cap, sizeof *grown.v);
		for (i = 0; i < set->cap; i++)
			if (set->v[i] != NULL)
				grown.v[slot(&grown, set->v[i])] = set->v[i];
		free(set->v);
		*set = grown;
	}
	i = slot(set, s);
	if (set->v[i] != NULL)
		return 0;
	set->v[i] = xstrdup(s);
	set->n++;
	return 1;
}

void
strset_free(struct strset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->v[i]);
	free(set->v);
	set->v = NULL;
	set->n = set->cap = 0;
}
