#include "load.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "load_int.h"
#include "mdfile.h"
#include "outline.h"
#include "textfile.h"
#include "utf8.h"
#include "util.h"


/* ---- front matter ------------------------------------------------------- */

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
check_date(const struct fm *fm, const char *path, const char *key,
    const char *what, const char *value, struct diag_list *dl)
{
	int line, col;

	if (value == NULL || valid_date(value))
		return;
	fm_key_pos(fm, key, &line, &col);
	diag_add(dl, DIAG_ERROR, path, line, col, "front matter: %s'%s' must "
	    "be an ISO 8601 date (YYYY-MM-DD), not '%s'", what, key, value);
}

void
load_main(struct briefing *b, const char *path, const char *text, size_t len,
    bool plain, struct diag_list *dl)
{
	struct mdfile m;
	struct fm *src = NULL;

	mdfile_parse(&m, path, text, len, dl);
	fm_get_string(m.fm, "title", &b->title, dl);
	fm_get_string(m.fm, "subtitle", &b->subtitle, dl);
	fm_get_string(m.fm, "date", &b->date, dl);
	check_date(m.fm, path, "date", "", b->date, dl);
	fm_get_strlist(m.fm, "tags", &b->tags, dl);
	if (fm_get_map(m.fm, "source", &src, dl) == FM_OK) {
		fm_get_string(src, "title", &b->source.title, dl);
		fm_get_string(src, "publication", &b->source.publication, dl);
		fm_get_string(src, "author", &b->source.author, dl);
		fm_get_string(src, "date", &b->source.date, dl);
		fm_get_string(src, "url", &b->source.url, dl);
		check_date(src, path, "date", "source ", b->source.date, dl);
		fm_free(src);
	}
	outline_split(b, &m, plain, dl);
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

/*
 * Blocks of punctuation, spaces and symbols beyond ASCII. utf8_isword
 * knows letters beyond ASCII only under a UTF-8 locale; with this table a
 * name in another script is a name under any locale.
 */
static const struct {
	uint32_t	lo, hi;
} nonword_blocks[] = {
	{ 0x0080, 0x00A9 }, { 0x00AB, 0x00B4 }, { 0x00B6, 0x00B9 },
	{ 0x00BB, 0x00BF }, { 0x00D7, 0x00D7 }, { 0x00F7, 0x00F7 },
	{ 0x2000, 0x2BFF },	/* punctuation, symbols, arrows, shapes */
	{ 0x2E00, 0x2E7F },	/* supplemental punctuation */
	{ 0x3000, 0x303F },	/* CJK symbols and punctuation */
	{ 0xFE10, 0xFE1F }, { 0xFE30, 0xFE6F },	/* vertical, small forms */
	{ 0xFF00, 0xFF0F }, { 0xFF1A, 0xFF20 }, { 0xFF3B, 0xFF40 },
	{ 0xFF5B, 0xFF65 },	/* fullwidth punctuation */
	{ 0xFFF0, 0xFFFF },	/* specials, U+FFFD */
	{ 0x1F000, 0x1FAFF },	/* emoji and pictographs */
};

static bool
is_word_cp(uint32_t cp)
{
	size_t i;

	if (cp < 0x80 || utf8_isword(cp))
		return cp != '_' && utf8_isword(cp);
	for (i = 0; i < NITEMS(nonword_blocks); i++)
		if (cp >= nonword_blocks[i].lo && cp <= nonword_blocks[i].hi)
			return false;
	return true;
}

/* Does s hold a letter or a digit? */
static bool
has_word_char(const char *s)
{
	size_t n = strlen(s), i = 0;
	uint32_t cp;

	while (i < n) {
		i += utf8_decode(s + i, n - i, &cp);
		if (is_word_cp(cp))
			return true;
	}
	return false;
}

static bool
one_char(const char *s)
{
	size_t n = strlen(s);
	uint32_t cp;

	return n > 0 && utf8_decode(s, n, &cp) == n;
}

/* Where to point at a form: its place, else the file's first line. */
static void
form_pos(int *line, int *col)
{
	if (*line == 0) {
		*line = 1;
		*col = 1;
	}
}

static void
warn_one_char(const char *path, int line, int col, const char *what,
    const char *form, struct diag_list *dl)
{
	form_pos(&line, &col);
	diag_add(dl, DIAG_WARNING, path, line, col, "front matter: %s '%s' is "
	    "a single character: every '%s' standing alone in the text "
	    "becomes a reference", what, form, form);
}

/*
 * An alias with no letter or digit ("", " ", ".", ",") would turn every
 * such character of the text into a reference: it is refused, with an
 * error at the alias. A one-character alias stays, with a warning.
 */
static void
check_aliases(const struct mdfile *m, struct strlist *aliases,
    struct diag_list *dl)
{
	size_t i, k = 0;
	int line, col;

	for (i = 0; i < aliases->n; i++) {
		fm_item_pos(m->fm, "aliases", i, &line, &col);
		form_pos(&line, &col);
		if (!has_word_char(aliases->v[i])) {
			diag_add(dl, DIAG_ERROR, m->path, line, col,
			    "front matter: alias '%.*s' has no letter or "
			    "digit; not used", diag_quote_len(aliases->v[i],
			    strlen(aliases->v[i])), aliases->v[i]);
			free(aliases->v[i]);
			continue;
		}
		if (one_char(aliases->v[i]))
			warn_one_char(m->path, line, col, "alias",
			    aliases->v[i], dl);
		aliases->v[k++] = aliases->v[i];
	}
	aliases->n = k;
}

static char *
required_name(const struct mdfile *m, const char *id, struct diag_list *dl)
{
	char *name = NULL;
	size_t n;
	int line, col;

	fm_get_string(m->fm, "name", &name, dl);
	fm_key_pos(m->fm, "name", &line, &col);
	form_pos(&line, &col);
	if (name != NULL && *name != '\0' && !has_word_char(name)) {
		diag_add(dl, DIAG_ERROR, m->path, line, col, "front matter: "
		    "'name' has no letter or digit; using the id '%s'", id);
		free(name);
		name = xstrdup(id);
	} else if (name == NULL || *name == '\0') {
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
		diag_add(dl, DIAG_ERROR, m->path, line, col, "front matter: "
		    "'name' is longer than %d bytes; cut", LOAD_MAX_NAME);
	}
	if (one_char(name))
		warn_one_char(m->path, line, col, "name", name, dl);
	return name;
}

static void
load_expert(struct expert *e, const char *id, const char *path,
    const char *text, size_t len, struct diag_list *dl)
{
	struct mdfile m;
	int col;

	memset(e, 0, sizeof *e);
	mdfile_parse(&m, path, text, len, dl);
	e->id = xstrdup(id);
	e->name = required_name(&m, id, dl);
	fm_get_string(m.fm, "role", &e->role, dl);
	fm_get_string(m.fm, "affiliation", &e->affiliation, dl);
	fm_get_strlist(m.fm, "aliases", &e->aliases, dl);
	check_aliases(&m, &e->aliases, dl);
	fm_key_pos(m.fm, "name", &e->name_line, &col);
	fm_key_pos(m.fm, "aliases", &e->aliases_line, &col);
	take_body(&e->body, &m);
	mdfile_free(&m);
}

static void
load_related(struct actor *a, const struct fm *fm, struct diag_list *dl)
{
	struct fm_pair *pairs = NULL;
	size_t n = 0, i;

	if (fm_get_pairs(fm, "related", &pairs, &n, dl) != FM_OK)
		return;
	a->related = xcalloc(n + 1, sizeof *a->related);
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

static void
load_actor(struct actor *a, const char *id, const char *path,
    const char *text, size_t len, struct diag_list *dl)
{
	struct mdfile m;
	char *kind = NULL;
	int line, col;

	memset(a, 0, sizeof *a);
	mdfile_parse(&m, path, text, len, dl);
	a->id = xstrdup(id);
	a->name = required_name(&m, id, dl);
	a->kind = ACTOR_GROUP;
	fm_get_string(m.fm, "kind", &kind, dl);
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
	fm_get_strlist(m.fm, "aliases", &a->aliases, dl);
	check_aliases(&m, &a->aliases, dl);
	fm_key_pos(m.fm, "name", &a->name_line, &col);
	fm_key_pos(m.fm, "aliases", &a->aliases_line, &col);
	load_related(a, m.fm, dl);
	take_body(&a->body, &m);
	mdfile_free(&m);
}

void
load_timeline(struct briefing *b, const char *path, const char *text,
    size_t len, struct diag_list *dl)
{
	struct mdfile m;
	cmark_node *first;

	mdfile_parse(&m, path, text, len, dl);
	fm_get_string(m.fm, "title", &b->timeline_title, dl);
	/* A leading # heading names the timeline when front matter does not. */
	first = cmark_node_first_child(m.doc);
	if (first != NULL && cmark_node_get_type(first) == CMARK_NODE_HEADING &&
	    cmark_node_get_heading_level(first) == 1) {
		if (b->timeline_title == NULL)
			b->timeline_title = mdfile_inline_text(first);
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

/* Experts and actors that share an id are a mistake in one namespace. */
static void
finish(struct briefing *b, struct diag_list *dl)
{
	size_t i;

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
}

/* ---- what every file passes --------------------------------------------- */

void
loader_init(struct loader *l, struct diag_list *dl)
{
	memset(l, 0, sizeof *l);
	l->dl = dl;
	l->root = -1;
	budget_init(&l->budget, LOAD_BUDGET);
}

void
loader_say(struct loader *l, enum diag_level level, const char *path,
    const char *msg)
{
	diag_add(l->dl, level, path, 0, 0, "%s", msg);
	if (level == DIAG_FATAL)
		l->failed = true;
}

/* Take n bytes from the budget; past it, the load fails. */
bool
loader_take(struct loader *l, const char *path, size_t n)
{
	if (budget_take(&l->budget, n))
		return true;
	budget_refuse(&l->budget, path, false, l->dl);
	l->failed = true;
	return false;
}

/*
 * May this file's text be parsed? Not when it is empty or not text (said
 * at level); lines of invalid UTF-8 are said.
 */
bool
loader_accept(struct loader *l, const char *path, const char *text,
    size_t len, enum diag_level level)
{
	bool valid;

	if (len == 0) {
		loader_say(l, level, path, "empty file");
		return false;
	}
	if (!textfile_is_text(text, len, &valid)) {
		loader_say(l, level, path, "not a text file");
		return false;
	}
	if (!valid)
		textfile_check_utf8(text, len, path, l->dl);
	return true;
}

void
loader_article_done(struct loader *l)
{
	struct briefing *b = l->b;

	outline_order(b);
	if (b->title == NULL)
		b->title = xstrdup(b->slug != NULL ? b->slug : "Untitled");
}

void
loader_room(struct loader *l, bool actor, size_t n)
{
	if (l->p == NULL)
		l->p = briefing_new();
	if (actor) {
		free(l->p->actors);
		l->p->actors = xcalloc(n + 1, sizeof *l->p->actors);
	} else {
		free(l->p->experts);
		l->p->experts = xcalloc(n + 1, sizeof *l->p->experts);
	}
}

void
loader_profiles_done(struct loader *l)
{
	struct briefing *b = l->b, *p = l->p;

	if (p != NULL) {
		b->experts = p->experts;
		b->nexperts = p->nexperts;
		b->actors = p->actors;
		b->nactors = p->nactors;
		p->experts = NULL;
		p->actors = NULL;
		p->nexperts = p->nactors = 0;
		briefing_free(p);
		l->p = NULL;
	}
	finish(b, l->dl);
}

void
loader_drop(struct loader *l)
{
	briefing_free(l->b);
	briefing_free(l->p);
	l->b = l->p = NULL;
}

/* The briefing loaded, finished; NULL when the load failed. */
static struct briefing *
loader_finish(struct loader *l)
{
	if (l->failed) {
		loader_drop(l);
		return NULL;
	}
	loader_article_done(l);
	loader_profiles_done(l);
	return l->b;
}

/* Is id usable as an id? Said (the file skipped) when it is not. */
bool
loader_valid_id(struct loader *l, const char *path, const char *id)
{
	if (strlen(id) > LOAD_MAX_ID) {
		diag_add(l->dl, DIAG_ERROR, path, 0, 0, "bad id: longer than "
		    "%d bytes; skipped", LOAD_MAX_ID);
		return false;
	}
	if (!model_valid_id(id)) {
		diag_add(l->dl, DIAG_ERROR, path, 0, 0, "bad id '%s': a file "
		    "name may hold only a-z, 0-9 and '-'; skipped", id);
		return false;
	}
	return true;
}

void
loader_entity(struct loader *l, bool actor, const char *id, const char *path,
    const char *text, size_t len)
{
	if (actor)
		load_actor(&l->p->actors[l->p->nactors++], id, path, text, len,
		    l->dl);
	else
		load_expert(&l->p->experts[l->p->nexperts++], id, path, text,
		    len, l->dl);
}

/* ---- from memory -------------------------------------------------------- */

/* Experts or actors given as id, text pairs. */
static void
strings_entities(struct loader *l, const char *const *pairs, bool actor)
{
	const char *dir = actor ? "actors" : "experts";
	size_t n, i, len;
	char *path;

	for (n = 0; pairs != NULL && pairs[n] != NULL; n += 2)
		;
	loader_room(l, actor, n / 2);
	for (i = 0; i < n && !l->failed; i += 2) {
		/* A bad id is said at the directory, not put in a path. */
		if (!loader_valid_id(l, dir, pairs[i]))
			continue;
		path = xasprintf("%s/%s.md", dir, pairs[i]);
		len = strlen(pairs[i + 1]);
		if (loader_take(l, path, len + LOAD_FILE_COST) &&
		    loader_accept(l, path, pairs[i + 1], len, DIAG_ERROR))
			loader_entity(l, actor, pairs[i], path, pairs[i + 1],
			    len);
		free(path);
	}
}

struct briefing *
briefing_load_strings(const char *main_md, const char *const *experts,
    const char *const *actors, const char *timeline, bool plain,
    struct diag_list *dl)
{
	struct loader l;
	size_t len = strlen(main_md);

	loader_init(&l, dl);
	l.b = briefing_new();
	l.b->path = xstrdup(plain ? "notes.md" : "briefing.md");
	l.b->slug = xstrdup(plain ? "notes" : "briefing");
	/* An empty article is allowed here: tests build from nothing. */
	if (loader_take(&l, l.b->path, len + LOAD_FILE_COST) && (len == 0 ||
	    loader_accept(&l, l.b->path, main_md, len, DIAG_FATAL)))
		load_main(l.b, l.b->path, main_md, len, plain, dl);
	if (!l.failed)
		strings_entities(&l, experts, false);
	if (!l.failed)
		strings_entities(&l, actors, true);
	if (!l.failed && timeline != NULL &&
	    loader_take(&l, "timeline.md", strlen(timeline) + LOAD_FILE_COST) &&
	    loader_accept(&l, "timeline.md", timeline, strlen(timeline),
	    DIAG_ERROR))
		load_timeline(l.b, "timeline.md", timeline, strlen(timeline),
		    dl);
	return loader_finish(&l);
}

/* ---- one file, or a stream ---------------------------------------------- */

char *
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
	if (n - (size_t)(s - path) > 3 && strncmp(path + n - 3, ".gz", 3) == 0)
		n -= 3;
	if (n - (size_t)(s - path) > 3 && strncmp(path + n - 3, ".md", 3) == 0)
		n -= 3;
	return xstrndup(s, n - (size_t)(s - path));
}


struct briefing *
briefing_load_fd(int fd, const char *name, struct diag_list *dl)
{
	struct loader l;
	char *text;
	size_t len;

	loader_init(&l, dl);
	if (!loader_take(&l, name, LOAD_FILE_COST) ||
	    textfile_read(fd, name, true, &l.budget, DIAG_FATAL, &text, &len,
	    dl) != TEXTFILE_OK)
		return NULL;
	if (!loader_accept(&l, name, text, len, DIAG_FATAL)) {
		free(text);
		return NULL;
	}
	l.b = briefing_new();
	l.b->path = xstrdup(name);
	l.b->slug = strcmp(name, "-") == 0 ? xstrdup("stdin") : base_slug(name);
	load_main(l.b, name, text, len, true, dl);
	free(text);
	return loader_finish(&l);
}

