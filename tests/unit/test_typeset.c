/*
 * Unit tests of the typesetter (typeset.c): bodies parsed here with cmark
 * and made pages by compose_body(), and pages built here block by block
 * (rows and tables). The composers' pages are tested in test_compose.c.
 */
#include "test_common.h"

#include <string.h>

#include "compose.h"
#include "test_layout.h"
#include "typeset.h"
#include "utf8.h"
#include "util.h"

static const char paragraph[] =
    "Russia has long worried about militancy spilling over from "
    "Afghanistan into Central Asia, and the attack on Crocus City Hall "
    "outside Moscow in March 2024 turned that worry into a national "
    "emergency with consequences for its policy toward the Taliban.";

/* ---- helpers ------------------------------------------------------------- */

static struct layout *
lay_md(const char *md, int width, int cmark_opts)
{
	struct compose_opts co = { .mark_refs = false };
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

/* Grapheme clusters of several code points, and words made of them. */
#define FAMILY	"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9" \
		"\xe2\x80\x8d\xf0\x9f\x91\xa7"		/* 👩‍👩‍👧 */
#define FLAG_FR	"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
#define FLAG_DE	"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"
#define FLAG_JP	"\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"
#define E_HAT	"e\xcc\x82\xcc\x83"			/* ễ, decomposed */
#define THUMB	"\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"	/* 👍🏽 */

static const char *const cluster_words[][7] = {
	{ FAMILY, FAMILY, FAMILY, NULL },
	{ FLAG_FR, FLAG_DE, FLAG_JP, NULL },
	{ "N", "g", "u", "y", E_HAT, "n", NULL },
	{ "\xe4\xb8\xad", "\xe5\x9b\xbd", "\xe5\x92\x8c", NULL },
	{ THUMB, "\xe2\x9d\xa4\xef\xb8\x8f", "a", NULL },
	{ "T", "\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab", "!", NULL },
};

/*
 * Does line text t start with the cluster want, or with an ellipsis (a
 * cluster wider than the line)? Returns the bytes matched, or 0.
 */
static size_t
cluster_at(const char *t, const char *want)
{
	if (strncmp(t, want, strlen(want)) == 0)
		return strlen(want);
	if (strncmp(t, HELLIP, strlen(HELLIP)) == 0)
		return strlen(HELLIP);
	return 0;
}

/*
 * At every width from 1 to 40 the lines, read in order, are the clusters
 * of the text, each whole (or an ellipsis where it is wider than the
 * line): no line starts or ends inside one.
 */
static void
typeset__clusters__never_split_at_widths_1_to_40(void **state)
{
	char md[512];
	const char *t;
	char *text;
	size_t i, k, w, n, word, cl;
	int width;
	struct layout *lay;

	(void)state;
	md[0] = '\0';
	for (word = 0; word < NITEMS(cluster_words); word++) {
		if (word > 0)
			strcat(md, " ");
		for (k = 0; cluster_words[word][k] != NULL; k++)
			strcat(md, cluster_words[word][k]);
	}
	for (width = 1; width <= 40; width++) {
		lay = lay_md(md, width, 0);
		assert_fits(lay, width);
		word = cl = 0;
		for (i = 0; i < lay->nlines; i++) {
			text = line_text(&lay->lines[i]);
			for (t = text; *t != '\0'; t += n) {
				if (*t == ' ') {
					n = 1;
					continue;
				}
				if (cluster_words[word][cl] == NULL) {
					word++;
					cl = 0;
				}
				assert_true(word < NITEMS(cluster_words));
				n = cluster_at(t, cluster_words[word][cl]);
				if (n == 0)
					fail_msg("width %d, line %zu: \"%s\"",
					    width, i, text);
				cl++;
			}
			free(text);
		}
		for (w = 0; cluster_words[word][cl] != NULL; w++)
			cl++;
		assert_int_equal(word, NITEMS(cluster_words) - 1);
		assert_int_equal(w, 0);
		layout_free(lay);
	}
}

/*
 * A cluster longer than a cell holds is cut between characters: 22
 * prepended marks (U+0D4E, three bytes each, joined to all that follows)
 * never leave half a character, nor a U+FFFD, on a line.
 */
static void
typeset__cluster_past_cell__cut_between_characters(void **state)
{
	static const int widths[] = { 11, 30, 40, 80 };
	char md[128];
	char *text;
	size_t i, k;
	struct layout *lay;

	(void)state;
	md[0] = '\0';
	for (i = 0; i < 22; i++)
		strcat(md, "\xe0\xb5\x8e");
	for (k = 0; k < NITEMS(widths); k++) {
		lay = lay_md(md, widths[k], 0);
		assert_fits(lay, widths[k]);
		for (i = 0; i < lay->nlines; i++) {
			text = line_text(&lay->lines[i]);
			assert_true(utf8_valid(text, strlen(text)));
			assert_null(strstr(text, "\xef\xbf\xbd"));
			free(text);
		}
		layout_free(lay);
	}
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

/*
 * A page that is one empty item: its marker is the only line, laid out
 * before the typesetter has any cell (the reader lays a section out on
 * its own; fuzz_reader found an offset added to no cells there, which
 * the sanitizer build of make check reports).
 */
static void
typeset__lone_empty_item__marker_alone(void **state)
{
	static const char *const want[] = { BULLET, NULL };

	(void)state;
	layout_free(lay_expect("-\n", 20, want));
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

/* ---- rows and tables ----------------------------------------------------- */

/*
 * A page of one table (BLOCK_TABLE, its first row the head when asked)
 * or one set of labelled rows (BLOCK_ROWS): rows apart by '\n', cells by
 * '|', a hard break in a cell as '~'.
 */
static struct page *
table_page(enum block_kind kind, bool head, const char *spec)
{
	struct unit_ref u = { UNIT_SECTION, 0 };
	struct page *page = page_new(u);
	struct block *t = page_add_block(page, NULL, kind), *row = NULL;
	const char *p = spec;
	size_t n;

	if (kind == BLOCK_TABLE)
		t->u.table.head = head;
	while (*p != '\0') {
		if (row == NULL)
			row = page_add_block(page, t, BLOCK_ROW);
		n = strcspn(p, "|~\n");
		if (n > 0)
			page_add_run(page, row, p, n, 0, true);
		p += n;
		if (*p == '|')
			page_add_cell(page, row);
		else if (*p == '~')
			page_add_break(page, row);
		else if (*p == '\n')
			row = NULL;
		if (*p != '\0')
			p++;
	}
	page_finish(page);
	return page;
}

static struct layout *
lay_table(enum block_kind kind, bool head, const char *spec, int width)
{
	struct typeset_opts to = { width };
	struct page *page = table_page(kind, head, spec);
	struct layout *lay = typeset(page, &to);

	page_free(page);
	assert_fits(lay, width);
	return lay;
}

static void
typeset__table_fits__natural_widths_and_head_rule(void **state)
{
	struct layout *lay;
	size_t k;

	(void)state;
	lay = lay_table(BLOCK_TABLE, true,
	    "No.|Name|Quotes\n1|Ana Reyes|2\n|Bo|10\n", 40);
	assert_int_equal(lay->nlines, 4);
	assert_line(lay, 0, "No.  Name       Quotes");
	/* under the columns and the gaps between them: 3+2+9+2+6 */
	assert_line(lay, 1, rules(22));
	assert_line(lay, 2, "1    Ana Reyes  2");
	assert_line(lay, 3, "     Bo         10");
	for (k = 0; k < lay->lines[0].nspans; k++)
		assert_true(lay->lines[0].spans[k].style & STYLE_BOLD);
	assert_true(lay->lines[1].spans[0].style & STYLE_RULE);
	assert_int_equal(lay->lines[1].spans[0].at, TYPESET_NONE);
	assert_false(find_span(lay, 2, "Ana")->style & STYLE_BOLD);
	/* each row its own leaf; the rule belongs to the head's */
	assert_int_equal(lay->lines[0].block, 0);
	assert_int_equal(lay->lines[1].block, 0);
	assert_int_equal(lay->lines[2].block, 1);
	assert_int_equal(lay->lines[3].block, 2);
	layout_free(lay);
}

static void
typeset__table_narrow__long_cell_wraps_in_its_column(void **state)
{
	struct layout *lay;

	(void)state;
	/* the short columns keep their widths; the long one takes the rest,
	 * 30 - 1 - 1 - 2 * 2 = 24 */
	lay = lay_table(BLOCK_TABLE, false,
	    "a|long text in the middle column here|z\n", 30);
	assert_int_equal(lay->nlines, 2);
	assert_line(lay, 0, "a  long text in the middle   z");
	assert_line(lay, 1, "   column here");
	layout_free(lay);
}

static void
typeset__table_cells__spans_map_to_row_text(void **state)
{
	const struct span *s;
	struct layout *lay;
	size_t a, b;

	(void)state;
	lay = lay_table(BLOCK_TABLE, false, "1|Ana Reyes|2\n", 40);
	/* the row's text is "1\tAna Reyes\t2": cells apart by a tab */
	s = find_span(lay, 0, "Ana Reyes");
	assert_int_equal(s->at, 2);
	assert_int_equal(s->atlen, strlen("Ana Reyes"));
	assert_true(typeset_map(&lay->lines[0], 6, 11, &a, &b));
	assert_int_equal(b - a, strlen("Reyes"));
	assert_int_equal(find_line(lay, 0, "Reyes"), 0);
	layout_free(lay);
}

static void
typeset__table_cell_with_break__widest_line_sets_column(void **state)
{
	struct layout *lay;

	(void)state;
	/* "ab~cdef" is 4 columns wide, not 6 */
	lay = lay_table(BLOCK_TABLE, false, "ab~cdef|x\n", 40);
	assert_int_equal(lay->nlines, 2);
	assert_line(lay, 0, "ab    x");
	assert_line(lay, 1, "cdef");
	layout_free(lay);
}

static void
typeset__table_empty_row__one_blank_line(void **state)
{
	struct layout *lay;

	(void)state;
	lay = lay_table(BLOCK_TABLE, false, "a|b\n|\nc|d\n", 20);
	assert_int_equal(lay->nlines, 3);
	assert_line(lay, 0, "a  b");
	assert_line(lay, 1, "");
	assert_int_equal(lay->lines[1].block, 1);
	assert_line(lay, 2, "c  d");
	layout_free(lay);
}

static void
typeset__table_too_narrow__rows_stacked_never_over(void **state)
{
	static const char spec[] = "No.|Expert|Role|Quotes\n"
	    "1|Colin P. Clarke|Director of research|2\n";
	struct layout *lay;
	int w;

	(void)state;
	/* four columns cannot each have 10 at 24: each row a paragraph */
	lay = lay_table(BLOCK_TABLE, true, spec, 24);
	assert_line(lay, 0, "No. " MIDDOT " Expert " MIDDOT " Role " MIDDOT);
	assert_line(lay, 1, "  Quotes");
	assert_line(lay, 2, rules(24));
	assert_line(lay, 3, "1 " MIDDOT " Colin P. Clarke " MIDDOT);
	assert_line(lay, 4, "  Director of research " MIDDOT);
	assert_line(lay, 5, "  2");
	assert_int_equal(lay->nlines, 6);
	assert_true(find_span(lay, 3, MIDDOT)->style & STYLE_DIM);
	assert_int_equal(find_span(lay, 3, MIDDOT)->at, TYPESET_NONE);
	layout_free(lay);
	for (w = 1; w <= 40; w++)
		layout_free(lay_table(BLOCK_TABLE, true, spec, w));
	for (w = 1; w <= 40; w++)
		layout_free(lay_table(BLOCK_ROWS, false,
		    "led by|Vladimir Putin\ntarget|Crocus, Kabul\n", w));
}

static void
typeset__rows__label_a_third_value_the_rest(void **state)
{
	struct layout *lay;

	(void)state;
	lay = lay_table(BLOCK_ROWS, false,
	    "led by|Vladimir Putin\n"
	    "accused by jihadists of crimes|Afghanistan\n"
	    "target|Crocus City Hall attack, Kabul embassy attack\n", 36);
	/* the label column is at most 12 (a third), the value 22 */
	assert_line(lay, 0, "led by        Vladimir Putin");
	assert_line(lay, 1, "accused by    Afghanistan");
	assert_line(lay, 2, "jihadists of");
	assert_line(lay, 3, "crimes");
	assert_line(lay, 4, "target        Crocus City Hall");
	assert_line(lay, 5, "              attack, Kabul embassy");
	assert_line(lay, 6, "              attack");
	assert_int_equal(lay->nlines, 7);
	layout_free(lay);
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
		    typeset__clusters__never_split_at_widths_1_to_40),
		cmocka_unit_test(
		    typeset__cluster_past_cell__cut_between_characters),
		cmocka_unit_test(
		    typeset__deep_nesting__no_crash_prefix_capped),
		cmocka_unit_test(
		    typeset__nested_lists__markers_by_depth_and_hanging_indent),
		cmocka_unit_test(typeset__empty_items__markers_still_shown),
		cmocka_unit_test(typeset__lone_empty_item__marker_alone),
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
		    typeset__table_fits__natural_widths_and_head_rule),
		cmocka_unit_test(
		    typeset__table_narrow__long_cell_wraps_in_its_column),
		cmocka_unit_test(typeset__table_cells__spans_map_to_row_text),
		cmocka_unit_test(
		    typeset__table_cell_with_break__widest_line_sets_column),
		cmocka_unit_test(typeset__table_empty_row__one_blank_line),
		cmocka_unit_test(
		    typeset__table_too_narrow__rows_stacked_never_over),
		cmocka_unit_test(typeset__rows__label_a_third_value_the_rest),
		cmocka_unit_test(typeset_line__too_long__cut_with_ellipsis),
		cmocka_unit_test(
		    typeset_line__fits_or_tiny__unchanged_or_ellipsis),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
