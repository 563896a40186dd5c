/*
 * read.c: inputs to raw records. Files, directories and stdin; gzip is
 * handled for every file by zlib's transparent reading; per-format record
 * readers for WARC, feeds (feed.c), JSON Lines, HTML and plain text.
 */
#include "dossier/read.h"
#include "dossier/json.h"
#include "internal.h"

#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <stdarg.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <zlib.h>

#define S_BUFSZ (64 * 1024)

/* A buffered byte stream over zlib (plain or gzip, several members). */
typedef struct S_stream {
	gzFile gz;
	unsigned char *buf;
	size_t pos, end;
	bool eof;
	bool err;         /* gzip corrupt or truncated */
	const char *errmsg;
	size_t line;      /* lines consumed so far */
} S_stream;

/* A directory being walked: its sorted entries and where we are. */
typedef struct S_dir {
	char *path;
	struct dirent **ents;
	int n, i;
	struct S_dir *up;
} S_dir;

struct dsr_reader {
	dsr_format want;     /* as asked */
	dsr_format fmt;      /* of the current file */
	S_dir *dirs;         /* directory stack, or NULL */
	char *root;          /* the path given */
	bool root_done;
	char *file;          /* current file name, or NULL */
	S_stream st;
	bool open;
	size_t nrec;         /* records from the current file */
	dsr_arena arena;     /* current record's memory */
	dsr_buf body;        /* current record's body */
	dsr_buf line;
	dsr_buf text;        /* an SGML record's text */
	dsr_record rec;
	char errmsg[1024];
	dsr_feed *feed;      /* when the current file is a feed */
	bool whole_done;     /* HTML/TEXT file: its one record was given */
	bool dead;           /* a fatal error ended the current file */
	bool jsondoc;        /* the JSON file is one document, not JSON Lines */
	dsr_arena docarena;  /* its parsed tree */
	dsr_json *jdoc;
	const dsr_json *jnext;
	size_t jindex;
};

/* ---- format names ---- */

dsr_err dsr_format_parse(const char *name, dsr_format *out)
{
	static const struct {
		const char *n;
		dsr_format f;
	} t[] = {{"auto", DSR_FMT_AUTO}, {"html", DSR_FMT_HTML}, {"text", DSR_FMT_TEXT},
		 {"txt", DSR_FMT_TEXT},  {"warc", DSR_FMT_WARC}, {"feed", DSR_FMT_FEED},
		 {"rss", DSR_FMT_FEED},  {"atom", DSR_FMT_FEED}, {"jsonl", DSR_FMT_JSONL},
		 {"json", DSR_FMT_JSONL}, {"ndjson", DSR_FMT_JSONL}, {"sgml", DSR_FMT_SGML},
		 {"sgm", DSR_FMT_SGML}};
	for (size_t i = 0; i < sizeof t / sizeof t[0]; i++)
		if (!strcasecmp(name, t[i].n)) {
			*out = t[i].f;
			return DSR_OK;
		}
	return DSR_EUSAGE;
}

const char *dsr_format_name(dsr_format f)
{
	switch (f) {
	case DSR_FMT_AUTO: return "auto";
	case DSR_FMT_HTML: return "html";
	case DSR_FMT_TEXT: return "text";
	case DSR_FMT_WARC: return "warc";
	case DSR_FMT_FEED: return "feed";
	case DSR_FMT_JSONL: return "jsonl";
	case DSR_FMT_SGML: return "sgml";
	}
	return "?";
}

/* ---- sniffing ---- */

static bool S_ends(const char *s, const char *suf)
{
	size_t a = strlen(s), b = strlen(suf);
	return a >= b && !strcasecmp(s + a - b, suf);
}

static unsigned char S_lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c | 0x20) : c;
}

/* ASCII case-insensitive search for needle in h[0..n). */
const char *dsr__memcasemem(const char *h, size_t n, const char *needle)
{
	size_t m = strlen(needle);
	if (!m || m > n)
		return NULL;
	const unsigned char *p = (const unsigned char *)h, *nd = (const unsigned char *)needle;
	unsigned char f = S_lower(nd[0]);
	for (size_t i = 0; i + m <= n; i++) {
		if (S_lower(p[i]) != f)
			continue;
		size_t k = 1;
		while (k < m && S_lower(p[i + k]) == S_lower(nd[k]))
			k++;
		if (k == m)
			return h + i;
	}
	return NULL;
}

dsr_format dsr_sniff(const char *name, const char *head, size_t n)
{
	size_t i = 0;
	if (n >= 3 && !memcmp(head, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < n && (head[i] == ' ' || head[i] == '\t' || head[i] == '\r' || head[i] == '\n'))
		i++;
	const char *p = head + i;
	size_t m = n - i;
	if (m >= 5 && !memcmp(p, "WARC/", 5))
		return DSR_FMT_WARC;
	if (m && *p == '{')
		return DSR_FMT_JSONL;
	if (m && *p == '[') {
		/* a JSON array of objects */
		size_t k = 1;
		while (k < m && isspace((unsigned char)p[k]))
			k++;
		if (k < m && p[k] == '{')
			return DSR_FMT_JSONL;
	}
	if (m && *p == '<') {
		size_t lim = m < 4096 ? m : 4096;
		/* the root element decides: skip the declaration, comments, doctype */
		const char *rss = dsr__memcasemem(p, lim, "<rss");
		const char *feed = dsr__memcasemem(p, lim, "<feed");
		const char *rdf = dsr__memcasemem(p, lim, "<rdf:RDF");
		const char *html = dsr__memcasemem(p, lim, "<html");
		const char *first = NULL;
		if (rss)
			first = rss;
		if (feed && (!first || feed < first))
			first = feed;
		if (rdf && (!first || rdf < first))
			first = rdf;
		if (first && (!html || first < html))
			return DSR_FMT_FEED;
		/* a collection of stories: Reuters-21578, TREC */
		if (!html && (dsr__memcasemem(p, lim, "<REUTERS ") ||
			      (m >= 5 && !strncasecmp(p, "<DOC>", 5))))
			return DSR_FMT_SGML;
		return DSR_FMT_HTML;
	}
	if (name) {
		if (S_ends(name, ".html") || S_ends(name, ".htm") || S_ends(name, ".html.gz") ||
		    S_ends(name, ".htm.gz") || S_ends(name, ".xhtml"))
			return DSR_FMT_HTML;
		if (S_ends(name, ".warc") || S_ends(name, ".warc.gz"))
			return DSR_FMT_WARC;
		if (S_ends(name, ".jsonl") || S_ends(name, ".ndjson") || S_ends(name, ".jsonl.gz"))
			return DSR_FMT_JSONL;
		if (S_ends(name, ".sgm") || S_ends(name, ".sgml"))
			return DSR_FMT_SGML;
	}
	/* markup somewhere near the start still makes it HTML */
	if (dsr__memcasemem(head, n < 2048 ? n : 2048, "<p>") ||
	    dsr__memcasemem(head, n < 2048 ? n : 2048, "<div"))
		return DSR_FMT_HTML;
	return DSR_FMT_TEXT;
}

/* ---- stream ---- */

static bool S_fill(S_stream *s)
{
	if (s->eof || s->err)
		return false;
	if (s->pos > 0 && s->pos < s->end) {
		memmove(s->buf, s->buf + s->pos, s->end - s->pos);
		s->end -= s->pos;
		s->pos = 0;
	} else if (s->pos >= s->end) {
		s->pos = s->end = 0;
	}
	if (s->end == S_BUFSZ)
		return true;
	int got = gzread(s->gz, s->buf + s->end, (unsigned)(S_BUFSZ - s->end));
	if (got < 0) {
		int code;
		s->errmsg = gzerror(s->gz, &code);
		s->err = true;
		return false;
	}
	if (got == 0) {
		int code;
		const char *m = gzerror(s->gz, &code);
		if (code != Z_OK && code != Z_STREAM_END) {
			s->errmsg = m;
			s->err = true;
		}
		/* zlib reports a cut-off gzip member as a short read with Z_BUF_ERROR */
		if (!s->err && !gzdirect(s->gz) && gzeof(s->gz) && code == Z_BUF_ERROR) {
			s->errmsg = "unexpected end of gzip stream";
			s->err = true;
		}
		s->eof = true;
		return false;
	}
	s->end += (size_t)got;
	return true;
}

static bool S_stream_open(S_stream *s, const char *path, char *err, size_t errsz)
{
	int fd;
	memset(s, 0, sizeof *s);
	if (!strcmp(path, "-")) {
		fd = dup(0);
	} else {
		fd = open(path, O_RDONLY | O_CLOEXEC);
	}
	if (fd < 0) {
		snprintf(err, errsz, "cannot open '%s': %s", path, strerror(errno));
		return false;
	}
	s->gz = gzdopen(fd, "rb");
	if (!s->gz) {
		close(fd);
		snprintf(err, errsz, "cannot read '%s'", path);
		return false;
	}
	gzbuffer(s->gz, 128 * 1024);
	s->buf = dsr_xmalloc(S_BUFSZ);
	return true;
}

static void S_stream_close(S_stream *s)
{
	if (s->gz)
		gzclose(s->gz);
	free(s->buf);
	memset(s, 0, sizeof *s);
}

static size_t S_peek(S_stream *s, const char **p)
{
	while (s->end - s->pos < 8192 && S_fill(s))
		if (s->end == S_BUFSZ)
			break;
	*p = (const char *)s->buf + s->pos;
	return s->end - s->pos;
}

/*
 * Reads one line (without its \n or \r\n) into `out`. Returns 1 on a line,
 * 0 at end of input, -1 when the line exceeds the cap (the rest of it is
 * skipped).
 */
static int S_getline(S_stream *s, dsr_buf *out)
{
	dsr_buf_clear(out);
	bool toolong = false, any = false;
	for (;;) {
		if (s->pos >= s->end && !S_fill(s))
			break;
		any = true;
		unsigned char *b = s->buf + s->pos;
		size_t avail = s->end - s->pos;
		unsigned char *nl = memchr(b, '\n', avail);
		size_t take = nl ? (size_t)(nl - b) : avail;
		if (!toolong && dsr_buf_add(out, b, take))
			toolong = true;
		s->pos += take;
		if (nl) {
			s->pos++;
			break;
		}
	}
	if (!any)
		return 0;
	s->line++;
	if (toolong)
		return -1;
	while (out->len && out->buf[out->len - 1] == '\r')
		out->buf[--out->len] = 0;
	return 1;
}

/* Reads exactly n bytes into out (appending); false at a short read. */
static bool S_readn(S_stream *s, dsr_buf *out, size_t n)
{
	while (n) {
		if (s->pos >= s->end && !S_fill(s))
			return false;
		size_t take = s->end - s->pos;
		if (take > n)
			take = n;
		if (out && dsr_buf_add(out, s->buf + s->pos, take))
			return false;
		s->pos += take;
		n -= take;
	}
	return true;
}

/* Reads everything left, up to cap; returns false (and sets *big) past it. */
static bool S_readall(S_stream *s, dsr_buf *out, bool *big)
{
	*big = false;
	for (;;) {
		if (s->pos >= s->end && !S_fill(s))
			return !s->err;
		if (dsr_buf_add(out, s->buf + s->pos, s->end - s->pos)) {
			*big = true;
			return false;
		}
		s->pos = s->end;
	}
}

/* ---- reader ---- */

static void S_setmsg(dsr_reader *r, const char *fmt, ...) DSR_PRINTF(2, 3);
static void S_setmsg(dsr_reader *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(r->errmsg, sizeof r->errmsg, fmt, ap);
	va_end(ap);
}

static const char *S_name(const dsr_reader *r)
{
	if (!r->file)
		return "?";
	return strcmp(r->file, "-") ? r->file : "<stdin>";
}

static bool S_skipname(const char *n)
{
	static const char *skip[] = {"README", "LICENSE", "LICENCE", "COPYING", "PROVENANCE",
				     "NOTICE", "CHANGELOG"};
	if (n[0] == '.')
		return true;
	for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
		if (!strncasecmp(n, skip[i], strlen(skip[i])))
			return true;
	return false;
}

static void S_close_file(dsr_reader *r)
{
	if (r->feed) {
		dsr__feed_free(r->feed);
		r->feed = NULL;
	}
	if (r->open)
		S_stream_close(&r->st);
	r->open = false;
	free(r->file);
	r->file = NULL;
}

static dsr_err S_open_file(dsr_reader *r, const char *path)
{
	S_close_file(r);
	r->file = dsr_xstrndup(path, strlen(path));
	r->nrec = 0;
	r->whole_done = false;
	r->dead = false;
	if (!S_stream_open(&r->st, path, r->errmsg, sizeof r->errmsg))
		return DSR_ENOENT;
	r->open = true;
	r->fmt = r->want;
	if (r->fmt == DSR_FMT_AUTO) {
		const char *h;
		size_t n = S_peek(&r->st, &h);
		if (r->st.err) {
			S_setmsg(r, "cannot read '%s': %s", S_name(r), r->st.errmsg);
			r->dead = true;
			return DSR_EGZIP;
		}
		r->fmt = dsr_sniff(path, h, n);
	}
	r->jsondoc = false;
	r->jdoc = NULL;
	if (r->fmt == DSR_FMT_JSONL) {
		/* JSON Lines have a whole object on the first line; a pretty-printed
		 * document or an array does not */
		const char *h;
		size_t n = S_peek(&r->st, &h);
		size_t i = 0;
		while (i < n && isspace((unsigned char)h[i]))
			i++;
		const char *nl = memchr(h + i, '\n', n - i);
		size_t l = nl ? (size_t)(nl - h) : n;
		while (l > i && isspace((unsigned char)h[l - 1]))
			l--;
		if (i < n && (h[i] == '[' || (nl && l > i && h[l - 1] != '}')))
			r->jsondoc = true;
	}
	return DSR_OK;
}

dsr_err dsr_reader_open(dsr_reader **out, const char *path, dsr_format fmt, char **errmsg)
{
	struct stat sb;
	*out = NULL;
	if (strcmp(path, "-") && stat(path, &sb) != 0) {
		if (errmsg) {
			char m[1024];
			snprintf(m, sizeof m, "cannot open '%s': %s", path, strerror(errno));
			*errmsg = dsr_xstrndup(m, strlen(m));
		}
		return DSR_ENOENT;
	}
	dsr_reader *r = dsr_xcalloc(1, sizeof *r);
	r->want = fmt;
	r->root = dsr_xstrndup(path, strlen(path));
	dsr_arena_init(&r->arena);
	dsr_arena_init(&r->docarena);
	dsr_buf_init(&r->body, DSR_MAX_RECORD);
	dsr_buf_init(&r->line, DSR_MAX_RECORD);
	dsr_buf_init(&r->text, DSR_MAX_RECORD);
	if (strcmp(path, "-") && S_ISDIR(sb.st_mode)) {
		S_dir *d = dsr_xcalloc(1, sizeof *d);
		size_t pl0 = strlen(path);
		while (pl0 > 1 && path[pl0 - 1] == '/')
			pl0--;
		d->path = dsr_xstrndup(path, pl0);
		d->n = scandir(path, &d->ents, NULL, alphasort);
		if (d->n < 0) {
			if (errmsg) {
				char m[1024];
				snprintf(m, sizeof m, "cannot read directory '%s': %s", path,
					 strerror(errno));
				*errmsg = dsr_xstrndup(m, strlen(m));
			}
			free(d->path);
			free(d);
			dsr_reader_free(r);
			return DSR_EIO;
		}
		r->dirs = d;
		r->root_done = true;
	}
	*out = r;
	return DSR_OK;
}

void dsr_reader_free(dsr_reader *r)
{
	if (!r)
		return;
	S_close_file(r);
	while (r->dirs) {
		S_dir *d = r->dirs;
		r->dirs = d->up;
		for (int i = 0; i < d->n; i++)
			free(d->ents[i]);
		free(d->ents);
		free(d->path);
		free(d);
	}
	dsr_arena_release(&r->arena);
	dsr_arena_release(&r->docarena);
	dsr_buf_release(&r->body);
	dsr_buf_release(&r->line);
	dsr_buf_release(&r->text);
	free(r->root);
	free(r);
}

const char *dsr_reader_errmsg(const dsr_reader *r)
{
	return r->errmsg;
}

dsr_format dsr_reader_format(const dsr_reader *r)
{
	return r->fmt;
}

/* Moves to the next file of the walk; DSR_DONE when there is none. */
static dsr_err S_next_file(dsr_reader *r)
{
	if (!r->root_done) {
		r->root_done = true;
		return S_open_file(r, r->root);
	}
	while (r->dirs) {
		S_dir *d = r->dirs;
		if (d->i >= d->n) {
			r->dirs = d->up;
			for (int i = 0; i < d->n; i++)
				free(d->ents[i]);
			free(d->ents);
			free(d->path);
			free(d);
			continue;
		}
		struct dirent *e = d->ents[d->i++];
		if (S_skipname(e->d_name))
			continue;
		size_t pl = strlen(d->path) + strlen(e->d_name) + 2;
		char *p = dsr_xmalloc(pl);
		snprintf(p, pl, "%s/%s", d->path, e->d_name);
		struct stat sb;
		if (stat(p, &sb) != 0) {
			free(p);
			continue;
		}
		if (S_ISDIR(sb.st_mode)) {
			S_dir *nd = dsr_xcalloc(1, sizeof *nd);
			nd->path = p;
			nd->n = scandir(p, &nd->ents, NULL, alphasort);
			if (nd->n < 0) {
				free(nd->path);
				free(nd);
				continue;
			}
			nd->up = r->dirs;
			r->dirs = nd;
			continue;
		}
		if (!S_ISREG(sb.st_mode)) {
			free(p);
			continue;
		}
		dsr_err err = S_open_file(r, p);
		free(p);
		return err;
	}
	return DSR_DONE;
}

static void S_rec_reset(dsr_reader *r)
{
	dsr_arena_clear(&r->arena);
	dsr_buf_clear(&r->body);
	memset(&r->rec, 0, sizeof r->rec);
}

static const char *S_dup(dsr_reader *r, const char *s, size_t n)
{
	return s ? dsr_arena_strndup(&r->arena, s, n) : NULL;
}

static void S_origin(dsr_reader *r, const char *fmt, size_t n)
{
	char o[1200];
	snprintf(o, sizeof o, fmt, S_name(r), n);
	r->rec.origin = S_dup(r, o, strlen(o));
}

/* Reads the rest of the current file into buf (cleared first), within the
 * record cap; on failure the message names the file and the reason. */
static dsr_err S_read_whole(dsr_reader *r, dsr_buf *buf)
{
	bool big;
	dsr_buf_clear(buf);
	if (S_readall(&r->st, buf, &big))
		return DSR_OK;
	if (big) {
		S_setmsg(r, "'%s': larger than the %zu MiB record limit", S_name(r),
			 DSR_MAX_RECORD >> 20);
		return DSR_ETOOBIG;
	}
	S_setmsg(r, "cannot read '%s': %s", S_name(r), r->st.errmsg ? r->st.errmsg : "read error");
	return DSR_EGZIP;
}

/* HTML or plain text: the whole file is one record. */
static dsr_err S_next_whole(dsr_reader *r)
{
	if (r->whole_done)
		return DSR_DONE;
	r->whole_done = true;
	S_rec_reset(r);
	dsr_err e = S_read_whole(r, &r->body);
	if (e)
		return e;
	r->rec.data = r->body.buf;
	r->rec.len = r->body.len;
	r->rec.body = r->fmt;
	r->rec.origin = S_dup(r, S_name(r), strlen(S_name(r)));
	return DSR_OK;
}

/* ---- JSON Lines ---- */

static const char *S_jstr(dsr_reader *r, const dsr_json *o, const char *const *keys)
{
	for (; *keys; keys++) {
		size_t n;
		const char *s = dsr_json_getstr(o, *keys, &n);
		if (s)
			return S_dup(r, s, n);
		/* numbers are accepted for dates given as epoch-free strings only */
	}
	return NULL;
}

static void S_jauthors(dsr_reader *r, const dsr_json *o)
{
	static const char *const keys[] = {"authors", "author", "byline", NULL};
	for (const char *const *k = keys; *k; k++) {
		const dsr_json *v = dsr_json_get(o, *k);
		if (!v)
			continue;
		size_t n = 0;
		if (v->type == DSR_JSON_STRING && v->len) {
			r->rec.authors = dsr_arena_alloc(&r->arena, sizeof(char *));
			r->rec.authors[0] = S_dup(r, v->str, v->len);
			r->rec.nauthors = 1;
			return;
		}
		if (v->type != DSR_JSON_ARRAY)
			continue;
		for (const dsr_json *c = v->child; c; c = c->next)
			n++;
		r->rec.authors = dsr_arena_alloc(&r->arena, (n ? n : 1) * sizeof(char *));
		for (const dsr_json *c = v->child; c; c = c->next) {
			const char *s = NULL;
			size_t l = 0;
			if (c->type == DSR_JSON_STRING) {
				s = c->str;
				l = c->len;
			} else if (c->type == DSR_JSON_OBJECT) {
				s = dsr_json_getstr(c, "name", &l);
			}
			if (s && l)
				r->rec.authors[r->rec.nauthors++] = S_dup(r, s, l);
		}
		return;
	}
}

/* Fills the record from one JSON object; `ln` names it in messages. */
static dsr_err S_json_record(dsr_reader *r, const dsr_json *o, size_t ln, const char *ofmt)
{
	static const char *const k_url[] = {"url", "link", "canonical_url", NULL};
	static const char *const k_title[] = {"title", "headline", NULL};
	static const char *const k_pub[] = {"published", "date", "date_publish", "pubDate",
					    "published_at", "datePublished", NULL};
	static const char *const k_outlet[] = {"outlet", "source", "source_domain", "site_name",
					       "publisher", NULL};
	static const char *const k_lang[] = {"language", "lang", NULL};
	if (o->type != DSR_JSON_OBJECT) {
		S_setmsg(r, "'%s' %s %zu: not a JSON object, skipped", S_name(r), ofmt, ln);
		return DSR_EFORMAT;
	}
	size_t bl;
	const char *b;
	if ((b = dsr_json_getstr(o, "html", &bl))) {
		r->rec.body = DSR_FMT_HTML;
	} else {
		static const char *const k_body[] = {"text", "content", "body", "maintext",
						     "article", "summary", "description", NULL};
		b = NULL;
		for (const char *const *k = k_body; *k && !b; k++)
			b = dsr_json_getstr(o, *k, &bl);
		for (const char *const *k = k_title; *k && !b; k++) {
			size_t tn;
			if (dsr_json_getstr(o, *k, &tn) && tn) {
				b = ""; /* a headline alone: its title becomes its text */
				bl = 0;
			}
		}
		if (!b) {
			S_setmsg(r, "'%s' %s %zu: no article body (html, text, content, body, "
				    "maintext, summary) nor title, skipped",
				 S_name(r), ofmt, ln);
			return DSR_ENOBODY;
		}
		/* feed summaries often carry markup */
		r->rec.body = dsr__looks_like_html(b, bl) ? DSR_FMT_HTML : DSR_FMT_TEXT;
		r->rec.fragment = true;
	}
	dsr_buf_clear(&r->body);
	if (dsr_buf_add(&r->body, b, bl))
		return DSR_ETOOBIG;
	r->rec.data = r->body.buf;
	r->rec.len = r->body.len;
	r->rec.utf8 = true;
	r->rec.url = S_jstr(r, o, k_url);
	r->rec.title = S_jstr(r, o, k_title);
	r->rec.published = S_jstr(r, o, k_pub);
	r->rec.outlet = S_jstr(r, o, k_outlet);
	r->rec.language = S_jstr(r, o, k_lang);
	S_jauthors(r, o);
	char fmt[32];
	snprintf(fmt, sizeof fmt, "%%s%s%%zu", ofmt[0] == 'l' ? ":" : "#");
	S_origin(r, fmt, ln);
	return DSR_OK;
}

/*
 * A whole-file JSON document (an object, or an array of objects), as
 * pretty-printed .json dumps are: one record per object.
 */
static dsr_err S_next_jsondoc(dsr_reader *r)
{
	if (!r->jdoc) {
		if (r->whole_done)
			return DSR_DONE;
		r->whole_done = true;
		dsr_err e = S_read_whole(r, &r->line);
		if (e)
			return e;
		dsr_arena_clear(&r->docarena);
		size_t pos;
		e = dsr_json_parse(&r->docarena, r->line.buf, r->line.len, &r->jdoc, &pos);
		if (e) {
			S_setmsg(r, "'%s': not valid JSON (%s at byte %zu)", S_name(r),
				 e == DSR_EDEPTH ? "nested too deep" : "syntax error", pos);
			return DSR_EFORMAT;
		}
		r->jnext = r->jdoc->type == DSR_JSON_ARRAY ? r->jdoc->child : r->jdoc;
		r->jindex = 0;
	}
	if (!r->jnext) {
		r->jdoc = NULL;
		return DSR_DONE;
	}
	const dsr_json *o = r->jnext;
	r->jnext = r->jdoc->type == DSR_JSON_ARRAY ? o->next : NULL;
	S_rec_reset(r);
	return S_json_record(r, o, ++r->jindex, "item");
}

static dsr_err S_next_jsonl(dsr_reader *r)
{
	if (r->jsondoc)
		return S_next_jsondoc(r);
	for (;;) {
		int got = S_getline(&r->st, &r->line);
		if (got == 0) {
			if (r->st.err) {
				S_setmsg(r, "'%s': %s after line %zu", S_name(r), r->st.errmsg,
					 r->st.line);
				return DSR_EGZIP;
			}
			return DSR_DONE;
		}
		size_t ln = r->st.line;
		if (got < 0) {
			S_setmsg(r, "'%s' line %zu: longer than the %zu MiB limit, skipped",
				 S_name(r), ln, DSR_MAX_RECORD >> 20);
			return DSR_ETOOBIG;
		}
		size_t i = 0;
		while (i < r->line.len && (r->line.buf[i] == ' ' || r->line.buf[i] == '\t'))
			i++;
		if (i == r->line.len)
			continue; /* blank line */
		S_rec_reset(r);
		dsr_json *o;
		size_t pos;
		dsr_err e = dsr_json_parse(&r->arena, r->line.buf, r->line.len, &o, &pos);
		if (e) {
			S_setmsg(r, "'%s' line %zu: not valid JSON (%s at byte %zu), skipped",
				 S_name(r), ln, e == DSR_EDEPTH ? "nested too deep" : "syntax error",
				 pos);
			return DSR_EFORMAT;
		}
		return S_json_record(r, o, ln, "line");
	}
}

/* ---- WARC ---- */

/* Value of header `name` in a block of "Name: value\r\n" lines, or NULL. */
static const char *S_hdr(dsr_reader *r, const char *h, size_t n, const char *name,
			 size_t *vl)
{
	size_t nl = strlen(name);
	const char *p = h, *end = h + n;
	while (p < end) {
		const char *eol = memchr(p, '\n', (size_t)(end - p));
		if (!eol)
			eol = end;
		if ((size_t)(eol - p) > nl && !strncasecmp(p, name, nl) && p[nl] == ':') {
			const char *v = p + nl + 1;
			while (v < eol && (*v == ' ' || *v == '\t'))
				v++;
			const char *ve = eol;
			while (ve > v && (ve[-1] == '\r' || ve[-1] == ' ' || ve[-1] == '\t'))
				ve--;
			*vl = (size_t)(ve - v);
			return S_dup(r, v, *vl);
		}
		p = eol + 1;
	}
	return NULL;
}

/* Extracts charset=... from a Content-Type value. */
static const char *S_ct_charset(dsr_reader *r, const char *ct)
{
	if (!ct)
		return NULL;
	const char *c = dsr__memcasemem(ct, strlen(ct), "charset=");
	if (!c)
		return NULL;
	c += 8;
	if (*c == '"' || *c == '\'')
		c++;
	size_t n = 0;
	while (c[n] && c[n] != ';' && c[n] != '"' && c[n] != '\'' && c[n] != ' ')
		n++;
	return n ? S_dup(r, c, n) : NULL;
}

/* Undoes chunked transfer coding in place; false if malformed. */
static bool S_unchunk(dsr_buf *b)
{
	size_t in = 0, out = 0;
	for (;;) {
		size_t sz = 0;
		bool digits = false;
		while (in < b->len) {
			char c = b->buf[in];
			int v = (c >= '0' && c <= '9')   ? c - '0'
				: (c >= 'a' && c <= 'f') ? c - 'a' + 10
				: (c >= 'A' && c <= 'F') ? c - 'A' + 10
							 : -1;
			if (v < 0)
				break;
			if (sz > (SIZE_MAX >> 5))
				return false;
			sz = sz * 16 + (size_t)v;
			digits = true;
			in++;
		}
		if (!digits)
			return false;
		char *eol = memchr(b->buf + in, '\n', b->len - in);
		if (!eol)
			return false;
		in = (size_t)(eol - b->buf) + 1;
		if (sz == 0)
			break;
		if (sz > b->len - in)
			sz = b->len - in; /* truncated: keep what is there */
		memmove(b->buf + out, b->buf + in, sz);
		out += sz;
		in += sz;
		if (in < b->len && b->buf[in] == '\r')
			in++;
		if (in < b->len && b->buf[in] == '\n')
			in++;
		if (in >= b->len)
			break;
	}
	b->len = out;
	b->buf[out] = 0;
	return true;
}

/* Inflates gzip or deflate content-encoding into a new buffer. */
static bool S_inflate(dsr_buf *b, bool raw_deflate)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	if (inflateInit2(&z, raw_deflate ? 15 + 32 : 15 + 32) != Z_OK)
		return false;
	dsr_buf out;
	dsr_buf_init(&out, DSR_MAX_RECORD);
	unsigned char tmp[16384];
	z.next_in = (unsigned char *)b->buf;
	z.avail_in = (uInt)b->len;
	int ret;
	do {
		z.next_out = tmp;
		z.avail_out = sizeof tmp;
		ret = inflate(&z, Z_NO_FLUSH);
		if (ret != Z_OK && ret != Z_STREAM_END && ret != Z_BUF_ERROR)
			break;
		size_t got = sizeof tmp - z.avail_out;
		if (dsr_buf_add(&out, tmp, got)) {
			ret = Z_MEM_ERROR;
			break;
		}
		if (ret == Z_BUF_ERROR && got == 0)
			break;
	} while (ret != Z_STREAM_END);
	inflateEnd(&z);
	if (ret != Z_STREAM_END && out.len == 0) {
		dsr_buf_release(&out);
		return false;
	}
	dsr_buf_release(b);
	*b = out;
	b->cap = DSR_MAX_RECORD;
	return true;
}

static bool S_is_textual(const char *ct)
{
	if (!ct)
		return true;
	return dsr__memcasemem(ct, strlen(ct), "html") || dsr__memcasemem(ct, strlen(ct), "text/plain");
}

static dsr_err S_next_warc(dsr_reader *r)
{
	for (;;) {
		int got;
		/* find the version line, skipping blank lines between records */
		do {
			got = S_getline(&r->st, &r->line);
		} while (got == 1 && r->line.len == 0);
		if (got == 0) {
			if (r->st.err) {
				S_setmsg(r, "'%s': %s after record %zu", S_name(r), r->st.errmsg,
					 r->nrec);
				return DSR_EGZIP;
			}
			return DSR_DONE;
		}
		if (got < 0 || r->line.len < 5 || memcmp(r->line.buf, "WARC/", 5)) {
			S_setmsg(r, "'%s' record %zu: no WARC version line, stopped reading this file",
				 S_name(r), r->nrec + 1);
			r->st.eof = true;
			r->st.pos = r->st.end;
			return DSR_EFORMAT;
		}
		S_rec_reset(r);
		r->nrec++;
		/* header block */
		dsr_buf hdr;
		dsr_buf_init(&hdr, 1 << 20);
		bool hdr_ok = true;
		for (;;) {
			got = S_getline(&r->st, &r->line);
			if (got <= 0) {
				hdr_ok = false;
				break;
			}
			if (r->line.len == 0)
				break;
			if (dsr_buf_add(&hdr, r->line.buf, r->line.len) || dsr_buf_addc(&hdr, '\n')) {
				hdr_ok = false;
				break;
			}
		}
		size_t vl;
		const char *type = S_hdr(r, hdr.buf, hdr.len, "WARC-Type", &vl);
		const char *uri = S_hdr(r, hdr.buf, hdr.len, "WARC-Target-URI", &vl);
		const char *clen = S_hdr(r, hdr.buf, hdr.len, "Content-Length", &vl);
		const char *rct = S_hdr(r, hdr.buf, hdr.len, "Content-Type", &vl);
		dsr_buf_release(&hdr);
		if (!hdr_ok || !clen) {
			S_setmsg(r, "'%s' record %zu: truncated or missing WARC header, stopped",
				 S_name(r), r->nrec);
			r->st.eof = true;
			r->st.pos = r->st.end;
			return r->st.err ? DSR_EGZIP : DSR_ETRUNC;
		}
		char *endp;
		errno = 0;
		unsigned long long n = strtoull(clen, &endp, 10);
		if (errno || endp == clen) {
			S_setmsg(r, "'%s' record %zu: bad Content-Length '%s', stopped", S_name(r),
				 r->nrec, clen);
			r->st.eof = true;
			return DSR_EFORMAT;
		}
		bool want = type && (!strcasecmp(type, "response") || !strcasecmp(type, "resource"));
		if (!want || n > DSR_MAX_RECORD) {
			if (!S_readn(&r->st, NULL, (size_t)n)) {
				S_setmsg(r, "'%s' record %zu: truncated record", S_name(r), r->nrec);
				return DSR_ETRUNC;
			}
			if (want) {
				S_setmsg(r, "'%s' record %zu: larger than the %zu MiB limit, skipped",
					 S_name(r), r->nrec, DSR_MAX_RECORD >> 20);
				return DSR_ETOOBIG;
			}
			continue;
		}
		if (!S_readn(&r->st, &r->body, (size_t)n)) {
			S_setmsg(r, "'%s' record %zu: truncated record (%s)", S_name(r), r->nrec,
				 r->st.err ? r->st.errmsg : "short read");
			return r->st.err ? DSR_EGZIP : DSR_ETRUNC;
		}
		const char *ct = rct;
		const char *charset = NULL;
		if (!strcasecmp(type, "response") &&
		    (!rct || dsr__memcasemem(rct, strlen(rct), "application/http"))) {
			/* HTTP response: status line, headers, body */
			const char *b = r->body.buf;
			const char *sep = NULL;
			for (size_t i = 0; i + 1 < r->body.len; i++) {
				if (b[i] == '\n' && (b[i + 1] == '\n' ||
						     (b[i + 1] == '\r' && i + 2 < r->body.len &&
						      b[i + 2] == '\n'))) {
					sep = b + i;
					break;
				}
			}
			if (!sep)
				continue; /* no HTTP body */
			size_t hl = (size_t)(sep - b);
			if (hl < 12 || strncmp(b, "HTTP/", 5))
				continue;
			int status = atoi(b + 9);
			if (status < 200 || status >= 300)
				continue;
			ct = S_hdr(r, b, hl, "Content-Type", &vl);
			const char *te = S_hdr(r, b, hl, "Transfer-Encoding", &vl);
			const char *ce = S_hdr(r, b, hl, "Content-Encoding", &vl);
			charset = S_ct_charset(r, ct);
			size_t bodyoff = hl + (sep[1] == '\n' ? 2 : 3);
			memmove(r->body.buf, r->body.buf + bodyoff, r->body.len - bodyoff);
			r->body.len -= bodyoff;
			r->body.buf[r->body.len] = 0;
			/* archivers often store the body already decoded but keep the
			 * headers: a body that does not decode is taken as it is */
			if (te && dsr__memcasemem(te, strlen(te), "chunked")) {
				dsr_buf copy;
				dsr_buf_init(&copy, DSR_MAX_RECORD);
				if (!dsr_buf_add(&copy, r->body.buf, r->body.len) && !S_unchunk(&copy)) {
					dsr_buf_release(&copy);
				} else {
					dsr_buf_release(&r->body);
					r->body = copy;
				}
			}
			if (ce && (dsr__memcasemem(ce, strlen(ce), "gzip") ||
				   dsr__memcasemem(ce, strlen(ce), "deflate"))) {
				bool gz = r->body.len >= 2 && (unsigned char)r->body.buf[0] == 0x1f &&
					  (unsigned char)r->body.buf[1] == 0x8b;
				bool zl = r->body.len >= 2 && ((unsigned char)r->body.buf[0] & 0x0f) == 8 &&
					  (((unsigned char)r->body.buf[0] << 8) | (unsigned char)r->body.buf[1]) % 31 == 0;
				if ((gz || zl) && !S_inflate(&r->body, false)) {
					S_setmsg(r, "'%s' record %zu: corrupt %s content, skipped",
						 S_name(r), r->nrec, ce);
					return DSR_EGZIP;
				}
			} else if (ce && (dsr__memcasemem(ce, strlen(ce), "br") ||
					  dsr__memcasemem(ce, strlen(ce), "zstd") ||
					  dsr__memcasemem(ce, strlen(ce), "compress"))) {
				S_setmsg(r, "'%s' record %zu: unsupported content-encoding '%s', skipped",
					 S_name(r), r->nrec, ce);
				return DSR_EFORMAT;
			}
		} else {
			charset = S_ct_charset(r, ct);
		}
		if (!S_is_textual(ct))
			continue;
		r->rec.data = r->body.buf;
		r->rec.len = r->body.len;
		r->rec.body = ct && dsr__memcasemem(ct, strlen(ct), "text/plain") ? DSR_FMT_TEXT
										 : DSR_FMT_HTML;
		if (r->rec.body == DSR_FMT_HTML && !dsr__looks_like_html(r->rec.data, r->rec.len))
			r->rec.body = DSR_FMT_TEXT;
		r->rec.charset = charset;
		r->rec.url = uri;
		S_origin(r, "%s#%zu", r->nrec);
		return DSR_OK;
	}
}

/* ---- feeds ---- */

/* ---- SGML collections ---- */

/* The next <REUTERS>...</REUTERS> or <DOC>...</DOC> of the file, line by
 * line (a start tag opens a line in both layouts). */
static dsr_err S_next_sgml(dsr_reader *r)
{
	S_rec_reset(r);
	bool in = false, big = false;
	size_t first = 0;
	for (;;) {
		int got = S_getline(&r->st, &r->line);
		if (got == 0) {
			if (r->st.err) {
				S_setmsg(r, "cannot read '%s': %s", S_name(r), r->st.errmsg);
				return DSR_EGZIP;
			}
			if (in && !big) {
				S_setmsg(r, "'%s' record %zu (line %zu): truncated, no closing tag",
					 S_name(r), r->nrec + 1, first);
				return DSR_ETRUNC;
			}
			if (in)
				break;
			return DSR_DONE;
		}
		const char *l = r->line.buf;
		size_t n = got < 0 ? 0 : r->line.len;
		if (!in) {
			const char *o = dsr__memcasemem(l, n, "<REUTERS");
			if (!o)
				o = dsr__memcasemem(l, n, "<DOC>");
			if (!o)
				continue;
			in = true;
			first = r->st.line;
			n -= (size_t)(o - l);
			l = o;
		}
		if (got < 0 || (!big && (dsr_buf_add(&r->body, l, n) || dsr_buf_addc(&r->body, '\n'))))
			big = true; /* (a line over the limit, or the record) */
		if (dsr__memcasemem(l, n, "</REUTERS>") || dsr__memcasemem(l, n, "</DOC>"))
			break;
	}
	r->nrec++;
	if (big) {
		S_setmsg(r, "'%s' record %zu (line %zu): larger than the %zu MiB record limit",
			 S_name(r), r->nrec, first, DSR_MAX_RECORD >> 20);
		return DSR_ETOOBIG;
	}
	dsr_err e = dsr__sgml_record(r->body.buf, r->body.len, &r->arena, &r->text, &r->rec);
	S_origin(r, "%s#%zu", r->nrec);
	if (e) {
		S_setmsg(r, "'%s' record %zu (line %zu): no story text", S_name(r), r->nrec, first);
		return e;
	}
	return DSR_OK;
}

static dsr_err S_next_feed(dsr_reader *r)
{
	if (!r->feed) {
		if (r->whole_done)
			return DSR_DONE;
		r->whole_done = true;
		S_rec_reset(r);
		dsr_err e = S_read_whole(r, &r->body);
		if (e)
			return e;
		e = dsr__feed_open(&r->feed, r->body.buf, r->body.len, r->errmsg,
					   sizeof r->errmsg, S_name(r));
		if (e)
			return e;
	}
	S_rec_reset(r);
	dsr_err e = dsr__feed_next(r->feed, &r->arena, &r->rec);
	if (e == DSR_OK) {
		r->nrec++;
		S_origin(r, "%s#%zu", r->nrec);
	}
	return e;
}

dsr_err dsr_reader_next(dsr_reader *r, const dsr_record **rec)
{
	*rec = NULL;
	r->errmsg[0] = 0;
	for (;;) {
		if (!r->open) {
			dsr_err e = S_next_file(r);
			if (e)
				return e; /* DSR_DONE, or an error naming the file */
		}
		dsr_err e;
		if (r->dead) {
			S_close_file(r);
			continue;
		}
		switch (r->fmt) {
		case DSR_FMT_WARC: e = S_next_warc(r); break;
		case DSR_FMT_JSONL: e = S_next_jsonl(r); break;
		case DSR_FMT_FEED: e = S_next_feed(r); break;
		case DSR_FMT_SGML: e = S_next_sgml(r); break;
		default: e = S_next_whole(r); break;
		}
		if (e == DSR_DONE) {
			S_close_file(r);
			continue;
		}
		if (e == DSR_OK)
			*rec = &r->rec;
		else if (r->st.err ||
			 (r->st.eof && r->st.pos >= r->st.end && !(r->jsondoc && r->jdoc)))
			r->dead = true; /* nothing more can come from this file */
		return e;
	}
}
