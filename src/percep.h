/*
 * percep.h: a compact averaged-perceptron model shared by the taggers that
 * are trained by the programs in tools/ (one row of at most 16 label
 * weights per hashed feature, loaded from an embedded gzip blob), and the
 * feature hashing they use.
 *
 * File layout (little endian, gzip-compressed): the 8-byte magic, then
 * u32 labels, u32 features, f32 scale, then per feature u32 key and one
 * i16 per label (weight = i16 * scale).
 */
#ifndef DOSSIER_PERCEP_H
#define DOSSIER_PERCEP_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define PM_MAXL 16

typedef struct pm_model {
	uint32_t *keys;          /* open addressing over keys alone (0 = empty): a probe */
	int16_t *w;              /* reads a few cache lines; slot h's nl weights at w[h * nl] */
	float scale;             /* weight = w * scale */
	size_t mask;
	int nl;
} pm_model;

/* Loads the model in the gzip blob [data, end) whose magic is `magic` (8
 * bytes) and whose label count is nl; NULL when it is not one. */
pm_model *dsr__pm_load(const char *data, const char *end, const char *magic, int nl);
/* The raw model in that blob (caller frees): header checked (magic, nl
 * labels), then nfeat rows of a 4-byte key and nl 16-bit weights from
 * byte 20, weight = value * scale. NULL when it is not such a model. */
unsigned char *dsr__pm_unpack(const char *data, const char *end, const char *magic, int nl,
			      uint32_t *nfeat, float *scale);
void dsr__pm_free(pm_model *m);
/* The model's row for feature key (nl weights), or NULL. */
const int16_t *dsr__pm_row(const pm_model *m, uint32_t key);
/* Adds the weights of features f[0..nf) to sc[0..nl). */
void dsr__pm_score(const pm_model *m, const uint32_t *f, size_t nf, float *sc);
/* Adds their raw (unscaled) weights to acc[0..nl); a caller that adds rows
 * of its own (dsr__pm_row) scales once: sc[l] = acc[l] * m->scale. */
void dsr__pm_acc(const pm_model *m, const uint32_t *f, size_t nf, int32_t *acc);

/* Feature ids: FNV-1a over short strings, a 32-bit finalizer over ints. */
static inline uint32_t pm_fh(uint32_t tmpl, const char *s, size_t n)
{
	uint32_t h = 2166136261u ^ (tmpl * 0x9E3779B1u);
	for (size_t i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	h ^= h >> 16;
	h *= 0x85EBCA6Bu;
	h ^= h >> 13;
	return h ? h : 1;
}

static inline uint32_t pm_fi(uint32_t tmpl, uint32_t v)
{
	uint32_t h = v * 0x9E3779B1u ^ (tmpl + 1) * 0x85EBCA77u;
	h ^= h >> 16;
	h *= 0x7FEB352Du;
	h ^= h >> 15;
	h *= 0x846CA68Bu;
	h ^= h >> 16;
	return h ? h : 1;
}

#endif
