/*
 * search: each leaf's text folded with a map back to its bytes, the
 * folded pattern found in it left to right, matches never overlapping.
 */
#include "search.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "util.h"

void
search_init(struct search *s)
{
	memset(s, 0, sizeof *s);
}

void
search_free(struct search *s)
{
	free(s->pattern);
	free(s->v);
	memset(s, 0, sizeof *s);
}

/* The matches of needle in one leaf. */
static void
search_leaf_text(struct search *s, const struct block *leaf, size_t slot,
    const char *needle, size_t nlen)
{
	struct match *m;
	size_t *map, flen, len;
	char *text, *folded, *at;

	s->work++;
	if (leaf->textlen == 0)
		return;
	text = page_leaf_text(leaf, &len);
	util_work += len;
	folded = fold(text, len, &map);
	flen = strlen(folded);
	for (at = strstr(folded, needle); at != NULL;
	    at = strstr(at + nlen, needle)) {
		ARRAY_RESERVE(s->v, s->cap, s->n + 1);
		m = &s->v[s->n++];
		m->slot = slot;
		m->leaf = leaf->leaf;
		fold_unmap(map, flen, (size_t)(at - folded),
		    (size_t)(at - folded) + nlen, &m->start, &m->end);
	}
	free(text);
	free(folded);
	free(map);
}

size_t
search_run(struct search *s, struct lcache *c, const char *pattern,
    size_t first, size_t end)
{
	const struct page *page;
	char *needle;
	size_t slot, i, nlen;

	free(s->pattern);
	s->pattern = xstrdup(pattern);
	s->n = s->cur = 0;
	s->on = false;
	needle = fold(pattern, strlen(pattern), NULL);
	nlen = strlen(needle);
	for (slot = first; nlen > 0 && slot < end; slot++) {
		if ((page = lcache_page(c, slot)) == NULL)
			continue;
		for (i = 0; i < page->nleaves; i++)
			search_leaf_text(s, page->leaves[i], slot, needle, nlen);
	}
	free(needle);
	return s->n;
}

static int
match_cmp_key(const struct match *m, size_t slot, size_t leaf)
{
	if (m->slot != slot)
		return m->slot < slot ? -1 : 1;
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
		if (match_cmp_key(&s->v[mid], slot, leaf) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

const struct match *
search_leaf(const struct search *s, size_t slot, size_t leaf, size_t *n)
{
	size_t lo = search_at_or_after(s, slot, leaf), hi;

	for (hi = lo; hi < s->n && match_cmp_key(&s->v[hi], slot, leaf) == 0;
	    hi++)
		util_work++;
	*n = hi - lo;
	return *n > 0 ? &s->v[lo] : NULL;
}

bool
search_is_current(const struct search *s, const struct match *m)
{
	return s->on && s->cur < s->n && m == &s->v[s->cur];
}
