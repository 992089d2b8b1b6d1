/* test-awaab-hours.c: an emergency hazard's 24 hours judged from the times,
 * how many hours late, and what Redress says when a time is not recorded.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rd-core.h"

#define AWAAB "Awaab’s Law (from 27 October 2025)"

/* One emergency hazard in a council tenancy, reported to the landlord on
 * Monday 3 November 2025 (at @reported_minute, or -1 for no time), made
 * safe at @made_safe ("2025-11-04T14:29", or a day alone), judged on
 * Monday 1 December 2025. */
typedef struct {
  RdCaseFacts *facts;
  RdDashboard *dashboard;
  RdDeadline  *investigation;
  RdDeadline  *safe;
  RdDashboardItem *safe_item;
} Judged;

static void
judged_clear (Judged *j)
{
  g_clear_object (&j->safe_item);
  g_clear_object (&j->dashboard);
  g_clear_object (&j->facts);
}

static void
judge (Judged     *j,
       int         reported_minute,
       const char *made_safe)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) start = rd_datetime_parse_local ("2025-11-03T08:00", NULL);
  g_autoptr(GDate) reported = rd_date_parse_iso ("2025-11-03", NULL);
  g_autoptr(GDate) today = rd_date_parse_iso ("2025-12-01", NULL);
  g_autofree char *key = g_strdup_printf ("made-safe=%s", made_safe);
  GListModel *items;
  RdLandlordSteps steps;

  memset (j, 0, sizeof *j);
  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Gas");
  rd_case_set_tenancy_type (rcase, RD_TENANCY_SECURE);
  j->facts = rd_case_facts_new (rcase);

  g_assert_true (rd_landlord_steps_from_key (key, &steps, NULL));
  rd_incident_set_id (incident, 11);
  rd_incident_set_case_id (incident, 1);
  rd_incident_set_category (incident, RD_CATEGORY_DISREPAIR);
  rd_incident_set_starts_at (incident, start);
  rd_incident_set_description (incident, "Smell of gas in the kitchen");
  rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
  rd_incident_set_landlord_reported_on (incident, reported);
  rd_incident_set_landlord_reported_minute (incident, reported_minute);
  rd_incident_set_hazard (incident, RD_HAZARD_EMERGENCY);
  rd_incident_set_landlord_steps (incident, &steps);
  rd_case_facts_add_incident (j->facts, incident);

  j->dashboard = rd_dashboard_new (j->facts, NULL, today);
  items = rd_dashboard_get_items (j->dashboard);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      RdDeadline *d = rd_dashboard_item_get_deadline (item);

      if (g_str_equal (rd_deadline_get_title (d), "Making the emergency hazard safe"))
        {
          j->safe = d;
          g_set_object (&j->safe_item, item);
        }
      else if (g_str_equal (rd_deadline_get_title (d), "The investigation of the emergency hazard"))
        j->investigation = d;
    }
  g_assert_nonnull (j->safe);
  g_assert_nonnull (j->investigation);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, haystack);
}

/* The letter's line for the step made safe. */
static char *
letter_line (Judged *j)
{
  g_autoptr(RdLetter) letter = rd_letter_build (RD_LETTER_STAGE1_COMPLAINT, j->facts, NULL,
                                                j->dashboard);

  for (guint i = 0; i < rd_letter_get_n_blocks (letter); i++)
    {
      const char *text = rd_letter_get_block (letter, i)->text;

      if (g_str_has_prefix (text, "Made safe: "))
        return g_strdup (text);
    }
  g_assert_not_reached ();
  return NULL;
}

/* 23 hours 59 minutes after a report at 14:30: in time, by the minute. */
static void
test_in_time_by_a_minute (void)
{
  Judged j;
  g_autofree char *line = NULL;
  gint64 minutes;
  gboolean exact;

  judge (&j, 14 * 60 + 30, "2025-11-04T14:29");
  g_assert_cmpint (rd_deadline_get_due (j.safe)->minute, ==, 14 * 60 + 30);
  g_assert_cmpint (rd_deadline_get_status (j.safe), ==, RD_DEADLINE_MET);
  g_assert_false (rd_deadline_get_hours_late (j.safe, &minutes, &exact));
  g_assert_false (rd_deadline_get_start_time_unknown (j.safe));
  assert_contains (rd_deadline_get_explanation (j.safe), "at 14:29, in time.");
  g_assert_cmpstr (rd_dashboard_item_get_status_text (j.safe_item), ==, "Done in time");
  line = letter_line (&j);
  g_assert_cmpstr (line, ==, "Made safe: Tuesday 4 November 2025 at 14:29, in time under " AWAAB
                             ", which set Tuesday 4 November 2025 at 14:30 as the last day.");
  judged_clear (&j);
}

/* 24 hours 1 minute after the report: late by a minute, though the same
 * day the limit ended and no whole working day late. */
static void
test_late_by_a_minute (void)
{
  Judged j;
  g_autofree char *line = NULL;
  gint64 minutes;
  gboolean exact;

  judge (&j, 14 * 60 + 30, "2025-11-04T14:31");
  g_assert_cmpint (rd_deadline_get_status (j.safe), ==, RD_DEADLINE_MISSED);
  g_assert_cmpint (rd_deadline_get_working_days_late (j.safe), ==, 0);
  g_assert_true (rd_deadline_get_hours_late (j.safe, &minutes, &exact));
  g_assert_cmpint (minutes, ==, 1);
  g_assert_true (exact);
  assert_contains (rd_deadline_get_explanation (j.safe), "at 14:31, 1 minute late.");
  g_assert_cmpstr (rd_dashboard_item_get_status_text (j.safe_item), ==, "Carried out 1 minute late");
  line = letter_line (&j);
  g_assert_cmpstr (line, ==, "Made safe: Tuesday 4 November 2025 at 14:31, 1 minute late under "
                             AWAAB ", which set Tuesday 4 November 2025 at 14:30 as the deadline.");
  judged_clear (&j);
}

/* Hours late, whole and not, counted from the times across a day. */
static void
test_late_by_hours (void)
{
  Judged j;
  g_autofree char *line = NULL;
  g_autofree char *line2 = NULL;
  gint64 minutes;
  gboolean exact;

  /* 26 hours after the report: 2 hours late */
  judge (&j, 14 * 60 + 30, "2025-11-04T16:30");
  g_assert_true (rd_deadline_get_hours_late (j.safe, &minutes, &exact));
  g_assert_cmpint (minutes, ==, 120);
  g_assert_cmpstr (rd_dashboard_item_get_status_text (j.safe_item), ==, "Carried out 2 hours late");
  line = letter_line (&j);
  g_assert_cmpstr (line, ==, "Made safe: Tuesday 4 November 2025 at 16:30, 2 hours late under "
                             AWAAB ", which set Tuesday 4 November 2025 at 14:30 as the deadline.");
  judged_clear (&j);

  /* Wednesday at 10:00: 19 hours 30 minutes late, one working day later */
  judge (&j, 14 * 60 + 30, "2025-11-05T10:00");
  g_assert_true (rd_deadline_get_hours_late (j.safe, &minutes, &exact));
  g_assert_cmpint (minutes, ==, 19 * 60 + 30);
  g_assert_true (exact);
  assert_contains (rd_deadline_get_explanation (j.safe), "19 hours 30 minutes late.");
  g_assert_cmpstr (rd_dashboard_item_get_status_text (j.safe_item), ==,
                   "Carried out more than 19 hours late");
  line2 = letter_line (&j);
  g_assert_cmpstr (line2, ==, "Made safe: Wednesday 5 November 2025 at 10:00, more than 19 hours "
                              "late under " AWAAB ", which set Tuesday 4 November 2025 at 14:30 "
                              "as the deadline.");
  judged_clear (&j);
}

/* The step's time is not recorded: on the day the limit ended it counts
 * as in time, and says why; on a later day it is late by at least the
 * hours to the start of that day. */
static void
test_step_time_missing (void)
{
  Judged j;
  g_autofree char *line = NULL;
  g_autofree char *line2 = NULL;
  gint64 minutes;
  gboolean exact;

  judge (&j, 14 * 60 + 30, "2025-11-04");
  g_assert_cmpint (rd_deadline_get_status (j.safe), ==, RD_DEADLINE_MET);
  g_assert_false (rd_deadline_get_hours_late (j.safe, &minutes, &exact));
  assert_contains (rd_deadline_get_explanation (j.safe),
                   "It was done on Tuesday 4 November 2025, in time. Its time of day is not "
                   "recorded, and it was on the day the limit ended, so Redress counts it as in "
                   "time.");
  line = letter_line (&j);
  g_assert_cmpstr (line, ==, "Made safe: Tuesday 4 November 2025, counted as in time under " AWAAB
                             ", which set Tuesday 4 November 2025 at 14:30 as the deadline: the "
                             "time of day it was done is not recorded.");
  judged_clear (&j);

  /* Wednesday, no time: from 14:30 on Tuesday to midnight, 9 hours 30 minutes at least */
  judge (&j, 14 * 60 + 30, "2025-11-05");
  g_assert_cmpint (rd_deadline_get_status (j.safe), ==, RD_DEADLINE_MISSED);
  g_assert_true (rd_deadline_get_hours_late (j.safe, &minutes, &exact));
  g_assert_cmpint (minutes, ==, 9 * 60 + 30);
  g_assert_false (exact);
  assert_contains (rd_deadline_get_explanation (j.safe),
                   "It was done on Wednesday 5 November 2025, at least 9 hours late. Its time of "
                   "day is not recorded, so Redress counts how late it was from the start of that "
                   "day.");
  g_assert_cmpstr (rd_dashboard_item_get_status_text (j.safe_item), ==,
                   "Carried out at least 9 hours late");
  line2 = letter_line (&j);
  g_assert_cmpstr (line2, ==, "Made safe: Wednesday 5 November 2025, at least 9 hours late under "
                              AWAAB ", which set Tuesday 4 November 2025 at 14:30 as the deadline. "
                              "The time of day it was done is not recorded, so the hours are "
                              "counted to the start of that day.");
  judged_clear (&j);
}

/* The report's time is not recorded: the 24 hours run from the end of its
 * day, so the landlord is never held to a shorter limit than the law's. */
static void
test_report_time_missing (void)
{
  Judged j;
  gint64 minutes;
  gboolean exact;

  judge (&j, -1, "2025-11-04T23:58");
  g_assert_true (rd_deadline_get_start_time_unknown (j.safe));
  g_assert_cmpint (rd_deadline_get_due (j.safe)->minute, ==, 23 * 60 + 59);
  g_assert_cmpint (rd_deadline_get_status (j.safe), ==, RD_DEADLINE_MET);
  assert_contains (rd_deadline_get_explanation (j.safe),
                   "The time of the report is not recorded, so Redress counts the time limit (24 "
                   "hours) from the end of that day.");
  judged_clear (&j);

  /* Both times missing, a day after the limit ended: at least 24 hours late */
  judge (&j, -1, "2025-11-06");
  g_assert_cmpint (rd_deadline_get_status (j.safe), ==, RD_DEADLINE_MISSED);
  g_assert_true (rd_deadline_get_hours_late (j.safe, &minutes, &exact));
  g_assert_cmpint (minutes, ==, 24 * 60 + 1);
  g_assert_false (exact);
  g_assert_cmpstr (rd_dashboard_item_get_status_text (j.safe_item), ==,
                   "Carried out at least 24 hours late");
  judged_clear (&j);

  /* Done the day after, no time: late, but by less than an hour at least */
  judge (&j, -1, "2025-11-05");
  g_assert_cmpint (rd_deadline_get_status (j.safe), ==, RD_DEADLINE_MISSED);
  g_assert_true (rd_deadline_get_hours_late (j.safe, &minutes, &exact));
  g_assert_cmpint (minutes, ==, 1);
  g_assert_cmpstr (rd_dashboard_item_get_status_text (j.safe_item), ==, "Carried out late");
  assert_contains (rd_deadline_get_explanation (j.safe), "It was done on Wednesday 5 November "
                   "2025, 1 day after it was due. Its time of day is not recorded");
  judged_clear (&j);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/awaab-hours/in-time-by-a-minute", test_in_time_by_a_minute);
  g_test_add_func ("/awaab-hours/late-by-a-minute", test_late_by_a_minute);
  g_test_add_func ("/awaab-hours/late-by-hours", test_late_by_hours);
  g_test_add_func ("/awaab-hours/step-time-missing", test_step_time_missing);
  g_test_add_func ("/awaab-hours/report-time-missing", test_report_time_missing);
  return g_test_run ();
}
