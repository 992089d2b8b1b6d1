/* rd-complaint-assistant.c: "Start a complaint", step by step, for a first-time resident.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-complaint-assistant"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-complaint-assistant.h"
#include "rd-date-time-picker.h"
#include "rd-gui-util.h"
#include "rd-incident-chooser.h"
#include "rd-letter-print.h"

/*
 * Five short steps: what is wrong, what happened (ticked diary entries),
 * what the landlord has been told (the contact log, and a quick way to add
 * to it), what would put it right, and the letter, written from all of
 * that, to read and copy. Nothing is stored until the last step saves the
 * complaint (and, if the resident says they sent it today, the day it was
 * made), except what they add to the contact log on the way.
 *
 * Closed before then (Escape, the close button) once something is written,
 * it is only hidden, kept by the window it belongs to for its case, and
 * "Start a Complaint" brings it back as it was left: a slip of a key never
 * throws away what a resident took time to write.
 */

static const char * const step_names[RD_ASSISTANT_N_STEPS] = {
  "points", "incidents", "told", "outcomes", "letter",
};

static const char * const step_titles[RD_ASSISTANT_N_STEPS] = {
  N_("What Is Wrong"),
  N_("What Happened"),
  N_("What You Have Told the Landlord"),
  N_("What You Want"),
  N_("Your Letter"),
};

struct _RdComplaintAssistant
{
  RdStoreDialog      parent_instance;

  RdAssistantStep    step;
  GPtrArray         *outcome_checks;   /* GtkCheckButton, in rd_outcome_from_index() order */

  AdwToastOverlay   *toast_overlay;
  AdwWindowTitle    *window_title;
  GtkButton         *next_button;
  GtkStack          *steps;
  GtkTextView       *points_view;
  GtkLabel          *points_error;
  RdIncidentChooser *incident_chooser;
  GtkLabel          *told_label;
  RdDateTimePicker  *told_picker;
  AdwComboRow       *told_channel_row;
  AdwComboRow       *subject_row;       /* RdComplaintSubject order */
  AdwEntryRow       *told_summary_row;
  GtkBox            *outcomes_box;
  AdwEntryRow       *other_row;
  GtkTextView       *letter_view;
  GtkCheckButton    *sent_check;

  gboolean           finished;         /* saved: let it close */
};

G_DEFINE_FINAL_TYPE (RdComplaintAssistant, rd_complaint_assistant, RD_TYPE_STORE_DIALOG)

static RdStore *
store_of (RdComplaintAssistant *self)
{
  return rd_store_dialog_get_store (RD_STORE_DIALOG (self));
}

static RdCase *
case_of (RdComplaintAssistant *self)
{
  return rd_store_dialog_get_case (RD_STORE_DIALOG (self));
}

static GStrv
dup_points (RdComplaintAssistant *self)
{
  g_autofree char *text = rd_gui_text_view_dup_text (self->points_view);

  return g_strsplit (text, "\n", -1);
}

static RdOutcome
picked_outcomes (RdComplaintAssistant *self)
{
  RdOutcome outcomes = RD_OUTCOME_NONE;

  for (guint i = 0; i < self->outcome_checks->len; i++)
    if (gtk_check_button_get_active (g_ptr_array_index (self->outcome_checks, i)))
      outcomes |= rd_outcome_from_index (i);
  if (*gtk_editable_get_text (GTK_EDITABLE (self->other_row)) != '\0')
    outcomes |= RD_OUTCOME_OTHER;
  return outcomes;
}

/* The complaint as the steps so far describe it (not saved). */
static RdComplaint *
draft_complaint (RdComplaintAssistant *self)
{
  RdComplaint *complaint = rd_complaint_new ();
  g_auto(GStrv) points = dup_points (self);
  g_autoptr(GArray) ids = rd_incident_chooser_dup_chosen (self->incident_chooser);

  rd_complaint_set_case_id (complaint, rd_case_get_id (case_of (self)));
  rd_complaint_set_points (complaint, (const char * const *) points);
  rd_complaint_set_subject (complaint, adw_combo_row_get_selected (self->subject_row));
  rd_complaint_set_outcomes (complaint, picked_outcomes (self));
  rd_complaint_set_outcome_other (complaint, gtk_editable_get_text (GTK_EDITABLE (self->other_row)));
  rd_complaint_set_incident_ids (complaint, (const gint64 *) ids->data, ids->len);
  return complaint;
}

/* The stage 1 letter, from the case as stored and the draft complaint. */
static char *
write_letter (RdComplaintAssistant *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdCaseSnapshot) snapshot = NULL;
  g_autoptr(RdComplaint) complaint = NULL;
  g_autoptr(RdDashboard) dashboard = NULL;
  g_autoptr(RdLetter) letter = NULL;
  g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (store_of (self)));
  char *previous;
  char *text;

  snapshot = rd_case_service_load_snapshot (store_of (self), rd_case_get_id (case_of (self)),
                                            &error);
  if (snapshot == NULL)
    return g_strdup (error->message);
  /* The snapshot is this letter's own: the draft joins it, not the store. */
  complaint = draft_complaint (self);
  rd_case_facts_add_complaint (rd_case_snapshot_get_facts (snapshot), complaint);
  /* The letter goes to the landlord: in the case's document language, not
   * necessarily the interface's */
  previous = rd_i18n_push_language (rd_case_get_writing_language (case_of (self)));
  dashboard = rd_case_snapshot_compute_dashboard (snapshot, today);
  letter = rd_letter_build (RD_LETTER_STAGE1_COMPLAINT, rd_case_snapshot_get_facts (snapshot),
                            complaint, dashboard);
  text = rd_letter_to_text (letter);
  rd_i18n_pop_language (previous);
  return text;
}

static void
show_told (RdComplaintAssistant *self)
{
  g_autoptr(GListModel) contacts = NULL;
  g_autoptr(GString) text = g_string_new (NULL);
  guint listed = 0;

  contacts = rd_store_list_contacts (store_of (self), rd_case_get_id (case_of (self)), NULL);
  for (guint n = contacts ? g_list_model_get_n_items (contacts) : 0; n > 0; n--)
    {
      g_autoptr(RdContact) contact = g_list_model_get_item (contacts, n - 1);
      g_autofree char *when = NULL;
      g_autofree char *headline = NULL;

      if (rd_contact_get_direction (contact) != RD_CONTACT_TO || rd_contact_get_occurred_at (contact) == NULL)
        continue;
      when = rd_datetime_format_long (rd_contact_get_occurred_at (contact));
      headline = rd_contact_dup_headline (contact);
      g_string_append_printf (text, "\n• %s (%s): %s", when,
                              rd_contact_channel_get_label (rd_contact_get_channel (contact)), headline);
      listed++;
    }
  if (listed == 0)
    gtk_label_set_text (self->told_label,
                        _("Your contact log has nothing you told the landlord yet. If you have "
                          "reported this to them before (by phone, email, letter or a form), add "
                          "it below: the letter will say so."));
  else
    {
      g_autofree char *intro = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                                             "Your contact log has %u time you told them:",
                                                             "Your contact log has %u times you told them:",
                                                             listed), listed);
      g_autofree char *all = g_strconcat (intro, text->str, NULL);

      gtk_label_set_text (self->told_label, all);
    }
}

static void
show_step (RdComplaintAssistant *self)
{
  g_autofree char *subtitle = NULL;

  gtk_stack_set_visible_child_name (self->steps, step_names[self->step]);
  /* Translators: "Step 2 of 5: What happened" */
  subtitle = g_strdup_printf (_("Step %d of %d: %s"), self->step + 1, RD_ASSISTANT_N_STEPS,
                              _(step_titles[self->step]));
  adw_window_title_set_subtitle (self->window_title, subtitle);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.back", self->step > 0);
  /* Ctrl+Shift+C and Ctrl+P, as in the letter dialog, once there is a letter */
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.copy",
                                 self->step == RD_ASSISTANT_STEP_LETTER);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "assistant.print",
                                 self->step == RD_ASSISTANT_STEP_LETTER);
  gtk_button_set_label (self->next_button,
                        self->step == RD_ASSISTANT_STEP_LETTER ? _("_Save Complaint") : _("_Next"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->next_button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->step == RD_ASSISTANT_STEP_LETTER ? _("Save complaint") : _("Next"),
                                  -1);

  switch (self->step)
    {
    case RD_ASSISTANT_STEP_POINTS:
      gtk_widget_grab_focus (GTK_WIDGET (self->points_view));
      break;
    case RD_ASSISTANT_STEP_TOLD:
      show_told (self);
      break;
    case RD_ASSISTANT_STEP_LETTER:
      {
        g_autofree char *letter = write_letter (self);
        gtk_text_buffer_set_text (gtk_text_view_get_buffer (self->letter_view), letter, -1);
      }
      break;
    case RD_ASSISTANT_STEP_INCIDENTS:
    case RD_ASSISTANT_STEP_OUTCOMES:
    case RD_ASSISTANT_N_STEPS:
    default:
      break;
    }
}

RdAssistantStep
rd_complaint_assistant_get_step (RdComplaintAssistant *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_ASSISTANT (self), RD_ASSISTANT_STEP_POINTS);

  return self->step;
}

static gboolean
has_points (RdComplaintAssistant *self)
{
  g_auto(GStrv) points = dup_points (self);

  for (guint i = 0; points[i] != NULL; i++)
    if (*g_strstrip (points[i]) != '\0')
      return TRUE;
  return FALSE;
}

/**
 * rd_complaint_assistant_next:
 *
 * Goes to the next step; on the last one, saves the complaint and closes.
 *
 * Returns: whether it moved on (the first step needs at least one point)
 */
gboolean
rd_complaint_assistant_next (RdComplaintAssistant *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_ASSISTANT (self), FALSE);

  if (self->step == RD_ASSISTANT_STEP_POINTS && !has_points (self))
    {
      gtk_widget_set_visible (GTK_WIDGET (self->points_error), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (self->points_view));
      return FALSE;
    }
  gtk_widget_set_visible (GTK_WIDGET (self->points_error), FALSE);

  if (self->step == RD_ASSISTANT_STEP_LETTER)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(RdComplaint) complaint = rd_complaint_assistant_finish (self, &error);

      if (complaint == NULL)
        {
          adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
          return FALSE;
        }
      self->finished = TRUE;
      gtk_window_close (GTK_WINDOW (self));
      return TRUE;
    }
  self->step++;
  show_step (self);
  return TRUE;
}

void
rd_complaint_assistant_back (RdComplaintAssistant *self)
{
  g_return_if_fail (RD_IS_COMPLAINT_ASSISTANT (self));

  if (self->step == RD_ASSISTANT_STEP_POINTS)
    return;
  self->step--;
  show_step (self);
}

/**
 * rd_complaint_assistant_dup_letter:
 *
 * Returns: (transfer full): the letter as shown, with the resident's changes
 */
char *
rd_complaint_assistant_dup_letter (RdComplaintAssistant *self)
{
  g_return_val_if_fail (RD_IS_COMPLAINT_ASSISTANT (self), NULL);

  return rd_gui_text_view_dup_text (self->letter_view);
}

/**
 * rd_complaint_assistant_finish:
 *
 * Saves the complaint, and the day it was made when the resident says
 * they sent the letter today, in one write.
 *
 * Returns: (transfer full): the saved complaint, or %NULL with @error set
 */
RdComplaint *
rd_complaint_assistant_finish (RdComplaintAssistant  *self,
                               GError               **error)
{
  g_autoptr(RdComplaint) complaint = NULL;

  g_return_val_if_fail (RD_IS_COMPLAINT_ASSISTANT (self), NULL);

  complaint = draft_complaint (self);
  if (gtk_check_button_get_active (self->sent_check))
    {
      g_autoptr(RdComplaintEvent) made = rd_complaint_event_new (RD_COMPLAINT_EVENT_MADE);
      g_autoptr(GDate) today = rd_clock_dup_today (rd_store_get_clock (store_of (self)));

      rd_complaint_event_set_date (made, today);
      rd_complaint_event_set_stage (made, 1);
      if (!rd_store_save_complaint_with_events (store_of (self), complaint, &made, 1, error))
        return NULL;
    }
  else if (!rd_store_save_complaint (store_of (self), complaint, error))
    return NULL;
  rd_store_dialog_saved (RD_STORE_DIALOG (self), complaint);
  return g_steal_pointer (&complaint);
}

static void
next_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rd_complaint_assistant_next (RD_COMPLAINT_ASSISTANT (widget));
}

static void
back_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  rd_complaint_assistant_back (RD_COMPLAINT_ASSISTANT (widget));
}

static void
copy_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdComplaintAssistant *self = RD_COMPLAINT_ASSISTANT (widget);
  g_autofree char *text = rd_complaint_assistant_dup_letter (self);

  gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
  adw_toast_overlay_add_toast (self->toast_overlay,
                               adw_toast_new (_("Copied. Paste it into an email or a document.")));
}

static void
print_action (GtkWidget  *widget,
              const char *action_name,
              GVariant   *parameter)
{
  RdComplaintAssistant *self = RD_COMPLAINT_ASSISTANT (widget);
  g_autofree char *text = rd_complaint_assistant_dup_letter (self);
  g_autoptr(RdLetterPrint) operation = rd_letter_print_new (_("Formal complaint"), text);

  rd_letter_print_run_dialog (operation, GTK_WINDOW (self), self->toast_overlay);
}

static void
add_told_action (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  RdComplaintAssistant *self = RD_COMPLAINT_ASSISTANT (widget);
  g_autoptr(RdContact) contact = rd_contact_new ();
  g_autoptr(GError) error = NULL;
  guint channel = adw_combo_row_get_selected (self->told_channel_row);

  rd_contact_set_case_id (contact, rd_case_get_id (case_of (self)));
  rd_contact_set_occurred_at (contact, rd_date_time_picker_get_date_time (self->told_picker));
  rd_contact_set_direction (contact, RD_CONTACT_TO);
  if (channel < RD_CHANNEL_N_CHANNELS)
    rd_contact_set_channel (contact, channel);
  rd_contact_set_summary (contact, gtk_editable_get_text (GTK_EDITABLE (self->told_summary_row)));
  if (!rd_store_save_contact (store_of (self), contact, &error))
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->told_summary_row), "");
  show_told (self);
  adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (_("Added to your contact log")));
}

/* Where the window it belongs to keeps it for its case. */
static char *
dup_kept_key (RdCase *rcase)
{
  return g_strdup_printf ("rd-complaint-assistant-%" G_GINT64_FORMAT, rd_case_get_id (rcase));
}

static gboolean
has_writing (RdComplaintAssistant *self)
{
  g_autofree char *points = rd_gui_text_view_dup_text (self->points_view);

  return self->step != RD_ASSISTANT_STEP_POINTS || g_strstrip (points)[0] != '\0';
}

static void
let_kept_go (gpointer data)
{
  gtk_window_destroy (data);
  g_object_unref (data);
}

static gboolean
rd_complaint_assistant_close_request (GtkWindow *window)
{
  RdComplaintAssistant *self = RD_COMPLAINT_ASSISTANT (window);
  GtkWindowClass *parent_class = GTK_WINDOW_CLASS (rd_complaint_assistant_parent_class);
  GtkWindow *parent = gtk_window_get_transient_for (window);
  g_autofree char *key = dup_kept_key (case_of (self));
  gboolean kept = parent != NULL && g_object_get_data (G_OBJECT (parent), key) == self;

  if (self->finished || parent == NULL || !has_writing (self))
    {
      if (kept)
        {
          g_object_steal_data (G_OBJECT (parent), key);
          g_object_unref (self);
        }
      return parent_class->close_request != NULL && parent_class->close_request (window);
    }
  /* Hidden, until the resident comes back to it or the window goes. */
  if (!kept)
    g_object_set_data_full (G_OBJECT (parent), key, g_object_ref (self), let_kept_go);
  gtk_widget_set_visible (GTK_WIDGET (self), FALSE);
  return TRUE;
}

static void
rd_complaint_assistant_dispose (GObject *object)
{
  RdComplaintAssistant *self = RD_COMPLAINT_ASSISTANT (object);

  g_clear_pointer (&self->outcome_checks, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_complaint_assistant_parent_class)->dispose (object);
}

static void
rd_complaint_assistant_constructed (GObject *object)
{
  RdComplaintAssistant *self = RD_COMPLAINT_ASSISTANT (object);
  g_autoptr(GListModel) incidents = NULL;

  G_OBJECT_CLASS (rd_complaint_assistant_parent_class)->constructed (object);

  incidents = rd_store_list_incidents (store_of (self), rd_case_get_id (case_of (self)), NULL);
  rd_incident_chooser_set_incidents (self->incident_chooser, incidents);
  show_step (self);
}

static void
rd_complaint_assistant_class_init (RdComplaintAssistantClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (RD_TYPE_DATE_TIME_PICKER);
  g_type_ensure (RD_TYPE_INCIDENT_CHOOSER);

  object_class->dispose = rd_complaint_assistant_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = rd_complaint_assistant_close_request;
  object_class->constructed = rd_complaint_assistant_constructed;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-complaint-assistant.ui");
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, window_title);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, next_button);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, steps);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, points_view);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, points_error);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, incident_chooser);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, told_label);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, told_picker);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, told_channel_row);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, subject_row);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, told_summary_row);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, outcomes_box);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, other_row);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, letter_view);
  gtk_widget_class_bind_template_child (widget_class, RdComplaintAssistant, sent_check);

  gtk_widget_class_install_action (widget_class, "assistant.next", NULL, next_action);
  gtk_widget_class_install_action (widget_class, "assistant.back", NULL, back_action);
  gtk_widget_class_install_action (widget_class, "assistant.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "assistant.print", NULL, print_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "assistant.copy", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_p, GDK_CONTROL_MASK, "assistant.print", NULL);
  gtk_widget_class_install_action (widget_class, "assistant.add-told", NULL, add_told_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Down, GDK_CONTROL_MASK, "assistant.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Page_Up, GDK_CONTROL_MASK, "assistant.back", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, GDK_ALT_MASK, "assistant.back", NULL);
}

static void
rd_complaint_assistant_init (RdComplaintAssistant *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  g_autoptr(GtkStringList) subjects = gtk_string_list_new (NULL);

  gtk_widget_init_template (GTK_WIDGET (self));
  /* Ctrl+Enter moves on from any step, from inside the text boxes too. */
  rd_gui_add_capture_shortcut (GTK_WIDGET (self), "<Control>Return|<Control>KP_Enter", "assistant.next");
  /* Its accessible label says more than its short title: say only that. */
  rd_gui_fix_accessible_name (GTK_WIDGET (self->told_channel_row));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->subject_row));
  rd_gui_combo_row_show_choice_in_full (self->told_channel_row, NULL);
  rd_gui_combo_row_show_choice_in_full (self->subject_row, NULL);

  self->outcome_checks = g_ptr_array_new ();
  for (guint i = 0; i < RD_N_OUTCOMES; i++)
    {
      RdOutcome outcome = rd_outcome_from_index (i);
      GtkWidget *check;

      if (outcome == RD_OUTCOME_OTHER)
        {
          /* "Something else" is the text row below; keep the index order. */
          check = gtk_check_button_new ();
          gtk_widget_set_visible (check, FALSE);
        }
      else
        check = gtk_check_button_new_with_label (rd_outcome_get_label (outcome));
      gtk_box_append (self->outcomes_box, check);
      g_ptr_array_add (self->outcome_checks, check);
    }

  for (guint i = 0; i < RD_CHANNEL_N_CHANNELS; i++)
    gtk_string_list_append (channels, rd_contact_channel_get_label (i));
  adw_combo_row_set_model (self->told_channel_row, G_LIST_MODEL (channels));
  /* "Not said" first, so a resident who skips it says nothing untrue. */
  for (guint i = 0; i < RD_COMPLAINT_SUBJECT_N_SUBJECTS; i++)
    gtk_string_list_append (subjects, rd_complaint_subject_get_label (i));
  adw_combo_row_set_model (self->subject_row, G_LIST_MODEL (subjects));
  rd_date_time_picker_set_accessible_names (self->told_picker, _("Date you told them"), _("Time you told them"));
  rd_gui_label_entry_row (self->told_summary_row, _("What you told them"));
  rd_gui_label_entry_row (self->other_row, _("Something else you want"));
}

/**
 * rd_complaint_assistant_new:
 *
 * A window over @parent that walks a resident through making a complaint.
 */
RdComplaintAssistant *
rd_complaint_assistant_new (GtkWindow *parent,
                            RdStore   *store,
                            RdCase    *rcase)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_CASE (rcase), NULL);

  return g_object_new (RD_TYPE_COMPLAINT_ASSISTANT, "transient-for", parent, "store", store,
                       "case", rcase, NULL);
}

/**
 * rd_complaint_assistant_open:
 *
 * The assistant for @rcase as it was left, if one was closed unfinished
 * over @parent, or a new one; shown either way.
 *
 * Returns: (transfer none): the assistant
 */
RdComplaintAssistant *
rd_complaint_assistant_open (GtkWindow *parent,
                             RdStore   *store,
                             RdCase    *rcase)
{
  g_autofree char *key = dup_kept_key (rcase);
  RdComplaintAssistant *assistant = parent ? g_object_get_data (G_OBJECT (parent), key) : NULL;

  if (assistant == NULL || store_of (assistant) != store)
    assistant = rd_complaint_assistant_new (parent, store, rcase);
  gtk_window_present (GTK_WINDOW (assistant));
  return assistant;
}
