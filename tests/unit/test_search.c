/*
 * search: what is searched (the text written once: borrowed content,
 * briefing's own labels and the list of experts are not) and the article's matches counted apart.
 * A small briefing from memory, its pages from the layout cache.
 */
#include "test_common.h"

#include <string.h>

#include "lcache.h"
#include "load.h"
#include "search.h"
#include "xref.h"

static const char *const experts[] = {
	"katz", "---\nname: Mark Katz\n---\nHe writes on the Kremlin.\n",
	NULL
};

static const char *const actors[] = {
	"russia",
	"---\nname: Russia\nkind: state\naliases: [Moscow]\n---\nA state.\n",
	NULL
};

static const char md[] =
    "Russia waits.\n"
    "\n"
    "## One\n"
    "\n"
    "Russia and Moscow.\n"
    "\n"
    "> Russia will wait.\n"
    ">\n"
    "> \xe2\x80\x94 [Mark Katz](expert:katz)\n";

struct fx {
	struct diag_list	 dl;
	struct briefing		*b;
	struct xref		*x;
	struct lcache		*c;
	struct search		 s;
};

static void
fx_load(struct fx *f)
{
	diag_list_init(&f->dl);
	f->b = briefing_load_strings(md, experts, actors, NULL, false, &f->dl);
	assert_non_null(f->b);
	f->x = xref_build(f->b, &f->dl);
	f->c = lcache_new(f->b, f->x);
	search_init(&f->s);
}

static void
fx_free(struct fx *f)
{
	search_free(&f->s);
	lcache_free(f->c);
	xref_free(f->x);
	briefing_free(f->b);
	diag_list_free(&f->dl);
}

static size_t
find(struct fx *f, const char *pattern)
{
	return search_run(&f->s, f->c, pattern, lcache_slots(f->c));
}

/*
 * "russia": three times in the article; on the actor's page its title
 * only: the snippets under "Mentioned in" and the quote on the expert's
 * page repeat the article and are not searched.
 */
static void
search_run__borrowed_content__not_searched_article_apart(void **state)
{
	struct unit_ref russia = { UNIT_ACTOR, 0 };
	struct fx f;
	size_t i;

	(void)state;
	fx_load(&f);
	assert_int_equal(find(&f, "russia"), 4);
	assert_int_equal(f.s.narticle, 3);
	for (i = 0; i < f.s.n; i++)
		assert_true((f.s.v[i].slot < briefing_article_parts(f.b)) ==
		    (i < f.s.narticle));
	assert_int_equal(f.s.v[3].slot, briefing_slot(f.b, russia));
	assert_int_equal(f.s.v[3].leaf, 0);	/* the title */
	fx_free(&f);
}

/* The list of experts repeats their names: only the article and the page. */
static void
search_run__expert_list__not_searched(void **state)
{
	struct unit_ref katz = { UNIT_EXPERT, 0 };
	struct fx f;

	(void)state;
	fx_load(&f);
	assert_int_equal(find(&f, "mark katz"), 2);
	assert_int_equal(f.s.narticle, 1);
	assert_int_equal(f.s.v[1].slot, briefing_slot(f.b, katz));
	/* the article, then the aliases on the actor's page */
	assert_int_equal(find(&f, "moscow"), 2);
	assert_int_equal(f.s.narticle, 1);
	/* none at all */
	assert_int_equal(find(&f, "nowhere"), 0);
	assert_int_equal(f.s.narticle, 0);
	fx_free(&f);
}

/*
 * briefing's own words are not searched: the labels of the actor's and
 * the expert's pages, and the unit names over the mentions ("One · 2
 * mentions"), which would find every section title again.
 */
static void
search_run__labels_and_unit_lines__not_searched(void **state)
{
	struct fx f;

	(void)state;
	fx_load(&f);
	assert_int_equal(find(&f, "mentioned in"), 0);
	assert_int_equal(find(&f, "quotes"), 0);
	assert_int_equal(find(&f, "profile"), 0);
	assert_int_equal(find(&f, "mention"), 0);
	assert_int_equal(find(&f, "one"), 1);
	assert_int_equal(f.s.narticle, 1);
	fx_free(&f);
}

/*
 * Profiles are searched in reading order: the experts by number, as the
 * list of experts shows them, not by file name. "zed" is quoted first,
 * so is number 1 although "adams" sorts before it.
 */
static void
search_run__experts__by_number_not_file_name(void **state)
{
	static const char *const two[] = {
		"adams", "---\nname: Ann Adams\n---\nShe writes.\n",
		"zed", "---\nname: Zoe Zed\n---\nShe writes.\n",
		NULL
	};
	static const char text[] =
	    "> One.\n>\n> \xe2\x80\x94 [Zoe Zed](expert:zed)\n"
	    "\n"
	    "> Two.\n>\n> \xe2\x80\x94 [Ann Adams](expert:adams)\n";
	struct unit_ref adams = { UNIT_EXPERT, 0 }, zed = { UNIT_EXPERT, 1 };
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	struct lcache *c;
	struct search s;
	struct match m;
	bool stopped;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings(text, two, NULL, NULL, false, &dl);
	assert_non_null(b);
	x = xref_build(b, &dl);
	c = lcache_new(b, x);
	search_init(&s);
	assert_int_equal(search_run(&s, c, "she writes", lcache_slots(c)), 2);
	assert_int_equal(s.v[0].slot, briefing_slot(b, zed));
	assert_int_equal(s.v[1].slot, briefing_slot(b, adams));
	/* n from the end of the article finds Zed's, then Adams's */
	assert_true(search_find(&s, c, 0, 0, 0, 1, true, &m, NULL, NULL,
	    &stopped));
	assert_int_equal(m.slot, briefing_slot(b, zed));
	assert_true(search_find(&s, c, m.slot, m.leaf, m.start, 1, false, &m,
	    NULL, NULL, &stopped));
	assert_int_equal(m.slot, briefing_slot(b, adams));
	assert_int_equal(search_end_slot(&s, 1), 0);
	/* and back from Adams's, Zed's */
	assert_true(search_find(&s, c, m.slot, m.leaf, m.start, -1, false, &m,
	    NULL, NULL, &stopped));
	assert_int_equal(m.slot, briefing_slot(b, zed));
	search_free(&s);
	lcache_free(c);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
}

/*
 * A search keeps no page it made: only the layouts drawn stay. The cache
 * keeps the slots asked for last: the trim lets the others go, and what
 * is asked for again is made again the same.
 */
static void
lcache_trim__after_a_search__keeps_the_last_makes_the_rest_again(void **state)
{
	struct fx f;
	size_t n, slots, before;

	(void)state;
	fx_load(&f);
	slots = lcache_slots(f.c);
	assert_true(slots > 3);
	assert_non_null(lcache_layout(f.c, 0, 40));
	n = find(&f, "russia");
	/* Only slot 0, which has a layout, kept its page. */
	assert_int_equal(lcache_trim(f.c, slots), 1);
	assert_true(lcache_has_page(f.c, 0));
	assert_false(lcache_has_page(f.c, 1));
	assert_non_null(lcache_layout(f.c, 1, 40));
	assert_non_null(lcache_layout(f.c, 2, 40));
	/* Slot 0 is the oldest asked for now: it goes. */
	assert_int_equal(lcache_trim(f.c, 2), 2);
	assert_false(lcache_has_page(f.c, 0));
	before = lcache_typeset_count(f.c);
	assert_non_null(lcache_layout(f.c, 0, 40));
	assert_int_equal(lcache_typeset_count(f.c), before + 1);
	assert_int_equal(find(&f, "russia"), n);
	fx_free(&f);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    search_run__borrowed_content__not_searched_article_apart),
		cmocka_unit_test(search_run__expert_list__not_searched),
		cmocka_unit_test(
		    search_run__labels_and_unit_lines__not_searched),
		cmocka_unit_test(search_run__experts__by_number_not_file_name),
		cmocka_unit_test(
		    lcache_trim__after_a_search__keeps_the_last_makes_the_rest_again),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
