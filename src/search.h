/*
 * search: a pattern found in the text of pages (page.h), not in laid-out
 * lines. A match is a byte range of one leaf's text in one slot's page,
 * so it does not depend on the width: laying the article out again (a
 * pane opened or closed, a resize) never runs a search again, and the
 * typesetter maps a match to the lines that show it (typeset_map).
 * Case, accents and the like are folded on both sides (fold.h).
 *
 * What is searched is what the author wrote, once: borrowed content (a
 * leaf with a lead, page.h: a quote repeated on its expert's page, a
 * mention's snippet on an actor's page), briefing's own words (a chrome
 * leaf: "Mentioned in", a unit's name over its mentions) and the list of
 * experts (it repeats their pages) are not, so a match is never counted
 * twice nor found in a label.
 *
 * A search answers at once and counts later: search_find walks from a
 * place to the next (or previous) match, reading only the pages on the
 * way; search_count counts every match in reading order a budget at a time,
 * for the work between keys. Both stop early when asked to (a stop
 * function: ^C or Esc). Plain C.
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

/* Asked now and then during long work: true stops it. */
typedef bool search_stop_fn(void *);

/*
 * Slots are searched in reading order, their rank: the article, the
 * experts by number (as the list of experts shows them, then those never
 * quoted), the actors.
 */
struct search {
	char		*pattern;	/* as typed; NULL before the first */
	char		*needle;	/* folded */
	size_t		 nlen;
	size_t		 end;		/* ranks searched: [0, end) */
	size_t		 article;	/* ranks of the article: [0, article) */
	size_t		*order;		/* the slot of each rank */
	size_t		*rank;		/* the rank of each slot */
	size_t		 nslots;

	struct match	*v;		/* counted: in rank, leaf, start order */
	size_t		 n, cap;
	size_t		 counted;	/* ranks [0, counted) are in v */
	size_t		 narticle;	/* v[0, narticle) are in the article */

	struct match	 cur;		/* the current match, when has_cur */
	bool		 has_cur;
	bool		 on;		/* it and the others are shown */
	size_t		 work;		/* leaves read, for tests */
};

void	 search_init(struct search *);
void	 search_free(struct search *);
/*
 * A new pattern over the first `end` slots in reading order (all of them
 * when end is the cache's slot count): nothing found or counted yet.
 */
void	 search_start(struct search *, struct lcache *, const char *pattern,
	    size_t end);
/*
 * The first match after byte `at` of (slot, leaf) with dir > 0 (at that
 * byte too when `inclusive`), or the last before it with dir < 0, into
 * *m; false at the end of the slots, or when stop said so (then *stopped
 * is set; stop may be NULL).
 */
bool	 search_find(struct search *, struct lcache *, size_t slot,
	    size_t leaf, size_t at, int dir, bool inclusive, struct match *m,
	    search_stop_fn *stop, void *ctx, bool *stopped);
/*
 * Count on through at most `leaves` more leaves (0: all); true once every
 * slot is counted. Stops early when stop says so.
 */
bool	 search_count(struct search *, struct lcache *, size_t leaves,
	    search_stop_fn *stop, void *ctx);
bool	 search_counted(const struct search *);
/* Whether the matches of slot are all in v. */
bool	 search_slot_counted(const struct search *, size_t slot);
/* The first (dir > 0) or last slot searched, where a search wraps to. */
size_t	 search_end_slot(const struct search *, int dir);
/* All of it at once: start and count; returns how many (for tests). */
size_t	 search_run(struct search *, struct lcache *, const char *pattern,
	    size_t end);
/* The index among the counted of the first match at or after (slot, leaf). */
size_t	 search_at_or_after(const struct search *, size_t slot, size_t leaf);
/* The index of match m among the counted, or n when it is not there. */
size_t	 search_index(const struct search *, const struct match *);
/* The counted matches in one leaf of one slot; NULL with *n = 0 when none. */
const struct match *search_leaf(const struct search *, size_t slot,
	    size_t leaf, size_t *n);
bool	 search_is_current(const struct search *, const struct match *);
bool	 match_equal(const struct match *, const struct match *);

#endif
