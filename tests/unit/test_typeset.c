/*
 * Unit tests of the typesetter (typeset.c) on pages from the composers
 * (compose.h): bodies parsed here with cmark, and whole units from
 * tests/fixtures/layout/refs through the loader and the index.
 */
#include "test_common.h"

#include <string.h>

#include "compose.h"
#include "typeset.h"
#include "load.h"
#include "textsafe.h"
#include "util.h"
#include "xref.h"

#define BULLET	"\xe2\x80\xa2"	/* • */
#define WHITE	"\xe2\x97\xa6"	/* ◦ */
#define SQUARE	"\xe2\x96\xaa"	/* ▪ */
#define BAR	"\xe2\x94\x82"	/* │ */
#define DASH	"\xe2\x80\x94"	/* — */
#define ESCPIC	"\xe2\x90\x9b"	/* ␛ */
#define HELLIP	"\xe2\x80\xa6"	/* … */

static const char paragraph[] =
    "Russia has long worried about militancy spilling over from "
    "Afghanistan into Central Asia, and the attack on Crocus City Hall "
    "outside Moscow in March 2024 turned that worry into a national "
    "emergency with consequences for its policy toward the Taliban.";

/* ---- helpers ------------------------------------------------------------- */

static struct layout *
lay_md(const char *md, int width, int cmark_opts)
{
	struct compose_opts co = { false };
	struct typeset_opts to = { width };
	struct body body;
	struct layout *lay;
	struct page *page;

	body.doc = cmark_parse_document(md, strlen(md),
	    CMARK_OPT_SOURCEPOS | cmark_opts);
	body.file = NULL;
	body.autolink = true;
	page = compose_body(&body, &co);
	lay = typeset(page, &to);
	page_free(page);
	cmark_node_free(body.doc);
	return lay;
}

/* A unit's page, typeset at a width; reference marks as --dump has them. */
static struct layout *
lay_unit(const struct briefing *b, const struct xref *x, struct unit_ref u,
    int width, bool marks)
{
	struct compose_opts co = { marks };
	struct typeset_opts to = { width };
	struct page *page = compose_page(b, x, u, &co);
	struct layout *lay = typeset(page, &to);

	page_free(page);
	return lay;
}

/* The text of a line, as a new string. */
static char *
line_text(const struct line *l)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < l->nspans; i++)
		buf_add(&b, l->spans[i].text, l->spans[i].len);
	return buf_release(&b);
}

/* The index of the first line from `from` holding s, or -1. */
static int
find_line(const struct layout *lay, size_t from, const char *s)
{
	size_t i;
	char *t;
	bool found;

	for (i = from; i < lay->nlines; i++) {
		t = line_text(&lay->lines[i]);
		found = strstr(t, s) != NULL;
		free(t);
		if (found)
			return (int)i;
	}
	return -1;
}

static void
assert_line(const struct layout *lay, size_t i, const char *want)
{
	char *t;

	assert_true(i < lay->nlines);
	t = line_text(&lay->lines[i]);
	assert_string_equal(t, want);
	free(t);
}

/* The span of line i that holds s; fails when there is none. */
static const struct span *
find_span(const struct layout *lay, size_t i, const char *s)
{
	size_t k;

	assert_true(i < lay->nlines);
	for (k = 0; k < lay->lines[i].nspans; k++) {
		if (strstr(lay->lines[i].spans[k].text, s) != NULL)
			return &lay->lines[i].spans[k];
	}
	fail_msg("no span holds \"%s\" on line %zu", s, i);
	return NULL;
}

/*
 * Every line fits: its width is the sum of its spans', no more than the
 * layout's, each span's width is what its text takes, and no span holds a
 * control character.
 */
static void
assert_fits(const struct layout *lay, int width)
{
	const struct span *s;
	const unsigned char *p;
	size_t i, k;
	int sum;

	assert_int_equal(lay->width, width);
	for (i = 0; i < lay->nlines; i++) {
		sum = 0;
		for (k = 0; k < lay->lines[i].nspans; k++) {
			s = &lay->lines[i].spans[k];
			assert_int_equal(s->len, strlen(s->text));
			assert_int_equal(s->width,
			    textsafe_width(s->text, s->len, false));
			for (p = (const unsigned char *)s->text; *p; p++)
				assert_true(*p >= 0x20 && *p != 0x7F);
			sum += s->width;
		}
		assert_int_equal(sum, lay->lines[i].width);
		assert_true(lay->lines[i].width <= width);
	}
}

/*
 * Lay md out at width and check every line against want (NULL-terminated);
 * returns the layout for further checks.
 */
static struct layout *
lay_expect(const char *md, int width, const char *const *want)
{
	struct layout *lay = lay_md(md, width, 0);
	size_t i;

	assert_fits(lay, width);
	for (i = 0; want[i] != NULL; i++)
		assert_line(lay, i, want[i]);
	assert_int_equal(lay->nlines, i);
	return lay;
}

/* All lines joined by single spaces. */
static char *
joined(const struct layout *lay)
{
	struct buf b;
	size_t i;
	char *t;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < lay->nlines; i++) {
		t = line_text(&lay->lines[i]);
		if (*t != '\0') {
			if (b.len > 0)
				buf_addc(&b, ' ');
			buf_adds(&b, t);
		}
		free(t);
	}
	return buf_release(&b);
}

/* The paragraph at a width: fits, words whole, text unchanged. */
static void
check_paragraph(int width)
{
	struct layout *lay = lay_md(paragraph, width, 0);
	char *all;
	size_t i;

	assert_fits(lay, width);
	assert_true(lay->nlines > 1);
	/* Joining the lines with spaces gives the text back: every break
	 * was at a space, so no word was split. */
	all = joined(lay);
	assert_string_equal(all, paragraph);
	free(all);
	/* Greedy: the next word would not have fitted on the line. */
	for (i = 0; i + 1 < lay->nlines; i++) {
		char *next = line_text(&lay->lines[i + 1]);
		size_t wl = strcspn(next, " ");

		assert_true(lay->lines[i].width + 1 + (int)wl > width);
		free(next);
	}
	layout_free(lay);
}

/* tests/fixtures/layout/refs, loaded once for the group. */
struct fx {
	struct briefing	*b;
	struct xref	*x;
};

static int
fx_setup(void **state)
{
	static struct fx fx;
	struct diag_list dl;

	test_setlocale();
	diag_list_init(&dl);
	fx.b = briefing_load(fixture("layout/refs"), &dl);
	fx.x = fx.b != NULL ? xref_build(fx.b, &dl) : NULL;
	diag_list_free(&dl);
	*state = &fx;
	return fx.b != NULL && fx.x != NULL ? 0 : -1;
}

static int
fx_teardown(void **state)
{
	struct fx *fx = *state;

	xref_free(fx->x);
	briefing_free(fx->b);
	return 0;
}

static struct unit_ref
section_ref(const struct briefing *b, const char *id)
{
	struct unit_ref u = { UNIT_SECTION, briefing_find_section(b, id) };

	assert_true(u.index != MODEL_NONE);
	return u;
}

/* ---- paragraphs and wrapping -------------------------------------------- */

static void
typeset__paragraph_width_20__fits_words_whole(void **state)
{
	(void)state;
	check_paragraph(20);
}

static void
typeset__paragraph_width_40__fits_words_whole(void **state)
{
	(void)state;
	check_paragraph(40);
}

static void
typeset__paragraph_width_80__fits_words_whole(void **state)
{
	(void)state;
	check_paragraph(80);
}

static void
typeset__long_word__broken_at_width(void **state)
{
	static const char *const want[] = {
		"a", "Counter", "terrori", "sm b", NULL
	};

	(void)state;
	layout_free(lay_expect("a Counterterrorism b", 7, want));
}

static void
typeset__cjk_odd_width__two_columns_never_over(void **state)
{
	/* ten ideographs, 20 columns, at width 7: 3 per line (6 columns) */
	static const char cjk[] = "\xe4\xb8\xad\xe5\x9b\xbd\xe5\x92\x8c"
	    "\xe4\xbf\x84\xe7\xbd\x97\xe6\x96\xaf\xe7\x9a\x84\xe5\x85\xb3"
	    "\xe7\xb3\xbb\xe5\xbe\x88";
	struct layout *lay;
	char *all;
	size_t i;

	(void)state;
	lay = lay_md(cjk, 7, 0);
	assert_fits(lay, 7);
	assert_int_equal(lay->nlines, 4);
	for (i = 0; i < 3; i++)
		assert_int_equal(lay->lines[i].width, 6);
	assert_int_equal(lay->lines[3].width, 2);
	layout_free(lay);

	/* mixed with Latin words: breaks between ideographs are allowed */
	lay = lay_md("Moscow \xe4\xb8\xad\xe5\x9b\xbd\xe5\x92\x8c ok", 9, 0);
	assert_fits(lay, 9);
	assert_line(lay, 0, "Moscow \xe4\xb8\xad");
	all = line_text(&lay->lines[1]);
	assert_string_equal(all, "\xe5\x9b\xbd\xe5\x92\x8c ok");
	free(all);
	layout_free(lay);
}

static void
typeset__width_one__ends_and_fits(void **state)
{
	struct layout *lay;

	(void)state;
	lay = lay_md("> - nested \xe4\xb8\xad *quote*\n>\n>   1. x\n\n"
	    "```\n\tcode\n```\n\n---\n", 1, 0);
	assert_fits(lay, 1);
	/* the ideograph cannot fit one column: shown as an ellipsis */
	assert_true(find_line(lay, 0, HELLIP) >= 0);
	assert_true(find_line(lay, 0, "q") >= 0);
	layout_free(lay);
}

static void
typeset__deep_nesting__no_crash_prefix_capped(void **state)
{
	struct buf md;
	struct layout *lay;
	int i;

	(void)state;
	buf_init(&md);
	for (i = 0; i < 5000; i++)
		buf_adds(&md, "> ");
	buf_adds(&md, "deep words here\n");
	lay = lay_md(md.data, 30, 0);
	assert_fits(lay, 30);
	/* the text keeps at least 10 columns beside the bars */
	assert_true(find_line(lay, 0, "deep words") >= 0);
	layout_free(lay);
	buf_free(&md);
}

/* ---- blocks -------------------------------------------------------------- */

static void
typeset__nested_lists__markers_by_depth_and_hanging_indent(void **state)
{
	static const char *const want[] = {
		BULLET " one two",
		"  three four",
		"  " WHITE " inner item",
		"    text",
		"    " SQUARE " third",
		"      level",
		BULLET " last",		/* tight: no blank lines */
		NULL
	};
	struct layout *lay;

	(void)state;
	lay = lay_expect("- one two three four\n"
	    "  - inner item text\n"
	    "    - third level\n"
	    "- last\n", 14, want);
	assert_int_equal(find_span(lay, 0, BULLET)->style, STYLE_MARKER);
	layout_free(lay);
}

static void
typeset__empty_items__markers_still_shown(void **state)
{
	static const char *const want[] = {
		BULLET, BULLET " " WHITE, BULLET " b", NULL
	};

	(void)state;
	layout_free(lay_expect("-\n- - \n- b\n", 20, want));
}

static void
typeset__ordered_list_to_ten__numbers_right_aligned(void **state)
{
	static const char *const want[] = {
		" 8. eight", " 9. nine", "10. ten and more", "    words", NULL
	};

	(void)state;
	layout_free(lay_expect("8. eight\n9. nine\n10. ten and more words\n",
	    16, want));
}

static void
typeset__loose_list__blank_lines_between_items(void **state)
{
	static const char *const want[] = {
		"1) a", "", "2) b", "", "after", NULL
	};

	(void)state;
	layout_free(lay_expect("1) a\n\n2) b\n\nafter\n", 20, want));
}

static void
typeset__blockquote__bars_and_quote_style(void **state)
{
	static const char *const want[] = {
		"before", "", BAR " one two", BAR " three", BAR,
		BAR " " BAR " inner", NULL
	};
	struct layout *lay;

	(void)state;
	lay = lay_expect("before\n\n> one two three\n>\n> > inner\n", 12, want);
	assert_true(find_span(lay, 2, BAR)->style & STYLE_RULE);
	assert_true(find_span(lay, 2, "one")->style & STYLE_QUOTE);
	layout_free(lay);
}

static void
typeset__quote_attribution__right_aligned_attrib(void **state)
{
	struct layout *lay;
	const struct span *s;
	int i;

	(void)state;
	lay = lay_md("> Not a partner.\n>\n> " DASH " Colin P. Clarke\n", 30, 0);
	assert_fits(lay, 30);
	i = find_line(lay, 0, DASH " Colin");
	assert_true(i >= 0);
	assert_int_equal(lay->lines[i].width, 30);	/* flush right */
	s = find_span(lay, (size_t)i, "Colin");
	assert_true(s->style & STYLE_ATTRIB);
	s = find_span(lay, 0, "partner");
	assert_false(s->style & STYLE_ATTRIB);
	layout_free(lay);

	/* on the line after the quote, with no blank line between */
	lay = lay_md("> Not a partner.\n> " DASH " Clarke\n", 30, 0);
	assert_line(lay, 0, BAR " Not a partner.");
	assert_int_equal(lay->lines[1].width, 30);
	assert_true(find_span(lay, 1, "Clarke")->style & STYLE_ATTRIB);
	layout_free(lay);
}

static void
typeset__code_block__tabs_expanded_indent_kept(void **state)
{
	static const char *const want[] = {
		"  int     x;", "      y = 1;", "", "  z", NULL
	};
	struct layout *lay;

	(void)state;
	lay = lay_expect("```c\nint\tx;\n    y = 1;\n\nz\n```\n", 40, want);
	assert_true(find_span(lay, 0, "int")->style & STYLE_CODE);
	layout_free(lay);
}

static void
typeset__code_block_narrow__cut_hard_not_filled(void **state)
{
	static const char *const want[] = {
		"  a b c", "  d e f", "  g h", NULL
	};

	(void)state;
	layout_free(lay_expect("    a b c d e f g h\n", 8, want));
}

static void
typeset__hard_and_soft_breaks__line_and_space(void **state)
{
	static const char *const want[] = { "one two", "three", "four", NULL };

	(void)state;
	layout_free(lay_expect("one\ntwo  \nthree\\\nfour\n", 40, want));
}

static void
typeset__emphasis_strong_code__style_bits(void **state)
{
	struct layout *lay;

	(void)state;
	lay = lay_md("plain *it **both** it* **bold** `code`\n", 80, 0);
	assert_int_equal(find_span(lay, 0, "plain")->style, 0);
	assert_int_equal(find_span(lay, 0, "it ")->style, STYLE_ITALIC);
	assert_int_equal(find_span(lay, 0, "both")->style,
	    STYLE_ITALIC | STYLE_BOLD);
	assert_int_equal(find_span(lay, 0, "bold")->style, STYLE_BOLD);
	assert_int_equal(find_span(lay, 0, "code")->style, STYLE_CODE);
	assert_line(lay, 0, "plain it both it bold code");
	layout_free(lay);
}

static void
typeset__heading_levels__double_single_or_no_rule(void **state)
{
	struct layout *lay;

	(void)state;
	lay = lay_md("## Big\n\n### Small\n\n#### Tiny\n\ntext\n", 40, 0);
	assert_line(lay, 0, "Big");
	assert_line(lay, 1, "\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90");	/* ═══ */
	assert_line(lay, 2, "");
	assert_line(lay, 3, "Small");
	assert_line(lay, 4, "\xe2\x94\x80\xe2\x94\x80\xe2\x94\x80"
	    "\xe2\x94\x80\xe2\x94\x80");					/* ───── */
	assert_line(lay, 6, "Tiny");
	assert_line(lay, 7, "");
	assert_line(lay, 8, "text");
	assert_true(find_span(lay, 0, "Big")->style & STYLE_HEADING);
	assert_true(find_span(lay, 1, "\xe2\x95\x90")->style & STYLE_RULE);
	assert_true(find_span(lay, 6, "Tiny")->style & STYLE_HEADING);
	assert_int_equal(find_span(lay, 8, "text")->style, 0);
	layout_free(lay);
}

static void
typeset__thematic_break__rule_across_width(void **state)
{
	struct layout *lay;

	(void)state;
	lay = lay_md("a\n\n***\n\nb\n", 24, 0);
	assert_int_equal(lay->lines[2].width, 24);
	assert_true(lay->lines[2].spans[0].style & STYLE_RULE);
	layout_free(lay);
}

static void
typeset__links_images_html__url_dim_html_literal(void **state)
{
	struct layout *lay;
	const struct span *s;

	(void)state;
	lay = lay_md("See [the article](https://ex.org/a), <https://ex.org/b>, "
	    "![a map](map.png) and <b>bold</b>\n\n<div>\nraw\n</div>\n", 200, 0);
	assert_line(lay, 0, "See the article <https://ex.org/a>, https://ex.org/b, "
	    "[image: a map] and <b>bold</b>");
	assert_true(find_span(lay, 0, "the article")->style & STYLE_LINK);
	s = find_span(lay, 0, "<https://ex.org/a>");
	assert_true(s->style & STYLE_DIM);
	assert_true(find_span(lay, 0, "<b>")->style & STYLE_DIM);
	assert_line(lay, 2, "  <div>");
	assert_true(find_span(lay, 3, "raw")->style & STYLE_DIM);
	layout_free(lay);
}

static void
typeset__block_ordinals__same_at_every_width(void **state)
{
	static const char md[] = "# H\n\nfirst paragraph with words\n\n"
	    "- item one\n- item two\n\n> quoted words here\n";
	struct layout *a, *b;
	size_t i, maxa = 0, maxb = 0;
	int ia, ib;

	(void)state;
	a = lay_md(md, 80, 0);
	b = lay_md(md, 9, 0);
	for (i = 0; i < a->nlines; i++)
		maxa = a->lines[i].block > maxa ? a->lines[i].block : maxa;
	for (i = 0; i < b->nlines; i++) {
		maxb = b->lines[i].block > maxb ? b->lines[i].block : maxb;
		if (i > 0)
			assert_true(b->lines[i].block >= b->lines[i - 1].block);
	}
	assert_int_equal(maxa, maxb);
	ia = find_line(a, 0, "item two");
	ib = find_line(b, 0, "two");
	assert_true(ia >= 0 && ib >= 0);
	assert_int_equal(a->lines[ia].block, b->lines[ib].block);
	assert_int_equal(a->lines[ia].src_line, 6);
	layout_free(a);
	layout_free(b);
}

/* ---- unsafe text ---------------------------------------------------------- */

static void
typeset__esc_entity__placeholder_control_style(void **state)
{
	struct layout *lay;
	const struct span *s;

	(void)state;
	/* cmark decodes &#27; to a raw ESC: it must not reach a span */
	lay = lay_md("red &#27;[31mALERT&#27;[0m done\n", 80, 0);
	assert_fits(lay, 80);
	assert_line(lay, 0, "red " ESCPIC "[31mALERT" ESCPIC "[0m done");
	s = find_span(lay, 0, ESCPIC);
	assert_string_equal(s->text, ESCPIC);
	assert_true(s->style & STYLE_CONTROL);
	assert_false(find_span(lay, 0, "ALERT")->style & STYLE_CONTROL);
	layout_free(lay);
}

static void
typeset__rlo_and_c1__visible_placeholders(void **state)
{
	struct layout *lay;

	(void)state;
	lay = lay_md("*abc\xe2\x80\xae" "def* x\xc2\x9b" "1m\n", 80,
	    CMARK_OPT_VALIDATE_UTF8);
	assert_fits(lay, 80);
	assert_line(lay, 0, "abc<U+202E>def x<U+009B>1m");
	assert_int_equal(find_span(lay, 0, "<U+202E>")->style,
	    STYLE_ITALIC | STYLE_CONTROL);
	assert_int_equal(find_span(lay, 0, "<U+009B>")->style, STYLE_CONTROL);
	layout_free(lay);
}

static void
typeset__broken_utf8__replacement_character(void **state)
{
	struct layout *lay;

	(void)state;
	/* without VALIDATE_UTF8 the bad bytes reach the layout */
	lay = lay_md("bad \xff\xfe bytes \xe2\x82\n", 80, 0);
	assert_fits(lay, 80);
	assert_line(lay, 0, "bad \xef\xbf\xbd\xef\xbf\xbd bytes "
	    "\xef\xbf\xbd\xef\xbf\xbd");
	layout_free(lay);
}

static void
typeset__placeholder_narrow__split_never_over(void **state)
{
	static const char *const want[] = {
		"<U+20", "2E><U", "+202E", ">", NULL
	};

	(void)state;
	layout_free(lay_expect("\xe2\x80\xae\xe2\x80\xae", 5, want));
}

/* ---- units ------------------------------------------------------------------ */

static void
compose_page__section_mark_refs__markers_and_references(void **state)
{
	const int width = 80;
	const bool marks = true;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	struct xref *x = fx->x;
	int refs;

	lay = lay_unit(b, x, section_ref(b, "moscows-options"), width, marks);
	assert_fits(lay, 80);
	assert_line(lay, 0, "Moscow's options");
	assert_true(find_span(lay, 0, "Moscow")->style & STYLE_HEADING);
	/* same target, same number; numbered by first appearance */
	assert_true(find_line(lay, 0, "Russia[1] talks to the Taliban[2]; "
	    "see the other section[3]. Russia[1] again.") >= 0);
	assert_true(find_line(lay, 0, "The Taliban[2] is not a partner.") >= 0);
	assert_true(find_line(lay, 0, "Colin P. Clarke[4]") >= 0);
	refs = find_line(lay, 0, "References");
	assert_true(refs > 0);
	assert_line(lay, (size_t)refs + 3, "[1] actor: Russia");
	assert_line(lay, (size_t)refs + 4, "[2] actor: Taliban");
	assert_line(lay, (size_t)refs + 5, "[3] section: Other");
	assert_line(lay, (size_t)refs + 6, "[4] expert: Colin P. Clarke");
	assert_int_equal(lay->nlines, (size_t)refs + 7);
	assert_int_equal(find_span(lay, 3, "[1]")->style, STYLE_REFMARK);
	layout_free(lay);
}

static void
compose_page__section_refs__spans_carry_target_and_mention(void **state)
{
	const int width = 80;
	const bool marks = false;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	const struct span *s;
	struct unit_ref u;
	struct xref *x = fx->x;
	int i;

	u = section_ref(b, "moscows-options");
	lay = lay_unit(b, x, u, width, marks);
	i = find_line(lay, 0, "Russia talks");
	assert_true(i >= 0);
	assert_true(find_line(lay, 0, "[1]") < 0);	/* no markers */
	s = find_span(lay, (size_t)i, "Taliban");
	assert_string_equal(s->text, "Taliban");
	assert_true(s->style & STYLE_REF);
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->ref.index, briefing_find_actor(b, "taliban"));
	assert_true(s->mention < x->nmentions);
	assert_non_null(x->mentions[s->mention].node);
	assert_int_equal(x->mentions[s->mention].target.kind, REF_ACTOR);
	assert_true(s->mention >= xref_unit_first(x, u));
	s = find_span(lay, (size_t)i, "the other section");
	assert_int_equal(s->ref.kind, REF_SECTION);
	assert_int_equal(s->ref.index, briefing_find_section(b, "other"));
	s = find_span(lay, (size_t)i, "Russia");
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_false(x->mentions[s->mention].explicit_link);
	assert_int_equal(find_span(lay, (size_t)i, " talks")->ref.kind,
	    REF_NONE);
	layout_free(lay);
}

static void
compose_page__wrapped_reference__pieces_share_ref(void **state)
{
	const int width = 18;
	const bool marks = true;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	const struct span *s1, *s2;
	struct xref *x = fx->x;
	int i;

	lay = lay_unit(b, x, section_ref(b, "moscows-options"), width, marks);
	assert_fits(lay, 18);
	/* "the other section[3]." wraps inside the reference */
	i = find_line(lay, 0, "see the other");
	assert_true(i >= 0);
	assert_line(lay, (size_t)i, "see the other");
	assert_line(lay, (size_t)i + 1, "section[3].");
	s1 = find_span(lay, (size_t)i, "the other");
	s2 = find_span(lay, (size_t)i + 1, "section");
	assert_string_equal(s2->text, "section");
	assert_int_equal(s1->ref.kind, REF_SECTION);
	assert_int_equal(s2->ref.kind, REF_SECTION);
	assert_int_equal(s1->ref.index, s2->ref.index);
	assert_int_equal(s1->mention, s2->mention);
	assert_true(s1->mention != XREF_NONE);
	layout_free(lay);
}

static void
compose_page__no_xref__explicit_links_still_refs(void **state)
{
	const int width = 80;
	const bool marks = true;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	const struct span *s;
	int i;

	lay = lay_unit(b, NULL, section_ref(b, "moscows-options"), width, marks);
	assert_fits(lay, 80);
	/* no implicit mentions without the index, links resolved by id */
	i = find_line(lay, 0, "Russia talks to the Taliban[1]; see the other "
	    "section[2]. Russia again.");
	assert_true(i >= 0);
	s = find_span(lay, (size_t)i, "Taliban");
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->mention, XREF_NONE);
	layout_free(lay);
}

static void
compose_page__expert__profile_then_quotes_with_quote_ref(void **state)
{
	const int width = 60;
	const bool marks = false;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	struct unit_ref u;
	struct xref *x = fx->x;
	size_t qi, k;
	int i, from, to;

	u.kind = UNIT_EXPERT;
	u.index = briefing_find_expert(b, "clarke");
	lay = lay_unit(b, x, u, width, marks);
	assert_fits(lay, 60);
	assert_line(lay, 0, "Colin P. Clarke");
	assert_true(find_span(lay, 0, "Colin")->style & STYLE_TITLE);
	assert_line(lay, 2, "Director of research, The Soufan Group");
	assert_true(find_line(lay, 0, "Expert 1 \xc2\xb7 quoted once") > 0);
	assert_true(find_line(lay, 0, "A researcher who writes") > 0);
	i = find_line(lay, 0, "Quotes");
	assert_true(i > 0);
	from = find_line(lay, (size_t)i, BAR " The Taliban is not a partner.");
	to = find_line(lay, (size_t)i, DASH " in Moscow's options");
	assert_true(from > i && to > from);
	qi = x->experts[u.index].quotes.v[0];
	for (; from <= to; from++) {
		for (k = 0; k < lay->lines[from].nspans; k++) {
			assert_int_equal(lay->lines[from].spans[k].ref.kind,
			    REF_QUOTE);
			assert_int_equal(lay->lines[from].spans[k].ref.index, qi);
		}
	}
	assert_true(find_span(lay, (size_t)to, "Moscow")->style & STYLE_DIM);
	layout_free(lay);
}

static void
compose_page__actor__related_mentions_backlinks(void **state)
{
	const int width = 80;
	const bool marks = false;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	const struct span *s;
	struct unit_ref u;
	struct xref *x = fx->x;
	int i, m;

	u.kind = UNIT_ACTOR;
	u.index = briefing_find_actor(b, "taliban");
	lay = lay_unit(b, x, u, width, marks);
	assert_fits(lay, 80);
	assert_line(lay, 0, "Taliban");
	assert_line(lay, 2, "group \xc2\xb7 also known as the Taliban");
	i = find_line(lay, 0, BULLET " ISIS-K " DASH " rival");
	assert_true(i > find_line(lay, 0, "Related"));
	s = find_span(lay, (size_t)i, "ISIS-K");
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->ref.index, briefing_find_actor(b, "isis-k"));
	/* an unknown id is shown, plain */
	i = find_line(lay, 0, BULLET " nobody " DASH " unknown");
	assert_true(i > 0);
	assert_int_equal(find_span(lay, (size_t)i, "nobody")->ref.kind,
	    REF_NONE);
	m = find_line(lay, 0, "Mentioned in");
	assert_true(m > 0);
	i = find_line(lay, (size_t)m, "Moscow's options: Russia talks to the "
	    "Taliban");
	assert_true(i > m);
	s = find_span(lay, (size_t)i, "Russia talks");
	assert_int_equal(s->ref.kind, REF_MENTION);
	assert_true(s->ref.index < x->nmentions);
	assert_int_equal(x->mentions[s->ref.index].target.index, u.index);
	i = find_line(lay, 0, "Named in the profiles of");
	assert_true(i > m);
	assert_true(find_line(lay, (size_t)i, BULLET " ISIS-K") > i);
	layout_free(lay);
}

static void
compose_page__out_of_range__empty_layout(void **state)
{
	const int width = 80;
	const bool marks = true;
	struct unit_ref u = { UNIT_ACTOR, 99 };
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	struct xref *x = fx->x;

	lay = lay_unit(b, x, u, width, marks);
	assert_int_equal(lay->nlines, 0);
	layout_free(lay);
}

static void
compose_header__title_source_tags__each_safe_line(void **state)
{
	const int width = 80;
	const bool marks = false;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;

	lay = lay_unit(b, NULL, (struct unit_ref){ UNIT_HEADER, 0 }, width, marks);
	assert_fits(lay, 80);
	assert_line(lay, 0, "Layout fixture");
	assert_true(find_span(lay, 0, "Layout")->style & STYLE_TITLE);
	assert_line(lay, 1, "Cross-references for the layout tests");
	assert_line(lay, 3, "2024-03-27");
	assert_line(lay, 4, "Source: An article " DASH " A. Writer, A Review, "
	    "2024-03-27");
	assert_line(lay, 5, "https://example.org/article");
	assert_line(lay, 6, "Tags: test, layout");
	layout_free(lay);
}

static void
compose_header__escape_in_yaml__placeholder(void **state)
{
	const int width = 40;
	const bool marks = false;
	struct diag_list dl;
	struct briefing *b;
	struct layout *lay;

	(void)state;
	diag_list_init(&dl);
	/* libyaml decodes "\e" into a raw ESC */
	b = briefing_load_strings("---\ntitle: \"T \\e[2J\"\n---\ntext\n",
	    NULL, NULL, NULL, false, &dl);
	assert_non_null(b);
	lay = lay_unit(b, NULL, (struct unit_ref){ UNIT_HEADER, 0 }, width, marks);
	assert_fits(lay, 40);
	assert_line(lay, 0, "T " ESCPIC "[2J");
	assert_true(find_span(lay, 0, ESCPIC)->style & STYLE_CONTROL);
	layout_free(lay);
	briefing_free(b);
	diag_list_free(&dl);
}

/* ---- one line ------------------------------------------------------------- */

static void
typeset_line__too_long__cut_with_ellipsis(void **state)
{
	struct layout *lay;
	const struct line *l;
	char *t;

	(void)state;
	lay = typeset_line("Moscow's options\nand more", STYLE_BOLD, 10);
	assert_int_equal(lay->nlines, 1);
	l = &lay->lines[0];
	t = line_text(l);
	assert_string_equal(t, "Moscow's " HELLIP);
	assert_int_equal(l->width, 10);
	assert_int_equal(l->spans[0].style, STYLE_BOLD);
	free(t);
	layout_free(lay);

	/* a wide character that would straddle the edge goes too */
	lay = typeset_line("ab\xe4\xb8\xad\xe5\x9b\xbd", 0, 4);
	l = &lay->lines[0];
	t = line_text(l);
	assert_string_equal(t, "ab" HELLIP);
	assert_int_equal(l->width, 3);
	free(t);
	layout_free(lay);
}

static void
typeset_line__fits_or_tiny__unchanged_or_ellipsis(void **state)
{
	struct layout *lay;
	const struct line *l;
	char *t;

	(void)state;
	lay = typeset_line("x\x1b" "y", 0, 3);
	l = &lay->lines[0];
	t = line_text(l);
	assert_string_equal(t, "x" ESCPIC "y");
	assert_int_equal(l->spans[1].style, STYLE_CONTROL);
	free(t);
	layout_free(lay);
	lay = typeset_line("abc", 0, 1);
	t = line_text(&lay->lines[0]);
	assert_string_equal(t, HELLIP);
	free(t);
	layout_free(lay);
	lay = typeset_line("abc", 0, 0);
	assert_int_equal(lay->nlines, 1);
	assert_int_equal(lay->lines[0].nspans, 0);
	assert_int_equal(lay->lines[0].width, 0);
	layout_free(lay);
	layout_free(NULL);
}

/*
 * A paragraph that names an actor 25 times lists 10 of them and the count
 * of the rest; another paragraph starts a count of its own.
 */
static void
compose_page__many_mentions_in_one_paragraph__first_ten_and_count(void **state)
{
	static const char *const actors[] = { "zed", "---\nname: Zed\n"
	    "kind: group\n---\nA group.\n", NULL };
	const int width = 40;
	const bool marks = false;
	struct unit_ref u = { UNIT_ACTOR, 0 };
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	struct layout *lay;
	struct buf md;
	int i, m, more, n;

	(void)state;
	buf_init(&md);
	buf_adds(&md, "## One\n\n");
	for (i = 0; i < 25; i++)
		buf_adds(&md, "Zed ");
	buf_adds(&md, "\n\nAnd Zed again.\n");
	diag_list_init(&dl);
	b = briefing_load_strings(md.data, NULL, actors, NULL, false, &dl);
	x = xref_build(b, &dl);
	assert_int_equal(x->actors[0].mentions.n, 26);
	lay = lay_unit(b, x, u, width, marks);
	assert_fits(lay, 40);
	m = find_line(lay, 0, "Mentioned in");
	assert_true(m > 0);
	more = find_line(lay, (size_t)m,
	    BULLET " " HELLIP " and 15 more in the same paragraph");
	assert_true(more > m);
	for (i = m, n = 0; (i = find_line(lay, (size_t)i + 1,
	    BULLET " One:")) > 0; n++)
		assert_true(n < 10 ? i < more : i > more);
	assert_int_equal(n, 11);
	assert_true(find_line(lay, (size_t)more, "And Zed again.") > more);
	layout_free(lay);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
	buf_free(&md);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(typeset__paragraph_width_20__fits_words_whole),
		cmocka_unit_test(typeset__paragraph_width_40__fits_words_whole),
		cmocka_unit_test(typeset__paragraph_width_80__fits_words_whole),
		cmocka_unit_test(typeset__long_word__broken_at_width),
		cmocka_unit_test(
		    typeset__cjk_odd_width__two_columns_never_over),
		cmocka_unit_test(typeset__width_one__ends_and_fits),
		cmocka_unit_test(
		    typeset__deep_nesting__no_crash_prefix_capped),
		cmocka_unit_test(
		    typeset__nested_lists__markers_by_depth_and_hanging_indent),
		cmocka_unit_test(typeset__empty_items__markers_still_shown),
		cmocka_unit_test(
		    typeset__ordered_list_to_ten__numbers_right_aligned),
		cmocka_unit_test(
		    typeset__loose_list__blank_lines_between_items),
		cmocka_unit_test(typeset__blockquote__bars_and_quote_style),
		cmocka_unit_test(
		    typeset__quote_attribution__right_aligned_attrib),
		cmocka_unit_test(
		    typeset__code_block__tabs_expanded_indent_kept),
		cmocka_unit_test(
		    typeset__code_block_narrow__cut_hard_not_filled),
		cmocka_unit_test(
		    typeset__hard_and_soft_breaks__line_and_space),
		cmocka_unit_test(
		    typeset__emphasis_strong_code__style_bits),
		cmocka_unit_test(
		    typeset__heading_levels__double_single_or_no_rule),
		cmocka_unit_test(
		    typeset__thematic_break__rule_across_width),
		cmocka_unit_test(
		    typeset__links_images_html__url_dim_html_literal),
		cmocka_unit_test(
		    typeset__block_ordinals__same_at_every_width),
		cmocka_unit_test(
		    typeset__esc_entity__placeholder_control_style),
		cmocka_unit_test(typeset__rlo_and_c1__visible_placeholders),
		cmocka_unit_test(
		    typeset__broken_utf8__replacement_character),
		cmocka_unit_test(
		    typeset__placeholder_narrow__split_never_over),
		cmocka_unit_test(
		    compose_page__section_mark_refs__markers_and_references),
		cmocka_unit_test(
		    compose_page__section_refs__spans_carry_target_and_mention),
		cmocka_unit_test(
		    compose_page__wrapped_reference__pieces_share_ref),
		cmocka_unit_test(
		    compose_page__no_xref__explicit_links_still_refs),
		cmocka_unit_test(
		    compose_page__expert__profile_then_quotes_with_quote_ref),
		cmocka_unit_test(
		    compose_page__actor__related_mentions_backlinks),
		cmocka_unit_test(compose_page__out_of_range__empty_layout),
		cmocka_unit_test(
		    compose_header__title_source_tags__each_safe_line),
		cmocka_unit_test(compose_header__escape_in_yaml__placeholder),
		cmocka_unit_test(
		    compose_page__many_mentions_in_one_paragraph__first_ten_and_count),
		cmocka_unit_test(typeset_line__too_long__cut_with_ellipsis),
		cmocka_unit_test(
		    typeset_line__fits_or_tiny__unchanged_or_ellipsis),
	};

	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
