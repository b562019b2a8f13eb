/*
 * compose: pages from the model and the cross-reference index. One
 * composer per kind of unit, each in a file of its own (compose_*.c) and
 * a row of the table in compose.c: the title block, a section, the
 * timeline, an expert (every quote, then the profile), an actor (profile,
 * related actors, where it is mentioned), the list of experts. A new view
 * is a new composer and a row. The caller owns the page; it borrows
 * the briefing and the index. Plain C.
 */
#ifndef BRIEFING_COMPOSE_H
#define BRIEFING_COMPOSE_H

#include <stdbool.h>

#include "model.h"
#include "page.h"
#include "xref.h"

/*
 * Which names found in the text are shown as references. Explicit links
 * (actor:, expert:, section:) always are; a name is also counted and
 * searched when it is not shown as one. FIRST is 0, so zeroed options
 * mean it.
 */
enum link_mode {
	LINKS_FIRST,	/* the first of each target in a paragraph or heading */
	LINKS_ALL,	/* every one */
	LINKS_EXPLICIT	/* none: explicit links only */
};

struct compose_opts {
	bool		 mark_refs;	/* "[n]" after references, a list at
					 * the end (dump) */
	enum link_mode	 links;
};

/*
 * The page of a unit; an empty page when the unit does not exist. With no
 * index (x NULL) there are no implicit mentions, and links to actor:,
 * expert: and section: lead where their ids say.
 *
 * On an expert's page every block of a quote leads to {REF_QUOTE, quote};
 * on an actor's page every entry under "Mentioned in" leads to
 * {REF_MENTION, mention}: the whole entry is what Enter follows.
 */
struct page *compose_page(const struct briefing *, const struct xref *,
	    struct unit_ref, const struct compose_opts *);
/*
 * A bare body: its blocks only, no heading and no references (links to
 * actor:, expert: and section: show their text). For tests and for
 * Markdown that belongs to no unit.
 */
struct page *compose_body(const struct body *, const struct compose_opts *);

#endif
