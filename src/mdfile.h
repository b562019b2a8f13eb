/*
 * mdfile: one Markdown file of a briefing, parsed: its front matter
 * (frontmatter.h) and its body as one cmark document (CMARK_OPT_SOURCEPOS,
 * and CMARK_OPT_VALIDATE_UTF8 when the text is not valid UTF-8: invalid
 * bytes become U+FFFD). The front matter is blanked rather than cut
 * before cmark reads the text, so node lines are the file's lines. Each
 * run of TEXT nodes, and of TEXT nodes across soft breaks, is joined into
 * one TEXT node ("\n" where a soft break was, struct text_lines in
 * model.h as its user data), so that a name wrapped over two source lines
 * is one piece of text for the mention matcher. Plain C; the loader and
 * the outline include it.
 */
#ifndef BRIEFING_MDFILE_H
#define BRIEFING_MDFILE_H

#include <stdbool.h>
#include <stddef.h>

#include <cmark.h>

#include "diag.h"
#include "frontmatter.h"

struct mdfile {
	char		*path;		/* for diagnostics, owned */
	struct fm	*fm;		/* NULL when absent or broken */
	cmark_node	*doc;		/* owned; model_doc_free */
	bool		 autolink;	/* front matter's autolink, true by default */
	bool		 fm_broken;	/* present but unusable: said once already */
};

/* Parse text[0..len) as front matter + CommonMark; problems into the list. */
void	 mdfile_parse(struct mdfile *, const char *path, const char *text,
	    size_t len, struct diag_list *);
void	 mdfile_free(struct mdfile *);	/* leaves it zeroed */

/* Plain text of an inline container (a heading), soft breaks as spaces. */
char	*mdfile_inline_text(cmark_node *);

#endif
