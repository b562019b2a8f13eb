/*
 * view: curses start and end, input, drawing. Everything the screen shows
 * comes from the reader's functions; text comes from typeset spans
 * (content made safe there) or from typeset_line for titles, names,
 * messages and what the user typed.
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
#include <time.h>
#include <unistd.h>

#include "keydec.h"
#include "keymap.h"
#include "typeset.h"
#include "reader.h"
#include "statusline.h"
#include "textsafe.h"
#include "ttyrestore.h"
#include "utf8.h"
#include "util.h"

/* Work between keys goes on for at most this long before a redraw. */
#define IDLE_NSEC	10000000L

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
	PAIR_LABEL,
	PAIR_FLASH,
	PAIR_MARK,
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
	{ COLOR_BLACK, COLOR_YELLOW },	/* PAIR_LABEL */
	{ COLOR_YELLOW, -1 },		/* PAIR_FLASH */
	{ COLOR_RED, -1 },		/* PAIR_MARK */
};

/* Italics where the terminal has them (sitm), else underline. */
static attr_t	 italic = A_ITALIC;
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

/* SIGINT, SIGQUIT, SIGTERM, SIGHUP: which, for the exit status. */
static void
on_quit(int sig)
{
	sig_quit = sig;
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

	italic = (term_attrs() & A_ITALIC) ? A_ITALIC : A_UNDERLINE;
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

/*
 * How a reference looks, by what it leads to (enum ref_kind): its colour,
 * and without colour attributes that still tell the kinds apart.
 */
static const struct {
	int	pair;
	attr_t	mono;
} ref_looks[] = {
	{ PAIR_NONE, 0 },			/* REF_NONE */
	{ PAIR_ACTOR, A_UNDERLINE },		/* REF_ACTOR */
	{ PAIR_EXPERT, A_BOLD | A_UNDERLINE },	/* REF_EXPERT */
	{ PAIR_SECTION, A_UNDERLINE | A_DIM },	/* REF_SECTION */
	{ PAIR_NONE, 0 },			/* REF_MENTION */
	{ PAIR_NONE, 0 },			/* REF_QUOTE */
};

/*
 * The attributes of a typeset style: bold, italic (or underline), and
 * one colour, the first that applies of control, reference, link, title,
 * heading, marker, rule, code and dim. Without colour, references keep
 * attributes of their own kind.
 */
static attr_t
style_attr(unsigned style, struct ref_target ref)
{
	attr_t a = A_NORMAL;
	int p = PAIR_NONE, rp = PAIR_NONE;

	if ((size_t)ref.kind < NITEMS(ref_looks))
		rp = ref_looks[ref.kind].pair;
	if (style & (STYLE_BOLD | STYLE_HEADING | STYLE_TITLE))
		a |= A_BOLD;
	if (style & STYLE_ITALIC)
		a |= italic;
	if (style & STYLE_LINK)
		a |= A_UNDERLINE;
	/* Written links look stronger than names found in the text. */
	if (rp != PAIR_NONE)
		a |= colors ? (style & STYLE_EXPLICIT ? A_UNDERLINE : 0) :
		    ref_looks[ref.kind].mono;
	if (style & STYLE_MARK)
		a |= A_BOLD;
	if ((style & (STYLE_DIM | STYLE_ATTRIB | STYLE_REFMARK)) &&
	    !(colors && COLORS >= 256))
		a |= A_DIM;
	if ((style & STYLE_CONTROL) && !colors)
		a |= A_REVERSE;

	if (style & STYLE_CONTROL)
		p = PAIR_CONTROL;
	else if (style & STYLE_MARK)
		p = PAIR_MARK;
	else if (rp != PAIR_NONE)
		p = rp;
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
 * Put s[0..len) at (y, *x) but never past xmax: a grapheme cluster that
 * does not fit whole is not drawn, so none is torn at a region's edge.
 */
static void
put(int y, int *x, int xmax, const char *s, size_t len, attr_t a)
{
	size_t i = 0, n, fit = 0;
	int w, col = *x;

	while (i < len) {
		n = utf8_cluster(s + i, len - i, &w);
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

/* Link hints' labels over the start of their references. */
static void
draw_labels(const struct line *l, const struct row_marks *m, int x, int y,
    int w)
{
	size_t k, s;
	int col;

	for (k = 0; k < m->nlabels; k++) {
		for (s = 0, col = x; s < m->labels[k].span && s < l->nspans;
		    s++)
			col += l->spans[s].width;
		put(y, &col, x + w, m->labels[k].text,
		    strlen(m->labels[k].text), A_BOLD | (colors ?
		    pair(PAIR_LABEL) : A_REVERSE));
	}
}

/* A line of spans at (x, y), at most w columns, with the highlights. */
static void
draw_spans(const struct line *l, const struct row_marks *m, int x, int y,
    int w)
{
	const struct highlight *hl = m->hl;
	size_t s, k, off = 0, a, b, cut;
	int xmax = x + w, x0 = x;
	attr_t base, at;

	for (s = 0; s < l->nspans && x < xmax; s++) {
		const struct span *sp = &l->spans[s];

		base = style_attr(sp->style, sp->ref);
		if (m->flash)
			base = (base & ~A_COLOR) | A_BOLD |
			    (colors ? pair(PAIR_FLASH) : A_STANDOUT);
		if (s >= m->sel_from && s < m->sel_to)
			base = (base & ~A_UNDERLINE) | A_REVERSE;
		/* Split the span where matches begin and end. */
		a = 0;
		while (a < sp->len) {
			b = sp->len;
			at = base;
			for (k = 0; k < m->nhl; k++) {
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
				/* The current match apart from the others and
				 * from the selection, with or without colour. */
				at = hl[k].current ? A_REVERSE | A_BOLD :
				    (colors ? pair(PAIR_MATCH) : A_REVERSE |
				    A_DIM);
				break;
			}
			put(y, &x, xmax, sp->text + a, b - a, at);
			a = b;
		}
		off += sp->len;
	}
	draw_labels(l, m, x0, y, w);
}

/* A string made safe and cut to w columns; returns the columns used. */
static int
draw_text(const char *text, unsigned style, attr_t extra, int x, int y,
    int w)
{
	struct layout *lay;
	const struct line *l;
	size_t s;
	int x0 = x;

	if (w < 1)
		return 0;
	lay = typeset_line(text, style, w);
	l = &lay->lines[0];
	for (s = 0; s < l->nspans; s++)
		put(y, &x, x0 + w, l->spans[s].text, l->spans[s].len,
		    style_attr(l->spans[s].style, l->spans[s].ref) | extra);
	layout_free(lay);
	return x - x0;
}

static void
fill(int y, int x, int w, attr_t a)
{
	attrset(a);
	for (; w > 0; w--, x++)
		mvaddch(y, x, ' ');
}

static void
draw_doc(struct reader *r, enum reader_region region, const struct rect *rc)
{
	const struct line *l;
	struct row_marks m;
	int i;

	for (i = 0; i < rc->h; i++) {
		if ((l = reader_row(r, region, i, &m)) == NULL)
			break;
		draw_spans(l, &m, rc->x + 1, rc->y + i, rc->w - 2);
	}
}

static void
draw_toc(const struct reader *r)
{
	const struct rect *rc = &reader_geometry(r)->toc;
	size_t e, cur = reader_toc_current(r), n = reader_toc_count(r);
	int i, indent;
	attr_t a, bar;
	bool focused = reader_focus(r) == REGION_TOC;

	bar = focused ? (colors ? pair(PAIR_BAR) : A_REVERSE) : A_NORMAL;
	fill(rc->y, rc->x, rc->w, bar);
	draw_text("Contents", STYLE_BOLD, focused ? bar : A_UNDERLINE,
	    rc->x + 1, rc->y, rc->w - 2);
	for (i = 1; i < rc->h; i++) {
		e = reader_toc_top(r) + (size_t)i - 1;
		if (e >= n)
			break;
		indent = reader_toc_level(r, e) >= 3 ? 2 : 0;
		a = A_NORMAL;
		if (e == cur)
			a |= A_BOLD | pair(PAIR_CURRENT);
		if (focused && e == reader_toc_cursor(r)) {
			a = A_REVERSE | (e == cur ? A_BOLD : 0);
			fill(rc->y + i, rc->x, rc->w, a);
		}
		if (e == cur)	/* ▸, made ASCII where it must be */
			draw_text("\xe2\x96\xb8", 0, a, rc->x, rc->y + i, 1);
		draw_text(reader_toc_title(r, e), 0, a, rc->x + 2 + indent,
		    rc->y + i, rc->w - 3 - indent);
	}
}

static void
draw_pane_bar(const struct reader *r, struct unit_ref u)
{
	const struct briefing *b = reader_briefing(r);
	const struct xref *x = reader_xref(r);
	const struct rect *rc = &reader_geometry(r)->pane_bar;
	attr_t a = reader_focus(r) == REGION_PANE ? (colors ? pair(PAIR_BAR) :
	    A_REVERSE) : A_REVERSE | A_DIM;
	size_t num;
	char *s;
	int w;

	fill(rc->y, rc->x, rc->w, a);
	if (u.kind == UNIT_EXPERT_LIST)
		s = xasprintf("Experts \xc2\xb7 %zu quoted", x->nnumbered);
	else if (u.kind == UNIT_EXPERT) {
		num = x->experts[u.index].number;
		if (num > 0)
			s = xasprintf("Expert %zu of %zu", num, x->nnumbered);
		else
			s = xstrdup("Expert");
	} else
		s = xasprintf("Actor \xc2\xb7 %s",
		    actor_kind_name(b->actors[u.index].kind));
	w = draw_text(s, STYLE_BOLD, a, rc->x + 1, rc->y, rc->w - 2);
	free(s);
	if (rc->w - w - 3 > 12)
		draw_text("Esc closes", 0, a, rc->x + rc->w - 11, rc->y, 10);
}

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
	const struct rect *rc = &reader_geometry(r)->overlay;
	size_t i;
	int y;

	draw_box(rc, "Keys \xc2\xb7 q or Esc closes");
	for (y = 1, i = reader_help_top(r); y < rc->h - 1 &&
	    i < reader_help_count(r); y++, i++)
		draw_text(reader_help_line(r, i), 0, A_NORMAL, rc->x + 1,
		    rc->y + y, rc->w - 2);
}

/* One row of the index: name (and the alias matched), kind, mentions. */
static void
index_row(const struct reader *r, size_t i, int y, int namew, int kindw,
    int countw)
{
	const struct rect *lr = &reader_geometry(r)->index_list;
	size_t ai = reader_index_actor(r, i);
	const struct actor *a = &reader_briefing(r)->actors[ai];
	const char *alias = reader_index_alias(r, i);
	attr_t at = i == reader_index_cursor(r) ? A_REVERSE : A_NORMAL;
	char *s;
	int w;

	if (at != A_NORMAL)
		fill(y, lr->x, lr->w, at);
	w = draw_text(a->name, STYLE_BOLD, at, lr->x + 1, y, namew);
	if (alias != NULL && namew - w > 4) {
		s = xasprintf("(alias: %s)", alias);
		draw_text(s, STYLE_DIM, at, lr->x + 2 + w, y, namew - w - 1);
		free(s);
	}
	if (kindw > 0)
		draw_text(actor_kind_name(a->kind), STYLE_DIM, at,
		    lr->x + 1 + namew + 1, y, kindw - 1);
	s = xasprintf("%*zu", countw - 1, reader_xref(r)->actors[ai].mentions.n);
	draw_text(s, 0, at, lr->x + lr->w - 1 - countw, y, countw);
	free(s);
}

/*
 * The kind column: as wide as the widest kind on screen (and its name),
 * so that the name and the alias matched get what it does not need.
 */
static int
index_kind_width(const struct reader *r, size_t n, int rows)
{
	const struct briefing *b = reader_briefing(r);
	size_t i;
	int w = text_columns("Kind"), k, y;

	for (y = 0; y < rows; y++) {
		i = reader_index_top(r) + (size_t)y;
		if (i >= n)
			break;
		k = text_columns(actor_kind_name(
		    b->actors[reader_index_actor(r, i)].kind));
		w = k > w ? k : w;
	}
	return w + 1;
}

static void
draw_index(const struct reader *r)
{
	const struct geometry *g = reader_geometry(r);
	const struct rect *rc = &g->overlay, *lr = &g->index_list;
	const char *filter = reader_index_filter(r);
	char *s;
	size_t i, n = reader_index_count(r);
	int y, w, countw = 9, kindw = 0, namew;

	draw_box(rc, "Actor index \xc2\xb7 Enter opens \xc2\xb7 Esc closes");
	s = xasprintf("%zu of %zu actors", n, reader_index_total(r));
	draw_text(s, STYLE_DIM, A_NORMAL, rc->x + 2, rc->y + 1, rc->w - 4);
	free(s);
	w = draw_text("Filter:", STYLE_BOLD, A_NORMAL, rc->x + 2, rc->y + 2,
	    rc->w - 4) + 1;
	/* The end of what was typed, as at the search prompt. */
	draw_text(text_tail(filter, strlen(filter), rc->w - 5 - w), 0,
	    A_UNDERLINE, rc->x + 2 + w, rc->y + 2, rc->w - 5 - w);
	if (lr->w >= 30)
		kindw = index_kind_width(r, n, lr->h);
	namew = lr->w - 2 - kindw - countw;
	/* The columns' names, on the row above the list. */
	draw_text("Actor", STYLE_DIM, A_UNDERLINE, lr->x + 1, lr->y - 1, namew);
	if (kindw > 0)
		draw_text("Kind", STYLE_DIM, A_UNDERLINE, lr->x + 1 + namew + 1,
		    lr->y - 1, kindw - 1);
	draw_text("Mentions", STYLE_DIM, A_UNDERLINE,
	    lr->x + lr->w - 1 - countw + 1, lr->y - 1, countw - 1);
	for (y = 0; y < lr->h; y++) {
		i = reader_index_top(r) + (size_t)y;
		if (i >= n)
			break;
		index_row(r, i, lr->y + y, namew, kindw, countw);
	}
	if (n == 0)
		draw_text("No actor matches.", STYLE_DIM, A_NORMAL, lr->x + 1,
		    lr->y, lr->w - 2);
}

/* The status line (statusline.h), reversed or in the bar's colours. */
static void
draw_status(struct reader *r)
{
	const int y = reader_geometry(r)->status_y, cols = COLS;
	struct reader_place p;
	struct status_text st;
	int rw = 0;
	attr_t a = colors ? pair(PAIR_BAR) : A_REVERSE;

	reader_place(r, &p);
	status_text_make(&p, reader_message(r), cols, &st);
	fill(y, 0, cols, a);
	if (st.right != NULL) {
		rw = text_columns(st.right);
		draw_text(st.right, 0, a, cols - rw - 1, y, rw);
	}
	draw_text(st.left, st.is_msg ? 0 : STYLE_BOLD, a | (st.is_msg ?
	    A_BOLD : 0), 1, y, cols - 2 - (rw > 0 ? rw + 2 : 0));
	status_text_free(&st);
}

/* The hints that fit (statusline.h) from column x, at most w columns. */
static void
draw_hints(enum keymode mode, int x, int y, int w)
{
	struct hint h[32];
	size_t i, n = hint_line_fit(mode, w, h, NITEMS(h));
	int used = 0;

	for (i = 0; i < n; i++) {
		if (used > 0)
			used += 2;
		used += draw_text(h[i].keys, STYLE_BOLD, A_NORMAL, x + used, y,
		    w - used);
		used += draw_text(h[i].label, STYLE_DIM, A_NORMAL,
		    x + used + 1, y, w - used - 1) + 1;
	}
}

/* The hint line, or the search prompt in its place. */
static void
draw_hint(const struct reader *r)
{
	const int y = reader_geometry(r)->hint_y;
	enum keymode mode = reader_keymode(r);
	const char *typed = reader_prompt(r);
	int w;

	fill(y, 0, COLS, A_NORMAL);
	if (mode != KEYMODE_PROMPT) {
		draw_hints(mode, 0, y, COLS);
		return;
	}
	w = draw_text("/", STYLE_BOLD, A_NORMAL, 0, y, COLS);
	w += draw_text(text_tail(typed, strlen(typed), COLS - w - 1), 0,
	    A_NORMAL, w, y, COLS - w - 1);
	move(y, w);
}

static void
draw_too_small(void)
{
	char *s;

	if (COLS < 1 || LINES < 1)
		return;
	s = xasprintf("Terminal too small: %dx%d, %dx%d needed", COLS, LINES,
	    GEOM_MIN_COLS, GEOM_MIN_ROWS);
	draw_text(s, STYLE_BOLD, A_NORMAL, 0, LINES / 2, COLS);
	free(s);
}

static void
draw(struct reader *r)
{
	const struct geometry *g = reader_geometry(r);
	enum keymode mode = reader_keymode(r);
	struct unit_ref pane;
	bool has_pane = reader_pane(r, &pane);
	int main_h = LINES - 2;

	attrset(A_NORMAL);
	erase();
	curs_set(0);
	if (g->too_small) {
		draw_too_small();
		refresh();
		return;
	}
	/* On a narrow screen the TOC, when shown, covers everything. */
	if (!g->toc_covers && (!has_pane || g->pane_beside))
		draw_doc(r, REGION_BODY, &g->body);
	if (!g->toc_covers && has_pane) {
		draw_pane_bar(r, pane);
		draw_doc(r, REGION_PANE, &g->pane_area);
	}
	if (g->toc_visible) {
		if (!g->toc_covers) {
			attrset(colors ? pair(PAIR_BORDER) : A_NORMAL);
			mvvline(0, g->toc.x + g->toc.w, ACS_VLINE, main_h);
		}
		draw_toc(r);
	}
	if (g->pane_beside && has_pane) {
		attrset(colors ? pair(PAIR_BORDER) : A_NORMAL);
		mvvline(0, g->pane_bar.x - 1, ACS_VLINE, main_h);
	}
	if (mode == KEYMODE_HELP)
		draw_help(r);
	else if (mode == KEYMODE_INDEX)
		draw_index(r);
	draw_status(r);
	draw_hint(r);
	attrset(A_NORMAL);
	if (mode == KEYMODE_PROMPT)
		curs_set(1);
	refresh();
}

/* ---- input ------------------------------------------------------------- */

/* Curses' own key codes as keymap.h codes them. */
static const struct {
	int	curses, key;
} special_keys[] = {
	{ KEY_UP, KEYC_UP }, { KEY_DOWN, KEYC_DOWN }, { KEY_LEFT, KEYC_LEFT },
	{ KEY_RIGHT, KEYC_RIGHT }, { KEY_PPAGE, KEYC_PPAGE },
	{ KEY_NPAGE, KEYC_NPAGE }, { KEY_HOME, KEYC_HOME },
	{ KEY_FIND, KEYC_HOME }, { KEY_END, KEYC_END }, { KEY_SELECT, KEYC_END },
	{ KEY_ENTER, KEYC_ENTER }, { KEY_BTAB, KEYC_BTAB },
	{ KEY_BACKSPACE, KEYC_BSPACE },
};

/* A character as keymap.h codes it: control keys by their names. */
static int
map_char(uint32_t c)
{
	switch (c) {
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
		return c < KEYC_BASE ? (int)c : KEYC_NONE;
	}
}

static int
map_special(int ch)
{
	size_t i;

	for (i = 0; i < NITEMS(special_keys); i++)
		if (special_keys[i].curses == ch)
			return special_keys[i].key;
	return KEYC_NONE;
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

/*
 * Background work for about a frame (IDLE_NSEC), then back to the keys;
 * returns whether any is left.
 */
static bool
idle_work(struct reader *r)
{
	struct timespec t0, t;
	bool more;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	do {
		more = reader_idle(r);
		clock_gettime(CLOCK_MONOTONIC, &t);
	} while (more && (t.tv_sec - t0.tv_sec) * 1000000000L +
	    (t.tv_nsec - t0.tv_nsec) < IDLE_NSEC);
	return more;
}

/* Signals back to their defaults; the terminal opened for keys closed. */
static void
leave(FILE *tty)
{
	signal(SIGINT, SIG_DFL);
	signal(SIGQUIT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	signal(SIGHUP, SIG_DFL);
	signal(SIGTSTP, SIG_DFL);
	ttyrestore_disarm();
	if (tty != NULL)
		fclose(tty);
}

/*
 * What undoes the reader's screen when the program dies of a fatal
 * signal: terminfo's strings for leaving the alternate screen, showing
 * the cursor, plain attributes and the keypad off, and xterm's mouse
 * reporting off.
 */
static void
prepare_restore(void)
{
	static const char *const caps[] = { "sgr0", "rmkx", "cnorm", "rmcup" };
	struct buf b;
	const char *v;
	size_t i;

	buf_init(&b);
	buf_adds(&b, "\033[?1000l\033[?1002l\033[?1006l");
	for (i = 0; i < NITEMS(caps); i++) {
		v = tigetstr(caps[i]);
		if (v != NULL && v != (char *)-1)
			buf_adds(&b, v);
	}
	ttyrestore_bytes(STDOUT_FILENO, b.data);
	buf_free(&b);
	ttyrestore_arm();
}

/* Curses on, as the reader wants it. */
static bool
start_curses(FILE *in, bool color)
{
	if ((screen = newterm(NULL, stdout, in)) == NULL)
		return false;
	set_term(screen);
	curses_on = true;
	util_set_fatal_hook(restore);
	prepare_restore();
	cbreak();
	noecho();
	nonl();
	intrflush(stdscr, FALSE);
	keypad(stdscr, TRUE);
	set_escdelay(25);
	curs_set(0);
	color_init(color);
	mousemask(BUTTON1_PRESSED | BUTTON4_PRESSED | BUTTON5_PRESSED, NULL);
	mouseinterval(0);
	return true;
}

/* The rest of a character begun should come at once; this long at most. */
#define KEY_REST_MS	50

/*
 * The next key from curses, decoded by keydec: KEYC_NONE for none yet (a
 * timeout or a signal), a resize or a mouse event handled here, and
 * bytes that make no character said once, never kept.
 */
static int
read_key(struct reader *r, struct keydec *kd, bool busy)
{
	enum keydec_result res;
	uint32_t cp;
	int ch;

	timeout(busy ? 0 : -1);
	for (;;) {
		ch = getch();
		if (ch == ERR) {
			if (!keydec_pending(kd))
				return KEYC_NONE;
			keydec_reset(kd);	/* its rest never came */
			reader_say(r, "Not a valid character");
			return KEYC_NONE;
		}
		if (ch == KEY_RESIZE) {
			reader_resize(r, COLS, LINES);
			return KEYC_NONE;
		}
		if (ch == KEY_MOUSE) {
			mouse(r);
			return KEYC_NONE;
		}
		if (ch > 0xff)
			return map_special(ch);
		do
			res = keydec_byte(kd, (unsigned char)ch, &cp);
		while (res == KEYDEC_INVALID_AGAIN &&
		    (reader_say(r, "Not a valid character"), true));
		if (res == KEYDEC_KEY)
			return map_char(cp);
		if (res == KEYDEC_INVALID) {
			reader_say(r, "Not a valid character");
			return KEYC_NONE;
		}
		timeout(KEY_REST_MS);
	}
}

/* How often long work looks at the keyboard. */
#define INTERRUPT_NSEC	20000000L

/*
 * Asked by the reader during long work: ^C (SIGINT, taken: it stops the
 * work, not the reader) or Esc typed meanwhile stops it. Other keys wait
 * for their turn.
 */
static bool
interrupted(void *ctx)
{
	static struct timespec last;
	struct timespec t;
	int ch;

	(void)ctx;
	if (sig_quit == SIGINT) {
		sig_quit = 0;
		return true;
	}
	clock_gettime(CLOCK_MONOTONIC, &t);
	if ((t.tv_sec - last.tv_sec) * 1000000000L + (t.tv_nsec -
	    last.tv_nsec) < INTERRUPT_NSEC)
		return false;
	last = t;
	timeout(0);
	if ((ch = getch()) == 033)
		return true;
	if (ch != ERR)
		ungetch(ch);
	return false;
}

/* Read keys until q or a signal; returns the signal, 0 for q. */
static int
run_loop(struct reader *r, bool utf8)
{
	enum reader_status st = READER_CONTINUE;
	struct keydec kd;
	bool busy = true;
	int key;

	keydec_init(&kd, utf8);
	while (st == READER_CONTINUE && !sig_quit) {
		if (sig_stop) {
			suspend();
			reader_resize(r, COLS, LINES);
		}
		if (reader_take_redraw(r))
			clearok(curscr, TRUE);
		draw(r);
		/* With work left that no key waits for, do it between keys. */
		key = read_key(r, &kd, busy);
		if (key == KEYC_NONE) {
			if (busy)
				busy = idle_work(r);
			continue;
		}
		st = reader_key(r, key);
		busy = true;	/* a key may have made work (a search) */
	}
	return sig_quit;
}

enum view_status
view_run(struct opening *op, const struct view_opts *opts,
    struct diag_list *dl, int *signo_out)
{
	struct reader *r;
	FILE *in = stdin, *tty = NULL;
	int signo;

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
	catch(SIGQUIT, on_quit);
	catch(SIGTERM, on_quit);
	catch(SIGHUP, on_quit);
	catch(SIGTSTP, on_stop);
	ttyrestore_save(fileno(in));
	if (!start_curses(in, opts->color)) {
		leave(tty);
		return VIEW_NO_TERMINAL;
	}
	r = reader_new(opening_briefing(op), opening_xref(op));
	reader_follow_opening(r, op);
	reader_set_interrupt(r, interrupted, NULL);
	reader_set_links(r, opts->links);
	if (opts->measure > 0)
		reader_set_measure(r, opts->measure);
	reader_resize(r, COLS, LINES);
	if (opts->hello != NULL)
		reader_say(r, opts->hello);
	/* Keys are UTF-8 where output is; else the locale's bytes. */
	signo = run_loop(r, !textsafe_ascii());
	restore();
	util_set_fatal_hook(NULL);
	delscreen(screen);
	screen = NULL;
	reader_free(r);
	leave(tty);
	*signo_out = signo;
	return signo != 0 ? VIEW_SIGNALLED : VIEW_OK;
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
