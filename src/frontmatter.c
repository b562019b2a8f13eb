#include "frontmatter.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <yaml.h>

#include "util.h"

struct fm {
	yaml_document_t	*doc;		/* shared by nested maps */
	bool		 owner;		/* frees doc */
	int		 node;		/* the mapping node */
	char		*file;
	int		 line;		/* file line of YAML line 0 */
};

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
	if (j < len && text[j] == '\r')
		j++;
	if (j == len)
		return j - i;
	if (text[j] != '\n')
		return 0;
	return j + 1 - i;
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
		while (i < len && text[i] != '\n')
			i++;
		if (i < len)
			i++;
	}
	sp->yaml_len = len - sp->yaml_start;
	sp->end = len;
}

static int
mark_line(const struct fm *fm, yaml_mark_t m)
{
	return fm->line + (int)m.line;
}

/*
 * Front matter needs three levels (a mapping of mappings of lists); more
 * than this is hostile. libyaml's scanner spends time in the flow depth
 * on every token, so 100,000 nested "[" take minutes to load: walk the
 * events first and stop at the first one too deep.
 */
#define FM_MAX_DEPTH 32

static bool
too_deep(const char *yaml, size_t len, yaml_mark_t *where)
{
	yaml_parser_t parser;
	yaml_event_t ev;
	int depth = 0;
	bool deep = false, done = false;

	if (!yaml_parser_initialize(&parser))
		util_fatal("cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	while (!done && !deep) {
		/* A syntax error is left for yaml_parser_load to report. */
		if (!yaml_parser_parse(&parser, &ev))
			break;
		switch (ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			if (++depth > FM_MAX_DEPTH) {
				deep = true;
				*where = ev.start_mark;
			}
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		case YAML_STREAM_END_EVENT:
			done = true;
			break;
		default:
			break;
		}
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&parser);
	return deep;
}

struct fm *
fm_parse(const char *yaml, size_t len, const char *file, int line,
    struct diag_list *dl)
{
	yaml_parser_t parser;
	yaml_document_t *doc;
	yaml_node_t *root;
	yaml_mark_t deep;
	struct fm *fm;

	if (too_deep(yaml, len, &deep)) {
		diag_add(dl, DIAG_ERROR, file, line + (int)deep.line,
		    (int)deep.column + 1, "front matter: nested deeper than %d "
		    "levels", FM_MAX_DEPTH);
		return NULL;
	}
	doc = xcalloc(1, sizeof *doc);
	if (!yaml_parser_initialize(&parser))
		util_fatal("cannot initialise the YAML parser");
	yaml_parser_set_input_string(&parser, (const unsigned char *)yaml, len);
	if (!yaml_parser_load(&parser, doc)) {
		diag_add(dl, DIAG_ERROR, file, line + (int)parser.problem_mark.line,
		    (int)parser.problem_mark.column + 1,
		    "front matter: %s%s%s",
		    parser.problem ? parser.problem : "invalid YAML",
		    parser.context ? " " : "",
		    parser.context ? parser.context : "");
		yaml_parser_delete(&parser);
		free(doc);
		return NULL;
	}
	yaml_parser_delete(&parser);

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

	if (fm->node == 0 || (map = node_at(fm, fm->node)) == NULL)
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

static char *
scalar_dup(const yaml_node_t *v)
{
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
	*out = scalar_dup(v);
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
seq_scalars(const struct fm *fm, const yaml_node_t *v, struct strlist *out,
    yaml_node_t **bad)
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
		out->v[out->n++] = scalar_dup(n);
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
	if (!seq_scalars(fm, v, out, &bad)) {
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

enum fm_status
fm_get_pairs(const struct fm *fm, const char *key, struct fm_pair **out,
    size_t *np, struct diag_list *dl)
{
	yaml_node_t *k, *v, *pk, *pv, *bad;
	yaml_node_pair_t *p;
	struct fm_pair *pairs = NULL;
	size_t n = 0, cap = 0, i;
	struct strlist words = { NULL, 0, 0 };
	struct buf b;

	*out = NULL;
	*np = 0;
	if (!lookup(fm, key, &k, &v) || is_null(v))
		return FM_ABSENT;
	if (v->type != YAML_MAPPING_NODE) {
		wrong(fm, v, key, "a mapping of ids to words", dl);
		return FM_WRONG;
	}
	for (p = v->data.mapping.pairs.start; p < v->data.mapping.pairs.top;
	    p++) {
		pk = node_at(fm, p->key);
		pv = node_at(fm, p->value);
		if (pk == NULL || pk->type != YAML_SCALAR_NODE) {
			if (pk != NULL)
				wrong(fm, pk, key, "a mapping of ids to words",
				    dl);
			continue;
		}
		buf_init(&b);
		buf_add(&b, "", 0);
		if (pv != NULL && pv->type == YAML_SEQUENCE_NODE) {
			bad = NULL;
			if (!seq_scalars(fm, pv, &words, &bad)) {
				wrong(fm, bad != NULL ? bad : pv, key,
				    "a mapping of ids to words", dl);
				strlist_free(&words);
				buf_free(&b);
				continue;
			}
			for (i = 0; i < words.n; i++) {
				if (i > 0)
					buf_adds(&b, ", ");
				buf_adds(&b, words.v[i]);
			}
			strlist_free(&words);
		} else if (pv != NULL && pv->type == YAML_MAPPING_NODE) {
			wrong(fm, pv, key, "a mapping of ids to words", dl);
			buf_free(&b);
			continue;
		} else if (!is_null(pv)) {
			buf_add(&b, (const char *)pv->data.scalar.value,
			    pv->data.scalar.length);
		}
		ARRAY_RESERVE(pairs, cap, n + 1);
		pairs[n].key = scalar_dup(pk);
		pairs[n].value = buf_release(&b);
		pairs[n].line = mark_line(fm, pk->start_mark);
		pairs[n].col = (int)pk->start_mark.column + 1;
		n++;
	}
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
