/*
 * xref: explicit links of each kind, unknown ids, implicit mentions with
 * their file positions, none in headings or emphasis, autolink: false, no
 * self-mentions, quotes and their attribution, expert numbering,
 * backlinks, `related` and the per-unit ranges (snippets: test_snippet.c). Models come from briefing_load_strings(), or from
 * the fixture briefing under tests/fixtures/xref/.
 */
#include "test_common.h"

#include <string.h>

#include "load.h"
#include "utf8.h"
#include "util.h"
#include "xref.h"
#include "xref_fx.h"

static size_t
actor(const struct fx *f, const char *id)
{
	size_t i = briefing_find_actor(f->b, id);

	assert_int_not_equal(i, MODEL_NONE);
	return i;
}

static size_t
expert(const struct fx *f, const char *id)
{
	size_t i = briefing_find_expert(f->b, id);

	assert_int_not_equal(i, MODEL_NONE);
	return i;
}

/* The text a mention covers: the literal's slice, or the link's URL id. */
static char *
mention_text(const struct mention *m)
{
	if (m->explicit_link)
		return xstrdup(cmark_node_get_url(m->node));
	return xstrndup(cmark_node_get_literal(m->node) + m->start,
	    m->end - m->start);
}

static void
assert_mention(const struct mention *m, enum ref_kind kind, size_t index,
    const char *text, int line, int col)
{
	char *got = mention_text(m);

	assert_int_equal(m->target.kind, kind);
	assert_int_equal(m->target.index, index);
	assert_string_equal(got, text);
	assert_int_equal(m->line, line);
	assert_int_equal(m->col, col);
	free(got);
}

static void
assert_diag(const struct diag *d, enum diag_level level, const char *file,
    int line, int col, const char *msg)
{
	assert_int_equal(d->level, level);
	assert_string_equal(d->file, file);
	assert_int_equal(d->line, line);
	assert_int_equal(d->col, col);
	assert_string_equal(d->msg, msg);
}

static void
xref_build__actor_and_expert_links__explicit_mentions_at_link(void **state)
{
	const char *md =
	    "Intro.\n"					/* 1 */
	    "\n"					/* 2 */
	    "See [the regime](actor:russia) and\n"	/* 3 */
	    "then [our analyst](expert:katz).\n";	/* 4 */
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 2);
	assert_mention(&m[0], REF_ACTOR, actor(&f, "russia"), "actor:russia",
	    3, 5);
	assert_mention(&m[1], REF_EXPERT, expert(&f, "katz"), "expert:katz",
	    4, 6);
	assert_true(m[0].explicit_link);
	assert_int_equal(cmark_node_get_type(m[0].node), CMARK_NODE_LINK);
	assert_int_equal(m[0].start, 0);
	assert_int_equal(m[0].end, 0);
	assert_int_equal(m[0].quote, XREF_NONE);
	assert_int_equal(f.dl.n, 0);
	fx_free(&f);
}

static void
xref_build__section_link__recorded_in_unit_not_in_entities(void **state)
{
	const char *md =
	    "Read [the options](section:moscows-options) first.\n"	/* 1 */
	    "\n"
	    "## Moscow's options\n"					/* 3 */
	    "\n"
	    "Back to [the start](section:overview).\n";			/* 5 */
	const struct unit_ref s1 = { UNIT_SECTION, 1 };
	const struct mention *m;
	struct fx f;
	size_t n, i;

	(void)state;
	fx_load(&f, md, NULL, NULL, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 1);
	assert_mention(&m[0], REF_SECTION, 1, "section:moscows-options", 1, 6);
	m = xref_unit_mentions(f.x, s1, &n);
	assert_int_equal(n, 1);
	assert_mention(&m[0], REF_SECTION, 0, "section:overview", 5, 9);
	assert_int_equal(m[0].unit.kind, UNIT_SECTION);
	assert_int_equal(m[0].unit.index, 1);
	for (i = 0; i < f.b->nactors; i++)
		assert_int_equal(f.x->actors[i].mentions.n, 0);
	assert_int_equal(f.dl.n, 0);
	fx_free(&f);
}

static void
xref_build__unknown_ids_in_links__errors_at_link_no_mention(void **state)
{
	const char *md =
	    "Intro.\n"						/* 1 */
	    "\n"						/* 2 */
	    "A [ghost](actor:nobody) and [who](expert:anon).\n"	/* 3 */
	    "Then [where](section:nowhere).\n";			/* 4 */
	size_t n;
	struct fx f;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	assert_int_equal(f.dl.n, 3);
	assert_diag(&f.dl.v[0], DIAG_ERROR, "briefing.md", 3, 3,
	    "unknown actor 'nobody'");
	assert_diag(&f.dl.v[1], DIAG_ERROR, "briefing.md", 3, 29,
	    "unknown expert 'anon'");
	assert_diag(&f.dl.v[2], DIAG_ERROR, "briefing.md", 4, 6,
	    "unknown section 'nowhere'");
	xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 0);
	fx_free(&f);
}

static void
xref_build__unknown_id_in_profile__error_names_profile_file(void **state)
{
	const char *const actors[] = {
		"russia",
		"---\nname: Russia\nkind: state\n---\n\nAllied with "
		"[Narnia](actor:narnia).\n",
		NULL
	};
	struct fx f;

	(void)state;
	fx_load(&f, "Text.\n", NULL, actors, NULL);
	assert_int_equal(f.dl.n, 1);
	assert_diag(&f.dl.v[0], DIAG_ERROR, "actors/russia.md", 6, 13,
	    "unknown actor 'narnia'");
	fx_free(&f);
}

static void
xref_build__names_in_plain_text__implicit_mentions_line_col(void **state)
{
	const char *md =
	    "Intro.\n"						/* 1 */
	    "\n"						/* 2 */
	    "## Talks\n"					/* 3 */
	    "\n"						/* 4 */
	    "In Doha, Russia met\n"				/* 5 */
	    "the Taliban while Katz watched.\n";		/* 6 */
	const struct unit_ref s1 = { UNIT_SECTION, 1 };
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, s1, &n);
	assert_int_equal(n, 3);
	assert_mention(&m[0], REF_ACTOR, actor(&f, "russia"), "Russia", 5, 10);
	assert_mention(&m[1], REF_ACTOR, actor(&f, "taliban"), "Taliban", 6, 5);
	assert_mention(&m[2], REF_EXPERT, expert(&f, "katz"), "Katz", 6, 19);
	assert_false(m[0].explicit_link);
	assert_int_equal(cmark_node_get_type(m[0].node), CMARK_NODE_TEXT);
	assert_int_equal(m[0].start, 9);
	assert_int_equal(m[0].end, 15);
	fx_free(&f);
}

static void
xref_build__names_in_list_and_quote__columns_past_markers(void **state)
{
	const char *md =
	    "- first Russia\n"					/* 1 */
	    "  then Moscow\n"					/* 2 */
	    "\n"						/* 3 */
	    "> quoted ISIS\n"					/* 4 */
	    "> and ISIS-K\n";					/* 5 */
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 4);
	assert_mention(&m[0], REF_ACTOR, actor(&f, "russia"), "Russia", 1, 9);
	assert_mention(&m[1], REF_ACTOR, actor(&f, "russia"), "Moscow", 2, 8);
	assert_mention(&m[2], REF_ACTOR, actor(&f, "islamic-state"), "ISIS",
	    4, 10);
	assert_mention(&m[3], REF_ACTOR, actor(&f, "isis-k"), "ISIS-K", 5, 7);
	/* No expert: link in the blockquote, so it is not a quote. */
	assert_int_equal(m[2].quote, XREF_NONE);
	assert_int_equal(f.x->nquotes, 0);
	fx_free(&f);
}

static void
xref_build__name_wrapped_over_two_lines__one_mention_at_its_start(void **state)
{
	const char *md =
	    "Then the Islamic\n"				/* 1 */
	    "State-Khorasan struck,\n"				/* 2 */
	    "and Moscow answered.\n";				/* 3 */
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].target.index, actor(&f, "isis-k"));
	assert_int_equal(m[0].line, 1);
	assert_int_equal(m[0].col, 10);
	/* Past a joined soft break, lines and columns are the file's. */
	assert_mention(&m[1], REF_ACTOR, actor(&f, "russia"), "Moscow", 3, 5);
	fx_free(&f);
}

static void
xref_build__longest_name_and_possessive__one_mention_each(void **state)
{
	const char *md =
	    "The Islamic State-Khorasan hit Moscow’s hall;"
	    " the Kremlin blamed Kyiv. The Kremlin spoke.\n";
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 4);
	assert_mention(&m[0], REF_ACTOR, actor(&f, "isis-k"),
	    "Islamic State-Khorasan", 1, 5);
	assert_mention(&m[1], REF_ACTOR, actor(&f, "russia"), "Moscow", 1, 32);
	/* Columns count bytes, as cmark's do: ’ is three. */
	assert_mention(&m[2], REF_ACTOR, actor(&f, "russia"), "the Kremlin",
	    1, 49);
	assert_mention(&m[3], REF_ACTOR, actor(&f, "russia"), "The Kremlin",
	    1, 74);
	assert_int_equal(f.x->actors[actor(&f, "islamic-state")].mentions.n, 1);
	fx_free(&f);
}

static void
xref_build__names_in_links_and_code__not_implicit(void **state)
{
	const char *md =
	    "[Russia's war](https://example.org/Russia), `Russia`,"
	    " ![Russia](map.png) and [the Taliban](actor:taliban).\n";
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 1);
	assert_true(m[0].explicit_link);
	assert_int_equal(m[0].target.index, actor(&f, "taliban"));
	fx_free(&f);
}

/*
 * Titles of works are set in italics ("After the Caliphate: The Islamic
 * State & ..."), and headings name topics: no names are sought in either,
 * nor in strong emphasis; explicit links there still count.
 */
static void
xref_build__names_in_heading_and_emphasis__not_implicit(void **state)
{
	const char *md =
	    "#### Russia and the Taliban\n"			/* 1 */
	    "\n"						/* 2 */
	    "He wrote *After the Caliphate: The Islamic State & the\n"	/* 3 */
	    "Future*, **Russia first**, and *[Katz](expert:katz)*; then\n"	/* 4 */
	    "Moscow.\n";					/* 5 */
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 2);
	assert_mention(&m[0], REF_EXPERT, expert(&f, "katz"), "expert:katz",
	    4, 33);
	assert_true(m[0].explicit_link);
	/* After the emphasis closes, names count again. */
	assert_mention(&m[1], REF_ACTOR, actor(&f, "russia"), "Moscow", 5, 1);
	assert_int_equal(f.x->actors[actor(&f, "islamic-state")].mentions.n,
	    1);	/* isis-k's profile only */
	fx_free(&f);
}

static void
xref_build__autolink_false__only_explicit_links(void **state)
{
	const char *md =
	    "---\n"
	    "title: T\n"
	    "autolink: false\n"
	    "---\n"
	    "Russia and [the Taliban](actor:taliban) and Katz.\n";
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 1);
	assert_mention(&m[0], REF_ACTOR, actor(&f, "taliban"), "actor:taliban",
	    5, 12);
	/* Other files keep their implicit mentions. */
	assert_int_equal(f.x->experts[expert(&f, "katz")].mentions.n, 0);
	assert_true(f.x->actors[actor(&f, "russia")].mentions.n > 0);
	fx_free(&f);
}

static void
xref_build__own_name_in_own_profile__no_implicit_mention(void **state)
{
	struct unit_ref ua = { UNIT_ACTOR, 0 }, ue = { UNIT_EXPERT, 0 };
	const struct mention *m;
	struct fx f;
	size_t n, i;

	(void)state;
	fx_load(&f, "Text.\n", EXPERTS, ACTORS, NULL);
	/* isis-k's profile: its own names twice, then the Islamic State. */
	ua.index = actor(&f, "isis-k");
	m = xref_unit_mentions(f.x, ua, &n);
	assert_int_equal(n, 1);
	assert_mention(&m[0], REF_ACTOR, actor(&f, "islamic-state"),
	    "Islamic State", 6, 55);
	/* clarke's profile: "Clarke" is skipped, the explicit link kept. */
	ue.index = expert(&f, "clarke");
	m = xref_unit_mentions(f.x, ue, &n);
	assert_int_equal(n, 2);
	assert_mention(&m[0], REF_ACTOR, actor(&f, "isis-k"), "ISIS-K", 5, 16);
	assert_mention(&m[1], REF_EXPERT, expert(&f, "clarke"),
	    "expert:clarke", 5, 24);
	for (i = 0; i < f.x->nmentions; i++)
		if (f.x->mentions[i].unit.kind == UNIT_ACTOR &&
		    !f.x->mentions[i].explicit_link)
			assert_int_not_equal(f.x->mentions[i].target.index,
			    f.x->mentions[i].unit.index);
	fx_free(&f);
}

static void
xref_build__quote_with_attribution__text_leaves_attribution_out(void **state)
{
	const char *md =
	    "Intro Russia.\n"					/* 1 */
	    "\n"						/* 2 */
	    "> \"Moscow will act,\" he said.\n"			/* 3 */
	    "> It will act *soon*.\n"				/* 4 */
	    ">\n"						/* 5 */
	    "> A second paragraph.\\\n"				/* 6 */
	    "> After a hard break.\n"				/* 7 */
	    ">\n"						/* 8 */
	    "> — [Mark Katz](expert:katz), 2024\n";		/* 9 */
	const struct quote *q;
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	assert_int_equal(f.x->nquotes, 1);
	q = &f.x->quotes[0];
	assert_int_equal(q->expert, expert(&f, "katz"));
	assert_int_equal(q->line, 3);
	assert_int_equal(q->unit.kind, UNIT_SECTION);
	assert_int_equal(cmark_node_get_type(q->node), CMARK_NODE_BLOCK_QUOTE);
	assert_string_equal(q->text,
	    "\"Moscow will act,\" he said. It will act soon.\n\n"
	    "A second paragraph.\nAfter a hard break.");
	/* Mentions inside point at the quote; the one before does not. */
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 3);
	assert_int_equal(m[0].quote, XREF_NONE);
	assert_mention(&m[1], REF_ACTOR, actor(&f, "russia"), "Moscow", 3, 4);
	assert_int_equal(m[1].quote, 0);
	assert_mention(&m[2], REF_EXPERT, expert(&f, "katz"), "expert:katz",
	    9, 7);
	assert_int_equal(m[2].quote, 0);
	assert_int_equal(f.x->experts[expert(&f, "katz")].quotes.n, 1);
	assert_int_equal(f.x->experts[expert(&f, "katz")].quotes.v[0], 0);
	fx_free(&f);
}

static void
xref_build__attribution_dash_forms__all_left_out(void **state)
{
	const char *md =
	    "> One.\n>\n> -- [Katz](expert:katz)\n\n"
	    "> Two.\n>\n> – [Katz](expert:katz)\n\n"
	    "> Three.\n>\n> — [Katz](expert:katz)\n\n"
	    "> Four, says [Katz](expert:katz).\n";
	struct fx f;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	assert_int_equal(f.x->nquotes, 4);
	assert_string_equal(f.x->quotes[0].text, "One.");
	assert_string_equal(f.x->quotes[1].text, "Two.");
	assert_string_equal(f.x->quotes[2].text, "Three.");
	/* No attribution paragraph: the expert is named in the text. */
	assert_string_equal(f.x->quotes[3].text, "Four, says Katz.");
	fx_free(&f);
}

static void
xref_build__quote_names_two_experts__first_link_is_the_expert(void **state)
{
	const char *md =
	    "> As [Clarke](expert:clarke) put it, it is bad.\n"
	    ">\n"
	    "> — [Mark Katz](expert:katz)\n";
	struct fx f;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, NULL);
	assert_int_equal(f.x->nquotes, 1);
	assert_int_equal(f.x->quotes[0].expert, expert(&f, "clarke"));
	assert_int_equal(f.x->experts[expert(&f, "katz")].quotes.n, 0);
	assert_int_equal(f.x->experts[expert(&f, "katz")].mentions.n, 1);
	fx_free(&f);
}

static void
xref_build__deeply_nested_quote__one_quote_no_recursion(void **state)
{
	enum { DEPTH = 20000 };
	const struct mention *m;
	struct buf md;
	struct fx f;
	size_t i, n;

	(void)state;
	buf_init(&md);
	for (i = 0; i < DEPTH; i++)
		buf_adds(&md, "> ");
	buf_adds(&md, "Deep Russia. — [Katz](expert:katz)\n");
	fx_load(&f, md.data, EXPERTS, ACTORS, NULL);
	assert_int_equal(f.x->nquotes, 1);
	assert_int_equal(f.x->quotes[0].expert, expert(&f, "katz"));
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 2);
	assert_int_equal(m[0].quote, 0);
	assert_int_equal(m[1].quote, 0);
	buf_free(&md);
	fx_free(&f);
}

static void
xref_build__experts_numbered__by_first_quote_sections_first(void **state)
{
	const char *const experts[] = {
		"clarke", "---\nname: Colin P. Clarke\n---\nAn analyst.\n",
		"daudzai", "---\nname: Ahmad Sayer Daudzai\n---\nA diplomat.\n",
		"katz", "---\nname: Mark Katz\n---\n"
		    "> Quoted in his own profile.\n>\n> — [Katz](expert:katz)\n",
		"mikovic", "---\nname: Nikola Mikovic\n---\nNever quoted.\n",
		NULL
	};
	const char *md =
	    "Intro.\n\n"
	    "## One\n\n"
	    "> Said once.\n>\n> — [Daudzai](expert:daudzai)\n\n"
	    "## Two\n\n"
	    "> Said twice.\n>\n> — [Daudzai](expert:daudzai)\n\n"
	    "> Said by him.\n>\n> — [Clarke](expert:clarke)\n";
	struct fx f;

	(void)state;
	fx_load(&f, md, experts, NULL, NULL);
	assert_int_equal(f.x->nquotes, 4);
	assert_int_equal(f.x->nnumbered, 3);
	assert_int_equal(f.x->numbered[0], expert(&f, "daudzai"));
	assert_int_equal(f.x->numbered[1], expert(&f, "clarke"));
	/* Quoted only outside the sections: numbered after them. */
	assert_int_equal(f.x->numbered[2], expert(&f, "katz"));
	assert_int_equal(f.x->experts[expert(&f, "daudzai")].number, 1);
	assert_int_equal(f.x->experts[expert(&f, "clarke")].number, 2);
	assert_int_equal(f.x->experts[expert(&f, "katz")].number, 3);
	assert_int_equal(f.x->experts[expert(&f, "mikovic")].number, 0);
	assert_int_equal(f.x->experts[expert(&f, "daudzai")].quotes.n, 2);
	assert_int_equal(f.x->quotes[f.x->experts[expert(&f,
	    "daudzai")].quotes.v[1]].line, 11);
	fx_free(&f);
}

static void
xref_build__profiles_name_actors__backlinks_once_sorted(void **state)
{
	struct fx f;
	const struct idlist *bl;

	(void)state;
	fx_load(&f, "Text.\n", EXPERTS, ACTORS, NULL);
	/* russia's profile names the Taliban and ISIS-K; taliban's names
	 * Moscow and ISIS-K; isis-k's names the Islamic State. */
	bl = &f.x->actors[actor(&f, "isis-k")].backlinks;
	assert_int_equal(bl->n, 2);
	assert_int_equal(bl->v[0], actor(&f, "russia"));
	assert_int_equal(bl->v[1], actor(&f, "taliban"));
	bl = &f.x->actors[actor(&f, "russia")].backlinks;
	assert_int_equal(bl->n, 1);
	assert_int_equal(bl->v[0], actor(&f, "taliban"));
	bl = &f.x->actors[actor(&f, "islamic-state")].backlinks;
	assert_int_equal(bl->n, 1);
	assert_int_equal(bl->v[0], actor(&f, "isis-k"));
	/* katz's profile names Russia too, but it is no actor's profile. */
	assert_int_equal(f.x->actors[actor(&f, "russia")].mentions.n, 2);
	fx_free(&f);
}

static void
xref_build__related_unknown_actor__error_at_relation(void **state)
{
	const char *const actors[] = {
		"russia",
		"---\n"			/* 1 */
		"name: Russia\n"	/* 2 */
		"kind: state\n"		/* 3 */
		"related:\n"		/* 4 */
		"  taliban: courts\n"	/* 5 */
		"  narnia: rival\n"	/* 6 */
		"---\n"
		"Text.\n",
		"taliban", "---\nname: Taliban\nkind: group\n---\nText.\n",
		NULL
	};
	struct fx f;

	(void)state;
	fx_load(&f, "Text.\n", NULL, actors, NULL);
	assert_int_equal(f.dl.n, 1);
	assert_diag(&f.dl.v[0], DIAG_ERROR, "actors/russia.md", 6, 3,
	    "unknown actor 'narnia' in related");
	fx_free(&f);
}

static void
xref_build__entity_mentions__every_unit_in_document_order(void **state)
{
	const char *md =
	    "Russia first.\n\n"
	    "## Later\n\n"
	    "Moscow again.\n";
	const char *timeline = "# Dates\n\n- 2024: the Kremlin spoke.\n";
	const struct idlist *l;
	const struct mention *m;
	struct fx f;
	size_t i;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, timeline);
	l = &f.x->actors[actor(&f, "russia")].mentions;
	/* Two sections, the timeline, katz's profile, taliban's profile:
	 * the units in slot order. */
	assert_int_equal(l->n, 5);
	for (i = 0; i < l->n; i++) {
		m = &f.x->mentions[l->v[i]];
		assert_int_equal(m->target.kind, REF_ACTOR);
		assert_int_equal(m->target.index, actor(&f, "russia"));
		if (i > 0)
			assert_true(l->v[i] > l->v[i - 1]);
	}
	assert_int_equal(f.x->mentions[l->v[0]].unit.kind, UNIT_SECTION);
	assert_int_equal(f.x->mentions[l->v[1]].unit.index, 1);
	assert_int_equal(f.x->mentions[l->v[2]].unit.kind, UNIT_TIMELINE);
	assert_int_equal(f.x->mentions[l->v[2]].line, 3);
	assert_int_equal(f.x->mentions[l->v[2]].col, 9);
	assert_int_equal(f.x->mentions[l->v[3]].unit.kind, UNIT_EXPERT);
	assert_int_equal(f.x->mentions[l->v[4]].unit.kind, UNIT_ACTOR);
	fx_free(&f);
}

static void
xref_unit_mentions__every_unit__slices_cover_all_in_order(void **state)
{
	const char *md = "Russia.\n\n## Two\n\nNothing.\n\n## Three\n\nISIS.\n";
	const struct mention *m;
	struct unit_ref u;
	struct fx f;
	size_t n, i, total = 0, slot;

	(void)state;
	fx_load(&f, md, EXPERTS, ACTORS, "- Moscow.\n");
	for (slot = 0; slot < briefing_nslots(f.b); slot++) {
		u = briefing_slot_unit(f.b, slot);
		m = xref_unit_mentions(f.x, u, &n);
		assert_int_equal(xref_unit_first(f.x, u), total);
		for (i = 0; i < n; i++) {
			assert_ptr_equal(&m[i], &f.x->mentions[total + i]);
			assert_int_equal(m[i].unit.kind, u.kind);
			assert_int_equal(m[i].unit.index, u.index);
		}
		total += n;
	}
	assert_int_equal(total, f.x->nmentions);
	/* The section with no name in it has an empty slice. */
	u.kind = UNIT_SECTION;
	u.index = 1;
	assert_null(xref_unit_mentions(f.x, u, &n));
	assert_int_equal(n, 0);
	fx_free(&f);
}

static void
xref_unit_first__unit_out_of_range__none(void **state)
{
	struct unit_ref u = { UNIT_ACTOR, 99 };
	struct fx f;
	size_t n = 7;

	(void)state;
	fx_load(&f, "Russia.\n", EXPERTS, ACTORS, NULL);
	assert_int_equal(xref_unit_first(f.x, u), XREF_NONE);
	assert_null(xref_unit_mentions(f.x, u, &n));
	assert_int_equal(n, 0);
	/* No timeline: no such unit. */
	u.kind = UNIT_TIMELINE;
	u.index = 0;
	assert_int_equal(xref_unit_first(f.x, u), XREF_NONE);
	assert_null(xref_unit_mentions(f.x, u, &n));
	assert_int_equal(n, 0);
	fx_free(&f);
	xref_free(NULL);
}

static void
xref_build__name_shared_with_alias__name_owner_wins(void **state)
{
	const char *const actors[] = {
		"afghanistan", "---\nname: Afghanistan\nkind: state\n"
		    "aliases: [Kabul]\n---\nText.\n",
		"kabul", "---\nname: Kabul\nkind: place\n---\nText.\n",
		NULL
	};
	const struct mention *m;
	struct fx f;
	size_t n;

	(void)state;
	fx_load(&f, "In Kabul and Afghanistan.\n", NULL, actors, NULL);
	m = xref_unit_mentions(f.x, SECTION0, &n);
	assert_int_equal(n, 2);
	assert_mention(&m[0], REF_ACTOR, actor(&f, "kabul"), "Kabul", 1, 4);
	assert_mention(&m[1], REF_ACTOR, actor(&f, "afghanistan"),
	    "Afghanistan", 1, 14);
	fx_free(&f);
}

static void
xref_build__fixture_briefing__mentions_quotes_numbers(void **state)
{
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	size_t iran, tehran, vaezi, rezaei;

	(void)state;
	diag_list_init(&dl);
	b = briefing_load(fixture("xref/mini"), &dl);
	assert_non_null(b);
	assert_int_equal(dl.n, 0);
	x = xref_build(b, &dl);
	iran = briefing_find_actor(b, "iran");
	tehran = briefing_find_actor(b, "tehran");
	vaezi = briefing_find_expert(b, "vaezi");
	rezaei = briefing_find_expert(b, "rezaei");
	assert_int_not_equal(iran, MODEL_NONE);
	assert_int_not_equal(tehran, MODEL_NONE);

	/* One bad link in the article and one bad `related` entry. */
	assert_int_equal(dl.n, 2);
	diag_sort(&dl);
	assert_diag(&dl.v[0], DIAG_ERROR, fixture("xref/mini/actors/iran.md"),
	    6, 3, "unknown actor 'persia' in related");
	assert_diag(&dl.v[1], DIAG_ERROR, fixture("xref/mini/briefing.md"),
	    13, 37, "unknown expert 'nobody'");

	/* "Iranian" is no mention of Iran; "Tehran’s" is one of Tehran. */
	assert_int_equal(x->actors[iran].mentions.n, 4);
	assert_int_equal(x->actors[tehran].mentions.n, 3);
	assert_int_equal(x->actors[tehran].backlinks.n, 1);
	assert_int_equal(x->actors[tehran].backlinks.v[0], iran);
	assert_int_equal(x->nnumbered, 2);
	assert_int_equal(x->numbered[0], rezaei);
	assert_int_equal(x->numbered[1], vaezi);
	assert_string_equal(x->quotes[0].text,
	    "Tehran’s patience is not endless.");
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
}

/* An alias of 100 KB is not turned into 100 KB of trie (or sought). */
static void
xref_build__huge_alias__skipped_with_warning(void **state)
{
	struct buf huge;
	const char *actors[3];
	struct fx f;
	size_t a;
	int i;

	(void)state;
	buf_init(&huge);
	buf_adds(&huge, "---\nname: Shorty\nkind: group\naliases: [\"");
	for (i = 0; i < 100000; i++)
		buf_addc(&huge, 'x');
	buf_adds(&huge, "\"]\n---\nProfile.\n");
	actors[0] = "big";
	actors[1] = huge.data;
	actors[2] = NULL;
	fx_load(&f, "## One\n\nShorty met xxxxxxxx.\n", NULL, actors, NULL);
	a = actor(&f, "big");
	assert_int_equal(f.dl.n, 1);
	assert_diag(&f.dl.v[0], DIAG_WARNING, "actors/big.md", 1, 1,
	    "actor 'big': a name or alias longer than 256 bytes is not "
	    "looked for in the text");
	/* The name still works. */
	assert_int_equal(f.x->actors[a].mentions.n, 1);
	assert_mention(&f.x->mentions[f.x->actors[a].mentions.v[0]],
	    REF_ACTOR, a, "Shorty", 3, 1);
	fx_free(&f);
	buf_free(&huge);
}

/* One paragraph of n soft-broken lines, a name on every 20th. */
static unsigned long
name_lines_work(struct fx *f, int n)
{
	struct buf md;
	unsigned long w;
	int i;

	buf_init(&md);
	buf_adds(&md, "## One\n\n");
	for (i = 0; i < n; i++)
		buf_adds(&md, i % 20 == 19 ? "the Taliban\n" : "words\n");
	w = util_work;
	fx_load(f, md.data, NULL, ACTORS, NULL);
	w = util_work - w;
	buf_free(&md);
	return w;
}

/*
 * One paragraph of 200,000 soft-broken lines, a name on every 20th (the
 * most one paragraph keeps, XREF_MAX_BLOCK_MENTIONS): every mention's
 * line is found by search, not by a scan of the lines before it (that
 * was quadratic: some 20 s here). The work at most doubles from 100,000
 * lines to 200,000.
 */
static void
xref_build__name_on_each_of_many_lines__positions_quickly(void **state)
{
	struct fx f;
	unsigned long w1, w2;
	size_t t, n;

	(void)state;
	w1 = name_lines_work(&f, 100000);
	fx_free(&f);
	w2 = name_lines_work(&f, 200000);
	if ((double)w2 > 2.2 * (double)w1)
		fail_msg("work %lu at 100,000 lines, %lu at 200,000", w1, w2);
	t = actor(&f, "taliban");
	n = f.x->actors[t].mentions.n;
	/* And once in Russia's profile, after the section. */
	assert_int_equal(n, XREF_MAX_BLOCK_MENTIONS + 1);
	assert_int_equal(f.x->dropped, 0);
	assert_mention(&f.x->mentions[f.x->actors[t].mentions.v[0]],
	    REF_ACTOR, t, "Taliban", 22, 5);
	assert_mention(&f.x->mentions[f.x->actors[t].mentions.v[9999]],
	    REF_ACTOR, t, "Taliban", 200002, 5);
	fx_free(&f);
}

/*
 * 25 mentions of one actor in a paragraph: the first ten get a snippet,
 * the rest none (a snippet each cost gigabytes at 20 MB); another
 * target in the same paragraph and the next paragraph count afresh.
 */
static void
xref_build__many_mentions_in_one_paragraph__first_snippets_only(void **state)
{
	const struct xref_entity *e;
	struct buf md;
	struct fx f;
	size_t t, r, k;
	int i;

	(void)state;
	buf_init(&md);
	buf_adds(&md, "## One\n\n");
	for (i = 0; i < 25; i++)
		buf_adds(&md, "Taliban ");
	buf_adds(&md, "Russia.\n\nThe Taliban again.\n");
	fx_load(&f, md.data, NULL, ACTORS, NULL);
	t = actor(&f, "taliban");
	r = actor(&f, "russia");
	e = &f.x->actors[t];
	assert_true(e->mentions.n >= 26);
	for (k = 0; k < 26; k++) {
		if (k < XREF_SNIPPETS_PER_BLOCK || k == 25)
			assert_non_null(
			    f.x->mentions[e->mentions.v[k]].snippet);
		else
			assert_null(f.x->mentions[e->mentions.v[k]].snippet);
	}
	assert_non_null(strstr(f.x->mentions[e->mentions.v[25]].snippet,
	    "The Taliban again."));
	e = &f.x->actors[r];
	assert_non_null(f.x->mentions[e->mentions.v[0]].snippet);
	fx_free(&f);
	buf_free(&md);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(xref_build__actor_and_expert_links__explicit_mentions_at_link),
		cmocka_unit_test(xref_build__section_link__recorded_in_unit_not_in_entities),
		cmocka_unit_test(xref_build__unknown_ids_in_links__errors_at_link_no_mention),
		cmocka_unit_test(xref_build__unknown_id_in_profile__error_names_profile_file),
		cmocka_unit_test(xref_build__names_in_plain_text__implicit_mentions_line_col),
		cmocka_unit_test(xref_build__names_in_list_and_quote__columns_past_markers),
		cmocka_unit_test(xref_build__name_wrapped_over_two_lines__one_mention_at_its_start),
		cmocka_unit_test(xref_build__longest_name_and_possessive__one_mention_each),
		cmocka_unit_test(xref_build__names_in_links_and_code__not_implicit),
		cmocka_unit_test(xref_build__names_in_heading_and_emphasis__not_implicit),
		cmocka_unit_test(xref_build__autolink_false__only_explicit_links),
		cmocka_unit_test(xref_build__own_name_in_own_profile__no_implicit_mention),
		cmocka_unit_test(xref_build__quote_with_attribution__text_leaves_attribution_out),
		cmocka_unit_test(xref_build__attribution_dash_forms__all_left_out),
		cmocka_unit_test(xref_build__quote_names_two_experts__first_link_is_the_expert),
		cmocka_unit_test(xref_build__deeply_nested_quote__one_quote_no_recursion),
		cmocka_unit_test(xref_build__experts_numbered__by_first_quote_sections_first),
		cmocka_unit_test(xref_build__profiles_name_actors__backlinks_once_sorted),
		cmocka_unit_test(xref_build__related_unknown_actor__error_at_relation),
		cmocka_unit_test(xref_build__entity_mentions__every_unit_in_document_order),
		cmocka_unit_test(xref_unit_mentions__every_unit__slices_cover_all_in_order),
		cmocka_unit_test(xref_unit_first__unit_out_of_range__none),
		cmocka_unit_test(xref_build__name_shared_with_alias__name_owner_wins),
		cmocka_unit_test(xref_build__fixture_briefing__mentions_quotes_numbers),
		cmocka_unit_test(xref_build__huge_alias__skipped_with_warning),
		cmocka_unit_test(
		    xref_build__name_on_each_of_many_lines__positions_quickly),
		cmocka_unit_test(
		    xref_build__many_mentions_in_one_paragraph__first_snippets_only),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
