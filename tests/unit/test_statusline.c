/*
 * Tests of statusline.c: what the status line keeps when it is narrow
 * (a message whole first), which keys the hint line shows at a width,
 * and the tail of a prompt in columns.
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "statusline.h"

static const struct reader_place in_section = {
	.section = 2, .nsections = 12, .title = "Moscow\xe2\x80\x99s options",
	.subtitle = "Talks", .percent = 45,
};

static void
status_text_make__wide__place_and_section(void **state)
{
	struct status_text st;

	(void)state;
	status_text_make(&in_section, NULL, 100, &st);
	assert_false(st.is_msg);
	assert_string_equal(st.left,
	    "Moscow\xe2\x80\x99s options \xe2\x80\xba Talks");
	assert_string_equal(st.right, "section 3/12  45%");
	status_text_free(&st);
}

/* The pane and the end: "pane  END". */
static void
status_text_make__pane_at_end__pane_end(void **state)
{
	struct reader_place p = { .pane = true, .pane_title = "Mark Katz",
	    .end = true, .nsections = 12 };
	struct status_text st;

	(void)state;
	status_text_make(&p, NULL, 80, &st);
	assert_string_equal(st.left, "Mark Katz");
	assert_string_equal(st.right, "pane  END");
	status_text_free(&st);
}

/* A message stays whole: the right part shortens, then goes. */
static void
status_text_make__message__right_part_gives_way(void **state)
{
	const char *msg = "Past the last cross-reference: back to the first";
	int n = (int)strlen(msg);
	struct status_text st;

	(void)state;
	status_text_make(&in_section, msg, n + 2 + 3 + 17, &st);
	assert_true(st.is_msg);
	assert_string_equal(st.left, msg);
	assert_string_equal(st.right, "section 3/12  45%");
	status_text_free(&st);
	status_text_make(&in_section, msg, n + 2 + 3 + 16, &st);
	assert_string_equal(st.right, "3/12  45%");
	status_text_free(&st);
	status_text_make(&in_section, msg, n + 2 + 3 + 8, &st);
	assert_null(st.right);
	assert_string_equal(st.left, msg);
	status_text_free(&st);
}

static int
hints_width(const struct hint *h, size_t n)
{
	size_t i;
	int w = 0;

	for (i = 0; i < n; i++)
		w += (i > 0 ? 2 : 0) + text_columns(h[i].keys) + 1 +
		    text_columns(h[i].label);
	return w;
}

static bool
hint_in(const struct hint *h, size_t n, const struct hint *one)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (h[i].cmd == one->cmd)
			return true;
	return false;
}

/*
 * At every width from 20 to 200, in every mode: the hints fit, each
 * with its partner, and a wider line keeps every hint of a narrower one.
 */
static void
hint_line_fit__every_width__fits_paired_and_grows(void **state)
{
	struct hint h[32], prev[32];
	size_t n, nprev, i, k;
	int m, w;

	(void)state;
	for (m = 0; m < KEYMODE__COUNT; m++) {
		nprev = 0;
		for (w = 20; w <= 200; w++) {
			n = hint_line_fit((enum keymode)m, w, h, 32);
			assert_true(hints_width(h, n) <= w);
			for (i = 0; i < n; i++) {
				if (h[i].partner == CMD_NONE)
					continue;
				for (k = 0; k < n; k++)
					if (h[k].cmd == h[i].partner)
						break;
				assert_true(k < n);
			}
			for (i = 0; i < nprev; i++)
				assert_true(hint_in(h, n, &prev[i]));
			memcpy(prev, h, n * sizeof *h);
			nprev = n;
		}
	}
}

/* In normal mode, "q quit" comes first; with room, Tab and Enter both. */
static void
hint_line_fit__normal__quit_first_tab_with_enter(void **state)
{
	struct hint h[32];
	size_t n, i;
	bool tab = false, enter = false;

	(void)state;
	n = hint_line_fit(KEYMODE_NORMAL, 200, h, 32);
	assert_true(n > 0);
	assert_int_equal(h[0].cmd, CMD_QUIT);
	for (i = 0; i < n; i++) {
		tab |= h[i].cmd == CMD_NEXT_REF;
		enter |= h[i].cmd == CMD_FOLLOW;
	}
	assert_true(tab && enter);
	assert_int_equal(hint_line_fit(KEYMODE_NORMAL, 3, h, 32), 0);
}

/* 👩‍👩‍👧: three emoji of two columns, joined */
#define FAMILY	"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9" \
		"\xe2\x80\x8d\xf0\x9f\x91\xa7"

static void
text_tail__wide_characters__whole_clusters_in_columns(void **state)
{
	/* "ab" and two CJK characters of two columns each */
	const char s[] = "ab\xe4\xb8\xad\xe6\x96\x87";

	(void)state;
	assert_string_equal(text_tail(s, strlen(s), 4), "\xe4\xb8\xad\xe6\x96\x87");
	assert_string_equal(text_tail(s, strlen(s), 3), "\xe6\x96\x87");
	assert_string_equal(text_tail(s, strlen(s), 1), "");
	assert_string_equal(text_tail(s, strlen(s), 99), s);
	assert_int_equal(text_columns(s), 6);
	/* a ZWJ family is one cluster: kept whole or dropped whole */
	assert_string_equal(text_tail("x" FAMILY, 19, 6), FAMILY);
	assert_string_equal(text_tail("x" FAMILY, 19, 5), "");
	assert_string_equal(text_tail("e\xcc\x81z", 4, 2), "e\xcc\x81z");
	assert_string_equal(text_tail("e\xcc\x81z", 4, 1), "z");
	/* a control character counts as its placeholder */
	assert_true(text_columns("a\x1b") >= 2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(status_text_make__wide__place_and_section),
		cmocka_unit_test(status_text_make__pane_at_end__pane_end),
		cmocka_unit_test(
		    status_text_make__message__right_part_gives_way),
		cmocka_unit_test(
		    hint_line_fit__every_width__fits_paired_and_grows),
		cmocka_unit_test(
		    hint_line_fit__normal__quit_first_tab_with_enter),
		cmocka_unit_test(
		    text_tail__wide_characters__whole_clusters_in_columns),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
