/*
 * view: curses start and end, input, drawing. Everything the screen shows
 * comes from the reader's state; text comes from layout spans (content
 * made safe there) or from layout_text_line for titles, names, messages
 * and what the user typed.
 */
#include "view.h"

#include <curses.h>
#include <errno.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "keymap.h"
#include "layout.h"
#include "reader.h"
#include "utf8.h"
#include "util.h"

/* Colour pairs of the default theme. */
enum {
	PAIR_NONE,
	PAIR_HEADING,
	PAIR_TITLE,
	PAIR_ACTOR,
	PAIR_EXPERT,
	PAIR_SECTION,
	PAIR_LINK,
	PAIR_CODE,
	PAIR_RULE,
	PAIR_MARKER,
	PAIR_CONTROL,
	PAIR_BAR,
	PAIR_MATCH,
	PAIR_CURRENT,
	PAIR_BORDER,
	PAIR_DIM,
	PAIR__COUNT
};

/* Indexed by the pairs above: foreground, background (-1: default). */
static const short theme[PAIR__COUNT][2] = {
	{ -1, -1 },			/* PAIR_NONE */
	{ COLOR_YELLOW, -1 },		/* PAIR_HEADING */
	{ COLOR_CYAN, -1 },		/* PAIR_TITLE */
	{ COLOR_CYAN, -1 },		/* PAIR_ACTOR */
	{ COLOR_GREEN, -1 },		/* PAIR_EXPERT */
	{ COLOR_MAGENTA, -1 },		/* PAIR_SECTION */
	{ COLOR_BLUE, -1 },		/* PAIR_LINK */
	{ COLOR_GREEN, -1 },		/* PAIR_CODE */
	{ COLOR_BLUE, -1 },		/* PAIR_RULE */
	{ COLOR_YELLOW, -1 },		/* PAIR_MARKER */
	{ COLOR_WHITE, COLOR_RED },	/* PAIR_CONTROL */
	{ COLOR_WHITE, COLOR_BLUE },	/* PAIR_BAR */
	{ COLOR_BLACK, COLOR_YELLOW },	/* PAIR_MATCH */
	{ COLOR_YELLOW, -1 },		/* PAIR_CURRENT */
	{ COLOR_BLUE, -1 },		/* PAIR_BORDER */
	{ -1, -1 },			/* PAIR_DIM: 256 colours give grey */
};

/*
 * What the main keys of the hint line do, in a word. The line shows them
 * in this order; when they do not all fit, those of rank 0 go in first,
 * then those of rank 1 that fit, and so on. Below 80 columns the TOC is
 * hidden, so `t` ranks with the keys that open things.
 */
static const struct {
	enum command	 cmd;
	const char	*label;
	int		 rank;
} hints[] = {
	{ CMD_QUIT, "quit", 0 },
	{ CMD_HELP, "help", 0 },
	{ CMD_NEXT_SECTION, "next", 2 },
	{ CMD_PREV_SECTION, "prev", 3 },
	{ CMD_TOC, "contents", 1 },
	{ CMD_NEXT_REF, "ref", 2 },
	{ CMD_FOLLOW, "follow", 3 },
	{ CMD_BACK, "back", 2 },
	{ CMD_EXPERT_PANE, "experts", 1 },
	{ CMD_ACTOR_INDEX, "actors", 1 },
	{ CMD_SEARCH, "search", 1 },
};
#define HINT_RANKS 4

static volatile sig_atomic_t sig_quit;
static volatile sig_atomic_t sig_stop;
static bool	 curses_on;
static bool	 colors;
static SCREEN	*screen;

/* ---- the terminal ------------------------------------------------------ */

/* The one way back to the terminal as it was: q, signals, fatal errors. */
static void
restore(void)
{
	if (!curses_on)
		return;
	curses_on = false;
	mousemask(0, NULL);
	curs_set(1);
	endwin();
	fflush(stdout);
}

static void
on_quit(int sig)
{
	(void)sig;
	sig_quit = 1;
}

static void
on_stop(int sig)
{
	(void)sig;
	sig_stop = 1;
}

static void
catch(int sig, void (*fn)(int))
{
	struct sigaction sa;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = fn;
	sa.sa_flags = 0;	/* no SA_RESTART: the read returns at once */
	sigaction(sig, &sa, NULL);
}

static void
color_init(bool want)
{
	short i, bg;

	colors = want && has_colors() && start_color() == OK && COLORS >= 8;
	if (!colors)
		return;
	use_default_colors();
	for (i = 1; i < PAIR__COUNT; i++) {
		bg = theme[i][1];
		init_pair(i, theme[i][0], bg);
	}
	if (COLORS >= 256)
		init_pair(PAIR_DIM, 244, -1);
}

/* Stop for ^Z with the terminal restored; come back drawn. */
static void
suspend(void)
{
	sigset_t set;
	struct winsize ws;

	sig_stop = 0;
	mousemask(0, NULL);
	endwin();
	fflush(stdout);
	signal(SIGTSTP, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, SIGTSTP);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(SIGTSTP);
	/* Continued (fg). */
	catch(SIGTSTP, on_stop);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	if (ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && is_term_resized(ws.ws_row, ws.ws_col))
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
	refresh();
}

/* ---- drawing ----------------------------------------------------------- */

static attr_t
pair(int p)
{
	return colors ? COLOR_PAIR(p) : A_NORMAL;
}

/* The colour of a reference, by what it leads to; 0 for none. */
static int
ref_pair(struct ref_target ref)
{
	switch (ref.kind) {
	case REF_ACTOR:
		return PAIR_ACTOR;
	case REF_EXPERT:
		return PAIR_EXPERT;
	case REF_SECTION:
		return PAIR_SECTION;
	case REF_MENTION:
	case REF_QUOTE:
	case REF_NONE:
		break;
	}
	return PAIR_NONE;
}

/*
 * The attributes of a layout style: bold, italic, underline and dim as
 * they are, and one colour, the first that applies of control, reference,
 * link, title, heading, marker, rule, code and dim. References to actors,
 * experts and sections are underlined even without colour.
 */
static attr_t
style_attr(unsigned style, struct ref_target ref)
{
	attr_t a = A_NORMAL;
	int p = PAIR_NONE;

	if (style & (STYLE_BOLD | STYLE_HEADING | STYLE_TITLE))
		a |= A_BOLD;
	if (style & STYLE_ITALIC)
		a |= A_ITALIC;
	if (style & STYLE_LINK)
		a |= A_UNDERLINE;
	if (ref_pair(ref) != PAIR_NONE)
		a |= A_UNDERLINE;
	if ((style & (STYLE_DIM | STYLE_ATTRIB | STYLE_REFMARK)) &&
	    !(colors && COLORS >= 256))
		a |= A_DIM;
	if ((style & STYLE_CONTROL) && !colors)
		a |= A_REVERSE;

	if (style & STYLE_CONTROL)
		p = PAIR_CONTROL;
	else if (ref_pair(ref) != PAIR_NONE)
		p = ref_pair(ref);
	else if (style & STYLE_LINK)
		p = PAIR_LINK;
	else if (style & STYLE_TITLE)
		p = PAIR_TITLE;
	else if (style & STYLE_HEADING)
		p = PAIR_HEADING;
	else if (style & STYLE_MARKER)
		p = PAIR_MARKER;
	else if (style & STYLE_RULE)
		p = PAIR_RULE;
	else if (style & STYLE_CODE)
		p = PAIR_CODE;
	else if (style & (STYLE_DIM | STYLE_ATTRIB | STYLE_REFMARK))
		p = PAIR_DIM;
	return a | pair(p);
}

/*
 * Put s[0..len) at (y, *x) but never past xmax: a character that does not
 * fit whole is not drawn, so none is torn at a region's edge.
 */
static void
put(int y, int *x, int xmax, const char *s, size_t len, attr_t a)
{
	size_t i = 0, n, fit = 0;
	uint32_t cp;
	int w, col = *x;

	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		w = utf8_cpwidth(cp);
		if (w < 0)
			w = 1;
		if (col + w > xmax)
			break;
		col += w;
		i += n;
		fit = i;
	}
	if (fit > 0) {
		attrset(a);
		mvaddnstr(y, *x, s, (int)fit);
	}
	*x = col;
}

/* A line of spans at (x, y), at most w columns, with the highlights. */
static void
draw_spans(const struct reader *r, const struct doc *d, bool body,
    size_t li, const struct line *l, int x, int y, int w)
{
	/* The selection shows in the focused region only, like a cursor. */
	bool focused = body ? r->focus == REGION_BODY :
	    r->focus == REGION_PANE;
	const struct match *m;
	struct { size_t start, end; } *hl = NULL;
	size_t nm = 0, s, k, off = 0, a, b, cut;
	int xmax = x + w;
	attr_t base, at;

	m = d != NULL ? reader_line_matches(r, body, li, &nm) : NULL;
	if (nm > 0)
		hl = xreallocarray(NULL, nm, sizeof *hl);
	/* The bytes of this line that each match covers. */
	for (k = 0; k < nm; k++) {
		if (!reader_match_bytes(&m[k], l, li, &hl[k].start,
		    &hl[k].end))
			hl[k].start = hl[k].end = 0;
	}
	for (s = 0; s < l->nspans && x < xmax; s++) {
		const struct span *sp = &l->spans[s];

		base = style_attr(sp->style, sp->ref);
		if (d != NULL && focused && doc_selected(d, li, s))
			base = (base & ~A_UNDERLINE) | A_REVERSE;
		/* Split the span where matches begin and end. */
		a = 0;
		while (a < sp->len) {
			b = sp->len;
			at = base;
			for (k = 0; k < nm; k++) {
				if (hl[k].end <= off + a ||
				    hl[k].start >= off + b)
					continue;
				if (hl[k].start > off + a) {
					cut = hl[k].start - off;
					if (cut < b)
						b = cut;
					continue;
				}
				cut = hl[k].end - off;
				if (cut < b)
					b = cut;
				at = reader_match_current(r, &m[k]) ?
				    A_REVERSE | A_BOLD :
				    (colors ? pair(PAIR_MATCH) : A_STANDOUT);
				break;
			}
			put(y, &x, xmax, sp->text + a, b - a, at);
			a = b;
		}
		off += sp->len;
	}
	free(hl);
}

/* A string made safe and cut to w columns; returns the columns used. */
static int
draw_text(const char *text, unsigned style, attr_t extra, int x, int y,
    int w)
{
	struct line *l;
	size_t s;
	int x0 = x;

	if (w < 1)
		return 0;
	l = layout_text_line(text, style, w);
	for (s = 0; s < l->nspans; s++)
		put(y, &x, x0 + w, l->spans[s].text, l->spans[s].len,
		    style_attr(l->spans[s].style, l->spans[s].ref) | extra);
	line_free(l);
	return x - x0;
}

static int
text_cols(const char *text)
{
	struct line *l = layout_text_line(text, 0, 10000);
	int w = l->width;

	line_free(l);
	return w;
}

static void
fill(int y, int x, int w, attr_t a)
{
	attrset(a);
	for (; w > 0; w--, x++)
		mvaddch(y, x, ' ');
}

static void
draw_doc(const struct reader *r, const struct doc *d, bool body,
    const struct rect *rc)
{
	const struct line *l;
	int i;

	for (i = 0; i < rc->h; i++) {
		l = doc_line(d, d->top + (size_t)i);
		if (l == NULL)
			break;
		draw_spans(r, d, body, d->top + (size_t)i, l, rc->x + 1,
		    rc->y + i, rc->w - 2);
	}
}

static void
draw_toc(const struct reader *r)
{
	const struct rect *rc = &r->toc;
	size_t e, cur = reader_current_section(r), n = reader_toc_count(r);
	int i, indent;
	attr_t a;
	bool focused = r->focus == REGION_TOC;

	fill(rc->y, rc->x, rc->w, focused ? (colors ? pair(PAIR_BAR) :
	    A_REVERSE) : A_NORMAL);
	draw_text("Contents", STYLE_BOLD, focused ? (colors ? pair(PAIR_BAR) :
	    A_REVERSE) : A_UNDERLINE, rc->x + 1, rc->y, rc->w - 2);
	for (i = 1; i < rc->h; i++) {
		e = r->toc_top + (size_t)i - 1;
		if (e >= n)
			break;
		indent = reader_toc_level(r, e) >= 3 ? 2 : 0;
		a = A_NORMAL;
		if (e == cur)
			a |= A_BOLD | pair(PAIR_CURRENT);
		if (focused && e == r->toc_cur) {
			a = A_REVERSE | (e == cur ? A_BOLD : 0);
			fill(rc->y + i, rc->x, rc->w, a);
		}
		if (e == cur) {
			attrset(a);
			mvaddstr(rc->y + i, rc->x, "\xe2\x96\xb8");	/* ▸ */
		}
		draw_text(reader_toc_title(r, e), 0, a, rc->x + 2 + indent,
		    rc->y + i, rc->w - 3 - indent);
	}
}

static void
draw_pane_bar(const struct reader *r)
{
	const struct briefing *b = r->briefing;
	const struct rect *rc = &r->pane_bar;
	attr_t a = r->focus == REGION_PANE ? (colors ? pair(PAIR_BAR) :
	    A_REVERSE) : A_REVERSE | A_DIM;
	size_t num;
	char *s;
	int w;

	fill(rc->y, rc->x, rc->w, a);
	if (r->pane == PANE_EXPERT) {
		num = r->xref->experts[r->pane_index].number;
		if (num > 0)
			s = xasprintf("Expert %zu of %zu", num,
			    r->xref->nnumbered);
		else
			s = xstrdup("Expert");
	} else
		s = xasprintf("Actor \xc2\xb7 %s",
		    actor_kind_name(b->actors[r->pane_index].kind));
	w = draw_text(s, STYLE_BOLD, a, rc->x + 1, rc->y, rc->w - 2);
	free(s);
	if (rc->w - w - 3 > 12)
		draw_text("Esc closes", 0, a, rc->x + rc->w - 11, rc->y, 10);
}

/* A box with a border and a title, its inside cleared. */
static void
draw_box(const struct rect *rc, const char *title)
{
	int i, w;
	attr_t b = colors ? pair(PAIR_BORDER) : A_NORMAL;

	if (rc->w < 2 || rc->h < 2)
		return;
	for (i = 0; i < rc->h; i++)
		fill(rc->y + i, rc->x, rc->w, A_NORMAL);
	attrset(b);
	mvaddch(rc->y, rc->x, ACS_ULCORNER);
	mvhline(rc->y, rc->x + 1, ACS_HLINE, rc->w - 2);
	mvaddch(rc->y, rc->x + rc->w - 1, ACS_URCORNER);
	mvvline(rc->y + 1, rc->x, ACS_VLINE, rc->h - 2);
	mvvline(rc->y + 1, rc->x + rc->w - 1, ACS_VLINE, rc->h - 2);
	mvaddch(rc->y + rc->h - 1, rc->x, ACS_LLCORNER);
	mvhline(rc->y + rc->h - 1, rc->x + 1, ACS_HLINE, rc->w - 2);
	mvaddch(rc->y + rc->h - 1, rc->x + rc->w - 1, ACS_LRCORNER);
	/* The title in the top border, a space either side. */
	w = draw_text(title, STYLE_BOLD, A_NORMAL, rc->x + 2, rc->y, rc->w - 5);
	if (w > 0) {
		attrset(A_NORMAL);
		mvaddch(rc->y, rc->x + 1, ' ');
		mvaddch(rc->y, rc->x + 2 + w, ' ');
	}
}

static void
draw_help(const struct reader *r)
{
	const struct rect *rc = &r->overlay;
	size_t i;
	int y;

	draw_box(rc, "Keys \xc2\xb7 q or Esc closes");
	for (y = 1, i = r->help_top; y < rc->h - 1 && i < r->nhelp; y++, i++)
		draw_text(r->help_lines[i], 0, A_NORMAL, rc->x + 1, rc->y + y,
		    rc->w - 2);
}

/*
 * The end of what was typed that fits in cols columns: read backwards, so
 * that a long paste costs one pass a redraw.
 */
static const char *
prompt_tail(const char *s, size_t len, int cols)
{
	size_t i = len, start;
	uint32_t cp;
	int w, used = 0;

	while (i > 0) {
		start = i - 1;
		while (start > 0 && ((unsigned char)s[start] & 0xc0) == 0x80)
			start--;
		utf8_decode(s + start, i - start, &cp);
		w = utf8_cpwidth(cp);
		if (used + (w < 1 ? 1 : w) > cols)
			break;
		used += w < 1 ? 1 : w;
		i = start;
	}
	return s + i;
}

static void
draw_index(const struct reader *r)
{
	const struct briefing *b = r->briefing;
	const struct rect *rc = &r->overlay, *lr = &r->index_list;
	const struct actor *a;
	char *s;
	size_t i, ai;
	int y, w, countw = 6, kindw = 13, namew;
	attr_t at;

	draw_box(rc, "Actor index \xc2\xb7 Enter opens \xc2\xb7 Esc closes");
	s = xasprintf("%zu of %zu actors", r->nindex, r->index_all);
	draw_text(s, STYLE_DIM, A_NORMAL, rc->x + 2, rc->y + 1, rc->w - 4);
	free(s);
	w = draw_text("Filter:", STYLE_BOLD, A_NORMAL, rc->x + 2, rc->y + 2,
	    rc->w - 4) + 1;
	/* The end of what was typed, as at the search prompt. */
	draw_text(prompt_tail(r->filter.data != NULL ? r->filter.data : "",
	    r->filter.len, rc->w - 5 - w), 0, A_UNDERLINE, rc->x + 2 + w,
	    rc->y + 2, rc->w - 5 - w);
	if (lr->w < 20)
		kindw = 0;
	namew = lr->w - 2 - kindw - countw;
	for (y = 0; y < lr->h; y++) {
		i = r->index_top + (size_t)y;
		if (i >= r->nindex)
			break;
		ai = r->index_items[i];
		a = &b->actors[ai];
		at = i == r->index_cur ? A_REVERSE : A_NORMAL;
		if (i == r->index_cur)
			fill(lr->y + y, lr->x, lr->w, at);
		draw_text(a->name, STYLE_BOLD, at, lr->x + 1, lr->y + y, namew);
		if (kindw > 0)
			draw_text(actor_kind_name(a->kind), STYLE_DIM, at,
			    lr->x + 1 + namew + 1, lr->y + y, kindw - 1);
		s = xasprintf("%5zu", r->xref->actors[ai].mentions.n);
		draw_text(s, 0, at, lr->x + lr->w - 1 - countw, lr->y + y,
		    countw);
		free(s);
	}
	if (r->nindex == 0)
		draw_text("No actor matches.", STYLE_DIM, A_NORMAL, lr->x + 1,
		    lr->y, lr->w - 2);
}

/*
 * The status line: the title, the message, and on the right the section
 * as N/M with the position. The message comes first: on a narrow screen
 * the right part shortens to "N/M  P%" or goes, and the title goes.
 */
static void
draw_status(const struct reader *r)
{
	char *right[2];
	int cols = r->cols, avail = cols - 2, rw = 0, mw = 0, tw, x = 1, i;
	size_t n = reader_toc_count(r), cur;
	attr_t a = colors ? pair(PAIR_BAR) : A_REVERSE;

	fill(r->status_y, 0, cols, a);
	cur = n > 0 ? reader_current_section(r) + 1 : 0;
	right[0] = xasprintf("section %zu/%zu  %d%%", cur, n,
	    reader_percent(r));
	right[1] = xasprintf("%zu/%zu  %d%%", cur, n, reader_percent(r));
	if (r->msg != NULL)
		mw = text_cols(r->msg);
	/* The longest right part that leaves the message whole. */
	for (i = 0; i < 2; i++) {
		rw = text_cols(right[i]);
		if ((mw > 0 ? mw + 3 : 0) + rw <= avail)
			break;
	}
	if (i == 2)
		rw = 0;
	else
		draw_text(right[i], 0, a, cols - rw - 1, r->status_y, rw);
	free(right[0]);
	free(right[1]);
	/* What is left of the right part, less a gap, is for the rest. */
	tw = avail - (rw > 0 ? rw + 2 : 0);
	if (mw > tw)
		mw = tw;
	if (r->msg != NULL)
		tw = tw - mw - 3 < 10 ? 0 : tw - mw - 3;
	if (tw > 0)
		x += draw_text(r->briefing->title, STYLE_BOLD, a, x,
		    r->status_y, tw) + 3;
	if (r->msg != NULL)
		draw_text(r->msg, 0, a | A_BOLD, x, r->status_y, mw);
}

/* The first key of a hint's command, or KEYC_NONE. */
static int
hint_key(size_t i)
{
	size_t j;

	for (j = 0; j < keymap_nbindings; j++) {
		if (keymap_bindings[j].cmd == hints[i].cmd)
			return keymap_bindings[j].key;
	}
	return KEYC_NONE;
}

/* Columns of a hint: "key label". */
static int
hint_cols(size_t i)
{
	char name[KEYMAP_NAME_MAX];

	return text_cols(keymap_name(hint_key(i), name)) + 1 +
	    text_cols(hints[i].label);
}

/* The keys of the overlay or list in front, or NULL in the article. */
static const char *
mode_hint(const struct reader *r)
{
	if (r->mode == MODE_INDEX)
		return "Type to filter \xc2\xb7 Up/Down choose \xc2\xb7 "
		    "Enter opens \xc2\xb7 Esc closes";
	if (r->mode == MODE_HELP)
		return "j/k, Space/b scroll \xc2\xb7 q or Esc closes";
	if (r->focus == REGION_TOC)
		return "j/k choose \xc2\xb7 Enter opens \xc2\xb7 Esc back";
	return NULL;
}

static void
draw_hint(const struct reader *r)
{
	char name[KEYMAP_NAME_MAX];
	bool shown[NITEMS(hints)];
	size_t i;
	const char *p;
	int w, x, rank;

	fill(r->hint_y, 0, r->cols, A_NORMAL);
	if (r->mode == MODE_PROMPT) {
		w = draw_text("/", STYLE_BOLD, A_NORMAL, 0, r->hint_y, r->cols);
		p = prompt_tail(r->prompt.data != NULL ? r->prompt.data : "",
		    r->prompt.len, r->cols - w - 1);
		w += draw_text(p, 0, A_NORMAL, w, r->hint_y, r->cols - w - 1);
		move(r->hint_y, w);
		return;
	}
	if ((p = mode_hint(r)) != NULL) {
		draw_text(p, STYLE_DIM, A_NORMAL, 0, r->hint_y, r->cols);
		return;
	}
	/* Rank by rank, each hint that still fits. */
	memset(shown, 0, sizeof shown);
	for (rank = 0, w = 0; rank < HINT_RANKS; rank++) {
		for (i = 0; i < NITEMS(hints); i++) {
			if (hints[i].rank != rank || hint_key(i) == KEYC_NONE)
				continue;
			if (w + (w > 0 ? 2 : 0) + hint_cols(i) > r->cols)
				continue;
			w += (w > 0 ? 2 : 0) + hint_cols(i);
			shown[i] = true;
		}
	}
	for (i = 0, x = 0; i < NITEMS(hints); i++) {
		if (!shown[i])
			continue;
		if (x > 0)
			x += 2;
		x += draw_text(keymap_name(hint_key(i), name), STYLE_BOLD,
		    A_NORMAL, x, r->hint_y, r->cols - x);
		x += draw_text(hints[i].label, STYLE_DIM, A_NORMAL, x + 1,
		    r->hint_y, r->cols - x - 1) + 1;
	}
}

static void
draw_too_small(const struct reader *r)
{
	char *s;

	if (r->cols < 1 || r->rows < 1)
		return;
	s = xasprintf("Terminal too small: %dx%d, %dx%d needed", r->cols,
	    r->rows, READER_MIN_COLS, READER_MIN_ROWS);
	draw_text(s, STYLE_BOLD, A_NORMAL, 0, r->rows / 2, r->cols);
	free(s);
}

static void
draw(const struct reader *r)
{
	int main_h = r->rows - 2;
	bool toc_covers;

	attrset(A_NORMAL);
	erase();
	curs_set(0);
	if (r->too_small) {
		draw_too_small(r);
		refresh();
		return;
	}
	/* On a narrow screen the TOC, when shown, covers everything. */
	toc_covers = r->toc_visible && r->toc.w >= r->cols;
	if (!toc_covers && (!r->pane_visible || r->wide))
		draw_doc(r, &r->bodydoc, true, &r->body);
	if (!toc_covers && r->pane_visible) {
		draw_pane_bar(r);
		draw_doc(r, &r->panedoc, false, &r->pane_area);
	}
	if (r->toc_visible) {
		if (!toc_covers) {
			attrset(colors ? pair(PAIR_BORDER) : A_NORMAL);
			mvvline(0, r->toc.x + r->toc.w, ACS_VLINE, main_h);
		}
		draw_toc(r);
	}
	if (r->wide && r->pane_visible) {
		attrset(colors ? pair(PAIR_BORDER) : A_NORMAL);
		mvvline(0, r->pane_bar.x - 1, ACS_VLINE, main_h);
	}
	if (r->mode == MODE_HELP)
		draw_help(r);
	else if (r->mode == MODE_INDEX)
		draw_index(r);
	draw_status(r);
	draw_hint(r);
	attrset(A_NORMAL);
	if (r->mode == MODE_PROMPT)
		curs_set(1);
	refresh();
}

/* ---- input ------------------------------------------------------------- */

/* A curses key as keymap.h codes it; KEYC_NONE when it means nothing. */
static int
map_key(int rc, wint_t wc)
{
	if (rc == KEY_CODE_YES) {
		switch (wc) {
		case KEY_UP:		return KEYC_UP;
		case KEY_DOWN:		return KEYC_DOWN;
		case KEY_LEFT:		return KEYC_LEFT;
		case KEY_RIGHT:		return KEYC_RIGHT;
		case KEY_PPAGE:		return KEYC_PPAGE;
		case KEY_NPAGE:		return KEYC_NPAGE;
		case KEY_HOME:		return KEYC_HOME;
		case KEY_FIND:		return KEYC_HOME;
		case KEY_END:		return KEYC_END;
		case KEY_SELECT:	return KEYC_END;
		case KEY_ENTER:		return KEYC_ENTER;
		case KEY_BTAB:		return KEYC_BTAB;
		case KEY_BACKSPACE:	return KEYC_BSPACE;
		case KEY_DC:		return KEYC_NONE;
		default:		return KEYC_NONE;
		}
	}
	switch (wc) {
	case '\t':
		return KEYC_TAB;
	case '\r':
	case '\n':
		return KEYC_ENTER;
	case 033:
		return KEYC_ESC;
	case 010:
	case 0177:
		return KEYC_BSPACE;
	default:
		return wc < KEYC_BASE ? (int)wc : KEYC_NONE;
	}
}

static void
mouse(struct reader *r)
{
	MEVENT ev;

	if (getmouse(&ev) != OK)
		return;
	if (ev.bstate & BUTTON1_PRESSED)
		reader_click(r, ev.x, ev.y);
	else if (ev.bstate & BUTTON4_PRESSED)
		reader_wheel(r, ev.x, ev.y, -3);
#ifdef BUTTON5_PRESSED
	else if (ev.bstate & BUTTON5_PRESSED)
		reader_wheel(r, ev.x, ev.y, 3);
#endif
}

/* Signals back to their defaults; the terminal opened for keys closed. */
static void
leave(FILE *tty)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	if (tty != NULL)
		fclose(tty);
}

enum view_status
view_run(const struct briefing *b, const struct xref *x,
    const struct view_opts *opts, struct diag_list *dl)
{
	struct reader *r;
	FILE *in = stdin, *tty = NULL;
	wint_t wc;
	int rc;
	enum reader_status st = READER_CONTINUE;

	if (!isatty(STDIN_FILENO)) {
		/* Keys come from the terminal, as with less < file. */
		if ((tty = fopen("/dev/tty", "r")) == NULL) {
			diag_add(dl, DIAG_FATAL, "/dev/tty", 0, 0,
			    "cannot read keys: %s", strerror(errno));
			return VIEW_ERROR;
		}
		in = tty;
	}
	/* Our handlers first: curses then leaves these signals alone. */
	sig_quit = sig_stop = 0;
	catch(SIGINT, on_quit);
	catch(SIGTERM, on_quit);
	catch(SIGHUP, on_quit);
	catch(SIGTSTP, on_stop);
	if ((screen = newterm(NULL, stdout, in)) == NULL) {
		leave(tty);
		return VIEW_NO_TERMINAL;
	}
	set_term(screen);
	curses_on = true;
	util_set_fatal_hook(restore);
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	color_init(opts->color);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);

	r = reader_new(b, x);
	reader_resize(r, COLS, LINES);
	while (st == READER_CONTINUE && !sig_quit) {
		if (sig_stop) {
			suspend();
			reader_resize(r, COLS, LINES);
		}
		if (r->redraw_all) {
			clearok(curscr, TRUE);
			r->redraw_all = false;
		}
		draw(r);
		rc = get_wch(&wc);
		if (rc == ERR)
			continue;	/* a signal */
		if (rc == KEY_CODE_YES && wc == KEY_RESIZE) {
			reader_resize(r, COLS, LINES);
			continue;
		}
		if (rc == KEY_CODE_YES && wc == KEY_MOUSE) {
			mouse(r);
			continue;
		}
		st = reader_key(r, map_key(rc, wc));
	}
	restore();
	util_set_fatal_hook(NULL);
	delscreen(screen);
	screen = NULL;
	reader_free(r);
	leave(tty);
	return VIEW_OK;
}

/*
 * term.h defines a macro for every capability name (lines, columns, tab,
 * bell...): it comes here, after all the code that may use such names.
 */
#include <term.h>

enum view_terminal
view_terminal_probe(int fd, int *ncolors)
{
	const char *term = getenv("TERM");
	enum view_terminal t = VIEW_TERMINAL_USABLE;
	char *cup;
	int err = 0, n;

	*ncolors = 0;
	if (term == NULL || *term == '\0')
		return VIEW_TERMINAL_UNSET;
	if (setupterm(NULL, fd, &err) != OK)
		return err == 1 ? VIEW_TERMINAL_DUMB : VIEW_TERMINAL_UNKNOWN;
	cup = tigetstr("cup");
	if (cup == NULL || cup == (char *)-1 || tigetflag("hc") > 0 ||
	    tigetflag("gn") > 0)
		t = VIEW_TERMINAL_DUMB;
	if ((n = tigetnum("colors")) > 0)
		*ncolors = n;
	del_curterm(cur_term);
	return t;
}
