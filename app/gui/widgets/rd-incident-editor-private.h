/* rd-incident-editor-private.h: the diary entry form's fields, shared by
 * rd-incident-editor.c and its report section, rd-incident-editor-report.c.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "rd-date-time-picker.h"
#include "rd-evidence-links.h"
#include "rd-incident-editor.h"

G_BEGIN_DECLS

struct _RdIncidentEditor
{
  RdRecordEditor     parent_instance;

  gint64             sitting_revision;

  GtkScrolledWindow *scroller;
  GtkLabel          *provenance_label;
  GtkLabel          *status_label;
  RdDateTimePicker  *start_picker;
  AdwExpanderRow    *end_expander;
  RdDateTimePicker  *end_picker;
  GtkRevealer       *date_error_revealer;
  GtkLabel          *date_error_label;
  AdwComboRow       *category_row;
  AdwEntryRow       *location_row;
  GtkTextView       *description_view;
  GtkTextView       *impact_view;
  AdwEntryRow       *people_row;
  AdwEntryRow       *witnesses_row;
  GtkCheckButton    *police_check;
  GtkCheckButton    *landlord_check;
  GtkCheckButton    *council_check;
  GtkCheckButton    *other_check;
  AdwEntryRow       *reference_row;
  AdwExpanderRow    *report_expander;
  RdDateTimePicker  *report_picker;
  GtkSwitch         *report_time_switch;
  AdwComboRow       *risk_row;
  AdwEntryRow       *priority_row;
  AdwComboRow       *hazard_row;
  /* The landlord's dated steps on a repair or hazard, built in code: one
   * row each, a switch for "it happened" and the day it did */
  AdwActionRow      *step_rows[RD_STEP_N_STEPS];
  GtkSwitch         *step_switches[RD_STEP_N_STEPS];
  RdDateTimePicker  *step_pickers[RD_STEP_N_STEPS];
  GtkRevealer       *report_error_revealer;
  GtkLabel          *report_error_label;
  RdEvidenceLinks   *evidence_links;
};

static inline RdIncident *
editing (RdIncidentEditor *self)
{
  return rd_record_editor_get_record (RD_RECORD_EDITOR (self));
}

static inline RdStore *
store_of (RdIncidentEditor *self)
{
  return rd_record_editor_get_store (RD_RECORD_EDITOR (self));
}

gboolean _rd_incident_editor_check_report     (RdIncidentEditor *self);
void     _rd_incident_editor_sync_report_rows (RdIncidentEditor *self);
void     _rd_incident_editor_apply_report     (RdIncidentEditor *self);
void     _rd_incident_editor_load_report      (RdIncidentEditor *self);
void     _rd_incident_editor_init_report      (RdIncidentEditor *self,
                                               GCallback         step_changed);

G_END_DECLS
