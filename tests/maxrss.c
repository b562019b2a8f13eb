/*
 * maxrss FILE COMMAND [ARG...]: run the command and write its peak
 * resident set size in KiB (getrusage's ru_maxrss) to FILE; exit with
 * the command's status (128 + N when a signal N ended it). For the
 * tests of memory (tests/cli/memory.sh), which need no GNU time.
 */
#include <sys/resource.h>
#include <sys/wait.h>

#include <stdio.h>
#include <unistd.h>

int
main(int argc, char **argv)
{
	struct rusage ru;
	pid_t pid;
	FILE *fp;
	int st;

	if (argc < 3) {
		fprintf(stderr, "usage: maxrss FILE COMMAND [ARG...]\n");
		return 2;
	}
	if ((pid = fork()) == -1) {
		perror("maxrss: fork");
		return 2;
	}
	if (pid == 0) {
		execvp(argv[2], argv + 2);
		perror("maxrss: exec");
		_exit(127);
	}
	/* The only child: the children's peak is its. */
	if (waitpid(pid, &st, 0) == -1 ||
	    getrusage(RUSAGE_CHILDREN, &ru) == -1) {
		perror("maxrss: waitpid");
		return 2;
	}
	if ((fp = fopen(argv[1], "w")) == NULL ||
	    fprintf(fp, "%ld\n", ru.ru_maxrss) < 0 || fclose(fp) != 0) {
		perror(argv[1]);
		return 2;
	}
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}
