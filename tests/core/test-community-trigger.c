/* test-community-trigger.c: when the diary meets the ASB Case Review threshold, and which entries.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-core.h"
#include "rd-community-trigger.h"

static RdIncident *
entry (const char   *when,
       RdCategory    category,
       RdReportedTo  reported_to,
       const char   *text)
{
  g_autoptr(GDateTime) at = rd_datetime_parse_local (when, NULL);
  RdIncident *incident = rd_incident_new ();

  g_assert_nonnull (at);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_category (incident, category);
  rd_incident_set_reported_to (incident, reported_to);
  rd_incident_set_description (incident, text);
  return incident;
}

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

static const char *
text_of (RdCommunityTrigger *trigger,
         guint               i)
{
  return rd_incident_get_description (g_ptr_array_index (trigger->incidents, i));
}

static void
test_threshold (void)
{
  g_autoptr(GPtrArray) diary = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) today = day ("2024-07-09");
  g_autoptr(GDate) later = day ("2024-08-01");
  g_autoptr(RdCommunityTrigger) later_check = NULL;
  g_autoptr(RdCommunityTrigger) none = NULL;
  g_autoptr(RdCommunityTrigger) met = NULL;

  /* Two reports, an unreported entry, a disrepair report, and one report to
   * "someone else": not enough. */
  g_ptr_array_add (diary, entry ("2024-01-10T22:00", RD_CATEGORY_NOISE, RD_REPORTED_POLICE, "A"));
  g_ptr_array_add (diary, entry ("2024-02-01T22:00", RD_CATEGORY_NOISE, RD_REPORTED_NONE, "unreported"));
  g_ptr_array_add (diary, entry ("2024-02-20T09:00", RD_CATEGORY_DISREPAIR, RD_REPORTED_LANDLORD, "leak"));
  g_ptr_array_add (diary, entry ("2024-03-01T23:00", RD_CATEGORY_HARASSMENT, RD_REPORTED_OTHER, "told a friend"));
  g_ptr_array_add (diary, entry ("2024-04-02T20:00", RD_CATEGORY_HARASSMENT, RD_REPORTED_LANDLORD, "B"));
  none = rd_community_trigger_check (diary, today);
  g_assert_null (none);

  /* A third report within six months of the first meets it. */
  g_ptr_array_add (diary, entry ("2024-07-09T21:30", RD_CATEGORY_DAMAGE, RD_REPORTED_COUNCIL, "C"));
  met = rd_community_trigger_check (diary, today);
  g_assert_nonnull (met);
  g_assert_cmpuint (met->incidents->len, ==, 3);
  g_assert_cmpstr (text_of (met, 0), ==, "A");
  g_assert_cmpstr (text_of (met, 1), ==, "B");
  g_assert_cmpstr (text_of (met, 2), ==, "C");
  g_assert_cmpint (g_date_get_day (&met->first), ==, 10);
  g_assert_cmpint (g_date_get_month (&met->last), ==, 7);
  g_assert_true (met->current);
  {
    g_autofree char *explanation = rd_community_trigger_dup_explanation (met);
    g_autofree char *entry = rd_community_trigger_dup_entry (g_ptr_array_index (met->incidents, 2));

    g_assert_true (g_str_has_prefix (explanation, "Your diary shows 3 reports of anti-social behaviour "
                                                  "between Wednesday 10 January 2024 and Tuesday 9 July 2024."));
    g_assert_null (strstr (explanation, "more than six months ago"));
    g_assert_cmpstr (entry, ==, "Tuesday 9 July 2024 at 21:30: Damage to property, reported to Council");
  }

  /* Three weeks on, the first report is more than six months old. */
  later_check = rd_community_trigger_check (diary, later);
  g_assert_nonnull (later_check);
  g_assert_false (later_check->current);
  {
    g_autofree char *explanation = rd_community_trigger_dup_explanation (later_check);
    g_assert_nonnull (strstr (explanation, "more than six months ago"));
  }
}

static void
test_window_edges (void)
{
  g_autoptr(GPtrArray) diary = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GDate) today = day ("2025-06-01");
  g_autoptr(RdCommunityTrigger) met = NULL;

  /* Exactly six months apart is outside the window… */
  g_ptr_array_add (diary, entry ("2024-01-15T10:00", RD_CATEGORY_NOISE, RD_REPORTED_POLICE, "A"));
  g_ptr_array_add (diary, entry ("2024-03-01T10:00", RD_CATEGORY_NOISE, RD_REPORTED_POLICE, "B"));
  g_ptr_array_add (diary, entry ("2024-07-15T10:00", RD_CATEGORY_NOISE, RD_REPORTED_POLICE, "C"));
  g_assert_null (rd_community_trigger_check (diary, today));

  /* …a day less is inside; and the latest run is the one named. */
  g_ptr_array_add (diary, entry ("2024-07-20T10:00", RD_CATEGORY_NOISE, RD_REPORTED_POLICE, "D"));
  met = rd_community_trigger_check (diary, today);
  g_assert_nonnull (met);
  g_assert_cmpuint (met->incidents->len, ==, 3);
  g_assert_cmpstr (text_of (met, 0), ==, "B");
  g_assert_cmpstr (text_of (met, 2), ==, "D");
  /* Nearly a year ago: met, but not in the last six months. */
  g_assert_false (met->current);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/community-trigger/threshold", test_threshold);
  g_test_add_func ("/community-trigger/window-edges", test_window_edges);
  return g_test_run ();
}
