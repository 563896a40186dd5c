/*
 * json.h: a small, strict JSON reader (RFC 8259) into an arena, and the
 * writer helpers every command uses for its output.
 *
 * The reader is bounded: nesting deeper than DSR_JSON_MAX_DEPTH is refused
 * with DSR_EDEPTH, so hostile JSON Lines cannot exhaust the stack.
 */
#ifndef DOSSIER_JSON_H
#define DOSSIER_JSON_H

#include "base.h"

#define DSR_JSON_MAX_DEPTH 64

typedef enum dsr_json_type {
	DSR_JSON_NULL,
	DSR_JSON_FALSE,
	DSR_JSON_TRUE,
	DSR_JSON_NUMBER,
	DSR_JSON_STRING,
	DSR_JSON_ARRAY,
	DSR_JSON_OBJECT
} dsr_json_type;

typedef struct dsr_json dsr_json;
struct dsr_json {
	dsr_json_type type;
	const char *str;   /* STRING: decoded UTF-8; NUMBER: its source text */
	size_t len;        /* length of str */
	double num;        /* NUMBER */
	const char *key;   /* member name when this is an object member */
	size_t keylen;
	dsr_json *child;   /* ARRAY/OBJECT: first element */
	dsr_json *next;    /* next sibling */
};

/*
 * Parses s[0..n) into a tree allocated in `arena` (freed with it).
 * Trailing whitespace is allowed, anything else after the value is an error.
 * On error returns DSR_EFORMAT or DSR_EDEPTH and, if errpos is not NULL,
 * the byte offset of the problem.
 */
DSR_WARN_UNUSED dsr_err dsr_json_parse(dsr_arena *arena, const char *s, size_t n,
				       dsr_json **out, size_t *errpos);

/* Member `key` of an object, or NULL. */
const dsr_json *dsr_json_get(const dsr_json *obj, const char *key);
/* The string value of member `key` if it is a non-empty string, else NULL. */
const char *dsr_json_getstr(const dsr_json *obj, const char *key, size_t *len);

/* Writer: appends a JSON string literal (quoted, escaped) for s[0..n). */
DSR_WARN_UNUSED dsr_err dsr_json_str(dsr_buf *b, const char *s, size_t n);
/* Appends the literal for a NUL-terminated string, or `null` when s is NULL. */
DSR_WARN_UNUSED dsr_err dsr_json_strz(dsr_buf *b, const char *s);
/* Appends a number: digits only when v is whole, else 6 significant digits. */
DSR_WARN_UNUSED dsr_err dsr_json_num(dsr_buf *b, double v);

#endif
