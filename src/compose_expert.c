/*
 * An expert: name, role and affiliation, aliases, how often quoted; then
 * every quote, each leading back to where it stands; then the profile.
 * The quotes come first: they are what a reader opens the page for, from
 * an attribution, and the first stops of Tab.
 */
#include <stdlib.h>

#include "mdwalk.h"
#include "pagebuild.h"
#include "util.h"

#define EM_DASH	"\xe2\x80\x94"
#define MIDDOT	"\xc2\xb7"

static void
expert_lines(struct pb *pb, const struct expert *e,
    const struct xref_entity *xe)
{
	struct block *p;
	char *stat;

	if (e->role != NULL || e->affiliation != NULL) {
		p = pb_block(pb, BLOCK_PARAGRAPH);
		pb_push(pb, STYLE_ITALIC);
		pb_str(pb, p, e->role);
		if (e->role != NULL && e->affiliation != NULL)
			pb_str(pb, p, ", ");
		pb_str(pb, p, e->affiliation);
		pb_pop(pb);
	}
	pb_aliases(pb, &e->aliases, NULL);
	if (xe == NULL)
		return;
	if (xe->number == 0 || xe->quotes.n == 0)
		stat = xstrdup("Not quoted in the briefing");
	else if (xe->quotes.n == 1)
		stat = xasprintf("Expert %zu " MIDDOT " quoted once", xe->number);
	else
		stat = xasprintf("Expert %zu " MIDDOT " quoted %zu times",
		    xe->number, xe->quotes.n);
	pb_line(pb, stat, STYLE_DIM);
	free(stat);
}

/* A quote as it stands, then where: all of it leads to the quote. */
static void
quote_entry(struct pb *pb, size_t qi)
{
	const struct quote *q = &pb->x->quotes[qi];
	struct ref_target lead = { REF_QUOTE, qi };
	struct block *where;

	pb->gap = true;
	mdwalk(pb, q->node, q->unit, lead);
	pb->gap = false;
	where = pb_block(pb, BLOCK_PARAGRAPH);
	where->lead = lead;
	pb_push(pb, STYLE_DIM);
	pb_str(pb, where, EM_DASH " in ");
	pb_unit_name(pb, where, q->unit);
	pb_pop(pb);
	pb->gap = true;
}

void
compose_expert(struct pb *pb, size_t index)
{
	const struct expert *e = &pb->b->experts[index];
	const struct xref_entity *xe;
	struct unit_ref u = { UNIT_EXPERT, index };
	struct ref_target none = { REF_NONE, 0 };
	size_t k;

	pb_title(pb, e->name, STYLE_TITLE | STYLE_BOLD, RULE_DOUBLE, 0);
	pb->gap = false;
	xe = pb->x != NULL ? &pb->x->experts[index] : NULL;
	expert_lines(pb, e, xe);
	pb->gap = true;
	if (xe != NULL && xe->quotes.n > 0) {
		pb_label(pb, "Quotes");
		for (k = 0; k < xe->quotes.n; k++)
			if (xe->quotes.v[k] < pb->x->nquotes)
				quote_entry(pb, xe->quotes.v[k]);
	}
	if (e->body.doc == NULL || cmark_node_first_child(e->body.doc) == NULL)
		return;
	pb_label(pb, "Profile");
	mdwalk(pb, e->body.doc, u, none);
}
