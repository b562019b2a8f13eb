/*
 * opening: a load job, then an index job, each stepped; the index of
 * the stage before is kept until the next step, so the reader can let
 * go of it first.
 */
#include "opening.h"

#include <stdlib.h>

#include "load.h"
#include "util.h"

/* Files read, and units indexed, per step: each a millisecond or so. */
#define STEP_FILES	4
#define STEP_UNITS	2

struct opening {
	struct diag_list	*dl;
	struct load_job		*load;	/* stage 2 */
	struct xref_job		*index;	/* stage 3 */
	const struct briefing	*shown;
	struct briefing		*b;	/* owned once the load ended */
	struct xref		*x;	/* the current index */
	struct xref		*old;	/* the one before, until the next step */
	enum opening_stage	 stage;
};

struct opening *
opening_new(const char *path, struct diag_list *dl)
{
	struct load_job *lj = load_begin(path, dl);
	struct opening *op;

	if (lj == NULL)
		return NULL;
	op = xcalloc(1, sizeof *op);
	op->dl = dl;
	op->load = lj;
	op->shown = load_job_briefing(lj);
	op->x = xref_empty(op->shown);
	op->stage = OPENING_PROFILES;
	return op;
}

struct opening *
opening_of(struct briefing *b, struct diag_list *dl)
{
	struct opening *op = xcalloc(1, sizeof *op);

	op->dl = dl;
	op->b = b;
	op->shown = b;
	op->x = xref_empty(b);
	op->stage = OPENING_INDEX;
	return op;
}

void
opening_free(struct opening *op)
{
	bool failed;

	if (op == NULL)
		return;
	xref_free(op->old);
	xref_free(op->x);
	xref_abandon(op->index);
	if (op->load != NULL)
		op->b = load_end(op->load, &failed);
	briefing_free(op->b);
	free(op);
}

const struct briefing *
opening_briefing(const struct opening *op)
{
	return op->shown;
}

const struct xref *
opening_xref(const struct opening *op)
{
	return op->x;
}

size_t
opening_errors(const struct opening *op)
{
	return diag_count(op->dl, DIAG_ERROR);
}

enum opening_stage
opening_stage(const struct opening *op)
{
	return op->stage;
}

int
opening_percent(const struct opening *op)
{
	size_t done = 0, total = 0;
	int pct;

	/* Reading is about two fifths of the work, indexing the rest. */
	if (op->stage == OPENING_PROFILES) {
		load_progress(op->load, &done, &total);
		pct = total > 0 ? (int)(done * 40 / total) : 0;
	} else if (op->stage == OPENING_INDEX) {
		/* Before its first step, nothing indexed. */
		if (op->index != NULL)
			xref_progress(op->index, &done, &total);
		pct = 40 + (total > 0 ? (int)(done * 60 / total) : 0);
	} else
		return 100;
	return pct > 99 ? 99 : pct;
}

/* A new index for the reader; the one it has goes at the next step. */
static void
publish(struct opening *op, struct xref *x)
{
	xref_free(op->old);
	op->old = op->x;
	op->x = x;
}

static enum opening_event
end_load(struct opening *op)
{
	bool failed;

	op->b = load_end(op->load, &failed);
	op->load = NULL;
	if (failed) {
		op->stage = OPENING_FAILED;
		return OPENING_IDLE;
	}
	publish(op, xref_empty(op->b));
	op->stage = OPENING_INDEX;
	return OPENING_NEW_INDEX;
}

enum opening_event
opening_step(struct opening *op)
{
	xref_free(op->old);
	op->old = NULL;
	switch (op->stage) {
	case OPENING_PROFILES:
		if (load_step(op->load, STEP_FILES))
			return end_load(op);
		return OPENING_WORKING;
	case OPENING_INDEX:
		/* The name matcher is made in a step of its own. */
		if (op->index == NULL) {
			op->index = xref_begin(op->b, op->dl);
			return OPENING_WORKING;
		}
		if (!xref_step(op->index, STEP_UNITS))
			return OPENING_WORKING;
		publish(op, xref_end(op->index));
		op->index = NULL;
		op->stage = OPENING_DONE;
		return OPENING_NEW_INDEX;
	case OPENING_DONE:
	case OPENING_FAILED:
		break;
	}
	return OPENING_IDLE;
}

void
opening_finish(struct opening *op)
{
	while (opening_step(op) != OPENING_IDLE)
		continue;
}
