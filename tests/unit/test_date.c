/* test_date.c: dates as pages and feeds write them. */
#include "dossier/date.h"
#include "test.h"

static const char *iso(const char *s)
{
	static char out[32];
	dsr_date d;
	if (dsr_date_parse(s, strlen(s), &d, NULL) != DSR_OK)
		return "ERR";
	dsr_date_iso(&d, out);
	return out;
}

void test_date_forms(void)
{
	CHECK_STR(iso("2031-03-14"), "2031-03-14");
	CHECK_STR(iso("2031-03-14T08:30:00Z"), "2031-03-14T08:30:00Z");
	CHECK_STR(iso("2031-03-14T08:30:00.000+00:00"), "2031-03-14T08:30:00Z");
	/* another zone: the local calendar date */
	CHECK_STR(iso("2031-03-14T23:30:00-05:00"), "2031-03-14");
	CHECK_STR(iso("Fri, 14 Mar 2031 15:20:00 GMT"), "2031-03-14T15:20:00Z");
	CHECK_STR(iso("Fri, 14 Mar 2031 15:20:00 +0200"), "2031-03-14");
	CHECK_STR(iso("March 9, 2031"), "2031-03-09");
	CHECK_STR(iso("Sept. 3rd, 2030"), "2030-09-03");
	CHECK_STR(iso("9 March 2031"), "2031-03-09");
	CHECK_STR(iso("14. März 2031"), "2031-03-14");
	CHECK_STR(iso("3 de junio de 2030"), "2030-06-03");
	CHECK_STR(iso("14.03.2031"), "2031-03-14");
	CHECK_STR(iso("2031/03/14"), "2031-03-14");
	CHECK_STR(iso("03/14/2031"), "2031-03-14");
	CHECK_STR(iso("2031-03"), "2031-03");
	CHECK_STR(iso("2031-02-30"), "ERR");
	CHECK_STR(iso("yesterday"), "ERR");
	CHECK_STR(iso("Mayor said"), "ERR");
}

void test_date_find(void)
{
	dsr_date d;
	size_t at, used;
	const char *s = "PORT ALDER, Veloria (March 9, 2031) - The navy said";
	CHECK(dsr_date_find(s, strlen(s), &d, &at, &used) == DSR_OK);
	CHECK(d.year == 2031 && d.month == 3 && d.day == 9 && at == 21);
	CHECK(dsr_date_find("no date here", 12, &d, &at, &used) != DSR_OK);
	CHECK(dsr_days_from_civil(1970, 1, 1) == 0);
	CHECK(dsr_days_from_civil(2000, 3, 1) == 11017);
}
