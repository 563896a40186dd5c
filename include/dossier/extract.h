/*
 * extract.h: a raw record to an Article (CONTRACT.md "Article").
 *
 * HTML: charset to UTF-8, HTML parse (libxml2), main-content selection
 * (boilerplate containers dropped, paragraph scoring, sibling merging,
 * conditional cleaning), and metadata from JSON-LD, meta tags, <time>, the
 * URL and the text. Plain text: boilerplate paragraphs (comment threads,
 * share strings, "Recent Posts" lists, photo credits) removed, unless raw.
 *
 * Memory: every string of the article lives in the arena passed in and is
 * valid until the arena is cleared.
 */
#ifndef DOSSIER_EXTRACT_H
#define DOSSIER_EXTRACT_H

#include "base.h"
#include "read.h"

typedef struct dsr_article {
	char id[17];               /* stable id: canonical URL, else text */
	const char *url;           /* canonical URL or NULL */
	const char *title;
	const char *outlet;
	const char *language;      /* ISO 639-1 when known */
	const char *published;     /* "YYYY-MM-DD" or "YYYY-MM-DDThh:mm:ssZ" */
	const char *published_from; /* given|meta|jsonld|url|text|inferred */
	const char **authors;
	size_t nauthors;
	const char *text;          /* body; paragraphs separated by "\n\n" */
	size_t text_len;
	const char *charset;       /* what the input was decoded from */
	size_t replaced;           /* invalid input bytes replaced */
} dsr_article;

enum dsr_extract_flags {
	DSR_EXTRACT_RAW = 1 << 0,  /* plain text: keep it byte for byte */
};

typedef struct dsr_extract_opts {
	unsigned flags;            /* enum dsr_extract_flags */
	const char *url;           /* overrides the record's and the page's */
	const char *published;     /* overrides; any form dsr_date_parse takes */
	const char *outlet;        /* overrides */
	dsr_format format;         /* force the body format, or DSR_FMT_AUTO */
} dsr_extract_opts;

/*
 * Extracts an article from `rec`. All strings are allocated in `arena`.
 * Returns DSR_OK, or DSR_ENOBODY when nothing readable remains (the article
 * is still filled with what metadata there is).
 */
DSR_WARN_UNUSED dsr_err dsr_extract(const dsr_record *rec, const dsr_extract_opts *opts,
				    dsr_arena *arena, dsr_article *out);

/*
 * Appends the article's members to `out` as JSON, without the enclosing
 * braces, so that callers can add fields: "id":...,"url":...,...,"text":...
 */
DSR_WARN_UNUSED dsr_err dsr_article_json_members(const dsr_article *a, dsr_buf *out);

/* Normalizes a URL for identity (scheme and host lowercased, fragment and
 * tracking parameters dropped, trailing slash removed) into the arena. */
const char *dsr_url_normalize(dsr_arena *arena, const char *url);

/* ISO 639-1 guess from common function words, or NULL. */
const char *dsr_guess_language(const char *text, size_t n);

#endif
