/*
 * fuzz_textsafe: the sanitiser, widths, clusters and folding on raw
 * bytes. The first byte is flags (1: ASCII output; 2: one line), the
 * rest the text. Each code point textsafe_next gives, textsafe_string
 * and textsafe_ascii_columns (fed in pieces, as a stream is) must be
 * safe; clusters must make progress within the text; fold's map must
 * lead back into the text, and fold_unmap of fuzzed ranges too.
 */
#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "fuzz.h"
#include "textsafe.h"
#include "utf8.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static void
check_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		FUZZ_ASSERT((unsigned char)s[i] < 0x80);
}

static void
chars(const char *s, size_t len, bool ascii)
{
	struct textsafe_char c;
	size_t n;

	for (; len > 0; s += n, len -= n) {
		n = textsafe_next(s, len, &c);
		FUZZ_ASSERT(n >= 1 && n <= len);
		FUZZ_ASSERT(c.len < sizeof c.text && c.text[c.len] == '\0');
		FUZZ_ASSERT(strlen(c.text) == c.len && c.width >= 0);
		fuzz_check_safe(c.text, c.len);
		if (ascii)
			check_ascii(c.text, c.len);
		utf8_isword(c.cp);
		utf8_unspaced(c.cp);
	}
}

/* textsafe_ascii_columns over s in pieces of `piece` bytes. */
static void
columns(const char *s, size_t len, size_t piece)
{
	char in[64], out[64];
	size_t have = 0, take, used, outlen;

	while (len > 0 || have > 0) {
		take = piece - have < len ? piece - have : len;
		memcpy(in + have, s, take);
		s += take;
		len -= take;
		have += take;
		used = textsafe_ascii_columns(in, have, out, &outlen);
		FUZZ_ASSERT(used <= have && outlen <= have);
		check_ascii(out, outlen);
		if (len == 0 && used < have)
			break;	/* a character cut by the end */
		/* Only an unfinished character is held back. */
		FUZZ_ASSERT(have - used < 4);
		memmove(in, in + used, have - used);
		have -= used;
	}
}

static void
folding(const char *s, size_t len, const uint8_t *r, size_t nr)
{
	size_t *map, flen, i, a, b, start, end;
	char *f = fold(s, len, &map);

	flen = strlen(f);
	FUZZ_ASSERT(map[flen] == len);
	for (i = 0; i < flen; i++)
		FUZZ_ASSERT(map[i] <= len);
	for (i = 0; i + 1 < nr; i += 2) {
		a = r[i] % (flen + 1);
		b = a + r[i + 1] % (flen - a + 1);
		fold_unmap(map, flen, a, b, &start, &end);
		FUZZ_ASSERT(start <= end && end <= len);
	}
	free(f);
	free(map);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fin in = { data, size };
	unsigned flags = fin_byte(&in);
	bool ascii = flags & 1;
	char *text = malloc(in.n + 1), *safe;
	size_t len = in.n, n, outlen;
	int w;

	memcpy(text, in.p, len);
	text[len] = '\0';
	textsafe_set_ascii(ascii);
	chars(text, len, ascii);
	safe = textsafe_string(text, len, flags & 2, &outlen);
	FUZZ_ASSERT(strlen(safe) == outlen);
	fuzz_check_safe(safe, outlen);
	if (ascii)
		check_ascii(safe, outlen);
	FUZZ_ASSERT(textsafe_width(text, len, flags & 2) >= 0);
	free(safe);
	columns(text, len, 4 + (flags >> 2) % 29);
	for (n = 0; n < len;) {
		size_t k = utf8_cluster(text + n, len - n, &w);

		FUZZ_ASSERT(k >= 1 && k <= len - n && w >= -1);
		n += k;
	}
	FUZZ_ASSERT(utf8_width(text, len) >= 0);
	FUZZ_ASSERT(diag_quote_len(text, len) >= 0 &&
	    (size_t)diag_quote_len(text, len) <= len &&
	    diag_quote_len(text, len) <= DIAG_QUOTE_MAX);
	/* fold's text is a string: a NUL in it would end its result. */
	folding(text, strlen(text), data, size < 64 ? size : 64);
	FUZZ_ASSERT(fold_contains(text, text));
	fold_contains(text, text + len / 2);
	textsafe_set_ascii(false);
	free(text);
	return 0;
}
