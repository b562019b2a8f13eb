/*
 * opening: a briefing opened in stages for the reader, so that the
 * article shows at once and the rest comes between keys (load.h and
 * xref.h do the work in steps):
 *
 *   1. the article (briefing.md, timeline.md) with an index of nothing:
 *      opening_new, before the first frame;
 *   2. the experts' and actors' files, a few per step; at the end they
 *      are in the briefing, with an index of nothing over all of it;
 *   3. the cross-reference index, a unit or so per step; at the end the
 *      index is whole.
 *
 * After each stage's end (opening_step returns OPENING_NEW_INDEX) the
 * reader must take the new index (opening_xref) before the next step,
 * which frees the one before. The opening owns the briefing and the
 * indexes; the briefing's address never changes. Plain C.
 */
#ifndef BRIEFING_OPENING_H
#define BRIEFING_OPENING_H

#include <stdbool.h>

#include "diag.h"
#include "model.h"
#include "xref.h"

enum opening_stage {
	OPENING_PROFILES,	/* reading the experts' and actors' files */
	OPENING_INDEX,		/* building the cross-reference index */
	OPENING_DONE,
	OPENING_FAILED		/* over the budget: a DIAG_FATAL in the list */
};

enum opening_event {
	OPENING_WORKING,	/* a step done; more to come */
	OPENING_NEW_INDEX,	/* a stage ended: take opening_xref */
	OPENING_IDLE		/* nothing left to do (done or failed) */
};

struct opening;

/* Stage 1 of a path (load.h); NULL when nothing could be loaded. */
struct opening *opening_new(const char *path, struct diag_list *);
/* A briefing loaded already (a stream, a test): stage 3 to come. */
struct opening *opening_of(struct briefing *, struct diag_list *);
void	 opening_free(struct opening *);	/* accepts NULL */

const struct briefing *opening_briefing(const struct opening *);
const struct xref *opening_xref(const struct opening *);
enum opening_stage opening_stage(const struct opening *);
/* Errors found so far (diag.h, DIAG_ERROR). */
size_t	 opening_errors(const struct opening *);
/* How far, 0-99, while not done. */
int	 opening_percent(const struct opening *);

/* One small step of the stage under way. */
enum opening_event opening_step(struct opening *);
/* Every stage to its end at once (--dump when no reader can start). */
void	 opening_finish(struct opening *);

#endif
