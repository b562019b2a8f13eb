/*
 * search: a pattern found in the text of pages (page.h), not in laid-out
 * lines. A match is a byte range of one leaf's text in one slot's page,
 * so it does not depend on the width: laying the article out again (a
 * pane opened or closed, a resize) never runs a search again, and the
 * typesetter maps a match to the lines that show it (typeset_map).
 * Case, accents and the like are folded on both sides (fold.h).
 *
 * What is searched is what is written once: borrowed content (a leaf with
 * a lead, page.h: a quote repeated on its expert's page, a mention's
 * snippet on an actor's page) and the list of experts (it repeats their
 * pages) are not, so a match is never counted twice. Plain C.
 */
#ifndef BRIEFING_SEARCH_H
#define BRIEFING_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

#include "lcache.h"

struct match {
	size_t	slot;
	size_t	leaf;		/* ordinal of the leaf in its page */
	size_t	start, end;	/* bytes of the leaf's text */
};

struct search {
	char		*pattern;	/* as typed; NULL before the first */
	struct match	*v;		/* in slot, leaf, start order */
	size_t		 n, cap;
	size_t		 narticle;	/* v[0, narticle) are in the article
					 * (briefing_article_parts) */
	size_t		 cur;		/* the current match */
	bool		 on;		/* the matches are shown */
	size_t		 work;		/* leaves read, for tests */
};

void	 search_init(struct search *);
void	 search_free(struct search *);
/* Find every match of pattern in the slots [first, end); returns how many. */
size_t	 search_run(struct search *, struct lcache *, const char *pattern,
	    size_t first, size_t end);
/* The index of the first match at or after (slot, leaf), or n. */
size_t	 search_at_or_after(const struct search *, size_t slot, size_t leaf);
/* The matches in one leaf of one slot; NULL with *n = 0 when none. */
const struct match *search_leaf(const struct search *, size_t slot,
	    size_t leaf, size_t *n);
bool	 search_is_current(const struct search *, const struct match *);

#endif
