/*
 * aindex: folded names once, at start; a filter is one substring test
 * per actor.
 */
#include "aindex.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"

struct sort_key {
	char	*name;
	size_t	 index;
};

static int
sort_key_cmp(const void *va, const void *vb)
{
	const struct sort_key *a = va, *b = vb;
	int c = strcmp(a->name, b->name);

	if (c != 0)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

void
aindex_init(struct aindex *ix, const struct briefing *b)
{
	const struct actor *a;
	struct sort_key *keys;
	struct buf all;
	size_t i, j, n = b->nactors ? b->nactors : 1;

	memset(ix, 0, sizeof *ix);
	ix->b = b;
	ix->folded = xcalloc(n, sizeof *ix->folded);
	ix->order = xcalloc(n, sizeof *ix->order);
	ix->items = xcalloc(n, sizeof *ix->items);
	keys = xcalloc(n, sizeof *keys);
	buf_init(&all);
	for (i = 0; i < b->nactors; i++) {
		a = &b->actors[i];
		keys[i].name = fold(a->name, strlen(a->name), NULL);
		keys[i].index = i;
		buf_adds(&all, a->name);
		for (j = 0; j < a->aliases.n; j++) {
			buf_addc(&all, '\n');
			buf_adds(&all, a->aliases.v[j]);
		}
		ix->folded[i] = fold(all.data, all.len, NULL);
		buf_reset(&all);
	}
	buf_free(&all);
	qsort(keys, b->nactors, sizeof *keys, sort_key_cmp);
	for (i = 0; i < b->nactors; i++) {
		ix->order[i] = keys[i].index;
		free(keys[i].name);
	}
	free(keys);
	buf_init(&ix->filter);
	aindex_filter(ix, "");
}

void
aindex_free(struct aindex *ix)
{
	size_t i;

	for (i = 0; ix->folded != NULL && i < ix->b->nactors; i++)
		free(ix->folded[i]);
	free(ix->folded);
	free(ix->order);
	free(ix->items);
	buf_free(&ix->filter);
	memset(ix, 0, sizeof *ix);
}

size_t
aindex_filter(struct aindex *ix, const char *s)
{
	char *needle;
	size_t i, a;

	if (s != ix->filter.data) {
		buf_reset(&ix->filter);
		buf_adds(&ix->filter, s);
	}
	needle = fold(s, strlen(s), NULL);
	ix->n = 0;
	for (i = 0; i < ix->b->nactors; i++) {
		a = ix->order[i];
		if (strstr(ix->folded[a], needle) != NULL)
			ix->items[ix->n++] = a;
	}
	free(needle);
	ix->cur = ix->top = 0;
	return ix->n;
}

void
aindex_show_cursor(struct aindex *ix, size_t h)
{
	if (h == 0)
		h = 1;
	if (ix->n == 0) {
		ix->cur = ix->top = 0;
		return;
	}
	if (ix->cur >= ix->n)
		ix->cur = ix->n - 1;
	if (ix->cur < ix->top)
		ix->top = ix->cur;
	else if (ix->cur >= ix->top + h)
		ix->top = ix->cur - h + 1;
}

void
aindex_move(struct aindex *ix, enum command cmd, size_t h)
{
	ix->cur = keymap_move(ix->cur, ix->n, h, cmd);
	aindex_show_cursor(ix, h);
}
