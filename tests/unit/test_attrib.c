/* test_attrib.c: the attribution taggers' internals (src/attrib.h): the
 * scores the analysis computes with its table of small-domain features
 * equal the scores of every feature probed on the model. */
#include <math.h>
#include <stdlib.h>

#include "attrib.h"
#include "test.h"

void test_attribution_memo(void)
{
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	dsr_arena ar;
	dsr_arena_init(&ar);
	const char *text =
		"\"The hangar is full,\" a Velder Freight spokesman said on Tuesday, adding: "
		"\"We cannot take more.\"\n\n"
		"According to the Orlin Courier, port officials told reporters that 40 cranes "
		"were idle. THE MINISTER DENIED IT. Analysts, who would not give their names, "
		"believe the shipments will resume; \u201cperhaps,\u201d one said.";
	nlp_doc d = {.nlp = nlp, .arena = &ar, .text = text, .n = strlen(text)};
	d.low = dsr__lower(&ar, d.text, d.n);
	dsr__tokenize(&d);
	dsr__sentences(&d);
	dsr_entity *ent;
	size_t ne;
	dsr__entities(&d, NULL, 0, &ent, &ne);
	at_ctx c;
	dsr__at_prepare(&c, &d, ent, ne);
	CHECK(nlp->atm != NULL && d.ntok > 50);
	if (!nlp->atm)
		return;
	size_t bad = 0, n = 0;
	uint32_t f[AT_MAXF];
	for (size_t i = 0; i < d.ntok; i++) {
		for (int prev = 0; prev < AT_CUE_NL; prev++) {
			float a[PM_MAXL] = {0}, b[PM_MAXL] = {0};
			dsr__pm_score(nlp->cue, f, dsr__at_cue_features(&c, i, prev, f), a);
			dsr__at_cue_score(&c, nlp->cue, nlp->atm, i, prev, b);
			for (int l = 0; l < AT_CUE_NL; l++)
				bad += fabsf(a[l] - b[l]) > 1e-4f * (1 + fabsf(a[l]));
			n++;
		}
		/* the role tagger, for a cue a few tokens away on either side */
		for (int side = 0; side < 2; side++) {
			size_t cs = side ? i + 3 : i >= 3 ? i - 3 : 0;
			if (cs >= d.ntok || cs == i)
				continue;
			for (int prev = 0; prev < AT_ROLE_NL; prev++) {
				float a[PM_MAXL] = {0}, b[PM_MAXL] = {0};
				size_t nf = dsr__at_role_tok_features(&c, cs, cs + 1, i, f);
				f[nf++] = dsr__at_role_prev_feature(&c, i, prev);
				dsr__pm_score(nlp->role, f, nf, a);
				dsr__at_role_tok_score(&c, nlp->role, nlp->atm, cs, cs + 1, i, prev, b);
				for (int l = 0; l < AT_ROLE_NL; l++)
					bad += fabsf(a[l] - b[l]) > 1e-4f * (1 + fabsf(a[l]));
				n++;
			}
		}
	}
	CHECK(n > 500);
	CHECK(bad == 0);
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}
