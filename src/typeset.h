/*
 * typeset: the terminal renderer of pages. A page and a width become
 * lines of styled spans: this is where content text becomes displayable,
 * once (textsafe.h: control characters, escape sequences and bidi
 * controls become visible placeholders, invalid UTF-8 becomes U+FFFD),
 * where it is wrapped to the width left by the prefixes of its
 * containers (quote bars, list markers, code indent), and where widths
 * are counted. No curses: the view draws these lines and --dump prints
 * them. A layout owns its lines and spans (one arena). Plain C.
 *
 * Every span knows which bytes of its leaf's text (page.h) it shows, so
 * a match found in the page text maps to the bytes of the lines that
 * show it (typeset_map), and nothing guesses at prefixes.
 */
#ifndef BRIEFING_TYPESET_H
#define BRIEFING_TYPESET_H

#include <stdbool.h>
#include <stddef.h>

#include "page.h"

#define TYPESET_NONE ((size_t)-1)

struct span {
	const char	*text;		/* safe UTF-8, no control characters */
	size_t		 len;		/* bytes */
	int		 width;		/* columns */
	unsigned	 style;
	struct ref_target ref;		/* REF_NONE for plain text */
	size_t		 mention;	/* the mention this text is, or XREF_NONE */
	/*
	 * The bytes [at, at + atlen) of the leaf's text it shows, or at =
	 * TYPESET_NONE for what the typesetter adds (prefixes, rules,
	 * padding). When len == atlen, byte i of text shows byte at + i;
	 * otherwise (a placeholder, an expanded tab) the span shows the
	 * whole range as one.
	 */
	size_t		 at, atlen;
};

struct line {
	struct span	*spans;
	size_t		 nspans;
	int		 width;		/* columns, never above the layout width */
	size_t		 block;		/* the ordinal of the leaf it shows (page.h),
					 * the same at every width; a blank line
					 * belongs to the leaf before it */
	int		 src_line;	/* file line, 0 when none */
};

struct layout {
	struct line	*lines;
	size_t		 nlines;
	int		 width;
	struct arena	*arena;		/* spans and their text */
};

struct typeset_opts {
	int	width;		/* columns, at least 1 */
};

struct layout *typeset(const struct page *, const struct typeset_opts *);
void	 layout_free(struct layout *);	/* accepts NULL */

/*
 * One line of safe text, cut to width with an ellipsis (TOC rows, titles,
 * names, messages): a layout of exactly one line, empty when width < 1.
 */
struct layout *typeset_line(const char *text, unsigned style, int width);

/*
 * The lines [*first, *end) that show leaf `leaf`, its blank line before
 * it excluded; an empty range where the leaf has none. Binary search.
 */
void	 typeset_leaf_lines(const struct layout *, size_t leaf, size_t *first,
	    size_t *end);
/*
 * The bytes [*start, *end) of a line (its spans' bytes put together) that
 * show bytes [a, b) of its leaf's text; false when it shows none of them.
 */
bool	 typeset_map(const struct line *, size_t a, size_t b, size_t *start,
	    size_t *end);

#endif
