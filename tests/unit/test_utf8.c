#include "test_common.h"

#include <string.h>

#include "utf8.h"

static void
utf8_decode__valid_sequences__code_points(void **state)
{
	uint32_t cp;

	(void)state;
	assert_int_equal(utf8_decode("A", 1, &cp), 1);
	assert_int_equal(cp, 'A');
	assert_int_equal(utf8_decode("\xC3\xA9", 2, &cp), 2);	/* é */
	assert_int_equal(cp, 0xE9);
	assert_int_equal(utf8_decode("\xE2\x80\x99", 3, &cp), 3);	/* ’ */
	assert_int_equal(cp, 0x2019);
	assert_int_equal(utf8_decode("\xF0\x9F\x98\x80", 4, &cp), 4);
	assert_int_equal(cp, 0x1F600);
}

static void
utf8_decode__broken_sequences__replacement_one_byte(void **state)
{
	uint32_t cp;

	(void)state;
	/* lone continuation byte */
	assert_int_equal(utf8_decode("\x80x", 2, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	/* truncated */
	assert_int_equal(utf8_decode("\xE2\x80", 2, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	/* overlong '/' */
	assert_int_equal(utf8_decode("\xC0\xAF", 2, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	/* surrogate */
	assert_int_equal(utf8_decode("\xED\xA0\x80", 3, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
	/* beyond U+10FFFF */
	assert_int_equal(utf8_decode("\xF4\x90\x80\x80", 4, &cp), 1);
	assert_int_equal(cp, UTF8_REPLACEMENT);
}

static void
utf8_encode__round_trip__same_bytes(void **state)
{
	static const uint32_t cps[] = { 0x41, 0xE9, 0x416, 0x2019, 0x4E2D,
	    0x1F600, 0x10FFFF };
	char out[4];
	uint32_t cp;
	size_t i, n;

	(void)state;
	for (i = 0; i < sizeof cps / sizeof cps[0]; i++) {
		n = utf8_encode(cps[i], out);
		assert_int_equal(utf8_decode(out, n, &cp), n);
		assert_int_equal(cp, cps[i]);
	}
}

static void
utf8_width__wide_and_combining__display_columns(void **state)
{
	(void)state;
	assert_int_equal(utf8_width("Kabul", 5), 5);
	assert_int_equal(utf8_width("\xE4\xB8\xAD\xE5\x9B\xBD", 6), 4);	/* 中国 */
	assert_int_equal(utf8_width("e\xCC\x81", 3), 1);	/* e + combining acute */
	assert_int_equal(utf8_cpwidth(0x1B), -1);
	assert_int_equal(utf8_cpwidth(0x9B), -1);
}

static void
utf8_isword__letters_digits_punct__classified(void **state)
{
	(void)state;
	assert_true(utf8_isword('a'));
	assert_true(utf8_isword('7'));
	assert_true(utf8_isword(0xE9));		/* é */
	assert_true(utf8_isword(0x416));	/* Ж */
	assert_false(utf8_isword(' '));
	assert_false(utf8_isword('-'));
	assert_false(utf8_isword(0x2019));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_decode__valid_sequences__code_points),
		cmocka_unit_test(utf8_decode__broken_sequences__replacement_one_byte),
		cmocka_unit_test(utf8_encode__round_trip__same_bytes),
		cmocka_unit_test(utf8_width__wide_and_combining__display_columns),
		cmocka_unit_test(utf8_isword__letters_digits_punct__classified),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
