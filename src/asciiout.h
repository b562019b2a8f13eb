/*
 * asciiout: a stdio stream that writes ASCII only, for a locale whose
 * character set is not UTF-8. Content is already ASCII there (textsafe);
 * what passes through this filter is the program's own text: frames,
 * bullets and ellipses become ASCII in the same columns
 * (textsafe_ascii_columns), so no byte 0x80-0x9F, which an 8-bit terminal
 * reads as a C1 control, can reach the terminal. Escape sequences the
 * program writes itself (colours) pass unchanged. main includes it.
 */
#ifndef BRIEFING_ASCIIOUT_H
#define BRIEFING_ASCIIOUT_H

#include <stdio.h>

/*
 * A new stream that filters into under, or NULL (errno set) when one
 * cannot be made. fclose on it writes what is held back (the start of a
 * character cut by a write, as '?'), flushes under and leaves under open;
 * it returns EOF when a write to under failed, with errno saying why.
 */
FILE	*asciiout_open(FILE *under);

#endif
