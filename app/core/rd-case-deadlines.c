/* rd-case-deadlines.c: a case's records as the deadline engine's input, and its deadlines.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-case-deadlines"

#include "config.h"

#include "rd-case-deadlines.h"

/*
 * The engine reads plain events; this is where the store's tables become
 * them: every complaint step, every contact with the landlord (its promise,
 * and the landlord's replies that stop other clocks), and every diary entry
 * reported to the landlord as anti-social behaviour.
 *
 * The engine reads every contact as one with the landlord, so contacts
 * with people the case names as someone else (the police, the council, an
 * MP) are left out: a call from the police must not count as the landlord
 * getting back in touch. A contact that names nobody is taken to be with
 * the landlord, which is what the log is mostly for.
 */

static gboolean
is_with_landlord (RdCaseFacts *facts,
                  RdContact   *contact)
{
  RdParty *party = rd_case_facts_find_party (facts, rd_contact_get_party_id (contact));

  return party == NULL || rd_party_get_role (party) == RD_PARTY_LANDLORD_OFFICER;
}

static RdSocialHousing
social_housing_of (RdCase *rcase)
{
  switch (rd_case_get_tenancy_type (rcase))
    {
    case RD_TENANCY_SECURE:
    case RD_TENANCY_ASSURED:
    case RD_TENANCY_STARTER:
    case RD_TENANCY_SHARED_OWNERSHIP:
      return RD_SOCIAL_HOUSING_YES;
    case RD_TENANCY_UNKNOWN:
    case RD_TENANCY_ASSURED_SHORTHOLD:  /* private or housing association: cannot tell */
    case RD_TENANCY_LEASEHOLD:
    case RD_TENANCY_LICENCE:
    case RD_TENANCY_OTHER:
    case RD_TENANCY_N_TYPES:
    default:
      return RD_SOCIAL_HOUSING_UNKNOWN;
    }
}

/**
 * rd_case_facts_build_deadline_input:
 *
 * Returns: (transfer full): the events of the case, for rd_deadlines_compute()
 */
RdDeadlineInput *
rd_case_facts_build_deadline_input (RdCaseFacts *facts)
{
  RdDeadlineInput *input;
  GPtrArray *items;

  g_return_val_if_fail (RD_IS_CASE_FACTS (facts), NULL);

  input = rd_deadline_input_new ();
  rd_deadline_input_set_social_housing (input, social_housing_of (rd_case_facts_get_case (facts)));

  items = rd_case_facts_get_complaints (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdComplaint *complaint = g_ptr_array_index (items, i);
      GPtrArray *events = rd_case_facts_get_events (facts, complaint);

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

      if (rd_contact_get_occurred_at (contact) == NULL || !is_with_landlord (facts, contact))
        continue;
      rd_deadline_input_add_contact (input, rd_contact_get_id (contact),
                                     rd_contact_get_occurred_at (contact),
                                     rd_contact_get_direction (contact),
                                     rd_contact_get_channel (contact),
                                     rd_contact_get_promise (contact),
                                     rd_contact_get_promise_due (contact));
    }

  items = rd_case_facts_get_incidents (facts);
  for (guint i = 0; i < items->len; i++)
    {
      RdIncident *incident = g_ptr_array_index (items, i);
      RdMoment when;

      if (rd_incident_get_starts_at (incident) == NULL ||
          !(rd_incident_get_reported_to (incident) & RD_REPORTED_LANDLORD) ||
          rd_incident_get_category (incident) == RD_CATEGORY_DISREPAIR)
        continue;
      /* The diary says when it happened, not when it was reported: the
       * same day is the nearest the record allows. */
      rd_moment_set_datetime (&when, rd_incident_get_starts_at (incident));
      rd_deadline_input_add_asb_report (input, rd_incident_get_id (incident), &when, RD_ASB_RISK_N_LEVELS);
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

/**
 * rd_store_build_deadline_input:
 *
 * The store's adapter for the deadline engine: reads the case and turns its
 * records into the engine's events.
 *
 * Returns: (transfer full): the input, or %NULL with @error set
 */
RdDeadlineInput *
rd_store_build_deadline_input (RdStore  *store,
                               gint64    case_id,
                               GError  **error)
{
  g_autoptr(RdCaseFacts) facts = rd_case_facts_load (store, case_id, error);

  if (facts == NULL)
    return NULL;
  return rd_case_facts_build_deadline_input (facts);
}
