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
 *   in patterns and in text alike, and that a line feed in the text reads
 *   as a space (the loader joins a paragraph's lines with "\n", and a
 *   name may wrap from one line to the next).
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
 *
 * Matching costs a few table reads per byte of text and allocates nothing
 * once the caller's struct acmatch_hits has grown to the largest number
 * of hits in one text.
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
 * What acmatch_find found, and its working memory: the caller's, reused
 * from one text to the next. Zeroed to start; acmatch_hits_free at the
 * end.
 */
struct acmatch_hits {
	struct acmatch_hit *v;		/* v[0..n): the hits, in order */
	size_t		 n;
	size_t		 cap;
	size_t		*ring;		/* private */
	size_t		 ringcap;
};

/*
 * Find the matches in text[0..len), in order, by the rules above, into
 * hits->v[0..hits->n) (what it held before is gone); returns hits->n. An
 * uncompiled automaton finds nothing.
 */
size_t	 acmatch_find(const struct acmatch *, const char *text, size_t len,
	    struct acmatch_hits *hits);
void	 acmatch_hits_free(struct acmatch_hits *);	/* leaves it zeroed */

#endif
