/*
 * An actor: name, kind and aliases, the profile, related actors grouped
 * by relation, and where it is mentioned: for each unit that names it (in
 * slot order) a line with the count, then one entry per paragraph, the
 * snippet of the mention the article shows as a reference with the
 * mentioned words marked, leading to that mention.
 *
 * The actors whose profiles name this one are not listed apart: each such
 * profile is a unit under "Mentioned in" ("the profile of X").
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "mdwalk.h"
#include "pagebuild.h"
#include "util.h"

#define ELLIPSIS	"\xe2\x80\xa6"
#define MIDDOT		"\xc2\xb7"

/* ---- related actors -------------------------------------------------------- */

/* The related actor named by r: a reference when the id is known. */
static void
related_name(struct pb *pb, struct block *row, const struct relation *r)
{
	struct ref_target t = { REF_ACTOR, MODEL_NONE };

	if (r->target != NULL)
		t.index = briefing_find_actor(pb->b, r->target);
	if (t.index != MODEL_NONE)
		pb_ref(pb, row, t);
	else
		pb_str(pb, row, r->target);
}

/*
 * One row per relation, in the order the file first says it: the words,
 * then every actor related so, comma-separated. Sorting groups equal
 * words (a file may relate hundreds of actors); next[] chains each
 * group's members in file order from its first.
 */
static void
related_rows(struct pb *pb, const struct actor *a)
{
	struct pb_key *keys;
	size_t *next, n = a->nrelated, i, k;
	bool *first;
	struct block *rows, *row;

	if (n == 0)
		return;
	keys = xreallocarray(NULL, n, sizeof *keys);
	next = xreallocarray(NULL, n, sizeof *next);
	first = xcalloc(n, sizeof *first);
	for (i = 0; i < n; i++) {
		keys[i].s = a->related[i].words != NULL ?
		    a->related[i].words : "";
		keys[i].i = i;
	}
	qsort(keys, n, sizeof *keys, pb_key_cmp);
	for (i = 0; i < n; i++) {
		next[keys[i].i] = MODEL_NONE;
		if (i == 0 || strcmp(keys[i - 1].s, keys[i].s) != 0)
			first[keys[i].i] = true;
		else
			next[keys[i - 1].i] = keys[i].i;
	}
	pb_label(pb, "Related");
	rows = pb_block(pb, BLOCK_ROWS);
	pb_enter(pb, rows);
	for (i = 0; i < n; i++) {
		if (!first[i])
			continue;
		row = pb_block(pb, BLOCK_ROW);
		pb_str(pb, row, a->related[i].words);
		page_add_cell(pb->page, row);
		for (k = i; k != MODEL_NONE; k = next[k]) {
			if (k != i)
				pb_str(pb, row, ", ");
			related_name(pb, row, &a->related[k]);
		}
	}
	pb_leave(pb);
	pb->gap = true;
	free(keys);
	free(next);
	free(first);
}

/* ---- where it is mentioned ------------------------------------------------- */

/* "Moscow's options · 3 mentions": the unit a group of entries is in. */
static void
unit_line(struct pb *pb, struct unit_ref u, size_t count)
{
	struct block *h;
	char s[64];

	pb->gap = true;
	h = pb_block(pb, BLOCK_HEADING);
	h->u.heading.level = 4;
	h->u.heading.rule = RULE_NONE;
	/* The unit's title is searched where it stands. */
	h->chrome = true;
	pb_push(pb, STYLE_BOLD);
	pb_unit_name(pb, h, u);
	pb_pop(pb);
	snprintf(s, sizeof s, " " MIDDOT " %zu mention%s", count,
	    count == 1 ? "" : "s");
	pb_styled(pb, h, s, STYLE_DIM);
	pb->gap = false;
}

/* The snippet of mention m, its own words marked. */
static void
snippet_text(struct pb *pb, struct block *p, const struct mention *m)
{
	size_t len, a, b;
	char s[32];

	if (m->snippet == NULL) {
		snprintf(s, sizeof s, "line %d", m->line);
		pb_styled(pb, p, s, STYLE_DIM);
		return;
	}
	len = strlen(m->snippet);
	a = m->snippet_start < len ? m->snippet_start : len;
	b = m->snippet_end < len ? m->snippet_end : len;
	if (b < a)
		b = a;
	pb_text(pb, p, m->snippet, a, true);
	pb_push(pb, STYLE_MARK);
	pb_text(pb, p, m->snippet + a, b - a, true);
	pb_pop(pb);
	pb_text(pb, p, m->snippet + b, len - b, true);
}

/*
 * The mention of a paragraph's v[k, end) that the article shows as the
 * reference (compose.h, link_mode): an explicit link when there is one,
 * else the first.
 */
static size_t
shown_mention(const struct pb *pb, const size_t *v, size_t k, size_t end)
{
	size_t i;

	for (i = k; pb->opts.links != LINKS_ALL && i < end; i++)
		if (pb->x->mentions[v[i]].explicit_link)
			return v[i];
	return v[k];
}

/*
 * One paragraph that names the actor, mentions v[k, end): the snippet of
 * the mention shown as the reference (of the first, when xref cut that
 * one's), and how many more the paragraph holds. All of it leads to that
 * mention.
 */
static void
paragraph_entry(struct pb *pb, const size_t *v, size_t k, size_t end)
{
	const struct mention *m;
	struct block *item, *p;
	size_t mi = shown_mention(pb, v, k, end), more = end - k - 1;
	char s[64];

	p = pb_item(pb, &item);
	item->lead.kind = REF_MENTION;
	item->lead.index = mi;
	p->lead = item->lead;
	m = &pb->x->mentions[mi];
	snippet_text(pb, p, m->snippet != NULL ? m : &pb->x->mentions[v[k]]);
	if (more == 0)
		return;
	page_add_break(pb->page, p);
	snprintf(s, sizeof s, ELLIPSIS " and %zu more in the same paragraph",
	    more);
	pb_styled(pb, p, s, STYLE_DIM);
}

/* Mentions [k, end) of list v that stand in the same unit as v[k]. */
static size_t
same_unit_end(const struct xref *x, const size_t *v, size_t k, size_t end)
{
	struct unit_ref u = x->mentions[v[k]].unit;

	while (k < end && unit_equal(x->mentions[v[k]].unit, u))
		k++;
	return k;
}

static size_t
same_block_end(const struct xref *x, const size_t *v, size_t k, size_t end)
{
	cmark_node *block = x->mentions[v[k]].block;

	for (k++; k < end && block != NULL &&
	    x->mentions[v[k]].block == block; k++)
		continue;
	return k;
}

static void
mentions_list(struct pb *pb, const struct xref_entity *xa)
{
	const struct xref *x = pb->x;
	const size_t *v = xa->mentions.v;
	size_t n = xa->mentions.n, k, j, unit_end;

	if (n == 0)
		return;
	pb_label(pb, "Mentioned in");
	for (k = 0; k < n; k = unit_end) {
		unit_end = same_unit_end(x, v, k, n);
		unit_line(pb, x->mentions[v[k]].unit, unit_end - k);
		for (; k < unit_end; k = j) {
			j = same_block_end(x, v, k, unit_end);
			paragraph_entry(pb, v, k, j);
		}
	}
	pb->gap = true;
}

void
compose_actor(struct pb *pb, size_t index)
{
	const struct actor *a = &pb->b->actors[index];
	struct unit_ref u = { UNIT_ACTOR, index };
	struct ref_target none = { REF_NONE, 0 };

	pb_title(pb, a->name, STYLE_TITLE | STYLE_BOLD, RULE_DOUBLE, 0);
	pb->gap = false;
	pb_aliases(pb, &a->aliases, actor_kind_name(a->kind));
	pb->gap = true;
	mdwalk(pb, a->body.doc, u, none);
	related_rows(pb, a);
	if (pb->x != NULL)
		mentions_list(pb, &pb->x->actors[index]);
}
