/* rd-repairs.h: the landlord's dated steps on a reported repair or hazard, as deadline events.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-deadline-input.h"
#include "rd-landlord-steps.h"

G_BEGIN_DECLS

void rd_repairs_add_steps (RdDeadlineInput       *input,
                           gint64                 incident_id,
                           const RdLandlordSteps *steps);

G_END_DECLS
