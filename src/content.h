/*
 * content: where briefings are found. The content path is
 * $BRIEFING_CONTENT when set and not empty, else the installed
 * $(pkgdatadir)/content. The program carries no path of its build tree:
 * `make check` and `./bootstrap run` set BRIEFING_CONTENT to the source
 * tree's content/, as automake's wrappers of uninstalled programs set
 * their variables. A briefing there is a directory holding briefing.md,
 * named by its slug. Plain C.
 */
#ifndef BRIEFING_CONTENT_H
#define BRIEFING_CONTENT_H

#include "diag.h"
#include "model.h"

/* The content path, as a new string. */
char	*content_dir(void);
/* Does the content path come from BRIEFING_CONTENT? */
bool	 content_dir_from_env(void);
/* Slugs of the briefings in dir, sorted (none when dir is unreadable). */
void	 content_list(const char *dir, struct strlist *slugs);
/*
 * Does the command line ask for standard input (fd): "-", or no path
 * while fd is a pipe, a socket or a file, as less reads a pipe? A
 * terminal, a device such as /dev/null, an empty file, or a pipe closed
 * with nothing in it (what make -j gives its jobs) is not input: with it
 * and no path, the bundled briefing opens.
 */
bool	 content_wants_stdin(const char *arg, int fd);
/*
 * What a command-line argument names: an existing path as given; else a
 * slug in the content path; NULL arg means the first bundled briefing.
 * Returns a new string, or NULL with a DIAG_FATAL added.
 */
char	*content_resolve(const char *arg, struct diag_list *);

#endif
