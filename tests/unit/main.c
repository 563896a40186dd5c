/* main.c: runs every unit test; prints "N passed, N failed". */
#include "dossier/store.h"
#include "test.h"

#include <stdlib.h>
#include <unistd.h>

int t_failed_checks;

dsr_store *t_temp_store(const char *tag, char path[128])
{
	snprintf(path, 128, "/tmp/dossier-%s-%d.db", tag, (int)getpid());
	unlink(path);
	dsr_store *s = NULL;
	char *em = NULL;
	CHECK(dsr_store_open(&s, path, &em) == DSR_OK);
	free(em);
	return s;
}

#define T(name) void name(void);
#include "list.h"
#undef T

static const t_case cases[] = {
#define T(name) {#name, name},
#include "list.h"
#undef T
};

int main(int argc, char **argv)
{
	int passed = 0, failed = 0;
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		if (argc > 1 && !strstr(cases[i].name, argv[1]))
			continue;
		int before = t_failed_checks;
		cases[i].fn();
		if (t_failed_checks == before) {
			passed++;
		} else {
			failed++;
			fprintf(stderr, "FAIL %s\n", cases[i].name);
		}
	}
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
