/*
 * Tests of the reader (reader.h): the reading state without a terminal. A
 * small briefing from memory is laid out at fixed screen sizes and driven
 * by keys (keymap.h codes) as the user would; the assertions read what the
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

/* ---- what the screen shows ------------------------------------------------ */

/* The text of a line, spans put together. */
static char *
line_text(const struct line *l)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; l != NULL && i < l->nspans; i++)
		buf_add(&b, l->spans[i].text, l->spans[i].len);
	return buf_release(&b);
}

static char *
row_text(struct reader *r, enum reader_region g, int row)
{
	struct row_marks m;

	return line_text(reader_row(r, g, row, &m));
}

static int
rows_of(const struct reader *r, enum reader_region g)
{
	const struct geometry *geo = reader_geometry(r);

	return g == REGION_PANE ? geo->pane_area.h : geo->body.h;
}

static bool
row_has(struct reader *r, enum reader_region g, int row, const char *want)
{
	char *s = row_text(r, g, row);
	bool ok = strstr(s, want) != NULL;

	if (!ok)
		print_message("row %d is \"%s\", not \"%s\"\n", row, s, want);
	free(s);
	return ok;
}

static bool
top_is(struct reader *r, enum reader_region g, const char *want)
{
	return row_has(r, g, 0, want);
}

/* The first row on screen holding s, or -1. */
static int
find_row(struct reader *r, enum reader_region g, const char *s)
{
	int i;
	char *t;
	bool found;

	for (i = 0; i < rows_of(r, g); i++) {
		t = row_text(r, g, i);
		found = strstr(t, s) != NULL;
		free(t);
		if (found)
			return i;
	}
	return -1;
}

/* The selected text on screen, with a space at each line break. */
static char *
selected(struct reader *r, enum reader_region g)
{
	const struct line *l;
	struct row_marks m;
	struct buf b;
	size_t s;
	int i, rows = 0;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < rows_of(r, g); i++) {
		if ((l = reader_row(r, g, i, &m)) == NULL)
			break;
		if (m.sel_to == 0)
			continue;
		if (rows++ > 0)
			buf_addc(&b, ' ');
		for (s = m.sel_from; s < m.sel_to; s++)
			buf_add(&b, l->spans[s].text, l->spans[s].len);
	}
	return buf_release(&b);
}

/* The rows on screen the selection covers. */
static int
selected_rows(struct reader *r, enum reader_region g)
{
	struct row_marks m;
	int i, n = 0;

	for (i = 0; i < rows_of(r, g); i++)
		if (reader_row(r, g, i, &m) != NULL && m.sel_to > 0)
			n++;
	return n;
}

/* The row of the selection's first span, or -1. */
static int
selected_row(struct reader *r, enum reader_region g)
{
	struct row_marks m;
	int i;

	for (i = 0; i < rows_of(r, g); i++)
		if (reader_row(r, g, i, &m) != NULL && m.sel_to > 0)
			return i;
	return -1;
}

/* The selected reference, as what it leads to. */
static struct ref_target
selected_ref(struct reader *r, enum reader_region g)
{
	struct ref_target none = { REF_NONE, 0 };
	const struct line *l;
	struct row_marks m;
	int i;

	for (i = 0; i < rows_of(r, g); i++)
		if ((l = reader_row(r, g, i, &m)) != NULL && m.sel_to > 0)
			return l->spans[m.sel_from].ref;
	return none;
}

static bool
selected_is(struct reader *r, enum reader_region g, const char *want)
{
	char *s = selected(r, g);
	bool same = strcmp(s, want) == 0;

	free(s);
	return same;
}

static void
assert_selected(struct reader *r, enum reader_region g, const char *want)
{
	char *s = selected(r, g);

	assert_string_equal(s, want);
	free(s);
}

/* The text of the current match on screen, a space at each line break. */
static char *
current_match(struct reader *r, enum reader_region g)
{
	const struct line *l;
	struct row_marks m;
	struct buf b, t;
	size_t k;
	int i, rows = 0;

	buf_init(&b);
	buf_init(&t);
	buf_add(&b, "", 0);
	for (i = 0; i < rows_of(r, g); i++) {
		if ((l = reader_row(r, g, i, &m)) == NULL)
			break;
		for (k = 0; k < m.nhl; k++) {
			if (!m.hl[k].current)
				continue;
			buf_reset(&t);
			for (size_t s = 0; s < l->nspans; s++)
				buf_add(&t, l->spans[s].text, l->spans[s].len);
			if (rows++ > 0)
				buf_addc(&b, ' ');
			buf_add(&b, t.data + m.hl[k].start,
			    m.hl[k].end - m.hl[k].start);
		}
	}
	buf_free(&t);
	return buf_release(&b);
}

static const char *
msg(const struct reader *r)
{
	return reader_message(r) != NULL ? reader_message(r) : "";
}

static bool
pane_shows(const struct reader *r, enum unit_kind kind, size_t index)
{
	struct unit_ref u;

	return reader_pane(r, &u) && u.kind == kind && u.index == index;
}

static bool
pane_open(const struct reader *r)
{
	struct unit_ref u;

	return reader_pane(r, &u);
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

/* ---- search ------------------------------------------------------------ */

static void
reader_search__any_case_and_accent__article_and_profiles(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t n, i;
	bool pane = false;
	char *s;

	n = reader_search(r, "KURDISTAN");
	/* In the article, and in the actor's own profile. */
	assert_true(n >= 2);
	assert_non_null(strstr(msg(r), "match 1 of "));
	/* The match is on screen and highlighted. */
	s = current_match(r, REGION_BODY);
	assert_string_equal(s, "Kürdistan");
	free(s);
	for (i = 1; i < n; i++) {
		reader_key(r, 'n');
		pane |= pane_shows(r, UNIT_ACTOR, actor(f, "kurdistan"));
	}
	assert_true(pane);
}

/*
 * The article's matches are counted on their own; the profiles' come
 * after them, counted apart; N before the first goes round to the last.
 */
static void
reader_key__n_and_N__article_then_profiles_and_wrap(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t n, i;
	char *want;

	n = reader_search(r, "taliban");
	/* Two in the article; the rest in profiles. */
	assert_true(n >= 4);
	want = xasprintf("match 1 of 2 \xc2\xb7 %zu more in profiles", n - 2);
	assert_string_equal(msg(r), want);
	free(want);
	reader_key(r, 'n');
	assert_non_null(strstr(msg(r), "match 2 of 2 "));
	reader_key(r, 'N');
	assert_non_null(strstr(msg(r), "match 1 of 2 "));
	reader_key(r, 'N');
	want = xasprintf("match %zu of %zu in profiles (search wrapped)",
	    n - 2, n - 2);
	assert_string_equal(msg(r), want);
	free(want);
	/* The last matches are in profiles: the pane shows them. */
	assert_true(pane_open(r));
	reader_key(r, 'n');
	assert_non_null(strstr(msg(r), "match 1 of 2 "));
	assert_non_null(strstr(msg(r), "(search wrapped)"));
	assert_int_equal(reader_focus(r), REGION_BODY);
	/* After the article's last, the profiles' first. */
	for (i = 0; i < 2; i++)
		reader_key(r, 'n');
	want = xasprintf("match 1 of %zu in profiles", n - 2);
	assert_string_equal(msg(r), want);
	free(want);
}

static void
reader_key__slash_prompt__types_searches_and_cancels(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, '/');
	assert_int_equal(reader_keymode(r), KEYMODE_PROMPT);
	keys(r, "zzq");
	reader_key(r, KEYC_BSPACE);
	assert_string_equal(reader_prompt(r), "zz");
	reader_key(r, KEYC_ENTER);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	assert_string_equal(msg(r), "Pattern not found: zz");
	reader_key(r, 'n');
	assert_string_equal(msg(r), "Pattern not found: zz");
	reader_key(r, '/');
	reader_key(r, 'x');
	reader_key(r, KEYC_CTRL('u'));
	assert_string_equal(reader_prompt(r), "");
	reader_key(r, 'x');
	reader_key(r, KEYC_ESC);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	/* An empty pattern searches for the last one again. */
	reader_key(r, '/');
	reader_key(r, KEYC_ENTER);
	assert_string_equal(msg(r), "Pattern not found: zz");
}

static void
reader_search__after_resize__current_match_kept(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *s;

	assert_int_equal(reader_search(r, "paragraph 30 "), 1);
	s = current_match(r, REGION_BODY);
	assert_string_equal(s, "Paragraph 30 ");
	free(s);
	reader_resize(r, 50, 20);
	s = current_match(r, REGION_BODY);
	assert_string_equal(s, "Paragraph 30 ");
	free(s);
	assert_string_equal(msg(r), "match 1 of 1");
}

static void
reader_search__phrase_over_line_break__found_at_every_width(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	static const int widths[] = { 160, 60, 40 };
	const char *phrase = "which goes on long enough to wrap at a narrow";
	size_t i, k;
	bool broken = false;
	char *s;

	for (i = 0; i < NITEMS(widths); i++) {
		reader_resize(r, widths[i], 20);
		/* Once in each of the sixty paragraphs of the third section. */
		assert_int_equal(reader_search(r, phrase), 60);
		for (k = 0; k < 60; k++) {
			/* The whole phrase is highlighted, on one line or
			 * two. */
			s = current_match(r, REGION_BODY);
			broken |= strchr(s, ' ') != NULL &&
			    strcmp(s, phrase) == 0 &&
			    find_row(r, REGION_BODY, phrase) < 0;
			assert_string_equal(s, phrase);
			free(s);
			reader_key(r, 'n');
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
	struct row_marks m;
	size_t k, seen = 0;
	int i;

	reader_resize(r, 40, 20);
	assert_true(reader_search(r, " ") > 0);
	for (i = 0; i < rows_of(r, REGION_BODY); i++) {
		if (reader_row(r, REGION_BODY, i, &m) == NULL)
			break;
		for (k = 0; k < m.nhl; k++) {
			assert_true(m.hl[k].end > m.hl[k].start);
			seen++;
		}
	}
	assert_true(seen > 0);
}

static void
reader_resize__search_on_and_pane_scrolled__pane_place_kept(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	char *row2, *now;

	reader_resize(r, 160, 12);
	reader_search(r, "taliban");
	reader_follow(r, (struct ref_target){ REF_ACTOR, actor(f, "taliban") });
	row2 = row_text(r, REGION_PANE, 2);
	reader_key(r, 'j');
	reader_key(r, 'j');
	now = row_text(r, REGION_PANE, 0);
	assert_string_equal(now, row2);
	free(now);
	/* One column more: the article is laid out again, not the pane. */
	reader_resize(r, 161, 12);
	now = row_text(r, REGION_PANE, 0);
	assert_string_equal(now, row2);
	free(now);
	free(row2);
	reader_key(r, 'n');
	assert_non_null(strstr(msg(r), "match "));
}

/* Opening and closing a pane lays the article out again, never searches. */
static void
reader_search__pane_opened_and_closed__no_search_again(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;
	size_t n = reader_search(r, "taliban");
	char *s;

	reader_follow(r, (struct ref_target){ REF_ACTOR, actor(f, "russia") });
	reader_key(r, KEYC_ESC);
	reader_key(r, 'e');
	reader_key(r, KEYC_ESC);
	reader_key(r, 'N');
	s = xasprintf("match %zu of %zu in profiles (search wrapped)", n - 2,
	    n - 2);
	assert_string_equal(msg(r), s);
	free(s);
}

/* ---- actor index ------------------------------------------------------- */

static void
reader_filter__case_accents_and_aliases__matching_actors(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	assert_int_equal(reader_filter(r, ""), 3);
	/* Sorted by name: Kürdistan, Russia, Taliban. */
	assert_int_equal(reader_index_actor(r, 0), actor(f, "kurdistan"));
	assert_int_equal(reader_index_actor(r, 2), actor(f, "taliban"));
	assert_int_equal(reader_filter(r, "KURD"), 1);
	assert_int_equal(reader_index_actor(r, 0), actor(f, "kurdistan"));
	assert_int_equal(reader_filter(r, "emirate"), 1);
	assert_int_equal(reader_index_actor(r, 0), actor(f, "taliban"));
	assert_int_equal(reader_filter(r, "moscow"), 1);
	assert_int_equal(reader_filter(r, "nobody"), 0);
}

static void
reader_key__index_typing__filters_and_enter_opens(void **state)
{
	struct fx *f = *state;
	struct reader *r = f->r;

	reader_key(r, 'a');
	assert_int_equal(reader_keymode(r), KEYMODE_INDEX);
	assert_int_equal(reader_index_count(r), 3);
	/* Letters filter: q and j are text here, not commands. */
	keys(r, "rusq");
	assert_int_equal(reader_index_count(r), 0);
	reader_key(r, KEYC_BSPACE);
	assert_int_equal(reader_index_count(r), 1);
	reader_key(r, KEYC_ENTER);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	assert_true(pane_shows(r, UNIT_ACTOR, actor(f, "russia")));
	reader_key(r, KEYC_BSPACE);
	assert_false(pane_open(r));
	reader_key(r, 'a');
	reader_key(r, KEYC_DOWN);
	assert_int_equal(reader_index_cursor(r), 1);
	/* ^U clears the filter. */
	keys(r, "tal");
	assert_int_equal(reader_index_count(r), 1);
	reader_key(r, KEYC_CTRL('u'));
	assert_string_equal(reader_index_filter(r), "");
	assert_int_equal(reader_index_count(r), 3);
	reader_key(r, KEYC_ESC);
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	assert_false(pane_open(r));
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
		T(reader_search__any_case_and_accent__article_and_profiles),
		T(reader_key__n_and_N__article_then_profiles_and_wrap),
		T(reader_key__slash_prompt__types_searches_and_cancels),
		T(reader_search__after_resize__current_match_kept),
		T(reader_search__phrase_over_line_break__found_at_every_width),
		T(reader_search__space_at_a_line_break__no_empty_match),
		T(reader_resize__search_on_and_pane_scrolled__pane_place_kept),
		T(reader_search__pane_opened_and_closed__no_search_again),
		T(reader_filter__case_accents_and_aliases__matching_actors),
		T(reader_key__index_typing__filters_and_enter_opens),
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
	free(main_md);
	return rc;
}
