/*
 * xref: the cross-reference index of a loaded briefing. Built once from the
 * model, it finds explicit links (actor:, expert:, section:) and implicit
 * mentions (names and aliases on word boundaries, longest match first, all
 * names matched in one pass with acmatch.h), the quotes of each expert,
 * the experts' numbering (order of first quote in the sections), and, for
 * each actor, the actors whose profiles name it. It owns its mentions and
 * quotes; it points into the model's cmark trees, so it must be freed
 * before the briefing. Plain C.
 *
 * The rules it applies:
 * - Matching of names is acmatch's (see acmatch.h): exact case, except that
 *   an alias written lower case also matches capitalised; ’ equals ';
 *   word boundaries; leftmost-longest. Names are added before aliases, so
 *   when one entity's alias is another's name, the name wins.
 * - No implicit mentions inside links, images, code, headings, emphasis or
 *   strong emphasis (titles of works are set in italics: "The Islamic
 *   State" in a book's title is not the group), or a body whose front
 *   matter says `autolink: false`; none of an actor or expert in its own
 *   profile (an explicit link to itself is kept). Explicit links count
 *   everywhere.
 * - A name may wrap from one source line to the next: the loader joins a
 *   paragraph's soft-broken lines into one TEXT node, and model_text_pos()
 *   gives a byte's file line and column in it.
 * - Positions are cmark's: file lines, 1-based byte columns. cmark does
 *   not count the extra indentation of a paragraph's continuation lines,
 *   nor the length of entities and backslash escapes earlier in the same
 *   text, so a column there may be off; lines are right.
 * - A quote is a block quote (not inside another) that holds a link to a
 *   known expert: anywhere in it; the first such link names the expert.
 * - Units are walked in slot order (model.h: the title block, sections,
 *   timeline, experts, actors); mentions and quotes are kept in that order.
 * - Experts are numbered by their first quote in walking order (the
 *   article, then experts' and actors' profiles); an expert never quoted
 *   has number 0 and is not in numbered[].
 * - Snippets: the whitespace-collapsed plain text of the paragraph or
 *   heading holding the mention, cut to at most 72 columns around it at
 *   word boundaries, with "…" where cut. Raw: layout makes them safe.
 */
#ifndef BRIEFING_XREF_H
#define BRIEFING_XREF_H

#include "diag.h"
#include "model.h"

#define XREF_NONE MODEL_NONE

struct arena;

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

/* "actor", "expert", "section"; NULL for the other kinds. */
const char *ref_kind_name(enum ref_kind);
/*
 * The target of a link URL "actor:ID", "expert:ID" or "section:ID" with a
 * known id; REF_NONE otherwise. *is_ref (may be NULL) says whether the URL
 * has one of those forms at all, known id or not (a dangling reference).
 */
struct ref_target ref_parse(const struct briefing *, const char *url,
	    bool *is_ref);
/* The unit a target shows: REF_ACTOR, REF_EXPERT, REF_SECTION; else false. */
bool	 ref_unit(struct ref_target, struct unit_ref *);

/*
 * A paragraph may name one actor thousands of times; a snippet each would
 * cost gigabytes and say the same. Lists show this many per block.
 */
#define XREF_SNIPPETS_PER_BLOCK 10

/*
 * Mentions stored are capped, so that memory stays bounded whatever the
 * aliases: a one-letter alias in megabytes of text would otherwise store
 * a mention for every other byte. A paragraph or heading keeps its first
 * XREF_MAX_BLOCK_MENTIONS, the briefing its first XREF_MAX_MENTIONS; the
 * others are counted in struct xref, not stored, and not linked.
 */
#define XREF_MAX_BLOCK_MENTIONS	10000
#define XREF_MAX_MENTIONS	2000000

/* One reference found in a body, explicit or implicit. */
struct mention {
	struct ref_target target;	/* REF_ACTOR, REF_EXPERT or REF_SECTION */
	struct unit_ref	 unit;		/* the body it stands in */
	cmark_node	*node;		/* TEXT node (implicit) or LINK node */
	cmark_node	*block;		/* the paragraph or heading holding it,
					 * or NULL */
	size_t		 start, end;	/* byte range in the TEXT literal; 0, 0 for a link */
	bool		 explicit_link;
	int		 line, col;	/* position in the file; col in bytes, 1-based */
	char		*snippet;	/* one line of raw context, owned
					 * by the index;
					 * NULL outside paragraphs and
					 * headings, and past the first
					 * XREF_SNIPPETS_PER_BLOCK mentions
					 * of one target in a block */
	size_t		 snippet_start, snippet_end;	/* its bytes in the
					 * snippet, when there is one */
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
	const struct briefing *briefing;	/* borrowed */
	/* All mentions: grouped by unit in slot order, in document order
	 * within a unit. */
	struct mention	*mentions;
	size_t		 nmentions;
	struct quote	*quotes;	/* in the same order */
	size_t		 nquotes;
	struct xref_entity *actors;	/* parallel to briefing->actors */
	struct xref_entity *experts;	/* parallel to briefing->experts */
	size_t		*numbered;	/* expert index by number - 1 */
	size_t		 nnumbered;
	size_t		 nactors;	/* briefing->nactors when built */
	size_t		 nexperts;	/* briefing->nexperts when built */
	/* Mentions found past the caps above: counted, not stored. */
	size_t		 dropped;
	struct unit_ref	 dropped_unit;	/* where the first of them stands */
	int		 dropped_line;
	/* Private: where each slot's mentions start in mentions[]; the
	 * snippets' bytes. */
	size_t		*unit_first;
	struct arena	*snippets;
};

/*
 * Build the index. Unknown ids in links and in `related` become
 * DIAG_ERROR entries with file and line; the index is built regardless.
 */
struct xref *xref_build(const struct briefing *, struct diag_list *);
void	 xref_free(struct xref *);	/* accepts NULL */
/* An index of b that holds nothing: no mention, quote or number. */
struct xref *xref_empty(const struct briefing *);

/*
 * The same build in steps, so that a reader answers keys meanwhile:
 * xref_begin makes the name matcher, xref_step reads up to `units` more
 * units (slots, in order; 0: all) and is true once all are read, and
 * xref_end reads what is left, finishes the lists and frees the job. The
 * briefing must not change in between.
 */
struct xref_job;

struct xref_job *xref_begin(const struct briefing *, struct diag_list *);
bool	 xref_step(struct xref_job *, size_t units);
/* Units read so far, and in all. */
void	 xref_progress(const struct xref_job *, size_t *done, size_t *total);
struct xref *xref_end(struct xref_job *);
/* The job and what it built freed, unfinished (accepts NULL). */
void	 xref_abandon(struct xref_job *);

/*
 * The mentions that stand in a unit, in document order; NULL with *n = 0
 * when there is none or the unit does not exist.
 */
const struct mention *xref_unit_mentions(const struct xref *,
	    struct unit_ref, size_t *n);
/*
 * The index of the first mention of a unit in xref->mentions (where its
 * mentions would start when it has none, possibly nmentions), or
 * XREF_NONE when the unit does not exist. Constant time.
 */
size_t	 xref_unit_first(const struct xref *, struct unit_ref);

#endif
