/* test-letter-repairs.c: the stage 1, escalation and Ombudsman letters name
 * the landlord's steps on each repair and hazard: when, how late under which
 * rules, and which are missing.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-core.h"

#define AWAAB "Awaab’s Law (from 27 October 2025)"

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

/* A diary entry of disrepair, reported to the landlord on @reported,
 * with the landlord's steps as "investigated=2025-11-19;…". */
static void
add_entry (RdCaseFacts   *facts,
           gint64         id,
           const char    *what,
           const char    *reported,
           RdHazardLevel  hazard,
           const char    *priority,
           const char    *steps_key)
{
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) start = rd_datetime_parse_local ("2025-10-30T09:00", NULL);
  g_autoptr(GDate) on = day (reported);
  RdLandlordSteps steps;

  g_assert_true (rd_landlord_steps_from_key (steps_key, &steps, NULL));
  rd_incident_set_id (incident, id);
  rd_incident_set_case_id (incident, 1);
  rd_incident_set_category (incident, RD_CATEGORY_DISREPAIR);
  rd_incident_set_starts_at (incident, start);
  rd_incident_set_description (incident, what);
  rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
  rd_incident_set_landlord_reported_on (incident, on);
  rd_incident_set_hazard (incident, hazard);
  rd_incident_set_repair_priority (incident, priority);
  rd_incident_set_landlord_steps (incident, &steps);
  rd_case_facts_add_incident (facts, incident);
}

static gboolean
letter_has (RdLetter   *letter,
            const char *line)
{
  for (guint i = 0; i < rd_letter_get_n_blocks (letter); i++)
    if (g_str_equal (rd_letter_get_block (letter, i)->text, line))
      return TRUE;
  {
    g_autofree char *text = rd_letter_to_text (letter);

    g_test_message ("Not found: “%s” in:\n%s", line, text);
  }
  return FALSE;
}

static void
test_steps_in_letters (void)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(RdPolicy) landlord = NULL;
  g_autoptr(GDate) from = day ("2024-06-01");
  g_autoptr(GDate) today = day ("2025-12-02");    /* a Tuesday */
  g_autoptr(RdDashboard) dashboard = NULL;
  RdLimit five = { 5, RD_TIME_UNIT_WORKING_DAYS };
  const RdLetterKind kinds[] = {
    RD_LETTER_STAGE1_COMPLAINT, RD_LETTER_ESCALATION, RD_LETTER_OMBUDSMAN_SUMMARY,
  };
  const char *lines[] = {
    /* Significant damp and mould reported on Monday 3 November 2025:
     * investigation due in 10 working days, done 2 late; the written
     * summary 3 working days after it, never given; safety work 5 working
     * days after it, done in time; further work never recorded, so never
     * called missing. */
    "I reported this on Monday 3 November 2025: Black mould on the bedroom wall.",
    "Inspected or investigated: Wednesday 19 November 2025, 2 working days late under " AWAAB
    ", which set Monday 17 November 2025 as the last day.",
    "Written summary of findings given: not done. It was due by Monday 24 November 2025 under "
    AWAAB ", and is 6 working days overdue.",
    "Made safe: Friday 21 November 2025, in time under " AWAAB ", which set Wednesday 26 "
    "November 2025 as the last day.",
    /* An urgent repair (5 working days), finished late; works started, which
     * no rule times, with its day. */
    "I reported this on Monday 3 November 2025: Boiler not working.",
    "Works started: Monday 10 November 2025.",
    "Repair completed: Wednesday 12 November 2025, 2 working days late under your landlord’s "
    "repair policy (“Urgent repair”), which set Monday 10 November 2025 as the last day.",
    /* A hazard reported yesterday: its investigation is not due yet. */
    "I reported this on Monday 1 December 2025: Damp patch on the ceiling.",
    "Inspected or investigated: not done yet. It is due by Monday 15 December 2025 under "
    AWAAB ".",
  };

  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Repairs");
  rd_case_set_landlord_name (rcase, "Northway Homes");
  rd_case_set_tenancy_type (rcase, RD_TENANCY_SECURE);
  facts = rd_case_facts_new (rcase);
  rd_complaint_set_id (complaint, 7);
  rd_complaint_set_case_id (complaint, 1);
  rd_case_facts_add_complaint (facts, complaint);
  add_entry (facts, 11, "Black mould on the bedroom wall", "2025-11-03", RD_HAZARD_SIGNIFICANT, "",
             "investigated=2025-11-19;made-safe=2025-11-21");
  add_entry (facts, 12, "Boiler not working", "2025-11-03", RD_HAZARD_N_LEVELS, "urgent",
             "works-started=2025-11-10;repaired=2025-11-12");
  add_entry (facts, 13, "Damp patch on the ceiling", "2025-12-01", RD_HAZARD_SIGNIFICANT, "", "");

  landlord = rd_policy_new_landlord_from_code (from);
  rd_policy_set_repair_priority (landlord, "urgent", "Urgent repair", &five);
  dashboard = rd_dashboard_new (facts, landlord, today);

  for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
    {
      g_autoptr(RdLetter) letter = rd_letter_build (kinds[k], facts, complaint, dashboard);
      const char *heading = kinds[k] == RD_LETTER_OMBUDSMAN_SUMMARY
                            ? "Repairs and hazards: what my landlord has done so far"
                            : "Repairs and hazards: what you have done so far";

      g_assert_true (letter_has (letter, heading));
      for (guint i = 0; i < G_N_ELEMENTS (lines); i++)
        g_assert_true (letter_has (letter, lines[i]));
      /* Steps no rule asks for and the diary does not record are not
       * mentioned: Redress cannot know they were needed. */
      {
        g_autofree char *text = rd_letter_to_text (letter);

        g_assert_null (strstr (text, "Alternative accommodation offered"));
        g_assert_null (strstr (text, "Works started: not done"));
      }
    }
}

/* A repair with nothing recorded and no limit that has run says so. */
static void
test_nothing_recorded (void)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(GDate) today = day ("2025-12-02");
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdLetter) letter = NULL;

  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Repairs");
  facts = rd_case_facts_new (rcase);
  /* A priority the (absent) landlord's profile cannot time */
  add_entry (facts, 11, "Dripping tap", "2025-11-03", RD_HAZARD_N_LEVELS, "routine", "");
  dashboard = rd_dashboard_new (facts, NULL, today);
  letter = rd_letter_build (RD_LETTER_STAGE1_COMPLAINT, facts, NULL, dashboard);
  g_assert_true (letter_has (letter, "I reported this on Monday 3 November 2025: Dripping tap."));
  g_assert_true (letter_has (letter, "No step by the landlord is recorded, and no time limit "
                                     "Redress knows has run yet."));
}

int
main (int   argc,
      char *argv[])
{
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);

  g_test_add_func ("/letter-repairs/steps-in-letters", test_steps_in_letters);
  g_test_add_func ("/letter-repairs/nothing-recorded", test_nothing_recorded);

  return g_test_run ();
}
