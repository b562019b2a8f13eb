/*
 * mdwalk: a cmark tree into page blocks. One handler per node type, on
 * the iterator's ENTER and EXIT events (cmark's renderers are the model):
 * block quotes, lists and items become containers; paragraphs, headings,
 * code and HTML blocks and thematic breaks become leaves; inline nodes
 * become runs. Mentions the cross-reference index found in the unit
 * become runs that lead to their target; links lead to what the index
 * resolved them to (or, with no index, to what ref_parse finds). A
 * quote's attribution ("> text\n> — Name") becomes a paragraph of its
 * own, marked as the attribution. Only the composers call it. Plain C.
 */
#ifndef BRIEFING_MDWALK_H
#define BRIEFING_MDWALK_H

#include "pagebuild.h"

/*
 * The blocks of the tree under `root` (a document or any block node of a
 * unit `unit`'s body) at pb's place. With lead set (kind not REF_NONE),
 * the content is borrowed: the top blocks lead there and nothing inside
 * is a reference. Sets a pending blank line after.
 */
void	 mdwalk(struct pb *, cmark_node *root, struct unit_ref unit,
	    struct ref_target lead);

#endif
