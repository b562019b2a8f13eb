/*
 * typeset: pages into lines, a handler per kind of block over the line
 * engine of tsline.h; rows and tables in columns; one line for titles;
 * and the map from a leaf's text to the lines that show it.
 */
#include "typeset.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "textsafe.h"
#include "tsline.h"
#include "utf8.h"

/* Indexed by enum rule_kind. */
static const char *const rule_glyphs[] = {
	NULL,			/* RULE_NONE */
	"\xe2\x94\x80",		/* RULE_SINGLE ─ */
	"\xe2\x95\x90",		/* RULE_DOUBLE ═ */
	"\xe2\x94\x81",		/* RULE_HEAVY ━ */
};

#define COL_GAP	2	/* columns between the cells of a row */
#define COL_MIN	10	/* narrower columns are stacked instead */
#define STACK_INDENT 2	/* of a stacked row's lines after its first */
#define MIDDOT	"\xc2\xb7"

/* Bullets of unordered lists, by depth. */
static const char *const bullets[] = {
	"\xe2\x80\xa2 ",	/* • */
	"\xe2\x97\xa6 ",	/* ◦ */
	"\xe2\x96\xaa ",	/* ▪ */
};

/* ---- blocks ----------------------------------------------------------------- */

static void
leaf_begin(struct ts *ts, const struct block *b)
{
	ts_gap(ts, b);
	ts->leaf = b;
	ts->block = b->leaf;
	ts->src_line = b->src_line;
	ts->lead = b->lead;
	ts->ncells = 0;
	ts->precol = 0;
}

static void
heading_enter(struct ts *ts, const struct block *b)
{
	int w;

	leaf_begin(ts, b);
	ts_add_runs(ts, b, 0, b->nruns);
	w = ts_flush(ts, 0, false);
	if ((size_t)b->u.heading.rule < NITEMS(rule_glyphs) &&
	    rule_glyphs[b->u.heading.rule] != NULL)
		ts_rule(ts, rule_glyphs[b->u.heading.rule], w);
}

static void
paragraph_enter(struct ts *ts, const struct block *b)
{
	leaf_begin(ts, b);
	ts_add_runs(ts, b, 0, b->nruns);
	if (b->u.para.attrib)
		ts_flush(ts, STYLE_ATTRIB, true);
	else
		ts_flush(ts, 0, false);
}

static void
code_enter(struct ts *ts, const struct block *b)
{
	leaf_begin(ts, b);
	ts_box_push(ts, BOX_INDENT, NULL, CODE_INDENT, 0);
	ts->pre = true;
	ts_add_runs(ts, b, 0, b->nruns);
	ts_flush(ts, 0, false);
	ts->pre = false;
	ts_box_pop(ts);
}

static void
rule_enter(struct ts *ts, const struct block *b)
{
	leaf_begin(ts, b);
	ts_rule(ts, rule_glyphs[RULE_SINGLE], ts->width - ts_prefix_width(ts));
}

static void
quote_enter(struct ts *ts, const struct block *b)
{
	ts_gap(ts, b);
	ts_box_push(ts, BOX_QUOTE, NULL, 2, 0);
}

static void
box_leave(struct ts *ts, const struct block *b)
{
	(void)b;
	ts_box_pop(ts);
}

static void
list_enter(struct ts *ts, const struct block *b)
{
	struct list_state *l;
	const struct block *item;
	long last;
	int n = 0;

	ts_gap(ts, b);
	ARRAY_RESERVE(ts->lists, ts->listcap, ts->nlists + 1);
	l = &ts->lists[ts->nlists++];
	l->depth = b->u.list.depth;
	l->ordered = b->u.list.ordered;
	l->delim = b->u.list.delim;
	l->next = b->u.list.start;
	for (item = b->first; item != NULL; item = item->next)
		n++;
	last = l->next + (n > 0 ? n - 1 : 0);
	l->numwidth = snprintf(NULL, 0, "%ld", last);
}

static void
list_leave(struct ts *ts, const struct block *b)
{
	(void)b;
	if (ts->nlists > 0)
		ts->nlists--;
}

static void
item_enter(struct ts *ts, const struct block *b)
{
	struct list_state *l;
	char marker[32];
	const char *m;
	int n;

	ts_gap(ts, b);
	if (b->u.item.marker != NULL) {
		m = b->u.item.marker;
		ts_box_push(ts, BOX_ITEM, m, textsafe_width(m, strlen(m), true),
		    b->u.item.style);
		return;
	}
	if (b->parent == NULL || b->parent->kind != BLOCK_LIST ||
	    ts->nlists == 0) {
		ts_box_push(ts, BOX_ITEM, bullets[0], 2, STYLE_MARKER);
		return;
	}
	l = &ts->lists[ts->nlists - 1];
	if (!l->ordered) {
		ts_box_push(ts, BOX_ITEM, bullets[l->depth % NITEMS(bullets)], 2,
		    STYLE_MARKER);
		return;
	}
	n = snprintf(marker, sizeof marker, "%*ld%c ", l->numwidth, l->next,
	    l->delim);
	l->next++;
	ts_box_push(ts, BOX_ITEM, arena_strndup(ts->lay->arena, marker,
	    (size_t)n), l->numwidth + 2, STYLE_MARKER);
}

static void
item_leave(struct ts *ts, const struct block *b)
{
	(void)b;
	/* An empty item still shows its marker. */
	if (ts->nboxes > 0 && !ts->boxes[ts->nboxes - 1].marked)
		ts_line_emit(ts, 0, 0, 0, 0, false);
	ts_box_pop(ts);
}

/* ---- rows and tables -------------------------------------------------------- */

/* Columns of cells [a, b) on the widest of their lines (hard breaks). */
static int
cells_width(const struct ts *ts, size_t a, size_t b)
{
	int w = 0, widest = 0;

	for (; a < b; a++) {
		if (ts->cells[a].kind == CELL_BREAK)
			w = 0;
		w += ts->cells[a].width;
		if (w > widest)
			widest = w;
	}
	return widest;
}

/* The cells of one row, a range of ts->cells per column (missing: empty). */
static void
row_cells(struct ts *ts, const struct block *row, struct range *cols,
    size_t ncols)
{
	size_t c = 0, from = 0, i;

	for (i = 0; i <= row->nruns && c < ncols; i++) {
		if (i < row->nruns && row->runs[i].kind != RUN_CELL)
			continue;
		cols[c].a = ts->ncells;
		ts_add_runs(ts, row, from, i);
		cols[c].b = ts->ncells;
		from = i + 1;
		c++;
	}
	for (; c < ncols; c++)
		cols[c].a = cols[c].b = ts->ncells;
}

static int
min_int(int a, int b)
{
	return a < b ? a : b;
}

/*
 * Widths of the columns within avail: natural widths when they fit; else
 * the narrow columns keep theirs and the rest share what is left. Labelled
 * rows give the label at most a third and the value the rest. False when
 * the columns do not fit side by side: one would get fewer than COL_MIN
 * columns (or than its natural width, when that is less).
 */
static bool
column_widths(const int *nat, int *w, size_t ncols, int avail, bool rows)
{
	int left = avail - COL_GAP * (int)(ncols - 1), share;
	size_t c, open = ncols;
	bool changed = true;

	if (rows && ncols == 2) {
		w[0] = min_int(nat[0], avail / 3);
		w[1] = left - w[0];
	} else {
		for (c = 0; c < ncols; c++)
			w[c] = -1;
		while (changed && open > 0 && left >= 0) {
			changed = false;
			share = left / (int)open;
			for (c = 0; c < ncols; c++) {
				if (w[c] >= 0 || nat[c] > share)
					continue;
				w[c] = nat[c];
				left -= nat[c];
				open--;
				changed = true;
			}
		}
		for (c = 0; c < ncols && open > 0; c++) {
			if (w[c] >= 0)
				continue;
			w[c] = left / (int)open;
			left -= w[c];
			open--;
		}
	}
	for (c = 0; c < ncols; c++)
		if (w[c] < min_int(nat[c], COL_MIN))
			return false;
	return true;
}

static void
row_begin(struct ts *ts, const struct block *row)
{
	ts->block = row->leaf;
	ts->src_line = row->src_line;
	ts->lead = row->lead;
}

/* One row: its cells wrapped in their columns, side by side. */
static void
row_emit(struct ts *ts, const struct block *row, const struct range *cols,
    const int *w, size_t ncols, unsigned extra)
{
	struct range *lines;
	size_t *first, *count, c, i, k, nl = 1, content;
	int used;

	first = xcalloc(ncols, sizeof *first);
	count = xcalloc(ncols, sizeof *count);
	ts->nranges = 0;
	for (c = 0; c < ncols; c++) {
		first[c] = ts->nranges;
		ts_wrap(ts, cols[c].a, cols[c].b, w[c]);
		count[c] = ts->nranges - first[c];
		if (count[c] > nl)
			nl = count[c];
	}
	lines = ts->ranges;
	row_begin(ts, row);
	for (i = 0; i < nl; i++) {
		ts_prefix(ts, false);
		content = ts->nline;
		for (c = 0; c < ncols; c++) {
			used = 0;
			if (i < count[c]) {
				for (k = lines[first[c] + i].a;
				    k < lines[first[c] + i].b; k++) {
					ARRAY_RESERVE(ts->line, ts->linecellcap,
					    ts->nline + 1);
					ts->line[ts->nline++] = ts->cells[k];
					used += ts->cells[k].width;
				}
			}
			if (c + 1 == ncols)
				break;
			for (; used < w[c] + COL_GAP; used++)
				ts_line_cell(ts, " ", 1, 1, ts_style(ts, 0));
		}
		ARRAY_RESERVE(ts->lay->lines, ts->linecap, ts->lay->nlines + 1);
		ts_line_make(ts, content, extra, &ts->lay->lines[ts->lay->nlines++]);
	}
	free(first);
	free(count);
}

/*
 * One row when the columns do not fit side by side: its cells one after
 * another, " · " between them, filled and wrapped as a paragraph with a
 * hanging indent, so that each row starts at the margin.
 */
static void
row_stacked(struct ts *ts, const struct block *row, const struct range *cols,
    size_t ncols, int avail, unsigned extra)
{
	size_t from = ts->ncells, c, k, r;
	int indent = avail > 2 * STACK_INDENT ? STACK_INDENT : 0;
	bool any = false;

	for (c = 0; c < ncols; c++) {
		if (cols[c].a == cols[c].b)
			continue;
		if (any)
			ts_add_extra(ts, " " MIDDOT " ", ts_style(ts, STYLE_DIM));
		for (k = cols[c].a; k < cols[c].b; k++) {
			ARRAY_RESERVE(ts->cells, ts->cellcap, ts->ncells + 1);
			ts->cells[ts->ncells++] = ts->cells[k];
		}
		any = true;
	}
	ts->nranges = 0;
	ts_wrap(ts, from, ts->ncells, avail - indent);
	row_begin(ts, row);
	if (ts->nranges == 0)
		ts_line_emit(ts, 0, 0, 0, extra, false);
	for (r = 0; r < ts->nranges; r++)
		ts_line_emit(ts, ts->ranges[r].a, ts->ranges[r].b,
		    r > 0 ? indent : 0, extra, false);
}

/* A rule of w columns under the names of the columns. */
static void
head_rule(struct ts *ts, int w)
{
	ts_prefix(ts, false);
	for (; w > 0; w--)
		ts_line_add(ts, rule_glyphs[RULE_SINGLE],
		    ts_style(ts, STYLE_RULE));
	ARRAY_RESERVE(ts->lay->lines, ts->linecap, ts->lay->nlines + 1);
	ts_line_make(ts, 0, 0, &ts->lay->lines[ts->lay->nlines++]);
}

/*
 * Labelled rows and tables: every row's cells collected, the columns sized
 * over all rows, then each row laid out, side by side or stacked.
 */
static void
table_enter(struct ts *ts, const struct block *t)
{
	const struct block *row;
	struct range *cols;
	size_t ncols = 1, nrows = 0, r, c, i, k;
	int *nat, *w, total, avail = ts->width - ts_prefix_width(ts);
	bool head = t->kind == BLOCK_TABLE && t->u.table.head, side;

	for (row = t->first; row != NULL; row = row->next) {
		for (i = 0, k = 1; i < row->nruns; i++)
			k += row->runs[i].kind == RUN_CELL;
		ncols = k > ncols ? k : ncols;
		nrows++;
	}
	ts_gap(ts, t);
	if (nrows == 0)
		return;
	ts->ncells = 0;
	cols = xreallocarray(NULL, nrows, ncols * sizeof *cols);
	nat = xcalloc(ncols, sizeof *nat);
	w = xcalloc(ncols, sizeof *w);
	for (row = t->first, r = 0; row != NULL; row = row->next, r++) {
		row_cells(ts, row, &cols[r * ncols], ncols);
		for (c = 0; c < ncols; c++) {
			total = cells_width(ts, cols[r * ncols + c].a,
			    cols[r * ncols + c].b);
			nat[c] = total > nat[c] ? total : nat[c];
		}
	}
	side = column_widths(nat, w, ncols, avail, t->kind == BLOCK_ROWS);
	for (c = 0, total = 0; side && c < ncols; c++)
		total += w[c] + (c > 0 ? COL_GAP : 0);
	for (row = t->first, r = 0; row != NULL; row = row->next, r++) {
		if (side)
			row_emit(ts, row, &cols[r * ncols], w, ncols,
			    head && r == 0 ? STYLE_BOLD : 0);
		else
			row_stacked(ts, row, &cols[r * ncols], ncols, avail,
			    head && r == 0 ? STYLE_BOLD : 0);
		if (head && r == 0)
			head_rule(ts, side ? total : avail);
	}
	ts->ncells = 0;
	free(cols);
	free(nat);
	free(w);
}

/* What each block kind does on entering and leaving (leaves: entering). */
static const struct block_act {
	void	(*enter)(struct ts *, const struct block *);
	void	(*leave)(struct ts *, const struct block *);
} block_acts[BLOCK_KIND__COUNT] = {
	{ NULL, NULL },				/* BLOCK_PAGE */
	{ heading_enter, NULL },		/* BLOCK_HEADING */
	{ paragraph_enter, NULL },		/* BLOCK_PARAGRAPH */
	{ code_enter, NULL },			/* BLOCK_CODE */
	{ rule_enter, NULL },			/* BLOCK_RULE */
	{ quote_enter, box_leave },		/* BLOCK_QUOTE */
	{ list_enter, list_leave },		/* BLOCK_LIST */
	{ item_enter, item_leave },		/* BLOCK_ITEM */
	{ table_enter, NULL },			/* BLOCK_ROWS */
	{ NULL, NULL },				/* BLOCK_ROW: by its table */
	{ table_enter, NULL },			/* BLOCK_TABLE */
};

struct layout *
typeset(const struct page *page, const struct typeset_opts *opts)
{
	const struct block_act *act;
	struct block *b = NULL;
	enum page_event ev;
	struct ts ts;

	ts_init(&ts, opts->width);
	while ((b = page_walk(page->root, b, &ev)) != NULL) {
		act = &block_acts[b->kind];
		if (ev == PAGE_ENTER && act->enter != NULL)
			act->enter(&ts, b);
		else if (ev == PAGE_EXIT && act->leave != NULL)
			act->leave(&ts, b);
	}
	return ts_finish(&ts);
}

void
layout_free(struct layout *lay)
{
	if (lay == NULL)
		return;
	free(lay->lines);
	arena_free(lay->arena);
	free(lay);
}

/* ---- one line ------------------------------------------------------------ */

struct layout *
typeset_line(const char *text, unsigned style, int width)
{
	struct ts ts;
	uint32_t ai;
	size_t i, n;
	int total = 0, col = 0;

	ts_init(&ts, width);
	ts.lay->lines = xcalloc(1, sizeof *ts.lay->lines);
	ts.lay->nlines = 1;
	if (text == NULL || width < 1)
		return ts_finish(&ts);
	ai = ts_style(&ts, style);
	ts_add_text(&ts, text, strlen(text), ai, 0);
	for (i = 0; i < ts.ncells; i++)
		total += ts.cells[i].width;
	n = ts.ncells;
	if (total > width) {
		for (n = 0; n < ts.ncells; n++) {
			if (col + ts.cells[n].width > width - 1)
				break;
			col += ts.cells[n].width;
		}
	}
	ts.nline = 0;
	for (i = 0; i < n; i++) {
		ARRAY_RESERVE(ts.line, ts.linecellcap, ts.nline + 1);
		ts.line[ts.nline++] = ts.cells[i];
	}
	if (n < ts.ncells)
		ts_line_add(&ts, ELLIPSIS, ai);
	ts_line_make(&ts, 0, 0, &ts.lay->lines[0]);
	return ts_finish(&ts);
}

/* ---- mapping the page's text to lines ----------------------------------- */

void
typeset_leaf_lines(const struct layout *lay, size_t leaf, size_t *first,
    size_t *end)
{
	size_t lo = 0, hi = lay->nlines, mid;

	/* Blocks ascend through the lines. */
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (lay->lines[mid].block < leaf)
			lo = mid + 1;
		else
			hi = mid;
	}
	*first = lo;
	for (hi = lay->nlines; lo < hi;) {
		mid = lo + (hi - lo) / 2;
		if (lay->lines[mid].block <= leaf)
			lo = mid + 1;
		else
			hi = mid;
	}
	*end = lo;
}

bool
typeset_map(const struct line *l, size_t a, size_t b, size_t *start,
    size_t *end)
{
	const struct span *sp;
	size_t i, off = 0, lo, hi, s = 0, e = 0;
	bool any = false;

	for (i = 0; i < l->nspans; off += l->spans[i].len, i++) {
		util_work++;
		sp = &l->spans[i];
		if (sp->at == TYPESET_NONE)
			continue;
		lo = a > sp->at ? a : sp->at;
		hi = b < sp->at + sp->atlen ? b : sp->at + sp->atlen;
		if (lo >= hi)
			continue;
		if (sp->len == sp->atlen) {
			lo = off + (lo - sp->at);
			hi = off + (hi - sp->at);
		} else {
			lo = off;
			hi = off + sp->len;
		}
		if (!any || lo < s)
			s = lo;
		if (!any || hi > e)
			e = hi;
		any = true;
	}
	if (any) {
		*start = s;
		*end = e;
	}
	return any;
}
