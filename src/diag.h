/*
 * diag: diagnostics as values. A library function that fails adds a
 * struct diag (file, line, column, level, message) to a list and returns a
 * status; only main prints, through diag_print, in the one format
 * `briefing: file:line:col: level: message` (mandoc_msg.c is the model).
 * Any module may include it.
 */
#ifndef BRIEFING_DIAG_H
#define BRIEFING_DIAG_H

#include <stddef.h>
#include <stdio.h>

/* Severities are ordered bands: compare with >=. */
enum diag_level {
	DIAG_WARNING,	/* the briefing loads, but something is off */
	DIAG_ERROR,	/* --check fails; the reader may still open it */
	DIAG_FATAL	/* nothing could be loaded */
};

struct diag {
	enum diag_level	 level;
	char		*file;	/* owned; may be NULL */
	int		 line;	/* 1-based; 0 when unknown */
	int		 col;	/* 1-based; 0 when unknown */
	char		*msg;	/* owned */
};

struct diag_list {
	struct diag	*v;
	size_t		 n;
	size_t		 cap;
};

void	 diag_list_init(struct diag_list *);
void	 diag_list_free(struct diag_list *);	/* accepts NULL */
void	 diag_add(struct diag_list *, enum diag_level, const char *file,
	    int line, int col, const char *fmt, ...)
	    __attribute__((format(printf, 6, 7)));
/*
 * Content quoted in a message is cut to this many bytes: a key or an
 * alias of megabytes must not make a message of megabytes.
 */
#define DIAG_QUOTE_MAX 64
/* How many bytes of s[0..len) to quote: at most DIAG_QUOTE_MAX, whole characters. */
int	 diag_quote_len(const char *s, size_t len);
/* Number of diagnostics at or above a level. */
size_t	 diag_count(const struct diag_list *, enum diag_level);
/* Stable sort by file, line, column. */
void	 diag_sort(struct diag_list *);
const char *diag_level_name(enum diag_level);
/* "file:line:col: level: message" into a new string (no newline). */
char	*diag_format(const struct diag *);
/*
 * Print every diagnostic on a line of its own, after "prog: " when prog is
 * not NULL. Messages quote content, so each line goes through textsafe:
 * control characters, escape sequences and bidi controls show as
 * placeholders, never raw.
 */
void	 diag_print(FILE *, const char *prog, const struct diag_list *);

#endif
