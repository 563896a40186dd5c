/* test_read.c: readers for every format, charsets, and bad input. */
#include "dossier/extract.h"
#include "dossier/read.h"
#include "charset.h"
#include "test.h"

#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>
#include <zlib.h>

static char *tmpfile_with(const char *name, const void *data, size_t n)
{
	static char path[256];
	snprintf(path, sizeof path, "/tmp/dossier-test-%d-%s", (int)getpid(), name);
	FILE *f = fopen(path, "wb");
	fwrite(data, 1, n, f);
	fclose(f);
	return path;
}

/* Reads every record of path; returns the count, fills errs. */
static int read_all(const char *path, dsr_format fmt, int *errs, char firsttitle[128])
{
	dsr_reader *r;
	char *em = NULL;
	*errs = 0;
	if (firsttitle)
		firsttitle[0] = 0;
	if (dsr_reader_open(&r, path, fmt, &em)) {
		free(em);
		return -1;
	}
	int n = 0;
	for (;;) {
		const dsr_record *rec;
		dsr_err e = dsr_reader_next(r, &rec);
		if (e == DSR_DONE)
			break;
		if (e) {
			(*errs)++;
			CHECK(strstr(dsr_reader_errmsg(r), "dossier-test") != NULL); /* names the input */
			continue;
		}
		if (n == 0 && firsttitle && rec->title)
			snprintf(firsttitle, 128, "%s", rec->title);
		n++;
	}
	dsr_reader_free(r);
	return n;
}

void test_sniff(void)
{
	CHECK(dsr_sniff("x", "WARC/1.1\r\n", 10) == DSR_FMT_WARC);
	CHECK(dsr_sniff("x", "{\"a\":1}\n", 8) == DSR_FMT_JSONL);
	CHECK(dsr_sniff("x", "<?xml version=\"1.0\"?><rss>", 26) == DSR_FMT_FEED);
	CHECK(dsr_sniff("x", "<?xml version=\"1.0\"?><feed xmlns=", 33) == DSR_FMT_FEED);
	CHECK(dsr_sniff("x", "<!DOCTYPE html><html><body>", 27) == DSR_FMT_HTML);
	CHECK(dsr_sniff("x.txt", "Plain words here.", 17) == DSR_FMT_TEXT);
}

void test_read_jsonl(void)
{
	const char *s = "{\"url\":\"https://a.example/1\",\"title\":\"One\",\"text\":\"Body one.\"}\n"
			"\n"
			"[1,2]\n"
			"{\"link\":\"https://a.example/2\",\"content\":\"<p>Body two</p>\",\"date\":\"2031-01-02\"}\n"
			"{\"title\":\"A headline alone\"}\n"
			"{\"url\":\"https://a.example/3\",\"title\":\"\"}\n"
			"{broken\n";
	int errs;
	char t[128];
	/* a headline alone is an item; nothing to read at all is an error */
	CHECK(read_all(tmpfile_with("a.jsonl", s, strlen(s)), DSR_FMT_AUTO, &errs, t) == 3);
	CHECK(errs == 3);
	CHECK_STR(t, "One");
}

void test_read_json_document(void)
{
	/* pretty-printed object, and an array of objects: records, not bad lines */
	const char *o = "{\n  \"title\": \"Pier\",\n  \"text\": \"The pier reopened.\"\n}\n";
	int errs;
	char t[128];
	CHECK(read_all(tmpfile_with("o.json", o, strlen(o)), DSR_FMT_AUTO, &errs, t) == 1);
	CHECK(errs == 0);
	CHECK_STR(t, "Pier");
	const char *a = "[\n {\"title\": \"A\", \"text\": \"one\"},\n {\"title\": \"B\"},\n"
			" {\"title\": \"C\", \"html\": \"<p>three</p>\"}\n]";
	CHECK(read_all(tmpfile_with("a.json", a, strlen(a)), DSR_FMT_AUTO, &errs, t) == 3);
	CHECK(errs == 0); /* B is a headline alone */
	CHECK_STR(t, "A");
}

void test_read_feeds(void)
{
	const char *rss = "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>W</title>"
			  "<item><title>A</title><link>https://w.example/a</link>"
			  "<description>&lt;p&gt;Escaped &lt;b&gt;html&lt;/b&gt;&lt;/p&gt;</description></item>"
			  "<item><title>B</title><description><![CDATA[<p>cdata</p>]]></description></item>"
			  "</channel></rss>";
	int errs;
	char t[128];
	CHECK(read_all(tmpfile_with("f.rss", rss, strlen(rss)), DSR_FMT_AUTO, &errs, t) == 2);
	CHECK(errs == 0);
	CHECK_STR(t, "A");
	const char *rdf = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
			  "xmlns=\"http://purl.org/rss/1.0/\"><channel><title>R</title></channel>"
			  "<item rdf:about=\"https://r.example/1\"><title>R1</title><description>Text one.</description></item>"
			  "</rdf:RDF>";
	CHECK(read_all(tmpfile_with("f.rdf", rdf, strlen(rdf)), DSR_FMT_AUTO, &errs, t) == 1);
	CHECK_STR(t, "R1");
	/* billion laughs: refused or bounded, never expanded */
	const char *bl = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY a \"aaaaaaaaaa\">"
			 "<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\"><!ENTITY c \"&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;\">"
			 "<!ENTITY d \"&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;\"><!ENTITY e \"&d;&d;&d;&d;&d;&d;&d;&d;&d;&d;\">"
			 "<!ENTITY f \"&e;&e;&e;&e;&e;&e;&e;&e;&e;&e;\"><!ENTITY g \"&f;&f;&f;&f;&f;&f;&f;&f;&f;&f;\">"
			 "<!ENTITY h \"&g;&g;&g;&g;&g;&g;&g;&g;&g;&g;\"><!ENTITY i \"&h;&h;&h;&h;&h;&h;&h;&h;&h;&h;\">]>"
			 "<rss><channel><item><title>&i;</title><description>&i;</description></item></channel></rss>";
	read_all(tmpfile_with("bl.rss", bl, strlen(bl)), DSR_FMT_AUTO, &errs, t);
	CHECK(strlen(t) < 1000);
	/* external entities are never fetched or read */
	const char *xxe = "<?xml version=\"1.0\"?><!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
			  "<rss><channel><item><title>T&x;</title><description>d</description></item></channel></rss>";
	read_all(tmpfile_with("xxe.rss", xxe, strlen(xxe)), DSR_FMT_AUTO, &errs, t);
	CHECK(strstr(t, "root:") == NULL);
}

static size_t gz_member(unsigned char *out, size_t cap, const char *s)
{
	z_stream z;
	memset(&z, 0, sizeof z);
	deflateInit2(&z, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
	z.next_in = (unsigned char *)s;
	z.avail_in = (uInt)strlen(s);
	z.next_out = out;
	z.avail_out = (uInt)cap;
	deflate(&z, Z_FINISH);
	size_t n = z.total_out;
	deflateEnd(&z);
	return n;
}

void test_read_warc(void)
{
	const char *http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n"
			   "<html><body><p>Hello from the archive, a record.</p></body></html>";
	char buf[1024];
	snprintf(buf, sizeof buf,
		 "WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Length: 4\r\n\r\nabcd\r\n\r\n"
		 "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: https://w.example/a\r\n"
		 "Content-Type: application/http; msgtype=response\r\nContent-Length: %zu\r\n\r\n%s\r\n\r\n",
		 strlen(http), http);
	int errs;
	CHECK(read_all(tmpfile_with("a.warc", buf, strlen(buf)), DSR_FMT_AUTO, &errs, NULL) == 1);
	CHECK(errs == 0);
	/* gzip, one member per record */
	unsigned char gz[4096];
	size_t n = gz_member(gz, sizeof gz, buf);
	CHECK(read_all(tmpfile_with("b.warc.gz", gz, n), DSR_FMT_AUTO, &errs, NULL) == 1);
	CHECK(errs == 0);
	/* truncated gzip: an error naming the input, no crash */
	CHECK(read_all(tmpfile_with("c.warc.gz", gz, n / 2), DSR_FMT_AUTO, &errs, NULL) == 0);
	CHECK(errs == 1);
	/* truncated plain WARC record */
	CHECK(read_all(tmpfile_with("d.warc", buf, strlen(buf) - 40), DSR_FMT_AUTO, &errs, NULL) == 0);
	CHECK(errs == 1);
}

void test_read_warc_quirks(void)
{
	/* headers say chunked and gzip, but the archiver stored the decoded body */
	const char *http = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n"
			   "Content-Encoding: gzip\r\n\r\n"
			   "<html><body><p>Stored decoded, as many crawlers do.</p></body></html>";
	char buf[1024];
	snprintf(buf, sizeof buf,
		 "WARC/1.0\r\r\nWARC-Type: response\r\nWARC-Target-URI: https://w.example/q\r\n"
		 "Content-Length: %zu\r\n\r\n%s\r\n\r\n",
		 strlen(http), http);
	int errs;
	CHECK(read_all(tmpfile_with("q.warc", buf, strlen(buf)), DSR_FMT_AUTO, &errs, NULL) == 1);
	CHECK(errs == 0);
}

/* SGML news collections: wire stories with datelines, flashes, a TREC file */
void test_read_sgml(void)
{
	static const char wire[] =
		"<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n"
		"<REUTERS TOPICS=\"YES\" OLDID=\"12\" NEWID=\"31\">\n"
		"<DATE> 5-JUN-1988 11:02:19.07</DATE>\n"
		"<TOPICS><D>ship</D></TOPICS>\n"
		"<UNKNOWN> \n&#5;&#5;&#5;F\n&#22;&#22;&#1;f0101&#31;reute</UNKNOWN>\n"
		"<TEXT>&#2;\n"
		"<TITLE>QUARNE DOCKS &lt;QDK> SETS HARBOUR FEE</TITLE>\n"
		"<DATELINE>    ORLIN, June 5 - </DATELINE><BODY>Quarne Docks said it will raise its\n"
		"harbour fee by four pct &amp; add a night shift.\n"
		"    The company said crews agreed to the plan.\n"
		" Reuter\n&#3;</BODY></TEXT>\n"
		"</REUTERS>\n"
		"<REUTERS NEWID=\"32\">\n<DATE>5-JUN-1988 11:05:00.00</DATE>\n"
		"<TEXT TYPE=\"BRIEF\">&#2;\n******<TITLE>VELSEN PORT CLOSED BY STORM\n</TITLE>&#3;\n"
		"</TEXT>\n</REUTERS>\n"
		"<REUTERS NEWID=\"33\">\n<DATE>5-JUN-1988</DATE>\n<TEXT><TITLE>CUT SHORT\n";
	char *path = tmpfile_with("wire.sgm", wire, sizeof wire - 1);
	CHECK(dsr_sniff(NULL, wire, sizeof wire - 1) == DSR_FMT_SGML);
	dsr_reader *r;
	char *em = NULL;
	CHECK(dsr_reader_open(&r, path, DSR_FMT_AUTO, &em) == DSR_OK);
	if (!r)
		return;
	const dsr_record *rec;
	CHECK(dsr_reader_next(r, &rec) == DSR_OK);
	if (rec) {
		CHECK(rec->body == DSR_FMT_TEXT);
		CHECK(rec->title && !strcmp(rec->title, "QUARNE DOCKS <QDK> SETS HARBOUR FEE"));
		CHECK(rec->published && !strcmp(rec->published, "1988-06-05"));
		CHECK(rec->url && !strcmp(rec->url, "reuters21578:31"));
		CHECK(rec->outlet && !strcmp(rec->outlet, "Reuters"));
		static const char want[] =
			"ORLIN, June 5 - Quarne Docks said it will raise its harbour fee by four pct "
			"& add a night shift.\n\nThe company said crews agreed to the plan.";
		CHECK(rec->len == sizeof want - 1 && !memcmp(rec->data, want, rec->len));
	}
	/* a flash: its headline is its text */
	CHECK(dsr_reader_next(r, &rec) == DSR_OK);
	CHECK(rec && rec->len == 27 && !memcmp(rec->data, "VELSEN PORT CLOSED BY STORM", 27));
	/* a record the file cuts short is reported with its line */
	CHECK(dsr_reader_next(r, &rec) == DSR_ETRUNC);
	CHECK(strstr(dsr_reader_errmsg(r), "wire.sgm' record 3 (line 23)") != NULL);
	CHECK(dsr_reader_next(r, &rec) == DSR_DONE);
	dsr_reader_free(r);
	unlink(path);

	static const char trec[] =
		"<DOC>\n<DOCNO> KG880605-0001 </DOCNO>\n<DATE>June 5, 1988</DATE>\n"
		"<HEADLINE>Orlin council backs the harbour plan</HEADLINE>\n<TEXT>\n"
		"<P>The council voted on Sunday.</P>\n<P>Work starts in July.</P>\n</TEXT>\n</DOC>\n"
		"<DOC>\n<DOCNO>KG880605-0002</DOCNO>\n<TEXT>\n</TEXT>\n</DOC>\n";
	path = tmpfile_with("trec.sgml", trec, sizeof trec - 1);
	int errs;
	char title[128];
	CHECK(read_all(path, DSR_FMT_AUTO, &errs, title) == 1);
	CHECK(errs == 1); /* the story with no text */
	CHECK(!strcmp(title, "Orlin council backs the harbour plan"));
	CHECK(dsr_reader_open(&r, path, DSR_FMT_SGML, &em) == DSR_OK);
	if (r) {
		CHECK(dsr_reader_next(r, &rec) == DSR_OK);
		CHECK(rec && rec->url && !strcmp(rec->url, "KG880605-0001"));
		CHECK(rec && rec->published && !strcmp(rec->published, "June 5, 1988"));
		CHECK(rec && strstr(rec->data, "voted on Sunday.") &&
		      strstr(rec->data, "\n\nWork starts in July."));
		dsr_reader_free(r);
	}
	unlink(path);
}

void test_read_missing(void)
{
	dsr_reader *r;
	char *em = NULL;
	CHECK(dsr_reader_open(&r, "/nonexistent/dossier", DSR_FMT_AUTO, &em) == DSR_ENOENT);
	CHECK(em && strstr(em, "/nonexistent/dossier"));
	free(em);
}

static const char *conv(const char *in, size_t n, const char *transport, bool markup, size_t *bad)
{
	static char out[256];
	dsr_buf b;
	dsr_buf_init(&b, 0);
	char used[48];
	CHECK(dsr__to_utf8(in, n, transport, markup, &b, bad, used) == DSR_OK);
	snprintf(out, sizeof out, "%s", b.buf);
	dsr_buf_release(&b);
	return out;
}

void test_charset(void)
{
	size_t bad;
	CHECK_STR(conv("caf\xE9", 4, NULL, false, &bad), "caf\xC3\xA9");
	CHECK(bad == 0);
	/* declared latin-1 but really UTF-8: the bytes win */
	CHECK_STR(conv("<meta charset=\"iso-8859-1\">caf\xC3\xA9", 32, NULL, true, &bad),
		  "<meta charset=\"iso-8859-1\">caf\xC3\xA9");
	/* declared UTF-8 with one stray byte among good sequences: replaced, counted */
	CHECK_STR(conv("\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 \xFF", 12, "utf-8", false, &bad),
		  "\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9\xC3\xA9 \xEF\xBF\xBD");
	CHECK(bad == 1);
	/* UTF-16 with a BOM */
	CHECK_STR(conv("\xFF\xFEh\0i\0", 6, NULL, false, &bad), "hi");
	/* windows-1251 from the transport */
	CHECK_STR(conv("\xEF\xF0\xE8", 3, "windows-1251", false, &bad), "\xD0\xBF\xD1\x80\xD0\xB8");
	/* NUL bytes dropped */
	CHECK_STR(conv("a\0b", 3, NULL, false, &bad), "ab");
	/* UTF-8 read once as windows-1252 and stored again ("\u00c2\u00a3" for a
	 * pound sign, "\u00e2\u20ac\u2122" for a closing quote) is mended */
	const char *m = "a loss of \xC3\x82\xC2\xA3" "42m at the yard\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s gate";
	CHECK_STR(conv(m, strlen(m), NULL, false, &bad), "a loss of \xC2\xA3" "42m at the yard\xE2\x80\x99s gate");
	/* ... and as windows-1250 (Polish "\u00f3" seen as "\u0102\u0142") */
	const char *pl = "dron\xC4\x82\xC5\x82w nad miastem";
	CHECK_STR(conv(pl, strlen(pl), NULL, false, &bad), "dron\xC3\xB3w nad miastem");
	/* real Latin-1 letters are left alone: "S\u00e3o", "Fu\u00df\u201c", "\u00c9t\u00e9" */
	const char *ok = "S\xC3\xA3o Paulo, Fu\xC3\x9F\xE2\x80\x9C, \xC3\x89t\xC3\xA9, \xC3\x80 la carte";
	CHECK_STR(conv(ok, strlen(ok), NULL, false, &bad), ok);
}
