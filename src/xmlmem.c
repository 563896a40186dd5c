/*
 * xmlmem.c: a bump allocator for libxml2 while it builds one page's tree.
 *
 * A page's tree is tens of thousands of small allocations that all die
 * together; with malloc, allocating and freeing them was a fifth of the
 * extraction time. Between dsr__xml_arena_begin and _end, the current
 * thread's libxml2 allocations come from a few large chunks, frees of them
 * cost nothing, and _end drops them all at once. Outside that window, and
 * on other threads, the hooks forward to malloc and free.
 *
 * Nothing allocated inside the window may outlive it: _end clears libxml2's
 * per-thread last error (its strings were allocated inside), and
 * dsr__xml_init runs one small parse first so that libxml2's lazily made
 * globals come from the heap.
 */
#include "internal.h"

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/xmlerror.h>
#include <libxml/xmlmemory.h>
#include <stdalign.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <threads.h>

typedef struct S_chunk {
	struct S_chunk *next;
	size_t size, used;
	max_align_t data[];
} S_chunk;

#define S_FIRST ((size_t)1 << 20)  /* first chunk */
#define S_KEEP ((size_t)16 << 20)  /* kept between pages at most */
#define S_HDR sizeof(max_align_t)  /* each block starts with its size */

static _Thread_local struct {
	S_chunk *head; /* newest first */
	bool on;
} S_a;

static size_t S_round(size_t n)
{
	return (n + S_HDR - 1) / S_HDR * S_HDR;
}

static bool S_mine(const void *p)
{
	const char *c = p;
	for (S_chunk *k = S_a.head; k; k = k->next)
		if (c >= (const char *)k->data && c < (const char *)k->data + k->size)
			return true;
	return false;
}

static void *S_alloc(size_t n)
{
	size_t need = S_HDR + S_round(n ? n : 1);
	if (need < n)
		return NULL;
	S_chunk *h = S_a.head;
	if (!h || h->size - h->used < need) {
		size_t size = h ? h->size * 2 : S_FIRST;
		if (size < need)
			size = need;
		S_chunk *k = malloc(sizeof *k + size);
		if (!k)
			return NULL;
		k->next = h;
		k->size = size;
		k->used = 0;
		S_a.head = h = k;
	}
	char *b = (char *)h->data + h->used;
	h->used += need;
	*(size_t *)b = n;
	return b + S_HDR;
}

static void *S_malloc(size_t n)
{
	return S_a.on ? S_alloc(n) : malloc(n);
}

static void S_free(void *p)
{
	if (p && !(S_a.head && S_mine(p)))
		free(p);
}

static void *S_realloc(void *p, size_t n)
{
	if (!p)
		return S_malloc(n);
	if (!(S_a.head && S_mine(p)))
		return realloc(p, n);
	size_t old = *(size_t *)((char *)p - S_HDR);
	S_chunk *h = S_a.head;
	/* the newest block grows in place */
	char *end = (char *)h->data + h->used;
	if ((char *)p + S_round(old ? old : 1) == end && n > old &&
	    S_round(n) - S_round(old ? old : 1) <= h->size - h->used) {
		h->used += S_round(n) - S_round(old ? old : 1);
		*(size_t *)((char *)p - S_HDR) = n;
		return p;
	}
	if (n <= old)
		return p;
	void *q = S_alloc(n);
	if (q)
		memcpy(q, p, old);
	return q;
}

static char *S_strdup(const char *s)
{
	size_t n = strlen(s) + 1;
	char *d = S_malloc(n);
	if (d)
		memcpy(d, s, n);
	return d;
}

static void S_init(void)
{
	xmlInitParser();
	xmlMemSetup(S_free, S_malloc, S_realloc, S_strdup);
	/* one parse on the heap: libxml2 makes its lazy globals now */
	static const char page[] = "<!DOCTYPE html><html lang=en><head><meta charset=utf-8>"
				   "<title>t</title></head><body><p>a &amp; b<br></body></html>";
	htmlDocPtr d = htmlReadMemory(page, (int)sizeof page - 1, NULL, "UTF-8",
				      HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
					      HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
					      HTML_PARSE_COMPACT);
	xmlFreeDoc(d);
	xmlResetLastError();
}

void dsr__xml_init(void)
{
	static once_flag once = ONCE_FLAG_INIT;
	call_once(&once, S_init);
}

void dsr__xml_arena_begin(void)
{
	dsr__xml_init();
	S_a.on = true;
}

void dsr__xml_arena_end(void)
{
	xmlResetLastError(); /* its strings may be ours */
	S_a.on = false;
	S_chunk *h = S_a.head;
	if (!h)
		return;
	size_t total = 0;
	for (S_chunk *k = h; k; k = k->next)
		total += k->size;
	if (!h->next && total <= S_KEEP) {
		h->used = 0;
		return;
	}
	/* several chunks: next time, one chunk of their size (within S_KEEP) */
	while (h) {
		S_chunk *n = h->next;
		free(h);
		h = n;
	}
	S_a.head = NULL;
	if (total > S_KEEP)
		total = S_KEEP;
	S_chunk *k = malloc(sizeof *k + total);
	if (k) {
		k->next = NULL;
		k->size = total;
		k->used = 0;
		S_a.head = k;
	}
}
