/* charset.h: internal: input bytes to valid UTF-8 (see charset.c). */
#ifndef DOSSIER_CHARSET_H
#define DOSSIER_CHARSET_H

#include "dossier/base.h"

/*
 * Converts s[0..n) to valid UTF-8, appending to out. `transport` is the
 * charset named by HTTP (or NULL); `markup` allows looking for <meta
 * charset> and the XML declaration. *replaced receives the number of
 * invalid bytes replaced; used[] the charset applied.
 */
dsr_err dsr__to_utf8(const char *s, size_t n, const char *transport, bool markup, dsr_buf *out,
		     size_t *replaced, char used[48]);
/* Mends UTF-8 text s[0..n) in place where it was read once as windows-1252
 * or windows-1250 and encoded again ("\u00c2\u00a3" to "\u00a3", "\u00e2\u20ac\u2122" to
 * "\u2019", "\u0102\u0142" to "\u00f3"); returns the new length (never more). */
size_t dsr__unmojibake(char *s, size_t n);
/* The charset declared in markup (meta or XML declaration), if any. */
bool dsr__declared_charset(const char *s, size_t n, char name[48]);

#endif
