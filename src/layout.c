#include "layout.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "textsafe.h"
#include "utf8.h"
#include "util.h"

/*
 * Text is laid out in two steps. The inline content of a block is first
 * collected as cells (one code point each, with an index into a table of
 * attributes: style, reference, mention), then filled greedily into lines
 * of the width left by the prefixes of the enclosing containers (quote
 * bars, list markers, code indent). Placeholders are split into their code
 * points, so every cell takes 0, 1 or 2 columns and any line can be broken
 * between cells.
 */

#define TABSTOP		8
#define CODE_INDENT	2
#define MIN_TEXT	10	/* columns kept for text when prefixes nest deep */

#define ELLIPSIS	"\xe2\x80\xa6"
#define RULE_DOUBLE	"\xe2\x95\x90"	/* ═ */
#define RULE_SINGLE	"\xe2\x94\x80"	/* ─ */
#define RULE_HEAVY	"\xe2\x94\x81"	/* ━ */
#define QUOTE_BAR	"\xe2\x94\x82"	/* │ */
#define ITEM_BULLET	"\xe2\x80\xa2 "	/* • */
#define EM_DASH		"\xe2\x80\x94"

/* What a piece of text looks like and where it leads. */
struct attr {
	unsigned		style;
	struct ref_target	ref;
	size_t			mention;
};

enum cell_kind {
	CELL_CHAR,
	CELL_SPACE,	/* a space where a line may break */
	CELL_BREAK	/* a forced line break */
};

/* One code point of laid-out text. */
struct cell {
	char		t[4];
	uint8_t		len;
	uint8_t		width;
	uint8_t		kind;
	uint32_t	attr;	/* index into builder.attrs */
};

enum box_kind {
	BOX_QUOTE,	/* "│ " on every line */
	BOX_ITEM,	/* the marker on the first line, spaces after */
	BOX_INDENT	/* spaces */
};

/* A container that puts a prefix before each of its lines. */
struct box {
	enum box_kind	kind;
	char		marker[32];	/* BOX_ITEM: "• ", " 9. " */
	unsigned	style;		/* BOX_ITEM: the marker's style */
	int		width;		/* columns of the prefix */
	bool		marked;		/* BOX_ITEM: the marker was shown */
};

struct list_state {
	bool		ordered;
	bool		tight;
	char		delim;
	int		next;		/* number of the next item */
	int		numwidth;	/* digits of the largest number */
	size_t		depth;
};

struct node_mention {
	cmark_node	*node;
	size_t		 start;
	size_t		 mention;	/* index into xref->mentions */
};

/* A line to emit: cells [a, b). */
struct range {
	size_t	a, b;
};

struct builder {
	const struct briefing	*b;
	const struct xref	*x;
	bool			 mark_refs;
	int			 width;
	struct layout		*lay;
	size_t			 linecap;

	struct attr		*attrs;
	size_t			 nattrs, attrcap;
	struct attr		 cur;
	struct attr		*saved;		/* attribute stack */
	size_t			 nsaved, savedcap;

	struct cell		*cells;		/* the block being collected */
	size_t			 ncells, cellcap;
	struct cell		*line;		/* prefix + content of one line */
	size_t			 nline, linecellcap;
	struct range		*ranges;
	size_t			 nranges, rangecap;
	struct span		*spans;
	size_t			 nspans, spancap;
	int			 precol;	/* column in preformatted text */
	bool			 pre;		/* preformatted: no fill */

	struct box		*boxes;
	size_t			 nboxes, boxcap;
	size_t			 nquotes;	/* BOX_QUOTE among boxes */
	struct list_state	*lists;
	size_t			 nlists, listcap;

	size_t			 block, nblocks;
	int			 src_line;
	bool			 gap;		/* a blank line before the next block */
	bool			 attrib;	/* the paragraph is an attribution */
	size_t			 link_start;	/* first cell of the open link */
	bool			 link_ref;	/* the open link is a reference */

	/* Content borrowed from another unit (quotes, mention context): every
	 * span leads to force, no references inside, no source lines. */
	struct ref_target	 force;

	struct node_mention	*bynode;	/* the unit's mentions by node */
	size_t			 nbynode;

	struct ref_target	*marks;		/* mark_refs: targets numbered */
	size_t			 nmarks, markcap;
};

static const struct attr attr_plain = { 0, { REF_NONE, 0 }, XREF_NONE };

/* ---- attributes ------------------------------------------------------ */

static bool
attr_equal(const struct attr *a, const struct attr *b)
{
	return a->style == b->style && a->ref.kind == b->ref.kind &&
	    a->ref.index == b->ref.index && a->mention == b->mention;
}

static uint32_t
attr_intern(struct builder *bd, const struct attr *a)
{
	size_t i, lo;

	lo = bd->nattrs > 16 ? bd->nattrs - 16 : 0;
	for (i = bd->nattrs; i > lo; i--) {
		if (attr_equal(&bd->attrs[i - 1], a))
			return (uint32_t)(i - 1);
	}
	ARRAY_RESERVE(bd->attrs, bd->attrcap, bd->nattrs + 1);
	bd->attrs[bd->nattrs] = *a;
	return (uint32_t)bd->nattrs++;
}

static void
attr_push(struct builder *bd, unsigned style)
{
	ARRAY_RESERVE(bd->saved, bd->savedcap, bd->nsaved + 1);
	bd->saved[bd->nsaved++] = bd->cur;
	bd->cur.style |= style;
}

static void
attr_push_ref(struct builder *bd, struct ref_target ref, size_t mention)
{
	attr_push(bd, STYLE_REF);
	bd->cur.ref = ref;
	bd->cur.mention = mention;
}

static void
attr_pop(struct builder *bd)
{
	if (bd->nsaved > 0)
		bd->cur = bd->saved[--bd->nsaved];
}

/* ---- cells ------------------------------------------------------------ */

static void
cells_append(struct cell **v, size_t *n, size_t *cap, const char *t,
    size_t len, int width, enum cell_kind kind, uint32_t attr)
{
	struct cell *c;

	ARRAY_RESERVE(*v, *cap, *n + 1);
	c = &(*v)[(*n)++];
	memcpy(c->t, t, len);
	c->len = (uint8_t)len;
	c->width = (uint8_t)width;
	c->kind = (uint8_t)kind;
	c->attr = attr;
}

/* A cell of the block being collected. */
static void
cell_add(struct builder *bd, const char *t, size_t len, int width,
    enum cell_kind kind, uint32_t attr)
{
	cells_append(&bd->cells, &bd->ncells, &bd->cellcap, t, len, width,
	    kind, attr);
}

/* A placeholder, one cell per code point, in the current style plus CONTROL. */
static void
cells_add_placeholder(struct builder *bd, const struct textsafe_char *c)
{
	struct attr a = bd->cur;
	uint32_t ai, cp;
	size_t i = 0, n;
	int w;

	a.style |= STYLE_CONTROL;
	ai = attr_intern(bd, &a);
	while (i < c->len) {
		n = utf8_decode(c->text + i, c->len - i, &cp);
		w = utf8_cpwidth(cp);
		cell_add(bd, c->text + i, n, w < 0 ? 0 : w, CELL_CHAR, ai);
		i += n;
	}
}

/* Raw text in the current attributes, made safe. */
static void
add_text(struct builder *bd, const char *s, size_t len)
{
	struct textsafe_char c;
	uint32_t ai = attr_intern(bd, &bd->cur);
	size_t i = 0;

	while (i < len) {
		i += textsafe_next(s + i, len - i, &c);
		if (c.cp == ' ' || c.cp == '\t' || c.cp == '\n') {
			if (!bd->pre) {
				cell_add(bd, " ", 1, 1, CELL_SPACE, ai);
				continue;
			}
			if (c.cp == '\n') {
				cell_add(bd, "", 0, 0, CELL_BREAK, ai);
				bd->precol = 0;
				continue;
			}
			do {
				cell_add(bd, " ", 1, 1, CELL_CHAR, ai);
				bd->precol++;
			} while (c.cp == '\t' && bd->precol % TABSTOP != 0);
			continue;
		}
		if (c.placeholder)
			cells_add_placeholder(bd, &c);
		else if (c.len > 0)
			cell_add(bd, c.text, c.len, c.width, CELL_CHAR, ai);
		bd->precol += c.width;
	}
}

static void
add_str(struct builder *bd, const char *s)
{
	if (s != NULL)
		add_text(bd, s, strlen(s));
}

static void
add_styled(struct builder *bd, const char *s, unsigned style)
{
	attr_push(bd, style);
	add_str(bd, s);
	attr_pop(bd);
}

static void
add_space(struct builder *bd)
{
	cell_add(bd, " ", 1, 1, CELL_SPACE, attr_intern(bd, &bd->cur));
}

/* ---- references --------------------------------------------------------- */

static const char *const ref_kind_names[] = {
	NULL,		/* REF_NONE */
	"actor",	/* REF_ACTOR */
	"expert",	/* REF_EXPERT */
	"section",	/* REF_SECTION */
	NULL,		/* REF_MENTION */
	NULL		/* REF_QUOTE */
};

static const char *
ref_target_name(const struct builder *bd, struct ref_target t)
{
	const struct briefing *b = bd->b;

	switch (t.kind) {
	case REF_ACTOR:
		return t.index < b->nactors ? b->actors[t.index].name : NULL;
	case REF_EXPERT:
		return t.index < b->nexperts ? b->experts[t.index].name : NULL;
	case REF_SECTION:
		return t.index < b->nsections ? b->sections[t.index].title : NULL;
	default:
		return NULL;
	}
}

/* mark_refs: "[n]" after a reference, n numbering the unit's targets. */
static void
ref_mark(struct builder *bd, struct ref_target t)
{
	struct attr a = attr_plain;
	char num[32];
	size_t i;
	int n;

	if (!bd->mark_refs || bd->force.kind != REF_NONE ||
	    t.kind < REF_ACTOR || t.kind > REF_SECTION)
		return;
	for (i = 0; i < bd->nmarks; i++) {
		if (bd->marks[i].kind == t.kind && bd->marks[i].index == t.index)
			break;
	}
	if (i == bd->nmarks) {
		ARRAY_RESERVE(bd->marks, bd->markcap, bd->nmarks + 1);
		bd->marks[bd->nmarks++] = t;
	}
	n = snprintf(num, sizeof num, "[%zu]", i + 1);
	a.style = STYLE_REFMARK;
	for (i = 0; i < (size_t)n; i++)
		cell_add(bd, num + i, 1, 1, CELL_CHAR, attr_intern(bd, &a));
}

/* A link's target when it is actor:, expert: or section: and known. */
static struct ref_target
ref_parse_url(const struct briefing *b, const char *url)
{
	struct ref_target t = { REF_NONE, 0 };
	size_t i = MODEL_NONE;

	if (b == NULL || url == NULL)
		return t;
	if (strncmp(url, "actor:", 6) == 0) {
		t.kind = REF_ACTOR;
		i = briefing_find_actor(b, url + 6);
	} else if (strncmp(url, "expert:", 7) == 0) {
		t.kind = REF_EXPERT;
		i = briefing_find_expert(b, url + 7);
	} else if (strncmp(url, "section:", 8) == 0) {
		t.kind = REF_SECTION;
		i = briefing_find_section(b, url + 8);
	}
	if (i == MODEL_NONE)
		t.kind = REF_NONE;
	else
		t.index = i;
	return t;
}

static int
node_mention_cmp(const void *pa, const void *pb)
{
	const struct node_mention *a = pa, *b = pb;
	uintptr_t na = (uintptr_t)a->node, nb = (uintptr_t)b->node;

	if (na != nb)
		return na < nb ? -1 : 1;
	if (a->start != b->start)
		return a->start < b->start ? -1 : 1;
	return 0;
}

static void
bynode_build(struct builder *bd, struct unit_ref unit)
{
	const struct mention *m;
	size_t n, first, i;

	if (bd->x == NULL)
		return;
	m = xref_unit_mentions(bd->x, unit, &n);
	if (n == 0)
		return;
	first = xref_unit_first(bd->x, unit);
	bd->bynode = xreallocarray(NULL, n, sizeof *bd->bynode);
	for (i = 0; i < n; i++) {
		bd->bynode[i].node = m[i].node;
		bd->bynode[i].start = m[i].start;
		bd->bynode[i].mention = first + i;
	}
	bd->nbynode = n;
	qsort(bd->bynode, n, sizeof *bd->bynode, node_mention_cmp);
}

/* The first entry for node in bynode, or nbynode when there is none. */
static size_t
bynode_find(const struct builder *bd, cmark_node *node)
{
	size_t lo = 0, hi = bd->nbynode, mid;

	if (bd->force.kind != REF_NONE)
		return bd->nbynode;
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		if ((uintptr_t)bd->bynode[mid].node < (uintptr_t)node)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < bd->nbynode && bd->bynode[lo].node == node)
		return lo;
	return bd->nbynode;
}

/* ---- lines -------------------------------------------------------------- */

/* Columns prefixes may take: some room is always left for text. */
static int
prefix_cap(const struct builder *bd)
{
	int keep = (bd->width + 1) / 2;

	if (keep > MIN_TEXT)
		keep = MIN_TEXT;
	if (keep < 1)
		keep = 1;
	return bd->width - keep;
}

static int
prefix_width(const struct builder *bd)
{
	int cap = prefix_cap(bd), w = 0;
	size_t i;

	for (i = 0; i < bd->nboxes && w < cap; i++)
		w += bd->boxes[i].width;
	return w < cap ? w : cap;
}

/* A cell of the line being made. */
static void
line_cell(struct builder *bd, const char *t, size_t len, int width,
    uint32_t attr)
{
	cells_append(&bd->line, &bd->nline, &bd->linecellcap, t, len, width,
	    CELL_CHAR, attr);
}

/* A safe string into cells of the line being made; its spaces plain. */
static void
line_add(struct builder *bd, const char *s, uint32_t attr, uint32_t plain)
{
	uint32_t cp;
	size_t n;
	int w;

	for (; *s != '\0'; s += n) {
		n = utf8_decode(s, strlen(s), &cp);
		w = utf8_cpwidth(cp);
		line_cell(bd, s, n, w < 0 ? 0 : w, cp == ' ' ? plain : attr);
	}
}

/*
 * The prefix of the next line into bd->line. A blank line shows the quote
 * bars only and leaves list markers for the next line of text.
 */
static void
prefix_build(struct builder *bd, bool blank)
{
	struct attr a = attr_plain;
	uint32_t plain, rule;
	struct box *x;
	int cap = prefix_cap(bd), w = 0;
	size_t i, j;

	plain = attr_intern(bd, &a);
	a.style = STYLE_RULE;
	rule = attr_intern(bd, &a);
	bd->nline = 0;
	for (i = 0; i < bd->nboxes && w < cap; i++) {
		x = &bd->boxes[i];
		switch (x->kind) {
		case BOX_QUOTE:
			line_add(bd, QUOTE_BAR " ", rule, plain);
			break;
		case BOX_ITEM:
			if (!blank && !x->marked) {
				a.style = x->style;
				line_add(bd, x->marker, attr_intern(bd, &a),
				    plain);
				break;
			}
			/* FALLTHROUGH */
		case BOX_INDENT:
			for (j = 0; j < (size_t)x->width; j++)
				line_cell(bd, " ", 1, 1, plain);
			break;
		}
		w += x->width;
	}
	/* Markers show once: the unshown ones are the innermost items. */
	for (i = bd->nboxes; !blank && i > 0; i--) {
		x = &bd->boxes[i - 1];
		if (x->kind != BOX_ITEM)
			continue;
		if (x->marked)
			break;
		x->marked = true;
	}
	/* Cut to the cap. */
	for (w = 0, i = 0; i < bd->nline; i++) {
		if (w + bd->line[i].width > cap)
			break;
		w += bd->line[i].width;
	}
	bd->nline = i;
}

static void
span_flush(struct builder *bd, struct buf *text, const struct attr *a,
    int width)
{
	struct span *s;

	if (text->len == 0)
		return;
	ARRAY_RESERVE(bd->spans, bd->spancap, bd->nspans + 1);
	s = &bd->spans[bd->nspans++];
	s->len = text->len;
	s->text = buf_release(text);
	s->width = width;
	s->style = a->style;
	if (bd->force.kind != REF_NONE) {
		s->ref = bd->force;
		s->mention = XREF_NONE;
	} else {
		s->ref = a->ref;
		s->mention = a->mention;
	}
}

/* bd->line (prefix and content, extra style on the content) into *l. */
static void
line_make(struct builder *bd, size_t content, unsigned extra, struct line *l)
{
	struct attr cur = attr_plain, a;
	struct buf text;
	size_t i, n = bd->nline;
	int w = 0, total = 0;

	while (n > 0 && bd->line[n - 1].len == 1 && bd->line[n - 1].t[0] == ' ')
		n--;
	buf_init(&text);
	bd->nspans = 0;
	for (i = 0; i < n; i++) {
		a = bd->attrs[bd->line[i].attr];
		if (i >= content)
			a.style |= extra;
		if (!attr_equal(&a, &cur)) {
			span_flush(bd, &text, &cur, w);
			cur = a;
			w = 0;
		}
		buf_add(&text, bd->line[i].t, bd->line[i].len);
		w += bd->line[i].width;
		total += bd->line[i].width;
	}
	span_flush(bd, &text, &cur, w);
	buf_free(&text);
	l->nspans = bd->nspans;
	l->spans = NULL;
	if (bd->nspans > 0) {
		l->spans = xreallocarray(NULL, bd->nspans, sizeof *l->spans);
		memcpy(l->spans, bd->spans, bd->nspans * sizeof *l->spans);
	}
	l->width = total;
	l->block = bd->block;
	l->src_line = bd->force.kind != REF_NONE ? 0 : bd->src_line;
}

/* Cells [a, b) with the current prefix and pad columns as a new line. */
static void
line_emit(struct builder *bd, size_t a, size_t b, int pad, unsigned extra,
    bool blank)
{
	struct layout *lay = bd->lay;
	uint32_t plain = attr_intern(bd, &attr_plain);
	size_t content;

	prefix_build(bd, blank);
	for (; pad > 0; pad--)
		line_cell(bd, " ", 1, 1, plain);
	content = bd->nline;
	for (; a < b; a++)
		line_cell(bd, bd->cells[a].t, bd->cells[a].len,
		    bd->cells[a].width, bd->cells[a].attr);
	ARRAY_RESERVE(lay->lines, bd->linecap, lay->nlines + 1);
	line_make(bd, content, extra, &lay->lines[lay->nlines++]);
}

static void
range_add(struct builder *bd, size_t a, size_t b)
{
	while (b > a && bd->cells[b - 1].kind == CELL_SPACE)
		b--;
	ARRAY_RESERVE(bd->ranges, bd->rangecap, bd->nranges + 1);
	bd->ranges[bd->nranges].a = a;
	bd->ranges[bd->nranges].b = b;
	bd->nranges++;
}

/*
 * Break the collected cells into ranges of at most avail columns: at
 * spaces, before and after wide characters, and inside a word only when
 * the word alone is wider than the line. A character is never split and a
 * zero-width one stays with the character before it.
 */
static void
wrap(struct builder *bd, int avail)
{
	struct cell *c;
	size_t i = 0, j, start, brk, n = bd->ncells;
	int col, w, prevw;

	bd->nranges = 0;
	while (i < n) {
		if (!bd->pre) {
			while (i < n && bd->cells[i].kind == CELL_SPACE)
				i++;
			if (i == n)
				break;
		}
		start = i;
		brk = 0;
		col = prevw = 0;
		for (j = i; ; j++) {
			if (j == n) {
				range_add(bd, start, n);
				i = n;
				break;
			}
			c = &bd->cells[j];
			if (c->kind == CELL_BREAK) {
				range_add(bd, start, j);
				i = j + 1;
				break;
			}
			w = c->width;
			if (c->kind == CELL_SPACE) {
				brk = j;
				col += w;
				continue;
			}
			if (!bd->pre && j > start && w > 0 &&
			    (w == 2 || prevw == 2))
				brk = j;
			if (col + w > avail) {
				if (brk > start) {
					range_add(bd, start, brk);
					i = brk;
					break;
				}
				if (j == start) {
					/* Wider than the whole line. */
					memcpy(c->t, ELLIPSIS, strlen(ELLIPSIS));
					c->len = (uint8_t)strlen(ELLIPSIS);
					c->width = w = 1;
				} else {
					range_add(bd, start, j);
					i = j;
					break;
				}
			}
			col += w;
			if (w > 0)
				prevw = w;
		}
	}
}

/*
 * Lay out the collected cells as lines under the current prefixes, with
 * extra style bits, right-aligned when asked; returns the widest text.
 */
static int
flush(struct builder *bd, unsigned extra, bool right)
{
	int avail = bd->width - prefix_width(bd), maxw = 0, w;
	size_t r, k;

	if (bd->ncells == 0)
		return 0;
	wrap(bd, avail);
	for (r = 0; r < bd->nranges; r++) {
		for (w = 0, k = bd->ranges[r].a; k < bd->ranges[r].b; k++)
			w += bd->cells[k].width;
		if (w > maxw)
			maxw = w;
	}
	for (r = 0; r < bd->nranges; r++)
		line_emit(bd, bd->ranges[r].a, bd->ranges[r].b,
		    right ? avail - maxw : 0, extra, false);
	bd->ncells = 0;
	bd->precol = 0;
	return maxw;
}

static void
blank_line(struct builder *bd)
{
	line_emit(bd, 0, 0, 0, 0, true);
}

/* ---- blocks --------------------------------------------------------------- */

static void
gap_emit(struct builder *bd)
{
	if (bd->gap && bd->lay->nlines > 0)
		blank_line(bd);
	bd->gap = false;
}

static void
block_begin(struct builder *bd, int src_line)
{
	gap_emit(bd);
	bd->block = bd->nblocks++;
	bd->src_line = src_line;
}

static void
box_push(struct builder *bd, enum box_kind kind, const char *marker, int width,
    unsigned style)
{
	struct box *x;

	ARRAY_RESERVE(bd->boxes, bd->boxcap, bd->nboxes + 1);
	x = &bd->boxes[bd->nboxes++];
	x->kind = kind;
	snprintf(x->marker, sizeof x->marker, "%s", marker != NULL ? marker : "");
	x->width = width;
	x->style = style;
	x->marked = false;
	if (kind == BOX_QUOTE)
		bd->nquotes++;
}

static void
box_pop(struct builder *bd)
{
	if (bd->nboxes == 0)
		return;
	if (bd->boxes[--bd->nboxes].kind == BOX_QUOTE)
		bd->nquotes--;
}

/* A rule of w columns made of glyph (one column wide). */
static void
rule_line(struct builder *bd, const char *glyph, int w)
{
	struct buf b;

	if (w <= 0)
		return;
	buf_init(&b);
	while (w-- > 0)
		buf_adds(&b, glyph);
	add_styled(bd, b.data, STYLE_RULE);
	buf_free(&b);
	flush(bd, 0, false);
}

/* A title or heading of the unit (not from a body), with its rule. */
static void
title_block(struct builder *bd, const char *text, unsigned style,
    const char *glyph, int src_line)
{
	int w;

	block_begin(bd, src_line);
	add_styled(bd, text, style);
	w = flush(bd, 0, false);
	if (glyph != NULL)
		rule_line(bd, glyph, w);
	bd->gap = true;
}

/* A line of generated text in a style, as its own block. */
static void
text_block(struct builder *bd, const char *text, unsigned style)
{
	block_begin(bd, 0);
	add_styled(bd, text, style);
	flush(bd, 0, false);
}

/* ---- the cmark walk ------------------------------------------------------- */

static bool
node_is_attribution(cmark_node *text)
{
	const char *lit = cmark_node_get_literal(text);

	return lit != NULL && model_is_attribution(lit, strlen(lit));
}

/* Blocks are followed by a blank line, except in tight list items. */
static bool
leaf_gap(cmark_node *node)
{
	cmark_node *parent = cmark_node_parent(node);

	if (parent != NULL && cmark_node_get_type(parent) == CMARK_NODE_ITEM &&
	    cmark_node_get_list_tight(cmark_node_parent(parent)))
		return false;
	return true;
}

static void
blockquote_enter(struct builder *bd, cmark_node *node)
{
	(void)node;
	gap_emit(bd);
	box_push(bd, BOX_QUOTE, NULL, 2, 0);
	attr_push(bd, STYLE_QUOTE);
}

static void
blockquote_leave(struct builder *bd, cmark_node *node)
{
	(void)node;
	attr_pop(bd);
	box_pop(bd);
	bd->gap = true;
}

static void
list_enter(struct builder *bd, cmark_node *node)
{
	struct list_state *l;
	cmark_node *item;
	long last;
	int n = 0;

	gap_emit(bd);
	ARRAY_RESERVE(bd->lists, bd->listcap, bd->nlists + 1);
	l = &bd->lists[bd->nlists];
	l->depth = bd->nlists++;
	l->ordered = cmark_node_get_list_type(node) == CMARK_ORDERED_LIST;
	l->tight = cmark_node_get_list_tight(node) != 0;
	l->delim = cmark_node_get_list_delim(node) == CMARK_PAREN_DELIM ?
	    ')' : '.';
	l->next = cmark_node_get_list_start(node);
	for (item = cmark_node_first_child(node); item != NULL;
	    item = cmark_node_next(item))
		n++;
	last = (long)l->next + (n > 0 ? n - 1 : 0);
	l->numwidth = snprintf(NULL, 0, "%ld", last);
}

static void
list_leave(struct builder *bd, cmark_node *node)
{
	(void)node;
	if (bd->nlists > 0)
		bd->nlists--;
	bd->gap = true;
}

static void
item_enter(struct builder *bd, cmark_node *node)
{
	static const char *const bullets[] = {
		ITEM_BULLET,			/* • */
		"\xe2\x97\xa6 ",		/* ◦ */
		"\xe2\x96\xaa ",		/* ▪ */
	};
	struct list_state *l;
	char marker[32];

	(void)node;
	gap_emit(bd);
	if (bd->nlists == 0) {
		box_push(bd, BOX_ITEM, ITEM_BULLET, 2, STYLE_MARKER);
		return;
	}
	l = &bd->lists[bd->nlists - 1];
	if (l->ordered) {
		snprintf(marker, sizeof marker, "%*d%c ", l->numwidth, l->next,
		    l->delim);
		l->next++;
		box_push(bd, BOX_ITEM, marker, l->numwidth + 2,
		    STYLE_MARKER);
	} else
		box_push(bd, BOX_ITEM, bullets[l->depth % NITEMS(bullets)], 2,
		    STYLE_MARKER);
}

static void
item_leave(struct builder *bd, cmark_node *node)
{
	(void)node;
	/* An empty item still shows its marker. */
	if (bd->nboxes > 0 && !bd->boxes[bd->nboxes - 1].marked)
		line_emit(bd, 0, 0, 0, 0, false);
	box_pop(bd);
	if (bd->nlists > 0 && bd->lists[bd->nlists - 1].tight)
		bd->gap = false;
}

/* Code and HTML blocks: lines kept, indented, cut hard at the width. */
static void
literal_block(struct builder *bd, cmark_node *node, unsigned style)
{
	const char *lit = cmark_node_get_literal(node);
	size_t len = lit != NULL ? strlen(lit) : 0;

	while (len > 0 && lit[len - 1] == '\n')
		len--;
	block_begin(bd, cmark_node_get_start_line(node));
	box_push(bd, BOX_INDENT, NULL, CODE_INDENT, 0);
	bd->pre = true;
	bd->precol = 0;
	attr_push(bd, style);
	add_text(bd, lit, len);
	flush(bd, 0, false);
	attr_pop(bd);
	bd->pre = false;
	box_pop(bd);
	bd->gap = leaf_gap(node);
}

static void
code_block_enter(struct builder *bd, cmark_node *node)
{
	literal_block(bd, node, STYLE_CODE);
}

static void
html_block_enter(struct builder *bd, cmark_node *node)
{
	literal_block(bd, node, STYLE_DIM);
}

static void
paragraph_enter(struct builder *bd, cmark_node *node)
{
	cmark_node *first = cmark_node_first_child(node);

	block_begin(bd, cmark_node_get_start_line(node));
	bd->attrib = bd->nquotes > 0 && first != NULL &&
	    cmark_node_get_type(first) == CMARK_NODE_TEXT &&
	    node_is_attribution(first);
}

static void
paragraph_leave(struct builder *bd, cmark_node *node)
{
	if (bd->attrib)
		flush(bd, STYLE_ATTRIB, true);
	else
		flush(bd, 0, false);
	bd->attrib = false;
	bd->gap = leaf_gap(node);
}

static void
heading_enter(struct builder *bd, cmark_node *node)
{
	block_begin(bd, cmark_node_get_start_line(node));
	attr_push(bd, STYLE_HEADING | STYLE_BOLD);
}

static void
heading_leave(struct builder *bd, cmark_node *node)
{
	int level = cmark_node_get_heading_level(node), w;

	w = flush(bd, 0, false);
	attr_pop(bd);
	if (level <= 2)
		rule_line(bd, RULE_DOUBLE, w);
	else if (level == 3)
		rule_line(bd, RULE_SINGLE, w);
	bd->gap = true;
}

static void
thematic_break_enter(struct builder *bd, cmark_node *node)
{
	block_begin(bd, cmark_node_get_start_line(node));
	rule_line(bd, RULE_SINGLE, bd->width - prefix_width(bd));
	bd->gap = true;
}

static void
text_enter(struct builder *bd, cmark_node *node)
{
	const char *lit = cmark_node_get_literal(node);
	const struct mention *m;
	size_t len, pos = 0, k, start, end;

	if (lit == NULL)
		return;
	len = strlen(lit);
	for (k = bynode_find(bd, node);
	    k < bd->nbynode && bd->bynode[k].node == node; k++) {
		m = &bd->x->mentions[bd->bynode[k].mention];
		start = m->start;
		end = m->end < len ? m->end : len;
		if (m->explicit_link || start < pos || end <= start)
			continue;
		add_text(bd, lit + pos, start - pos);
		attr_push_ref(bd, m->target, bd->bynode[k].mention);
		add_text(bd, lit + start, end - start);
		attr_pop(bd);
		ref_mark(bd, m->target);
		pos = end;
	}
	add_text(bd, lit + pos, len - pos);
}

static void
softbreak_enter(struct builder *bd, cmark_node *node)
{
	cmark_node *next = cmark_node_next(node);

	/* "> words\n> — Name": the attribution gets its own line. */
	if (bd->nquotes > 0 && !bd->attrib && next != NULL &&
	    cmark_node_get_type(next) == CMARK_NODE_TEXT &&
	    node_is_attribution(next)) {
		flush(bd, 0, false);
		bd->attrib = true;
		return;
	}
	add_space(bd);
}

static void
linebreak_enter(struct builder *bd, cmark_node *node)
{
	(void)node;
	cell_add(bd, "", 0, 0, CELL_BREAK, attr_intern(bd, &bd->cur));
}

static void
code_enter(struct builder *bd, cmark_node *node)
{
	add_styled(bd, cmark_node_get_literal(node), STYLE_CODE);
}

static void
html_inline_enter(struct builder *bd, cmark_node *node)
{
	add_styled(bd, cmark_node_get_literal(node), STYLE_DIM);
}

static void
emph_enter(struct builder *bd, cmark_node *node)
{
	(void)node;
	attr_push(bd, STYLE_ITALIC);
}

static void
strong_enter(struct builder *bd, cmark_node *node)
{
	(void)node;
	attr_push(bd, STYLE_BOLD);
}

static void
style_leave(struct builder *bd, cmark_node *node)
{
	(void)node;
	attr_pop(bd);
}

static bool
is_ref_url(const char *url)
{
	return url != NULL && (strncmp(url, "actor:", 6) == 0 ||
	    strncmp(url, "expert:", 7) == 0 || strncmp(url, "section:", 8) == 0);
}

static void
link_enter(struct builder *bd, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	struct ref_target t;
	size_t k, mention = XREF_NONE;

	bd->link_start = bd->ncells;
	bd->link_ref = false;
	if (bd->force.kind != REF_NONE) {
		attr_push(bd, 0);
		return;
	}
	k = bynode_find(bd, node);
	if (k < bd->nbynode) {
		mention = bd->bynode[k].mention;
		t = bd->x->mentions[mention].target;
	} else
		t = ref_parse_url(bd->b, url);
	if (t.kind != REF_NONE) {
		bd->link_ref = true;
		attr_push_ref(bd, t, mention);
	} else if (is_ref_url(url))
		attr_push(bd, 0);	/* a dangling reference: its text */
	else
		attr_push(bd, STYLE_LINK);
}

static void
link_leave(struct builder *bd, cmark_node *node)
{
	const char *url = cmark_node_get_url(node);
	struct buf text;
	char *safe;
	size_t k;

	if (bd->link_ref) {
		struct ref_target t = bd->cur.ref;

		attr_pop(bd);
		ref_mark(bd, t);
		return;
	}
	attr_pop(bd);
	if (bd->force.kind != REF_NONE || url == NULL || *url == '\0' ||
	    is_ref_url(url))
		return;
	/* Show the URL when the text does not already. */
	buf_init(&text);
	buf_add(&text, "", 0);
	for (k = bd->link_start; k < bd->ncells; k++)
		buf_add(&text, bd->cells[k].t, bd->cells[k].len);
	safe = textsafe_string(url, strlen(url), true, NULL);
	if (strcmp(safe, text.data) != 0 &&
	    !(strncmp(safe, "mailto:", 7) == 0 &&
	    strcmp(safe + 7, text.data) == 0)) {
		add_space(bd);
		attr_push(bd, STYLE_DIM);
		add_str(bd, "<");
		add_str(bd, url);
		add_str(bd, ">");
		attr_pop(bd);
	}
	free(safe);
	buf_free(&text);
}

static void
image_enter(struct builder *bd, cmark_node *node)
{
	add_styled(bd, "[image: ", STYLE_DIM);
	if (cmark_node_first_child(node) == NULL)
		add_styled(bd, cmark_node_get_url(node), STYLE_DIM);
	attr_push(bd, STYLE_ITALIC);
}

static void
image_leave(struct builder *bd, cmark_node *node)
{
	(void)node;
	attr_pop(bd);
	add_styled(bd, "]", STYLE_DIM);
}

/* What each node type does on ENTER and EXIT; leaves only get ENTER. */
static const struct node_act {
	void	(*enter)(struct builder *, cmark_node *);
	void	(*leave)(struct builder *, cmark_node *);
} node_acts[CMARK_NODE_LAST_INLINE + 1] = {
	[CMARK_NODE_NONE] =		{ NULL, NULL },
	[CMARK_NODE_DOCUMENT] =		{ NULL, NULL },
	[CMARK_NODE_BLOCK_QUOTE] =	{ blockquote_enter, blockquote_leave },
	[CMARK_NODE_LIST] =		{ list_enter, list_leave },
	[CMARK_NODE_ITEM] =		{ item_enter, item_leave },
	[CMARK_NODE_CODE_BLOCK] =	{ code_block_enter, NULL },
	[CMARK_NODE_HTML_BLOCK] =	{ html_block_enter, NULL },
	[CMARK_NODE_CUSTOM_BLOCK] =	{ NULL, NULL },
	[CMARK_NODE_PARAGRAPH] =	{ paragraph_enter, paragraph_leave },
	[CMARK_NODE_HEADING] =		{ heading_enter, heading_leave },
	[CMARK_NODE_THEMATIC_BREAK] =	{ thematic_break_enter, NULL },
	[CMARK_NODE_TEXT] =		{ text_enter, NULL },
	[CMARK_NODE_SOFTBREAK] =	{ softbreak_enter, NULL },
	[CMARK_NODE_LINEBREAK] =	{ linebreak_enter, NULL },
	[CMARK_NODE_CODE] =		{ code_enter, NULL },
	[CMARK_NODE_HTML_INLINE] =	{ html_inline_enter, NULL },
	[CMARK_NODE_CUSTOM_INLINE] =	{ NULL, NULL },
	[CMARK_NODE_EMPH] =		{ emph_enter, style_leave },
	[CMARK_NODE_STRONG] =		{ strong_enter, style_leave },
	[CMARK_NODE_LINK] =		{ link_enter, link_leave },
	[CMARK_NODE_IMAGE] =		{ image_enter, image_leave },
};

static void
walk(struct builder *bd, cmark_node *root)
{
	const struct node_act *act;
	cmark_event_type ev;
	cmark_node *node;
	cmark_iter *it;
	int type;

	if (root == NULL)
		return;
	it = cmark_iter_new(root);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		node = cmark_iter_get_node(it);
		type = cmark_node_get_type(node);
		if (type < 0 || (size_t)type >= NITEMS(node_acts))
			continue;
		act = &node_acts[type];
		if (ev == CMARK_EVENT_ENTER && act->enter != NULL)
			act->enter(bd, node);
		else if (ev == CMARK_EVENT_EXIT && act->leave != NULL)
			act->leave(bd, node);
	}
	cmark_iter_free(it);
	/* Whatever a malformed tree left open. */
	flush(bd, 0, false);
	bd->gap = true;
}

/* ---- units ----------------------------------------------------------------- */

static void
builder_init(struct builder *bd, const struct briefing *b,
    const struct xref *x, int width, bool mark_refs)
{
	memset(bd, 0, sizeof *bd);
	bd->b = b;
	bd->x = b != NULL ? x : NULL;
	bd->width = width < 1 ? 1 : width;
	bd->mark_refs = mark_refs;
	bd->lay = xcalloc(1, sizeof *bd->lay);
	bd->lay->width = bd->width;
	bd->cur = attr_plain;
	bd->force.kind = REF_NONE;
}

/* Free the working state; returns the layout. */
static struct layout *
builder_finish(struct builder *bd)
{
	free(bd->attrs);
	free(bd->saved);
	free(bd->cells);
	free(bd->line);
	free(bd->ranges);
	free(bd->spans);
	free(bd->boxes);
	free(bd->lists);
	free(bd->bynode);
	free(bd->marks);
	return bd->lay;
}

/* An entry of a generated list ("• text"), as its own block. */
static void
item_begin(struct builder *bd)
{
	block_begin(bd, 0);
	box_push(bd, BOX_ITEM, ITEM_BULLET, 2, STYLE_MARKER);
}

static void
item_end(struct builder *bd)
{
	flush(bd, 0, false);
	box_pop(bd);
}

/* A reference written by the layout itself (related actors, backlinks). */
static void
add_ref(struct builder *bd, struct ref_target t)
{
	attr_push_ref(bd, t, XREF_NONE);
	add_str(bd, ref_target_name(bd, t));
	attr_pop(bd);
	ref_mark(bd, t);
}

/* mark_refs: the unit's references, numbered as in the text. */
static void
references_block(struct builder *bd)
{
	char num[32];
	size_t i;

	if (!bd->mark_refs || bd->nmarks == 0)
		return;
	bd->gap = true;
	title_block(bd, "References", STYLE_HEADING | STYLE_BOLD, RULE_SINGLE,
	    0);
	for (i = 0; i < bd->nmarks; i++) {
		block_begin(bd, 0);
		snprintf(num, sizeof num, "[%zu] ", i + 1);
		box_push(bd, BOX_ITEM, num, (int)strlen(num), STYLE_REFMARK);
		add_styled(bd, ref_kind_names[bd->marks[i].kind], STYLE_DIM);
		add_styled(bd, ":", STYLE_DIM);
		add_space(bd);
		add_str(bd, ref_target_name(bd, bd->marks[i]));
		flush(bd, 0, false);
		box_pop(bd);
	}
}

static void
unit_section(struct builder *bd, size_t i)
{
	const struct section *s = &bd->b->sections[i];

	title_block(bd, s->title, STYLE_HEADING | STYLE_BOLD,
	    s->level <= 2 ? RULE_DOUBLE : RULE_SINGLE, s->line);
	walk(bd, s->body.doc);
}

/* "Also known as: a, b" */
static void
aliases_block(struct builder *bd, const struct strlist *aliases,
    const char *lead)
{
	size_t i;

	if (aliases->n == 0 && lead == NULL)
		return;
	block_begin(bd, 0);
	attr_push(bd, STYLE_DIM);
	if (lead != NULL)
		add_str(bd, lead);
	if (aliases->n > 0) {
		if (lead != NULL)
			add_str(bd, " \xc2\xb7 ");	/* · */
		add_str(bd, "also known as ");
	}
	for (i = 0; i < aliases->n; i++) {
		if (i > 0)
			add_str(bd, ", ");
		add_str(bd, aliases->v[i]);
	}
	attr_pop(bd);
	flush(bd, 0, false);
}

/* Where a quote or mention stands: "Moscow's options", "the profile of X". */
static void
add_unit_name(struct builder *bd, struct unit_ref u)
{
	const char *title = briefing_unit_title(bd->b, u);

	if (u.kind == UNIT_EXPERT || u.kind == UNIT_ACTOR)
		add_str(bd, "the profile of ");
	add_str(bd, title != NULL ? title : "?");
}

static void
unit_expert(struct builder *bd, size_t i)
{
	const struct expert *e = &bd->b->experts[i];
	const struct xref_entity *xe;
	const struct quote *q;
	char *stat;
	size_t k, qi;

	title_block(bd, e->name, STYLE_TITLE | STYLE_BOLD, RULE_DOUBLE, 0);
	bd->gap = false;
	if (e->role != NULL || e->affiliation != NULL) {
		block_begin(bd, 0);
		attr_push(bd, STYLE_ITALIC);
		add_str(bd, e->role);
		if (e->role != NULL && e->affiliation != NULL)
			add_str(bd, ", ");
		add_str(bd, e->affiliation);
		attr_pop(bd);
		flush(bd, 0, false);
	}
	aliases_block(bd, &e->aliases, NULL);
	xe = bd->x != NULL ? &bd->x->experts[i] : NULL;
	if (xe != NULL) {
		if (xe->number == 0 || xe->quotes.n == 0)
			stat = xstrdup("Not quoted in the briefing");
		else if (xe->quotes.n == 1)
			stat = xasprintf("Expert %zu \xc2\xb7 quoted once",
			    xe->number);
		else
			stat = xasprintf("Expert %zu \xc2\xb7 quoted %zu times",
			    xe->number, xe->quotes.n);
		text_block(bd, stat, STYLE_DIM);
		free(stat);
	}
	bd->gap = true;
	walk(bd, e->body.doc);
	if (xe == NULL || xe->quotes.n == 0)
		return;
	title_block(bd, "Quotes", STYLE_HEADING | STYLE_BOLD, RULE_SINGLE, 0);
	for (k = 0; k < xe->quotes.n; k++) {
		qi = xe->quotes.v[k];
		if (qi >= bd->x->nquotes)
			continue;
		q = &bd->x->quotes[qi];
		bd->force.kind = REF_QUOTE;
		bd->force.index = qi;
		bd->gap = true;
		walk(bd, q->node);
		bd->gap = false;
		block_begin(bd, 0);
		attr_push(bd, STYLE_DIM);
		add_str(bd, EM_DASH " in ");
		add_unit_name(bd, q->unit);
		attr_pop(bd);
		flush(bd, 0, false);
		bd->force.kind = REF_NONE;
		bd->gap = true;
	}
}

/*
 * A paragraph that names an actor thousands of times would list thousands
 * of snippets of itself, each a few lines at a narrow width: the list
 * shows the mentions of each block that have a snippet and says how many
 * more (xref cuts snippets for the first XREF_SNIPPETS_PER_BLOCK only).
 */

/* The block a mention stands in (its paragraph or heading). */
static cmark_node *
mention_block(const struct mention *m)
{
	cmark_node *n = m->node;

	while (n != NULL && cmark_node_get_type(n) > CMARK_NODE_LAST_BLOCK)
		n = cmark_node_parent(n);
	return n;
}

static void
more_mentions(struct builder *bd, size_t n)
{
	char *s;

	if (n == 0)
		return;
	s = xasprintf("%s and %zu more in the same paragraph", ELLIPSIS, n);
	item_begin(bd);
	attr_push(bd, STYLE_DIM);
	add_str(bd, s);
	attr_pop(bd);
	item_end(bd);
	free(s);
}

static void
unit_actor(struct builder *bd, size_t i)
{
	const struct actor *a = &bd->b->actors[i];
	const struct xref_entity *xa;
	const struct relation *r;
	const struct mention *m;
	struct ref_target t;
	cmark_node *blk, *prev = NULL;
	size_t k, mi, inblock = 0, hidden = 0;

	title_block(bd, a->name, STYLE_TITLE | STYLE_BOLD, RULE_DOUBLE, 0);
	bd->gap = false;
	aliases_block(bd, &a->aliases, actor_kind_name(a->kind));
	bd->gap = true;
	walk(bd, a->body.doc);
	if (a->nrelated > 0)
		title_block(bd, "Related", STYLE_HEADING | STYLE_BOLD,
		    RULE_SINGLE, 0);
	for (k = 0; k < a->nrelated; k++) {
		r = &a->related[k];
		item_begin(bd);
		t.kind = REF_ACTOR;
		t.index = r->target != NULL ?
		    briefing_find_actor(bd->b, r->target) : MODEL_NONE;
		if (t.index != MODEL_NONE)
			add_ref(bd, t);
		else
			add_str(bd, r->target);
		if (r->words != NULL && *r->words != '\0') {
			add_str(bd, " " EM_DASH " ");
			add_str(bd, r->words);
		}
		item_end(bd);
	}
	bd->gap = true;
	xa = bd->x != NULL ? &bd->x->actors[i] : NULL;
	if (xa != NULL && xa->mentions.n > 0) {
		title_block(bd, "Mentioned in", STYLE_HEADING | STYLE_BOLD,
		    RULE_SINGLE, 0);
		for (k = 0; k < xa->mentions.n; k++) {
			mi = xa->mentions.v[k];
			if (mi >= bd->x->nmentions)
				continue;
			m = &bd->x->mentions[mi];
			blk = mention_block(m);
			if (blk == NULL || blk != prev) {
				more_mentions(bd, hidden);
				hidden = inblock = 0;
				prev = blk;
			}
			if (++inblock > XREF_SNIPPETS_PER_BLOCK) {
				hidden++;
				continue;
			}
			item_begin(bd);
			bd->force.kind = REF_MENTION;
			bd->force.index = mi;
			attr_push(bd, STYLE_BOLD);
			add_unit_name(bd, m->unit);
			attr_pop(bd);
			add_str(bd, ":");
			if (m->snippet != NULL) {
				add_space(bd);
				add_str(bd, m->snippet);
			}
			item_end(bd);
			bd->force.kind = REF_NONE;
		}
		more_mentions(bd, hidden);
		bd->gap = true;
	}
	if (xa != NULL && xa->backlinks.n > 0) {
		title_block(bd, "Named in the profiles of",
		    STYLE_HEADING | STYLE_BOLD, RULE_SINGLE, 0);
		for (k = 0; k < xa->backlinks.n; k++) {
			if (xa->backlinks.v[k] >= bd->b->nactors)
				continue;
			item_begin(bd);
			t.kind = REF_ACTOR;
			t.index = xa->backlinks.v[k];
			add_ref(bd, t);
			item_end(bd);
		}
		bd->gap = true;
	}
}

static void
unit_timeline(struct builder *bd, size_t i)
{
	const struct briefing *b = bd->b;

	(void)i;
	title_block(bd, b->timeline_title != NULL ? b->timeline_title :
	    "Timeline", STYLE_HEADING | STYLE_BOLD, RULE_DOUBLE, 0);
	walk(bd, b->timeline->doc);
}

/* How many units of a kind the briefing has. */
static size_t
unit_count(const struct briefing *b, enum unit_kind kind)
{
	switch (kind) {
	case UNIT_SECTION:
		return b->nsections;
	case UNIT_EXPERT:
		return b->nexperts;
	case UNIT_ACTOR:
		return b->nactors;
	case UNIT_TIMELINE:
		return b->timeline != NULL ? 1 : 0;
	}
	return 0;
}

/* Indexed by enum unit_kind. */
static void (*const unit_layouts[])(struct builder *, size_t) = {
	unit_section,	/* UNIT_SECTION */
	unit_expert,	/* UNIT_EXPERT */
	unit_actor,	/* UNIT_ACTOR */
	unit_timeline,	/* UNIT_TIMELINE */
};

struct layout *
layout_unit(const struct briefing *b, const struct xref *x,
    struct unit_ref u, const struct layout_opts *opts)
{
	struct builder bd;

	builder_init(&bd, b, x, opts->width, opts->mark_refs);
	if (b == NULL || (size_t)u.kind >= NITEMS(unit_layouts) ||
	    u.index >= unit_count(b, u.kind))
		return builder_finish(&bd);
	bynode_build(&bd, u);
	unit_layouts[u.kind](&bd, u.index);
	references_block(&bd);
	return builder_finish(&bd);
}

struct layout *
layout_body(const struct body *body, const struct layout_opts *opts)
{
	struct builder bd;

	builder_init(&bd, NULL, NULL, opts->width, opts->mark_refs);
	if (body != NULL)
		walk(&bd, body->doc);
	return builder_finish(&bd);
}

struct layout *
layout_header(const struct briefing *b, const struct layout_opts *opts)
{
	const struct source_info *src = &b->source;
	const char *const parts[] = { src->author, src->publication, src->date };
	struct builder bd;
	int w, ws;
	size_t i;
	bool any;

	builder_init(&bd, b, NULL, opts->width, false);
	block_begin(&bd, 0);
	add_styled(&bd, b->title, STYLE_TITLE | STYLE_BOLD);
	w = flush(&bd, 0, false);
	if (b->subtitle != NULL) {
		block_begin(&bd, 0);
		add_styled(&bd, b->subtitle, STYLE_ITALIC);
		ws = flush(&bd, 0, false);
		if (ws > w)
			w = ws;
	}
	rule_line(&bd, RULE_HEAVY, w);
	if (b->date != NULL)
		text_block(&bd, b->date, STYLE_DIM);
	if (src->title != NULL || src->author != NULL ||
	    src->publication != NULL || src->date != NULL) {
		block_begin(&bd, 0);
		attr_push(&bd, STYLE_DIM);
		add_str(&bd, "Source: ");
		add_str(&bd, src->title);
		any = false;
		for (i = 0; i < NITEMS(parts); i++) {
			if (parts[i] == NULL)
				continue;
			if (any)
				add_str(&bd, ", ");
			else if (src->title != NULL)
				add_str(&bd, " " EM_DASH " ");
			add_str(&bd, parts[i]);
			any = true;
		}
		attr_pop(&bd);
		flush(&bd, 0, false);
	}
	if (src->url != NULL)
		text_block(&bd, src->url, STYLE_DIM | STYLE_LINK);
	if (b->tags.n > 0) {
		block_begin(&bd, 0);
		attr_push(&bd, STYLE_DIM);
		add_str(&bd, "Tags: ");
		for (i = 0; i < b->tags.n; i++) {
			if (i > 0)
				add_str(&bd, ", ");
			add_str(&bd, b->tags.v[i]);
		}
		attr_pop(&bd);
		flush(&bd, 0, false);
	}
	return builder_finish(&bd);
}

struct line *
layout_text_line(const char *text, unsigned style, int width)
{
	struct line *l = xcalloc(1, sizeof *l);
	struct builder bd;
	struct attr a = attr_plain;
	uint32_t ai;
	size_t i, n;
	int total = 0, col = 0;

	if (text == NULL || width < 1)
		return l;
	builder_init(&bd, NULL, NULL, width, false);
	add_styled(&bd, text, style);
	for (i = 0; i < bd.ncells; i++)
		total += bd.cells[i].width;
	n = bd.ncells;
	if (total > width) {
		for (n = 0; n < bd.ncells; n++) {
			if (col + bd.cells[n].width > width - 1)
				break;
			col += bd.cells[n].width;
		}
	}
	bd.nline = 0;
	for (i = 0; i < n; i++)
		line_cell(&bd, bd.cells[i].t, bd.cells[i].len,
		    bd.cells[i].width, bd.cells[i].attr);
	if (n < bd.ncells) {
		a.style = style;
		ai = attr_intern(&bd, &a);
		line_add(&bd, ELLIPSIS, ai, ai);
	}
	line_make(&bd, 0, 0, l);
	layout_free(builder_finish(&bd));
	return l;
}

static void
line_clear(struct line *l)
{
	size_t i;

	for (i = 0; i < l->nspans; i++)
		free(l->spans[i].text);
	free(l->spans);
}

void
line_free(struct line *l)
{
	if (l == NULL)
		return;
	line_clear(l);
	free(l);
}

void
layout_free(struct layout *lay)
{
	size_t i;

	if (lay == NULL)
		return;
	for (i = 0; i < lay->nlines; i++)
		line_clear(&lay->lines[i]);
	free(lay->lines);
	free(lay);
}
