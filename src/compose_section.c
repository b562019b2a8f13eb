/*
 * A section: its heading (a double rule under ## headings and the
 * overview, a single one under ###), then its body.
 */
#include "mdwalk.h"
#include "pagebuild.h"

void
compose_section(struct pb *pb, size_t index)
{
	const struct section *s = &pb->b->sections[index];
	struct unit_ref u = { UNIT_SECTION, index };
	struct ref_target none = { REF_NONE, 0 };

	pb_title(pb, s->title, STYLE_HEADING | STYLE_BOLD,
	    s->level <= 2 ? RULE_DOUBLE : RULE_SINGLE, s->line);
	mdwalk(pb, s->body.doc, u, none);
}
