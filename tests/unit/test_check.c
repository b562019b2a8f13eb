#include "test_common.h"

#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "util.h"
#include "load.h"
#include "xref.h"

struct loaded {
	struct briefing	*b;
	struct xref	*x;
	struct diag_list dl;
};

static void
load_and_check(struct loaded *l, const char *path)
{
	diag_list_init(&l->dl);
	l->b = briefing_load(path, &l->dl);
	assert_non_null(l->b);
	l->x = xref_build(l->b, &l->dl);
	check_briefing(l->b, l->x, &l->dl);
}

static void
loaded_free(struct loaded *l)
{
	xref_free(l->x);
	briefing_free(l->b);
	diag_list_free(&l->dl);
}

/* The diagnostic whose file ends with `file` and message holds `needle`. */
static const struct diag *
find(const struct diag_list *dl, const char *file, const char *needle)
{
	size_t i, n = strlen(file), fn;

	for (i = 0; i < dl->n; i++) {
		if (dl->v[i].file == NULL)
			continue;
		fn = strlen(dl->v[i].file);
		if (fn >= n && strcmp(dl->v[i].file + fn - n, file) == 0 &&
		    strstr(dl->v[i].msg, needle) != NULL)
			return &dl->v[i];
	}
	return NULL;
}

static size_t
count_of(const struct diag_list *dl, const char *needle)
{
	size_t i, n = 0;

	for (i = 0; i < dl->n; i++)
		if (strstr(dl->v[i].msg, needle) != NULL)
			n++;
	return n;
}

static void
check_briefing__clean_fixture__no_diagnostics(void **state)
{
	struct loaded l;

	(void)state;
	load_and_check(&l, golden_case("mini"));
	if (l.dl.n > 0)
		diag_print(stderr, "unexpected", &l.dl);
	assert_int_equal(l.dl.n, 0);
	loaded_free(&l);
}

static void
check_briefing__shared_alias__warning_names_both(void **state)
{
	struct loaded l;
	const struct diag *d;

	(void)state;
	load_and_check(&l, golden_case("broken"));
	d = find(&l.dl, "actors/beta.md", "'the Pair' names both");
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_WARNING);
	assert_int_equal(d->line, 4);	/* its aliases: line */
	assert_non_null(strstr(d->msg, "actor 'alpha'"));
	assert_non_null(strstr(d->msg, "actor 'beta'"));
	loaded_free(&l);
}

static void
check_briefing__expert_never_quoted__warning(void **state)
{
	struct loaded l;

	(void)state;
	load_and_check(&l, golden_case("broken"));
	assert_non_null(find(&l.dl, "experts/quiet.md",
	    "expert 'quiet' is never quoted"));
	loaded_free(&l);
}

static void
check_briefing__actor_never_mentioned__warning(void **state)
{
	struct loaded l;

	(void)state;
	load_and_check(&l, golden_case("broken"));
	assert_non_null(find(&l.dl, "actors/unseen.md",
	    "actor 'unseen' is never mentioned"));
	/* Alpha is named in the article: no warning for it. */
	assert_null(find(&l.dl, "actors/alpha.md", "never mentioned"));
	loaded_free(&l);
}

static void
check_briefing__empty_sections__warning_at_heading(void **state)
{
	struct loaded l;
	const struct diag *d;

	(void)state;
	load_and_check(&l, golden_case("broken"));
	d = find(&l.dl, "briefing.md", "section 'empty' is empty");
	assert_non_null(d);
	assert_int_equal(d->line, 11);
	d = find(&l.dl, "briefing.md", "section 'lonely-heading' is empty");
	assert_non_null(d);
	assert_int_equal(d->line, 17);
	/* The second "Empty" section has text: no warning for it. */
	assert_null(find(&l.dl, "briefing.md", "section 'empty-1' is empty"));
	loaded_free(&l);
}

static void
check_briefing__unknown_ids__errors_with_lines(void **state)
{
	struct loaded l;
	const struct diag *d;

	(void)state;
	load_and_check(&l, golden_case("broken"));
	d = find(&l.dl, "briefing.md", "nowhere-front");
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_ERROR);
	assert_int_equal(d->line, 6);
	assert_non_null(find(&l.dl, "briefing.md", "ghost"));
	assert_non_null(find(&l.dl, "briefing.md", "no-such-section"));
	d = find(&l.dl, "actors/alpha.md", "gamma");
	assert_non_null(d);
	assert_int_equal(d->line, 7);
	loaded_free(&l);
}

static void
check_briefing__broken_fixture__errors_counted(void **state)
{
	struct loaded l;

	(void)state;
	load_and_check(&l, golden_case("broken"));
	/* title, date, source, aliases, bad id, kind, empty file, unclosed,
	 * three unknown link ids, one unknown related id. */
	assert_int_equal(diag_count(&l.dl, DIAG_ERROR), 12);
	loaded_free(&l);
}

static void
diag_print__escapes_in_content__shown_as_placeholders(void **state)
{
	struct loaded l;
	char *out = NULL;
	size_t len = 0;
	FILE *fp;

	(void)state;
	load_and_check(&l, fixture("fuzz/escapes"));
	fp = open_memstream(&out, &len);
	assert_non_null(fp);
	diag_print(fp, "briefing", &l.dl);
	fclose(fp);
	/* A 'related' key "\e[31mred" and an alias "\u202Eevil" are quoted. */
	assert_non_null(strstr(out, "unknown actor '\xE2\x90\x9B[31mred'"));
	assert_non_null(strstr(out, "'<U+202E>evil' names both"));
	assert_null(strchr(out, '\x1b'));
	assert_null(strstr(out, "\xE2\x80\xAE"));
	assert_int_equal(strncmp(out, "briefing: ", 10), 0);
	free(out);
	loaded_free(&l);
}

/* Diagnostics of a briefing built from memory, checked. */
static void
load_strings_and_check(struct loaded *l, const char *md,
    const char *const *actors)
{
	diag_list_init(&l->dl);
	l->b = briefing_load_strings(md, NULL, actors, NULL, false, &l->dl);
	assert_non_null(l->b);
	l->x = xref_build(l->b, &l->dl);
	check_briefing(l->b, l->x, &l->dl);
}

/* "related" naming the actor itself, or one actor twice. */
static void
check_briefing__self_and_twice_related__warnings_at_entries(void **state)
{
	static const char *const actors[] = {
		"x", "---\nname: Xylo\nkind: group\nrelated:\n  y: ally\n"
		"  x: rival\n  y: friend\n---\nXylo and Yew.\n",
		"y", "---\nname: Yew\nkind: group\n---\nYew and Xylo.\n",
		NULL
	};
	struct loaded l;
	const struct diag *d;

	(void)state;
	load_strings_and_check(&l, "Xylo, Yew.\n", actors);
	assert_int_equal(l.dl.n, 2);
	d = find(&l.dl, "actors/x.md", "related to itself");
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_WARNING);
	assert_int_equal(d->line, 6);
	assert_int_equal(d->col, 3);
	assert_string_equal(d->msg, "actor 'x' is related to itself");
	d = find(&l.dl, "actors/x.md", "given twice");
	assert_non_null(d);
	assert_int_equal(d->line, 7);
	assert_string_equal(d->msg,
	    "front matter: key 'y' is given twice; the last one counts");
	assert_int_equal(l.b->actors[0].nrelated, 2);
	assert_string_equal(l.b->actors[0].related[1].words, "friend");
	loaded_free(&l);
}

/*
 * Names that differ only in case, accents or compatibility forms are one
 * name to search and the index: "Ștefan Popescu" and "Stefan Popescu",
 * "ＡＢＣ" and "abc".
 */
static void
check_briefing__names_equal_when_folded__warning_names_both(void **state)
{
	static const char *const actors[] = {
		"s1", "---\nname: \xc8\x98tefan Popescu\nkind: person\n---\n"
		"A banker.\n",
		"s2", "---\nname: Stefan Popescu\nkind: person\n---\n"
		"A writer.\n",
		"w1", "---\nname: \xef\xbc\xa1\xef\xbc\xa2\xef\xbc\xa3\n"
		"kind: group\n---\nWide.\n",
		"w2", "---\nname: Wide Group\nkind: group\naliases: [abc]\n"
		"---\nNarrow.\n",
		NULL
	};
	struct loaded l;
	const struct diag *d;

	(void)state;
	load_strings_and_check(&l, "Stefan Popescu and Wide Group.\n",
	    actors);
	d = find(&l.dl, "actors/s2.md", "one name to search");
	assert_non_null(d);
	assert_int_equal(d->level, DIAG_WARNING);
	assert_string_equal(d->msg, "'Stefan Popescu' of actor 's2' and "
	    "'\xc8\x98tefan Popescu' of actor 's1' are one name to search "
	    "and the index (case and accents aside)");
	d = find(&l.dl, "actors/w2.md", "one name to search");
	assert_non_null(d);
	assert_non_null(strstr(d->msg, "'abc' of actor 'w2'"));
	assert_int_equal(count_of(&l.dl, "one name to search"), 2);
	loaded_free(&l);
}

/*
 * A form written exactly as another entity's is said so, even where a
 * form of the first entity that differs only in case sorts before it.
 */
static void
check_briefing__exact_and_folded_forms__exact_said(void **state)
{
	static const char *const actors[] = {
		"a", "---\nname: Foo Ltd\nkind: group\naliases: [foo, Foo]\n"
		"---\nA.\n",
		"b", "---\nname: Foo\nkind: group\n---\nB.\n",
		NULL
	};
	struct loaded l;

	(void)state;
	load_strings_and_check(&l, "Foo Ltd and Foo.\n", actors);
	assert_non_null(find(&l.dl, "actors/b.md",
	    "'Foo' names both actor 'a' and actor 'b'"));
	assert_int_equal(count_of(&l.dl, "one name to search"), 0);
	loaded_free(&l);
}

/*
 * A one-letter alias in megabytes of text: a mention for every other
 * byte. Storage is bounded by counting: a paragraph keeps its first
 * XREF_MAX_BLOCK_MENTIONS, the briefing its first XREF_MAX_MENTIONS; the
 * rest are counted and said once, where they start.
 */
static void
check_briefing__one_letter_alias_megabytes__mentions_bounded(void **state)
{
	static const char *const actors[] = {
		"x", "---\nname: Xylo\nkind: group\naliases: [a]\n---\nX.\n",
		NULL
	};
	/* 201 paragraphs of 10,100: the 201st passes XREF_MAX_MENTIONS. */
	enum { PARAS = 201, LINES = 505, PER_LINE = 20 };
	struct loaded l;
	struct unit_ref u = { UNIT_SECTION, 0 };
	struct buf md;
	size_t n;
	int p, i;
	char *want;

	(void)state;
	buf_init(&md);
	for (p = 0; p < PARAS; p++) {
		for (i = 0; i < LINES; i++)
			buf_adds(&md, "a a a a a a a a a a a a a a a a a a a a\n");
		buf_adds(&md, "\n");
	}
	assert_true(md.len > 4000000);
	load_strings_and_check(&l, md.data, actors);
	assert_int_equal(l.x->nmentions, XREF_MAX_MENTIONS);
	assert_int_equal(l.x->actors[0].mentions.n, XREF_MAX_MENTIONS);
	assert_int_equal(l.x->dropped,
	    (size_t)PARAS * LINES * PER_LINE - XREF_MAX_MENTIONS);
	xref_unit_mentions(l.x, u, &n);
	assert_int_equal(n, XREF_MAX_MENTIONS);
	/* The first paragraph kept its first 10,000: lines 1 to 500. */
	assert_int_equal(l.x->mentions[XREF_MAX_BLOCK_MENTIONS - 1].line, 500);
	assert_int_equal(l.x->mentions[XREF_MAX_BLOCK_MENTIONS].line,
	    LINES + 2);
	want = xasprintf("%zu mentions of actors and experts beyond the cap "
	    "were not linked (at most %d in one paragraph, %d in all)",
	    l.x->dropped, XREF_MAX_BLOCK_MENTIONS, XREF_MAX_MENTIONS);
	assert_int_equal(count_of(&l.dl, "beyond the cap"), 1);
	assert_string_equal(find(&l.dl, "briefing.md", "beyond the cap")->msg,
	    want);
	assert_int_equal(find(&l.dl, "briefing.md", "beyond the cap")->line,
	    501);
	assert_non_null(find(&l.dl, "actors/x.md", "alias 'a' is a single "
	    "character"));
	free(want);
	buf_free(&md);
	loaded_free(&l);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(check_briefing__clean_fixture__no_diagnostics),
		cmocka_unit_test(check_briefing__shared_alias__warning_names_both),
		cmocka_unit_test(check_briefing__expert_never_quoted__warning),
		cmocka_unit_test(check_briefing__actor_never_mentioned__warning),
		cmocka_unit_test(check_briefing__empty_sections__warning_at_heading),
		cmocka_unit_test(check_briefing__unknown_ids__errors_with_lines),
		cmocka_unit_test(check_briefing__broken_fixture__errors_counted),
		cmocka_unit_test(
		    diag_print__escapes_in_content__shown_as_placeholders),
		cmocka_unit_test(
		    check_briefing__self_and_twice_related__warnings_at_entries),
		cmocka_unit_test(
		    check_briefing__one_letter_alias_megabytes__mentions_bounded),
		cmocka_unit_test(
		    check_briefing__names_equal_when_folded__warning_names_both),
		cmocka_unit_test(
		    check_briefing__exact_and_folded_forms__exact_said),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
