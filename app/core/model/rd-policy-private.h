/* rd-policy-private.h: the policy profile's fields, shared by rd-policy*.c.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#if !defined (RD_MODEL_COMPILATION)
#error "rd-policy-private.h belongs to app/core/model/: include the folder's public headers instead."
#endif

#include "rd-policy.h"

G_BEGIN_DECLS

struct _RdPolicy
{
  GObject        parent_instance;

  gint64         id;
  RdPolicyKind   kind;
  char          *key;            /* shipped profiles: "code-2024"; landlord's: "" */
  char          *name;
  char          *based_on;
  GDate          valid_from;     /* invalid: always */
  char          *sources;
  char          *notes;

  guint          n_stages;
  guint          max_stages;     /* Code versions: how many stages it allows; 0 = not limited */
  gboolean       has_stage_zero;
  gboolean       stage_zero_forbidden;
  RdPolicyStage  stages[RD_POLICY_MAX_STAGES];

  RdLimit        resident_escalation;
  RdLimit        ombudsman_referral;
  RdLimit        complaint_time_limit;
  RdLimit        asb[RD_ASB_RISK_N_LEVELS];
  RdLimit        hazards[RD_HAZARD_N_CLASSES][RD_HAZARD_N_RULES];
  GPtrArray     *repairs;        /* RdRepairPriority */
  GPtrArray     *rules;          /* RdPolicyRule */
  RdOfficeHours  office;
};

void _rd_policy_emit_changed    (RdPolicy *self);
void _rd_repair_priority_free   (gpointer  data);
void _rd_policy_rule_free       (gpointer  data);

G_END_DECLS
