/*
 * extract_bench.c: in-process extraction speed on a directory of HTML pages
 * (plain or .gz). Each page is extracted REPS times; prints the median ms
 * per page, pages/s and MB/s over the median run.
 * usage: extract_bench DIR [REPS]
 */
#include "dossier/extract.h"
#include "dossier/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
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
		fprintf(stderr, "usage: extract_bench DIR [REPS]\n");
		return 2;
	}
	int reps = argc > 2 ? atoi(argv[2]) : 5;
	dsr_reader *r;
	char *em = NULL;
	if (dsr_reader_open(&r, argv[1], DSR_FMT_HTML, &em)) {
		fprintf(stderr, "%s\n", em);
		return 1;
	}
	/* load all pages first: the benchmark times extraction, not I/O */
	size_t n = 0, cap = 64, bytes = 0;
	dsr_record *recs = malloc(cap * sizeof *recs);
	for (;;) {
		const dsr_record *rec;
		dsr_err e = dsr_reader_next(r, &rec);
		if (e == DSR_DONE)
			break;
		if (e)
			continue;
		if (n == cap)
			recs = realloc(recs, (cap *= 2) * sizeof *recs);
		recs[n] = *rec;
		char *copy = malloc(rec->len + 1);
		memcpy(copy, rec->data, rec->len);
		copy[rec->len] = 0;
		recs[n].data = copy;
		recs[n].url = NULL;
		recs[n].origin = NULL;
		recs[n].title = recs[n].published = recs[n].outlet = recs[n].language = NULL;
		recs[n].charset = NULL;
		recs[n].authors = NULL;
		recs[n].nauthors = 0;
		bytes += rec->len;
		n++;
	}
	dsr_reader_free(r);
	double *per = malloc(n * sizeof *per);
	double *runs = malloc((size_t)reps * sizeof *runs);
	dsr_arena a;
	dsr_arena_init(&a);
	for (int k = 0; k < reps; k++) {
		double t0 = now();
		for (size_t i = 0; i < n; i++) {
			double p0 = now();
			dsr_article art;
			dsr_arena_clear(&a);
			if (dsr_extract(&recs[i], NULL, &a, &art) > DSR_ENOBODY)
				fprintf(stderr, "page %zu failed\n", i);
			if (k == reps / 2)
				per[i] = (now() - p0) * 1e3;
		}
		runs[k] = now() - t0;
	}
	qsort(per, n, sizeof *per, cmp);
	qsort(runs, (size_t)reps, sizeof *runs, cmp);
	double med = runs[reps / 2];
	printf("pages=%zu bytes=%zu median_ms_per_page=%.3f mean_ms_per_page=%.3f pages_per_s=%.0f MB_per_s=%.1f\n",
	       n, bytes, per[n / 2], med / (double)n * 1e3, (double)n / med, (double)bytes / med / 1e6);
	return 0;
}
