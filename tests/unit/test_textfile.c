#include "test_common.h"

#include <fcntl.h>
#include <string.h>
#include <unistd.h>

#include <zlib.h>

#include "textfile.h"
#include "util.h"

/* data[0..n) gzip'd (one member) and appended to out. */
static void
gzip_into(struct buf *out, const char *data, size_t n)
{
	unsigned char chunk[65536];
	z_stream zs;
	int rc;

	memset(&zs, 0, sizeof zs);
	assert_int_equal(deflateInit2(&zs, 9, Z_DEFLATED, 16 + MAX_WBITS, 8,
	    Z_DEFAULT_STRATEGY), Z_OK);
	zs.next_in = (unsigned char *)(uintptr_t)data;
	zs.avail_in = (uInt)n;
	do {
		zs.next_out = chunk;
		zs.avail_out = sizeof chunk;
		rc = deflate(&zs, Z_FINISH);
		buf_add(out, (const char *)chunk, sizeof chunk - zs.avail_out);
	} while (rc == Z_OK);
	assert_int_equal(rc, Z_STREAM_END);
	deflateEnd(&zs);
}

/* A descriptor reading data[0..n) from an unlinked temporary file. */
static int
fd_of(const char *data, size_t n)
{
	char path[] = "/tmp/briefing-textfile-XXXXXX";
	int fd = mkstemp(path);

	assert_true(fd >= 0);
	unlink(path);
	assert_int_equal(write(fd, data, n), (ssize_t)n);
	assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
	return fd;
}

/* Read data through textfile_read with a budget of limit bytes. */
static enum textfile_status
read_with(const char *data, size_t n, bool gunzip, size_t limit,
    struct budget *bg, char **text, size_t *len, struct diag_list *dl)
{
	enum textfile_status st;
	int fd = fd_of(data, n);

	budget_init(bg, limit);
	st = textfile_read(fd, "f.md", gunzip, bg, DIAG_ERROR, text, len, dl);
	close(fd);
	return st;
}

static void
textfile_read__plain__text_and_budget_used(void **state)
{
	struct diag_list dl;
	struct budget bg;
	char *text;
	size_t len;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(read_with("# Hi\n", 5, true, 100, &bg, &text, &len,
	    &dl), TEXTFILE_OK);
	assert_string_equal(text, "# Hi\n");
	assert_int_equal(len, 5);
	assert_int_equal(bg.used, 5);
	free(text);
	/* One byte: too short for gzip's magic, still text. */
	assert_int_equal(read_with("x", 1, true, 100, &bg, &text, &len, &dl),
	    TEXTFILE_OK);
	assert_string_equal(text, "x");
	free(text);
	assert_int_equal(dl.n, 0);
	diag_list_free(&dl);
}

/* Two members, as `cat a.gz b.gz` makes: zcat reads both. */
static void
textfile_read__gzip_members__inflated_and_charged(void **state)
{
	struct diag_list dl;
	struct budget bg;
	struct buf gz;
	char *text;
	size_t len;

	(void)state;
	diag_list_init(&dl);
	buf_init(&gz);
	gzip_into(&gz, "# One\n", 6);
	gzip_into(&gz, "\nTwo.\n", 6);
	assert_int_equal(read_with(gz.data, gz.len, true, 100, &bg, &text,
	    &len, &dl), TEXTFILE_OK);
	assert_string_equal(text, "# One\n\nTwo.\n");
	assert_int_equal(bg.used, 12);
	free(text);
	/* Without gunzip, the bytes are the bytes. */
	assert_int_equal(read_with(gz.data, gz.len, false, 1000, &bg, &text,
	    &len, &dl), TEXTFILE_OK);
	assert_int_equal(len, gz.len);
	assert_false(textfile_is_text(text, len, NULL));
	free(text);
	assert_int_equal(dl.n, 0);
	buf_free(&gz);
	diag_list_free(&dl);
}

/* 8 MiB of zeros in some 8 KB of gzip stop at a budget of 1 MiB. */
static void
textfile_read__gzip_bomb__stops_at_budget(void **state)
{
	struct diag_list dl;
	struct budget bg;
	struct buf gz;
	char *zeros = xcalloc(8 << 20, 1), *text;
	size_t len;

	(void)state;
	diag_list_init(&dl);
	buf_init(&gz);
	gzip_into(&gz, zeros, 8 << 20);
	assert_true(gz.len < 16384);
	assert_int_equal(read_with(gz.data, gz.len, true, 1 << 20, &bg, &text,
	    &len, &dl), TEXTFILE_OVER);
	assert_null(text);
	assert_int_equal(bg.used, 0);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_FATAL);
	assert_string_equal(dl.v[0].file, "f.md");
	assert_string_equal(dl.v[0].msg, "too large once decompressed: a "
	    "briefing may hold 1 MiB in all");
	free(zeros);
	buf_free(&gz);
	diag_list_free(&dl);
}

/* A regular file says its size: refused before a byte is read. */
static void
textfile_read__file_over_budget__refused_unread(void **state)
{
	struct diag_list dl;
	struct budget bg;
	char path[] = "/tmp/briefing-textfile-XXXXXX", *text;
	size_t len;
	int fd;

	(void)state;
	diag_list_init(&dl);
	fd = mkstemp(path);
	assert_true(fd >= 0);
	unlink(path);
	/* Sparse: 1 GiB costs nothing on disk. */
	assert_int_equal(ftruncate(fd, (off_t)1 << 30), 0);
	budget_init(&bg, 1 << 20);
	assert_int_equal(textfile_read(fd, "big.md", true, &bg, DIAG_ERROR,
	    &text, &len, &dl), TEXTFILE_OVER);
	/* Only the two bytes that tell gzip from text were read. */
	assert_int_equal(lseek(fd, 0, SEEK_CUR), 2);
	assert_string_equal(dl.v[0].msg,
	    "too large: a briefing may hold 1 MiB in all");
	close(fd);
	diag_list_free(&dl);
}

static void
textfile_read__bad_gzip__error_at_level(void **state)
{
	struct diag_list dl;
	struct budget bg;
	struct buf gz;
	char *text;
	size_t len;

	(void)state;
	diag_list_init(&dl);
	buf_init(&gz);
	gzip_into(&gz, "# Some text here\n", 17);
	/* Cut short. */
	assert_int_equal(read_with(gz.data, gz.len - 6, true, 100, &bg, &text,
	    &len, &dl), TEXTFILE_FAILED);
	assert_null(text);
	assert_int_equal(dl.v[0].level, DIAG_ERROR);
	assert_string_equal(dl.v[0].msg,
	    "cannot read: the gzip data is cut short");
	/* A corrupt header: not deflate data. */
	gz.data[2] = 7;
	assert_int_equal(read_with(gz.data, gz.len, true, 100, &bg, &text,
	    &len, &dl), TEXTFILE_FAILED);
	assert_string_equal(dl.v[1].msg,
	    "cannot read: not valid gzip data (unknown compression method)");
	buf_free(&gz);
	diag_list_free(&dl);
}

/* Bytes after the last member: kept what came before, with a warning. */
static void
textfile_read__trailing_garbage__warning(void **state)
{
	struct diag_list dl;
	struct budget bg;
	struct buf gz;
	char *text;
	size_t len;

	(void)state;
	diag_list_init(&dl);
	buf_init(&gz);
	gzip_into(&gz, "Text.\n", 6);
	buf_adds(&gz, "junk");
	assert_int_equal(read_with(gz.data, gz.len, true, 100, &bg, &text,
	    &len, &dl), TEXTFILE_OK);
	assert_string_equal(text, "Text.\n");
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_WARNING);
	assert_string_equal(dl.v[0].msg,
	    "bytes after the gzip data are ignored");
	free(text);
	buf_free(&gz);
	diag_list_free(&dl);
}

static void
textfile_is_text__kinds__judged(void **state)
{
	(void)state;
	assert_true(textfile_is_text("plain\n", 6, NULL));
	assert_true(textfile_is_text("", 0, NULL));
	/* A real U+FFFD is valid UTF-8. */
	assert_true(textfile_is_text("\xEF\xBF\xBD\xEF\xBF\xBD", 6, NULL));
	/* Latin-1 prose: a few invalid bytes, still text. */
	assert_true(textfile_is_text("Caf\xE9 na\xEFve\n", 11, NULL));
	assert_false(textfile_is_text("ab\0cd", 5, NULL));
	assert_false(textfile_is_text("\x7F" "ELF\x02\x01\x01\0\0", 9, NULL));
	/* Mostly invalid: more than a quarter. */
	assert_false(textfile_is_text("\xFF\xFE\xFA" "a", 4, NULL));
	assert_true(textfile_is_text("\xFF" "abc", 4, NULL));
}

/* Whether the text is all valid UTF-8 comes with the judgement. */
static void
textfile_is_text__valid_utf8__said(void **state)
{
	bool valid = false;

	(void)state;
	assert_true(textfile_is_text("caf\xC3\xA9\n", 6, &valid));
	assert_true(valid);
	assert_true(textfile_is_text("Caf\xE9\n", 5, &valid));
	assert_false(valid);
	valid = true;
	assert_false(textfile_is_text("a\0b", 3, &valid));
	assert_false(valid);
}

/* One error per line, at the first bad byte; CRLF and CR end lines too. */
static void
textfile_check_utf8__bad_lines__positions_and_count(void **state)
{
	static const char text[] = "ok\n\xFF\xFF\r\nab\xC3(\rgood \xC3\xA9\n";
	struct diag_list dl;
	struct buf many;
	int i;

	(void)state;
	diag_list_init(&dl);
	assert_int_equal(textfile_check_utf8(text, sizeof text - 1, "f.md",
	    &dl), 2);
	assert_int_equal(dl.n, 2);
	assert_int_equal(dl.v[0].line, 2);
	assert_int_equal(dl.v[0].col, 1);
	assert_string_equal(dl.v[0].msg, "invalid UTF-8 (shown as U+FFFD)");
	assert_int_equal(dl.v[1].line, 3);
	assert_int_equal(dl.v[1].col, 3);
	diag_list_free(&dl);

	diag_list_init(&dl);
	buf_init(&many);
	for (i = 0; i < 25; i++)
		buf_adds(&many, "x\xFFx\n");
	assert_int_equal(textfile_check_utf8(many.data, many.len, "f.md", &dl),
	    25);
	assert_int_equal(dl.n, TEXTFILE_UTF8_SHOWN + 1);
	assert_int_equal(dl.v[TEXTFILE_UTF8_SHOWN - 1].line,
	    TEXTFILE_UTF8_SHOWN);
	assert_int_equal(dl.v[TEXTFILE_UTF8_SHOWN].line, 0);
	assert_string_equal(dl.v[TEXTFILE_UTF8_SHOWN].msg,
	    "invalid UTF-8 on 15 more lines");
	buf_free(&many);
	diag_list_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(textfile_read__plain__text_and_budget_used),
		cmocka_unit_test(
		    textfile_read__gzip_members__inflated_and_charged),
		cmocka_unit_test(textfile_read__gzip_bomb__stops_at_budget),
		cmocka_unit_test(
		    textfile_read__file_over_budget__refused_unread),
		cmocka_unit_test(textfile_read__bad_gzip__error_at_level),
		cmocka_unit_test(textfile_read__trailing_garbage__warning),
		cmocka_unit_test(textfile_is_text__kinds__judged),
		cmocka_unit_test(textfile_is_text__valid_utf8__said),
		cmocka_unit_test(
		    textfile_check_utf8__bad_lines__positions_and_count),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
