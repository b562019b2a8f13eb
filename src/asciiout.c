/*
 * asciiout: a glibc cookie stream (fopencookie) over the real one. A
 * character cut between two writes is held back until the rest comes.
 */
#define _GNU_SOURCE	/* fopencookie */
#include "asciiout.h"

#include <stdlib.h>
#include <string.h>
#include <sys/types.h>

#include "textsafe.h"
#include "util.h"

#define ASCIIOUT_CHUNK	4096

struct asciiout {
	FILE	*under;
	char	 held[4];	/* the start of a character cut by a write */
	size_t	 nheld;
};

static ssize_t
asciiout_write(void *cookie, const char *buf, size_t size)
{
	struct asciiout *a = cookie;
	char in[ASCIIOUT_CHUNK + sizeof a->held], out[sizeof in];
	size_t done = 0, take, n, used, outlen;

	while (done < size) {
		take = size - done < ASCIIOUT_CHUNK ? size - done :
		    ASCIIOUT_CHUNK;
		memcpy(in, a->held, a->nheld);
		memcpy(in + a->nheld, buf + done, take);
		n = a->nheld + take;
		used = textsafe_ascii_columns(in, n, out, &outlen);
		/* What is left is less than one whole character. */
		a->nheld = n - used;
		memcpy(a->held, in + used, a->nheld);
		if (outlen > 0 && fwrite(out, 1, outlen, a->under) != outlen)
			return -1;
		done += take;
	}
	return (ssize_t)size;
}

static int
asciiout_close(void *cookie)
{
	struct asciiout *a = cookie;
	int rc = 0;

	if (a->nheld > 0 && fputc('?', a->under) == EOF)
		rc = -1;
	if (fflush(a->under) == EOF)
		rc = -1;
	free(a);
	return rc;
}

FILE *
asciiout_open(FILE *under)
{
	static const cookie_io_functions_t io = {
		.write = asciiout_write,
		.close = asciiout_close,
	};
	struct asciiout *a;
	FILE *fp;

	a = xcalloc(1, sizeof *a);
	a->under = under;
	if ((fp = fopencookie(a, "w", io)) == NULL)
		free(a);
	return fp;
}
