/*
 * bench/measure: runs one command and reports what `make bench` records,
 * as "name value" lines on stdout.
 *
 *   measure cpu [--out FILE] [--err FILE] -- CMD [ARG]...
 *	CPU time (user + sys), wall time and peak RSS of CMD, its output
 *	and errors to the files or /dev/null: cpu_ms, wall_ms, rss_kb,
 *	status.
 *   measure frame [--size COLSxROWS] [--until TEXT] [OPTS] -- CMD...
 *	CMD in a pseudo-terminal: the time from the fork to the last byte
 *	of its first complete screen (TEXT seen, then a pause of --gap ms),
 *	frame_ms; to the last byte before the output stays quiet (the
 *	reader has read the whole briefing: its progress is no longer
 *	drawn), quiet_ms; then q: rss_kb, status.
 *   measure keys [--size COLSxROWS] [--until TEXT] [--word WORD] [OPTS]
 *             -- CMD...
 *	The reader in a pseudo-terminal (drawn once TEXT, by default
 *	"section 1/", is on screen), driven through a fixed plan of
 *	keys (see plan[] below), once the output is quiet: one "key NAME
 *	MS" line per press, the time from writing the key to the last byte
 *	of the redraw it causes, or "none" when the reader went back to
 *	sleep without drawing, and a "first NAME MS" line, to the end of
 *	the first burst of output (a pause of --gap ms): what the key shows
 *	at once, as a search shows its first match before the count; then
 *	q: frame_ms, rss_kb (the whole session's peak), status.
 *   OPTS: --idle MS (quiet time that ends a redraw; 100), --gap MS (the
 *	pause that ends a burst of output; 5), --timeout S (longest wait
 *	for a first byte; 120).
 *
 * The child gets TERM=xterm-256color and LC_ALL=C.UTF-8, and none of
 * less's own settings. A redraw's time is taken at its last byte, not at
 * the end of the quiet wait, so --idle changes how long a run takes but
 * not what it reports, as long as a redraw has no pause longer than it.
 */
#define _DEFAULT_SOURCE		/* wait4(), forkpty() */

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

struct opts {
	unsigned short	 cols, rows;
	const char	*until;
	const char	*out;
	const char	*err;
	const char	*word;
	int		 idle_ms;
	int		 gap_ms;
	int		 timeout_s;
	char		**argv;		/* the command */
};

/* A child in a pseudo-terminal and what it has written so far. */
struct session {
	pid_t		 pid;
	int		 fd;
	char		*buf;
	size_t		 n, cap;
	double		 last;		/* when its last byte came, ms */
	int		 eof;
	int		 idle_ms, gap_ms, timeout_s;
};

static void
fail(const char *what)
{
	fprintf(stderr, "measure: %s: %s\n", what, strerror(errno));
	exit(2);
}

static double
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

static double
tv_ms(struct timeval tv)
{
	return tv.tv_sec * 1e3 + tv.tv_usec / 1e3;
}

/* The environment every measured command runs in. */
static void
child_env(void)
{
	static const char *const drop[] = {
		"LESS", "LESSOPEN", "LESSCLOSE", "COLUMNS", "LINES", "TMUX",
		"LANG", "LANGUAGE",
	};
	size_t i;

	for (i = 0; i < sizeof drop / sizeof drop[0]; i++)
		unsetenv(drop[i]);
	setenv("TERM", "xterm-256color", 1);
	setenv("LC_ALL", "C.UTF-8", 1);
	setenv("LESSHISTFILE", "-", 1);
}

static void
report_exit(int status, struct rusage *ru)
{
	printf("rss_kb %ld\n", ru->ru_maxrss);
	printf("status %d\n", WIFEXITED(status) ? WEXITSTATUS(status) :
	    128 + WTERMSIG(status));
}

/* ---- cpu ---------------------------------------------------------------- */

static int
run_cpu(const struct opts *o)
{
	struct rusage ru;
	double t0, wall;
	pid_t pid;
	int status, fd;

	t0 = now_ms();
	if ((pid = fork()) < 0)
		fail("fork");
	if (pid == 0) {
		child_env();
		fd = open(o->out ? o->out : "/dev/null",
		    O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0 || dup2(fd, STDOUT_FILENO) < 0)
			_exit(126);
		fd = open(o->err ? o->err : "/dev/null",
		    O_WRONLY | O_CREAT | O_TRUNC, 0666);
		if (fd < 0 || dup2(fd, STDERR_FILENO) < 0)
			_exit(126);
		if ((fd = open("/dev/null", O_RDONLY)) < 0 ||
		    dup2(fd, STDIN_FILENO) < 0)
			_exit(126);
		execvp(o->argv[0], o->argv);
		_exit(127);
	}
	if (wait4(pid, &status, 0, &ru) < 0)
		fail("wait4");
	wall = now_ms() - t0;
	printf("cpu_ms %.1f\n", tv_ms(ru.ru_utime) + tv_ms(ru.ru_stime));
	printf("wall_ms %.1f\n", wall);
	report_exit(status, &ru);
	return 0;
}

/* ---- sessions in a pseudo-terminal ------------------------------------ */

static void
session_start(struct session *s, const struct opts *o)
{
	struct winsize ws = { o->rows, o->cols, 0, 0 };

	memset(s, 0, sizeof *s);
	s->idle_ms = o->idle_ms;
	s->gap_ms = o->gap_ms;
	s->timeout_s = o->timeout_s;
	if ((s->pid = forkpty(&s->fd, NULL, NULL, &ws)) < 0)
		fail("forkpty");
	if (s->pid == 0) {
		child_env();
		execvp(o->argv[0], o->argv);
		_exit(127);
	}
}

/* Reads what is there; 0 when nothing came within wait_ms. */
static int
session_read(struct session *s, int wait_ms)
{
	struct pollfd p = { s->fd, POLLIN, 0 };
	ssize_t got;
	int rc;

	if (s->eof)
		return 0;
	while ((rc = poll(&p, 1, wait_ms)) < 0 && errno == EINTR)
		;
	if (rc <= 0)
		return 0;
	if (s->n + 65536 > s->cap) {
		s->cap = (s->n + 65536) * 2;
		if ((s->buf = realloc(s->buf, s->cap + 1)) == NULL)
			fail("realloc");
	}
	got = read(s->fd, s->buf + s->n, 65536);
	if (got <= 0) {		/* EIO: the child closed the terminal */
		s->eof = 1;
		return 0;
	}
	s->last = now_ms();
	s->n += (size_t)got;
	s->buf[s->n] = '\0';
	return 1;
}

/* Whether the n bytes at p hold the string s. */
static int
holds(const char *p, size_t n, const char *s)
{
	size_t len = strlen(s), i;

	for (i = 0; i + len <= n; i++)
		if (p[i] == s[0] && memcmp(p + i, s, len) == 0)
			return 1;
	return 0;
}

/* The child's state letter and CPU ticks, from /proc; 0 when unknown. */
static int
child_stat(pid_t pid, char *state, unsigned long long *ticks)
{
	char path[64], buf[1024], *p;
	unsigned long long ut, st;
	size_t n;
	FILE *f;

	snprintf(path, sizeof path, "/proc/%ld/stat", (long)pid);
	if ((f = fopen(path, "r")) == NULL)
		return 0;
	n = fread(buf, 1, sizeof buf - 1, f);
	fclose(f);
	buf[n] = '\0';
	/* Fields 3, 14 and 15: state, utime, stime; the name may hold ')'. */
	if ((p = strrchr(buf, ')')) == NULL ||
	    sscanf(p + 1, " %c %*d %*d %*d %*d %*d %*u %*u %*u %*u %*u %llu %llu",
	    state, &ut, &st) != 3)
		return 0;
	*ticks = ut + st;
	return 1;
}

/*
 * Whether the child has been asleep, using no CPU, for 300 ms: then a
 * key it was sent has been read and drew nothing. *since and *ticks
 * carry the watch from one call to the next, from the time of the key.
 */
static int
child_idle(const struct session *s, double *since, unsigned long long *ticks)
{
	unsigned long long now_ticks;
	char state;

	if (!child_stat(s->pid, &state, &now_ticks))
		return 0;
	if (state != 'S' || now_ticks != *ticks) {
		*ticks = now_ticks;
		*since = now_ms();
		return 0;
	}
	return now_ms() - *since >= 300;
}

/*
 * Waits for output (for 'until' in what comes after byte 'from', when
 * given), then for the output to stay quiet for idle_ms. Returns 0, or
 * -1 when nothing (or not 'until') came before the timeout or, without
 * 'until', before the child went back to sleep without drawing.
 */
static int
session_settle(struct session *s, size_t from, const char *until)
{
	double deadline = now_ms() + s->timeout_s * 1e3, since = now_ms();
	unsigned long long ticks = 0;

	for (;;) {
		if (s->n > from && (until == NULL ||
		    holds(s->buf + from, s->n - from, until)))
			break;
		if (s->eof || now_ms() > deadline ||
		    (until == NULL && child_idle(s, &since, &ticks)))
			return -1;
		session_read(s, 50);
	}
	while (session_read(s, s->idle_ms))
		;
	return 0;
}

/*
 * Waits for output (for 'until' in what comes after byte 'from', when
 * given), then for a pause of gap_ms: the end of the first burst. Returns
 * its last byte's time, or -1 as session_settle.
 */
static double
session_burst(struct session *s, size_t from, const char *until)
{
	double deadline = now_ms() + s->timeout_s * 1e3, since = now_ms();
	unsigned long long ticks = 0;

	while (!(s->n > from && (until == NULL ||
	    holds(s->buf + from, s->n - from, until)))) {
		if (s->eof || now_ms() > deadline ||
		    (until == NULL && child_idle(s, &since, &ticks)))
			return -1;
		session_read(s, 50);
	}
	while (session_read(s, s->gap_ms))
		;
	return s->last;
}

/* q, then the child's exit and its resource use. */
static void
session_end(struct session *s)
{
	struct rusage ru;
	double deadline = now_ms() + 10e3;
	int status, tries = 0;
	pid_t got;

	if (write(s->fd, "q", 1) != 1)
		s->eof = 1;
	for (;;) {
		if ((got = wait4(s->pid, &status, WNOHANG, &ru)) == s->pid)
			break;
		if (got < 0)
			fail("wait4");
		if (!session_read(s, 100) && now_ms() > deadline) {
			/* Still there: Esc and q, then a signal. */
			if (tries++ == 0 && write(s->fd, "\033", 1) == 1) {
				usleep(200000);
				(void)!write(s->fd, "q", 1);
			} else
				kill(s->pid, tries < 3 ? SIGTERM : SIGKILL);
			deadline = now_ms() + 5e3;
		}
		if (s->n > (1u << 20))
			s->n = 0;	/* only the last screens matter */
	}
	close(s->fd);
	free(s->buf);
	report_exit(status, &ru);
}

static int
run_frame(const struct opts *o)
{
	struct session s;
	double t0 = now_ms();

	double first;

	session_start(&s, o);
	if ((first = session_burst(&s, 0, o->until)) < 0)
		printf("frame_ms none\n");
	else {
		printf("frame_ms %.1f\n", first - t0);
		/* Then what is left of the opening, to quiet. */
		if (session_settle(&s, 0, o->until) == 0)
			printf("quiet_ms %.1f\n", s.last - t0);
	}
	fflush(stdout);
	session_end(&s);
	return 0;
}

/* ---- keys -------------------------------------------------------------- */

enum act { KEY, TYPE, RESIZE };

/* One step of the plan: keys to write, measured under a name or not. */
struct step {
	enum act	 act;
	const char	*keys;		/* RESIZE: NULL for the first size */
	const char	*name;		/* NULL: a step that is not measured */
	int		 times;
};

#define WORD_MARK "\x01"		/* stands for --word in TYPE keys */

static const struct step plan[] = {
	/* Down, then up again: a small briefing has few pages. */
	{ KEY, "j", "scroll", 15 }, { KEY, "k", "scroll", 15 },
	{ KEY, " ", "page", 10 }, { KEY, "b", "page", 10 },
	{ KEY, "]", "section", 8 }, { KEY, "[", "section", 7 },
	/* Five times: a reference selected, followed, and back. */
	{ KEY, "]", NULL, 1 }, { KEY, "\t", "tab", 3 },
	{ KEY, "\r", "follow", 1 }, { KEY, "\177", "back", 1 },
	{ KEY, "]", NULL, 1 }, { KEY, "\t", "tab", 3 },
	{ KEY, "\r", "follow", 1 }, { KEY, "\177", "back", 1 },
	{ KEY, "]", NULL, 1 }, { KEY, "\t", "tab", 3 },
	{ KEY, "\r", "follow", 1 }, { KEY, "\177", "back", 1 },
	{ KEY, "]", NULL, 1 }, { KEY, "\t", "tab", 3 },
	{ KEY, "\r", "follow", 1 }, { KEY, "\177", "back", 1 },
	{ KEY, "]", NULL, 1 }, { KEY, "\t", "tab", 3 },
	{ KEY, "\r", "follow", 1 }, { KEY, "\177", "back", 1 },
	/* To sizes whose text widths (93, 72, 65) are new, and back. */
	{ RESIZE, "120x40", "resize", 1 }, { RESIZE, NULL, "resize_back", 1 },
	{ RESIZE, "100x30", "resize", 1 }, { RESIZE, NULL, "resize_back", 1 },
	{ RESIZE, "90x30", "resize", 1 }, { RESIZE, NULL, "resize_back", 1 },
	/* The actor index, opened and closed with Esc. */
	{ KEY, "a", "index", 1 }, { KEY, "\033", NULL, 1 },
	{ KEY, "a", "index", 1 }, { KEY, "\033", NULL, 1 },
	{ KEY, "a", "index", 1 }, { KEY, "\033", NULL, 1 },
	/* Last, as an active search may slow what comes after it: the
	 * expert pane shown and hidden is measured with a search active. */
	{ TYPE, "/", NULL, 1 }, { TYPE, WORD_MARK, NULL, 1 },
	{ KEY, "\r", "search", 1 }, { KEY, "n", "next_match", 5 },
	{ TYPE, "/", NULL, 1 }, { TYPE, WORD_MARK, NULL, 1 },
	{ KEY, "\r", "search", 1 }, { KEY, "n", "next_match", 5 },
	{ TYPE, "/", NULL, 1 }, { TYPE, WORD_MARK, NULL, 1 },
	{ KEY, "\r", "search", 1 }, { KEY, "n", "next_match", 5 },
	{ KEY, "e", "pane", 2 },
};

static void
resize(struct session *s, const struct step *st, const struct opts *o)
{
	struct winsize ws = { o->rows, o->cols, 0, 0 };
	unsigned c, r;

	if (st->keys != NULL && sscanf(st->keys, "%ux%u", &c, &r) == 2) {
		ws.ws_col = (unsigned short)c;
		ws.ws_row = (unsigned short)r;
	}
	/* The kernel sends SIGWINCH to the terminal's foreground group. */
	if (ioctl(s->fd, TIOCSWINSZ, &ws) < 0)
		fail("TIOCSWINSZ");
}

/* Does one step once; prints its time when it is measured. */
static void
step_once(struct session *s, const struct step *st, const struct opts *o)
{
	const char *keys = st->keys;
	size_t from = s->n;
	double t0, first;

	if (st->act == TYPE && strcmp(keys, WORD_MARK) == 0)
		keys = o->word;
	t0 = now_ms();
	if (st->act == RESIZE)
		resize(s, st, o);
	else if (write(s->fd, keys, strlen(keys)) != (ssize_t)strlen(keys))
		fail("write");
	if ((first = session_burst(s, from, NULL)) >= 0 && st->name != NULL)
		printf("first %s %.1f\n", st->name, first - t0);
	if (session_settle(s, from, NULL) < 0) {
		if (st->name != NULL)
			printf("key %s none\n", st->name);
	} else if (st->name != NULL)
		printf("key %s %.1f\n", st->name, s->last - t0);
	fflush(stdout);
}

static int
run_keys(const struct opts *o)
{
	struct session s;
	double t0 = now_ms(), first;
	size_t i;
	int k;

	session_start(&s, o);
	if ((first = session_burst(&s, 0, o->until)) < 0 ||
	    session_settle(&s, 0, o->until) < 0) {
		printf("frame_ms none\n");
		fflush(stdout);
		session_end(&s);
		return 1;
	}
	printf("frame_ms %.1f\n", first - t0);
	for (i = 0; i < sizeof plan / sizeof plan[0] && !s.eof; i++)
		for (k = 0; k < plan[i].times; k++)
			step_once(&s, &plan[i], o);
	session_end(&s);
	return 0;
}

/* ---- the command line --------------------------------------------------- */

static void
usage(void)
{
	fputs("usage: measure cpu [--out FILE] [--err FILE] -- CMD [ARG]...\n"
	    "       measure frame [--size CxR] [--until TEXT] [--idle MS] "
	    "[--gap MS] [--timeout S] -- CMD...\n"
	    "       measure keys [--size CxR] [--until TEXT] [--word WORD] "
	    "[--idle MS] [--gap MS] [--timeout S] -- CMD...\n", stderr);
	exit(2);
}

static void
parse(int argc, char **argv, struct opts *o)
{
	unsigned c, r;
	int i;

	*o = (struct opts){ 160, 50, NULL, NULL, NULL, "corridor", 100, 5, 120,
	    NULL };
	for (i = 2; i < argc && strcmp(argv[i], "--") != 0; i += 2) {
		if (i + 1 >= argc)
			usage();
		if (strcmp(argv[i], "--size") == 0) {
			if (sscanf(argv[i + 1], "%ux%u", &c, &r) != 2)
				usage();
			o->cols = (unsigned short)c;
			o->rows = (unsigned short)r;
		} else if (strcmp(argv[i], "--until") == 0)
			o->until = argv[i + 1];
		else if (strcmp(argv[i], "--out") == 0)
			o->out = argv[i + 1];
		else if (strcmp(argv[i], "--err") == 0)
			o->err = argv[i + 1];
		else if (strcmp(argv[i], "--word") == 0)
			o->word = argv[i + 1];
		else if (strcmp(argv[i], "--idle") == 0)
			o->idle_ms = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--gap") == 0)
			o->gap_ms = atoi(argv[i + 1]);
		else if (strcmp(argv[i], "--timeout") == 0)
			o->timeout_s = atoi(argv[i + 1]);
		else
			usage();
	}
	if (i + 1 >= argc || o->idle_ms <= 0 || o->gap_ms <= 0 ||
	    o->timeout_s <= 0)
		usage();
	o->argv = argv + i + 1;
	/* The plan is for the reader, whose status line says it is drawn. */
	if (strcmp(argv[1], "keys") == 0 && o->until == NULL)
		o->until = "section 1/";
}

int
main(int argc, char **argv)
{
	struct opts o;

	if (argc < 2)
		usage();
	parse(argc, argv, &o);
	/* A child that dies must not take us with it through a write. */
	signal(SIGPIPE, SIG_IGN);
	if (strcmp(argv[1], "cpu") == 0)
		return run_cpu(&o);
	if (strcmp(argv[1], "frame") == 0)
		return run_frame(&o);
	if (strcmp(argv[1], "keys") == 0)
		return run_keys(&o);
	usage();
	return 2;
}
