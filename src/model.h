/*
 * model: a loaded briefing. The briefing owns everything below it: its
 * metadata, its sections, experts, actors and timeline, and the cmark tree
 * of every body. Each section is an independent unit with its own cmark
 * document, so a section can be laid out (and, later, parsed) alone.
 * Plain C; any module may include it. Strings are raw UTF-8 from the files
 * (possibly holding control characters): only layout makes text safe.
 */
#ifndef BRIEFING_MODEL_H
#define BRIEFING_MODEL_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

#define MODEL_NONE ((size_t)-1)

struct strlist {
	char	**v;
	size_t	  n;
	size_t	  cap;
};

void	 strlist_add(struct strlist *, const char *);
void	 strlist_free(struct strlist *);	/* accepts NULL */

enum actor_kind {
	ACTOR_STATE,
	ACTOR_GROUP,
	ACTOR_PERSON,
	ACTOR_ORGANISATION,
	ACTOR_PLACE,
	ACTOR_EVENT,
	ACTOR_KIND__COUNT
};

const char *actor_kind_name(enum actor_kind);
/* Returns false when the word is not a kind. */
bool	 actor_kind_parse(const char *, enum actor_kind *);

/*
 * A body of Markdown. cmark source positions are lines of the file itself
 * (the loader blanks the front matter instead of cutting it), so a node's
 * start line is the file line.
 */
struct body {
	cmark_node	*doc;		/* owned CMARK_NODE_DOCUMENT, never NULL */
	char		*file;		/* path for diagnostics, owned */
	bool		 autolink;	/* implicit mentions wanted */
};

/*
 * What a page shows: the title block, a section, the timeline, an expert,
 * an actor, or a view across the briefing (the list of experts). Each
 * unit has a slot, a number from 0 in one order: the title block, the
 * sections, the timeline, the experts, the actors, the views. The article
 * is the first briefing_article_parts() slots (title block, sections,
 * timeline), read one after another.
 */
enum unit_kind {
	UNIT_HEADER,	/* index 0: title, subtitle, date, source, tags */
	UNIT_SECTION,
	UNIT_TIMELINE,	/* index 0 */
	UNIT_EXPERT,
	UNIT_ACTOR,
	UNIT_EXPERT_LIST,	/* index 0, always there: no body */
	UNIT__COUNT
};

/* Names one unit of the briefing. */
struct unit_ref {
	enum unit_kind	kind;
	size_t		index;
};

struct section {
	char		*id;		/* GitHub-style slug, unique */
	char		*title;		/* heading text, plain */
	int		 level;		/* 1 overview, 2 for ##, 3 for ### */
	size_t		 parent;	/* enclosing level-2 section, or MODEL_NONE */
	int		 line;		/* file line of the heading (1 for overview) */
	struct body	 body;		/* blocks after the heading */
};

struct relation {
	char	*target;	/* actor id as written */
	char	*words;		/* "rival", "member of", ... */
	int	 line, col;
};

struct expert {
	char		*id;
	char		*name;
	char		*role;		/* may be NULL */
	char		*affiliation;	/* may be NULL */
	struct strlist	 aliases;
	int		 name_line;	/* file lines of the keys, 0 when absent */
	int		 aliases_line;
	struct body	 body;
};

struct actor {
	char		*id;
	char		*name;
	enum actor_kind	 kind;
	struct strlist	 aliases;
	int		 name_line;	/* file lines of the keys, 0 when absent */
	int		 aliases_line;
	struct relation	*related;
	size_t		 nrelated;
	struct body	 body;
};

struct source_info {
	char	*title, *publication, *author, *date, *url;	/* each may be NULL */
};

struct briefing {
	char		*path;		/* directory or file as opened */
	char		*slug;		/* directory or file name, no .md */
	char		*title;		/* never NULL */
	char		*subtitle;	/* may be NULL */
	char		*date;		/* ISO 8601 or NULL */
	struct strlist	 tags;
	struct source_info source;

	struct section	*sections;
	size_t		 nsections;
	/* Section indices sorted by id, set by the loader; NULL: scanned. */
	size_t		*section_order;
	struct expert	*experts;	/* sorted by id */
	size_t		 nexperts;
	struct actor	*actors;	/* sorted by id */
	size_t		 nactors;
	struct body	*timeline;	/* NULL when there is none */
	char		*timeline_title;
};

/*
 * The loader joins a paragraph's soft-broken lines into one TEXT node,
 * "\n" where each break was, and hangs on the node, as cmark user data, the
 * column where each joined line starts. This gives the file line and
 * column of byte `off` of such a node's literal (or of any TEXT node).
 */
struct text_lines {
	size_t	n;
	struct {
		size_t	off;	/* first byte of the line in the literal */
		int	col;	/* its file column */
	} v[];
};

void	 model_text_pos(cmark_node *text, size_t off, int *line, int *col);
/* Free the loader's user data in a tree, then the tree. */
void	 model_doc_free(cmark_node *);

struct briefing *briefing_new(void);
void	 briefing_free(struct briefing *);	/* accepts NULL */
void	 body_free(struct body *);

/* Index by id, or MODEL_NONE. */
size_t	 briefing_find_section(const struct briefing *, const char *id);
size_t	 briefing_find_expert(const struct briefing *, const char *id);
size_t	 briefing_find_actor(const struct briefing *, const char *id);

/* How many units of a kind the briefing has (the timeline: 0 or 1). */
size_t	 briefing_unit_count(const struct briefing *, enum unit_kind);
/* Number of slots: every unit of every kind. */
size_t	 briefing_nslots(const struct briefing *);
/* The slot of a unit, or MODEL_NONE when it does not exist. */
size_t	 briefing_slot(const struct briefing *, struct unit_ref);
/* The unit in a slot (slot < briefing_nslots). */
struct unit_ref briefing_slot_unit(const struct briefing *, size_t slot);
/* The article's parts: slots 0 to this, exclusive. */
size_t	 briefing_article_parts(const struct briefing *);
/* Same unit? */
bool	 unit_equal(struct unit_ref, struct unit_ref);

/* The body of a unit, or NULL when it has none or does not exist. */
const struct body *briefing_unit_body(const struct briefing *, struct unit_ref);
/*
 * The heading of a unit: the briefing's title, a section's title, the
 * timeline's, an expert's or actor's name, "Experts" for their list; ""
 * when it does not exist.
 */
const char *briefing_unit_title(const struct briefing *, struct unit_ref);

/*
 * Does text (after blanks) start a quote's attribution: an em dash, en
 * dash, horizontal bar or "--", as in "— Name"? One rule for the loader,
 * xref and layout. s may be NULL.
 */
bool	 model_is_attribution(const char *s, size_t len);

/* Is s a valid id: [a-z0-9-]+ */
bool	 model_valid_id(const char *);
/* GitHub-style heading slug, as a new string. */
char	*model_slug(const char *);

#endif
