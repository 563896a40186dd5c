/*
 * internal.h: declarations shared between libdossier's modules and not part
 * of the public interface (double-underscore names).
 */
#ifndef DOSSIER_INTERNAL_H
#define DOSSIER_INTERNAL_H

#include "dossier/base.h"
#include "dossier/read.h"

/* Case-insensitive search for NUL-terminated needle in h[0..n), or NULL. */
const char *dsr__memcasemem(const char *h, size_t n, const char *needle);

/* libxml2's allocations of the current thread come from a bump arena between
 * begin and end (xmlmem.c); nothing they allocate may outlive end. */
void dsr__xml_init(void);
void dsr__xml_arena_begin(void);
void dsr__xml_arena_end(void);
/* True when s[0..n) contains markup tags (so a summary is HTML, not text). */
bool dsr__looks_like_html(const char *s, size_t n);

/* feed.c: RSS 2.0, RSS 1.0 (RDF) and Atom items as records. */
typedef struct dsr_feed dsr_feed;
/* Parses a whole feed document; on error writes a message naming `name`. */
dsr_err dsr__feed_open(dsr_feed **out, const char *data, size_t n, char *err, size_t errsz,
		       const char *name);
/* Fills rec (strings in arena) with the next item; DSR_DONE at the end. */
dsr_err dsr__feed_next(dsr_feed *f, dsr_arena *arena, dsr_record *rec);
void dsr__feed_free(dsr_feed *f);

/* sgml.c: one record of an SGML news collection (<REUTERS>...</REUTERS> or
 * <DOC>...</DOC>, p[0..n)) as rec: its plain text into `text`, its title,
 * date, id and outlet in the arena; DSR_ENOBODY when it has no text. */
dsr_err dsr__sgml_record(const char *p, size_t n, dsr_arena *ar, dsr_buf *text, dsr_record *rec);

#endif
