/*
 * charset.c: any input bytes to valid UTF-8.
 *
 * Order of evidence: byte-order mark, the transport's charset (HTTP header),
 * <meta charset> / http-equiv, the XML declaration, then a guess. A declared
 * single-byte charset is overruled when the bytes are valid UTF-8 with
 * multi-byte sequences (pages often lie); a declared UTF-8 that is not is
 * read as windows-1252 when it has no valid multi-byte sequence at all.
 * Invalid bytes become U+FFFD and are counted; NUL bytes are dropped.
 * Text that was UTF-8, read once as windows-1252 or windows-1250 and
 * stored again ("\u00c2\u00a3" for a pound sign) is mended (dsr__unmojibake).
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
#include <threads.h>

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

/* ---- mojibake ---- */

/* The code point of byte 0x80 + i in windows-1252 and windows-1250 (0 =
 * none), from iconv. */
static uint32_t S_page[2][128];
static int16_t S_rev[2][0x180]; /* the byte of each code point below U+0180, or -1 */
static once_flag S_page_once = ONCE_FLAG_INIT;

static void S_page_build(void)
{
	static const char *const names[2] = {"WINDOWS-1252", "WINDOWS-1250"};
	for (int p = 0; p < 2; p++) {
		iconv_t cd = iconv_open("UTF-32LE", names[p]);
		if (cd == (iconv_t)-1)
			continue;
		for (int b = 0x80; b < 0x100; b++) {
			char in = (char)b, *ip = &in;
			unsigned char o[4];
			char *op = (char *)o;
			size_t il = 1, ol = 4;
			if (iconv(cd, &ip, &il, &op, &ol) != (size_t)-1 && ol == 0)
				S_page[p][b - 0x80] = (uint32_t)o[0] | (uint32_t)o[1] << 8 |
						      (uint32_t)o[2] << 16 | (uint32_t)o[3] << 24;
			iconv(cd, NULL, NULL, NULL, NULL);
		}
		iconv_close(cd);
	}
	for (int p = 0; p < 2; p++) {
		for (int c = 0; c < 0x180; c++)
			S_rev[p][c] = -1;
		for (int i = 0; i < 128; i++)
			if (S_page[p][i] && S_page[p][i] < 0x180)
				S_rev[p][S_page[p][i]] = (int16_t)(0x80 + i);
	}
}

/* The byte that code point c was read from in page p, or -1. */
static int S_page_byte(uint32_t c, int p)
{
	if (c < 0x180)
		return c < 0x80 ? -1 : S_rev[p][c];
	for (int i = 0; i < 128; i++)
		if (S_page[p][i] == c)
			return 0x80 + i;
	return -1;
}

/* The code point of the valid UTF-8 sequence at s (length l). */
static uint32_t S_cp(const unsigned char *s, int l)
{
	if (l == 1)
		return s[0];
	uint32_t c = s[0] & (0x7F >> l);
	for (int k = 1; k < l; k++)
		c = c << 6 | (s[k] & 0x3F);
	return c;
}

/* Code points mended text may hold: Latin letters and signs, Greek,
 * Cyrillic, dashes and quotes, the euro, the trade mark. */
static bool S_plausible(uint32_t c)
{
	return (c >= 0xA0 && c <= 0x24F) || (c >= 0x370 && c <= 0x4FF) ||
	       (c >= 0x2010 && c <= 0x2044) || c == 0x20AC || c == 0x2122;
}

/* How many bytes of s[i..n) are one character in mojibake of page p (its
 * UTF-8 bytes read as p's characters), its bytes in out[]; 0 if none. */
static size_t S_mojibake_at(const unsigned char *s, size_t n, size_t i, int p, unsigned char out[4],
			    int *outl)
{
	int l = dsr_utf8_seqlen(s + i, n - i);
	if (l < 2)
		return 0;
	int b = S_page_byte(S_cp(s + i, l), p);
	if (b < 0xC2 || b > 0xF4)
		return 0;
	int k = b >= 0xF0 ? 3 : b >= 0xE0 ? 2 : 1;
	out[0] = (unsigned char)b;
	size_t j = i + (size_t)l;
	for (int t = 1; t <= k; t++) {
		int cl = j < n ? dsr_utf8_seqlen(s + j, n - j) : 0;
		int cb = cl ? S_page_byte(S_cp(s + j, cl), p) : -1;
		if (cb < 0x80 || cb > 0xBF)
			return 0;
		out[t] = (unsigned char)cb;
		j += (size_t)cl;
	}
	if (dsr_utf8_seqlen(out, (size_t)k + 1) != k + 1 || !S_plausible(S_cp(out, k + 1)))
		return 0;
	*outl = k + 1;
	return j - i;
}

size_t dsr__unmojibake(char *text, size_t n)
{
	unsigned char *s = (unsigned char *)text;
	size_t i = 0, o = 0;
	bool loaded = false;
	while (i < n) {
		/* mojibake begins with a letter from U+00C2 to U+00F4 (or, from
		 * windows-1250, U+0102 to U+0163): bytes C3, C4 or C5 */
		if (s[i] < 0xC3 || s[i] > 0xC5) {
			s[o++] = s[i++];
			continue;
		}
		if (!loaded) {
			call_once(&S_page_once, S_page_build);
			loaded = true;
		}
		unsigned char out[4];
		int ol = 0;
		size_t used = S_mojibake_at(s, n, i, 0, out, &ol);
		if (!used)
			used = S_mojibake_at(s, n, i, 1, out, &ol);
		if (used) {
			memcpy(s + o, out, (size_t)ol);
			o += (size_t)ol;
			i += used;
		} else {
			s[o++] = s[i++];
		}
	}
	return o;
}

dsr_err dsr__to_utf8(const char *s, size_t n, const char *transport, bool markup, dsr_buf *out,
		     size_t *replaced, char used[48])
{
	size_t bad = 0, at = out->len; /* where this text begins in out */
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
	if (at > out->len)
		at = 0; /* the buffer was cleared for a second reading */
	if (!e && out->len > at) {
		out->len = at + dsr__unmojibake(out->buf + at, out->len - at);
		out->buf[out->len] = 0;
	}
	if (replaced)
		*replaced = bad;
	return e;
}
