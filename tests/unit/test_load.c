#include "test_common.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "load.h"
#include "util.h"

static const char *
first_msg(const struct diag_list *dl, const char *needle)
{
	size_t i;

	for (i = 0; i < dl->n; i++)
		if (strstr(dl->v[i].msg, needle) != NULL)
			return dl->v[i].msg;
	return NULL;
}

static void
briefing_load__fixture_dir__metadata_sections_entities(void **state)
{
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load(golden_case("mini"), &dl);
	assert_non_null(b);
	assert_int_equal(dl.n, 0);
	assert_string_equal(b->title, "River Dispute");
	assert_string_equal(b->subtitle, "A small briefing for tests");
	assert_string_equal(b->date, "2025-06-01");
	assert_string_equal(b->source.author, "A. Writer");
	assert_string_equal(b->source.publication, "Test Gazette");
	assert_int_equal(b->tags.n, 2);
	assert_string_equal(b->slug, "mini");
	assert_int_equal(b->nsections, 4);
	assert_int_equal(b->nexperts, 1);
	assert_int_equal(b->nactors, 3);
	assert_non_null(b->timeline);
	assert_string_equal(b->timeline_title, "Timeline");
	briefing_free(b);
	diag_list_free(&dl);
}

static void
briefing_load__sections__ids_levels_parents_lines(void **state)
{
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load(golden_case("mini"), &dl);
	assert_string_equal(b->sections[0].id, "overview");
	assert_int_equal(b->sections[0].level, 1);
	assert_int_equal(b->sections[0].line, 13);
	assert_string_equal(b->sections[1].id, "the-dam");
	assert_int_equal(b->sections[1].level, 2);
	assert_int_equal(b->sections[1].line, 16);
	assert_string_equal(b->sections[2].id, "water-levels");
	assert_int_equal(b->sections[2].level, 3);
	assert_int_equal(b->sections[2].parent, 1);
	assert_string_equal(b->sections[3].title, "The talks");
	/* Each section is its own document; the heading is not in it. */
	assert_int_equal(cmark_node_get_type(
	    cmark_node_first_child(b->sections[1].body.doc)),
	    CMARK_NODE_PARAGRAPH);
	/* Source positions are lines of the file, front matter counted. */
	assert_int_equal(cmark_node_get_start_line(
	    cmark_node_first_child(b->sections[1].body.doc)), 18);
	briefing_free(b);
	diag_list_free(&dl);
}

static void
briefing_load__actors__sorted_with_kind_aliases_related(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	size_t i;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load(golden_case("mini"), &dl);
	assert_string_equal(b->actors[0].id, "northland");
	assert_string_equal(b->actors[1].id, "river-council");
	assert_string_equal(b->actors[2].id, "southland");
	i = briefing_find_actor(b, "river-council");
	assert_int_equal(i, 1);
	assert_int_equal(b->actors[i].kind, ACTOR_ORGANISATION);
	assert_string_equal(b->actors[0].aliases.v[0], "the North");
	assert_int_equal(b->actors[0].nrelated, 2);
	assert_string_equal(b->actors[0].related[1].target, "river-council");
	assert_string_equal(b->actors[0].related[1].words, "member of");
	assert_int_equal(b->actors[0].related[1].line, 7);
	assert_int_equal(briefing_find_actor(b, "nowhere"), MODEL_NONE);
	assert_string_equal(b->experts[0].role, "Hydrologist");
	briefing_free(b);
	diag_list_free(&dl);
}

static void
briefing_load__missing_path__fatal(void **state)
{
	struct diag_list dl;

	(void)state;
	diag_list_init(&dl);
	assert_null(briefing_load("/nonexistent/brief", &dl));
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_FATAL);
	assert_string_equal(dl.v[0].file, "/nonexistent/brief");
	diag_list_free(&dl);
}

static void
briefing_load__dir_without_briefing_md__fatal(void **state)
{
	struct diag_list dl;

	(void)state;
	diag_list_init(&dl);
	assert_null(briefing_load(golden_case("mini/actors"), &dl));
	assert_int_equal(dl.v[0].level, DIAG_FATAL);
	assert_non_null(strstr(dl.v[0].msg, "no briefing.md"));
	diag_list_free(&dl);
}

static void
briefing_load_strings__wrong_types__errors_with_positions(void **state)
{
	static const char *const actors[] = {
		"x", "---\nname: [not, a, string]\nkind: planet\n---\nBody.\n",
		NULL
	};
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("---\ntitle: T\ndate: 27/03/2024\ntags: x\n---\n",
	    NULL, actors, NULL, false, &dl);
	assert_non_null(b);
	assert_non_null(first_msg(&dl, "'date' must be an ISO 8601 date"));
	assert_non_null(first_msg(&dl, "'tags' must be a list"));
	assert_non_null(first_msg(&dl, "'name' must be a single value"));
	assert_non_null(first_msg(&dl, "unknown kind 'planet'"));
	/* The name falls back to the id so the actor can still be shown. */
	assert_string_equal(b->actors[0].name, "x");
	assert_int_equal(diag_count(&dl, DIAG_ERROR), 5);
	briefing_free(b);
	diag_list_free(&dl);
}

static void
briefing_load_strings__unclosed_front_matter__error_line_1(void **state)
{
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("---\ntitle: T\n\n## A\n\nx\n", NULL, NULL,
	    NULL, false, &dl);
	assert_non_null(b);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].line, 1);
	assert_non_null(strstr(dl.v[0].msg, "no closing"));
	briefing_free(b);
	diag_list_free(&dl);
}

static void
briefing_load_strings__duplicate_headings__suffixed_ids_warning(void **state)
{
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("## Moscow's Options\n\na\n\n## Moscow's Options\n\nb\n",
	    NULL, NULL, NULL, false, &dl);
	assert_int_equal(b->nsections, 2);
	assert_string_equal(b->sections[0].id, "moscows-options");
	assert_string_equal(b->sections[1].id, "moscows-options-1");
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_WARNING);
	assert_int_equal(dl.v[0].line, 5);
	briefing_free(b);
	diag_list_free(&dl);
}

static void
briefing_load_strings__plain_markdown_h1_sections__title_and_sections(void **state)
{
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("# Notes\n\n## One\n\nx\n\n### One a\n\ny\n",
	    NULL, NULL, NULL, true, &dl);
	assert_string_equal(b->title, "Notes");
	assert_int_equal(b->nsections, 2);
	assert_int_equal(b->sections[1].level, 3);
	briefing_free(b);

	/* Several # headings: each one is a section. */
	b = briefing_load_strings("intro\n\n# A\n\nx\n\n# B\n\ny\n",
	    NULL, NULL, NULL, true, &dl);
	assert_int_equal(b->nsections, 3);
	assert_string_equal(b->sections[0].id, "overview");
	assert_string_equal(b->sections[1].id, "a");
	assert_string_equal(b->sections[2].id, "b");
	assert_string_equal(b->title, "notes");
	assert_int_equal(dl.n, 0);
	briefing_free(b);
	diag_list_free(&dl);
}

static void
briefing_load_strings__autolink_false__body_flag_off(void **state)
{
	static const char *const experts[] = {
		"e", "---\nname: E\nautolink: false\n---\nText.\n", NULL
	};
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("Text.\n", experts, NULL, NULL, false, &dl);
	assert_false(b->experts[0].body.autolink);
	assert_true(b->sections[0].body.autolink);
	briefing_free(b);
	diag_list_free(&dl);
}

static void
briefing_load_strings__soft_breaks__one_text_node_attribution_apart(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	cmark_node *para, *text, *quote;
	int line, col;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("The Islamic\nState [NRF] &amp; co.\n\n"
	    "> \"Words.\"\n> \xE2\x80\x94 [X](expert:x)\n",
	    NULL, NULL, NULL, false, &dl);
	para = cmark_node_first_child(b->sections[0].body.doc);
	text = cmark_node_first_child(para);
	/* One TEXT node, the soft break kept as "\n". */
	assert_null(cmark_node_next(text));
	assert_string_equal(cmark_node_get_literal(text),
	    "The Islamic\nState [NRF] & co.");
	model_text_pos(text, strlen("The Islamic\nSt"), &line, &col);
	assert_int_equal(line, 2);
	assert_int_equal(col, 3);
	model_text_pos(text, 4, &line, &col);
	assert_int_equal(line, 1);
	assert_int_equal(col, 5);
	/* A quote's "— Name" line is not joined to the words above it. */
	quote = cmark_node_next(para);
	text = cmark_node_first_child(cmark_node_first_child(quote));
	assert_string_equal(cmark_node_get_literal(text), "\"Words.\"");
	assert_int_equal(cmark_node_get_type(cmark_node_next(text)),
	    CMARK_NODE_SOFTBREAK);
	briefing_free(b);
	diag_list_free(&dl);
}

static void
model_slug__punctuation_and_case__github_style(void **state)
{
	char *s;

	(void)state;
	s = model_slug("Moscow\xE2\x80\x99s Options: the Road Ahead!");
	assert_string_equal(s, "moscows-options-the-road-ahead");
	free(s);
	s = model_slug("\"Soft recognition\" and the SCO");
	assert_string_equal(s, "soft-recognition-and-the-sco");
	free(s);
	s = model_slug("ISIS-K's reach since 2021");
	assert_string_equal(s, "isis-ks-reach-since-2021");
	free(s);
}

static void
model_valid_id__forms__accepted_and_refused(void **state)
{
	(void)state;
	assert_true(model_valid_id("isis-k"));
	assert_true(model_valid_id("sco2"));
	assert_false(model_valid_id("ISIS"));
	assert_false(model_valid_id("a_b"));
	assert_false(model_valid_id(""));
	assert_false(model_valid_id("../x"));
}

/*
 * Thousands of headings with one text: each id must find its "-k"
 * without scanning every earlier section (that took minutes at 10,000).
 */
static void
briefing_load_strings__many_same_headings__unique_ids_quickly(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct buf md;
	clock_t t0;
	int i;

	(void)state;
	diag_list_init(&dl);
	buf_init(&md);
	buf_adds(&md, "intro\n\n## Sub\n\n## Sub 1\n\n## Overview\n\n");
	for (i = 0; i < 3000; i++)
		buf_adds(&md, "### Sub\n\nx\n\n");
	t0 = clock();
	b = briefing_load_strings(md.data, NULL, NULL, NULL, false, &dl);
	assert_true(clock() - t0 < 2 * CLOCKS_PER_SEC);
	assert_int_equal(b->nsections, 4 + 3000);
	assert_string_equal(b->sections[0].id, "overview");
	assert_string_equal(b->sections[1].id, "sub");
	assert_string_equal(b->sections[2].id, "sub-1");
	assert_string_equal(b->sections[3].id, "overview-1");
	/* sub-1 is taken by a heading of its own. */
	assert_string_equal(b->sections[4].id, "sub-2");
	assert_string_equal(b->sections[5].id, "sub-3");
	assert_string_equal(b->sections[4 + 2999].id, "sub-3001");
	assert_int_equal(b->sections[4].parent, 3);
	assert_int_equal(b->sections[4 + 2999].parent, 3);
	assert_int_equal(dl.n, 1 + 3000);
	briefing_free(b);
	buf_free(&md);
	diag_list_free(&dl);
}

static void
write_file(const char *path, const char *text)
{
	FILE *fp = fopen(path, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
}

static size_t
count_msgs(const struct diag_list *dl, const char *needle)
{
	size_t i, n = 0;

	for (i = 0; i < dl->n; i++)
		if (strstr(dl->v[i].msg, needle) != NULL)
			n++;
	return n;
}

/*
 * A FIFO would block the open, a link to /dev/zero never end, a sparse
 * 33 MiB file eat memory: each is an error and the rest still loads.
 */
static void
briefing_load__special_files_in_actors__errors_rest_loads(void **state)
{
	static const char *const names[] = { "ok.md", "fifo.md", "zero.md",
	    "dir.md", "big.md" };
	struct diag_list dl;
	struct briefing *b;
	char tmpl[] = "/tmp/briefing-test-XXXXXX", *p;
	size_t i;
	int fd;

	(void)state;
	assert_non_null(mkdtemp(tmpl));
	p = xasprintf("%s/briefing.md", tmpl);
	write_file(p, "## One\n\nOk is here.\n");
	free(p);
	p = xasprintf("%s/actors", tmpl);
	assert_int_equal(mkdir(p, 0700), 0);
	free(p);
	p = xasprintf("%s/actors/ok.md", tmpl);
	write_file(p, "---\nname: Ok\nkind: group\n---\nFine.\n");
	free(p);
	p = xasprintf("%s/actors/fifo.md", tmpl);
	assert_int_equal(mkfifo(p, 0600), 0);
	free(p);
	p = xasprintf("%s/actors/zero.md", tmpl);
	assert_int_equal(symlink("/dev/zero", p), 0);
	free(p);
	p = xasprintf("%s/actors/dir.md", tmpl);
	assert_int_equal(mkdir(p, 0700), 0);
	free(p);
	p = xasprintf("%s/actors/big.md", tmpl);
	assert_true((fd = open(p, O_WRONLY | O_CREAT, 0600)) != -1);
	assert_int_equal(ftruncate(fd, 33 * 1024 * 1024), 0);
	close(fd);
	free(p);

	diag_list_init(&dl);
	b = briefing_load(tmpl, &dl);
	assert_non_null(b);
	assert_int_equal(b->nactors, 1);
	assert_string_equal(b->actors[0].id, "ok");
	assert_int_equal(count_msgs(&dl, "cannot read: not a regular file"), 2);
	assert_int_equal(count_msgs(&dl, "cannot read: a directory"), 1);
	assert_int_equal(count_msgs(&dl, "cannot read: larger than 32 MiB"), 1);
	assert_int_equal(dl.n, 4);
	briefing_free(b);
	diag_list_free(&dl);

	for (i = 0; i < NITEMS(names); i++) {
		p = xasprintf("%s/actors/%s", tmpl, names[i]);
		if (strcmp(names[i], "dir.md") == 0)
			rmdir(p);
		else
			unlink(p);
		free(p);
	}
	p = xasprintf("%s/actors", tmpl);
	rmdir(p);
	free(p);
	p = xasprintf("%s/briefing.md", tmpl);
	unlink(p);
	free(p);
	rmdir(tmpl);
}

/* A name of megabytes would head every reference to it: it is cut. */
static void
briefing_load_strings__huge_name__cut_with_error(void **state)
{
	static const char *const md = "## One\n\nx\n";
	const char *actors[3];
	struct diag_list dl;
	struct briefing *b;
	struct buf a;
	int i;

	(void)state;
	diag_list_init(&dl);
	buf_init(&a);
	buf_adds(&a, "---\nkind: group\nname: \"");
	for (i = 0; i < 100000; i++)
		buf_adds(&a, "\xC3\xA9");	/* é: a cut must not split one */
	buf_adds(&a, "\"\n---\nProfile.\n");
	actors[0] = "big";
	actors[1] = a.data;
	actors[2] = NULL;
	b = briefing_load_strings(md, NULL, actors, NULL, false, &dl);
	assert_int_equal(b->nactors, 1);
	assert_int_equal(strlen(b->actors[0].name), 256);
	assert_int_equal(strncmp(b->actors[0].name, "\xC3\xA9", 2), 0);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_ERROR);
	assert_int_equal(dl.v[0].line, 3);
	assert_string_equal(dl.v[0].msg,
	    "front matter: 'name' is longer than 256 bytes; cut");
	briefing_free(b);
	buf_free(&a);
	diag_list_free(&dl);
}

/*
 * A lone Markdown file has no experts or actors: their arrays stay NULL,
 * which sorting must not touch (UBSan: "null pointer passed as argument
 * 1" to qsort).
 */
static void
briefing_load__plain_file__sections_and_no_entities(void **state)
{
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load(golden_case("plain.md"), &dl);
	assert_non_null(b);
	assert_int_equal(dl.n, 0);
	assert_string_equal(b->title, "Field notes");
	assert_int_equal(b->nexperts, 0);
	assert_int_equal(b->nactors, 0);
	assert_true(b->nsections >= 2);
	assert_int_equal(briefing_find_actor(b, "x"), MODEL_NONE);
	briefing_free(b);
	diag_list_free(&dl);
}

/* Every section: link looks its id up: 50,000 of each must stay quick. */
static void
briefing_find_section__many_sections__found_by_search(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct buf md;
	clock_t t0;
	char id[32];
	int i;

	(void)state;
	diag_list_init(&dl);
	buf_init(&md);
	for (i = 0; i < 50000; i++)
		buf_printf(&md, "## S%d\n\nx\n\n", 49999 - i);
	b = briefing_load_strings(md.data, NULL, NULL, NULL, false, &dl);
	assert_int_equal(b->nsections, 50000);
	t0 = clock();
	for (i = 0; i < 50000; i++) {
		snprintf(id, sizeof id, "s%d", i);
		assert_int_equal(briefing_find_section(b, id), 49999 - i);
	}
	assert_int_equal(briefing_find_section(b, "s50000"), MODEL_NONE);
	assert_int_equal(briefing_find_section(b, ""), MODEL_NONE);
	assert_true(clock() - t0 < CLOCKS_PER_SEC);
	briefing_free(b);
	buf_free(&md);
	diag_list_free(&dl);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(briefing_load__fixture_dir__metadata_sections_entities),
		cmocka_unit_test(briefing_load__sections__ids_levels_parents_lines),
		cmocka_unit_test(briefing_load__actors__sorted_with_kind_aliases_related),
		cmocka_unit_test(briefing_load__missing_path__fatal),
		cmocka_unit_test(briefing_load__dir_without_briefing_md__fatal),
		cmocka_unit_test(briefing_load_strings__wrong_types__errors_with_positions),
		cmocka_unit_test(briefing_load_strings__unclosed_front_matter__error_line_1),
		cmocka_unit_test(briefing_load_strings__duplicate_headings__suffixed_ids_warning),
		cmocka_unit_test(
		    briefing_load_strings__many_same_headings__unique_ids_quickly),
		cmocka_unit_test(
		    briefing_load__special_files_in_actors__errors_rest_loads),
		cmocka_unit_test(briefing_load_strings__huge_name__cut_with_error),
		cmocka_unit_test(briefing_load__plain_file__sections_and_no_entities),
		cmocka_unit_test(briefing_find_section__many_sections__found_by_search),
		cmocka_unit_test(briefing_load_strings__plain_markdown_h1_sections__title_and_sections),
		cmocka_unit_test(briefing_load_strings__autolink_false__body_flag_off),
		cmocka_unit_test(briefing_load_strings__soft_breaks__one_text_node_attribution_apart),
		cmocka_unit_test(model_slug__punctuation_and_case__github_style),
		cmocka_unit_test(model_valid_id__forms__accepted_and_refused),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
