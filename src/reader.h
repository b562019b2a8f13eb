/*
 * reader: the state of the interactive reader, without curses. It owns the
 * geometry of the screen (which region goes where at a size), the laid-out
 * documents (the article: title block, sections and timeline one after
 * another; the side pane: one expert or actor), the place and selection in
 * each, the focus, the history of jumps and its forward list, the search
 * and its matches, the actor index and its filter, and the message of the
 * status line. Keys come in as keymap.h codes (reader_key) or commands
 * (reader_exec), clicks as cells; the view only draws what is here. Layouts
 * are made per (unit, width) on demand and cached. Plain C: the unit tests
 * drive it without a terminal. The reader borrows the briefing and xref,
 * which must outlive it.
 */
#ifndef BRIEFING_READER_H
#define BRIEFING_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "keymap.h"
#include "layout.h"
#include "model.h"
#include "util.h"
#include "xref.h"

/* Smallest size the reader draws at; below it, a message. */
#define READER_MIN_COLS 40
#define READER_MIN_ROWS 12
/* Widest text in the article, for readable lines. */
#define READER_TEXT_MAX 100

struct rect {
	int	x, y, w, h;
};

enum reader_region {
	REGION_TOC,
	REGION_BODY,
	REGION_PANE
};

enum reader_mode {
	MODE_NORMAL,
	MODE_HELP,	/* the help overlay */
	MODE_INDEX,	/* the actor index overlay, typing filters */
	MODE_PROMPT	/* typing a search pattern */
};

enum pane_kind {
	PANE_NONE,
	PANE_EXPERT,
	PANE_ACTOR
};

enum reader_status {
	READER_CONTINUE,
	READER_QUIT
};

/* A selected cross-reference: spans (line0, span0) to (line1, span1). */
struct selection {
	bool	on;
	size_t	line0, span0;
	size_t	line1, span1;
};

/* One laid-out unit within a document. */
struct doc_part {
	bool			 header;	/* the title block, else unit */
	struct unit_ref		 unit;
	const struct layout	*lay;		/* the reader's cache owns it */
	size_t			 first;		/* its first line in the doc */
	size_t			 skip;		/* blank lines before its text */
};

/* Laid-out parts read one after another, a place and a selection. */
struct doc {
	struct doc_part	*parts;
	size_t		 nparts;
	size_t		 nlines;
	int		 width;		/* layout width, 0 before the first */
	size_t		 top;		/* first line shown */
	struct selection sel;
};

/*
 * One search match, from byte start of line to byte end of line1 (bytes
 * of a line's spans put together): a match runs on across the lines of
 * a paragraph, as the text does.
 */
struct match {
	bool		 body;		/* in the article, else in unit */
	struct unit_ref	 unit;		/* UNIT_EXPERT or UNIT_ACTOR */
	size_t		 line;
	size_t		 start, end;
	size_t		 part, block;	/* where it stands, to find it again */
	size_t		 line1;		/* the line it ends on */
};

/* Where the reader was: what a Backspace returns to. */
struct place {
	enum reader_region focus;
	enum pane_kind	 pane;
	size_t		 pane_index;
	bool		 pane_shown;
	size_t		 body_top, pane_top;
	struct selection body_sel, pane_sel;
	int		 body_width, pane_width;
	size_t		 body_part, body_block;	/* to find body_top again */
};

struct place_stack {
	struct place	*v;
	size_t		 n;
	size_t		 cap;
};

struct layout_cache;

struct reader {
	const struct briefing	*briefing;
	const struct xref	*xref;
	struct layout_cache	*cache;

	/* Geometry, from reader_resize. */
	int		 cols, rows;
	bool		 too_small;
	bool		 wide;		/* TOC, body and pane side by side */
	bool		 toc_visible;
	bool		 pane_visible;
	struct rect	 toc;		/* first row: "Contents" */
	struct rect	 body;
	struct rect	 pane_bar;	/* one row above the pane's text */
	struct rect	 pane_area;
	struct rect	 overlay;	/* help and index box, border included */
	struct rect	 index_list;	/* rows of the index inside the box */
	int		 status_y, hint_y;

	enum reader_mode mode;
	enum reader_region focus;
	bool		 toc_shown;	/* narrow screens: TOC asked for */
	enum reader_region toc_from;	/* the focus to go back to from it */

	struct doc	 bodydoc;
	size_t		 toc_cur;	/* TOC entry under the cursor */
	size_t		 toc_top;

	enum pane_kind	 pane;
	size_t		 pane_index;	/* expert or actor */
	bool		 pane_shown;
	size_t		 last_expert;	/* what `e` shows */
	struct doc	 panedoc;

	struct place_stack back, forward;

	/* Search. */
	char		*pattern;	/* as typed; NULL before the first */
	struct match	*matches;
	size_t		 nmatches;
	size_t		 matchcap;
	size_t		 match_cur;	/* the current match, if any */
	bool		 match_on;	/* highlight shown */
	struct buf	 prompt;

	/* Actor index. */
	struct buf	 filter;
	char		**folded_names;	/* per actor: name and aliases, folded */
	size_t		*actor_order;	/* actor indices sorted by name */
	size_t		*index_items;	/* actor indices, sorted, filtered */
	size_t		 nindex;
	size_t		 index_all;	/* actors before filtering */
	size_t		 index_cur, index_top;

	/* Help. */
	char		**help_lines;	/* wrapped to the overlay */
	size_t		 nhelp;
	int		 help_width;
	size_t		 help_top;

	char		*msg;		/* last message, raw; NULL for none */
	bool		 redraw_all;	/* ^L: the view clears first */
};

struct reader *reader_new(const struct briefing *, const struct xref *);
void	 reader_free(struct reader *);	/* accepts NULL */

/* Lay out the screen for a terminal size; keeps the paragraph at the top. */
void	 reader_resize(struct reader *, int cols, int rows);
/* A key as keymap.h codes it, read according to the mode. */
enum reader_status reader_key(struct reader *, int key);
/* A command of the key table, in normal mode. */
enum reader_status reader_exec(struct reader *, enum command, int arg);
/* A click of the first button at a cell. */
void	 reader_click(struct reader *, int x, int y);
/* The wheel over a cell: lines > 0 scrolls down. */
void	 reader_wheel(struct reader *, int x, int y, int lines);

/* Line i of a document; NULL past its end. */
const struct line *doc_line(const struct doc *, size_t i);
/* Index of the part holding line i. */
size_t	 doc_part_of(const struct doc *, size_t i);
/* Is span s of line i inside the selection? */
bool	 doc_selected(const struct doc *, size_t i, size_t s);

/* TOC entries: the sections, then the timeline when there is one. */
size_t	 reader_toc_count(const struct reader *);
const char *reader_toc_title(const struct reader *, size_t entry);
int	 reader_toc_level(const struct reader *, size_t entry);
/* The entry of the section under the article's top line. */
size_t	 reader_current_section(const struct reader *);
/* How far through the focused document, 0-100. */
int	 reader_percent(const struct reader *);
/* The matches on a line of the article (body) or of the pane. */
const struct match *reader_line_matches(const struct reader *, bool body,
	    size_t line, size_t *n);
/*
 * The bytes [*start, *end) of line l, number `line`, that match m covers;
 * false when it covers none of them.
 */
bool	 reader_match_bytes(const struct match *m, const struct line *l,
	    size_t line, size_t *start, size_t *end);
/* Is m the current match? */
bool	 reader_match_current(const struct reader *, const struct match *);

/* Jump as Enter on a reference does (also for tests). */
void	 reader_follow(struct reader *, struct ref_target);
/* Search as `/` then Enter does; returns the number of matches. */
size_t	 reader_search(struct reader *, const char *pattern);
/* Set the actor index filter; returns the number of actors shown. */
size_t	 reader_filter(struct reader *, const char *);

#endif
