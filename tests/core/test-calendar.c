/* test-calendar.c: bank holidays against a hand-typed table, and working-day arithmetic.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <stdlib.h>
#include <string.h>

#include "rd-core.h"

static GDate *
date_new (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate *date = rd_date_parse_iso (iso, &error);

  g_assert_no_error (error);
  return date;
}

static char *
add_iso (const char *iso,
         int         n)
{
  g_autoptr(GDate) from = date_new (iso);
  g_autoptr(GError) error = NULL;
  GDate result;

  g_assert_true (rd_calendar_add_working_days (from, n, &result, &error));
  g_assert_no_error (error);
  return rd_date_to_iso (&result);
}

static int
count_iso (const char *a,
           const char *b)
{
  g_autoptr(GDate) from = date_new (a);
  g_autoptr(GDate) to = date_new (b);

  return rd_calendar_count_working_days (from, to);
}

/* Reads tests/core/data/bank-holidays-1995-2035.txt: year → sorted ISO dates. */
static GHashTable *
load_hand_table (void)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "data",
                                                  "bank-holidays-1995-2035.txt", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) lines = NULL;
  GHashTable *years = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL,
                                             (GDestroyNotify) g_ptr_array_unref);

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      char *hash = strchr (lines[i], '#');
      char *line;
      GPtrArray *dates;
      int year;

      if (hash != NULL)
        *hash = '\0';
      line = g_strstrip (lines[i]);
      if (line[0] == '\0')
        continue;
      g_assert_cmpuint (strlen (line), ==, 10);
      year = atoi (line);
      dates = g_hash_table_lookup (years, GINT_TO_POINTER (year));
      if (dates == NULL)
        {
          dates = g_ptr_array_new_with_free_func (g_free);
          g_hash_table_insert (years, GINT_TO_POINTER (year), dates);
        }
      g_ptr_array_add (dates, g_strdup (line));
    }
  return years;
}

static void
test_against_hand_table (void)
{
  g_autoptr(GHashTable) table = load_hand_table ();
  guint total = 0;

  g_assert_cmpuint (g_hash_table_size (table), ==, 2035 - 1995 + 1);
  for (int year = 1995; year <= 2035; year++)
    {
      GPtrArray *expected = g_hash_table_lookup (table, GINT_TO_POINTER (year));
      g_autoptr(GArray) got = NULL;
      g_autoptr(GError) error = NULL;
      g_autoptr(GString) want_text = g_string_new (NULL);
      g_autoptr(GString) got_text = g_string_new (NULL);

      g_assert_nonnull (expected);
      got = rd_calendar_list_bank_holidays (year, &error);
      g_assert_no_error (error);

      for (guint i = 0; i < expected->len; i++)
        g_string_append_printf (want_text, "%s ", (char *) expected->pdata[i]);
      for (guint i = 0; i < got->len; i++)
        {
          const RdBankHoliday *h = &g_array_index (got, RdBankHoliday, i);
          g_autofree char *iso = rd_date_to_iso (&h->date);

          g_string_append_printf (got_text, "%s ", iso);
          g_assert_false (rd_calendar_is_working_day (&h->date));
          g_assert_true (rd_calendar_is_bank_holiday (&h->date, NULL));
          g_assert_nonnull (h->name);
          g_assert_cmpstr (h->name, !=, "");
        }
      g_assert_cmpstr (got_text->str, ==, want_text->str);
      total += expected->len;
    }
  g_assert_cmpuint (total, ==, 335);
}

/* Every day of 1995–2035 that is not in the table and not a weekend is a working day. */
static void
test_every_other_day_works (void)
{
  g_autoptr(GHashTable) table = load_hand_table ();
  g_autoptr(GHashTable) holidays = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr(GDate) day = date_new ("1995-01-01");
  g_autoptr(GDate) end = date_new ("2035-12-31");
  GHashTableIter iter;
  gpointer value;

  g_hash_table_iter_init (&iter, table);
  while (g_hash_table_iter_next (&iter, NULL, &value))
    {
      GPtrArray *dates = value;

      for (guint i = 0; i < dates->len; i++)
        g_hash_table_add (holidays, dates->pdata[i]);
    }

  for (; g_date_compare (day, end) <= 0; g_date_add_days (day, 1))
    {
      g_autofree char *iso = rd_date_to_iso (day);
      gboolean weekend = g_date_get_weekday (day) >= G_DATE_SATURDAY;
      gboolean holiday = g_hash_table_contains (holidays, iso);

      if (rd_calendar_is_working_day (day) != (!weekend && !holiday))
        g_error ("%s: calendar says %s", iso,
                 rd_calendar_is_working_day (day) ? "working day" : "not a working day");
    }
}

static void
test_easter (void)
{
  /* Published Easter Sundays, including the earliest and latest possible. */
  const char *known[] = {
    "1900-04-15", "1913-03-23", "1943-04-25", "2000-04-23", "2008-03-23",
    "2024-03-31", "2038-04-25", "2100-03-28",
  };

  for (guint i = 0; i < G_N_ELEMENTS (known); i++)
    {
      g_autoptr(GDate) want = date_new (known[i]);
      GDate easter;

      rd_calendar_get_easter (g_date_get_year (want), &easter);
      g_assert_cmpint (g_date_compare (&easter, want), ==, 0);
    }

  for (int year = RD_CALENDAR_YEAR_MIN; year <= RD_CALENDAR_YEAR_MAX; year++)
    {
      GDate easter, earliest, latest;

      rd_calendar_get_easter (year, &easter);
      g_date_clear (&earliest, 1);
      g_date_clear (&latest, 1);
      g_date_set_dmy (&earliest, 22, 3, year);
      g_date_set_dmy (&latest, 25, 4, year);
      g_assert_cmpint (g_date_get_weekday (&easter), ==, G_DATE_SUNDAY);
      g_assert_cmpint (g_date_compare (&easter, &earliest), >=, 0);
      g_assert_cmpint (g_date_compare (&easter, &latest), <=, 0);
    }
}

static void
expect_holiday (const char *iso,
                gboolean    holiday)
{
  g_autoptr(GDate) date = date_new (iso);

  if (rd_calendar_is_bank_holiday (date, NULL) != holiday)
    g_error ("%s should %sbe a bank holiday", iso, holiday ? "" : "not ");
}

static void
test_one_off_changes (void)
{
  /* Added days. */
  expect_holiday ("1953-06-02", TRUE);
  expect_holiday ("1973-11-14", TRUE);
  expect_holiday ("1977-06-07", TRUE);
  expect_holiday ("1981-07-29", TRUE);
  expect_holiday ("1999-12-31", TRUE);
  expect_holiday ("2002-06-03", TRUE);
  expect_holiday ("2011-04-29", TRUE);
  expect_holiday ("2012-06-05", TRUE);
  expect_holiday ("2022-06-03", TRUE);
  expect_holiday ("2022-09-19", TRUE);
  expect_holiday ("2023-05-08", TRUE);
  /* Moved days: held on the new date, a working day on the old one. */
  expect_holiday ("1977-06-06", TRUE);
  expect_holiday ("1977-05-30", FALSE);
  expect_holiday ("1995-05-08", TRUE);
  expect_holiday ("1995-05-01", FALSE);
  expect_holiday ("2002-06-04", TRUE);
  expect_holiday ("2002-05-27", FALSE);
  expect_holiday ("2012-06-04", TRUE);
  expect_holiday ("2012-05-28", FALSE);
  expect_holiday ("2020-05-08", TRUE);
  expect_holiday ("2020-05-04", FALSE);
  expect_holiday ("2022-06-02", TRUE);
  expect_holiday ("2022-05-30", FALSE);
}

static void
test_historic_rules (void)
{
  /* 1871 Act: Whit Monday and the first Monday of August. */
  expect_holiday ("1964-05-18", TRUE);
  expect_holiday ("1964-08-03", TRUE);
  expect_holiday ("1964-08-31", FALSE);
  /* The trial years (Hansard, 3 June 1965). */
  expect_holiday ("1967-05-29", TRUE);
  expect_holiday ("1967-05-15", FALSE);
  expect_holiday ("1967-08-28", TRUE);
  expect_holiday ("1968-06-03", TRUE);
  expect_holiday ("1968-09-02", TRUE);
  /* Christmas 1970 on the traditional days, Saturday's Boxing Day not moved
   * (Hansard, 11 November 1970). */
  expect_holiday ("1970-12-26", TRUE);
  expect_holiday ("1970-12-28", FALSE);
  /* No New Year's Day before 1974, no early May holiday before 1978. */
  expect_holiday ("1973-01-01", FALSE);
  expect_holiday ("1974-01-01", TRUE);
  expect_holiday ("1977-05-02", FALSE);
  expect_holiday ("1978-05-01", TRUE);
  /* Far future: the rules go on. */
  expect_holiday ("2200-12-25", TRUE);
  expect_holiday ("2200-01-01", TRUE);
}

static void
test_known_sums (void)
{
  const struct { const char *from; int n; const char *to; } cases[] = {
    { "2024-11-04", 10, "2024-11-18" },   /* Monday + 10 = Monday two weeks on */
    { "2024-11-02", 1, "2024-11-04" },    /* from a Saturday */
    { "2024-11-03", 1, "2024-11-04" },    /* from a Sunday */
    { "2024-12-20", 5, "2024-12-31" },    /* over Christmas */
    { "2024-03-27", 3, "2024-04-03" },    /* over Easter */
    { "2022-05-31", 3, "2022-06-07" },    /* over the Platinum Jubilee */
    { "2022-12-23", 1, "2022-12-28" },    /* Christmas on a Sunday: 26 and 27 off */
    { "2021-12-24", 1, "2021-12-29" },    /* Christmas on a Saturday: 27 and 28 off */
    { "2020-12-24", 1, "2020-12-29" },    /* Boxing Day on a Saturday: 28 off */
    { "2023-12-29", 1, "2024-01-02" },    /* New Year on a Monday */
    { "2021-12-31", 1, "2022-01-04" },    /* New Year on a Saturday: 3 January off */
    { "2024-11-04", -1, "2024-11-01" },
    { "2024-11-03", -1, "2024-11-01" },   /* back from a Sunday */
    { "2025-01-02", -1, "2024-12-31" },
    { "2024-04-02", -2, "2024-03-27" },   /* back over Easter */
    { "2024-11-04", 0, "2024-11-04" },
    { "2024-11-02", 0, "2024-11-02" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = add_iso (cases[i].from, cases[i].n);

      g_assert_cmpstr (got, ==, cases[i].to);
    }

  g_assert_cmpint (count_iso ("2024-11-04", "2024-11-18"), ==, 10);
  g_assert_cmpint (count_iso ("2024-11-18", "2024-11-20"), ==, 2);
  g_assert_cmpint (count_iso ("2024-11-18", "2024-11-04"), ==, -10);
  g_assert_cmpint (count_iso ("2022-05-27", "2022-06-06"), ==, 4);
  g_assert_cmpint (count_iso ("2024-11-02", "2024-11-03"), ==, 0);
  g_assert_cmpint (count_iso ("2024-11-01", "2024-11-04"), ==, 1);
  /* 2024: 262 weekdays less 8 bank holidays (1 January itself is one of them) */
  g_assert_cmpint (count_iso ("2024-01-01", "2024-12-31"), ==, 254);
}

/* Slow, obviously right versions to compare the fast ones with. */
static int
brute_count (const GDate *from,
             const GDate *to)
{
  GDate day = *from;
  int sign = 1, n = 0;
  GDate end = *to;

  if (g_date_compare (to, from) < 0)
    {
      day = *to;
      end = *from;
      sign = -1;
    }
  while (g_date_compare (&day, &end) < 0)
    {
      g_date_add_days (&day, 1);
      if (rd_calendar_is_working_day (&day))
        n++;
    }
  return sign * n;
}

static void
brute_add (const GDate *from,
           int          n,
           GDate       *out)
{
  *out = *from;
  while (n > 0)
    {
      g_date_add_days (out, 1);
      if (rd_calendar_is_working_day (out))
        n--;
    }
  while (n < 0)
    {
      g_date_subtract_days (out, 1);
      if (rd_calendar_is_working_day (out))
        n++;
    }
}

static void
check_round_trip (const GDate *from,
                  int          n)
{
  g_autoptr(GError) error = NULL;
  GDate fast, slow;

  g_assert_true (rd_calendar_add_working_days (from, n, &fast, &error));
  g_assert_no_error (error);
  brute_add (from, n, &slow);
  if (g_date_compare (&fast, &slow) != 0)
    {
      g_autofree char *a = rd_date_to_iso (from);
      g_autofree char *b = rd_date_to_iso (&fast);
      g_autofree char *c = rd_date_to_iso (&slow);

      g_error ("%s %+d: got %s, stepping gives %s", a, n, b, c);
    }
  if (n != 0)
    g_assert_true (rd_calendar_is_working_day (&fast));
  if (n >= 0 || rd_calendar_is_working_day (from))
    g_assert_cmpint (rd_calendar_count_working_days (from, &fast), ==, n);
  g_assert_cmpint (rd_calendar_count_working_days (from, &fast), ==, brute_count (from, &fast));
  g_assert_cmpint (rd_calendar_count_working_days (&fast, from),
                   ==, -rd_calendar_count_working_days (from, &fast));
}

/* Every start day in a window around @centre, every n in -15..15. */
static void
check_window (const char *centre)
{
  g_autoptr(GDate) day = date_new (centre);

  g_date_subtract_days (day, 12);
  for (int i = 0; i < 25; i++, g_date_add_days (day, 1))
    for (int n = -15; n <= 15; n++)
      check_round_trip (day, n);
}

static void
test_round_trips_at_edges (void)
{
  /* Year ends (every Christmas pattern), Easter, substitute days, one-off days. */
  const char *centres[] = {
    "1998-12-31", "1999-12-31", "2004-12-31", "2005-12-31", "2009-12-31",
    "2020-12-31", "2021-12-31", "2022-12-31", "2027-12-31", "2033-12-31",
    "2024-03-31", "2025-04-20", "2011-04-24", "2038-04-25",
    "2000-01-03", "2012-01-02", "2017-01-02",
    "1995-05-08", "2002-06-03", "2011-04-29", "2012-06-04", "2020-05-08",
    "2022-06-02", "2022-09-19", "2023-05-08",
  };

  for (guint i = 0; i < G_N_ELEMENTS (centres); i++)
    check_window (centres[i]);
}

static void
test_round_trips_random (void)
{
  g_autoptr(GDate) base = date_new ("1960-01-01");

  for (int i = 0; i < 20000; i++)
    {
      GDate from = *base;
      int n = g_test_rand_int_range (-80, 81);

      g_date_add_days (&from, (guint) g_test_rand_int_range (0, 100 * 365));
      check_round_trip (&from, n);
    }

  /* count against stepping for random pairs, either order */
  for (int i = 0; i < 2000; i++)
    {
      GDate a = *base, b = *base;

      g_date_add_days (&a, (guint) g_test_rand_int_range (0, 100 * 365));
      g_date_add_days (&b, (guint) g_test_rand_int_range (0, 100 * 365));
      g_assert_cmpint (rd_calendar_count_working_days (&a, &b), ==, brute_count (&a, &b));
    }
}

static void
test_range (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) late = date_new ("2200-12-30");
  g_autoptr(GDate) early = date_new ("1900-01-02");
  g_autoptr(GArray) none = NULL;
  GDate out;

  g_assert_false (rd_calendar_add_working_days (late, 5, &out, &error));
  g_assert_error (error, RD_DATE_ERROR, RD_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_false (rd_calendar_add_working_days (early, -5, &out, &error));
  g_assert_error (error, RD_DATE_ERROR, RD_DATE_ERROR_OUT_OF_RANGE);
  g_clear_error (&error);
  g_assert_true (rd_calendar_add_working_days (late, 1, &out, &error));
  g_assert_no_error (error);

  none = rd_calendar_list_bank_holidays (1899, &error);
  g_assert_null (none);
  g_assert_error (error, RD_DATE_ERROR, RD_DATE_ERROR_OUT_OF_RANGE);
}

static GDateTime *
local (const char *text)
{
  g_autoptr(GError) error = NULL;
  GDateTime *dt = rd_datetime_parse_local (text, &error);

  g_assert_no_error (error);
  return dt;
}

static void
check_hours (const char          *from,
             int                  hours,
             const RdOfficeHours *office,
             const char          *want)
{
  g_autoptr(GDateTime) start = local (from);
  g_autoptr(GDateTime) expected = local (want);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) got = rd_calendar_add_working_hours (start, hours, office, &error);

  g_assert_no_error (error);
  if (!g_date_time_equal (got, expected))
    {
      g_autofree char *text = g_date_time_format_iso8601 (got);

      g_error ("%s + %d working hours: got %s, want %s", from, hours, text, want);
    }
  if (hours > 0)
    g_assert_cmpint (rd_calendar_count_working_minutes (start, got, office), ==, hours * 60);
}

static void
test_working_hours (void)
{
  RdOfficeHours longer = { 8 * 60, 18 * 60 };
  RdOfficeHours def;

  rd_office_hours_init_default (&def);
  g_assert_true (rd_office_hours_is_valid (&def));

  /* Friday 16:00: one hour Friday, eight Monday and Tuesday, seven Wednesday. */
  check_hours ("2024-11-15T16:00", 24, NULL, "2024-11-20T16:00");
  /* A weekend start waits for Monday's opening. */
  check_hours ("2024-11-16T11:00", 24, NULL, "2024-11-20T17:00");
  /* Before opening and after closing. */
  check_hours ("2024-11-18T07:30", 2, NULL, "2024-11-18T11:00");
  check_hours ("2024-11-18T18:30", 2, NULL, "2024-11-19T11:00");
  /* Ending exactly at closing stays that day. */
  check_hours ("2024-11-18T09:00", 8, NULL, "2024-11-18T17:00");
  /* Christmas Day and Boxing Day are skipped. */
  check_hours ("2024-12-24T10:00", 8, NULL, "2024-12-27T10:00");
  /* Office hours are configurable. */
  check_hours ("2024-11-18T08:00", 24, &longer, "2024-11-20T12:00");
  /* Good Friday to Easter Monday, over the spring clock change: the clock
   * starts on Tuesday morning. */
  check_hours ("2024-03-29T12:00", 8, NULL, "2024-04-02T17:00");
  check_hours ("2024-03-28T16:00", 8, NULL, "2024-04-02T16:00");

  {
    g_autoptr(GDateTime) a = local ("2024-11-15T16:00");
    g_autoptr(GDateTime) b = local ("2024-11-20T16:00");

    g_assert_cmpint (rd_calendar_count_working_minutes (b, a, NULL), ==, -24 * 60);
    g_assert_cmpint (rd_calendar_count_working_minutes (a, a, NULL), ==, 0);
  }
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/calendar/hand-table-1995-2035", test_against_hand_table);
  g_test_add_func ("/calendar/every-other-day-works", test_every_other_day_works);
  g_test_add_func ("/calendar/easter", test_easter);
  g_test_add_func ("/calendar/one-off-changes", test_one_off_changes);
  g_test_add_func ("/calendar/historic-rules", test_historic_rules);
  g_test_add_func ("/calendar/known-sums", test_known_sums);
  g_test_add_func ("/calendar/round-trips-at-edges", test_round_trips_at_edges);
  g_test_add_func ("/calendar/round-trips-random", test_round_trips_random);
  g_test_add_func ("/calendar/range", test_range);
  g_test_add_func ("/calendar/working-hours", test_working_hours);

  return g_test_run ();
}
