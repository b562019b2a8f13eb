/*
 * dump: pages printed to a stream, for --dump and for pipes. It prints
 * exactly the lines the reader draws (typeset.h), built with reference
 * marks ("[n]" after each reference, and a list at the end of each
 * unit): the article (title block, sections, timeline), then the experts
 * in the order of their numbers, then the actors. With colour, styles
 * become SGR sequences; the text itself is already safe. Plain C.
 */
#ifndef BRIEFING_DUMP_H
#define BRIEFING_DUMP_H

#include <stdbool.h>
#include <stdio.h>

#include "compose.h"
#include "model.h"
#include "typeset.h"
#include "xref.h"

struct dump_opts {
	int		width;		/* columns */
	bool		color;		/* SGR sequences for styles */
	enum link_mode	links;		/* which mentions are references */
};

/* Print one layout's lines. */
void	 dump_layout(FILE *, const struct layout *, bool color);
/* Print the whole briefing; returns 0, or -1 on a write error. */
int	 dump_briefing(FILE *, const struct briefing *, const struct xref *,
	    const struct dump_opts *);

#endif
