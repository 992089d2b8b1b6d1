/* rd-policy-dialog.c: choose and edit the landlord's own policy profile a case follows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-policy-dialog"

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <time.h>

#include "rd-gui-util.h"
#include "rd-limit-row.h"
#include "rd-policy-dialog-private.h"

/* How long typing must pause before the policy is written */
#define SAVE_DELAY_MS 500

G_DEFINE_FINAL_TYPE (RdPolicyDialog, rd_policy_dialog, RD_TYPE_STORE_DIALOG)

static RdStore *
store_of (RdPolicyDialog *self)
{
  return rd_store_dialog_get_store (RD_STORE_DIALOG (self));
}

static RdCase *
case_of (RdPolicyDialog *self)
{
  return rd_store_dialog_get_case (RD_STORE_DIALOG (self));
}

static void
show_error (RdPolicyDialog *self,
            const char     *message)
{
  if (message != NULL)
    gtk_label_set_text (self->error_label, message);
  gtk_revealer_set_reveal_child (self->error_revealer, message != NULL);
}

/* The dialog picks a Code before it has a store: it asks the application's
 * clock, which is the default one. */
static void
today (GDate *date)
{
  g_autoptr(GDate) day = rd_clock_dup_today (rd_clock_get_default ());

  *date = *day;
}

static void
update_stage_notes (RdPolicyDialog *self)
{
  guint n = (guint) gtk_spin_button_get_value_as_int (self->stages_spin);
  guint max = self->code ? rd_policy_get_max_stages (self->code) : 0;

  for (guint s = 0; s < RD_POLICY_MAX_STAGES; s++)
    for (guint r = 0; r < N_STAGE_ROWS; r++)
      gtk_widget_set_visible (GTK_WIDGET (self->stage_rows[s][r]), s < n);

  if (max > 0 && n > max)
    {
      g_autofree char *text = g_strdup_printf (_("The Code allows only %u stages: the stage %u "
                                                 "response is the landlord’s final response, and "
                                                 "you can go to the Housing Ombudsman after it."),
                                               max, max);
      adw_action_row_set_subtitle (self->stages_row, text);
    }
  else
    adw_action_row_set_subtitle (self->stages_row, "");

  if (self->code != NULL && rd_policy_get_stage_zero_forbidden (self->code) &&
      gtk_switch_get_active (self->stage_zero_switch))
    adw_action_row_set_subtitle (self->stage_zero_row,
                                 _("The Code does not allow extra stages: a complaint is a stage 1 "
                                   "complaint from the day you make it, and Redress counts from then."));
  else
    adw_action_row_set_subtitle (self->stage_zero_row, "");
}

static void
load_policy (RdPolicyDialog *self)
{
  RdPolicy *p = self->editing;
  gboolean shown = p != NULL;
  AdwPreferencesGroup *groups[] = {
    self->details_group, self->stages_group, self->resident_group, self->asb_group,
    self->repairs_group, self->rules_group, self->hours_group,
  };

  for (guint i = 0; i < G_N_ELEMENTS (groups); i++)
    gtk_widget_set_visible (GTK_WIDGET (groups[i]), shown);
  _rd_policy_dialog_load_lists (self);
  if (p == NULL)
    return;

  self->loading = TRUE;
  gtk_editable_set_text (GTK_EDITABLE (self->name_row), rd_policy_get_name (p));
  gtk_spin_button_set_value (self->stages_spin, MAX (1, rd_policy_get_n_stages (p)));
  gtk_switch_set_active (self->stage_zero_switch, rd_policy_get_has_stage_zero (p));
  for (guint s = 0; s < RD_POLICY_MAX_STAGES; s++)
    {
      const RdPolicyStage *stage = rd_policy_get_stage (p, s + 1);

      rd_limit_row_set_limit (self->stage_rows[s][ROW_ACK], &stage->acknowledge);
      rd_limit_row_set_limit (self->stage_rows[s][ROW_RESPOND], &stage->respond);
      rd_limit_row_set_limit (self->stage_rows[s][ROW_EXTENSION], &stage->extension);
    }
  rd_limit_row_set_limit (self->escalation_row, rd_policy_get_resident_escalation (p));
  for (guint r = 0; r < RD_ASB_RISK_N_LEVELS; r++)
    rd_limit_row_set_limit (self->asb_rows[r], rd_policy_get_asb_first_response (p, r));
  {
    const RdOfficeHours *hours = rd_policy_get_office_hours (p);
    g_autofree char *opens = g_strdup_printf ("%02d:%02d", hours->start_minute / 60, hours->start_minute % 60);
    g_autofree char *closes = g_strdup_printf ("%02d:%02d", hours->end_minute / 60, hours->end_minute % 60);

    gtk_editable_set_text (GTK_EDITABLE (self->opens_row), opens);
    gtk_editable_set_text (GTK_EDITABLE (self->closes_row), closes);
  }
  self->loading = FALSE;
  update_stage_notes (self);
}

/* Copies the form into the profile being edited. */
static void
read_form (RdPolicyDialog *self)
{
  RdPolicy *p = self->editing;

  if (p == NULL || self->loading)
    return;
  rd_policy_set_name (p, gtk_editable_get_text (GTK_EDITABLE (self->name_row)));
  rd_policy_set_n_stages (p, (guint) gtk_spin_button_get_value_as_int (self->stages_spin));
  rd_policy_set_has_stage_zero (p, gtk_switch_get_active (self->stage_zero_switch));
  for (guint s = 0; s < RD_POLICY_MAX_STAGES; s++)
    {
      RdPolicyStage stage = *rd_policy_get_stage (p, s + 1);

      rd_limit_row_get_limit (self->stage_rows[s][ROW_ACK], &stage.acknowledge);
      rd_limit_row_get_limit (self->stage_rows[s][ROW_RESPOND], &stage.respond);
      rd_limit_row_get_limit (self->stage_rows[s][ROW_EXTENSION], &stage.extension);
      rd_policy_set_stage (p, s + 1, &stage);
    }
  {
    RdLimit limit;

    rd_limit_row_get_limit (self->escalation_row, &limit);
    rd_policy_set_resident_escalation (p, &limit);
    for (guint r = 0; r < RD_ASB_RISK_N_LEVELS; r++)
      {
        rd_limit_row_get_limit (self->asb_rows[r], &limit);
        rd_policy_set_asb_first_response (p, r, &limit);
      }
  }
}

/* Something the resident changed: written a moment later. */
void
_rd_policy_dialog_changed (RdPolicyDialog *self)
{
  if (self->loading || self->autosave == NULL)
    return;
  gtk_widget_set_visible (GTK_WIDGET (self->status_label), TRUE);
  rd_autosave_changed (self->autosave);
}

static void
on_form_changed_cb (RdPolicyDialog *self)
{
  read_form (self);
  update_stage_notes (self);
  _rd_policy_dialog_changed (self);
}

/* A new profile is made by Create; one the store has saves as it changes. */
static gboolean
is_new_profile (RdPolicyDialog *self)
{
  return self->editing != NULL && rd_policy_get_id (self->editing) == 0;
}

static void
choose_profile (RdPolicyDialog *self,
                guint           position)
{
  gint64 choice = position < self->choices->len ? g_array_index (self->choices, gint64, position) : 0;
  g_autoptr(GError) error = NULL;

  g_clear_object (&self->editing);
  show_error (self, NULL);
  if (choice == -1)
    {
      g_autofree char *name = NULL;
      GDate day;

      today (&day);
      self->editing = rd_policy_new_landlord_from_code (&day);
      if (rd_case_get_landlord_name (case_of (self))[0] != '\0')
        {
          name = g_strdup_printf (_("%s complaints policy"),
                                  rd_case_get_landlord_name (case_of (self)));
          rd_policy_set_name (self->editing, name);
        }
    }
  else if (choice > 0)
    {
      g_autoptr(RdPolicy) stored = rd_store_get_policy (store_of (self), choice, &error);

      if (stored == NULL)
        show_error (self, error->message);
      else
        self->editing = rd_policy_copy (stored);
    }
  load_policy (self);
  gtk_widget_set_visible (self->save_button, is_new_profile (self));
}

static void
on_profile_selected_cb (RdPolicyDialog *self)
{
  if (self->loading)
    return;
  /* What was typed into the profile shown before is kept. */
  if (self->autosave != NULL)
    rd_autosave_flush (self->autosave, NULL);
  choose_profile (self, adw_combo_row_get_selected (self->profile_row));
  _rd_policy_dialog_changed (self);
}

static gboolean
parse_time (const char *text,
            int        *minute)
{
  unsigned h, m;
  char extra;

  if (sscanf (text, "%2u:%2u%c", &h, &m, &extra) != 2 || h > 24 || m > 59 || (h == 24 && m > 0))
    return FALSE;
  *minute = (int) (h * 60 + m);
  return TRUE;
}

/* Writes the profile shown (unless the case follows the Code only) and the
 * case's choice of it. Office hours that cannot be are shown and nothing is
 * written. */
static RdAutosaveResult
write_form (RdPolicyDialog  *self,
            GError         **error)
{
  g_autoptr(GError) local_error = NULL;
  gint64 case_id = rd_case_get_id (case_of (self));

  if (self->editing != NULL)
    {
      RdOfficeHours hours;

      read_form (self);
      if (!parse_time (gtk_editable_get_text (GTK_EDITABLE (self->opens_row)), &hours.start_minute) ||
          !parse_time (gtk_editable_get_text (GTK_EDITABLE (self->closes_row)), &hours.end_minute) ||
          !rd_office_hours_is_valid (&hours))
        {
          show_error (self, _("Write the office hours as two times of day, opening before closing, "
                              "for example 09:00 and 17:00."));
          return RD_AUTOSAVE_HELD;
        }
      rd_policy_set_office_hours (self->editing, &hours);
      if (!rd_store_save_policy (store_of (self), self->editing, &local_error))
        goto failed;
    }
  if (!rd_store_set_case_policy (store_of (self), case_id,
                                 self->editing ? rd_policy_get_id (self->editing) : 0, &local_error))
    goto failed;
  show_error (self, NULL);
  rd_store_dialog_saved (RD_STORE_DIALOG (self), case_of (self));
  return RD_AUTOSAVE_WRITTEN;

failed:
  show_error (self, local_error->message);
  g_propagate_error (error, g_steal_pointer (&local_error));
  return RD_AUTOSAVE_FAILED;
}

/* RdAutosave's write function: everything but a new profile, which waits
 * for Create. */
static RdAutosaveResult
write_policy (GtkWidget  *form,
              GError    **error)
{
  RdPolicyDialog *self = RD_POLICY_DIALOG (form);

  if (is_new_profile (self))
    return RD_AUTOSAVE_HELD;
  return write_form (self, error);
}

/* Create (a new profile) and Ctrl+S (anything else): write now and close,
 * unless there is something to correct first. */
static void
save_action (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  RdPolicyDialog *self = RD_POLICY_DIALOG (widget);

  if (!is_new_profile (self))
    {
      rd_autosave_changed (self->autosave);
      if (rd_autosave_flush (self->autosave, NULL) && !rd_autosave_is_pending (self->autosave))
        gtk_window_close (GTK_WINDOW (self));
      return;
    }

  switch (write_form (self, NULL))
    {
    case RD_AUTOSAVE_WRITTEN:
      rd_autosave_discard (self->autosave);
      gtk_window_close (GTK_WINDOW (self));
      break;
    case RD_AUTOSAVE_HELD:
      gtk_widget_grab_focus (GTK_WIDGET (self->opens_row));
      break;
    case RD_AUTOSAVE_FAILED:
    default:
      gtk_widget_grab_focus (GTK_WIDGET (self->name_row));
      break;
    }
}

static void
fill_choices (RdPolicyDialog *self)
{
  g_autoptr(GtkStringList) names = gtk_string_list_new (NULL);
  g_autoptr(GListModel) profiles = NULL;
  g_autoptr(GError) error = NULL;
  gint64 current = 0, none = 0, fresh = -1;
  guint selected = 0;

  g_array_set_size (self->choices, 0);
  gtk_string_list_append (names, _("Only the Complaint Handling Code"));
  g_array_append_val (self->choices, none);

  profiles = rd_store_list_policies (store_of (self), &error);
  if (profiles == NULL)
    show_error (self, error->message);
  else
    for (guint i = 0; i < g_list_model_get_n_items (profiles); i++)
      {
        g_autoptr(RdPolicy) p = g_list_model_get_item (profiles, i);
        gint64 id = rd_policy_get_id (p);

        gtk_string_list_append (names, rd_policy_get_name (p));
        g_array_append_val (self->choices, id);
      }
  gtk_string_list_append (names, _("A new profile, starting as a copy of the Code"));
  g_array_append_val (self->choices, fresh);

  g_clear_error (&error);
  if (!rd_store_get_case_policy_id (store_of (self), rd_case_get_id (case_of (self)), &current,
                                    &error))
    show_error (self, error->message);
  for (guint i = 0; i < self->choices->len; i++)
    if (g_array_index (self->choices, gint64, i) == current)
      selected = i;

  self->loading = TRUE;
  adw_combo_row_set_model (self->profile_row, G_LIST_MODEL (names));
  adw_combo_row_set_selected (self->profile_row, selected);
  self->loading = FALSE;
  choose_profile (self, selected);
}

/**
 * rd_policy_dialog_new:
 * @rcase: a saved case
 *
 * The dialog writes the case's choice of profile, and the profile, as they
 * are changed (and when it closes), emitting ::saved with the case each
 * time. A new profile is written by its Create button, which closes.
 */
RdPolicyDialog *
rd_policy_dialog_new (GtkWindow *parent,
                      RdStore   *store,
                      RdCase    *rcase)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (RD_IS_CASE (rcase) && rd_case_get_id (rcase) > 0, NULL);

  return g_object_new (RD_TYPE_POLICY_DIALOG, "transient-for", parent, "store", store, "case", rcase,
                       NULL);
}

/**
 * rd_policy_dialog_get_editing:
 *
 * Returns: (transfer none) (nullable): the profile as the form shows it
 *   now, %NULL when the case is to follow the Code only
 */
RdPolicy *
rd_policy_dialog_get_editing (RdPolicyDialog *self)
{
  g_return_val_if_fail (RD_IS_POLICY_DIALOG (self), NULL);
  return self->editing;
}

/**
 * rd_policy_dialog_get_limit_row:
 * @stage: 1 to %RD_POLICY_MAX_STAGES
 * @which: 0 acknowledge, 1 respond, 2 extension
 *
 * Returns: (transfer none): the row that edits that limit
 */
RdLimitRow *
rd_policy_dialog_get_limit_row (RdPolicyDialog *self,
                                guint           stage,
                                guint           which)
{
  g_return_val_if_fail (RD_IS_POLICY_DIALOG (self), NULL);
  g_return_val_if_fail (stage >= 1 && stage <= RD_POLICY_MAX_STAGES && which < N_STAGE_ROWS, NULL);
  return self->stage_rows[stage - 1][which];
}

/**
 * rd_policy_dialog_describe_case_policy:
 *
 * Returns: (transfer full): a line saying which policy the case follows,
 *   for the case's details
 */
char *
rd_policy_dialog_describe_case_policy (RdStore *store,
                                       RdCase  *rcase)
{
  g_autoptr(RdPolicy) policy = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (RD_IS_STORE (store) && RD_IS_CASE (rcase), NULL);

  policy = rd_store_get_case_policy (store, rd_case_get_id (rcase), &error);
  if (error != NULL)
    return g_strdup (error->message);
  if (policy == NULL)
    return g_strdup (_("Only the Complaint Handling Code"));
  return g_strdup_printf (_("%s, and the Complaint Handling Code"), rd_policy_get_name (policy));
}

static void
rd_policy_dialog_dispose (GObject *object)
{
  RdPolicyDialog *self = RD_POLICY_DIALOG (object);

  /* First, while the fields and the profile are still there */
  if (self->autosave != NULL)
    rd_autosave_finish (self->autosave);
  g_clear_object (&self->autosave);
  g_clear_object (&self->editing);

  G_OBJECT_CLASS (rd_policy_dialog_parent_class)->dispose (object);
}

static void
rd_policy_dialog_finalize (GObject *object)
{
  RdPolicyDialog *self = RD_POLICY_DIALOG (object);

  g_clear_pointer (&self->choices, g_array_unref);
  g_clear_pointer (&self->repair_rows, g_ptr_array_unref);
  g_clear_pointer (&self->rule_rows, g_ptr_array_unref);

  G_OBJECT_CLASS (rd_policy_dialog_parent_class)->finalize (object);
}

static void
rd_policy_dialog_constructed (GObject *object)
{
  RdPolicyDialog *self = RD_POLICY_DIALOG (object);

  G_OBJECT_CLASS (rd_policy_dialog_parent_class)->constructed (object);

  fill_choices (self);
  /* after filling, so that showing the form is not a change */
  self->autosave = rd_autosave_new (GTK_WIDGET (self), self->status_label, SAVE_DELAY_MS, write_policy);
  rd_autosave_hold_close (self->autosave,
                          _("This change is not saved. Correct it, or close again to keep the policy as it was."),
                          GTK_WIDGET (self->profile_row));
}

static void
rd_policy_dialog_class_init (RdPolicyDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_policy_dialog_dispose;
  object_class->constructed = rd_policy_dialog_constructed;

  object_class->finalize = rd_policy_dialog_finalize;

  gtk_widget_class_set_template_from_resource (widget_class, "/app/redress/Redress/rd-policy-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, header_bar);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, status_label);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, save_button);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, profile_row);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, error_revealer);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, error_label);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, details_group);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, name_row);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, stages_group);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, stages_row);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, stages_spin);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, stage_zero_row);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, stage_zero_switch);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, resident_group);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, asb_group);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, repairs_group);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, repair_name_row);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, rules_group);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, rule_name_row);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, rule_channel_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, hours_group);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, opens_row);
  gtk_widget_class_bind_template_child (widget_class, RdPolicyDialog, closes_row);
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_repair_cb",
                                                G_CALLBACK (_rd_policy_dialog_on_add_repair_cb));
  gtk_widget_class_bind_template_callback_full (widget_class, "on_add_rule_cb",
                                                G_CALLBACK (_rd_policy_dialog_on_add_rule_cb));

  gtk_widget_class_install_action (widget_class, "policy.save", NULL, save_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_s, GDK_CONTROL_MASK, "policy.save", NULL);
}

static RdLimitRow *
add_limit_row (RdPolicyDialog      *self,
               AdwPreferencesGroup *group,
               const char          *title,
               const RdLimit       *reference)
{
  RdLimitRow *row = rd_limit_row_new (title);

  rd_limit_row_set_reference (row, reference);
  g_signal_connect_swapped (row, "changed", G_CALLBACK (on_form_changed_cb), self);
  adw_preferences_group_add (group, GTK_WIDGET (row));
  return row;
}

static void
rd_policy_dialog_init (RdPolicyDialog *self)
{
  g_autoptr(GtkStringList) channels = gtk_string_list_new (NULL);
  GDate day;
  /* The rows' titles, in sentence case as every row's. */
  static const char * const risk_titles[RD_ASB_RISK_N_LEVELS] = {
    N_("High risk"), N_("Medium risk"), N_("Low risk"),
  };

  gtk_widget_init_template (GTK_WIDGET (self));
  self->choices = g_array_new (FALSE, FALSE, sizeof (gint64));
  self->repair_rows = g_ptr_array_new ();
  self->rule_rows = g_ptr_array_new ();

  today (&day);
  self->code = rd_policy_get_code_for_date (&day);

  /* One accessible name each, not the label and the text run together. */
  rd_gui_fix_accessible_name (self->save_button);
  rd_gui_fix_accessible_name (GTK_WIDGET (self->profile_row));
  rd_gui_combo_row_show_choice_in_full (self->profile_row, NULL);
  rd_gui_fix_accessible_name (GTK_WIDGET (self->stages_spin));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->stage_zero_switch));
  rd_gui_fix_accessible_name (GTK_WIDGET (self->rule_channel_dropdown));
  rd_gui_label_entry_row (self->name_row, _("Policy name"));
  rd_gui_label_entry_row (self->repair_name_row, _("Name of a new repair priority"));
  rd_gui_label_entry_row (self->rule_name_row, _("What the new promise is"));
  rd_gui_label_entry_row (self->opens_row, _("Office opens at"));
  rd_gui_label_entry_row (self->closes_row, _("Office closes at"));

  /* Where counts of working days are set, say how they are counted. */
  adw_preferences_group_set_description (self->stages_group, rd_calendar_get_convention ());

  for (guint s = 1; s <= RD_POLICY_MAX_STAGES; s++)
    {
      const RdPolicyStage *code_stage = NULL;
      g_autofree char *ack = g_strdup_printf (_("Stage %u: acknowledge within"), s);
      g_autofree char *respond = g_strdup_printf (_("Stage %u: respond within"), s);
      g_autofree char *extension = g_strdup_printf (_("Stage %u: extension of at most"), s);

      if (self->code != NULL && s <= rd_policy_get_n_stages (self->code))
        code_stage = rd_policy_get_stage (self->code, s);
      self->stage_rows[s - 1][ROW_ACK] =
        add_limit_row (self, self->stages_group, ack, code_stage ? &code_stage->acknowledge : NULL);
      self->stage_rows[s - 1][ROW_RESPOND] =
        add_limit_row (self, self->stages_group, respond, code_stage ? &code_stage->respond : NULL);
      self->stage_rows[s - 1][ROW_EXTENSION] =
        add_limit_row (self, self->stages_group, extension, code_stage ? &code_stage->extension : NULL);
    }
  self->escalation_row = add_limit_row (self, self->resident_group,
                                        _("Ask for the next stage within"), NULL);
  for (guint r = 0; r < RD_ASB_RISK_N_LEVELS; r++)
    self->asb_rows[r] = add_limit_row (self, self->asb_group, _(risk_titles[r]), NULL);

  gtk_string_list_append (channels, _("Any kind of contact"));
  for (guint c = 0; c < RD_CHANNEL_N_CHANNELS; c++)
    gtk_string_list_append (channels, rd_contact_channel_get_label (c));
  gtk_drop_down_set_model (self->rule_channel_dropdown, G_LIST_MODEL (channels));
  gtk_drop_down_set_selected (self->rule_channel_dropdown, RD_CHANNEL_MP_ENQUIRY + 1);

  g_signal_connect_swapped (self->profile_row, "notify::selected", G_CALLBACK (on_profile_selected_cb), self);
  g_signal_connect_swapped (self->name_row, "changed", G_CALLBACK (on_form_changed_cb), self);
  g_signal_connect_swapped (self->stages_spin, "value-changed", G_CALLBACK (on_form_changed_cb), self);
  g_signal_connect_swapped (self->stage_zero_switch, "notify::active", G_CALLBACK (on_form_changed_cb), self);
  g_signal_connect_swapped (self->opens_row, "changed", G_CALLBACK (_rd_policy_dialog_changed), self);
  g_signal_connect_swapped (self->closes_row, "changed", G_CALLBACK (_rd_policy_dialog_changed), self);
}
