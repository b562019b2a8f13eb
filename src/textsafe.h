/*
 * textsafe: the one place where content text is made safe for a terminal,
 * after cmark and libyaml have decoded it (doc/design.md, "Text safety").
 * It decodes raw bytes one code point at a time and says what to show
 * instead:
 *
 *   invalid UTF-8 (each bad byte)  U+FFFD                     placeholder
 *   C0 controls U+0000-U+001F      Control Pictures, ESC -> ␛  placeholder
 *   DEL U+007F                     ␡                          placeholder
 *   C1 controls U+0080-U+009F      "<U+009B>"                  placeholder
 *   bidi controls (U+061C, U+200E, U+200F, U+202A-U+202E,
 *     U+2066-U+2069)               "<U+202E>"                  placeholder
 *   invisible characters that can hide or disguise text (U+180E,
 *     U+200B, U+2028, U+2029, U+2060-U+2064, U+206A-U+206F, U+FEFF,
 *     U+FFF9-U+FFFB, tag characters U+E0000-U+E007F)
 *                                  "<U+200B>"                  placeholder
 *   soft hyphen U+00AD             dropped: it only hints at a
 *                                  hyphenation point, and terminals
 *                                  disagree on its width
 *
 * Everything else is shown as itself, including ZWJ and ZWNJ (U+200C,
 * U+200D), which scripts and emoji need and which take no column. After an
 * ESC has become ␛, the rest of an escape sequence is harmless printable
 * text. Tab and newline are placeholders here too; callers that give them a
 * meaning (layout) test textsafe_char.cp before using the placeholder.
 * Widths come from utf8_cpwidth (utf8proc's tables, not the locale).
 *
 * ASCII output: under a locale whose character set is not UTF-8, a byte
 * 0x80-0x9F that a terminal reads as a C1 control (0x9B is CSI) must never
 * be written, so main switches textsafe to ASCII once, before any output.
 * Then every placeholder is written as its code ("<U+241B>" for ␛,
 * "<U+FFFD>" for an invalid byte), other characters are transliterated
 * ("é" -> "e", "ß" -> "ss", "’" -> "'", "…" -> "...") or become "?",
 * and characters of no width (combining marks, joiners) are dropped:
 * nothing textsafe gives holds a byte above 0x7F. Any module may include it.
 */
#ifndef BRIEFING_TEXTSAFE_H
#define BRIEFING_TEXTSAFE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* One decoded code point and what to show for it. */
struct textsafe_char {
	uint32_t cp;		/* decoded; U+FFFD for an invalid byte */
	char	 text[12];	/* safe text to show, NUL-terminated; may be "" */
	size_t	 len;		/* bytes of text; 0 when the character is dropped */
	int	 width;		/* columns of text */
	bool	 placeholder;	/* text stands for an unsafe character */
};

/*
 * Decode one code point from s[0..len) into *c. Returns the bytes used:
 * at least 1 when len > 0, 0 only when len is 0.
 */
size_t	 textsafe_next(const char *s, size_t len, struct textsafe_char *c);

/*
 * The columns a code point (decoded, not U+FFFD for an invalid byte)
 * takes when textsafe shows it as itself: 0, 1 or 2; -1 when it shows
 * something else (a control, a placeholder, nothing, or under ASCII
 * output anything beyond ASCII). A few table lookups: the typesetter's
 * path for characters beyond ASCII.
 */
int	 textsafe_shown_width(uint32_t cp);

/*
 * The whole of s[0..len) made safe, as a new string (never NULL; the
 * caller frees it); *outlen gets its length when not NULL. With oneline
 * set, tabs and newlines become single spaces (titles, names, status
 * text); otherwise they too become placeholders.
 */
char	*textsafe_string(const char *s, size_t len, bool oneline,
	    size_t *outlen);

/* Columns textsafe_string(s, len, oneline) would take. */
int	 textsafe_width(const char *s, size_t len, bool oneline);

/*
 * Switch ASCII output on or off (off at start). Set once by main, before
 * any text is made safe: layouts made before and after would differ.
 */
void	 textsafe_set_ascii(bool ascii);
bool	 textsafe_ascii(void);

/*
 * The program's own text s[0..len), already safe (frames, bullets,
 * ellipses, its own escape sequences), as ASCII in the same columns: ASCII
 * bytes are copied, controls included; every other character becomes its
 * transliteration cut or padded with spaces to the character's width; an
 * invalid byte becomes '?'. out has room for len bytes (the result is
 * never longer); *outlen gets its length. Returns the bytes of s used: len,
 * or less when s ends inside a character whose rest is still to come.
 */
size_t	 textsafe_ascii_columns(const char *s, size_t len, char *out,
	    size_t *outlen);

#endif
