/* rd-deadline-input.c: what happened in a case, as the deadline engine reads it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-coverage.h"
#include "rd-deadline-input.h"

struct _RdDeadlineInput
{
  GArray          *events;   /* RdCaseEvent */
  GStringChunk    *strings;
  RdSocialHousing  social;
  RdTenancyType    tenancy;
  RdCountry        country;
  GDate            aware;    /* when the resident became aware of the problem; invalid: not known */
  GArray          *subjects; /* ComplaintSubject: only complaints that said theirs */
};

typedef struct {
  gint64             complaint_id;
  RdComplaintSubject subject;
} ComplaintSubject;

RdDeadlineInput *
rd_deadline_input_new (void)
{
  RdDeadlineInput *self = g_new0 (RdDeadlineInput, 1);

  self->events = g_array_new (FALSE, TRUE, sizeof (RdCaseEvent));
  self->strings = g_string_chunk_new (1024);
  self->subjects = g_array_new (FALSE, FALSE, sizeof (ComplaintSubject));
  g_date_clear (&self->aware, 1);
  return self;
}

void
rd_deadline_input_free (RdDeadlineInput *self)
{
  if (self == NULL)
    return;
  g_array_unref (self->events);
  g_array_unref (self->subjects);
  g_string_chunk_free (self->strings);
  g_free (self);
}

/**
 * rd_deadline_input_clear:
 *
 * Forgets every event, so the input can be filled again.
 */
void
rd_deadline_input_clear (RdDeadlineInput *self)
{
  g_return_if_fail (self != NULL);

  g_array_set_size (self->events, 0);
  g_array_set_size (self->subjects, 0);
  g_string_chunk_clear (self->strings);
}

/**
 * rd_deadline_input_set_social_housing:
 *
 * Awaab's Law binds social landlords only. When it is not known whether
 * the home is social housing, the engine still works out Awaab's Law
 * deadlines and says that they apply only to social housing.
 */
void
rd_deadline_input_set_social_housing (RdDeadlineInput *self,
                                      RdSocialHousing  social)
{
  g_return_if_fail (self != NULL);
  self->social = social;
}

/**
 * rd_deadline_input_set_tenancy:
 *
 * Sets the case's kind of tenancy, and from it whether Awaab's Law covers
 * the home (rd_tenancy_awaab_coverage()). Both adapters call it, so they
 * agree; the engine explains the answer with the tenancy's reason.
 */
void
rd_deadline_input_set_tenancy (RdDeadlineInput *self,
                               RdTenancyType    tenancy)
{
  g_return_if_fail (self != NULL);

  self->tenancy = tenancy;
  switch (rd_tenancy_awaab_coverage (tenancy, NULL))
    {
    case RD_COVERAGE_COVERED:
      self->social = RD_SOCIAL_HOUSING_YES;
      break;
    case RD_COVERAGE_NOT_COVERED:
      self->social = RD_SOCIAL_HOUSING_NO;
      break;
    case RD_COVERAGE_ASK:
    default:
      self->social = RD_SOCIAL_HOUSING_UNKNOWN;
      break;
    }
}

RdTenancyType
rd_deadline_input_get_tenancy (const RdDeadlineInput *self)
{
  g_return_val_if_fail (self != NULL, RD_TENANCY_UNKNOWN);
  return self->tenancy;
}

/**
 * rd_deadline_input_set_country:
 *
 * Sets the country whose law the home is under: a case in Wales follows
 * the Welsh model complaints policy and the Public Services Ombudsman for
 * Wales, and England's Complaint Handling Code and Awaab's Law are not
 * applied to it.
 */
void
rd_deadline_input_set_country (RdDeadlineInput *self,
                               RdCountry        country)
{
  g_return_if_fail (self != NULL);
  g_return_if_fail (country < RD_COUNTRY_N);
  self->country = country;
}

RdCountry
rd_deadline_input_get_country (const RdDeadlineInput *self)
{
  g_return_val_if_fail (self != NULL, RD_COUNTRY_ENGLAND);
  return self->country;
}

/**
 * rd_deadline_input_set_complaint_subject:
 *
 * What the complaint @complaint_id (the group of its events) is about,
 * which decides the body that takes it after the landlord.
 */
void
rd_deadline_input_set_complaint_subject (RdDeadlineInput    *self,
                                         gint64              complaint_id,
                                         RdComplaintSubject  subject)
{
  ComplaintSubject entry = { complaint_id, subject };

  g_return_if_fail (self != NULL);
  g_return_if_fail (subject < RD_COMPLAINT_SUBJECT_N_SUBJECTS);

  for (guint i = 0; i < self->subjects->len; i++)
    if (g_array_index (self->subjects, ComplaintSubject, i).complaint_id == complaint_id)
      {
        g_array_index (self->subjects, ComplaintSubject, i).subject = subject;
        return;
      }
  g_array_append_val (self->subjects, entry);
}

/**
 * rd_deadline_input_get_complaint_subject:
 *
 * Returns: what the complaint is about; not said when it was never set
 */
RdComplaintSubject
rd_deadline_input_get_complaint_subject (const RdDeadlineInput *self,
                                         gint64                 complaint_id)
{
  g_return_val_if_fail (self != NULL, RD_COMPLAINT_SUBJECT_NOT_SAID);

  for (guint i = 0; i < self->subjects->len; i++)
    if (g_array_index (self->subjects, ComplaintSubject, i).complaint_id == complaint_id)
      return g_array_index (self->subjects, ComplaintSubject, i).subject;
  return RD_COMPLAINT_SUBJECT_NOT_SAID;
}

/**
 * rd_deadline_input_set_aware:
 * @aware: (nullable): the day the resident became aware of the problem
 *
 * The day a landlord's time limit for making a complaint runs from.
 */
void
rd_deadline_input_set_aware (RdDeadlineInput *self,
                             const GDate     *aware)
{
  g_return_if_fail (self != NULL);

  if (aware != NULL && g_date_valid (aware))
    self->aware = *aware;
  else
    g_date_clear (&self->aware, 1);
}

/**
 * rd_deadline_input_get_aware:
 *
 * Returns: (nullable): the day set with rd_deadline_input_set_aware()
 */
const GDate *
rd_deadline_input_get_aware (const RdDeadlineInput *self)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_date_valid (&self->aware) ? &self->aware : NULL;
}

RdSocialHousing
rd_deadline_input_get_social_housing (const RdDeadlineInput *self)
{
  g_return_val_if_fail (self != NULL, RD_SOCIAL_HOUSING_UNKNOWN);
  return self->social;
}

guint
rd_deadline_input_get_n_events (const RdDeadlineInput *self)
{
  g_return_val_if_fail (self != NULL, 0);
  return self->events->len;
}

const RdCaseEvent *
rd_deadline_input_get_event (const RdDeadlineInput *self,
                             guint                  index)
{
  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (index < self->events->len, NULL);
  return &g_array_index (self->events, RdCaseEvent, index);
}

/**
 * rd_deadline_input_add:
 * @id: the record the event comes from, so a deadline can point back at it
 * @when: when it happened (the time of day may be unknown)
 *
 * Adds a blank event of @type for the caller to fill in. The typed
 * rd_deadline_input_add_*() functions are easier to use.
 *
 * Returns: (transfer none): the new event, valid until the next add or clear
 */
RdCaseEvent *
rd_deadline_input_add (RdDeadlineInput *self,
                       RdCaseEventType  type,
                       gint64           id,
                       const RdMoment  *when)
{
  RdCaseEvent *event;

  g_return_val_if_fail (self != NULL, NULL);
  g_return_val_if_fail (type < RD_CASE_EVENT_N_TYPES, NULL);
  g_return_val_if_fail (rd_moment_is_set (when), NULL);

  g_array_set_size (self->events, self->events->len + 1);
  event = &g_array_index (self->events, RdCaseEvent, self->events->len - 1);
  event->type = type;
  event->id = id;
  event->when = *when;
  g_date_clear (&event->new_date, 1);
  g_date_clear (&event->promise_due, 1);
  event->risk = RD_ASB_RISK_N_LEVELS;
  event->text = "";
  event->who = "";
  return event;
}

/**
 * rd_deadline_input_add_complaint_event:
 * @stage: the stage it belongs to (an escalation request carries the stage
 *   it opens), or 0 to work it out from the order of events
 * @new_date: (nullable): for an extension, the new date the landlord gave
 */
void
rd_deadline_input_add_complaint_event (RdDeadlineInput      *self,
                                       gint64                event_id,
                                       gint64                complaint_id,
                                       RdComplaintEventKind  kind,
                                       guint                 stage,
                                       const GDate          *date,
                                       const GDate          *new_date)
{
  RdMoment when;
  RdCaseEvent *event;

  g_return_if_fail (self != NULL);
  g_return_if_fail (kind < RD_COMPLAINT_EVENT_N_KINDS);
  g_return_if_fail (date != NULL && g_date_valid (date));

  rd_moment_set_date (&when, date);
  event = rd_deadline_input_add (self, RD_CASE_EVENT_COMPLAINT, event_id, &when);
  event->group = complaint_id;
  event->complaint_kind = kind;
  event->stage = stage;
  if (new_date != NULL && g_date_valid (new_date))
    event->new_date = *new_date;
}

/**
 * rd_deadline_input_add_contact:
 * @promise: (nullable): what was promised
 * @promise_due: (nullable): the date it was promised by
 *
 * Adds a contact with the landlord: its promise is a deadline, and when it
 * comes from the landlord it stops the clocks that wait for the landlord
 * to get in touch.
 */
void
rd_deadline_input_add_contact (RdDeadlineInput    *self,
                               gint64              contact_id,
                               GDateTime          *occurred_at,
                               RdContactDirection  direction,
                               RdContactChannel    channel,
                               const char         *promise,
                               const GDate        *promise_due)
{
  RdMoment when;
  RdCaseEvent *event;

  g_return_if_fail (self != NULL);
  g_return_if_fail (occurred_at != NULL);
  g_return_if_fail (channel < RD_CHANNEL_N_CHANNELS);

  rd_moment_set_datetime (&when, occurred_at);
  event = rd_deadline_input_add (self, RD_CASE_EVENT_CONTACT, contact_id, &when);
  event->direction = direction;
  event->channel = channel;
  if (promise != NULL)
    event->text = g_string_chunk_insert (self->strings, promise);
  if (promise_due != NULL && g_date_valid (promise_due))
    event->promise_due = *promise_due;
  event->with_landlord = TRUE;
}

/**
 * rd_deadline_input_add_other_contact:
 * @party_id: the case's record of who it was with
 * @who: how the explanations name them, "PC Smith (Police)"
 * @promise: (nullable): what was promised
 * @promise_due: (nullable): the date it was promised by
 *
 * Adds a contact with someone other than the landlord (the police, the
 * council, an MP). A promise they made is a deadline, kept by their next
 * contact with the resident; the contact itself never counts as the
 * landlord getting in touch.
 */
void
rd_deadline_input_add_other_contact (RdDeadlineInput    *self,
                                     gint64              contact_id,
                                     GDateTime          *occurred_at,
                                     RdContactDirection  direction,
                                     RdContactChannel    channel,
                                     gint64              party_id,
                                     const char         *who,
                                     const char         *promise,
                                     const GDate        *promise_due)
{
  RdCaseEvent *event;

  g_return_if_fail (self != NULL);
  g_return_if_fail (occurred_at != NULL);
  g_return_if_fail (channel < RD_CHANNEL_N_CHANNELS);

  rd_deadline_input_add_contact (self, contact_id, occurred_at, direction, channel, promise, promise_due);
  event = &g_array_index (self->events, RdCaseEvent, self->events->len - 1);
  event->with_landlord = FALSE;
  event->party = party_id;
  if (who != NULL)
    event->who = g_string_chunk_insert (self->strings, who);
}

/**
 * rd_deadline_input_add_asb_report:
 * @risk: the risk level the landlord gave the report, or
 *   %RD_ASB_RISK_N_LEVELS when it is not known
 */
void
rd_deadline_input_add_asb_report (RdDeadlineInput *self,
                                  gint64           report_id,
                                  const RdMoment  *when,
                                  RdAsbRisk        risk)
{
  RdCaseEvent *event;

  g_return_if_fail (self != NULL);
  g_return_if_fail (risk <= RD_ASB_RISK_N_LEVELS);

  event = rd_deadline_input_add (self, RD_CASE_EVENT_ASB_REPORT, report_id, when);
  if (event != NULL)
    event->risk = risk;
}

/**
 * rd_deadline_input_add_repair:
 * @type: %RD_CASE_EVENT_REPAIR_REPORT or %RD_CASE_EVENT_REPAIR_DONE
 * @report_id: the report's id (for a report, its own @id)
 * @priority_key: (nullable): for a report, the key of the landlord's
 *   priority it was given ("emergency")
 */
void
rd_deadline_input_add_repair (RdDeadlineInput *self,
                              RdCaseEventType  type,
                              gint64           id,
                              gint64           report_id,
                              const RdMoment  *when,
                              const char      *priority_key)
{
  RdCaseEvent *event;

  g_return_if_fail (self != NULL);
  g_return_if_fail (type == RD_CASE_EVENT_REPAIR_REPORT || type == RD_CASE_EVENT_REPAIR_DONE);

  event = rd_deadline_input_add (self, type, id, when);
  if (event == NULL)
    return;
  event->group = report_id;
  if (priority_key != NULL)
    event->text = g_string_chunk_insert (self->strings, priority_key);
}

/**
 * rd_deadline_input_add_hazard:
 * @type: one of the %RD_CASE_EVENT_HAZARD_* steps
 * @report_id: the report's id (for a report, its own @id)
 * @level: for a report, whether it is an emergency or a significant hazard
 */
void
rd_deadline_input_add_hazard (RdDeadlineInput *self,
                              RdCaseEventType  type,
                              gint64           id,
                              gint64           report_id,
                              const RdMoment  *when,
                              RdHazardLevel    level)
{
  RdCaseEvent *event;

  g_return_if_fail (self != NULL);
  g_return_if_fail (type >= RD_CASE_EVENT_HAZARD_REPORT && type <= RD_CASE_EVENT_HAZARD_MADE_SAFE);
  g_return_if_fail (level < RD_HAZARD_N_LEVELS);

  event = rd_deadline_input_add (self, type, id, when);
  if (event == NULL)
    return;
  event->group = report_id;
  event->hazard = level;
}
