#include "content.h"

#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

#ifndef BRIEFING_PKG_CONTENT
#define BRIEFING_PKG_CONTENT "/usr/local/share/briefing/content"
#endif
#define CONTENT_ENV	"BRIEFING_CONTENT"

bool
content_dir_from_env(void)
{
	const char *env = getenv(CONTENT_ENV);

	return env != NULL && *env != '\0';
}

char *
content_dir(void)
{
	return xstrdup(content_dir_from_env() ? getenv(CONTENT_ENV) :
	    BRIEFING_PKG_CONTENT);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

void
content_list(const char *dir, struct strlist *slugs)
{
	DIR *d;
	struct dirent *de;
	struct stat st;
	char *path;

	if ((d = opendir(dir)) == NULL)
		return;
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = xasprintf("%s/%s/briefing.md", dir, de->d_name);
		if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
			strlist_add(slugs, de->d_name);
		free(path);
	}
	closedir(d);
	if (slugs->n > 1)	/* slugs->v is NULL when empty */
		qsort(slugs->v, slugs->n, sizeof *slugs->v, cmp_str);
}

/* Why the content directory dir gave no briefing. */
static void
content_none(const char *dir, struct diag_list *dl)
{
	bool env = content_dir_from_env();
	const char *named = env ? " named by " CONTENT_ENV : "";
	const char *advice = env ? "" : ", or set " CONTENT_ENV;
	struct stat st;

	if (stat(dir, &st) != 0)
		diag_add(dl, DIAG_FATAL, dir, 0, 0, "content directory%s: %s; "
		    "give a briefing directory or a Markdown file%s", named,
		    strerror(errno), advice);
	else if (!S_ISDIR(st.st_mode))
		diag_add(dl, DIAG_FATAL, dir, 0, 0, "content directory%s: not "
		    "a directory; give a briefing directory or a Markdown "
		    "file%s", named, advice);
	else
		diag_add(dl, DIAG_FATAL, dir, 0, 0, "no briefing in the content "
		    "directory%s; give a briefing directory or a Markdown "
		    "file%s", named, advice);
}

bool
content_wants_stdin(const char *arg, int fd)
{
	struct pollfd p;
	struct stat st;
	int n;

	if (arg != NULL)
		return strcmp(arg, "-") == 0;
	if (isatty(fd) || fstat(fd, &st) == -1)
		return false;
	if (S_ISREG(st.st_mode))
		return st.st_size > 0;
	if (!S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode))
		return false;
	/*
	 * Wait, as the read would, for data or the writer's end: a pipe
	 * closed with nothing in it is no input (make -j gives its jobs
	 * such a stdin, and `true | briefing` is one too).
	 */
	p.fd = fd;
	p.events = POLLIN;
	while ((n = poll(&p, 1, -1)) == -1 && errno == EINTR)
		;
	return !(n == 1 && (p.revents & POLLHUP) && !(p.revents & POLLIN));
}

char *
content_resolve(const char *arg, struct diag_list *dl)
{
	struct strlist slugs = { NULL, 0, 0 };
	struct stat st;
	char *dir, *path = NULL;
	int err;

	if (arg != NULL) {
		if (stat(arg, &st) == 0)
			return xstrdup(arg);
		err = errno;
		/* A bare word may be the slug of a bundled briefing. */
		if (strchr(arg, '/') == NULL && model_valid_id(arg)) {
			dir = content_dir();
			path = xasprintf("%s/%s", dir, arg);
			free(dir);
			if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
				return path;
			free(path);
		}
		diag_add(dl, DIAG_FATAL, arg, 0, 0, "%s", strerror(err));
		return NULL;
	}
	dir = content_dir();
	content_list(dir, &slugs);
	if (slugs.n > 0)
		path = xasprintf("%s/%s", dir, slugs.v[0]);
	else
		content_none(dir, dl);
	strlist_free(&slugs);
	free(dir);
	return path;
}
