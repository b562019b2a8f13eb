#include "test_common.h"

#include <string.h>

#include "frontmatter.h"
#include "util.h"

static struct fm *
parse(const char *yaml, struct diag_list *dl)
{
	return fm_parse(yaml, strlen(yaml), "x.md", 2, dl);
}

static void
fm_split__delimited__yaml_and_body_offsets(void **state)
{
	const char *t = "---\ntitle: A\n---\nBody\n";
	struct fm_span sp;

	(void)state;
	fm_split(t, strlen(t), &sp);
	assert_true(sp.present);
	assert_true(sp.closed);
	assert_int_equal(sp.yaml_start, 4);
	assert_int_equal(sp.yaml_len, strlen("title: A\n"));
	assert_string_equal(t + sp.end, "Body\n");
	assert_int_equal(sp.yaml_line, 2);
}

static void
fm_split__no_front_matter__absent(void **state)
{
	const char *t = "# Title\n---\n";
	struct fm_span sp;

	(void)state;
	fm_split(t, strlen(t), &sp);
	assert_false(sp.present);
}

static void
fm_split__unclosed__present_not_closed(void **state)
{
	const char *t = "---\ntitle: A\nno end\n";
	struct fm_span sp;

	(void)state;
	fm_split(t, strlen(t), &sp);
	assert_true(sp.present);
	assert_false(sp.closed);
}

static void
fm_get_string__good_scalars__values(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	char *title = NULL, *date = NULL, *none = NULL;

	(void)state;
	diag_list_init(&dl);
	fm = parse("title: \"Crocus\"\ndate: 2024-03-27\nempty:\n", &dl);
	assert_non_null(fm);
	assert_int_equal(fm_get_string(fm, "title", &title, &dl), FM_OK);
	assert_string_equal(title, "Crocus");
	assert_int_equal(fm_get_string(fm, "date", &date, &dl), FM_OK);
	assert_string_equal(date, "2024-03-27");
	assert_int_equal(fm_get_string(fm, "empty", &none, &dl), FM_ABSENT);
	assert_int_equal(fm_get_string(fm, "missing", &none, &dl), FM_ABSENT);
	assert_null(none);
	assert_int_equal(dl.n, 0);
	free(title);
	free(date);
	fm_free(fm);
	diag_list_free(&dl);
}

static void
fm_get_strlist__wrong_type__error_at_value(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	struct strlist l = { NULL, 0, 0 };

	(void)state;
	diag_list_init(&dl);
	fm = parse("name: X\naliases: just one\n", &dl);
	assert_int_equal(fm_get_strlist(fm, "aliases", &l, &dl), FM_WRONG);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_ERROR);
	assert_int_equal(dl.v[0].line, 3);
	assert_int_equal(dl.v[0].col, 10);
	assert_non_null(strstr(dl.v[0].msg, "'aliases' must be a list"));
	fm_free(fm);
	diag_list_free(&dl);
}

static void
fm_get_strlist__flow_and_block__all_items(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	struct strlist l = { NULL, 0, 0 };

	(void)state;
	diag_list_init(&dl);
	fm = parse("a: [ISIS-K, \"Islamic State-Khorasan\"]\nb:\n  - x\n  - y\n",
	    &dl);
	assert_int_equal(fm_get_strlist(fm, "a", &l, &dl), FM_OK);
	assert_int_equal(fm_get_strlist(fm, "b", &l, &dl), FM_OK);
	assert_int_equal(l.n, 4);
	assert_string_equal(l.v[1], "Islamic State-Khorasan");
	assert_string_equal(l.v[3], "y");
	strlist_free(&l);
	fm_free(fm);
	diag_list_free(&dl);
}

static void
fm_parse__malformed__error_with_line(void **state)
{
	struct diag_list dl;

	(void)state;
	diag_list_init(&dl);
	assert_null(parse("title: A\ntags: [a, b\nx: 1\n", &dl));
	assert_int_equal(dl.n, 1);
	assert_true(dl.v[0].line >= 3);
	assert_non_null(strstr(dl.v[0].msg, "front matter"));
	diag_list_free(&dl);
}

static void
fm_parse__not_a_mapping__error(void **state)
{
	struct diag_list dl;

	(void)state;
	diag_list_init(&dl);
	assert_null(parse("- a\n- b\n", &dl));
	assert_int_equal(dl.n, 1);
	assert_non_null(strstr(dl.v[0].msg, "not a mapping"));
	diag_list_free(&dl);
}

static void
fm_get_pairs__related__ids_words_positions(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	struct fm_pair *p;
	size_t n;

	(void)state;
	diag_list_init(&dl);
	fm = parse("related:\n  taliban: rival\n  iran: [partner, neighbour]\n",
	    &dl);
	assert_int_equal(fm_get_pairs(fm, "related", &p, &n, &dl), FM_OK);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].key, "taliban");
	assert_string_equal(p[0].value, "rival");
	assert_int_equal(p[0].line, 3);
	assert_int_equal(p[0].col, 3);
	assert_string_equal(p[1].value, "partner, neighbour");
	fm_pairs_free(p, n);
	fm_free(fm);
	diag_list_free(&dl);
}

static void
fm_get_bool__words__values_and_error(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	bool v = true;

	(void)state;
	diag_list_init(&dl);
	fm = parse("a: false\nb: yes\nc: maybe\n", &dl);
	assert_int_equal(fm_get_bool(fm, "a", &v, &dl), FM_OK);
	assert_false(v);
	assert_int_equal(fm_get_bool(fm, "b", &v, &dl), FM_OK);
	assert_true(v);
	assert_int_equal(fm_get_bool(fm, "c", &v, &dl), FM_WRONG);
	assert_int_equal(dl.n, 1);
	fm_free(fm);
	diag_list_free(&dl);
}

static void
fm_get_string__escape_in_yaml__raw_esc_kept(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	char *s = NULL;

	(void)state;
	diag_list_init(&dl);
	/* libyaml decodes "\e" to ESC; making it safe is layout's job. */
	fm = parse("title: \"a\\eb\"\n", &dl);
	assert_int_equal(fm_get_string(fm, "title", &s, &dl), FM_OK);
	assert_string_equal(s, "a\x1b" "b");
	free(s);
	fm_free(fm);
	diag_list_free(&dl);
}

/* 5,000 nested "[" would take libyaml seconds (100,000: minutes). */
static void
fm_parse__deep_nesting__error_not_parsed(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	struct buf b;
	int i;

	(void)state;
	diag_list_init(&dl);
	buf_init(&b);
	buf_adds(&b, "title: A\ntags: ");
	for (i = 0; i < 5000; i++)
		buf_adds(&b, "[{a: ");
	buf_adds(&b, "x");
	for (i = 0; i < 5000; i++)
		buf_adds(&b, "}]");
	buf_adds(&b, "\n");
	fm = parse(b.data, &dl);
	assert_null(fm);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_ERROR);
	assert_int_equal(dl.v[0].line, 3);
	assert_non_null(strstr(dl.v[0].msg, "nested deeper than"));
	buf_free(&b);
	diag_list_free(&dl);
}

/* Aliases are not expanded: nine levels of nine are still one list. */
static void
fm_get_strlist__billion_laughs__wrong_type_not_expanded(void **state)
{
	struct diag_list dl;
	struct strlist tags = { NULL, 0, 0 };
	struct fm *fm;
	struct buf b;
	int i, j;

	(void)state;
	diag_list_init(&dl);
	buf_init(&b);
	buf_adds(&b, "a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
	for (i = 1; i < 10; i++) {
		buf_printf(&b, "a%d: &a%d [", i, i);
		for (j = 0; j < 9; j++)
			buf_printf(&b, "%s*a%d", j > 0 ? ", " : "", i - 1);
		buf_adds(&b, "]\n");
	}
	buf_adds(&b, "tags: *a9\n");
	fm = parse(b.data, &dl);
	assert_non_null(fm);
	assert_int_equal(fm_get_strlist(fm, "tags", &tags, &dl), FM_WRONG);
	assert_int_equal(tags.n, 0);
	assert_int_equal(dl.n, 1);
	fm_free(fm);
	strlist_free(&tags);
	buf_free(&b);
	diag_list_free(&dl);
}

/* Lines may end in CRLF or a lone CR (old Mac files): both delimit. */
static void
fm_split__crlf_and_cr_only__delimited(void **state)
{
	const char *crlf = "---\r\ntitle: A\r\n---\r\nBody\r\n";
	const char *cr = "---\rtitle: A\rtags: [x]\r---\rBody\r";
	struct diag_list dl;
	struct fm_span sp;
	struct fm *fm;
	char *title = NULL;
	int line, col;

	(void)state;
	fm_split(crlf, strlen(crlf), &sp);
	assert_true(sp.closed);
	assert_int_equal(sp.yaml_start, 5);
	assert_int_equal(sp.yaml_len, strlen("title: A\r\n"));
	assert_string_equal(crlf + sp.end, "Body\r\n");
	fm_split(cr, strlen(cr), &sp);
	assert_true(sp.present);
	assert_true(sp.closed);
	assert_int_equal(sp.yaml_start, 4);
	assert_int_equal(sp.yaml_len, strlen("title: A\rtags: [x]\r"));
	assert_string_equal(cr + sp.end, "Body\r");

	/* libyaml counts a lone CR as a line break too. */
	diag_list_init(&dl);
	fm = fm_parse(cr + sp.yaml_start, sp.yaml_len, "x.md", 2, &dl);
	assert_non_null(fm);
	assert_int_equal(fm_get_string(fm, "title", &title, &dl), FM_OK);
	assert_string_equal(title, "A");
	fm_key_pos(fm, "tags", &line, &col);
	assert_int_equal(line, 3);
	assert_int_equal(dl.n, 0);
	free(title);
	fm_free(fm);
	diag_list_free(&dl);
}

/* "\0" would cut a C string without a word: the cut is said. */
static void
fm_get_string__nul_escape__cut_with_warning(void **state)
{
	struct diag_list dl;
	struct strlist l = { NULL, 0, 0 };
	struct fm *fm;
	char *s = NULL;

	(void)state;
	diag_list_init(&dl);
	fm = parse("name: \"Ab\\0cd\"\naliases: [\"x\\0y\"]\n", &dl);
	assert_non_null(fm);
	assert_int_equal(fm_get_string(fm, "name", &s, &dl), FM_OK);
	assert_string_equal(s, "Ab");
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_WARNING);
	assert_int_equal(dl.v[0].line, 2);
	assert_int_equal(dl.v[0].col, 7);
	assert_string_equal(dl.v[0].msg, "front matter: 'name' holds a NUL "
	    "character (\\0); the text after it is dropped");
	assert_int_equal(fm_get_strlist(fm, "aliases", &l, &dl), FM_OK);
	assert_string_equal(l.v[0], "x");
	assert_int_equal(dl.n, 2);
	assert_int_equal(dl.v[1].line, 3);
	assert_int_equal(dl.v[1].col, 11);
	free(s);
	strlist_free(&l);
	fm_free(fm);
	diag_list_free(&dl);
}

/* A key given twice: a warning at the second, and the last one counts. */
static void
fm_parse__duplicate_keys__warned_last_counts(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	struct fm_pair *p;
	size_t n;
	char *s = NULL;

	(void)state;
	diag_list_init(&dl);
	fm = parse("name: A\nrelated:\n  x: rival\n  y: ally\n  x: [friend, "
	    "partner]\nname: B\n", &dl);
	assert_non_null(fm);
	assert_int_equal(dl.n, 2);
	diag_sort(&dl);
	assert_int_equal(dl.v[0].level, DIAG_WARNING);
	assert_int_equal(dl.v[0].line, 6);
	assert_int_equal(dl.v[0].col, 3);
	assert_string_equal(dl.v[0].msg,
	    "front matter: key 'x' is given twice; the last one counts");
	assert_int_equal(dl.v[1].line, 7);
	assert_int_equal(dl.v[1].col, 1);
	assert_string_equal(dl.v[1].msg,
	    "front matter: key 'name' is given twice; the last one counts");
	assert_int_equal(fm_get_string(fm, "name", &s, &dl), FM_OK);
	assert_string_equal(s, "B");
	assert_int_equal(fm_get_pairs(fm, "related", &p, &n, &dl), FM_OK);
	assert_int_equal(n, 2);
	assert_string_equal(p[0].key, "y");
	assert_string_equal(p[1].key, "x");
	assert_string_equal(p[1].value, "friend, partner");
	assert_int_equal(p[1].line, 6);
	assert_int_equal(dl.n, 2);
	fm_pairs_free(p, n);
	free(s);
	fm_free(fm);
	diag_list_free(&dl);
}

/* Every item of a list has its own place, for messages about one. */
static void
fm_item_pos__flow_and_block_items__lines_columns(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	int line, col;

	(void)state;
	diag_list_init(&dl);
	fm = parse("a: [one, \"two\"]\nb:\n  - x\n  - y\nc: z\n", &dl);
	fm_item_pos(fm, "a", 1, &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 10);
	fm_item_pos(fm, "b", 1, &line, &col);
	assert_int_equal(line, 5);
	assert_int_equal(col, 5);
	fm_item_pos(fm, "b", 2, &line, &col);
	assert_int_equal(line, 0);
	fm_item_pos(fm, "c", 0, &line, &col);
	assert_int_equal(line, 0);
	fm_item_pos(NULL, "a", 0, &line, &col);
	assert_int_equal(col, 0);
	fm_free(fm);
	diag_list_free(&dl);
}

static void
fm_parse__undefined_alias__error_at_alias(void **state)
{
	struct diag_list dl;

	(void)state;
	diag_list_init(&dl);
	assert_null(parse("a: &x 1\nb: *y\n", &dl));
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_ERROR);
	assert_int_equal(dl.v[0].line, 3);
	assert_int_equal(dl.v[0].col, 4);
	assert_string_equal(dl.v[0].msg, "front matter: found undefined alias");
	diag_list_free(&dl);
}

/* An anchor defined again: later aliases take the later node. */
static void
fm_get_string__anchor_redefined__later_node(void **state)
{
	struct diag_list dl;
	struct fm *fm;
	char *s = NULL;

	(void)state;
	diag_list_init(&dl);
	fm = parse("a: &x one\nb: &x two\nc: *x\n", &dl);
	assert_int_equal(fm_get_string(fm, "c", &s, &dl), FM_OK);
	assert_string_equal(s, "two");
	free(s);
	fm_free(fm);
	diag_list_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(fm_split__delimited__yaml_and_body_offsets),
		cmocka_unit_test(fm_split__no_front_matter__absent),
		cmocka_unit_test(fm_split__unclosed__present_not_closed),
		cmocka_unit_test(fm_get_string__good_scalars__values),
		cmocka_unit_test(fm_get_strlist__wrong_type__error_at_value),
		cmocka_unit_test(fm_get_strlist__flow_and_block__all_items),
		cmocka_unit_test(fm_parse__malformed__error_with_line),
		cmocka_unit_test(fm_parse__not_a_mapping__error),
		cmocka_unit_test(fm_get_pairs__related__ids_words_positions),
		cmocka_unit_test(fm_get_bool__words__values_and_error),
		cmocka_unit_test(fm_get_string__escape_in_yaml__raw_esc_kept),
		cmocka_unit_test(fm_parse__deep_nesting__error_not_parsed),
		cmocka_unit_test(
		    fm_get_strlist__billion_laughs__wrong_type_not_expanded),
		cmocka_unit_test(fm_split__crlf_and_cr_only__delimited),
		cmocka_unit_test(fm_get_string__nul_escape__cut_with_warning),
		cmocka_unit_test(fm_parse__duplicate_keys__warned_last_counts),
		cmocka_unit_test(
		    fm_item_pos__flow_and_block_items__lines_columns),
		cmocka_unit_test(fm_parse__undefined_alias__error_at_alias),
		cmocka_unit_test(fm_get_string__anchor_redefined__later_node),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
