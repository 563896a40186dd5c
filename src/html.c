/*
 * html.c: main content and metadata of an HTML page (libxml2 tree).
 *
 * Passes, all iterative (pages may nest 100,000 elements deep):
 *  1. measure: text and link-text length of every element;
 *  2. prune: drop non-content tags, hidden elements and containers whose
 *     class/id/role name boilerplate (navigation, share bars, comments,
 *     related lists, cookie and subscription notices, captions), unless
 *     they hold most of the page's text;
 *  3. score: paragraphs add to their ancestors (commas, length), scaled by
 *     link density; the best container wins and its good siblings join;
 *  4. serialize: block elements become paragraphs, with conditional
 *     cleaning of link lists and boilerplate lines inside the content.
 */
#include "internal.h"
#include "html.h"
#include "dossier/date.h"
#include "dossier/json.h"

#include <ctype.h>
#include <stdint.h>
#include <threads.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

enum S_flags {
	F_DROP = 1 << 0,    /* not content */
	F_BLOCK = 1 << 1,   /* block-level element */
	F_SCORED = 1 << 2,  /* has a content score */
	F_KEEP = 1 << 3,    /* selected as content */
	F_POS = 1 << 4,     /* class/id says content */
	F_NEG = 1 << 5,     /* class/id says boilerplate */
	F_BTAG = 1 << 6,    /* boilerplate by its tag */
	F_SOFT = 1 << 7,    /* class/id weakly says boilerplate */
	F_CORE = 1 << 8,    /* the best candidate or one of its ancestors */
};

typedef struct S_info {
	unsigned flags;
	unsigned depth;
	unsigned tag;    /* enum S_tagid */
	size_t text;     /* non-space chars of text below */
	size_t link;     /* of which inside <a> */
	size_t commas;
	size_t paras;    /* <p> below */
	double score;
} S_info;

struct S_meta;

typedef struct S_ctx {
	dsr_arena *arena;
	struct S_meta *meta;
	htmlDocPtr doc;
	xmlNodePtr body;
	size_t total;    /* text of the body */
	bool debug;      /* $DOSSIER_DEBUG_EXTRACT: explain choices on stderr */
	bool lenient;    /* ignore class/id words when pruning */
} S_ctx;

static S_info *S_i(xmlNodePtr n)
{
	return (S_info *)n->_private;
}

static const char *S_name(xmlNodePtr n)
{
	return n->name ? (const char *)n->name : "";
}


/*
 * Tag names and class/id words, looked up once per element or word in one
 * hash table (libxml2's HTML parser lowercases tag names). Each entry holds
 * the word's classes (W_*) and, for the tags the passes test, a tag id.
 */
enum S_tagid {
	T_OTHER, T_A, T_ADDRESS, T_ARTICLE, T_ASIDE, T_BLOCKQUOTE, T_BODY, T_BR, T_DD, T_DIV,
	T_DL, T_DT, T_FIGURE, T_FORM, T_H1, T_H2, T_H3, T_H4, T_H5, T_H6, T_HEADER, T_HTML,
	T_LI, T_LINK, T_MAIN, T_META, T_NOSCRIPT, T_OL, T_P, T_PRE, T_SCRIPT, T_SECTION,
	T_STYLE, T_SVG, T_TABLE, T_TD, T_TH, T_TIME, T_TITLE, T_UL,
};

enum S_wordbits {
	W_BLOCK = 1 << 0,  /* block-level tag */
	W_DROP = 1 << 1,   /* tag that is never content */
	W_BOILER = 1 << 2, /* boilerplate tag */
	W_NEG = 1 << 3,    /* class/id word of boilerplate */
	W_SOFT = 1 << 4,   /* class/id word weakly of boilerplate */
	W_POS = 1 << 5,    /* class/id word of content */
};

static const char *const S_drop_tags[] = {
	"audio", "button", "canvas", "dialog", "embed", "head", "iframe", "img", "input",
	"link", "map", "menu", "meta", "noscript", "object", "option", "picture", "script",
	"select", "source", "style", "svg", "template", "textarea", "title", "video", NULL};

/* Boilerplate by tag, dropped unless it holds most of the page's text (an
 * unclosed <nav> can swallow the whole page in a non-HTML5 parse). */
static const char *const S_boiler_tags[] = {
	"aside", "figcaption", "footer", "label", "menu", "nav", NULL};

static const char *const S_block_tags[] = {
	"address", "article", "aside", "blockquote", "body", "br", "caption", "center", "dd",
	"details", "dialog", "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure",
	"footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html",
	"li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td",
	"tfoot", "th", "thead", "tr", "ul", NULL};

/* Words in class, id or role that mark boilerplate containers. */
static const char *const S_neg_words[] = {
	"advert", "advertisement", "advertising", "adverts", "alert", "author", "authors",
	"banner", "breadcrumb", "breadcrumbs", "byline", "caption", "comment", "commentlist",
	"comments", "consent", "contact", "cookie", "cookies", "copyright", "credit", "credits",
	"dateline", "disqus", "donate", "donation", "feedback", "follow", "footer", "gdpr",
	"head", "header", "legal", "lightbox", "login", "masthead", "menu", "menubar", "meta",
	"modal", "mostpopular", "mostread", "nav", "navbar", "navigation", "newsletter",
	"notification", "outbrain", "overlay", "pager", "pagination", "popular", "popup",
	"promo", "promotion", "rating", "reactions", "recommendation", "recommendations",
	"recommended", "related", "share", "sharebar", "sharing", "signin", "signup", "sitemap",
	"skip", "social", "socialbar", "socials", "sponsor", "sponsored", "subnav", "subscribe",
	"subscription", "survey", "taboola", "tagcloud", "tags", "timestamp", "toolbar",
	"topbar", "topics", "trending", "votes", NULL};

/* Weaker words: a penalty, and pruned only when link-heavy or tiny. */
static const char *const S_soft_words[] = {
	"ad", "ads", "app", "aside", "bottom", "carousel", "email", "facebook", "gallery",
	"hidden", "jump", "linkedin", "links", "list", "listing", "membership", "more",
	"paywall", "pinterest", "player", "print", "rail", "readmore", "recirc",
	"recirculation", "reddit", "sidebar", "slideshow", "sticky", "teaser", "teasers",
	"thumb", "thumbnail", "tools", "tooltip", "twitter", "utility", "video", "whatsapp",
	"widget", "widgets", NULL};

static const char *const S_pos_words[] = {
	"abstract", "article", "articlebody", "blog", "body", "column", "content", "entry",
	"entrycontent", "intro", "lead", "main", "page", "post", "postbody", "prose",
	"richtext", "story", "storybody", "text", NULL};

static const char *const S_tag_ids[] = {
	[T_A] = "a", [T_ADDRESS] = "address", [T_ARTICLE] = "article", [T_ASIDE] = "aside",
	[T_BLOCKQUOTE] = "blockquote", [T_BODY] = "body", [T_BR] = "br", [T_DD] = "dd",
	[T_DIV] = "div", [T_DL] = "dl", [T_DT] = "dt", [T_FIGURE] = "figure", [T_FORM] = "form",
	[T_H1] = "h1", [T_H2] = "h2", [T_H3] = "h3", [T_H4] = "h4", [T_H5] = "h5", [T_H6] = "h6",
	[T_HEADER] = "header", [T_HTML] = "html", [T_LI] = "li", [T_LINK] = "link",
	[T_MAIN] = "main", [T_META] = "meta", [T_NOSCRIPT] = "noscript", [T_OL] = "ol",
	[T_P] = "p", [T_PRE] = "pre", [T_SCRIPT] = "script", [T_SECTION] = "section",
	[T_STYLE] = "style", [T_SVG] = "svg", [T_TABLE] = "table", [T_TD] = "td", [T_TH] = "th",
	[T_TIME] = "time", [T_TITLE] = "title", [T_UL] = "ul",
};

#define S_WSLOTS 1024 /* a power of two, well above the ~260 words */
typedef struct S_word {
	const char *w;
	unsigned char bits, tag;
} S_word;
static S_word S_words[S_WSLOTS];
static once_flag S_words_once = ONCE_FLAG_INIT;

static size_t S_hash(const char *w, size_t n)
{
	return (size_t)dsr_hash64(w, n, 0) & (S_WSLOTS - 1);
}

static S_word *S_slot(const char *w)
{
	size_t n = strlen(w);
	for (size_t i = S_hash(w, n);; i = (i + 1) & (S_WSLOTS - 1))
		if (!S_words[i].w || !strcmp(S_words[i].w, w))
			return &S_words[i];
}

static void S_words_add(const char *const *list, unsigned bits)
{
	for (; *list; list++) {
		S_word *e = S_slot(*list);
		e->w = *list;
		e->bits |= (unsigned char)bits;
	}
}

static void S_words_build(void)
{
	S_words_add(S_drop_tags, W_DROP);
	S_words_add(S_boiler_tags, W_BOILER);
	S_words_add(S_block_tags, W_BLOCK);
	S_words_add(S_neg_words, W_NEG);
	S_words_add(S_soft_words, W_SOFT);
	S_words_add(S_pos_words, W_POS);
	for (size_t t = 1; t < sizeof S_tag_ids / sizeof *S_tag_ids; t++) {
		S_word *e = S_slot(S_tag_ids[t]);
		e->w = S_tag_ids[t];
		e->tag = (unsigned char)t;
	}
}

/* The entry of a lowercase word of n bytes (NULL when not listed). */
static const S_word *S_lookup(const char *w, size_t n)
{
	for (size_t i = S_hash(w, n);; i = (i + 1) & (S_WSLOTS - 1)) {
		const S_word *e = &S_words[i];
		if (!e->w)
			return NULL;
		if (!strncmp(e->w, w, n) && !e->w[n])
			return e;
	}
}

/* The tag id of an element. */
static unsigned S_id(xmlNodePtr n)
{
	if (n->type != XML_ELEMENT_NODE)
		return T_OTHER;
	if (n->_private)
		return S_i(n)->tag;
	const S_word *e = S_lookup(S_name(n), strlen(S_name(n)));
	return e ? e->tag : T_OTHER;
}

/* A class/id word that runs several words together ("cookieconsent",
 * "newsletterbox", "socialshare"): boilerplate when it begins with one of
 * these unambiguous words. */
static unsigned S_compound(const char *w)
{
	static const char *const heads[] = {"advert", "breadcrumb", "consent", "cookie", "gdpr",
					    "newsletter", "paywall", "sharing", "social", NULL};
	for (const char *const *h = heads; *h; h++)
		if (!strncmp(w, *h, strlen(*h)))
			return W_NEG;
	return 0;
}

/* Splits a class/id value into lowercase word tokens on non-letters. */
static int S_words_weight(const char *v, unsigned *flags)
{
	char w[40];
	size_t k = 0;
	int neg = 0, pos = 0, soft = 0;
	for (const char *p = v;; p++) {
		if (*p && isalpha((unsigned char)*p)) {
			if (k < sizeof w - 1)
				w[k++] = (char)tolower((unsigned char)*p);
			continue;
		}
		if (k) {
			w[k] = 0;
			const S_word *e = S_lookup(w, k);
			unsigned b = e ? e->bits : S_compound(w);
			if (b & W_NEG)
				neg++;
			else if (b & W_SOFT)
				soft++;
			else if (b & W_POS)
				pos++;
			k = 0;
		}
		if (!*p)
			break;
	}
	if (neg)
		*flags |= F_NEG;
	if (soft)
		*flags |= F_SOFT;
	if (pos)
		*flags |= F_POS;
	return (pos ? 25 : 0) - (neg || soft ? 25 : 0);
}

static char *S_attr(xmlNodePtr n, const char *a)
{
	return (char *)xmlGetProp(n, (const xmlChar *)a);
}

/* An attribute's value without copying it (NULL when absent or not plain). */
static const char *S_attrv(xmlNodePtr n, const char *name)
{
	for (xmlAttrPtr a = n->properties; a; a = a->next) {
		if (a->name && !strcmp((const char *)a->name, name)) {
			if (a->children && a->children->type == XML_TEXT_NODE && !a->children->next)
				return a->children->content ? (const char *)a->children->content : "";
			return "";
		}
	}
	return NULL;
}

/* Class/id weight and flags of an element. */
static int S_weight(xmlNodePtr n, unsigned *flags)
{
	int w = 0;
	static const char *const attrs[] = {"class", "id", "role", NULL};
	if (!n->properties)
		return 0;
	for (const char *const *a = attrs; *a; a++) {
		const char *v = S_attrv(n, *a);
		if (v && *v)
			w += S_words_weight(v, flags);
	}
	return w;
}

static bool S_hidden(xmlNodePtr n)
{
	if (!n->properties)
		return false;
	if (S_attrv(n, "hidden"))
		return true;
	const char *v = S_attrv(n, "aria-hidden");
	if (v && !strcasecmp(v, "true"))
		return true;
	v = S_attrv(n, "style");
	if (!v)
		return false;
	/* "display:none" or "visibility:hidden", spaces allowed */
	char squeezed[256];
	size_t k = 0;
	for (; *v && k < sizeof squeezed - 1; v++)
		if (!isspace((unsigned char)*v))
			squeezed[k++] = (char)tolower((unsigned char)*v);
	squeezed[k] = 0;
	return strstr(squeezed, "display:none") || strstr(squeezed, "visibility:hidden");
}

/* Counts non-space characters (UTF-8 code points) and commas in text. */
static void S_count(const char *t, size_t *chars, size_t *commas)
{
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		if (*p <= ' ')
			continue;
		if ((*p & 0xC0) == 0x80)
			continue;
		(*chars)++;
		if (*p == ',')
			(*commas)++;
		else if (p[0] == 0xEF && p[1] == 0xBC && p[2] == 0x8C)
			(*commas)++; /* fullwidth comma */
	}
}

/*
 * Iterative pre/post-order walk of elements below root.
 * pre() may return false to skip a subtree; post() runs after children.
 */
typedef bool (*S_pre_fn)(S_ctx *, xmlNodePtr);
typedef void (*S_post_fn)(S_ctx *, xmlNodePtr);

static void S_walk(S_ctx *c, xmlNodePtr root, S_pre_fn pre, S_post_fn post)
{
	xmlNodePtr n = root;
	if (pre && !pre(c, n))
		return;
	xmlNodePtr ch = n->children;
	for (;;) {
		while (ch && ch->type != XML_ELEMENT_NODE)
			ch = ch->next;
		if (ch) {
			if (!pre || pre(c, ch)) {
				if (ch->children) {
					n = ch;
					ch = ch->children;
					continue;
				}
			} else {
				ch = ch->next;
				continue;
			}
			if (post)
				post(c, ch);
			ch = ch->next;
			continue;
		}
		if (post)
			post(c, n);
		if (n == root)
			return;
		ch = n->next;
		n = n->parent;
	}
}

/* ---- pass 1: infos, flags, text lengths ---- */

static bool S_pre_init(S_ctx *c, xmlNodePtr n)
{
	S_info *in = dsr_arena_alloc(c->arena, sizeof *in);
	memset(in, 0, sizeof *in);
	n->_private = in;
	if (n->parent && n->parent->_private && n->parent->type == XML_ELEMENT_NODE)
		in->depth = S_i(n->parent)->depth + 1;
	const char *nm = S_name(n);
	const S_word *e = S_lookup(nm, strlen(nm));
	unsigned b = e ? e->bits : 0;
	in->tag = e ? e->tag : T_OTHER;
	if (b & W_BLOCK)
		in->flags |= F_BLOCK;
	if ((b & W_DROP) || S_hidden(n))
		in->flags |= F_DROP;
	else if (b & W_BOILER)
		in->flags |= F_BTAG;
	in->score = S_weight(n, &in->flags);
	return true;
}

static void S_post_measure(S_ctx *c, xmlNodePtr n)
{
	(void)c;
	S_info *in = S_i(n);
	if (in->flags & F_DROP)
		return;
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
			if (k->content)
				S_count((const char *)k->content, &in->text, &in->commas);
		} else if (k->type == XML_ELEMENT_NODE && k->_private) {
			S_info *ki = S_i(k);
			if (ki->flags & F_DROP)
				continue;
			in->text += ki->text;
			in->commas += ki->commas;
			in->link += ki->link;
			in->paras += ki->paras + (S_id(k) == T_P ? 1 : 0);
		}
	}
	if (S_id(n) == T_A)
		in->link = in->text;
}

static void S_post_measure_reset(S_ctx *c, xmlNodePtr n)
{
	S_info *in = S_i(n);
	in->text = in->link = in->commas = in->paras = 0;
	S_post_measure(c, n);
}

static double S_link_density(const S_info *in)
{
	return in->text ? (double)in->link / (double)in->text : 0.0;
}

static bool S_pre_btag(S_ctx *c, xmlNodePtr n)
{
	S_info *in = S_i(n);
	if (in->flags & F_DROP)
		return false;
	if ((in->flags & F_BTAG) && in->text * 2 < c->total) {
		in->flags |= F_DROP;
		return false;
	}
	return true;
}

/* ---- pass 2: prune boilerplate containers ---- */

static bool S_pre_prune(S_ctx *c, xmlNodePtr n)
{
	S_info *in = S_i(n);
	if (in->flags & F_DROP)
		return false;
	const char *nm = S_name(n);
	unsigned t = S_id(n);
	bool structural = t == T_HTML || t == T_BODY ||
			  t == T_ARTICLE || t == T_MAIN;
	if (c->debug && in->text > 150 && (in->flags & F_NEG)) {
		char *cl = S_attr(n, "class"), *id = S_attr(n, "id");
		fprintf(stderr, "prune? <%s class='%s' id='%s'> text=%zu paras=%zu pos=%d\n", nm,
			cl ? cl : "", id ? id : "", in->text, in->paras, !!(in->flags & F_POS));
		xmlFree(cl);
		xmlFree(id);
	}
	if (c->lenient) {
		/* tags and link density only */
	} else if (!structural && (in->flags & F_NEG) && !(in->flags & F_POS)) {
		/* never drop what holds most of the page's text */
		if (in->text * 2 < c->total || in->text < 200)
			in->flags |= F_DROP;
	} else if (!structural && (in->flags & F_NEG) && (in->flags & F_POS) &&
		   in->text * 5 < c->total && in->paras < 2) {
		in->flags |= F_DROP;
	} else if (!structural && (in->flags & F_SOFT) && !(in->flags & F_POS) &&
		   in->text * 2 < c->total &&
		   (S_link_density(in) > 0.4 || (in->text < 80 && in->paras == 0))) {
		in->flags |= F_DROP;
	} else if (t == T_HEADER && in->text * 3 < c->total) {
		in->flags |= F_DROP;
	} else if (t == T_FORM && in->paras < 2 && in->text * 3 < c->total) {
		in->flags |= F_DROP;
	} else if (t == T_FIGURE && in->paras < 2) {
		in->flags |= F_DROP;
	}
	return !(in->flags & F_DROP);
}

/* ---- pass 3: scoring ---- */


static void S_init_score(xmlNodePtr n)
{
	S_info *in = S_i(n);
	if (in->flags & F_SCORED)
		return;
	in->flags |= F_SCORED;
	unsigned t = S_id(n);
	/* in->score already holds the class weight */
	if (t == T_DIV || t == T_ARTICLE || t == T_MAIN ||
	    t == T_SECTION)
		in->score += 5;
	else if (t == T_PRE || t == T_TD || t == T_BLOCKQUOTE)
		in->score += 3;
	else if (t == T_ADDRESS || t == T_OL || t == T_UL ||
		 t == T_DL || t == T_DD || t == T_DT ||
		 t == T_LI || t == T_FORM)
		in->score -= 3;
	else if (t >= T_H1 && t <= T_H6)
		in->score -= 5;
	else if (t == T_TH)
		in->score -= 5;
	if (t == T_ARTICLE || t == T_MAIN)
		in->score += 10;
}

/* Text directly in n (not in block children): the "div as paragraph" case. */
static size_t S_own_text(xmlNodePtr n, size_t *commas)
{
	size_t chars = 0;
	for (xmlNodePtr k = n->children; k; k = k->next) {
		if (k->type == XML_TEXT_NODE && k->content)
			S_count((const char *)k->content, &chars, commas);
		else if (k->type == XML_ELEMENT_NODE && k->_private &&
			 !(S_i(k)->flags & (F_DROP | F_BLOCK)))
			chars += S_i(k)->text, *commas += S_i(k)->commas;
	}
	return chars;
}

static void S_add_score(xmlNodePtr n, size_t len, size_t commas)
{
	if (len < 25)
		return;
	double s = 1.0 + (double)commas + (double)(len / 100 < 3 ? len / 100 : 3);
	xmlNodePtr a = n->parent;
	for (int level = 0; a && a->type == XML_ELEMENT_NODE && a->_private && level < 5; level++) {
		S_init_score(a);
		double div = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
		S_i(a)->score += s / div;
		a = a->parent;
	}
}

static bool S_pre_score(S_ctx *c, xmlNodePtr n)
{
	(void)c;
	S_info *in = S_i(n);
	if (in->flags & F_DROP)
		return false;
	unsigned t = S_id(n);
	if (t == T_P || t == T_PRE || t == T_TD) {
		S_add_score(n, in->text - in->link / 2, in->commas);
		return t == T_TD;
	}
	if (t == T_DIV || t == T_SECTION || t == T_ARTICLE ||
	    t == T_BLOCKQUOTE || t == T_LI || t == T_DD) {
		size_t commas = 0;
		size_t own = S_own_text(n, &commas);
		if (own >= 25) {
			/* score the div as its own paragraph: credit the div itself */
			S_init_score(n);
			S_add_score(n, own, commas);
			double s = 1.0 + (double)commas + (double)(own / 100 < 3 ? own / 100 : 3);
			S_i(n)->score += s;
		}
	}
	return true;
}

typedef struct S_best {
	xmlNodePtr node[6];
	double score[6];
} S_best;

static void S_collect_best(xmlNodePtr root, S_best *b)
{
	memset(b, 0, sizeof *b);
	xmlNodePtr n = root;
	/* iterative pre-order over non-dropped elements */
	while (n) {
		S_info *in = n->type == XML_ELEMENT_NODE ? S_i(n) : NULL;
		bool descend = in && !(in->flags & F_DROP);
		if (in && descend && (in->flags & F_SCORED)) {
			double s = in->score * (1.0 - S_link_density(in));
			for (int k = 0; k < 6; k++) {
				if (!b->node[k] || s > b->score[k]) {
					memmove(&b->node[k + 1], &b->node[k], (5 - k) * sizeof(xmlNodePtr));
					memmove(&b->score[k + 1], &b->score[k], (5 - k) * sizeof(double));
					b->node[k] = n;
					b->score[k] = s;
					break;
				}
			}
		}
		if (descend && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		if (!n || n == root)
			break;
		n = n->next;
	}
}

static bool S_is_ancestor(xmlNodePtr a, xmlNodePtr n)
{
	for (; n; n = n->parent)
		if (n == a)
			return true;
	return false;
}

static double S_final(xmlNodePtr n)
{
	S_info *in = S_i(n);
	return (in->flags & F_SCORED) ? in->score * (1.0 - S_link_density(in)) : 0.0;
}

/* Picks the content container and marks it and its good siblings F_KEEP. */
static xmlNodePtr S_select(S_ctx *c)
{
	S_best b;
	S_collect_best(c->body, &b);
	xmlNodePtr top = b.node[0];
	if (!top)
		return NULL;
	for (int k = 0; c->debug && k < 6 && b.node[k]; k++) {
		char *cl = S_attr(b.node[k], "class");
		fprintf(stderr, "cand %d <%s class='%s'> score=%.1f text=%zu\n", k,
			S_name(b.node[k]), cl ? cl : "", b.score[k], S_i(b.node[k])->text);
		xmlFree(cl);
	}
	double ts = b.score[0];
	/* the best candidate's text is never cleaned away as a link list around it */
	for (xmlNodePtr a = top; a && a->type == XML_ELEMENT_NODE && a->_private; a = a->parent)
		S_i(a)->flags |= F_CORE;
	/* several strong candidates under one ancestor: take the ancestor */
	for (xmlNodePtr a = top->parent; a && a->type == XML_ELEMENT_NODE && a != c->body->parent;
	     a = a->parent) {
		int shared = 0;
		for (int k = 1; k < 6 && b.node[k]; k++)
			if (b.score[k] >= ts * 0.75 && S_is_ancestor(a, b.node[k]))
				shared++;
		if (shared >= 2) {
			top = a;
			break;
		}
		if (a == c->body)
			break;
	}
	/* a short winner inside a candidate with several times its text: a
	 * classed fragment (a lead, a teaser box) of the article around it */
	if (top == b.node[0] && S_i(top)->text < 300) {
		xmlNodePtr best = NULL;
		for (int k = 1; k < 6 && b.node[k]; k++) {
			S_info *ki = S_i(b.node[k]);
			if (b.score[k] >= ts * 0.5 && ki->text >= 3 * S_i(top)->text &&
			    S_link_density(ki) < 0.3 && S_is_ancestor(b.node[k], top) &&
			    (!best || ki->text < S_i(best)->text))
				best = b.node[k];
		}
		if (best)
			top = best;
	}
	/* climb while the parent is the only real child holder or scores higher */
	for (;;) {
		xmlNodePtr p = top->parent;
		if (!p || p->type != XML_ELEMENT_NODE || !p->_private || p == c->body->parent)
			break;
		S_info *pi = S_i(p), *ti = S_i(top);
		if (pi->flags & (F_DROP | F_NEG))
			break;
		if (pi->text <= ti->text + 10 && p != c->body) {
			top = p; /* the only child with text */
			continue;
		}
		break;
	}
	S_info *ti = S_i(top);
	ti->flags |= F_KEEP;
	double topscore = S_final(top) > ts ? S_final(top) : ts;
	double threshold = topscore * 0.2 > 10 ? topscore * 0.2 : 10;
	xmlNodePtr parent = top->parent;
	if (!parent || top == c->body)
		return top;
	char *tcls = S_attr(top, "class");
	for (xmlNodePtr s = parent->children; s; s = s->next) {
		if (s == top || s->type != XML_ELEMENT_NODE || !s->_private)
			continue;
		S_info *si = S_i(s);
		if (si->flags & F_DROP)
			continue;
		double bonus = 0;
		char *scls = S_attr(s, "class");
		if (tcls && scls && *tcls && !strcmp(tcls, scls))
			bonus = topscore * 0.2;
		xmlFree(scls);
		double ld = S_link_density(si);
		bool keep = false;
		if ((si->flags & F_SCORED) && S_final(s) + bonus >= threshold)
			keep = true;
		else if (S_id(s) == T_P || S_id(s) == T_BLOCKQUOTE || S_id(s) == T_PRE ||
			 S_id(s) == T_UL || S_id(s) == T_OL || (S_id(s) == T_DIV && si->text > 0 && !si->paras)) {
			if (si->text > 80 && ld < 0.25)
				keep = true;
			else if (si->text > 0 && si->text <= 80 && ld == 0 && si->commas + 1 > 0) {
				/* short, link-free, sentence-like */
				xmlChar *t = xmlNodeGetContent(s);
				if (t) {
					size_t l = strlen((const char *)t);
					while (l && isspace(t[l - 1]))
						l--;
					keep = l && (t[l - 1] == '.' || t[l - 1] == '!' || t[l - 1] == '?' ||
						     t[l - 1] == ':' || strstr((const char *)t, ". "));
					xmlFree(t);
				}
			}
		} else if (s->name && S_name(s)[0] == 'h' && isdigit((unsigned char)S_name(s)[1]) &&
			   ld < 0.5 && si->text > 0) {
			/* a subheading between kept blocks is part of the text */
			keep = (s->prev || s->next);
		}
		if (keep)
			si->flags |= F_KEEP;
	}
	xmlFree(tcls);
	/* a heading is only kept when content follows it */
	bool after = false;
	xmlNodePtr last = parent->last;
	for (xmlNodePtr s = last; s; s = s->prev) {
		if (s->type != XML_ELEMENT_NODE || !s->_private)
			continue;
		S_info *si = S_i(s);
		bool heading = s->name && S_name(s)[0] == 'h' && isdigit((unsigned char)S_name(s)[1]);
		if (heading && (si->flags & F_KEEP) && !after)
			si->flags &= ~(unsigned)F_KEEP;
		if ((si->flags & F_KEEP) && !heading)
			after = true;
	}
	return top;
}

/* ---- pass 4: serialize with conditional cleaning ---- */

typedef struct S_out {
	dsr_buf *b;
	bool pending_space;
	bool pending_break;   /* paragraph break */
	int pending_nl;       /* line breaks from <br> */
	bool started;
} S_out;

static void S_emit_text(S_out *o, const char *t)
{
	for (const unsigned char *p = (const unsigned char *)t; *p; p++) {
		bool sp = *p == ' ' || *p == '\t' || *p == '\n' || *p == '\r' || *p == '\f';
		if (!sp && p[0] == 0xC2 && p[1] == 0xA0) {
			sp = true;
			p++;
		}
		if (sp) {
			o->pending_space = true;
			continue;
		}
		dsr_err e = DSR_OK;
		if (o->started) {
			if (o->pending_break)
				e = dsr_buf_add(o->b, "\n\n", 2);
			else if (o->pending_nl)
				e = dsr_buf_addc(o->b, '\n');
			else if (o->pending_space)
				e = dsr_buf_addc(o->b, ' ');
		}
		o->pending_break = false;
		o->pending_nl = 0;
		o->pending_space = false;
		o->started = true;
		if (e || dsr_buf_addc(o->b, (char)*p))
			return; /* at the record cap: the text is cut there */
	}
}

static bool S_is_heading(xmlNodePtr n)
{
	unsigned t = S_id(n);
	return t >= T_H1 && t <= T_H6;
}

/* Conditional cleaning inside the content (readability's idea). */
static bool S_junk_inside(xmlNodePtr n, size_t roottext)
{
	S_info *in = S_i(n);
	unsigned t = S_id(n);
	double ld = S_link_density(in);
	if (in->flags & F_CORE)
		return false;
	if ((in->flags & (F_NEG | F_BTAG)) && !(in->flags & F_POS) && in->text * 3 < roottext)
		return true;
	if ((in->flags & F_SOFT) && !(in->flags & F_POS) &&
	    (ld > 0.3 || (in->text < 80 && in->paras == 0)) && in->text * 3 < roottext)
		return true;
	if (t == T_UL || t == T_OL) {
		return ld > 0.5;
	}
	if (t == T_DIV || t == T_SECTION || t == T_TABLE ||
	    t == T_ASIDE) {
		if (in->text < 25 && in->paras == 0)
			return false; /* short inline-ish bits are handled as text */
		if (ld > 0.5 && in->paras < 3)
			return true;
		if (in->text < 200 && ld > 0.3 && in->paras == 0)
			return true;
	}
	if (S_is_heading(n) && ld > 0.5)
		return true;
	if (t == T_P && ld > 0.8 && in->text < 160)
		return true;
	return false;
}

/* The page's headline repeated in the body: it is the title, not text. */
static bool S_is_title_h1(xmlNodePtr n, const char *title)
{
	if (!title || S_id(n) != T_H1)
		return false;
	xmlChar *t = xmlNodeGetContent(n);
	if (!t)
		return false;
	char *a = (char *)t;
	while (isspace((unsigned char)*a))
		a++;
	size_t l = strlen(a);
	while (l && isspace((unsigned char)a[l - 1]))
		l--;
	bool same = l == strlen(title) && !strncmp(a, title, l);
	xmlFree(t);
	return same;
}

static void S_serialize(S_ctx *c, xmlNodePtr root, S_out *o, const char *title)
{
	if (S_is_title_h1(root, title))
		return;
	xmlNodePtr n = root;
	/* manual iterative walk so text nodes are visited in order */
	xmlNodePtr k = n->children;
	if (S_i(n)->flags & F_BLOCK)
		o->pending_break = true;
	for (;;) {
		if (k) {
			if (k->type == XML_TEXT_NODE || k->type == XML_CDATA_SECTION_NODE) {
				if (k->content)
					S_emit_text(o, (const char *)k->content);
				k = k->next;
				continue;
			}
			if (k->type != XML_ELEMENT_NODE || !k->_private) {
				k = k->next;
				continue;
			}
			S_info *ki = S_i(k);
			if ((ki->flags & F_DROP) || S_junk_inside(k, S_i(root)->text)) {
				if (c->debug && ki->text > 100) {
					char *cl = S_attr(k, "class");
					fprintf(stderr, "skip <%s class='%s'> text=%zu flags=%x\n", S_name(k),
						cl ? cl : "", ki->text, ki->flags);
					xmlFree(cl);
				}
				k = k->next;
				continue;
			}
			if (S_id(k) == T_BR) {
				if (o->pending_nl)
					o->pending_break = true;
				o->pending_nl++;
				k = k->next;
				continue;
			}
			if (S_is_title_h1(k, title)) {
				k = k->next;
				continue;
			}
			if (ki->flags & F_BLOCK)
				o->pending_break = true;
			else if (S_id(k) == T_TD || S_id(k) == T_TH)
				o->pending_space = true;
			if (k->children) {
				n = k;
				k = k->children;
				continue;
			}
			k = k->next;
			continue;
		}
		if (n == root)
			break;
		if (S_i(n)->flags & F_BLOCK)
			o->pending_break = true;
		k = n->next;
		n = n->parent;
	}
}

/* ---- metadata ---- */

typedef struct S_meta {
	char *title_tag, *h1, *og_title, *ld_headline;
	char *date_ld, *date_meta, *date_time, *date_modified, *date_text;
	char *author_meta, *ld_authors[8];
	size_t n_ld_authors;
	char *byline;
	char *site_name, *ld_publisher, *app_name;
	char *lang, *canonical, *og_url;
	char *ld_body;
	char *description;
} S_meta;

static char *S_dup_trim(const char *s)
{
	if (!s)
		return NULL;
	while (isspace((unsigned char)*s))
		s++;
	size_t l = strlen(s);
	while (l && isspace((unsigned char)s[l - 1]))
		l--;
	if (!l)
		return NULL;
	/* collapse inner whitespace */
	char *r = dsr_xmalloc(l + 1);
	size_t k = 0;
	bool sp = false;
	for (size_t i = 0; i < l; i++) {
		unsigned char ch = (unsigned char)s[i];
		if (isspace(ch)) {
			sp = true;
			continue;
		}
		if (sp && k)
			r[k++] = ' ';
		sp = false;
		r[k++] = (char)ch;
	}
	r[k] = 0;
	return r;
}

static void S_set(char **slot, const char *v)
{
	if (*slot || !v)
		return;
	*slot = S_dup_trim(v);
}

static void S_ld_author(S_meta *m, const dsr_json *a)
{
	if (!a)
		return;
	if (a->type == DSR_JSON_ARRAY) {
		for (const dsr_json *c = a->child; c; c = c->next)
			S_ld_author(m, c);
		return;
	}
	const char *nm = NULL;
	size_t l = 0;
	if (a->type == DSR_JSON_STRING) {
		nm = a->str;
		l = a->len;
	} else if (a->type == DSR_JSON_OBJECT) {
		nm = dsr_json_getstr(a, "name", &l);
	}
	if (nm && l && l < 200 && m->n_ld_authors < 8 && strncmp(nm, "http", 4)) {
		char *t = dsr_xstrndup(nm, l);
		m->ld_authors[m->n_ld_authors++] = S_dup_trim(t);
		free(t);
		if (!m->ld_authors[m->n_ld_authors - 1])
			m->n_ld_authors--;
	}
}

static bool S_ld_is_article(const dsr_json *o)
{
	const dsr_json *t = dsr_json_get(o, "@type");
	static const char *const types[] = {"NewsArticle", "Article", "BlogPosting", "ReportageNews",
					    "AnalysisNewsArticle", "OpinionNewsArticle",
					    "BackgroundNewsArticle", "TechArticle", "ScholarlyArticle",
					    "LiveBlogPosting", "Report", "SocialMediaPosting",
					    "WebPage", "Posting", NULL};
	if (!t)
		return false;
	if (t->type == DSR_JSON_STRING) {
		for (const char *const *k = types; *k; k++)
			if (t->len == strlen(*k) && !memcmp(t->str, *k, t->len))
				return true;
	} else if (t->type == DSR_JSON_ARRAY) {
		for (const dsr_json *c = t->child; c; c = c->next)
			if (c->type == DSR_JSON_STRING)
				for (const char *const *k = types; *k; k++)
					if (c->len == strlen(*k) && !memcmp(c->str, *k, c->len))
						return true;
	}
	return false;
}

static void S_ld_object(S_meta *m, const dsr_json *o, int depth)
{
	if (!o || depth > 4)
		return;
	if (o->type == DSR_JSON_ARRAY) {
		for (const dsr_json *c = o->child; c; c = c->next)
			S_ld_object(m, c, depth + 1);
		return;
	}
	if (o->type != DSR_JSON_OBJECT)
		return;
	const dsr_json *g = dsr_json_get(o, "@graph");
	if (g)
		S_ld_object(m, g, depth + 1);
	if (!S_ld_is_article(o))
		return;
	const dsr_json *t = dsr_json_get(o, "@type");
	bool webpage = t && t->type == DSR_JSON_STRING && !strcmp(t->str, "WebPage");
	size_t l;
	const char *s;
	if (!webpage && (s = dsr_json_getstr(o, "headline", &l)) && !m->ld_headline) {
		char *x = dsr_xstrndup(s, l);
		S_set(&m->ld_headline, x);
		free(x);
	}
	if ((s = dsr_json_getstr(o, "datePublished", &l)) && !m->date_ld) {
		char *x = dsr_xstrndup(s, l);
		S_set(&m->date_ld, x);
		free(x);
	}
	if ((s = dsr_json_getstr(o, "dateModified", &l)) && !m->date_modified) {
		char *x = dsr_xstrndup(s, l);
		S_set(&m->date_modified, x);
		free(x);
	}
	if (!webpage && !m->n_ld_authors)
		S_ld_author(m, dsr_json_get(o, "author"));
	if (!webpage && !m->n_ld_authors)
		S_ld_author(m, dsr_json_get(o, "creator"));
	const dsr_json *p = dsr_json_get(o, "publisher");
	if (p && p->type == DSR_JSON_ARRAY)
		p = p->child;
	if (p && (s = dsr_json_getstr(p, "name", &l)) && !m->ld_publisher) {
		char *x = dsr_xstrndup(s, l);
		S_set(&m->ld_publisher, x);
		free(x);
	}
	if (!webpage && (s = dsr_json_getstr(o, "articleBody", &l)) && !m->ld_body) {
		m->ld_body = dsr_xstrndup(s, l);
	}
	if ((s = dsr_json_getstr(o, "inLanguage", &l)) && !m->lang && l < 20) {
		char *x = dsr_xstrndup(s, l);
		S_set(&m->lang, x);
		free(x);
	}
}

static void S_jsonld(S_meta *m, dsr_arena *arena, const char *src)
{
	size_t n = strlen(src);
	/* tolerate HTML comments and CDATA wrappers around the JSON */
	while (n && isspace((unsigned char)*src))
		src++, n--;
	if (n > 4 && !strncmp(src, "<!--", 4))
		src += 4, n -= 4;
	while (n && (isspace((unsigned char)src[n - 1]) || src[n - 1] == '>' || src[n - 1] == '-' ||
		     src[n - 1] == ';'))
		n--;
	if (n && src[n - 1] != '}' && src[n - 1] != ']')
		return;
	dsr_json *v;
	if (dsr_json_parse(arena, src, n, &v, NULL) == DSR_OK)
		S_ld_object(m, v, 0);
}

static bool S_authorish(const char *s)
{
	if (!s || !*s || !strncmp(s, "http", 4) || strlen(s) > 120)
		return false;
	return true;
}


static bool S_pre_meta(S_ctx *c, xmlNodePtr n)
{
	S_meta *m = c->meta;
	unsigned tg = S_id(n);
	if (tg == T_META) {
		char *name = S_attr(n, "name");
		char *prop = S_attr(n, "property");
		char *ip = S_attr(n, "itemprop");
		char *content = S_attr(n, "content");
		char *key = name ? name : prop ? prop : ip;
		if (!key && content) {
			char *he = S_attr(n, "http-equiv");
			if (he && !strcasecmp(he, "content-language"))
				S_set(&m->lang, content);
			xmlFree(he);
		}
		if (key && content && *content) {
			if (!strcasecmp(key, "og:title") || !strcasecmp(key, "twitter:title"))
				S_set(&m->og_title, content);
			else if (!strcasecmp(key, "article:published_time") ||
				 !strcasecmp(key, "og:published_time") ||
				 !strcasecmp(key, "published_time") || !strcasecmp(key, "pubdate") ||
				 !strcasecmp(key, "publishdate") || !strcasecmp(key, "publish-date") ||
				 !strcasecmp(key, "publish_date") || !strcasecmp(key, "datePublished") ||
				 !strcasecmp(key, "date") || !strcasecmp(key, "dc.date") ||
				 !strcasecmp(key, "dc.date.issued") || !strcasecmp(key, "dcterms.date") ||
				 !strcasecmp(key, "dcterms.created") || !strcasecmp(key, "sailthru.date") ||
				 !strcasecmp(key, "parsely-pub-date") || !strcasecmp(key, "article.published") ||
				 !strcasecmp(key, "originalpublicationdate") ||
				 !strcasecmp(key, "article:published") || !strcasecmp(key, "cxenseparse:recs:publishtime") ||
				 !strcasecmp(key, "dc.created") || !strcasecmp(key, "date_published") ||
				 !strcasecmp(key, "publication_date") || !strcasecmp(key, "citation_publication_date"))
				S_set(&m->date_meta, content);
			else if (!strcasecmp(key, "article:modified_time") ||
				 !strcasecmp(key, "og:updated_time") || !strcasecmp(key, "dateModified") ||
				 !strcasecmp(key, "last-modified"))
				S_set(&m->date_modified, content);
			else if (!strcasecmp(key, "author") || !strcasecmp(key, "article:author") ||
				 !strcasecmp(key, "parsely-author") || !strcasecmp(key, "sailthru.author") ||
				 !strcasecmp(key, "dc.creator") || !strcasecmp(key, "byl") ||
				 !strcasecmp(key, "dcterms.creator") || !strcasecmp(key, "citation_author")) {
				if (S_authorish(content))
					S_set(&m->author_meta, content);
			} else if (!strcasecmp(key, "og:site_name"))
				S_set(&m->site_name, content);
			else if (!strcasecmp(key, "application-name"))
				S_set(&m->app_name, content);
			else if (!strcasecmp(key, "description") || !strcasecmp(key, "og:description") ||
				 !strcasecmp(key, "twitter:description"))
				S_set(&m->description, content);
			else if (!strcasecmp(key, "og:url"))
				S_set(&m->og_url, content);
			else if (!strcasecmp(key, "og:locale") || !strcasecmp(key, "language") ||
				 !strcasecmp(key, "content-language") || !strcasecmp(key, "dc.language"))
				S_set(&m->lang, content);
		}
		xmlFree(name);
		xmlFree(prop);
		xmlFree(ip);
		xmlFree(content);
		return false;
	}
	if (tg == T_HTML) {
		char *l = S_attr(n, "lang");
		if (!l)
			l = S_attr(n, "xml:lang");
		if (l && *l)
			S_set(&m->lang, l);
		xmlFree(l);
		return true;
	}
	if (tg == T_TITLE) {
		if (!m->title_tag) {
			xmlChar *t = xmlNodeGetContent(n);
			S_set(&m->title_tag, (char *)t);
			xmlFree(t);
		}
		return false;
	}
	if (tg == T_LINK) {
		char *rel = S_attr(n, "rel");
		if (rel && !strcasecmp(rel, "canonical")) {
			char *h = S_attr(n, "href");
			S_set(&m->canonical, h);
			xmlFree(h);
		}
		xmlFree(rel);
		return false;
	}
	if (tg == T_SCRIPT) {
		char *t = S_attr(n, "type");
		if (t && !strcasecmp(t, "application/ld+json")) {
			xmlChar *s = xmlNodeGetContent(n);
			if (s)
				S_jsonld(m, c->arena, (const char *)s);
			xmlFree(s);
		}
		xmlFree(t);
		return false;
	}
	if (tg == T_STYLE || tg == T_NOSCRIPT || tg == T_SVG)
		return false;
	if (tg == T_H1 && !m->h1) {
		xmlChar *t = xmlNodeGetContent(n);
		S_set(&m->h1, (char *)t);
		xmlFree(t);
		return false;
	}
	if (tg == T_TIME && !m->date_time) {
		char *dt = S_attr(n, "datetime");
		bool inside_bad = false;
		for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent)
			if (a->_private && (S_i(a)->flags & F_DROP) && S_id(a) != T_HEADER) {
				inside_bad = true;
				break;
			}
		if (!inside_bad) {
			if (dt)
				S_set(&m->date_time, dt);
			else {
				xmlChar *t = xmlNodeGetContent(n);
				S_set(&m->date_time, (char *)t);
				xmlFree(t);
			}
		}
		xmlFree(dt);
		return true;
	}
	/* a date written in a date-like element: "Posted on 20. Juni 2019" */
	if (!m->date_text && n->properties && !(S_i(n)->flags & F_DROP) && S_i(n)->text < 200) {
		bool sidebar = false;
		for (xmlNodePtr a = n->parent; a && a->type == XML_ELEMENT_NODE && a->_private;
		     a = a->parent)
			if ((S_i(a)->flags & (F_DROP | F_BTAG | F_NEG)) && S_id(a) != T_HEADER) {
				sidebar = true;
				break;
			}
		const char *cl = sidebar ? NULL : S_attrv(n, "class");
		const char *id = sidebar ? NULL : S_attrv(n, "id");
		const char *ip = sidebar ? NULL : S_attrv(n, "itemprop");
		bool datey = false;
		static const char *const hints[] = {"date", "time", "datum", "publish", "posted",
						    "meta", "byline", "info", "zeit", "fecha", NULL};
		for (const char *const *h = hints; *h && !datey && (cl || id || ip); h++)
			datey = (cl && dsr__memcasemem(cl, strlen(cl), *h)) ||
				(id && dsr__memcasemem(id, strlen(id), *h)) ||
				(ip && dsr__memcasemem(ip, strlen(ip), *h));
		if (datey) {
			xmlChar *t = xmlNodeGetContent(n);
			if (t) {
				size_t tl = strlen((char *)t);
				dsr_date d;
				size_t at, used;
				if (!dsr__memcasemem((char *)t, tl, "expir") &&
				    !dsr__memcasemem((char *)t, tl, "bis ") &&
				    dsr_date_find((char *)t, tl, &d, &at, &used) == DSR_OK) {
					char iso[32];
					dsr_date_iso(&d, iso);
					m->date_text = dsr_xstrndup(iso, strlen(iso));
				}
				xmlFree(t);
			}
		}
	}
	/* rel=author / itemprop=author / byline containers */
	if (!m->byline && n->properties) {
		const char *rel = S_attrv(n, "rel");
		const char *ip = S_attrv(n, "itemprop");
		bool hit = (rel && !strcasecmp(rel, "author")) || (ip && !strcasecmp(ip, "author"));
		const char *cls = hit || S_i(n)->text < 3 || S_i(n)->text > 80 ? NULL
									      : S_attrv(n, "class");
		if (cls) {
			bool by = false;
			static const char *const hints[] = {"byline", "author", "autor", "writer",
							    "creator", "verfasser", NULL};
			size_t cn = strlen(cls);
			for (const char *const *h = hints; *h && !by; h++)
				by = dsr__memcasemem(cls, cn, *h) != NULL;
			/* a name, not an author box with a biography */
			hit = by && !dsr__memcasemem(cls, cn, "bio");
		}
		if (hit) {
			xmlChar *t = xmlNodeGetContent(n);
			if (t && strlen((char *)t) < 200)
				S_set(&m->byline, (char *)t);
			xmlFree(t);
		}
	}
	return true;
}

static void S_meta_free(S_meta *m)
{
	free(m->title_tag);
	free(m->h1);
	free(m->og_title);
	free(m->description);
	free(m->ld_headline);
	free(m->date_ld);
	free(m->date_meta);
	free(m->date_time);
	free(m->date_modified);
	free(m->date_text);
	free(m->author_meta);
	for (size_t i = 0; i < m->n_ld_authors; i++)
		free(m->ld_authors[i]);
	free(m->byline);
	free(m->site_name);
	free(m->ld_publisher);
	free(m->app_name);
	free(m->lang);
	free(m->canonical);
	free(m->og_url);
	free(m->ld_body);
}

/* ---- public (internal) entry ---- */

/* Whitespace-collapsed copy of s (at most cap bytes) into buf. */
static size_t S_squeeze(const char *s, char *buf, size_t cap)
{
	size_t k = 0;
	bool sp = false;
	for (; *s && k + 1 < cap; s++) {
		if (isspace((unsigned char)*s)) {
			sp = k > 0;
			continue;
		}
		if (sp)
			buf[k++] = ' ';
		sp = false;
		buf[k++] = *s;
	}
	buf[k] = 0;
	return k;
}

/*
 * The standfirst: a page's description shown in the page, usually in the
 * header above the body we chose. Returns the element holding it when it
 * is visible (not in navigation, a footer or a link) and our text lacks it.
 */
static xmlNodePtr S_standfirst(S_ctx *c, const char *desc, const char *text)
{
	char want[64];
	if (!desc || S_squeeze(desc, want, sizeof want) < 60)
		return NULL;
	want[48] = 0;
	if (strstr(text, want))
		return NULL;
	for (xmlNodePtr n = c->body; n;) {
		if (n->type == XML_TEXT_NODE && n->content && n->parent && n->parent->_private) {
			char got[64];
			if (S_squeeze((const char *)n->content, got, sizeof got) >= 48 &&
			    !memcmp(got, want, 48)) {
				xmlNodePtr el = n->parent;
				for (xmlNodePtr a = el; a && a->_private; a = a->parent)
					if ((S_i(a)->flags & F_BTAG) || S_id(a) == T_A ||
					    (S_i(a)->flags & F_DROP && !(S_i(a)->flags & F_BLOCK)))
						return NULL;
				return S_i(el)->text < 1000 ? el : NULL;
			}
		}
		/* pre-order over the tree below body */
		if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			continue;
		}
		while (n && n != c->body && !n->next)
			n = n->parent;
		if (!n || n == c->body)
			break;
		n = n->next;
	}
	return NULL;
}

static dsr_err S_extract(const char *html, size_t n, bool fragment, bool lenient,
			 dsr_arena *arena, dsr__html_result *res, size_t *page_text);

static void S_silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

static const char *S_adup(dsr_arena *a, const char *s)
{
	return s ? dsr_arena_strndup(a, s, strlen(s)) : NULL;
}


/*
 * Copies html without the contents of script (but JSON-LD), style, svg,
 * noscript, template and comments: most of a modern page's bytes, none of
 * its text. The parser then has a third of the input to read.
 */
static void S_strip(const char *s, size_t n, dsr_buf *out)
{
	static const char *const raw[] = {"script", "style", "svg", "noscript", "template", NULL};
	size_t i = 0, run = 0;
	while (i < n) {
		const char *lt = memchr(s + i, '<', n - i);
		if (!lt)
			break;
		size_t j = (size_t)(lt - s);
		if (j + 4 <= n && !memcmp(s + j, "<!--", 4)) {
			const char *end = NULL;
			for (size_t k = j + 4; k + 3 <= n; k++) {
				const char *m = memchr(s + k, '-', n - k);
				if (!m)
					break;
				k = (size_t)(m - s);
				if (k + 3 <= n && m[1] == '-' && m[2] == '>') {
					end = m + 3;
					break;
				}
			}
			if (dsr_buf_add(out, s + run, j - run))
				return;
			run = i = end ? (size_t)(end - s) : n;
			continue;
		}
		const char *tag = NULL;
		unsigned char c1 = j + 1 < n ? (unsigned char)(s[j + 1] | 0x20) : 0;
		for (const char *const *t = raw; *t && (c1 == 's' || c1 == 'n' || c1 == 't'); t++) {
			size_t tl = strlen(*t);
			if (j + 1 + tl < n && !strncasecmp(s + j + 1, *t, tl) &&
			    (s[j + 1 + tl] == '>' || isspace((unsigned char)s[j + 1 + tl]) ||
			     s[j + 1 + tl] == '/')) {
				tag = *t;
				break;
			}
		}
		if (!tag) {
			i = j + 1;
			continue;
		}
		const char *gt = memchr(s + j, '>', n - j);
		if (!gt)
			break;
		size_t open_end = (size_t)(gt - s) + 1;
		if (gt[-1] == '/') { /* <svg/> */
			i = open_end;
			continue;
		}
		if (!strcmp(tag, "script") &&
		    dsr__memcasemem(s + j, open_end - j, "ld+json")) {
			i = open_end;
			continue;
		}
		/* find the matching close tag </tag */
		size_t tl = strlen(tag), k = open_end;
		const char *close = NULL;
		while (k < n) {
			const char *m = memchr(s + k, '<', n - k);
			if (!m)
				break;
			k = (size_t)(m - s);
			if (k + 2 + tl <= n && m[1] == '/' && !strncasecmp(m + 2, tag, tl)) {
				close = m;
				break;
			}
			k++;
		}
		if (!close) {
			i = open_end;
			continue;
		}
		if (dsr_buf_add(out, s + run, open_end - run))
			return;
		run = i = (size_t)(close - s);
	}
	if (dsr_buf_add(out, s + run, n - run))
		dsr_buf_clear(out); /* cannot happen: out is smaller than the input */
}

dsr_err dsr__html_extract(const char *html_in, size_t n_in, bool fragment, dsr_arena *arena,
			  dsr__html_result *res)
{
	call_once(&S_words_once, S_words_build);
	dsr_buf stripped;
	dsr_buf_init(&stripped, DSR_MAX_RECORD);
	S_strip(html_in, n_in, &stripped);
	size_t page_text = 0;
	dsr_err e = S_extract(stripped.buf, stripped.len, fragment, false, arena, res, &page_text);
	/* class names pruned nearly everything of a page with plenty of text:
	 * try again trusting only tags and link density */
	if (!e && !fragment && res->body_len < 250 && page_text > 1000) {
		dsr__html_result again;
		size_t pt2;
		if (S_extract(stripped.buf, stripped.len, false, true, arena, &again, &pt2) == DSR_OK &&
		    again.body_len > res->body_len * 2)
			*res = again;
	}
	dsr_buf_release(&stripped);
	return e;
}

static dsr_err S_extract_doc(const char *html, size_t n, bool fragment, bool lenient,
			     dsr_arena *arena, dsr__html_result *res, size_t *page_text,
			     htmlDocPtr *docp);

/* Pages up to this size are parsed into libxml2's bump arena (xmlmem.c);
 * larger ones, rare, go to the heap, where growing text nodes can realloc in
 * place and memory is returned as the tree is freed. */
#define S_ARENA_MAX ((size_t)4 << 20)

static dsr_err S_extract(const char *html, size_t n, bool fragment, bool lenient,
			 dsr_arena *arena, dsr__html_result *res, size_t *page_text)
{
	htmlDocPtr doc = NULL;
	if (n > S_ARENA_MAX) {
		dsr__xml_init();
		dsr_err e = S_extract_doc(html, n, fragment, lenient, arena, res, page_text, &doc);
		xmlFreeDoc(doc);
		return e;
	}
	/* the tree goes with the arena: no xmlFreeDoc walk */
	dsr__xml_arena_begin();
	dsr_err e = S_extract_doc(html, n, fragment, lenient, arena, res, page_text, &doc);
	dsr__xml_arena_end();
	return e;
}

static dsr_err S_extract_doc(const char *html, size_t n, bool fragment, bool lenient,
			     dsr_arena *arena, dsr__html_result *res, size_t *page_text,
			     htmlDocPtr *docp)
{
	memset(res, 0, sizeof *res);
	if (n > (size_t)INT32_MAX)
		return DSR_ETOOBIG;
	xmlSetGenericErrorFunc(NULL, S_silent);
	htmlDocPtr doc = htmlReadMemory(html, (int)n, NULL, "UTF-8",
					HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
						HTML_PARSE_NONET | HTML_PARSE_COMPACT);
	if (!doc)
		return DSR_ENOBODY;
	*docp = doc;
	xmlNodePtr root = xmlDocGetRootElement(doc);
	if (!root)
		return DSR_ENOBODY;
	S_ctx c;
	memset(&c, 0, sizeof c);
	c.arena = arena;
	c.doc = doc;
	c.debug = getenv("DOSSIER_DEBUG_EXTRACT") != NULL;
	c.lenient = lenient;
	/* pass 1 */
	S_walk(&c, root, S_pre_init, S_post_measure);
	/* find body (or use the root) */
	c.body = root;
	for (xmlNodePtr k = root; k; k = k->children) {
		xmlNodePtr b = NULL;
		for (xmlNodePtr s = k; s; s = s->next)
			if (S_id(s) == T_BODY) {
				b = s;
				break;
			}
		if (b) {
			c.body = b;
			break;
		}
		if (S_id(k) != T_HTML)
			break;
	}
	if (!c.body->_private)
		c.body = root;
	c.total = S_i(c.body)->text;
	/* boilerplate tags go, unless a broken page put everything inside one */
	S_walk(&c, root, S_pre_btag, NULL);
	S_walk(&c, root, NULL, S_post_measure_reset);
	c.total = S_i(c.body)->text;
	*page_text = c.total;
	if (c.debug)
		fprintf(stderr, "body <%s> text=%zu flags=%x\n", S_name(c.body), c.total,
			S_i(c.body)->flags);
	/* metadata (before pruning changes flags) */
	S_meta m;
	memset(&m, 0, sizeof m);
	c.meta = &m;
	S_walk(&c, root, S_pre_meta, NULL);
	c.meta = NULL;
	/* text */
	dsr_buf out;
	dsr_buf_init(&out, DSR_MAX_RECORD);
	S_out o = {&out, false, false, 0, false};
	const char *title_for_text = m.h1;
	if (fragment) {
		/* a feed item or given HTML body: everything but scripts and the like */
		S_serialize(&c, c.body, &o, NULL);
	} else {
		S_walk(&c, c.body, S_pre_prune, NULL);
		/* re-measure after pruning */
		S_walk(&c, c.body, NULL, S_post_measure_reset);
		c.total = S_i(c.body)->text;
		S_walk(&c, c.body, S_pre_score, NULL);
		xmlNodePtr top = S_select(&c);
		if (top && c.debug) {
			char *cl = S_attr(top, "class");
			fprintf(stderr, "top <%s class='%s'> text=%zu flags=%x\n", S_name(top),
				cl ? cl : "", S_i(top)->text, S_i(top)->flags);
			xmlFree(cl);
		}
		if (top) {
			xmlNodePtr parent = top->parent;
			if (top == c.body || !parent) {
				S_serialize(&c, top, &o, title_for_text);
			} else {
				for (xmlNodePtr s = parent->children; s; s = s->next) {
					if (s->type == XML_ELEMENT_NODE && s->_private &&
					    (S_i(s)->flags & F_KEEP)) {
						o.pending_break = true;
						S_serialize(&c, s, &o, title_for_text);
					}
				}
			}
		} else {
			S_serialize(&c, c.body, &o, title_for_text);
		}
	}
	/* the standfirst above the chosen body goes first */
	xmlNodePtr sf = NULL;
	res->body_len = out.len;
	if (!fragment && out.len && !dsr_buf_addc(&out, 0)) {
		out.len--; /* a terminator for the search */
		sf = S_standfirst(&c, m.description, out.buf);
	}
	if (sf) {
		xmlChar *t = xmlNodeGetContent(sf);
		char *lead = S_dup_trim((const char *)t);
		xmlFree(t);
		size_t ll = lead ? strlen(lead) : 0;
		char *txt = dsr_arena_alloc(arena, ll + 2 + out.len + 1);
		memcpy(txt, lead, ll);
		memcpy(txt + ll, "\n\n", 2);
		memcpy(txt + ll + 2, out.buf, out.len);
		txt[ll + 2 + out.len] = 0;
		res->text = txt;
		res->text_len = ll + 2 + out.len;
		free(lead);
	} else {
		res->text = dsr_arena_strndup(arena, out.buf, out.len);
		res->text_len = out.len;
	}
	dsr_buf_release(&out);
	/* metadata out */
	res->title_tag = S_adup(arena, m.title_tag);
	res->h1 = S_adup(arena, m.h1);
	res->og_title = S_adup(arena, m.og_title);
	res->ld_headline = S_adup(arena, m.ld_headline);
	res->date_ld = S_adup(arena, m.date_ld);
	res->date_meta = S_adup(arena, m.date_meta);
	res->date_time = S_adup(arena, m.date_time);
	res->date_modified = S_adup(arena, m.date_modified);
	res->date_text = S_adup(arena, m.date_text);
	res->author_meta = S_adup(arena, m.author_meta);
	res->n_ld_authors = m.n_ld_authors;
	for (size_t i = 0; i < m.n_ld_authors; i++)
		res->ld_authors[i] = S_adup(arena, m.ld_authors[i]);
	res->byline = S_adup(arena, m.byline);
	res->site_name = S_adup(arena, m.site_name);
	res->publisher = S_adup(arena, m.ld_publisher);
	res->app_name = S_adup(arena, m.app_name);
	res->lang = S_adup(arena, m.lang);
	res->canonical = S_adup(arena, m.canonical);
	res->og_url = S_adup(arena, m.og_url);
	res->ld_body = S_adup(arena, m.ld_body);
	S_meta_free(&m);
	return DSR_OK;
}
