/*
 * fold: the form in which text is compared, so that the actor index
 * filter and the search find "Ștefan" for "stefan", "Nguyễn" for
 * "nguyen", "ﬁnance" for "finance", "ＡＢＣ" for "abc" and "Moscow’s" for
 * "moscow's". Each character of the text is folded on its own by utf8proc:
 * Unicode case folding, compatibility decomposition (ligatures, full-width
 * and other presentation forms), marks stripped, default-ignorable
 * characters (soft hyphen, joiners) dropped. Then letters with no
 * decomposition lose their stroke or become two letters (ł to "l", æ to
 * "ae"), typographic apostrophes and quotes become ' and ", and every run
 * of whitespace, hyphens and dashes becomes one space, so "State-Khorasan"
 * and "State Khorasan" compare equal. The result is in decomposed form
 * (Hangul syllables as their jamo): folding the pattern and the text alike
 * makes them comparable whatever normalisation either was written in.
 * Nothing depends on the locale. An optional map leads from every byte of
 * the folded text back to the original, to highlight what matched. Plain
 * C; the reader includes it.
 */
#ifndef BRIEFING_FOLD_H
#define BRIEFING_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Fold s[0..len) into a new NUL-terminated string. With map not NULL,
 * *map gets a new array of strlen(result) + 1 offsets: map[i] is where, in
 * s, the character that gave byte i of the result starts (for the space of
 * a run of separators, where the run starts), and the last entry is len.
 * Invalid UTF-8 folds to U+FFFD.
 */
char	*fold(const char *s, size_t len, size_t **map);
/* The bytes [*start, *end) of the original that gave [a, b) of the folded. */
void	 fold_unmap(const size_t *map, size_t foldlen, size_t a, size_t b,
	    size_t *start, size_t *end);
/* Does hay contain needle, both folded first? An empty needle matches. */
bool	 fold_contains(const char *hay, const char *needle);

#endif
