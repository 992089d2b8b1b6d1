/* test-repair-hours.c: a repair priority the landlord's policy sets in hours, judged from the
 * times and worded in hours, in What Next and in letters.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-core.h"

#define POLICY "your landlord’s repair policy (“Emergency repair”)"

/* A boiler with no heating, reported to a landlord whose policy gives an
 * emergency repair 24 hours, on Monday 3 November 2025 (at
 * @reported_minute, or -1 for no time), repaired at @repaired
 * ("2025-11-04T14:29", or a day alone); judged on Monday 1 December 2025. */
typedef struct {
  RdCaseFacts *facts;
  RdDashboard *dashboard;
  RdDeadline  *repair;
} Judged;

static void
judged_clear (Judged *j)
{
  g_clear_object (&j->dashboard);
  g_clear_object (&j->facts);
}

static void
judge (Judged     *j,
       int         reported_minute,
       const char *repaired)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) start = rd_datetime_parse_local ("2025-11-03T08:00", NULL);
  g_autoptr(GDate) reported = rd_date_parse_iso ("2025-11-03", NULL);
  g_autoptr(GDate) today = rd_date_parse_iso ("2025-12-01", NULL);
  g_autoptr(GDate) from = rd_date_parse_iso ("2024-06-01", NULL);
  g_autoptr(RdPolicy) landlord = rd_policy_new_landlord_from_code (from);
  g_autofree char *key = repaired ? g_strdup_printf ("repaired=%s", repaired) : g_strdup ("");
  RdLimit day = { 24, RD_TIME_UNIT_HOURS };
  GListModel *items;
  RdLandlordSteps steps;

  memset (j, 0, sizeof *j);
  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Boiler");
  rd_case_set_tenancy_type (rcase, RD_TENANCY_ASSURED);
  j->facts = rd_case_facts_new (rcase);

  g_assert_true (rd_landlord_steps_from_key (key, &steps, NULL));
  rd_incident_set_id (incident, 11);
  rd_incident_set_case_id (incident, 1);
  rd_incident_set_category (incident, RD_CATEGORY_DISREPAIR);
  rd_incident_set_starts_at (incident, start);
  rd_incident_set_description (incident, "No heating: the boiler has failed");
  rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
  rd_incident_set_landlord_reported_on (incident, reported);
  rd_incident_set_landlord_reported_minute (incident, reported_minute);
  rd_incident_set_repair_priority (incident, "emergency");
  rd_incident_set_landlord_steps (incident, &steps);
  rd_case_facts_add_incident (j->facts, incident);

  rd_policy_set_repair_priority (landlord, "emergency", "Emergency repair", &day);
  j->dashboard = rd_dashboard_new (j->facts, landlord, today);
  items = rd_dashboard_get_items (j->dashboard);
  for (guint i = 0; i < g_list_model_get_n_items (items); i++)
    {
      g_autoptr(RdDashboardItem) item = g_list_model_get_item (items, i);
      RdDeadline *d = rd_dashboard_item_get_deadline (item);

      if (rd_deadline_get_kind (d) == RD_DEADLINE_KIND_REPAIR)
        {
          g_assert_null (j->repair);
          j->repair = d;
        }
    }
  g_assert_nonnull (j->repair);
}

static void
assert_contains (const char *haystack,
                 const char *needle)
{
  if (strstr (haystack, needle) == NULL)
    g_error ("“%s” not found in “%s”", needle, haystack);
}

static void
assert_lacks (const char *haystack,
              const char *needle)
{
  if (strstr (haystack, needle) != NULL)
    g_error ("“%s” found in “%s”", needle, haystack);
}

/* The letter's line for the repair. */
static char *
letter_line (Judged *j)
{
  g_autoptr(RdLetter) letter = rd_letter_build (RD_LETTER_STAGE1_COMPLAINT, j->facts, NULL,
                                                j->dashboard);

  for (guint i = 0; i < rd_letter_get_n_blocks (letter); i++)
    {
      const char *text = rd_letter_get_block (letter, i)->text;

      if (g_str_has_prefix (text, "Repair completed: "))
        return g_strdup (text);
    }
  g_assert_not_reached ();
  return NULL;
}

/* Reported at 14:30, repaired 23 hours 59 minutes later: in time. */
static void
test_in_time_by_a_minute (void)
{
  Judged j;
  g_autofree char *line = NULL;

  judge (&j, 14 * 60 + 30, "2025-11-04T14:29");
  g_assert_cmpint (rd_deadline_get_status (j.repair), ==, RD_DEADLINE_MET);
  g_assert_true (rd_deadline_get_is_timed (j.repair));
  line = letter_line (&j);
  g_assert_cmpstr (line, ==, "Repair completed: Tuesday 4 November 2025 at 14:29, in time under "
                             POLICY ", which set Tuesday 4 November 2025 at 14:30 as the deadline.");
  judged_clear (&j);
}

/* 24 hours 1 minute: one minute late, not a working day late. */
static void
test_late_by_a_minute (void)
{
  Judged j;
  g_autofree char *line = NULL;
  gint64 minutes;
  gboolean exact;

  judge (&j, 14 * 60 + 30, "2025-11-04T14:31");
  g_assert_cmpint (rd_deadline_get_status (j.repair), ==, RD_DEADLINE_MISSED);
  g_assert_true (rd_deadline_get_hours_late (j.repair, &minutes, &exact));
  g_assert_cmpint (minutes, ==, 1);
  g_assert_true (exact);
  assert_contains (rd_deadline_get_explanation (j.repair), "1 minute late");
  assert_lacks (rd_deadline_get_explanation (j.repair), "working day");
  line = letter_line (&j);
  g_assert_cmpstr (line, ==, "Repair completed: Tuesday 4 November 2025 at 14:31, 1 minute late "
                             "under " POLICY ", which set Tuesday 4 November 2025 at 14:30 as the "
                             "deadline.");
  judged_clear (&j);
}

/* Two hours late exactly, and 19 hours 30 minutes late (more than 19). */
static void
test_late_by_hours (void)
{
  Judged j;
  g_autofree char *two = NULL;
  g_autofree char *nineteen = NULL;

  judge (&j, 14 * 60 + 30, "2025-11-04T16:30");
  assert_contains (rd_deadline_get_explanation (j.repair), "2 hours late");
  two = letter_line (&j);
  g_assert_cmpstr (two, ==, "Repair completed: Tuesday 4 November 2025 at 16:30, 2 hours late "
                            "under " POLICY ", which set Tuesday 4 November 2025 at 14:30 as the "
                            "deadline.");
  judged_clear (&j);

  judge (&j, 14 * 60 + 30, "2025-11-05T10:00");
  nineteen = letter_line (&j);
  g_assert_cmpstr (nineteen, ==, "Repair completed: Wednesday 5 November 2025 at 10:00, more than "
                                 "19 hours late under " POLICY ", which set Tuesday 4 November 2025 "
                                 "at 14:30 as the deadline.");
  judged_clear (&j);
}

/* The repair's time of day not recorded: on the last day it counts as in
 * time, with the reason; on a later day it is at least so many hours
 * late, counted to the start of that day. */
static void
test_repair_time_missing (void)
{
  Judged j;
  g_autofree char *same_day = NULL;
  g_autofree char *later = NULL;

  judge (&j, 14 * 60 + 30, "2025-11-04");
  same_day = letter_line (&j);
  g_assert_cmpstr (same_day, ==, "Repair completed: Tuesday 4 November 2025, counted as in time "
                                 "under " POLICY ", which set Tuesday 4 November 2025 at 14:30 as "
                                 "the deadline: the time of day it was done is not recorded.");
  judged_clear (&j);

  judge (&j, 14 * 60 + 30, "2025-11-06");
  later = letter_line (&j);
  g_assert_cmpstr (later, ==, "Repair completed: Thursday 6 November 2025, at least 33 hours late "
                              "under " POLICY ", which set Tuesday 4 November 2025 at 14:30 as the "
                              "deadline. The time of day it was done is not recorded, so the hours "
                              "are counted to the start of that day.");
  judged_clear (&j);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/repair-hours/in-time-by-a-minute", test_in_time_by_a_minute);
  g_test_add_func ("/repair-hours/late-by-a-minute", test_late_by_a_minute);
  g_test_add_func ("/repair-hours/late-by-hours", test_late_by_hours);
  g_test_add_func ("/repair-hours/repair-time-missing", test_repair_time_missing);
  return g_test_run ();
}
