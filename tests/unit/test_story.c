/* test_story.c: grouping invented articles into stories. */
#include <sqlite3.h>
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

/* Stores the articles texts[n] ({name, "title\ntext"}, published on
 * dates[i] when dates is given), clusters them and returns the stories
 * JSON parsed into ar (NULL on failure). */
static long long S_df_docs = -1; /* story_df's documents after the last S_cluster_rounds */

static dsr_json *S_cluster_rounds(const char *const (*texts)[2], size_t n, size_t first,
				  const char *const *dates, const char *const *langs, dsr_arena *ar)
{
	char path[128];
	dsr_store *s = t_temp_store("story", path);
	if (!s)
		return NULL;
	CHECK(dsr_store_begin(s) == DSR_OK);
	size_t added = 0, created;
	for (size_t i = 0; i < n; i++) {
		if (i && i == first) { /* a first ingest ends here */
			CHECK(dsr_store_commit(s) == DSR_OK);
			size_t was = 0;
			CHECK(dsr_store_cluster(s, &was, &created) == DSR_OK);
			added += was;
			CHECK(dsr_store_begin(s) == DSR_OK);
		}
		dsr_article a;
		memset(&a, 0, sizeof a);
		char url[64];
		snprintf(a.id, sizeof a.id, "%016zx", i + 1);
		snprintf(url, sizeof url, "https://story.example/%s", texts[i][0]);
		a.url = url;
		const char *nl = strchr(texts[i][1], '\n');
		char title[128];
		snprintf(title, sizeof title, "%.*s", (int)(nl - texts[i][1]), texts[i][1]);
		a.title = title;
		a.text = nl + 1;
		a.text_len = strlen(a.text);
		a.published = dates ? dates[i] : NULL;
		a.language = langs ? langs[i] : NULL;
		bool dup;
		CHECK(dsr_store_put(s, &a, "test", &dup) == DSR_OK && !dup);
	}
	CHECK(dsr_store_commit(s) == DSR_OK);
	size_t more = 0;
	CHECK(dsr_store_cluster(s, &more, &created) == DSR_OK);
	CHECK(added + more == n);
	dsr_buf out;
	dsr_buf_init(&out, 0);
	CHECK(dsr_store_stories_json(s, -1, &out) == DSR_OK);
	if (getenv("DOSSIER_TEST_SHOW"))
		fprintf(stderr, "%.*s\n", (int)out.len, out.buf);
	dsr_json *j = NULL;
	CHECK(dsr_json_parse(ar, out.buf, out.len, &j, NULL) == DSR_OK);
	dsr_buf_release(&out);
	dsr_store_close(s);
	sqlite3 *db;
	S_df_docs = -1;
	if (sqlite3_open(path, &db) == SQLITE_OK) {
		sqlite3_stmt *st;
		if (sqlite3_prepare_v2(db, "SELECT docs FROM story_df", -1, &st, NULL) == SQLITE_OK &&
		    sqlite3_step(st) == SQLITE_ROW)
			S_df_docs = sqlite3_column_int64(st, 0);
		sqlite3_finalize(st);
	}
	sqlite3_close(db);
	unlink(path);
	return j;
}

static dsr_json *S_cluster_lang(const char *const (*texts)[2], size_t n, const char *const *dates,
				const char *const *langs, dsr_arena *ar)
{
	return S_cluster_rounds(texts, n, 0, dates, langs, ar);
}

static dsr_json *S_cluster(const char *const (*texts)[2], size_t n, const char *const *dates,
			   dsr_arena *ar)
{
	return S_cluster_lang(texts, n, dates, NULL, ar);
}

void test_story_clusters(void)
{
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster(S_texts, S_N, NULL, &ar);
	double dam = S_story_of(j, "w1"), canal = S_story_of(j, "o1");
	CHECK(dam >= 0 && canal >= 0 && dam != canal);
	/* the wire reports and the bulletins are one story */
	for (const char *const *n = (const char *const[]){"w2", "w3", "p1", "p2", "p3", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) == dam);
	for (const char *const *n = (const char *const[]){"o2", "o3", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) == canal);
	dsr_arena_release(&ar);
}

/* "Iranian" and "Iran" are one term: the report of a boarding and the
 * reaction to it share little else (the other articles are there so that
 * words have a rarity). */
void test_story_country_forms(void)
{
	static const char *const texts[][2] = {
		{"a1", "Iranian tanker held in Vesk strait\n"
		       "Norland's coast guard boarded an Iranian tanker in the Vesk strait on Monday "
		       "and detained its Iranian crew."},
		{"f1", "Calder ferry fares rise\n"
		       "Ferry fares to Calder island will rise by a tenth in April, the operator said."},
		{"f2", "Marlow orchestra names conductor\n"
		       "The Marlow symphony orchestra named a Danish conductor to lead its next season."},
		{"a2", "Iran condemns Norland over seized ship\n"
		       "Iran called the boarding of its ship piracy and summoned Norland's envoy in "
		       "protest."},
		{"f3", "Russian grain harvest sets record\n"
		       "Russia's wheat harvest reached a record this year, its farm ministry said."},
		{"f4", "Iraqi oil exports climb\n"
		       "Iraq shipped more crude in February than in any month since 2019."},
	};
	static const char *const dates[] = {"2026-03-02", "2026-03-02", "2026-03-02",
					    "2026-03-03", "2026-03-03", "2026-03-03"};
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster(texts, sizeof texts / sizeof *texts, dates, &ar);
	double a1 = S_story_of(j, "a1");
	CHECK(a1 >= 0 && S_story_of(j, "a2") == a1);
	for (const char *const *n = (const char *const[]){"f1", "f2", "f3", "f4", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) != a1);
	dsr_arena_release(&ar);
}

/* Two tremors on one island, years apart and undated, told in the same
 * words: the magnitudes and sums ("4.7", "$3.4 million") tell them apart,
 * so a decimal number is one term, not two digits too short to count. */
static const char *const S_tremors[][2] = {
	{"a1", "Tremor of 4.7 cracks Corran harbour wall\n"
	       "A magnitude 4.7 tremor left a crack 2.5 metres long in the harbour wall of "
	       "Corran island. Repairs will cost $3.4 million, the council said."},
	{"a2", "Corran council puts tremor repairs at $3.4 million\n"
	       "The council of Corran island said repairs to its harbour wall, with a "
	       "crack of 2.5 metres from a 4.7 magnitude tremor, will cost $3.4 million."},
	{"a3", "Corran harbour wall cracked\n"
	       "Repairs to the 2.5 metre crack that a tremor of magnitude 4.7 left in the "
	       "harbour wall on Corran island will cost $3.4 million, said the council."},
	{"b1", "Tremor of 6.2 cracks Corran harbour wall\n"
	       "A magnitude 6.2 tremor left a crack 7.5 metres long in the harbour wall of "
	       "Corran island. Repairs will cost $8.9 million, the council said."},
	{"b2", "Corran council puts tremor repairs at $8.9 million\n"
	       "The council of Corran island said repairs to its harbour wall, with a "
	       "crack of 7.5 metres from a 6.2 magnitude tremor, will cost $8.9 million."},
	{"b3", "Corran harbour wall cracked\n"
	       "Repairs to the 7.5 metre crack that a tremor of magnitude 6.2 left in the "
	       "harbour wall on Corran island will cost $8.9 million, said the council."},
	{"f1", "Calder ferry fares rise\n"
	       "Ferry fares to Calder island will rise by a tenth in April, the operator said."},
	{"f2", "Marlow orchestra names conductor\n"
	       "The Marlow symphony orchestra named a Danish conductor to lead its next season."},
};

void test_story_decimal_numbers(void)
{
	const char *const(*texts)[2] = S_tremors;
	size_t n = sizeof S_tremors / sizeof *S_tremors;
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster(texts, n, NULL, &ar);
	double a = S_story_of(j, "a1"), b = S_story_of(j, "b1");
	CHECK(a >= 0 && b >= 0 && a != b);
	CHECK(S_story_of(j, "a2") == a && S_story_of(j, "a3") == a);
	CHECK(S_story_of(j, "b2") == b && S_story_of(j, "b3") == b);
	dsr_arena_release(&ar);
}

/* The first reports of two tremors arrive in one small ingest and make one
 * story (too few to tell apart); the next ingest brings more of each, and
 * the story splits, its stored articles read back. */
void test_story_split_across_ingests(void)
{
	const char *const(*all)[2] = S_tremors;
	static const int order[] = {0, 3, 6, 1, 4, 2, 5, 7};
	const char *texts[8][2];
	for (size_t i = 0; i < 8; i++) {
		texts[i][0] = all[order[i]][0];
		texts[i][1] = all[order[i]][1];
	}
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster_rounds((const char *const(*)[2])texts, 8, 3, NULL, NULL, &ar);
	double a = S_story_of(j, "a1"), b = S_story_of(j, "b1");
	CHECK(a >= 0 && b >= 0 && a != b);
	CHECK(S_story_of(j, "a2") == a && S_story_of(j, "a3") == a);
	CHECK(S_story_of(j, "b2") == b && S_story_of(j, "b3") == b);
	dsr_arena_release(&ar);
}

/* A channel that ends every post with the same lines, week after week, does
 * not make its posts one story; two posts of one event there still are. */
/* S_cluster of heads[i] = {name, text} each followed by sep and tail. */
static dsr_json *S_cluster_tail(const char *const (*heads)[2], size_t n, const char *sep,
				const char *tail, const char *const *dates, dsr_arena *ar)
{
	char(*bufs)[512] = dsr_xcalloc(n, sizeof *bufs);
	const char *(*texts)[2] = dsr_xcalloc(n, sizeof *texts);
	for (size_t i = 0; i < n; i++) {
		snprintf(bufs[i], sizeof bufs[i], "%s%s%s", heads[i][1], sep, tail);
		texts[i][0] = heads[i][0];
		texts[i][1] = bufs[i];
	}
	dsr_json *j = S_cluster((const char *const(*)[2])texts, n, dates, ar);
	free(texts);
	free(bufs);
	return j;
}

void test_story_boilerplate(void)
{
	static const char tail[] =
		" Watch every evening at eight on the Harbour Channel, subscribe and ring the bell "
		"for alerts, follow us for more and support the channel with a donation, thank you "
		"to all our patrons for keeping us on air.";
	static const char *const heads[][2] = {
		{"c1", "Tarn ferry strike enters third day\nFerry crews on the Tarn line stayed out for a "
		       "third day over pay."},
		{"c2", "Orchard growers fear late frost\nApple growers in the Velm valley covered trees "
		       "against frost."},
		{"c3", "New tram line opens in Kessel\nThe first trams ran on the Kessel east line."},
		{"c4", "Lighthouse keeper retires after forty years\nThe keeper of Cape Morrow light "
		       "handed over the keys."},
		{"c5", "Marlow choir wins national prize\nThe Marlow youth choir took first prize in "
		       "the capital."},
		{"c6", "Ferry strike ends with pay deal on Tarn line\nCrews on the Tarn ferry line "
		       "accepted a pay deal and the strike ended."},
		{"c7", "Harbour dredging begins at Port Alder\nDredgers began deepening the channel at "
		       "Port Alder."},
	};
	static const char *const dates[] = {"2030-01-03", "2030-01-10", "2030-01-17", "2030-01-24",
					    "2030-01-31", "2030-02-07", "2030-02-14"};
	enum { N = sizeof heads / sizeof *heads };
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster_tail(heads, N, "", tail, dates, &ar);
	double c1 = S_story_of(j, "c1");
	CHECK(c1 >= 0);
	for (const char *const *n = (const char *const[]){"c2", "c3", "c4", "c5", "c7", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) != c1);
	dsr_arena_release(&ar);
}

/* An outlet's running coverage: a page a day, each under its own headline,
 * all with one short standing summary. The summary is boilerplate however
 * short it is, so the pages do not make one story of it. */
void test_story_standing_blurb(void)
{
	static const char blurb[] = "Harbour Desk live: coastal news all day.";
	static const char *const heads[][2] = {
		{"d1", "Tarn ferry crews walk out over pay"},
		{"d2", "Frost threatens orchards in the Velm valley"},
		{"d3", "Kessel opens its east tram line"},
		{"d4", "Cape Morrow lighthouse keeper retires"},
		{"d5", "Marlow youth choir wins national prize"},
		{"d6", "Storm closes the Lumen canal locks"},
		{"d7", "Dredging starts in Port Alder channel"},
		{"d8", "Velm bridge reopens after repairs"},
	};
	static const char *const dates[] = {"2030-01-03", "2030-01-04", "2030-01-05", "2030-01-06",
					    "2030-01-07", "2030-01-08", "2030-01-09", "2030-01-10"};
	enum { N = sizeof heads / sizeof *heads };
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster_tail(heads, N, "\n", blurb, dates, &ar);
	int together = 0;
	for (size_t a = 0; a < N; a++)
		for (size_t b = a + 1; b < N; b++)
			together += S_story_of(j, heads[a][0]) == S_story_of(j, heads[b][0]);
	CHECK(S_story_of(j, "d1") >= 0);
	CHECK(together == 0);
	dsr_arena_release(&ar);
}

/* A feed polled often: each ingest brings an item or two. Its words are
 * weighed by the counts of every ingest so far (story_df), so a later item
 * is placed as it would be in one ingest of everything. */
void test_story_small_ingests(void)
{
	static const char *const texts[][2] = {
		{"f1", "Tarn ferry crews strike over pay\nDeckhands and engineers stopped work on "
		       "Monday after wage talks with the operator collapsed, the union said."},
		{"f2", "Tarn ferry operator buys hybrid boats\nTwo battery hybrid vessels were ordered "
		       "from a shipyard in Kessel for delivery next year."},
		{"f3", "Fog delays Tarn ferry crossings\nThick fog over the estuary held morning "
		       "departures in port for three hours."},
		{"f4", "Tarn ferry fares rise for cars\nDrivers will pay eleven crowns more per "
		       "crossing from April, the operator announced."},
		{"f5", "Tarn ferry names senior captain\nMarta Ellund, who joined as a cadet in 2011, "
		       "becomes the senior master of the fleet."},
		{"f6", "Tarn ferry adds night sailings\nLate departures at midnight and two in the "
		       "morning return for the summer season."},
		{"f7", "Storm wrecks Tarn ferry pier\nGale force winds tore planks and railings from "
		       "the Tarn ferry landing stage overnight, and Tarn ferry sailings stopped."},
	};
	static const char *const dates[] = {"2030-03-01", "2030-03-01", "2030-03-01", "2030-03-01",
					    "2030-03-01", "2030-03-01", "2030-03-01"};
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *one = S_cluster_rounds(texts, 7, 0, dates, NULL, &ar);
	dsr_json *two = S_cluster_rounds(texts, 7, 6, dates, NULL, &ar);
	double f7 = S_story_of(two, "f7");
	CHECK(f7 >= 0 && S_story_of(one, "f7") >= 0);
	for (size_t i = 0; i < 6; i++) {
		bool with1 = S_story_of(one, texts[i][0]) == S_story_of(one, "f7");
		bool with2 = S_story_of(two, texts[i][0]) == f7;
		if (getenv("DOSSIER_TEST_SHOW"))
			fprintf(stderr, "%s: %d %d\n", texts[i][0], with1, with2);
		CHECK(with1 == with2);
	}
	CHECK(S_df_docs == 7); /* the second ingest counted the first's words too */
	dsr_arena_release(&ar);
}

/* Headlines with a line of summary (feed items) are one story only within
 * days: the same words seven weeks later are another fare rise. A long
 * report that comes back to the same story weeks later still joins it. */
void test_story_brief_fades(void)
{
	static const char *const brief[][2] = {
		{"e1", "Tarn ferry fares to rise in April\nThe Tarn ferry line will raise fares by a "
		       "tenth from April, operator Kell Marine said."},
		{"f1", "Velm orchard growers fear frost\nApple growers in the Velm valley covered trees."},
		{"e2", "Kell Marine defends Tarn ferry fare rise\nKell Marine said the Tarn ferry fare "
		       "rise pays for new engines."},
		{"f2", "Marlow choir wins prize\nThe Marlow youth choir took first prize."},
		{"f3", "Cape Morrow keeper retires\nThe Cape Morrow lighthouse keeper retired."},
		{"e3", "Tarn ferry fares to rise again\nKell Marine will raise Tarn ferry fares again "
		       "in June, the operator said."},
	};
	static const char *const dates[] = {"2030-03-01", "2030-03-01", "2030-03-02",
					    "2030-04-19", "2030-04-20", "2030-04-20"};
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster(brief, 6, dates, &ar);
	double e1 = S_story_of(j, "e1");
	CHECK(e1 >= 0 && S_story_of(j, "e2") == e1);
	CHECK(S_story_of(j, "e3") >= 0 && S_story_of(j, "e3") != e1);
	/* the same three as long reports */
	static const char more[] =
		" Passengers on the Tarn crossing, most of them islanders who ride the Kell Marine "
		"boats to work on the mainland every day, said the ferry is the only way to reach "
		"Tarn in winter, when the causeway floods. Kell Marine runs four boats on the Tarn "
		"line and says the old engines burn twice the fuel of new ones. The island council "
		"of Tarn will ask Kell Marine to keep a cheaper ticket for islanders and for pupils "
		"who cross to the mainland school, its chair said, and the ferry users' association "
		"called a meeting on the Tarn quay to discuss the fares.";
	char bufs[6][1024];
	const char *longer[6][2];
	for (size_t i = 0; i < 6; i++) {
		snprintf(bufs[i], sizeof bufs[i], "%s%s", brief[i][1], brief[i][0][0] == 'e' ? more : "");
		longer[i][0] = brief[i][0];
		longer[i][1] = bufs[i];
	}
	j = S_cluster(longer, 6, dates, &ar);
	e1 = S_story_of(j, "e1");
	CHECK(e1 >= 0 && S_story_of(j, "e2") == e1 && S_story_of(j, "e3") == e1);
	dsr_arena_release(&ar);
}

/* A brief item of the first day, read a week into its story, is too stale
 * for the story's latest reports but as like its articles as they are like
 * each other: it rejoins the story after the merge pass. */
void test_story_fragment_rejoins(void)
{
	static const char *const texts[][2] = {
		{"w1", "Harrow dam breach floods Kessel valley villages\n"
		       "Water poured through a breach in the Harrow dam on Sunday, flooding three villages "
		       "in the Kessel valley. Rescue crews from Tolland evacuated 1,200 residents by boat. "
		       "Mayor Ilse Varrow said the water rose within an hour. The dam, a concrete wall "
		       "finished in 1931, holds the Kessel reservoir above the valley's farms; its keepers "
		       "had lowered the reservoir by a metre in March. Roads to the three villages were cut "
		       "and the regional railway stopped its trains at Tolland station until the water fell."},
		{"w2", "Kessel valley evacuated after Harrow dam gives way\n"
		       "Crews evacuated 1,200 people from villages in the Kessel valley after the Harrow dam "
		       "gave way on Sunday. Ilse Varrow, mayor of Tolland, said boats reached the last "
		       "families by night. Army trucks brought sandbags from the depot at Brisk, and the "
		       "school in Tolland opened its hall to the families who left their homes. The Kessel "
		       "reservoir behind the Harrow dam had been fuller than usual after a wet spring, "
		       "farmers in the valley said, and the breach opened near the spillway."},
		{"w3", "Thousands flee as Harrow dam fails\n"
		       "The Harrow dam failed on Sunday and flood water swept into the Kessel valley. About "
		       "1,200 residents were taken out by boat, Tolland's mayor Ilse Varrow said. A "
		       "spokesman for the reservoir board said its engineers had seen no warning signs at "
		       "their last visit. Police closed the valley road at the Brisk bridge. Farmers moved "
		       "cattle to the hills above the Kessel reservoir, and the red cross set up a kitchen "
		       "in the market square of Tolland for the people who had lost their homes."},
		{"p1", "Engineers question age of Harrow dam\n"
		       "The Harrow dam, built in 1931, had not been inspected since 2009, engineers said "
		       "after Sunday's breach flooded the Kessel valley. Tolland's council had asked for "
		       "repairs twice. The reservoir board said an inspection was planned for the autumn. "
		       "An engineer who studied the wall in 2009 said cracks near the spillway were small "
		       "then, and that a wet spring could have widened them. Ilse Varrow asked the board "
		       "to publish its reports, and the valley's farmers called for an inquiry."},
		{"p2", "Insurers brace for Kessel valley claims\n"
		       "Insurers expect claims from hundreds of homes in the Kessel valley after the Harrow "
		       "dam breach. Ilse Varrow, the Tolland mayor, asked the state for emergency funds. "
		       "Farmers said the flood water ruined a season's seed and drowned cattle that could not "
		       "be moved in time. The reservoir board said it would pay for the clearing of the "
		       "valley road. Loss adjusters began visiting houses in the three villages, and the "
		       "council in Tolland opened an office for families to file their claims."},
		{"p3", "Volunteers clean up Kessel valley after flood\n"
		       "Volunteers from Tolland cleared mud from homes in the Kessel valley a week after "
		       "the Harrow dam breach. Ilse Varrow thanked them. The railway reopened Tolland "
		       "station, and the army took its trucks back to Brisk. Families returned to two of "
		       "the three villages, and the school hall closed as a shelter. The reservoir board "
		       "said the breach in the dam was sealed with rock and that the Kessel reservoir would "
		       "stay low until engineers finish their work on the wall near the spillway."},
		{"o1", "Grain silo fire at Ostry port\n"
		       "A grain silo burned at the port of Ostry on Thursday night; firefighter chief "
		       "Mara Quill said the crews kept the flames from the ferry terminal."},
		{"o2", "Ostry silo fire put out after twelve hours\n"
		       "Firefighters put out the blaze in the Ostry port grain silo on Friday morning, "
		       "chief Mara Quill said; no one was hurt."},
		{"b1", "Harrow dam breach floods Kessel valley\n"
		       "Water broke through the Harrow dam on Sunday and flooded villages of the Kessel "
		       "valley, Tolland mayor Ilse Varrow said."},
	};
	static const char *const dates[] = {"2030-05-05", "2030-05-05", "2030-05-06",
					    "2030-05-09", "2030-05-11", "2030-05-12",
					    NULL, NULL, "2030-05-05"};
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster(texts, sizeof texts / sizeof *texts, dates, &ar);
	double dam = S_story_of(j, "w1");
	CHECK(dam >= 0);
	for (const char *const *n = (const char *const[]){"w2", "w3", "p1", "p2", "p3", "b1", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) == dam);
	CHECK(S_story_of(j, "o1") != dam && S_story_of(j, "o1") == S_story_of(j, "o2"));
	dsr_arena_release(&ar);
}

/* Two players of one team arrested on the same suspicion weeks apart: the
 * reports share nearly every word but the player's, and each half's leads
 * name a player the other's leave out, so they are two stories. */
void test_story_people_apart(void)
{
	static const char *const texts[][2] = {
		{"a1", "Gulls receiver Tomas Arkwright arrested on suspicion of drunk driving\n"
		       "Tomas Arkwright, a wide receiver of the Harbor City Gulls, was arrested on "
		       "suspicion of drunk driving early on Tuesday, the highway patrol said. The Gulls "
		       "said they were aware of the arrest."},
		{"b1", "Gulls tackle Reuben Okafor held on drunk driving suspicion\n"
		       "Reuben Okafor, a defensive tackle of the Harbor City Gulls, was arrested on "
		       "suspicion of drunk driving early on Sunday, the highway patrol said. The Gulls "
		       "said they were aware of the arrest."},
		{"a2", "Arkwright arrested, Gulls say he will play\n"
		       "Harbor City Gulls receiver Tomas Arkwright will play on Sunday despite his arrest "
		       "on suspicion of drunk driving, the team said. The highway patrol stopped him "
		       "early on Tuesday."},
		{"b2", "Okafor arrest on drunk driving suspicion troubles Gulls\n"
		       "Harbor City Gulls defensive tackle Reuben Okafor was stopped by the highway "
		       "patrol early on Sunday and arrested on suspicion of drunk driving, the team "
		       "said."},
		{"a3", "Gulls' Arkwright says he is innocent\n"
		       "Tomas Arkwright, the Harbor City Gulls receiver arrested on suspicion of drunk "
		       "driving, said he doubts charges will be filed. The highway patrol arrested him "
		       "on Tuesday."},
		{"b3", "Gulls' Okafor faces drunk driving charge\n"
		       "Reuben Okafor, the Harbor City Gulls defensive tackle arrested on suspicion of "
		       "drunk driving, may face a charge, prosecutors said. The highway patrol arrested "
		       "him on Sunday."},
		{"a4", "Highway patrol arrests Gulls receiver\n"
		       "The highway patrol arrested Harbor City Gulls receiver Tomas Arkwright on "
		       "suspicion of drunk driving early on Tuesday. The Gulls said Arkwright would play."},
		{"b4", "Highway patrol arrests Gulls lineman\n"
		       "The highway patrol arrested Harbor City Gulls lineman Reuben Okafor on suspicion "
		       "of drunk driving early on Sunday. The Gulls said Okafor would be disciplined."},
		{"f1", "Calder ferry fares rise\n"
		       "Ferry fares to Calder island will rise by a tenth in April, the operator said."},
		{"f2", "Marlow orchestra names conductor\n"
		       "The Marlow symphony orchestra named a Danish conductor to lead its next season."},
	};
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster(texts, sizeof texts / sizeof *texts, NULL, &ar);
	double a = S_story_of(j, "a1"), b = S_story_of(j, "b1");
	CHECK(a >= 0 && b >= 0 && a != b);
	for (const char *const *n = (const char *const[]){"a2", "a3", "a4", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) == a);
	for (const char *const *n = (const char *const[]){"b2", "b3", "b4", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) == b);
	dsr_arena_release(&ar);
}

/* Polish inflects names and nouns: "Kestry", "Kestrą" and "zboża",
 * "zbożem" are one place and one thing to the stories. */
void test_story_polish_forms(void)
{
	static const char *const texts[][2] = {
		{"p1", "Velmor wstrzymuje import zboża z Kestry\nRząd Velmoru wstrzymał w sobotę "
		       "import zboża z Kestry, ogłosił minister Tadeusz Brzoza."},
		{"g1", "Nowy most w Lirze otwarty\nPierwsze samochody przejechały przez most nad "
		       "rzeką w Lirze."},
		{"g2", "Chór z Marlowa nagrodzony\nMłodzieżowy chór z Marlowa zdobył pierwszą "
		       "nagrodę."},
		{"p2", "Handel zbożem z Kestrą zamrożony\nRolnicy poparli decyzję Tadeusza Brzozy, "
		       "który zamroził handel zbożem z Kestrą."},
		{"g3", "Latarnik z Przylądka odchodzi\nLatarnik pracował na przylądku czterdzieści "
		       "lat."},
	};
	static const char *const dates[] = {"2030-05-04", "2030-05-04", "2030-05-04",
					    "2030-05-05", "2030-05-05"};
	dsr_arena ar;
	dsr_arena_init(&ar);
	static const char *const pl[] = {"pl", "pl", "pl", "pl", "pl"};
	dsr_json *j = S_cluster_lang(texts, 5, dates, pl, &ar);
	double p1 = S_story_of(j, "p1");
	CHECK(p1 >= 0 && S_story_of(j, "p2") == p1);
	for (const char *const *n = (const char *const[]){"g1", "g2", "g3", NULL}; *n; n++)
		CHECK(S_story_of(j, *n) != p1);
	dsr_arena_release(&ar);
}

/* A Polish item names people as English items do, inflected and with
 * Polish letters ("Kołeski", "Sarneckiego" for Kolesky, Sarnecky): the
 * names meet, and the item joins the English story of its day. */
void test_story_names_across_languages(void)
{
	static const char *const texts[][2] = {
		{"e1", "Kolesky and Sarnecky discuss the ferry accord\nPresident Kolesky spoke with "
		       "Sarnecky about reopening the ferry accord between their ports."},
		{"e2", "Hail ruins orchards in Dellmoor\nA hailstorm flattened apple orchards across "
		       "Dellmoor on Sunday."},
		{"p1", "Kołeski przyjął Sarneckiego\nPrezydent Kołeski przyjął Sarneckiego, by omówić "
		       "wznowienie porozumienia promowego."},
		{"e3", "Sarnecky hopeful after talks\nSarnecky told reporters after meeting Kolesky "
		       "that the ferry accord could return within weeks."},
		{"p2", "Nowa biblioteka w Sorcie\nMieszkańcy Sorty otworzyli nową bibliotekę."},
	};
	static const char *const dates[] = {"2030-06-01", "2030-06-01", "2030-06-01", "2030-06-01",
					    "2030-06-01"};
	static const char *const langs[] = {"en", "en", "pl", "en", "pl"};
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_json *j = S_cluster_lang(texts, 5, dates, langs, &ar);
	double e1 = S_story_of(j, "e1");
	CHECK(e1 >= 0 && S_story_of(j, "e3") == e1);
	CHECK(S_story_of(j, "p1") == e1);
	CHECK(S_story_of(j, "e2") != e1 && S_story_of(j, "p2") != e1);
	dsr_arena_release(&ar);
	/* the Polish items come in a later ingest: the names the English ones
	 * wrote are remembered */
	const char *const later[][2] = {
		{"e1", texts[0][1]}, {"e2", texts[1][1]}, {"e3", texts[3][1]},
		{"p1", texts[2][1]}, {"p2", texts[4][1]},
	};
	static const char *const langs2[] = {"en", "en", "en", "pl", "pl"};
	dsr_arena_init(&ar);
	j = S_cluster_rounds(later, 5, 3, dates, langs2, &ar);
	e1 = S_story_of(j, "e1");
	CHECK(e1 >= 0 && S_story_of(j, "e3") == e1);
	CHECK(S_story_of(j, "p1") == e1);
	CHECK(S_story_of(j, "e2") != e1 && S_story_of(j, "p2") != e1);
	dsr_arena_release(&ar);
}
