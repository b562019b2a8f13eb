/*
 * The timeline: its heading, then its list of dated events as written.
 * The pattern for views across the briefing: a composer of its own, a
 * row of compose.c's table.
 */
#include "mdwalk.h"
#include "pagebuild.h"

void
compose_timeline(struct pb *pb, size_t index)
{
	const struct briefing *b = pb->b;
	struct unit_ref u = { UNIT_TIMELINE, index };
	struct ref_target none = { REF_NONE, 0 };

	pb_title(pb, briefing_unit_title(b, u), STYLE_HEADING | STYLE_BOLD,
	    RULE_DOUBLE, 0);
	mdwalk(pb, b->timeline->doc, u, none);
}
