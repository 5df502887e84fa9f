/*
 * date.c - the interview date as written in the front matter, and the send-by
 * deadline 48 hours later.  Dates are kept as calendar fields (not as epoch
 * seconds) so that a deadline is shown the way the user wrote the date, with
 * the same offset, on every machine.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "internal.h"

/* Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant). */
static long long
days_from_civil(long long y, unsigned m, unsigned d)
{
	long long era;
	unsigned yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + (long long)doe - 719468;
}

static void
civil_from_days(long long z, int *y, int *m, int *d)
{
	long long era;
	unsigned doe, yoe, doy, mp;

	z += 719468;
	era = (z >= 0 ? z : z - 146096) / 146097;
	doe = (unsigned)(z - era * 146097);
	yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	mp = (5 * doy + 2) / 153;
	*d = (int)(doy - (153 * mp + 2) / 5 + 1);
	*m = (int)(mp < 10 ? mp + 3 : mp - 9);
	*y = (int)(yoe + era * 400 + (*m <= 2));
}

static int
days_in_month(int y, int m)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};

	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return days[m - 1];
}

/* Reads exactly n digits at *s into *out and moves *s past them. */
static bool
digits(const char **s, int n, int *out)
{
	int v = 0, i;

	for (i = 0; i < n; i++) {
		if (!isdigit((unsigned char)(*s)[i]))
			return false;
		v = v * 10 + ((*s)[i] - '0');
	}
	*s += n;
	*out = v;
	return true;
}

static void
from_epoch(long long secs, sr_date *out)
{
	long long days = secs / 86400, rem = secs % 86400;

	if (rem < 0) {
		rem += 86400;
		days--;
	}
	memset(out, 0, sizeof(*out));
	civil_from_days(days, &out->year, &out->month, &out->day);
	out->hour = (int)(rem / 3600);
	out->minute = (int)(rem / 60 % 60);
	out->second = (int)(rem % 60);
	out->has_time = true;
	out->has_offset = true;
}

bool
sr_date_parse(const char *text, sr_date *out)
{
	const char *s = text;
	size_t n = strlen(text);
	int oh, om, sign;

	memset(out, 0, sizeof(*out));
	if (n == 10 || n == 13) {
		size_t i;
		long long v = 0;

		for (i = 0; i < n && isdigit((unsigned char)s[i]); i++)
			v = v * 10 + (s[i] - '0');
		if (i == n) {
			from_epoch(n == 13 ? v / 1000 : v, out);
			return true;
		}
	}
	if (!digits(&s, 4, &out->year) || *s++ != '-' ||
	    !digits(&s, 2, &out->month) || *s++ != '-' ||
	    !digits(&s, 2, &out->day))
		return false;
	if (out->month < 1 || out->month > 12 || out->day < 1 ||
	    out->day > days_in_month(out->year, out->month))
		return false;
	if (*s == '\0')
		return true;
	if (*s != 'T' && *s != 't' && *s != ' ')
		return false;
	while (*s == ' ' || *s == 'T' || *s == 't')
		s++;
	if (!digits(&s, 2, &out->hour) || *s++ != ':' ||
	    !digits(&s, 2, &out->minute))
		return false;
	if (*s == ':') {
		s++;
		if (!digits(&s, 2, &out->second))
			return false;
		if (*s == '.') /* fractions of a second are dropped */
			for (s++; isdigit((unsigned char)*s); s++)
				;
	}
	if (out->hour > 23 || out->minute > 59 || out->second > 60)
		return false;
	out->has_time = true;
	while (*s == ' ')
		s++;
	if (*s == '\0')
		return true;
	if (*s == 'Z' || *s == 'z') {
		out->has_offset = true;
		return s[1] == '\0';
	}
	if (*s != '+' && *s != '-')
		return false;
	sign = *s++ == '-' ? -1 : 1;
	if (!digits(&s, 2, &oh))
		return false;
	om = 0;
	if (*s == ':')
		s++;
	if (*s != '\0' && !digits(&s, 2, &om))
		return false;
	if (*s != '\0' || oh > 14 || om > 59)
		return false;
	out->has_offset = true;
	out->offset_min = sign * (oh * 60 + om);
	return true;
}

sr_date
sr_date_add_hours(sr_date d, int hours)
{
	long long days = days_from_civil(d.year, (unsigned)d.month,
	    (unsigned)d.day);
	long long mins = (long long)d.hour * 60 + d.minute +
	    (long long)hours * 60;

	days += mins / 1440;
	mins %= 1440;
	if (mins < 0) {
		mins += 1440;
		days--;
	}
	civil_from_days(days, &d.year, &d.month, &d.day);
	d.hour = (int)(mins / 60);
	d.minute = (int)(mins % 60);
	return d;
}

void
sr_date_format(const sr_date *d, char *buf, size_t size)
{
	if (!d->has_time)
		snprintf(buf, size, "%04d-%02d-%02d", d->year, d->month, d->day);
	else if (!d->has_offset)
		snprintf(buf, size, "%04d-%02d-%02d %02d:%02d", d->year,
		    d->month, d->day, d->hour, d->minute);
	else if (d->offset_min == 0)
		snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02dZ", d->year,
		    d->month, d->day, d->hour, d->minute, d->second);
	else {
		int off = d->offset_min < 0 ? -d->offset_min : d->offset_min;

		snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d",
		    d->year, d->month, d->day, d->hour, d->minute, d->second,
		    d->offset_min < 0 ? '-' : '+', off / 60, off % 60);
	}
}

time_t
sr_date_epoch(const sr_date *d)
{
	struct tm tm;

	if (d->has_offset) {
		long long days = days_from_civil(d->year, (unsigned)d->month,
		    (unsigned)d->day);

		return (time_t)(days * 86400 + d->hour * 3600 + d->minute * 60 +
		    d->second - (long long)d->offset_min * 60);
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = d->year - 1900;
	tm.tm_mon = d->month - 1;
	tm.tm_mday = d->day;
	tm.tm_hour = d->hour;
	tm.tm_min = d->minute;
	tm.tm_sec = d->second;
	tm.tm_isdst = -1;
	return mktime(&tm);
}

void
sr_date_local(time_t t, char *buf, size_t size)
{
	struct tm tm;
	long off;

	if (localtime_r(&t, &tm) == NULL) {
		snprintf(buf, size, "?");
		return;
	}
	off = tm.tm_gmtoff / 60;
	snprintf(buf, size, "%04d-%02d-%02dT%02d:%02d%c%02ld:%02ld",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min,
	    off < 0 ? '-' : '+', (off < 0 ? -off : off) / 60,
	    (off < 0 ? -off : off) % 60);
}
