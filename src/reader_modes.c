/*
 * reader_modes: the commands of the modes that type or overlay: the
 * search prompt and its matches, the actor index, the help, and link
 * hints; and their tables of handlers.
 */
#include "reader_int.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- search -------------------------------------------------------------------- */

/*
 * Leaves a search counts at once, before its first match is shown (a
 * small briefing's whole count: some 300 leaves), and then at each step
 * between keys: each step's share is a few milliseconds on the large
 * synthetic briefing (doc/performance.md).
 */
#define COUNT_AT_ONCE	500

/* Asked during long work: the view's hook says whether ^C or Esc came. */
static bool
stop_asked(void *ctx)
{
	struct reader *r = ctx;

	return r->interrupt != NULL && r->interrupt(r->interrupt_ctx);
}

/* Show a match: the article or the pane at the lines that show it. */
static void
goto_match(struct reader *r, const struct match *m)
{
	struct unit_ref u = briefing_slot_unit(r->b, m->slot);
	const struct layout *lay;
	struct docpos pos, to;
	struct doc *d;
	size_t part, first, end, k, last, s, e;

	r->search.cur = *m;
	r->search.has_cur = r->search.on = true;
	if ((d = reader_show_unit(r, u, &part)) == NULL || r->g.too_small)
		return;
	lay = doc_layout(d, part);
	typeset_leaf_lines(lay, m->leaf, &first, &end);
	/* The lines that show the match: [k, last]. */
	for (k = first; k < end; k++)
		if (typeset_map(&lay->lines[k], m->start, m->end, &s, &e))
			break;
	for (last = k; last + 1 < end &&
	    typeset_map(&lay->lines[last + 1], m->start, m->end, &s, &e);
	    last++)
		continue;
	pos.part = to.part = part;
	pos.line = (part > 0 ? 1 : 0) + (k < end ? k : first);
	to.line = (part > 0 ? 1 : 0) + (k < end ? last : first);
	reader_show_lines(r, d, pos, to);
}

/*
 * "match 3 of 30 · 290 more in profiles": the article's count first, the
 * profiles' apart, after it; while the count goes on, what is known.
 */
static void
report_match(struct reader *r, bool wrapped)
{
	const struct search *s = &r->search;
	const char *w = wrapped ? " (search wrapped)" : "";
	size_t na = s->narticle, cur = search_index(s, &s->cur);

	r->report_pending = !search_counted(s);
	if (r->report_pending)
		reader_msg(r, "a match%s; counting the others\xe2\x80\xa6", w);
	else if (cur >= na)
		reader_msg(r, "match %zu of %zu in profiles%s", cur - na + 1,
		    s->n - na, w);
	else if (s->n > na)
		reader_msg(r, "match %zu of %zu \xc2\xb7 %zu more in profiles%s",
		    cur + 1, na, s->n - na, w);
	else
		reader_msg(r, "match %zu of %zu%s", cur + 1, na, w);
}

void
reader_search_again(struct reader *r)
{
	struct search *s = &r->search;
	bool on = s->on;
	char *pattern;

	if (s->pattern == NULL)
		return;
	pattern = xstrdup(s->pattern);
	search_start(s, r->cache, pattern, lcache_slots(r->cache));
	free(pattern);
	/* The matches show as they are counted; the current one is gone
	 * (its bytes may have moved: " [2]" after an attribution), so n
	 * searches again from the top line. */
	s->on = on;
	r->report_pending = false;
}

/* Count on between keys; the count, once known, said if still asked. */
bool
reader_search_idle(struct reader *r)
{
	struct search *s = &r->search;

	if (s->pattern == NULL || search_counted(s))
		return false;
	if (search_count(s, r->cache, COUNT_AT_ONCE, stop_asked, r) &&
	    r->report_pending && s->on)
		report_match(r, false);
	return !search_counted(s);
}

/*
 * The next match from a place (or the last before it), going round the
 * end once; false when there is none, or when ^C or Esc stopped it.
 */
static bool
find_round(struct reader *r, size_t slot, size_t leaf, size_t at, int dir,
    bool inclusive, struct match *m, bool *wrapped)
{
	struct search *s = &r->search;
	const struct page *page;
	bool stopped;

	*wrapped = false;
	if (search_find(s, r->cache, slot, leaf, at, dir, inclusive, m,
	    stop_asked, r, &stopped))
		return true;
	if (stopped) {
		reader_msg(r, "Search stopped");
		return false;
	}
	*wrapped = true;
	slot = search_end_slot(s, dir);
	page = dir > 0 ? NULL : lcache_page(r->cache, slot);
	leaf = page != NULL && page->nleaves > 0 ? page->nleaves - 1 : 0;
	if (search_find(s, r->cache, slot, leaf, dir > 0 ? 0 : (size_t)-1,
	    dir, dir > 0, m, stop_asked, r, &stopped))
		return true;
	reader_msg(r, stopped ? "Search stopped" : "Pattern not found: %s",
	    s->pattern);
	return false;
}

size_t
reader_search(struct reader *r, const char *pattern)
{
	struct doc *d = reader_focus_doc(r);
	const struct line *l = doc_text_line(d, d->top);
	struct match m;
	bool wrapped;

	search_start(&r->search, r->cache, pattern, lcache_slots(r->cache));
	if (r->search.nlen == 0)
		return 0;
	/* From the focused document's top line. */
	if (!find_round(r, doc_slot(d, d->top.part), l != NULL ? l->block : 0,
	    0, 1, true, &m, &wrapped))
		return 0;
	search_count(&r->search, r->cache, COUNT_AT_ONCE, stop_asked, r);
	reader_history_mark(r);
	goto_match(r, &m);
	report_match(r, wrapped);
	return r->search.n;
}

/*
 * Once every match is counted, the next (or the one before) is the
 * neighbour in the list: no page is read again.
 */
static bool
counted_step(const struct search *s, int dir, struct match *m, bool *wrapped)
{
	size_t i;

	if (!search_counted(s) || s->n == 0 ||
	    (i = search_index(s, &s->cur)) >= s->n)
		return false;
	if (dir > 0) {
		*wrapped = i + 1 == s->n;
		*m = s->v[*wrapped ? 0 : i + 1];
	} else {
		*wrapped = i == 0;
		*m = s->v[*wrapped ? s->n - 1 : i - 1];
	}
	return true;
}

static void
search_step(struct reader *r, int dir)
{
	struct search *s = &r->search;
	struct match m = s->cur;
	bool wrapped = false;

	if (s->pattern == NULL) {
		reader_msg(r, "No previous search: / searches");
		return;
	}
	if (s->nlen == 0) {
		reader_msg(r, "Pattern not found: %s", s->pattern);
		return;
	}
	/* Nothing found yet (not there, or stopped): search again. */
	if (!s->has_cur) {
		char *again = xstrdup(s->pattern);

		reader_search(r, again);
		free(again);
		return;
	}
	/* The matches not shown (Esc): the current one again. */
	if (s->on && !counted_step(s, dir, &m, &wrapped) &&
	    !find_round(r, m.slot, m.leaf, m.start, dir, false, &m, &wrapped))
		return;
	reader_history_mark(r);
	goto_match(r, &m);
	report_match(r, wrapped);
}

enum reader_status
cmd_search(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	r->mode = MODE_PROMPT;
	buf_reset(&r->prompt);
	return READER_CONTINUE;
}

enum reader_status
cmd_search_next(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	search_step(r, 1);
	return READER_CONTINUE;
}

enum reader_status
cmd_search_prev(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	search_step(r, -1);
	return READER_CONTINUE;
}

/* ---- typing ------------------------------------------------------------------------ */

/* Remove the last character of a buffer; false when it was empty. */
static bool
buf_chop(struct buf *b)
{
	if (b->len == 0)
		return false;
	do
		b->len--;
	while (b->len > 0 && ((unsigned char)b->data[b->len] & 0xc0) == 0x80);
	b->data[b->len] = '\0';
	return true;
}

static void
refilter(struct reader *r)
{
	aindex_filter(&r->index, r->index.filter.data != NULL ?
	    r->index.filter.data : "");
}

static void	 hints_pick(struct reader *);

void
reader_type(struct reader *r, int key)
{
	char enc[4];
	size_t n = utf8_encode((uint32_t)key, enc);

	if (r->mode == MODE_PROMPT)
		buf_add(&r->prompt, enc, n);
	else if (r->mode == MODE_INDEX) {
		buf_add(&r->index.filter, enc, n);
		refilter(r);
	} else if (r->mode == MODE_HINTS) {
		buf_add(&r->hint_typed, enc, n);
		hints_pick(r);
	}
}

static enum reader_status
prompt_accept(struct reader *r, enum command cmd, int arg)
{
	char *s;

	(void)cmd;
	(void)arg;
	r->mode = MODE_NORMAL;
	if (r->prompt.len == 0 && r->search.pattern != NULL) {
		s = xstrdup(r->search.pattern);
		reader_search(r, s);
		free(s);
	} else if (r->prompt.len > 0)
		reader_search(r, r->prompt.data);
	return READER_CONTINUE;
}

static enum reader_status
prompt_delete(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (!buf_chop(&r->prompt))
		r->mode = MODE_NORMAL;
	return READER_CONTINUE;
}

static enum reader_status
prompt_clear(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	buf_reset(&r->prompt);
	return READER_CONTINUE;
}

/* Esc in an overlay or at the prompt: back to reading. */
static enum reader_status
mode_close(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	r->mode = MODE_NORMAL;
	return READER_CONTINUE;
}

/* ---- the actor index ------------------------------------------------------------------ */

size_t
reader_filter(struct reader *r, const char *s)
{
	char *copy = xstrdup(s);
	size_t n = aindex_filter(&r->index, copy);

	free(copy);
	return n;
}

enum reader_status
cmd_actor_index(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (r->b->nactors == 0) {
		reader_msg(r, "This briefing has no actors");
		return READER_CONTINUE;
	}
	r->mode = MODE_INDEX;
	reader_filter(r, "");
	return READER_CONTINUE;
}

void
reader_open_index_row(struct reader *r)
{
	struct ref_target t = { REF_ACTOR, 0 };

	if (r->index.n == 0) {
		reader_msg(r, "No actor matches \"%s\"",
		    reader_index_filter(r));
		return;
	}
	r->mode = MODE_NORMAL;
	t.index = r->index.rows[r->index.cur].actor;
	reader_follow(r, t);
}

static enum reader_status
index_open(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	reader_open_index_row(r);
	return READER_CONTINUE;
}

static enum reader_status
index_delete(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (buf_chop(&r->index.filter))
		refilter(r);
	return READER_CONTINUE;
}

static enum reader_status
index_clear(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	reader_filter(r, "");
	return READER_CONTINUE;
}

static enum reader_status
index_motion(struct reader *r, enum command cmd, int arg)
{
	(void)arg;
	aindex_move(&r->index, cmd, r->g.index_list.h > 0 ?
	    (size_t)r->g.index_list.h : 1);
	return READER_CONTINUE;
}

/* ---- help ---------------------------------------------------------------------------- */

void
reader_help_build(struct reader *r, int width)
{
	char *help, *line, *next;
	size_t i, old = r->nhelp;

	if (width == r->help_width && r->help != NULL)
		return;
	for (i = 0; i < r->nhelp; i++)
		free(r->help[i]);
	free(r->help);
	r->help = NULL;
	r->nhelp = 0;
	r->help_width = width;
	help = keymap_help_text(width);
	for (line = help; *line != '\0'; line = next + 1) {
		if ((next = strchr(line, '\n')) == NULL)
			break;
		r->help = xreallocarray(r->help, r->nhelp + 1,
		    sizeof *r->help);
		r->help[r->nhelp++] = xstrndup(line, (size_t)(next - line));
	}
	free(help);
	/* About the same place in the text, wrapped anew. */
	if (old > 0)
		r->help_top = r->help_top * r->nhelp / old;
}

enum reader_status
cmd_help(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	r->mode = MODE_HELP;
	r->help_top = 0;
	return READER_CONTINUE;
}

static enum reader_status
help_motion(struct reader *r, enum command cmd, int arg)
{
	size_t h = r->g.overlay.h > 2 ? (size_t)r->g.overlay.h - 2 : 1;
	size_t max = r->nhelp > h ? r->nhelp - h : 0;

	(void)arg;
	/* The cursor is the top line: a list of max + 1 tops. */
	r->help_top = keymap_move(r->help_top, max + 1, h, cmd);
	return READER_CONTINUE;
}

/* ---- link hints ------------------------------------------------------------------- */

/* Labels are made of the home row first, as vimium's are. */
static const char hint_letters[] = "asdfghjkl";
#define HINT_LETTERS	(sizeof hint_letters - 1)

/* The references shown in a region, as hints. */
static void
hints_collect(struct reader *r, enum reader_region region, struct doc *d,
    int h)
{
	struct items items = { NULL, 0, 0 };
	size_t i;

	doc_items(d, d->top, h, &items);
	for (i = 0; i < items.n; i++) {
		ARRAY_RESERVE(r->hints, r->hintcap, r->nhints + 1);
		r->hints[r->nhints].region = region;
		r->hints[r->nhints].it = items.v[i];
		r->nhints++;
	}
	free(items.v);
}

/*
 * Give every hint a label of the same length, so that none is the start
 * of another: one letter for up to nine, two for up to 81, three after.
 */
static void
hints_label(struct reader *r)
{
	size_t i, k, len = 1, span = HINT_LETTERS, n;

	while (span < r->nhints && len < 3) {
		span *= HINT_LETTERS;
		len++;
	}
	for (i = 0; i < r->nhints; i++) {
		for (k = len, n = i; k > 0; k--) {
			r->hints[i].label[k - 1] = hint_letters[n % HINT_LETTERS];
			n /= HINT_LETTERS;
		}
		r->hints[i].label[len] = '\0';
	}
}

enum reader_status
cmd_hints(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	r->nhints = 0;
	if (!r->g.toc_covers && (!r->g.pane_visible || r->g.pane_beside))
		hints_collect(r, REGION_BODY, &r->body,
		    reader_doc_height(r, &r->body));
	if (r->g.pane_visible && !r->g.toc_covers)
		hints_collect(r, REGION_PANE, &r->pane,
		    reader_doc_height(r, &r->pane));
	if (r->nhints == 0) {
		reader_msg(r, "No cross-reference on screen");
		return READER_CONTINUE;
	}
	/* Three letters label 729: more on screen than that is not read. */
	if (r->nhints > HINT_LETTERS * HINT_LETTERS * HINT_LETTERS)
		r->nhints = HINT_LETTERS * HINT_LETTERS * HINT_LETTERS;
	hints_label(r);
	buf_reset(&r->hint_typed);
	r->mode = MODE_HINTS;
	return READER_CONTINUE;
}

void
reader_hints_refresh(struct reader *r)
{
	if (r->mode != MODE_HINTS)
		return;
	/* Anew, as `f` would: none left on screen says so. */
	r->mode = MODE_NORMAL;
	cmd_hints(r, CMD_HINTS, 0);
}

/* What was typed picks one label, some, or none. */
static void
hints_pick(struct reader *r)
{
	const struct hintlabel *h, *hit = NULL;
	const char *typed = r->hint_typed.data;
	size_t i, n = 0;
	struct doc *d;

	for (i = 0; i < r->nhints; i++) {
		if (strncmp(r->hints[i].label, typed, r->hint_typed.len) != 0)
			continue;
		n++;
		if (strcmp(r->hints[i].label, typed) == 0)
			hit = &r->hints[i];
	}
	if (n == 0) {
		reader_msg(r, "No label %s: Esc takes the labels away", typed);
		buf_chop(&r->hint_typed);
		return;
	}
	if (hit == NULL)
		return;
	h = hit;
	r->mode = MODE_NORMAL;
	r->focus = h->region;
	d = h->region == REGION_PANE ? &r->pane : &r->body;
	doc_select(d, &h->it);
	reader_follow_selected(r);
}

static enum reader_status
hints_delete(struct reader *r, enum command cmd, int arg)
{
	(void)cmd;
	(void)arg;
	if (!buf_chop(&r->hint_typed))
		r->mode = MODE_NORMAL;
	return READER_CONTINUE;
}

/* ---- tables ---------------------------------------------------------------- */

const struct cmd_entry reader_index_cmds[CMD__COUNT] = {
	[CMD_LINE_DOWN] =	{ index_motion, 0 },
	[CMD_LINE_UP] =		{ index_motion, 0 },
	[CMD_PAGE_DOWN] =	{ index_motion, 0 },
	[CMD_PAGE_UP] =		{ index_motion, 0 },
	[CMD_TOP] =		{ index_motion, 0 },
	[CMD_BOTTOM] =		{ index_motion, 0 },
	[CMD_FOLLOW] =		{ index_open, 0 },
	[CMD_DELETE_CHAR] =	{ index_delete, 0 },
	[CMD_CLEAR_INPUT] =	{ index_clear, 0 },
	[CMD_CLOSE] =		{ mode_close, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
};

const struct cmd_entry reader_prompt_cmds[CMD__COUNT] = {
	[CMD_FOLLOW] =		{ prompt_accept, 0 },
	[CMD_DELETE_CHAR] =	{ prompt_delete, 0 },
	[CMD_CLEAR_INPUT] =	{ prompt_clear, 0 },
	[CMD_CLOSE] =		{ mode_close, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
};

const struct cmd_entry reader_help_cmds[CMD__COUNT] = {
	[CMD_LINE_DOWN] =	{ help_motion, 0 },
	[CMD_LINE_UP] =		{ help_motion, 0 },
	[CMD_PAGE_DOWN] =	{ help_motion, 0 },
	[CMD_PAGE_UP] =		{ help_motion, 0 },
	[CMD_HALF_DOWN] =	{ help_motion, 0 },
	[CMD_HALF_UP] =		{ help_motion, 0 },
	[CMD_TOP] =		{ help_motion, 0 },
	[CMD_BOTTOM] =		{ help_motion, 0 },
	[CMD_CLOSE] =		{ mode_close, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
};

const struct cmd_entry reader_hints_cmds[CMD__COUNT] = {
	[CMD_DELETE_CHAR] =	{ hints_delete, 0 },
	[CMD_CLOSE] =		{ mode_close, 0 },
	[CMD_REDRAW] =		{ cmd_redraw, CMDF_ANY_SIZE },
};
