/* rd-application.c: the Redress application object: store, actions, windows.
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#define G_LOG_DOMAIN "rd-application"

#include "config.h"

#include <glib/gi18n.h>
#include <glib-unix.h>
#include <signal.h>

#include "rd-application.h"
#include "rd-gui-choice.h"
#include "rd-gui-group-title.h"
#include "rd-gui-window-title.h"
#include "rd-gui-util.h"
#include "rd-help-window.h"
#include "rd-preferences-window.h"
#include "rd-window.h"

struct _RdApplication
{
  AdwApplication  parent_instance;

  char           *data_dir;
  RdStore        *store;
  GError         *store_error;
  RdClock        *clock;
  GSettings      *settings;
  gboolean        shutting_down;
};

G_DEFINE_FINAL_TYPE (RdApplication, rd_application, ADW_TYPE_APPLICATION)

RdApplication *
rd_application_new (GApplicationFlags flags)
{
  return g_object_new (RD_TYPE_APPLICATION,
                       "application-id", APP_ID,
                       "flags", flags,
                       "resource-base-path", "/app/redress/Redress",
                       NULL);
}

/*
 * The store opens lazily, on first use, so that --data-dir from the command
 * line is known by then. A store that cannot open is remembered with its
 * error so that the window can explain it instead of crashing.
 */
RdStore *
rd_application_get_store (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);

  /* Not again once closed for good at shutdown. */
  if (self->store == NULL && self->store_error == NULL && !self->shutting_down)
    {
      self->store = rd_store_open (self->data_dir, &self->store_error);
      if (self->store != NULL)
        {
          rd_store_set_clock (self->store, self->clock);
          /* Reminders while Redress is closed look in every folder it
           * opened. (Made here, not at start: `redress --version` needs
           * no installed schema.) */
          if (self->settings == NULL)
            self->settings = g_settings_new (APP_ID);
          rd_data_folders_note (self->settings, rd_store_get_data_dir (self->store));
        }
    }
  return self->store;
}

/**
 * rd_application_get_clock:
 *
 * The clock every window, page and dialog of the application reads "now"
 * and "today" from, and the store dates its writes by. Tests fix it.
 *
 * Returns: (transfer none): the application's #RdClock
 */
RdClock *
rd_application_get_clock (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);

  return self->clock;
}

const GError *
rd_application_get_store_error (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);

  rd_application_get_store (self);
  return self->store_error;
}

const char *
rd_application_get_data_dir (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);

  return self->data_dir;
}

/**
 * rd_application_set_data_dir:
 *
 * Points the application at another data folder. The current store is
 * closed, so call this only while no window is open.
 */
void
rd_application_set_data_dir (RdApplication *self,
                             const char    *data_dir)
{
  g_return_if_fail (RD_IS_APPLICATION (self));
  g_return_if_fail (gtk_application_get_windows (GTK_APPLICATION (self)) == NULL);

  g_free (self->data_dir);
  self->data_dir = g_strdup (data_dir);
  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
}

static int
rd_application_handle_local_options (GApplication *app,
                                     GVariantDict *options)
{
  RdApplication *self = RD_APPLICATION (app);
  const char *data_dir = NULL;

  if (g_variant_dict_lookup (options, "version", "b", NULL))
    {
      g_print ("redress %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_lookup (options, "data-dir", "^&ay", &data_dir))
    {
      g_autofree char *absolute = g_canonicalize_filename (data_dir, NULL);

      rd_application_set_data_dir (self, absolute);
      /* Another folder means another set of cases: run as a separate
       * instance rather than handing the request to a running one. */
      g_application_set_flags (app, g_application_get_flags (app) | G_APPLICATION_NON_UNIQUE);
    }
  return -1;
}

static void
rd_application_activate (GApplication *app)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (app));

  /* Asked as it ends (Redress started again a moment after quitting):
   * there is no store for a window any more. */
  if (RD_APPLICATION (app)->shutting_down)
    return;

  if (window == NULL)
    window = GTK_WINDOW (rd_application_new_window (RD_APPLICATION (app)));
  gtk_window_present (window);
}

static void
quit_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  GList *windows = gtk_application_get_windows (app);

  /* Closing each window lets editors write what is still pending. A
   * window that could not write stays open and says why; the application
   * then goes on running, and ends when its last window closes. */
  while (windows != NULL)
    {
      GList *next = windows->next;
      gtk_window_close (GTK_WINDOW (windows->data));
      windows = next;
    }
  if (gtk_application_get_windows (app) == NULL)
    g_application_quit (G_APPLICATION (app));
}

static void
about_activated_cb (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);
  const char *developers[] = { _("The Redress developers"), NULL };

  adw_show_about_window (gtk_application_get_active_window (app),
                         "application-name", _("Redress"),
                         "application-icon", APP_ID,
                         "version", PACKAGE_VERSION,
                         "developer-name", _("The Redress developers"),
                         "developers", developers,
                         "comments", _("Keep a dated record of what happened, hold your "
                                       "landlord to its complaint deadlines, and take your "
                                       "complaint to the Housing Ombudsman."),
                         "license-type", GTK_LICENSE_GPL_3_0,
                         "translator-credits", _("translator-credits"),
                         NULL);
}

static void
help_activated_cb (GSimpleAction *action,
                   GVariant      *parameter,
                   gpointer       user_data)
{
  GtkApplication *app = GTK_APPLICATION (user_data);

  rd_help_show (gtk_application_get_active_window (app), NULL);
}

static void
open_sample_case_activated_cb (GSimpleAction *action,
                               GVariant      *parameter,
                               gpointer       user_data)
{
  RdApplication *self = RD_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RdStore *store = rd_application_get_store (self);
  g_autoptr(GError) error = NULL;
  gint64 case_id;

  if (!RD_IS_WINDOW (window))
    window = GTK_WINDOW (rd_application_new_window (self));
  gtk_window_present (window);
  if (store == NULL)
    return;

  case_id = rd_case_service_ensure_sample (store, &error);
  if (case_id == 0 || !rd_window_open_case (RD_WINDOW (window), case_id, &error))
    rd_window_add_toast (RD_WINDOW (window), error->message);
}

/* Whether @store keeps its cases in @folder. */
static gboolean
store_is_in (RdStore    *store,
             const char *folder)
{
  g_autofree char *canonical = g_canonicalize_filename (folder, NULL);
  g_autofree char *ours = g_canonicalize_filename (rd_store_get_data_dir (store), NULL);

  return g_str_equal (canonical, ours);
}

/*
 * Clicking a deadline reminder, sent by the window or by `redress-cli
 * remind` while Redress was closed (which starts Redress through D-Bus
 * for it), opens the case it is about. The target names the data folder
 * too: a number alone could be another folder's case.
 */
static void
open_case_activated_cb (GSimpleAction *action,
                        GVariant      *parameter,
                        gpointer      user_data)
{
  RdApplication *self = RD_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  g_autoptr(GError) error = NULL;
  const char *folder = NULL;
  gint64 case_id = 0;
  RdStore *store;

  g_variant_get (parameter, "(&sx)", &folder, &case_id);
  /* With no window open yet, the folder can still be chosen. */
  if (window == NULL && (self->store == NULL || !store_is_in (self->store, folder)))
    rd_application_set_data_dir (self, folder);
  if (!RD_IS_WINDOW (window))
    window = GTK_WINDOW (rd_application_new_window (self));
  gtk_window_present (window);
  store = rd_application_get_store (self);
  if (store == NULL)
    return;
  if (!store_is_in (store, folder))
    {
      g_autofree char *message = NULL;

      /* One Redress holds one data folder; another needs its own window. */
      message = g_strdup_printf (_("That reminder is about a case in another data folder, “%s”. "
                                   "Start Redress with that folder to open it."), folder);
      rd_window_add_toast (RD_WINDOW (window), message);
      return;
    }
  if (!rd_window_open_case (RD_WINDOW (window), case_id, &error))
    rd_window_add_toast (RD_WINDOW (window), error->message);
}

/**
 * rd_application_new_window:
 *
 * Opens a main window on the application's store (or on why it could not
 * be opened). The window is handed what it needs and never asks the
 * application itself.
 *
 * Returns: (transfer none): the new window
 */
RdWindow *
rd_application_new_window (RdApplication *self)
{
  g_return_val_if_fail (RD_IS_APPLICATION (self), NULL);

  return rd_window_new (GTK_APPLICATION (self), rd_application_get_store (self),
                        rd_application_get_store_error (self));
}

static void
preferences_activated_cb (GSimpleAction *action,
                          GVariant      *parameter,
                          gpointer       user_data)
{
  RdApplication *self = RD_APPLICATION (user_data);
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));
  RdStore *store = rd_application_get_store (self);

  if (store == NULL)
    return;
  gtk_window_present (GTK_WINDOW (rd_preferences_window_new (window, store)));
}

static const GActionEntry app_actions[] = {
  { "quit", quit_activated_cb },
  { "about", about_activated_cb },
  { "help", help_activated_cb },
  { "open-sample-case", open_sample_case_activated_cb },
  { "open-case", open_case_activated_cb, "(sx)" },
  { "preferences", preferences_activated_cb },
};

/* Every shortcut here is also listed in ui/gtk/help-overlay.ui. */
static const struct {
  const char *action;
  const char *accels[3];
} accels[] = {
  { "app.quit", { "<Control>q", NULL } },
  { "window.close", { "<Control>w", NULL } },
  { "win.new-incident", { "<Control>n", NULL } },
  { "win.find", { "<Control>f", NULL } },
  { "win.lock", { "<Control>l", NULL } },
  { "win.export", { "<Control>e", NULL } },
  /* Alt+1…6: the case pages, in the order their tabs show. */
  { "win.show-page::dashboard", { "<Alt>1", NULL } },
  { "win.show-page::diary", { "<Alt>2", NULL } },
  { "win.show-page::contacts", { "<Alt>3", NULL } },
  { "win.show-page::complaints", { "<Alt>4", NULL } },
  { "win.show-page::evidence", { "<Alt>5", NULL } },
  { "win.show-page::timeline", { "<Alt>6", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.help", { "F1", NULL } },
  /* GtkApplication sets this itself only for a gtk/help-overlay.ui, which
   * Redress keeps under another name to build it when first shown
   * (rd-window-actions.c). */
  { "win.show-help-overlay", { "<Control>question", NULL } },
};

/*
 * Logging out or shutting down ends Redress with SIGTERM (a closed terminal
 * with SIGHUP, Ctrl+C with SIGINT). Quit as Ctrl+Q does, so that every
 * editor first writes what was typed a moment before.
 */
static gboolean
on_terminate_cb (gpointer user_data)
{
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

static void
rd_application_startup (GApplication *app)
{
  G_APPLICATION_CLASS (rd_application_parent_class)->startup (app);
  rd_gui_install_accessible_names ();
  rd_gui_install_choice_shortcuts ();
  rd_gui_install_whole_headers ();
  rd_gui_install_whole_group_titles ();

  g_unix_signal_add (SIGTERM, on_terminate_cb, app);
  g_unix_signal_add (SIGHUP, on_terminate_cb, app);
  g_unix_signal_add (SIGINT, on_terminate_cb, app);

  g_action_map_add_action_entries (G_ACTION_MAP (app), app_actions,
                                   G_N_ELEMENTS (app_actions), app);
  for (guint i = 0; i < G_N_ELEMENTS (accels); i++)
    gtk_application_set_accels_for_action (GTK_APPLICATION (app), accels[i].action,
                                           accels[i].accels);
}

static void
rd_application_finalize (GObject *object)
{
  RdApplication *self = (RdApplication *)object;

  g_clear_object (&self->store);
  g_clear_error (&self->store_error);
  g_clear_pointer (&self->data_dir, g_free);
  g_clear_object (&self->clock);
  g_clear_object (&self->settings);

  G_OBJECT_CLASS (rd_application_parent_class)->finalize (object);
}

/* Long enough for a cancelled worker to come back, short enough that a
 * quit does not hang on one that reads on regardless. */
#define WORKERS_WAIT_MS 2000

/* Shared by the wait and the store's finalization, which may happen in a
 * worker thread (the one that let go of the store last), or never. */
typedef struct {
  int closed;
  int waited;
} StoreWait;

static gboolean
workers_waited_enough_cb (gpointer user_data)
{
  StoreWait *wait = user_data;

  g_atomic_int_set (&wait->waited, TRUE);
  return G_SOURCE_REMOVE;
}

/* Called as the store's data is cleared, after RdStore's own finalize has
 * closed the file and removed its "open" marker (a weak reference would
 * come before that, at dispose). */
static void
store_closed_cb (gpointer user_data)
{
  StoreWait *wait = user_data;

  g_atomic_int_set (&wait->closed, TRUE);
  g_main_context_wakeup (NULL);
  g_atomic_rc_box_release (wait);
}

/*
 * The windows are closed and their pages have cancelled their workers
 * (What Next's, the case list's, the notifier's), but a worker holds the
 * store until its result is back on the main loop, which no longer runs
 * once the application has quit. A store never finalized leaves its "open"
 * marker behind, and the next start then reads the whole case file
 * through as after a crash (rd-store-integrity.c): a second for a large
 * one (issue 17). So the main loop runs on until the workers have let go
 * of the store, for a moment at most, before Redress ends.
 */
static void
rd_application_shutdown (GApplication *app)
{
  RdApplication *self = RD_APPLICATION (app);

  self->shutting_down = TRUE;
  if (self->store != NULL)
    {
      StoreWait *wait = g_atomic_rc_box_new0 (StoreWait);
      guint timeout_id;

      g_object_set_data_full (G_OBJECT (self->store), "rd-application-store-wait",
                              g_atomic_rc_box_acquire (wait), store_closed_cb);
      g_clear_object (&self->store);
      timeout_id = g_timeout_add (WORKERS_WAIT_MS, workers_waited_enough_cb, wait);
      while (!g_atomic_int_get (&wait->closed) && !g_atomic_int_get (&wait->waited))
        g_main_context_iteration (NULL, TRUE);
      if (!g_atomic_int_get (&wait->waited))
        g_source_remove (timeout_id);
      else if (!g_atomic_int_get (&wait->closed))
        g_debug ("A worker still held the store as Redress ended");
      g_atomic_rc_box_release (wait);
    }

  G_APPLICATION_CLASS (rd_application_parent_class)->shutdown (app);
}

static void
rd_application_class_init (RdApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->finalize = rd_application_finalize;
  app_class->activate = rd_application_activate;
  app_class->startup = rd_application_startup;
  app_class->shutdown = rd_application_shutdown;
  app_class->handle_local_options = rd_application_handle_local_options;
}

static void
rd_application_init (RdApplication *self)
{
  const GOptionEntry entries[] = {
    { "data-dir", 0, 0, G_OPTION_ARG_FILENAME, NULL,
      N_("Keep the case file and evidence in DIR instead of the usual place"), N_("DIR") },
    { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_("Show the version"), NULL },
    { NULL }
  };
  g_autoptr(GError) error = NULL;
  g_autoptr(RdClock) from_env = NULL;

  /* REDRESS_TODAY=YYYY-MM-DD is for end-to-end tests, as in redress-cli:
   * the app runs as if it were noon that day, so that a journey can come
   * back to its case weeks later. The default clock itself is fixed, since
   * widgets made before a store exists (the date picker) read that one. */
  self->clock = g_object_ref (rd_clock_get_default ());
  from_env = rd_clock_new_from_env ("REDRESS_TODAY", &error);
  if (from_env == NULL)
    g_warning ("%s", error->message);
  else if (from_env != self->clock)
    {
      g_autoptr(GDateTime) noon = rd_clock_dup_now (from_env);

      rd_clock_set_fixed (self->clock, noon);
    }
  g_application_add_main_option_entries (G_APPLICATION (self), entries);
  g_application_set_option_context_summary (G_APPLICATION (self),
                                            _("Prepare a housing complaint and take it to the Housing Ombudsman."));
}
