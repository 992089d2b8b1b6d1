/* rd-contact-editor.c: the form that records one contact and any promise, saving as you type.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-contact-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-contact-editor.h"
#include "rd-evidence-links.h"
#include "rd-date-time-picker.h"
#include "rd-gui-util.h"
#include "rd-parties-dialog.h"

/*
 * Like the diary's editor there is no Save button: every change is written
 * a moment after typing pauses, and at once when another contact is chosen
 * or the page lets go. A time in the future or a promised date before the
 * contact is explained under the promise and not written; the rest is.
 */

struct _RdContactEditor
{
  RdRecordEditor     parent_instance;

  GArray            *party_ids;    /* gint64 per row of party_row after the first */
  gboolean           filling_parties;

  GtkLabel          *status_label;
  RdDateTimePicker  *when_picker;
  AdwComboRow       *direction_row;
  AdwComboRow       *channel_row;
  AdwComboRow       *party_row;
  AdwEntryRow       *person_row;
  GtkTextView       *summary_view;
  AdwEntryRow       *promise_row;
  AdwExpanderRow    *due_expander;
  RdDateTimePicker  *due_picker;
  GtkRevealer       *error_revealer;
  GtkLabel          *error_label;
  RdEvidenceLinks   *evidence_links;
};

G_DEFINE_FINAL_TYPE (RdContactEditor, rd_contact_editor, RD_TYPE_RECORD_EDITOR)

static RdContact *
editing (RdContactEditor *self)
{
  return rd_record_editor_get_record (RD_RECORD_EDITOR (self));
}

static RdStore *
store_of (RdContactEditor *self)
{
  return rd_record_editor_get_store (RD_RECORD_EDITOR (self));
}

static gint64
picked_party (RdContactEditor *self)
{
  guint selected = adw_combo_row_get_selected (self->party_row);

  if (selected == 0 || selected == GTK_INVALID_LIST_POSITION || selected > self->party_ids->len)
    return 0;
  return g_array_index (self->party_ids, gint64, selected - 1);
}

static void
select_party (RdContactEditor *self,
              gint64           party_id)
{
  guint row = 0;

  for (guint i = 0; i < self->party_ids->len; i++)
    if (g_array_index (self->party_ids, gint64, i) == party_id)
      row = i + 1;
  adw_combo_row_set_selected (self->party_row, row);
}

/* Fills the "With" list from the case's people, keeping the choice. */
static void
load_parties (RdContactEditor *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) parties = NULL;
  RdContact *contact = editing (self);
  gint64 keep = contact ? rd_contact_get_party_id (contact) : 0;

  if (contact != NULL && !rd_record_editor_is_loading (RD_RECORD_EDITOR (self)))
    keep = picked_party (self);

  g_array_set_size (self->party_ids, 0);
  gtk_string_list_append (names, _("Someone not on the list"));
  if (store_of (self) != NULL && contact != NULL && rd_contact_get_case_id (contact) != 0)
    {
      g_autoptr(GError) error = NULL;

      parties = rd_store_list_parties (store_of (self), rd_contact_get_case_id (contact), &error);
      if (parties == NULL)
        g_warning ("Could not list the people of the case: %s", error->message);
    }
  for (guint i = 0; parties != NULL && i < g_list_model_get_n_items (parties); i++)
    {
      g_autoptr(RdParty) party = g_list_model_get_item (parties, i);
      g_autofree char *name = rd_party_dup_display_name (party);
      gint64 id = rd_party_get_id (party);

      gtk_string_list_append (names, name);
      g_array_append_val (self->party_ids, id);
    }

  /* Refilling the list is not a change the resident made. */
  self->filling_parties = TRUE;
  adw_combo_row_set_model (self->party_row, G_LIST_MODEL (names));
  select_party (self, keep);
  self->filling_parties = FALSE;
}

static GDate *
picked_due (RdContactEditor *self)
{
  if (!adw_expander_row_get_enable_expansion (self->due_expander))
    return NULL;
  return rd_datetime_get_date (rd_date_time_picker_get_date_time (self->due_picker));
}

static gboolean
valid_with (RdContactEditor  *self,
            GDateTime        *when,
            const GDate      *due,
            GError          **error)
{
  g_autoptr(RdContact) scratch = rd_contact_new ();
  g_autoptr(GDateTime) now = rd_clock_dup_now (rd_store_get_clock (store_of (self)));

  rd_contact_set_occurred_at (scratch, when);
  rd_contact_set_promise (scratch, gtk_editable_get_text (GTK_EDITABLE (self->promise_row)));
  rd_contact_set_promise_due (scratch, due);
  return rd_contact_validate (scratch, now, error);
}

/* Says what is wrong with the time and promise, as picked. */
static void
check_fields (RdContactEditor *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) due = picked_due (self);
  gboolean valid;

  valid = valid_with (self, rd_date_time_picker_get_date_time (self->when_picker), due, &error);
  if (!valid)
    gtk_label_set_text (self->error_label, error->message);
  gtk_revealer_set_reveal_child (self->error_revealer, !valid);
}

static void
rd_contact_editor_check (RdRecordEditor *editor)
{
  check_fields (RD_CONTACT_EDITOR (editor));
}

/*
 * Copies the form into the contact. A time or promised date that breaks the
 * rules is left as it was saved; everything else is taken.
 */
static gboolean
apply_fields (RdContactEditor *self,
              RdContact       *contact)
{
  g_autofree char *summary = rd_gui_text_view_dup_text (self->summary_view);
  g_autoptr(GDate) new_due = picked_due (self);
  g_autoptr(GDate) old_due = NULL;
  g_autoptr(GDateTime) old_when = NULL;
  GDateTime *new_when = rd_date_time_picker_get_date_time (self->when_picker);
  guint direction = adw_combo_row_get_selected (self->direction_row);
  guint channel = adw_combo_row_get_selected (self->channel_row);
  struct { GDateTime *when; GDate *due; } candidates[4];

  if (rd_contact_get_occurred_at (contact) != NULL)
    old_when = g_date_time_ref (rd_contact_get_occurred_at (contact));
  if (rd_contact_get_promise_due (contact) != NULL)
    old_due = g_date_copy (rd_contact_get_promise_due (contact));
  candidates[0].when = new_when; candidates[0].due = new_due;
  candidates[1].when = new_when; candidates[1].due = old_due;
  candidates[2].when = old_when; candidates[2].due = new_due;
  candidates[3].when = old_when; candidates[3].due = old_due;

  if (direction <= RD_CONTACT_FROM)
    rd_contact_set_direction (contact, direction);
  if (channel < RD_CHANNEL_N_CHANNELS)
    rd_contact_set_channel (contact, channel);
  rd_contact_set_party_id (contact, picked_party (self));
  rd_contact_set_person (contact, gtk_editable_get_text (GTK_EDITABLE (self->person_row)));
  rd_contact_set_summary (contact, summary);
  rd_contact_set_promise (contact, gtk_editable_get_text (GTK_EDITABLE (self->promise_row)));

  for (guint i = 0; i < G_N_ELEMENTS (candidates); i++)
    if (candidates[i].when != NULL && valid_with (self, candidates[i].when, candidates[i].due, NULL))
      {
        rd_contact_set_occurred_at (contact, candidates[i].when);
        rd_contact_set_promise_due (contact, candidates[i].due);
        return TRUE;
      }
  /* Nothing valid to keep: a promised date with no promise written yet. */
  if (new_when != NULL && valid_with (self, new_when, NULL, NULL))
    {
      rd_contact_set_occurred_at (contact, new_when);
      rd_contact_set_promise_due (contact, NULL);
      return TRUE;
    }
  return FALSE;
}

static gboolean
rd_contact_editor_collect (RdRecordEditor *editor,
                           gpointer        record)
{
  RdContactEditor *self = RD_CONTACT_EDITOR (editor);

  if (apply_fields (self, record))
    return TRUE;
  rd_gui_set_status (self->status_label, _("Not saved yet: check the time of the contact."), TRUE);
  return FALSE;
}

static gboolean
rd_contact_editor_write (RdRecordEditor  *editor,
                         RdStore         *store,
                         gpointer         record,
                         GError         **error)
{
  return rd_store_save_contact (store, record, error);
}

static void
on_field_changed_cb (RdContactEditor *self)
{
  if (rd_record_editor_is_loading (RD_RECORD_EDITOR (self)) || self->filling_parties ||
      editing (self) == NULL)
    return;
  check_fields (self);
  rd_record_editor_changed (RD_RECORD_EDITOR (self));
}

static void
on_buffer_changed_cb (GtkTextBuffer   *buffer,
                      RdContactEditor *self)
{
  on_field_changed_cb (self);
}

static void
rd_contact_editor_load (RdRecordEditor *editor,
                        gpointer        record)
{
  RdContactEditor *self = RD_CONTACT_EDITOR (editor);
  RdContact *contact = record;
  const GDate *due = rd_contact_get_promise_due (contact);

  load_parties (self);
  if (rd_contact_get_occurred_at (contact) != NULL)
    rd_date_time_picker_set_date_time (self->when_picker, rd_contact_get_occurred_at (contact));
  adw_combo_row_set_selected (self->direction_row, rd_contact_get_direction (contact));
  adw_combo_row_set_selected (self->channel_row, rd_contact_get_channel (contact));
  select_party (self, rd_contact_get_party_id (contact));
  gtk_editable_set_text (GTK_EDITABLE (self->person_row), rd_contact_get_person (contact));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->summary_view),
                            rd_contact_get_summary (contact), -1);
  gtk_editable_set_text (GTK_EDITABLE (self->promise_row), rd_contact_get_promise (contact));
  adw_expander_row_set_enable_expansion (self->due_expander, due != NULL);
  adw_expander_row_set_expanded (self->due_expander, due != NULL);
  if (due != NULL)
    {
      g_autoptr(GDateTime) due_dt = g_date_time_new_local (g_date_get_year (due), g_date_get_month (due),
                                                           g_date_get_day (due), 0, 0, 0);
      rd_date_time_picker_set_date_time (self->due_picker, due_dt);
    }
  else
    rd_date_time_picker_set_date_time (self->due_picker, rd_date_time_picker_get_date_time (self->when_picker));
  rd_gui_set_status (self->status_label,
                     rd_contact_get_id (contact) == 0
                     ? _("New contact. It is saved as soon as you change something.") : NULL,
                     FALSE);
}

GtkWidget *
rd_contact_editor_new (void)
{
  return g_object_new (RD_TYPE_CONTACT_EDITOR, NULL);
}

void
rd_contact_editor_focus_summary (RdContactEditor *self)
{
  g_return_if_fail (RD_IS_CONTACT_EDITOR (self));

  gtk_widget_grab_focus (GTK_WIDGET (self->summary_view));
}

static void
on_parties_changed_cb (RdStore         *store,
                       const char      *what,
                       gint64           case_id,
                       RdContactEditor *self)
{
  if (editing (self) != NULL && case_id == rd_contact_get_case_id (editing (self)))
    load_parties (self);
}

static void
edit_people_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdContactEditor *self = RD_CONTACT_EDITOR (widget);
  g_autoptr(RdCase) rcase = NULL;
  RdPartiesDialog *dialog;

  if (store_of (self) == NULL || editing (self) == NULL)
    return;
  rcase = rd_store_get_case (store_of (self), rd_contact_get_case_id (editing (self)), NULL);
  if (rcase == NULL)
    return;
  dialog = rd_parties_dialog_new (GTK_WINDOW (gtk_widget_get_root (widget)), store_of (self), rcase);
  gtk_window_present (GTK_WINDOW (dialog));
  if (g_list_model_get_n_items (rd_parties_dialog_get_parties (dialog)) == 0)
    rd_parties_dialog_add_party (dialog);
}

static void
rd_contact_editor_connect_store (RdRecordEditor *editor,
                                 RdStore        *store)
{
  g_signal_connect_object (store, "changed::parties", G_CALLBACK (on_parties_changed_cb), editor, 0);
}

static void
rd_contact_editor_dispose (GObject *object)
{
  RdContactEditor *self = RD_CONTACT_EDITOR (object);

  rd_record_editor_finish (RD_RECORD_EDITOR (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_CONTACT_EDITOR);
  rd_gui_unparent_children (GTK_WIDGET (self));

  G_OBJECT_CLASS (rd_contact_editor_parent_class)->dispose (object);
}

static void
rd_contact_editor_finalize (GObject *object)
{
  RdContactEditor *self = RD_CONTACT_EDITOR (object);

  g_clear_pointer (&self->party_ids, g_array_unref);

  G_OBJECT_CLASS (rd_contact_editor_parent_class)->finalize (object);
}

static void
rd_contact_editor_class_init (RdContactEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdRecordEditorClass *editor_class = RD_RECORD_EDITOR_CLASS (klass);

  g_type_ensure (RD_TYPE_DATE_TIME_PICKER);
  g_type_ensure (RD_TYPE_EVIDENCE_LINKS);

  object_class->dispose = rd_contact_editor_dispose;
  object_class->finalize = rd_contact_editor_finalize;

  editor_class->record_type = RD_TYPE_CONTACT;
  editor_class->save_delay_ms = RD_CONTACT_EDITOR_SAVE_DELAY_MS;
  editor_class->evidence_target = RD_EVIDENCE_TARGET_CONTACT;
  editor_class->load = rd_contact_editor_load;
  editor_class->check = rd_contact_editor_check;
  editor_class->collect = rd_contact_editor_collect;
  editor_class->write = rd_contact_editor_write;
  editor_class->connect_store = rd_contact_editor_connect_store;

  gtk_widget_class_install_action (widget_class, "contact-editor.edit-people", NULL, edit_people_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-contact-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, when_picker);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, direction_row);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, channel_row);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, party_row);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, person_row);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, summary_view);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, promise_row);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, due_expander);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, due_picker);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdContactEditor, evidence_links);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
}

static void
rd_contact_editor_init (RdContactEditor *self)
{
  g_autoptr(GtkStringList) directions = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);

  self->party_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  gtk_widget_init_template (GTK_WIDGET (self));
  /* Their accessible labels are their titles: say them once. */
  rd_gui_fix_accessible_name (GTK_WIDGET (self->direction_row));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->channel_row));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->party_row));
  rd_gui_combo_row_show_choice_in_full (self->direction_row, NULL);
  rd_gui_combo_row_show_choice_in_full (self->channel_row, NULL);
  rd_gui_combo_row_show_choice_in_full (self->party_row, NULL);
  rd_record_editor_attach (RD_RECORD_EDITOR (self), self->status_label, self->evidence_links);

  /* In the order of RdContactDirection. */
  gtk_string_list_append (directions, _("I contacted them"));
  gtk_string_list_append (directions, _("They contacted me"));
  adw_combo_row_set_model (self->direction_row, G_LIST_MODEL (directions));
  for (guint i = 0; i < RD_CHANNEL_N_CHANNELS; i++)
    gtk_string_list_append (channels, rd_contact_channel_get_label (i));
  adw_combo_row_set_model (self->channel_row, G_LIST_MODEL (channels));

  rd_date_time_picker_set_accessible_names (self->when_picker, _("Date of the contact"),
                                            _("Time of the contact"));
  rd_date_time_picker_set_accessible_names (self->due_picker, _("Promised by date"),
                                            _("Promised by time"));
  rd_gui_label_entry_row (self->person_row, _("Name or team"));
  rd_gui_label_entry_row (self->promise_row, _("They promised to"));
  rd_gui_name_switches (GTK_WIDGET (self->due_expander), _("They gave a date"));

  g_signal_connect (gtk_text_view_get_buffer (self->summary_view), "changed",
                    G_CALLBACK (on_buffer_changed_cb), self);
}
