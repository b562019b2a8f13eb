/*
 * history: where the reader was, for Backspace and its forward list. A
 * place holds the focus, the pane's unit, and each document's top line
 * and selection at the width it had, with the block at its top to find
 * that line again at another width. The stacks own their places. Plain C.
 */
#ifndef BRIEFING_HISTORY_H
#define BRIEFING_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "doc.h"

enum reader_region {
	REGION_TOC,
	REGION_BODY,
	REGION_PANE
};

/* A document's place: its top and selection, and where to find them. */
struct docplace {
	struct docpos	 top;
	struct selection sel;
	int		 width;
	size_t		 block;		/* the top line's block */
};

struct place {
	enum reader_region focus;
	bool		 has_pane;	/* a pane's unit was chosen */
	struct unit_ref	 pane;
	bool		 pane_shown;
	struct docplace	 body, panedoc;
};

struct place_stack {
	struct place	*v;
	size_t		 n, cap;
};

void	 history_push(struct place_stack *, const struct place *);
/* The top place into *p; false when the stack is empty. */
bool	 history_pop(struct place_stack *, struct place *);
void	 history_clear(struct place_stack *);
void	 history_free(struct place_stack *);

/* A document's place, and back: the same line at the same width, else
 * the block's first line. */
void	 docplace_save(struct doc *, struct docplace *);
void	 docplace_restore(struct doc *, const struct docplace *);

#endif
