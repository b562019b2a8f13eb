/*
 * Shared by the unit tests of the typesetter and the composers: what a
 * layout shows, line by line and span by span, and the check that every
 * line fits its width and holds nothing unsafe. Include after
 * test_common.h.
 */
#ifndef BRIEFING_TEST_LAYOUT_H
#define BRIEFING_TEST_LAYOUT_H

#include <stdbool.h>
#include <string.h>

#include "compose.h"
#include "textsafe.h"
#include "typeset.h"
#include "util.h"

#define BULLET	"\xe2\x80\xa2"	/* • */
#define WHITE	"\xe2\x97\xa6"	/* ◦ */
#define SQUARE	"\xe2\x96\xaa"	/* ▪ */
#define BAR	"\xe2\x94\x82"	/* │ */
#define DASH	"\xe2\x80\x94"	/* — */
#define ESCPIC	"\xe2\x90\x9b"	/* ␛ */
#define HELLIP	"\xe2\x80\xa6"	/* … */
#define MIDDOT	"\xc2\xb7"	/* · */
#define HRULE	"\xe2\x94\x80"	/* ─ */

/*
 * A unit's page, typeset at a width; reference marks as --dump has them,
 * names shown as references by the default rule (LINKS_FIRST).
 */
static inline struct layout *
lay_unit(const struct briefing *b, const struct xref *x, struct unit_ref u,
    int width, bool marks)
{
	struct compose_opts co = { .mark_refs = marks };
	struct typeset_opts to = { width };
	struct page *page = compose_page(b, x, u, &co);
	struct layout *lay = typeset(page, &to);

	page_free(page);
	return lay;
}

/* The text of a line, as a new string. */
static inline char *
line_text(const struct line *l)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < l->nspans; i++)
		buf_add(&b, l->spans[i].text, l->spans[i].len);
	return buf_release(&b);
}

/* The index of the first line from `from` holding s, or -1. */
static inline int
find_line(const struct layout *lay, size_t from, const char *s)
{
	size_t i;
	char *t;
	bool found;

	for (i = from; i < lay->nlines; i++) {
		t = line_text(&lay->lines[i]);
		found = strstr(t, s) != NULL;
		free(t);
		if (found)
			return (int)i;
	}
	return -1;
}

static inline void
assert_line(const struct layout *lay, size_t i, const char *want)
{
	char *t;

	assert_true(i < lay->nlines);
	t = line_text(&lay->lines[i]);
	assert_string_equal(t, want);
	free(t);
}

/* The span of line i that holds s; fails when there is none. */
static inline const struct span *
find_span(const struct layout *lay, size_t i, const char *s)
{
	size_t k;

	assert_true(i < lay->nlines);
	for (k = 0; k < lay->lines[i].nspans; k++) {
		if (strstr(lay->lines[i].spans[k].text, s) != NULL)
			return &lay->lines[i].spans[k];
	}
	fail_msg("no span holds \"%s\" on line %zu", s, i);
	return NULL;
}

/*
 * Every line fits: its width is the sum of its spans', no more than the
 * layout's, each span's width is what its text takes, and no span holds a
 * control character.
 */
static inline void
assert_fits(const struct layout *lay, int width)
{
	const struct span *s;
	const unsigned char *p;
	size_t i, k;
	int sum;

	assert_int_equal(lay->width, width);
	for (i = 0; i < lay->nlines; i++) {
		sum = 0;
		for (k = 0; k < lay->lines[i].nspans; k++) {
			s = &lay->lines[i].spans[k];
			assert_int_equal(s->len, strlen(s->text));
			assert_int_equal(s->width,
			    textsafe_width(s->text, s->len, false));
			for (p = (const unsigned char *)s->text; *p; p++)
				assert_true(*p >= 0x20 && *p != 0x7F);
			sum += s->width;
		}
		assert_int_equal(sum, lay->lines[i].width);
		assert_true(lay->lines[i].width <= width);
	}
}

/* n single rules (a head rule, a heading's), in a static buffer. */
static inline const char *
rules(int n)
{
	static char buf[512];

	buf[0] = '\0';
	while (n-- > 0 && strlen(buf) + strlen(HRULE) < sizeof buf)
		strcat(buf, HRULE);
	return buf;
}

#endif
