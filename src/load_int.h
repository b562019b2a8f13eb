/*
 * load_int: what the two halves of loading share: load.c (a file's text
 * into the model, what every file passes, memory and streams) and
 * loadjob.c (a path: a directory read in steps, or one file). Only they
 * include it.
 *
 * A loader reads the article into b and the experts' and actors' files
 * into p, a briefing of profiles only, so that b shows none of them
 * until loader_profiles_done moves them in (sorted by id).
 */
#ifndef BRIEFING_LOAD_INT_H
#define BRIEFING_LOAD_INT_H

#include <stdbool.h>
#include <stddef.h>

#include "load.h"
#include "textfile.h"

struct loader {
	struct briefing		*b;		/* the article */
	struct briefing		*p;		/* profiles read so far, or NULL */
	struct diag_list	*dl;
	struct budget		 budget;
	bool			 failed;	/* a DIAG_FATAL was added */
	int			 root;		/* the directory, or -1 */
	const char		*dir;		/* its name as given */
};

void	 loader_init(struct loader *, struct diag_list *);
void	 loader_say(struct loader *, enum diag_level, const char *path,
	    const char *msg);
/* Take n bytes from the budget; past it, the load fails. */
bool	 loader_take(struct loader *, const char *path, size_t n);
/*
 * May this file's text be parsed? Not when it is empty or not text (said
 * at level); lines of invalid UTF-8 are said.
 */
bool	 loader_accept(struct loader *, const char *path, const char *text,
	    size_t len, enum diag_level);
/* Is id usable as an id? Said (the file skipped) when it is not. */
bool	 loader_valid_id(struct loader *, const char *path, const char *id);
/* Room in p for n experts or actors (before loader_entity). */
void	 loader_room(struct loader *, bool actor, size_t n);
/* Parse an expert's or actor's text into the next place in p. */
void	 loader_entity(struct loader *, bool actor, const char *id,
	    const char *path, const char *text, size_t len);
/* The article read: its section order, a title at the least. */
void	 loader_article_done(struct loader *);
/* The profiles moved from p into b, sorted, their ids checked. */
void	 loader_profiles_done(struct loader *);
/* Both briefings freed (a failed load). */
void	 loader_drop(struct loader *);

/* briefing.md's text (or a lone file's, `plain`) into b. */
void	 load_main(struct briefing *, const char *path, const char *text,
	    size_t len, bool plain, struct diag_list *);
void	 load_timeline(struct briefing *, const char *path, const char *text,
	    size_t len, struct diag_list *);
/* The briefing's slug from its path: "content/x/" and "x.md.gz" give x. */
char	*base_slug(const char *path);

#endif
