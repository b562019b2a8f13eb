#include "test_common.h"

#include <string.h>

#include "dump.h"
#include "load.h"
#include "utf8.h"
#include "xref.h"

static int
utf8_width_of(const char *s)
{
	return utf8_width(s, strlen(s));
}

static char *
dump_fixture(const char *name, int width, bool color)
{
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	struct dump_opts o = { width, color, LINKS_FIRST };
	char *out = NULL;
	size_t len = 0;
	FILE *fp;

	diag_list_init(&dl);
	b = briefing_load(golden_case(name), &dl);
	assert_non_null(b);
	x = xref_build(b, &dl);
	fp = open_memstream(&out, &len);
	assert_non_null(fp);
	assert_int_equal(dump_briefing(fp, b, x, &o), 0);
	fclose(fp);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
	return out;
}

/* Each needle appears, in this order. */
static void
assert_in_order(const char *text, const char *const *needles)
{
	const char *p = text, *q;

	for (; *needles != NULL; needles++) {
		q = strstr(p, *needles);
		if (q == NULL)
			fail_msg("'%s' missing or out of order", *needles);
		p = q + strlen(*needles);
	}
}

static void
dump_briefing__mini__title_sections_timeline_experts_actors(void **state)
{
	static const char *const order[] = {
		"River Dispute", "A small briefing for tests", "The River Question",
		"The dam", "Water levels", "The talks", "Timeline",
		"Experts", "Ana Reyes", "Actors", "Northland", "River Council",
		"Southland", NULL
	};
	char *out = dump_fixture("mini", 80, false);

	(void)state;
	assert_true(strncmp(out, "River Dispute", 13) == 0 ||
	    strstr(out, "River Dispute") < strstr(out, "The dam"));
	assert_in_order(out, order);
	free(out);
}

static void
dump_briefing__refs__marked_with_numbers_and_listed(void **state)
{
	char *out = dump_fixture("mini", 80, false);

	(void)state;
	/* Each cross-reference is followed by a [n] mark ... */
	assert_non_null(strstr(out, "Northland["));
	assert_non_null(strstr(out, "the talks["));
	/* ... and each unit lists what its marks lead to. */
	assert_non_null(strstr(out, "actor: Northland"));
	assert_non_null(strstr(out, "section: The talks"));
	free(out);
}

/*
 * An expert's page: the quotes, then the profile; the list of experts is
 * a view of the reader's, not printed: the experts themselves are.
 */
static void
dump_briefing__experts__quotes_before_profile_no_list(void **state)
{
	static const char *const order[] = {
		"Experts", "Ana Reyes", "Expert 1 \xc2\xb7 quoted 2 times",
		"Quotes", "Nobody owns a river", "\xe2\x80\x94 in The dam",
		"A treaty is cheaper", "Profile", "Ana Reyes studies shared rivers",
		"Actors", NULL
	};
	char *out = dump_fixture("mini", 80, false);

	(void)state;
	assert_in_order(out, order);
	assert_null(strstr(out, "No.  Expert"));
	/* the attribution says the expert's number */
	assert_non_null(strstr(out, "\xe2\x80\x94 Dr. Ana Reyes [1]"));
	free(out);
}

/*
 * Links the author wrote are bold and underlined, names found are not;
 * the name a snippet is about is marked as grep marks a match.
 */
static void
dump_briefing__color__explicit_links_stronger_names_marked(void **state)
{
	char *out = dump_fixture("mini", 80, true);

	(void)state;
	assert_non_null(strstr(out,
	    "\x1b[4;36;1mthe talks\x1b[0m"));
	assert_non_null(strstr(out, "\x1b[4;36mNorthland\x1b[0m"));
	assert_non_null(strstr(out, "\x1b[1;31mNorthland\x1b[0m"));
	free(out);
}

static void
dump_briefing__width_20__no_line_wider(void **state)
{
	char *out = dump_fixture("mini", 20, false), *line, *save = NULL;

	(void)state;
	for (line = strtok_r(out, "\n", &save); line != NULL;
	    line = strtok_r(NULL, "\n", &save))
		assert_true(utf8_width_of(line) <= 20);
	free(out);
}

static void
dump_briefing__no_color__no_escape_sequences(void **state)
{
	char *out = dump_fixture("mini", 80, false);

	(void)state;
	assert_null(strchr(out, '\x1b'));
	free(out);
}

static void
dump_briefing__color__sgr_around_styles(void **state)
{
	char *out = dump_fixture("mini", 80, true);

	(void)state;
	assert_non_null(strstr(out, "\x1b[1m"));
	assert_non_null(strstr(out, "\x1b[0m"));
	free(out);
}

static void
dump_briefing__hostile_text__no_raw_controls(void **state)
{
	char *out = dump_fixture("hostile.md", 40, false);
	const unsigned char *p;

	(void)state;
	for (p = (const unsigned char *)out; *p != '\0'; p++) {
		assert_false(*p < 0x20 && *p != '\n');
		assert_false(*p == 0x7f);
		/* C1 controls encoded in UTF-8 start with C2 80..9F */
		assert_false(*p == 0xC2 && p[1] >= 0x80 && p[1] <= 0x9F);
	}
	assert_non_null(strstr(out, "red"));
	free(out);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(dump_briefing__mini__title_sections_timeline_experts_actors),
		cmocka_unit_test(dump_briefing__refs__marked_with_numbers_and_listed),
		cmocka_unit_test(dump_briefing__experts__quotes_before_profile_no_list),
		cmocka_unit_test(dump_briefing__color__explicit_links_stronger_names_marked),
		cmocka_unit_test(dump_briefing__width_20__no_line_wider),
		cmocka_unit_test(dump_briefing__no_color__no_escape_sequences),
		cmocka_unit_test(dump_briefing__color__sgr_around_styles),
		cmocka_unit_test(dump_briefing__hostile_text__no_raw_controls),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
