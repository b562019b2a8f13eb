#include "test_common.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "confine.h"
#include "test_tree.h"
#include "util.h"

/*
 * A scratch tree, made fresh for each test:
 *   root/            the directory walked from
 *     a.md           a regular file
 *     sub/b.md       a regular file one level down
 *   outside.md       beside root: must never be reached
 */
struct fixture {
	struct tree	 tree;
	int		 rootfd;
};

static int
setup(void **state)
{
	struct fixture *f = xcalloc(1, sizeof *f);
	char *root;

	tree_new(&f->tree);
	tree_dir(&f->tree, "root");
	tree_dir(&f->tree, "root/sub");
	tree_put(&f->tree, "root/a.md", "text\n");
	tree_put(&f->tree, "root/sub/b.md", "text\n");
	tree_put(&f->tree, "outside.md", "text\n");
	root = tree_path(&f->tree, "root");
	f->rootfd = open(root, O_RDONLY | O_DIRECTORY);
	assert_true(f->rootfd >= 0);
	free(root);
	*state = f;
	return 0;
}

static int
teardown(void **state)
{
	struct fixture *f = *state;

	close(f->rootfd);
	tree_free(&f->tree);
	free(f);
	return 0;
}

/* Open rel; -1 stays -1, else the descriptor is closed and 0 returned. */
static int
try_open(const struct fixture *f, const char *rel, enum confine_want want,
    struct confine_result *res)
{
	struct stat st;
	int fd = confine_open(f->rootfd, rel, want, &st, res);

	if (fd == -1)
		return -1;
	assert_int_equal(res->status, CONFINE_OK);
	if (want == CONFINE_FILE)
		assert_true(S_ISREG(st.st_mode));
	else
		assert_true(S_ISDIR(st.st_mode));
	close(fd);
	return 0;
}

static void
confine_open__plain_paths__opened(void **state)
{
	struct fixture *t = *state;
	struct confine_result res;

	assert_int_equal(try_open(t, "a.md", CONFINE_FILE, &res), 0);
	assert_int_equal(try_open(t, "sub/b.md", CONFINE_FILE, &res), 0);
	assert_int_equal(try_open(t, "./sub//b.md", CONFINE_FILE, &res), 0);
	assert_int_equal(try_open(t, "sub/../a.md", CONFINE_FILE, &res), 0);
	assert_int_equal(try_open(t, "sub/", CONFINE_DIR, &res), 0);
	assert_int_equal(try_open(t, ".", CONFINE_DIR, &res), 0);
	assert_int_equal(res.links, 0);
}

static void
confine_open__links_inside__followed(void **state)
{
	struct fixture *t = *state;
	struct confine_result res;

	tree_link(&t->tree, "sub/b.md", "root/to-b.md");
	tree_link(&t->tree, "../a.md", "root/sub/up.md");
	tree_link(&t->tree, "sub", "root/dirlink");
	tree_link(&t->tree, "to-b.md", "root/chain.md");
	assert_int_equal(try_open(t, "to-b.md", CONFINE_FILE, &res), 0);
	assert_int_equal(res.links, 1);
	assert_int_equal(try_open(t, "sub/up.md", CONFINE_FILE, &res), 0);
	assert_int_equal(try_open(t, "dirlink/b.md", CONFINE_FILE, &res), 0);
	assert_int_equal(try_open(t, "dirlink", CONFINE_DIR, &res), 0);
	assert_int_equal(try_open(t, "chain.md", CONFINE_FILE, &res), 0);
	assert_int_equal(res.links, 2);
	/* Through a link into sub, then .. from there: still inside. */
	assert_int_equal(try_open(t, "dirlink/../a.md", CONFINE_FILE, &res),
	    0);
}

static void
confine_open__links_out__refused_unopened(void **state)
{
	struct fixture *t = *state;
	struct confine_result res;

	tree_link(&t->tree, "../outside.md", "root/up.md");
	tree_link(&t->tree, "../../outside.md", "root/sub/upup.md");
	tree_link(&t->tree, "sub/../../outside.md", "root/sneaky.md");
	tree_link(&t->tree, "/etc/passwd", "root/passwd.md");
	tree_link(&t->tree, "/proc/self/environ", "root/environ.md");
	tree_link(&t->tree, "..", "root/parent");
	assert_int_equal(try_open(t, "up.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_OUTSIDE);
	assert_string_equal(confine_why(&res),
	    "a symbolic link that leads outside the briefing");
	assert_int_equal(try_open(t, "sub/upup.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_OUTSIDE);
	assert_int_equal(try_open(t, "sneaky.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_OUTSIDE);
	assert_int_equal(try_open(t, "passwd.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_ABSOLUTE);
	assert_int_equal(try_open(t, "environ.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_ABSOLUTE);
	assert_int_equal(try_open(t, "parent", CONFINE_DIR, &res), -1);
	assert_int_equal(res.status, CONFINE_OUTSIDE);
	/* A path that climbs by itself is refused the same way. */
	assert_int_equal(try_open(t, "../outside.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_OUTSIDE);
	assert_int_equal(try_open(t, "/etc/passwd", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_ABSOLUTE);
}

static void
confine_open__loops_and_depth__eloop(void **state)
{
	struct fixture *t = *state;
	struct confine_result res;
	struct buf deep;
	char *dir;
	int i;

	tree_link(&t->tree, "self.md", "root/self.md");
	tree_link(&t->tree, "b.md", "root/a-to-b.md");
	tree_link(&t->tree, "a-to-b.md", "root/b.md");
	tree_link(&t->tree, ".", "root/here");
	assert_int_equal(try_open(t, "self.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_ERRNO);
	assert_int_equal(res.err, ELOOP);
	assert_int_equal(res.links, CONFINE_MAX_LINKS + 1);
	assert_int_equal(try_open(t, "b.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.err, ELOOP);
	/* "here/here/.../a.md" is fine up to the bound on links. */
	buf_init(&deep);
	for (i = 0; i < CONFINE_MAX_LINKS; i++)
		buf_adds(&deep, "here/");
	buf_adds(&deep, "a.md");
	assert_int_equal(try_open(t, deep.data, CONFINE_FILE, &res), 0);
	buf_reset(&deep);
	for (i = 0; i <= CONFINE_MAX_LINKS; i++)
		buf_adds(&deep, "here/");
	buf_adds(&deep, "a.md");
	assert_int_equal(try_open(t, deep.data, CONFINE_FILE, &res), -1);
	assert_int_equal(res.err, ELOOP);
	/* Going in and out again never holds more than one level. */
	buf_reset(&deep);
	for (i = 0; i <= CONFINE_MAX_DEPTH; i++)
		buf_adds(&deep, "sub/../");
	buf_adds(&deep, "a.md");
	assert_int_equal(try_open(t, deep.data, CONFINE_FILE, &res), 0);
	/* Past CONFINE_MAX_DEPTH directories in, the walk stops. */
	buf_reset(&deep);
	for (i = 0; i < CONFINE_MAX_DEPTH + 2; i++) {
		buf_adds(&deep, "d/");
		dir = xasprintf("root/%s", deep.data);
		tree_dir(&t->tree, dir);
		free(dir);
	}
	assert_int_equal(try_open(t, deep.data, CONFINE_DIR, &res), -1);
	assert_int_equal(res.err, ELOOP);
	deep.len -= 2;
	deep.data[deep.len] = '\0';
	assert_int_equal(try_open(t, deep.data, CONFINE_DIR, &res), 0);
	buf_free(&deep);
}

static void
confine_open__special_and_wrong_kinds__refused(void **state)
{
	struct fixture *t = *state;
	struct confine_result res;
	tree_fifo(&t->tree, "root/fifo.md");
	tree_link(&t->tree, "fifo.md", "root/to-fifo.md");
	tree_link(&t->tree, "missing.md", "root/dangling.md");
	/* Opening a FIFO without O_NONBLOCK would block here. */
	assert_int_equal(try_open(t, "fifo.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_SPECIAL);
	assert_string_equal(confine_why(&res), "not a regular file");
	assert_int_equal(try_open(t, "to-fifo.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_SPECIAL);
	assert_int_equal(try_open(t, "sub", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_IS_DIR);
	assert_int_equal(try_open(t, "a.md", CONFINE_DIR, &res), -1);
	assert_int_equal(res.status, CONFINE_NOT_DIR);
	assert_int_equal(try_open(t, "a.md/x", CONFINE_FILE, &res), -1);
	assert_int_equal(res.err, ENOTDIR);
	assert_int_equal(try_open(t, "none.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.status, CONFINE_ERRNO);
	assert_int_equal(res.err, ENOENT);
	assert_int_equal(res.links, 0);
	assert_int_equal(try_open(t, "dangling.md", CONFINE_FILE, &res), -1);
	assert_int_equal(res.err, ENOENT);
	assert_int_equal(res.links, 1);
}

/* Open rel in sub (open already) as confine_open_in does; as try_open. */
static int
try_open_in(const struct fixture *f, int sub, const char *rel,
    enum confine_want want, struct confine_result *res)
{
	struct stat st;
	int fd = confine_open_in(f->rootfd, sub, rel, want, &st, res);

	if (fd == -1)
		return -1;
	assert_int_equal(res->status, CONFINE_OK);
	close(fd);
	return 0;
}

/*
 * Opening in a directory already open answers as the walk from the top:
 * links in it are judged from the top (the one that climbs to a.md is
 * inside the briefing, the one to outside.md is not), and it refuses
 * what the walk refuses.
 */
static void
confine_open_in__entries_of_open_directory__as_from_root(void **state)
{
	struct fixture *t = *state;
	struct confine_result res;
	struct stat st;
	int sub;

	tree_link(&t->tree, "../a.md", "root/sub/up.md");
	tree_link(&t->tree, "../../outside.md", "root/sub/upup.md");
	tree_fifo(&t->tree, "root/sub/fifo.md");
	sub = confine_open(t->rootfd, "sub", CONFINE_DIR, &st, &res);
	assert_true(sub >= 0);
	assert_int_equal(try_open_in(t, sub, "sub/b.md", CONFINE_FILE, &res),
	    0);
	assert_int_equal(res.links, 0);
	assert_int_equal(try_open_in(t, sub, "sub/up.md", CONFINE_FILE, &res),
	    0);
	assert_int_equal(res.links, 1);
	assert_int_equal(try_open_in(t, sub, "sub/upup.md", CONFINE_FILE,
	    &res), -1);
	assert_int_equal(res.status, CONFINE_OUTSIDE);
	assert_int_equal(try_open_in(t, sub, "sub/fifo.md", CONFINE_FILE,
	    &res), -1);
	assert_int_equal(res.status, CONFINE_SPECIAL);
	assert_int_equal(try_open_in(t, sub, "sub/none.md", CONFINE_FILE,
	    &res), -1);
	assert_int_equal(res.err, ENOENT);
	assert_int_equal(res.links, 0);
	/* One component: the walk from the top. */
	assert_int_equal(try_open_in(t, sub, "a.md", CONFINE_FILE, &res), 0);
	close(sub);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(
		    confine_open__plain_paths__opened, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    confine_open__links_inside__followed, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    confine_open__links_out__refused_unopened, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    confine_open__loops_and_depth__eloop, setup, teardown),
		cmocka_unit_test_setup_teardown(
		    confine_open__special_and_wrong_kinds__refused, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(
		    confine_open_in__entries_of_open_directory__as_from_root,
		    setup, teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
