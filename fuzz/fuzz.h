/*
 * fuzz: what the libFuzzer targets share. An input is read as a stream
 * of bytes (struct fin) from which parameters are taken, and a whole
 * briefing comes from an in-memory archive of files:
 *
 *   ARTICLE \0 FILE \0 FILE ... [\0\0 REST]
 *
 * ARTICLE is briefing.md. Each FILE starts with a letter saying what it
 * is and the rest of its first line is its id: "eID\n..." an expert,
 * "aID\n..." an actor, "t\n..." the timeline (the last one counts). A
 * file of another letter is skipped. An empty file (two NULs in a row)
 * ends the archive; what follows is the target's own (the reader's keys).
 * Files are NUL-terminated strings, as briefing_load_strings takes them,
 * so a NUL can only end one. fuzz/mkseeds.sh writes briefing directories
 * in this format.
 *
 * The checks (fuzz_check_*) abort on a broken promise of a header, so
 * that libFuzzer reports it as a crash with the input.
 */
#ifndef BRIEFING_FUZZ_H
#define BRIEFING_FUZZ_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "diag.h"
#include "model.h"
#include "typeset.h"
#include "xref.h"

/* At most this many experts and as many actors from one input. */
#define FUZZ_MAX_ENTITIES 64

/* The rest of an input, consumed from the front. */
struct fin {
	const uint8_t	*p;
	size_t		 n;
};

/* A byte, or 0 when none is left. */
uint8_t	 fin_byte(struct fin *);
/* A number from lo to hi (inclusive) out of one byte. */
int	 fin_range(struct fin *, int lo, int hi);
/* Two bytes, big-endian, or less at the end. */
unsigned fin_u16(struct fin *);

/* An archive cut into its files; owns copies of their texts. */
struct archive {
	char	*article;
	char	*timeline;	/* NULL when none */
	char	**experts;	/* id, text, ..., NULL */
	char	**actors;	/* id, text, ..., NULL */
	size_t	 nexperts, nactors;
	char	**owned;	/* everything above, to free */
	size_t	 nowned;
	struct fin rest;	/* after the \0\0 that ends it; n = 0 when none */
};

void	 archive_read(struct archive *, struct fin *);
void	 archive_free(struct archive *);
/* briefing_load_strings over the archive; NULL as it returns. */
struct briefing *archive_load(const struct archive *, bool plain,
	    struct diag_list *);

/* Abort with a message when cond is false: a finding. */
#define FUZZ_ASSERT(cond) \
	((cond) ? (void)0 : fuzz_fail(__FILE__, __LINE__, #cond))
void	 fuzz_fail(const char *file, int line, const char *what)
	    __attribute__((noreturn));

/*
 * Text that typeset or textsafe gave: valid UTF-8, no C0 or C1 control,
 * no DEL; and, with ASCII output on, no byte above 0x7F.
 */
void	 fuzz_check_safe(const char *s, size_t len);
/* Every line of a layout: safe spans whose widths add up, within width. */
void	 fuzz_check_layout(const struct layout *);
/* The bytes of a line: its spans' put together. */
size_t	 fuzz_line_bytes(const struct line *);
/* One line within `width` columns (0: no bound), its spans safe. */
void	 fuzz_check_line(const struct line *, int width);
/* The index: mentions in order, inside their nodes, entities' lists valid. */
void	 fuzz_check_xref(const struct briefing *, const struct xref *);

#endif
