/*
 * utf8: decoding and encoding of UTF-8 by hand, and the character
 * properties the rest of the program asks about: display width of a code
 * point and of an extended grapheme cluster, word characters, and scripts
 * written without spaces between words. Properties come from utf8proc's
 * tables (with an ASCII fast path), never from the C library's locale, so
 * results are the same under any LC_CTYPE. Any module may include it.
 */
#ifndef BRIEFING_UTF8_H
#define BRIEFING_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define UTF8_REPLACEMENT 0xFFFDu

/*
 * Decode one code point from s[0..len). Returns the bytes used (1..4, 0 only
 * when len is 0). Invalid, overlong or truncated sequences and surrogates
 * give U+FFFD and consume one byte, so decoding always makes progress.
 */
size_t	 utf8_decode(const char *s, size_t len, uint32_t *cp);
/*
 * Is s[0..len) valid UTF-8: would utf8_decode read it without a U+FFFD
 * in place of a byte? ASCII goes eight bytes at a time.
 */
bool	 utf8_valid(const char *s, size_t len);
/* Encode cp into out (at least 4 bytes); returns the bytes written. */
size_t	 utf8_encode(uint32_t cp, char *out);
/*
 * Columns cp takes on its own: 0 (combining marks, joiners, Hangul
 * medial vowels and final consonants), 1 or 2 (East Asian wide and
 * emoji); -1 for C0 and C1 control characters and DEL.
 */
int	 utf8_cpwidth(uint32_t cp);
/*
 * The extended grapheme cluster (UAX #29) that starts s[0..len): returns
 * its bytes (0 only when len is 0) and sets *width to the columns it
 * takes: the sum of its code points' widths, as curses counts them when
 * the reader draws it (a flag's two regional indicators are 2; a ZWJ
 * family of three emoji is 6, where a terminal that joins it into one
 * glyph shows 2: narrower, never wider). A control character, or CR LF,
 * is a cluster of width -1. A cluster is never cut: wrapping, truncation,
 * selection and hints move by clusters.
 */
size_t	 utf8_cluster(const char *s, size_t len, int *width);
/*
 * The start of the grapheme cluster that ends at s[i] (i > 0; 0 when i is
 * 0), *width as utf8_cluster gives it. Going back, the rules lack what
 * came before: an emoji after a joiner is taken as joined, and two
 * regional indicators as one flag (i between flags).
 */
size_t	 utf8_cluster_back(const char *s, size_t i, int *width);
/* Does next join cp in one cluster, cp starting it? (No decoding: the
 * typesetter's quick test before utf8_cluster.) */
bool	 utf8_joins(uint32_t cp, uint32_t next);
/* Columns of s[0..len), cluster by cluster; control characters count 0. */
int	 utf8_width(const char *s, size_t len);
/*
 * Is cp a word character: a letter, mark, digit or connector punctuation
 * (the characters a GitHub heading slug keeps)?
 */
bool	 utf8_isword(uint32_t cp);
/* The simple lower-case mapping of cp (cp itself when it has none). */
uint32_t utf8_tolower(uint32_t cp);
/*
 * Is cp of a script that does not separate words with spaces (Han,
 * Hiragana, Katakana, Bopomofo, Yi, Thai, Lao, Khmer, Myanmar, Tibetan
 * and a few more of South-East Asia)? Word boundaries mean nothing there.
 */
bool	 utf8_unspaced(uint32_t cp);

/*
 * Tables of code points sorted in ascending order, searched in O(log n):
 * ranges (a struct whose first member is a struct utf8_range may be
 * searched the same way) and single code points with a replacement.
 */
struct utf8_range {
	uint32_t	 lo, hi;	/* inclusive */
};
struct utf8_subst {
	uint32_t	 cp;
	const char	*to;
};
/* The element of base[0..n), each size bytes, whose range holds cp. */
const void *utf8_range_find(const void *base, size_t n, size_t size,
	    uint32_t cp);
/* The replacement for cp in t[0..n), or NULL. */
const char *utf8_subst_find(const struct utf8_subst *t, size_t n,
	    uint32_t cp);

#endif
