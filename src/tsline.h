/*
 * tsline: the typesetter's line engine, shared by typeset.c (blocks,
 * rows and tables) and tsline.c (cells into lines). The runs of a leaf
 * are first collected as cells (a code point each, with an index into a
 * table of attributes: style, reference, mention, and the bytes of the
 * leaf's text the cell shows), then filled greedily into lines of the
 * width left by the prefixes of the enclosing containers (quote bars,
 * list markers, code indent). Placeholders are split into their code
 * points, so every cell takes 0, 1 or 2 columns and any line can be
 * broken between cells. Only the typesetter includes it. Plain C.
 */
#ifndef BRIEFING_TSLINE_H
#define BRIEFING_TSLINE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "typeset.h"
#include "util.h"

#define TABSTOP		8
#define CODE_INDENT	2
#define MIN_TEXT	10	/* columns kept for text when prefixes nest deep */

#define ELLIPSIS	"\xe2\x80\xa6"
#define QUOTE_BAR	"\xe2\x94\x82 "	/* │ */

/* What a piece of text looks like and where it leads. */
struct attr {
	unsigned		style;
	struct ref_target	ref;
	size_t			mention;
};

enum cell_kind {
	CELL_CHAR,
	CELL_SPACE,	/* a space where a line may break */
	CELL_BREAK	/* a forced line break */
};

/*
 * One code point of laid-out text. Its bytes are where they were: the
 * leaf's text when shown as written (most cells), the typesetter's own
 * strings, or ts->kept for what textsafe puts in place of a character.
 */
struct cell {
	const char	*text;
	size_t		src;		/* in the leaf's text, or TYPESET_NONE */
	uint32_t	attr;		/* index into ts->attrs */
	uint16_t	len;		/* bytes shown */
	uint16_t	srclen;		/* bytes of the leaf's text */
	uint8_t		width;
	uint8_t		kind;
};

enum box_kind {
	BOX_QUOTE,	/* "│ " on every line */
	BOX_ITEM,	/* the marker on the first line, spaces after */
	BOX_INDENT	/* spaces */
};

/* A container that puts a prefix before each of its lines. */
struct box {
	enum box_kind	 kind;
	const char	*marker;	/* BOX_ITEM: "• ", " 9. " */
	unsigned	 style;		/* BOX_ITEM: the marker's style */
	int		 width;		/* columns of the prefix */
	bool		 marked;	/* BOX_ITEM: the marker was shown */
};

struct list_state {
	bool		ordered;
	char		delim;
	long		next;		/* number of the next item */
	int		numwidth;	/* digits of the largest number */
	size_t		depth;
};

/* A line to emit: cells [a, b), of width columns. */
struct range {
	size_t	a, b;
	int	width;
};

struct ts {
	int			 width;
	struct layout		*lay;
	size_t			 linecap;

	struct attr		*attrs;
	size_t			 nattrs, attrcap;

	struct arena		*kept;		/* bytes shown in place of the
						 * leaf's (placeholders); NULL
						 * until needed */
	uint32_t		 plain, rule;	/* ts_style(0), ts_style(RULE) */
	struct cell		*cells;		/* the leaf being collected */
	size_t			 ncells, cellcap;
	struct cell		*line;		/* prefix + content of one line */
	size_t			 nline, linecellcap;
	struct range		*ranges;
	size_t			 nranges, rangecap;
	struct span		*spans;
	size_t			 nspans, spancap;
	int			 precol;	/* column in preformatted text */
	bool			 pre;		/* preformatted: no fill */

	struct box		*boxes;
	size_t			 nboxes, boxcap;
	size_t			 unmarked;	/* item boxes below it are marked */
	struct list_state	*lists;
	size_t			 nlists, listcap;

	const struct block	*leaf;		/* being laid out */
	size_t			 block;		/* its ordinal */
	int			 src_line;
	struct ref_target	 lead;		/* every span leads here */
};

extern const struct attr ts_attr_plain;

/* Working state, and the layout it made (the state freed). */
void	 ts_init(struct ts *, int width);
struct layout *ts_finish(struct ts *);

/* An attribute's index in the table; a plain one with a style. */
uint32_t ts_attr(struct ts *, const struct attr *);
uint32_t ts_style(struct ts *, unsigned style);

/*
 * Text into cells: raw text at offset `at` of the leaf, runs [from, to).
 * Cells point into the text: it must live until the lines are made.
 */
void	 ts_add_text(struct ts *, const char *s, size_t len, uint32_t attr,
	    size_t at);
void	 ts_add_runs(struct ts *, const struct block *leaf, size_t from,
	    size_t to);
/* A string the typesetter adds (no text of the leaf), into cells. */
void	 ts_add_extra(struct ts *, const char *s, uint32_t attr);

/* Columns the prefixes take now, capped to leave room for text. */
int	 ts_prefix_width(const struct ts *);
/*
 * Cells of the line being made: a cell, a safe string (pointed to, as
 * text is by ts_add_text).
 */
void	 ts_line_cell(struct ts *, const char *t, size_t len, int width,
	    uint32_t attr);
void	 ts_line_add(struct ts *, const char *s, uint32_t attr);
/* The prefixes into the line being made; blank: markers wait. */
void	 ts_prefix(struct ts *, bool blank);
/* The line being made into *l, extra style from cell `content` on. */
void	 ts_line_make(struct ts *, size_t content, unsigned extra,
	    struct line *l);
/* Cells [a, b) after the prefixes and pad columns, as a new line. */
void	 ts_line_emit(struct ts *, size_t a, size_t b, int pad,
	    unsigned extra, bool blank);
/* Cells [from, n) broken into ranges of at most avail columns. */
void	 ts_wrap(struct ts *, size_t from, size_t n, int avail);
/* The collected cells as lines; returns the widest. */
int	 ts_flush(struct ts *, unsigned extra, bool right);
/* A line of w glyphs, one column each. */
void	 ts_rule(struct ts *, const char *glyph, int w);
void	 ts_box_push(struct ts *, enum box_kind, const char *marker,
	    int width, unsigned style);
void	 ts_box_pop(struct ts *);
/* The blank line before a block that asks for one (none at the top). */
void	 ts_gap(struct ts *, const struct block *);

#endif
