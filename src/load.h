/*
 * load: files -> model. Reads a briefing directory (briefing.md,
 * experts/ID.md, actors/ID.md, timeline.md), a single Markdown file, or a
 * stream such as standard input; parses front matter with libyaml
 * (frontmatter.h) and bodies with cmark (mdfile.h), and splits the article
 * into sections at its headings (outline.h). Never prints, never exits:
 * problems go into the diagnostics list.
 *
 * Content is untrusted, so what is read is bounded:
 * - Nothing outside a briefing directory is read. Its files are opened
 *   through confine.h: a symbolic link is followed only while it stays
 *   inside the directory (actors/ and experts/ too), and only regular
 *   files are opened, never a device, FIFO or socket. Each file refused
 *   is an error naming it.
 * - The files of one briefing may hold LOAD_BUDGET bytes in all, counted
 *   after gzip, each file costing LOAD_FILE_COST bytes more than its size
 *   (so that a million tiny files cannot take gigabytes either). Past the
 *   budget, a DIAG_FATAL and nothing is loaded.
 * - A file with a NUL byte, or whose bytes are mostly (a quarter) invalid
 *   UTF-8, is "not a text file": fatal for the article, an error that
 *   skips an expert's, an actor's or the timeline's file. Lines with
 *   invalid UTF-8 are errors (textfile.h); cmark shows the bytes as
 *   U+FFFD.
 * - A lone Markdown file and a stream may be gzip data (.md.gz), inflated
 *   under the same budget; files in a directory are read as they are.
 * - Ids are [a-z0-9-] of at most LOAD_MAX_ID bytes; other entities are
 *   skipped with an error. A name or an alias needs a letter or a digit:
 *   one without (empty, blanks, punctuation) would turn each such
 *   character of the text into a reference, so it is an error and not
 *   used (a name falls back to the id). A single-character name or alias
 *   is a warning. Names longer than LOAD_MAX_NAME bytes are cut.
 */
#ifndef BRIEFING_LOAD_H
#define BRIEFING_LOAD_H

#include "diag.h"
#include "model.h"

/*
 * Bytes of text one briefing may hold in all. A generated briefing of
 * 100 MB, with 10,000 sections and 20,000 actors, loads; memory stays
 * some tens of times the text (cmark trees, the mention index, layout).
 */
#define LOAD_BUDGET	((size_t)256 << 20)
/* What each file costs beyond its bytes. */
#define LOAD_FILE_COST	1024
/* Longer names of experts and actors are cut (and said to be). */
#define LOAD_MAX_NAME	256
/* Longer ids are refused. */
#define LOAD_MAX_ID	256

/*
 * Load a directory or a Markdown file (plain or gzip'd). Returns NULL
 * when nothing could be loaded (a DIAG_FATAL is then in the list);
 * otherwise a briefing, with warnings and errors (wrong types, bad ids,
 * duplicates, refused files) in the list.
 */
struct briefing *briefing_load(const char *path, struct diag_list *);

/*
 * The same in steps, so that a reader can show the article while the
 * rest is read. load_begin reads the article (briefing.md and
 * timeline.md, or the one file) and lists the experts' and actors' files;
 * NULL as briefing_load. Until load_end the briefing (load_job_briefing)
 * has no expert and no actor. load_step reads up to `files` of those
 * files (0: all) and is true once none is left. load_end frees the job
 * and returns the briefing, the experts and actors moved in, sorted by
 * id; *failed when a DIAG_FATAL came (over the budget) and they were
 * not: the article is then the caller's to free.
 */
struct load_job;

struct load_job *load_begin(const char *path, struct diag_list *);
const struct briefing *load_job_briefing(const struct load_job *);
bool	 load_step(struct load_job *, size_t files);
/* Files of experts and actors read so far, and in all. */
void	 load_progress(const struct load_job *, size_t *read, size_t *total);
struct briefing *load_end(struct load_job *, bool *failed);

/*
 * Load one Markdown file, plain or gzip'd, from a descriptor read to its
 * end (standard input, a pipe); `name` names it in diagnostics ("-" for
 * standard input, whose briefing then has the slug "stdin"). The
 * descriptor is not closed. Returns NULL as briefing_load does.
 */
struct briefing *briefing_load_fd(int fd, const char *name,
	    struct diag_list *);

/*
 * The same from memory, for tests and fuzzing: main_md is briefing.md;
 * experts and actors are NULL-terminated arrays of id, text pairs (either
 * may be NULL); timeline may be NULL. Diagnostics name the files as they
 * would be named in a directory ("briefing.md", "experts/ID.md").
 * With plain set, main_md is a lone Markdown file, not a briefing.md.
 * The same rules hold as for files: the budget, text, ids, names.
 * Returns NULL (with a DIAG_FATAL) when main_md is not text or the whole
 * is over the budget.
 */
struct briefing *briefing_load_strings(const char *main_md,
	    const char *const *experts, const char *const *actors,
	    const char *timeline, bool plain, struct diag_list *);

#endif
