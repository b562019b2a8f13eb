#include "load.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "frontmatter.h"
#include "util.h"

#define CMARK_OPTS (CMARK_OPT_SOURCEPOS | CMARK_OPT_VALIDATE_UTF8)

/*
 * No file is read past this: hand-written briefings are kilobytes, and a
 * bound keeps a link to /dev/zero or a runaway file from eating memory
 * (layout and the mention index cost some tens of times the text).
 */
#define LOAD_MAX_BYTES	(32 * 1024 * 1024)
#define LOAD_MAX_TEXT	"32 MiB"

/* Longer names of experts and actors are cut (and said to be). */
#define LOAD_MAX_NAME	256

/* One Markdown file: its front matter and its whole cmark document. */
struct mdfile {
	char		*path;	/* for diagnostics */
	struct fm	*fm;	/* NULL when absent or broken */
	cmark_node	*doc;
	bool		 autolink;
	bool		 fm_broken;	/* present but unusable: said once already */
};

static void
mdfile_free(struct mdfile *m)
{
	fm_free(m->fm);
	model_doc_free(m->doc);
	free(m->path);
	memset(m, 0, sizeof *m);
}

/*
 * Join each run of TEXT nodes, and of TEXT nodes across soft breaks, into
 * one TEXT node ("\n" where the soft break was), so that a name wrapped
 * over two source lines, or split by cmark at a bracket or an entity, is
 * still one piece of text for the mention matcher. Layout shows the "\n"
 * as the space a soft break is.
 */
static void
join_text(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	cmark_node *n, *next, *after;
	struct text_lines *tl = NULL;
	size_t cap = 0;
	struct buf b;
	bool joined;

	buf_init(&b);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev != CMARK_EVENT_ENTER ||
		    cmark_node_get_type(n) != CMARK_NODE_TEXT)
			continue;
		buf_reset(&b);
		buf_adds(&b, cmark_node_get_literal(n));
		joined = false;
		while ((next = cmark_node_next(n)) != NULL) {
			if (cmark_node_get_type(next) == CMARK_NODE_TEXT) {
				buf_adds(&b, cmark_node_get_literal(next));
				cmark_node_free(next);
			} else if (cmark_node_get_type(next) ==
			    CMARK_NODE_SOFTBREAK &&
			    (after = cmark_node_next(next)) != NULL &&
			    cmark_node_get_type(after) == CMARK_NODE_TEXT &&
			    !model_is_attribution(cmark_node_get_literal(after),
			    strlen(cmark_node_get_literal(after)))) {
				buf_addc(&b, '\n');
				if (tl == NULL || tl->n == cap) {
					cap = cap ? cap * 2 : 4;
					tl = xrealloc(tl, sizeof *tl +
					    cap * sizeof tl->v[0]);
					if (cap == 4)
						tl->n = 0;
				}
				tl->v[tl->n].off = b.len;
				tl->v[tl->n].col =
				    cmark_node_get_start_column(after);
				tl->n++;
				buf_adds(&b, cmark_node_get_literal(after));
				cmark_node_free(next);
				cmark_node_free(after);
			} else
				break;
			joined = true;
		}
		if (joined) {
			cmark_node_set_literal(n, b.data);
			cmark_node_set_user_data(n, tl);
			tl = NULL;
			cap = 0;
			/* The iterator computed its next step from the old
			 * siblings: set it again from here (reset steps). */
			cmark_iter_reset(it, n, CMARK_EVENT_ENTER);
		}
	}
	buf_free(&b);
	cmark_iter_free(it);
}

/*
 * Parse text as front matter + CommonMark. The front matter is blanked to
 * newlines rather than cut, so cmark's line numbers are the file's.
 */
static void
mdfile_parse(struct mdfile *m, const char *path, const char *text, size_t len,
    struct diag_list *dl)
{
	struct fm_span sp;
	char *copy;
	size_t i;

	memset(m, 0, sizeof *m);
	m->path = xstrdup(path);
	m->autolink = true;
	fm_split(text, len, &sp);
	if (sp.present && !sp.closed) {
		diag_add(dl, DIAG_ERROR, path, 1, 1,
		    "front matter has no closing '---' line");
		sp.present = false;	/* read it all as Markdown */
		m->fm_broken = true;
	}
	copy = xmalloc(len + 1);
	memcpy(copy, text, len);
	copy[len] = '\0';
	if (sp.present) {
		m->fm = fm_parse(text + sp.yaml_start, sp.yaml_len, path,
		    sp.yaml_line, dl);
		m->fm_broken = m->fm == NULL;
		for (i = 0; i < sp.end; i++)
			if (copy[i] != '\n')
				copy[i] = ' ';
		if (m->fm != NULL)
			fm_get_bool(m->fm, "autolink", &m->autolink, dl);
	}
	m->doc = cmark_parse_document(copy, len, CMARK_OPTS);
	free(copy);
	if (m->doc == NULL)
		util_fatal("cmark could not parse %s", path);
	join_text(m->doc);
}

/* Front-matter string getters that tolerate a missing front matter. */
static void
get_string(const struct mdfile *m, const char *key, char **out,
    struct diag_list *dl)
{
	if (m->fm != NULL)
		fm_get_string(m->fm, key, out, dl);
}

static void
get_list(const struct mdfile *m, const char *key, struct strlist *out,
    struct diag_list *dl)
{
	if (m->fm != NULL)
		fm_get_strlist(m->fm, key, out, dl);
}

/* The file line of a front-matter key, for later diagnostics. */
static void
key_line(const struct mdfile *m, const char *key, int *line)
{
	int col;

	*line = 0;
	if (m->fm != NULL)
		fm_key_pos(m->fm, key, line, &col);
}

/* Plain text of an inline container (a heading), soft breaks as spaces. */
static char *
inline_text(cmark_node *node)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	cmark_node *n;
	const char *lit;
	struct buf b;

	buf_init(&b);
	buf_add(&b, "", 0);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		if (ev != CMARK_EVENT_ENTER)
			continue;
		n = cmark_iter_get_node(it);
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
			if ((lit = cmark_node_get_literal(n)) == NULL)
				break;
			/* Joined soft breaks ("\n") read as spaces. */
			for (; *lit != '\0'; lit++)
				buf_addc(&b, *lit == '\n' ? ' ' : *lit);
			break;
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
			buf_addc(&b, ' ');
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
	return buf_release(&b);
}

static void
body_init(struct body *body, const char *path, bool autolink)
{
	body->doc = cmark_node_new(CMARK_NODE_DOCUMENT);
	body->file = xstrdup(path);
	body->autolink = autolink;
}

/*
 * The section ids given so far, hashed: a briefing may hold thousands of
 * headings with the same text, and each must find its free "-k" without
 * scanning every earlier section. Each entry keeps the next k to try when
 * its id comes again as a base.
 */
struct slugset {
	struct slugent {
		char	*id;	/* NULL: free slot */
		int	 next;
	}	*v;
	size_t	 cap;		/* a power of two, or 0 */
	size_t	 n;
};

static size_t
slug_hash(const char *s)
{
	size_t h = 2166136261u;

	for (; *s != '\0'; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

static struct slugent *
slugset_find(const struct slugset *set, const char *id)
{
	size_t i;

	if (set->cap == 0)
		return NULL;
	for (i = slug_hash(id) & (set->cap - 1); set->v[i].id != NULL;
	    i = (i + 1) & (set->cap - 1))
		if (strcmp(set->v[i].id, id) == 0)
			return &set->v[i];
	return NULL;
}

/* Add an id not in the set yet; the set takes a copy. */
static void
slugset_add(struct slugset *set, const char *id)
{
	struct slugent *old = set->v;
	size_t oldcap = set->cap, i, j;

	if (2 * (set->n + 1) > set->cap) {
		set->cap = oldcap == 0 ? 64 : 2 * oldcap;
		set->v = xcalloc(set->cap, sizeof *set->v);
		for (i = 0; i < oldcap; i++) {
			if (old[i].id == NULL)
				continue;
			for (j = slug_hash(old[i].id) & (set->cap - 1);
			    set->v[j].id != NULL; j = (j + 1) & (set->cap - 1))
				;
			set->v[j] = old[i];
		}
		free(old);
	}
	for (i = slug_hash(id) & (set->cap - 1); set->v[i].id != NULL;
	    i = (i + 1) & (set->cap - 1))
		;
	set->v[i].id = xstrdup(id);
	set->v[i].next = 1;
	set->n++;
}

static void
slugset_free(struct slugset *set)
{
	size_t i;

	for (i = 0; i < set->cap; i++)
		free(set->v[i].id);
	free(set->v);
}

/* A slug not yet used by an earlier section: GitHub appends -1, -2, ... */
static char *
unique_slug(struct slugset *used, const char *title, const char *path,
    int line, struct diag_list *dl)
{
	struct slugent *e;
	char *base = model_slug(title), *s;
	int k;

	if (*base == '\0') {
		free(base);
		base = xstrdup("section");
	}
	if ((e = slugset_find(used, base)) == NULL) {
		slugset_add(used, base);
		return base;
	}
	/* Ids only ever get added: the k tried before are still taken. */
	for (k = e->next;; k++) {
		s = xasprintf("%s-%d", base, k);
		if (slugset_find(used, s) == NULL)
			break;
		free(s);
	}
	e->next = k + 1;
	slugset_add(used, s);
	diag_add(dl, DIAG_WARNING, path, line, 1,
	    "duplicate section id '%s': this one is '%s'", base, s);
	free(base);
	return s;
}

static struct section *
add_section(struct briefing *b, size_t *cap, struct slugset *used,
    const char *title, int level, int line, const char *path, bool autolink,
    struct diag_list *dl)
{
	struct section *s;
	size_t i;

	ARRAY_RESERVE(b->sections, *cap, b->nsections + 1);
	s = &b->sections[b->nsections];
	memset(s, 0, sizeof *s);
	if (level == 1) {
		s->id = xstrdup("overview");
		if (slugset_find(used, s->id) == NULL)
			slugset_add(used, s->id);
	} else
		s->id = unique_slug(used, title, path, line, dl);
	s->title = xstrdup(title);
	s->level = level;
	s->line = line;
	s->parent = MODEL_NONE;
	/* The section before is the parent, or a sibling that knows it. */
	if (level == 3 && (i = b->nsections) > 0)
		s->parent = b->sections[i - 1].level == 2 ? i - 1 :
		    b->sections[i - 1].parent;
	body_init(&s->body, path, autolink);
	b->nsections++;
	return s;
}

/*
 * The heading level that starts sections. A briefing.md uses ##. A plain
 * Markdown file uses its shallowest heading level, once a lone leading #
 * title is set aside, so notes written with # sections work too.
 */
static int
section_level(cmark_node *doc, bool plain, cmark_node *title)
{
	cmark_node *n;
	int lvl, min = 7;

	if (!plain)
		return 2;
	for (n = cmark_node_first_child(doc); n; n = cmark_node_next(n)) {
		if (n == title || cmark_node_get_type(n) != CMARK_NODE_HEADING)
			continue;
		lvl = cmark_node_get_heading_level(n);
		if (lvl < min)
			min = lvl;
	}
	return min == 7 ? 2 : min;
}

/* A leading level-1 heading that is the only one: the document's title. */
static cmark_node *
title_heading(cmark_node *doc)
{
	cmark_node *first = cmark_node_first_child(doc), *n;

	if (first == NULL || cmark_node_get_type(first) != CMARK_NODE_HEADING ||
	    cmark_node_get_heading_level(first) != 1)
		return NULL;
	for (n = cmark_node_next(first); n; n = cmark_node_next(n))
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    cmark_node_get_heading_level(n) == 1)
			return NULL;
	return first;
}

/* Move the article's blocks into sections, one cmark document each. */
static void
split_sections(struct briefing *b, struct mdfile *m, bool plain,
    struct diag_list *dl)
{
	cmark_node *title, *n, *next;
	struct section *cur = NULL;
	struct slugset used = { NULL, 0, 0 };
	size_t cap = 0;
	int slevel, lvl;
	char *text;

	title = title_heading(m->doc);
	slevel = section_level(m->doc, plain, title);
	if (title != NULL) {
		text = inline_text(title);
		if (b->title == NULL)
			b->title = text;
		else
			free(text);
		model_doc_free(title);	/* unlinks it */
	}
	for (n = cmark_node_first_child(m->doc); n != NULL; n = next) {
		next = cmark_node_next(n);
		if (cmark_node_get_type(n) == CMARK_NODE_HEADING &&
		    (lvl = cmark_node_get_heading_level(n)) <= slevel + 1) {
			text = inline_text(n);
			cur = add_section(b, &cap, &used, text,
			    lvl <= slevel ? 2 : 3, cmark_node_get_start_line(n),
			    m->path, m->autolink, dl);
			free(text);
			model_doc_free(n);
			continue;
		}
		if (cur == NULL)
			cur = add_section(b, &cap, &used, "Overview", 1,
			    cmark_node_get_start_line(n), m->path,
			    m->autolink, dl);
		cmark_node_unlink(n);
		cmark_node_append_child(cur->body.doc, n);
	}
	slugset_free(&used);
}

static bool
digits(const char *s, size_t n, int lo, int hi)
{
	int v = 0;
	size_t i;

	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	return v >= lo && v <= hi;
}

/* YYYY, YYYY-MM or YYYY-MM-DD, optionally followed by a time. */
static bool
valid_date(const char *s)
{
	size_t n = strlen(s);

	if (n < 4 || !digits(s, 4, 0, 9999))
		return false;
	if (n == 4)
		return true;
	if (n < 7 || s[4] != '-' || !digits(s + 5, 2, 1, 12))
		return false;
	if (n == 7)
		return true;
	if (n < 10 || s[7] != '-' || !digits(s + 8, 2, 1, 31))
		return false;
	return n == 10 || s[10] == 'T' || s[10] == ' ';
}

static void
check_date(const struct mdfile *m, const char *key, const char *value,
    struct diag_list *dl)
{
	int line, col;

	if (value == NULL || valid_date(value))
		return;
	fm_key_pos(m->fm, key, &line, &col);
	diag_add(dl, DIAG_ERROR, m->path, line, col,
	    "front matter: '%s' must be an ISO 8601 date (YYYY-MM-DD), not '%s'",
	    key, value);
}

static void
load_main(struct briefing *b, const char *path, const char *text, size_t len,
    bool plain, struct diag_list *dl)
{
	struct mdfile m;
	struct fm *src = NULL;

	mdfile_parse(&m, path, text, len, dl);
	get_string(&m, "title", &b->title, dl);
	get_string(&m, "subtitle", &b->subtitle, dl);
	get_string(&m, "date", &b->date, dl);
	check_date(&m, "date", b->date, dl);
	get_list(&m, "tags", &b->tags, dl);
	if (m.fm != NULL && fm_get_map(m.fm, "source", &src, dl) == FM_OK) {
		fm_get_string(src, "title", &b->source.title, dl);
		fm_get_string(src, "publication", &b->source.publication, dl);
		fm_get_string(src, "author", &b->source.author, dl);
		fm_get_string(src, "date", &b->source.date, dl);
		fm_get_string(src, "url", &b->source.url, dl);
		if (b->source.date != NULL && !valid_date(b->source.date)) {
			int line, col;
			fm_key_pos(src, "date", &line, &col);
			diag_add(dl, DIAG_ERROR, path, line, col,
			    "front matter: source 'date' must be an ISO 8601 "
			    "date (YYYY-MM-DD), not '%s'", b->source.date);
		}
		fm_free(src);
	}
	split_sections(b, &m, plain, dl);
	mdfile_free(&m);
}

static void
take_body(struct body *body, struct mdfile *m)
{
	body->doc = m->doc;
	body->file = m->path;
	body->autolink = m->autolink;
	m->doc = NULL;
	m->path = NULL;
}

static char *
required_name(const struct mdfile *m, const char *id, struct diag_list *dl)
{
	char *name = NULL;
	size_t n;
	int line, col;

	get_string(m, "name", &name, dl);
	if (name == NULL || *name == '\0') {
		if (!m->fm_broken)
			diag_add(dl, DIAG_ERROR, m->path, 1, 1,
			    "front matter: no 'name'; using the id '%s'", id);
		free(name);
		name = xstrdup(id);
	}
	/*
	 * A name heads the unit and every reference to it: megabytes of
	 * name would be megabytes of output per mention. Cut it, at the
	 * start of a character.
	 */
	if ((n = strlen(name)) > LOAD_MAX_NAME) {
		for (n = LOAD_MAX_NAME; n > 0 &&
		    ((unsigned char)name[n] & 0xC0) == 0x80; n--)
			;
		name[n] = '\0';
		fm_key_pos(m->fm, "name", &line, &col);
		diag_add(dl, DIAG_ERROR, m->path, line, col, "front matter: "
		    "'name' is longer than %d bytes; cut", LOAD_MAX_NAME);
	}
	return name;
}

static void
load_expert(struct expert *e, const char *id, const char *path,
    const char *text, size_t len, struct diag_list *dl)
{
	struct mdfile m;

	memset(e, 0, sizeof *e);
	mdfile_parse(&m, path, text, len, dl);
	e->id = xstrdup(id);
	e->name = required_name(&m, id, dl);
	get_string(&m, "role", &e->role, dl);
	get_string(&m, "affiliation", &e->affiliation, dl);
	get_list(&m, "aliases", &e->aliases, dl);
	key_line(&m, "name", &e->name_line);
	key_line(&m, "aliases", &e->aliases_line);
	take_body(&e->body, &m);
	mdfile_free(&m);
}

static void
load_actor(struct actor *a, const char *id, const char *path,
    const char *text, size_t len, struct diag_list *dl)
{
	struct mdfile m;
	char *kind = NULL;
	struct fm_pair *pairs = NULL;
	size_t n = 0, i;
	int line, col;

	memset(a, 0, sizeof *a);
	mdfile_parse(&m, path, text, len, dl);
	a->id = xstrdup(id);
	a->name = required_name(&m, id, dl);
	a->kind = ACTOR_GROUP;
	get_string(&m, "kind", &kind, dl);
	if (kind == NULL && !m.fm_broken) {
		diag_add(dl, DIAG_ERROR, path, 1, 1, "front matter: no 'kind' "
		    "(state, group, person, organisation, place or event)");
	} else if (kind != NULL && !actor_kind_parse(kind, &a->kind)) {
		fm_key_pos(m.fm, "kind", &line, &col);
		diag_add(dl, DIAG_ERROR, path, line, col, "front matter: "
		    "unknown kind '%s' (state, group, person, organisation, "
		    "place or event)", kind);
	}
	free(kind);
	get_list(&m, "aliases", &a->aliases, dl);
	key_line(&m, "name", &a->name_line);
	key_line(&m, "aliases", &a->aliases_line);
	if (m.fm != NULL &&
	    fm_get_pairs(m.fm, "related", &pairs, &n, dl) == FM_OK) {
		a->related = xcalloc(n, sizeof *a->related);
		for (i = 0; i < n; i++) {
			a->related[i].target = pairs[i].key;
			a->related[i].words = pairs[i].value;
			a->related[i].line = pairs[i].line;
			a->related[i].col = pairs[i].col;
			pairs[i].key = pairs[i].value = NULL;
		}
		a->nrelated = n;
		fm_pairs_free(pairs, n);
	}
	take_body(&a->body, &m);
	mdfile_free(&m);
}

static void
load_timeline(struct briefing *b, const char *path, const char *text,
    size_t len, struct diag_list *dl)
{
	struct mdfile m;
	cmark_node *first;

	mdfile_parse(&m, path, text, len, dl);
	get_string(&m, "title", &b->timeline_title, dl);
	/* A leading # heading names the timeline when front matter does not. */
	first = cmark_node_first_child(m.doc);
	if (first != NULL && cmark_node_get_type(first) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(first) == 1) {
		if (b->timeline_title == NULL)
			b->timeline_title = inline_text(first);
		model_doc_free(first);
	}
	if (b->timeline_title == NULL)
		b->timeline_title = xstrdup("Timeline");
	b->timeline = xcalloc(1, sizeof *b->timeline);
	take_body(b->timeline, &m);
	mdfile_free(&m);
}

static int
cmp_expert(const void *a, const void *b)
{
	return strcmp(((const struct expert *)a)->id,
	    ((const struct expert *)b)->id);
}

static int
cmp_actor(const void *a, const void *b)
{
	return strcmp(((const struct actor *)a)->id,
	    ((const struct actor *)b)->id);
}

struct secsort {
	const char	*id;
	size_t		 index;
};

static int
cmp_secsort(const void *a, const void *b)
{
	return strcmp(((const struct secsort *)a)->id,
	    ((const struct secsort *)b)->id);
}

/* The sections by id, for briefing_find_section (ids are unique). */
static void
order_sections(struct briefing *b)
{
	struct secsort *v;
	size_t i;

	if (b->nsections == 0)
		return;
	v = xreallocarray(NULL, b->nsections, sizeof *v);
	for (i = 0; i < b->nsections; i++) {
		v[i].id = b->sections[i].id;
		v[i].index = i;
	}
	qsort(v, b->nsections, sizeof *v, cmp_secsort);
	b->section_order = xreallocarray(NULL, b->nsections,
	    sizeof *b->section_order);
	for (i = 0; i < b->nsections; i++)
		b->section_order[i] = v[i].index;
	free(v);
}

/* Experts and actors that share an id are a mistake in one namespace. */
static void
finish(struct briefing *b, struct diag_list *dl)
{
	size_t i;

	order_sections(b);
	/* qsort must not see the NULL array of an empty list. */
	if (b->nexperts > 1)
		qsort(b->experts, b->nexperts, sizeof *b->experts, cmp_expert);
	if (b->nactors > 1)
		qsort(b->actors, b->nactors, sizeof *b->actors, cmp_actor);
	for (i = 0; i < b->nexperts; i++)
		if (briefing_find_actor(b, b->experts[i].id) != MODEL_NONE)
			diag_add(dl, DIAG_WARNING, b->experts[i].body.file, 1, 1,
			    "duplicate id '%s': both an expert and an actor",
			    b->experts[i].id);
	if (b->title == NULL)
		b->title = xstrdup(b->slug != NULL ? b->slug : "Untitled");
}

struct briefing *
briefing_load_strings(const char *main_md, const char *const *experts,
    const char *const *actors, const char *timeline, bool plain,
    struct diag_list *dl)
{
	struct briefing *b = briefing_new();
	size_t n, i;
	char *path;

	b->path = xstrdup(plain ? "notes.md" : "briefing.md");
	b->slug = xstrdup(plain ? "notes" : "briefing");
	load_main(b, b->path, main_md, strlen(main_md), plain, dl);
	for (n = 0; experts != NULL && experts[n] != NULL; n += 2)
		;
	b->experts = xcalloc(n / 2 + 1, sizeof *b->experts);
	for (i = 0; i < n; i += 2) {
		path = xasprintf("experts/%s.md", experts[i]);
		load_expert(&b->experts[b->nexperts++], experts[i], path,
		    experts[i + 1], strlen(experts[i + 1]), dl);
		free(path);
	}
	for (n = 0; actors != NULL && actors[n] != NULL; n += 2)
		;
	b->actors = xcalloc(n / 2 + 1, sizeof *b->actors);
	for (i = 0; i < n; i += 2) {
		path = xasprintf("actors/%s.md", actors[i]);
		load_actor(&b->actors[b->nactors++], actors[i], path,
		    actors[i + 1], strlen(actors[i + 1]), dl);
		free(path);
	}
	if (timeline != NULL)
		load_timeline(b, "timeline.md", timeline, strlen(timeline), dl);
	finish(b, dl);
	return b;
}

/* ---- files ------------------------------------------------------------ */

static char *
path_join(const char *dir, const char *name)
{
	size_t n = strlen(dir);

	if (n > 0 && dir[n - 1] == '/')
		return xasprintf("%s%s", dir, name);
	return xasprintf("%s/%s", dir, name);
}

/*
 * Read a file of at most LOAD_MAX_BYTES; on failure add a diagnostic of
 * the given level. A file inside a briefing directory must be a regular
 * file: a FIFO there would block the open and a link to a device would
 * never end. The file named on the command line may be a pipe (process
 * substitution); the size bound still holds.
 */
static char *
read_text(const char *path, bool regular_only, size_t *len,
    enum diag_level level, struct diag_list *dl)
{
	struct stat st;
	struct buf b;
	char chunk[65536];
	const char *why = NULL;
	ssize_t n;
	int fd, err = 0;

	*len = 0;
	if ((fd = open(path, O_RDONLY | O_NOCTTY | O_CLOEXEC |
	    (regular_only ? O_NONBLOCK : 0))) == -1 || fstat(fd, &st) == -1) {
		diag_add(dl, level, path, 0, 0, "cannot read: %s",
		    strerror(errno));
		if (fd != -1)
			close(fd);
		return NULL;
	}
	if (S_ISDIR(st.st_mode))
		why = "a directory, not a file";
	else if (regular_only && !S_ISREG(st.st_mode))
		why = "not a regular file";
	else if (S_ISREG(st.st_mode) && st.st_size > LOAD_MAX_BYTES)
		why = "larger than " LOAD_MAX_TEXT;
	buf_init(&b);
	buf_add(&b, "", 0);
	while (why == NULL && err == 0 &&
	    (n = read(fd, chunk, sizeof chunk)) != 0) {
		if (n == -1) {
			if (errno != EINTR)
				err = errno;
		} else if (b.len + (size_t)n > LOAD_MAX_BYTES)
			why = "larger than " LOAD_MAX_TEXT;
		else
			buf_add(&b, chunk, (size_t)n);
	}
	close(fd);
	if (why != NULL || err != 0) {
		if (why != NULL)
			diag_add(dl, level, path, 0, 0, "cannot read: %s", why);
		else
			diag_add(dl, level, path, 0, 0, "cannot read: %s",
			    strerror(err));
		buf_free(&b);
		return NULL;
	}
	if (b.len == 0)
		diag_add(dl, level == DIAG_FATAL ? DIAG_FATAL : DIAG_ERROR, path,
		    0, 0, "empty file");
	*len = b.len;
	return buf_release(&b);
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The ids of the .md files in dir, sorted; a missing directory is no entries. */
static void
list_ids(const char *dir, struct strlist *ids, struct diag_list *dl)
{
	DIR *d;
	struct dirent *de;
	size_t n;
	char *id, *path;

	if ((d = opendir(dir)) == NULL) {
		if (errno != ENOENT)
			diag_add(dl, DIAG_ERROR, dir, 0, 0, "cannot read: %s",
			    strerror(errno));
		return;
	}
	while ((de = readdir(d)) != NULL) {
		n = strlen(de->d_name);
		if (n <= 3 || strcmp(de->d_name + n - 3, ".md") != 0 ||
		    de->d_name[0] == '.')
			continue;
		id = xstrndup(de->d_name, n - 3);
		if (!model_valid_id(id)) {
			path = path_join(dir, de->d_name);
			diag_add(dl, DIAG_ERROR, path, 0, 0, "bad id '%s': a "
			    "file name may hold only a-z, 0-9 and '-'; skipped",
			    id);
			free(path);
			free(id);
			continue;
		}
		strlist_add(ids, id);
		free(id);
	}
	closedir(d);
	if (ids->n > 1)
		qsort(ids->v, ids->n, sizeof *ids->v, cmp_str);
}

static void
load_entities(struct briefing *b, const char *root, const char *sub,
    bool actors, struct diag_list *dl)
{
	struct strlist ids = { NULL, 0, 0 };
	char *dir = path_join(root, sub), *name, *path, *text;
	size_t i, len;

	list_ids(dir, &ids, dl);
	if (actors)
		b->actors = xcalloc(ids.n + 1, sizeof *b->actors);
	else
		b->experts = xcalloc(ids.n + 1, sizeof *b->experts);
	for (i = 0; i < ids.n; i++) {
		name = xasprintf("%s.md", ids.v[i]);
		path = path_join(dir, name);
		free(name);
		if ((text = read_text(path, true, &len, DIAG_ERROR,
		    dl)) != NULL && len > 0) {
			if (actors)
				load_actor(&b->actors[b->nactors++], ids.v[i],
				    path, text, len, dl);
			else
				load_expert(&b->experts[b->nexperts++],
				    ids.v[i], path, text, len, dl);
		}
		free(text);
		free(path);
	}
	strlist_free(&ids);
	free(dir);
}

static char *
base_slug(const char *path)
{
	const char *s;
	size_t n;

	/* Strip trailing slashes first: "content/x/" names x. */
	n = strlen(path);
	while (n > 1 && path[n - 1] == '/')
		n--;
	for (s = path + n; s > path && s[-1] != '/'; s--)
		;
	if (n - (size_t)(s - path) > 3 && strncmp(path + n - 3, ".md", 3) == 0)
		n -= 3;
	return xstrndup(s, n - (size_t)(s - path));
}

static struct briefing *
load_dir(const char *dir, struct diag_list *dl)
{
	struct briefing *b;
	char *path, *text;
	size_t len;
	struct stat st;

	path = path_join(dir, "briefing.md");
	if (stat(path, &st) != 0) {
		diag_add(dl, DIAG_FATAL, dir, 0, 0,
		    "not a briefing: no briefing.md in this directory");
		free(path);
		return NULL;
	}
	if ((text = read_text(path, true, &len, DIAG_FATAL, dl)) == NULL ||
	    len == 0) {
		free(text);
		free(path);
		return NULL;
	}
	b = briefing_new();
	b->path = xstrdup(dir);
	b->slug = base_slug(dir);
	load_main(b, path, text, len, false, dl);
	free(text);
	free(path);
	load_entities(b, dir, "experts", false, dl);
	load_entities(b, dir, "actors", true, dl);
	path = path_join(dir, "timeline.md");
	if (stat(path, &st) == 0) {
		if ((text = read_text(path, true, &len, DIAG_ERROR,
		    dl)) != NULL && len > 0)
			load_timeline(b, path, text, len, dl);
		free(text);
	}
	free(path);
	finish(b, dl);
	return b;
}

static struct briefing *
load_file(const char *path, struct diag_list *dl)
{
	struct briefing *b;
	char *text;
	size_t len;

	if ((text = read_text(path, false, &len, DIAG_FATAL, dl)) == NULL ||
	    len == 0) {
		free(text);
		return NULL;
	}
	b = briefing_new();
	b->path = xstrdup(path);
	b->slug = base_slug(path);
	load_main(b, path, text, len, true, dl);
	free(text);
	finish(b, dl);
	return b;
}

struct briefing *
briefing_load(const char *path, struct diag_list *dl)
{
	struct stat st;
	const char *base;
	char *dir;
	struct briefing *b;

	if (stat(path, &st) != 0) {
		diag_add(dl, DIAG_FATAL, path, 0, 0, "%s", strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode))
		return load_dir(path, dl);
	/* dir/briefing.md names the whole briefing. */
	base = strrchr(path, '/');
	if (base != NULL && strcmp(base + 1, "briefing.md") == 0) {
		dir = xstrndup(path, (size_t)(base - path));
		b = load_dir(dir, dl);
		free(dir);
		return b;
	}
	if (strcmp(path, "briefing.md") == 0)
		return load_dir(".", dl);
	return load_file(path, dl);
}
