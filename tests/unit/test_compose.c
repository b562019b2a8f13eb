/*
 * Unit tests of the composers (compose.h): the pages of units, typeset
 * and read as the reader and --dump show them. Whole units from
 * tests/fixtures/layout/refs through the loader and the index, and small
 * briefings from memory: which names are references (calm links), the
 * expert's number in an attribution, the expert's page and the list of
 * experts, the actor's page.
 */
#include "test_common.h"

#include <string.h>

#include "compose.h"
#include "load.h"
#include "test_layout.h"
#include "typeset.h"
#include "util.h"
#include "xref.h"

/* tests/fixtures/layout/refs, loaded once for the group. */
struct fx {
	struct briefing	*b;
	struct xref	*x;
};

static int
fx_setup(void **state)
{
	static struct fx fx;
	struct diag_list dl;

	test_setlocale();
	diag_list_init(&dl);
	fx.b = briefing_load(fixture("layout/refs"), &dl);
	fx.x = fx.b != NULL ? xref_build(fx.b, &dl) : NULL;
	diag_list_free(&dl);
	*state = &fx;
	return fx.b != NULL && fx.x != NULL ? 0 : -1;
}

static int
fx_teardown(void **state)
{
	struct fx *fx = *state;

	xref_free(fx->x);
	briefing_free(fx->b);
	return 0;
}

static struct unit_ref
section_ref(const struct briefing *b, const char *id)
{
	struct unit_ref u = { UNIT_SECTION, briefing_find_section(b, id) };

	assert_true(u.index != MODEL_NONE);
	return u;
}

/* ---- units ------------------------------------------------------------------ */

static void
compose_page__section_mark_refs__markers_and_references(void **state)
{
	const int width = 80;
	const bool marks = true;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	struct xref *x = fx->x;
	int refs;

	lay = lay_unit(b, x, section_ref(b, "moscows-options"), width, marks);
	assert_fits(lay, 80);
	assert_line(lay, 0, "Moscow's options");
	assert_true(find_span(lay, 0, "Moscow")->style & STYLE_HEADING);
	/* same target, same number; numbered by first appearance; the
	 * second Russia of the paragraph is no reference (LINKS_FIRST) */
	assert_true(find_line(lay, 0, "Russia[1] talks to the Taliban[2]; "
	    "see the other section[3]. Russia again.") >= 0);
	assert_true(find_line(lay, 0, "The Taliban[2] is not a partner.") >= 0);
	assert_true(find_line(lay, 0, "Colin P. Clarke [1][4]") >= 0);
	refs = find_line(lay, 0, "References");
	assert_true(refs > 0);
	assert_line(lay, (size_t)refs + 3, "[1] actor: Russia");
	assert_line(lay, (size_t)refs + 4, "[2] actor: Taliban");
	assert_line(lay, (size_t)refs + 5, "[3] section: Other");
	assert_line(lay, (size_t)refs + 6, "[4] expert: Colin P. Clarke");
	assert_int_equal(lay->nlines, (size_t)refs + 7);
	assert_int_equal(find_span(lay, 3, "[1]")->style, STYLE_REFMARK);
	layout_free(lay);
}

static void
compose_page__section_refs__spans_carry_target_and_mention(void **state)
{
	const int width = 80;
	const bool marks = false;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	const struct span *s;
	struct unit_ref u;
	struct xref *x = fx->x;
	int i;

	u = section_ref(b, "moscows-options");
	lay = lay_unit(b, x, u, width, marks);
	i = find_line(lay, 0, "Russia talks");
	assert_true(i >= 0);
	assert_true(find_line(lay, 0, "Russia[") < 0);	/* no markers */
	s = find_span(lay, (size_t)i, "Taliban");
	assert_string_equal(s->text, "Taliban");
	assert_true(s->style & STYLE_REF);
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->ref.index, briefing_find_actor(b, "taliban"));
	assert_true(s->mention < x->nmentions);
	assert_non_null(x->mentions[s->mention].node);
	assert_int_equal(x->mentions[s->mention].target.kind, REF_ACTOR);
	assert_true(s->mention >= xref_unit_first(x, u));
	s = find_span(lay, (size_t)i, "the other section");
	assert_int_equal(s->ref.kind, REF_SECTION);
	assert_int_equal(s->ref.index, briefing_find_section(b, "other"));
	s = find_span(lay, (size_t)i, "Russia");
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_false(x->mentions[s->mention].explicit_link);
	assert_int_equal(find_span(lay, (size_t)i, " talks")->ref.kind,
	    REF_NONE);
	layout_free(lay);
}

static void
compose_page__wrapped_reference__pieces_share_ref(void **state)
{
	const int width = 18;
	const bool marks = true;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	const struct span *s1, *s2;
	struct xref *x = fx->x;
	int i;

	lay = lay_unit(b, x, section_ref(b, "moscows-options"), width, marks);
	assert_fits(lay, 18);
	/* "the other section[3]." wraps inside the reference */
	i = find_line(lay, 0, "see the other");
	assert_true(i >= 0);
	assert_line(lay, (size_t)i, "see the other");
	assert_line(lay, (size_t)i + 1, "section[3]. Russia");
	s1 = find_span(lay, (size_t)i, "the other");
	s2 = find_span(lay, (size_t)i + 1, "section");
	assert_string_equal(s2->text, "section");
	assert_int_equal(s1->ref.kind, REF_SECTION);
	assert_int_equal(s2->ref.kind, REF_SECTION);
	assert_int_equal(s1->ref.index, s2->ref.index);
	assert_int_equal(s1->mention, s2->mention);
	assert_true(s1->mention != XREF_NONE);
	layout_free(lay);
}

static void
compose_page__no_xref__explicit_links_still_refs(void **state)
{
	const int width = 80;
	const bool marks = true;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	const struct span *s;
	int i;

	lay = lay_unit(b, NULL, section_ref(b, "moscows-options"), width, marks);
	assert_fits(lay, 80);
	/* no implicit mentions without the index, links resolved by id */
	i = find_line(lay, 0, "Russia talks to the Taliban[1]; see the other "
	    "section[2]. Russia again.");
	assert_true(i >= 0);
	s = find_span(lay, (size_t)i, "Taliban");
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->mention, XREF_NONE);
	layout_free(lay);
}

static void
compose_page__expert__quotes_then_profile_quote_leads_to_quote(void **state)
{
	const int width = 60;
	const bool marks = false;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	struct unit_ref u;
	struct xref *x = fx->x;
	size_t qi, k;
	int i, from, to, profile;

	u.kind = UNIT_EXPERT;
	u.index = briefing_find_expert(b, "clarke");
	lay = lay_unit(b, x, u, width, marks);
	assert_fits(lay, 60);
	assert_line(lay, 0, "Colin P. Clarke");
	assert_true(find_span(lay, 0, "Colin")->style & STYLE_TITLE);
	assert_line(lay, 2, "Director of research, The Soufan Group");
	assert_line(lay, 3, "also known as Clarke");
	assert_line(lay, 4, "Expert 1 " MIDDOT " quoted once");
	/* the quotes first, Tab's first stops; then the profile */
	i = find_line(lay, 0, "Quotes");
	assert_int_equal(i, 6);
	from = find_line(lay, (size_t)i, BAR " The Taliban is not a partner.");
	to = find_line(lay, (size_t)i, DASH " in Moscow's options");
	assert_true(from > i && to > from);
	qi = x->experts[u.index].quotes.v[0];
	for (; from <= to; from++) {
		for (k = 0; k < lay->lines[from].nspans; k++) {
			assert_int_equal(lay->lines[from].spans[k].ref.kind,
			    REF_QUOTE);
			assert_int_equal(lay->lines[from].spans[k].ref.index, qi);
		}
	}
	assert_true(find_span(lay, (size_t)to, "Moscow")->style & STYLE_DIM);
	profile = find_line(lay, (size_t)to, "Profile");
	assert_true(profile > to);
	assert_line(lay, (size_t)profile + 1, rules(7));
	assert_true(find_line(lay, (size_t)profile,
	    "A researcher who writes about ISIS-K.") > profile);
	layout_free(lay);
}

static void
compose_page__actor__related_rows_and_grouped_mentions(void **state)
{
	const int width = 80;
	const bool marks = false;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	const struct span *s;
	struct unit_ref u;
	struct xref *x = fx->x;
	int i, m;

	u.kind = UNIT_ACTOR;
	u.index = briefing_find_actor(b, "taliban");
	lay = lay_unit(b, x, u, width, marks);
	assert_fits(lay, 80);
	assert_line(lay, 0, "Taliban");
	assert_line(lay, 2, "group " MIDDOT " also known as the Taliban");
	i = find_line(lay, 0, "rival    ISIS-K");
	assert_true(i > find_line(lay, 0, "Related"));
	s = find_span(lay, (size_t)i, "ISIS-K");
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->ref.index, briefing_find_actor(b, "isis-k"));
	assert_int_equal(s->style, STYLE_REF | STYLE_EXPLICIT);
	/* an unknown id is shown, plain */
	i = find_line(lay, 0, "unknown  nobody");
	assert_true(i > 0);
	assert_int_equal(find_span(lay, (size_t)i, "nobody")->ref.kind,
	    REF_NONE);
	m = find_line(lay, 0, "Mentioned in");
	assert_true(m > 0);
	i = find_line(lay, (size_t)m, "Moscow's options " MIDDOT " 2 mentions");
	assert_true(i > m);
	assert_true(find_span(lay, (size_t)i, "Moscow")->style & STYLE_BOLD);
	assert_line(lay, (size_t)i + 1, BULLET " Russia talks to the Taliban; "
	    "see the other section. Russia again.");
	s = find_span(lay, (size_t)i + 1, "Russia talks");
	assert_int_equal(s->ref.kind, REF_MENTION);
	assert_true(s->ref.index < x->nmentions);
	assert_int_equal(x->mentions[s->ref.index].target.index, u.index);
	/* the mentioned words are marked */
	s = find_span(lay, (size_t)i + 1, "Taliban");
	assert_string_equal(s->text, "Taliban");
	assert_true(s->style & STYLE_MARK);
	assert_false(find_span(lay, (size_t)i + 1, "Russia talks")->style &
	    STYLE_MARK);
	assert_line(lay, (size_t)i + 2, BULLET " The Taliban is not a partner.");
	/* isis-k's profile names it: a group of its own, not a list apart */
	i = find_line(lay, (size_t)m, "the profile of ISIS-K " MIDDOT
	    " 1 mention");
	assert_true(i > m);
	assert_true(find_line(lay, 0, "Named in the profiles of") < 0);
	layout_free(lay);
}

static void
compose_page__out_of_range__empty_layout(void **state)
{
	const int width = 80;
	const bool marks = true;
	struct unit_ref u = { UNIT_ACTOR, 99 };
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;
	struct xref *x = fx->x;

	lay = lay_unit(b, x, u, width, marks);
	assert_int_equal(lay->nlines, 0);
	layout_free(lay);
}

static void
compose_header__title_source_tags__each_safe_line(void **state)
{
	const int width = 80;
	const bool marks = false;
	const struct fx *fx = *state;
	struct briefing *b = fx->b;
	struct layout *lay;

	lay = lay_unit(b, NULL, (struct unit_ref){ UNIT_HEADER, 0 }, width, marks);
	assert_fits(lay, 80);
	assert_line(lay, 0, "Layout fixture");
	assert_true(find_span(lay, 0, "Layout")->style & STYLE_TITLE);
	assert_line(lay, 1, "Cross-references for the layout tests");
	assert_line(lay, 3, "2024-03-27");
	assert_line(lay, 4, "Source: An article " DASH " A. Writer, A Review, "
	    "2024-03-27");
	assert_line(lay, 5, "https://example.org/article");
	assert_line(lay, 6, "Tags: test, layout");
	layout_free(lay);
}

static void
compose_header__escape_in_yaml__placeholder(void **state)
{
	const int width = 40;
	const bool marks = false;
	struct diag_list dl;
	struct briefing *b;
	struct layout *lay;

	(void)state;
	diag_list_init(&dl);
	/* libyaml decodes "\e" into a raw ESC */
	b = briefing_load_strings("---\ntitle: \"T \\e[2J\"\n---\ntext\n",
	    NULL, NULL, NULL, false, &dl);
	assert_non_null(b);
	lay = lay_unit(b, NULL, (struct unit_ref){ UNIT_HEADER, 0 }, width, marks);
	assert_fits(lay, 40);
	assert_line(lay, 0, "T " ESCPIC "[2J");
	assert_true(find_span(lay, 0, ESCPIC)->style & STYLE_CONTROL);
	layout_free(lay);
	briefing_free(b);
	diag_list_free(&dl);
}

/*
 * A paragraph that names an actor 25 times is one entry, with the count
 * of the rest; another paragraph is an entry of its own.
 */
static void
compose_page__many_mentions_in_one_paragraph__one_entry_and_count(void **state)
{
	static const char *const actors[] = { "zed", "---\nname: Zed\n"
	    "kind: group\n---\nA group.\n", NULL };
	const int width = 40;
	const bool marks = false;
	struct unit_ref u = { UNIT_ACTOR, 0 };
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	struct layout *lay;
	struct buf md;
	int i, m, more, n;

	(void)state;
	buf_init(&md);
	buf_adds(&md, "## One\n\n");
	for (i = 0; i < 25; i++)
		buf_adds(&md, "Zed ");
	buf_adds(&md, "\n\nAnd Zed again.\n");
	diag_list_init(&dl);
	b = briefing_load_strings(md.data, NULL, actors, NULL, false, &dl);
	x = xref_build(b, &dl);
	assert_int_equal(x->actors[0].mentions.n, 26);
	lay = lay_unit(b, x, u, width, marks);
	assert_fits(lay, 40);
	m = find_line(lay, 0, "Mentioned in");
	assert_true(m > 0);
	assert_line(lay, (size_t)m + 3, "One " MIDDOT " 26 mentions");
	assert_int_equal(find_line(lay, (size_t)m, BULLET " Zed Zed Zed"),
	    m + 4);
	more = find_line(lay, (size_t)m,
	    HELLIP " and 24 more in the same paragraph");
	assert_true(more > m + 4);
	assert_int_equal(find_line(lay, (size_t)m, BULLET " And Zed again."),
	    more + 1);
	for (i = m, n = 0; (i = find_line(lay, (size_t)i + 1,
	    BULLET)) > 0; n++)
		continue;
	assert_int_equal(n, 2);
	layout_free(lay);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
	buf_free(&md);
}

/* ---- a briefing from memory ------------------------------------------------- */

static const char *const talk_experts[] = {
	"katz",
	"---\nname: Mark Katz\nrole: Professor\naffiliation: George Mason "
	"University\n---\nKatz writes on Russia.\n",
	"mikovic",
	"---\nname: Nikola Mikovic\nrole: Analyst\n---\nNever quoted.\n",
	"vaezi",
	"---\nname: Ali Vaezi\n---\nQuoted once.\n",
	NULL
};

static const char *const talk_actors[] = {
	"russia",
	"---\nname: Russia\nkind: state\n"
	"aliases: [Moscow, the Kremlin, The Kremlin, MOSCOW]\n"
	"related:\n  taliban: courts\n  isis-k: enemy\n  nobody: courts\n"
	"  islamic-state: enemy\n  china: partner\n---\nA state.\n",
	"taliban", "---\nname: Taliban\nkind: group\n---\nA movement.\n",
	"isis-k", "---\nname: ISIS-K\nkind: group\n---\nA group.\n",
	"islamic-state",
	"---\nname: Islamic State\nkind: group\n---\nA group.\n",
	"china", "---\nname: China\nkind: state\n---\nA state.\n",
	NULL
};

static const char talk_md[] =
    "Russia and the Taliban talk.\n"
    "\n"
    "## Talks\n"
    "\n"
    "Russia met the Taliban in Moscow; Russia said so. The Taliban agreed.\n"
    "\n"
    "Moscow spoke before [the Kremlin](actor:russia) did.\n"
    "\n"
    "> Russia will wait.\n"
    ">\n"
    "> \xe2\x80\x94 [Mark Katz](expert:katz)\n"
    "\n"
    "> As [Katz](expert:katz) says, it waits.\n"
    "\n"
    "> Tehran waits too.\n"
    ">\n"
    "> \xe2\x80\x94 [Ali Vaezi](expert:vaezi)\n"
    "\n"
    "## Books\n"
    "\n"
    "He wrote *The Islamic State and Russia*; China read it.\n";

struct talk {
	struct diag_list	 dl;
	struct briefing		*b;
	struct xref		*x;
};

static void
talk_load(struct talk *t)
{
	diag_list_init(&t->dl);
	t->b = briefing_load_strings(talk_md, talk_experts, talk_actors, NULL,
	    false, &t->dl);
	assert_non_null(t->b);
	t->x = xref_build(t->b, &t->dl);
	assert_non_null(t->x);
}

static void
talk_free(struct talk *t)
{
	xref_free(t->x);
	briefing_free(t->b);
	diag_list_free(&t->dl);
}

/* The "Talks" section laid out with a link mode. */
static struct layout *
talks_layout(const struct talk *t, enum link_mode links, int width)
{
	struct compose_opts co = { .mark_refs = false, .links = links };
	struct typeset_opts to = { width };
	struct unit_ref u = { UNIT_SECTION, 1 };
	struct page *page = compose_page(t->b, t->x, u, &co);
	struct layout *lay = typeset(page, &to);

	page_free(page);
	assert_fits(lay, width);
	return lay;
}

/* The page of the expert or actor `id`, laid out. */
static struct layout *
talk_unit(const struct talk *t, enum unit_kind kind, const char *id,
    int width)
{
	struct unit_ref u = { kind, 0 };
	struct layout *lay;

	u.index = kind == UNIT_EXPERT ? briefing_find_expert(t->b, id) :
	    briefing_find_actor(t->b, id);
	assert_true(u.index != MODEL_NONE);
	lay = lay_unit(t->b, t->x, u, width, false);
	assert_fits(lay, width);
	return lay;
}

/* How many spans of line i are references. */
static size_t
refs_on_line(const struct layout *lay, size_t i)
{
	size_t k, n = 0;

	for (k = 0; k < lay->lines[i].nspans; k++)
		n += lay->lines[i].spans[k].ref.kind != REF_NONE;
	return n;
}

/* The span of line i whose text is exactly s, from the k-th such. */
static const struct span *
nth_span(const struct layout *lay, size_t i, const char *s, size_t nth)
{
	size_t k;

	for (k = 0; k < lay->lines[i].nspans; k++)
		if (strcmp(lay->lines[i].spans[k].text, s) == 0 && nth-- == 0)
			return &lay->lines[i].spans[k];
	fail_msg("no span \"%s\" number %zu on line %zu", s, nth, i);
	return NULL;
}

/* ---- calm links ----------------------------------------------------------- */

static void
compose_page__links_first__first_name_per_paragraph_a_reference(void **state)
{
	struct layout *lay;
	const struct span *s;
	struct talk t;
	int i;

	(void)state;
	talk_load(&t);
	lay = talks_layout(&t, LINKS_FIRST, 100);
	i = find_line(lay, 0, "Russia met the Taliban in Moscow; Russia said "
	    "so. The Taliban agreed.");
	assert_true(i >= 0);
	assert_int_equal(refs_on_line(lay, (size_t)i), 2);
	s = nth_span(lay, (size_t)i, "Russia", 0);
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->style, STYLE_REF);	/* found, not written */
	assert_int_equal(nth_span(lay, (size_t)i, "Taliban", 0)->ref.kind,
	    REF_ACTOR);
	/* the later names are plain text that still is their mention */
	s = nth_span(lay, (size_t)i, "Moscow", 0);
	assert_int_equal(s->ref.kind, REF_NONE);
	assert_int_equal(s->style, 0);
	assert_true(s->mention < t.x->nmentions);
	assert_int_equal(t.x->mentions[s->mention].target.index,
	    briefing_find_actor(t.b, "russia"));
	s = nth_span(lay, (size_t)i, "Russia", 1);
	assert_int_equal(s->ref.kind, REF_NONE);
	assert_true(s->mention < t.x->nmentions);
	/* every name is still counted */
	assert_int_equal(t.x->actors[briefing_find_actor(t.b, "taliban")]
	    .mentions.n, 3);
	layout_free(lay);
	talk_free(&t);
}

static void
compose_page__links_first__explicit_link_takes_the_paragraph(void **state)
{
	struct layout *lay;
	const struct span *s;
	struct talk t;
	int i;

	(void)state;
	talk_load(&t);
	lay = talks_layout(&t, LINKS_FIRST, 100);
	i = find_line(lay, 0, "Moscow spoke before the Kremlin did.");
	assert_true(i >= 0);
	/* the name comes first, but the author linked the paragraph's */
	assert_int_equal(refs_on_line(lay, (size_t)i), 1);
	assert_int_equal(find_span(lay, (size_t)i, "Moscow")->ref.kind,
	    REF_NONE);
	s = find_span(lay, (size_t)i, "the Kremlin");
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->style, STYLE_REF | STYLE_EXPLICIT);
	layout_free(lay);
	talk_free(&t);
}

static void
compose_page__links_all_and_explicit__every_name_or_none(void **state)
{
	struct layout *lay;
	struct talk t;
	int i;

	(void)state;
	talk_load(&t);
	lay = talks_layout(&t, LINKS_ALL, 100);
	i = find_line(lay, 0, "Russia met the Taliban");
	assert_int_equal(refs_on_line(lay, (size_t)i), 5);
	i = find_line(lay, 0, "Moscow spoke before");
	assert_int_equal(refs_on_line(lay, (size_t)i), 2);
	layout_free(lay);
	lay = talks_layout(&t, LINKS_EXPLICIT, 100);
	i = find_line(lay, 0, "Russia met the Taliban");
	assert_int_equal(refs_on_line(lay, (size_t)i), 0);
	assert_true(find_span(lay, (size_t)i, "Moscow")->mention !=
	    XREF_NONE);
	i = find_line(lay, 0, "Moscow spoke before");
	assert_int_equal(refs_on_line(lay, (size_t)i), 1);
	assert_int_equal(find_span(lay, (size_t)i, "the Kremlin")->ref.kind,
	    REF_ACTOR);
	layout_free(lay);
	talk_free(&t);
}

static void
compose_page__links_first__dump_marks_only_references(void **state)
{
	struct compose_opts co = { .mark_refs = true };
	struct typeset_opts to = { 100 };
	struct unit_ref u = { UNIT_SECTION, 1 };
	struct layout *lay;
	struct page *page;
	struct talk t;

	(void)state;
	talk_load(&t);
	page = compose_page(t.b, t.x, u, &co);
	lay = typeset(page, &to);
	assert_true(find_line(lay, 0, "Russia[1] met the Taliban[2] in "
	    "Moscow; Russia said so. The Taliban agreed.") >= 0);
	layout_free(lay);
	page_free(page);
	talk_free(&t);
}

static void
compose_page__title_in_emphasis__no_reference_inside(void **state)
{
	struct layout *lay;
	struct talk t;
	int i;

	(void)state;
	talk_load(&t);
	lay = lay_unit(t.b, t.x, (struct unit_ref){ UNIT_SECTION, 2 }, 80,
	    false);
	i = find_line(lay, 0, "He wrote The Islamic State and Russia; China "
	    "read it.");
	assert_true(i >= 0);
	assert_int_equal(refs_on_line(lay, (size_t)i), 1);
	assert_int_equal(find_span(lay, (size_t)i, "Islamic")->mention,
	    XREF_NONE);
	assert_int_equal(find_span(lay, (size_t)i, "China")->ref.kind,
	    REF_ACTOR);
	layout_free(lay);
	talk_free(&t);
}

/* ---- quotes and experts ---------------------------------------------------- */

static void
compose_page__attribution__expert_number_in_the_reference(void **state)
{
	struct layout *lay;
	const struct span *name, *num;
	struct talk t;
	size_t katz;
	int i;

	(void)state;
	talk_load(&t);
	katz = briefing_find_expert(t.b, "katz");
	assert_int_equal(t.x->experts[katz].number, 1);
	lay = talks_layout(&t, LINKS_FIRST, 60);
	i = find_line(lay, 0, DASH " Mark Katz [1]");
	assert_true(i >= 0);
	assert_int_equal(lay->lines[i].width, 60);	/* flush right */
	name = find_span(lay, (size_t)i, "Mark Katz");
	num = find_span(lay, (size_t)i, "[1]");
	/* one reference: selecting the name selects the number */
	assert_int_equal(name->ref.kind, REF_EXPERT);
	assert_int_equal(name->ref.index, katz);
	assert_int_equal(num->ref.kind, REF_EXPERT);
	assert_int_equal(num->ref.index, katz);
	assert_int_equal(num->mention, name->mention);
	assert_true(num->style & STYLE_EXPLICIT);
	/* no attribution paragraph, no number */
	i = find_line(lay, 0, "As Katz says, it waits.");
	assert_true(i >= 0);
	assert_true(find_line(lay, 0, "Katz [1] says") < 0);
	assert_true(find_line(lay, 0, DASH " Ali Vaezi [2]") > 0);
	layout_free(lay);
	talk_free(&t);
}

static void
compose_page__expert_quote_borrowed__number_shown_leads_to_quote(void **state)
{
	struct layout *lay;
	const struct span *s;
	struct talk t;
	int i;

	(void)state;
	talk_load(&t);
	lay = talk_unit(&t, UNIT_EXPERT, "katz", 60);
	i = find_line(lay, 0, DASH " Mark Katz [1]");
	assert_true(i > find_line(lay, 0, "Quotes"));
	s = find_span(lay, (size_t)i, "[1]");
	assert_int_equal(s->ref.kind, REF_QUOTE);
	assert_true(find_line(lay, 0, "Profile") > i);
	layout_free(lay);
	talk_free(&t);
}

static void
compose_page__expert_list__table_by_number_then_unquoted(void **state)
{
	struct unit_ref u = { UNIT_EXPERT_LIST, 0 };
	struct layout *lay;
	const struct span *s;
	struct talk t;

	(void)state;
	talk_load(&t);
	assert_int_equal(briefing_unit_count(t.b, UNIT_EXPERT_LIST), 1);
	assert_int_equal(briefing_slot(t.b, u), briefing_nslots(t.b) - 1);
	assert_int_equal(briefing_slot_unit(t.b, briefing_nslots(t.b) - 1).kind,
	    UNIT_EXPERT_LIST);
	assert_string_equal(briefing_unit_title(t.b, u), "Experts");
	assert_null(briefing_unit_body(t.b, u));
	lay = lay_unit(t.b, t.x, u, 70, false);
	assert_fits(lay, 70);
	assert_line(lay, 0, "Experts");
	assert_true(find_span(lay, 0, "Experts")->style & STYLE_TITLE);
	/* natural widths: 3, 14, 34 and 6 columns, 2 between */
	assert_line(lay, 3, "No.  Expert          Role                      "
	    "          Quotes");
	assert_line(lay, 4, rules(63));
	assert_line(lay, 5, "1    Mark Katz       Professor, George Mason "
	    "University  2");
	assert_line(lay, 6, "2    Ali Vaezi                                 "
	    "          1");
	assert_line(lay, 7, "     Nikola Mikovic  Analyst                   "
	    "          0");
	assert_int_equal(lay->nlines, 8);
	s = find_span(lay, 7, "Nikola Mikovic");
	assert_int_equal(s->ref.kind, REF_EXPERT);
	assert_int_equal(s->ref.index, briefing_find_expert(t.b, "mikovic"));
	assert_int_equal(s->style, STYLE_REF | STYLE_EXPLICIT);
	assert_int_equal(find_span(lay, 7, "Analyst")->ref.kind, REF_NONE);
	layout_free(lay);
	talk_free(&t);
}

/* ---- actors ------------------------------------------------------------------ */

static void
compose_page__actor__aliases_by_case_once_related_by_relation(void **state)
{
	struct layout *lay;
	const struct span *s;
	struct talk t;
	int i;

	(void)state;
	talk_load(&t);
	lay = talk_unit(&t, UNIT_ACTOR, "russia", 60);
	assert_line(lay, 2, "state " MIDDOT " also known as Moscow, the Kremlin");
	i = find_line(lay, 0, "Related");
	assert_true(i > 0);
	/* relations in file order, the actors of each comma-separated */
	assert_line(lay, (size_t)i + 3, "courts   Taliban, nobody");
	assert_line(lay, (size_t)i + 4, "enemy    ISIS-K, Islamic State");
	assert_line(lay, (size_t)i + 5, "partner  China");
	s = find_span(lay, (size_t)i + 4, "Islamic State");
	assert_int_equal(s->ref.kind, REF_ACTOR);
	assert_int_equal(s->ref.index,
	    briefing_find_actor(t.b, "islamic-state"));
	assert_int_equal(find_span(lay, (size_t)i + 3, "nobody")->ref.kind,
	    REF_NONE);
	assert_int_equal(find_span(lay, (size_t)i + 4, ", ")->ref.kind,
	    REF_NONE);
	layout_free(lay);
	talk_free(&t);
}

static void
compose_page__actor__mentions_by_unit_one_entry_per_paragraph(void **state)
{
	struct layout *lay;
	const struct span *s;
	struct talk t;
	int m, i;

	(void)state;
	talk_load(&t);
	lay = talk_unit(&t, UNIT_ACTOR, "russia", 80);
	m = find_line(lay, 0, "Mentioned in");
	assert_true(m > 0);
	assert_line(lay, (size_t)m + 2, "");
	assert_line(lay, (size_t)m + 3, "Overview " MIDDOT " 1 mention");
	assert_line(lay, (size_t)m + 4, BULLET " Russia and the Taliban talk.");
	assert_line(lay, (size_t)m + 5, "");
	assert_line(lay, (size_t)m + 6, "Talks " MIDDOT " 6 mentions");
	assert_line(lay, (size_t)m + 7, BULLET " Russia met the Taliban in "
	    "Moscow; Russia said so. The Taliban agreed.");
	assert_line(lay, (size_t)m + 8, "  " HELLIP " and 2 more in the same "
	    "paragraph");
	assert_line(lay, (size_t)m + 9, BULLET " Moscow spoke before the "
	    "Kremlin did.");
	assert_line(lay, (size_t)m + 10, "  " HELLIP " and 1 more in the same "
	    "paragraph");
	assert_line(lay, (size_t)m + 11, BULLET " Russia will wait.");
	/* the entry leads to the paragraph's first mention; its words
	 * are marked, the same name later in the snippet is not */
	s = find_span(lay, (size_t)m + 7, "met the");
	assert_int_equal(s->ref.kind, REF_MENTION);
	assert_int_equal(t.x->mentions[s->ref.index].line, 5);
	assert_int_equal(t.x->mentions[s->ref.index].col, 1);
	s = nth_span(lay, (size_t)m + 7, "Russia", 0);
	assert_true(s->style & STYLE_MARK);
	assert_int_equal(find_span(lay, (size_t)m + 8, "more")->ref.kind,
	    REF_MENTION);
	i = find_line(lay, (size_t)m + 7, "Moscow; Russia said so");
	assert_false(find_span(lay, (size_t)i, "; Russia said")->style &
	    STYLE_MARK);
	/* the second entry leads to the link, the paragraph's reference,
	 * not to the name before it, which is plain text */
	s = find_span(lay, (size_t)m + 9, "the Kremlin");
	assert_true(s->style & STYLE_MARK);
	assert_true(t.x->mentions[s->ref.index].explicit_link);
	assert_false(find_span(lay, (size_t)m + 9, "Moscow")->style &
	    STYLE_MARK);
	assert_true(find_line(lay, 0, "Books") < 0);	/* a title of a work */
	layout_free(lay);
	talk_free(&t);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(
		    compose_page__section_mark_refs__markers_and_references),
		cmocka_unit_test(
		    compose_page__section_refs__spans_carry_target_and_mention),
		cmocka_unit_test(
		    compose_page__wrapped_reference__pieces_share_ref),
		cmocka_unit_test(
		    compose_page__no_xref__explicit_links_still_refs),
		cmocka_unit_test(
		    compose_page__expert__quotes_then_profile_quote_leads_to_quote),
		cmocka_unit_test(
		    compose_page__actor__related_rows_and_grouped_mentions),
		cmocka_unit_test(
		    compose_page__out_of_range__empty_layout),
		cmocka_unit_test(
		    compose_header__title_source_tags__each_safe_line),
		cmocka_unit_test(
		    compose_header__escape_in_yaml__placeholder),
		cmocka_unit_test(
		    compose_page__many_mentions_in_one_paragraph__one_entry_and_count),
		cmocka_unit_test(
		    compose_page__links_first__first_name_per_paragraph_a_reference),
		cmocka_unit_test(
		    compose_page__links_first__explicit_link_takes_the_paragraph),
		cmocka_unit_test(
		    compose_page__links_all_and_explicit__every_name_or_none),
		cmocka_unit_test(
		    compose_page__links_first__dump_marks_only_references),
		cmocka_unit_test(
		    compose_page__title_in_emphasis__no_reference_inside),
		cmocka_unit_test(
		    compose_page__attribution__expert_number_in_the_reference),
		cmocka_unit_test(
		    compose_page__expert_quote_borrowed__number_shown_leads_to_quote),
		cmocka_unit_test(
		    compose_page__expert_list__table_by_number_then_unquoted),
		cmocka_unit_test(
		    compose_page__actor__aliases_by_case_once_related_by_relation),
		cmocka_unit_test(
		    compose_page__actor__mentions_by_unit_one_entry_per_paragraph),
	};

	return cmocka_run_group_tests(tests, fx_setup, fx_teardown);
}
