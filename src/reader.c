/*
 * reader: the core. The state lives here and in reader_int.h; the
 * commands in reader_cmd.c.
 */
#include "reader_int.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textsafe.h"
#include "utf8.h"

/* ---- messages and regions ------------------------------------------------ */

void
reader_msg(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	free(r->msg);
	va_start(ap, fmt);
	r->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

struct doc *
reader_focus_doc(struct reader *r)
{
	if (r->focus == REGION_PANE && r->g.pane_visible)
		return &r->pane;
	return &r->body;
}

int
reader_doc_height(const struct reader *r, const struct doc *d)
{
	int h = d == &r->pane ? r->g.pane_area.h : r->g.body.h;

	return h < 1 ? 1 : h;
}

void
reader_clamp(struct reader *r)
{
	doc_clamp(&r->body, reader_doc_height(r, &r->body), true);
	if (r->has_pane)
		doc_clamp(&r->pane, reader_doc_height(r, &r->pane), false);
}

/* ---- the screen ------------------------------------------------------------ */

/* Place every region for the size and state; lay the documents out. */
void
reader_layout_screen(struct reader *r)
{
	struct geometry_in in;
	size_t h;

	in.cols = r->cols;
	in.rows = r->rows;
	in.pane_open = r->has_pane && r->pane_shown;
	in.toc_asked = r->toc_asked;
	in.measure = r->measure;
	in.toc_natural = r->toc_natural;
	geometry_compute(&in, &r->g);
	if (r->g.too_small) {
		/* Labels over a screen not drawn would be stale once it is. */
		if (r->mode == MODE_HINTS)
			r->mode = MODE_NORMAL;
		return;
	}
	if (!r->g.pane_beside && r->g.pane_visible && r->focus == REGION_BODY)
		r->focus = REGION_PANE;
	if (!r->g.pane_visible && r->focus == REGION_PANE)
		r->focus = REGION_BODY;
	if (!r->g.toc_visible && r->focus == REGION_TOC)
		r->focus = REGION_BODY;
	reader_help_build(r, r->g.overlay.w - 2);
	h = r->g.index_list.h > 0 ? (size_t)r->g.index_list.h : 1;
	aindex_show_cursor(&r->index, h);
	doc_set_width(&r->body, r->g.body_text);
	if (r->has_pane)
		doc_set_width(&r->pane, r->g.pane_text);
	reader_clamp(r);
	reader_toc_follow(r);
	reader_hints_refresh(r);
}

void
reader_resize(struct reader *r, int cols, int rows)
{
	r->cols = cols < 0 ? 0 : cols;
	r->rows = rows < 0 ? 0 : rows;
	reader_layout_screen(r);
}

/* ---- the TOC ------------------------------------------------------------- */

size_t
reader_toc_count(const struct reader *r)
{
	return r->body.nparts > 0 ? r->body.nparts - 1 : 0;
}

static struct unit_ref
toc_unit(const struct reader *r, size_t entry)
{
	return briefing_slot_unit(r->b, doc_slot(&r->body, entry + 1));
}

const char *
reader_toc_title(const struct reader *r, size_t entry)
{
	if (entry >= reader_toc_count(r))
		return "";
	return briefing_unit_title(r->b, toc_unit(r, entry));
}

int
reader_toc_level(const struct reader *r, size_t entry)
{
	struct unit_ref u;

	if (entry >= reader_toc_count(r))
		return 1;
	u = toc_unit(r, entry);
	if (u.kind != UNIT_SECTION)
		return 2;
	return r->b->sections[u.index].level;
}

size_t
reader_toc_current(const struct reader *r)
{
	size_t part = r->body.top.part;

	if (reader_toc_count(r) == 0)
		return 0;
	/* At the end, what shows at the bottom: the last part. */
	if (r->at_end)
		part = r->body.nparts - 1;
	return part == 0 ? 0 : part - 1;
}

size_t
reader_toc_cursor(const struct reader *r)
{
	return r->toc_cur;
}

size_t
reader_toc_top(const struct reader *r)
{
	return r->toc_top;
}

/* The cursor follows the article unless the TOC has the focus. */
void
reader_toc_follow(struct reader *r)
{
	size_t n = reader_toc_count(r), h;

	r->at_end = !r->g.too_small && r->body.width > 0 &&
	    doc_at_end(&r->body, reader_doc_height(r, &r->body));
	if (r->focus != REGION_TOC)
		r->toc_cur = reader_toc_current(r);
	if (n > 0 && r->toc_cur >= n)
		r->toc_cur = n - 1;
	h = r->g.toc.h > 1 ? (size_t)r->g.toc.h - 1 : 1;
	if (r->toc_cur < r->toc_top)
		r->toc_top = r->toc_cur;
	else if (r->toc_cur >= r->toc_top + h)
		r->toc_top = r->toc_cur - h + 1;
}

/* ---- keys ------------------------------------------------------------------- */

enum keymode
reader_keymode(const struct reader *r)
{
	switch (r->mode) {
	case MODE_HELP:
		return KEYMODE_HELP;
	case MODE_INDEX:
		return KEYMODE_INDEX;
	case MODE_PROMPT:
		return KEYMODE_PROMPT;
	case MODE_HINTS:
		return KEYMODE_HINTS;
	case MODE_NORMAL:
		break;
	}
	return r->focus == REGION_TOC ? KEYMODE_TOC : KEYMODE_NORMAL;
}

bool
reader_opening_lacks(struct reader *r, unsigned flags)
{
	enum opening_stage st;

	if (r->opening == NULL)
		return false;
	st = opening_stage(r->opening);
	if ((flags & CMDF_PROFILES) && st == OPENING_PROFILES) {
		reader_msg(r, "Still reading the experts and actors (%d%%)",
		    opening_percent(r->opening));
		return true;
	}
	if ((flags & CMDF_INDEX) && st < OPENING_DONE) {
		reader_msg(r, "Still indexing the briefing (%d%%): quotes "
		    "and numbers in a moment", opening_percent(r->opening));
		return true;
	}
	return false;
}

static enum reader_status
dispatch(struct reader *r, enum keymode mode, const struct binding *bd)
{
	const struct cmd_entry *e = &reader_cmds[mode][bd->cmd];
	enum reader_status st;

	if (e->fn == NULL)
		return READER_CONTINUE;
	if (r->g.too_small && !(e->flags & CMDF_ANY_SIZE))
		return READER_CONTINUE;
	if (reader_opening_lacks(r, e->flags))
		return READER_CONTINUE;
	st = e->fn(r, bd->cmd, bd->arg);
	reader_toc_follow(r);
	return st;
}

enum reader_status
reader_key(struct reader *r, int key)
{
	const struct binding *bd;
	enum keymode mode = reader_keymode(r), from;
	char name[KEYMAP_NAME_MAX];

	lcache_trim(r->cache, READER_KEEP);
	free(r->msg);
	r->msg = NULL;
	r->report_pending = false;
	r->flash = false;
	bd = keymap_lookup(mode, key, &from);
	if (r->g.too_small) {
		/* Only what works at any size (q, ^L), and no q while
		 * typing: a "q" in a search pattern or a filter must not
		 * quit because the window shrank. */
		if (bd == NULL || (keymap_tables[mode].typing &&
		    bd->cmd == CMD_QUIT))
			return READER_CONTINUE;
		return dispatch(r, from, bd);
	}
	if (bd != NULL)
		return dispatch(r, from, bd);
	if (keymap_tables[mode].typing && keymap_is_text(key))
		reader_type(r, key);
	else if (mode == KEYMODE_NORMAL || mode == KEYMODE_TOC) {
		if (key != KEYC_NONE && keymap_name(key, name)[0] != '\0')
			reader_msg(r, "Key %s is not bound: ? shows the keys",
			    name);
	}
	return READER_CONTINUE;
}

enum reader_status
reader_exec(struct reader *r, enum command cmd, int arg)
{
	struct binding bd = { .key = KEYC_NONE, .cmd = cmd, .arg = arg };
	enum keymode mode = reader_keymode(r);

	if ((unsigned)cmd >= CMD__COUNT)
		return READER_CONTINUE;
	/* As a key of the mode in front would, else as in the article. */
	if (reader_cmds[mode][cmd].fn == NULL)
		mode = KEYMODE_NORMAL;
	return dispatch(r, mode, &bd);
}

/* ---- the mouse ------------------------------------------------------------- */

/* The span of a document under column x of a region's row. */
static bool
span_under(struct doc *d, const struct rect *rc, int x, int y,
    struct docspan *p)
{
	const struct line *l;
	struct docpos pos = d->top;
	int col = rc->x + 1;
	size_t s;

	if (doc_move(d, &pos, y - rc->y) < (size_t)(y - rc->y) ||
	    (l = doc_line(d, pos)) == NULL)
		return false;
	for (s = 0; s < l->nspans; s++) {
		if (x >= col && x < col + l->spans[s].width) {
			p->pos = pos;
			p->span = s;
			return true;
		}
		col += l->spans[s].width;
	}
	return false;
}

/* A click on a document: select the reference under it and follow it. */
static void
click_doc(struct reader *r, struct doc *d, const struct rect *rc, int x,
    int y)
{
	struct items items = { NULL, 0, 0 };
	struct docspan p;
	const struct span *sp;
	size_t i;

	if (!span_under(d, rc, x, y, &p) || (sp = doc_span(d, p)) == NULL ||
	    sp->ref.kind == REF_NONE)
		return;
	doc_items(d, d->top, rc->h, &items);
	for (i = 0; i < items.n; i++)
		if (doc_item_has(&items.v[i], p))
			break;
	if (i < items.n) {
		doc_select(d, &items.v[i]);
		reader_follow_selected(r);
	}
	free(items.v);
}

static void
click_overlay(struct reader *r, int x, int y)
{
	const struct rect *lr = &r->g.index_list;
	size_t row;

	if (r->mode == MODE_HELP) {
		r->mode = MODE_NORMAL;
		return;
	}
	if (r->mode != MODE_INDEX)
		return;
	if (rect_has(lr, x, y)) {
		row = r->index.top + (size_t)(y - lr->y);
		if (row < r->index.n) {
			r->index.cur = row;
			reader_open_index_row(r);
		}
	} else if (!rect_has(&r->g.overlay, x, y))
		r->mode = MODE_NORMAL;
}

void
reader_click(struct reader *r, int x, int y)
{
	const struct geometry *g = &r->g;
	size_t row;

	free(r->msg);
	r->msg = NULL;
	if (g->too_small)
		return;
	if (r->mode != MODE_NORMAL) {
		click_overlay(r, x, y);
		return;
	}
	if (g->toc_visible && rect_has(&g->toc, x, y)) {
		if (y == g->toc.y)
			return;
		row = r->toc_top + (size_t)(y - g->toc.y - 1);
		if (row < reader_toc_count(r)) {
			r->toc_cur = row;
			reader_goto_section(r, row);
		}
	} else if (g->pane_visible && rect_has(&g->pane_area, x, y)) {
		r->focus = REGION_PANE;
		click_doc(r, &r->pane, &g->pane_area, x, y);
	} else if (g->pane_visible && rect_has(&g->pane_bar, x, y))
		r->focus = REGION_PANE;
	else if (rect_has(&g->body, x, y)) {
		r->focus = REGION_BODY;
		click_doc(r, &r->body, &g->body, x, y);
	}
	reader_toc_follow(r);
}

/* Move a list's top by lines, at most to max. */
static size_t
scroll_top(size_t top, int lines, size_t max)
{
	if (lines < 0)
		return top > (size_t)-lines ? top - (size_t)-lines : 0;
	top += (size_t)lines;
	return top > max ? max : top;
}

void
reader_wheel(struct reader *r, int x, int y, int lines)
{
	const struct geometry *g = &r->g;
	struct doc *d = NULL;
	size_t h, n;

	if (g->too_small)
		return;
	if (r->mode == MODE_INDEX) {
		if (lines < 0)
			r->index.cur = r->index.cur > (size_t)-lines ?
			    r->index.cur - (size_t)-lines : 0;
		else
			r->index.cur += (size_t)lines;
		aindex_show_cursor(&r->index, g->index_list.h > 0 ?
		    (size_t)g->index_list.h : 1);
		return;
	}
	if (r->mode == MODE_HELP) {
		h = g->overlay.h > 2 ? (size_t)g->overlay.h - 2 : 1;
		r->help_top = scroll_top(r->help_top, lines,
		    r->nhelp > h ? r->nhelp - h : 0);
		return;
	}
	if (r->mode != MODE_NORMAL)
		return;
	if (g->toc_visible && rect_has(&g->toc, x, y)) {
		h = g->toc.h > 1 ? (size_t)g->toc.h - 1 : 1;
		n = reader_toc_count(r) > h ? reader_toc_count(r) - h : 0;
		r->toc_top = scroll_top(r->toc_top, lines, n);
		return;
	}
	if (g->pane_visible && (rect_has(&g->pane_area, x, y) ||
	    rect_has(&g->pane_bar, x, y)))
		d = &r->pane;
	else if (rect_has(&g->body, x, y))
		d = &r->body;
	if (d == NULL)
		return;
	doc_move(d, &d->top, lines);
	reader_clamp(r);
	reader_toc_follow(r);
}

/* ---- background work -------------------------------------------------------- */

void
reader_set_interrupt(struct reader *r, bool (*fn)(void *), void *ctx)
{
	r->interrupt = fn;
	r->interrupt_ctx = ctx;
}

/*
 * The index the reader shows is new (the briefing may have gained its
 * experts and actors): pages and layouts made again, the actor index
 * too; the places stay, a selection and labels go, a search counts
 * again.
 */
static void
reindex(struct reader *r, const struct xref *x)
{
	char *filter = r->index.filter.data != NULL ?
	    xstrdup(r->index.filter.data) : NULL;
	int h = reader_doc_height(r, &r->body);
	bool end = r->body.width > 0 && h > 0 && doc_at_end(&r->body, h);
	size_t body_top = doc_top_block(&r->body), pane_top = SIZE_MAX;

	if (r->has_pane)
		pane_top = doc_top_block(&r->pane);
	r->x = x;
	lcache_reindex(r->cache, x);
	/* The actors come once (stage 2); the index's place stays after. */
	if (r->index.nactors != r->b->nactors) {
		aindex_free(&r->index);
		aindex_init(&r->index, r->b);
		if (filter != NULL)
			aindex_filter(&r->index, filter);
	}
	free(filter);
	r->flash = false;
	doc_repage(&r->body, body_top);
	if (r->has_pane)
		doc_repage(&r->pane, pane_top);
	/* At the end it was, at the end it stays. */
	if (end)
		r->body.top = doc_max_top(&r->body, h, false);
	reader_search_again(r);
	reader_clamp(r);
	reader_toc_follow(r);
	reader_hints_refresh(r);	/* labels anew, over the new lines */
}

/* A step of the opening; its end said (and the errors it found). */
static bool
opening_idle(struct reader *r)
{
	size_t n;

	switch (opening_step(r->opening)) {
	case OPENING_WORKING:
		return true;
	case OPENING_NEW_INDEX:
		reindex(r, opening_xref(r->opening));
		if (opening_stage(r->opening) != OPENING_DONE)
			return true;
		break;
	case OPENING_IDLE:
		break;
	}
	if (opening_stage(r->opening) == OPENING_FAILED)
		reader_msg(r, "Over the size budget: the experts and actors "
		    "were not read");
	else if ((n = opening_errors(r->opening)) > 0)
		reader_msg(r, "%zu error%s in this briefing: briefing --check "
		    "lists them", n, n == 1 ? "" : "s");
	r->opening = NULL;
	return true;
}

void
reader_follow_opening(struct reader *r, struct opening *op)
{
	r->opening = op;
	if (opening_xref(op) != r->x)
		reindex(r, opening_xref(op));
}

bool
reader_idle(struct reader *r)
{
	size_t i;

	lcache_trim(r->cache, READER_KEEP);
	if (r->opening != NULL)
		return opening_idle(r);
	if (reader_search_idle(r))
		return true;
	if (r->g.too_small || r->body.width == 0)
		return false;
	/* Every part measured, for an exact length (its layout may go). */
	for (i = 0; i < r->body.nparts; i++) {
		if (!doc_part_measured(&r->body, i)) {
			doc_layout(&r->body, i);
			return true;
		}
	}
	return false;
}

/* ---- what the view reads ------------------------------------------------------ */

const struct briefing *
reader_briefing(const struct reader *r)
{
	return r->b;
}

const struct xref *
reader_xref(const struct reader *r)
{
	return r->x;
}

const struct geometry *
reader_geometry(const struct reader *r)
{
	return &r->g;
}

enum reader_region
reader_focus(const struct reader *r)
{
	return r->focus;
}

bool
reader_pane(const struct reader *r, struct unit_ref *u)
{
	if (!r->g.pane_visible)
		return false;
	*u = r->pane_unit;
	return true;
}

const char *
reader_message(const struct reader *r)
{
	return r->msg;
}

const char *
reader_prompt(const struct reader *r)
{
	return r->prompt.data != NULL ? r->prompt.data : "";
}

bool
reader_take_redraw(struct reader *r)
{
	bool was = r->redraw;

	r->redraw = false;
	return was;
}

/* The selected spans of a line: a range, since selections run on. */
static void
row_selection(const struct doc *d, struct docpos pos, const struct line *l,
    struct row_marks *m)
{
	size_t s;

	m->sel_from = m->sel_to = 0;
	for (s = 0; s < l->nspans; s++) {
		if (!doc_selected(d, pos, s))
			continue;
		if (m->sel_to == 0)
			m->sel_from = s;
		m->sel_to = s + 1;
	}
}

/* The matches a line shows, mapped to its bytes. */
static void
row_matches(struct reader *r, struct doc *d, struct docpos pos,
    const struct line *l, struct row_marks *m)
{
	const struct match *mt, *cur;
	size_t n, i, s, e;

	m->nhl = 0;
	m->hl = r->hl;
	if (!r->search.on || l->nspans == 0)
		return;
	mt = search_leaf(&r->search, doc_slot(d, pos.part), l->block, &n);
	for (i = 0; i <= n; i++) {
		/* After the counted ones, the current one if not yet counted. */
		if (i == n && (!r->search.has_cur ||
		    search_slot_counted(&r->search, r->search.cur.slot) ||
		    r->search.cur.slot != doc_slot(d, pos.part) ||
		    r->search.cur.leaf != l->block))
			break;
		cur = i < n ? &mt[i] : &r->search.cur;
		if (!typeset_map(l, cur->start, cur->end, &s, &e))
			continue;
		ARRAY_RESERVE(r->hl, r->hlcap, m->nhl + 1);
		r->hl[m->nhl].start = s;
		r->hl[m->nhl].end = e;
		r->hl[m->nhl].current = search_is_current(&r->search, cur);
		m->nhl++;
	}
	m->hl = r->hl;
}

/*
 * The labels of link hints that start on a line: once letters are typed,
 * only the labels they begin, and only the letters still to type.
 */
static void
row_labels(struct reader *r, enum reader_region region, struct docpos pos,
    struct row_marks *m)
{
	const struct hintlabel *h;
	const char *typed = r->hint_typed.data;
	size_t i, ntyped = r->hint_typed.len;

	m->nlabels = 0;
	for (i = 0; r->mode == MODE_HINTS && i < r->nhints; i++) {
		h = &r->hints[i];
		if (h->region != region ||
		    doc_pos_cmp(h->it.first.pos, pos) != 0 ||
		    (ntyped > 0 && strncmp(h->label, typed, ntyped) != 0))
			continue;
		ARRAY_RESERVE(r->labels, r->labelcap, m->nlabels + 1);
		r->labels[m->nlabels].span = h->it.first.span;
		r->labels[m->nlabels].text = h->label + ntyped;
		m->nlabels++;
	}
	m->labels = r->labels;
}

/* Is the line part of the quote marked after a jump to it? */
static bool
row_flash(struct reader *r, struct doc *d, struct docpos pos,
    const struct line *l)
{
	const struct page *page;

	if (!r->flash || doc_slot(d, pos.part) != r->flash_slot ||
	    l->nspans == 0 || doc_text_line(d, pos) == NULL)
		return false;
	page = lcache_page(r->cache, r->flash_slot);
	return l->block < page->nleaves &&
	    page->leaves[l->block]->quote == r->flash_quote;
}

const struct line *
reader_row(struct reader *r, enum reader_region region, int row,
    struct row_marks *m)
{
	struct doc *d = region == REGION_PANE ? &r->pane : &r->body;
	struct docpos pos = d->top;
	const struct line *l;

	memset(m, 0, sizeof *m);
	if (row < 0 || d->width == 0 || (region == REGION_PANE &&
	    !r->has_pane))
		return NULL;
	if (doc_move(d, &pos, row) < (size_t)row ||
	    (l = doc_line(d, pos)) == NULL)
		return NULL;
	if (r->focus == region)
		row_selection(d, pos, l, m);
	row_matches(r, d, pos, l, m);
	row_labels(r, region, pos, m);
	m->flash = d == &r->body && row_flash(r, d, pos, l);
	return l;
}

int
reader_percent(struct reader *r)
{
	struct doc *d = reader_focus_doc(r);

	return doc_percent(d, reader_doc_height(r, d));
}

void
reader_place(struct reader *r, struct reader_place *p)
{
	struct doc *d = reader_focus_doc(r);
	const struct section *s;
	int h = reader_doc_height(r, d);
	struct unit_ref u;

	memset(p, 0, sizeof *p);
	p->nsections = reader_toc_count(r);
	p->section = reader_toc_current(r);
	p->pane = d == &r->pane;
	p->percent = doc_percent(d, h);
	p->end = doc_at_end(d, h);
	if (r->opening != NULL) {
		p->opening = opening_stage(r->opening) == OPENING_PROFILES ?
		    "reading" : "indexing";
		p->opening_percent = opening_percent(r->opening);
	}
	if (r->has_pane && r->g.pane_visible)
		p->pane_title = briefing_unit_title(r->b, r->pane_unit);
	if (p->nsections == 0)
		return;
	u = briefing_slot_unit(r->b, doc_slot(&r->body, p->section + 1));
	p->title = briefing_unit_title(r->b, u);
	if (u.kind != UNIT_SECTION)
		return;
	s = &r->b->sections[u.index];
	if (s->level >= 3 && s->parent != MODEL_NONE) {
		p->subtitle = p->title;
		p->title = r->b->sections[s->parent].title;
	}
}

void
reader_set_links(struct reader *r, enum link_mode links)
{
	lcache_set_links(r->cache, links);
	doc_relayout(&r->body);
	if (r->has_pane)
		doc_relayout(&r->pane);
	r->search.on = false;	/* the same text: matches stay, unshown */
	reader_clamp(r);
	reader_toc_follow(r);
}

void
reader_say(struct reader *r, const char *s)
{
	reader_msg(r, "%s", s);
}

void
reader_set_measure(struct reader *r, int measure)
{
	if (measure < GEOM_MEASURE_MIN)
		measure = GEOM_MEASURE_MIN;
	if (measure > GEOM_MEASURE_MAX)
		measure = GEOM_MEASURE_MAX;
	r->measure = measure;
	reader_layout_screen(r);
}

size_t
reader_index_count(const struct reader *r)
{
	return r->index.n;
}

size_t
reader_index_total(const struct reader *r)
{
	return r->b->nactors;
}

size_t
reader_index_actor(const struct reader *r, size_t row)
{
	return row < r->index.n ? r->index.rows[row].actor : MODEL_NONE;
}

const char *
reader_index_alias(const struct reader *r, size_t row)
{
	const struct aindex_row *ar;

	if (row >= r->index.n)
		return NULL;
	ar = &r->index.rows[row];
	if (ar->alias == MODEL_NONE)
		return NULL;
	return r->b->actors[ar->actor].aliases.v[ar->alias];
}

size_t
reader_index_cursor(const struct reader *r)
{
	return r->index.cur;
}

size_t
reader_index_top(const struct reader *r)
{
	return r->index.top;
}

const char *
reader_index_filter(const struct reader *r)
{
	return r->index.filter.data != NULL ? r->index.filter.data : "";
}

size_t
reader_help_count(const struct reader *r)
{
	return r->nhelp;
}

const char *
reader_help_line(const struct reader *r, size_t i)
{
	return i < r->nhelp ? r->help[i] : "";
}

size_t
reader_help_top(const struct reader *r)
{
	return r->help_top;
}

/* ---- life ---------------------------------------------------------------------- */

/* Columns the TOC needs to show every title whole: marker, indent, margin. */
static int
toc_natural(const struct reader *r)
{
	const char *t;
	size_t i;
	int w, max = 0;

	for (i = 0; i < reader_toc_count(r); i++) {
		t = reader_toc_title(r, i);
		w = textsafe_width(t, strlen(t), true) +
		    (reader_toc_level(r, i) >= 3 ? 2 : 0) + 3;
		if (w > max)
			max = w;
	}
	return max;
}

struct reader *
reader_new(const struct briefing *b, const struct xref *x)
{
	struct reader *r = xcalloc(1, sizeof *r);

	r->b = b;
	r->x = x;
	r->cache = lcache_new(b, x);
	doc_init(&r->body, r->cache, 0, briefing_article_parts(b));
	doc_init(&r->pane, r->cache, 0, 0);
	r->focus = REGION_BODY;
	r->last_expert = MODEL_NONE;
	r->measure = GEOM_MEASURE;
	r->toc_natural = toc_natural(r);
	buf_init(&r->prompt);
	buf_init(&r->hint_typed);
	search_init(&r->search);
	aindex_init(&r->index, b);
	reader_help_build(r, 0);
	return r;
}

void
reader_free(struct reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	doc_free(&r->body);
	doc_free(&r->pane);
	lcache_free(r->cache);
	history_free(&r->back);
	history_free(&r->forward);
	search_free(&r->search);
	buf_free(&r->prompt);
	aindex_free(&r->index);
	for (i = 0; i < r->nhelp; i++)
		free(r->help[i]);
	free(r->help);
	free(r->hl);
	free(r->labels);
	free(r->hints);
	buf_free(&r->hint_typed);
	free(r->msg);
	free(r);
}
