/*
 * reader_int: the reader's state, shared by its core (reader.c: life,
 * screen, keys, mouse, what the view reads) and its commands
 * (reader_cmd.c). Only those two include it. Plain C.
 */
#ifndef BRIEFING_READER_INT_H
#define BRIEFING_READER_INT_H

#include "aindex.h"
#include "doc.h"
#include "lcache.h"
#include "opening.h"
#include "reader.h"
#include "search.h"
#include "util.h"

/* Lines of context kept above a line jumped to. */
#define JUMP_CONTEXT 2
/* Slots whose pages and layouts are kept between keys (lcache_trim). */
#define READER_KEEP 128

enum reader_mode {
	MODE_NORMAL,
	MODE_HELP,	/* the help overlay */
	MODE_INDEX,	/* the actor index overlay, typing filters */
	MODE_PROMPT,	/* typing a search pattern */
	MODE_HINTS	/* labels over the references shown, typing picks */
};

/* A link hint: a reference shown, and the letters that follow it. */
struct hintlabel {
	enum reader_region	 region;
	struct item		 it;
	char			 label[4];
};

struct reader {
	const struct briefing	*b;
	const struct xref	*x;
	struct lcache		*cache;
	/* The rest of the briefing, read between keys; NULL when whole. */
	struct opening		*opening;

	int			 cols, rows;
	struct geometry		 g;
	int			 measure;	/* the article's widest text */
	int			 toc_natural;	/* TOC columns for whole titles */

	enum reader_mode	 mode;
	enum reader_region	 focus;
	bool			 toc_asked;	/* narrow screens: TOC asked for */
	enum reader_region	 toc_from;	/* the focus to go back to */
	size_t			 toc_cur, toc_top;

	struct doc		 body;		/* the article */
	bool			 at_end;	/* its last line is on screen */
	struct doc		 pane;		/* one expert or actor */
	bool			 has_pane;	/* pane_unit was chosen */
	struct unit_ref		 pane_unit;
	bool			 pane_shown;
	size_t			 last_expert;	/* what `e` shows */

	struct place_stack	 back, forward;
	struct search		 search;
	bool			 report_pending;	/* the count, once known */
	/* Asked during long work: has ^C or Esc come? (the view's) */
	bool			(*interrupt)(void *);
	void			*interrupt_ctx;
	struct buf		 prompt;
	struct aindex		 index;

	char			**help;		/* wrapped to the overlay */
	size_t			 nhelp;
	int			 help_width;
	size_t			 help_top;

	struct hintlabel	*hints;		/* MODE_HINTS: the labels */
	size_t			 nhints, hintcap;
	struct buf		 hint_typed;

	/* A quote marked in the article until the next key. */
	bool			 flash;
	size_t			 flash_slot, flash_quote;

	char			*msg;		/* raw; NULL for none */
	bool			 redraw;	/* ^L: the view clears first */

	/* Scratch of reader_row: the marks of the last row asked. */
	struct highlight	*hl;
	size_t			 hlcap;
	struct row_label	*labels;
	size_t			 labelcap;
};

/* reader.c */
void	 reader_layout_screen(struct reader *);
void	 reader_msg(struct reader *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
struct doc *reader_focus_doc(struct reader *);
int	 reader_doc_height(const struct reader *, const struct doc *);
void	 reader_clamp(struct reader *);
/* Does the opening still lack what flags (CMDF_*) need? Said if so. */
bool	 reader_opening_lacks(struct reader *, unsigned flags);
/* After a move: the TOC's cursor follows the article, unless focused. */
void	 reader_toc_follow(struct reader *);

/* reader_cmd.c: the handler tables, by enum keymode. */
/* A handler gets the command it runs for, and the key's argument. */
typedef enum reader_status cmd_fn(struct reader *, enum command, int arg);
struct cmd_entry {
	cmd_fn		*fn;
	unsigned	 flags;
};
/* Works while the window is too small to draw the reader. */
#define CMDF_ANY_SIZE	0x1
/* Needs the experts and actors read (opening.h, stage 2 done). */
#define CMDF_PROFILES	0x2
/* Needs the cross-reference index whole (quotes, numbers, counts). */
#define CMDF_INDEX	0x4

extern const struct cmd_entry *const reader_cmds[KEYMODE__COUNT];
void	 reader_follow_selected(struct reader *);
void	 reader_goto_section(struct reader *, size_t entry);
/* A jump is about to happen: remember where we are; forward is gone. */
void	 reader_history_mark(struct reader *);
/* Lines first to last into view, with context above when they move. */
void	 reader_show_lines(struct reader *, struct doc *, struct docpos first,
	    struct docpos last);
/* A unit shown: the article at its part, or the pane; NULL: none. */
struct doc *reader_show_unit(struct reader *, struct unit_ref, size_t *part);
void	 reader_focus_body(struct reader *);
void	 reader_open_pane(struct reader *, struct unit_ref);
enum reader_status cmd_redraw(struct reader *, enum command, int);

/* reader_modes.c */
extern const struct cmd_entry reader_index_cmds[CMD__COUNT];
extern const struct cmd_entry reader_prompt_cmds[CMD__COUNT];
extern const struct cmd_entry reader_help_cmds[CMD__COUNT];
extern const struct cmd_entry reader_hints_cmds[CMD__COUNT];
enum reader_status cmd_search(struct reader *, enum command, int);
enum reader_status cmd_search_next(struct reader *, enum command, int);
enum reader_status cmd_search_prev(struct reader *, enum command, int);
enum reader_status cmd_actor_index(struct reader *, enum command, int);
enum reader_status cmd_help(struct reader *, enum command, int);
enum reader_status cmd_hints(struct reader *, enum command, int);
/* The screen was laid out again: label what it shows now. */
void	 reader_hints_refresh(struct reader *);
/* A character typed in the index, at the prompt or over the hints. */
void	 reader_type(struct reader *, int key);
void	 reader_help_build(struct reader *, int width);
/* Count a search on between keys; false when nothing is left to count. */
bool	 reader_search_idle(struct reader *);
/* The pages changed (a new index): the search counts again from nothing,
 * without a current match. */
void	 reader_search_again(struct reader *);
void	 reader_open_index_row(struct reader *);

#endif
