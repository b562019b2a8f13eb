/*
 * textsafe: a table of unsafe ranges, an ASCII fast path, and utf8proc's
 * compatibility decompositions plus a table of our own for ASCII output.
 */
#include "textsafe.h"

#include <stdio.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"
#include "util.h"

enum unsafe_action {
	SHOW_CODE,	/* "<U+XXXX>" */
	DROP		/* nothing at all */
};

/* Code points that are not shown as themselves, in ascending order. */
static const struct unsafe_range {
	struct utf8_range	range;	/* first: utf8_range_find reads it */
	enum unsafe_action	action;
} unsafe_ranges[] = {
	{ { 0x0080, 0x009F }, SHOW_CODE },	/* C1 controls */
	{ { 0x00AD, 0x00AD }, DROP },	/* soft hyphen */
	{ { 0x061C, 0x061C }, SHOW_CODE },	/* arabic letter mark */
	{ { 0x180E, 0x180E }, SHOW_CODE },	/* mongolian vowel separator */
	{ { 0x200B, 0x200B }, SHOW_CODE },	/* zero width space */
	{ { 0x200E, 0x200F }, SHOW_CODE },	/* LRM, RLM */
	{ { 0x2028, 0x2029 }, SHOW_CODE },	/* line and paragraph separators */
	{ { 0x202A, 0x202E }, SHOW_CODE },	/* bidi embeddings and overrides */
	{ { 0x2060, 0x2064 }, SHOW_CODE },	/* word joiner, invisible operators */
	{ { 0x2066, 0x2069 }, SHOW_CODE },	/* bidi isolates */
	{ { 0x206A, 0x206F }, SHOW_CODE },	/* deprecated format characters */
	{ { 0xFEFF, 0xFEFF }, SHOW_CODE },	/* zero width no-break space, BOM */
	{ { 0xFFF9, 0xFFFB }, SHOW_CODE },	/* interlinear annotation */
	{ { 0xE0000, 0xE007F }, SHOW_CODE },	/* tag characters */
};

/*
 * ASCII for characters whose compatibility decomposition is not ASCII,
 * in ascending order: letters with a stroke or of two letters, and the
 * punctuation, arrows and frames that text and the reader's own drawing
 * use. Anything else not ASCII becomes "?".
 */
static const struct utf8_subst translits[] = {
	{ 0x00A1, "!" }, { 0x00A9, "(C)" }, { 0x00AB, "\"" }, { 0x00AE, "(R)" },
	{ 0x00B0, "o" }, { 0x00B1, "+-" }, { 0x00B7, "." }, { 0x00BB, "\"" },
	{ 0x00BF, "?" }, { 0x00C6, "AE" }, { 0x00D0, "D" }, { 0x00D7, "x" },
	{ 0x00D8, "O" }, { 0x00DE, "TH" }, { 0x00DF, "ss" }, { 0x00E6, "ae" },
	{ 0x00F0, "d" }, { 0x00F7, "/" }, { 0x00F8, "o" }, { 0x00FE, "th" },
	{ 0x0110, "D" }, { 0x0111, "d" }, { 0x0126, "H" }, { 0x0127, "h" },
	{ 0x0131, "i" }, { 0x0138, "k" }, { 0x0141, "L" }, { 0x0142, "l" },
	{ 0x014A, "N" }, { 0x014B, "n" }, { 0x0152, "OE" }, { 0x0153, "oe" },
	{ 0x0166, "T" }, { 0x0167, "t" }, { 0x0180, "b" }, { 0x02BC, "'" },
	{ 0x2010, "-" }, { 0x2012, "-" }, { 0x2013, "-" }, { 0x2014, "-" },
	{ 0x2015, "-" }, { 0x2018, "'" }, { 0x2019, "'" }, { 0x201A, "'" },
	{ 0x201B, "'" }, { 0x201C, "\"" }, { 0x201D, "\"" }, { 0x201E, "\"" },
	{ 0x201F, "\"" }, { 0x2020, "+" }, { 0x2022, "*" }, { 0x2026, "~" },
	{ 0x2032, "'" }, { 0x2039, "<" }, { 0x203A, ">" }, { 0x2044, "/" }, { 0x20AC, "EUR" },
	{ 0x2190, "<-" }, { 0x2192, "->" }, { 0x2212, "-" }, { 0x2500, "-" },
	{ 0x2501, "-" }, { 0x2502, "|" }, { 0x2503, "|" }, { 0x250C, "+" },
	{ 0x2510, "+" }, { 0x2514, "+" }, { 0x2518, "+" }, { 0x251C, "+" },
	{ 0x2524, "+" }, { 0x252C, "+" }, { 0x2534, "+" }, { 0x253C, "+" },
	{ 0x2550, "=" }, { 0x2551, "|" }, { 0x25AA, "-" }, { 0x25B6, ">" },
	{ 0x25B8, ">" }, { 0x25CF, "*" }, { 0x25E6, "o" }, { 0xFFFD, "?" },
};

/*
 * The blocks of 256 code points below U+10000 that hold any of the
 * unsafe ranges: only there is the table searched.
 */
static const bool unsafe_block[256] = {
	[0x00] = true, [0x06] = true, [0x18] = true, [0x20] = true,
	[0xFE] = true, [0xFF] = true,
};

static const struct unsafe_range *
unsafe_find(uint32_t cp)
{
	if (cp < 0x10000 ? !unsafe_block[cp >> 8] : cp >> 8 != 0xE00)
		return NULL;
	return utf8_range_find(unsafe_ranges, NITEMS(unsafe_ranges),
	    sizeof unsafe_ranges[0], cp);
}

static bool ascii_output;

void
textsafe_set_ascii(bool ascii)
{
	ascii_output = ascii;
}

bool
textsafe_ascii(void)
{
	return ascii_output;
}

/*
 * ASCII for cp into out[0..cap): its compatibility decomposition without
 * marks, each part printable ASCII or in translits. Returns the length
 * (0 for a character that decomposes to nothing, such as a lone mark), or
 * -1 when there is no ASCII for it.
 */
static int
translit(uint32_t cp, char *out, size_t cap)
{
	utf8proc_int32_t cps[32];
	utf8proc_ssize_t n, k;
	const char *t;
	size_t len = 0, tl;

	n = utf8proc_decompose_char((utf8proc_int32_t)cp, cps, NITEMS(cps),
	    UTF8PROC_COMPAT | UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK |
	    UTF8PROC_IGNORE, NULL);
	if (n < 0 || (size_t)n > NITEMS(cps))
		return -1;
	for (k = 0; k < n; k++) {
		if (cps[k] >= 0x20 && cps[k] < 0x7F) {
			if (len + 1 >= cap)
				return -1;
			out[len++] = (char)cps[k];
			continue;
		}
		if ((t = utf8_subst_find(translits, NITEMS(translits),
		    (uint32_t)cps[k])) == NULL ||
		    len + (tl = strlen(t)) >= cap)
			return -1;
		memcpy(out + len, t, tl);
		len += tl;
	}
	out[len] = '\0';
	return (int)len;
}

static void
set_code(struct textsafe_char *c, uint32_t code)
{
	c->len = (size_t)snprintf(c->text, sizeof c->text, "<U+%04X>",
	    (unsigned)code);
	c->width = (int)c->len;
	c->placeholder = true;
}

static void
set_text(struct textsafe_char *c, uint32_t show, bool placeholder)
{
	if (ascii_output && show >= 0x80) {
		set_code(c, show);
		c->placeholder = placeholder;
		return;
	}
	c->len = utf8_encode(show, c->text);
	c->text[c->len] = '\0';
	c->width = utf8_cpwidth(show);
	if (c->width < 0)
		c->width = 0;
	c->placeholder = placeholder;
}

static void
set_dropped(struct textsafe_char *c)
{
	c->text[0] = '\0';
	c->len = 0;
	c->width = 0;
	c->placeholder = false;
}

/* A safe character that is not ASCII, under ASCII output. */
static void
set_ascii_of(struct textsafe_char *c, uint32_t cp)
{
	int n;

	if (utf8_cpwidth(cp) == 0) {
		set_dropped(c);		/* marks and joiners: the base stays */
		return;
	}
	if ((n = translit(cp, c->text, sizeof c->text)) <= 0) {
		c->text[0] = '?';
		c->text[1] = '\0';
		n = 1;
	}
	c->len = (size_t)n;
	c->width = n;
	c->placeholder = false;
}

size_t
textsafe_next(const char *s, size_t len, struct textsafe_char *c)
{
	const struct unsafe_range *r;
	unsigned char b;
	size_t n;
	uint32_t cp;
	int w;

	/* Printable ASCII, most of any text: itself, one column. */
	if (len > 0 && (b = (unsigned char)s[0]) >= 0x20 && b < 0x7F) {
		c->cp = b;
		c->text[0] = (char)b;
		c->text[1] = '\0';
		c->len = 1;
		c->width = 1;
		c->placeholder = false;
		return 1;
	}
	n = utf8_decode(s, len, &cp);
	c->cp = cp;
	if (n == 0) {
		set_dropped(c);
		return 0;
	}
	if (cp == UTF8_REPLACEMENT && n == 1) {
		/* An invalid byte (a U+FFFD written in the text takes 3). */
		set_text(c, UTF8_REPLACEMENT, true);
		return n;
	}
	if (cp < 0x20) {
		set_text(c, 0x2400 + cp, true);
		return n;
	}
	if (cp == 0x7F) {
		set_text(c, 0x2421, true);
		return n;
	}
	if ((r = unsafe_find(cp)) != NULL) {
		if (r->action == DROP)
			set_dropped(c);
		else
			set_code(c, cp);
		return n;
	}
	if (ascii_output) {
		set_ascii_of(c, cp);
		return n;
	}
	memcpy(c->text, s, n);
	c->text[n] = '\0';
	c->len = n;
	w = utf8_cpwidth(cp);
	c->width = w < 0 ? 0 : w;
	c->placeholder = false;
	return n;
}

int
textsafe_shown_width(uint32_t cp)
{
	int w;

	if (cp < 0x80)
		return cp >= 0x20 && cp < 0x7F ? 1 : -1;
	if (ascii_output || cp > 0x10FFFF || unsafe_find(cp) != NULL)
		return -1;
	w = utf8_cpwidth(cp);
	return w < 0 ? 0 : w;
}

/* Walk s, giving each shown piece to the buffer (when set); returns columns. */
static int
textsafe_walk(const char *s, size_t len, bool oneline, struct buf *out)
{
	struct textsafe_char c;
	size_t i = 0, n;
	int width = 0;

	while (i < len) {
		n = textsafe_next(s + i, len - i, &c);
		i += n;
		if (oneline && (c.cp == '\t' || c.cp == '\n')) {
			c.text[0] = ' ';
			c.text[1] = '\0';
			c.len = 1;
			c.width = 1;
		}
		if (out != NULL)
			buf_add(out, c.text, c.len);
		width += c.width;
	}
	return width;
}

char *
textsafe_string(const char *s, size_t len, bool oneline, size_t *outlen)
{
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	textsafe_walk(s, len, oneline, &b);
	if (outlen != NULL)
		*outlen = b.len;
	return buf_release(&b);
}

int
textsafe_width(const char *s, size_t len, bool oneline)
{
	return textsafe_walk(s, len, oneline, NULL);
}

/* Does s[0..len) hold only the start of a longer valid sequence? */
static bool
utf8_truncated(const unsigned char *s, size_t len)
{
	size_t need, i;

	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		need = 2;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		need = 3;
	else if (s[0] >= 0xF0 && s[0] <= 0xF4)
		need = 4;
	else
		return false;
	if (len >= need)
		return false;
	for (i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return false;
	return true;
}

size_t
textsafe_ascii_columns(const char *s, size_t len, char *out, size_t *outlen)
{
	const unsigned char *u = (const unsigned char *)s;
	char t[12];
	size_t i = 0, o = 0, n;
	uint32_t cp;
	int w, tl, k;

	while (i < len) {
		if (u[i] < 0x80) {
			out[o++] = s[i++];
			continue;
		}
		if (utf8_truncated(u + i, len - i))
			break;
		n = utf8_decode(s + i, len - i, &cp);
		i += n;
		if (cp == UTF8_REPLACEMENT && n == 1) {
			out[o++] = '?';
			continue;
		}
		/* A k-byte character (k >= 2) takes at most 2 <= k columns. */
		w = utf8_cpwidth(cp);
		if ((tl = translit(cp, t, sizeof t)) < 0) {
			t[0] = '?';
			tl = 1;
		}
		for (k = 0; k < w; k++)
			out[o++] = k < tl ? t[k] : ' ';
	}
	*outlen = o;
	return i;
}
