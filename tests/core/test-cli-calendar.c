/* test-cli-calendar.c: redress-cli's holidays, workdays and add-workdays, run as a program.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include <glib.h>

#include "store-fixtures.h"

/* A usage error: status 2, nothing on stdout, exactly one line on stderr. */
static void
assert_usage_error (FixtureRun *run)
{
  g_assert_cmpint (run->status, ==, 2);
  g_assert_cmpstr (run->out, ==, "");
  g_assert_true (g_str_has_prefix (run->err, "redress-cli: "));
  g_assert_true (g_str_has_suffix (run->err, "\n"));
  g_assert_true (strchr (run->err, '\n') == run->err + strlen (run->err) - 1);
}

static void
test_holidays (void)
{
  g_auto(FixtureRun) run = { 0 };

  fixture_run (&run, NULL, "holidays", "2022", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_cmpstr (run.out, ==,
                   "2022-01-03\n2022-04-15\n2022-04-18\n2022-05-02\n2022-06-02\n"
                   "2022-06-03\n2022-08-29\n2022-09-19\n2022-12-26\n2022-12-27\n");
}

static void
test_holidays_json (void)
{
  g_auto(FixtureRun) run = { 0 };

  fixture_run (&run, NULL, "holidays", "2023", "--json", NULL);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_nonnull (strstr (run.out, "\"date\" : \"2023-05-08\""));
  g_assert_nonnull (strstr (run.out, "\"long_date\" : \"Monday 8 May 2023\""));
}

static void
test_holidays_bad_years (void)
{
  const char *bad[] = { "1899", "2201", "abc", "20x4", "-2024", "" };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(FixtureRun) run = { 0 };

      fixture_run (&run, NULL, "holidays", bad[i], NULL);
      assert_usage_error (&run);
    }
  {
    g_auto(FixtureRun) run = { 0 };

    fixture_run (&run, NULL, "holidays", NULL);
    assert_usage_error (&run);
  }
}

static void
test_workdays (void)
{
  const struct { const char *from, *to, *out; } cases[] = {
    { "2024-11-04", "2024-11-18", "10\n" },
    { "2024-11-18", "2024-11-04", "-10\n" },
    { "2024-11-18", "2024-11-20", "2\n" },
    { "2024-11-02", "2024-11-03", "0\n" },
    { "2024-12-20", "2024-12-31", "5\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(FixtureRun) run = { 0 };

      fixture_run (&run, NULL, "workdays", cases[i].from, cases[i].to, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, cases[i].out);
    }
}

static void
test_add_workdays (void)
{
  const struct { const char *date, *n, *out; } cases[] = {
    { "2024-11-04", "10", "2024-11-18\n" },
    { "2024-11-04", "+10", "2024-11-18\n" },
    { "2024-11-04", "-1", "2024-11-01\n" },
    { "2024-11-04", "0", "2024-11-04\n" },
    { "2022-05-31", "3", "2022-06-07\n" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_auto(FixtureRun) run = { 0 };

      fixture_run (&run, NULL, "add-workdays", cases[i].date, cases[i].n, NULL);
      g_assert_cmpint (run.status, ==, 0);
      g_assert_cmpstr (run.out, ==, cases[i].out);
    }
}

static void
test_bad_dates (void)
{
  const char *const bad[][3] = {
    { "workdays", "2024-02-30", "2024-03-01" },
    { "workdays", "2024-03-01", "tomorrow" },
    { "workdays", "1899-12-31", "2024-03-01" },
    { "add-workdays", "2024-02-30", "1" },
    { "add-workdays", "tomorrow", "1" },
    { "add-workdays", "2024-01-01", "x" },
    { "add-workdays", "2024-01-01", "1.5" },
    { "add-workdays", "2200-12-30", "10" },
    { "add-workdays", "2201-01-01", "1" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_auto(FixtureRun) run = { 0 };

      fixture_run (&run, NULL, bad[i][0], bad[i][1], bad[i][2], NULL);
      assert_usage_error (&run);
    }
  {
    g_auto(FixtureRun) run = { 0 };

    fixture_run (&run, NULL, "workdays", "2024-01-01", NULL);
    assert_usage_error (&run);
  }
  /* A count far too big is a whole number all the same: say what is wrong. */
  {
    g_auto(FixtureRun) run = { 0 };

    fixture_run (&run, NULL, "add-workdays", "2024-01-01", "2147483647", NULL);
    assert_usage_error (&run);
    g_assert_null (strstr (run.err, "not a whole number"));
    g_assert_nonnull (strstr (run.err, "outside the years"));
  }
}

/* --help lines up every command's summary in one column, "FILE…" included. */
static void
test_help_columns (void)
{
  g_auto(FixtureRun) run = { 0 };
  g_auto(GStrv) lines = NULL;
  glong column = -1;
  guint rows = 0;

  fixture_run (&run, NULL, "--help", NULL);
  g_assert_cmpint (run.status, ==, 0);
  lines = g_strsplit (run.out, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *gap;

      if (!g_str_has_prefix (lines[i], "  ") || (gap = strstr (lines[i] + 2, "  ")) == NULL)
        continue;
      while (*gap == ' ')
        gap++;
      if (column < 0)
        column = g_utf8_pointer_to_offset (lines[i], gap);
      else if (g_utf8_pointer_to_offset (lines[i], gap) != column)
        g_error ("“%s” is not lined up with the other lines", lines[i]);
      rows++;
    }
  g_assert_cmpuint (rows, >, 10);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/cli/holidays", test_holidays);
  g_test_add_func ("/cli/holidays-json", test_holidays_json);
  g_test_add_func ("/cli/holidays-bad-years", test_holidays_bad_years);
  g_test_add_func ("/cli/workdays", test_workdays);
  g_test_add_func ("/cli/add-workdays", test_add_workdays);
  g_test_add_func ("/cli/bad-dates", test_bad_dates);
  g_test_add_func ("/cli/help-columns", test_help_columns);

  return g_test_run ();
}
