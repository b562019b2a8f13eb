/*
 * fuzz_layout: pages and layouts at random widths. The first two bytes
 * are two widths (1-200), the third flags (4: ASCII output), then an
 * archive of files (fuzz.h); after it, the bytes of the ranges asked of
 * typeset_map. The page of every slot is composed with and without
 * reference marks, laid out at both widths and checked (fuzz.h); for
 * every leaf, its lines (typeset_leaf_lines) must show it, and each of
 * them must map a fuzzed range of the leaf's text to bytes of the line.
 * Each unit's title goes through typeset_line too.
 */
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "fuzz.h"
#include "textsafe.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* The lines of each leaf, and fuzzed ranges of its text mapped on them. */
static void
check_leaves(const struct page *page, const struct layout *lay,
    struct fin *ranges)
{
	size_t leaf, first, end, k, a, b, s, e, len;

	for (leaf = 0; leaf <= page->nleaves; leaf++) {
		typeset_leaf_lines(lay, leaf, &first, &end);
		FUZZ_ASSERT(first <= end && end <= lay->nlines);
		for (k = first; k < end; k++)
			FUZZ_ASSERT(lay->lines[k].block == leaf);
		if (leaf == page->nleaves)
			break;
		len = page->leaves[leaf]->textlen;
		a = ranges->n > 0 ? fin_u16(ranges) % (len + 2) : len / 3;
		b = ranges->n > 0 ? a + fin_byte(ranges) : len;
		for (k = first; k < end; k++) {
			if (!typeset_map(&lay->lines[k], a, b, &s, &e))
				continue;
			FUZZ_ASSERT(s <= e && e <= fuzz_line_bytes(&lay->lines[k]));
		}
	}
}

static void
unit(const struct briefing *br, const struct xref *x, size_t slot,
    const int widths[2], struct fin *ranges)
{
	struct unit_ref u = briefing_slot_unit(br, slot);
	struct typeset_opts to;
	struct compose_opts co;
	struct layout *lay;
	struct page *page;
	const char *title;
	int m, w;

	for (m = 0; m < 2; m++) {
		co.mark_refs = m;
		page = compose_page(br, x, u, &co);
		FUZZ_ASSERT(page != NULL);
		for (w = 0; w < 2; w++) {
			to.width = widths[w];
			lay = typeset(page, &to);
			fuzz_check_layout(lay);
			check_leaves(page, lay, ranges);
			layout_free(lay);
		}
		page_free(page);
	}
	title = briefing_unit_title(br, u);
	lay = typeset_line(title, 0, widths[0]);
	fuzz_check_layout(lay);
	FUZZ_ASSERT(lay->nlines == 1);
	layout_free(lay);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fin in = { data, size };
	int widths[2];
	unsigned flags;
	struct archive a;
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	size_t slot;

	widths[0] = fin_range(&in, 1, 200);
	widths[1] = fin_range(&in, 1, 200);
	flags = fin_byte(&in);
	textsafe_set_ascii(flags & 4);
	archive_read(&a, &in);
	diag_list_init(&dl);
	if ((b = archive_load(&a, false, &dl)) != NULL) {
		x = xref_build(b, &dl);
		for (slot = 0; slot < briefing_nslots(b); slot++)
			unit(b, x, slot, widths, &a.rest);
		xref_free(x);
		briefing_free(b);
	}
	diag_list_free(&dl);
	archive_free(&a);
	return 0;
}
