/* test-datetime.c: strict date parsing and plain-English formatting.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rd-core.h"

static void
test_parse_dates (void)
{
  const char *good[] = { "2024-02-29", "1900-01-01", "2200-12-31", "2023-11-20" };
  const struct { const char *text; int code; } bad[] = {
    { "2024-02-30", RD_DATE_ERROR_INVALID },
    { "2023-02-29", RD_DATE_ERROR_INVALID },
    { "tomorrow", RD_DATE_ERROR_INVALID },
    { "", RD_DATE_ERROR_INVALID },
    { "2024-1-5", RD_DATE_ERROR_INVALID },
    { "2024-01-05x", RD_DATE_ERROR_INVALID },
    { "2024-13-01", RD_DATE_ERROR_INVALID },
    { "1899-12-31", RD_DATE_ERROR_OUT_OF_RANGE },
    { "2201-01-01", RD_DATE_ERROR_OUT_OF_RANGE },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate *date = rd_date_parse_iso (good[i], &error);
      g_autofree char *back = NULL;

      g_assert_no_error (error);
      back = rd_date_to_iso (date);
      g_assert_cmpstr (back, ==, good[i]);
      g_date_free (date);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      GDate *date = rd_date_parse_iso (bad[i].text, &error);

      g_assert_null (date);
      g_assert_error (error, RD_DATE_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].text));
    }
}

static void
test_parse_datetimes (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) a = rd_datetime_parse_local ("2024-03-05T21:15", &error);
  g_autoptr(GDateTime) b = rd_datetime_parse_local ("2024-03-05 21:15:30", &error);
  g_autoptr(GDateTime) c = rd_datetime_parse_local ("2024-03-05", &error);
  g_autofree char *stored = NULL;

  g_assert_no_error (error);
  g_assert_cmpint (g_date_time_get_hour (a), ==, 21);
  g_assert_cmpint (g_date_time_get_second (b), ==, 30);
  g_assert_cmpint (g_date_time_get_hour (c), ==, 0);
  stored = rd_datetime_to_storage (a);
  g_assert_cmpstr (stored, ==, "2024-03-05T21:15:00");

  g_assert_null (rd_datetime_parse_local ("2024-03-05T24:00", &error));
  g_assert_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID);
  g_clear_error (&error);
  g_assert_null (rd_datetime_parse_local ("2024-02-30T10:00", &error));
  g_assert_error (error, RD_DATE_ERROR, RD_DATE_ERROR_INVALID);
}

static void
test_format_with_weekday (void)
{
  GDate *date = g_date_new_dmy (18, G_DATE_NOVEMBER, 2024);
  g_autofree char *text = rd_date_format_long (date);
  g_autoptr(GDateTime) dt = rd_datetime_parse_local ("2024-11-04T09:05", NULL);
  g_autofree char *long_text = rd_datetime_format_long (dt);

  g_assert_cmpstr (text, ==, "Monday 18 November 2024");
  g_assert_cmpstr (long_text, ==, "Monday 4 November 2024 at 09:05");
  g_date_free (date);
}

static GTimeZone *
london (void)
{
  GTimeZone *tz = g_time_zone_new_identifier ("Europe/London");

  /* Without tzdata GLib gives NULL here; the test must not pass on UTC. */
  g_assert_nonnull (tz);
  return tz;
}

static char *
format_utc (GDateTime *dt)
{
  g_autoptr(GDateTime) utc = g_date_time_to_utc (dt);

  return g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
}

/* Spring forward, Europe/London, Sunday 30 March 2025: 01:00 GMT became
 * 02:00 BST, so 01:00-01:59 did not happen. */
static void
test_spring_forward_gap (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) before = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autoptr(GDateTime) gap = NULL;
  g_autofree char *before_utc = NULL;
  g_autofree char *after_utc = NULL;
  g_autofree char *stored = NULL;

  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 3, 30, 0, 59, 0), ==, RD_WALL_CLOCK_ONCE);
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 3, 30, 1, 0, 0), ==, RD_WALL_CLOCK_SKIPPED);
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 3, 30, 1, 30, 0), ==, RD_WALL_CLOCK_SKIPPED);
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 3, 30, 1, 59, 59), ==, RD_WALL_CLOCK_SKIPPED);
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 3, 30, 2, 0, 0), ==, RD_WALL_CLOCK_ONCE);
  /* The same time a day either side is an ordinary time. */
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 3, 29, 1, 30, 0), ==, RD_WALL_CLOCK_ONCE);
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 3, 31, 1, 30, 0), ==, RD_WALL_CLOCK_ONCE);

  gap = rd_datetime_new_wall_clock (tz, 2025, 3, 30, 1, 30, 0, &error);
  g_assert_null (gap);
  g_assert_error (error, RD_DATE_ERROR, RD_DATE_ERROR_SKIPPED_TIME);
  g_assert_cmpstr (error->message, ==,
                   "The clocks went forward at 1am on Sunday 30 March 2025, so 1:30am did not "
                   "happen that day. Check the time.");
  g_clear_error (&error);

  /* Parsing says the same rather than moving it to 2am. */
  g_assert_null (rd_datetime_parse_in_zone ("2025-03-30T01:30", tz, &error));
  g_assert_error (error, RD_DATE_ERROR, RD_DATE_ERROR_SKIPPED_TIME);
  g_assert_nonnull (strstr (error->message, "1:30am did not happen"));
  g_clear_error (&error);
  g_assert_null (rd_datetime_parse_in_zone ("2025-03-30T01:00", tz, &error));
  g_assert_nonnull (strstr (error->message, "so 1am did not happen"));
  g_clear_error (&error);

  /* Either side of the gap: one minute of real time apart. */
  before = rd_datetime_new_wall_clock (tz, 2025, 3, 30, 0, 59, 0, &error);
  after = rd_datetime_new_wall_clock (tz, 2025, 3, 30, 2, 0, 0, &error);
  g_assert_no_error (error);
  before_utc = format_utc (before);
  after_utc = format_utc (after);
  g_assert_cmpstr (before_utc, ==, "2025-03-30T00:59:00Z");
  g_assert_cmpstr (after_utc, ==, "2025-03-30T01:00:00Z");
  g_assert_cmpint (g_date_time_difference (after, before), ==, 60 * G_TIME_SPAN_SECOND);
  stored = rd_datetime_to_storage (after);
  g_assert_cmpstr (stored, ==, "2025-03-30T02:00:00");
}

/* Fall back, Europe/London, Sunday 26 October 2025: 02:00 BST became
 * 01:00 GMT, so 01:00-01:59 happened twice. Redress means the first. */
static void
test_fall_back_repeat (void)
{
  g_autoptr(GTimeZone) tz = london ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) repeated = NULL;
  g_autoptr(GDateTime) read_back = NULL;
  g_autoptr(GDateTime) after = NULL;
  g_autofree char *utc = NULL;
  g_autofree char *stored = NULL;
  g_autofree char *after_utc = NULL;

  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 10, 26, 0, 59, 0), ==, RD_WALL_CLOCK_ONCE);
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 10, 26, 1, 0, 0), ==, RD_WALL_CLOCK_REPEATED);
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 10, 26, 1, 30, 0), ==, RD_WALL_CLOCK_REPEATED);
  g_assert_cmpint (rd_datetime_check_wall_clock (tz, 2025, 10, 26, 2, 0, 0), ==, RD_WALL_CLOCK_ONCE);

  /* Accepted, as the first 1:30am: still British Summer Time. */
  repeated = rd_datetime_new_wall_clock (tz, 2025, 10, 26, 1, 30, 0, &error);
  g_assert_no_error (error);
  g_assert_nonnull (repeated);
  g_assert_cmpint (g_date_time_get_utc_offset (repeated), ==, G_TIME_SPAN_HOUR);
  utc = format_utc (repeated);
  g_assert_cmpstr (utc, ==, "2025-10-26T00:30:00Z");

  /* Stored as the wall clock, and read back as the same moment. */
  stored = rd_datetime_to_storage (repeated);
  g_assert_cmpstr (stored, ==, "2025-10-26T01:30:00");
  read_back = rd_datetime_parse_in_zone (stored, tz, &error);
  g_assert_no_error (error);
  g_assert_true (g_date_time_equal (read_back, repeated));

  /* 2am GMT is 90 minutes after the first 1:30am. */
  after = rd_datetime_parse_in_zone ("2025-10-26T02:00", tz, &error);
  g_assert_no_error (error);
  after_utc = format_utc (after);
  g_assert_cmpstr (after_utc, ==, "2025-10-26T02:00:00Z");
  g_assert_cmpint (g_date_time_difference (after, repeated), ==, 90 * G_TIME_SPAN_MINUTE);
}

/* What is already in the store is read, never refused: a skipped time
 * written by hand or by an older version still gives a moment. main() sets
 * TZ to Europe/London, as the store reads in the local zone. */
static void
test_stored_gap_kept (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) stored = NULL;
  g_autoptr(GDateTime) typed = NULL;

  stored = rd_datetime_parse_stored ("2025-03-30T01:30:00", &error);
  g_assert_no_error (error);
  g_assert_nonnull (stored);
  g_assert_cmpint (g_date_time_get_day_of_month (stored), ==, 30);

  typed = rd_datetime_parse_local ("2025-03-30T01:30:00", &error);
  g_assert_null (typed);
  g_assert_error (error, RD_DATE_ERROR, RD_DATE_ERROR_SKIPPED_TIME);
}


/* Every form a resident types, judged against a fixed today (Friday 6
 * December 2024), never the computer's clock. */
static void
test_parse_typed (void)
{
  g_autoptr(GDate) today = g_date_new_dmy (6, G_DATE_DECEMBER, 2024);
  const struct { const char *text; const char *iso; } good[] = {
    { "2024-12-13", "2024-12-13" },
    { "2024-3-5", "2024-03-05" },
    { "13/12/2024", "2024-12-13" },
    { " 1/2/2024 ", "2024-02-01" },
    { "13.12.24", "2024-12-13" },
    { "13-12-1998", "1998-12-13" },
    { "5/1/98", "1998-01-05" },
    { "13/12", "2024-12-13" },
    { "13 Dec 2024", "2024-12-13" },
    { "13 december 2024", "2024-12-13" },
    { "13 Sept 2023", "2023-09-13" },
    { "13th December 2024", "2024-12-13" },
    { "the 1st of March 2020", "2020-03-01" },
    { "December 13, 2024", "2024-12-13" },
    { "Friday 13 December 2024", "2024-12-13" },
    { "Fri 13 Dec 2024", "2024-12-13" },
    { "2 Jan", "2024-01-02" },
    { "29 February 2024", "2024-02-29" },
    { "today", "2024-12-06" },
    { "Today", "2024-12-06" },
    { "yesterday", "2024-12-05" },
    { "tomorrow", "2024-12-07" },
  };
  const struct { const char *text; int code; const char *says; } bad[] = {
    { "31/02/2024", RD_DATE_ERROR_INVALID, "29 days" },
    { "29/02/2023", RD_DATE_ERROR_INVALID, "28 days" },
    { "31 April 2024", RD_DATE_ERROR_INVALID, "30 days" },
    { "2024-13-01", RD_DATE_ERROR_INVALID, "not a real date" },
    { "13/13/2024", RD_DATE_ERROR_INVALID, "not a real date" },
    { "0/1/2024", RD_DATE_ERROR_INVALID, "not a real date" },
    { "next blursday", RD_DATE_ERROR_INVALID, "13/12/2024" },
    { "12/2024", RD_DATE_ERROR_INVALID, "13/12/2024" },
    { "13 Dec 2024 Jan", RD_DATE_ERROR_INVALID, "13/12/2024" },
    { "13/12/202", RD_DATE_ERROR_INVALID, "13/12/2024" },
    { "1/2/3/4", RD_DATE_ERROR_INVALID, "13/12/2024" },
    { "Monday 13 December 2024", RD_DATE_ERROR_INVALID, "Friday 13 December 2024" },
    { "13/12/1850", RD_DATE_ERROR_OUT_OF_RANGE, "1900" },
    { "   ", RD_DATE_ERROR_INVALID, "Type a date" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) date = rd_date_parse_typed (good[i].text, today, &error);
      g_autofree char *iso = NULL;

      g_test_message ("typed “%s”", good[i].text);
      g_assert_no_error (error);
      iso = rd_date_to_iso (date);
      g_assert_cmpstr (iso, ==, good[i].iso);
    }
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GDate) date = rd_date_parse_typed (bad[i].text, today, &error);

      g_test_message ("typed “%s”: %s", bad[i].text, error ? error->message : "(no error)");
      g_assert_null (date);
      g_assert_error (error, RD_DATE_ERROR, bad[i].code);
      g_assert_nonnull (strstr (error->message, bad[i].says));
    }
}

/* "today" follows the day given, across a month's and a year's end. */
static void
test_parse_typed_relative (void)
{
  g_autoptr(GDate) new_year = g_date_new_dmy (1, G_DATE_JANUARY, 2025);
  g_autoptr(GDate) yesterday = rd_date_parse_typed ("yesterday", new_year, NULL);
  g_autoptr(GDate) leap = g_date_new_dmy (28, G_DATE_FEBRUARY, 2024);
  g_autoptr(GDate) tomorrow = rd_date_parse_typed ("TOMORROW", leap, NULL);
  g_autoptr(GDate) short_year = rd_date_parse_typed ("1/1/80", new_year, NULL);
  g_autofree char *a = rd_date_to_iso (yesterday);
  g_autofree char *b = rd_date_to_iso (tomorrow);
  g_autofree char *c = rd_date_to_iso (short_year);

  g_assert_cmpstr (a, ==, "2024-12-31");
  g_assert_cmpstr (b, ==, "2024-02-29");
  /* Two-digit years are the nearest: 1980 seen from 2025, not 2080. */
  g_assert_cmpstr (c, ==, "1980-01-01");
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  /* Before GLib first reads the local zone. */
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/datetime/parse-dates", test_parse_dates);
  g_test_add_func ("/datetime/parse-datetimes", test_parse_datetimes);
  g_test_add_func ("/datetime/parse-typed", test_parse_typed);
  g_test_add_func ("/datetime/parse-typed-relative", test_parse_typed_relative);
  g_test_add_func ("/datetime/format-with-weekday", test_format_with_weekday);
  g_test_add_func ("/datetime/spring-forward-gap", test_spring_forward_gap);
  g_test_add_func ("/datetime/fall-back-repeat", test_fall_back_repeat);
  g_test_add_func ("/datetime/stored-gap-kept", test_stored_gap_kept);

  return g_test_run ();
}
