/*
 * Aho-Corasick over bytes. The trie's edges live in one open-addressing
 * hash table keyed by (node, byte), with a direct 256-entry table for the
 * root where most lookups land; failure links and dictionary links (the
 * nearest pattern end along the failure chain) are set breadth-first by
 * acmatch_compile. Matching feeds the text through the automaton with
 * U+2019 folded to ', keeps the original offset of the last few folded
 * bytes in a ring to map a pattern's length back to a start offset,
 * collects the hits that sit on word boundaries, then keeps the
 * leftmost-longest ones.
 */
#include "acmatch.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "utf8.h"
#include "util.h"

#define AC_ROOT		0u
#define AC_NOEDGE	UINT32_MAX
#define AC_EMPTYKEY	UINT64_MAX

enum {
	AC_TERMINAL	= 1u << 0,	/* a pattern ends here */
	AC_DERIVED	= 1u << 1,	/* ... but only as a derived capital form */
	AC_FIRSTWORD	= 1u << 2,	/* the pattern starts with a word character */
	AC_LASTWORD	= 1u << 3	/* the pattern ends with a word character */
};

struct acnode {
	uint32_t	fail;
	uint32_t	dict;		/* nearest terminal on the fail chain, or root */
	uint32_t	child;		/* first child, for the breadth-first walk */
	uint32_t	sibling;
	uint32_t	depth;		/* pattern bytes (folded) from the root */
	uint8_t		byte;		/* label of the edge from the parent */
	uint8_t		flags;
	size_t		value;
};

struct acedge {
	uint64_t	key;		/* node << 8 | byte, AC_EMPTYKEY when free */
	uint32_t	child;
};

struct acmatch {
	struct acnode	*nodes;
	size_t		 nnodes;
	size_t		 capnodes;

	uint32_t	 root[256];	/* the root's edges, AC_NOEDGE when none */
	struct acedge	*edges;		/* every other node's edges */
	size_t		 nedges;
	size_t		 capedges;	/* a power of two */

	size_t		 npatterns;
	uint32_t	 maxdepth;
	bool		 compiled;
};

/* Fold the character at s[0..len) for matching: sets *b, returns bytes used. */
static size_t
ac_fold(const unsigned char *s, size_t len, uint8_t *b)
{
	if (len >= 3 && s[0] == 0xE2 && s[1] == 0x80 && s[2] == 0x99) {
		*b = '\'';
		return 3;
	}
	*b = s[0];
	return 1;
}

static size_t
ac_hash(uint64_t key, size_t cap)
{
	key *= UINT64_C(0x9E3779B97F4A7C15);
	return (size_t)(key >> 32) & (cap - 1);
}

static uint32_t
ac_edge_get(const struct acmatch *ac, uint32_t node, uint8_t b)
{
	uint64_t key;
	size_t i;

	if (node == AC_ROOT)
		return ac->root[b];
	if (ac->capedges == 0)
		return AC_NOEDGE;
	key = (uint64_t)node << 8 | b;
	for (i = ac_hash(key, ac->capedges);; i = (i + 1) & (ac->capedges - 1)) {
		if (ac->edges[i].key == key)
			return ac->edges[i].child;
		if (ac->edges[i].key == AC_EMPTYKEY)
			return AC_NOEDGE;
	}
}

static void
ac_edge_insert(struct acedge *edges, size_t cap, uint64_t key, uint32_t child)
{
	size_t i;

	for (i = ac_hash(key, cap); edges[i].key != AC_EMPTYKEY;
	    i = (i + 1) & (cap - 1))
		;
	edges[i].key = key;
	edges[i].child = child;
}

static void
ac_edge_put(struct acmatch *ac, uint32_t node, uint8_t b, uint32_t child)
{
	struct acedge *old;
	size_t oldcap, i, ncap;

	if (node == AC_ROOT) {
		ac->root[b] = child;
		return;
	}
	if ((ac->nedges + 1) * 2 > ac->capedges) {
		old = ac->edges;
		oldcap = ac->capedges;
		ncap = oldcap != 0 ? oldcap * 2 : 64;
		ac->edges = xreallocarray(NULL, ncap, sizeof *ac->edges);
		for (i = 0; i < ncap; i++)
			ac->edges[i].key = AC_EMPTYKEY;
		for (i = 0; i < oldcap; i++) {
			if (old[i].key != AC_EMPTYKEY)
				ac_edge_insert(ac->edges, ncap, old[i].key,
				    old[i].child);
		}
		free(old);
		ac->capedges = ncap;
	}
	ac_edge_insert(ac->edges, ac->capedges, (uint64_t)node << 8 | b, child);
	ac->nedges++;
}

static uint32_t
ac_node_new(struct acmatch *ac, uint32_t parent, uint8_t b)
{
	struct acnode *n;
	uint32_t id;

	if (ac->nnodes >= UINT32_MAX - 1)
		util_fatal("acmatch: too many pattern bytes");
	ARRAY_RESERVE(ac->nodes, ac->capnodes, ac->nnodes + 1);
	id = (uint32_t)ac->nnodes++;
	n = &ac->nodes[id];
	memset(n, 0, sizeof *n);
	n->byte = b;
	if (id != AC_ROOT) {
		n->depth = ac->nodes[parent].depth + 1;
		n->sibling = ac->nodes[parent].child;
		ac->nodes[parent].child = id;
		ac_edge_put(ac, parent, b, id);
	}
	return id;
}

struct acmatch *
acmatch_new(void)
{
	struct acmatch *ac;

	ac = xcalloc(1, sizeof *ac);
	memset(ac->root, 0xff, sizeof ac->root);	/* AC_NOEDGE */
	ac_node_new(ac, AC_ROOT, 0);
	return ac;
}

void
acmatch_free(struct acmatch *ac)
{
	if (ac == NULL)
		return;
	free(ac->nodes);
	free(ac->edges);
	free(ac);
}

size_t
acmatch_count(const struct acmatch *ac)
{
	return ac->npatterns;
}

/*
 * Does a word boundary matter next to cp: is it a word character of a
 * script that separates words with spaces? "Iran" must not match inside
 * "Iranian", but "東京" is found in "東京と大阪".
 */
static bool
ac_spaced_word(uint32_t cp)
{
	return utf8_isword(cp) && !utf8_unspaced(cp);
}

/* The last character of s[0..len), or U+FFFD when it is not whole. */
static uint32_t
ac_last_char(const char *s, size_t len)
{
	size_t j = len - 1;
	uint32_t cp;

	while (j > 0 && len - j < 4 && ((unsigned char)s[j] & 0xC0) == 0x80)
		j--;
	if (utf8_decode(s + j, len - j, &cp) != len - j)
		return UTF8_REPLACEMENT;
	return cp;
}

static void
ac_insert(struct acmatch *ac, const char *pattern, size_t len, size_t value,
    bool derived)
{
	const unsigned char *p = (const unsigned char *)pattern;
	struct acnode *n;
	uint32_t node = AC_ROOT, next;
	uint32_t cp;
	size_t i = 0;
	uint8_t b;

	while (i < len) {
		i += ac_fold(p + i, len - i, &b);
		next = ac_edge_get(ac, node, b);
		if (next == AC_NOEDGE)
			next = ac_node_new(ac, node, b);
		node = next;
	}
	n = &ac->nodes[node];
	if (n->flags & AC_TERMINAL) {
		/* First added wins, but a spelled-out form beats a derived one. */
		if (!(n->flags & AC_DERIVED) || derived)
			return;
		n->flags &= ~AC_DERIVED;
		n->value = value;
		return;
	}
	n->flags = AC_TERMINAL | (derived ? AC_DERIVED : 0);
	utf8_decode(pattern, len, &cp);
	if (ac_spaced_word(cp))
		n->flags |= AC_FIRSTWORD;
	if (ac_spaced_word(ac_last_char(pattern, len)))
		n->flags |= AC_LASTWORD;
	n->value = value;
	if (n->depth > ac->maxdepth)
		ac->maxdepth = n->depth;
	ac->npatterns++;
}

/* The pattern with its first letter capitalised, or NULL when it has none. */
static char *
ac_capitalise(const char *pattern, size_t len, size_t *outlen)
{
	uint32_t cp, up;
	size_t n, m;
	char enc[4], *out;

	n = utf8_decode(pattern, len, &cp);
	if (cp >= 'a' && cp <= 'z')
		up = cp - 'a' + 'A';
	else if (cp >= 0x80 && utf8proc_islower((utf8proc_int32_t)cp))
		up = (uint32_t)utf8proc_totitle((utf8proc_int32_t)cp);
	else
		return NULL;
	if (up == cp)
		return NULL;
	m = utf8_encode(up, enc);
	out = xmalloc(m + len - n + 1);
	memcpy(out, enc, m);
	memcpy(out + m, pattern + n, len - n);
	out[m + len - n] = '\0';
	*outlen = m + len - n;
	return out;
}

void
acmatch_add(struct acmatch *ac, const char *pattern, size_t len, size_t value)
{
	char *cap;
	size_t caplen;

	if (ac->compiled || len == 0)
		return;
	ac_insert(ac, pattern, len, value, false);
	if ((cap = ac_capitalise(pattern, len, &caplen)) != NULL) {
		ac_insert(ac, cap, caplen, value, true);
		free(cap);
	}
}

void
acmatch_compile(struct acmatch *ac)
{
	uint32_t *queue, u, c, f, v;
	size_t head = 0, tail = 0;
	struct acnode *nodes;

	if (ac->compiled)
		return;
	ac->compiled = true;
	nodes = ac->nodes;
	queue = xreallocarray(NULL, ac->nnodes, sizeof *queue);
	for (c = nodes[AC_ROOT].child; c != 0; c = nodes[c].sibling) {
		nodes[c].fail = AC_ROOT;
		nodes[c].dict = AC_ROOT;
		queue[tail++] = c;
	}
	while (head < tail) {
		u = queue[head++];
		for (c = nodes[u].child; c != 0; c = nodes[c].sibling) {
			f = nodes[u].fail;
			for (;;) {
				v = ac_edge_get(ac, f, nodes[c].byte);
				if (v != AC_NOEDGE || f == AC_ROOT)
					break;
				f = nodes[f].fail;
			}
			nodes[c].fail = v != AC_NOEDGE ? v : AC_ROOT;
			f = nodes[c].fail;
			nodes[c].dict = (nodes[f].flags & AC_TERMINAL) ? f :
			    nodes[f].dict;
			queue[tail++] = c;
		}
	}
	free(queue);
}

/* Does a match of text[start..end) for node n sit on word boundaries? */
static bool
ac_bounded(const char *text, size_t len, size_t start, size_t end,
    const struct acnode *n)
{
	uint32_t cp;

	if ((n->flags & AC_FIRSTWORD) && start > 0 &&
	    ac_spaced_word(ac_last_char(text, start)))
		return false;
	if ((n->flags & AC_LASTWORD) && end < len) {
		utf8_decode(text + end, len - end, &cp);
		if (ac_spaced_word(cp))
			return false;
	}
	return true;
}

/* Leftmost first, then longest first. */
static int
ac_hit_cmp(const void *a, const void *b)
{
	const struct acmatch_hit *x = a, *y = b;

	if (x->start != y->start)
		return x->start < y->start ? -1 : 1;
	if (x->end != y->end)
		return x->end > y->end ? -1 : 1;
	return 0;
}

size_t
acmatch_find(const struct acmatch *ac, const char *text, size_t len,
    struct acmatch_hit **hitsp)
{
	const unsigned char *s = (const unsigned char *)text;
	const struct acnode *nodes = ac->nodes;
	struct acmatch_hit *hits = NULL;
	size_t nhits = 0, caphits = 0, nkept, i, k, adv, ring_n, start, pos;
	size_t *ring;
	uint32_t state = AC_ROOT, next, t;
	uint8_t b;

	*hitsp = NULL;
	if (!ac->compiled || ac->npatterns == 0 || len == 0)
		return 0;

	/* Original offsets of the last maxdepth folded bytes. */
	ring_n = (size_t)ac->maxdepth + 1;
	ring = xreallocarray(NULL, ring_n, sizeof *ring);
	for (i = 0, k = 0; i < len; i += adv, k++) {
		adv = ac_fold(s + i, len - i, &b);
		ring[k % ring_n] = i;
		for (;;) {
			next = ac_edge_get(ac, state, b);
			if (next != AC_NOEDGE || state == AC_ROOT)
				break;
			state = nodes[state].fail;
		}
		state = next != AC_NOEDGE ? next : AC_ROOT;
		t = (nodes[state].flags & AC_TERMINAL) ? state :
		    nodes[state].dict;
		for (; t != AC_ROOT; t = nodes[t].dict) {
			start = ring[(k + 1 - nodes[t].depth) % ring_n];
			if (!ac_bounded(text, len, start, i + adv, &nodes[t]))
				continue;
			ARRAY_RESERVE(hits, caphits, nhits + 1);
			hits[nhits].start = start;
			hits[nhits].end = i + adv;
			hits[nhits].value = nodes[t].value;
			nhits++;
		}
	}
	free(ring);
	if (nhits == 0)
		return 0;

	qsort(hits, nhits, sizeof *hits, ac_hit_cmp);
	for (i = 0, nkept = 0, pos = 0; i < nhits; i++) {
		if (nkept > 0 && hits[i].start < pos)
			continue;
		hits[nkept++] = hits[i];
		pos = hits[i].end;
	}
	*hitsp = hits;
	return nkept;
}
