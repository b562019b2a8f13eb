/*
 * loadjob: a briefing from a path. A directory is read in steps: its
 * article (briefing.md, timeline.md) first, then the experts' and actors'
 * files, some at a time; a lone Markdown file at once.
 */
#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "confine.h"
#include "load_int.h"
#include "util.h"

/* Files the experts' and the actors' directories hold, in turn. */
enum { KIND_EXPERTS, KIND_ACTORS, KIND__COUNT };

static const char *const kind_dir[KIND__COUNT] = { "experts", "actors" };

struct load_job {
	struct loader	 l;
	char		*dir;			/* the directory, or NULL */
	struct strlist	 ids[KIND__COUNT];	/* sorted */
	int		 fd[KIND__COUNT];	/* each directory, or -1 */
	int		 kind;			/* being read; KIND__COUNT: done */
	size_t		 next;			/* the next id of that kind */
	size_t		 read, total;		/* files */
};

/* ---- a directory -------------------------------------------------------- */

static char *
path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/* Was the path simply not there (no link followed to get there)? */
static bool
absent(const struct confine_result *res)
{
	return res->status == CONFINE_ERRNO && res->err == ENOENT &&
	    res->links == 0;
}

/*
 * Read the file rel of the directory, refusing what confine refuses (dir,
 * when not -1, is the subdirectory that holds it, opened already); it
 * costs LOAD_FILE_COST unless its listing paid. Returns the text, or
 * NULL: when the file is absent (*missing set, if given, and nothing
 * said), refused, unreadable, empty or not text (said at level), or over
 * the budget (l->failed).
 */
static char *
dir_read(struct loader *l, int dir, const char *rel, const char *path,
    bool paid, enum diag_level level, bool *missing, size_t *len)
{
	struct confine_result res;
	struct stat st;
	char *text = NULL, *msg;
	int fd;

	fd = dir != -1 ? confine_open_in(l->root, dir, rel, CONFINE_FILE, &st,
	    &res) : confine_open(l->root, rel, CONFINE_FILE, &st, &res);
	if (fd == -1) {
		if (missing != NULL && absent(&res)) {
			*missing = true;
			return NULL;
		}
		msg = xasprintf("cannot read: %s", confine_why(&res));
		loader_say(l, level, path, msg);
		free(msg);
		return NULL;
	}
	*len = 0;
	if ((paid || loader_take(l, path, LOAD_FILE_COST)) &&
	    textfile_read(fd, path, false, &l->budget, level, &text, len,
	    l->dl) == TEXTFILE_OVER)
		l->failed = true;
	close(fd);
	if (text != NULL && !loader_accept(l, path, text, *len, level)) {
		free(text);
		text = NULL;
	}
	return text;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/*
 * The ids of the .md files in the subdirectory sub, sorted; a missing
 * directory has none. Each entry costs LOAD_FILE_COST when listed, so a
 * directory of millions fails early.
 */
static void
dir_list(struct loader *l, const char *sub, struct strlist *ids)
{
	struct confine_result res;
	struct stat st;
	struct dirent *de;
	char *dirpath = path_join(l->dir, sub), *path, *id, *msg;
	size_t n;
	DIR *d = NULL;
	int fd;

	if ((fd = confine_open(l->root, sub, CONFINE_DIR, &st, &res)) == -1) {
		if (!absent(&res)) {
			msg = xasprintf("cannot read: %s", confine_why(&res));
			loader_say(l, DIAG_ERROR, dirpath, msg);
			free(msg);
		}
	} else if ((d = fdopendir(fd)) == NULL) {
		diag_add(l->dl, DIAG_ERROR, dirpath, 0, 0, "cannot read: %s",
		    strerror(errno));
		close(fd);
	}
	while (d != NULL && !l->failed && (errno = 0,
	    de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n <= 3 || strcmp(de->d_name + n - 3, ".md") != 0 ||
		    de->d_name[0] == '.')
			continue;
		path = path_join(dirpath, de->d_name);
		id = xstrndup(de->d_name, n - 3);
		if (loader_take(l, path, LOAD_FILE_COST) &&
		    loader_valid_id(l, path, id))
			strlist_add(ids, id);
		free(id);
		free(path);
	}
	if (d != NULL && errno != 0 && !l->failed)
		diag_add(l->dl, DIAG_ERROR, dirpath, 0, 0, "cannot read: %s",
		    strerror(errno));
	if (d != NULL)
		closedir(d);
	free(dirpath);
	if (ids->n > 1)
		qsort(ids->v, ids->n, sizeof *ids->v, cmp_str);
}

/*
 * A file named on the command line: the user chose it, so a link is
 * followed and a FIFO read (process substitution), but a device or a
 * socket is not opened.
 */
static struct briefing *
load_file(const char *path, const struct stat *seen, struct diag_list *dl)
{
	struct briefing *b;
	struct stat st;
	int fd;

	if (!S_ISREG(seen->st_mode) && !S_ISFIFO(seen->st_mode)) {
		diag_add(dl, DIAG_FATAL, path, 0, 0, "cannot read: not a "
		    "regular file");
		return NULL;
	}
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC |
	    (S_ISREG(seen->st_mode) ? O_NONBLOCK : 0))) == -1 ||
	    fstat(fd, &st) == -1) {
		diag_add(dl, DIAG_FATAL, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if ((st.st_mode & S_IFMT) != (seen->st_mode & S_IFMT)) {
		diag_add(dl, DIAG_FATAL, path, 0, 0, "cannot read: the file "
		    "changed while it was being opened");
		close(fd);
		return NULL;
	}
	b = briefing_load_fd(fd, path, dl);
	close(fd);
	return b;
}


/* The ids of a kind listed, its directory opened, room made for them. */
static void
job_list(struct load_job *j, int kind)
{
	struct confine_result res;
	struct stat st;

	dir_list(&j->l, kind_dir[kind], &j->ids[kind]);
	/* Its files are opened in it, not each by a walk from the top. */
	if (j->ids[kind].n > 0)
		j->fd[kind] = confine_open(j->l.root, kind_dir[kind],
		    CONFINE_DIR, &st, &res);
	loader_room(&j->l, kind == KIND_ACTORS, j->ids[kind].n);
	j->total += j->ids[kind].n;
}

/* The next file of the directory's experts or actors. */
static void
job_read_one(struct load_job *j)
{
	const char *id = j->ids[j->kind].v[j->next];
	char *rel, *path, *text;
	size_t len;

	rel = xasprintf("%s/%s.md", kind_dir[j->kind], id);
	path = path_join(j->l.dir, rel);
	if ((text = dir_read(&j->l, j->fd[j->kind], rel, path, true,
	    DIAG_ERROR, NULL, &len)) != NULL)
		loader_entity(&j->l, j->kind == KIND_ACTORS, id, path, text,
		    len);
	free(text);
	free(path);
	free(rel);
	j->read++;
	if (++j->next >= j->ids[j->kind].n) {
		j->kind++;
		j->next = 0;
	}
}

/* An optional file of the directory, into the article (timeline.md). */
static void
job_timeline(struct load_job *j)
{
	char *path = path_join(j->l.dir, "timeline.md"), *text;
	size_t len;
	bool missing = false;

	if ((text = dir_read(&j->l, -1, "timeline.md", path, false,
	    DIAG_ERROR, &missing, &len)) != NULL)
		load_timeline(j->l.b, path, text, len, j->l.dl);
	free(text);
	free(path);
}

/* The article of the directory j->dir, and the lists of the rest. */
static void
job_dir(struct load_job *j)
{
	char *path, *text;
	size_t len;
	bool missing = false;
	int k;

	path = path_join(j->dir, "briefing.md");
	text = dir_read(&j->l, -1, "briefing.md", path, false, DIAG_FATAL,
	    &missing, &len);
	if (missing)
		loader_say(&j->l, DIAG_FATAL, j->dir,
		    "not a briefing: no briefing.md in this directory");
	if (text == NULL) {
		j->l.failed = true;
		free(path);
		return;
	}
	j->l.b = briefing_new();
	j->l.b->path = xstrdup(j->dir);
	j->l.b->slug = base_slug(j->dir);
	load_main(j->l.b, path, text, len, false, j->l.dl);
	free(text);
	free(path);
	for (k = 0; k < KIND__COUNT && !j->l.failed; k++)
		job_list(j, k);
	if (!j->l.failed)
		job_timeline(j);
	if (!j->l.failed)
		loader_article_done(&j->l);
}

static struct load_job *
job_new(struct diag_list *dl)
{
	struct load_job *j = xcalloc(1, sizeof *j);
	int k;

	loader_init(&j->l, dl);
	for (k = 0; k < KIND__COUNT; k++)
		j->fd[k] = -1;
	j->kind = KIND__COUNT;
	return j;
}

static void
job_free(struct load_job *j)
{
	int k;

	for (k = 0; k < KIND__COUNT; k++) {
		strlist_free(&j->ids[k]);
		if (j->fd[k] != -1)
			close(j->fd[k]);
	}
	if (j->l.root != -1)
		close(j->l.root);
	free(j->dir);
	free(j);
}

static struct load_job *
job_open_dir(const char *dir, struct diag_list *dl)
{
	struct load_job *j = job_new(dl);

	j->dir = xstrdup(dir);
	j->l.dir = j->dir;
	j->kind = KIND_EXPERTS;
	if ((j->l.root = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)) == -1) {
		diag_add(dl, DIAG_FATAL, dir, 0, 0, "%s", strerror(errno));
		j->l.failed = true;
	} else
		job_dir(j);
	if (j->l.failed) {
		loader_drop(&j->l);
		job_free(j);
		return NULL;
	}
	/* Skip kinds with nothing to read. */
	while (j->kind < KIND__COUNT && j->ids[j->kind].n == 0)
		j->kind++;
	return j;
}

/* ---- a path, in steps ---------------------------------------------------- */

struct load_job *
load_begin(const char *path, struct diag_list *dl)
{
	struct load_job *j;
	struct stat st;
	const char *base;
	char *dir;

	if (stat(path, &st) != 0) {
		diag_add(dl, DIAG_FATAL, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode))
		return job_open_dir(path, dl);
	/* dir/briefing.md names the whole briefing. */
	base = strrchr(path, '/');
	if (base != NULL && strcmp(base + 1, "briefing.md") == 0) {
		dir = xstrndup(path, (size_t)(base - path));
		j = job_open_dir(*dir != '\0' ? dir : "/", dl);
		free(dir);
		return j;
	}
	if (strcmp(path, "briefing.md") == 0)
		return job_open_dir(".", dl);
	j = job_new(dl);
	if ((j->l.b = load_file(path, &st, dl)) == NULL) {
		job_free(j);
		return NULL;
	}
	return j;
}

const struct briefing *
load_job_briefing(const struct load_job *j)
{
	return j->l.b;
}

bool
load_step(struct load_job *j, size_t files)
{
	size_t n;

	for (n = 0; j->kind < KIND__COUNT && !j->l.failed &&
	    (files == 0 || n < files); n++) {
		job_read_one(j);
		while (j->kind < KIND__COUNT && j->ids[j->kind].n == 0)
			j->kind++;
	}
	return j->kind >= KIND__COUNT || j->l.failed;
}

void
load_progress(const struct load_job *j, size_t *read, size_t *total)
{
	*read = j->read;
	*total = j->total;
}

struct briefing *
load_end(struct load_job *j, bool *failed)
{
	struct briefing *b;

	*failed = j->l.failed;
	if (!j->l.failed && j->dir != NULL)
		loader_profiles_done(&j->l);
	/* A failed load leaves the article to its owner, profiles gone. */
	briefing_free(j->l.p);
	j->l.p = NULL;
	b = j->l.b;
	job_free(j);
	return b;
}

struct briefing *
briefing_load(const char *path, struct diag_list *dl)
{
	struct load_job *j = load_begin(path, dl);
	struct briefing *b;
	bool failed;

	if (j == NULL)
		return NULL;
	load_step(j, 0);
	b = load_end(j, &failed);
	if (failed) {
		briefing_free(b);
		return NULL;
	}
	return b;
}
