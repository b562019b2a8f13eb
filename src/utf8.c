/*
 * utf8: the codec by hand; widths, clusters and categories from utf8proc.
 */
#include "utf8.h"

#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "util.h"


/* ASCII widths: -1 for controls and DEL, 1 for the rest. */
static const signed char ascii_width[128] = {
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	-1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1, -1,
	 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
	 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
	 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
	 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
	 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,
	 1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1,  1, -1,
};

/* ASCII word characters: digits, letters, '_'. */
static const bool ascii_word[128] = {
	['0'] = 1, ['1'] = 1, ['2'] = 1, ['3'] = 1, ['4'] = 1,
	['5'] = 1, ['6'] = 1, ['7'] = 1, ['8'] = 1, ['9'] = 1,
	['A'] = 1, ['B'] = 1, ['C'] = 1, ['D'] = 1, ['E'] = 1, ['F'] = 1,
	['G'] = 1, ['H'] = 1, ['I'] = 1, ['J'] = 1, ['K'] = 1, ['L'] = 1,
	['M'] = 1, ['N'] = 1, ['O'] = 1, ['P'] = 1, ['Q'] = 1, ['R'] = 1,
	['S'] = 1, ['T'] = 1, ['U'] = 1, ['V'] = 1, ['W'] = 1, ['X'] = 1,
	['Y'] = 1, ['Z'] = 1, ['_'] = 1,
	['a'] = 1, ['b'] = 1, ['c'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1,
	['g'] = 1, ['h'] = 1, ['i'] = 1, ['j'] = 1, ['k'] = 1, ['l'] = 1,
	['m'] = 1, ['n'] = 1, ['o'] = 1, ['p'] = 1, ['q'] = 1, ['r'] = 1,
	['s'] = 1, ['t'] = 1, ['u'] = 1, ['v'] = 1, ['w'] = 1, ['x'] = 1,
	['y'] = 1, ['z'] = 1,
};

/* Indexed by utf8proc_category_t: letters, marks, numbers, connectors. */
static const bool category_word[] = {
	false,	/* CN */
	true,	/* LU */
	true,	/* LL */
	true,	/* LT */
	true,	/* LM */
	true,	/* LO */
	true,	/* MN */
	true,	/* MC */
	true,	/* ME */
	true,	/* ND */
	true,	/* NL */
	true,	/* NO */
	true,	/* PC */
	false,	/* PD */
	false,	/* PS */
	false,	/* PE */
	false,	/* PI */
	false,	/* PF */
	false,	/* PO */
	false,	/* SM */
	false,	/* SC */
	false,	/* SK */
	false,	/* SO */
	false,	/* ZS */
	false,	/* ZL */
	false,	/* ZP */
	false,	/* CC */
	false,	/* CF */
	false,	/* CS */
	false,	/* CO */
};

/* Scripts written without spaces between words, in ascending order. */
static const struct utf8_range unspaced_ranges[] = {
	{ 0x0E00, 0x0EFF },	/* Thai, Lao */
	{ 0x0F00, 0x0FFF },	/* Tibetan */
	{ 0x1000, 0x109F },	/* Myanmar */
	{ 0x1780, 0x17FF },	/* Khmer */
	{ 0x1950, 0x19FF },	/* Tai Le, New Tai Lue, Khmer symbols */
	{ 0x1A20, 0x1AAF },	/* Tai Tham */
	{ 0x1B00, 0x1B7F },	/* Balinese */
	{ 0x2E80, 0x2FDF },	/* CJK radicals, Kangxi radicals */
	{ 0x3005, 0x3007 },	/* ideographic iteration mark, closing mark, zero */
	{ 0x3021, 0x3029 },	/* Hangzhou numerals */
	{ 0x3031, 0x3035 },	/* kana repeat marks */
	{ 0x303B, 0x303C },	/* vertical iteration mark, masu mark */
	{ 0x3040, 0x312F },	/* Hiragana, Katakana, Bopomofo */
	{ 0x31A0, 0x31FF },	/* Bopomofo extended, CJK strokes, Katakana ext. */
	{ 0x3400, 0x4DBF },	/* CJK extension A */
	{ 0x4E00, 0x9FFF },	/* CJK unified ideographs */
	{ 0xA000, 0xA4CF },	/* Yi */
	{ 0xA980, 0xA9FF },	/* Javanese, Myanmar extended-B */
	{ 0xAA60, 0xAADF },	/* Myanmar extended-A, Tai Viet */
	{ 0xF900, 0xFAFF },	/* CJK compatibility ideographs */
	{ 0xFF66, 0xFF9F },	/* halfwidth Katakana */
	{ 0x16FE0, 0x16FFF },	/* ideographic symbols */
	{ 0x17000, 0x18AFF },	/* Tangut */
	{ 0x1B000, 0x1B16F },	/* Kana supplement and extensions */
	{ 0x20000, 0x2FA1F },	/* CJK extensions B-F, compatibility supplement */
	{ 0x30000, 0x323AF },	/* CJK extensions G, H */
};

static int
range_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct utf8_range *r = elem;

	return cp < r->lo ? -1 : cp > r->hi ? 1 : 0;
}

static int
subst_cmp(const void *key, const void *elem)
{
	uint32_t cp = *(const uint32_t *)key;
	const struct utf8_subst *t = elem;

	return cp < t->cp ? -1 : cp > t->cp ? 1 : 0;
}

const void *
utf8_range_find(const void *base, size_t n, size_t size, uint32_t cp)
{
	return bsearch(&cp, base, n, size, range_cmp);
}

const char *
utf8_subst_find(const struct utf8_subst *t, size_t n, uint32_t cp)
{
	const struct utf8_subst *found = bsearch(&cp, t, n, sizeof *t,
	    subst_cmp);

	return found != NULL ? found->to : NULL;
}

size_t
utf8_decode(const char *str, size_t len, uint32_t *cp)
{
	const unsigned char *s = (const unsigned char *)str;
	uint32_t c, min;
	size_t n, i;

	if (len == 0) {
		*cp = 0;
		return 0;
	}
	c = s[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	} else if (c >= 0xC2 && c <= 0xDF) {
		n = 2; c &= 0x1F; min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3; c &= 0x0F; min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4; c &= 0x07; min = 0x10000;
	} else {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	if (len < n) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	for (i = 1; i < n; i++) {
		if ((s[i] & 0xC0) != 0x80) {
			*cp = UTF8_REPLACEMENT;
			return 1;
		}
		c = (c << 6) | (s[i] & 0x3F);
	}
	if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
		*cp = UTF8_REPLACEMENT;
		return 1;
	}
	*cp = c;
	return n;
}

/*
 * The bytes of the sequence that starts with byte c (0 when c cannot
 * start one) and the range its second byte must be in (the others are
 * 0x80-0xBF): what utf8_decode accepts, without overlong forms,
 * surrogates or code points past U+10FFFF.
 */
static size_t
utf8_lead(unsigned char c, unsigned char *lo, unsigned char *hi)
{
	*lo = 0x80;
	*hi = 0xBF;
	if (c >= 0xC2 && c <= 0xDF)
		return 2;
	if (c >= 0xE0 && c <= 0xEF) {
		if (c == 0xE0)
			*lo = 0xA0;
		else if (c == 0xED)
			*hi = 0x9F;
		return 3;
	}
	if (c >= 0xF0 && c <= 0xF4) {
		if (c == 0xF0)
			*lo = 0x90;
		else if (c == 0xF4)
			*hi = 0x8F;
		return 4;
	}
	return 0;
}

bool
utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	unsigned char lo, hi;
	uint64_t word;
	size_t i = 0, n, k;

	while (i < len) {
		if (len - i >= 8) {
			memcpy(&word, s + i, 8);
			if ((word & UINT64_C(0x8080808080808080)) == 0) {
				i += 8;
				continue;
			}
		}
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		n = utf8_lead(s[i], &lo, &hi);
		if (n == 0 || len - i < n || s[i + 1] < lo || s[i + 1] > hi)
			return false;
		for (k = 2; k < n; k++)
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
		i += n;
	}
	return true;
}

size_t
utf8_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;

	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = UTF8_REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	} else if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | (cp >> 6));
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	} else if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | (cp >> 12));
		o[1] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | (cp >> 18));
	o[1] = (unsigned char)(0x80 | ((cp >> 12) & 0x3F));
	o[2] = (unsigned char)(0x80 | ((cp >> 6) & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

int
utf8_cpwidth(uint32_t cp)
{
	if (cp < 0x80)
		return ascii_width[cp];
	if (cp < 0xA0)
		return -1;	/* C1 controls */
	if (cp > 0x10FFFF)
		return 1;
	/* Hangul medial vowels and final consonants join the syllable. */
	if ((cp >= 0x1160 && cp <= 0x11FF) || (cp >= 0xD7B0 && cp <= 0xD7FF))
		return 0;
	return utf8proc_charwidth((utf8proc_int32_t)cp);
}

/* The code points of Grapheme_Cluster_Break=Prepend lie in these. */
#define MAY_PREPEND(cp)	(((cp) >= 0x600 && (cp) <= 0x8E2 && ((cp) <= 0x605 || \
	(cp) == 0x6DD || (cp) == 0x70F || (cp) == 0x890 || (cp) == 0x891 || \
	(cp) == 0x8E2)) || (cp) == 0xD4E || (cp) >= 0x110BD)

#define ZWJ		0x200Du
#define IS_RI(cp)	((cp) >= 0x1F1E6u && (cp) <= 0x1F1FFu)

/*
 * Is there surely a cluster break between cp and next? Before U+0300
 * nothing joins a character, nor does a letter of no special class (most
 * of any script), unless the character is a prepended mark (Arabic
 * number signs, a few others; those are left to the rules): one table
 * lookup where the rules take several.
 */
static bool
surely_breaks(uint32_t cp, uint32_t next)
{
	return !MAY_PREPEND(cp) && (next < 0x300 ||
	    utf8proc_get_property((utf8proc_int32_t)next)->boundclass ==
	    UTF8PROC_BOUNDCLASS_OTHER);
}

size_t
utf8_cluster(const char *str, size_t len, int *width)
{
	const unsigned char *s = (const unsigned char *)str;
	utf8proc_int32_t state = 0;
	uint32_t cp, next;
	size_t i, n;
	int w, cw;

	if (len == 0) {
		*width = 0;
		return 0;
	}
	/* ASCII before ASCII: one byte, but CR LF is one cluster. */
	if (s[0] < 0x80 && (len == 1 || s[1] < 0x80)) {
		if (s[0] == '\r' && len > 1 && s[1] == '\n') {
			*width = -1;
			return 2;
		}
		*width = ascii_width[s[0]];
		return 1;
	}
	i = utf8_decode(str, len, &cp);
	w = utf8_cpwidth(cp);
	while (i < len) {
		n = utf8_decode(str + i, len - i, &next);
		if (surely_breaks(cp, next) ||
		    utf8proc_grapheme_break_stateful((utf8proc_int32_t)cp,
		    (utf8proc_int32_t)next, &state))
			break;
		cw = utf8_cpwidth(next);
		if (w >= 0 && cw > 0)
			w += cw;
		cp = next;
		i += n;
	}
	*width = w;
	return i;
}

/* Start of the character before s[i] (i > 0). */
static size_t
char_before(const char *s, size_t i)
{
	size_t j = i - 1;

	while (j > 0 && i - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	return j;
}

size_t
utf8_cluster_back(const char *s, size_t i, int *width)
{
	size_t j, k, n, last;
	uint32_t cp, prev;
	int steps, w, cw;

	if (i == 0) {
		*width = 0;
		return 0;
	}
	/* ASCII after ASCII: one byte, but CR LF is one cluster. */
	if ((unsigned char)s[i - 1] < 0x80 &&
	    (i == 1 || (unsigned char)s[i - 2] < 0x80)) {
		if (s[i - 1] == '\n' && i > 1 && s[i - 2] == '\r') {
			*width = -1;
			return i - 2;
		}
		*width = ascii_width[(unsigned char)s[i - 1]];
		return i - 1;
	}
	j = last = char_before(s, i);
	utf8_decode(s + j, i - j, &cp);
	/* Backwards the rules lack what came before: an emoji after a
	 * joiner is joined (GB11), and two regional indicators are one
	 * flag, never more (i is taken to be between flags). */
	for (steps = 0; j > 0 && steps < 16; steps++) {
		k = char_before(s, j);
		utf8_decode(s + k, j - k, &prev);
		if (prev != ZWJ && !utf8_joins(prev, cp))
			break;
		j = k;
		if (IS_RI(prev) && IS_RI(cp))
			break;
		cp = prev;
	}
	if (j == last) {
		*width = utf8_cpwidth(cp);	/* one character */
		return j;
	}
	/* As wide as its code points together, as utf8_cluster counts. */
	for (w = 0, k = j; k < i; k += n) {
		n = utf8_decode(s + k, i - k, &cp);
		if ((cw = utf8_cpwidth(cp)) > 0)
			w += cw;
	}
	*width = w;
	return j;
}

bool
utf8_joins(uint32_t cp, uint32_t next)
{
	utf8proc_int32_t state = 0;

	return !surely_breaks(cp, next) &&
	    !utf8proc_grapheme_break_stateful((utf8proc_int32_t)cp,
	    (utf8proc_int32_t)next, &state);
}
int
utf8_width(const char *s, size_t len)
{
	size_t i = 0;
	int w = 0, cw;

	while (i < len) {
		/* Printable ASCII before ASCII: one column, no lookup. */
		if ((unsigned char)s[i] >= 0x20 && (unsigned char)s[i] < 0x7F &&
		    (i + 1 == len || (unsigned char)s[i + 1] < 0x80)) {
			w++;
			i++;
			continue;
		}
		i += utf8_cluster(s + i, len - i, &cw);
		if (cw > 0)
			w += cw;
	}
	return w;
}

bool
utf8_isword(uint32_t cp)
{
	utf8proc_category_t c;

	if (cp < 0x80)
		return ascii_word[cp];
	c = utf8proc_category((utf8proc_int32_t)cp);
	return (size_t)c < NITEMS(category_word) && category_word[c];
}

uint32_t
utf8_tolower(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp - 'A' + 'a' : cp;
	return (uint32_t)utf8proc_tolower((utf8proc_int32_t)cp);
}

bool
utf8_unspaced(uint32_t cp)
{
	if (cp < 0x0E00)
		return false;
	return utf8_range_find(unspaced_ranges, NITEMS(unspaced_ranges),
	    sizeof unspaced_ranges[0], cp) != NULL;
}
