/*
 * aindex: the actor index of the reader: every actor, filtered by what
 * the user types (case and accents folded), ranked so that a name
 * matched wins over an alias: the name equal to the filter, then names
 * that start with it, names that hold it, then the same three for
 * aliases (which alias matched is kept, to show it); by name within a
 * rank. With a cursor and the first row shown. It borrows the briefing.
 * Plain C.
 */
#ifndef BRIEFING_AINDEX_H
#define BRIEFING_AINDEX_H

#include <stddef.h>

#include "keymap.h"
#include "model.h"
#include "util.h"

/* A row shown: an actor, and the alias the filter matched (or none). */
struct aindex_row {
	size_t	actor;
	size_t	alias;		/* index into the actor's aliases, or MODEL_NONE */
	int	rank;
};

struct aindex {
	const struct briefing	*b;
	size_t			  nactors;	/* b's when made */
	char			**names;	/* per actor: its name, folded */
	char			***aliases;	/* per actor: aliases, folded,
						   NULL-terminated */
	size_t			 *order;	/* actors sorted by name */
	struct aindex_row	 *rows;		/* shown */
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
