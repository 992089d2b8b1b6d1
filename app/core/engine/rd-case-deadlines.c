/* rd-case-deadlines.c: a case's records as the deadline engine's input, and its deadlines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-deadlines"

#include "config.h"

#include "rd-case-deadlines.h"
#include "rd-repairs.h"

/*
 * The engine reads plain events; this is the one place where a case's
 * records become them: every complaint step, every contact (its promise,
 * and the landlord's replies that stop other clocks), and every diary
 * entry the resident says they reported to the landlord. What Next, the
 * CLI's `deadlines`, the case list, letters, the calendar file and the
 * bundle all come through here (most by way of the case service), so
 * they cannot disagree about a case.
 *
 * A diary entry goes in only when it says the day it was reported to the
 * landlord (and the time, when known): the day something happened is not
 * the day the landlord heard of it, and guessing could call a response
 * late that was not. add_report() decides what a report starts:
 *  - anti-social behaviour (noise, harassment, violence, damage, domestic
 *    abuse): a first response by the landlord's own policy for the risk
 *    level it gave (the longest time in the policy when the level is not
 *    known). The Code sets no time for this, so without a landlord's
 *    profile the engine says nothing;
 *  - disrepair (and "other"): a repair by the priority the landlord gave,
 *    looked up in its profile; nothing when no priority is recorded, or
 *    when the case has no landlord's profile;
 *  - an Awaab's Law hazard (emergency, or significant damp and mould) on
 *    such an entry: the engine's Awaab's Law steps, which it applies only
 *    to reports from 27 October 2025 and says apply to social housing only
 *    when the tenancy does not show it.
 * What meets these deadlines is the engine's own rule: the landlord's next
 * contact for a first response; for repairs and hazard steps, the dated
 * steps the entry records (rd_repairs_add_steps()).
 *
 * Contacts with people the case names as someone other than the landlord
 * (the police, the council, an MP) go in as theirs, named "PC Sam Lee
 * (Police)": what they promise by a date is a deadline, kept when they are
 * next in touch, but their contacts never count as the landlord getting
 * back in touch, so they stop none of the landlord's clocks. A contact
 * that names nobody is taken to be with the landlord, which is what the
 * log is mostly for.
 */

/* What a diary entry reported to the landlord starts (see the top of this
 * file). @risk is %RD_ASB_RISK_N_LEVELS when not known, @hazard
 * %RD_HAZARD_N_LEVELS for none. */
static void
add_report (RdDeadlineInput *input,
            gint64           incident_id,
            RdCategory       category,
            const RdMoment  *reported,
            RdAsbRisk        risk,
            const char      *repair_priority,
            RdHazardLevel    hazard)
{
  g_assert (rd_moment_is_set (reported));

  if (rd_category_is_asb (category))
    rd_deadline_input_add_asb_report (input, incident_id, reported, risk);
  if (!rd_category_is_repair (category))
    return;
  if (repair_priority != NULL && *repair_priority != '\0')
    rd_deadline_input_add_repair (input, RD_CASE_EVENT_REPAIR_REPORT, incident_id, incident_id,
                                  reported, repair_priority);
  if (hazard < RD_HAZARD_N_LEVELS)
    rd_deadline_input_add_hazard (input, RD_CASE_EVENT_HAZARD_REPORT, incident_id, incident_id,
                                  reported, hazard);
}

/**
 * rd_case_facts_build_deadline_input:
 *
 * Returns: (transfer full): the events of the case, for rd_deadlines_compute()
 */
/* When the resident became aware of the problem: the day the case
 * records, or else the day of the earliest diary entry. */
static void
set_aware (RdDeadlineInput *input,
           RdCaseFacts     *facts)
{
  const GDate *recorded = rd_case_get_aware_on (rd_case_facts_get_case (facts));
  GPtrArray *incidents = rd_case_facts_get_incidents (facts);
  GDateTime *first = NULL;
  GDate day;

  if (recorded != NULL)
    {
      rd_deadline_input_set_aware (input, recorded);
      return;
    }
  for (guint i = 0; i < incidents->len; i++)
    {
      GDateTime *at = rd_incident_get_starts_at (g_ptr_array_index (incidents, i));

      if (at != NULL && (first == NULL || g_date_time_compare (at, first) < 0))
        first = at;
    }
  if (first == NULL)
    return;
  g_date_clear (&day, 1);
  g_date_set_dmy (&day, g_date_time_get_day_of_month (first), g_date_time_get_month (first),
                  g_date_time_get_year (first));
  rd_deadline_input_set_aware (input, &day);
}

RdDeadlineInput *
rd_case_facts_build_deadline_input (RdCaseFacts *facts)
{
  RdDeadlineInput *input;
  GPtrArray *items;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);

  input = rd_deadline_input_new ();
  rd_deadline_input_set_tenancy (input, rd_case_get_tenancy_type (rd_case_facts_get_case (facts)));
  rd_deadline_input_set_country (input, rd_case_get_country (rd_case_facts_get_case (facts)));
  set_aware (input, facts);

  items = rd_case_facts_get_complaints (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (items, i);
      GPtrArray *events = rd_case_facts_get_events (facts, complaint);

      rd_deadline_input_set_complaint_subject (input, rd_complaint_get_id (complaint),
                                               rd_complaint_get_subject (complaint));
      for (guint e = 0; e < events->len; e++)
        {
          RdComplaintEvent *event = g_ptr_array_index (events, e);

          if (rd_complaint_event_get_date (event) == NULL)
            continue;
          rd_deadline_input_add_complaint_event (input,
                                                 rd_complaint_event_get_id (event),
                                                 rd_complaint_get_id (complaint),
                                                 rd_complaint_event_get_kind (event),
                                                 rd_complaint_event_get_stage (event),
                                                 rd_complaint_event_get_date (event),
                                                 rd_complaint_event_get_new_date (event));
        }
    }

  items = rd_case_facts_get_contacts (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdContact *contact = g_ptr_array_index (items, i);

      RdParty *party;
      g_autofree char *who = NULL;

      if (rd_contact_get_occurred_at (contact) == NULL)
        continue;
      party = rd_case_facts_find_party (facts, rd_contact_get_party_id (contact));
      if (party == NULL || rd_party_get_role (party) == RD_PARTY_LANDLORD_OFFICER)
        {
          rd_deadline_input_add_contact (input, rd_contact_get_id (contact),
                                         rd_contact_get_occurred_at (contact),
                                         rd_contact_get_direction (contact),
                                         rd_contact_get_channel (contact),
                                         rd_contact_get_promise (contact),
                                         rd_contact_get_promise_due (contact));
          continue;
        }
      who = rd_party_describe (rd_party_get_name (party), rd_party_get_role (party));
      rd_deadline_input_add_other_contact (input, rd_contact_get_id (contact),
                                           rd_contact_get_occurred_at (contact),
                                           rd_contact_get_direction (contact),
                                           rd_contact_get_channel (contact),
                                           rd_party_get_id (party), who,
                                           rd_contact_get_promise (contact),
                                           rd_contact_get_promise_due (contact));
    }

  items = rd_case_facts_get_incidents (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (items, i);
      RdMoment reported;

      if (!rd_incident_get_landlord_reported (incident, &reported))
        continue;
      add_report (input, rd_incident_get_id (incident), rd_incident_get_category (incident),
                  &reported, rd_incident_get_asb_risk (incident),
                  rd_incident_get_repair_priority (incident), rd_incident_get_hazard (incident));
      rd_repairs_add_steps (input, rd_incident_get_id (incident),
                            rd_incident_get_landlord_steps (incident));
    }

  return input;
}

/**
 * rd_case_facts_compute_deadlines:
 * @landlord: (nullable): the landlord's own policy, if the case has one
 * @today: the resident's today
 *
 * Returns: (transfer full): every deadline of the case
 */
RdDeadlineReport *
rd_case_facts_compute_deadlines (RdCaseFacts *facts,
                                 RdPolicy    *landlord,
                                 const GDate *today)
{
  g_autoptr(RdDeadlineInput) input = NULL;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);
  g_return_val_if_fail (today != NULL && g_date_valid (today), NULL);

  input = rd_case_facts_build_deadline_input (facts);
  return rd_deadlines_compute (input, landlord, today);
}
