/* test_dossier.c: the dossier of a story built from invented reports:
 * copies, merged entities and claims, roots, conflicts, timeline. */
#include <stdlib.h>

#include "dossier/story.h"
#include "test.h"

static const char S_courier[] =
	"The coastal state of Tarsia has agreed to buy up to 200 Halcyon-4 sonar buoys from "
	"Brightwater Marine, two officials familiar with the talks told The Lantern Courier.\n\n"
	"The agreement was signed in Velmont on May 28, the officials said.\n\n"
	"Fishermen in Velmont said they had seen the buoys being loaded onto a ship.";

static const char S_tail[] = "\n\nThe Ridge Post counted six crates of buoys on the Velmont quay.";

static const char S_agency[] =
	"Tarsia will buy 150 Halcyon-4 sonar buoys from Brightwater Marine, three navy sources "
	"told Northline Agency.\n\n"
	"Brightwater Marine said on Wednesday that no agreement had been signed.";

static const char S_ledger[] =
	"Tarsia will buy at least 200 Halcyon-4 sonar buoys, The Lantern Courier reported on "
	"Tuesday, citing two officials.\n\n"
	"The sale would be the largest in the history of the state's navy.";

static const dsr_dos_claim *S_find(const dsr_dossier *d, const char *action, bool core,
				   const char *qtext)
{
	for (size_t i = 0; i < d->nclaims; i++) {
		const dsr_dos_claim *c = &d->claims[i];
		if (!strcmp(c->action, action) && c->core == core &&
		    (!qtext || (c->quantity_text && !strcmp(c->quantity_text, qtext))))
			return c;
	}
	return NULL;
}

static bool S_has_root(const dsr_dossier *d, const dsr_dos_claim *c, const char *root)
{
	for (size_t k = 0; c && k < c->nroots; k++)
		if (!strcmp(d->roots[c->roots[k]], root))
			return true;
	return false;
}

/* Articles a[0..n) with ids art0.., titled by their outlets, dates given. */
static void S_articles(dsr_article *a, int n, const char *const *texts,
		       const char *const *outlets, const char *const *dates)
{
	memset(a, 0, (size_t)n * sizeof *a);
	for (int i = 0; i < n; i++) {
		snprintf(a[i].id, sizeof a[i].id, "art%d", i);
		a[i].text = texts[i];
		a[i].text_len = strlen(texts[i]);
		a[i].outlet = outlets[i];
		a[i].published = dates[i];
		a[i].published_from = "given";
		a[i].title = outlets[i];
	}
}

/* Builds the dossier of articles a[0..n) made by S_articles, in a new arena. */
/* The dossier's terminal report, as a string in the arena ("" on failure). */
static const char *S_report(const dsr_dossier *d, dsr_arena *ar)
{
	dsr_buf b;
	dsr_buf_init(&b, 0);
	CHECK(dsr_dossier_report(d, &b) == DSR_OK);
	const char *r = dsr_arena_strndup(ar, b.buf ? b.buf : "", b.len);
	dsr_buf_release(&b);
	return r;
}

static dsr_err S_build(dsr_nlp *nlp, dsr_article *a, int n, const char *const *texts,
		       const char *const *outlets, const char *const *dates, dsr_arena *ar,
		       dsr_dossier *d)
{
	S_articles(a, n, texts, outlets, dates);
	dsr_arena_init(ar);
	return dsr_dossier_build(nlp, a, (size_t)n, ar, d);
}

void test_dossier(void)
{
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	char copy[sizeof S_courier + sizeof S_tail];
	memcpy(copy, S_courier, sizeof S_courier - 1);
	memcpy(copy + sizeof S_courier - 1, S_tail, sizeof S_tail);
	/* given out of order: the dossier orders them by date */
	dsr_article a[4];
	const char *texts[4] = {S_ledger, copy, S_agency, S_courier};
	const char *outlets[4] = {"The Evening Ledger", "Ridge Post", "Northline Agency",
				  "The Lantern Courier"};
	const char *dates[4] = {"2040-06-05", "2040-06-02T11:00:00Z", "2040-06-04",
				"2040-06-02T08:00:00Z"};
	dsr_arena ar;
	dsr_dossier d;
	CHECK(S_build(nlp, a, 4, texts, outlets, dates, &ar, &d) == DSR_OK);
	CHECK(d.narticles == 4);
	CHECK_STR(d.first, "2040-06-02");
	CHECK_STR(d.last, "2040-06-05");
	/* the Courier first, the Ridge Post's copy of it second */
	CHECK_STR(d.articles[0].a->outlet, "The Lantern Courier");
	CHECK(d.articles[0].copy_of == -1);
	CHECK_STR(d.articles[1].a->outlet, "Ridge Post");
	CHECK(d.articles[1].copy_of == 0 && d.articles[1].overlap > 0.8);
	CHECK(d.articles[2].copy_of == -1 && d.articles[2].overlap < 0.3);
	CHECK(d.articles[3].copy_of == -1 && d.articles[3].overlap < 0.3);
	CHECK_STR(d.title, "The Lantern Courier");
	/* Tarsia is named by every article */
	bool tarsia = false;
	for (size_t i = 0; i < d.nentities; i++)
		if (!strcmp(d.entities[i].canonical, "Tarsia"))
			tarsia = d.entities[i].articles == 4;
	CHECK(tarsia);
	/* the purchase: the Courier (its officials, its copy, the Ledger's
	 * re-report) and the agency's own sources are two origins */
	const dsr_dos_claim *core = S_find(&d, "buy", true, NULL);
	CHECK(core != NULL);
	if (core) {
		CHECK(core->nroots == 2);
		CHECK(S_has_root(&d, core, "Lantern Courier") || S_has_root(&d, core, "The Lantern Courier"));
		CHECK(S_has_root(&d, core, "Northline Agency"));
		CHECK(core->nev == 4);
	}
	/* amounts side by side */
	const dsr_dos_claim *up = S_find(&d, "buy", false, "up to 200 buoy");
	const dsr_dos_claim *least = S_find(&d, "buy", false, "at least 200 buoy");
	const dsr_dos_claim *agency = S_find(&d, "buy", false, "150 buoy");
	CHECK(up && least && agency);
	if (up && least && agency) {
		CHECK(up->nroots == 1 && up->nev == 2);
		CHECK(least->nroots == 1 && least->roots[0] == up->roots[0]);
		CHECK(agency->nroots == 1 && agency->roots[0] != up->roots[0]);
		CHECK(up->nconflicts == 2 && agency->nconflicts == 2);
	}
	size_t nq = 0, npol = 0;
	for (size_t i = 0; i < d.nconflicts; i++) {
		nq += !strcmp(d.conflicts[i].field, "quantity");
		npol += !strcmp(d.conflicts[i].field, "polarity");
	}
	CHECK(nq == 3);
	CHECK(npol == 1); /* signed, and not signed */
	const dsr_dos_claim *sign = S_find(&d, "sign", false, NULL);
	CHECK(sign && !sign->hedged); /* "May 28" is a month, not a hedge */
	/* what only the copy says is the copy's own */
	const dsr_dos_claim *count = S_find(&d, "count", false, NULL);
	CHECK(count && S_has_root(&d, count, "Ridge Post"));
	/* the timeline keeps the signing date */
	bool may28 = false;
	for (size_t i = 0; i < d.ntimeline; i++)
		may28 |= !strcmp(d.timeline[i].value, "2040-05-28");
	CHECK(may28);
	/* JSON and report */
	dsr_buf b;
	dsr_buf_init(&b, 0);
	CHECK(dsr_dossier_json(&d, &b) == DSR_OK);
	CHECK(strstr(b.buf, "\"copy_of\":\"art3\"") != NULL);
	CHECK(strstr(b.buf, "\"independent\":2") != NULL);
	dsr_buf_release(&b);
	const char *r = S_report(&d, &ar);
	CHECK(strstr(r, "CONFLICTS") && strstr(r, "[copy of The Lantern Courier"));
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}

/* A date and a place in dispute, and an actor credited with another's act. */
void test_dossier_conflicts(void)
{
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	static const char *const texts[] = {
		"The Calder accord was signed in Velmont on May 28, officials told the Orin Times.",
		"The Calder accord was signed in Velmont on June 3, the Tarsian foreign ministry said.",
		"The Calder accord was signed in Harlow on May 28, a diplomat told the Weekly Ledger.",
	};
	static const char *const outlets[] = {"Orin Times", "Coastal Wire", "Weekly Ledger"};
	dsr_article a[3];
	memset(a, 0, sizeof a);
	for (int i = 0; i < 3; i++) {
		snprintf(a[i].id, sizeof a[i].id, "c%d", i);
		a[i].text = texts[i];
		a[i].text_len = strlen(texts[i]);
		a[i].outlet = outlets[i];
		a[i].published = "2040-06-10";
		a[i].published_from = "given";
	}
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_dossier d;
	CHECK(dsr_dossier_build(nlp, a, 3, &ar, &d) == DSR_OK);
	size_t nt = 0, np = 0;
	for (size_t i = 0; i < d.nconflicts; i++) {
		const dsr_dos_conflict *c = &d.conflicts[i];
		if (!strcmp(c->field, "time")) {
			nt++;
			CHECK((!strcmp(c->va, "2040-05-28") && !strcmp(c->vb, "2040-06-03")) ||
			      (!strcmp(c->vb, "2040-05-28") && !strcmp(c->va, "2040-06-03")));
		}
		np += !strcmp(c->field, "place");
	}
	CHECK(nt >= 1);
	CHECK(np >= 1);
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}

/* Names merged across articles: spelling variants, a surname, an alias. */
void test_dossier_entities(void)
{
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	static const char *const texts[] = {
		"Defense minister Oleksandr Gavrilenko visited the Brightwater Marine shipyard on Monday. "
		"The Halcyon-4 buoy, known as the Sea Warden, was shown to him.",
		"Oleksandr Gavrylenko toured the shipyard. Gavrylenko said the Sea Warden buoys would "
		"be delivered in June.",
	};
	dsr_article a[2];
	for (int i = 0; i < 2; i++) {
		snprintf(a[i].id, sizeof a[i].id, "e%d", i);
		a[i].text = texts[i];
		a[i].text_len = strlen(texts[i]);
		a[i].outlet = i ? "Ridge Post" : "Orin Times";
		a[i].published = "2040-06-10";
	}
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_dossier d;
	CHECK(dsr_dossier_build(nlp, a, 2, &ar, &d) == DSR_OK);
	const dsr_dos_entity *minister = NULL, *buoy = NULL;
	for (size_t i = 0; i < d.nentities; i++) {
		const dsr_dos_entity *e = &d.entities[i];
		if (strstr(e->canonical, "Gav"))
			minister = minister ? minister : e;
		if (!strcmp(e->canonical, "Halcyon-4") || !strcmp(e->canonical, "Sea Warden"))
			buoy = buoy ? buoy : e;
	}
	CHECK(minister && minister->articles == 2 && minister->type == DSR_E_PERSON);
	CHECK(buoy && buoy->articles == 2);
	bool alias = false;
	for (size_t k = 0; buoy && k < buoy->naliases; k++)
		alias |= !strcmp(buoy->aliases[k], "Sea Warden") || !strcmp(buoy->aliases[k], "Halcyon-4");
	CHECK(alias);
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}

/* Two people of one surname stay two, whatever each article calls them
 * for short; nor is a man someone "called" something an alias of the caller */
void test_dossier_namesakes(void)
{
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	static const char *const texts[] = {
		"Harbor adviser Tilde Varga defended the raid on Monday. Varga said the crews acted lawfully.",
		"Former customs officer Edvin Varga criticised the raid. Varga said the crews went too far.",
		"Interior Minister Selma Quist, who called Tomas Vire a reckless agitator, defended the "
		"raid. Vire denied the charge.",
	};
	static const char *const outlets[] = {"Orin Times", "Ridge Post", "Quay Ledger"};
	static const char *const dates[] = {"2040-06-10", "2040-06-11", "2040-06-11"};
	dsr_article a[3];
	dsr_arena ar;
	dsr_dossier d;
	CHECK(S_build(nlp, a, 3, texts, outlets, dates, &ar, &d) == DSR_OK);
	int vargas = 0;
	for (size_t i = 0; i < d.nentities; i++) {
		const dsr_dos_entity *e = &d.entities[i];
		vargas += !strcmp(e->canonical, "Tilde Varga") || !strcmp(e->canonical, "Edvin Varga");
		for (size_t k = 0; k < e->naliases; k++) {
			CHECK(strcmp(e->canonical, "Tilde Varga") || strcmp(e->aliases[k], "Edvin Varga"));
			CHECK(strcmp(e->canonical, "Edvin Varga") || strcmp(e->aliases[k], "Tilde Varga"));
			CHECK(strcmp(e->canonical, "Selma Quist") || strcmp(e->aliases[k], "Tomas Vire"));
			CHECK(strcmp(e->canonical, "Tomas Vire") || strcmp(e->aliases[k], "Selma Quist"));
		}
	}
	CHECK(vargas == 2);
	dsr_arena_release(&ar);
	/* a middle initial is the same person; a surname alone is the one the
	 * story names far more often than a namesake */
	static const char *const t2[] = {
		"President Harald J. Brenn signed the port decree on Monday. Brenn said it was overdue.",
		"President Harald Brenn defended the port decree. Brenn said the docks needed it.",
		"President Brenn told reporters on Tuesday that the decree would stand.",
		"Dock worker Ilka Brenn said she welcomed the decree.",
	};
	static const char *const o2[] = {"Orin Times", "Ridge Post", "Quay Ledger", "Tarn Courier"};
	static const char *const d2[] = {"2040-06-10", "2040-06-11", "2040-06-11", "2040-06-12"};
	dsr_article b[4];
	CHECK(S_build(nlp, b, 4, t2, o2, d2, &ar, &d) == DSR_OK);
	const dsr_dos_entity *pres = NULL;
	for (size_t i = 0; i < d.nentities; i++)
		if (strstr(d.entities[i].canonical, "Harald"))
			pres = pres ? pres : &d.entities[i];
	CHECK(pres && pres->articles == 3);
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}

/* A copy that cut the name of its original's teller is no second origin. */
void test_dossier_copy_root(void)
{
	static const char orig[] =
		"Tarsia has agreed to buy 200 Halcyon-4 sonar buoys, two officials told The Lantern "
		"Courier.\n\nA spokesperson for Brightwater Aerospace, Ilse Varga, said the company "
		"does not discuss customer contracts.\n\nThe buoys can listen for ships across "
		"forty miles of open water and stay at sea for a year without service.";
	static const char copy[] =
		"Tarsia has agreed to buy 200 Halcyon-4 sonar buoys, two officials told The Lantern "
		"Courier.\n\nA spokesperson for Brightwater Aerospace said the company does not "
		"discuss customer contracts.\n\nThe buoys can listen for ships across forty miles "
		"of open water and stay at sea for a year without service.";
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	dsr_article a[2];
	memset(a, 0, sizeof a);
	const char *texts[2] = {orig, copy};
	const char *outlets[2] = {"The Lantern Courier", "Ridge Post"};
	const char *dates[2] = {"2040-06-02T08:00:00Z", "2040-06-02T11:00:00Z"};
	dsr_arena ar;
	dsr_dossier d;
	CHECK(S_build(nlp, a, 2, texts, outlets, dates, &ar, &d) == DSR_OK);
	CHECK(d.narticles == 2 && d.articles[1].copy_of == 0);
	const dsr_dos_claim *c = S_find(&d, "discuss", false, NULL);
	c = c ? c : S_find(&d, "discuss", true, NULL);
	CHECK(c != NULL);
	if (c)
		CHECK(c->nev == 2 && c->nroots == 1);
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}

/* A standing blurb is no copy: the pages of one outlet's running coverage,
 * each day under its own headline, share one summary. The same text under
 * another outlet's headline is a syndicated copy, and one outlet posting
 * the same text twice the same day is a copy too. */
void test_dossier_standing_blurb(void)
{
	static const char blurb[] =
		"Follow the Harbor Live desk for the latest from the Tarsian coast, updated through "
		"the day by our reporters in Velmont and Quorvik.";
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	dsr_article a[5];
	const char *texts[5] = {blurb, blurb, blurb, blurb, blurb};
	const char *outlets[5] = {"Harbor Live", "Harbor Live", "Harbor Live", "Coast Wire",
				  "Harbor Live"};
	const char *dates[5] = {"2040-06-02T06:00:00Z", "2040-06-03T06:00:00Z",
				"2040-06-04T06:00:00Z", "2040-06-04T09:00:00Z",
				"2040-06-04T12:00:00Z"};
	const char *titles[5] = {"Coast day 101: ferries stopped", "Coast day 102: port reopens",
				 "Coast day 103: buoys sighted", "Buoys sighted off Velmont",
				 "Coast day 103: buoys sighted"};
	S_articles(a, 5, texts, outlets, dates);
	for (int i = 0; i < 5; i++)
		a[i].title = titles[i];
	dsr_arena ar;
	dsr_arena_init(&ar);
	dsr_dossier d;
	CHECK(dsr_dossier_build(nlp, a, 5, &ar, &d) == DSR_OK);
	CHECK(d.narticles == 5);
	if (d.narticles == 5) {
		CHECK(d.articles[0].copy_of == -1);
		CHECK(d.articles[1].copy_of == -1); /* the next day's page */
		CHECK(d.articles[2].copy_of == -1);
		CHECK(d.articles[3].copy_of >= 0);  /* another outlet, another headline */
		CHECK(d.articles[4].copy_of == 2);  /* posted again the same day */
		CHECK(d.articles[1].overlap > 0.99); /* the overlap is still told */
	}
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}

/* The same verb is not yet the same claim: "Lundmark approved" and "the
 * harbour treaty was approved" share no one who acts and no thing, so they
 * stay two claims of one origin each, not one claim of two. */
void test_dossier_verb_only(void)
{
	static const char ledger[] = "In a vote on Tuesday, Lundmark approved, the Ledger reported.";
	static const char wire[] =
		"The harbour treaty was approved on Tuesday, the trade minister Piet Rask said.";
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	dsr_article a[2];
	const char *texts[2] = {ledger, wire};
	const char *outlets[2] = {"The Ledger", "Coast Wire"};
	const char *dates[2] = {"2040-09-13", "2040-09-13"};
	dsr_arena ar;
	dsr_dossier d;
	CHECK(S_build(nlp, a, 2, texts, outlets, dates, &ar, &d) == DSR_OK);
	size_t n = 0;
	for (size_t i = 0; i < d.nclaims; i++)
		if (!strcmp(d.claims[i].action, "approve")) {
			n++;
			CHECK(d.claims[i].nroots == 1);
		}
	CHECK(n == 2);
	/* the report's counts read as English: "1 copy", "2 claims", "0 conflicts" */
	const char *r = S_report(&d, &ar);
	CHECK(strstr(r, "2 articles, ") && strstr(r, "; 0 copies; ") && strstr(r, " 0 conflicts\n") &&
	      !strstr(r, " 1 conflicts") && !strstr(r, " 1 origins") && !strstr(r, " 1 claims"));
	dsr_arena_release(&ar);
	/* and one article alone: "1 article", "1 origin" */
	CHECK(S_build(nlp, a, 1, texts, outlets, dates, &ar, &d) == DSR_OK);
	r = S_report(&d, &ar);
	CHECK(strstr(r, "1 article, ") && strstr(r, "; 1 origin; "));
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}

/* An article that retells another outlet's story (its opening credits the
 * outlet in a main clause) is no second origin for what it says in its own
 * words; one that only mentions the outlet ("a day after the Gazette
 * reported") speaks for itself. */
void test_dossier_retelling(void)
{
	static const char gazette[] =
		"The port of Carrow will close its north dock for repairs in June, the harbour "
		"master told The Quay Gazette.\n\n"
		"Repairs to the north dock will cost about 4 million crowns.";
	static const char retold[] =
		"The Quay Gazette reports that the port of Carrow will shut its north dock.\n\n"
		"Repairs to the north dock will cost about 4 million crowns.";
	static const char mention[] =
		"Ferry operators in Carrow were angry on Tuesday, a day after The Quay Gazette "
		"reported the closure.\n\n"
		"Repairs to the north dock will cost about 4 million crowns.";
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	dsr_article a[3];
	const char *texts[3] = {gazette, retold, mention};
	const char *outlets[3] = {"The Quay Gazette", "Coast Daily", "Ferry Times"};
	const char *dates[3] = {"2040-09-10", "2040-09-11", "2040-09-12"};
	dsr_arena ar;
	dsr_dossier d;
	CHECK(S_build(nlp, a, 3, texts, outlets, dates, &ar, &d) == DSR_OK);
	const dsr_dos_claim *c = S_find(&d, "cost", false, NULL);
	CHECK(c && c->nev == 3 && c->nroots == 2);
	CHECK(S_has_root(&d, c, "Quay Gazette") || S_has_root(&d, c, "The Quay Gazette"));
	CHECK(S_has_root(&d, c, "Ferry Times"));
	CHECK(!S_has_root(&d, c, "Coast Daily"));
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}

/* Verbs of one meaning (WordNet: the same most frequent sense) carry one
 * claim: "supply" and "provide" from two outlets are one claim with two
 * origins; "sell" stays a claim of its own. */
void test_dossier_same_meaning(void)
{
	static const char ledger[] = "Kelmar Shipyards will supply 30 patrol boats to Ostria, two port "
				     "officials told the Harbor Ledger.";
	static const char wire[] = "Kelmar Shipyards will provide 30 patrol boats to Ostria, a navy "
				   "spokesman, Ivo Brandt, said on Monday.";
	static const char post[] = "Kelmar Shipyards will sell 30 patrol boats to Ostria, the Dunmore "
				   "Post reported.";
	dsr_nlp *nlp;
	if (dsr_nlp_new(&nlp))
		abort();
	dsr_article a[3];
	const char *texts[3] = {ledger, wire, post};
	const char *outlets[3] = {"Harbor Ledger", "Northway Wire", "Dunmore Post"};
	const char *dates[3] = {"2041-05-02", "2041-05-03", "2041-05-03"};
	dsr_arena ar;
	dsr_dossier d;
	CHECK(S_build(nlp, a, 3, texts, outlets, dates, &ar, &d) == DSR_OK);
	const dsr_dos_claim *s = S_find(&d, "supply", false, NULL);
	const dsr_dos_claim *p = S_find(&d, "provide", false, NULL);
	const dsr_dos_claim *sold = S_find(&d, "sell", false, NULL);
	CHECK(s && !p);
	CHECK(s && s->nroots == 2 && S_has_root(&d, s, "Harbor Ledger") && S_has_root(&d, s, "Ivo Brandt"));
	CHECK(sold && sold->nroots == 1);
	dsr_arena_release(&ar);
	dsr_nlp_free(nlp);
}
