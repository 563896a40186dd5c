/*
 * nlp.c: the dsr_nlp context: the embedded lexicon as a hash table, the
 * hand-written closed word classes, lemmas, and the analyze entry point.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "nlp.h"
#include "percep.h"

/* The lexicon text and the tagger weights, embedded at build time (the
 * Makefile generates gen/lexicon.tsv with tools/gen_lexicon.py). */
__asm__(".section .rodata\n"
	".balign 16\n"
	".globl dsr__lexicon_data\n"
	"dsr__lexicon_data:\n"
	".incbin \"gen/lexicon.tsv\"\n"
	".globl dsr__lexicon_end\n"
	"dsr__lexicon_end:\n"
	".byte 0\n"
	".previous\n");
extern const char dsr__lexicon_data[], dsr__lexicon_end[];

/* Closed classes written by hand: grammar, not names. */
static const struct {
	uint32_t cls;
	const char *words;
} S_closed[] = {
	{LX_FUNC, "a an the this that these those some any each every all no both either neither "
		  "i you he she it we they me him her us them my your his its our their "
		  "who whom whose which what where when why how there here "
		  "of in on at by for with about against between into through during before after "
		  "above below to from up down over under again further then once than as until "
		  "while and but or nor so yet if because although though unless since "
		  "is are was were be been being have has had having do does did will would "
		  "shall should can could may might must not also just only very more most "
		  "other such own same too per via among amid within without across along "
		  "around near off onto upon toward towards despite whether"},
	{LX_MONTH, "january february march april may june july august september october november "
		   "december jan feb mar apr jun jul aug sep sept oct nov dec"},
	{LX_WEEKDAY, "monday tuesday wednesday thursday friday saturday sunday "
		     "mon tue tues wed thu thur thurs fri sat sun"},
	{LX_NUMWORD, "zero one two three four five six seven eight nine ten eleven twelve "
		     "thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty "
		     "thirty forty fifty sixty seventy eighty ninety hundred a dozen dozens "
		     "hundreds thousands millions billions scores half"},
	{LX_UNIT, "hundred thousand million billion trillion dozen mln bln bn m k"},
	{LX_TITLE, "mr mrs ms dr prof sir lord lady president vice chairman chairwoman chair "
		   "ceo cfo coo cto chief executive director secretary minister premier "
		   "chancellor governor senator sen rep representative congressman "
		   "congresswoman mayor judge justice general gen lt col maj capt cmdr adm "
		   "colonel major captain lieutenant sergeant admiral commander officer "
		   "spokesman spokeswoman spokesperson ambassador envoy king queen prince "
		   "princess pope bishop rev father saint st ayatollah sheikh analyst "
		   "economist professor founder co-founder deputy head leader advisor adviser aide "
		   "commissioner administrator coordinator inspector attorney prosecutor"},
	{LX_ORGSUF, "inc corp corporation co ltd llc plc ag sa nv gmbh group holdings bank "
		    "company companies association agency ministry department council "
		    "committee commission institute university college party union "
		    "organization organisation foundation federation fund corps authority "
		    "service services systems technologies motors airlines airways "
		    "industries partners capital securities exchange network news times "
		    "post journal press television radio tv magazine gazette herald tribune "
		    "chronicle observer telegraph courier wire aerospace dynamics electronics "
		    "robotics pharmaceuticals logistics shipbuilding shipyards laboratories labs"},
	{LX_REPORT, "said says say told tells reported reports according added adds stated "
		    "states announced announces confirmed confirms denied denies claimed claims "
		    "warned warns acknowledged acknowledges insisted noted explained argued "
		    "wrote writes asserted"},
	{LX_STARTER, "the a an he she it they we i you this that these those his her their its "
		     "but and or so yet in on at for with as after before when while if "
		     "although though there here one some many most more other others "
		     "meanwhile however also still now then today yesterday last"},
	{LX_TIMEX, "this last next past coming the early late mid today yesterday tomorrow "
		   "tonight now currently current recently lately these every each per daily "
		   "weekly monthly yearly annually annual hourly nightly noon midday midnight "
		   "year-ago year-earlier christmas halloween thanksgiving independence spring "
		   "summer fall autumn winter fiscal a an one several few many some recent "
		   "previous first second third fourth following for in within since nineteen "
		   "days weeks months years decades that earlier later then sundays mondays "
		   "tuesdays wednesdays thursdays fridays saturdays"},
	{LX_ABBR, "mr mrs ms dr prof sr jr st gen lt col maj capt cmdr adm sen rep gov "
		  "inc corp co ltd bros jan feb mar apr jun jul aug sep sept oct nov dec "
		  "mon tue tues wed thu thur thurs fri sat sun no vs etc mt ft ave rev "
		  "dept est fig approx"},
};

static void S_grow(dsr_nlp *nlp, size_t *alloc)
{
	if (nlp->nent < *alloc)
		return;
	*alloc = *alloc ? *alloc * 2 : 1 << 17;
	nlp->ent = dsr_xrealloc(nlp->ent, dsr_st_mult(*alloc, sizeof *nlp->ent));
}

/* A slot holds the entry's index + 1 in its low 22 bits and 10 more bits of
 * the key's hash above them: a probe that meets another word's slot moves on
 * without touching the entry or its key (most phrase lookups miss). */
#define S_IDX_BITS 22
#define S_TAG(h) ((uint32_t)((h) >> 54) << S_IDX_BITS)

static void S_insert(dsr_nlp *nlp, size_t i)
{
	if (i + 1 >= (1u << S_IDX_BITS))
		abort(); /* the lexicon is a few hundred thousand entries */
	uint64_t hv = dsr_hash64(nlp->ent[i].key, nlp->ent[i].klen, 7);
	size_t h = (size_t)hv & nlp->mask;
	while (nlp->slot[h])
		h = (h + 1) & nlp->mask;
	nlp->slot[h] = S_TAG(hv) | ((uint32_t)i + 1);
}

/* Sized with room for the closed classes and phrase heads added later. */
static void S_index(dsr_nlp *nlp)
{
	size_t sz = 1;
	while (sz < nlp->nent * 3 + 65536)
		sz <<= 1;
	free(nlp->slot);
	nlp->slot = dsr_xcalloc(sz, sizeof *nlp->slot);
	nlp->mask = sz - 1;
	for (size_t i = 0; i < nlp->nent; i++)
		S_insert(nlp, i);
}

const lx_entry *dsr__lx_get(const dsr_nlp *nlp, const char *s, size_t n)
{
	uint64_t hv = dsr_hash64(s, n, 7);
	uint32_t tag = S_TAG(hv);
	size_t h = (size_t)hv & nlp->mask;
	for (uint32_t k; (k = nlp->slot[h]); h = (h + 1) & nlp->mask) {
		if ((k & ~((1u << S_IDX_BITS) - 1)) != tag)
			continue;
		const lx_entry *e = &nlp->ent[(k & ((1u << S_IDX_BITS) - 1)) - 1];
		if (e->klen == n && !memcmp(e->key, s, n))
			return e;
	}
	return NULL;
}

const char *dsr__lx_synonym(const dsr_nlp *nlp, const char *s, size_t n, size_t *len)
{
	char key[64];
	*len = n;
	if (n + 1 >= sizeof key)
		return s;
	key[0] = '~';
	memcpy(key + 1, s, n);
	const lx_entry *e = dsr__lx_get(nlp, key, n + 1);
	if (!e || !e->extra || !e->xlen)
		return s;
	*len = e->xlen;
	return e->extra;
}

/* Adds cls to the entry of s[0..n), creating it when missing. */
static void S_mark(dsr_nlp *nlp, size_t *alloc, const char *s, size_t n, uint32_t cls)
{
	lx_entry *e = (lx_entry *)dsr__lx_get(nlp, s, n);
	if (e) {
		e->cls |= cls;
		return;
	}
	S_grow(nlp, alloc);
	nlp->ent[nlp->nent++] = (lx_entry){s, NULL, (uint32_t)n, 0, cls, 0};
	S_insert(nlp, nlp->nent - 1);
}

static uint32_t S_letters(const char *s, const char *e)
{
	uint32_t c = 0;
	for (; s < e; s++) {
		switch (*s) {
		case 'C': c |= LX_COUNTRY; break;
		case 'L': c |= LX_PLACE; break;
		case 'P': c |= LX_PERSON; break;
		case 'O': c |= LX_ORG; break;
		case 'E': c |= LX_EVENT; break;
		case 'F': c |= LX_FAC; break;
		case 'N': c |= LX_NORP; break;
		case 'n': c |= LX_NOUN; break;
		case 'v': c |= LX_VERB; break;
		case 'a': c |= LX_ADJ; break;
		case 'r': c |= LX_ADV; break;
		case '$': c |= LX_CURRENCY; break;
		case 'm': c |= LX_NOUNINF; break;
		case 'w': c |= LX_VERBINF; break;
		case 's': c |= LX_VCOMM; break;
		case 'k': c |= LX_VCOG; break;
		case 'q': c |= LX_NCOMM; break;
		case 'D': c |= LX_DERIV; break;
		case 'K': c |= LX_CAPITAL; break;
		case 'p': c |= LX_PRODUCT; break;
		default: break;
		}
	}
	return c;
}

/* The next line of the embedded lexicon from *p: "key\tclasses[\textra]"
 * (lines without a tab are skipped); false at the end. */
typedef struct S_line {
	const char *key, *cls, *extra; /* extra NULL when absent */
	size_t klen, clen, xlen;
} S_line;

static bool S_next_line(const char **p, S_line *l)
{
	const char *end = dsr__lexicon_end;
	while (*p < end) {
		const char *s = *p, *nl = memchr(s, '\n', (size_t)(end - s));
		if (!nl)
			nl = end;
		*p = nl + 1;
		const char *t1 = memchr(s, '\t', (size_t)(nl - s));
		if (!t1)
			continue;
		const char *t2 = memchr(t1 + 1, '\t', (size_t)(nl - t1 - 1));
		*l = (S_line){s, t1 + 1, t2 ? t2 + 1 : NULL, (size_t)(t1 - s),
			      (size_t)((t2 ? t2 : nl) - t1 - 1), t2 ? (size_t)(nl - t2 - 1) : 0};
		return true;
	}
	return false;
}

void dsr__lx_country_forms(void (*fn)(void *, const char *, size_t, const char *, size_t),
			  void *ctx)
{
	const char *p = dsr__lexicon_data;
	S_line l;
	while (S_next_line(&p, &l))
		if (l.extra && l.xlen > 1 && l.extra[0] == '=')
			fn(ctx, l.key, l.klen, l.extra + 1, l.xlen - 1);
}

static dsr_nlp *S_nlp_new(bool attrib)
{
	dsr_nlp *nlp = dsr_xcalloc(1, sizeof *nlp);
	size_t alloc = 0;
	const char *p = dsr__lexicon_data;
	S_line ln;
	while (S_next_line(&p, &ln)) {
		S_grow(nlp, &alloc);
		lx_entry *e = &nlp->ent[nlp->nent++];
		e->key = ln.key;
		e->klen = (uint32_t)ln.klen;
		e->cls = S_letters(ln.cls, ln.cls + ln.clen);
		e->more = memchr(ln.cls, 'j', ln.clen) ? LX2_RARE_NOUN : 0;
		e->extra = ln.extra;
		e->xlen = (uint32_t)ln.xlen;
	}
	S_index(nlp);
	/* closed classes, then the heads of multi-word names */
	for (size_t k = 0; k < sizeof S_closed / sizeof *S_closed; k++) {
		const char *w = S_closed[k].words;
		while (*w) {
			size_t l = strcspn(w, " ");
			S_mark(nlp, &alloc, w, l, S_closed[k].cls);
			w += l;
			w += *w == ' ';
		}
	}
	size_t n0 = nlp->nent;
	for (size_t i = 0; i < n0; i++) {
		const char *key = nlp->ent[i].key;
		const char *sp = memchr(key, ' ', nlp->ent[i].klen);
		if (sp && (nlp->ent[i].cls & (LX_NAMECLASS | LX_CURRENCY)))
			S_mark(nlp, &alloc, key, (size_t)(sp - key), LX_HEAD);
	}
	nlp->ner = dsr__ner_model_load();
	if (attrib) {
		nlp->cue = dsr__at_cue_model_load();
		nlp->role = dsr__at_role_model_load();
		nlp->atm = dsr__at_memo_build(nlp->cue, nlp->role);
		nlp->cls = dsr__cl_sets_build();
	}
	return nlp;
}

dsr_err dsr_nlp_new(dsr_nlp **out)
{
	*out = S_nlp_new(true);
	return DSR_OK;
}

dsr_nlp *dsr__nlp_new_tagger(void)
{
	return S_nlp_new(false);
}

void dsr_nlp_free(dsr_nlp *nlp)
{
	if (!nlp)
		return;
	dsr__ner_model_free(nlp->ner);
	dsr__pm_free((struct pm_model *)(uintptr_t)nlp->cue);
	dsr__pm_free((struct pm_model *)(uintptr_t)nlp->role);
	dsr__at_memo_free(nlp->atm);
	free(nlp->cls);
	free(nlp->ent);
	free(nlp->slot);
	free(nlp);
}

char *dsr__lower(dsr_arena *a, const char *s, size_t n)
{
	char *o = dsr_arena_alloc(a, n + 1);
	for (size_t i = 0; i < n; i++)
		o[i] = (char)((unsigned char)s[i] < 0x80 ? tolower((unsigned char)s[i]) : s[i]);
	o[n] = 0;
	return o;
}

static size_t S_copy(char *out, size_t outsz, const char *s, size_t n)
{
	if (n >= outsz)
		n = outsz - 1;
	memcpy(out, s, n);
	out[n] = 0;
	return n;
}

size_t dsr__lemma(const dsr_nlp *nlp, const char *s, size_t n, bool verb, char *out,
		  size_t outsz)
{
	const lx_entry *e = dsr__lx_get(nlp, s, n);
	uint32_t inf = verb ? LX_VERBINF : LX_NOUNINF, base = verb ? LX_VERB : LX_NOUN;
	if (e && (e->cls & inf) && e->extra)
		return S_copy(out, outsz, e->extra, e->xlen);
	/* WordNet's morphy suffix rules, checked against the index */
	typedef struct {
		const char *suf, *rep;
		uint8_t sl, bl;
	} S_rule;
#define S_R(a, b) {a, b, sizeof a - 1, sizeof b - 1}
	static const S_rule nrules[] = {
		S_R("ies", "y"), S_R("ses", "s"), S_R("xes", "x"), S_R("zes", "z"),
		S_R("ches", "ch"), S_R("shes", "sh"), S_R("men", "man"), S_R("s", ""),
	};
	static const S_rule vrules[] = {
		S_R("ies", "y"), S_R("es", "e"), S_R("es", ""), S_R("ed", "e"), S_R("ed", ""),
		S_R("ing", "e"), S_R("ing", ""), S_R("s", ""),
	};
#undef S_R
	const S_rule *rules = verb ? vrules : nrules;
	size_t nr = verb ? sizeof vrules / sizeof *vrules : sizeof nrules / sizeof *nrules;
	char tmp[64];
	for (size_t r = 0; r < nr && n < sizeof tmp - 4; r++) {
		size_t sl = rules[r].sl, bl = rules[r].bl;
		if (n <= sl + 1 || memcmp(s + n - sl, rules[r].suf, sl))
			continue;
		memcpy(tmp, s, n - sl);
		memcpy(tmp + n - sl, rules[r].rep, bl);
		size_t tl = n - sl + bl;
		if (dsr__lx_cls(nlp, tmp, tl) & base)
			return S_copy(out, outsz, tmp, tl);
		/* doubled consonant: stopped -> stop */
		if (verb && tl >= 3 && bl == 0 && tmp[tl - 1] == tmp[tl - 2] &&
		    (dsr__lx_cls(nlp, tmp, tl - 1) & base))
			return S_copy(out, outsz, tmp, tl - 1);
	}
	return S_copy(out, outsz, s, n);
}

bool dsr__tk_common_noun(const nlp_doc *d, size_t i)
{
	const dsr_token *t = &d->tok[i];
	if ((t->lex & LX_FUNC) || (t->flags & (DSR_TK_CAP | DSR_TK_PUNCT | DSR_TK_NUM)))
		return false;
	if (t->lex & (LX_NOUN | LX_NOUNINF))
		return true;
	char lb[64];
	size_t nl = dsr__lemma(d->nlp, d->low + t->start, tk_len(d, i), false, lb, sizeof lb);
	return nl != tk_len(d, i) && (dsr__lx_cls(d->nlp, lb, nl) & LX_NOUN);
}

uint32_t dsr__tk_verb_lex(const nlp_doc *d, size_t i)
{
	uint32_t lex = d->tok[i].lex;
	size_t n = tk_len(d, i);
	char z = n ? d->low[d->tok[i].start + n - 1] : 0; /* -s, -ed, -ing */
	if (!(lex & (LX_VERB | LX_VERBINF)) && n > 3 && n < 40 && (z == 's' || z == 'd' || z == 'g')) {
		char lb[64];
		size_t ll = dsr__lemma(d->nlp, d->low + d->tok[i].start, n, true, lb, sizeof lb);
		if (ll != n && (dsr__lx_cls(d->nlp, lb, ll) & LX_VERB))
			lex |= LX_VERBINF;
	}
	return lex;
}

void dsr__wset_add(nlp_wset *s, const char *const *words, uint32_t bits)
{
	for (; *words; words++) {
		uint32_t h = pm_fh(0, *words, strlen(*words));
		size_t k = h & 511;
		size_t probes = 0;
		while (s->key[k] && s->key[k] != h && ++probes < 512)
			k = (k + 1) & 511;
		if (probes >= 512)
			return; /* full: the caller's lists are far smaller */
		s->key[k] = h;
		s->bits[k] |= bits;
	}
}

uint32_t dsr__wset_get(const nlp_wset *s, uint32_t hw)
{
	for (size_t k = hw & 511, probes = 0; s->key[k] && probes < 512; k = (k + 1) & 511, probes++)
		if (s->key[k] == hw)
			return s->bits[k];
	return 0;
}
