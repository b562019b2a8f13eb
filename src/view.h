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

#include "compose.h"
#include "diag.h"
#include "model.h"
#include "opening.h"

enum view_status {
	VIEW_OK,		/* the user quit */
	VIEW_NO_TERMINAL,	/* curses could not start: fall back to --dump */
	VIEW_ERROR,		/* a diagnostic says why */
	VIEW_SIGNALLED		/* SIGINT, SIGQUIT, SIGTERM or SIGHUP ended it */
};

struct view_opts {
	bool	color;		/* false with --no-color or NO_COLOR */
	int	measure;	/* the article's widest text; 0: the default */
	enum link_mode links;	/* which mentions are references at first */
	const char *hello;	/* said on the status line at first, or NULL */
};

/*
 * Run the reader on stdin and stdout until the user quits, or a signal
 * (SIGINT, SIGQUIT, SIGTERM, SIGHUP) ends it: VIEW_SIGNALLED, its number
 * in *signo. main keeps the user's locale: under one that is not UTF-8,
 * textsafe gives ASCII and keys are read as the locale's bytes. On a
 * fatal signal (SIGSEGV, SIGBUS, SIGABRT, SIGFPE) the terminal is
 * restored before the process dies (ttyrestore.h). The reader shows the
 * opening's briefing at once and runs its later stages between keys
 * (opening.h); the opening is borrowed.
 */
enum view_status view_run(struct opening *,
	    const struct view_opts *, struct diag_list *, int *signo);

/* What terminfo says of the terminal that TERM names. */
enum view_terminal {
	VIEW_TERMINAL_USABLE,	/* it can show the reader */
	VIEW_TERMINAL_UNSET,	/* TERM is not set, or empty */
	VIEW_TERMINAL_UNKNOWN,	/* TERM is not in the terminfo database */
	VIEW_TERMINAL_DUMB	/* no cursor addressing (cup), as TERM=dumb */
};

/*
 * Look the terminal on fd up in terminfo (setupterm: nothing is written,
 * curses is not started) and say whether the reader can run on it;
 * *ncolors gets its number of colours (0 when it has none). Without a
 * usable terminal, main prints the text as --dump does.
 */
enum view_terminal view_terminal_probe(int fd, int *ncolors);

#endif
