#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "textsafe.h"
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
	struct diag *tmp;
	size_t w, i, lo, mid, hi, a, b, k;

	/* Bottom-up merge sort: stable, and --check may say 100,000 things. */
	if (l->n < 2)
		return;
	tmp = xreallocarray(NULL, l->n, sizeof *tmp);
	for (w = 1; w < l->n; w *= 2) {
		for (lo = 0; lo < l->n - w; lo += 2 * w) {
			mid = lo + w;
			hi = mid + w < l->n ? mid + w : l->n;
			for (a = lo, b = mid, k = lo; k < hi; k++) {
				if (a < mid && (b >= hi ||
				    diag_cmp(&l->v[a], &l->v[b]) <= 0))
					tmp[k] = l->v[a++];
				else
					tmp[k] = l->v[b++];
			}
			for (i = lo; i < hi; i++)
				l->v[i] = tmp[i];
		}
	}
	free(tmp);
}

int
diag_quote_len(const char *s, size_t len)
{
	size_t n = len;

	if (n > DIAG_QUOTE_MAX)
		for (n = DIAG_QUOTE_MAX; n > 0 &&
		    ((unsigned char)s[n] & 0xC0) == 0x80; n--)
			;
	return (int)n;
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
	char *s, *safe;

	for (i = 0; i < l->n; i++) {
		s = diag_format(&l->v[i]);
		/* Messages quote content (ids, aliases, keys, file names). */
		safe = textsafe_string(s, strlen(s), true, NULL);
		if (prog != NULL)
			fprintf(fp, "%s: %s\n", prog, safe);
		else
			fprintf(fp, "%s\n", safe);
		free(safe);
		free(s);
	}
}
