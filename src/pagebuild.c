/*
 * pagebuild: the state shared by the cmark walk and the composers. The
 * gap rule is the one a reader of Markdown expects: a block is followed
 * by a blank line unless it sits in a tight list; composers say where
 * they want none.
 */
#include "pagebuild.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "util.h"

#define ITEM_BULLET	"\xe2\x80\xa2 "	/* • */
#define MIDDOT		"\xc2\xb7"

void
pb_init(struct pb *pb, struct page *page, const struct briefing *b,
    const struct xref *x, const struct compose_opts *opts)
{
	memset(pb, 0, sizeof *pb);
	pb->page = page;
	pb->b = b;
	pb->x = b != NULL ? x : NULL;
	if (opts != NULL)
		pb->opts = *opts;
	pb->parent = page->root;
	pb->cur.ref.kind = REF_NONE;
	pb->cur.mention = XREF_NONE;
}

void
pb_finish(struct pb *pb)
{
	free(pb->saved);
	free(pb->marks);
	free(pb->marked);
}

struct block *
pb_block(struct pb *pb, enum block_kind kind)
{
	struct block *blk = page_add_block(pb->page, pb->parent, kind);

	blk->gap = pb->gap;
	pb->gap = false;
	return blk;
}

void
pb_enter(struct pb *pb, struct block *container)
{
	pb->parent = container;
}

void
pb_leave(struct pb *pb)
{
	if (pb->parent->parent != NULL)
		pb->parent = pb->parent->parent;
}

void
pb_push(struct pb *pb, unsigned style)
{
	ARRAY_RESERVE(pb->saved, pb->savedcap, pb->nsaved + 1);
	pb->saved[pb->nsaved++] = pb->cur;
	pb->cur.style |= style;
}

void
pb_push_ref(struct pb *pb, struct ref_target t, size_t mention,
    unsigned style)
{
	pb_push(pb, STYLE_REF | style);
	pb->cur.ref = t;
	pb->cur.mention = mention;
}

void
pb_pop(struct pb *pb)
{
	if (pb->nsaved > 0)
		pb->cur = pb->saved[--pb->nsaved];
}

struct run *
pb_text(struct pb *pb, struct block *leaf, const char *s, size_t len,
    bool copy)
{
	struct run *r;

	if (s == NULL || len == 0)
		return NULL;
	r = page_add_run(pb->page, leaf, s, len, pb->cur.style, copy);
	r->ref = pb->cur.ref;
	r->mention = pb->cur.mention;
	return r;
}

struct run *
pb_str(struct pb *pb, struct block *leaf, const char *s)
{
	return s != NULL ? pb_text(pb, leaf, s, strlen(s), true) : NULL;
}

struct run *
pb_styled(struct pb *pb, struct block *leaf, const char *s, unsigned style)
{
	struct run *r;

	pb_push(pb, style);
	r = pb_str(pb, leaf, s);
	pb_pop(pb);
	return r;
}

const char *
pb_target_name(const struct pb *pb, struct ref_target t)
{
	struct unit_ref u;

	if (pb->b == NULL || !ref_unit(t, &u) ||
	    u.index >= briefing_unit_count(pb->b, u.kind))
		return NULL;
	return briefing_unit_title(pb->b, u);
}

/* ---- reference marks ----------------------------------------------------- */

static size_t
mark_hash(struct ref_target t)
{
	uint64_t h = (uint64_t)t.index * 0x9E3779B97F4A7C15ull + (unsigned)t.kind;

	return (size_t)(h ^ (h >> 29));
}

/* The slot of t in the hash: its own, or the empty one it would take. */
static struct pb_mark *
mark_slot(struct pb *pb, struct ref_target t)
{
	size_t i = mark_hash(t) & (pb->markcap - 1);

	while (pb->marks[i].number != 0 &&
	    (pb->marks[i].target.kind != t.kind ||
	    pb->marks[i].target.index != t.index)) {
		i = (i + 1) & (pb->markcap - 1);
		util_work++;
	}
	return &pb->marks[i];
}

/* Grow the hash to keep it at most half full. */
static void
mark_grow(struct pb *pb)
{
	struct pb_mark *old = pb->marks;
	size_t oldcap = pb->markcap, i;

	if (pb->markcap != 0 && (pb->nmarked + 1) * 2 <= pb->markcap)
		return;
	pb->markcap = pb->markcap != 0 ? pb->markcap * 2 : 64;
	pb->marks = xcalloc(pb->markcap, sizeof *pb->marks);
	for (i = 0; i < oldcap; i++)
		if (old[i].number != 0)
			*mark_slot(pb, old[i].target) = old[i];
	free(old);
}

void
pb_mark(struct pb *pb, struct block *leaf, struct ref_target t)
{
	struct pb_mark *m;
	char num[32];
	int n;

	if (!pb->opts.mark_refs || pb->borrowed ||
	    t.kind < REF_ACTOR || t.kind > REF_SECTION)
		return;
	mark_grow(pb);
	m = mark_slot(pb, t);
	if (m->number == 0) {
		ARRAY_RESERVE(pb->marked, pb->markedcap, pb->nmarked + 1);
		pb->marked[pb->nmarked++] = t;
		m->target = t;
		m->number = pb->nmarked;
	}
	n = snprintf(num, sizeof num, "[%zu]", m->number);
	page_add_run(pb->page, leaf, num, (size_t)n, STYLE_REFMARK, true);
}

void
pb_ref(struct pb *pb, struct block *leaf, struct ref_target t)
{
	pb_push_ref(pb, t, XREF_NONE, STYLE_EXPLICIT);
	pb_str(pb, leaf, pb_target_name(pb, t));
	pb_pop(pb);
	pb_mark(pb, leaf, t);
}

/* ---- common blocks -------------------------------------------------------- */

struct block *
pb_title(struct pb *pb, const char *text, unsigned style,
    enum rule_kind rule, int src_line)
{
	struct block *h = pb_block(pb, BLOCK_HEADING);

	h->src_line = src_line;
	h->u.heading.rule = rule;
	pb_styled(pb, h, text, style);
	pb->gap = true;
	return h;
}

struct block *
pb_label(struct pb *pb, const char *text)
{
	struct block *h = pb_title(pb, text, STYLE_HEADING | STYLE_BOLD,
	    RULE_SINGLE, 0);

	h->chrome = true;
	return h;
}

struct block *
pb_line(struct pb *pb, const char *text, unsigned style)
{
	struct block *p = pb_block(pb, BLOCK_PARAGRAPH);

	pb_styled(pb, p, text, style);
	return p;
}

struct block *
pb_item(struct pb *pb, struct block **itemp)
{
	struct block *item = pb_block(pb, BLOCK_ITEM), *p;

	item->u.item.marker = ITEM_BULLET;
	item->u.item.style = STYLE_MARKER;
	pb_enter(pb, item);
	p = pb_block(pb, BLOCK_PARAGRAPH);
	pb_leave(pb);
	if (itemp != NULL)
		*itemp = item;
	return p;
}

void
pb_references(struct pb *pb)
{
	struct block *item, *p;
	char num[32];
	size_t i;

	if (!pb->opts.mark_refs || pb->nmarked == 0)
		return;
	pb->gap = true;
	pb_label(pb, "References");
	for (i = 0; i < pb->nmarked; i++) {
		item = pb_block(pb, BLOCK_ITEM);
		snprintf(num, sizeof num, "[%zu] ", i + 1);
		item->u.item.marker = arena_strndup(pb->page->arena, num,
		    strlen(num));
		item->u.item.style = STYLE_REFMARK;
		pb_enter(pb, item);
		p = pb_block(pb, BLOCK_PARAGRAPH);
		pb_styled(pb, p, ref_kind_name(pb->marked[i].kind), STYLE_DIM);
		pb_styled(pb, p, ":", STYLE_DIM);
		pb_str(pb, p, " ");
		pb_str(pb, p, pb_target_name(pb, pb->marked[i]));
		pb_leave(pb);
	}
}

void
pb_unit_name(struct pb *pb, struct block *leaf, struct unit_ref u)
{
	const char *title = briefing_unit_title(pb->b, u);

	if (u.kind == UNIT_EXPERT || u.kind == UNIT_ACTOR)
		pb_str(pb, leaf, "the profile of ");
	pb_str(pb, leaf, *title != '\0' ? title : "?");
}

int
pb_key_cmp(const void *pa, const void *pb)
{
	const struct pb_key *a = pa, *b = pb;
	int c = strcmp(a->s, b->s);

	if (c != 0)
		return c;
	return a->i < b->i ? -1 : a->i > b->i;
}

/*
 * Which aliases to list: not one that folds (fold.h: case and accents) to
 * an earlier one, "Kremlin" after "kremlin". Sorted, not compared pairwise:
 * front matter may give thousands.
 */
static bool *
aliases_shown(const struct strlist *aliases)
{
	struct pb_key *keys;
	char **folded;
	bool *shown;
	size_t i, n = aliases->n;

	shown = xcalloc(n + 1, sizeof *shown);
	keys = xcalloc(n + 1, sizeof *keys);
	folded = xcalloc(n + 1, sizeof *folded);
	for (i = 0; i < n; i++) {
		folded[i] = fold(aliases->v[i], strlen(aliases->v[i]), NULL);
		keys[i].s = folded[i];
		keys[i].i = i;
	}
	qsort(keys, n, sizeof *keys, pb_key_cmp);
	for (i = 0; i < n; i++)
		shown[keys[i].i] = i == 0 ||
		    strcmp(keys[i - 1].s, keys[i].s) != 0;
	for (i = 0; i < n; i++)
		free(folded[i]);
	free(folded);
	free(keys);
	return shown;
}

/* "kind · also known as a, b", after a lead when there is one. */
void
pb_aliases(struct pb *pb, const struct strlist *aliases, const char *lead)
{
	struct block *p;
	bool *shown, any = false;
	size_t i;

	if (aliases->n == 0 && lead == NULL)
		return;
	shown = aliases_shown(aliases);
	p = pb_block(pb, BLOCK_PARAGRAPH);
	pb_push(pb, STYLE_DIM);
	pb_str(pb, p, lead);
	if (aliases->n > 0) {
		if (lead != NULL)
			pb_str(pb, p, " " MIDDOT " ");
		pb_str(pb, p, "also known as ");
	}
	for (i = 0; i < aliases->n; i++) {
		if (!shown[i])
			continue;
		if (any)
			pb_str(pb, p, ", ");
		pb_str(pb, p, aliases->v[i]);
		any = true;
	}
	pb_pop(pb);
	free(shown);
}
