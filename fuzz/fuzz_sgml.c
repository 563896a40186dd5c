/* fuzz_sgml.c: libFuzzer target for the SGML collection reader (and extraction of its records). */
#include "fuzz_common.h"

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n);
int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n)
{
	fuzz_reader(data, n, DSR_FMT_SGML);
	return 0;
}
