/* rd-timeline-make.h: a case's timeline read from the store as it is made.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-store.h"
#include "rd-timeline.h"

G_BEGIN_DECLS

RdTimeline *rd_timeline_new_from_store (RdStore      *store,
                                        gint64        case_id,
                                        RdCaseFacts  *facts,
                                        RdDashboard  *dashboard,
                                        GError      **error);

G_END_DECLS
