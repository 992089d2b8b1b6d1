/* rd-cli-remind.c: redress-cli remind, the deadline reminders sent while Redress is closed.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-cli"

#include "config.h"

#include <glib/gi18n.h>

#include "rd-cli.h"

/*
 * Run a few times a day by a systemd user timer, or at login (see the
 * Preferences), this sends the same notifications the window sends while
 * Redress runs, through the same reminder service and as the same
 * application id, so that the desktop shows them as Redress's, a deadline
 * told by either is not told again by the other, and clicking one starts
 * Redress on the case (the "app.open-case" action).
 *
 * Whoever is in front of the screen may not be the resident: a locked
 * screen shows notifications too, and an adviser's computer is shared.
 * So unless "Show case details in reminders" is on, the notifications say
 * only that a deadline needs attention; and a data folder locked with an
 * adviser's passphrase is not even opened for its cases.
 */

typedef struct {
  GSettings         *settings;
  RdClock           *clock;
  RdReminderWording  wording;
  GPtrArray         *reminders;   /* RdReminder, of every folder */
} Remind;

static RdStore *
open_folder (Remind     *remind,
             const char *folder)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *database = rd_store_dup_database_path (folder);
  RdStore *store;

  /* Opening a folder without a case file would make an empty one. */
  if (!g_file_test (database, G_FILE_TEST_IS_REGULAR))
    {
      g_print (_("%s: there is no Redress case file here, so nothing was looked at.\n"), folder);
      return NULL;
    }
  store = rd_store_open (folder, &error);
  if (store == NULL)
    {
      g_print (_("%s: not looked at: %s\n"), folder, error->message);
      return NULL;
    }
  rd_store_set_clock (store, remind->clock);
  rd_data_folders_note (remind->settings, rd_store_get_data_dir (store));
  return store;
}

static void
remind_folder (Remind     *remind,
               const char *folder)
{
  g_autoptr(RdStore) store = open_folder (remind, folder);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  g_autoptr(GDate) today = NULL;
  g_autofree char *lock_hash = NULL;

  if (store == NULL)
    return;
  lock_hash = rd_store_dup_lock_hash (store);
  if (lock_hash != NULL)
    {
      /* Its cases are for whoever knows the passphrase, which a reminder
       * started by the desktop does not. */
      g_print (_("%s: locked with an adviser’s passphrase, so its cases were not looked at.\n"),
               folder);
      return;
    }
  today = rd_clock_dup_today (remind->clock);
  alerts = rd_deadline_alerts_collect (store, NULL, today, NULL, &error);
  if (alerts == NULL)
    {
      g_print (_("%s: not looked at: %s\n"), folder, error->message);
      return;
    }
  reminders = rd_reminders_take_new (remind->settings, store, alerts, remind->wording);
  if (reminders->len == 0)
    g_print (_("%s: no deadline newly overdue or due by the next working day.\n"), folder);
  else
    g_print (g_dngettext (GETTEXT_PACKAGE, "%s: %u deadline newly overdue or due by the next working day.\n",
                          "%s: %u deadlines newly overdue or due by the next working day.\n",
                          reminders->len),
             folder, reminders->len);
  g_ptr_array_extend_and_steal (remind->reminders, g_steal_pointer (&reminders));
}

/* Redress's id, so the desktop shows and activates the notifications as
 * Redress's; not unique, so a running Redress keeps its name on the bus.
 * Returns NULL, saying why, when there is no desktop to send to: then
 * nothing may be recorded as told. */
static GApplication *
register_as_redress (void)
{
  g_autoptr(GApplication) app = g_application_new (APP_ID, G_APPLICATION_NON_UNIQUE);
  g_autoptr(GError) error = NULL;

  if (!g_application_register (app, NULL, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return NULL;
    }
  if (g_application_get_dbus_connection (app) == NULL)
    {
      g_printerr ("redress-cli: %s\n",
                  _("There is no desktop session to show notifications in (no session bus)."));
      return NULL;
    }
  return g_steal_pointer (&app);
}

static gboolean
send_all (GApplication *app,
          GPtrArray    *to_send)
{
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < to_send->len; i++)
    {
      const RdReminder *reminder = g_ptr_array_index (to_send, i);
      g_autoptr(GNotification) notification = rd_reminder_new_notification (reminder);

      g_application_send_notification (app, reminder->id, notification);
    }
  /* The messages are queued on the bus connection: out before exiting. */
  if (!g_dbus_connection_flush_sync (g_application_get_dbus_connection (app), NULL, &error))
    {
      g_printerr ("redress-cli: %s\n", error->message);
      return FALSE;
    }
  return TRUE;
}

int
rd_cli_remind (RdCliContext *ctx)
{
  g_autoptr(GSettings) settings = rd_cli_dup_settings ();
  g_autoptr(GApplication) app = NULL;
  g_autoptr(GPtrArray) to_send = NULL;
  g_auto(GStrv) remembered = NULL;
  const char * const *folders;
  Remind remind = { 0 };

  if (ctx->n_args > 0)
    return rd_cli_usage_error (_("remind takes no arguments, only --data-dir DIR (as often as needed)."));
  if (settings == NULL)
    {
      g_printerr ("redress-cli: %s\n",
                  _("Redress’s settings schema is not installed, so there is no way to know "
                    "which deadlines were already told. Install Redress first."));
      return RD_CLI_FAILED;
    }

  if (ctx->data_dirs != NULL && ctx->data_dirs[0] != NULL)
    folders = (const char * const *) ctx->data_dirs;
  else
    folders = (const char * const *) (remembered = rd_data_folders_list (settings));
  if (folders[0] == NULL)
    {
      g_print ("%s\n", _("No data folder to look at: Redress has not opened one yet."));
      return RD_CLI_OK;
    }

  app = register_as_redress ();
  if (app == NULL)
    return RD_CLI_FAILED;

  remind.settings = settings;
  remind.clock = ctx->clock;
  remind.wording = g_settings_get_boolean (settings, "reminder-details") ? RD_REMINDER_DETAILS
                                                                          : RD_REMINDER_PRIVATE;
  remind.reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_reminder_free);
  for (guint i = 0; folders[i] != NULL; i++)
    remind_folder (&remind, folders[i]);

  to_send = rd_reminders_summarise (remind.reminders);
  g_clear_pointer (&remind.reminders, g_ptr_array_unref);
  /* What was told, and the folders, written for the next run and the window. */
  g_settings_sync ();
  if (to_send->len == 0)
    {
      g_print ("%s\n", _("No notification sent."));
      return RD_CLI_OK;
    }
  if (!send_all (app, to_send))
    return RD_CLI_FAILED;
  g_print (g_dngettext (GETTEXT_PACKAGE, "Sent %u notification.\n", "Sent %u notifications.\n",
                        to_send->len),
           to_send->len);
  if (remind.wording == RD_REMINDER_PRIVATE)
    g_print ("%s\n", _("They name no case: “Show case details in reminders” is off in Redress’s "
                       "Preferences."));
  return RD_CLI_OK;
}
