/*
 * aindex: the actor index of the reader: every actor by name, filtered
 * by what the user types (case and accents folded, matched in the name
 * or an alias), with a cursor and the first row shown. It borrows the
 * briefing. Plain C.
 */
#ifndef BRIEFING_AINDEX_H
#define BRIEFING_AINDEX_H

#include <stddef.h>

#include "keymap.h"
#include "model.h"
#include "util.h"

struct aindex {
	const struct briefing	*b;
	char			**folded;	/* per actor: name and aliases */
	size_t			 *order;	/* actors sorted by name */
	size_t			 *items;	/* shown: actor indices */
	size_t			  n;
	size_t			  cur, top;
	struct buf		  filter;	/* as typed */
};

void	 aindex_init(struct aindex *, const struct briefing *);
void	 aindex_free(struct aindex *);
/* Filter by s (the cursor goes to the first row); returns rows shown. */
size_t	 aindex_filter(struct aindex *, const char *s);
/* Move the cursor as a motion command does, h rows shown. */
void	 aindex_move(struct aindex *, enum command, size_t h);
/* Keep the cursor within the h rows shown. */
void	 aindex_show_cursor(struct aindex *, size_t h);

#endif
