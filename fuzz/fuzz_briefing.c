/*
 * fuzz_briefing: a whole briefing from one input, as --check and --dump
 * see it. The first byte is the width of the dump (1-200), the second
 * flags (1: a lone Markdown file, not a briefing.md; 2: colour; 4: ASCII
 * output), the rest an archive of files (fuzz.h). Loaded through
 * briefing_load_strings, then the index is built and checked, the lint
 * rules run, the diagnostics printed and the whole dumped to memory.
 * Without colour, every line printed must be safe. With ASCII output,
 * the dump also goes through the ASCII filter of stdout (asciiout.h), as
 * under a locale that is not UTF-8: no byte above 0x7F may come out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "asciiout.h"
#include "check.h"
#include "dump.h"
#include "fuzz.h"
#include "textsafe.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Each line of a memory stream's text must be safe. */
static void
check_lines(const char *s, size_t len)
{
	const char *nl;

	while (len > 0) {
		nl = memchr(s, '\n', len);
		if (nl == NULL)
			nl = s + len;
		fuzz_check_safe(s, (size_t)(nl - s));
		len -= (size_t)(nl - s) + (nl < s + len ? 1 : 0);
		s = nl + 1;
	}
}

/* The dump through the ASCII filter: ASCII only. */
static void
dump_ascii(const struct briefing *b, const struct xref *x,
    const struct dump_opts *o)
{
	char *out = NULL;
	size_t len = 0, i;
	FILE *fp = open_memstream(&out, &len), *ascii;

	FUZZ_ASSERT(fp != NULL && (ascii = asciiout_open(fp)) != NULL);
	FUZZ_ASSERT(dump_briefing(ascii, b, x, o) == 0);
	FUZZ_ASSERT(fclose(ascii) == 0);
	fclose(fp);
	for (i = 0; i < len; i++)
		FUZZ_ASSERT((unsigned char)out[i] < 0x80);
	free(out);
}

static void
run(const struct archive *a, int width, unsigned flags)
{
	struct dump_opts o = { .width = width, .color = flags & 2 };
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;

	diag_list_init(&dl);
	b = archive_load(a, flags & 1, &dl);
	if (b == NULL) {
		FUZZ_ASSERT(diag_count(&dl, DIAG_FATAL) > 0);
		diag_list_free(&dl);
		return;
	}
	x = xref_build(b, &dl);
	fuzz_check_xref(b, x);
	check_briefing(b, x, &dl);
	diag_sort(&dl);
	fp = open_memstream(&out, &len);
	diag_print(fp, "briefing", &dl);
	fclose(fp);
	check_lines(out, len);
	free(out);
	fp = open_memstream(&out, &len);
	FUZZ_ASSERT(dump_briefing(fp, b, x, &o) == 0);
	fclose(fp);
	if (!o.color)
		check_lines(out, len);
	free(out);
	if (flags & 4)
		dump_ascii(b, x, &o);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fin in = { data, size };
	struct archive a;
	int width = fin_range(&in, 1, 200);
	unsigned flags = fin_byte(&in);

	textsafe_set_ascii(flags & 4);
	archive_read(&a, &in);
	run(&a, width, flags);
	archive_free(&a);
	return 0;
}
