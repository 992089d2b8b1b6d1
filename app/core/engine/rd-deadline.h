/* rd-deadline.h: one deadline worked out from a case's events, and how it went.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-deadline-input.h"
#include "rd-landlord-steps.h"
#include "rd-limit.h"

G_BEGIN_DECLS

#define RD_TYPE_DEADLINE (rd_deadline_get_type ())
G_DECLARE_FINAL_TYPE (RdDeadline, rd_deadline, RD, DEADLINE, GObject)

typedef enum {
  RD_DEADLINE_PENDING,   /* not done, not due within a few working days */
  RD_DEADLINE_DUE_SOON,  /* not done, due within RD_DEADLINE_DUE_SOON_WORKING_DAYS */
  RD_DEADLINE_MET,       /* done in time (or, for an extension, given by the rules) */
  RD_DEADLINE_MISSED,    /* done late, not done and overdue, or a rule broken */
} RdDeadlineStatus;

#define RD_DEADLINE_DUE_SOON_WORKING_DAYS 5

typedef enum {
  RD_DEADLINE_KIND_ACKNOWLEDGEMENT,  /* the landlord acknowledges a complaint stage */
  RD_DEADLINE_KIND_RESPONSE,         /* the landlord responds at a stage */
  RD_DEADLINE_KIND_EXTENSION,        /* an extension the landlord gave, checked against the rules */
  RD_DEADLINE_KIND_ESCALATION,       /* the resident's time to ask for the next stage */
  RD_DEADLINE_KIND_OMBUDSMAN,        /* the resident's time to go to the Housing Ombudsman */
  RD_DEADLINE_KIND_PROMISE,          /* something promised in a contact */
  RD_DEADLINE_KIND_ASB_RESPONSE,     /* first response to a report of anti-social behaviour */
  RD_DEADLINE_KIND_REPAIR,           /* a repair, by the landlord's priority */
  RD_DEADLINE_KIND_HAZARD,           /* an Awaab's Law step */
  RD_DEADLINE_KIND_RULE,             /* one of the landlord's own other rules */
} RdDeadlineKind;

typedef enum {
  RD_DEADLINE_ON_LANDLORD,
  RD_DEADLINE_ON_RESIDENT,
  RD_DEADLINE_ON_OTHER,      /* someone else's promise: the police, the council, an MP */
} RdDeadlineParty;

/* A record a deadline was worked out from. */
typedef struct {
  RdCaseEventType type;
  gint64          id;
} RdDeadlineSource;

RdDeadlineKind    rd_deadline_get_kind               (RdDeadline *self);
RdDeadlineParty   rd_deadline_get_party              (RdDeadline *self);
RdDeadlineStatus  rd_deadline_get_status             (RdDeadline *self);
const char       *rd_deadline_get_title              (RdDeadline *self);
gint64            rd_deadline_get_group              (RdDeadline *self);
guint             rd_deadline_get_stage              (RdDeadline *self);
const RdMoment   *rd_deadline_get_due                (RdDeadline *self);
const RdMoment   *rd_deadline_get_done               (RdDeadline *self);
int               rd_deadline_get_working_days_late  (RdDeadline *self);
int               rd_deadline_get_days_late          (RdDeadline *self);
gint64            rd_deadline_get_minutes_late       (RdDeadline *self);
gboolean          rd_deadline_get_is_timed           (RdDeadline *self);
gboolean          rd_deadline_get_start_time_unknown (RdDeadline *self);
gboolean          rd_deadline_get_hours_late         (RdDeadline *self,
                                                      gint64     *minutes,
                                                      gboolean   *exact);
guint             rd_deadline_get_n_sources          (RdDeadline *self);
const RdDeadlineSource *rd_deadline_get_source       (RdDeadline *self,
                                                      guint       index);
const char       *rd_deadline_get_explanation        (RdDeadline *self);
const char       *rd_deadline_get_next_step          (RdDeadline *self);
const char       *rd_deadline_get_basis              (RdDeadline *self);
RdLandlordStep    rd_deadline_get_landlord_step      (RdDeadline *self);
const char       *rd_deadline_get_rule               (RdDeadline *self);

const char       *rd_deadline_status_to_key          (RdDeadlineStatus status);
const char       *rd_deadline_status_get_label       (RdDeadlineStatus status);
const char       *rd_deadline_kind_to_key            (RdDeadlineKind   kind);
const char       *rd_case_event_type_to_key          (RdCaseEventType  type);

G_END_DECLS
