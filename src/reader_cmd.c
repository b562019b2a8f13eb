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
static void
history_mark(struct reader *r)
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
static void
show_lines(struct reader *r, struct doc *d, struct docpos first,
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
			history_mark(r);
		d->top.part = d->top.line = 0;
		break;
	case CMD_BOTTOM:
		history_mark(r);
		d->top = doc_max_top(d, (int)h, false);
		sections = false;
		break;
	default:
		break;
	}
	doc_clamp(d, (int)h, sections);
	return READER_CONTINUE;
}


static void
focus_body(struct reader *r)
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
	history_mark(r);
	focus_body(r);
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
			history_mark(r);
			focus_body(r);
			d->top.part = d->top.line = 0;
		} else
			reader_msg(r, "This is the first section");
		return;
	}
	reader_goto_section(r, part - 2);
}

static enum reader_status
cmd_next_section(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	next_section(r, 1);
	return READER_CONTINUE;
}

static enum reader_status
cmd_prev_section(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
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
		focus_body(r);
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

static void
open_pane(struct reader *r, struct unit_ref u)
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
	history_mark(r);
	u.index = x->numbered[n - 1];
	open_pane(r, u);
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
	if (r->g.pane_visible && r->pane_unit.kind == UNIT_EXPERT) {
		r->pane_shown = false;
		focus_body(r);
		return READER_CONTINUE;
	}
	if (r->b->nexperts == 0) {
		reader_msg(r, "No expert is quoted in this briefing");
		return READER_CONTINUE;
	}
	if (r->last_expert == MODEL_NONE)
		r->last_expert = r->x->nnumbered > 0 ? r->x->numbered[0] : 0;
	u.index = r->last_expert;
	open_pane(r, u);
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
		focus_body(r);
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
		focus_body(r);
	} else if (r->search.on)
		r->search.on = false;
	else
		r->body.sel.on = false;
	return READER_CONTINUE;
}

/* ---- references and jumps ------------------------------------------------------------ */

static enum reader_status
cycle_ref(struct reader *r, int dir)
{
	struct items items = { NULL, 0, 0 };
	struct doc *d;
	size_t i, n;

	if (r->focus == REGION_TOC) {
		r->focus = REGION_BODY;
		r->toc_asked = false;
		reader_layout_screen(r);
	}
	d = reader_focus_doc(r);
	doc_items(d, d->top, reader_doc_height(r, d), &items);
	n = items.n;
	if (n == 0) {
		reader_msg(r, "No cross-reference on screen");
		free(items.v);
		return READER_CONTINUE;
	}
	for (i = 0; i < n; i++) {
		if (d->sel.on &&
		    doc_pos_cmp(items.v[i].last.pos, d->sel.b.pos) == 0 &&
		    items.v[i].last.span == d->sel.b.span)
			break;
	}
	if (i == n)
		i = dir > 0 ? 0 : n - 1;
	else
		i = dir > 0 ? (i + 1) % n : (i + n - 1) % n;
	doc_select(d, &items.v[i]);
	free(items.v);
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
static struct doc *
show_unit(struct reader *r, struct unit_ref u, size_t *part)
{
	if (u.kind == UNIT_EXPERT || u.kind == UNIT_ACTOR) {
		open_pane(r, u);
		*part = 0;
		return &r->pane;
	}
	*part = doc_part_of_slot(&r->body, briefing_slot(r->b, u));
	if (*part >= r->body.nparts)
		return NULL;
	focus_body(r);
	return &r->body;
}

static void
jump_mention(struct reader *r, size_t m)
{
	const struct mention *mn = &r->x->mentions[m];
	struct doc *d;
	size_t part;

	d = show_unit(r, mn->unit, &part);
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

	d = show_unit(r, qt->unit, &part);
	if (d == NULL || r->g.too_small)
		return;
	d->sel.on = false;
	top_near(r, d, quote_pos(d, part, q));
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
		history_mark(r);
		open_pane(r, u);
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
		history_mark(r);
		jump_mention(r, t.index);
		break;
	case REF_QUOTE:
		if (t.index >= r->x->nquotes)
			return;
		history_mark(r);
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

	if (!d->sel.on || (sp = doc_span(d, d->sel.a)) == NULL) {
		reader_msg(r, "No cross-reference selected: Tab selects one");
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

/* ---- search -------------------------------------------------------------------- */

/* Show match i: the article or the pane at the line that shows it. */
static void
goto_match(struct reader *r, size_t i)
{
	const struct match *m = &r->search.v[i];
	struct unit_ref u = briefing_slot_unit(r->b, m->slot);
	const struct layout *lay;
	struct docpos pos, to;
	struct doc *d;
	size_t part, first, end, k, last, s, e;

	r->search.cur = i;
	r->search.on = true;
	if ((d = show_unit(r, u, &part)) == NULL || r->g.too_small)
		return;
	lay = doc_layout(d, part);
	typeset_leaf_lines(lay, m->leaf, &first, &end);
	/* The lines that show the match: [k, last]. */
	for (k = first; k < end; k++)
		if (typeset_map(&lay->lines[k], m->start, m->end, &s, &e))
			break;
	for (last = k; last + 1 < end &&
	    typeset_map(&lay->lines[last + 1], m->start, m->end, &s, &e);
	    last++)
		continue;
	pos.part = to.part = part;
	pos.line = (part > 0 ? 1 : 0) + (k < end ? k : first);
	to.line = (part > 0 ? 1 : 0) + (k < end ? last : first);
	show_lines(r, d, pos, to);
}

static void
report_match(struct reader *r, bool wrapped)
{
	reader_msg(r, "match %zu of %zu%s", r->search.cur + 1, r->search.n,
	    wrapped ? " (search wrapped)" : "");
}

/* Where searches start: the focused document's top line. */
static size_t
search_origin(struct reader *r)
{
	struct doc *d = reader_focus_doc(r);
	const struct line *l = doc_text_line(d, d->top);

	return search_at_or_after(&r->search, doc_slot(d, d->top.part),
	    l != NULL ? l->block : 0);
}

size_t
reader_search(struct reader *r, const char *pattern)
{
	size_t i;

	search_run(&r->search, r->cache, pattern, 0, lcache_slots(r->cache));
	if (r->search.n == 0) {
		reader_msg(r, "Pattern not found: %s", pattern);
		return 0;
	}
	i = search_origin(r);
	history_mark(r);
	goto_match(r, i < r->search.n ? i : 0);
	report_match(r, i == r->search.n);
	return r->search.n;
}

static void
search_step(struct reader *r, int dir)
{
	struct search *s = &r->search;
	size_t i;
	bool wrapped;

	if (s->pattern == NULL) {
		reader_msg(r, "No previous search: / searches");
		return;
	}
	if (s->n == 0) {
		reader_msg(r, "Pattern not found: %s", s->pattern);
		return;
	}
	if (!s->on)
		i = s->cur;
	else if (dir > 0)
		i = s->cur + 1;
	else
		i = s->cur == 0 ? s->n : s->cur - 1;
	wrapped = i >= s->n;
	if (wrapped)
		i = dir > 0 ? 0 : s->n - 1;
	history_mark(r);
	goto_match(r, i);
	report_match(r, wrapped);
}

static enum reader_status
cmd_search(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	r->mode = MODE_PROMPT;
	buf_reset(&r->prompt);
	return READER_CONTINUE;
}

static enum reader_status
cmd_search_next(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	search_step(r, 1);
	return READER_CONTINUE;
}

static enum reader_status
cmd_search_prev(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	search_step(r, -1);
	return READER_CONTINUE;
}

/* ---- typing ------------------------------------------------------------------------ */

/* Remove the last character of a buffer; false when it was empty. */
static bool
buf_chop(struct buf *b)
{
	if (b->len == 0)
		return false;
	do
		b->len--;
	while (b->len > 0 && ((unsigned char)b->data[b->len] & 0xc0) == 0x80);
	b->data[b->len] = '\0';
	return true;
}

static void
refilter(struct reader *r)
{
	aindex_filter(&r->index, r->index.filter.data != NULL ?
	    r->index.filter.data : "");
}

void
reader_type(struct reader *r, int key)
{
	char enc[4];
	size_t n = utf8_encode((uint32_t)key, enc);

	if (r->mode == MODE_PROMPT)
		buf_add(&r->prompt, enc, n);
	else if (r->mode == MODE_INDEX) {
		buf_add(&r->index.filter, enc, n);
		refilter(r);
	}
}

static enum reader_status
prompt_accept(struct reader *r, enum command cmd, int arg)
{
	char *s;

	(void)cmd;
	(void)arg;
	r->mode = MODE_NORMAL;
	if (r->prompt.len == 0 && r->search.pattern != NULL) {
		s = xstrdup(r->search.pattern);
		reader_search(r, s);
		free(s);
	} else if (r->prompt.len > 0)
		reader_search(r, r->prompt.data);
	return READER_CONTINUE;
}

static enum reader_status
prompt_delete(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (!buf_chop(&r->prompt))
		r->mode = MODE_NORMAL;
	return READER_CONTINUE;
}

static enum reader_status
prompt_clear(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	buf_reset(&r->prompt);
	return READER_CONTINUE;
}

/* Esc in an overlay or at the prompt: back to reading. */
static enum reader_status
mode_close(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	r->mode = MODE_NORMAL;
	return READER_CONTINUE;
}

/* ---- the actor index ------------------------------------------------------------------ */

size_t
reader_filter(struct reader *r, const char *s)
{
	char *copy = xstrdup(s);
	size_t n = aindex_filter(&r->index, copy);

	free(copy);
	return n;
}

static enum reader_status
cmd_actor_index(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (r->b->nactors == 0) {
		reader_msg(r, "This briefing has no actors");
		return READER_CONTINUE;
	}
	r->mode = MODE_INDEX;
	reader_filter(r, "");
	return READER_CONTINUE;
}

void
reader_open_index_row(struct reader *r)
{
	struct ref_target t = { REF_ACTOR, 0 };

	if (r->index.n == 0) {
		reader_msg(r, "No actor matches \"%s\"",
		    reader_index_filter(r));
		return;
	}
	r->mode = MODE_NORMAL;
	t.index = r->index.items[r->index.cur];
	reader_follow(r, t);
}

static enum reader_status
index_open(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	reader_open_index_row(r);
	return READER_CONTINUE;
}

static enum reader_status
index_delete(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (buf_chop(&r->index.filter))
		refilter(r);
	return READER_CONTINUE;
}

static enum reader_status
index_clear(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	reader_filter(r, "");
	return READER_CONTINUE;
}

static enum reader_status
index_motion(struct reader *r, enum command cmd, int arg)
{
	(void)arg;
	aindex_move(&r->index, cmd, r->g.index_list.h > 0 ?
	    (size_t)r->g.index_list.h : 1);
	return READER_CONTINUE;
}

/* ---- help ---------------------------------------------------------------------------- */

void
reader_help_build(struct reader *r, int width)
{
	char *help, *line, *next;
	size_t i, old = r->nhelp;

	if (width == r->help_width && r->help != NULL)
		return;
	for (i = 0; i < r->nhelp; i++)
		free(r->help[i]);
	free(r->help);
	r->help = NULL;
	r->nhelp = 0;
	r->help_width = width;
	help = keymap_help_text(width);
	for (line = help; *line != '\0'; line = next + 1) {
		if ((next = strchr(line, '\n')) == NULL)
			break;
		r->help = xreallocarray(r->help, r->nhelp + 1,
		    sizeof *r->help);
		r->help[r->nhelp++] = xstrndup(line, (size_t)(next - line));
	}
	free(help);
	/* About the same place in the text, wrapped anew. */
	if (old > 0)
		r->help_top = r->help_top * r->nhelp / old;
}

static enum reader_status
cmd_help(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	r->mode = MODE_HELP;
	r->help_top = 0;
	return READER_CONTINUE;
}

static enum reader_status
help_motion(struct reader *r, enum command cmd, int arg)
{
	size_t h = r->g.overlay.h > 2 ? (size_t)r->g.overlay.h - 2 : 1;
	size_t max = r->nhelp > h ? r->nhelp - h : 0;

	(void)arg;
	/* The cursor is the top line: a list of max + 1 tops. */
	r->help_top = keymap_move(r->help_top, max + 1, h, cmd);
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

static enum reader_status
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
	[CMD_EXPERT_PANE] =	{ cmd_expert_pane, 0 },
	[CMD_EXPERT] =		{ cmd_expert, 0 },
	[CMD_ACTOR_INDEX] =	{ cmd_actor_index, 0 },
	[CMD_SEARCH] =		{ cmd_search, 0 },
	[CMD_SEARCH_NEXT] =	{ cmd_search_next, 0 },
	[CMD_SEARCH_PREV] =	{ cmd_search_prev, 0 },
	[CMD_CLOSE] =		{ cmd_close, 0 },
	[CMD_OTHER_REGION] =	{ cmd_other_region, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
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

static const struct cmd_entry index_cmds[CMD__COUNT] = {
	[CMD_LINE_DOWN] =	{ index_motion, 0 },
	[CMD_LINE_UP] =		{ index_motion, 0 },
	[CMD_PAGE_DOWN] =	{ index_motion, 0 },
	[CMD_PAGE_UP] =		{ index_motion, 0 },
	[CMD_TOP] =		{ index_motion, 0 },
	[CMD_BOTTOM] =		{ index_motion, 0 },
	[CMD_FOLLOW] =		{ index_open, 0 },
	[CMD_DELETE_CHAR] =	{ index_delete, 0 },
	[CMD_CLEAR_INPUT] =	{ index_clear, 0 },
	[CMD_CLOSE] =		{ mode_close, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
};

static const struct cmd_entry prompt_cmds[CMD__COUNT] = {
	[CMD_FOLLOW] =		{ prompt_accept, 0 },
	[CMD_DELETE_CHAR] =	{ prompt_delete, 0 },
	[CMD_CLEAR_INPUT] =	{ prompt_clear, 0 },
	[CMD_CLOSE] =		{ mode_close, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
};

static const struct cmd_entry help_cmds[CMD__COUNT] = {
	[CMD_LINE_DOWN] =	{ help_motion, 0 },
	[CMD_LINE_UP] =		{ help_motion, 0 },
	[CMD_PAGE_DOWN] =	{ help_motion, 0 },
	[CMD_PAGE_UP] =		{ help_motion, 0 },
	[CMD_HALF_DOWN] =	{ help_motion, 0 },
	[CMD_HALF_UP] =		{ help_motion, 0 },
	[CMD_TOP] =		{ help_motion, 0 },
	[CMD_BOTTOM] =		{ help_motion, 0 },
	[CMD_CLOSE] =		{ mode_close, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
};

const struct cmd_entry *const reader_cmds[KEYMODE__COUNT] = {
	normal_cmds,	/* KEYMODE_NORMAL */
	toc_cmds,	/* KEYMODE_TOC */
	index_cmds,	/* KEYMODE_INDEX */
	prompt_cmds,	/* KEYMODE_PROMPT */
	help_cmds,	/* KEYMODE_HELP */
};
