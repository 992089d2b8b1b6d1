/* rd-incident-row.h: one diary entry as a row of the diary list.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-diary-item.h"

G_BEGIN_DECLS

#define RD_TYPE_INCIDENT_ROW (rd_incident_row_get_type ())
G_DECLARE_FINAL_TYPE (RdIncidentRow, rd_incident_row, RD, INCIDENT_ROW, GtkWidget)

GtkWidget   *rd_incident_row_new      (void);
RdDiaryItem *rd_incident_row_get_item (RdIncidentRow *self);
void         rd_incident_row_set_item (RdIncidentRow *self,
                                       RdDiaryItem   *item);

G_END_DECLS
