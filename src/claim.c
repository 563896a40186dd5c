/*
 * claim.c: claims (CONTRACT.md "claims"): one per reported proposition.
 * The units are the contents of the innermost attributions (each sentence
 * piece of a multi-sentence quote apart) and the sentences the article
 * states in its own voice; in each, the main predicate's lemma is the
 * action, the entity before it the actor, the equipment, counted noun or
 * object noun after it the theme, and the unit's times, quantities and
 * places are attached. Negation and hedging come from the unit's words and
 * from the cue ("denied", "believes").
 */
#include <stdlib.h>
#include <string.h>

#include "nlp.h"
#include "percep.h"

enum { W_AUX = 1, W_DET = 2, W_NEG = 4, W_HEDGE = 8, W_COP = 16, W_LOC = 32, W_ART = 64, W_PLAN = 128 };

/* Per article: each token's word classes (W_*) and whether it lies in
 * another attribution's cue or in a teller-only content ("citing X"). */
typedef struct S_cx {
	nlp_doc *d;
	dsr_analysis *an;
	uint8_t *wm;
	uint8_t *hole;
} S_cx;

#define S_in(cx, i, cls) (((cx)->wm[i] & (cls)) != 0)

static const char *const S_aux[] = {
	"is", "are", "was", "were", "be", "been", "being", "am", "have", "has", "had", "having",
	"do", "does", "did", "will", "would", "shall", "should", "can", "could", "may", "might",
	"must", "'s", "'re", "'ve", "'d", "'ll", "\xe2\x80\x99s", "\xe2\x80\x99re", "\xe2\x80\x99ve",
	"\xe2\x80\x99" "d", "\xe2\x80\x99ll", "get", "got", NULL};
static const char *const S_copula[] = {"is", "are", "was", "were", "be", "been", "'s", "'re",
				       "\xe2\x80\x99s", "\xe2\x80\x99re", NULL};
static const char *const S_det[] = {
	"a", "an", "the", "this", "that", "these", "those", "its", "their", "his", "her", "our",
	"my", "your", "some", "any", "each", "every", "no", "of", "for", "in", "on", "at", "by",
	"with", "from", NULL};
/* what opens an object: "pose a threat", "supplies the parts" */
static const char *const S_art[] = {"a", "an", "the", "its", "their", "his", "her", "our",
				   "my", "your", "some", "any", "each", "every", "this",
				   "these", "those", NULL};
static const char *const S_loc[] = {"in", "at", "near", "off", "outside", "inside", "across",
				   "around", "within", "into", "throughout", "across", NULL};
static const char *const S_neg[] = {"not", "n't", "n\xe2\x80\x99t", "never", "no", "neither",
				    "nor", "nobody", "nothing", "without", NULL};
static const char *const S_hedge[] = {
	"could", "may", "might", "would", "possibly", "probably", "reportedly", "allegedly",
	"likely", "unlikely", "perhaps", "expected",
	"expects", "intends", "intended", "aims", "if", "potentially", "apparently", "purportedly",
	"supposedly", "believed", "suspected", "rumored", "rumoured", "seems", "appears", NULL};
/* hedges only before "to": "plans to build", not "rejected the plan" */
static const char *const S_plan[] = {"plans", "planned", "planning", "plan", NULL};
static const char *const S_neg_cue[] = {"deny", "reject", "dismiss", "refute", "dispute", NULL};
static const char *const S_hedge_cue[] = {"believe", "suspect", "estimate", "expect", "suggest",
					  "speculate", "think", "assume", "guess", "fear",
					  "hope", "claim", "allege", "plan", "intend", "aim",
					  "want", "seek", "prepare", "threaten", "offer", "promise",
					  "try", "attempt", "vow", "pledge", "reportedly",
					  "allegedly", "purportedly", "supposedly", "apparently",
					  NULL};

/* Verbs of will rather than speech: "X agreed to buy" is a claim that X
 * buys, told by whoever tells of the agreement. */
static const char *const S_control[] = {"agree", "plan", "decide", "want", "intend", "seek",
					"aim", "refuse", "promise", "try", "offer", "threaten",
					"prepare", "vow", "pledge", "hope", "expect", "attempt",
					"arrange", "consent", NULL};

/* Verbs that lend their clause to a noun: "reached an agreement" is
 * "agree", "began production" is "produce". */
static const char *const S_light[] = {"reach", "make", "strike", "conclude", "seal",
				      "finalize", "finalise", "begin", "start", "launch", "hold",
				      "conduct", "carry", "give", "take", "complete", "resume",
				      "undertake", "stage", "mount", "perform", "announce", NULL};

/* The lists as sets: words of a token (W_ bits, by its word hash) and
 * lemmas (L_ bits), built once with the lexicon. */
enum { L_LIGHT = 1, L_CONTROL = 2, L_NEG_CUE = 4, L_HEDGE_CUE = 8, L_AUX = 16 };
struct cl_sets {
	nlp_wset word, lemma;
};

struct cl_sets *dsr__cl_sets_build(void)
{
	struct cl_sets *x = dsr_xcalloc(1, sizeof *x);
	dsr__wset_add(&x->word, S_aux, W_AUX);
	dsr__wset_add(&x->word, S_det, W_DET);
	dsr__wset_add(&x->word, S_neg, W_NEG);
	dsr__wset_add(&x->word, S_hedge, W_HEDGE);
	dsr__wset_add(&x->word, S_plan, W_PLAN);
	dsr__wset_add(&x->word, S_copula, W_COP);
	dsr__wset_add(&x->word, S_loc, W_LOC);
	dsr__wset_add(&x->word, S_art, W_ART);
	dsr__wset_add(&x->lemma, S_light, L_LIGHT);
	dsr__wset_add(&x->lemma, S_control, L_CONTROL);
	dsr__wset_add(&x->lemma, S_neg_cue, L_NEG_CUE);
	dsr__wset_add(&x->lemma, S_hedge_cue, L_HEDGE_CUE);
	dsr__wset_add(&x->lemma, S_aux, L_AUX);
	return x;
}

/* Is the lemma (NUL-terminated) in a list of `bits`? */
static bool S_lemma_in(const nlp_doc *d, const char *lem, uint32_t bits)
{
	return (dsr__wset_get(&d->nlp->cls->lemma, pm_fh(0, lem, strlen(lem))) & bits) != 0;
}


/* Is token i (word classes lex) an adverb here, before a verb form or a
 * modifier: "is still | rated", "were still | ahead"? */
static bool S_adverb(const nlp_doc *d, size_t i, uint32_t lex)
{
	return (lex & LX_ADV) && !(lex & LX_VERBINF) && i + 1 < d->ntok &&
	       !(d->tok[i + 1].lex & LX_FUNC) && !(d->tok[i + 1].flags & DSR_TK_PUNCT) &&
	       (dsr__tk_verb_lex(d, i + 1) & (LX_VERB | LX_VERBINF | LX_ADJ | LX_ADV));
}

/* How much token i looks like the unit's predicate: 2 surely a verb form
 * ("delivered", "agreed" after "had", "build" after "to"), 1 maybe (a word
 * that is also a noun: "plans", "deal"), 0 not. */
static int S_verb(const S_cx *cx, size_t i, size_t from)
{
	const nlp_doc *d = cx->d;
	const dsr_token *t = &d->tok[i];
	if ((t->lex & LX_FUNC) || (t->flags & (DSR_TK_PUNCT | DSR_TK_NUM)))
		return 0;
	if ((t->flags & DSR_TK_CAP) && !(t->flags & DSR_TK_SSTART))
		return 0;
	uint32_t lex = dsr__tk_verb_lex(d, i);
	const char *w = d->low + t->start;
	size_t n = tk_len(d, i);
	bool ing = n > 4 && !memcmp(w + n - 3, "ing", 3);
	if (i > from && (S_in(cx, i - 1, W_DET) ||
			 (dsr__tk_poss(d, i - 1) && !ing)))
		return 0; /* "the plans", "Quorvik's shares" (not "he's taking") */
	if (!(lex & (LX_VERB | LX_VERBINF)))
		return 0;
	if (S_adverb(d, i, lex))
		return 0;
	size_t pv = i; /* past adverbs: "will nominally | serve" */
	while (pv > from + 1 && pv + 2 > i && (d->tok[pv - 1].lex & LX_ADV) &&
	       !(d->tok[pv - 1].lex & (LX_VERB | LX_FUNC)))
		pv--;
	bool after_aux = pv > from && (S_in(cx, pv - 1, W_AUX) || dsr__tk_is(d, pv - 1, "to") ||
				       S_in(cx, pv - 1, W_NEG));
	/* an adjective after a copula is no verb: "the deal is | fair" (a
	 * participle like its base is: "to be | cut") */
	static const char *const same[] = {"cut", "set", "put", "hit", "shut", "hurt", "cost",
					   "spread", "let", "quit", "cast", "split", "shed", "bid",
					   "broadcast", "forecast", "upset", "read", NULL};
	if (after_aux && S_in(cx, i - 1, W_COP) && !dsr__tk_poss(d, i - 1) && (lex & LX_ADJ) &&
	    !(lex & LX_VERBINF) && !ing && !(n > 3 && !memcmp(w + n - 2, "ed", 2)) &&
	    !dsr__tk_in(d, i, same))
		return 0;
	if (after_aux)
		return 2;
	bool plural_s = false;
	if (n > 3 && n < 40 && w[n - 1] == 's') {
		char lb[64];
		size_t ll = dsr__lemma(d->nlp, w, n, false, lb, sizeof lb);
		plural_s = (lex & (LX_NOUN | LX_NOUNINF)) || (dsr__lx_cls(d->nlp, lb, ll) & LX_NOUN);
	}
	bool ed = n > 3 && !memcmp(w + n - 2, "ed", 2);
	/* a noun after a nationality: "Norwegian drones", "Russian forces" */
	uint32_t pl = i > from ? d->tok[i - 1].lex : 0;
	if ((pl & LX_NORP) && (pl & LX_ADJ) && !(pl & LX_PLACE) && (d->tok[i - 1].flags & DSR_TK_CAP) &&
	    (plural_s || ((lex & (LX_NOUN | LX_NOUNINF)) && !ed)))
		return 0; /* (not "the Union | benefits") */
	if (i > from && (d->tok[i - 1].lex & LX_ADJ) && !(d->tok[i - 1].lex & LX_VERB)) {
		/* "of any practical use": a noun after a determiner and an adjective */
		if (i - 1 > from && S_in(cx, i - 2, W_DET) && (lex & (LX_NOUN | LX_NOUNINF)) && !ed)
			return 0;
		return 1; /* "the first drones" */
	}
	/* a word that is also a noun is the verb when an object follows:
	 * "deals pose a threat", "Corvel supplies the parts" */
	bool obj = i + 1 < d->ntok && S_in(cx, i + 1, W_ART);
	if (plural_s)
		return obj ? 2 : 1; /* "drones" */
	if (ed || ((lex & LX_VERBINF) && !plural_s && !(lex & LX_ADJ)))
		return 2;
	if (!(lex & (LX_NOUN | LX_NOUNINF | LX_ADJ)))
		return 2;
	return obj ? 2 : 1;
}

/* Is "have" at token i the predicate ("the navy has three ships", "had
 * new data"), not an auxiliary ("has sold", "had not agreed", "has to")? */
static bool S_have_main(const S_cx *cx, size_t i, size_t b)
{
	const nlp_doc *d = cx->d;
	if (!(dsr__tk_is(d, i, "has") || dsr__tk_is(d, i, "have") || dsr__tk_is(d, i, "had")))
		return false;
	size_t j = i + 1;
	while (j < b && (d->tok[j].lex & LX_ADV) && !(d->tok[j].lex & LX_VERB))
		j++; /* "has already sold", "has now become" */
	if (j >= b || (d->tok[j].flags & DSR_TK_PUNCT) || S_in(cx, j, W_AUX) ||
	    dsr__tk_is(d, j, "to") || dsr__tk_is(d, j, "not") || dsr__tk_is(d, j, "n't") ||
	    dsr__tk_is(d, j, "n\xe2\x80\x99t") ||
	    dsr__tk_is(d, j, "never"))
		return false;
	/* a past participle: an inflected verb form not ending in -s */
	size_t n = tk_len(d, j);
	const char *w = d->low + d->tok[j].start;
	uint32_t lex = dsr__tk_verb_lex(d, j);
	if (!(lex & (LX_VERB | LX_VERBINF)) || n >= 40 || w[n - 1] == 's')
		return true;
	if (!(lex & (LX_NOUN | LX_NOUNINF | LX_ADJ)))
		return false; /* a verb alone: "has now become" */
	char lb[64];
	size_t ll = dsr__lemma(d->nlp, w, n, true, lb, sizeof lb);
	return ll == n && !memcmp(lb, w, n);
}

typedef struct S_unit {
	uint32_t start, end;
	long att;
	uint32_t sent;
	const char *actor;   /* "Veloria agreed to buy": the one who agreed */
	const char *will;    /* and "agree", the predicate when the content has none */
	bool hedge;          /* the will is an intention: "plans to" */
	long around;         /* the attribution around this one's cue, or -1 */
} S_unit;

/* The innermost attribution other than k (and not of a verb of will) whose
 * content holds k's cue, or -1. */
static long S_around(const dsr_analysis *an, size_t k, const bool *control)
{
	const dsr_attribution *x = &an->attributions[k];
	long att = -1;
	uint32_t best = UINT32_MAX;
	/* attributions are in cue order; a content reaches at most a few
	 * thousand bytes from its cue */
	size_t lo = 0, hi = k;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (an->attributions[mid].cue.start + 4000 < x->cue.start)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (size_t j = lo; j < an->nattributions; j++) {
		const dsr_attribution *y = &an->attributions[j];
		if (j != k && !control[j] && y->content.start <= x->cue.start &&
		    y->content.end >= x->cue.end && y->content.end - y->content.start < best) {
			best = y->content.end - y->content.start;
			att = (long)j;
		}
		if (y->cue.start > x->content.end + 2000)
			break;
	}
	return att;
}

/* Index of the first of n records at `base` (`size` bytes apart, each
 * beginning with a dsr_span, sorted) whose span ends after off (by_end) or
 * starts at or after it. */
static size_t S_first(const void *base, size_t size, size_t n, uint32_t off, bool by_end)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		const dsr_span *x = (const dsr_span *)(const void *)((const char *)base + mid * size);
		if ((by_end ? x->end : x->start + 1) <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t S_tok_at(const nlp_doc *d, uint32_t off)
{
	return S_first((const void *)d->tok, sizeof *d->tok, d->ntok, off, true);
}

/* An actor's name: a nationality stands for its country ("the Iranian
 * government is preparing" -> Iran; the lexicon's "=" form from WordNet's
 * pertainyms), so that claims merge with those naming the country. */
static const char *S_actor(const nlp_doc *d, const char *name)
{
	size_t n = strlen(name);
	if (n >= 64)
		return name;
	char lb[64];
	for (size_t i = 0; i < n; i++)
		lb[i] = (char)((name[i] >= 'A' && name[i] <= 'Z') ? name[i] + 32 : name[i]);
	char *c = dsr__lx_country(d->nlp, d->arena, lb, n, true);
	return c ? c : name;
}

/* The teller as an actor, or NULL: an unresolved "they" acts for nobody. */
static const char *S_source_actor(const nlp_doc *d, const dsr_analysis *an,
				  const dsr_attribution *at)
{
	if (!at->has_source || !at->source.canonical)
		return NULL;
	size_t st = S_tok_at(d, at->source.sp.start);
	bool pron = st + 1 >= d->ntok || d->tok[st + 1].start >= at->source.sp.end ?
			    (d->tok[st].lex & LX_FUNC) != 0 : false;
	size_t sl = at->source.sp.end - at->source.sp.start;
	bool same = strlen(at->source.canonical) == sl &&
		    !memcmp(at->source.canonical, an->text + at->source.sp.start, sl);
	return pron && same ? NULL : S_actor(d, at->source.canonical);
}

/* Does the span hold a word that is not a function word ("the" alone is no
 * content)? */
static bool S_has_word(const nlp_doc *d, dsr_span sp)
{
	for (size_t i = S_tok_at(d, sp.start); i < d->ntok && d->tok[i].start < sp.end; i++)
		if (!(d->tok[i].lex & LX_FUNC) && !(d->tok[i].flags & DSR_TK_PUNCT))
			return true;
	return false;
}

/* "citing X", "according to X": the attribution names a teller, not a
 * proposition. So does a lone preposition with no teller ("speaking on
 * condition of anonymity" found as the cue "on"). */
static bool S_teller_only(const nlp_doc *d, const dsr_attribution *x)
{
	size_t t = S_tok_at(d, x->cue.start);
	if (t >= d->ntok)
		return false;
	if (!x->has_source && d->tok[t].end >= x->cue.end && (d->tok[t].lex & LX_FUNC))
		return true;
	return dsr__tk_is(d, t, "citing") || dsr__tk_is(d, t, "quoting") || dsr__tk_is(d, t, "cited");
}

/* The last token of the noun compound that begins at common noun i
 * ("harbour cranes", "a key move"), before b and lim: it ends at a plural
 * ("ties following the summit") and before an -ing word. */
static size_t S_compound_end(nlp_doc *d, size_t i, size_t b, size_t lim)
{
	size_t j = i;
	while (j + 1 < b && j + 1 < lim && dsr__tk_common_noun(d, j + 1)) {
		size_t n = tk_len(d, j), m = tk_len(d, j + 1);
		const char *w = d->low + d->tok[j].start, *x = d->low + d->tok[j + 1].start;
		if ((n > 3 && w[n - 1] == 's' && w[n - 2] != 's') || (m > 4 && !memcmp(x + m - 3, "ing", 3)))
			break;
		j++;
	}
	return j;
}

/* The lemma of the last noun of the first noun run in tokens [i, b) (at
 * most 7 tokens on, stopping at punctuation), or NULL. */
static const char *S_noun_head(nlp_doc *d, size_t from, size_t b)
{
	char lb[64];
	for (size_t i = from; i < b && i < from + 7; i++) {
		const dsr_token *t = &d->tok[i];
		if (t->flags & DSR_TK_PUNCT)
			break;
		/* "provide Russia with several UAVs": the acronym, as a quantity counts it */
		if (dsr__tk_plural_acronym(d, i))
			return dsr_arena_strndup(d->arena, d->text + t->start, tk_len(d, i) - 1);
		if (!dsr__tk_common_noun(d, i))
			continue;
		if (S_adverb(d, i, dsr__tk_verb_lex(d, i)))
			continue;
		/* "turned out", "went too far": a word seldom a noun is none here */
		const lx_entry *e = dsr__lx_get(d->nlp, d->low + t->start, tk_len(d, i));
		if (e && (e->more & LX2_RARE_NOUN))
			continue;
		size_t j = S_compound_end(d, i, b, from + 7);
		size_t ll = dsr__lemma(d->nlp, d->low + d->tok[j].start, tk_len(d, j), false, lb, sizeof lb);
		return dsr_arena_strndup(d->arena, lb, ll);
	}
	return NULL;
}

/* "reached an agreement", "began production of drones": the noun's verb is
 * the action, and what follows "of" the theme. */
static void S_light_verb(const S_cx *cx, dsr_claim *c, size_t v, size_t b)
{
	nlp_doc *d = cx->d;
	if (!c->action || !S_lemma_in(d, c->action, L_LIGHT))
		return;
	size_t k = v + 1;
	while (k < b && k < v + 4 && (S_in(cx, k, W_DET) || ((d->tok[k].lex & LX_ADJ) &&
								!(d->tok[k].lex & LX_NOUN))))
		k++;
	if (k >= b || (d->tok[k].flags & (DSR_TK_CAP | DSR_TK_PUNCT | DSR_TK_NUM)))
		return;
	k = S_compound_end(d, k, b, v + 6); /* "a key move": the move */
	char lb[64];
	size_t ll = dsr__lemma(d->nlp, d->low + d->tok[k].start, tk_len(d, k), false, lb, sizeof lb);
	const lx_entry *e = dsr__lx_get(d->nlp, lb, ll);
	if (!e || !(e->cls & LX_DERIV) || !e->extra || !e->xlen || e->xlen >= 40)
		return;
	c->action = dsr_arena_strndup(d->arena, e->extra, e->xlen);
	c->theme = NULL;
	if (k + 2 >= b || !dsr__tk_is(d, k + 1, "of"))
		return;
	/* the theme after "of": equipment, else the head of the noun run */
	dsr_analysis *an = cx->an;
	uint32_t from = d->tok[k + 2].start;
	for (size_t q = S_first((const void *)an->entities, sizeof *an->entities, an->nentities, from, false);
	     q < an->nentities && an->entities[q].sp.start < d->tok[b - 1].end; q++) {
		if (an->entities[q].type == DSR_E_EQUIPMENT && an->entities[q].sp.start <= from + 40) {
			c->theme = an->entities[q].canonical;
			return;
		}
	}
	size_t q0 = S_first((const void *)an->quantities, sizeof *an->quantities, an->nquantities, from, false);
	if (q0 < an->nquantities && an->quantities[q0].sp.start == from && /* "of 40 missiles" */
	    an->quantities[q0].kind == DSR_Q_COUNT && an->quantities[q0].unit) {
		c->theme = an->quantities[q0].unit;
		return;
	}
	c->theme = S_noun_head(d, k + 2, b);
}

static bool S_ends_s(const nlp_doc *d, size_t i)
{
	size_t n = tk_len(d, i);
	return n > 3 && d->low[d->tok[i].start + n - 1] == 's';
}

/* Is token i an owner's "'s" ("the agent's actions"), not "is" or "has"
 * ("it's fair", "he's gone")? Only after a pronoun is it a verb. */
static bool S_owner_s(const nlp_doc *d, size_t i)
{
	static const char *const pron[] = {"he", "she", "it", "that", "there", "here", "what",
					   "who", "where", "which", "this", "everyone", "nobody",
					   "everything", "nothing", "something", "someone", NULL};
	return dsr__tk_poss(d, i) && i > 0 && !dsr__tk_in(d, i - 1, pron);
}

/* The newsroom's own doings, no news: "X reached out to Y for comment",
 * "did not respond to a request for comment", "declined to comment",
 * "The Agency contributed to this report". */
static bool S_newsroom(const nlp_doc *d, size_t a, size_t b)
{
	for (size_t i = a; i + 1 < b; i++) {
		if (dsr__tk_is(d, i + 1, "comment") &&
		    (dsr__tk_is(d, i, "for") ||
		     (dsr__tk_is(d, i, "to") && i > 0 &&
		      (dsr__tk_is(d, i - 1, "declined") || dsr__tk_is(d, i - 1, "refused")))))
			return true;
		if (i + 2 < b && dsr__tk_is(d, i, "to") && dsr__tk_is(d, i + 1, "this") &&
		    dsr__tk_is(d, i + 2, "report") && i > 0 && dsr__tk_is(d, i - 1, "contributed"))
			return true;
	}
	return false;
}

static void S_claim(const S_cx *cx, const S_unit *u, dsr_claim *c)
{
	nlp_doc *d = cx->d;
	dsr_analysis *an = cx->an;
	memset(c, 0, sizeof *c);
	c->sentence = an->sentences[u->sent];
	c->clause.start = u->start;
	c->clause.end = u->end;
	c->attribution = u->att;
	size_t a = S_tok_at(d, u->start), b = S_tok_at(d, u->end);
	size_t v = (size_t)-1, cop = (size_t)-1, hv = (size_t)-1;
	bool neg = false, hedge = false, weak = false, stand_in = false;
	for (size_t i = a; i < b; i++) {
		if (u->att >= 0 && cx->hole[i]) {
			if (hv == (size_t)-1 && S_verb(cx, i, a) == 2)
				hv = i;
			continue;
		}
		/* "may", not "May 28" */
		hedge |= S_in(cx, i, W_PLAN) && i + 1 < d->ntok && dsr__tk_is(d, i + 1, "to");
		hedge |= S_in(cx, i, W_HEDGE) &&
			 (!(d->tok[i].flags & DSR_TK_CAP) || (d->tok[i].flags & DSR_TK_SSTART));
		int vs = v == (size_t)-1 || weak ? (S_have_main(cx, i, b) ? 2 : S_verb(cx, i, a)) : 0;
		/* of two words that may be verbs side by side, a plural and a
		 * past form, the plural is the subject: "Prices | rose" */
		bool subj = weak && vs == 1 && i == v + 1 && S_ends_s(d, v) && !S_ends_s(d, i) &&
			    (dsr__tk_verb_lex(d, i) & LX_VERBINF);
		if (vs == 2 || (vs == 1 && v == (size_t)-1) || subj) {
			weak = vs == 1;
			v = i;
		}
		if (cop == (size_t)-1 && S_in(cx, i, W_COP) && !S_owner_s(d, i))
			cop = i;
	}
	/* a noun read as a verb only for want of one, before a copula: "the
	 * Velmont deal | is fair" is a "be" */
	if (weak && cop == v + 1 && !dsr__tk_poss(d, cop))
		v = (size_t)-1;
	/* "Russia is looking to Iran": a cue word right after the clause's
	 * only "is", and no other verb, is its predicate */
	if (v == (size_t)-1 && hv != (size_t)-1 && cop != (size_t)-1 && hv == cop + 1)
		v = hv;
	/* "(spoke) on condition of anonymity": how a teller speaks, not what
	 * is told */
	if (v != (size_t)-1) {
		size_t k = v + 1 < b && dsr__tk_is(d, v + 1, "on") ? v + 2 : v;
		if (k < b && dsr__tk_is(d, k, "condition") &&
		    (k > v || (v > 0 && dsr__tk_is(d, v - 1, "on"))))
			return;
	}
	if (S_newsroom(d, a, b) || dsr__tk_shouted(d, a, b) >= 3)
		return;
	char lb[64];
	size_t ll;
	if (v != (size_t)-1) {
		ll = dsr__lemma(d->nlp, d->low + d->tok[v].start, tk_len(d, v), true, lb, sizeof lb);
		lb[ll < sizeof lb ? ll : sizeof lb - 1] = 0;
		/* "Iran had agreed to supply drones": the claim is the supplying */
		if (S_lemma_in(d, lb, L_CONTROL) && v + 2 < b && dsr__tk_is(d, v + 1, "to") &&
		    S_verb(cx, v + 2, a) == 2) {
			v += 2;
			ll = dsr__lemma(d->nlp, d->low + d->tok[v].start, tk_len(d, v), true, lb, sizeof lb);
		}
		c->action = dsr_arena_strndup(d->arena, lb, ll);
	} else if (cop != (size_t)-1) {
		v = cop; /* "the contract was worth $40 million" */
		c->action = "be";
	} else if (u->will && a < b) {
		v = a; /* "agreed on the production of drones" */
		c->action = u->will;
		stand_in = true;
		/* the teller is the one who acts ("the council rejected the
		 * plan"): told by whoever tells of that */
		c->attribution = u->around;
		const dsr_attribution *at = u->att >= 0 ? &an->attributions[u->att] : NULL;
		if (!u->actor && at)
			c->actor = S_source_actor(d, an, at);
	} else {
		return;
	}
	if (u->att >= 0) {
		const dsr_attribution *at = &an->attributions[u->att];
		for (size_t ct = S_tok_at(d, at->cue.start);
		     ct < d->ntok && d->tok[ct].start < at->cue.end; ct++) {
			char cb[64];
			size_t cl = dsr__lemma(d->nlp, d->low + d->tok[ct].start, tk_len(d, ct), true,
					       cb, sizeof cb);
			cb[cl < sizeof cb ? cl : sizeof cb - 1] = 0;
			/* "denied that it sold" is a sale denied; "rejected the
			 * plan" is a rejection */
			neg |= !stand_in && S_lemma_in(d, cb, L_NEG_CUE);
			hedge |= S_lemma_in(d, cb, L_HEDGE_CUE);
		}
	}
	/* negation: a "not", "never", "no" shortly before the predicate, in its
	 * own clause ("No contract has been signed"; not the "has not been made
	 * public" of a clause after it) */
	for (size_t i = v; i-- > a && v - i <= 6;) {
		if (d->tok[i].flags & DSR_TK_PUNCT)
			break;
		if (!(u->att >= 0 && cx->hole[i]))
			neg |= S_in(cx, i, W_NEG);
	}
	c->negated = neg;
	c->hedged = hedge || u->hedge;
	/* actor: the last named entity before the predicate; theme: equipment,
	 * else the counted noun, else the first noun after it */
	uint32_t vs = d->tok[v].start;
	c->places = dsr_arena_alloc(d->arena, 8 * sizeof *c->places);
	size_t e0 = S_first((const void *)an->entities, sizeof *an->entities, an->nentities, u->start, false);
	const dsr_entity *prev = NULL;
	for (size_t k = e0; k < an->nentities && an->entities[k].sp.start < u->end; k++) {
		const dsr_entity *e = &an->entities[k];
		if (e->sp.start < u->start || e->sp.end > u->end)
			continue;
		bool named = e->type == DSR_E_PERSON || e->type == DSR_E_ORG ||
			     e->type == DSR_E_GPE || e->type == DSR_E_NORP;
		if (e->type == DSR_E_OTHER && e->sp.end <= vs) {
			/* a name the tagger could not type acts when it is the
			 * verb's subject: "Velmont will | sell" */
			size_t k2 = S_tok_at(d, e->sp.end);
			while (k2 < v && (S_in(cx, k2, W_AUX | W_NEG) || (d->tok[k2].lex & LX_ADV)))
				k2++;
			named = k2 == v;
		}
		if (e->sp.end <= vs && named) {
			/* "Moscow and Tehran agreed": the first of the pair */
			uint32_t gap = prev ? e->sp.start - prev->sp.end : 0;
			bool pair = prev && ((gap == 5 && !memcmp(an->text + prev->sp.end, " and ", 5)) ||
					     (gap == 2 && !memcmp(an->text + prev->sp.end, ", ", 2)));
			if (!pair)
				c->actor = e->type == DSR_E_NORP ? S_actor(d, e->canonical) : e->canonical;
			prev = e;
		}
		if (e->sp.start > vs && e->type == DSR_E_EQUIPMENT && !c->theme)
			c->theme = e->canonical;
	}
	for (size_t k = e0; k < an->nentities && an->entities[k].sp.start < u->end; k++) {
		const dsr_entity *e = &an->entities[k];
		if (e->sp.start < u->start || e->sp.end > u->end || c->nplaces >= 8)
			continue;
		bool place = e->type == DSR_E_GPE || e->type == DSR_E_LOC || e->type == DSR_E_FAC;
		if (!place || (c->actor && !strcmp(c->actor, e->canonical)))
			continue;
		/* where it happened: "in Velmont", "off Cape Morrow", "at the Alabuga
		 * plant"; not "Moscow and Tehran agreed" nor "sold to Russia" */
		size_t et = S_tok_at(d, e->sp.start);
		if (et > 0 && dsr__tk_is(d, et - 1, "the"))
			et--;
		if (et == 0 || !S_in(cx, et - 1, W_LOC))
			continue;
		bool dup = false;
		for (size_t p = 0; p < c->nplaces; p++)
			dup |= !strcmp(c->places[p], e->canonical);
		if (!dup)
			c->places[c->nplaces++] = e->canonical;
	}
	c->quantities = dsr_arena_alloc(d->arena, (an->nquantities + 1) * sizeof *c->quantities);
	for (size_t k = S_first((const void *)an->quantities, sizeof *an->quantities, an->nquantities, u->start, false);
	     k < an->nquantities && an->quantities[k].sp.start < u->end; k++) {
		const dsr_quantity *q = &an->quantities[k];
		if (q->sp.start >= u->start && q->sp.end <= u->end &&
		    !(u->att >= 0 && cx->hole[S_tok_at(d, q->sp.start)])) {
			c->quantities[c->nquantities++] = (uint32_t)k;
			if (!c->theme && q->kind == DSR_Q_COUNT && q->unit && q->sp.start > vs)
				c->theme = q->unit;
		}
	}
	c->times = dsr_arena_alloc(d->arena, (an->ntimes + 1) * sizeof *c->times);
	for (size_t k = S_first((const void *)an->times, sizeof *an->times, an->ntimes, u->start, false);
	     k < an->ntimes && an->times[k].sp.start < u->end; k++) {
		const dsr_timex *t = &an->times[k];
		if (t->sp.start >= u->start && t->sp.end <= u->end &&
		    !(u->att >= 0 && cx->hole[S_tok_at(d, t->sp.start)]))
			c->times[c->ntimes++] = (uint32_t)k;
	}
	/* passive: "the contract was signed" is about the contract */
	size_t aux = v;
	while (aux > a && (S_in(cx, aux - 1, W_NEG) || (d->tok[aux - 1].lex & LX_ADV)))
		aux--;
	bool passive = aux > a && aux < v + 1 && S_in(cx, aux - 1, W_COP) && v != cop &&
		       tk_len(d, v) > 3 && (!memcmp(d->low + d->tok[v].end - 2, "ed", 2) ||
					    !memcmp(d->low + d->tok[v].end - 2, "en", 2) ||
					    !memcmp(d->low + d->tok[v].end - 2, "wn", 2));
	if (aux > a && passive)
		aux--;
	while (aux > a && S_in(cx, aux - 1, W_AUX))
		aux--;
	for (size_t i = aux; passive && !c->theme && i-- > a;) {
		const dsr_token *t = &d->tok[i];
		if (t->flags & (DSR_TK_PUNCT | DSR_TK_NUM))
			break;
		if (!dsr__tk_common_noun(d, i))
			continue;
		ll = dsr__lemma(d->nlp, d->low + t->start, tk_len(d, i), false, lb, sizeof lb);
		c->theme = dsr_arena_strndup(d->arena, lb, ll);
	}
	if (passive) {
		/* the named one before a passive verb is what it is about; the
		 * one after "by" did it */
		if (c->actor && !c->theme)
			c->theme = c->actor;
		c->actor = NULL;
		size_t by = b;
		for (size_t i = v + 1; i < b && by == b; i++)
			if (dsr__tk_is(d, i, "by"))
				by = i;
		for (size_t k = e0; by < b && k < an->nentities && an->entities[k].sp.start < u->end; k++) {
			const dsr_entity *e = &an->entities[k];
			if (e->sp.start >= d->tok[by].end && e->sp.end <= u->end &&
			    (e->type == DSR_E_PERSON || e->type == DSR_E_ORG || e->type == DSR_E_GPE)) {
				c->actor = e->canonical;
				break;
			}
		}
	}
	if (u->actor && (!c->actor || dsr__tk_is(d, a, "to")))
		c->actor = u->actor;
	if (!c->theme)
		c->theme = S_noun_head(d, v + 1, b);
	S_light_verb(cx, c, v, b);
}

static int S_cmp_unit(const void *x, const void *y)
{
	const S_unit *a = x, *b = y;
	return a->start < b->start ? -1 : a->start > b->start ? 1 : (a->end > b->end) - (a->end < b->end);
}

/* Does span sp lie inside a piece of x's content? */
static bool S_in_parts(const dsr_attribution *x, dsr_span sp)
{
	for (size_t p = 0; p < x->nparts; p++)
		if (sp.start >= x->parts[p].start && sp.end <= x->parts[p].end)
			return true;
	return false;
}

/* Does the content open on its verb right after the cue? */
static bool S_opens_on_verb(const nlp_doc *d, const dsr_attribution *x)
{
	size_t ci = S_tok_at(d, x->content.start);
	/* past adverbs: "Norway has | now become" */
	while (ci + 1 < d->ntok && (d->tok[ci].lex & LX_ADV) &&
	       !(d->tok[ci].lex & (LX_VERB | LX_FUNC)) && d->tok[ci + 1].start < x->content.end)
		ci++;
	return x->cue.end <= x->content.start && x->content.start - x->cue.end <= 1 &&
	       ci < d->ntok && (dsr__tk_verb_lex(d, ci) & (LX_VERB | LX_VERBINF)) &&
	       !(d->tok[ci].lex & LX_FUNC);
}

void dsr__claims(nlp_doc *d, dsr_analysis *an)
{
	an->claims = NULL;
	an->nclaims = 0;
	if (!an->nsentences)
		return;
	/* units: innermost attributed contents, cut at sentence ends, then
	 * sentences with no attribution */
	size_t cap = an->nsentences + an->nattributions * 8 + 1, nu = 0;
	bool *control = dsr_arena_alloc(d->arena, an->nattributions + 1);
	bool *lead = dsr_arena_alloc(d->arena, an->nattributions + 1); /* S_opens_on_verb */
	const char **will = dsr_arena_alloc(d->arena, (an->nattributions + 1) * sizeof *will);
	for (size_t k = 0; k < an->nattributions; k++) {
		const dsr_attribution *x = &an->attributions[k];
		/* the cue's last word: "had agreed"; not an adverb after it
		 * ("approved overwhelmingly") */
		size_t ct = S_tok_at(d, x->cue.end > 0 ? x->cue.end - 1 : 0);
		while (ct > 0 && d->tok[ct - 1].start >= x->cue.start &&
		       ((d->tok[ct].flags & DSR_TK_PUNCT) ||
			((d->tok[ct].lex & LX_ADV) && !(dsr__tk_verb_lex(d, ct) & (LX_VERB | LX_VERBINF)))))
			ct--;
		char cb[64];
		size_t cl = dsr__lemma(d->nlp, d->low + d->tok[ct].start, tk_len(d, ct), true, cb, sizeof cb);
		cb[cl < sizeof cb ? cl : sizeof cb - 1] = 0;
		size_t ci = S_tok_at(d, x->content.start);
		control[k] = S_lemma_in(d, cb, L_CONTROL) && ci < d->ntok &&
			     (dsr__tk_is(d, ci, "to") || dsr__tk_is(d, ci, "on"));
		/* an auxiliary for cue, its verb opening the content ("Norvik had |
		 * agreed to build"): the teller acts, as after "agreed to" */
		char wb[16];
		size_t wl = tk_len(d, ct);
		lead[k] = S_opens_on_verb(d, x);
		if (wl < sizeof wb && lead[k]) {
			memcpy(wb, d->low + d->tok[ct].start, wl);
			wb[wl] = 0;
			control[k] = control[k] || S_lemma_in(d, wb, L_AUX);
		}
		/* the cue's verb stands in when the content has none ("started the
		 * production of drones", "rejected the plan") */
		will[k] = dsr_arena_strndup(d->arena, cb, strlen(cb));
	}
	S_unit *u = dsr_arena_alloc(d->arena, cap * sizeof *u);
	bool *covered = dsr_arena_alloc(d->arena, an->nsentences);
	memset(covered, 0, an->nsentences);
	for (size_t k = 0; k < an->nattributions; k++) {
		const dsr_attribution *x = &an->attributions[k];
		/* does another cue lie in this content? (attributions are in cue order) */
		bool outer = false;
		size_t lo = 0, hi = an->nattributions;
		while (lo < hi) {
			size_t mid = (lo + hi) / 2;
			if (an->attributions[mid].cue.start < x->content.start)
				lo = mid + 1;
			else
				hi = mid;
		}
		for (size_t j = lo; j < an->nattributions && !outer &&
				    an->attributions[j].cue.start < x->content.end; j++)
			outer = j != k && S_in_parts(x, an->attributions[j].cue) &&
				!S_teller_only(d, &an->attributions[j]);
		covered[x->sentence] = true;
		if (outer || S_teller_only(d, x))
			continue;
		long att = (long)k;
		const char *actor = NULL;
		/* a content that opens on its verb has the teller for subject */
		if (lead[k])
			actor = S_source_actor(d, an, x);
		long around = control[k] ? S_around(an, k, control) : -2; /* -2: not yet sought */
		if (control[k]) {
			/* told by the innermost other attribution around its cue */
			actor = S_source_actor(d, an, x);
			att = around;
		}
		/* one unit per sentence each piece of the content touches; pieces
		 * a few words apart ("he said") are one */
		for (size_t p = 0; p < x->nparts; p++) {
			dsr_span sp = x->parts[p];
			if (!S_has_word(d, sp))
				continue;
			while (p + 1 < x->nparts &&
			       S_tok_at(d, x->parts[p + 1].start) <= S_tok_at(d, sp.end) + 10 &&
			       S_has_word(d, x->parts[p + 1]))
				sp.end = x->parts[++p].end;
			/* the cue's verb stands in only for a piece right after it */
			const char *wl = sp.start >= x->cue.end &&
					 S_tok_at(d, sp.start) <= S_tok_at(d, x->cue.end) + 2
					 ? will[k] : NULL;
			if (wl && around == -2)
				around = S_around(an, k, control);
			size_t s = S_first((const void *)an->sentences, sizeof *an->sentences,
					   an->nsentences, sp.start, true);
			for (; s < an->nsentences && an->sentences[s].start < sp.end && nu < cap; s++) {
				dsr_span ss = an->sentences[s];
				uint32_t a = sp.start > ss.start ? sp.start : ss.start;
				uint32_t b = sp.end < ss.end ? sp.end : ss.end;
				if (a >= b)
					continue;
				covered[s] = true;
				u[nu++] = (S_unit){a, b, att, (uint32_t)s, actor, wl,
						   control[k] && S_lemma_in(d, will[k], L_HEDGE_CUE), around < -1 ? -1 : around};
			}
		}
	}
	for (size_t s = 0; s < an->nsentences && nu < cap; s++)
		if (!covered[s])
			u[nu++] = (S_unit){an->sentences[s].start, an->sentences[s].end, -1, (uint32_t)s, NULL, NULL, false, -1};
	qsort(u, nu, sizeof *u, S_cmp_unit); /* in text order */
	/* word classes and holes, once per article */
	S_cx cx = {d, an, dsr_arena_alloc(d->arena, d->ntok + 1), dsr_arena_alloc(d->arena, d->ntok + 1)};
	memset(cx.hole, 0, d->ntok + 1);
	for (size_t i = 0; i < d->ntok; i++)
		cx.wm[i] = (uint8_t)dsr__wset_get(&d->nlp->cls->word, d->hw[i]);
	for (size_t k = 0; k < an->nattributions; k++) {
		const dsr_attribution *x = &an->attributions[k];
		for (size_t i = S_tok_at(d, x->cue.start); i < d->ntok && d->tok[i].start < x->cue.end; i++)
			cx.hole[i] = 1;
		if (x->has_source)
			for (size_t i = S_tok_at(d, x->source.sp.start);
			     i < d->ntok && d->tok[i].start < x->source.sp.end; i++)
				cx.hole[i] = 1;
		if (S_teller_only(d, x))
			for (size_t i = S_tok_at(d, x->content.start);
			     i < d->ntok && d->tok[i].start < x->content.end; i++)
				cx.hole[i] = 1;
	}
	an->claims = dsr_arena_alloc(d->arena, (nu + 1) * sizeof *an->claims);
	for (size_t i = 0; i < nu; i++) {
		dsr_claim *c = &an->claims[an->nclaims];
		S_claim(&cx, &u[i], c);
		if (c->action)
			an->nclaims++;
	}
}
