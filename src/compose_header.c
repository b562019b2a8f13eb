/*
 * The title block: title and subtitle under one rule, then the date, the
 * source and the tags, each a line of its own, with no blank line.
 */
#include <stddef.h>

#include "pagebuild.h"
#include "util.h"

#define EM_DASH	"\xe2\x80\x94"

/* "Source: Title — Author, Publication, Date" */
static void
source_line(struct pb *pb, const struct source_info *src)
{
	const char *const parts[] = { src->author, src->publication, src->date };
	struct block *p;
	size_t i;
	bool any = false;

	if (src->title == NULL && src->author == NULL &&
	    src->publication == NULL && src->date == NULL)
		return;
	p = pb_block(pb, BLOCK_PARAGRAPH);
	pb_push(pb, STYLE_DIM);
	pb_str(pb, p, "Source: ");
	pb_str(pb, p, src->title);
	for (i = 0; i < NITEMS(parts); i++) {
		if (parts[i] == NULL)
			continue;
		if (any)
			pb_str(pb, p, ", ");
		else if (src->title != NULL)
			pb_str(pb, p, " " EM_DASH " ");
		pb_str(pb, p, parts[i]);
		any = true;
	}
	pb_pop(pb);
}

void
compose_header(struct pb *pb, size_t index)
{
	const struct briefing *b = pb->b;
	struct block *title, *tags;
	size_t i;

	(void)index;
	title = pb_title(pb, b->title, STYLE_TITLE | STYLE_BOLD, RULE_HEAVY, 0);
	if (b->subtitle != NULL) {
		page_add_break(pb->page, title);
		pb_styled(pb, title, b->subtitle, STYLE_ITALIC);
	}
	pb->gap = false;
	if (b->date != NULL)
		pb_line(pb, b->date, STYLE_DIM);
	source_line(pb, &b->source);
	if (b->source.url != NULL)
		pb_line(pb, b->source.url, STYLE_DIM | STYLE_LINK);
	if (b->tags.n > 0) {
		tags = pb_block(pb, BLOCK_PARAGRAPH);
		pb_push(pb, STYLE_DIM);
		pb_str(pb, tags, "Tags: ");
		for (i = 0; i < b->tags.n; i++) {
			if (i > 0)
				pb_str(pb, tags, ", ");
			pb_str(pb, tags, b->tags.v[i]);
		}
		pb_pop(pb);
	}
}
