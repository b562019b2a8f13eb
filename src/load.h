/*
 * load: files -> model. Reads a briefing directory (briefing.md,
 * experts/ID.md, actors/ID.md, timeline.md) or a single Markdown file, parses
 * front matter with libyaml (frontmatter.h) and bodies with cmark
 * (CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8), and splits the article
 * into sections at its ## and ### headings. Never prints, never exits:
 * problems go into the diagnostics list. Plain C.
 */
#ifndef BRIEFING_LOAD_H
#define BRIEFING_LOAD_H

#include "diag.h"
#include "model.h"

/*
 * Load a directory or a Markdown file. Returns NULL when nothing could be
 * loaded (a DIAG_FATAL is then in the list); otherwise a briefing, with
 * warnings and errors (wrong types, bad ids, duplicates) in the list.
 */
struct briefing *briefing_load(const char *path, struct diag_list *);

/*
 * The same from memory, for tests and for stdin: main_md is briefing.md;
 * experts and actors are NULL-terminated arrays of id, text pairs (either
 * may be NULL); timeline may be NULL. Diagnostics name the files as they
 * would be named in a directory ("briefing.md", "experts/ID.md").
 * With plain set, main_md is a lone Markdown file, not a briefing.md.
 */
struct briefing *briefing_load_strings(const char *main_md,
	    const char *const *experts, const char *const *actors,
	    const char *timeline, bool plain, struct diag_list *);

#endif
