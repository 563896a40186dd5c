/*
 * ner_train.c: trains dossier's entity tagger (an averaged perceptron with
 * greedy decoding, the features of src/ner.c) on a BIO-tagged CSV in the
 * layout of the Groningen Meaning Bank's Kaggle export
 * ("Sentence #,Word,POS,Tag"), and writes the weights as a gzip file.
 *
 *   build/ner_train [-e EPOCHS] CSV OUT.gz
 *
 * Sentences are grouped 25 to a document and joined with spaces, then
 * tokenized by dossier's own tokenizer so that training and tagging see the
 * same tokens; the last tenth of the documents is held out and scored.
 * Time tags are dropped (times are the timex layer's job).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "ner.h"
#include "nlp.h"

typedef struct gdoc {
	char *text;
	size_t n;
	size_t *ws, *we; /* word offsets */
	int *wl;         /* word labels */
	size_t nw;
} gdoc;

static int S_label(const char *tag)
{
	if (!strcmp(tag, "O") || strlen(tag) < 3)
		return 0;
	static const char *const types[] = {"per", "org", "geo", "gpe", "art", "eve", "nat"};
	for (int k = 0; k < NER_NTYPES; k++)
		if (!strcmp(tag + 2, types[k]))
			return tag[0] == 'B' ? 2 * k + 1 : 2 * k + 2;
	return 0;
}

/* One CSV field at *p (quotes allowed); advances past the comma. */
static char *S_field(char **p)
{
	char *s = *p, *o = s, *start = s;
	if (*s == '"') {
		s++;
		for (;;) {
			if (!*s)
				break;
			if (*s == '"' && s[1] == '"') {
				*o++ = '"';
				s += 2;
			} else if (*s == '"') {
				s++;
				break;
			} else {
				*o++ = *s++;
			}
		}
		while (*s && *s != ',')
			s++;
	} else {
		while (*s && *s != ',' && *s != '\n' && *s != '\r')
			*o++ = *s++;
	}
	if (*s == ',')
		s++;
	*o = 0;
	*p = s;
	return start;
}

static gdoc *S_read(const char *path, size_t *ndoc)
{
	FILE *f = fopen(path, "r");
	if (!f) {
		fprintf(stderr, "ner_train: cannot open '%s'\n", path);
		exit(1);
	}
	char line[4096];
	gdoc *docs = NULL;
	size_t nd = 0, cap = 0, sents = 0;
	dsr_buf text;
	dsr_buf_init(&text, 0);
	size_t wcap = 0;
	gdoc cur = {0};
	if (!fgets(line, sizeof line, f)) {
		fclose(f);
		exit(1);
	}
	for (;;) {
		bool eof = !fgets(line, sizeof line, f);
		char *p = line;
		char *sent = eof ? (char *)"" : S_field(&p);
		bool newsent = eof || *sent;
		if (newsent && sents && (eof || sents % 25 == 0)) {
			cur.text = dsr_buf_detach(&text, &cur.n);
			if (nd == cap) {
				cap = cap ? cap * 2 : 64;
				docs = realloc(docs, cap * sizeof *docs);
			}
			docs[nd++] = cur;
			memset(&cur, 0, sizeof cur);
			wcap = 0;
		}
		if (eof)
			break;
		if (newsent)
			sents++;
		char *word = S_field(&p);
		S_field(&p); /* POS */
		char *tag = S_field(&p);
		if (!*word)
			continue;
		if (cur.nw == wcap) {
			wcap = wcap ? wcap * 2 : 512;
			cur.ws = realloc(cur.ws, wcap * sizeof *cur.ws);
			cur.we = realloc(cur.we, wcap * sizeof *cur.we);
			cur.wl = realloc(cur.wl, wcap * sizeof *cur.wl);
		}
		if (text.len && dsr_buf_addc(&text, ' '))
			exit(1);
		cur.ws[cur.nw] = text.len;
		if (dsr_buf_adds(&text, word))
			exit(1);
		cur.we[cur.nw] = text.len;
		cur.wl[cur.nw] = S_label(tag);
		cur.nw++;
	}
	fclose(f);
	dsr_buf_release(&text);
	*ndoc = nd;
	return docs;
}

/* ---- the perceptron ---- */

typedef struct S_w {
	uint32_t *keys;
	float *w, *tot;
	uint32_t *ts;
	size_t mask, n;
	uint32_t now;
} S_w;

static size_t S_slot(S_w *m, uint32_t key, bool add)
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
		fprintf(stderr, "ner_train: feature table full\n");
		exit(1);
	}
	m->keys[h] = key;
	m->n++;
	return h;
}

static void S_update(S_w *m, uint32_t key, int l, float v)
{
	size_t h = S_slot(m, key, true) * NER_NLABELS + (size_t)l;
	m->tot[h] += (float)(m->now - m->ts[h]) * m->w[h];
	m->ts[h] = m->now;
	m->w[h] += v;
}

typedef struct S_doc {
	nlp_doc d;
	int *gold;
	uint8_t *gz;
} S_doc;

static void S_prepare(const dsr_nlp *nlp, const gdoc *g, dsr_arena *ar, S_doc *o)
{
	memset(o, 0, sizeof *o);
	o->d.nlp = nlp;
	o->d.arena = ar;
	o->d.text = g->text;
	o->d.n = g->n;
	o->d.low = dsr__lower(ar, g->text, g->n);
	dsr__tokenize(&o->d);
	dsr__sentences(&o->d);
	o->gold = dsr_arena_alloc(ar, (o->d.ntok + 1) * sizeof *o->gold);
	o->gz = dsr_arena_alloc(ar, o->d.ntok + 1);
	dsr__ner_gazetteer(&o->d, o->gz);
	size_t w = 0;
	for (size_t i = 0; i < o->d.ntok; i++) {
		size_t s = o->d.tok[i].start;
		while (w + 1 < g->nw && g->we[w] <= s)
			w++;
		int l = g->wl[w];
		if (l && (l & 1) && s != g->ws[w])
			l++; /* the second piece of a split word continues it */
		o->gold[i] = l;
	}
}

static int S_predict(const S_w *m, const uint32_t *f, size_t nf, int prev, bool avg)
{
	float sc[NER_NLABELS] = {0};
	for (size_t k = 0; k < nf; k++) {
		size_t h = S_slot((S_w *)m, f[k], false);
		if (h == (size_t)-1)
			continue;
		const float *r = (avg ? m->tot : m->w) + h * NER_NLABELS;
		for (int l = 0; l < NER_NLABELS; l++)
			sc[l] += r[l];
	}
	int best = 0;
	for (int l = 1; l < NER_NLABELS; l++)
		if (dsr__ner_allowed(prev, l) && sc[l] > sc[best])
			best = l;
	return best;
}

/* Entity-level P/R/F1 of the averaged model on docs[from, to). */
static void S_eval(const S_w *m, S_doc *docs, size_t from, size_t to)
{
	size_t tp = 0, np = 0, ng = 0;
	uint32_t f[NER_MAXF];
	for (size_t di = from; di < to; di++) {
		S_doc *o = &docs[di];
		int prev = 0, prev2 = 0;
		int *pred = malloc((o->d.ntok + 1) * sizeof *pred);
		for (size_t i = 0; i < o->d.ntok; i++) {
			if (o->d.tok[i].flags & DSR_TK_SSTART)
				prev = prev2 = 0;
			size_t nf = dsr__ner_features(&o->d, o->gz, i, prev, prev2, f);
			pred[i] = S_predict(m, f, nf, prev, true);
			prev2 = prev;
			prev = pred[i];
		}
		/* compare spans */
		for (int pass = 0; pass < 2; pass++) {
			int *lab = pass ? o->gold : pred;
			for (size_t i = 0; i < o->d.ntok; i++) {
				if (!(lab[i] & 1))
					continue;
				size_t j = i + 1;
				while (j < o->d.ntok && lab[j] == lab[i] + 1)
					j++;
				if (pass) {
					ng++;
				} else {
					np++;
					size_t k = i + 1;
					bool same = o->gold[i] == lab[i];
					while (same && k < j)
						same = o->gold[k] == lab[k], k++;
					if (same && (j >= o->d.ntok || o->gold[j] != lab[i] + 1))
						tp++;
				}
			}
		}
		free(pred);
	}
	double p = np ? (double)tp / np : 0, r = ng ? (double)tp / ng : 0;
	printf("held-out: P %.3f R %.3f F1 %.3f (%zu gold names)\n", p, r,
	       p + r > 0 ? 2 * p * r / (p + r) : 0, ng);
}

int main(int argc, char **argv)
{
	int epochs = 8;
	int a = 1;
	if (a + 1 < argc && !strcmp(argv[a], "-e")) {
		epochs = atoi(argv[a + 1]);
		a += 2;
	}
	if (argc - a != 2) {
		fprintf(stderr, "usage: ner_train [-e EPOCHS] CSV OUT.gz\n");
		return 2;
	}
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		return 1;
	size_t nd;
	gdoc *g = S_read(argv[a], &nd);
	dsr_arena ar;
	dsr_arena_init(&ar);
	S_doc *docs = calloc(nd, sizeof *docs);
	for (size_t i = 0; i < nd; i++)
		S_prepare(nlp, &g[i], &ar, &docs[i]);
	size_t ntrain = nd - nd / 10;
	S_w m = {0};
	m.mask = (1u << 22) - 1;
	m.keys = calloc(m.mask + 1, sizeof *m.keys);
	m.w = calloc((m.mask + 1) * NER_NLABELS, sizeof *m.w);
	m.tot = calloc((m.mask + 1) * NER_NLABELS, sizeof *m.tot);
	m.ts = calloc((m.mask + 1) * NER_NLABELS, sizeof *m.ts);
	uint32_t f[NER_MAXF];
	size_t *order = malloc(ntrain * sizeof *order);
	for (size_t i = 0; i < ntrain; i++)
		order[i] = i;
	uint64_t rng = 12345;
	for (int ep = 0; ep < epochs; ep++) {
		for (size_t i = ntrain; i > 1; i--) {
			rng = rng * 6364136223846793005ULL + 1442695040888963407ULL;
			size_t j = (size_t)(rng >> 33) % i;
			size_t t = order[i - 1];
			order[i - 1] = order[j];
			order[j] = t;
		}
		size_t err = 0, tot = 0;
		for (size_t oi = 0; oi < ntrain; oi++) {
			S_doc *o = &docs[order[oi]];
			int prev = 0, prev2 = 0;
			for (size_t i = 0; i < o->d.ntok; i++) {
				if (o->d.tok[i].flags & DSR_TK_SSTART)
					prev = prev2 = 0;
				size_t nf = dsr__ner_features(&o->d, o->gz, i, prev, prev2, f);
				int p = S_predict(&m, f, nf, prev, false);
				int gl = o->gold[i];
				m.now++;
				if (p != gl) {
					for (size_t k = 0; k < nf; k++) {
						S_update(&m, f[k], gl, 1);
						S_update(&m, f[k], p, -1);
					}
					err++;
				}
				tot++;
				prev2 = prev;
				prev = p;
			}
		}
		fprintf(stderr, "epoch %d: token error %.4f, %zu features\n", ep + 1,
			(double)err / (double)tot, m.n);
	}
	/* average */
	float maxabs = 0;
	for (size_t h = 0; h <= m.mask; h++) {
		if (!m.keys[h])
			continue;
		for (int l = 0; l < NER_NLABELS; l++) {
			size_t x = h * NER_NLABELS + (size_t)l;
			m.tot[x] += (float)(m.now - m.ts[x]) * m.w[x];
			m.tot[x] /= (float)m.now;
			float v = m.tot[x] < 0 ? -m.tot[x] : m.tot[x];
			if (v > maxabs)
				maxabs = v;
		}
	}
	S_eval(&m, docs, ntrain, nd);
	/* write: keys in increasing order for a reproducible file */
	float scale = maxabs / 32000.0f;
	size_t nkeep = 0;
	uint32_t *keys = malloc(m.n * sizeof *keys);
	for (size_t h = 0; h <= m.mask; h++) {
		if (!m.keys[h])
			continue;
		float best = 0;
		for (int l = 0; l < NER_NLABELS; l++) {
			float v = m.tot[h * NER_NLABELS + (size_t)l];
			if ((v < 0 ? -v : v) > best)
				best = v < 0 ? -v : v;
		}
		if (best >= scale * 2)
			keys[nkeep++] = m.keys[h];
	}
	int cmp(const void *x, const void *y);
	qsort(keys, nkeep, sizeof *keys, cmp);
	gzFile z = gzopen(argv[a + 1], "wb9");
	if (!z)
		return 1;
	uint32_t nl = NER_NLABELS, nf32 = (uint32_t)nkeep;
	gzwrite(z, "DSRNER1", 8);
	gzwrite(z, &nl, 4);
	gzwrite(z, &nf32, 4);
	gzwrite(z, &scale, 4);
	for (size_t k = 0; k < nkeep; k++) {
		size_t h = S_slot(&m, keys[k], false);
		gzwrite(z, &keys[k], 4);
		for (int l = 0; l < NER_NLABELS; l++) {
			float v = m.tot[h * NER_NLABELS + (size_t)l] / scale;
			int16_t q = (int16_t)(v > 32767 ? 32767 : v < -32767 ? -32767 : v);
			gzwrite(z, &q, 2);
		}
	}
	gzclose(z);
	fprintf(stderr, "wrote %zu of %zu features to %s\n", nkeep, m.n, argv[a + 1]);
	dsr_nlp_free(nlp);
	return 0;
}

int cmp(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return a < b ? -1 : a > b;
}
