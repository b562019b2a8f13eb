/*
 * compose: the table of composers and the two ways in.
 */
#include "compose.h"

#include "mdwalk.h"
#include "pagebuild.h"
#include "util.h"

/* Indexed by enum unit_kind. */
static void (*const composers[UNIT__COUNT])(struct pb *, size_t) = {
	compose_header,		/* UNIT_HEADER */
	compose_section,	/* UNIT_SECTION */
	compose_timeline,	/* UNIT_TIMELINE */
	compose_expert,		/* UNIT_EXPERT */
	compose_actor,		/* UNIT_ACTOR */
	compose_expert_list,	/* UNIT_EXPERT_LIST */
};

struct page *
compose_page(const struct briefing *b, const struct xref *x,
    struct unit_ref u, const struct compose_opts *opts)
{
	struct page *page = page_new(u);
	struct pb pb;

	pb_init(&pb, page, b, x, opts);
	if (b != NULL && (unsigned)u.kind < UNIT__COUNT &&
	    u.index < briefing_unit_count(b, u.kind)) {
		composers[u.kind](&pb, u.index);
		pb_references(&pb);
	}
	pb_finish(&pb);
	page_finish(page);
	return page;
}

struct page *
compose_body(const struct body *body, const struct compose_opts *opts)
{
	struct unit_ref none = { UNIT_SECTION, 0 };
	struct ref_target lead = { REF_NONE, 0 };
	struct page *page = page_new(none);
	struct pb pb;

	pb_init(&pb, page, NULL, NULL, opts);
	if (body != NULL)
		mdwalk(&pb, body->doc, none, lead);
	pb_finish(&pb);
	page_finish(page);
	return page;
}
