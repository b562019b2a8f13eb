/*
 * lcache: an array indexed by slot, each entry a page and two layouts.
 */
#include "lcache.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

struct entry {
	struct page	*page;
	struct layout	*lay[2];	/* lay[0] the newest */
	unsigned long	 used;		/* c->tick when last asked for */
};

/* A slot in use, and when it was last asked for. */
struct stamp {
	unsigned long	 used;
	size_t		 slot;
};

struct lcache {
	const struct briefing	*b;
	const struct xref	*x;
	struct entry		*v;
	size_t			 n;
	size_t			 typeset_count;
	enum link_mode		 links;
	unsigned long		 tick;
	size_t			 npages;	/* entries with a page: the
						 * live ones (a layout has one) */
	struct stamp		*live;		/* scratch of lcache_trim */
};

struct lcache *
lcache_new(const struct briefing *b, const struct xref *x)
{
	struct lcache *c = xcalloc(1, sizeof *c);

	c->b = b;
	c->x = x;
	c->n = briefing_nslots(b);
	c->v = xcalloc(c->n + 1, sizeof *c->v);
	return c;
}

/* Every page and layout gone; the slots stay. */
static void
lcache_drop(struct lcache *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		page_free(c->v[i].page);
		layout_free(c->v[i].lay[0]);
		layout_free(c->v[i].lay[1]);
		memset(&c->v[i], 0, sizeof c->v[i]);
	}
	c->npages = 0;
}

void
lcache_free(struct lcache *c)
{
	if (c == NULL)
		return;
	lcache_drop(c);
	free(c->v);
	free(c->live);
	free(c);
}

void
lcache_set_links(struct lcache *c, enum link_mode links)
{
	if (c->links == links)
		return;
	lcache_drop(c);
	c->links = links;
}

void
lcache_reindex(struct lcache *c, const struct xref *x)
{
	lcache_drop(c);
	c->x = x;
	c->n = briefing_nslots(c->b);
	c->v = xreallocarray(c->v, c->n + 1, sizeof *c->v);
	memset(c->v, 0, (c->n + 1) * sizeof *c->v);
}

enum link_mode
lcache_links(const struct lcache *c)
{
	return c->links;
}

size_t
lcache_slots(const struct lcache *c)
{
	return c->n;
}

const struct briefing *
lcache_briefing(const struct lcache *c)
{
	return c->b;
}

const struct xref *
lcache_xref(const struct lcache *c)
{
	return c->x;
}

const struct page *
lcache_page(struct lcache *c, size_t slot)
{
	struct compose_opts opts = { .mark_refs = false, .links = c->links };
	struct entry *e;

	if (slot >= c->n)
		return NULL;
	e = &c->v[slot];
	e->used = ++c->tick;
	if (e->page == NULL) {
		e->page = compose_page(c->b, c->x, briefing_slot_unit(c->b, slot),
		    &opts);
		c->npages += e->page != NULL;
	}
	return e->page;
}

bool
lcache_has_page(const struct lcache *c, size_t slot)
{
	return slot < c->n && c->v[slot].page != NULL;
}

void
lcache_release(struct lcache *c, size_t slot)
{
	struct entry *e;

	if (slot >= c->n)
		return;
	e = &c->v[slot];
	if (e->page != NULL && e->lay[0] == NULL && e->lay[1] == NULL) {
		page_free(e->page);
		e->page = NULL;
		c->npages--;
	}
}

const struct layout *
lcache_peek(const struct lcache *c, size_t slot, int width)
{
	const struct entry *e;
	int i;

	if (slot >= c->n)
		return NULL;
	e = &c->v[slot];
	for (i = 0; i < 2; i++)
		if (e->lay[i] != NULL && e->lay[i]->width == width)
			return e->lay[i];
	return NULL;
}

const struct layout *
lcache_layout(struct lcache *c, size_t slot, int width)
{
	struct typeset_opts opts;
	struct layout *tmp;
	struct entry *e;

	if (slot >= c->n)
		return NULL;
	if (width < 1)
		width = 1;
	e = &c->v[slot];
	e->used = ++c->tick;
	if (e->lay[0] != NULL && e->lay[0]->width == width)
		return e->lay[0];
	if (e->lay[1] != NULL && e->lay[1]->width == width) {
		tmp = e->lay[0];
		e->lay[0] = e->lay[1];
		e->lay[1] = tmp;
		return e->lay[0];
	}
	opts.width = width;
	layout_free(e->lay[1]);
	e->lay[1] = e->lay[0];
	e->lay[0] = typeset(lcache_page(c, slot), &opts);
	c->typeset_count++;
	return e->lay[0];
}

size_t
lcache_typeset_count(const struct lcache *c)
{
	return c->typeset_count;
}

/* Newest first. */
static int
used_cmp(const void *a, const void *b)
{
	unsigned long ua = ((const struct stamp *)a)->used,
	    ub = ((const struct stamp *)b)->used;

	return ua > ub ? -1 : ua < ub;
}

size_t
lcache_trim(struct lcache *c, size_t keep)
{
	size_t i, n = 0;
	struct entry *e;

	/* Before each key: a count, not a walk over every slot. */
	if (c->npages <= keep)
		return c->npages;
	c->live = xreallocarray(c->live, c->npages, sizeof *c->live);
	for (i = 0; i < c->n; i++)
		if (c->v[i].page != NULL) {
			c->live[n].used = c->v[i].used;
			c->live[n++].slot = i;
		}
	qsort(c->live, n, sizeof *c->live, used_cmp);
	for (i = keep; i < n; i++) {
		e = &c->v[c->live[i].slot];
		page_free(e->page);
		layout_free(e->lay[0]);
		layout_free(e->lay[1]);
		e->page = NULL;
		e->lay[0] = e->lay[1] = NULL;
	}
	c->npages = keep;
	return keep;
}
