/* text.h: internal: cleaning of plain text copied from web pages. */
#ifndef DOSSIER_TEXT_H
#define DOSSIER_TEXT_H

#include "dossier/base.h"

/*
 * Appends the cleaned paragraphs of s[0..n) to out, separated by blank
 * lines. *title points into s at the headline line, or is NULL.
 */
dsr_err dsr__text_clean(const char *s, size_t n, dsr_buf *out, const char **title,
			size_t *title_len);

#endif
