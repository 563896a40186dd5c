/* text.h: internal: cleaning of plain text copied from web pages. */
#ifndef DOSSIER_TEXT_H
#define DOSSIER_TEXT_H

#include "dossier/base.h"

/*
 * Appends the cleaned paragraphs of s[0..n) to out, separated by blank
 * lines. With `headline`, a short first line without a full stop is taken
 * as the headline: *title points into s at it; otherwise *title is NULL.
 */
dsr_err dsr__text_clean(const char *s, size_t n, bool headline, dsr_buf *out, const char **title,
			size_t *title_len);

#endif
