/*
 * Tests of the reader (reader.h), as test_reader.c: search (any case and
 * accent, the prompt, n and N, matches kept through a resize and a pane)
 * and the actor index (filtering, ranking, Enter).
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "reader_fx.h"

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

int
main(void)
{
#define T(name) cmocka_unit_test_setup_teardown(name, setup, teardown)
	const struct CMUnitTest tests[] = {
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
	};
#undef T
	int rc;

	test_setlocale();
	rc = cmocka_run_group_tests(tests, NULL, NULL);
	reader_fx_done();
	return rc;
}
