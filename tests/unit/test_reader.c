/*
 * Tests of reader.c: the reading state without a terminal. A small
 * briefing from memory is laid out at fixed screen sizes and driven by
 * keys (keymap.h codes) as the user would; the assertions read what the
 * screen would show: the line at the top, the selected text, the pane, the
 * status message.
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "diag.h"
#include "keymap.h"
#include "load.h"
#include "reader.h"
#include "util.h"
#include "xref.h"

static const char *const experts[] = {
	"clarke",
	"---\nname: Colin Clarke\nrole: director of policy\n"
	"affiliation: Soufan Group\n---\n"
	"Clarke studies jihadist groups.\n",
	"katz",
	"---\nname: Mark Katz\nrole: professor\n---\n"
	"Katz writes on Russia.\n",
	NULL
};

static const char *const actors[] = {
	"taliban",
	"---\nname: Taliban\nkind: group\naliases: [Islamic Emirate]\n"
	"related:\n  russia: courted by\n---\nThe movement that rules Kabul.\n",
	"russia",
	"---\nname: Russia\nkind: state\naliases: [Moscow]\n---\n"
	"A state. It deals with the Taliban.\n",
	"kurdistan",
	"---\nname: Kürdistan\nkind: place\n---\nA region.\n",
	NULL
};

static char *main_md;

/* The article: an overview, three sections, one with a subsection. */
static void
make_main(void)
{
	struct buf b;
	int i;

	buf_init(&b);
	buf_adds(&b, "---\ntitle: Test Briefing\n---\n"
	    "Opening words of the overview.\n\n"
	    "## First section\n\n"
	    "The Taliban leaders met with Colin Clarke in Doha.\n\n"
	    "> Moscow must choose its partners with care.\n"
	    "> \xe2\x80\x94 [Colin Clarke](expert:clarke)\n\n"
	    "## Second section\n\n"
	    "Far away, Kürdistan. Back to [the start](section:first-section).\n\n"
	    "### Sub part\n\n"
	    "> Russia will wait.\n"
	    "> \xe2\x80\x94 [Mark Katz](expert:katz)\n\n"
	    "## Third section\n\n");
	for (i = 1; i <= 60; i++)
		buf_printf(&b, "Paragraph %d of the third section, which goes on "
		    "long enough to wrap at a narrow width.\n\n", i);
	buf_adds(&b, "The Taliban close the third section.\n");
	main_md = buf_release(&b);
}

struct fx {
	struct diag_list	 dl;
	struct briefing		*b;
	struct xref		*x;
	struct reader		*r;
};

static int
setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	if (main_md == NULL)
		make_main();
	diag_list_init(&f->dl);
	f->b = briefing_load_strings(main_md, experts, actors, NULL, false,
	    &f->dl);
	if (f->b == NULL)
		return -1;
	f->x = xref_build(f->b, &f->dl);
	f->r = reader_new(f->b, f->x);
	reader_resize(f->r, 160, 50);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fx *f = *state;

	reader_free(f->r);
	xref_free(f->x);
	briefing_free(f->b);
	diag_list_free(&f->dl);
	free(f);
	return 0;
}

/* The text of a line, spans put together. */
static char *
line_text(const struct line *l)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	for (i = 0; l != NULL && i < l->nspans; i++)
		buf_add(&b, l->spans[i].text, l->spans[i].len);
	return buf_release(&b);
}

static bool
top_is(const struct doc *d, const char *want)
{
	char *s = line_text(doc_line(d, d->top));
	bool ok = strstr(s, want) != NULL;

	if (!ok)
		print_message("top line is \"%s\", not \"%s\"\n", s, want);
	free(s);
	return ok;
}

/* The selected text, with a space at each line break. */
static char *
selected(const struct doc *d)
{
	struct buf b;
	const struct line *l;
	size_t i, s;

	buf_init(&b);
	for (i = d->sel.line0; d->sel.on && i <= d->sel.line1; i++) {
		l = doc_line(d, i);
		if (i > d->sel.line0)
			buf_addc(&b, ' ');
		for (s = 0; s < l->nspans; s++) {
			if (doc_selected(d, i, s))
				buf_add(&b, l->spans[s].text, l->spans[s].len);
		}
	}
	return buf_release(&b);
}

static bool
selected_is(const struct doc *d, const char *want)
{
	char *s = selected(d);
	bool same = strcmp(s, want) == 0;

	free(s);
	return same;
}

static void
assert_selected(const struct doc *d, const char *want)
{
	char *s = selected(d);

	assert_string_equal(s, want);
	free(s);
}

static void
keys(struct reader *r, const char *s)
{
	for (; *s != '\0'; s++)
		reader_key(r, (unsigned char)*s);
}

static size_t
actor(const struct fx *f, const char *id)
{
	return briefing_find_actor(f->b, id);
}

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

	reader_exec(r, CMD_EXPERT, 1);
	assert_true(r->wide);
	assert_true(r->toc_visible && r->pane_visible);
	assert_false(overlap(&r->toc, &r->body));
	assert_false(overlap(&r->body, &r->pane_area));
	assert_false(overlap(&r->toc, &r->pane_area));
	assert_true(r->body.w >= 40);
	assert_true(r->bodydoc.width <= READER_TEXT_MAX);
	assert_int_equal(r->focus, REGION_PANE);
}

static void
reader_resize__narrow__toc_hidden_and_pane_covers_body(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_resize(r, 60, 20);
	assert_false(r->wide);
	assert_false(r->toc_visible);
	reader_exec(r, CMD_EXPERT, 1);
	assert_true(r->pane_visible);
	assert_int_equal(r->pane_area.w, r->body.w);
	/* t shows the TOC over the body; Esc hides it again. */
	reader_exec(r, CMD_TOC, 0);
	assert_true(r->toc_visible);
	assert_int_equal(r->focus, REGION_TOC);
	reader_key(r, KEYC_ESC);
	assert_false(r->toc_visible);
	/* Back to the pane that had the focus. */
	assert_true(r->pane_visible);
	assert_int_equal(r->focus, REGION_PANE);
	/* Opening a section from the TOC shows the article. */
	reader_key(r, 't');
	reader_key(r, KEYC_ENTER);
	assert_false(r->pane_visible);
	assert_int_equal(r->focus, REGION_BODY);
}

static void
reader_resize__every_size_down_to_40x12__regions_fit(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	int cols, rows;

	reader_exec(r, CMD_EXPERT, 1);
	for (cols = 40; cols <= 200; cols += 7) {
		for (rows = 12; rows <= 60; rows += 5) {
			reader_resize(r, cols, rows);
			assert_false(r->too_small);
			assert_true(inside(&r->body, cols, rows - 2));
			assert_true(inside(&r->pane_area, cols, rows - 2));
			assert_true(inside(&r->overlay, cols, rows - 2));
			if (r->wide) {
				assert_false(overlap(&r->toc, &r->body));
				assert_false(overlap(&r->body, &r->pane_area));
			} else if (cols >= 80) {
				assert_false(overlap(&r->toc, &r->body));
			}
			assert_true(r->index_list.h >= 1);
			assert_true(r->bodydoc.width >= 1);
		}
	}
}

static void
reader_key__too_small_while_typing__q_does_not_quit(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, '/');
	assert_int_equal(r->mode, MODE_PROMPT);
	reader_resize(r, 20, 5);
	assert_true(r->too_small);
	assert_int_equal(reader_key(r, 'q'), READER_CONTINUE);
	reader_resize(r, 160, 50);
	assert_int_equal(r->mode, MODE_PROMPT);
	reader_key(r, KEYC_ESC);
	assert_int_equal(r->mode, MODE_NORMAL);
}

static void
reader_resize__below_40x12__too_small_and_keys_ignored(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t top = r->bodydoc.top;

	reader_resize(r, 39, 30);
	assert_true(r->too_small);
	reader_resize(r, 1, 1);
	assert_true(r->too_small);
	assert_int_equal(reader_key(r, 'j'), READER_CONTINUE);
	reader_click(r, 0, 0);
	reader_wheel(r, 0, 0, 3);
	assert_int_equal(r->bodydoc.top, top);
	assert_int_equal(reader_key(r, 'q'), READER_QUIT);
	reader_resize(r, 0, 0);
	assert_true(r->too_small);
	reader_resize(r, 80, 24);
	assert_false(r->too_small);
}

static void
reader_resize__narrower__same_paragraph_at_top(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct line *l;
	size_t block, part;
	int i;

	keys(r, "]]]");
	for (i = 0; i < 23; i++)
		reader_key(r, 'j');
	l = doc_line(&r->bodydoc, r->bodydoc.top);
	block = l->block;
	part = doc_part_of(&r->bodydoc, r->bodydoc.top);
	reader_resize(r, 60, 20);
	l = doc_line(&r->bodydoc, r->bodydoc.top);
	assert_int_equal(doc_part_of(&r->bodydoc, r->bodydoc.top), part);
	assert_int_equal(l->block, block);
	reader_resize(r, 160, 50);
	l = doc_line(&r->bodydoc, r->bodydoc.top);
	assert_int_equal(l->block, block);
}

/* ---- sections and TOC -------------------------------------------------- */

static void
reader_key__brackets__next_and_previous_section(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	assert_int_equal(r->bodydoc.top, 0);
	assert_int_equal(reader_toc_count(r), 5);
	keys(r, "]]");
	assert_true(top_is(&r->bodydoc, "First section"));
	assert_int_equal(reader_current_section(r), 1);
	reader_key(r, ']');
	assert_true(top_is(&r->bodydoc, "Second section"));
	/* From inside a section, [ goes to its start first. */
	reader_key(r, 'j');
	reader_key(r, '[');
	assert_true(top_is(&r->bodydoc, "Second section"));
	reader_key(r, '[');
	assert_true(top_is(&r->bodydoc, "First section"));
}

static void
reader_key__last_section__bracket_says_so(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	keys(r, "]]]]]]");
	assert_true(top_is(&r->bodydoc, "Third section"));
	reader_key(r, ']');
	assert_true(top_is(&r->bodydoc, "Third section"));
	assert_string_equal(r->msg, "This is the last section");
}

static void
reader_key__toc_enter__opens_section_under_cursor(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, 't');
	assert_int_equal(r->focus, REGION_TOC);
	keys(r, "jj");
	assert_int_equal(r->toc_cur, 2);
	assert_string_equal(reader_toc_title(r, 2), "Second section");
	/* j moved the TOC cursor, not the article. */
	assert_int_equal(r->bodydoc.top, 0);
	reader_key(r, KEYC_ENTER);
	assert_int_equal(r->focus, REGION_BODY);
	assert_true(top_is(&r->bodydoc, "Second section"));
	assert_int_equal(reader_toc_level(r, 3), 3);
}

static void
reader_exec__page_and_bottom__stay_in_document(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t h = (size_t)r->body.h;

	reader_exec(r, CMD_PAGE_DOWN, 0);
	assert_int_equal(r->bodydoc.top, h - 2);
	reader_exec(r, CMD_BOTTOM, 0);
	assert_true(r->bodydoc.top + h >= r->bodydoc.nlines);
	assert_int_equal(reader_percent(r), 100);
	reader_exec(r, CMD_LINE_DOWN, 0);
	assert_true(doc_line(&r->bodydoc, r->bodydoc.top) != NULL);
	reader_exec(r, CMD_TOP, 0);
	assert_int_equal(r->bodydoc.top, 0);
	reader_exec(r, CMD_LINE_UP, 0);
	assert_int_equal(r->bodydoc.top, 0);
}

/* ---- references and history ------------------------------------------- */

static void
reader_key__tab__selects_references_on_screen_in_order(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	keys(r, "]]");
	reader_key(r, KEYC_TAB);
	assert_selected(&r->bodydoc, "Taliban");
	reader_key(r, KEYC_TAB);
	assert_selected(&r->bodydoc, "Colin Clarke");
	reader_key(r, KEYC_BTAB);
	assert_selected(&r->bodydoc, "Taliban");
	/* Shift-Tab from the first wraps to the last on screen. */
	reader_key(r, KEYC_BTAB);
	assert_true(r->bodydoc.sel.on);
	assert_true(r->bodydoc.sel.line0 < r->bodydoc.top +
	    (size_t)r->body.h);
}

static void
reader_key__tab_with_no_reference_on_screen__message(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t top;
	char *s;

	/* The middle of the third section: paragraphs with no names. */
	reader_resize(r, 160, 12);
	keys(r, "Gbb");
	top = r->bodydoc.top;
	s = line_text(doc_line(&r->bodydoc, top + 1));
	assert_non_null(strstr(s, "Paragraph "));
	free(s);
	reader_key(r, KEYC_TAB);
	assert_false(r->bodydoc.sel.on);
	assert_string_equal(r->msg, "No cross-reference on screen");
	reader_key(r, KEYC_ENTER);
	assert_string_equal(r->msg,
	    "No cross-reference selected: Tab selects one");
	assert_int_equal(r->bodydoc.top, top);
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
		s = selected(&r->bodydoc);
		if (strcmp(s, "Colin Clarke") == 0) {
			free(s);
			break;
		}
		/* Never a lone piece of the name. */
		assert_true(strcmp(s, "Colin") != 0 && strcmp(s, "Clarke") != 0);
		free(s);
	}
	assert_true(i < 6);
	assert_true(r->bodydoc.sel.line1 == r->bodydoc.sel.line0 + 1);
}

static void
reader_key__enter_then_backspace__actor_pane_and_exact_place_back(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t top;

	keys(r, "]]");
	reader_key(r, 'j');
	top = r->bodydoc.top;
	reader_key(r, KEYC_TAB);
	assert_selected(&r->bodydoc, "Taliban");
	reader_key(r, KEYC_ENTER);
	assert_true(r->pane_visible);
	assert_int_equal(r->pane, PANE_ACTOR);
	assert_int_equal(r->pane_index, actor(f, "taliban"));
	assert_int_equal(r->focus, REGION_PANE);
	assert_true(top_is(&r->panedoc, "Taliban"));

	reader_key(r, KEYC_BSPACE);
	assert_false(r->pane_visible);
	assert_int_equal(r->focus, REGION_BODY);
	assert_int_equal(r->bodydoc.top, top);
	assert_selected(&r->bodydoc, "Taliban");

	/* Forward undoes the Backspace. */
	reader_key(r, 'f');
	assert_true(r->pane_visible);
	assert_int_equal(r->pane_index, actor(f, "taliban"));
	reader_key(r, 'f');
	assert_string_equal(r->msg, "Nothing to go forward to");
}

static void
reader_key__backspace_with_no_history__message(void **state)
{
	struct fx *f = *state;

	reader_key(f->r, KEYC_BSPACE);
	assert_string_equal(f->r->msg, "Nothing to go back to");
	reader_key(f->r, KEYC_ENTER);
	assert_non_null(strstr(f->r->msg, "Tab selects"));
}

static void
reader_key__related_actor_in_pane__followed_in_pane(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_follow(r, (struct ref_target){ REF_ACTOR, actor(f, "taliban") });
	reader_key(r, KEYC_TAB);
	assert_int_equal(r->focus, REGION_PANE);
	/* Tab cycles to the related actor, Russia. */
	while (!selected_is(&r->panedoc, "Russia")) {
		reader_key(r, KEYC_TAB);
		assert_true(r->panedoc.sel.line0 < r->panedoc.nlines);
	}
	reader_key(r, KEYC_ENTER);
	assert_int_equal(r->pane_index, actor(f, "russia"));
	reader_key(r, KEYC_BSPACE);
	assert_int_equal(r->pane_index, actor(f, "taliban"));
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
	assert_int_equal(r->focus, REGION_BODY);
	assert_selected(&r->bodydoc, "Kürdistan");
	assert_int_equal(reader_current_section(r), 2);
	assert_true(r->bodydoc.sel.line0 >= r->bodydoc.top);
	assert_true(r->bodydoc.sel.line0 < r->bodydoc.top + (size_t)r->body.h);
}

static void
reader_follow__quote__article_at_the_quote(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *s;

	assert_true(f->x->nquotes >= 2);
	reader_follow(r, (struct ref_target){ REF_QUOTE, 1 });
	assert_int_equal(r->focus, REGION_BODY);
	s = line_text(doc_line(&r->bodydoc, r->bodydoc.top + 2));
	assert_non_null(strstr(s, "Russia will wait"));
	free(s);
	reader_key(r, KEYC_BSPACE);
	assert_int_equal(r->bodydoc.top, 0);
}

static void
reader_key__section_link__jumps_to_section(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	keys(r, "]]]");
	while (!selected_is(&r->bodydoc, "the start")) {
		reader_key(r, KEYC_TAB);
		assert_true(r->bodydoc.sel.on);
	}
	reader_key(r, KEYC_ENTER);
	assert_true(top_is(&r->bodydoc, "First section"));
}

/* ---- experts ----------------------------------------------------------- */

static void
reader_key__digits__numbered_experts(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, '2');
	assert_int_equal(r->pane, PANE_EXPERT);
	assert_int_equal(r->pane_index, briefing_find_expert(f->b, "katz"));
	reader_key(r, '1');
	assert_int_equal(r->pane_index, briefing_find_expert(f->b, "clarke"));
	assert_true(top_is(&r->panedoc, "Colin Clarke"));
	reader_key(r, '7');
	assert_string_equal(r->msg, "No expert 7: experts go from 1 to 2");
	/* e hides the pane, and shows the last expert again. */
	reader_key(r, 'e');
	assert_false(r->pane_visible);
	reader_key(r, 'e');
	assert_true(r->pane_visible);
	assert_int_equal(r->pane_index, briefing_find_expert(f->b, "clarke"));
	reader_key(r, KEYC_ESC);
	assert_false(r->pane_visible);
}

static void
reader_key__enter_on_quote_in_expert_pane__jumps_to_article(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *s;

	reader_key(r, '1');
	do
		reader_key(r, KEYC_TAB);
	while (doc_line(&r->panedoc, r->panedoc.sel.line0)->
	    spans[r->panedoc.sel.span0].ref.kind != REF_QUOTE);
	reader_key(r, KEYC_ENTER);
	assert_int_equal(r->focus, REGION_BODY);
	assert_int_equal(reader_current_section(r), 1);
	s = line_text(doc_line(&r->bodydoc, r->bodydoc.top + 2));
	assert_non_null(strstr(s, "Moscow must choose"));
	free(s);
}

/* ---- search ------------------------------------------------------------ */

static void
reader_search__any_case_and_accent__article_and_profiles(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t n, i, body = 0, pane = 0;

	n = reader_search(r, "KURDISTAN");
	/* In the article, and in the actor's own profile. */
	for (i = 0; i < r->nmatches; i++) {
		if (r->matches[i].body)
			body++;
		else
			pane++;
	}
	assert_true(body >= 1);
	assert_true(pane >= 1);
	assert_int_equal(n, body + pane);
	assert_string_equal(r->msg, n == 2 ? "match 1 of 2" : r->msg);
	assert_non_null(strstr(r->msg, "match 1 of "));
	/* The match is on screen and highlighted. */
	assert_true(r->match_on);
	assert_true(r->matches[r->match_cur].line >= r->bodydoc.top);
}

static void
reader_key__n_and_N__move_across_sections_and_wrap(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t n, first;

	n = reader_search(r, "taliban");
	assert_true(n >= 4);
	first = r->match_cur;
	reader_key(r, 'n');
	assert_int_equal(r->match_cur, first + 1);
	reader_key(r, 'N');
	assert_int_equal(r->match_cur, first);
	reader_key(r, 'N');
	assert_int_equal(r->match_cur, n - 1);
	assert_non_null(strstr(r->msg, "wrapped"));
	/* The last matches are in profiles: the pane shows them. */
	assert_false(r->matches[r->match_cur].body);
	assert_true(r->pane_visible);
	reader_key(r, 'n');
	assert_int_equal(r->match_cur, 0);
	assert_int_equal(r->focus, REGION_BODY);
}

static void
reader_key__slash_prompt__types_searches_and_cancels(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, '/');
	assert_int_equal(r->mode, MODE_PROMPT);
	keys(r, "zzq");
	reader_key(r, KEYC_BSPACE);
	assert_string_equal(r->prompt.data, "zz");
	reader_key(r, KEYC_ENTER);
	assert_int_equal(r->mode, MODE_NORMAL);
	assert_string_equal(r->msg, "Pattern not found: zz");
	reader_key(r, 'n');
	assert_string_equal(r->msg, "Pattern not found: zz");
	reader_key(r, '/');
	reader_key(r, 'x');
	reader_key(r, KEYC_ESC);
	assert_int_equal(r->mode, MODE_NORMAL);
	assert_string_equal(r->pattern, "zz");
}

static void
reader_search__after_resize__current_match_kept(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t cur;

	reader_search(r, "paragraph 30 ");
	assert_int_equal(r->nmatches, 1);
	cur = r->matches[r->match_cur].line;
	reader_resize(r, 50, 20);
	assert_int_equal(r->nmatches, 1);
	assert_true(r->matches[r->match_cur].line != cur);
	assert_true(r->match_on);
}

/* The text a match highlights, a space at each line break. */
static char *
match_text(const struct reader *r, const struct match *m)
{
	const struct doc *d = m->body ? &r->bodydoc : &r->panedoc;
	const struct line *l;
	struct buf b, line;
	size_t i, s, start, end;

	buf_init(&b);
	buf_init(&line);
	for (i = m->line; i <= m->line1; i++) {
		l = doc_line(d, i);
		buf_reset(&line);
		for (s = 0; s < l->nspans; s++)
			buf_add(&line, l->spans[s].text, l->spans[s].len);
		if (!reader_match_bytes(m, l, i, &start, &end))
			continue;
		if (b.len > 0)
			buf_addc(&b, ' ');
		buf_add(&b, line.data + start, end - start);
	}
	buf_free(&line);
	return buf_release(&b);
}

static void
reader_search__phrase_over_line_break__found_at_every_width(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	static const int widths[] = { 160, 60, 40 };
	const char *phrase = "which goes on long enough to wrap at a narrow";
	const struct match *m;
	size_t i, n, k;
	bool broken = false;
	char *s;

	for (i = 0; i < NITEMS(widths); i++) {
		reader_resize(r, widths[i], 20);
		/* Once in each of the sixty paragraphs of the third section. */
		assert_int_equal(reader_search(r, phrase), 60);
		for (k = 0; k < r->nmatches; k++) {
			m = &r->matches[k];
			broken |= m->line1 > m->line;
			s = match_text(r, m);
			assert_string_equal(s, phrase);
			free(s);
			/* Drawn on each of its lines. */
			m = reader_line_matches(r, true, r->matches[k].line1,
			    &n);
			assert_true(n >= 1);
		}
	}
	/* At the narrower widths the phrase runs over a line break. */
	assert_true(broken);
}

static void
reader_search__space_at_a_line_break__no_empty_match(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t k, start, end;
	const struct match *m;

	reader_resize(r, 40, 20);
	reader_search(r, " ");
	assert_true(r->nmatches > 0);
	for (k = 0; k < r->nmatches && r->matches[k].body; k++) {
		m = &r->matches[k];
		assert_true(m->line1 >= m->line);
		assert_true(reader_match_bytes(m, doc_line(&r->bodydoc,
		    m->line), m->line, &start, &end));
		assert_int_equal(end - start, 1);
	}
}

static void
reader_resize__search_on_and_pane_scrolled__pane_place_kept(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_resize(r, 160, 12);
	reader_search(r, "taliban");
	reader_follow(r, (struct ref_target){ REF_ACTOR, actor(f, "taliban") });
	assert_true(r->panedoc.nlines > (size_t)r->pane_area.h + 2);
	reader_key(r, 'j');
	reader_key(r, 'j');
	assert_int_equal(r->panedoc.top, 2);
	/* One column more: the article is laid out again, not the pane. */
	reader_resize(r, 161, 12);
	assert_int_equal(r->panedoc.top, 2);
	assert_true(r->nmatches > 0);
}

/* ---- actor index ------------------------------------------------------- */

static void
reader_filter__case_accents_and_aliases__matching_actors(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	assert_int_equal(reader_filter(r, ""), 3);
	/* Sorted by name: Kürdistan, Russia, Taliban. */
	assert_int_equal(r->index_items[0], actor(f, "kurdistan"));
	assert_int_equal(r->index_items[2], actor(f, "taliban"));
	assert_int_equal(reader_filter(r, "KURD"), 1);
	assert_int_equal(r->index_items[0], actor(f, "kurdistan"));
	assert_int_equal(reader_filter(r, "emirate"), 1);
	assert_int_equal(r->index_items[0], actor(f, "taliban"));
	assert_int_equal(reader_filter(r, "moscow"), 1);
	assert_int_equal(reader_filter(r, "nobody"), 0);
}

static void
reader_key__index_typing__filters_and_enter_opens(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, 'a');
	assert_int_equal(r->mode, MODE_INDEX);
	assert_int_equal(r->nindex, 3);
	/* Letters filter: q and j are text here, not commands. */
	keys(r, "rusq");
	assert_int_equal(r->nindex, 0);
	reader_key(r, KEYC_BSPACE);
	assert_int_equal(r->nindex, 1);
	reader_key(r, KEYC_ENTER);
	assert_int_equal(r->mode, MODE_NORMAL);
	assert_int_equal(r->pane, PANE_ACTOR);
	assert_int_equal(r->pane_index, actor(f, "russia"));
	reader_key(r, KEYC_BSPACE);
	assert_false(r->pane_visible);
	reader_key(r, 'a');
	reader_key(r, KEYC_DOWN);
	assert_int_equal(r->index_cur, 1);
	reader_key(r, KEYC_ESC);
	assert_int_equal(r->mode, MODE_NORMAL);
	assert_false(r->pane_visible);
}

/* ---- help and mouse ---------------------------------------------------- */

static void
reader_key__help__lists_keys_and_closes(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t i;
	bool found = false;

	reader_key(r, '?');
	assert_int_equal(r->mode, MODE_HELP);
	for (i = 0; i < r->nhelp; i++)
		found |= strstr(r->help_lines[i], "Shift-Tab") != NULL;
	assert_true(found);
	assert_int_equal(reader_key(r, 'q'), READER_CONTINUE);
	assert_int_equal(r->mode, MODE_NORMAL);
	reader_key(r, 'Z');
	assert_non_null(strstr(r->msg, "not bound"));
}

static void
reader_resize__help_and_index_open__last_rows_still_shown(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t h;

	/* The end of the help, then a screen where it all fits: all shown. */
	reader_resize(r, 60, 20);
	reader_key(r, '?');
	reader_key(r, KEYC_END);
	assert_true(r->help_top > 0);
	reader_resize(r, 160, 50);
	assert_true(r->nhelp <= (size_t)r->overlay.h - 2);
	assert_int_equal(r->help_top, 0);
	reader_resize(r, 40, 12);
	h = (size_t)r->overlay.h - 2;
	reader_key(r, KEYC_END);
	assert_int_equal(r->help_top + h, r->nhelp);
	reader_key(r, KEYC_ESC);

	/* The index cursor on its last actor stays in the smaller list. */
	reader_resize(r, 160, 50);
	reader_key(r, 'a');
	reader_key(r, KEYC_END);
	assert_int_equal(r->index_cur, r->nindex - 1);
	reader_resize(r, 40, 12);
	assert_true(r->index_cur >= r->index_top);
	assert_true(r->index_cur < r->index_top + (size_t)r->index_list.h);
}

static void
reader_click__toc_entry_and_reference__followed(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	const struct line *l;
	int x;
	size_t s;

	/* The TOC's row 1 + entry. */
	reader_click(r, r->toc.x + 3, r->toc.y + 1 + 1);
	assert_true(top_is(&r->bodydoc, "First section"));
	/* The line with the Taliban, two lines below the heading. */
	l = doc_line(&r->bodydoc, r->bodydoc.top + 3);
	x = r->body.x + 1;
	for (s = 0; s < l->nspans && l->spans[s].ref.kind == REF_NONE; s++)
		x += l->spans[s].width;
	assert_true(s < l->nspans);
	reader_click(r, x, r->body.y + 3);
	assert_true(r->pane_visible);
	assert_int_equal(r->pane_index, actor(f, "taliban"));
	reader_wheel(r, r->pane_area.x + 2, r->pane_area.y + 1, 3);
	assert_int_equal(r->panedoc.top, 0);	/* shorter than the pane */
	reader_wheel(r, r->body.x + 2, r->body.y + 1, 3);
	assert_true(r->bodydoc.top > 0);
}

static void
reader_click__index_row__opens_that_actor(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, 'a');
	/* Rows: Kürdistan, Russia, Taliban. */
	reader_click(r, r->index_list.x + 2, r->index_list.y + 1);
	assert_int_equal(r->mode, MODE_NORMAL);
	assert_int_equal(r->pane, PANE_ACTOR);
	assert_int_equal(r->pane_index, actor(f, "russia"));
	/* A click outside the box closes the index. */
	reader_key(r, 'a');
	reader_click(r, 0, r->rows - 3);
	assert_int_equal(r->mode, MODE_NORMAL);
}

static void
reader_key__o__focus_between_article_and_pane(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, 'o');
	assert_string_equal(r->msg, "No pane is open: e shows the experts");
	reader_key(r, 'e');
	assert_int_equal(r->focus, REGION_PANE);
	reader_key(r, 'o');
	assert_int_equal(r->focus, REGION_BODY);
	assert_true(r->pane_visible);
	/* j now scrolls the article, not the pane. */
	reader_key(r, 'j');
	assert_int_equal(r->bodydoc.top, 1);
	assert_int_equal(r->panedoc.top, 0);
	reader_key(r, 'o');
	assert_int_equal(r->focus, REGION_PANE);
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
		T(reader_key__tab_with_no_reference_on_screen__message),
		T(reader_key__tab_on_narrow_screen__reference_over_two_lines_is_one),
		T(reader_key__enter_then_backspace__actor_pane_and_exact_place_back),
		T(reader_key__backspace_with_no_history__message),
		T(reader_key__related_actor_in_pane__followed_in_pane),
		T(reader_follow__mention__article_line_with_mention_selected),
		T(reader_follow__quote__article_at_the_quote),
		T(reader_key__section_link__jumps_to_section),
		T(reader_key__digits__numbered_experts),
		T(reader_key__enter_on_quote_in_expert_pane__jumps_to_article),
		T(reader_search__any_case_and_accent__article_and_profiles),
		T(reader_key__n_and_N__move_across_sections_and_wrap),
		T(reader_key__slash_prompt__types_searches_and_cancels),
		T(reader_search__after_resize__current_match_kept),
		T(reader_search__phrase_over_line_break__found_at_every_width),
		T(reader_search__space_at_a_line_break__no_empty_match),
		T(reader_resize__search_on_and_pane_scrolled__pane_place_kept),
		T(reader_filter__case_accents_and_aliases__matching_actors),
		T(reader_key__index_typing__filters_and_enter_opens),
		T(reader_key__help__lists_keys_and_closes),
		T(reader_resize__help_and_index_open__last_rows_still_shown),
		T(reader_click__toc_entry_and_reference__followed),
		T(reader_click__index_row__opens_that_actor),
		T(reader_key__o__focus_between_article_and_pane),
	};
#undef T
	int rc;

	test_setlocale();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	free(main_md);
	return rc;
}
