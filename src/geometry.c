/*
 * geometry: the screen cut into regions. Widths of the side regions
 * grow with the screen between bounds: the TOC a fifth (20 to 32
 * columns) when everything stands side by side, a quarter (18 to 26)
 * when only the TOC does; the pane three tenths (36 to 56).
 */
#include "geometry.h"

#include <string.h>

#define TOC_WIDE_MIN	20
#define TOC_WIDE_MAX	32
#define TOC_MID_MIN	18
#define TOC_MID_MAX	26
#define PANE_MIN	36
#define PANE_MAX	56

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

/* The columns of text in a region: a margin each side, at most max. */
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

void
geometry_compute(const struct geometry_in *in, struct geometry *g)
{
	int cols = in->cols, main_h = in->rows - 2, tw, pw;

	memset(g, 0, sizeof *g);
	g->too_small = cols < GEOM_MIN_COLS || in->rows < GEOM_MIN_ROWS;
	g->pane_visible = in->pane_open;
	if (g->too_small)
		return;
	g->status_y = in->rows - 2;
	g->hint_y = in->rows - 1;
	g->pane_beside = cols >= GEOM_PANE_BESIDE;
	if (g->pane_beside) {
		tw = clamp(cols / 5, TOC_WIDE_MIN, TOC_WIDE_MAX);
		pw = clamp(cols * 3 / 10, PANE_MIN, PANE_MAX);
		g->toc_visible = true;
		g->toc = mkrect(0, 0, tw, main_h);
		if (g->pane_visible)
			g->body = mkrect(tw + 1, 0, cols - tw - pw - 2, main_h);
		else
			g->body = mkrect(tw + 1, 0, cols - tw - 1, main_h);
		g->pane_bar = mkrect(cols - pw, 0, pw, 1);
	} else if (cols >= GEOM_TOC_BESIDE) {
		tw = clamp(cols / 4, TOC_MID_MIN, TOC_MID_MAX);
		g->toc_visible = true;
		g->toc = mkrect(0, 0, tw, main_h);
		g->body = mkrect(tw + 1, 0, cols - tw - 1, main_h);
		g->pane_bar = mkrect(g->body.x, 0, g->body.w, 1);
	} else {
		g->toc_visible = in->toc_asked;
		g->toc_covers = in->toc_asked;
		g->toc = mkrect(0, 0, cols, main_h);
		g->body = mkrect(0, 0, cols, main_h);
		g->pane_bar = mkrect(0, 0, cols, 1);
	}
	g->pane_area = mkrect(g->pane_bar.x, 1, g->pane_bar.w, main_h - 1);
	g->body_text = text_width(g->body.w, GEOM_MEASURE);
	g->pane_text = text_width(g->pane_area.w, g->pane_area.w);

	/* The overlay box: centred, the whole width when narrow. */
	tw = cols >= GEOM_TOC_BESIDE ? GEOM_OVERLAY_MAX : cols;
	g->overlay = mkrect((cols - tw) / 2, 1, tw, main_h - 2);
	g->index_list = mkrect(g->overlay.x + 1, g->overlay.y + 3,
	    g->overlay.w - 2, g->overlay.h - 4);
}
