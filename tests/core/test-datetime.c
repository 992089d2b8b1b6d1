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

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/datetime/parse-dates", test_parse_dates);
  g_test_add_func ("/datetime/parse-datetimes", test_parse_datetimes);
  g_test_add_func ("/datetime/format-with-weekday", test_format_with_weekday);

  return g_test_run ();
}
