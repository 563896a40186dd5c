/* fuzz_html.c: libFuzzer target for HTML extraction. The first byte picks
 * options: bit 0 fragment (feed content), bit 1 a transport charset. */
#include "dossier/extract.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n)
{
	if (!n)
		return 0;
	dsr_record rec;
	memset(&rec, 0, sizeof rec);
	rec.fragment = data[0] & 1;
	rec.charset = (data[0] & 2) ? "windows-1251" : NULL;
	rec.body = DSR_FMT_HTML;
	rec.data = (const char *)data + 1;
	rec.len = n - 1;
	dsr_arena a;
	dsr_arena_init(&a);
	dsr_article art;
	if (dsr_extract(&rec, NULL, &a, &art))
		art.text = NULL; /* refused input is the expected outcome too */
	dsr_arena_release(&a);
	return 0;
}
