/*
 * The fixture of the reader's tests (test_reader*.c): a small briefing
 * from memory, a reader on it at 160x50, and what the screen shows.
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "reader_fx.h"

static const char *const experts[] = {
	"clarke",
	"---\nname: Colin Clarke\nrole: director of policy\n"
	"affiliation: Soufan Group\n---\n"
	"Clarke studies jihadist groups.\n",
	"katz",
	"---\nname: Mark Katz\nrole: professor\n---\n"
	"Katz writes on Russia.\n",
	NULL
};

static const char *const actors[] = {
	"taliban",
	"---\nname: Taliban\nkind: group\naliases: [Islamic Emirate]\n"
	"related:\n  russia: courted by\n---\nThe movement that rules Kabul.\n",
	"russia",
	"---\nname: Russia\nkind: state\naliases: [Moscow]\n---\n"
	"A state. It deals with the Taliban.\n",
	"kurdistan",
	"---\nname: Kürdistan\nkind: place\n---\nA region.\n",
	NULL
};

static char *main_md;

/* The article: an overview, three sections, one with a subsection. */
static void
make_main(void)
{
	struct buf b;
	int i;

	buf_init(&b);
	buf_adds(&b, "---\ntitle: Test Briefing\n---\n"
	    "Opening words of the overview.\n\n"
	    "## First section\n\n"
	    "The Taliban leaders met with Colin Clarke in Doha.\n\n"
	    "> Moscow must choose its partners with care.\n"
	    "> \xe2\x80\x94 [Colin Clarke](expert:clarke)\n\n"
	    "## Second section\n\n"
	    "Far away, Kürdistan. Back to [the start](section:first-section).\n\n"
	    "### Sub part\n\n"
	    "> Russia will wait.\n"
	    "> \xe2\x80\x94 [Mark Katz](expert:katz)\n\n"
	    "## Third section\n\n");
	for (i = 1; i <= 60; i++)
		buf_printf(&b, "Paragraph %d of the third section, which goes on "
		    "long enough to wrap at a narrow width.\n\n", i);
	buf_adds(&b, "The Taliban close the third section.\n");
	main_md = buf_release(&b);
}


int
setup(void **state)
{
	struct fx *f = xcalloc(1, sizeof *f);

	if (main_md == NULL)
		make_main();
	diag_list_init(&f->dl);
	f->b = briefing_load_strings(main_md, experts, actors, NULL, false,
	    &f->dl);
	if (f->b == NULL)
		return -1;
	f->x = xref_build(f->b, &f->dl);
	f->r = reader_new(f->b, f->x);
	reader_resize(f->r, 160, 50);
	*state = f;
	return 0;
}

int
teardown(void **state)
{
	struct fx *f = *state;

	reader_free(f->r);
	xref_free(f->x);
	briefing_free(f->b);
	diag_list_free(&f->dl);
	free(f);
	return 0;
}

/* ---- what the screen shows ------------------------------------------------ */

/* The text of a line, spans put together. */
char *
line_text(const struct line *l)
{
	struct buf b;
	size_t i;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; l != NULL && i < l->nspans; i++)
		buf_add(&b, l->spans[i].text, l->spans[i].len);
	return buf_release(&b);
}

char *
row_text(struct reader *r, enum reader_region g, int row)
{
	struct row_marks m;

	return line_text(reader_row(r, g, row, &m));
}

int
rows_of(const struct reader *r, enum reader_region g)
{
	const struct geometry *geo = reader_geometry(r);

	return g == REGION_PANE ? geo->pane_area.h : geo->body.h;
}

bool
row_has(struct reader *r, enum reader_region g, int row, const char *want)
{
	char *s = row_text(r, g, row);
	bool ok = strstr(s, want) != NULL;

	if (!ok)
		print_message("row %d is \"%s\", not \"%s\"\n", row, s, want);
	free(s);
	return ok;
}

bool
top_is(struct reader *r, enum reader_region g, const char *want)
{
	return row_has(r, g, 0, want);
}

/* The first row on screen holding s, or -1. */
int
find_row(struct reader *r, enum reader_region g, const char *s)
{
	int i;
	char *t;
	bool found;

	for (i = 0; i < rows_of(r, g); i++) {
		t = row_text(r, g, i);
		found = strstr(t, s) != NULL;
		free(t);
		if (found)
			return i;
	}
	return -1;
}

/* The selected text on screen, with a space at each line break. */
char *
selected(struct reader *r, enum reader_region g)
{
	const struct line *l;
	struct row_marks m;
	struct buf b;
	size_t s;
	int i, rows = 0;

	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < rows_of(r, g); i++) {
		if ((l = reader_row(r, g, i, &m)) == NULL)
			break;
		if (m.sel_to == 0)
			continue;
		if (rows++ > 0)
			buf_addc(&b, ' ');
		for (s = m.sel_from; s < m.sel_to; s++)
			buf_add(&b, l->spans[s].text, l->spans[s].len);
	}
	return buf_release(&b);
}

/* The rows on screen the selection covers. */
int
selected_rows(struct reader *r, enum reader_region g)
{
	struct row_marks m;
	int i, n = 0;

	for (i = 0; i < rows_of(r, g); i++)
		if (reader_row(r, g, i, &m) != NULL && m.sel_to > 0)
			n++;
	return n;
}

/* The row of the selection's first span, or -1. */
int
selected_row(struct reader *r, enum reader_region g)
{
	struct row_marks m;
	int i;

	for (i = 0; i < rows_of(r, g); i++)
		if (reader_row(r, g, i, &m) != NULL && m.sel_to > 0)
			return i;
	return -1;
}

/* The selected reference, as what it leads to. */
struct ref_target
selected_ref(struct reader *r, enum reader_region g)
{
	struct ref_target none = { REF_NONE, 0 };
	const struct line *l;
	struct row_marks m;
	int i;

	for (i = 0; i < rows_of(r, g); i++)
		if ((l = reader_row(r, g, i, &m)) != NULL && m.sel_to > 0)
			return l->spans[m.sel_from].ref;
	return none;
}

bool
selected_is(struct reader *r, enum reader_region g, const char *want)
{
	char *s = selected(r, g);
	bool same = strcmp(s, want) == 0;

	free(s);
	return same;
}

void
assert_selected(struct reader *r, enum reader_region g, const char *want)
{
	char *s = selected(r, g);

	assert_string_equal(s, want);
	free(s);
}

/* The text of the current match on screen, a space at each line break. */
char *
current_match(struct reader *r, enum reader_region g)
{
	const struct line *l;
	struct row_marks m;
	struct buf b, t;
	size_t k;
	int i, rows = 0;

	buf_init(&b);
	buf_init(&t);
	buf_add(&b, "", 0);
	for (i = 0; i < rows_of(r, g); i++) {
		if ((l = reader_row(r, g, i, &m)) == NULL)
			break;
		for (k = 0; k < m.nhl; k++) {
			if (!m.hl[k].current)
				continue;
			buf_reset(&t);
			for (size_t s = 0; s < l->nspans; s++)
				buf_add(&t, l->spans[s].text, l->spans[s].len);
			if (rows++ > 0)
				buf_addc(&b, ' ');
			buf_add(&b, t.data + m.hl[k].start,
			    m.hl[k].end - m.hl[k].start);
		}
	}
	buf_free(&t);
	return buf_release(&b);
}

const char *
msg(const struct reader *r)
{
	return reader_message(r) != NULL ? reader_message(r) : "";
}

bool
pane_shows(const struct reader *r, enum unit_kind kind, size_t index)
{
	struct unit_ref u;

	return reader_pane(r, &u) && u.kind == kind && u.index == index;
}

bool
pane_open(const struct reader *r)
{
	struct unit_ref u;

	return reader_pane(r, &u);
}

void
keys(struct reader *r, const char *s)
{
	for (; *s != '\0'; s++)
		reader_key(r, (unsigned char)*s);
}

size_t
actor(const struct fx *f, const char *id)
{
	return briefing_find_actor(f->b, id);
}


void
reader_fx_done(void)
{
	free(main_md);
	main_md = NULL;
}
