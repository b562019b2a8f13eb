#include "dump.h"

#include <string.h>

#include "compose.h"
#include "util.h"

/* SGR parameters per style bit, applied in this order. */
static const struct {
	unsigned	 style;
	const char	*sgr;
} sgr_table[] = {
	{ STYLE_BOLD,		"1" },
	{ STYLE_TITLE,		"1" },
	{ STYLE_HEADING,	"1;34" },
	{ STYLE_ITALIC,		"3" },
	{ STYLE_QUOTE,		"3" },
	{ STYLE_CODE,		"33" },
	{ STYLE_REF,		"4;36" },
	{ STYLE_EXPLICIT,	"1;4" },
	{ STYLE_MARK,		"1;31" },	/* as grep marks a match */
	{ STYLE_LINK,		"4" },
	{ STYLE_ATTRIB,		"35" },
	{ STYLE_RULE,		"2" },
	{ STYLE_DIM,		"2" },
	{ STYLE_REFMARK,	"2;36" },
	{ STYLE_MARKER,		"1" },
	{ STYLE_CONTROL,	"7" },
};

/*
 * One SGR sequence per span, each parameter once: "\033[1;4;36m" rather
 * than a run of sequences, so a pager or a diff sees one change per span.
 */
static void
sgr_open(FILE *fp, unsigned style)
{
	const char *params[32];
	size_t i, j, n = 0;
	char sep = '[';

	for (i = 0; i < NITEMS(sgr_table); i++) {
		const char *p = sgr_table[i].sgr;

		if (!(style & sgr_table[i].style))
			continue;
		while (*p != '\0' && n < NITEMS(params)) {
			size_t len = strcspn(p, ";");

			for (j = 0; j < n; j++)
				if (strcspn(params[j], ";") == len &&
				    strncmp(params[j], p, len) == 0)
					break;
			if (j == n)
				params[n++] = p;
			p += len;
			if (*p == ';')
				p++;
		}
	}
	fputs("\033", fp);
	for (i = 0; i < n; i++) {
		fprintf(fp, "%c%.*s", sep, (int)strcspn(params[i], ";"),
		    params[i]);
		sep = ';';
	}
	fputc('m', fp);
}

void
dump_layout(FILE *fp, const struct layout *l, bool color)
{
	size_t i, j;
	const struct span *sp;

	for (i = 0; i < l->nlines; i++) {
		for (j = 0; j < l->lines[i].nspans; j++) {
			sp = &l->lines[i].spans[j];
			if (color && sp->style != 0)
				sgr_open(fp, sp->style);
			fwrite(sp->text, 1, sp->len, fp);
			if (color && sp->style != 0)
				fputs("\033[0m", fp);
		}
		fputc('\n', fp);
	}
}

static void
dump_unit(FILE *fp, const struct briefing *b, const struct xref *x,
    struct unit_ref u, const struct dump_opts *o)
{
	struct compose_opts co = { .mark_refs = true, .links = o->links };
	struct typeset_opts to = { .width = o->width };
	struct page *page = compose_page(b, x, u, &co);
	struct layout *lay = typeset(page, &to);

	if (u.kind != UNIT_HEADER)
		fputc('\n', fp);
	dump_layout(fp, lay, o->color);
	layout_free(lay);
	page_free(page);
}

/* A part heading ("Experts", "Actors") between groups of units. */
static void
dump_part(FILE *fp, const char *title, int width, bool color)
{
	struct layout *lay = typeset_line(title, STYLE_TITLE, width);

	fputc('\n', fp);
	dump_layout(fp, lay, color);
	layout_free(lay);
}

int
dump_briefing(FILE *fp, const struct briefing *b, const struct xref *x,
    const struct dump_opts *opts)
{
	struct dump_opts o = *opts;
	struct unit_ref u;
	size_t i, n = briefing_article_parts(b);

	if (o.width <= 0)
		o.width = 80;
	for (i = 0; i < n; i++)
		dump_unit(fp, b, x, briefing_slot_unit(b, i), &o);
	if (b->nexperts > 0)
		dump_part(fp, "Experts", o.width, o.color);
	/* Experts in the order of their numbers (keys 1-9), then the rest. */
	u.kind = UNIT_EXPERT;
	for (i = 0; i < x->nnumbered; i++) {
		u.index = x->numbered[i];
		dump_unit(fp, b, x, u, &o);
	}
	for (i = 0; i < b->nexperts; i++) {
		if (x->experts[i].number != 0)
			continue;
		u.index = i;
		dump_unit(fp, b, x, u, &o);
	}
	if (b->nactors > 0)
		dump_part(fp, "Actors", o.width, o.color);
	u.kind = UNIT_ACTOR;
	for (i = 0; i < b->nactors; i++) {
		u.index = i;
		dump_unit(fp, b, x, u, &o);
	}
	if (fflush(fp) != 0 || ferror(fp))
		return -1;
	return 0;
}
