/*
 * layout: model + cross-references + width -> lines of styled spans. This
 * is where content text becomes displayable, once: control characters,
 * escape sequences and bidi controls become visible placeholders and
 * invalid UTF-8 becomes U+FFFD (textsafe.h), and widths come from
 * wcwidth. No curses: the view draws these lines and --dump prints them.
 * A layout owns its lines and spans. Plain C.
 */
#ifndef BRIEFING_LAYOUT_H
#define BRIEFING_LAYOUT_H

#include <stdbool.h>
#include <stddef.h>

#include "model.h"
#include "xref.h"

/* Style bits; a span may carry several. */
enum {
	STYLE_BOLD	= 1u << 0,
	STYLE_ITALIC	= 1u << 1,
	STYLE_CODE	= 1u << 2,
	STYLE_HEADING	= 1u << 3,	/* section and subsection headings */
	STYLE_TITLE	= 1u << 4,	/* the briefing's or a unit's title */
	STYLE_QUOTE	= 1u << 5,	/* text inside a blockquote */
	STYLE_ATTRIB	= 1u << 6,	/* a quote's attribution line */
	STYLE_REF	= 1u << 7,	/* a cross-reference (see span.ref) */
	STYLE_LINK	= 1u << 8,	/* an ordinary link (URL) */
	STYLE_RULE	= 1u << 9,	/* thematic break, quote bar */
	STYLE_MARKER	= 1u << 10,	/* list bullet or number */
	STYLE_CONTROL	= 1u << 11,	/* a placeholder for an unsafe character */
	STYLE_DIM	= 1u << 12,	/* metadata, context, URLs */
	STYLE_REFMARK	= 1u << 13	/* "[n]" reference marker (dump) */
};

struct span {
	char		*text;		/* safe UTF-8, no control characters; owned */
	size_t		 len;		/* bytes */
	int		 width;		/* columns */
	unsigned	 style;
	struct ref_target ref;		/* REF_NONE for plain text */
	size_t		 mention;	/* the mention this text is, or XREF_NONE */
};

struct line {
	struct span	*spans;
	size_t		 nspans;
	int		 width;		/* columns, never above the layout width */
	size_t		 block;		/* ordinal of the block it belongs to:
					 * leaf blocks (paragraph, heading, code
					 * block, rule, generated line) numbered
					 * in document order, the same at every
					 * width; a blank line belongs to the
					 * block before it */
	int		 src_line;	/* file line, 0 when none */
};

struct layout {
	struct line	*lines;
	size_t		 nlines;
	int		 width;
};

struct layout_opts {
	int	width;		/* columns, at least 1 */
	bool	mark_refs;	/* add "[n]" after references and a list at the end (dump) */
};

/* The briefing's title block: title, subtitle, date, source, tags. */
struct layout *layout_header(const struct briefing *, const struct layout_opts *);
/*
 * One unit: a section (its heading, then its body), an expert (name, role,
 * affiliation, profile, then every quote with the section it comes from),
 * an actor (name, kind, aliases, profile, related actors, mentions with
 * context, backlinks) or the timeline. Every span of a quote in an
 * expert unit carries ref {REF_QUOTE, quote}, and every span of an entry
 * under an actor's "Mentioned in" ref {REF_MENTION, mention}, without
 * STYLE_REF: the whole entry is what Enter follows.
 */
struct layout *layout_unit(const struct briefing *, const struct xref *,
	    struct unit_ref, const struct layout_opts *);
/*
 * A bare body: its blocks only, no heading and no references (links to
 * actor:, expert: and section: show their text). For tests and for
 * Markdown that belongs to no unit.
 */
struct layout *layout_body(const struct body *, const struct layout_opts *);
/* One line of safe text, cut to width with an ellipsis: TOC rows, titles. */
struct line *layout_text_line(const char *text, unsigned style, int width);
void	 line_free(struct line *);	/* frees a line from layout_text_line */
void	 layout_free(struct layout *);	/* accepts NULL */

#endif
