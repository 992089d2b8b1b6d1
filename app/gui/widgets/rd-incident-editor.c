/* rd-incident-editor.c: the form that writes one diary entry, saving as you type.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-incident-editor"

#include "config.h"

#include <string.h>

#include <glib/gi18n.h>

#include "rd-date-time-picker.h"
#include "rd-gui-util.h"
#include "rd-history-dialog.h"
#include "rd-evidence-links.h"
#include "rd-incident-editor.h"
#include "rd-incident-editor-private.h"

/*
 * There is no Save button. Every change schedules a write a moment after
 * typing pauses; switching to another entry, closing the window and
 * quitting write at once (rd_record_editor_flush). The writes of one
 * sitting at the editor extend one revision (sitting_revision), so the
 * history shows what was written in each sitting, not every keystroke.
 *
 * Dates that break the rules (a start in the future, an end before the
 * start, a report to the landlord in the future) are explained under their
 * fields and never written; every other field is still saved.
 *
 * "Reported to the landlord on" is what starts the landlord's time limits
 * (see rd-case-deadlines.c): the rows under it ask what the landlord made
 * of the report, and only those that apply to the category show: the risk
 * level for anti-social behaviour, the repair priority and Awaab's Law
 * hazard for disrepair.
 */

G_DEFINE_FINAL_TYPE (RdIncidentEditor, rd_incident_editor, RD_TYPE_RECORD_EDITOR)

static void
show_provenance (RdIncidentEditor *self)
{
  g_autofree char *text = NULL;
  gint64 created, updated;

  if (editing (self) == NULL)
    return;

  created = rd_incident_get_created_at (editing (self));
  updated = rd_incident_get_updated_at (editing (self));
  if (rd_incident_get_id (editing (self)) == 0 || created == 0)
    text = g_strdup (_("New entry. It is saved as soon as you write something."));
  else
    {
      g_autoptr(GDateTime) written = g_date_time_new_from_unix_local (created);
      g_autofree char *written_text = rd_datetime_format_long (written);

      if (updated - created >= 60)
        {
          g_autoptr(GDateTime) changed = g_date_time_new_from_unix_local (updated);
          g_autofree char *changed_text = NULL;

          if (g_date_time_get_year (changed) == g_date_time_get_year (written) &&
              g_date_time_get_day_of_year (changed) == g_date_time_get_day_of_year (written))
            changed_text = g_date_time_format (changed, _("at %H:%M"));
          else
            changed_text = rd_datetime_format_long (changed);

          /* Translators: when a diary entry was first written and last changed;
           * the second %s is "at 21:40" or a full date and time */
          text = g_strdup_printf (_("First written %s · last changed %s"), written_text, changed_text);
        }
      else
        text = g_strdup_printf (_("First written %s"), written_text);
    }
  gtk_label_set_text (self->provenance_label, text);
}

static GDateTime *
picked_end (RdIncidentEditor *self)
{
  if (!adw_expander_row_get_enable_expansion (self->end_expander))
    return NULL;
  return rd_date_time_picker_get_date_time (self->end_picker);
}

static gboolean
dates_valid (GDateTime  *starts,
             GDateTime  *ends,
             GDateTime  *now,
             GError    **error)
{
  g_autoptr(RdIncident) scratch = rd_incident_new ();

  rd_incident_set_starts_at (scratch, starts);
  rd_incident_set_ends_at (scratch, ends);
  return rd_incident_validate (scratch, now, error);
}

/* Says what is wrong with the dates as picked, under the date fields. */
static gboolean
check_dates (RdIncidentEditor *self)
{
  g_autoptr(GDateTime) now = rd_clock_dup_now (rd_store_get_clock (store_of (self)));
  g_autoptr(GError) error = NULL;
  const char *problem = rd_date_time_picker_get_problem (self->start_picker);
  gboolean valid;

  /* A time the clocks skipped is said first: until it is corrected the
   * picker keeps the last real time, and the entry keeps what it had. */
  if (problem == NULL && adw_expander_row_get_enable_expansion (self->end_expander))
    problem = rd_date_time_picker_get_problem (self->end_picker);
  valid = problem == NULL &&
          dates_valid (rd_date_time_picker_get_date_time (self->start_picker),
                       picked_end (self), now, &error);
  if (!valid)
    gtk_label_set_text (self->date_error_label, problem != NULL ? problem : error->message);
  gtk_revealer_set_reveal_child (self->date_error_revealer, !valid);
  return valid;
}

/*
 * Puts the picked dates into the incident when they are valid. When they
 * are not, keeps as much as can be kept: the new start with the old end,
 * or the old start with the new end, or both as they were saved.
 */
static void
apply_dates (RdIncidentEditor *self)
{
  g_autoptr(GDateTime) now = rd_clock_dup_now (rd_store_get_clock (store_of (self)));
  g_autoptr(GDateTime) old_start = NULL;
  g_autoptr(GDateTime) old_end = NULL;
  GDateTime *new_start = rd_date_time_picker_get_date_time (self->start_picker);
  GDateTime *new_end = picked_end (self);
  GDateTime *candidates[][2] = {
    { new_start, new_end },
    { new_start, NULL },
    { NULL, new_end },
    { NULL, NULL },
  };

  if (rd_incident_get_starts_at (editing (self)) != NULL)
    old_start = g_date_time_ref (rd_incident_get_starts_at (editing (self)));
  if (rd_incident_get_ends_at (editing (self)) != NULL)
    old_end = g_date_time_ref (rd_incident_get_ends_at (editing (self)));
  /* A skipped time leaves the entry's time as it was, not some other. */
  if (rd_date_time_picker_get_problem (self->start_picker) != NULL)
    candidates[0][0] = candidates[1][0] = old_start;
  if (new_end != NULL && rd_date_time_picker_get_problem (self->end_picker) != NULL)
    candidates[0][1] = candidates[2][1] = old_end;
  candidates[1][1] = old_end;
  candidates[2][0] = old_start;
  candidates[3][0] = old_start;
  candidates[3][1] = old_end;

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i][0] != NULL && dates_valid (candidates[i][0], candidates[i][1], now, NULL))
      {
        rd_incident_set_starts_at (editing (self), candidates[i][0]);
        rd_incident_set_ends_at (editing (self), candidates[i][1]);
        return;
      }
}

static RdReportedTo
picked_reported_to (RdIncidentEditor *self)
{
  RdReportedTo flags = RD_REPORTED_NONE;

  if (gtk_check_button_get_active (self->police_check))
    flags |= RD_REPORTED_POLICE;
  if (gtk_check_button_get_active (self->landlord_check))
    flags |= RD_REPORTED_LANDLORD;
  if (gtk_check_button_get_active (self->council_check))
    flags |= RD_REPORTED_COUNCIL;
  if (gtk_check_button_get_active (self->other_check))
    flags |= RD_REPORTED_OTHER;
  return flags;
}

/* Copies the form into the incident, which the diary list shows. */
static void
apply_fields (RdIncidentEditor *self)
{
  g_autofree char *description = rd_gui_text_view_dup_text (self->description_view);
  g_autofree char *impact = rd_gui_text_view_dup_text (self->impact_view);
  guint category = adw_combo_row_get_selected (self->category_row);

  apply_dates (self);
  if (category < RD_CATEGORY_N_CATEGORIES)
    rd_incident_set_category (editing (self), category);
  rd_incident_set_location (editing (self), gtk_editable_get_text (GTK_EDITABLE (self->location_row)));
  rd_incident_set_description (editing (self), description);
  rd_incident_set_impact (editing (self), impact);
  rd_incident_set_people (editing (self), gtk_editable_get_text (GTK_EDITABLE (self->people_row)));
  rd_incident_set_witnesses (editing (self), gtk_editable_get_text (GTK_EDITABLE (self->witnesses_row)));
  rd_incident_set_reported_to (editing (self), picked_reported_to (self));
  rd_incident_set_reference (editing (self), gtk_editable_get_text (GTK_EDITABLE (self->reference_row)));
  _rd_incident_editor_apply_report (self);
  _rd_incident_editor_apply_asb (self);
  _rd_incident_editor_apply_loss (self);
}

static gboolean
rd_incident_editor_collect (RdRecordEditor *editor,
                            gpointer        record)
{
  apply_fields (RD_INCIDENT_EDITOR (editor));
  return TRUE;
}

static gboolean
rd_incident_editor_write (RdRecordEditor  *editor,
                          RdStore         *store,
                          gpointer         record,
                          GError         **error)
{
  RdIncidentEditor *self = RD_INCIDENT_EDITOR (editor);

  return rd_store_save_incident (store, record, &self->sitting_revision, error);
}

static void
rd_incident_editor_saved (RdRecordEditor *editor,
                          gpointer        record)
{
  show_provenance (RD_INCIDENT_EDITOR (editor));
}

static void
schedule_save (RdIncidentEditor *self)
{
  rd_record_editor_changed (RD_RECORD_EDITOR (self));
}

static void
on_field_changed_cb (RdIncidentEditor *self)
{
  _rd_incident_editor_sync_report_rows (self);
  _rd_incident_editor_sync_asb_rows (self);
  _rd_incident_editor_sync_loss_rows (self);
  schedule_save (self);
}

static void
on_loss_changed_cb (RdIncidentEditor *self)
{
  if (rd_record_editor_is_loading (RD_RECORD_EDITOR (self)))
    return;
  _rd_incident_editor_check_loss (self);
  schedule_save (self);
}

static void
on_asb_changed_cb (RdIncidentEditor *self)
{
  if (rd_record_editor_is_loading (RD_RECORD_EDITOR (self)))
    return;
  /* Saying when the police or the council heard of it says they were told. */
  if (gtk_switch_get_active (self->police_date_switch))
    gtk_check_button_set_active (self->police_check, TRUE);
  if (gtk_switch_get_active (self->council_date_switch))
    gtk_check_button_set_active (self->council_check, TRUE);
  _rd_incident_editor_check_asb (self);
  schedule_save (self);
}

static void
on_report_changed_cb (RdIncidentEditor *self)
{
  if (rd_record_editor_is_loading (RD_RECORD_EDITOR (self)))
    return;
  rd_date_time_picker_set_show_time (self->report_picker, gtk_switch_get_active (self->report_time_switch));
  /* Saying when the landlord heard of it says the landlord was told. */
  if (adw_expander_row_get_enable_expansion (self->report_expander) &&
      !gtk_check_button_get_active (self->landlord_check))
    gtk_check_button_set_active (self->landlord_check, TRUE);
  _rd_incident_editor_check_report (self);
  schedule_save (self);
}

static void
on_step_changed_cb (RdIncidentEditor *self)
{
  if (rd_record_editor_is_loading (RD_RECORD_EDITOR (self)))
    return;
  _rd_incident_editor_sync_report_rows (self);
  _rd_incident_editor_check_report (self);
  schedule_save (self);
}

static void
on_dates_changed_cb (RdIncidentEditor *self)
{
  if (rd_record_editor_is_loading (RD_RECORD_EDITOR (self)))
    return;
  /* With no end yet, the end waits at the start: switching "It went on for
   * a while" on then offers the start, not the moment the entry was made. */
  if (!adw_expander_row_get_enable_expansion (self->end_expander))
    rd_date_time_picker_set_date_time (self->end_picker,
                                       rd_date_time_picker_get_date_time (self->start_picker));
  check_dates (self);
  schedule_save (self);
}

static void
set_text_view (GtkTextView *view,
               const char  *text)
{
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (view), text, -1);
}

static void
rd_incident_editor_load (RdRecordEditor *editor,
                         gpointer        record)
{
  RdIncidentEditor *self = RD_INCIDENT_EDITOR (editor);
  RdIncident *incident = record;
  RdReportedTo reported = rd_incident_get_reported_to (incident);
  GDateTime *ends = rd_incident_get_ends_at (incident);

  /* The writes of one sitting at the editor extend one revision. */
  self->sitting_revision = 0;
  if (rd_incident_get_starts_at (incident) != NULL)
    rd_date_time_picker_set_date_time (self->start_picker, rd_incident_get_starts_at (incident));
  adw_expander_row_set_enable_expansion (self->end_expander, ends != NULL);
  adw_expander_row_set_expanded (self->end_expander, ends != NULL);
  rd_date_time_picker_set_date_time (self->end_picker,
                                     ends ? ends : rd_date_time_picker_get_date_time (self->start_picker));
  adw_combo_row_set_selected (self->category_row, rd_incident_get_category (incident));
  gtk_editable_set_text (GTK_EDITABLE (self->location_row), rd_incident_get_location (incident));
  set_text_view (self->description_view, rd_incident_get_description (incident));
  set_text_view (self->impact_view, rd_incident_get_impact (incident));
  gtk_editable_set_text (GTK_EDITABLE (self->people_row), rd_incident_get_people (incident));
  gtk_editable_set_text (GTK_EDITABLE (self->witnesses_row), rd_incident_get_witnesses (incident));
  gtk_check_button_set_active (self->police_check, reported & RD_REPORTED_POLICE);
  gtk_check_button_set_active (self->landlord_check, reported & RD_REPORTED_LANDLORD);
  gtk_check_button_set_active (self->council_check, reported & RD_REPORTED_COUNCIL);
  gtk_check_button_set_active (self->other_check, reported & RD_REPORTED_OTHER);
  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), rd_incident_get_reference (incident));
  _rd_incident_editor_load_report (self);
  _rd_incident_editor_load_asb (self);
  _rd_incident_editor_load_loss (self);
  show_provenance (self);
  rd_gui_set_status (self->status_label, NULL, FALSE);
  /* Another entry starts at its top, not where the last one was left. */
  gtk_adjustment_set_value (gtk_scrolled_window_get_vadjustment (self->scroller), 0);
}

static void
rd_incident_editor_check (RdRecordEditor *editor)
{
  RdIncidentEditor *self = RD_INCIDENT_EDITOR (editor);

  check_dates (self);
  _rd_incident_editor_check_report (self);
  _rd_incident_editor_check_asb (self);
  _rd_incident_editor_check_loss (self);
  _rd_incident_editor_sync_report_rows (self);
  _rd_incident_editor_sync_asb_rows (self);
  _rd_incident_editor_sync_loss_rows (self);
}

GtkWidget *
rd_incident_editor_new (void)
{
  return g_object_new (RD_TYPE_INCIDENT_EDITOR, NULL);
}

void
rd_incident_editor_focus_description (RdIncidentEditor *self)
{
  g_return_if_fail (RD_IS_INCIDENT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->description_view));
}

/**
 * rd_incident_editor_show_history:
 *
 * Writes what is pending, then shows every stored version of the entry.
 *
 * Returns: (transfer none) (nullable): the history window
 */
GtkWindow *
rd_incident_editor_show_history (RdIncidentEditor *self)
{
  GtkWindow *dialog;

  g_return_val_if_fail (RD_IS_INCIDENT_EDITOR (self), NULL);

  if (editing (self) == NULL || store_of (self) == NULL)
    return NULL;
  rd_record_editor_flush (RD_RECORD_EDITOR (self), NULL);
  if (rd_incident_get_id (editing (self)) == 0)
    return NULL;

  dialog = GTK_WINDOW (rd_history_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))),
                                              store_of (self), editing (self)));
  gtk_window_present (dialog);
  return dialog;
}

static void
on_buffer_changed_cb (GtkTextBuffer    *buffer,
                      RdIncidentEditor *self)
{
  schedule_save (self);
}

static void
rd_incident_editor_dispose (GObject *object)
{
  RdIncidentEditor *self = RD_INCIDENT_EDITOR (object);

  /* Last chance: whatever was typed is written before the form goes. */
  rd_record_editor_finish (RD_RECORD_EDITOR (self));
  /* The step rows go with the template's expander row that holds them. */
  memset (self->step_rows, 0, sizeof self->step_rows);
  memset (self->step_switches, 0, sizeof self->step_switches);
  memset (self->step_pickers, 0, sizeof self->step_pickers);
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_INCIDENT_EDITOR);
  rd_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rd_incident_editor_parent_class)->dispose (object);
}

static void
rd_incident_editor_class_init (RdIncidentEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdRecordEditorClass *editor_class = RD_RECORD_EDITOR_CLASS (klass);

  g_type_ensure (RD_TYPE_DATE_TIME_PICKER);
  g_type_ensure (RD_TYPE_EVIDENCE_LINKS);

  object_class->dispose = rd_incident_editor_dispose;

  editor_class->record_type = RD_TYPE_INCIDENT;
  editor_class->save_delay_ms = RD_INCIDENT_EDITOR_SAVE_DELAY_MS;
  editor_class->evidence_target = RD_EVIDENCE_TARGET_INCIDENT;
  editor_class->load = rd_incident_editor_load;
  editor_class->check = rd_incident_editor_check;
  editor_class->collect = rd_incident_editor_collect;
  editor_class->write = rd_incident_editor_write;
  editor_class->saved = rd_incident_editor_saved;

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-incident-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, scroller);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, provenance_label);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, start_picker);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, end_expander);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, end_picker);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, date_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, date_error_label);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, category_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, location_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, description_view);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, impact_view);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, people_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, witnesses_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, police_check);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, landlord_check);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, council_check);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, other_check);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, report_expander);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, report_picker);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, report_time_switch);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, risk_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, priority_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, hazard_row);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, report_error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, report_error_label);
  gtk_widget_class_bind_template_child (widget_class, RdIncidentEditor, evidence_links);
  _rd_incident_editor_bind_asb (widget_class);
  _rd_incident_editor_bind_loss (widget_class);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_report_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_dates_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_asb_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_loss_changed_cb);
}

static void
rd_incident_editor_init (RdIncidentEditor *self)
{
  g_autoptr(GtkStringList) categories = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rd_record_editor_attach (RD_RECORD_EDITOR (self), self->status_label, self->evidence_links);

  for (guint i = 0; i < RD_CATEGORY_N_CATEGORIES; i++)
    gtk_string_list_append (categories, rd_category_get_label (i));
  adw_combo_row_set_model (self->category_row, G_LIST_MODEL (categories));

  g_signal_connect (gtk_text_view_get_buffer (self->description_view), "changed",
                    G_CALLBACK (on_buffer_changed_cb), self);
  g_signal_connect (gtk_text_view_get_buffer (self->impact_view), "changed",
                    G_CALLBACK (on_buffer_changed_cb), self);

  rd_date_time_picker_set_accessible_names (self->start_picker, _("Start date"), _("Start time"));
  rd_date_time_picker_set_accessible_names (self->end_picker, _("End date"), _("End time"));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->category_row));
  rd_gui_combo_row_show_choice_in_full (self->category_row, NULL);
  rd_gui_fix_accessible_name (GTK_WIDGET (self->police_check));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->landlord_check));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->council_check));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->other_check));
  rd_gui_name_switches (GTK_WIDGET (self->end_expander), _("It went on for a while"));
  rd_gui_label_entry_row (self->location_row, _("Where"));
  rd_gui_label_entry_row (self->people_row, _("People involved"));
  rd_gui_label_entry_row (self->witnesses_row, _("Witnesses"));
  rd_gui_label_entry_row (self->reference_row, _("Reference number"));
  rd_date_time_picker_set_accessible_names (self->report_picker, _("Day reported to the landlord"),
                                            _("Time reported to the landlord"));
  rd_gui_name_switches (GTK_WIDGET (self->report_expander), _("Reported to the landlord on"));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->risk_row));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->hazard_row));
  rd_gui_combo_row_show_choice_in_full (self->risk_row,
                                        _("For anti-social behaviour: it sets how soon the landlord "
                                          "must respond"));
  rd_gui_combo_row_show_choice_in_full (self->hazard_row,
                                        _("Social housing: an emergency, or a significant hazard "
                                          "of the kind picked"));
  rd_gui_label_entry_row (self->priority_row, _("Landlord’s priority"));
  _rd_incident_editor_init_report (self, G_CALLBACK (on_step_changed_cb));
  _rd_incident_editor_init_asb (self);
  _rd_incident_editor_init_loss (self);
}
