/*
 * textfile: the bytes of one file of a briefing. Reads a descriptor to
 * its end under a byte budget that all the files of one briefing share,
 * inflating gzip data with zlib as it goes (members one after another, as
 * zcat does), so that neither a huge file, an endless pipe nor a small
 * gzip bomb takes more memory than the budget. Then judges the bytes: text
 * (no NUL byte, at most a quarter of them in invalid UTF-8) or not, and
 * finds the lines whose UTF-8 is invalid. Never prints: problems go into
 * the diagnostics list. Plain C.
 */
#ifndef BRIEFING_TEXTFILE_H
#define BRIEFING_TEXTFILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Bytes that the files of one briefing may still take. */
struct budget {
	size_t	limit;		/* in all */
	size_t	used;
};

void	 budget_init(struct budget *, size_t limit);
/* Take n bytes; false (nothing taken) when that would pass the limit. */
bool	 budget_take(struct budget *, size_t n);
/* Add the DIAG_FATAL for a file that the budget refused. */
void	 budget_refuse(const struct budget *, const char *name, bool inflated,
	    struct diag_list *);

enum textfile_status {
	TEXTFILE_OK,
	TEXTFILE_FAILED,	/* a read error or bad gzip data: said at level */
	TEXTFILE_OVER		/* past the budget: a DIAG_FATAL was added */
};

/*
 * Read fd to its end into *text (NUL-terminated, owned by the caller; NULL
 * unless TEXTFILE_OK) and *len, taking the bytes from the budget. With
 * gunzip set, data that starts with gzip's magic bytes is inflated, and
 * the inflated size is what the budget pays. Diagnostics name the file
 * `name`. The descriptor is left open. A descriptor opened O_NONBLOCK
 * (a regular file, by confine.h) reads as any other.
 */
enum textfile_status textfile_read(int fd, const char *name, bool gunzip,
	    struct budget *, enum diag_level level, char **text, size_t *len,
	    struct diag_list *);

/*
 * Is this text: no NUL byte, and at most a quarter in invalid UTF-8?
 * *valid (may be NULL) says whether it is all valid UTF-8, so that
 * textfile_check_utf8 has nothing to say.
 */
bool	 textfile_is_text(const char *, size_t, bool *valid);

/* Lines with invalid UTF-8 that get a diagnostic each; the rest are counted. */
#define TEXTFILE_UTF8_SHOWN 10

/*
 * An error at the first invalid UTF-8 byte of each line (file line and
 * 1-based byte column, as cmark counts them: LF, CRLF and CR end lines),
 * for the first TEXTFILE_UTF8_SHOWN such lines, then one error that
 * counts the others. Returns the number of lines with invalid UTF-8.
 */
size_t	 textfile_check_utf8(const char *, size_t, const char *name,
	    struct diag_list *);

#endif
