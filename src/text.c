/*
 * text.c: cleaning of plain text copied from web pages.
 *
 * Paragraphs are lines (or blocks separated by blank lines). Removed:
 * boilerplate lines (comment forms, share and sign-in strings, "N days ago"),
 * photo captions and credits, consecutive duplicates, and everything after a
 * tail marker ("Recent Posts", "Leave a Reply", "Most Popular", ...) once
 * enough of the article has been seen. A short first line without a final
 * full stop is the headline.
 */
#include "internal.h"
#include "text.h"
#include "dossier/date.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Lines that end the article when they appear after the body. */
static const char *const S_tail[] = {
	"recent posts", "share this", "like this", "recent articles", "leave a reply", "leave a comment", "most popular",
	"most read", "related posts", "related articles", "related stories", "related news",
	"related", "read more", "read more:", "read also", "read also:", "see also",
	"you may also like", "you might also like", "more from", "more stories",
	"more news", "popular posts", "trending", "trending now", "comments", "share this:",
	"share this", "like this:", "also read", "also read:", "latest news", "latest posts",
	"top stories", "past team authors", "about the author", "subscribe to our newsletter",
	"sign up for our newsletter", "related topics", "tags", "tags:", "more on this story",
	"recommended", "recommended stories", "editor's picks", "what to read next",
	"in other news", "weitere artikel", "auch interessant", "das könnte sie auch interessieren",
	"mehr zum thema", "kommentare", "kommentar schreiben", "ähnliche artikel",
	"verwandte artikel", "artikel teilen", "à lire aussi", "lire aussi", "sur le même sujet",
	"articles similaires", "commentaires", "notas relacionadas", "te puede interesar",
	"noticias relacionadas", "comentarios", "lee también", "articoli correlati",
	"leggi anche", "commenti", "czytaj także", "zobacz też", "komentarze", "mehr zu*",
	"weitere beiträge*", "weitere artikel*", "weitere infos*", "lesen sie auch*",
	"zum weiterlesen*", "ähnliche beiträge*", "vorschau auf*", "das könnte*",
	"auch interessant*", "you may also*", "you might also*", "more on*", "related *",
	"scroll to read more*", "wie bewerten sie*", "info zur bewertung*", "voir aussi*",
	"plus d'articles*", "te puede interesar*", "más noticias*", "empfohlene beiträge*",
	"neueste beiträge*", "letzte beiträge*", "aktuellste beiträge*", "aktuelle news",
	"aktuelle beiträge*", "das thema könnte*", "nachfolgebeitrag*",
	"vorheriger beitrag*", "comments are closed*", "sie müssen sich einloggen*",
	"bitte registrieren sie sich*", "vos réactions", "réagissez*", "ähnliche themen*",
	"verwandte themen*", "weitere informationen zum*", "weiterführende links*",
	"you may be interested*", "related reading*", "further reading*", "schon gelesen?",
	"die meistgelesenen*", "meistgelesen*", "meist gelesen*", "meist-diskutiert*",
	"top themen*", "neueste artikel*", "mehr themen", "temas relacionados",
	"über den autor", "über die autorin", "audios et vidéos sur le sujet",
	"ansprechpartner*", "pressekontakt*", "zusatzinformationen", NULL};

/* Lines that are boilerplate wherever they are (compared case-insensitively,
 * as prefixes when they end with '*'). */
static const char *const S_junk[] = {
	"advertisement", "advertisement*", "skip to content", "skip to main content",
	"share", "share on facebook", "share on twitter", "tweet", "email", "print",
	"copy link", "click to share*", "click to email*", "click to print*",
	"like loading*", "loading...", "liked by*", "you are commenting using*",
	"fill in your details below*", "log out*", "change )", "connecting to %s",
	"notify me of*", "cancel reply", "post comment", "sign in*", "sign up*",
	"log in*", "subscribe*", "follow us*", "photo:*", "photo credit*", "image:*",
	"image credit*", "credit:*", "illustration:*", "source:*", "getty images*",
	"read more*", "continue reading*", "(c)*", "©*", "all rights reserved*",
	"this article was*", "ad", "report an error*", "we use cookies*",
	"accept cookies*", "accept all*", "cookie settings*", "reply", "like", "share this",
	"facebook", "twitter", "linkedin", "whatsapp", "telegram", "reddit", "pinterest",
	"previous article*", "next article*", "previous post*", "next post*", "teilen",
	"drucken", "weiter", "zurück", "nach oben", "anzeige", "werbung", "partager",
	"imprimer", "compartir", "imprimir", "kommentieren", "war der artikel nützlich?",
	"möchten sie den artikel teilen?", "artikel drucken", "zum seitenanfang", "kontakt",
	"weitere informationen", "merken", "teilen senden", "gefällt mir*", "%d bloggern*",
	"%d bloggers*", "be sociable, share*", "(noch keine bewertungen)", "pour lire la suite*",
	"kategorie:*", "kategorien:*", "category:*", "categories:*", "filed under*",
	"posted in*", "publiziert:*", "veröffentlicht:*", "veröffentlicht am*", "erstellt am*",
	"der beitrag wurde am*", "dieser beitrag wurde am*", "this entry was posted*",
	"time limit is exhausted*", "please reload captcha*", "aufrufe:*", "kommentare insgesamt*",
	"foto:*", "fotos:*", "titelbild:*", "beitragsbild:*", "bildquelle:*", "bildnachweis*",
	"crédits photos*", "crédit photo*", "crédit :*", "photo :*", "(credit:*", "(photo:*",
	"(foto:*", "lesezeit*", "reading time*", "zuletzt aktualisiert*", "last updated*",
	"updated:*", "aktualisiert:*", "aktualisiert am*", "alle angaben ohne gewähr*",
	"(alle angaben ohne gewähr)", "quelle:*", "quellen:*", "quellen ausblenden",
	"sie sind aktuell nicht eingeloggt*", "sie sind nicht eingeloggt*", "permalink*",
	"permalien*", "zurück zur*", "zurück zum*", "externer inhalt", "pressemitteilung als pdf",
	"von:", "telefon:*", "tel.:*", "fax:*", "e-mail:*", "anzeige,*", "anzeige -*",
	"*werbung*" /* a literal star: "*Werbung." */, "release date:*", "veröffentlichung:*", "verfasst von*", "inhaltsverzeichnis",
	"table of contents", "contents", "weiterlesen", "news", "entdecken sie jetzt*",
	"hazte miembro*", NULL};

static bool S_match(const char *line, size_t n, const char *const *list)
{
	for (;;) {
		if (n && (line[n - 1] == ':' || line[n - 1] == ' ' || line[n - 1] == '>'))
			n--;
		else if (n >= 2 && (!memcmp(line + n - 2, "\xC2\xBB", 2) ||   /* » */
				    !memcmp(line + n - 2, "\xC2\xA0", 2)))    /* nbsp */
			n -= 2;
		else if (n >= 3 && (!memcmp(line + n - 3, "\xE2\x80\xBA", 3) || /* › */
				    !memcmp(line + n - 3, "\xE2\x80\xA6", 3)))  /* … */
			n -= 3;
		else
			break;
	}
	for (; *list; list++) {
		size_t l = strlen(*list);
		bool prefix = l && (*list)[l - 1] == '*';
		if (prefix)
			l--;
		if (prefix ? (n >= l && !strncasecmp(line, *list, l))
			   : (n == l && !strncasecmp(line, *list, l)))
			return true;
	}
	return false;
}

/* "5 days ago", "2 hours ago", "3 comments", "1 reply" */
static bool S_counter_line(const char *s, size_t n)
{
	size_t i = 0;
	while (i < n && isdigit((unsigned char)s[i]))
		i++;
	if (!i || i >= n || s[i] != ' ')
		return false;
	const char *w = s + i + 1;
	size_t wl = n - i - 1;
	static const char *const tails[] = {
		"days ago", "day ago", "hours ago", "hour ago", "minutes ago", "minute ago",
		"weeks ago", "week ago", "months ago", "month ago", "years ago", "year ago",
		"comments", "comment", "replies", "reply", "shares", "likes", "views",
		"min read", "minute read", "minutes read", NULL};
	for (const char *const *t = tails; *t; t++)
		if (wl == strlen(*t) && !strncasecmp(w, *t, wl))
			return true;
	return false;
}

/* Only digits, separators and am/pm/Uhr in s[0..n). */
static bool S_clockish(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (isdigit(c) || strchr(" .:/-,|()", c))
			continue;
		if (i + 2 <= n && (!strncasecmp(s + i, "am", 2) || !strncasecmp(s + i, "pm", 2)) &&
		    (i + 2 == n || !isalpha((unsigned char)s[i + 2]))) {
			i++;
			continue;
		}
		if (i + 3 <= n && !strncasecmp(s + i, "uhr", 3)) {
			i += 2;
			continue;
		}
		return false;
	}
	return true;
}

/* A line that is only a date or a time: "23.10.2018", "3:59 PM", "6. Mai 2014, 19:49". */
static bool S_date_line(const char *s, size_t n)
{
	if (n > 40 || !n)
		return false;
	bool digit = false;
	for (size_t i = 0; i < n && !digit; i++)
		digit = isdigit((unsigned char)s[i]);
	if (!digit)
		return false;
	/* a time ("9:41", "3:59 PM"); bare numbers (a list, a phone) are not dates */
	const char *colon = memchr(s, ':', n);
	if (colon && colon > s && colon + 1 < s + n && isdigit((unsigned char)colon[-1]) &&
	    isdigit((unsigned char)colon[1]) && S_clockish(s, n))
		return true;
	dsr_date d;
	size_t at, used;
	if (dsr_date_find(s, n, &d, &at, &used) != DSR_OK)
		return false;
	return S_clockish(s, at) && S_clockish(s + at + used, n - at - used);
}

/* A PHP warning printed into the page: "Warning: ... on line 407". */
static bool S_php_warning(const char *s, size_t n)
{
	static const char *const heads[] = {"Warning: ", "Notice: ", "Deprecated: ", "Fatal error: ", NULL};
	for (const char *const *h = heads; *h; h++)
		if (n > strlen(*h) && !strncmp(s, *h, strlen(*h)))
			return dsr__memcasemem(s, n, " on line ") != NULL;
	return false;
}

/* A caption credit at the end: "(Jane Roe/AP)", "/ photo", "Photo: ..." */
static bool S_caption(const char *s, size_t n)
{
	if (n >= 6 && !strncasecmp(s + n - 6, "/photo", 6))
		return true;
	if (n >= 7 && !strncasecmp(s + n - 7, "/ photo", 7))
		return true;
	if (n > 4 && s[n - 1] == ')') {
		/* "(Name/AGENCY)" with an upper-case agency */
		size_t o = n - 1;
		while (o > 0 && s[o] != '(')
			o--;
		const char *slash = memchr(s + o, '/', n - o);
		if (s[o] == '(' && slash && n - o < 60) {
			bool upper = true;
			for (const char *p = slash + 1; p < s + n - 1; p++)
				if (!isupper((unsigned char)*p) && *p != ' ' && *p != '-' && *p != '.')
					upper = false;
			if (upper)
				return true;
		}
	}
	return false;
}

static bool S_ends_sentence(const char *s, size_t n)
{
	while (n && (s[n - 1] == ' ' || s[n - 1] == '"' || s[n - 1] == '\'' ||
		     (unsigned char)s[n - 1] >= 0x80))
		n--;
	return n && (s[n - 1] == '.' || s[n - 1] == '!' || s[n - 1] == '?' || s[n - 1] == ':');
}

/* Words that make a short closing paragraph boilerplate (a promotion, a
 * disclaimer, contact details, a licence line). */
static const char *const S_tail_words[] = {
	"newsletter", "subscri", "abonn", "advertis", "disclaimer", "disclosure", "copyright",
	"\xC2\xA9", "rights reserved", "follow us", "folgen sie", "cookie", "datenschutz",
	"impressum", "privacy policy", "sponsored", "affiliate", "commission", "lizenz",
	"license", "licence", NULL};

static bool S_tail_junk(const char *s, size_t n)
{
	if (n > 200)
		return false;
	for (const char *const *w = S_tail_words; *w; w++)
		if (dsr__memcasemem(s, n, *w))
			return true;
	return false;
}

typedef struct S_line {
	const char *s;
	size_t n;
} S_line;

dsr_err dsr__text_clean(const char *s, size_t n, bool headline, dsr_buf *out, const char **title,
			size_t *title_len)
{
	*title = NULL;
	*title_len = 0;
	/* split into trimmed non-empty lines */
	size_t cap = 64, nl = 0;
	S_line *lines = dsr_xmalloc(cap * sizeof *lines);
	size_t total = 0;
	for (size_t i = 0; i < n;) {
		const char *e = memchr(s + i, '\n', n - i);
		size_t end = e ? (size_t)(e - s) : n;
		size_t a = i, b = end;
		while (a < b && isspace((unsigned char)s[a]))
			a++;
		while (b > a && isspace((unsigned char)s[b - 1]))
			b--;
		if (b > a) {
			if (nl == cap) {
				cap *= 2;
				lines = dsr_xrealloc(lines, dsr_st_mult(cap, sizeof *lines));
			}
			lines[nl].s = s + a;
			lines[nl].n = b - a;
			nl++;
			total += b - a;
		}
		i = end + 1;
	}
	size_t first = 0;
	/* headline: a short first line without a full stop, with more after it */
	if (headline && nl > 1 && lines[0].n < 200 && !S_ends_sentence(lines[0].s, lines[0].n)) {
		*title = lines[0].s;
		*title_len = lines[0].n;
		first = 1;
	}
	dsr_err e = DSR_OK;
	size_t seen = 0;
	const S_line *prev = NULL;
	/* closing promotions and disclaimers, from the end, while the body stays */
	size_t kept_len = total;
	while (nl > first + 1 && S_tail_junk(lines[nl - 1].s, lines[nl - 1].n) &&
	       kept_len - lines[nl - 1].n > total / 2) {
		kept_len -= lines[nl - 1].n;
		nl--;
	}
	for (size_t k = first; k < nl && !e; k++) {
		const S_line *L = &lines[k];
		/* strip trailing ':' for tail-marker comparison */
		if (L->n <= 80 && S_match(L->s, L->n, S_tail) && seen * 3 > total / 2 && seen > 200)
			break;
		if (S_date_line(L->s, L->n) || S_php_warning(L->s, L->n))
			continue;
		/* a short line with a copyright sign is a credit ("... © AFP / NAME") */
		if (L->n <= 200 && dsr__memcasemem(L->s, L->n, "\xC2\xA9"))
			continue;
		if (L->n <= 100 && (S_match(L->s, L->n, S_junk) || S_counter_line(L->s, L->n) ||
				    S_caption(L->s, L->n)))
			continue;
		if (prev && prev->n == L->n && !memcmp(prev->s, L->s, L->n))
			continue; /* a caption repeated, a doubled line */
		if (*title && L->n == *title_len && !memcmp(L->s, *title, L->n))
			continue;
		if (out->len)
			e = dsr_buf_add(out, "\n\n", 2);
		if (!e)
			e = dsr_buf_add(out, L->s, L->n);
		seen += L->n;
		prev = L;
	}
	free(lines);
	return e;
}
