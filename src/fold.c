/*
 * fold: utf8proc per source character, then a few tables of our own.
 */
#include "fold.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"
#include "util.h"

#define FOLD_OPTIONS	(UTF8PROC_CASEFOLD | UTF8PROC_COMPAT | \
	UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK | UTF8PROC_IGNORE)
/* Longest decomposition in Unicode 15 is 18 code points (U+FDFA). */
#define FOLD_MAXCP	32

/* What a folded character becomes, besides itself. */
enum fold_kind {
	FOLD_SELF,
	FOLD_SEPARATOR,	/* one space for a whole run */
	FOLD_TEXT	/* the replacement string */
};

/*
 * Case-folded code points that utf8proc leaves as they are but that a
 * reader types as ASCII, in ascending order.
 */
static const struct utf8_subst fold_extras[] = {
	{ 0x00E6, "ae" },	/* æ */
	{ 0x00F0, "d" },	/* ð */
	{ 0x00F8, "o" },	/* ø */
	{ 0x00FE, "th" },	/* þ */
	{ 0x0111, "d" },	/* đ */
	{ 0x0127, "h" },	/* ħ */
	{ 0x0131, "i" },	/* dotless ı */
	{ 0x0138, "k" },	/* ĸ */
	{ 0x0142, "l" },	/* ł */
	{ 0x014B, "n" },	/* ŋ */
	{ 0x0153, "oe" },	/* œ */
	{ 0x0167, "t" },	/* ŧ */
	{ 0x0180, "b" },	/* ƀ */
	{ 0x02BC, "'" },	/* modifier letter apostrophe */
	{ 0x2018, "'" },	/* ‘ */
	{ 0x2019, "'" },	/* ’ */
	{ 0x201A, "'" },	/* ‚ */
	{ 0x201B, "'" },	/* ‛ */
	{ 0x201C, "\"" },	/* “ */
	{ 0x201D, "\"" },	/* ” */
	{ 0x201E, "\"" },	/* „ */
	{ 0x201F, "\"" },	/* ‟ */
	{ 0x2032, "'" },	/* prime */
};

/* ASCII: lower case, separators, or itself. */
static const struct {
	char	c;
	bool	separator;
} ascii_fold[128] = {
#define SEP(c)	[c] = { ' ', true }
	SEP('\t'), SEP('\n'), SEP('\v'), SEP('\f'), SEP('\r'), SEP(' '),
	SEP('-'),
#undef SEP
#define UP(c)	[c] = { (char)((c) + 32), false }
	UP('A'), UP('B'), UP('C'), UP('D'), UP('E'), UP('F'), UP('G'),
	UP('H'), UP('I'), UP('J'), UP('K'), UP('L'), UP('M'), UP('N'),
	UP('O'), UP('P'), UP('Q'), UP('R'), UP('S'), UP('T'), UP('U'),
	UP('V'), UP('W'), UP('X'), UP('Y'), UP('Z'),
#undef UP
};

struct folder {
	struct buf	 out;
	size_t		*map;		/* NULL when not asked for */
	size_t		 mapcap;
	bool		 want_map;
	bool		 in_run;	/* the last byte out is a separator's space */
};

static void
emit(struct folder *f, const char *s, size_t n, size_t from)
{
	size_t i;

	if (f->want_map) {
		ARRAY_RESERVE(f->map, f->mapcap, f->out.len + n + 1);
		for (i = 0; i < n; i++)
			f->map[f->out.len + i] = from;
	}
	buf_add(&f->out, s, n);
	f->in_run = false;
}

static void
emit_separator(struct folder *f, size_t from)
{
	if (f->in_run)
		return;
	emit(f, " ", 1, from);
	f->in_run = true;
}

static enum fold_kind
fold_kind(uint32_t cp, const char **text)
{
	utf8proc_category_t c;

	if ((*text = utf8_subst_find(fold_extras, NITEMS(fold_extras), cp)) !=
	    NULL)
		return FOLD_TEXT;
	c = utf8proc_category((utf8proc_int32_t)cp);
	if (c == UTF8PROC_CATEGORY_ZS || c == UTF8PROC_CATEGORY_ZL ||
	    c == UTF8PROC_CATEGORY_ZP || c == UTF8PROC_CATEGORY_PD ||
	    cp == 0x85)
		return FOLD_SEPARATOR;
	return FOLD_SELF;
}

/* One non-ASCII source character at s[from], decoded to cp. */
static void
fold_char(struct folder *f, uint32_t cp, size_t from)
{
	utf8proc_int32_t cps[FOLD_MAXCP];
	utf8proc_ssize_t n, k;
	const char *text;
	char enc[4];

	if (cp == UTF8_REPLACEMENT) {
		emit(f, enc, utf8_encode(cp, enc), from);
		return;
	}
	n = utf8proc_decompose_char((utf8proc_int32_t)cp, cps, FOLD_MAXCP,
	    FOLD_OPTIONS, NULL);
	if (n < 0 || n > FOLD_MAXCP) {
		cps[0] = (utf8proc_int32_t)cp;
		n = 1;
	}
	for (k = 0; k < n; k++) {
		switch (fold_kind((uint32_t)cps[k], &text)) {
		case FOLD_SEPARATOR:
			emit_separator(f, from);
			break;
		case FOLD_TEXT:
			emit(f, text, strlen(text), from);
			break;
		case FOLD_SELF:
			emit(f, enc, utf8_encode((uint32_t)cps[k], enc), from);
			break;
		}
	}
}

/*
 * The ASCII run at s[0..len) that is not a separator, lowered into the
 * output at once; returns its length.
 */
static size_t
fold_ascii_run(struct folder *f, const char *s, size_t len, size_t from)
{
	size_t n, i;
	unsigned char c;
	char *o;

	for (n = 0; n < len && (c = (unsigned char)s[n]) < 0x80 &&
	    !ascii_fold[c].separator; n++)
		continue;
	if (n == 0)
		return 0;
	if (f->want_map) {
		ARRAY_RESERVE(f->map, f->mapcap, f->out.len + n + 1);
		for (i = 0; i < n; i++)
			f->map[f->out.len + i] = from + i;
	}
	buf_add(&f->out, s, n);
	o = f->out.data + f->out.len - n;
	for (i = 0; i < n; i++)
		if (ascii_fold[(unsigned char)o[i]].c != '\0')
			o[i] = ascii_fold[(unsigned char)o[i]].c;
	f->in_run = false;
	return n;
}

char *
fold(const char *s, size_t len, size_t **map)
{
	struct folder f = { .want_map = map != NULL };
	size_t i = 0, n;
	uint32_t cp;

	buf_init(&f.out);
	while (i < len) {
		if ((n = fold_ascii_run(&f, s + i, len - i, i)) > 0) {
			i += n;
			continue;
		}
		if ((unsigned char)s[i] < 0x80) {
			emit_separator(&f, i);
			i++;
			continue;
		}
		n = utf8_decode(s + i, len - i, &cp);
		fold_char(&f, cp, i);
		i += n;
	}
	if (map != NULL) {
		ARRAY_RESERVE(f.map, f.mapcap, f.out.len + 1);
		f.map[f.out.len] = len;
		*map = f.map;
	}
	return buf_release(&f.out);
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
