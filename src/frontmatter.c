#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "strmap.h"
#include "util.h"

struct fm {
	yaml_document_t	*doc;		/* shared by nested maps */
	bool		 owner;		/* frees doc */
	int		 node;		/* the mapping node */
	char		*file;
	int		 line;		/* file line of YAML line 0 */
};

/*
 * The end of the line at text[i..]: the first byte after its line break
 * ("\n", "\r\n" or a lone "\r", as CommonMark and YAML both allow), or
 * len for the last line.
 */
static size_t
line_end(const char *text, size_t len, size_t i)
{
	while (i < len && text[i] != '\n' && text[i] != '\r')
		i++;
	if (i < len && text[i] == '\r' && i + 1 < len && text[i + 1] == '\n')
		i++;
	return i < len ? i + 1 : len;
}

/* Is text[i..] a line holding exactly `mark` (trailing blanks allowed)? */
static size_t
delimiter_line(const char *text, size_t len, size_t i, const char *mark)
{
	size_t m = strlen(mark), j;

	if (len - i < m || memcmp(text + i, mark, m) != 0)
		return 0;
	j = i + m;
	while (j < len && (text[j] == ' ' || text[j] == '\t'))
		j++;
	if (j < len && text[j] != '\n' && text[j] != '\r')
		return 0;
	return line_end(text, len, j) - i;
}

void
fm_split(const char *text, size_t len, struct fm_span *sp)
{
	size_t i, n;
	int line = 2;

	memset(sp, 0, sizeof *sp);
	i = 0;
	/* A UTF-8 byte-order mark may precede the first line. */
	if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	if ((n = delimiter_line(text, len, i, "---")) == 0)
		return;
	sp->present = true;
	sp->yaml_start = i + n;
	sp->yaml_line = line;
	for (i = sp->yaml_start; i < len; line++) {
		if ((n = delimiter_line(text, len, i, "---")) != 0 ||
		    (n = delimiter_line(text, len, i, "...")) != 0) {
			sp->closed = true;
			sp->yaml_len = i - sp->yaml_start;
			sp->end = i + n;
			return;
		}
		i = line_end(text, len, i);
	}
	sp->yaml_len = len - sp->yaml_start;
	sp->end = len;
}

static int
mark_line(const struct fm *fm, yaml_mark_t m)
{
	return fm->line + (int)m.line;
}

/* A scalar key of a mapping, and its place among the mapping's keys. */
struct keyref {
	const yaml_node_t	*key;
	size_t			 order;
};

static int
cmp_keyref(const void *pa, const void *pb)
{
	const struct keyref *a = pa, *b = pb;
	size_t la = a->key->data.scalar.length, lb = b->key->data.scalar.length;
	int c;

	if (la != lb)
		return la < lb ? -1 : 1;
	if ((c = memcmp(a->key->data.scalar.value, b->key->data.scalar.value,
	    la)) != 0)
		return c;
	return a->order < b->order ? -1 : a->order > b->order;
}

static bool
same_key(const yaml_node_t *a, const yaml_node_t *b)
{
	return a->data.scalar.length == b->data.scalar.length &&
	    memcmp(a->data.scalar.value, b->data.scalar.value,
	    a->data.scalar.length) == 0;
}

/*
 * The scalar keys of a mapping node, sorted by key then by file order, in
 * *v (grown as needed); returns how many.
 */
static size_t
sorted_keys(const struct fm *fm, const yaml_node_t *map, struct keyref **v,
    size_t *cap)
{
	const yaml_node_pair_t *p;
	const yaml_node_t *k;
	size_t n = 0;

	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = yaml_document_get_node(fm->doc, p->key);
		if (k == NULL || k->type != YAML_SCALAR_NODE)
			continue;
		ARRAY_RESERVE(*v, *cap, n + 1);
		(*v)[n].key = k;
		(*v)[n].order = (size_t)(p - map->data.mapping.pairs.start);
		n++;
	}
	if (n > 1)
		qsort(*v, n, sizeof **v, cmp_keyref);
	return n;
}

/*
 * libyaml accepts a key given twice in one mapping; the getters take the
 * last. Say so at each later one, in every mapping of the document.
 * Sorting keeps this n log n for mappings of thousands of keys.
 */
static void
check_duplicate_keys(const struct fm *fm, struct diag_list *dl)
{
	const yaml_node_t *n, *k;
	struct keyref *v = NULL;
	size_t cap = 0, nk, i;

	for (n = fm->doc->nodes.start; n < fm->doc->nodes.top; n++) {
		if (n->type != YAML_MAPPING_NODE)
			continue;
		nk = sorted_keys(fm, n, &v, &cap);
		for (i = 1; i < nk; i++) {
			if (!same_key(v[i - 1].key, v[i].key))
				continue;
			k = v[i].key;
			diag_add(dl, DIAG_WARNING, fm->file,
			    mark_line(fm, k->start_mark),
			    (int)k->start_mark.column + 1, "front matter: "
			    "key '%.*s' is given twice; the last one counts",
			    diag_quote_len((const char *)k->data.scalar.value,
			    k->data.scalar.length),
			    (const char *)k->data.scalar.value);
		}
	}
	free(v);
}

/*
 * Front matter needs three levels (a mapping of mappings of lists); more
 * than this is hostile. libyaml's scanner spends time in the flow depth
 * on every token, so 100,000 nested "[" take minutes to load: the
 * document is composed here from the parser's events, in one pass that
 * stops at the first event too deep (yaml_parser_load has no such bound).
 */
#define FM_MAX_DEPTH 32

/* A collection being composed, and the key that waits for its value. */
struct open_node {
	int	node;
	int	key;	/* 0: the next node is a key (mappings only) */
};

struct composer {
	yaml_document_t		*doc;
	struct strmap		 anchors;	/* anchor name -> node */
	struct open_node	 stack[FM_MAX_DEPTH];
	int			 depth;
	enum {
		COMPOSE_OK,
		COMPOSE_SYNTAX,	/* problem and context say why */
		COMPOSE_DEEP	/* nested deeper than FM_MAX_DEPTH */
	}			 status;
	const char		*problem;	/* libyaml's static strings */
	const char		*context;
	yaml_mark_t		 where;
};

static void
compose_fail(struct composer *c, int status, const char *problem,
    const char *context, yaml_mark_t where)
{
	if (c->status != COMPOSE_OK)
		return;
	c->status = status;
	c->problem = problem;
	c->context = context;
	c->where = where;
}

/* Hang a new node on the collection that is open, or make it the root. */
static void
compose_attach(struct composer *c, int node)
{
	struct open_node *top;
	yaml_node_t *n;

	if (c->depth == 0)
		return;		/* the first node added is the root */
	top = &c->stack[c->depth - 1];
	n = yaml_document_get_node(c->doc, top->node);
	if (n->type == YAML_SEQUENCE_NODE) {
		if (!yaml_document_append_sequence_item(c->doc, top->node, node))
			util_fatal("out of memory composing YAML");
	} else if (top->key == 0) {
		top->key = node;
	} else {
		if (!yaml_document_append_mapping_pair(c->doc, top->node,
		    top->key, node))
			util_fatal("out of memory composing YAML");
		top->key = 0;
	}
}

/* A node made from an event: marks set, anchor kept, hung in place. */
static void
compose_node(struct composer *c, int node, const yaml_event_t *ev,
    const yaml_char_t *anchor)
{
	yaml_node_t *n;

	if (node == 0)
		util_fatal("out of memory composing YAML");
	n = yaml_document_get_node(c->doc, node);
	n->start_mark = ev->start_mark;
	n->end_mark = ev->end_mark;
	if (anchor != NULL)
		strmap_put(&c->anchors, (const char *)anchor, (size_t)node);
	compose_attach(c, node);
}

static void
compose_open(struct composer *c, const yaml_event_t *ev)
{
	const yaml_char_t *anchor;
	int node;

	if (c->depth == FM_MAX_DEPTH) {
		compose_fail(c, COMPOSE_DEEP, NULL, NULL, ev->start_mark);
		return;
	}
	if (ev->type == YAML_SEQUENCE_START_EVENT) {
		anchor = ev->data.sequence_start.anchor;
		node = yaml_document_add_sequence(c->doc,
		    ev->data.sequence_start.tag,
		    ev->data.sequence_start.style);
	} else {
		anchor = ev->data.mapping_start.anchor;
		node = yaml_document_add_mapping(c->doc,
		    ev->data.mapping_start.tag, ev->data.mapping_start.style);
	}
	compose_node(c, node, ev, anchor);
	c->stack[c->depth].node = node;
	c->stack[c->depth].key = 0;
	c->depth++;
}

/* One event; false when the document is complete. */
static bool
compose_event(struct composer *c, const yaml_event_t *ev)
{
	size_t *found;
	int node;

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		node = yaml_document_add_scalar(c->doc, ev->data.scalar.tag,
		    ev->data.scalar.value, (int)ev->data.scalar.length,
		    ev->data.scalar.style);
		compose_node(c, node, ev, ev->data.scalar.anchor);
		break;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		compose_open(c, ev);
		break;
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		if (c->depth > 0) {
			c->depth--;
			yaml_document_get_node(c->doc,
			    c->stack[c->depth].node)->end_mark = ev->end_mark;
		}
		break;
	case YAML_ALIAS_EVENT:
		/* The anchored node itself, shared: never a copy. */
		if ((found = strmap_find(&c->anchors,
		    (const char *)ev->data.alias.anchor)) == NULL)
			compose_fail(c, COMPOSE_SYNTAX, "found undefined alias",
			    NULL, ev->start_mark);
		else
			compose_attach(c, (int)*found);
		break;
	case YAML_DOCUMENT_END_EVENT:
	case YAML_STREAM_END_EVENT:
		return false;
	default:
		break;
	}
	return c->status == COMPOSE_OK;
}

/*
 * Compose the first document of the text into c->doc, which the caller
 * initialised; c->status says how it went.
 */
static void
compose(struct composer *c, const char *yaml, size_t len)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	bool more = true;

	if (!yaml_parser_initialize(&parser))
		util_fatal("cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	while (more) {
		if (!yaml_parser_parse(&parser, &ev)) {
			compose_fail(c, COMPOSE_SYNTAX, parser.problem != NULL ?
			    parser.problem : "invalid YAML", parser.context,
			    parser.problem_mark);
			break;
		}
		more = compose_event(c, &ev);
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	strmap_free(&c->anchors);
}

struct fm *
fm_parse(const char *yaml, size_t len, const char *file, int line,
    struct diag_list *dl)
{
	struct composer c;
	yaml_document_t *doc;
	yaml_node_t *root;
	struct fm *fm;

	doc = xcalloc(1, sizeof *doc);
	if (!yaml_document_initialize(doc, NULL, NULL, NULL, 1, 1))
		util_fatal("out of memory composing YAML");
	memset(&c, 0, sizeof c);
	c.doc = doc;
	compose(&c, yaml, len);
	if (c.status == COMPOSE_DEEP)
		diag_add(dl, DIAG_ERROR, file, line + (int)c.where.line,
		    (int)c.where.column + 1, "front matter: nested deeper "
		    "than %d levels", FM_MAX_DEPTH);
	else if (c.status == COMPOSE_SYNTAX)
		diag_add(dl, DIAG_ERROR, file, line + (int)c.where.line,
		    (int)c.where.column + 1, "front matter: %s%s%s", c.problem,
		    c.context != NULL ? " " : "",
		    c.context != NULL ? c.context : "");
	if (c.status != COMPOSE_OK) {
		yaml_document_delete(doc);
		free(doc);
		return NULL;
	}

	fm = xcalloc(1, sizeof *fm);
	fm->doc = doc;
	fm->owner = true;
	fm->file = xstrdup(file);
	fm->line = line;
	root = yaml_document_get_root_node(doc);
	if (root == NULL) {
		/* Empty front matter: an empty mapping. */
		fm->node = 0;
		return fm;
	}
	if (root->type != YAML_MAPPING_NODE) {
		diag_add(dl, DIAG_ERROR, file, mark_line(fm, root->start_mark),
		    (int)root->start_mark.column + 1,
		    "front matter is not a mapping of keys to values");
		fm_free(fm);
		return NULL;
	}
	fm->node = 1;	/* the root is node 1 */
	check_duplicate_keys(fm, dl);
	return fm;
}

void
fm_free(struct fm *fm)
{
	if (fm == NULL)
		return;
	if (fm->owner) {
		yaml_document_delete(fm->doc);
		free(fm->doc);
	}
	free(fm->file);
	free(fm);
}

static yaml_node_t *
node_at(const struct fm *fm, int i)
{
	return yaml_document_get_node(fm->doc, i);
}

static bool
is_scalar(const yaml_node_t *n, const char *s)
{
	return n != NULL && n->type == YAML_SCALAR_NODE &&
	    n->data.scalar.length == strlen(s) &&
	    memcmp(n->data.scalar.value, s, n->data.scalar.length) == 0;
}

/* The key and value nodes of `key` in the mapping, the last one wins. */
static bool
lookup(const struct fm *fm, const char *key, yaml_node_t **kp,
    yaml_node_t **vp)
{
	yaml_node_t *map, *k;
	yaml_node_pair_t *p;
	bool found = false;

	if (fm == NULL || fm->node == 0 ||
	    (map = node_at(fm, fm->node)) == NULL)
		return false;
	for (p = map->data.mapping.pairs.start;
	    p < map->data.mapping.pairs.top; p++) {
		k = node_at(fm, p->key);
		if (is_scalar(k, key)) {
			*kp = k;
			*vp = node_at(fm, p->value);
			found = true;
		}
	}
	return found;
}

static bool
is_null(const yaml_node_t *v)
{
	const char *s;

	if (v == NULL)
		return true;
	if (v->type != YAML_SCALAR_NODE ||
	    v->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	s = (const char *)v->data.scalar.value;
	return v->data.scalar.length == 0 || strcmp(s, "~") == 0 ||
	    strcmp(s, "null") == 0 || strcmp(s, "Null") == 0 ||
	    strcmp(s, "NULL") == 0;
}

static const char *
type_name(const yaml_node_t *v)
{
	switch (v->type) {
	case YAML_SEQUENCE_NODE:
		return "a list";
	case YAML_MAPPING_NODE:
		return "a mapping";
	default:
		return "a single value";
	}
}

static void
wrong(const struct fm *fm, const yaml_node_t *v, const char *key,
    const char *want, struct diag_list *dl)
{
	diag_add(dl, DIAG_ERROR, fm->file, mark_line(fm, v->start_mark),
	    (int)v->start_mark.column + 1, "front matter: '%s' must be %s, not %s",
	    key, want, type_name(v));
}

/*
 * A scalar as a string. YAML can spell a NUL ("\0") that a C string
 * cannot hold: the text stops there, and says so.
 */
static char *
scalar_dup(const struct fm *fm, const yaml_node_t *v, const char *key,
    struct diag_list *dl)
{
	if (memchr(v->data.scalar.value, '\0', v->data.scalar.length) != NULL)
		diag_add(dl, DIAG_WARNING, fm->file,
		    mark_line(fm, v->start_mark), (int)v->start_mark.column + 1,
		    "front matter: '%s' holds a NUL character (\\0); the text "
		    "after it is dropped", key);
	return xstrndup((const char *)v->data.scalar.value,
	    v->data.scalar.length);
}

enum fm_status
fm_get_string(const struct fm *fm, const char *key, char **out,
    struct diag_list *dl)
{
	yaml_node_t *k, *v;

	if (!lookup(fm, key, &k, &v) || is_null(v))
		return FM_ABSENT;
	if (v->type != YAML_SCALAR_NODE) {
		wrong(fm, v, key, "a single value", dl);
		return FM_WRONG;
	}
	free(*out);
	*out = scalar_dup(fm, v, key, dl);
	return FM_OK;
}

enum fm_status
fm_get_bool(const struct fm *fm, const char *key, bool *out,
    struct diag_list *dl)
{
	static const char *const yes[] = { "true", "yes", "on" };
	static const char *const no[] = { "false", "no", "off" };
	yaml_node_t *k, *v;
	const char *s;
	size_t i;

	if (!lookup(fm, key, &k, &v) || is_null(v))
		return FM_ABSENT;
	if (v->type == YAML_SCALAR_NODE) {
		s = (const char *)v->data.scalar.value;
		for (i = 0; i < NITEMS(yes); i++) {
			if (strcasecmp(s, yes[i]) == 0) {
				*out = true;
				return FM_OK;
			}
			if (strcasecmp(s, no[i]) == 0) {
				*out = false;
				return FM_OK;
			}
		}
	}
	diag_add(dl, DIAG_ERROR, fm->file, mark_line(fm, v->start_mark),
	    (int)v->start_mark.column + 1,
	    "front matter: '%s' must be true or false", key);
	return FM_WRONG;
}

/* Append the scalars of a sequence; false at the first non-scalar. */
static bool
seq_scalars(const struct fm *fm, const yaml_node_t *v, const char *key,
    struct strlist *out, yaml_node_t **bad, struct diag_list *dl)
{
	yaml_node_item_t *it;
	yaml_node_t *n;

	for (it = v->data.sequence.items.start;
	    it < v->data.sequence.items.top; it++) {
		n = node_at(fm, *it);
		if (n == NULL || n->type != YAML_SCALAR_NODE) {
			*bad = n;
			return false;
		}
		ARRAY_RESERVE(out->v, out->cap, out->n + 1);
		out->v[out->n++] = scalar_dup(fm, n, key, dl);
	}
	return true;
}

enum fm_status
fm_get_strlist(const struct fm *fm, const char *key, struct strlist *out,
    struct diag_list *dl)
{
	yaml_node_t *k, *v, *bad = NULL;

	if (!lookup(fm, key, &k, &v) || is_null(v))
		return FM_ABSENT;
	if (v->type != YAML_SEQUENCE_NODE) {
		wrong(fm, v, key, "a list", dl);
		return FM_WRONG;
	}
	if (!seq_scalars(fm, v, key, out, &bad, dl)) {
		if (bad == NULL)
			bad = v;
		diag_add(dl, DIAG_ERROR, fm->file,
		    mark_line(fm, bad->start_mark),
		    (int)bad->start_mark.column + 1,
		    "front matter: '%s' must be a list of single values", key);
		return FM_WRONG;
	}
	return FM_OK;
}

enum fm_status
fm_get_map(const struct fm *fm, const char *key, struct fm **out,
    struct diag_list *dl)
{
	yaml_node_t *k, *v;
	struct fm *sub;

	if (!lookup(fm, key, &k, &v) || is_null(v))
		return FM_ABSENT;
	if (v->type != YAML_MAPPING_NODE) {
		wrong(fm, v, key, "a mapping", dl);
		return FM_WRONG;
	}
	sub = xcalloc(1, sizeof *sub);
	sub->doc = fm->doc;
	sub->owner = false;
	sub->node = (int)(v - fm->doc->nodes.start) + 1;
	sub->file = xstrdup(fm->file);
	sub->line = fm->line;
	*out = sub;
	return FM_OK;
}

/*
 * The words of one pair's value: a scalar, or a list of scalars joined
 * with ", "; NULL (said) when the value is of another type.
 */
static char *
pair_words(const struct fm *fm, yaml_node_t *pv, const char *key,
    struct diag_list *dl)
{
	struct strlist words = { NULL, 0, 0 };
	yaml_node_t *bad = NULL;
	struct buf b;
	size_t i;

	if (pv != NULL && pv->type == YAML_MAPPING_NODE) {
		wrong(fm, pv, key, "a mapping of ids to words", dl);
		return NULL;
	}
	if (pv != NULL && pv->type == YAML_SEQUENCE_NODE &&
	    !seq_scalars(fm, pv, key, &words, &bad, dl)) {
		wrong(fm, bad != NULL ? bad : pv, key,
		    "a mapping of ids to words", dl);
		strlist_free(&words);
		return NULL;
	}
	if (pv != NULL && pv->type == YAML_SCALAR_NODE)
		return is_null(pv) ? xstrdup("") : scalar_dup(fm, pv, key, dl);
	buf_init(&b);
	buf_add(&b, "", 0);
	for (i = 0; i < words.n; i++) {
		if (i > 0)
			buf_adds(&b, ", ");
		buf_adds(&b, words.v[i]);
	}
	strlist_free(&words);
	return buf_release(&b);
}

/*
 * Which pairs of a mapping a later pair with the same key replaces (the
 * last one counts, as in lookup), by pair order; owned by the caller.
 */
static bool *
superseded_pairs(const struct fm *fm, const yaml_node_t *map)
{
	size_t npairs = (size_t)(map->data.mapping.pairs.top -
	    map->data.mapping.pairs.start), cap = 0, nk, i;
	struct keyref *v = NULL;
	bool *gone = xcalloc(npairs + 1, sizeof *gone);

	nk = sorted_keys(fm, map, &v, &cap);
	for (i = 0; i + 1 < nk; i++)
		if (same_key(v[i].key, v[i + 1].key))
			gone[v[i].order] = true;
	free(v);
	return gone;
}

enum fm_status
fm_get_pairs(const struct fm *fm, const char *key, struct fm_pair **out,
    size_t *np, struct diag_list *dl)
{
	yaml_node_t *k, *v, *pk;
	yaml_node_pair_t *p;
	struct fm_pair *pairs = NULL;
	size_t n = 0, cap = 0;
	bool *gone;
	char *words;

	*out = NULL;
	*np = 0;
	if (!lookup(fm, key, &k, &v) || is_null(v))
		return FM_ABSENT;
	if (v->type != YAML_MAPPING_NODE) {
		wrong(fm, v, key, "a mapping of ids to words", dl);
		return FM_WRONG;
	}
	gone = superseded_pairs(fm, v);
	for (p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
	    p++) {
		if (gone[p - v->data.mapping.pairs.start])
			continue;
		pk = node_at(fm, p->key);
		if (pk == NULL || pk->type != YAML_SCALAR_NODE) {
			if (pk != NULL)
				wrong(fm, pk, key, "a mapping of ids to words",
				    dl);
			continue;
		}
		if ((words = pair_words(fm, node_at(fm, p->value), key,
		    dl)) == NULL)
			continue;
		ARRAY_RESERVE(pairs, cap, n + 1);
		pairs[n].key = scalar_dup(fm, pk, key, dl);
		pairs[n].value = words;
		pairs[n].line = mark_line(fm, pk->start_mark);
		pairs[n].col = (int)pk->start_mark.column + 1;
		n++;
	}
	free(gone);
	*out = pairs;
	*np = n;
	return FM_OK;
}

void
fm_pairs_free(struct fm_pair *p, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		free(p[i].key);
		free(p[i].value);
	}
	free(p);
}

void
fm_key_pos(const struct fm *fm, const char *key, int *line, int *col)
{
	yaml_node_t *k, *v;

	*line = *col = 0;
	if (lookup(fm, key, &k, &v)) {
		*line = mark_line(fm, k->start_mark);
		*col = (int)k->start_mark.column + 1;
	}
}

void
fm_item_pos(const struct fm *fm, const char *key, size_t i, int *line,
    int *col)
{
	yaml_node_t *k, *v, *item;

	*line = *col = 0;
	if (!lookup(fm, key, &k, &v) ||
	    v->type != YAML_SEQUENCE_NODE ||
	    i >= (size_t)(v->data.sequence.items.top -
	    v->data.sequence.items.start) ||
	    (item = node_at(fm, v->data.sequence.items.start[i])) == NULL)
		return;
	*line = mark_line(fm, item->start_mark);
	*col = (int)item->start_mark.column + 1;
}
