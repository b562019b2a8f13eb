/*
 * The cross-reference index. One acmatch automaton holds every name and
 * alias (names first, so a name beats another entity's identical alias);
 * each unit's tree is walked once with cmark_iter and a handler per node
 * type. While a paragraph or heading is read its plain text is gathered,
 * whitespace collapsed, with where each mention stands in it, and when
 * it closes the snippets of the mentions found in it are cut from that
 * text (xref_snippet.c) into one arena; a quote's text is gathered raw. The entity
 * lists, the numbering and the per-unit ranges are derived from the
 * mentions and quotes once every unit has been walked.
 */
#include "xref.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "acmatch.h"
#include "util.h"
#include "xref_int.h"

/* Names and aliases longer than this many bytes are not looked for. */
#define XREF_MAX_FORM	256

/* Where a mention stands in its block's collapsed text. */
struct textrange {
	size_t	start, end;
};

/* An explicit link whose text is still being read. */
struct openlink {
	cmark_node	*node;
	size_t		 mention;
};

struct walk {
	const struct briefing	*b;
	struct xref		*x;
	struct diag_list	*dl;
	struct acmatch		*ac;
	struct acmatch_hits	 hits;		/* reused from text to text */

	/* Capacities of the arrays in x. */
	size_t			 capmentions;
	size_t			 capquotes;

	/* The unit being walked. */
	struct unit_ref		 unit;
	const struct body	*body;
	size_t			 self;		/* acmatch value of its entity */
	int			 in_link;	/* LINK and IMAGE depth */
	int			 in_emph;	/* EMPH and STRONG depth */
	bool			 in_heading;
	struct openlink		*links;
	size_t			 nlinks, caplinks;

	/* The quote being read, or the quote scanned and found to hold none. */
	cmark_node		*quote_node;
	size_t			 quote;
	struct buf		 quote_text;

	/* The paragraph or heading being read: its text, raw only in a
	 * quote. */
	cmark_node		*block;
	struct flat_text	 flat;
	struct buf		 text;
	size_t			 block_first;	/* its first mention */
	struct textrange	*spans;		/* parallel to x->mentions */
	size_t			 capspans;
	/* The block's mentions of each target so far (xref_target_slot). */
	size_t			*per_target;
	size_t			 nslots;
};

typedef void (*xref_handler)(struct walk *, cmark_node *);

static void	xref_enter_quote(struct walk *, cmark_node *);
static void	xref_exit_quote(struct walk *, cmark_node *);
static void	xref_enter_block(struct walk *, cmark_node *);
static void	xref_exit_block(struct walk *, cmark_node *);
static void	xref_text(struct walk *, cmark_node *);
static void	xref_code(struct walk *, cmark_node *);
static void	xref_softbreak(struct walk *, cmark_node *);
static void	xref_linebreak(struct walk *, cmark_node *);
static void	xref_enter_link(struct walk *, cmark_node *);
static void	xref_exit_link(struct walk *, cmark_node *);
static void	xref_enter_image(struct walk *, cmark_node *);
static void	xref_exit_image(struct walk *, cmark_node *);
static void	xref_enter_emph(struct walk *, cmark_node *);
static void	xref_exit_emph(struct walk *, cmark_node *);

/* What happens on entering and leaving each node type. */
static const struct {
	xref_handler	enter;
	xref_handler	exit;
} xref_acts[CMARK_NODE_LAST_INLINE + 1] = {
	{ NULL, NULL },					/* NONE */
	{ NULL, NULL },					/* DOCUMENT */
	{ xref_enter_quote, xref_exit_quote },		/* BLOCK_QUOTE */
	{ NULL, NULL },					/* LIST */
	{ NULL, NULL },					/* ITEM */
	{ NULL, NULL },					/* CODE_BLOCK */
	{ NULL, NULL },					/* HTML_BLOCK */
	{ NULL, NULL },					/* CUSTOM_BLOCK */
	{ xref_enter_block, xref_exit_block },		/* PARAGRAPH */
	{ xref_enter_block, xref_exit_block },		/* HEADING */
	{ NULL, NULL },					/* THEMATIC_BREAK */
	{ xref_text, NULL },				/* TEXT */
	{ xref_softbreak, NULL },			/* SOFTBREAK */
	{ xref_linebreak, NULL },			/* LINEBREAK */
	{ xref_code, NULL },				/* CODE */
	{ NULL, NULL },					/* HTML_INLINE */
	{ NULL, NULL },					/* CUSTOM_INLINE */
	{ xref_enter_emph, xref_exit_emph },		/* EMPH */
	{ xref_enter_emph, xref_exit_emph },		/* STRONG */
	{ xref_enter_link, xref_exit_link },		/* LINK */
	{ xref_enter_image, xref_exit_image },		/* IMAGE */
};

static const char *const xref_kind_words[] = {
	NULL,		/* REF_NONE */
	"actor",	/* REF_ACTOR */
	"expert",	/* REF_EXPERT */
	"section",	/* REF_SECTION */
	NULL,		/* REF_MENTION */
	NULL		/* REF_QUOTE */
};

static void
idlist_add(struct idlist *l, size_t v)
{
	ARRAY_RESERVE(l->v, l->cap, l->n + 1);
	l->v[l->n++] = v;
}

/* ---- references --------------------------------------------------------- */

const char *
ref_kind_name(enum ref_kind kind)
{
	if ((size_t)kind >= NITEMS(xref_kind_words))
		return NULL;
	return xref_kind_words[kind];
}

struct ref_target
ref_parse(const struct briefing *b, const char *url, bool *is_ref)
{
	static const enum ref_kind kinds[] = {
		REF_ACTOR, REF_EXPERT, REF_SECTION
	};
	struct ref_target t = { REF_NONE, 0 };
	const char *word, *id;
	size_t i, n, index = XREF_NONE;

	if (is_ref != NULL)
		*is_ref = false;
	if (url == NULL)
		return t;
	for (i = 0; i < NITEMS(kinds); i++) {
		word = xref_kind_words[kinds[i]];
		n = strlen(word);
		if (strncmp(url, word, n) == 0 && url[n] == ':')
			break;
	}
	if (i == NITEMS(kinds))
		return t;
	if (is_ref != NULL)
		*is_ref = true;
	id = url + n + 1;
	if (b != NULL) {
		if (kinds[i] == REF_ACTOR)
			index = briefing_find_actor(b, id);
		else if (kinds[i] == REF_EXPERT)
			index = briefing_find_expert(b, id);
		else
			index = briefing_find_section(b, id);
	}
	if (index != XREF_NONE) {
		t.kind = kinds[i];
		t.index = index;
	}
	return t;
}

bool
ref_unit(struct ref_target t, struct unit_ref *u)
{
	switch (t.kind) {
	case REF_ACTOR:
		u->kind = UNIT_ACTOR;
		break;
	case REF_EXPERT:
		u->kind = UNIT_EXPERT;
		break;
	case REF_SECTION:
		u->kind = UNIT_SECTION;
		break;
	default:
		return false;
	}
	u->index = t.index;
	return true;
}

/* Every name, then every alias; actor i has value i, expert i nactors + i. */
/*
 * Add one name or alias. Each pattern byte costs a trie node and an edge
 * (some 70 bytes, twice with the capitalised form), so a name of
 * megabytes in hostile front matter would cost gigabytes: forms longer
 * than any real name are left out, once said.
 */
static void
xref_add_form(struct acmatch *ac, const char *form, size_t value,
    const char *file, const char *kind, const char *id, bool *said,
    struct diag_list *dl)
{
	size_t len = strlen(form);

	if (len <= XREF_MAX_FORM) {
		acmatch_add(ac, form, len, value);
		return;
	}
	if (*said)
		return;
	*said = true;
	diag_add(dl, DIAG_WARNING, file, 1, 1, "%s '%s': a name or alias "
	    "longer than %d bytes is not looked for in the text", kind, id,
	    XREF_MAX_FORM);
}

static struct acmatch *
xref_automaton(const struct briefing *b, struct diag_list *dl)
{
	struct acmatch *ac = acmatch_new();
	const struct actor *a;
	const struct expert *e;
	bool *said;
	size_t i, j;

	/* Names first: a name beats another entity's identical alias. */
	said = xcalloc(b->nactors + b->nexperts + 1, sizeof *said);
	for (i = 0; i < b->nactors; i++) {
		a = &b->actors[i];
		if (a->name != NULL)
			xref_add_form(ac, a->name, i, a->body.file, "actor",
			    a->id, &said[i], dl);
	}
	for (i = 0; i < b->nexperts; i++) {
		e = &b->experts[i];
		if (e->name != NULL)
			xref_add_form(ac, e->name, b->nactors + i, e->body.file,
			    "expert", e->id, &said[b->nactors + i], dl);
	}
	for (i = 0; i < b->nactors; i++) {
		a = &b->actors[i];
		for (j = 0; j < a->aliases.n; j++)
			xref_add_form(ac, a->aliases.v[j], i, a->body.file,
			    "actor", a->id, &said[i], dl);
	}
	for (i = 0; i < b->nexperts; i++) {
		e = &b->experts[i];
		for (j = 0; j < e->aliases.n; j++)
			xref_add_form(ac, e->aliases.v[j], b->nactors + i,
			    e->body.file, "expert", e->id,
			    &said[b->nactors + i], dl);
	}
	free(said);
	acmatch_compile(ac);
	return ac;
}

/* ---- mentions and snippets ---------------------------------------------- */

/*
 * Past a cap (XREF_MAX_BLOCK_MENTIONS, XREF_MAX_MENTIONS) a mention is
 * counted, not stored: true when this one is.
 */
static bool
xref_over_cap(struct walk *w, int line)
{
	struct xref *x = w->x;

	if (x->nmentions < XREF_MAX_MENTIONS && (w->block == NULL ||
	    x->nmentions - w->block_first < XREF_MAX_BLOCK_MENTIONS))
		return false;
	if (x->dropped++ == 0) {
		x->dropped_unit = w->unit;
		x->dropped_line = line;
	}
	return true;
}

/* Store a mention; XREF_NONE when a cap drops it. */
static size_t
xref_add_mention(struct walk *w, enum ref_kind kind, size_t index,
    cmark_node *node, size_t start, size_t end, bool explicit_link,
    int line, int col)
{
	struct xref *x = w->x;
	struct mention *m;
	size_t i = x->nmentions;

	if (xref_over_cap(w, line))
		return XREF_NONE;

	ARRAY_RESERVE(x->mentions, w->capmentions, i + 1);
	ARRAY_RESERVE(w->spans, w->capspans, i + 1);
	m = &x->mentions[i];
	memset(m, 0, sizeof *m);
	m->target.kind = kind;
	m->target.index = index;
	m->unit = w->unit;
	m->node = node;
	m->start = start;
	m->end = end;
	m->explicit_link = explicit_link;
	m->line = line;
	m->col = col;
	m->quote = w->quote;
	m->block = w->block;
	w->spans[i].start = w->spans[i].end = w->flat.t.len;
	x->nmentions++;
	return i;
}

/* Actors, then experts, then sections; nslots when out of range. */
static size_t
xref_target_slot(const struct walk *w, struct ref_target t)
{
	size_t na = w->b->nactors, ne = w->b->nexperts, slot = w->nslots;

	if (t.kind == REF_ACTOR && t.index < na)
		slot = t.index;
	else if (t.kind == REF_EXPERT && t.index < ne)
		slot = na + t.index;
	else if (t.kind == REF_SECTION && t.index < w->b->nsections)
		slot = na + ne + t.index;
	return slot;
}

/*
 * The block closed: cut the snippets of the first mentions of each target
 * found in it from its text.
 */
static void
xref_block_snippets(struct walk *w)
{
	struct mention *m;
	size_t i, slot;

	for (i = w->block_first; i < w->x->nmentions; i++) {
		m = &w->x->mentions[i];
		slot = xref_target_slot(w, m->target);
		if (slot < w->nslots &&
		    ++w->per_target[slot] > XREF_SNIPPETS_PER_BLOCK)
			continue;
		m->snippet = flat_snippet(&w->flat, w->x->snippets,
		    w->spans[i].start, w->spans[i].end, &m->snippet_start,
		    &m->snippet_end);
	}
	for (i = w->block_first; i < w->x->nmentions; i++)
		if ((slot = xref_target_slot(w, w->x->mentions[i].target)) <
		    w->nslots)
			w->per_target[slot] = 0;
}

/* ---- node handlers ------------------------------------------------------ */

/* The first known expert: link in a block quote, or XREF_NONE. */
static size_t
xref_quote_expert(const struct walk *w, cmark_node *quote)
{
	cmark_iter *it = cmark_iter_new(quote);
	cmark_event_type ev;
	cmark_node *n;
	struct ref_target t;
	size_t e = XREF_NONE;

	while (e == XREF_NONE &&
	    (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_LINK)
			continue;
		t = ref_parse(w->b, cmark_node_get_url(n), NULL);
		if (t.kind == REF_EXPERT)
			e = t.index;
	}
	cmark_iter_free(it);
	return e;
}

static void
xref_enter_quote(struct walk *w, cmark_node *n)
{
	struct xref *x = w->x;
	struct quote *q;
	size_t e;

	/* Quotes nested in a quote (or in a scanned one) belong to it. */
	if (w->quote_node != NULL)
		return;
	w->quote_node = n;
	if ((e = xref_quote_expert(w, n)) == XREF_NONE)
		return;
	ARRAY_RESERVE(x->quotes, w->capquotes, x->nquotes + 1);
	q = &x->quotes[x->nquotes];
	memset(q, 0, sizeof *q);
	q->expert = e;
	q->unit = w->unit;
	q->node = n;
	q->line = cmark_node_get_start_line(n);
	w->quote = x->nquotes++;
	buf_reset(&w->quote_text);
}

static void
xref_exit_quote(struct walk *w, cmark_node *n)
{
	if (n != w->quote_node)
		return;
	if (w->quote != XREF_NONE) {
		buf_adds(&w->quote_text, "");
		w->x->quotes[w->quote].text = buf_release(&w->quote_text);
	}
	w->quote_node = NULL;
	w->quote = XREF_NONE;
}

static void
xref_enter_block(struct walk *w, cmark_node *n)
{
	w->block = n;
	w->in_heading = cmark_node_get_type(n) == CMARK_NODE_HEADING;
	w->block_first = w->x->nmentions;
	buf_reset(&w->text);
	flat_reset(&w->flat);
}

static void
xref_exit_block(struct walk *w, cmark_node *n)
{
	(void)n;
	w->in_heading = false;
	if (w->quote != XREF_NONE &&
	    !model_is_attribution(w->text.data, w->text.len)) {
		if (w->quote_text.len > 0)
			buf_adds(&w->quote_text, "\n\n");
		buf_add(&w->quote_text, w->text.data, w->text.len);
	}
	xref_block_snippets(w);
	w->block = NULL;
}

/*
 * Text of the block: collapsed for snippets; raw in a quote, for the
 * quote's text and to tell its attribution (the loader's "\n" of a joined
 * soft break a space).
 */
static void
xref_gather(struct walk *w, const char *s, size_t len, bool joined)
{
	size_t from = w->text.len, i;

	flat_add(&w->flat, s, len);
	if (w->quote == XREF_NONE)
		return;
	buf_add(&w->text, s, len);
	for (i = from; joined && i < w->text.len; i++)
		if (w->text.data[i] == '\n')
			w->text.data[i] = ' ';
}

static void
xref_text(struct walk *w, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);
	const struct acmatch_hit *h;
	size_t len, nhits = 0, i, m, v, at = 0;
	int line, hline, hcol;

	if (lit == NULL)
		return;
	len = strlen(lit);
	/* A name may wrap: acmatch reads the "\n" of a joined soft break
	 * as a space. */
	if (w->body->autolink && w->in_link == 0 && w->in_emph == 0 &&
	    !w->in_heading)
		nhits = acmatch_find(w->ac, lit, len, &w->hits);
	line = cmark_node_get_start_line(n);
	if (line == 0 && w->block != NULL)
		line = cmark_node_get_start_line(w->block);
	/* The text goes in up to each hit, so the hit's place is known. */
	for (i = 0; i < nhits; i++) {
		h = &w->hits.v[i];
		v = h->value;
		if (v == w->self)
			continue;
		xref_gather(w, lit + at, h->start - at, true);
		at = h->start;
		if (cmark_node_get_start_line(n) == 0) {
			hline = line;	/* the block's line, as above */
			hcol = 0;
		} else
			model_text_pos(n, h->start, &hline, &hcol);
		if ((m = xref_add_mention(w,
		    v < w->b->nactors ? REF_ACTOR : REF_EXPERT,
		    v < w->b->nactors ? v : v - w->b->nactors, n,
		    h->start, h->end, false, hline, hcol)) == XREF_NONE)
			continue;
		xref_gather(w, lit + at, h->end - at, true);
		at = h->end;
		w->spans[m].end = w->flat.t.len;
	}
	xref_gather(w, lit + at, len - at, true);
}

static void
xref_code(struct walk *w, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n);

	if (lit != NULL)
		xref_gather(w, lit, strlen(lit), false);
}

static void
xref_softbreak(struct walk *w, cmark_node *n)
{
	(void)n;
	xref_gather(w, " ", 1, false);
}

static void
xref_linebreak(struct walk *w, cmark_node *n)
{
	(void)n;
	xref_gather(w, "\n", 1, false);
}

static void
xref_enter_link(struct walk *w, cmark_node *n)
{
	const char *url = cmark_node_get_url(n);
	struct ref_target t;
	bool is_ref;
	size_t m;

	w->in_link++;
	t = ref_parse(w->b, url, &is_ref);
	if (!is_ref)
		return;
	if (t.kind == REF_NONE) {
		diag_add(w->dl, DIAG_ERROR, w->body->file,
		    cmark_node_get_start_line(n), cmark_node_get_start_column(n),
		    "unknown %.*s '%s'", (int)strcspn(url, ":"), url,
		    url + strcspn(url, ":") + 1);
		return;
	}
	if ((m = xref_add_mention(w, t.kind, t.index, n, 0, 0, true,
	    cmark_node_get_start_line(n), cmark_node_get_start_column(n))) ==
	    XREF_NONE)
		return;
	ARRAY_RESERVE(w->links, w->caplinks, w->nlinks + 1);
	w->links[w->nlinks].node = n;
	w->links[w->nlinks].mention = m;
	w->nlinks++;
}

static void
xref_exit_link(struct walk *w, cmark_node *n)
{
	w->in_link--;
	if (w->nlinks > 0 && w->links[w->nlinks - 1].node == n) {
		w->nlinks--;
		w->spans[w->links[w->nlinks].mention].end = w->flat.t.len;
	}
}

/* An image's alt text is not searched for names either. */
static void
xref_enter_image(struct walk *w, cmark_node *n)
{
	(void)n;
	w->in_link++;
}

static void
xref_exit_image(struct walk *w, cmark_node *n)
{
	(void)n;
	w->in_link--;
}

/* Emphasis is where titles of works stand: no names are sought there. */
static void
xref_enter_emph(struct walk *w, cmark_node *n)
{
	(void)n;
	w->in_emph++;
}

static void
xref_exit_emph(struct walk *w, cmark_node *n)
{
	(void)n;
	w->in_emph--;
}

/* ---- building ----------------------------------------------------------- */

static void
xref_walk_unit(struct walk *w, struct unit_ref u)
{
	const struct body *body = briefing_unit_body(w->b, u);
	xref_handler h;
	cmark_event_type ev;
	cmark_iter *it;
	cmark_node *n;
	int type;

	w->x->unit_first[briefing_slot(w->b, u)] = w->x->nmentions;
	if (body == NULL || body->doc == NULL)
		return;
	w->unit = u;
	w->body = body;
	w->self = u.kind == UNIT_ACTOR ? u.index :
	    u.kind == UNIT_EXPERT ? w->b->nactors + u.index : XREF_NONE;
	w->in_link = 0;
	w->in_emph = 0;
	w->in_heading = false;
	w->nlinks = 0;
	w->quote_node = NULL;
	w->quote = XREF_NONE;
	w->block = NULL;

	it = cmark_iter_new(body->doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		util_work++;
		n = cmark_iter_get_node(it);
		type = cmark_node_get_type(n);
		if (type < 0 || type > CMARK_NODE_LAST_INLINE)
			continue;
		h = ev == CMARK_EVENT_ENTER ? xref_acts[type].enter :
		    ev == CMARK_EVENT_EXIT ? xref_acts[type].exit : NULL;
		if (h != NULL)
			h(w, n);
	}
	cmark_iter_free(it);
}

/* Unknown ids among the actors' `related`. */
static void
xref_check_related(const struct briefing *b, struct diag_list *dl)
{
	const struct actor *a;
	size_t i, j;

	for (i = 0; i < b->nactors; i++) {
		a = &b->actors[i];
		for (j = 0; j < a->nrelated; j++)
			if (briefing_find_actor(b, a->related[j].target) ==
			    MODEL_NONE)
				diag_add(dl, DIAG_ERROR, a->body.file,
				    a->related[j].line, a->related[j].col,
				    "unknown actor '%s' in related",
				    a->related[j].target);
	}
}

/* Per-entity mention lists, backlinks, quotes and the experts' numbers. */
static void
xref_lists(struct xref *x)
{
	const struct mention *m;
	struct idlist *bl;
	const struct quote *q;
	struct xref_entity *e;
	size_t i;

	for (i = 0; i < x->nmentions; i++) {
		m = &x->mentions[i];
		if (m->target.kind == REF_ACTOR) {
			idlist_add(&x->actors[m->target.index].mentions, i);
			/* Actor units come in index order: sorted, once each. */
			bl = &x->actors[m->target.index].backlinks;
			if (m->unit.kind == UNIT_ACTOR &&
			    m->unit.index != m->target.index &&
			    (bl->n == 0 || bl->v[bl->n - 1] != m->unit.index))
				idlist_add(bl, m->unit.index);
		} else if (m->target.kind == REF_EXPERT)
			idlist_add(&x->experts[m->target.index].mentions, i);
	}
	for (i = 0; i < x->nquotes; i++) {
		q = &x->quotes[i];
		e = &x->experts[q->expert];
		idlist_add(&e->quotes, i);
		if (e->number == 0) {
			x->numbered[x->nnumbered++] = q->expert;
			e->number = x->nnumbered;
		}
	}
}

/* The index's arrays for b, nothing in them yet. */
static struct xref *
xref_alloc(const struct briefing *b)
{
	struct xref *x = xcalloc(1, sizeof *x);

	x->briefing = b;
	x->actors = xcalloc(b->nactors + 1, sizeof *x->actors);
	x->experts = xcalloc(b->nexperts + 1, sizeof *x->experts);
	x->nactors = b->nactors;
	x->nexperts = b->nexperts;
	x->unit_first = xcalloc(briefing_nslots(b) + 1, sizeof *x->unit_first);
	x->snippets = arena_new();
	x->numbered = xcalloc(b->nexperts + 1, sizeof *x->numbered);
	return x;
}

struct xref *
xref_empty(const struct briefing *b)
{
	return xref_alloc(b);
}

/* An index being built: the walk, and the next slot to walk. */
struct xref_job {
	struct walk	 w;
	size_t		 slot, nslots;
};

struct xref_job *
xref_begin(const struct briefing *b, struct diag_list *dl)
{
	struct xref_job *j = xcalloc(1, sizeof *j);
	struct walk *w = &j->w;

	w->b = b;
	w->x = xref_alloc(b);
	w->dl = dl;
	w->ac = xref_automaton(b, dl);
	w->quote = XREF_NONE;
	w->nslots = b->nactors + b->nexperts + b->nsections;
	w->per_target = xcalloc(w->nslots + 1, sizeof *w->per_target);
	buf_init(&w->text);
	buf_init(&w->quote_text);
	buf_init(&w->flat.t);
	w->flat.space = true;
	j->nslots = briefing_nslots(b);
	return j;
}

bool
xref_step(struct xref_job *j, size_t units)
{
	size_t n;

	for (n = 0; j->slot < j->nslots && (units == 0 || n < units); n++)
		xref_walk_unit(&j->w, briefing_slot_unit(j->w.b, j->slot++));
	return j->slot >= j->nslots;
}

void
xref_progress(const struct xref_job *j, size_t *done, size_t *total)
{
	*done = j->slot;
	*total = j->nslots;
}

/* The walk's own memory; the index stays. */
static void
job_free(struct xref_job *j)
{
	struct walk *w = &j->w;

	acmatch_free(w->ac);
	acmatch_hits_free(&w->hits);
	free(w->links);
	free(w->spans);
	buf_free(&w->flat.t);
	free(w->per_target);
	buf_free(&w->text);
	buf_free(&w->quote_text);
	free(j);
}

struct xref *
xref_end(struct xref_job *j)
{
	struct walk *w = &j->w;
	struct xref *x = w->x;

	xref_step(j, 0);
	x->unit_first[j->nslots] = x->nmentions;
	xref_check_related(w->b, w->dl);
	xref_lists(x);
	job_free(j);
	return x;
}

void
xref_abandon(struct xref_job *j)
{
	if (j == NULL)
		return;
	xref_free(j->w.x);
	job_free(j);
}

struct xref *
xref_build(const struct briefing *b, struct diag_list *dl)
{
	return xref_end(xref_begin(b, dl));
}

static void
xref_entities_free(struct xref_entity *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(v[i].mentions.v);
		free(v[i].quotes.v);
		free(v[i].backlinks.v);
	}
	free(v);
}

void
xref_free(struct xref *x)
{
	size_t i;

	if (x == NULL)
		return;
	free(x->mentions);
	arena_free(x->snippets);
	for (i = 0; i < x->nquotes; i++)
		free(x->quotes[i].text);
	free(x->quotes);
	xref_entities_free(x->actors, x->nactors);
	xref_entities_free(x->experts, x->nexperts);
	free(x->numbered);
	free(x->unit_first);
	free(x);
}

/*
 * A unit's mentions are the slice between its slot's start and the next
 * slot's: units were walked in slot order.
 */
const struct mention *
xref_unit_mentions(const struct xref *x, struct unit_ref u, size_t *n)
{
	size_t slot = briefing_slot(x->briefing, u);

	*n = 0;
	if (slot == XREF_NONE)
		return NULL;
	*n = x->unit_first[slot + 1] - x->unit_first[slot];
	return *n > 0 ? &x->mentions[x->unit_first[slot]] : NULL;
}

size_t
xref_unit_first(const struct xref *x, struct unit_ref u)
{
	size_t slot = briefing_slot(x->briefing, u);

	return slot == XREF_NONE ? XREF_NONE : x->unit_first[slot];
}
