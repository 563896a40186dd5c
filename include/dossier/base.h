/*
 * base.h: errors, growable buffers, per-article arenas and hashing, the
 * pieces every stage of libdossier shares.
 *
 * Memory policy: allocation failure aborts (dsr_xmalloc); every buffer that
 * can be filled from input carries a cap, so hostile input is refused with
 * DSR_ETOOBIG instead of growing without bound.
 */
#ifndef DOSSIER_BASE_H
#define DOSSIER_BASE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#if defined(__GNUC__)
#define DSR_WARN_UNUSED __attribute__((warn_unused_result))
#define DSR_PRINTF(a, b) __attribute__((format(printf, a, b)))
#else
#define DSR_WARN_UNUSED
#define DSR_PRINTF(a, b)
#endif

/*
 * The error table. Codes only ever grow: add new ones last, never remove one.
 * X(name, number, message)
 */
#define DSR_ERR_MAP(X)                                                        \
	X(OK, 0, "success")                                                   \
	X(DONE, 1, "no more records")                                         \
	X(EIO, 2, "input/output error")                                       \
	X(ENOENT, 3, "no such file or directory")                             \
	X(EFORMAT, 4, "malformed input")                                      \
	X(ETRUNC, 5, "truncated input")                                       \
	X(ETOOBIG, 6, "input exceeds a size limit")                           \
	X(EGZIP, 7, "corrupt gzip stream")                                    \
	X(ECHARSET, 8, "unsupported character set")                           \
	X(ENOBODY, 9, "record has no article body")                           \
	X(EDB, 10, "database error")                                          \
	X(EUSAGE, 11, "usage error")                                          \
	X(ENOTFOUND, 12, "not found")                                         \
	X(EDEPTH, 13, "nesting too deep")

typedef enum dsr_err {
#define DSR__ERR_ENUM(name, num, msg) DSR_##name = num,
	DSR_ERR_MAP(DSR__ERR_ENUM)
#undef DSR__ERR_ENUM
} dsr_err;

/* The message for an error code: a static string, never NULL. */
const char *dsr_strerror(dsr_err e);
/* The symbolic name ("EFORMAT") of an error code: static, never NULL. */
const char *dsr_errname(dsr_err e);

/* Allocation that aborts on failure (the project's out-of-memory policy). */
void *dsr_xmalloc(size_t n);
void *dsr_xcalloc(size_t n, size_t size);
void *dsr_xrealloc(void *p, size_t n);
char *dsr_xstrndup(const char *s, size_t n);
/* a * b, aborting on overflow. */
size_t dsr_st_mult(size_t a, size_t b);

/*
 * dsr_buf: a growable byte buffer that carries its length, is always
 * NUL-terminated and is binary-safe. `buf` is never NULL after init.
 * `cap` (0 = none) bounds `len`: an append past it fails with DSR_ETOOBIG
 * and leaves the buffer unchanged.
 */
typedef struct dsr_buf {
	char *buf;
	size_t len;
	size_t alloc;
	size_t cap;
} dsr_buf;

void dsr_buf_init(dsr_buf *b, size_t cap);
void dsr_buf_release(dsr_buf *b);
void dsr_buf_clear(dsr_buf *b);
DSR_WARN_UNUSED dsr_err dsr_buf_add(dsr_buf *b, const void *data, size_t n);
DSR_WARN_UNUSED dsr_err dsr_buf_addc(dsr_buf *b, char c);
DSR_WARN_UNUSED dsr_err dsr_buf_adds(dsr_buf *b, const char *s);
DSR_WARN_UNUSED DSR_PRINTF(2, 3) dsr_err dsr_buf_addf(dsr_buf *b, const char *fmt, ...);
/* Hands the bytes to the caller (who frees them) and re-inits the buffer. */
char *dsr_buf_detach(dsr_buf *b, size_t *len);

/*
 * dsr_arena: a bump allocator for everything derived from one article.
 * dsr_arena_clear drops all of it at once.
 */
typedef struct dsr_arena_chunk dsr_arena_chunk;
typedef struct dsr_arena {
	dsr_arena_chunk *head;
	size_t used;   /* bytes handed out since the last clear */
} dsr_arena;

void dsr_arena_init(dsr_arena *a);
void dsr_arena_clear(dsr_arena *a);
void dsr_arena_release(dsr_arena *a);
void *dsr_arena_alloc(dsr_arena *a, size_t n);
/* NUL-terminated copy of s[0..n) in the arena. */
char *dsr_arena_strndup(dsr_arena *a, const char *s, size_t n);

/* 64-bit hash of a byte string (stable across runs and platforms). */
uint64_t dsr_hash64(const void *data, size_t n, uint64_t seed);
/* Writes the hash as 16 lowercase hex digits plus NUL into out[17]. */
void dsr_hex64(uint64_t h, char out[17]);

/* UTF-8 helpers. */
/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
int dsr_utf8_seqlen(const unsigned char *s, size_t n);
bool dsr_utf8_valid(const char *s, size_t n);

#endif
