/*
 * Tests of opening in stages: load and xref in steps (the same briefing
 * and index as at once), opening.c, and the reader that follows an
 * opening: the article first with an index of nothing, then the
 * profiles, then the whole index, each a new index the reader takes
 * between keys; keys that need what is not there yet say so; what is
 * shown stays in place. Mostly on the fixture briefing of the tmux tests
 * (tests/fixtures/reader).
 */
#include "test_common.h"

#include <fcntl.h>
#include <stdbool.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "keymap.h"
#include "load.h"
#include "opening.h"
#include "reader.h"
#include "xref.h"

static const struct unit_ref section0 = { UNIT_SECTION, 0 };

/*
 * In steps: the article first, with no expert and no actor until the
 * end; one file a step (1 expert, 3 actors), then the same briefing as
 * at once, the profiles sorted by id.
 */
static void
load_step__mini__article_first_profiles_at_end(void **state)
{
	struct diag_list dl;
	struct load_job *j;
	const struct briefing *shown;
	struct briefing *b;
	size_t read, total, steps = 0;
	bool failed = true;

	(void)state;
	diag_list_init(&dl);
	j = load_begin(golden_case("mini"), &dl);
	assert_non_null(j);
	shown = load_job_briefing(j);
	assert_int_equal(shown->nsections, 4);
	assert_non_null(shown->timeline);
	assert_string_equal(shown->title, "River Dispute");
	load_progress(j, &read, &total);
	assert_int_equal(read, 0);
	assert_int_equal(total, 4);
	while (!load_step(j, 1)) {
		steps++;
		assert_int_equal(shown->nexperts, 0);
		assert_int_equal(shown->nactors, 0);
		load_progress(j, &read, &total);
		assert_int_equal(read, steps);
	}
	assert_int_equal(steps, 3);	/* the fourth file ends it */
	b = load_end(j, &failed);
	assert_false(failed);
	assert_ptr_equal(b, shown);
	assert_int_equal(b->nexperts, 1);
	assert_int_equal(b->nactors, 3);
	assert_string_equal(b->actors[0].id, "northland");
	assert_string_equal(b->actors[2].id, "southland");
	assert_int_equal(dl.n, 0);
	briefing_free(b);
	diag_list_free(&dl);
}

/* A lone file has nothing to read in steps. */
static void
load_step__lone_file__done_at_once(void **state)
{
	struct diag_list dl;
	struct load_job *j;
	struct briefing *b;
	bool failed = true;

	(void)state;
	diag_list_init(&dl);
	j = load_begin(golden_case("plain.md"), &dl);
	assert_non_null(j);
	assert_true(load_step(j, 1));
	b = load_end(j, &failed);
	assert_false(failed);
	assert_non_null(b);
	assert_int_equal(b->nactors, 0);
	briefing_free(b);
	assert_null(load_begin("/nonexistent/brief", &dl));
	diag_list_free(&dl);
}

/*
 * In steps, one unit at a time, the same index as at once: every
 * mention, quote and number; and the empty index has none.
 */
static void
xref_step__one_unit_at_a_time__same_index_as_at_once(void **state)
{
	struct diag_list dl, dl2;
	struct briefing *b;
	struct xref *x, *y;
	struct xref_job *j;
	size_t done, total, steps = 0, i;

	(void)state;
	diag_list_init(&dl);
	diag_list_init(&dl2);
	b = briefing_load(fixture("xref/mini"), &dl);
	assert_non_null(b);
	x = xref_build(b, &dl);
	j = xref_begin(b, &dl2);
	xref_progress(j, &done, &total);
	assert_int_equal(done, 0);
	assert_int_equal(total, briefing_nslots(b));
	while (!xref_step(j, 1)) {
		xref_progress(j, &done, &total);
		assert_int_equal(done, ++steps);
	}
	y = xref_end(j);
	assert_int_equal(dl2.n, dl.n);
	assert_int_equal(y->nmentions, x->nmentions);
	for (i = 0; i < x->nmentions; i++) {
		assert_ptr_equal(y->mentions[i].node, x->mentions[i].node);
		assert_int_equal(y->mentions[i].target.index,
		    x->mentions[i].target.index);
	}
	assert_int_equal(y->nquotes, x->nquotes);
	assert_int_equal(y->nnumbered, x->nnumbered);
	assert_int_equal(y->numbered[0], x->numbered[0]);
	xref_free(y);
	y = xref_empty(b);
	assert_int_equal(y->nmentions, 0);
	assert_int_equal(y->nquotes, 0);
	assert_int_equal(y->nnumbered, 0);
	assert_int_equal(y->nactors, b->nactors);
	assert_int_equal(xref_unit_first(y, section0), 0);
	xref_free(y);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
	diag_list_free(&dl2);
}

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

/*
 * An actor's file past the budget, read after the first frame: the
 * opening fails, the article stays shown, and the reader says why.
 */
static void
reader_follow_opening__over_budget_half_way__article_kept_and_said(
    void **state)
{
	char dir[] = "/tmp/briefing-test-XXXXXX", path[128];
	struct diag_list dl;
	struct opening *op;
	struct reader *r;
	FILE *fp;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(path, sizeof path, "%s/briefing.md", dir);
	assert_non_null(fp = fopen(path, "w"));
	fputs("## One\n\nHello.\n", fp);
	fclose(fp);
	snprintf(path, sizeof path, "%s/actors", dir);
	assert_int_equal(mkdir(path, 0700), 0);
	/* Sparse: 300 MiB that take no room. */
	snprintf(path, sizeof path, "%s/actors/y.md", dir);
	assert_true((fd = open(path, O_WRONLY | O_CREAT, 0600)) >= 0);
	assert_int_equal(ftruncate(fd, (off_t)300 << 20), 0);
	close(fd);

	diag_list_init(&dl);
	op = opening_new(dir, &dl);
	assert_non_null(op);
	r = reader_new(opening_briefing(op), opening_xref(op));
	reader_follow_opening(r, op);
	reader_resize(r, 100, 30);
	while (reader_idle(r))
		continue;
	assert_int_equal(opening_stage(op), OPENING_FAILED);
	assert_int_equal(opening_briefing(op)->nsections, 1);
	assert_int_equal(opening_briefing(op)->nactors, 0);
	assert_true(diag_count(&dl, DIAG_FATAL) > 0);
	assert_non_null(strstr(message(r), "Over the size budget"));
	reader_free(r);
	opening_free(op);
	diag_list_free(&dl);
	unlink(path);
	snprintf(path, sizeof path, "%s/actors", dir);
	rmdir(path);
	snprintf(path, sizeof path, "%s/briefing.md", dir);
	unlink(path);
	rmdir(dir);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    load_step__mini__article_first_profiles_at_end),
		cmocka_unit_test(load_step__lone_file__done_at_once),
		cmocka_unit_test(
		    xref_step__one_unit_at_a_time__same_index_as_at_once),
		cmocka_unit_test(
		    opening_step__fixture__stages_in_order_then_whole_index),
		cmocka_unit_test(opening_free__half_way__at_each_stage),
		cmocka_unit_test(reader_follow_opening__keys_wait_then_work),
		cmocka_unit_test(reader_follow_opening__at_end__stays_at_end),
		cmocka_unit_test(
		    reader_follow_opening__errors__said_at_the_end),
		cmocka_unit_test(
		    reader_follow_opening__over_budget_half_way__article_kept_and_said),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
