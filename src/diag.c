#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "util.h"

/* Indexed by enum diag_level. */
static const char *const level_names[] = {
	"warning",	/* DIAG_WARNING */
	"error",	/* DIAG_ERROR */
	"error",	/* DIAG_FATAL: nothing loaded; said as an error */
};

void
diag_list_init(struct diag_list *l)
{
	l->v = NULL;
	l->n = l->cap = 0;
}

void
diag_list_free(struct diag_list *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++) {
		free(l->v[i].file);
		free(l->v[i].msg);
	}
	free(l->v);
	diag_list_init(l);
}

void
diag_add(struct diag_list *l, enum diag_level level, const char *file,
    int line, int col, const char *fmt, ...)
{
	va_list ap;
	struct diag *d;

	ARRAY_RESERVE(l->v, l->cap, l->n + 1);
	d = &l->v[l->n++];
	d->level = level;
	d->file = file != NULL ? xstrdup(file) : NULL;
	d->line = line;
	d->col = col;
	va_start(ap, fmt);
	d->msg = xvasprintf(fmt, ap);
	va_end(ap);
}

size_t
diag_count(const struct diag_list *l, enum diag_level level)
{
	size_t i, n = 0;

	for (i = 0; i < l->n; i++)
		if (l->v[i].level >= level)
			n++;
	return n;
}

const char *
diag_level_name(enum diag_level level)
{
	if ((size_t)level >= NITEMS(level_names))
		return "error";
	return level_names[level];
}

static int
diag_cmp(const struct diag *a, const struct diag *b)
{
	int c;

	c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
	if (c != 0)
		return c;
	if (a->line != b->line)
		return a->line < b->line ? -1 : 1;
	if (a->col != b->col)
		return a->col < b->col ? -1 : 1;
	return 0;
}

void
diag_sort(struct diag_list *l)
{
	size_t i, j;
	struct diag tmp;

	/* Insertion sort: stable, and lists are short. */
	for (i = 1; i < l->n; i++) {
		tmp = l->v[i];
		for (j = i; j > 0 && diag_cmp(&l->v[j - 1], &tmp) > 0; j--)
			l->v[j] = l->v[j - 1];
		l->v[j] = tmp;
	}
}

char *
diag_format(const struct diag *d)
{
	struct buf b;

	buf_init(&b);
	if (d->file != NULL) {
		buf_adds(&b, d->file);
		if (d->line > 0) {
			buf_printf(&b, ":%d", d->line);
			if (d->col > 0)
				buf_printf(&b, ":%d", d->col);
		}
		buf_adds(&b, ": ");
	}
	buf_printf(&b, "%s: %s", diag_level_name(d->level), d->msg);
	return buf_release(&b);
}

void
diag_print(FILE *fp, const char *prog, const struct diag_list *l)
{
	size_t i;
	char *s;

	for (i = 0; i < l->n; i++) {
		s = diag_format(&l->v[i]);
		if (prog != NULL)
			fprintf(fp, "%s: %s\n", prog, s);
		else
			fprintf(fp, "%s\n", s);
		free(s);
	}
}
