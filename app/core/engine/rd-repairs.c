/* rd-repairs.c: the landlord's dated steps on a reported repair or hazard, as deadline events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-deadline"

#include "config.h"

#include "rd-repairs.h"

/*
 * A diary entry that is a repair or a hazard records what the landlord did
 * and when (see RdLandlordSteps). Each step becomes an event of the
 * entry's report, grouped under it, and the engine decides which deadlines
 * it meets: the investigation, the written summary, making safe (met by
 * the safety work, the finished repair, or an offer of somewhere else to
 * stay, which is what Awaab's Law asks when a home cannot be made safe in
 * time), further work begun, and the repair by the landlord's priority.
 *
 * Steps are added whatever the entry's kind: an event no deadline looks
 * for changes nothing, and the engine, not the adapter, knows the rules.
 */

static const RdCaseEventType step_events[RD_STEP_N_STEPS] = {
  [RD_STEP_INVESTIGATED] = RD_CASE_EVENT_HAZARD_INVESTIGATED,
  [RD_STEP_SUMMARY_GIVEN] = RD_CASE_EVENT_HAZARD_SUMMARY,
  [RD_STEP_MADE_SAFE] = RD_CASE_EVENT_HAZARD_MADE_SAFE,
  [RD_STEP_WORKS_STARTED] = RD_CASE_EVENT_WORKS_STARTED,
  [RD_STEP_REPAIRED] = RD_CASE_EVENT_REPAIR_DONE,
  [RD_STEP_ALTERNATIVE_OFFERED] = RD_CASE_EVENT_ALTERNATIVE_OFFERED,
};

/**
 * rd_repairs_add_steps:
 * @incident_id: the diary entry, whose report the steps belong to
 * @steps: what the landlord did, and when
 *
 * Adds the landlord's recorded steps on a reported repair or hazard, after
 * the report itself (see rd_case_facts_build_deadline_input()).
 */
void
rd_repairs_add_steps (RdDeadlineInput       *input,
                      gint64                 incident_id,
                      const RdLandlordSteps *steps)
{
  g_return_if_fail (input != NULL);
  g_return_if_fail (steps != NULL);

  for (guint i = 0; i < RD_STEP_N_STEPS; i++)
    {
      RdCaseEvent *event;

      if (!rd_moment_is_set (&steps->at[i]))
        continue;
      event = rd_deadline_input_add (input, step_events[i], incident_id, &steps->at[i]);
      if (event == NULL)
        continue;
      event->group = incident_id;
      event->hazard = RD_HAZARD_N_LEVELS;
    }
}
