/*
 * bench/phases: where the time of one run goes, phase by phase, linked
 * against the program's own library. Not run by make check nor by
 * make bench; for work on the code's speed:
 *
 *   bench/phases [--width N] [--reps N] [--word WORD] DIR
 *
 * Loads the briefing, builds the cross-reference index, runs --check's
 * rules, counts the matches of a word as the reader's search does
 * between keys ("corridor", or --word), composes the page of every slot
 * and lays each out at the width (80), then frees it all, and prints one "phase cpu_ms" line per phase
 * (CPU time of the process, the best of --reps runs) and the lines laid
 * out, so two builds can be compared phase by phase.
 */
#define _POSIX_C_SOURCE 200809L

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "compose.h"
#include "diag.h"
#include "lcache.h"
#include "load.h"
#include "page.h"
#include "search.h"
#include "typeset.h"
#include "xref.h"

static double
cpu_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

enum phase {
	P_LOAD, P_XREF, P_CHECK, P_SEARCH, P_COMPOSE, P_TYPESET, P_FREE, P__N
};

static const char *const phase_names[P__N] = {
	"load", "xref", "check", "search", "compose", "typeset", "free"
};

static const char *word = "corridor";
static size_t nmatches;

/* The reader's count of a search: every page read once, then let go. */
static double
search_ms(const struct briefing *b, const struct xref *x)
{
	struct lcache *c = lcache_new(b, x);
	struct search s;
	double t = cpu_ms();

	search_init(&s);
	search_start(&s, c, word, lcache_slots(c));
	while (!search_count(&s, c, 2000, NULL, NULL))
		lcache_trim(c, 128);
	t = cpu_ms() - t;
	nmatches = s.n;
	search_free(&s);
	lcache_free(c);
	return t;
}


/* One run: the time of each phase into ms[], the lines laid out. */
static int
run_once(const char *path, int width, double ms[P__N], size_t *nlines)
{
	struct compose_opts co = { .mark_refs = true, .links = LINKS_FIRST };
	struct typeset_opts to = { .width = width };
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;
	struct page **pages;
	struct layout *lay;
	size_t i, n;
	double t;

	diag_list_init(&dl);
	t = cpu_ms();
	if ((b = briefing_load(path, &dl)) == NULL) {
		diag_print(stderr, "phases", &dl);
		diag_list_free(&dl);
		return -1;
	}
	ms[P_LOAD] = cpu_ms() - t;
	t = cpu_ms();
	x = xref_build(b, &dl);
	ms[P_XREF] = cpu_ms() - t;
	t = cpu_ms();
	check_briefing(b, x, &dl);
	ms[P_CHECK] = cpu_ms() - t;
	ms[P_SEARCH] = search_ms(b, x);

	n = briefing_nslots(b);
	pages = calloc(n, sizeof *pages);
	if (pages == NULL)
		return -1;
	t = cpu_ms();
	for (i = 0; i < n; i++)
		pages[i] = compose_page(b, x, briefing_slot_unit(b, i), &co);
	ms[P_COMPOSE] = cpu_ms() - t;
	*nlines = 0;
	ms[P_TYPESET] = 0;
	ms[P_FREE] = 0;
	for (i = 0; i < n; i++) {
		t = cpu_ms();
		lay = typeset(pages[i], &to);
		ms[P_TYPESET] += cpu_ms() - t;
		*nlines += lay->nlines;
		t = cpu_ms();
		layout_free(lay);
		ms[P_FREE] += cpu_ms() - t;
	}
	t = cpu_ms();
	for (i = 0; i < n; i++)
		page_free(pages[i]);
	free(pages);
	xref_free(x);
	briefing_free(b);
	diag_list_free(&dl);
	ms[P_FREE] += cpu_ms() - t;
	return 0;
}

int
main(int argc, char **argv)
{
	double best[P__N], ms[P__N], total = 0;
	int width = 80, reps = 1, r, i;
	size_t nlines = 0;

	while (argc > 2 && strncmp(argv[1], "--", 2) == 0) {
		if (strcmp(argv[1], "--width") == 0)
			width = atoi(argv[2]);
		else if (strcmp(argv[1], "--reps") == 0)
			reps = atoi(argv[2]);
		else if (strcmp(argv[1], "--word") == 0)
			word = argv[2];
		else
			break;
		argc -= 2;
		argv += 2;
	}
	if (argc != 2 || width < 1 || reps < 1) {
		fprintf(stderr, "usage: phases [--width N] [--reps N] "
		    "[--word WORD] DIR\n");
		return 2;
	}
	for (r = 0; r < reps; r++) {
		if (run_once(argv[1], width, ms, &nlines) != 0)
			return 1;
		for (i = 0; i < P__N; i++)
			if (r == 0 || ms[i] < best[i])
				best[i] = ms[i];
	}
	for (i = 0; i < P__N; i++) {
		printf("%-8s %8.0f\n", phase_names[i], best[i]);
		total += best[i];
	}
	printf("%-8s %8.0f\nlines    %8zu\nmatches  %8zu\n", "total", total,
	    nlines, nmatches);
	return 0;
}
