/*
 * acmatch: many-pattern matching in one pass (Aho-Corasick) over UTF-8
 * byte strings, used by xref to find every name and alias of every actor
 * and expert in a text at once. Building is linear in the total length of
 * the patterns, matching linear in the text plus the hits; there is no
 * per-pattern scan. Plain C; only xref and its tests include it.
 *
 * What counts as a match (the rules xref relies on):
 * - Bytes are compared exactly (names are proper nouns), except that the
 *   typographic apostrophe U+2019 and the ASCII ' are the same character,
 *   in patterns and in text alike.
 * - A pattern whose first letter is lower case also matches with that
 *   letter capitalised ("the Kremlin" finds "The Kremlin" at a sentence
 *   start, "ștefan" finds "Ștefan"); the title case comes from utf8proc,
 *   whatever the locale. A pattern added with its capital form spelled out
 *   takes precedence over such a derived form.
 * - Word boundaries: when a match starts with a word character
 *   (utf8_isword), the character before it must not be one; when it ends
 *   with one, the character after it must not be one. So "Iran" is not
 *   found in "Iranian", and "Moscow" is found in "Moscow’s" (the
 *   possessive stays outside the match). Edges that are not word
 *   characters ("U.S.") need no boundary, and neither does an edge where
 *   either character is of a script written without spaces between words
 *   (utf8_unspaced): "東京" is found in "東京と大阪".
 * - Overlaps are resolved leftmost-longest: of the matches at the leftmost
 *   start the longest is kept, and the search goes on after its end; a
 *   match that starts inside a kept one is dropped.
 * - The same pattern added twice keeps the value it was first added with.
 *
 * Offsets in hits are byte offsets into the text as given.
 */
#ifndef BRIEFING_ACMATCH_H
#define BRIEFING_ACMATCH_H

#include <stddef.h>

struct acmatch;

struct acmatch_hit {
	size_t	start;		/* first byte of the match in the text */
	size_t	end;		/* one past its last byte */
	size_t	value;		/* the value the pattern was added with */
};

struct acmatch *acmatch_new(void);
void	 acmatch_free(struct acmatch *);	/* accepts NULL */

/*
 * Add a pattern of len bytes (empty patterns are ignored). Patterns may be
 * added until acmatch_compile; adding after it is a programming error and
 * is ignored.
 */
void	 acmatch_add(struct acmatch *, const char *pattern, size_t len,
	    size_t value);
/* Build the failure links; call once, after the last acmatch_add. */
void	 acmatch_compile(struct acmatch *);
/* Number of distinct patterns held, derived capital forms included. */
size_t	 acmatch_count(const struct acmatch *);

/*
 * Find the matches in text[0..len), in order, by the rules above. Sets
 * *hits to a new array the caller frees with free(), or to NULL when
 * there is none; returns the number of hits. An uncompiled automaton
 * finds nothing.
 */
size_t	 acmatch_find(const struct acmatch *, const char *text, size_t len,
	    struct acmatch_hit **hits);

#endif
