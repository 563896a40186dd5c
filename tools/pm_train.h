/*
 * pm_train.h: training side of the compact perceptron models (src/percep.h):
 * an averaged perceptron over hashed features with up to PM_MAXL labels,
 * and the writer of the model file. Header-only; for the programs in tools/.
 */
#ifndef DOSSIER_PM_TRAIN_H
#define DOSSIER_PM_TRAIN_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "percep.h"

typedef struct pt_model {
	uint32_t *keys;
	float *w, *tot;
	uint32_t *ts;
	size_t mask, n;
	uint32_t now;
	int nl;
	float prune;  /* features whose averaged weights all stay below this are not written */
} pt_model;

static void pt_init(pt_model *m, int nl, unsigned bits)
{
	memset(m, 0, sizeof *m);
	m->nl = nl;
	m->mask = ((size_t)1 << bits) - 1;
	m->keys = calloc(m->mask + 1, sizeof *m->keys);
	m->w = calloc((m->mask + 1) * (size_t)nl, sizeof *m->w);
	m->tot = calloc((m->mask + 1) * (size_t)nl, sizeof *m->tot);
	m->ts = calloc((m->mask + 1) * (size_t)nl, sizeof *m->ts);
	if (!m->keys || !m->w || !m->tot || !m->ts) {
		fprintf(stderr, "pm_train: out of memory\n");
		exit(1);
	}
}

static size_t pt_slot(const pt_model *m, uint32_t key, bool add)
{
	size_t h = key & m->mask;
	while (m->keys[h]) {
		if (m->keys[h] == key)
			return h;
		h = (h + 1) & m->mask;
	}
	if (!add)
		return (size_t)-1;
	if (m->n * 2 > m->mask) {
		fprintf(stderr, "pm_train: feature table full\n");
		exit(1);
	}
	((pt_model *)m)->keys[h] = key;
	((pt_model *)m)->n++;
	return h;
}

static void pt_update(pt_model *m, uint32_t key, int l, float v)
{
	size_t h = pt_slot(m, key, true) * (size_t)m->nl + (size_t)l;
	m->tot[h] += (float)(m->now - m->ts[h]) * m->w[h];
	m->ts[h] = m->now;
	m->w[h] += v;
}

/* Scores with the current (avg = false) or averaged weights. */
static void pt_scores(const pt_model *m, const uint32_t *f, size_t nf, bool avg, float *sc)
{
	for (int l = 0; l < m->nl; l++)
		sc[l] = 0;
	for (size_t k = 0; k < nf; k++) {
		size_t h = pt_slot(m, f[k], false);
		if (h == (size_t)-1)
			continue;
		const float *r = (avg ? m->tot : m->w) + h * (size_t)m->nl;
		for (int l = 0; l < m->nl; l++)
			sc[l] += r[l];
	}
}

/* One training step: predicts under `allowed`, updates on a mistake, and
 * returns the prediction. */
static int pt_learn(pt_model *m, const uint32_t *f, size_t nf, int gold, int prev,
		    bool (*allowed)(int, int))
{
	float sc[PM_MAXL];
	pt_scores(m, f, nf, false, sc);
	int best = 0;
	for (int l = 1; l < m->nl; l++)
		if (allowed(prev, l) && sc[l] > sc[best])
			best = l;
	/* an I-x that cannot follow the predicted label is learned as B-x */
	if (gold > 0 && !(gold & 1) && !allowed(prev, gold))
		gold--;
	m->now++;
	if (best != gold) {
		for (size_t k = 0; k < nf; k++) {
			pt_update(m, f[k], gold, 1);
			pt_update(m, f[k], best, -1);
		}
	}
	return best;
}

static int pt_predict(const pt_model *m, const uint32_t *f, size_t nf, int prev,
		      bool (*allowed)(int, int))
{
	float sc[PM_MAXL];
	pt_scores(m, f, nf, true, sc);
	int best = 0;
	for (int l = 1; l < m->nl; l++)
		if (allowed(prev, l) && sc[l] > sc[best])
			best = l;
	return best;
}

/* Turns the running sums into averaged weights (call once, after training). */
static void pt_average(pt_model *m)
{
	for (size_t h = 0; h <= m->mask; h++) {
		if (!m->keys[h])
			continue;
		for (int l = 0; l < m->nl; l++) {
			size_t x = h * (size_t)m->nl + (size_t)l;
			m->tot[x] += (float)(m->now - m->ts[x]) * m->w[x];
			m->tot[x] /= (float)m->now;
		}
	}
}

/* Adds set's keys to m as rows that no feature reads (a set the model file
 * carries along, e.g. the cue gate): the first weight is +-max(|weight|) by
 * the sign of set's weight, so that pruning keeps the row. */
static void pt_mark(pt_model *m, const pt_model *set)
{
	float maxabs = 1;
	for (size_t x = 0; x < (m->mask + 1) * (size_t)m->nl; x++)
		if ((m->tot[x] < 0 ? -m->tot[x] : m->tot[x]) > maxabs)
			maxabs = m->tot[x] < 0 ? -m->tot[x] : m->tot[x];
	for (size_t h = 0; h <= set->mask; h++)
		if (set->keys[h])
			m->tot[pt_slot(m, set->keys[h], true) * (size_t)m->nl] =
				set->w[h * (size_t)set->nl] > 0 ? maxabs : -maxabs;
}

static int pt_cmp_key(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}

/* Writes the averaged weights in the percep.h layout, dropping features
 * whose weights all round to nothing. */
static void pt_write(const pt_model *m, const char *magic, const char *path)
{
	float maxabs = 0;
	for (size_t x = 0; x < (m->mask + 1) * (size_t)m->nl; x++) {
		float v = m->tot[x] < 0 ? -m->tot[x] : m->tot[x];
		if (v > maxabs)
			maxabs = v;
	}
	float scale = maxabs > 0 ? maxabs / 32000.0f : 1;
	fprintf(stderr, "largest weight %g\n", maxabs);
	uint32_t *keys = malloc((m->n + 1) * sizeof *keys);
	size_t nkeep = 0;
	for (size_t h = 0; h <= m->mask; h++) {
		if (!m->keys[h])
			continue;
		float best = 0;
		for (int l = 0; l < m->nl; l++) {
			float v = m->tot[h * (size_t)m->nl + (size_t)l];
			if ((v < 0 ? -v : v) > best)
				best = v < 0 ? -v : v;
		}
		if (best >= scale * 2 && best >= m->prune)
			keys[nkeep++] = m->keys[h];
	}
	qsort(keys, nkeep, sizeof *keys, pt_cmp_key);
	gzFile z = gzopen(path, "wb9");
	if (!z) {
		fprintf(stderr, "pm_train: cannot write '%s'\n", path);
		exit(1);
	}
	uint32_t nl = (uint32_t)m->nl, n32 = (uint32_t)nkeep;
	gzwrite(z, magic, 8);
	gzwrite(z, &nl, 4);
	gzwrite(z, &n32, 4);
	gzwrite(z, &scale, 4);
	for (size_t k = 0; k < nkeep; k++) {
		size_t h = pt_slot(m, keys[k], false);
		gzwrite(z, &keys[k], 4);
		for (int l = 0; l < m->nl; l++) {
			float v = m->tot[h * (size_t)m->nl + (size_t)l] / scale;
			int16_t q = (int16_t)(v > 32767 ? 32767 : v < -32767 ? -32767 : v);
			gzwrite(z, &q, 2);
		}
	}
	gzclose(z);
	fprintf(stderr, "wrote %zu of %zu features to %s\n", nkeep, m->n, path);
	free(keys);
}

#endif
