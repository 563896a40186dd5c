/* test_extract.c: main text, metadata, text cleaning, URLs, language. */
#include "dossier/extract.h"
#include "test.h"

#include <stdlib.h>

static dsr_article extract_html(dsr_arena *a, const char *html, const char *url)
{
	dsr_record rec;
	memset(&rec, 0, sizeof rec);
	rec.data = html;
	rec.len = strlen(html);
	rec.body = DSR_FMT_HTML;
	rec.url = url;
	dsr_article art;
	dsr_err e = dsr_extract(&rec, NULL, a, &art);
	CHECK(e == DSR_OK);
	return art;
}

static dsr_article extract_plain(dsr_arena *a, const char *t)
{
	dsr_record rec;
	memset(&rec, 0, sizeof rec);
	rec.data = t;
	rec.len = strlen(t);
	rec.body = DSR_FMT_TEXT;
	dsr_article art;
	CHECK(dsr_extract(&rec, NULL, a, &art) == DSR_OK);
	return art;
}

static const char S_page[] =
	"<html lang='en-GB'><head><title>Tide mill reopens after repairs | Estuary Post</title>"
	"<meta property='og:site_name' content='Estuary Post'>"
	"<meta name='author' content='By Ada Fennimore and Carl Ostrow'>"
	"<meta property='article:published_time' content='2030-05-02T09:00:00Z'>"
	"</head><body>"
	"<nav class='top-nav'><a href='/'>Home</a><a href='/news'>News</a><a href='/weather'>Weather</a></nav>"
	"<div class='cookie-consent'>This site uses cookies, as nearly every site does.</div>"
	"<div id='main'><h1>Tide mill reopens after repairs</h1>"
	"<div class='article-body'>"
	"<p>The tide mill at Saltmarsh Quay reopened on Thursday after two years of repairs, "
	"the trust that runs it said, and the first flour was sold within the hour.</p>"
	"<p>Volunteers rebuilt the wooden wheel, which had rotted, using oak from a nearby estate, "
	"and the sluice gates were replaced with a design copied from old drawings.</p>"
	"<figure><img src='m.jpg'><figcaption>The new wheel turning (Photo: Estuary Post)</figcaption></figure>"
	"<p>Visitors will be able to watch the mill grind when the tide is falling.</p>"
	"</div>"
	"<div class='share-tools'><a href='#'>Share on Facebook</a><a href='#'>Email</a></div>"
	"<ul class='related-links'><li><a href='/1'>Ferry fares rise again this spring</a></li>"
	"<li><a href='/2'>Harbour wall repairs are delayed by storms</a></li></ul>"
	"</div>"
	"<div id='comments'><p>Lovely to see it working again, well done to all involved!</p></div>"
	"<footer><p>Estuary Post, all rights reserved.</p></footer></body></html>";

void test_extract_main_text(void)
{
	dsr_arena a;
	dsr_arena_init(&a);
	dsr_article art = extract_html(&a, S_page, "https://www.EstuaryPost.example/news/2030/05/02/mill?utm_source=x#top");
	CHECK(strstr(art.text, "The tide mill at Saltmarsh Quay reopened") == art.text);
	CHECK(strstr(art.text, "watch the mill grind") != NULL);
	CHECK(strstr(art.text, "\n\nVolunteers rebuilt") != NULL);  /* paragraphs */
	CHECK(strstr(art.text, "cookies") == NULL);
	CHECK(strstr(art.text, "Home") == NULL);
	CHECK(strstr(art.text, "Share") == NULL);
	CHECK(strstr(art.text, "Ferry fares") == NULL);
	CHECK(strstr(art.text, "Lovely to see") == NULL);
	CHECK(strstr(art.text, "new wheel turning") == NULL); /* caption */
	CHECK(strstr(art.text, "all rights reserved") == NULL);
	CHECK_STR(art.title, "Tide mill reopens after repairs");
	CHECK_STR(art.outlet, "Estuary Post");
	CHECK_STR(art.language, "en");
	CHECK_STR(art.published, "2030-05-02T09:00:00Z");
	CHECK_STR(art.published_from, "meta");
	CHECK(art.nauthors == 2);
	if (art.nauthors == 2) {
		CHECK_STR(art.authors[0], "Ada Fennimore");
		CHECK_STR(art.authors[1], "Carl Ostrow");
	}
	CHECK_STR(art.url, "https://estuarypost.example/news/2030/05/02/mill");
	CHECK(strlen(art.id) == 16);
	dsr_arena_release(&a);
}

void test_extract_jsonld_and_url_date(void)
{
	dsr_arena a;
	dsr_arena_init(&a);
	const char *p = "<html><head><script type='application/ld+json'>"
			"{\"@context\":\"https://schema.org\",\"@graph\":[{\"@type\":\"WebSite\",\"name\":\"x\"},"
			"{\"@type\":\"NewsArticle\",\"headline\":\"Bridge vote delayed\",\"datePublished\":\"2030-07-08\","
			"\"author\":{\"@type\":\"Person\",\"name\":\"Lena Marsh\"},\"publisher\":{\"name\":\"Valley Courier\"}}]}"
			"</script></head><body><p>The council postponed its vote on the new bridge until the autumn, "
			"saying more studies of the river bed were needed before any money is committed.</p></body></html>";
	dsr_article art = extract_html(&a, p, NULL);
	CHECK_STR(art.published, "2030-07-08");
	CHECK_STR(art.published_from, "jsonld");
	CHECK(art.nauthors == 1 && !strcmp(art.authors[0], "Lena Marsh"));
	CHECK_STR(art.outlet, "Valley Courier");
	CHECK_STR(art.title, "Bridge vote delayed");
	const char *q = "<html><body><p>Short body text that is long enough to be a paragraph of news.</p></body></html>";
	art = extract_html(&a, q, "https://courier.example/2029/12/31/story");
	CHECK_STR(art.published, "2029-12-31");
	CHECK_STR(art.published_from, "url");
	CHECK_STR(art.outlet, "courier.example");
	dsr_arena_release(&a);
}

void test_extract_date_from_text(void)
{
	dsr_arena a;
	dsr_arena_init(&a);
	/* a sidebar date comes first in the page but is not the article's */
	const char *p = "<html><body><aside class='sidebar'><div class='date'>3. Mai 2030</div>"
			"<a href='/x'>Older news item</a></aside>"
			"<div class='article'><h1>Harbour festival returns</h1>"
			"<div class='post-meta'>Posted on 14. Juni 2030 by the editors</div>"
			"<p>The harbour festival returns this summer after a pause of two years, the "
			"organisers said, with boats, music and a market along the quay.</p></div></body></html>";
	dsr_article art = extract_html(&a, p, NULL);
	CHECK_STR(art.published, "2030-06-14");
	CHECK_STR(art.published_from, "text");
	dsr_arena_release(&a);
}

void test_extract_deep_nesting(void)
{
	/* 100,000 nested elements: no recursion, bounded time */
	size_t depth = 100000;
	dsr_buf b;
	dsr_buf_init(&b, 0);
	for (size_t i = 0; i < depth; i++)
		CHECK(dsr_buf_adds(&b, "<div>") == DSR_OK);
	CHECK(dsr_buf_adds(&b, "<p>Deep inside the page there is one real sentence of text.</p>") == DSR_OK);
	dsr_arena a;
	dsr_arena_init(&a);
	dsr_record rec;
	memset(&rec, 0, sizeof rec);
	rec.data = b.buf;
	rec.len = b.len;
	rec.body = DSR_FMT_HTML;
	dsr_article art;
	dsr_err e = dsr_extract(&rec, NULL, &a, &art);
	CHECK(e == DSR_OK || e == DSR_ENOBODY);
	dsr_arena_release(&a);
	dsr_buf_release(&b);
}

void test_text_clean(void)
{
	const char *t = "Storm closes the causeway\n\n"
			"The causeway to Gull Island was closed on Monday as waves broke over the road, "
			"the county said, and ferries were cancelled until further notice.\n"
			"Residents were told to stay indoors.\n"
			"Residents were told to stay indoors.\n"
			"Photo: County archive\n"
			"Share this:\n"
			"Like Loading...\n"
			"Police said the road would reopen once the tide had turned and engineers had checked it, "
			"probably by Wednesday morning.\n"
			"Leave a Reply\n"
			"You are commenting using your account.\n"
			"Recent Posts\n"
			"Ferry timetables for summer\n"
			"3 days ago\n";
	dsr_record rec;
	memset(&rec, 0, sizeof rec);
	rec.data = t;
	rec.len = strlen(t);
	rec.body = DSR_FMT_TEXT;
	dsr_arena a;
	dsr_arena_init(&a);
	dsr_article art;
	CHECK(dsr_extract(&rec, NULL, &a, &art) == DSR_OK);
	CHECK_STR(art.title, "Storm closes the causeway");
	CHECK(strstr(art.text, "The causeway to Gull Island") == art.text);
	CHECK(strstr(art.text, "probably by Wednesday morning.") != NULL);
	CHECK(strstr(art.text, "Residents were told to stay indoors.\n\nResidents") == NULL);
	CHECK(strstr(art.text, "Photo:") == NULL);
	CHECK(strstr(art.text, "Share this") == NULL);
	CHECK(strstr(art.text, "Leave a Reply") == NULL);
	CHECK(strstr(art.text, "Ferry timetables") == NULL);
	/* raw keeps every byte */
	dsr_extract_opts o = {DSR_EXTRACT_RAW, NULL, "2031-01-05", NULL, DSR_FMT_AUTO};
	CHECK(dsr_extract(&rec, &o, &a, &art) == DSR_OK);
	CHECK(art.text_len == strlen(t) && !memcmp(art.text, t, art.text_len));
	CHECK_STR(art.published, "2031-01-05");
	CHECK_STR(art.published_from, "given");
	dsr_arena_release(&a);
}

/* Lines that are only a date or a time, credits, PHP warnings, links onward
 * ("Weiter »") and a tail heading in German. */
void test_text_clean_lines(void)
{
	const char *t = "Harbour crane returns\n"
			"14.03.2031\n"
			"The old steam crane came back to the north quay on Friday after a winter in the "
			"workshop, and the harbour trust said it would lift again at the summer fair.\n"
			"Warning: Undefined variable $x in /srv/www/page.php on line 12\n"
			"9:41 PM\n"
			"Volunteers had replaced the boiler tubes and repainted the jib in its first colours, "
			"a dark green that had been found under six later coats.\n"
			"Titelbild: Hafenverein\n"
			"Weiter \xC2\xBB\n"
			"Mehr aus dem Hafen und der Stadt, in unserem Archiv und im Newsletter zum Thema.\n"
			"Empfohlene Beitr\xC3\xA4ge\n"
			"Ferry fares rise again\n";
	dsr_arena a;
	dsr_arena_init(&a);
	dsr_article art = extract_plain(&a, t);
	CHECK(strstr(art.text, "The old steam crane") == art.text);
	CHECK(strstr(art.text, "a dark green") != NULL);
	CHECK(strstr(art.text, "14.03.2031") == NULL);
	CHECK(strstr(art.text, "9:41") == NULL);
	CHECK(strstr(art.text, "on line 12") == NULL);
	CHECK(strstr(art.text, "Titelbild") == NULL);
	CHECK(strstr(art.text, "Weiter") == NULL);
	CHECK(strstr(art.text, "Mehr aus dem Hafen") != NULL); /* a sentence, not a heading */
	CHECK(strstr(art.text, "Ferry fares") == NULL);
	dsr_arena_release(&a);
}

/* The standfirst shown above the body (the page's description) comes first;
 * a teaser link with the same words elsewhere would not count. */
void test_extract_standfirst(void)
{
	static const char page[] =
		"<html><head><title>Lighthouse keepers return</title>"
		"<meta name='description' content='After forty years of automation, two keepers will "
		"live at the Skerry light again, to guide the new tidal survey boats.'></head><body>"
		"<header class='article-header'><h1>Lighthouse keepers return</h1>"
		"<p class='dek'>After forty years of automation, two keepers will live at the Skerry "
		"light again, to guide the new tidal survey boats.</p></header>"
		"<div class='article-body'><p>The harbour board voted on Tuesday to staff the Skerry "
		"lighthouse from next spring, reversing a decision taken in the early years of "
		"automation, when the last keeper left the rock.</p>"
		"<p>The two keepers, chosen from eleven applicants, will work in shifts of four weeks, "
		"the board said, and will log the survey boats' passages by hand.</p></div>"
		"<footer><p>Harbour Gazette</p></footer></body></html>";
	dsr_arena a;
	dsr_arena_init(&a);
	dsr_article art = extract_html(&a, page, NULL);
	CHECK(strstr(art.text, "After forty years of automation") == art.text);
	CHECK(strstr(art.text, "\n\nThe harbour board voted") != NULL);
	CHECK(strstr(art.text, "Harbour Gazette") == NULL);
	dsr_arena_release(&a);
}

void test_url_normalize(void)
{
	dsr_arena a;
	dsr_arena_init(&a);
	CHECK_STR(dsr_url_normalize(&a, "HTTPS://WWW.Example.COM:443/A/b/?utm_medium=x&id=3&fbclid=9#frag"),
		  "https://example.com/A/b/?id=3");
	CHECK_STR(dsr_url_normalize(&a, "http://example.com/"), "http://example.com");
	CHECK_STR(dsr_url_normalize(&a, "http://example.com/path/"), "http://example.com/path");
	dsr_arena_release(&a);
}

void test_language(void)
{
	CHECK_STR(dsr_guess_language("The mayor said that the bridge was closed for the winter and the ferry would run.", 80), "en");
	CHECK_STR(dsr_guess_language("Der Bürgermeister sagte, dass die Brücke im Winter nicht geöffnet ist und die Fähre fährt.", 93), "de");
	CHECK(dsr_guess_language("12345 67890", 11) == NULL);
}

/* Pages parsed one after another reuse libxml2's bump arena (src/xmlmem.c):
 * a page that needs several chunks, a malformed one (libxml2 records errors
 * with strings from the arena), one too large for the arena (heap), then the
 * first page again, which must come out the same. */
void test_extract_arena_reuse(void)
{
	dsr_arena a;
	dsr_arena_init(&a);
	dsr_article first = extract_html(&a, S_page, NULL);
	char *text0 = strdup(first.text);
	size_t sizes[] = {3u << 20, 6u << 20};
	for (size_t k = 0; k < 2; k++) {
		size_t n = sizes[k];
		char *big = malloc(n + 64);
		size_t len = 0;
		len += (size_t)sprintf(big, "<html><body><div class='story'>");
		static const char para[] = "<p>The ferry &bogus; ran late <b><i>again</b> on Tuesday, "
					   "riders said, <span a=1 a=2>after a storm</p>\n";
		while (len + sizeof para < n) {
			memcpy(big + len, para, sizeof para - 1);
			len += sizeof para - 1;
		}
		big[len] = 0;
		dsr_arena_clear(&a);
		dsr_article art = extract_html(&a, big, NULL);
		CHECK(art.text && strstr(art.text, "ferry") != NULL);
		free(big);
	}
	dsr_arena_clear(&a);
	dsr_article again = extract_html(&a, S_page, NULL);
	CHECK_STR(again.text, text0);
	free(text0);
	dsr_arena_release(&a);
}

void test_extract_headline_only(void)
{
	dsr_arena a;
	dsr_arena_init(&a);
	/* a feed item with a title and no summary: the headline is its text */
	dsr_record rec;
	memset(&rec, 0, sizeof rec);
	rec.data = "";
	rec.len = 0;
	rec.body = DSR_FMT_TEXT;
	rec.fragment = true;
	rec.title = "Ferry line to Ostbrook resumes after the storm";
	dsr_article art;
	CHECK(dsr_extract(&rec, NULL, &a, &art) == DSR_OK);
	CHECK_STR(art.text, "Ferry line to Ostbrook resumes after the storm");
	CHECK(art.text_len == strlen(art.text));
	/* a whole page with no text stays an error */
	rec.fragment = false;
	CHECK(dsr_extract(&rec, NULL, &a, &art) == DSR_ENOBODY);
	dsr_arena_release(&a);
}
