/* date.c: parse dates as pages and feeds write them; ISO 8601 output. */
#include "dossier/date.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Month names: English, German, French, Spanish, Italian, Portuguese, Dutch.
 * Longest forms first within each month so that prefixes match greedily. */
static const struct {
	const char *name;
	int month;
} S_months[] = {
	{"january", 1},    {"januar", 1},     {"janvier", 1},    {"enero", 1},
	{"gennaio", 1},    {"janeiro", 1},    {"januari", 1},    {"jänner", 1},
	{"jan", 1},        {"jän", 1},        {"janv", 1},       {"ene", 1},
	{"gen", 1},
	{"february", 2},   {"februar", 2},    {"février", 2},    {"fevrier", 2},
	{"febrero", 2},    {"febbraio", 2},   {"fevereiro", 2},  {"februari", 2},
	{"feb", 2},        {"févr", 2},       {"fevr", 2},       {"fev", 2},
	{"march", 3},      {"märz", 3},       {"maerz", 3},      {"mars", 3},
	{"marzo", 3},      {"março", 3},      {"maart", 3},      {"mar", 3},
	{"mär", 3},        {"mrt", 3},
	{"april", 4},      {"avril", 4},      {"abril", 4},      {"aprile", 4},
	{"apr", 4},        {"avr", 4},        {"abr", 4},
	{"may", 5},        {"mai", 5},        {"mayo", 5},       {"maggio", 5},
	{"maio", 5},       {"mei", 5},        {"mag", 5},
	{"june", 6},       {"juni", 6},       {"juin", 6},       {"junio", 6},
	{"giugno", 6},     {"junho", 6},      {"jun", 6},        {"giu", 6},
	{"july", 7},       {"juli", 7},       {"juillet", 7},    {"julio", 7},
	{"luglio", 7},     {"julho", 7},      {"jul", 7},        {"juil", 7},
	{"lug", 7},
	{"august", 8},     {"août", 8},       {"aout", 8},       {"agosto", 8},
	{"augustus", 8},   {"aug", 8},        {"ago", 8},
	{"september", 9},  {"septembre", 9},  {"septiembre", 9}, {"settembre", 9},
	{"setembro", 9},   {"sept", 9},       {"sep", 9},        {"set", 9},
	{"october", 10},   {"oktober", 10},   {"octobre", 10},   {"octubre", 10},
	{"ottobre", 10},   {"outubro", 10},   {"oct", 10},       {"okt", 10},
	{"ott", 10},       {"out", 10},
	{"november", 11},  {"novembre", 11},  {"noviembre", 11}, {"novembro", 11},
	{"nov", 11},
	{"december", 12},  {"dezember", 12},  {"décembre", 12},  {"decembre", 12},
	{"diciembre", 12}, {"dicembre", 12},  {"dezembro", 12},  {"dec", 12},
	{"dez", 12},       {"déc", 12},       {"dic", 12},
};

static bool S_wordch(unsigned char c)
{
	return isalpha(c) || c >= 0x80;
}

int dsr_month_from_name(const char *s, size_t n, size_t *used)
{
	size_t best = 0;
	int m = 0;
	if (!n || !isalpha((unsigned char)s[0]))
		return 0;
	int c0 = tolower((unsigned char)s[0]);
	for (size_t i = 0; i < sizeof S_months / sizeof S_months[0]; i++) {
		if (tolower((unsigned char)S_months[i].name[0]) != c0)
			continue;
		size_t l = strlen(S_months[i].name);
		if (l > n || l <= best || strncasecmp(s, S_months[i].name, l))
			continue;
		/* must end the word (a trailing "." after an abbreviation is fine) */
		if (l < n && S_wordch((unsigned char)s[l]))
			continue;
		best = l;
		m = S_months[i].month;
	}
	if (m && used) {
		*used = best;
		if (best < n && s[best] == '.')
			(*used)++;
	}
	return m;
}

long dsr_days_from_civil(int y, int m, int d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static int S_mdays(int y, int m)
{
	static const int md[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return md[m - 1];
}

static bool S_valid(const dsr_date *d)
{
	if (d->year < 1900 || d->year > 2100)
		return false;
	if (d->month < 1 || d->month > 12)
		return d->month == 0 && d->day == 0;
	if (d->day < 0 || d->day > S_mdays(d->year, d->month))
		return false;
	if (d->has_time && (d->hour > 23 || d->min > 59 || d->sec > 60))
		return false;
	return true;
}

/* Reads up to maxd digits; returns the count read (0 if none). */
static size_t S_num(const char *s, size_t n, size_t maxd, int *v)
{
	size_t i = 0;
	int x = 0;
	while (i < n && i < maxd && isdigit((unsigned char)s[i]))
		x = x * 10 + (s[i++] - '0');
	if (i < n && isdigit((unsigned char)s[i]))
		return 0; /* more digits than allowed */
	*v = x;
	return i;
}

/* hh:mm[:ss][.frac][Z|+hh:mm|+hhmm| GMT|UTC] after position i; updates d. */
static size_t S_time(const char *s, size_t n, size_t i, dsr_date *d)
{
	int h, m, sec = 0;
	size_t k = S_num(s + i, n - i, 2, &h);
	if (!k || i + k >= n || s[i + k] != ':')
		return i;
	size_t j = i + k + 1;
	size_t k2 = S_num(s + j, n - j, 2, &m);
	if (k2 != 2)
		return i;
	j += 2;
	if (j < n && s[j] == ':') {
		size_t k3 = S_num(s + j + 1, n - j - 1, 2, &sec);
		if (k3 == 2)
			j += 3;
	}
	if (j + 1 < n && (s[j] == '.' || s[j] == ',') && isdigit((unsigned char)s[j + 1])) {
		j++;
		while (j < n && isdigit((unsigned char)s[j]))
			j++;
	}
	d->hour = h;
	d->min = m;
	d->sec = sec;
	d->has_time = true;
	d->utc = false;
	size_t t = j;
	while (t < n && s[t] == ' ')
		t++;
	if (t < n && (s[t] == 'Z' || s[t] == 'z') && (t + 1 >= n || !isalpha((unsigned char)s[t + 1]))) {
		d->utc = true;
		return t + 1;
	}
	if (t + 3 <= n && (!strncasecmp(s + t, "GMT", 3) || !strncasecmp(s + t, "UTC", 3))) {
		d->utc = true;
		t += 3;
		if (t < n && (s[t] == '+' || s[t] == '-')) {
			int off;
			size_t ko = S_num(s + t + 1, n - t - 1, 4, &off);
			if (ko)
				d->utc = off == 0;
			t += 1 + ko;
		}
		return t;
	}
	if (t < n && (s[t] == '+' || s[t] == '-')) {
		int oh, om = 0;
		size_t ko = S_num(s + t + 1, n - t - 1, 4, &oh);
		if (ko == 4) {
			om = oh % 100;
			oh /= 100;
			d->utc = oh == 0 && om == 0;
			return t + 5;
		}
		if (ko == 2) {
			size_t e = t + 3;
			if (e < n && s[e] == ':' && S_num(s + e + 1, n - e - 1, 2, &om) == 2)
				e += 3;
			d->utc = oh == 0 && om == 0;
			return e;
		}
	}
	return j;
}

static const char *S_weekdays[] = {
	"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
	"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
	"lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};

static size_t S_skip_weekday(const char *s, size_t n)
{
	if (!n)
		return 0;
	int c0 = tolower((unsigned char)s[0]);
	for (size_t i = 0; i < sizeof S_weekdays / sizeof S_weekdays[0]; i++) {
		if (S_weekdays[i][0] != c0)
			continue;
		size_t l = strlen(S_weekdays[i]);
		if (l <= n && !strncasecmp(s, S_weekdays[i], l) &&
		    (l == n || !S_wordch((unsigned char)s[l]))) {
			size_t j = l;
			while (j < n && (s[j] == ',' || s[j] == '.' || s[j] == ' '))
				j++;
			return j;
		}
	}
	return 0;
}

static size_t S_sp(const char *s, size_t n, size_t i)
{
	while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == ',' || (unsigned char)s[i] == 0xA0))
		i++;
	/* UTF-8 no-break space */
	if (i + 1 < n && (unsigned char)s[i] == 0xC2 && (unsigned char)s[i + 1] == 0xA0)
		return S_sp(s, n, i + 2);
	return i;
}

dsr_err dsr_date_parse(const char *s, size_t n, dsr_date *out, size_t *used)
{
	dsr_date d;
	memset(&d, 0, sizeof d);
	size_t i = 0;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	i += S_skip_weekday(s + i, n - i);
	int a, b, c;
	size_t k = S_num(s + i, n - i, 4, &a);
	if (k == 4 && i + k < n && (s[i + k] == '-' || s[i + k] == '/' || s[i + k] == '.')) {
		/* YYYY-MM-DD, YYYY/MM/DD, YYYY-MM */
		char sep = s[i + k];
		size_t j = i + k + 1;
		size_t k2 = S_num(s + j, n - j, 2, &b);
		if (!k2)
			return DSR_EFORMAT;
		j += k2;
		d.year = a;
		d.month = b;
		if (j < n && s[j] == sep) {
			size_t k3 = S_num(s + j + 1, n - j - 1, 2, &c);
			if (!k3)
				return DSR_EFORMAT;
			d.day = c;
			j += 1 + k3;
			if (j < n && (s[j] == 'T' || s[j] == ' ') && j + 1 < n &&
			    isdigit((unsigned char)s[j + 1]))
				j = S_time(s, n, j + 1, &d);
		} else if (sep != '-') {
			return DSR_EFORMAT;
		}
		i = j;
	} else if (k >= 1 && k <= 2) {
		size_t j = i + k;
		if (j < n && (s[j] == '.' || s[j] == '/' || s[j] == '-') && j + 1 < n &&
		    isdigit((unsigned char)s[j + 1])) {
			/* numeric D.M.Y or M/D/Y */
			char sep = s[j];
			size_t k2 = S_num(s + j + 1, n - j - 1, 2, &b);
			size_t j2 = j + 1 + k2;
			if (!k2 || j2 >= n || s[j2] != sep)
				return DSR_EFORMAT;
			size_t k3 = S_num(s + j2 + 1, n - j2 - 1, 4, &c);
			if (k3 != 4 && k3 != 2)
				return DSR_EFORMAT;
			d.year = k3 == 2 ? 2000 + c : c;
			if (sep == '/' && a <= 12 && b > 12) {
				d.month = a;
				d.day = b;
			} else if (sep == '/' && a <= 12 && b <= 12) {
				d.month = a; /* US order for slashes */
				d.day = b;
			} else {
				d.day = a;
				d.month = b;
			}
			i = j2 + 1 + k3;
			size_t t = S_sp(s, n, i);
			if (t < n && isdigit((unsigned char)s[t]))
				i = S_time(s, n, t, &d);
		} else {
			/* D Month YYYY, D. Month YYYY, D de Month de YYYY */
			if (j < n && s[j] == '.')
				j++;
			j = S_sp(s, n, j);
			if (j + 3 < n && !strncasecmp(s + j, "de ", 3))
				j += 3;
			size_t mu;
			int m = dsr_month_from_name(s + j, n - j, &mu);
			if (!m)
				return DSR_EFORMAT;
			j = S_sp(s, n, j + mu);
			if (j + 3 < n && !strncasecmp(s + j, "de ", 3))
				j += 3;
			size_t k3 = S_num(s + j, n - j, 4, &c);
			if (k3 != 4)
				return DSR_EFORMAT;
			d.day = a;
			d.month = m;
			d.year = c;
			i = j + 4;
			size_t t = S_sp(s, n, i);
			if (t < n && isdigit((unsigned char)s[t]))
				i = S_time(s, n, t, &d);
			else if (t + 2 < n && (s[t] == 'a' || s[t] == 'u' || s[t] == 'o' || s[t] == '-' || s[t] == '|')) {
				/* "at 10:00", "um 10:00" */
				size_t t2 = t;
				while (t2 < n && !isdigit((unsigned char)s[t2]) && t2 - t < 5)
					t2++;
				if (t2 < n && isdigit((unsigned char)s[t2])) {
					size_t e = S_time(s, n, t2, &d);
					if (e != t2)
						i = e;
				}
			}
		}
	} else if (k == 0) {
		/* Month D, YYYY or Month YYYY */
		size_t mu;
		int m = dsr_month_from_name(s + i, n - i, &mu);
		if (!m)
			return DSR_EFORMAT;
		size_t j = S_sp(s, n, i + mu);
		size_t k2 = S_num(s + j, n - j, 4, &b);
		if (k2 == 4) {
			d.year = b;
			d.month = m;
			i = j + 4;
		} else if (k2 >= 1 && k2 <= 2) {
			j += k2;
			if (j + 1 < n && (!strncasecmp(s + j, "st", 2) || !strncasecmp(s + j, "nd", 2) ||
					  !strncasecmp(s + j, "rd", 2) || !strncasecmp(s + j, "th", 2)))
				j += 2;
			j = S_sp(s, n, j);
			size_t k3 = S_num(s + j, n - j, 4, &c);
			if (k3 != 4)
				return DSR_EFORMAT;
			d.year = c;
			d.month = m;
			d.day = b;
			i = j + 4;
			size_t t = S_sp(s, n, i);
			if (t + 3 < n && !strncasecmp(s + t, "at ", 3))
				t += 3;
			if (t < n && isdigit((unsigned char)s[t])) {
				size_t e = S_time(s, n, t, &d);
				if (e != t)
					i = e;
			}
		} else {
			return DSR_EFORMAT;
		}
	} else {
		return DSR_EFORMAT;
	}
	if (!S_valid(&d))
		return DSR_EFORMAT;
	*out = d;
	if (used)
		*used = i;
	return DSR_OK;
}

dsr_err dsr_date_find(const char *s, size_t n, dsr_date *out, size_t *at, size_t *used)
{
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (i > 0 && (isalnum((unsigned char)s[i - 1])))
			continue;
		if (!isdigit(c) && !isalpha(c))
			continue;
		size_t u;
		if (dsr_date_parse(s + i, n - i, out, &u) == DSR_OK && out->day) {
			if (at)
				*at = i;
			if (used)
				*used = u;
			return DSR_OK;
		}
	}
	return DSR_EFORMAT;
}

void dsr_date_iso(const dsr_date *d, char out[32])
{
	if (!d->month)
		snprintf(out, 32, "%04d", d->year);
	else if (!d->day)
		snprintf(out, 32, "%04d-%02d", d->year, d->month);
	else if (d->has_time && d->utc)
		snprintf(out, 32, "%04d-%02d-%02dT%02d:%02d:%02dZ", d->year, d->month, d->day, d->hour,
			 d->min, d->sec);
	else
		snprintf(out, 32, "%04d-%02d-%02d", d->year, d->month, d->day);
}
