/*
 * The list of experts, a view across the briefing: a table of each
 * expert's number, name (leading to the expert), role and affiliation, and
 * how often quoted. The numbered experts come in the order of their
 * numbers (the keys 1-9 open them), then those never quoted, by id, as
 * --dump prints them.
 */
#include <stdio.h>

#include "pagebuild.h"
#include "util.h"

static const char *const heads[] = { "No.", "Expert", "Role", "Quotes" };

static void
head_row(struct pb *pb)
{
	struct block *row = pb_block(pb, BLOCK_ROW);
	size_t i;

	for (i = 0; i < NITEMS(heads); i++) {
		if (i > 0)
			page_add_cell(pb->page, row);
		pb_str(pb, row, heads[i]);
	}
}

static void
expert_row(struct pb *pb, size_t index)
{
	const struct expert *e = &pb->b->experts[index];
	const struct xref_entity *xe;
	struct ref_target t = { REF_EXPERT, index };
	struct block *row = pb_block(pb, BLOCK_ROW);
	char num[32];

	xe = pb->x != NULL ? &pb->x->experts[index] : NULL;
	if (xe != NULL && xe->number != 0) {
		snprintf(num, sizeof num, "%zu", xe->number);
		pb_str(pb, row, num);
	}
	page_add_cell(pb->page, row);
	pb_ref(pb, row, t);
	page_add_cell(pb->page, row);
	pb_str(pb, row, e->role);
	if (e->role != NULL && e->affiliation != NULL)
		pb_str(pb, row, ", ");
	pb_str(pb, row, e->affiliation);
	page_add_cell(pb->page, row);
	if (xe != NULL) {
		snprintf(num, sizeof num, "%zu", xe->quotes.n);
		pb_str(pb, row, num);
	}
}

void
compose_expert_list(struct pb *pb, size_t index)
{
	const struct briefing *b = pb->b;
	const struct xref *x = pb->x;
	struct unit_ref u = { UNIT_EXPERT_LIST, index };
	struct block *table;
	size_t i;

	pb_title(pb, briefing_unit_title(b, u), STYLE_TITLE | STYLE_BOLD,
	    RULE_DOUBLE, 0);
	if (b->nexperts == 0) {
		pb_line(pb, "No experts in this briefing.", STYLE_DIM);
		return;
	}
	table = pb_block(pb, BLOCK_TABLE);
	table->u.table.head = true;
	pb_enter(pb, table);
	head_row(pb);
	for (i = 0; x != NULL && i < x->nnumbered; i++)
		if (x->numbered[i] < b->nexperts)
			expert_row(pb, x->numbered[i]);
	for (i = 0; i < b->nexperts; i++)
		if (x == NULL || x->experts[i].number == 0)
			expert_row(pb, i);
	pb_leave(pb);
	pb->gap = true;
}
