/* test-lock.c: Lock hides every case (the widget tree of a locked window
 * holds none of the case's text), unlocks with the passphrase only, locks
 * by itself when idle, and the preferences set the passphrase.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "rd-application.h"
#include "rd-lock.h"
#include "rd-preferences-window.h"
#include "rd-reminder-schedule.h"
#include "rd-window.h"
#include "rd-test-gui.h"

#define MARKER "Wyn4Client"

static gboolean
contains (const char *text)
{
  return text != NULL && strstr (text, MARKER) != NULL;
}

/* Every text a widget shows or tells assistive technology. */
static gboolean
tree_mentions_marker (GtkWidget *widget)
{
  if (contains (gtk_widget_get_tooltip_text (widget)) ||
      (GTK_IS_LABEL (widget) && contains (gtk_label_get_text (GTK_LABEL (widget)))) ||
      (GTK_IS_BUTTON (widget) && contains (gtk_button_get_label (GTK_BUTTON (widget)))) ||
      (GTK_IS_EDITABLE (widget) && contains (gtk_editable_get_text (GTK_EDITABLE (widget)))) ||
      (GTK_IS_WINDOW (widget) && contains (gtk_window_get_title (GTK_WINDOW (widget)))) ||
      (ADW_IS_WINDOW_TITLE (widget) && (contains (adw_window_title_get_title (ADW_WINDOW_TITLE (widget))) ||
                                        contains (adw_window_title_get_subtitle (ADW_WINDOW_TITLE (widget))))) ||
      (ADW_IS_VIEW_SWITCHER_TITLE (widget) &&
       (contains (adw_view_switcher_title_get_title (ADW_VIEW_SWITCHER_TITLE (widget))) ||
        contains (adw_view_switcher_title_get_subtitle (ADW_VIEW_SWITCHER_TITLE (widget))))) ||
      (ADW_IS_PREFERENCES_ROW (widget) && contains (adw_preferences_row_get_title (ADW_PREFERENCES_ROW (widget)))) ||
      (ADW_IS_STATUS_PAGE (widget) && (contains (adw_status_page_get_title (ADW_STATUS_PAGE (widget))) ||
                                       contains (adw_status_page_get_description (ADW_STATUS_PAGE (widget))))))
    return TRUE;

  if (GTK_IS_TEXT_VIEW (widget))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (widget));
      GtkTextIter start, end;
      g_autofree char *text = NULL;

      gtk_text_buffer_get_bounds (buffer, &start, &end);
      text = gtk_text_buffer_get_text (buffer, &start, &end, TRUE);
      if (contains (text))
        return TRUE;
    }

  for (GtkWidget *child = gtk_widget_get_first_child (widget);
       child != NULL;
       child = gtk_widget_get_next_sibling (child))
    if (tree_mentions_marker (child))
      return TRUE;
  return FALSE;
}

/* The window, and every window of the app that is on screen. */
static gboolean
screen_mentions_marker (GtkWindow *window)
{
  g_autoptr(GList) toplevels = gtk_window_list_toplevels ();

  if (tree_mentions_marker (GTK_WIDGET (window)))
    return TRUE;
  for (GList *l = toplevels; l != NULL; l = l->next)
    if (gtk_widget_get_visible (l->data) && tree_mentions_marker (l->data))
      return TRUE;
  return FALSE;
}

static gint64
make_case (const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(RdStore) store = rd_store_open (dir, &error);
  g_autoptr(RdCase) rcase = rd_case_new ();
  g_autoptr(RdIncident) incident = rd_incident_new ();
  g_autoptr(GDateTime) when = g_date_time_new_local (2024, 3, 2, 23, 15, 0);

  g_assert_no_error (error);
  rd_case_set_title (rcase, "Noise " MARKER);
  rd_case_set_resident_name (rcase, "Resident " MARKER);
  rd_case_set_address (rcase, "1 " MARKER " Road");
  g_assert_true (rd_store_save_case (store, rcase, &error));
  g_assert_no_error (error);
  rd_incident_set_case_id (incident, rd_case_get_id (rcase));
  rd_incident_set_starts_at (incident, when);
  rd_incident_set_description (incident, "Music all night at " MARKER);
  g_assert_true (rd_store_save_incident (store, incident, NULL, &error));
  g_assert_no_error (error);
  return rd_case_get_id (rcase);
}

static gboolean
is_unlocked (gpointer data)
{
  return !rd_lock_get_locked (data);
}

static gboolean
is_locked (gpointer data)
{
  return rd_lock_get_locked (data);
}

static gboolean
says_wrong_passphrase (gpointer data)
{
  return gtk_widget_get_visible (data) &&
         strstr (gtk_label_get_text (data), "not the passphrase") != NULL;
}

static void
test_lock_hides_everything (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = NULL;
  RdWindow *window;
  RdLock *lock;
  GtkWindow *dialog;

  make_case (dir);
  app = rd_test_gui_app_new (dir);
  window = rd_test_gui_window_new (app, 0, 0);
  g_assert_nonnull (rd_window_get_case (window));

  dialog = rd_window_show_case_dialog (window, rd_window_get_case (window));
  rd_test_gui_iterate ();
  /* The check can see the case, or its passing below proves nothing. */
  g_assert_true (tree_mentions_marker (GTK_WIDGET (window)));
  g_assert_true (tree_mentions_marker (GTK_WIDGET (dialog)));

  lock = rd_window_get_lock (window);
  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  rd_test_gui_iterate ();
  g_assert_true (rd_lock_get_locked (lock));
  g_assert_false (screen_mentions_marker (GTK_WINDOW (window)));
  g_assert_false (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_nonnull (rd_test_gui_find_by_id (GTK_WIDGET (window), "unlock_button"));
  g_assert_null (rd_test_gui_find_by_id (GTK_WIDGET (window), "view_stack"));
  g_assert_null (strstr (gtk_window_get_title (GTK_WINDOW (window)), MARKER));

  /* Shortcuts open nothing while locked. */
  gtk_widget_activate_action (GTK_WIDGET (window), "win.case-details", NULL);
  gtk_widget_activate_action (GTK_WIDGET (window), "win.new-incident", NULL);
  g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample-case", NULL);
  rd_test_gui_iterate ();
  g_assert_false (screen_mentions_marker (GTK_WINDOW (window)));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-sample-case"));
  g_assert_false (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "preferences"));

  /* No passphrase set: the button unlocks, and everything is back. */
  g_signal_emit_by_name (rd_test_gui_find_by_id (GTK_WIDGET (window), "unlock_button"), "clicked");
  g_assert_true (rd_test_gui_wait_until (is_unlocked, lock, 5000));
  rd_test_gui_iterate ();
  g_assert_true (tree_mentions_marker (GTK_WIDGET (window)));
  g_assert_true (gtk_widget_get_visible (GTK_WIDGET (dialog)));
  g_assert_true (g_action_group_get_action_enabled (G_ACTION_GROUP (app), "open-sample-case"));

  gtk_window_destroy (dialog);
  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

/* Locking and unlocking by the keyboard leaves the focus where it was. */
static void
test_focus_comes_back (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = NULL;
  RdWindow *window;
  RdLock *lock;
  GtkWidget *menu_button;

  make_case (dir);
  app = rd_test_gui_app_new (dir);
  window = rd_test_gui_window_new (app, 0, 0);
  lock = rd_window_get_lock (window);
  menu_button = rd_test_gui_find_by_id (GTK_WIDGET (window), "menu_button");
  g_assert_true (gtk_widget_grab_focus (menu_button));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), menu_button) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == menu_button);

  g_assert_true (gtk_widget_activate_action (GTK_WIDGET (window), "win.lock", NULL));
  rd_test_gui_iterate ();
  g_assert_true (rd_lock_get_locked (lock));
  g_signal_emit_by_name (rd_test_gui_find_by_id (GTK_WIDGET (window), "unlock_button"), "clicked");
  g_assert_true (rd_test_gui_wait_until (is_unlocked, lock, 5000));
  rd_test_gui_iterate ();
  g_assert_nonnull (gtk_root_get_focus (GTK_ROOT (window)));
  g_assert_true (gtk_widget_is_ancestor (gtk_root_get_focus (GTK_ROOT (window)), menu_button) ||
                 gtk_root_get_focus (GTK_ROOT (window)) == menu_button);

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static void
test_unlock_needs_passphrase (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *hash = rd_passphrase_hash ("open sesame 42", &error);
  RdWindow *window;
  RdLock *lock;
  GtkWidget *entry, *error_label;

  g_assert_no_error (error);
  make_case (dir);
  app = rd_test_gui_app_new (dir);
  g_assert_true (rd_store_set_lock_hash (rd_application_get_store (app), hash, &error));
  window = rd_test_gui_window_new (app, 0, 0);
  lock = rd_window_get_lock (window);

  rd_lock_lock (lock);
  rd_test_gui_iterate ();
  entry = rd_test_gui_find_by_id (GTK_WIDGET (window), "passphrase_entry");
  error_label = rd_test_gui_find_by_id (GTK_WIDGET (window), "error_label");
  g_assert_true (gtk_widget_get_visible (entry));

  /* The button alone does not unlock. */
  g_signal_emit_by_name (rd_test_gui_find_by_id (GTK_WIDGET (window), "unlock_button"), "clicked");
  rd_test_gui_iterate ();
  g_assert_true (rd_lock_get_locked (lock));
  g_assert_true (gtk_widget_get_visible (error_label));

  gtk_editable_set_text (GTK_EDITABLE (entry), "open sesame 43");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (rd_test_gui_wait_until (says_wrong_passphrase, error_label, 5000));
  g_assert_true (rd_lock_get_locked (lock));
  g_assert_false (screen_mentions_marker (GTK_WINDOW (window)));
  g_assert_cmpstr (gtk_editable_get_text (GTK_EDITABLE (entry)), ==, "");

  gtk_editable_set_text (GTK_EDITABLE (entry), "open sesame 42");
  g_signal_emit_by_name (entry, "activate");
  g_assert_true (rd_test_gui_wait_until (is_unlocked, lock, 5000));
  rd_test_gui_iterate ();
  g_assert_true (tree_mentions_marker (GTK_WIDGET (window)));

  /* Guessing: after five wrong tries in a row, even the right one must
   * wait, longer each time. */
  rd_lock_lock (lock);
  rd_test_gui_iterate ();
  entry = rd_test_gui_find_by_id (GTK_WIDGET (window), "passphrase_entry");
  error_label = rd_test_gui_find_by_id (GTK_WIDGET (window), "error_label");
  for (guint i = 0; i < 5; i++)
    {
      gtk_label_set_text (GTK_LABEL (error_label), "");
      gtk_editable_set_text (GTK_EDITABLE (entry), "guess");
      g_signal_emit_by_name (entry, "activate");
      g_assert_true (rd_test_gui_wait_until (says_wrong_passphrase, error_label, 5000));
    }
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "wait 15 seconds"));
  gtk_editable_set_text (GTK_EDITABLE (entry), "open sesame 42");
  g_signal_emit_by_name (entry, "activate");
  rd_test_gui_iterate ();
  g_assert_true (rd_lock_get_locked (lock));
  g_assert_nonnull (strstr (gtk_label_get_text (GTK_LABEL (error_label)), "more second"));
  g_assert_false (screen_mentions_marker (GTK_WINDOW (window)));

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static void
test_idle_lock (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = NULL;
  g_autoptr(GError) error = NULL;
  RdWindow *window;
  RdLock *lock;

  make_case (dir);
  app = rd_test_gui_app_new (dir);
  /* The setting reaches the lock through the store. */
  g_assert_true (rd_store_set_lock_idle_minutes (rd_application_get_store (app), 10, &error));
  window = rd_test_gui_window_new (app, 0, 0);
  lock = rd_window_get_lock (window);
  g_assert_cmpuint (rd_lock_get_idle_timeout (lock), ==, 600);
  g_assert_true (rd_store_set_lock_idle_minutes (rd_application_get_store (app), 0, &error));
  g_assert_cmpuint (rd_lock_get_idle_timeout (lock), ==, 0);

  rd_lock_set_idle_timeout (lock, 1);
  g_assert_true (rd_test_gui_wait_until (is_locked, lock, 5000));
  g_assert_false (screen_mentions_marker (GTK_WINDOW (window)));

  /* Closed while locked: it goes away cleanly, still showing nothing. */

  gtk_window_destroy (GTK_WINDOW (window));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static gboolean
store_has_hash (gpointer data)
{
  g_autofree char *hash = rd_store_dup_lock_hash (data);

  return hash != NULL;
}

static void
test_preferences_set_passphrase (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  RdStore *store = rd_application_get_store (app);
  RdPreferencesWindow *prefs = rd_preferences_window_new (NULL, store);
  g_autofree char *hash = NULL;
  GtkWidget *save;

  gtk_window_present (GTK_WINDOW (prefs));
  rd_test_gui_iterate ();
  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (prefs), "new_entry")),
                         "river stone 7");
  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (prefs), "confirm_entry")),
                         "river stone 8");
  save = rd_test_gui_find_by_id (GTK_WIDGET (prefs), "save_button");
  g_signal_emit_by_name (save, "clicked");
  rd_test_gui_iterate ();
  g_assert_false (store_has_hash (store));

  gtk_editable_set_text (GTK_EDITABLE (rd_test_gui_find_by_id (GTK_WIDGET (prefs), "confirm_entry")),
                         "river stone 7");
  g_signal_emit_by_name (save, "clicked");
  g_assert_true (rd_test_gui_wait_until (store_has_hash, store, 10000));
  hash = rd_store_dup_lock_hash (store);
  g_assert_true (rd_passphrase_verify (hash, "river stone 7"));

  gtk_window_destroy (GTK_WINDOW (prefs));
  rd_test_gui_iterate ();
  rd_test_gui_remove_tree (dir);
}

static char *config_dir;   /* XDG_CONFIG_HOME: the reminders' files go there */

static char *
config_file (const char *first,
             ...)
{
  g_autoptr(GPtrArray) parts = g_ptr_array_new ();
  va_list args;

  g_ptr_array_add (parts, config_dir);
  va_start (args, first);
  for (const char *part = first; part != NULL; part = va_arg (args, const char *))
    g_ptr_array_add (parts, (char *) part);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

static gboolean
file_says (const char *path,
           const char *text)
{
  g_autofree char *contents = NULL;

  return g_file_get_contents (path, &contents, NULL, NULL) && strstr (contents, text) != NULL;
}

/*
 * "Remind me when Redress is closed" writes what runs `redress-cli
 * remind` (a systemd user timer, or an autostart entry where there is no
 * systemd) and removes it again; "Show case details in reminders" is the
 * setting redress-cli reads, off at first.
 */
static void
test_preferences_reminders (void)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-gui-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_test_gui_app_new (dir);
  g_autoptr(GSettings) settings = g_settings_new (APP_ID);
  RdPreferencesWindow *prefs = rd_preferences_window_new (NULL, rd_application_get_store (app));
  g_autofree char *timer = config_file ("systemd", "user", "app.redress.Redress-remind.timer", NULL);
  g_autofree char *service = config_file ("systemd", "user", "app.redress.Redress-remind.service", NULL);
  g_autofree char *wants = config_file ("systemd", "user", "timers.target.wants",
                                        "app.redress.Redress-remind.timer", NULL);
  g_autofree char *autostart = config_file ("autostart", "app.redress.Redress-remind.desktop", NULL);
  g_autoptr(GError) error = NULL;
  GtkSwitch *remind, *details;

  gtk_window_present (GTK_WINDOW (prefs));
  rd_test_gui_iterate ();
  remind = GTK_SWITCH (rd_test_gui_find_by_id (GTK_WIDGET (prefs), "remind_closed_switch"));
  details = GTK_SWITCH (rd_test_gui_find_by_id (GTK_WIDGET (prefs), "details_switch"));
  g_assert_false (gtk_switch_get_active (remind));
  g_assert_false (gtk_switch_get_active (details));
  g_assert_false (rd_reminder_schedule_is_on ());

  /* On from the window: whichever way suits this computer. */
  gtk_switch_set_active (remind, TRUE);
  rd_test_gui_iterate ();
  g_assert_true (rd_reminder_schedule_is_on ());
  g_assert_true (file_says (service, "ExecStart=redress-cli remind") ||
                 file_says (autostart, "Exec=redress-cli remind"));
  gtk_switch_set_active (remind, FALSE);
  rd_test_gui_iterate ();
  g_assert_false (rd_reminder_schedule_is_on ());
  g_assert_false (g_file_test (service, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));

  gtk_switch_set_active (details, TRUE);
  g_assert_true (g_settings_get_boolean (settings, "reminder-details"));
  gtk_switch_set_active (details, FALSE);
  gtk_window_destroy (GTK_WINDOW (prefs));
  rd_test_gui_iterate ();

  /* Each way: a timer enabled as `systemctl --user enable` does, a few
   * times a day; an autostart entry instead of it; then neither. */
  g_assert_true (rd_reminder_schedule_set (RD_REMINDER_SCHEDULE_TIMER, TRUE, &error));
  g_assert_no_error (error);
  g_assert_true (file_says (timer, "OnCalendar=*-*-* 08,12,16,20:00"));
  g_assert_true (file_says (timer, "WantedBy=timers.target"));
  g_assert_true (file_says (service, "ExecStart=redress-cli remind"));
  g_assert_true (g_file_test (wants, G_FILE_TEST_EXISTS));
  g_assert_true (file_says (wants, "Persistent=true"));   /* the link reaches the timer */
  g_assert_true (rd_reminder_schedule_is_on ());
  g_assert_true (rd_reminder_schedule_set (RD_REMINDER_SCHEDULE_AUTOSTART, TRUE, &error));
  g_assert_true (file_says (autostart, "Exec=redress-cli remind"));
  g_assert_false (g_file_test (timer, G_FILE_TEST_EXISTS));
  g_assert_false (g_file_test (wants, G_FILE_TEST_EXISTS));
  g_assert_true (rd_reminder_schedule_is_on ());
  g_assert_true (rd_reminder_schedule_set (RD_REMINDER_SCHEDULE_TIMER, FALSE, &error));
  g_assert_false (g_file_test (autostart, G_FILE_TEST_EXISTS));
  g_assert_false (rd_reminder_schedule_is_on ());

  rd_test_gui_remove_tree (dir);
}

int
main (int   argc,
      char *argv[])
{
  int status;

  /* Before GLib reads it: the test's reminders never reach the real one. */
  config_dir = g_dir_make_tmp ("redress-gui-config-XXXXXX", NULL);
  g_setenv ("XDG_CONFIG_HOME", config_dir, TRUE);
  rd_test_gui_init (&argc, &argv);

  g_test_add_func ("/lock/hides-everything", test_lock_hides_everything);
  g_test_add_func ("/lock/focus-comes-back", test_focus_comes_back);
  g_test_add_func ("/lock/needs-passphrase", test_unlock_needs_passphrase);
  g_test_add_func ("/lock/idle", test_idle_lock);
  g_test_add_func ("/lock/preferences", test_preferences_set_passphrase);
  g_test_add_func ("/lock/preferences-reminders", test_preferences_reminders);

  status = g_test_run ();
  rd_test_gui_remove_tree (config_dir);
  g_free (config_dir);
  return status;
}
