/*
 * ptyrun: run a command on a new pseudo-terminal of a given size and copy
 * every byte it writes there to stdout, so that a test sees exactly what a
 * terminal would have been sent. Usage: ptyrun COLS ROWS COMMAND [ARG]...
 * The command's standard input, output and error are all the terminal
 * (redirect stderr inside the command to keep it apart). With PTYRUN_KEYS
 * set, its bytes are typed once the command has first written something
 * (a program drawing its screen is ready for keys). Exits with the
 * command's status; 99 on trouble or when it runs for over 20 seconds.
 */
#define _DEFAULT_SOURCE	/* forkpty */
#include <errno.h>
#include <pty.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t child;

static void
on_alarm(int sig)
{
	(void)sig;
	kill(child, SIGKILL);
	_exit(99);
}

int
main(int argc, char **argv)
{
	struct winsize ws = { 0 };
	const char *keys = getenv("PTYRUN_KEYS");
	char buf[4096];
	ssize_t n;
	int fd, status;

	if (argc < 4) {
		fprintf(stderr, "usage: ptyrun COLS ROWS COMMAND [ARG]...\n");
		return 99;
	}
	ws.ws_col = (unsigned short)atoi(argv[1]);
	ws.ws_row = (unsigned short)atoi(argv[2]);
	if ((child = forkpty(&fd, NULL, NULL, &ws)) < 0) {
		perror("ptyrun: forkpty");
		return 99;
	}
	if (child == 0) {
		execvp(argv[3], argv + 3);
		perror("ptyrun: exec");
		_exit(127);
	}
	signal(SIGALRM, on_alarm);
	alarm(20);
	/* Until the last writer closes the terminal: then read fails (EIO). */
	while ((n = read(fd, buf, sizeof buf)) != 0) {
		if (n < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (fwrite(buf, 1, (size_t)n, stdout) != (size_t)n)
			return 99;
		if (keys != NULL && *keys != '\0') {
			if (write(fd, keys, strlen(keys)) < 0)
				return 99;
			keys = NULL;
		}
	}
	if (waitpid(child, &status, 0) < 0)
		return 99;
	fflush(stdout);
	return WIFEXITED(status) ? WEXITSTATUS(status) : 99;
}
