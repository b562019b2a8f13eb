#include "test_common.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <zlib.h>

#include "load.h"
#include "test_tree.h"
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
	/* Beyond ASCII too, as GitHub lower-cases: "Éire" and "Россия". */
	s = model_slug("\xC3\x89ire and "
	    "\xD0\xA0\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F");
	assert_string_equal(s, "\xC3\xA9ire-and-"
	    "\xD1\x80\xD0\xBE\xD1\x81\xD1\x81\xD0\xB8\xD1\x8F");
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

/* n headings "### Sub" after three others; the work of loading them. */
static struct briefing *
same_headings(int n, struct diag_list *dl, unsigned long *work)
{
	struct briefing *b;
	struct buf md;
	int i;

	buf_init(&md);
	buf_adds(&md, "intro\n\n## Sub\n\n## Sub 1\n\n## Overview\n\n");
	for (i = 0; i < n; i++)
		buf_adds(&md, "### Sub\n\nx\n\n");
	*work = util_work;
	b = briefing_load_strings(md.data, NULL, NULL, NULL, false, dl);
	*work = util_work - *work;
	buf_free(&md);
	return b;
}

/*
 * Thousands of headings with one text: each id must find its "-k"
 * without trying every earlier one (that took minutes at 10,000): the
 * work (ids tried, hash probes) stays a few steps a heading.
 */
static void
briefing_load_strings__many_same_headings__unique_ids_quickly(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	unsigned long w1, w2;

	(void)state;
	diag_list_init(&dl);
	b = same_headings(1500, &dl, &w1);
	briefing_free(b);
	diag_list_free(&dl);
	diag_list_init(&dl);
	b = same_headings(3000, &dl, &w2);
	/* A few hash probes a heading (their number varies with how full
	 * the table is); trying every earlier id would be hundreds. */
	if (w1 > 4 * 1500 || w2 > 4 * 3000)
		fail_msg("work %lu at 1,500 headings, %lu at 3,000", w1, w2);
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
	diag_list_free(&dl);
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
 * A FIFO would block the open, a link to /dev/zero never end, a file of
 * zeros is not text: each is an error and the rest still loads.
 */
static void
briefing_load__special_files_in_actors__errors_rest_loads(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct tree t;
	char *p;
	int fd;

	(void)state;
	tree_new(&t);
	tree_put(&t, "briefing.md", "## One\n\nOk is here.\n");
	tree_dir(&t, "actors");
	tree_put(&t, "actors/ok.md", "---\nname: Ok\nkind: group\n---\nFine.\n");
	tree_fifo(&t, "actors/fifo.md");
	tree_link(&t, "/dev/zero", "actors/zero.md");
	tree_dir(&t, "actors/dir.md");
	p = tree_path(&t, "actors/nul.md");
	assert_true((fd = open(p, O_WRONLY | O_CREAT, 0600)) != -1);
	assert_int_equal(ftruncate(fd, 4096), 0);
	close(fd);
	free(p);

	diag_list_init(&dl);
	b = briefing_load(t.top, &dl);
	assert_non_null(b);
	assert_int_equal(b->nactors, 1);
	assert_string_equal(b->actors[0].id, "ok");
	assert_int_equal(count_msgs(&dl, "cannot read: not a regular file"), 1);
	assert_int_equal(count_msgs(&dl, "cannot read: a symbolic link to an "
	    "absolute path"), 1);
	assert_int_equal(count_msgs(&dl, "cannot read: a directory"), 1);
	assert_int_equal(count_msgs(&dl, "not a text file"), 1);
	assert_int_equal(dl.n, 4);
	briefing_free(b);
	diag_list_free(&dl);
	tree_free(&t);
}

/* Every diagnostic, sorted, as "file-from-top: level: message" lines. */
static char *
diag_lines(const struct diag_list *dl, const char *top)
{
	struct diag_list copy;
	struct buf out;
	size_t i, n = strlen(top);
	char *line;

	diag_list_init(&copy);
	for (i = 0; i < dl->n; i++)
		diag_add(&copy, dl->v[i].level, strncmp(dl->v[i].file, top,
		    n) == 0 ? dl->v[i].file + n + 1 : dl->v[i].file,
		    dl->v[i].line, dl->v[i].col, "%s", dl->v[i].msg);
	diag_sort(&copy);
	buf_init(&out);
	buf_adds(&out, "");
	for (i = 0; i < copy.n; i++) {
		line = diag_format(&copy.v[i]);
		buf_printf(&out, "%s\n", line);
		free(line);
	}
	diag_list_free(&copy);
	return buf_release(&out);
}

/* Events on the watched directory since the watch: opens and reads. */
static size_t
watched_events(int in)
{
	char ev[4096] __attribute__((aligned(8)));
	size_t n = 0;
	ssize_t r;

	while ((r = read(in, ev, sizeof ev)) > 0)
		n += (size_t)r;
	return n;
}

/*
 * A downloaded briefing whose links lead out: to /etc/passwd, to
 * /proc/self/environ, up and out of the directory, and an experts/ that
 * is a link to a directory outside. Each is refused by name, and inotify
 * sees no open of anything in the directory beside it; links that stay
 * inside (briefing.md itself, an actor) are followed.
 */
static void
briefing_load__links_out__refused_named_nothing_read(void **state)
{
	static const char want[] =
	    "b/actors/environ.md: error: cannot read: a symbolic link to an "
	    "absolute path (only relative links that stay inside the briefing "
	    "are followed)\n"
	    "b/actors/fifo.md: error: cannot read: not a regular file\n"
	    "b/actors/loop.md: error: cannot read: Too many levels of "
	    "symbolic links\n"
	    "b/actors/passwd.md: error: cannot read: a symbolic link to an "
	    "absolute path (only relative links that stay inside the briefing "
	    "are followed)\n"
	    "b/actors/secret.md: error: cannot read: a symbolic link that "
	    "leads outside the briefing\n"
	    "b/experts: error: cannot read: a symbolic link that leads "
	    "outside the briefing\n"
	    "b/timeline.md: error: cannot read: a symbolic link that leads "
	    "outside the briefing\n";
	struct diag_list dl;
	struct briefing *b;
	struct tree t;
	char *dir, *got;
	int in;

	(void)state;
	tree_new(&t);
	tree_dir(&t, "outside");
	tree_dir(&t, "outside/experts");
	tree_put(&t, "outside/secret.md",
	    "---\nname: Outsider\nkind: group\n---\nSecret.\n");
	tree_put(&t, "outside/experts/spy.md", "---\nname: Spy\n---\nSpy.\n");
	tree_dir(&t, "b");
	tree_put(&t, "b/article.md", "## One\n\nInsider met Partner.\n");
	tree_link(&t, "article.md", "b/briefing.md");
	tree_link(&t, "../outside/secret.md", "b/timeline.md");
	tree_link(&t, "../outside/experts", "b/experts");
	tree_dir(&t, "b/actors");
	tree_dir(&t, "b/common");
	tree_put(&t, "b/actors/insider.md",
	    "---\nname: Insider\nkind: group\n---\nIn.\n");
	tree_put(&t, "b/common/partner.md",
	    "---\nname: Partner\nkind: group\n---\nShared.\n");
	tree_link(&t, "../common/partner.md", "b/actors/partner.md");
	tree_link(&t, "/etc/passwd", "b/actors/passwd.md");
	tree_link(&t, "/proc/self/environ", "b/actors/environ.md");
	tree_link(&t, "../../outside/secret.md", "b/actors/secret.md");
	tree_link(&t, "loop.md", "b/actors/loop.md");
	tree_fifo(&t, "b/actors/fifo.md");

	dir = tree_path(&t, "outside");
	in = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	assert_true(in >= 0);
	assert_true(inotify_add_watch(in, dir, IN_OPEN | IN_ACCESS) >= 0);
	free(dir);
	dir = tree_path(&t, "b");
	diag_list_init(&dl);
	b = briefing_load(dir, &dl);
	assert_non_null(b);
	assert_int_equal(watched_events(in), 0);
	close(in);
	got = diag_lines(&dl, t.top);
	assert_string_equal(got, want);
	assert_int_equal(b->nactors, 2);
	assert_string_equal(b->actors[0].name, "Insider");
	assert_string_equal(b->actors[1].name, "Partner");
	assert_int_equal(b->nexperts, 0);
	assert_null(b->timeline);
	assert_string_equal(b->sections[0].id, "one");
	free(got);
	free(dir);
	briefing_free(b);
	diag_list_free(&dl);
	tree_free(&t);
}

/* actors/ as a link: inside, it loads; outside, refused; briefing.md too. */
static void
briefing_load__linked_dirs_and_article__inside_only(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct tree t;
	char *dir;

	(void)state;
	tree_new(&t);
	tree_dir(&t, "elsewhere");
	tree_put(&t, "elsewhere/x.md", "---\nname: Far\nkind: group\n---\nX.\n");
	tree_put(&t, "elsewhere/briefing.md", "## Far\n\nx\n");
	tree_dir(&t, "in");
	tree_put(&t, "in/briefing.md", "## One\n\nNear.\n");
	tree_dir(&t, "in/data");
	tree_dir(&t, "in/data/people");
	tree_put(&t, "in/data/people/near.md",
	    "---\nname: Near\nkind: person\n---\nN.\n");
	tree_link(&t, "data/people", "in/actors");
	tree_dir(&t, "out");
	tree_put(&t, "out/briefing.md", "## One\n\nx\n");
	tree_link(&t, "../elsewhere", "out/actors");
	tree_dir(&t, "art");
	tree_link(&t, "../elsewhere/briefing.md", "art/briefing.md");

	diag_list_init(&dl);
	dir = tree_path(&t, "in");
	b = briefing_load(dir, &dl);
	free(dir);
	assert_int_equal(dl.n, 0);
	assert_int_equal(b->nactors, 1);
	assert_string_equal(b->actors[0].name, "Near");
	assert_non_null(strstr(b->actors[0].body.file, "/in/actors/near.md"));
	briefing_free(b);

	dir = tree_path(&t, "out");
	b = briefing_load(dir, &dl);
	assert_int_equal(b->nactors, 0);
	assert_int_equal(dl.n, 1);
	assert_string_equal(dl.v[0].msg, "cannot read: a symbolic link that "
	    "leads outside the briefing");
	assert_non_null(strstr(dl.v[0].file, "/out/actors"));
	briefing_free(b);
	free(dir);

	dir = tree_path(&t, "art");
	assert_null(briefing_load(dir, &dl));
	assert_int_equal(dl.n, 2);
	assert_int_equal(dl.v[1].level, DIAG_FATAL);
	assert_non_null(strstr(dl.v[1].file, "/art/briefing.md"));
	assert_string_equal(dl.v[1].msg, "cannot read: a symbolic link that "
	    "leads outside the briefing");
	free(dir);
	diag_list_free(&dl);
	tree_free(&t);
}

/*
 * As a user who cannot read it (root reads everything, so the load runs
 * in a child as nobody): the real error, not "no briefing.md".
 */
static void
briefing_load__unreadable_dir__permission_error(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct tree t;
	char *dir;
	pid_t pid;
	int status, ok;

	(void)state;
	tree_new(&t);
	assert_int_equal(chmod(t.top, 0755), 0);
	tree_dir(&t, "b");
	tree_put(&t, "b/briefing.md", "## One\n\nx\n");
	dir = tree_path(&t, "b");
	assert_int_equal(chmod(dir, 0), 0);
	assert_true((pid = fork()) >= 0);
	if (pid == 0) {
		if (geteuid() == 0 && (setgid(65534) != 0 ||
		    setuid(65534) != 0))
			_exit(3);
		diag_list_init(&dl);
		b = briefing_load(dir, &dl);
		ok = b == NULL && dl.n == 1 && dl.v[0].level == DIAG_FATAL &&
		    strcmp(dl.v[0].msg, "Permission denied") == 0 &&
		    strcmp(dl.v[0].file, dir) == 0;
		_exit(ok ? 0 : 1);
	}
	assert_int_equal(waitpid(pid, &status, 0), pid);
	assert_true(WIFEXITED(status));
	assert_int_equal(WEXITSTATUS(status), 0);
	chmod(dir, 0755);
	free(dir);
	tree_free(&t);
}

/* Past the budget, nothing loads: a sparse briefing.md says its size. */
static void
briefing_load__over_budget__fatal_unread(void **state)
{
	struct diag_list dl;
	struct tree t;
	char *p;
	int fd;

	(void)state;
	tree_new(&t);
	p = tree_path(&t, "briefing.md");
	assert_true((fd = open(p, O_WRONLY | O_CREAT, 0600)) != -1);
	assert_int_equal(ftruncate(fd, (off_t)LOAD_BUDGET), 0);
	close(fd);
	diag_list_init(&dl);
	assert_null(briefing_load(t.top, &dl));
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_FATAL);
	assert_string_equal(dl.v[0].file, p);
	assert_string_equal(dl.v[0].msg,
	    "too large: a briefing may hold 256 MiB in all");
	free(p);
	diag_list_free(&dl);
	tree_free(&t);
}

/* A descriptor (standard input): plain, gzip'd, or not text at all. */
static void
briefing_load_fd__plain_gzip_binary__loaded_or_refused(void **state)
{
	static const char md[] = "# Hi\n\nIntro.\n\n## Part\n\nText.\n";
	struct diag_list dl;
	struct briefing *b;
	struct tree t;
	gzFile gz;
	char *p;
	int fd;

	(void)state;
	tree_new(&t);
	p = tree_path(&t, "notes.md.gz");
	assert_non_null(gz = gzopen(p, "wb"));
	assert_int_equal(gzputs(gz, md), (int)strlen(md));
	assert_int_equal(gzclose(gz), Z_OK);
	diag_list_init(&dl);
	assert_true((fd = open(p, O_RDONLY)) >= 0);
	b = briefing_load_fd(fd, "-", &dl);
	close(fd);
	assert_non_null(b);
	assert_int_equal(dl.n, 0);
	assert_string_equal(b->title, "Hi");
	assert_string_equal(b->slug, "stdin");
	assert_int_equal(b->nsections, 2);
	assert_string_equal(b->sections[1].id, "part");
	briefing_free(b);
	/* The same file by name, through briefing_load. */
	b = briefing_load(p, &dl);
	assert_non_null(b);
	assert_string_equal(b->slug, "notes");
	briefing_free(b);
	free(p);

	tree_put(&t, "bin", "\x7F" "ELF");
	p = tree_path(&t, "bin");
	/* fputs stops at NUL: append some. */
	assert_true((fd = open(p, O_WRONLY | O_APPEND)) >= 0);
	assert_int_equal(write(fd, "\0\0\0\0", 4), 4);
	close(fd);
	assert_true((fd = open(p, O_RDONLY)) >= 0);
	assert_null(briefing_load_fd(fd, "-", &dl));
	close(fd);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].level, DIAG_FATAL);
	assert_string_equal(dl.v[0].file, "-");
	assert_string_equal(dl.v[0].msg, "not a text file");
	free(p);
	diag_list_free(&dl);
	tree_free(&t);
}

/*
 * The fuzzer's crash: an id over 256 bytes and no front matter made a
 * name from the id, cut it, and looked the cut up in a NULL front
 * matter. Ids are checked first now: bad ones are errors, skipped.
 */
static void
briefing_load_strings__long_or_bad_ids__errors_not_crash(void **state)
{
	char id[301];
	const char *actors[9];
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	memset(id, 'a', 300);
	id[300] = '\0';
	actors[0] = id;
	actors[1] = "No front matter.\n";
	actors[2] = "Bad_Id";
	actors[3] = "---\nname: B\n---\n";
	actors[4] = "../up";
	actors[5] = "x";
	actors[6] = "ok";
	actors[7] = "---\nname: Fine\nkind: group\n---\n";
	actors[8] = NULL;
	diag_list_init(&dl);
	b = briefing_load_strings("x\n", NULL, actors, NULL, false, &dl);
	assert_non_null(b);
	assert_int_equal(b->nactors, 1);
	assert_string_equal(b->actors[0].name, "Fine");
	assert_int_equal(dl.n, 3);
	assert_string_equal(dl.v[0].file, "actors");
	assert_string_equal(dl.v[0].msg,
	    "bad id: longer than 256 bytes; skipped");
	assert_string_equal(dl.v[1].msg, "bad id 'Bad_Id': a file name may "
	    "hold only a-z, 0-9 and '-'; skipped");
	assert_int_equal(dl.v[1].level, DIAG_ERROR);
	assert_string_equal(dl.v[2].msg, "bad id '../up': a file name may "
	    "hold only a-z, 0-9 and '-'; skipped");
	briefing_free(b);
	/* At the limit, no front matter: the name is the id, whole. */
	id[LOAD_MAX_ID] = '\0';
	actors[2] = NULL;
	b = briefing_load_strings("x\n", NULL, actors, NULL, false, &dl);
	assert_int_equal(b->nactors, 1);
	assert_int_equal(strlen(b->actors[0].name), LOAD_MAX_ID);
	briefing_free(b);
	diag_list_free(&dl);
}

/*
 * An alias of blanks or punctuation would make every such character a
 * reference: an error at the alias, not used. One character: a warning.
 */
static void
briefing_load_strings__wordless_aliases__refused_at_alias(void **state)
{
	static const char *const actors[] = {
		"x", "---\nname: Xylo\nkind: group\naliases:\n  - \" \"\n"
		"  - \".\"\n  - Xy\n  - \"\"\n  - \"a\"\n  - \"\xE2\x80\x94\"\n"
		"---\nBody.\n",
		"y", "---\nname: \"...\"\nkind: group\n---\nBody.\n",
		NULL
	};
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("x\n", NULL, actors, NULL, false, &dl);
	assert_int_equal(b->actors[0].aliases.n, 2);
	assert_string_equal(b->actors[0].aliases.v[0], "Xy");
	assert_string_equal(b->actors[0].aliases.v[1], "a");
	assert_string_equal(b->actors[1].name, "y");
	diag_sort(&dl);
	assert_int_equal(dl.n, 7);
	assert_int_equal(dl.v[0].line, 5);
	assert_int_equal(dl.v[0].col, 5);
	assert_string_equal(dl.v[0].msg,
	    "front matter: alias ' ' has no letter or digit; not used");
	assert_int_equal(dl.v[1].line, 6);
	assert_string_equal(dl.v[1].msg,
	    "front matter: alias '.' has no letter or digit; not used");
	assert_int_equal(dl.v[2].line, 8);
	assert_string_equal(dl.v[2].msg,
	    "front matter: alias '' has no letter or digit; not used");
	assert_int_equal(dl.v[3].line, 9);
	assert_int_equal(dl.v[3].level, DIAG_WARNING);
	assert_string_equal(dl.v[3].msg, "front matter: alias 'a' is a single "
	    "character: every 'a' standing alone in the text becomes a "
	    "reference");
	assert_int_equal(dl.v[4].line, 10);
	assert_int_equal(dl.v[4].level, DIAG_ERROR);
	assert_string_equal(dl.v[5].file, "actors/y.md");
	assert_int_equal(dl.v[5].line, 2);
	assert_int_equal(dl.v[5].col, 1);
	assert_string_equal(dl.v[5].msg, "front matter: 'name' has no letter "
	    "or digit; using the id 'y'");
	/* The id that stands in is one character too. */
	assert_int_equal(dl.v[6].level, DIAG_WARNING);
	briefing_free(b);
	diag_list_free(&dl);
}

/*
 * Letters beyond ASCII are letters under any locale (a C locale knows
 * none); dashes and emoji are not.
 */
static void
briefing_load_strings__scripts_in_c_locale__letters_kept(void **state)
{
	static const char *const actors[] = {
		"x", "---\nname: \"\xE6\x9D\xB1\xE4\xBA\xAC\"\nkind: place\n"
		"aliases: [\"\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2\", \"\xE2\x80\x94\", "
		"\"\xF0\x9F\x98\x80\"]\n---\nBody.\n",
		NULL
	};
	struct diag_list dl;
	struct briefing *b;
	char *old = xstrdup(setlocale(LC_ALL, NULL));

	(void)state;
	setlocale(LC_ALL, "C");
	diag_list_init(&dl);
	b = briefing_load_strings("x\n", NULL, actors, NULL, false, &dl);
	setlocale(LC_ALL, old);
	assert_string_equal(b->actors[0].name, "\xE6\x9D\xB1\xE4\xBA\xAC");
	assert_int_equal(b->actors[0].aliases.n, 1);
	assert_string_equal(b->actors[0].aliases.v[0],
	    "\xD0\x9A\xD0\xB8\xD1\x97\xD0\xB2");
	assert_int_equal(dl.n, 2);
	assert_int_equal(count_msgs(&dl, "has no letter or digit"), 2);
	briefing_free(b);
	diag_list_free(&dl);
	free(old);
}

/* CR-only and CRLF files: front matter found, lines counted as cmark does. */
static void
briefing_load_strings__cr_and_crlf_front_matter__read(void **state)
{
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("---\rtitle: Old Mac\rdate: 2024-13-01\r"
	    "---\r\r## One\r\rText.\r", NULL, NULL, NULL, false, &dl);
	assert_string_equal(b->title, "Old Mac");
	assert_int_equal(b->nsections, 1);
	assert_int_equal(b->sections[0].line, 6);
	assert_int_equal(dl.n, 1);
	assert_int_equal(dl.v[0].line, 3);
	briefing_free(b);
	b = briefing_load_strings("---\r\ntitle: Windows\r\n---\r\n\r\n"
	    "## One\r\n\r\nText.\r\n", NULL, NULL, NULL, false, &dl);
	assert_string_equal(b->title, "Windows");
	assert_int_equal(b->sections[0].line, 5);
	assert_int_equal(dl.n, 1);
	briefing_free(b);
	diag_list_free(&dl);
}

/* Latin-1 text in a UTF-8 briefing: an error per line, still shown. */
static void
briefing_load_strings__invalid_utf8__error_at_line_and_column(void **state)
{
	struct diag_list dl;
	struct briefing *b;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load_strings("## Caf\xE9\n\nNa\xEFve text.\n", NULL, NULL,
	    NULL, false, &dl);
	assert_non_null(b);
	assert_int_equal(dl.n, 2);
	assert_int_equal(dl.v[0].line, 1);
	assert_int_equal(dl.v[0].col, 7);
	assert_int_equal(dl.v[1].line, 3);
	assert_int_equal(dl.v[1].col, 3);
	assert_string_equal(dl.v[1].msg, "invalid UTF-8 (shown as U+FFFD)");
	assert_string_equal(b->sections[0].title, "Caf\xEF\xBF\xBD");
	briefing_free(b);
	/* Mostly invalid: not text, nothing loaded. */
	assert_null(briefing_load_strings("\xFF\xFE\xFD\xFC", NULL, NULL, NULL,
	    true, &dl));
	assert_string_equal(dl.v[2].msg, "not a text file");
	assert_int_equal(dl.v[2].level, DIAG_FATAL);
	diag_list_free(&dl);
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

/*
 * Every section: link looks its id up: among 50,000 sections, by search
 * (some 17 steps a lookup), not by a scan.
 */
static void
briefing_find_section__many_sections__found_by_search(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct buf md;
	unsigned long w0;
	char id[32];
	int i;

	(void)state;
	diag_list_init(&dl);
	buf_init(&md);
	for (i = 0; i < 50000; i++)
		buf_printf(&md, "## S%d\n\nx\n\n", 49999 - i);
	b = briefing_load_strings(md.data, NULL, NULL, NULL, false, &dl);
	assert_int_equal(b->nsections, 50000);
	w0 = util_work;
	for (i = 0; i < 50000; i++) {
		snprintf(id, sizeof id, "s%d", i);
		assert_int_equal(briefing_find_section(b, id), 49999 - i);
	}
	assert_int_equal(briefing_find_section(b, "s50000"), MODEL_NONE);
	assert_int_equal(briefing_find_section(b, ""), MODEL_NONE);
	assert_true(util_work - w0 <= 20 * 50002);
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
		cmocka_unit_test(
		    briefing_load__links_out__refused_named_nothing_read),
		cmocka_unit_test(
		    briefing_load__linked_dirs_and_article__inside_only),
		cmocka_unit_test(
		    briefing_load__unreadable_dir__permission_error),
		cmocka_unit_test(briefing_load__over_budget__fatal_unread),
		cmocka_unit_test(
		    briefing_load_fd__plain_gzip_binary__loaded_or_refused),
		cmocka_unit_test(
		    briefing_load_strings__long_or_bad_ids__errors_not_crash),
		cmocka_unit_test(
		    briefing_load_strings__wordless_aliases__refused_at_alias),
		cmocka_unit_test(
		    briefing_load_strings__scripts_in_c_locale__letters_kept),
		cmocka_unit_test(
		    briefing_load_strings__cr_and_crlf_front_matter__read),
		cmocka_unit_test(
		    briefing_load_strings__invalid_utf8__error_at_line_and_column),
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
