/*
 * Aho-Corasick over bytes. While patterns are added the trie's edges live
 * in one open-addressing hash table keyed by (node, byte), with a direct
 * 256-entry table for the root; acmatch_compile sets failure links and
 * dictionary links (the nearest pattern end along the failure chain)
 * breadth-first, then lays the automaton out again for matching: states
 * numbered breadth-first, so the shallow states that text visits most sit
 * together in memory; each state's edges sorted in one array of labels
 * and one of targets, scanned in a cache line or two, and a direct table
 * of 256 edges for the root and any state with many edges. Matching feeds
 * the text through it with U+2019 folded to ' and a line feed read as a
 * space, keeps the original offset of the last few folded bytes in a ring
 * to map a pattern's length back to a start offset, collects the hits
 * that sit on word boundaries, then keeps the leftmost-longest ones.
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
/* A compiled state with more edges than this gets a direct table. */
#define AC_SPARSE_MAX	8
/* States this deep and shallower are numbered breadth first. */
#define AC_BFS_DEPTH	2

enum {
	AC_TERMINAL	= 1u << 0,	/* a pattern ends here */
	AC_DERIVED	= 1u << 1,	/* ... but only as a derived capital form */
	AC_FIRSTWORD	= 1u << 2,	/* the pattern starts with a word character */
	AC_LASTWORD	= 1u << 3,	/* the pattern ends with a word character */
	AC_OUTPUT	= 1u << 4,	/* compiled: a pattern ends here or on the
					 * failure chain */
	AC_DENSE	= 1u << 5	/* compiled: edges in a direct table */
};

/* A node of the trie while patterns are added. */
struct acnode {
	uint32_t	fail;
	uint32_t	dict;		/* nearest terminal on the fail chain, or root */
	uint32_t	child;		/* first child, for the breadth-first walk */
	uint32_t	sibling;
	uint32_t	depth;		/* pattern bytes (folded) from the root */
	uint32_t	id;		/* its number once compiled */
	uint8_t		byte;		/* label of the edge from the parent */
	uint8_t		flags;
	size_t		value;
};

struct acedge {
	uint64_t	key;		/* node << 8 | byte, AC_EMPTYKEY when free */
	uint32_t	child;
};

/* A compiled state: what every byte of text reads, in 16 bytes. */
struct acstate {
	uint32_t	edges;		/* first in labels[] and targets[], or
					 * (AC_DENSE) its bitmap in bits[] */
	uint32_t	fail;
	uint32_t	dict;
	uint16_t	nedges;
	uint8_t		flags;
};

/*
 * The labels of a state with many edges, as a bitmap: the edge for byte b
 * is targets[first + the bits set below b], so a lookup reads 40 bytes
 * instead of a table of 256.
 */
struct acbits {
	uint64_t	bits[4];
	uint32_t	first;
	uint8_t		before[4];	/* bits set in the words before */
};

/* What a hit needs of a terminal state, apart from the hot states. */
struct acfinal {
	uint32_t	depth;
	size_t		value;
};

struct acmatch {
	/* While adding. */
	struct acnode	*nodes;
	size_t		 nnodes;
	size_t		 capnodes;
	uint32_t	 root[256];	/* the root's edges, AC_NOEDGE when none:
					 * nodes while adding, states once
					 * compiled */
	bool		 idle[256];	/* compiled: a byte read at the root
					 * that leaves it there */
	struct acedge	*edges;		/* every other node's edges */
	size_t		 nedges;
	size_t		 capedges;	/* a power of two */

	/* Compiled, by state number (breadth-first). */
	struct acstate	*states;
	struct acfinal	*finals;
	uint8_t		*labels;	/* each state's edge labels, sorted */
	uint32_t	*targets;	/* parallel to labels */
	struct acbits	*bits;		/* of the states with many edges */

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
	free(ac->states);
	free(ac->finals);
	free(ac->labels);
	free(ac->targets);
	free(ac->bits);
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

/* The children of node u as (label, child) pairs sorted by label. */
static size_t
ac_children(const struct acnode *nodes, uint32_t u, uint32_t out[256])
{
	uint32_t c, x;
	size_t n = 0, i;

	for (c = nodes[u].child; c != 0; c = nodes[c].sibling) {
		x = c;
		for (i = n++; i > 0 && nodes[out[i - 1]].byte > nodes[x].byte;
		    i--)
			out[i] = out[i - 1];
		out[i] = x;
	}
	return n;
}

/*
 * Number the nodes into order[]: breadth first down to AC_BFS_DEPTH, the
 * shallow states that text visits all the time, together in memory; then
 * below each of the last of those, its subtree depth first, children in
 * label order, so that the states along one name follow one another (a
 * name found in the text is a walk down the trie, and scattered states
 * would cost a cache miss a byte).
 */
static void
ac_order(const struct acnode *nodes, size_t nnodes, uint32_t *order)
{
	uint32_t *stack, kids[256];
	size_t sp, n = 1, head = 0, k, i, shallow;

	order[0] = AC_ROOT;
	while (head < n && nodes[order[head]].depth < AC_BFS_DEPTH) {
		k = ac_children(nodes, order[head++], kids);
		for (i = 0; i < k; i++)
			order[n++] = kids[i];
	}
	stack = xreallocarray(NULL, nnodes, sizeof *stack);
	for (shallow = n; head < shallow; head++) {
		sp = 0;
		k = ac_children(nodes, order[head], kids);
		while (k > 0)
			stack[sp++] = kids[--k];
		while (sp > 0) {
			order[n] = stack[--sp];
			k = ac_children(nodes, order[n++], kids);
			while (k > 0)
				stack[sp++] = kids[--k];
		}
	}
	free(stack);
}

/*
 * The automaton laid out for matching (see the top of this file); the
 * nodes and their hash table go.
 */
static void
ac_layout(struct acmatch *ac)
{
	const struct acnode *nodes = ac->nodes;
	struct acstate *st;
	struct acbits *x = NULL;
	uint32_t kids[256], u, *order;
	size_t i, k, n, nedges = 0, ndense = 0, e = 0, d = 0;
	uint8_t b;

	order = xreallocarray(NULL, ac->nnodes, sizeof *order);
	ac_order(nodes, ac->nnodes, order);
	ac->states = xcalloc(ac->nnodes, sizeof *ac->states);
	ac->finals = xcalloc(ac->nnodes, sizeof *ac->finals);
	for (i = 0; i < ac->nnodes; i++) {
		ac->nodes[order[i]].id = (uint32_t)i;
		n = ac_children(nodes, order[i], kids);
		nedges += n;
		if (i != AC_ROOT && n > AC_SPARSE_MAX)
			ndense++;
	}
	ac->labels = xcalloc(nedges + 1, sizeof *ac->labels);
	ac->targets = xcalloc(nedges + 1, sizeof *ac->targets);
	ac->bits = xcalloc(ndense + 1, sizeof *ac->bits);
	for (i = 0; i < ac->nnodes; i++) {
		u = order[i];
		st = &ac->states[i];
		st->fail = nodes[nodes[u].fail].id;
		st->dict = nodes[nodes[u].dict].id;
		st->flags = nodes[u].flags;
		if ((nodes[u].flags & AC_TERMINAL) || nodes[u].dict != AC_ROOT)
			st->flags |= AC_OUTPUT;
		ac->finals[i].depth = nodes[u].depth;
		ac->finals[i].value = nodes[u].value;
		n = ac_children(nodes, u, kids);
		st->nedges = (uint16_t)n;
		st->edges = (uint32_t)e;
		if (i != AC_ROOT && n > AC_SPARSE_MAX) {
			st->flags |= AC_DENSE;
			st->edges = (uint32_t)d;
			x = &ac->bits[d++];
			x->first = (uint32_t)e;
		}
		for (k = 0; k < n; k++, e++) {
			b = nodes[kids[k]].byte;
			ac->labels[e] = b;
			ac->targets[e] = nodes[kids[k]].id;
			if (i == AC_ROOT)
				ac->root[b] = nodes[kids[k]].id;
			else if (st->flags & AC_DENSE)
				x->bits[b >> 6] |= UINT64_C(1) << (b & 63);
		}
		for (k = 1; (st->flags & AC_DENSE) && k < 4; k++)
			x->before[k] = (uint8_t)(x->before[k - 1] +
			    __builtin_popcountll(x->bits[k - 1]));
	}
	/* A byte that folds (U+2019, a line feed) is not idle. */
	for (k = 0; k < 256; k++)
		ac->idle[k] = ac->root[k] == AC_NOEDGE && k != 0xE2 &&
		    k != '\n';
	free(order);
	free(ac->nodes);
	free(ac->edges);
	ac->nodes = NULL;
	ac->edges = NULL;
	ac->nnodes = ac->capnodes = ac->nedges = ac->capedges = 0;
}

void
acmatch_compile(struct acmatch *ac)
{
	uint32_t *queue, u, c, f, v;
	size_t head = 1, tail = 1;
	struct acnode *nodes;

	if (ac->compiled)
		return;
	ac->compiled = true;
	nodes = ac->nodes;
	queue = xreallocarray(NULL, ac->nnodes, sizeof *queue);
	queue[0] = AC_ROOT;
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
	ac_layout(ac);
}

/* Does a match of text[start..end) with these flags sit on word boundaries? */
static bool
ac_bounded(const char *text, size_t len, size_t start, size_t end,
    unsigned flags)
{
	uint32_t cp;

	if ((flags & AC_FIRSTWORD) && start > 0 &&
	    ac_spaced_word(ac_last_char(text, start)))
		return false;
	if ((flags & AC_LASTWORD) && end < len) {
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

/* The state after reading byte b in state s (the goto and failure links). */
static inline uint32_t
ac_step(const struct acmatch *ac, uint32_t s, uint8_t b)
{
	const struct acstate *st;
	const struct acbits *x;
	const uint8_t *lab;
	uint64_t w;
	size_t k;

	while (s != AC_ROOT) {
		util_work++;	/* failure links followed: linear in all */
		st = &ac->states[s];
		if (st->flags & AC_DENSE) {
			x = &ac->bits[st->edges];
			w = x->bits[b >> 6];
			if ((w >> (b & 63)) & 1)
				return ac->targets[x->first + x->before[b >> 6] +
				    (size_t)__builtin_popcountll(w &
				    ((UINT64_C(1) << (b & 63)) - 1))];
		} else {
			lab = ac->labels + st->edges;
			for (k = 0; k < st->nedges && lab[k] <= b; k++)
				if (lab[k] == b)
					return ac->targets[st->edges + k];
		}
		s = st->fail;
	}
	return ac->root[b] != AC_NOEDGE ? ac->root[b] : AC_ROOT;
}

/* The hits ending at text[end] in state s, the ring giving their starts. */
static void
ac_collect(const struct acmatch *ac, uint32_t s, const char *text,
    size_t len, size_t end, size_t k, struct acmatch_hits *h)
{
	const size_t mask = h->ringcap - 1;
	struct acmatch_hit *hit;
	size_t start;
	uint32_t t;

	t = (ac->states[s].flags & AC_TERMINAL) ? s : ac->states[s].dict;
	for (; t != AC_ROOT; t = ac->states[t].dict) {
		util_work++;
		start = h->ring[(k + 1 - ac->finals[t].depth) & mask];
		if (!ac_bounded(text, len, start, end, ac->states[t].flags))
			continue;
		ARRAY_RESERVE(h->v, h->cap, h->n + 1);
		hit = &h->v[h->n++];
		hit->start = start;
		hit->end = end;
		hit->value = ac->finals[t].value;
	}
}

/* Keep the leftmost-longest of the hits found. */
static void
ac_resolve(struct acmatch_hits *h)
{
	size_t i, nkept, pos;

	for (i = 1; i < h->n && ac_hit_cmp(&h->v[i - 1], &h->v[i]) <= 0; i++)
		;
	if (i < h->n)
		qsort(h->v, h->n, sizeof *h->v, ac_hit_cmp);
	for (i = 0, nkept = 0, pos = 0; i < h->n; i++) {
		if (nkept > 0 && h->v[i].start < pos)
			continue;
		h->v[nkept++] = h->v[i];
		pos = h->v[i].end;
	}
	h->n = nkept;
}

size_t
acmatch_find(const struct acmatch *ac, const char *text, size_t len,
    struct acmatch_hits *h)
{
	const unsigned char *s = (const unsigned char *)text;
	size_t i, k, adv, mask;
	uint32_t state = AC_ROOT;
	uint8_t b;

	h->n = 0;
	if (!ac->compiled || ac->npatterns == 0 || len == 0)
		return 0;

	/* Original offsets of the last maxdepth folded bytes (at least). */
	if (h->ringcap <= ac->maxdepth) {
		for (h->ringcap = 64; h->ringcap <= ac->maxdepth;)
			h->ringcap *= 2;
		free(h->ring);
		h->ring = xreallocarray(NULL, h->ringcap, sizeof *h->ring);
	}
	mask = h->ringcap - 1;
	for (i = 0, k = 0; i < len; i += adv, k++) {
		/* At the root, most bytes start no name: no step, and no
		 * offset to keep, since no match can start there. */
		if (state == AC_ROOT) {
			while (i < len && ac->idle[s[i]]) {
				i++;
				k++;
			}
			if (i == len)
				break;
		}
		b = s[i];
		adv = 1;
		if (b == 0xE2)
			adv = ac_fold(s + i, len - i, &b);
		else if (b == '\n')
			b = ' ';
		h->ring[k & mask] = i;
		state = ac_step(ac, state, b);
		if (ac->states[state].flags & AC_OUTPUT)
			ac_collect(ac, state, text, len, i + adv, k, h);
	}
	if (h->n > 0)
		ac_resolve(h);
	return h->n;
}

void
acmatch_hits_free(struct acmatch_hits *h)
{
	free(h->v);
	free(h->ring);
	memset(h, 0, sizeof *h);
}
