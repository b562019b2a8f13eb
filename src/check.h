/*
 * check: the lint rules of --check that need the whole briefing: aliases
 * shared by two entities, actors related to themselves, mentions past
 * xref's caps (said once), experts never quoted, actors never mentioned,
 * empty sections. (The loader reports front-matter types, duplicate keys,
 * bad and duplicate ids, refused files, invalid UTF-8, names and aliases
 * without a letter; xref reports unknown ids in links and `related`.)
 * Plain C; adds diagnostics, prints nothing.
 */
#ifndef BRIEFING_CHECK_H
#define BRIEFING_CHECK_H

#include "diag.h"
#include "model.h"
#include "xref.h"

void	 check_briefing(const struct briefing *, const struct xref *,
	    struct diag_list *);
#endif
