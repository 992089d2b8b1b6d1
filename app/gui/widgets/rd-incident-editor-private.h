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
  /* What an ASB Case Review counts, beside the report to the landlord:
   * the days it was reported to the police and the council, and whether
   * it was a hate incident (rd-incident-editor-asb.c) */
  AdwActionRow      *police_date_row;
  RdDateTimePicker  *police_date_picker;
  GtkSwitch         *police_date_switch;
  AdwActionRow      *council_date_row;
  RdDateTimePicker  *council_date_picker;
  GtkSwitch         *council_date_switch;
  AdwActionRow      *hate_row;
  GtkSwitch         *hate_switch;
  GtkRevealer       *asb_error_revealer;
  GtkLabel          *asb_error_label;
  /* Days without heating, hot water or power, for disrepair
   * (rd-incident-editor-loss.c) */
  AdwPreferencesGroup *loss_group;
  GtkSwitch         *loss_heating_switch;
  GtkSwitch         *loss_water_switch;
  GtkSwitch         *loss_power_switch;
  AdwActionRow      *loss_from_row;
  RdDateTimePicker  *loss_from_picker;
  AdwActionRow      *loss_until_row;
  RdDateTimePicker  *loss_until_picker;
  GtkSwitch         *loss_until_switch;
  GtkRevealer       *loss_error_revealer;
  GtkLabel          *loss_error_label;
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

gboolean _rd_incident_editor_check_asb        (RdIncidentEditor *self);
void     _rd_incident_editor_sync_asb_rows    (RdIncidentEditor *self);
void     _rd_incident_editor_apply_asb        (RdIncidentEditor *self);
void     _rd_incident_editor_load_asb         (RdIncidentEditor *self);
void     _rd_incident_editor_init_asb         (RdIncidentEditor *self);
void     _rd_incident_editor_bind_asb         (GtkWidgetClass   *widget_class);

gboolean _rd_incident_editor_check_loss       (RdIncidentEditor *self);
void     _rd_incident_editor_sync_loss_rows   (RdIncidentEditor *self);
void     _rd_incident_editor_apply_loss       (RdIncidentEditor *self);
void     _rd_incident_editor_load_loss        (RdIncidentEditor *self);
void     _rd_incident_editor_init_loss        (RdIncidentEditor *self);
void     _rd_incident_editor_bind_loss        (GtkWidgetClass   *widget_class);

G_END_DECLS
