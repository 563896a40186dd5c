/*
 * timex.c: time expressions (TimeML TIMEX3) over tokens, with values
 * normalized against the reference date.
 *
 * Each position tries every matcher and keeps the longest match. Relative
 * expressions resolve against the reference date ("last month", "Friday":
 * the most recent one unless the sentence speaks of the future), or, for
 * "later"/"earlier" phrases, against the previous full date in the text.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dossier/date.h"
#include "nlp.h"

typedef struct S_tx {
	nlp_doc *d;
	size_t i, e;          /* match: tokens [i, e) */
	dsr_ttype type;
	char value[40];
	const char *mod;
	/* the previous date with a day, for "a day later" */
	int ay, am, ad;
	/* the quarter a quarterly report is about, for "the quarter" and "a
	 * year earlier" */
	int qy, qq;
	/* the last year, month and quarter named, for "that year", "the
	 * following month", "that quarter" */
	int ly, lmy, lm, lqy, lq;
	bool noq;             /* the match was a year-back quarter */
} S_tx;

static bool S_is(const struct S_tx *t, size_t i, const char *w);

/* Does the sentence around token i contain the word w? */
static bool S_sent_has(const S_tx *t, size_t i, const char *w)
{
	size_t a = i;
	while (a > 0 && !(t->d->tok[a].flags & DSR_TK_SSTART))
		a--;
	for (size_t k = a; k < t->d->ntok; k++) {
		if (k > a && (t->d->tok[k].flags & DSR_TK_SSTART))
			break;
		if (S_is(t, k, w))
			return true;
	}
	return false;
}

/* A year back from the reference, as a quarter when the sentence compares
 * quarters ("net rose from a year earlier" in a quarterly report). */
static void S_year_back(struct S_tx *t, size_t i, size_t e, int y);
static long S_year_words(const struct S_tx *t, size_t i, size_t *next);

/* ---- calendar helpers ---- */

static void S_civil(long z, int *y, int *m, int *d)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long yy = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yy + (*m <= 2));
}

static int S_wday(long days) /* 0 = Sunday */
{
	long w = (days + 4) % 7;
	return (int)(w < 0 ? w + 7 : w);
}

static void S_isoweek(int y, int m, int d, int *wy, int *wk)
{
	long days = dsr_days_from_civil(y, m, d);
	int wd = (S_wday(days) + 6) % 7; /* 0 = Monday */
	long thu = days - wd + 3;
	int ty, tm, td;
	S_civil(thu, &ty, &tm, &td);
	long jan1 = dsr_days_from_civil(ty, 1, 1);
	*wy = ty;
	*wk = (int)((thu - jan1) / 7 + 1);
}

static int S_mdays(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return md[(m - 1) % 12];
}

/* ---- token helpers ---- */

static const char *S_w(const S_tx *t, size_t i, size_t *len)
{
	*len = tk_len(t->d, i);
	return t->d->low + t->d->tok[i].start;
}

static bool S_is(const S_tx *t, size_t i, const char *w)
{
	return dsr__tk_is(t->d, i, w);
}

static bool S_any(const S_tx *t, size_t i, const char *const *ws)
{
	for (; *ws; ws++)
		if (S_is(t, i, *ws))
			return true;
	return false;
}

static bool S_tok_num(const S_tx *t, size_t i, long *v)
{
	if (i >= t->d->ntok || !(t->d->tok[i].flags & DSR_TK_NUM))
		return false;
	size_t l;
	const char *s = S_w(t, i, &l);
	long x = 0;
	for (size_t k = 0; k < l; k++) {
		if (s[k] < '0' || s[k] > '9')
			return false;
		if (x < 100000000)
			x = x * 10 + (s[k] - '0');
	}
	*v = x;
	return true;
}

static const char *const S_numw[] = {"zero", "one", "two", "three", "four", "five", "six",
				     "seven", "eight", "nine", "ten", "eleven", "twelve",
				     "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
				     "eighteen", "nineteen", "twenty"};
static const char *const S_tens[] = {"thirty", "forty", "fifty", "sixty", "seventy", "eighty",
				     "ninety", "hundred"};

/* A count at token i: digits, a number word, "a"/"an" (1), "a couple" (2),
 * "a few" / "several" / "some" (-1, unknown). Returns the token after it. */
static size_t S_count(const S_tx *t, size_t i, long *v)
{
	if (i >= t->d->ntok)
		return 0;
	if (S_tok_num(t, i, v))
		return *v > 0 && *v < 10000 ? i + 1 : 0;
	if (S_is(t, i, "a") || S_is(t, i, "an") || S_is(t, i, "one")) {
		/* "a couple of years" counts two */
		if (S_is(t, i + 1, "few") || S_is(t, i + 1, "couple")) {
			*v = S_is(t, i + 1, "couple") ? 2 : -1;
			return S_is(t, i + 2, "of") ? i + 3 : i + 2;
		}
		*v = 1;
		return i + 1;
	}
	if (S_is(t, i, "couple")) {
		*v = 2;
		return S_is(t, i + 1, "of") ? i + 2 : i + 1;
	}
	if (S_is(t, i, "several") || S_is(t, i, "few") || S_is(t, i, "many") ||
	    S_is(t, i, "some")) {
		*v = -1;
		return i + 1;
	}
	for (size_t k = 0; k < sizeof S_numw / sizeof *S_numw; k++)
		if (S_is(t, i, S_numw[k])) {
			*v = (long)k;
			return i + 1;
		}
	for (size_t k = 0; k < sizeof S_tens / sizeof *S_tens; k++)
		if (S_is(t, i, S_tens[k])) {
			*v = k == 7 ? 100 : (long)(30 + 10 * k);
			for (size_t u = 1; u < 10 && k < 7; u++)
				if (S_is(t, i + 1, S_numw[u])) {
					*v += (long)u;
					return i + 2;
				}
			return i + 1;
		}
	if (S_is(t, i, "twenty"))
		for (size_t u = 1; u < 10; u++)
			if (S_is(t, i + 1, S_numw[u])) {
				*v = 20 + (long)u;
				return i + 2;
			}
	return 0;
}

/* Time units: Y year, M month, W week, D day, H hour, N minute, S second,
 * Q quarter, E decade, C century. `plural` is set for "years". */
static char S_unit(const S_tx *t, size_t i, bool *plural)
{
	static const struct {
		const char *w;
		char u;
		bool pl;
	} u[] = {
		{"year", 'Y', 0}, {"years", 'Y', 1}, {"month", 'M', 0}, {"months", 'M', 1},
		{"week", 'W', 0}, {"weeks", 'W', 1}, {"day", 'D', 0}, {"days", 'D', 1},
		{"hour", 'H', 0}, {"hours", 'H', 1}, {"minute", 'N', 0}, {"minutes", 'N', 1},
		{"second", 'S', 0}, {"seconds", 'S', 1}, {"quarter", 'Q', 0}, {"quarters", 'Q', 1},
		{"decade", 'E', 0}, {"decades", 'E', 1}, {"century", 'C', 0},
		{"centuries", 'C', 1}, {"weekend", 'K', 0}, {"weekends", 'K', 1},
	};
	if (i >= t->d->ntok)
		return 0;
	for (size_t k = 0; k < sizeof u / sizeof *u; k++)
		if (S_is(t, i, u[k].w)) {
			if (plural)
				*plural = u[k].pl;
			return u[k].u;
		}
	/* "two-year", "three-month", "24-hour": hyphenated adjectives */
	size_t l;
	const char *s = S_w(t, i, &l);
	const char *h = memchr(s, '-', l);
	if (h && h > s) {
		for (size_t k = 0; k < sizeof u / sizeof *u; k++)
			if (!u[k].pl && strlen(u[k].w) == (size_t)(s + l - h - 1) &&
			    !memcmp(h + 1, u[k].w, strlen(u[k].w))) {
				if (plural)
					*plural = false;
				return (char)(u[k].u | 0x80);
			}
	}
	return 0;
}

/* The number before a hyphenated unit ("two-year" -> 2). */
static long S_hyph_count(const S_tx *t, size_t i)
{
	size_t l;
	const char *s = S_w(t, i, &l);
	const char *h = memchr(s, '-', l);
	size_t nl = (size_t)(h - s);
	if (nl && s[0] >= '0' && s[0] <= '9')
		return strtol(s, NULL, 10);
	for (size_t k = 0; k < sizeof S_numw / sizeof *S_numw; k++)
		if (strlen(S_numw[k]) == nl && !memcmp(s, S_numw[k], nl))
			return (long)k;
	for (size_t k = 0; k < sizeof S_tens / sizeof *S_tens; k++)
		if (strlen(S_tens[k]) == nl && !memcmp(s, S_tens[k], nl))
			return k == 7 ? 100 : (long)(30 + 10 * k);
	return 0;
}

static int S_month(const S_tx *t, size_t i)
{
	if (i >= t->d->ntok || !(t->d->tok[i].lex & LX_MONTH))
		return 0;
	size_t l, used;
	const char *s = S_w(t, i, &l);
	if (s[l - 1] == '.')
		l--;
	/* "may" and "march" are also words: require a capital */
	if ((!memcmp(s, "may", 3) || !memcmp(s, "march", 5) || l <= 3) &&
	    !(t->d->tok[i].flags & DSR_TK_CAP))
		return 0;
	int m = dsr_month_from_name(s, l, &used);
	return used == l ? m : 0;
}

static int S_weekday(const S_tx *t, size_t i)
{
	static const char *const wd[] = {"sunday", "monday", "tuesday", "wednesday", "thursday",
					 "friday", "saturday"};
	if (i >= t->d->ntok || !(t->d->tok[i].lex & LX_WEEKDAY) ||
	    !(t->d->tok[i].flags & DSR_TK_CAP))
		return -1;
	for (int k = 0; k < 7; k++)
		if (S_is(t, i, wd[k]))
			return k;
	return -1;
}

/* Does the sentence around token i speak of the future? */
static bool S_future(const S_tx *t, size_t i)
{
	static const char *const fw[] = {"will", "'ll", "shall", "going", "planned", "planning",
					 "scheduled", "slated", "expected", "expects", "due",
					 "next", "upcoming", NULL};
	size_t a = i > 8 ? i - 8 : 0, b = i + 3 < t->d->ntok ? i + 3 : t->d->ntok;
	/* "said on Friday", "announced Friday": the saying is past */
	for (size_t k = i > 3 ? i - 3 : 0; k < i; k++)
		if ((t->d->tok[k].lex & LX_REPORT) && t->d->low[t->d->tok[k].end - 1] == 'd')
			return false;
	/* "as soon as Tuesday", "as early as next week", "set to resume Monday" */
	if (i >= 3 && S_is(t, i - 1, "as") && (S_is(t, i - 2, "soon") || S_is(t, i - 2, "early")) &&
	    S_is(t, i - 3, "as"))
		return true;
	for (size_t k = i > 6 ? i - 6 : 0; k + 1 < i; k++)
		if (S_is(t, k, "set") && S_is(t, k + 1, "to"))
			return true;
	/* a date something becomes due: "payable Jan. 2", "effective Feb. 1" */
	static const char *const dw[] = {"payable", "effective", NULL};
	for (size_t k = i > 2 ? i - 2 : 0; k < i; k++)
		if (S_any(t, k, dw))
			return true;
	for (size_t k = a; k < b; k++) {
		if (k > i && (t->d->tok[k].flags & DSR_TK_SSTART))
			break;
		if (k == i)
			continue;
		/* "plans to", "is to resume", not "a cooperation plan Friday" */
		bool plan = (S_is(t, k, "plan") || S_is(t, k, "plans") || S_is(t, k, "is") ||
			     S_is(t, k, "are")) && S_is(t, k + 1, "to");
		if (!plan && !S_any(t, k, fw))
			continue;
		/* "had been due to expire Friday": a schedule seen from the past */
		for (size_t h = k > 3 ? k - 3 : 0; h < k; h++)
			if (S_is(t, h, "had"))
				return false;
		return true;
	}
	return false;
}

static bool S_ref(const S_tx *t)
{
	return t->d->ref_y > 0;
}

static void S_set(S_tx *t, size_t e, dsr_ttype type, const char *mod, const char *fmt, ...)
	DSR_PRINTF(5, 6);

#include <stdarg.h>
static void S_set(S_tx *t, size_t e, dsr_ttype type, const char *mod, const char *fmt, ...)
{
	if (e <= t->e)
		return; /* keep the longest */
	t->e = e;
	t->type = type;
	t->mod = mod;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(t->value, sizeof t->value, fmt, ap);
	va_end(ap);
}

/* Year of a month/day without a year: the most recent one in past-tense
 * reporting, the next one in future tense. */
static void S_year_back(struct S_tx *t, size_t i, size_t e, int y)
{
	/* in a report of quarterly results (a quarter named in the sentence, or
	 * earlier in the article) "a year earlier" is that quarter a year back */
	if (S_sent_has(t, i, "quarter") || S_sent_has(t, i, "period") ||
	    S_sent_has(t, i, "quarterly") || t->qy) {
		int qy = t->qy, qq = t->qq, M = t->d->ref_m;
		if (!qy) {
			qy = M <= 3 ? t->d->ref_y - 1 : t->d->ref_y;
			qq = M <= 3 ? 4 : (M - 1) / 3;
		}
		S_set(t, e, DSR_T_DATE, NULL, "%04d-Q%d", qy - 1, qq);
		t->noq = true;
	} else
		S_set(t, e, DSR_T_DATE, NULL, "%04d", y);
}

static int S_guess_year(const S_tx *t, size_t i, int m, int d)
{
	int y = t->d->ref_y;
	if (d == 0)
		d = 1;
	long ref = dsr_days_from_civil(t->d->ref_y, t->d->ref_m, t->d->ref_d);
	long x = dsr_days_from_civil(y, m, d);
	bool fut = S_future(t, i);
	/* news names near future dates too ("talks resume Dec. 7"): a date up
	 * to two months ahead stays in this year, unless the sentence is past */
	long ahead = fut ? 300 : (d == 1 ? 75 : 60);
	if (i > 0 && (S_is(t, i - 1, "this")))
		return y;
	if (x > ref + ahead)
		y--;
	else if (fut && x < ref - 7)
		y++;
	return y;
}

static long S_year_tok(const S_tx *t, size_t i)
{
	long y;
	if (i < t->d->ntok && S_tok_num(t, i, &y) && tk_len(t->d, i) == 4 && y >= 1000 && y <= 2200)
		return y;
	/* '89 */
	if (i + 1 < t->d->ntok && tk_len(t->d, i) == 1 && t->d->text[t->d->tok[i].start] == '\'' &&
	    S_tok_num(t, i + 1, &y) &&
	    tk_len(t->d, i + 1) == 2)
		return y < 30 ? 2000 + y : 1900 + y;
	return 0;
}

static long S_day_tok(const S_tx *t, size_t i, size_t *next)
{
	long v;
	if (i >= t->d->ntok)
		return 0;
	size_t l;
	const char *s = S_w(t, i, &l);
	if (l <= 4 && s[0] >= '0' && s[0] <= '9') {
		v = strtol(s, NULL, 10);
		size_t dl = v >= 10 ? 2 : 1;
		if (v >= 1 && v <= 31 &&
		    (l == dl || (l == dl + 2 && (!memcmp(s + dl, "th", 2) || !memcmp(s + dl, "st", 2) ||
						 !memcmp(s + dl, "nd", 2) || !memcmp(s + dl, "rd", 2))))) {
			*next = i + 1;
			return v;
		}
	}
	return 0;
}

/* ---- matchers ---- */

/* Month names with day and year in either order; numeric dates. */
static void S_m_calendar(S_tx *t)
{
	size_t i = t->i, nx;
	int m = S_month(t, i);
	if (m) {
		size_t j = i + 1;
		long d = S_day_tok(t, j, &nx);
		if (d) {
			j = nx;
			size_t k = j + (S_is(t, j, ",") ? 1 : 0);
			long y = S_year_tok(t, k);
			if (y) {
				S_set(t, k + 1 + (t->d->text[t->d->tok[k].start] == '\''), DSR_T_DATE, NULL,
				      "%04ld-%02d-%02ld", y, m, d);
				return;
			}
			if (S_ref(t))
				S_set(t, j, DSR_T_DATE, NULL, "%04d-%02d-%02ld",
				      S_guess_year(t, i, m, (int)d), m, d);
			else
				S_set(t, j, DSR_T_DATE, NULL, "XXXX-%02d-%02ld", m, d);
			return;
		}
		size_t k = j + (S_is(t, j, ",") || S_is(t, j, "of") ? 1 : 0);
		size_t wn;
		long y = S_year_words(t, k, &wn);
		if (y) { /* "January nineteen ninety-seven" */
			S_set(t, wn, DSR_T_DATE, NULL, "%04ld-%02d", y, m);
			return;
		}
		y = S_year_tok(t, k);
		if (y) {
			S_set(t, k + 1 + (t->d->text[t->d->tok[k].start] == '\''), DSR_T_DATE, NULL,
			      "%04ld-%02d", y, m);
			return;
		}
		/* a lone month: not "May" as a verb at a sentence start, not "Jan" */
		if (S_is(t, i, "may") && (t->d->tok[i].flags & DSR_TK_SSTART))
			return;
		if (tk_len(t->d, i) <= 4 && !S_is(t, i, "may") && !S_is(t, i, "june") &&
		    !S_is(t, i, "july"))
			return;
		if (S_ref(t)) {
			/* "June last year", "January this year", "May next year" */
			bool pl;
			int off = S_is(t, i + 1, "last") ? -1 : S_is(t, i + 1, "next") ? 1 : 0;
			if ((off || S_is(t, i + 1, "this")) && S_unit(t, i + 2, &pl) == 'Y' && !pl) {
				S_set(t, i + 3, DSR_T_DATE, NULL, "%04d-%02d", t->d->ref_y + off, m);
				return;
			}
			/* "last May": the latest May before this month; "next May" */
			if (i > 0 && (S_is(t, i - 1, "last") || S_is(t, i - 1, "next")))
				return; /* matched from the word before */
			S_set(t, i + 1, DSR_T_DATE, NULL, "%04d-%02d", S_guess_year(t, i, m, 1), m);
		} else
			S_set(t, i + 1, DSR_T_DATE, NULL, "XXXX-%02d", m);
		return;
	}
	/* 24 February 2022, 24th of February */
	long d = S_day_tok(t, i, &nx);
	if (d) {
		size_t j = nx + (S_is(t, nx, "of") ? 1 : 0);
		m = S_month(t, j);
		if (m) {
			size_t k = j + 1 + (S_is(t, j + 1, ",") ? 1 : 0);
			long y = S_year_tok(t, k);
			if (y)
				S_set(t, k + 1, DSR_T_DATE, NULL, "%04ld-%02d-%02ld", y, m, d);
			else if (S_ref(t))
				S_set(t, j + 1, DSR_T_DATE, NULL, "%04d-%02d-%02ld",
				      S_guess_year(t, i, m, (int)d), m, d);
			else
				S_set(t, j + 1, DSR_T_DATE, NULL, "XXXX-%02d-%02ld", m, d);
			return;
		}
	}
	/* numeric: 2022-11-05, 11/02/89, 1998-08-08 12:30:00 */
	if (t->d->tok[i].flags & DSR_TK_NUM) {
		size_t l;
		const char *s = S_w(t, i, &l);
		dsr_date dd;
		size_t used;
		int a, b, c;
		char sep;
		if (l >= 6 && l <= 10 && sscanf(s, "%d%c%d", &a, &sep, &b) == 3 && sep == '/') {
			/* US order month/day/year */
			if (sscanf(s, "%d/%d/%d", &a, &b, &c) == 3 && a >= 1 && a <= 12 && b >= 1 &&
			    b <= 31) {
				if (c < 100)
					c += c < 30 ? 2000 : 1900;
				size_t e = i + 1;
				bool tm = false;
				if (e < t->d->ntok && (t->d->tok[e].flags & DSR_TK_NUM) &&
				    memchr(t->d->low + t->d->tok[e].start, ':', tk_len(t->d, e))) {
					e++;
					tm = true;
				}
				S_set(t, e, tm ? DSR_T_TIME : DSR_T_DATE, NULL, "%04d-%02d-%02d", c, a, b);
			}
			return;
		}
		/* ISO forms are split by the tokenizer at '-': 1998 - 08 - 08 */
		size_t e = i;
		size_t end = t->d->tok[i].end;
		while (e + 1 < t->d->ntok && t->d->tok[e + 1].start == end && e - i < 6) {
			e++;
			end = t->d->tok[e].end;
		}
		if (e > i && dsr_date_parse(t->d->text + t->d->tok[i].start,
					    end - t->d->tok[i].start, &dd, &used) == DSR_OK &&
		    used == end - t->d->tok[i].start && dd.day) {
			size_t k = e + 1;
			bool tm = false;
			if (k < t->d->ntok && (t->d->tok[k].flags & DSR_TK_NUM) &&
			    memchr(t->d->low + t->d->tok[k].start, ':', tk_len(t->d, k))) {
				k++;
				tm = true;
			}
			S_set(t, k, tm ? DSR_T_TIME : DSR_T_DATE, NULL, "%04d-%02d-%02d", dd.year,
			      dd.month, dd.day);
		}
	}
}

/* 10-99 in words at token i ("ninety-six", "ninety six", "twelve"); *next
 * is the token after it; 0 if none. */
static long S_words_99(const S_tx *t, size_t i, size_t *next)
{
	size_t l;
	if (i >= t->d->ntok)
		return 0;
	const char *s = S_w(t, i, &l);
	const char *h = memchr(s, '-', l);
	size_t tl = h ? (size_t)(h - s) : l;
	long tens = 0;
	for (size_t k = 0; k < 7; k++)
		if (strlen(S_tens[k]) == tl && !memcmp(s, S_tens[k], tl))
			tens = (long)(30 + 10 * k);
	if (tl == 6 && !memcmp(s, "twenty", 6))
		tens = 20;
	if (!tens) {
		for (size_t k = 10; k < 20 && !h; k++)
			if (S_is(t, i, S_numw[k])) {
				*next = i + 1;
				return (long)k;
			}
		return 0;
	}
	*next = i + 1;
	for (size_t u = 1; u < 10; u++) {
		size_t ul = strlen(S_numw[u]);
		if (h ? (l - tl - 1 == ul && !memcmp(h + 1, S_numw[u], ul)) : S_is(t, i + 1, S_numw[u])) {
			if (!h)
				*next = i + 2;
			return tens + (long)u;
		}
	}
	return h ? 0 : tens;
}

/* A year in words, as transcripts write it: "nineteen ninety-six", "the
 * year two thousand"; *next is the token after it. */
static long S_year_words(const S_tx *t, size_t i, size_t *next)
{
	long v;
	size_t j;
	if ((S_is(t, i, "nineteen") || S_is(t, i, "eighteen")) && (v = S_words_99(t, i + 1, &j))) {
		*next = j;
		return (S_is(t, i, "nineteen") ? 1900 : 1800) + v;
	}
	if (S_is(t, i, "two") && S_is(t, i + 1, "thousand")) {
		j = i + 2;
		size_t a = S_is(t, j, "and") ? j + 1 : j;
		for (size_t u = 1; u < 10; u++)
			if (S_is(t, a, S_numw[u])) {
				*next = a + 1;
				return 2000 + (long)u;
			}
		if ((v = S_words_99(t, a, next)))
			return 2000 + v;
		*next = j;
		return 2000;
	}
	return 0;
}

/* A year alone, a decade, "fiscal 1989", "mid-1990s". */
static void S_m_year(S_tx *t)
{
	size_t i = t->i;
	size_t wn;
	long y = S_year_words(t, i + (S_is(t, i, "the") && S_is(t, i + 1, "year") ? 2 : 0), &wn);
	if (y) {
		S_set(t, wn, DSR_T_DATE, NULL, "%04ld", y);
		return;
	}
	y = S_year_tok(t, i);
	if (y) {
		/* not a count: "1990 people", "$1990" */
		if (i > 0 && (t->d->text[t->d->tok[i - 1].start] == '$' ||
			      (t->d->tok[i - 1].lex & LX_CURRENCY)))
			return;
		if (i + 1 < t->d->ntok && (t->d->tok[i + 1].flags & DSR_TK_WORD) &&
		    !(t->d->tok[i + 1].flags & DSR_TK_CAP) && !(t->d->tok[i + 1].lex & (LX_FUNC | LX_VERB)) &&
		    (t->d->tok[i + 1].lex & LX_NOUN) && S_year_tok(t, i) < 1900)
			return;
		if (y < 1800 && !(i > 0 && (S_is(t, i - 1, "in") || S_is(t, i - 1, "since"))))
			return;
		S_set(t, i + 1 + (t->d->text[t->d->tok[i].start] == '\''), DSR_T_DATE, NULL, "%04ld", y);
		return;
	}
	size_t l;
	const char *s = S_w(t, i, &l);
	/* 1990s, '90s */
	if (l == 5 && s[4] == 's' && (t->d->tok[i].flags & DSR_TK_NUM)) {
		y = strtol(s, NULL, 10);
		if (y >= 1000 && y % 10 == 0)
			S_set(t, i + 1, DSR_T_DATE, NULL, "%03ld", y / 10);
	}
	/* "the '80s", "'90s" (matched from its digits: the apostrophe is
	 * punctuation, where no match starts) */
	size_t dk = S_is(t, i, "the") ? i + 2 : i, dl;
	const char *dw = dk < t->d->ntok ? S_w(t, dk, &dl) : NULL;
	if (dw && dk > 0 && tk_len(t->d, dk - 1) == 1 &&
	    t->d->text[t->d->tok[dk - 1].start] == '\'' && t->d->tok[dk - 1].end == t->d->tok[dk].start &&
	    dl == 3 && dw[0] >= '0' && dw[0] <= '9' && dw[1] == '0' && dw[2] == 's')
		S_set(t, dk + 1, DSR_T_DATE, NULL, "%s%c", dw[0] < '3' ? "20" : "19", dw[0]);
	if (S_is(t, i, "fiscal") && (y = S_year_tok(t, i + 1)))
		S_set(t, i + 2, DSR_T_DATE, NULL, "%04ld", y);
}

static const char *const S_mods[][2] = {
	{"early", "START"}, {"late", "END"}, {"mid", "MID"}, {"beginning", "START"},
	{"start", "START"}, {"end", "END"}, {"middle", "MID"}, {"close", "END"},
};

/* this/last/next/past/coming + unit or weekday or season; weekdays; day
 * words; season names; quarters; modifiers early/late/mid. */
static void S_m_relative(S_tx *t)
{
	nlp_doc *d = t->d;
	size_t i = t->i;
	if (!S_ref(t))
		return;
	int Y = d->ref_y, M = d->ref_m, D = d->ref_d;
	long R = dsr_days_from_civil(Y, M, D);
	int y, m, dd;

	static const struct {
		const char *w;
		long off;
	} dayw[] = {{"today", 0}, {"yesterday", -1}, {"tomorrow", 1}, {"tonight", 0}};
	for (size_t k = 0; k < 4; k++)
		if (S_is(t, i, dayw[k].w)) {
			S_civil(R + dayw[k].off, &y, &m, &dd);
			if (k == 3)
				S_set(t, i + 1, DSR_T_TIME, NULL, "%04d-%02d-%02dTNI", y, m, dd);
			else
				S_set(t, i + 1, DSR_T_DATE, NULL, "%04d-%02d-%02d", y, m, dd);
			/* yesterday morning */
			static const char *const parts[][2] = {
				{"morning", "MO"}, {"afternoon", "AF"}, {"evening", "EV"}, {"night", "NI"}};
			for (size_t p = 0; p < 4 && k < 3; p++)
				if (S_is(t, i + 1, parts[p][0]))
					S_set(t, i + 2, DSR_T_TIME, NULL, "%04d-%02d-%02dT%s", y, m, dd,
					      parts[p][1]);
			return;
		}
	/* weekdays: "Friday", "last Friday", "Friday night" */
	size_t j = i;
	int dir = 0;
	if (S_is(t, j, "the") && (S_is(t, j + 1, "last") || S_is(t, j + 1, "past") ||
				  S_is(t, j + 1, "next") || S_is(t, j + 1, "coming")))
		j++;
	if (S_is(t, j, "last") || S_is(t, j, "past")) {
		dir = -1;
		j++;
	} else if (S_is(t, j, "next") || S_is(t, j, "coming")) {
		dir = 1;
		j++;
	} else if (S_is(t, j, "this")) {
		j++;
	}
	/* "last May", "next January" */
	int mo = j > i && dir ? S_month(t, j) : 0;
	if (mo && S_day_tok(t, j + 1, &(size_t){0}) == 0) {
		int yy = dir < 0 ? (mo < M ? Y : Y - 1) : (mo > M ? Y : Y + 1);
		S_set(t, j + 1, DSR_T_DATE, NULL, "%04d-%02d", yy, mo);
		return;
	}
	int wd = S_weekday(t, j);
	if (wd >= 0) {
		int rw = S_wday(R);
		long x;
		bool fut = dir > 0 || (dir == 0 && S_future(t, j));
		if (fut)
			x = R + ((wd - rw + 7) % 7 == 0 ? 7 : (wd - rw + 7) % 7);
		else
			x = R - ((rw - wd + 7) % 7);
		if (dir < 0 && x == R)
			x -= 7;
		S_civil(x, &y, &m, &dd);
		S_set(t, j + 1, DSR_T_DATE, NULL, "%04d-%02d-%02d", y, m, dd);
		static const char *const parts[][2] = {
			{"morning", "MO"}, {"afternoon", "AF"}, {"evening", "EV"}, {"night", "NI"}};
		for (size_t p = 0; p < 4; p++)
			if (S_is(t, j + 1, parts[p][0]))
				S_set(t, j + 2, DSR_T_TIME, NULL, "%04d-%02d-%02dT%s", y, m, dd, parts[p][1]);
		return;
	}
	/* "last night" is yesterday's */
	if (S_is(t, i, "last") && S_is(t, i + 1, "night")) {
		S_civil(R - 1, &y, &m, &dd);
		S_set(t, i + 2, DSR_T_TIME, NULL, "%04d-%02d-%02dTNI", y, m, dd);
		return;
	}
	/* this/last/next + unit */
	bool pl = false;
	char u = S_unit(t, j, &pl);
	if (j > i && u && !pl && !(u & 0x80) && !S_is(t, j - 1, "the")) {
		int off = dir;
		if (S_is(t, i, "past"))
			off = -1;
		switch (u) {
		case 'Y':
			S_set(t, j + 1, DSR_T_DATE, NULL, "%04d", Y + off);
			break;
		case 'M': {
			int mm = M + off, yy = Y;
			if (mm < 1) { mm += 12; yy--; }
			if (mm > 12) { mm -= 12; yy++; }
			S_set(t, j + 1, DSR_T_DATE, NULL, "%04d-%02d", yy, mm);
			break;
		}
		case 'W':
		case 'K': {
			int wy, wk;
			long base = R + 7 * off;
			if (u == 'K') { /* the Saturday of that weekend */
				int rw = S_wday(R);
				base = (off > 0 || (off == 0 && S_future(t, j))) ? R + (6 - rw) + 7 * (off > 0 ? 0 : 0)
									      : R - ((rw + 1) % 7);
			}
			S_civil(base, &y, &m, &dd);
			S_isoweek(y, m, dd, &wy, &wk);
			S_set(t, j + 1, DSR_T_DATE, NULL, u == 'K' ? "%04d-W%02d-WE" : "%04d-W%02d", wy, wk);
			break;
		}
		case 'Q': {
			int q = (M - 1) / 3 + 1 + off, yy = Y;
			if (q < 1) { q = 4; yy--; }
			if (q > 4) { q = 1; yy++; }
			S_set(t, j + 1, DSR_T_DATE, NULL, "%04d-Q%d", yy, q);
			break;
		}
		case 'E':
			S_set(t, j + 1, DSR_T_DATE, NULL, "%03d", Y / 10 + off);
			break;
		case 'D':
			if (j == i + 1 && S_is(t, i, "this")) {
				S_set(t, j + 1, DSR_T_DATE, NULL, "%04d-%02d-%02d", Y, M, D);
			}
			break;
		case 0:
			break;
		default:
			break;
		}
	}
	/* "the week", "the year", "the quarter", "the latest quarter", "the weekend" */
	size_t q0 = i + 1;
	if (S_is(t, i, "the") && (S_is(t, q0, "latest") || S_is(t, q0, "recent") ||
				  S_is(t, q0, "current") || S_is(t, q0, "same")))
		q0++;
	/* "the latest period" of a quarterly report is its quarter */
	if (q0 > i + 1 && t->qy && S_is(t, q0, "period")) {
		S_set(t, q0 + 1, DSR_T_DATE, NULL, "%04d-Q%d", t->qy, t->qq);
		return;
	}
	/* "the full year", "the fiscal year": the year reported on */
	bool fy = S_is(t, i, "the") && (S_is(t, q0, "full") || S_is(t, q0, "fiscal")) &&
		  S_is(t, q0 + 1, "year");
	if (fy)
		q0++;
	/* "the quarter ended Sept. 30": the quarter of that day; "the year
	 * ended March 31" is a fiscal year, a length of time */
	int em = (S_is(t, q0 + 1, "ended") || S_is(t, q0 + 1, "ending")) ? S_month(t, q0 + 2) : 0;
	if (S_is(t, i, "the") && em && (u = S_unit(t, q0, &pl)) && !pl && (u == 'Q' || u == 'Y')) {
		if (u == 'Y')
			S_set(t, q0 + 1, DSR_T_DURATION, NULL, "P1Y");
		else
			S_set(t, q0 + 1, DSR_T_DATE, NULL, "%04d-Q%d",
			      em <= M || S_is(t, q0 + 1, "ending") ? Y : Y - 1, (em - 1) / 3 + 1);
		return;
	}
	if (S_is(t, i, "the") && (u = S_unit(t, q0, &pl)) && !pl) {
		if (u == 'Y' && (q0 == i + 1 || fy || S_is(t, i + 1, "current")) &&
		    !S_is(t, q0 + 1, "before") &&
		    !S_is(t, q0 + 1, "earlier"))
			S_set(t, q0 + 1, DSR_T_DATE, NULL, "%04d", Y);
		else if (u == 'Q' && t->qy)
			S_set(t, q0 + 1, DSR_T_DATE, NULL, "%04d-Q%d", t->qy, t->qq);
		else if (u == 'Q')
			S_set(t, q0 + 1, DSR_T_DATE, NULL, "%04d-Q%d", M <= 3 ? Y - 1 : Y,
			      M <= 3 ? 4 : (M - 1) / 3);
		else if (u == 'K') {
			int wy, wk, rw = S_wday(R);
			long sat = S_future(t, i) ? R + (6 - rw) : R - ((rw + 1) % 7);
			S_civil(sat, &y, &m, &dd);
			S_isoweek(y, m, dd, &wy, &wk);
			S_set(t, i + 2, DSR_T_DATE, NULL, "%04d-W%02d-WE", wy, wk);
		}
	}
	/* seasons: "this summer", "last fall", "spring 2022", "the winter" */
	static const char *const seas[][2] = {{"spring", "SP"}, {"summer", "SU"}, {"fall", "FA"},
					      {"autumn", "FA"}, {"winter", "WI"}};
	size_t sj = (j == i && S_is(t, i, "the")) ? i + 1 : j;
	for (size_t k = 0; k < 5; k++) {
		if (!S_is(t, sj, seas[k][0]))
			continue;
		long yy = S_year_tok(t, sj + 1);
		if (yy) {
			S_set(t, sj + 2, DSR_T_DATE, NULL, "%04ld-%s", yy, seas[k][1]);
			break;
		}
		if (sj == i && !S_is(t, i - 1, "the") && !(i > 0 && S_is(t, i - 1, "since")))
			break;
		int sy = Y + dir;
		/* the season's last month: spring May, summer Aug, fall Nov, winter Feb */
		int endm = k == 0 ? 5 : k == 1 ? 8 : k < 4 ? 11 : 2;
		if (dir < 0)
			sy = M > endm ? Y : Y - 1;
		else if (dir == 0 && !S_is(t, i, "this") && !S_future(t, sj) && k < 4 && M < endm - 2)
			sy = Y - 1;
		S_set(t, sj + 1, DSR_T_DATE, NULL, "%04d-%s", sy, seas[k][1]);
		break;
	}
	/* quarters: "the third quarter", "third-quarter", "the first half" */
	static const char *const ord[] = {"first", "second", "third", "fourth"};
	/* the year first: "the 1988 second quarter", "this year's third quarter" */
	size_t qa = i + (S_is(t, i, "the") ? 1 : 0);
	long qyear = S_year_tok(t, qa);
	if (qyear && d->tok[qa].flags & DSR_TK_NUM) {
		qa++;
		/* "the 1988 quarter", "the 1989 period": the quarter reported on */
		if (qa > i + 1 && t->qq && (S_is(t, qa, "quarter") || S_is(t, qa, "period"))) {
			S_set(t, qa + 1, DSR_T_DATE, NULL, "%04ld-Q%d", qyear, t->qq);
			return;
		}
	} else if ((S_is(t, qa, "this") || S_is(t, qa, "last") || S_is(t, qa, "next")) &&
		   S_is(t, qa + 1, "year") && (S_is(t, qa + 2, "'s") || S_is(t, qa + 2, "\xe2\x80\x99s"))) {
		qyear = Y + (S_is(t, qa, "last") ? -1 : S_is(t, qa, "next") ? 1 : 0);
		qa += 3;
	} else
		qyear = 0;
	for (size_t k = 0; k < 4; k++) {
		size_t a = qa;
		size_t l;
		const char *s = S_w(t, a, &l);
		size_t ol = strlen(ord[k]);
		int yy = qyear ? (int)qyear : Y;
		size_t e = 0;
		if (S_is(t, a, ord[k]) && (S_is(t, a + 1, "quarter") || S_is(t, a + 1, "half")))
			e = a + 2;
		else if (l > ol && !memcmp(s, ord[k], ol) && s[ol] == '-' &&
			 (!memcmp(s + ol + 1, "quarter", l - ol - 1 < 7 ? 8 : 7) ||
			  (l - ol - 1 == 4 && !memcmp(s + ol + 1, "half", 4))))
			e = a + 1;
		if (!e)
			continue;
		bool half = d->low[d->tok[e - 1].end - 1] == 'f';
		if (half && k > 1)
			continue;
		/* "of 2022", "of last year" */
		long yx;
		if (S_is(t, e, "of") && (yx = S_year_tok(t, e + 1))) {
			yy = (int)yx;
			e += 2;
		} else if (!qyear && !half && (int)k + 1 > (M - 1) / 3 + 1 && !S_future(t, a)) {
			yy = Y - 1;
		}
		S_set(t, e, DSR_T_DATE, NULL, half ? "%04d-H%zu" : "%04d-Q%zu", yy, k + 1);
		break;
	}
	/* this morning, this evening */
	static const char *const parts[][2] = {
		{"morning", "MO"}, {"afternoon", "AF"}, {"evening", "EV"}, {"night", "NI"}};
	for (size_t p = 0; p < 4; p++)
		if (S_is(t, i, "this") && S_is(t, i + 1, parts[p][0]))
			S_set(t, i + 2, DSR_T_TIME, NULL, "%04d-%02d-%02dT%s", Y, M, D, parts[p][1]);
	/* year-ago / year-earlier: "the year-earlier quarter" */
	size_t ya = S_is(t, i, "the") ? i + 1 : i;
	if (S_is(t, ya, "year-ago") || S_is(t, ya, "year-earlier")) {
		size_t e = ya + 1;
		/* "the year-ago third quarter" */
		for (size_t k = 0; k < 4; k++)
			if (S_is(t, e, ord[k]) && S_is(t, e + 1, "quarter")) {
				S_set(t, e + 2, DSR_T_DATE, NULL, "%04d-Q%zu", Y - 1, k + 1);
				return;
			}
		if (S_is(t, e, "quarter") || S_is(t, e, "period") || S_is(t, e, "level"))
			e++;
		else if (ya > i)
			e = 0;
		if (e)
			S_year_back(t, i, e, Y - 1);
	}
	/* holidays with a fixed date, and Thanksgiving */
	static const struct {
		const char *a, *b;
		int m, d;
	} hol[] = {{"christmas", "day", 12, 25}, {"christmas", "eve", 12, 24}, {"christmas", NULL, 12, 25},
		   {"halloween", NULL, 10, 31}, {"thanksgiving", "day", 11, 0}, {"thanksgiving", NULL, 11, 0},
		   {"independence", "day", 7, 4}};
	for (size_t k = 0; k < sizeof hol / sizeof *hol; k++) {
		if (!S_is(t, i, hol[k].a) || (hol[k].b && !S_is(t, i + 1, hol[k].b)))
			continue;
		if (!strcmp(hol[k].a, "independence") && !(d->tok[i].flags & DSR_TK_CAP))
			continue;
		int yy = S_guess_year(t, i, hol[k].m, hol[k].d ? hol[k].d : 25);
		int hd = hol[k].d;
		if (!hd) { /* fourth Thursday of November */
			int w1 = S_wday(dsr_days_from_civil(yy, 11, 1));
			hd = 1 + (4 - w1 + 7) % 7 + 21;
		}
		S_set(t, i + (hol[k].b ? 2 : 1), DSR_T_DATE, NULL, "%04d-%02d-%02d", yy, hol[k].m, hd);
		break;
	}
}

/* Durations "three years", "the past two months", "two-year"; "N units
 * ago/later/earlier"; sets "every week", "daily". */
static void S_m_span(S_tx *t)
{
	nlp_doc *d = t->d;
	size_t i = t->i;
	long n = 0;
	size_t j = i;
	if (S_is(t, j, "the"))
		j++;
	/* "the past/next/first N units": durations; "N units ago" needs no qualifier */
	bool qualified = false;
	if (S_is(t, j, "past") || S_is(t, j, "last") || S_is(t, j, "previous") ||
	    S_is(t, j, "first") || S_is(t, j, "recent") || S_is(t, j, "next") ||
	    S_is(t, j, "coming") || S_is(t, j, "following")) {
		qualified = true;
		j++;
	}
	size_t k = S_count(t, j, &n);
	if (k && S_year_tok(t, j) && n >= 1900)
		return; /* "the 1988 second quarter": a year, not a count */
	bool pl = false, half = false;
	char u = 0;
	size_t e = 0;
	if (j < d->ntok && (d->tok[j].flags & DSR_TK_NUM) && S_is(t, j + 1, "-") &&
	    d->tok[j + 1].start == d->tok[j].end && (u = S_unit(t, j + 2, &pl)) && !pl &&
	    S_tok_num(t, j, &n) && n > 0) {
		e = j + 3; /* 30-year, 16-hour (the tokenizer splits digits from the word) */
	} else if (k) {
		/* "5 1/2 hours" */
		if (n > 0 && (S_is(t, k, "1/2") || S_is(t, k, "\xc2\xbd")))
			half = true, k++;
		if (S_is(t, k, "more") || S_is(t, k, "full") || S_is(t, k, "straight"))
			k++;
		u = S_unit(t, k, &pl);
		if (u && !(u & 0x80))
			e = k + 1;
	} else if ((u = S_unit(t, j, &pl)) && (u & 0x80)) {
		n = S_hyph_count(t, j);
		if (n > 0)
			e = j + 1;
		else
			u = 0;
	} else if (u && pl && j > i) {
		/* "the past few years", "the coming months", "recent years" */
		n = -1;
		e = j + 1;
	} else if (u && pl && (i == 0 || !(d->tok[i - 1].flags & DSR_TK_NUM)) &&
		   (S_is(t, i - 1, "for") || S_is(t, i - 1, "in") || S_is(t, i - 1, "within"))) {
		n = -1; /* "for years" */
		e = j + 1;
	} else {
		u = 0;
	}
	if (!e)
		goto sets;
	char uc = (char)(u & 0x7f);
	if (uc == 'K')
		goto sets;
	/* "a year ago", "two weeks later" */
	bool ago = S_is(t, e, "ago"), later = S_is(t, e, "later"), earlier = S_is(t, e, "earlier");
	if ((ago || later || earlier) && n != 0 && !(u & 0x80) && !qualified) {
		int by = S_ref(t) ? d->ref_y : 0, bm = d->ref_m, bd = d->ref_d;
		if ((later || earlier) && t->ay) {
			by = t->ay;
			bm = t->am;
			bd = t->ad;
		}
		if (!by)
			goto sets;
		long sg = later ? 1 : -1;
		if (n < 0) {
			S_set(t, e + 1, DSR_T_DATE, NULL, later ? "FUTURE_REF" : "PAST_REF");
			return;
		}
		long x = dsr_days_from_civil(by, bm, bd);
		int y, m, dd;
		switch (uc) {
		case 'Y':
			if (n == 1 && !later && by == d->ref_y)
				S_year_back(t, i, e + 1, (int)(by - 1));
			else
				S_set(t, e + 1, DSR_T_DATE, NULL, "%04ld", by + sg * n);
			return;
		case 'E':
			S_set(t, e + 1, DSR_T_DATE, NULL, "%03ld", (by + sg * n * 10) / 10);
			return;
		case 'M': {
			long mm = bm - 1 + sg * n;
			long yy = by + (mm >= 0 ? mm / 12 : -((11 - mm) / 12));
			mm = ((mm % 12) + 12) % 12 + 1;
			S_set(t, e + 1, DSR_T_DATE, NULL, "%04ld-%02ld", yy, mm);
			return;
		}
		case 'W': {
			int wy, wk;
			S_civil(x + sg * 7 * n, &y, &m, &dd);
			S_isoweek(y, m, dd, &wy, &wk);
			S_set(t, e + 1, DSR_T_DATE, NULL, "%04d-W%02d", wy, wk);
			return;
		}
		case 'D':
			S_civil(x + sg * n, &y, &m, &dd);
			S_set(t, e + 1, DSR_T_DATE, NULL, "%04d-%02d-%02d", y, m, dd);
			return;
		case 'Q': {
			long q = (bm - 1) / 3 + sg * n;
			long yy = by + (q >= 0 ? q / 4 : -((3 - q) / 4));
			q = ((q % 4) + 4) % 4 + 1;
			S_set(t, e + 1, DSR_T_DATE, NULL, "%04ld-Q%ld", yy, q);
			return;
		}
		default:
			break;
		}
	}
	{
		/* a duration */
		char num[24];
		if (n < 0)
			strcpy(num, "X");
		else
			snprintf(num, sizeof num, "%ld", uc == 'E' ? n * 10 : uc == 'C' ? n * 100 : n);
		const char *tp = (uc == 'H' || uc == 'N' || uc == 'S') ? "T" : "";
		char uu = uc == 'N' ? 'M' : (uc == 'E' || uc == 'C') ? 'Y' : uc;
		if (n < 0 && (uc == 'E' || uc == 'C'))
			strcpy(num, "X");
		/* and a half: the next smaller unit */
		const char *hs = !half ? "" : uc == 'Y' ? "6M" : uc == 'D' ? "T12H" : uc == 'H' ? "30M"
			       : uc == 'N' ? "30S" : "";
		if (half && !*hs)
			return;
		S_set(t, e, DSR_T_DURATION, NULL, "P%s%s%c%s", tp, num, uu, hs);
		/* "a year" after money is a set: "$5 a year" */
		if (n == 1 && k == i + 1 && (S_is(t, i, "a") || S_is(t, i, "per")) && i > 0 &&
		    (d->tok[i - 1].flags & DSR_TK_NUM)) {
			t->e = 0;
			S_set(t, e, DSR_T_SET, NULL, "P1%c", uu);
		}
	}
sets:;
	static const struct {
		const char *w;
		const char *v;
	} sets[] = {{"daily", "P1D"}, {"weekly", "P1W"}, {"monthly", "P1M"}, {"yearly", "P1Y"},
		    {"annually", "P1Y"}, {"annual", "P1Y"}, {"hourly", "PT1H"},
		    {"nightly", "P1D"}};
	/* a capital inside a sentence makes it a name: "the Harbor Daily" */
	bool named = (d->tok[i].flags & DSR_TK_CAP) && !(d->tok[i].flags & DSR_TK_SSTART);
	for (size_t s = 0; s < sizeof sets / sizeof *sets && !named; s++)
		if (S_is(t, i, sets[s].w) && !(s == 5)) {
			S_set(t, i + 1, DSR_T_SET, NULL, "%s", sets[s].v);
			return;
		}
	if (S_is(t, i, "every") || S_is(t, i, "each") || S_is(t, i, "per")) {
		bool p2;
		char uu = S_unit(t, i + 1, &p2);
		if (uu && !p2 && !(uu & 0x80)) {
			char c = uu == 'N' ? 'M' : uu;
			const char *tp = (uu == 'H' || uu == 'N' || uu == 'S') ? "T" : "";
			S_set(t, i + 2, DSR_T_SET, NULL, "P%s1%c", tp, c == 'K' ? 'W' : c);
		}
		int wd = S_weekday(t, i + 1);
		if (wd >= 0)
			S_set(t, i + 2, DSR_T_SET, NULL, "XXXX-WXX-%d", wd == 0 ? 7 : wd);
		/* "each July" */
		int mo = S_month(t, i + 1);
		if (mo && !S_day_tok(t, i + 2, &(size_t){0}))
			S_set(t, i + 2, DSR_T_SET, NULL, "XXXX-%02d", mo);
	}
	/* "on Mondays", "Tuesday nights" */
	static const char *const wds[] = {"sundays", "mondays", "tuesdays", "wednesdays",
					  "thursdays", "fridays", "saturdays"};
	for (int wk = 0; wk < 7; wk++) {
		int w = wk == 0 ? 7 : wk;
		if (S_is(t, i, wds[wk]))
			S_set(t, i + 1, DSR_T_SET, NULL, "XXXX-WXX-%d", w);
		else if (S_weekday(t, i) == wk && S_is(t, i + 1, "nights"))
			S_set(t, i + 2, DSR_T_SET, NULL, "XXXX-WXX-%dTNI", w);
		else if (S_weekday(t, i) == wk && S_is(t, i + 1, "mornings"))
			S_set(t, i + 2, DSR_T_SET, NULL, "XXXX-WXX-%dTMO", w);
	}
}

/* Clock times: "10:30 a.m.", "3 p.m.", "noon", "midnight". */
static void S_m_clock(S_tx *t)
{
	nlp_doc *d = t->d;
	size_t i = t->i;
	if (!S_ref(t))
		return;
	size_t l;
	const char *s = S_w(t, i, &l);
	int h = -1, mi = 0;
	size_t e = i + 1;
	if (S_is(t, i, "noon") || S_is(t, i, "midday")) {
		h = 12;
	} else if (S_is(t, i, "midnight")) {
		h = 24;
	} else if (d->tok[i].flags & DSR_TK_NUM) {
		char *q;
		long hh = strtol(s, &q, 10);
		if (*q == ':' && q[1] >= '0' && q[1] <= '9') {
			mi = (int)strtol(q + 1, NULL, 10);
			h = (int)hh;
			q += 3;
		} else {
			h = (int)hh;
		}
		if (h > 24 || mi > 59)
			return;
		bool ampm = false;
		if ((size_t)(q - s) < l) {
			if (!strncmp(q, "pm", 2) && h < 12)
				h += 12, ampm = true;
			else if (!strncmp(q, "am", 2))
				ampm = true;
		} else if (S_is(t, e, "p.m.") || S_is(t, e, "pm") || S_is(t, e, "p.m")) {
			if (h < 12)
				h += 12;
			e++;
			ampm = true;
		} else if (S_is(t, e, "a.m.") || S_is(t, e, "am") || S_is(t, e, "a.m")) {
			if (h == 12)
				h = 0;
			e++;
			ampm = true;
		} else if (S_is(t, e, "o'clock")) {
			e++;
			ampm = true;
		}
		if (!ampm && !memchr(s, ':', l))
			return;
		if (!ampm && (i > 0 && (d->tok[i - 1].flags & DSR_TK_NUM)))
			return;
	}
	if (h < 0)
		return;
	/* zone words stay in the span: EST, GMT, local time */
	static const char *const zones[] = {"est", "edt", "cst", "cdt", "pst", "pdt", "gmt",
					    "utc", "et", NULL};
	if (S_any(t, e, zones))
		e++;
	/* the day that follows ("10 p.m. Wednesday", "noon Saturday", "5 p.m.
	 * EST, Nov. 9"), else the day last named ("On Friday ... at 10 p.m.") */
	int y = d->ref_y, m = d->ref_m, dd = d->ref_d;
	if (t->ay)
		y = t->ay, m = t->am, dd = t->ad;
	int y0 = y, m0 = m, d0 = dd;
	size_t de = e + (S_is(t, e, ",") ? 1 : 0);
	if (de < d->ntok && (d->tok[de].lex & (LX_WEEKDAY | LX_MONTH | LX_TIMEX))) {
		S_tx u = *t;
		u.i = de;
		u.e = 0;
		S_m_relative(&u);
		S_m_calendar(&u);
		if (u.e && u.type == DSR_T_DATE && strlen(u.value) == 10 &&
		    sscanf(u.value, "%4d-%2d-%2d", &y, &m, &dd) == 3)
			e = u.e;
		else
			y = y0, m = m0, dd = d0;
	}
	S_set(t, e, DSR_T_TIME, NULL, "%04d-%02d-%02dT%02d:%02d", y, m, dd, h == 24 ? 24 : h, mi);
}

/* Vague references: now, currently, recently, the future. */
static void S_m_refs(S_tx *t)
{
	static const struct {
		const char *a, *b, *v;
	} refs[] = {
		{"now", NULL, "PRESENT_REF"},      {"currently", NULL, "PRESENT_REF"},
		{"current", NULL, "PRESENT_REF"},  {"nowadays", NULL, "PRESENT_REF"},
		{"presently", NULL, "PRESENT_REF"}, {"recently", NULL, "PAST_REF"},
		{"lately", NULL, "PAST_REF"},
		{"the", "future", "FUTURE_REF"},
		{"the", "past", "PAST_REF"},
		{"then", "current", "PAST_REF"},
		{"these", "days", "PRESENT_REF"},  {"once", NULL, NULL},
	};
	size_t i = t->i;
	/* "the near future", "the near term", "the short term" */
	if (S_is(t, i, "the") && ((S_is(t, i + 1, "near") && (S_is(t, i + 2, "future") ||
							      S_is(t, i + 2, "term"))) ||
				  (S_is(t, i + 1, "short") && S_is(t, i + 2, "term")))) {
		S_set(t, i + 3, DSR_T_DATE, NULL, "FUTURE_REF");
		return;
	}
	/* "the nineties": a decade of the last century */
	static const char *const decw[] = {"twenties", "thirties", "forties", "fifties",
					   "sixties", "seventies", "eighties", "nineties"};
	for (size_t k = 0; k < 8 && S_is(t, i, "the"); k++)
		if (S_is(t, i + 1, decw[k])) {
			S_set(t, i + 2, DSR_T_DATE, NULL, "19%zu", k + 2);
			return;
		}
	/* "the 20th century", "the eleventh century": its first two digits */
	size_t c = S_is(t, i, "the") ? i + 1 : i;
	if (S_is(t, c + 1, "century")) {
		size_t l;
		const char *w = S_w(t, c, &l);
		static const char *const ordw[] = {"first", "second", "third", "fourth", "fifth",
						   "sixth", "seventh", "eighth", "ninth", "tenth",
						   "eleventh", "twelfth", "thirteenth", "fourteenth",
						   "fifteenth", "sixteenth", "seventeenth", "eighteenth",
						   "nineteenth", "twentieth", "twenty-first"};
		int n = 0;
		if (l >= 3 && l <= 4 && w[0] >= '1' && w[0] <= '9' &&
		    (!memcmp(w + l - 2, "th", 2) || !memcmp(w + l - 2, "st", 2) ||
		     !memcmp(w + l - 2, "nd", 2) || !memcmp(w + l - 2, "rd", 2)))
			n = atoi(w);
		for (size_t k = 0; !n && k < sizeof ordw / sizeof *ordw; k++)
			if (S_is(t, c, ordw[k]))
				n = (int)k + 1;
		if (n >= 1 && n <= 30) {
			S_set(t, c + 2, DSR_T_DATE, NULL, "%02d", n - 1);
			return;
		}
	}
	for (size_t k = 0; k < sizeof refs / sizeof *refs; k++) {
		if (!refs[k].v || !S_is(t, i, refs[k].a))
			continue;
		if (refs[k].b) {
			if (S_is(t, i + 1, refs[k].b))
				S_set(t, i + 2, DSR_T_DATE, NULL, "%s", refs[k].v);
			continue;
		}
		/* "right now", "just now" keep the word only; "current" only before a noun */
		if (!strcmp(refs[k].a, "current") &&
		    !(i + 1 < t->d->ntok && (t->d->tok[i + 1].flags & DSR_TK_WORD)))
			continue;
		if (!strcmp(refs[k].a, "future") && i > 0 && !S_is(t, i - 1, "the") &&
		    !S_is(t, i - 1, "near") && !(t->d->tok[i + 1 < t->d->ntok ? i + 1 : i].flags & DSR_TK_WORD))
			continue;
		S_set(t, i + 1, DSR_T_DATE, NULL, "%s", refs[k].v);
	}
}

/* Modifiers in front of a date: early November, late last year, the end of
 * 2022, mid-1990s. */
static void S_with_mod(S_tx *t, void (*inner)(S_tx *))
{
	size_t i = t->i;
	size_t j = i;
	const char *mod = NULL;
	bool the = S_is(t, j, "the");
	if (the)
		j++;
	for (size_t k = 0; k < sizeof S_mods / sizeof *S_mods; k++) {
		if (!S_is(t, j, S_mods[k][0]))
			continue;
		mod = S_mods[k][1];
		if (k >= 3) {
			if (!the || !S_is(t, j + 1, "of"))
				return;
			j += 2;
		} else {
			j++;
		}
		break;
	}
	if (!mod || (the && j == i + 2))
		return;
	S_tx sub = *t;
	sub.i = j;
	sub.e = 0;
	inner(&sub);
	if (sub.e && sub.type == DSR_T_DATE && sub.value[0] != 'P' &&
	    strcmp(sub.value, "PRESENT_REF") && strcmp(sub.value, "PAST_REF"))
		S_set(t, sub.e, DSR_T_DATE, mod, "%s", sub.value);
}

/* Times told from the last one named: "earlier that day", "later that
 * year", "that same day", "the following month", "the next morning", "the
 * previous year", "that quarter". */
static void S_m_anaphor(S_tx *t)
{
	size_t j = t->i;
	if (S_is(t, j, "earlier") || S_is(t, j, "later"))
		j++;
	int off;
	bool next = false;
	if (S_is(t, j, "that")) {
		off = 0;
		j += S_is(t, j + 1, "same") ? 2 : 1;
	} else if (S_is(t, j, "the") && (S_is(t, j + 1, "following") || S_is(t, j + 1, "next"))) {
		off = 1;
		next = S_is(t, j + 1, "next");
		j += 2;
	} else if (S_is(t, j, "the") && S_is(t, j + 1, "previous")) {
		off = -1;
		j += 2;
	} else {
		return;
	}
	bool pl = false;
	char u = S_unit(t, j, &pl);
	if (S_is(t, j, "morning"))
		u = 'D';
	/* "the next year" is counted from today (S_m_relative) */
	if (pl || (next && u != 'D'))
		return;
	int y, m, dd;
	switch (u) {
	case 'D':
		if (!t->ay)
			return;
		S_civil(dsr_days_from_civil(t->ay, t->am, t->ad) + off, &y, &m, &dd);
		S_set(t, j + 1, DSR_T_DATE, NULL, "%04d-%02d-%02d", y, m, dd);
		break;
	case 'M':
	case 'Q': {
		/* a month or quarter `off` steps from the last one, across years */
		int n = u == 'M' ? 12 : 4, k = (u == 'M' ? t->lm : t->lq) - 1 + off;
		y = u == 'M' ? t->lmy : t->lqy;
		if (!y)
			return;
		y += k < 0 ? -1 : k / n;
		k = (k + n) % n + 1;
		S_set(t, j + 1, DSR_T_DATE, NULL, u == 'M' ? "%04d-%02d" : "%04d-Q%d", y, k);
		break;
	}
	case 'Y':
		if (t->ly)
			S_set(t, j + 1, DSR_T_DATE, NULL, "%04d", t->ly + off);
		break;
	default:
		break;
	}
}

static void S_all(S_tx *t)
{
	S_m_anaphor(t);
	S_m_calendar(t);
	S_m_year(t);
	S_m_relative(t);
	S_m_span(t);
	S_m_clock(t);
	S_m_refs(t);
}

static void S_mid_token(S_tx *t)
{
	/* mid-November, late-November, mid-2022, early-1990s: one token */
	size_t l;
	const char *s = S_w(t, t->i, &l);
	static const struct {
		const char *p, *mod;
	} pre[] = {{"mid-", "MID"}, {"early-", "START"}, {"late-", "END"}};
	for (size_t k = 0; k < 3; k++) {
		size_t pl = strlen(pre[k].p);
		if (l <= pl || memcmp(s, pre[k].p, pl))
			continue;
		const char *r = s + pl, *mod = pre[k].mod;
		size_t rl = l - pl, u;
		int m = dsr_month_from_name(r, rl, &u);
		if (m && u == rl && S_ref(t)) {
			long y = S_year_tok(t, t->i + 1);
			if (y)
				S_set(t, t->i + 2, DSR_T_DATE, mod, "%04ld-%02d", y, m);
			else
				S_set(t, t->i + 1, DSR_T_DATE, mod, "%04d-%02d",
				      S_guess_year(t, t->i, m, 15), m);
		} else if (rl >= 4 && r[0] >= '1' && r[0] <= '2') {
			long y = strtol(r, NULL, 10);
			if (rl == 4)
				S_set(t, t->i + 1, DSR_T_DATE, mod, "%04ld", y);
			else if (rl == 5 && r[4] == 's')
				S_set(t, t->i + 1, DSR_T_DATE, mod, "%03ld", y / 10);
		}
	}
}

void dsr__timex(nlp_doc *d, dsr_timex **out, size_t *nout)
{
	size_t cap = 16, n = 0;
	dsr_timex *v = dsr_arena_alloc(d->arena, cap * sizeof *v);
	S_tx t = {.d = d};
	for (size_t i = 0; i < d->ntok; i++) {
		const dsr_token *tk = &d->tok[i];
		if (tk->flags & DSR_TK_PUNCT)
			continue;
		/* only words that can start a time expression are tried */
		if (!(tk->flags & DSR_TK_NUM) &&
		    !(tk->lex & (LX_TIMEX | LX_MONTH | LX_WEEKDAY | LX_NUMWORD)) &&
		    !memchr(d->low + tk->start, '-', tk_len(d, i)) && !(d->low[tk->start] == '\''))
			continue;
		t.i = i;
		t.e = 0;
		t.noq = false;
		S_all(&t);
		S_with_mod(&t, S_all);
		S_mid_token(&t);
		if (!t.e)
			continue;
		/* "since the summer", "in the next few years": the span starts at the match */
		if (n == cap) {
			dsr_timex *nv = dsr_arena_alloc(d->arena, 2 * cap * sizeof *nv);
			memcpy(nv, v, n * sizeof *nv);
			v = nv;
			cap *= 2;
		}
		dsr_timex *x = &v[n++];
		x->sp = (dsr_span){tk->start, d->tok[t.e - 1].end};
		x->type = t.type;
		memcpy(x->value, t.value, sizeof x->value);
		x->mod = t.mod;
		/* remember a full date as the anchor of "a day later", and quarters */
		int y, m, dd, qn;
		/* the quarter a report is about: the first one named of the last four */
		if (!t.noq && !t.qy && sscanf(x->value, "%4d-Q%1d", &y, &qn) == 2 &&
		    !strchr(x->value, 'X') && S_ref(&t) &&
		    y * 4 + qn <= d->ref_y * 4 + (d->ref_m - 1) / 3 + 1 &&
		    y * 4 + qn >= d->ref_y * 4 + (d->ref_m - 1) / 3 + 1 - 4) {
			t.qy = y;
			t.qq = qn;
		}
		if (sscanf(x->value, "%4d", &y) == 1 && strlen(x->value) >= 4 &&
		    (x->value[4] == '\0' || x->value[4] == '-')) {
			t.ly = y;
			if (sscanf(x->value, "%4d-%2d", &y, &m) == 2 && m >= 1 && m <= 12)
				t.lmy = y, t.lm = m;
			if (sscanf(x->value, "%4d-Q%1d", &y, &qn) == 2 && qn >= 1 && qn <= 4)
				t.lqy = y, t.lq = qn;
		}
		if (sscanf(x->value, "%4d-%2d-%2d", &y, &m, &dd) == 3 && m >= 1 && m <= 12 && dd >= 1 &&
		    dd <= S_mdays(y, m)) {
			t.ay = y;
			t.am = m;
			t.ad = dd;
		}
		i = t.e - 1;
	}
	*out = v;
	*nout = n;
}

bool dsr__infer_reference(nlp_doc *d)
{
	long best = 0;
	dsr_date dt, bd = {0};
	/* full dates start at a number, a month or a weekday token */
	for (size_t i = 0; i < d->ntok; i++) {
		const dsr_token *t = &d->tok[i];
		if (!(t->flags & DSR_TK_NUM) && !(t->lex & (LX_MONTH | LX_WEEKDAY)))
			continue;
		size_t used;
		size_t len = d->n - t->start < 64 ? d->n - t->start : 64;
		if (dsr_date_parse(d->text + t->start, len, &dt, &used) != DSR_OK)
			continue;
		if (dt.day && dt.year >= 1900 && dt.year <= 2200) {
			long x = dsr_days_from_civil(dt.year, dt.month, dt.day);
			if (x > best) {
				best = x;
				bd = dt;
			}
		}
	}
	if (!best)
		return false;
	d->ref_y = bd.year;
	d->ref_m = bd.month;
	d->ref_d = bd.day;
	return true;
}
