/*
 * Tests of fold.c: what the actor index filter and the search compare.
 */
#include "test_common.h"

#include <string.h>

#include "fold.h"

static char *
f(const char *s)
{
	return fold(s, strlen(s), NULL);
}

static void
fold__upper_case__lowered(void **state)
{
	char *s = f("Taliban ISIS-K");

	(void)state;
	assert_string_equal(s, "taliban isis-k");
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
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
