/* rd-incident-chooser.h: a list of diary entries to tick, for what a complaint is about.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_INCIDENT_CHOOSER (rd_incident_chooser_get_type ())
G_DECLARE_FINAL_TYPE (RdIncidentChooser, rd_incident_chooser, RD, INCIDENT_CHOOSER, GtkWidget)

GtkWidget  *rd_incident_chooser_new           (void);
void        rd_incident_chooser_set_incidents (RdIncidentChooser *self,
                                               GListModel        *incidents);
GListModel *rd_incident_chooser_get_incidents (RdIncidentChooser *self);
void        rd_incident_chooser_set_chosen    (RdIncidentChooser *self,
                                               const gint64      *ids,
                                               guint              n_ids);
GArray     *rd_incident_chooser_dup_chosen    (RdIncidentChooser *self);
void        rd_incident_chooser_set_chosen_at (RdIncidentChooser *self,
                                               guint              position,
                                               gboolean           chosen);

G_END_DECLS
