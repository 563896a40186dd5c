/* base.c: errors, allocation, dsr_buf, dsr_arena, hashing, UTF-8 checks. */
#include "dossier/base.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char *dsr_strerror(dsr_err e)
{
	switch (e) {
#define DSR__ERR_MSG(name, num, msg) \
	case DSR_##name:             \
		return msg;
		DSR_ERR_MAP(DSR__ERR_MSG)
#undef DSR__ERR_MSG
	}
	return "unknown error";
}

const char *dsr_errname(dsr_err e)
{
	switch (e) {
#define DSR__ERR_NAME(name, num, msg) \
	case DSR_##name:              \
		return #name;
		DSR_ERR_MAP(DSR__ERR_NAME)
#undef DSR__ERR_NAME
	}
	return "UNKNOWN";
}

static void S_oom(size_t n)
{
	fprintf(stderr, "dossier: out of memory allocating %zu bytes\n", n);
	abort();
}

void *dsr_xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		S_oom(n);
	return p;
}

void *dsr_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		S_oom(n * size);
	return p;
}

void *dsr_xrealloc(void *p, size_t n)
{
	void *q = realloc(p, n ? n : 1);
	if (!q)
		S_oom(n);
	return q;
}

char *dsr_xstrndup(const char *s, size_t n)
{
	char *p = dsr_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = 0;
	return p;
}

size_t dsr_st_mult(size_t a, size_t b)
{
	if (b && a > SIZE_MAX / b) {
		fprintf(stderr, "dossier: size overflow %zu * %zu\n", a, b);
		abort();
	}
	return a * b;
}

/* ---- dsr_buf ---- */

static char S_empty[1];

void dsr_buf_init(dsr_buf *b, size_t cap)
{
	b->buf = S_empty;
	b->len = 0;
	b->alloc = 0;
	b->cap = cap;
}

void dsr_buf_release(dsr_buf *b)
{
	if (b->alloc)
		free(b->buf);
	dsr_buf_init(b, b->cap);
}

void dsr_buf_clear(dsr_buf *b)
{
	b->len = 0;
	if (b->alloc)
		b->buf[0] = 0;
}

static dsr_err S_grow(dsr_buf *b, size_t extra)
{
	if (extra > SIZE_MAX - b->len - 1)
		return DSR_ETOOBIG;
	size_t need = b->len + extra + 1;
	if (b->cap && need - 1 > b->cap)
		return DSR_ETOOBIG;
	if (need <= b->alloc)
		return DSR_OK;
	size_t na = b->alloc ? b->alloc : 64;
	while (na < need)
		na = na < SIZE_MAX / 2 ? na * 2 : need;
	if (b->alloc) {
		b->buf = dsr_xrealloc(b->buf, na);
	} else {
		b->buf = dsr_xmalloc(na);
		b->buf[0] = 0;
	}
	b->alloc = na;
	return DSR_OK;
}

dsr_err dsr_buf_add(dsr_buf *b, const void *data, size_t n)
{
	if (!n)
		return DSR_OK;
	dsr_err e = S_grow(b, n);
	if (e)
		return e;
	memcpy(b->buf + b->len, data, n);
	b->len += n;
	b->buf[b->len] = 0;
	return DSR_OK;
}

dsr_err dsr_buf_addc(dsr_buf *b, char c)
{
	return dsr_buf_add(b, &c, 1);
}

dsr_err dsr_buf_adds(dsr_buf *b, const char *s)
{
	return dsr_buf_add(b, s, strlen(s));
}

dsr_err dsr_buf_addf(dsr_buf *b, const char *fmt, ...)
{
	char small[256];
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(small, sizeof small, fmt, ap);
	va_end(ap);
	if (n < 0)
		return DSR_EFORMAT;
	if ((size_t)n < sizeof small)
		return dsr_buf_add(b, small, (size_t)n);
	dsr_err e = S_grow(b, (size_t)n);
	if (e)
		return e;
	va_start(ap, fmt);
	vsnprintf(b->buf + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
	return DSR_OK;
}

char *dsr_buf_detach(dsr_buf *b, size_t *len)
{
	char *p;
	if (len)
		*len = b->len;
	if (b->alloc) {
		p = b->buf;
	} else {
		p = dsr_xmalloc(1);
		p[0] = 0;
	}
	dsr_buf_init(b, b->cap);
	return p;
}

/* ---- dsr_arena ---- */

struct dsr_arena_chunk {
	dsr_arena_chunk *next;
	size_t size, used;
	max_align_t data[];
};

#define DSR__ARENA_CHUNK (64 * 1024)

void dsr_arena_init(dsr_arena *a)
{
	a->head = NULL;
	a->used = 0;
}

void dsr_arena_release(dsr_arena *a)
{
	dsr_arena_chunk *c = a->head;
	while (c) {
		dsr_arena_chunk *n = c->next;
		free(c);
		c = n;
	}
	a->head = NULL;
	a->used = 0;
}

/* Keeps the newest chunk (usually the largest) for reuse, frees the rest. */
void dsr_arena_clear(dsr_arena *a)
{
	if (!a->head)
		return;
	dsr_arena_chunk *keep = a->head, *c = keep->next;
	while (c) {
		dsr_arena_chunk *n = c->next;
		free(c);
		c = n;
	}
	keep->next = NULL;
	keep->used = 0;
	a->used = 0;
}

void *dsr_arena_alloc(dsr_arena *a, size_t n)
{
	size_t al = sizeof(max_align_t);
	n = (n + al - 1) / al * al;
	if (!n)
		n = al;
	dsr_arena_chunk *c = a->head;
	if (!c || c->size - c->used < n) {
		size_t sz = n > DSR__ARENA_CHUNK ? n : DSR__ARENA_CHUNK;
		c = dsr_xmalloc(sizeof(*c) + sz);
		c->size = sz;
		c->used = 0;
		c->next = a->head;
		a->head = c;
	}
	void *p = (char *)c->data + c->used;
	c->used += n;
	a->used += n;
	return p;
}

char *dsr_arena_strndup(dsr_arena *a, const char *s, size_t n)
{
	char *p = dsr_arena_alloc(a, n + 1);
	if (n)
		memcpy(p, s, n);
	p[n] = 0;
	return p;
}

/* ---- hashing: 64-bit, murmur-style mixing over 8-byte words ---- */

static uint64_t S_mix(uint64_t h)
{
	h ^= h >> 33;
	h *= 0xff51afd7ed558ccdULL;
	h ^= h >> 33;
	h *= 0xc4ceb9fe1a85ec53ULL;
	h ^= h >> 33;
	return h;
}

uint64_t dsr_hash64(const void *data, size_t n, uint64_t seed)
{
	const unsigned char *p = data;
	uint64_t h = seed ^ (n * 0x9e3779b97f4a7c15ULL);
	while (n >= 8) {
		uint64_t k = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
		memcpy(&k, p, 8); /* the same little-endian word, in one load */
#else
		for (int i = 7; i >= 0; i--)
			k = (k << 8) | p[i];
#endif
		h = S_mix(h ^ S_mix(k)) * 0x9e3779b97f4a7c15ULL;
		p += 8;
		n -= 8;
	}
	uint64_t k = 0;
	for (size_t i = n; i > 0; i--)
		k = (k << 8) | p[i - 1];
	h = S_mix(h ^ S_mix(k ^ 0x1234567ULL));
	return h;
}

void dsr_hex64(uint64_t h, char out[17])
{
	static const char hex[] = "0123456789abcdef";
	for (int i = 15; i >= 0; i--) {
		out[i] = hex[h & 15];
		h >>= 4;
	}
	out[16] = 0;
}

/* ---- UTF-8 ---- */

int dsr_utf8_seqlen(const unsigned char *s, size_t n)
{
	if (!n)
		return 0;
	unsigned c = s[0];
	if (c < 0x80)
		return 1;
	if (c < 0xC2)
		return 0;
	if (c < 0xE0) {
		if (n < 2 || (s[1] & 0xC0) != 0x80)
			return 0;
		return 2;
	}
	if (c < 0xF0) {
		if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
			return 0;
		if (c == 0xE0 && s[1] < 0xA0)
			return 0;
		if (c == 0xED && s[1] >= 0xA0)
			return 0; /* surrogates */
		return 3;
	}
	if (c < 0xF5) {
		if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
		    (s[3] & 0xC0) != 0x80)
			return 0;
		if (c == 0xF0 && s[1] < 0x90)
			return 0;
		if (c == 0xF4 && s[1] >= 0x90)
			return 0;
		return 4;
	}
	return 0;
}

bool dsr_utf8_valid(const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;
	while (i < n) {
		if (p[i] < 0x80) {
			i++;
			continue;
		}
		int l = dsr_utf8_seqlen(p + i, n - i);
		if (!l)
			return false;
		i += (size_t)l;
	}
	return true;
}
