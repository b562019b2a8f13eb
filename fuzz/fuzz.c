/*
 * fuzz: the input stream, the archive of files, and the checks the
 * targets share (fuzz.h).
 */
#include "fuzz.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "load.h"
#include "textsafe.h"
#include "utf8.h"
#include "util.h"

uint8_t
fin_byte(struct fin *in)
{
	if (in->n == 0)
		return 0;
	in->n--;
	return *in->p++;
}

int
fin_range(struct fin *in, int lo, int hi)
{
	return lo + fin_byte(in) % (hi - lo + 1);
}

unsigned
fin_u16(struct fin *in)
{
	unsigned hi = fin_byte(in);

	return hi << 8 | fin_byte(in);
}

void
fuzz_fail(const char *file, int line, const char *what)
{
	fprintf(stderr, "%s:%d: broken promise: %s\n", file, line, what);
	abort();
}

/* ---- the archive ---------------------------------------------------------- */

static char *
archive_own(struct archive *a, const uint8_t *p, size_t n)
{
	char *s = xmalloc(n + 1);

	memcpy(s, p, n);
	s[n] = '\0';
	a->owned = xreallocarray(a->owned, a->nowned + 1, sizeof *a->owned);
	a->owned[a->nowned++] = s;
	return s;
}

/* A file's text: what follows its first line ("" when it has one only). */
static char *
archive_text(struct archive *a, const uint8_t *p, size_t len)
{
	const uint8_t *nl = memchr(p, '\n', len);

	if (nl == NULL)
		return archive_own(a, p, 0);
	return archive_own(a, nl + 1, len - (size_t)(nl - p) - 1);
}

/* Add an id and a text to a NULL-terminated list of pairs. */
static void
archive_pair(struct archive *a, char ***list, size_t *n, const uint8_t *p,
    size_t len)
{
	const uint8_t *nl = memchr(p, '\n', len);

	if (*n >= FUZZ_MAX_ENTITIES)
		return;
	*list = xreallocarray(*list, 2 * *n + 3, sizeof **list);
	(*list)[2 * *n] = archive_own(a, p,
	    nl != NULL ? (size_t)(nl - p) : len);
	(*list)[2 * *n + 1] = archive_text(a, p, len);
	(*list)[2 * *n + 2] = NULL;
	(*n)++;
}

/* The next NUL-terminated chunk (the end of the input ends one too). */
static size_t
chunk(struct fin *in, const uint8_t **p)
{
	const uint8_t *nul = memchr(in->p, '\0', in->n);
	size_t len = nul != NULL ? (size_t)(nul - in->p) : in->n;

	*p = in->p;
	in->p += len;
	in->n -= len;
	if (nul != NULL) {
		in->p++;
		in->n--;
	}
	return len;
}

void
archive_read(struct archive *a, struct fin *in)
{
	const uint8_t *p;
	size_t len;

	memset(a, 0, sizeof *a);
	len = chunk(in, &p);
	a->article = archive_own(a, p, len);
	while (in->n > 0) {
		if ((len = chunk(in, &p)) == 0) {
			a->rest = *in;
			in->n = 0;
			break;
		}
		if (p[0] == 'e')
			archive_pair(a, &a->experts, &a->nexperts, p + 1,
			    len - 1);
		else if (p[0] == 'a')
			archive_pair(a, &a->actors, &a->nactors, p + 1,
			    len - 1);
		else if (p[0] == 't')
			a->timeline = archive_text(a, p + 1, len - 1);
	}
}

void
archive_free(struct archive *a)
{
	size_t i;

	for (i = 0; i < a->nowned; i++)
		free(a->owned[i]);
	free(a->owned);
	free(a->experts);
	free(a->actors);
	memset(a, 0, sizeof *a);
}

struct briefing *
archive_load(const struct archive *a, bool plain, struct diag_list *dl)
{
	return briefing_load_strings(a->article,
	    (const char *const *)a->experts, (const char *const *)a->actors,
	    a->timeline, plain, dl);
}

/* ---- checks ---------------------------------------------------------------- */

/* Characters textsafe never lets through (textsafe.h). */
static bool
unsafe_cp(uint32_t cp)
{
	static const struct utf8_range hidden[] = {
		{ 0x0000, 0x001f }, { 0x007f, 0x009f }, { 0x061c, 0x061c },
		{ 0x180e, 0x180e }, { 0x200b, 0x200b }, { 0x200e, 0x200f },
		{ 0x2028, 0x202e }, { 0x2060, 0x2069 }, { 0x206a, 0x206f },
		{ 0xfeff, 0xfeff }, { 0xfff9, 0xfffb }, { 0xe0000, 0xe007f },
	};

	return utf8_range_find(hidden, NITEMS(hidden), sizeof hidden[0],
	    cp) != NULL;
}

void
fuzz_check_safe(const char *s, size_t len)
{
	uint32_t cp;
	size_t n;

	for (; len > 0; s += n, len -= n) {
		n = utf8_decode(s, len, &cp);
		/* U+FFFD from one byte: the byte was not UTF-8. */
		FUZZ_ASSERT(cp != UTF8_REPLACEMENT || n == 3);
		FUZZ_ASSERT(!unsafe_cp(cp));
	}
}

size_t
fuzz_line_bytes(const struct line *l)
{
	size_t i, n = 0;

	for (i = 0; i < l->nspans; i++)
		n += l->spans[i].len;
	return n;
}

void
fuzz_check_line(const struct line *l, int width)
{
	const struct span *sp;
	size_t i;
	int w = 0;

	FUZZ_ASSERT(l->width >= 0);
	FUZZ_ASSERT(width == 0 || l->width <= width);
	for (i = 0; i < l->nspans; i++) {
		sp = &l->spans[i];
		FUZZ_ASSERT(sp->width >= 0);
		FUZZ_ASSERT(sp->text != NULL || sp->len == 0);
		fuzz_check_safe(sp->text, sp->len);
		w += sp->width;
	}
	FUZZ_ASSERT(w == l->width);
}

void
fuzz_check_layout(const struct layout *lay)
{
	size_t i;

	FUZZ_ASSERT(lay != NULL);
	for (i = 0; i < lay->nlines; i++) {
		fuzz_check_line(&lay->lines[i], lay->width);
		/* Leaves ascend through the lines (typeset_leaf_lines). */
		FUZZ_ASSERT(i == 0 ||
		    lay->lines[i].block >= lay->lines[i - 1].block);
	}
}

static void
check_mention(const struct briefing *b, const struct xref *x, size_t i)
{
	const struct mention *m = &x->mentions[i];
	const char *lit;

	FUZZ_ASSERT(m->target.kind == REF_ACTOR ||
	    m->target.kind == REF_EXPERT || m->target.kind == REF_SECTION);
	FUZZ_ASSERT(m->target.index < briefing_unit_count(b,
	    m->target.kind == REF_ACTOR ? UNIT_ACTOR :
	    m->target.kind == REF_EXPERT ? UNIT_EXPERT : UNIT_SECTION));
	FUZZ_ASSERT(briefing_slot(b, m->unit) != MODEL_NONE);
	FUZZ_ASSERT(m->node != NULL);
	if (!m->explicit_link) {
		lit = cmark_node_get_literal(m->node);
		FUZZ_ASSERT(lit != NULL);
		FUZZ_ASSERT(m->start < m->end && m->end <= strlen(lit));
	}
	FUZZ_ASSERT(m->quote == XREF_NONE || m->quote < x->nquotes);
	if (i > 0)
		FUZZ_ASSERT(briefing_slot(b, x->mentions[i - 1].unit) <=
		    briefing_slot(b, m->unit));
}

static void
check_entity(const struct xref *x, const struct xref_entity *e,
    enum ref_kind kind, size_t index)
{
	size_t k;

	for (k = 0; k < e->mentions.n; k++) {
		FUZZ_ASSERT(e->mentions.v[k] < x->nmentions);
		FUZZ_ASSERT(k == 0 || e->mentions.v[k] > e->mentions.v[k - 1]);
		FUZZ_ASSERT(x->mentions[e->mentions.v[k]].target.kind == kind);
		FUZZ_ASSERT(x->mentions[e->mentions.v[k]].target.index ==
		    index);
	}
	for (k = 0; k < e->quotes.n; k++) {
		FUZZ_ASSERT(e->quotes.v[k] < x->nquotes);
		FUZZ_ASSERT(x->quotes[e->quotes.v[k]].expert == index);
	}
	for (k = 0; k < e->backlinks.n; k++)
		FUZZ_ASSERT(e->backlinks.v[k] < x->nactors);
}

void
fuzz_check_xref(const struct briefing *b, const struct xref *x)
{
	const struct mention *m;
	size_t i, n, slot, first;

	FUZZ_ASSERT(x->nactors == b->nactors && x->nexperts == b->nexperts);
	for (i = 0; i < x->nmentions; i++)
		check_mention(b, x, i);
	for (i = 0; i < x->nquotes; i++)
		FUZZ_ASSERT(x->quotes[i].expert < b->nexperts);
	for (i = 0; i < b->nactors; i++)
		check_entity(x, &x->actors[i], REF_ACTOR, i);
	for (i = 0; i < b->nexperts; i++)
		check_entity(x, &x->experts[i], REF_EXPERT, i);
	FUZZ_ASSERT(x->nnumbered <= b->nexperts);
	for (i = 0; i < x->nnumbered; i++) {
		FUZZ_ASSERT(x->numbered[i] < b->nexperts);
		FUZZ_ASSERT(x->experts[x->numbered[i]].number == i + 1);
	}
	/* Each slot's slice of the mentions, and nothing else, is its. */
	for (slot = 0; slot < briefing_nslots(b); slot++) {
		struct unit_ref u = briefing_slot_unit(b, slot);

		m = xref_unit_mentions(x, u, &n);
		first = xref_unit_first(x, u);
		FUZZ_ASSERT(first <= x->nmentions && first + n <= x->nmentions);
		FUZZ_ASSERT(n == 0 || m == &x->mentions[first]);
		for (i = 0; i < n; i++)
			FUZZ_ASSERT(unit_equal(m[i].unit, u));
	}
}
