/*
 * bench/gen: writes a synthetic briefing (briefing(5)) into a directory,
 * the same bytes for the same preset and seed on every machine.
 *
 *   bench/gen [--preset NAME] [--seed N] [--sections N] [--actors N]
 *             [--experts N] [--bytes N] [--depth N] [--lines N]
 *             [--stress-bytes N] DIR
 *   bench/gen --list
 *
 * The presets small, large and huge are what `make bench` measures; the
 * stress-* presets hold one pathological shape each, after a small
 * briefing, for work on the paths that grow faster than the input.
 */
#include "gen.h"

#include <dirent.h>
#include <errno.h>
#include <locale.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

enum stress {
	STRESS_NONE,
	STRESS_PARAGRAPH,	/* one paragraph of --lines lines */
	STRESS_QUOTES,		/* block quotes --depth deep */
	STRESS_EMPHASIS,	/* emphasis --depth deep over the alias "a" */
	STRESS_ALIAS,		/* "a a a ...", where "a" is an alias */
};

struct preset {
	const char	*name;
	size_t		 sections, actors, experts;
	uint64_t	 bytes;		/* all files, before the stress */
	enum stress	 stress;
	unsigned	 depth, lines;
	/* The stress's text; for ALIAS, the size of briefing.md. */
	uint64_t	 stress_bytes;
	const char	*what;
};

static const struct preset presets[] = {
	{ "small", 8, 30, 4, 40000, STRESS_NONE, 0, 0, 0,
	    "about 40 KB: a short briefing" },
	{ "large", 2000, 5000, 120, 20000000, STRESS_NONE, 0, 0, 0,
	    "about 20 MB: 2,000 sections, 5,000 actors" },
	{ "huge", 10000, 20000, 400, 100000000, STRESS_NONE, 0, 0, 0,
	    "about 100 MB: 10,000 sections, 20,000 actors" },
	{ "stress-paragraph", 8, 30, 4, 40000, STRESS_PARAGRAPH, 0, 40000, 0,
	    "small, then one paragraph of 40,000 lines (--lines)" },
	{ "stress-quotes", 8, 30, 4, 40000, STRESS_QUOTES, 40000, 0, 40000,
	    "small, then 40 KB of text in block quotes 40,000 deep (--depth)" },
	{ "stress-emphasis", 8, 30, 4, 40000, STRESS_EMPHASIS, 10000, 0,
	    1400000, "small, then 1.4 MB of emphasis 10,000 deep (--depth) "
	    "over the one-letter alias 'a'" },
	{ "stress-alias", 8, 30, 4, 40000, STRESS_ALIAS, 0, 0, 30u << 20,
	    "small, then \"a a a ...\" up to a 30 MiB briefing.md, where 'a' "
	    "is an alias" },
};

struct opts {
	struct preset	 p;
	uint64_t	 seed;
	const char	*dir;
};

/* A file of the briefing being written, and the bytes written so far. */
struct out {
	FILE		*f;
	char		*path;
	uint64_t	*total;
	uint64_t	 start;		/* *total when the file was opened */
	size_t		*files;
};

static void
out_open(struct out *o, const char *dir, const char *name, uint64_t *total,
    size_t *files)
{
	struct sbuf b = { NULL, 0, 0 };

	sb_printf(&b, "%s/%s", dir, name);
	o->path = b.p;
	if ((o->f = fopen(o->path, "w")) == NULL)
		die("%s: %s", o->path, strerror(errno));
	o->total = total;
	o->start = *total;
	o->files = files;
	(*files)++;
}

static void
out_put(struct out *o, struct sbuf *b)
{
	*o->total += b->n;
	sb_flush(b, o->f, o->path);
}

static void
out_close(struct out *o)
{
	if (fclose(o->f) != 0)
		die("%s: %s", o->path, strerror(errno));
	free(o->path);
}

/* ---- experts, actors, timeline ---------------------------------------- */

static const char *const relations[] = {
	"ally", "rival", "member of", "signatory", "hosted by", "funded by",
	"successor to", "neighbour", "headed by", "parent organisation",
	"located in", "mediator between", "союзник", "منافس", "協力者",
	"partenaire",
};

static void
aliases_yaml(struct sbuf *b, const struct entity *e)
{
	int i;

	if (e->naliases == 0)
		return;
	sb_puts(b, "aliases:\n");
	for (i = 0; i < e->naliases; i++) {
		sb_puts(b, "  - ");
		yaml_str(b, e->aliases[i]);
		sb_putc(b, '\n');
	}
}

/* Up to four other actors, each named once. */
static void
related_yaml(struct world *w, struct sbuf *b, const struct entity *self)
{
	const struct entity *seen[4];
	const struct entity *other;
	size_t n = 0, k, i, want = rng_below(&w->rng, 5);

	for (i = 0; i < want && w->cast.nactors > 1; i++) {
		other = &w->cast.actors[rng_below(&w->rng,
		    (uint32_t)w->cast.nactors)];
		for (k = 0; k < n && seen[k] != other; k++)
			;
		if (other == self || k < n)
			continue;
		if (n == 0)
			sb_puts(b, "related:\n");
		seen[n++] = other;
		sb_printf(b, "  %s: ", other->id);
		yaml_str(b, PICK(&w->rng, relations));
		sb_putc(b, '\n');
	}
}

static void
yaml_key(struct sbuf *b, const char *key, const char *value)
{
	sb_printf(b, "%s: ", key);
	yaml_str(b, value);
	sb_putc(b, '\n');
}

/* An expert's or an actor's file: front matter and a short profile. */
static void
write_entity(struct world *w, struct out *o, const struct entity *e,
    int expert)
{
	struct sbuf b = { NULL, 0, 0 };

	sb_puts(&b, "---\n");
	yaml_key(&b, "name", e->name);
	if (expert) {
		yaml_key(&b, "role", e->role);
		yaml_key(&b, "affiliation", e->affiliation);
	} else
		sb_printf(&b, "kind: %s\n", e->kind);
	aliases_yaml(&b, e);
	if (!expert)
		related_yaml(w, &b, e);
	sb_puts(&b, "---\n\n");
	w->self = e;
	text_profile(w, &b);
	if (expert && rng_chance(&w->rng, 300))
		text_quote(w, &b, e);
	w->self = NULL;
	out_put(o, &b);
	sb_free(&b);
}

/* experts/ID.md or actors/ID.md for each of n entities. */
static void
write_entities(struct world *w, const char *dir, const char *sub,
    const struct entity *v, size_t n, uint64_t *total, size_t *files)
{
	struct sbuf name = { NULL, 0, 0 };
	struct out o;
	size_t i;

	for (i = 0; i < n; i++) {
		name.n = 0;
		sb_printf(&name, "%s/%s.md", sub, v[i].id);
		out_open(&o, dir, name.p, total, files);
		write_entity(w, &o, &v[i], strcmp(sub, "experts") == 0);
		out_close(&o);
	}
	sb_free(&name);
}

/* Dated items from 1950 on, in order, one for every four sections. */
static void
write_timeline(struct world *w, const char *dir, size_t nsections,
    uint64_t *total, size_t *files)
{
	struct sbuf b = { NULL, 0, 0 };
	struct out o;
	size_t i, n = nsections / 4 < 8 ? 8 : nsections / 4;

	out_open(&o, dir, "timeline.md", total, files);
	sb_puts(&b, "---\ntitle: \"Timeline\"\n---\n\n");
	for (i = 0; i < n; i++) {
		text_timeline_item(w, &b, (int)(1950 + i * 76 / n));
		if (b.n > 65536)
			out_put(&o, &b);
	}
	out_put(&o, &b);
	out_close(&o);
	sb_free(&b);
}

/* ---- the article ------------------------------------------------------- */

static void
front_matter(struct sbuf *b, const struct opts *op)
{
	sb_printf(b, "---\ntitle: \"Synthetic briefing: %s\"\n", op->p.name);
	sb_printf(b, "subtitle: \"Generated by bench/gen with seed %llu — "
	    "«переговоры», المفاوضات, 交渉 🕊️\"\n",
	    (unsigned long long)op->seed);
	sb_puts(b, "date: 2026-01-15\ntags:\n  - synthetic\n  - benchmark\n"
	    "  - Евразия\n  - الطاقة\n  - 安全保障\nsource:\n"
	    "  title: \"A generated article\"\n"
	    "  publication: \"The Benchmark Review\"\n"
	    "  author: \"bench/gen\"\n  date: 2026-01-15\n"
	    "  url: \"https://example.org/briefing-bench\"\n---\n\n");
}

static void
overview(struct world *w, struct sbuf *b)
{
	size_t i, n = 0;

	text_paragraph(w, b, 80);
	sb_puts(b, "The argument runs in order:\n\n");
	for (i = 0; i < w->nheads && n < 10; i++)
		if (w->heads[i].level == 2)
			sb_printf(b, "%zu. [%s](section:%s)\n", ++n,
			    w->heads[i].title, w->heads[i].slug);
	sb_putc(b, '\n');
	text_paragraph(w, b, 50);
}

/* Blocks for each heading until the article has its share of the bytes;
 * shares vary from one to four times each other, a few much longer. */
static void
sections(struct world *w, struct out *o, struct sbuf *b, uint64_t budget)
{
	uint64_t *cum = xcalloc(w->nheads, sizeof *cum), sum = 0, start;
	size_t i, blocks;

	for (i = 0; i < w->nheads; i++) {
		sum += rng_range(&w->rng, 50, 200) *
		    (rng_chance(&w->rng, 20) ? 4 : 1);
		cum[i] = sum;
	}
	start = *o->total + b->n;
	for (i = 0; i < w->nheads; i++) {
		sb_printf(b, "%s %s\n\n", w->heads[i].level == 2 ? "##" : "###",
		    w->heads[i].title);
		/* One block at least, and a quote from an expert still due. */
		for (blocks = 0; blocks == 0 || (blocks == 1 &&
		    w->expert_next < w->cast.nexperts) ||
		    *o->total + b->n - start < budget * cum[i] / sum; blocks++) {
			if (blocks == 1 && w->expert_next < w->cast.nexperts)
				text_quote(w, b, world_next_expert(w));
			else
				text_block(w, b);
			if (b->n > 65536)
				out_put(o, b);
		}
	}
	free(cum);
}

/* ---- stress shapes, after the ordinary sections ------------------------ */

static void
stress_paragraph(struct world *w, struct out *o, struct sbuf *b,
    unsigned lines)
{
	unsigned i;

	sb_puts(b, "## A paragraph of many lines\n\n");
	/* A word found only here, on one line in ten, to search for. */
	for (i = 0; i < lines; i++) {
		if (i % 10 == 0)
			sb_puts(b, "Ledger ");
		text_line(w, b);
		if (b->n > 65536)
			out_put(o, b);
	}
	sb_putc(b, '\n');
}

static void
stress_quotes(struct world *w, struct out *o, struct sbuf *b,
    unsigned depth, uint64_t bytes)
{
	uint64_t start;
	unsigned i;

	sb_puts(b, "## Quotes within quotes\n\n");
	for (i = 0; i < depth; i++)
		sb_puts(b, "> ");
	sb_puts(b, "The innermost quote begins here, and its lines follow\n");
	start = *o->total + b->n;
	/* Lazy continuation lines: the paragraph stays at the full depth. */
	while (*o->total + b->n - start < bytes)
		text_line(w, b);
	sb_putc(b, '\n');
}

static void
stress_emphasis(struct out *o, struct sbuf *b, unsigned depth,
    uint64_t bytes)
{
	uint64_t start = *o->total + b->n;
	unsigned i;

	sb_puts(b, "## Emphasis within emphasis\n\n");
	while (*o->total + b->n - start < bytes) {
		for (i = 0; i < depth; i++)
			sb_puts(b, (i + 1) % 20 ? "*a " : "*a\n");
		for (i = 0; i < depth; i++)
			sb_puts(b, (i + 1) % 20 ? "a* " : "a*\n");
		sb_puts(b, "\n\n");
		if (b->n > 65536)
			out_put(o, b);
	}
}

/* Lines of "a a a ...", every word a mention, until briefing.md is
 * 'size' bytes long. */
static void
stress_letters(struct out *o, struct sbuf *b, uint64_t size)
{
	unsigned i, lines = 0;

	sb_puts(b, "## The letter a\n\n");
	while (*o->total - o->start + b->n + 80 < size) {
		for (i = 0; i < 39; i++)
			sb_puts(b, i < 38 ? "a " : "a\n");
		/* A paragraph of a hundred lines. */
		if (++lines % 100 == 0)
			sb_putc(b, '\n');
		if (b->n > 65536)
			out_put(o, b);
	}
	sb_putc(b, '\n');
}

static void
write_article(struct world *w, const struct opts *op, uint64_t *total,
    size_t *files)
{
	const struct preset *p = &op->p;
	struct sbuf b = { NULL, 0, 0 };
	uint64_t budget, used = *total;
	struct out o;

	out_open(&o, op->dir, "briefing.md", total, files);
	/* Every actor and expert is named or quoted in the article. */
	world_restart(w);
	front_matter(&b, op);
	overview(w, &b);
	budget = p->bytes > used + b.n ? p->bytes - used - b.n : 0;
	sections(w, &o, &b, budget);
	if (p->stress == STRESS_PARAGRAPH)
		stress_paragraph(w, &o, &b, p->lines);
	else if (p->stress == STRESS_QUOTES)
		stress_quotes(w, &o, &b, p->depth, p->stress_bytes);
	else if (p->stress == STRESS_EMPHASIS)
		stress_emphasis(&o, &b, p->depth, p->stress_bytes);
	else if (p->stress == STRESS_ALIAS)
		stress_letters(&o, &b, p->stress_bytes);
	out_put(&o, &b);
	out_close(&o);
	sb_free(&b);
}

/* ---- the command line --------------------------------------------------- */

static void
usage(void)
{
	fputs("usage: gen [--preset NAME] [--seed N] [--sections N] "
	    "[--actors N]\n           [--experts N] [--bytes N] [--depth N] "
	    "[--lines N]\n           [--stress-bytes N] DIR\n       gen --list\n", stderr);
	exit(2);
}

static void
list(void)
{
	size_t i;

	for (i = 0; i < sizeof presets / sizeof presets[0]; i++)
		printf("%-18s %s\n", presets[i].name, presets[i].what);
	exit(0);
}

static uint64_t
number(const char *opt, const char *s)
{
	char *end;
	unsigned long long v;

	errno = 0;
	v = strtoull(s, &end, 10);
	if (s[0] < '0' || s[0] > '9' || *end != '\0' || errno != 0)
		die("%s: not a number: %s", opt, s);
	return v;
}

static const struct preset *
find_preset(const char *name)
{
	size_t i;

	for (i = 0; i < sizeof presets / sizeof presets[0]; i++)
		if (strcmp(presets[i].name, name) == 0)
			return &presets[i];
	die("no preset '%s' (gen --list names them)", name);
}

static void
parse(int argc, char **argv, struct opts *op)
{
	const char *o, *v;
	int i;

	op->p = presets[0];
	op->seed = 1;
	op->dir = NULL;
	for (i = 1; i < argc; i++) {
		o = argv[i];
		if (strcmp(o, "--list") == 0)
			list();
		if (strncmp(o, "--", 2) != 0) {
			if (op->dir != NULL)
				usage();
			op->dir = o;
			continue;
		}
		if (i + 1 >= argc)
			usage();
		v = argv[++i];
		if (strcmp(o, "--preset") == 0)
			op->p = *find_preset(v);
		else if (strcmp(o, "--seed") == 0)
			op->seed = number(o, v);
		else if (strcmp(o, "--sections") == 0)
			op->p.sections = (size_t)number(o, v);
		else if (strcmp(o, "--actors") == 0)
			op->p.actors = (size_t)number(o, v);
		else if (strcmp(o, "--experts") == 0)
			op->p.experts = (size_t)number(o, v);
		else if (strcmp(o, "--bytes") == 0)
			op->p.bytes = number(o, v);
		else if (strcmp(o, "--depth") == 0)
			op->p.depth = (unsigned)number(o, v);
		else if (strcmp(o, "--stress-bytes") == 0)
			op->p.stress_bytes = number(o, v);
		else if (strcmp(o, "--lines") == 0)
			op->p.lines = (unsigned)number(o, v);
		else
			usage();
	}
	if (op->dir == NULL)
		usage();
}

/* DIR, new or empty, with experts/ and actors/ in it. */
static void
make_dirs(const char *dir)
{
	struct sbuf b = { NULL, 0, 0 };
	struct dirent *de;
	DIR *d;

	if (mkdir(dir, 0777) != 0 && errno != EEXIST)
		die("%s: %s", dir, strerror(errno));
	if ((d = opendir(dir)) == NULL)
		die("%s: %s", dir, strerror(errno));
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") != 0 && strcmp(de->d_name, "..") != 0)
			die("%s: not empty", dir);
	closedir(d);
	sb_printf(&b, "%s/experts", dir);
	if (mkdir(b.p, 0777) != 0)
		die("%s: %s", b.p, strerror(errno));
	b.n = 0;
	sb_printf(&b, "%s/actors", dir);
	if (mkdir(b.p, 0777) != 0)
		die("%s: %s", b.p, strerror(errno));
	sb_free(&b);
}

int
main(int argc, char **argv)
{
	struct opts op;
	struct world w;
	uint64_t total = 0;
	size_t files = 0, i, nsub;

	/* Slugs keep the letters iswalnum() knows, as the reader's do. */
	if (setlocale(LC_CTYPE, "C.UTF-8") == NULL &&
	    setlocale(LC_CTYPE, "C.utf8") == NULL)
		die("the C.UTF-8 locale is missing");
	parse(argc, argv, &op);
	make_dirs(op.dir);
	world_init(&w, op.seed, op.p.actors, op.p.experts);
	if (op.p.stress == STRESS_EMPHASIS || op.p.stress == STRESS_ALIAS) {
		cast_add_letter_alias(&w.cast);
		world_restart(&w);	/* the new actor is due too */
	}
	world_headings(&w, op.p.sections);
	write_entities(&w, op.dir, "experts", w.cast.experts, w.cast.nexperts,
	    &total, &files);
	write_entities(&w, op.dir, "actors", w.cast.actors, w.cast.nactors,
	    &total, &files);
	write_timeline(&w, op.dir, op.p.sections, &total, &files);
	write_article(&w, &op, &total, &files);
	for (i = nsub = 0; i < w.nheads; i++)
		nsub += w.heads[i].level == 3;
	printf("%s: preset %s, seed %llu: %zu sections and %zu subsections, "
	    "%zu actors, %zu experts, %llu bytes in %zu files\n", op.dir,
	    op.p.name, (unsigned long long)op.seed, w.nheads - nsub, nsub,
	    w.cast.nactors, w.cast.nexperts, (unsigned long long)total, files);
	world_free(&w);
	return 0;
}
