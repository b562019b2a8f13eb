/*
 * keymap: the key table, key names both ways, and the help screen made
 * from the table.
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

/*
 * Rows of one command sit together: the help screen shows them on one
 * line. The keys of DESIGN.md §4 are a contract; the rest are additions.
 */
const struct binding keymap_bindings[] = {
	{ 'q', CMD_QUIT, 0, "quit, leaving the terminal as it was" },
	{ '?', CMD_HELP, 0, "show this help (q or Esc closes it)" },
	{ 'j', CMD_LINE_DOWN, 0, "scroll down a line; next entry in a list" },
	{ KEYC_DOWN, CMD_LINE_DOWN, 0, NULL },
	{ 'k', CMD_LINE_UP, 0, "scroll up a line; previous entry in a list" },
	{ KEYC_UP, CMD_LINE_UP, 0, NULL },
	{ ' ', CMD_PAGE_DOWN, 0, "scroll down a page" },
	{ KEYC_NPAGE, CMD_PAGE_DOWN, 0, NULL },
	{ 'b', CMD_PAGE_UP, 0, "scroll up a page" },
	{ KEYC_PPAGE, CMD_PAGE_UP, 0, NULL },
	{ 'd', CMD_HALF_DOWN, 0, "scroll down half a page" },
	{ 'u', CMD_HALF_UP, 0, "scroll up half a page" },
	{ 'g', CMD_TOP, 0, "go to the top" },
	{ KEYC_HOME, CMD_TOP, 0, NULL },
	{ 'G', CMD_BOTTOM, 0, "go to the bottom" },
	{ KEYC_END, CMD_BOTTOM, 0, NULL },
	{ ']', CMD_NEXT_SECTION, 0, "next section" },
	{ '[', CMD_PREV_SECTION, 0, "previous section" },
	{ 't', CMD_TOC, 0,
	    "focus the table of contents (again: back); Enter opens" },
	{ KEYC_TAB, CMD_NEXT_REF, 0, "select the next cross-reference on screen" },
	{ KEYC_BTAB, CMD_PREV_REF, 0,
	    "select the previous cross-reference on screen" },
	{ KEYC_ENTER, CMD_FOLLOW, 0,
	    "follow the selected cross-reference or open the entry" },
	{ KEYC_BSPACE, CMD_BACK, 0, "back to where you were before the last jump" },
	{ KEYC_LEFT, CMD_BACK, 0, NULL },
	{ 'f', CMD_FORWARD, 0, "forward again, undoing Backspace" },
	{ KEYC_RIGHT, CMD_FORWARD, 0, NULL },
	{ 'e', CMD_EXPERT_PANE, 0, "show or hide the expert pane" },
	{ '1', CMD_EXPERT, 1, H_EXPERT },
	{ '2', CMD_EXPERT, 2, H_EXPERT },
	{ '3', CMD_EXPERT, 3, H_EXPERT },
	{ '4', CMD_EXPERT, 4, H_EXPERT },
	{ '5', CMD_EXPERT, 5, H_EXPERT },
	{ '6', CMD_EXPERT, 6, H_EXPERT },
	{ '7', CMD_EXPERT, 7, H_EXPERT },
	{ '8', CMD_EXPERT, 8, H_EXPERT },
	{ '9', CMD_EXPERT, 9, H_EXPERT },
	{ 'a', CMD_ACTOR_INDEX, 0,
	    "actor index: type to filter, Enter opens the actor" },
	{ '/', CMD_SEARCH, 0, "search the whole briefing" },
	{ 'n', CMD_SEARCH_NEXT, 0, "next match" },
	{ 'N', CMD_SEARCH_PREV, 0, "previous match" },
	{ KEYC_ESC, CMD_CLOSE, 0, "close the pane or overlay in front" },
	{ 'o', CMD_OTHER_REGION, 0, "move the focus between article and pane" },
	{ KEYC_CTRL('l'), CMD_REDRAW, 0, "redraw the screen" },
};
const size_t keymap_nbindings = NITEMS(keymap_bindings);

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

const struct binding *
keymap_lookup(int key)
{
	size_t i;

	for (i = 0; i < keymap_nbindings; i++) {
		if (keymap_bindings[i].key == key)
			return &keymap_bindings[i];
	}
	return NULL;
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
first_of_command(size_t i)
{
	size_t j;

	for (j = 0; j < i; j++) {
		if (keymap_bindings[j].cmd == keymap_bindings[i].cmd)
			return false;
	}
	return true;
}

/*
 * The keys of a command as the help shows them, "j, Down", or "1-9" for a
 * run of three or more keys in a row; and its help note.
 */
static const char *
help_keys(struct buf *b, enum command cmd)
{
	char name[KEYMAP_NAME_MAX];
	const char *help = NULL;
	size_t i, n = 0;
	int first = 0, last = 0;
	bool run = true;

	for (i = 0; i < keymap_nbindings; i++) {
		if (keymap_bindings[i].cmd != cmd)
			continue;
		if (help == NULL)
			help = keymap_bindings[i].help;
		if (n == 0)
			first = keymap_bindings[i].key;
		else if (keymap_bindings[i].key != last + 1)
			run = false;
		last = keymap_bindings[i].key;
		n++;
	}
	if (n > 2 && run) {
		buf_adds(b, keymap_name(first, name));
		buf_addc(b, '-');
		buf_adds(b, keymap_name(last, name));
		return help;
	}
	for (i = 0, n = 0; i < keymap_nbindings; i++) {
		if (keymap_bindings[i].cmd != cmd)
			continue;
		if (n++ > 0)
			buf_adds(b, ", ");
		buf_adds(b, keymap_name(keymap_bindings[i].key, name));
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

char *
keymap_help_text(int width)
{
	static const char *const modes[] = {
		"In the actor index: type to filter (case and accents do not "
		"matter), Up and Down choose, Enter opens, Esc closes.",
		"At the search prompt: Enter searches, Esc cancels.",
		"In the table of contents: j and k choose, Enter opens.",
	};
	struct buf keys, out;
	size_t i, n, ncells = 0, col = 0;
	char **cells;
	const char **helps;
	int indent;

	/* One line per command, where its first key stands in the table. */
	cells = xcalloc(keymap_nbindings, sizeof *cells);
	helps = xcalloc(keymap_nbindings, sizeof *helps);
	buf_init(&keys);
	for (i = 0; i < keymap_nbindings; i++) {
		if (!first_of_command(i))
			continue;
		helps[ncells] = help_keys(&keys, keymap_bindings[i].cmd);
		if (helps[ncells] == NULL)
			helps[ncells] = "";
		if (keys.len > col)
			col = keys.len;
		cells[ncells++] = buf_release(&keys);
	}
	if (width <= 0)
		width = INT32_MAX;
	/* Too narrow for two columns: the help goes under its keys. */
	indent = (int)col + 4;
	if (width - indent < 24)
		indent = 4;

	buf_init(&out);
	for (n = 0; n < ncells; n++) {
		if (indent == 4) {
			buf_printf(&out, "  %s\n    ", cells[n]);
			help_wrap(&out, helps[n], 4, 4, width);
		} else {
			buf_printf(&out, "  %-*s  ", (int)col, cells[n]);
			help_wrap(&out, helps[n], indent, indent, width);
		}
		free(cells[n]);
	}
	free(cells);
	free(helps);
	for (i = 0; i < NITEMS(modes); i++) {
		buf_adds(&out, i == 0 ? "\n  " : "  ");
		help_wrap(&out, modes[i], 2, 2, width);
	}
	return buf_release(&out);
}
