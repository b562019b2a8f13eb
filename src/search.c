/*
 * search: each leaf's text folded with a map back to its bytes, the
 * folded pattern found in it left to right, matches never overlapping.
 */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "util.h"
#include "xref.h"

/* Matches of one leaf, found: a small growable list. */
struct found {
	struct match	*v;
	size_t		 n, cap;
};

void
search_init(struct search *s)
{
	memset(s, 0, sizeof *s);
}

void
search_free(struct search *s)
{
	free(s->pattern);
	free(s->needle);
	free(s->v);
	free(s->order);
	free(s->rank);
	memset(s, 0, sizeof *s);
}

/*
 * Reading order: slot order but for the experts, who come by number
 * (xref.h) and then, never quoted, by index.
 */
static void
order_slots(struct search *s, struct lcache *c)
{
	const struct briefing *b = lcache_briefing(c);
	const struct xref *x = lcache_xref(c);
	struct unit_ref e = { UNIT_EXPERT, 0 };
	size_t n = lcache_slots(c), first, i, k = 0;

	s->order = xreallocarray(s->order, n, sizeof *s->order);
	s->rank = xreallocarray(s->rank, n, sizeof *s->rank);
	s->nslots = n;
	for (i = 0; i < n; i++)
		s->order[i] = i;
	first = briefing_slot(b, e);
	if (first != MODEL_NONE && x != NULL) {
		for (i = 0; i < x->nnumbered; i++)
			if (x->numbered[i] < b->nexperts)
				s->order[first + k++] = first + x->numbered[i];
		for (i = 0; i < b->nexperts && i < x->nexperts; i++)
			if (x->experts[i].number == 0)
				s->order[first + k++] = first + i;
		/* An index out of step with the briefing: slot order. */
		for (i = 0; k != b->nexperts && i < b->nexperts; i++)
			s->order[first + i] = first + i;
	}
	for (i = 0; i < n; i++)
		s->rank[s->order[i]] = i;
}

void
search_start(struct search *s, struct lcache *c, const char *pattern,
    size_t end)
{
	free(s->pattern);
	free(s->needle);
	s->pattern = xstrdup(pattern);
	s->needle = fold(pattern, strlen(pattern), NULL);
	s->nlen = strlen(s->needle);
	order_slots(s, c);
	s->end = end < s->nslots ? end : s->nslots;
	s->article = briefing_article_parts(lcache_briefing(c));
	s->n = s->counted = s->narticle = 0;
	s->on = s->has_cur = false;
}

/* Is anything of the slot searched (not the list of experts)? */
static const struct page *
slot_page(struct lcache *c, size_t slot)
{
	const struct briefing *b = lcache_briefing(c);

	if (briefing_slot_unit(b, slot).kind == UNIT_EXPERT_LIST)
		return NULL;
	return lcache_page(c, slot);
}

/* The matches of the needle in one leaf, into *f. */
static void
leaf_matches(struct search *s, const struct block *leaf, size_t slot,
    struct found *f)
{
	struct match *m;
	size_t *map, flen, len;
	char *text, *folded, *at;

	f->n = 0;
	s->work++;
	if (s->nlen == 0 || leaf->textlen == 0 || leaf->lead.kind != REF_NONE ||
	    leaf->chrome)
		return;
	text = page_leaf_text(leaf, &len);
	util_work += len;
	folded = fold(text, len, &map);
	flen = strlen(folded);
	for (at = strstr(folded, s->needle); at != NULL;
	    at = strstr(at + s->nlen, s->needle)) {
		ARRAY_RESERVE(f->v, f->cap, f->n + 1);
		m = &f->v[f->n++];
		m->slot = slot;
		m->leaf = leaf->leaf;
		fold_unmap(map, flen, (size_t)(at - folded),
		    (size_t)(at - folded) + s->nlen, &m->start, &m->end);
	}
	free(text);
	free(folded);
	free(map);
}

/* The first (dir > 0) or last (dir < 0) of f's matches past byte at. */
static bool
pick(const struct found *f, size_t at, int dir, bool inclusive,
    bool whole, struct match *m)
{
	size_t i;

	for (i = 0; dir > 0 && i < f->n; i++) {
		if (whole || f->v[i].start > at ||
		    (inclusive && f->v[i].start == at)) {
			*m = f->v[i];
			return true;
		}
	}
	for (i = f->n; dir < 0 && i > 0; i--) {
		if (whole || f->v[i - 1].start < at) {
			*m = f->v[i - 1];
			return true;
		}
	}
	return false;
}

bool
search_find(struct search *s, struct lcache *c, size_t slot, size_t leaf,
    size_t at, int dir, bool inclusive, struct match *m,
    search_stop_fn *stop, void *ctx, bool *stopped)
{
	const struct page *page;
	struct found f = { NULL, 0, 0 };
	bool whole = false, hit = false, made, fresh = false;
	size_t rank = slot < s->nslots ? s->rank[slot] : s->end;

	*stopped = false;
	while (!hit && rank < s->end) {
		slot = s->order[rank];
		made = fresh || !lcache_has_page(c, slot);
		if ((page = slot_page(c, slot)) != NULL) {
			while (!hit && leaf < page->nleaves) {
				if (stop != NULL && stop(ctx)) {
					*stopped = true;
					free(f.v);
					return false;
				}
				leaf_matches(s, page->leaves[leaf], slot, &f);
				hit = pick(&f, at, dir, inclusive, whole, m);
				whole = true;
				if (dir > 0)
					leaf++;
				else if (leaf-- == 0)
					break;
			}
		}
		whole = true;
		if (hit)
			break;
		/* Read and left: a page made for this search goes. */
		if (made)
			lcache_release(c, slot);
		if (dir > 0) {
			rank++;
			leaf = 0;
		} else {
			if (rank-- == 0)
				break;
			fresh = !lcache_has_page(c, s->order[rank]);
			page = slot_page(c, s->order[rank]);
			leaf = page != NULL && page->nleaves > 0 ?
			    page->nleaves - 1 : 0;
		}
	}
	free(f.v);
	return hit;
}

bool
search_count(struct search *s, struct lcache *c, size_t leaves,
    search_stop_fn *stop, void *ctx)
{
	const struct page *page;
	struct found f = { NULL, 0, 0 };
	size_t i, read = 0, slot;
	bool made;

	while (s->counted < s->end && (leaves == 0 || read < leaves)) {
		if (stop != NULL && stop(ctx))
			break;
		slot = s->order[s->counted];
		made = !lcache_has_page(c, slot);
		if ((page = slot_page(c, slot)) != NULL) {
			for (i = 0; i < page->nleaves; i++) {
				leaf_matches(s, page->leaves[i], slot, &f);
				if (f.n == 0)
					continue;
				ARRAY_RESERVE(s->v, s->cap, s->n + f.n);
				memcpy(s->v + s->n, f.v, f.n * sizeof *f.v);
				s->n += f.n;
			}
			read += page->nleaves;
			if (made)
				lcache_release(c, slot);
		}
		if (++s->counted <= s->article)
			s->narticle = s->n;
	}
	free(f.v);
	return search_counted(s);
}

bool
search_counted(const struct search *s)
{
	return s->counted >= s->end;
}

bool
search_slot_counted(const struct search *s, size_t slot)
{
	return slot < s->nslots && s->rank[slot] < s->counted;
}

size_t
search_end_slot(const struct search *s, int dir)
{
	if (s->end == 0)
		return 0;
	return s->order[dir > 0 ? 0 : s->end - 1];
}

size_t
search_run(struct search *s, struct lcache *c, const char *pattern,
    size_t end)
{
	search_start(s, c, pattern, end);
	search_count(s, c, 0, NULL, NULL);
	return s->n;
}

static int
match_cmp_key(const struct search *s, const struct match *m, size_t slot,
    size_t leaf)
{
	if (m->slot != slot)
		return s->rank[m->slot] < s->rank[slot] ? -1 : 1;
	if (m->leaf != leaf)
		return m->leaf < leaf ? -1 : 1;
	return 0;
}

size_t
search_at_or_after(const struct search *s, size_t slot, size_t leaf)
{
	size_t lo = 0, hi = s->n, mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (match_cmp_key(s, &s->v[mid], slot, leaf) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

bool
match_equal(const struct match *a, const struct match *b)
{
	return a->slot == b->slot && a->leaf == b->leaf &&
	    a->start == b->start;
}

size_t
search_index(const struct search *s, const struct match *m)
{
	size_t i = search_at_or_after(s, m->slot, m->leaf);

	for (; i < s->n && match_cmp_key(s, &s->v[i], m->slot, m->leaf) == 0;
	    i++)
		if (s->v[i].start == m->start)
			return i;
	return s->n;
}

const struct match *
search_leaf(const struct search *s, size_t slot, size_t leaf, size_t *n)
{
	size_t lo = search_at_or_after(s, slot, leaf), hi;

	for (hi = lo; hi < s->n && match_cmp_key(s, &s->v[hi], slot, leaf) == 0;
	    hi++)
		util_work++;
	*n = hi - lo;
	return *n > 0 ? &s->v[lo] : NULL;
}

bool
search_is_current(const struct search *s, const struct match *m)
{
	return s->on && s->has_cur && match_equal(m, &s->cur);
}
