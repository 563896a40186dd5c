/*
 * quantity.c: counts, money, percentages and measures with their bounds.
 *
 * "up to 6,000 drones" -> COUNT 6000 up_to "drone"; "$1 billion" -> MONEY
 * 1e9 USD; "between 30 and 40 percent" -> PERCENT range 30..40. Numbers
 * inside time expressions (years, dates, durations) are left to times.
 */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "nlp.h"

typedef struct S_q {
	nlp_doc *d;
	const dsr_timex *tx;
	size_t ntx;
	uint8_t *in_time;      /* per token: inside a time expression */
} S_q;

static bool S_is(const S_q *q, size_t i, const char *w)
{
	return dsr__tk_is(q->d, i, w);
}

static const struct {
	const char *w;
	double v;
} S_words[] = {
	{"one", 1}, {"two", 2}, {"three", 3}, {"four", 4}, {"five", 5}, {"six", 6}, {"seven", 7},
	{"eight", 8}, {"nine", 9}, {"ten", 10}, {"eleven", 11}, {"twelve", 12}, {"thirteen", 13},
	{"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16}, {"seventeen", 17}, {"eighteen", 18},
	{"nineteen", 19}, {"twenty", 20}, {"thirty", 30}, {"forty", 40}, {"fifty", 50},
	{"sixty", 60}, {"seventy", 70}, {"eighty", 80}, {"ninety", 90}, {"hundred", 100},
	{"dozen", 12}, {"thousand", 1000}, {"million", 1e6}, {"billion", 1e9}, {"trillion", 1e12},
};

/* Vague plurals: "hundreds of", "dozens of": a lower bound. */
static const struct {
	const char *w;
	double v;
} S_vague[] = {{"dozens", 12}, {"scores", 20}, {"hundreds", 100}, {"thousands", 1000},
	       {"millions", 1e6}, {"billions", 1e9}, {"tens", 10}};

static double S_mult(const S_q *q, size_t i)
{
	static const struct {
		const char *w;
		double v;
	} m[] = {{"hundred", 100}, {"thousand", 1e3}, {"million", 1e6}, {"billion", 1e9},
		 {"trillion", 1e12}, {"mln", 1e6}, {"bln", 1e9}, {"bn", 1e9}, {"m", 1e6},
		 {"k", 1e3}, {"tn", 1e12}};
	for (size_t k = 0; k < sizeof m / sizeof *m; k++)
		if (S_is(q, i, m[k].w))
			return m[k].v;
	return 0;
}

/* A number at token i; returns the token after it (0 when none). */
static size_t S_number(const S_q *q, size_t i, double *v, bool *vague)
{
	nlp_doc *d = q->d;
	*vague = false;
	if (i >= d->ntok || q->in_time[i])
		return 0;
	const dsr_token *t = &d->tok[i];
	size_t e = 0;
	if (t->flags & DSR_TK_NUM) {
		const char *s = d->text + t->start;
		size_t l = tk_len(d, i);
		char buf[64];
		size_t bl = 0;
		for (size_t k = 0; k < l && bl < sizeof buf - 1; k++) {
			if (s[k] == ',')
				continue;
			if (!((s[k] >= '0' && s[k] <= '9') || s[k] == '.'))
				return 0; /* 10:30, 5th, 11/02 */
			buf[bl++] = s[k];
		}
		buf[bl] = 0;
		*v = strtod(buf, NULL);
		e = i + 1;
		/* "1.5 million" */
		double m = S_mult(q, e);
		if (m) {
			*v *= m;
			e++;
		}
		return e;
	}
	for (size_t k = 0; k < sizeof S_vague / sizeof *S_vague; k++)
		if (S_is(q, i, S_vague[k].w)) {
			*v = S_vague[k].v;
			*vague = true;
			return i + 1;
		}
	/* number words: "twenty-five", "six", "a dozen", "three million" */
	double acc = 0;
	size_t j = i;
	if ((S_is(q, j, "a") || S_is(q, j, "an")) && (S_is(q, j + 1, "dozen") ||
						       S_is(q, j + 1, "hundred") ||
						       S_is(q, j + 1, "thousand") ||
						       S_is(q, j + 1, "million") ||
						       S_is(q, j + 1, "billion"))) {
		acc = 1;
		j++;
	}
	bool any = false;
	for (; j < d->ntok && j < i + 6; j++) {
		size_t l = tk_len(d, j);
		const char *s = d->low + d->tok[j].start;
		double w = -1;
		const char *h = memchr(s, '-', l);
		for (size_t k = 0; k < sizeof S_words / sizeof *S_words; k++) {
			size_t wl = strlen(S_words[k].w);
			if (wl == l && !memcmp(s, S_words[k].w, l))
				w = S_words[k].v;
		}
		if (w < 0 && h) { /* twenty-five */
			double a = -1, b = -1;
			for (size_t k = 0; k < 28; k++) {
				size_t wl = strlen(S_words[k].w);
				if (wl == (size_t)(h - s) && !memcmp(s, S_words[k].w, wl))
					a = S_words[k].v;
				if (wl == l - (size_t)(h - s) - 1 && !memcmp(h + 1, S_words[k].w, wl))
					b = S_words[k].v;
			}
			if (a >= 20 && b >= 1 && b < 10)
				w = a + b;
		}
		if (w < 0) {
			if (any && S_is(q, j, "and") && j + 1 < d->ntok)
				continue;
			break;
		}
		if (w >= 100) {
			acc = (acc ? acc : 1) * w;
		} else {
			acc += w;
		}
		any = true;
	}
	if (!any || (j == i + 1 && acc == 1 && !S_is(q, i, "one")))
		return 0;
	if (S_is(q, j - 1, "and"))
		j--;
	*v = acc;
	return j;
}

static const struct {
	const char *sign;
	const char *code;
} S_signs[] = {{"$", "USD"}, {"us$", "USD"}, {"\xe2\x82\xac", "EUR"}, {"\xc2\xa3", "GBP"},
	       {"\xc2\xa5", "JPY"}, {"\xe2\x82\xbd", "RUB"}, {"\xe2\x82\xb9", "INR"},
	       {"\xe2\x82\xa9", "KRW"}};

static const struct {
	const char *w;
	const char *code;
} S_curw[] = {{"dollars", "USD"}, {"dollar", "USD"}, {"euros", "EUR"}, {"euro", "EUR"},
	      {"pounds", "GBP"}, {"sterling", "GBP"}, {"yen", "JPY"}, {"yuan", "CNY"},
	      {"rubles", "RUB"}, {"roubles", "RUB"}, {"rials", "IRR"}, {"rupees", "INR"},
	      {"francs", "CHF"}, {"hryvnias", "UAH"}, {"won", "KRW"}, {"pesos", "MXN"}};

static const char *S_code_word(const S_q *q, size_t i)
{
	nlp_doc *d = q->d;
	if (i >= d->ntok)
		return NULL;
	for (size_t k = 0; k < sizeof S_curw / sizeof *S_curw; k++)
		if (S_is(q, i, S_curw[k].w))
			return S_curw[k].code;
	/* ISO codes written out: USD 5 million, 5 million EUR */
	if ((d->tok[i].flags & DSR_TK_UPPER) && tk_len(d, i) == 3) {
		static const char *const codes[] = {"usd", "eur", "gbp", "jpy", "cny", "rub",
						    "chf", "cad", "aud", "inr", "irr", "uah", NULL};
		for (size_t k = 0; codes[k]; k++)
			if (S_is(q, i, codes[k])) {
				char *c = dsr_arena_alloc(d->arena, 4);
				for (int z = 0; z < 3; z++)
					c[z] = (char)(codes[k][z] - 32);
				c[3] = 0;
				return c;
			}
	}
	return NULL;
}

static const char *S_sign(const S_q *q, size_t i, size_t *used)
{
	nlp_doc *d = q->d;
	if (i >= d->ntok)
		return NULL;
	size_t l = tk_len(d, i);
	const char *s = d->low + d->tok[i].start;
	for (size_t k = 0; k < sizeof S_signs / sizeof *S_signs; k++) {
		size_t sl = strlen(S_signs[k].sign);
		if (sl == l && !memcmp(s, S_signs[k].sign, l)) {
			*used = 1;
			return S_signs[k].code;
		}
	}
	/* "US$", "HK$", "C$", "AU$": a country's letters glued to "$" name its dollar */
	static const struct {
		const char *p, *code;
	} dollar[] = {{"us", "USD"}, {"hk", "HKD"}, {"c", "CAD"}, {"ca", "CAD"}, {"a", "AUD"},
		      {"au", "AUD"}, {"nz", "NZD"}, {"s", "SGD"}, {"nt", "TWD"}, {"r", "BRL"},
		      {"mx", "MXN"}};
	if (l <= 2 && i + 1 < d->ntok && d->tok[i + 1].start == d->tok[i].end &&
	    d->text[d->tok[i + 1].start] == '$' &&
	    (d->tok[i].flags & (l == 1 ? DSR_TK_CAP : DSR_TK_UPPER)))
		for (size_t k = 0; k < sizeof dollar / sizeof *dollar; k++)
			if (strlen(dollar[k].p) == l && !memcmp(s, dollar[k].p, l)) {
				*used = 2;
				return dollar[k].code;
			}
	const char *c = S_code_word(q, i);
	if (c && (d->tok[i].flags & DSR_TK_UPPER)) {
		*used = 1;
		return c;
	}
	return NULL;
}

/* Units of measure: a number before one measures, it counts nothing
 * ("a 9 mm pistol", "155mm shells", "a 12-mile fence" are no 9 pistols,
 * 155 shells or 12 fences). */
static const char *const S_measures[] = {
	"km", "kilometers", "kilometres", "kilometer", "kilometre", "miles", "mile", "meters",
	"metres", "meter", "metre", "feet", "foot", "ft", "yards", "yard", "inches", "inch",
	"mm", "millimeters", "millimetres", "millimeter", "millimetre", "cm", "centimeters",
	"centimetres", "centimeter", "centimetre", "caliber", "calibre", "tons", "tonnes", "ton",
	"tonne", "kg", "kilograms", "kilogram", "grams", "gram", "mg", "milligrams", "pounds",
	"lb", "lbs", "ounces", "oz", "barrels", "barrel", "liters", "litres", "liter", "litre",
	"gallons", "gallon", "acres", "acre", "hectares", "hectare", "mph", "kph", "knots",
	"kilowatts", "kilowatt", "kw", "megawatts", "megawatt", "gigawatts", "gigawatt", "mw",
	"gw", "kwh", "mwh", "gwh", "twh", "bcm", "kilotons", "kiloton", "megatons", "megaton",
	"degrees", "square", "cubic", "nautical", NULL};

static bool S_measure_word(const char *s, size_t l)
{
	for (size_t m = 0; S_measures[m]; m++)
		if (strlen(S_measures[m]) == l && !memcmp(s, S_measures[m], l))
			return true;
	return false;
}

/* The counted noun after a number: skips adjectives and "of". */
/* Is token k a noun, maybe a plural the lexicon leaves out? */
static bool S_nounish(const nlp_doc *d, size_t k)
{
	if (d->tok[k].lex & (LX_NOUN | LX_NOUNINF))
		return true;
	char lem[64];
	size_t l = tk_len(d, k), ll = dsr__lemma(d->nlp, d->low + d->tok[k].start, l, false, lem, sizeof lem);
	return ll != l && (dsr__lx_cls(d->nlp, lem, ll) & LX_NOUN);
}

static const char *S_counted(const S_q *q, size_t j, bool *measure)
{
	nlp_doc *d = q->d;
	*measure = false;
	if (S_is(q, j, "of"))
		j++;
	/* "a 12-mile fence", "155-mm shells": a unit joined by a hyphen (any
	 * other word so joined counts nothing: "a 17-member team") */
	if (j > 0 && j + 1 < d->ntok && S_is(q, j, "-") && d->tok[j].start == d->tok[j - 1].end &&
	    d->tok[j + 1].start == d->tok[j].end) {
		const char *s = d->low + d->tok[j + 1].start;
		size_t l = tk_len(d, j + 1);
		if (!S_measure_word(s, l))
			return NULL;
		j++;
	}
	for (size_t k = j; k < d->ntok && k < j + 5; k++) {
		const dsr_token *t = &d->tok[k];
		if (!(t->flags & DSR_TK_WORD) || q->in_time[k])
			return NULL;
		if (t->lex & LX_FUNC)
			return NULL;
		size_t l = tk_len(d, k);
		const char *s = d->low + t->start;
		if (S_measure_word(s, l)) {
			*measure = true;
			char lem[64];
			size_t ll = dsr__lemma(d->nlp, s, l, false, lem, sizeof lem);
			return dsr_arena_strndup(d->arena, lem, ll);
		}
		/* "6,000 UAVs": an acronym's plural */
		if (dsr__tk_plural_acronym(d, k))
			return dsr_arena_strndup(d->arena, d->text + t->start, l - 1);
		/* capitalised or hyphenated modifiers and adjectives are skipped */
		bool noun = (t->lex & (LX_NOUN | LX_NOUNINF)) != 0;
		char lem[64];
		size_t ll = dsr__lemma(d->nlp, s, l, false, lem, sizeof lem);
		if (!noun && ll != l)
			noun = (dsr__lx_cls(d->nlp, lem, ll) & LX_NOUN) != 0;
		bool adj_only = (t->lex & LX_ADJ) && !(t->lex & LX_NOUN);
		bool next_word = k + 1 < d->ntok && (d->tok[k + 1].flags & DSR_TK_WORD) &&
				 !(d->tok[k + 1].lex & (LX_FUNC | LX_VERB)) &&
				 (d->tok[k + 1].lex & LX_NOUN);
		/* a singular noun before another noun is a modifier: "patrol drones" */
		bool compound = noun && ll == l && k + 1 < d->ntok && k + 1 < j + 5 &&
				(d->tok[k + 1].flags & DSR_TK_WORD) &&
				!(d->tok[k + 1].flags & DSR_TK_CAP) && !(d->tok[k + 1].lex & LX_FUNC) &&
				S_nounish(d, k + 1);
		if (noun && !adj_only && !compound && !(next_word && (t->lex & LX_ADJ)) &&
		    !(t->flags & DSR_TK_CAP))
			return dsr_arena_strndup(d->arena, lem, ll);
		if (!(adj_only || (t->flags & DSR_TK_CAP) || memchr(s, '-', l) || noun))
			return NULL;
	}
	return NULL;
}

static dsr_bound S_bound_before(const S_q *q, size_t i, size_t *start)
{
	static const struct {
		const char *a, *b;
		dsr_bound bd;
	} p[] = {
		{"up", "to", DSR_B_UP_TO},          {"at", "least", DSR_B_AT_LEAST},
		{"more", "than", DSR_B_MORE_THAN},  {"over", NULL, DSR_B_MORE_THAN},
		{"above", NULL, DSR_B_MORE_THAN},   {"exceeding", NULL, DSR_B_MORE_THAN},
		{"less", "than", DSR_B_LESS_THAN},  {"fewer", "than", DSR_B_LESS_THAN},
		{"under", NULL, DSR_B_LESS_THAN},   {"below", NULL, DSR_B_LESS_THAN},
		{"about", NULL, DSR_B_ABOUT},       {"around", NULL, DSR_B_ABOUT},
		{"approximately", NULL, DSR_B_ABOUT}, {"nearly", NULL, DSR_B_ABOUT},
		{"almost", NULL, DSR_B_ABOUT},      {"roughly", NULL, DSR_B_ABOUT},
		{"some", NULL, DSR_B_ABOUT},        {"estimated", NULL, DSR_B_ABOUT},
		{"close", "to", DSR_B_ABOUT},       {"as", "many", DSR_B_UP_TO},
		{"as", "much", DSR_B_UP_TO},        {"no", "more", DSR_B_UP_TO},
		{"upwards", "of", DSR_B_MORE_THAN}, {"in", "excess", DSR_B_MORE_THAN},
	};
	for (size_t k = 0; k < sizeof p / sizeof *p; k++) {
		if (p[k].b) {
			/* "up to", "more than", "as many as", "no more than", "in excess of" */
			size_t need = 2;
			bool tail_as = !strcmp(p[k].b, "many") || !strcmp(p[k].b, "much");
			bool tail_than = !strcmp(p[k].a, "no");
			bool tail_of = !strcmp(p[k].b, "excess");
			if (tail_as || tail_than || tail_of)
				need = 3;
			if (i < need)
				continue;
			size_t a = i - need;
			if (S_is(q, a, p[k].a) && S_is(q, a + 1, p[k].b) &&
			    (need == 2 || S_is(q, a + 2, tail_as ? "as" : tail_than ? "than" : "of"))) {
				*start = a;
				return p[k].bd;
			}
		} else if (i >= 1 && S_is(q, i - 1, p[k].a)) {
			*start = i - 1;
			return p[k].bd;
		}
	}
	*start = i;
	return DSR_B_EXACT;
}

void dsr__quantities(nlp_doc *d, const dsr_timex *tx, size_t ntx, dsr_quantity **out,
		     size_t *nout)
{
	S_q q = {d, tx, ntx, dsr_arena_alloc(d->arena, d->ntok + 1)};
	memset(q.in_time, 0, d->ntok + 1);
	for (size_t k = 0, t = 0; k < d->ntok; k++) {
		while (t < ntx && tx[t].sp.end <= d->tok[k].start)
			t++;
		if (t < ntx && tx[t].sp.start <= d->tok[k].start)
			q.in_time[k] = 1;
	}
	size_t cap = 16, n = 0;
	dsr_quantity *v = dsr_arena_alloc(d->arena, cap * sizeof *v);
	for (size_t i = 0; i < d->ntok; i++) {
		const dsr_token *tk = &d->tok[i];
		/* only numbers, number words, currency signs and codes start a quantity */
		if (!(tk->flags & (DSR_TK_NUM | DSR_TK_PUNCT)) && !(tk->lex & (LX_NUMWORD | LX_UNIT)) &&
		    !((tk->flags & DSR_TK_UPPER) && tk_len(d, i) == 3) &&
		    !(tk_len(d, i) <= 2 && (tk->flags & (DSR_TK_UPPER | DSR_TK_CAP))) &&
		    !memchr(d->low + tk->start, '-', tk_len(d, i)))
			continue;
		size_t used = 0;
		const char *cur = S_sign(&q, i, &used);
		size_t ni = cur ? i + used : i;
		double val;
		bool vague;
		size_t e = S_number(&q, ni, &val, &vague);
		if (!e)
			continue;
		/* ordinals and designations (5th, 9M723) are not quantities */
		const char *ts = d->low + d->tok[ni].start;
		size_t tl = tk_len(d, ni);
		if ((d->tok[ni].flags & DSR_TK_NUM) && tl > 2 &&
		    (!memcmp(ts + tl - 2, "th", 2) || !memcmp(ts + tl - 2, "st", 2) ||
		     !memcmp(ts + tl - 2, "nd", 2) || !memcmp(ts + tl - 2, "rd", 2)))
			continue;
		if ((d->tok[ni].flags & DSR_TK_NUM) && ni > 0 && d->tok[ni - 1].end == d->tok[ni].start &&
		    (d->tok[ni - 1].flags & DSR_TK_WORD))
			continue; /* Su-35, F-16 split by the tokenizer */
		dsr_quantity x = {.kind = DSR_Q_COUNT, .value = val};
		size_t start;
		x.bound = S_bound_before(&q, cur ? i : ni, &start);
		if (vague && x.bound == DSR_B_EXACT)
			x.bound = DSR_B_AT_LEAST;
		/* ranges: "between 30 and 40", "30 to 40", "30-40" */
		double hi;
		bool hv;
		size_t e2;
		if ((S_is(&q, e, "to") || S_is(&q, e, "and") || S_is(&q, e, "-") ||
		     (e < d->ntok && tk_len(d, e) == 3 && !memcmp(d->text + d->tok[e].start, "\xe2\x80\x93", 3))) &&
		    !(S_is(&q, e, "and") && !(start > 0 && S_is(&q, start - 1, "between"))) &&
		    (e2 = S_number(&q, e + 1 + (S_sign(&q, e + 1, &used) ? used : 0), &hi, &hv)) &&
		    hi > val) {
			/* "5 to 10 million": the multiplier applies to both */
			if (hi >= 1e3 && val < 1e3 && hi / 1e6 == floor(hi / 1e6) &&
			    !(d->tok[e2 - 1].flags & DSR_TK_NUM))
				val *= S_mult(&q, e2 - 1) ? S_mult(&q, e2 - 1) : 1;
			x.bound = DSR_B_RANGE;
			x.low = val;
			x.high = hi;
			x.value = (val + hi) / 2;
			if (start > 0 && S_is(&q, start - 1, "between"))
				start--;
			e = e2;
		}
		if (!cur)
			cur = S_code_word(&q, e);
		if (cur) {
			x.kind = DSR_Q_MONEY;
			x.unit = cur;
			if (!used && S_code_word(&q, e))
				e++;
		} else if (S_is(&q, e, "%") || S_is(&q, e, "percent") ||
			   (S_is(&q, e, "per") && S_is(&q, e + 1, "cent"))) {
			x.kind = DSR_Q_PERCENT;
			x.unit = "%";
			e += S_is(&q, e, "per") ? 2 : 1;
		} else {
			bool meas;
			x.unit = S_counted(&q, e, &meas);
			if (meas)
				x.kind = DSR_Q_MEASURE;
			/* "hundreds" alone (no noun) and bare small digits stay counts */
		}
		if (n == cap) {
			dsr_quantity *nv = dsr_arena_alloc(d->arena, 2 * cap * sizeof *nv);
			memcpy(nv, v, n * sizeof *nv);
			v = nv;
			cap *= 2;
		}
		x.sp = (dsr_span){d->tok[start].start, d->tok[e - 1].end};
		v[n++] = x;
		i = e - 1;
	}
	*out = v;
	*nout = n;
}
