/*
 * doc: a document of the reader: parts read one after another (the
 * article: the title block, the sections, the timeline; the pane: one
 * expert or actor), each the layout of one slot (lcache.h) at the
 * document's width, with a blank line between parts. A place in it is a
 * part and a line of that part, so only the parts that are drawn or asked
 * for are laid out; the document's length is known exactly once every
 * part is laid out, and estimated from the source until then. It holds
 * the top line and the selected cross-reference. Plain C.
 */
#ifndef BRIEFING_DOC_H
#define BRIEFING_DOC_H

#include <stdbool.h>
#include <stddef.h>

#include "lcache.h"

/* A line of a document: line 0 of a part after the first is its blank. */
struct docpos {
	size_t	part;
	size_t	line;
};

/* A span of a line. */
struct docspan {
	struct docpos	pos;
	size_t		span;
};

/* A selected cross-reference: spans a to b, in reading order. */
struct selection {
	bool		on;
	struct docspan	a, b;
};

struct doc {
	struct lcache	*cache;
	size_t		 first;		/* slot of part 0 */
	size_t		 nparts;
	int		 width;		/* 0 before the first layout */
	struct docpos	 top;
	struct selection sel;
	size_t		*nlines;	/* per part at width, lines + 1; 0: unknown */
};

void	 doc_init(struct doc *, struct lcache *, size_t first_slot,
	    size_t nparts);
void	 doc_free(struct doc *);
/* Show other parts (the pane's unit changed): top at the start. */
void	 doc_reset(struct doc *, size_t first_slot, size_t nparts);

size_t	 doc_slot(const struct doc *, size_t part);
/* The part showing a slot, or nparts. */
size_t	 doc_part_of_slot(const struct doc *, size_t slot);
/* The part's layout at the document's width (laid out now if need be). */
const struct layout *doc_layout(struct doc *, size_t part);
/* Is the number of a part's lines known (it was laid out once)? */
bool	 doc_part_measured(const struct doc *, size_t part);
/* Lines of a part, its blank line included. */
size_t	 doc_part_lines(struct doc *, size_t part);
/* The first line of a part's text (after its blank line). */
struct docpos doc_part_start(struct doc *, size_t part);

/* The line at a place: the blank between parts has no spans; NULL past the end. */
const struct line *doc_line(struct doc *, struct docpos);
/* The layout line a place shows, or NULL for a blank between parts. */
const struct line *doc_text_line(struct doc *, struct docpos);
bool	 doc_next(struct doc *, struct docpos *);
bool	 doc_prev(struct doc *, struct docpos *);
/* Move by n lines (back when negative) as far as the document goes;
 * returns how many lines it moved. */
size_t	 doc_move(struct doc *, struct docpos *, long n);
int	 doc_pos_cmp(struct docpos, struct docpos);
/* The last line. */
struct docpos doc_last(struct doc *);

/*
 * The lowest top for h rows: the last line at the bottom; with sections
 * set, the last part may come to the top with room below it.
 */
struct docpos doc_max_top(struct doc *, int h, bool sections);
void	 doc_clamp(struct doc *, int h, bool sections);
/* Lay out at a width; keeps the top line's block at the top, and the
 * selection. Returns whether anything changed. */
bool	 doc_set_width(struct doc *, int width);
/* The pages were made again with the same text (another link mode):
 * lay out again when read; the top stays, the selection goes. */
void	 doc_relayout(struct doc *);
/*
 * The pages are about to be made again from a new index, whose text may
 * differ (an expert's number after a quote): doc_top_block, before, gives
 * the top line's block (a leaf's ordinal, or SIZE_MAX for none), and
 * doc_repage, after, lays out again with that block at the top; the
 * selection goes.
 */
size_t	 doc_top_block(struct doc *);
void	 doc_repage(struct doc *, size_t block);
/* The first line of a block (a leaf's ordinal) of a part, or after it. */
struct docpos doc_find_block(struct doc *, size_t part, size_t block);
/* Is a line among the h rows from the top? */
bool	 doc_shows(struct doc *, struct docpos, int h);
/* Is the last line within h rows of the top? */
bool	 doc_at_end(struct doc *, int h);
/* How far through, 0-100, from the lines above the top and those shown. */
int	 doc_percent(struct doc *, int h);

/* ---- cross-references on the lines ---------------------------------------- */

/* A cross-reference: its first and last span. */
struct item {
	struct docspan	first, last;
};

struct items {
	struct item	*v;
	size_t		 n, cap;
};

/* The references on the h lines from `from`, in reading order. */
void	 doc_items(struct doc *, struct docpos from, int h, struct items *);
/* The reference starting at a span that is one. */
struct item doc_item_at(struct doc *, struct docspan, struct docpos end);
/* Is a span part of an item? */
bool	 doc_item_has(const struct item *, struct docspan);
/* The span at a place, or NULL. */
const struct span *doc_span(struct doc *, struct docspan);
bool	 doc_selected(const struct doc *, struct docpos, size_t span);
/*
 * The next reference after span `from` (dir > 0) or the one before it
 * (dir < 0), in reading order through the whole document, laying out
 * parts as it goes; with `inclusive`, a reference at `from` itself counts.
 * False when there is none that way.
 */
bool	 doc_item_step(struct doc *, struct docspan from, int dir,
	    bool inclusive, struct item *);
void	 doc_select(struct doc *, const struct item *);
/*
 * Select the first reference in a part to target t (and mention m, when
 * not XREF_NONE); false when the part shows none.
 */
bool	 doc_select_ref(struct doc *, size_t part, struct ref_target t,
	    size_t m);

#endif
