/* test_story.c: grouping invented articles into stories. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "dossier/json.h"
#include "dossier/story.h"
#include "test.h"

/* One event (the Harrow dam breach) told by wire reports and, in other
 * from other angles (engineering, insurance, the clean-up); another event of the same kind (the Sedley
 * canal embankment) told by local papers. */
static const char *const S_texts[][2] = {
	{"p1", "Engineers question age of Harrow dam\n"
	       "The Harrow dam, built in 1931, had not been inspected since 2009, engineers said "
	       "after Sunday's breach flooded the Kessel valley. Tolland's council had asked for "
	       "repairs twice."},
	{"p2", "Insurers brace for Kessel valley claims\n"
	       "Insurers expect claims from hundreds of homes in the Kessel valley after the Harrow "
	       "dam breach. Ilse Varrow, the Tolland mayor, asked the state for emergency funds."},
	{"p3", "Volunteers clean up Kessel valley after flood\n"
	       "Volunteers from Tolland cleared mud from homes in the Kessel valley on Tuesday, two "
	       "days after the Harrow dam breach. Ilse Varrow thanked them."},
	{"w1", "Harrow dam breach floods Kessel valley villages\n"
	       "Water poured through a breach in the Harrow dam on Sunday, flooding three villages "
	       "in the Kessel valley. Rescue crews from Tolland evacuated 1,200 residents by boat. "
	       "Mayor Ilse Varrow said the water rose within an hour."},
	{"w2", "Kessel valley evacuated after Harrow dam gives way\n"
	       "Crews evacuated 1,200 people from villages in the Kessel valley after the Harrow dam "
	       "gave way on Sunday. Ilse Varrow, mayor of Tolland, said boats reached the last "
	       "families by night."},
	{"w3", "Thousands flee as Harrow dam fails\n"
	       "The Harrow dam failed on Sunday and flood water swept into the Kessel valley. About "
	       "1,200 residents were taken out by boat, Tolland's mayor Ilse Varrow said."},
	{"o1", "Sedley canal embankment collapses\n"
	       "A section of the Lumen canal embankment collapsed at Port Sedley on Friday, "
	       "flooding a warehouse district. Harbourmaster Owen Pell said barges were moored "
	       "safely and no one was hurt."},
	{"o2", "Port Sedley warehouses flooded as canal bank gives way\n"
	       "Warehouses in Port Sedley flooded on Friday when the Lumen canal embankment gave "
	       "way. Owen Pell, the harbourmaster, said no one was hurt."},
	{"o3", "Lumen canal repairs begin at Port Sedley\n"
	       "Workers began repairing the Lumen canal embankment at Port Sedley, harbourmaster "
	       "Owen Pell said, after Friday's collapse flooded warehouses."},
};

#define S_N (sizeof S_texts / sizeof S_texts[0])

/* the story id of article `name` in the stories JSON */
static double S_story_of(const dsr_json *stories, const char *name)
{
	char url[64];
	snprintf(url, sizeof url, "https://story.example/%s", name);
	for (const dsr_json *s = stories ? stories->child : NULL; s; s = s->next) {
		const dsr_json *arts = dsr_json_get(s, "articles");
		for (const dsr_json *a = arts ? arts->child : NULL; a; a = a->next) {
			const char *u = dsr_json_getstr(a, "url", NULL);
			if (u && !strcmp(u, url))
				return dsr_json_get(s, "id")->num;
		}
	}
	return -1;
}

void test_story_clusters(void)
{
	char path[128];
	dsr_store *s = t_temp_store("story", path);
	if (!s)
		return;
	CHECK(dsr_store_begin(s) == DSR_OK);
	char urls[S_N][64];
	for (size_t i = 0; i < S_N; i++) {
		dsr_article a;
		memset(&a, 0, sizeof a);
		snprintf(a.id, sizeof a.id, "%016zx", i + 1);
		snprintf(urls[i], sizeof urls[i], "https://story.example/%s", S_texts[i][0]);
		a.url = urls[i];
		const char *nl = strchr(S_texts[i][1], '\n');
		char title[128];
		snprintf(title, sizeof title, "%.*s", (int)(nl - S_texts[i][1]), S_texts[i][1]);
		a.title = title;
		a.text = nl + 1;
		a.text_len = strlen(a.text);
		bool dup;
		CHECK(dsr_store_put(s, &a, "test", &dup) == DSR_OK && !dup);
	}
	CHECK(dsr_store_commit(s) == DSR_OK);
	size_t added, created;
	CHECK(dsr_store_cluster(s, &added, &created) == DSR_OK);
	CHECK(added == S_N);
	dsr_buf out;
	dsr_buf_init(&out, 0);
	CHECK(dsr_store_stories_json(s, -1, &out) == DSR_OK);
	if (getenv("DOSSIER_TEST_SHOW"))
		fprintf(stderr, "%.*s\n", (int)out.len, out.buf);
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = NULL;
	CHECK(dsr_json_parse(&ar, out.buf, out.len, &j, NULL) == DSR_OK);
	double dam = S_story_of(j, "w1"), canal = S_story_of(j, "o1");
	CHECK(dam >= 0 && canal >= 0 && dam != canal);
	/* the wire reports and the bulletins are one story */
	for (const char *const *n = (const char *const[]){"w2", "w3", "p1", "p2", "p3", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) == dam);
	for (const char *const *n = (const char *const[]){"o2", "o3", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) == canal);
	dsr_arena_release(&ar);
	dsr_buf_release(&out);
	dsr_store_close(s);
	unlink(path);
}
