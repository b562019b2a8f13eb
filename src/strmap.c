#include "strmap.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

/* FNV-1a. */
static size_t
strmap_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* The slot holding key, or the free slot where it would go. */
static struct strmap_entry *
strmap_slot(const struct strmap *m, const char *key)
{
	size_t i;

	for (i = strmap_hash(key) & (m->cap - 1); m->v[i].key != NULL &&
	    strcmp(m->v[i].key, key) != 0; i = (i + 1) & (m->cap - 1))
		util_work++;
	return &m->v[i];
}

size_t *
strmap_find(const struct strmap *m, const char *key)
{
	struct strmap_entry *e;

	if (m->cap == 0)
		return NULL;
	e = strmap_slot(m, key);
	return e->key != NULL ? &e->value : NULL;
}

/* Kept at most half full, so probes stay short. */
static void
strmap_grow(struct strmap *m)
{
	struct strmap_entry *old = m->v;
	size_t oldcap = m->cap, i;

	m->cap = oldcap == 0 ? 16 : 2 * oldcap;
	m->v = xcalloc(m->cap, sizeof *m->v);
	for (i = 0; i < oldcap; i++)
		if (old[i].key != NULL)
			*strmap_slot(m, old[i].key) = old[i];
	free(old);
}

void
strmap_put(struct strmap *m, const char *key, size_t value)
{
	struct strmap_entry *e;

	if (2 * (m->n + 1) > m->cap)
		strmap_grow(m);
	e = strmap_slot(m, key);
	if (e->key == NULL) {
		e->key = xstrdup(key);
		m->n++;
	}
	e->value = value;
}

void
strmap_free(struct strmap *m)
{
	size_t i;

	if (m == NULL)
		return;
	for (i = 0; i < m->cap; i++)
		free(m->v[i].key);
	free(m->v);
	m->v = NULL;
	m->cap = m->n = 0;
}
