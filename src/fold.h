/*
 * fold: case- and accent-folding of UTF-8 text, so that the actor index
 * filter and the search find "Sahel" for "sahel" and "Kurdistan" for
 * "kürdistan". Folding lowers the case (towlower, so it follows the UTF-8
 * LC_CTYPE main sets), maps the Latin letters with diacritics of Latin-1
 * and Latin Extended-A to their base letters (ß to "ss", æ to "ae"), and
 * drops combining marks. An optional map leads from every byte of the
 * folded text back to the original, to highlight what matched. Plain C;
 * the reader includes it.
 */
#ifndef BRIEFING_FOLD_H
#define BRIEFING_FOLD_H

#include <stdbool.h>
#include <stddef.h>

/*
 * Fold s[0..len) into a new NUL-terminated string. With map not NULL,
 * *map gets a new array of strlen(result) + 1 offsets: map[i] is where, in
 * s, the character that gave byte i of the result starts, and the last
 * entry is len. Invalid UTF-8 folds to U+FFFD.
 */
char	*fold(const char *s, size_t len, size_t **map);
/* The bytes [*start, *end) of the original that gave [a, b) of the folded. */
void	 fold_unmap(const size_t *map, size_t foldlen, size_t a, size_t b,
	    size_t *start, size_t *end);
/* Does hay contain needle, both folded first? An empty needle matches. */
bool	 fold_contains(const char *hay, const char *needle);

#endif
