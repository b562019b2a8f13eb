#include "statusline.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "typeset.h"
#include "utf8.h"
#include "util.h"

int
text_columns(const char *text)
{
	struct layout *lay = typeset_line(text, 0, 10000);
	int w = lay->lines[0].width;

	layout_free(lay);
	return w;
}

/* The left of the status line: the section (and subsection), or the pane. */
static char *
place_text(const struct reader_place *p)
{
	if (p->pane)
		return xstrdup(p->pane_title != NULL ? p->pane_title : "");
	if (p->title == NULL)
		return xstrdup("");
	if (p->subtitle != NULL)
		return xasprintf("%s \xe2\x80\xba %s", p->title, p->subtitle);
	return xstrdup(p->title);
}

void
status_text_make(const struct reader_place *p, const char *msg, int cols,
    struct status_text *st)
{
	char *right[2], pct[8], busy[32] = "";
	int avail = cols - 2, lw, i;

	if (p->end)
		snprintf(pct, sizeof pct, "END");
	else
		snprintf(pct, sizeof pct, "%d%%", p->percent);
	if (p->opening != NULL)
		snprintf(busy, sizeof busy, "%s %d%% \xc2\xb7 ", p->opening,
		    p->opening_percent);
	if (p->pane) {
		right[0] = xasprintf("%spane  %s", busy, pct);
		right[1] = xasprintf("%s%s", busy, pct);
	} else {
		right[0] = xasprintf("%ssection %zu/%zu  %s", busy,
		    p->section + 1, p->nsections, pct);
		right[1] = xasprintf("%s%zu/%zu  %s", busy, p->section + 1,
		    p->nsections, pct);
	}
	st->is_msg = msg != NULL;
	st->left = msg != NULL ? xstrdup(msg) : place_text(p);
	st->right = NULL;
	lw = text_columns(st->left);
	/* The longest right part that leaves a message whole. */
	for (i = 0; i < 2; i++) {
		if (msg == NULL || lw + 3 + text_columns(right[i]) <= avail) {
			st->right = right[i];
			right[i] = NULL;
			break;
		}
	}
	free(right[0]);
	free(right[1]);
}

void
status_text_free(struct status_text *st)
{
	free(st->left);
	free(st->right);
	st->left = st->right = NULL;
}

/* Columns of a hint: "key label". */
static int
hint_cols(const struct hint *h)
{
	return text_columns(h->keys) + 1 + text_columns(h->label);
}

/* The index of hint i's partner among the n, or n. */
static size_t
hint_partner(const struct hint *h, size_t n, size_t i)
{
	size_t k;

	for (k = 0; h[i].partner != CMD_NONE && k < n; k++)
		if (h[k].cmd == h[i].partner)
			return k;
	return n;
}

size_t
hint_line_fit(enum keymode mode, int cols, struct hint *out, size_t max)
{
	struct hint h[32];
	bool shown[32] = { false }, full = false;
	size_t i, p, k = 0, n = keymap_hints(mode, h, NITEMS(h));
	int used = 0, rank, last = 0, need;

	for (i = 0; i < n; i++)
		last = h[i].rank > last ? h[i].rank : last;
	for (rank = 0; rank <= last && !full; rank++) {
		for (i = 0; i < n && !full; i++) {
			if (h[i].rank != rank || shown[i])
				continue;
			/* A hint and its partner go in together or not. */
			p = hint_partner(h, n, i);
			need = (used > 0 ? 2 : 0) + hint_cols(&h[i]) +
			    (p < n && !shown[p] ? 2 + hint_cols(&h[p]) : 0);
			if (used + need > cols) {
				full = true;
				continue;
			}
			used += need;
			shown[i] = true;
			if (p < n)
				shown[p] = true;
		}
	}
	for (i = 0; i < n && k < max; i++)
		if (shown[i])
			out[k++] = h[i];
	return k;
}

const char *
text_tail(const char *s, size_t len, int cols)
{
	size_t i = len, start;
	int w, used = 0;

	/* Whole clusters only; one with no width of its own takes a column
	 * (shown as a placeholder, or joined to nothing). */
	while (i > 0) {
		start = utf8_cluster_back(s, i, &w);
		w = w < 1 ? 1 : w;
		if (used + w > cols)
			break;
		used += w;
		i = start;
	}
	return s + i;
}
