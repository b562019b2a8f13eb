/*
 * doc: places as (part, line); parts laid out when a place in them is
 * read. The count of lines of every part laid out at the present width
 * is kept; for the others an estimate from their source stands in.
 */
#include "doc.h"

#include <stdlib.h>
#include <stdint.h>
#include <string.h>

#include "util.h"

/* Lines a heading and its rule add to a part's source lines. */
#define EST_HEADING	3

static const struct line blank_line = { NULL, 0, 0, 0, 0 };

void
doc_init(struct doc *d, struct lcache *cache, size_t first, size_t nparts)
{
	memset(d, 0, sizeof *d);
	d->cache = cache;
	doc_reset(d, first, nparts);
}

void
doc_free(struct doc *d)
{
	free(d->nlines);
	d->nlines = NULL;
}

void
doc_reset(struct doc *d, size_t first, size_t nparts)
{
	free(d->nlines);
	d->first = first;
	d->nparts = nparts;
	d->nlines = xcalloc(nparts + 1, sizeof *d->nlines);
	d->top.part = d->top.line = 0;
	d->sel.on = false;
}

size_t
doc_slot(const struct doc *d, size_t part)
{
	return d->first + part;
}

size_t
doc_part_of_slot(const struct doc *d, size_t slot)
{
	if (slot < d->first || slot - d->first >= d->nparts)
		return d->nparts;
	return slot - d->first;
}

static size_t
skip(size_t part)
{
	return part > 0 ? 1 : 0;
}

const struct layout *
doc_layout(struct doc *d, size_t part)
{
	const struct layout *lay;

	if (part >= d->nparts)
		return NULL;
	lay = lcache_layout(d->cache, doc_slot(d, part), d->width);
	d->nlines[part] = lay->nlines + 1;
	return lay;
}

bool
doc_part_measured(const struct doc *d, size_t part)
{
	return part < d->nparts && d->nlines[part] != 0;
}

size_t
doc_part_lines(struct doc *d, size_t part)
{
	if (part >= d->nparts)
		return 0;
	if (d->nlines[part] == 0)
		doc_layout(d, part);
	return skip(part) + d->nlines[part] - 1;
}

struct docpos
doc_part_start(struct doc *d, size_t part)
{
	struct docpos p = { part, 0 };

	if (part < d->nparts && doc_part_lines(d, part) > skip(part))
		p.line = skip(part);
	return p;
}

const struct line *
doc_line(struct doc *d, struct docpos p)
{
	const struct layout *lay;

	if (p.part >= d->nparts || p.line >= doc_part_lines(d, p.part))
		return NULL;
	if (p.line < skip(p.part))
		return &blank_line;
	lay = doc_layout(d, p.part);
	/* The count checked above is the layout's own (doc_layout). */
	if (p.line - skip(p.part) >= lay->nlines)
		return NULL;
	return &lay->lines[p.line - skip(p.part)];
}

const struct line *
doc_text_line(struct doc *d, struct docpos p)
{
	const struct line *l = doc_line(d, p);

	return l == &blank_line ? NULL : l;
}

bool
doc_next(struct doc *d, struct docpos *p)
{
	struct docpos q = *p;

	if (q.line + 1 < doc_part_lines(d, q.part)) {
		q.line++;
		*p = q;
		return true;
	}
	for (q.part++; q.part < d->nparts; q.part++) {
		if (doc_part_lines(d, q.part) > 0) {
			q.line = 0;
			*p = q;
			return true;
		}
	}
	return false;
}

bool
doc_prev(struct doc *d, struct docpos *p)
{
	struct docpos q = *p;
	size_t n;

	if (q.line > 0 && q.part < d->nparts) {
		q.line--;
		*p = q;
		return true;
	}
	while (q.part > 0) {
		q.part--;
		if ((n = doc_part_lines(d, q.part)) > 0) {
			q.line = n - 1;
			*p = q;
			return true;
		}
	}
	return false;
}

size_t
doc_move(struct doc *d, struct docpos *p, long n)
{
	size_t moved = 0;

	for (; n > 0 && doc_next(d, p); n--)
		moved++;
	for (; n < 0 && doc_prev(d, p); n++)
		moved++;
	return moved;
}

int
doc_pos_cmp(struct docpos a, struct docpos b)
{
	if (a.part != b.part)
		return a.part < b.part ? -1 : 1;
	if (a.line != b.line)
		return a.line < b.line ? -1 : 1;
	return 0;
}

struct docpos
doc_last(struct doc *d)
{
	struct docpos p = { d->nparts, 0 };

	if (!doc_prev(d, &p)) {
		p.part = 0;
		p.line = 0;
	}
	return p;
}

struct docpos
doc_max_top(struct doc *d, int h, bool sections)
{
	struct docpos max = doc_last(d), last;

	doc_move(d, &max, -(long)(h > 1 ? h - 1 : 0));
	/* The last part can come to the top, with room below it. */
	if (sections && d->nparts > 0) {
		last = doc_part_start(d, d->nparts - 1);
		if (doc_pos_cmp(last, max) > 0)
			max = last;
	}
	return max;
}

void
doc_clamp(struct doc *d, int h, bool sections)
{
	struct docpos max = doc_max_top(d, h, sections);

	if (d->top.part >= d->nparts ||
	    d->top.line >= doc_part_lines(d, d->top.part) ||
	    doc_pos_cmp(d->top, max) > 0)
		d->top = max;
}

struct docpos
doc_find_block(struct doc *d, size_t part, size_t block)
{
	const struct layout *lay = doc_layout(d, part);
	size_t first, end;
	struct docpos p = { part, 0 };

	if (lay == NULL)
		return doc_last(d);
	typeset_leaf_lines(lay, block, &first, &end);
	if (first >= lay->nlines)
		first = lay->nlines > 0 ? lay->nlines - 1 : 0;
	p.line = skip(part) + first;
	if (p.line >= doc_part_lines(d, part))
		return doc_part_start(d, part);
	return p;
}

bool
doc_set_width(struct doc *d, int width)
{
	const struct line *l;
	const struct span *sp;
	struct docpos top = d->top;
	struct ref_target t = { REF_NONE, 0 };
	size_t block = 0, selpart = 0, mention = XREF_NONE;
	bool had = d->width > 0;

	if (width < 1)
		width = 1;
	if (d->width == width)
		return false;
	if (had && (l = doc_text_line(d, top)) != NULL)
		block = l->block;
	if (had && d->sel.on && (sp = doc_span(d, d->sel.a)) != NULL) {
		selpart = d->sel.a.pos.part;
		t = sp->ref;
		mention = sp->mention;
	}
	d->width = width;
	memset(d->nlines, 0, d->nparts * sizeof *d->nlines);
	d->sel.on = false;
	if (!had || d->nparts == 0)
		return true;
	/* The block at the top stays there; a blank between parts too. */
	if (top.line < skip(top.part))
		d->top = top;
	else
		d->top = doc_find_block(d, top.part, block);
	if (t.kind != REF_NONE)
		doc_select_ref(d, selpart, t, mention);
	return true;
}

bool
doc_shows(struct doc *d, struct docpos pos, int h)
{
	struct docpos end = d->top;

	if (h < 1 || doc_pos_cmp(pos, d->top) < 0)
		return false;
	if (doc_move(d, &end, h - 1) < (size_t)(h - 1))
		return doc_pos_cmp(pos, end) <= 0;
	return doc_pos_cmp(pos, end) <= 0;
}

size_t
doc_top_block(struct doc *d)
{
	const struct line *l;

	if (d->width == 0 || d->top.line < skip(d->top.part) ||
	    (l = doc_text_line(d, d->top)) == NULL)
		return SIZE_MAX;
	return l->block;
}

void
doc_repage(struct doc *d, size_t block)
{
	memset(d->nlines, 0, d->nparts * sizeof *d->nlines);
	d->sel.on = false;
	if (block != SIZE_MAX)
		d->top = doc_find_block(d, d->top.part, block);
}

void
doc_relayout(struct doc *d)
{
	/* Pages of another link mode have the same leaves and text, so the
	 * same lines: the top stays; the spans, so the selection, do not. */
	memset(d->nlines, 0, d->nparts * sizeof *d->nlines);
	d->sel.on = false;
}

bool
doc_at_end(struct doc *d, int h)
{
	struct docpos p = d->top;

	return doc_move(d, &p, h > 0 ? h - 1 : 0) < (size_t)(h > 0 ? h - 1 : 0) ||
	    !doc_next(d, &p);
}

/* Lines of a part: exact when laid out, else a guess from its source. */
static size_t
part_estimate(struct doc *d, size_t part)
{
	const struct briefing *b = lcache_briefing(d->cache);
	const struct body *body;
	cmark_node *first, *last;
	size_t n = EST_HEADING;

	if (d->nlines[part] != 0)
		return skip(part) + d->nlines[part] - 1;
	body = briefing_unit_body(b, briefing_slot_unit(b, doc_slot(d, part)));
	if (body != NULL && body->doc != NULL &&
	    (first = cmark_node_first_child(body->doc)) != NULL &&
	    (last = cmark_node_last_child(body->doc)) != NULL &&
	    cmark_node_get_end_line(last) >= cmark_node_get_start_line(first))
		n += (size_t)(cmark_node_get_end_line(last) -
		    cmark_node_get_start_line(first) + 1);
	return skip(part) + n;
}

int
doc_percent(struct doc *d, int h)
{
	size_t i, above = 0, total = 0;

	if (doc_at_end(d, h))
		return 100;
	for (i = 0; i < d->nparts; i++) {
		if (i < d->top.part)
			above += part_estimate(d, i);
		total += part_estimate(d, i);
	}
	above += d->top.line + (size_t)(h > 0 ? h : 0);
	if (total == 0)
		return 100;
	return above >= total ? 99 : (int)(above * 100 / total);
}

/* ---- cross-references ------------------------------------------------------ */

static int
span_cmp(struct docspan a, struct docspan b)
{
	int c = doc_pos_cmp(a.pos, b.pos);

	if (c != 0)
		return c;
	return a.span < b.span ? -1 : a.span > b.span;
}

const struct span *
doc_span(struct doc *d, struct docspan s)
{
	const struct line *l = doc_line(d, s.pos);

	if (l == NULL || s.span >= l->nspans)
		return NULL;
	return &l->spans[s.span];
}

static bool
is_ref(const struct span *s)
{
	return s != NULL && s->ref.kind != REF_NONE;
}

/* The span after s in reading order, before `end`; false at the end. */
static bool
span_next(struct doc *d, struct docspan *s, struct docpos end)
{
	const struct line *l = doc_line(d, s->pos);
	struct docpos p = s->pos;

	if (l != NULL && s->span + 1 < l->nspans) {
		s->span++;
		return true;
	}
	while (doc_next(d, &p) && doc_pos_cmp(p, end) < 0) {
		if (doc_line(d, p)->nspans > 0) {
			s->pos = p;
			s->span = 0;
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

struct item
doc_item_at(struct doc *d, struct docspan p, struct docpos end)
{
	struct item it = { p, p };
	struct docspan q = p, r;

	/* Following spans of the same reference, across a line break and
	 * across blanks between its words. */
	for (;;) {
		if (!span_next(d, &q, end))
			break;
		if (same_ref(doc_span(d, it.last), doc_span(d, q))) {
			it.last = q;
			continue;
		}
		if (!is_blank(doc_span(d, q)))
			break;
		r = q;
		if (!span_next(d, &r, end) ||
		    !same_ref(doc_span(d, it.last), doc_span(d, r)))
			break;
		it.last = r;
		q = r;
	}
	return it;
}

void
doc_items(struct doc *d, struct docpos from, int h, struct items *out)
{
	struct docspan p = { from, 0 };
	struct docpos end = from;
	const struct line *l;
	struct item it;

	out->n = 0;
	if (h < 1 || (l = doc_line(d, from)) == NULL)
		return;
	/* One past the last line shown. */
	if (doc_move(d, &end, h) < (size_t)h)
		end.part = d->nparts;
	if (l->nspans == 0 && !span_next(d, &p, end))
		return;
	for (;;) {
		if (is_ref(doc_span(d, p))) {
			it = doc_item_at(d, p, end);
			ARRAY_RESERVE(out->v, out->cap, out->n + 1);
			out->v[out->n++] = it;
			p = it.last;
		}
		if (!span_next(d, &p, end))
			break;
	}
}

/* The span before s in reading order; false at the start. */
static bool
span_prev(struct doc *d, struct docspan *s)
{
	struct docpos p = s->pos;
	const struct line *l;

	if (s->span > 0) {
		s->span--;
		return true;
	}
	while (doc_prev(d, &p)) {
		if ((l = doc_line(d, p))->nspans > 0) {
			s->pos = p;
			s->span = l->nspans - 1;
			return true;
		}
	}
	return false;
}

/* The first span of the reference whose span s is one. */
static struct docspan
item_start(struct doc *d, struct docspan s)
{
	struct docspan q = s, r;

	for (;;) {
		r = q;
		if (!span_prev(d, &r))
			break;
		/* Across blanks between words of the same reference. */
		while (is_blank(doc_span(d, r))) {
			if (!span_prev(d, &r))
				return q;
		}
		if (!same_ref(doc_span(d, s), doc_span(d, r)))
			break;
		q = r;
	}
	return q;
}

bool
doc_item_step(struct doc *d, struct docspan from, int dir, bool inclusive,
    struct item *out)
{
	struct docpos end = { d->nparts, 0 };
	struct docspan s = from;
	bool first = inclusive;

	for (;;) {
		if (!first && !(dir > 0 ? span_next(d, &s, end) :
		    span_prev(d, &s)))
			return false;
		first = false;
		if (is_ref(doc_span(d, s)))
			break;
	}
	if (dir < 0)
		s = item_start(d, s);
	*out = doc_item_at(d, s, end);
	return true;
}

bool
doc_item_has(const struct item *it, struct docspan s)
{
	return span_cmp(it->first, s) <= 0 && span_cmp(s, it->last) <= 0;
}

bool
doc_selected(const struct doc *d, struct docpos pos, size_t span)
{
	struct docspan s = { pos, span };

	return d->sel.on && span_cmp(d->sel.a, s) <= 0 &&
	    span_cmp(s, d->sel.b) <= 0;
}

void
doc_select(struct doc *d, const struct item *it)
{
	d->sel.on = true;
	d->sel.a = it->first;
	d->sel.b = it->last;
}

bool
doc_select_ref(struct doc *d, size_t part, struct ref_target t, size_t m)
{
	const struct layout *lay = doc_layout(d, part);
	const struct line *l;
	const struct span *sp;
	struct docspan p;
	struct docpos end = { d->nparts, 0 };
	struct item it;
	size_t i, s;

	if (lay == NULL)
		return false;
	for (i = 0; i < lay->nlines; i++) {
		l = &lay->lines[i];
		for (s = 0; s < l->nspans; s++) {
			sp = &l->spans[s];
			p.pos.part = part;
			p.pos.line = skip(part) + i;
			p.span = s;
			/* A mention shown as plain text (calm links) is
			 * selected alone: it is where the jump leads. */
			if (m != XREF_NONE && sp->mention == m && !is_ref(sp)) {
				it.first = it.last = p;
				doc_select(d, &it);
				return true;
			}
			if (!is_ref(sp) || sp->ref.kind != t.kind ||
			    sp->ref.index != t.index ||
			    (m != XREF_NONE && sp->mention != m))
				continue;
			it = doc_item_at(d, p, end);
			doc_select(d, &it);
			return true;
		}
	}
	return false;
}
