/*
 * arena: a bump allocator for many small objects that live and die
 * together (a page's blocks and runs, a layout's spans and text). Memory
 * comes in chunks that grow geometrically; nothing is freed alone, the
 * whole arena goes at once. Allocation never fails (util.h's wrappers).
 * Any module may include it.
 */
#ifndef BRIEFING_ARENA_H
#define BRIEFING_ARENA_H

#include <stddef.h>

struct arena;

struct arena *arena_new(void);
void	 arena_free(struct arena *);	/* accepts NULL */

/* n bytes aligned for any object, zeroed. */
void	*arena_alloc(struct arena *, size_t n);
/* An array of n objects of size each, zeroed; overflow is fatal. */
void	*arena_array(struct arena *, size_t n, size_t size);
/*
 * n bytes of text, not zeroed and not aligned: for bytes the caller
 * writes at once.
 */
char	*arena_text(struct arena *, size_t n);
/* A copy of s[0..len) with a NUL after it. */
char	*arena_strndup(struct arena *, const char *s, size_t len);
/*
 * Grow the array *v of *cap objects of `size` bytes so it holds n: a new
 * array from the arena when it must grow (the old one is left, as with
 * any arena object); doubles, so growing costs amortised constant time.
 */
void	 arena_reserve(struct arena *, void **v, size_t *cap, size_t n,
	    size_t size);
/* Bytes the arena holds, for tests and measures. */
size_t	 arena_size(const struct arena *);

#endif
