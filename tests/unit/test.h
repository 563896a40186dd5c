/* test.h: a minimal test runner; the last line is "N passed, N failed". */
#ifndef DOSSIER_TEST_H
#define DOSSIER_TEST_H

#include <stdio.h>
#include <string.h>

extern int t_failed_checks;

#define CHECK(cond)                                                              \
	do {                                                                     \
		if (!(cond)) {                                                   \
			fprintf(stderr, "  %s:%d: check failed: %s\n", __FILE__, \
				__LINE__, #cond);                                \
			t_failed_checks++;                                       \
		}                                                                \
	} while (0)

#define CHECK_STR(a, b)                                                                 \
	do {                                                                            \
		const char *a_ = (a), *b_ = (b);                                        \
		if (!a_ || !b_ || strcmp(a_, b_)) {                                     \
			fprintf(stderr, "  %s:%d: '%s' != '%s'\n", __FILE__, __LINE__, \
				a_ ? a_ : "(null)", b_ ? b_ : "(null)");                \
			t_failed_checks++;                                              \
		}                                                                       \
	} while (0)

/* A fresh store in /tmp named after `tag` and this process (path[128] holds
 * its path, for the caller to unlink); NULL, a failed check, if it cannot
 * be opened. main.c. */
struct dsr_store;
struct dsr_store *t_temp_store(const char *tag, char path[128]);

typedef void (*t_fn)(void);
typedef struct t_case {
	const char *name;
	t_fn fn;
} t_case;

#endif
