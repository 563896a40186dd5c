/*
 * analyze_bench.c: in-process speed of the language layer (tokens,
 * sentences, times, quantities, entities) on the articles of an input
 * (any format dossier reads). Articles are extracted once, then analyzed
 * REPS times; prints the median run's MB/s, the model load time and the
 * peak resident memory.
 * usage: analyze_bench INPUT [REPS]
 */
#include "dossier/analyze.h"
#include "dossier/extract.h"
#include "dossier/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

static double now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

static int cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return x < y ? -1 : x > y;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fprintf(stderr, "usage: analyze_bench INPUT [REPS]\n");
		return 2;
	}
	int reps = argc > 2 ? atoi(argv[2]) : 5;
	if (reps < 1 || reps > 50)
		reps = 5;
	dsr_reader *r;
	char *em = NULL;
	if (dsr_reader_open(&r, argv[1], DSR_FMT_AUTO, &em)) {
		fprintf(stderr, "%s\n", em);
		return 1;
	}
	size_t n = 0, cap = 256, bytes = 0;
	dsr_article *arts = malloc(cap * sizeof *arts);
	dsr_arena keep, ar;
	dsr_arena_init(&keep);
	dsr_arena_init(&ar);
	dsr_extract_opts xo = {0};
	for (;;) {
		const dsr_record *rec;
		dsr_err e = dsr_reader_next(r, &rec);
		if (e == DSR_DONE)
			break;
		if (e)
			continue;
		dsr_article a;
		if (dsr_extract(rec, &xo, &keep, &a))
			continue;
		if (n == cap)
			arts = realloc(arts, (cap *= 2) * sizeof *arts);
		arts[n++] = a;
		bytes += a.text_len;
	}
	dsr_reader_free(r);
	double t0 = now();
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		return 1;
	double load = now() - t0;
	double *runs = malloc((size_t)reps * sizeof *runs);
	size_t toks = 0, ents = 0, times = 0, qty = 0;
	for (int k = 0; k < reps; k++) {
		t0 = now();
		toks = ents = times = qty = 0;
		for (size_t i = 0; i < n; i++) {
			dsr_arena_clear(&ar);
			dsr_analysis an;
			if (dsr_analyze(nlp, &arts[i], &ar, &an))
				continue;
			toks += an.ntokens;
			ents += an.nentities;
			times += an.ntimes;
			qty += an.nquantities;
		}
		runs[k] = now() - t0;
	}
	qsort(runs, (size_t)reps, sizeof *runs, cmp);
	double med = runs[reps / 2];
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	printf("%zu articles, %.2f MB, %zu tokens: median %.3f s, %.2f MB/s, %.0f tokens/s; "
	       "entities %zu, times %zu, quantities %zu; model load %.1f ms; peak RSS %ld KB\n",
	       n, (double)bytes / 1e6, toks, med, (double)bytes / 1e6 / med, (double)toks / med, ents,
	       times, qty, load * 1e3, ru.ru_maxrss);
	dsr_nlp_free(nlp);
	dsr_arena_release(&ar);
	dsr_arena_release(&keep);
	free(arts);
	free(runs);
	return 0;
}
