/* html.h: internal: main content and metadata candidates of an HTML page. */
#ifndef DOSSIER_HTML_H
#define DOSSIER_HTML_H

#include "dossier/base.h"

/* What the page offers; every string is in the arena, NULL when absent. */
typedef struct dsr__html_result {
	const char *text;
	size_t text_len;
	size_t body_len;  /* of which the chosen body, without a standfirst */
	const char *title_tag, *h1, *og_title, *ld_headline;
	const char *date_ld, *date_meta, *date_time, *date_modified, *date_text;
	const char *author_meta;
	const char *ld_authors[8];
	size_t n_ld_authors;
	const char *byline;
	const char *site_name, *publisher, *app_name;
	const char *lang, *canonical, *og_url;
	const char *ld_body;
} dsr__html_result;

/*
 * Parses UTF-8 HTML and selects its main text (all of its text when
 * `fragment`, e.g. a feed item's content).
 */
dsr_err dsr__html_extract(const char *html, size_t n, bool fragment, dsr_arena *arena,
			  dsr__html_result *res);

#endif
