/* rd-case-snapshot.h: one case as loaded at one moment: its facts and the landlord's policy it follows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case-facts.h"
#include "rd-dashboard.h"
#include "rd-deadline-engine.h"
#include "rd-policy.h"
#include "rd-store.h"
#include "rd-timeline.h"

G_BEGIN_DECLS

#define RD_TYPE_CASE_SNAPSHOT (rd_case_snapshot_get_type ())
G_DECLARE_FINAL_TYPE (RdCaseSnapshot, rd_case_snapshot, RD, CASE_SNAPSHOT, GObject)

RdCaseSnapshot   *rd_case_snapshot_new               (RdCaseFacts     *facts,
                                                      RdPolicy        *landlord);
RdCaseSnapshot   *rd_case_snapshot_load              (RdStore         *store,
                                                      gint64           case_id,
                                                      GError         **error);
RdCaseSnapshot   *rd_case_snapshot_load_brief        (RdStore         *store,
                                                      gint64           case_id,
                                                      GError         **error);
RdCaseFacts      *rd_case_snapshot_get_facts         (RdCaseSnapshot  *self);
RdPolicy         *rd_case_snapshot_get_policy        (RdCaseSnapshot  *self);
RdDeadlineReport *rd_case_snapshot_compute_deadlines (RdCaseSnapshot  *self,
                                                      const GDate     *today);
RdDashboard      *rd_case_snapshot_compute_dashboard (RdCaseSnapshot  *self,
                                                      const GDate     *today);
RdTimeline       *rd_case_snapshot_build_timeline    (RdCaseSnapshot  *self,
                                                      const GDate     *today);

G_END_DECLS
