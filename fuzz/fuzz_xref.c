/*
 * fuzz_xref: the cross-reference index on fuzzed text with fuzzed names
 * and aliases. The first byte is flags (1: actors relate to the one
 * before; 2: and to themselves; 4: profiles say autolink: false), then
 * the article's Markdown, then, apart by NULs, one entity each: a first
 * byte 'e' for an expert (anything else, an actor), its name on the first
 * line, an alias on each line after it up to an empty line, then its
 * profile. Names and aliases go into the front matter as quoted YAML
 * strings, so that any bytes reach the matcher, not the YAML parser's
 * errors. The index is checked (fuzz.h), the lint rules run, and each
 * alias is looked up as a link URL.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check.h"
#include "fuzz.h"
#include "load.h"
#include "util.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

/* s[0..len) as a YAML double-quoted string. */
static void
yaml_quote(struct buf *b, const char *s, size_t len)
{
	char hex[8];
	size_t i;

	buf_addc(b, '"');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '"' || c == '\\') {
			buf_addc(b, '\\');
			buf_addc(b, (char)c);
		} else if (c < 0x20 || c == 0x7f) {
			snprintf(hex, sizeof hex, "\\x%02x", c);
			buf_adds(b, hex);
		} else
			buf_addc(b, (char)c);
	}
	buf_addc(b, '"');
}

/* One entity's file from its chunk: name, aliases, a blank line, body. */
static char *
entity_file(const char *s, size_t len, size_t i, unsigned flags,
    bool actor)
{
	const char *nl, *end = s + len;
	struct buf b;
	char id[32];
	bool first = true;

	buf_init(&b);
	buf_adds(&b, "---\nname: ");
	nl = memchr(s, '\n', len);
	yaml_quote(&b, s, nl != NULL ? (size_t)(nl - s) : len);
	s = nl != NULL ? nl + 1 : end;
	buf_adds(&b, "\naliases: [");
	while (s < end && *s != '\n') {
		nl = memchr(s, '\n', (size_t)(end - s));
		if (!first)
			buf_adds(&b, ", ");
		yaml_quote(&b, s, nl != NULL ? (size_t)(nl - s) :
		    (size_t)(end - s));
		first = false;
		s = nl != NULL ? nl + 1 : end;
	}
	buf_adds(&b, "]\n");
	if (actor) {
		buf_adds(&b, "kind: group\nrelated:\n");
		if ((flags & 1) && i > 0) {
			snprintf(id, sizeof id, "  a%zu: ally\n", i - 1);
			buf_adds(&b, id);
		}
		if (flags & 2) {
			snprintf(id, sizeof id, "  a%zu: itself\n", i);
			buf_adds(&b, id);
		}
	}
	if (flags & 4)
		buf_adds(&b, "autolink: false\n");
	buf_adds(&b, "---\n");
	if (s < end)
		buf_add(&b, s + 1, (size_t)(end - s - 1));
	buf_addc(&b, '\0');
	return buf_release(&b);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fin in = { data, size };
	unsigned flags = fin_byte(&in);
	const char *p = (const char *)in.p, *end = p + in.n, *nul;
	char *article, **experts, **actors, **list, id[32], url[96];
	size_t ne = 0, na = 0, *n, i;
	struct diag_list dl;
	struct briefing *b;
	struct xref *x;

	experts = xcalloc(2 * FUZZ_MAX_ENTITIES + 1, sizeof *experts);
	actors = xcalloc(2 * FUZZ_MAX_ENTITIES + 1, sizeof *actors);
	nul = memchr(p, '\0', (size_t)(end - p));
	article = xstrndup(p, nul != NULL ? (size_t)(nul - p) :
	    (size_t)(end - p));
	for (p = nul != NULL ? nul + 1 : end; p < end;) {
		nul = memchr(p, '\0', (size_t)(end - p));
		if (nul == NULL)
			nul = end;
		list = *p == 'e' ? experts : actors;
		n = *p == 'e' ? &ne : &na;
		if (nul > p && *n < FUZZ_MAX_ENTITIES) {
			snprintf(id, sizeof id, "%c%zu", *p == 'e' ? 'e' : 'a',
			    *n);
			list[2 * *n] = xstrdup(id);
			list[2 * *n + 1] = entity_file(p + 1,
			    (size_t)(nul - p - 1), *n, flags, *p != 'e');
			(*n)++;
		}
		p = nul + 1;
	}
	diag_list_init(&dl);
	b = briefing_load_strings(article, (const char *const *)experts,
	    (const char *const *)actors, NULL, false, &dl);
	if (b != NULL) {
		x = xref_build(b, &dl);
		fuzz_check_xref(b, x);
		check_briefing(b, x, &dl);
		for (i = 0; i < b->nactors; i++) {
			snprintf(url, sizeof url, "actor:%.80s",
			    b->actors[i].aliases.n > 0 ?
			    b->actors[i].aliases.v[0] : b->actors[i].id);
			ref_parse(b, url, NULL);
		}
		xref_free(x);
		briefing_free(b);
	}
	diag_list_free(&dl);
	for (i = 0; i < 2 * ne; i++)
		free(experts[i]);
	for (i = 0; i < 2 * na; i++)
		free(actors[i]);
	free(experts);
	free(actors);
	free(article);
	return 0;
}
