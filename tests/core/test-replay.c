/* test-replay.c: three Housing Ombudsman determinations re-entered as case JSON, and the complaint-handling failures they name.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each case in tests/core/replay/ is imported into a fresh store whose clock
 * is fixed at the report's date, and its deadlines are judged on that day.
 * The working-day counts the reports give are checked against Redress's
 * calendar. Where a report's count differs from Redress's, the comment says
 * why: Redress counts the way the Complaint Handling Code says ("within N
 * working days of X": day 1 is the first working day after X), and some
 * reports count the first day too.
 */
#include "config.h"

#include <locale.h>

#include "rd-core.h"
#include "store-fixtures.h"

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static int
working_days (const char *from,
              const char *to)
{
  g_autoptr(GDate) a = day (from);
  g_autoptr(GDate) b = day (to);

  return rd_calendar_count_working_days (a, b);
}

/* Imports one replay file as a resident would (redress-cli import) and
 * judges the case on the day the Ombudsman reported. */
static RdDeadlineReport *
replay (const char *file,
        const char *report_day)
{
  g_autofree char *path = g_test_build_filename (G_TEST_DIST, "core", "replay", file, NULL);
  g_autofree char *dir = NULL;
  g_autofree char *text = NULL;
  g_autoptr(RdStore) store = fixture_store_open_temp ("redress-replay-XXXXXX", &dir);
  g_autoptr(GDate) today = day (report_day);
  g_autoptr(GDateTime) noon = g_date_time_new_local (g_date_get_year (today), g_date_get_month (today),
                                                     g_date_get_day (today), 12, 0, 0);
  g_autoptr(GError) error = NULL;
  RdDeadlineReport *report;
  gsize length;
  gint64 case_id;

  g_assert_true (g_file_get_contents (path, &text, &length, &error));
  g_assert_no_error (error);
  rd_clock_set_fixed (rd_store_get_clock (store), noon);
  case_id = rd_case_json_import (store, text, length, &error);
  g_assert_no_error (error);
  g_assert_cmpint (case_id, >, 0);
  report = rd_case_service_compute_deadlines (store, case_id, today, &error);
  g_assert_no_error (error);
  g_assert_nonnull (report);
  fixture_store_close_temp (&store, &dir);
  return report;
}

/* The deadline of this kind and stage that fell due on this day, checked:
 * its status, when it was done (NULL: never) and how many working days
 * late (negative: early). */
static RdDeadline *
expect (RdDeadlineReport *report,
        RdDeadlineKind    kind,
        guint             stage,
        const char       *due,
        RdDeadlineStatus  status,
        const char       *done,
        int               working_days_late)
{
  GListModel *list = rd_deadline_report_get_deadlines (report);
  g_autoptr(GDate) want = day (due);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(RdDeadline) d = g_list_model_get_item (list, i);

      if (rd_deadline_get_kind (d) != kind || rd_deadline_get_stage (d) != stage ||
          g_date_compare (&rd_deadline_get_due (d)->date, want) != 0)
        continue;
      g_assert_cmpstr (rd_deadline_status_to_key (rd_deadline_get_status (d)), ==,
                       rd_deadline_status_to_key (status));
      if (done == NULL)
        g_assert_false (rd_moment_is_set (rd_deadline_get_done (d)));
      else
        {
          g_autoptr(GDate) then = day (done);

          g_assert_true (rd_moment_is_set (rd_deadline_get_done (d)));
          g_assert_cmpint (g_date_compare (&rd_deadline_get_done (d)->date, then), ==, 0);
        }
      g_assert_cmpint (rd_deadline_get_working_days_late (d), ==, working_days_late);
      return d;   /* the report keeps it alive */
    }
  g_test_message ("no %s deadline at stage %u due on %s", rd_deadline_kind_to_key (kind), stage, due);
  g_assert_not_reached ();
  return NULL;
}

/* Clarion (202220769, 28 February 2024). The interim policy gave 10
 * working days to acknowledge and 20 to respond; the Code of April 2022
 * gave 5 to acknowledge, so Redress judges the acknowledgement by the Code
 * and the response by the landlord's shorter limit. */
static void
test_clarion (void)
{
  g_autoptr(RdDeadlineReport) report = replay ("clarion-202220769.json", "2024-02-28");

  /* "It was acknowledged 12 working days after the complaint was
   * submitted": late by the landlord's own 10 days, as the report found,
   * and by the Code's 5 (7 days late). */
  expect (report, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1, "2022-04-13", RD_DEADLINE_MISSED, "2022-04-26", 7);
  g_assert_cmpint (working_days ("2022-04-06", "2022-04-26"), ==, 12);
  g_assert_cmpint (5 + 7, ==, 12);

  /* "23 working days from when it was logged" (20 April). Redress counts
   * from the complaint (6 April), as the policy and the Code do, so it
   * finds the response 11 working days late rather than 3. */
  expect (report, RD_DEADLINE_KIND_RESPONSE, 1, "2022-05-09", RD_DEADLINE_MISSED, "2022-05-24", 11);
  g_assert_cmpint (working_days ("2022-04-20", "2022-05-24"), ==, 23);
  g_assert_cmpint (working_days ("2022-04-06", "2022-05-24"), ==, 20 + 11);

  /* The peer review was acknowledged on 22 November, within the policy's
   * 10 working days; the report finds no fault with it. */
  expect (report, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 2, "2022-11-28", RD_DEADLINE_MET, "2022-11-22", -4);

  /* The report says the final response came "16 working days after it
   * was escalated" and finds no delay at stage 2. From the escalation on
   * 14 November to 23 December is 29 working days (23 from the
   * acknowledgement), so 16 cannot be reproduced. The Code of April 2022
   * wants the stage 2 response within 20 working days of the escalation,
   * and a landlord's longer policy (40) does not displace it: Redress
   * reports it 9 working days late, and the Ombudsman's own count would
   * have been the place to see it. */
  expect (report, RD_DEADLINE_KIND_RESPONSE, 2, "2022-12-12", RD_DEADLINE_MISSED, "2022-12-23", 9);
  g_assert_cmpint (working_days ("2022-11-14", "2022-12-23"), ==, 29);
  g_assert_cmpint (working_days ("2022-11-22", "2022-12-23"), ==, 23);

  /* By 10 January 2023 she had contacted the Ombudsman: within the year. */
  expect (report, RD_DEADLINE_KIND_OMBUDSMAN, 2, "2023-12-23", RD_DEADLINE_MET, "2023-01-10", -242);
}

/* London & Quadrant (202111700, 5 September 2023). This report counts
 * both the first and the last day: its two counts are each one more than
 * the Code's way of counting gives. */
static void
test_lq (void)
{
  g_autoptr(RdDeadlineReport) report = replay ("lq-202111700.json", "2023-09-05");

  /* "The landlord did not acknowledge the complaint." */
  expect (report, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1, "2021-02-23", RD_DEADLINE_MISSED, "2021-12-13", 204);

  /* "At least 210 working days after the resident first said she wanted
   * to make a complaint" (16 February 2021): 209 counted from the day
   * after, 210 with 16 February itself. */
  expect (report, RD_DEADLINE_KIND_RESPONSE, 1, "2021-03-02", RD_DEADLINE_MISSED, "2021-12-13", 199);
  g_assert_cmpint (working_days ("2021-02-16", "2021-12-13"), ==, 10 + 199);
  g_assert_cmpint (working_days ("2021-02-15", "2021-12-13"), ==, 210);

  /* "A stage 2 response followed on 24 June 2022, 73 working days later"
   * than the request of 9 March: 72 counted from the day after. */
  expect (report, RD_DEADLINE_KIND_RESPONSE, 2, "2022-04-06", RD_DEADLINE_MISSED, "2022-06-24", 52);
  g_assert_cmpint (working_days ("2022-03-09", "2022-06-24"), ==, 20 + 52);
  g_assert_cmpint (working_days ("2022-03-08", "2022-06-24"), ==, 73);
}

/* Paragon Asra (202216297, 11 September 2023): a report of domestic abuse
 * not acknowledged within the policy's 1 working day, and three complaints
 * of 2021 answered late or never. */
static void
test_paragon (void)
{
  g_autoptr(RdDeadlineReport) report = replay ("paragon-asra-202216297.json", "2023-09-11");

  /* Reported on 22 February 2021, first answered on 15 March. The report
   * calls that "around 12" and, later, "16" working days; counted from the
   * day after the report it is 15, 14 of them late. */
  expect (report, RD_DEADLINE_KIND_ASB_RESPONSE, 0, "2021-02-23", RD_DEADLINE_MISSED, "2021-03-15", 14);
  g_assert_cmpint (working_days ("2021-02-22", "2021-03-15"), ==, 1 + 14);

  /* The complaint of 16 August 2021, answered on 26 August 2022: due by
   * 31 August 2021, 250 working days late. The report's "253 days late"
   * and "264 days from receipt" match no pair of the dates it gives, in
   * working days or calendar days, either way of counting (to the second
   * stage 1 response of 30 August 2022 it is 251 working days late). */
  expect (report, RD_DEADLINE_KIND_RESPONSE, 1, "2021-08-31", RD_DEADLINE_MISSED, "2022-08-26", 250);
  g_assert_cmpint (working_days ("2021-08-16", "2022-08-26"), ==, 10 + 250);
  g_assert_cmpint (working_days ("2021-08-31", "2022-08-30"), ==, 251);

  /* "She did not receive a stage 1 response to any of these complaints"
   * (7 and 16 December 2021); the second was acknowledged the same day. */
  expect (report, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1, "2021-12-14", RD_DEADLINE_MISSED, NULL, 435);
  expect (report, RD_DEADLINE_KIND_RESPONSE, 1, "2021-12-21", RD_DEADLINE_MISSED, NULL, 430);
  expect (report, RD_DEADLINE_KIND_ACKNOWLEDGEMENT, 1, "2021-12-23", RD_DEADLINE_MET, "2021-12-16", -5);
  expect (report, RD_DEADLINE_KIND_RESPONSE, 1, "2022-01-04", RD_DEADLINE_MISSED, NULL, 423);

  /* The report does not count the stage 2 response of 27 September 2022,
   * but it quotes the policy's 15 working days: the response came 19
   * working days after the request of 30 August, 4 late. */
  expect (report, RD_DEADLINE_KIND_RESPONSE, 2, "2022-09-21", RD_DEADLINE_MISSED, "2022-09-27", 4);
  g_assert_cmpint (working_days ("2022-08-30", "2022-09-27"), ==, 15 + 4);

  /* She went to the Ombudsman on 21 October 2022, well within the year. */
  expect (report, RD_DEADLINE_KIND_OMBUDSMAN, 2, "2023-09-27", RD_DEADLINE_MET, "2022-10-21", -234);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/replay/clarion-202220769", test_clarion);
  g_test_add_func ("/replay/lq-202111700", test_lq);
  g_test_add_func ("/replay/paragon-asra-202216297", test_paragon);
  return g_test_run ();
}
