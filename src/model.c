#include "model.h"

#include <stdlib.h>
#include <string.h>

#include "utf8.h"
#include "util.h"

/* Indexed by enum actor_kind. */
static const char *const actor_kind_names[] = {
	"state",	/* ACTOR_STATE */
	"group",	/* ACTOR_GROUP */
	"person",	/* ACTOR_PERSON */
	"organisation",	/* ACTOR_ORGANISATION */
	"place",	/* ACTOR_PLACE */
	"event",	/* ACTOR_EVENT */
};

const char *
actor_kind_name(enum actor_kind k)
{
	if ((size_t)k >= NITEMS(actor_kind_names))
		return "unknown";
	return actor_kind_names[k];
}

bool
actor_kind_parse(const char *s, enum actor_kind *k)
{
	size_t i;

	for (i = 0; i < NITEMS(actor_kind_names); i++) {
		if (strcmp(s, actor_kind_names[i]) == 0) {
			*k = (enum actor_kind)i;
			return true;
		}
	}
	/* The American spelling is common enough to accept. */
	if (strcmp(s, "organization") == 0) {
		*k = ACTOR_ORGANISATION;
		return true;
	}
	return false;
}

void
strlist_add(struct strlist *l, const char *s)
{
	ARRAY_RESERVE(l->v, l->cap, l->n + 1);
	l->v[l->n++] = xstrdup(s);
}

void
strlist_free(struct strlist *l)
{
	size_t i;

	if (l == NULL)
		return;
	for (i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	l->v = NULL;
	l->n = l->cap = 0;
}

struct briefing *
briefing_new(void)
{
	return xcalloc(1, sizeof(struct briefing));
}

void
model_text_pos(cmark_node *text, size_t off, int *line, int *col)
{
	const struct text_lines *tl = cmark_node_get_user_data(text);
	size_t i, k, mid;

	*line = cmark_node_get_start_line(text);
	*col = cmark_node_get_start_column(text);
	if (tl == NULL) {
		if (*col > 0)
			*col += (int)off;
		return;
	}
	/*
	 * k = the lines that start at or before off. Offsets ascend; a
	 * paragraph of 100,000 soft-broken lines names an actor on each, so
	 * search, do not scan.
	 */
	for (i = 0, k = tl->n; i < k;) {
		util_work++;
		mid = i + (k - i) / 2;
		if (tl->v[mid].off <= off)
			i = mid + 1;
		else
			k = mid;
	}
	if (k == 0) {
		if (*col > 0)
			*col += (int)off;
		return;
	}
	*line += (int)k;
	*col = tl->v[k - 1].col + (int)(off - tl->v[k - 1].off);
}

void
model_doc_free(cmark_node *doc)
{
	cmark_iter *it;
	cmark_event_type ev;
	cmark_node *n;

	if (doc == NULL)
		return;
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		n = cmark_iter_get_node(it);
		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_TEXT)
			free(cmark_node_get_user_data(n));
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
}

void
body_free(struct body *b)
{
	if (b == NULL)
		return;
	model_doc_free(b->doc);
	free(b->file);
	b->doc = NULL;
	b->file = NULL;
}

static void
source_free(struct source_info *s)
{
	free(s->title);
	free(s->publication);
	free(s->author);
	free(s->date);
	free(s->url);
}

void
briefing_free(struct briefing *b)
{
	size_t i, j;

	if (b == NULL)
		return;
	for (i = 0; i < b->nsections; i++) {
		free(b->sections[i].id);
		free(b->sections[i].title);
		body_free(&b->sections[i].body);
	}
	free(b->sections);
	free(b->section_order);
	for (i = 0; i < b->nexperts; i++) {
		struct expert *e = &b->experts[i];
		free(e->id);
		free(e->name);
		free(e->role);
		free(e->affiliation);
		strlist_free(&e->aliases);
		body_free(&e->body);
	}
	free(b->experts);
	for (i = 0; i < b->nactors; i++) {
		struct actor *a = &b->actors[i];
		free(a->id);
		free(a->name);
		strlist_free(&a->aliases);
		for (j = 0; j < a->nrelated; j++) {
			free(a->related[j].target);
			free(a->related[j].words);
		}
		free(a->related);
		body_free(&a->body);
	}
	free(b->actors);
	if (b->timeline != NULL) {
		body_free(b->timeline);
		free(b->timeline);
	}
	free(b->timeline_title);
	free(b->path);
	free(b->slug);
	free(b->title);
	free(b->subtitle);
	free(b->date);
	strlist_free(&b->tags);
	source_free(&b->source);
	free(b);
}

size_t
briefing_find_section(const struct briefing *b, const char *id)
{
	size_t i, lo, hi, mid;
	int c;

	if (b->section_order == NULL) {
		for (i = 0; i < b->nsections; i++)
			if (strcmp(b->sections[i].id, id) == 0)
				return i;
		return MODEL_NONE;
	}
	/* Every section: link is looked up; thousands of them, often. */
	for (lo = 0, hi = b->nsections; lo < hi;) {
		util_work++;
		mid = lo + (hi - lo) / 2;
		i = b->section_order[mid];
		if ((c = strcmp(b->sections[i].id, id)) == 0)
			return i;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return MODEL_NONE;
}

/* Experts and actors are sorted by id: binary search. */
#define FIND_BY_ID(arr, n, id) do {					\
	size_t lo = 0, hi = (n), mid;					\
	int c;								\
	while (lo < hi) {						\
		mid = lo + (hi - lo) / 2;				\
		c = strcmp((arr)[mid].id, (id));			\
		if (c == 0)						\
			return mid;					\
		if (c < 0)						\
			lo = mid + 1;					\
		else							\
			hi = mid;					\
	}								\
	return MODEL_NONE;						\
} while (0)

size_t
briefing_find_expert(const struct briefing *b, const char *id)
{
	FIND_BY_ID(b->experts, b->nexperts, id);
}

size_t
briefing_find_actor(const struct briefing *b, const char *id)
{
	FIND_BY_ID(b->actors, b->nactors, id);
}

size_t
briefing_unit_count(const struct briefing *b, enum unit_kind kind)
{
	switch (kind) {
	case UNIT_HEADER:
		return 1;
	case UNIT_SECTION:
		return b->nsections;
	case UNIT_TIMELINE:
		return b->timeline != NULL ? 1 : 0;
	case UNIT_EXPERT:
		return b->nexperts;
	case UNIT_ACTOR:
		return b->nactors;
	case UNIT_EXPERT_LIST:
		return 1;
	case UNIT__COUNT:
		break;
	}
	return 0;
}

/* The first slot of a kind: the kinds in enum order, each after the last. */
static size_t
kind_base(const struct briefing *b, enum unit_kind kind)
{
	size_t base = 0;
	int k;

	for (k = 0; k < (int)kind; k++)
		base += briefing_unit_count(b, (enum unit_kind)k);
	return base;
}

size_t
briefing_nslots(const struct briefing *b)
{
	return kind_base(b, UNIT__COUNT);
}

size_t
briefing_article_parts(const struct briefing *b)
{
	return 1 + b->nsections + (b->timeline != NULL ? 1 : 0);
}


size_t
briefing_slot(const struct briefing *b, struct unit_ref u)
{
	if ((unsigned)u.kind >= UNIT__COUNT ||
	    u.index >= briefing_unit_count(b, u.kind))
		return MODEL_NONE;
	return kind_base(b, u.kind) + u.index;
}

struct unit_ref
briefing_slot_unit(const struct briefing *b, size_t slot)
{
	struct unit_ref u = { UNIT_HEADER, 0 };
	size_t n;
	int k;

	for (k = 0; k < UNIT__COUNT; k++) {
		n = briefing_unit_count(b, (enum unit_kind)k);
		if (slot < n) {
			u.kind = (enum unit_kind)k;
			u.index = slot;
			return u;
		}
		slot -= n;
	}
	return u;
}

bool
unit_equal(struct unit_ref a, struct unit_ref b)
{
	return a.kind == b.kind && a.index == b.index;
}

const struct body *
briefing_unit_body(const struct briefing *b, struct unit_ref u)
{
	if (u.index >= briefing_unit_count(b, u.kind))
		return NULL;
	switch (u.kind) {
	case UNIT_SECTION:
		return &b->sections[u.index].body;
	case UNIT_TIMELINE:
		return b->timeline;
	case UNIT_EXPERT:
		return &b->experts[u.index].body;
	case UNIT_ACTOR:
		return &b->actors[u.index].body;
	case UNIT_HEADER:
	case UNIT_EXPERT_LIST:
	case UNIT__COUNT:
		break;
	}
	return NULL;
}

const char *
briefing_unit_title(const struct briefing *b, struct unit_ref u)
{
	if (u.index >= briefing_unit_count(b, u.kind))
		return "";
	switch (u.kind) {
	case UNIT_HEADER:
		return b->title;
	case UNIT_SECTION:
		return b->sections[u.index].title;
	case UNIT_TIMELINE:
		return b->timeline_title != NULL ? b->timeline_title :
		    "Timeline";
	case UNIT_EXPERT:
		return b->experts[u.index].name;
	case UNIT_ACTOR:
		return b->actors[u.index].name;
	case UNIT_EXPERT_LIST:
		return "Experts";
	case UNIT__COUNT:
		break;
	}
	return "";
}

bool
model_is_attribution(const char *s, size_t len)
{
	static const char *const dashes[] = {
		"\xe2\x80\x94",	/* U+2014 EM DASH */
		"\xe2\x80\x93",	/* U+2013 EN DASH */
		"\xe2\x80\x95",	/* U+2015 HORIZONTAL BAR */
		"--"
	};
	size_t i, n;

	if (s == NULL)
		return false;
	while (len > 0 && (*s == ' ' || *s == '\t' || *s == '\n')) {
		s++;
		len--;
	}
	for (i = 0; i < NITEMS(dashes); i++) {
		n = strlen(dashes[i]);
		if (len >= n && memcmp(s, dashes[i], n) == 0)
			return true;
	}
	return false;
}

bool
model_valid_id(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s != '\0'; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '-'))
			return false;
	return true;
}

/*
 * GitHub's rule: lower-case, drop punctuation other than '-' and '_',
 * spaces become '-'. Letters beyond ASCII are lower-cased by Unicode's
 * simple mapping, whatever the locale; typographic apostrophes are dropped.
 */
char *
model_slug(const char *title)
{
	struct buf b;
	size_t i = 0, n, len = strlen(title);
	uint32_t cp;
	char enc[4];

	buf_init(&b);
	buf_add(&b, "", 0);
	while (i < len) {
		n = utf8_decode(title + i, len - i, &cp);
		i += n;
		if (cp >= 'A' && cp <= 'Z')
			buf_addc(&b, (char)(cp - 'A' + 'a'));
		else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
		    cp == '-' || cp == '_')
			buf_addc(&b, (char)cp);
		else if (cp == ' ')
			buf_addc(&b, '-');
		else if (cp >= 0x80 && utf8_isword(cp))
			buf_add(&b, enc, utf8_encode(utf8_tolower(cp), enc));
	}
	return buf_release(&b);
}
