/*
 * geometry: the screen cut into regions. The article gets its measure
 * (and a margin each side) when it can; what is left goes to the TOC up
 * to its natural width, then to the pane. Separators are one column.
 */
#include "geometry.h"

#include <string.h>

static int
clamp(int v, int lo, int hi)
{
	return v < lo ? lo : v > hi ? hi : v;
}

static int
min(int a, int b)
{
	return a < b ? a : b;
}

static struct rect
mkrect(int x, int y, int w, int h)
{
	struct rect rc = { x, y, w < 0 ? 0 : w, h < 0 ? 0 : h };

	return rc;
}

/* Columns of text in a region of w columns: a margin each side. */
static int
text_width(int w, int max)
{
	w -= 2;
	if (w > max)
		w = max;
	return w < 1 ? 1 : w;
}

bool
rect_has(const struct rect *rc, int x, int y)
{
	return x >= rc->x && x < rc->x + rc->w && y >= rc->y &&
	    y < rc->y + rc->h;
}

/* TOC, article and pane side by side. */
static void
three_columns(const struct geometry_in *in, struct geometry *g, int measure,
    int main_h)
{
	int cols = in->cols, body, rest, toc, pane;

	body = min(measure + 2, cols - GEOM_TOC_MIN - GEOM_PANE_MIN - 2);
	rest = cols - body - 2;
	toc = clamp(in->toc_natural, GEOM_TOC_MIN,
	    min(GEOM_TOC_MAX, rest - GEOM_PANE_MIN));
	pane = rest - toc;
	g->toc_visible = true;
	g->toc = mkrect(0, 0, toc, main_h);
	g->body = mkrect(toc + 1, 0, body, main_h);
	g->pane_bar = mkrect(toc + 1 + body + 1, 0, pane, 1);
}

/* The TOC beside the article; a pane covers the article. */
static void
two_columns(const struct geometry_in *in, struct geometry *g, int measure,
    int main_h)
{
	int cols = in->cols, body, toc;

	body = min(measure + 2, cols - GEOM_TOC_MIN - 1);
	toc = clamp(in->toc_natural, GEOM_TOC_MIN,
	    min(GEOM_TOC_MAX, cols - body - 1));
	g->toc_visible = true;
	g->toc = mkrect(0, 0, toc, main_h);
	/* Spare width stays with the article, as a margin on its right. */
	g->body = mkrect(toc + 1, 0, cols - toc - 1, main_h);
	g->pane_bar = mkrect(g->body.x, 0, g->body.w, 1);
}

void
geometry_compute(const struct geometry_in *in, struct geometry *g)
{
	int cols = in->cols, main_h = in->rows - 2, measure, w;

	memset(g, 0, sizeof *g);
	g->too_small = cols < GEOM_MIN_COLS || in->rows < GEOM_MIN_ROWS;
	g->pane_visible = in->pane_open;
	if (g->too_small)
		return;
	measure = in->measure > 0 ? in->measure : GEOM_MEASURE;
	g->status_y = in->rows - 2;
	g->hint_y = in->rows - 1;
	g->pane_beside = cols >= GEOM_PANE_BESIDE && g->pane_visible;
	if (g->pane_beside)
		three_columns(in, g, measure, main_h);
	else if (cols >= GEOM_TOC_BESIDE)
		two_columns(in, g, measure, main_h);
	else {
		g->toc_visible = in->toc_asked;
		g->toc_covers = in->toc_asked;
		g->toc = mkrect(0, 0, cols, main_h);
		g->body = mkrect(0, 0, cols, main_h);
		g->pane_bar = mkrect(0, 0, cols, 1);
	}
	g->pane_area = mkrect(g->pane_bar.x, 1, g->pane_bar.w, main_h - 1);
	g->body_text = text_width(g->body.w, measure);
	g->pane_text = text_width(g->pane_area.w, g->pane_area.w);

	/* The overlay box: centred, the whole width when narrow. */
	w = cols >= GEOM_TOC_BESIDE ? GEOM_OVERLAY_MAX : cols;
	g->overlay = mkrect((cols - w) / 2, 1, w, main_h - 2);
	/* Under the box's title, count and filter rows: a header, the rows. */
	g->index_list = mkrect(g->overlay.x + 1, g->overlay.y + 4,
	    g->overlay.w - 2, g->overlay.h - 5);
}
