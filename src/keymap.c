/*
 * keymap: the key tables, key names both ways, and the help screen and
 * hint line made from the tables.
 */
#include "keymap.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "utf8.h"
#include "util.h"

#define H_EXPERT "show expert N in the pane (numbered by first quote)"
#define NOHINT	NULL, 0, false, CMD_NONE
#define HINT(label, rank)	label, rank, false, CMD_NONE
#define PARTNER(label, rank, cmd)	label, rank, false, cmd
#define JOINS	NULL, 0, true, CMD_NONE

/* Scrolling, the same in the article and in the help. */
#define SCROLL_ROWS							\
	{ KEYC_DOWN, CMD_LINE_DOWN, 0, NULL, NOHINT },			\
	{ 'k', CMD_LINE_UP, 0, "scroll up a line", NOHINT },		\
	{ KEYC_UP, CMD_LINE_UP, 0, NULL, NOHINT },			\
	{ ' ', CMD_PAGE_DOWN, 0, "scroll down a page", NOHINT },		\
	{ KEYC_NPAGE, CMD_PAGE_DOWN, 0, NULL, NOHINT },			\
	{ 'b', CMD_PAGE_UP, 0, "scroll up a page", NOHINT },		\
	{ KEYC_PPAGE, CMD_PAGE_UP, 0, NULL, NOHINT },			\
	{ 'd', CMD_HALF_DOWN, 0, "scroll down half a page", NOHINT },	\
	{ 'u', CMD_HALF_UP, 0, "scroll up half a page", NOHINT },	\
	{ 'g', CMD_TOP, 0, "go to the top", NOHINT },			\
	{ KEYC_HOME, CMD_TOP, 0, NULL, NOHINT },			\
	{ 'G', CMD_BOTTOM, 0, "go to the bottom", NOHINT },		\
	{ KEYC_END, CMD_BOTTOM, 0, NULL, NOHINT }

/*
 * The article and the pane. Rows of one command sit together: the help
 * screen shows them on one line. The keys of the key contract (README,
 * briefing(1)) come first; the rest are additions.
 */
static const struct binding normal_rows[] = {
	{ 'q', CMD_QUIT, 0, "quit, leaving the terminal as it was",
	    HINT("quit", 0) },
	{ '?', CMD_HELP, 0, "show the keys (q or Esc closes them)",
	    HINT("help", 0) },
	{ 'j', CMD_LINE_DOWN, 0, "scroll down a line", NOHINT },
	SCROLL_ROWS,
	{ ']', CMD_NEXT_SECTION, 0, "next section", HINT("next", 2) },
	{ '[', CMD_PREV_SECTION, 0, "previous section", HINT("prev", 3) },
	{ 't', CMD_TOC, 0, "focus the table of contents", HINT("contents", 1) },
	{ KEYC_TAB, CMD_NEXT_REF, 0,
	    "select the next cross-reference, scrolling to it",
	    PARTNER("ref", 2, CMD_FOLLOW) },
	{ KEYC_BTAB, CMD_PREV_REF, 0,
	    "select the previous cross-reference, scrolling to it", NOHINT },
	{ KEYC_ENTER, CMD_FOLLOW, 0, "follow the selected cross-reference",
	    PARTNER("follow", 2, CMD_NEXT_REF) },
	{ 'f', CMD_HINTS, 0,
	    "label the cross-references shown; type a label to follow it",
	    HINT("hints", 2) },
	{ KEYC_BSPACE, CMD_BACK, 0, "back to where you were before the last jump",
	    HINT("back", 2) },
	{ KEYC_LEFT, CMD_BACK, 0, NULL, NOHINT },
	{ 'F', CMD_FORWARD, 0, "forward again, undoing Backspace", NOHINT },
	{ KEYC_RIGHT, CMD_FORWARD, 0, NULL, NOHINT },
	{ 'e', CMD_EXPERT_PANE, 0,
	    "show or hide the expert pane (the list of experts at first)",
	    HINT("experts", 1) },
	{ 'E', CMD_EXPERT_LIST, 0,
	    "list the experts with their numbers, roles and quotes", NOHINT },
	{ '1', CMD_EXPERT, 1, H_EXPERT, NOHINT },
	{ '2', CMD_EXPERT, 2, H_EXPERT, NOHINT },
	{ '3', CMD_EXPERT, 3, H_EXPERT, NOHINT },
	{ '4', CMD_EXPERT, 4, H_EXPERT, NOHINT },
	{ '5', CMD_EXPERT, 5, H_EXPERT, NOHINT },
	{ '6', CMD_EXPERT, 6, H_EXPERT, NOHINT },
	{ '7', CMD_EXPERT, 7, H_EXPERT, NOHINT },
	{ '8', CMD_EXPERT, 8, H_EXPERT, NOHINT },
	{ '9', CMD_EXPERT, 9, H_EXPERT, NOHINT },
	{ 'a', CMD_ACTOR_INDEX, 0, "actor index: type to filter, Enter opens",
	    HINT("actors", 1) },
	{ '/', CMD_SEARCH, 0, "search the whole briefing", HINT("search", 1) },
	{ 'n', CMD_SEARCH_NEXT, 0, "next match", NOHINT },
	{ 'N', CMD_SEARCH_PREV, 0, "previous match", NOHINT },
	{ KEYC_ESC, CMD_CLOSE, 0, "close the pane or overlay in front", NOHINT },
	{ 'o', CMD_OTHER_REGION, 0, "move the focus between article and pane",
	    NOHINT },
	{ 'L', CMD_LINKS, 0, "links: the first of each name in a paragraph, "
	    "every name, or written links only", NOHINT },
	{ '+', CMD_MEASURE_WIDER, 0, "widen the article's text (the measure)",
	    NOHINT },
	{ '-', CMD_MEASURE_NARROWER, 0, "narrow the article's text", NOHINT },
	{ KEYC_CTRL('l'), CMD_REDRAW, 0, "redraw the screen", NOHINT },
};

/* The table of contents while it has the focus; the rest as above. */
static const struct binding toc_rows[] = {
	{ 'j', CMD_LINE_DOWN, 0, "next entry", HINT("choose", 0) },
	{ KEYC_DOWN, CMD_LINE_DOWN, 0, NULL, NOHINT },
	{ 'k', CMD_LINE_UP, 0, "previous entry", JOINS },
	{ KEYC_UP, CMD_LINE_UP, 0, NULL, NOHINT },
	{ ' ', CMD_PAGE_DOWN, 0, "a page of entries down", NOHINT },
	{ KEYC_NPAGE, CMD_PAGE_DOWN, 0, NULL, NOHINT },
	{ 'b', CMD_PAGE_UP, 0, "a page of entries up", NOHINT },
	{ KEYC_PPAGE, CMD_PAGE_UP, 0, NULL, NOHINT },
	{ 'd', CMD_HALF_DOWN, 0, "half a page of entries down", NOHINT },
	{ 'u', CMD_HALF_UP, 0, "half a page of entries up", NOHINT },
	{ 'g', CMD_TOP, 0, "the first entry", NOHINT },
	{ KEYC_HOME, CMD_TOP, 0, NULL, NOHINT },
	{ 'G', CMD_BOTTOM, 0, "the last entry", NOHINT },
	{ KEYC_END, CMD_BOTTOM, 0, NULL, NOHINT },
	{ KEYC_ENTER, CMD_FOLLOW, 0, "open the section under the cursor",
	    HINT("opens", 0) },
	{ KEYC_ESC, CMD_CLOSE, 0, "back to the article or the pane",
	    HINT("back", 0) },
	{ 't', CMD_CLOSE, 0, NULL, NOHINT },
};

/* The actor index: what is not bound here is typed into the filter. */
static const struct binding index_rows[] = {
	{ KEYC_DOWN, CMD_LINE_DOWN, 0, "next actor", HINT("choose", 0) },
	{ KEYC_UP, CMD_LINE_UP, 0, "previous actor", JOINS },
	{ KEYC_NPAGE, CMD_PAGE_DOWN, 0, "a page of actors down", NOHINT },
	{ KEYC_PPAGE, CMD_PAGE_UP, 0, "a page of actors up", NOHINT },
	{ KEYC_HOME, CMD_TOP, 0, "the first actor", NOHINT },
	{ KEYC_END, CMD_BOTTOM, 0, "the last actor", NOHINT },
	{ KEYC_ENTER, CMD_FOLLOW, 0, "open the actor under the cursor",
	    HINT("opens", 0) },
	{ KEYC_BSPACE, CMD_DELETE_CHAR, 0,
	    "delete the last character of the filter", NOHINT },
	{ KEYC_CTRL('u'), CMD_CLEAR_INPUT, 0, "clear the filter", NOHINT },
	{ KEYC_ESC, CMD_CLOSE, 0, "close the index", HINT("closes", 0) },
	{ KEYC_CTRL('l'), CMD_REDRAW, 0, "redraw the screen", NOHINT },
};

/* The search prompt: what is not bound here is typed. */
static const struct binding prompt_rows[] = {
	{ KEYC_ENTER, CMD_FOLLOW, 0,
	    "search (an empty pattern searches for the last one again)",
	    HINT("searches", 0) },
	{ KEYC_BSPACE, CMD_DELETE_CHAR, 0,
	    "delete the last character (on an empty prompt: cancel)", NOHINT },
	{ KEYC_CTRL('u'), CMD_CLEAR_INPUT, 0, "clear what was typed",
	    HINT("clears", 1) },
	{ KEYC_ESC, CMD_CLOSE, 0, "cancel the search", HINT("cancels", 0) },
	{ KEYC_CTRL('l'), CMD_REDRAW, 0, "redraw the screen", NOHINT },
};

/* Link hints: what is not bound here is typed as a label. */
static const struct binding hints_rows[] = {
	{ KEYC_BSPACE, CMD_DELETE_CHAR, 0,
	    "delete the last letter typed", NOHINT },
	{ KEYC_ESC, CMD_CLOSE, 0, "take the labels away", HINT("cancels", 0) },
	{ KEYC_CTRL('l'), CMD_REDRAW, 0, "redraw the screen", NOHINT },
};

/* This help. */
static const struct binding help_rows[] = {
	{ 'j', CMD_LINE_DOWN, 0, "scroll down a line", HINT("scroll", 0) },
	SCROLL_ROWS,
	{ 'q', CMD_CLOSE, 0, "close the help", HINT("closes", 0) },
	{ KEYC_ESC, CMD_CLOSE, 0, NULL, JOINS },
	{ '?', CMD_CLOSE, 0, NULL, NOHINT },
	{ KEYC_CTRL('l'), CMD_REDRAW, 0, "redraw the screen", NOHINT },
};

const struct keytable keymap_tables[KEYMODE__COUNT] = {
	{ "Reading", normal_rows, NITEMS(normal_rows), false,
	    KEYMODE__COUNT },					/* NORMAL */
	{ "In the table of contents", toc_rows, NITEMS(toc_rows), false,
	    KEYMODE_NORMAL },					/* TOC */
	{ "In the actor index (type to filter; case and accents do not "
	    "matter)", index_rows, NITEMS(index_rows), true,
	    KEYMODE__COUNT },					/* INDEX */
	{ "At the search prompt (type the pattern)", prompt_rows,
	    NITEMS(prompt_rows), true, KEYMODE__COUNT },	/* PROMPT */
	{ "In this help", help_rows, NITEMS(help_rows), false,
	    KEYMODE__COUNT },					/* HELP */
	{ "With link hints shown (type a label to follow its reference)",
	    hints_rows, NITEMS(hints_rows), true, KEYMODE__COUNT },	/* HINTS */
};

/* Indexed by enum command. */
static const char *const command_names[CMD__COUNT] = {
	NULL,			/* CMD_NONE */
	"quit",			/* CMD_QUIT */
	"help",			/* CMD_HELP */
	"scroll-down",		/* CMD_LINE_DOWN */
	"scroll-up",		/* CMD_LINE_UP */
	"page-down",		/* CMD_PAGE_DOWN */
	"page-up",		/* CMD_PAGE_UP */
	"half-page-down",	/* CMD_HALF_DOWN */
	"half-page-up",		/* CMD_HALF_UP */
	"top",			/* CMD_TOP */
	"bottom",		/* CMD_BOTTOM */
	"next-section",		/* CMD_NEXT_SECTION */
	"previous-section",	/* CMD_PREV_SECTION */
	"toc",			/* CMD_TOC */
	"next-reference",	/* CMD_NEXT_REF */
	"previous-reference",	/* CMD_PREV_REF */
	"follow",		/* CMD_FOLLOW */
	"back",			/* CMD_BACK */
	"forward",		/* CMD_FORWARD */
	"expert-pane",		/* CMD_EXPERT_PANE */
	"expert",		/* CMD_EXPERT */
	"actor-index",		/* CMD_ACTOR_INDEX */
	"search",		/* CMD_SEARCH */
	"search-next",		/* CMD_SEARCH_NEXT */
	"search-previous",	/* CMD_SEARCH_PREV */
	"close",		/* CMD_CLOSE */
	"other-region",		/* CMD_OTHER_REGION */
	"redraw",		/* CMD_REDRAW */
	"delete-character",	/* CMD_DELETE_CHAR */
	"clear-input",		/* CMD_CLEAR_INPUT */
	"hints",		/* CMD_HINTS */
	"expert-list",		/* CMD_EXPERT_LIST */
	"links",		/* CMD_LINKS */
	"measure-wider",	/* CMD_MEASURE_WIDER */
	"measure-narrower",	/* CMD_MEASURE_NARROWER */
};

/* Names of the KEYC_* keys, from KEYC_BASE on. */
static const char *const special_names[KEYC__END - KEYC_BASE] = {
	"Up",		/* KEYC_UP */
	"Down",		/* KEYC_DOWN */
	"Left",		/* KEYC_LEFT */
	"Right",	/* KEYC_RIGHT */
	"PgUp",		/* KEYC_PPAGE */
	"PgDn",		/* KEYC_NPAGE */
	"Home",		/* KEYC_HOME */
	"End",		/* KEYC_END */
	"Enter",	/* KEYC_ENTER */
	"Tab",		/* KEYC_TAB */
	"Shift-Tab",	/* KEYC_BTAB */
	"Backspace",	/* KEYC_BSPACE */
	"Esc",		/* KEYC_ESC */
};

static const struct binding *
table_lookup(const struct keytable *t, int key)
{
	size_t i;

	for (i = 0; i < t->nrows; i++) {
		if (t->rows[i].key == key)
			return &t->rows[i];
	}
	return NULL;
}

const struct binding *
keymap_lookup(enum keymode mode, int key, enum keymode *from)
{
	const struct binding *b;

	if ((unsigned)mode >= KEYMODE__COUNT || key == KEYC_NONE)
		return NULL;
	if ((b = table_lookup(&keymap_tables[mode], key)) != NULL) {
		if (from != NULL)
			*from = mode;
		return b;
	}
	if (keymap_tables[mode].fallback != KEYMODE__COUNT)
		return keymap_lookup(keymap_tables[mode].fallback, key, from);
	return NULL;
}

bool
keymap_is_motion(enum command cmd)
{
	return cmd == CMD_LINE_DOWN || cmd == CMD_LINE_UP ||
	    cmd == CMD_PAGE_DOWN || cmd == CMD_PAGE_UP ||
	    cmd == CMD_HALF_DOWN || cmd == CMD_HALF_UP ||
	    cmd == CMD_TOP || cmd == CMD_BOTTOM;
}

size_t
keymap_move(size_t cur, size_t n, size_t h, enum command cmd)
{
	if (n == 0)
		return 0;
	if (h == 0)
		h = 1;
	switch (cmd) {
	case CMD_LINE_DOWN:
		return cur + 1 < n ? cur + 1 : n - 1;
	case CMD_LINE_UP:
		return cur > 0 ? (cur < n ? cur - 1 : n - 1) : 0;
	case CMD_PAGE_DOWN:
		return cur + h < n ? cur + h : n - 1;
	case CMD_PAGE_UP:
		return cur > h ? cur - h : 0;
	case CMD_HALF_DOWN:
		return cur + h / 2 < n ? cur + h / 2 : n - 1;
	case CMD_HALF_UP:
		return cur > h / 2 ? cur - h / 2 : 0;
	case CMD_TOP:
		return 0;
	case CMD_BOTTOM:
		return n - 1;
	default:
		return cur;
	}
}

bool
keymap_is_text(int key)
{
	return key >= 0x20 && key != 0x7f && !(key >= 0x80 && key < 0xa0) &&
	    key < KEYC_BASE && !(key >= 0xd800 && key <= 0xdfff);
}

const char *
keymap_command_name(enum command cmd)
{
	if ((int)cmd <= CMD_NONE || cmd >= CMD__COUNT)
		return NULL;
	return command_names[cmd];
}

char *
keymap_name(int key, char *buf)
{
	size_t n;

	buf[0] = '\0';
	if (key >= KEYC_BASE && key < KEYC__END)
		snprintf(buf, KEYMAP_NAME_MAX, "%s", special_names[key - KEYC_BASE]);
	else if (key == ' ')
		snprintf(buf, KEYMAP_NAME_MAX, "Space");
	else if (key > 0 && key < 0x20)
		snprintf(buf, KEYMAP_NAME_MAX, "^%c", key + '@');
	else if (key > 0x20 && key < 0x7f) {
		buf[0] = (char)key;
		buf[1] = '\0';
	} else if (key > 0x9f && key < KEYC_BASE &&
	    !(key >= 0xd800 && key <= 0xdfff)) {
		n = utf8_encode((uint32_t)key, buf);
		buf[n] = '\0';
	}
	return buf;
}

int
keymap_parse(const char *name)
{
	uint32_t cp;
	size_t i, len = strlen(name);

	if (len == 0)
		return KEYC_NONE;
	for (i = 0; i < NITEMS(special_names); i++) {
		if (strcasecmp(name, special_names[i]) == 0)
			return KEYC_BASE + (int)i;
	}
	if (strcasecmp(name, "Space") == 0)
		return ' ';
	if (strcasecmp(name, "BTab") == 0 || strcasecmp(name, "S-Tab") == 0)
		return KEYC_BTAB;
	if (strcasecmp(name, "Escape") == 0)
		return KEYC_ESC;
	if (strcasecmp(name, "BSpace") == 0)
		return KEYC_BSPACE;
	if (len == 2 && name[0] == '^' && name[1] >= '@' && name[1] <= '_')
		return name[1] - '@';
	if (len == 2 && name[0] == '^' && name[1] >= 'a' && name[1] <= 'z')
		return name[1] - 'a' + 1;
	if (len == 3 && (name[0] == 'C' || name[0] == 'c') && name[1] == '-' &&
	    ((name[2] >= 'a' && name[2] <= 'z') ||
	    (name[2] >= 'A' && name[2] <= 'Z')))
		return KEYC_CTRL(name[2]);
	if (utf8_decode(name, len, &cp) == len && cp > 0x20 && cp != 0x7f &&
	    !(cp >= 0x80 && cp <= 0x9f) && cp != UTF8_REPLACEMENT)
		return (int)cp;
	return KEYC_NONE;
}

/* Is row i the first of its command in the table? */
static bool
first_of_command(const struct keytable *t, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++) {
		if (t->rows[j].cmd == t->rows[i].cmd)
			return false;
	}
	return true;
}

/*
 * The keys of a command as the help shows them, "j, Down", or "1-9" for a
 * run of three or more keys in a row; and its help note.
 */
static const char *
help_keys(const struct keytable *t, struct buf *b, enum command cmd)
{
	char name[KEYMAP_NAME_MAX];
	const char *help = NULL;
	size_t i, n = 0;
	int first = 0, last = 0;
	bool run = true;

	for (i = 0; i < t->nrows; i++) {
		if (t->rows[i].cmd != cmd)
			continue;
		if (help == NULL)
			help = t->rows[i].help;
		if (n == 0)
			first = t->rows[i].key;
		else if (t->rows[i].key != last + 1)
			run = false;
		last = t->rows[i].key;
		n++;
	}
	if (n > 2 && run) {
		buf_adds(b, keymap_name(first, name));
		buf_addc(b, '-');
		buf_adds(b, keymap_name(last, name));
		return help;
	}
	for (i = 0, n = 0; i < t->nrows; i++) {
		if (t->rows[i].cmd != cmd)
			continue;
		if (n++ > 0)
			buf_adds(b, ", ");
		buf_adds(b, keymap_name(t->rows[i].key, name));
	}
	return help;
}

/*
 * Words of text after a first-line prefix of `first` columns; lines after
 * the first start with `indent` spaces. Breaks at spaces when it can.
 */
static void
help_wrap(struct buf *out, const char *text, int first, int indent,
    int width)
{
	const char *p = text, *brk, *q;
	int col = first, room, w;
	size_t n;
	uint32_t cp;

	for (;;) {
		room = width - col;
		if (room < 1)
			room = 1;
		/* The longest run of p that fits, cut after a word. */
		brk = NULL;
		w = 0;
		for (q = p; *q != '\0'; q += n) {
			n = utf8_decode(q, strlen(q), &cp);
			if (w + utf8_cpwidth(cp) > room)
				break;
			w += utf8_cpwidth(cp);
			if (*q == ' ')
				brk = q;
		}
		if (*q == '\0') {
			buf_adds(out, p);
			break;
		}
		if (brk == NULL || brk == p)
			brk = q > p ? q : q + n;
		buf_add(out, p, (size_t)(brk - p));
		buf_addc(out, '\n');
		for (p = brk; *p == ' '; p++)
			continue;
		if (*p == '\0')
			return;
		buf_printf(out, "%*s", indent, "");
		col = indent;
	}
	buf_addc(out, '\n');
}

/* One mode's lines: its heading, then a line per command. */
static void
help_mode(struct buf *out, const struct keytable *t, int width)
{
	struct buf keys;
	size_t i, n, ncells = 0, col = 0;
	char **cells;
	const char **helps;
	int indent;

	cells = xcalloc(t->nrows, sizeof *cells);
	helps = xcalloc(t->nrows, sizeof *helps);
	buf_init(&keys);
	for (i = 0; i < t->nrows; i++) {
		if (!first_of_command(t, i))
			continue;
		helps[ncells] = help_keys(t, &keys, t->rows[i].cmd);
		if (helps[ncells] == NULL)
			helps[ncells] = "";
		if (keys.len > col)
			col = keys.len;
		cells[ncells++] = buf_release(&keys);
	}
	/* Too narrow for two columns: the help goes under its keys. */
	indent = (int)col + 4;
	if (width - indent < 24)
		indent = 4;
	help_wrap(out, t->title, 0, 2, width);
	for (n = 0; n < ncells; n++) {
		if (indent == 4) {
			buf_printf(out, "  %s\n    ", cells[n]);
			help_wrap(out, helps[n], 4, 4, width);
		} else {
			buf_printf(out, "  %-*s  ", (int)col, cells[n]);
			help_wrap(out, helps[n], indent, indent, width);
		}
		free(cells[n]);
	}
	free(cells);
	free(helps);
}

char *
keymap_help_text(int width)
{
	struct buf out;
	int m;

	if (width <= 0)
		width = INT32_MAX;
	buf_init(&out);
	for (m = 0; m < KEYMODE__COUNT; m++) {
		if (m > 0)
			buf_addc(&out, '\n');
		help_mode(&out, &keymap_tables[m], width);
	}
	return buf_release(&out);
}

size_t
keymap_hints(enum keymode mode, struct hint *out, size_t max)
{
	const struct keytable *t;
	const struct binding *b;
	char name[KEYMAP_NAME_MAX];
	size_t i, n = 0;

	if ((unsigned)mode >= KEYMODE__COUNT)
		return 0;
	t = &keymap_tables[mode];
	for (i = 0; i < t->nrows; i++) {
		b = &t->rows[i];
		keymap_name(b->key, name);
		if (b->joins && n > 0) {
			snprintf(out[n - 1].keys + strlen(out[n - 1].keys),
			    sizeof out[n - 1].keys - strlen(out[n - 1].keys),
			    "/%s", name);
			continue;
		}
		if (b->hint == NULL || n == max)
			continue;
		snprintf(out[n].keys, sizeof out[n].keys, "%s", name);
		out[n].label = b->hint;
		out[n].rank = b->rank;
		out[n].cmd = b->cmd;
		out[n].partner = b->partner;
		n++;
	}
	return n;
}
