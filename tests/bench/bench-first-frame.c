/* bench-first-frame.c: what bench-startup's children share: the window that is timed, and its first paint reported.
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * A child prints "painted TIME" (g_get_monotonic_time()) at the end of its
 * first window's first paint, and "cpu USEC", the processor time (user and
 * system, all threads) the process had used by then, then quits as the user does (app.quit), so
 * that a data folder is closed cleanly and the next start is an ordinary
 * one. With BENCH_IDLE_FRAMES set it instead counts the frames drawn in
 * two seconds of doing nothing, three seconds after the first one, or
 * BENCH_IDLE_AFTER seconds after it: long enough for the work that follows
 * the start of a large case (What Next) to end, to see that once it has,
 * nothing draws.
 */

#include "bench-first-frame.h"

#include <sys/resource.h>

static void
on_idle_frame_cb (GdkFrameClock *clock,
                  guint         *frames)
{
  (*frames)++;
}

static gboolean
report_idle_frames_cb (gpointer user_data)
{
  GApplication *app = G_APPLICATION (user_data);
  guint *frames = g_object_get_data (G_OBJECT (app), "frames");

  g_print ("idle-frames %u\n", *frames);
  if (g_action_group_has_action (G_ACTION_GROUP (app), "quit"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  else
    g_application_quit (app);
  return G_SOURCE_REMOVE;
}

static gboolean
start_counting_cb (gpointer user_data)
{
  GdkFrameClock *clock = GDK_FRAME_CLOCK (user_data);
  GApplication *app = g_object_get_data (G_OBJECT (clock), "app");
  guint *frames = g_new0 (guint, 1);

  g_object_set_data_full (G_OBJECT (app), "frames", frames, g_free);
  g_signal_connect (clock, "after-paint", G_CALLBACK (on_idle_frame_cb), frames);
  g_timeout_add (2000, report_idle_frames_cb, app);
  return G_SOURCE_REMOVE;
}

/* Once the start has settled (three seconds after the first frame, or
 * BENCH_IDLE_AFTER), frames drawn while nothing happens, for two seconds. */
static void
count_idle_frames (GdkFrameClock *clock,
                   GApplication  *app)
{
  const char *after = g_getenv ("BENCH_IDLE_AFTER");
  guint seconds = after != NULL ? (guint) g_ascii_strtoull (after, NULL, 10) : 3;

  g_object_set_data (G_OBJECT (clock), "app", app);
  g_timeout_add (MAX (seconds, 1) * 1000, start_counting_cb, clock);
}

/* Processor time of the whole process so far, user and system, in µs:
 * unlike the wall clock, hardly moved by other programs on the machine. */
static gint64
process_cpu_usec (void)
{
  struct rusage usage;

  if (getrusage (RUSAGE_SELF, &usage) != 0)
    return -1;
  return (gint64) (usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) * G_USEC_PER_SEC
         + usage.ru_utime.tv_usec + usage.ru_stime.tv_usec;
}

/* The first paint of the first window: report it, then quit cleanly. */
static void
on_after_paint_cb (GdkFrameClock *clock,
                   gpointer       user_data)
{
  GApplication *app = G_APPLICATION (user_data);

  if (g_object_get_data (G_OBJECT (app), "painted") != NULL)
    return;
  g_object_set_data (G_OBJECT (app), "painted", GINT_TO_POINTER (1));
  g_print ("painted %" G_GINT64_FORMAT "\n", g_get_monotonic_time ());
  g_print ("cpu %" G_GINT64_FORMAT "\n", process_cpu_usec ());
  fflush (stdout);
  if (g_getenv ("BENCH_IDLE_FRAMES") != NULL)
    {
      count_idle_frames (clock, app);
      return;
    }
  if (g_action_group_has_action (G_ACTION_GROUP (app), "quit"))
    g_action_group_activate_action (G_ACTION_GROUP (app), "quit", NULL);
  else
    g_application_quit (app);
}

static void
on_window_realized_cb (GtkWidget *window,
                       gpointer   user_data)
{
  g_signal_connect (gtk_widget_get_frame_clock (window), "after-paint",
                    G_CALLBACK (on_after_paint_cb), user_data);
}

static void
on_window_added_cb (GtkApplication *app,
                    GtkWindow      *window,
                    gpointer        user_data)
{
  if (gtk_application_get_windows (app)->next == NULL)
    g_signal_connect (window, "realize", G_CALLBACK (on_window_realized_cb), app);
}

/**
 * bench_first_frame_watch:
 *
 * Reports the first paint of @app's first window, then quits @app.
 */
void
bench_first_frame_watch (GApplication *app)
{
  g_signal_connect (app, "window-added", G_CALLBACK (on_window_added_cb), NULL);
}

/**
 * bench_first_frame_bare_window_cb:
 *
 * The reference: a bare AdwApplicationWindow with a header bar, of
 * Redress's default size. For #GApplication::activate.
 */
void
bench_first_frame_bare_window_cb (GApplication *app,
                                  gpointer      user_data)
{
  GtkWidget *window = adw_application_window_new (GTK_APPLICATION (app));
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);

  gtk_box_append (GTK_BOX (box), adw_header_bar_new ());
  adw_application_window_set_content (ADW_APPLICATION_WINDOW (window), box);
  gtk_window_set_default_size (GTK_WINDOW (window), 900, 640);
  gtk_window_present (GTK_WINDOW (window));
}
