/*
 * ttyrestore: a static buffer and a saved termios, so the handler needs
 * no allocation and no stdio.
 */
#include "ttyrestore.h"

#include <signal.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "util.h"

static const int fatal_signals[] = { SIGSEGV, SIGBUS, SIGABRT, SIGFPE };

static char		 bytes[1024];
static size_t		 nbytes;
static struct termios	 saved;
static bool		 have_saved;
static int		 in, out = -1;

bool
ttyrestore_save(int in_fd)
{
	in = in_fd;
	have_saved = tcgetattr(in_fd, &saved) == 0;
	return have_saved;
}

void
ttyrestore_bytes(int out_fd, const char *s)
{
	size_t n = s != NULL ? strlen(s) : 0;

	if (n > sizeof bytes)
		n = sizeof bytes;
	memcpy(bytes, s, n);
	nbytes = n;
	out = out_fd;
}

void
ttyrestore_now(void)
{
	ssize_t w;
	size_t done = 0;

	while (out >= 0 && done < nbytes) {
		if ((w = write(out, bytes + done, nbytes - done)) <= 0)
			break;
		done += (size_t)w;
	}
	if (have_saved)
		tcsetattr(in, TCSANOW, &saved);
}

static void
on_fatal(int sig)
{
	ttyrestore_now();
	signal(sig, SIG_DFL);
	raise(sig);
}

void
ttyrestore_arm(void)
{
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof sa);
	sigemptyset(&sa.sa_mask);
	sa.sa_handler = on_fatal;
	/* Once: a second fault inside the handler kills at once. */
	sa.sa_flags = SA_RESETHAND;
	for (i = 0; i < NITEMS(fatal_signals); i++)
		sigaction(fatal_signals[i], &sa, NULL);
}

void
ttyrestore_disarm(void)
{
	size_t i;

	for (i = 0; i < NITEMS(fatal_signals); i++)
		signal(fatal_signals[i], SIG_DFL);
}
