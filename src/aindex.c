/*
 * aindex: names and aliases folded once, at start; a filter is a few
 * substring tests per actor, then a sort of the matches by rank.
 */
#include "aindex.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"

/* Ranks: a name before an alias; equal, then prefix, then inside. */
enum {
	RANK_NAME_EQUAL,
	RANK_NAME_PREFIX,
	RANK_NAME_INSIDE,
	RANK_ALIAS_EQUAL,
	RANK_ALIAS_PREFIX,
	RANK_ALIAS_INSIDE,
	RANK_NONE
};

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
	size_t i, j, n = b->nactors ? b->nactors : 1;

	memset(ix, 0, sizeof *ix);
	ix->b = b;
	ix->nactors = b->nactors;
	ix->names = xcalloc(n, sizeof *ix->names);
	ix->aliases = xcalloc(n, sizeof *ix->aliases);
	ix->order = xcalloc(n, sizeof *ix->order);
	ix->rows = xcalloc(n, sizeof *ix->rows);
	keys = xcalloc(n, sizeof *keys);
	for (i = 0; i < b->nactors; i++) {
		a = &b->actors[i];
		ix->names[i] = fold(a->name, strlen(a->name), NULL);
		keys[i].name = ix->names[i];
		keys[i].index = i;
		ix->aliases[i] = xcalloc(a->aliases.n + 1, sizeof **ix->aliases);
		for (j = 0; j < a->aliases.n; j++)
			ix->aliases[i][j] = fold(a->aliases.v[j],
			    strlen(a->aliases.v[j]), NULL);
	}
	qsort(keys, b->nactors, sizeof *keys, sort_key_cmp);
	for (i = 0; i < b->nactors; i++)
		ix->order[i] = keys[i].index;
	free(keys);
	buf_init(&ix->filter);
	aindex_filter(ix, "");
}

void
aindex_free(struct aindex *ix)
{
	size_t i, j;

	for (i = 0; ix->names != NULL && i < ix->nactors; i++) {
		free(ix->names[i]);
		for (j = 0; ix->aliases[i][j] != NULL; j++)
			free(ix->aliases[i][j]);
		free(ix->aliases[i]);
	}
	free(ix->names);
	free(ix->aliases);
	free(ix->order);
	free(ix->rows);
	buf_free(&ix->filter);
	memset(ix, 0, sizeof *ix);
}

/* How s holds the needle: equal, as a prefix, inside, or not. */
static int
how(const char *s, const char *needle)
{
	const char *at = strstr(s, needle);

	if (at == NULL)
		return 3;
	if (at != s)
		return 2;
	return s[strlen(needle)] == '\0' ? 0 : 1;
}

/* The rank of actor a for the needle, and the alias that gave it. */
static int
rank_actor(const struct aindex *ix, size_t a, const char *needle,
    size_t *alias)
{
	size_t j;
	int h, best = RANK_NONE;

	*alias = MODEL_NONE;
	if ((h = how(ix->names[a], needle)) < 3)
		return RANK_NAME_EQUAL + h;
	for (j = 0; j < ix->b->actors[a].aliases.n; j++) {
		h = how(ix->aliases[a][j], needle);
		if (h < 3 && RANK_ALIAS_EQUAL + h < best) {
			best = RANK_ALIAS_EQUAL + h;
			*alias = j;
		}
	}
	return best;
}

size_t
aindex_filter(struct aindex *ix, const char *s)
{
	struct aindex_row row;
	char *needle;
	size_t i, k, counts[RANK_NONE + 1], start[RANK_NONE + 1];
	struct aindex_row *all;

	if (s != ix->filter.data) {
		buf_reset(&ix->filter);
		buf_adds(&ix->filter, s);
	}
	needle = fold(s, strlen(s), NULL);
	all = xcalloc(ix->nactors + 1, sizeof *all);
	memset(counts, 0, sizeof counts);
	/* In name order; then a stable count sort by rank. */
	for (i = 0; i < ix->nactors; i++) {
		row.actor = ix->order[i];
		row.rank = rank_actor(ix, row.actor, needle, &row.alias);
		all[i] = row;
		counts[row.rank]++;
	}
	for (k = 0, i = 0; k <= RANK_NONE; k++) {
		start[k] = i;
		i += counts[k];
	}
	ix->n = ix->nactors - counts[RANK_NONE];
	for (i = 0; i < ix->nactors; i++)
		if (all[i].rank != RANK_NONE)
			ix->rows[start[all[i].rank]++] = all[i];
	free(all);
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
