/* test-remind.c: redress-cli remind, run as a program, sending to a stand-in notification server.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Runs inside its own session bus (dbus-run-session, see meson.build),
 * where this test owns org.freedesktop.Notifications and records every
 * Notify call. There is no portal and no GNOME Shell on that bus, so GLib
 * sends redress-cli's GNotifications through the freedesktop interface:
 * what is counted here is what a desktop would show. Settings are a key
 * file in a scratch XDG_CONFIG_HOME, so that runs remember, as dconf
 * does on a desktop; "today" is fixed with REDRESS_TODAY.
 */
#include "config.h"

#include <glib/gstdio.h>
#include <string.h>

#include "rd-core.h"
#include "rd-test-notify.h"

static GPtrArray *shown;          /* RdTestNotification, every Notify call */
static char *config_dir;          /* the scratch XDG_CONFIG_HOME */
static char *work_dir;

static void
wait_for (gboolean *flag)
{
  gint64 end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;

  while (!*flag && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (*flag);
}

typedef struct {
  gboolean  done;
  char     *out;
  char     *err;
  int       status;
} Run;

static void
on_communicated_cb (GObject      *source,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  g_subprocess_communicate_utf8_finish (G_SUBPROCESS (source), result, &run->out, &run->err, &error);
  g_assert_no_error (error);
  run->status = g_subprocess_get_exit_status (G_SUBPROCESS (source));
  run->done = TRUE;
}

/* Runs redress-cli with @today as the date, serving Notify calls meanwhile. */
static void
run_cli (Run                *run,
         const char         *today,
         const char * const *args)
{
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE |
                                                                       G_SUBPROCESS_FLAGS_STDERR_PIPE);
  g_autoptr(GPtrArray) argv = g_ptr_array_new ();
  g_autoptr(GSubprocess) process = NULL;
  g_autoptr(GError) error = NULL;

  g_ptr_array_add (argv, (char *) g_getenv ("REDRESS_CLI"));
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (char *) args[i]);
  g_ptr_array_add (argv, NULL);
  g_subprocess_launcher_setenv (launcher, "REDRESS_TODAY", today, TRUE);
  process = g_subprocess_launcher_spawnv (launcher, (const char * const *) argv->pdata, &error);
  g_assert_no_error (error);
  g_subprocess_communicate_utf8_async (process, NULL, NULL, on_communicated_cb, run);
  wait_for (&run->done);
}

static void
run_clear (Run *run)
{
  g_clear_pointer (&run->out, g_free);
  g_clear_pointer (&run->err, g_free);
  run->done = FALSE;
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Run, run_clear)

/* Runs `redress-cli remind` on @today, and waits for the @expected
 * notifications it says it sent to reach the server. */
static void
remind (const char *today,
        guint       expected,
        const char *expected_line)
{
  const char *args[] = { "remind", NULL };
  g_auto(Run) run = { 0 };
  guint before = shown->len;
  gint64 end;

  run_cli (&run, today, args);
  g_test_message ("remind on %s:\n%s%s", today, run.out, run.err);
  g_assert_cmpint (run.status, ==, 0);
  g_assert_cmpstr (run.err, ==, "");
  g_assert_nonnull (strstr (run.out, expected_line));
  /* redress-cli flushed its messages before it exited; the bus may hand
   * them on a moment later. */
  end = g_get_monotonic_time () + 10 * G_USEC_PER_SEC;
  while (shown->len < before + expected && g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
  g_assert_cmpuint (shown->len, ==, before + expected);
}

/* Makes a data folder with one case through `redress-cli import`, which
 * also puts the folder on the list remind looks at. */
static char *
make_folder (const char *name,
             const char *case_json)
{
  g_autofree char *dir = g_build_filename (work_dir, name, NULL);
  g_autofree char *file = g_strconcat (dir, ".json", NULL);
  const char *args[] = { "--data-dir", dir, "import", file, NULL };
  g_autoptr(GError) error = NULL;
  g_auto(Run) run = { 0 };

  g_assert_true (g_file_set_contents (file, case_json, -1, &error));
  run_cli (&run, "2024-12-31", args);
  g_test_message ("import: %s", run.err);
  g_assert_cmpint (run.status, ==, 0);
  return g_steal_pointer (&dir);
}

/* A complaint made on @made, with a resident's name, address and diary
 * that must never reach a notification unless details are allowed. */
static char *
case_json (const char *title,
           const char *made)
{
  return g_strdup_printf ("{ \"format\": \"redress-case\", \"version\": 1,\n"
                          "  \"case\": { \"title\": \"%s\", \"resident_name\": \"Amira Okafor\",\n"
                          "              \"address\": \"4 Elm Road, Leeds\" },\n"
                          "  \"incidents\": [ { \"category\": \"noise\", \"starts_at\": \"2024-10-30T23:00\",\n"
                          "                     \"description\": \"Drilling at midnight again\" } ],\n"
                          "  \"complaints\": [ { \"reference\": \"NH-1\", \"events\": [\n"
                          "    { \"kind\": \"made\", \"date\": \"%s\" } ] } ] }\n", title, made);
}

static char *
settings_path (void)
{
  return g_build_filename (config_dir, "glib-2.0", "settings", "keyfile", NULL);
}

static char *
read_setting (const char *key)
{
  g_autofree char *path = settings_path ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_NONE, &error));
  return g_key_file_get_value (keyfile, "app/redress/Redress", key, NULL);
}

static void
write_setting (const char *key,
               const char *value)
{
  g_autofree char *path = settings_path ();
  g_autoptr(GKeyFile) keyfile = g_key_file_new ();
  g_autoptr(GError) error = NULL;

  g_assert_true (g_key_file_load_from_file (keyfile, path, G_KEY_FILE_KEEP_COMMENTS, &error));
  g_key_file_set_value (keyfile, "app/redress/Redress", key, value);
  g_assert_true (g_key_file_save_to_file (keyfile, path, &error));
}

static void
assert_no_case_text (const RdTestNotification *s)
{
  const char *words[] = { "Noise", "Flat 6", "Amira", "Okafor", "Elm Road", "Drilling",
                          "Stage 1", "acknowledg", "November" };

  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    {
      g_assert_null (strstr (s->summary, words[i]));
      g_assert_null (strstr (s->body, words[i]));
    }
}

static const RdTestNotification *
last_shown (void)
{
  g_assert_cmpuint (shown->len, >, 0);
  return g_ptr_array_index (shown, shown->len - 1);
}

/*
 * A complaint made Monday 4 November 2024 must be acknowledged by Monday
 * 11th. On Friday 8th that is due by the next working day: told once, and
 * not again on a second run that day. On Tuesday 12th it is overdue: told
 * once more. A folder locked with an adviser's passphrase, with a deadline
 * long overdue, is never told about; a folder that was deleted is dropped.
 * No case text reaches the screen until the resident allows details.
 */
static void
test_remind (void)
{
  g_autofree char *json_open = case_json ("Noise from Flat 6", "2024-11-04");
  g_autofree char *json_locked = case_json ("Noise from Flat 6", "2024-10-01");
  g_autofree char *json_gone = case_json ("Noise from Flat 6", "2024-10-01");
  g_autofree char *json_later = case_json ("Leak in the bathroom", "2024-11-06");
  g_autofree char *open_dir = make_folder ("open", json_open);
  g_autofree char *locked_dir = make_folder ("locked", json_locked);
  g_autofree char *gone_dir = make_folder ("gone", json_gone);
  g_autofree char *locked_line = g_strdup_printf ("%s: locked with an adviser’s passphrase", locked_dir);
  g_autofree char *hash = NULL;
  g_autofree char *folders = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  const RdTestNotification *s;

  /* An adviser locks one folder; another is deleted. */
  store = rd_store_open (locked_dir, &error);
  g_assert_no_error (error);
  hash = rd_passphrase_hash ("adviser passphrase", &error);
  g_assert_no_error (error);
  g_assert_true (rd_store_set_lock_hash (store, hash, &error));
  g_clear_object (&store);
  {
    const char *rm[] = { "rm", "-rf", gone_dir, NULL };
    int wait_status;

    g_assert_true (g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL,
                                 NULL, &wait_status, &error));
    g_assert_true (g_spawn_check_wait_status (wait_status, &error));
    g_assert_false (g_file_test (gone_dir, G_FILE_TEST_EXISTS));
  }

  /* Friday: due by the next working day, told once, with nothing of the case. */
  remind ("2024-11-08", 1, "Sent 1 notification.");
  s = last_shown ();
  g_assert_cmpstr (s->summary, ==, "A deadline in one of your cases is due by the next working day");
  g_assert_cmpstr (s->desktop_entry, ==, "app.redress.Redress");
  g_assert_true (s->has_default_action);
  assert_no_case_text (s);
  folders = read_setting ("data-folders");
  g_assert_nonnull (strstr (folders, open_dir));
  g_assert_nonnull (strstr (folders, locked_dir));
  g_assert_null (strstr (folders, gone_dir));

  /* The same day again: nothing new. */
  remind ("2024-11-08", 0, "No notification sent.");

  /* Tuesday: overdue, told once more; the locked folder still says nothing. */
  remind ("2024-11-12", 1, locked_line);
  s = last_shown ();
  g_assert_cmpstr (s->summary, ==, "A deadline in one of your cases is overdue");
  assert_no_case_text (s);
  remind ("2024-11-12", 0, "No notification sent.");

  /* With details allowed, a new case's deadline is told with its words;
   * what was told already is not told again in other words. */
  write_setting ("reminder-details", "true");
  {
    g_autofree char *file = g_build_filename (work_dir, "later.json", NULL);
    const char *args[] = { "--data-dir", open_dir, "import", file, NULL };
    g_auto(Run) run = { 0 };

    g_assert_true (g_file_set_contents (file, json_later, -1, &error));
    run_cli (&run, "2024-11-12", args);
    g_assert_cmpint (run.status, ==, 0);
  }
  remind ("2024-11-12", 1, "Sent 1 notification.");
  s = last_shown ();
  g_assert_cmpstr (s->summary, ==, "Due next working day: Stage 1 acknowledgement");
  g_assert_nonnull (strstr (s->body, "Leak in the bathroom"));

  /* Nothing in any of it came from the locked folder: every notification
   * was about the open one (three), and no other was sent. */
  g_assert_cmpuint (shown->len, ==, 3);
}

/* More than three new deadlines at once become one notification that says how many. */
static void
test_remind_summary (void)
{
  g_autoptr(GString) json = g_string_new ("{ \"format\": \"redress-case\", \"version\": 1,\n"
                                          "  \"case\": { \"title\": \"Many complaints\" },\n"
                                          "  \"complaints\": [");
  g_autofree char *dir = NULL;
  g_autofree char *folders = NULL;
  const RdTestNotification *summary;
  guint count;

  for (guint i = 0; i < 5; i++)
    g_string_append_printf (json, "%s { \"reference\": \"R-%u\", \"events\": "
                            "[ { \"kind\": \"made\", \"date\": \"2024-11-0%u\" } ] }",
                            i > 0 ? "," : "", i, 4 + (i % 2));
  g_string_append (json, " ] }\n");
  dir = make_folder ("many", json->str);
  /* Only this folder, so that the count is this case's alone. */
  folders = g_strdup_printf ("['%s']", dir);
  write_setting ("data-folders", folders);
  remind ("2024-12-20", 1, "Sent 1 notification.");
  summary = last_shown ();
  g_assert_true (g_regex_match_simple ("^[0-9]+ deadlines need attention$", summary->summary, 0, 0));
  count = (guint) g_ascii_strtoull (summary->summary, NULL, 10);
  g_assert_cmpuint (count, >=, 5);
  g_assert_false (summary->has_default_action);
  assert_no_case_text (summary);
}

static RdDeadlineAlert *
overdue_alert (gint64 case_id,
               guint  n)
{
  RdDeadlineAlert *alert = g_new0 (RdDeadlineAlert, 1);

  alert->case_id = case_id;
  alert->case_title = g_strdup ("Noise from Flat 6");
  alert->key = g_strdup_printf ("repair-%u", n);
  alert->overdue = TRUE;
  alert->title = g_strdup ("Repair");
  alert->status_text = g_strdup ("Overdue");
  alert->advice = g_strdup ("Chase the landlord.");
  return alert;
}

/* An adviser's hundred cases can have more deadlines overdue at once
 * than the reminders keep of old ones (500): each is told once, and not
 * again at the next change, which used to tell them all again. */
static void
test_remind_many_alerts (void)
{
  const guint n_alerts = 1200;
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_build_filename (work_dir, "many-alerts", NULL);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) one_more = NULL;
  g_autoptr(GPtrArray) after = NULL;
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;

  g_settings_reset (settings, "notified-deadlines");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_deadline_alert_free);
  for (guint i = 0; i < n_alerts; i++)
    g_ptr_array_add (alerts, overdue_alert (1 + i / 12, i));

  first = rd_reminders_take_new (settings, store, alerts, RD_REMINDER_PRIVATE);
  g_assert_cmpuint (first->len, ==, n_alerts);
  again = rd_reminders_take_new (settings, store, alerts, RD_REMINDER_PRIVATE);
  g_assert_cmpuint (again->len, ==, 0);

  /* A new one is told alone, and the rest are still remembered after it. */
  g_ptr_array_add (alerts, overdue_alert (1, n_alerts));
  one_more = rd_reminders_take_new (settings, store, alerts, RD_REMINDER_PRIVATE);
  g_assert_cmpuint (one_more->len, ==, 1);
  after = rd_reminders_take_new (settings, store, alerts, RD_REMINDER_PRIVATE);
  g_assert_cmpuint (after->len, ==, 0);

  g_settings_reset (settings, "notified-deadlines");
}

static void
on_taken_cb (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GAsyncResult **out = user_data;

  *out = g_object_ref (result);
}

static GPtrArray *
take_new_on_worker (GSettings     *settings,
                    RdStore       *store,
                    GPtrArray     *alerts,
                    GCancellable  *cancellable,
                    GError       **error)
{
  g_autoptr(GAsyncResult) result = NULL;

  rd_reminders_take_new_async (settings, store, alerts, RD_REMINDER_PRIVATE, cancellable,
                               on_taken_cb, &result);
  while (result == NULL)
    g_main_context_iteration (NULL, TRUE);
  return rd_reminders_take_new_finish (result, error);
}

/* The window's notifier takes its reminders on a worker, so that a case
 * of thousands of deadlines does not hold the main loop (issue 17): the
 * same reminders, recorded the same way, and nothing recorded when it is
 * cancelled before it could, so that nothing is taken and never sent. */
static void
test_remind_on_worker (void)
{
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  g_autofree char *dir = g_build_filename (work_dir, "on-worker", NULL);
  g_autoptr(GPtrArray) alerts = NULL;
  g_autoptr(GPtrArray) first = NULL;
  g_autoptr(GPtrArray) none = NULL;
  g_autoptr(GPtrArray) again = NULL;
  g_autoptr(GPtrArray) sync_again = NULL;
  g_autoptr(GCancellable) cancelled = g_cancellable_new ();
  g_autoptr(RdStore) store = NULL;
  g_autoptr(GError) error = NULL;
  g_auto(GStrv) told = NULL;

  g_settings_reset (settings, "notified-deadlines");
  g_assert_cmpint (g_mkdir_with_parents (dir, 0700), ==, 0);
  store = rd_store_open (dir, &error);
  g_assert_no_error (error);
  alerts = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_deadline_alert_free);
  for (guint i = 0; i < 30; i++)
    g_ptr_array_add (alerts, overdue_alert (1 + i / 10, i));

  g_cancellable_cancel (cancelled);
  none = take_new_on_worker (settings, store, alerts, cancelled, &error);
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
  g_assert_null (none);
  g_clear_error (&error);
  told = g_settings_get_strv (settings, "notified-deadlines");
  g_assert_cmpuint (g_strv_length (told), ==, 0);

  first = take_new_on_worker (settings, store, alerts, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (first->len, ==, 30);
  g_assert_cmpint (((RdReminder *) first->pdata[29])->case_id, ==, 3);
  g_assert_cmpstr (((RdReminder *) first->pdata[0])->data_dir, ==, rd_store_get_data_dir (store));
  again = take_new_on_worker (settings, store, alerts, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (again->len, ==, 0);
  /* What the worker recorded, the window's check and the command line see. */
  sync_again = rd_reminders_take_new (settings, store, alerts, RD_REMINDER_PRIVATE);
  g_assert_cmpuint (sync_again->len, ==, 0);

  g_settings_reset (settings, "notified-deadlines");
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before anything in GLib reads them. */
  work_dir = g_dir_make_tmp ("redress-remind-XXXXXX", NULL);
  config_dir = g_build_filename (work_dir, "config", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  g_setenv ("GSETTINGS_BACKEND", "keyfile", TRUE);
  g_setenv ("GIO_USE_PORTALS", "0", TRUE);

  g_test_init (&argc, &argv, NULL);
  if (g_getenv ("DBUS_SESSION_BUS_ADDRESS") == NULL)
    {
      g_test_skip ("needs its own session bus: run under dbus-run-session");
      return g_test_run ();
    }
  shown = rd_test_notify_serve ();
  g_test_add_func ("/remind/once-locked-private", test_remind);
  g_test_add_func ("/remind/summary", test_remind_summary);
  g_test_add_func ("/remind/many-alerts", test_remind_many_alerts);
  g_test_add_func ("/remind/on-worker", test_remind_on_worker);
  status = g_test_run ();
  {
    const char *rm[] = { "rm", "-rf", work_dir, NULL };

    g_spawn_sync (NULL, (char **) rm, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL, NULL);
  }
  return status;
}
