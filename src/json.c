/* json.c: strict JSON reader into an arena, and string writer. */
#include "dossier/json.h"

#include <stdlib.h>
#include <string.h>

typedef struct S_parser {
	dsr_arena *arena;
	const char *s, *p, *end;
	dsr_buf tmp;
} S_parser;

static void S_ws(S_parser *ps)
{
	while (ps->p < ps->end &&
	       (*ps->p == ' ' || *ps->p == '\t' || *ps->p == '\n' || *ps->p == '\r'))
		ps->p++;
}

static int S_hex4(const char *p)
{
	int v = 0;
	for (int i = 0; i < 4; i++) {
		char c = p[i];
		v <<= 4;
		if (c >= '0' && c <= '9')
			v |= c - '0';
		else if (c >= 'a' && c <= 'f')
			v |= c - 'a' + 10;
		else if (c >= 'A' && c <= 'F')
			v |= c - 'A' + 10;
		else
			return -1;
	}
	return v;
}

static dsr_err S_put_cp(dsr_buf *b, unsigned cp)
{
	char o[4];
	size_t n;
	if (cp < 0x80) {
		o[0] = (char)cp;
		n = 1;
	} else if (cp < 0x800) {
		o[0] = (char)(0xC0 | (cp >> 6));
		o[1] = (char)(0x80 | (cp & 0x3F));
		n = 2;
	} else if (cp < 0x10000) {
		o[0] = (char)(0xE0 | (cp >> 12));
		o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[2] = (char)(0x80 | (cp & 0x3F));
		n = 3;
	} else {
		o[0] = (char)(0xF0 | (cp >> 18));
		o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
		o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
		o[3] = (char)(0x80 | (cp & 0x3F));
		n = 4;
	}
	return dsr_buf_add(b, o, n);
}

/* Parses a string at ps->p (which is at the opening quote). */
static dsr_err S_string(S_parser *ps, const char **out, size_t *outlen)
{
	const char *p = ps->p + 1;
	const char *start = p;
	/* fast path: no escapes */
	while (p < ps->end && *p != '"' && *p != '\\' && (unsigned char)*p >= 0x20)
		p++;
	if (p < ps->end && *p == '"') {
		*out = dsr_arena_strndup(ps->arena, start, (size_t)(p - start));
		*outlen = (size_t)(p - start);
		ps->p = p + 1;
		return DSR_OK;
	}
	dsr_buf_clear(&ps->tmp);
	if (dsr_buf_add(&ps->tmp, start, (size_t)(p - start)))
		return DSR_ETOOBIG;
	while (p < ps->end) {
		unsigned char c = (unsigned char)*p;
		if (c == '"') {
			*out = dsr_arena_strndup(ps->arena, ps->tmp.buf, ps->tmp.len);
			*outlen = ps->tmp.len;
			ps->p = p + 1;
			return DSR_OK;
		}
		if (c < 0x20) {
			ps->p = p;
			return DSR_EFORMAT;
		}
		if (c != '\\') {
			if (dsr_buf_addc(&ps->tmp, (char)c))
				return DSR_ETOOBIG;
			p++;
			continue;
		}
		if (p + 1 >= ps->end)
			break;
		char e = p[1];
		p += 2;
		char lit = 0;
		switch (e) {
		case '"': lit = '"'; break;
		case '\\': lit = '\\'; break;
		case '/': lit = '/'; break;
		case 'b': lit = '\b'; break;
		case 'f': lit = '\f'; break;
		case 'n': lit = '\n'; break;
		case 'r': lit = '\r'; break;
		case 't': lit = '\t'; break;
		case 'u': {
			if (ps->end - p < 4 || S_hex4(p) < 0) {
				ps->p = p;
				return DSR_EFORMAT;
			}
			unsigned cp = (unsigned)S_hex4(p);
			p += 4;
			if (cp >= 0xD800 && cp < 0xDC00) {
				if (ps->end - p >= 6 && p[0] == '\\' && p[1] == 'u' &&
				    S_hex4(p + 2) >= 0xDC00 && S_hex4(p + 2) < 0xE000) {
					unsigned lo = (unsigned)S_hex4(p + 2);
					cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
					p += 6;
				} else {
					cp = 0xFFFD; /* lone surrogate */
				}
			} else if (cp >= 0xDC00 && cp < 0xE000) {
				cp = 0xFFFD;
			}
			if (S_put_cp(&ps->tmp, cp))
				return DSR_ETOOBIG;
			continue;
		}
		default:
			ps->p = p - 1;
			return DSR_EFORMAT;
		}
		if (dsr_buf_addc(&ps->tmp, lit))
			return DSR_ETOOBIG;
	}
	ps->p = p;
	return DSR_EFORMAT;
}

static dsr_err S_value(S_parser *ps, dsr_json *v, int depth);

static dsr_err S_container(S_parser *ps, dsr_json *v, int depth, bool obj)
{
	char close = obj ? '}' : ']';
	ps->p++;
	S_ws(ps);
	dsr_json **tail = &v->child;
	if (ps->p < ps->end && *ps->p == close) {
		ps->p++;
		return DSR_OK;
	}
	for (;;) {
		dsr_json *c = dsr_arena_alloc(ps->arena, sizeof *c);
		memset(c, 0, sizeof *c);
		if (obj) {
			S_ws(ps);
			if (ps->p >= ps->end || *ps->p != '"')
				return DSR_EFORMAT;
			dsr_err e = S_string(ps, &c->key, &c->keylen);
			if (e)
				return e;
			S_ws(ps);
			if (ps->p >= ps->end || *ps->p != ':')
				return DSR_EFORMAT;
			ps->p++;
		}
		dsr_err e = S_value(ps, c, depth + 1);
		if (e)
			return e;
		*tail = c;
		tail = &c->next;
		S_ws(ps);
		if (ps->p >= ps->end)
			return DSR_EFORMAT;
		if (*ps->p == ',') {
			ps->p++;
			continue;
		}
		if (*ps->p == close) {
			ps->p++;
			return DSR_OK;
		}
		return DSR_EFORMAT;
	}
}

static dsr_err S_value(S_parser *ps, dsr_json *v, int depth)
{
	if (depth > DSR_JSON_MAX_DEPTH)
		return DSR_EDEPTH;
	S_ws(ps);
	if (ps->p >= ps->end)
		return DSR_EFORMAT;
	char c = *ps->p;
	switch (c) {
	case '{':
		v->type = DSR_JSON_OBJECT;
		return S_container(ps, v, depth, true);
	case '[':
		v->type = DSR_JSON_ARRAY;
		return S_container(ps, v, depth, false);
	case '"':
		v->type = DSR_JSON_STRING;
		return S_string(ps, &v->str, &v->len);
	case 't':
		if (ps->end - ps->p >= 4 && !memcmp(ps->p, "true", 4)) {
			v->type = DSR_JSON_TRUE;
			ps->p += 4;
			return DSR_OK;
		}
		return DSR_EFORMAT;
	case 'f':
		if (ps->end - ps->p >= 5 && !memcmp(ps->p, "false", 5)) {
			v->type = DSR_JSON_FALSE;
			ps->p += 5;
			return DSR_OK;
		}
		return DSR_EFORMAT;
	case 'n':
		if (ps->end - ps->p >= 4 && !memcmp(ps->p, "null", 4)) {
			v->type = DSR_JSON_NULL;
			ps->p += 4;
			return DSR_OK;
		}
		return DSR_EFORMAT;
	default: {
		const char *st = ps->p, *p = ps->p;
		if (p < ps->end && *p == '-')
			p++;
		if (p >= ps->end || !(*p >= '0' && *p <= '9'))
			return DSR_EFORMAT;
		if (*p == '0')
			p++;
		else
			while (p < ps->end && *p >= '0' && *p <= '9')
				p++;
		if (p < ps->end && *p == '.') {
			p++;
			if (p >= ps->end || !(*p >= '0' && *p <= '9'))
				return DSR_EFORMAT;
			while (p < ps->end && *p >= '0' && *p <= '9')
				p++;
		}
		if (p < ps->end && (*p == 'e' || *p == 'E')) {
			p++;
			if (p < ps->end && (*p == '+' || *p == '-'))
				p++;
			if (p >= ps->end || !(*p >= '0' && *p <= '9'))
				return DSR_EFORMAT;
			while (p < ps->end && *p >= '0' && *p <= '9')
				p++;
		}
		v->type = DSR_JSON_NUMBER;
		v->str = dsr_arena_strndup(ps->arena, st, (size_t)(p - st));
		v->len = (size_t)(p - st);
		v->num = strtod(v->str, NULL);
		ps->p = p;
		return DSR_OK;
	}
	}
}

dsr_err dsr_json_parse(dsr_arena *arena, const char *s, size_t n, dsr_json **out,
		       size_t *errpos)
{
	S_parser ps = {arena, s, s, s + n, {0}};
	dsr_buf_init(&ps.tmp, 0);
	dsr_json *v = dsr_arena_alloc(arena, sizeof *v);
	memset(v, 0, sizeof *v);
	dsr_err e = S_value(&ps, v, 0);
	if (!e) {
		S_ws(&ps);
		if (ps.p != ps.end)
			e = DSR_EFORMAT;
	}
	dsr_buf_release(&ps.tmp);
	if (e) {
		if (errpos)
			*errpos = (size_t)(ps.p - s);
		*out = NULL;
		return e;
	}
	*out = v;
	return DSR_OK;
}

const dsr_json *dsr_json_get(const dsr_json *obj, const char *key)
{
	if (!obj || obj->type != DSR_JSON_OBJECT)
		return NULL;
	size_t kl = strlen(key);
	for (const dsr_json *c = obj->child; c; c = c->next)
		if (c->keylen == kl && !memcmp(c->key, key, kl))
			return c;
	return NULL;
}

const char *dsr_json_getstr(const dsr_json *obj, const char *key, size_t *len)
{
	const dsr_json *v = dsr_json_get(obj, key);
	if (!v || v->type != DSR_JSON_STRING || !v->len)
		return NULL;
	if (len)
		*len = v->len;
	return v->str;
}

dsr_err dsr_json_str(dsr_buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	dsr_err e = dsr_buf_addc(b, '"');
	size_t run = 0;
	for (size_t i = 0; i < n && !e; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c != '"' && c != '\\' && c != 0x7f) {
			run++;
			continue;
		}
		e = dsr_buf_add(b, s + i - run, run);
		run = 0;
		if (e)
			break;
		char esc[7] = {'\\', 0};
		size_t el = 2;
		switch (c) {
		case '"': esc[1] = '"'; break;
		case '\\': esc[1] = '\\'; break;
		case '\n': esc[1] = 'n'; break;
		case '\r': esc[1] = 'r'; break;
		case '\t': esc[1] = 't'; break;
		case '\b': esc[1] = 'b'; break;
		case '\f': esc[1] = 'f'; break;
		default:
			esc[1] = 'u';
			esc[2] = '0';
			esc[3] = '0';
			esc[4] = hex[c >> 4];
			esc[5] = hex[c & 15];
			el = 6;
		}
		e = dsr_buf_add(b, esc, el);
	}
	if (!e)
		e = dsr_buf_add(b, s + n - run, run);
	if (!e)
		e = dsr_buf_addc(b, '"');
	return e;
}

dsr_err dsr_json_strz(dsr_buf *b, const char *s)
{
	if (!s)
		return dsr_buf_adds(b, "null");
	return dsr_json_str(b, s, strlen(s));
}

dsr_err dsr_json_num(dsr_buf *b, double v)
{
	if (v == (double)(long long)v && v < 1e18 && v > -1e18)
		return dsr_buf_addf(b, "%lld", (long long)v);
	return dsr_buf_addf(b, "%.6g", v);
}
