/*
 * acmatch: word boundaries, leftmost-longest overlaps, UTF-8 names,
 * apostrophe forms, capitalised first letters, and a speed smoke test
 * with thousands of patterns over a megabyte of text.
 */
#include "test_common.h"

#include <string.h>

#include "acmatch.h"
#include "util.h"

/* Build an automaton from NULL-terminated patterns, valued by position. */
static struct acmatch *
build(const char *const *patterns)
{
	struct acmatch *ac = acmatch_new();
	size_t i;

	for (i = 0; patterns[i] != NULL; i++)
		acmatch_add(ac, patterns[i], strlen(patterns[i]), i);
	acmatch_compile(ac);
	return ac;
}

/* The hits in text as "start-end:value ..." for one readable assertion. */
static char *
hits_string(const struct acmatch *ac, const char *text)
{
	struct acmatch_hits hits = { 0 };
	struct buf b;
	size_t n, i;

	buf_init(&b);
	buf_adds(&b, "");
	n = acmatch_find(ac, text, strlen(text), &hits);
	assert_int_equal(n, hits.n);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%s%zu-%zu:%zu", i ? " " : "", hits.v[i].start,
		    hits.v[i].end, hits.v[i].value);
	acmatch_hits_free(&hits);
	return buf_release(&b);
}

static void
check_hits(const char *const *patterns, const char *text, const char *want)
{
	struct acmatch *ac = build(patterns);
	char *got = hits_string(ac, text);

	assert_string_equal(got, want);
	free(got);
	acmatch_free(ac);
}

static void
acmatch_find__name_between_spaces__offsets_and_value(void **state)
{
	const char *p[] = { "Russia", "Taliban", NULL };

	(void)state;
	check_hits(p, "Russia and the Taliban", "0-6:0 15-22:1");
}

static void
acmatch_find__prefix_of_longer_word__no_match(void **state)
{
	const char *p[] = { "Iran", NULL };

	(void)state;
	check_hits(p, "Iranian officials", "");
	check_hits(p, "Iran, officials", "0-4:0");
}

static void
acmatch_find__suffix_of_longer_word__no_match(void **state)
{
	const char *p[] = { "Stan", NULL };

	(void)state;
	check_hits(p, "PakiStan and Stan", "13-17:0");
}

static void
acmatch_find__two_patterns_same_start__longest_wins(void **state)
{
	const char *p[] = { "Islamic State", "Islamic State-Khorasan", NULL };

	(void)state;
	check_hits(p, "Islamic State-Khorasan claimed it",
	    "0-22:1");
	check_hits(p, "the Islamic State itself", "4-17:0");
}

static void
acmatch_find__longer_pattern_off_boundary__shorter_kept(void **state)
{
	const char *p[] = { "Islamic State", "Islamic State-K", NULL };

	(void)state;
	/* "Islamic State-K" runs into "horasan"; "Islamic State" ends at '-'. */
	check_hits(p, "Islamic State-Khorasan", "0-13:0");
}

static void
acmatch_find__overlapping_patterns__leftmost_kept_inner_dropped(void **state)
{
	const char *p[] = { "Crocus City", "City Hall", "Hall", NULL };

	(void)state;
	check_hits(p, "at Crocus City Hall.", "3-14:0 15-19:2");
	check_hits(p, "the City Hall", "4-13:1");
}

static void
acmatch_find__shorter_pattern_inside_longer__dropped(void **state)
{
	const char *p[] = { "State", "Islamic State", "State of Iraq", NULL };

	(void)state;
	check_hits(p, "Islamic State of Iraq", "0-13:1");
	check_hits(p, "the State of Iraq and the State",
	    "4-17:2 26-31:0");
}

static void
acmatch_find__hyphenated_group_name__longest_and_boundaries(void **state)
{
	const char *p[] = { "Taliban", "Tehrik-i-Taliban", "Tehrik-i-Taliban Pakistan",
	    NULL };

	(void)state;
	check_hits(p, "Tehrik-i-Taliban Pakistan and the Taliban",
	    "0-25:2 34-41:0");
	check_hits(p, "the anti-Taliban front", "9-16:0");
}

static void
acmatch_find__accented_name__matched_and_bounded(void **state)
{
	const char *p[] = { "Médecins Sans Frontières", "Daudzai", NULL };

	(void)state;
	/* "é" is a word character: no match glued to it. */
	check_hits(p, "Médecins Sans Frontières, Daudzai.",
	    "0-26:0 28-35:1");
	check_hits(p, "éDaudzai Daudzaié", "");
}

static void
acmatch_find__cyrillic_name__whole_words_only(void **state)
{
	const char *p[] = { "Путин", "Москва", NULL };

	(void)state;
	/* Cyrillic letters are two bytes each. */
	check_hits(p, "Путин и Москва", "0-10:0 14-26:1");
	check_hits(p, "Путина нет, Москвы нет", "");
}

static void
acmatch_find__possessive_typographic_apostrophe__name_only(void **state)
{
	const char *p[] = { "Moscow", NULL };

	(void)state;
	check_hits(p, "Moscow’s options", "0-6:0");
	check_hits(p, "Moscow's options", "0-6:0");
}

static void
acmatch_find__ascii_apostrophe_pattern__matches_typographic_text(void **state)
{
	const char *p[] = { "Moscow's options", NULL };
	const char *q[] = { "Moscow’s options", NULL };

	(void)state;
	/* The typographic apostrophe is three bytes: the end moves by two. */
	check_hits(p, "in Moscow’s options.", "3-21:0");
	check_hits(q, "in Moscow's options.", "3-19:0");
	check_hits(q, "in Moscow’s options.", "3-21:0");
}

static void
acmatch_find__case_differs__no_match(void **state)
{
	const char *p[] = { "Taliban", NULL };

	(void)state;
	check_hits(p, "taliban TALIBAN Taliban", "16-23:0");
}

static void
acmatch_find__lowercase_alias_at_sentence_start__capital_form_found(void **state)
{
	const char *p[] = { "the Kremlin", "élysée", NULL };

	(void)state;
	check_hits(p, "The Kremlin denied it; the Kremlin", "0-11:0 23-34:0");
	check_hits(p, "THE Kremlin", "");
	check_hits(p, "Élysée", "0-8:1");
}

static void
acmatch_find__lowercase_beyond_latin1__capital_form_found(void **state)
{
	/* ștefan (U+0219) and ǆ (U+01C6, title case ǅ), in the C locale:
	 * the capital comes from utf8proc, not from towupper */
	const char *p[] = { "\xc8\x99tefan", "\xc7\x86" "aba", NULL };

	(void)state;
	setlocale(LC_ALL, "C");
	check_hits(p, "\xc8\x98tefan and \xc7\x85" "aba", "0-7:0 12-17:1");
	test_setlocale();
}

static void
acmatch_find__name_in_text_without_spaces__found(void **state)
{
	/* 東京 and 大阪 in 東京と大阪 (Japanese), กรุงเทพ in Thai text */
	const char *p[] = { "\xe6\x9d\xb1\xe4\xba\xac",
	    "\xe5\xa4\xa7\xe9\x98\xaa",
	    "\xe0\xb8\x81\xe0\xb8\xa3\xe0\xb8\xb8\xe0\xb8\x87\xe0\xb9\x80"
	    "\xe0\xb8\x97\xe0\xb8\x9e", NULL };

	(void)state;
	check_hits(p, "\xe6\x9d\xb1\xe4\xba\xac\xe3\x81\xa8\xe5\xa4\xa7\xe9"
	    "\x98\xaa", "0-6:0 9-15:1");
	check_hits(p, "\xe0\xb9\x83\xe0\xb8\x99\xe0\xb8\x81\xe0\xb8\xa3\xe0"
	    "\xb8\xb8\xe0\xb8\x87\xe0\xb9\x80\xe0\xb8\x97\xe0\xb8\x9e\xe0\xb8"
	    "\xa1\xe0\xb8\xb5", "6-27:2");
}

static void
acmatch_find__spaced_script_next_to_unspaced__boundary_only_between_spaced(void **state)
{
	const char *p[] = { "Tokyo", "\xe6\x9d\xb1\xe4\xba\xac", NULL };

	(void)state;
	/* Latin beside Han: no boundary needed on that side */
	check_hits(p, "Tokyo\xe6\x9d\xb1\xe4\xba\xac", "0-5:0 5-11:1");
	/* Latin beside Latin: still whole words only */
	check_hits(p, "Tokyoites", "");
	check_hits(p, "x\xe6\x9d\xb1\xe4\xba\xac" "y", "1-7:1");
}

static void
acmatch_add__capital_form_spelled_out__beats_derived(void **state)
{
	const char *p[] = { "the Hague", "The Hague", NULL };
	const char *q[] = { "The Hague", "the Hague", NULL };

	(void)state;
	check_hits(p, "The Hague, the Hague", "0-9:1 11-20:0");
	check_hits(q, "The Hague, the Hague", "0-9:0 11-20:1");
}

static void
acmatch_add__same_pattern_twice__first_value_kept(void **state)
{
	const char *p[] = { "Kabul", "Kabul", NULL };
	struct acmatch *ac = build(p);

	(void)state;
	assert_int_equal(acmatch_count(ac), 1);
	acmatch_free(ac);
	check_hits(p, "Kabul", "0-5:0");
}

static void
acmatch_count__lowercase_pattern__counts_capital_form(void **state)
{
	const char *p[] = { "the Kremlin", "Russia", "", NULL };
	struct acmatch *ac = build(p);

	(void)state;
	assert_int_equal(acmatch_count(ac), 3);
	acmatch_free(ac);
}

static void
acmatch_find__punctuation_edges__no_boundary_needed(void **state)
{
	const char *p[] = { "U.S.", "(ISIS-K)", NULL };

	(void)state;
	check_hits(p, "the U.S., then", "4-8:0");
	check_hits(p, "group(ISIS-K)x", "5-13:1");
}

static void
acmatch_find__nothing_to_find__no_hits_left(void **state)
{
	const char *p[] = { "Iran", NULL };
	struct acmatch *ac = build(p), *empty, *raw;
	struct acmatch_hits hits = { 0 };

	(void)state;
	/* What a text before found is gone after each call. */
	assert_int_equal(acmatch_find(ac, "Iran", 4, &hits), 1);
	assert_int_equal(acmatch_find(ac, "", 0, &hits), 0);
	assert_int_equal(hits.n, 0);
	assert_int_equal(acmatch_find(ac, "Iran", 4, &hits), 1);
	assert_int_equal(acmatch_find(ac, "Iraq", 4, &hits), 0);
	assert_int_equal(hits.n, 0);

	empty = acmatch_new();
	acmatch_compile(empty);
	assert_int_equal(acmatch_find(empty, "Iran", 4, &hits), 0);
	assert_int_equal(hits.n, 0);

	raw = acmatch_new();
	acmatch_add(raw, "Iran", 4, 0);	/* never compiled */
	assert_int_equal(acmatch_find(raw, "Iran", 4, &hits), 0);
	assert_int_equal(hits.n, 0);
	acmatch_hits_free(&hits);
	acmatch_hits_free(&hits);	/* zeroed: freeing again is harmless */

	acmatch_free(ac);
	acmatch_free(empty);
	acmatch_free(raw);
	acmatch_free(NULL);
}

static void
acmatch_add__after_compile__ignored(void **state)
{
	const char *p[] = { "Iran", NULL };
	struct acmatch *ac = build(p);
	char *got;

	(void)state;
	acmatch_add(ac, "Iraq", 4, 7);
	assert_int_equal(acmatch_count(ac), 1);
	got = hits_string(ac, "Iran Iraq");
	assert_string_equal(got, "0-4:0");
	free(got);
	acmatch_free(ac);
}

static void
acmatch_find__pattern_is_whole_text__one_hit(void **state)
{
	const char *p[] = { "ISIS-K", "K", NULL };

	(void)state;
	check_hits(p, "ISIS-K", "0-6:0");
	check_hits(p, "K", "0-1:1");
}

static void
acmatch_find__shared_suffixes__failure_links_find_all(void **state)
{
	const char *p[] = { "Abu Bakr", "Bakr", "Abu Bakr al-Baghdadi",
	    "al-Baghdadi", NULL };

	(void)state;
	/* "Abu Bakr al-B" then a mismatch: fall back to find "Bakr" etc. */
	check_hits(p, "Abu Bakr al-Bashir, Bakr, al-Baghdadi",
	    "0-8:0 20-24:1 26-37:3");
	check_hits(p, "Abu Abu Bakr al-Baghdadi", "4-24:2");
}

static void
acmatch_find__line_feed_in_text__read_as_space(void **state)
{
	const char *p[] = { "Abu Bakr", NULL };

	(void)state;
	check_hits(p, "said Abu\nBakr.", "5-13:0");
	check_hits(p, "said Abu\n\nBakr.", "");
}

static void
acmatch_find__state_with_many_edges__every_branch_found(void **state)
{
	const char *p[] = { "Qaa", "Qab", "Qac", "Qad", "Qae", "Qaf", "Qag",
	    "Qah", "Qai", "Qaj", "Qak", "Qal", "Q", NULL };

	(void)state;
	/* "Qa" has twelve edges, more than a short list holds. */
	check_hits(p, "Qaa Qal Qam Qab Q", "0-3:0 4-7:11 12-15:1 16-17:12");
}

static void
acmatch_find__long_pattern_after_apostrophes__start_mapped(void **state)
{
	char pat[128], text[256];
	const char *p[] = { pat, NULL };
	char want[32];

	(void)state;
	/* 100 folded bytes: longer than the ring starts. */
	memset(pat, 'x', sizeof pat);
	memcpy(pat, "O'", 2);
	pat[100] = '\0';
	snprintf(text, sizeof text, "a\xe2\x80\x99 O\xe2\x80\x99%s b",
	    pat + 2);
	snprintf(want, sizeof want, "5-%zu:0", (size_t)5 + 102);
	check_hits(p, text, want);
}

/* A name from a number: "Qa" plus three letters, then a word. */
static void
many_name(char *out, size_t i)
{
	out[0] = 'Q';
	out[1] = 'a';
	out[2] = (char)('a' + i / 676 % 26);
	out[3] = (char)('a' + i / 26 % 26);
	out[4] = (char)('a' + i % 26);
	memcpy(out + 5, i % 2 ? " Front" : " Group", 7);
}

/*
 * 5,000 names and their prefixes over text of `len` bytes naming them:
 * every name found, the longer match winning; returns the work done
 * (util_work: failure links followed, outputs visited).
 */
static unsigned long
many_names_work(size_t len)
{
	enum { NPAT = 5000 };
	struct acmatch *ac = acmatch_new();
	struct acmatch_hits hits = { 0 };
	size_t *want = NULL, nwant = 0, capwant = 0, i, n, j;
	unsigned long w0;
	struct buf text;
	char name[16];

	for (i = 0; i < NPAT; i++) {
		many_name(name, i);
		acmatch_add(ac, name, strlen(name), i);
		/* A prefix of the name: the longer match must win. */
		acmatch_add(ac, name, 5, NPAT + i);
	}
	acmatch_compile(ac);
	assert_int_equal(acmatch_count(ac), 2 * NPAT);

	buf_init(&text);
	for (j = 0; text.len < len; j++) {
		i = j * 7919 % NPAT;
		many_name(name, i);
		buf_adds(&text, j % 3 ? "the " : "The ");
		buf_adds(&text, name);
		buf_adds(&text, j % 5 ? " met QaBands, " : "\xe2\x80\x99s envoy: ");
		ARRAY_RESERVE(want, capwant, nwant + 1);
		want[nwant++] = i;
	}
	w0 = util_work;
	n = acmatch_find(ac, text.data, text.len, &hits);
	w0 = util_work - w0;

	assert_int_equal(n, nwant);
	for (j = 0; j < n; j++) {
		assert_int_equal(hits.v[j].value, want[j]);
		assert_int_equal(hits.v[j].end - hits.v[j].start, 11);
	}
	acmatch_hits_free(&hits);
	free(want);
	buf_free(&text);
	acmatch_free(ac);
	return w0;
}

/* Linear: twice the text, at most twice the work (and a little). */
static void
acmatch_find__5000_patterns_1mb_text__every_name_found(void **state)
{
	unsigned long small, big;

	(void)state;
	small = many_names_work((size_t)1 << 19);
	big = many_names_work((size_t)1 << 20);
	assert_true(big > small);
	if ((double)big > 2.2 * (double)small)
		fail_msg("work %lu at 512 KiB, %lu at 1 MiB", small, big);
	/* a few steps per byte, not per byte and name */
	assert_true(big < 4 * ((unsigned long)1 << 20));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(acmatch_find__name_between_spaces__offsets_and_value),
		cmocka_unit_test(acmatch_find__prefix_of_longer_word__no_match),
		cmocka_unit_test(acmatch_find__suffix_of_longer_word__no_match),
		cmocka_unit_test(acmatch_find__two_patterns_same_start__longest_wins),
		cmocka_unit_test(acmatch_find__longer_pattern_off_boundary__shorter_kept),
		cmocka_unit_test(acmatch_find__overlapping_patterns__leftmost_kept_inner_dropped),
		cmocka_unit_test(acmatch_find__shorter_pattern_inside_longer__dropped),
		cmocka_unit_test(acmatch_find__hyphenated_group_name__longest_and_boundaries),
		cmocka_unit_test(acmatch_find__accented_name__matched_and_bounded),
		cmocka_unit_test(acmatch_find__cyrillic_name__whole_words_only),
		cmocka_unit_test(acmatch_find__possessive_typographic_apostrophe__name_only),
		cmocka_unit_test(acmatch_find__ascii_apostrophe_pattern__matches_typographic_text),
		cmocka_unit_test(acmatch_find__case_differs__no_match),
		cmocka_unit_test(acmatch_find__lowercase_alias_at_sentence_start__capital_form_found),
		cmocka_unit_test(acmatch_find__lowercase_beyond_latin1__capital_form_found),
		cmocka_unit_test(acmatch_find__name_in_text_without_spaces__found),
		cmocka_unit_test(acmatch_find__spaced_script_next_to_unspaced__boundary_only_between_spaced),
		cmocka_unit_test(acmatch_add__capital_form_spelled_out__beats_derived),
		cmocka_unit_test(acmatch_add__same_pattern_twice__first_value_kept),
		cmocka_unit_test(acmatch_count__lowercase_pattern__counts_capital_form),
		cmocka_unit_test(acmatch_find__punctuation_edges__no_boundary_needed),
		cmocka_unit_test(acmatch_find__nothing_to_find__no_hits_left),
		cmocka_unit_test(acmatch_add__after_compile__ignored),
		cmocka_unit_test(acmatch_find__pattern_is_whole_text__one_hit),
		cmocka_unit_test(acmatch_find__shared_suffixes__failure_links_find_all),
		cmocka_unit_test(acmatch_find__line_feed_in_text__read_as_space),
		cmocka_unit_test(acmatch_find__state_with_many_edges__every_branch_found),
		cmocka_unit_test(acmatch_find__long_pattern_after_apostrophes__start_mapped),
		cmocka_unit_test(acmatch_find__5000_patterns_1mb_text__every_name_found),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
