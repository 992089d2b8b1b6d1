/* rd-deadline-engine-stages-private.h: what the complaint-stage parts of the deadline engine share.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_ENGINE_COMPILATION)
#error "rd-deadline-engine-stages-private.h belongs to app/core/engine/: include the folder's public headers instead."
#endif

#include "rd-deadline-engine-private.h"

G_BEGIN_DECLS

typedef struct {
  const RdCaseEvent *event;
  guint              stage;
  guint              order;
} StageEvent;

typedef struct {
  GArray *events;   /* StageEvent, by date then input order */
  guint   n_stages;
} Complaint;

/* Which limit binds, and why. */
typedef struct {
  gboolean        set;
  RdMoment        due;
  RdMoment        from;
  const RdLimit  *limit;
  gboolean        from_missing_ack;   /* counted from the day a missing acknowledgement was due */
  char           *basis;
} Bound;


static inline void
bound_clear (Bound *b)
{
  g_clear_pointer (&b->basis, g_free);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Bound, bound_clear)

/*
 * One stage of one complaint, as the Code reads it: what opened the stage
 * (the complaint, or the request to escalate), the acknowledgement and
 * the response that came, and the limits that bind the landlord: the
 * Code's for the stage, the landlord's own policy's, or both.
 */
typedef struct {
  gint64               group;
  guint                stage;
  const RdCaseEvent   *trigger;
  const RdCaseEvent   *ack;
  const RdCaseEvent   *resp;
  RdPolicy            *code;       /* the Code that applies, NULL when none does */
  const RdPolicyStage *cs;         /* the stage under the Code */
  const RdPolicyStage *ls;         /* the stage under the landlord's policy */
  gboolean             final;      /* its response is the landlord's final response */
  Bound                ack_bound;
  Bound                resp_bound;
} Stage;


static inline void
stage_clear (Stage *st)
{
  bound_clear (&st->ack_bound);
  bound_clear (&st->resp_bound);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Stage, stage_clear)

static inline gboolean is_made (const RdCaseEvent *e) { return e->complaint_kind == RD_COMPLAINT_EVENT_MADE; }
static inline gboolean is_escalation (const RdCaseEvent *e) { return e->complaint_kind == RD_COMPLAINT_EVENT_ESCALATION_REQUESTED; }
static inline gboolean is_ack (const RdCaseEvent *e) { return e->complaint_kind == RD_COMPLAINT_EVENT_ACKNOWLEDGED; }
static inline gboolean is_referred (const RdCaseEvent *e) { return e->complaint_kind == RD_COMPLAINT_EVENT_REFERRED; }

static inline gboolean
is_response (const RdCaseEvent *e)
{
  return e->complaint_kind == RD_COMPLAINT_EVENT_RESPONSE ||
         e->complaint_kind == RD_COMPLAINT_EVENT_FINAL_RESPONSE;
}

static inline const char *
code_name (RdPolicy *code)
{
  return rd_policy_get_name (code);
}

/* rd-deadline-engine-complaints.c: a complaint's events, by stage */
const StageEvent  *_rd_complaint_find_first  (Complaint          *c,
                                              guint               stage,
                                              gboolean          (*match) (const RdCaseEvent *e));
const RdCaseEvent *_rd_complaint_first_any   (Complaint          *c,
                                              gboolean          (*match) (const RdCaseEvent *e));
RdDeadline        *_rd_stage_deadline_new    (RdDeadlineKind      kind,
                                              gint64              group,
                                              guint               stage,
                                              const char         *title);

/* rd-deadline-engine-landlord.c: what binds the landlord in a stage */
void _rd_stage_bind_acknowledgement     (RdEngine          *engine,
                                         Stage             *st);
void _rd_stage_bind_response            (RdEngine          *engine,
                                         Stage             *st);
void _rd_stage_acknowledgement_deadline (RdEngine          *engine,
                                         gint64             group,
                                         guint              s,
                                         const RdCaseEvent *trigger,
                                         const RdCaseEvent *ack,
                                         const RdCaseEvent *resp,
                                         RdPolicy          *code,
                                         Bound             *bound,
                                         gboolean           final);
void _rd_stage_response_deadline        (RdEngine          *engine,
                                         Complaint         *c,
                                         Stage             *st);

/* rd-deadline-engine-resident.c: the resident's own time limits */
void _rd_stage_escalation_deadline      (RdEngine          *engine,
                                         Complaint         *c,
                                         const Stage       *st);
void _rd_stage_ombudsman_deadline       (RdEngine          *engine,
                                         Complaint         *c,
                                         const Stage       *st);

G_END_DECLS
