/*
 * attrib.c: attributions (CONTRACT.md "attributions"): cues, sources and
 * contents from two averaged-perceptron taggers (attrib.h; trained by
 * tools/attr_train.c on PolNeAR's training split; weights and the cue gate
 * embedded from data/cue.model.gz and data/role.model.gz), then the
 * source's kind, pronoun and "the newspaper" resolution, and chains of
 * nested reporting.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "attrib.h"
#include "percep.h"

__asm__(".section .rodata\n"
	".balign 16\n"
	".globl dsr__cue_data\n"
	"dsr__cue_data:\n"
	".incbin \"data/cue.model.gz\"\n"
	".globl dsr__cue_end\n"
	"dsr__cue_end:\n"
	".byte 0\n"
	".balign 16\n"
	".globl dsr__role_data\n"
	"dsr__role_data:\n"
	".incbin \"data/role.model.gz\"\n"
	".globl dsr__role_end\n"
	"dsr__role_end:\n"
	".byte 0\n"
	".previous\n");
extern const char dsr__cue_data[], dsr__cue_end[], dsr__role_data[], dsr__role_end[];

const struct pm_model *dsr__at_cue_model_load(void)
{
	return dsr__pm_load(dsr__cue_data, dsr__cue_end, "DSRCUE1", AT_CUE_NL);
}

const struct pm_model *dsr__at_role_model_load(void)
{
	return dsr__pm_load(dsr__role_data, dsr__role_end, "DSRROL1", AT_ROLE_NL);
}

const char *dsr_skind_name(dsr_skind k)
{
	static const char *const n[] = {"",           "outlet",   "person", "organization",
					"government", "officials", "document", "media", "self"};
	return (unsigned)k < DSR_S__COUNT ? n[k] : "";
}

/* ---- context ---- */

/* 1 straight, 2 opening, 3 closing quotation mark; 0 otherwise. */
static int S_qmark(const nlp_doc *d, size_t i)
{
	const char *s = d->text + d->tok[i].start;
	size_t n = tk_len(d, i);
	if (n == 1 && s[0] == '"')
		return 1;
	if (n == 2 && (!memcmp(s, "``", 2)))
		return 2;
	if (n == 2 && (!memcmp(s, "''", 2)))
		return 3;
	if (n == 3 && (!memcmp(s, "\xe2\x80\x9c", 3) || !memcmp(s, "\xe2\x80\x9e", 3)))
		return 2; /* “ „ */
	if (n == 3 && !memcmp(s, "\xe2\x80\x9d", 3))
		return 3; /* ” */
	if (n == 2 && !memcmp(s, "\xc2\xab", 2))
		return 2; /* « */
	if (n == 2 && !memcmp(s, "\xc2\xbb", 2))
		return 3; /* » */
	return 0;
}

void dsr__at_prepare(at_ctx *c, const nlp_doc *d, const dsr_entity *e, size_t ne)
{
	size_t n = d->ntok;
	dsr_arena *a = d->arena;
	memset(c, 0, sizeof *c);
	c->d = d;
	c->quote = dsr_arena_alloc(a, n + 1);
	c->etype = dsr_arena_alloc(a, n + 1);
	c->sid = dsr_arena_alloc(a, (n + 1) * sizeof *c->sid);
	c->lem = dsr_arena_alloc(a, (n + 1) * sizeof *c->lem);
	c->lcls = dsr_arena_alloc(a, (n + 1) * sizeof *c->lcls);
	c->wf = dsr_arena_alloc(a, n + 1);
	static const char *const that[] = {"that", NULL}, *const to[] = {"to", NULL};
	static const char *const pron[] = {"he", "she", "they", "i", "we", NULL};
	nlp_wset ws;
	memset(&ws, 0, sizeof ws);
	dsr__wset_add(&ws, that, AT_W_THAT);
	dsr__wset_add(&ws, to, AT_W_TO);
	dsr__wset_add(&ws, pron, AT_W_PRON);
	c->ncomma = dsr_arena_alloc(a, (n + 1) * sizeof *c->ncomma);
	c->nquote = dsr_arena_alloc(a, (n + 1) * sizeof *c->nquote);
	c->nthat = dsr_arena_alloc(a, (n + 1) * sizeof *c->nthat);
	c->nsent = d->nsent;
	c->sstart = dsr_arena_alloc(a, (d->nsent + 2) * sizeof *c->sstart);
	memset(c->etype, 0, n + 1);
	int inq = 0;
	size_t s = 0, ei = 0;
	uint32_t nc = 0, nq = 0, nt = 0;
	for (size_t i = 0; i < n; i++) {
		const dsr_token *t = &d->tok[i];
		if (t->flags & DSR_TK_PARA)
			inq = 0;
		int q = S_qmark(d, i);
		c->ncomma[i] = nc;
		c->nquote[i] = nq;
		c->nthat[i] = nt;
		if (q) {
			bool open = q == 2 || (q == 1 && !inq);
			c->quote[i] = (uint8_t)(2 | (open ? 4 : 0));
			inq = open;
			nq++;
		} else {
			c->quote[i] = (uint8_t)inq;
		}
		if (tk_len(d, i) == 1 && d->text[t->start] == ',')
			nc++;
		c->wf[i] = (uint8_t)dsr__wset_get(&ws, d->hw[i]);
		if (c->wf[i] & AT_W_THAT)
			nt++;
		while (s + 1 < d->nsent && d->sent[s].end <= t->start)
			s++;
		c->sid[i] = (uint32_t)s;
		while (ei < ne && e[ei].sp.end <= t->start)
			ei++;
		if (ei < ne && e[ei].sp.start <= t->start)
			c->etype[i] = (uint8_t)e[ei].type;
		c->lem[i] = d->hw[i];
		c->lcls[i] = t->lex & (LX_VCOMM | LX_VCOG | LX_NCOMM);
		if ((t->lex & (LX_VERB | LX_VERBINF)) && tk_len(d, i) < 40) {
			char lb[64];
			size_t ll = dsr__lemma(d->nlp, d->low + t->start, tk_len(d, i), true, lb, sizeof lb);
			if (ll) {
				c->lem[i] = pm_fh(0, lb, ll);
				c->lcls[i] |= dsr__lx_cls(d->nlp, lb, ll) & (LX_VCOMM | LX_VCOG);
			}
		}
	}
	c->ncomma[n] = nc;
	c->nquote[n] = nq;
	c->nthat[n] = nt;
	/* first token of each sentence */
	size_t ti = 0;
	for (size_t k = 0; k < d->nsent; k++) {
		while (ti < n && d->tok[ti].end <= d->sent[k].start)
			ti++;
		c->sstart[k] = (uint32_t)ti;
	}
	c->sstart[d->nsent] = (uint32_t)n;
}

static inline void S_add(uint32_t *f, size_t *nf, uint32_t v)
{
	if (*nf < AT_MAXF)
		f[(*nf)++] = v;
}

static uint32_t S_hw(const at_ctx *c, long j)
{
	return j < 0 || (size_t)j >= c->d->ntok ? 7 : c->d->hw[j];
}

/* The cue features whose value has a small domain (word-class bits, case
 * flags, the previous label, what follows): their weights are read from a
 * table built when the model loads (at_memo) instead of probing the model
 * for every token. Their keys, shared by training and that table: */
static uint32_t S_ck_lex(uint32_t v) { return pm_fi(5, v); }
static uint32_t S_ck_flags(uint32_t v) { return pm_fi(6, v); }
static uint32_t S_ck_prev(uint32_t prev) { return pm_fi(30, prev); }
static uint32_t S_ck_lc(uint32_t lc) { return pm_fi(33, lc); }
static uint32_t S_ck_lcprev(uint32_t lc, uint32_t prev) { return pm_fi(40, lc) ^ pm_fi(41, prev); }
static uint32_t S_ck_after(uint32_t after, uint32_t lc) { return pm_fi(46, after) ^ pm_fi(47, lc); }
#define S_CUE_LEX (LX_REPORT | LX_VERB | LX_NOUN | LX_FUNC | LX_ADJ | LX_ADV | LX_TITLE | LX_VERBINF)
#define S_CUE_FLAGS (DSR_TK_CAP | DSR_TK_SSTART | DSR_TK_PUNCT)

/* The bits of v under mask, packed (v's value as an index of 2^popcount(mask)). */
static uint32_t S_pack(uint32_t v, uint32_t mask)
{
	uint32_t r = 0, out = 1;
	for (; mask; mask &= mask - 1, out <<= 1)
		if (v & mask & -mask)
			r |= out;
	return r;
}

/* ... and back */
static uint32_t S_unpack(uint32_t r, uint32_t mask)
{
	uint32_t v = 0;
	for (; mask; mask &= mask - 1, r >>= 1)
		if (r & 1)
			v |= mask & -mask;
	return v;
}

/* The small-domain values of a token for the memo (lc is 3 bits, after 4). */
typedef struct S_cue_small {
	uint32_t lex, flags, lc, after;
} S_cue_small;

/* 22 features a token. Each costs a probe of the model on every token of
 * the text, so a template stays only if PolNeAR dev misses it: a bias, the
 * word form alone (the lemma carries it), the context bits alone, the entity
 * type before, and three word-class conjunctions were dropped with no loss
 * (cue F1 0.750 -> 0.752, relation 0.740 -> 0.741) and 27% fewer probes.
 * With `small`, the six small-domain ones are left out of f[] and their
 * values put there instead. */
static size_t S_cue_features(const at_ctx *c, size_t i, int prev, uint32_t *f, S_cue_small *small)
{
	const nlp_doc *d = c->d;
	const dsr_token *t = &d->tok[i];
	size_t nf = 0;
	long li = (long)i;
	const char *w = d->low + t->start;
	size_t wl = tk_len(d, i) > 40 ? 40 : tk_len(d, i);
	S_add(f, &nf, pm_fi(2, c->lem[i]));
	S_add(f, &nf, pm_fi(3, d->hs[i]));
	if (wl >= 3)
		S_add(f, &nf, pm_fh(4, w + wl - 3, 3));
	uint32_t lc = c->lcls[i] >> 26;
	if (!small) {
		S_add(f, &nf, S_ck_lex(t->lex & S_CUE_LEX));
		S_add(f, &nf, S_ck_flags(t->flags & S_CUE_FLAGS));
	}
	for (long off = -2; off <= 2; off++) {
		if (off)
			S_add(f, &nf, pm_fi(10 + (uint32_t)(off + 2), S_hw(c, li + off)));
	}
	S_add(f, &nf, pm_fi(16, S_hw(c, li - 1)) ^ pm_fi(17, c->lem[i]));
	S_add(f, &nf, pm_fi(18, S_hw(c, li + 1)) ^ pm_fi(19, c->lem[i]));
	S_add(f, &nf, pm_fi(20, c->quote[i]) ^ pm_fi(21, c->lem[i]));
	uint32_t ctx = 0;
	if (i > 0) {
		ctx |= (uint32_t)(c->quote[i - 1] & 2);
		ctx |= c->etype[i - 1] ? 8 : 0;
		ctx |= (d->tok[i - 1].lex & LX_FUNC) ? 16 : 0;
	}
	if (i + 1 < d->ntok) {
		ctx |= (c->quote[i + 1] & 2) ? 32 : 0;
		ctx |= c->etype[i + 1] ? 64 : 0;
	}
	S_add(f, &nf, pm_fi(23, ctx) ^ pm_fi(24, c->lem[i]));
	/* does the sentence hold a quotation? */
	uint32_t s = c->sid[i];
	uint32_t qs = c->nquote[c->sstart[s + 1]] - c->nquote[c->sstart[s]];
	S_add(f, &nf, pm_fi(26, qs ? 1 : 0) ^ pm_fi(27, c->lem[i]));
	if (!small)
		S_add(f, &nf, S_ck_prev((uint32_t)prev));
	S_add(f, &nf, pm_fi(31, (uint32_t)prev) ^ pm_fi(32, d->hw[i]));
	/* the word's meaning class, with its neighbourhood */
	if (!small)
		S_add(f, &nf, S_ck_lc(lc));
	S_add(f, &nf, pm_fi(36, lc) ^ pm_fi(37, S_hw(c, li + 1)));
	S_add(f, &nf, pm_fi(38, lc) ^ pm_fi(39, S_hw(c, li - 1)));
	if (!small)
		S_add(f, &nf, S_ck_lcprev(lc, (uint32_t)prev));
	/* a teller-like word just before, a complement just after */
	uint32_t before = 0, after = 0;
	for (long j = li - 1; j >= 0 && j >= li - 3; j--) {
		if (c->etype[j] == DSR_E_PERSON || c->etype[j] == DSR_E_ORG)
			before |= 1;
		if (c->wf[j] & AT_W_PRON)
			before |= 2;
		if (d->tok[j].lex & LX_TITLE)
			before |= 4;
	}
	for (size_t j = i + 1; j < d->ntok && j <= i + 3; j++) {
		if (c->wf[j] & AT_W_THAT)
			after |= 1;
		if (c->wf[j] & AT_W_TO)
			after |= 2;
		if (c->quote[j] & 2)
			after |= 4;
		if (tk_len(d, j) == 1 && d->text[d->tok[j].start] == ':')
			after |= 8;
	}
	if (!small)
		S_add(f, &nf, S_ck_after(after, lc));
	S_add(f, &nf, pm_fi(49, before * 16 + after) ^ pm_fi(50, c->lem[i]));
	if (small)
		*small = (S_cue_small){S_pack(t->lex, S_CUE_LEX), S_pack(t->flags, S_CUE_FLAGS), lc & 7,
				       after};
	return nf;
}

size_t dsr__at_cue_features(const at_ctx *c, size_t i, int prev, uint32_t *f)
{
	return S_cue_features(c, i, prev, f, NULL);
}

void dsr__at_window(const at_ctx *c, size_t cs, size_t ce, size_t *ws, size_t *we)
{
	const nlp_doc *d = c->d;
	uint32_t s = c->sid[cs], e = c->sid[ce - 1];
	/* the neighbour sentences only when a quotation runs into them */
	size_t first = c->sstart[s], last = c->sstart[e + 1] - 1;
	if (s > 0 && !(d->tok[first].flags & DSR_TK_PARA) && (c->quote[first] & 5) == 1)
		s--;
	if (e + 1 < c->nsent && c->sstart[e + 1] < d->ntok &&
	    !(d->tok[c->sstart[e + 1]].flags & DSR_TK_PARA) &&
	    ((c->quote[last] & 3) == 1 || (c->quote[last] & 4)))
		e++;
	size_t a = c->sstart[s], b = c->sstart[e + 1];
	if (cs > a + 120)
		a = cs - 120;
	if (b > ce + 120)
		b = ce + 120;
	*ws = a;
	*we = b;
}

static uint32_t S_bucket(size_t dist)
{
	return dist <= 4 ? (uint32_t)dist : dist <= 6 ? 5 : dist <= 10 ? 6 : dist <= 20 ? 7 : 8;
}

static uint32_t S_cap3(uint32_t v)
{
	return v > 2 ? 2 : v;
}

/* The role tagger's geometry bucket of token i: its side of the cue and
 * its distance from it (0..24). */
uint32_t dsr__at_role_b(size_t cs, size_t ce, size_t i)
{
	uint32_t dir = i < cs ? 0 : 1;
	return dir * 16 + S_bucket(dir ? i - ce + 1 : cs - i);
}

/* 15 features a token of the window; as for cues, six templates (the
 * distance and geometry alone or with the previous label, the cue by
 * distance, quotes by geometry, the case flags) were dropped after an
 * ablation on PolNeAR dev cost nothing (source 0.748, content 0.766 -> 0.768).
 * Eight read the token and the cue (dsr__at_role_tok_features), one the
 * token and the previous label, six only the cue, the bucket b and the
 * previous label (dsr__at_role_cue_features): the tagger scores those once
 * per (b, prev) of a window. */
static uint32_t S_rk_lex(uint32_t v, uint32_t dir) { return pm_fi(9, v) ^ pm_fi(10, dir); }
static uint32_t S_rk_quote(uint32_t q, uint32_t qc) { return pm_fi(17, q) ^ pm_fi(18, qc); }
#define S_ROLE_LEX (LX_FUNC | LX_TITLE | LX_NOUN | LX_VERB | LX_REPORT)

/* With `small` (2 entries), the two small-domain features (word class and
 * quotation by side) are left out and their memo indexes put there. */
static size_t S_role_tok_features(const at_ctx *c, size_t cs, size_t ce, size_t i, uint32_t *f,
				  uint32_t *small)
{
	const nlp_doc *d = c->d;
	const dsr_token *t = &d->tok[i];
	size_t nf = 0;
	uint32_t dir = i < cs ? 0 : 1;
	size_t lo = dir ? ce : i, hi = dir ? i : cs; /* the tokens between */
	uint32_t b = dsr__at_role_b(cs, ce, i);
	uint32_t same = c->sid[i] == c->sid[cs] ? 1 : 0;
	uint32_t commas = S_cap3(c->ncomma[hi] - c->ncomma[lo]);
	uint32_t quotes = S_cap3(c->nquote[hi] - c->nquote[lo]);
	uint32_t that = c->nthat[hi] - c->nthat[lo] ? 1 : 0;
	uint32_t cue = c->lem[cs];
	uint32_t geo = (b << 8) | (same << 6) | (commas << 4) | (quotes << 2) | that;
	S_add(f, &nf, pm_fi(5, d->hw[i]) ^ pm_fi(6, dir));
	S_add(f, &nf, pm_fi(7, d->hs[i]) ^ pm_fi(8, dir));
	uint32_t qc = (uint32_t)c->quote[cs] * 2 + dir;
	if (small) {
		small[0] = S_pack(t->lex, S_ROLE_LEX) * 2 + dir;
		small[1] = (uint32_t)(c->quote[i] & 7) * 16 + (qc & 15);
	} else {
		S_add(f, &nf, S_rk_lex(t->lex & S_ROLE_LEX, dir));
		S_add(f, &nf, S_rk_quote(c->quote[i], qc));
	}
	S_add(f, &nf, pm_fi(11, c->etype[i]) ^ pm_fi(12, geo));
	S_add(f, &nf, pm_fi(21, S_hw(c, (long)i - 1)) ^ pm_fi(22, dir));
	S_add(f, &nf, pm_fi(23, S_hw(c, (long)i + 1)) ^ pm_fi(24, dir));
	S_add(f, &nf, pm_fi(32, d->hw[i]) ^ pm_fi(33, cue));
	return nf;
}

size_t dsr__at_role_tok_features(const at_ctx *c, size_t cs, size_t ce, size_t i, uint32_t *f)
{
	return S_role_tok_features(c, cs, ce, i, f, NULL);
}

uint32_t dsr__at_role_prev_feature(const at_ctx *c, size_t i, int prev)
{
	return pm_fi(26, (uint32_t)prev) ^ pm_fi(27, c->d->hw[i]);
}

static uint32_t S_rk_prev(uint32_t prev) { return pm_fi(25, prev); }
static uint32_t S_rk_bprev(uint32_t b, uint32_t prev) { return pm_fi(28, prev) ^ pm_fi(29, b); }

/* With `small`, the two that read neither the cue nor the text (the
 * previous label alone and with b) are left out: their rows are in the
 * memo. */
static size_t S_role_cue_features(const at_ctx *c, size_t cs, size_t ce, uint32_t b, int prev,
				  uint32_t *f, bool small)
{
	size_t nf = 0;
	uint32_t dir = b >= 16;
	uint32_t cue = c->lem[cs];
	S_add(f, &nf, pm_fi(15, cue) ^ pm_fi(16, (uint32_t)prev * 2 + dir));
	if (!small) {
		S_add(f, &nf, S_rk_prev((uint32_t)prev));
		S_add(f, &nf, S_rk_bprev(b, (uint32_t)prev));
	}
	/* the cue's neighbours tell its construction: "X said", "said X", "according to X" */
	S_add(f, &nf, pm_fi(34, S_hw(c, (long)cs - 1)) ^ pm_fi(35, b));
	S_add(f, &nf, pm_fi(36, S_hw(c, (long)ce)) ^ pm_fi(37, b));
	S_add(f, &nf, pm_fi(38, c->lem[ce - 1]) ^ pm_fi(39, dir));
	return nf;
}

size_t dsr__at_role_cue_features(const at_ctx *c, size_t cs, size_t ce, uint32_t b, int prev,
				 uint32_t *f)
{
	return S_role_cue_features(c, cs, ce, b, prev, f, false);
}

size_t dsr__at_role_features(const at_ctx *c, size_t cs, size_t ce, size_t i, int prev,
			     uint32_t *f)
{
	size_t nf = dsr__at_role_tok_features(c, cs, ce, i, f);
	S_add(f, &nf, dsr__at_role_prev_feature(c, i, prev));
	return nf + dsr__at_role_cue_features(c, cs, ce, dsr__at_role_b(cs, ce, i), prev, f + nf);
}

struct at_memo {
	int32_t cue_lex[256][AT_CUE_NL];
	int32_t cue_flags[8][AT_CUE_NL];
	int32_t cue_lcprev[8][AT_CUE_NL][AT_CUE_NL]; /* lc, prev: with lc alone and prev alone */
	int32_t cue_after[16][8][AT_CUE_NL];
	int32_t role_lex[64][AT_ROLE_NL];
	int32_t role_quote[128][AT_ROLE_NL];
	int32_t role_bprev[25][AT_ROLE_NL][AT_ROLE_NL]; /* b, prev: prev alone and with b */
};

static void S_memo_add(int32_t *acc, const pm_model *m, uint32_t key)
{
	const int16_t *w = dsr__pm_row(m, key);
	for (int l = 0; w && l < m->nl; l++)
		acc[l] += w[l];
}

at_memo *dsr__at_memo_build(const pm_model *cue, const pm_model *role)
{
	if (!cue || !role || cue->nl != AT_CUE_NL || role->nl != AT_ROLE_NL)
		return NULL;
	at_memo *x = dsr_xcalloc(1, sizeof *x);
	for (uint32_t v = 0; v < 256; v++)
		S_memo_add(x->cue_lex[v], cue, S_ck_lex(S_unpack(v, S_CUE_LEX)));
	for (uint32_t v = 0; v < 8; v++)
		S_memo_add(x->cue_flags[v], cue, S_ck_flags(S_unpack(v, S_CUE_FLAGS)));
	for (uint32_t lc = 0; lc < 8; lc++) {
		for (uint32_t p = 0; p < AT_CUE_NL; p++) {
			S_memo_add(x->cue_lcprev[lc][p], cue, S_ck_prev(p));
			S_memo_add(x->cue_lcprev[lc][p], cue, S_ck_lc(lc));
			S_memo_add(x->cue_lcprev[lc][p], cue, S_ck_lcprev(lc, p));
		}
		for (uint32_t a = 0; a < 16; a++)
			S_memo_add(x->cue_after[a][lc], cue, S_ck_after(a, lc));
	}
	for (uint32_t v = 0; v < 64; v++)
		S_memo_add(x->role_lex[v], role, S_rk_lex(S_unpack(v >> 1, S_ROLE_LEX), v & 1));
	for (uint32_t v = 0; v < 128; v++)
		S_memo_add(x->role_quote[v], role, S_rk_quote(v >> 4, v & 15));
	for (uint32_t b = 0; b < 25; b++) {
		for (uint32_t p = 0; p < AT_ROLE_NL; p++) {
			S_memo_add(x->role_bprev[b][p], role, S_rk_prev(p));
			S_memo_add(x->role_bprev[b][p], role, S_rk_bprev(b, p));
		}
	}
	return x;
}

void dsr__at_memo_free(at_memo *x)
{
	free(x);
}

void dsr__at_cue_score(const at_ctx *c, const pm_model *m, const at_memo *x, size_t i, int prev,
		       float *sc)
{
	uint32_t f[AT_MAXF];
	S_cue_small sm;
	size_t nf = S_cue_features(c, i, prev, f, &sm);
	int32_t acc[AT_CUE_NL];
	for (int l = 0; l < AT_CUE_NL; l++)
		acc[l] = x->cue_lex[sm.lex][l] + x->cue_flags[sm.flags][l] +
			 x->cue_lcprev[sm.lc][prev][l] + x->cue_after[sm.after][sm.lc][l];
	dsr__pm_acc(m, f, nf, acc);
	for (int l = 0; l < AT_CUE_NL; l++)
		sc[l] = (float)acc[l] * m->scale;
}

void dsr__at_role_tok_score(const at_ctx *c, const pm_model *m, const at_memo *x, size_t cs,
			    size_t ce, size_t i, int prev, float *sc)
{
	uint32_t f[AT_MAXF], sm[2];
	size_t nf = S_role_tok_features(c, cs, ce, i, f, sm);
	f[nf++] = dsr__at_role_prev_feature(c, i, prev);
	int32_t acc[AT_ROLE_NL];
	for (int l = 0; l < AT_ROLE_NL; l++)
		acc[l] = x->role_lex[sm[0]][l] + x->role_quote[sm[1]][l];
	dsr__pm_acc(m, f, nf, acc);
	for (int l = 0; l < AT_ROLE_NL; l++)
		sc[l] = (float)acc[l] * m->scale;
}

bool dsr__at_allowed(int prev, int l)
{
	if (l == 0 || (l & 1))
		return true;
	return prev == l || prev == l - 1;
}

/* ---- tagging and resolution ---- */

static const char *const S_pron_person[] = {"he", "she", "him", "her", NULL};
static const char *const S_pron_group[] = {"they", "them", NULL};
static const char *const S_pron_thing[] = {"it", NULL};
static const char *const S_aux_words[] = {"has", "have", "had", "will", "would", "is", "was",
					   "are", "were", "could", "may", "might", NULL};
static const char *const S_be_forms[] = {"been", "be", "being", NULL};
static const char *const S_pron_self[] = {"i", "we", "you", "me", "us", NULL};
static const char *const S_w_outlet[] = {
	"newspaper", "newspapers", "paper", "daily", "outlet", "magazine", "journal", "broadcaster",
	"network", "channel", "tabloid", "publication", "newsletter", "wire", "reporters",
	"correspondent", "columnist", "editorial", "website", "blog", "gazette", "times", "post",
	"herald", "tribune", "telegraph", "chronicle", NULL};
/* more last words of a newspaper's name, when capitalised after another
 * ("the Quay Ledger", "the Tarn Courier"; alone they are common words) */
static const char *const S_w_outlet_name[] = {
	"ledger", "courier", "observer", "examiner", "inquirer", "dispatch", "sentinel",
	"register", "bulletin", "mirror", "express", "guardian", "standard", "record", "star",
	"sun", "globe", "mail", "monitor", "review", "reporter", "independent", "news", "today",
	NULL};
static const char *const S_w_media[] = {"media", "press", "television", "tv", "radio",
					"broadcasts", "outlets", NULL};
static const char *const S_w_officials[] = {
	"official", "officials", "source", "sources", "spokesman", "spokeswoman", "spokesperson",
	"spokespeople", "diplomat", "diplomats", "aide", "aides", "authorities", "staffers",
	"insiders", "people", "person", "adviser", "advisers", "advisors", "envoy", "officers",
	"commander", "commanders", NULL};
static const char *const S_w_government[] = {
	"administration", "government", "ministry", "department", "kremlin", "cabinet",
	"embassy", "parliament", "congress", "senate", "regime", "state", "presidency",
	"pentagon", "white", "military", "army", "navy", "police", "prosecutors", "court",
	"council", "commission", "assembly", "legislature", NULL};
/* bodies that are not governments */
static const char *const S_w_body[] = {
	"company", "companies", "firm", "firms", "group", "groups", "board", "committee",
	"union", "unions", "party", "campaign", "coalition", "university", "bank", "banks",
	"association", "foundation", "institute", "charity", "club", "team", "league", NULL};
static const char *const S_w_document[] = {
	"report", "document", "documents", "intelligence", "statement", "study", "survey", "poll",
	"polls", "data", "analysis", "assessment", "filing", "filings", "letter", "memo", "records",
	"footage", "images", "video", "article", "book", "findings", "results", "figures",
	"estimate", "estimates", "release", "transcript", "cable", "email", "emails", "research",
	"evidence", "photos", "leaks", "dossier", "indictment", "complaint", "lawsuit", "plan",
	"plans", "proposal", "draft", "forecast", "forecasts", "projections", "reports", NULL};

static dsr_skind S_kind(const nlp_doc *d, const at_ctx *c, size_t s, size_t e)
{
	bool per = false, org = false, gpe = false;
	for (size_t i = s; i < e; i++) {
		per |= c->etype[i] == DSR_E_PERSON;
		org |= c->etype[i] == DSR_E_ORG;
		gpe |= c->etype[i] == DSR_E_GPE || c->etype[i] == DSR_E_NORP;
	}
	/* the head: the last word before "of", "from", "with", "familiar", "who", a comma */
	size_t h = s;
	for (size_t i = s; i < e; i++) {
		if ((d->tok[i].flags & DSR_TK_PUNCT) || dsr__tk_is(d, i, "of") ||
		    dsr__tk_is(d, i, "from") || dsr__tk_is(d, i, "with") ||
		    dsr__tk_is(d, i, "familiar") || dsr__tk_is(d, i, "who") ||
		    dsr__tk_is(d, i, "in") || dsr__tk_is(d, i, "at") || dsr__tk_is(d, i, "for") ||
		    dsr__tk_is(d, i, "on") || dsr__tk_is(d, i, "seen") || dsr__tk_is(d, i, "by"))
			break;
		h = i;
	}
	if (dsr__tk_in(d, h, S_pron_person) || dsr__tk_in(d, h, S_pron_self))
		return DSR_S_PERSON;
	if (dsr__tk_in(d, h, S_w_media))
		return DSR_S_MEDIA;
	if (dsr__tk_in(d, h, S_w_document))
		return DSR_S_DOCUMENT;
	if (dsr__tk_in(d, h, S_w_outlet) ||
	    ((d->tok[h].flags & DSR_TK_CAP) && h > s && dsr__tk_in(d, h, S_w_outlet_name)))
		return DSR_S_OUTLET;
	/* "the Velsen administration" is a government, though named after a person */
	if (per && !dsr__tk_in(d, h, S_w_officials) && !dsr__tk_in(d, h, S_w_government))
		return DSR_S_PERSON;
	if (dsr__tk_in(d, h, S_w_officials))
		return DSR_S_OFFICIALS;
	if (dsr__tk_in(d, h, S_w_government) || (gpe && !org))
		return DSR_S_GOVERNMENT;
	if (per)
		return DSR_S_PERSON;
	if (org || dsr__tk_in(d, h, S_pron_group) || dsr__tk_in(d, h, S_pron_thing) ||
	    dsr__tk_in(d, h, S_w_body))
		return DSR_S_ORGANIZATION;
	/* a lowercase noun of communication: "the memorandum", "a communique" */
	if (!(d->tok[h].flags & DSR_TK_CAP) && (c->lcls[h] & LX_NCOMM))
		return DSR_S_DOCUMENT;
	return DSR_S_PERSON;
}

typedef struct S_att {
	size_t cs, ce;          /* cue tokens */
	size_t ws, we;          /* the role window */
	size_t ss, se;          /* source tokens (ss == se: none) */
	size_t ps[8], pe[8];    /* content pieces */
	int np;
	dsr_teller src;
	long outer;             /* the attribution whose content holds this one, or -1 */
	bool has_rcpt;          /* "X told the Gazette": the outlet that relays it */
	dsr_teller rcpt;
	long cited;             /* a "citing" attribution this one's teller gives, or -1 */
} S_att;

/* The end of the paragraph that starts at token i (at most 400 tokens). */
static size_t S_para_end(const nlp_doc *d, size_t i)
{
	size_t e = i + 1;
	while (e < d->ntok && e < i + 400 && !(d->tok[e].flags & DSR_TK_PARA))
		e++;
	return e;
}

/* ---- the sex of the people an article names, for "he" and "she" ---- */

/* 1 for he, him, his; 2 for she, her, hers; else 0 */
static int S_pron_gender(const nlp_doc *d, size_t i)
{
	static const char *const m[] = {"he", "him", "his", NULL};
	static const char *const f[] = {"she", "her", "hers", NULL};
	return dsr__tk_in(d, i, m) ? 1 : dsr__tk_in(d, i, f) ? 2 : 0;
}

/* the same for the words that say it of a person: "Mr.", "spokeswoman" */
static int S_word_gender(const nlp_doc *d, size_t i)
{
	static const char *const m[] = {
		"mr", "mr.", "spokesman", "chairman", "congressman", "businessman",
		"husband", "father", "son", "brother", "king", "prince", "actor", "sir",
		"grandfather", "uncle", "nephew", "boyfriend", NULL};
	static const char *const f[] = {
		"mrs", "mrs.", "ms", "ms.", "miss", "spokeswoman", "chairwoman", "congresswoman",
		"businesswoman", "wife", "mother", "daughter", "sister", "queen", "princess",
		"actress", "dame", "grandmother", "aunt", "niece", "girlfriend", NULL};
	return dsr__tk_in(d, i, m) ? 1 : dsr__tk_in(d, i, f) ? 2 : 0;
}

#define S_NSEX 64

typedef struct S_genders {
	const char *canon[S_NSEX];
	int votes[S_NSEX][3];
	size_t n;
} S_genders;

static void S_vote(S_genders *x, const char *canon, int g)
{
	if (!canon || !g)
		return;
	size_t k = 0;
	while (k < x->n && strcmp(x->canon[k], canon))
		k++;
	if (k == x->n) {
		if (x->n == S_NSEX)
			return;
		x->canon[x->n] = canon;
		memset(x->votes[x->n++], 0, sizeof x->votes[0]);
	}
	x->votes[k][g]++;
}

/* May the person named `canon` be called by a pronoun of gender g? Not
 * when the article says the other more often. */
static bool S_may_be(const S_genders *x, const char *canon, int g)
{
	if (!canon || !g)
		return true;
	for (size_t k = 0; k < x->n; k++)
		if (!strcmp(x->canon[k], canon))
			return x->votes[k][3 - g] <= x->votes[k][g];
	return true;
}

static bool S_of_saying(const nlp_doc *d, const at_ctx *c, size_t i);

/*
 * What the article says of each named person's sex: a courtesy title or a
 * word of kin or office just before the name ("Ms. Reyes", "spokeswoman
 * Ana Brel", "his aunt, Jeri Rees"), which counts twice, and the "he" or
 * "she" that opens what the name says ("Reyes said she would", "Veld, who
 * runs the ferry, told reporters that he"), which in reported speech is
 * the name nearly always. Other pronouns after a name are as often
 * someone else ("Zoli said the son was known for his views", "a stance
 * on Trump, but said she").
 */
static void S_genders_find(const nlp_doc *d, const at_ctx *c, const dsr_entity *ent, size_t ne,
			   const long *eidx, S_genders *x)
{
	static const char *const subj[] = {"he", "she", NULL};
	x->n = 0;
	for (size_t i = 0; i < d->ntok; i++) {
		long e = eidx[i];
		if (e < 0 || (size_t)e >= ne || ent[e].type != DSR_E_PERSON ||
		    d->tok[i].start != ent[e].sp.start)
			continue;
		const char *who = ent[e].canonical;
		size_t w = i > 1 && dsr__tk_is(d, i - 1, ",") ? i - 2 : i > 0 ? i - 1 : i;
		if (w < i) {
			S_vote(x, who, S_word_gender(d, w));
			S_vote(x, who, S_word_gender(d, w));
		}
		size_t j = i + 1;
		while (j < d->ntok && eidx[j] == e)
			j++;
		/* past an apposition between commas ("Veld, 52,") */
		if (j < d->ntok && dsr__tk_is(d, j, ",")) {
			size_t k = j + 1;
			while (k < d->ntok && k < j + 10 && !dsr__tk_is(d, k, ",") && !S_qmark(d, k) &&
			       !(d->tok[k].flags & DSR_TK_SSTART))
				k++;
			j = k < d->ntok && dsr__tk_is(d, k, ",") ? k + 1 : d->ntok;
		}
		if (j + 1 >= d->ntok || !S_of_saying(d, c, j))
			continue;
		j++;
		if (dsr__tk_is(d, j, "reporters") && j + 1 < d->ntok)
			j++;
		if (dsr__tk_is(d, j, "that") && j + 1 < d->ntok)
			j++;
		if (dsr__tk_in(d, j, subj))
			S_vote(x, who, S_pron_gender(d, j));
	}
}

/* Is token i a verb of saying (WordNet's communication verbs, "agreed" too,
 * which the lexicon lists only as an adjective)? */
static bool S_of_saying(const nlp_doc *d, const at_ctx *c, size_t i)
{
	if ((c->lcls[i] & LX_VCOMM) || (d->tok[i].lex & LX_REPORT))
		return true;
	char lb[64];
	size_t n = tk_len(d, i);
	size_t ll = n < 40 ? dsr__lemma(d->nlp, d->low + d->tok[i].start, n, true, lb, sizeof lb) : 0;
	return ll && ll != n && (dsr__lx_cls(d->nlp, lb, ll) & LX_VCOMM);
}

/* Are tokens [s, e) a time alone: a weekday or a month, then parts of a
 * day, numbers and time words ("Tuesday evening", "March 3")? */
static bool S_time_only(const nlp_doc *d, size_t s, size_t e)
{
	static const char *const part[] = {"morning", "afternoon", "evening", "night", NULL};
	if (!(d->tok[s].lex & (LX_WEEKDAY | LX_MONTH)))
		return false;
	for (size_t i = s + 1; i < e; i++)
		if (!(d->tok[i].lex & (LX_WEEKDAY | LX_MONTH | LX_TIMEX)) &&
		    !(d->tok[i].flags & (DSR_TK_NUM | DSR_TK_PUNCT)) && !dsr__tk_in(d, i, part))
			return false;
	return true;
}

/* a word in -ed or -ing that is no noun ("reflected", "moving") */
static bool S_verb_form(const nlp_doc *d, size_t i)
{
	const char *w = d->low + d->tok[i].start;
	size_t n = tk_len(d, i);
	return !(d->tok[i].lex & LX_NOUN) && n > 4 &&
	       (!memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 3, "ing", 3));
}

/* ("her" is also a person: "according to her") */
static const char *const S_determiners[] = {"the", "a", "an", "its", "their", "his", "this",
					    "these", "those", NULL};

/* Words no teller begins or ends with. */
static const char *const S_not_teller[] = {"n't", "n\xe2\x80\x99t", "do", "does",
					   "did", NULL};

/* An auxiliary or a form of "be" ("has", "would", "been"). */
static bool S_aux_form(const nlp_doc *d, size_t i)
{
	return dsr__tk_in(d, i, S_aux_words) || dsr__tk_in(d, i, S_be_forms);
}

/* An adverb after an auxiliary: "has | long", "had | already" (a base
 * verb cannot follow "has", so "long" is no verb there; a participle is). */
static bool S_aux_adverb(const nlp_doc *d, size_t i)
{
	uint32_t lex = d->tok[i].lex;
	return (lex & LX_ADV) && !(lex & LX_VERBINF);
}

/* a negation ending a run of auxiliaries and adverbs: "has not yet been" */
static const char *const S_not_yet[] = {"not", "never", "yet", NULL};
/* ... but an adverb after these is a coordinated phrase's ("in Italy and
 * overseas | have continued") */
static const char *const S_and_or[] = {"and", "or", ",", NULL};
/* the pronouns opening a relative clause */
static const char *const S_relative[] = {"which", "who", NULL};
/* words that are no teller alone: a preposition or a conjunction the
 * tagger left ("..., in | a statement") */
static const char *const S_not_alone[] = {"in", "on", "at", "of", "for", "with", "by", "from",
					  "to", "as", "and", "or", "but", NULL};

static void S_roles(const nlp_doc *d, const at_ctx *c, S_att *a, int *lab, bool narrow)
{
	const pm_model *m = d->nlp->role;
	const at_memo *x = d->nlp->atm;
	size_t ws, we;
	dsr__at_window(c, a->cs, a->ce, &ws, &we);
	if (narrow) {
		ws = a->cs > ws + 12 ? a->cs - 12 : ws;
		we = a->ce + 12 < we ? a->ce + 12 : we;
	}
	a->ws = ws;
	a->we = we;
	uint32_t f[AT_MAXF];
	/* the scores of the features that read only the cue, b and prev */
	float part[25 * AT_ROLE_NL][AT_ROLE_NL];
	bool have[25 * AT_ROLE_NL] = {0};
	int prev = 0;
	for (size_t i = ws; i < we; i++) {
		if (i >= a->cs && i < a->ce) {
			lab[i - ws] = prev = 0;
			continue;
		}
		float sc[PM_MAXL] = {0};
		dsr__at_role_tok_score(c, m, x, a->cs, a->ce, i, prev, sc);
		uint32_t b = dsr__at_role_b(a->cs, a->ce, i), key = b * AT_ROLE_NL + (uint32_t)prev;
		if (!have[key]) {
			size_t ng = S_role_cue_features(c, a->cs, a->ce, b, prev, f, true);
			int32_t acc[AT_ROLE_NL];
			memcpy(acc, x->role_bprev[b][prev], sizeof acc);
			dsr__pm_acc(m, f, ng, acc);
			for (int l = 0; l < AT_ROLE_NL; l++)
				part[key][l] = (float)acc[l] * m->scale;
			have[key] = true;
		}
		for (int l = 0; l < AT_ROLE_NL; l++)
			sc[l] += part[key][l];
		int best = 0;
		for (int l = 1; l < AT_ROLE_NL; l++)
			if (dsr__at_allowed(prev, l) && sc[l] > sc[best])
				best = l;
		lab[i - ws] = prev = best;
	}
	/* runs: the source nearest the cue, every content piece */
	a->ss = a->se = 0;
	a->np = 0;
	size_t bestd = (size_t)-1;
	for (size_t i = ws; i < we;) {
		int l = lab[i - ws];
		if (!(l & 1)) {
			i++;
			continue;
		}
		size_t j = i + 1;
		while (j < we && lab[j - ws] == l + 1)
			j++;
		if (l == AT_BS) {
			size_t dist = j <= a->cs ? a->cs - j : i - a->ce;
			if (dist < bestd) {
				bestd = dist;
				a->ss = i;
				a->se = j;
			}
		} else if (a->np < 8) {
			a->ps[a->np] = i;
			a->pe[a->np] = j;
			a->np++;
		}
		i = j;
	}
	/* trim punctuation and a verb's negation ("did | n't", "do n't" of a
	 * cue "don't know") at the source's ends; an adverb left alone is none */
	while (a->se > a->ss && ((d->tok[a->se - 1].flags & DSR_TK_PUNCT) ||
				 dsr__tk_in(d, a->se - 1, S_not_teller)))
		a->se--;
	while (a->ss < a->se && ((d->tok[a->ss].flags & DSR_TK_PUNCT) ||
				 dsr__tk_in(d, a->ss, S_not_teller)))
		a->ss++;
	if (a->se == a->ss + 1 && (d->tok[a->ss].lex & LX_ADV) &&
	    !(d->tok[a->ss].lex & (LX_NOUN | LX_FUNC)) && !(d->tok[a->ss].flags & DSR_TK_CAP))
		a->se = a->ss;
	/* the auxiliaries of the cue's verb, its negation and adverbs between
	 * are no part of a teller before it ("A magistrate has | dismissed",
	 * "The report has not yet been | released"); a teller ending in "and"
	 * there is the second verb's subject cut wrong ("the ambitions of its
	 * founder Ivo Marek and | has vowed"): none, the verb shares the first
	 * one's teller (tested below, past the adverbs before the cue) */
	while (a->se > a->ss && a->se <= a->cs &&
	       (S_aux_form(d, a->se - 1) || dsr__tk_in(d, a->se - 1, S_not_teller) ||
		dsr__tk_in(d, a->se - 1, S_not_yet) ||
		(S_aux_adverb(d, a->se - 1) && !(d->tok[a->se - 1].lex & (LX_NOUN | LX_FUNC)) &&
		 !(d->tok[a->se - 1].flags & DSR_TK_CAP) && a->se >= a->ss + 2 &&
		 !dsr__tk_in(d, a->se - 2, S_and_or))))
		a->se--;
	if (a->se == a->ss + 1 && dsr__tk_in(d, a->ss, S_not_alone))
		a->se = a->ss;
	/* a teller opening on a preposition and holding "and" is the end of
	 * the clause before and the subject after it ("a turnover of 90
	 * million euros and experts | suggest"): the subject */
	if (a->se <= a->cs && a->se > a->ss + 2 && dsr__tk_in(d, a->ss, S_not_alone) &&
	    !dsr__tk_in(d, a->ss, S_and_or)) {
		for (size_t k = a->se - 1; k > a->ss; k--) {
			if (dsr__tk_is(d, k, "and")) {
				a->ss = k + 1;
				break;
			}
		}
	}
	/* the relative pronoun opening a clause between teller and cue ("The
	 * firm, which | is to receive a payment, said") */
	if (a->se >= a->ss + 3 && a->se < a->cs && dsr__tk_in(d, a->se - 1, S_relative) &&
	    dsr__tk_is(d, a->se - 2, ","))
		a->se -= 2;
	/* a time is no teller ("Tuesday evening | proved") */
	if (a->se > a->ss && S_time_only(d, a->ss, a->se))
		a->se = a->ss;
	/* a teller cut at "of": the noun phrase after it is part of it ("chief
	 * executive of | Velair Cargo", "both sides of | the aisle"), and the
	 * capitalised name before it ("Velsen's Ministry | of Fisheries");
	 * another preposition closing it is none of it ("Tarn Radio in") */
	if (a->se > a->ss + 1 && dsr__tk_is(d, a->se - 1, "of")) {
		size_t e = a->se, head = 0, lim = a->se <= a->cs ? a->cs : we;
		if (e < lim && (dsr__tk_in(d, e, S_determiners) || dsr__tk_poss(d, e)))
			e++;
		while (e < lim && e < a->se + 5 && c->sid[e] == c->sid[a->se - 1] &&
		       ((d->tok[e].lex & LX_ADJ) || dsr__tk_common_noun(d, e) ||
			(d->tok[e].flags & DSR_TK_CAP)) &&
		       !(d->tok[e].lex & (LX_VERBINF | LX_FUNC)) &&
		       !(d->tok[e].flags & DSR_TK_PUNCT) && !S_verb_form(d, e)) {
			if (dsr__tk_common_noun(d, e) || (d->tok[e].flags & DSR_TK_CAP))
				head = e + 1;
			e++;
		}
		a->se = head ? head : a->se - 1;
	}
	if (a->se > a->ss + 2 && dsr__tk_is(d, a->ss, "of")) {
		size_t k = a->ss, lo = a->ss >= a->ce ? a->ce : ws;
		while (k > lo && a->ss - k < 5 && c->sid[k - 1] == c->sid[a->ss] &&
		       ((d->tok[k - 1].flags & DSR_TK_CAP) || dsr__tk_poss(d, k - 1)) &&
		       !(d->tok[k - 1].flags & DSR_TK_PUNCT) && !(d->tok[k - 1].lex & LX_FUNC))
			k--;
		a->ss = k < a->ss ? k : a->ss + 1;
	}
	while (a->se > a->ss + 1 && ((dsr__tk_in(d, a->se - 1, S_not_alone) &&
				      !dsr__tk_in(d, a->se - 1, S_and_or)) ||
				     (d->tok[a->se - 1].flags & DSR_TK_PUNCT)))
		a->se--;
	/* a teller cut after its determiner ("The | airline moved ..."): the
	 * nouns after it, and adjectives before them, are part of it; a
	 * determiner alone is none */
	if (a->se > a->ss && dsr__tk_in(d, a->se - 1, S_determiners)) {
		size_t e = a->se, head = a->se, lim = a->se <= a->cs ? a->cs : we;
		while (e < lim && e < a->se + 4 && c->sid[e] == c->sid[a->se - 1] &&
		       (d->tok[e].lex & (LX_NOUN | LX_ADJ)) && !(d->tok[e].lex & (LX_VERBINF | LX_FUNC)) &&
		       !(d->tok[e].flags & DSR_TK_PUNCT) && !S_verb_form(d, e)) {
			if (d->tok[e].lex & LX_NOUN)
				head = e + 1;
			e++;
		}
		a->se = head > a->se ? head : a->se == a->ss + 1 ? a->ss : a->se;
	}
	/* a teller cut after its owner's name ("'s administration"): the name,
	 * the capitalised run just before in the sentence, is part of it */
	if (a->se > a->ss + 1 && a->ss > ws && dsr__tk_poss(d, a->ss)) {
		size_t k = a->ss, lo = a->ss >= a->ce ? a->ce : ws;
		while (k > lo && a->ss - k < 6 && c->sid[k - 1] == c->sid[a->ss] &&
		       (d->tok[k - 1].flags & DSR_TK_CAP) && !(d->tok[k - 1].flags & DSR_TK_PUNCT) &&
		       !(d->tok[k - 1].lex & LX_FUNC))
			k--;
		if (k < a->ss)
			a->ss = k;
	}
	/* and an adverb before the cue: "the council narrowly | rejected"
	 * (an adverb alone is no teller: "already | agreed") */
	for (size_t k = a->cs; a->se > a->ss && a->se == k && (d->tok[k - 1].lex & LX_ADV) &&
			       !(d->tok[k - 1].lex & (LX_NOUN | LX_FUNC)) &&
			       !(d->tok[k - 1].flags & DSR_TK_CAP);
	     k--)
		a->se--;
	/* (a teller left ending in "and" there: see above) */
	if (a->se > a->ss && a->se <= a->cs && dsr__tk_is(d, a->se - 1, "and"))
		a->se = a->ss;
	/* no teller found, a name just before a cue of saying, past auxiliaries
	 * and adverbs: "Norvik had already | agreed" (not "Russia is | looking") */
	if (a->se <= a->ss && S_of_saying(d, c, a->cs)) {
		size_t k = a->cs;
		while (k > ws && a->cs - k < 3 && !c->etype[k - 1] &&
		       ((d->tok[k - 1].lex & LX_ADV) || dsr__tk_in(d, k - 1, S_aux_words)) &&
		       !(d->tok[k - 1].flags & DSR_TK_PUNCT))
			k--;
		uint8_t et = k > ws ? c->etype[k - 1] : 0;
		bool told = false; /* the tagger saw it as content: "Russia is | looking" */
		for (int p = 0; p < a->np; p++)
			told |= k - 1 >= a->ps[p] && k - 1 < a->pe[p];
		if (k < a->cs && !told && (et == DSR_E_PERSON || et == DSR_E_ORG || et == DSR_E_GPE ||
					   et == DSR_E_OTHER)) {
			a->se = k;
			a->ss = k - 1;
			while (a->ss > ws && c->etype[a->ss - 1] == c->etype[k - 1] &&
			       c->sid[a->ss - 1] == c->sid[k - 1])
				a->ss--;
		}
	}
	/* "CONTENT, said two officials, who ...": after a comma, a verb of
	 * reporting followed by its teller; the tagger sometimes takes the
	 * content for the teller and a word of the teller for the content */
	if (a->ce == a->cs + 1 && a->cs > ws + 2 && dsr__tk_is(d, a->cs - 1, ",") &&
	    (d->tok[a->cs].lex & LX_REPORT) && a->ce < we && !dsr__tk_is(d, a->ce, "that") &&
	    !(d->tok[a->ce].flags & DSR_TK_PUNCT) && a->se <= a->cs && a->ss < a->cs) {
		size_t e = a->ce;
		while (e < we && e < a->ce + 8 && c->sid[e] == c->sid[a->cs] &&
		       !(d->tok[e].flags & DSR_TK_PUNCT) && !dsr__tk_is(d, e, "who") &&
		       !dsr__tk_is(d, e, "which") && !dsr__tk_is(d, e, "on") && !dsr__tk_is(d, e, "in"))
			e++;
		bool after = true; /* all the content the tagger found is a word or two after */
		size_t len = 0;
		for (int p = 0; p < a->np; p++) {
			after &= a->ps[p] >= a->ce && a->pe[p] <= e;
			len += a->pe[p] - a->ps[p];
		}
		/* (or a teller's run with no verb: "..., said the Velsen Farm
		 * Board", not "..., said the plan would fail", "..., say this
		 * shift comes with risks") */
		bool verbless = true, teller = false;
		for (size_t j = a->ce; j < e; j++) {
			verbless &= !S_aux_form(d, j) && !S_verb_form(d, j) &&
				    !dsr__tk_in(d, j, S_not_teller) && !dsr__tk_in(d, j, S_not_yet) &&
				    !((d->tok[j].lex & LX_VERB) && !(d->tok[j].lex & LX_NOUN) &&
				      !(d->tok[j].flags & DSR_TK_CAP));
			teller |= c->etype[j] == DSR_E_PERSON || c->etype[j] == DSR_E_ORG ||
				  (d->tok[j].lex & LX_TITLE) || dsr__tk_in(d, j, S_w_officials) ||
				  dsr__tk_in(d, j, S_w_outlet) || dsr__tk_in(d, j, S_w_document) ||
				  dsr__tk_in(d, j, S_w_government) || dsr__tk_in(d, j, S_w_body);
		}
		after &= len <= 2 || (verbless && teller);
		if (e > a->ce && (after || !a->np)) {
			size_t s0 = c->sstart[c->sid[a->cs]];
			a->ss = a->ce;
			a->se = e;
			a->np = 1;
			a->ps[0] = s0;
			a->pe[0] = a->cs - 1;
		}
	}
	/* "He said:" closing its line (the colon in the cue, or after a
	 * teller that follows it) tells the next paragraph, not what came
	 * before ("Here is what the mayor said:") */
	size_t colon = dsr__tk_is(d, a->ce - 1, ":") ? a->ce - 1
		     : a->se > a->ce && a->ss >= a->ce ? a->se : a->ce;
	bool closing = colon + 1 < d->ntok && dsr__tk_is(d, colon, ":") &&
		       (d->tok[colon + 1].flags & (DSR_TK_NL | DSR_TK_PARA));
	if (closing && a->np && a->pe[a->np - 1] <= a->cs)
		a->np = 0;
	if (!a->np) {
		/* no content found: the rest of the sentence, or what precedes a final cue */
		uint32_t s = c->sid[a->cs];
		size_t s0 = c->sstart[s], s1 = c->sstart[s + 1];
		size_t after = s1 > a->ce ? s1 - a->ce : 0;
		if (closing) {
			a->ps[0] = colon + 1;
			a->pe[0] = S_para_end(d, colon + 1);
		} else if (after > 2) {
			a->ps[0] = a->se > a->ce ? a->se : a->ce;
			a->pe[0] = s1;
		} else {
			a->ps[0] = s0;
			a->pe[0] = a->se > a->ss && a->ss < a->cs ? a->ss : a->cs;
		}
		if (a->pe[0] > a->ps[0])
			a->np = 1;
	}
}

/* Canonical name of tokens [s, e): an entity's canonical, else the words
 * without a leading article. */
static const char *S_canon(const nlp_doc *d, const dsr_entity *ent, const long *eidx, size_t s,
			   size_t e)
{
	long best = -1;
	for (size_t i = s; i < e; i++) {
		if (eidx[i] < 0)
			continue;
		dsr_etype t = ent[eidx[i]].type;
		if (best < 0 || (t == DSR_E_PERSON && ent[best].type != DSR_E_PERSON) ||
		    (t == DSR_E_ORG && ent[best].type != DSR_E_PERSON && ent[best].type != DSR_E_ORG))
			best = eidx[i];
	}
	if (best >= 0 && ent[best].canonical)
		return ent[best].canonical;
	if (e > s + 1 && (dsr__tk_is(d, s, "the") || dsr__tk_is(d, s, "a") || dsr__tk_is(d, s, "an")))
		s++;
	return dsr_arena_strndup(d->arena, d->text + d->tok[s].start,
				 d->tok[e - 1].end - d->tok[s].start);
}

/* An outlet named by capitalised words alone ("the Quay Ledger"), as
 * written without "the", whatever entities the tagger cut it into; NULL
 * for any other span. */
static const char *S_outlet_name(const nlp_doc *d, size_t s, size_t e)
{
	if (e > s + 1 && dsr__tk_is(d, s, "the"))
		s++;
	if (e < s + 2)
		return NULL;
	for (size_t i = s; i < e; i++)
		if (!(d->tok[i].flags & DSR_TK_CAP) || (d->tok[i].flags & DSR_TK_PUNCT))
			return NULL;
	return dsr_arena_strndup(d->arena, d->text + d->tok[s].start, d->tok[e - 1].end - d->tok[s].start);
}

static bool S_definite_outlet(const nlp_doc *d, size_t s, size_t e)
{
	return e == s + 2 && dsr__tk_is(d, s, "the") && dsr__tk_in(d, s + 1, S_w_outlet);
}

/* prepositions of a place or a medium after a cue: "said in his
 * interview", "added on Twitter" */
static const char *const S_w_where[] = {"in", "on", "at", "during", "via", "after", "before",
					"from", "through", "with", NULL};
/* words of when, after a cue: "reported Saturday", "said late on Monday" */
static const char *const S_w_when[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
	"yesterday", "tonight", "earlier", "later", "late", "last", "this", "week", "month",
	"year", "on", "night", "morning", "afternoon", "evening", "previously", "recently", "also",
	"separately", NULL};

static const char *const S_w_firm[] = {"company", "firm", "group", "manufacturer", "maker",
				       "contractor", "corporation", "ministry", "agency", NULL};

/* "the company": an organisation named before */
static bool S_definite_org(const nlp_doc *d, size_t s, size_t e)
{
	return e == s + 2 && dsr__tk_is(d, s, "the") && dsr__tk_in(d, s + 1, S_w_firm);
}

/* May "the WORD" (token w) stand for the teller [s, e)? A company or an
 * agency by any name (ICE is "the agency"), but a ministry only by a name
 * with that word ("the ministry" after "the Defence Ministry", not after
 * "the council"). */
static bool S_definite_fits(const nlp_doc *d, size_t w, size_t s, size_t e)
{
	if (!dsr__tk_is(d, w, "ministry"))
		return true;
	for (size_t i = s; i < e; i++)
		if (d->hw[i] == d->hw[w])
			return true;
	return false;
}

static int S_cmp_att(const void *x, const void *y)
{
	const S_att *a = x, *b = y;
	return (a->cs > b->cs) - (a->cs < b->cs);
}

static bool S_is_dash(const nlp_doc *d, size_t i)
{
	const char *s = d->text + d->tok[i].start;
	size_t n = tk_len(d, i);
	return (n == 3 && (!memcmp(s, "\xe2\x80\x95", 3) || !memcmp(s, "\xe2\x80\x94", 3) ||
			   !memcmp(s, "\xe2\x80\x93", 3))) ||
	       (n == 2 && !memcmp(s, "--", 2));
}

/* Capitalised tokens from i (at most lim), stopping at anything else or a new line. */
static size_t S_cap_run(const nlp_doc *d, size_t i, size_t lim)
{
	size_t e = i;
	while (e < d->ntok && e < i + lim && (d->tok[e].flags & DSR_TK_WORD) &&
	       (d->tok[e].flags & (DSR_TK_CAP | DSR_TK_UPPER)) &&
	       (e == i || !(d->tok[e].flags & (DSR_TK_NL | DSR_TK_PARA))))
		e++;
	return e;
}

/* Is token i a verb of saying ("added", "reports", "continued")? */
static bool S_says(const nlp_doc *d, size_t i)
{
	if (!(d->tok[i].flags & DSR_TK_WORD) || tk_len(d, i) >= 40)
		return false;
	char lb[64];
	size_t ll = dsr__lemma(d->nlp, d->low + d->tok[i].start, tk_len(d, i), true, lb, sizeof lb);
	return ll && (dsr__lx_cls(d->nlp, lb, ll) & (LX_VCOMM | LX_REPORT));
}

/*
 * Attributions by layout, which the taggers miss (lab[] marks their cues):
 * a quotation signed with a dash ("“...” ― Name"), a line that closes with
 * a teller, a verb of saying and a colon ("Limbaugh added:", telling the
 * next paragraph) and a line that opens with a name and a colon
 * ("WALLACE: ...", "Pat Caddell: ..."). Counts them, and fills out[] when
 * it is not NULL.
 */
static size_t S_patterns(const nlp_doc *d, const at_ctx *c, const long *eidx,
			 const dsr_entity *ent, const int *lab, S_att *out)
{
	size_t n = 0;
	for (size_t i = 1; i + 1 < d->ntok; i++) {
		if (lab[i])
			continue;
		size_t cs = i, ce = i + 1, ss, se, ps, pe;
		if (i >= 1 && i + 3 < d->ntok && dsr__tk_is(d, i + 1, "by") && !lab[i - 1] &&
		    (dsr__tk_is(d, i, "reported") || dsr__tk_is(d, i, "stated") ||
		     dsr__tk_is(d, i, "announced")) &&
		    dsr__tk_is(d, i - 1, "as") && c->sid[i - 1] == c->sid[i]) {
			/* "As reported by the Harbor Gazette, citing X, the ministry
			 * ...", "..., as reported by the Gazette": the teller after
			 * "by", the rest of the sentence (or what came before) told */
			ss = i + 2;
			size_t k = dsr__tk_is(d, ss, "the") ? ss + 1 : ss;
			se = S_cap_run(d, k, 5);
			if (se == k)
				continue;
			cs = i - 1;
			ce = i + 2;
			uint32_t sn = c->sid[i];
			size_t s0 = c->sstart[sn], s1 = c->sstart[sn + 1];
			if (cs == s0 || (cs == s0 + 1 && S_qmark(d, s0))) {
				size_t q = se; /* past a "with reference to ..." or "citing ..." tail */
				while (q < s1 && !dsr__tk_is(d, q, ","))
					q++;
				ps = q + 1;
				pe = s1;
			} else {
				ps = s0;
				pe = cs;
			}
			while (pe > ps && (d->tok[pe - 1].flags & DSR_TK_PUNCT) && !S_qmark(d, pe - 1))
				pe--;
			if (pe < ps + 3)
				continue;
		} else if (S_is_dash(d, i) && S_qmark(d, i - 1) && (c->quote[i - 1] & 2) &&
		    !(c->quote[i - 1] & 4) && (d->tok[i + 1].flags & DSR_TK_CAP)) {
			/* the signed quotation: back to its opening mark */
			size_t o = i - 1;
			while (o > 0 && i - o < 400 && !((c->quote[o - 1] & 4)))
				o--;
			if (o == 0 || i - o >= 400)
				continue;
			ss = i + 1;
			se = S_cap_run(d, ss, 4);
			ps = o - 1;
			pe = i;
		} else if (dsr__tk_is(d, i, ":") && i + 1 < d->ntok &&
			   (d->tok[i + 1].flags & (DSR_TK_NL | DSR_TK_PARA)) && !lab[i - 1] &&
			   S_says(d, i - 1)) {
			/* "The governor added:" closing its line: the teller before
			 * the verb, the next paragraph told */
			size_t b = i - 1;
			while (b > 0 && i - b < 8 && !(d->tok[b].flags & (DSR_TK_NL | DSR_TK_PARA)))
				b--;
			if (!(d->tok[b].flags & (DSR_TK_NL | DSR_TK_PARA)) && b != 0)
				continue;
			bool verb = false; /* "Here is what he said:" names no teller */
			for (size_t k = b; k + 1 < i; k++)
				verb |= (d->tok[k].lex & (LX_VERB | LX_NOUN)) == LX_VERB ||
					dsr__tk_is(d, k, "what") || dsr__tk_is(d, k, "how");
			if (verb)
				continue;
			cs = i - 1;
			ss = b;
			se = i - 1;
			ps = i + 1;
			pe = S_para_end(d, i + 1);
		} else if (dsr__tk_is(d, i, ":")) {
			/* "NAME: ..." at the start of a line */
			size_t b = i;
			while (b > 0 && i - b < 5 && !(d->tok[b].flags & (DSR_TK_NL | DSR_TK_PARA)))
				b--;
			if (!(d->tok[b].flags & (DSR_TK_NL | DSR_TK_PARA)) && b != 0)
				continue;
			if (b + 1 < i && S_qmark(d, b)) /* a quoted transcript line */
				b++;
			if (S_cap_run(d, b, 4) != i)
				continue;
			bool upper = true;
			for (size_t k = b; k < i; k++)
				upper &= (d->tok[k].flags & DSR_TK_UPPER) != 0;
			bool named = eidx[b] >= 0 && (ent[eidx[b]].type == DSR_E_PERSON ||
						      ent[eidx[b]].type == DSR_E_ORG);
			if (!upper && !named && i - b < 2)
				continue; /* "Update:", "Photo:" */
			/* a heading is no speaker: "The Latest:", "Stealth Over Health:" */
			bool func = false;
			for (size_t k = b; k < i; k++)
				func |= (d->tok[k].lex & LX_FUNC) != 0;
			if (!upper && !named && func)
				continue;
			size_t e = i + 1;
			while (e < d->ntok && e < i + 200 && !(d->tok[e].flags & (DSR_TK_NL | DSR_TK_PARA)))
				e++;
			if (e < i + 4)
				continue;
			ss = b;
			se = i;
			ps = i + 1;
			pe = e;
		} else {
			continue;
		}
		if (se <= ss || pe <= ps)
			continue;
		if (out) {
			S_att *a = &out[n];
			memset(a, 0, sizeof *a);
			a->cs = cs;
			a->ce = ce;
			a->ss = ss;
			a->se = se;
			a->ws = ps < ss ? ps : ss;
			a->we = pe > se ? pe : se;
			a->np = 1;
			a->ps[0] = ps;
			a->pe[0] = pe;
			a->outer = a->cited = -1;
		}
		n++;
	}
	return n;
}

/* The piece of a's content that holds token t, or -1. */
static int S_piece(const S_att *a, size_t t)
{
	for (int p = 0; p < a->np; p++)
		if (t >= a->ps[p] && t < a->pe[p])
			return p;
	return -1;
}

/* a's cue comes before b's; if each content holds the other's cue and b's
 * content reaches back over a's cue, a's content stops before b's teller
 * (its source when that stands between the two cues, else its cue) and
 * the punctuation before it. */
static void S_unmutual(const nlp_doc *d, S_att *a, const S_att *b)
{
	int pb = S_piece(b, a->cs);
	if (pb < 0 || b->ps[pb] > a->cs || S_piece(a, b->cs) < 0)
		return;
	size_t cut = b->se > b->ss && b->ss >= a->ce && b->ss < b->cs ? b->ss : b->cs;
	int w = 0;
	for (int p = 0; p < a->np; p++) {
		size_t s = a->ps[p], e = a->pe[p] < cut ? a->pe[p] : cut;
		while (e > s && (d->tok[e - 1].flags & DSR_TK_PUNCT) && !S_qmark(d, e - 1))
			e--;
		if (e > s) {
			a->ps[w] = s;
			a->pe[w++] = e;
		}
	}
	if (w)
		a->np = w;
}

/* Leans the cue decision towards recall (PolNeAR dev: +0.005 cue F1). */
static const float S_cue_bias = 1.5f;

static int S_seen(const void *m, uint32_t key)
{
	const int16_t *w = dsr__pm_row(m, key);
	return w ? w[0] > 0 : -1;
}

/* Tokens [rs, re) after "told" are an outlet that relays at[k]'s teller
 * ("told the Gazette", "told the newspaper": the outlet named before). */
/* "Velmont was accused of ...", "a curfew was announced": a cue in the
 * passive has its subject suffer the telling; a teller found before it
 * is dropped (one after "by" stays; "was quoted as saying" keeps its). */
static void S_passive(const nlp_doc *d, S_att *a)
{
	static const char *const be[] = {"is", "are", "was", "were", "be", "been", "being", NULL};
	static const char *const keep[] = {"quoted", "saying", "cited", NULL};
	if (a->se <= a->ss || a->se > a->cs)
		return;
	bool passive = false;
	for (size_t k = a->cs; k < a->ce; k++) {
		if (dsr__tk_in(d, k, keep))
			return;
		if (!dsr__tk_in(d, k, be) || k + 1 >= d->ntok)
			continue;
		size_t v = k + 1;
		while (v < d->ntok && v < k + 3 && (d->tok[v].lex & LX_ADV) && !(d->tok[v].lex & LX_VERB))
			v++;
		if (v >= d->ntok || v > a->ce)
			continue;
		size_t n = tk_len(d, v);
		const char *w = d->low + d->tok[v].start;
		/* (a state of mind keeps its holder: "analysts were disappointed
		 * that", "the Bank is concerned about") */
		bool holder = v + 1 < d->ntok && (dsr__tk_is(d, v + 1, "that") ||
						  dsr__tk_is(d, v + 1, "about"));
		passive |= !holder && n > 3 &&
			   (!memcmp(w + n - 2, "ed", 2) || !memcmp(w + n - 2, "en", 2) ||
			    dsr__tk_is(d, v, "told") || dsr__tk_is(d, v, "said"));
	}
	if (passive)
		a->ss = a->se = 0;
}

/* The entity of a person, organisation or place that begins at token i,
 * or -1. */
static long S_name_at(const long *eidx, const dsr_entity *ent, size_t i)
{
	long e = eidx[i];
	if (e < 0 || (i > 0 && eidx[i - 1] == e))
		return -1;
	dsr_etype t = ent[e].type;
	return t == DSR_E_PERSON || t == DSR_E_ORG || t == DSR_E_GPE ? e : -1;
}

/* The subject of sentence `sent` before token p: the teller of an earlier
 * attribution of the sentence (at[0..k)), else the first name, pronoun or
 * article-led noun phrase that opens the sentence (from s0) or a clause of
 * it; in [*ss, *se). */
static bool S_subject(const nlp_doc *d, const at_ctx *c, const S_att *at, size_t k,
		      const long *eidx, const dsr_entity *ent, uint32_t sent, size_t s0, size_t p,
		      size_t *ss, size_t *se)
{
	for (size_t b = k; b-- > 0 && c->sid[at[b].cs] == sent;) {
		if (at[b].se > at[b].ss && at[b].ce < p && at[b].se < p) {
			*ss = at[b].ss;
			*se = at[b].se;
			return true;
		}
	}
	/* "On Monday, however, Velmont spoke ..." */
	for (size_t i = s0; i + 1 < p; i++) {
		if ((i > s0 && !dsr__tk_is(d, i - 1, ",")) || (c->quote[i] & 1))
			continue; /* (nor a clause of a quotation) */
		long e = S_name_at(eidx, ent, i);
		if (e >= 0) {
			/* the name and the capitalised words after it: "Tarn County
			 * Prosecutor Ana Brel" */
			size_t j = i + 1;
			while (j < p && (eidx[j] == e || ((d->tok[j].flags & DSR_TK_CAP) &&
							  !(d->tok[j].flags & DSR_TK_PUNCT))))
				j++;
			*ss = i;
			*se = j;
			return true;
		}
		if (dsr__tk_in(d, i, S_pron_person) || dsr__tk_in(d, i, S_pron_group) ||
		    dsr__tk_in(d, i, S_pron_thing)) {
			*ss = i;
			*se = i + 1;
			return true;
		}
		/* "The Corvane harbour board | turned down": an article, then
		 * nouns, names and adjectives up to a verb */
		static const char *const art[] = {"the", "a", "an", NULL};
		if (!dsr__tk_in(d, i, art))
			continue;
		size_t j = i + 1;
		while (j < p && j < i + 7 && !(d->tok[j].flags & DSR_TK_PUNCT) &&
		       !(d->tok[j].lex & LX_FUNC) &&
		       ((d->tok[j].lex & (LX_NOUN | LX_ADJ)) || eidx[j] >= 0) &&
		       !((dsr__tk_verb_lex(d, j) & (LX_VERB | LX_VERBINF)) && j > i + 1 &&
			 !(d->tok[j].lex & LX_NOUN)))
			j++;
		if (j > i + 1 && j < p && ((d->tok[j - 1].lex & LX_NOUN) || eidx[j - 1] >= 0) &&
		    (dsr__tk_verb_lex(d, j) & (LX_VERB | LX_VERBINF))) {
			*ss = i;
			*se = j;
			return true;
		}
		return false;
	}
	return false;
}

/* Token cs without up to two adverbs before it (", even | suggesting",
 * "and | also warned"). */
static size_t S_before_adverbs(const nlp_doc *d, size_t cs)
{
	size_t p = cs;
	while (p > 0 && cs - p < 2 && (d->tok[p - 1].lex & LX_ADV) &&
	       !(d->tok[p - 1].flags & DSR_TK_PUNCT))
		p--;
	return p;
}

/* "Tarn Marine said it was opposed and warned the port ...": a cue
 * after "and" with no teller shares the teller of the sentence's cue
 * before it. */
static void S_coordinated(const nlp_doc *d, const at_ctx *c, S_att *at, size_t k)
{
	S_att *a = &at[k];
	size_t p = S_before_adverbs(d, a->cs);
	if (a->se > a->ss || p == 0 || !dsr__tk_is(d, p - 1, "and"))
		return;
	for (size_t b = k; b-- > 0 && c->sid[at[b].cs] == c->sid[a->cs];) {
		if (at[b].se > at[b].ss && at[b].se <= at[b].cs) {
			a->ss = at[b].ss;
			a->se = at[b].se;
			return;
		}
	}
}

/* prepositions of a medium: ", in a statement", ", on his blog" */
static const char *const S_w_medium[] = {"in", "on", "via", "during", "through", NULL};

/* "..., said Tomas Vrba, head of the jobs office, in a statement": a
 * teller after its cue ends before a comma, a preposition of a medium and
 * a determiner (not of an affiliation: ", at Velbank"), and before
 * a cue in a phrase of the medium (a preposition, a determiner, the cue:
 * "wrote analysts at Velbank in a note"), which, telling nothing of its
 * own (no teller), is no second report of the content. Returns the
 * count left in at[]. */
static size_t S_medium_in_teller(const nlp_doc *d, S_att *at, size_t na)
{
	size_t *end = dsr_xmalloc((na + 1) * sizeof *end); /* the tellers' ends as tagged */
	bool *gone = dsr_xcalloc(na + 1, sizeof *gone);
	for (size_t k = 0; k < na; k++) {
		S_att *a = &at[k];
		end[k] = a->se;
		for (size_t i = a->ss + 1; a->ss >= a->ce && i + 1 < a->se; i++) {
			if (dsr__tk_is(d, i, ",") && dsr__tk_in(d, i + 1, S_w_medium) &&
			    (dsr__tk_in(d, i + 2, S_determiners) || dsr__tk_is(d, i + 2, "her"))) {
				a->se = i;
				break;
			}
		}
	}
	for (size_t k = 0; k < na; k++) {
		const S_att *b = &at[k];
		size_t p = b->cs;
		while (p > 0 && p + 2 > b->cs && (dsr__tk_in(d, p - 1, S_determiners) ||
						  dsr__tk_is(d, p - 1, "her")))
			p--;
		if (p == 0 || !dsr__tk_in(d, p - 1, S_w_where))
			continue;
		/* the teller's cue comes before, within its window (at[] is in
		 * cue order) */
		for (size_t o = k; o-- > 0 && at[o].cs + 256 > b->cs;) {
			S_att *a = &at[o];
			if (a->ss < a->ce || a->ss >= p || end[o] < b->ce)
				continue;
			if (a->se > p - 1)
				a->se = p - 1;
			while (a->se > a->ss && (d->tok[a->se - 1].flags & DSR_TK_PUNCT))
				a->se--;
			gone[k] = b->se <= b->ss;
		}
	}
	size_t out = 0;
	for (size_t k = 0; k < na; k++)
		if (!gone[k])
			at[out++] = at[k];
	free(end);
	free(gone);
	return out;
}

/* "Orlin Port, which leases the tugs, said ...", "Ana Brel, the harbour
 * master, said ...": a cue right after the comma that closes an
 * apposition or a relative clause of the name opening the sentence is
 * told by that name, whatever the tagger took inside the clause. */
static void S_apposition(const nlp_doc *d, const at_ctx *c, S_att *a, const long *eidx,
			 const dsr_entity *ent)
{
	size_t p = a->cs;
	if (p < 3 || !dsr__tk_is(d, p - 1, ","))
		return;
	uint32_t sent = c->sid[a->cs];
	/* the first clause of the sentence that opens on a name ("In a
	 * statement, Ana Brel, ...") */
	size_t s0 = c->sstart[sent];
	while (s0 + 2 < p && (eidx[s0] < 0 || (s0 > 0 && eidx[s0 - 1] == eidx[s0]))) {
		size_t k = s0;
		while (k + 2 < p && !dsr__tk_is(d, k, ","))
			k++;
		if (k + 2 >= p)
			return;
		s0 = k + 1;
	}
	long e = S_name_at(eidx, ent, s0);
	if (c->quote[s0] & 3 || e < 0)
		return;
	if (a->se > a->ss && (a->ss <= s0 || a->se > p || c->sid[a->ss] != sent))
		return;
	size_t j = s0 + 1;
	while (j < p && eidx[j] == e)
		j++;
	if (j + 2 >= p || !dsr__tk_is(d, j, ","))
		return;
	for (size_t i = j + 1; i + 1 < p; i++)
		if (c->quote[i] & 3)
			return;
	a->ss = s0;
	a->se = j;
}

/* "Velmont spoke to dock workers on Friday, promising to ...": a cue that
 * is a participle after a comma is told by the sentence's subject
 * (S_subject): when it found no teller, or took a name inside the main
 * clause for one ("Velmont spoke of Arlen Tosk's case, arguing"). */
static void S_participle(const nlp_doc *d, const at_ctx *c, S_att *at, size_t k, const long *eidx,
			 const dsr_entity *ent)
{
	S_att *a = &at[k];
	size_t v = a->cs; /* "even | suggesting" */
	while (v + 1 < a->ce && (d->tok[v].lex & LX_ADV))
		v++;
	size_t n = tk_len(d, v);
	if (dsr__tk_is(d, v, "being"))
		return; /* (not "after | being accused": the subject is who is accused) */
	if (n < 5 || memcmp(d->low + d->tok[v].start + n - 3, "ing", 3))
		return;
	size_t p = S_before_adverbs(d, a->cs); /* ", even | suggesting" */
	if (p == 0 || !dsr__tk_is(d, p - 1, ","))
		return;
	uint32_t sent = c->sid[a->cs];
	size_t s0 = c->sstart[sent];
	while (s0 + 1 < p && (d->tok[s0].flags & DSR_TK_PUNCT))
		s0++;
	if (a->se > a->ss && (a->se > p || c->sid[a->ss] != sent || a->ss <= s0 ||
			      dsr__tk_is(d, a->ss - 1, ",") || (c->quote[a->ss - 1] & 2)))
		return; /* a teller that opens a clause or follows a quotation, or is elsewhere */
	size_t ss, se;
	if (S_subject(d, c, at, k, eidx, ent, sent, s0, p, &ss, &se)) {
		a->ss = ss;
		a->se = se;
	}
}

static void S_recipient(const nlp_doc *d, S_att *at, size_t k, const long *eidx,
			const dsr_entity *ent, size_t rs, size_t re)
{
	S_att *a = &at[k];
	a->has_rcpt = true;
	a->rcpt.sp.start = d->tok[rs].start;
	a->rcpt.sp.end = d->tok[re - 1].end;
	a->rcpt.kind = DSR_S_OUTLET;
	a->rcpt.canonical = eidx[rs] >= 0 ? ent[eidx[rs]].canonical
			    : (d->tok[rs].flags & DSR_TK_CAP)
			    ? dsr_arena_strndup(d->arena, d->text + d->tok[rs].start,
						d->tok[re - 1].end - d->tok[rs].start)
			    : NULL;
	for (size_t b = k; !a->rcpt.canonical && b-- > 0 && k - b <= 64;)
		if (at[b].src.kind == DSR_S_OUTLET && at[b].se > at[b].ss &&
		    !S_definite_outlet(d, at[b].ss, at[b].se))
			a->rcpt.canonical = at[b].src.canonical;
	if (!a->rcpt.canonical)
		a->has_rcpt = false;
}

void dsr__attributions(nlp_doc *d, const dsr_entity *ent, size_t ne, dsr_attribution **out,
		       size_t *nout)
{
	*out = NULL;
	*nout = 0;
	const pm_model *cm = d->nlp->cue;
	if (!cm || !d->nlp->role || !d->nlp->atm || !d->ntok)
		return;
	at_ctx c;
#if DSR_ATTRIB_STOP == 1 /* bench/: claims alone */
	return;
#endif
	dsr__at_prepare(&c, d, ent, ne);
	long *eidx = dsr_arena_alloc(d->arena, (d->ntok + 1) * sizeof *eidx);
	for (size_t i = 0, k = 0; i < d->ntok; i++) {
		while (k < ne && ent[k].sp.end <= d->tok[i].start)
			k++;
		eidx[i] = k < ne && ent[k].sp.start <= d->tok[i].start ? (long)k : -1;
	}
	/* cues */
	int *lab = dsr_arena_alloc(d->arena, (d->ntok + 1) * sizeof *lab);
	int prev = 0;
	size_t ncue = 0;
	for (size_t i = 0; i < d->ntok; i++) {
		if (d->tok[i].flags & DSR_TK_SSTART)
			prev = 0;
		lab[i] = 0;
		if (!prev && !dsr__at_gate(&c, i, S_seen, cm))
			continue;
		float sc[PM_MAXL] = {0};
		dsr__at_cue_score(&c, cm, d->nlp->atm, i, prev, sc);
		sc[1] += S_cue_bias;
		int best = 0;
		for (int l = 1; l < AT_CUE_NL; l++)
			if (dsr__at_allowed(prev, l) && sc[l] > sc[best])
				best = l;
		/* a verb of reporting before "that" is one: "The Gazette reports
		 * that ..." (the tagger reads "Gazette reports" as a noun run) */
		if (!best && !prev && (d->tok[i].lex & LX_REPORT) && i + 1 < d->ntok &&
		    dsr__tk_is(d, i + 1, "that") && i > 0 && (d->tok[i - 1].flags & DSR_TK_CAP) &&
		    !(d->tok[i - 1].lex & LX_FUNC))
			best = 1;
		lab[i] = best;
		prev = lab[i];
		ncue += lab[i] == 1;
	}
	/* a newsroom's asking ("did not respond to requests for comment")
	 * tells nothing */
	for (size_t i = 0; i + 1 < d->ntok; i++) {
		if (lab[i] != 1)
			continue;
		bool asking = (dsr__tk_is(d, i, "requests") || dsr__tk_is(d, i, "request")) &&
			      i + 2 < d->ntok && dsr__tk_is(d, i + 1, "for") &&
			      dsr__tk_is(d, i + 2, "comment");
		/* nor does "That said, ..." opening a sentence */
		bool that_said = dsr__tk_is(d, i, "said") && i > 0 && dsr__tk_is(d, i - 1, "that") &&
				 (d->tok[i - 1].flags & DSR_TK_SSTART) && dsr__tk_is(d, i + 1, ",");
		if (!asking && !that_said)
			continue;
		lab[i] = 0;
		ncue--;
		for (size_t j = i + 1; j < d->ntok && lab[j] == 2; j++)
			lab[j] = 0;
	}
	/* a cue of auxiliaries and adverbs alone: with no verb after it, it is
	 * no report ("she has | other priorities", "has long | been a core
	 * tenet"); a lone auxiliary before a verb of saying or thinking (past
	 * adverbs) runs to it ("has | now called"), before another verb it is
	 * none ("Norway has | now become"); the tagger's run of an auxiliary
	 * and adverbs before a verb stays ("Ostrava has quietly | struck") */
	for (size_t i = 0; i < d->ntok; i++) {
		if (lab[i] != 1 || !S_aux_form(d, i))
			continue;
		size_t j = i + 1;
		bool bare = true;
		for (; j < d->ntok && lab[j] == 2; j++)
			bare &= S_aux_form(d, j) || S_aux_adverb(d, j);
		if (!bare)
			continue;
		bool run = j > i + 1;
		while (j < d->ntok && j < i + 5 && (S_aux_form(d, j) || S_aux_adverb(d, j)))
			j++;
		bool verb = j < d->ntok && c.sid[j] == c.sid[i] &&
			    (dsr__tk_verb_lex(d, j) & (LX_VERB | LX_VERBINF));
		if (run && verb)
			continue; /* the tagger's own run before a verb stays */
		if (verb && (S_of_saying(d, &c, j) || (c.lcls[j] & LX_VCOG))) {
			for (size_t k = i + 1; k <= j; k++)
				lab[k] = 2;
		} else {
			lab[i] = 0;
			ncue--;
			for (size_t k = i + 1; k < d->ntok && lab[k] == 2; k++)
				lab[k] = 0;
		}
	}
#if DSR_ATTRIB_STOP == 2 /* bench/: claims and the cue tagger */
	return;
#endif
	size_t npat = S_patterns(d, &c, eidx, ent, lab, NULL);
	if (!ncue && !npat)
		return;
	S_att *at = dsr_arena_alloc(d->arena, (ncue + npat + 1) * sizeof *at);
	/* role tagging reads a few tokens per token of text; past that (a page of
	 * nothing but cues) windows shrink to the cue's neighbourhood */
	long budget = 8 * (long)d->ntok + 20000;
	size_t na = 0;
	int *rl = dsr_arena_alloc(d->arena, (d->ntok + 1) * sizeof *rl);
	for (size_t i = 0; i < d->ntok; i++) {
		if (lab[i] != 1)
			continue;
		size_t j = i + 1;
		while (j < d->ntok && lab[j] == 2)
			j++;
		S_att *a = &at[na];
		memset(a, 0, sizeof *a);
		a->cs = i;
		a->ce = j;
		a->outer = a->cited = -1;
		S_roles(d, &c, a, rl, budget < 0);
		budget -= (long)(a->we - a->ws);
		if (a->np)
			na++;
		i = j - 1;
	}
	/* the patterns, in cue order with the rest */
	if (npat) {
		na += S_patterns(d, &c, eidx, ent, lab, at + na);
		qsort(at, na, sizeof *at, S_cmp_att);
	}
	na = S_medium_in_teller(d, at, na);
	for (size_t k = 0; k < na; k++) {
		S_participle(d, &c, at, k, eidx, ent);
		S_apposition(d, &c, &at[k], eidx, ent);
		S_coordinated(d, &c, at, k);
		S_passive(d, &at[k]);
	}
	/* sources: kind, canonical, pronouns and "the newspaper" resolved backwards */
	S_genders sex;
	S_genders_find(d, &c, ent, ne, eidx, &sex);
	for (size_t k = 0; k < na; k++) {
		S_att *a = &at[k];
		if (a->se <= a->ss)
			continue;
		a->src.sp.start = d->tok[a->ss].start;
		a->src.sp.end = d->tok[a->se - 1].end;
		a->src.kind = S_kind(d, &c, a->ss, a->se);
		a->src.canonical = a->src.kind == DSR_S_OUTLET ? S_outlet_name(d, a->ss, a->se) : NULL;
		if (!a->src.canonical)
			a->src.canonical = S_canon(d, ent, eidx, a->ss, a->se);
		int g = a->se == a->ss + 1 ? S_pron_gender(d, a->ss) : 0;
		bool he = a->se == a->ss + 1 && dsr__tk_in(d, a->ss, S_pron_person);
		bool they = a->se == a->ss + 1 && dsr__tk_in(d, a->ss, S_pron_group);
		bool it = a->se == a->ss + 1 && dsr__tk_in(d, a->ss, S_pron_thing);
		bool paper = S_definite_outlet(d, a->ss, a->se);
		bool firm = S_definite_org(d, a->ss, a->se);
		if (!he && !they && !it && !paper && !firm)
			continue;
		/* the nearest earlier named teller that fits ("she" is no man's) */
		const dsr_teller *ref = NULL;
		for (size_t b = k; b-- > 0 && !ref && k - b <= 64;) {
			const S_att *o = &at[b];
			if (c.sid[o->cs] + 6 < c.sid[a->cs])
				break;
			if (o->se <= o->ss)
				continue;
			bool named = o->se > o->ss + 1 || !(d->tok[o->ss].lex & LX_FUNC);
			if (!named || S_definite_outlet(d, o->ss, o->se))
				continue;
			dsr_skind kd = o->src.kind;
			bool org = kd == DSR_S_ORGANIZATION || kd == DSR_S_GOVERNMENT;
			if ((he && kd == DSR_S_PERSON && S_may_be(&sex, o->src.canonical, g)) ||
			    (they && (org || kd == DSR_S_OFFICIALS || kd == DSR_S_MEDIA)) ||
			    (it && kd != DSR_S_PERSON && kd != DSR_S_OFFICIALS) ||
			    (firm && org && S_definite_fits(d, a->ss + 1, o->ss, o->se)) ||
			    (paper && kd == DSR_S_OUTLET))
				ref = &o->src;
		}
		if (!ref && (he || paper || it || firm)) {
			/* else the nearest entity of the right type before the cue */
			dsr_etype want = he ? DSR_E_PERSON : DSR_E_ORG;
			for (size_t i = a->ss; i-- > 0;) {
				if (eidx[i] >= 0 && ent[eidx[i]].type == want &&
				    (!he || S_may_be(&sex, ent[eidx[i]].canonical, g)) &&
				    (!firm || S_definite_fits(d, a->ss + 1, i, i + 1))) {
					a->src.canonical = ent[eidx[i]].canonical;
					break;
				}
				if (a->ss - i > 400)
					break;
			}
		}
		if (ref) {
			a->src.canonical = ref->canonical;
			a->src.kind = ref->kind;
		}
	}
	/* "CONTENT, X told the Gazette on Monday." and "CONTENT, the Post
	 * reported Saturday, citing Y.": when all that follows the cue is a
	 * recipient, a time and a citation, the content is what comes before
	 * the teller in the sentence; a recipient outlet relays the teller */
	for (size_t k = 0; k < na; k++) {
		S_att *a = &at[k];
		/* a cue of one word, or a verb and its preposition ("added on") */
		bool prep = a->ce == a->cs + 2 && dsr__tk_in(d, a->cs + 1, S_w_where);
		if ((a->ce != a->cs + 1 && !prep) || a->se <= a->ss || a->se != a->cs || !a->np)
			continue;
		size_t r = prep ? a->cs + 1 : a->ce, rs = 0, re = 0;
		bool tell = dsr__tk_is(d, a->cs, "told") || dsr__tk_is(d, a->cs, "tells");
		if (tell) {
			size_t q = r < d->ntok && dsr__tk_is(d, r, "the") ? r + 1 : r;
			if (q < d->ntok && eidx[q] >= 0 && d->tok[q].start == ent[eidx[q]].sp.start &&
			    ent[eidx[q]].type == DSR_E_ORG) {
				rs = q;
				re = q;
				while (re < d->ntok && eidx[re] == eidx[q])
					re++;
			} else if (q < d->ntok && dsr__tk_in(d, q, S_w_outlet) && q > r) {
				rs = q;
				re = q + 1;
			} else if (q < d->ntok && (d->tok[q].flags & DSR_TK_CAP) && eidx[q] < 0) {
				/* "told the Weekly Ledger": capitalised words the tagger
				 * missed, up to the sentence's end, a comma or "on" */
				size_t e = q;
				while (e < d->ntok && e < q + 5 && (d->tok[e].flags & DSR_TK_CAP) &&
				       c.sid[e] == c.sid[a->cs])
					e++;
				if (e >= d->ntok || c.sid[e] != c.sid[a->cs] || dsr__tk_is(d, e, ".") ||
				    dsr__tk_is(d, e, ",") || dsr__tk_in(d, e, S_w_when)) {
					rs = q;
					re = e;
				}
			}
			r = re > rs ? re : r;
		}
		while (r < d->ntok && c.sid[r] == c.sid[a->cs] && dsr__tk_in(d, r, S_w_when))
			r++;
		/* "Obama said in his interview.", "he added on Twitter.": a
		 * preposition and a few words closing the sentence tell where
		 * (not before a comma: "declared in a post, "...") */
		if (r < d->ntok && c.sid[r] == c.sid[a->cs] && dsr__tk_in(d, r, S_w_where)) {
			size_t q = r + 1;
			while (q < d->ntok && q < r + 7 && c.sid[q] == c.sid[a->cs] &&
			       !dsr__tk_is(d, q, ".") && !dsr__tk_is(d, q, ",") &&
			       !dsr__tk_is(d, q, "that") && !(d->tok[q].lex & LX_VERBINF))
				q++;
			if (q > r + 1 && (q >= d->ntok || c.sid[q] != c.sid[a->cs] ||
					  dsr__tk_is(d, q, ".")))
				r = q;
		}
		bool end = r >= d->ntok || c.sid[r] != c.sid[a->cs] || dsr__tk_is(d, r, ".") ||
			   dsr__tk_is(d, r, ",") || dsr__tk_is(d, r, "citing") ||
			   dsr__tk_is(d, r, "quoting") || dsr__tk_is(d, r, "according");
		if (!end) {
			/* "X told the Gazette that CONTENT": the outlet relays too */
			bool after = false;
			for (int p = 0; p < a->np; p++)
				after |= a->ps[p] >= r;
			if (re > rs && r < d->ntok && dsr__tk_is(d, r, "that") && after)
				S_recipient(d, at, k, eidx, ent, rs, re);
			continue;
		}
		if (a->ss < 4)
			continue;
		size_t st = a->ss - 1;
		while (st > 0 && c.sid[st - 1] == c.sid[a->ss] && a->ss - st < 120 &&
		       !(d->tok[st].flags & (DSR_TK_NL | DSR_TK_PARA)))
			st--;
		/* the tagger found the content before, more than a word or two */
		bool tiny = a->np == 1 && a->pe[0] <= a->ss && a->pe[0] <= a->ps[0] + 2;
		bool before = a->ps[0] < a->cs && !tiny;
		/* "“... votes?” Trump said, looking ...": a quotation that closes
		 * just before the teller, back to its opening mark */
		size_t qo = a->ss - 1;
		bool quoted = false; /* not when a quotation follows: "..." Reyes adds, "..." */
		for (int p = 0; p < a->np; p++)
			for (size_t t = a->ps[p]; t < a->pe[p] && t < a->ps[p] + 3; t++)
				quoted |= (c.quote[t] & 4) != 0;
		if (!before && !quoted && S_qmark(d, qo) && (c.quote[qo] & 2) &&
		    !(c.quote[qo] & 4) && !(d->tok[a->ss].flags & DSR_TK_PARA)) {
			while (qo > 0 && a->ss - qo < 400 && !(c.quote[qo - 1] & 4))
				qo--;
			if (qo > 0 && a->ss - qo < 400 && qo + 3 < a->ss) {
				a->np = 1;
				a->ps[0] = qo - 1;
				a->pe[0] = a->ss;
				if (re > rs)
					S_recipient(d, at, k, eidx, ent, rs, re);
				continue;
			}
		}
		if (!before && (st + 3 > a->ss - 1 || !dsr__tk_is(d, a->ss - 1, ",")))
			continue;
		if (!before) {
			a->np = 1;
			a->ps[0] = st;
			a->pe[0] = a->ss - 1;
		}
		if (re > rs)
			S_recipient(d, at, k, eidx, ent, rs, re);
	}
	/* "..., which cited Y": the relative pronoun stands for the teller before it */
	for (size_t k = 1; k < na; k++) {
		S_att *a = &at[k];
		if (a->se != a->ss + 1 || a->ss < 2 || !dsr__tk_is(d, a->ss - 1, ",") ||
		    !(dsr__tk_is(d, a->ss, "which") || dsr__tk_is(d, a->ss, "who")))
			continue;
		const S_att *p = &at[k - 1];
		if (p->se > p->ss && p->se + 1 == a->ss) {
			a->src.canonical = p->src.canonical;
			a->src.kind = p->src.kind;
		} else if (eidx[a->ss - 2] >= 0) {
			const dsr_entity *e = &ent[eidx[a->ss - 2]];
			a->src.canonical = e->canonical;
			a->src.kind = e->type == DSR_E_PERSON ? DSR_S_PERSON : DSR_S_ORGANIZATION;
		}
	}
	/* "X has agreed to buy drones, the Gazette reported": when two contents
	 * each hold the other's cue and the later one looks back, the earlier
	 * content ends before the later teller, so that it nests inside */
	for (size_t k = 0; k < na; k++)
		for (size_t b = k + 1; b < na && at[b].cs <= at[k].cs + 250; b++)
			S_unmutual(d, &at[k], &at[b]);
	/* nesting: an attribution whose cue lies in another's content is told by it */
	for (size_t k = 0; k < na; k++) {
		size_t bestw = (size_t)-1;
		/* contents stay within a window of 120 tokens around their cue */
		size_t lo = k, hi = k + 1;
		while (lo > 0 && at[lo - 1].cs + 250 >= at[k].cs)
			lo--;
		while (hi < na && at[hi].cs <= at[k].cs + 250)
			hi++;
		for (size_t b = lo; b < hi; b++) {
			if (b == k)
				continue;
			size_t s = at[b].ps[0], e = at[b].pe[at[b].np - 1];
			if (S_piece(&at[b], at[k].cs) >= 0 && e - s < bestw &&
			    S_piece(&at[k], at[b].cs) < 0) {
				bestw = e - s;
				at[k].outer = (long)b;
			}
		}
		if (k > 0 && c.sid[at[k - 1].cs] == c.sid[at[k].cs] && at[k].cs > 0 &&
		    (dsr__tk_is(d, at[k].cs, "citing") || dsr__tk_is(d, at[k].cs, "quoting")))
			at[k - 1].cited = (long)k; /* "X reported, citing Y" */
		else if (k + 1 < na && c.sid[at[k + 1].cs] == c.sid[at[k].cs] &&
			 (dsr__tk_is(d, at[k].cs, "citing") || dsr__tk_is(d, at[k].cs, "quoting")))
			at[k + 1].cited = (long)k; /* "Citing Y, X said" */
	}
	/* the one who cites is the teller it follows or precedes, not a name
	 * the role tagger found in between ("X reported, citing Y") */
	for (size_t k = 0; k < na; k++) {
		if (at[k].cited < 0 || at[k].se <= at[k].ss)
			continue;
		S_att *ct = &at[at[k].cited];
		ct->ss = at[k].ss;
		ct->se = at[k].se;
		ct->src = at[k].src;
	}
	/* "X reported, citing Y, that Z": the citing cue's content is Y; what
	 * follows Y is what X reported */
	for (size_t k = 0; k < na; k++) {
		if (at[k].cited < 0)
			continue;
		S_att *ct = &at[at[k].cited];
		/* pieces past the citing cue's sentence or line belong to neither */
		size_t end = ct->ce;
		while (end < d->ntok && c.sid[end] == c.sid[ct->cs] &&
		       !(d->tok[end].flags & (DSR_TK_NL | DSR_TK_PARA)))
			end++;
		while (ct->np > 1 && ct->ps[ct->np - 1] >= end)
			ct->np--;
		while (ct->np > 1 && at[k].np < 8) {
			size_t ps = ct->ps[ct->np - 1], pe = ct->pe[ct->np - 1];
			int p = at[k].np;
			while (p > 0 && at[k].ps[p - 1] > ps) {
				at[k].ps[p] = at[k].ps[p - 1];
				at[k].pe[p] = at[k].pe[p - 1];
				p--;
			}
			at[k].ps[p] = ps;
			at[k].pe[p] = pe;
			at[k].np++;
			ct->np--;
		}
		/* pieces that now overlap become one */
		int w = 0;
		for (int p = 0; p < at[k].np; p++) {
			if (w && at[k].ps[p] <= at[k].pe[w - 1]) {
				if (at[k].pe[p] > at[k].pe[w - 1])
					at[k].pe[w - 1] = at[k].pe[p];
				continue;
			}
			at[k].ps[w] = at[k].ps[p];
			at[k].pe[w++] = at[k].pe[p];
		}
		at[k].np = w;
	}
	/* output */
	dsr_attribution *o = dsr_arena_alloc(d->arena, na * sizeof *o);
	for (size_t k = 0; k < na; k++) {
		S_att *a = &at[k];
		dsr_attribution *x = &o[k];
		memset(x, 0, sizeof *x);
		x->cue.start = d->tok[a->cs].start;
		x->cue.end = d->tok[a->ce - 1].end;
		x->sentence = c.sid[a->cs];
		x->has_source = a->se > a->ss;
		x->source = a->src;
		x->nparts = (size_t)a->np;
		x->parts = dsr_arena_alloc(d->arena, x->nparts * sizeof *x->parts);
		for (int p = 0; p < a->np; p++) {
			x->parts[p].start = d->tok[a->ps[p]].start;
			x->parts[p].end = d->tok[a->pe[p] - 1].end;
		}
		x->content.start = x->parts[0].start;
		x->content.end = x->parts[x->nparts - 1].end;
		/* chain: outer tellers first, then this one, then what it cites */
		dsr_teller tmp[16];
		size_t nt = 0;
		long up[4];
		int nup = 0;
		for (long b = a->outer; b >= 0 && nup < 4; b = at[b].outer) {
			bool loop = false;
			for (int u = 0; u < nup; u++)
				loop |= up[u] == b;
			if (loop || (size_t)b == k)
				break;
			up[nup++] = b;
		}
		for (int u = nup; u-- > 0;) {
			if (at[up[u]].has_rcpt)
				tmp[nt++] = at[up[u]].rcpt;
			if (at[up[u]].se > at[up[u]].ss)
				tmp[nt++] = at[up[u]].src;
		}
		if (a->has_rcpt)
			tmp[nt++] = a->rcpt;
		if (x->has_source)
			tmp[nt++] = a->src;
		if (a->cited >= 0) {
			const S_att *ct = &at[a->cited];
			size_t s = ct->ps[0], e = ct->pe[0];
			if (e > s + 12)
				e = s + 12;
			dsr_teller t = {{d->tok[s].start, d->tok[ct->pe[0] - 1].end},
					S_kind(d, &c, s, e), NULL};
			t.canonical = S_canon(d, ent, eidx, ct->ps[0], ct->pe[0]);
			if (t.kind == DSR_S_DOCUMENT || t.kind == DSR_S_OFFICIALS || t.kind == DSR_S_MEDIA) {
				/* "a report seen by Velorian officials" is not "Veloria" */
				size_t q = s + 1 < e && (dsr__tk_is(d, s, "the") || dsr__tk_is(d, s, "a")) ? s + 1 : s;
				while (e > q + 1 && (d->tok[e - 1].flags & DSR_TK_PUNCT))
					e--;
				t.canonical = dsr_arena_strndup(d->arena, d->text + d->tok[q].start,
								d->tok[e - 1].end - d->tok[q].start);
			}
			tmp[nt++] = t;
		}
		/* drop a repeat of the same teller */
		size_t w = 0;
		for (size_t t = 0; t < nt; t++)
			if (!w || strcmp(tmp[w - 1].canonical, tmp[t].canonical))
				tmp[w++] = tmp[t];
		x->nchain = w;
		x->chain = dsr_arena_alloc(d->arena, (w + 1) * sizeof *x->chain);
		memcpy(x->chain, tmp, w * sizeof *tmp);
	}
	*out = o;
	*nout = na;
}
