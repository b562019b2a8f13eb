/*
 * fold: lower case, base letters, no combining marks.
 */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <wctype.h>

#include "utf8.h"
#include "util.h"

/*
 * Base letters of U+00C0..U+017F, one byte per code point; '*' marks the
 * few that are not one letter (see fold_special) and '=' those kept as
 * they are (the multiplication and division signs).
 */
static const char latin_base[] =
	/* U+00C0 */ "aaaaaa*ceeeeiiiidnooooo=ouuuuy**"
	/* U+00E0 */ "aaaaaa*ceeeeiiiidnooooo=ouuuuy*y"
	/* U+0100 */ "aaaaaaccccccccddddeeeeeeeeeegggggggghhhhiiiiiiiiii**jjkkk"
	/* U+0139 */ "llllllllllnnnnnnnnnoooooo**rrrrrrsssssssstttttt"
	/* U+0168 */ "uuuuuuuuuuuuwwyyyzzzzzzs";

_Static_assert(sizeof latin_base - 1 == 0x180 - 0xc0, "latin_base size");

static const char *
fold_special(uint32_t cp)
{
	switch (cp) {
	case 0xc6: case 0xe6:
		return "ae";
	case 0xde: case 0xfe:
		return "th";
	case 0xdf:
		return "ss";
	case 0x132: case 0x133:
		return "ij";
	case 0x152: case 0x153:
		return "oe";
	default:
		return NULL;
	}
}

static bool
is_combining(uint32_t cp)
{
	return (cp >= 0x300 && cp <= 0x36f) || (cp >= 0x1ab0 && cp <= 0x1aff) ||
	    (cp >= 0x1dc0 && cp <= 0x1dff) || (cp >= 0x20d0 && cp <= 0x20ff) ||
	    (cp >= 0xfe20 && cp <= 0xfe2f);
}

static void
emit(struct buf *out, size_t **map, size_t *cap, const char *s, size_t n,
    size_t from)
{
	size_t i;

	if (map != NULL) {
		ARRAY_RESERVE(*map, *cap, out->len + n + 1);
		for (i = 0; i < n; i++)
			(*map)[out->len + i] = from;
	}
	buf_add(out, s, n);
}

char *
fold(const char *s, size_t len, size_t **map)
{
	struct buf out;
	size_t i = 0, n, cap = 0;
	uint32_t cp;
	const char *sp;
	char enc[4], c;

	buf_init(&out);
	if (map != NULL)
		*map = NULL;
	while (i < len) {
		n = utf8_decode(s + i, len - i, &cp);
		if (cp < 0x80) {
			c = (char)(cp >= 'A' && cp <= 'Z' ? cp + 32 : cp);
			emit(&out, map, &cap, &c, 1, i);
		} else if (is_combining(cp)) {
			/* dropped: "e" + U+0301 folds like "é" */
		} else if (cp >= 0xc0 && cp <= 0x17f &&
		    latin_base[cp - 0xc0] != '=') {
			c = latin_base[cp - 0xc0];
			if (c == '*') {
				sp = fold_special(cp);
				emit(&out, map, &cap, sp, strlen(sp), i);
			} else
				emit(&out, map, &cap, &c, 1, i);
		} else {
			if (cp == 0x3c2)	/* final sigma */
				cp = 0x3c3;
			else if (cp != UTF8_REPLACEMENT)
				cp = (uint32_t)towlower((wint_t)cp);
			emit(&out, map, &cap, enc, utf8_encode(cp, enc), i);
		}
		i += n;
	}
	if (map != NULL) {
		ARRAY_RESERVE(*map, cap, out.len + 1);
		(*map)[out.len] = len;
	}
	return buf_release(&out);
}

void
fold_unmap(const size_t *map, size_t foldlen, size_t a, size_t b,
    size_t *start, size_t *end)
{
	size_t k;

	if (a > foldlen)
		a = foldlen;
	if (b > foldlen)
		b = foldlen;
	if (b < a)
		b = a;
	*start = map[a];
	if (b == a) {
		*end = *start;
		return;
	}
	/* The end is where the character of byte b - 1 stops. */
	for (k = b; k < foldlen && map[k] <= map[b - 1]; k++)
		continue;
	*end = map[k];
}

bool
fold_contains(const char *hay, const char *needle)
{
	char *fh, *fn;
	bool found;

	fh = fold(hay, strlen(hay), NULL);
	fn = fold(needle, strlen(needle), NULL);
	found = strstr(fh, fn) != NULL;
	free(fh);
	free(fn);
	return found;
}
