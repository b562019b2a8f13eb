#include "test_common.h"

#include <string.h>

#include "diag.h"

static void
diag_format__full_position__compiler_style(void **state)
{
	struct diag_list dl;
	char *s;

	(void)state;
	diag_list_init(&dl);
	diag_add(&dl, DIAG_ERROR, "actors/x.md", 4, 7, "unknown actor '%s'", "y");
	s = diag_format(&dl.v[0]);
	assert_string_equal(s, "actors/x.md:4:7: error: unknown actor 'y'");
	free(s);
	diag_list_free(&dl);
}

static void
diag_format__no_line__file_and_message(void **state)
{
	struct diag_list dl;
	char *s;

	(void)state;
	diag_list_init(&dl);
	diag_add(&dl, DIAG_FATAL, "/nope", 0, 0, "No such file or directory");
	s = diag_format(&dl.v[0]);
	assert_string_equal(s, "/nope: error: No such file or directory");
	free(s);
	diag_list_free(&dl);
}

static void
diag_count__mixed_levels__counts_at_or_above(void **state)
{
	struct diag_list dl;

	(void)state;
	diag_list_init(&dl);
	diag_add(&dl, DIAG_WARNING, "a", 1, 1, "w");
	diag_add(&dl, DIAG_ERROR, "a", 2, 1, "e");
	diag_add(&dl, DIAG_FATAL, "a", 3, 1, "f");
	assert_int_equal(diag_count(&dl, DIAG_WARNING), 3);
	assert_int_equal(diag_count(&dl, DIAG_ERROR), 2);
	assert_int_equal(diag_count(&dl, DIAG_FATAL), 1);
	diag_list_free(&dl);
}

static void
diag_sort__unordered__by_file_line_col_stable(void **state)
{
	struct diag_list dl;

	(void)state;
	diag_list_init(&dl);
	diag_add(&dl, DIAG_ERROR, "b.md", 1, 1, "third");
	diag_add(&dl, DIAG_ERROR, "a.md", 9, 2, "second");
	diag_add(&dl, DIAG_ERROR, "a.md", 9, 1, "first");
	diag_add(&dl, DIAG_WARNING, "b.md", 1, 1, "fourth");
	diag_sort(&dl);
	assert_string_equal(dl.v[0].msg, "first");
	assert_string_equal(dl.v[1].msg, "second");
	assert_string_equal(dl.v[2].msg, "third");
	assert_string_equal(dl.v[3].msg, "fourth");
	diag_list_free(&dl);
}

static void
diag_print__prog_prefix__one_line_each(void **state)
{
	struct diag_list dl;
	char out[256] = "";
	FILE *fp = fmemopen(out, sizeof out, "w");

	(void)state;
	diag_list_init(&dl);
	diag_add(&dl, DIAG_WARNING, "x.md", 3, 0, "odd");
	diag_add(&dl, DIAG_ERROR, NULL, 0, 0, "bad");
	diag_print(fp, "briefing", &dl);
	fclose(fp);
	assert_string_equal(out,
	    "briefing: x.md:3: warning: odd\nbriefing: error: bad\n");
	diag_list_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(diag_format__full_position__compiler_style),
		cmocka_unit_test(diag_format__no_line__file_and_message),
		cmocka_unit_test(diag_count__mixed_levels__counts_at_or_above),
		cmocka_unit_test(diag_sort__unordered__by_file_line_col_stable),
		cmocka_unit_test(diag_print__prog_prefix__one_line_each),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
