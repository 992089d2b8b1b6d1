/* rd-step-dialog.c: records or changes one step of a complaint, with its date and proof.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-step-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-autosave.h"
#include "rd-date-time-picker.h"
#include "rd-evidence-links.h"
#include "rd-gui-util.h"
#include "rd-step-dialog.h"

/* How long typing must pause before a step that exists is written */
#define SAVE_DELAY_MS 500

struct _RdStepDialog
{
  RdStoreDialog        parent_instance;

  RdComplaint         *complaint;
  RdComplaintEvent    *event;        /* the step being written */
  GArray              *contact_ids;  /* gint64 per row of contact_row after the first */
  guint                highest_stage;
  gboolean             loading;
  /* Only while changing a step that exists: a new one is made by Add. */
  RdAutosave          *autosave;

  AdwWindowTitle      *window_title;
  AdwHeaderBar        *header_bar;
  GtkWidget           *cancel_button;
  GtkWidget           *add_button;
  GtkLabel            *status_label;
  AdwComboRow         *kind_row;
  GtkSpinButton       *stage_spin;
  RdDateTimePicker    *date_picker;
  AdwPreferencesGroup *extension_group;
  RdDateTimePicker    *new_date_picker;
  AdwEntryRow         *reason_row;
  AdwComboRow         *contact_row;
  AdwEntryRow         *notes_row;
  RdEvidenceLinks     *evidence_links;
  GtkLabel            *error_label;
};

G_DEFINE_FINAL_TYPE (RdStepDialog, rd_step_dialog, RD_TYPE_STORE_DIALOG)

static RdStore *
store_of (RdStepDialog *self)
{
  return rd_store_dialog_get_store (RD_STORE_DIALOG (self));
}

enum {
  PROP_0,
  PROP_COMPLAINT,
  PROP_EVENT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static GDateTime *
midnight (const GDate *date)
{
  return g_date_time_new_local (g_date_get_year (date), g_date_get_month (date), g_date_get_day (date),
                                0, 0, 0);
}

/* Copies the form into the step. */
static void
apply_fields (RdStepDialog *self)
{
  g_autoptr(GDate) date = rd_datetime_get_date (rd_date_time_picker_get_date_time (self->date_picker));
  guint kind = adw_combo_row_get_selected (self->kind_row);
  guint contact = adw_combo_row_get_selected (self->contact_row);

  if (kind < RD_COMPLAINT_EVENT_N_KINDS)
    rd_complaint_event_set_kind (self->event, kind);
  rd_complaint_event_set_stage (self->event, gtk_spin_button_get_value_as_int (self->stage_spin));
  rd_complaint_event_set_date (self->event, date);
  if (rd_complaint_event_get_kind (self->event) == RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED)
    {
      g_autoptr(GDate) new_date = rd_datetime_get_date (rd_date_time_picker_get_date_time (self->new_date_picker));

      rd_complaint_event_set_new_date (self->event, new_date);
      rd_complaint_event_set_reason (self->event, gtk_editable_get_text (GTK_EDITABLE (self->reason_row)));
    }
  else
    {
      rd_complaint_event_set_new_date (self->event, NULL);
      rd_complaint_event_set_reason (self->event, "");
    }
  rd_complaint_event_set_notes (self->event, gtk_editable_get_text (GTK_EDITABLE (self->notes_row)));
  rd_complaint_event_set_contact_id (self->event,
                                     contact > 0 && contact <= self->contact_ids->len
                                     ? g_array_index (self->contact_ids, gint64, contact - 1) : 0);
}

static gboolean
check_fields (RdStepDialog *self)
{
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (store_of (self)));
  g_autoptr(RdComplaintEvent) scratch = rd_complaint_event_copy (self->event);
  g_autoptr(GError) error = NULL;
  RdComplaintEvent *keep = self->event;
  gboolean valid;

  /* Check what the form says, on a copy. */
  self->event = scratch;
  apply_fields (self);
  self->event = keep;
  valid = rd_complaint_event_validate (scratch, today, &error);
  gtk_label_set_text (self->error_label, valid ? "" : error->message);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), !valid);
  return valid;
}

static void
on_field_changed_cb (RdStepDialog *self)
{
  if (!self->loading && self->event != NULL)
    check_fields (self);
}

/* A complaint is made at stage 1 and an escalation opens the next stage:
 * choosing those kinds sets the stage the resident would otherwise have
 * to work out. */
static void
on_kind_changed_cb (RdStepDialog *self)
{
  guint kind = adw_combo_row_get_selected (self->kind_row);

  gtk_widget_set_visible (GTK_WIDGET (self->extension_group), kind == RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED);
  if (!self->loading && self->event != NULL)
    {
      if (kind == RD_COMPLAINT_EVENT_MADE)
        gtk_spin_button_set_value (self->stage_spin, 1);
      else if (kind == RD_COMPLAINT_EVENT_ESCALATION_REQUESTED)
        gtk_spin_button_set_value (self->stage_spin, MIN (self->highest_stage + 1, RD_COMPLAINT_MAX_STAGE));
      else
        gtk_spin_button_set_value (self->stage_spin, MAX (self->highest_stage, 1));
      check_fields (self);
    }
}

/**
 * rd_step_dialog_save:
 *
 * Writes the step as the form says, or says what is wrong. A new step is
 * written only by this (the Add button); one that exists is also written
 * as it is changed.
 */
gboolean
rd_step_dialog_save (RdStepDialog  *self,
                     GError       **error)
{
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (RD_IS_STEP_DIALOG (self), FALSE);

  if (!check_fields (self))
    {
      g_set_error_literal (error, RD_COMPLAINT_EVENT_ERROR, RD_COMPLAINT_EVENT_ERROR_NO_DATE,
                           gtk_label_get_text (self->error_label));
      return FALSE;
    }
  apply_fields (self);
  rd_complaint_event_set_complaint_id (self->event, rd_complaint_get_id (self->complaint));
  if (!rd_store_save_complaint_event (store_of (self), self->event, &local_error) ||
      /* Evidence chosen for a new step is linked once it has an id. */
      !rd_evidence_links_save_pending (self->evidence_links, rd_complaint_event_get_id (self->event),
                                       &local_error))
    {
      gtk_label_set_text (self->error_label, local_error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (self->autosave != NULL)
    rd_autosave_discard (self->autosave);
  rd_store_dialog_saved (RD_STORE_DIALOG (self), self->event);
  return TRUE;
}

/* Writes a step that exists from the form (RdAutosave's write function).
 * What the step cannot be is shown under the form and nothing is written. */
static RdAutosaveResult
write_step (GtkWidget  *form,
            GError    **error)
{
  RdStepDialog *self = RD_STEP_DIALOG (form);

  if (!check_fields (self))
    return RD_AUTOSAVE_HELD;
  apply_fields (self);
  if (!rd_store_save_complaint_event (store_of (self), self->event, error))
    return RD_AUTOSAVE_FAILED;
  rd_store_dialog_saved (RD_STORE_DIALOG (self), self->event);
  return RD_AUTOSAVE_WRITTEN;
}

static void
on_edited_cb (RdStepDialog *self)
{
  if (self->autosave == NULL || self->loading)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  rd_autosave_changed (self->autosave);
}

/* Every field of a step that exists saves as it changes; evidence links are
 * written as they are made, as everywhere. */
static void
start_autosave (RdStepDialog *self)
{
  struct { gpointer field; const char *signal; } fields[] = {
    { self->kind_row, "notify::selected" },
    { self->stage_spin, "value-changed" },
    { self->date_picker, "notify::date-time" },
    { self->new_date_picker, "notify::date-time" },
    { self->reason_row, "changed" },
    { self->contact_row, "notify::selected" },
    { self->notes_row, "changed" },
  };

  self->autosave = rd_autosave_new (GTK_WIDGET (self), self->status_label, SAVE_DELAY_MS, write_step);
  rd_autosave_hold_close (self->autosave,
                          _("This change is not saved. Correct it, or close again to keep the step as it was."),
                          GTK_WIDGET (self->kind_row));
  for (guint i = 0; i < G_N_ELEMENTS (fields); i++)
    g_signal_connect_object (fields[i].field, fields[i].signal, G_CALLBACK (on_edited_cb), self,
                             G_CONNECT_SWAPPED);
  gtk_widget_set_visible (self->cancel_button, FALSE);
  gtk_widget_set_visible (self->add_button, FALSE);
  adw_header_bar_set_show_end_title_buttons (self->header_bar, TRUE);
}

/* Ctrl+Enter: Add for a new step; for a step that exists, write now and
 * close, unless there is something to correct first. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdStepDialog *self = RD_STEP_DIALOG (widget);

  if (self->autosave != NULL)
    {
      if (rd_autosave_flush (self->autosave, NULL) && !rd_autosave_is_pending (self->autosave))
        gtk_window_close (GTK_WINDOW (self));
      return;
    }
  if (rd_step_dialog_save (self, NULL))
    gtk_window_close (GTK_WINDOW (self));
}

RdComplaintEvent *
rd_step_dialog_get_event (RdStepDialog *self)
{
  g_return_val_if_fail (RD_IS_STEP_DIALOG (self), NULL);

  return self->event;
}

static void
rd_step_dialog_dispose (GObject *object)
{
  RdStepDialog *self = RD_STEP_DIALOG (object);

  /* First, while the fields and the step are still there */
  if (self->autosave != NULL)
    rd_autosave_finish (self->autosave);
  g_clear_object (&self->autosave);
  g_clear_object (&self->event);
  g_clear_object (&self->complaint);
  g_clear_pointer (&self->contact_ids, g_array_unref);

  G_OBJECT_CLASS (rd_step_dialog_parent_class)->dispose (object);
}

static void load_contacts (RdStepDialog *self);

static void
rd_step_dialog_get_property (GObject    *object,
                             guint       prop_id,
                             GValue     *value,
                             GParamSpec *pspec)
{
  RdStepDialog *self = RD_STEP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_COMPLAINT:
      g_value_set_object (value, self->complaint);
      break;
    case PROP_EVENT:
      g_value_set_object (value, self->event);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_step_dialog_set_property (GObject      *object,
                             guint         prop_id,
                             const GValue *value,
                             GParamSpec   *pspec)
{
  RdStepDialog *self = RD_STEP_DIALOG (object);

  switch (prop_id)
    {
    case PROP_COMPLAINT:
      self->complaint = g_value_dup_object (value);
      break;
    case PROP_EVENT:
      self->event = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_step_dialog_constructed (GObject *object)
{
  RdStepDialog *self = RD_STEP_DIALOG (object);
  /* The step given, if any; the dialog edits a copy of it. */
  g_autoptr(RdComplaintEvent) event = g_steal_pointer (&self->event);
  g_autoptr(GListModel) events = NULL;
  g_autoptr(GDateTime) now = NULL;

  G_OBJECT_CLASS (rd_step_dialog_parent_class)->constructed (object);

  now = rd_clock_dup_now (rd_store_get_clock (store_of (self)));
  self->highest_stage = 1;
  events = rd_store_list_complaint_events (store_of (self), rd_complaint_get_id (self->complaint),
                                           NULL);
  for (guint i = 0, n = events ? g_list_model_get_n_items (events) : 0; i < n; i++)
    {
      g_autoptr(RdComplaintEvent) other = g_list_model_get_item (events, i);
      self->highest_stage = MAX (self->highest_stage, rd_complaint_event_get_stage (other));
    }

  if (event != NULL)
    self->event = rd_complaint_event_copy (event);
  else
    {
      /* A first step is the complaint itself; after that, most often an
       * acknowledgement or a response at the current stage. */
      guint n = events ? g_list_model_get_n_items (events) : 0;

      self->event = rd_complaint_event_new (n == 0 ? RD_COMPLAINT_EVENT_MADE : RD_COMPLAINT_EVENT_ACKNOWLEDGED);
      rd_complaint_event_set_stage (self->event, n == 0 ? 1 : self->highest_stage);
    }

  {
    const char *title = event ? _("Change a Step") : _("Add a Step");

    adw_window_title_set_title (self->window_title, title);
    /* The header shows the title; the window's own is what screen readers
     * and window lists announce. */
    gtk_window_set_title (GTK_WINDOW (self), title);
  }
  self->loading = TRUE;
  adw_combo_row_set_selected (self->kind_row, rd_complaint_event_get_kind (self->event));
  gtk_spin_button_set_value (self->stage_spin, rd_complaint_event_get_stage (self->event));
  if (rd_complaint_event_get_date (self->event) != NULL)
    {
      g_autoptr(GDateTime) dt = midnight (rd_complaint_event_get_date (self->event));
      rd_date_time_picker_set_date_time (self->date_picker, dt);
    }
  if (rd_complaint_event_get_new_date (self->event) != NULL)
    {
      g_autoptr(GDateTime) dt = midnight (rd_complaint_event_get_new_date (self->event));
      rd_date_time_picker_set_date_time (self->new_date_picker, dt);
    }
  else
    {
      g_autoptr(GDateTime) later = g_date_time_add_days (now, 14);
      rd_date_time_picker_set_date_time (self->new_date_picker, later);
    }
  gtk_editable_set_text (GTK_EDITABLE (self->reason_row), rd_complaint_event_get_reason (self->event));
  gtk_editable_set_text (GTK_EDITABLE (self->notes_row), rd_complaint_event_get_notes (self->event));
  gtk_widget_set_visible (GTK_WIDGET (self->extension_group),
                          rd_complaint_event_get_kind (self->event) == RD_COMPLAINT_EVENT_EXTENSION_NOTIFIED);
  load_contacts (self);
  rd_evidence_links_set_store (self->evidence_links, store_of (self));
  rd_evidence_links_set_pending_allowed (self->evidence_links, TRUE);
  rd_evidence_links_set_target (self->evidence_links, rd_complaint_get_case_id (self->complaint),
                                RD_EVIDENCE_TARGET_COMPLAINT_EVENT, rd_complaint_event_get_id (self->event));
  self->loading = FALSE;
  check_fields (self);
  /* after loading, so that filling the form is not a change */
  if (rd_complaint_event_get_id (self->event) > 0)
    start_autosave (self);
}

/* Undo has put a link back: its row is listed again; the keyboard goes
 * there. */
static gboolean
show_restored (RdStoreDialog *dialog,
               const char    *what,
               gint64         id)
{
  RdStepDialog *self = RD_STEP_DIALOG (dialog);

  return g_str_equal (what, "evidence-link") &&
         rd_evidence_links_focus_evidence (self->evidence_links, id);
}

static void
rd_step_dialog_class_init (RdStepDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdStoreDialogClass *dialog_class = RD_STORE_DIALOG_CLASS (klass);

  g_type_ensure (RD_TYPE_DATE_TIME_PICKER);
  g_type_ensure (RD_TYPE_EVIDENCE_LINKS);

  object_class->dispose = rd_step_dialog_dispose;
  object_class->get_property = rd_step_dialog_get_property;
  object_class->set_property = rd_step_dialog_set_property;
  object_class->constructed = rd_step_dialog_constructed;
  dialog_class->show_restored = show_restored;

  properties[PROP_COMPLAINT] =
    g_param_spec_object ("complaint", NULL, NULL, RD_TYPE_COMPLAINT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EVENT] =
    g_param_spec_object ("event", NULL, NULL, RD_TYPE_COMPLAINT_EVENT,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-step-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, cancel_button);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, add_button);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, stage_spin);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, date_picker);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, extension_group);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, new_date_picker);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, reason_row);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, contact_row);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, notes_row);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, evidence_links);
  gtk_widget_class_bind_template_child (widget_class, RdStepDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_kind_changed_cb);

  gtk_widget_class_install_action (widget_class, "step.save", NULL, save_action);
}

static void
rd_step_dialog_init (RdStepDialog *self)
{
  g_autoptr(GtkStringList) kinds = gtk_string_list_new (NULL);

  self->contact_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Enter saves from anywhere in the step, text boxes included. */
  rd_gui_add_capture_shortcut (GTK_WIDGET (self), "<Control>Return|<Control>KP_Enter", "step.save");
  for (guint i = 0; i < RD_COMPLAINT_EVENT_N_KINDS; i++)
    gtk_string_list_append (kinds, rd_complaint_event_kind_get_label (i));
  adw_combo_row_set_model (self->kind_row, G_LIST_MODEL (kinds));
  rd_gui_combo_row_show_choice_in_full (self->kind_row, NULL);
  rd_gui_combo_row_show_choice_in_full (self->contact_row, NULL);
  rd_date_time_picker_set_accessible_names (self->date_picker, _("Date of this step"), _("Time"));
  rd_date_time_picker_set_accessible_names (self->new_date_picker, _("New date for the response"), _("Time"));
  rd_gui_label_entry_row (self->reason_row, _("The reason they gave"));
  rd_gui_label_entry_row (self->notes_row, _("Notes"));
}

static void
load_contacts (RdStepDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) contacts = NULL;
  guint selected = 0;

  gtk_string_list_append (names, _("None"));
  contacts = rd_store_list_contacts (store_of (self), rd_complaint_get_case_id (self->complaint),
                                     NULL);
  for (guint i = 0, n = contacts ? g_list_model_get_n_items (contacts) : 0; i < n; i++)
    {
      g_autoptr(RdContact) contact = g_list_model_get_item (contacts, i);
      g_autofree char *when = rd_datetime_format_short (rd_contact_get_occurred_at (contact));
      g_autofree char *headline = rd_contact_dup_headline (contact);
      g_autofree char *text = g_strdup_printf ("%s — %s", when, headline);
      gint64 id = rd_contact_get_id (contact);

      gtk_string_list_append (names, text);
      g_array_append_val (self->contact_ids, id);
      if (id == rd_complaint_event_get_contact_id (self->event))
        selected = i + 1;
    }
  adw_combo_row_set_model (self->contact_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->contact_row, selected);
}

/**
 * rd_step_dialog_new:
 * @event: (nullable): the step to change, or %NULL for a new one
 *
 * A window to record a step of @complaint: what happened, at which stage,
 * on which day, and the contact and evidence that prove it.
 */
RdStepDialog *
rd_step_dialog_new (GtkWindow        *parent,
                    RdStore          *store,
                    RdComplaint      *complaint,
                    RdComplaintEvent *event)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_COMPLAINT (complaint), NULL);

  return g_object_new (RD_TYPE_STEP_DIALOG, "transient-for", parent, "store", store,
                       "complaint", complaint, "event", event, NULL);
}
