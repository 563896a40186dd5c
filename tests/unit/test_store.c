/* test_store.c: idempotent ingest, lookup and search. */
#include "dossier/store.h"
#include "test.h"

#include <sqlite3.h>
#include <stdlib.h>
#include <stdio.h>
#include <unistd.h>

static int count_hits(void *ud, const dsr_hit *h)
{
	(*(int *)ud)++;
	CHECK(h->id != NULL);
	return 0;
}

static void unlink_db(const char *path)
{
	char p[160];
	unlink(path);
	snprintf(p, sizeof p, "%s-wal", path);
	unlink(p);
	snprintf(p, sizeof p, "%s-shm", path);
	unlink(p);
}

void test_store_idempotent(void)
{
	char path[128];
	dsr_store *s = t_temp_store("test", path);
	if (!s)
		return;
	dsr_article a;
	memset(&a, 0, sizeof a);
	strcpy(a.id, "00000000000000aa");
	a.url = "https://x.example/1";
	a.title = "Lighthouse keeper retires";
	a.text = "After forty years the keeper of the Gull Point lighthouse has retired.";
	a.text_len = strlen(a.text);
	const char *au[] = {"Nell Garrow"};
	a.authors = au;
	a.nauthors = 1;
	bool dup;
	CHECK(dsr_store_begin(s) == DSR_OK);
	CHECK(dsr_store_put(s, &a, "test", &dup) == DSR_OK && !dup);
	CHECK(dsr_store_put(s, &a, "test", &dup) == DSR_OK && dup);
	/* same text under another URL and id: a copy, stored (its outlet counts) */
	dsr_article b = a;
	strcpy(b.id, "00000000000000bb");
	b.url = "https://mirror.example/1";
	CHECK(dsr_store_put(s, &b, "test", &dup) == DSR_OK && !dup);
	CHECK(dsr_store_put(s, &b, "test", &dup) == DSR_OK && dup);
	CHECK(dsr_store_commit(s) == DSR_OK);
	CHECK(dsr_store_count(s) == 2);
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_article g;
	CHECK(dsr_store_get(s, "00000000000000aa", &ar, &g) == DSR_OK);
	CHECK_STR(g.title, "Lighthouse keeper retires");
	CHECK(g.nauthors == 1 && !strcmp(g.authors[0], "Nell Garrow"));
	CHECK(dsr_store_get(s, "https://x.example/1", &ar, &g) == DSR_OK);
	CHECK(dsr_store_get(s, "nope", &ar, &g) == DSR_ENOTFOUND);
	int n = 0;
	CHECK(dsr_store_search(s, "lighthouse", 10, count_hits, &n) == DSR_OK && n == 2);
	n = 0;
	CHECK(dsr_store_search(s, "\"unbalanced AND (", 10, count_hits, &n) == DSR_OK);
	n = 0;
	CHECK(dsr_store_search(s, "volcano", 10, count_hits, &n) == DSR_OK && n == 0);
	dsr_arena_release(&ar);
	dsr_store_close(s);
	unlink_db(path);
}

/* A database of schema 1 (text hash unique) is rebuilt on open: its rows,
 * their FTS index and their stories stay, and copies are stored from then on. */
void test_store_migrates_schema_1(void)
{
	char path[128];
	snprintf(path, sizeof path, "/tmp/dossier-test-%d-old.db", (int)getpid());
	unlink_db(path);
	sqlite3 *db;
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	CHECK(sqlite3_exec(db,
			   "CREATE TABLE meta(key TEXT PRIMARY KEY, value TEXT);"
			   "INSERT INTO meta VALUES('schema','1');"
			   "CREATE TABLE articles(seq INTEGER PRIMARY KEY, id TEXT NOT NULL UNIQUE,"
			   " url TEXT UNIQUE, text_hash TEXT NOT NULL UNIQUE, title TEXT, outlet TEXT,"
			   " language TEXT, published TEXT, published_from TEXT,"
			   " authors TEXT NOT NULL DEFAULT '[]', text TEXT NOT NULL, source TEXT);"
			   "CREATE VIRTUAL TABLE articles_fts USING fts5(title, text,"
			   " content='articles', content_rowid='seq',"
			   " tokenize='unicode61 remove_diacritics 2');"
			   "CREATE TRIGGER articles_ai AFTER INSERT ON articles BEGIN"
			   " INSERT INTO articles_fts(rowid, title, text)"
			   " VALUES (new.seq, new.title, new.text); END;"
			   "INSERT INTO articles VALUES(7,'00000000000000aa','https://x.example/1',"
			   " 'h1','Ferry timetable changes','x.example','en',NULL,NULL,'[]',"
			   " 'The winter ferry to Skarholm now leaves at dawn.','test');"
			   "CREATE TABLE story_articles(seq INTEGER PRIMARY KEY, story INTEGER NOT NULL);"
			   "INSERT INTO story_articles VALUES(7,1);",
			   NULL, NULL, NULL) == SQLITE_OK);
	sqlite3_close(db);
	dsr_store *s = NULL;
	char *em = NULL;
	CHECK(dsr_store_open(&s, path, &em) == DSR_OK);
	free(em);
	if (!s)
		return;
	CHECK(dsr_store_count(s) == 1);
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_article g;
	CHECK(dsr_store_get(s, "https://x.example/1", &ar, &g) == DSR_OK);
	CHECK_STR(g.title, "Ferry timetable changes");
	int n = 0;
	CHECK(dsr_store_search(s, "ferry", 10, count_hits, &n) == DSR_OK && n == 1);
	/* the same text under two more URLs: both kept */
	g.url = "https://copy.example/ferry";
	strcpy(g.id, "00000000000000cc");
	bool dup = true;
	CHECK(dsr_store_begin(s) == DSR_OK);
	CHECK(dsr_store_put(s, &g, "test", &dup) == DSR_OK && !dup);
	g.url = "https://other.example/ferry";
	strcpy(g.id, "00000000000000dd");
	CHECK(dsr_store_put(s, &g, "test", &dup) == DSR_OK && !dup);
	CHECK(dsr_store_commit(s) == DSR_OK);
	CHECK(dsr_store_count(s) == 3);
	n = 0;
	CHECK(dsr_store_search(s, "skarholm", 10, count_hits, &n) == DSR_OK && n == 3);
	dsr_arena_release(&ar);
	dsr_store_close(s);
	/* opened again: nothing left to migrate, nothing lost */
	CHECK(dsr_store_open(&s, path, &em) == DSR_OK);
	free(em);
	if (s) {
		CHECK(dsr_store_count(s) == 3);
		dsr_store_close(s);
	}
	CHECK(sqlite3_open(path, &db) == SQLITE_OK);
	sqlite3_stmt *st;
	CHECK(sqlite3_prepare_v2(db, "SELECT (SELECT value FROM meta WHERE key='schema'),"
				 " (SELECT story FROM story_articles WHERE seq=7)",
				 -1, &st, NULL) == SQLITE_OK);
	CHECK(sqlite3_step(st) == SQLITE_ROW);
	CHECK(sqlite3_column_int(st, 0) == 2 && sqlite3_column_int(st, 1) == 1);
	sqlite3_finalize(st);
	sqlite3_close(db);
	unlink_db(path);
}
