/*
 * Tests of asciiout.c: what reaches the real stream under a locale that
 * is not UTF-8.
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "asciiout.h"
#include "util.h"

/* What the filter writes for the pieces, written one after another. */
static char *
through(const char *const *pieces, size_t n, size_t *len)
{
	char *data = NULL;
	size_t size = 0, i;
	FILE *under, *fp;

	under = open_memstream(&data, &size);
	assert_non_null(under);
	fp = asciiout_open(under);
	assert_non_null(fp);
	for (i = 0; i < n; i++) {
		fputs(pieces[i], fp);
		fflush(fp);
	}
	assert_int_equal(fclose(fp), 0);
	assert_int_equal(fclose(under), 0);
	*len = size;
	return data;
}

static bool
all_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

static void
asciiout_open__frames_and_bullets__ascii_same_columns(void **state)
{
	/* ═══ rule, • bullet, │ quote bar, … ellipsis: one column each */
	static const char *const in[] = {
		"\xe2\x95\x90\xe2\x95\x90\xe2\x95\x90\n"
		"\xe2\x80\xa2 item\n"
		"\xe2\x94\x82 quoted\xe2\x80\xa6\n"
	};
	size_t len;
	char *s = through(in, 1, &len);

	(void)state;
	assert_string_equal(s, "===\n* item\n| quoted.\n");
	free(s);
}

static void
asciiout_open__character_cut_between_writes__joined(void **state)
{
	/* "é" (c3 a9) split over two writes, then "—" over three */
	static const char *const in[] = { "caf\xc3", "\xa9 \xe2", "\x80",
	    "\x94 x" };
	size_t len;
	char *s = through(in, NITEMS(in), &len);

	(void)state;
	assert_string_equal(s, "cafe - x");
	free(s);
}

static void
asciiout_open__own_escape_sequences__kept(void **state)
{
	static const char *const in[] = { "\x1b[1mbold\x1b[0m" };
	size_t len;
	char *s = through(in, 1, &len);

	(void)state;
	assert_string_equal(s, "\x1b[1mbold\x1b[0m");
	free(s);
}

static void
asciiout_open__c1_and_invalid_bytes__no_byte_above_7f(void **state)
{
	/* U+009B (CSI as UTF-8: c2 9b), a lone 0x9b, a cut sequence at
	 * the very end */
	static const char *const in[] = { "a\xc2\x9b" "2J b\x9b" "c \xe2\x80" };
	size_t len;
	char *s = through(in, 1, &len);

	(void)state;
	assert_true(all_ascii(s, len));
	assert_string_equal(s, "a2J b?c ?");
	free(s);
}

static void
asciiout_open__wide_character__two_columns(void **state)
{
	/* 中 takes two columns: "?" and a space keep the line's width */
	static const char *const in[] = { "[\xe4\xb8\xad]" };
	size_t len;
	char *s = through(in, 1, &len);

	(void)state;
	assert_string_equal(s, "[? ]");
	free(s);
}

static void
asciiout_open__write_error__fclose_fails(void **state)
{
	FILE *under, *fp;

	(void)state;
	under = fopen("/dev/full", "w");
	if (under == NULL)
		skip();
	fp = asciiout_open(under);
	assert_non_null(fp);
	fputs("Moscow \xe2\x80\x94 Kabul\n", fp);
	assert_int_equal(fclose(fp), EOF);
	fclose(under);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    asciiout_open__frames_and_bullets__ascii_same_columns),
		cmocka_unit_test(
		    asciiout_open__character_cut_between_writes__joined),
		cmocka_unit_test(asciiout_open__own_escape_sequences__kept),
		cmocka_unit_test(
		    asciiout_open__c1_and_invalid_bytes__no_byte_above_7f),
		cmocka_unit_test(asciiout_open__wide_character__two_columns),
		cmocka_unit_test(asciiout_open__write_error__fclose_fails),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
