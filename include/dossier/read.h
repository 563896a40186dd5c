/*
 * read.h: turn an input (a file, a directory read recursively, or "-" for
 * stdin) into raw records, one at a time.
 *
 * Formats: HTML, plain text, WARC 1.0/1.1 (plain or one gzip member per
 * record; response and resource records; HTTP chunked and gzip/deflate
 * content-encoding), RSS 2.0, RSS 1.0 (RDF), Atom, and JSON Lines.
 * Any file may be gzip-compressed.
 *
 * Streaming: only the current record is held in memory (a feed is parsed as
 * one document, within the record cap). Every record and line is capped at
 * DSR_MAX_RECORD bytes.
 *
 * Errors: dsr_reader_next returns DSR_DONE at the end. Any other non-zero
 * code is a problem with one record or with the input; dsr_reader_errmsg
 * then names the input and the reason, and the caller may call
 * dsr_reader_next again to go on with the rest (a fatal problem, such as a
 * corrupt gzip stream, ends that file; a directory goes on with the next).
 */
#ifndef DOSSIER_READ_H
#define DOSSIER_READ_H

#include "base.h"

#define DSR_MAX_RECORD ((size_t)64 << 20)

typedef enum dsr_format {
	DSR_FMT_AUTO = 0,
	DSR_FMT_HTML,
	DSR_FMT_TEXT,
	DSR_FMT_WARC,
	DSR_FMT_FEED,
	DSR_FMT_JSONL,
	DSR_FMT_SGML          /* news collections: Reuters-21578 <REUTERS>, TREC <DOC> */
} dsr_format;

/* Parses "auto", "html", "text", "warc", "feed" (also rss/atom), "jsonl",
 * "sgml". */
DSR_WARN_UNUSED dsr_err dsr_format_parse(const char *name, dsr_format *out);
const char *dsr_format_name(dsr_format f);

/*
 * One raw record. All pointers are owned by the reader and valid until the
 * next call to dsr_reader_next or dsr_reader_free. Strings are NUL-terminated
 * or NULL when absent. Metadata fields here were given by the input
 * (a JSON line, a feed item) and override what extraction finds.
 */
typedef struct dsr_record {
	const char *data;     /* body bytes */
	size_t len;
	dsr_format body;      /* DSR_FMT_HTML or DSR_FMT_TEXT */
	bool fragment;        /* HTML that is the article itself (feed, JSON) */
	bool utf8;            /* data is already UTF-8 (JSON, XML decoded) */
	const char *charset;  /* charset named by the transport (HTTP), or NULL */
	const char *origin;   /* "file", "file:LINE" or "file#N": for messages */
	const char *url;
	const char *title;
	const char *published; /* as given; normalized by extraction */
	const char *outlet;
	const char *language;
	const char **authors;
	size_t nauthors;
} dsr_record;

typedef struct dsr_reader dsr_reader;

/*
 * Opens `path` ("-" is stdin) with format `fmt` (DSR_FMT_AUTO sniffs each
 * file). On success *out is a reader the caller frees with dsr_reader_free.
 * On failure, *errmsg (if not NULL) receives a malloc'd message the caller
 * frees.
 */
DSR_WARN_UNUSED dsr_err dsr_reader_open(dsr_reader **out, const char *path,
					dsr_format fmt, char **errmsg);
DSR_WARN_UNUSED dsr_err dsr_reader_next(dsr_reader *r, const dsr_record **rec);
/* The message for the last error: names the input and the reason. */
const char *dsr_reader_errmsg(const dsr_reader *r);
/* The format sniffed or given for the file being read now. */
dsr_format dsr_reader_format(const dsr_reader *r);
void dsr_reader_free(dsr_reader *r);

/*
 * Guesses the format of a file from its name and first bytes.
 */
dsr_format dsr_sniff(const char *name, const char *head, size_t n);

#endif
