/*
 * Scratch trees for the loader's tests: a fresh directory under /tmp
 * that a test fills with files, directories, links and FIFOs, removed
 * (links not followed) when the test ends. Include after test_common.h.
 */
#ifndef BRIEFING_TEST_TREE_H
#define BRIEFING_TEST_TREE_H

#include <ftw.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util.h"

struct tree {
	char	top[64];
};

static inline void
tree_new(struct tree *t)
{
	strcpy(t->top, "/tmp/briefing-tree-XXXXXX");
	assert_non_null(mkdtemp(t->top));
}

/* top/rel as a new string. */
static inline char *
tree_path(const struct tree *t, const char *rel)
{
	return xasprintf("%s/%s", t->top, rel);
}

/* A file top/rel holding text. */
static inline void
tree_put(const struct tree *t, const char *rel, const char *text)
{
	char *p = tree_path(t, rel);
	FILE *fp = fopen(p, "w");

	assert_non_null(fp);
	fputs(text, fp);
	assert_int_equal(fclose(fp), 0);
	free(p);
}

static inline void
tree_dir(const struct tree *t, const char *rel)
{
	char *p = tree_path(t, rel);

	assert_int_equal(mkdir(p, 0755), 0);
	free(p);
}

/* A symbolic link top/rel -> target (target as written). */
static inline void
tree_link(const struct tree *t, const char *target, const char *rel)
{
	char *p = tree_path(t, rel);

	assert_int_equal(symlink(target, p), 0);
	free(p);
}

static inline void
tree_fifo(const struct tree *t, const char *rel)
{
	char *p = tree_path(t, rel);

	assert_int_equal(mkfifo(p, 0600), 0);
	free(p);
}

static inline int
tree_rm_entry(const char *path, const struct stat *st, int flag,
    struct FTW *ftw)
{
	(void)st;
	(void)ftw;
	/* A directory a test made unreadable must be removable again. */
	if (flag == FTW_DNR)
		chmod(path, 0700);
	return flag == FTW_DP || flag == FTW_DNR ? rmdir(path) : unlink(path);
}

static inline void
tree_free(struct tree *t)
{
	nftw(t->top, tree_rm_entry, 16, FTW_DEPTH | FTW_PHYS);
}

#endif
