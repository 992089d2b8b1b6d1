/* rd-reminder-schedule.c: running `redress-cli remind` while Redress is closed, or not.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-reminder-schedule"

#include "config.h"

#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <errno.h>
#include <unistd.h>

#include "rd-reminder-schedule.h"

/*
 * Where the desktop runs systemd's user manager (Debian 12's GNOME, KDE
 * and most others), reminders come from a user timer: it runs at 8am,
 * noon, 4pm and 8pm, and once a few minutes after login to catch up on
 * what was missed while the computer was off (Persistent=). A deadline
 * that becomes due during the day is then told the same day, which an
 * entry run only at login cannot do for someone who never logs out.
 * Elsewhere an XDG autostart entry runs it at each login: less often,
 * but it works on any desktop.
 *
 * Both are files in the user's own configuration, so nothing needs
 * administrator rights, and turning the switch off removes them.
 * `redress-cli` is named without a folder: systemd and the autostart
 * launcher look it up in the usual places (/usr/bin, /usr/local/bin).
 */

#define UNIT_NAME      "app.redress.Redress-remind"
#define AUTOSTART_NAME APP_ID "-remind.desktop"

static char *
user_unit_dir (void)
{
  return g_build_filename (g_get_user_config_dir (), "systemd", "user", NULL);
}

static char *
unit_path (const char *suffix)
{
  g_autofree char *dir = user_unit_dir ();
  g_autofree char *name = g_strconcat (UNIT_NAME, suffix, NULL);

  return g_build_filename (dir, name, NULL);
}

/* Where `systemctl --user enable` would put the link that starts the timer at login. */
static char *
wants_link_path (void)
{
  g_autofree char *dir = user_unit_dir ();

  return g_build_filename (dir, "timers.target.wants", UNIT_NAME ".timer", NULL);
}

static char *
autostart_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "autostart", AUTOSTART_NAME, NULL);
}

/**
 * rd_reminder_schedule_best_kind:
 *
 * A timer where systemd runs the session, an autostart entry elsewhere.
 */
RdReminderScheduleKind
rd_reminder_schedule_best_kind (void)
{
  /* systemd's own test of whether it is the system's manager. */
  if (g_file_test ("/run/systemd/system", G_FILE_TEST_IS_DIR))
    return RD_REMINDER_SCHEDULE_TIMER;
  return RD_REMINDER_SCHEDULE_AUTOSTART;
}

/**
 * rd_reminder_schedule_is_on:
 *
 * Whether reminders run while Redress is closed, by either means.
 */
gboolean
rd_reminder_schedule_is_on (void)
{
  g_autofree char *link = wants_link_path ();
  g_autofree char *autostart = autostart_path ();

  return g_file_test (link, G_FILE_TEST_EXISTS) || g_file_test (autostart, G_FILE_TEST_EXISTS);
}

static gboolean fail_with_errno (GError     **error,
                                 const char  *format,
                                 ...) G_GNUC_PRINTF (2, 3);

/* Sets @error to what failed (@format) and why (errno). Returns FALSE. */
static gboolean
fail_with_errno (GError     **error,
                 const char  *format,
                 ...)
{
  int saved = errno;
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  g_set_error (error, G_IO_ERROR, g_io_error_from_errno (saved), "%s: %s", what, g_strerror (saved));
  return FALSE;
}

static gboolean
write_file (const char  *path,
            const char  *contents,
            GError     **error)
{
  g_autofree char *dir = g_path_get_dirname (path);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    return fail_with_errno (error, _("Could not make the folder “%s”"), dir);
  return g_file_set_contents_full (path, contents, -1, G_FILE_SET_CONTENTS_CONSISTENT, 0644, error);
}

static gboolean
remove_file (const char  *path,
             GError     **error)
{
  if (g_unlink (path) != 0 && errno != ENOENT)
    return fail_with_errno (error, _("Could not remove “%s”"), path);
  return TRUE;
}

static gboolean
write_timer (GError **error)
{
  g_autofree char *service = unit_path (".service");
  g_autofree char *timer = unit_path (".timer");
  g_autofree char *link = wants_link_path ();
  g_autofree char *link_dir = g_path_get_dirname (link);
  g_autofree char *service_text = NULL;
  g_autofree char *timer_text = NULL;

  service_text = g_strdup_printf ("[Unit]\n"
                                  "Description=%s\n"
                                  "\n"
                                  "[Service]\n"
                                  "Type=oneshot\n"
                                  "ExecStart=redress-cli remind\n",
                                  _("Redress deadline reminders"));
  timer_text = g_strdup_printf ("[Unit]\n"
                                "Description=%s\n"
                                "\n"
                                "[Timer]\n"
                                "OnCalendar=*-*-* 08,12,16,20:00\n"
                                "OnStartupSec=3min\n"
                                "Persistent=true\n"
                                "\n"
                                "[Install]\n"
                                "WantedBy=timers.target\n",
                                _("Redress deadline reminders"));
  if (!write_file (service, service_text, error) || !write_file (timer, timer_text, error))
    return FALSE;
  if (g_mkdir_with_parents (link_dir, 0700) != 0)
    return fail_with_errno (error, _("Could not make the folder “%s”"), link_dir);
  /* The link `systemctl --user enable` makes, relative as it makes it. */
  if (!g_file_test (link, G_FILE_TEST_EXISTS) && symlink ("../" UNIT_NAME ".timer", link) != 0)
    return fail_with_errno (error, _("Could not make “%s”"), link);
  return TRUE;
}

static gboolean
write_autostart (GError **error)
{
  g_autofree char *path = autostart_path ();
  g_autofree char *text = NULL;

  text = g_strdup_printf ("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=%s\n"
                          "Comment=%s\n"
                          "Exec=redress-cli remind\n"
                          "Icon=" APP_ID "\n"
                          "NoDisplay=true\n"
                          "X-GNOME-Autostart-enabled=true\n",
                          _("Redress deadline reminders"),
                          _("Tells you when a deadline in one of your cases is overdue or due by the next working day"));
  return write_file (path, text, error);
}

static gboolean
remove_all (GError **error)
{
  g_autofree char *link = wants_link_path ();
  g_autofree char *timer = unit_path (".timer");
  g_autofree char *service = unit_path (".service");
  g_autofree char *autostart = autostart_path ();

  return remove_file (link, error) && remove_file (timer, error) && remove_file (service, error) &&
         remove_file (autostart, error);
}

static void
on_manager_called_cb (GObject      *source,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  g_autofree char *then = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GVariant) reply = g_dbus_connection_call_finish (G_DBUS_CONNECTION (source), result, &error);

  if (reply == NULL)
    {
      /* No systemd on this bus (a test's bus, another init): the files
       * alone take effect at the next login. */
      g_debug ("systemd's user manager did not answer: %s", error->message);
      return;
    }
  if (then != NULL)
    g_dbus_connection_call (G_DBUS_CONNECTION (source), "org.freedesktop.systemd1",
                            "/org/freedesktop/systemd1", "org.freedesktop.systemd1.Manager",
                            then, g_variant_new ("(ss)", UNIT_NAME ".timer", "replace"), NULL,
                            G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, on_manager_called_cb, NULL);
}

/* Asks the running user manager to read the unit files again and then
 * start or stop the timer, so the change holds now and not only from the
 * next login. */
static void
tell_user_manager (gboolean on)
{
  GApplication *app = g_application_get_default ();
  GDBusConnection *bus = app != NULL ? g_application_get_dbus_connection (app) : NULL;

  if (bus == NULL)
    return;
  g_dbus_connection_call (bus, "org.freedesktop.systemd1", "/org/freedesktop/systemd1",
                          "org.freedesktop.systemd1.Manager", "Reload", NULL, NULL,
                          G_DBUS_CALL_FLAGS_NO_AUTO_START, -1, NULL, on_manager_called_cb,
                          g_strdup (on ? "StartUnit" : "StopUnit"));
}

/**
 * rd_reminder_schedule_set:
 * @kind: how to run reminders, when @on
 *
 * Turns reminders while Redress is closed on (with @kind, replacing the
 * other kind if it was there) or off (both kinds).
 */
gboolean
rd_reminder_schedule_set (RdReminderScheduleKind   kind,
                          gboolean                 on,
                          GError                 **error)
{
  gboolean had_timer;
  g_autofree char *link = wants_link_path ();

  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  had_timer = g_file_test (link, G_FILE_TEST_EXISTS);
  if (!remove_all (error))
    return FALSE;
  if (on && kind == RD_REMINDER_SCHEDULE_TIMER)
    {
      if (!write_timer (error))
        return FALSE;
      tell_user_manager (TRUE);
    }
  else if (on && !write_autostart (error))
    return FALSE;
  if (!on && had_timer)
    tell_user_manager (FALSE);
  return TRUE;
}
