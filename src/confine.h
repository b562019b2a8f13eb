/*
 * confine: opening the files of a briefing directory without leaving it.
 * A briefing is something people download, so a link inside it must not
 * lead to /etc/passwd or /proc/self/environ, nor a file be a FIFO that
 * blocks or a device that never ends.
 *
 * A path relative to the directory is walked one component at a time from
 * the directory's descriptor: each entry's type is read with fstatat()
 * (AT_SYMLINK_NOFOLLOW) before anything is opened, and every open is an
 * openat() with O_NOFOLLOW (files also O_NONBLOCK, O_NOCTTY, O_CLOEXEC).
 * Symbolic links are followed by this walk, never by the kernel: a link
 * is followed only while it stays under the directory, so an absolute
 * target, or a ".." that climbs above the directory, is refused. The walk
 * keeps a descriptor for each directory it went through, so ".." returns
 * to a directory it has already checked, not to whatever the parent is
 * by then. A file is opened only when fstatat says it is a regular file,
 * and fstat on the open descriptor must name the same inode, so a file
 * swapped for another between the two is refused too. Devices, FIFOs and
 * sockets are never opened. Plain C; the loader includes it.
 */
#ifndef BRIEFING_CONFINE_H
#define BRIEFING_CONFINE_H

#include <sys/stat.h>

/* Links followed in one walk, as the kernel's own bound (MAXSYMLINKS). */
#define CONFINE_MAX_LINKS	40
/* Directories deep below the root a walk may go. */
#define CONFINE_MAX_DEPTH	32

enum confine_want {
	CONFINE_FILE,	/* a regular file */
	CONFINE_DIR	/* a directory */
};

enum confine_status {
	CONFINE_OK,
	CONFINE_ERRNO,		/* a system error, in err */
	CONFINE_OUTSIDE,	/* a link leads above the directory */
	CONFINE_ABSOLUTE,	/* a link to an absolute path */
	CONFINE_SPECIAL,	/* a device, FIFO or socket: not opened */
	CONFINE_IS_DIR,		/* a file was wanted */
	CONFINE_NOT_DIR,	/* a directory was wanted */
	CONFINE_CHANGED		/* replaced between fstatat and open */
};

struct confine_result {
	enum confine_status	status;
	int			err;		/* errno for CONFINE_ERRNO */
	int			links;		/* symbolic links followed */
};

/*
 * Open rel, a path relative to the directory open as root, as the kind
 * wanted. Returns a new descriptor (O_CLOEXEC) with *st its fstat, or -1
 * with the reason in *res.
 */
int	 confine_open(int root, const char *rel, enum confine_want,
	    struct stat *st, struct confine_result *res);

/*
 * The same as confine_open(root, rel, ...) when dir is the directory that
 * holds rel's last component, opened by confine_open under root: the
 * entry is read and opened in dir, without walking from root again
 * (three system calls instead of six for "actors/x.md"). An entry that is
 * a symbolic link, or a rel of one component, takes the walk from root.
 */
int	 confine_open_in(int root, int dir, const char *rel,
	    enum confine_want, struct stat *st, struct confine_result *res);

/* Why an open was refused, as a phrase: "a symbolic link to ...". */
const char *confine_why(const struct confine_result *);

#endif
