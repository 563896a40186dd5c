/* replay_main.c: a plain main() that feeds every file of a directory to a
 * fuzz target, so that gcc builds (with sanitizers) replay the corpora. */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int LLVMFuzzerTestOneInput(const unsigned char *data, size_t n);

int main(int argc, char **argv)
{
	int n = 0;
	for (int i = 1; i < argc; i++) {
		DIR *d = opendir(argv[i]);
		if (!d) {
			fprintf(stderr, "replay: cannot open '%s'\n", argv[i]);
			return 1;
		}
		struct dirent *e;
		while ((e = readdir(d))) {
			if (e->d_name[0] == '.')
				continue;
			char p[4096];
			snprintf(p, sizeof p, "%s/%s", argv[i], e->d_name);
			FILE *f = fopen(p, "rb");
			if (!f)
				continue;
			fseek(f, 0, SEEK_END);
			long sz = ftell(f);
			rewind(f);
			unsigned char *b = malloc(sz > 0 ? (size_t)sz : 1);
			size_t got = fread(b, 1, (size_t)(sz > 0 ? sz : 0), f);
			fclose(f);
			LLVMFuzzerTestOneInput(b, got);
			free(b);
			n++;
		}
		closedir(d);
	}
	printf("replayed %d inputs\n", n);
	return 0;
}
