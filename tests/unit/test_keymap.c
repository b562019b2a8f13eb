/*
 * Tests of keymap.c: the key tables of the modes, key names, the help
 * and hint line made from them, and the man page that documents them.
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "keymap.h"
#include "util.h"

static void
keymap_tables__every_key__bound_once_per_mode(void **state)
{
	const struct keytable *t;
	char name[KEYMAP_NAME_MAX];
	size_t i, j, m;

	(void)state;
	for (m = 0; m < KEYMODE__COUNT; m++) {
		t = &keymap_tables[m];
		for (i = 0; i < t->nrows; i++)
			for (j = i + 1; j < t->nrows; j++)
				if (t->rows[i].key == t->rows[j].key)
					fail_msg("%s: key %s bound twice",
					    t->title, keymap_name(t->rows[i].key,
					    name));
	}
}

static void
keymap_tables__every_command__bound_with_help(void **state)
{
	const struct keytable *t;
	bool found, seen[CMD__COUNT];
	int cmd;
	size_t i, m;

	(void)state;
	for (cmd = CMD_NONE + 1; cmd < CMD__COUNT; cmd++) {
		found = false;
		for (m = 0; m < KEYMODE__COUNT; m++) {
			t = &keymap_tables[m];
			memset(seen, 0, sizeof seen);
			for (i = 0; i < t->nrows; i++) {
				if ((int)t->rows[i].cmd != cmd)
					continue;
				/* The first row of a command in a table
				 * carries its help. */
				if (!seen[cmd]) {
					assert_non_null(t->rows[i].help);
					assert_true(strlen(t->rows[i].help) > 5);
				}
				seen[cmd] = found = true;
			}
		}
		if (!found)
			fail_msg("command %s has no key",
			    keymap_command_name((enum command)cmd));
		assert_non_null(keymap_command_name((enum command)cmd));
	}
}

static void
keymap_lookup__design_contract__commands(void **state)
{
	static const struct {
		const char	*key;
		enum command	 cmd;
		int		 arg;
	} contract[] = {
		{ "q", CMD_QUIT, 0 }, { "?", CMD_HELP, 0 },
		{ "j", CMD_LINE_DOWN, 0 }, { "Down", CMD_LINE_DOWN, 0 },
		{ "k", CMD_LINE_UP, 0 }, { "Up", CMD_LINE_UP, 0 },
		{ "Space", CMD_PAGE_DOWN, 0 }, { "PgDn", CMD_PAGE_DOWN, 0 },
		{ "b", CMD_PAGE_UP, 0 }, { "PgUp", CMD_PAGE_UP, 0 },
		{ "g", CMD_TOP, 0 }, { "Home", CMD_TOP, 0 },
		{ "G", CMD_BOTTOM, 0 }, { "End", CMD_BOTTOM, 0 },
		{ "]", CMD_NEXT_SECTION, 0 }, { "[", CMD_PREV_SECTION, 0 },
		{ "t", CMD_TOC, 0 }, { "Tab", CMD_NEXT_REF, 0 },
		{ "Shift-Tab", CMD_PREV_REF, 0 }, { "Enter", CMD_FOLLOW, 0 },
		{ "Backspace", CMD_BACK, 0 }, { "e", CMD_EXPERT_PANE, 0 },
		{ "1", CMD_EXPERT, 1 }, { "9", CMD_EXPERT, 9 },
		{ "a", CMD_ACTOR_INDEX, 0 }, { "/", CMD_SEARCH, 0 },
		{ "n", CMD_SEARCH_NEXT, 0 }, { "N", CMD_SEARCH_PREV, 0 },
		{ "Esc", CMD_CLOSE, 0 },
	};
	const struct binding *bd;
	size_t i;

	(void)state;
	for (i = 0; i < NITEMS(contract); i++) {
		bd = keymap_lookup(KEYMODE_NORMAL,
		    keymap_parse(contract[i].key), NULL);
		if (bd == NULL)
			fail_msg("%s is not bound", contract[i].key);
		assert_int_equal(bd->cmd, contract[i].cmd);
		assert_int_equal(bd->arg, contract[i].arg);
	}
	assert_null(keymap_lookup(KEYMODE_NORMAL, 'Z', NULL));
}

/* The TOC binds its own keys and reads the rest as the article does. */
static void
keymap_lookup__toc_mode__own_keys_then_fallback(void **state)
{
	const struct binding *bd;
	enum keymode from;

	(void)state;
	bd = keymap_lookup(KEYMODE_TOC, KEYC_ENTER, &from);
	assert_non_null(bd);
	assert_int_equal(from, KEYMODE_TOC);
	assert_int_equal(bd->cmd, CMD_FOLLOW);
	bd = keymap_lookup(KEYMODE_TOC, '/', &from);
	assert_non_null(bd);
	assert_int_equal(from, KEYMODE_NORMAL);
	assert_int_equal(bd->cmd, CMD_SEARCH);
	/* Typing modes have no fallback: '/' is typed there. */
	assert_null(keymap_lookup(KEYMODE_PROMPT, '/', NULL));
	assert_null(keymap_lookup(KEYMODE_INDEX, 'q', NULL));
	assert_true(keymap_tables[KEYMODE_INDEX].typing);
	assert_int_equal(keymap_lookup(KEYMODE_PROMPT, KEYC_CTRL('u'),
	    NULL)->cmd, CMD_CLEAR_INPUT);
}

static void
keymap_hints__modes__labels_and_joined_keys(void **state)
{
	struct hint h[32];
	size_t n, i;
	bool back = false;

	(void)state;
	n = keymap_hints(KEYMODE_TOC, h, NITEMS(h));
	assert_true(n >= 3);
	assert_string_equal(h[0].keys, "j/k");
	assert_string_equal(h[0].label, "choose");
	for (i = 0; i < n; i++)
		back |= strcmp(h[i].keys, "Esc") == 0 &&
		    strcmp(h[i].label, "back") == 0;
	assert_true(back);
	n = keymap_hints(KEYMODE_NORMAL, h, NITEMS(h));
	assert_string_equal(h[0].keys, "q");
	assert_string_equal(h[0].label, "quit");
	assert_int_equal(h[0].rank, 0);
	/* At most max. */
	assert_int_equal(keymap_hints(KEYMODE_NORMAL, h, 2), 2);
}

static void
keymap_name__every_bound_key__parses_back(void **state)
{
	const struct keytable *t;
	char name[KEYMAP_NAME_MAX];
	size_t i, m;

	(void)state;
	for (m = 0; m < KEYMODE__COUNT; m++) {
		t = &keymap_tables[m];
		for (i = 0; i < t->nrows; i++) {
			keymap_name(t->rows[i].key, name);
			assert_true(name[0] != '\0');
			assert_int_equal(keymap_parse(name), t->rows[i].key);
		}
	}
}

static void
keymap_name__special_keys__readable_names(void **state)
{
	char name[KEYMAP_NAME_MAX];

	(void)state;
	assert_string_equal(keymap_name(KEYC_BTAB, name), "Shift-Tab");
	assert_string_equal(keymap_name(' ', name), "Space");
	assert_string_equal(keymap_name(KEYC_CTRL('l'), name), "^L");
	assert_string_equal(keymap_name(KEYC_NPAGE, name), "PgDn");
	assert_string_equal(keymap_name(0xe9, name), "é");
	assert_string_equal(keymap_name(-1, name), "");
}

static void
keymap_parse__other_spellings__same_keys(void **state)
{
	(void)state;
	assert_int_equal(keymap_parse("C-l"), KEYC_CTRL('l'));
	assert_int_equal(keymap_parse("^l"), KEYC_CTRL('l'));
	assert_int_equal(keymap_parse("BTab"), KEYC_BTAB);
	assert_int_equal(keymap_parse("escape"), KEYC_ESC);
	assert_int_equal(keymap_parse("é"), 0xe9);
	assert_int_equal(keymap_parse(""), KEYC_NONE);
	assert_int_equal(keymap_parse("NoSuchKey"), KEYC_NONE);
}

static void
keymap_help_text__every_command__one_line_with_keys(void **state)
{
	char *help = keymap_help_text(0);
	const struct keytable *t;
	size_t i, m;

	(void)state;
	for (m = 0; m < KEYMODE__COUNT; m++) {
		t = &keymap_tables[m];
		if (strstr(help, t->title) == NULL)
			fail_msg("help lacks the heading \"%s\"", t->title);
		for (i = 0; i < t->nrows; i++)
			if (t->rows[i].help != NULL &&
			    strstr(help, t->rows[i].help) == NULL)
				fail_msg("help lacks \"%s\"", t->rows[i].help);
	}
	assert_non_null(strstr(help, "j, Down "));
	assert_non_null(strstr(help, "Backspace, Left "));
	/* The search prompt's keys: ^U is listed with its help. */
	assert_non_null(strstr(help, "^U "));
	/* The nine digits make one line. */
	assert_non_null(strstr(help, "1-9 "));
	assert_null(strstr(help, "5, 6"));
	free(help);
}

static void
keymap_help_text__narrow__lines_fit_and_words_kept(void **state)
{
	static const int widths[] = { 70, 40, 20 };
	char *help, *line, *next;
	size_t i, nlines;

	(void)state;
	for (i = 0; i < NITEMS(widths); i++) {
		help = keymap_help_text(widths[i]);
		nlines = 0;
		for (line = help; (next = strchr(line, '\n')) != NULL;
		    line = next + 1) {
			if (next - line > widths[i])
				fail_msg("%.*s: longer than %d", (int)(next - line),
				    line, widths[i]);
			nlines++;
		}
		/* Every binding's last word is still there. */
		assert_non_null(strstr(help, "jump"));
		assert_non_null(strstr(help, "Shift-Tab"));
		assert_non_null(strstr(help, "pattern)"));
		assert_true(nlines > 28);
		free(help);
	}
}

/* Add the keys named on a line of the KEYS section ("Ic 1-9" too). */
static void
man_keys(const char *line, char names[][KEYMAP_NAME_MAX], size_t *n,
    size_t max)
{
	char copy[256], *tok, *save, *p, *q;
	bool ic = false;

	snprintf(copy, sizeof copy, "%s", line);
	for (tok = strtok_r(copy, " \t\n", &save); tok != NULL;
	    tok = strtok_r(NULL, " \t\n", &save)) {
		if (strcmp(tok, "Ic") == 0) {
			ic = true;
			continue;
		}
		if (!ic)
			continue;
		ic = false;
		/* Drop the mdoc escape \& and read \- as a minus. */
		for (p = q = tok; *p != '\0'; p++) {
			if (p[0] == '\\' && p[1] == '&')
				p++;
			else if (p[0] == '\\' && p[1] == '-')
				*q++ = *++p;
			else
				*q++ = *p;
		}
		*q = '\0';
		if (strlen(tok) == 3 && tok[1] == '-' && tok[0] < tok[2]) {
			for (char c = tok[0]; c <= tok[2] && *n < max; c++) {
				names[*n][0] = c;
				names[(*n)++][1] = '\0';
			}
		} else if (*n < max && strlen(tok) < KEYMAP_NAME_MAX)
			snprintf(names[(*n)++], KEYMAP_NAME_MAX, "%s", tok);
	}
}

static void
keymap_bindings__every_key__named_in_man_page(void **state)
{
	static char names[512][KEYMAP_NAME_MAX];
	const char *top = getenv("top_srcdir");
	char path[4096], line[256], name[KEYMAP_NAME_MAX];
	const struct keytable *t;
	size_t n = 0, i, j, m;
	bool in_keys = false;
	FILE *fp;

	(void)state;
	snprintf(path, sizeof path, "%s/man/briefing.1.in", top ? top : ".");
	fp = fopen(path, "r");
	if (fp == NULL)
		fail_msg("cannot open %s", path);
	while (fgets(line, sizeof line, fp) != NULL) {
		if (strncmp(line, ".Sh ", 4) == 0)
			in_keys = strncmp(line, ".Sh KEYS", 8) == 0;
		else if (in_keys && strncmp(line, ".It ", 4) == 0)
			man_keys(line, names, &n, NITEMS(names));
	}
	fclose(fp);
	assert_true(n > 0);
	for (m = 0; m < KEYMODE__COUNT; m++) {
		t = &keymap_tables[m];
		for (i = 0; i < t->nrows; i++) {
			keymap_name(t->rows[i].key, name);
			for (j = 0; j < n; j++) {
				if (strcmp(names[j], name) == 0)
					break;
			}
			if (j == n)
				fail_msg("%s: key %s is not in the KEYS section "
				    "of %s", t->title, name, path);
		}
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keymap_tables__every_key__bound_once_per_mode),
		cmocka_unit_test(keymap_tables__every_command__bound_with_help),
		cmocka_unit_test(keymap_lookup__design_contract__commands),
		cmocka_unit_test(keymap_lookup__toc_mode__own_keys_then_fallback),
		cmocka_unit_test(keymap_hints__modes__labels_and_joined_keys),
		cmocka_unit_test(keymap_name__every_bound_key__parses_back),
		cmocka_unit_test(keymap_name__special_keys__readable_names),
		cmocka_unit_test(keymap_parse__other_spellings__same_keys),
		cmocka_unit_test(keymap_help_text__every_command__one_line_with_keys),
		cmocka_unit_test(keymap_help_text__narrow__lines_fit_and_words_kept),
		cmocka_unit_test(keymap_bindings__every_key__named_in_man_page),
	};

	test_setlocale();
	return cmocka_run_group_tests(tests, NULL, NULL);
}
