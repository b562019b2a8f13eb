/*
 * Shared by the cmocka unit tests: includes in the order cmocka wants, a
 * UTF-8 locale (widths need it), and paths to fixtures under $top_srcdir.
 * Tests are named function__scenario__expected.
 */
#ifndef BRIEFING_TEST_COMMON_H
#define BRIEFING_TEST_COMMON_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

static inline void
test_setlocale(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
}

/* $top_srcdir/tests/DIR/REL into buf. */
static inline const char *
test_path(char *buf, size_t size, const char *dir, const char *rel)
{
	const char *top = getenv("top_srcdir");

	snprintf(buf, size, "%s/tests/%s/%s", top != NULL ? top : ".", dir,
	    rel);
	return buf;
}

/* A fixture of the unit tests, under tests/fixtures; static buffer. */
static inline const char *
fixture(const char *rel)
{
	static char path[4096];

	return test_path(path, sizeof path, "fixtures", rel);
}

/* An input of the golden tests, under tests/golden/cases; static buffer. */
static inline const char *
golden_case(const char *rel)
{
	static char path[4096];

	return test_path(path, sizeof path, "golden/cases", rel);
}

#endif
