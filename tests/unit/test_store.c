/* test_store.c: idempotent ingest, lookup and search. */
#include "dossier/store.h"
#include "test.h"

#include <stdio.h>
#include <unistd.h>

static int count_hits(void *ud, const dsr_hit *h)
{
	(*(int *)ud)++;
	CHECK(h->id != NULL);
	return 0;
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
	/* same text under another URL and id: still a duplicate */
	dsr_article b = a;
	strcpy(b.id, "00000000000000bb");
	b.url = "https://mirror.example/1";
	CHECK(dsr_store_put(s, &b, "test", &dup) == DSR_OK && dup);
	CHECK(dsr_store_commit(s) == DSR_OK);
	CHECK(dsr_store_count(s) == 1);
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_article g;
	CHECK(dsr_store_get(s, "00000000000000aa", &ar, &g) == DSR_OK);
	CHECK_STR(g.title, "Lighthouse keeper retires");
	CHECK(g.nauthors == 1 && !strcmp(g.authors[0], "Nell Garrow"));
	CHECK(dsr_store_get(s, "https://x.example/1", &ar, &g) == DSR_OK);
	CHECK(dsr_store_get(s, "nope", &ar, &g) == DSR_ENOTFOUND);
	int n = 0;
	CHECK(dsr_store_search(s, "lighthouse", 10, count_hits, &n) == DSR_OK && n == 1);
	n = 0;
	CHECK(dsr_store_search(s, "\"unbalanced AND (", 10, count_hits, &n) == DSR_OK);
	n = 0;
	CHECK(dsr_store_search(s, "volcano", 10, count_hits, &n) == DSR_OK && n == 0);
	dsr_arena_release(&ar);
	dsr_store_close(s);
	unlink(path);
	char wal[160];
	snprintf(wal, sizeof wal, "%s-wal", path);
	unlink(wal);
	snprintf(wal, sizeof wal, "%s-shm", path);
	unlink(wal);
}
