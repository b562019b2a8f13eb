/*
 * Tests of fold.c: what the actor index filter and the search compare.
 */
#include "test_common.h"

#include <string.h>

#include "fold.h"
#include "util.h"

static char *
f(const char *s)
{
	return fold(s, strlen(s), NULL);
}

static void
fold__upper_case__lowered(void **state)
{
	char *s = f("Taliban ISIS");

	(void)state;
	assert_string_equal(s, "taliban isis");
	free(s);
}

static void
fold__latin_accents__base_letters(void **state)
{
	char *s = f("Kürdistan Ça ÉLYSÉE Đakovo Łódź");

	(void)state;
	assert_string_equal(s, "kurdistan ca elysee dakovo lodz");
	free(s);
}

static void
fold__combining_marks__dropped(void **state)
{
	/* "é" written as "e" and U+0301 folds as the precomposed one. */
	char *s = f("Caf" "e\xcc\x81");
	char *t = f("Café");

	(void)state;
	assert_string_equal(s, "cafe");
	assert_string_equal(t, "cafe");
	free(s);
	free(t);
}

static void
fold__letters_without_base__expanded(void **state)
{
	char *s = f("Straße Æsir Œuvre Þing ×");

	(void)state;
	assert_string_equal(s, "strasse aesir oeuvre thing ×");
	free(s);
}

static void
fold__other_scripts__lowered(void **state)
{
	char *s = f("МОСКВА ΟΔΟΣ");

	(void)state;
	assert_string_equal(s, "москва οδοσ");
	free(s);
}

static void
fold__invalid_utf8__replacement_char(void **state)
{
	char *s = f("a\xff" "B");

	(void)state;
	assert_string_equal(s, "a\xef\xbf\xbd" "b");
	free(s);
}

static void
fold__romanian_and_vietnamese__base_letters(void **state)
{
	/* Ș and Ț with comma below, ễ with two marks: all beyond Latin-1 */
	char *s = f("\xc8\x98tefan Nguy\xe1\xbb\x85n \xc8\x9a" "ara");

	(void)state;
	assert_string_equal(s, "stefan nguyen tara");
	free(s);
}

static void
fold__ligature_and_fullwidth__plain_letters(void **state)
{
	/* U+FB01 "ﬁ", then "ＡＢＣ" in full-width forms */
	char *s = f("\xef\xac\x81nance \xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3");

	(void)state;
	assert_string_equal(s, "finance abc");
	free(s);
}

static void
fold__typographic_quotes__ascii(void **state)
{
	char *s = f("Moscow\xe2\x80\x99s \xe2\x80\x9coptions\xe2\x80\x9d");

	(void)state;
	assert_string_equal(s, "moscow's \"options\"");
	free(s);
}

static void
fold__hyphens_dashes_and_space_runs__one_space(void **state)
{
	static const char *const ins[] = {
		"State-Khorasan",
		"State \xe2\x80\x93 Khorasan",		/* en dash */
		"State\xe2\x80\x94Khorasan",		/* em dash */
		"State\xe2\x80\x90Khorasan",		/* U+2010 hyphen */
		"State \t\n  Khorasan",
		"State\xc2\xa0Khorasan",		/* no-break space */
		"State\xe3\x80\x80Khorasan",		/* ideographic space */
	};
	size_t i;
	char *s;

	(void)state;
	for (i = 0; i < NITEMS(ins); i++) {
		s = f(ins[i]);
		assert_string_equal(s, "state khorasan");
		free(s);
	}
}

static void
fold__decomposed_or_precomposed__same_result(void **state)
{
	/* ễ as e + U+0302 + U+0303; 한 as its three conjoining jamo */
	char *a = f("Nguye\xcc\x82\xcc\x83n \xed\x95\x9c");
	char *b = f("Nguy\xe1\xbb\x85n \xe1\x84\x92\xe1\x85\xa1\xe1\x86\xab");

	(void)state;
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static void
fold__soft_hyphen_and_joiners__dropped(void **state)
{
	char *s = f("Afghan\xc2\xadistan Ka\xe2\x80\x8d" "bul");

	(void)state;
	assert_string_equal(s, "afghanistan kabul");
	free(s);
}

static void
fold__c_locale__same_result(void **state)
{
	char *s;

	(void)state;
	setlocale(LC_ALL, "C");
	s = f("\xc8\x98TEFAN \xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90");
	test_setlocale();
	assert_string_equal(s, "stefan \xd0\xbc\xd0\xbe\xd1\x81\xd0\xba"
	    "\xd0\xb2\xd0\xb0");	/* москва */
	free(s);
}

/* The bytes of orig that a match of needle in the folded text maps to. */
static void
assert_maps_to(const char *orig, const char *needle, const char *want)
{
	size_t *map, start, end;
	char *s = fold(orig, strlen(orig), &map);
	char *n = fold(needle, strlen(needle), NULL);
	const char *at = strstr(s, n);

	assert_non_null(at);
	fold_unmap(map, strlen(s), (size_t)(at - s),
	    (size_t)(at - s) + strlen(n), &start, &end);
	assert_int_equal(end - start, strlen(want));
	assert_memory_equal(orig + start, want, end - start);
	free(n);
	free(s);
	free(map);
}

static void
fold_unmap__utf8proc_folds__exact_source_bytes(void **state)
{
	(void)state;
	assert_maps_to("Dr \xc8\x98tefan Popescu", "stefan",
	    "\xc8\x98tefan");
	assert_maps_to("Mr Nguy\xe1\xbb\x85n V\xc4\x83n", "nguyen",
	    "Nguy\xe1\xbb\x85n");
	assert_maps_to("\xc8\x9a" "ara Rom\xc3\xa2neasc\xc4\x83", "tara",
	    "\xc8\x9a" "ara");
	assert_maps_to("the \xef\xac\x81nance minister", "finance",
	    "\xef\xac\x81nance");
	assert_maps_to("x \xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3 y", "abc",
	    "\xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3");
	/* Only "fi" of the ligature: the whole ligature is marked. */
	assert_maps_to("the \xef\xac\x81nance", "i", "\xef\xac\x81");
	/* A mark after its letter goes with it. */
	assert_maps_to("Cafe\xcc\x81 noir", "cafe", "Cafe\xcc\x81");
}

static void
fold_unmap__separator_run__whole_run(void **state)
{
	(void)state;
	assert_maps_to("the Islamic State \xe2\x80\x93 Khorasan branch",
	    "State Khorasan", "State \xe2\x80\x93 Khorasan");
	assert_maps_to("Moscow\xe2\x80\x99s options", "moscow's",
	    "Moscow\xe2\x80\x99s");
}

static void
fold_unmap__match_in_folded__original_bytes(void **state)
{
	const char *orig = "Le Café Noir";
	size_t *map, start, end;
	char *s = fold(orig, strlen(orig), &map);
	const char *at = strstr(s, "cafe");

	(void)state;
	assert_non_null(at);
	fold_unmap(map, strlen(s), (size_t)(at - s), (size_t)(at - s) + 4,
	    &start, &end);
	/* "Café" is 5 bytes in the original: the é is two. */
	assert_int_equal(start, 3);
	assert_int_equal(end, 8);
	assert_memory_equal(orig + start, "Café", end - start);
	free(s);
	free(map);
}

static void
fold_unmap__half_of_expanded_letter__whole_letter(void **state)
{
	const char *orig = "Straße";
	size_t *map, start, end;
	char *s = fold(orig, strlen(orig), &map);

	(void)state;
	/* "strasse": the first "s" of "ss" (byte 4) comes from the ß. */
	fold_unmap(map, strlen(s), 4, 5, &start, &end);
	assert_int_equal(start, 4);
	assert_int_equal(end, 6);
	free(s);
	free(map);
}

static void
fold_contains__case_and_accents__ignored(void **state)
{
	(void)state;
	assert_true(fold_contains("Ahmad Sayer Daudzai", "SAYER"));
	assert_true(fold_contains("Kürdistan", "kurd"));
	assert_true(fold_contains("Kurdistan", "Kür"));
	assert_true(fold_contains("anything", ""));
	assert_false(fold_contains("Taliban", "isis"));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fold__upper_case__lowered),
		cmocka_unit_test(fold__latin_accents__base_letters),
		cmocka_unit_test(fold__combining_marks__dropped),
		cmocka_unit_test(fold__letters_without_base__expanded),
		cmocka_unit_test(fold__other_scripts__lowered),
		cmocka_unit_test(fold__invalid_utf8__replacement_char),
		cmocka_unit_test(fold_unmap__match_in_folded__original_bytes),
		cmocka_unit_test(fold_unmap__half_of_expanded_letter__whole_letter),
		cmocka_unit_test(fold_contains__case_and_accents__ignored),
		cmocka_unit_test(fold__romanian_and_vietnamese__base_letters),
		cmocka_unit_test(fold__ligature_and_fullwidth__plain_letters),
		cmocka_unit_test(fold__typographic_quotes__ascii),
		cmocka_unit_test(
		    fold__hyphens_dashes_and_space_runs__one_space),
		cmocka_unit_test(fold__decomposed_or_precomposed__same_result),
		cmocka_unit_test(fold__soft_hyphen_and_joiners__dropped),
		cmocka_unit_test(fold__c_locale__same_result),
		cmocka_unit_test(
		    fold_unmap__utf8proc_folds__exact_source_bytes),
		cmocka_unit_test(fold_unmap__separator_run__whole_run),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
