#include "confine.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "util.h"

/* Where a walk stands: the directories it went through, and what remains. */
struct walk {
	int	 fd[CONFINE_MAX_DEPTH + 1];	/* fd[0]: the root, not ours */
	int	 depth;
	char	*path;		/* owned */
	size_t	 pos;		/* next byte of path to walk */
	struct confine_result *res;
};

static void
walk_fail(struct walk *w, enum confine_status status, int err)
{
	w->res->status = status;
	w->res->err = err;
}

/* Does only '/' (or nothing) follow? */
static bool
rest_is_empty(const char *s)
{
	while (*s == '/')
		s++;
	return *s == '\0';
}

/* Replace the link `name` by its target, read relative to where it stands. */
static bool
walk_follow(struct walk *w, const char *name)
{
	char target[PATH_MAX], *path;
	ssize_t n;

	if (++w->res->links > CONFINE_MAX_LINKS) {
		walk_fail(w, CONFINE_ERRNO, ELOOP);
		return false;
	}
	if ((n = readlinkat(w->fd[w->depth], name, target,
	    sizeof target)) == -1) {
		walk_fail(w, CONFINE_ERRNO, errno);
		return false;
	}
	if ((size_t)n == sizeof target) {
		walk_fail(w, CONFINE_ERRNO, ENAMETOOLONG);
		return false;
	}
	target[n] = '\0';
	if (n == 0) {
		walk_fail(w, CONFINE_ERRNO, ENOENT);
		return false;
	}
	if (target[0] == '/') {
		walk_fail(w, CONFINE_ABSOLUTE, 0);
		return false;
	}
	path = xasprintf("%s/%s", target, w->path + w->pos);
	free(w->path);
	w->path = path;
	w->pos = 0;
	return true;
}

static bool
walk_descend(struct walk *w, const char *name)
{
	int fd;

	if (w->depth == CONFINE_MAX_DEPTH) {
		walk_fail(w, CONFINE_ERRNO, ELOOP);
		return false;
	}
	/* O_NOFOLLOW: a directory swapped for a link since fstatat fails. */
	if ((fd = openat(w->fd[w->depth], name, O_RDONLY | O_DIRECTORY |
	    O_NOFOLLOW | O_CLOEXEC)) == -1) {
		walk_fail(w, CONFINE_ERRNO, errno);
		return false;
	}
	w->fd[++w->depth] = fd;
	return true;
}

static bool
walk_ascend(struct walk *w)
{
	if (w->depth == 0) {
		walk_fail(w, CONFINE_OUTSIDE, 0);
		return false;
	}
	close(w->fd[w->depth--]);
	return true;
}

/*
 * Open the entry `name` of the current directory, whose fstatat is *seen,
 * as the kind wanted; the open descriptor must be the inode seen.
 */
static int
walk_open(struct walk *w, const char *name, const struct stat *seen,
    enum confine_want want, struct stat *st)
{
	int fd, flags;

	if (S_ISDIR(seen->st_mode) && want == CONFINE_FILE) {
		walk_fail(w, CONFINE_IS_DIR, 0);
		return -1;
	}
	if (S_ISREG(seen->st_mode) && want == CONFINE_DIR) {
		walk_fail(w, CONFINE_NOT_DIR, 0);
		return -1;
	}
	if (!S_ISDIR(seen->st_mode) && !S_ISREG(seen->st_mode)) {
		walk_fail(w, CONFINE_SPECIAL, 0);
		return -1;
	}
	flags = O_RDONLY | O_NOFOLLOW | O_CLOEXEC | (want == CONFINE_DIR ?
	    O_DIRECTORY : O_NONBLOCK | O_NOCTTY);
	if ((fd = openat(w->fd[w->depth], name, flags)) == -1) {
		walk_fail(w, CONFINE_ERRNO, errno);
		return -1;
	}
	if (fstat(fd, st) == -1) {
		walk_fail(w, CONFINE_ERRNO, errno);
		close(fd);
		return -1;
	}
	if (st->st_dev != seen->st_dev || st->st_ino != seen->st_ino ||
	    (st->st_mode & S_IFMT) != (seen->st_mode & S_IFMT)) {
		walk_fail(w, CONFINE_CHANGED, 0);
		close(fd);
		return -1;
	}
	return fd;
}

/* The path named the directory the walk stands in. */
static int
walk_open_here(struct walk *w, enum confine_want want, struct stat *st)
{
	struct stat seen;

	if (fstat(w->fd[w->depth], &seen) == -1) {
		walk_fail(w, CONFINE_ERRNO, errno);
		return -1;
	}
	return walk_open(w, ".", &seen, want, st);
}

/*
 * One component of the path: ".", "..", a link to follow, a directory to
 * go into, or the last entry to open (returned; -2 means go on).
 */
static int
walk_step(struct walk *w, const char *name, bool last, enum confine_want want,
    struct stat *st)
{
	struct stat seen;

	if (strcmp(name, ".") == 0)
		return -2;
	if (strcmp(name, "..") == 0)
		return walk_ascend(w) ? -2 : -1;
	if (fstatat(w->fd[w->depth], name, &seen, AT_SYMLINK_NOFOLLOW) == -1) {
		walk_fail(w, CONFINE_ERRNO, errno);
		return -1;
	}
	if (S_ISLNK(seen.st_mode))
		return walk_follow(w, name) ? -2 : -1;
	if (last)
		return walk_open(w, name, &seen, want, st);
	if (!S_ISDIR(seen.st_mode)) {
		walk_fail(w, CONFINE_ERRNO, ENOTDIR);
		return -1;
	}
	return walk_descend(w, name) ? -2 : -1;
}

int
confine_open(int root, const char *rel, enum confine_want want,
    struct stat *st, struct confine_result *res)
{
	struct walk w;
	size_t start;
	char *name;
	int fd = -2;

	memset(res, 0, sizeof *res);
	if (rel[0] == '/') {
		res->status = CONFINE_ABSOLUTE;
		return -1;
	}
	memset(&w, 0, sizeof w);
	w.fd[0] = root;
	w.path = xstrdup(rel);
	w.res = res;
	while (fd == -2) {
		while (w.path[w.pos] == '/')
			w.pos++;
		if (w.path[w.pos] == '\0') {
			fd = walk_open_here(&w, want, st);
			break;
		}
		start = w.pos;
		while (w.path[w.pos] != '\0' && w.path[w.pos] != '/')
			w.pos++;
		name = xstrndup(w.path + start, w.pos - start);
		fd = walk_step(&w, name, rest_is_empty(w.path + w.pos), want,
		    st);
		free(name);
	}
	while (w.depth > 0)
		close(w.fd[w.depth--]);
	free(w.path);
	return fd;
}

int
confine_open_in(int root, int dir, const char *rel, enum confine_want want,
    struct stat *st, struct confine_result *res)
{
	const char *name = strrchr(rel, '/');
	struct stat seen;
	struct walk w;

	if (name == NULL || rel[0] == '/' || strcmp(name + 1, ".") == 0 ||
	    strcmp(name + 1, "..") == 0 || name[1] == '\0' ||
	    fstatat(dir, name + 1, &seen, AT_SYMLINK_NOFOLLOW) == -1 ||
	    S_ISLNK(seen.st_mode))
		return confine_open(root, rel, want, st, res);
	memset(res, 0, sizeof *res);
	memset(&w, 0, sizeof w);
	w.fd[0] = dir;
	w.res = res;
	return walk_open(&w, name + 1, &seen, want, st);
}

/* Indexed by enum confine_status; CONFINE_ERRNO says strerror. */
static const char *const confine_whys[] = {
	"no error",					/* OK */
	NULL,						/* ERRNO */
	"a symbolic link that leads outside the briefing", /* OUTSIDE */
	"a symbolic link to an absolute path (only relative links that "
	    "stay inside the briefing are followed)",	/* ABSOLUTE */
	"not a regular file",				/* SPECIAL */
	"a directory, not a file",			/* IS_DIR */
	"not a directory",				/* NOT_DIR */
	"the file changed while it was being opened",	/* CHANGED */
};

const char *
confine_why(const struct confine_result *res)
{
	if (res->status == CONFINE_ERRNO ||
	    (size_t)res->status >= NITEMS(confine_whys))
		return strerror(res->err);
	return confine_whys[res->status];
}
