/* rd-incident-editor.h: the form that writes one diary entry, saving as you type.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-core.h"
#include "rd-record-editor.h"

G_BEGIN_DECLS

#define RD_TYPE_INCIDENT_EDITOR (rd_incident_editor_get_type ())
G_DECLARE_FINAL_TYPE (RdIncidentEditor, rd_incident_editor, RD, INCIDENT_EDITOR, RdRecordEditor)

/* How long typing may pause before the entry is written down. */
#define RD_INCIDENT_EDITOR_SAVE_DELAY_MS 500

/* The store, the entry ("record"), saving and ::saved are RdRecordEditor's. */
GtkWidget  *rd_incident_editor_new               (void);
void        rd_incident_editor_focus_description (RdIncidentEditor  *self);
GtkWindow  *rd_incident_editor_show_history      (RdIncidentEditor  *self);

G_END_DECLS
