/* rd-preferences-window.c: whether Redress is used by an adviser, deadline
 * reminders while Redress is closed, setting, changing and removing the
 * lock passphrase, and the idle time after which Redress locks itself.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-preferences-window"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "rd-preferences-window.h"
#include "rd-gui-util.h"
#include "rd-reminder-schedule.h"

/* The idle times offered, in minutes; 0 is never. */
static const guint idle_minutes[] = { 0, 1, 2, 5, 10, 15, 30, 60 };

struct _RdPreferencesWindow
{
  AdwPreferencesWindow  parent_instance;

  RdStore              *store;
  GSettings            *settings;
  GCancellable         *working;
  gboolean              loading;

  AdwActionRow         *adviser_row;
  GtkSwitch            *adviser_switch;
  AdwActionRow         *remind_closed_row;
  GtkSwitch            *remind_closed_switch;
  GtkSwitch            *details_switch;
  AdwActionRow         *passphrase_row;
  AdwComboRow          *idle_row;
  GtkStringList        *idle_choices;
  AdwPreferencesGroup  *change_group;
  AdwPasswordEntryRow  *current_entry;
  AdwPasswordEntryRow  *new_entry;
  AdwPasswordEntryRow  *confirm_entry;
  GtkButton            *remove_button;
  GtkButton            *save_button;
};

G_DEFINE_FINAL_TYPE (RdPreferencesWindow, rd_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

enum {
  PROP_0,
  PROP_STORE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
show_toast (RdPreferencesWindow *self,
            const char          *message)
{
  adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (self), adw_toast_new (message));
}

static void
show_state (RdPreferencesWindow *self)
{
  g_autofree char *hash = rd_store_dup_lock_hash (self->store);
  gboolean has = hash != NULL;
  guint minutes = rd_store_get_lock_idle_minutes (self->store);
  guint selected = 0;

  adw_action_row_set_subtitle (self->passphrase_row,
                               has ? _("Set: unlocking needs the passphrase")
                                   : _("Not set: anyone can unlock with a button"));
  adw_preferences_group_set_title (self->change_group,
                                   has ? _("Change the Passphrase") : _("Set a Passphrase"));
  gtk_widget_set_visible (GTK_WIDGET (self->current_entry), has);
  gtk_widget_set_visible (GTK_WIDGET (self->remove_button), has);

  for (guint i = 0; i < G_N_ELEMENTS (idle_minutes); i++)
    if (idle_minutes[i] == minutes)
      selected = i;
  self->loading = TRUE;
  adw_combo_row_set_selected (self->idle_row, selected);
  gtk_switch_set_active (self->adviser_switch, rd_store_get_adviser_mode (self->store));
  gtk_switch_set_active (self->remind_closed_switch, rd_reminder_schedule_is_on ());
  self->loading = FALSE;
}

static void
set_working (RdPreferencesWindow *self,
             gboolean             working)
{
  gtk_widget_set_sensitive (GTK_WIDGET (self->change_group), !working);
}

static void
change_done_cb (GObject      *source,
                GAsyncResult *result,
                gpointer      user_data)
{
  g_autoptr(RdPreferencesWindow) self = user_data;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = rd_passphrase_change_finish (result, &error);

  g_clear_object (&self->working);
  set_working (self, FALSE);
  if (hash == NULL)
    {
      show_toast (self, error->message);
      return;
    }
  if (!rd_store_set_lock_hash (self->store, *hash ? hash : NULL, &error))
    {
      show_toast (self, error->message);
      return;
    }
  gtk_editable_set_text (GTK_EDITABLE (self->current_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->new_entry), "");
  gtk_editable_set_text (GTK_EDITABLE (self->confirm_entry), "");
  show_state (self);
  show_toast (self, *hash ? _("Passphrase saved") : _("Passphrase removed"));
}

static void
start_change (RdPreferencesWindow *self,
              gboolean             remove)
{
  const char *new_text = gtk_editable_get_text (GTK_EDITABLE (self->new_entry));
  const char *confirm = gtk_editable_get_text (GTK_EDITABLE (self->confirm_entry));
  g_autofree char *old_hash = NULL;

  if (self->working != NULL)
    return;
  if (!remove)
    {
      if (*new_text == '\0')
        {
          show_toast (self, _("Type the new passphrase first."));
          return;
        }
      if (g_utf8_strlen (new_text, -1) < 6)
        {
          show_toast (self, _("Choose a passphrase of at least 6 characters."));
          return;
        }
      if (!g_str_equal (new_text, confirm))
        {
          show_toast (self, _("The two new passphrases are not the same. Type them again."));
          return;
        }
    }

  old_hash = rd_store_dup_lock_hash (self->store);
  self->working = g_cancellable_new ();
  set_working (self, TRUE);
  /* The hash is slow on purpose: the window must not freeze meanwhile. */
  rd_passphrase_change_async (old_hash, gtk_editable_get_text (GTK_EDITABLE (self->current_entry)),
                              remove ? NULL : new_text, self->working, change_done_cb,
                              g_object_ref (self));
}

static void
on_save_clicked_cb (RdPreferencesWindow *self)
{
  start_change (self, FALSE);
}

static void
on_remove_clicked_cb (RdPreferencesWindow *self)
{
  start_change (self, TRUE);
}

static void
on_idle_selected_cb (RdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  guint selected = adw_combo_row_get_selected (self->idle_row);

  if (self->loading || self->store == NULL || selected >= G_N_ELEMENTS (idle_minutes))
    return;
  if (!rd_store_set_lock_idle_minutes (self->store, idle_minutes[selected], &error))
    show_toast (self, error->message);
}

static void
on_adviser_toggled_cb (RdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;

  if (self->loading || self->store == NULL)
    return;
  if (!rd_store_set_adviser_mode (self->store, gtk_switch_get_active (self->adviser_switch), &error))
    show_toast (self, error->message);
}

/* The reminders are files in the user's own configuration (see
 * rd-reminder-schedule.c): turned on and off at once, not on some save. */
static void
on_remind_closed_toggled_cb (RdPreferencesWindow *self)
{
  g_autoptr(GError) error = NULL;
  gboolean on = gtk_switch_get_active (self->remind_closed_switch);

  if (self->loading)
    return;
  if (!rd_reminder_schedule_set (rd_reminder_schedule_best_kind (), on, &error))
    {
      show_toast (self, error->message);
      self->loading = TRUE;
      gtk_switch_set_active (self->remind_closed_switch, rd_reminder_schedule_is_on ());
      self->loading = FALSE;
    }
}

/**
 * rd_preferences_window_new:
 *
 * Returns: (transfer none): a new preferences window for @parent
 */
RdPreferencesWindow *
rd_preferences_window_new (GtkWindow *parent,
                           RdStore   *store)
{
  g_return_val_if_fail (RD_IS_STORE (store), NULL);

  return g_object_new (RD_TYPE_PREFERENCES_WINDOW, "transient-for", parent, "store", store, NULL);
}

static void
rd_preferences_window_dispose (GObject *object)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (object);

  g_cancellable_cancel (self->working);
  g_clear_object (&self->working);
  g_clear_object (&self->store);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rd_preferences_window_parent_class)->dispose (object);
}

static void
rd_preferences_window_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      g_value_set_object (value, self->store);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_preferences_window_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (object);

  switch (prop_id)
    {
    case PROP_STORE:
      self->store = g_value_dup_object (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rd_preferences_window_constructed (GObject *object)
{
  RdPreferencesWindow *self = RD_PREFERENCES_WINDOW (object);

  G_OBJECT_CLASS (rd_preferences_window_parent_class)->constructed (object);

  show_state (self);
}

static void
rd_preferences_window_class_init (RdPreferencesWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rd_preferences_window_dispose;
  object_class->get_property = rd_preferences_window_get_property;
  object_class->set_property = rd_preferences_window_set_property;
  object_class->constructed = rd_preferences_window_constructed;

  properties[PROP_STORE] =
    g_param_spec_object ("store", NULL, NULL, RD_TYPE_STORE,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/app/redress/Redress/rd-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, adviser_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, adviser_switch);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, remind_closed_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, remind_closed_switch);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, details_switch);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, passphrase_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, idle_row);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, idle_choices);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, change_group);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, current_entry);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, new_entry);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, confirm_entry);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, remove_button);
  gtk_widget_class_bind_template_child (widget_class, RdPreferencesWindow, save_button);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remove_clicked_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_idle_selected_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_adviser_toggled_cb);
  gtk_widget_class_bind_template_callback (widget_class, on_remind_closed_toggled_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rd_preferences_window_init (RdPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  rd_gui_combo_row_show_choice_in_full (self->idle_row, _("When nobody has used Redress for this long"));

  self->settings = g_settings_new (APP_ID);
  g_settings_bind (self->settings, "reminder-details", self->details_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  adw_action_row_set_subtitle (self->remind_closed_row,
                               rd_reminder_schedule_best_kind () == RD_REMINDER_SCHEDULE_TIMER
                               ? _("At 8am, noon, 4pm and 8pm, and soon after you log in, Redress "
                                   "looks at every data folder it has opened. Folders locked with a "
                                   "passphrase are left alone.")
                               : _("Each time you log in, Redress looks at every data folder it has "
                                   "opened. Folders locked with a passphrase are left alone."));

  self->loading = TRUE;
  for (guint i = 0; i < G_N_ELEMENTS (idle_minutes); i++)
    {
      g_autofree char *label = NULL;

      if (idle_minutes[i] == 0)
        label = g_strdup (_("Never"));
      else
        label = g_strdup_printf (ngettext ("After %u minute", "After %u minutes", idle_minutes[i]),
                                 idle_minutes[i]);
      gtk_string_list_append (self->idle_choices, label);
    }
  self->loading = FALSE;
}
