/*
 * sgml.c: news collections in SGML, one file holding many stories: the
 * Reuters-21578 layout (<REUTERS NEWID=..> with <DATE>, <TITLE>, <DATELINE>,
 * <BODY> inside <TEXT>) and the TREC layout (<DOC> with <DOCNO>, <DATE>,
 * <HEADLINE> or <HL>, <TEXT>). read.c cuts a file into records at the
 * closing tags; this file turns one record into a dsr_record: plain text
 * (a dateline, then paragraphs), title, publication date, and an id.
 *
 * The parse is a scan for a few known tags, not an SGML parser: unknown
 * tags are dropped, character references decoded (&lt; &gt; &amp; &quot;
 * &apos; &#N;), control characters removed. Nothing is fetched or expanded.
 */
#include "internal.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Appending to the record's text; a record the size limit cuts short
 * keeps what it has. */
static void S_put(dsr_buf *b, const void *s, size_t n)
{
	if (dsr_buf_add(b, s, n))
		return;
}

static void S_puts(dsr_buf *b, const char *s)
{
	S_put(b, s, strlen(s));
}

/* The content of the first <tag ...>...</tag> in [p, end), or NULL. */
static const char *S_elem(const char *p, const char *end, const char *tag, const char **cend)
{
	size_t tl = strlen(tag);
	for (const char *s = p; s && s < end;) {
		s = dsr__memcasemem(s, (size_t)(end - s), tag);
		if (!s)
			return NULL;
		/* "<TEXT" must not match "<TEXTS": the name ends at '>' or a space */
		const char *a = s + tl;
		if (a < end && (*a == '>' || isspace((unsigned char)*a))) {
			const char *gt = memchr(a, '>', (size_t)(end - a));
			if (!gt)
				return NULL;
			char close[32];
			snprintf(close, sizeof close, "</%s", tag + 1);
			const char *c = dsr__memcasemem(gt + 1, (size_t)(end - gt - 1), close);
			*cend = c ? c : end;
			return gt + 1;
		}
		s = a;
	}
	return NULL;
}

/* The value of attribute `name` in the start tag at p (up to '>'), or NULL. */
static char *S_attr(dsr_arena *ar, const char *p, const char *end, const char *name)
{
	const char *gt = memchr(p, '>', (size_t)(end - p));
	if (!gt)
		return NULL;
	const char *a = dsr__memcasemem(p, (size_t)(gt - p), name);
	if (!a)
		return NULL;
	a += strlen(name);
	if (a >= gt || *a != '=')
		return NULL;
	a++;
	char q = *a == '"' || *a == '\'' ? *a++ : 0;
	const char *e = a;
	while (e < gt && (q ? *e != q : !isspace((unsigned char)*e)))
		e++;
	return e > a ? dsr_arena_strndup(ar, a, (size_t)(e - a)) : NULL;
}

/* Appends s[0..n) to b as text: tags dropped, references decoded, control
 * characters gone; with `paras`, a line that opens indented starts a
 * paragraph (the newswire's layout) and other line breaks are spaces. */
static void S_text(dsr_buf *b, const char *s, size_t n, bool paras)
{
	bool bol = true;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '<') {
			const char *gt = memchr(s + i, '>', n - i);
			if (gt) {
				/* a paragraph tag breaks the text; others vanish */
				if (n - i > 2 && (s[i + 1] == 'p' || s[i + 1] == 'P') &&
				    (s[i + 2] == '>' || isspace((unsigned char)s[i + 2])))
					S_puts(b, "\n\n");
				i = (size_t)(gt - s);
				continue;
			}
		}
		if (c == '&') {
			static const struct {
				const char *n;
				char c;
			} ents[] = {{"lt;", '<'}, {"gt;", '>'}, {"amp;", '&'}, {"quot;", '"'},
				    {"apos;", '\''}};
			size_t k, done = 0;
			for (k = 0; k < sizeof ents / sizeof *ents && !done; k++) {
				size_t l = strlen(ents[k].n);
				if (n - i > l && !memcmp(s + i + 1, ents[k].n, l)) {
					S_put(b, &ents[k].c, 1);
					done = l;
				}
			}
			if (!done && i + 2 < n && s[i + 1] == '#') {
				size_t j = i + 2;
				unsigned v = 0;
				while (j < n && j < i + 8 && isdigit((unsigned char)s[j]))
					v = v * 10 + (unsigned)(s[j++] - '0');
				if (j < n && s[j] == ';' && j > i + 2) {
					if (v >= 32 && v < 127) {
						char ch = (char)v;
						S_put(b, &ch, 1);
					}
					done = j - i;
				}
			}
			if (done) {
				i += done;
				bol = false;
				continue;
			}
		}
		if (c == '\n' || c == '\r') {
			if (c == '\r' && i + 1 < n && s[i + 1] == '\n')
				i++;
			bool indent = i + 1 < n && (s[i + 1] == ' ' || s[i + 1] == '\t');
			S_puts(b, paras && indent ? "\n\n" : paras ? " " : "\n");
			bol = true;
			continue;
		}
		if (c < 32 && c != '\t')
			continue;
		if (bol && paras && (c == ' ' || c == '\t'))
			continue; /* the indentation itself */
		bol = false;
		S_put(b, (const char *)&c, 1);
	}
}

/* Trimmed text of [p, e) in the arena, or NULL when empty. */
static char *S_field(dsr_arena *ar, dsr_buf *tmp, const char *p, const char *e)
{
	if (!p)
		return NULL;
	dsr_buf_clear(tmp);
	S_text(tmp, p, (size_t)(e - p), true);
	size_t a = 0, z = tmp->len;
	while (a < z && isspace((unsigned char)tmp->buf[a]))
		a++;
	while (z > a && isspace((unsigned char)tmp->buf[z - 1]))
		z--;
	return z > a ? dsr_arena_strndup(ar, tmp->buf + a, z - a) : NULL;
}

/* b without trailing white space */
static void S_rtrim(dsr_buf *b)
{
	while (b->len && isspace((unsigned char)b->buf[b->len - 1]))
		b->buf[--b->len] = 0;
}

/* "26-FEB-1987 15:01:01.79" -> "1987-02-26"; anything else as given. */
static const char *S_date(dsr_arena *ar, const char *s)
{
	static const char mon[] = "JANFEBMARAPRMAYJUNJULAUGSEPOCTNOVDEC";
	int d, y;
	char m[4];
	if (!s || sscanf(s, "%2d-%3[A-Za-z]-%4d", &d, m, &y) != 3 || d < 1 || d > 31 || y < 1000)
		return s;
	for (int k = 0; k < 12; k++)
		if (!strncasecmp(m, mon + 3 * k, 3)) {
			char out[48];
			snprintf(out, sizeof out, "%04d-%02d-%02d", y, k + 1, d);
			return dsr_arena_strndup(ar, out, strlen(out));
		}
	return s;
}

dsr_err dsr__sgml_record(const char *p, size_t n, dsr_arena *ar, dsr_buf *text, dsr_record *rec)
{
	const char *end = p + n, *ce;
	dsr_buf tmp;
	dsr_buf_init(&tmp, 0);
	dsr_buf_clear(text);
	bool reuters = dsr__memcasemem(p, n < 64 ? n : 64, "<REUTERS") != NULL;
	const char *t;
	if (reuters) {
		rec->outlet = "Reuters";
		const char *id = S_attr(ar, p, end, "NEWID");
		if (id) {
			char u[64];
			snprintf(u, sizeof u, "reuters21578:%s", id);
			rec->url = dsr_arena_strndup(ar, u, strlen(u));
		}
	} else if ((t = S_elem(p, end, "<DOCNO", &ce))) {
		rec->url = S_field(ar, &tmp, t, ce);
	}
	if ((t = S_elem(p, end, "<DATE", &ce)) || (t = S_elem(p, end, "<DATE_TIME", &ce)))
		rec->published = S_date(ar, S_field(ar, &tmp, t, ce));
	if ((t = S_elem(p, end, "<TITLE", &ce)) || (t = S_elem(p, end, "<HEADLINE", &ce)) ||
	    (t = S_elem(p, end, "<HL", &ce)) || (t = S_elem(p, end, "<HEAD", &ce)))
		rec->title = S_field(ar, &tmp, t, ce);
	/* the text: dateline, then body; else the whole <TEXT> without its title */
	const char *tx = S_elem(p, end, "<TEXT", &ce), *txe = ce;
	if (tx) {
		const char *dl = S_elem(tx, txe, "<DATELINE", &ce);
		char *dateline = dl ? S_field(ar, &tmp, dl, ce) : NULL;
		const char *body = S_elem(tx, txe, "<BODY", &ce);
		if (dateline) {
			S_puts(text, dateline);
			S_puts(text, " ");
		}
		if (body) {
			S_text(text, body, (size_t)(ce - body), true);
		} else {
			const char *ti = S_elem(tx, txe, "<TITLE", &ce);
			if (ti) { /* what follows the title */
				const char *gt = memchr(ce, '>', (size_t)(txe - ce));
				tx = gt ? gt + 1 : txe;
			}
			S_text(text, tx, (size_t)(txe - tx), reuters);
		}
	}
	dsr_buf_release(&tmp);
	/* the wire's sign-off ("Reuter") is no part of the story */
	S_rtrim(text);
	if (reuters && text->len >= 6 && !memcmp(text->buf + text->len - 6, "Reuter", 6) &&
	    (text->len == 6 || isspace((unsigned char)text->buf[text->len - 7]))) {
		text->buf[text->len -= 6] = 0;
		S_rtrim(text);
	}
	size_t a = 0;
	while (a < text->len && isspace((unsigned char)text->buf[a]))
		a++;
	if (a == text->len && rec->title) {
		/* a flash: the headline is all the story there is */
		S_puts(text, rec->title);
		a = 0;
	}
	if (a == text->len)
		return DSR_ENOBODY;
	rec->data = text->buf + a;
	rec->len = text->len - a;
	rec->body = DSR_FMT_TEXT;
	rec->utf8 = false;
	return DSR_OK;
}
