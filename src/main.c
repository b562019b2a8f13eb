/*
 * main: options and modes. The only place that prints diagnostics and
 * exits: it loads the briefing, builds the cross-reference index, then
 * lints (--check), lists (--list), prints (--dump, or stdout not a
 * terminal) or opens the reader.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <limits.h>
#include <locale.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "check.h"
#include "content.h"
#include "diag.h"
#include "dump.h"
#include "load.h"
#include "textsafe.h"
#include "util.h"
#include "view.h"
#include "xref.h"

enum mode { MODE_READ, MODE_DUMP, MODE_CHECK, MODE_LIST };

/* Exit statuses, as in the man page. */
enum { EXIT_CLEAN = 0, EXIT_LINT = 1, EXIT_TROUBLE = 2 };

static const char *progname = "briefing";

static void
usage(FILE *fp)
{
	fprintf(fp,
"Usage: %s [OPTION]... [PATH]\n"
"Read an analytical briefing in the terminal.\n"
"\n"
"PATH is a briefing directory (holding briefing.md), a Markdown file, or\n"
"the name of a bundled briefing; without it the bundled briefing opens.\n"
"\n"
"  -d, --dump        print the briefing as text instead of opening the reader\n"
"  -c, --check       lint the briefing: file:line:col: level: message\n"
"  -l, --list        list the bundled briefings\n"
"  -w, --width=N     lay out for N columns (--dump; default $COLUMNS or 80)\n"
"      --no-color    no colours (also when NO_COLOR is set)\n"
"  -h, --help        show this help and exit\n"
"  -V, --version     show the version and exit\n"
"\n"
"When standard output is not a terminal, briefing behaves as --dump.\n"
"Inside the reader, press ? for the keys.\n"
"\n"
"Exit status: 0 if OK, 1 if --check found errors, 2 on trouble (usage,\n"
"a missing or unreadable briefing).\n"
"See briefing(1) and briefing(5).\n", progname);
}

static void
version(void)
{
	printf("%s %s\n"
	    "Copyright (c) 2026 the briefing authors.\n"
	    "ISC licence: free to use, copy, modify and distribute.\n",
	    PACKAGE_NAME, PACKAGE_VERSION);
}

/* Widths need a UTF-8 LC_CTYPE; content is UTF-8 whatever the locale. */
static void
set_locale(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	if (cs == NULL || (strcmp(cs, "UTF-8") != 0 && strcmp(cs, "utf8") != 0))
		if (setlocale(LC_CTYPE, "C.UTF-8") == NULL)
			setlocale(LC_CTYPE, "en_US.UTF-8");
}

static bool
parse_width(const char *s, int *w)
{
	char *end;
	long v;

	errno = 0;
	v = strtol(s, &end, 10);
	if (errno != 0 || end == s || *end != '\0' || v < 1 || v > 10000)
		return false;
	*w = (int)v;
	return true;
}

static int
default_width(void)
{
	const char *cols = getenv("COLUMNS");
	int w;

	if (cols != NULL && parse_width(cols, &w))
		return w;
	return 80;
}

static int
list_briefings(void)
{
	struct strlist slugs = { NULL, 0, 0 };
	struct diag_list dl;
	struct briefing *b;
	char *dir = content_dir(), *path, *slug, *title;
	size_t i;

	content_list(dir, &slugs);
	for (i = 0; i < slugs.n; i++) {
		diag_list_init(&dl);
		path = xasprintf("%s/%s", dir, slugs.v[i]);
		b = briefing_load(path, &dl);
		/* Titles and directory names are content: made safe. */
		slug = textsafe_string(slugs.v[i], strlen(slugs.v[i]), true,
		    NULL);
		title = textsafe_string(b != NULL ? b->title : "",
		    b != NULL ? strlen(b->title) : 0, true, NULL);
		printf("%s\t%s\n", slug, title);
		free(title);
		free(slug);
		briefing_free(b);
		diag_list_free(&dl);
		free(path);
	}
	if (slugs.n == 0)
		fprintf(stderr, "%s: no briefings in %s\n", progname, dir);
	strlist_free(&slugs);
	free(dir);
	return EXIT_CLEAN;
}

int
main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "dump",	no_argument,		NULL, 'd' },
		{ "check",	no_argument,		NULL, 'c' },
		{ "list",	no_argument,		NULL, 'l' },
		{ "width",	required_argument,	NULL, 'w' },
		{ "no-color",	no_argument,		NULL, 'C' },
		{ "no-colour",	no_argument,		NULL, 'C' },
		{ "help",	no_argument,		NULL, 'h' },
		{ "version",	no_argument,		NULL, 'V' },
		{ NULL,		0,			NULL, 0 }
	};
	enum mode mode = MODE_READ;
	bool color, width_set = false;
	int ch, width = 0, status = EXIT_CLEAN;
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	char *path;
	const char *nc;

	set_locale();
	nc = getenv("NO_COLOR");
	color = nc == NULL || *nc == '\0';
	while ((ch = getopt_long(argc, argv, "dclw:hV", longopts, NULL)) != -1) {
		switch (ch) {
		case 'd':
			mode = MODE_DUMP;
			break;
		case 'c':
			mode = MODE_CHECK;
			break;
		case 'l':
			mode = MODE_LIST;
			break;
		case 'w':
			if (!parse_width(optarg, &width)) {
				fprintf(stderr, "%s: --width: not a width from "
				    "1 to 10000: '%s'\n", progname, optarg);
				return EXIT_TROUBLE;
			}
			width_set = true;
			break;
		case 'C':
			color = false;
			break;
		case 'h':
			usage(stdout);
			return EXIT_CLEAN;
		case 'V':
			version();
			return EXIT_CLEAN;
		default:
			fprintf(stderr, "Try '%s --help' for more.\n", progname);
			return EXIT_TROUBLE;
		}
	}
	if (argc - optind > 1) {
		fprintf(stderr, "%s: one briefing at a time\n"
		    "Try '%s --help' for more.\n", progname, progname);
		return EXIT_TROUBLE;
	}
	if (mode == MODE_LIST)
		return list_briefings();
	if (mode == MODE_READ && !isatty(STDOUT_FILENO))
		mode = MODE_DUMP;	/* as git and less do: briefing | grep */

	diag_list_init(&dl);
	b = NULL;
	path = NULL;
	/* As less does: "-", or a pipe with no path, is Markdown on stdin. */
	if (content_wants_stdin(optind < argc ? argv[optind] : NULL,
	    STDIN_FILENO))
		b = briefing_load_fd(STDIN_FILENO, "-", &dl);
	else if ((path = content_resolve(optind < argc ? argv[optind] : NULL,
	    &dl)) != NULL)
		b = briefing_load(path, &dl);
	if (b == NULL) {
		diag_print(stderr, progname, &dl);
		diag_list_free(&dl);
		free(path);
		return EXIT_TROUBLE;
	}
	free(path);
	x = xref_build(b, &dl);

	if (mode == MODE_CHECK) {
		check_briefing(b, x, &dl);
		diag_sort(&dl);
		diag_print(stdout, NULL, &dl);
		status = diag_count(&dl, DIAG_ERROR) > 0 ? EXIT_LINT : EXIT_CLEAN;
	} else {
		/* Errors in the content are said once, before reading. */
		if (diag_count(&dl, DIAG_ERROR) > 0) {
			fprintf(stderr, "%s: %zu problem(s) in this briefing; "
			    "'%s --check %s' lists them\n", progname,
			    diag_count(&dl, DIAG_ERROR), progname,
			    b->path);
		}
		if (mode == MODE_READ) {
			struct view_opts vo = { color };
			switch (view_run(b, x, &vo, &dl)) {
			case VIEW_OK:
				break;
			case VIEW_NO_TERMINAL:
				mode = MODE_DUMP;
				break;
			case VIEW_ERROR:
				diag_print(stderr, progname, &dl);
				status = EXIT_TROUBLE;
				break;
			}
		}
		if (mode == MODE_DUMP) {
			struct dump_opts d;
			d.width = width_set ? width : default_width();
			d.color = color && isatty(STDOUT_FILENO);
			if (dump_briefing(stdout, b, x, &d) != 0 &&
			    errno != EPIPE) {
				fprintf(stderr, "%s: writing: %s\n", progname,
				    strerror(errno));
				status = EXIT_TROUBLE;
			}
		}
	}
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
	return status;
}
