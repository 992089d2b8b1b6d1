/* bench-diary.c: a large diary for the benchmarks.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "bench-diary.h"

/*
 * A diary that gives the reports real work: What Next, the dashboard, the
 * deadline notifier and the bundle find repairs with deadlines, ASB
 * reports with first responses, hazards under Awaab's Law, promises and a
 * complaint, as a long diary written by a resident would.
 */

#define REPORT_MINUTE (9 * 60 + 30)

/* A landlord whose policy gives ASB reports a first response and repairs
 * a priority each. Returns its id. */
static gint64
save_landlord_policy (RdStore   *store,
                      GDateTime *first)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = rd_datetime_get_date (first);
  g_autoptr(RdPolicy) policy = rd_policy_new_landlord_from_code (from);
  RdLimit one = { 1, RD_TIME_UNIT_WORKING_DAYS };
  RdLimit five = { 5, RD_TIME_UNIT_WORKING_DAYS };
  RdLimit twenty = { 20, RD_TIME_UNIT_WORKING_DAYS };

  rd_policy_set_name (policy, "Benchmark Homes");
  rd_policy_set_asb_first_response (policy, RD_ASB_RISK_HIGH, &one);
  rd_policy_set_asb_first_response (policy, RD_ASB_RISK_MEDIUM, &five);
  rd_policy_set_asb_first_response (policy, RD_ASB_RISK_LOW, &five);
  rd_policy_set_repair_priority (policy, "urgent", "Urgent repair", &five);
  rd_policy_set_repair_priority (policy, "routine", "Routine repair", &twenty);
  g_assert (rd_store_save_policy (store, policy, &error));
  return rd_policy_get_id (policy);
}

/* Entry @i: every other one disrepair, the rest noise and now and then
 * harassment; every third reported to the landlord the next morning,
 * which gives a repair its priority (every tenth repair reported is also
 * a damp and mould hazard; most are done, some late) or anti-social
 * behaviour its risk. */
static RdIncident *
make_incident (gint64     case_id,
               GDateTime *at,
               guint      i)
{
  RdIncident *incident = rd_incident_new ();
  RdCategory category = i % 2 == 0 ? RD_CATEGORY_DISREPAIR
                        : i % 10 == 1 ? RD_CATEGORY_HARASSMENT : RD_CATEGORY_NOISE;
  g_autofree char *description = NULL;

  if (category == RD_CATEGORY_DISREPAIR)
    description = g_strdup_printf ("Water coming through the bathroom ceiling again, entry %u", i);
  else
    description = g_strdup_printf ("Loud music and banging, entry %u", i);
  rd_incident_set_case_id (incident, case_id);
  rd_incident_set_starts_at (incident, at);
  rd_incident_set_category (incident, category);
  rd_incident_set_description (incident, description);
  if (i % 3 != 0)
    return incident;

  {
    g_autoptr(GDate) day = rd_datetime_get_date (at);

    g_date_add_days (day, 1);
    rd_incident_set_reported_to (incident, RD_REPORTED_LANDLORD);
    rd_incident_set_landlord_reported_on (incident, day);
    rd_incident_set_landlord_reported_minute (incident, REPORT_MINUTE);
  }
  if (category == RD_CATEGORY_DISREPAIR)
    {
      rd_incident_set_repair_priority (incident, i % 4 == 0 ? "urgent" : "routine");
      if (i % 30 == 0)
        rd_incident_set_hazard (incident, RD_HAZARD_SIGNIFICANT);
      /* Most repairs are done, some late; one in four is still waiting. */
      if (i % 4 != 2)
        {
          g_autoptr(GDate) done = rd_datetime_get_date (at);
          g_autofree char *iso = NULL;
          g_autofree char *key = NULL;
          RdLandlordSteps steps;

          g_date_add_days (done, 3 + i % 20);
          iso = rd_date_to_iso (done);
          key = g_strdup_printf ("repaired=%s", iso);
          g_assert (rd_landlord_steps_from_key (key, &steps, NULL));
          rd_incident_set_landlord_steps (incident, &steps);
        }
    }
  else
    rd_incident_set_asb_risk (incident, i % 9 == 1 ? RD_ASB_RISK_HIGH : RD_ASB_RISK_MEDIUM);
  return incident;
}

/* A complaint about the repairs, made @days_before the diary's last day,
 * taken to the second stage. */
static void
save_complaint (RdStore    *store,
                gint64      case_id,
                GDateTime  *last,
                int         days_before)
{
  static const struct {
    RdComplaintEventKind kind;
    guint                stage;
    int                  day;
  } steps[] = {
    { RD_COMPLAINT_EVENT_MADE, 1, 0 },
    { RD_COMPLAINT_EVENT_ACKNOWLEDGED, 1, 4 },
    { RD_COMPLAINT_EVENT_RESPONSE, 1, 18 },
    { RD_COMPLAINT_EVENT_ESCALATION_REQUESTED, 2, 25 },
    { RD_COMPLAINT_EVENT_ACKNOWLEDGED, 2, 29 },
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdComplaint) complaint = rd_complaint_new ();
  g_autoptr(GDate) made = rd_datetime_get_date (last);
  const char *points[] = { "The leak was not repaired", "Calls were not returned", NULL };

  g_date_subtract_days (made, days_before);
  rd_complaint_set_case_id (complaint, case_id);
  rd_complaint_set_points (complaint, points);
  g_assert (rd_store_save_complaint (store, complaint, &error));
  for (guint s = 0; s < G_N_ELEMENTS (steps); s++)
    {
      g_autoptr(RdComplaintEvent) event = rd_complaint_event_new (steps[s].kind);
      GDate on = *made;

      g_date_add_days (&on, steps[s].day);
      rd_complaint_event_set_complaint_id (event, rd_complaint_get_id (complaint));
      rd_complaint_event_set_stage (event, steps[s].stage);
      rd_complaint_event_set_date (event, &on);
      g_assert (rd_store_save_complaint_event (store, event, &error));
    }
}

/**
 * bench_fill_diary:
 * @first: when the first entry happened; each next one is 61 minutes later
 *
 * Saves a case of @n diary entries (every third reported to the landlord,
 * so each has deadlines: repairs, ASB first responses and hazards), n/10
 * contacts (every fifth with a promise) and a complaint with its steps,
 * under a landlord's policy, in one transaction.
 *
 * Returns: (transfer full): the case
 */
RdCase *
bench_fill_diary (RdStore   *store,
                  GDateTime *first,
                  guint      n)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDateTime) last = g_date_time_add_minutes (first, (gint64) MAX (n, 1) * 61 - 61);
  RdCase *rcase = rd_case_new ();
  gint64 policy_id = save_landlord_policy (store, first);

  rd_case_set_title (rcase, "Benchmark");
  g_assert (rd_store_save_case (store, rcase, &error));
  g_assert (rd_store_set_case_policy (store, rd_case_get_id (rcase), policy_id, &error));
  g_assert (rd_store_begin (store, &error));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GDateTime) at = g_date_time_add_minutes (first, (gint64) i * 61);
      g_autoptr(RdIncident) incident = make_incident (rd_case_get_id (rcase), at, i);

      g_assert (rd_store_save_incident (store, incident, NULL, &error));
    }
  for (guint i = 0; i < n / 10; i++)
    {
      g_autoptr(RdContact) contact = rd_contact_new ();
      g_autoptr(GDateTime) at = g_date_time_add_minutes (first, (gint64) i * 610 + 5);

      rd_contact_set_case_id (contact, rd_case_get_id (rcase));
      rd_contact_set_occurred_at (contact, at);
      rd_contact_set_direction (contact, i % 2 ? RD_CONTACT_FROM : RD_CONTACT_TO);
      rd_contact_set_summary (contact, "Called about the leak and the noise");
      if (i % 5 == 0)
        {
          g_autoptr(GDate) due = rd_datetime_get_date (at);

          g_date_add_days (due, 7);
          rd_contact_set_promise (contact, "Will send a surveyor and call back");
          rd_contact_set_promise_due (contact, due);
        }
      g_assert (rd_store_save_contact (store, contact, &error));
    }
  save_complaint (store, rd_case_get_id (rcase), last, 40);
  g_assert (rd_store_commit (store, &error));
  return rcase;
}
