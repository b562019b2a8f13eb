/*
 * main: options and modes. The only place that prints diagnostics and
 * exits: it loads the briefing, builds the cross-reference index, then
 * lints (--check), lists (--list), prints (--dump, or when stdout is not a
 * terminal that can show the reader) or opens the reader. Every string
 * from outside (paths, arguments, TERM, content) is printed through
 * textsafe; under a locale that is not UTF-8 all output is ASCII; every
 * write to stdout is checked.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <langinfo.h>
#include <locale.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "asciiout.h"
#include "check.h"
#include "content.h"
#include "diag.h"
#include "dump.h"
#include "geometry.h"
#include "load.h"
#include "opening.h"
#include "textsafe.h"
#include "util.h"
#include "view.h"
#include "xref.h"

enum mode { MODE_READ, MODE_DUMP, MODE_CHECK, MODE_LIST };

/* Exit statuses, as in the man page. */
enum { EXIT_CLEAN = 0, EXIT_LINT = 1, EXIT_TROUBLE = 2 };

/* --color=WHEN */
enum color_when { COLOR_AUTO, COLOR_ALWAYS, COLOR_NEVER };

/* Long options without a short form. */
enum { OPT_COLOR = 256, OPT_NO_COLOR, OPT_LINKS, OPT_MEASURE };

struct options {
	enum mode	 mode;
	enum color_when	 color;
	int		 width;		/* 0: not given */
	int		 measure;	/* 0: not given */
	enum link_mode	 links;
	const char	*path;		/* NULL: the first bundled briefing */
};

static const char progname[] = PACKAGE_NAME;

static const struct option longopts[] = {
	{ "dump",	no_argument,		NULL, 'd' },
	{ "check",	no_argument,		NULL, 'c' },
	{ "list",	no_argument,		NULL, 'l' },
	{ "width",	required_argument,	NULL, 'w' },
	{ "color",	optional_argument,	NULL, OPT_COLOR },
	{ "colour",	optional_argument,	NULL, OPT_COLOR },
	{ "no-color",	no_argument,		NULL, OPT_NO_COLOR },
	{ "no-colour",	no_argument,		NULL, OPT_NO_COLOR },
	{ "links",	required_argument,	NULL, OPT_LINKS },
	{ "measure",	required_argument,	NULL, OPT_MEASURE },
	{ "help",	no_argument,		NULL, 'h' },
	{ "version",	no_argument,		NULL, 'V' },
	{ NULL,		0,			NULL, 0 }
};

/* The words --links takes. */
static const struct {
	const char	*word;
	enum link_mode	 mode;
} link_words[] = {
	{ "first", LINKS_FIRST }, { "all", LINKS_ALL },
	{ "explicit", LINKS_EXPLICIT },
};

/* The words --color takes, as GNU ls spells them. */
static const struct {
	const char	*word;
	enum color_when	 when;
} color_words[] = {
	{ "auto", COLOR_AUTO }, { "tty", COLOR_AUTO }, { "if-tty", COLOR_AUTO },
	{ "always", COLOR_ALWAYS }, { "yes", COLOR_ALWAYS },
	{ "force", COLOR_ALWAYS },
	{ "never", COLOR_NEVER }, { "no", COLOR_NEVER }, { "none", COLOR_NEVER },
};

/* Indexed by enum view_terminal: why the reader cannot start there. */
static const char *const terminal_problems[] = {
	NULL,				/* VIEW_TERMINAL_USABLE */
	"is not set",			/* VIEW_TERMINAL_UNSET */
	"is unknown",			/* VIEW_TERMINAL_UNKNOWN */
	"cannot show the reader",	/* VIEW_TERMINAL_DUMB */
};

static void	complain(const char *, ...)
		    __attribute__((format(printf, 1, 2)));
static int	usage_error(const char *, ...)
		    __attribute__((format(printf, 1, 2)));

/* Standard output: stdout, or an ASCII filter over it. */
static FILE *out;
/* Why a write to it failed, when known before finish. */
static int out_errno;

/*
 * "briefing: " and a message on stderr. The whole message goes through
 * textsafe: it may quote a path, an argument or TERM.
 */
static void	vcomplain(const char *, va_list)
		    __attribute__((format(printf, 1, 0)));

static void
vcomplain(const char *fmt, va_list ap)
{
	char *msg, *safe;

	msg = xvasprintf(fmt, ap);
	safe = textsafe_string(msg, strlen(msg), true, NULL);
	fprintf(stderr, "%s: %s\n", progname, safe);
	free(safe);
	free(msg);
}

static void
complain(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcomplain(fmt, ap);
	va_end(ap);
}

/* A complaint about the command line, then the hint; the exit status. */
static int
usage_error(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcomplain(fmt, ap);
	va_end(ap);
	fprintf(stderr, "Try '%s --help' for more information.\n", progname);
	return EXIT_TROUBLE;
}

static void
usage(void)
{
	fprintf(out,
"Usage: %s [OPTION]... [PATH]\n"
"Read an analytical briefing in the terminal.\n"
"\n"
"PATH is a briefing directory (holding briefing.md), a Markdown file, or\n"
"the name of a bundled briefing; without it the first bundled briefing\n"
"opens.\n"
"\n"
"  -d, --dump            print the briefing as text instead of opening the\n"
"                          reader\n"
"  -c, --check           lint the briefing: file:line:col: level: message\n"
"  -l, --list            list the bundled briefings\n"
"  -w, --width=N         lay --dump out for N columns (default: $COLUMNS,\n"
"                          else the terminal's width, else 80)\n"
"      --color[=WHEN]    colour the text: auto (the default), always or\n"
"                          never; --color alone means always\n"
"      --no-color        the same as --color=never (also --no-colour)\n"
"      --links=WHICH     which names in the text are links: first (the\n"
"                          default: the first of each in a paragraph), all,\n"
"                          or explicit (written links only)\n"
"      --measure=N       the reader's article at most N columns wide\n"
"                          (default 80)\n"
"  -h, --help            show this help and exit\n"
"  -V, --version         show the version and exit\n"
"\n"
"When standard output is not a terminal, or the terminal cannot show the\n"
"reader, briefing prints the text as --dump does. With --color=auto,\n"
"colours are used on a terminal that has them, unless NO_COLOR is set.\n"
"Inside the reader, press ? for the keys.\n"
"\n"
"Examples:\n"
"  briefing                        open the bundled briefing\n"
"  briefing --color=always notes.md | less -R\n"
"                                  read a Markdown file in less, in colour\n"
"  briefing --check content/crocus-2024\n"
"                                  lint a briefing before publishing it\n"
"\n"
"Exit status: 0 if OK, 1 if --check found errors, 2 on trouble (usage,\n"
"a missing or unreadable briefing, a failed write).\n"
"See briefing(1) and briefing(5).\n"
"\n"
"Report bugs to: %s\n", progname, PACKAGE_BUGREPORT);
}

static void
version(void)
{
	fprintf(out, "%s %s\n"
	    "Copyright (C) 2026 the briefing authors.\n"
	    "License ISC: permission to use, copy, modify and distribute it "
	    "for any purpose.\n"
	    "This is free software: you are free to change and redistribute "
	    "it.\n"
	    "There is NO WARRANTY, to the extent permitted by law.\n",
	    PACKAGE_NAME, PACKAGE_VERSION);
}

/*
 * The user's locale, never replaced: widths and folding do not depend on
 * it. A character set other than UTF-8 means ASCII output.
 */
static void
set_locale(void)
{
	const char *cs;

	setlocale(LC_ALL, "");
	cs = nl_langinfo(CODESET);
	textsafe_set_ascii(cs == NULL || strcmp(cs, "UTF-8") != 0);
	out = stdout;
	if (textsafe_ascii() && (out = asciiout_open(stdout)) == NULL)
		out = stdout;	/* content is ASCII all the same */
}

/*
 * Flush standard output and say whether every write to it worked. A
 * closed pipe (briefing | head) is not a failure to report.
 */
static int
finish(int status)
{
	bool failed = out_errno != 0 || ferror(stdout);
	int err = out_errno;

	errno = 0;
	if (out != stdout && fclose(out) == EOF) {
		failed = true;
		err = err != 0 ? err : errno;
	}
	errno = 0;
	if (fflush(stdout) == EOF || ferror(stdout)) {
		failed = true;
		err = err != 0 ? err : errno;
	}
	out = stdout;
	if (!failed || err == EPIPE)
		return status;
	if (err != 0)
		complain("write error: %s", strerror(err));
	else
		complain("write error");
	return EXIT_TROUBLE;
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

static bool
parse_links(const char *s, enum link_mode *mode)
{
	size_t i;

	for (i = 0; i < NITEMS(link_words); i++) {
		if (strcmp(s, link_words[i].word) == 0) {
			*mode = link_words[i].mode;
			return true;
		}
	}
	return false;
}

/* --width, else COLUMNS, else the terminal's width, else 80. */
static int
dump_width(int asked)
{
	const char *cols = getenv("COLUMNS");
	struct winsize ws;
	int w;

	if (asked > 0)
		return asked;
	if (cols != NULL && parse_width(cols, &w))
		return w;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	return 80;
}

static bool
no_color_env(void)
{
	const char *nc = getenv("NO_COLOR");

	return nc != NULL && *nc != '\0';
}

static bool
parse_color(const char *arg, enum color_when *when)
{
	size_t i;

	if (arg == NULL) {
		*when = COLOR_ALWAYS;	/* --color alone, as in GNU ls */
		return true;
	}
	for (i = 0; i < NITEMS(color_words); i++) {
		if (strcmp(arg, color_words[i].word) == 0) {
			*when = color_words[i].when;
			return true;
		}
	}
	return false;
}

/* Does arg ("--name=value") give a value to a long option that takes none? */
static bool
value_for_flag(const char *arg)
{
	const char *eq = strchr(arg, '=');
	size_t i, n;

	if (strncmp(arg, "--", 2) != 0 || eq == NULL)
		return false;
	n = (size_t)(eq - arg - 2);
	for (i = 0; longopts[i].name != NULL; i++)
		if (strncmp(longopts[i].name, arg + 2, n) == 0 &&
		    longopts[i].val == optopt &&
		    longopts[i].has_arg == no_argument)
			return true;
	return false;
}

/*
 * getopt_long's complaint in our words: opterr is off, so that nothing
 * names the program by its full path or echoes an argument raw. last is
 * argv[optind - 1]: the option at fault, unless a short one inside a
 * cluster is (then optopt is the letter).
 */
static int
bad_option(int ch, const char *last)
{
	size_t i, n, nfound = 0;

	if (ch == ':')
		return strncmp(last, "--", 2) == 0 ?
		    usage_error("option '%s' requires an argument", last) :
		    usage_error("option requires an argument -- '%c'", optopt);
	if (optopt != 0) {
		if (value_for_flag(last))
			return usage_error("option '%.*s' doesn't allow an "
			    "argument", (int)(strchr(last, '=') - last), last);
		return usage_error("invalid option -- '%c'", optopt);
	}
	n = strcspn(last + 2, "=");
	for (i = 0; longopts[i].name != NULL; i++)
		if (strncmp(longopts[i].name, last + 2, n) == 0)
			nfound++;
	if (nfound > 1)
		return usage_error("option '%.*s' is ambiguous", (int)n + 2,
		    last);
	return usage_error("unrecognized option '%s'", last);
}

/*
 * Options into *o. Returns -1 to go on, or the exit status (--help,
 * --version, a usage error).
 */
static int
parse_options(int argc, char **argv, struct options *o)
{
	int ch, idx;

	opterr = 0;
	while ((ch = getopt_long(argc, argv, ":dclw:hV", longopts, &idx)) != -1) {
		switch (ch) {
		case 'd':
			o->mode = MODE_DUMP;
			break;
		case 'c':
			o->mode = MODE_CHECK;
			break;
		case 'l':
			o->mode = MODE_LIST;
			break;
		case 'w':
			if (!parse_width(optarg, &o->width))
				return usage_error("invalid --width '%s': not a "
				    "width from 1 to 10000", optarg);
			break;
		case OPT_COLOR:
			if (!parse_color(optarg, &o->color))
				return usage_error("invalid argument '%s' for "
				    "'--color': use auto, always or never",
				    optarg);
			break;
		case OPT_NO_COLOR:
			o->color = COLOR_NEVER;
			break;
		case OPT_LINKS:
			if (!parse_links(optarg, &o->links))
				return usage_error("invalid argument '%s' for "
				    "'--links': use all, first or explicit",
				    optarg);
			break;
		case OPT_MEASURE:
			if (!parse_width(optarg, &o->measure) ||
			    o->measure < GEOM_MEASURE_MIN ||
			    o->measure > GEOM_MEASURE_MAX)
				return usage_error("invalid --measure '%s': not a "
				    "width from %d to %d", optarg,
				    GEOM_MEASURE_MIN, GEOM_MEASURE_MAX);
			break;
		case 'h':
			usage();
			return finish(EXIT_CLEAN);
		case 'V':
			version();
			return finish(EXIT_CLEAN);
		default:
			return bad_option(ch, argv[optind - 1]);
		}
	}
	if (argc - optind > 1)
		return usage_error("one briefing at a time");
	o->path = optind < argc ? argv[optind] : NULL;
	return -1;
}

/* Why dir cannot be listed, or NULL when it can. */
static const char *
dir_problem(const char *dir)
{
	struct stat st;

	if (stat(dir, &st) != 0)
		return strerror(errno);
	if (!S_ISDIR(st.st_mode))
		return "not a directory";
	if (access(dir, R_OK | X_OK) != 0)
		return strerror(errno);
	return NULL;
}

static int
list_briefings(void)
{
	struct strlist slugs = { NULL, 0, 0 };
	struct diag_list dl;
	struct briefing *b;
	char *dir = content_dir(), *path, *slug, *title;
	const char *why;
	size_t i;

	if ((why = dir_problem(dir)) != NULL) {
		complain("content directory '%s'%s: %s", dir,
		    content_dir_from_env() ? " (BRIEFING_CONTENT)" : "", why);
		free(dir);
		return finish(EXIT_TROUBLE);
	}
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
		fprintf(out, "%s\t%s\n", slug, title);
		free(title);
		free(slug);
		briefing_free(b);
		diag_list_free(&dl);
		free(path);
	}
	if (slugs.n == 0)
		complain("no briefings in '%s'", dir);
	strlist_free(&slugs);
	free(dir);
	return finish(EXIT_CLEAN);
}

/*
 * With no PATH and several bundled briefings, say which one the reader
 * opens (until there is a picker): on stderr, which shows again after the
 * reader, and in the reader's status line, in the text returned (to
 * free), or NULL.
 */
static char *
say_which_opens(void)
{
	struct strlist slugs = { NULL, 0, 0 };
	char *dir = content_dir(), *hello = NULL;

	content_list(dir, &slugs);
	if (slugs.n > 1) {
		complain("opening '%s', the first of %zu briefings; "
		    "'%s --list' names them", slugs.v[0], slugs.n, progname);
		hello = xasprintf("'%s', the first of %zu briefings: "
		    "'%s --list' names them", slugs.v[0], slugs.n, progname);
	}
	strlist_free(&slugs);
	free(dir);
	return hello;
}

/*
 * Can the reader run on this terminal? When it cannot, say why and go
 * on as --dump does. *colors gets the terminal's colours.
 */
static enum mode
choose_mode(enum mode mode, int *colors)
{
	enum view_terminal t;
	const char *term = getenv("TERM");

	*colors = 0;
	if (!isatty(STDOUT_FILENO))
		return mode == MODE_READ ? MODE_DUMP : mode;	/* | grep */
	t = view_terminal_probe(STDOUT_FILENO, colors);
	if (mode != MODE_READ || t == VIEW_TERMINAL_USABLE)
		return mode;
	if (t == VIEW_TERMINAL_UNSET)
		complain("TERM %s; printing the text", terminal_problems[t]);
	else
		complain("terminal '%s' %s; printing the text", term,
		    terminal_problems[t]);
	return MODE_DUMP;
}

/* Errors in the content, said once; --check lists them with warnings. */
static void
say_errors(const struct diag_list *dl, const char *path)
{
	size_t n = diag_count(dl, DIAG_ERROR);

	if (n > 0)
		complain("%zu error%s in this briefing; '%s --check %s' lists "
		    "them", n, n == 1 ? "" : "s", progname, path);
}

/*
 * Every stage of the opening at once (--check, --dump); false, said, when
 * the briefing went over the budget half-way: as if it had not loaded.
 */
static bool
finish_opening(struct opening *op, struct diag_list *dl)
{
	opening_finish(op);
	if (opening_stage(op) != OPENING_FAILED)
		return true;
	diag_print(stderr, progname, dl);
	return false;
}

/* The reader on the opening; MODE_DUMP when it cannot start. */
static enum mode
read_briefing(const struct options *o, struct opening *op,
    struct diag_list *dl, int *status)
{
	struct view_opts vo = { 0 };
	enum view_status view;
	char *hello = NULL;
	int signo = 0;

	vo.measure = o->measure;
	vo.links = o->links;
	vo.color = o->color == COLOR_ALWAYS ||
	    (o->color == COLOR_AUTO && !no_color_env());
	if (o->path == NULL)
		vo.hello = hello = say_which_opens();
	view = view_run(op, &vo, dl, &signo);
	free(hello);
	switch (view) {
	case VIEW_OK:
		break;
	case VIEW_SIGNALLED:
		/* As shells expect of a program a signal ended. */
		*status = 128 + signo;
		break;
	case VIEW_NO_TERMINAL:
		complain("curses cannot start on this terminal; "
		    "printing the text");
		return MODE_DUMP;
	case VIEW_ERROR:
		diag_print(stderr, progname, dl);
		*status = EXIT_TROUBLE;
		break;
	}
	/* After the reader, where the shell shows it, what was found. */
	if (*status == EXIT_CLEAN && opening_stage(op) == OPENING_FAILED) {
		diag_print(stderr, progname, dl);
		*status = EXIT_TROUBLE;
	} else if (*status == EXIT_CLEAN)
		say_errors(dl, opening_briefing(op)->path);
	return MODE_READ;
}

/* The briefing shown, printed or linted; returns the exit status. */
static int
run(const struct options *o, struct opening *op, struct diag_list *dl)
{
	const struct briefing *b = opening_briefing(op);
	enum mode mode;
	int colors, status = EXIT_CLEAN;

	if (o->mode == MODE_CHECK && !finish_opening(op, dl))
		return EXIT_TROUBLE;
	if (o->mode == MODE_CHECK) {
		check_briefing(b, opening_xref(op), dl);
		diag_sort(dl);
		diag_print(out, NULL, dl);
		return diag_count(dl, DIAG_ERROR) > 0 ? EXIT_LINT : EXIT_CLEAN;
	}
	mode = choose_mode(o->mode, &colors);
	if (mode == MODE_READ)
		mode = read_briefing(o, op, dl, &status);
	if (mode == MODE_DUMP) {
		struct dump_opts d;

		if (!finish_opening(op, dl))
			return EXIT_TROUBLE;
		say_errors(dl, b->path);
		d.width = dump_width(o->width);
		d.links = o->links;
		d.color = o->color == COLOR_ALWAYS ||
		    (o->color == COLOR_AUTO && colors >= 8 && !no_color_env());
		if (dump_briefing(out, b, opening_xref(op), &d) != 0)
			out_errno = errno != 0 ? errno : EIO;
	}
	return status;
}

int
main(int argc, char **argv)
{
	struct options o = { .mode = MODE_READ, .color = COLOR_AUTO,
	    .links = LINKS_FIRST };
	int status;
	struct diag_list dl;
	struct briefing *b;
	struct opening *op;
	char *path;

	set_locale();
	if ((status = parse_options(argc, argv, &o)) >= 0)
		return status;
	if (o.mode == MODE_LIST)
		return list_briefings();

	diag_list_init(&dl);
	op = NULL;
	path = NULL;
	/* As less does: "-", or a pipe with no path, is Markdown on stdin. */
	if (content_wants_stdin(o.path, STDIN_FILENO)) {
		if ((b = briefing_load_fd(STDIN_FILENO, "-", &dl)) != NULL)
			op = opening_of(b, &dl);
	} else if ((path = content_resolve(o.path, &dl)) != NULL)
		op = opening_new(path, &dl);
	free(path);
	if (op == NULL) {
		diag_print(stderr, progname, &dl);
		diag_list_free(&dl);
		return EXIT_TROUBLE;
	}
	status = run(&o, op, &dl);
	opening_free(op);
	diag_list_free(&dl);
	return finish(status);
}
