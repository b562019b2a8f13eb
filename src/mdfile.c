#include "mdfile.h"

#include <stdlib.h>
#include <string.h>

#include "model.h"
#include "utf8.h"
#include "util.h"


void
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
 * The front matter is blanked to line breaks (LF or CR as they were)
 * rather than cut, so cmark's line numbers are the file's; the body is
 * fed to cmark as it is, not copied. cmark checks UTF-8 only when the
 * text is not valid (it has its own lines of diagnostics then): on valid
 * text the check changes nothing and costs a tenth of the parse.
 */
void
mdfile_parse(struct mdfile *m, const char *path, const char *text, size_t len,
    struct diag_list *dl)
{
	struct fm_span sp;
	cmark_parser *parser;
	char *blank;
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
	parser = cmark_parser_new(CMARK_OPT_SOURCEPOS |
	    (utf8_valid(text, len) ? 0 : CMARK_OPT_VALIDATE_UTF8));
	if (sp.present) {
		m->fm = fm_parse(text + sp.yaml_start, sp.yaml_len, path,
		    sp.yaml_line, dl);
		m->fm_broken = m->fm == NULL;
		blank = xmalloc(sp.end + 1);
		for (i = 0; i < sp.end; i++)
			blank[i] = text[i] == '\n' || text[i] == '\r' ?
			    text[i] : ' ';
		cmark_parser_feed(parser, blank, sp.end);
		free(blank);
		if (m->fm != NULL)
			fm_get_bool(m->fm, "autolink", &m->autolink, dl);
	} else
		sp.end = 0;
	cmark_parser_feed(parser, text + sp.end, len - sp.end);
	m->doc = cmark_parser_finish(parser);
	cmark_parser_free(parser);
	if (m->doc == NULL)
		util_fatal("cmark could not parse %s", path);
	join_text(m->doc);
}

char *
mdfile_inline_text(cmark_node *node)
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

