/*
 * fuzz_frontmatter: front matter from raw bytes. The input is a file's
 * text: fm_split finds the block, fm_parse composes it, and every getter
 * the loader uses is asked for every key it knows (a mapping for
 * "source", pairs for "related"). The whole input is also parsed as YAML
 * on its own, without the split. Every diagnostic, made safe, must be
 * safe.
 */
#include <stdlib.h>
#include <string.h>

#include "frontmatter.h"
#include "fuzz.h"
#include "textsafe.h"

int	LLVMFuzzerTestOneInput(const uint8_t *, size_t);

static const char *const string_keys[] = {
	"title", "subtitle", "date", "name", "role", "affiliation", "kind",
	"url", "publication", "author", "autolink", "tags", "aliases",
	"related", "source", "",
};

static void
ask(const struct fm *fm, struct diag_list *dl, int depth)
{
	struct fm_pair *pairs;
	struct strlist list = { 0 };
	struct fm *sub;
	size_t i, n, k;
	char *s;
	bool on;
	int line, col;

	for (i = 0; i < sizeof string_keys / sizeof string_keys[0]; i++) {
		const char *key = string_keys[i];

		s = NULL;
		if (fm_get_string(fm, key, &s, dl) == FM_OK)
			FUZZ_ASSERT(s != NULL);
		free(s);
		fm_get_bool(fm, key, &on, dl);
		n = list.n;
		if (fm_get_strlist(fm, key, &list, dl) == FM_OK)
			for (k = n; k < list.n; k++) {
				FUZZ_ASSERT(list.v[k] != NULL);
				fm_item_pos(fm, key, k - n, &line, &col);
			}
		fm_key_pos(fm, key, &line, &col);
		FUZZ_ASSERT(line >= 0 && col >= 0);
		if (fm_get_pairs(fm, key, &pairs, &n, dl) == FM_OK) {
			for (k = 0; k < n; k++)
				FUZZ_ASSERT(pairs[k].key != NULL &&
				    pairs[k].value != NULL);
			fm_pairs_free(pairs, n);
		}
		if (depth < 2 && fm_get_map(fm, key, &sub, dl) == FM_OK) {
			ask(sub, dl, depth + 1);
			fm_free(sub);
		}
	}
	strlist_free(&list);
}

static void
parse(const char *yaml, size_t len, int line)
{
	struct diag_list dl;
	struct fm *fm;
	size_t i, n;
	char *s, *safe;

	diag_list_init(&dl);
	fm = fm_parse(yaml, len, "f.md", line, &dl);
	ask(fm, &dl, 0);
	fm_free(fm);
	for (i = 0; i < dl.n; i++) {
		s = diag_format(&dl.v[i]);
		safe = textsafe_string(s, strlen(s), true, &n);
		fuzz_check_safe(safe, n);
		free(safe);
		free(s);
	}
	diag_list_free(&dl);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fm_span sp;
	char *text = malloc(size + 1);

	memcpy(text, data, size);
	text[size] = '\0';
	fm_split(text, size, &sp);
	if (sp.present) {
		FUZZ_ASSERT(sp.yaml_start <= size &&
		    sp.yaml_len <= size - sp.yaml_start);
		FUZZ_ASSERT(sp.end <= size && sp.yaml_line >= 1);
		parse(text + sp.yaml_start, sp.yaml_len, sp.yaml_line);
	}
	parse(text, size, 1);
	free(text);
	return 0;
}
