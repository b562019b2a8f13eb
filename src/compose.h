/*
 * compose: pages from the model and the cross-reference index. One
 * composer per kind of unit, each in a file of its own (compose_*.c) and
 * a row of the table in compose.c: the title block, a section, the
 * timeline, an expert (profile, then every quote), an actor (profile,
 * related actors, where it is mentioned, whose profiles name it). A new
 * view is a new composer and a row. The caller owns the page; it borrows
 * the briefing and the index. Plain C.
 */
#ifndef BRIEFING_COMPOSE_H
#define BRIEFING_COMPOSE_H

#include <stdbool.h>

#include "model.h"
#include "page.h"
#include "xref.h"

struct compose_opts {
	bool	mark_refs;	/* "[n]" after references, a list at the end (dump) */
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
