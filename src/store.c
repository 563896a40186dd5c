/* store.c: SQLite (WAL) store of articles with an FTS5 index. */
#include "dossier/store.h"
#include "dossier/json.h"

#include <ctype.h>
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "store_int.h"

struct dsr_store {
	sqlite3 *db;
	char *path;
	sqlite3_stmt *put, *get;
	char errmsg[512];
	bool in_tx;
};

/* The articles table and what hangs on it, shared by a new database and
 * the migration of an old one. A text stored under another URL is kept: it
 * is a copy, and the stories mark it so (schema 1 dropped it, text_hash was
 * unique). */
#define S_ARTICLES(name)                                        \
	"CREATE TABLE IF NOT EXISTS " name "("                  \
	"  seq INTEGER PRIMARY KEY,"                            \
	"  id TEXT NOT NULL UNIQUE,"                            \
	"  url TEXT UNIQUE,"                                    \
	"  text_hash TEXT NOT NULL,"                            \
	"  title TEXT, outlet TEXT, language TEXT,"             \
	"  published TEXT, published_from TEXT,"                \
	"  authors TEXT NOT NULL DEFAULT '[]',"                 \
	"  text TEXT NOT NULL,"                                 \
	"  source TEXT);"
#define S_ARTICLES_HANGERS                                                                 \
	"CREATE INDEX IF NOT EXISTS articles_text_hash ON articles(text_hash);"           \
	"CREATE TRIGGER IF NOT EXISTS articles_ai AFTER INSERT ON articles BEGIN"         \
	"  INSERT INTO articles_fts(rowid, title, text) VALUES (new.seq, new.title, new.text);" \
	"END;"                                                                             \
	"CREATE TRIGGER IF NOT EXISTS articles_ad AFTER DELETE ON articles BEGIN"         \
	"  INSERT INTO articles_fts(articles_fts, rowid, title, text)"                    \
	"  VALUES ('delete', old.seq, old.title, old.text);"                              \
	"END;"

static const char S_schema[] =
	"PRAGMA journal_mode=WAL;"
	"PRAGMA synchronous=NORMAL;"
	"PRAGMA cache_size=-8192;"
	/* a checkpoint every 8,192 pages (32 MB of log) instead of 1,000: a page
	 * that many commits touch (the FTS5 index, the stories) is copied back
	 * once; the war feed's ingest 9.3 -> 8.4 s (medians of 3, alternated) */
	"PRAGMA wal_autocheckpoint=8192;"
	"CREATE TABLE IF NOT EXISTS meta(key TEXT PRIMARY KEY, value TEXT);"
	"INSERT OR IGNORE INTO meta VALUES('schema','2');"
	S_ARTICLES("articles")
	"CREATE VIRTUAL TABLE IF NOT EXISTS articles_fts USING fts5("
	"  title, text, content='articles', content_rowid='seq',"
	"  tokenize='unicode61 remove_diacritics 2');"
	S_ARTICLES_HANGERS
	"CREATE TABLE IF NOT EXISTS stories("
	"  id INTEGER PRIMARY KEY, title TEXT, first_published TEXT, last_published TEXT,"
	"  n INTEGER NOT NULL DEFAULT 0, terms BLOB);"
	"CREATE TABLE IF NOT EXISTS story_articles("
	"  seq INTEGER PRIMARY KEY, story INTEGER NOT NULL);"
	"CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story);"
	"CREATE TABLE IF NOT EXISTS story_names("
	"  key INTEGER PRIMARY KEY, word INTEGER NOT NULL, n INTEGER NOT NULL);"
	"CREATE TABLE IF NOT EXISTS story_df(id INTEGER PRIMARY KEY, docs INTEGER NOT NULL, counts BLOB);"
	"CREATE TABLE IF NOT EXISTS story_terms(seq INTEGER PRIMARY KEY, terms BLOB);";

/* Schema 1 to 2: the articles table is rebuilt without the unique text hash;
 * rows keep their seq, so the FTS index and the stories still point at them. */
static const char S_migrate_1[] =
	"BEGIN IMMEDIATE;"
	S_ARTICLES("articles_v2")
	"INSERT INTO articles_v2 SELECT seq,id,url,text_hash,title,outlet,language,published,"
	"  published_from,authors,text,source FROM articles;"
	"DROP TABLE articles;"
	"ALTER TABLE articles_v2 RENAME TO articles;"
	S_ARTICLES_HANGERS
	"UPDATE meta SET value='2' WHERE key='schema';"
	"COMMIT;";

static dsr_err S_fail(dsr_store *s, const char *what)
{
	snprintf(s->errmsg, sizeof s->errmsg, "database '%s': %s: %s", s->path, what,
		 sqlite3_errmsg(s->db));
	return DSR_EDB;
}

sqlite3 *dsr__store_db(dsr_store *s)
{
	return s->db;
}

dsr_err dsr__store_fail(dsr_store *s, const char *what)
{
	return S_fail(s, what);
}

static int S_schema_version(sqlite3 *db)
{
	sqlite3_stmt *st;
	int v = 0;
	if (sqlite3_prepare_v2(db, "SELECT value FROM meta WHERE key='schema'", -1, &st, NULL) !=
	    SQLITE_OK)
		return 0;
	if (sqlite3_step(st) == SQLITE_ROW)
		v = sqlite3_column_int(st, 0);
	sqlite3_finalize(st);
	return v;
}

dsr_err dsr_store_open(dsr_store **out, const char *path, char **errmsg)
{
	*out = NULL;
	dsr_store *s = dsr_xcalloc(1, sizeof *s);
	s->path = dsr_xstrndup(path, strlen(path));
	int rc = sqlite3_open_v2(path, &s->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, NULL);
	if (rc == SQLITE_OK) {
		sqlite3_busy_timeout(s->db, 10000);
		char *em = NULL;
		rc = sqlite3_exec(s->db, S_schema, NULL, NULL, &em);
		if (rc == SQLITE_OK && S_schema_version(s->db) == 1) {
			rc = sqlite3_exec(s->db, S_migrate_1, NULL, NULL, &em);
			if (rc != SQLITE_OK)
				sqlite3_exec(s->db, "ROLLBACK", NULL, NULL, NULL);
		}
		if (rc != SQLITE_OK && errmsg) {
			char m[768];
			snprintf(m, sizeof m, "cannot use database '%s': %s", path, em ? em : "error");
			*errmsg = dsr_xstrndup(m, strlen(m));
		}
		sqlite3_free(em);
	} else if (errmsg) {
		char m[768];
		snprintf(m, sizeof m, "cannot open database '%s': %s", path,
			 s->db ? sqlite3_errmsg(s->db) : "out of memory");
		*errmsg = dsr_xstrndup(m, strlen(m));
	}
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
					"INSERT OR IGNORE INTO articles(id,url,text_hash,title,outlet,"
					"language,published,published_from,authors,text,source) "
					"VALUES(?,?,?,?,?,?,?,?,?,?,?)",
					-1, &s->put, NULL);
	if (rc == SQLITE_OK)
		rc = sqlite3_prepare_v2(s->db,
					"SELECT id,url,title,outlet,language,published,published_from,"
					"authors,text FROM articles WHERE id=?1 OR url=?1 LIMIT 1",
					-1, &s->get, NULL);
	if (rc != SQLITE_OK) {
		if (errmsg && !*errmsg) {
			char m[768];
			snprintf(m, sizeof m, "cannot use database '%s': %s", path,
				 sqlite3_errmsg(s->db));
			*errmsg = dsr_xstrndup(m, strlen(m));
		}
		dsr_store_close(s);
		return DSR_EDB;
	}
	*out = s;
	return DSR_OK;
}

void dsr_store_close(dsr_store *s)
{
	if (!s)
		return;
	if (s->in_tx)
		sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL);
	sqlite3_finalize(s->put);
	sqlite3_finalize(s->get);
	sqlite3_close(s->db);
	free(s->path);
	free(s);
}

const char *dsr_store_errmsg(const dsr_store *s)
{
	return s->errmsg;
}

dsr_err dsr_store_begin(dsr_store *s)
{
	if (s->in_tx)
		return DSR_OK;
	if (sqlite3_exec(s->db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK)
		return S_fail(s, "cannot begin a transaction");
	s->in_tx = true;
	return DSR_OK;
}

dsr_err dsr_store_commit(dsr_store *s)
{
	if (!s->in_tx)
		return DSR_OK;
	if (sqlite3_exec(s->db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK)
		return S_fail(s, "cannot commit");
	s->in_tx = false;
	return DSR_OK;
}

/* Hash of the text with whitespace collapsed and case folded (ASCII). */
static void S_text_hash(const char *t, size_t n, char out[17])
{
	uint64_t h = 0x6b43a9b5ULL;
	unsigned char block[256];
	size_t k = 0;
	bool sp = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)t[i];
		if (isspace(c)) {
			sp = true;
			continue;
		}
		if (sp && k) {
			block[k++] = ' ';
			if (k == sizeof block) {
				h = dsr_hash64(block, k, h);
				k = 0;
			}
		}
		sp = false;
		block[k++] = (unsigned char)tolower(c);
		if (k == sizeof block) {
			h = dsr_hash64(block, k, h);
			k = 0;
		}
	}
	h = dsr_hash64(block, k, h);
	dsr_hex64(h, out);
}

static void S_bind(sqlite3_stmt *st, int i, const char *s)
{
	if (s)
		sqlite3_bind_text(st, i, s, -1, SQLITE_TRANSIENT);
	else
		sqlite3_bind_null(st, i);
}

dsr_err dsr_store_put(dsr_store *s, const dsr_article *a, const char *source, bool *duplicate)
{
	char th[17];
	S_text_hash(a->text, a->text_len, th);
	dsr_buf au;
	dsr_buf_init(&au, 0);
	dsr_err e = dsr_buf_addc(&au, '[');
	for (size_t i = 0; i < a->nauthors && !e; i++) {
		if (i)
			e = dsr_buf_addc(&au, ',');
		if (!e)
			e = dsr_json_strz(&au, a->authors[i]);
	}
	if (!e)
		e = dsr_buf_addc(&au, ']');
	sqlite3_stmt *st = s->put;
	sqlite3_reset(st);
	S_bind(st, 1, a->id);
	S_bind(st, 2, a->url);
	S_bind(st, 3, th);
	S_bind(st, 4, a->title);
	S_bind(st, 5, a->outlet);
	S_bind(st, 6, a->language);
	S_bind(st, 7, a->published);
	S_bind(st, 8, a->published_from);
	S_bind(st, 9, au.buf);
	sqlite3_bind_text(st, 10, a->text, (int)a->text_len, SQLITE_STATIC);
	S_bind(st, 11, source);
	int rc = sqlite3_step(st);
	sqlite3_reset(st);
	dsr_buf_release(&au);
	if (rc != SQLITE_DONE)
		return S_fail(s, "cannot store an article");
	*duplicate = sqlite3_changes(s->db) == 0;
	return DSR_OK;
}

static const char *S_col(dsr_arena *a, sqlite3_stmt *st, int i)
{
	const unsigned char *t = sqlite3_column_text(st, i);
	if (!t)
		return NULL;
	return dsr_arena_strndup(a, (const char *)t, (size_t)sqlite3_column_bytes(st, i));
}

dsr_err dsr_store_get(dsr_store *s, const char *id, dsr_arena *arena, dsr_article *out)
{
	memset(out, 0, sizeof *out);
	sqlite3_stmt *st = s->get;
	sqlite3_reset(st);
	sqlite3_bind_text(st, 1, id, -1, SQLITE_TRANSIENT);
	int rc = sqlite3_step(st);
	if (rc == SQLITE_DONE) {
		sqlite3_reset(st);
		snprintf(s->errmsg, sizeof s->errmsg, "no article '%s' in '%s'", id, s->path);
		return DSR_ENOTFOUND;
	}
	if (rc != SQLITE_ROW) {
		sqlite3_reset(st);
		return S_fail(s, "cannot read an article");
	}
	const char *aid = S_col(arena, st, 0);
	snprintf(out->id, sizeof out->id, "%s", aid ? aid : "");
	out->url = S_col(arena, st, 1);
	out->title = S_col(arena, st, 2);
	out->outlet = S_col(arena, st, 3);
	out->language = S_col(arena, st, 4);
	out->published = S_col(arena, st, 5);
	out->published_from = S_col(arena, st, 6);
	const char *au = S_col(arena, st, 7);
	out->text = S_col(arena, st, 8);
	out->text_len = out->text ? strlen(out->text) : 0;
	sqlite3_reset(st);
	dsr_json *j;
	if (au && dsr_json_parse(arena, au, strlen(au), &j, NULL) == DSR_OK &&
	    j->type == DSR_JSON_ARRAY) {
		size_t n = 0;
		for (dsr_json *c = j->child; c; c = c->next)
			n++;
		out->authors = dsr_arena_alloc(arena, (n ? n : 1) * sizeof(char *));
		for (dsr_json *c = j->child; c; c = c->next)
			if (c->type == DSR_JSON_STRING)
				out->authors[out->nauthors++] = c->str;
	}
	return DSR_OK;
}

static dsr_err S_run_hits(dsr_store *s, sqlite3_stmt *st, dsr_hit_fn fn, void *ud, bool snip)
{
	int rc;
	while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
		dsr_hit h = {
			(const char *)sqlite3_column_text(st, 0),
			(const char *)sqlite3_column_text(st, 1),
			(const char *)sqlite3_column_text(st, 2),
			(const char *)sqlite3_column_text(st, 3),
			(const char *)sqlite3_column_text(st, 4),
			snip ? (const char *)sqlite3_column_text(st, 5) : NULL,
			snip ? sqlite3_column_double(st, 6) : 0.0,
		};
		if (fn(ud, &h))
			break;
	}
	if (rc != SQLITE_ROW && rc != SQLITE_DONE)
		return S_fail(s, "search failed");
	return DSR_OK;
}

/* Quotes every word so that any user text is a valid FTS5 query. */
static char *S_quote_query(const char *q)
{
	dsr_buf b;
	dsr_buf_init(&b, 1 << 16);
	const char *p = q;
	while (*p) {
		while (*p && (isspace((unsigned char)*p) || *p == '"'))
			p++;
		if (!*p)
			break;
		const char *e = p;
		while (*e && !isspace((unsigned char)*e))
			e++;
		if (b.len && dsr_buf_addc(&b, ' '))
			break;
		if (dsr_buf_addc(&b, '"'))
			break;
		for (const char *k = p; k < e; k++)
			if (*k != '"' && dsr_buf_addc(&b, *k))
				break;
		if (dsr_buf_addc(&b, '"'))
			break;
		p = e;
	}
	return dsr_buf_detach(&b, NULL);
}

dsr_err dsr_store_search(dsr_store *s, const char *query, size_t limit, dsr_hit_fn fn, void *ud)
{
	static const char sql[] =
		"SELECT a.id, a.title, a.outlet, a.published, a.url,"
		" snippet(articles_fts, 1, '[', ']', '...', 16),"
		" bm25(articles_fts, 4.0, 1.0) AS r"
		" FROM articles_fts JOIN articles a ON a.seq = articles_fts.rowid"
		" WHERE articles_fts MATCH ?1 ORDER BY r LIMIT ?2";
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db, sql, -1, &st, NULL) != SQLITE_OK)
		return S_fail(s, "cannot search");
	sqlite3_bind_text(st, 1, query, -1, SQLITE_TRANSIENT);
	sqlite3_bind_int64(st, 2, (sqlite3_int64)limit);
	/* a query that is not valid FTS5 syntax is searched as plain words */
	int rc = sqlite3_step(st);
	if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
		sqlite3_reset(st);
		char *q = S_quote_query(query);
		sqlite3_bind_text(st, 1, q, -1, SQLITE_TRANSIENT);
		free(q);
	} else {
		sqlite3_reset(st);
	}
	dsr_err e = S_run_hits(s, st, fn, ud, true);
	sqlite3_finalize(st);
	return e;
}

dsr_err dsr_store_list(dsr_store *s, size_t limit, dsr_hit_fn fn, void *ud)
{
	sqlite3_stmt *st;
	if (sqlite3_prepare_v2(s->db,
			       "SELECT id, title, outlet, published, url FROM articles ORDER BY seq LIMIT ?1",
			       -1, &st, NULL) != SQLITE_OK)
		return S_fail(s, "cannot list articles");
	sqlite3_bind_int64(st, 1, (sqlite3_int64)limit);
	dsr_err e = S_run_hits(s, st, fn, ud, false);
	sqlite3_finalize(st);
	return e;
}

long long dsr_store_count(dsr_store *s)
{
	sqlite3_stmt *st;
	long long n = -1;
	if (sqlite3_prepare_v2(s->db, "SELECT count(*) FROM articles", -1, &st, NULL) == SQLITE_OK) {
		if (sqlite3_step(st) == SQLITE_ROW)
			n = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	return n;
}
