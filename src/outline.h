/*
 * outline: the sections of an article. Splits the cmark document of a
 * briefing.md, or of a lone Markdown file, at its headings: each section
 * gets the blocks up to the next heading as a cmark document of its own,
 * and a unique GitHub-style id (a repeated heading text gets "-1", "-2",
 * ... as GitHub does, with a warning). In a briefing.md `##` starts a
 * section and `###` a subsection; a lone file uses its shallowest heading
 * level once a lone leading `#` title is set aside. Text before the first
 * section heading is the overview. Plain C; the loader includes it.
 */
#ifndef BRIEFING_OUTLINE_H
#define BRIEFING_OUTLINE_H

#include <stdbool.h>

#include "diag.h"
#include "mdfile.h"
#include "model.h"

/*
 * Move the blocks of m's document into new sections of b (its leading
 * title, when plain or not, becomes b->title unless one is set).
 */
void	 outline_split(struct briefing *, struct mdfile *, bool plain,
	    struct diag_list *);
/* Set b->section_order: section indices sorted by id. */
void	 outline_order(struct briefing *);

#endif
