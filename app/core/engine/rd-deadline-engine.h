/* rd-deadline-engine.h: works out every deadline of a case from its events and policies.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gio/gio.h>

#include "rd-deadline.h"
#include "rd-deadline-input.h"
#include "rd-policy.h"

G_BEGIN_DECLS

typedef struct _RdDeadlineReport RdDeadlineReport;

RdDeadlineReport *rd_deadlines_compute              (const RdDeadlineInput *input,
                                                     RdPolicy              *landlord,
                                                     const GDate           *today);

GListModel       *rd_deadline_report_get_deadlines  (RdDeadlineReport      *self);
guint             rd_deadline_report_get_n_notes    (RdDeadlineReport      *self);
const char       *rd_deadline_report_get_note       (RdDeadlineReport      *self,
                                                     guint                  index);
guint             rd_deadline_report_get_explanations_made (RdDeadlineReport *self);
void              rd_deadline_report_free           (RdDeadlineReport      *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RdDeadlineReport, rd_deadline_report_free)

G_END_DECLS
