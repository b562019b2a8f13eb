/*
 * Tests of keydec.c: keys typed as bytes, decoded; a byte that is no
 * character never swallows the keys after it.
 */
#include "test_common.h"

#include <string.h>

#include "keydec.h"
#include "util.h"

/* Feed s; the characters decoded into out (0 for each invalid one). */
static size_t
feed(struct keydec *k, const char *s, uint32_t *out, size_t max)
{
	const unsigned char *p = (const unsigned char *)s;
	enum keydec_result r;
	uint32_t cp;
	size_t n = 0;

	for (; *p != '\0' && n < max; p++) {
		r = keydec_byte(k, *p, &cp);
		if (r == KEYDEC_INVALID_AGAIN) {
			out[n++] = 0;
			r = keydec_byte(k, *p, &cp);
		}
		if (r == KEYDEC_KEY)
			out[n++] = cp;
		else if (r == KEYDEC_INVALID)
			out[n++] = 0;
	}
	return n;
}

static void
keydec_byte__utf8_keys__code_points(void **state)
{
	struct keydec k;
	uint32_t out[8];

	(void)state;
	keydec_init(&k, true);
	assert_int_equal(feed(&k, "q\xc3\xa9\xe2\x80\x94\xf0\x9f\x98\x80", out,
	    8), 4);
	assert_int_equal(out[0], 'q');
	assert_int_equal(out[1], 0xe9);
	assert_int_equal(out[2], 0x2014);
	assert_int_equal(out[3], 0x1f600);
	assert_false(keydec_pending(&k));
}

/* A Latin-1 é (0xE9) typed into a UTF-8 reader: said, and q still quits. */
static void
keydec_byte__latin1_byte_then_q__invalid_then_q(void **state)
{
	struct keydec k;
	uint32_t out[8];

	(void)state;
	keydec_init(&k, true);
	assert_int_equal(feed(&k, "\xe9q", out, 8), 2);
	assert_int_equal(out[0], 0);
	assert_int_equal(out[1], 'q');
	/* A lone lead byte waits; the view resets it when nothing follows. */
	assert_int_equal(feed(&k, "\xe9", out, 8), 0);
	assert_true(keydec_pending(&k));
	keydec_reset(&k);
	assert_false(keydec_pending(&k));
	assert_int_equal(feed(&k, "j", out, 8), 1);
	assert_int_equal(out[0], 'j');
}

static void
keydec_byte__bad_forms__invalid_each_once(void **state)
{
	static const char *const bad[] = {
		"\x80",			/* a continuation alone */
		"\xc0\xaf",		/* overlong */
		"\xe0\x80\xaf",		/* overlong */
		"\xed\xa0\x80",		/* a surrogate */
		"\xf4\x90\x80\x80",	/* past U+10FFFF */
		"\xff",
	};
	struct keydec k;
	uint32_t out[8];
	size_t i, n;

	(void)state;
	keydec_init(&k, true);
	for (i = 0; i < NITEMS(bad); i++) {
		n = feed(&k, bad[i], out, 8);
		assert_true(n >= 1);
		assert_int_equal(out[0], 0);
		assert_false(keydec_pending(&k));
		assert_int_equal(feed(&k, "x", out, 8), 1);
		assert_int_equal(out[0], 'x');
	}
}

/* Under a Latin-1 locale a byte is a character of it. */
static void
keydec_byte__latin1_locale__bytes_are_characters(void **state)
{
	struct keydec k;
	uint32_t out[8];

	(void)state;
	if (setlocale(LC_CTYPE, "en_US.ISO-8859-1") == NULL &&
	    setlocale(LC_CTYPE, "en_US.iso88591") == NULL)
		skip();
	keydec_init(&k, false);
	assert_int_equal(feed(&k, "\xe9" "a", out, 8), 2);
	assert_int_equal(out[0], 0xe9);
	assert_int_equal(out[1], 'a');
	test_setlocale();
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keydec_byte__utf8_keys__code_points),
		cmocka_unit_test(keydec_byte__latin1_byte_then_q__invalid_then_q),
		cmocka_unit_test(keydec_byte__bad_forms__invalid_each_once),
		cmocka_unit_test(keydec_byte__latin1_locale__bytes_are_characters),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
