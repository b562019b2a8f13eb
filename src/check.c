#include "check.h"

#include <stdlib.h>
#include <string.h>

#include "fold.h"
#include "util.h"

/*
 * A name or alias, and whose it is, for finding forms used twice: twice
 * as search and the index filter see them, folded (case, accents,
 * compatibility forms set aside).
 */
struct form {
	const char	*text;
	char		*key;		/* text, folded */
	const char	*file;
	int		 line;		/* of the name: or aliases: key */
	const char	*owner;		/* "expert 'x'" or "actor 'y'" */
	char		*owner_buf;
};

static int
cmp_form(const void *a, const void *b)
{
	const struct form *fa = a, *fb = b;
	int c = strcmp(fa->key, fb->key);

	return c != 0 ? c : strcmp(fa->file, fb->file);
}

static void
add_forms(struct form **v, size_t *n, size_t *cap, const char *file,
    const char *kind, const char *id, const char *name, int name_line,
    const struct strlist *aliases, int aliases_line)
{
	size_t i;
	char *owner = xasprintf("%s '%s'", kind, id);

	ARRAY_RESERVE(*v, *cap, *n + aliases->n + 1);
	(*v)[*n] = (struct form){ name, fold(name, strlen(name), NULL), file,
	    name_line, owner, owner };
	(*n)++;
	for (i = 0; i < aliases->n; i++) {
		(*v)[*n] = (struct form){ aliases->v[i], fold(aliases->v[i],
		    strlen(aliases->v[i]), NULL), file, aliases_line, owner,
		    NULL };
		(*n)++;
	}
}

/*
 * v[k], folded, is the same as the forms v[first..k) before it: said
 * once, against another entity's form, written alike if one is.
 */
static void
shared_form(const struct form *v, size_t first, size_t k,
    struct diag_list *dl)
{
	const struct form *f = &v[k], *other = NULL;
	size_t m;

	for (m = first; m < k; m++) {
		if (strcmp(v[m].owner, f->owner) == 0)
			continue;
		if (other == NULL || strcmp(v[m].text, f->text) == 0)
			other = &v[m];
		if (strcmp(other->text, f->text) == 0)
			break;
	}
	if (other == NULL)
		return;
	if (strcmp(other->text, f->text) == 0)
		diag_add(dl, DIAG_WARNING, f->file, f->line > 0 ? f->line : 1, 1,
		    "'%s' names both %s and %s", f->text, other->owner,
		    f->owner);
	else
		diag_add(dl, DIAG_WARNING, f->file, f->line > 0 ? f->line : 1, 1,
		    "'%s' of %s and '%s' of %s are one name to search and "
		    "the index (case and accents aside)", f->text, f->owner,
		    other->text, other->owner);
}

/* The same name or alias on two entities makes mentions ambiguous. */
static void
check_shared_forms(const struct briefing *b, struct diag_list *dl)
{
	struct form *v = NULL;
	size_t n = 0, cap = 0, i, j;

	for (i = 0; i < b->nexperts; i++)
		add_forms(&v, &n, &cap, b->experts[i].body.file, "expert",
		    b->experts[i].id, b->experts[i].name,
		    b->experts[i].name_line, &b->experts[i].aliases,
		    b->experts[i].aliases_line);
	for (i = 0; i < b->nactors; i++)
		add_forms(&v, &n, &cap, b->actors[i].body.file, "actor",
		    b->actors[i].id, b->actors[i].name, b->actors[i].name_line,
		    &b->actors[i].aliases, b->actors[i].aliases_line);
	if (n > 1)	/* v is NULL when there is nothing to sort */
		qsort(v, n, sizeof *v, cmp_form);
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && strcmp(v[i].key, v[j].key) == 0; j++)
			shared_form(v, i, j, dl);
	}
	for (i = 0; i < n; i++) {
		free(v[i].key);
		free(v[i].owner_buf);
	}
	free(v);
}

static void
check_experts(const struct briefing *b, const struct xref *x,
    struct diag_list *dl)
{
	size_t i;

	for (i = 0; i < b->nexperts; i++)
		if (x->experts[i].quotes.n == 0)
			diag_add(dl, DIAG_WARNING, b->experts[i].body.file, 1, 1,
			    "expert '%s' is never quoted (no blockquote holds "
			    "an expert:%s link)", b->experts[i].id,
			    b->experts[i].id);
}

static void
check_actors(const struct briefing *b, const struct xref *x,
    struct diag_list *dl)
{
	size_t i;

	for (i = 0; i < b->nactors; i++)
		if (x->actors[i].mentions.n == 0)
			diag_add(dl, DIAG_WARNING, b->actors[i].body.file, 1, 1,
			    "actor '%s' is never mentioned", b->actors[i].id);
}

/* A section with no blocks and no subsections under it. */
static void
check_sections(const struct briefing *b, struct diag_list *dl)
{
	const struct section *s;
	size_t i;

	for (i = 0; i < b->nsections; i++) {
		s = &b->sections[i];
		if (cmark_node_first_child(s->body.doc) != NULL)
			continue;
		if (s->level == 2 && i + 1 < b->nsections &&
		    b->sections[i + 1].level == 3)
			continue;
		diag_add(dl, DIAG_WARNING, s->body.file, s->line, 1,
		    "section '%s' is empty", s->id);
	}
}

/* An actor related to itself says nothing. */
static void
check_related(const struct briefing *b, struct diag_list *dl)
{
	const struct actor *a;
	size_t i, j;

	for (i = 0; i < b->nactors; i++) {
		a = &b->actors[i];
		for (j = 0; j < a->nrelated; j++)
			if (strcmp(a->related[j].target, a->id) == 0)
				diag_add(dl, DIAG_WARNING, a->body.file,
				    a->related[j].line, a->related[j].col,
				    "actor '%s' is related to itself", a->id);
	}
}

/* Mentions past xref's caps are not linked: said once, where they start. */
static void
check_dropped(const struct briefing *b, const struct xref *x,
    struct diag_list *dl)
{
	const struct body *body;

	if (x->dropped == 0)
		return;
	body = briefing_unit_body(b, x->dropped_unit);
	diag_add(dl, DIAG_WARNING, body != NULL ? body->file : b->path,
	    x->dropped_line, 0, "%zu mentions of actors and experts beyond "
	    "the cap were not linked (at most %d in one paragraph, %d in "
	    "all)", x->dropped, XREF_MAX_BLOCK_MENTIONS, XREF_MAX_MENTIONS);
}

void
check_briefing(const struct briefing *b, const struct xref *x,
    struct diag_list *dl)
{
	check_shared_forms(b, dl);
	check_related(b, dl);
	check_dropped(b, x, dl);
	check_experts(b, x, dl);
	check_actors(b, x, dl);
	check_sections(b, dl);
}
