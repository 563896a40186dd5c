/*
 * analyze.h: the language layer of an Article (CONTRACT.md "Analysis"):
 * tokens, sentences, named entities with canonical names, normalized time
 * expressions (TimeML TIMEX3) and quantities.
 *
 * A dsr_nlp context holds what is loaded once per process (the gazetteer
 * generated from Debian's iso-codes and WordNet, the entity tagger's
 * weights); it is read-only after dsr_nlp_new, so one context may serve
 * many threads. Everything derived from one article lives in the arena
 * passed to dsr_analyze and is valid until that arena is cleared.
 *
 * Spans are byte offsets into the article's text, end exclusive.
 */
#ifndef DOSSIER_ANALYZE_H
#define DOSSIER_ANALYZE_H

#include "base.h"
#include "extract.h"

typedef struct dsr_span {
	uint32_t start, end;
} dsr_span;

enum dsr_tok_flags {
	DSR_TK_WORD = 1 << 0,    /* letters (maybe with digits, - . ') */
	DSR_TK_NUM = 1 << 1,     /* starts with a digit */
	DSR_TK_PUNCT = 1 << 2,   /* anything else */
	DSR_TK_CAP = 1 << 3,     /* first letter uppercase */
	DSR_TK_UPPER = 1 << 4,   /* every letter uppercase (2+ letters) */
	DSR_TK_SSTART = 1 << 5,  /* first token of a sentence */
	DSR_TK_NL = 1 << 6,      /* preceded by a line break */
	DSR_TK_PARA = 1 << 7,    /* preceded by a blank line */
	DSR_TK_SPACE = 1 << 8,   /* preceded by white space */
};

typedef struct dsr_token {
	uint32_t start, end;
	uint32_t flags;    /* enum dsr_tok_flags */
	uint32_t lex;      /* lexicon classes of the lowercased word (nlp.c) */
} dsr_token;

typedef enum dsr_etype {
	DSR_E_NONE = 0, DSR_E_PERSON, DSR_E_ORG, DSR_E_GPE, DSR_E_LOC, DSR_E_FAC,
	DSR_E_NORP, DSR_E_EQUIPMENT, DSR_E_EVENT, DSR_E_OTHER, DSR_E__COUNT
} dsr_etype;

/* "PERSON", "ORG", ... ; "" for DSR_E_NONE. */
const char *dsr_etype_name(dsr_etype t);

typedef struct dsr_entity {
	dsr_span sp;
	dsr_etype type;
	const char *canonical;   /* the same for every mention of the entity */
} dsr_entity;

typedef enum dsr_ttype { DSR_T_DATE, DSR_T_TIME, DSR_T_DURATION, DSR_T_SET } dsr_ttype;

typedef struct dsr_timex {
	dsr_span sp;
	dsr_ttype type;
	char value[40];          /* TIMEX3 value: 2022-11-05, 2022-W45, P3M, PRESENT_REF */
	const char *mod;         /* START, MID, END, APPROX, ... or NULL */
} dsr_timex;

typedef enum dsr_qkind { DSR_Q_COUNT, DSR_Q_MONEY, DSR_Q_PERCENT, DSR_Q_MEASURE } dsr_qkind;
typedef enum dsr_bound {
	DSR_B_EXACT, DSR_B_ABOUT, DSR_B_UP_TO, DSR_B_AT_LEAST, DSR_B_MORE_THAN,
	DSR_B_LESS_THAN, DSR_B_RANGE
} dsr_bound;

typedef struct dsr_quantity {
	dsr_span sp;
	dsr_qkind kind;
	dsr_bound bound;
	double value, low, high; /* low/high only for ranges */
	const char *unit;        /* ISO 4217, "%", the counted noun's lemma, or NULL */
} dsr_quantity;

/* Who is reported: the kinds of CONTRACT.md "attributions". */
typedef enum dsr_skind {
	DSR_S_NONE = 0, DSR_S_OUTLET, DSR_S_PERSON, DSR_S_ORGANIZATION, DSR_S_GOVERNMENT,
	DSR_S_OFFICIALS, DSR_S_DOCUMENT, DSR_S_MEDIA, DSR_S_SELF, DSR_S__COUNT
} dsr_skind;

/* "outlet", "person", ... ; "" for DSR_S_NONE. */
const char *dsr_skind_name(dsr_skind k);

/* A teller: its words in the text, its kind and a canonical name (a
 * pronoun or "the newspaper" resolves to the name it stands for). */
typedef struct dsr_teller {
	dsr_span sp;
	dsr_skind kind;
	const char *canonical;
} dsr_teller;

typedef struct dsr_attribution {
	dsr_span cue;
	bool has_source;
	dsr_teller source;
	dsr_span content;        /* from the first content piece to the last */
	dsr_span *parts;         /* the content's pieces (a quote split by "he said") */
	size_t nparts;
	dsr_teller *chain;       /* nearest teller first, origin last */
	size_t nchain;
	uint32_t sentence;       /* index of the cue's sentence */
} dsr_attribution;

/* One reported proposition (CONTRACT.md "claims"). */
typedef struct dsr_claim {
	dsr_span sentence;       /* the clause's sentence */
	dsr_span clause;         /* the clause itself */
	const char *actor;       /* canonical entity or NULL */
	const char *action;      /* lemma of the main predicate */
	const char *theme;       /* normalized head of the object, or NULL */
	uint32_t *quantities, *times; /* indexes into the analysis' arrays */
	size_t nquantities, ntimes;
	const char **places;     /* canonical names */
	size_t nplaces;
	long attribution;        /* index into attributions, -1 for the article's own voice */
	bool negated, hedged;
} dsr_claim;

typedef struct dsr_analysis {
	const char *text;        /* the article's text (not a copy) */
	size_t text_len;
	char reference[11];      /* YYYY-MM-DD used for relative times, or "" */
	const char *reference_from; /* the article's published_from, or "inferred" */
	dsr_token *tokens;
	size_t ntokens;
	dsr_span *sentences;
	size_t nsentences;
	dsr_entity *entities;
	size_t nentities;
	dsr_timex *times;
	size_t ntimes;
	dsr_quantity *quantities;
	size_t nquantities;
	dsr_attribution *attributions;
	size_t nattributions;
	dsr_claim *claims;
	size_t nclaims;
} dsr_analysis;

typedef struct dsr_nlp dsr_nlp;

/* Loads the lexicons and the tagger (embedded in the library). The caller
 * frees the context with dsr_nlp_free. */
DSR_WARN_UNUSED dsr_err dsr_nlp_new(dsr_nlp **out);
void dsr_nlp_free(dsr_nlp *nlp);

/*
 * Analyzes `a` (its text, published date and language). Results live in
 * `arena`. Texts over 16 MB are refused with DSR_ETOOBIG.
 */
DSR_WARN_UNUSED dsr_err dsr_analyze(const dsr_nlp *nlp, const dsr_article *a, dsr_arena *arena,
				    dsr_analysis *out);

/* Appends a quantity's members "kind", "value", "low"/"high" (ranges),
 * "bound" and "unit" (when known), each after a comma. */
DSR_WARN_UNUSED dsr_err dsr_quantity_json_members(const dsr_quantity *q, dsr_buf *out);

/* Appends the analysis layers as JSON members (no braces):
 * "sentences":[...],"entities":[...],"times":[...],"quantities":[...] */
DSR_WARN_UNUSED dsr_err dsr_analysis_json_members(const dsr_analysis *an, dsr_buf *out);

#endif
