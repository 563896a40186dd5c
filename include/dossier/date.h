/*
 * date.h: calendar dates as news pages and feeds write them, normalized to
 * ISO 8601.
 *
 * Accepts ISO 8601 ("2022-11-19", "2022-11-19T10:20:30+03:00"), RFC 822 /
 * 1123 ("Sat, 19 Nov 2022 10:20:30 GMT"), written dates in English, German,
 * French, Spanish, Italian, Portuguese and Dutch ("November 19, 2022",
 * "19. November 2022", "19 nov. 2022"), and numeric dates ("2022/11/19",
 * "19.11.2022"; "11/19/2022" only when the order is unambiguous or US).
 * Never consults the clock.
 */
#ifndef DOSSIER_DATE_H
#define DOSSIER_DATE_H

#include "base.h"

typedef struct dsr_date {
	int year, month, day;     /* month/day 0 when unknown */
	int hour, min, sec;
	bool has_time;            /* a time of day was given */
	bool utc;                 /* the time is in UTC (Z, GMT, +00:00) */
} dsr_date;

/*
 * Finds a date at the start of s[0..n) (leading spaces and a weekday are
 * skipped). Returns DSR_OK and fills *out, or DSR_EFORMAT. When `used` is
 * not NULL it receives the number of bytes the date took.
 */
DSR_WARN_UNUSED dsr_err dsr_date_parse(const char *s, size_t n, dsr_date *out, size_t *used);

/*
 * Searches s[0..n) for the first date written in any accepted form and
 * returns its offset in *at (or DSR_EFORMAT when there is none).
 */
DSR_WARN_UNUSED dsr_err dsr_date_find(const char *s, size_t n, dsr_date *out, size_t *at,
				      size_t *used);

/*
 * Writes "YYYY-MM-DD", or "YYYY-MM-DDThh:mm:ssZ" when the time is known in
 * UTC, into out (at least 21 bytes). A date whose time is in another zone is
 * written as the local calendar date, which is what its readers saw.
 */
void dsr_date_iso(const dsr_date *d, char out[32]);

/* Days since 1970-01-01 of a full date (proleptic Gregorian). */
long dsr_days_from_civil(int y, int m, int d);
/* The month number (1-12) of a month name or abbreviation in the accepted
 * languages, or 0. */
int dsr_month_from_name(const char *s, size_t n, size_t *used);

#endif
