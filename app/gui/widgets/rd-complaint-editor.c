/* rd-complaint-editor.c: the form for one complaint: points, outcome, diary entries, steps, letters.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-complaint-editor"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-complaint-editor.h"
#include "rd-gui-list.h"
#include "rd-gui-undo.h"
#include "rd-gui-util.h"
#include "rd-incident-chooser.h"
#include "rd-letter-dialog.h"
#include "rd-step-dialog.h"

/*
 * The complaint's own fields save as the resident types, like the other
 * editors. Its steps are written one at a time by the step dialog, and
 * the list follows the store.
 */

struct _RdComplaintEditor
{
  RdRecordEditor      parent_instance;

  GListStore         *steps;
  GtkSingleSelection *step_selection;
  GPtrArray          *outcome_checks;

  GtkLabel           *status_label;
  GtkStack           *steps_stack;
  GtkListView        *steps_view;
  AdwEntryRow        *reference_row;
  AdwComboRow        *subject_row;      /* RdComplaintSubject order */
  GtkTextView        *points_view;
  AdwActionRow       *incidents_row;
  GtkBox             *outcomes_box;
  AdwEntryRow        *other_row;
};

G_DEFINE_FINAL_TYPE (RdComplaintEditor, rd_complaint_editor, RD_TYPE_RECORD_EDITOR)

static RdComplaint *
editing (RdComplaintEditor *self)
{
  return rd_record_editor_get_record (RD_RECORD_EDITOR (self));
}

static RdStore *
store_of (RdComplaintEditor *self)
{
  return rd_record_editor_get_store (RD_RECORD_EDITOR (self));
}

static void
show_incident_count (RdComplaintEditor *self)
{
  guint n = 0;
  g_autofree char *text = NULL;

  if (editing (self) != NULL)
    rd_complaint_get_incident_ids (editing (self), &n);
  text = n == 0 ? g_strdup (_("None chosen yet"))
                : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u entry", "%u entries", n), n);
  adw_action_row_set_subtitle (self->incidents_row, text);
}

static void
apply_fields (RdComplaintEditor *self)
{
  g_autofree char *text = rd_gui_text_view_dup_text (self->points_view);
  g_auto(GStrv) points = g_strsplit (text, "\n", -1);
  RdOutcome outcomes = RD_OUTCOME_NONE;

  for (guint i = 0; i < self->outcome_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->outcome_checks, i)))
      outcomes |= rd_outcome_from_index (i);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->other_row)) != '\0')
    outcomes |= RD_OUTCOME_OTHER;

  rd_complaint_set_reference (editing (self), gtk_editable_get_text (GTK_EDITABLE (self->reference_row)));
  rd_complaint_set_points (editing (self), (const char * const *) points);
  rd_complaint_set_subject (editing (self), adw_combo_row_get_selected (self->subject_row));
  rd_complaint_set_outcomes (editing (self), outcomes);
  rd_complaint_set_outcome_other (editing (self), gtk_editable_get_text (GTK_EDITABLE (self->other_row)));
}

static gboolean
rd_complaint_editor_collect (RdRecordEditor *editor,
                             gpointer        record)
{
  apply_fields (RD_COMPLAINT_EDITOR (editor));
  return TRUE;
}

static gboolean
rd_complaint_editor_write (RdRecordEditor  *editor,
                           RdStore         *store,
                           gpointer         record,
                           GError         **error)
{
  return rd_store_save_complaint (store, record, error);
}

static void
on_field_changed_cb (RdComplaintEditor *self)
{
  rd_record_editor_changed (RD_RECORD_EDITOR (self));
}

static void
on_buffer_changed_cb (GtkTextBuffer     *buffer,
                      RdComplaintEditor *self)
{
  on_field_changed_cb (self);
}

static void
load_steps (RdComplaintEditor *self)
{
  g_autoptr(GListModel) loaded = NULL;

  if (store_of (self) != NULL && editing (self) != NULL && rd_complaint_get_id (editing (self)) != 0)
    loaded = rd_store_list_complaint_events (store_of (self), rd_complaint_get_id (editing (self)), NULL);
  rd_gui_list_store_replace (self->steps, loaded);
  gtk_stack_set_visible_child_name (self->steps_stack,
                                    g_list_model_get_n_items (G_LIST_MODEL (self->steps)) > 0
                                    ? "list" : "empty");
}

static void
rd_complaint_editor_load (RdRecordEditor *editor,
                          gpointer        record)
{
  RdComplaintEditor *self = RD_COMPLAINT_EDITOR (editor);
  RdComplaint *complaint = record;
  RdOutcome outcomes = rd_complaint_get_outcomes (complaint);
  g_autofree char *points = g_strjoinv ("\n", (GStrv) rd_complaint_get_points (complaint));

  gtk_editable_set_text (GTK_EDITABLE (self->reference_row), rd_complaint_get_reference (complaint));
  gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->points_view), points, -1);
  adw_combo_row_set_selected (self->subject_row, rd_complaint_get_subject (complaint));
  for (guint i = 0; i < self->outcome_checks->len; i++)
    gtk_check_button_set_active (g_ptr_array_index (self->outcome_checks, i),
                                 (outcomes & rd_outcome_from_index (i)) != 0);
  gtk_editable_set_text (GTK_EDITABLE (self->other_row), rd_complaint_get_outcome_other (complaint));
  show_incident_count (self);
  load_steps (self);
  rd_gui_set_status (self->status_label,
                     rd_complaint_get_id (complaint) == 0
                     ? _("New complaint. It is saved as soon as you change something.") : NULL,
                     FALSE);
}

GtkWidget *
rd_complaint_editor_new (void)
{
  return g_object_new (RD_TYPE_COMPLAINT_EDITOR, NULL);
}

/* A form with no complaint in it takes no typing. */
static void
on_record_notify_cb (RdComplaintEditor *self)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self), editing (self) != NULL);
}

/**
 * rd_complaint_editor_get_steps:
 *
 * Returns: (transfer none): the complaint's steps as listed, first to last
 */
GListModel *
rd_complaint_editor_get_steps (RdComplaintEditor *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_EDITOR (self), NULL);

  return G_LIST_MODEL (self->steps);
}

/* Steps need a saved complaint: write it first, even if nothing was typed. */
static gboolean
ensure_saved (RdComplaintEditor *self)
{
  if (editing (self) == NULL)
    return FALSE;
  if (rd_complaint_get_id (editing (self)) == 0)
    rd_record_editor_changed (RD_RECORD_EDITOR (self));
  return rd_record_editor_flush (RD_RECORD_EDITOR (self), NULL) && rd_complaint_get_id (editing (self)) != 0;
}

static GtkWindow *
open_step_dialog (RdComplaintEditor *self,
                  RdComplaintEvent  *event)
{
  RdStepDialog *dialog;

  if (!ensure_saved (self))
    return NULL;
  dialog = rd_step_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), store_of (self),
                               editing (self), event);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

/**
 * rd_complaint_editor_add_step:
 *
 * Returns: (transfer none) (nullable): the window that records the step
 */
GtkWindow *
rd_complaint_editor_add_step (RdComplaintEditor *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_EDITOR (self), NULL);

  return open_step_dialog (self, NULL);
}

static void
add_step_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  rd_complaint_editor_add_step (RD_COMPLAINT_EDITOR (widget));
}

static void
on_step_activate_cb (RdComplaintEditor *self,
                     guint              position)
{
  g_autoptr(RdComplaintEvent) event = g_list_model_get_item (G_LIST_MODEL (self->steps), position);

  if (event != NULL)
    open_step_dialog (self, event);
}

static void
on_remove_step_response_cb (AdwMessageDialog  *dialog,
                            const char        *response,
                            RdComplaintEditor *self)
{
  RdComplaintEvent *event = g_object_get_data (G_OBJECT (dialog), "event");
  g_autoptr(GError) error = NULL;

  if (!g_str_equal (response, "remove") || event == NULL)
    return;
  if (rd_store_delete_undoable (store_of (self), rd_store_delete_complaint_event,
                                rd_complaint_event_get_id (event), &error) == 0)
    rd_gui_set_status (self->status_label, error->message, TRUE);
  else
    rd_gui_offer_undo (GTK_WIDGET (self), _("Step removed"), _("Step restored"), "complaints",
                       rd_complaint_event_get_complaint_id (event));
  load_steps (self);
}

static void
remove_step_action (GtkWidget  *widget,
                    const char *action_name,
                    GVariant   *parameter)
{
  RdComplaintEditor *self = RD_COMPLAINT_EDITOR (widget);
  RdComplaintEvent *event = gtk_single_selection_get_selected_item (self->step_selection);
  g_autofree char *title = NULL;
  g_autofree char *heading = NULL;
  AdwMessageDialog *dialog;

  if (event == NULL)
    return;
  title = rd_complaint_event_dup_title (event);
  heading = g_strdup_printf (_("Remove “%s”?"), title);
  dialog = rd_gui_confirm_destructive (widget, heading,
                                       _("The deadlines are worked out again without it."),
                                       _("_Cancel"), "remove", _("_Remove"),
                                       G_CALLBACK (on_remove_step_response_cb), self);
  g_object_set_data_full (G_OBJECT (dialog), "event", g_object_ref (event), g_object_unref);
}

static void
on_chooser_closed_cb (GtkWindow         *window,
                      RdComplaintEditor *self)
{
  RdIncidentChooser *chooser = g_object_get_data (G_OBJECT (window), "chooser");
  g_autoptr(GArray) ids = rd_incident_chooser_dup_chosen (chooser);

  if (editing (self) == NULL)
    return;
  rd_complaint_set_incident_ids (editing (self), (const gint64 *) ids->data, ids->len);
  rd_record_editor_changed (RD_RECORD_EDITOR (self));
  rd_record_editor_flush (RD_RECORD_EDITOR (self), NULL);
  show_incident_count (self);
}

static void
choose_incidents_action (GtkWidget  *widget,
                         const char *action_name,
                         GVariant   *parameter)
{
  RdComplaintEditor *self = RD_COMPLAINT_EDITOR (widget);
  g_autoptr(GListModel) incidents = NULL;
  GtkWidget *window, *box, *header, *done, *chooser, *label;
  const gint64 *ids;
  guint n_ids;

  if (editing (self) == NULL || store_of (self) == NULL)
    return;
  incidents = rd_store_list_incidents (store_of (self), rd_complaint_get_case_id (editing (self)), NULL);

  window = adw_window_new ();
  gtk_window_set_title (GTK_WINDOW (window), _("Diary Entries This Complaint Is About"));
  gtk_window_set_modal (GTK_WINDOW (window), TRUE);
  gtk_window_set_transient_for (GTK_WINDOW (window), GTK_WINDOW (gtk_widget_get_root (widget)));
  gtk_window_set_default_size (GTK_WINDOW (window), 560, 600);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  header = adw_header_bar_new ();
  done = gtk_button_new_with_mnemonic (_("_Done"));
  gtk_widget_add_css_class (done, "suggested-action");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (done), "window.close");
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), done);
  label = gtk_label_new (_("Tick the entries this complaint is about. Letters list them with their dates."));
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_set_margin_start (label, 12);
  gtk_widget_set_margin_end (label, 12);
  chooser = rd_incident_chooser_new ();
  gtk_widget_set_vexpand (chooser, TRUE);
  rd_incident_chooser_set_incidents (RD_INCIDENT_CHOOSER (chooser), incidents);
  ids = rd_complaint_get_incident_ids (editing (self), &n_ids);
  rd_incident_chooser_set_chosen (RD_INCIDENT_CHOOSER (chooser), ids, n_ids);
  gtk_box_append (GTK_BOX (box), header);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), chooser);
  adw_window_set_content (ADW_WINDOW (window), box);
  g_object_set_data (G_OBJECT (window), "chooser", chooser);
  g_signal_connect_object (window, "close-request", G_CALLBACK (on_chooser_closed_cb), self, 0);
  {
    GtkEventController *shortcuts = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Escape, 0),
                                                            gtk_named_action_new ("window.close")));
    gtk_widget_add_controller (window, shortcuts);
  }
  gtk_window_present (GTK_WINDOW (window));
}

/**
 * rd_complaint_editor_write_letter:
 *
 * Writes what is pending, then opens @kind of letter for this complaint.
 *
 * Returns: (transfer none) (nullable): the letter window
 */
GtkWindow *
rd_complaint_editor_write_letter (RdComplaintEditor *self,
                                  RdLetterKind       kind)
{
  RdLetterDialog *dialog;

  g_return_val_if_fail (RD_IS_COMPLAINT_EDITOR (self), NULL);

  if (!ensure_saved (self))
    return NULL;
  dialog = rd_letter_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), store_of (self),
                                 rd_complaint_get_case_id (editing (self)),
                                 rd_complaint_get_id (editing (self)), kind);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
write_letter_action (GtkWidget  *widget,
                     const char *action_name,
                     GVariant   *parameter)
{
  RdLetterKind kind;

  if (rd_letter_kind_from_key (g_variant_get_string (parameter, NULL), &kind))
    rd_complaint_editor_write_letter (RD_COMPLAINT_EDITOR (widget), kind);
}

static void
on_complaints_changed_cb (RdComplaintEditor *self,
                          const char        *what,
                          gint64             case_id)
{
  if (editing (self) != NULL && !rd_record_editor_is_saving (RD_RECORD_EDITOR (self)) &&
      rd_complaint_get_id (editing (self)) != 0 &&
      case_id == rd_complaint_get_case_id (editing (self)))
    load_steps (self);
}

static void
setup_step_cb (GtkSignalListItemFactory *factory,
               GtkListItem              *item,
               gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 8);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_widget_add_css_class (title, "heading");
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_wrap (GTK_LABEL (detail), TRUE);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_box_append (GTK_BOX (box), title);
  gtk_box_append (GTK_BOX (box), detail);
  gtk_list_item_set_child (item, box);
}

static void
bind_step_cb (GtkSignalListItemFactory *factory,
              GtkListItem              *item,
              gpointer                  user_data)
{
  RdComplaintEvent *event = gtk_list_item_get_item (item);
  GtkWidget *box = gtk_list_item_get_child (item);
  g_autofree char *title = rd_complaint_event_dup_title (event);
  g_autofree char *when = rd_complaint_event_get_date (event) ? rd_date_format_long (rd_complaint_event_get_date (event))
                                                              : g_strdup ("");
  g_autoptr(GString) detail = g_string_new (when);

  if (rd_complaint_event_get_new_date (event) != NULL)
    {
      g_autofree char *new_date = rd_date_format_long (rd_complaint_event_get_new_date (event));
      /* Translators: after a step's date, "· new date Tuesday 5 November 2024" */
      g_string_append_printf (detail, _(" · new date %s"), new_date);
    }
  if (*rd_complaint_event_get_reason (event) != '\0')
    g_string_append_printf (detail, " · %s", rd_complaint_event_get_reason (event));
  if (rd_complaint_event_get_contact_id (event) != 0)
    g_string_append (detail, _(" · proof in the contact log"));
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_first_child (box)), title);
  gtk_label_set_text (GTK_LABEL (gtk_widget_get_last_child (box)), detail->str);
}

static void
rd_complaint_editor_connect_store (RdRecordEditor *editor,
                                   RdStore        *store)
{
  g_signal_connect_object (store, "changed::complaints", G_CALLBACK (on_complaints_changed_cb),
                           editor, G_CONNECT_SWAPPED);
}

static void
rd_complaint_editor_dispose (GObject *object)
{
  RdComplaintEditor *self = RD_COMPLAINT_EDITOR (object);

  rd_record_editor_finish (RD_RECORD_EDITOR (self));
  gtk_widget_dispose_template (GTK_WIDGET (self), RD_TYPE_COMPLAINT_EDITOR);
  rd_gui_unparent_children (GTK_WIDGET (self));
  g_clear_object (&self->step_selection);
  g_clear_object (&self->steps);
  g_clear_pointer (&self->outcome_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_complaint_editor_parent_class)->dispose (object);
}

static void
rd_complaint_editor_class_init (RdComplaintEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RdRecordEditorClass *editor_class = RD_RECORD_EDITOR_CLASS (klass);

  object_class->dispose = rd_complaint_editor_dispose;

  editor_class->record_type = RD_TYPE_COMPLAINT;
  editor_class->save_delay_ms = RD_COMPLAINT_EDITOR_SAVE_DELAY_MS;
  editor_class->load = rd_complaint_editor_load;
  editor_class->collect = rd_complaint_editor_collect;
  editor_class->write = rd_complaint_editor_write;
  editor_class->connect_store = rd_complaint_editor_connect_store;

  gtk_widget_class_install_action (widget_class, "complaint-editor.add-step", NULL, add_step_action);
  gtk_widget_class_install_action (widget_class, "complaint-editor.remove-step", NULL, remove_step_action);
  gtk_widget_class_install_action (widget_class, "complaint-editor.choose-incidents", NULL, choose_incidents_action);
  gtk_widget_class_install_action (widget_class, "complaint-editor.write-letter", "s", write_letter_action);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-complaint-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, steps_stack);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, steps_view);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, points_view);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, incidents_row);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, outcomes_box);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintEditor, other_row);
  gtk_widget_class_bind_template_callback (widget_class, on_field_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_step_activate_cb);
}

static void
rd_complaint_editor_init (RdComplaintEditor *self)
{
  GtkListItemFactory *factory;
  GtkEventController *shortcuts;
  g_autoptr(GtkStringList) subjects = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  rd_record_editor_attach (RD_RECORD_EDITOR (self), self->status_label, NULL);
  g_signal_connect (self, "notify::record", G_CALLBACK (on_record_notify_cb), NULL);

  self->outcome_checks = g_ptr_array_new ();
  for (guint i = 0; i < RD_N_OUTCOMES; i++)
    {
      RdOutcome outcome = rd_outcome_from_index (i);
      GtkWidget *check = outcome == RD_OUTCOME_OTHER ? gtk_check_button_new ()
                                                     : gtk_check_button_new_with_label (rd_outcome_get_label (outcome));

      /* "Something else" is the text row: a check for it would say nothing. */
      gtk_widget_set_visible (check, outcome != RD_OUTCOME_OTHER);
      g_signal_connect_swapped (check, "toggled", G_CALLBACK (on_field_changed_cb), self);
      gtk_box_append (self->outcomes_box, check);
      g_ptr_array_add (self->outcome_checks, check);
    }
  rd_gui_label_entry_row (self->reference_row, _("Landlord’s reference"));
  for (guint i = 0; i < RD_COMPLAINT_SUBJECT_N_SUBJECTS; i++)
    gtk_string_list_append (subjects, rd_complaint_subject_get_label (i));
  adw_combo_row_set_model (self->subject_row, G_LIST_MODEL (subjects));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->subject_row));
  rd_gui_combo_row_show_choice_in_full (self->subject_row, NULL);
  /* Connected after the model is set, which selects its first row. */
  g_signal_connect_swapped (self->subject_row, "notify::selected",
                            G_CALLBACK (on_field_changed_cb), self);
  rd_gui_label_entry_row (self->other_row, _("Something else you want"));
  g_signal_connect (gtk_text_view_get_buffer (self->points_view), "changed",
                    G_CALLBACK (on_buffer_changed_cb), self);

  self->steps = g_list_store_new (RD_TYPE_COMPLAINT_EVENT);
  self->step_selection = rd_gui_single_selection_new (g_object_ref (G_LIST_MODEL (self->steps)),
                                                      NULL, NULL);
  factory = rd_gui_list_item_factory_new (G_CALLBACK (setup_step_cb), G_CALLBACK (bind_step_cb),
                                          NULL, NULL);
  gtk_list_view_set_factory (self->steps_view, factory);
  g_object_unref (factory);
  gtk_list_view_set_model (self->steps_view, GTK_SELECTION_MODEL (self->step_selection));

  shortcuts = gtk_shortcut_controller_new ();
  gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (shortcuts),
                                        gtk_shortcut_new (gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                                                        gtk_keyval_trigger_new (GDK_KEY_KP_Delete, 0)),
                                                          gtk_named_action_new ("complaint-editor.remove-step")));
  gtk_widget_add_controller (GTK_WIDGET (self->steps_view), shortcuts);
  gtk_widget_set_sensitive (GTK_WIDGET (self), FALSE);
}
