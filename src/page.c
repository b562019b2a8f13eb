/*
 * page: blocks and runs in an arena, a walk without recursion, and the
 * text of a leaf.
 */
#include "page.h"

#include <string.h>
#include <stdlib.h>

#include "util.h"

struct page *
page_new(struct unit_ref unit)
{
	struct page *p = xcalloc(1, sizeof *p);

	p->unit = unit;
	p->arena = arena_new();
	p->root = arena_alloc(p->arena, sizeof *p->root);
	p->root->kind = BLOCK_PAGE;
	p->root->quote = XREF_NONE;
	p->root->lead.kind = REF_NONE;
	return p;
}

void
page_free(struct page *p)
{
	if (p == NULL)
		return;
	arena_free(p->arena);
	free(p);
}

struct block *
page_add_block(struct page *p, struct block *parent, enum block_kind kind)
{
	struct block *b = arena_alloc(p->arena, sizeof *b);

	if (parent == NULL)
		parent = p->root;
	b->kind = kind;
	b->parent = parent;
	b->quote = parent->quote;
	b->lead = parent->lead;
	if (parent->last != NULL)
		parent->last->next = b;
	else
		parent->first = b;
	parent->last = b;
	return b;
}

struct run *
page_add_run(struct page *p, struct block *leaf, const char *text,
    size_t len, unsigned style, bool copy)
{
	struct run *r;
	void *v = leaf->runs;

	arena_reserve(p->arena, &v, &leaf->runcap, leaf->nruns + 1,
	    sizeof *leaf->runs);
	leaf->runs = v;
	util_work++;
	r = &leaf->runs[leaf->nruns++];
	memset(r, 0, sizeof *r);
	r->text = copy && len > 0 ? arena_strndup(p->arena, text, len) : text;
	r->len = len;
	r->style = style;
	r->kind = RUN_TEXT;
	r->ref.kind = REF_NONE;
	r->mention = XREF_NONE;
	r->quote = leaf->quote;
	return r;
}

struct run *
page_add_str(struct page *p, struct block *leaf, const char *s,
    unsigned style)
{
	if (s == NULL)
		return NULL;
	return page_add_run(p, leaf, s, strlen(s), style, true);
}

struct run *
page_add_break(struct page *p, struct block *leaf)
{
	struct run *r = page_add_run(p, leaf, "\n", 1, 0, false);

	r->kind = RUN_BREAK;
	return r;
}

struct run *
page_add_cell(struct page *p, struct block *row)
{
	struct run *r = page_add_run(p, row, "\t", 1, 0, false);

	r->kind = RUN_CELL;
	return r;
}

bool
block_is_leaf(const struct block *b)
{
	switch (b->kind) {
	case BLOCK_HEADING:
	case BLOCK_PARAGRAPH:
	case BLOCK_CODE:
	case BLOCK_RULE:
	case BLOCK_ROW:
		return true;
	default:
		return false;
	}
}

struct block *
page_walk(const struct block *root, struct block *cur, enum page_event *ev)
{
	if (cur == NULL) {
		*ev = PAGE_ENTER;
		return (struct block *)root;
	}
	/* Into the first child of a container just entered. */
	if (*ev == PAGE_ENTER && !block_is_leaf(cur) && cur->first != NULL) {
		*ev = PAGE_ENTER;
		return cur->first;
	}
	/* A container entered with no children is left at once. */
	if (*ev == PAGE_ENTER && !block_is_leaf(cur)) {
		*ev = PAGE_EXIT;
		return cur;
	}
	if (cur == root)
		return NULL;
	if (cur->next != NULL) {
		*ev = PAGE_ENTER;
		return cur->next;
	}
	*ev = PAGE_EXIT;
	return cur->parent;
}

void
page_finish(struct page *p)
{
	struct block *b = NULL;
	enum page_event ev;
	size_t i, at, n = 0, cap = 0;
	void *v = NULL;

	while ((b = page_walk(p->root, b, &ev)) != NULL) {
		if (ev != PAGE_ENTER || !block_is_leaf(b))
			continue;
		arena_reserve(p->arena, &v, &cap, n + 1, sizeof *p->leaves);
		p->leaves = v;
		b->leaf = n;
		p->leaves[n++] = b;
		for (i = 0, at = 0; i < b->nruns; i++) {
			b->runs[i].at = at;
			at += b->runs[i].len;
		}
		b->textlen = at;
	}
	p->nleaves = n;
}

const struct block *
page_leaf(const struct page *p, size_t ordinal)
{
	return ordinal < p->nleaves ? p->leaves[ordinal] : NULL;
}

char *
page_leaf_text(const struct block *b, size_t *len)
{
	char *s = xmalloc(b->textlen + 1);
	size_t i;

	for (i = 0; i < b->nruns; i++)
		memcpy(s + b->runs[i].at, b->runs[i].text, b->runs[i].len);
	s[b->textlen] = '\0';
	if (len != NULL)
		*len = b->textlen;
	return s;
}

const struct run *
page_run_at(const struct block *b, size_t at)
{
	size_t lo = 0, hi = b->nruns, mid;

	if (b->nruns == 0)
		return NULL;
	/* The last run that starts at or before `at`. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (b->runs[mid].at <= at)
			lo = mid;
		else
			hi = mid;
	}
	return &b->runs[lo];
}
