/*
 * statusline: what the status line and the hint line say at a width, as
 * text for the view to draw (which makes it safe: typeset_line). Which
 * parts fit is decided here, in plain C, so it is tested without a
 * terminal.
 */
#ifndef BRIEFING_STATUSLINE_H
#define BRIEFING_STATUSLINE_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"
#include "reader.h"

/*
 * The status line: on the left a message, or where the reader is (the
 * section and subsection, or what the pane shows); on the right which
 * document has the focus and how far through it ("section 3/12  45%",
 * END at its end), after how far the opening is ("indexing 40% · "). A message comes first: on a narrow line the right
 * part shortens to "3/12  45%", then goes (right is NULL).
 */
struct status_text {
	char	*left;
	bool	 is_msg;	/* left is a message */
	char	*right;		/* or NULL */
};

void	 status_text_make(const struct reader_place *, const char *msg,
	    int cols, struct status_text *);
void	 status_text_free(struct status_text *);

/*
 * The hints of a mode's table that fit in cols columns ("key label", two
 * spaces apart), in the table's order, into out (at most max); returns
 * how many. Rank by rank until one does not fit, a hint and its partner
 * together or not at all; stopping there (not skipping to a shorter one)
 * keeps what a wider line shows a superset of what a narrower one does.
 */
size_t	 hint_line_fit(enum keymode, int cols, struct hint *out, size_t max);

/* Columns text takes once drawn (placeholders for controls included). */
int	 text_columns(const char *text);
/* The end of s[0..len) that fits in cols columns: a prompt's tail. */
const char *text_tail(const char *s, size_t len, int cols);

#endif
