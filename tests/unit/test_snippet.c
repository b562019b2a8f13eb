/*
 * Snippets: the line of context xref cuts around each mention, where the
 * mention stands in it, whole words and whole grapheme clusters at its
 * cuts, one line of at most 72 columns.
 */
#include "test_common.h"

#include <string.h>

#include "load.h"
#include "utf8.h"
#include "util.h"
#include "xref.h"
#include "xref_fx.h"

/* The mention stands at [snippet_start, snippet_end) of its snippet. */
static void
assert_snippet_range(const struct mention *m, const char *want)
{
	assert_non_null(m->snippet);
	assert_true(m->snippet_start <= m->snippet_end);
	assert_true(m->snippet_end <= strlen(m->snippet));
	assert_int_equal(m->snippet_end - m->snippet_start, strlen(want));
	assert_memory_equal(m->snippet + m->snippet_start, want, strlen(want));
}

static void
xref_build__long_paragraph__snippet_cut_around_mention(void **state)
{
	const char *md =
	    "Over the past decades many analysts and officials have argued at\n"
	    "length about the region, and after    the attack the Taliban\n"
	    "asked for talks with every neighbour that would listen to them\n"
	    "and then some more words to make the paragraph long.\n";
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 1);
	assert_string_equal(m[0].snippet,
	    "…and after the attack the Taliban asked for talks with every…");
	/* where the mention stands in it, past the ellipsis */
	assert_snippet_range(&m[0], "Taliban");
	assert_int_equal(m[0].snippet_start,
	    strlen("…and after the attack the "));
	fx_free(&f);
}

/*
 * A snippet cut inside text with no spaces (so no word to keep whole)
 * cuts between grapheme clusters: whole families before the mention,
 * whole flags after it.
 */
static void
xref_build__snippet_cut_in_emoji__clusters_whole(void **state)
{
#define HELLIP	"\xe2\x80\xa6"
#define FAM	"\xf0\x9f\x91\xa9\xe2\x80\x8d\xf0\x9f\x91\xa9\xe2\x80\x8d" \
		"\xf0\x9f\x91\xa7"
#define FLAG	"\xf0\x9f\x87\xab\xf0\x9f\x87\xb7"
	/* names of odd and even widths: the cuts fall at every parity */
	static const char *const names[] = { "Taliban", "Russia", "Moscow",
	    "the Kremlin" };
	char md[2048];
	const struct mention *m;
	const char *t;
	struct fx f;
	size_t n, i, k, ris;

	(void)state;
	for (k = 0; k < NITEMS(names); k++) {
		md[0] = '\0';
		for (i = 0; i < 30; i++)
			strcat(md, FAM);
		strcat(md, names[k]);	/* no space: the cut is inside */
		for (i = 0; i < 60; i++)
			strcat(md, FLAG);
		strcat(md, "\n");
		fx_load(&f, md, EXPERTS, ACTORS, NULL);
		m = xref_unit_mentions(f.x, SECTION0, &n);
		assert_int_equal(n, 1);
		t = m[0].snippet;
		/* past the ellipsis a whole family; before the last one,
		 * whole flags */
		assert_memory_equal(t, HELLIP FAM, strlen(HELLIP FAM));
		for (i = 0, ris = 0; t[i] != '\0'; i++)
			if (strncmp(t + i, "\xf0\x9f\x87", 3) == 0)
				ris++;
		assert_true(ris > 0 && ris % 2 == 0);
		assert_string_equal(t + strlen(t) - strlen(FLAG HELLIP),
		    FLAG HELLIP);
		fx_free(&f);
	}
#undef FAM
#undef FLAG
#undef HELLIP
}

/*
 * A joiner inside a word of a script that uses it (Sinhala ශ්‍රී: a
 * letter, virama, ZWJ, a letter and its vowel sign) is two clusters; a
 * snippet that walks back over it counts both, and stays one line.
 */
static void
xref_build__snippet_back_over_joiner__within_width(void **state)
{
	char md[2048];
	const struct mention *m;
	struct fx f;
	size_t n, i;

	(void)state;
	md[0] = '\0';
	for (i = 0; i < 40; i++)
		strcat(md, "\xe0\xb7\x81\xe0\xb7\x8a\xe2\x80\x8d\xe0\xb6\xbb"
		    "\xe0\xb7\x93 ");
	strcat(md, "Russia.\n");
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 1);
	assert_true(utf8_width(m[0].snippet, strlen(m[0].snippet)) <= 72);
	fx_free(&f);
}

static void
xref_build__snippets__one_line_within_width(void **state)
{
	const char *md =
	    "Short: Russia.\n"
	    "\n"
	    "Taliban at the very start of a paragraph that keeps going on and "
	    "on with\nmany words after it, far beyond one line of any screen.\n"
	    "\n"
	    "A paragraph that keeps going on and on with many words before "
	    "the\nname at its very end, ISIS.\n";
	const struct mention *m;
	struct fx f;
	size_t n, i;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 3);
	assert_string_equal(m[0].snippet, "Short: Russia.");
	assert_string_equal(m[1].snippet,
	    "Taliban at the very start of a paragraph that keeps going on "
	    "and on…");
	assert_string_equal(m[2].snippet,
	    "…going on and on with many words before the name at its very "
	    "end, ISIS.");
	for (i = 0; i < n; i++) {
		assert_null(strchr(m[i].snippet, '\n'));
		assert_null(strstr(m[i].snippet, "  "));
		assert_true(utf8_width(m[i].snippet,
		    strlen(m[i].snippet)) <= 72);
	}
	fx_free(&f);
}

/*
 * Each snippet says where its mention stands in it: at the start, past
 * collapsed whitespace and a soft break, and for an explicit link, its
 * text.
 */
static void
xref_build__snippets__mention_range_in_snippet(void **state)
{
	const char *md =
	    "Russia opens;  the  Islamic\n"
	    "State-Khorasan is wrapped; [the envoy](expert:katz) ends.\n";
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 3);
	assert_snippet_range(&m[0], "Russia");
	assert_int_equal(m[0].snippet_start, 0);
	assert_snippet_range(&m[1], "Islamic State-Khorasan");
	assert_snippet_range(&m[2], "the envoy");
	fx_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    xref_build__long_paragraph__snippet_cut_around_mention),
		cmocka_unit_test(
		    xref_build__snippet_cut_in_emoji__clusters_whole),
		cmocka_unit_test(
		    xref_build__snippet_back_over_joiner__within_width),
		cmocka_unit_test(
		    xref_build__snippets__one_line_within_width),
		cmocka_unit_test(
		    xref_build__snippets__mention_range_in_snippet),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
