/*
 * tsline: cells, prefixes, wrapping and spans; see tsline.h. The work is
 * per code point, so it is kept small: printable ASCII and spaces become
 * cells without a call, cells point at their bytes instead of copying
 * them, a line is made from its prefix and its cells where they lie, and
 * a span's bytes are copied once, a run of adjacent cells at a time.
 */
#include "tsline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textsafe.h"
#include "utf8.h"

/* The most bytes of one grapheme cluster a cell shows whole. */
#define CLUSTER_MAX	64

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

static void
cell_set(struct cell *c, const char *t, size_t len, int width,
    enum cell_kind kind, uint32_t attr, size_t src, size_t srclen)
{
	util_work++;
	c->text = t;
	c->len = (uint16_t)len;
	c->width = (uint8_t)width;
	c->kind = (uint8_t)kind;
	c->attr = attr;
	c->src = src;
	c->srclen = (uint16_t)srclen;
}

/* A cell of the leaf being collected, showing src bytes of its text. */
static void
cell_add(struct ts *ts, const char *t, size_t len, int width,
    enum cell_kind kind, uint32_t attr, size_t src, size_t srclen)
{
	ARRAY_RESERVE(ts->cells, ts->cellcap, ts->ncells + 1);
	cell_set(&ts->cells[ts->ncells++], t, len, width, kind, attr, src,
	    srclen);
}

/* Bytes shown in place of the leaf's, kept until the layout is made. */
static const char *
ts_keep(struct ts *ts, const char *s, size_t len)
{
	if (ts->kept == NULL)
		ts->kept = arena_new();
	return arena_strndup(ts->kept, s, len);
}

/* A placeholder, one cell per code point, in the attribute plus CONTROL. */
static void
add_placeholder(struct ts *ts, const struct textsafe_char *c, uint32_t ai,
    size_t src, size_t srclen)
{
	struct attr a = ts->attrs[ai];
	const char *t = ts_keep(ts, c->text, c->len);
	uint32_t cp;
	size_t i = 0, n;
	int w;

	a.style |= STYLE_CONTROL;
	ai = ts_attr(ts, &a);
	while (i < c->len) {
		n = utf8_decode(t + i, c->len - i, &cp);
		w = utf8_cpwidth(cp);
		/* The first cell stands for the character; the rest
		 * follow it, standing for nothing more. */
		cell_add(ts, t + i, n, w < 0 ? 0 : w, CELL_CHAR, ai,
		    i == 0 ? src : src + srclen, i == 0 ? srclen : 0);
		i += n;
	}
}

/* A space, tab or newline of the leaf's text at src. */
static void
add_space(struct ts *ts, uint32_t cp, uint32_t ai, size_t src)
{
	if (!ts->pre) {
		cell_add(ts, " ", 1, 1, CELL_SPACE, ai, src, 1);
		return;
	}
	if (cp == '\n') {
		cell_add(ts, "", 0, 0, CELL_BREAK, ai, src, 1);
		ts->precol = 0;
		return;
	}
	/* A tab shows as spaces to the next stop: the first cell stands
	 * for it. */
	cell_add(ts, " ", 1, 1, CELL_CHAR, ai, src, 1);
	ts->precol++;
	while (cp == '\t' && ts->precol % TABSTOP != 0) {
		cell_add(ts, " ", 1, 1, CELL_CHAR, ai, src + 1, 0);
		ts->precol++;
	}
}

/*
 * The bytes of the grapheme cluster that starts at s (its first code
 * point n bytes, shown as itself) which one cell may show: as far as its
 * code points are shown as themselves and CLUSTER_MAX bytes go, so that
 * a joiner, a mark or a flag's second half never starts a line of its
 * own. *w grows by their columns.
 */
static size_t
cluster_bytes(const char *s, size_t len, size_t n, int *w)
{
	size_t end = len, k;
	uint32_t cp;
	int cw;

	/* Cut at CLUSTER_MAX, but between characters: half of one would
	 * read as U+FFFD and, after a prepended mark, join the cluster. */
	if (end > CLUSTER_MAX)
		for (end = CLUSTER_MAX; end > n &&
		    ((unsigned char)s[end] & 0xC0) == 0x80; end--)
			;
	end = utf8_cluster(s, end, &cw);
	while (n < end) {
		k = utf8_decode(s + n, end - n, &cp);
		if (n + k > end || (cw = textsafe_shown_width(cp)) < 0)
			break;
		*w += cw;
		n += k;
	}
	return n;
}

/* The character at s[0..len), at offset src of the leaf: made safe. */
static size_t
add_char(struct ts *ts, const char *s, size_t len, uint32_t ai, size_t src)
{
	struct textsafe_char c;
	uint32_t cp, next;
	size_t n = utf8_decode(s, len, &cp);
	int w;

	/* Beyond ASCII and shown as itself: most such characters, with
	 * what joins them into one cluster. */
	if (n > 1 && (w = textsafe_shown_width(cp)) >= 0) {
		if (n < len && (unsigned char)s[n] >= 0x80 &&
		    (utf8_decode(s + n, len - n, &next), utf8_joins(cp, next)))
			n = cluster_bytes(s, len, n, &w);
		cell_add(ts, s, n, w, CELL_CHAR, ai, src, n);
		ts->precol += w;
		return n;
	}
	n = textsafe_next(s, len, &c);

	if (c.cp == ' ' || c.cp == '\t' || c.cp == '\n') {
		add_space(ts, c.cp, ai, src);
		return n;
	}
	if (c.placeholder)
		add_placeholder(ts, &c, ai, src, n);
	else if (c.len > 0)
		/* Shown as written, or as textsafe says (ASCII output). */
		cell_add(ts, c.len == n && memcmp(c.text, s, n) == 0 ? s :
		    ts_keep(ts, c.text, c.len), c.len, c.width, CELL_CHAR, ai,
		    src, n);
	ts->precol += c.width;
	return n;
}

/* Raw text of the leaf at offset `at`, made safe, in an attribute. */
void
ts_add_text(struct ts *ts, const char *s, size_t len, uint32_t ai, size_t at)
{
	const unsigned char *u = (const unsigned char *)s;
	struct cell *c;
	size_t i = 0;

	while (i < len) {
		/* Printable ASCII, most of any text: a cell of its own byte. */
		ARRAY_RESERVE(ts->cells, ts->cellcap, ts->ncells + (len - i));
		for (c = &ts->cells[ts->ncells]; i < len && u[i] > ' ' &&
		    u[i] < 0x7F; i++, c++)
			cell_set(c, s + i, 1, 1, CELL_CHAR, ai, at + i, 1);
		ts->precol += (int)(c - &ts->cells[ts->ncells]);
		ts->ncells = (size_t)(c - ts->cells);
		if (i < len && u[i] == ' ' && !ts->pre) {
			/* Its own byte, so the bytes of a span lie in a row. */
			cell_set(&ts->cells[ts->ncells++], s + i, 1, 1,
			    CELL_SPACE, ai, at + i, 1);
			i++;
		} else if (i < len)
			i += add_char(ts, s + i, len - i, ai, at + i);
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

void
ts_add_extra(struct ts *ts, const char *s, uint32_t ai)
{
	size_t from = ts->ncells, i;

	ts_add_text(ts, s, strlen(s), ai, 0);
	for (i = from; i < ts->ncells; i++) {
		ts->cells[i].src = TYPESET_NONE;
		ts->cells[i].srclen = 0;
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
	ARRAY_RESERVE(ts->line, ts->linecellcap, ts->nline + 1);
	cell_set(&ts->line[ts->nline++], t, len, width, CELL_CHAR, attr,
	    TYPESET_NONE, 0);
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
	const struct box *x;
	int cap = prefix_cap(ts), w = 0, j;
	size_t i;

	ts->nline = 0;
	for (i = 0; i < ts->nboxes && w < cap; i++, util_work++) {
		x = &ts->boxes[i];
		if (x->kind == BOX_QUOTE)
			ts_line_add(ts, QUOTE_BAR, ts->rule);
		else if (x->kind == BOX_ITEM && !blank && !x->marked)
			ts_line_add(ts, x->marker, ts_style(ts, x->style));
		else
			for (j = 0; j < x->width; j++)
				ts_line_cell(ts, " ", 1, 1, ts->plain);
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

/*
 * The cells of a line where they lie: its prefix (and padding) in
 * ts->line, then its text in ts->cells, so text cells are not copied.
 */
struct vline {
	const struct cell	*a;
	size_t			 na;
	const struct cell	*b;
	size_t			 n;	/* in all */
};

static const struct cell *
vcell(const struct vline *v, size_t i)
{
	return i < v->na ? &v->a[i] : &v->b[i - v->na];
}

/* Bytes of cells c[0..n) to out, a run of adjacent bytes at a time. */
static size_t
cells_copy(char *out, const struct cell *c, size_t n)
{
	const char *run = NULL;
	size_t i, runlen = 0, o = 0;

	for (i = 0; i < n; i++) {
		if (run != NULL && c[i].text == run + runlen) {
			runlen += c[i].len;
			continue;
		}
		if (runlen > 0)
			memcpy(out + o, run, runlen);
		o += runlen;
		run = c[i].text;
		runlen = c[i].len;
	}
	if (runlen > 0)
		memcpy(out + o, run, runlen);
	return o + runlen;
}

/*
 * The span being made: cells [from, i) of the line, in attribute cur
 * (ts->attrs[curai], plus extra when curin), showing [at, at + atlen) of
 * the leaf's text, in bytes bytes and w columns.
 */
struct spanner {
	struct ts		*ts;
	const struct vline	*v;
	size_t			 content;	/* extra from this cell on */
	unsigned		 extra;
	size_t			 from, at, atlen, bytes;
	struct attr		 cur;
	uint32_t		 curai;
	bool			 curin, same;
	int			 w, total;
};

static void
span_flush(struct spanner *sp, size_t to)
{
	struct ts *ts = sp->ts;
	const struct vline *v = sp->v;
	const struct attr *a = &sp->cur;
	struct span *s;
	size_t len = sp->bytes, mid, o = 0;
	char *text;

	if (to == sp->from || len == 0)
		return;
	text = arena_text(ts->lay->arena, len + 1);
	/* The span's cells in the prefix, [from, mid), then in the text. */
	mid = v->na < sp->from ? sp->from : v->na < to ? v->na : to;
	if (mid > sp->from)
		o = cells_copy(text, v->a + sp->from, mid - sp->from);
	if (to > mid)
		cells_copy(text + o, v->b + (mid - v->na), to - mid);
	text[len] = '\0';
	/* Content is ASCII already under an ASCII locale; the typesetter's
	 * own glyphs (rules, bars, bullets, ellipses) become so here, in
	 * the same columns. */
	if (textsafe_ascii()) {
		textsafe_ascii_columns(text, len, text, &len);
		text[len] = '\0';
	}
	ARRAY_RESERVE(ts->spans, ts->spancap, ts->nspans + 1);
	s = &ts->spans[ts->nspans++];
	s->text = text;
	s->len = len;
	s->width = sp->w;
	s->style = a->style;
	s->at = sp->at;
	s->atlen = sp->atlen;
	if (ts->lead.kind != REF_NONE) {
		s->ref = ts->lead;
		s->mention = XREF_NONE;
	} else {
		s->ref = a->ref;
		s->mention = a->mention;
	}
}

/*
 * Cell i of the line: on with the span, or a new one when the attribute
 * changes or the bytes it shows do not follow. Cells of one attribute
 * index have one attribute: the values are compared when it changes.
 */
static void
span_cell(struct spanner *sp, const struct cell *c, size_t i)
{
	struct attr a;

	if (c->attr != sp->curai || (i >= sp->content) != sp->curin) {
		a = sp->ts->attrs[c->attr];
		if (i >= sp->content)
			a.style |= sp->extra;
		if (i != sp->from && !attr_equal(&a, &sp->cur)) {
			span_flush(sp, i);
			sp->from = i;
		}
		sp->cur = a;
		sp->curai = c->attr;
		sp->curin = i >= sp->content;
	}
	if (i == sp->from || !cell_continues(c, sp->at, sp->atlen, sp->same)) {
		span_flush(sp, i);
		sp->from = i;
		sp->w = 0;
		sp->bytes = 0;
		sp->at = c->src;
		sp->atlen = 0;
		sp->same = c->len == c->srclen;
	}
	if (c->src != TYPESET_NONE)
		sp->atlen += c->srclen;
	sp->bytes += c->len;
	sp->w += c->width;
	sp->total += c->width;
}

/*
 * The cells of v (extra style from cell `content` on) into *l: spans of
 * one attribute showing adjacent bytes of the leaf's text.
 */
static void
line_make(struct ts *ts, struct vline *v, size_t content, unsigned extra,
    struct line *l)
{
	const struct cell *c;
	struct spanner sp;
	size_t i;

	while (v->n > 0 && vcell(v, v->n - 1)->len == 1 &&
	    vcell(v, v->n - 1)->text[0] == ' ')
		v->n--;
	if (v->na > v->n)
		v->na = v->n;
	memset(&sp, 0, sizeof sp);
	sp.ts = ts;
	sp.v = v;
	sp.content = content;
	sp.extra = extra;
	sp.cur = ts_attr_plain;
	sp.curai = UINT32_MAX;
	sp.at = TYPESET_NONE;
	sp.same = true;
	ts->nspans = 0;
	for (i = 0; i < v->na; i++)
		span_cell(&sp, &v->a[i], i);
	/* The text: most cells carry on the span before them. (No text: no
	 * cells, and b may be NULL, where no offset may be added.) */
	c = v->b != NULL ? v->b + (i - v->na) : NULL;
	for (; i < v->n; i++, c++) {
		if (c->attr == sp.curai && sp.curin && i != sp.from &&
		    c->src != TYPESET_NONE && c->src == sp.at + sp.atlen &&
		    (c->len == c->srclen) == sp.same) {
			sp.atlen += c->srclen;
			sp.bytes += c->len;
			sp.w += c->width;
			sp.total += c->width;
			continue;
		}
		span_cell(&sp, c, i);
	}
	span_flush(&sp, v->n);
	l->nspans = ts->nspans;
	l->spans = NULL;
	if (ts->nspans > 0) {
		l->spans = arena_array(ts->lay->arena, ts->nspans,
		    sizeof *l->spans);
		memcpy(l->spans, ts->spans, ts->nspans * sizeof *l->spans);
	}
	l->width = sp.total;
	l->block = ts->block;
	l->src_line = ts->lead.kind != REF_NONE ? 0 : ts->src_line;
}

/* ts->line (prefix and content, extra style on the content) into *l. */
void
ts_line_make(struct ts *ts, size_t content, unsigned extra, struct line *l)
{
	struct vline v = { ts->line, ts->nline, NULL, ts->nline };

	line_make(ts, &v, content, extra, l);
}

/* Cells [a, b) with the current prefix and pad columns as a new line. */
void
ts_line_emit(struct ts *ts, size_t a, size_t b, int pad, unsigned extra,
    bool blank)
{
	struct layout *lay = ts->lay;
	struct vline v;

	ts_prefix(ts, blank);
	for (; pad > 0; pad--)
		ts_line_cell(ts, " ", 1, 1, ts->plain);
	v.a = ts->line;
	v.na = ts->nline;
	/* No cells yet (a blank line first): no offset added to NULL. */
	v.b = ts->cells != NULL ? ts->cells + a : NULL;
	v.n = ts->nline + (b - a);
	ARRAY_RESERVE(lay->lines, ts->linecap, lay->nlines + 1);
	line_make(ts, &v, v.na, extra, &lay->lines[lay->nlines++]);
}

/* Cells [a, b) as a line of width columns, its trailing spaces left out. */
static void
range_add(struct ts *ts, size_t a, size_t b, int width)
{
	while (b > a && ts->cells[b - 1].kind == CELL_SPACE)
		b--;
	ARRAY_RESERVE(ts->ranges, ts->rangecap, ts->nranges + 1);
	ts->ranges[ts->nranges].a = a;
	ts->ranges[ts->nranges].b = b;
	ts->ranges[ts->nranges].width = width;
	ts->nranges++;
}

/* A cell wider than a whole line shows as an ellipsis. */
static void
cell_elide(struct cell *c)
{
	c->text = ELLIPSIS;
	c->len = (uint16_t)strlen(ELLIPSIS);
	c->width = 1;
}

/*
 * Break the collected cells into ranges of at most avail columns: at
 * spaces, before and after wide characters, and inside a word only when
 * the word alone is wider than the line. A cell (a character, or a
 * grapheme cluster of several) is never split and a zero-width one stays
 * with the cell before it.
 */
void
ts_wrap(struct ts *ts, size_t from, size_t n, int avail)
{
	const struct cell *cells = ts->cells;
	struct cell *c;
	size_t i = from, j, start, brk, run;
	int col, colns, brkcol, w, prevw;

	while (i < n) {
		if (!ts->pre) {
			while (i < n && cells[i].kind == CELL_SPACE)
				i++;
			if (i == n)
				break;
		}
		start = i;
		brk = 0;
		/* colns: the columns up to the last cell that is not a
		 * space, what a line ending here takes; brkcol, at brk. */
		col = colns = brkcol = prevw = 0;
		for (j = i; ; j++) {
			/* Narrow characters that fit: most cells. */
			for (run = j; prevw < 2 && j < n &&
			    cells[j].kind == CELL_CHAR && cells[j].width == 1 &&
			    col < avail; j++)
				col++;
			if (j > run) {
				colns = col;
				prevw = 1;
			}
			if (j == n) {
				range_add(ts, start, n, colns);
				i = n;
				break;
			}
			c = &ts->cells[j];
			if (c->kind == CELL_BREAK) {
				range_add(ts, start, j, colns);
				i = j + 1;
				break;
			}
			w = c->width;
			if (c->kind == CELL_SPACE) {
				brk = j;
				brkcol = colns;
				col += w;
				continue;
			}
			if (!ts->pre && j > start && w > 0 &&
			    (w >= 2 || prevw >= 2)) {
				brk = j;
				brkcol = colns;
			}
			if (col + w > avail) {
				if (brk > start) {
					range_add(ts, start, brk, brkcol);
					i = brk;
					break;
				}
				if (j == start) {
					cell_elide(c);
					w = 1;
				} else {
					range_add(ts, start, j, colns);
					i = j;
					break;
				}
			}
			col += w;
			colns = col;
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
	int avail = ts->width - ts_prefix_width(ts), maxw = 0;
	size_t r;

	if (ts->ncells == 0)
		return 0;
	ts->nranges = 0;
	ts_wrap(ts, 0, ts->ncells, avail);
	for (r = 0; r < ts->nranges; r++)
		if (ts->ranges[r].width > maxw)
			maxw = ts->ranges[r].width;
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
	ts->plain = ts_style(ts, 0);
	ts->rule = ts_style(ts, STYLE_RULE);
}

/* Free the working state; returns the layout. */
struct layout *
ts_finish(struct ts *ts)
{
	free(ts->attrs);
	arena_free(ts->kept);
	free(ts->cells);
	free(ts->line);
	free(ts->ranges);
	free(ts->spans);
	free(ts->boxes);
	free(ts->lists);
	return ts->lay;
}
