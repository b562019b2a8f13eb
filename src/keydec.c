/*
 * keydec: a small UTF-8 decoder with the rules of RFC 3629 (no overlong
 * forms, no surrogates, nothing past U+10FFFF), one byte at a time.
 */
#include "keydec.h"

#include <wchar.h>

void
keydec_init(struct keydec *k, bool utf8)
{
	k->utf8 = utf8;
	keydec_reset(k);
}

void
keydec_reset(struct keydec *k)
{
	k->cp = 0;
	k->need = 0;
	k->min = 0;
}

bool
keydec_pending(const struct keydec *k)
{
	return k->need > 0;
}

/* The first byte of a character: its bits, and how many follow. */
static enum keydec_result
lead(struct keydec *k, unsigned char b, uint32_t *cp)
{
	if (b < 0x80) {
		*cp = b;
		return KEYDEC_KEY;
	}
	if (b >= 0xc2 && b <= 0xdf) {
		k->cp = b & 0x1f;
		k->need = 1;
		k->min = 0x80;
	} else if (b >= 0xe0 && b <= 0xef) {
		k->cp = b & 0x0f;
		k->need = 2;
		k->min = 0x800;
	} else if (b >= 0xf0 && b <= 0xf4) {
		k->cp = b & 0x07;
		k->need = 3;
		k->min = 0x10000;
	} else
		return KEYDEC_INVALID;	/* a continuation, C0, C1, F5-FF */
	return KEYDEC_MORE;
}

enum keydec_result
keydec_byte(struct keydec *k, unsigned char b, uint32_t *cp)
{
	wint_t wc;

	if (!k->utf8) {
		if (b < 0x80) {
			*cp = b;
			return KEYDEC_KEY;
		}
		if ((wc = btowc(b)) == WEOF)
			return KEYDEC_INVALID;
		*cp = (uint32_t)wc;
		return KEYDEC_KEY;
	}
	if (k->need == 0)
		return lead(k, b, cp);
	if ((b & 0xc0) != 0x80) {
		/* The character was cut short; this byte starts anew. */
		keydec_reset(k);
		return KEYDEC_INVALID_AGAIN;
	}
	k->cp = k->cp << 6 | (b & 0x3f);
	if (--k->need > 0)
		return KEYDEC_MORE;
	*cp = k->cp;
	if (*cp < k->min || *cp > 0x10ffff ||
	    (*cp >= 0xd800 && *cp <= 0xdfff)) {
		keydec_reset(k);
		return KEYDEC_INVALID;
	}
	keydec_reset(k);
	return KEYDEC_KEY;
}
