/* test_analyze.c: tokens, sentences, times, quantities and entities on
 * invented reporting. */
#include <stdlib.h>

#include "dossier/analyze.h"
#include "test.h"

static dsr_nlp *S_nlp;
static dsr_arena S_ar;

static dsr_analysis S_run(const char *text, const char *published)
{
	if (!S_nlp) {
		if (dsr_nlp_new(&S_nlp))
			abort();
		dsr_arena_init(&S_ar);
	}
	dsr_arena_clear(&S_ar);
	dsr_article a = {0};
	a.text = text;
	a.text_len = strlen(text);
	a.published = published;
	a.published_from = published ? "given" : NULL;
	dsr_analysis an;
	if (dsr_analyze(S_nlp, &a, &S_ar, &an))
		abort();
	return an;
}

static char S_tmp[8][256];
static int S_k;

static const char *S_span(const dsr_analysis *an, dsr_span sp)
{
	char *b = S_tmp[S_k++ & 7];
	size_t n = sp.end - sp.start < 255 ? sp.end - sp.start : 255;
	memcpy(b, an->text + sp.start, n);
	b[n] = 0;
	return b;
}

/* The value of the time expression whose text is `text`, or "MISSING". */
static const char *S_time(const dsr_analysis *an, const char *text)
{
	for (size_t i = 0; i < an->ntimes; i++)
		if (!strcmp(S_span(an, an->times[i].sp), text))
			return an->times[i].value;
	return "MISSING";
}

static const dsr_quantity *S_qty(const dsr_analysis *an, const char *text)
{
	for (size_t i = 0; i < an->nquantities; i++)
		if (!strcmp(S_span(an, an->quantities[i].sp), text))
			return &an->quantities[i];
	return NULL;
}

static const dsr_entity *S_ent(const dsr_analysis *an, const char *text, size_t nth)
{
	for (size_t i = 0; i < an->nentities; i++)
		if (!strcmp(S_span(an, an->entities[i].sp), text) && nth-- == 0)
			return &an->entities[i];
	return NULL;
}

/* Is the nth mention `text` an entity of that type? */
static bool S_is(const dsr_analysis *an, const char *text, size_t nth, dsr_etype type)
{
	const dsr_entity *e = S_ent(an, text, nth);
	return e && e->type == type;
}

void test_tokens_sentences(void)
{
	dsr_analysis an = S_run("Mr. Okafor flew the Shahed-136 from the U.S. to Lagos. It cost $6,000.50 "
				"and 1.5 million euros. \"We won,\" he said. The U.S. Navy agreed.\n\n"
				"Dateline without a stop\n\nA new paragraph", NULL);
	const char *want[] = {"Mr.", "Okafor", "flew", "the", "Shahed-136", "from", "the", "U.S.",
			      "to", "Lagos", ".", "It", "cost", "$", "6,000.50"};
	for (size_t i = 0; i < sizeof want / sizeof *want; i++) {
		dsr_span sp = {an.tokens[i].start, an.tokens[i].end};
		CHECK_STR(S_span(&an, sp), want[i]);
	}
	CHECK(an.nsentences == 6);
	if (an.nsentences == 6) {
		CHECK_STR(S_span(&an, an.sentences[0]), "Mr. Okafor flew the Shahed-136 from the U.S. to Lagos.");
		CHECK_STR(S_span(&an, an.sentences[2]), "\"We won,\" he said.");
		CHECK_STR(S_span(&an, an.sentences[3]), "The U.S. Navy agreed.");
		CHECK_STR(S_span(&an, an.sentences[4]), "Dateline without a stop");
	}
}

/* clitics are words of their own, with either apostrophe; a name's is not */
void test_tokens_clitics(void)
{
	dsr_analysis an = S_run("I'll go. We\xe2\x80\x99re here, I\xe2\x80\x99m sure they've won and "
				"O'Brien's team didn't. They won\xe2\x80\x99t.", NULL);
	const char *want[] = {"I", "'ll", "go", ".", "We", "\xe2\x80\x99re", "here", ",", "I",
			      "\xe2\x80\x99m", "sure", "they", "'ve", "won", "and", "O'Brien",
			      "'s", "team", "did", "n't", ".", "They", "wo", "n\xe2\x80\x99t", "."};
	CHECK(an.ntokens == sizeof want / sizeof *want);
	for (size_t i = 0; i < sizeof want / sizeof *want && i < an.ntokens; i++) {
		dsr_span sp = {an.tokens[i].start, an.tokens[i].end};
		CHECK_STR(S_span(&an, sp), want[i]);
	}
}

void test_times(void)
{
	/* a Saturday */
	dsr_analysis an = S_run("The ministry said on Friday that talks began in early November and "
				"ended last month. A deal was signed on February 24, 2022, and a "
				"second one a month later. Officials met November 9. Since the summer "
				"prices rose, and they will keep rising in the next few years. Sales "
				"fell in the third quarter. Deliveries take three months.",
				"2022-11-19");
	CHECK_STR(S_time(&an, "Friday"), "2022-11-18");
	CHECK_STR(S_time(&an, "early November"), "2022-11");
	CHECK_STR(S_time(&an, "last month"), "2022-10");
	CHECK_STR(S_time(&an, "February 24, 2022"), "2022-02-24");
	CHECK_STR(S_time(&an, "a month later"), "2022-03");
	CHECK_STR(S_time(&an, "November 9"), "2022-11-09");
	CHECK_STR(S_time(&an, "the summer"), "2022-SU");
	CHECK_STR(S_time(&an, "the next few years"), "PXY");
	CHECK_STR(S_time(&an, "the third quarter"), "2022-Q3");
	CHECK_STR(S_time(&an, "three months"), "P3M");
	for (size_t i = 0; i < an.ntimes; i++)
		if (!strcmp(an.times[i].value, "2022-11") && an.times[i].mod)
			CHECK_STR(an.times[i].mod, "START");
	/* no publication date: inferred from the latest full date */
	an = S_run("On 3 March 2024 the plant opened. Two days later it closed.", NULL);
	CHECK_STR(an.reference, "2024-03-03");
	CHECK_STR(an.reference_from, "inferred");
	CHECK_STR(S_time(&an, "Two days later"), "2024-03-05");
	/* a clock time takes the day after it; "last May"; a month with a
	 * relative year; digits joined to a unit; a quarterly report's "a year
	 * earlier" is the quarter a year back */
	an = S_run("Crews left at 10 p.m. Wednesday after a 16-hour shift. Sales fell last May and "
		   "rose in June last year. Third-quarter profit was $4 million, up from $3 million "
		   "a year earlier.",
		   "2031-02-14");
	CHECK_STR(S_time(&an, "10 p.m. Wednesday"), "2031-02-12T22:00");
	CHECK_STR(S_time(&an, "16-hour"), "PT16H");
	CHECK_STR(S_time(&an, "last May"), "2030-05");
	CHECK_STR(S_time(&an, "June last year"), "2030-06");
	CHECK_STR(S_time(&an, "a year earlier"), "2029-Q3");
	/* years in words, as transcripts write them */
	an = S_run("Harbor fires, nineteen ninety-six. In January nineteen ninety-seven the port "
		   "closed, and nineteen workers left before the year two thousand.",
		   "2031-02-14");
	CHECK_STR(S_time(&an, "nineteen ninety-six"), "1996");
	CHECK_STR(S_time(&an, "January nineteen ninety-seven"), "1997-01");
	CHECK_STR(S_time(&an, "the year two thousand"), "2000");
	CHECK_STR(S_time(&an, "nineteen"), "MISSING");
	/* a weekday ahead: "as early as", "set to", "planning to" (a Friday) */
	an = S_run("The ferry could sail as early as Tuesday. Talks are set to resume Monday in "
		   "Tarvik, and unions were planning to march on Thursday. Crews struck on Wednesday.",
		   "2031-02-14");
	CHECK_STR(S_time(&an, "Tuesday"), "2031-02-18");
	CHECK_STR(S_time(&an, "Monday"), "2031-02-17");
	CHECK_STR(S_time(&an, "Thursday"), "2031-02-20");
	CHECK_STR(S_time(&an, "Wednesday"), "2031-02-12");
	/* a noun "plan" is no schedule; a schedule seen from the past ("had
	 * been due") is past; "is to" is ahead */
	an = S_run("The mayors signed a river plan Friday. The bid had been due to expire "
		   "Wednesday night. The port is to reopen Monday.",
		   "2031-02-14");
	CHECK_STR(S_time(&an, "Friday"), "2031-02-14");
	CHECK_STR(S_time(&an, "Wednesday night"), "2031-02-12TNI");
	CHECK_STR(S_time(&an, "Monday"), "2031-02-17");
	/* "last night"; bare plurals after for/within; a clock time takes the day
	 * last named */
	an = S_run("Guards said last night the mill had been idle for years. On Feb. 3 the "
		   "strike began at 6 a.m. and talks may follow within weeks.",
		   "2031-02-14");
	CHECK_STR(S_time(&an, "last night"), "2031-02-13TNI");
	CHECK_STR(S_time(&an, "years"), "PXY");
	CHECK_STR(S_time(&an, "weeks"), "PXW");
	CHECK_STR(S_time(&an, "6 a.m."), "2031-02-03T06:00");
	/* a quarterly report: its quarter is the first recent one named; "its
	 * fourth quarter", "the latest period", "the full year", "the year-ago
	 * third quarter" */
	an = S_run("Orvane Mills said third-quarter profit rose. A 1998 first quarter was weak. Sales "
		   "in the latest period grew, and the year-ago third quarter was flat. For the full "
		   "year it sees gains; its fourth quarter starts soon.",
		   "2031-11-02");
	CHECK_STR(S_time(&an, "the latest period"), "2031-Q3");
	CHECK_STR(S_time(&an, "the year-ago third quarter"), "2030-Q3");
	CHECK_STR(S_time(&an, "the full year"), "2031");
	CHECK_STR(S_time(&an, "fourth quarter"), "2031-Q4");
	/* the quarter or year a closing day names; times told from the last one
	 * named; vague futures, centuries, decades, halves, couples, sets */
	an = S_run("For the quarter ended June 30 sales rose; for the year ended March 31 they fell. "
		   "On Feb. 3 the mill shut, and later that year it was sold; earlier that day a "
		   "fire broke out. In the near future, the 20th century and the '80s will seem far. "
		   "It took 5 1/2 hours, after a couple of weeks. Barges sail on Mondays and "
		   "each July.",
		   "2031-11-02");
	CHECK_STR(S_time(&an, "the quarter"), "2031-Q2");
	CHECK_STR(S_time(&an, "the year"), "P1Y");
	CHECK_STR(S_time(&an, "later that year"), "2031");
	CHECK_STR(S_time(&an, "earlier that day"), "2031-02-03");
	CHECK_STR(S_time(&an, "the near future"), "FUTURE_REF");
	CHECK_STR(S_time(&an, "the 20th century"), "19");
	CHECK_STR(S_time(&an, "the '80s"), "198");
	CHECK_STR(S_time(&an, "5 1/2 hours"), "PT5H30M");
	CHECK_STR(S_time(&an, "a couple of weeks"), "P2W");
	CHECK_STR(S_time(&an, "Mondays"), "XXXX-WXX-1");
	CHECK_STR(S_time(&an, "each July"), "XXXX-07");
}

void test_quantities(void)
{
	dsr_analysis an = S_run("Veloria will buy up to 6,000 Iranian-designed drones for $1 billion, "
				"at least 40 launchers, more than 200 trucks and about 30 percent of "
				"the stock for \xe2\x82\xac" "140 million. Hundreds of workers and six "
				"engineers arrived, between 10 and 12 ships.",
				"2022-11-19");
	const dsr_quantity *q = S_qty(&an, "up to 6,000");
	CHECK(q && q->kind == DSR_Q_COUNT && q->value == 6000 && q->bound == DSR_B_UP_TO);
	if (q)
		CHECK_STR(q->unit, "drone");
	q = S_qty(&an, "$1 billion");
	CHECK(q && q->kind == DSR_Q_MONEY && q->value == 1e9);
	if (q)
		CHECK_STR(q->unit, "USD");
	q = S_qty(&an, "\xe2\x82\xac" "140 million");
	CHECK(q && q->value == 140e6);
	if (q)
		CHECK_STR(q->unit, "EUR");
	q = S_qty(&an, "at least 40");
	CHECK(q && q->bound == DSR_B_AT_LEAST);
	q = S_qty(&an, "more than 200");
	CHECK(q && q->bound == DSR_B_MORE_THAN);
	q = S_qty(&an, "about 30 percent");
	CHECK(q && q->kind == DSR_Q_PERCENT && q->bound == DSR_B_ABOUT && q->value == 30);
	q = S_qty(&an, "Hundreds");
	CHECK(q && q->value == 100 && q->bound == DSR_B_AT_LEAST);
	if (q)
		CHECK_STR(q->unit, "worker");
	q = S_qty(&an, "six");
	CHECK(q && q->value == 6);
	q = S_qty(&an, "between 10 and 12");
	CHECK(q && q->bound == DSR_B_RANGE && q->low == 10 && q->high == 12);
	/* a number before a unit measures, it counts no pistols: "9 mm", "155mm",
	 * "a 12-mile"; another word after a hyphen counts nothing ("17-member") */
	an = S_run("The guard carried a 9 mm pistol, the crews fired 155mm shells along a "
		   "12-mile front, and a 17-member team arrived.",
		   "2030-05-08");
	static const struct {
		const char *text, *unit;
		dsr_qkind kind;
	} ms[] = {{"9", "mm", DSR_Q_MEASURE}, {"155", "mm", DSR_Q_MEASURE},
		  {"12", "mile", DSR_Q_MEASURE}, {"17", NULL, DSR_Q_COUNT}};
	for (size_t k = 0; k < sizeof ms / sizeof *ms; k++) {
		q = S_qty(&an, ms[k].text);
		CHECK(q && q->kind == ms[k].kind);
		if (q && ms[k].unit)
			CHECK_STR(q->unit, ms[k].unit);
		else if (q)
			CHECK(q->unit == NULL);
	}
	/* a country's letters glued to "$" name its dollar */
	an = S_run("Tarvik Port paid HK$2 billion, C$37 a share and A$3 million, not US$5 million.",
		   "2030-05-08");
	static const struct {
		const char *text, *code;
	} dol[] = {{"HK$2 billion", "HKD"}, {"C$37", "CAD"}, {"A$3 million", "AUD"},
		   {"US$5 million", "USD"}};
	for (size_t k = 0; k < sizeof dol / sizeof *dol; k++) {
		q = S_qty(&an, dol[k].text);
		CHECK(q && q->kind == DSR_Q_MONEY);
		if (q)
			CHECK_STR(q->unit, dol[k].code);
	}
}

void test_entities(void)
{
	dsr_analysis an = S_run(
		"Foreign Minister Talgat Bek-Amirov met officials of the Coastal Defence Corps "
		"(CDC) in Lisbon on Monday, The Harbor Gazette reported. Bek-Amirov said Portugal "
		"would not buy the Kestrel-9 drones, known as Sea Hawk in the trade press. "
		"Later, Bek Amirov told the Harbor Gazette that the CDC had tested the S-400.",
		"2030-05-08");
	const dsr_entity *e = S_ent(&an, "Talgat Bek-Amirov", 0);
	CHECK(e && e->type == DSR_E_PERSON);
	e = S_ent(&an, "Bek-Amirov", 0);
	CHECK(e != NULL);
	if (e)
		CHECK_STR(e->canonical, "Talgat Bek-Amirov");
	e = S_ent(&an, "Bek Amirov", 0);
	if (e)
		CHECK_STR(e->canonical, "Talgat Bek-Amirov");
	e = S_ent(&an, "CDC", 1);
	CHECK(e != NULL);
	if (e)
		CHECK_STR(e->canonical, "Coastal Defence Corps");
	CHECK(S_is(&an, "Kestrel-9", 0, DSR_E_EQUIPMENT));
	e = S_ent(&an, "Sea Hawk", 0);
	if (e)
		CHECK_STR(e->canonical, "Kestrel-9");
	CHECK(S_is(&an, "S-400", 0, DSR_E_EQUIPMENT));
	CHECK(S_is(&an, "Lisbon", 0, DSR_E_GPE));
	e = S_ent(&an, "Harbor Gazette", 1);
	if (e)
		CHECK_STR(e->canonical, "Harbor Gazette");
	/* "Monday" is a time, not a name */
	CHECK(S_ent(&an, "Monday", 0) == NULL);

	/* a place the lexicon knows is no artefact, nor is a common word that
	 * opens a sentence */
	an = S_run("UK shipping group Orvell reported higher earnings.\n\n"
		   "Strong orders outside eastern Asia lifted Orvell.",
		   "2030-05-08");
	e = S_ent(&an, "UK", 0);
	CHECK(e && e->type == DSR_E_GPE);
	an = S_run("Strong orders outside eastern Asia lifted Orvell.\n\n"
		   "Workers will be hired at the Orvell plant.",
		   "2030-05-08");
	CHECK(S_ent(&an, "Strong", 0) == NULL);

	/* titles are not part of a name; capitalised verb forms at a sentence
	 * start and a lone "The" are no names */
	an = S_run("Norvik Aerospace cut 300 jobs on Tuesday. Citing weak demand, CEO Ada Brennan "
		   "blamed suppliers. The plan drew criticism from Senator Olen Marsh. Describing "
		   "the cuts, General Motors workers protested.",
		   "2030-05-08");
	CHECK(S_is(&an, "Ada Brennan", 0, DSR_E_PERSON));
	CHECK(S_ent(&an, "CEO Ada Brennan", 0) == NULL);
	CHECK(S_is(&an, "Olen Marsh", 0, DSR_E_PERSON));
	CHECK(S_ent(&an, "Citing", 0) == NULL);
	CHECK(S_ent(&an, "Describing", 0) == NULL);
	CHECK(S_ent(&an, "The", 0) == NULL);
	CHECK(S_is(&an, "General Motors", 0, DSR_E_ORG));

	/* camel-case names are products unless they speak; no name ends in
	 * punctuation or a joining word */
	an = S_run("Zendra sold the zPad, the qMac, and the vTab Mini and more. oLark said sales "
		   "grew, and oLark hired staff.",
		   "2030-05-08");
	CHECK(S_is(&an, "qMac", 0, DSR_E_EQUIPMENT));
	CHECK(S_ent(&an, "qMac,", 0) == NULL);
	CHECK(S_is(&an, "vTab Mini", 0, DSR_E_EQUIPMENT));
	CHECK(S_ent(&an, "vTab Mini and", 0) == NULL);
	CHECK(S_is(&an, "oLark", 1, DSR_E_ORG));

	/* a one-word name the gazetteer does not know as a place, read as one
	 * after "in", is an organisation when it speaks */
	an = S_run("Fiat will buy a stake in Corvath. The deal gives Fiat control of Corvath. "
		   "Corvath said the plan would save jobs.",
		   "2030-05-08");
	CHECK(S_is(&an, "Corvath", 0, DSR_E_ORG));

	/* ... and after "a stake in", where companies are held */
	an = S_run("Last year Orsa bought a 20 percent stake in Pellwick, and this year it wants "
		   "a majority stake in Pellwick.",
		   "2030-05-08");
	CHECK(S_is(&an, "Pellwick", 1, DSR_E_ORG));

	/* land and water by their first or last word; an organisation's suffix wins */
	an = S_run("The navy tested two prototypes off Cape Morrow. The Tarn River flooded near "
		   "Lake Varda, and Lake Varda College closed.",
		   "2030-05-08");
	CHECK(S_is(&an, "Cape Morrow", 0, DSR_E_LOC));
	CHECK(S_is(&an, "Tarn River", 0, DSR_E_LOC));
	CHECK(S_is(&an, "Lake Varda", 0, DSR_E_LOC));
	CHECK(S_is(&an, "Lake Varda College", 0, DSR_E_ORG));

	/* a name before a kind of product names the product, in every mention;
	 * a name that owns or makes is the maker */
	an = S_run("Dealers sold 400 Orlen Vasta sedans in May. The Orlen Vasta is built by "
		   "Korrig in Velmont, and Korrig's Telvo trucks sell well. Korrig trucks are "
		   "cheap. Buyers like the Orlen Vasta.",
		   "2030-05-08");
	CHECK(S_is(&an, "Orlen Vasta", 2, DSR_E_EQUIPMENT));
	CHECK(S_is(&an, "Korrig", 2, DSR_E_ORG));

	/* a name the lexicon knows in full stays whole, at a sentence start too;
	 * an acronym is of its expansion's type */
	an = S_run("The Bank of England will lend more. Analysts met the Bank of England "
		   "governor. The Tarsian Central Bank (TCB) will lend too.",
		   "2030-05-08");
	CHECK(S_is(&an, "Bank of England", 0, DSR_E_ORG));
	CHECK(S_is(&an, "Bank of England", 1, DSR_E_ORG));
	e = S_ent(&an, "TCB", 0);
	CHECK(e && e->type == DSR_E_ORG && !strcmp(e->canonical, "Tarsian Central Bank"));

	/* a currency's prefix names no place */
	an = S_run("Banks in the US will lend US$180 billion, and HK$2 billion came from Hong Kong.",
		   "2030-05-08");
	CHECK(S_ent(&an, "US", 0) != NULL && S_ent(&an, "US", 1) == NULL);
	CHECK(S_ent(&an, "HK", 0) == NULL);

	/* a country has one name whatever form the article uses (iso-codes and
	 * WordNet), and its official name is no company for its last word */
	an = S_run("The Russian Federation and Britain signed the Velmont accord, US officials said.",
		   "2030-05-08");
	e = S_ent(&an, "Russian Federation", 0);
	CHECK(e && e->type == DSR_E_GPE && !strcmp(e->canonical, "Russia"));
	e = S_ent(&an, "Britain", 0);
	CHECK(e && !strcmp(e->canonical, "United Kingdom"));
	e = S_ent(&an, "US", 0);
	CHECK(e && !strcmp(e->canonical, "United States"));

	/* gatherings by their last word */
	an = S_run("Korrig showed the jet at the Velmont Air Show and again at the Tarn Developers "
		   "Conference.",
		   "2030-05-08");
	CHECK(S_is(&an, "Velmont Air Show", 0, DSR_E_EVENT));
	CHECK(S_is(&an, "Tarn Developers Conference", 0, DSR_E_EVENT));

	/* market indexes, named before "index" or moving by points */
	an = S_run("Shares slid in Velmont. The Tessaly Composite fell 82 points, and the Varda 50 "
		   "index lost 1.2 percent. Traders said the Tessaly Composite may recover.",
		   "2030-05-08");
	CHECK(S_is(&an, "Tessaly Composite", 1, DSR_E_OTHER));
	CHECK(S_is(&an, "Varda 50", 0, DSR_E_OTHER));

	/* an employer before a title is a name of its own; words that open a
	 * title ("Prime", "Acting", "Presiding") are no names; a company's
	 * branch abroad is no person; a common word opening a sentence is kept
	 * when a name goes on after it */
	an = S_run("Orvel Motor Company CEO Dana Reyes met Acting Foreign Minister Ivo Kran, Presiding "
		   "Judge Martin Mann and Prime Minister Ada Brennan. Orvel said sales rose, and "
		   "Orvel Australia will hire. Lantern Software announced a tablet on Monday.",
		   "2030-05-08");
	CHECK(S_is(&an, "Orvel Motor Company", 0, DSR_E_ORG));
	CHECK(S_is(&an, "Dana Reyes", 0, DSR_E_PERSON));
	CHECK(S_is(&an, "Ivo Kran", 0, DSR_E_PERSON));
	CHECK(S_is(&an, "Martin Mann", 0, DSR_E_PERSON));
	CHECK(S_ent(&an, "Acting", 0) == NULL);
	CHECK(S_ent(&an, "Presiding", 0) == NULL);
	CHECK(S_ent(&an, "Prime", 0) == NULL);
	CHECK(S_is(&an, "Orvel Australia", 0, DSR_E_ORG));
	e = S_ent(&an, "Lantern Software", 0);
	CHECK(e != NULL);
	/* "US" in capitals is a place, not the pronoun */
	an = S_run("The US will lend more.", "2030-05-08");
	CHECK(S_is(&an, "US", 0, DSR_E_GPE));
	/* an accented common word is still common ("Caf\xc3\xa9"); a quoted alias
	 * keeps its first word; "Daily" inside a sentence names a paper */
	an = S_run("Caf\xc3\xa9 owners told the Tarvik Daily that the Kestrel-9 drone, known as the "
		   "\"Sea Lantern,\" flew daily.",
		   "2030-05-08");
	CHECK(S_ent(&an, "Caf\xc3\xa9", 0) == NULL);
	e = S_ent(&an, "Sea Lantern", 0);
	CHECK(e && e->type == DSR_E_EQUIPMENT);
	if (e)
		CHECK_STR(e->canonical, "Kestrel-9");
	CHECK(S_is(&an, "Tarvik Daily", 0, DSR_E_ORG));
	CHECK_STR(S_time(&an, "daily"), "P1D");
	CHECK_STR(S_time(&an, "Daily"), "MISSING");
	/* a plural acronym is no name */
	an = S_run("Ostrand sent more UAVs and two NGOs to the coast of Velmont.", "2030-05-08");
	CHECK(S_ent(&an, "UAVs", 0) == NULL);
	CHECK(S_ent(&an, "NGOs", 0) == NULL);
	CHECK(S_ent(&an, "Velmont", 0) != NULL);
}

/* The attribution whose cue text is `cue`, or NULL. */
static const dsr_attribution *S_att(const dsr_analysis *an, const char *cue)
{
	for (size_t i = 0; i < an->nattributions; i++)
		if (!strcmp(S_span(an, an->attributions[i].cue), cue))
			return &an->attributions[i];
	return NULL;
}

/* "as reported by X", before the report or after it */
void test_attribution_as_reported(void)
{
	dsr_analysis an = S_run("As reported by the Quay Ledger with reference to two port officials, "
				"the Velsen ministry will lease three tugboats from Norvik.\n\n"
				"The tugboats arrive in May, as stated by Ostrand Marine on Friday.",
				"2030-05-08");
	const dsr_attribution *a = S_att(&an, "As reported by");
	CHECK(a && a->has_source && !strcmp(S_span(&an, a->source.sp), "the Quay Ledger"));
	CHECK(a && !strcmp(S_span(&an, a->content),
			   "the Velsen ministry will lease three tugboats from Norvik"));
	const dsr_attribution *b = S_att(&an, "as stated by");
	CHECK(b && b->has_source && !strcmp(S_span(&an, b->source.sp), "Ostrand Marine"));
	CHECK(b && !strcmp(S_span(&an, b->content), "The tugboats arrive in May"));
	/* a newspaper's name is an outlet, named whole: "the Quay Ledger", "the
	 * Tarn Courier" */
	an = S_run("The port council rejected the plan on Monday, the Quay Ledger reported.\n\n"
		   "Lundmark approved the treaty, the Tarn Courier said.",
		   "2030-05-08");
	const dsr_attribution *q = S_att(&an, "reported"), *t = S_att(&an, "said");
	CHECK(q && q->has_source && q->source.kind == DSR_S_OUTLET &&
	      !strcmp(q->source.canonical, "Quay Ledger"));
	CHECK(t && t->has_source && t->source.kind == DSR_S_OUTLET &&
	      !strcmp(t->source.canonical, "Tarn Courier"));
}

/* "she" is no man's: the nearest teller the article calls a man is
 * passed over ("Veld said he", "Mr. Arne"), a woman is not. */
void test_attribution_pronoun_sex(void)
{
	dsr_analysis an = S_run("The mayor of Tarnby, Dana Reyes, said she would close the harbor "
				"road on Friday.\n\n"
				"Tomas Veld, who runs the ferry company, said he feared the closure "
				"would cost his firm 40,000 euros a week.\n\n"
				"\"We cannot wait another winter,\" she told reporters on Thursday.\n\n"
				"Mr. Arne, the harbor master, warned that the pier was failing. "
				"\"It will not last,\" he added.",
				"2030-05-08");
	const dsr_attribution *a = S_att(&an, "told");
	CHECK(a && a->has_source && a->source.canonical);
	if (a && a->has_source && a->source.canonical)
		CHECK_STR(a->source.canonical, "Dana Reyes");
	a = S_att(&an, "added");
	CHECK(a && a->has_source && a->source.canonical);
	if (a && a->has_source && a->source.canonical)
		CHECK(strstr(a->source.canonical, "Arne") != NULL);
}

/* A teller cut after its determiner gets its noun back; "the ministry" is
 * no council named before it; a time is no teller. */
void test_attribution_definite_tellers(void)
{
	dsr_analysis an = S_run("The airline moved its hub to Farsund last year, citing its strategic "
				"location on the coast.\n\n"
				"The council voted to close the pier, citing safety concerns.\n\n"
				"The ministry rejected the bid on Monday, citing the Velder Freight "
				"contract.\n\n"
				"The ferry losing power as Mayor Dana Reyes began her trip to Oslo, "
				"Norway, Tuesday evening proved her point that the town needs a new boat, "
				"her office said.",
				"2030-05-08");
	size_t ncite = 0;
	for (size_t i = 0; i < an.nattributions; i++) {
		const dsr_attribution *a = &an.attributions[i];
		if (!a->has_source)
			continue;
		const char *src = S_span(&an, a->source.sp);
		CHECK(strcmp(src, "The") != 0);
		CHECK(strcmp(src, "Tuesday evening") != 0);
		if (!strcmp(src, "The airline"))
			ncite++;
		if (!strcmp(src, "The ministry"))
			CHECK(a->source.canonical && !strstr(a->source.canonical, "council"));
	}
	CHECK(ncite > 0);
}

/* What tells nothing: a heading with a colon, a newsroom's request for
 * comment, an auxiliary (and its adverbs) before no verb of saying, "That
 * said," opening a sentence. */
void test_attribution_not_reports(void)
{
	dsr_analysis an = S_run("The Latest: Velmont mayor opens the new ferry line.\n\n"
				"The Tarn Gazette did not immediately respond to requests for comment "
				"on Friday.\n\n"
				"Beyond the ferry, she has other priorities as well, such as cutting "
				"taxes for small shops.\n\n"
				"Reyes has long argued that the pier must close.\n\n"
				"Loyalty, he noted, has long been a core tenet of the Velmont council.\n\n"
				"That said, the new pier is not perfect.",
				"2030-05-08");
	CHECK(!S_att(&an, ":"));
	CHECK(!S_att(&an, "requests"));
	CHECK(!S_att(&an, "has"));
	CHECK(!S_att(&an, "has long"));
	CHECK(S_att(&an, "has long argued") || S_att(&an, "argued"));
	CHECK(S_att(&an, "noted"));
	CHECK(!S_att(&an, "said"));
}

/* A teller after what it tells: the quotation that closes just before it
 * ("“...” Reyes said, looking out"), the clause before when a place
 * closes the sentence ("..., Reyes said in her interview."); not when a
 * quotation follows the cue ("“...” Veld added, “...”"). */
void test_attribution_told_before(void)
{
	dsr_analysis an = S_run("The ferry line opened on Monday.\n\n"
				"\u201cWho would have believed that we would carry a million riders?\u201d "
				"Reyes said, looking out at the harbor.\n\n"
				"Shifting tides along the coast could strand a thousand boats, Mayor "
				"Tomas Veld said in his interview.\n\n"
				"\u201cThe pier is a fine thing.\u201d Veld added, \u201cbut who pays "
				"for it is another thing.\u201d",
				"2030-05-08");
	const dsr_attribution *a = S_att(&an, "said");
	CHECK(a && strstr(S_span(&an, a->content), "Who would have believed"));
	int seen = 0;
	for (size_t i = 0; i < an.nattributions; i++) {
		const char *c = S_span(&an, an.attributions[i].content);
		CHECK(strcmp(c, "in his interview.") != 0);
		CHECK(strncmp(c, "looking out", 11) != 0);
		if (strstr(c, "Shifting tides"))
			seen |= 1;
		if (!strcmp(S_span(&an, an.attributions[i].cue), "added"))
			seen |= strstr(c, "who pays") ? 2 : 4;
	}
	CHECK(seen == 3);
}

/* Where a teller ends: not on the cue's auxiliaries ("The harbour trust
 * has | blamed"), nor on "and" before a second verb (that verb shares the
 * first one's teller), nor on a comma and the medium after a postposed
 * teller (", in a statement", which is no second report); a teller after
 * the cue with no verb that the tagger swapped with the content is set
 * right ("..., says the Velsen Farm Board"), a clause is not; a teller
 * ends before the relative clause between it and the cue ("The firm, which
 * ..., said"), and begins after the clause it was cut from ("... a
 * turnover of 90 million euros and experts | suggest"), and not at "of"
 * ("A group of | protesters"). */
void test_attribution_teller_ends(void)
{
	dsr_analysis an = S_run("The harbour trust has blamed stormy weather for a drop in revenue.\n\n"
				"Velmont Freight says its decline was punishment for the political "
				"ambitions of its founder Ivo Marek and has vowed to sue any buyer of "
				"the yard.\n\n"
				"\"Demand is reviving,\" said Tomas Vrba, head of the Federal Jobs "
				"Office, in a statement.",
				"2030-05-08");
	const dsr_attribution *a = S_att(&an, "blamed");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(S_span(&an, a->source.sp), "The harbour trust");
	a = S_att(&an, "has vowed");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(S_span(&an, a->source.sp), "Velmont Freight");
	a = S_att(&an, "said");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(S_span(&an, a->source.sp), "Tomas Vrba, head of the Federal Jobs Office");
	for (size_t i = 0; i < an.nattributions; i++) {
		const dsr_attribution *x = &an.attributions[i];
		CHECK(!x->has_source || strcmp(S_span(&an, x->source.sp), "in") != 0);
		CHECK(x->has_source || !strstr(S_span(&an, x->cue), "statement"));
	}
	an = S_run("Cider sales in Norway are still low, at just 1.5 litres a head, says the "
		   "Velsen Farm Board.\n\n"
		   "Ferry owners, however, say the new timetable comes with real risks.\n\n"
		   "The firm, which is to receive a payment from Velair of 4 million euros, "
		   "said it would build a new hangar.\n\n"
		   "Last year the yard made profits of 2 million euros on a turnover of 90 "
		   "million euros and experts suggest its move to ferries could make it a "
		   "target.",
		   "2030-05-08");
	a = S_att(&an, "says");
	CHECK(a && a->has_source);
	if (a && a->has_source) {
		CHECK_STR(S_span(&an, a->source.sp), "the Velsen Farm Board");
		CHECK(strstr(S_span(&an, a->content), "Cider sales") != NULL);
	}
	a = S_att(&an, "say");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(S_span(&an, a->source.sp), "Ferry owners");
	a = S_att(&an, "said");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(S_span(&an, a->source.sp), "The firm");
	a = S_att(&an, "suggest");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(S_span(&an, a->source.sp), "experts");
	/* cut at "of": the noun phrase after it is the teller's */
	an = S_run("A group of protesters blocked the harbor road, claiming the council had "
		   "sold their moorings.",
		   "2030-05-08");
	a = S_att(&an, "claiming");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(S_span(&an, a->source.sp), "A group of protesters");
}

/* a teller the tagger cut after its owner's name ("'s administration")
 * gets the name back */
void test_attribution_possessor(void)
{
	dsr_analysis an = S_run("Narratives have split in the wake of Sunday's crash, with members of "
				"President Dorvan Kell's administration and allies of federal law "
				"enforcement defending the pilot's actions as lawful.",
				"2030-05-08");
	const dsr_attribution *a = S_att(&an, "defending");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK(!strncmp(S_span(&an, a->source.sp), "President Dorvan Kell's administration",
			       strlen("President Dorvan Kell's administration")));
}

/* A name the tagger cut in two is one organisation: a run it left out
 * and the common noun it took alone, a newsroom and its adjectives. */
void test_entity_glued_names(void)
{
	dsr_analysis an = S_run("Ravel Quist spoke in Davos on Tuesday.\n\n"
				"Envoys met at the World Economic Forum in Davos on Tuesday, and "
				"\"we will not back down,\" Halvard Stenmark told Harbor News Digital. "
				"Greta Olin told Tarn Times Online the same.",
				"2030-05-08");
	CHECK(S_is(&an, "World Economic Forum", 0, DSR_E_ORG));
	CHECK(!S_ent(&an, "Forum", 0));
	CHECK(S_is(&an, "Harbor News Digital", 0, DSR_E_ORG));
	CHECK(!S_ent(&an, "Digital", 0));
	CHECK(S_is(&an, "Tarn Times Online", 0, DSR_E_ORG));
	CHECK(S_is(&an, "Halvard Stenmark", 0, DSR_E_PERSON));
}

/* a compass word before a common noun is an adjective of a region's
 * people ("Western envoys", as "Velsenian envoys"), before a name a place */
void test_entity_region_adjective(void)
{
	dsr_analysis an = S_run("The talks drew Western envoys and Iranian officials to the port. "
				"Later they flew on to Western Australia and Northern Ireland.",
				"2030-05-08");
	CHECK(S_is(&an, "Western", 0, DSR_E_NORP));
	CHECK(S_is(&an, "Iranian", 0, DSR_E_NORP));
	CHECK(S_is(&an, "Western Australia", 0, DSR_E_GPE));
	CHECK(S_is(&an, "Northern Ireland", 0, DSR_E_GPE));
}

/* a participle after a comma is told by the sentence's subject */
void test_attribution_participle(void)
{
	dsr_analysis an = S_run(
		"The Corvane harbour board turned down the tender on Tuesday, saying the bids "
		"came in too late.\n\n"
		"\"The cranes have stood idle since March,\" the harbour master said, adding that "
		"repairs would take weeks.\n\n"
		"On Friday, however, Mirela Vost met the dockers' union, arguing that the port "
		"needed two more tugs.\n\n"
		"Last year he was removed from the board, after being accused of hiding losses.\n\n"
		"Orlin County Prosecutor Ana Brel charged the firm, accusing it of hiding losses.",
		"2030-05-08");
	const dsr_attribution *a = S_att(&an, "saying");
	CHECK(a && a->has_source && !strcmp(S_span(&an, a->source.sp), "The Corvane harbour board"));
	const dsr_attribution *b = S_att(&an, "adding");
	CHECK(b && b->has_source && !strcmp(S_span(&an, b->source.sp), "the harbour master"));
	const dsr_attribution *c = S_att(&an, "arguing");
	CHECK(c && c->has_source && c->source.canonical &&
	      !strcmp(c->source.canonical, "Mirela Vost"));
	/* the subject whole, a title and a name after a place */
	const dsr_attribution *e = S_att(&an, "accusing");
	CHECK(e && e->has_source && e->source.canonical && !strcmp(e->source.canonical, "Ana Brel"));
	/* who is accused is no teller */
	for (size_t i = 0; i < an.nattributions; i++)
		if (strstr(S_span(&an, an.attributions[i].cue), "accused"))
			CHECK(!an.attributions[i].has_source ||
			      strcmp(S_span(&an, an.attributions[i].source.sp), "he"));
}

/* a cue after an apposition or a relative clause of the name that opens
 * the sentence is that name's, not of a name inside the clause */
void test_attribution_apposition(void)
{
	dsr_analysis an = S_run(
		"Tarn Marine, which also owns the Velder and Quarne ferry brands, said it would add "
		"two routes.\n\n"
		"Orlin Port, in contrast to its rival Velsen Harbour, hopes shippers will return.\n\n"
		"Mira Castel, a Tarn fund manager who had long talks with Orlin United over a loan, "
		"said the club needed money.",
		"2030-05-08");
	const char *want[][2] = {{"said", "Tarn Marine"}, {"hopes", "Orlin Port"}};
	for (size_t k = 0; k < 2; k++) {
		const dsr_attribution *a = S_att(&an, want[k][0]);
		CHECK(a && a->has_source && !strcmp(S_span(&an, a->source.sp), want[k][1]));
	}
	size_t castel = 0;
	for (size_t i = 0; i < an.nattributions; i++)
		castel += an.attributions[i].has_source &&
			  !strcmp(S_span(&an, an.attributions[i].source.sp), "Mira Castel");
	CHECK(castel == 1);
	/* a second verb of the same teller, after "and" */
	an = S_run("Orlin worries that falling prices may hurt its ports and wants to prevent that.",
		   "2030-05-08");
	const dsr_attribution *w = S_att(&an, "wants");
	CHECK(w && w->has_source && !strcmp(S_span(&an, w->source.sp), "Orlin"));
}

/* a cue in the passive: its subject is told about or accused, no teller;
 * a state of mind keeps its holder */
void test_attribution_passive(void)
{
	dsr_analysis an = S_run("Two Orlin port managers are accused of selling berths to friends.\n\n"
				"The dock workers were worried about the storm.\n\n"
				"The Velsen ferry line is said to be near a sale.\n\n"
				"The harbour board was told the cranes were idle.",
				"2030-05-08");
	const dsr_attribution *a = S_att(&an, "are accused of"), *b = S_att(&an, "were worried about"),
			      *c = S_att(&an, "is said"), *t = S_att(&an, "was told");
	CHECK(a && !a->has_source);
	CHECK(b && b->has_source && !strcmp(S_span(&an, b->source.sp), "The dock workers"));
	CHECK(c && !c->has_source);
	CHECK(t && !t->has_source);
}

/* an outlet reports an agreement after the fact, citing officials */
static const char S_buy_report[] =
	"After two weeks of talks, the Velsen ministry has agreed to buy forty gliders from Norvik "
	"Aerospace, the Harbor Gazette reported on Monday, citing two officials.";

void test_attributions(void)
{
	dsr_analysis an = S_run(
		"The Harbor Gazette reported Saturday, citing three officials familiar with the "
		"matter, that Norvik Aerospace had agreed to build up to 600 Kestrel-9 drones.\n\n"
		"\"We will not comment on contracts,\" said Mara Lind, a spokeswoman for the company. "
		"She added that the deal was worth $40 million.\n\n"
		"Citing a customs document, the newspaper said the first drones were delivered in March.",
		"2030-05-08");
	const dsr_attribution *a = S_att(&an, "reported");
	CHECK(a != NULL);
	if (a) {
		CHECK(a->has_source);
		CHECK_STR(S_span(&an, a->source.sp), "The Harbor Gazette");
		CHECK(a->source.kind == DSR_S_OUTLET);
		/* the chain runs from the outlet to the officials it cites */
		CHECK(a->nchain == 2);
		if (a->nchain == 2) {
			CHECK_STR(a->chain[0].canonical, "Harbor Gazette");
			CHECK(a->chain[1].kind == DSR_S_OFFICIALS);
		}
		CHECK(strstr(S_span(&an, a->content), "agreed") != NULL);
	}
	a = S_att(&an, "said");
	CHECK(a && a->has_source);
	if (a && a->has_source) {
		CHECK_STR(a->source.canonical, "Mara Lind");
		CHECK(a->source.kind == DSR_S_PERSON);
		CHECK(strstr(S_span(&an, a->content), "We will not comment") != NULL);
	}
	/* a pronoun resolves to the person named before */
	a = S_att(&an, "added");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(a->source.canonical, "Mara Lind");
	/* "the newspaper" resolves to the outlet named before */
	bool paper = false;
	for (size_t i = 0; i < an.nattributions; i++)
		if (an.attributions[i].has_source &&
		    !strcmp(S_span(&an, an.attributions[i].source.sp), "the newspaper"))
			paper = !strcmp(an.attributions[i].source.canonical, "Harbor Gazette");
	CHECK(paper);
	/* an administration named after a person: the name is the person, the
	 * teller a government */
	an = S_run("The Velsen administration said on Monday that the harbor would reopen.",
		   "2030-05-08");
	const dsr_entity *e = S_ent(&an, "Velsen", 0);
	CHECK(e && e->type == DSR_E_PERSON);
	a = S_att(&an, "said");
	CHECK(a && a->has_source && a->source.kind == DSR_S_GOVERNMENT);
	/* plans and a noun of communication are documents, not people */
	an = S_run("According to plans, the Velsen plant will open in May. According to the "
		   "communique, the harbor will reopen in June.",
		   "2030-05-08");
	size_t ndoc = 0;
	for (size_t i = 0; i < an.nattributions; i++)
		ndoc += an.attributions[i].has_source &&
			an.attributions[i].source.kind == DSR_S_DOCUMENT;
	CHECK(ndoc == 2);
	/* "X has agreed to buy, the Gazette reported, citing Y": the agreement's
	 * content stops before the outlet, and the one who cites is the outlet */
	an = S_run(S_buy_report, "2030-05-08");
	a = S_att(&an, "has agreed");
	CHECK(a != NULL);
	if (a)
		CHECK_STR(S_span(&an, a->content), "to buy forty gliders from Norvik Aerospace");
	a = S_att(&an, "citing");
	CHECK(a && a->has_source);
	if (a && a->has_source)
		CHECK_STR(a->source.canonical, "Harbor Gazette");
	/* an adviser's title goes before the person's name, and "he" is that person */
	an = S_run("On Monday, Velmont National Security Advisor Arlen Tosk said the ministry had "
		   "new data. He said the plant was ready.",
		   "2030-05-08");
	size_t nsul = 0;
	for (size_t i = 0; i < an.nattributions; i++)
		nsul += an.attributions[i].has_source && an.attributions[i].source.canonical &&
			!strcmp(an.attributions[i].source.canonical, "Arlen Tosk") &&
			an.attributions[i].source.kind == DSR_S_PERSON;
	CHECK(nsul == 2);
	/* "CONTENT, three officials told the newspaper": the content is all
	 * that comes before on its line, not a word the tagger picked */
	an = S_run("Feed text cut here\nxx renewed the lease on the Velmont depot early in May, and "
		   "the two firms hope to pool their trucks so that deliveries resume within weeks, "
		   "three people who saw the papers told the newspaper.",
		   "2030-05-08");
	a = S_att(&an, "told");
	CHECK(a != NULL);
	if (a)
		CHECK(!strncmp(S_span(&an, a->content), "xx renewed the lease", 20) &&
		      strstr(S_span(&an, a->content), "within weeks"));
	/* "X told the Gazette that CONTENT": the outlet relays X, as when the
	 * content comes first */
	an = S_run("A harbour pilot told the Quay Gazette that two cutters had run aground.",
		   "2030-05-08");
	a = S_att(&an, "told");
	CHECK(a && a->nchain == 2 && a->chain[0].kind == DSR_S_OUTLET &&
	      !strcmp(a->chain[0].canonical, "Quay Gazette"));
}

/* The last claim whose action is `action`, and how many there are. */
static const dsr_claim *S_action(const dsr_analysis *an, const char *action, size_t *n)
{
	const dsr_claim *last = NULL;
	*n = 0;
	for (size_t i = 0; i < an->nclaims; i++)
		if (an->claims[i].action && !strcmp(an->claims[i].action, action)) {
			last = &an->claims[i];
			++*n;
		}
	return last;
}

void test_claims(void)
{
	dsr_analysis an = S_run(
		"The Harbor Gazette reported Saturday that Norvik Aerospace had agreed to build up "
		"to 600 Kestrel-9 drones in Veloria.\n\n"
		"Norvik Aerospace denied that it had delivered any drones.\n\n"
		"The drones could be delivered next year.",
		"2030-05-08");
	/* "had agreed to build": the claim is the building */
	const dsr_claim *agree = NULL, *deliver = NULL;
	for (size_t i = 0; i < an.nclaims; i++) {
		const dsr_claim *c = &an.claims[i];
		if (c->action && !strcmp(c->action, "build"))
			agree = c;
		if (c->action && !strcmp(c->action, "deliver") && !deliver)
			deliver = c;
	}
	/* the cue starts at the verb: a name is no cue ("Gazette reported") */
	bool reported = false;
	for (size_t i = 0; i < an.nattributions; i++)
		if (strstr(S_span(&an, an.attributions[i].cue), "reported"))
			reported = !strncmp(S_span(&an, an.attributions[i].cue), "reported", 8);
	CHECK(reported);
	CHECK(agree != NULL);
	if (agree) {
		CHECK(agree->actor && !strcmp(agree->actor, "Norvik Aerospace"));
		CHECK(agree->theme && !strcmp(agree->theme, "Kestrel-9"));
		CHECK(agree->nquantities == 1);
		CHECK(agree->nplaces == 1 && !strcmp(agree->places[0], "Veloria"));
		CHECK(agree->attribution >= 0);
		CHECK(!agree->negated && !agree->hedged);
	}
	CHECK(deliver != NULL);
	if (deliver)
		CHECK(deliver->negated);
	/* the article's own voice, hedged */
	const dsr_claim *last = an.nclaims ? &an.claims[an.nclaims - 1] : NULL;
	CHECK(last && last->hedged && last->attribution == -1);
	/* negation belongs to its own clause */
	an = S_run("The crates were shipped to Veloria in May, a move that has not been made public.\n\n"
		   "No contract has been signed with the navy.",
		   "2030-05-08");
	CHECK(an.nclaims == 2);
	if (an.nclaims == 2) {
		CHECK(!strcmp(an.claims[0].action, "ship") && !an.claims[0].negated);
		CHECK(!strcmp(an.claims[1].action, "sign") && an.claims[1].negated);
	}
	/* "has agreed to buy" inside what the officials told: one claim, the
	 * buyer's, carried by the officials' attribution */
	an = S_run("The island state of Corvel has agreed to buy 40 patrol boats from Ostrand Yards, "
		   "two officials told the Meridian Daily.",
		   "2030-05-08");
	size_t nbuy;
	const dsr_claim *c = S_action(&an, "buy", &nbuy);
	CHECK(nbuy == 1);
	if (c) {
		CHECK(c->actor && !strcmp(c->actor, "Corvel"));
		CHECK(c->attribution >= 0 &&
		      strstr(S_span(&an, an.attributions[c->attribution].cue), "told"));
	}
	/* the same when an outlet reports it after the fact, citing officials */
	an = S_run(S_buy_report, "2030-05-08");
	c = S_action(&an, "buy", &nbuy);
	CHECK(nbuy == 1);
	if (c) {
		CHECK(c->actor && !strcmp(c->actor, "Velsen"));
		CHECK(c->nquantities == 1);
		CHECK(c->attribution >= 0 && an.attributions[c->attribution].nchain >= 1 &&
		      !strcmp(an.attributions[c->attribution].chain[0].canonical, "Harbor Gazette"));
	}
	/* a lead whose report cue comes last and whose opening words the tagger
	 * read as a cue of their own: the agreement is still a claim, and no
	 * stray piece of that content makes one */
	an = S_run("After days of savaging coastal villages with Norvish-built gliders, Ostrava has "
		   "quietly struck an agreement with Kelvar to start assembling scores of gliders on "
		   "its own land, the Harbor Gazette said Friday, citing fresh findings shared with "
		   "allied navies.\nxx sealed the pact at talks in Kelvar in mid-March, and both "
		   "sides now plan to swap blueprints and parts that could let output begin within "
		   "weeks, two aides briefed on the talks told the paper.",
		   "2030-05-08");
	bool agreed = false, stray = false;
	for (size_t i = 0; i < an.nclaims; i++) {
		const dsr_claim *x = &an.claims[i];
		agreed |= x->actor && !strcmp(x->actor, "Ostrava") && !strcmp(x->action, "agree");
		stray |= x->clause.end - x->clause.start < 4;
	}
	CHECK(agreed);
	CHECK(!stray);
	/* a passive clause is about its subject's head noun, a regular plural
	 * included, not a made-in adjective before it; "reportedly" hedges */
	an = S_run("Corvel-made gliders were reportedly used in a raid on the port of Ostrand.",
		   "2030-05-08");
	const dsr_claim *use = NULL;
	for (size_t i = 0; i < an.nclaims; i++)
		if (an.claims[i].action && !strcmp(an.claims[i].action, "use"))
			use = &an.claims[i];
	CHECK(use != NULL);
	if (use) {
		CHECK(use->theme && !strcmp(use->theme, "glider"));
		CHECK(!use->actor);
		CHECK(use->hedged);
	}
	/* "Corvel-made" names Corvel, and is no product */
	bool corvel = false;
	for (size_t i = 0; i < an.nentities; i++)
		if (!strcmp(S_span(&an, an.entities[i].sp), "Corvel-made"))
			corvel = !strcmp(an.entities[i].canonical, "Corvel") &&
				 an.entities[i].type != DSR_E_EQUIPMENT;
	CHECK(corvel);
	/* the theme: a regular plural after the verb, an acronym counted */
	an = S_run("Corvel supplied its gliders to Velmont in the second year of the war.\n\n"
		   "Ostrand has agreed to deliver up to 300 UAVs.",
		   "2030-05-08");
	const dsr_claim *sup = NULL, *del = NULL;
	for (size_t i = 0; i < an.nclaims; i++) {
		if (an.claims[i].action && !strcmp(an.claims[i].action, "supply"))
			sup = &an.claims[i];
		if (an.claims[i].action && !strcmp(an.claims[i].action, "deliver"))
			del = &an.claims[i];
	}
	CHECK(sup && sup->theme && !strcmp(sup->theme, "glider"));
	CHECK(del && del->theme && !strcmp(del->theme, "UAV"));
	/* "provide X with UAVs": the acronym is the theme; a cue word right
	 * after "is" is the predicate of its own content ("is looking to") */
	an = S_run("Corvel is preparing to provide Ostrand with several UAVs for its navy.",
		   "2030-05-08");
	CHECK(an.nclaims == 1 && an.claims[0].theme && !strcmp(an.claims[0].theme, "UAV"));
	an = S_run("Mara Lind said the ministry had intelligence indicating that Norland is looking "
		   "to Velmont for UAVs.",
		   "2030-05-08");
	bool look = false;
	for (size_t i = 0; i < an.nclaims; i++)
		look |= an.claims[i].action && !strcmp(an.claims[i].action, "look");
	CHECK(look);
	/* a word that is also a noun is the predicate when an object follows it */
	an = S_run("Mara Lind said that bad deals between Corvel and Ostrand pose a growing threat "
		   "to the region.",
		   "2030-05-08");
	size_t npose;
	S_action(&an, "pose", &npose);
	CHECK(npose == 1);
	/* a nationality acts for its country, so the claim merges with one naming it */
	an = S_run("The Norwegian ministry agreed to supply Ostrand with gliders.", "2030-05-08");
	CHECK(an.nclaims == 1 && an.claims[0].actor && !strcmp(an.claims[0].actor, "Norway"));
	/* "of any real use" is a noun: the clause's predicate is "be" */
	an = S_run("Velmont and Norland are far too small to be of any real use.", "2030-05-08");
	for (size_t i = 0; i < an.nclaims; i++)
		CHECK(!an.claims[i].action || strcmp(an.claims[i].action, "use"));
}

/* Predicates and tellers: a cue's verb standing in, "have" as a verb, adverbs
 * around the cue. */
/* the newsroom's own doings are no claims */
/* A heading in capitals is no claim; an owner's "'s" is no "is"; of a
 * plural and a past form side by side, the past form is the verb. */
void test_claims_shapes(void)
{
	dsr_analysis an = S_run("TARNBY MAYOR VOWS TO CLOSE HARBOR ROAD\n\n"
				"Prices rose by 4 percent in March. Allies of the mayor defended "
				"the agent's actions as lawful.",
				"2030-05-08");
	bool rise = false;
	for (size_t i = 0; i < an.nclaims; i++) {
		const dsr_claim *c = &an.claims[i];
		CHECK(strcmp(c->action, "vow") != 0 && strcmp(c->action, "close") != 0);
		CHECK(strcmp(c->action, "price") != 0 && strcmp(c->action, "be") != 0);
		rise |= !strcmp(c->action, "rise");
	}
	CHECK(rise);
}

void test_claims_newsroom(void)
{
	dsr_analysis an = S_run("The Harbor Gazette reached out to the ministry for comment. Norvik did "
				"not immediately respond to a request for comment. The ministry "
				"declined to comment. The Meridian News Agency contributed to this "
				"report. Norvik said it would deliver 40 drones.",
				"2030-05-08");
	CHECK(an.nclaims == 1);
	for (size_t i = 0; i < an.nclaims; i++)
		CHECK_STR(an.claims[i].action, "deliver");
}

void test_claim_verbs(void)
{
	size_t n;
	/* the cue's verb stands in, not an adverb after it */
	dsr_analysis an = S_run("Lundmark approved overwhelmingly on Tuesday, the Ledger reported.", "2030-05-08");
	const dsr_claim *ok = S_action(&an, "approve", &n);
	CHECK(ok && n == 1);
	/* and the one who acts is no teller: the Ledger tells it */
	const dsr_attribution *rep = S_att(&an, "reported");
	CHECK(ok && rep && ok->attribution == rep - an.attributions);
	/* a rejection with no verb of its own is the rejecting, not a negated
	 * nothing; "the plan" is no hedge, the adverb no part of the teller */
	an = S_run("The port council narrowly rejected the plan on Monday, the Quay Ledger reported.",
		   "2030-05-08");
	const dsr_claim *rej = S_action(&an, "reject", &n);
	CHECK(rej && n == 1 && !rej->negated && !rej->hedged);
	const dsr_attribution *x = S_att(&an, "rejected");
	CHECK(x && x->has_source && !strcmp(S_span(&an, x->source.sp), "The port council") &&
	      x->source.kind == DSR_S_GOVERNMENT);
	/* "have" as the predicate, not an auxiliary */
	an = S_run("The harbour guard has four cutters in Velmont, a spokesman said.\n\n"
		   "The ministry had new figures on the catch, Mara Lind said.\n\n"
		   "Corvel has sold forty gliders.",
		   "2030-05-08");
	const dsr_claim *have = S_action(&an, "have", &n);
	CHECK(have && n == 2 && have->theme && !strcmp(have->theme, "figure"));
	CHECK(S_action(&an, "sell", &n) && n == 1);
	CHECK(!S_action(&an, "cutter", &n));
	/* a compound's head is its last noun, a regular plural included
	 * ("fishing licences", "harbour cranes") */
	an = S_run("Velmont will sell harbour cranes to Corvel, Mara Lind said.\n\n"
		   "Norland granted fishing licences to Ostrand.",
		   "2030-05-08");
	const dsr_claim *sell = S_action(&an, "sell", &n);
	CHECK(sell && sell->theme && !strcmp(sell->theme, "crane"));
	/* a name of no known kind right before its verb acts ("Velmont | will sell") */
	CHECK(sell && sell->actor && !strcmp(sell->actor, "Velmont"));
	const dsr_claim *grant = S_action(&an, "grant", &n);
	CHECK(grant && grant->theme && !strcmp(grant->theme, "licence"));
	/* a name whose parliament or shares are spoken of is a place or a firm,
	 * whatever the tagger made of it; a place acts through its parliament */
	an = S_run("Lundmark's parliament approved the plan on Tuesday.\n\n"
		   "Quorvik's shares fell 4% after the recall.", "2030-05-08");
	const dsr_claim *appr = S_action(&an, "approve", &n);
	CHECK(appr && appr->actor && !strcmp(appr->actor, "Lundmark"));
	/* "shares" after a possessive is a noun: the shares fall */
	const dsr_claim *fall = S_action(&an, "fall", &n);
	CHECK(fall && fall->actor && !strcmp(fall->actor, "Quorvik"));
	for (size_t i = 0; i < an.nentities; i++) {
		const char *nm = S_span(&an, an.entities[i].sp);
		if (!strcmp(nm, "Lundmark"))
			CHECK(an.entities[i].type == DSR_E_GPE);
		if (!strcmp(nm, "Quorvik"))
			CHECK(an.entities[i].type == DSR_E_ORG);
	}
	/* an adverb is no teller; the name before the auxiliary is */
	an = S_run("Corvel had already agreed to the sale.", "2030-05-08");
	const dsr_claim *agree = S_action(&an, "agree", &n);
	CHECK(agree && agree->actor && !strcmp(agree->actor, "Corvel"));
	/* ... but the one who acts is no teller of the claim: "Norland is looking" */
	an = S_run("Mara Lind said the ministry had intelligence indicating that Norland is looking "
		   "to Velmont for gliders.",
		   "2030-05-08");
	const dsr_claim *look = S_action(&an, "look", &n);
	CHECK(look && look->attribution >= 0);
	if (look && look->attribution >= 0) {
		const dsr_attribution *t = &an.attributions[look->attribution];
		CHECK(t->nchain && !strcmp(t->chain[t->nchain - 1].canonical, "Mara Lind"));
	}
	/* a word seldom a noun is no theme ("moved out", "went too far") */
	an = S_run("Velmar Freight moved out of the old port in March.\n\n"
		   "The Ostrand council went too far, Mara Lind said.",
		   "2030-05-08");
	const dsr_claim *moved = S_action(&an, "move", &n);
	CHECK(moved && moved->theme && !strcmp(moved->theme, "port"));
	const dsr_claim *went = S_action(&an, "go", &n);
	CHECK(went && !went->theme);
}

/* The predicate of a clause: the noun after a light verb is its phrase's
 * head; adverbs are no verbs; "has" before an adverb and a participle is an
 * auxiliary; a noun after a nationality is no verb. */
void test_claim_predicates(void)
{
	size_t n;
	dsr_analysis an = S_run("Velmont and Ostrand made a key move on a treaty.", "2030-05-08");
	CHECK(!S_action(&an, "key", &n));
	an = S_run("Velmont had begun a key crackdown on smuggling.", "2030-05-08");
	const dsr_claim *c = S_action(&an, "begin", &n);
	CHECK(c && c->theme && !strcmp(c->theme, "crackdown"));
	CHECK(!S_action(&an, "key", &n));
	an = S_run("The Velmont fleet is still rated among the best in the north.", "2030-05-08");
	for (size_t i = 0; i < an.nclaims; i++)
		CHECK(strcmp(an.claims[i].action, "still") &&
		      (!an.claims[i].theme || strcmp(an.claims[i].theme, "still")));
	an = S_run("Norway has now become a major buyer of gliders.", "2030-05-08");
	c = S_action(&an, "become", &n);
	CHECK(c && c->actor && !strcmp(c->actor, "Norway"));
	CHECK(!S_action(&an, "have", &n));
	/* and "has" before a verb that is not of saying is no cue of a report */
	CHECK(!S_att(&an, "has"));
	an = S_run("Norwegian drones at work over the Tarn valley.", "2030-05-08");
	CHECK(!S_action(&an, "drone", &n));
	/* "speaking on condition of anonymity" is how a teller speaks, not
	 * what is told */
	an = S_run("The depot will close in May, said two officials, who spoke on condition of "
		   "anonymity. A clerk would speak on condition that her name stay out of print.",
		   "2030-05-08");
	CHECK(S_action(&an, "close", &n));
	CHECK(!S_action(&an, "speak", &n) && !S_action(&an, "condition", &n));
	/* a copula's adjective is no verb, nor a noun before the copula */
	an = S_run("The minister said the Velmont deal is fair.\n\nThe fleet was ready by May.",
		   "2030-05-08");
	CHECK(!S_action(&an, "fair", &n) && !S_action(&an, "deal", &n) && !S_action(&an, "ready", &n));
	CHECK(S_action(&an, "be", &n) && n == 2);
	an = S_run("Ostrand and Velmont have strengthened links following the summit.", "2030-05-08");
	c = S_action(&an, "strengthen", &n);
	CHECK(c && c->theme && !strcmp(c->theme, "link"));
}

/* Attributions by layout: a quotation signed with a dash, a transcript line. */
void test_attribution_layout(void)
{
	dsr_analysis an = S_run("Readers wrote in about the harbor plan.\n\n"
				"\xe2\x80\x9cWe will not sell the harbor to anyone.\xe2\x80\x9d "
				"\xe2\x80\x95 Mara Quell\n\n"
				"DELANO: We are ready to talk about the port and its future.\n\n"
				"Update: the meeting was moved.",
				"2030-05-08");
	bool dash = false, colon = false, update = false;
	for (size_t i = 0; i < an.nattributions; i++) {
		const dsr_attribution *x = &an.attributions[i];
		const char *cue = S_span(&an, x->cue);
		const char *src = x->has_source ? S_span(&an, x->source.sp) : "";
		const char *con = S_span(&an, x->content);
		if (!strcmp(cue, "\xe2\x80\x95") && !strcmp(src, "Mara Quell") && strstr(con, "sell the harbor"))
			dash = true;
		if (!strcmp(cue, ":") && !strcmp(src, "DELANO") && strstr(con, "ready to talk"))
			colon = true;
		if (!strcmp(src, "Update"))
			update = true;
	}
	CHECK(dash);
	CHECK(colon);
	CHECK(!update);
	/* a line that ends "X said:" or "X added:" tells the next paragraph */
	an = S_run("The ferry service stopped in March.\n\n"
		   "Ilse Marrow said:\n\n"
		   "\"We lost the boats and then the pier.\"\n\n"
		   "The harbor master added:\n\n"
		   "Nobody has asked the islanders what they need.\n\n"
		   "Here is what the mayor said:\n\n"
		   "The pier will close in June.\n",
		   "2030-05-08");
	bool said = false, added = false, mayor = false, here = false;
	for (size_t i = 0; i < an.nattributions; i++) {
		const dsr_attribution *x = &an.attributions[i];
		const char *src = x->has_source ? S_span(&an, x->source.sp) : "";
		const char *con = S_span(&an, x->content);
		if (!strcmp(src, "Ilse Marrow") && strstr(con, "lost the boats"))
			said = true;
		if (!strcmp(src, "The harbor master") && strstr(con, "asked the islanders"))
			added = true;
		if (strstr(src, "mayor") && strstr(con, "pier will close"))
			mayor = true;
		here |= strstr(src, "Here") || strstr(con, "Here is") != NULL;
	}
	CHECK(said);
	CHECK(added);
	CHECK(mayor);
	CHECK(!here);
}
