/*
 * story.h: stories: stored articles grouped by what they report
 * (CONTRACT.md "Stories").
 */
#ifndef DOSSIER_STORY_H
#define DOSSIER_STORY_H

#include "base.h"
#include "analyze.h"
#include "store.h"

/*
 * Puts every stored article that is in no story yet into one, creating
 * stories as needed; existing stories keep their ids. Sets how many
 * articles were placed and how many stories were created.
 */
DSR_WARN_UNUSED dsr_err dsr_store_cluster(dsr_store *s, size_t *added, size_t *created);

/* Appends the stories (all when only < 0, else story `only`) as the JSON
 * array of CONTRACT.md "Stories", largest first. */
DSR_WARN_UNUSED dsr_err dsr_store_stories_json(dsr_store *s, long long only, dsr_buf *out);

/*
 * The dossier of a story (CONTRACT.md "Dossier"): its articles with the
 * copies among them, the entities merged across articles, the claims
 * merged across articles with their evidence, roots and independent
 * counts, the conflicts between claims and a timeline. Everything lives in
 * the arena passed to dsr_dossier_build / dsr_store_dossier.
 */
typedef struct dsr_dos_article {
	const dsr_article *a;
	long long seq;           /* store order (0 when built from memory) */
	long copy_of;            /* index of the article this one copies, or -1 */
	double overlap;          /* share of its text found in one earlier article */
	long original;           /* copy_of followed to the end (itself if no copy) */
	const dsr_analysis *an;
} dsr_dos_article;

typedef struct dsr_dos_entity {
	const char *canonical;
	dsr_etype type;
	const char **aliases;
	size_t naliases;
	size_t articles;         /* how many articles name it */
	size_t mentions;
} dsr_dos_entity;

typedef struct dsr_dos_evidence {
	size_t article;          /* index into the dossier's articles */
	dsr_span sentence, clause;
	const dsr_teller *chain; /* nearest teller first; empty: the article's own voice */
	size_t nchain;
	size_t root;             /* index into the dossier's roots */
} dsr_dos_evidence;

typedef struct dsr_dos_claim {
	char id[24];
	const char *text;
	const char *actor, *action, *theme;
	const dsr_quantity *quantity; /* or NULL */
	const char *quantity_text;    /* normalized: "up to 40 drone" */
	const dsr_timex *time;        /* a date or time, or NULL */
	const char **places;
	size_t nplaces;
	bool negated, hedged;
	bool core;               /* the part that disagreeing claims share (no amount, time or place) */
	dsr_dos_evidence *ev;
	size_t nev;
	size_t *roots;           /* indexes into the dossier's roots */
	size_t nroots;
	size_t *conflicts;       /* indexes into the dossier's claims */
	size_t nconflicts;
} dsr_dos_claim;

typedef struct dsr_dos_conflict {
	size_t a, b;             /* claims */
	const char *field;       /* quantity | time | place | actor | polarity */
	const char *va, *vb;     /* each side's value, readable */
	const char *note;
} dsr_dos_conflict;

typedef struct dsr_dos_when {
	const char *value;       /* TIMEX3 */
	const char *mod;
	size_t *claims;
	size_t nclaims;
	const char *label;
} dsr_dos_when;

typedef struct dsr_dossier {
	long long id;
	const char *title, *first, *last;
	dsr_dos_article *articles;
	size_t narticles, nstored; /* analyzed, and in the story */
	dsr_dos_entity *entities;
	size_t nentities;
	dsr_dos_claim *claims;
	size_t nclaims;
	const char **roots;      /* readable names of the origins */
	size_t nroots;
	dsr_dos_conflict *conflicts;
	size_t nconflicts;
	dsr_dos_when *timeline;
	size_t ntimeline;
} dsr_dossier;

/* Builds the dossier of n articles (oldest first is not required). */
DSR_WARN_UNUSED dsr_err dsr_dossier_build(const dsr_nlp *nlp, const dsr_article *arts, size_t n,
					  dsr_arena *arena, dsr_dossier *out);

/* Loads story `id` and builds its dossier (DSR_ENOTFOUND if there is no
 * such story). At most the newest `limit` articles, and 8 MB of their
 * text, are analyzed (the report says how many of how many). */
DSR_WARN_UNUSED dsr_err dsr_store_dossier(dsr_store *s, const dsr_nlp *nlp, long long id,
					  size_t limit, dsr_arena *arena, dsr_dossier *out);

/* The dossier as the JSON object of CONTRACT.md "Dossier". */
DSR_WARN_UNUSED dsr_err dsr_dossier_json(const dsr_dossier *d, dsr_buf *out);
/* The dossier as a report for a terminal. */
DSR_WARN_UNUSED dsr_err dsr_dossier_report(const dsr_dossier *d, dsr_buf *out);

#endif
