/* fuzz_common.h: runs bytes through a reader of one format and extraction. */
#ifndef DOSSIER_FUZZ_COMMON_H
#define DOSSIER_FUZZ_COMMON_H

#include "dossier/extract.h"
#include "dossier/read.h"

#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

static inline void fuzz_reader(const unsigned char *data, size_t n, dsr_format fmt)
{
	int fd = memfd_create("fuzz", 0);
	if (fd < 0)
		return;
	if (write(fd, data, n) != (ssize_t)n) {
		close(fd);
		return;
	}
	char path[64];
	snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
	dsr_reader *r;
	char *em = NULL;
	if (dsr_reader_open(&r, path, fmt, &em) == DSR_OK) {
		dsr_arena a;
		dsr_arena_init(&a);
		for (int i = 0; i < 1000; i++) {
			const dsr_record *rec;
			dsr_err e = dsr_reader_next(r, &rec);
			if (e == DSR_DONE)
				break;
			if (e)
				continue;
			dsr_article art;
			dsr_arena_clear(&a);
			if (dsr_extract(rec, NULL, &a, &art))
				continue; /* refused input is the expected outcome too */
		}
		dsr_arena_release(&a);
		dsr_reader_free(r);
	}
	free(em);
	close(fd);
}

#endif
