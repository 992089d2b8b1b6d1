/* test-clock.c: the one clock: what it says, when it says the day changed, fixed for tests.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "rd-clock.h"
#include "rd-datetime.h"

static void
count_cb (RdClock *clock,
          guint   *count)
{
  (*count)++;
}

/* A fixed clock says the time it was given, in the local zone, and today
 * is that day there, not in UTC. */
static void
test_fixed (void)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  /* 23:30 UTC on Saturday 29 June 2024 is 00:30 BST on Sunday 30 June. */
  g_autoptr(GDateTime) given = g_date_time_new (utc, 2024, 6, 29, 23, 30, 0);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (given);
  g_autoptr(GDateTime) now = rd_clock_dup_now (clock);
  g_autoptr(GDate) today = rd_clock_dup_today (clock);
  g_autofree char *iso = rd_date_to_iso (today);

  g_assert_true (rd_clock_is_fixed (clock));
  g_assert_true (g_date_time_equal (now, given));
  g_assert_cmpint (g_date_time_get_hour (now), ==, 0);
  g_assert_cmpstr (iso, ==, "2024-06-30");
  g_assert_cmpint (rd_clock_get_unix (clock), ==, g_date_time_to_unix (given));
}

/* Moving a fixed clock emits day-changed when, and only when, the date changes. */
static void
test_day_changed (void)
{
  g_autoptr(GDateTime) morning = g_date_time_new_local (2026, 12, 24, 9, 0, 0);
  g_autoptr(GDateTime) evening = g_date_time_new_local (2026, 12, 24, 23, 59, 59);
  g_autoptr(GDateTime) midnight = g_date_time_new_local (2026, 12, 25, 0, 0, 0);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (morning);
  guint count = 0;

  g_signal_connect (clock, "day-changed", G_CALLBACK (count_cb), &count);
  rd_clock_set_fixed (clock, evening);
  g_assert_cmpuint (count, ==, 0);
  rd_clock_set_fixed (clock, midnight);
  g_assert_cmpuint (count, ==, 1);
  rd_clock_set_fixed (clock, midnight);
  g_assert_cmpuint (count, ==, 1);
  rd_clock_set_fixed (clock, morning);
  g_assert_cmpuint (count, ==, 2);
}

/* Set free, a clock follows the wall clock again: from 1990 it comes back
 * to a date after the one this test was written on, and says so. */
static void
test_follows_wall_clock (void)
{
  g_autoptr(GDateTime) long_ago = g_date_time_new_local (1990, 1, 1, 12, 0, 0);
  g_autoptr(RdClock) clock = rd_clock_new_fixed (long_ago);
  g_autoptr(GDateTime) now = NULL;
  guint count = 0;

  g_signal_connect (clock, "day-changed", G_CALLBACK (count_cb), &count);
  rd_clock_set_fixed (clock, NULL);
  g_assert_false (rd_clock_is_fixed (clock));
  g_assert_cmpuint (count, ==, 1);
  now = rd_clock_dup_now (clock);
  g_assert_cmpint (g_date_time_get_year (now), >=, 2024);
}

/* REDRESS_TODAY-style variables: a date fixes the clock at noon that day;
 * anything else is refused with the variable's name. */
static void
test_from_env (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdClock) fixed = NULL;
  g_autoptr(RdClock) bad = NULL;
  g_autoptr(RdClock) unset = NULL;
  g_autoptr(GDateTime) now = NULL;

  g_setenv ("RD_TEST_TODAY", "2028-02-29", TRUE);
  fixed = rd_clock_new_from_env ("RD_TEST_TODAY", &error);
  g_assert_no_error (error);
  g_assert_true (rd_clock_is_fixed (fixed));
  now = rd_clock_dup_now (fixed);
  g_assert_cmpint (g_date_time_get_year (now), ==, 2028);
  g_assert_cmpint (g_date_time_get_month (now), ==, 2);
  g_assert_cmpint (g_date_time_get_day_of_month (now), ==, 29);
  g_assert_cmpint (g_date_time_get_hour (now), ==, 12);

  g_setenv ("RD_TEST_TODAY", "2027-02-29", TRUE);
  bad = rd_clock_new_from_env ("RD_TEST_TODAY", &error);
  g_assert_null (bad);
  g_assert_nonnull (error);
  g_assert_true (g_str_has_prefix (error->message, "RD_TEST_TODAY: "));

  g_unsetenv ("RD_TEST_TODAY");
  unset = rd_clock_new_from_env ("RD_TEST_TODAY", NULL);
  g_assert_true (unset == rd_clock_get_default ());
  g_assert_false (rd_clock_is_fixed (unset));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/clock/fixed", test_fixed);
  g_test_add_func ("/clock/day-changed", test_day_changed);
  g_test_add_func ("/clock/follows-wall-clock", test_follows_wall_clock);
  g_test_add_func ("/clock/from-env", test_from_env);

  return g_test_run ();
}
