/* Unit tests for textsafe.c: what reaches the terminal for unsafe text. */
#include "test_common.h"

#include <string.h>

#include "textsafe.h"
#include "utf8.h"
#include "util.h"

/* textsafe_string of a C string, oneline off. */
static char *
safe(const char *s)
{
	return textsafe_string(s, strlen(s), false, NULL);
}

/* No byte of s is a C0 control, DEL or the start of a C1 control. */
static void
assert_no_controls(const char *s)
{
	const unsigned char *p;

	for (p = (const unsigned char *)s; *p != '\0'; p++) {
		assert_true(*p >= 0x20);
		assert_true(*p != 0x7F);
		/* C1 controls encode as C2 80..C2 9F. */
		if (p[0] == 0xC2 && p[1] != '\0')
			assert_false(p[1] >= 0x80 && p[1] <= 0x9F);
	}
}

static void
textsafe_string__esc_csi__esc_becomes_picture(void **state)
{
	char *s;

	(void)state;
	s = safe("red \x1b[31mALERT\x1b[0m");
	assert_string_equal(s, "red \xe2\x90\x9b[31mALERT\xe2\x90\x9b[0m");
	assert_no_controls(s);
	free(s);
}

static void
textsafe_next__esc__placeholder_one_column(void **state)
{
	struct textsafe_char c;

	(void)state;
	assert_int_equal(textsafe_next("\x1b" "x", 2, &c), 1);
	assert_int_equal(c.cp, 0x1B);
	assert_string_equal(c.text, "\xe2\x90\x9b");	/* U+241B */
	assert_int_equal(c.width, 1);
	assert_true(c.placeholder);
}

static void
textsafe_string__c1_csi__shown_as_code(void **state)
{
	char *s;

	(void)state;
	s = safe("a\xc2\x9b" "31mb");	/* U+009B is the 8-bit CSI */
	assert_string_equal(s, "a<U+009B>31mb");
	assert_no_controls(s);
	free(s);
}

static void
textsafe_string__del_and_bel__pictures(void **state)
{
	char *s;

	(void)state;
	s = safe("x\x7fy\x07z");
	assert_string_equal(s, "x\xe2\x90\xa1y\xe2\x90\x87z");	/* ␡ ␇ */
	free(s);
}

static void
textsafe_next__rlo__placeholder_eight_columns(void **state)
{
	struct textsafe_char c;
	const char *rlo = "\xe2\x80\xae";

	(void)state;
	assert_int_equal(textsafe_next(rlo, 3, &c), 3);
	assert_int_equal(c.cp, 0x202E);
	assert_string_equal(c.text, "<U+202E>");
	assert_int_equal(c.width, 8);
	assert_true(c.placeholder);
}

static void
textsafe_string__bidi_isolates_and_marks__all_visible(void **state)
{
	char *s;

	(void)state;
	s = safe("\xe2\x81\xa6" "a" "\xe2\x81\xa9" "\xe2\x80\x8f" "\xd8\x9c");
	assert_string_equal(s, "<U+2066>a<U+2069><U+200F><U+061C>");
	free(s);
}

static void
textsafe_string__zero_width_space_and_bom__visible(void **state)
{
	char *s;

	(void)state;
	s = safe("Tal\xe2\x80\x8b" "ib\xef\xbb\xbf" "an");
	assert_string_equal(s, "Tal<U+200B>ib<U+FEFF>an");
	free(s);
}

static void
textsafe_string__soft_hyphen__dropped(void **state)
{
	char *s;

	(void)state;
	s = safe("Afghan\xc2\xadistan");
	assert_string_equal(s, "Afghanistan");
	assert_int_equal(textsafe_width("Afghan\xc2\xadistan", 13, false), 11);
	free(s);
}

static void
textsafe_string__broken_utf8__replacement_per_byte(void **state)
{
	/* a lone continuation byte, a truncated 3-byte sequence, an overlong
	 * slash and a surrogate */
	static const char in[] = "a\x80" "b\xe2\x82" "c\xc0\xaf" "d\xed\xa0\x80";
	char *s;
	size_t len;

	(void)state;
	s = textsafe_string(in, sizeof in - 1, false, &len);
	assert_string_equal(s, "a\xef\xbf\xbd" "b\xef\xbf\xbd\xef\xbf\xbd"
	    "c\xef\xbf\xbd\xef\xbf\xbd" "d\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	assert_int_equal(len, strlen(s));
	free(s);
}

static void
textsafe_next__invalid_byte__placeholder_but_real_fffd_is_not(void **state)
{
	struct textsafe_char c;

	(void)state;
	assert_int_equal(textsafe_next("\xff", 1, &c), 1);
	assert_int_equal(c.cp, 0xFFFD);
	assert_true(c.placeholder);
	assert_int_equal(textsafe_next("\xef\xbf\xbd", 3, &c), 3);
	assert_int_equal(c.cp, 0xFFFD);
	assert_false(c.placeholder);
}

static void
textsafe_string__embedded_nul__visible_not_truncating(void **state)
{
	char *s;
	size_t len;

	(void)state;
	s = textsafe_string("ab\0cd", 5, false, &len);
	assert_string_equal(s, "ab\xe2\x90\x80" "cd");	/* ␀ */
	assert_int_equal(len, 7);
	free(s);
}

static void
textsafe_string__oneline__tab_newline_become_spaces(void **state)
{
	char *s;

	(void)state;
	s = textsafe_string("a\tb\nc\rd", 7, true, NULL);
	assert_string_equal(s, "a b c\xe2\x90\x8d" "d");	/* CR stays ␍ */
	free(s);
	s = textsafe_string("a\tb\n", 4, false, NULL);
	assert_string_equal(s, "a\xe2\x90\x89" "b\xe2\x90\x8a");
	free(s);
}

static void
textsafe_width__wide_and_combining__display_columns(void **state)
{
	(void)state;
	/* two CJK ideographs: 2 columns each */
	assert_int_equal(textsafe_width("\xe4\xb8\xad\xe6\x96\x87", 6, false), 4);
	/* e + combining acute: one column */
	assert_int_equal(textsafe_width("e\xcc\x81", 3, false), 1);
	/* ESC placeholder plus "[1m" */
	assert_int_equal(textsafe_width("\x1b[1m", 4, false), 4);
}

static void
textsafe_next__empty__consumes_nothing(void **state)
{
	struct textsafe_char c;

	(void)state;
	assert_int_equal(textsafe_next("", 0, &c), 0);
	assert_int_equal(c.len, 0);
	assert_int_equal(c.width, 0);
}

static void
textsafe_string__plain_text_and_zwj__unchanged(void **state)
{
	static const char *const ins[] = {
		"Moscow \xe2\x80\x94 \xc3\xa9t\xc3\xa9, \xe4\xb8\xad",
		/* man ZWJ woman: the joiner stays, so the emoji can join */
		"\xf0\x9f\x91\xa8\xe2\x80\x8d\xf0\x9f\x91\xa9",
		/* ZWNJ, needed by Persian */
		"\xd9\x85\xdb\x8c\xe2\x80\x8c\xd8\xae\xd9\x88\xd8\xa7\xd9\x87\xd9\x85",
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < NITEMS(ins); i++) {
		s = safe(ins[i]);
		assert_string_equal(s, ins[i]);
		free(s);
	}
}

/* Every byte of s[0..len) is ASCII. */
static void
assert_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		assert_true((unsigned char)s[i] < 0x80);
}

static void
textsafe_string__ascii_output__placeholders_as_codes(void **state)
{
	/* ESC, C1 CSI (c2 9b), an invalid byte, RLO, DEL */
	static const char in[] = "a\x1b[2J \xc2\x9b" "2J \xff \xe2\x80\xae "
	    "\x7f";
	size_t len;
	char *s;

	(void)state;
	textsafe_set_ascii(true);
	s = textsafe_string(in, sizeof in - 1, false, &len);
	textsafe_set_ascii(false);
	assert_ascii(s, len);
	assert_string_equal(s, "a<U+241B>[2J <U+009B>2J <U+FFFD> <U+202E> "
	    "<U+2421>");
	free(s);
}

static void
textsafe_string__ascii_output__letters_transliterated(void **state)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "\xc3\xa9t\xc3\xa9", "ete" },			/* été */
		{ "\xc8\x98tefan Nguy\xe1\xbb\x85n", "Stefan Nguyen" },
		{ "Stra\xc3\x9f" "e \xc3\x86sir \xc5\x81\xc3\xb3" "d\xc5\xba",
		    "Strasse AEsir Lodz" },
		{ "Moscow\xe2\x80\x99s \xe2\x80\x9cplan\xe2\x80\x9d \xe2\x80\x94 "
		    "then\xe2\x80\xa6", "Moscow's \"plan\" - then..." },
		{ "\xef\xac\x81nance \xef\xbc\xa1\xef\xbc\xa2", "finance AB" },
		{ "e\xcc\x81 \xe2\x80\x8d", "e " },	/* mark, ZWJ: dropped */
		{ "\xe4\xb8\xad \xd0\x96", "? ?" },	/* 中 Ж: no ASCII */
	};
	size_t i, len;
	char *s;

	(void)state;
	textsafe_set_ascii(true);
	for (i = 0; i < NITEMS(cases); i++) {
		s = textsafe_string(cases[i].in, strlen(cases[i].in), true,
		    &len);
		assert_ascii(s, len);
		assert_string_equal(s, cases[i].want);
		assert_int_equal(textsafe_width(cases[i].in,
		    strlen(cases[i].in), true), (int)len);
		free(s);
	}
	textsafe_set_ascii(false);
	assert_false(textsafe_ascii());
}

static void
textsafe_next__ascii_fast_path__itself_one_column(void **state)
{
	struct textsafe_char c;
	int b;

	(void)state;
	for (b = 0x20; b < 0x7F; b++) {
		char in[1] = { (char)b };

		assert_int_equal(textsafe_next(in, 1, &c), 1);
		assert_int_equal(c.cp, (uint32_t)b);
		assert_int_equal(c.len, 1);
		assert_int_equal(c.text[0], b);
		assert_int_equal(c.width, 1);
		assert_false(c.placeholder);
	}
}

static void
textsafe_ascii_columns__frames__same_width(void **state)
{
	/* ═ ━ │ • … ▸ and 中: one column each but the last (two) */
	static const char in[] = "\xe2\x95\x90\xe2\x94\x81\xe2\x94\x82\xe2"
	    "\x80\xa2\xe2\x80\xa6\xe2\x96\xb8\xe4\xb8\xad|\x1b[0m";
	char out[sizeof in];
	size_t len;

	(void)state;
	assert_int_equal(textsafe_ascii_columns(in, sizeof in - 1, out, &len),
	    sizeof in - 1);
	out[len] = '\0';
	assert_string_equal(out, "=-|*.>? |\x1b[0m");
}

static void
textsafe_ascii_columns__cut_character__left_for_next_call(void **state)
{
	char out[8];
	size_t len;

	(void)state;
	/* "a" then the first two bytes of "—" */
	assert_int_equal(textsafe_ascii_columns("a\xe2\x80", 3, out, &len), 1);
	assert_int_equal(len, 1);
	/* a bad byte in the middle is not "cut": it becomes '?' */
	assert_int_equal(textsafe_ascii_columns("\xe2x", 2, out, &len), 2);
	assert_memory_equal(out, "?x", 2);
}

/* Does textsafe_shown_width say what textsafe_next does, for every cp? */
static void
check_shown_widths(void)
{
	struct textsafe_char c;
	char enc[4];
	uint32_t cp;
	size_t n;
	int w;

	for (cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		n = utf8_encode(cp, enc);
		textsafe_next(enc, n, &c);
		w = textsafe_shown_width(cp);
		if (!c.placeholder && c.len == n && memcmp(c.text, enc, n) == 0)
			assert_int_equal(w, c.width);
		else
			assert_int_equal(w, -1);
	}
}

static void
textsafe_shown_width__every_code_point__as_textsafe_next(void **state)
{
	(void)state;
	check_shown_widths();
	textsafe_set_ascii(true);
	check_shown_widths();
	textsafe_set_ascii(false);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(textsafe_shown_width__every_code_point__as_textsafe_next),
		cmocka_unit_test(textsafe_string__esc_csi__esc_becomes_picture),
		cmocka_unit_test(textsafe_next__esc__placeholder_one_column),
		cmocka_unit_test(textsafe_string__c1_csi__shown_as_code),
		cmocka_unit_test(textsafe_string__del_and_bel__pictures),
		cmocka_unit_test(textsafe_next__rlo__placeholder_eight_columns),
		cmocka_unit_test(
		    textsafe_string__bidi_isolates_and_marks__all_visible),
		cmocka_unit_test(
		    textsafe_string__zero_width_space_and_bom__visible),
		cmocka_unit_test(textsafe_string__soft_hyphen__dropped),
		cmocka_unit_test(
		    textsafe_string__broken_utf8__replacement_per_byte),
		cmocka_unit_test(
		    textsafe_next__invalid_byte__placeholder_but_real_fffd_is_not),
		cmocka_unit_test(
		    textsafe_string__embedded_nul__visible_not_truncating),
		cmocka_unit_test(
		    textsafe_string__oneline__tab_newline_become_spaces),
		cmocka_unit_test(textsafe_width__wide_and_combining__display_columns),
		cmocka_unit_test(textsafe_next__empty__consumes_nothing),
		cmocka_unit_test(textsafe_string__plain_text_and_zwj__unchanged),
		cmocka_unit_test(
		    textsafe_string__ascii_output__placeholders_as_codes),
		cmocka_unit_test(
		    textsafe_string__ascii_output__letters_transliterated),
		cmocka_unit_test(
		    textsafe_next__ascii_fast_path__itself_one_column),
		cmocka_unit_test(textsafe_ascii_columns__frames__same_width),
		cmocka_unit_test(
		    textsafe_ascii_columns__cut_character__left_for_next_call),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
