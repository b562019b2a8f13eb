#include "textsafe.h"

#include <stdio.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

enum unsafe_action {
	SHOW_CODE,	/* "<U+XXXX>" */
	DROP		/* nothing at all */
};

/* Code points that are not shown as themselves, in ascending order. */
static const struct unsafe_range {
	uint32_t		lo, hi;
	enum unsafe_action	action;
} unsafe_ranges[] = {
	{ 0x0080, 0x009F, SHOW_CODE },	/* C1 controls */
	{ 0x00AD, 0x00AD, DROP },	/* soft hyphen */
	{ 0x061C, 0x061C, SHOW_CODE },	/* arabic letter mark */
	{ 0x180E, 0x180E, SHOW_CODE },	/* mongolian vowel separator */
	{ 0x200B, 0x200B, SHOW_CODE },	/* zero width space */
	{ 0x200E, 0x200F, SHOW_CODE },	/* LRM, RLM */
	{ 0x2028, 0x2029, SHOW_CODE },	/* line and paragraph separators */
	{ 0x202A, 0x202E, SHOW_CODE },	/* bidi embeddings and overrides */
	{ 0x2060, 0x2064, SHOW_CODE },	/* word joiner, invisible operators */
	{ 0x2066, 0x2069, SHOW_CODE },	/* bidi isolates */
	{ 0x206A, 0x206F, SHOW_CODE },	/* deprecated format characters */
	{ 0xFEFF, 0xFEFF, SHOW_CODE },	/* zero width no-break space, BOM */
	{ 0xFFF9, 0xFFFB, SHOW_CODE },	/* interlinear annotation */
	{ 0xE0000, 0xE007F, SHOW_CODE },	/* tag characters */
};

static const struct unsafe_range *
unsafe_find(uint32_t cp)
{
	size_t lo = 0, hi = NITEMS(unsafe_ranges), mid;

	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if (cp < unsafe_ranges[mid].lo)
			hi = mid;
		else if (cp > unsafe_ranges[mid].hi)
			lo = mid + 1;
		else
			return &unsafe_ranges[mid];
	}
	return NULL;
}

static void
set_text(struct textsafe_char *c, uint32_t show, bool placeholder)
{
	c->len = utf8_encode(show, c->text);
	c->text[c->len] = '\0';
	c->width = utf8_cpwidth(show);
	if (c->width < 0)
		c->width = 0;
	c->placeholder = placeholder;
}

size_t
textsafe_next(const char *s, size_t len, struct textsafe_char *c)
{
	const struct unsafe_range *r;
	size_t n;
	uint32_t cp;
	int w;

	n = utf8_decode(s, len, &cp);
	c->cp = cp;
	if (n == 0) {
		c->text[0] = '\0';
		c->len = 0;
		c->width = 0;
		c->placeholder = false;
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
		if (r->action == DROP) {
			c->text[0] = '\0';
			c->len = 0;
			c->width = 0;
			c->placeholder = false;
		} else {
			c->len = (size_t)snprintf(c->text, sizeof c->text,
			    "<U+%04X>", (unsigned)cp);
			c->width = (int)c->len;
			c->placeholder = true;
		}
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
