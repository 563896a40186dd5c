/*
 * ner.c: named entities: a greedy averaged-perceptron BIO tagger over word,
 * shape, affix, context and lexicon features (trained by tools/ner_train.c,
 * weights embedded from data/ner.model.gz), designation patterns for
 * equipment, and per-article canonical names (surnames, acronyms, spelling
 * variants and aliases the text states).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ner.h"
#include "nlp.h"
#include "percep.h"

__asm__(".section .rodata\n"
	".balign 16\n"
	".globl dsr__ner_data\n"
	"dsr__ner_data:\n"
	".incbin \"data/ner.model.gz\"\n"
	".globl dsr__ner_end\n"
	"dsr__ner_end:\n"
	".byte 0\n"
	".previous\n");
extern const char dsr__ner_data[], dsr__ner_end[];

const char *const dsr__ner_types[NER_NTYPES] = {"PER", "ORG", "LOC", "GPE", "ART", "EVE", "NAT"};

/* ---- features ---- */

/* Feature ids: the hashes the other taggers use (percep.h). */
#define S_fh pm_fh
#define S_fi pm_fi

/* Word shape, compressed: "Shahed-136" -> "Xx-d", "IRGC" -> "X", "U.S." -> "X.X." */
static size_t S_shape(const char *s, size_t n, char *out, size_t outsz)
{
	size_t o = 0;
	char last = 0;
	for (size_t i = 0; i < n && o + 1 < outsz; i++) {
		unsigned char c = (unsigned char)s[i];
		char k;
		if (c >= 'A' && c <= 'Z')
			k = 'X';
		else if (c >= 'a' && c <= 'z')
			k = 'x';
		else if (c >= '0' && c <= '9')
			k = 'd';
		else if (c >= 0x80)
			k = (c >= 0xC0) ? 'u' : 0;
		else
			k = (char)c;
		if (!k || k == last)
			continue;
		out[o++] = k;
		last = k;
	}
	out[o] = 0;
	return o;
}

static void S_add(uint32_t *f, size_t *nf, uint32_t h)
{
	if (*nf < NER_MAXF)
		f[(*nf)++] = h;
}

/* Longest lexicon name phrase (2-6 words) starting at token i, or 0. */
static size_t S_phrase(const nlp_doc *d, size_t i, uint32_t *cls)
{
	if (!(d->tok[i].lex & LX_HEAD) || !(d->tok[i].flags & DSR_TK_CAP))
		return 0;
	size_t best = 0;
	for (size_t k = i + 1; k < d->ntok && k < i + 6; k++) {
		size_t len = d->tok[k].end - d->tok[i].start;
		if (len > 80)
			break;
		/* the lexicon joins words with one space */
		char buf[96];
		size_t o = 0;
		for (size_t j = i; j <= k; j++) {
			size_t l = tk_len(d, j);
			if (o + l + 1 >= sizeof buf)
				return best;
			if (j > i)
				buf[o++] = ' ';
			memcpy(buf + o, d->low + d->tok[j].start, l);
			o += l;
		}
		const lx_entry *e = dsr__lx_get(d->nlp, buf, o);
		if (e && (e->cls & LX_NAMECLASS)) {
			best = k - i + 1;
			*cls = e->cls;
		}
	}
	return best;
}

void dsr__ner_gazetteer(nlp_doc *d, uint8_t *gz)
{
	memset(gz, 0, d->ntok);
	d->hw = dsr_arena_alloc(d->arena, (d->ntok + 1) * sizeof *d->hw);
	d->hs = dsr_arena_alloc(d->arena, (d->ntok + 1) * sizeof *d->hs);
	for (size_t i = 0; i < d->ntok; i++) {
		char sh[32];
		size_t l = tk_len(d, i) > 40 ? 40 : tk_len(d, i);
		d->hw[i] = S_fh(0, d->low + d->tok[i].start, l);
		size_t shl = S_shape(d->text + d->tok[i].start, tk_len(d, i), sh, sizeof sh);
		d->hs[i] = S_fh(0, sh, shl);
	}
	for (size_t i = 0; i < d->ntok; i++) {
		uint32_t cls = 0;
		size_t l = S_phrase(d, i, &cls);
		if (!l)
			continue;
		uint8_t c = (cls & (LX_COUNTRY | LX_PLACE)) ? 1 : (cls & LX_ORG) ? 2 : (cls & LX_PERSON) ? 3 : (cls & LX_NORP) ? 4 : 5;
		for (size_t k = 0; k < l; k++)
			gz[i + k] = (uint8_t)(c | (k ? 0x10 : 0x20));
		i += l - 1;
	}
}

size_t dsr__ner_features(const nlp_doc *d, const uint8_t *gz, size_t i, int prev, int prev2,
			 uint32_t *f)
{
	size_t nf = 0;
	const dsr_token *t = &d->tok[i];
	const char *w = d->low + t->start;
	size_t wl = tk_len(d, i);
	if (wl > 40)
		wl = 40;
	S_add(f, &nf, 1); /* bias */
	S_add(f, &nf, S_fi(1, d->hw[i]));
	S_add(f, &nf, S_fi(2, d->hs[i]));
	for (size_t k = 1; k <= 4 && k <= wl; k++) {
		S_add(f, &nf, S_fh(10 + (uint32_t)k, w + wl - k, k));
		if (k <= 3)
			S_add(f, &nf, S_fh(20 + (uint32_t)k, w, k));
	}
	uint32_t fl = t->flags & (DSR_TK_CAP | DSR_TK_UPPER | DSR_TK_SSTART | DSR_TK_NUM | DSR_TK_PUNCT);
	S_add(f, &nf, S_fi(3, fl));
	for (uint32_t b = 0; b < 25; b++)
		if (t->lex & (1u << b))
			S_add(f, &nf, S_fi(4, b));
	if ((t->flags & DSR_TK_CAP) && !(t->lex & (LX_NOUN | LX_VERB | LX_ADJ | LX_ADV | LX_FUNC)))
		S_add(f, &nf, S_fi(5, 1)); /* capitalised and not a common word */
	S_add(f, &nf, S_fi(6, gz[i]));
	/* context words and shapes */
	for (int off = -2; off <= 2; off++) {
		if (!off)
			continue;
		long j = (long)i + off;
		uint32_t tm = 30 + (uint32_t)(off + 2);
		if (j < 0 || (size_t)j >= d->ntok) {
			S_add(f, &nf, S_fi(tm, 0));
			continue;
		}
		const dsr_token *u = &d->tok[j];
		S_add(f, &nf, S_fi(tm, d->hw[j]));
		if (off == -1 || off == 1) {
			S_add(f, &nf, S_fi(tm + 10, d->hs[j]));
			S_add(f, &nf, S_fi(tm + 20, u->lex & (LX_TITLE | LX_ORGSUF | LX_REPORT | LX_FUNC | LX_MONTH)));
			S_add(f, &nf, S_fi(tm + 30, gz[j]));
			S_add(f, &nf, S_fi(tm + 40, u->flags & (DSR_TK_CAP | DSR_TK_SSTART)));
		}
	}
	/* label history */
	S_add(f, &nf, S_fi(70, (uint32_t)prev));
	S_add(f, &nf, S_fi(71, (uint32_t)(prev * 64 + prev2)));
	S_add(f, &nf, S_fi(73, (uint32_t)prev) ^ S_fi(74, d->hw[i]));
	S_add(f, &nf, S_fi(75, (uint32_t)prev) ^ S_fi(76, (uint32_t)(t->flags & DSR_TK_CAP)));
	return nf;
}

/* ---- the model ---- */

/* Half a cache line per feature: its weight per label as 16-bit integers
 * (the model file's own precision), summed in 32 bits. Kept apart from
 * percep.c's table (same probing): fixed 16-wide rows vectorize, and on the
 * BBC benchmark the entity tagger runs faster on them than through
 * dsr__pm_score, and faster than on float rows twice the size. */
typedef struct S_row {
	int16_t w[16];      /* NER_NLABELS used, padded for vector adds */
} S_row;

struct ner_model {
	uint32_t *keys;     /* open addressing, 0 = empty; rows[h] holds key h's weights */
	S_row *rows;
	size_t mask;        /* (the file's scale is one factor for all: argmax needs none) */
};

const struct ner_model *dsr__ner_model_load(void)
{
	uint32_t nfeat;
	float scale;
	unsigned char *raw = dsr__pm_unpack(dsr__ner_data, dsr__ner_end, "DSRNER1", NER_NLABELS,
					    &nfeat, &scale);
	if (!raw)
		return NULL;
	size_t row = 4 + 2 * (size_t)NER_NLABELS;
	struct ner_model *m = dsr_xcalloc(1, sizeof *m);
	size_t sz = 1;
	while (sz < (size_t)nfeat * 2 + 16)
		sz <<= 1;
	m->mask = sz - 1;
	m->keys = dsr_xcalloc(sz, sizeof *m->keys);
	m->rows = aligned_alloc(64, dsr_st_mult(sz, sizeof *m->rows));
	if (!m->rows)
		abort();
	memset(m->rows, 0, sz * sizeof *m->rows);
	const unsigned char *p = raw + 20;
	for (uint32_t k = 0; k < nfeat; k++, p += row) {
		uint32_t key;
		memcpy(&key, p, 4);
		size_t h = key & m->mask;
		while (m->keys[h])
			h = (h + 1) & m->mask;
		m->keys[h] = key;
		for (uint32_t l = 0; l < NER_NLABELS; l++) {
			int16_t q;
			memcpy(&q, p + 4 + 2 * l, 2);
			m->rows[h].w[l] = q;
		}
	}
	free(raw);
	return m;
}

void dsr__ner_model_free(const struct ner_model *m)
{
	if (!m)
		return;
	free(m->keys);
	free(m->rows);
	free((void *)m);
}

static const int16_t *S_weights(const struct ner_model *m, uint32_t key)
{
	for (size_t h = key & m->mask; m->keys[h]; h = (h + 1) & m->mask)
		if (m->keys[h] == key)
			return m->rows[h].w;
	return NULL;
}

/* Is label `l` allowed after `prev` (I-X only continues X)? */
bool dsr__ner_allowed(int prev, int l)
{
	if (l == 0 || (l & 1))
		return true; /* O and B-X */
	return prev == l || prev == l - 1;
}

static bool S_camel(const nlp_doc *d, size_t i);

static bool S_speaks(const uint32_t *w, size_t n, uint32_t h)
{
	for (size_t k = 0; k < n; k++)
		if (w[k] == h)
			return true;
	return false;
}

/* A lowercase dictionary word, not in a gazetteer name, without a hyphen or
 * a capital inside ("iPod", "al-Qaeda"): outside a name it starts none, so
 * after O the tagger is not asked: 60% of the BBC corpus's tokens, where the
 * model's answer differs on 0.05% of them (mostly "don" of "don't" as a
 * name); MEANTIME dev scores are unchanged. */
static bool S_plain_word(const nlp_doc *d, const uint8_t *gz, size_t i)
{
	const dsr_token *t = &d->tok[i];
	if ((t->flags & (DSR_TK_CAP | DSR_TK_UPPER | DSR_TK_NUM)) || gz[i] ||
	    !(t->lex & (LX_NOUN | LX_VERB | LX_ADJ | LX_ADV | LX_FUNC)) || S_camel(d, i))
		return false;
	return !memchr(d->low + t->start, '-', tk_len(d, i));
}

static void S_tag(const nlp_doc *d, const uint8_t *gz, int *lab)
{
	const struct ner_model *m = d->nlp->ner;
	uint32_t f[NER_MAXF];
	int prev = 0, prev2 = 0;
	for (size_t i = 0; i < d->ntok; i++) {
		if (d->tok[i].flags & DSR_TK_SSTART)
			prev = prev2 = 0;
		if (prev == 0 && S_plain_word(d, gz, i)) {
			lab[i] = 0;
			prev2 = prev;
			prev = 0;
			continue;
		}
		size_t nf = dsr__ner_features(d, gz, i, prev, prev2, f);
		for (size_t k = 0; k < nf; k++) { /* independent probes: fetch them together */
			__builtin_prefetch(&m->keys[f[k] & m->mask]);
			__builtin_prefetch(&m->rows[f[k] & m->mask]);
		}
		int32_t sc[16] = {0};
		for (size_t k = 0; k < nf; k++) {
			const int16_t *r = S_weights(m, f[k]);
			if (r)
				for (int l = 0; l < 16; l++)
					sc[l] += r[l];
		}
		int best = 0;
		for (int l = 1; l < NER_NLABELS; l++)
			if (dsr__ner_allowed(prev, l) && sc[l] > sc[best])
				best = l;
		lab[i] = best;
		prev2 = prev;
		prev = best;
	}
}

/* ---- spans, patterns and canonical names ---- */

/* A model designation: letters then digits, or digits then letters, with an
 * optional hyphen: S-400, Il-76, A380, Shahed-136, MiG-29, 9M723, T-90M. */
static bool S_designation(const nlp_doc *d, size_t i)
{
	const char *s = d->text + d->tok[i].start;
	size_t n = tk_len(d, i), letters = 0, digits = 0, caps = 0;
	if (n < 2 || n > 24)
		return false;
	for (size_t k = 0; k < n; k++) {
		char c = s[k];
		if (c >= '0' && c <= '9')
			digits++;
		else if ((c | 32) >= 'a' && (c | 32) <= 'z')
			letters++, caps += c >= 'A' && c <= 'Z';
		else if (c != '-')
			return false;
	}
	if (!digits || !letters || !caps)
		return false;
	/* not ordinals or decades: 5th, 1990s, 10am */
	if (s[0] >= '0' && s[0] <= '9' && letters <= 2 && !caps)
		return false;
	return true;
}

/* iPod, iPhone, eBay: a lowercase letter, then a capital, in one word. */
static bool S_camel(const nlp_doc *d, size_t i)
{
	const char *s = d->text + d->tok[i].start;
	size_t n = tk_len(d, i);
	return n >= 3 && n <= 20 && s[0] >= 'a' && s[0] <= 'z' && s[1] >= 'A' && s[1] <= 'Z' &&
	       s[2] >= 'a' && s[2] <= 'z';
}

/* A capitalised everyday word, no part of a name by itself ("Foreign",
 * "Acting", "Prime"). */
static bool S_common_word(const nlp_doc *d, size_t i)
{
	uint32_t x = d->tok[i].lex;
	if (x & (LX_NAMECLASS | LX_ORGSUF))
		return false;
	if (x & (LX_NOUN | LX_ADJ | LX_VERB))
		return true;
	/* a verb's -ing or -ed form the lexicon lists by its lemma: "Presiding" */
	size_t l = tk_len(d, i);
	const char *w = d->low + d->tok[i].start;
	if (l < 6 || (memcmp(w + l - 3, "ing", 3) && memcmp(w + l - 2, "ed", 2)))
		return false;
	char lem[32];
	size_t ll = dsr__lemma(d->nlp, w, l, true, lem, sizeof lem);
	return ll != l && (dsr__lx_cls(d->nlp, lem, ll) & LX_VERB);
}

static bool S_title_word(const nlp_doc *d, size_t i);

/* Are tokens [a, b) describing words that open a title ("Prime Minister",
 * "Acting Foreign Minister", "Presiding Judge")? */
static bool S_opens_title(const nlp_doc *d, size_t a, size_t b)
{
	size_t k = a;
	while (k < d->ntok && k < a + 3 && (k < b || !S_title_word(d, k)) && S_common_word(d, k) &&
	       (d->tok[k].flags & DSR_TK_CAP) && (d->tok[k].lex & (LX_ADJ | LX_VERB)))
		k++;
	return k >= b && k < d->ntok && S_title_word(d, k);
}

/* A capitalised title word that goes before a person's name; not the few
 * that also begin organisations' names ("General Electric", "Chief
 * Executive Office", "Head Start"). */
static bool S_title_word(const nlp_doc *d, size_t i)
{
	static const char *const org_first[] = {"general", "justice", "chief", "executive", "head",
						"director", "leader", "union", "service", NULL};
	if (!(d->tok[i].lex & LX_TITLE) || !(d->tok[i].flags & DSR_TK_CAP))
		return false;
	for (size_t k = 0; org_first[k]; k++)
		if (dsr__tk_is(d, i, org_first[k]))
			return false;
	return true;
}

/* The kind of name whose possessions follow token b ("'s parliament": a
 * place; "'s shares": a firm), or DSR_E_NONE. */
static dsr_etype S_owns(const nlp_doc *d, size_t b)
{
	if (b + 1 >= d->ntok || !dsr__tk_poss(d, b))
		return DSR_E_NONE;
	static const char *const polity[] = {
		"parliament", "government", "president", "prime", "capital", "army", "navy",
		"military", "economy", "people", "citizens", "ministry", "minister", "constitution",
		"border", "borders", "population", NULL};
	static const char *const firm[] = {
		"shares", "profits", "profit", "chief", "executive", "boss", "accounts", "board",
		"shareholders", "revenue", "revenues", "sales", "founder", "employees", "staff",
		"stock", "earnings", NULL};
	return dsr__tk_in(d, b + 1, polity) ? DSR_E_GPE
	     : dsr__tk_in(d, b + 1, firm) ? DSR_E_ORG
	     : DSR_E_NONE;
}

static dsr_etype S_map(const nlp_doc *d, int type, size_t a, size_t b)
{
	uint32_t cls = 0;
	if (b - a == 1)
		cls = d->tok[a].lex;
	else
		S_phrase(d, a, &cls);
	switch (type) {
	case 0: return DSR_E_PERSON;
	case 1: return DSR_E_ORG;
	case 2: return (cls & LX_FAC) ? DSR_E_FAC : (cls & (LX_COUNTRY | LX_PLACE)) || b - a == 1 ? DSR_E_GPE : DSR_E_LOC;
	case 3: return (cls & LX_COUNTRY) ? DSR_E_GPE : DSR_E_NORP;
	case 4: return (cls & (LX_COUNTRY | LX_PLACE)) ? DSR_E_GPE : DSR_E_EQUIPMENT; /* "UK advertising giant" */
	case 5: return DSR_E_EVENT;
	default: return DSR_E_OTHER;
	}
}

typedef struct S_ent {
	size_t a, b;          /* tokens [a, b) */
	dsr_etype type;
	int canon;            /* index of the mention whose name is canonical */
	char *key;            /* lowercased letters and digits of the name */
	uint32_t cut;         /* bytes of the last token not in the name ("-made") */
	bool run;             /* a capitalised run the tagger left out (S_runs) */
} S_ent;

static char *S_key(dsr_arena *ar, const char *s, size_t n)
{
	char *k = dsr_arena_alloc(ar, n + 1);
	size_t o = 0;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80)
			k[o++] = (char)c;
		else if (c >= 'A' && c <= 'Z')
			k[o++] = (char)(c + 32);
	}
	k[o] = 0;
	return k;
}

/* Text of the name without a leading "the" and a trailing "'s". */
static void S_trim(const nlp_doc *d, size_t *a, size_t *b)
{
	/* no name begins or ends with punctuation or a lowercase joining word:
	 * "iMac," "iPod and" are the tagger running on */
	while (*b > *a + 1 && ((d->tok[*b - 1].flags & DSR_TK_PUNCT) ||
			       (!(d->tok[*b - 1].flags & DSR_TK_CAP) && (d->tok[*b - 1].lex & LX_FUNC))))
		(*b)--;
	while (*b > *a + 1 && (d->tok[*a].flags & DSR_TK_PUNCT))
		(*a)++;
	if (*b - *a > 1 && dsr__tk_is(d, *a, "the"))
		(*a)++;
	if (*b - *a > 1 && dsr__tk_poss(d, *b - 1))
		(*b)--;
}

static bool S_initials(const nlp_doc *d, const S_ent *full, const char *acr, size_t al)
{
	size_t k = 0;
	for (size_t i = full->a; i < full->b && k <= al; i++) {
		const char *s = d->text + d->tok[i].start;
		if (d->tok[i].lex & LX_FUNC)
			continue; /* of, and, the */
		if (!(d->tok[i].flags & DSR_TK_CAP))
			return false;
		if (k >= al || (s[0] | 32) != (acr[k] | 32))
			return false;
		k++;
	}
	return k == al;
}

/* ---- a small hash index over the article's names, so that every pass
 * over names stays linear in the article (hostile text can hold a million
 * capitalised words) ---- */

typedef struct S_idx {
	uint64_t *key;        /* 0 = empty */
	int32_t *val;
	size_t mask;
} S_idx;

static void S_idx_init(S_idx *m, dsr_arena *a, size_t n)
{
	size_t sz = 16;
	while (sz < 2 * n + 16)
		sz <<= 1;
	m->mask = sz - 1;
	m->key = dsr_arena_alloc(a, sz * sizeof *m->key);
	m->val = dsr_arena_alloc(a, sz * sizeof *m->val);
	memset(m->key, 0, sz * sizeof *m->key);
}

/* The value slot of key k (created as -1 when add), or NULL. */
static int32_t *S_idx_at(S_idx *m, uint64_t k, bool add)
{
	size_t h = (size_t)(k ^ (k >> 29)) & m->mask;
	for (; m->key[h]; h = (h + 1) & m->mask)
		if (m->key[h] == k)
			return &m->val[h];
	if (!add)
		return NULL;
	m->key[h] = k;
	m->val[h] = -1;
	return &m->val[h];
}

/* Hash of the exact words of tokens [a, b) and how they are glued, grown
 * one token at a time: S_span_step(S_span_step(0, d, a, a), d, a+1, a)... */
static uint64_t S_span_step(uint64_t h, const nlp_doc *d, size_t k, size_t a)
{
	if (k == a)
		h = 1469598103934665603ULL;
	else
		h = (h ^ (d->tok[k].start == d->tok[k - 1].end ? 1u : 2u)) * 1099511628211ULL;
	for (uint32_t i = d->tok[k].start; i < d->tok[k].end; i++)
		h = (h ^ (unsigned char)d->text[i]) * 1099511628211ULL;
	return h ? h : 1;
}

static uint64_t S_span_hash(const nlp_doc *d, size_t a, size_t b)
{
	uint64_t h = 0;
	for (size_t k = a; k < b; k++)
		h = S_span_step(h, d, k, a);
	return h;
}

static uint64_t S_str_hash(const char *s)
{
	uint64_t h = dsr_hash64(s, strlen(s), 3);
	return h ? h : 1;
}

/* Earlier distinct names compared by the looser rules below (surname,
 * acronym, short form): the most recent ones, so the cost stays linear. */
#define S_ROOTS 256

static void S_canon_one(nlp_doc *d, S_ent *e, size_t i, S_idx *bykey, const size_t *roots,
			size_t nroots);

static void S_canonical(nlp_doc *d, S_ent *e, size_t n)
{
	S_idx bykey;
	S_idx_init(&bykey, d->arena, n);
	size_t roots[S_ROOTS], nroots = 0;
	for (size_t i = 0; i < n; i++) {
		e[i].canon = (int)i;
		e[i].key = S_key(d->arena, d->text + d->tok[e[i].a].start,
				 d->tok[e[i].b - 1].end - e[i].cut - d->tok[e[i].a].start);
	}
	for (size_t i = 0; i < n; i++) {
		S_ent *x = &e[i];
		if (i)
			S_canon_one(d, e, i, &bykey, roots, nroots);
		if (x->canon == (int)i) {
			*S_idx_at(&bykey, S_str_hash(x->key), true) = (int32_t)i;
			roots[nroots++ % S_ROOTS] = i;
		}
	}
	/* chains resolve to their root */
	for (size_t i = 0; i < n; i++) {
		int c = e[i].canon;
		for (int guard = 0; e[c].canon != c && guard < 64; guard++)
			c = e[c].canon;
		e[i].canon = c;
	}
}

/* Words that may lie between a name and the cue of an alias it is given. */
static const char *const S_alias_gap[] = {",", "(", "\"", "\xe2\x80\x9c", "also", "now", "often",
					  "sometimes", "formerly", "commonly", "officially", "widely",
					  "is", "are", "was", "were", "be", "been", "being", "the", NULL};

/* Finds the earlier name that mention i is another form of (sets canon). */
static void S_canon_one(nlp_doc *d, S_ent *e, size_t i, S_idx *bykey, const size_t *roots,
			size_t nroots)
{
	{
		S_ent *x = &e[i];
		/* an acronym in parentheses after a name: "Foo Bar Corps (FBC)" */
		if (i > 0 && x->b - x->a == 1 && x->a >= 1 && dsr__tk_is(d, x->a - 1, "(") &&
		    e[i - 1].b == x->a - 1 && (d->tok[x->a].flags & DSR_TK_UPPER)) {
			x->canon = e[i - 1].canon;
			x->type = e[i - 1].type; /* "(ECB)" is what it stands for */
			return;
		}
		/* aliases the text states: "X, known as Y", "dubbed Y", "renamed Y" */
		if (i > 0 && x->a >= 2) {
			size_t p = x->a;
			/* "known as the Sea Warden", known inside the company as "the Lantern" */
			while (p >= 3 && (dsr__tk_is(d, p - 1, "the") || dsr__tk_is(d, p - 1, "\"") ||
					  dsr__tk_is(d, p - 1, "\xe2\x80\x9c")) && x->a - p < 3)
				p--;
			static const char *const cues[] = {"dubbed", "renamed", "nicknamed", "called",
							   "named", NULL};
			bool alias = false, passive = false; /* "known as" needs no comma */
			size_t at = p - 1; /* the cue's first token */
			if (dsr__tk_is(d, p - 1, "as"))
				for (size_t k = p - 1; k-- > 0 && p - 1 - k <= 4 && !alias;)
					if ((alias = passive = dsr__tk_is(d, k, "known")))
						at = k;
			for (size_t c = 0; cues[c] && !alias; c++)
				if (dsr__tk_is(d, p - 1, cues[c]) ||
				    (dsr__tk_is(d, p - 1, "\"") && dsr__tk_is(d, p - 2, cues[c]))) {
					alias = true;
					at = dsr__tk_is(d, p - 1, "\"") ? p - 2 : p - 1;
				}
			if (p >= 3 && dsr__tk_is(d, p - 1, "name") &&
			    (dsr__tk_is(d, p - 2, "the") || dsr__tk_is(d, p - 2, "a"))) {
				alias = passive = true;
				at = p - 2;
			}
			/* it names the name just before, in the same sentence, when
			 * only a comma, a form of "be", an adverb or the thing's noun
			 * lie between: "the Kestrel-9 drones, known as", "X, dubbed",
			 * "X is called"; not "X, who called Y a liar", "X called Y"
			 * (X spoke to Y), "the navy tested a drone called Y" */
			if (alias) {
				size_t j = i - 1;
				bool ok = e[j].b <= at && (e[j].type == x->type ||
							   x->type == DSR_E_EQUIPMENT ||
							   e[j].type == DSR_E_EQUIPMENT);
				size_t nouns = 0, gap = 0;
				for (size_t t = e[j].b; ok && t < at; t++, gap++) {
					if (d->tok[t].flags & DSR_TK_SSTART)
						ok = false;
					else if (dsr__tk_in(d, t, S_alias_gap))
						continue;
					else if (dsr__tk_common_noun(d, t) && nouns++ < 2)
						continue;
					else
						ok = false;
				}
				if (ok && (gap || passive)) {
					x->canon = e[j].canon;
					x->type = e[j].type;
					return;
				}
			}
		}
		/* same letters ("Amir-Abdollahian" / "Amir Abdollahian", "the Post") */
		int32_t *same = S_idx_at(bykey, S_str_hash(x->key), false);
		if (same && !strcmp(e[*same].key, x->key)) {
			x->canon = *same;
			return;
		}
		size_t first = nroots > S_ROOTS ? nroots - S_ROOTS : 0;
		for (size_t r = first; r < nroots; r++) {
			size_t j = roots[r % S_ROOTS];
			S_ent *y = &e[j];
			size_t xl = strlen(x->key), yl = strlen(y->key);
			/* a surname, or the tail of a longer name */
			if (x->type == DSR_E_PERSON && y->type == DSR_E_PERSON && xl < yl && xl >= 4 &&
			    !strcmp(y->key + yl - xl, x->key)) {
				x->canon = (int)j;
				break;
			}
			/* a later acronym of an earlier name */
			if ((d->tok[x->a].flags & DSR_TK_UPPER) && x->b - x->a == 1 && y->b - y->a >= 2 &&
			    S_initials(d, y, d->text + d->tok[x->a].start, tk_len(d, x->a))) {
				x->canon = (int)j;
				x->type = y->type;
				break;
			}
			/* a shorter form of an organisation: "Norvik" for "Norvik Aerospace" */
			if (x->type == DSR_E_ORG && y->type == DSR_E_ORG && xl >= 4 && xl < yl &&
			    !strncmp(y->key, x->key, xl) && x->b - x->a < y->b - y->a) {
				x->canon = (int)j;
				break;
			}
		}
	}
}

/* "Harbor" + "Gazette", "Norvik" + "Aerospace": a name followed at once by
 * an organisation word the tagger split off is one organisation's name. */
static bool S_has_digit(const nlp_doc *d, size_t a, size_t b)
{
	for (size_t i = a; i < b; i++)
		for (uint32_t k = d->tok[i].start; k < d->tok[i].end; k++)
			if (d->text[k] >= '0' && d->text[k] <= '9')
				return true;
	return false;
}

/* "Norvik" + "Aerospace": a name and a company word are one company */
static size_t S_join_suffix(const nlp_doc *d, S_ent *e, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		if (w && e[i].a == e[w - 1].b && e[i].b - e[i].a == 1 &&
		    (d->tok[e[i].a].lex & LX_ORGSUF) && (d->tok[e[i].a].flags & DSR_TK_CAP) &&
		    (e[w - 1].type != DSR_E_EQUIPMENT || !S_has_digit(d, e[w - 1].a, e[w - 1].b))) {
			e[w - 1].b = e[i].b;
			e[w - 1].type = DSR_E_ORG;
			continue;
		}
		e[w++] = e[i];
	}
	return w;
}

/* a name beginning with one of these is a place's institution or index
 * ("US Air Force", "the British index"), never a product or an index name */
#define S_PLACEY (LX_COUNTRY | LX_PLACE | LX_NORP)

/* "index", "indexes", "indices", "average": what a market index is called */
static bool S_index_word(const nlp_doc *d, size_t i)
{
	static const char *const w[] = {"index", "indexes", "indices", "average", NULL};
	for (size_t k = 0; w[k]; k++)
		if (dsr__tk_is(d, i, w[k]))
			return true;
	return false;
}

/* Is token i a kind of product ("sedan", "computers")? */
static bool S_product_noun(const nlp_doc *d, size_t i)
{
	char lem[32];
	size_t l = dsr__lemma(d->nlp, d->low + d->tok[i].start, tk_len(d, i), false, lem, sizeof lem);
	return dsr__lx_cls(d->nlp, lem, l) & LX_PRODUCT;
}

/* The one name of a country that the mention text [s, s + l) (tokens from
 * a) is another form of: "Russian Federation", "USA" and "Britain" give
 * Russia, United States and United Kingdom (the lexicon's "=" forms, from
 * iso-codes and WordNet); NULL for any other text. */
static const char *S_country_name(nlp_doc *d, size_t a, const char *s, size_t l)
{
	if (l > 80 || !(d->tok[a].lex & (LX_PLACE | LX_COUNTRY | LX_HEAD)))
		return NULL;
	return dsr__lx_country(d->nlp, d->arena, d->low + (s - d->text), l, false);
}

/*
 * News introduces people by their full name: a lone capitalised word the
 * tagger calls a person, with no title before it and no longer name ending
 * in it, is far more often a company ("Ryanair"). A lone word called a place
 * that no gazetteer knows, outside "in/from/to X" or wherever the article
 * has it speak (speakers: hashes of such words), likewise.
 */
static void S_retype(nlp_doc *d, S_ent *e, size_t n, const uint32_t *speakers, size_t nspeak)
{
	for (size_t i = 0; i < n; i++) {
		/* the lexicon and the last word decide between place and organisation */
		uint32_t cls = 0;
		if (e[i].b - e[i].a == 1)
			cls = d->tok[e[i].a].lex;
		else if (S_phrase(d, e[i].a, &cls) != e[i].b - e[i].a)
			cls = 0;
		static const char *const facs[] = {"airport", "airbase", "base", "bridge", "station",
						   "stadium", "hospital", "harbor", "harbour", "palace",
						   "tower", "square", "street", "avenue", "plant", "factory",
						   "shipyard", "dam", "canal", "pipeline", NULL};
		bool fac = false;
		for (size_t k = 0; facs[k] && e[i].b - e[i].a > 1; k++)
			fac = fac || dsr__tk_is(d, e[i].b - 1, facs[k]);
		/* land and water: "Cape Morrow", "Lake Tarn", "Tarn River", "Gulf of X" */
		static const char *const geo_first[] = {"cape", "mount", "lake", "gulf", "strait",
							"isle", "mt.", NULL};
		static const char *const geo_last[] = {"river", "lake", "island", "islands", "bay",
						       "gulf", "strait", "sea", "ocean", "mountains",
						       "valley", "peninsula", "desert", "coast", NULL};
		bool geo = false;
		if (e[i].b - e[i].a > 1) {
			for (size_t k = 0; geo_first[k]; k++)
				geo = geo || dsr__tk_is(d, e[i].a, geo_first[k]);
			for (size_t k = 0; geo_last[k]; k++)
				geo = geo || dsr__tk_is(d, e[i].b - 1, geo_last[k]);
		}
		/* gatherings and contests: "Velmont Air Show", "Tarn Developers Conference" */
		static const char *const evw[] = {"conference", "summit", "show", "expo", "festival",
						  "games", "olympics", "championship", "championships",
						  "cup", "marathon", "war", NULL};
		bool ev = false;
		for (size_t k = 0; evw[k] && e[i].b - e[i].a > 1; k++)
			ev = ev || dsr__tk_is(d, e[i].b - 1, evw[k]);
		if (ev)
			e[i].type = DSR_E_EVENT;
		else if (fac)
			e[i].type = DSR_E_FAC;
		else if ((e[i].type == DSR_E_ORG || e[i].type == DSR_E_GPE) && (cls & LX_COUNTRY))
			e[i].type = DSR_E_GPE; /* "Russian Federation": "Federation" ends no company here */
		else if (d->tok[e[i].b - 1].lex & LX_ORGSUF)
			e[i].type = DSR_E_ORG; /* "Gulf Oil Corp", "Lake Forest College" */
		else if (geo)
			e[i].type = DSR_E_LOC;
		else if (e[i].type == DSR_E_ORG && (cls & LX_FAC) && !(cls & LX_ORG))
			e[i].type = DSR_E_FAC;
		else if (e[i].type == DSR_E_ORG && (cls & LX_PLACE) && !(cls & LX_ORG) &&
			 (e[i].b - e[i].a > 1 || (d->tok[e[i].a].flags & DSR_TK_UPPER)))
			e[i].type = DSR_E_GPE;
		/* a place word that is also an adjective, before a common noun,
		 * is its people's or region's adjective: "Western | diplomats"
		 * (as "Iranian | officials"), not the place */
		if (e[i].type == DSR_E_GPE && e[i].b - e[i].a == 1 && (cls & LX_ADJ) &&
		    !(cls & (LX_COUNTRY | LX_NORP | LX_ORG)) && e[i].b < d->ntok &&
		    dsr__tk_common_noun(d, e[i].b))
			e[i].type = DSR_E_NORP;
	}
	/* a name right before a kind of product ("the Tarvo sedan", "Quill
	 * laptops") names the product, in every mention, unless the lexicon
	 * knows it as a company, it begins with a place ("US Air Force
	 * tanker"), it ends in an organisation word, or the article has it act
	 * as a maker: speak, own ("Tarvo's"), make ("built by Tarvo") */
	S_idx kind, maker; /* kind: name -> the type every mention of it takes */
	S_idx_init(&kind, d->arena, n);
	S_idx_init(&maker, d->arena, n);
	for (size_t i = 0; i < n; i++) {
		size_t a = e[i].a, b = e[i].b;
		bool own = b < d->ntok && (dsr__tk_poss(d, b) || dsr__tk_is(d, b, "'"));
		if (own || (a > 0 && dsr__tk_is(d, a - 1, "by")))
			*S_idx_at(&maker, S_span_hash(d, a, b), true) = (int32_t)i;
	}
	size_t nkind = 0;
	for (size_t i = 0; i < n; i++) {
		size_t a = e[i].a, b = e[i].b;
		if (b >= d->ntok || (e[i].type != DSR_E_ORG && e[i].type != DSR_E_PERSON) ||
		    (d->tok[b].flags & DSR_TK_CAP) || !(d->tok[b].flags & DSR_TK_WORD) ||
		    (d->tok[b - 1].lex & LX_ORGSUF) || (d->tok[a].lex & (LX_ORG | S_PLACEY)) ||
		    S_speaks(speakers, nspeak, d->hw[a]) ||
		    S_idx_at(&maker, S_span_hash(d, a, b), false))
			continue;
		size_t tl = tk_len(d, b - 1);
		if (tl > 6 && !memcmp(d->low + d->tok[b - 1].end - 6, "-based", 6))
			continue; /* "Velmont-based car plant" */
		if (!S_product_noun(d, b))
			continue;
		*S_idx_at(&kind, S_span_hash(d, a, b), true) = DSR_E_EQUIPMENT;
		nkind++;
	}
	/* a market index ("the Varda 50 index", "the Kessel Composite fell 80
	 * points"): OTHER (no company, no product) */
	for (size_t i = 0; i < n; i++) {
		size_t b = e[i].b;
		if (d->tok[e[i].a].lex & S_PLACEY)
			continue; /* "the UK's index", "the British index" */
		bool is = S_index_word(d, b - 1) || (b < d->ntok && S_index_word(d, b)) ||
			  (b + 1 < d->ntok && S_index_word(d, b + 1) && !(d->tok[b].flags & DSR_TK_PUNCT));
		/* "... fell 80 points", within the clause that follows */
		for (size_t k = b; !is && k + 1 < d->ntok && k < b + 8; k++) {
			if ((d->tok[k].flags & DSR_TK_SSTART) || dsr__tk_is(d, k, ",") ||
			    dsr__tk_is(d, k, ";"))
				break;
			is = (d->tok[k].flags & DSR_TK_NUM) && dsr__tk_is(d, k + 1, "points");
		}
		if (is) {
			/* "Varda 50 index": the number is part of the name */
			if (b + 1 < d->ntok && (d->tok[b].flags & DSR_TK_NUM) && tk_len(d, b) <= 4 &&
			    S_index_word(d, b + 1) && !dsr__tk_is(d, b + 1, "average") &&
			    (i + 1 == n || e[i + 1].a > b))
				e[i].b = b + 1;
			*S_idx_at(&kind, S_span_hash(d, e[i].a, e[i].b), true) = DSR_E_OTHER;
			nkind++;
		}
	}
	/* a "person" whose first word is a company the article names (alone,
	 * or first in "Orvel Motor Company") and whose last is a place: its
	 * branch abroad ("Orvel Australia") */
	S_idx firm;
	S_idx_init(&firm, d->arena, n);
	for (size_t i = 0; i < n; i++)
		if (e[i].type == DSR_E_ORG && (e[i].b - e[i].a == 1 || (d->tok[e[i].b - 1].lex & LX_ORGSUF)))
			*S_idx_at(&firm, S_span_hash(d, e[i].a, e[i].a + 1), true) = (int32_t)i;
	for (size_t i = 0; i < n; i++) {
		size_t a = e[i].a, b = e[i].b;
		if (e[i].type != DSR_E_PERSON || b - a < 2 || !(d->tok[b - 1].lex & (LX_COUNTRY | LX_PLACE)) ||
		    !S_idx_at(&firm, S_span_hash(d, a, a + 1), false))
			continue;
		*S_idx_at(&kind, S_span_hash(d, a, b), true) = DSR_E_ORG;
		nkind++;
	}
	/* in every mention */
	for (size_t i = 0; i < n && nkind; i++) {
		int32_t *t = S_idx_at(&kind, S_span_hash(d, e[i].a, e[i].b), false);
		if (t)
			e[i].type = (dsr_etype)*t;
	}
	/* the last word of each person named in full, with where it first appears */
	S_idx last;
	S_idx_init(&last, d->arena, n);
	for (size_t j = 0; j < n; j++) {
		if (e[j].type != DSR_E_PERSON || e[j].b - e[j].a < 2)
			continue;
		int32_t *at = S_idx_at(&last, S_span_hash(d, e[j].b - 1, e[j].b), true);
		if (*at < 0)
			*at = (int32_t)j;
	}
	for (size_t i = 0; i < n; i++) {
		if (e[i].b - e[i].a != 1)
			continue;
		size_t a = e[i].a;
		bool title = a > 0 && (d->tok[a - 1].lex & LX_TITLE);
		int32_t *full = S_idx_at(&last, S_span_hash(d, a, a + 1), false);
		/* the surname of a person named in full earlier */
		if (full && (size_t)*full < i) {
			e[i].type = DSR_E_PERSON;
			continue;
		}
		/* "the Velsen administration": a lone name before it is the person
		 * who leads it, unless the lexicon knows a place or a group */
		if ((e[i].type == DSR_E_ORG || e[i].type == DSR_E_PERSON) && a + 1 < d->ntok &&
		    (dsr__tk_is(d, a + 1, "administration") || dsr__tk_is(d, a + 1, "presidency")) &&
		    !(d->tok[a].lex & (S_PLACEY | LX_ORG))) {
			e[i].type = DSR_E_PERSON;
			continue;
		}
		if (e[i].type == DSR_E_PERSON && !title) {
			if (!full)
				e[i].type = DSR_E_ORG;
		} else if (e[i].type == DSR_E_GPE && !(d->tok[a].lex & (LX_PLACE | LX_COUNTRY))) {
			static const char *const preps[] = {"in", "from", "to", "near", "across", "of", NULL};
			bool prep = false;
			for (size_t k = 0; preps[k] && a > 0; k++)
				prep = prep || dsr__tk_is(d, a - 1, preps[k]);
			/* "a stake in Corvath", "shares in Corvath": a company */
			static const char *const owns[] = {"stake", "stakes", "share", "shares",
							   "interest", "investment", "holding",
							   "invest", "invested", "investing", NULL};
			for (size_t k = 0; owns[k] && prep && a > 1; k++)
				if (dsr__tk_is(d, a - 1, "in") && dsr__tk_is(d, a - 2, owns[k]))
					prep = false;
			/* a name that speaks elsewhere ("Corvath said") is no town
			 * even after "in" */
			/* ... nor one whose parliament is spoken of */
			if ((!prep || S_speaks(speakers, nspeak, d->hw[a])) &&
			    S_owns(d, e[i].b) != DSR_E_GPE)
				e[i].type = DSR_E_ORG;
		}
	}
}

static size_t S_headline_end(const nlp_doc *d);
static int S_cmp_ent(const void *x, const void *y);

/*
 * Capitalised runs the tagger left out ("Apple" where "apple" is also a
 * common noun): outside the headline, not at a sentence start unless the
 * word is no common word, without title words; typed by the lexicon, else
 * as organisations (the commonest unknown name in news).
 */
static size_t S_runs(const nlp_doc *d, S_ent *e, size_t n, const int *lab0)
{
	size_t hl = S_headline_end(d), n0 = n;
	int *lab = dsr_arena_alloc(d->arena, (d->ntok + 1) * sizeof *lab);
	memcpy(lab, lab0, d->ntok * sizeof *lab);
	for (size_t i = 0; i < n; i++)
		for (size_t k = e[i].a; k < e[i].b; k++)
			lab[k] = 1;
	const uint32_t skip = LX_FUNC | LX_MONTH | LX_WEEKDAY | LX_TITLE | LX_REPORT;
	for (size_t i = hl; i < d->ntok; i++) {
		const dsr_token *t = &d->tok[i];
		/* "US" in capitals is no pronoun */
		bool caps = (t->flags & DSR_TK_UPPER) && tk_len(d, i) >= 2 && (t->lex & (LX_COUNTRY | LX_PLACE));
		if (lab[i] != 0 || !(t->flags & DSR_TK_CAP) || !(t->flags & DSR_TK_WORD) ||
		    ((t->lex & skip) && !caps))
			continue;
		/* a common word in capitals opens a sentence or a quotation,
		 * unless a name goes on after it ("Apple Computer announced",
		 * "the \"Sea Lantern\"") */
		bool goes_on = i + 1 < d->ntok && lab[i + 1] == 0 &&
			       (d->tok[i + 1].flags & DSR_TK_CAP) && (d->tok[i + 1].flags & DSR_TK_WORD) &&
			       !(d->tok[i + 1].lex & skip) && !(d->tok[i + 1].flags & DSR_TK_SSTART) &&
			       !(t->lex & (LX_VERB | LX_ADJ | LX_ADV));
		if ((t->flags & DSR_TK_SSTART) && (t->lex & (LX_NOUN | LX_VERB | LX_ADJ | LX_ADV)) &&
		    !goes_on)
			continue;
		if (i > 0 && (d->tok[i - 1].flags & DSR_TK_PUNCT) &&
		    strchr(":\"'`(", d->text[d->tok[i - 1].start]) && (t->lex & (LX_NOUN | LX_ADJ)) &&
		    !goes_on)
			continue;
		size_t j = i + 1;
		while (j < d->ntok && lab[j] == 0 && (d->tok[j].flags & DSR_TK_CAP) &&
		       (d->tok[j].flags & DSR_TK_WORD) && !(d->tok[j].lex & skip) &&
		       !(d->tok[j].flags & DSR_TK_SSTART))
			j++;
		if (S_opens_title(d, i, j))
			continue;
		/* a lone common word in capitals at a sentence start: skip */
		if (n < d->ntok) {
			uint32_t cls = j - i == 1 ? t->lex : 0;
			if (j - i > 1)
				S_phrase(d, i, &cls);
			dsr_etype ty = (cls & LX_COUNTRY) || (cls & LX_PLACE) ? DSR_E_GPE
				     : (cls & LX_NORP) && j - i == 1 ? DSR_E_NORP
				     : (cls & LX_PERSON) && j - i > 1 ? DSR_E_PERSON
				     : DSR_E_ORG;
			e[n++] = (S_ent){i, j, ty, 0, NULL, 0, true};
		}
		i = j - 1;
	}
	if (n > n0)
		qsort(e, n, sizeof *e, S_cmp_ent);
	return n;
}

/* A common word written as a name: a noun or an adjective of the
 * lexicon that is no name of its own ("Forum", "Digital"); `adj`: an
 * adjective. */
static bool S_name_word(const nlp_doc *d, size_t i, bool adj)
{
	const uint32_t names = LX_COUNTRY | LX_PLACE | LX_PERSON | LX_NORP | LX_EVENT | LX_FAC;
	uint32_t lex = d->tok[i].lex;
	return (d->tok[i].flags & (DSR_TK_CAP | DSR_TK_UPPER)) == DSR_TK_CAP &&
	       (lex & (adj ? LX_ADJ : LX_NOUN | LX_ADJ)) && !(lex & (names | LX_TITLE));
}

static size_t S_origin_word(const nlp_doc *d, size_t i);

/*
 * Two names side by side in a sentence that are one organisation's name
 * the tagger cut: a run it left out and the name it found after it,
 * when that is an organisation or one common noun written as a name
 * ("World Economic" + "Forum", which it took for an artefact); and an
 * organisation and one or two adjectives written as names after it
 * ("Harbor News" + "Digital", "Tarn Times" + "Online").
 */
static size_t S_glue_runs(const nlp_doc *d, S_ent *e, size_t n)
{
	size_t w = 0;
	for (size_t i = 0; i < n; i++) {
		S_ent *x = w ? &e[w - 1] : NULL, *y = &e[i];
		if (x && x->b == y->a && !(d->tok[y->a].flags & DSR_TK_SSTART) && x->type == DSR_E_ORG) {
			bool glue = false;
			if (x->run && !y->run && !dsr__tk_shouted(d, x->a, x->b) && !S_origin_word(d, x->b - 1))
				glue = y->type == DSR_E_ORG ||
				       (y->b - y->a == 1 && y->type == DSR_E_EQUIPMENT &&
					S_name_word(d, y->a, false) && !S_designation(d, y->a));
			if (!glue && y->b - y->a <= 2 &&
			    (y->type == DSR_E_ORG || y->type == DSR_E_NORP || y->type == DSR_E_EQUIPMENT)) {
				glue = true;
				for (size_t k = y->a; k < y->b && glue; k++)
					glue = S_name_word(d, k, true);
			}
			if (glue) {
				x->b = y->b;
				x->run = false;
				continue;
			}
		}
		e[w++] = *y;
	}
	return w;
}

/* The end (token index) of a title-cased headline paragraph, or 0. */
static size_t S_headline_end(const nlp_doc *d)
{
	size_t k = 1, words = 0, caps = 0;
	while (k < d->ntok && !(d->tok[k].flags & DSR_TK_PARA))
		k++;
	if (k > 40 || k == d->ntok)
		return 0;
	for (size_t i = 0; i < k; i++) {
		if (!(d->tok[i].flags & DSR_TK_WORD) || (d->tok[i].lex & LX_FUNC))
			continue;
		words++;
		caps += (d->tok[i].flags & DSR_TK_CAP) != 0;
	}
	return words >= 2 && caps * 10 >= words * 7 ? k : 0;
}

static int S_cmp_ent(const void *x, const void *y)
{
	const S_ent *a = x, *b = y;
	return a->a < b->a ? -1 : a->a > b->a;
}

/*
 * One name, one type per article: names found outside the headline vote
 * for their type; every other occurrence of the same words (headline
 * included) becomes a mention of that type. Headline names nobody else
 * supports are dropped unless the lexicon knows them.
 */
/* A distinct name of the article and what its mentions say it is. */
typedef struct S_group {
	int votes[DSR_E__COUNT];
	dsr_etype spread;     /* the type its other occurrences get */
	uint8_t len;          /* tokens; 0 = never spread */
	bool body;            /* mentioned outside the headline */
	bool seen;
} S_group;

#define S_SPREAD_MAX 8    /* longer names are not searched for elsewhere */

static int S_cmp_u32(const void *x, const void *y)
{
	uint32_t a = *(const uint32_t *)x, b = *(const uint32_t *)y;
	return (a > b) - (a < b);
}

/* A compound ending in a participle of making, backing or basing
 * ("Corvel-made", "EADS-led", "Chicago-based"): the length of the name
 * before its hyphen, else 0. */
static size_t S_origin_word(const nlp_doc *d, size_t i)
{
	static const char *const part[] = {"made", "built", "run", "led", "held", "born", "grown",
					   "style", NULL};
	const char *s = d->text + d->tok[i].start, *lo = d->low + d->tok[i].start;
	size_t n = tk_len(d, i), h = n;
	while (h > 0 && s[h - 1] != '-')
		h--;
	if (h < 2 || h >= n || s[h] < 'a' || s[h] > 'z')
		return 0;
	size_t m = n - h;
	if (m >= 4 && !memcmp(lo + n - 2, "ed", 2))
		return h - 1;
	for (const char *const *p = part; *p; p++)
		if (strlen(*p) == m && !memcmp(lo + h, *p, m))
			return h - 1;
	return 0;
}

/*
 * A lone word at the start of a sentence is capitalised by position only:
 * "Deliveries would begin", "Residents said". When the word is a common
 * word, not a known name, and never written capitalised inside a
 * sentence of the article, it is not a name.
 */
static size_t S_drop_common(const nlp_doc *d, S_ent *e, size_t n)
{
	const uint32_t names = LX_COUNTRY | LX_PLACE | LX_PERSON | LX_ORG | LX_EVENT | LX_FAC |
			       LX_NORP | LX_ORGSUF;
	size_t w = 0, nmid = 0;
	uint32_t *mid = NULL;
	for (size_t i = 0; i < n; i++) {
		size_t a = e[i].a;
		const dsr_token *t = &d->tok[a];
		bool drop = false;
		if (e[i].b == a + 1 && (t->flags & DSR_TK_SSTART) && !(t->flags & DSR_TK_UPPER) &&
		    !(t->lex & names) && e[i].type != DSR_E_EQUIPMENT) {
			uint32_t lex = t->lex;
			if (!(lex & (LX_NOUN | LX_VERB | LX_ADJ | LX_ADV | LX_NOUNINF | LX_VERBINF))) {
				char lem[64];
				size_t l = tk_len(d, a);
				/* plural nouns, then verb forms: "Deliveries", "Citing" */
				for (int verb = 0; verb < 2 && !(lex & (LX_NOUN | LX_VERB)); verb++) {
					size_t ll = dsr__lemma(d->nlp, d->low + t->start, l, verb, lem, sizeof lem);
					if (ll != l || memcmp(lem, d->low + t->start, l))
						lex |= dsr__lx_cls(d->nlp, lem, ll);
				}
			}
			drop = (lex & (LX_NOUN | LX_VERB | LX_ADJ | LX_ADV | LX_NOUNINF | LX_VERBINF)) &&
			       !(lex & names);
		}
		/* "Corvel-made", "Chicago-based": the mention is the compound (as
		 * MEANTIME marks it), the name what comes before the hyphen, a
		 * place or a people when the lexicon knows it */
		size_t base = e[i].b == a + 1 ? S_origin_word(d, a) : 0;
		if (base) {
			e[i].cut = (uint32_t)(tk_len(d, a) - base);
			uint32_t cls = dsr__lx_cls(d->nlp, d->low + t->start, base);
			if (cls & (LX_COUNTRY | LX_PLACE))
				e[i].type = DSR_E_GPE;
			else if (cls & LX_NORP)
				e[i].type = DSR_E_NORP;
			else if (e[i].type == DSR_E_EQUIPMENT)
				e[i].type = DSR_E_ORG;
			e[w++] = e[i];
			continue;
		}
		/* "UAVs", "NGOs", "CEOs": a plural acronym is a common noun */
		if (e[i].b == a + 1 && !(t->lex & names) && dsr__tk_plural_acronym(d, a))
			continue;
		/* "The" alone is never a name */
		if (e[i].b == a + 1 && (t->lex & LX_FUNC) && !(t->flags & DSR_TK_UPPER))
			continue;
		if (drop) {
			if (!mid) { /* the words written capitalised inside sentences */
				mid = dsr_arena_alloc(d->arena, (d->ntok + 1) * sizeof *mid);
				for (size_t k = 0; k < d->ntok; k++)
					if ((d->tok[k].flags & DSR_TK_CAP) && !(d->tok[k].flags & DSR_TK_SSTART))
						mid[nmid++] = d->hw[k];
				qsort(mid, nmid, sizeof *mid, S_cmp_u32);
			}
			drop = !bsearch(&d->hw[a], mid, nmid, sizeof *mid, S_cmp_u32);
		}
		if (!drop)
			e[w++] = e[i];
	}
	return w;
}

static size_t S_consistency(nlp_doc *d, S_ent *e, size_t n, size_t cap)
{
	size_t hl = S_headline_end(d);
	S_idx names;
	S_idx_init(&names, d->arena, n);
	S_group *g = dsr_arena_alloc(d->arena, (n + 1) * sizeof *g);
	int32_t *gi = dsr_arena_alloc(d->arena, (n + 1) * sizeof *gi);
	size_t ng = 0;
	for (size_t i = 0; i < n; i++) {
		int32_t *at = S_idx_at(&names, S_span_hash(d, e[i].a, e[i].b), true);
		if (*at < 0) {
			*at = (int32_t)ng;
			memset(&g[ng++], 0, sizeof *g);
		}
		gi[i] = *at;
		g[*at].body |= e[i].a >= hl;
	}
	/* headline names nobody else supports go, unless the lexicon knows them */
	size_t m = 0;
	for (size_t i = 0; i < n; i++) {
		if (e[i].a < hl && !g[gi[i]].body && e[i].type != DSR_E_EQUIPMENT &&
		    !(d->tok[e[i].a].lex & LX_NAMECLASS))
			continue;
		gi[m] = gi[i];
		e[m++] = e[i];
	}
	n = m;
	uint8_t *cov = dsr_arena_alloc(d->arena, d->ntok + 1);
	memset(cov, 0, d->ntok + 1);
	for (size_t i = 0; i < n; i++) {
		g[gi[i]].votes[e[i].type] += e[i].a >= hl ? 2 : 1;
		for (size_t k = e[i].a; k < e[i].b; k++)
			cov[k] = 1;
	}
	/* majority type per mention (ties keep the mention's own) */
	size_t maxlen = 0;
	for (size_t i = 0; i < n; i++) {
		S_group *x = &g[gi[i]];
		dsr_etype best = e[i].type;
		for (int t = 1; t < DSR_E__COUNT; t++)
			if (x->votes[t] > x->votes[best])
				best = (dsr_etype)t;
		e[i].type = best;
		size_t l = e[i].b - e[i].a;
		if (!x->seen) {
			x->seen = true;
			x->spread = best;
			if ((d->tok[e[i].a].flags & (DSR_TK_CAP | DSR_TK_NUM)) && l <= S_SPREAD_MAX) {
				x->len = (uint8_t)l;
				if (l > maxlen)
					maxlen = l;
			}
		}
	}
	/* every other occurrence of a name becomes a mention of it: the longest
	 * name that fits a free span, not glued to a longer capitalised run */
	for (size_t x = 0; x < d->ntok && n < cap; x++) {
		if (cov[x] || !(d->tok[x].flags & (DSR_TK_CAP | DSR_TK_NUM)))
			continue;
		uint64_t h = 0;
		size_t best = 0;
		dsr_etype type = DSR_E_NONE;
		for (size_t l = 1; l <= maxlen && x + l <= d->ntok && !cov[x + l - 1]; l++) {
			h = S_span_step(h, d, x + l - 1, x);
			int32_t *at = S_idx_at(&names, h, false);
			if (!at || g[*at].len != l)
				continue;
			if (x + l < d->ntok && (d->tok[x + l].flags & DSR_TK_CAP) &&
			    !(d->tok[x + l].flags & DSR_TK_SSTART) && x + l >= hl)
				continue;
			best = l;
			type = g[*at].spread;
		}
		if (!best)
			continue;
		e[n++] = (S_ent){x, x + best, type, 0, NULL, 0, false};
		for (size_t k = x; k < x + best; k++)
			cov[k] = 1;
		x += best - 1;
	}
	qsort(e, n, sizeof *e, S_cmp_ent);
	return n;
}

void dsr__entities(nlp_doc *d, const dsr_timex *tx, size_t ntx, dsr_entity **out, size_t *nout)
{
	*out = NULL;
	*nout = 0;
	if (!d->ntok)
		return;
	uint8_t *gz = dsr_arena_alloc(d->arena, d->ntok);
	int *lab = dsr_arena_alloc(d->arena, d->ntok * sizeof *lab);
	dsr__ner_gazetteer(d, gz);
	if (d->nlp->ner) {
		S_tag(d, gz, lab);
	} else {
		memset(lab, 0, d->ntok * sizeof *lab);
	}
	/* times win over names: "Friday", "November" */
	for (size_t k = 0, t = 0; k < d->ntok; k++) {
		while (t < ntx && tx[t].sp.end <= d->tok[k].start)
			t++;
		if (t < ntx && tx[t].sp.start <= d->tok[k].start)
			lab[k] = -1;
	}
	/* a name the lexicon knows in full, written as a name, is one name of
	 * its class however the tagger cut it ("the Bank of Velmont" is not
	 * "Bank" and "Velmont") */
	for (size_t i = 0; i < d->ntok; i++) {
		uint32_t cls = 0;
		size_t l = S_phrase(d, i, &cls);
		if (l < 2 || lab[i] < 0)
			continue;
		bool ok = true;
		for (size_t k = i; k < i + l && ok; k++)
			ok = lab[k] >= 0 && ((d->tok[k].flags & DSR_TK_CAP) || (d->tok[k].lex & LX_FUNC));
		if (!ok || !(d->tok[i + l - 1].flags & DSR_TK_CAP))
			continue;
		/* a longer name the tagger found around it stays ("the Velmont
		 * Nations Council", "U.S. State Department") */
		bool in_before = lab[i] > 0 && (lab[i] & 1) == 0 && i > 0 && lab[i - 1] > 0 &&
				 !(d->tok[i - 1].lex & LX_FUNC);
		bool in_after = i + l < d->ntok && lab[i + l] > 0 && (lab[i + l] & 1) == 0 &&
				lab[i + l - 1] > 0;
		if (in_before || in_after)
			continue;
		int t = (cls & LX_ORG) ? 1 : (cls & (LX_COUNTRY | LX_PLACE | LX_FAC)) ? 2
		      : (cls & LX_PERSON) ? 0 : (cls & LX_EVENT) ? 5 : -1;
		if (t < 0)
			continue;
		/* a capitalised function word the tagger put before it ("The") */
		if (i > 0 && lab[i - 1] > 0 && (d->tok[i - 1].lex & LX_FUNC))
			lab[i - 1] = 0;
		lab[i] = 2 * t + 1;
		for (size_t k = i + 1; k < i + l; k++)
			lab[k] = 2 * t + 2;
		i += l - 1;
	}
	/* one-word names that say things somewhere in the article ("eBay
	 * said", "Chrysler told"): organisations, not products or towns */
	uint32_t speakers[64];
	size_t nspeak = 0;
	for (size_t i = 0; i + 1 < d->ntok && nspeak < 64; i++)
		if ((S_camel(d, i) || ((d->tok[i].flags & DSR_TK_CAP) && !(d->tok[i].lex & LX_FUNC))) &&
		    (d->tok[i + 1].lex & LX_REPORT) && !S_speaks(speakers, nspeak, d->hw[i]))
			speakers[nspeak++] = d->hw[i];
	S_ent *e = dsr_arena_alloc(d->arena, (d->ntok + 1) * sizeof *e);
	size_t n = 0;
	for (size_t i = 0; i < d->ntok;) {
		if (lab[i] <= 0) {
			/* designations and camel-case product names the tagger left out */
			if (lab[i] == 0 && (S_designation(d, i) || S_camel(d, i))) {
				size_t b = i + 1;
				/* "iPhone 4", "iOS 5" */
				if (b < d->ntok && (d->tok[b].flags & DSR_TK_NUM) && tk_len(d, b) <= 5 &&
				    lab[b] == 0 && S_camel(d, i))
					b++;
				bool org = S_camel(d, i) && ((d->tok[i].lex & LX_ORG) ||
							     S_speaks(speakers, nspeak, d->hw[i]));
				e[n++] = (S_ent){i, b, org ? DSR_E_ORG : DSR_E_EQUIPMENT, 0, NULL, 0, false};
				i = b;
				continue;
			}
			i++;
			continue;
		}
		int type = (lab[i] - 1) / 2;
		size_t j = i + 1;
		while (j < d->ntok && lab[j] > 0 && (lab[j] & 1) == 0 && (lab[j] - 1) / 2 == type)
			j++;
		size_t a = i, b = j;
		S_trim(d, &a, &b);
		dsr_etype et = S_map(d, type, a, b);
		/* what a name owns tells its kind: "Lundmark's parliament" is a
		 * place's, "Quorvik's shares" a firm's */
		dsr_etype owner = et == DSR_E_EQUIPMENT ? S_owns(d, b) : DSR_E_NONE;
		if (owner)
			et = owner;
		/* a common word that opens a sentence is no artefact's name:
		 * "Strong sales helped", "Women will be employed" */
		if (et == DSR_E_EQUIPMENT && b - a == 1 && (d->tok[a].flags & DSR_TK_SSTART) &&
		    S_common_word(d, a) && !S_designation(d, a)) {
			i = j;
			continue;
		}
		/* an employer before the title is a name of its own: "Orvel Motor
		 * Company CEO Dana Reyes" */
		if (b - a > 2 && (et == DSR_E_PERSON || et == DSR_E_ORG) && !S_title_word(d, a)) {
			size_t k = a + 1;
			while (k + 1 < b && !S_title_word(d, k))
				k++;
			/* not a title's own first word: "Prime Minister", "Foreign
			 * Secretary", "Presiding Judge" */
			uint32_t last = d->tok[k - 1].lex;
			bool word = (last & LX_FUNC) || S_opens_title(d, k - 1, k) ||
				    (k - a == 1 && S_common_word(d, a));
			if (k + 1 < b && !word) {
				uint32_t cls = 0;
				if (k - a == 1)
					cls = d->tok[a].lex;
				else
					S_phrase(d, a, &cls);
				e[n++] = (S_ent){a, k, (cls & (LX_COUNTRY | LX_PLACE)) ? DSR_E_GPE : DSR_E_ORG,
						 0, NULL, 0, false};
				a = k;
			}
		}
		/* a title is no part of the name, and names a person: "CEO Steve
		 * Jobs", "Senator McCain", "Foreign Minister Ivo Kran" (not
		 * "General Motors", "Justice Department": the name ends in an
		 * organisation word) */
		if (b - a > 1 && !(d->tok[b - 1].lex & LX_ORGSUF) && (et == DSR_E_PERSON || et == DSR_E_ORG)) {
			size_t a0 = a;
			for (;;) {
				while (b - a > 1 && S_title_word(d, a))
					a++;
				/* common words that open a title: "Foreign", "Prime" */
				size_t k = a;
				while (k + 2 < b && !S_title_word(d, k) && S_common_word(d, k))
					k++;
				if (k == a || !S_title_word(d, k))
					break;
				a = k;
			}
			if (a > a0)
				et = DSR_E_PERSON;
		}
		/* "iPod Nano", "iMac": a camel-case word names a product, unless
		 * the lexicon knows it as a company or the article has it speak
		 * ("eBay said") */
		if (S_camel(d, a) && !(d->tok[a].lex & LX_ORG) && et != DSR_E_PERSON &&
		    !S_speaks(speakers, nspeak, d->hw[a]))
			et = DSR_E_EQUIPMENT;
		bool lower = !(d->tok[a].flags & (DSR_TK_CAP | DSR_TK_NUM)) && !S_camel(d, a);
		bool digits = b - a == 1 && (d->tok[a].flags & DSR_TK_NUM) && !S_designation(d, a);
		/* a maker's name and a model: "Boeing 747", "Airbus A380", "Ford Taurus" */
		if (j < d->ntok && lab[j] == 0 && (S_designation(d, j) || ((d->tok[j].flags & DSR_TK_NUM) &&
		    tk_len(d, j) >= 3 && tk_len(d, j) <= 8 && !(j + 1 < d->ntok && (d->tok[j + 1].lex & LX_UNIT))))) {
			b = j + 1;
			et = DSR_E_EQUIPMENT;
			j++;
		}
		bool title_only = (b - a == 1 && (d->tok[a].lex & LX_TITLE)) || S_opens_title(d, a, b);
		if (!lower && !digits && !title_only && b > a)
			e[n++] = (S_ent){a, b, et, 0, NULL, 0, false};
		i = j;
	}
	n = S_runs(d, e, n, lab);
	n = S_join_suffix(d, e, n);
	n = S_glue_runs(d, e, n);
	S_retype(d, e, n, speakers, nspeak);
	n = S_consistency(d, e, n, d->ntok + 1);
	n = S_drop_common(d, e, n);
	/* "US$", "HK$": a currency's prefix is no mention of a place */
	size_t kept = 0;
	for (size_t i = 0; i < n; i++) {
		size_t b = e[i].b;
		if (b < d->ntok && d->tok[b].start == d->tok[b - 1].end && d->text[d->tok[b].start] == '$')
			continue;
		e[kept++] = e[i];
	}
	n = kept;
	S_canonical(d, e, n);
	dsr_entity *v = dsr_arena_alloc(d->arena, (n + 1) * sizeof *v);
	for (size_t i = 0; i < n; i++) {
		const S_ent *c = &e[e[i].canon];
		v[i].sp = (dsr_span){d->tok[e[i].a].start, d->tok[e[i].b - 1].end};
		v[i].type = e[i].type;
		const char *cs = d->text + d->tok[c->a].start;
		size_t cl = d->tok[c->b - 1].end - c->cut - d->tok[c->a].start;
		const char *alias = e[i].type == DSR_E_GPE ? S_country_name(d, c->a, cs, cl) : NULL;
		v[i].canonical = alias ? alias : dsr_arena_strndup(d->arena, cs, cl);
	}
	*out = v;
	*nout = n;
}
