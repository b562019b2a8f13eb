#include "test_common.h"

#include <string.h>

#include "util.h"

static void
buf_add__several_pieces__concatenated_and_terminated(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b);
	buf_adds(&b, "Crocus");
	buf_addc(&b, ' ');
	buf_printf(&b, "City Hall, %d", 2024);
	assert_int_equal(b.len, strlen("Crocus City Hall, 2024"));
	s = buf_release(&b);
	assert_string_equal(s, "Crocus City Hall, 2024");
	assert_null(b.data);
	free(s);
}

static void
buf_release__empty__gives_empty_string(void **state)
{
	struct buf b;
	char *s;

	(void)state;
	buf_init(&b);
	s = buf_release(&b);
	assert_string_equal(s, "");
	free(s);
}

static void
buf_add__large__grows(void **state)
{
	struct buf b;
	size_t i;

	(void)state;
	buf_init(&b);
	for (i = 0; i < 100000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	assert_int_equal(b.len, 100000);
	assert_int_equal(b.data[26], 'a');
	assert_int_equal(b.data[100000], '\0');
	buf_free(&b);
}

static void
xstrndup__shorter_string__stops_at_nul(void **state)
{
	char *s = xstrndup("ISIS-K", 100);

	(void)state;
	assert_string_equal(s, "ISIS-K");
	free(s);
	s = xstrndup("ISIS-K", 4);
	assert_string_equal(s, "ISIS");
	free(s);
}

static void
xasprintf__format__formatted(void **state)
{
	char *s = xasprintf("%s killed at least %d", "attack", 139);

	(void)state;
	assert_string_equal(s, "attack killed at least 139");
	free(s);
}

static void
util_read_file__missing__null_with_errno(void **state)
{
	size_t len = 7;

	(void)state;
	assert_null(util_read_file("/nonexistent/briefing.md", &len));
	assert_int_equal(len, 7);
}

static void
util_read_file__fixture__whole_text(void **state)
{
	size_t len;
	char *s = util_read_file(golden_case("mini/briefing.md"), &len);

	(void)state;
	assert_non_null(s);
	assert_int_equal(strlen(s), len);
	assert_non_null(strstr(s, "title:"));
	free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(buf_add__several_pieces__concatenated_and_terminated),
		cmocka_unit_test(buf_release__empty__gives_empty_string),
		cmocka_unit_test(buf_add__large__grows),
		cmocka_unit_test(xstrndup__shorter_string__stops_at_nul),
		cmocka_unit_test(xasprintf__format__formatted),
		cmocka_unit_test(util_read_file__missing__null_with_errno),
		cmocka_unit_test(util_read_file__fixture__whole_text),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
