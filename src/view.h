/*
 * view: the full-screen reader, and the only module that includes
 * <curses.h>. It starts curses with newterm() (never initscr(), which exits
 * on an unknown TERM), maps curses keys and mouse events onto keymap.h
 * codes for the reader (reader.h holds all the state), draws the reader's
 * regions from layout spans, and leaves the terminal as it found it on
 * every way out: q, SIGINT, SIGTERM, SIGTSTP then fg, and a fatal error
 * (through util_set_fatal_hook). Signal handlers only set flags. main
 * includes this header.
 */
#ifndef BRIEFING_VIEW_H
#define BRIEFING_VIEW_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"
#include "xref.h"

enum view_status {
	VIEW_OK,		/* the user quit */
	VIEW_NO_TERMINAL,	/* curses could not start: fall back to --dump */
	VIEW_ERROR		/* a diagnostic says why */
};

struct view_opts {
	bool	color;		/* false with --no-color or NO_COLOR */
	size_t	problems;	/* errors found loading: said on open */
	int	measure;	/* the article's widest text; 0: the default */
};

/*
 * Run the reader on stdin and stdout until the user quits. Needs the UTF-8
 * LC_CTYPE that main sets. Borrows the briefing and xref.
 */
enum view_status view_run(const struct briefing *, const struct xref *,
	    const struct view_opts *, struct diag_list *);

#endif
