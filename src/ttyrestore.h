/*
 * ttyrestore: the last-resort way back to a usable terminal when the
 * program dies of a signal it cannot survive (SIGSEGV, SIGBUS, SIGABRT,
 * SIGFPE): the handler writes bytes prepared beforehand (leave the
 * alternate screen, show the cursor, mouse reporting off...) with
 * write(2), sets the terminal modes saved before curses started with
 * tcsetattr, and raises the signal again with its default action, so the
 * shell still sees the death. Only async-signal-safe calls on that path.
 * Plain C; the view prepares it with what its terminfo says.
 */
#ifndef BRIEFING_TTYRESTORE_H
#define BRIEFING_TTYRESTORE_H

#include <stdbool.h>

/* Save the modes of the terminal in_fd now; false when it is none. */
bool	 ttyrestore_save(int in_fd);
/* The bytes that undo the screen's modes on out_fd (at most 1 KiB). */
void	 ttyrestore_bytes(int out_fd, const char *bytes);
/* Install the handlers for the fatal signals; and take them away. */
void	 ttyrestore_arm(void);
void	 ttyrestore_disarm(void);
/* What a handler does, for a path that is not a signal (tests). */
void	 ttyrestore_now(void);

#endif
