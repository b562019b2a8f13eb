/*
 * xref: a block's text collapsed as it is gathered (an ASCII fast path,
 * no copy of the raw text, no map from raw offsets: the walk notes the
 * collapsed offsets of each mention as it goes), and the snippets cut
 * from it around a mention, by columns, into the index's arena.
 */
#include "xref_int.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* Snippets are at most this many columns, ellipses included. */
#define SNIPPET_COLS	72

#define ELLIPSIS	"\xe2\x80\xa6"

static bool
snip_isspace(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	    c == '\v';
}

/* Columns of the grapheme cluster at s[0..len), its bytes in *n; a
 * control counts one (a placeholder shows it later). */
static int
snip_cluster_cols(const char *s, size_t len, size_t *n)
{
	int w;

	/* ASCII before ASCII, most of any text: one column, no call. */
	if ((unsigned char)s[0] < 0x80 && (len == 1 ||
	    (unsigned char)s[1] < 0x80)) {
		*n = 1;
		return 1;
	}
	*n = utf8_cluster(s, len, &w);
	return w < 0 ? 1 : w;
}

/* Columns of s[0..len). */
static int
snip_cols(const char *s, size_t len)
{
	size_t i = 0, n;
	int w = 0;

	for (; i < len; i += n)
		w += snip_cluster_cols(s + i, len - i, &n);
	return w;
}

/*
 * A walk from a place over at most some columns, a cluster at a time,
 * stopping before the character that would pass them: at[c] is where a
 * walk of c columns stops, for every c up to those columns, and used the
 * columns the longest went over. One walk answers all the shorter ones.
 */
struct reach {
	size_t	at[SNIPPET_COLS + 1];
	int	used;
};

/* Fill at[] from last[] (SIZE_MAX where no step ended at c columns). */
static void
reach_fill(struct reach *r, size_t from, int cols)
{
	int c;

	for (c = 0; c <= cols; c++)
		if (r->at[c] == SIZE_MAX)
			r->at[c] = c > 0 ? r->at[c - 1] : from;
}

/* Back from i over at most cols columns. */
static void
snip_back(const char *s, size_t i, int cols, struct reach *r)
{
	size_t from = i, j;
	int w;

	memset(r->at, 0xff, sizeof r->at);	/* SIZE_MAX */
	r->used = 0;
	while (i > 0) {
		j = utf8_cluster_back(s, i, &w);
		w = w < 0 ? 1 : w;
		if (r->used + w > cols)
			break;
		r->used += w;
		i = j;
		r->at[r->used] = i;
	}
	reach_fill(r, from, cols);
}

/* Forward from i over at most cols columns of s[0..len). */
static void
snip_fwd(const char *s, size_t len, size_t i, int cols, struct reach *r)
{
	size_t from = i, n;
	int w;

	memset(r->at, 0xff, sizeof r->at);	/* SIZE_MAX */
	r->used = 0;
	while (i < len) {
		w = snip_cluster_cols(s + i, len - i, &n);
		if (r->used + w > cols)
			break;
		r->used += w;
		i += n;
		r->at[r->used] = i;
	}
	reach_fill(r, from, cols);
}

/* The line s[lo..hi) into the arena, "…" where it was cut from s[0..len). */
static char *
snip_line(struct arena *a, const char *s, size_t len, size_t lo, size_t hi,
    size_t cs, size_t ce, size_t *ms, size_t *me)
{
	const size_t el = sizeof ELLIPSIS - 1;
	size_t pre = lo > 0 ? el : 0, post = hi < len ? el : 0;
	char *out = arena_alloc(a, pre + (hi - lo) + post + 1);

	memcpy(out, ELLIPSIS, pre);
	memcpy(out + pre, s + lo, hi - lo);
	memcpy(out + pre + (hi - lo), ELLIPSIS, post);
	out[pre + (hi - lo) + post] = '\0';
	*ms = pre + (cs - lo);
	*me = pre + (ce - lo);
	return out;
}

/*
 * One line of context around s[cs..ce) of the collapsed text s[0..len):
 * the mention in the middle, whole words around it as far as the width
 * allows, "…" where text was cut. [*ms, *me) gets where the mention
 * stands in it.
 */
static char *
snip_cut(struct arena *a, const char *s, size_t len, size_t cs, size_t ce,
    size_t *ms, size_t *me)
{
	struct reach back, fwd;
	size_t lo, hi, k;
	int mw, room, bb, ab;

	mw = snip_cols(s + cs, ce - cs);
	room = SNIPPET_COLS - 2 - mw;	/* two columns kept for ellipses */
	if (room <= 0) {
		/* The mention alone fills the line: cut it. */
		snip_fwd(s, ce, cs, SNIPPET_COLS - 2, &fwd);
		hi = fwd.at[SNIPPET_COLS - 2];
		return snip_line(a, s, len, cs, hi, cs, hi, ms, me);
	}

	/* Share the room; a side that has less text leaves it to the other. */
	bb = room / 2;
	ab = room - bb;
	snip_back(s, cs, room, &back);
	snip_fwd(s, len, ce, room, &fwd);
	if (back.used < bb) {
		ab = room - back.used;
		bb = back.used;
	} else if (fwd.used < ab) {
		bb = room - fwd.used;
		ab = fwd.used;
	}
	lo = back.at[bb];
	hi = fwd.at[ab];

	/* Do not show half a word at a cut. */
	if (lo > 0 && s[lo - 1] != ' ' && s[lo] != ' ') {
		for (k = lo; k < cs && s[k] != ' '; k++)
			;
		if (k < cs)
			lo = k + 1;
	}
	if (hi < len && s[hi] != ' ' && s[hi - 1] != ' ') {
		for (k = hi; k > ce && s[k - 1] != ' '; k--)
			;
		if (k > ce)
			hi = k - 1;
	}
	while (lo < cs && s[lo] == ' ')
		lo++;
	while (hi > ce && s[hi - 1] == ' ')
		hi--;
	return snip_line(a, s, len, lo, hi, cs, ce, ms, me);
}

void
flat_reset(struct flat_text *f)
{
	buf_reset(&f->t);
	f->space = true;
}

void
flat_add(struct flat_text *f, const char *s, size_t len)
{
	char *d = buf_reserve(&f->t, len), *start = d;
	bool space = f->space;
	size_t i;

	for (i = 0; i < len; i++) {
		if ((unsigned char)s[i] > ' ' || !snip_isspace(s[i])) {
			*d++ = s[i];
			space = false;
		} else if (!space) {
			*d++ = ' ';
			space = true;
		}
	}
	f->space = space;
	f->t.len += (size_t)(d - start);
	f->t.data[f->t.len] = '\0';
}

char *
flat_snippet(const struct flat_text *f, struct arena *a, size_t cs, size_t ce,
    size_t *ms, size_t *me)
{
	size_t len = f->t.len;

	/* Trailing whitespace is not text. */
	while (len > 0 && f->t.data[len - 1] == ' ')
		len--;
	return snip_cut(a, f->t.data != NULL ? f->t.data : "", len,
	    cs < len ? cs : len, ce < len ? ce : len, ms, me);
}
