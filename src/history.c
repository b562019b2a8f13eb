/*
 * history: two stacks of places, and a document's place saved and
 * restored.
 */
#include "history.h"

#include <stdlib.h>
#include <string.h>

#include "util.h"

void
history_push(struct place_stack *s, const struct place *p)
{
	ARRAY_RESERVE(s->v, s->cap, s->n + 1);
	s->v[s->n++] = *p;
}

bool
history_pop(struct place_stack *s, struct place *p)
{
	if (s->n == 0)
		return false;
	*p = s->v[--s->n];
	return true;
}

void
history_clear(struct place_stack *s)
{
	s->n = 0;
}

void
history_free(struct place_stack *s)
{
	free(s->v);
	memset(s, 0, sizeof *s);
}

void
docplace_save(struct doc *d, struct docplace *p)
{
	const struct line *l;

	memset(p, 0, sizeof *p);
	p->top = d->top;
	p->sel = d->sel;
	p->width = d->width;
	if (d->width > 0 && (l = doc_text_line(d, d->top)) != NULL)
		p->block = l->block;
}

void
docplace_restore(struct doc *d, const struct docplace *p)
{
	if (d->width == p->width) {
		d->top = p->top;
		d->sel = p->sel;
		return;
	}
	d->sel.on = false;
	if (p->top.part < d->nparts)
		d->top = doc_find_block(d, p->top.part, p->block);
}
