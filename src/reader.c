/*
 * reader: geometry, documents, places, selection, history, search and the
 * actor index, driven by keys and clicks.
 */
#include "reader.h"

#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "utf8.h"

/* Lines of context kept above a line jumped to. */
#define JUMP_CONTEXT 2
/* Lines the wheel scrolls. */

/*
 * The cache keeps the last two widths of every unit: showing and hiding
 * the pane on a wide screen switches the article between two widths.
 */
struct cache_slot {
	struct layout	*lay;
	int		 width;
};

struct cache_entry {
	struct cache_slot slot[2];
};

struct layout_cache {
	struct cache_entry	 header;
	struct cache_entry	 timeline;
	struct cache_entry	*sections;
	struct cache_entry	*experts;
	struct cache_entry	*actors;
};

/* A position in a document: a span of a line. */
struct pos {
	size_t	line, span;
};

/* A cross-reference on screen: its first and last span. */
struct item {
	struct pos	first, last;
};

struct items {
	struct item	*v;
	size_t		 n;
	size_t		 cap;
};

static void	 layout_screen(struct reader *);
static void	 index_show_cursor(struct reader *);
static void	 search_refresh(struct reader *);
static void	 set_msg(struct reader *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));

/* ---- layout cache ------------------------------------------------------ */

static struct cache_entry *
cache_entry(struct reader *r, const struct doc_part *p)
{
	struct layout_cache *c = r->cache;

	if (p->header)
		return &c->header;
	switch (p->unit.kind) {
	case UNIT_SECTION:
		return &c->sections[p->unit.index];
	case UNIT_EXPERT:
		return &c->experts[p->unit.index];
	case UNIT_ACTOR:
		return &c->actors[p->unit.index];
	case UNIT_TIMELINE:
		break;
	}
	return &c->timeline;
}

static const struct layout *
cache_get(struct reader *r, const struct doc_part *p, int width)
{
	struct cache_entry *e = cache_entry(r, p);
	struct layout_opts opts = { .width = width, .mark_refs = false };
	struct cache_slot tmp;

	if (e->slot[0].lay != NULL && e->slot[0].width == width)
		return e->slot[0].lay;
	if (e->slot[1].lay != NULL && e->slot[1].width == width) {
		tmp = e->slot[0];
		e->slot[0] = e->slot[1];
		e->slot[1] = tmp;
		return e->slot[0].lay;
	}
	layout_free(e->slot[1].lay);
	e->slot[1] = e->slot[0];
	if (p->header)
		e->slot[0].lay = layout_header(r->briefing, &opts);
	else
		e->slot[0].lay = layout_unit(r->briefing, r->xref, p->unit,
		    &opts);
	e->slot[0].width = width;
	return e->slot[0].lay;
}

static void
cache_entry_free(struct cache_entry *e)
{
	layout_free(e->slot[0].lay);
	layout_free(e->slot[1].lay);
}

static void
cache_free(struct layout_cache *c, const struct briefing *b)
{
	size_t i;

	if (c == NULL)
		return;
	cache_entry_free(&c->header);
	cache_entry_free(&c->timeline);
	for (i = 0; i < b->nsections; i++)
		cache_entry_free(&c->sections[i]);
	for (i = 0; i < b->nexperts; i++)
		cache_entry_free(&c->experts[i]);
	for (i = 0; i < b->nactors; i++)
		cache_entry_free(&c->actors[i]);
	free(c->sections);
	free(c->experts);
	free(c->actors);
	free(c);
}

/* ---- documents --------------------------------------------------------- */

/* The line between two parts. */
static const struct line blank_line = { NULL, 0, 0, 0, 0 };

const struct line *
doc_line(const struct doc *d, size_t i)
{
	const struct doc_part *p;

	if (i >= d->nlines)
		return NULL;
	p = &d->parts[doc_part_of(d, i)];
	if (i - p->first < p->skip)
		return &blank_line;
	return &p->lay->lines[i - p->first - p->skip];
}

/* The doc line of line 0 of a part's layout. */
static size_t
part_start(const struct doc *d, size_t part)
{
	return d->parts[part].first + d->parts[part].skip;
}

size_t
doc_part_of(const struct doc *d, size_t i)
{
	size_t lo = 0, hi = d->nparts, mid;

	/* The last part whose first line is at or before i. */
	while (hi - lo > 1) {
		mid = lo + (hi - lo) / 2;
		if (d->parts[mid].first <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

static int
pos_cmp(struct pos a, struct pos b)
{
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	if (a.span != b.span)
		return a.span < b.span ? -1 : 1;
	return 0;
}

bool
doc_selected(const struct doc *d, size_t i, size_t s)
{
	struct pos p = { i, s };
	struct pos a = { d->sel.line0, d->sel.span0 };
	struct pos b = { d->sel.line1, d->sel.span1 };

	return d->sel.on && pos_cmp(a, p) <= 0 && pos_cmp(p, b) <= 0;
}

static void
doc_init(struct doc *d, size_t nparts)
{
	memset(d, 0, sizeof *d);
	d->parts = xcalloc(nparts, sizeof *d->parts);
	d->nparts = nparts;
}

/* The first line of block `block` of a part, or the nearest after it. */
static size_t
doc_find_block(const struct doc *d, size_t part, size_t block)
{
	const struct layout *lay = d->parts[part].lay;
	size_t i;

	for (i = 0; i < lay->nlines; i++) {
		if (lay->lines[i].block >= block)
			return part_start(d, part) + i;
	}
	return part_start(d, part) + (lay->nlines ? lay->nlines - 1 : 0);
}

/*
 * Lay a document out at a width, keeping the block at its top there and a
 * selected mention selected. Returns whether anything changed.
 */
static bool	 doc_select_mention(struct doc *, size_t part, size_t mention,
		    struct ref_target);

static bool
doc_set_width(struct reader *r, struct doc *d, int width)
{
	const struct line *l;
	const struct span *sp;
	size_t i, part = 0, block = 0, selpart = 0, mention = XREF_NONE;
	struct ref_target seltarget = { REF_NONE, 0 };
	bool had = d->width > 0 && d->nlines > 0;

	if (width < 1)
		width = 1;
	if (d->width == width)
		return false;
	if (had) {
		part = doc_part_of(d, d->top);
		block = doc_line(d, d->top)->block;
		if (d->sel.on) {
			l = doc_line(d, d->sel.line0);
			sp = &l->spans[d->sel.span0];
			selpart = doc_part_of(d, d->sel.line0);
			mention = sp->mention;
			seltarget = sp->ref;
		}
	}
	d->width = width;
	d->nlines = 0;
	for (i = 0; i < d->nparts; i++) {
		d->parts[i].lay = cache_get(r, &d->parts[i], width);
		d->parts[i].first = d->nlines;
		d->parts[i].skip = i > 0 ? 1 : 0;
		d->nlines += d->parts[i].skip + d->parts[i].lay->nlines;
	}
	d->top = had && d->nlines > 0 ? doc_find_block(d, part, block) : 0;
	d->sel.on = false;
	if (had && mention != XREF_NONE)
		doc_select_mention(d, selpart, mention, seltarget);
	return true;
}

/* Take the layouts from the cache again, at the same width: same lines. */
static void
doc_refresh(struct reader *r, struct doc *d)
{
	size_t i;

	d->nlines = 0;
	for (i = 0; i < d->nparts; i++) {
		d->parts[i].lay = cache_get(r, &d->parts[i], d->width);
		d->parts[i].first = d->nlines;
		d->nlines += d->parts[i].skip + d->parts[i].lay->nlines;
	}
}

static size_t
doc_max_top(const struct doc *d, int h, bool sections)
{
	size_t max, last;

	if (h < 1)
		h = 1;
	max = d->nlines > (size_t)h ? d->nlines - (size_t)h : 0;
	/* The last section can come to the top, with room below it. */
	if (sections && d->nparts > 0) {
		last = part_start(d, d->nparts - 1);
		if (last > max && last < d->nlines)
			max = last;
	}
	return max;
}

/* ---- cross-references on screen --------------------------------------- */

static const struct span *
span_at(const struct doc *d, struct pos p)
{
	const struct line *l = doc_line(d, p.line);

	if (l == NULL || p.span >= l->nspans)
		return NULL;
	return &l->spans[p.span];
}

static bool
is_ref(const struct span *s)
{
	return s != NULL && s->ref.kind != REF_NONE;
}

/* The position after p in reading order, across lines; false at the end. */
static bool
pos_next(const struct doc *d, struct pos *p, size_t end)
{
	const struct line *l = doc_line(d, p->line);

	if (l != NULL && p->span + 1 < l->nspans) {
		p->span++;
		return true;
	}
	for (p->line++; p->line < end && p->line < d->nlines; p->line++) {
		if (doc_line(d, p->line)->nspans > 0) {
			p->span = 0;
			return true;
		}
	}
	return false;
}

static bool
is_blank(const struct span *s)
{
	size_t i;

	if (s == NULL || is_ref(s))
		return false;
	for (i = 0; i < s->len; i++) {
		if (s->text[i] != ' ')
			return false;
	}
	return true;
}

/* Does b carry on the reference that a is part of? */
static bool
same_ref(const struct span *a, const struct span *b)
{
	return is_ref(a) && is_ref(b) && a->ref.kind == b->ref.kind &&
	    a->ref.index == b->ref.index && a->mention == b->mention;
}

/*
 * The extent of the reference starting at p: following spans of the same
 * reference, across a line break and across blanks between its words.
 */
static struct item
item_from(const struct doc *d, struct pos p, size_t end)
{
	struct item it = { p, p };
	struct pos q = p, r;

	for (;;) {
		if (!pos_next(d, &q, end))
			break;
		if (same_ref(span_at(d, it.last), span_at(d, q))) {
			it.last = q;
			continue;
		}
		if (!is_blank(span_at(d, q)))
			break;
		r = q;
		if (!pos_next(d, &r, end) ||
		    !same_ref(span_at(d, it.last), span_at(d, r)))
			break;
		it.last = r;
		q = r;
	}
	return it;
}

/* The references in lines [from, to), in reading order. */
static void
items_in(const struct doc *d, size_t from, size_t to, struct items *out)
{
	struct pos p = { from, 0 };
	struct item it;

	out->n = 0;
	if (to > d->nlines)
		to = d->nlines;
	if (from >= to)
		return;
	if (doc_line(d, from)->nspans == 0 && !pos_next(d, &p, to))
		return;
	for (;;) {
		if (is_ref(span_at(d, p))) {
			it = item_from(d, p, to);
			ARRAY_RESERVE(out->v, out->cap, out->n + 1);
			out->v[out->n++] = it;
			p = it.last;
		}
		if (!pos_next(d, &p, to))
			break;
	}
}

static void
select_item(struct doc *d, const struct item *it)
{
	d->sel.on = true;
	d->sel.line0 = it->first.line;
	d->sel.span0 = it->first.span;
	d->sel.line1 = it->last.line;
	d->sel.span1 = it->last.span;
}

/* Select the span of a part that is mention m; returns false if none. */
static bool
doc_select_mention(struct doc *d, size_t part, size_t m, struct ref_target t)
{
	const struct layout *lay = d->parts[part].lay;
	const struct line *l;
	struct item it;
	struct pos p;
	size_t i, s;

	for (i = 0; i < lay->nlines; i++) {
		l = &lay->lines[i];
		for (s = 0; s < l->nspans; s++) {
			if (!is_ref(&l->spans[s]))
				continue;
			if (m != XREF_NONE ? l->spans[s].mention != m :
			    (l->spans[s].ref.kind != t.kind ||
			    l->spans[s].ref.index != t.index))
				continue;
			p.line = part_start(d, part) + i;
			p.span = s;
			it = item_from(d, p, d->nlines);
			select_item(d, &it);
			return true;
		}
	}
	return false;
}

/* ---- geometry ---------------------------------------------------------- */

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static struct rect
mkrect(int x, int y, int w, int h)
{
	struct rect rc = { x, y, w < 0 ? 0 : w, h < 0 ? 0 : h };

	return rc;
}

static bool
narrow(const struct reader *r)
{
	return !r->wide;
}

static int
text_width(int w, int max)
{
	w -= 2;
	if (w > max)
		w = max;
	return w < 1 ? 1 : w;
}

static struct doc *
focus_doc(struct reader *r)
{
	if (r->focus == REGION_PANE && r->pane_visible)
		return &r->panedoc;
	return &r->bodydoc;
}

static int
doc_height(const struct reader *r, const struct doc *d)
{
	int h = d == &r->panedoc ? r->pane_area.h : r->body.h;

	return h < 1 ? 1 : h;
}

static void
clamp_tops(struct reader *r)
{
	size_t max;

	max = doc_max_top(&r->bodydoc, doc_height(r, &r->bodydoc), true);
	if (r->bodydoc.top > max)
		r->bodydoc.top = max;
	max = doc_max_top(&r->panedoc, doc_height(r, &r->panedoc), false);
	if (r->panedoc.top > max)
		r->panedoc.top = max;
}

static void
pane_build(struct reader *r)
{
	struct doc_part *p = &r->panedoc.parts[0];

	p->header = false;
	p->unit.kind = r->pane == PANE_EXPERT ? UNIT_EXPERT : UNIT_ACTOR;
	p->unit.index = r->pane_index;
	r->panedoc.width = 0;	/* lay out again at the next layout_screen */
	r->panedoc.nlines = 0;
	r->panedoc.top = 0;
	r->panedoc.sel.on = false;
}

/* The help text as lines that fit a width. */
static void
help_build(struct reader *r, int width)
{
	char *help, *line, *next;
	size_t i, old = r->nhelp;

	if (width == r->help_width && r->help_lines != NULL)
		return;
	for (i = 0; i < r->nhelp; i++)
		free(r->help_lines[i]);
	free(r->help_lines);
	r->help_lines = NULL;
	r->nhelp = 0;
	r->help_width = width;
	help = keymap_help_text(width);
	for (line = help; *line != '\0'; line = next + 1) {
		next = strchr(line, '\n');
		if (next == NULL)
			break;
		r->help_lines = xreallocarray(r->help_lines, r->nhelp + 1,
		    sizeof *r->help_lines);
		r->help_lines[r->nhelp++] = xstrndup(line,
		    (size_t)(next - line));
	}
	free(help);
	/* About the same place in the text, wrapped anew. */
	if (old > 0)
		r->help_top = r->help_top * r->nhelp / old;
}

/* The help's top line, so that the overlay shows a full page. */
static void
help_clamp(struct reader *r)
{
	size_t h = r->overlay.h > 2 ? (size_t)r->overlay.h - 2 : 1;
	size_t max = r->nhelp > h ? r->nhelp - h : 0;

	if (r->help_top > max)
		r->help_top = max;
}

/* Place every region for the size and state; lay the documents out. */
static void
layout_screen(struct reader *r)
{
	int cols = r->cols, rows = r->rows, main_h, tw, pw;
	bool changed = false, mid;

	r->too_small = cols < READER_MIN_COLS || rows < READER_MIN_ROWS;
	r->pane_visible = r->pane != PANE_NONE && r->pane_shown;
	if (r->too_small)
		return;
	main_h = rows - 2;
	r->status_y = rows - 2;
	r->hint_y = rows - 1;
	r->wide = cols >= 120;
	mid = cols >= 80;

	if (narrow(r) && r->pane_visible && r->focus == REGION_BODY)
		r->focus = REGION_PANE;
	if (!r->pane_visible && r->focus == REGION_PANE)
		r->focus = REGION_BODY;

	if (r->wide) {
		tw = clamp(cols / 5, 20, 32);
		pw = clamp(cols * 3 / 10, 36, 56);
		r->toc_visible = true;
		r->toc = mkrect(0, 0, tw, main_h);
		if (r->pane_visible)
			r->body = mkrect(tw + 1, 0, cols - tw - pw - 2, main_h);
		else
			r->body = mkrect(tw + 1, 0, cols - tw - 1, main_h);
		r->pane_bar = mkrect(cols - pw, 0, pw, 1);
	} else if (mid) {
		tw = clamp(cols / 4, 18, 26);
		r->toc_visible = true;
		r->toc = mkrect(0, 0, tw, main_h);
		r->body = mkrect(tw + 1, 0, cols - tw - 1, main_h);
		r->pane_bar = mkrect(r->body.x, 0, r->body.w, 1);
	} else {
		r->toc_visible = r->toc_shown;
		r->toc = mkrect(0, 0, cols, main_h);
		r->body = mkrect(0, 0, cols, main_h);
		r->pane_bar = mkrect(0, 0, cols, 1);
	}
	if (!r->toc_visible && r->focus == REGION_TOC)
		r->focus = REGION_BODY;
	r->pane_area = mkrect(r->pane_bar.x, 1, r->pane_bar.w, main_h - 1);

	/* The overlay box: centred, the whole width when narrow. */
	tw = cols >= 80 ? 76 : cols;
	r->overlay = mkrect((cols - tw) / 2, 1, tw, main_h - 2);
	help_build(r, r->overlay.w - 2);
	help_clamp(r);
	r->index_list = mkrect(r->overlay.x + 1, r->overlay.y + 3,
	    r->overlay.w - 2, r->overlay.h - 4);
	index_show_cursor(r);

	if (doc_set_width(r, &r->bodydoc, text_width(r->body.w,
	    READER_TEXT_MAX)))
		changed = true;
	if (r->pane != PANE_NONE && doc_set_width(r, &r->panedoc,
	    text_width(r->pane_area.w, INT32_MAX)))
		changed = true;
	clamp_tops(r);
	if (changed)
		search_refresh(r);
}

void
reader_resize(struct reader *r, int cols, int rows)
{
	r->cols = cols < 0 ? 0 : cols;
	r->rows = rows < 0 ? 0 : rows;
	layout_screen(r);
}

/* ---- TOC ------------------------------------------------------------- */

size_t
reader_toc_count(const struct reader *r)
{
	return r->bodydoc.nparts - 1;
}

static struct unit_ref
toc_unit(const struct reader *r, size_t entry)
{
	return r->bodydoc.parts[entry + 1].unit;
}

const char *
reader_toc_title(const struct reader *r, size_t entry)
{
	if (entry >= reader_toc_count(r))
		return "";
	return briefing_unit_title(r->briefing, toc_unit(r, entry));
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
	return r->briefing->sections[u.index].level;
}

size_t
reader_current_section(const struct reader *r)
{
	size_t part;

	if (r->bodydoc.nlines == 0 || reader_toc_count(r) == 0)
		return 0;
	part = doc_part_of(&r->bodydoc, r->bodydoc.top);
	return part == 0 ? 0 : part - 1;
}

static void
toc_follow(struct reader *r)
{
	size_t n = reader_toc_count(r), h;

	if (r->focus != REGION_TOC)
		r->toc_cur = reader_current_section(r);
	if (n > 0 && r->toc_cur >= n)
		r->toc_cur = n - 1;
	h = r->toc.h > 1 ? (size_t)r->toc.h - 1 : 1;
	if (r->toc_cur < r->toc_top)
		r->toc_top = r->toc_cur;
	else if (r->toc_cur >= r->toc_top + h)
		r->toc_top = r->toc_cur - h + 1;
}

int
reader_percent(const struct reader *r)
{
	const struct doc *d = r->focus == REGION_PANE && r->pane_visible ?
	    &r->panedoc : &r->bodydoc;
	size_t h = (size_t)doc_height(r, d), seen;

	if (d->nlines == 0 || d->top + h >= d->nlines)
		return 100;
	seen = d->top + h;
	return (int)(seen * 100 / d->nlines);
}

/* ---- places and history ------------------------------------------------ */

static void
place_save(const struct reader *r, struct place *p)
{
	const struct doc *b = &r->bodydoc;

	memset(p, 0, sizeof *p);
	p->focus = r->focus;
	p->pane = r->pane;
	p->pane_index = r->pane_index;
	p->pane_shown = r->pane_shown;
	p->body_top = b->top;
	p->body_sel = b->sel;
	p->body_width = b->width;
	p->pane_top = r->panedoc.top;
	p->pane_sel = r->panedoc.sel;
	p->pane_width = r->panedoc.width;
	if (b->nlines > 0) {
		p->body_part = doc_part_of(b, b->top);
		p->body_block = doc_line(b, b->top)->block;
	}
}

static void
place_restore(struct reader *r, const struct place *p)
{
	struct doc *b = &r->bodydoc;
	bool same_pane = r->pane == p->pane && r->pane_index == p->pane_index;

	r->focus = p->focus;
	r->pane = p->pane;
	r->pane_index = p->pane_index;
	r->pane_shown = p->pane_shown;
	r->toc_shown = p->focus == REGION_TOC;
	if (r->pane != PANE_NONE && !same_pane)
		pane_build(r);
	layout_screen(r);
	if (r->too_small)
		return;
	if (b->width == p->body_width) {
		b->top = p->body_top;
		b->sel = p->body_sel;
	} else if (b->nlines > 0 && p->body_part < b->nparts) {
		b->top = doc_find_block(b, p->body_part, p->body_block);
		b->sel.on = false;
	}
	if (r->pane != PANE_NONE) {
		r->panedoc.top = p->pane_top;
		r->panedoc.sel = r->panedoc.width == p->pane_width ?
		    p->pane_sel : (struct selection){ .on = false };
	}
	clamp_tops(r);
}

static void
stack_push(struct place_stack *s, const struct place *p)
{
	ARRAY_RESERVE(s->v, s->cap, s->n + 1);
	s->v[s->n++] = *p;
}

static void
history_push(struct reader *r)
{
	struct place p;

	place_save(r, &p);
	stack_push(&r->back, &p);
	r->forward.n = 0;
}

static void
history_move(struct reader *r, struct place_stack *from,
    struct place_stack *to, const char *none)
{
	struct place cur;

	if (from->n == 0) {
		set_msg(r, "%s", none);
		return;
	}
	place_save(r, &cur);
	stack_push(to, &cur);
	place_restore(r, &from->v[--from->n]);
}

/* ---- messages ---------------------------------------------------------- */

static void
set_msg(struct reader *r, const char *fmt, ...)
{
	va_list ap;

	free(r->msg);
	va_start(ap, fmt);
	r->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

/* ---- moving ------------------------------------------------------------ */

static void
scroll(struct reader *r, struct doc *d, long lines)
{
	size_t max = doc_max_top(d, doc_height(r, d), d == &r->bodydoc);

	if (lines < 0 && (size_t)-lines > d->top)
		d->top = 0;
	else if (lines < 0)
		d->top -= (size_t)-lines;
	else
		d->top += (size_t)lines;
	if (d->top > max)
		d->top = max;
}

/* Bring line i into view, JUMP_CONTEXT lines below the top. */
static void
show_line(struct reader *r, struct doc *d, size_t i)
{
	size_t h = (size_t)doc_height(r, d);

	if (i >= d->top && i < d->top + h)
		return;
	d->top = i > JUMP_CONTEXT ? i - JUMP_CONTEXT : 0;
	clamp_tops(r);
}

static void
focus_body(struct reader *r)
{
	r->focus = REGION_BODY;
	r->toc_shown = false;
	if (narrow(r))
		r->pane_shown = false;
	layout_screen(r);
}

static void
goto_section(struct reader *r, size_t entry)
{
	if (entry >= reader_toc_count(r))
		return;
	history_push(r);
	focus_body(r);
	r->bodydoc.top = part_start(&r->bodydoc, entry + 1);
	r->bodydoc.sel.on = false;
	clamp_tops(r);
}

static void
next_section(struct reader *r, int dir)
{
	struct doc *d = &r->bodydoc;
	size_t part, n = reader_toc_count(r);

	if (d->nlines == 0 || n == 0)
		return;
	part = doc_part_of(d, d->top);
	if (dir > 0) {
		if (part >= n) {
			set_msg(r, "This is the last section");
			return;
		}
		goto_section(r, part);	/* entry part is part + 1 */
		return;
	}
	if (d->top > part_start(d, part) && part > 0) {
		goto_section(r, part - 1);
		return;
	}
	if (part <= 1) {
		if (d->top > 0) {
			history_push(r);
			focus_body(r);
			d->top = 0;
		} else
			set_msg(r, "This is the first section");
		return;
	}
	goto_section(r, part - 2);
}

static void
open_pane(struct reader *r, enum pane_kind kind, size_t index)
{
	if (r->pane != kind || r->pane_index != index) {
		r->pane = kind;
		r->pane_index = index;
		pane_build(r);
	}
	if (kind == PANE_EXPERT)
		r->last_expert = index;
	r->pane_shown = true;
	r->focus = REGION_PANE;
	r->toc_shown = false;
	layout_screen(r);
}

static void
show_expert(struct reader *r, int n)
{
	const struct xref *x = r->xref;

	if (n < 1 || (size_t)n > x->nnumbered) {
		if (x->nnumbered == 0)
			set_msg(r, "No expert is quoted in this briefing");
		else
			set_msg(r, "No expert %d: experts go from 1 to %zu",
			    n, x->nnumbered);
		return;
	}
	history_push(r);
	open_pane(r, PANE_EXPERT, x->numbered[n - 1]);
	r->panedoc.top = 0;
	r->panedoc.sel.on = false;
}

static void
toggle_expert_pane(struct reader *r)
{
	if (r->pane_visible && r->pane == PANE_EXPERT) {
		r->pane_shown = false;
		focus_body(r);
		return;
	}
	if (r->briefing->nexperts == 0) {
		set_msg(r, "No expert is quoted in this briefing");
		return;
	}
	if (r->last_expert == MODEL_NONE)
		r->last_expert = r->xref->nnumbered > 0 ?
		    r->xref->numbered[0] : 0;
	open_pane(r, PANE_EXPERT, r->last_expert);
}

static void
cycle_ref(struct reader *r, int dir)
{
	struct doc *d;
	struct items items = { NULL, 0, 0 };
	size_t i, n, h;

	if (r->focus == REGION_TOC) {
		r->focus = REGION_BODY;
		r->toc_shown = false;
		layout_screen(r);
	}
	d = focus_doc(r);
	h = (size_t)doc_height(r, d);
	items_in(d, d->top, d->top + h, &items);
	n = items.n;
	if (n == 0) {
		set_msg(r, "No cross-reference on screen");
		free(items.v);
		return;
	}
	for (i = 0; i < n; i++) {
		if (d->sel.on && items.v[i].last.line == d->sel.line1 &&
		    items.v[i].last.span == d->sel.span1)
			break;
	}
	if (i == n)
		i = dir > 0 ? 0 : n - 1;
	else
		i = dir > 0 ? (i + 1) % n : (i + n - 1) % n;
	select_item(d, &items.v[i]);
	free(items.v);
}

/* The line of a part with the quote's source line, or its first. */
static size_t
quote_line(const struct doc *d, size_t part, const struct quote *q)
{
	const struct layout *lay = d->parts[part].lay;
	size_t i, best = MODEL_NONE;

	for (i = 0; i < lay->nlines; i++) {
		if (lay->lines[i].src_line == q->line)
			return part_start(d, part) + i;
		if (best == MODEL_NONE && lay->lines[i].src_line > q->line)
			best = i;
	}
	return part_start(d, part) + (best != MODEL_NONE ? best : 0);
}

/* The body part of a unit of the article, or MODEL_NONE. */
static size_t
body_part(const struct reader *r, struct unit_ref u)
{
	size_t i;

	for (i = 1; i < r->bodydoc.nparts; i++) {
		if (r->bodydoc.parts[i].unit.kind == u.kind &&
		    r->bodydoc.parts[i].unit.index == u.index)
			return i;
	}
	return MODEL_NONE;
}

/* Show a unit: the article at its part, or the pane; returns the doc. */
static struct doc *
show_unit(struct reader *r, struct unit_ref u, size_t *part)
{
	if (u.kind == UNIT_EXPERT || u.kind == UNIT_ACTOR) {
		open_pane(r, u.kind == UNIT_EXPERT ? PANE_EXPERT : PANE_ACTOR,
		    u.index);
		*part = 0;
		return &r->panedoc;
	}
	*part = body_part(r, u);
	if (*part == MODEL_NONE)
		return NULL;
	focus_body(r);
	return &r->bodydoc;
}

/* Line i near the top, with context above it from its own part. */
static void
top_near(struct reader *r, struct doc *d, size_t part, size_t i)
{
	d->top = i > JUMP_CONTEXT ? i - JUMP_CONTEXT : 0;
	if (d->top < part_start(d, part))
		d->top = part_start(d, part);
	clamp_tops(r);
}

static void
jump_mention(struct reader *r, size_t m)
{
	const struct mention *mn = &r->xref->mentions[m];
	struct doc *d;
	size_t part;

	d = show_unit(r, mn->unit, &part);
	if (d == NULL || r->too_small)
		return;
	if (doc_select_mention(d, part, m, mn->target))
		top_near(r, d, part, d->sel.line0);
	else
		top_near(r, d, part, part_start(d, part));
}

static void
jump_quote(struct reader *r, size_t q)
{
	const struct quote *qt = &r->xref->quotes[q];
	struct doc *d;
	size_t part;

	d = show_unit(r, qt->unit, &part);
	if (d == NULL || r->too_small)
		return;
	d->sel.on = false;
	top_near(r, d, part, quote_line(d, part, qt));
}

void
reader_follow(struct reader *r, struct ref_target t)
{
	const struct briefing *b = r->briefing;

	switch (t.kind) {
	case REF_ACTOR:
		if (t.index >= b->nactors)
			return;
		history_push(r);
		open_pane(r, PANE_ACTOR, t.index);
		r->panedoc.top = 0;
		break;
	case REF_EXPERT:
		if (t.index >= b->nexperts)
			return;
		history_push(r);
		open_pane(r, PANE_EXPERT, t.index);
		r->panedoc.top = 0;
		break;
	case REF_SECTION:
		if (t.index >= b->nsections)
			return;
		goto_section(r, body_part(r, (struct unit_ref){ UNIT_SECTION,
		    t.index }) - 1);
		break;
	case REF_MENTION:
		if (t.index >= r->xref->nmentions)
			return;
		history_push(r);
		jump_mention(r, t.index);
		break;
	case REF_QUOTE:
		if (t.index >= r->xref->nquotes)
			return;
		history_push(r);
		jump_quote(r, t.index);
		break;
	case REF_NONE:
		break;
	}
}

static void
follow_selected(struct reader *r)
{
	struct doc *d = focus_doc(r);
	const struct line *l;

	if (!d->sel.on || (l = doc_line(d, d->sel.line0)) == NULL ||
	    d->sel.span0 >= l->nspans) {
		set_msg(r, "No cross-reference selected: Tab selects one");
		return;
	}
	reader_follow(r, l->spans[d->sel.span0].ref);
}

/* ---- search ------------------------------------------------------------ */

static int
match_group(const struct match *m)
{
	if (m->body)
		return 0;
	return m->unit.kind == UNIT_EXPERT ? 1 : 2;
}

/* Order of matches: article, then experts, then actors; lines; bytes. */
static int
match_cmp(const struct match *a, const struct match *b)
{
	int ga = match_group(a), gb = match_group(b);

	if (ga != gb)
		return ga < gb ? -1 : 1;
	if (!a->body && a->unit.index != b->unit.index)
		return a->unit.index < b->unit.index ? -1 : 1;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return 0;
}

/*
 * Where the text of a line starts, in bytes of its spans put together:
 * after the quote bars, list markers and indent that the layout puts
 * before the text of a block's lines.
 */
static size_t
line_content_start(const struct line *l)
{
	const struct span *sp;
	size_t i, k, off = 0;

	for (i = 0; i < l->nspans; i++) {
		sp = &l->spans[i];
		if (!(sp->style & (STYLE_RULE | STYLE_MARKER))) {
			for (k = 0; k < sp->len && sp->text[k] == ' '; k++)
				continue;
			if (k < sp->len)
				return off + k;
		}
		off += sp->len;
	}
	return off;
}

static size_t
line_bytes(const struct line *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->nspans; i++)
		n += l->spans[i].len;
	return n;
}

/* A line's piece of the text of a block: bytes [skip, skip + len). */
struct piece {
	size_t	line;
	size_t	at;	/* where it starts in the block's text */
	size_t	skip, len;
};

struct block_text {
	struct buf	 text;
	struct piece	*v;
	size_t		 n, cap;
};

/*
 * The lines [from, to) of a document as one text, as the reader reads
 * them: each line after the first without its prefix, a space where the
 * layout broke the text.
 */
static void
block_text(struct block_text *bt, const struct doc *d, size_t from,
    size_t to)
{
	const struct line *l;
	const struct span *sp;
	struct piece *pc;
	size_t i, k, skip, len, off, cut;

	buf_reset(&bt->text);
	bt->n = 0;
	for (i = from; i < to; i++) {
		l = doc_line(d, i);
		skip = bt->n == 0 ? 0 : line_content_start(l);
		len = line_bytes(l);
		if (skip >= len)
			continue;
		if (bt->n > 0)
			buf_addc(&bt->text, ' ');
		ARRAY_RESERVE(bt->v, bt->cap, bt->n + 1);
		pc = &bt->v[bt->n++];
		pc->line = i;
		pc->at = bt->text.len;
		pc->skip = skip;
		pc->len = len - skip;
		for (k = 0, off = 0; k < l->nspans; off += sp->len, k++) {
			sp = &l->spans[k];
			if (off + sp->len <= skip)
				continue;
			cut = off < skip ? skip - off : 0;
			buf_add(&bt->text, sp->text + cut, sp->len - cut);
		}
	}
}

/* Byte b of a block's text as a line and an offset in it. */
static void
block_pos(const struct block_text *bt, size_t b, bool end, size_t *line,
    size_t *off)
{
	size_t i;

	/* The piece b falls in; a start on a break goes to the next line. */
	for (i = 0; i + 1 < bt->n; i++) {
		if (end ? b <= bt->v[i].at + bt->v[i].len + 1 :
		    b < bt->v[i].at + bt->v[i].len)
			break;
		if (!end && b < bt->v[i + 1].at) {
			i++;
			break;
		}
	}
	*line = bt->v[i].line;
	b = b > bt->v[i].at ? b - bt->v[i].at : 0;
	*off = bt->v[i].skip + (b < bt->v[i].len ? b : bt->v[i].len);
}

/* The matches of needle in the lines of one block, [from, to). */
static void
collect_block(struct reader *r, const char *needle, size_t nlen,
    struct match proto, struct block_text *bt, const struct doc *d,
    size_t from, size_t to)
{
	struct match *m;
	size_t *map, flen, s, e;
	char *folded, *at;

	block_text(bt, d, from, to);
	if (bt->text.len == 0)
		return;
	folded = fold(bt->text.data, bt->text.len, &map);
	flen = strlen(folded);
	for (at = strstr(folded, needle); at != NULL;
	    at = strstr(at + nlen, needle)) {
		fold_unmap(map, flen, (size_t)(at - folded),
		    (size_t)(at - folded) + nlen, &s, &e);
		ARRAY_RESERVE(r->matches, r->matchcap, r->nmatches + 1);
		m = &r->matches[r->nmatches++];
		*m = proto;
		block_pos(bt, s, false, &m->line, &m->start);
		block_pos(bt, e, true, &m->line1, &m->end);
		/* Nothing but the space of a line break: nothing to show. */
		if (m->line1 < m->line)
			r->nmatches--;
	}
	free(folded);
	free(map);
}

/* The matches in a document, block by block, so across line breaks. */
static void
collect_doc(struct reader *r, const char *needle, size_t nlen,
    struct match proto, const struct doc *d)
{
	struct block_text bt;
	size_t i, j;

	memset(&bt, 0, sizeof bt);
	buf_init(&bt.text);
	for (i = 0; i < d->nlines; i = j) {
		proto.part = doc_part_of(d, i);
		proto.block = doc_line(d, i)->block;
		for (j = i + 1; j < d->nlines &&
		    doc_line(d, j)->block == proto.block &&
		    doc_part_of(d, j) == proto.part; j++)
			continue;
		collect_block(r, needle, nlen, proto, &bt, d, i, j);
	}
	buf_free(&bt.text);
	free(bt.v);
}

static void
collect_unit(struct reader *r, const char *needle, size_t nlen,
    enum unit_kind kind, size_t index, int width)
{
	struct doc_part p = { .unit = { kind, index } };
	struct doc d = { .parts = &p, .nparts = 1, .width = width };
	struct match proto = { .body = false, .unit = { kind, index } };

	p.lay = cache_get(r, &p, width);
	d.nlines = p.lay->nlines;
	collect_doc(r, needle, nlen, proto, &d);
}

/* All matches of the pattern at the present widths. */
static void
search_collect(struct reader *r)
{
	struct match proto = { .body = true, .unit = { UNIT_SECTION, 0 } };
	char *needle;
	size_t i, nlen;
	int pw;

	r->nmatches = 0;
	if (r->pattern == NULL || r->too_small)
		return;
	needle = fold(r->pattern, strlen(r->pattern), NULL);
	nlen = strlen(needle);
	if (nlen == 0) {
		free(needle);
		return;
	}
	collect_doc(r, needle, nlen, proto, &r->bodydoc);
	pw = text_width(r->pane_area.w, INT32_MAX);
	for (i = 0; i < r->briefing->nexperts; i++)
		collect_unit(r, needle, nlen, UNIT_EXPERT, i, pw);
	for (i = 0; i < r->briefing->nactors; i++)
		collect_unit(r, needle, nlen, UNIT_ACTOR, i, pw);
	/* The unit loop may have replaced a layout the pane was showing. */
	if (r->pane != PANE_NONE && r->panedoc.width > 0)
		doc_refresh(r, &r->panedoc);
	free(needle);
}

/* In the same document: the article, or the same expert or actor. */
static bool
match_same_unit(const struct match *a, const struct match *b)
{
	return match_group(a) == match_group(b) &&
	    (a->body || a->unit.index == b->unit.index);
}

/* Same place, in the sense of where a match stands in its unit. */
static bool
match_same_block(const struct match *a, const struct match *b)
{
	return a->body == b->body && match_group(a) == match_group(b) &&
	    (a->body || a->unit.index == b->unit.index) &&
	    a->part == b->part && a->block == b->block;
}

/* After a new layout: the same matches again, the current one kept. */
static void
search_refresh(struct reader *r)
{
	struct match old;
	size_t i, k = 0, first = MODEL_NONE;

	if (r->pattern == NULL)
		return;
	if (r->nmatches > 0 && r->match_cur < r->nmatches) {
		old = r->matches[r->match_cur];
		for (i = r->match_cur; i > 0 &&
		    match_same_block(&r->matches[i - 1], &old); i--)
			k++;
	} else
		memset(&old, 0, sizeof old);
	search_collect(r);
	for (i = 0; i < r->nmatches; i++) {
		if (match_same_block(&r->matches[i], &old)) {
			if (first == MODEL_NONE)
				first = i;
			if (i - first == k)
				break;
		}
	}
	if (i < r->nmatches)
		r->match_cur = i;
	else if (first != MODEL_NONE)
		r->match_cur = first;
	else if (r->match_cur >= r->nmatches)
		r->match_cur = 0;
}

static void
goto_match(struct reader *r, size_t i)
{
	struct match m = r->matches[i];
	struct doc *d;
	size_t j;

	if (m.body) {
		if (r->focus != REGION_BODY || (narrow(r) && r->pane_visible))
			focus_body(r);
		d = &r->bodydoc;
	} else {
		open_pane(r, m.unit.kind == UNIT_EXPERT ? PANE_EXPERT :
		    PANE_ACTOR, m.unit.index);
		d = &r->panedoc;
		/* Showing the pane may have laid the article out again. */
		for (j = 0; j < r->nmatches; j++) {
			if (match_cmp(&r->matches[j], &m) == 0)
				i = j;
		}
	}
	r->match_cur = i < r->nmatches ? i : 0;
	r->match_on = true;
	if (r->match_cur < r->nmatches)
		show_line(r, d, r->matches[r->match_cur].line);
}

/* The position searches start from: the focused document's top line. */
static struct match
search_origin(const struct reader *r)
{
	struct match o = { .body = true, .unit = { UNIT_SECTION, 0 } };

	if (r->focus == REGION_PANE && r->pane_visible) {
		o.body = false;
		o.unit.kind = r->pane == PANE_EXPERT ? UNIT_EXPERT : UNIT_ACTOR;
		o.unit.index = r->pane_index;
		o.line = r->panedoc.top;
	} else
		o.line = r->bodydoc.top;
	return o;
}

static void
report_match(struct reader *r, bool wrapped)
{
	set_msg(r, "match %zu of %zu%s", r->match_cur + 1, r->nmatches,
	    wrapped ? " (search wrapped)" : "");
}

size_t
reader_search(struct reader *r, const char *pattern)
{
	struct match o;
	size_t i;

	free(r->pattern);
	r->pattern = xstrdup(pattern);
	search_collect(r);
	if (r->nmatches == 0) {
		r->match_on = false;
		set_msg(r, "Pattern not found: %s", pattern);
		return 0;
	}
	o = search_origin(r);
	for (i = 0; i < r->nmatches; i++) {
		if (match_cmp(&r->matches[i], &o) >= 0)
			break;
	}
	history_push(r);
	goto_match(r, i < r->nmatches ? i : 0);
	report_match(r, i == r->nmatches);
	return r->nmatches;
}

static void
search_step(struct reader *r, int dir)
{
	size_t i;
	bool wrapped;

	if (r->pattern == NULL) {
		set_msg(r, "No previous search: / searches");
		return;
	}
	if (r->nmatches == 0) {
		set_msg(r, "Pattern not found: %s", r->pattern);
		return;
	}
	if (!r->match_on)
		i = r->match_cur;
	else if (dir > 0)
		i = r->match_cur + 1;
	else
		i = r->match_cur == 0 ? r->nmatches : r->match_cur - 1;
	wrapped = i >= r->nmatches;
	if (wrapped)
		i = dir > 0 ? 0 : r->nmatches - 1;
	history_push(r);
	goto_match(r, i);
	report_match(r, wrapped);
}

const struct match *
reader_line_matches(const struct reader *r, bool body, size_t line, size_t *n)
{
	struct match key = { .body = body, .unit = { UNIT_SECTION, 0 },
	    .line = line };
	size_t lo = 0, hi = r->nmatches, mid, end;

	*n = 0;
	if (!r->match_on || r->nmatches == 0)
		return NULL;
	if (!body) {
		key.unit.kind = r->pane == PANE_EXPERT ? UNIT_EXPERT :
		    UNIT_ACTOR;
		key.unit.index = r->pane_index;
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (match_cmp(&r->matches[mid], &key) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (end = lo; end < r->nmatches; end++) {
		if (!match_same_unit(&r->matches[end], &key) ||
		    r->matches[end].line != line)
			break;
	}
	/*
	 * Matches do not overlap: at most one from an earlier line runs on
	 * into this one, and it comes just before.
	 */
	if (lo > 0 && match_same_unit(&r->matches[lo - 1], &key) &&
	    r->matches[lo - 1].line1 >= line)
		lo--;
	*n = end - lo;
	return *n > 0 ? &r->matches[lo] : NULL;
}

bool
reader_match_bytes(const struct match *m, const struct line *l, size_t line,
    size_t *start, size_t *end)
{
	if (line < m->line || line > m->line1)
		return false;
	*start = line == m->line ? m->start : line_content_start(l);
	*end = line == m->line1 ? m->end : line_bytes(l);
	return *start < *end;
}

bool
reader_match_current(const struct reader *r, const struct match *m)
{
	return r->match_on && r->match_cur < r->nmatches &&
	    m == &r->matches[r->match_cur];
}

/* ---- actor index ------------------------------------------------------- */

struct sort_key {
	char	*name;
	size_t	 index;
};

static int
sort_key_cmp(const void *va, const void *vb)
{
	const struct sort_key *a = va, *b = vb;
	int c = strcmp(a->name, b->name);

	if (c != 0)
		return c;
	return a->index < b->index ? -1 : a->index > b->index;
}

/* Folded names and aliases of every actor, and the actors by name. */
static void
index_init(struct reader *r)
{
	const struct briefing *b = r->briefing;
	const struct actor *a;
	struct sort_key *keys;
	struct buf all;
	size_t i, j, n = b->nactors ? b->nactors : 1;

	r->folded_names = xcalloc(n, sizeof *r->folded_names);
	r->actor_order = xcalloc(n, sizeof *r->actor_order);
	r->index_items = xcalloc(n, sizeof *r->index_items);
	keys = xcalloc(n, sizeof *keys);
	buf_init(&all);
	for (i = 0; i < b->nactors; i++) {
		a = &b->actors[i];
		keys[i].name = fold(a->name, strlen(a->name), NULL);
		keys[i].index = i;
		buf_adds(&all, a->name);
		for (j = 0; j < a->aliases.n; j++) {
			buf_addc(&all, '\n');
			buf_adds(&all, a->aliases.v[j]);
		}
		r->folded_names[i] = fold(all.data, all.len, NULL);
		buf_reset(&all);
	}
	buf_free(&all);
	qsort(keys, b->nactors, sizeof *keys, sort_key_cmp);
	for (i = 0; i < b->nactors; i++) {
		r->actor_order[i] = keys[i].index;
		free(keys[i].name);
	}
	free(keys);
	r->index_all = b->nactors;
}

size_t
reader_filter(struct reader *r, const char *s)
{
	char *needle;
	size_t i, a;

	buf_reset(&r->filter);
	buf_adds(&r->filter, s);
	needle = fold(s, strlen(s), NULL);
	r->nindex = 0;
	for (i = 0; i < r->index_all; i++) {
		a = r->actor_order[i];
		if (strstr(r->folded_names[a], needle) != NULL)
			r->index_items[r->nindex++] = a;
	}
	free(needle);
	r->index_cur = 0;
	r->index_top = 0;
	return r->nindex;
}

static void
index_show_cursor(struct reader *r)
{
	size_t h = r->index_list.h > 0 ? (size_t)r->index_list.h : 1;

	if (r->nindex == 0) {
		r->index_cur = r->index_top = 0;
		return;
	}
	if (r->index_cur >= r->nindex)
		r->index_cur = r->nindex - 1;
	if (r->index_cur < r->index_top)
		r->index_top = r->index_cur;
	else if (r->index_cur >= r->index_top + h)
		r->index_top = r->index_cur - h + 1;
}

static void
index_open(struct reader *r)
{
	if (r->nindex == 0) {
		set_msg(r, "No actor matches \"%s\"", r->filter.data != NULL ?
		    r->filter.data : "");
		return;
	}
	r->mode = MODE_NORMAL;
	reader_follow(r, (struct ref_target){ REF_ACTOR,
	    r->index_items[r->index_cur] });
}

/* ---- keys -------------------------------------------------------------- */

/* Move a cursor in a list of n rows shown h at a time. */
static size_t
list_move(size_t cur, size_t n, size_t h, enum command cmd)
{
	if (n == 0)
		return 0;
	switch (cmd) {
	case CMD_LINE_DOWN:
		return cur + 1 < n ? cur + 1 : cur;
	case CMD_LINE_UP:
		return cur > 0 ? cur - 1 : 0;
	case CMD_PAGE_DOWN:
		return cur + h < n ? cur + h : n - 1;
	case CMD_PAGE_UP:
		return cur > h ? cur - h : 0;
	case CMD_HALF_DOWN:
		return cur + h / 2 < n ? cur + h / 2 : n - 1;
	case CMD_HALF_UP:
		return cur > h / 2 ? cur - h / 2 : 0;
	case CMD_TOP:
		return 0;
	case CMD_BOTTOM:
		return n - 1;
	default:
		return cur;
	}
}

static bool
is_motion(enum command cmd)
{
	return cmd == CMD_LINE_DOWN || cmd == CMD_LINE_UP ||
	    cmd == CMD_PAGE_DOWN || cmd == CMD_PAGE_UP ||
	    cmd == CMD_HALF_DOWN || cmd == CMD_HALF_UP ||
	    cmd == CMD_TOP || cmd == CMD_BOTTOM;
}

static void
move_doc(struct reader *r, struct doc *d, enum command cmd)
{
	long h = doc_height(r, d), page = h > 2 ? h - 2 : 1;

	switch (cmd) {
	case CMD_LINE_DOWN:
		scroll(r, d, 1);
		break;
	case CMD_LINE_UP:
		scroll(r, d, -1);
		break;
	case CMD_PAGE_DOWN:
		scroll(r, d, page);
		break;
	case CMD_PAGE_UP:
		scroll(r, d, -page);
		break;
	case CMD_HALF_DOWN:
		scroll(r, d, h / 2 > 0 ? h / 2 : 1);
		break;
	case CMD_HALF_UP:
		scroll(r, d, -(h / 2 > 0 ? h / 2 : 1));
		break;
	case CMD_TOP:
		if (d->top > 0)
			history_push(r);
		d->top = 0;
		break;
	case CMD_BOTTOM:
		history_push(r);
		d->top = doc_max_top(d, (int)h, false);
		break;
	default:
		break;
	}
}

/* Leave the TOC for the region that had the focus before it. */
static void
leave_toc(struct reader *r)
{
	if (r->toc_from == REGION_PANE && r->pane_visible) {
		r->focus = REGION_PANE;
		r->toc_shown = false;
		layout_screen(r);
	} else
		focus_body(r);
}

static void
toggle_toc(struct reader *r)
{
	if (r->focus == REGION_TOC) {
		leave_toc(r);
		return;
	}
	r->toc_cur = reader_current_section(r);
	r->toc_from = r->focus;
	r->focus = REGION_TOC;
	r->toc_shown = true;
	layout_screen(r);
	toc_follow(r);
}

static void
other_region(struct reader *r)
{
	if (r->pane == PANE_NONE) {
		set_msg(r, "No pane is open: e shows the experts");
		return;
	}
	if (r->focus == REGION_PANE) {
		focus_body(r);
		return;
	}
	r->pane_shown = true;
	r->focus = REGION_PANE;
	r->toc_shown = false;
	layout_screen(r);
}

static void
close_front(struct reader *r)
{
	if (r->focus == REGION_TOC)
		leave_toc(r);
	else if (r->pane_visible) {
		r->pane_shown = false;
		focus_body(r);
	} else if (r->match_on)
		r->match_on = false;
	else
		r->bodydoc.sel.on = false;
}

enum reader_status
reader_exec(struct reader *r, enum command cmd, int arg)
{
	struct doc *d;

	if (r->too_small && cmd != CMD_QUIT && cmd != CMD_REDRAW)
		return READER_CONTINUE;
	if (r->focus == REGION_TOC && is_motion(cmd)) {
		r->toc_cur = list_move(r->toc_cur, reader_toc_count(r),
		    r->toc.h > 1 ? (size_t)r->toc.h - 1 : 1, cmd);
		toc_follow(r);
		return READER_CONTINUE;
	}
	switch (cmd) {
	case CMD_NONE:
		break;
	case CMD_QUIT:
		return READER_QUIT;
	case CMD_HELP:
		r->mode = MODE_HELP;
		r->help_top = 0;
		break;
	case CMD_LINE_DOWN:
	case CMD_LINE_UP:
	case CMD_PAGE_DOWN:
	case CMD_PAGE_UP:
	case CMD_HALF_DOWN:
	case CMD_HALF_UP:
	case CMD_TOP:
	case CMD_BOTTOM:
		d = focus_doc(r);
		move_doc(r, d, cmd);
		break;
	case CMD_NEXT_SECTION:
		next_section(r, 1);
		break;
	case CMD_PREV_SECTION:
		next_section(r, -1);
		break;
	case CMD_TOC:
		toggle_toc(r);
		break;
	case CMD_NEXT_REF:
		cycle_ref(r, 1);
		break;
	case CMD_PREV_REF:
		cycle_ref(r, -1);
		break;
	case CMD_FOLLOW:
		if (r->focus == REGION_TOC)
			goto_section(r, r->toc_cur);
		else
			follow_selected(r);
		break;
	case CMD_BACK:
		history_move(r, &r->back, &r->forward,
		    "Nothing to go back to");
		break;
	case CMD_FORWARD:
		history_move(r, &r->forward, &r->back,
		    "Nothing to go forward to");
		break;
	case CMD_EXPERT_PANE:
		toggle_expert_pane(r);
		break;
	case CMD_EXPERT:
		show_expert(r, arg);
		break;
	case CMD_ACTOR_INDEX:
		if (r->index_all == 0) {
			set_msg(r, "This briefing has no actors");
			break;
		}
		r->mode = MODE_INDEX;
		reader_filter(r, "");
		break;
	case CMD_SEARCH:
		r->mode = MODE_PROMPT;
		buf_reset(&r->prompt);
		break;
	case CMD_SEARCH_NEXT:
		search_step(r, 1);
		break;
	case CMD_SEARCH_PREV:
		search_step(r, -1);
		break;
	case CMD_CLOSE:
		close_front(r);
		break;
	case CMD_OTHER_REGION:
		other_region(r);
		break;
	case CMD_REDRAW:
		r->redraw_all = true;
		break;
	case CMD__COUNT:
		break;
	}
	toc_follow(r);
	return READER_CONTINUE;
}

/* A key that types a character into the filter or the prompt. */
static bool
is_text_key(int key)
{
	return key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0) &&
	    key < KEYC_BASE && !(key >= 0xd800 && key <= 0xdfff);
}

static void
buf_add_key(struct buf *b, int key)
{
	char enc[4];

	buf_add(b, enc, utf8_encode((uint32_t)key, enc));
}

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
key_index(struct reader *r, int key)
{
	const struct binding *bd = keymap_lookup(key);
	char *s;

	if (key == KEYC_ESC) {
		r->mode = MODE_NORMAL;
		return;
	}
	if (key == KEYC_ENTER) {
		index_open(r);
		return;
	}
	if (key == KEYC_BSPACE) {
		if (buf_chop(&r->filter)) {
			s = xstrdup(r->filter.data);
			reader_filter(r, s);
			free(s);
		}
		return;
	}
	if (is_text_key(key)) {
		buf_add_key(&r->filter, key);
		s = xstrdup(r->filter.data);
		reader_filter(r, s);
		free(s);
		return;
	}
	if (bd != NULL && is_motion(bd->cmd)) {
		r->index_cur = list_move(r->index_cur, r->nindex,
		    r->index_list.h > 0 ? (size_t)r->index_list.h : 1, bd->cmd);
		index_show_cursor(r);
	} else if (bd != NULL && bd->cmd == CMD_REDRAW)
		r->redraw_all = true;
}

static void
key_prompt(struct reader *r, int key)
{
	char *s;

	if (key == KEYC_ESC) {
		r->mode = MODE_NORMAL;
		return;
	}
	if (key == KEYC_ENTER) {
		r->mode = MODE_NORMAL;
		if (r->prompt.len == 0 && r->pattern != NULL) {
			s = xstrdup(r->pattern);
			reader_search(r, s);
			free(s);
		} else if (r->prompt.len > 0)
			reader_search(r, r->prompt.data);
		return;
	}
	if (key == KEYC_BSPACE) {
		if (!buf_chop(&r->prompt))
			r->mode = MODE_NORMAL;
		return;
	}
	if (key == KEYC_CTRL('u')) {
		buf_reset(&r->prompt);
		return;
	}
	if (is_text_key(key))
		buf_add_key(&r->prompt, key);
}

static void
key_help(struct reader *r, int key)
{
	const struct binding *bd = keymap_lookup(key);
	size_t h = r->overlay.h > 2 ? (size_t)r->overlay.h - 2 : 1;
	size_t max = r->nhelp > h ? r->nhelp - h : 0;

	if (bd == NULL)
		return;
	if (bd->cmd == CMD_QUIT || bd->cmd == CMD_CLOSE ||
	    bd->cmd == CMD_HELP) {
		r->mode = MODE_NORMAL;
		return;
	}
	if (is_motion(bd->cmd)) {
		/* The cursor is the top line here: a list of max + 1 tops. */
		r->help_top = list_move(r->help_top, max + 1, h, bd->cmd);
	} else if (bd->cmd == CMD_REDRAW)
		r->redraw_all = true;
}

enum reader_status
reader_key(struct reader *r, int key)
{
	const struct binding *bd;

	free(r->msg);
	r->msg = NULL;
	if (r->too_small) {
		/* Only q, and not while typing: a "q" in a search pattern
		 * or a filter must not quit because the window shrank. */
		bd = keymap_lookup(key);
		return r->mode == MODE_NORMAL && bd != NULL &&
		    bd->cmd == CMD_QUIT ? READER_QUIT : READER_CONTINUE;
	}
	switch (r->mode) {
	case MODE_HELP:
		key_help(r, key);
		return READER_CONTINUE;
	case MODE_INDEX:
		key_index(r, key);
		return READER_CONTINUE;
	case MODE_PROMPT:
		key_prompt(r, key);
		return READER_CONTINUE;
	case MODE_NORMAL:
		break;
	}
	bd = keymap_lookup(key);
	if (bd == NULL) {
		if (key != KEYC_NONE) {
			char name[KEYMAP_NAME_MAX];

			keymap_name(key, name);
			if (name[0] != '\0')
				set_msg(r, "Key %s is not bound: ? shows the keys",
				    name);
		}
		return READER_CONTINUE;
	}
	return reader_exec(r, bd->cmd, bd->arg);
}

/* ---- mouse ------------------------------------------------------------- */

static bool
in_rect(const struct rect *rc, int x, int y)
{
	return x >= rc->x && x < rc->x + rc->w && y >= rc->y &&
	    y < rc->y + rc->h;
}

/* The span of a document under column x of a region's row. */
static bool
span_under(const struct doc *d, const struct rect *rc, int x, int y,
    struct pos *p)
{
	const struct line *l = doc_line(d, d->top + (size_t)(y - rc->y));
	int col = rc->x + 1;
	size_t s;

	if (l == NULL)
		return false;
	for (s = 0; s < l->nspans; s++) {
		if (x >= col && x < col + l->spans[s].width) {
			p->line = d->top + (size_t)(y - rc->y);
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
	struct pos p;
	size_t i;

	if (!span_under(d, rc, x, y, &p) || !is_ref(span_at(d, p)))
		return;
	items_in(d, d->top, d->top + (size_t)rc->h, &items);
	for (i = 0; i < items.n; i++) {
		if (pos_cmp(items.v[i].first, p) <= 0 &&
		    pos_cmp(p, items.v[i].last) <= 0)
			break;
	}
	if (i < items.n) {
		select_item(d, &items.v[i]);
		follow_selected(r);
	}
	free(items.v);
}

void
reader_click(struct reader *r, int x, int y)
{
	size_t row;

	free(r->msg);
	r->msg = NULL;
	if (r->too_small)
		return;
	switch (r->mode) {
	case MODE_HELP:
		r->mode = MODE_NORMAL;
		return;
	case MODE_PROMPT:
		return;
	case MODE_INDEX:
		if (in_rect(&r->index_list, x, y)) {
			row = r->index_top + (size_t)(y - r->index_list.y);
			if (row < r->nindex) {
				r->index_cur = row;
				index_open(r);
			}
		} else if (!in_rect(&r->overlay, x, y))
			r->mode = MODE_NORMAL;
		return;
	case MODE_NORMAL:
		break;
	}
	if (r->toc_visible && in_rect(&r->toc, x, y)) {
		if (y == r->toc.y)
			return;
		row = r->toc_top + (size_t)(y - r->toc.y - 1);
		if (row < reader_toc_count(r)) {
			r->toc_cur = row;
			goto_section(r, row);
		}
	} else if (r->pane_visible && in_rect(&r->pane_area, x, y)) {
		r->focus = REGION_PANE;
		click_doc(r, &r->panedoc, &r->pane_area, x, y);
	} else if (r->pane_visible && in_rect(&r->pane_bar, x, y))
		r->focus = REGION_PANE;
	else if (in_rect(&r->body, x, y)) {
		r->focus = REGION_BODY;
		click_doc(r, &r->bodydoc, &r->body, x, y);
	}
	toc_follow(r);
}

void
reader_wheel(struct reader *r, int x, int y, int lines)
{
	size_t h, n;

	if (r->too_small)
		return;
	if (r->mode == MODE_INDEX) {
		if (lines < 0)
			r->index_cur = r->index_cur > (size_t)-lines ?
			    r->index_cur - (size_t)-lines : 0;
		else
			r->index_cur += (size_t)lines;
		index_show_cursor(r);
		return;
	}
	if (r->mode == MODE_HELP) {
		h = r->overlay.h > 2 ? (size_t)r->overlay.h - 2 : 1;
		n = r->nhelp > h ? r->nhelp - h : 0;
		if (lines < 0)
			r->help_top = r->help_top > (size_t)-lines ?
			    r->help_top - (size_t)-lines : 0;
		else if ((r->help_top += (size_t)lines) > n)
			r->help_top = n;
		return;
	}
	if (r->mode != MODE_NORMAL)
		return;
	if (r->toc_visible && in_rect(&r->toc, x, y)) {
		h = r->toc.h > 1 ? (size_t)r->toc.h - 1 : 1;
		n = reader_toc_count(r) > h ? reader_toc_count(r) - h : 0;
		if (lines < 0)
			r->toc_top = r->toc_top > (size_t)-lines ?
			    r->toc_top - (size_t)-lines : 0;
		else if ((r->toc_top += (size_t)lines) > n)
			r->toc_top = n;
	} else if (r->pane_visible && (in_rect(&r->pane_area, x, y) ||
	    in_rect(&r->pane_bar, x, y)))
		scroll(r, &r->panedoc, lines);
	else if (in_rect(&r->body, x, y))
		scroll(r, &r->bodydoc, lines);
}

/* ---- life -------------------------------------------------------------- */

struct reader *
reader_new(const struct briefing *b, const struct xref *x)
{
	struct reader *r = xcalloc(1, sizeof *r);
	struct layout_cache *c = xcalloc(1, sizeof *c);
	size_t i, n;

	r->briefing = b;
	r->xref = x;
	c->sections = xcalloc(b->nsections ? b->nsections : 1,
	    sizeof *c->sections);
	c->experts = xcalloc(b->nexperts ? b->nexperts : 1,
	    sizeof *c->experts);
	c->actors = xcalloc(b->nactors ? b->nactors : 1, sizeof *c->actors);
	r->cache = c;

	n = 1 + b->nsections + (b->timeline != NULL ? 1 : 0);
	doc_init(&r->bodydoc, n);
	r->bodydoc.parts[0].header = true;
	for (i = 0; i < b->nsections; i++) {
		r->bodydoc.parts[i + 1].unit.kind = UNIT_SECTION;
		r->bodydoc.parts[i + 1].unit.index = i;
	}
	if (b->timeline != NULL)
		r->bodydoc.parts[n - 1].unit.kind = UNIT_TIMELINE;
	doc_init(&r->panedoc, 1);
	r->focus = REGION_BODY;
	r->last_expert = MODEL_NONE;
	buf_init(&r->prompt);
	buf_init(&r->filter);
	index_init(r);
	reader_filter(r, "");

	help_build(r, 0);
	return r;
}

void
reader_free(struct reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	cache_free(r->cache, r->briefing);
	free(r->bodydoc.parts);
	free(r->panedoc.parts);
	free(r->back.v);
	free(r->forward.v);
	free(r->pattern);
	free(r->matches);
	buf_free(&r->prompt);
	buf_free(&r->filter);
	for (i = 0; i < r->briefing->nactors; i++)
		free(r->folded_names[i]);
	free(r->folded_names);
	free(r->actor_order);
	free(r->index_items);
	for (i = 0; i < r->nhelp; i++)
		free(r->help_lines[i]);
	free(r->help_lines);
	free(r->msg);
	free(r);
}
