/*
 * pagebuild: what the cmark walk (mdwalk.h) and the page composers
 * (compose.h) share while they build a page: where the next block goes,
 * whether a blank line comes before it, the style and the reference of
 * the text being added, and the numbering of reference marks ("[n]"
 * after each reference, and a list at the end) when a page is built for
 * --dump. Only those modules include it. Plain C.
 */
#ifndef BRIEFING_PAGEBUILD_H
#define BRIEFING_PAGEBUILD_H

#include <stdbool.h>
#include <stddef.h>

#include "compose.h"
#include "page.h"

/* The style and reference of text being added; a stack of them. */
struct pb_attr {
	unsigned		style;
	struct ref_target	ref;
	size_t			mention;
};

struct pb_mark {
	struct ref_target	target;
	size_t			number;		/* 1-based; 0: empty slot */
};

struct pb {
	struct page		*page;
	const struct briefing	*b;		/* may be NULL: a bare body */
	const struct xref	*x;		/* may be NULL: no index */
	struct compose_opts	 opts;

	struct block		*parent;	/* where the next block goes */
	bool			 gap;		/* a blank line before it */

	struct pb_attr		 cur;
	struct pb_attr		*saved;
	size_t			 nsaved, savedcap;

	/* Borrowed content: no references inside (see page.h, lead). */
	bool			 borrowed;

	/* Reference marks: a hash of targets to numbers, and the order. */
	struct pb_mark		*marks;
	size_t			 markcap;	/* a power of two, or 0 */
	struct ref_target	*marked;	/* by number - 1 */
	size_t			 nmarked, markedcap;
};

void	 pb_init(struct pb *, struct page *, const struct briefing *,
	    const struct xref *, const struct compose_opts *);
void	 pb_finish(struct pb *);	/* frees the working state */

/* A new container or leaf under pb->parent, taking the pending gap. */
struct block *pb_block(struct pb *, enum block_kind);
/* Enter a container made by pb_block; leave it again. */
void	 pb_enter(struct pb *, struct block *);
void	 pb_leave(struct pb *);

void	 pb_push(struct pb *, unsigned style);
/* A reference (STYLE_REF, with more style bits: STYLE_EXPLICIT). */
void	 pb_push_ref(struct pb *, struct ref_target, size_t mention,
	    unsigned style);
void	 pb_pop(struct pb *);

/* Text in the current style and reference; NULL or empty adds nothing. */
struct run *pb_text(struct pb *, struct block *leaf, const char *s,
	    size_t len, bool copy);
struct run *pb_str(struct pb *, struct block *leaf, const char *s);
struct run *pb_styled(struct pb *, struct block *leaf, const char *s,
	    unsigned style);

/*
 * A string and its place in a list: sorted by string then place with
 * pb_key_cmp, equal strings come together, the first written first (a
 * list of thousands is grouped without comparing every pair).
 */
struct pb_key {
	const char	*s;
	size_t		 i;
};
int	 pb_key_cmp(const void *, const void *);

/* "[n]" after a reference, when the page is built with marks. */
void	 pb_mark(struct pb *, struct block *leaf, struct ref_target);
/*
 * A reference written by a composer: the target's name, leading to it,
 * explicit (STYLE_EXPLICIT) as the author's links are.
 */
void	 pb_ref(struct pb *, struct block *leaf, struct ref_target);
/* The name of a reference's target, or NULL. */
const char *pb_target_name(const struct pb *, struct ref_target);

/*
 * Common blocks. A title or heading with a rule under it, a blank line
 * after it; a paragraph of one styled text; a bulleted item holding an
 * empty paragraph, returned for the caller to fill.
 */
struct block *pb_title(struct pb *, const char *text, unsigned style,
	    enum rule_kind, int src_line);
/* A heading of briefing's own words ("Related"): a chrome pb_title. */
struct block *pb_label(struct pb *, const char *text);
struct block *pb_line(struct pb *, const char *text, unsigned style);
struct block *pb_item(struct pb *, struct block **item);
/* "References": the numbered targets of the marks, at the page's end. */
void	 pb_references(struct pb *);
/*
 * "kind · also known as a, b" (lead and aliases each may be absent); an
 * alias that differs from an earlier one only by case or accents once.
 */
void	 pb_aliases(struct pb *, const struct strlist *, const char *lead);
/* Where a quote or mention stands: "Moscow's options", "the profile of X". */
void	 pb_unit_name(struct pb *, struct block *leaf, struct unit_ref);

/*
 * The composers, one per unit kind, in compose.c's table: each adds the
 * blocks of unit `index` of its kind at pb's place (the unit exists).
 */
void	 compose_header(struct pb *, size_t index);
void	 compose_section(struct pb *, size_t index);
void	 compose_timeline(struct pb *, size_t index);
void	 compose_expert(struct pb *, size_t index);
void	 compose_actor(struct pb *, size_t index);
void	 compose_expert_list(struct pb *, size_t index);

#endif
