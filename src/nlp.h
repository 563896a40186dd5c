/*
 * nlp.h: the language layer's shared internals: the lexicon (generated from
 * iso-codes and WordNet at build time, embedded in the library), word
 * classes, tokens and sentences, and the per-layer annotators.
 */
#ifndef DOSSIER_NLP_H
#define DOSSIER_NLP_H

#include <string.h>

#include "dossier/analyze.h"

/* Lexicon classes of a lowercased word or phrase. */
enum lx_class {
	LX_COUNTRY = 1u << 0, LX_PLACE = 1u << 1, LX_PERSON = 1u << 2, LX_ORG = 1u << 3,
	LX_EVENT = 1u << 4, LX_FAC = 1u << 5, LX_NORP = 1u << 6, LX_NOUN = 1u << 7,
	LX_VERB = 1u << 8, LX_ADJ = 1u << 9, LX_ADV = 1u << 10, LX_CURRENCY = 1u << 11,
	LX_NOUNINF = 1u << 12, LX_VERBINF = 1u << 13,
	LX_HEAD = 1u << 14,      /* first word of a longer proper-name phrase */
	/* hand-written closed classes (nlp.c) */
	LX_FUNC = 1u << 15,      /* determiners, pronouns, prepositions, conjunctions */
	LX_MONTH = 1u << 16, LX_WEEKDAY = 1u << 17, LX_NUMWORD = 1u << 18,
	LX_TITLE = 1u << 19,     /* President, Mr., minister, spokesman */
	LX_ORGSUF = 1u << 20,    /* Inc., Corp., Ltd., Group, Bank, Agency */
	LX_REPORT = 1u << 21,    /* said, told, reported */
	LX_STARTER = 1u << 22,   /* words that often start a sentence: The, He, But */
	LX_UNIT = 1u << 23,      /* million, billion, thousand, dozen */
	LX_ABBR = 1u << 24,      /* abbreviations ending in a period: Mr., Inc., Jan. */
	LX_TIMEX = 1u << 25,     /* words that can start a time expression */
	LX_VCOMM = 1u << 26,     /* WordNet verbs of communication: say, deny, warn */
	LX_VCOG = 1u << 27,      /* verbs of cognition, emotion, perception: believe, fear, see */
	LX_NCOMM = 1u << 28,     /* nouns of communication: statement, report, claim */
	LX_DERIV = 1u << 29,     /* a noun made from a verb (extra = the verb): production */
	LX_CAPITAL = 1u << 30,   /* a national capital (extra = its country): moscow */
};
#define LX_PRODUCT (1u << 31) /* a kind of product: sedan, airliner, laptop (no enum: past INT_MAX) */
#define LX_NAMECLASS (LX_COUNTRY | LX_PLACE | LX_PERSON | LX_ORG | LX_EVENT | LX_FAC | LX_NORP)

typedef struct lx_entry {
	const char *key;      /* into the lexicon data, not NUL-terminated */
	const char *extra;    /* lemma or currency code, or NULL */
	uint32_t klen, xlen;
	uint32_t cls;
	uint32_t more;        /* LX2_ bits */
} lx_entry;

/* classes past the 32 of cls */
enum {
	LX2_RARE_NOUN = 1u << 0, /* seldom a noun: mostly an adjective or adverb ("out", "far") */
};

struct dsr_nlp {
	lx_entry *ent;
	size_t nent;
	uint32_t *slot;       /* open addressing: index+1 into ent, 0 = empty */
	size_t mask;
	const struct ner_model *ner;
	const struct pm_model *cue, *role; /* attribution taggers (attrib.c) */
	struct at_memo *atm;               /* their small-domain rows */
	struct cl_sets *cls;               /* the claims' word lists, hashed (claim.c) */
};

/* Entry of the lowercased word or phrase s[0..n), or NULL. */
const lx_entry *dsr__lx_get(const dsr_nlp *nlp, const char *s, size_t n);
/* The verb that stands for verb s[0..n) and those of the same meaning
 * (WordNet: one most frequent sense, gen_lexicon.py's "~verb" lines), its
 * length in *len: "supply" -> "provide"; s itself when it has none. */
const char *dsr__lx_synonym(const dsr_nlp *nlp, const char *s, size_t n, size_t *len);
static inline uint32_t dsr__lx_cls(const dsr_nlp *nlp, const char *s, size_t n)
{
	const lx_entry *e = dsr__lx_get(nlp, s, n);
	return e ? e->cls : 0;
}
/* The country the lowercased s[0..n) is another form of or pertains to
 * (gen_lexicon.py's "=" forms: "russian federation", "britain", "iranian")
 * as a new string in arena a, or NULL; with `norp`, only for a nationality. */
static inline char *dsr__lx_country(const dsr_nlp *nlp, dsr_arena *a, const char *s, size_t n,
				    bool norp)
{
	const lx_entry *e = dsr__lx_get(nlp, s, n);
	if (!e || !e->extra || e->xlen < 2 || e->extra[0] != '=' || (norp && !(e->cls & LX_NORP)))
		return NULL;
	return dsr_arena_strndup(a, e->extra + 1, e->xlen - 1);
}
/* Calls fn(ctx, form, n, country, cn) for every lexicon entry that is
 * another form of a country or its people ("iranian", "britain": the
 * "=" forms above), without loading the lexicon. */
void dsr__lx_country_forms(void (*fn)(void *, const char *, size_t, const char *, size_t),
			  void *ctx);
/* The lemma of a lowercased noun (drones -> drone) or verb (said -> say)
 * into out (size outsz); returns its length. */
size_t dsr__lemma(const dsr_nlp *nlp, const char *s, size_t n, bool verb, char *out,
		  size_t outsz);

/* ASCII lowercase copy of s[0..n) into the arena (same byte offsets). */
char *dsr__lower(dsr_arena *a, const char *s, size_t n);

/* The per-article working state the annotators share. */
typedef struct nlp_doc {
	const dsr_nlp *nlp;
	dsr_arena *arena;
	const char *text;     /* original */
	const char *low;      /* ASCII-lowercased copy, same offsets */
	size_t n;
	dsr_token *tok;
	size_t ntok;
	dsr_span *sent;
	size_t nsent;
	int ref_y, ref_m, ref_d; /* reference date, 0 when unknown */
	uint32_t *hw, *hs;    /* per token: hashes of the lowercased word and its shape (ner.c) */
} nlp_doc;

/* token.c */
void dsr__tokenize(nlp_doc *d);
void dsr__sentences(nlp_doc *d);
static inline size_t tk_len(const nlp_doc *d, size_t i)
{
	return d->tok[i].end - d->tok[i].start;
}
/* True when token i is exactly the lowercase word w (inline: with a literal
 * w the length is a constant, and the first byte turns most tokens away). */
static inline bool dsr__tk_is(const nlp_doc *d, size_t i, const char *w)
{
	if (i >= d->ntok)
		return false;
	const char *s = d->low + d->tok[i].start;
	size_t l = strlen(w);
	return s[0] == w[0] && tk_len(d, i) == l && !memcmp(s, w, l);
}
/* Token i's word classes, with LX_VERBINF for a regular verb form the
 * lexicon leaves out ("delivered", "hired"). */
uint32_t dsr__tk_verb_lex(const nlp_doc *d, size_t i);
/* Is token i a lowercase common noun: in the lexicon as one, or a regular
 * plural of one that the lexicon lacks ("gliders")? */
bool dsr__tk_common_noun(const nlp_doc *d, size_t i);
/* True when token i is one of the lowercase words ws (NULL-terminated). */
static inline bool dsr__tk_in(const nlp_doc *d, size_t i, const char *const *ws)
{
	for (; *ws; ws++)
		if (dsr__tk_is(d, i, *ws))
			return true;
	return false;
}
/* True when token i is a possessive "'s" (straight or curly apostrophe). */
static inline bool dsr__tk_poss(const nlp_doc *d, size_t i)
{
	return dsr__tk_is(d, i, "'s") || dsr__tk_is(d, i, "\xe2\x80\x99s");
}

/* The words of two letters or more in tokens [a, b) when every one is in
 * capitals (a heading, a link to another story: "MAYOR VOWS TO FIGHT"),
 * else 0. */
static inline size_t dsr__tk_shouted(const nlp_doc *d, size_t a, size_t b)
{
	size_t words = 0;
	for (size_t i = a; i < b; i++) {
		if (!(d->tok[i].flags & DSR_TK_WORD) || d->tok[i].end - d->tok[i].start < 2)
			continue;
		if (!(d->tok[i].flags & DSR_TK_UPPER))
			return 0;
		words++;
	}
	return words;
}

/* Is token i a plural acronym ("UAVs", "NGOs"): capitals, then an "s"? */
static inline bool dsr__tk_plural_acronym(const nlp_doc *d, size_t i)
{
	const char *s = d->text + d->tok[i].start;
	size_t n = tk_len(d, i);
	if (n < 3 || s[n - 1] != 's')
		return false;
	for (size_t k = 0; k + 1 < n; k++)
		if (s[k] < 'A' || s[k] > 'Z')
			return false;
	return true;
}

/* A small set of lowercase words, each with class bits, looked up by the
 * token's word hash (d->hw): nlp.c. */
typedef struct nlp_wset {
	uint32_t key[512], bits[512];
} nlp_wset;
void dsr__wset_add(nlp_wset *s, const char *const *words, uint32_t bits);
uint32_t dsr__wset_get(const nlp_wset *s, uint32_t hw);

/* timex.c, quantity.c, ner.c */
void dsr__timex(nlp_doc *d, dsr_timex **out, size_t *n);
void dsr__quantities(nlp_doc *d, const dsr_timex *tx, size_t ntx, dsr_quantity **out,
		     size_t *n);
void dsr__entities(nlp_doc *d, const dsr_timex *tx, size_t ntx, dsr_entity **out, size_t *n);
/* Infers a reference date from the text's latest full date (0 if none). */
bool dsr__infer_reference(nlp_doc *d);

/* attrib.c, claim.c: attributions, then claims (after entities, times, quantities) */
struct pm_model;
const struct pm_model *dsr__at_cue_model_load(void);
const struct pm_model *dsr__at_role_model_load(void);
/* The taggers' rows for features of few values, summed per value; NULL
 * when either model is missing. */
struct at_memo *dsr__at_memo_build(const struct pm_model *cue, const struct pm_model *role);
void dsr__at_memo_free(struct at_memo *x);
void dsr__attributions(nlp_doc *d, const dsr_entity *e, size_t ne, dsr_attribution **out,
		       size_t *n);
void dsr__claims(nlp_doc *d, dsr_analysis *an);
/* The claims' word lists as sets, built once with the lexicon. */
struct cl_sets *dsr__cl_sets_build(void);

/* ner.c: the tagger's model */
struct ner_model;
const struct ner_model *dsr__ner_model_load(void);
/* A context for tokens, times and entities alone (no attribution models):
 * the story clusterer's (story.c). Freed with dsr_nlp_free. */
dsr_nlp *dsr__nlp_new_tagger(void);
void dsr__ner_model_free(const struct ner_model *m);

#endif
