/*
 * util: allocation wrappers that never return NULL, and a growable byte
 * buffer. Any module may include it. On allocation failure the fatal hook
 * runs first (the view installs one that restores the terminal), then the
 * process exits: the one exit outside main, as in tmux's xmalloc.c.
 */
#ifndef BRIEFING_UTIL_H
#define BRIEFING_UTIL_H

#include <stdarg.h>
#include <stddef.h>

void	*xmalloc(size_t);
void	*xcalloc(size_t, size_t);
void	*xrealloc(void *, size_t);
void	*xreallocarray(void *, size_t, size_t);
char	*xstrdup(const char *);
char	*xstrndup(const char *, size_t);
char	*xasprintf(const char *, ...) __attribute__((format(printf, 1, 2)));
char	*xvasprintf(const char *, va_list) __attribute__((format(printf, 1, 0)));

/* Called before exiting on an allocation failure. */
void	 util_set_fatal_hook(void (*)(void));
_Noreturn void util_fatal(const char *, ...)
	    __attribute__((format(printf, 1, 2)));

/* Grow an array *v of *cap elements so it can hold n; doubles. */
#define ARRAY_RESERVE(v, cap, n) do {					\
	if ((n) > (cap)) {						\
		size_t ncap_ = (cap) ? (cap) : 8;			\
		while (ncap_ < (n))					\
			ncap_ *= 2;					\
		(v) = xreallocarray((v), ncap_, sizeof *(v));		\
		(cap) = ncap_;						\
	}								\
} while (0)

#define NITEMS(a) (sizeof(a) / sizeof((a)[0]))

/*
 * Steps taken by the loops whose length content decides (cmark nodes
 * walked, runs and cells made, prefix boxes visited, reference marks
 * probed, bytes searched, matches scanned and mapped to lines): a count
 * of work for the tests of complexity, which compare it at two input
 * sizes and never time anything. One increment where it is counted.
 */
extern unsigned long util_work;

/* A growable buffer, always NUL-terminated once anything was added. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void	 buf_init(struct buf *);
void	 buf_add(struct buf *, const char *, size_t);
void	 buf_adds(struct buf *, const char *);
void	 buf_addc(struct buf *, char);
void	 buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
/*
 * Room for n more bytes (and the NUL after them): returns where they go,
 * data + len. The caller writes them, then adds them to len and writes
 * the NUL.
 */
char	*buf_reserve(struct buf *, size_t n);
void	 buf_reset(struct buf *);
/* Hand the string to the caller (never NULL); the buffer is empty after. */
char	*buf_release(struct buf *);
void	 buf_free(struct buf *);

/* Read a whole file; NULL with errno set on failure. */
char	*util_read_file(const char *, size_t *);

#endif
