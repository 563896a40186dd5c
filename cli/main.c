/*
 * main.c: the `dossier` command line, a thin caller of libdossier.
 * It parses options, calls the library and prints; see ../shared/CONTRACT.md.
 */
#include "dossier/analyze.h"
#include "dossier/base.h"
#include "dossier/extract.h"
#include "dossier/json.h"
#include "dossier/read.h"
#include "dossier/store.h"
#include "dossier/story.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

static const char S_usage[] =
	"usage: dossier <command> [options] ...\n"
	"\n"
	"commands:\n"
	"  extract  [--format F] [--url URL] [--published DATE] [--raw] INPUT\n"
	"  analyze  [--format F] [--url URL] [--published DATE] [--raw] INPUT\n"
	"  ingest   [--db PATH] [--format F] [--published DATE] [--outlet NAME] INPUT...\n"
	"  article  [--db PATH] [--json] ARTICLE_ID\n"
	"  articles [--db PATH] [--json] [--limit N]\n"
	"  search   [--db PATH] [--json] [--limit N] QUERY\n"
	"  stories  [--db PATH] [--json]\n"
	"  story    [--db PATH] [--json] [--limit N] STORY_ID\n"
	"\n"
	"INPUT is a file, a directory (read recursively) or - for stdin.\n"
	"F is auto (default), html, text, warc, feed, jsonl or sgml.\n"
	"--db defaults to $DOSSIER_DB, else dossier.db in the current directory.\n";

typedef struct S_opts {
	dsr_format format;
	const char *url, *published, *outlet, *db;
	bool raw, json;
	long limit;
} S_opts;

static int S_usage_err(const char *fmt, const char *arg)
{
	fprintf(stderr, "dossier: ");
	fprintf(stderr, fmt, arg);
	fprintf(stderr, "\n\n%s", S_usage);
	return 2;
}

/* Parses the shared options; returns the index of the first operand or -1. */
static int S_parse(int argc, char **argv, S_opts *o)
{
	static const struct option lo[] = {
		{"format", required_argument, 0, 'f'}, {"url", required_argument, 0, 'u'},
		{"published", required_argument, 0, 'p'}, {"outlet", required_argument, 0, 'o'},
		{"db", required_argument, 0, 'd'}, {"raw", no_argument, 0, 'r'},
		{"json", no_argument, 0, 'j'}, {"limit", required_argument, 0, 'n'},
		{"help", no_argument, 0, 'h'}, {0, 0, 0, 0}};
	memset(o, 0, sizeof *o);
	o->limit = 20;
	optind = 1;
	opterr = 0;
	int c;
	while ((c = getopt_long(argc, argv, "f:u:p:o:d:rjn:h", lo, NULL)) != -1) {
		switch (c) {
		case 'f':
			if (dsr_format_parse(optarg, &o->format)) {
				S_usage_err("unknown format '%s'", optarg);
				return -1;
			}
			break;
		case 'u': o->url = optarg; break;
		case 'p': o->published = optarg; break;
		case 'o': o->outlet = optarg; break;
		case 'd': o->db = optarg; break;
		case 'r': o->raw = true; break;
		case 'j': o->json = true; break;
		case 'n': o->limit = atol(optarg); break;
		case 'h': fputs(S_usage, stdout); exit(0);
		default:
			S_usage_err("unknown option '%s'", argv[optind - 1]);
			return -1;
		}
	}
	if (!o->db)
		o->db = getenv("DOSSIER_DB");
	if (!o->db || !*o->db)
		o->db = "dossier.db";
	return optind;
}

static void S_write(const dsr_buf *b)
{
	fwrite(b->buf, 1, b->len, stdout);
}

/* ---- extract, analyze ---- */

static int S_extract(int argc, char **argv, bool analyze)
{
	S_opts o;
	int i = S_parse(argc, argv, &o);
	if (i < 0)
		return 2;
	if (argc - i != 1)
		return S_usage_err("%s takes one INPUT", analyze ? "analyze" : "extract");
	dsr_reader *r;
	char *em = NULL;
	if (dsr_reader_open(&r, argv[i], o.format, &em)) {
		fprintf(stderr, "dossier: %s\n", em);
		free(em);
		return 1;
	}
	dsr_extract_opts xo = {o.raw ? DSR_EXTRACT_RAW : 0, o.url, o.published, o.outlet,
			       DSR_FMT_AUTO};
	if (o.format == DSR_FMT_HTML || o.format == DSR_FMT_TEXT)
		xo.format = o.format;
	dsr_nlp *nlp = NULL;
	if (analyze && dsr_nlp_new(&nlp)) {
		fprintf(stderr, "dossier: cannot load the language models\n");
		dsr_reader_free(r);
		return 1;
	}
	dsr_arena arena;
	dsr_arena_init(&arena);
	dsr_buf out;
	dsr_buf_init(&out, 0);
	int rc = 0;
	size_t n = 0;
	for (;;) {
		const dsr_record *rec;
		dsr_err e = dsr_reader_next(r, &rec);
		if (e == DSR_DONE)
			break;
		if (e) {
			fprintf(stderr, "dossier: %s\n", dsr_reader_errmsg(r));
			rc = 1;
			continue;
		}
		dsr_arena_clear(&arena);
		dsr_article a;
		e = dsr_extract(rec, &xo, &arena, &a);
		if (e && e != DSR_ENOBODY) {
			fprintf(stderr, "dossier: '%s': %s\n", rec->origin, dsr_strerror(e));
			rc = 1;
			continue;
		}
		if (e == DSR_ENOBODY)
			fprintf(stderr, "dossier: '%s': no article text found\n", rec->origin);
		dsr_buf_clear(&out);
		dsr_analysis an;
		if (analyze && (e = dsr_analyze(nlp, &a, &arena, &an))) {
			fprintf(stderr, "dossier: '%s': %s\n", rec->origin, dsr_strerror(e));
			rc = 1;
			continue;
		}
		if (dsr_buf_addc(&out, '{') || dsr_article_json_members(&a, &out) ||
		    (analyze && (dsr_buf_addc(&out, ',') || dsr_analysis_json_members(&an, &out))) ||
		    dsr_buf_adds(&out, "}\n")) {
			fprintf(stderr, "dossier: '%s': output too large\n", rec->origin);
			rc = 1;
			continue;
		}
		S_write(&out);
		n++;
	}
	if (n == 0 && rc == 0) {
		fprintf(stderr, "dossier: '%s': no records found\n", argv[i]);
		rc = 1;
	}
	dsr_buf_release(&out);
	dsr_arena_release(&arena);
	dsr_reader_free(r);
	dsr_nlp_free(nlp);
	return rc;
}

/* ---- ingest ---- */

static double S_now(void)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

typedef struct S_counts {
	size_t items, stored, dups, errors, empty;
} S_counts;

static void S_progress(const S_counts *c, double t0, bool final)
{
	double dt = S_now() - t0;
	fprintf(stderr, "\r%zu items, %zu stored, %zu duplicates, %zu errors, %.0f items/s%s",
		c->items, c->stored, c->dups, c->errors, dt > 0 ? (double)c->items / dt : 0.0,
		final ? "\n" : "   ");
}

static int S_ingest(int argc, char **argv)
{
	S_opts o;
	int i = S_parse(argc, argv, &o);
	if (i < 0)
		return 2;
	if (i >= argc)
		return S_usage_err("ingest needs at least one INPUT%s", "");
	dsr_store *st;
	char *em = NULL;
	if (dsr_store_open(&st, o.db, &em)) {
		fprintf(stderr, "dossier: %s\n", em ? em : "cannot open the database");
		free(em);
		return 1;
	}
	bool tty = isatty(2);
	dsr_extract_opts xo = {0, NULL, o.published, o.outlet, DSR_FMT_AUTO};
	if (o.format == DSR_FMT_HTML || o.format == DSR_FMT_TEXT)
		xo.format = o.format;
	dsr_arena arena;
	dsr_arena_init(&arena);
	S_counts c = {0};
	double t0 = S_now(), last = t0, lastcommit = t0;
	int rc = 0;
	size_t batch = 0;
	bool dberr = false;
	for (; i < argc && !dberr; i++) {
		dsr_reader *r;
		if (dsr_reader_open(&r, argv[i], o.format, &em)) {
			if (tty)
				fputc('\n', stderr);
			fprintf(stderr, "dossier: %s\n", em);
			free(em);
			em = NULL;
			c.errors++;
			rc = 1;
			continue;
		}
		for (;;) {
			const dsr_record *rec;
			dsr_err e = dsr_reader_next(r, &rec);
			if (e == DSR_DONE)
				break;
			c.items++;
			if (e) {
				if (tty)
					fputc('\n', stderr);
				fprintf(stderr, "dossier: %s\n", dsr_reader_errmsg(r));
				c.errors++;
				rc = 1;
				continue;
			}
			dsr_arena_clear(&arena);
			dsr_article a;
			e = dsr_extract(rec, &xo, &arena, &a);
			if (e) {
				if (tty)
					fputc('\n', stderr);
				fprintf(stderr, "dossier: '%s': %s\n", rec->origin,
					e == DSR_ENOBODY ? "no article text found, skipped"
							 : dsr_strerror(e));
				c.errors++;
				rc = 1;
				continue;
			}
			bool dup = false;
			if (dsr_store_begin(st) || dsr_store_put(st, &a, rec->origin, &dup)) {
				fprintf(stderr, "\ndossier: %s\n", dsr_store_errmsg(st));
				rc = 1;
				dberr = true;
				break;
			}
			if (dup)
				c.dups++;
			else
				c.stored++;
			batch++;
			double now = S_now();
			if (batch >= 512 || now - lastcommit > 1.0) {
				if (dsr_store_commit(st)) {
					fprintf(stderr, "\ndossier: %s\n", dsr_store_errmsg(st));
					rc = 1;
					dberr = true;
					break;
				}
				batch = 0;
				lastcommit = now;
			}
			if (tty && now - last > 0.25) {
				S_progress(&c, t0, false);
				last = now;
			}
		}
		dsr_reader_free(r);
	}
	if (dsr_store_commit(st)) {
		fprintf(stderr, "dossier: %s\n", dsr_store_errmsg(st));
		rc = 1;
	}
	if (tty)
		S_progress(&c, t0, true);
	/* the new articles join stories */
	size_t placed = 0, created = 0;
	if (!dberr && dsr_store_cluster(st, &placed, &created)) {
		fprintf(stderr, "dossier: %s\n", dsr_store_errmsg(st));
		rc = 1;
	}
	double dt = S_now() - t0;
	fprintf(stderr,
		"ingested %zu items into '%s': %zu stored, %zu duplicates, %zu errors "
		"(%.2f s, %.0f items/s); %lld articles in the database; %zu placed in stories, "
		"%zu new stories\n",
		c.items, o.db, c.stored, c.dups, c.errors, dt, dt > 0 ? (double)c.items / dt : 0.0,
		dsr_store_count(st), placed, created);
	dsr_arena_release(&arena);
	dsr_store_close(st);
	return rc;
}

/* ---- article, articles, search ---- */

/* Opens a database that ingest made; NULL (after saying why) otherwise. */
static dsr_store *S_open_existing(const char *db)
{
	if (access(db, F_OK) != 0) {
		fprintf(stderr, "dossier: no database '%s' (run dossier ingest first)\n", db);
		return NULL;
	}
	dsr_store *st;
	char *em = NULL;
	if (dsr_store_open(&st, db, &em)) {
		fprintf(stderr, "dossier: %s\n", em);
		free(em);
		return NULL;
	}
	return st;
}

static int S_article(int argc, char **argv)
{
	S_opts o;
	int i = S_parse(argc, argv, &o);
	if (i < 0)
		return 2;
	if (argc - i != 1)
		return S_usage_err("article takes one ARTICLE_ID%s", "");
	dsr_store *st = S_open_existing(o.db);
	if (!st)
		return 1;
	dsr_arena arena;
	dsr_arena_init(&arena);
	dsr_article a;
	int rc = 0;
	dsr_err e = dsr_store_get(st, argv[i], &arena, &a);
	if (e) {
		fprintf(stderr, "dossier: %s\n", dsr_store_errmsg(st));
		rc = 1;
	} else if (o.json) {
		dsr_buf b;
		dsr_buf_init(&b, 0);
		if (!dsr_buf_addc(&b, '{') && !dsr_article_json_members(&a, &b) &&
		    !dsr_buf_adds(&b, "}\n"))
			S_write(&b);
		dsr_buf_release(&b);
	} else {
		printf("%s\n", a.title ? a.title : "(untitled)");
		printf("id:        %s\n", a.id);
		printf("outlet:    %s\n", a.outlet ? a.outlet : "-");
		printf("published: %s%s%s%s\n", a.published ? a.published : "-",
		       a.published_from ? " (" : "", a.published_from ? a.published_from : "",
		       a.published_from ? ")" : "");
		printf("url:       %s\n", a.url ? a.url : "-");
		printf("authors:   ");
		for (size_t k = 0; k < a.nauthors; k++)
			printf("%s%s", k ? ", " : "", a.authors[k]);
		printf("%s\nlanguage:  %s\n\n%s\n", a.nauthors ? "" : "-",
		       a.language ? a.language : "-", a.text);
	}
	dsr_arena_release(&arena);
	dsr_store_close(st);
	return rc;
}

typedef struct S_print {
	bool json;
	size_t n;
	dsr_buf b;
} S_print;

static int S_print_hit(void *ud, const dsr_hit *h)
{
	S_print *p = ud;
	if (p->json) {
		dsr_buf *b = &p->b;
		dsr_buf_clear(b);
		dsr_err e = dsr_buf_adds(b, p->n ? ",\n{\"id\":" : "{\"id\":");
		if (!e) e = dsr_json_strz(b, h->id);
		if (!e) e = dsr_buf_adds(b, ",\"title\":");
		if (!e) e = dsr_json_strz(b, h->title);
		if (!e) e = dsr_buf_adds(b, ",\"outlet\":");
		if (!e) e = dsr_json_strz(b, h->outlet);
		if (!e) e = dsr_buf_adds(b, ",\"published\":");
		if (!e) e = dsr_json_strz(b, h->published);
		if (!e) e = dsr_buf_adds(b, ",\"url\":");
		if (!e) e = dsr_json_strz(b, h->url);
		if (h->snippet) {
			if (!e) e = dsr_buf_adds(b, ",\"snippet\":");
			if (!e) e = dsr_json_strz(b, h->snippet);
			if (!e) e = dsr_buf_addf(b, ",\"rank\":%.4f", h->rank);
		}
		if (!e) e = dsr_buf_addc(b, '}');
		if (!e)
			S_write(b);
	} else {
		printf("%s  %-10.10s  %-20.20s  %s\n", h->id, h->published ? h->published : "-",
		       h->outlet ? h->outlet : "-", h->title ? h->title : "(untitled)");
		if (h->snippet)
			printf("    %s\n", h->snippet);
	}
	p->n++;
	return 0;
}

static int S_list_or_search(int argc, char **argv, bool search)
{
	S_opts o;
	int i = S_parse(argc, argv, &o);
	if (i < 0)
		return 2;
	if (search && i >= argc)
		return S_usage_err("search needs a QUERY%s", "");
	if (!search && i < argc)
		return S_usage_err("articles takes no operand, not '%s'", argv[i]);
	dsr_store *st = S_open_existing(o.db);
	if (!st)
		return 1;
	/* the query is every remaining word */
	dsr_buf q;
	dsr_buf_init(&q, 1 << 16);
	for (int k = i; search && k < argc; k++)
		if ((k > i && dsr_buf_addc(&q, ' ')) || dsr_buf_adds(&q, argv[k]))
			break;
	S_print p = {o.json, 0, {0}};
	dsr_buf_init(&p.b, 0);
	if (o.json)
		fputs("[", stdout);
	size_t limit = o.limit > 0 ? (size_t)o.limit : 20;
	dsr_err e = search ? dsr_store_search(st, q.buf, limit, S_print_hit, &p)
			   : dsr_store_list(st, o.limit > 0 ? (size_t)o.limit : (size_t)-1 >> 1,
					    S_print_hit, &p);
	if (o.json)
		fputs("]\n", stdout);
	int rc = 0;
	if (e) {
		fprintf(stderr, "dossier: %s\n", dsr_store_errmsg(st));
		rc = 1;
	} else if (!o.json && search && !p.n) {
		fprintf(stderr, "no articles match '%s'\n", q.buf);
	}
	dsr_buf_release(&p.b);
	dsr_buf_release(&q);
	dsr_store_close(st);
	return rc;
}

/* ---- stories, story ---- */

static const char *S_js(const dsr_json *o, const char *key, const char *dflt)
{
	size_t n;
	const char *v = dsr_json_getstr(o, key, &n);
	return v ? v : dflt;
}

/* Prints the stories JSON array as a table. */
static void S_story_table(const dsr_buf *b)
{
	dsr_json *v = NULL;
	dsr_arena ar;
	dsr_arena_init(&ar);
	if (dsr_json_parse(&ar, b->buf, b->len, &v, NULL) || !v || v->type != DSR_JSON_ARRAY) {
		dsr_arena_release(&ar);
		return;
	}
	printf("%6s  %8s  %-10s  %-10s  %s\n", "story", "articles", "first", "last", "title");
	for (const dsr_json *s = v->child; s; s = s->next) {
		const dsr_json *arts = dsr_json_get(s, "articles");
		const dsr_json *id = dsr_json_get(s, "id");
		size_t n = 0;
		for (const dsr_json *a = arts ? arts->child : NULL; a; a = a->next)
			n++;
		const char *title = S_js(s, "title", "(untitled)");
		const char *f = S_js(s, "first_published", "?"), *l = S_js(s, "last_published", "?");
		printf("%6.0f  %8zu  %-10.10s  %-10.10s  %.70s\n", id ? id->num : 0.0, n, f, l, title);
	}
	dsr_arena_release(&ar);
}

/* `dossier story ID`: the story's dossier, as a report or JSON. */
static int S_dossier(dsr_store *st, long long id, const S_opts *o)
{
	dsr_nlp *nlp = NULL;
	if (dsr_nlp_new(&nlp)) {
		fprintf(stderr, "dossier: cannot load the language models\n");
		return 1;
	}
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_dossier d;
	dsr_buf b;
	dsr_buf_init(&b, 0);
	int rc = 0;
	dsr_err e = dsr_store_dossier(st, nlp, id, o->limit ? o->limit : 2000, &ar, &d);
	if (e == DSR_EDB) {
		fprintf(stderr, "dossier: %s\n", dsr_store_errmsg(st));
		rc = 1;
	} else if (e == DSR_ENOTFOUND) {
		fprintf(stderr, "dossier: no story %lld in '%s'\n", id, o->db);
		rc = 1;
	} else if (e) {
		fprintf(stderr, "dossier: story %lld: %s\n", id, dsr_strerror(e));
		rc = 1;
	} else if ((e = o->json ? dsr_dossier_json(&d, &b) : dsr_dossier_report(&d, &b))) {
		fprintf(stderr, "dossier: story %lld: %s\n", id, dsr_strerror(e));
		rc = 1;
	} else {
		fwrite(b.buf, 1, b.len, stdout);
		if (o->json)
			fputc('\n', stdout);
	}
	dsr_buf_release(&b);
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
	return rc;
}

static int S_stories(int argc, char **argv, bool one)
{
	S_opts o;
	int i = S_parse(argc, argv, &o);
	if (i < 0)
		return 2;
	long long only = -1;
	if (one) {
		char *end;
		if (argc - i != 1 || (only = strtoll(argv[i], &end, 10)) < 0 || *end)
			return S_usage_err("story takes one STORY_ID (a number)%s", "");
	} else if (i < argc) {
		return S_usage_err("stories takes no operand, not '%s'", argv[i]);
	}
	dsr_store *st = S_open_existing(o.db);
	if (!st)
		return 1;
	size_t added, created;
	dsr_buf b;
	dsr_buf_init(&b, 0);
	int rc = 0;
	if (dsr_store_cluster(st, &added, &created) ||
	    (!one && dsr_store_stories_json(st, -1, &b))) {
		fprintf(stderr, "dossier: %s\n", dsr_store_errmsg(st));
		rc = 1;
	} else if (one) {
		rc = S_dossier(st, only, &o);
	} else if (o.json) {
		fwrite(b.buf, 1, b.len, stdout);
		fputc('\n', stdout);
	} else {
		S_story_table(&b);
	}
	dsr_buf_release(&b);
	dsr_store_close(st);
	return rc;
}

int main(int argc, char **argv)
{
	if (argc < 2) {
		fputs(S_usage, stderr);
		return 2;
	}
	const char *cmd = argv[1];
	argc--;
	argv++;
	if (!strcmp(cmd, "extract"))
		return S_extract(argc, argv, false);
	if (!strcmp(cmd, "analyze"))
		return S_extract(argc, argv, true);
	if (!strcmp(cmd, "ingest"))
		return S_ingest(argc, argv);
	if (!strcmp(cmd, "article"))
		return S_article(argc, argv);
	if (!strcmp(cmd, "articles"))
		return S_list_or_search(argc, argv, false);
	if (!strcmp(cmd, "search"))
		return S_list_or_search(argc, argv, true);
	if (!strcmp(cmd, "stories"))
		return S_stories(argc, argv, false);
	if (!strcmp(cmd, "story"))
		return S_stories(argc, argv, true);
	if (!strcmp(cmd, "help") || !strcmp(cmd, "--help") || !strcmp(cmd, "-h")) {
		fputs(S_usage, stdout);
		return 0;
	}
	fprintf(stderr, "dossier: unknown command '%s'\n\n%s", cmd, S_usage);
	return 2;
}
