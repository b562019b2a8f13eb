#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

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

/* What utf8_valid must say: no byte >= 0x80 decodes alone. */
static bool
valid_by_decode(const char *s, size_t len)
{
	uint32_t cp;
	size_t i = 0, n;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (n == 1 && (unsigned char)s[i] >= 0x80)
			return false;
		i += n;
	}
	return true;
}

static void
utf8_valid__every_short_sequence__agrees_with_decode(void **state)
{
	static const unsigned char tails[] = { 0x00, 0x41, 0x7F, 0x80, 0x8F,
	    0x90, 0x9F, 0xA0, 0xBF, 0xC0, 0xFF };
	char s[4];
	unsigned a, b, c, d;

	(void)state;
	for (a = 0; a < 256; a++)
		for (b = 0; b < 256; b++) {
			s[0] = (char)a;
			s[1] = (char)b;
			assert_int_equal(utf8_valid(s, 2), valid_by_decode(s, 2));
			for (c = 0; a >= 0xE0 && c < 256; c++) {
				s[2] = (char)c;
				assert_int_equal(utf8_valid(s, 3),
				    valid_by_decode(s, 3));
			}
			for (c = 0; a >= 0xF0 && c < sizeof tails; c++)
				for (d = 0; d < sizeof tails; d++) {
					s[2] = (char)tails[c];
					s[3] = (char)tails[d];
					assert_int_equal(utf8_valid(s, 4),
					    valid_by_decode(s, 4));
				}
		}
}

static void
utf8_valid__bad_byte_anywhere_in_ascii__found(void **state)
{
	char s[40];
	size_t i;

	(void)state;
	memset(s, 'a', sizeof s);
	assert_true(utf8_valid(s, sizeof s));
	for (i = 0; i < sizeof s; i++) {
		s[i] = '\xFF';
		assert_false(utf8_valid(s, sizeof s));
		/* A sequence cut by the end of the text. */
		s[i] = '\xC3';
		assert_int_equal(utf8_valid(s, i + 1), false);
		s[i] = 'a';
	}
	assert_true(utf8_valid("", 0));
	assert_true(utf8_valid("caf\xC3\xA9 \xE6\x9D\xB1 \xF0\x9F\x98\x80", 14));
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
	assert_true(utf8_isword(0x301));	/* a mark is part of a word */
	assert_true(utf8_isword(0x6771));	/* 東 */
	assert_true(utf8_isword('_'));
}

/* Emoji and scripts the cluster tests use. */
#define WOMAN		"\xf0\x9f\x91\xa9"
#define GIRL		"\xf0\x9f\x91\xa7"
#define ZWJ		"\xe2\x80\x8d"
#define FAMILY		WOMAN ZWJ WOMAN ZWJ GIRL	/* 👩‍👩‍👧 */
#define FLAG_FR		"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
#define FLAG_DE		"\xf0\x9f\x87\xa9\xf0\x9f\x87\xaa"
#define FLAG_JP		"\xf0\x9f\x87\xaf\xf0\x9f\x87\xb5"
#define E_CIRC_TILDE	"e\xcc\x82\xcc\x83"	/* e + U+0302 + U+0303: ễ */
#define ZHONG		"\xe4\xb8\xad"		/* 中 */
#define HAN_SYLLABLE	"\xed\x95\x9c"		/* 한 */
#define HAN_JAMO	"\xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab"	/* ᄒ ᅡ ᆫ */

/* The clusters of s, one per call, as (bytes, width) pairs. */
static void
assert_clusters(const char *s, const size_t *bytes, const int *widths,
    size_t n)
{
	size_t i, at = 0, len = strlen(s), got;
	int w;

	for (i = 0; i < n; i++) {
		got = utf8_cluster(s + at, len - at, &w);
		assert_int_equal(got, bytes[i]);
		assert_int_equal(w, widths[i]);
		at += got;
	}
	assert_int_equal(at, len);
}

static void
utf8_cluster__zwj_family__one_cluster_as_curses_counts(void **state)
{
	/* Three emoji of two columns each, joined: one cluster, six
	 * columns, as curses counts it when the reader draws it. */
	static const size_t bytes[] = { 18, 1, 18 };
	static const int widths[] = { 6, 1, 6 };

	(void)state;
	assert_clusters(FAMILY "x" FAMILY, bytes, widths, 3);
	assert_int_equal(utf8_width(FAMILY FAMILY FAMILY FAMILY FAMILY,
	    5 * 18), 30);
}

static void
utf8_cluster__three_flags__pairs_never_split(void **state)
{
	static const char flags[] = FLAG_FR FLAG_DE FLAG_JP;
	static const char *const want[] = { FLAG_FR, FLAG_DE, FLAG_JP };
	size_t i, at = 0, n;
	int w;

	(void)state;
	for (i = 0; i < NITEMS(want); i++) {
		n = utf8_cluster(flags + at, sizeof flags - 1 - at, &w);
		assert_int_equal(n, 8);
		assert_memory_equal(flags + at, want[i], 8);
		assert_int_equal(w, 2);
		at += n;
	}
	/* A lone regional indicator is one narrow cluster. */
	n = utf8_cluster(FLAG_FR, 4, &w);
	assert_int_equal(n, 4);
	assert_int_equal(w, 1);
}

static void
utf8_cluster__combining_marks__joined_to_base(void **state)
{
	static const size_t bytes[] = { 1, 1, 1, 1, 5, 1 };
	static const int widths[] = { 1, 1, 1, 1, 1, 1 };

	(void)state;
	assert_clusters("Nguy" E_CIRC_TILDE "n", bytes, widths, 6);
}

static void
utf8_cluster__cjk_and_hangul__two_columns(void **state)
{
	static const size_t bytes[] = { 3, 3, 9, 1 };
	static const int widths[] = { 2, 2, 2, 1 };

	(void)state;
	assert_clusters(ZHONG HAN_SYLLABLE HAN_JAMO "a", bytes, widths, 4);
}

static void
utf8_cluster__emoji_modifiers__one_cluster_each(void **state)
{
	/* ❤ + VS16 (emoji presentation), 👍 + skin tone, keycap 1: one
	 * cluster each, as wide as its code points together */
	static const size_t bytes[] = { 6, 8, 7 };
	static const int widths[] = { 1, 4, 1 };

	(void)state;
	assert_clusters("\xe2\x9d\xa4\xef\xb8\x8f"
	    "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd"
	    "1\xef\xb8\x8f\xe2\x83\xa3", bytes, widths, 3);
}

static void
utf8_cluster__controls__own_cluster_no_width(void **state)
{
	static const size_t bytes[] = { 1, 2, 1, 1 };
	static const int widths[] = { 1, -1, -1, 1 };
	int w = 1;

	(void)state;
	assert_clusters("a\r\n\x1b" "b", bytes, widths, 4);
	assert_int_equal(utf8_cluster("", 0, &w), 0);
	assert_int_equal(w, 0);
}

/*
 * Cluster by cluster through a text of families, flags, marks, CJK and
 * jamo: every cluster starts and ends where one of the units does, so a
 * typesetter that breaks lines between clusters never cuts a unit.
 */
static void
utf8_cluster__mixed_text__boundaries_only_between_units(void **state)
{
	static const char *const units[] = { FAMILY, "a", FLAG_FR, FLAG_DE,
	    FLAG_JP, E_CIRC_TILDE, ZHONG, HAN_JAMO, " ", FAMILY, "z" };
	char text[256];
	bool starts[256] = { false };
	size_t i, at = 0, len, n, nclusters = 0;
	int w;

	(void)state;
	text[0] = '\0';
	for (i = 0; i < NITEMS(units); i++) {
		starts[at] = true;
		strcat(text, units[i]);
		at += strlen(units[i]);
	}
	len = at;
	starts[len] = true;
	for (at = 0; at < len; at += n, nclusters++) {
		n = utf8_cluster(text + at, len - at, &w);
		assert_true(starts[at] && starts[at + n]);
	}
	assert_int_equal(nclusters, NITEMS(units));
	/* Back from the end, the same clusters, as wide. */
	for (at = len, i = NITEMS(units); at > 0; at -= n) {
		int wb;
		size_t start = utf8_cluster_back(text, at, &wb);

		n = at - start;
		assert_true(i > 0);
		i--;
		assert_int_equal(n, strlen(units[i]));
		utf8_cluster(text + start, n, &w);
		assert_int_equal(wb, w);
	}
	assert_int_equal(i, 0);
}

static void
utf8_cpwidth__c_locale__same_widths(void **state)
{
	(void)state;
	setlocale(LC_ALL, "C");
	assert_int_equal(utf8_cpwidth(0x4E2D), 2);	/* 中 */
	assert_int_equal(utf8_cpwidth(0x1F469), 2);	/* 👩 */
	assert_int_equal(utf8_cpwidth(0x301), 0);	/* combining acute */
	assert_int_equal(utf8_cpwidth(0xE9), 1);
	assert_true(utf8_isword(0x416));
	test_setlocale();
}

static void
utf8_unspaced__scripts__only_those_without_spaces(void **state)
{
	(void)state;
	assert_true(utf8_unspaced(0x6771));	/* 東 */
	assert_true(utf8_unspaced(0x3068));	/* と, Hiragana */
	assert_true(utf8_unspaced(0x30AB));	/* カ, Katakana */
	assert_true(utf8_unspaced(0x0E01));	/* ก, Thai */
	assert_true(utf8_unspaced(0x20000));	/* CJK extension B */
	assert_false(utf8_unspaced('a'));
	assert_false(utf8_unspaced(0x416));	/* Ж */
	assert_false(utf8_unspaced(0x628));	/* ب, Arabic */
	assert_false(utf8_unspaced(0xD55C));	/* 한: Korean uses spaces */
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_decode__valid_sequences__code_points),
		cmocka_unit_test(utf8_decode__broken_sequences__replacement_one_byte),
		cmocka_unit_test(utf8_valid__every_short_sequence__agrees_with_decode),
		cmocka_unit_test(utf8_valid__bad_byte_anywhere_in_ascii__found),
		cmocka_unit_test(utf8_encode__round_trip__same_bytes),
		cmocka_unit_test(utf8_width__wide_and_combining__display_columns),
		cmocka_unit_test(utf8_isword__letters_digits_punct__classified),
		cmocka_unit_test(
		    utf8_cluster__zwj_family__one_cluster_as_curses_counts),
		cmocka_unit_test(utf8_cluster__three_flags__pairs_never_split),
		cmocka_unit_test(utf8_cluster__combining_marks__joined_to_base),
		cmocka_unit_test(utf8_cluster__cjk_and_hangul__two_columns),
		cmocka_unit_test(
		    utf8_cluster__emoji_modifiers__one_cluster_each),
		cmocka_unit_test(utf8_cluster__controls__own_cluster_no_width),
		cmocka_unit_test(
		    utf8_cluster__mixed_text__boundaries_only_between_units),
		cmocka_unit_test(utf8_cpwidth__c_locale__same_widths),
		cmocka_unit_test(
		    utf8_unspaced__scripts__only_those_without_spaces),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
