/*
 * tsline: cells, prefixes, wrapping and spans; see tsline.h.
 */
#include "tsline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textsafe.h"
#include "utf8.h"

const struct attr ts_attr_plain = { 0, { REF_NONE, 0 }, XREF_NONE };

/* ---- attributes ------------------------------------------------------ */

static bool
attr_equal(const struct attr *a, const struct attr *b)
{
	return a->style == b->style && a->ref.kind == b->ref.kind &&
	    a->ref.index == b->ref.index && a->mention == b->mention;
}

uint32_t
ts_attr(struct ts *ts, const struct attr *a)
{
	size_t i, lo;

	lo = ts->nattrs > 16 ? ts->nattrs - 16 : 0;
	for (i = ts->nattrs; i > lo; i--) {
		if (attr_equal(&ts->attrs[i - 1], a))
			return (uint32_t)(i - 1);
	}
	ARRAY_RESERVE(ts->attrs, ts->attrcap, ts->nattrs + 1);
	ts->attrs[ts->nattrs] = *a;
	return (uint32_t)ts->nattrs++;
}

uint32_t
ts_style(struct ts *ts, unsigned style)
{
	struct attr a = ts_attr_plain;

	a.style = style;
	return ts_attr(ts, &a);
}

/* ---- cells ------------------------------------------------------------ */

static struct cell *
cells_append(struct ts *ts, struct cell **v, size_t *n, size_t *cap,
    const char *t, size_t len, int width, enum cell_kind kind,
    uint32_t attr)
{
	struct cell *c;

	util_work++;
	ARRAY_RESERVE(*v, *cap, *n + 1);
	c = &(*v)[(*n)++];
	c->off = ts->disp.len;
	buf_add(&ts->disp, t, len);
	c->len = (uint16_t)len;
	c->width = (uint8_t)width;
	c->kind = (uint8_t)kind;
	c->attr = attr;
	c->src = TYPESET_NONE;
	c->srclen = 0;
	return c;
}

/* A cell of the leaf being collected, showing src bytes of its text. */
static struct cell *
cell_add(struct ts *ts, const char *t, size_t len, int width,
    enum cell_kind kind, uint32_t attr, size_t src, size_t srclen)
{
	struct cell *c = cells_append(ts, &ts->cells, &ts->ncells,
	    &ts->cellcap, t, len, width, kind, attr);

	c->src = src;
	c->srclen = (uint16_t)srclen;
	return c;
}

/* A placeholder, one cell per code point, in the attribute plus CONTROL. */
static void
add_placeholder(struct ts *ts, const struct textsafe_char *c, uint32_t ai,
    size_t src, size_t srclen)
{
	struct attr a = ts->attrs[ai];
	uint32_t cp;
	size_t i = 0, n;
	int w;

	a.style |= STYLE_CONTROL;
	ai = ts_attr(ts, &a);
	while (i < c->len) {
		n = utf8_decode(c->text + i, c->len - i, &cp);
		w = utf8_cpwidth(cp);
		/* The first cell stands for the character; the rest
		 * follow it, standing for nothing more. */
		cell_add(ts, c->text + i, n, w < 0 ? 0 : w, CELL_CHAR, ai,
		    i == 0 ? src : src + srclen, i == 0 ? srclen : 0);
		i += n;
	}
}

/* Raw text of the leaf at offset `at`, made safe, in an attribute. */
void
ts_add_text(struct ts *ts, const char *s, size_t len, uint32_t ai, size_t at)
{
	struct textsafe_char c;
	size_t i = 0, n;

	while (i < len) {
		n = textsafe_next(s + i, len - i, &c);
		if (c.cp == ' ' || c.cp == '\t' || c.cp == '\n') {
			if (!ts->pre)
				cell_add(ts, " ", 1, 1, CELL_SPACE, ai, at + i, 1);
			else if (c.cp == '\n') {
				cell_add(ts, "", 0, 0, CELL_BREAK, ai, at + i, 1);
				ts->precol = 0;
			} else {
				/* A tab shows as spaces to the next stop:
				 * the first cell stands for it. */
				cell_add(ts, " ", 1, 1, CELL_CHAR, ai, at + i, 1);
				ts->precol++;
				while (c.cp == '\t' && ts->precol % TABSTOP != 0) {
					cell_add(ts, " ", 1, 1, CELL_CHAR, ai,
					    at + i + 1, 0);
					ts->precol++;
				}
			}
			i += n;
			continue;
		}
		if (c.placeholder)
			add_placeholder(ts, &c, ai, at + i, n);
		else if (c.len > 0)
			cell_add(ts, c.text, c.len, c.width, CELL_CHAR, ai,
			    at + i, n);
		ts->precol += c.width;
		i += n;
	}
}

/* The runs [from, to) of the leaf into cells. */
void
ts_add_runs(struct ts *ts, const struct block *leaf, size_t from, size_t to)
{
	const struct run *r;
	struct attr a;
	size_t i;

	for (i = from; i < to; i++) {
		r = &leaf->runs[i];
		a.style = r->style;
		a.ref = r->ref;
		a.mention = r->mention;
		if (r->kind == RUN_BREAK)
			cell_add(ts, "", 0, 0, CELL_BREAK, ts_attr(ts, &a),
			    r->at, r->len);
		else if (r->kind == RUN_TEXT)
			ts_add_text(ts, r->text, r->len, ts_attr(ts, &a),
			    r->at);
	}
}

/* ---- lines -------------------------------------------------------------- */

/* Columns prefixes may take: some room is always left for text. */
static int
prefix_cap(const struct ts *ts)
{
	int keep = (ts->width + 1) / 2;

	if (keep > MIN_TEXT)
		keep = MIN_TEXT;
	if (keep < 1)
		keep = 1;
	return ts->width - keep;
}

int
ts_prefix_width(const struct ts *ts)
{
	int cap = prefix_cap(ts), w = 0;
	size_t i;

	for (i = 0; i < ts->nboxes && w < cap; i++, util_work++)
		w += ts->boxes[i].width;
	return w < cap ? w : cap;
}

/* A cell of the line being made. */
void
ts_line_cell(struct ts *ts, const char *t, size_t len, int width, uint32_t attr)
{
	cells_append(ts, &ts->line, &ts->nline, &ts->linecellcap, t, len,
	    width, CELL_CHAR, attr);
}

/* A safe string into cells of the line being made. */
void
ts_line_add(struct ts *ts, const char *s, uint32_t attr)
{
	uint32_t cp;
	size_t n, len = strlen(s);
	int w;

	for (; len > 0; s += n, len -= n) {
		n = utf8_decode(s, len, &cp);
		w = utf8_cpwidth(cp);
		ts_line_cell(ts, s, n, w < 0 ? 0 : w, attr);
	}
}

/*
 * The prefix of the next line into ts->line. A blank line shows the quote
 * bars only and leaves list markers for the next line of text.
 */
void
ts_prefix(struct ts *ts, bool blank)
{
	uint32_t plain = ts_style(ts, 0), rule = ts_style(ts, STYLE_RULE);
	const struct box *x;
	int cap = prefix_cap(ts), w = 0, j;
	size_t i;

	ts->nline = 0;
	for (i = 0; i < ts->nboxes && w < cap; i++, util_work++) {
		x = &ts->boxes[i];
		if (x->kind == BOX_QUOTE)
			ts_line_add(ts, QUOTE_BAR, rule);
		else if (x->kind == BOX_ITEM && !blank && !x->marked)
			ts_line_add(ts, x->marker, ts_style(ts, x->style));
		else
			for (j = 0; j < x->width; j++)
				ts_line_cell(ts, " ", 1, 1, plain);
		w += x->width;
	}
	/* Markers show once: the unshown ones are the innermost items. */
	if (!blank) {
		for (i = ts->unmarked; i < ts->nboxes; i++, util_work++)
			ts->boxes[i].marked = true;
		ts->unmarked = ts->nboxes;
	}
	/* Cut to the cap. */
	for (w = 0, i = 0; i < ts->nline; i++) {
		if (w + ts->line[i].width > cap)
			break;
		w += ts->line[i].width;
	}
	ts->nline = i;
}

/* Does cell c carry on a span that so far shows [at, at + atlen)? */
static bool
cell_continues(const struct cell *c, size_t at, size_t atlen, bool same)
{
	bool none = c->src == TYPESET_NONE, was_none = at == TYPESET_NONE;

	if (none != was_none)
		return false;
	if (none)
		return true;
	if (c->src != at + atlen)
		return false;
	/* Shown as written, or not: spans do not mix the two. */
	return (c->len == c->srclen) == same;
}

static void
span_flush(struct ts *ts, const struct attr *a, size_t from, size_t to,
    size_t at, size_t atlen, int width)
{
	struct span *s;
	char *text;
	size_t i, len = 0;

	if (to == from)
		return;
	for (i = from; i < to; i++)
		len += ts->line[i].len;
	if (len == 0)
		return;
	text = arena_alloc(ts->lay->arena, len + 1);
	for (len = 0, i = from; i < to; i++) {
		memcpy(text + len, ts->disp.data + ts->line[i].off,
		    ts->line[i].len);
		len += ts->line[i].len;
	}
	/* Content is ASCII already under an ASCII locale; the typesetter's
	 * own glyphs (rules, bars, bullets, ellipses) become so here, in
	 * the same columns. */
	if (textsafe_ascii())
		textsafe_ascii_columns(text, len, text, &len);
	ARRAY_RESERVE(ts->spans, ts->spancap, ts->nspans + 1);
	s = &ts->spans[ts->nspans++];
	s->text = text;
	s->len = len;
	s->width = width;
	s->style = a->style;
	s->at = at;
	s->atlen = atlen;
	if (ts->lead.kind != REF_NONE) {
		s->ref = ts->lead;
		s->mention = XREF_NONE;
	} else {
		s->ref = a->ref;
		s->mention = a->mention;
	}
}

/* ts->line (prefix and content, extra style on the content) into *l. */
void
ts_line_make(struct ts *ts, size_t content, unsigned extra, struct line *l)
{
	struct attr cur = ts_attr_plain, a;
	const struct cell *c;
	size_t i, n = ts->nline, from = 0, at = TYPESET_NONE, atlen = 0;
	int w = 0, total = 0;
	bool same = true;

	while (n > 0 && ts->line[n - 1].len == 1 &&
	    ts->disp.data[ts->line[n - 1].off] == ' ')
		n--;
	ts->nspans = 0;
	for (i = 0; i < n; i++) {
		c = &ts->line[i];
		a = ts->attrs[c->attr];
		if (i >= content)
			a.style |= extra;
		if (i == from || !attr_equal(&a, &cur) ||
		    !cell_continues(c, at, atlen, same)) {
			span_flush(ts, &cur, from, i, at, atlen, w);
			cur = a;
			from = i;
			w = 0;
			at = c->src;
			atlen = 0;
			same = c->len == c->srclen;
		}
		if (c->src != TYPESET_NONE)
			atlen += c->srclen;
		w += c->width;
		total += c->width;
	}
	span_flush(ts, &cur, from, n, at, atlen, w);
	l->nspans = ts->nspans;
	l->spans = NULL;
	if (ts->nspans > 0) {
		l->spans = arena_array(ts->lay->arena, ts->nspans,
		    sizeof *l->spans);
		memcpy(l->spans, ts->spans, ts->nspans * sizeof *l->spans);
	}
	l->width = total;
	l->block = ts->block;
	l->src_line = ts->lead.kind != REF_NONE ? 0 : ts->src_line;
}

/* Cells [a, b) with the current prefix and pad columns as a new line. */
void
ts_line_emit(struct ts *ts, size_t a, size_t b, int pad, unsigned extra,
    bool blank)
{
	struct layout *lay = ts->lay;
	uint32_t plain = ts_style(ts, 0);
	struct cell *c;
	size_t content;

	ts_prefix(ts, blank);
	for (; pad > 0; pad--)
		ts_line_cell(ts, " ", 1, 1, plain);
	content = ts->nline;
	for (; a < b; a++) {
		ARRAY_RESERVE(ts->line, ts->linecellcap, ts->nline + 1);
		c = &ts->line[ts->nline++];
		*c = ts->cells[a];
	}
	ARRAY_RESERVE(lay->lines, ts->linecap, lay->nlines + 1);
	ts_line_make(ts, content, extra, &lay->lines[lay->nlines++]);
}

static void
range_add(struct ts *ts, size_t a, size_t b)
{
	while (b > a && ts->cells[b - 1].kind == CELL_SPACE)
		b--;
	ARRAY_RESERVE(ts->ranges, ts->rangecap, ts->nranges + 1);
	ts->ranges[ts->nranges].a = a;
	ts->ranges[ts->nranges].b = b;
	ts->nranges++;
}

/* A cell wider than a whole line shows as an ellipsis. */
static void
cell_elide(struct ts *ts, struct cell *c)
{
	c->off = ts->disp.len;
	buf_adds(&ts->disp, ELLIPSIS);
	c->len = (uint16_t)strlen(ELLIPSIS);
	c->width = 1;
}

/*
 * Break the collected cells into ranges of at most avail columns: at
 * spaces, before and after wide characters, and inside a word only when
 * the word alone is wider than the line. A character is never split and a
 * zero-width one stays with the character before it.
 */
void
ts_wrap(struct ts *ts, size_t from, size_t n, int avail)
{
	struct cell *c;
	size_t i = from, j, start, brk;
	int col, w, prevw;

	while (i < n) {
		if (!ts->pre) {
			while (i < n && ts->cells[i].kind == CELL_SPACE)
				i++;
			if (i == n)
				break;
		}
		start = i;
		brk = 0;
		col = prevw = 0;
		for (j = i; ; j++) {
			if (j == n) {
				range_add(ts, start, n);
				i = n;
				break;
			}
			c = &ts->cells[j];
			if (c->kind == CELL_BREAK) {
				range_add(ts, start, j);
				i = j + 1;
				break;
			}
			w = c->width;
			if (c->kind == CELL_SPACE) {
				brk = j;
				col += w;
				continue;
			}
			if (!ts->pre && j > start && w > 0 &&
			    (w == 2 || prevw == 2))
				brk = j;
			if (col + w > avail) {
				if (brk > start) {
					range_add(ts, start, brk);
					i = brk;
					break;
				}
				if (j == start) {
					cell_elide(ts, c);
					w = 1;
				} else {
					range_add(ts, start, j);
					i = j;
					break;
				}
			}
			col += w;
			if (w > 0)
				prevw = w;
		}
	}
}

/*
 * Lay out the collected cells as lines under the current prefixes, with
 * extra style bits, right-aligned when asked; returns the widest text.
 */
int
ts_flush(struct ts *ts, unsigned extra, bool right)
{
	int avail = ts->width - ts_prefix_width(ts), maxw = 0, w;
	size_t r, k;

	if (ts->ncells == 0)
		return 0;
	ts->nranges = 0;
	ts_wrap(ts, 0, ts->ncells, avail);
	for (r = 0; r < ts->nranges; r++) {
		for (w = 0, k = ts->ranges[r].a; k < ts->ranges[r].b; k++)
			w += ts->cells[k].width;
		if (w > maxw)
			maxw = w;
	}
	for (r = 0; r < ts->nranges; r++)
		ts_line_emit(ts, ts->ranges[r].a, ts->ranges[r].b,
		    right ? avail - maxw : 0, extra, false);
	ts->ncells = 0;
	ts->precol = 0;
	return maxw;
}

/* A rule of w columns made of glyph (one column wide). */
void
ts_rule(struct ts *ts, const char *glyph, int w)
{
	uint32_t ai = ts_style(ts, STYLE_RULE);
	size_t n = strlen(glyph);

	for (; w > 0; w--)
		cell_add(ts, glyph, n, 1, CELL_CHAR, ai, TYPESET_NONE, 0);
	ts_flush(ts, 0, false);
}

/* ---- boxes and the blank line ---------------------------------------------- */

void
ts_box_push(struct ts *ts, enum box_kind kind, const char *marker, int width,
    unsigned style)
{
	struct box *x;

	ARRAY_RESERVE(ts->boxes, ts->boxcap, ts->nboxes + 1);
	x = &ts->boxes[ts->nboxes++];
	x->kind = kind;
	x->marker = marker != NULL ? marker : "";
	x->width = width;
	x->style = style;
	x->marked = kind != BOX_ITEM;
}

void
ts_box_pop(struct ts *ts)
{
	if (ts->nboxes == 0)
		return;
	ts->nboxes--;
	if (ts->unmarked > ts->nboxes)
		ts->unmarked = ts->nboxes;
}

/* The blank line before a block that asks for one (none at the top). */
void
ts_gap(struct ts *ts, const struct block *b)
{
	/* Inside borrowed content the blank line leads where it does. */
	ts->lead = b->lead;
	if (b->gap && ts->lay->nlines > 0)
		ts_line_emit(ts, 0, 0, 0, 0, true);
}

void
ts_init(struct ts *ts, int width)
{
	memset(ts, 0, sizeof *ts);
	ts->width = width < 1 ? 1 : width;
	ts->lay = xcalloc(1, sizeof *ts->lay);
	ts->lay->width = ts->width;
	ts->lay->arena = arena_new();
	ts->lead.kind = REF_NONE;
	buf_init(&ts->disp);
}

/* Free the working state; returns the layout. */
struct layout *
ts_finish(struct ts *ts)
{
	free(ts->attrs);
	buf_free(&ts->disp);
	free(ts->cells);
	free(ts->line);
	free(ts->ranges);
	free(ts->spans);
	free(ts->boxes);
	free(ts->lists);
	return ts->lay;
}
