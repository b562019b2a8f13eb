/*
 * The fixture of the reader's tests (reader_fx.c): the briefing, the
 * reader on it (setup, teardown: a struct fx as cmocka's state), and
 * what the screen shows, read as the user would.
 */
#ifndef BRIEFING_READER_FX_H
#define BRIEFING_READER_FX_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "keymap.h"
#include "load.h"
#include "reader.h"
#include "util.h"
#include "xref.h"

struct fx {
	struct diag_list	 dl;
	struct briefing		*b;
	struct xref		*x;
	struct reader		*r;
};

/* cmocka's setup and teardown: *state is a struct fx. */
int	 setup(void **state);
int	 teardown(void **state);

/* The text of a line, of row `row` of a region; how many rows it has. */
char	*line_text(const struct line *);
char	*row_text(struct reader *, enum reader_region, int row);
int	 rows_of(const struct reader *, enum reader_region);
/* Row `row` holds want (said when not); the top row does. */
bool	 row_has(struct reader *, enum reader_region, int row,
	    const char *want);
bool	 top_is(struct reader *, enum reader_region, const char *want);
/* The first row on screen holding s, or -1. */
int	 find_row(struct reader *, enum reader_region, const char *s);

/* The selected text on screen (a space at each line break), its rows,
 * its first row (or -1), what it leads to. */
char	*selected(struct reader *, enum reader_region);
int	 selected_rows(struct reader *, enum reader_region);
int	 selected_row(struct reader *, enum reader_region);
struct ref_target selected_ref(struct reader *, enum reader_region);
bool	 selected_is(struct reader *, enum reader_region, const char *want);
void	 assert_selected(struct reader *, enum reader_region,
	    const char *want);
/* The text of the current match on screen. */
char	*current_match(struct reader *, enum reader_region);

/* The status message, "" when none. */
const char *msg(const struct reader *);
bool	 pane_shows(const struct reader *, enum unit_kind, size_t index);
bool	 pane_open(const struct reader *);
/* Each character of s as a key. */
void	 keys(struct reader *, const char *s);
size_t	 actor(const struct fx *, const char *id);

/* Frees what the fixture keeps for all the tests (after the last). */
void	reader_fx_done(void);

#endif
