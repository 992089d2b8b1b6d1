/* test-remedies.c: what to ask for: the Ombudsman's figures as data, and the suggestion from fixed dates.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <locale.h>
#include <string.h>

#include "rd-core.h"

static GDate *
day (const char *iso)
{
  GDate *d = rd_date_parse_iso (iso, NULL);

  g_assert_nonnull (d);
  return d;
}

/* Every figure names its guidance, date, address, section and source, and
 * its range is a range; the one Redress could source is £100 to £600, for
 * a failure that adversely affected the resident, and it is offered for
 * no kind of failure it was not read for. */
static void
test_figures_data (void)
{
  g_autoptr(GDate) before = day ("2024-03-31");
  g_autoptr(GDate) from = day ("2024-04-01");
  const RdRemedyFigure *figure;

  g_assert_cmpuint (rd_remedy_get_n_figures (), >=, 1);
  for (guint i = 0; i < rd_remedy_get_n_figures (); i++)
    {
      const RdRemedyFigure *f = rd_remedy_get_figure (i);

      g_assert_true (g_str_has_prefix (rd_remedy_figure_get_url (f), "https://www.housing-ombudsman.org.uk/"));
      g_assert_cmpuint (strlen (rd_remedy_figure_get_sources (f)), >, 40);
      g_assert_cmpuint (strlen (rd_remedy_figure_get_section (f)), >, 0);
      g_assert_cmpuint (strlen (rd_remedy_figure_get_revised (f)), ==, 7);
      g_assert_cmpuint (rd_remedy_figure_get_min (f), >, 0);
      g_assert_cmpuint (rd_remedy_figure_get_max (f), >=, rd_remedy_figure_get_min (f));
    }

  figure = rd_remedy_figure_for (RD_REMEDY_AREA_COMPLAINT_HANDLING, from);
  g_assert_nonnull (figure);
  g_assert_cmpuint (rd_remedy_figure_get_min (figure), ==, 100);
  g_assert_cmpuint (rd_remedy_figure_get_max (figure), ==, 600);
  g_assert_cmpint (rd_remedy_figure_get_impact (figure), ==, RD_REMEDY_IMPACT_ADVERSE);
  g_assert_true (strstr (rd_remedy_figure_get_sources (figure), "202332678") != NULL);
  g_assert_true (rd_remedy_figure_for (RD_REMEDY_AREA_REPAIRS, from) == figure);
  g_assert_true (rd_remedy_figure_for (RD_REMEDY_AREA_ASB, from) == figure);
  /* No primary source was found for a fixed sum per missed appointment. */
  g_assert_null (rd_remedy_figure_for (RD_REMEDY_AREA_APPOINTMENTS, from));
  /* The guidance is judged on the day the resident asks. */
  g_assert_null (rd_remedy_figure_for (RD_REMEDY_AREA_COMPLAINT_HANDLING, before));
}

/* A stage 1 complaint made on Monday 4 November 2024 and acknowledged on
 * Wednesday 13 November (2 working days late), never answered; a repair
 * reported as urgent on Monday 2 December 2024 and never done; a promise
 * to call back by Friday 29 November that was not kept; an ASB report of
 * Monday 4 November answered in time. */
static gboolean
by (const GDate *date,
    const GDate *today)
{
  return g_date_compare (date, today) <= 0;
}

/* Only what had happened by @today: the facts a resident would have then. */
static RdDeadlineInput *
failing_case (const GDate *today)
{
  RdDeadlineInput *input = rd_deadline_input_new ();
  g_autoptr(GDate) made = day ("2024-11-04");
  g_autoptr(GDate) acknowledged = day ("2024-11-13");
  g_autoptr(GDate) promised = day ("2024-11-29");
  g_autoptr(GDate) repair = day ("2024-12-02");
  g_autoptr(GDateTime) called = rd_datetime_new_local (2024, 11, 25, 10, 0, 0);
  RdMoment when;

  rd_deadline_input_add_complaint_event (input, 1, 1, RD_COMPLAINT_EVENT_MADE, 1, made, NULL);
  if (by (acknowledged, today))
    rd_deadline_input_add_complaint_event (input, 2, 1, RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1,
                                           acknowledged, NULL);
  if (by (promised, today))
    rd_deadline_input_add_contact (input, 10, called, RD_CONTACT_FROM, RD_CHANNEL_PHONE,
                                   "We will call you back", promised);
  rd_moment_set_date (&when, repair);
  if (by (repair, today))
    rd_deadline_input_add_repair (input, RD_CASE_EVENT_REPAIR_REPORT, 50, 50, &when, "urgent");
  return input;
}

static RdRemedies *
suggest_on (const char *today)
{
  g_autoptr(GDate) t = day (today);
  g_autoptr(RdDeadlineInput) input = failing_case (t);
  g_autoptr(GDate) code_day = day ("2024-06-01");
  g_autoptr(RdPolicy) policy = rd_policy_new_landlord_from_code (code_day);
  g_autoptr(RdDeadlineReport) report = NULL;
  RdLimit urgent = { 3, RD_TIME_UNIT_WORKING_DAYS };

  rd_policy_set_repair_priority (policy, "urgent", "Urgent", &urgent);
  report = rd_deadlines_compute (input, policy, t);
  return rd_remedies_suggest (rd_deadline_report_get_deadlines (report), t);
}

static const RdRemedyLine *
find_line (RdRemedies   *remedies,
           RdRemedyArea  area)
{
  for (guint i = 0; i < rd_remedies_get_n_lines (remedies); i++)
    if (rd_remedies_get_line (remedies, i)->area == area)
      return rd_remedies_get_line (remedies, i);
  return NULL;
}

static void
test_suggest (void)
{
  g_autoptr(RdRemedies) remedies = suggest_on ("2024-12-10");
  g_autoptr(RdRemedies) early = NULL;
  const RdRemedyLine *line;
  g_autofree char *summary = NULL;
  g_autofree char *letter_total = NULL;

  /* Complaint handling: the late acknowledgement and the missing
   * response (due Wednesday 27 November). */
  line = find_line (remedies, RD_REMEDY_AREA_COMPLAINT_HANDLING);
  g_assert_nonnull (line);
  g_assert_cmpuint (line->n_failures, ==, 2);
  g_assert_nonnull (line->figure);
  /* The urgent repair was due Thursday 5 December. */
  line = find_line (remedies, RD_REMEDY_AREA_REPAIRS);
  g_assert_nonnull (line);
  g_assert_cmpuint (line->n_failures, ==, 1);
  /* The broken promise is named, with no amount. */
  line = find_line (remedies, RD_REMEDY_AREA_APPOINTMENTS);
  g_assert_nonnull (line);
  g_assert_cmpuint (line->n_failures, ==, 1);
  g_assert_null (line->figure);
  g_assert_null (find_line (remedies, RD_REMEDY_AREA_ASB));
  g_assert_cmpuint (rd_remedies_get_n_lines (remedies), ==, 3);

  /* Once per kind of failure, not per missed deadline. */
  g_assert_cmpuint (rd_remedies_get_total_min (remedies), ==, 200);
  g_assert_cmpuint (rd_remedies_get_total_max (remedies), ==, 1200);

  summary = rd_remedies_dup_summary (remedies);
  g_test_message ("%s", summary);
  g_assert_true (strstr (summary, "Complaint handling (2 failures found). The Ombudsman’s guidance "
                                  "suggests £100 to £600 where a landlord’s failure adversely affected "
                                  "the resident: you may ask for an amount in that range.") != NULL);
  g_assert_true (strstr (summary, "Repairs and hazards (1 failure found).") != NULL);
  g_assert_true (strstr (summary, "Appointments and promises (1 failure found). Redress has no figure") != NULL);
  g_assert_true (strstr (summary, "Source: Housing Ombudsman, Guidance on remedies (revised April 2024), "
                                  "Financial remedies") != NULL);
  g_assert_true (strstr (summary, "https://www.housing-ombudsman.org.uk/landlords-info/guidance-notes/"
                                  "ombudsmans-policy-and-guidance-on-remedies") != NULL);
  g_assert_true (strstr (summary, "In all, the guidance suggests £200 to £1200. This is guidance, not "
                                  "an entitlement") != NULL);
  letter_total = rd_remedies_dup_total_text (remedies, RD_REMEDY_VOICE_LETTER);
  g_assert_true (g_str_has_prefix (letter_total, "In all, I ask you to consider compensation of £200 to £1200."));

  /* The last day before anything was missed: nothing to ask for. */
  early = suggest_on ("2024-11-11");
  g_assert_cmpuint (rd_remedies_get_n_lines (early), ==, 0);
  g_assert_null (rd_remedies_dup_total_text (early, RD_REMEDY_VOICE_RESIDENT));
  g_clear_pointer (&summary, g_free);
  summary = rd_remedies_dup_summary (early);
  g_assert_cmpstr (summary, ==, "Redress found no missed deadline or broken promise to ask compensation for.");
}

/* The acknowledgement is due Monday 11 November 2024: on that day nothing
 * is missed, the day after it is. */
static void
test_boundary (void)
{
  g_autoptr(RdRemedies) on_the_day = suggest_on ("2024-11-11");
  g_autoptr(RdRemedies) day_after = suggest_on ("2024-11-12");

  g_assert_null (find_line (on_the_day, RD_REMEDY_AREA_COMPLAINT_HANDLING));
  g_assert_nonnull (find_line (day_after, RD_REMEDY_AREA_COMPLAINT_HANDLING));
  g_assert_cmpuint (find_line (day_after, RD_REMEDY_AREA_COMPLAINT_HANDLING)->n_failures, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  setlocale (LC_ALL, "C.UTF-8");
  g_setenv ("TZ", "Europe/London", TRUE);
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/remedies/figures-data", test_figures_data);
  g_test_add_func ("/remedies/suggest", test_suggest);
  g_test_add_func ("/remedies/boundary", test_boundary);
  return g_test_run ();
}
