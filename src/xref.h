/*
 * xref: the cross-reference index of a loaded briefing. Built once from the
 * model, it finds explicit links (actor:, expert:, section:) and implicit
 * mentions (names and aliases on word boundaries, longest match first, all
 * names matched in one pass with acmatch.h), the quotes of each expert,
 * the experts' numbering (order of first quote in the sections), and, for
 * each actor, the actors whose profiles name it. It owns its mentions and
 * quotes; it points into the model's cmark trees, so it must be freed
 * before the briefing. Plain C.
 */
#ifndef BRIEFING_XREF_H
#define BRIEFING_XREF_H

#include "diag.h"
#include "model.h"

#define XREF_NONE MODEL_NONE

/* What a reference leads to. */
enum ref_kind {
	REF_NONE,
	REF_ACTOR,	/* index: actor */
	REF_EXPERT,	/* index: expert */
	REF_SECTION,	/* index: section */
	REF_MENTION,	/* index: mention (a place in a body) */
	REF_QUOTE	/* index: quote */
};

struct ref_target {
	enum ref_kind	kind;
	size_t		index;
};

/* One reference found in a body, explicit or implicit. */
struct mention {
	struct ref_target target;	/* REF_ACTOR, REF_EXPERT or REF_SECTION */
	struct unit_ref	 unit;		/* the body it stands in */
	cmark_node	*node;		/* TEXT node (implicit) or LINK node */
	size_t		 start, end;	/* byte range in the TEXT literal; 0, 0 for a link */
	bool		 explicit_link;
	int		 line, col;	/* position in the file; col in bytes, 1-based */
	char		*snippet;	/* one line of raw context, owned */
	size_t		 quote;		/* quote it stands in, or XREF_NONE */
};

/* A blockquote that holds an expert: link. */
struct quote {
	size_t		 expert;
	struct unit_ref	 unit;
	cmark_node	*node;		/* the BLOCK_QUOTE */
	char		*text;		/* raw plain text, attribution left out:
					 * paragraphs apart by "\n\n", hard
					 * breaks "\n", soft breaks " " */
	int		 line;
};

struct idlist {
	size_t	*v;
	size_t	 n;
	size_t	 cap;
};

struct xref_entity {
	struct idlist	mentions;	/* mention indices, document order */
	struct idlist	quotes;		/* experts only: quote indices */
	struct idlist	backlinks;	/* actors only: actors whose profile names it */
	size_t		number;		/* experts only: 1-based by first quote; 0 when never quoted */
};

struct xref {
	/* All mentions: grouped by unit (sections in order, then experts,
	 * actors, timeline), in document order within a unit. */
	struct mention	*mentions;
	size_t		 nmentions;
	struct quote	*quotes;	/* in the same order */
	size_t		 nquotes;
	struct xref_entity *actors;	/* parallel to briefing->actors */
	struct xref_entity *experts;	/* parallel to briefing->experts */
	size_t		*numbered;	/* expert index by number - 1 */
	size_t		 nnumbered;
	/* Private: where each unit's mentions start in mentions[]. */
	size_t		*unit_first;
};

/*
 * Build the index. Unknown ids in links and in `related` become
 * DIAG_ERROR entries with file and line; the index is built regardless.
 */
struct xref *xref_build(const struct briefing *, struct diag_list *);
void	 xref_free(struct xref *);	/* accepts NULL */

/* The mentions that stand in a unit, in document order (n may be 0). */
const struct mention *xref_unit_mentions(const struct xref *,
	    struct unit_ref, size_t *n);
/* The index of the first mention of a unit in xref->mentions. */
size_t	 xref_unit_first(const struct xref *, struct unit_ref);

#endif
