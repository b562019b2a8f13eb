/*
 * Tests of opening.c and of the reader that follows an opening: the
 * article first with an index of nothing, then the profiles, then the
 * whole index, each a new index the reader takes between keys; keys that
 * need what is not there yet say so; what is shown stays in place. On
 * the fixture briefing of the tmux tests (tests/fixtures/reader).
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "keymap.h"
#include "load.h"
#include "opening.h"
#include "reader.h"
#include "xref.h"

/* Stages in order, each ended by a new index; then the same index as
 * xref_build's, and nothing left to do. */
static void
opening_step__fixture__stages_in_order_then_whole_index(void **state)
{
	struct diag_list dl, dl2;
	struct opening *op;
	const struct briefing *b;
	struct briefing *whole;
	struct xref *x;
	enum opening_event ev;
	int pct, last = -1, news = 0;
	size_t steps = 0;

	(void)state;
	diag_list_init(&dl);
	diag_list_init(&dl2);
	op = opening_new(fixture("reader"), &dl);
	assert_non_null(op);
	b = opening_briefing(op);
	assert_int_equal(opening_stage(op), OPENING_PROFILES);
	assert_true(b->nsections > 0);
	assert_int_equal(b->nactors, 0);
	assert_int_equal(b->nexperts, 0);
	assert_int_equal(opening_xref(op)->nmentions, 0);
	while ((ev = opening_step(op)) != OPENING_IDLE) {
		steps++;
		if (ev == OPENING_NEW_INDEX) {
			news++;
			/* each new index is of the briefing as it is now */
			assert_int_equal(opening_xref(op)->nactors, b->nactors);
		}
		if (opening_stage(op) == OPENING_INDEX && news == 1)
			assert_int_equal(b->nactors, 16);
		pct = opening_percent(op);
		assert_true(pct >= last && pct <= 100);
		last = pct;
	}
	assert_int_equal(news, 2);
	assert_true(steps > 3);
	assert_int_equal(opening_stage(op), OPENING_DONE);
	assert_int_equal(opening_percent(op), 100);
	assert_int_equal(b->nexperts, 4);
	assert_int_equal(opening_errors(op), 0);
	/* the index is the one made at once */
	whole = briefing_load(fixture("reader"), &dl2);
	x = xref_build(whole, &dl2);
	assert_int_equal(opening_xref(op)->nmentions, x->nmentions);
	assert_int_equal(opening_xref(op)->nquotes, x->nquotes);
	assert_int_equal(opening_xref(op)->nnumbered, x->nnumbered);
	xref_free(x);
	briefing_free(whole);
	opening_free(op);
	diag_list_free(&dl);
	diag_list_free(&dl2);
}

/* Freed half-way, at each stage: nothing leaks, nothing is finished. */
static void
opening_free__half_way__at_each_stage(void **state)
{
	struct diag_list dl;
	struct opening *op;
	int stage;

	(void)state;
	for (stage = OPENING_PROFILES; stage <= OPENING_INDEX; stage++) {
		diag_list_init(&dl);
		op = opening_new(fixture("reader"), &dl);
		assert_non_null(op);
		while (opening_stage(op) < (enum opening_stage)stage)
			opening_step(op);
		opening_step(op);
		opening_free(op);
		diag_list_free(&dl);
	}
	diag_list_init(&dl);
	assert_null(opening_new(fixture("no-such-briefing"), &dl));
	assert_true(diag_count(&dl, DIAG_FATAL) > 0);
	diag_list_free(&dl);
}

static const char *
message(struct reader *r)
{
	return reader_message(r) != NULL ? reader_message(r) : "";
}

/*
 * The reader shows the article at once; `a` and `1` wait, saying how far
 * the opening is; the status line says it; between keys the rest comes,
 * then they work.
 */
static void
reader_follow_opening__keys_wait_then_work(void **state)
{
	struct diag_list dl;
	struct opening *op;
	struct reader *r;
	struct reader_place p;
	int idles = 0;

	(void)state;
	diag_list_init(&dl);
	op = opening_new(fixture("reader"), &dl);
	r = reader_new(opening_briefing(op), opening_xref(op));
	reader_follow_opening(r, op);
	reader_resize(r, 100, 30);
	reader_place(r, &p);
	assert_string_equal(p.opening, "reading");
	assert_int_equal(reader_index_total(r), 0);
	reader_key(r, 'a');
	assert_non_null(strstr(message(r), "Still reading the experts"));
	assert_int_equal(reader_keymode(r), KEYMODE_NORMAL);
	reader_key(r, '1');
	assert_non_null(strstr(message(r), "Still indexing"));
	while (reader_idle(r))
		idles++;
	assert_true(idles > 3);
	reader_place(r, &p);
	assert_null(p.opening);
	assert_int_equal(reader_index_total(r), 16);
	reader_key(r, 'a');
	assert_int_equal(reader_keymode(r), KEYMODE_INDEX);
	reader_free(r);
	opening_free(op);
	diag_list_free(&dl);
}

/* At the end of the article before the index came, at its end after. */
static void
reader_follow_opening__at_end__stays_at_end(void **state)
{
	struct diag_list dl;
	struct opening *op;
	struct reader *r;
	struct reader_place p;

	(void)state;
	diag_list_init(&dl);
	op = opening_new(fixture("reader"), &dl);
	r = reader_new(opening_briefing(op), opening_xref(op));
	reader_follow_opening(r, op);
	reader_resize(r, 80, 24);
	reader_key(r, 'G');
	reader_place(r, &p);
	assert_true(p.end);
	while (reader_idle(r))
		continue;
	reader_place(r, &p);
	assert_true(p.end);
	reader_free(r);
	opening_free(op);
	diag_list_free(&dl);
}

/* The errors found are said once the index is whole. */
static void
reader_follow_opening__errors__said_at_the_end(void **state)
{
	struct diag_list dl;
	struct opening *op;
	struct reader *r;

	(void)state;
	diag_list_init(&dl);
	op = opening_new(fixture("problems"), &dl);
	assert_non_null(op);
	r = reader_new(opening_briefing(op), opening_xref(op));
	reader_follow_opening(r, op);
	reader_resize(r, 100, 30);
	assert_null(strstr(message(r), "errors"));
	while (reader_idle(r))
		continue;
	assert_string_equal(message(r), "2 errors in this briefing: briefing "
	    "--check lists them");
	reader_free(r);
	opening_free(op);
	diag_list_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    opening_step__fixture__stages_in_order_then_whole_index),
		cmocka_unit_test(opening_free__half_way__at_each_stage),
		cmocka_unit_test(reader_follow_opening__keys_wait_then_work),
		cmocka_unit_test(reader_follow_opening__at_end__stays_at_end),
		cmocka_unit_test(
		    reader_follow_opening__errors__said_at_the_end),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
