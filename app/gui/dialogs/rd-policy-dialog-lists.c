/* rd-policy-dialog-lists.c: the policy editor's lists that grow: repair
 * priorities and other rules, each a row the user can add or remove.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-policy-dialog"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-policy-dialog-private.h"

static void
remove_rows (AdwPreferencesGroup *group,
             GPtrArray           *rows)
{
  for (guint i = 0; i < rows->len; i++)
    adw_preferences_group_remove (group, g_ptr_array_index (rows, i));
  g_ptr_array_set_size (rows, 0);
}

static void on_repair_changed_cb (RdPolicyDialog *self, RdLimitRow *row);
static void on_remove_repair_cb (GtkButton *button, RdPolicyDialog *self);
static void on_rule_changed_cb (RdPolicyDialog *self, RdLimitRow *row);
static void on_remove_rule_cb (GtkButton *button, RdPolicyDialog *self);

static GtkWidget *
remove_button (const char *what)
{
  GtkWidget *button = gtk_button_new_from_icon_name ("user-trash-symbolic");
  g_autofree char *label = g_strdup_printf (_("Remove “%s”"), what);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_widget_set_tooltip_text (button, label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  return button;
}

/* Rebuilds the rows of the profile's repair priorities and other rules:
 * a profile has a handful, so rows are made for all of them. */
void
_rd_policy_dialog_load_lists (RdPolicyDialog *self)
{
  remove_rows (self->repairs_group, self->repair_rows);
  remove_rows (self->rules_group, self->rule_rows);
  if (self->editing == NULL)
    return;

  for (guint i = 0; i < rd_policy_get_n_repair_priorities (self->editing); i++)
    {
      const RdRepairPriority *p = rd_policy_get_repair_priority (self->editing, i);
      RdLimitRow *row = rd_limit_row_new (p->label);
      GtkWidget *button = remove_button (p->label);

      rd_limit_row_set_description (row, _("From the day you report the repair"));
      rd_limit_row_set_limit (row, &p->limit);
      g_object_set_data_full (G_OBJECT (row), "repair-key", g_strdup (p->key), g_free);
      g_object_set_data (G_OBJECT (button), "row", row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_repair_changed_cb), self);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_repair_cb), self);
      adw_preferences_group_add (self->repairs_group, GTK_WIDGET (row));
      g_ptr_array_add (self->repair_rows, row);
    }

  for (guint i = 0; i < rd_policy_get_n_rules (self->editing); i++)
    {
      const RdPolicyRule *rule = rd_policy_get_rule (self->editing, i);
      RdLimitRow *row = rd_limit_row_new (rule->label);
      GtkWidget *button = remove_button (rule->label);
      g_autofree char *description = NULL;

      if (rule->channel < 0)
        description = g_strdup (_("From any contact with the landlord"));
      else
        description = g_strdup_printf (_("From a contact with the landlord by %s"),
                                       rd_contact_channel_get_label (rule->channel));
      rd_limit_row_set_description (row, description);
      rd_limit_row_set_limit (row, &rule->limit);
      g_object_set_data (G_OBJECT (button), "row", row);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
      g_signal_connect_swapped (row, "changed", G_CALLBACK (on_rule_changed_cb), self);
      g_signal_connect (button, "clicked", G_CALLBACK (on_remove_rule_cb), self);
      adw_preferences_group_add (self->rules_group, GTK_WIDGET (row));
      g_ptr_array_add (self->rule_rows, row);
    }
}

static void
on_repair_changed_cb (RdPolicyDialog *self,
                      RdLimitRow     *row)
{
  const char *key = g_object_get_data (G_OBJECT (row), "repair-key");
  const RdRepairPriority *p = rd_policy_find_repair_priority (self->editing, key);
  RdLimit limit;

  if (p == NULL)
    return;
  rd_limit_row_get_limit (row, &limit);
  rd_policy_set_repair_priority (self->editing, key, p->label, &limit);
  _rd_policy_dialog_changed (self);
}

static void
on_remove_repair_cb (GtkButton      *button,
                     RdPolicyDialog *self)
{
  RdLimitRow *row = g_object_get_data (G_OBJECT (button), "row");
  g_autofree char *key = g_strdup (g_object_get_data (G_OBJECT (row), "repair-key"));

  rd_policy_remove_repair_priority (self->editing, key);
  _rd_policy_dialog_load_lists (self);
  _rd_policy_dialog_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->repair_name_row));
}

static char *
key_from_label (RdPolicy   *policy,
                const char *label)
{
  g_autoptr(GString) key = g_string_new (NULL);
  g_autofree char *ascii = g_str_to_ascii (label, "C");
  g_autofree char *base = NULL;
  guint n = 2;

  for (const char *c = ascii; *c; c++)
    {
      if (g_ascii_isalnum (*c))
        g_string_append_c (key, g_ascii_tolower (*c));
      else if (key->len > 0 && key->str[key->len - 1] != '-')
        g_string_append_c (key, '-');
    }
  while (key->len > 0 && key->str[key->len - 1] == '-')
    g_string_truncate (key, key->len - 1);
  if (key->len == 0)
    g_string_append (key, "priority");
  base = g_strdup (key->str);
  while (rd_policy_find_repair_priority (policy, key->str) != NULL)
    g_string_printf (key, "%s-%u", base, n++);
  return g_string_free (g_steal_pointer (&key), FALSE);
}

void
_rd_policy_dialog_on_add_repair_cb (RdPolicyDialog *self)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->repair_name_row))));
  g_autofree char *key = NULL;
  RdLimit none = { 0, RD_TIME_UNIT_WORKING_DAYS };

  if (self->editing == NULL || label[0] == '\0')
    return;
  key = key_from_label (self->editing, label);
  rd_policy_set_repair_priority (self->editing, key, label, &none);
  gtk_editable_set_text (GTK_EDITABLE (self->repair_name_row), "");
  _rd_policy_dialog_load_lists (self);
  _rd_policy_dialog_changed (self);
  /* The new priority's time is the next thing to set. */
  gtk_widget_grab_focus (GTK_WIDGET (rd_limit_row_get_amount_button (
    g_ptr_array_index (self->repair_rows, self->repair_rows->len - 1))));
}

static void
on_rule_changed_cb (RdPolicyDialog *self,
                    RdLimitRow     *row)
{
  guint index;

  if (!g_ptr_array_find (self->rule_rows, row, &index))
    return;
  {
    RdPolicyRule rule = *rd_policy_get_rule (self->editing, index);
    g_autofree char *label = g_strdup (rule.label);

    rule.label = label;
    rd_limit_row_get_limit (row, &rule.limit);
    rd_policy_replace_rule (self->editing, index, &rule);
  }
  _rd_policy_dialog_changed (self);
}

static void
on_remove_rule_cb (GtkButton      *button,
                   RdPolicyDialog *self)
{
  RdLimitRow *row = g_object_get_data (G_OBJECT (button), "row");
  guint index;

  if (!g_ptr_array_find (self->rule_rows, row, &index))
    return;
  rd_policy_remove_rule (self->editing, index);
  _rd_policy_dialog_load_lists (self);
  _rd_policy_dialog_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->rule_name_row));
}

void
_rd_policy_dialog_on_add_rule_cb (RdPolicyDialog *self)
{
  g_autofree char *label = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (self->rule_name_row))));
  guint selected = gtk_drop_down_get_selected (self->rule_channel_dropdown);
  RdPolicyRule rule = { label, -1, RD_CONTACT_TO, { 10, RD_TIME_UNIT_WORKING_DAYS } };

  if (self->editing == NULL || label[0] == '\0')
    return;
  /* item 0 is "any kind of contact", then the channels in order */
  if (selected != GTK_INVALID_LIST_POSITION && selected > 0)
    rule.channel = (int) selected - 1;
  rd_policy_add_rule (self->editing, &rule);
  gtk_editable_set_text (GTK_EDITABLE (self->rule_name_row), "");
  _rd_policy_dialog_load_lists (self);
  _rd_policy_dialog_changed (self);
  gtk_widget_grab_focus (GTK_WIDGET (rd_limit_row_get_amount_button (
    g_ptr_array_index (self->rule_rows, self->rule_rows->len - 1))));
}
