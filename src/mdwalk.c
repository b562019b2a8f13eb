/*
 * mdwalk: the cmark walk. Handlers per node type, in a table; a handler
 * gets the node on ENTER, and containers also on EXIT. Which names are
 * shown as references (compose.h, enum link_mode) is decided for the
 * whole unit before the walk, one pass over its mentions.
 */
#include "mdwalk.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"


/* A mention or quote of the unit, found by its node. */
struct bynode {
	cmark_node	*node;
	size_t		 start;		/* byte in the TEXT literal */
	size_t		 index;		/* into xref->mentions or ->quotes */
	bool		 shown;		/* a name shown as a reference */
};

/* An open link: where its text starts, and what it leads to. */
struct openlink {
	struct block	*leaf;
	size_t		 run;		/* first run of its text */
	bool		 ref;
};

struct mw {
	struct pb	*pb;
	struct block	*leaf;		/* the leaf being filled, or NULL */
	bool		 attrib;	/* it is an attribution */
	size_t		 nquotes;	/* block quotes around */
	size_t		 quote;		/* the xref quote around, or XREF_NONE */
	size_t		 nlists;	/* lists around */
	struct ref_target lead;

	struct bynode	*mentions;	/* the unit's, by node then start */
	size_t		 nmentions;
	struct bynode	*quotes;	/* the unit's, by node */
	size_t		 nquotes_of_unit;

	struct openlink	*links;
	size_t		 nlinks, linkcap;
};

/* ---- lookups ------------------------------------------------------------- */

static int
bynode_cmp(const void *pa, const void *pb)
{
	const struct bynode *a = pa, *b = pb;
	uintptr_t na = (uintptr_t)a->node, nb = (uintptr_t)b->node;

	if (na != nb)
		return na < nb ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return 0;
}

/* Actors, then experts, then sections: one number per target. */
static size_t
target_slot(const struct briefing *b, struct ref_target t)
{
	size_t n = b->nactors + b->nexperts + b->nsections;

	if (t.kind == REF_ACTOR)
		n = t.index;
	else if (t.kind == REF_EXPERT)
		n = b->nactors + t.index;
	else if (t.kind == REF_SECTION)
		n = b->nactors + b->nexperts + t.index;
	return n;
}

/*
 * LINKS_FIRST: a name is shown as a reference when it is the first of its
 * target in its paragraph or heading and no explicit link to that target
 * stands there. Mentions come in document order, a paragraph's together;
 * stamp[target] is the last paragraph (a generation) that took the
 * target, so each mention costs two array accesses.
 */
static void
links_first(struct mw *mw, const struct briefing *b, const struct mention *m,
    size_t n)
{
	size_t *stamp, i, j, k, gen = 0, t;

	stamp = xcalloc(b->nactors + b->nexperts + b->nsections + 1,
	    sizeof *stamp);
	for (i = 0; i < n; i = j) {
		gen++;
		for (j = i; j < n && (j == i ||
		    (m[j].block != NULL && m[j].block == m[i].block)); j++)
			if (m[j].explicit_link)
				stamp[target_slot(b, m[j].target)] = gen;
		for (k = i; k < j; k++) {
			if (m[k].explicit_link)
				continue;
			t = target_slot(b, m[k].target);
			mw->mentions[k].shown = stamp[t] != gen;
			stamp[t] = gen;
		}
	}
	free(stamp);
}

static void
mentions_build(struct mw *mw, const struct xref *x, struct unit_ref unit,
    enum link_mode links)
{
	const struct mention *m;
	size_t n, first, i;

	m = xref_unit_mentions(x, unit, &n);
	if (n == 0)
		return;
	first = xref_unit_first(x, unit);
	mw->mentions = xreallocarray(NULL, n, sizeof *mw->mentions);
	for (i = 0; i < n; i++) {
		mw->mentions[i].node = m[i].node;
		mw->mentions[i].start = m[i].start;
		mw->mentions[i].index = first + i;
		mw->mentions[i].shown = links != LINKS_EXPLICIT ||
		    m[i].explicit_link;
	}
	mw->nmentions = n;
	if (links == LINKS_FIRST)
		links_first(mw, x->briefing, m, n);
	qsort(mw->mentions, n, sizeof *mw->mentions, bynode_cmp);
}

/* The unit's quotes: a slice of xref->quotes, which are in slot order. */
static void
quotes_build(struct mw *mw, const struct xref *x, struct unit_ref unit)
{
	size_t lo = 0, hi = x->nquotes, mid, slot, n = 0;
	const struct briefing *b = x->briefing;

	slot = briefing_slot(b, unit);
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (briefing_slot(b, x->quotes[mid].unit) < slot)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (hi = lo; hi < x->nquotes &&
	    unit_equal(x->quotes[hi].unit, unit); hi++)
		n++;
	if (n == 0)
		return;
	mw->quotes = xreallocarray(NULL, n, sizeof *mw->quotes);
	for (mid = 0; mid < n; mid++) {
		mw->quotes[mid].node = x->quotes[lo + mid].node;
		mw->quotes[mid].start = 0;
		mw->quotes[mid].index = lo + mid;
	}
	mw->nquotes_of_unit = n;
	qsort(mw->quotes, n, sizeof *mw->quotes, bynode_cmp);
}

/* The first entry for node, or n when there is none. */
static size_t
bynode_find(const struct bynode *v, size_t n, cmark_node *node)
{
	size_t lo = 0, hi = n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((uintptr_t)v[mid].node < (uintptr_t)node)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && v[lo].node == node ? lo : n;
}

/* ---- blocks ----------------------------------------------------------------- */

static struct block *
mw_block(struct mw *mw, enum block_kind kind, cmark_node *node)
{
	struct block *b = pb_block(mw->pb, kind);

	if (mw->lead.kind != REF_NONE)
		b->lead = mw->lead;
	if (node != NULL)
		b->src_line = cmark_node_get_start_line(node);
	return b;
}

/* The leaf text goes into: inline nodes outside a block get one. */
static struct block *
mw_leaf(struct mw *mw)
{
	if (mw->leaf == NULL)
		mw->leaf = mw_block(mw, BLOCK_PARAGRAPH, NULL);
	return mw->leaf;
}

static struct run *
mw_text(struct mw *mw, cmark_node *node, const char *lit, size_t off,
    size_t len)
{
	struct run *r = pb_text(mw->pb, mw_leaf(mw), lit + off, len, false);

	if (r != NULL) {
		r->node = node;
		r->off = off;
	}
	return r;
}

static bool
is_attribution(cmark_node *text)
{
	const char *lit;

	if (text == NULL || cmark_node_get_type(text) != CMARK_NODE_TEXT)
		return false;
	lit = cmark_node_get_literal(text);
	return lit != NULL && model_is_attribution(lit, strlen(lit));
}

/* Blocks are followed by a blank line, except in tight list items. */
static bool
leaf_gap(cmark_node *node)
{
	cmark_node *parent = cmark_node_parent(node);

	return !(parent != NULL &&
	    cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
	    cmark_node_get_list_tight(cmark_node_parent(parent)));
}

static void
quote_enter(struct mw *mw, cmark_node *node)
{
	struct block *q = mw_block(mw, BLOCK_QUOTE, node);
	size_t k = bynode_find(mw->quotes, mw->nquotes_of_unit, node);

	if (k < mw->nquotes_of_unit)
		q->quote = mw->quotes[k].index;
	if (mw->nquotes == 0)
		mw->quote = q->quote;
	pb_enter(mw->pb, q);
	pb_push(mw->pb, STYLE_QUOTE);
	mw->nquotes++;
}

static void
quote_leave(struct mw *mw, cmark_node *node)
{
	(void)node;
	pb_pop(mw->pb);
	pb_leave(mw->pb);
	if (--mw->nquotes == 0)
		mw->quote = XREF_NONE;
	mw->pb->gap = true;
}

static void
list_enter(struct mw *mw, cmark_node *node)
{
	struct block *l = mw_block(mw, BLOCK_LIST, node);

	l->u.list.ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	l->u.list.tight = cmark_node_get_list_tight(node) != 0;
	l->u.list.delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ?
	    ')' : '.';
	l->u.list.start = cmark_node_get_list_start(node);
	l->u.list.depth = mw->nlists++;
	pb_enter(mw->pb, l);
}

static void
list_leave(struct mw *mw, cmark_node *node)
{
	(void)node;
	pb_leave(mw->pb);
	if (mw->nlists > 0)
		mw->nlists--;
	mw->pb->gap = true;
}

static void
item_enter(struct mw *mw, cmark_node *node)
{
	pb_enter(mw->pb, mw_block(mw, BLOCK_ITEM, node));
}

static void
item_leave(struct mw *mw, cmark_node *node)
{
	struct block *list = mw->pb->parent->parent;

	(void)node;
	pb_leave(mw->pb);
	if (list != NULL && list->kind == BLOCK_LIST && list->u.list.tight)
		mw->pb->gap = false;
}

/* Code and HTML blocks: one run, lines kept. */
static void
literal_block(struct mw *mw, cmark_node *node, unsigned style)
{
	const char *lit = cmark_node_get_literal(node);
	size_t len = lit != NULL ? strlen(lit) : 0;
	struct block *code;

	while (len > 0 && lit[len - 1] == '\n')
		len--;
	code = mw_block(mw, BLOCK_CODE, node);
	pb_push(mw->pb, style);
	mw->leaf = code;
	mw_text(mw, node, lit, 0, len);
	mw->leaf = NULL;
	pb_pop(mw->pb);
	mw->pb->gap = leaf_gap(node);
}

static void
code_block_enter(struct mw *mw, cmark_node *node)
{
	literal_block(mw, node, STYLE_CODE);
}

static void
html_block_enter(struct mw *mw, cmark_node *node)
{
	literal_block(mw, node, STYLE_DIM);
}

static void
paragraph_enter(struct mw *mw, cmark_node *node)
{
	mw->leaf = mw_block(mw, BLOCK_PARAGRAPH, node);
	mw->attrib = mw->nquotes > 0 &&
	    is_attribution(cmark_node_first_child(node));
	mw->leaf->u.para.attrib = mw->attrib;
}

static void
paragraph_leave(struct mw *mw, cmark_node *node)
{
	mw->leaf = NULL;
	mw->attrib = false;
	mw->pb->gap = leaf_gap(node);
}

static void
heading_enter(struct mw *mw, cmark_node *node)
{
	int level = cmark_node_get_heading_level(node);

	mw->leaf = mw_block(mw, BLOCK_HEADING, node);
	mw->leaf->u.heading.level = level;
	mw->leaf->u.heading.rule = level <= 2 ? RULE_DOUBLE :
	    level == 3 ? RULE_SINGLE : RULE_NONE;
	pb_push(mw->pb, STYLE_HEADING | STYLE_BOLD);
}

static void
heading_leave(struct mw *mw, cmark_node *node)
{
	(void)node;
	pb_pop(mw->pb);
	mw->leaf = NULL;
	mw->pb->gap = true;
}

static void
thematic_break_enter(struct mw *mw, cmark_node *node)
{
	mw_block(mw, BLOCK_RULE, node);
	mw->pb->gap = true;
}

/* ---- inlines ---------------------------------------------------------------- */

/*
 * The names the index found in a TEXT node: references when shown, else
 * plain runs that still say which mention they are.
 */
static void
text_enter(struct mw *mw, cmark_node *node)
{
	const struct xref *x = mw->pb->x;
	const char *lit = cmark_node_get_literal(node);
	const struct mention *m;
	struct run *r;
	size_t len, pos = 0, k, start, end;

	if (lit == NULL)
		return;
	len = strlen(lit);
	k = mw->pb->borrowed ? mw->nmentions :
	    bynode_find(mw->mentions, mw->nmentions, node);
	for (; k < mw->nmentions && mw->mentions[k].node == node; k++) {
		m = &x->mentions[mw->mentions[k].index];
		start = m->start;
		end = m->end < len ? m->end : len;
		if (m->explicit_link || start < pos || end <= start)
			continue;
		mw_text(mw, node, lit, pos, start - pos);
		pos = end;
		if (!mw->mentions[k].shown) {
			if ((r = mw_text(mw, node, lit, start, end - start)) !=
			    NULL)
				r->mention = mw->mentions[k].index;
			continue;
		}
		pb_push_ref(mw->pb, m->target, mw->mentions[k].index, 0);
		mw_text(mw, node, lit, start, end - start);
		pb_pop(mw->pb);
		pb_mark(mw->pb, mw_leaf(mw), m->target);
	}
	mw_text(mw, node, lit, pos, len - pos);
}

static void
softbreak_enter(struct mw *mw, cmark_node *node)
{
	struct block *prev;

	/* "> words\n> — Name": the attribution gets a paragraph of its own. */
	if (mw->nquotes > 0 && !mw->attrib && mw->leaf != NULL &&
	    is_attribution(cmark_node_next(node))) {
		prev = mw->leaf;
		mw->leaf = mw_block(mw, BLOCK_PARAGRAPH, NULL);
		mw->leaf->src_line = prev->src_line;
		mw->leaf->u.para.attrib = mw->attrib = true;
		return;
	}
	pb_text(mw->pb, mw_leaf(mw), " ", 1, false);
}

static void
linebreak_enter(struct mw *mw, cmark_node *node)
{
	(void)node;
	page_add_break(mw->pb->page, mw_leaf(mw));
}

static void
literal_inline(struct mw *mw, cmark_node *node, unsigned style)
{
	const char *lit = cmark_node_get_literal(node);

	if (lit == NULL)
		return;
	pb_push(mw->pb, style);
	mw_text(mw, node, lit, 0, strlen(lit));
	pb_pop(mw->pb);
}

static void
code_enter(struct mw *mw, cmark_node *node)
{
	literal_inline(mw, node, STYLE_CODE);
}

static void
html_inline_enter(struct mw *mw, cmark_node *node)
{
	literal_inline(mw, node, STYLE_DIM);
}

static void
emph_enter(struct mw *mw, cmark_node *node)
{
	(void)node;
	pb_push(mw->pb, STYLE_ITALIC);
}

static void
strong_enter(struct mw *mw, cmark_node *node)
{
	(void)node;
	pb_push(mw->pb, STYLE_BOLD);
}

static void
style_leave(struct mw *mw, cmark_node *node)
{
	(void)node;
	pb_pop(mw->pb);
}

static void
link_enter(struct mw *mw, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	struct openlink *ol;
	struct ref_target t;
	size_t k, mention = XREF_NONE;
	bool is_ref = false;

	ARRAY_RESERVE(mw->links, mw->linkcap, mw->nlinks + 1);
	ol = &mw->links[mw->nlinks++];
	ol->leaf = mw_leaf(mw);
	ol->run = ol->leaf->nruns;
	ol->ref = false;
	if (mw->pb->borrowed) {
		pb_push(mw->pb, 0);
		return;
	}
	/* What the index resolved, else what the URL names. */
	k = bynode_find(mw->mentions, mw->nmentions, node);
	if (k < mw->nmentions) {
		mention = mw->mentions[k].index;
		t = mw->pb->x->mentions[mention].target;
		is_ref = true;
	} else
		t = ref_parse(mw->pb->b, url, &is_ref);
	if (t.kind != REF_NONE) {
		ol->ref = true;
		pb_push_ref(mw->pb, t, mention, STYLE_EXPLICIT);
	} else if (is_ref)
		pb_push(mw->pb, 0);	/* a dangling reference: its text */
	else
		pb_push(mw->pb, STYLE_LINK);
}

/* Are the runs of a leaf from `run` on, put together, the string s? */
static bool
runs_say(const struct block *leaf, size_t run, const char *s)
{
	size_t i, at = 0, n = strlen(s);

	for (i = run; i < leaf->nruns; i++) {
		if (at + leaf->runs[i].len > n ||
		    memcmp(s + at, leaf->runs[i].text, leaf->runs[i].len) != 0)
			return false;
		at += leaf->runs[i].len;
	}
	return at == n;
}

/* Does the link's text already say its URL ("[a@b](mailto:a@b)" too)? */
static bool
link_says_url(const struct openlink *ol, const char *url)
{
	return runs_say(ol->leaf, ol->run, url) ||
	    (strncmp(url, "mailto:", 7) == 0 &&
	    runs_say(ol->leaf, ol->run, url + 7));
}

/*
 * "— Dr. Katz [2]": in a quote's attribution, the number of the quote's
 * expert after the link to them, in the link's style and reference.
 */
static void
attrib_number(struct mw *mw, cmark_node *link)
{
	const struct xref *x = mw->pb->x;
	struct ref_target t;
	size_t e;
	char num[32];
	int n;

	if (!mw->attrib || x == NULL || mw->quote >= x->nquotes)
		return;
	e = x->quotes[mw->quote].expert;
	t = mw->pb->cur.ref.kind != REF_NONE ? mw->pb->cur.ref :
	    ref_parse(mw->pb->b, cmark_node_get_url(link), NULL);
	if (t.kind != REF_EXPERT || t.index != e || e >= x->nexperts ||
	    x->experts[e].number == 0)
		return;
	n = snprintf(num, sizeof num, " [%zu]", x->experts[e].number);
	pb_text(mw->pb, mw_leaf(mw), num, (size_t)n, true);
}

static void
link_leave(struct mw *mw, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	struct openlink ol;
	struct block *leaf;
	bool is_ref;

	if (mw->nlinks == 0)
		return;
	ol = mw->links[--mw->nlinks];
	attrib_number(mw, node);
	if (ol.ref) {
		struct ref_target t = mw->pb->cur.ref;

		pb_pop(mw->pb);
		pb_mark(mw->pb, mw_leaf(mw), t);
		return;
	}
	pb_pop(mw->pb);
	ref_parse(NULL, url, &is_ref);
	if (mw->pb->borrowed || url == NULL || *url == '\0' || is_ref ||
	    link_says_url(&ol, url))
		return;
	leaf = mw_leaf(mw);
	pb_text(mw->pb, leaf, " ", 1, false);
	pb_push(mw->pb, STYLE_DIM);
	pb_text(mw->pb, leaf, "<", 1, false);
	pb_str(mw->pb, leaf, url);
	pb_text(mw->pb, leaf, ">", 1, false);
	pb_pop(mw->pb);
}

static void
image_enter(struct mw *mw, cmark_node *node)
{
	struct block *leaf = mw_leaf(mw);

	pb_styled(mw->pb, leaf, "[image: ", STYLE_DIM);
	if (cmark_node_first_child(node) == NULL)
		pb_styled(mw->pb, leaf, cmark_node_get_url(node), STYLE_DIM);
	pb_push(mw->pb, STYLE_ITALIC);
}

static void
image_leave(struct mw *mw, cmark_node *node)
{
	(void)node;
	pb_pop(mw->pb);
	pb_styled(mw->pb, mw_leaf(mw), "]", STYLE_DIM);
}

/* What each node type does on ENTER and EXIT; leaves only get ENTER. */
static const struct node_act {
	void	(*enter)(struct mw *, cmark_node *);
	void	(*leave)(struct mw *, cmark_node *);
} node_acts[CMARK_NODE_LAST_INLINE + 1] = {
	[CMARK_NODE_NONE] =		{ NULL, NULL },
	[CMARK_NODE_DOCUMENT] =		{ NULL, NULL },
	[CMARK_NODE_BLOCK_QUOTE] =	{ quote_enter, quote_leave },
	[CMARK_NODE_LIST] =		{ list_enter, list_leave },
	[CMARK_NODE_ITEM] =		{ item_enter, item_leave },
	[CMARK_NODE_CODE_BLOCK] =	{ code_block_enter, NULL },
	[CMARK_NODE_HTML_BLOCK] =	{ html_block_enter, NULL },
	[CMARK_NODE_CUSTOM_BLOCK] =	{ NULL, NULL },
	[CMARK_NODE_PARAGRAPH] =	{ paragraph_enter, paragraph_leave },
	[CMARK_NODE_HEADING] =		{ heading_enter, heading_leave },
	[CMARK_NODE_THEMATIC_BREAK] =	{ thematic_break_enter, NULL },
	[CMARK_NODE_TEXT] =		{ text_enter, NULL },
	[CMARK_NODE_SOFTBREAK] =	{ softbreak_enter, NULL },
	[CMARK_NODE_LINEBREAK] =	{ linebreak_enter, NULL },
	[CMARK_NODE_CODE] =		{ code_enter, NULL },
	[CMARK_NODE_HTML_INLINE] =	{ html_inline_enter, NULL },
	[CMARK_NODE_CUSTOM_INLINE] =	{ NULL, NULL },
	[CMARK_NODE_EMPH] =		{ emph_enter, style_leave },
	[CMARK_NODE_STRONG] =		{ strong_enter, style_leave },
	[CMARK_NODE_LINK] =		{ link_enter, link_leave },
	[CMARK_NODE_IMAGE] =		{ image_enter, image_leave },
};

void
mdwalk(struct pb *pb, cmark_node *root, struct unit_ref unit,
    struct ref_target lead)
{
	const struct node_act *act;
	struct block *parent = pb->parent;
	cmark_event_type ev;
	cmark_node *node;
	cmark_iter *it;
	struct mw mw;
	bool was_borrowed = pb->borrowed;
	struct pb_attr cur = pb->cur;
	size_t nsaved = pb->nsaved;
	int type;

	if (root == NULL)
		return;
	memset(&mw, 0, sizeof mw);
	mw.pb = pb;
	mw.lead = lead;
	mw.quote = XREF_NONE;
	pb->borrowed = was_borrowed || lead.kind != REF_NONE;
	if (pb->x != NULL && !pb->borrowed)
		mentions_build(&mw, pb->x, unit, pb->opts.links);
	if (pb->x != NULL)
		quotes_build(&mw, pb->x, unit);
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		util_work++;
		node = cmark_iter_get_node(it);
		type = cmark_node_get_type(node);
		if (type < 0 || (size_t)type >= NITEMS(node_acts))
			continue;
		act = &node_acts[type];
		if (ev == CMARK_EVENT_ENTER && act->enter != NULL)
			act->enter(&mw, node);
		else if (ev == CMARK_EVENT_EXIT && act->leave != NULL)
			act->leave(&mw, node);
	}
	cmark_iter_free(it);
	/* Whatever a malformed tree left open. */
	pb->parent = parent;
	pb->nsaved = nsaved;
	pb->cur = cur;
	pb->borrowed = was_borrowed;
	pb->gap = true;
	free(mw.mentions);
	free(mw.quotes);
	free(mw.links);
}
