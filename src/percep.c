/*
 * percep.c: loading and scoring the compact perceptron models (percep.h).
 */
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "dossier/base.h"
#include "percep.h"

unsigned char *dsr__pm_unpack(const char *data, const char *end, const char *magic, int nl,
			      uint32_t *nfeat, float *scale)
{
	size_t zn = (size_t)(end - data);
	if (zn < 20 || nl < 1)
		return NULL;
	/* gzip: the uncompressed size is in the last four bytes */
	const unsigned char *tail = (const unsigned char *)data + zn - 4;
	size_t un = (size_t)tail[0] | (size_t)tail[1] << 8 | (size_t)tail[2] << 16 |
		    (size_t)tail[3] << 24;
	if (un < 20 || un > (256u << 20))
		return NULL;
	unsigned char *raw = dsr_xmalloc(un);
	z_stream zs = {0};
	if (inflateInit2(&zs, 16 + MAX_WBITS) != Z_OK) {
		free(raw);
		return NULL;
	}
	zs.next_in = (unsigned char *)(uintptr_t)data;
	zs.avail_in = (uInt)zn;
	zs.next_out = raw;
	zs.avail_out = (uInt)un;
	int zr = inflate(&zs, Z_FINISH);
	inflateEnd(&zs);
	uint32_t fl;
	if (zr != Z_STREAM_END || memcmp(raw, magic, 8)) {
		free(raw);
		return NULL;
	}
	memcpy(&fl, raw + 8, 4);
	memcpy(nfeat, raw + 12, 4);
	memcpy(scale, raw + 16, 4);
	if (fl != (uint32_t)nl || 20 + (size_t)*nfeat * (4 + 2 * (size_t)fl) > un) {
		free(raw);
		return NULL;
	}
	return raw;
}

pm_model *dsr__pm_load(const char *data, const char *end, const char *magic, int nl)
{
	uint32_t nfeat;
	float scale;
	if (nl > PM_MAXL)
		return NULL;
	unsigned char *raw = dsr__pm_unpack(data, end, magic, nl, &nfeat, &scale);
	if (!raw)
		return NULL;
	size_t row = 4 + 2 * (size_t)nl;
	pm_model *m = dsr_xcalloc(1, sizeof *m);
	size_t sz = 1;
	while (sz < (size_t)nfeat * 2 + 16)
		sz <<= 1;
	m->mask = sz - 1;
	m->nl = nl;
	m->scale = scale;
	m->keys = dsr_xcalloc(sz, sizeof *m->keys);
	m->w = dsr_xcalloc(sz * (size_t)nl, sizeof *m->w);
	const unsigned char *p = raw + 20;
	for (uint32_t k = 0; k < nfeat; k++, p += row) {
		uint32_t key;
		memcpy(&key, p, 4);
		size_t h = key & m->mask;
		while (m->keys[h])
			h = (h + 1) & m->mask;
		m->keys[h] = key;
		for (uint32_t l = 0; l < (uint32_t)nl; l++) {
			int16_t q;
			memcpy(&q, p + 4 + 2 * l, 2);
			m->w[h * (size_t)nl + l] = q;
		}
	}
	free(raw);
	return m;
}

void dsr__pm_free(pm_model *m)
{
	if (!m)
		return;
	free(m->keys);
	free(m->w);
	free(m);
}

const int16_t *dsr__pm_row(const pm_model *m, uint32_t key)
{
	for (size_t h = key & m->mask; m->keys[h]; h = (h + 1) & m->mask)
		if (m->keys[h] == key)
			return m->w + h * (size_t)m->nl;
	return NULL;
}

/* The scoring loop for a label count known at compile time (the taggers
 * have 3 and 5 labels): the sums stay in registers. */
static inline __attribute__((always_inline)) void
S_acc(const pm_model *m, const uint32_t *f, size_t nf, int32_t *acc, const int nl)
{
	/* the probes are independent: ask for their cache lines first */
	for (size_t k = 0; k < nf; k++) {
		__builtin_prefetch(&m->keys[f[k] & m->mask]);
		__builtin_prefetch(&m->w[(f[k] & m->mask) * (size_t)nl]);
	}
	int32_t a[PM_MAXL] = {0};
	for (size_t k = 0; k < nf; k++) {
		for (size_t h = f[k] & m->mask; m->keys[h]; h = (h + 1) & m->mask) {
			if (m->keys[h] == f[k]) {
				const int16_t *w = m->w + h * (size_t)nl;
				for (int l = 0; l < nl; l++)
					a[l] += w[l];
				break;
			}
		}
	}
	for (int l = 0; l < nl; l++)
		acc[l] += a[l];
}

void dsr__pm_acc(const pm_model *m, const uint32_t *f, size_t nf, int32_t *acc)
{
	switch (m->nl) {
	case 3: S_acc(m, f, nf, acc, 3); break;
	case 5: S_acc(m, f, nf, acc, 5); break;
	default: S_acc(m, f, nf, acc, m->nl); break;
	}
}

void dsr__pm_score(const pm_model *m, const uint32_t *f, size_t nf, float *sc)
{
	int32_t acc[PM_MAXL] = {0};
	dsr__pm_acc(m, f, nf, acc);
	for (int l = 0; l < m->nl; l++)
		sc[l] += (float)acc[l] * m->scale;
}
