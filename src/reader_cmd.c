/*
 * reader_cmd: what each command does, in one table per mode (tmux's
 * window-copy command table is the model): moving, sections, the TOC,
 * references and jumps, the panes, history, search, the actor index and
 * the help.
 */
#include "reader_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- places and history ---------------------------------------------------- */

static void
place_save(struct reader *r, struct place *p)
{
	memset(p, 0, sizeof *p);
	p->focus = r->focus;
	p->has_pane = r->has_pane;
	p->pane = r->pane_unit;
	p->pane_shown = r->pane_shown;
	docplace_save(&r->body, &p->body);
	if (r->has_pane)
		docplace_save(&r->pane, &p->panedoc);
}

/* The pane shows a unit: its document is made anew when it changes. */
static void
pane_set(struct reader *r, struct unit_ref u)
{
	if (r->has_pane && unit_equal(r->pane_unit, u))
		return;
	r->has_pane = true;
	r->pane_unit = u;
	doc_reset(&r->pane, briefing_slot(r->b, u), 1);
	r->pane.width = 0;	/* laid out at the next reader_layout_screen */
}

static void
place_restore(struct reader *r, const struct place *p)
{
	r->focus = p->focus;
	r->pane_shown = p->pane_shown;
	r->toc_asked = p->focus == REGION_TOC;
	if (p->has_pane)
		pane_set(r, p->pane);
	reader_layout_screen(r);
	if (r->g.too_small)
		return;
	docplace_restore(&r->body, &p->body);
	if (p->has_pane)
		docplace_restore(&r->pane, &p->panedoc);
	reader_clamp(r);
}

/* A jump is about to happen: remember where we are; forward is gone. */
void
reader_history_mark(struct reader *r)
{
	struct place p;

	place_save(r, &p);
	history_push(&r->back, &p);
	history_clear(&r->forward);
}

static void
history_move(struct reader *r, struct place_stack *from,
    struct place_stack *to, const char *none)
{
	struct place cur, p;

	if (!history_pop(from, &p)) {
		reader_msg(r, "%s", none);
		return;
	}
	place_save(r, &cur);
	history_push(to, &cur);
	place_restore(r, &p);
}

static enum reader_status
cmd_back(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	history_move(r, &r->back, &r->forward, "Nothing to go back to");
	return READER_CONTINUE;
}

static enum reader_status
cmd_forward(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	history_move(r, &r->forward, &r->back, "Nothing to go forward to");
	return READER_CONTINUE;
}

/* ---- moving ------------------------------------------------------------------ */

/*
 * Bring lines first to last into view: when one of them is off the
 * screen, the first goes JUMP_CONTEXT lines below the top.
 */
void
reader_show_lines(struct reader *r, struct doc *d, struct docpos first,
    struct docpos last)
{
	int h = reader_doc_height(r, d);

	if (doc_shows(d, first, h) && doc_shows(d, last, h))
		return;
	d->top = first;
	doc_move(d, &d->top, -JUMP_CONTEXT);
	reader_clamp(r);
}

/* A line near the top, with context above it from its own part. */
static void
top_near(struct reader *r, struct doc *d, struct docpos pos)
{
	struct docpos start = doc_part_start(d, pos.part);

	d->top = pos;
	doc_move(d, &d->top, -JUMP_CONTEXT);
	if (doc_pos_cmp(d->top, start) < 0)
		d->top = start;
	reader_clamp(r);
}

static enum reader_status
cmd_motion(struct reader *r, enum command cmd, int arg)
{
	struct doc *d = reader_focus_doc(r);
	long h = reader_doc_height(r, d), page = h > 2 ? h - 2 : 1;
	bool sections = d == &r->body;
	struct docpos before = d->top, max;

	(void)arg;
	switch (cmd) {
	case CMD_LINE_DOWN:
		doc_move(d, &d->top, 1);
		break;
	case CMD_LINE_UP:
		doc_move(d, &d->top, -1);
		break;
	case CMD_PAGE_DOWN:
		doc_move(d, &d->top, page);
		break;
	case CMD_PAGE_UP:
		doc_move(d, &d->top, -page);
		break;
	case CMD_HALF_DOWN:
		doc_move(d, &d->top, h / 2 > 0 ? h / 2 : 1);
		break;
	case CMD_HALF_UP:
		doc_move(d, &d->top, -(h / 2 > 0 ? h / 2 : 1));
		break;
	case CMD_TOP:
		if (d->top.part > 0 || d->top.line > 0)
			reader_history_mark(r);
		d->top.part = d->top.line = 0;
		break;
	case CMD_BOTTOM:
		reader_history_mark(r);
		d->top = doc_max_top(d, (int)h, false);
		sections = false;
		break;
	default:
		break;
	}
	/* Scrolling down stops when the last line is on screen (only ]
	 * brings the last section to the top, with room below it). */
	max = doc_max_top(d, (int)h, false);
	if ((cmd == CMD_LINE_DOWN || cmd == CMD_PAGE_DOWN ||
	    cmd == CMD_HALF_DOWN) && doc_pos_cmp(d->top, max) > 0)
		d->top = doc_pos_cmp(before, max) > 0 ? before : max;
	doc_clamp(d, (int)h, sections);
	return READER_CONTINUE;
}


void
reader_focus_body(struct reader *r)
{
	r->focus = REGION_BODY;
	r->toc_asked = false;
	if (!r->g.pane_beside)
		r->pane_shown = false;
	reader_layout_screen(r);
}

void
reader_goto_section(struct reader *r, size_t entry)
{
	if (entry >= reader_toc_count(r))
		return;
	reader_history_mark(r);
	reader_focus_body(r);
	r->body.top = doc_part_start(&r->body, entry + 1);
	r->body.sel.on = false;
	reader_clamp(r);
}

static void
next_section(struct reader *r, int dir)
{
	struct doc *d = &r->body;
	size_t part = d->top.part, n = reader_toc_count(r);
	struct docpos start;

	if (d->width == 0 || n == 0)
		return;
	if (dir > 0) {
		if (part >= n) {
			reader_msg(r, "This is the last section");
			return;
		}
		reader_goto_section(r, part);	/* entry part is part + 1 */
		return;
	}
	start = doc_part_start(d, part);
	if (doc_pos_cmp(d->top, start) > 0 && part > 0) {
		reader_goto_section(r, part - 1);
		return;
	}
	if (part <= 1) {
		if (d->top.part > 0 || d->top.line > 0) {
			reader_history_mark(r);
			reader_focus_body(r);
			d->top.part = d->top.line = 0;
		} else
			reader_msg(r, "This is the first section");
		return;
	}
	reader_goto_section(r, part - 2);
}

/*
 * In an expert's pane, ] and [ go through the expert's quotes: the next
 * reference that is a quote, after (or before) the selected one, or the
 * top of the pane.
 */
static void
next_quote(struct reader *r, int dir)
{
	struct doc *d = &r->pane;
	struct docspan from = { d->top, 0 };
	struct item it;
	const struct span *sp;
	bool inclusive = true;

	if (d->sel.on) {
		from = dir > 0 ? d->sel.b : d->sel.a;
		inclusive = false;
	}
	while (doc_item_step(d, from, dir, inclusive, &it)) {
		sp = doc_span(d, it.first);
		if (sp != NULL && sp->ref.kind == REF_QUOTE) {
			doc_select(d, &it);
			reader_show_lines(r, d, it.first.pos, it.last.pos);
			return;
		}
		from = dir > 0 ? it.last : it.first;
		inclusive = false;
	}
	reader_msg(r, dir > 0 ? "This is the last quote" :
	    "This is the first quote");
}

static bool
in_expert_pane(const struct reader *r)
{
	return r->focus == REGION_PANE && r->g.pane_visible &&
	    r->pane_unit.kind == UNIT_EXPERT;
}

static enum reader_status
cmd_next_section(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (in_expert_pane(r))
		next_quote(r, 1);
	else
		next_section(r, 1);
	return READER_CONTINUE;
}

static enum reader_status
cmd_prev_section(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (in_expert_pane(r))
		next_quote(r, -1);
	else
		next_section(r, -1);
	return READER_CONTINUE;
}

/* ---- the TOC ------------------------------------------------------------------- */

/* Leave the TOC for the region that had the focus before it. */
static void
leave_toc(struct reader *r)
{
	if (r->toc_from == REGION_PANE && r->g.pane_visible) {
		r->focus = REGION_PANE;
		r->toc_asked = false;
		reader_layout_screen(r);
	} else
		reader_focus_body(r);
}

static enum reader_status
cmd_toc(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (r->focus == REGION_TOC) {
		leave_toc(r);
		return READER_CONTINUE;
	}
	r->toc_cur = reader_toc_current(r);
	r->toc_from = r->focus;
	r->focus = REGION_TOC;
	r->toc_asked = true;
	reader_layout_screen(r);
	return READER_CONTINUE;
}

static enum reader_status
toc_motion(struct reader *r, enum command cmd, int arg)
{
	(void)arg;
	r->toc_cur = keymap_move(r->toc_cur, reader_toc_count(r),
	    r->g.toc.h > 1 ? (size_t)r->g.toc.h - 1 : 1, cmd);
	return READER_CONTINUE;
}

static enum reader_status
toc_open(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	reader_goto_section(r, r->toc_cur);
	return READER_CONTINUE;
}

static enum reader_status
toc_close(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	leave_toc(r);
	return READER_CONTINUE;
}

/* ---- panes ------------------------------------------------------------------------ */

void
reader_open_pane(struct reader *r, struct unit_ref u)
{
	pane_set(r, u);
	if (u.kind == UNIT_EXPERT)
		r->last_expert = u.index;
	r->pane_shown = true;
	r->focus = REGION_PANE;
	r->toc_asked = false;
	reader_layout_screen(r);
}

static enum reader_status
cmd_expert(struct reader *r, enum command cmd, int n)
{
	const struct xref *x = r->x;
	struct unit_ref u = { UNIT_EXPERT, 0 };

	(void)cmd;
	if (n < 1 || (size_t)n > x->nnumbered) {
		if (x->nnumbered == 0)
			reader_msg(r, "No expert is quoted in this briefing");
		else
			reader_msg(r, "No expert %d: experts go from 1 to %zu",
			    n, x->nnumbered);
		return READER_CONTINUE;
	}
	reader_history_mark(r);
	u.index = x->numbered[n - 1];
	reader_open_pane(r, u);
	r->pane.top.part = r->pane.top.line = 0;
	r->pane.sel.on = false;
	return READER_CONTINUE;
}

static enum reader_status
cmd_expert_pane(struct reader *r, enum command cmd, int arg)
{
	struct unit_ref u = { UNIT_EXPERT, 0 };

	(void)cmd;
	(void)arg;
	if (r->g.pane_visible && (r->pane_unit.kind == UNIT_EXPERT ||
	    r->pane_unit.kind == UNIT_EXPERT_LIST)) {
		r->pane_shown = false;
		reader_focus_body(r);
		return READER_CONTINUE;
	}
	if (r->b->nexperts == 0) {
		reader_msg(r, "No expert is quoted in this briefing");
		return READER_CONTINUE;
	}
	/* Before any expert was shown: the list of them, numbered. */
	if (r->last_expert == MODEL_NONE) {
		u.kind = UNIT_EXPERT_LIST;
		u.index = 0;
	} else
		u.index = r->last_expert;
	reader_open_pane(r, u);
	return READER_CONTINUE;
}

static enum reader_status
cmd_expert_list(struct reader *r, enum command cmd, int arg)
{
	struct unit_ref u = { UNIT_EXPERT_LIST, 0 };

	(void)cmd;
	(void)arg;
	if (r->b->nexperts == 0) {
		reader_msg(r, "No expert is quoted in this briefing");
		return READER_CONTINUE;
	}
	reader_history_mark(r);
	reader_open_pane(r, u);
	r->pane.top.part = r->pane.top.line = 0;
	r->pane.sel.on = false;
	return READER_CONTINUE;
}

/* Which names are references: the first in a paragraph, all, written. */
static enum reader_status
cmd_links(struct reader *r, enum command cmd, int arg)
{
	/* By the mode now: the next one, and what it is. */
	static const struct {
		enum link_mode	 next;
		const char	*says;
	} cycle[] = {
		{ LINKS_ALL, "Links: every name" },		/* FIRST */
		{ LINKS_EXPLICIT, "Links: written links only" },	/* ALL */
		{ LINKS_FIRST,
		    "Links: the first of each name in a paragraph" },	/* EXPLICIT */
	};
	enum link_mode now = lcache_links(r->cache);

	(void)cmd;
	(void)arg;
	reader_set_links(r, cycle[now].next);
	reader_msg(r, "%s", cycle[now].says);
	return READER_CONTINUE;
}

static enum reader_status
cmd_other_region(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (!r->has_pane) {
		reader_msg(r, "No pane is open: e shows the experts");
		return READER_CONTINUE;
	}
	if (r->focus == REGION_PANE) {
		reader_focus_body(r);
		return READER_CONTINUE;
	}
	r->pane_shown = true;
	r->focus = REGION_PANE;
	r->toc_asked = false;
	reader_layout_screen(r);
	return READER_CONTINUE;
}

static enum reader_status
cmd_close(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (r->focus == REGION_TOC)
		leave_toc(r);
	else if (r->g.pane_visible) {
		r->pane_shown = false;
		reader_focus_body(r);
	} else if (r->search.on)
		r->search.on = false;
	else
		r->body.sel.on = false;
	return READER_CONTINUE;
}

/* ---- references and jumps ------------------------------------------------------------ */

/*
 * Tab: the next reference after the selection, or after the top of the
 * screen when nothing on screen is selected, through the whole document;
 * scrolled into view when it is off screen. At the end, round to the
 * first, as less's search does, and say so.
 */
static enum reader_status
cycle_ref(struct reader *r, int dir)
{
	const struct line *l;
	struct doc *d;
	struct docspan from;
	struct item it;
	int h;
	bool from_sel, wrapped = false;

	if (r->focus == REGION_TOC) {
		r->focus = REGION_BODY;
		r->toc_asked = false;
		reader_layout_screen(r);
	}
	d = reader_focus_doc(r);
	h = reader_doc_height(r, d);
	from_sel = d->sel.on && (doc_shows(d, d->sel.a.pos, h) ||
	    doc_shows(d, d->sel.b.pos, h));
	from.span = 0;
	if (from_sel)
		from = dir > 0 ? d->sel.b : d->sel.a;
	else {
		/* Back from the end of the screen's last line. */
		from.pos = d->top;
		if (dir < 0 && h > 0) {
			doc_move(d, &from.pos, h - 1);
			l = doc_line(d, from.pos);
			from.span = l != NULL ? l->nspans : 0;
		}
	}
	if (!doc_item_step(d, from, dir, !from_sel && dir > 0, &it)) {
		from.pos.part = from.pos.line = 0;
		from.span = 0;
		if (dir < 0) {
			from.pos = doc_last(d);
			l = doc_line(d, from.pos);
			from.span = l != NULL ? l->nspans : 0;
		}
		if (!doc_item_step(d, from, dir, dir > 0, &it)) {
			reader_msg(r, "No cross-reference in this %s",
			    d == &r->pane ? "pane" : "article");
			return READER_CONTINUE;
		}
		wrapped = true;
	}
	doc_select(d, &it);
	reader_show_lines(r, d, it.first.pos, it.last.pos);
	if (wrapped)
		reader_msg(r, dir > 0 ? "Past the last cross-reference: back "
		    "to the first" : "Before the first cross-reference: on "
		    "to the last");
	return READER_CONTINUE;
}

static enum reader_status
cmd_next_ref(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	return cycle_ref(r, 1);
}

static enum reader_status
cmd_prev_ref(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	return cycle_ref(r, -1);
}

/* Show a unit: the article at its part, or the pane; returns the doc. */
struct doc *
reader_show_unit(struct reader *r, struct unit_ref u, size_t *part)
{
	if (u.kind == UNIT_EXPERT || u.kind == UNIT_ACTOR) {
		reader_open_pane(r, u);
		*part = 0;
		return &r->pane;
	}
	*part = doc_part_of_slot(&r->body, briefing_slot(r->b, u));
	if (*part >= r->body.nparts)
		return NULL;
	reader_focus_body(r);
	return &r->body;
}

static void
jump_mention(struct reader *r, size_t m)
{
	const struct mention *mn = &r->x->mentions[m];
	struct doc *d;
	size_t part;

	d = reader_show_unit(r, mn->unit, &part);
	if (d == NULL || r->g.too_small)
		return;
	if (doc_select_ref(d, part, mn->target, m))
		top_near(r, d, d->sel.a.pos);
	else
		top_near(r, d, doc_part_start(d, part));
}

/* The first line of a part that shows quote q, or the part's start. */
static struct docpos
quote_pos(struct doc *d, size_t part, size_t q)
{
	const struct page *page = lcache_page(d->cache, doc_slot(d, part));
	const struct layout *lay = doc_layout(d, part);
	struct docpos p = doc_part_start(d, part);
	size_t i, first, end;

	for (i = 0; page != NULL && i < page->nleaves; i++) {
		if (page->leaves[i]->quote != q)
			continue;
		typeset_leaf_lines(lay, i, &first, &end);
		if (first < end)
			p.line += first;
		break;
	}
	return p;
}

static void
jump_quote(struct reader *r, size_t q)
{
	const struct quote *qt = &r->x->quotes[q];
	struct doc *d;
	size_t part;

	d = reader_show_unit(r, qt->unit, &part);
	if (d == NULL || r->g.too_small)
		return;
	d->sel.on = false;
	top_near(r, d, quote_pos(d, part, q));
	/* Marked until the next key, so the eye finds it. */
	r->flash = true;
	r->flash_slot = doc_slot(d, part);
	r->flash_quote = q;
}

/* An expert's pane at one of their quotes, the quote selected whole. */
static void
quote_in_pane(struct reader *r, size_t q)
{
	struct unit_ref u = { UNIT_EXPERT, r->x->quotes[q].expert };
	struct ref_target t = { REF_QUOTE, q };

	reader_history_mark(r);
	reader_open_pane(r, u);
	if (r->g.too_small)
		return;
	r->pane.sel.on = false;
	if (doc_select_ref(&r->pane, 0, t, XREF_NONE))
		top_near(r, &r->pane, r->pane.sel.a.pos);
	else
		r->pane.top.part = r->pane.top.line = 0;
}

/*
 * The quote a selected expert link attributes, when it is the quote's
 * attribution (or any link to the quoted expert inside it), or XREF_NONE.
 */
static size_t
attributed_quote(struct reader *r, struct doc *d, const struct span *sp)
{
	const struct line *l = doc_text_line(d, d->sel.a.pos);
	const struct page *page;
	size_t q;

	if (sp->ref.kind != REF_EXPERT || l == NULL)
		return XREF_NONE;
	page = lcache_page(r->cache, doc_slot(d, d->sel.a.pos.part));
	if (l->block >= page->nleaves)
		return XREF_NONE;
	q = page->leaves[l->block]->quote;
	if (q == XREF_NONE || q >= r->x->nquotes ||
	    r->x->quotes[q].expert != sp->ref.index)
		return XREF_NONE;
	return q;
}

void
reader_follow(struct reader *r, struct ref_target t)
{
	struct unit_ref u;

	switch (t.kind) {
	case REF_ACTOR:
	case REF_EXPERT:
		ref_unit(t, &u);
		if (u.index >= briefing_unit_count(r->b, u.kind))
			return;
		/* An expert's page without the index would say "not
		 * quoted". */
		if (t.kind == REF_EXPERT && reader_opening_lacks(r, CMDF_INDEX))
			return;
		reader_history_mark(r);
		reader_open_pane(r, u);
		r->pane.top.part = r->pane.top.line = 0;
		break;
	case REF_SECTION:
		if (t.index >= r->b->nsections)
			return;
		u.kind = UNIT_SECTION;
		u.index = t.index;
		reader_goto_section(r, doc_part_of_slot(&r->body,
		    briefing_slot(r->b, u)) - 1);
		break;
	case REF_MENTION:
		if (t.index >= r->x->nmentions)
			return;
		reader_history_mark(r);
		jump_mention(r, t.index);
		break;
	case REF_QUOTE:
		if (t.index >= r->x->nquotes)
			return;
		reader_history_mark(r);
		jump_quote(r, t.index);
		break;
	case REF_NONE:
		break;
	}
}

void
reader_follow_selected(struct reader *r)
{
	struct doc *d = reader_focus_doc(r);
	const struct span *sp;
	size_t q;

	if (!d->sel.on || (sp = doc_span(d, d->sel.a)) == NULL) {
		reader_msg(r, "No cross-reference selected: Tab selects one");
		return;
	}
	if ((q = attributed_quote(r, d, sp)) != XREF_NONE) {
		quote_in_pane(r, q);
		return;
	}
	reader_follow(r, sp->ref);
}

static enum reader_status
cmd_follow(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	reader_follow_selected(r);
	return READER_CONTINUE;
}

/* ---- the measure ----------------------------------------------------------------- */

#define MEASURE_STEP	4

static enum reader_status
cmd_measure(struct reader *r, enum command cmd, int arg)
{
	int m = r->measure + (cmd == CMD_MEASURE_WIDER ? MEASURE_STEP :
	    -MEASURE_STEP);

	(void)arg;
	reader_set_measure(r, m);
	if (r->measure != m)
		reader_msg(r, "The measure goes from %d to %d columns",
		    GEOM_MEASURE_MIN, GEOM_MEASURE_MAX);
	else if (r->g.body_text < r->measure)
		reader_msg(r, "Measure %d columns; the window shows %d",
		    r->measure, r->g.body_text);
	else
		reader_msg(r, "Measure %d columns", r->measure);
	return READER_CONTINUE;
}

/* ---- the rest, and the tables ------------------------------------------------------------ */

static enum reader_status
cmd_quit(struct reader *r, enum command cmd, int arg)
{
	(void)r;
	(void)cmd;
	(void)arg;
	return READER_QUIT;
}

enum reader_status
cmd_redraw(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	r->redraw = true;
	return READER_CONTINUE;
}

static const struct cmd_entry normal_cmds[CMD__COUNT] = {
	[CMD_QUIT] =		{ cmd_quit, CMDF_ANY_SIZE },
	[CMD_HELP] =		{ cmd_help, 0 },
	[CMD_LINE_DOWN] =	{ cmd_motion, 0 },
	[CMD_LINE_UP] =		{ cmd_motion, 0 },
	[CMD_PAGE_DOWN] =	{ cmd_motion, 0 },
	[CMD_PAGE_UP] =		{ cmd_motion, 0 },
	[CMD_HALF_DOWN] =	{ cmd_motion, 0 },
	[CMD_HALF_UP] =		{ cmd_motion, 0 },
	[CMD_TOP] =		{ cmd_motion, 0 },
	[CMD_BOTTOM] =		{ cmd_motion, 0 },
	[CMD_NEXT_SECTION] =	{ cmd_next_section, 0 },
	[CMD_PREV_SECTION] =	{ cmd_prev_section, 0 },
	[CMD_TOC] =		{ cmd_toc, 0 },
	[CMD_NEXT_REF] =	{ cmd_next_ref, 0 },
	[CMD_PREV_REF] =	{ cmd_prev_ref, 0 },
	[CMD_FOLLOW] =		{ cmd_follow, 0 },
	[CMD_BACK] =		{ cmd_back, 0 },
	[CMD_FORWARD] =		{ cmd_forward, 0 },
	[CMD_EXPERT_PANE] =	{ cmd_expert_pane, CMDF_INDEX },
	[CMD_EXPERT] =		{ cmd_expert, CMDF_INDEX },
	[CMD_ACTOR_INDEX] =	{ cmd_actor_index, CMDF_PROFILES },
	[CMD_SEARCH] =		{ cmd_search, 0 },
	[CMD_SEARCH_NEXT] =	{ cmd_search_next, 0 },
	[CMD_SEARCH_PREV] =	{ cmd_search_prev, 0 },
	[CMD_CLOSE] =		{ cmd_close, 0 },
	[CMD_OTHER_REGION] =	{ cmd_other_region, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
	[CMD_HINTS] =		{ cmd_hints, 0 },
	[CMD_EXPERT_LIST] =	{ cmd_expert_list, CMDF_INDEX },
	[CMD_LINKS] =		{ cmd_links, 0 },
	[CMD_MEASURE_WIDER] =	{ cmd_measure, 0 },
	[CMD_MEASURE_NARROWER] = { cmd_measure, 0 },
};

static const struct cmd_entry toc_cmds[CMD__COUNT] = {
	[CMD_LINE_DOWN] =	{ toc_motion, 0 },
	[CMD_LINE_UP] =		{ toc_motion, 0 },
	[CMD_PAGE_DOWN] =	{ toc_motion, 0 },
	[CMD_PAGE_UP] =		{ toc_motion, 0 },
	[CMD_HALF_DOWN] =	{ toc_motion, 0 },
	[CMD_HALF_UP] =		{ toc_motion, 0 },
	[CMD_TOP] =		{ toc_motion, 0 },
	[CMD_BOTTOM] =		{ toc_motion, 0 },
	[CMD_FOLLOW] =		{ toc_open, 0 },
	[CMD_CLOSE] =		{ toc_close, 0 },
};

const struct cmd_entry *const reader_cmds[KEYMODE__COUNT] = {
	normal_cmds,	/* KEYMODE_NORMAL */
	toc_cmds,	/* KEYMODE_TOC */
	reader_index_cmds,	/* KEYMODE_INDEX */
	reader_prompt_cmds,	/* KEYMODE_PROMPT */
	reader_help_cmds,	/* KEYMODE_HELP */
	reader_hints_cmds,	/* KEYMODE_HINTS */
};
