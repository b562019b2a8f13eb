/*
 * keymap: the one key table of the reader. Each row binds a key to a
 * command (with an argument: the digits carry the expert number) and holds
 * the help note that the `?` screen shows, so help cannot drift from the
 * bindings (tmux's key-bindings.c and nnn's bindings[] are the model). Key
 * names convert both ways. A key is a Unicode code point for a character,
 * or one of the KEYC_* values below for the rest: this module needs no
 * curses, and the view maps curses key codes onto these. Plain C; the
 * reader and the view include it.
 */
#ifndef BRIEFING_KEYMAP_H
#define BRIEFING_KEYMAP_H

#include <stdbool.h>
#include <stddef.h>

/* Keys that are not characters; all above the last code point. */
enum {
	KEYC_NONE = 0,
	KEYC_BASE = 0x110000,
	KEYC_UP = KEYC_BASE,
	KEYC_DOWN,
	KEYC_LEFT,
	KEYC_RIGHT,
	KEYC_PPAGE,
	KEYC_NPAGE,
	KEYC_HOME,
	KEYC_END,
	KEYC_ENTER,
	KEYC_TAB,
	KEYC_BTAB,
	KEYC_BSPACE,	/* Backspace, ^H and DEL as terminals send them */
	KEYC_ESC,
	KEYC__END
};

/* Control keys are their ASCII codes: KEYC_CTRL('l') is ^L. */
#define KEYC_CTRL(c) ((c) & 0x1f)

enum command {
	CMD_NONE,
	CMD_QUIT,
	CMD_HELP,
	CMD_LINE_DOWN,
	CMD_LINE_UP,
	CMD_PAGE_DOWN,
	CMD_PAGE_UP,
	CMD_HALF_DOWN,
	CMD_HALF_UP,
	CMD_TOP,
	CMD_BOTTOM,
	CMD_NEXT_SECTION,
	CMD_PREV_SECTION,
	CMD_TOC,
	CMD_NEXT_REF,
	CMD_PREV_REF,
	CMD_FOLLOW,
	CMD_BACK,
	CMD_FORWARD,
	CMD_EXPERT_PANE,
	CMD_EXPERT,		/* arg: the expert's number, 1-9 */
	CMD_ACTOR_INDEX,
	CMD_SEARCH,
	CMD_SEARCH_NEXT,
	CMD_SEARCH_PREV,
	CMD_CLOSE,
	CMD_OTHER_REGION,
	CMD_REDRAW,
	CMD__COUNT
};

struct binding {
	int		 key;
	enum command	 cmd;
	int		 arg;
	const char	*help;
};

/* The table, in the order the help screen lists it. */
extern const struct binding keymap_bindings[];
extern const size_t keymap_nbindings;

/* The binding of a key, or NULL when the key is not bound. */
const struct binding *keymap_lookup(int key);
/* A command's name, as "scroll-down"; NULL for CMD_NONE or out of range. */
const char *keymap_command_name(enum command);

#define KEYMAP_NAME_MAX 16
/*
 * A key's name into buf (KEYMAP_NAME_MAX bytes), returned: "q", "Space",
 * "Up", "PgDn", "Shift-Tab", "^L", or the character itself in UTF-8.
 * Unknown keys give "".
 */
char	*keymap_name(int key, char *buf);
/* The key a name stands for (also "C-l" for ^L), or KEYC_NONE. */
int	 keymap_parse(const char *name);

/*
 * The help screen: one line per command ("j, Down   scroll down one
 * line"), keys in a padded column, then a few lines on the modes. With
 * width > 0, lines longer than width columns are wrapped, the help of a
 * key indented under its column. Returns a new NUL-terminated text with
 * '\n' after each line.
 */
char	*keymap_help_text(int width);

#endif
