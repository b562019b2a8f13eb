/*
 * An actor: name, kind and aliases, the profile, related actors, where it
 * is mentioned (each entry leading to the mention), and the actors whose
 * profiles name it.
 *
 * A paragraph that names an actor thousands of times would list thousands
 * of snippets of itself: the list shows the mentions of each block that
 * have a snippet and says how many more (xref cuts snippets for the first
 * XREF_SNIPPETS_PER_BLOCK of a target in a block only).
 */
#include <stdlib.h>

#include "mdwalk.h"
#include "pagebuild.h"
#include "util.h"

#define EM_DASH		"\xe2\x80\x94"
#define ELLIPSIS	"\xe2\x80\xa6"

static void
related_list(struct pb *pb, const struct actor *a)
{
	const struct relation *r;
	struct ref_target t;
	struct block *p;
	size_t k;

	if (a->nrelated > 0)
		pb_title(pb, "Related", STYLE_HEADING | STYLE_BOLD,
		    RULE_SINGLE, 0);
	for (k = 0; k < a->nrelated; k++) {
		r = &a->related[k];
		p = pb_item(pb, NULL);
		t.kind = REF_ACTOR;
		t.index = r->target != NULL ?
		    briefing_find_actor(pb->b, r->target) : MODEL_NONE;
		if (t.index != MODEL_NONE)
			pb_ref(pb, p, t);
		else
			pb_str(pb, p, r->target);
		if (r->words != NULL && *r->words != '\0') {
			pb_str(pb, p, " " EM_DASH " ");
			pb_str(pb, p, r->words);
		}
	}
	pb->gap = true;
}

static void
more_mentions(struct pb *pb, size_t n)
{
	char *s;

	if (n == 0)
		return;
	s = xasprintf("%s and %zu more in the same paragraph", ELLIPSIS, n);
	pb_styled(pb, pb_item(pb, NULL), s, STYLE_DIM);
	free(s);
}

static void
mention_entry(struct pb *pb, size_t mi)
{
	const struct mention *m = &pb->x->mentions[mi];
	struct block *item, *p;

	p = pb_item(pb, &item);
	item->lead.kind = REF_MENTION;
	item->lead.index = mi;
	p->lead = item->lead;
	pb_push(pb, STYLE_BOLD);
	pb_unit_name(pb, p, m->unit);
	pb_pop(pb);
	pb_str(pb, p, ":");
	if (m->snippet != NULL) {
		pb_str(pb, p, " ");
		pb_str(pb, p, m->snippet);
	}
}

static void
mentions_list(struct pb *pb, const struct xref_entity *xa)
{
	const struct mention *m;
	cmark_node *prev = NULL;
	size_t k, mi, inblock = 0, hidden = 0;

	if (xa->mentions.n == 0)
		return;
	pb_title(pb, "Mentioned in", STYLE_HEADING | STYLE_BOLD, RULE_SINGLE,
	    0);
	for (k = 0; k < xa->mentions.n; k++) {
		mi = xa->mentions.v[k];
		if (mi >= pb->x->nmentions)
			continue;
		m = &pb->x->mentions[mi];
		if (m->block == NULL || m->block != prev) {
			more_mentions(pb, hidden);
			hidden = inblock = 0;
			prev = m->block;
		}
		if (++inblock > XREF_SNIPPETS_PER_BLOCK) {
			hidden++;
			continue;
		}
		mention_entry(pb, mi);
	}
	more_mentions(pb, hidden);
	pb->gap = true;
}

static void
backlinks_list(struct pb *pb, const struct xref_entity *xa)
{
	struct ref_target t = { REF_ACTOR, 0 };
	size_t k;

	if (xa->backlinks.n == 0)
		return;
	pb_title(pb, "Named in the profiles of", STYLE_HEADING | STYLE_BOLD,
	    RULE_SINGLE, 0);
	for (k = 0; k < xa->backlinks.n; k++) {
		if (xa->backlinks.v[k] >= pb->b->nactors)
			continue;
		t.index = xa->backlinks.v[k];
		pb_ref(pb, pb_item(pb, NULL), t);
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
	related_list(pb, a);
	if (pb->x == NULL)
		return;
	mentions_list(pb, &pb->x->actors[index]);
	backlinks_list(pb, &pb->x->actors[index]);
}
