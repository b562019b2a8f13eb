#include "test_common.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include "content.h"
#include "util.h"

/* "-" always means standard input; any other path never does. */
static void
content_wants_stdin__arguments__only_dash(void **state)
{
	(void)state;
	assert_true(content_wants_stdin("-", -1));
	assert_false(content_wants_stdin("notes.md", -1));
	assert_false(content_wants_stdin("--", -1));
}

/*
 * With no path, as less does: a pipe or a file with something in it is
 * input; a pipe closed empty (make -j's stdin), an empty file or a
 * device is not, and the bundled briefing opens.
 */
static void
content_wants_stdin__no_path__pipes_and_files_with_text(void **state)
{
	char path[] = "/tmp/briefing-content-XXXXXX";
	int p[2], fd, null;

	(void)state;
	assert_int_equal(pipe(p), 0);
	assert_int_equal(write(p[1], "# Hi\n", 5), 5);
	close(p[1]);
	assert_true(content_wants_stdin(NULL, p[0]));
	close(p[0]);
	assert_int_equal(pipe(p), 0);
	close(p[1]);
	assert_false(content_wants_stdin(NULL, p[0]));
	close(p[0]);

	assert_true((fd = mkstemp(path)) >= 0);
	unlink(path);
	assert_false(content_wants_stdin(NULL, fd));
	assert_int_equal(write(fd, "x", 1), 1);
	assert_true(content_wants_stdin(NULL, fd));
	close(fd);
	assert_true((null = open("/dev/null", O_RDONLY)) >= 0);
	assert_false(content_wants_stdin(NULL, null));
	close(null);
	assert_false(content_wants_stdin(NULL, -1));
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(content_wants_stdin__arguments__only_dash),
		cmocka_unit_test(
		    content_wants_stdin__no_path__pipes_and_files_with_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
