/*
 * utf8: decoding and encoding of UTF-8 by hand, so that results do not
 * depend on the locale, plus display width of one code point. Any module
 * may include it.
 */
#ifndef BRIEFING_UTF8_H
#define BRIEFING_UTF8_H

#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/*
 * Decode one code point from s[0..len). Returns the bytes used (1..4, 0 only
 * when len is 0). Invalid, overlong or truncated sequences and surrogates
 * give U+FFFD and consume one byte, so decoding always makes progress.
 */
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);
/* Encode cp into out (at least 4 bytes); returns the bytes written. */
size_t	 utf8_encode(uint32_t cp, char *out);
/* Columns cp takes: 0, 1 or 2; -1 for control characters. */
int	 utf8_cpwidth(uint32_t cp);
/* Columns of a valid UTF-8 string with no control characters. */
int	 utf8_width(const char *s, size_t len);
/* Is cp a letter, digit or underscore-like word character? */
int	 utf8_isword(uint32_t cp);

#endif
