/*
 * ner.h: the entity tagger's internals, shared by ner.c and the training
 * program (tools/ner_train.c). Labels: 0 = O, 2k+1 = B-type k, 2k+2 = I-type k.
 */
#ifndef DOSSIER_NER_H
#define DOSSIER_NER_H

#include "nlp.h"

#define NER_NTYPES 7
#define NER_NLABELS (1 + 2 * NER_NTYPES)
#define NER_MAXF 64

/* The tagger's types, in label order (the GMB classes it learns). */
extern const char *const dsr__ner_types[NER_NTYPES];

/* Marks tokens covered by a lexicon name phrase: gz[i] = class | position. */
/* Also fills d->hw and d->hs, which the features read. */
void dsr__ner_gazetteer(nlp_doc *d, uint8_t *gz);
/* Feature hashes of token i given the two previous labels; returns how many
 * were written to f (at most NER_MAXF). */
size_t dsr__ner_features(const nlp_doc *d, const uint8_t *gz, size_t i, int prev, int prev2,
			 uint32_t *f);
/* Is label l allowed after label prev? */
bool dsr__ner_allowed(int prev, int l);

#endif
