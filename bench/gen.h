/*
 * bench/gen.h: the parts of the synthetic briefing generator (bench/gen).
 * Included by the generator's own files only, never by src/.
 *
 * gen_util.c owns the random numbers, byte buffers and string sets;
 * gen_names.c builds the experts and actors (names, aliases, ids);
 * gen_text.c writes prose, lists, quotes and headings into buffers;
 * gen.c reads the command line and writes the files of one briefing.
 * Everything is deterministic for a seed: integer arithmetic only.
 */
#ifndef BENCH_GEN_H
#define BENCH_GEN_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

/* ---- gen_util.c ------------------------------------------------------ */

struct rng {
	uint64_t	 s;
};

void		 rng_seed(struct rng *, uint64_t);
uint64_t	 rng_next(struct rng *);
/* Uniform in [0, n); n > 0. */
uint32_t	 rng_below(struct rng *, uint32_t n);
/* Uniform in [lo, hi]. */
uint32_t	 rng_range(struct rng *, uint32_t lo, uint32_t hi);
/* True with probability per_mille / 1000. */
int		 rng_chance(struct rng *, unsigned per_mille);
/* Skewed towards 0: the least of three draws, for popular names. */
uint32_t	 rng_skewed(struct rng *, uint32_t n);
#define PICK(r, table) ((table)[rng_below((r), \
	(uint32_t)(sizeof(table) / sizeof((table)[0])))])

/* A growable byte buffer, always NUL-terminated. */
struct sbuf {
	char		*p;
	size_t		 n, cap;
};

void		 sb_add(struct sbuf *, const char *, size_t);
void		 sb_puts(struct sbuf *, const char *);
void		 sb_putc(struct sbuf *, char);
void		 sb_printf(struct sbuf *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
void		 sb_free(struct sbuf *);
/* Writes the buffer to f and empties it; exits on a write error. */
void		 sb_flush(struct sbuf *, FILE *f, const char *path);

void		*xmalloc(size_t);
void		*xcalloc(size_t, size_t);
void		*xrealloc(void *, size_t);
char		*xstrdup(const char *);
void		 die(const char *, ...) __attribute__((format(printf, 1, 2),
		    noreturn));

/* A set of strings (owned copies), for names, ids and slugs used once. */
struct strset {
	char		**v;
	size_t		 n, cap;
};

int		 strset_has(const struct strset *, const char *);
/* Adds s; returns 0 when it was already there. */
int		 strset_add(struct strset *, const char *);
void		 strset_free(struct strset *);

/* ---- gen_names.c ----------------------------------------------------- */

/* Scripts a name's native spelling or a paragraph is written in. */
enum script {
	SCRIPT_LATIN,		/* English with accented words */
	SCRIPT_ACCENTED,	/* French, Polish, Czech, ... */
	SCRIPT_CYRILLIC,
	SCRIPT_ARABIC,
	SCRIPT_CJK,
	SCRIPT__N
};

#define ENTITY_MAX_ALIASES 3

struct entity {
	char		*id;
	char		*name;
	char		*aliases[ENTITY_MAX_ALIASES];
	int		 naliases;
	char		*native;	/* the alias in 'script', or NULL */
	enum script	 script;
	const char	*kind;		/* actors: state, group, ... */
	const char	*role;		/* experts */
	const char	*affiliation;	/* experts */
};

struct cast {
	struct entity	*actors, *experts;
	size_t		 nactors, nexperts;
	struct strset	 forms;		/* every name and alias */
	struct strset	 ids;
};

/* Makes n actors and m experts with unique ids, names and aliases. */
void		 cast_make(struct cast *, struct rng *, size_t nactors,
		    size_t nexperts);
/* The actor "Aster" with the one-letter alias "a" (stress presets). */
void		 cast_add_letter_alias(struct cast *);
void		 cast_free(struct cast *);
/* Lower case ASCII and '-' only: a valid briefing id from any text. */
char		*id_from(const char *ascii);

/* ---- gen_text.c ------------------------------------------------------ */

/* A section or subsection heading and its id. */
struct heading {
	char		*title;
	char		*slug;
	int		 level;		/* 2 or 3 */
};

/* What prose draws on, and where the next mentions are due. */
struct world {
	struct rng	 rng;
	struct cast	 cast;
	struct heading	*heads;
	size_t		 nheads;
	/* Every actor and expert once, in a shuffled order, before repeats. */
	uint32_t	*actor_order, *expert_order;
	size_t		 actor_next, expert_next;
	int		 words_to_mention;	/* plain mention countdown */
	int		 words_to_link;		/* explicit link countdown */
	int		 mention_mean;		/* words per plain mention */
	const struct entity *self;	/* the profile being written */
	int		 quoting;	/* no expert: link inside a quote */
};

void		 world_init(struct world *, uint64_t seed, size_t nactors,
		    size_t nexperts);
void		 world_free(struct world *);
/* Every actor and expert due once more, in a new order. */
void		 world_restart(struct world *);
/* Makes n section titles, some with subsections, all slugs unique. */
void		 world_headings(struct world *, size_t nsections);
/* The GitHub-style slug the reader derives from a heading. */
char		*slug_of(const char *title);

/* Blocks, each ending with a blank line. */
void		 text_paragraph(struct world *, struct sbuf *, int words);
void		 text_block(struct world *, struct sbuf *);
void		 text_quote(struct world *, struct sbuf *,
		    const struct entity *expert);
/* The next expert due a quote: each once, then the popular ones. */
const struct entity *world_next_expert(struct world *);
/* One timeline item for a year. */
void		 text_timeline_item(struct world *, struct sbuf *, int year);
/* One English sentence on a line of its own, as a line of a paragraph. */
void		 text_line(struct world *, struct sbuf *);
/* A short profile of an actor or expert: one to three paragraphs. */
void		 text_profile(struct world *, struct sbuf *);
/* Double-quoted YAML: the generator's strings hold no '"' or '\\'. */
void		 yaml_str(struct sbuf *, const char *);
/* Adds the prose vocabulary, in lower case: no name may be one of them. */
void		 text_reserve_words(struct strset *);

#endif
