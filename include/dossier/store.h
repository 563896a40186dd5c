/*
 * store.h: the SQLite store (WAL): articles, their full-text index (FTS5).
 *
 * Ingest is idempotent: an article whose id (from its canonical URL), URL
 * or normalized text is already stored is reported as a duplicate and not
 * stored again. Writes are grouped in transactions by the caller
 * (dsr_store_begin / dsr_store_commit); a crash loses at most the open
 * transaction, never what was committed.
 */
#ifndef DOSSIER_STORE_H
#define DOSSIER_STORE_H

#include "base.h"
#include "extract.h"

typedef struct dsr_store dsr_store;

/* Opens (creating if needed) the database at path. On failure *errmsg gets
 * a malloc'd message naming the path. */
DSR_WARN_UNUSED dsr_err dsr_store_open(dsr_store **out, const char *path, char **errmsg);
void dsr_store_close(dsr_store *s);
/* The last error's message (names the database and the reason). */
const char *dsr_store_errmsg(const dsr_store *s);

DSR_WARN_UNUSED dsr_err dsr_store_begin(dsr_store *s);
DSR_WARN_UNUSED dsr_err dsr_store_commit(dsr_store *s);

/* Stores an article; *duplicate tells whether it was already there. `source`
 * names where it came from (for `dossier article`). */
DSR_WARN_UNUSED dsr_err dsr_store_put(dsr_store *s, const dsr_article *a, const char *source,
				      bool *duplicate);

/* Loads an article by id (or by URL); strings are allocated in arena. */
DSR_WARN_UNUSED dsr_err dsr_store_get(dsr_store *s, const char *id, dsr_arena *arena,
				      dsr_article *out);

/* One search hit; strings valid during the callback only. */
typedef struct dsr_hit {
	const char *id, *title, *outlet, *published, *url, *snippet;
	double rank;  /* bm25: lower is better */
} dsr_hit;
typedef int (*dsr_hit_fn)(void *ud, const dsr_hit *hit);

/* Full-text search (FTS5 syntax; plain words work too), best first. */
DSR_WARN_UNUSED dsr_err dsr_store_search(dsr_store *s, const char *query, size_t limit,
					 dsr_hit_fn fn, void *ud);
/* Every stored article in ingest order (title and metadata; snippet NULL). */
DSR_WARN_UNUSED dsr_err dsr_store_list(dsr_store *s, size_t limit, dsr_hit_fn fn, void *ud);
/* Number of stored articles. */
long long dsr_store_count(dsr_store *s);

#endif
