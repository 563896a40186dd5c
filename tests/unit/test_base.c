/* test_base.c: dsr_buf, dsr_arena, hashing, UTF-8, JSON reader/writer. */
#include "dossier/base.h"
#include "dossier/json.h"
#include "test.h"

#include <stdlib.h>

void test_buf_cap(void)
{
	dsr_buf b;
	dsr_buf_init(&b, 8);
	CHECK(b.buf && b.len == 0 && b.buf[0] == 0);
	CHECK(dsr_buf_adds(&b, "abcd") == DSR_OK);
	CHECK(dsr_buf_addf(&b, "%d", 123) == DSR_OK);
	CHECK_STR(b.buf, "abcd123");
	CHECK(dsr_buf_adds(&b, "xy") == DSR_ETOOBIG);
	CHECK_STR(b.buf, "abcd123"); /* unchanged after a refused append */
	size_t n;
	char *p = dsr_buf_detach(&b, &n);
	CHECK(n == 7 && !strcmp(p, "abcd123"));
	CHECK(b.len == 0);
	free(p);
	dsr_buf_release(&b);
}

void test_arena(void)
{
	dsr_arena a;
	dsr_arena_init(&a);
	char *s = dsr_arena_strndup(&a, "hello world", 5);
	CHECK_STR(s, "hello");
	void *big = dsr_arena_alloc(&a, 1 << 20);
	CHECK(big != NULL);
	memset(big, 1, 1 << 20);
	dsr_arena_clear(&a);
	CHECK(a.used == 0);
	dsr_arena_release(&a);
}

void test_hash_stable(void)
{
	char hex[17];
	dsr_hex64(dsr_hash64("abc", 3, 0), hex);
	/* fixed: ids stored in databases depend on it */
	CHECK(strlen(hex) == 16);
	CHECK(dsr_hash64("abc", 3, 0) == dsr_hash64("abc", 3, 0));
	CHECK(dsr_hash64("abc", 3, 0) != dsr_hash64("abd", 3, 0));
	CHECK(dsr_hash64("abcdefghij", 10, 0) != dsr_hash64("abcdefghik", 10, 0));
}

void test_utf8(void)
{
	CHECK(dsr_utf8_valid("caf\xC3\xA9", 5));
	CHECK(!dsr_utf8_valid("caf\xE9", 4));
	CHECK(!dsr_utf8_valid("\xED\xA0\x80", 3)); /* surrogate */
	CHECK(!dsr_utf8_valid("\xC0\xAF", 2));     /* overlong */
	CHECK(dsr_utf8_valid("\xF0\x9F\x98\x80", 4));
}

void test_json_parse(void)
{
	dsr_arena a;
	dsr_arena_init(&a);
	dsr_json *v;
	const char *s = "{\"a\": [1, 2.5e3, -0], \"b\": \"x\\u00e9\\ud83d\\ude00\\n\", \"c\": null, \"d\": true}";
	CHECK(dsr_json_parse(&a, s, strlen(s), &v, NULL) == DSR_OK);
	const dsr_json *arr = dsr_json_get(v, "a");
	CHECK(arr && arr->type == DSR_JSON_ARRAY && arr->child && arr->child->next &&
	      arr->child->next->num == 2500.0);
	size_t l;
	const char *b = dsr_json_getstr(v, "b", &l);
	CHECK(b && l == 8 && !memcmp(b, "x\xC3\xA9\xF0\x9F\x98\x80\n", 8));
	CHECK(dsr_json_get(v, "c")->type == DSR_JSON_NULL);
	CHECK(dsr_json_get(v, "d")->type == DSR_JSON_TRUE);
	CHECK(dsr_json_get(v, "zz") == NULL);
	size_t pos;
	CHECK(dsr_json_parse(&a, "{\"a\":1,}", 8, &v, &pos) == DSR_EFORMAT);
	CHECK(dsr_json_parse(&a, "[1 2]", 5, &v, &pos) == DSR_EFORMAT);
	CHECK(dsr_json_parse(&a, "\"abc", 4, &v, &pos) == DSR_EFORMAT);
	CHECK(dsr_json_parse(&a, "01", 2, &v, &pos) == DSR_EFORMAT);
	CHECK(dsr_json_parse(&a, "{} x", 4, &v, &pos) == DSR_EFORMAT);
	/* depth is bounded */
	char deep[400];
	memset(deep, '[', sizeof deep);
	CHECK(dsr_json_parse(&a, deep, sizeof deep, &v, &pos) == DSR_EDEPTH);
	dsr_arena_release(&a);
}

void test_json_write(void)
{
	dsr_buf b;
	dsr_buf_init(&b, 0);
	CHECK(dsr_json_str(&b, "a\"b\\c\n\x01", 7) == DSR_OK);
	CHECK_STR(b.buf, "\"a\\\"b\\\\c\\n\\u0001\"");
	dsr_buf_clear(&b);
	CHECK(dsr_json_strz(&b, NULL) == DSR_OK);
	CHECK_STR(b.buf, "null");
	dsr_buf_release(&b);
	CHECK(!strcmp(dsr_strerror(DSR_ETOOBIG), "input exceeds a size limit"));
	CHECK(!strcmp(dsr_errname(DSR_EGZIP), "EGZIP"));
}
