/*
 * keydec: the bytes a terminal sends for the keys typed, decoded into
 * characters robustly. In a UTF-8 locale a character is one to four
 * bytes; an invalid sequence (a Latin-1 "é" from a terminal set up
 * otherwise, a stray continuation byte) is reported once and decoding
 * starts afresh, so no later key is lost. In any other locale a byte is
 * a character of the locale's charset (btowc). Plain C: the view feeds it
 * the bytes curses reads; the unit tests feed it bytes.
 */
#ifndef BRIEFING_KEYDEC_H
#define BRIEFING_KEYDEC_H

#include <stdbool.h>
#include <stdint.h>

enum keydec_result {
	KEYDEC_MORE,		/* part of a character: feed the next byte */
	KEYDEC_KEY,		/* *cp is a character */
	KEYDEC_INVALID,		/* not a character; the byte is used up */
	KEYDEC_INVALID_AGAIN	/* not a character; feed this byte again */
};

struct keydec {
	bool		utf8;
	uint32_t	cp;		/* what the bytes so far give */
	int		need;		/* continuation bytes still to come */
	uint32_t	min;		/* smallest code point of that length */
};

void	 keydec_init(struct keydec *, bool utf8);
/* Forget a character begun: its rest never came. */
void	 keydec_reset(struct keydec *);
/* Is a character begun and not finished? */
bool	 keydec_pending(const struct keydec *);
enum keydec_result keydec_byte(struct keydec *, unsigned char, uint32_t *cp);

#endif
