/*
 * Tests of the reader (reader.h), as test_reader.c: help and the mouse,
 * link hints, the status line's place, reading comfort (Space at the end,
 * quotes and the pane, the measure), and a search over a large briefing:
 * its first match at once, the rest counted between keys, ^C stopping it.
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "reader_fx.h"

/* ---- help and mouse ---------------------------------------------------- */

static void
reader_key__help__lists_keys_and_closes(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t i;
	bool found = false;

	reader_key(r, '?');
	assert_int_equal(reader_keymode(r), KEYMODE_HELP);
	for (i = 0; i < reader_help_count(r); i++)
		found |= strstr(reader_help_line(r, i), "Shift-Tab") != NULL;
	assert_true(found);
	assert_int_equal(reader_key(r, 'q'), READER_CONTINUE);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	reader_key(r, 'Z');
	assert_non_null(strstr(msg(r), "not bound"));
}

static void
reader_resize__help_and_index_open__last_rows_still_shown(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct geometry *g = reader_geometry(r);
	size_t h;

	/* The end of the help, then a screen where more of it fits. */
	reader_resize(r, 60, 20);
	reader_key(r, '?');
	reader_key(r, KEYC_END);
	assert_true(reader_help_top(r) > 0);
	reader_resize(r, 40, 12);
	h = (size_t)g->overlay.h - 2;
	reader_key(r, KEYC_END);
	assert_int_equal(reader_help_top(r) + h, reader_help_count(r));
	reader_key(r, KEYC_ESC);

	/* The index cursor on its last actor stays in the smaller list. */
	reader_resize(r, 160, 50);
	reader_key(r, 'a');
	reader_key(r, KEYC_END);
	assert_int_equal(reader_index_cursor(r), reader_index_count(r) - 1);
	reader_resize(r, 40, 12);
	assert_true(reader_index_cursor(r) >= reader_index_top(r));
	assert_true(reader_index_cursor(r) < reader_index_top(r) +
	    (size_t)g->index_list.h);
}

static void
reader_click__toc_entry_and_reference__followed(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct geometry *g = reader_geometry(r);
	const struct line *l;
	struct row_marks m;
	int x, row;
	size_t s;
	char *top, *now;

	/* The TOC's row 1 + entry. */
	reader_click(r, g->toc.x + 3, g->toc.y + 1 + 1);
	assert_true(top_is(r, REGION_BODY, "First section"));
	/* The line with the Taliban below the heading. */
	row = find_row(r, REGION_BODY, "The Taliban leaders");
	assert_true(row > 0);
	l = reader_row(r, REGION_BODY, row, &m);
	x = g->body.x + 1;
	for (s = 0; s < l->nspans && l->spans[s].ref.kind == REF_NONE; s++)
		x += l->spans[s].width;
	assert_true(s < l->nspans);
	reader_click(r, x, g->body.y + row);
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "taliban")));
	top = row_text(r, REGION_PANE, 0);
	reader_wheel(r, g->pane_area.x + 2, g->pane_area.y + 1, 3);
	/* Shorter than the pane: it does not move. */
	now = row_text(r, REGION_PANE, 0);
	assert_string_equal(now, top);
	free(now);
	free(top);
	top = row_text(r, REGION_BODY, 3);
	reader_wheel(r, g->body.x + 2, g->body.y + 1, 3);
	now = row_text(r, REGION_BODY, 0);
	assert_string_equal(now, top);
	free(now);
	free(top);
}

static void
reader_click__index_row__opens_that_actor(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct geometry *g = reader_geometry(r);

	reader_key(r, 'a');
	/* Rows: Kürdistan, Russia, Taliban. */
	reader_click(r, g->index_list.x + 2, g->index_list.y + 1);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "russia")));
	/* A click outside the box closes the index. */
	reader_key(r, 'a');
	reader_click(r, 0, g->status_y - 1);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
}

static void
reader_key__o__focus_between_article_and_pane(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *row1 = row_text(r, REGION_BODY, 1), *now, *pane0;

	reader_key(r, 'o');
	assert_string_equal(msg(r), "No pane is open: e shows the experts");
	reader_key(r, 'e');
	assert_int_equal(reader_focus(r), REGION_PANE);
	pane0 = row_text(r, REGION_PANE, 0);
	reader_key(r, 'o');
	assert_int_equal(reader_focus(r), REGION_BODY);
	assert_true(pane_open(r));
	/* j now scrolls the article, not the pane. */
	reader_key(r, 'j');
	now = row_text(r, REGION_BODY, 0);
	assert_string_equal(now, row1);
	free(now);
	now = row_text(r, REGION_PANE, 0);
	assert_string_equal(now, pane0);
	free(now);
	reader_key(r, 'o');
	assert_int_equal(reader_focus(r), REGION_PANE);
	free(row1);
	free(pane0);
}

/* ^L asks the view to redraw the whole screen, once. */
static void
reader_key__ctrl_l__redraw_asked_once(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	assert_false(reader_take_redraw(r));
	reader_key(r, KEYC_CTRL('l'));
	assert_true(reader_take_redraw(r));
	assert_false(reader_take_redraw(r));
	/* In the help too, and while the window is too small. */
	reader_key(r, '?');
	reader_key(r, KEYC_CTRL('l'));
	assert_true(reader_take_redraw(r));
}

/*
 * Only what is drawn is laid out: the first screen lays out the parts it
 * shows, not the sixty paragraphs' section beyond it; idle work lays out
 * the rest, a part at a time. Work is counted, not timed.
 */
static void
reader_resize__first_screen__only_drawn_parts_laid_out(void **state)
{
	struct fx *f = *state;
	struct reader *r = reader_new(f->b, f->x);
	size_t steps = 0;

	reader_resize(r, 160, 12);
	assert_non_null(reader_row(r, REGION_BODY, 0,
	    &(struct row_marks){ 0 }));
	assert_true(reader_idle(r));
	while (reader_idle(r))
		assert_true(++steps < 10);
	/* Five parts after the title block: at most four were left. */
	assert_true(steps <= 4);
	reader_free(r);
}

/* ---- reading comfort ------------------------------------------------------ */

/* The labels of the link hints on screen, in order, as one string. */
static char *
labels_shown(struct reader *r, enum reader_region g)
{
	struct row_marks m;
	struct buf b;
	size_t k;
	int i;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < rows_of(r, g); i++) {
		if (reader_row(r, g, i, &m) == NULL)
			break;
		for (k = 0; k < m.nlabels; k++) {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, m.labels[k].text);
		}
	}
	return buf_release(&b);
}

static void
reader_key__f_hints__labels_then_typed_label_follows(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *s;

	keys(r, "]]");
	reader_key(r, 'f');
	assert_int_equal(reader_keymode(r), KEYMODE_HINTS);
	/* Home-row letters, one each while there are nine or fewer. */
	s = labels_shown(r, REGION_BODY);
	assert_true(strncmp(s, "a s", 3) == 0);
	free(s);
	/* A letter no label has is said, and the labels stay. */
	reader_key(r, 'z');
	assert_non_null(strstr(msg(r), "No label z"));
	assert_int_equal(reader_keymode(r), KEYMODE_HINTS);
	/* The first label is the first reference: the Taliban. */
	reader_key(r, 'a');
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "taliban")));
	/* Esc takes the labels away without following anything. */
	reader_key(r, KEYC_BSPACE);
	reader_key(r, 'f');
	reader_key(r, KEYC_ESC);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	s = labels_shown(r, REGION_BODY);
	assert_string_equal(s, "");
	free(s);
	assert_false(pane_open(r));
}

/*
 * The fuzzer's finding: labels shown, then the window resized; each
 * label stayed where its reference had been at the old width, past the
 * end of a shorter row. Labels follow the new layout: each on a row's
 * span that is a reference, a row that exists.
 */
static void
reader_resize__hints_shown__labels_on_references_again(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct line *l;
	struct row_marks m;
	size_t k, n = 0;
	int i;

	keys(r, "]]");
	reader_key(r, 'f');
	assert_int_equal(reader_keymode(r), KEYMODE_HINTS);
	reader_resize(r, 60, 20);
	assert_int_equal(reader_keymode(r), KEYMODE_HINTS);
	for (i = 0; i < rows_of(r, REGION_BODY); i++) {
		if ((l = reader_row(r, REGION_BODY, i, &m)) == NULL)
			break;
		for (k = 0; k < m.nlabels; k++, n++) {
			assert_true(m.labels[k].span < l->nspans);
			assert_int_not_equal(l->spans[m.labels[k].span].ref.kind,
			    REF_NONE);
		}
	}
	assert_true(n > 0);
	/* Too small for the reader: the labels go. */
	reader_resize(r, 20, 5);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
}

static void
reader_place__section_title_subsection_and_end(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	struct reader_place p;

	keys(r, "]]]]");
	reader_place(r, &p);
	assert_string_equal(p.title, "Second section");
	assert_string_equal(p.subtitle, "Sub part");
	assert_int_equal(p.section, 3);
	assert_int_equal(p.nsections, 5);
	assert_false(p.pane);
	assert_false(p.end);
	reader_key(r, 'G');
	reader_place(r, &p);
	assert_true(p.end);
	assert_int_equal(p.percent, 100);
	assert_string_equal(p.title, "Third section");
	/* The pane's focus is said, with its own place. */
	reader_key(r, '1');
	reader_place(r, &p);
	assert_true(p.pane);
	assert_string_equal(p.pane_title, "Colin Clarke");
}

/* Space stops once the last line is on screen; ] may go further. */
static void
reader_key__space_at_the_end__stops(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *top, *now;
	int i;

	for (i = 0; i < 100; i++)
		reader_key(r, ' ');
	assert_true(find_row(r, REGION_BODY,
	    "The Taliban close the third section.") ==
	    rows_of(r, REGION_BODY) - 1);
	top = row_text(r, REGION_BODY, 0);
	reader_key(r, ' ');
	reader_key(r, 'j');
	now = row_text(r, REGION_BODY, 0);
	assert_string_equal(now, top);
	free(now);
	free(top);
}

/* Enter on a quote's attribution: the pane at that quote, selected whole;
 * ] and [ go through the expert's quotes. */
static void
reader_key__enter_on_attribution__pane_at_that_quote(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *sel;
	int n = 0;

	keys(r, "]]");
	/* The one in the attribution, not the one in the text. */
	/* The attribution shows the expert's number with the name. */
	while (!selected_is(r, REGION_BODY, "Colin Clarke [1]")) {
		reader_key(r, KEYC_TAB);
		assert_true(++n < 10);
	}
	reader_key(r, KEYC_ENTER);
	assert_true(pane_shows(r, UNIT_EXPERT,
	    briefing_find_expert(f->b, "clarke")));
	assert_int_equal(selected_ref(r, REGION_PANE).kind, REF_QUOTE);
	sel = selected(r, REGION_PANE);
	assert_non_null(strstr(sel, "Moscow must choose"));
	free(sel);
	reader_key(r, ']');
	assert_string_equal(msg(r), "This is the last quote");
}

/* Enter on a quote in the pane: the article at it, marked till a key. */
static void
reader_key__enter_on_pane_quote__article_quote_marked(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	struct row_marks m;
	int row, n = 0;

	reader_key(r, '2');
	do {
		reader_key(r, KEYC_TAB);
		assert_true(++n < 40);
	} while (selected_ref(r, REGION_PANE).kind != REF_QUOTE);
	reader_key(r, KEYC_ENTER);
	row = find_row(r, REGION_BODY, "Russia will wait");
	assert_true(row >= 0);
	reader_row(r, REGION_BODY, row, &m);
	assert_true(m.flash);
	reader_row(r, REGION_BODY, 0, &m);
	assert_false(m.flash);
	reader_key(r, 'j');
	reader_row(r, REGION_BODY, row - 1, &m);
	assert_false(m.flash);
}

static void
reader_key__plus_minus__measure_changes_text_width(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct geometry *g = reader_geometry(r);

	assert_int_equal(g->body_text, GEOM_MEASURE);
	reader_key(r, '-');
	assert_int_equal(g->body_text, GEOM_MEASURE - 4);
	assert_string_equal(msg(r), "Measure 76 columns");
	reader_key(r, '+');
	reader_key(r, '+');
	assert_int_equal(g->body_text, GEOM_MEASURE + 4);
	/* The spare width went to the TOC first: whole titles. */
	assert_true(g->toc.w >= (int)strlen("Second section") + 3);
}

static void
reader_filter__name_before_alias__alias_shown(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	/* "Russia" is a name; the Taliban's text has no "russia" alias. */
	assert_int_equal(reader_filter(r, "russ"), 1);
	assert_int_equal(reader_index_actor(r, 0), actor(f, "russia"));
	assert_null(reader_index_alias(r, 0));
	/* An alias match shows which alias. */
	assert_int_equal(reader_filter(r, "mosc"), 1);
	assert_string_equal(reader_index_alias(r, 0), "Moscow");
	/* "ta": Taliban by its name first, before alias matches. */
	reader_filter(r, "ta");
	assert_int_equal(reader_index_actor(r, 0), actor(f, "taliban"));
}

/* A briefing of many sections, a word in each: for the costs of search. */
static struct briefing *
many_sections(int n, struct diag_list *dl, struct xref **x)
{
	struct briefing *b;
	struct buf md;
	int i;

	buf_init(&md);
	buf_adds(&md, "---\ntitle: Many\n---\nOpening.\n\n");
	for (i = 0; i < n; i++)
		buf_printf(&md, "## Part %d\n\nA marker word, and more text "
		    "that goes on for a while.\n\n", i);
	b = briefing_load_strings(md.data, NULL, NULL, NULL, false, dl);
	*x = xref_build(b, dl);
	buf_free(&md);
	return b;
}

static bool
always(void *ctx)
{
	(void)ctx;
	return true;
}

/*
 * The first match shows at once: finding it reads the leaves up to it,
 * not the briefing; the others are counted between keys, a budget at a
 * time, and the count is said once known. Work is counted, not timed.
 */
static void
reader_search__large_briefing__first_match_at_once_then_counted(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	struct reader *r;
	size_t steps = 0;

	(void)state;
	diag_list_init(&dl);
	b = many_sections(3000, &dl, &x);
	r = reader_new(b, x);
	reader_resize(r, 100, 30);
	reader_search(r, "marker");
	assert_string_equal(msg(r), "a match; counting the others\xe2\x80\xa6");
	assert_true(find_row(r, REGION_BODY, "A marker word") >= 0);
	while (reader_idle(r))
		assert_true(++steps < 100000);
	assert_string_equal(msg(r), "match 1 of 3000");
	reader_key(r, 'n');
	assert_string_equal(msg(r), "match 2 of 3000");
	reader_free(r);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
}

/* ^C or Esc during a long search stops it, and says so. */
static void
reader_search__interrupted__stopped_and_said(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	struct reader *r;

	(void)state;
	diag_list_init(&dl);
	b = many_sections(50, &dl, &x);
	r = reader_new(b, x);
	reader_resize(r, 100, 30);
	reader_set_interrupt(r, always, NULL);
	assert_int_equal(reader_search(r, "no such words"), 0);
	assert_string_equal(msg(r), "Search stopped");
	reader_free(r);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(reader_key__help__lists_keys_and_closes),
		T(reader_resize__help_and_index_open__last_rows_still_shown),
		T(reader_click__toc_entry_and_reference__followed),
		T(reader_click__index_row__opens_that_actor),
		T(reader_key__o__focus_between_article_and_pane),
		T(reader_key__ctrl_l__redraw_asked_once),
		T(reader_resize__first_screen__only_drawn_parts_laid_out),
		T(reader_key__f_hints__labels_then_typed_label_follows),
		T(reader_resize__hints_shown__labels_on_references_again),
		T(reader_place__section_title_subsection_and_end),
		T(reader_key__space_at_the_end__stops),
		T(reader_key__enter_on_attribution__pane_at_that_quote),
		T(reader_key__enter_on_pane_quote__article_quote_marked),
		T(reader_key__plus_minus__measure_changes_text_width),
		T(reader_filter__name_before_alias__alias_shown),
		T(reader_search__large_briefing__first_match_at_once_then_counted),
		T(reader_search__interrupted__stopped_and_said),
	};
#undef T
	int rc;

	test_setlocale();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	reader_fx_done();
	return rc;
}
