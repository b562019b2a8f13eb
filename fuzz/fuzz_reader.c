/*
 * fuzz_reader: the reader on a fuzzed briefing, driven as the view
 * drives it. The first byte is flags (1: ASCII output; 2: a lone
 * Markdown file; 4: opened in stages, as the program does: the reader
 * starts on an index of nothing and takes the whole one while the
 * script's keys and idle steps come, opening.h), then an archive of
 * files (fuzz.h); what follows the archive is a script, one step after
 * another:
 *
 *   0x00-0x7F  that key, as the view maps it: \t Tab, \r and \n Enter,
 *              ESC Esc, ^H and DEL Backspace, other bytes themselves
 *   0x80+k     KEYC_BASE + k, for k below KEYC__END - KEYC_BASE
 *   0xE0 b b b any key code from three bytes (code points, KEYC_*
 *              values and beyond)
 *   0xE1 c r   resize to c % 251 columns, r % 251 rows
 *   0xE2 x y   a click at (x, y)
 *   0xE3 x y n the wheel at (x, y), n - 128 lines
 *   0xE4 n     reader_idle until it says none is left, at most n times
 *   0xE5 c a   reader_exec(c, a % 12 - 1), any c, in range or not
 *   0xE6 m     reader_set_measure(m)
 *   0xE7 k i   reader_follow({k % 7, i % 8})
 *   0xE8 ... \0 reader_search; 0xE9 ... \0 reader_filter; 0xEA ... \0
 *              reader_say (the text up to a NUL)
 *   other      that byte as a key code
 *
 * It starts at 80x24. After each step, every row of the article and of
 * the pane (and one below each) is asked for, as a draw would, and so
 * is everything else the view reads: the lines and their marks must keep
 * their promises (fuzz.h, reader.h).
 */
#include <stdlib.h>
#include <string.h>

#include "fuzz.h"
#include "opening.h"
#include "reader.h"
#include "textsafe.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* Steps per input: enough for deep states, few enough for speed. */
#define MAX_STEPS 400

static void
check_text(const char *s)
{
	size_t n;
	char *safe;

	if (s == NULL)
		return;
	safe = textsafe_string(s, strlen(s), true, &n);
	fuzz_check_safe(safe, n);
	free(safe);
}

static void
draw_region(struct reader *r, enum reader_region g, int h, int width)
{
	const struct line *l;
	struct row_marks m;
	size_t k, bytes;
	int row;

	for (row = -1; row <= h; row++) {
		if ((l = reader_row(r, g, row, &m)) == NULL)
			continue;
		FUZZ_ASSERT(row >= 0);
		fuzz_check_line(l, width);
		bytes = fuzz_line_bytes(l);
		FUZZ_ASSERT(m.sel_from <= m.sel_to && m.sel_to <= l->nspans);
		for (k = 0; k < m.nhl; k++)
			FUZZ_ASSERT(m.hl[k].start <= m.hl[k].end &&
			    m.hl[k].end <= bytes);
		for (k = 0; k < m.nlabels; k++) {
			FUZZ_ASSERT(m.labels[k].span < l->nspans);
			check_text(m.labels[k].text);
		}
	}
}

/* What the view reads to draw a frame. */
static void
draw(struct reader *r)
{
	const struct geometry *g = reader_geometry(r);
	struct reader_place p;
	struct unit_ref u;
	size_t i, n;
	int pct;

	draw_region(r, REGION_BODY, g->body.h, g->body_text);
	draw_region(r, REGION_PANE, g->pane_area.h, g->pane_text);
	pct = reader_percent(r);
	FUZZ_ASSERT(pct >= 0 && pct <= 100);
	reader_place(r, &p);
	FUZZ_ASSERT(p.percent >= 0 && p.percent <= 100);
	FUZZ_ASSERT(p.nsections == 0 || p.section < p.nsections);
	check_text(p.title);
	check_text(p.subtitle);
	check_text(p.pane_title);
	if (reader_pane(r, &u))
		FUZZ_ASSERT(briefing_slot(reader_briefing(r), u) !=
		    MODEL_NONE);
	n = reader_toc_count(r);
	for (i = 0; i < n; i++) {
		check_text(reader_toc_title(r, i));
		reader_toc_level(r, i);
	}
	FUZZ_ASSERT(n == 0 || reader_toc_current(r) < n);
	n = reader_index_count(r);
	FUZZ_ASSERT(n <= reader_index_total(r));
	for (i = 0; i < n; i++) {
		FUZZ_ASSERT(reader_index_actor(r, i) <
		    reader_briefing(r)->nactors);
		check_text(reader_index_alias(r, i));
	}
	check_text(reader_index_filter(r));
	n = reader_help_count(r);
	for (i = reader_help_top(r); i < n && i < reader_help_top(r) + 60; i++)
		FUZZ_ASSERT(reader_help_line(r, i) != NULL);
	check_text(reader_message(r));
	check_text(reader_prompt(r));
	reader_keymode(r);
	reader_focus(r);
	reader_take_redraw(r);
}

/* A string of the script, up to a NUL or its end, into buf. */
static const char *
script_string(struct fin *in, char *buf, size_t size)
{
	size_t n = 0;
	uint8_t c;

	while (in->n > 0 && (c = fin_byte(in)) != 0)
		if (n + 1 < size)
			buf[n++] = (char)c;
	buf[n] = '\0';
	return buf;
}

static int
ascii_key(uint8_t c)
{
	switch (c) {
	case '\t':
		return KEYC_TAB;
	case '\r':
	case '\n':
		return KEYC_ENTER;
	case 033:
		return KEYC_ESC;
	case 010:
	case 0177:
		return KEYC_BSPACE;
	default:
		return c;
	}
}

static void
step(struct reader *r, struct fin *in)
{
	uint8_t op = fin_byte(in);
	char buf[256];
	int n, x, y;

	if (op < 0x80) {
		reader_key(r, ascii_key(op));
		return;
	}
	if (op < 0x80 + KEYC__END - KEYC_BASE) {
		reader_key(r, KEYC_BASE + (op - 0x80));
		return;
	}
	switch (op) {
	case 0xe0:
		n = fin_byte(in) << 16;
		n |= (int)fin_u16(in);
		reader_key(r, n);
		break;
	case 0xe1:
		x = fin_byte(in) % 251;
		reader_resize(r, x, fin_byte(in) % 251);
		break;
	case 0xe2:
		x = fin_byte(in);
		reader_click(r, x, fin_byte(in));
		break;
	case 0xe3:
		x = fin_byte(in);
		y = fin_byte(in);
		reader_wheel(r, x, y, fin_byte(in) - 128);
		break;
	case 0xe4:
		for (n = fin_byte(in); n > 0 && reader_idle(r); n--)
			continue;
		break;
	case 0xe5:
		n = fin_byte(in);
		reader_exec(r, (enum command)n, fin_byte(in) % 12 - 1);
		break;
	case 0xe6:
		reader_set_measure(r, fin_byte(in));
		break;
	case 0xe7:
		n = fin_byte(in) % 7;
		reader_follow(r, (struct ref_target){ (enum ref_kind)n,
		    fin_byte(in) % 8 });
		break;
	case 0xe8:
		reader_search(r, script_string(in, buf, sizeof buf));
		break;
	case 0xe9:
		reader_filter(r, script_string(in, buf, sizeof buf));
		break;
	case 0xea:
		reader_say(r, script_string(in, buf, sizeof buf));
		break;
	default:
		reader_key(r, op);
		break;
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fin in = { data, size };
	unsigned flags = fin_byte(&in);
	struct archive a;
	struct diag_list dl;
	struct briefing *b;
	struct opening *op = NULL;
	struct xref *x = NULL;
	struct reader *r;
	int steps;

	textsafe_set_ascii(flags & 1);
	archive_read(&a, &in);
	diag_list_init(&dl);
	if ((b = archive_load(&a, flags & 2, &dl)) != NULL) {
		if (flags & 4) {
			op = opening_of(b, &dl);	/* it owns b now */
			r = reader_new(b, opening_xref(op));
			reader_follow_opening(r, op);
		} else {
			x = xref_build(b, &dl);
			r = reader_new(b, x);
		}
		reader_resize(r, 80, 24);
		draw(r);
		for (steps = 0; a.rest.n > 0 && steps < MAX_STEPS; steps++) {
			step(r, &a.rest);
			draw(r);
		}
		reader_free(r);
		if (op != NULL)
			opening_free(op);
		else {
			xref_free(x);
			briefing_free(b);
		}
	}
	diag_list_free(&dl);
	archive_free(&a);
	return 0;
}
