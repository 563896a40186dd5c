/*
 * extract.c: a record to an Article: charset, body format, the HTML or text
 * extractor, then the choice among metadata candidates, and the stable id.
 */
#include "dossier/extract.h"
#include "dossier/date.h"
#include "dossier/json.h"
#include "charset.h"
#include "html.h"
#include "internal.h"
#include "text.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

bool dsr__looks_like_html(const char *s, size_t n)
{
	static const char *const tags[] = {"p>", "p ", "br", "div", "a ", "span", "img",
					   "html", "body", "ul", "li", "em>", "strong",
					   "b>", "i>", "h1", "h2", "h3", "table",
					   "blockquote", "figure", "/", NULL};
	size_t lim = n < 65536 ? n : 65536;
	/* one pass: only the bytes after a '<' are compared */
	for (const char *p = s, *end = s + lim; (p = memchr(p, '<', (size_t)(end - p))); p++) {
		size_t left = (size_t)(end - p) - 1;
		for (const char *const *t = tags; *t; t++) {
			size_t tl = strlen(*t);
			if (tl <= left && !strncasecmp(p + 1, *t, tl))
				return true;
		}
	}
	return false;
}

static const char *S_dup(dsr_arena *a, const char *s, size_t n)
{
	return dsr_arena_strndup(a, s, n);
}

/* ---- URLs ---- */

const char *dsr_url_normalize(dsr_arena *arena, const char *url)
{
	if (!url)
		return NULL;
	while (isspace((unsigned char)*url))
		url++;
	size_t n = strlen(url);
	while (n && isspace((unsigned char)url[n - 1]))
		n--;
	char *r = dsr_arena_alloc(arena, n + 1);
	size_t k = 0;
	const char *hs = strstr(url, "://");
	size_t hostend = 0;
	if (hs && (size_t)(hs - url) < n) {
		size_t i = 0;
		for (; url + i < hs + 3; i++)
			r[k++] = (char)tolower((unsigned char)url[i]);
		if (!strncasecmp(url + i, "www.", 4))
			i += 4;
		for (; i < n && url[i] != '/' && url[i] != '?' && url[i] != '#'; i++)
			r[k++] = (char)tolower((unsigned char)url[i]);
		/* default ports */
		if (k > 3 && !strncmp(r + k - 3, ":80", 3))
			k -= 3;
		else if (k > 4 && !strncmp(r + k - 4, ":443", 4))
			k -= 4;
		hostend = k;
		url += i;
		n -= i;
	}
	/* path and query; drop the fragment and tracking parameters */
	size_t i = 0;
	for (; i < n && url[i] != '?' && url[i] != '#'; i++)
		r[k++] = url[i];
	if (i < n && url[i] == '?') {
		i++;
		bool first = true;
		while (i < n && url[i] != '#') {
			size_t j = i;
			while (j < n && url[j] != '&' && url[j] != '#')
				j++;
			bool track = !strncasecmp(url + i, "utm_", 4) || !strncasecmp(url + i, "fbclid", 6) ||
				     !strncasecmp(url + i, "gclid", 5) || !strncasecmp(url + i, "ref=", 4) ||
				     !strncasecmp(url + i, "cmpid", 5) || !strncasecmp(url + i, "ncid", 4) ||
				     !strncasecmp(url + i, "ocid", 4) || !strncasecmp(url + i, "mc_", 3);
			if (!track && j > i) {
				r[k++] = first ? '?' : '&';
				first = false;
				memcpy(r + k, url + i, j - i);
				k += j - i;
			}
			i = j < n && url[j] == '&' ? j + 1 : j;
		}
	}
	while (k > hostend + 1 && r[k - 1] == '/')
		k--;
	if (k == hostend + 1 && r[k - 1] == '/')
		k--;
	r[k] = 0;
	return r;
}

/* Resolves a (possibly relative) href against base; NULL if impossible. */
static const char *S_resolve(dsr_arena *a, const char *href, const char *base)
{
	if (!href || !*href)
		return NULL;
	if (!strncasecmp(href, "http://", 7) || !strncasecmp(href, "https://", 8))
		return href;
	if (!base)
		return NULL;
	const char *hs = strstr(base, "://");
	if (!hs)
		return NULL;
	if (href[0] == '/' && href[1] == '/') {
		size_t sl = (size_t)(hs - base) + 1;
		char *r = dsr_arena_alloc(a, sl + strlen(href) + 1);
		memcpy(r, base, sl);
		strcpy(r + sl, href);
		return r;
	}
	if (href[0] == '/') {
		const char *pe = strchr(hs + 3, '/');
		size_t hl = pe ? (size_t)(pe - base) : strlen(base);
		char *r = dsr_arena_alloc(a, hl + strlen(href) + 1);
		memcpy(r, base, hl);
		strcpy(r + hl, href);
		return r;
	}
	return NULL;
}

static const char *S_host(dsr_arena *a, const char *url)
{
	if (!url)
		return NULL;
	const char *hs = strstr(url, "://");
	if (!hs)
		return NULL;
	hs += 3;
	if (!strncasecmp(hs, "www.", 4))
		hs += 4;
	size_t n = strcspn(hs, "/?#:");
	if (!n)
		return NULL;
	char *r = (char *)S_dup(a, hs, n);
	for (char *p = r; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

/* ---- language ---- */

const char *dsr_guess_language(const char *text, size_t n)
{
	static const struct {
		const char *lang;
		const char *words[12];
	} L[] = {
		{"en", {"the", "and", "of", "to", "is", "that", "in", "was", "for", "with", "said", NULL}},
		{"de", {"der", "die", "und", "das", "nicht", "ist", "mit", "den", "sich", "auf", "ein", NULL}},
		{"fr", {"le", "la", "les", "et", "des", "est", "une", "du", "dans", "pour", "qui", NULL}},
		{"es", {"el", "la", "los", "y", "que", "las", "del", "por", "una", "con", "para", NULL}},
		{"it", {"il", "di", "che", "della", "per", "una", "sono", "gli", "nel", "con", "del", NULL}},
		{"pt", {"o", "os", "que", "do", "da", "em", "uma", "para", "com", "não", "dos", NULL}},
		{"nl", {"de", "het", "een", "van", "en", "dat", "niet", "is", "op", "voor", "met", NULL}},
		{"pl", {"i", "w", "na", "nie", "się", "z", "że", "do", "jest", "to", "jak", NULL}},
		{"ru", {"и", "в", "не", "на", "что", "с", "по", "это", "как", "он", "из", NULL}},
		{"uk", {"і", "в", "не", "на", "що", "з", "та", "це", "як", "до", "від", NULL}},
	};
	size_t nl = sizeof L / sizeof L[0];
	size_t counts[16] = {0};
	size_t lim = n < 8000 ? n : 8000; /* a thousand words or so decide */
	size_t words = 0;
	for (size_t i = 0; i < lim;) {
		while (i < lim && !(isalpha((unsigned char)text[i]) || (unsigned char)text[i] >= 0x80))
			i++;
		size_t j = i;
		while (j < lim && (isalpha((unsigned char)text[j]) || (unsigned char)text[j] >= 0x80))
			j++;
		if (j > i) {
			words++;
			if (j - i > 6) { /* longer than every listed word */
				i = j;
				continue;
			}
			unsigned char first = (unsigned char)tolower((unsigned char)text[i]);
			for (size_t l = 0; l < nl; l++)
				for (size_t w = 0; L[l].words[w]; w++) {
					if ((unsigned char)L[l].words[w][0] != first)
						continue;
					size_t wl = strlen(L[l].words[w]);
					if (wl == j - i && !strncasecmp(text + i, L[l].words[w], wl))
						counts[l]++;
				}
		}
		i = j;
	}
	size_t best = 0;
	for (size_t l = 1; l < nl; l++)
		if (counts[l] > counts[best])
			best = l;
	if (words < 5 || counts[best] * 20 < words)
		return NULL;
	return L[best].lang;
}

static const char *S_lang(dsr_arena *a, const char *l)
{
	if (!l)
		return NULL;
	while (isspace((unsigned char)*l))
		l++;
	size_t n = 0;
	while (isalpha((unsigned char)l[n]) && n < 3)
		n++;
	if (n < 2 || n > 3 || isalpha((unsigned char)l[n]))
		return NULL;
	char *r = (char *)S_dup(a, l, n);
	for (char *p = r; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	return r;
}

/* ---- titles ---- */

/* "Headline | Site" -> "Headline": cuts a site suffix or prefix from <title>. */
static const char *S_clean_title(dsr_arena *a, const char *t, const char *site)
{
	if (!t)
		return NULL;
	static const char *const seps[] = {" | ", " - ", " – ", " — ", " :: ", " · ", " « ", " » ",
					   NULL};
	size_t n = strlen(t);
	for (const char *const *s = seps; *s; s++) {
		const char *last = NULL;
		for (const char *p = strstr(t, *s); p; p = strstr(p + 1, *s))
			last = p;
		const char *firstp = strstr(t, *s);
		if (!last)
			continue;
		size_t sl = strlen(*s);
		size_t head = (size_t)(firstp - t);
		size_t tail = n - (size_t)(last - t) - sl;
		/* the site name is the short side */
		if (site && !strcasecmp(last + sl, site))
			return S_dup(a, t, (size_t)(last - t));
		if (site && head == strlen(site) && !strncasecmp(t, site, head))
			return S_dup(a, firstp + sl, n - head - sl);
		if (tail < head && tail < 40)
			return S_dup(a, t, (size_t)(last - t));
		if (head < tail && head < 25)
			return S_dup(a, firstp + sl, n - head - sl);
	}
	return t;
}

static bool S_same_title(const char *a, const char *b)
{
	return a && b && !strcasecmp(a, b);
}

static const char *S_pick_title(dsr_arena *a, const dsr__html_result *h, const char *site)
{
	const char *tt = S_clean_title(a, h->title_tag, site);
	const char *og = h->og_title ? S_clean_title(a, h->og_title, site) : NULL;
	/* an h1 that agrees with the <title> or og:title is the headline */
	if (h->h1 && (S_same_title(h->h1, tt) || S_same_title(h->h1, og) ||
		      S_same_title(h->h1, h->ld_headline)))
		return h->h1;
	if (h->h1 && tt && strlen(h->h1) > 10 && strstr(h->title_tag, h->h1))
		return h->h1;
	if (og)
		return og;
	if (h->ld_headline)
		return h->ld_headline;
	if (tt)
		return tt;
	return h->h1;
}

/* ---- dates ---- */

static bool S_norm_date(dsr_arena *a, const char *s, const char **out)
{
	if (!s)
		return false;
	dsr_date d;
	size_t used;
	if (dsr_date_parse(s, strlen(s), &d, &used) != DSR_OK || !d.day)
		return false;
	char iso[32];
	dsr_date_iso(&d, iso);
	*out = S_dup(a, iso, strlen(iso));
	return true;
}

/* /2022/11/19/ or /2022-11-19 in a URL */
static bool S_url_date(dsr_arena *a, const char *url, const char **out)
{
	if (!url)
		return false;
	for (const char *p = url; *p; p++) {
		if (*p != '/' && *p != '-' && *p != '_')
			continue;
		int y, m, d;
		char s1, s2;
		if (sscanf(p + 1, "%4d%c%2d%c%2d", &y, &s1, &m, &s2, &d) == 5 && (s1 == '/' || s1 == '-') &&
		    s1 == s2 && y >= 1995 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= 31 &&
		    isdigit((unsigned char)p[1]) && isdigit((unsigned char)p[4])) {
			char iso[32];
			snprintf(iso, sizeof iso, "%04d-%02d-%02d", y, m, d);
			*out = S_dup(a, iso, strlen(iso));
			return true;
		}
	}
	return false;
}

/* ---- authors ---- */

static bool S_junk_author(const char *s, size_t n)
{
	static const char *const junk[] = {"minute read", "min read", "published", "updated",
					   "posted", "staff", "admin", "editor", "news desk",
					   "by", "and", "share", "follow", "contributor",
					   "read more", "comments", NULL};
	if (n < 3)
		return true;
	for (const char *const *j = junk; *j; j++)
		if (n == strlen(*j) && !strncasecmp(s, *j, n))
			return true;
	/* digits mean a date or a count */
	size_t digits = 0;
	for (size_t i = 0; i < n; i++)
		if (isdigit((unsigned char)s[i]))
			digits++;
	if (digits)
		return true;
	if (dsr__memcasemem(s, n, "minute read") || dsr__memcasemem(s, n, "min read") ||
	    dsr__memcasemem(s, n, "http") || dsr__memcasemem(s, n, "@"))
		return true;
	return false;
}

/* Splits a byline into names: "By A, B and C" -> A, B, C. */
static size_t S_split_authors(dsr_arena *a, const char *s, const char **out, size_t max)
{
	size_t k = 0;
	if (!s)
		return 0;
	size_t n = strlen(s);
	char *t = (char *)S_dup(a, s, n);
	/* cut at common non-name tails */
	static const char *const cuts[] = {"|", "•", " - ", " – ", "\n", "Updated", "Published",
					   "Posted", "Aktualisiert", NULL};
	for (const char *const *c = cuts; *c; c++) {
		char *p = strstr(t, *c);
		if (p && p != t)
			*p = 0;
	}
	char *p = t;
	while (*p && k < max) {
		while (*p == ' ' || *p == ',' || *p == ';' || *p == '&')
			p++;
		if (!strncasecmp(p, "by ", 3) || !strncasecmp(p, "von ", 4) || !strncasecmp(p, "par ", 4) ||
		    !strncasecmp(p, "por ", 4))
			p += p[2] == ' ' ? 3 : 4;
		if (!strncasecmp(p, "and ", 4) || !strncasecmp(p, "und ", 4))
			p += 4;
		char *e = p;
		while (*e && *e != ',' && *e != ';' && *e != '&' && strncasecmp(e, " and ", 5) &&
		       strncasecmp(e, " und ", 5) && strncasecmp(e, " with ", 6))
			e++;
		char *end = e;
		while (end > p && isspace((unsigned char)end[-1]))
			end--;
		if (end > p && !S_junk_author(p, (size_t)(end - p)))
			out[k++] = S_dup(a, p, (size_t)(end - p));
		if (!*e)
			break;
		p = e + (*e == ' ' ? (e[1] == 'w' ? 6 : 5) : 1);
	}
	return k;
}

/* ---- the article ---- */

static void S_make_id(dsr_article *a)
{
	uint64_t h;
	if (a->url)
		h = dsr_hash64(a->url, strlen(a->url), 0x75726c);
	else
		h = dsr_hash64(a->text, a->text_len, 0x747874);
	dsr_hex64(h, a->id);
}

dsr_err dsr_extract(const dsr_record *rec, const dsr_extract_opts *opts, dsr_arena *arena,
		    dsr_article *out)
{
	static const dsr_extract_opts none = {0};
	if (!opts)
		opts = &none;
	memset(out, 0, sizeof *out);
	dsr_format body = opts->format == DSR_FMT_HTML || opts->format == DSR_FMT_TEXT
				  ? opts->format
				  : rec->body;
	bool raw = (opts->flags & DSR_EXTRACT_RAW) && body == DSR_FMT_TEXT;
	dsr_buf u;
	dsr_buf_init(&u, DSR_MAX_RECORD);
	char used[48] = "UTF-8";
	size_t replaced = 0;
	dsr_err e = DSR_OK;
	if (raw) {
		/* byte for byte: the text is the input (spans index it); the
		 * scorers require it, so nothing is converted */
		e = dsr_buf_add(&u, rec->data, rec->len);
	} else if (rec->utf8) {
		e = dsr__to_utf8(rec->data, rec->len, "UTF-8", false, &u, &replaced, used);
	} else {
		e = dsr__to_utf8(rec->data, rec->len, rec->charset, body == DSR_FMT_HTML, &u, &replaced,
				 used);
	}
	if (e) {
		dsr_buf_release(&u);
		return e;
	}
	out->charset = S_dup(arena, used, strlen(used));
	out->replaced = replaced;
	const char *url = opts->url ? opts->url : rec->url;
	const char *title = NULL, *published = NULL, *from = NULL, *outlet = NULL, *lang = NULL;
	const char **authors = NULL;
	size_t nauthors = 0;
	if (body == DSR_FMT_HTML) {
		dsr__html_result h;
		e = dsr__html_extract(u.buf, u.len, rec->fragment, arena, &h);
		if (e && e != DSR_ENOBODY) {
			dsr_buf_release(&u);
			return e;
		}
		if (!e) {
			out->text = h.text;
			out->text_len = h.text_len;
			if (!rec->fragment) {
				/* the same line-level cleaning as plain text: tails, share strings */
				dsr_buf t;
				dsr_buf_init(&t, DSR_MAX_RECORD);
				const char *tt;
				size_t tl;
				if (!dsr__text_clean(h.text, h.text_len, false, &t, &tt, &tl) && t.len) {
					out->text = S_dup(arena, t.buf, t.len);
					out->text_len = t.len;
				}
				dsr_buf_release(&t);
			}
			/* structured data beats a page that extracted poorly */
			if (h.ld_body && !rec->fragment && strlen(h.ld_body) > out->text_len * 2 &&
			    strlen(h.ld_body) > 400) {
				dsr_buf t;
				dsr_buf_init(&t, DSR_MAX_RECORD);
				const char *tt;
				size_t tl;
				if (!dsr__text_clean(h.ld_body, strlen(h.ld_body), false, &t, &tt, &tl)) {
					out->text = S_dup(arena, t.buf, t.len);
					out->text_len = t.len;
				}
				dsr_buf_release(&t);
			}
			outlet = h.publisher ? h.publisher : h.site_name ? h.site_name : h.app_name;
			title = S_pick_title(arena, &h, outlet);
			if (S_norm_date(arena, h.date_ld, &published))
				from = "jsonld";
			else if (S_norm_date(arena, h.date_meta, &published))
				from = "meta";
			else if (S_norm_date(arena, h.date_time, &published))
				from = "meta";
			else if (S_url_date(arena, url ? url : h.canonical, &published))
				from = "url";
			else if (S_norm_date(arena, h.date_text, &published))
				from = "text";
			else if (S_norm_date(arena, h.date_modified, &published))
				from = "meta";
			const char *canon = S_resolve(arena, h.canonical, url);
			if (!canon)
				canon = S_resolve(arena, h.og_url, url);
			if (canon && !opts->url && !rec->url)
				url = canon;
			else if (canon && url) {
				/* a canonical on the same host is the better identity */
				const char *h1 = S_host(arena, canon), *h2 = S_host(arena, url);
				if (h1 && h2 && !strcmp(h1, h2))
					url = canon;
			}
			if (!published && url && S_url_date(arena, url, &published))
				from = "url";
			const char *auth[8];
			if (h.n_ld_authors) {
				for (size_t i = 0; i < h.n_ld_authors && nauthors < 8; i++) {
					size_t k = S_split_authors(arena, h.ld_authors[i], auth + nauthors,
								   8 - nauthors);
					nauthors += k;
				}
			}
			if (!nauthors && h.author_meta)
				nauthors = S_split_authors(arena, h.author_meta, auth, 8);
			if (!nauthors && h.byline)
				nauthors = S_split_authors(arena, h.byline, auth, 8);
			if (nauthors) {
				authors = dsr_arena_alloc(arena, nauthors * sizeof(char *));
				memcpy(authors, auth, nauthors * sizeof(char *));
			}
			lang = S_lang(arena, h.lang);
		}
	} else if (raw) {
		out->text = S_dup(arena, u.buf, u.len);
		out->text_len = u.len;
	} else {
		dsr_buf t;
		dsr_buf_init(&t, DSR_MAX_RECORD);
		const char *tt;
		size_t tl;
		e = dsr__text_clean(u.buf, u.len, true, &t, &tt, &tl);
		if (!e) {
			out->text = S_dup(arena, t.buf, t.len);
			out->text_len = t.len;
			if (tt && !rec->fragment)
				title = S_dup(arena, tt, tl);
		}
		dsr_buf_release(&t);
	}
	if (!out->text) {
		out->text = "";
		out->text_len = 0;
	}
	/* given metadata overrides what was found */
	if (rec->title) {
		size_t tl = strlen(rec->title);
		char *t = dsr_arena_strndup(arena, rec->title, tl);
		t[dsr__unmojibake(t, tl)] = 0; /* "\u00c2\u00a3" in a feed's title too */
		title = t;
	}
	if (!out->text_len && rec->fragment && title && *title) {
		/* a feed item that is only a headline: the headline is its text */
		out->text = title;
		out->text_len = strlen(title);
	}
	if (rec->outlet)
		outlet = rec->outlet;
	if (opts->outlet)
		outlet = opts->outlet;
	const char *given_lang = S_lang(arena, rec->language);
	if (given_lang)
		lang = given_lang;
	if (rec->nauthors) {
		authors = rec->authors;
		nauthors = rec->nauthors;
	}
	const char *given = opts->published ? opts->published : rec->published;
	if (given && S_norm_date(arena, given, &published))
		from = "given";
	if (!published && body == DSR_FMT_TEXT && !raw && url && S_url_date(arena, url, &published))
		from = "url";
	if (!published && !raw && body == DSR_FMT_TEXT) {
		/* a dateline near the top: "November 19, 2022" */
		dsr_date d;
		size_t at, dl;
		size_t lim = out->text_len < 300 ? out->text_len : 300;
		if (dsr_date_find(out->text, lim, &d, &at, &dl) == DSR_OK) {
			char iso[32];
			dsr_date_iso(&d, iso);
			published = S_dup(arena, iso, strlen(iso));
			from = "text";
		}
	}
	if (!outlet)
		outlet = S_host(arena, url);
	if (!lang)
		lang = dsr_guess_language(out->text, out->text_len);
	out->url = url ? dsr_url_normalize(arena, url) : NULL;
	if (out->url && !*out->url)
		out->url = NULL;
	out->title = title;
	out->outlet = outlet;
	out->language = lang;
	out->published = published;
	out->published_from = published ? from : NULL;
	out->authors = authors;
	out->nauthors = nauthors;
	S_make_id(out);
	dsr_buf_release(&u);
	return out->text_len ? DSR_OK : DSR_ENOBODY;
}

dsr_err dsr_article_json_members(const dsr_article *a, dsr_buf *o)
{
	dsr_err e = dsr_buf_adds(o, "\"id\":");
	if (!e) e = dsr_json_strz(o, a->id);
	if (!e) e = dsr_buf_adds(o, ",\"url\":");
	if (!e) e = dsr_json_strz(o, a->url);
	if (!e) e = dsr_buf_adds(o, ",\"title\":");
	if (!e) e = dsr_json_strz(o, a->title);
	if (!e) e = dsr_buf_adds(o, ",\"authors\":[");
	for (size_t i = 0; i < a->nauthors && !e; i++) {
		if (i)
			e = dsr_buf_addc(o, ',');
		if (!e)
			e = dsr_json_strz(o, a->authors[i]);
	}
	if (!e) e = dsr_buf_adds(o, "],\"outlet\":");
	if (!e) e = dsr_json_strz(o, a->outlet);
	if (!e) e = dsr_buf_adds(o, ",\"language\":");
	if (!e) e = dsr_json_strz(o, a->language);
	if (!e) e = dsr_buf_adds(o, ",\"published\":");
	if (!e) e = dsr_json_strz(o, a->published);
	if (!e) e = dsr_buf_adds(o, ",\"published_from\":");
	if (!e) e = dsr_json_strz(o, a->published_from);
	if (!e) e = dsr_buf_adds(o, ",\"text\":");
	if (!e) e = dsr_json_str(o, a->text, a->text_len);
	return e;
}
