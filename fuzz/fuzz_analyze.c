/* fuzz_analyze.c: libFuzzer target for the language layer (tokens,
 * sentences, times, quantities, entities) on arbitrary bytes as text. */
#include <stdlib.h>
#include <string.h>

#include "dossier/analyze.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n)
{
	static dsr_nlp *nlp;
	if (!nlp && dsr_nlp_new(&nlp))
		abort();
	dsr_arena ar;
	dsr_arena_init(&ar);
	char *text = dsr_arena_strndup(&ar, (const char *)data, n);
	dsr_article a = {0};
	a.text = text;
	a.text_len = n;
	a.published = n > 0 && data[0] & 1 ? "2022-11-19" : NULL;
	dsr_analysis an;
	if (dsr_analyze(nlp, &a, &ar, &an) == DSR_OK) {
		dsr_buf b;
		dsr_buf_init(&b, 0);
		if (dsr_analysis_json_members(&an, &b))
			abort();
		for (size_t i = 0; i < an.nentities; i++)
			if (an.entities[i].sp.end > n || an.entities[i].sp.start >= an.entities[i].sp.end)
				abort();
		for (size_t i = 0; i < an.ntimes; i++)
			if (an.times[i].sp.end > n)
				abort();
		dsr_buf_release(&b);
	}
	dsr_arena_release(&ar);
	return 0;
}
