/*
 * geometry: where each region of the reader's screen goes, as a pure
 * function of the terminal's size and of what is open. Named breakpoints
 * instead of bare numbers: below GEOM_MIN_COLS x GEOM_MIN_ROWS the
 * reader only says the window is too small; from GEOM_TOC_BESIDE columns
 * the table of contents stands beside the article (else it covers it,
 * when asked for); from GEOM_PANE_BESIDE columns the side pane stands
 * beside the article (else it covers it). The article's text is at most
 * the reading measure wide; the width left over goes to the TOC first,
 * up to its longest title, then to the pane. The last two rows are the
 * status line and the hint line. Plain C.
 */
#ifndef BRIEFING_GEOMETRY_H
#define BRIEFING_GEOMETRY_H

#include <stdbool.h>

#define GEOM_MIN_COLS		40
#define GEOM_MIN_ROWS		12
#define GEOM_TOC_BESIDE		80
#define GEOM_PANE_BESIDE	100
/* The reading measure: columns of the article's text. */
#define GEOM_MEASURE		80
#define GEOM_MEASURE_MIN	30
#define GEOM_MEASURE_MAX	200
/* Narrowest TOC and pane beside the article, widest TOC. */
#define GEOM_TOC_MIN		24
#define GEOM_TOC_MAX		60
#define GEOM_PANE_MIN		36
/* The help and index box, at most this wide. */
#define GEOM_OVERLAY_MAX	76

struct rect {
	int	x, y, w, h;
};

/* What the layout depends on besides the size. */
struct geometry_in {
	int	cols, rows;
	bool	pane_open;	/* a pane is shown */
	bool	toc_asked;	/* the TOC was asked for (narrow screens) */
	int	measure;	/* widest text of the article; 0: GEOM_MEASURE */
	int	toc_natural;	/* columns the TOC needs for whole titles */
};

struct geometry {
	bool		too_small;
	bool		toc_visible;
	bool		toc_covers;	/* the TOC covers the whole screen */
	bool		pane_visible;
	bool		pane_beside;	/* pane beside the article, not over it */
	struct rect	toc;		/* first row: "Contents" */
	struct rect	body;
	struct rect	pane_bar;	/* one row above the pane's text */
	struct rect	pane_area;
	struct rect	overlay;	/* help and index box, border included */
	struct rect	index_list;	/* rows of the index inside the box */
	int		status_y, hint_y;
	int		body_text;	/* columns the article's text is laid out to */
	int		pane_text;	/* the same for the pane */
};

void	 geometry_compute(const struct geometry_in *, struct geometry *);
bool	 rect_has(const struct rect *, int x, int y);

#endif
