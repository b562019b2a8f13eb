/*
 * Prose for synthetic briefings: sentences of English with words of other
 * languages, whole paragraphs in Russian, Arabic, French or CJK, emoji,
 * emphasis, lists, quotes with an expert's attribution, explicit links and
 * plain mentions of names. Text is hard-wrapped as people write Markdown,
 * never so that a line would open a block it should not.
 */
#include "gen.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>
#include <wctype.h>

#define N(table) (sizeof(table) / sizeof((table)[0]))
#define WRAP_COLUMNS 78

static const char *const function_words[] = {
	"the", "the", "the", "the", "of", "of", "of", "and", "and", "and",
	"to", "to", "a", "a", "a", "in", "in", "that", "is", "for", "on",
	"with", "as", "by", "was", "it", "its", "at", "from", "has", "have",
	"had", "not", "but", "or", "be", "are", "were", "this", "which",
	"their", "they", "an", "would", "will", "more", "than", "after",
	"over", "into", "about", "between", "against", "under", "while",
	"since", "when", "who", "whose", "also", "only", "still",
};

static const char *const nouns[] = {
	"government", "border", "corridor", "treaty", "talks", "ministry",
	"pressure", "security", "trade", "pipeline", "sanctions", "election",
	"ceasefire", "envoy", "delegation", "region", "province", "capital",
	"port", "river", "bridge", "railway", "grain", "gas", "oil", "tariff",
	"budget", "army", "militia", "militants", "refugees", "aid", "reform",
	"coalition", "parliament", "court", "decree", "summit", "agreement",
	"recognition", "embassy", "diplomats", "leverage", "deterrence",
	"alliance", "partner", "rival", "neighbours", "crisis", "conflict",
	"truce", "negotiation", "mediation", "stakes", "costs", "risks",
	"strategy", "policy", "interests", "influence", "power", "leaders",
	"officials", "analysts", "observers", "markets", "currency",
	"inflation", "debt", "loans", "investment", "infrastructure",
	"energy", "water", "drought", "harvest", "frontier", "mountains",
	"valley", "coast", "island", "routes", "convoy", "checkpoint",
	"customs", "smuggling", "networks", "cells", "attack", "claim",
	"response", "warning", "threat", "signal", "message", "statement",
	"speech", "interview", "report", "figures", "estimates", "months",
	"weeks", "years", "decade", "spring", "winter",
};

static const char *const adjectives[] = {
	"regional", "national", "foreign", "domestic", "military", "economic",
	"political", "diplomatic", "strategic", "fragile", "uneasy", "lasting",
	"brief", "costly", "unexpected", "familiar", "narrow", "broad", "wider",
	"closer", "older", "first", "second", "last", "next", "early", "late",
	"long", "new", "quiet", "open", "formal", "informal",
};

static const char *const verbs[] = {
	"seeks", "sought", "offers", "offered", "rejected", "accepted",
	"signalled", "warned", "argues", "argued", "expects", "expected",
	"remains", "remained", "holds", "held", "built", "opened", "closed",
	"moved", "pressed", "funded", "backed", "shifted", "weighs", "weighed",
	"sees", "saw", "notes", "noted", "counts", "matters", "depends",
	"suggests", "suggested", "fears", "feared", "welcomed", "questioned",
	"slowly", "quietly", "openly", "sharply", "largely", "partly",
	"formally", "dozens", "hundreds", "thousands",
};

/* Words of other languages that English prose quotes. */
static const char *const terms[] = {
	"frontière", "négociation", "sécurité", "société", "échange", "traité",
	"Übergang", "Grenzübergang", "Abkommen", "Verhandlungen",
	"bezpieczeństwo", "współpraca", "porozumienie", "čekání", "dohoda",
	"vyjednávání", "acuerdo", "frontera", "negociação", "segurança",
	"müzakere", "anlaşma", "sınır", "đàm phán", "hiệp định", "biên giới",
	"samstarf", "gränsen", "переговоры", "граница", "соглашение",
	"безопасность", "перемирие", "المفاوضات", "الحدود", "اتفاق", "هدنة",
	"協定", "国境", "交渉", "安全保障", "停戦", "합의", "국경", "협상",
};

static const char *const emoji[] = {
	"🇺🇦", "🇫🇷", "🇯🇵", "🇧🇷", "🇪🇺", "🇺🇳", "🇿🇦", "🇮🇳",
	"👨‍👩‍👧‍👦", "👩‍👩‍👦", "🧑‍🤝‍🧑", "👍🏽", "🙋🏿‍♀️", "🏳️‍🌈", "✈️",
	"📈", "🛢️", "⚠️", "🕊️", "🚢", "🌾", "🔥", "🤝", "🏴‍☠️",
};

static const char *const quote_marks[][2] = {
	{ "“", "”" }, { "«", "»" }, { "(", ")" }, { "„", "“" }, { "‘", "’" },
};

/* A language of whole sentences: how they start, words, the stop. */
struct lang {
	const char *const	*starts;
	size_t			 nstarts;
	const char *const	*words;
	size_t			 nwords;
	const char		*stop;
};

static const char *const ru_starts[] = {
	"Переговоры", "Граница", "Соглашение", "Правительство", "Министр",
	"Власти", "Стороны", "Встреча", "Эксперты", "Тем", "Однако",
};
static const char *const ru_words[] = {
	"переговоры", "граница", "соглашение", "безопасность", "правительство",
	"война", "мир", "торговля", "союз", "энергетика", "выборы", "санкции",
	"посредник", "перемирие", "область", "порт", "река", "народ", "власть",
	"договор", "вопрос", "сторона", "решение", "помощь", "давление",
	"встреча", "заявление", "министр", "армия", "город", "дорога", "газ",
	"нефть", "зерно", "и", "и", "в", "в", "на", "с", "по", "не", "что",
	"как", "для", "от", "к", "о", "из", "за", "уже", "ещё", "между",
};
static const char *const ar_words[] = {
	"المفاوضات", "الحدود", "اتفاق", "الأمن", "الحكومة", "الحرب", "السلام",
	"التجارة", "الاتحاد", "الطاقة", "الانتخابات", "العقوبات", "وسيط",
	"هدنة", "المنطقة", "الميناء", "النهر", "الشعب", "السلطة", "معاهدة",
	"مسألة", "الطرف", "قرار", "مساعدة", "ضغط", "اجتماع", "بيان", "وزير",
	"الجيش", "المدينة", "الطريق", "الغاز", "النفط", "في", "في", "من",
	"من", "على", "إلى", "مع", "أن", "بين", "بعد",
};
static const char *const ar_starts[] = {
	"وقال", "وأكد", "ويرى", "لكن", "وفي", "ومن", "وأضاف",
};
static const char *const fr_starts[] = {
	"Le", "La", "Les", "Après", "En", "Pour", "Dans", "Déjà", "À", "Selon",
};
static const char *const fr_words[] = {
	"le", "la", "les", "de", "de", "des", "et", "et", "en", "une", "un",
	"du", "que", "qui", "pour", "sur", "dans", "avec", "par", "au", "est",
	"sont", "a", "frontière", "négociation", "sécurité", "société",
	"échange", "traité", "décision", "accord", "gouvernement", "ministère",
	"région", "pression", "énergie", "élections", "député", "armée",
	"crise", "paix", "commerce", "réfugiés", "aide", "réforme", "sommet",
	"ambassade", "stratégie", "intérêts", "marché", "dette", "été",
	"hiver", "déjà", "très", "après", "même", "où", "à",
};
static const char *const cjk_words[] = {
	"協定", "国境", "交渉", "安全保障", "政府", "戦争", "平和", "貿易",
	"同盟", "エネルギー", "選挙", "制裁", "仲介", "停戦", "地域", "港",
	"川", "の", "の", "は", "が", "を", "に", "と", "で", "した", "する",
	"问题", "双方", "会谈", "边境", "合作", "经济", "认为", "表示",
};

enum lang_id { LANG_RU, LANG_AR, LANG_FR, LANG_CJK };

static const struct lang langs[] = {
	{ ru_starts, N(ru_starts), ru_words, N(ru_words), "." },	/* RU */
	{ ar_starts, N(ar_starts), ar_words, N(ar_words), "." },	/* AR */
	{ fr_starts, N(fr_starts), fr_words, N(fr_words), "." },	/* FR */
	{ cjk_words, N(cjk_words), cjk_words, N(cjk_words), "。" },	/* CJK */
};

/* A paragraph's language, per mille. */
static const struct {
	int		 lang;		/* -1: English */
	enum script	 script;
	unsigned	 share;
} para_langs[] = {
	{ -1, SCRIPT_LATIN, 860 },
	{ LANG_RU, SCRIPT_CYRILLIC, 50 },
	{ LANG_AR, SCRIPT_ARABIC, 40 },
	{ LANG_FR, SCRIPT_ACCENTED, 30 },
	{ LANG_CJK, SCRIPT_CJK, 20 },
};

/* ---- tokens: words to be wrapped, each NUL-terminated in one buffer --- */

struct toks {
	struct sbuf	 text;
	size_t		*at;
	size_t		 n, cap;
};

static void
tok_new(struct toks *t, const char *s)
{
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->at = xrealloc(t->at, t->cap * sizeof *t->at);
	}
	t->at[t->n++] = t->text.n;
	sb_puts(&t->text, s);
	sb_add(&t->text, "", 1);
}

/* Appends to the last token. */
static void
tok_cat(struct toks *t, const char *s)
{
	t->text.n--;
	sb_puts(&t->text, s);
	sb_add(&t->text, "", 1);
}

static char *
tok_get(const struct toks *t, size_t i)
{
	return t->text.p + t->at[i];
}

static void
tok_clear(struct toks *t)
{
	t->n = 0;
	t->text.n = 0;
}

static void
tok_free(struct toks *t)
{
	sb_free(&t->text);
	free(t->at);
}

/* Each word of s (split at spaces) as a token; the first gets 'pre'. */
static void
tok_words(struct toks *t, const char *pre, const char *s)
{
	const char *sp;
	struct sbuf w = { NULL, 0, 0 };

	sb_puts(&w, pre);
	while ((sp = strchr(s, ' ')) != NULL) {
		sb_add(&w, s, (size_t)(sp - s));
		tok_new(t, w.p);
		w.n = 0;
		s = sp + 1;
	}
	sb_puts(&w, s);
	tok_new(t, w.p);
	sb_free(&w);
}

/* Columns a terminal gives the text, near enough to wrap by. */
static int
columns(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	int n = 0;

	for (; *p; p++) {
		if ((*p & 0xc0) == 0x80)
			continue;
		n += *p >= 0xe3 && *p <= 0xed ? 2 : *p >= 0xf0 ? 2 : 1;
	}
	return n;
}

/* False when a line that starts with tok could open a list, a quote, a
 * heading, a thematic break or a setext underline. */
static int
line_may_start(const char *tok)
{
	const char *p = tok;

	if (strchr("-+*#>=_`~<|!", *p) != NULL)
		return 0;
	while (*p >= '0' && *p <= '9')
		p++;
	return !(p != tok && (*p == '.' || *p == ')'));
}

static void
wrap(struct sbuf *out, const struct toks *t, const char *first,
    const char *rest)
{
	const char *tok;
	size_t i;
	int col, w;

	sb_puts(out, first);
	col = columns(first);
	for (i = 0; i < t->n; i++) {
		tok = tok_get(t, i);
		w = columns(tok);
		if (i > 0 && col + 1 + w > WRAP_COLUMNS && line_may_start(tok)) {
			sb_putc(out, '\n');
			sb_puts(out, rest);
			col = columns(rest);
		} else if (i > 0) {
			sb_putc(out, ' ');
			col++;
		}
		sb_puts(out, tok);
		col += w;
	}
	sb_putc(out, '\n');
}

/* ---- references ------------------------------------------------------ */

static const struct entity *
next_actor(struct world *w)
{
	const struct entity *e;

	do {
		if (w->actor_next < w->cast.nactors)
			e = &w->cast.actors[w->actor_order[w->actor_next++]];
		else
			e = &w->cast.actors[rng_skewed(&w->rng,
			    (uint32_t)w->cast.nactors)];
	} while (e == w->self && w->cast.nactors > 1);
	return e;
}

const struct entity *
world_next_expert(struct world *w)
{
	if (w->expert_next < w->cast.nexperts)
		return &w->cast.experts[w->expert_order[w->expert_next++]];
	return &w->cast.experts[rng_skewed(&w->rng, (uint32_t)w->cast.nexperts)];
}

/* The spelling of e that text in 'script' uses. */
static const char *
form_for(struct world *w, const struct entity *e, enum script script)
{
	if (e->native != NULL && script == e->script && script != SCRIPT_LATIN)
		return e->native;
	if (e->naliases == 0 || rng_chance(&w->rng, 600))
		return e->name;
	return e->aliases[rng_below(&w->rng, (uint32_t)e->naliases)];
}

static void
plain_mention(struct world *w, struct toks *t, enum script script)
{
	const struct entity *e;
	const char *form;

	if (w->cast.nexperts > 0 && rng_chance(&w->rng, 80))
		e = &w->cast.experts[rng_skewed(&w->rng,
		    (uint32_t)w->cast.nexperts)];
	else if (w->cast.nactors > 0)
		e = next_actor(w);
	else
		return;
	form = form_for(w, e, script);
	tok_words(t, "", form);
	if (script == SCRIPT_LATIN && e->native != NULL && form != e->native &&
	    rng_chance(&w->rng, 100)) {
		tok_words(t, "(", e->native);
		tok_cat(t, ")");
	} else if (script == SCRIPT_LATIN && rng_chance(&w->rng, 80))
		tok_cat(t, rng_chance(&w->rng, 500) ? "'s" : "’s");
}

static void
link_to(struct toks *t, const char *text, const char *kind, const char *id)
{
	tok_words(t, "[", text);
	tok_cat(t, "](");
	tok_cat(t, kind);
	tok_cat(t, ":");
	tok_cat(t, id);
	tok_cat(t, ")");
}

static void
explicit_link(struct world *w, struct toks *t, enum script script)
{
	uint32_t roll = rng_below(&w->rng, 100);
	const struct entity *e;
	const struct heading *h;

	if (roll < 15 && w->nheads > 0) {
		h = &w->heads[rng_below(&w->rng, (uint32_t)w->nheads)];
		link_to(t, h->title, "section", h->slug);
	} else if (roll < 25 && w->cast.nexperts > 0 && !w->quoting) {
		e = &w->cast.experts[rng_below(&w->rng,
		    (uint32_t)w->cast.nexperts)];
		link_to(t, form_for(w, e, script), "expert", e->id);
	} else if (w->cast.nactors > 0) {
		e = next_actor(w);
		link_to(t, form_for(w, e, script), "actor", e->id);
	}
}

/* A mention or a link when one is due; counts the word either way. */
static int
due_reference(struct world *w, struct toks *t, enum script script)
{
	int mean = w->mention_mean;

	if (--w->words_to_link <= 0) {
		w->words_to_link = (int)rng_range(&w->rng, 60, 240);
		explicit_link(w, t, script);
		return 1;
	}
	if (--w->words_to_mention <= 0) {
		w->words_to_mention = (int)rng_range(&w->rng,
		    (uint32_t)(mean / 2), (uint32_t)(mean * 3 / 2));
		plain_mention(w, t, script);
		return 1;
	}
	return 0;
}

/* ---- sentences -------------------------------------------------------- */

static const char *
english_word(struct world *w)
{
	uint32_t roll = rng_below(&w->rng, 100);

	if (roll < 45)
		return PICK(&w->rng, function_words);
	if (roll < 75)
		return PICK(&w->rng, nouns);
	if (roll < 87)
		return PICK(&w->rng, adjectives);
	return PICK(&w->rng, verbs);
}

static void
capitalise(char *s)
{
	if (*s >= 'a' && *s <= 'z')
		*s = (char)(*s - 'a' + 'A');
}

/* Ends the sentence, sometimes with an emoji after it. */
static void
stop(struct world *w, struct toks *t, const char *mark)
{
	tok_cat(t, mark);
	if (rng_chance(&w->rng, 15))
		tok_new(t, PICK(&w->rng, emoji));
}

static void
quoted_term(struct world *w, struct toks *t)
{
	size_t q = rng_below(&w->rng, N(quote_marks));

	tok_new(t, quote_marks[q][0]);
	tok_cat(t, PICK(&w->rng, terms));
	tok_cat(t, quote_marks[q][1]);
}

static void
sentence_english(struct world *w, struct toks *t, int nwords)
{
	size_t first = t->n;
	const char *close = "*";
	int i, span = 0;

	for (i = 0; i < nwords; i++) {
		if (span == 0 && due_reference(w, t, SCRIPT_LATIN))
			continue;
		if (rng_chance(&w->rng, 25))
			quoted_term(w, t);
		else if (rng_chance(&w->rng, 3)) {
			tok_new(t, "`KX-");
			tok_cat(t, PICK(&w->rng, adjectives));
			tok_cat(t, "`");
		} else if (span == 0 && i > 0 && i + 3 < nwords &&
		    rng_chance(&w->rng, 30)) {
			close = rng_chance(&w->rng, 300) ? "**" : "*";
			span = (int)rng_range(&w->rng, 1, 3);
			tok_new(t, close);
			tok_cat(t, english_word(w));
		} else
			tok_new(t, english_word(w));
		if (span > 0 && --span == 0)
			tok_cat(t, close);
		else if (span == 0 && i + 1 < nwords && rng_chance(&w->rng, 60))
			tok_cat(t, ",");
	}
	if (span > 0)
		tok_cat(t, close);
	if (t->n > first)
		capitalise(tok_get(t, first));
	else
		tok_new(t, "Indeed");
	stop(w, t, rng_chance(&w->rng, 50) ? "?" : ".");
}

static void
sentence_foreign(struct world *w, struct toks *t, int lang, enum script sc,
    int nwords)
{
	const struct lang *l = &langs[lang];
	int i, after_name = 0;

	tok_new(t, l->starts[rng_below(&w->rng, (uint32_t)l->nstarts)]);
	for (i = 1; i < nwords; i++) {
		if (due_reference(w, t, sc)) {
			after_name = 1;
			continue;
		}
		/* CJK runs on without spaces, but a name stands apart. */
		if (lang == LANG_CJK && !after_name)
			tok_cat(t, l->words[rng_below(&w->rng,
			    (uint32_t)l->nwords)]);
		else
			tok_new(t, l->words[rng_below(&w->rng,
			    (uint32_t)l->nwords)]);
		after_name = 0;
	}
	stop(w, t, l->stop);
}

/* Sentences of about 'words' words in one language, as tokens. */
static void
sentences(struct world *w, struct toks *t, int words, int lang,
    enum script sc)
{
	int n;

	while (words > 0) {
		n = lang < 0 ? (int)rng_range(&w->rng, 6, 28) :
		    (int)rng_range(&w->rng, 5, 16);
		if (n > words + 4)
			n = words + 4;
		if (lang < 0)
			sentence_english(w, t, n);
		else
			sentence_foreign(w, t, lang, sc, n);
		words -= n;
	}
}

static size_t
pick_lang(struct world *w)
{
	uint32_t roll = rng_below(&w->rng, 1000);
	size_t k;

	for (k = 0; k + 1 < N(para_langs); k++) {
		if (roll < para_langs[k].share)
			break;
		roll -= para_langs[k].share;
	}
	return k;
}

/* ---- blocks ----------------------------------------------------------- */

void
text_paragraph(struct world *w, struct sbuf *out, int words)
{
	struct toks t = { { NULL, 0, 0 }, NULL, 0, 0 };
	size_t k = pick_lang(w);

	sentences(w, &t, words, para_langs[k].lang, para_langs[k].script);
	wrap(out, &t, "", "");
	sb_putc(out, '\n');
	tok_free(&t);
}

/* Mostly short and middling paragraphs, now and then a very long one. */
static int
paragraph_words(struct world *w)
{
	uint32_t roll = rng_below(&w->rng, 100);

	if (roll < 40)
		return (int)rng_range(&w->rng, 20, 60);
	if (roll < 80)
		return (int)rng_range(&w->rng, 60, 150);
	if (roll < 95)
		return (int)rng_range(&w->rng, 150, 300);
	return (int)rng_range(&w->rng, 300, 700);
}

static void
text_list(struct world *w, struct sbuf *out)
{
	struct toks t = { { NULL, 0, 0 }, NULL, 0, 0 };
	int i, n = (int)rng_range(&w->rng, 2, 7);
	int ordered = rng_chance(&w->rng, 400);
	char mark[16];

	for (i = 0; i < n; i++) {
		tok_clear(&t);
		sentences(w, &t, (int)rng_range(&w->rng, 6, 40), -1,
		    SCRIPT_LATIN);
		if (ordered)
			snprintf(mark, sizeof mark, "%d. ", i + 1);
		wrap(out, &t, ordered ? mark : "- ", ordered ? "   " : "  ");
	}
	sb_putc(out, '\n');
	tok_free(&t);
}

void
text_quote(struct world *w, struct sbuf *out, const struct entity *expert)
{
	struct toks t = { { NULL, 0, 0 }, NULL, 0, 0 };
	size_t k = rng_chance(&w->rng, 800) ? 0 : pick_lang(w);

	/* The first expert: link in a quote is whom it is attributed to. */
	w->quoting = 1;
	sentences(w, &t, (int)rng_range(&w->rng, 12, 90), para_langs[k].lang,
	    para_langs[k].script);
	w->quoting = 0;
	wrap(out, &t, "> ", "> ");
	sb_printf(out, "> — [%s](expert:%s)\n\n", expert->name, expert->id);
	tok_free(&t);
}

void
text_block(struct world *w, struct sbuf *out)
{
	uint32_t roll = rng_below(&w->rng, 1000);

	if (roll < 90)
		text_list(w, out);
	else if (roll < 170 && w->cast.nexperts > 0)
		text_quote(w, out, world_next_expert(w));
	else
		text_paragraph(w, out, paragraph_words(w));
}

void
text_timeline_item(struct world *w, struct sbuf *out, int year)
{
	struct toks t = { { NULL, 0, 0 }, NULL, 0, 0 };
	char when[32];

	snprintf(when, sizeof when, "**%d**", year);
	tok_new(&t, when);
	tok_new(&t, "—");
	sentences(w, &t, (int)rng_range(&w->rng, 8, 40), -1, SCRIPT_LATIN);
	wrap(out, &t, "- ", "  ");
	tok_free(&t);
}

void
text_profile(struct world *w, struct sbuf *out)
{
	int i, n = (int)rng_range(&w->rng, 1, 2);

	for (i = 0; i < n; i++)
		text_paragraph(w, out, (int)rng_range(&w->rng, 25, 90));
}

void
yaml_str(struct sbuf *out, const char *s)
{
	sb_putc(out, '"');
	sb_puts(out, s);
	sb_putc(out, '"');
}

void
text_reserve_words(struct strset *set)
{
	const char *const *lists[] = { function_words, nouns, adjectives,
	    verbs };
	const size_t lens[] = { N(function_words), N(nouns), N(adjectives),
	    N(verbs) };
	size_t i, j;

	for (i = 0; i < N(lists); i++)
		for (j = 0; j < lens[i]; j++)
			strset_add(set, lists[i][j]);
}

/* ---- headings ---------------------------------------------------------- */

/* '@' an actor's name, 'N' a capitalised noun, 'n' a noun, 'j' an
 * adjective, 'R' a Russian opening word, 'r' a Russian word. */
static const char *const heading_tpl[] = {
	"@ and the n", "The road to @", "Why @ matters", "N and n in @",
	"@ after the n", "N, n and the j n", "What @ wants", "@’s n",
	"N on the @ frontier", "The j n", "@'s j options", "R и r",
	"Between @ and @", "j n and j n",
};

static void
heading_part(struct world *w, struct sbuf *b, char c)
{
	char word[64];

	switch (c) {
	case '@':
		sb_puts(b, w->cast.nactors > 0 ? w->cast.actors[rng_below(
		    &w->rng, (uint32_t)w->cast.nactors)].name : "Nowhere");
		break;
	case 'N':
		snprintf(word, sizeof word, "%s", PICK(&w->rng, nouns));
		capitalise(word);
		sb_puts(b, word);
		break;
	case 'n': sb_puts(b, PICK(&w->rng, nouns)); break;
	case 'j': sb_puts(b, PICK(&w->rng, adjectives)); break;
	case 'R': sb_puts(b, PICK(&w->rng, ru_starts)); break;
	case 'r': sb_puts(b, PICK(&w->rng, ru_words)); break;
	default: sb_putc(b, c); break;
	}
}

static char *
heading_title(struct world *w)
{
	struct sbuf b = { NULL, 0, 0 };
	const char *p = PICK(&w->rng, heading_tpl);
	const char *start;

	/* A placeholder is a one-letter word; the rest is copied as is. */
	for (start = p; *p; p++) {
		if (strchr("@NnjrR", *p) != NULL && (p == start || p[-1] == ' ') &&
		    (p[1] == '\0' || strchr(" ,'\xe2", p[1]) != NULL))
			heading_part(w, &b, *p);
		else
			sb_putc(&b, *p);
	}
	return b.p;
}

/*
 * cp in lower case, as briefing's slugs have it: C.UTF-8's simple
 * mapping is utf8proc's for the scripts generated (main sets LC_CTYPE).
 */
static void
sb_add_lower(struct sbuf *b, uint32_t cp)
{
	char enc[MB_LEN_MAX];
	mbstate_t st;
	size_t k;

	memset(&st, 0, sizeof st);
	k = wcrtomb(enc, (wchar_t)towlower((wint_t)cp), &st);
	if (k != (size_t)-1)
		sb_add(b, enc, k);
}

char *
slug_of(const char *title)
{
	struct sbuf b = { NULL, 0, 0 };
	const unsigned char *p = (const unsigned char *)title;
	uint32_t cp;
	int len;

	sb_add(&b, "", 0);
	while (*p) {
		if (*p < 0x80) {
			cp = *p;
			len = 1;
		} else {
			len = *p >= 0xf0 ? 4 : *p >= 0xe0 ? 3 : 2;
			cp = *p & (0x3f >> (len - 1));
			for (int k = 1; k < len; k++)
				cp = (cp << 6) | (p[k] & 0x3f);
		}
		if (cp >= 'A' && cp <= 'Z')
			sb_putc(&b, (char)(cp - 'A' + 'a'));
		else if ((cp >= 'a' && cp <= 'z') || (cp >= '0' && cp <= '9') ||
		    cp == '-' || cp == '_')
			sb_putc(&b, (char)cp);
		else if (cp == ' ')
			sb_putc(&b, '-');
		else if (cp >= 0x80 && iswalnum((wint_t)cp))
			sb_add_lower(&b, cp);
		p += len;
	}
	return b.p;
}

/* A heading whose slug no other has: a number added if need be. */
static void
heading_add(struct world *w, struct strset *slugs, int level)
{
	struct heading *h = &w->heads[w->nheads];
	char *title = NULL, *slug = NULL;
	struct sbuf b = { NULL, 0, 0 };
	int tries;

	for (tries = 0; tries < 20; tries++) {
		free(title);
		free(slug);
		title = heading_title(w);
		slug = slug_of(title);
		if (*slug != '\0' && strset_add(slugs, slug))
			break;
	}
	if (tries == 20) {
		sb_printf(&b, "%s (%zu)", title, w->nheads + 1);
		free(title);
		free(slug);
		title = b.p;
		slug = slug_of(title);
		if (!strset_add(slugs, slug))
			die("no unique slug for '%s'", title);
	}
	h->title = title;
	h->slug = slug;
	h->level = level;
	w->nheads++;
}

void
world_headings(struct world *w, size_t nsections)
{
	struct strset slugs = { NULL, 0, 0 };
	size_t i, k, nsub;

	/* At most three subsections per section. */
	w->heads = xcalloc(nsections * 4, sizeof *w->heads);
	strset_add(&slugs, "overview");
	for (i = 0; i < nsections; i++) {
		heading_add(w, &slugs, 2);
		nsub = rng_chance(&w->rng, 300) ? rng_range(&w->rng, 1, 3) : 0;
		for (k = 0; k < nsub; k++)
			heading_add(w, &slugs, 3);
	}
	strset_free(&slugs);
}

static uint32_t *
shuffled(struct rng *r, size_t n)
{
	uint32_t *v = xcalloc(n, sizeof *v), tmp;
	size_t i, j;

	for (i = 0; i < n; i++)
		v[i] = (uint32_t)i;
	for (i = n; i > 1; i--) {
		j = rng_below(r, (uint32_t)i);
		tmp = v[i - 1];
		v[i - 1] = v[j];
		v[j] = tmp;
	}
	return v;
}

void
world_init(struct world *w, uint64_t seed, size_t nactors, size_t nexperts)
{
	memset(w, 0, sizeof *w);
	rng_seed(&w->rng, seed);
	cast_make(&w->cast, &w->rng, nactors, nexperts);
	w->mention_mean = 40;
	w->words_to_mention = 20;
	w->words_to_link = 60;
	world_restart(w);
}

void
world_restart(struct world *w)
{
	free(w->actor_order);
	free(w->expert_order);
	w->actor_order = shuffled(&w->rng, w->cast.nactors);
	w->expert_order = shuffled(&w->rng, w->cast.nexperts);
	w->actor_next = w->expert_next = 0;
}

void
world_free(struct world *w)
{
	size_t i;

	for (i = 0; i < w->nheads; i++) {
		free(w->heads[i].title);
		free(w->heads[i].slug);
	}
	free(w->heads);
	free(w->actor_order);
	free(w->expert_order);
	cast_free(&w->cast);
}

void
text_line(struct world *w, struct sbuf *out)
{
	struct toks t = { { NULL, 0, 0 }, NULL, 0, 0 };
	size_t i;

	sentence_english(w, &t, (int)rng_range(&w->rng, 6, 10));
	if (!line_may_start(tok_get(&t, 0)))
		sb_puts(out, "Then ");
	for (i = 0; i < t.n; i++) {
		if (i > 0)
			sb_putc(out, ' ');
		sb_puts(out, tok_get(&t, i));
	}
	sb_putc(out, '\n');
	tok_free(&t);
}
