/* rd-dashboard-labels.c: the words for the dashboard's groups and next steps, and the letter each step calls for.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-dashboard"

#include "config.h"

#include "rd-gettext.h"

#include "rd-dashboard.h"

static const char * const group_labels[RD_DASHBOARD_N_GROUPS] = {
  N_("Overdue"),
  N_("Due in the next 5 working days"),
  N_("Coming up"),
  N_("Done"),
};

const char *
rd_dashboard_group_get_label (RdDashboardGroup group)
{
  g_return_val_if_fail (group < RD_DASHBOARD_N_GROUPS, "");

  return _(group_labels[group]);
}

static const struct {
  const char *key;
  const char *label;
} next_steps[] = {
  { "none", N_("Nothing to do") },
  { "wait", N_("Wait, and chase if it does not come") },
  { "chase", N_("Send a chaser") },
  { "escalate", N_("Ask to escalate to the next stage") },
  { "ombudsman", N_("Refer to the Housing Ombudsman") },
  { "case-review", N_("Ask for an ASB Case Review") },
};

const char *
rd_next_step_get_label (RdNextStep step)
{
  g_return_val_if_fail (step < G_N_ELEMENTS (next_steps), "");

  return _(next_steps[step].label);
}

const char *
rd_next_step_to_key (RdNextStep step)
{
  g_return_val_if_fail (step < G_N_ELEMENTS (next_steps), "");

  return next_steps[step].key;
}

/**
 * rd_next_step_get_letter:
 *
 * The letter that carries out @step, if there is one.
 */
gboolean
rd_next_step_get_letter (RdNextStep    step,
                         RdLetterKind *kind)
{
  switch (step)
    {
    case RD_NEXT_STEP_CHASE:
      *kind = RD_LETTER_CHASER;
      return TRUE;
    case RD_NEXT_STEP_ESCALATE:
      *kind = RD_LETTER_ESCALATION;
      return TRUE;
    case RD_NEXT_STEP_OMBUDSMAN:
      *kind = RD_LETTER_OMBUDSMAN_SUMMARY;
      return TRUE;
    case RD_NEXT_STEP_NONE:
    case RD_NEXT_STEP_WAIT:
    case RD_NEXT_STEP_CASE_REVIEW:
    default:
      return FALSE;
    }
}
