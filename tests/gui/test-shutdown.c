/* test-shutdown.c: quitting while a worker still holds the store.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A store that is never finalized leaves its "open" marker, and the next
 * start reads the whole case file through as after a crash (issue 17).
 * Workers hold the store until their answer is back on the main loop, so
 * Redress lets them come back, for two seconds at most, as it ends. Each
 * case runs the real application, once, in a process of its own.
 */
#include "config.h"

#include <glib/gstdio.h>

#include "rd-application.h"
#include "rd-test-gui.h"

typedef struct {
  guint    worker_ms;   /* how long the worker holds the store */
  gint64   quit_at;     /* monotonic µs */
} Run;

/* The worker: holds the store (the task's source object) as the services'
 * workers do, and answers on the main loop. */
static void
worker_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  g_usleep (GPOINTER_TO_UINT (task_data) * (gulong) 1000);
  g_task_return_boolean (task, TRUE);
}

static gboolean
quit_cb (gpointer user_data)
{
  GApplication *app = user_data;
  Run *run = g_object_get_data (G_OBJECT (app), "run");

  run->quit_at = g_get_monotonic_time ();
  g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  return G_SOURCE_REMOVE;
}

static void
on_activate_cb (GApplication *app,
                Run          *run)
{
  RdStore *store = rd_application_get_store (RD_APPLICATION (app));
  g_autoptr(GTask) task = NULL;

  g_assert_nonnull (store);
  task = g_task_new (store, NULL, NULL, NULL);
  g_task_set_task_data (task, GUINT_TO_POINTER (run->worker_ms), NULL);
  g_task_run_in_thread (task, worker_thread);
  /* Quit while the worker is still at work: the window has just opened. */
  g_timeout_add (200, quit_cb, app);
}

static gboolean
has_open_marker (const char *dir)
{
  g_autoptr(GDir) listing = g_dir_open (dir, 0, NULL);
  const char *name;

  g_assert_nonnull (listing);
  while ((name = g_dir_read_name (listing)) != NULL)
    if (strstr (name, "-open-") != NULL)
      return TRUE;
  return FALSE;
}

/* Runs Redress on a new data folder; returns how long it took to end
 * after Quit (s), and whether the store's marker was left. */
static double
run_app (guint     worker_ms,
         gboolean *marker_left)
{
  g_autofree char *dir = g_dir_make_tmp ("redress-shutdown-XXXXXX", NULL);
  g_autoptr(RdApplication) app = rd_application_new (G_APPLICATION_NON_UNIQUE);
  char *argv[] = { (char *) "redress", (char *) "--data-dir", dir, NULL };
  Run run = { worker_ms, 0 };
  double seconds;

  g_object_set_data (G_OBJECT (app), "run", &run);
  g_signal_connect_after (app, "activate", G_CALLBACK (on_activate_cb), &run);
  g_assert_cmpint (g_application_run (G_APPLICATION (app), 3, argv), ==, 0);
  seconds = (g_get_monotonic_time () - run.quit_at) / (double) G_USEC_PER_SEC;
  g_assert_cmpint (run.quit_at, >, 0);
  *marker_left = has_open_marker (dir);
  return seconds;
}

/* A worker that comes back a moment after Quit: the store is closed, its
 * marker removed, and Redress ends without waiting the full two seconds. */
static void
test_worker_lets_go (void)
{
  if (g_test_subprocess ())
    {
      gboolean marker_left = TRUE;
      double seconds = run_app (800, &marker_left);

      g_assert_false (marker_left);
      g_assert_cmpfloat (seconds, <, 1.9);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

/* A worker that does not come back: Redress still ends, two seconds
 * after Quit, and leaves the marker for the next start to check. */
static void
test_worker_never_returns (void)
{
  if (g_test_subprocess ())
    {
      gboolean marker_left = FALSE;
      double seconds = run_app (60 * 1000, &marker_left);

      g_assert_true (marker_left);
      g_assert_cmpfloat (seconds, >=, 1.9);
      g_assert_cmpfloat (seconds, <, 10.0);
      return;
    }
  g_test_trap_subprocess (NULL, 60 * G_USEC_PER_SEC, G_TEST_SUBPROCESS_INHERIT_STDERR);
  g_test_trap_assert_passed ();
}

int
main (int   argc,
      char *argv[])
{
  rd_test_gui_init (&argc, &argv);
  g_test_add_func ("/shutdown/worker-lets-go", test_worker_lets_go);
  g_test_add_func ("/shutdown/worker-never-returns", test_worker_never_returns);
  return g_test_run ();
}
