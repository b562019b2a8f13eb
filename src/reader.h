/*
 * reader: the interactive reader without curses. It holds the reading
 * state and answers keys (keymap.h codes, read by the table of the mode
 * in front), commands, clicks and the wheel; the view draws what these
 * functions return and nothing else. Its parts, each a module:
 *
 *   geometry.h  where each region of the screen goes
 *   lcache.h    pages and layouts by slot, made on demand
 *   doc.h       the article and the pane: places, lines, selection
 *   history.h   Backspace and its forward list
 *   search.h    matches in the pages' text
 *   aindex.h    the actor index and its filter
 *
 * and this core: the state, the modes, a table of command handlers per
 * mode, and the mouse. It borrows the briefing and the index, which must
 * outlive it. Plain C: the unit tests drive it without a terminal.
 */
#ifndef BRIEFING_READER_H
#define BRIEFING_READER_H

#include <stdbool.h>
#include <stddef.h>

#include "geometry.h"
#include "history.h"
#include "keymap.h"
#include "model.h"
#include "typeset.h"
#include "xref.h"

enum reader_status {
	READER_CONTINUE,
	READER_QUIT
};

struct reader;

struct reader *reader_new(const struct briefing *, const struct xref *);
void	 reader_free(struct reader *);	/* accepts NULL */

/* Lay out the screen for a terminal size; keeps the paragraph at the top. */
void	 reader_resize(struct reader *, int cols, int rows);
/* A key as keymap.h codes it, read by the table of the mode in front. */
enum reader_status reader_key(struct reader *, int key);
/* A command of the article's table (keymap.h), as its key would. */
enum reader_status reader_exec(struct reader *, enum command, int arg);
/* A click of the first button at a cell. */
void	 reader_click(struct reader *, int x, int y);
/* The wheel over a cell: lines > 0 scrolls down. */
void	 reader_wheel(struct reader *, int x, int y, int lines);
/*
 * A bounded step of work that no key waits for (laying out the next part
 * of the article), for when no key is pending; false when none is left.
 */
bool	 reader_idle(struct reader *);
/*
 * The briefing and index came from op (opening.h), whose later stages the
 * reader runs between keys (reader_idle), taking each new index; keys
 * that need the experts, the actors or the whole index say they wait.
 * At the end the errors found are said. op must outlive the reader.
 */
struct opening;
void	 reader_follow_opening(struct reader *, struct opening *);

/*
 * Long work (a search through a large briefing) asks fn(ctx) now and then
 * and stops when it says so: the view's answer to ^C and Esc.
 */
void	 reader_set_interrupt(struct reader *, bool (*fn)(void *), void *ctx);

/* Jump as Enter on a reference does (also for tests). */
void	 reader_follow(struct reader *, struct ref_target);
/* Search as `/` then Enter does; returns the number of matches. */
size_t	 reader_search(struct reader *, const char *pattern);
/* Set the actor index filter; returns the number of actors shown. */
size_t	 reader_filter(struct reader *, const char *);

/* ---- what the view draws ---------------------------------------------------- */

const struct briefing *reader_briefing(const struct reader *);
const struct xref *reader_xref(const struct reader *);
const struct geometry *reader_geometry(const struct reader *);
/* The table the next key is read by: help, index, prompt, toc or normal. */
enum keymode reader_keymode(const struct reader *);
enum reader_region reader_focus(const struct reader *);
/* The unit the pane shows when it is visible; false when it is not. */
bool	 reader_pane(const struct reader *, struct unit_ref *);
/* The status message, raw (the view makes it safe); NULL for none. */
const char *reader_message(const struct reader *);
/* What was typed at the search prompt. */
const char *reader_prompt(const struct reader *);
/* Was ^L pressed since the last call? */
bool	 reader_take_redraw(struct reader *);

/* A match on a row: bytes of the line, and whether it is the current one. */
struct highlight {
	size_t	start, end;
	bool	current;
};

/* A link hint's label on a row, at the start of a span. */
struct row_label {
	size_t		 span;
	const char	*text;
};

/*
 * What else a row shows: the selected spans, the matches on it, the link
 * hints' labels, and whether it is part of a quote marked after a jump.
 * The arrays are valid until the next call.
 */
struct row_marks {
	size_t			 sel_from, sel_to;	/* spans [from, to) */
	const struct highlight	*hl;
	size_t			 nhl;
	const struct row_label	*labels;
	size_t			 nlabels;
	bool			 flash;
};

/*
 * Row `row` of the article (REGION_BODY) or the pane (REGION_PANE): the
 * line, or NULL below the end; marks gets what is selected (in the
 * focused region only) and matched on it.
 */
const struct line *reader_row(struct reader *, enum reader_region, int row,
	    struct row_marks *);
/* How far through the focused document, 0-100. */
int	 reader_percent(struct reader *);

/* Where the reader is, for the status line. */
struct reader_place {
	size_t		 section;	/* TOC entry, 0-based */
	size_t		 nsections;	/* TOC entries */
	const char	*title;		/* of that section, or its parent */
	const char	*subtitle;	/* the ### under it, or NULL */
	bool		 pane;		/* the pane has the focus */
	const char	*pane_title;	/* what the pane shows, or NULL */
	int		 percent;	/* through the focused document */
	bool		 end;		/* its last line is on screen */
	/* While the briefing is still being opened: "reading" or
	 * "indexing", and how far (0-99); NULL once it is whole. */
	const char	*opening;
	int		 opening_percent;
};
/*
 * The section under the article's top line (under its last line once
 * that is on screen), and the position in the focused document.
 */
void	 reader_place(struct reader *, struct reader_place *);
/* A message on the status line until the next key (raw: the view makes
 * it safe), as the reader's own are. */
void	 reader_say(struct reader *, const char *);
/* The article's widest text, GEOM_MEASURE_MIN to GEOM_MEASURE_MAX. */
void	 reader_set_measure(struct reader *, int);
/* Which names the pages show as references (compose.h). */
void	 reader_set_links(struct reader *, enum link_mode);

/* TOC entries: the sections, then the timeline when there is one. */
size_t	 reader_toc_count(const struct reader *);
const char *reader_toc_title(const struct reader *, size_t entry);
int	 reader_toc_level(const struct reader *, size_t entry);
/* The entry of the section under the article's top line. */
size_t	 reader_toc_current(const struct reader *);
/* The cursor of a focused TOC, and the first entry shown. */
size_t	 reader_toc_cursor(const struct reader *);
size_t	 reader_toc_top(const struct reader *);

/* The actor index: rows shown, the actor of a row, cursor, first row. */
size_t	 reader_index_count(const struct reader *);
size_t	 reader_index_total(const struct reader *);
size_t	 reader_index_actor(const struct reader *, size_t row);
/* The alias of the actor that the filter matched on a row, or NULL. */
const char *reader_index_alias(const struct reader *, size_t row);
size_t	 reader_index_cursor(const struct reader *);
size_t	 reader_index_top(const struct reader *);
const char *reader_index_filter(const struct reader *);

/* The help, wrapped to the overlay: lines, and the first one shown. */
size_t	 reader_help_count(const struct reader *);
const char *reader_help_line(const struct reader *, size_t);
size_t	 reader_help_top(const struct reader *);

#endif
