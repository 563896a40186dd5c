/*
 * feed.c: RSS 2.0, RSS 1.0 (RDF) and Atom items as records, with libxml2.
 *
 * Safety: no network, no external entities, no DTD loading; entity
 * references are never expanded when text is collected (only text and CDATA
 * nodes are read), so "billion laughs" documents cannot amplify.
 */
#include "internal.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

struct dsr_feed {
	xmlDocPtr doc;
	xmlNodePtr *items;
	size_t n, i;
	char *outlet;
	char *language;
};

static void S_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static bool S_is(xmlNodePtr n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name && !strcmp((const char *)n->name, name);
}

/* Text and CDATA below top, without expanding entities; depth-limited walk. */
static void S_text(xmlNodePtr top, dsr_buf *out)
{
	xmlNodePtr c = top->children;
	int depth = 1;
	while (c) {
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content &&
		    dsr_buf_adds(out, (const char *)c->content))
			return;
		if (c->type == XML_ELEMENT_NODE && c->children && depth < 200) {
			c = c->children;
			depth++;
			continue;
		}
		while (c && !c->next) {
			c = c->parent;
			depth--;
			if (c == top)
				return;
		}
		if (!c)
			return;
		c = c->next;
	}
}

static xmlNodePtr S_child(xmlNodePtr n, const char *name)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (S_is(c, name))
			return c;
	return NULL;
}

/* The text below c, trimmed, as a malloc'd string (NULL when empty). */
static char *S_trimmed_text(xmlNodePtr c)
{
	dsr_buf b;
	dsr_buf_init(&b, DSR_MAX_RECORD);
	S_text(c, &b);
	size_t s = 0, e = b.len;
	while (s < e && (unsigned char)b.buf[s] <= ' ')
		s++;
	while (e > s && (unsigned char)b.buf[e - 1] <= ' ')
		e--;
	char *r = e > s ? dsr_xstrndup(b.buf + s, e - s) : NULL;
	dsr_buf_release(&b);
	return r;
}

static char *S_child_text(xmlNodePtr n, const char *name)
{
	xmlNodePtr c = S_child(n, name);
	return c ? S_trimmed_text(c) : NULL;
}

static void S_collect(dsr_feed *f, xmlNodePtr parent)
{
	for (xmlNodePtr c = parent->children; c; c = c->next) {
		if (S_is(c, "item") || S_is(c, "entry")) {
			if (f->n % 64 == 0)
				f->items = dsr_xrealloc(f->items, (f->n + 64) * sizeof *f->items);
			f->items[f->n++] = c;
		}
	}
}

dsr_err dsr__feed_open(dsr_feed **out, const char *data, size_t n, char *err, size_t errsz,
		       const char *name)
{
	*out = NULL;
	if (n > (size_t)INT32_MAX) {
		snprintf(err, errsz, "'%s': feed too large", name);
		return DSR_ETOOBIG;
	}
	xmlSetGenericErrorFunc(NULL, S_silent);
	xmlDocPtr doc = xmlReadMemory(data, (int)n, NULL, NULL,
				      XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_NOERROR |
					      XML_PARSE_NOWARNING | XML_PARSE_RECOVER);
	if (!doc || !xmlDocGetRootElement(doc)) {
		const xmlError *xe = xmlGetLastError();
		char msg[256];
		snprintf(msg, sizeof msg, "%s", xe && xe->message ? xe->message : "XML error");
		msg[strcspn(msg, "\n")] = 0;
		snprintf(err, errsz, "'%s': not a readable feed (%s)", name, msg);
		if (doc)
			xmlFreeDoc(doc);
		return DSR_EFORMAT;
	}
	dsr_feed *f = dsr_xcalloc(1, sizeof *f);
	f->doc = doc;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	xmlNodePtr chan = S_child(root, "channel");
	if (S_is(root, "rss") && chan) {
		S_collect(f, chan);
		f->outlet = S_child_text(chan, "title");
		f->language = S_child_text(chan, "language");
	} else if (S_is(root, "RDF")) {
		S_collect(f, root);
		if (chan) {
			f->outlet = S_child_text(chan, "title");
			f->language = S_child_text(chan, "language");
		}
	} else if (S_is(root, "feed")) {
		S_collect(f, root);
		f->outlet = S_child_text(root, "title");
		xmlChar *lang = xmlNodeGetLang(root);
		if (lang) {
			f->language = dsr_xstrndup((const char *)lang, strlen((const char *)lang));
			xmlFree(lang);
		}
	} else {
		snprintf(err, errsz, "'%s': root element <%s> is not rss, RDF or feed", name,
			 (const char *)root->name);
		dsr__feed_free(f);
		return DSR_EFORMAT;
	}
	*out = f;
	return DSR_OK;
}

static const char *S_keep(dsr_arena *a, char *s)
{
	if (!s)
		return NULL;
	const char *r = dsr_arena_strndup(a, s, strlen(s));
	free(s);
	return r;
}

dsr_err dsr__feed_next(dsr_feed *f, dsr_arena *arena, dsr_record *rec)
{
	while (f->i < f->n) {
		xmlNodePtr it = f->items[f->i++];
		memset(rec, 0, sizeof *rec);
		rec->title = S_keep(arena, S_child_text(it, "title"));
		/* link: RSS text, or Atom href (rel alternate or none) */
		for (xmlNodePtr c = it->children; c && !rec->url; c = c->next) {
			if (!S_is(c, "link"))
				continue;
			xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
			if (href) {
				xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
				if (!rel || !strcmp((const char *)rel, "alternate"))
					rec->url = dsr_arena_strndup(arena, (const char *)href,
								     strlen((const char *)href));
				xmlFree(rel);
				xmlFree(href);
			} else {
				rec->url = S_keep(arena, S_trimmed_text(c));
			}
		}
		if (!rec->url) {
			xmlChar *about = xmlGetProp(it, (const xmlChar *)"about");
			if (about) {
				rec->url = dsr_arena_strndup(arena, (const char *)about,
							     strlen((const char *)about));
				xmlFree(about);
			}
		}
		static const char *dates[] = {"pubDate", "published", "date", "issued", "updated",
					      "modified"};
		for (size_t k = 0; k < sizeof dates / sizeof dates[0] && !rec->published; k++)
			rec->published = S_keep(arena, S_child_text(it, dates[k]));
		/* authors: dc:creator, RSS author, Atom author/name */
		const char *au[8];
		size_t na = 0;
		for (xmlNodePtr c = it->children; c && na < 8; c = c->next) {
			if (S_is(c, "creator")) {
				au[na] = S_keep(arena, S_child_text(it, "creator"));
				if (au[na])
					na++;
				break;
			}
			if (S_is(c, "author")) {
				xmlNodePtr nm = S_child(c, "name");
				char *s = nm ? S_child_text(c, "name") : S_child_text(it, "author");
				if (s)
					au[na++] = S_keep(arena, s);
			}
		}
		if (na) {
			rec->authors = dsr_arena_alloc(arena, na * sizeof(char *));
			memcpy(rec->authors, au, na * sizeof(char *));
			rec->nauthors = na;
		}
		/* body: full content first, then the summary */
		static const char *bodies[] = {"encoded", "content", "description", "summary"};
		for (size_t k = 0; k < 4; k++) {
			xmlNodePtr c = S_child(it, bodies[k]);
			if (!c)
				continue;
			xmlChar *type = xmlGetProp(c, (const xmlChar *)"type");
			bool xhtml = type && !strcmp((const char *)type, "xhtml");
			bool text = type && !strcmp((const char *)type, "text");
			xmlFree(type);
			dsr_buf b;
			dsr_buf_init(&b, DSR_MAX_RECORD);
			if (xhtml) {
				xmlBufferPtr xb = xmlBufferCreate();
				for (xmlNodePtr k2 = c->children; k2; k2 = k2->next)
					xmlNodeDump(xb, f->doc, k2, 0, 0);
				if (dsr_buf_add(&b, xmlBufferContent(xb), (size_t)xmlBufferLength(xb)))
					dsr_buf_clear(&b);
				xmlBufferFree(xb);
			} else {
				S_text(c, &b);
			}
			size_t s = 0;
			while (s < b.len && (unsigned char)b.buf[s] <= ' ')
				s++;
			if (s < b.len) {
				rec->data = dsr_arena_strndup(arena, b.buf + s, b.len - s);
				rec->len = b.len - s;
				rec->body = (!text && (xhtml || dsr__looks_like_html(rec->data, rec->len)))
						    ? DSR_FMT_HTML
						    : DSR_FMT_TEXT;
			}
			dsr_buf_release(&b);
			if (rec->data)
				break;
		}
		if (!rec->data) {
			if (!rec->title)
				continue;
			/* a headline-only item: the headline is all there is */
			rec->data = rec->title;
			rec->len = strlen(rec->title);
			rec->body = DSR_FMT_TEXT;
		}
		rec->fragment = true;
		rec->utf8 = true;
		rec->outlet = f->outlet ? dsr_arena_strndup(arena, f->outlet, strlen(f->outlet)) : NULL;
		rec->language = f->language ? dsr_arena_strndup(arena, f->language,
								strlen(f->language))
					    : NULL;
		return DSR_OK;
	}
	return DSR_DONE;
}

void dsr__feed_free(dsr_feed *f)
{
	if (!f)
		return;
	xmlFreeDoc(f->doc);
	free(f->items);
	free(f->outlet);
	free(f->language);
	free(f);
}
