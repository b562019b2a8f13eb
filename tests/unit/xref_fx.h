/*
 * The fixture of xref's tests (xref_fx.c): actors (isis-k, islamic-state,
 * russia, taliban, as the loader sorts them) and experts (clarke, katz)
 * as briefing_load_strings() takes them, and a briefing loaded from them
 * with its cross-reference index. Include after test_common.h.
 */
#ifndef BRIEFING_XREF_FX_H
#define BRIEFING_XREF_FX_H

#include "diag.h"
#include "load.h"
#include "xref.h"

extern const char *const ACTORS[];
extern const char *const EXPERTS[];
/* The first section of a briefing. */
extern const struct unit_ref SECTION0;

struct fx {
	struct diag_list	 dl;
	struct briefing		*b;
	struct xref		*x;
};

/* md as briefing.md, with those profiles and timeline (any may be
 * NULL), loaded and indexed; only the index's diagnostics kept in dl. */
void	fx_load(struct fx *, const char *md, const char *const *experts,
	    const char *const *actors, const char *timeline);
void	fx_free(struct fx *);

#endif
