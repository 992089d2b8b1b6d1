/* rd-ics.h: a case's open deadlines as an iCalendar file, for the resident's own calendar.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "rd-case.h"
#include "rd-dashboard.h"

G_BEGIN_DECLS

char *rd_ics_from_dashboard (RdDashboard  *dashboard,
                             RdCase       *rcase,
                             GDateTime    *stamp,
                             GError      **error);

G_END_DECLS
