/*
 * lcache: the pages and layouts the reader shows, by slot (model.h). A
 * slot's page is built the first time it is asked for and kept (pages do
 * not depend on the width) until lcache_trim lets it go; its layouts are
 * kept for the last two widths asked for, since showing and hiding the
 * pane switches the article between two widths. Everything is made on
 * demand: nothing is laid out that is not drawn or asked for. The cache
 * owns what it returns: a page or a layout stays valid until the same
 * slot is asked for at a third width, lcache_trim or lcache_reindex, so
 * nothing keeps one between keys. It borrows the briefing and the
 * index. Plain C.
 */
#ifndef BRIEFING_LCACHE_H
#define BRIEFING_LCACHE_H

#include <stdbool.h>
#include <stddef.h>

#include "compose.h"
#include "typeset.h"

struct lcache;

struct lcache *lcache_new(const struct briefing *, const struct xref *);
void	 lcache_free(struct lcache *);	/* accepts NULL */

size_t	 lcache_slots(const struct lcache *);
const struct briefing *lcache_briefing(const struct lcache *);
const struct xref *lcache_xref(const struct lcache *);

const struct page *lcache_page(struct lcache *, size_t slot);
/* Is the slot's page made already? */
bool	 lcache_has_page(const struct lcache *, size_t slot);
/*
 * The slot's page freed when no layout of it is kept: a page read once
 * (by a search) need not stay, so one key's memory stays bounded too.
 */
void	 lcache_release(struct lcache *, size_t slot);
const struct layout *lcache_layout(struct lcache *, size_t slot, int width);
/* The layout when it is already made, else NULL: no work. */
const struct layout *lcache_peek(const struct lcache *, size_t slot,
	    int width);
/*
 * Which mentions the pages show as references (compose.h); a change
 * drops every page and layout made, to be made again when asked for.
 */
void	 lcache_set_links(struct lcache *, enum link_mode);
/*
 * A new index (of the same briefing, which may have gained experts and
 * actors since: the slots follow it): every page and layout dropped.
 */
void	 lcache_reindex(struct lcache *, const struct xref *);
enum link_mode lcache_links(const struct lcache *);
/*
 * Keep the pages and layouts of the `keep` slots asked for last, free the
 * rest (made again when asked for): memory stays bounded however much is
 * read (a search reads every page). What was returned before is invalid
 * after, so this is called between keys. Returns the slots kept.
 */
size_t	 lcache_trim(struct lcache *, size_t keep);
/* Layouts made so far: a count of work, for tests. */
size_t	 lcache_typeset_count(const struct lcache *);

#endif
