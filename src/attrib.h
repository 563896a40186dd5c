/*
 * attrib.h: the attribution taggers' internals, shared by attrib.c and the
 * training program (tools/attr_train.c).
 *
 * Two greedy averaged-perceptron taggers: the cue tagger labels every token
 * O / B-cue / I-cue; then, for each cue, the role tagger labels the tokens
 * of a window around it (the cue's sentence and its neighbours in the same
 * paragraph) O / B-source / I-source / B-content / I-content, with features
 * relative to that cue, so nested attributions each get their own roles.
 */
#ifndef DOSSIER_ATTRIB_H
#define DOSSIER_ATTRIB_H

#include "nlp.h"
#include "percep.h"

#define AT_CUE_NL 3
#define AT_ROLE_NL 5
#define AT_MAXF 64
enum { AT_W_THAT = 1, AT_W_TO = 2, AT_W_PRON = 4 };
enum { AT_O = 0, AT_BS = 1, AT_IS = 2, AT_BC = 3, AT_IC = 4 };

/* Per-token context the features read. */
typedef struct at_ctx {
	const nlp_doc *d;
	uint8_t *quote;    /* 1 inside a quotation, 2 a quotation mark, 4 an opening mark */
	uint8_t *etype;    /* dsr_etype of the entity covering the token, or 0 */
	uint32_t *sid;     /* sentence index */
	uint32_t *lem;     /* hash of the verb lemma, else of the word */
	uint8_t *wf;       /* AT_W_* word classes */
	uint32_t *lcls;    /* LX_VCOMM | LX_VCOG | LX_NCOMM of the word or its lemma */
	uint32_t *ncomma;  /* commas before token i (prefix counts) */
	uint32_t *nquote;  /* quotation marks before token i */
	uint32_t *nthat;   /* "that" before token i */
	uint32_t *sstart;  /* first token of each sentence, nsent + 1 entries */
	size_t nsent;
} at_ctx;

/* Rows of the cue and role models for the features whose values have a
 * small domain, summed per value (attrib.c), built once with the models. */
typedef struct at_memo at_memo; /* dsr__at_memo_build (nlp.h) */

/* Fills c from d (tokenized, sentences split, d->hw/d->hs set) and the
 * entities; allocations go to d->arena. */
void dsr__at_prepare(at_ctx *c, const nlp_doc *d, const dsr_entity *e, size_t ne);
size_t dsr__at_cue_features(const at_ctx *c, size_t i, int prev, uint32_t *f);
/* The role window [*ws, *we) of the cue tokens [cs, ce). */
void dsr__at_window(const at_ctx *c, size_t cs, size_t ce, size_t *ws, size_t *we);
size_t dsr__at_role_features(const at_ctx *c, size_t cs, size_t ce, size_t i, int prev,
			     uint32_t *f);
/* The same features in three parts, for scoring the cue's part once per
 * (b, prev): b is dsr__at_role_b (0..24). */
uint32_t dsr__at_role_b(size_t cs, size_t ce, size_t i);
size_t dsr__at_role_tok_features(const at_ctx *c, size_t cs, size_t ce, size_t i, uint32_t *f);
uint32_t dsr__at_role_prev_feature(const at_ctx *c, size_t i, int prev);
size_t dsr__at_role_cue_features(const at_ctx *c, size_t cs, size_t ce, uint32_t b, int prev,
				 uint32_t *f);
/* The taggers' scores as the analysis computes them, with the rows of
 * small-domain features from x (dsr__at_memo_build): the cue tagger's of
 * token i after label prev, and the role tagger's of the token's own
 * features and prev (dsr__at_role_tok_features and
 * dsr__at_role_prev_feature). Equal to scoring those features on the model. */
void dsr__at_cue_score(const at_ctx *c, const pm_model *m, const at_memo *x, size_t i, int prev,
		       float *sc);
void dsr__at_role_tok_score(const at_ctx *c, const pm_model *m, const at_memo *x, size_t cs,
			    size_t ce, size_t i, int prev, float *sc);
/* The cue gate. Outside a cue the tagger scores only a token whose lemma
 * began cues in training often enough; a lemma seen often in training but
 * rarely as a cue is O without a probe of the model; an unseen or rare one
 * passes when its word class is of saying or thinking, unless it is a
 * capitalized word inside a sentence (a name).
 * The verdicts are rows of template AT_GATE in the cue model: seen(set, key)
 * gives 1 (pass), 0 (block) or -1 (not there). */
#define AT_GATE 60
static inline uint32_t dsr__at_gate_key(uint32_t lem)
{
	return pm_fi(AT_GATE, lem);
}
static inline bool dsr__at_gate(const at_ctx *c, size_t i, int (*seen)(const void *, uint32_t),
				const void *set)
{
	int v = seen(set, dsr__at_gate_key(c->lem[i]));
	const dsr_token *t = &c->d->tok[i];
	bool name = (t->flags & DSR_TK_CAP) && !(t->flags & DSR_TK_SSTART);
	return v >= 0 ? v : !name && (c->lcls[i] & (LX_VCOMM | LX_VCOG)) != 0;
}
/* BIO constraint: I-x only after B-x or I-x (cue: 1 = B, 2 = I; roles as the enum). */
bool dsr__at_allowed(int prev, int l);

#endif
