/*
 * Tests of the reader (reader.h): the reading state without a terminal. A
 * small briefing from memory (reader_fx.c) is laid out at fixed screen
 * sizes and driven by keys (keymap.h codes) as the user would; the
 * assertions read what the screen would show: the line at the top, the
 * selected text, the pane, the status message. Here: geometry, sections
 * and the TOC, references and history, experts. Search and the actor
 * index are in test_reader_search.c, the other modes and reading comfort
 * in test_reader_modes.c.
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "reader_fx.h"

/* ---- geometry ---------------------------------------------------------- */

static bool
overlap(const struct rect *a, const struct rect *b)
{
	return a->w > 0 && b->w > 0 && a->h > 0 && b->h > 0 &&
	    a->x < b->x + b->w && b->x < a->x + a->w &&
	    a->y < b->y + b->h && b->y < a->y + a->h;
}

static bool
inside(const struct rect *a, int cols, int rows)
{
	return a->x >= 0 && a->y >= 0 && a->x + a->w <= cols &&
	    a->y + a->h <= rows;
}

static void
reader_resize__wide__toc_body_pane_side_by_side(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct geometry *g = reader_geometry(r);

	reader_exec(r, CMD_EXPERT, 1);
	assert_true(g->pane_beside);
	assert_true(g->toc_visible && g->pane_visible);
	assert_false(overlap(&g->toc, &g->body));
	assert_false(overlap(&g->body, &g->pane_area));
	assert_false(overlap(&g->toc, &g->pane_area));
	assert_true(g->body.w >= 40);
	assert_true(g->body_text <= GEOM_MEASURE);
	assert_int_equal(reader_focus(r), REGION_PANE);
}

static void
reader_resize__narrow__toc_hidden_and_pane_covers_body(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct geometry *g = reader_geometry(r);

	reader_resize(r, 60, 20);
	assert_false(g->pane_beside);
	assert_false(g->toc_visible);
	reader_exec(r, CMD_EXPERT, 1);
	assert_true(g->pane_visible);
	assert_int_equal(g->pane_area.w, g->body.w);
	/* t shows the TOC over the body; Esc hides it again. */
	reader_exec(r, CMD_TOC, 0);
	assert_true(g->toc_visible);
	assert_int_equal(reader_focus(r), REGION_TOC);
	assert_int_equal(reader_keymode(r), KEYMODE_TOC);
	reader_key(r, KEYC_ESC);
	assert_false(g->toc_visible);
	/* Back to the pane that had the focus. */
	assert_true(g->pane_visible);
	assert_int_equal(reader_focus(r), REGION_PANE);
	/* Opening a section from the TOC shows the article. */
	reader_key(r, 't');
	reader_key(r, KEYC_ENTER);
	assert_false(g->pane_visible);
	assert_int_equal(reader_focus(r), REGION_BODY);
}

static void
reader_resize__every_size_down_to_40x12__regions_fit(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct geometry *g = reader_geometry(r);
	int cols, rows;

	reader_exec(r, CMD_EXPERT, 1);
	for (cols = 40; cols <= 200; cols += 7) {
		for (rows = 12; rows <= 60; rows += 5) {
			reader_resize(r, cols, rows);
			assert_false(g->too_small);
			assert_true(inside(&g->body, cols, rows - 2));
			assert_true(inside(&g->pane_area, cols, rows - 2));
			assert_true(inside(&g->overlay, cols, rows - 2));
			if (g->pane_beside) {
				assert_false(overlap(&g->toc, &g->body));
				assert_false(overlap(&g->body, &g->pane_area));
			} else if (cols >= GEOM_TOC_BESIDE) {
				assert_false(overlap(&g->toc, &g->body));
			}
			assert_true(g->index_list.h >= 1);
			assert_true(g->body_text >= 1);
			assert_non_null(reader_row(r, REGION_BODY, 0,
			    &(struct row_marks){ 0 }));
		}
	}
}

static void
reader_key__too_small_while_typing__q_does_not_quit(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, '/');
	assert_int_equal(reader_keymode(r), KEYMODE_PROMPT);
	reader_resize(r, 20, 5);
	assert_true(reader_geometry(r)->too_small);
	assert_int_equal(reader_key(r, 'q'), READER_CONTINUE);
	reader_resize(r, 160, 50);
	assert_int_equal(reader_keymode(r), KEYMODE_PROMPT);
	reader_key(r, KEYC_ESC);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
}

static void
reader_resize__below_40x12__too_small_and_keys_ignored(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *top = row_text(r, REGION_BODY, 0), *now;

	reader_resize(r, 39, 30);
	assert_true(reader_geometry(r)->too_small);
	reader_resize(r, 1, 1);
	assert_true(reader_geometry(r)->too_small);
	assert_int_equal(reader_key(r, 'j'), READER_CONTINUE);
	reader_click(r, 0, 0);
	reader_wheel(r, 0, 0, 3);
	assert_int_equal(reader_key(r, 'q'), READER_QUIT);
	reader_resize(r, 0, 0);
	assert_true(reader_geometry(r)->too_small);
	reader_resize(r, 160, 50);
	assert_false(reader_geometry(r)->too_small);
	now = row_text(r, REGION_BODY, 0);
	assert_string_equal(now, top);
	free(now);
	free(top);
}

static void
reader_resize__narrower__same_paragraph_at_top(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	struct row_marks m;
	const struct line *l;
	size_t block;
	char *s;
	int i;

	keys(r, "]]]]");
	for (i = 0; i < 24; i++)
		reader_key(r, 'j');
	l = reader_row(r, REGION_BODY, 0, &m);
	block = l->block;
	s = line_text(l);
	/* The top line is in a paragraph of the third section. */
	assert_non_null(strstr(s, "aragraph"));
	free(s);
	reader_resize(r, 60, 20);
	assert_int_equal(reader_row(r, REGION_BODY, 0, &m)->block, block);
	assert_int_equal(reader_toc_current(r), 4);
	reader_resize(r, 160, 50);
	assert_int_equal(reader_row(r, REGION_BODY, 0, &m)->block, block);
	assert_int_equal(reader_toc_current(r), 4);
}

/* ---- sections and TOC -------------------------------------------------- */

static void
reader_key__brackets__next_and_previous_section(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	assert_true(top_is(r, REGION_BODY, "Test Briefing"));
	assert_int_equal(reader_toc_count(r), 5);
	keys(r, "]]");
	assert_true(top_is(r, REGION_BODY, "First section"));
	assert_int_equal(reader_toc_current(r), 1);
	reader_key(r, ']');
	assert_true(top_is(r, REGION_BODY, "Second section"));
	/* From inside a section, [ goes to its start first. */
	reader_key(r, 'j');
	reader_key(r, '[');
	assert_true(top_is(r, REGION_BODY, "Second section"));
	reader_key(r, '[');
	assert_true(top_is(r, REGION_BODY, "First section"));
}

static void
reader_key__last_section__bracket_says_so(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	keys(r, "]]]]]]");
	assert_true(top_is(r, REGION_BODY, "Third section"));
	reader_key(r, ']');
	assert_true(top_is(r, REGION_BODY, "Third section"));
	assert_string_equal(msg(r), "This is the last section");
}

static void
reader_key__toc_enter__opens_section_under_cursor(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, 't');
	assert_int_equal(reader_focus(r), REGION_TOC);
	keys(r, "jj");
	assert_int_equal(reader_toc_cursor(r), 2);
	assert_string_equal(reader_toc_title(r, 2), "Second section");
	/* j moved the TOC cursor, not the article. */
	assert_true(top_is(r, REGION_BODY, "Test Briefing"));
	reader_key(r, KEYC_ENTER);
	assert_int_equal(reader_focus(r), REGION_BODY);
	assert_true(top_is(r, REGION_BODY, "Second section"));
	assert_int_equal(reader_toc_level(r, 3), 3);
}

static void
reader_exec__page_and_bottom__stay_in_document(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	int h = reader_geometry(r)->body.h;
	char *want = row_text(r, REGION_BODY, h - 2), *got;

	reader_exec(r, CMD_PAGE_DOWN, 0);
	got = row_text(r, REGION_BODY, 0);
	assert_string_equal(got, want);
	free(got);
	free(want);
	reader_exec(r, CMD_BOTTOM, 0);
	assert_int_equal(reader_percent(r), 100);
	assert_true(row_has(r, REGION_BODY, 0, ""));
	/* The last line is on screen. */
	assert_true(find_row(r, REGION_BODY,
	    "The Taliban close the third section.") >= 0);
	reader_exec(r, CMD_LINE_DOWN, 0);
	assert_true(find_row(r, REGION_BODY,
	    "The Taliban close the third section.") >= 0);
	reader_exec(r, CMD_TOP, 0);
	assert_true(top_is(r, REGION_BODY, "Test Briefing"));
	reader_exec(r, CMD_LINE_UP, 0);
	assert_true(top_is(r, REGION_BODY, "Test Briefing"));
}

/* ---- references and history ------------------------------------------- */

static void
reader_key__tab__selects_references_on_screen_in_order(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	keys(r, "]]");
	reader_key(r, KEYC_TAB);
	assert_selected(r, REGION_BODY, "Taliban");
	reader_key(r, KEYC_TAB);
	assert_selected(r, REGION_BODY, "Colin Clarke");
	reader_key(r, KEYC_BTAB);
	assert_selected(r, REGION_BODY, "Taliban");
	/* Shift-Tab from the first goes round to the last of the article,
	 * scrolled into view. */
	reader_key(r, KEYC_BTAB);
	assert_string_equal(msg(r),
	    "Before the first cross-reference: on to the last");
	assert_selected(r, REGION_BODY, "Taliban");
	assert_true(find_row(r, REGION_BODY,
	    "The Taliban close the third section.") >= 0);
	assert_int_equal(reader_toc_current(r), 4);
}

/*
 * Tab goes on past the screen: from the middle of the third section,
 * where no line names anyone, to the next reference below, scrolled into
 * view, as lynx and info do.
 */
static void
reader_key__tab_past_the_screen__next_reference_scrolled_into_view(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_resize(r, 160, 12);
	keys(r, "]]]]]");
	assert_true(top_is(r, REGION_BODY, "Third section"));
	assert_true(find_row(r, REGION_BODY, "Taliban") < 0);
	reader_key(r, KEYC_TAB);
	assert_string_equal(msg(r), "");
	assert_selected(r, REGION_BODY, "Taliban");
	assert_true(find_row(r, REGION_BODY,
	    "The Taliban close the third section.") >= 0);
	/* Past the last: round to the first, and said. */
	reader_key(r, KEYC_TAB);
	assert_string_equal(msg(r),
	    "Past the last cross-reference: back to the first");
	assert_selected(r, REGION_BODY, "Taliban");
	assert_int_equal(reader_toc_current(r), 1);
	reader_key(r, KEYC_ENTER);
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "taliban")));
}

/* A text with no reference at all says so; Enter with none selected too. */
static void
reader_key__tab_in_text_without_references__message(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	struct reader *r;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("# Notes\n\nNothing here.\n\n## More\n\n"
	    "Still nothing.\n", NULL, NULL, NULL, true, &dl);
	x = xref_build(b, &dl);
	r = reader_new(b, x);
	reader_resize(r, 100, 30);
	reader_key(r, KEYC_TAB);
	assert_string_equal(msg(r), "No cross-reference in this article");
	assert_int_equal(selected_row(r, REGION_BODY), -1);
	reader_key(r, KEYC_ENTER);
	assert_string_equal(msg(r),
	    "No cross-reference selected: Tab selects one");
	reader_free(r);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
}

static void
reader_key__tab_on_narrow_screen__reference_over_two_lines_is_one(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t i;
	char *s;

	/* At 40 columns, 38 of text: "Colin Clarke" breaks over two lines. */
	reader_resize(r, 40, 40);
	keys(r, "]]");
	for (i = 0; i < 6; i++) {
		reader_key(r, KEYC_TAB);
		s = selected(r, REGION_BODY);
		if (strcmp(s, "Colin Clarke") == 0) {
			free(s);
			break;
		}
		/* Never a lone piece of the name. */
		assert_true(strcmp(s, "Colin") != 0 && strcmp(s, "Clarke") != 0);
		free(s);
	}
	assert_true(i < 6);
	assert_int_equal(selected_rows(r, REGION_BODY), 2);
}

static void
reader_key__enter_then_backspace__actor_pane_and_exact_place_back(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *top, *now;

	keys(r, "]]");
	reader_key(r, 'j');
	top = row_text(r, REGION_BODY, 0);
	reader_key(r, KEYC_TAB);
	assert_selected(r, REGION_BODY, "Taliban");
	reader_key(r, KEYC_ENTER);
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "taliban")));
	assert_int_equal(reader_focus(r), REGION_PANE);
	assert_true(top_is(r, REGION_PANE, "Taliban"));

	reader_key(r, KEYC_BSPACE);
	assert_false(pane_open(r));
	assert_int_equal(reader_focus(r), REGION_BODY);
	now = row_text(r, REGION_BODY, 0);
	assert_string_equal(now, top);
	free(now);
	free(top);
	assert_selected(r, REGION_BODY, "Taliban");

	/* Forward undoes the Backspace. */
	reader_key(r, 'F');
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "taliban")));
	reader_key(r, 'F');
	assert_string_equal(msg(r), "Nothing to go forward to");
}

/* A new jump clears the forward list, as in a browser. */
static void
reader_key__new_jump_after_backspace__forward_list_cleared(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_follow(r, (struct ref_target){ REF_ACTOR, actor(f, "taliban") });
	reader_key(r, KEYC_BSPACE);
	assert_false(pane_open(r));
	reader_follow(r, (struct ref_target){ REF_ACTOR, actor(f, "russia") });
	reader_key(r, 'F');
	assert_string_equal(msg(r), "Nothing to go forward to");
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "russia")));
	reader_key(r, KEYC_BSPACE);
	assert_false(pane_open(r));
	reader_key(r, KEYC_BSPACE);
	assert_string_equal(msg(r), "Nothing to go back to");
}

static void
reader_key__backspace_with_no_history__message(void **state)
{
	struct fx *f = *state;

	reader_key(f->r, KEYC_BSPACE);
	assert_string_equal(msg(f->r), "Nothing to go back to");
	reader_key(f->r, KEYC_ENTER);
	assert_non_null(strstr(msg(f->r), "Tab selects"));
}

static void
reader_key__related_actor_in_pane__followed_in_pane(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	int n = 0;

	reader_follow(r, (struct ref_target){ REF_ACTOR, actor(f, "taliban") });
	reader_key(r, KEYC_TAB);
	assert_int_equal(reader_focus(r), REGION_PANE);
	/* Tab cycles to the related actor, Russia. */
	while (!selected_is(r, REGION_PANE, "Russia")) {
		reader_key(r, KEYC_TAB);
		assert_true(++n < 40);
	}
	reader_key(r, KEYC_ENTER);
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "russia")));
	reader_key(r, KEYC_BSPACE);
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "taliban")));
}

static void
reader_follow__mention__article_line_with_mention_selected(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct xref_entity *e = &f->x->actors[actor(f, "kurdistan")];

	assert_true(e->mentions.n >= 1);
	reader_follow(r, (struct ref_target){ REF_ACTOR, actor(f, "kurdistan") });
	reader_follow(r, (struct ref_target){ REF_MENTION,
	    e->mentions.v[0] });
	assert_int_equal(reader_focus(r), REGION_BODY);
	assert_selected(r, REGION_BODY, "Kürdistan");
	assert_int_equal(reader_toc_current(r), 2);
	assert_true(selected_row(r, REGION_BODY) >= 0);
}

static void
reader_follow__quote__article_at_the_quote(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	assert_true(f->x->nquotes >= 2);
	reader_follow(r, (struct ref_target){ REF_QUOTE, 1 });
	assert_int_equal(reader_focus(r), REGION_BODY);
	assert_true(row_has(r, REGION_BODY, 2, "Russia will wait"));
	reader_key(r, KEYC_BSPACE);
	assert_true(top_is(r, REGION_BODY, "Test Briefing"));
}

static void
reader_key__section_link__jumps_to_section(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	int n = 0;

	keys(r, "]]]");
	while (!selected_is(r, REGION_BODY, "the start")) {
		reader_key(r, KEYC_TAB);
		assert_true(selected_row(r, REGION_BODY) >= 0);
		assert_true(++n < 40);
	}
	reader_key(r, KEYC_ENTER);
	assert_true(top_is(r, REGION_BODY, "First section"));
}

/* ---- experts ----------------------------------------------------------- */

static void
reader_key__digits__numbered_experts(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, '2');
	assert_true(pane_shows(r, UNIT_EXPERT,
	    briefing_find_expert(f->b, "katz")));
	reader_key(r, '1');
	assert_true(pane_shows(r, UNIT_EXPERT,
	    briefing_find_expert(f->b, "clarke")));
	assert_true(top_is(r, REGION_PANE, "Colin Clarke"));
	reader_key(r, '7');
	assert_string_equal(msg(r), "No expert 7: experts go from 1 to 2");
	/* e hides the pane, and shows the last expert again. */
	reader_key(r, 'e');
	assert_false(pane_open(r));
	reader_key(r, 'e');
	assert_true(pane_shows(r, UNIT_EXPERT,
	    briefing_find_expert(f->b, "clarke")));
	reader_key(r, KEYC_ESC);
	assert_false(pane_open(r));
}

static void
reader_key__enter_on_quote_in_expert_pane__jumps_to_article(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	int n = 0;

	reader_key(r, '1');
	do {
		reader_key(r, KEYC_TAB);
		assert_true(++n < 40);
	} while (selected_ref(r, REGION_PANE).kind != REF_QUOTE);
	reader_key(r, KEYC_ENTER);
	assert_int_equal(reader_focus(r), REGION_BODY);
	assert_int_equal(reader_toc_current(r), 1);
	assert_true(row_has(r, REGION_BODY, 2, "Moscow must choose"));
}

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
		T(reader_resize__wide__toc_body_pane_side_by_side),
		T(reader_resize__narrow__toc_hidden_and_pane_covers_body),
		T(reader_resize__every_size_down_to_40x12__regions_fit),
		T(reader_resize__below_40x12__too_small_and_keys_ignored),
		T(reader_key__too_small_while_typing__q_does_not_quit),
		T(reader_resize__narrower__same_paragraph_at_top),
		T(reader_key__brackets__next_and_previous_section),
		T(reader_key__last_section__bracket_says_so),
		T(reader_key__toc_enter__opens_section_under_cursor),
		T(reader_exec__page_and_bottom__stay_in_document),
		T(reader_key__tab__selects_references_on_screen_in_order),
		T(reader_key__tab_past_the_screen__next_reference_scrolled_into_view),
		T(reader_key__tab_in_text_without_references__message),
		T(reader_key__tab_on_narrow_screen__reference_over_two_lines_is_one),
		T(reader_key__enter_then_backspace__actor_pane_and_exact_place_back),
		T(reader_key__new_jump_after_backspace__forward_list_cleared),
		T(reader_key__backspace_with_no_history__message),
		T(reader_key__related_actor_in_pane__followed_in_pane),
		T(reader_follow__mention__article_line_with_mention_selected),
		T(reader_follow__quote__article_at_the_quote),
		T(reader_key__section_link__jumps_to_section),
		T(reader_key__digits__numbered_experts),
		T(reader_key__enter_on_quote_in_expert_pane__jumps_to_article),
	};
#undef T
	int rc;

	test_setlocale();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	reader_fx_done();
	return rc;
}
