/*
 * keymap: the key tables of the reader, one per mode. Each row binds a
 * key to a command and holds the help note that the `?` screen shows and
 * the label of the hint line, so neither can drift from the bindings
 * (tmux's key tables per mode and nnn's bindings[] are the model). Key
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
	CMD_DELETE_CHAR,	/* typing modes: the last character */
	CMD_CLEAR_INPUT,	/* typing modes: all of it */
	CMD_HINTS,		/* label the references shown */
	CMD_EXPERT_LIST,	/* the experts, with numbers, in the pane */
	CMD_LINKS,		/* cycle which names are references */
	CMD_MEASURE_WIDER,
	CMD_MEASURE_NARROWER,
	CMD__COUNT
};

/*
 * The modes, each with its table. The table of contents is a mode of
 * its own while it has the focus; keys it does not bind are read as in
 * the article (its fallback). In the typing modes (actor index, search
 * prompt) a key that is a character and is not bound is typed.
 */
enum keymode {
	KEYMODE_NORMAL,
	KEYMODE_TOC,
	KEYMODE_INDEX,
	KEYMODE_PROMPT,
	KEYMODE_HELP,
	KEYMODE_HINTS,
	KEYMODE__COUNT
};

/*
 * One row: a key, its command (with an argument: the digits carry the
 * expert number) and the help note the `?` screen shows; the first row
 * of a command carries the note. A row with a hint label puts the key
 * on the hint line, ranked (0 first, dropped last); a row that `joins`
 * adds its key to the hint of the row before it ("j/k choose"). A hint
 * with a partner command shows only with the partner's ("Tab ref" is no
 * use without "Enter follow").
 */
struct binding {
	int		 key;
	enum command	 cmd;
	int		 arg;
	const char	*help;
	const char	*hint;
	int		 rank;
	bool		 joins;
	enum command	 partner;	/* CMD_NONE: none */
};

struct keytable {
	const char		*title;		/* the help screen's heading */
	const struct binding	*rows;		/* in the help screen's order */
	size_t			 nrows;
	bool			 typing;	/* characters are typed */
	enum keymode		 fallback;	/* KEYMODE__COUNT: none */
};

/* Indexed by enum keymode. */
extern const struct keytable keymap_tables[KEYMODE__COUNT];

/*
 * The binding of a key in a mode, then in its fallback; NULL when the key
 * is bound in neither. *from (may be NULL) gets the mode whose table
 * bound it.
 */
const struct binding *keymap_lookup(enum keymode, int key,
	    enum keymode *from);
/* A command's name, as "scroll-down"; NULL for CMD_NONE or out of range. */
const char *keymap_command_name(enum command);
/* Does the command move (a line, a page, half a page, to an end)? */
bool	 keymap_is_motion(enum command);
/*
 * A cursor in a list of n rows shown h at a time, moved by a motion
 * command; other commands leave it where it is.
 */
size_t	 keymap_move(size_t cur, size_t n, size_t h, enum command);
/* Is the key a character that a typing mode types? */
bool	 keymap_is_text(int key);

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
 * The help screen: for each mode its heading, then one line per command
 * ("j, Down   scroll down one line"), keys in a padded column. With
 * width > 0, lines longer than width columns are wrapped, the help of a
 * key indented under its column. Returns a new NUL-terminated text with
 * '\n' after each line.
 */
char	*keymap_help_text(int width);

/* One entry of a hint line: "j/k" and "choose". */
struct hint {
	char		 keys[2 * KEYMAP_NAME_MAX + 1];
	const char	*label;
	int		 rank;
	enum command	 cmd;
	enum command	 partner;
};
/*
 * The hints of a mode (not of its fallback), in the table's order, into
 * out (at most max); returns how many.
 */
size_t	 keymap_hints(enum keymode, struct hint *out, size_t max);

#endif
