/*
 * The fixture of xref's tests (test_xref.c, test_snippet.c): a few
 * actors and experts as strings, and a briefing of them with its index.
 */
#include "test_common.h"

#include "xref_fx.h"

const struct unit_ref SECTION0 = { UNIT_SECTION, 0 };

/* Actors, sorted by id by the loader: isis-k, islamic-state, russia, taliban. */
const char *const ACTORS[] = {
	"russia",
	"---\n"
	"name: Russia\n"
	"kind: state\n"
	"aliases: [Moscow, the Kremlin]\n"
	"related:\n"
	"  taliban: courts\n"
	"---\n"
	"Russia is courting the Taliban; the Kremlin fears ISIS-K.\n",
	"taliban",
	"---\n"
	"name: Taliban\n"
	"kind: group\n"
	"---\n"
	"The Taliban have ruled since 2021. Moscow hosts their envoy.\n"
	"The Taliban also fight ISIS-K.\n",
	"isis-k",
	"---\n"
	"name: Islamic State-Khorasan\n"
	"kind: group\n"
	"aliases: [ISIS-K]\n"
	"---\n"
	"ISIS-K is the Islamic State-Khorasan, a branch of the Islamic State.\n",
	"islamic-state",
	"---\n"
	"name: Islamic State\n"
	"kind: group\n"
	"aliases: [ISIS]\n"
	"---\n"
	"ISIS once held land in Syria.\n",
	NULL
};

const char *const EXPERTS[] = {
	"clarke",
	"---\n"
	"name: Colin P. Clarke\n"
	"aliases: [Clarke]\n"
	"---\n"
	"Clarke studies ISIS-K. [Colin P. Clarke](expert:clarke) wrote a book.\n",
	"katz",
	"---\n"
	"name: Mark Katz\n"
	"aliases: [Katz]\n"
	"---\n"
	"Katz writes on Russia.\n",
	NULL
};

void
fx_load(struct fx *f, const char *md, const char *const *experts,
    const char *const *actors, const char *timeline)
{
	diag_list_init(&f->dl);
	f->b = briefing_load_strings(md, experts, actors, timeline, false,
	    &f->dl);
	assert_non_null(f->b);
	/* Only xref's own diagnostics are under test. */
	diag_list_free(&f->dl);
	diag_list_init(&f->dl);
	f->x = xref_build(f->b, &f->dl);
	assert_non_null(f->x);
}

void
fx_free(struct fx *f)
{
	xref_free(f->x);
	briefing_free(f->b);
	diag_list_free(&f->dl);
}

