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

/* A path under tests/fixtures in the source tree; static buffer. */
static inline const char *
fixture(const char *rel)
{
	static char path[4096];
	const char *top = getenv("top_srcdir");

	snprintf(path, sizeof path, "%s/tests/fixtures/%s",
	    top != NULL ? top : ".", rel);
	return path;
}

#endif
