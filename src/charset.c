/*
 * charset.c: any input bytes to valid UTF-8.
 *
 * Order of evidence: byte-order mark, the transport's charset (HTTP header),
 * <meta charset> / http-equiv, the XML declaration, then a guess. A declared
 * single-byte charset is overruled when the bytes are valid UTF-8 with
 * multi-byte sequences (pages often lie); a declared UTF-8 that is not is
 * read as windows-1252 when it has no valid multi-byte sequence at all.
 * Invalid bytes become U+FFFD and are counted; NUL bytes are dropped.
 */
#include "internal.h"
#include "charset.h"

#include <ctype.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

static const char S_repl[] = "\xEF\xBF\xBD";

/* Copies s as UTF-8, replacing invalid sequences; returns replacements. */
static size_t S_copy_utf8(const char *s, size_t n, dsr_buf *out, dsr_err *err)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, run = 0, bad = 0;
	*err = DSR_OK;
	while (i < n) {
		if (p[i] >= 0x20 || (p[i] != 0 && p[i] != 0x0B && p[i] != 0x0C && p[i] < 0x80)) {
			if (p[i] < 0x80) {
				i++;
				run++;
				continue;
			}
			int l = dsr_utf8_seqlen(p + i, n - i);
			if (l) {
				i += (size_t)l;
				run += (size_t)l;
				continue;
			}
		}
		if ((*err = dsr_buf_add(out, p + i - run, run)))
			return bad;
		run = 0;
		if (p[i] == 0x0B || p[i] == 0x0C) {
			if ((*err = dsr_buf_addc(out, ' ')))
				return bad;
		} else if (p[i] != 0) {
			if ((*err = dsr_buf_add(out, S_repl, 3)))
				return bad;
		}
		bad++;
		i++;
	}
	*err = dsr_buf_add(out, p + n - run, run);
	return bad;
}

#define S_ONES ((uint64_t)-1 / 255)
#define S_HAS_ZERO(x) (((x) - S_ONES) & ~(x) & (S_ONES * 128))

/* True when the 8 bytes at p are ASCII without NUL, VT or FF. */
static bool S_plain8(const unsigned char *p)
{
	uint64_t x;
	memcpy(&x, p, 8);
	if (x & (S_ONES * 128))
		return false;
	return !S_HAS_ZERO(x) && !S_HAS_ZERO(x ^ (S_ONES * 0x0B)) && !S_HAS_ZERO(x ^ (S_ONES * 0x0C));
}

/* Counts valid multi-byte sequences, invalid bytes and control bytes that
 * S_copy_utf8 would change (NUL, VT, FF). */
static void S_utf8_stats(const char *s, size_t n, size_t *multi, size_t *invalid, size_t *ctrl)
{
	const unsigned char *p = (const unsigned char *)s;
	*multi = *invalid = *ctrl = 0;
	for (size_t i = 0; i < n;) {
		if (i + 8 <= n && S_plain8(p + i)) {
			i += 8;
			continue;
		}
		if (p[i] < 0x80) {
			if (p[i] == 0 || p[i] == 0x0B || p[i] == 0x0C)
				(*ctrl)++;
			i++;
			continue;
		}
		int l = dsr_utf8_seqlen(p + i, n - i);
		if (l) {
			(*multi)++;
			i += (size_t)l;
		} else {
			(*invalid)++;
			i++;
		}
	}
}

/* Reads the value after charset= (or encoding=) into name. */
static bool S_take_name(const char *p, const char *end, char name[48])
{
	while (p < end && (*p == ' ' || *p == '=' || *p == '"' || *p == '\''))
		p++;
	size_t k = 0;
	while (p < end && k < 47 &&
	       (isalnum((unsigned char)*p) || *p == '-' || *p == '_' || *p == '.' || *p == ':'))
		name[k++] = *p++;
	name[k] = 0;
	return k > 0;
}

bool dsr__declared_charset(const char *s, size_t n, char name[48])
{
	size_t lim = n < 16384 ? n : 16384;
	/* XML declaration */
	if (lim > 5 && !memcmp(s, "<?xml", 5)) {
		const char *e = memchr(s, '>', lim);
		if (e) {
			const char *enc = dsr__memcasemem(s, (size_t)(e - s), "encoding");
			if (enc && S_take_name(enc + 8, e, name))
				return true;
		}
	}
	const char *p = s, *end = s + lim;
	while ((p = dsr__memcasemem(p, (size_t)(end - p), "<meta")) != NULL) {
		const char *e = memchr(p, '>', (size_t)(end - p));
		if (!e)
			break;
		const char *cs = dsr__memcasemem(p, (size_t)(e - p), "charset");
		if (cs && S_take_name(cs + 7, e, name))
			return true;
		p = e;
	}
	return false;
}

static const char *S_alias(const char *name)
{
	/* WHATWG: these labels all mean windows-1252 */
	static const char *w1252[] = {"iso-8859-1", "iso8859-1", "latin1", "latin-1",
				      "us-ascii",   "ascii",     "l1",     "iso_8859-1",
				      "cp1252",     "windows-1252", "x-cp1252", "cp819"};
	for (size_t i = 0; i < sizeof w1252 / sizeof w1252[0]; i++)
		if (!strcasecmp(name, w1252[i]))
			return "WINDOWS-1252";
	if (!strcasecmp(name, "utf8") || !strcasecmp(name, "unicode-1-1-utf-8"))
		return "UTF-8";
	if (!strcasecmp(name, "x-sjis") || !strcasecmp(name, "shift-jis"))
		return "SHIFT_JIS";
	if (!strcasecmp(name, "gb2312") || !strcasecmp(name, "gbk"))
		return "GB18030";
	if (!strcasecmp(name, "iso-8859-9") || !strcasecmp(name, "latin5"))
		return "WINDOWS-1254";
	return name;
}

static dsr_err S_iconv(const char *from, const char *s, size_t n, dsr_buf *out, size_t *bad)
{
	iconv_t cd = iconv_open("UTF-8", from);
	if (cd == (iconv_t)-1)
		return DSR_ECHARSET;
	dsr_buf tmp;
	dsr_buf_init(&tmp, out->cap ? out->cap : 0);
	char chunk[16384];
	char *in = (char *)s;
	size_t inleft = n;
	dsr_err e = DSR_OK;
	while (inleft) {
		char *o = chunk;
		size_t oleft = sizeof chunk;
		size_t r = iconv(cd, &in, &inleft, &o, &oleft);
		int er = errno;
		if ((e = dsr_buf_add(&tmp, chunk, sizeof chunk - oleft)))
			break;
		if (r != (size_t)-1)
			continue;
		if (er == E2BIG)
			continue;
		/* EILSEQ or EINVAL (cut-off sequence): replace one byte */
		if ((e = dsr_buf_add(&tmp, S_repl, 3)))
			break;
		(*bad)++;
		in++;
		inleft--;
	}
	iconv_close(cd);
	if (!e) {
		/* iconv output is UTF-8; still drop NULs and check */
		*bad += S_copy_utf8(tmp.buf, tmp.len, out, &e);
	}
	dsr_buf_release(&tmp);
	return e;
}

dsr_err dsr__to_utf8(const char *s, size_t n, const char *transport, bool markup, dsr_buf *out,
		     size_t *replaced, char used[48])
{
	size_t bad = 0;
	dsr_err e;
	char name[48] = "";
	const unsigned char *u = (const unsigned char *)s;
	if (n >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		s += 3;
		n -= 3;
		strcpy(name, "UTF-8");
	} else if (n >= 2 && u[0] == 0xFF && u[1] == 0xFE) {
		strcpy(name, "UTF-16LE");
		s += 2;
		n -= 2;
	} else if (n >= 2 && u[0] == 0xFE && u[1] == 0xFF) {
		strcpy(name, "UTF-16BE");
		s += 2;
		n -= 2;
	} else if (transport && *transport) {
		snprintf(name, sizeof name, "%s", transport);
	} else if (!markup || !dsr__declared_charset(s, n, name)) {
		name[0] = 0;
	}
	bool utf16 = !strncasecmp(name, "UTF-16", 6) || !strncasecmp(name, "UTF-32", 6);
	size_t multi = 0, invalid = 1, ctrl = 1;
	if (!utf16) {
		S_utf8_stats(s, n, &multi, &invalid, &ctrl);
		if (invalid == 0) {
			/* valid UTF-8: believe the bytes over a single-byte label */
			if (multi > 0 || !name[0] || !strcasecmp(S_alias(name), "UTF-8") ||
			    !strcasecmp(S_alias(name), "WINDOWS-1252"))
				strcpy(name, "UTF-8");
		} else if (!name[0] || !strcasecmp(S_alias(name), "UTF-8")) {
			/* no label, or a false UTF-8 label: guess */
			strcpy(name, multi > invalid * 4 ? "UTF-8" : "WINDOWS-1252");
		}
	}
	const char *cs = S_alias(name);
	snprintf(used, 48, "%s", cs);
	if (!strcasecmp(cs, "UTF-8") && !invalid && !ctrl) {
		e = dsr_buf_add(out, s, n); /* already clean */
	} else if (!strcasecmp(cs, "UTF-8")) {
		bad = S_copy_utf8(s, n, out, &e);
	} else {
		e = S_iconv(cs, s, n, out, &bad);
		if (e == DSR_ECHARSET) {
			/* unknown label: fall back to the guess */
			S_utf8_stats(s, n, &multi, &invalid, &ctrl);
			const char *g = invalid ? "WINDOWS-1252" : "UTF-8";
			snprintf(used, 48, "%s", g);
			dsr_buf_clear(out);
			bad = 0;
			if (!invalid)
				bad = S_copy_utf8(s, n, out, &e);
			else
				e = S_iconv(g, s, n, out, &bad);
		}
	}
	if (replaced)
		*replaced = bad;
	return e;
}
