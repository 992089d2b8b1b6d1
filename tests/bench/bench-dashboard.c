/* bench-dashboard.c: how long the What Next page, a letter and the calendar file take
 * for a big case, read from the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A case with 2,000 diary entries, 3,000 contacts and 300 complaints of 5
 * steps each: the time to load it from the store, to work out the
 * dashboard (deadlines, order, Community Trigger), to write a letter and
 * to write the iCalendar file, against one frame at 60 Hz (16.7 ms), the
 * budget for "instantly" in the window.
 *
 * Then how the dashboard grows with the diary: 1,000 and 10,000 entries,
 * each reported to a landlord whose policy gives ASB reports a first
 * response time, so each has its own deadline. Linear work grows about
 * ten times; work that scans the diary for every deadline, a hundred.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <locale.h>
#include <time.h>

#include "rd-core.h"
#include "evidence-fixtures.h"

#define FRAME_US (1000000.0 / 60.0)
#define N_INCIDENTS  2000
#define N_CONTACTS   3000
#define N_COMPLAINTS 300
#define ROUNDS       5

static gint64
cpu_us (void)
{
  struct timespec ts;

  clock_gettime (CLOCK_THREAD_CPUTIME_ID, &ts);
  return (gint64) ts.tv_sec * 1000000 + ts.tv_nsec / 1000;
}

static GDate
day_n (int n)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 1, 1, 2021);
  g_date_add_days (&d, n);
  return d;
}

static gint64
build_case (RdStore *store)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(GRand) rand = g_rand_new_with_seed (42);

  rd_case_set_title (rcase, "Benchmark");
  rd_case_set_contact_preferences (rcase, "Email");
  g_assert (rd_store_save_case (store, rcase, &error));
  /* One write for everything, as an import does. */
  g_assert (rd_store_begin (store, &error));
  for (int i = 0; i < N_INCIDENTS; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      GDate d = day_n (g_rand_int_range (rand, 0, 1400));
      g_autoptr(GDateTime) at = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                                                       g_date_get_day (&d), 22, 0, 0);

      rd_incident_set_case_id (incident, rd_case_get_id (rcase));
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_description (incident, "Loud music");
      rd_incident_set_reported_to (incident, i % 3 == 0 ? RD_REPORTED_LANDLORD : RD_REPORTED_NONE);
      g_assert (rd_store_save_incident (store, incident, NULL, &error));
    }
  for (int i = 0; i < N_CONTACTS; i++)
    {
      g_autoptr(RdContact) contact = rd_contact_new ();
      GDate d = day_n (g_rand_int_range (rand, 0, 1400));
      g_autoptr(GDateTime) at = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                                                       g_date_get_day (&d), 10, 0, 0);

      rd_contact_set_case_id (contact, rd_case_get_id (rcase));
      rd_contact_set_occurred_at (contact, at);
      rd_contact_set_direction (contact, i % 2 ? RD_CONTACT_FROM : RD_CONTACT_TO);
      rd_contact_set_summary (contact, "A call");
      if (i % 10 == 0)
        {
          GDate due = d;

          g_date_add_days (&due, 7);
          rd_contact_set_promise (contact, "Call back");
          rd_contact_set_promise_due (contact, &due);
        }
      g_assert (rd_store_save_contact (store, contact, &error));
    }
  for (int i = 0; i < N_COMPLAINTS; i++)
    {
      g_autoptr(RdComplaint) complaint = rd_complaint_new ();
      const char *points[] = { "Noise", NULL };
      int start = g_rand_int_range (rand, 0, 1300);
      RdComplaintEventKind kinds[] = { RD_COMPLAINT_EVENT_MADE, RD_COMPLAINT_EVENT_ACKNOWLEDGED,
                                       RD_COMPLAINT_EVENT_RESPONSE, RD_COMPLAINT_EVENT_ESCALATION_REQUESTED,
                                       RD_COMPLAINT_EVENT_ACKNOWLEDGED };
      guint stages[] = { 1, 1, 1, 2, 2 };
      int offsets[] = { 0, 7, 20, 25, 30 };

      rd_complaint_set_case_id (complaint, rd_case_get_id (rcase));
      rd_complaint_set_points (complaint, points);
      g_assert (rd_store_save_complaint (store, complaint, &error));
      for (guint e = 0; e < G_N_ELEMENTS (kinds); e++)
        {
          g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (kinds[e]);
          GDate d = day_n (start + offsets[e]);

          rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
          rd_complaint_event_set_stage (event, stages[e]);
          rd_complaint_event_set_date (event, &d);
          g_assert (rd_store_save_complaint_event (store, event, &error));
        }
    }
  g_assert (rd_store_commit (store, &error));
  return rd_case_get_id (rcase);
}

/* The dashboard of a case of @n diary entries, each reported to the
 * landlord the day it happened, built in memory: CPU time, best of ROUNDS. */
static double
dashboard_for_diary (int n)
{
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdCaseFacts) facts = NULL;
  g_autoptr(GDate) from = g_date_new_dmy (1, 1, 2021);
  g_autoptr(GDate) today = g_date_new_dmy (1, 12, 2024);
  g_autoptr(RdPolicy) landlord = rd_policy_new_landlord_from_code (from);
  RdLimit five = { 5, RD_TIME_UNIT_WORKING_DAYS };
  double best = 1e12;
  guint n_items = 0;

  rd_case_set_id (rcase, 1);
  rd_case_set_title (rcase, "Growth");
  facts = rd_case_facts_new (rcase);
  rd_policy_set_asb_first_response (landlord, RD_ASB_RISK_MEDIUM, &five);
  for (int i = 0; i < n; i++)
    {
      g_autoptr(RdIncident) incident = rd_incident_new ();
      GDate d = day_n (i * 1400 / n);
      g_autoptr(GDateTime) at = g_date_time_new_local (g_date_get_year (&d), g_date_get_month (&d),
                                                       g_date_get_day (&d), 22, 0, 0);

      rd_incident_set_id (incident, i + 1);
      rd_incident_set_starts_at (incident, at);
      rd_incident_set_description (incident, "Loud music");
      rd_incident_set_landlord_reported_on (incident, &d);
      rd_incident_set_asb_risk (incident, RD_ASB_RISK_MEDIUM);
      rd_case_facts_add_incident (facts, incident);
    }
  for (int r = 0; r < ROUNDS; r++)
    {
      g_autoptr(RdDashboard) dashboard = NULL;
      gint64 t = cpu_us ();

      dashboard = rd_dashboard_new (facts, landlord, today);
      best = MIN (best, cpu_us () - t);
      n_items = g_list_model_get_n_items (rd_dashboard_get_items (dashboard));
    }
  g_print ("  %6d diary entries, %6u deadlines  %8.1f ms\n", n, n_items, best / 1000);
  return best;
}

int
main (void)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("redress-bench-XXXXXX", NULL);
  g_autoptr(RdStore) store = rd_store_open (dir, &error);
  g_autoptr(GDate) today = g_date_new_dmy (1, 12, 2024);
  g_autoptr(GDateTime) stamp = g_date_time_new_utc (2024, 12, 1, 12, 0, 0);
  gint64 case_id, t;
  double load = 1e12, dash = 1e12, letter = 1e12, ics = 1e12;
  double secondary = 1e12, full_open = 1e12;
  guint n_items = 0;

  setlocale (LC_ALL, "");
  g_assert_no_error (error);
  t = g_get_monotonic_time ();
  case_id = build_case (store);
  g_print ("Case: %d diary entries, %d contacts, %d complaints of 5 steps (written in %.1f s)\n",
           N_INCIDENTS, N_CONTACTS, N_COMPLAINTS, (g_get_monotonic_time () - t) / 1e6);

  for (int r = 0; r < ROUNDS; r++)
    {
      g_autoptr(RdCaseFacts) facts = NULL;
      g_autoptr(RdDashboard) dashboard = NULL;
      g_autoptr(RdLetter) built = NULL;
      g_autofree char *text = NULL;
      g_autofree char *calendar = NULL;
      RdComplaint *complaint;

      t = cpu_us ();
      facts = rd_case_facts_load (store, case_id, &error);
      g_assert_no_error (error);
      load = MIN (load, cpu_us () - t);

      t = cpu_us ();
      dashboard = rd_dashboard_new (facts, NULL, today);
      dash = MIN (dash, cpu_us () - t);
      n_items = g_list_model_get_n_items (rd_dashboard_get_items (dashboard));

      complaint = g_ptr_array_index (rd_case_facts_get_complaints (facts), 0);
      t = cpu_us ();
      built = rd_letter_build (RD_LETTER_OMBUDSMAN_SUMMARY, facts, complaint, dashboard);
      text = rd_letter_to_text (built);
      letter = MIN (letter, cpu_us () - t);

      t = cpu_us ();
      calendar = rd_ics_from_dashboard (dashboard, rd_case_facts_get_case (facts), stamp, &error);
      g_assert_no_error (error);
      ics = MIN (ics, cpu_us () - t);

      /* What a worker thread pays for its own connection, against opening
       * the store as the application does (with its whole-file check). */
      {
        g_autoptr(RdStore) worker = NULL;
        g_autoptr(RdStore) again = NULL;

        t = g_get_monotonic_time ();
        worker = rd_store_open_secondary (store, &error);
        g_assert_no_error (error);
        secondary = MIN (secondary, g_get_monotonic_time () - t);
        t = g_get_monotonic_time ();
        again = rd_store_open (dir, &error);
        g_assert_no_error (error);
        full_open = MIN (full_open, g_get_monotonic_time () - t);
      }
    }

  g_print ("Best of %d rounds, CPU time:\n", ROUNDS);
  g_print ("  load the case from the store   %8.1f ms  (%.1f frames)\n", load / 1000, load / FRAME_US);
  g_print ("  dashboard (%u deadlines)     %8.1f ms  (%.1f frames)\n", n_items, dash / 1000, dash / FRAME_US);
  g_print ("  letter for the Ombudsman       %8.1f ms  (%.1f frames)\n", letter / 1000, letter / FRAME_US);
  g_print ("  iCalendar file                 %8.1f ms  (%.1f frames)\n", ics / 1000, ics / FRAME_US);
  g_print ("  load + dashboard               %8.1f ms  (%.1f frames of 16.7 ms)\n",
           (load + dash) / 1000, (load + dash) / FRAME_US);
  g_print ("Best of %d rounds, wall time:\n", ROUNDS);
  g_print ("  worker connection (secondary)  %8.2f ms\n", secondary / 1000);
  g_print ("  full open, with quick_check    %8.2f ms  (%.1fx the worker's)\n",
           full_open / 1000, full_open / MAX (secondary, 1));

  g_print ("Dashboard as the diary grows, best of %d rounds, CPU time:\n", ROUNDS);
  {
    double small = dashboard_for_diary (1000);
    double big = dashboard_for_diary (10000);

    g_print ("  growth for 10x the entries: %.1fx (linear: about 10x)\n", big / MAX (small, 1));
  }

  g_clear_object (&store);
  fixture_remove_tree (dir);
  return 0;
}
