/*
 * frontmatter: the YAML block between a first line `---` and the next
 * `---` line (lines may end in LF, CRLF or a lone CR), parsed with
 * libyaml into typed fields. A struct fm owns the libyaml document,
 * composed in one pass over the parser's events that stops past
 * FM_MAX_DEPTH levels of nesting; YAML aliases share the anchored node,
 * never copy it. Typed getters report wrong types as diagnostics with the
 * file line and column of the offending value. A key given twice in a
 * mapping is a warning, and the last one counts; a NUL ("\0") in a
 * string ends it, with a warning. Unknown keys are kept in the document
 * and ignored. Plain C.
 */
#ifndef BRIEFING_FRONTMATTER_H
#define BRIEFING_FRONTMATTER_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"
#include "model.h"

struct fm;

/* Where the front matter of a file lies; all offsets are into the text. */
struct fm_span {
	bool	present;	/* the file starts with a `---` line */
	bool	closed;		/* a closing `---` (or `...`) line was found */
	size_t	yaml_start;	/* first byte of the YAML */
	size_t	yaml_len;
	size_t	end;		/* first byte after the closing line */
	int	yaml_line;	/* file line of the first YAML line (2) */
};

void	 fm_split(const char *text, size_t len, struct fm_span *);

/*
 * Parse YAML text that starts at file line `line`. Returns NULL on a
 * syntax error or when the top level is not a mapping (a DIAG_ERROR is
 * added); an empty text gives an empty mapping.
 */
struct fm *fm_parse(const char *yaml, size_t len, const char *file, int line,
	    struct diag_list *);
void	 fm_free(struct fm *);	/* accepts NULL */

/* The getters take a NULL struct fm as an empty one: FM_ABSENT. */
enum fm_status {
	FM_ABSENT,	/* no such key, or a null value */
	FM_OK,
	FM_WRONG	/* present with the wrong type: a diagnostic was added */
};

/* A scalar (string, number, date) as a new string in *out. */
enum fm_status fm_get_string(const struct fm *, const char *key, char **out,
	    struct diag_list *);
/* true/false/yes/no/on/off. */
enum fm_status fm_get_bool(const struct fm *, const char *key, bool *out,
	    struct diag_list *);
/* A sequence of scalars, appended to out. */
enum fm_status fm_get_strlist(const struct fm *, const char *key,
	    struct strlist *out, struct diag_list *);
/* A nested mapping, as a struct fm that borrows the document. */
enum fm_status fm_get_map(const struct fm *, const char *key,
	    struct fm **out, struct diag_list *);

/* One key/value pair of a mapping of scalars to scalars (or to lists). */
struct fm_pair {
	char	*key;
	char	*value;		/* a list of scalars is joined with ", " */
	int	 line, col;	/* position of the key */
};

/* The pairs of a mapping-valued key, in file order; *out owned by caller. */
enum fm_status fm_get_pairs(const struct fm *, const char *key,
	    struct fm_pair **out, size_t *n, struct diag_list *);
void	 fm_pairs_free(struct fm_pair *, size_t);

/* File line and column of a key (0, 0 when absent or when fm is NULL). */
void	 fm_key_pos(const struct fm *, const char *key, int *line, int *col);
/* File line and column of item i of a list-valued key (0, 0 when none). */
void	 fm_item_pos(const struct fm *, const char *key, size_t i, int *line,
	    int *col);

#endif
