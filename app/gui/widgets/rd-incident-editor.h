/* rd-incident-editor.h: the form that writes one diary entry, saving as you type.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"

G_BEGIN_DECLS

#define RD_TYPE_INCIDENT_EDITOR (rd_incident_editor_get_type ())
G_DECLARE_FINAL_TYPE (RdIncidentEditor, rd_incident_editor, RD, INCIDENT_EDITOR, GtkWidget)

/* How long typing may pause before the entry is written down. */
#define RD_INCIDENT_EDITOR_SAVE_DELAY_MS 500

GtkWidget  *rd_incident_editor_new               (void);
RdIncident *rd_incident_editor_get_incident      (RdIncidentEditor  *self);
void        rd_incident_editor_set_incident      (RdIncidentEditor  *self,
                                                  RdIncident        *incident);
gboolean    rd_incident_editor_flush             (RdIncidentEditor  *self,
                                                  GError           **error);
gboolean    rd_incident_editor_is_saving         (RdIncidentEditor  *self);
gboolean    rd_incident_editor_has_pending_save  (RdIncidentEditor  *self);
void        rd_incident_editor_focus_description (RdIncidentEditor  *self);
GtkWindow  *rd_incident_editor_show_history      (RdIncidentEditor  *self);

G_END_DECLS
