/*
 * Tests of keymap.c: the one key table, its names and its help, and the
 * man page that documents it.
 */
#include "test_common.h"

#include <stdbool.h>
#include <string.h>

#include "keymap.h"
#include "util.h"

static void
keymap_bindings__every_key__bound_once(void **state)
{
	size_t i, j;
	char name[KEYMAP_NAME_MAX];

	(void)state;
	for (i = 0; i < keymap_nbindings; i++) {
		for (j = i + 1; j < keymap_nbindings; j++) {
			if (keymap_bindings[i].key == keymap_bindings[j].key)
				fail_msg("key %s bound twice",
				    keymap_name(keymap_bindings[i].key, name));
		}
	}
}

static void
keymap_bindings__every_command__bound_with_help(void **state)
{
	int cmd;
	size_t i;
	bool found;

	(void)state;
	for (cmd = CMD_NONE + 1; cmd < CMD__COUNT; cmd++) {
		found = false;
		for (i = 0; i < keymap_nbindings; i++) {
			if ((int)keymap_bindings[i].cmd != cmd)
				continue;
			/* The first row of a command carries its help. */
			if (!found) {
				assert_non_null(keymap_bindings[i].help);
				assert_true(strlen(keymap_bindings[i].help) > 5);
			}
			found = true;
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
		bd = keymap_lookup(keymap_parse(contract[i].key));
		if (bd == NULL)
			fail_msg("%s is not bound", contract[i].key);
		assert_int_equal(bd->cmd, contract[i].cmd);
		assert_int_equal(bd->arg, contract[i].arg);
	}
	assert_null(keymap_lookup('Z'));
}

static void
keymap_name__every_bound_key__parses_back(void **state)
{
	char name[KEYMAP_NAME_MAX];
	size_t i;

	(void)state;
	for (i = 0; i < keymap_nbindings; i++) {
		keymap_name(keymap_bindings[i].key, name);
		assert_true(name[0] != '\0');
		assert_int_equal(keymap_parse(name), keymap_bindings[i].key);
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
	size_t i;

	(void)state;
	for (i = 0; i < keymap_nbindings; i++) {
		if (keymap_bindings[i].help != NULL &&
		    strstr(help, keymap_bindings[i].help) == NULL)
			fail_msg("help lacks \"%s\"", keymap_bindings[i].help);
	}
	assert_non_null(strstr(help, "j, Down "));
	assert_non_null(strstr(help, "Backspace, Left "));
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
		assert_non_null(strstr(help, "cancels."));
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
		/* Drop the mdoc escape \& */
		for (p = q = tok; *p != '\0'; p++) {
			if (p[0] == '\\' && p[1] == '&')
				p++;
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
	size_t n = 0, i, j;
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
	for (i = 0; i < keymap_nbindings; i++) {
		keymap_name(keymap_bindings[i].key, name);
		for (j = 0; j < n; j++) {
			if (strcmp(names[j], name) == 0)
				break;
		}
		if (j == n)
			fail_msg("key %s is not in the KEYS section of %s",
			    name, path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(keymap_bindings__every_key__bound_once),
		cmocka_unit_test(keymap_bindings__every_command__bound_with_help),
		cmocka_unit_test(keymap_lookup__design_contract__commands),
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
