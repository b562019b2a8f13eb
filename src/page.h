/*
 * page: the page model, one small tree of blocks between the
 * cross-reference index and every output. A page is what one unit (the
 * title block, a section, the timeline, an expert, an actor) or one view
 * shows; composers (compose.h) build pages, renderers read them: the
 * terminal typesetter (typeset.h, and through it --dump and the reader),
 * and any later exporter, which needs nothing private to the typesetter.
 *
 * Blocks are containers (page, quote, list, item, rows, table) or leaves
 * (heading, paragraph, code, rule, row cells); leaves hold inline runs.
 * A run carries its raw text (control characters and all: renderers make
 * it safe for their output), its style bits, the cross-reference it leads
 * to, the mention and quote it stands in, and where it came from: the
 * cmark node and the byte offset in that node's literal. The text of a
 * leaf is its runs put together; search finds matches in that text and
 * renderers map them to what they draw (typeset.h), so no renderer guesses
 * at another's output.
 *
 * A page owns its blocks and runs (one arena, freed with the page); run
 * text points into the briefing's cmark trees or into the arena, so a
 * page must be freed before the briefing it was built from. Plain C.
 */
#ifndef BRIEFING_PAGE_H
#define BRIEFING_PAGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "model.h"
#include "xref.h"

#define PAGE_NONE ((size_t)-1)

/* Style bits of runs; a run may carry several. */
enum {
	STYLE_BOLD	= 1u << 0,
	STYLE_ITALIC	= 1u << 1,
	STYLE_CODE	= 1u << 2,
	STYLE_HEADING	= 1u << 3,	/* section and subsection headings */
	STYLE_TITLE	= 1u << 4,	/* the briefing's or a unit's title */
	STYLE_QUOTE	= 1u << 5,	/* text inside a blockquote */
	STYLE_ATTRIB	= 1u << 6,	/* a quote's attribution line */
	STYLE_REF	= 1u << 7,	/* a cross-reference (see run.ref) */
	STYLE_LINK	= 1u << 8,	/* an ordinary link (URL) */
	STYLE_RULE	= 1u << 9,	/* thematic break, quote bar */
	STYLE_MARKER	= 1u << 10,	/* list bullet or number */
	STYLE_CONTROL	= 1u << 11,	/* a placeholder for an unsafe character */
	STYLE_DIM	= 1u << 12,	/* metadata, context, URLs */
	STYLE_REFMARK	= 1u << 13,	/* "[n]" reference marker (dump) */
	STYLE_EXPLICIT	= 1u << 14,	/* with STYLE_REF: a link the author
					 * wrote, not a name found in text */
	STYLE_MARK	= 1u << 15	/* the words a snippet is about */
};

enum block_kind {
	BLOCK_PAGE,		/* the root */
	BLOCK_HEADING,		/* leaf: level, rule under it */
	BLOCK_PARAGRAPH,	/* leaf: filled text */
	BLOCK_CODE,		/* leaf: preformatted, lines kept */
	BLOCK_RULE,		/* leaf, no runs: a line across the width */
	BLOCK_QUOTE,		/* container: bars; quote, attribution */
	BLOCK_LIST,		/* container of BLOCK_ITEM */
	BLOCK_ITEM,		/* container: a marker before its first line */
	BLOCK_ROWS,		/* container of BLOCK_ROW: label, then value */
	BLOCK_ROW,		/* leaf: cells, apart by RUN_CELL runs */
	BLOCK_TABLE,		/* container of BLOCK_ROW: cells in columns */
	BLOCK_KIND__COUNT
};

/* The line a heading draws under itself, as wide as its text. */
enum rule_kind {
	RULE_NONE,
	RULE_SINGLE,		/* ─ */
	RULE_DOUBLE,		/* ═ */
	RULE_HEAVY		/* ━ */
};

enum run_kind {
	RUN_TEXT,
	RUN_BREAK,		/* a hard line break: "\n" in the leaf's text */
	RUN_CELL		/* the end of a row's cell: "\t" */
};

struct run {
	const char	*text;		/* raw UTF-8, not NUL-terminated */
	size_t		 len;		/* bytes */
	size_t		 at;		/* offset in its leaf's text */
	unsigned	 style;
	enum run_kind	 kind;
	struct ref_target ref;		/* REF_NONE for plain text */
	size_t		 mention;	/* the xref mention it is, or XREF_NONE */
	size_t		 quote;		/* the xref quote it stands in, or XREF_NONE */
	cmark_node	*node;		/* where it came from, or NULL */
	size_t		 off;		/* byte offset in node's literal */
};

struct block {
	enum block_kind	 kind;
	struct block	*parent, *first, *last, *next;

	/* Leaves: runs, and the leaf's ordinal in the page (0, 1, ...). */
	struct run	*runs;
	size_t		 nruns, runcap;
	size_t		 leaf;
	size_t		 textlen;	/* bytes of the leaf's text */

	bool		 gap;		/* a blank line before it */
	int		 src_line;	/* file line it starts on, 0 when none */
	/*
	 * Borrowed content (a quote on its expert's page, a mention's
	 * context on an actor's page): everything inside leads to `lead`,
	 * and no reference inside leads elsewhere.
	 */
	struct ref_target lead;
	/*
	 * Words of briefing's own, not the author's: a label ("Mentioned
	 * in"), a count, a unit's name standing for the unit. Shown, never
	 * searched.
	 */
	bool		 chrome;
	size_t		 quote;		/* BLOCK_QUOTE: the xref quote, or XREF_NONE */

	union {
		struct {		/* BLOCK_HEADING */
			int		level;	/* 0 for a page title */
			enum rule_kind	rule;
		} heading;
		struct {		/* BLOCK_PARAGRAPH */
			bool		attrib;	/* a quote's attribution: right-aligned */
		} para;
		struct {		/* BLOCK_LIST */
			bool		ordered, tight;
			char		delim;	/* '.' or ')' */
			int		start;
			size_t		depth;	/* among enclosing lists */
		} list;
		struct {		/* BLOCK_ITEM */
			const char	*marker;	/* NULL: from the list */
			unsigned	 style;		/* of a given marker */
		} item;
		struct {		/* BLOCK_TABLE */
			bool		head;	/* its first row names the columns */
		} table;
	} u;
};

struct page {
	struct unit_ref	 unit;
	struct block	*root;
	struct block	**leaves;	/* by ordinal */
	size_t		 nleaves;
	struct arena	*arena;
};

/* ---- building (composers and the cmark walk) ---------------------------- */

struct page *page_new(struct unit_ref);
void	 page_free(struct page *);	/* accepts NULL */

/* A new block, last child of parent (the root when parent is NULL). */
struct block *page_add_block(struct page *, struct block *parent,
	    enum block_kind);
/*
 * A run at the end of a leaf: text (borrowed when `copy` is false: it
 * must outlive the page) of len bytes, style bits, plain (no reference).
 * Returns the run, so the caller can set ref, mention and source.
 */
struct run *page_add_run(struct page *, struct block *leaf,
	    const char *text, size_t len, unsigned style, bool copy);
/* The same for a NUL-terminated string; NULL adds nothing. */
struct run *page_add_str(struct page *, struct block *leaf, const char *,
	    unsigned style);
struct run *page_add_break(struct page *, struct block *leaf);
/* End the current cell of a BLOCK_ROW; the next runs go in the next. */
struct run *page_add_cell(struct page *, struct block *row);
/* Number the leaves and set each run's offset in its leaf's text. */
void	 page_finish(struct page *);

/* ---- reading ------------------------------------------------------------ */

/* Is it a leaf (holding runs)? */
bool	 block_is_leaf(const struct block *);

enum page_event {
	PAGE_ENTER,
	PAGE_EXIT		/* containers only */
};
/*
 * Walk a subtree in document order without recursion (content can nest
 * tens of thousands deep): start with cur = NULL; each call gives the
 * next block and its event, NULL at the end. Leaves get PAGE_ENTER only.
 */
struct block *page_walk(const struct block *root, struct block *cur,
	    enum page_event *ev);

/* The leaf with that ordinal, or NULL. */
const struct block *page_leaf(const struct page *, size_t ordinal);
/*
 * A leaf's text into a new string: its runs put together, a hard break
 * as "\n". *len gets the length. Offsets in it are run.at + i.
 */
char	*page_leaf_text(const struct block *, size_t *len);
/* The run of a leaf that holds text offset `at` (the last one at its end). */
const struct run *page_run_at(const struct block *, size_t at);

#endif
