/*
 * The shapes of hostile input that were once quadratic, each at two
 * sizes: the work done (util_work: cmark nodes walked, runs and cells
 * made, prefix boxes visited, reference marks probed, bytes searched,
 * matches scanned and mapped) may at most double, with some slack
 * (RATIO), when the input doubles. Work is counted, never timed.
 */
#include "test_common.h"

#include <string.h>

#include "compose.h"
#include "dump.h"
#include "load.h"
#include "reader.h"
#include "typeset.h"
#include "util.h"
#include "xref.h"

/* Most the work may grow when the input doubles. */
#define RATIO 2.2

/* A briefing from strings, its index, and the work they took. */
struct fx {
	struct diag_list	 dl;
	struct briefing		*b;
	struct xref		*x;
};

static void
fx_load(struct fx *f, const char *main_md, const char *const *actors)
{
	diag_list_init(&f->dl);
	f->b = briefing_load_strings(main_md, NULL, actors, NULL, false,
	    &f->dl);
	assert_non_null(f->b);
	f->x = xref_build(f->b, &f->dl);
}

static void
fx_free(struct fx *f)
{
	xref_free(f->x);
	briefing_free(f->b);
	diag_list_free(&f->dl);
}

/* The work of loading, indexing and dumping at width 80. */
static unsigned long
dump_work(const char *main_md, const char *const *actors, size_t *lines)
{
	struct dump_opts o = { .width = 80 };
	unsigned long w0 = util_work;
	struct fx f;
	char *out = NULL;
	size_t len = 0, i;
	FILE *fp;

	fx_load(&f, main_md, actors);
	fp = open_memstream(&out, &len);
	assert_non_null(fp);
	assert_int_equal(dump_briefing(fp, f.b, f.x, &o), 0);
	fclose(fp);
	for (*lines = 0, i = 0; i < len; i++)
		*lines += out[i] == '\n';
	free(out);
	fx_free(&f);
	return util_work - w0;
}

static void
assert_linear(unsigned long small, unsigned long big, const char *what)
{
	if ((double)big > RATIO * (double)small)
		fail_msg("%s: work %lu at the size, %lu at twice it (%.2fx)",
		    what, small, big, (double)big / (double)small);
}

static const char *const alias_a[] = {
	"x", "---\nname: Xavier\nkind: person\naliases: [a]\n---\nProfile.\n",
	NULL
};

/*
 * Quotes nested n deep, a paragraph at each level naming the one-letter
 * alias. (Emphasis once made the same shape, but a name in emphasis is
 * no mention now: a book's title.)
 */
static char *
nested_mentions(int n)
{
	struct buf b;
	int i, j;

	buf_init(&b);
	buf_adds(&b, "## S\n\n");
	for (i = 1; i <= n; i++) {
		for (j = 0; j < i; j++)
			buf_addc(&b, '>');
		buf_adds(&b, " a b\n");
	}
	return buf_release(&b);
}

/* Once mentions x depth: over 60 s at 1.4 MB. */
static void
dump_briefing__nested_mentions_one_letter_alias__work_linear(void **state)
{
	char *small = nested_mentions(1000), *big = nested_mentions(2000);
	size_t l1, l2;
	unsigned long w1, w2;

	(void)state;
	w1 = dump_work(small, alias_a, &l1);
	w2 = dump_work(big, alias_a, &l2);
	/* Every level's mention is shown, a line each at the least. */
	assert_true(l2 > l1 && l1 > 1000);
	assert_linear(w1, w2, "nested mentions");
	free(small);
	free(big);
}

/* One paragraph in block quotes `depth` deep, `lines` source lines long. */
static char *
nested_quotes(int depth, int lines)
{
	struct buf b;
	int i;

	buf_init(&b);
	buf_adds(&b, "## S\n\n");
	for (i = 0; i < depth; i++)
		buf_addc(&b, '>');
	for (i = 0; i < lines; i++)
		buf_adds(&b, " some words of the quote on a line\n");
	return buf_release(&b);
}

/* The work of the section's page and its layout at width 80. */
static unsigned long
layout_work(const char *main_md, size_t *nlines)
{
	struct compose_opts co = { .mark_refs = false };
	struct typeset_opts to = { .width = 80 };
	struct unit_ref u = { UNIT_SECTION, 0 };
	unsigned long w0;
	struct layout *lay;
	struct page *page;
	struct fx f;

	fx_load(&f, main_md, NULL);
	w0 = util_work;
	page = compose_page(f.b, f.x, u, &co);
	lay = typeset(page, &to);
	*nlines = lay->nlines;
	w0 = util_work - w0;
	layout_free(lay);
	page_free(page);
	fx_free(&f);
	return w0;
}

/* Once lines x depth: every enclosing bar walked for every line. */
static void
typeset__deep_quote_many_lines__work_linear(void **state)
{
	char *small = nested_quotes(2000, 1000), *big = nested_quotes(4000,
	    2000);
	size_t n1, n2;
	unsigned long w1, w2;

	(void)state;
	w1 = layout_work(small, &n1);
	w2 = layout_work(big, &n2);
	assert_true(n1 > 100 && n2 > n1);
	assert_linear(w1, w2, "deep quote");
	free(small);
	free(big);
}

/* One paragraph of n words, all "word". */
static char *
one_paragraph(int n)
{
	struct buf b;
	int i;

	buf_init(&b);
	buf_adds(&b, "## S\n\n");
	for (i = 0; i < n; i++)
		buf_adds(&b, "word ");
	buf_adds(&b, "\n");
	return buf_release(&b);
}

/*
 * The work of searching, showing the first match, then stepping to the
 * next match ten times, every row of the screen drawn after each.
 */
static unsigned long
search_work(const char *main_md, size_t *matches)
{
	struct row_marks m;
	unsigned long w0;
	struct reader *r;
	struct fx f;
	int i, row;

	fx_load(&f, main_md, NULL);
	r = reader_new(f.b, f.x);
	reader_resize(r, 100, 50);
	w0 = util_work;
	*matches = reader_search(r, "word");
	for (i = 0; i <= 10; i++) {
		if (i > 0)
			reader_key(r, 'n');
		for (row = 0; row < 48; row++)
			reader_row(r, REGION_BODY, row, &m);
	}
	w0 = util_work - w0;
	reader_free(r);
	fx_free(&f);
	return w0;
}

/* Once every match rescanned its paragraph from the start. */
static void
reader_search__one_huge_paragraph__work_linear(void **state)
{
	char *small = one_paragraph(20000), *big = one_paragraph(40000);
	size_t m1, m2;
	unsigned long w1, w2;

	(void)state;
	w1 = search_work(small, &m1);
	w2 = search_work(big, &m2);
	assert_int_equal(m1, 20000);
	assert_int_equal(m2, 40000);
	assert_linear(w1, w2, "search in one paragraph");
	free(small);
	free(big);
}

/* n actors, each named once in one paragraph. */
static void
many_references(int n, char **main_md, char ***actors)
{
	struct buf b;
	char **v = xcalloc(2 * (size_t)n + 1, sizeof *v);
	int i;

	buf_init(&b);
	buf_adds(&b, "## S\n\n");
	for (i = 0; i < n; i++) {
		buf_printf(&b, "Name%d ", i);
		v[2 * i] = xasprintf("n%d", i);
		v[2 * i + 1] = xasprintf("---\nname: Name%d\nkind: group\n"
		    "---\nP.\n", i);
	}
	buf_adds(&b, "\n");
	*main_md = buf_release(&b);
	*actors = v;
}

static void
free_references(char *main_md, char **actors)
{
	size_t i;

	for (i = 0; actors[i] != NULL; i++)
		free(actors[i]);
	free(actors);
	free(main_md);
}

/* Once a scan of the marks so far for every reference: quadratic. */
static void
dump_briefing__many_distinct_references__work_linear(void **state)
{
	char *md1, *md2, **a1, **a2;
	size_t l1, l2;
	unsigned long w1, w2;

	(void)state;
	many_references(1000, &md1, &a1);
	many_references(2000, &md2, &a2);
	w1 = dump_work(md1, (const char *const *)a1, &l1);
	w2 = dump_work(md2, (const char *const *)a2, &l2);
	/* The section's list of references has a line for each. */
	assert_true(l1 > 1000 && l2 > 2000);
	assert_linear(w1, w2, "distinct references");
	free_references(md1, a1);
	free_references(md2, a2);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    dump_briefing__nested_mentions_one_letter_alias__work_linear),
		cmocka_unit_test(typeset__deep_quote_many_lines__work_linear),
		cmocka_unit_test(
		    reader_search__one_huge_paragraph__work_linear),
		cmocka_unit_test(
		    dump_briefing__many_distinct_references__work_linear),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
