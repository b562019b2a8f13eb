#include "outline.h"

#include <stdlib.h>
#include <string.h>

#include "strmap.h"
#include "util.h"

static void
body_init(struct body *body, const char *path, bool autolink)
{
	body->doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	body->file = xstrdup(path);
	body->autolink = autolink;
}

/*
 * The section ids given so far, hashed (strmap.h): a briefing may hold
 * thousands of headings with the same text, and each must find its free
 * "-k" without scanning every earlier section. Each id maps to the next k
 * to try when it comes again as a base.
 */
/* A slug not yet used by an earlier section: GitHub appends -1, -2, ... */
static char *
unique_slug(struct strmap *used, const char *title, const char *path,
    int line, struct diag_list *dl)
{
	size_t *next, k;
	char *base = model_slug(title), *s;

	if (*base == '\0') {
		free(base);
		base = xstrdup("section");
	}
	if ((next = strmap_find(used, base)) == NULL) {
		strmap_put(used, base, 1);
		return base;
	}
	/* Ids only ever get added: the k tried before are still taken. */
	for (k = *next;; k++) {
		util_work++;
		s = xasprintf("%s-%zu", base, k);
		if (strmap_find(used, s) == NULL)
			break;
		free(s);
	}
	/* Before the put, which may move the entries. */
	*next = k + 1;
	strmap_put(used, s, 1);
	diag_add(dl, DIAG_WARNING, path, line, 1,
	    "duplicate section id '%s': this one is '%s'", base, s);
	free(base);
	return s;
}

static struct section *
add_section(struct briefing *b, size_t *cap, struct strmap *used,
    const char *title, int level, int line, const char *path, bool autolink,
    struct diag_list *dl)
{
	struct section *s;
	size_t i;

	ARRAY_RESERVE(b->sections, *cap, b->nsections + 1);
	s = &b->sections[b->nsections];
	memset(s, 0, sizeof *s);
	if (level == 1) {
		s->id = xstrdup("overview");
		if (strmap_find(used, s->id) == NULL)
			strmap_put(used, s->id, 1);
	} else
		s->id = unique_slug(used, title, path, line, dl);
	s->title = xstrdup(title);
	s->level = level;
	s->line = line;
	s->parent = MODEL_NONE;
	/* The section before is the parent, or a sibling that knows it. */
	if (level == 3 && (i = b->nsections) > 0)
		s->parent = b->sections[i - 1].level == 2 ? i - 1 :
		    b->sections[i - 1].parent;
	body_init(&s->body, path, autolink);
	b->nsections++;
	return s;
}

/*
 * The heading level that starts sections. A briefing.md uses ##. A plain
 * Markdown file uses its shallowest heading level, once a lone leading #
 * title is set aside, so notes written with # sections work too.
 */
static int
section_level(cmark_node *doc, bool plain, cmark_node *title)
{
	cmark_node *n;
	int lvl, min = 7;

	if (!plain)
		return 2;
	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (n == title || cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		lvl = cmark_node_get_heading_level(n);
		if (lvl < min)
			min = lvl;
	}
	return min == 7 ? 2 : min;
}

/* A leading level-1 heading that is the only one: the document's title. */
static cmark_node *
title_heading(cmark_node *doc)
{
	cmark_node *first = cmark_node_first_child(doc), *n;

	if (first == NULL || cmark_node_get_type(first) != CMARK_NODE_HEADING ||
	    cmark_node_get_heading_level(first) != 1)
		return NULL;
	for (n = cmark_node_next(first); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) == 1)
			return NULL;
	return first;
}

void
outline_split(struct briefing *b, struct mdfile *m, bool plain,
    struct diag_list *dl)
{
	cmark_node *title, *n, *next;
	struct section *cur = NULL;
	struct strmap used = STRMAP_INIT;
	size_t cap = 0;
	int slevel, lvl;
	char *text;

	title = title_heading(m->doc);
	slevel = section_level(m->doc, plain, title);
	if (title != NULL) {
		text = mdfile_inline_text(title);
		if (b->title == NULL)
			b->title = text;
		else
			free(text);
		model_doc_free(title);	/* unlinks it */
	}
	for (n = cmark_node_first_child(m->doc); n != NULL; n = next) {
		next = cmark_node_next(n);
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    (lvl = cmark_node_get_heading_level(n)) <= slevel + 1) {
			text = mdfile_inline_text(n);
			cur = add_section(b, &cap, &used, text,
			    lvl <= slevel ? 2 : 3, cmark_node_get_start_line(n),
			    m->path, m->autolink, dl);
			free(text);
			model_doc_free(n);
			continue;
		}
		if (cur == NULL)
			cur = add_section(b, &cap, &used, "Overview", 1,
			    cmark_node_get_start_line(n), m->path,
			    m->autolink, dl);
		cmark_node_unlink(n);
		cmark_node_append_child(cur->body.doc, n);
	}
	strmap_free(&used);
}

struct secsort {
	const char	*id;
	size_t		 index;
};

static int
cmp_secsort(const void *a, const void *b)
{
	return strcmp(((const struct secsort *)a)->id,
	    ((const struct secsort *)b)->id);
}

void
outline_order(struct briefing *b)
{
	struct secsort *v;
	size_t i;

	if (b->nsections == 0)
		return;
	v = xreallocarray(NULL, b->nsections, sizeof *v);
	for (i = 0; i < b->nsections; i++) {
		v[i].id = b->sections[i].id;
		v[i].index = i;
	}
	qsort(v, b->nsections, sizeof *v, cmp_secsort);
	b->section_order = xreallocarray(NULL, b->nsections,
	    sizeof *b->section_order);
	for (i = 0; i < b->nsections; i++)
		b->section_order[i] = v[i].index;
	free(v);
}

/* Experts and actors that share an id are a mistake in one namespace. */
