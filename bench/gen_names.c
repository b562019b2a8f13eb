/*
 * The cast of a synthetic briefing: actors and experts with names made of
 * invented syllables, so that thousands of them stay distinct, spelled
 * again in Cyrillic, Arabic, CJK or with accents as aliases. Every name
 * and alias is unique across the cast (briefing --check warns otherwise)
 * and none is an ordinary word of the prose.
 */
#include "gen.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *const onsets[] = {
	"b", "d", "k", "l", "m", "n", "r", "s", "t", "v", "z", "br", "dr",
	"kr", "st", "tr", "sh", "zh", "ch", "g", "p", "f", "h", "j", "gr",
	"sl", "kh", "pr",
};
static const char *const vowels[] = {
	"a", "e", "i", "o", "u", "a", "o", "ia", "ei", "ou",
};
static const char *const codas[] = {
	"", "", "", "", "n", "r", "s", "l", "k", "v", "sk", "st", "m", "d",
};

/* ASCII letters (digraphs first) to another script: lower case, and upper
 * case where the script has it. */
struct translit {
	const char	*from, *lower, *upper;
};

static const struct translit cyr[] = {
	{ "sh", "ш", "Ш" }, { "zh", "ж", "Ж" }, { "ch", "ч", "Ч" },
	{ "kh", "х", "Х" }, { "ia", "я", "Я" }, { "ou", "у", "У" },
	{ "ei", "ей", "Ей" },
	{ "a", "а", "А" }, { "b", "б", "Б" }, { "d", "д", "Д" },
	{ "e", "е", "Е" }, { "f", "ф", "Ф" }, { "g", "г", "Г" },
	{ "h", "х", "Х" }, { "i", "и", "И" }, { "j", "й", "Й" },
	{ "k", "к", "К" }, { "l", "л", "Л" }, { "m", "м", "М" },
	{ "n", "н", "Н" }, { "o", "о", "О" }, { "p", "п", "П" },
	{ "r", "р", "Р" }, { "s", "с", "С" }, { "t", "т", "Т" },
	{ "u", "у", "У" }, { "v", "в", "В" }, { "z", "з", "З" },
	{ "y", "ы", "Ы" },
};

/* ASCII letters to Arabic letters; short vowels are not written. */
static const struct translit arab[] = {
	{ "sh", "ش", NULL }, { "zh", "ج", NULL }, { "ch", "تش", NULL }, { "kh", "خ", NULL },
	{ "ia", "يا", NULL }, { "ou", "و", NULL }, { "ei", "ي", NULL }, { "a", "ا", NULL },
	{ "b", "ب", NULL }, { "d", "د", NULL }, { "e", "", NULL }, { "f", "ف", NULL },
	{ "g", "غ", NULL }, { "h", "ه", NULL }, { "i", "ي", NULL }, { "j", "ج", NULL },
	{ "k", "ك", NULL }, { "l", "ل", NULL }, { "m", "م", NULL }, { "n", "ن", NULL },
	{ "o", "و", NULL }, { "p", "ب", NULL }, { "r", "ر", NULL }, { "s", "س", NULL },
	{ "t", "ت", NULL }, { "u", "و", NULL }, { "v", "ف", NULL }, { "z", "ز", NULL },
	{ "y", "ي", NULL },
};

/* Characters Chinese uses to spell foreign names, one per syllable. */
static const char *const cjk_syll[] = {
	"科", "斯", "塔", "瓦", "尔", "诺", "马", "里", "亚", "卡", "多", "拉",
	"尼", "特", "巴", "德", "伊", "奥", "乌", "兹", "布", "克", "罗", "沙",
	"夫", "列", "基", "加", "纳", "维", "蒙", "阿", "萨", "贝", "哈", "莫",
	"吉", "图", "库", "米", "普", "赫", "索", "洛", "波", "达", "泽", "季",
};

/* Vowels and their accented forms, for the SCRIPT_ACCENTED spellings. */
static const struct { char from; const char *to; } accents[] = {
	{ 'a', "á" }, { 'e', "é" }, { 'i', "í" }, { 'o', "ö" }, { 'u', "ü" },
};

/* Given names, from many languages. */
static const char *const given[] = {
	"Ilya", "José", "Zoë",
	"Łukasz", "Søren", "Amira",
	"Farid", "Olena", "Dmitri",
	"Leïla", "Ngọc", "Mehmet",
	"Aiko", "Kwame", "Ingrid",
	"Tomás", "Yusuf", "Hana",
	"Björn", "Nadia", "Émile",
	"Ayşe", "Jiří", "Marta",
	"Omar", "Svetlana", "Chen",
	"Priya", "Rashid", "Anouk",
	"Zsófia", "Đorđe", "Ines",
	"Kofi", "Mei", "Bahram",
};

static const char *const surname_ends[] = {
	"ov", "ova", "ić", "escu", "i", "ani", "yan", "ski", "enko", "",
	"berg", "stad", "ović", "zade", "oğlu", "ás",
};

static const char *const roles[] = {
	"Senior fellow", "Director of research", "Professor of politics",
	"Former ambassador", "Analyst", "Editor", "Lecturer in security studies",
	"Head of the Eurasia programme", "Independent researcher",
	"Visiting scholar",
};

static const char *const affiliations[] = {
	"Centre for Eurasian Studies", "Université de Genève",
	"Московский государственный университет", "جامعة القاهرة",
	"東京大学", "Institute of Strategic Dialogue", "Uniwersytet Jagielloński",
	"Fundação Getúlio Vargas", "The Harbour Review", "Københavns Universitet",
	"Istituto Affari Internazionali", "서울대학교", "Türk Dış Politikası Merkezi",
};

/* How each kind of actor is named: '@' stands for an invented stem. */
struct kind_tpl {
	const char	*kind;
	unsigned	 share;		/* of 100 */
	const char	*names[7];
	const char	*alias;		/* a second alias, or NULL */
	int		 acronym;	/* its initials are an alias */
	int		 native;	/* the stem in another script is an alias */
};

static const struct kind_tpl kinds[] = {
	{ "state", 12, { "@", "Republic of @", NULL }, "the @ government",
	    0, 1 },
	{ "group", 15, { "@ Liberation Front", "@ Brigades",
	    "@ Popular Movement", "@ Resistance Army", "Sons of @",
	    "@ Defence Units", NULL }, NULL, 1, 0 },
	{ "person", 35, { NULL }, NULL, 0, 1 },
	{ "organisation", 15, { "Bank of @", "@ Energy Company",
	    "@ Institute for Strategic Studies", "@ Broadcasting Corporation",
	    "@ Chamber of Commerce", "@ Airways", NULL }, NULL, 1, 0 },
	{ "place", 15, { "@", "Port @", "@ Valley", "@ Pass", "Lake @",
	    "Upper @", NULL }, NULL, 0, 1 },
	{ "event", 8, { "@ Accord", "Siege of @", "@ Summit", "Battle of @",
	    "@ Crisis", "@ Ceasefire", NULL }, "the @ talks", 0, 0 },
};

/* An invented stem, its syllables kept for the other scripts. */
struct stem {
	char		 ascii[64];	/* capitalised */
	const char	*syll[4][2];	/* onset, vowel */
	const char	*coda[4];
	int		 n;
};

static void
stem_make(struct stem *s, struct rng *r)
{
	int i;

	s->n = (int)rng_range(r, 2, 3);
	s->ascii[0] = '\0';
	for (i = 0; i < s->n; i++) {
		s->syll[i][0] = PICK(r, onsets);
		s->syll[i][1] = PICK(r, vowels);
		s->coda[i] = i + 1 < s->n && rng_chance(r, 700) ? "" :
		    PICK(r, codas);
		strcat(s->ascii, s->syll[i][0]);
		strcat(s->ascii, s->syll[i][1]);
		strcat(s->ascii, s->coda[i]);
	}
	s->ascii[0] = (char)(s->ascii[0] - 'a' + 'A');
}

/* ASCII letters through a transliteration table; the first letter in
 * upper case where the script has it. */
static void
transliterate(struct sbuf *out, const char *ascii,
    const struct translit *t, size_t n)
{
	size_t i, k, len = 0;
	int first = 1;

	for (i = 0; ascii[i] != '\0';) {
		for (k = 0; k < n; k++) {
			len = strlen(t[k].from);
			if (strncasecmp(ascii + i, t[k].from, len) == 0)
				break;
		}
		if (k == n) {
			i++;	/* not a letter the table knows */
			continue;
		}
		sb_puts(out, first && t[k].upper != NULL ?
		    t[k].upper : t[k].lower);
		first = 0;
		i += len;
	}
}

static void
cjk(struct sbuf *out, const struct stem *s)
{
	uint32_t h;
	int i;

	for (i = 0; i < s->n; i++) {
		h = (uint32_t)(s->syll[i][0][0] * 31u + s->syll[i][1][0] * 7u +
		    (unsigned char)s->syll[i][0][1]);
		sb_puts(out, cjk_syll[h % (sizeof cjk_syll / sizeof cjk_syll[0])]);
	}
}

static void
accented(struct sbuf *out, const char *ascii)
{
	size_t k;
	int done = 0;

	for (; *ascii; ascii++) {
		for (k = 0; !done && k < sizeof accents / sizeof accents[0]; k++)
			if (*ascii == accents[k].from)
				break;
		if (!done && k < sizeof accents / sizeof accents[0]) {
			sb_puts(out, accents[k].to);
			done = 1;
		} else
			sb_putc(out, *ascii);
	}
}

/* The text in 'script', made from an ASCII spelling and its stem. */
static char *
spell(enum script script, const char *ascii, const struct stem *s)
{
	struct sbuf b = { NULL, 0, 0 };

	switch (script) {
	case SCRIPT_CYRILLIC:
		transliterate(&b, ascii, cyr, sizeof cyr / sizeof cyr[0]);
		break;
	case SCRIPT_ARABIC:
		transliterate(&b, ascii, arab, sizeof arab / sizeof arab[0]);
		break;
	case SCRIPT_CJK:	cjk(&b, s); break;
	default:		accented(&b, ascii); break;
	}
	sb_add(&b, "", 0);
	return b.p;
}

/* The template with '@' replaced by the stem. */
static char *
expand(const char *tpl, const char *stem)
{
	struct sbuf b = { NULL, 0, 0 };
	const char *at;

	while ((at = strchr(tpl, '@')) != NULL) {
		sb_add(&b, tpl, (size_t)(at - tpl));
		sb_puts(&b, stem);
		tpl = at + 1;
	}
	sb_puts(&b, tpl);
	return b.p;
}

/* Initials of the capitalised words: "Bank of Zarov" gives "BZ". */
static char *
acronym(const char *name)
{
	struct sbuf b = { NULL, 0, 0 };
	const char *p;

	for (p = name; *p; p++)
		if ((p == name || p[-1] == ' ') && *p >= 'A' && *p <= 'Z')
			sb_putc(&b, *p);
	sb_add(&b, "", 0);
	return b.p;
}

char *
id_from(const char *ascii)
{
	struct sbuf b = { NULL, 0, 0 };
	const char *p;

	for (p = ascii; *p; p++) {
		if (*p >= 'A' && *p <= 'Z')
			sb_putc(&b, (char)(*p - 'A' + 'a'));
		else if ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			sb_putc(&b, *p);
		else if (b.n > 0 && b.p[b.n - 1] != '-')
			sb_putc(&b, '-');
	}
	while (b.n > 0 && b.p[b.n - 1] == '-')
		b.n--;
	sb_add(&b, "", 0);
	return b.p;
}

/* A fresh id from ASCII text: "-2", "-3", ... when it is taken. */
static char *
unique_id(struct cast *c, const char *ascii)
{
	char *base = id_from(ascii), *id;
	struct sbuf b = { NULL, 0, 0 };
	int k;

	if (strset_add(&c->ids, base))
		return base;
	for (k = 2;; k++) {
		b.n = 0;
		sb_printf(&b, "%s-%d", base, k);
		if (strset_add(&c->ids, b.p))
			break;
	}
	id = xstrdup(b.p);
	sb_free(&b);
	free(base);
	return id;
}

/* Adds the alias when no one has it yet (1); frees it otherwise (0). */
static int
alias_add(struct cast *c, struct entity *e, char *alias)
{
	if (alias != NULL && strlen(alias) >= 2 &&
	    e->naliases < ENTITY_MAX_ALIASES && strset_add(&c->forms, alias)) {
		e->aliases[e->naliases++] = alias;
		return 1;
	}
	free(alias);
	return 0;
}

/* A stem nobody uses and that is no word of the prose. */
static void
fresh_stem(struct cast *c, struct rng *r, struct stem *s)
{
	char lower[64];
	size_t i;

	for (;;) {
		stem_make(s, r);
		for (i = 0; s->ascii[i]; i++)
			lower[i] = (char)(s->ascii[i] | 0x20);
		lower[i] = '\0';
		if (!strset_has(&c->forms, lower) &&
		    !strset_has(&c->forms, s->ascii))
			return;
	}
}

static enum script
pick_script(struct rng *r)
{
	static const enum script by_share[] = {
		SCRIPT_CYRILLIC, SCRIPT_CYRILLIC, SCRIPT_CYRILLIC,
		SCRIPT_CYRILLIC, SCRIPT_ARABIC, SCRIPT_ARABIC, SCRIPT_ARABIC,
		SCRIPT_CJK, SCRIPT_CJK, SCRIPT_ACCENTED,
	};

	return PICK(r, by_share);
}

/* A person's name: a given name and a surname from a stem. */
static void
person(struct cast *c, struct rng *r, struct entity *e, struct stem *s)
{
	struct sbuf last = { NULL, 0, 0 }, full = { NULL, 0, 0 };
	size_t g;

	do {
		fresh_stem(c, r, s);
		g = rng_below(r, sizeof given / sizeof given[0]);
		last.n = full.n = 0;
		sb_printf(&last, "%s%s", s->ascii, PICK(r, surname_ends));
		sb_printf(&full, "%s %s", given[g], last.p);
	} while (!strset_add(&c->forms, full.p));
	strset_add(&c->forms, s->ascii);
	e->name = full.p;
	full.p = NULL;
	e->id = unique_id(c, last.p);
	alias_add(c, e, xstrdup(last.p));
	sb_free(&full);
	sb_free(&last);
}

static const struct kind_tpl *
pick_kind(struct rng *r)
{
	uint32_t roll = rng_below(r, 100);
	size_t k;

	for (k = 0; k + 1 < sizeof kinds / sizeof kinds[0]; k++) {
		if (roll < kinds[k].share)
			break;
		roll -= kinds[k].share;
	}
	return &kinds[k];
}

static void
actor_make(struct cast *c, struct rng *r, struct entity *e)
{
	const struct kind_tpl *k = pick_kind(r);
	struct stem s;
	size_t ntpl;
	char *name, *native;

	e->kind = k->kind;
	e->script = pick_script(r);
	if (k->names[0] == NULL)
		person(c, r, e, &s);
	else {
		for (ntpl = 0; k->names[ntpl] != NULL; ntpl++)
			;
		do {
			fresh_stem(c, r, &s);
			name = expand(k->names[rng_below(r, (uint32_t)ntpl)],
			    s.ascii);
			if (strset_add(&c->forms, name)) {
				strset_add(&c->forms, s.ascii);
				break;
			}
			free(name);
		} while (1);
		e->name = name;
		e->id = unique_id(c, name);
		if (k->acronym)
			alias_add(c, e, acronym(name));
		if (k->alias != NULL)
			alias_add(c, e, expand(k->alias, s.ascii));
	}
	if (k->native) {
		native = spell(e->script, e->naliases > 0 &&
		    strcmp(k->kind, "person") == 0 ? e->aliases[0] : s.ascii, &s);
		if (alias_add(c, e, native))
			e->native = native;
	}
}

static void
expert_make(struct cast *c, struct rng *r, struct entity *e)
{
	struct stem s;
	struct sbuf b = { NULL, 0, 0 };

	person(c, r, e, &s);
	e->script = SCRIPT_LATIN;
	e->role = PICK(r, roles);
	e->affiliation = PICK(r, affiliations);
	if (e->naliases > 0 && rng_chance(r, 300)) {
		sb_printf(&b, "Dr. %s", e->aliases[0]);
		alias_add(c, e, b.p);
	}
}

void
cast_make(struct cast *c, struct rng *r, size_t nactors, size_t nexperts)
{
	size_t i;

	text_reserve_words(&c->forms);
	c->actors = xcalloc(nactors, sizeof *c->actors);
	c->experts = xcalloc(nexperts, sizeof *c->experts);
	/* Experts first: their ids are the short ones. */
	for (i = 0; i < nexperts; i++)
		expert_make(c, r, &c->experts[i]);
	for (i = 0; i < nactors; i++)
		actor_make(c, r, &c->actors[i]);
	c->nactors = nactors;
	c->nexperts = nexperts;
}

void
cast_add_letter_alias(struct cast *c)
{
	struct entity *e;

	c->actors = xrealloc(c->actors, (c->nactors + 1) * sizeof *c->actors);
	e = &c->actors[c->nactors++];
	memset(e, 0, sizeof *e);
	e->kind = "organisation";
	e->script = SCRIPT_LATIN;
	e->name = xstrdup("Aster Holdings");
	e->id = unique_id(c, "aster");
	strset_add(&c->forms, e->name);
	e->aliases[e->naliases++] = xstrdup("a");
}

static void
entity_free(struct entity *e)
{
	int i;

	free(e->id);
	free(e->name);
	for (i = 0; i < e->naliases; i++)
		free(e->aliases[i]);
}

void
cast_free(struct cast *c)
{
	size_t i;

	for (i = 0; i < c->nactors; i++)
		entity_free(&c->actors[i]);
	for (i = 0; i < c->nexperts; i++)
		entity_free(&c->experts[i]);
	free(c->actors);
	free(c->experts);
	strset_free(&c->forms);
	strset_free(&c->ids);
}
