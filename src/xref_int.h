/*
 * xref's own, shared by xref.c (the walk) and xref_snippet.c: the plain
 * text of the paragraph or heading being read, whitespace collapsed as
 * it is gathered (each run one space, none leading), and the snippets
 * cut from it. Only these two files include it.
 */
#ifndef BRIEFING_XREF_INT_H
#define BRIEFING_XREF_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "arena.h"
#include "util.h"

struct flat_text {
	struct buf	 t;
	bool		 space;		/* the last byte was whitespace */
};

/* Empty, for the next block. */
void	 flat_reset(struct flat_text *);
/* s[0..len) onto the text, collapsed; an offset into it is t.len. */
void	 flat_add(struct flat_text *, const char *s, size_t len);
/*
 * The snippet (xref.h) around bytes [cs, ce) of the block's text, from
 * the arena; [*ms, *me) gets where the mention stands in it.
 */
char	*flat_snippet(const struct flat_text *, struct arena *, size_t cs,
	    size_t ce, size_t *ms, size_t *me);

#endif
