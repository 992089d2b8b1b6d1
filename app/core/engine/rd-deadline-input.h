/* rd-deadline-input.h: what happened in a case, as the deadline engine reads it.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The engine does not read the store: rd_case_facts_build_deadline_input()
 * turns a case's loaded records into RdCaseEvents, so the engine can be
 * tested with plain values.
 */
#pragma once

#include "rd-case.h"
#include "rd-complaint.h"
#include "rd-events.h"
#include "rd-limit.h"
#include "rd-policy.h"

G_BEGIN_DECLS

typedef enum {
  RD_CASE_EVENT_COMPLAINT,          /* a complaint stage event */
  RD_CASE_EVENT_CONTACT,            /* a contact, perhaps with a dated promise */
  RD_CASE_EVENT_ASB_REPORT,         /* anti-social behaviour reported to the landlord */
  RD_CASE_EVENT_REPAIR_REPORT,      /* a repair reported, with the landlord's priority */
  RD_CASE_EVENT_REPAIR_DONE,        /* that repair done */
  RD_CASE_EVENT_HAZARD_REPORT,      /* a hazard reported (Awaab's Law) */
  RD_CASE_EVENT_HAZARD_INVESTIGATED,/* the landlord's investigation ended */
  RD_CASE_EVENT_HAZARD_SUMMARY,     /* the written summary of findings reached the tenant */
  RD_CASE_EVENT_HAZARD_MADE_SAFE,   /* the relevant safety work was done */
  RD_CASE_EVENT_WORKS_STARTED,      /* the repair or further work physically began */
  RD_CASE_EVENT_ALTERNATIVE_OFFERED,/* the landlord offered somewhere else to stay */
  RD_CASE_EVENT_N_TYPES
} RdCaseEventType;

typedef struct {
  RdCaseEventType      type;
  gint64               id;              /* the record it came from (event, contact, report…) */
  gint64               group;           /* complaint id; for repair and hazard steps, the report's id */
  RdMoment             when;

  /* RD_CASE_EVENT_COMPLAINT */
  RdComplaintEventKind complaint_kind;
  guint                stage;           /* 1…; 0 when not known (worked out from the order) */
  GDate                new_date;        /* extension: the new date; cleared otherwise */

  /* RD_CASE_EVENT_CONTACT */
  RdContactDirection   direction;
  RdContactChannel     channel;
  GDate                promise_due;     /* cleared when nothing was promised by a date */
  gboolean             with_landlord;   /* FALSE for someone else (police, council, an MP):
                                         * their promises are deadlines, but their contacts
                                         * never stop the landlord's clocks */
  gint64               party;           /* who it was with, 0 when not known */
  const char          *who;             /* for someone else, "PC Smith (Police)"; owned by the input */

  /* promise text, or the repair priority's key; owned by the input */
  const char          *text;

  RdAsbRisk            risk;            /* RD_ASB_RISK_N_LEVELS when not known */
  RdHazardLevel        hazard;
} RdCaseEvent;

typedef struct _RdDeadlineInput RdDeadlineInput;

typedef enum {
  RD_SOCIAL_HOUSING_UNKNOWN,
  RD_SOCIAL_HOUSING_YES,
  RD_SOCIAL_HOUSING_NO,
} RdSocialHousing;

RdDeadlineInput   *rd_deadline_input_new                  (void);
void               rd_deadline_input_free                 (RdDeadlineInput      *self);
void               rd_deadline_input_clear                (RdDeadlineInput      *self);

void               rd_deadline_input_set_social_housing   (RdDeadlineInput      *self,
                                                           RdSocialHousing       social);
RdSocialHousing    rd_deadline_input_get_social_housing   (const RdDeadlineInput *self);
void               rd_deadline_input_set_tenancy          (RdDeadlineInput      *self,
                                                           RdTenancyType         tenancy);
RdTenancyType      rd_deadline_input_get_tenancy          (const RdDeadlineInput *self);
void               rd_deadline_input_set_country          (RdDeadlineInput      *self,
                                                           RdCountry             country);
RdCountry          rd_deadline_input_get_country          (const RdDeadlineInput *self);
void               rd_deadline_input_set_aware            (RdDeadlineInput      *self,
                                                           const GDate          *aware);
const GDate       *rd_deadline_input_get_aware            (const RdDeadlineInput *self);

void               rd_deadline_input_set_complaint_subject (RdDeadlineInput    *self,
                                                           gint64                complaint_id,
                                                           RdComplaintSubject    subject);
RdComplaintSubject rd_deadline_input_get_complaint_subject (const RdDeadlineInput *self,
                                                           gint64                complaint_id);

guint              rd_deadline_input_get_n_events         (const RdDeadlineInput *self);
const RdCaseEvent *rd_deadline_input_get_event            (const RdDeadlineInput *self,
                                                           guint                 index);

RdCaseEvent       *rd_deadline_input_add                  (RdDeadlineInput      *self,
                                                           RdCaseEventType       type,
                                                           gint64                id,
                                                           const RdMoment       *when);
void               rd_deadline_input_add_complaint_event  (RdDeadlineInput      *self,
                                                           gint64                event_id,
                                                           gint64                complaint_id,
                                                           RdComplaintEventKind  kind,
                                                           guint                 stage,
                                                           const GDate          *date,
                                                           const GDate          *new_date);
void               rd_deadline_input_add_contact          (RdDeadlineInput      *self,
                                                           gint64                contact_id,
                                                           GDateTime            *occurred_at,
                                                           RdContactDirection    direction,
                                                           RdContactChannel      channel,
                                                           const char           *promise,
                                                           const GDate          *promise_due);
void               rd_deadline_input_add_other_contact    (RdDeadlineInput      *self,
                                                           gint64                contact_id,
                                                           GDateTime            *occurred_at,
                                                           RdContactDirection    direction,
                                                           RdContactChannel      channel,
                                                           gint64                party_id,
                                                           const char           *who,
                                                           const char           *promise,
                                                           const GDate          *promise_due);
void               rd_deadline_input_add_asb_report       (RdDeadlineInput      *self,
                                                           gint64                report_id,
                                                           const RdMoment       *when,
                                                           RdAsbRisk             risk);
void               rd_deadline_input_add_repair           (RdDeadlineInput      *self,
                                                           RdCaseEventType       type,
                                                           gint64                id,
                                                           gint64                report_id,
                                                           const RdMoment       *when,
                                                           const char           *priority_key);
void               rd_deadline_input_add_hazard           (RdDeadlineInput      *self,
                                                           RdCaseEventType       type,
                                                           gint64                id,
                                                           gint64                report_id,
                                                           const RdMoment       *when,
                                                           RdHazardLevel         level);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdDeadlineInput, rd_deadline_input_free)

G_END_DECLS
