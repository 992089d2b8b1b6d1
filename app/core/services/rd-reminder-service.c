/* rd-reminder-service.c: which deadline alerts are new, and the words of their notifications.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The window's notifier (while Redress runs) and `redress-cli remind`
 * (while it is closed) both tell the resident about deadlines through
 * this file, so a deadline told by one is never told again by the other:
 * what was told is kept in the GSettings key "notified-deadlines", which
 * both read and write. The data folders to look at when Redress is closed
 * are kept in "data-folders", which the window and the CLI add to when
 * they open one.
 */
#define G_LOG_DOMAIN "rd-reminder-service"

#include "config.h"

#include "rd-gettext.h"
#include "rd-deadline-service.h"
#include "rd-reminder-service.h"

/* Deadlines told, and data folders, kept at most: the oldest go first. */
#define KEEP_KEYS     500
#define KEEP_FOLDERS  100

void
rd_reminder_free (RdReminder *reminder)
{
  if (reminder == NULL)
    return;
  g_free (reminder->id);
  g_free (reminder->title);
  g_free (reminder->body);
  g_free (reminder->data_dir);
  g_free (reminder);
}

static GPtrArray *
dup_strv_setting (GSettings  *settings,
                  const char *key)
{
  g_auto(GStrv) values = g_settings_get_strv (settings, key);
  GPtrArray *array = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; values[i] != NULL; i++)
    g_ptr_array_add (array, g_strdup (values[i]));
  return array;
}

/* Writes @values back, keeping only the last @keep of them. */
static void
set_strv_setting (GSettings  *settings,
                  const char *key,
                  GPtrArray  *values,
                  guint       keep)
{
  guint first = values->len > keep ? values->len - keep : 0;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  g_auto(GStrv) strv = NULL;

  for (guint i = first; i < values->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (values, i));
  strv = g_strv_builder_end (builder);
  g_settings_set_strv (settings, key, (const char * const *) strv);
}

static gboolean
contains (GPtrArray  *values,
          const char *value)
{
  return g_ptr_array_find_with_equal_func (values, value, g_str_equal, NULL);
}

/* The keys already told, to look each alert up in constant time: a case
 * of years has thousands of deadlines, and a pass over every key told for
 * each of them froze the window for the best part of a second. */
static GHashTable *
key_set_new (GPtrArray *values)
{
  GHashTable *set = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < values->len; i++)
    g_hash_table_add (set, g_ptr_array_index (values, i));
  return set;
}

static void
word_reminder (RdReminder            *reminder,
               const RdDeadlineAlert *alert,
               RdReminderWording      wording)
{
  if (wording == RD_REMINDER_PRIVATE)
    {
      /* Whoever can see the screen (locked, or shared) must not learn
       * whose case it is nor what happened: only that there is something. */
      reminder->title = g_strdup (alert->overdue
                                  ? UI_("A deadline in one of your cases is overdue")
                                  : UI_("A deadline in one of your cases is due by the next working day"));
      reminder->body = g_strdup (UI_("Open Redress to see which one and what to do next."));
      return;
    }
  if (alert->overdue)
    /* Translators: a notification's title, "Overdue: Stage 1 response" */
    reminder->title = g_strdup_printf (UI_("Overdue: %s"), alert->title);
  else
    /* Translators: a notification's title, "Due next working day: Stage 1 response" */
    reminder->title = g_strdup_printf (UI_("Due next working day: %s"), alert->title);
  /* Translators: a notification's text, "Noise from Flat 6: 5 working days late. Send a chaser…" */
  reminder->body = g_strdup_printf (UI_("%s: %s. %s"), alert->case_title, alert->status_text,
                                    alert->advice);
}

/* Writes back what has been told: the keys of every alert still current
 * last, so that however many a data folder's cases have (an adviser's
 * hundred cases can have more than KEEP_KEYS overdue at once), none of
 * them is dropped and told again at the next change; of the keys no
 * longer current, the newest, up to KEEP_KEYS in all. @told holds the
 * keys read (the first @n_read) and then the new ones. */
static void
keep_told (GSettings *settings,
           GPtrArray *told,
           guint      n_read,
           GPtrArray *current)
{
  g_autoptr(GHashTable) current_set = key_set_new (current);
  g_autoptr(GPtrArray) kept = g_ptr_array_new ();

  for (guint i = 0; i < n_read; i++)
    if (!g_hash_table_contains (current_set, g_ptr_array_index (told, i)))
      g_ptr_array_add (kept, g_ptr_array_index (told, i));
  g_ptr_array_extend (kept, current, NULL, NULL);
  set_strv_setting (settings, "notified-deadlines", kept, MAX (KEEP_KEYS, current->len));
}

/* rd_reminders_take_new() for the data folder whose database is @path:
 * only strings of the store, so that a worker can do it. */
static GPtrArray *
take_new_for (GSettings         *settings,
              const char        *path,
              const char        *data_dir,
              GPtrArray         *alerts,
              RdReminderWording  wording,
              GCancellable      *cancellable,
              GError           **error)
{
  g_autoptr(GPtrArray) told = NULL;
  g_autoptr(GHashTable) told_set = NULL;
  g_autoptr(GPtrArray) current = NULL;
  g_autoptr(GPtrArray) reminders = NULL;
  guint before;

  told = dup_strv_setting (settings, "notified-deadlines");
  before = told->len;
  told_set = key_set_new (told);
  current = g_ptr_array_new_with_free_func (g_free);
  reminders = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_reminder_free);
  for (guint i = 0; i < alerts->len; i++)
    {
      const RdDeadlineAlert *alert = g_ptr_array_index (alerts, i);
      g_autofree char *key = NULL;
      RdReminder *reminder;

      /* The database's path makes a case number of one data folder
       * different from the same number in another. */
      key = g_strdup_printf ("%s|%" G_GINT64_FORMAT "|%s|%s", path,
                             alert->case_id, alert->key, alert->overdue ? "overdue" : "next-day");
      g_ptr_array_add (current, g_strdup (key));
      if (g_hash_table_contains (told_set, key))
        continue;

      reminder = g_new0 (RdReminder, 1);
      reminder->id = g_compute_checksum_for_string (G_CHECKSUM_SHA1, key, -1);
      reminder->data_dir = g_strdup (data_dir);
      reminder->case_id = alert->case_id;
      reminder->overdue = alert->overdue;
      word_reminder (reminder, alert, wording);
      g_ptr_array_add (reminders, reminder);
      /* The array owns the key; the set only looks at it. */
      g_hash_table_add (told_set, key);
      g_ptr_array_add (told, g_steal_pointer (&key));
    }
  /* Recorded as told, they must be sent: a caller gone meanwhile would not. */
  if (g_cancellable_set_error_if_cancelled (cancellable, error))
    return NULL;
  if (told->len != before)
    keep_told (settings, told, before, current);
  return g_steal_pointer (&reminders);
}

/**
 * rd_reminders_take_new:
 * @settings: the application's settings, which keep what was told
 * @alerts: (element-type RdDeadlineAlert): what
 *   rd_deadline_alerts_collect() found in @store, in the order to tell
 * @wording: how much of the case the reminders may show
 *
 * Picks the alerts not told before (each deadline is told once as due by
 * the next working day and once as overdue), words a reminder for each,
 * and records them in @settings as told: call it only when they are
 * going to be sent.
 *
 * Returns: (transfer full) (element-type RdReminder): the new reminders,
 *   perhaps none
 */
GPtrArray *
rd_reminders_take_new (GSettings         *settings,
                       RdStore           *store,
                       GPtrArray         *alerts,
                       RdReminderWording  wording)
{
  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);
  g_return_val_if_fail (RD_IS_STORE (store), NULL);
  g_return_val_if_fail (alerts != NULL, NULL);

  return take_new_for (settings, rd_store_get_path (store), rd_store_get_data_dir (store), alerts,
                       wording, NULL, NULL);
}

typedef struct
{
  GSettings         *settings;
  char              *path;
  char              *data_dir;
  GPtrArray         *alerts;
  RdReminderWording  wording;
} TakeNewJob;

static void
take_new_job_free (gpointer data)
{
  TakeNewJob *job = data;

  g_clear_object (&job->settings);
  g_free (job->path);
  g_free (job->data_dir);
  g_clear_pointer (&job->alerts, g_ptr_array_unref);
  g_free (job);
}

static void
take_new_in_thread (GTask        *task,
                    gpointer      source_object,
                    gpointer      task_data,
                    GCancellable *cancellable)
{
  TakeNewJob *job = task_data;
  GError *error = NULL;
  GPtrArray *reminders = take_new_for (job->settings, job->path, job->data_dir, job->alerts,
                                       job->wording, cancellable, &error);

  if (reminders == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, reminders, (GDestroyNotify) g_ptr_array_unref);
}

/**
 * rd_reminders_take_new_async:
 * @alerts: (element-type RdDeadlineAlert): as for rd_reminders_take_new();
 *   the alerts must stay as they are until @callback runs
 *
 * rd_reminders_take_new() off the calling thread: with thousands of
 * deadlines, making each one's key and writing them all back to @settings
 * held the window's main loop for tens of milliseconds. Cancelled before
 * it records the reminders as told, it records nothing and finishes with
 * %G_IO_ERROR_CANCELLED; otherwise their caller gets them from
 * rd_reminders_take_new_finish() and must send them.
 */
void
rd_reminders_take_new_async (GSettings           *settings,
                             RdStore             *store,
                             GPtrArray           *alerts,
                             RdReminderWording    wording,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  g_autoptr(GTask) task = NULL;
  TakeNewJob *job;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (RD_IS_STORE (store));
  g_return_if_fail (alerts != NULL);

  job = g_new0 (TakeNewJob, 1);
  job->settings = g_object_ref (settings);
  job->path = g_strdup (rd_store_get_path (store));
  job->data_dir = g_strdup (rd_store_get_data_dir (store));
  job->alerts = g_ptr_array_ref (alerts);
  job->wording = wording;
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, rd_reminders_take_new_async);
  g_task_set_check_cancellable (task, FALSE);
  g_task_set_task_data (task, job, take_new_job_free);
  g_task_run_in_thread (task, take_new_in_thread);
}

/**
 * rd_reminders_take_new_finish:
 *
 * Returns: (transfer full) (element-type RdReminder): the new reminders,
 *   perhaps none
 */
GPtrArray *
rd_reminders_take_new_finish (GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  g_return_val_if_fail (g_task_get_source_tag (G_TASK (result)) == rd_reminders_take_new_async, NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * rd_reminders_summarise:
 * @reminders: (element-type RdReminder): reminders about to be sent
 *
 * A handful of reminders are sent one by one; more than
 * %RD_REMINDERS_MAX_SINGLE at once would flood the screen, so they become
 * one notification that says how many. It names no case.
 *
 * Returns: (transfer full) (element-type RdReminder): what to send
 */
GPtrArray *
rd_reminders_summarise (GPtrArray *reminders)
{
  GPtrArray *to_send;
  RdReminder *summary;

  g_return_val_if_fail (reminders != NULL, NULL);

  if (reminders->len <= RD_REMINDERS_MAX_SINGLE)
    return g_ptr_array_ref (reminders);

  summary = g_new0 (RdReminder, 1);
  summary->id = g_strdup (RD_REMINDERS_SUMMARY_ID);
  summary->title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u deadline needs attention",
                                                 "%u deadlines need attention", reminders->len),
                                    reminders->len);
  summary->body = g_strdup (UI_("Some are overdue and some are due by the next working day. Open each "
                                "case’s What Next page to see them."));
  to_send = g_ptr_array_new_with_free_func ((GDestroyNotify) rd_reminder_free);
  g_ptr_array_add (to_send, summary);
  return to_send;
}

/**
 * rd_reminder_new_notification:
 *
 * The desktop notification for @reminder. Clicking it runs the
 * application's "app.open-case" action with the data folder and the case
 * number, which the window and `redress-cli remind` send alike; a summary
 * just brings Redress up.
 *
 * Returns: (transfer full): a new #GNotification
 */
GNotification *
rd_reminder_new_notification (const RdReminder *reminder)
{
  GNotification *notification;

  g_return_val_if_fail (reminder != NULL, NULL);

  notification = g_notification_new (reminder->title);
  g_notification_set_body (notification, reminder->body);
  g_notification_set_priority (notification, G_NOTIFICATION_PRIORITY_HIGH);
  if (reminder->data_dir != NULL && reminder->case_id > 0)
    g_notification_set_default_action_and_target (notification, "app.open-case", "(sx)",
                                                   reminder->data_dir, reminder->case_id);
  return notification;
}

/* A folder still has its cases while its database is there. */
static gboolean
folder_has_cases (const char *data_dir)
{
  g_autofree char *path = rd_store_dup_database_path (data_dir);

  return g_file_test (path, G_FILE_TEST_IS_REGULAR);
}

/**
 * rd_data_folders_list:
 *
 * The data folders Redress or redress-cli has opened, oldest first. Those
 * whose case file is gone (a USB stick's folder deleted, a test's scratch
 * folder) are left out, and dropped from @settings.
 *
 * Returns: (transfer full): the folders
 */
GStrv
rd_data_folders_list (GSettings *settings)
{
  g_autoptr(GPtrArray) folders = NULL;
  g_autoptr(GStrvBuilder) builder = g_strv_builder_new ();
  guint before;

  g_return_val_if_fail (G_IS_SETTINGS (settings), NULL);

  folders = dup_strv_setting (settings, "data-folders");
  before = folders->len;
  for (guint i = 0; i < folders->len;)
    if (folder_has_cases (g_ptr_array_index (folders, i)))
      i++;
    else
      g_ptr_array_remove_index (folders, i);
  if (folders->len != before)
    set_strv_setting (settings, "data-folders", folders, KEEP_FOLDERS);
  for (guint i = 0; i < folders->len; i++)
    g_strv_builder_add (builder, g_ptr_array_index (folders, i));
  return g_strv_builder_end (builder);
}

/**
 * rd_data_folders_note:
 * @data_dir: an absolute path
 *
 * Remembers that @data_dir was opened, so that reminders look there when
 * Redress is closed.
 */
void
rd_data_folders_note (GSettings  *settings,
                      const char *data_dir)
{
  g_autoptr(GPtrArray) folders = NULL;

  g_return_if_fail (G_IS_SETTINGS (settings));
  g_return_if_fail (data_dir != NULL && g_path_is_absolute (data_dir));

  folders = dup_strv_setting (settings, "data-folders");
  if (contains (folders, data_dir))
    return;
  g_ptr_array_add (folders, g_strdup (data_dir));
  set_strv_setting (settings, "data-folders", folders, KEEP_FOLDERS);
}
